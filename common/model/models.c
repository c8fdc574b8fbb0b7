/* models.c — bkz. models.h */
#include "model/models.h"

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
