/* models.c — bkz. models.h */
#include "model/models.h"
#include <stdio.h>

void models_mnist_mlp(Net *net, float dropout, int max_batch, uint64_t seed) {
    net_init(net, 1, 28, 28);
    net_dense(net, 256);
    net_relu(net);
    if (dropout > 0) net_dropout(net, dropout);
    net_dense(net, 128);
    net_relu(net);
    if (dropout > 0) net_dropout(net, dropout);
    net_dense(net, 10);
    net_build(net, max_batch, seed);
}

void models_mnist_cnn(Net *net, int C, int H, int W, int nclasses, int max_batch, uint64_t seed) {
    net_init(net, C, H, W);
    net_conv2d(net, 32, 3, 1, 0);
    net_relu(net);
    net_maxpool2d(net, 2);
    net_conv2d(net, 64, 3, 1, 0);
    net_relu(net);
    net_maxpool2d(net, 2);
    net_dropout(net, 0.25f);
    net_flatten(net);
    net_dense(net, 128);
    net_relu(net);
    net_dropout(net, 0.5f);
    net_dense(net, nclasses);
    net_build(net, max_batch, seed);
}

void models_mha_params_add(Params *P, const char *prefix, MhaParams *W, MhaParams *G, int C,
                           int CKV) {
    struct { const char *name; float **w, **g; size_t n; } t[8] = {
        {"wq", &W->wq, &G->wq, (size_t)C * C},   {"bq", &W->bq, &G->bq, (size_t)C},
        {"wk", &W->wk, &G->wk, (size_t)CKV * C}, {"bk", &W->bk, &G->bk, (size_t)C},
        {"wv", &W->wv, &G->wv, (size_t)CKV * C}, {"bv", &W->bv, &G->bv, (size_t)C},
        {"wo", &W->wo, &G->wo, (size_t)C * C},   {"bo", &W->bo, &G->bo, (size_t)C},
    };
    for (int i = 0; i < 8; i++) {
        char name[PARAMS_NAME_MAX];
        snprintf(name, sizeof name, "%s.%s", prefix, t[i].name);
        params_add(P, name, t[i].w, t[i].g, t[i].n);
    }
}
