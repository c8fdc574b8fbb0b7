/* data.c — bkz. data.h */
#include "data/data.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/util.h"

void batch_fill(float *x, int *y, const ImageSet *set, const int *idx, int B, Norm n) {
    int C = set->channels > 0 ? set->channels : 1, HW = set->rows * set->cols, D = C * HW;
    int nl = n.kind == NORM_CHANNEL ? C : 1;
    if (nl > NORM_MAX_CH) nl = NORM_MAX_CH;
    /* Her piksel için aynı dönüşüm: 256 girdilik bir tablo (kanal başına bir tane) işi hızlandırır. */
    float lut[NORM_MAX_CH][256];
    for (int c = 0; c < nl; c++)
        for (int v = 0; v < 256; v++) lut[c][v] = norm_pixel_ch(n, c, (uint8_t)v);
    /* Tek çarpmalı dönüşümde (min-max, ham) tablo yerine doğrudan v·s: tablodan okumak
     * piksel başına bir dağınık okuma, çarpma ise vektörle 16 piksel birden. Tablo
     * bununla bire bir aynı değilse (başka bir normalizasyon) tabloya dönülür. */
    float sc = n.kind == NORM_RAW ? 1.0f : 1.0f / 255.0f;
    int direct = n.kind == NORM_RAW || n.kind == NORM_MINMAX;
    for (int v = 0; direct && v < 256; v++) direct = lut[0][v] == (float)v * sc;
    for (int b = 0; b < B; b++) {
        const uint8_t *src = set->images + (size_t)idx[b] * D;
        /* Örnekler karışık sırada: sıradakilerin görüntüsü büyük olasılıkla önbellekte yok.
         * Onları şimdiden istemek (prefetch) bellek beklemesini bu örneklerin işiyle örter.
         * Bir görüntünün dönüşümü (vektörle) bir bellek gecikmesinden kısa sürdüğü için
         * 16 örnek ilerisi istenir; ilk adımda ilk 16'sı birden. */
        for (int a = b == 0 ? 1 : b + 16; a <= b + 16 && a < B; a++) {
            const uint8_t *next = set->images + (size_t)idx[a] * D;
            for (int k = 0; k < D; k += 64) __builtin_prefetch(next + k);
        }
        float *dst = x + (size_t)b * D;
        if (direct) {
#pragma omp simd
            for (int i = 0; i < D; i++) dst[i] = (float)src[i] * sc;
        } else
            for (int c = 0; c < C; c++) {
                const float *l = lut[c < nl ? c : nl - 1];
                for (int i = c * HW; i < (c + 1) * HW; i++) dst[i] = l[src[i]];
            }
        if (y) y[b] = set->labels[idx[b]];
    }
}

void batcher_init(Batcher *b, const ImageSet *set, const int *subset, int n, int batch) {
    b->set = set;
    b->n = n;
    b->batch = batch;
    b->pos = 0;
    b->order = xmalloc((size_t)(n > 0 ? n : 1) * sizeof(int));
    for (int i = 0; i < n; i++) b->order[i] = subset ? subset[i] : i;
}

void batcher_shuffle(Batcher *b, Rng *rng) {
    rng_shuffle(rng, b->order, b->n);
    b->pos = 0;
}

int batcher_next(Batcher *b, float *x, int *y, Norm n) {
    int B = b->n - b->pos < b->batch ? b->n - b->pos : b->batch;
    if (B <= 0) return 0;
    batch_fill(x, y, b->set, b->order + b->pos, B, n);
    b->pos += B;
    return B;
}

int batcher_steps(const Batcher *b) { return (b->n + b->batch - 1) / b->batch; }

void batcher_free(Batcher *b) {
    free(b->order);
    b->order = NULL;
}

void imageset_pixel_stats(const ImageSet *s, double *mean, double *std) {
    size_t N = (size_t)s->n * s->rows * s->cols * (s->channels > 0 ? s->channels : 1);
    double sum = 0.0, sum2 = 0.0;
    for (size_t i = 0; i < N; i++) {
        double v = s->images[i] / 255.0;
        sum += v;
        sum2 += v * v;
    }
    double m = sum / (double)N;
    *mean = m;
    *std = sqrt(sum2 / (double)N - m * m);
}

void mnist_load_checked(Mnist *m, const char *dir, int need_train, int need_test) {
    mnist_load(dir, m);
    if (m->train.rows != 28 || m->train.cols != 28)
        die("'%s': görüntüler %dx%d; bu ders MNIST gibi 28x28'lik gri görüntüler bekliyor "
            "(train-images-idx3-ubyte ve t10k-images-idx3-ubyte)", dir, m->train.rows,
            m->train.cols);
    if (m->train.n < need_train)
        die("'%s': eğitim kümesinde (train-images-idx3-ubyte) %d görüntü var; bu ders en az %d "
            "görüntü istiyor", dir, m->train.n, need_train);
    if (m->test.n < need_test)
        die("'%s': test kümesinde (t10k-images-idx3-ubyte) %d görüntü var; bu ders en az %d "
            "görüntü istiyor", dir, m->test.n, need_test);
}

void mnist_split_load(MnistSplit *d, const char *dir, int ntrain, int nval, int ntest) {
    mnist_load(dir, &d->m);
    int n = d->m.train.n;
    if (ntrain <= 0) ntrain = n - nval;
    if (ntrain <= 0 || nval < 0 || ntrain + nval > n || d->m.train.rows != 28 || d->m.train.cols != 28)
        die("'%s': 28x28'lik en az %d eğitim görüntüsü gerekiyor (%d tane %dx%d var)", dir,
            (ntrain > 0 ? ntrain : 1) + nval, n, d->m.train.rows, d->m.train.cols);
    d->ntest = ntest <= 0 || ntest > d->m.test.n ? d->m.test.n : ntest;
    d->ntr = ntrain;
    d->nva = nval;
    d->tr_idx = xmalloc((size_t)ntrain * sizeof(int));
    d->va_idx = xmalloc((size_t)(nval > 0 ? nval : 1) * sizeof(int));
    for (int i = 0; i < ntrain; i++) d->tr_idx[i] = i;
    for (int i = 0; i < nval; i++) d->va_idx[i] = n - nval + i;
}

void mnist_split_free(MnistSplit *d) {
    mnist_free(&d->m);
    free(d->tr_idx);
    free(d->va_idx);
    d->tr_idx = d->va_idx = NULL;
}

void imageset_channel_stats(const ImageSet *s, const int *idx, int n, float *mean, float *std) {
    int C = s->channels > 0 ? s->channels : 1, HW = s->rows * s->cols;
    for (int c = 0; c < C; c++) {
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            const uint8_t *p = s->images + ((size_t)(idx ? idx[i] : i) * C + c) * HW;
            for (int k = 0; k < HW; k++) {
                sum += p[k];
                sq += (double)p[k] * p[k];
            }
        }
        double cnt = (double)n * HW, m = cnt > 0 ? sum / cnt : 0, v = cnt > 0 ? sq / cnt - m * m : 0;
        mean[c] = (float)(m / 255.0);
        std[c] = (float)(sqrt(v > 0 ? v : 0) / 255.0);
        if (std[c] < 1e-3f) std[c] = 1e-3f;   /* tek renkli kanal: sıfıra bölme yok */
    }
}
