/* judge.c — bkz. judge.h */
#include "lesson/judge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "lesson/term.h"
#include "data/data.h"
#include "model/models.h"
#include "model/train.h"
#include "nn/activation.h"
#include "nn/loss.h"

void judge_images(Net *cnn, const float *img, int n, Judge *j) {
    memset(j, 0, sizeof *j);
    int conf = 0, MB = cnn->max_batch;
    float *p = xmalloc((size_t)MB * 10 * sizeof(float));
    for (int s0 = 0; s0 < n; s0 += MB) {
        int B = n - s0 < MB ? n - s0 : MB;
        const float *z = net_forward(cnn, img + (size_t)s0 * 784, B, 0);
        softmax_forward(p, z, B, 10);
        for (int b = 0; b < B; b++) {
            int k = argmax(p + b * 10, 10);
            j->hist[k]++;
            conf += p[b * 10 + k] > 0.9f;
        }
    }
    free(p);
    j->share = n ? (double)conf / n : 0;
    for (int k = 0; k < 10; k++) j->classes5 += j->hist[k] >= 0.05 * n;
}

void judge_print_header(int n, int namew) {
    printf("\n%d örnek, güven eşiği 0.9:\n  ", n);
    term_pad("kaynak", namew);
    printf("  güvenle okunan  en az %%5 alan sınıf\n");
}

void judge_print_row(const char *name, const Judge *j, int namew) {
    char a[16], b[16];
    snprintf(a, sizeof a, "%%%.1f", 100.0 * j->share);
    snprintf(b, sizeof b, "%d/10", j->classes5);
    printf("  ");
    term_pad(name, namew);
    printf("  ");
    term_rpad(a, 14);
    printf("  ");
    term_rpad(b, 19);
    printf("\n");
}

void judge_cnn_train(Net *cnn, const ImageSet *train, const int *idx, int n, int epochs,
                     uint64_t seed, int max_batch) {
    models_mnist_cnn(cnn, 1, 28, 28, 10, max_batch, seed);
    TrainConfig cfg = train_config_default();
    cfg.epochs = epochs;
    cfg.seed = seed;
    cfg.quiet = 1;
    Adam opt;
    adam_init(&opt, cnn->nparams, 1e-3f);
    TrainHistory h;
    /* doğrulama kümesi yok: erken durdurma kapalıyken ağırlıkları değiştirmez, yalnızca
     * süre katardı */
    train_classifier(cnn, &opt, train, idx, n, NULL, NULL, 0, &cfg, &h);
    adam_free(&opt);
}

int judge_cnn_load(Net *cnn, const char *path, int max_batch) {
    char err[1024];
    if (!file_exists(path)) return 0;
    if (net_load(cnn, path, max_batch, err, sizeof err) != 0) die("%s", err);
    if (cnn->in_c != 1 || cnn->in_h != 28 || cnn->in_w != 28 || net_out_size(cnn) != 10)
        die("'%s' bir rakam okuyucusu değil: 1x28x28 giriş ve 10 sınıf bekleniyordu, "
            "bulunan (%d,%d,%d) giriş, %zu çıkış", path, cnn->in_c, cnn->in_h, cnn->in_w,
            net_out_size(cnn));
    return 1;
}

void lesson04_cnn_get(Net *cnn, const LessonArgs *a, int max_batch, const char **from) {
    const char *cands[2] = {MODEL_DIR "/lesson04_cnn.model", MODEL_DIR "/lesson04_cnn_quick.model"};
    for (int c = a->quick ? 1 : 0; c < 2; c++)
        if (judge_cnn_load(cnn, cands[c], max_batch)) {
            *from = cands[c];
            return;
        }
    int n = a->quick ? 1500 : 6000, epochs = a->quick ? 1 : 2;
    printf("lesson04 modeli yok (%s);\nMNIST'in %d görüntüsüyle %d epoch'luk kısa bir CNN "
           "eğitiliyor.\n(Daha iyisi için önce ./lesson04 çalıştırın.)\n", cands[a->quick ? 1 : 0],
           n, epochs);
    fflush(stdout);
    Mnist m;
    mnist_load_checked(&m, a->data_dir, n, 1); /* 28x28 ve en az n görüntü olmalı */
    judge_cnn_train(cnn, &m.train, NULL, n, epochs, (uint64_t)a->seed + 4, max_batch);
    mnist_free(&m);
    *from = "kısa MNIST eğitimi (bellekte)";
}
