/* layers.c — sıralı ağın katman türleri: her tür bir blok, en altta bir tablo (bkz. layers.h). */
#include "model/layers.h"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "nn/activation.h"
#include "nn/conv.h"
#include "nn/dense.h"
#include "nn/dropout.h"
#include "nn/pool.h"

static size_t out_n(const Layer *l, int B) { return (size_t)B * layer_out_size(l); }

/* ---- dense: a = çıkış genişliği ---- */
static int dense_shape(Layer *l, char *err, size_t errlen) {
    if (l->a < 1 || l->a > 1000000) {
        snprintf(err, errlen, "dense katmanının çıkış genişliği %d geçersiz", l->a);
        return -1;
    }
    l->out_c = l->a; l->out_h = 1; l->out_w = 1;
    l->nbias = (size_t)l->a;
    l->nparams = layer_in_size(l) * (size_t)l->a + l->nbias;
    return 0;
}
static void dense_init(const Layer *l, float *w, float *b, Rng *r) {
    dense_init_he(w, b, (int)layer_in_size(l), l->a, r);
}
/* Yardımcı tampon: seyrek giriş yolunun çalışma alanı (bkz. dense.h "SEYREK GİRİŞ");
 * yol her yığında girişin yoğunluğuna göre kendiliğinden seçilir. */
static size_t dense_aux(const Layer *l, int max_batch) {
    return dense_sparse_work_floats(max_batch, (int)layer_in_size(l));
}
static void dense_fwd(Layer *l, float *out, const float *inp, const float *w, const float *b, int B,
                      int train, Rng *rng) {
    (void)train; (void)rng;
    dense_forward_auto(out, inp, w, b, B, (int)layer_in_size(l), l->a, l->aux);
}
static void dense_bwd(const Layer *l, float *dinp, float *dw, float *db, const float *dout,
                      const float *inp, const float *w, int B) {
    dense_backward_auto(dinp, dw, db, dout, inp, w, B, (int)layer_in_size(l), l->a, l->aux);
}
static int dense_desc(const Layer *l, char *buf, size_t len) {
    return snprintf(buf, len, "dense(%d)", l->a);
}

/* ---- relu, sigmoid, tanh: alan yok; geri geçiş ileri geçişin çıkışını (l->act) kullanır ---- */
static int same_shape(Layer *l, char *err, size_t errlen) {
    (void)l; (void)err; (void)errlen;
    return 0;
}
static void relu_fwd(Layer *l, float *out, const float *inp, const float *w, const float *b, int B,
                     int train, Rng *rng) {
    (void)w; (void)b; (void)train; (void)rng;
    relu_forward(out, inp, out_n(l, B));
}
static void relu_bwd(const Layer *l, float *dinp, float *dw, float *db, const float *dout,
                     const float *inp, const float *w, int B) {
    (void)dw; (void)db; (void)inp; (void)w;
    if (dinp) relu_backward(dinp, dout, l->act, out_n(l, B));
}
static void sigmoid_fwd(Layer *l, float *out, const float *inp, const float *w, const float *b,
                        int B, int train, Rng *rng) {
    (void)w; (void)b; (void)train; (void)rng;
    sigmoid_forward(out, inp, out_n(l, B));
}
static void sigmoid_bwd(const Layer *l, float *dinp, float *dw, float *db, const float *dout,
                        const float *inp, const float *w, int B) {
    (void)dw; (void)db; (void)inp; (void)w;
    if (dinp) sigmoid_backward(dinp, dout, l->act, out_n(l, B));
}
static void tanh_fwd(Layer *l, float *out, const float *inp, const float *w, const float *b, int B,
                     int train, Rng *rng) {
    (void)w; (void)b; (void)train; (void)rng;
    tanh_forward(out, inp, out_n(l, B));
}
static void tanh_bwd(const Layer *l, float *dinp, float *dw, float *db, const float *dout,
                     const float *inp, const float *w, int B) {
    (void)dw; (void)db; (void)inp; (void)w;
    if (dinp) tanh_backward(dinp, dout, l->act, out_n(l, B));
}

/* ---- dropout: p = oran; maske yardımcı tamponda ---- */
static int dropout_shape(Layer *l, char *err, size_t errlen) {
    if (!(l->p >= 0.0f && l->p < 1.0f)) {
        snprintf(err, errlen, "dropout oranı %g geçersiz ([0,1) olmalı)", (double)l->p);
        return -1;
    }
    return 0;
}
static size_t per_output_aux(const Layer *l, int max_batch) { return out_n(l, max_batch); }
static void dropout_fwd(Layer *l, float *out, const float *inp, const float *w, const float *b,
                        int B, int train, Rng *rng) {
    (void)w; (void)b;
    dropout_forward(out, l->aux, inp, out_n(l, B), l->p, train, rng);
}
static void dropout_bwd(const Layer *l, float *dinp, float *dw, float *db, const float *dout,
                        const float *inp, const float *w, int B) {
    (void)dw; (void)db; (void)inp; (void)w;
    if (dinp) dropout_backward(dinp, dout, l->aux, out_n(l, B));
}
static int dropout_desc(const Layer *l, char *buf, size_t len) {
    return snprintf(buf, len, "dropout(%.2f)", (double)l->p);
}

/* ---- conv2d: a = çıkış kanalı, b = çekirdek k, c = adım, d = dolgu; tampon: evrişim work ---- */
static int conv_shape(Layer *l, char *err, size_t errlen) {
    int a = l->a, k = l->b, s = l->c, p = l->d;
    if (a < 1 || a > 4096 || k < 1 || k > 31 || s < 1 || s > 16 || p < 0 || p > 16) {
        snprintf(err, errlen, "conv2d tanımı geçersiz (kanal %d, çekirdek %d, adım %d, dolgu %d)",
                 a, k, s, p);
        return -1;
    }
    l->out_c = a;
    l->out_h = conv_out_dim(l->in_h, k, s, p);
    l->out_w = conv_out_dim(l->in_w, k, s, p);
    if (l->in_h + 2 * p < k || l->in_w + 2 * p < k || l->out_h < 1 || l->out_w < 1) {
        snprintf(err, errlen, "conv2d çekirdeği (%d) girişten (%dx%d) büyük", k, l->in_h, l->in_w);
        return -1;
    }
    l->nbias = (size_t)a;
    l->nparams = (size_t)a * l->in_c * k * k + l->nbias;
    return 0;
}
static size_t conv_aux(const Layer *l, int max_batch) {
    return conv2d_work_size(max_batch, l->in_c, l->in_h, l->in_w, l->a, l->b, l->c, l->d);
}
static void conv_init(const Layer *l, float *w, float *b, Rng *r) {
    (void)b;   /* bias 0 kalır */
    int fan_in = l->in_c * l->b * l->b;
    float s = sqrtf(2.0f / (float)fan_in);   /* He başlatma */
    for (size_t j = 0; j < (size_t)l->a * fan_in; j++) w[j] = s * rng_normal(r);
}
static void conv_fwd(Layer *l, float *out, const float *inp, const float *w, const float *b, int B,
                     int train, Rng *rng) {
    (void)train; (void)rng;
    conv2d_forward(out, inp, w, b, B, l->in_c, l->in_h, l->in_w, l->a, l->b, l->c, l->d, l->aux);
}
static void conv_bwd(const Layer *l, float *dinp, float *dw, float *db, const float *dout,
                     const float *inp, const float *w, int B) {
    conv2d_backward(dinp, dw, db, dout, inp, w, B, l->in_c, l->in_h, l->in_w, l->a, l->b, l->c,
                    l->d, l->aux);
}
static int conv_desc(const Layer *l, char *buf, size_t len) {
    if (l->c == 1 && l->d == 0) return snprintf(buf, len, "conv%dx%d(%d)", l->b, l->b, l->a);
    return snprintf(buf, len, "conv%dx%d(%d, adım %d, dolgu %d)", l->b, l->b, l->a, l->c, l->d);
}

/* ---- maxpool2d: a = pencere k (adım da k); argmax indisleri yardımcı tamponda (int) ---- */
static int pool_shape(Layer *l, char *err, size_t errlen) {
    if (l->a < 1 || l->a > l->in_h || l->a > l->in_w) {
        snprintf(err, errlen, "maxpool2d penceresi %d girişe (%dx%d) uymuyor", l->a, l->in_h,
                 l->in_w);
        return -1;
    }
    l->out_h = l->in_h / l->a;
    l->out_w = l->in_w / l->a;
    return 0;
}
static void pool_fwd(Layer *l, float *out, const float *inp, const float *w, const float *b, int B,
                     int train, Rng *rng) {
    (void)w; (void)b; (void)train; (void)rng;
    maxpool2d_forward(out, (int *)l->aux, inp, B, l->in_c, l->in_h, l->in_w, l->a);
}
static void pool_bwd(const Layer *l, float *dinp, float *dw, float *db, const float *dout,
                     const float *inp, const float *w, int B) {
    (void)dw; (void)db; (void)inp; (void)w;
    if (dinp) maxpool2d_backward(dinp, dout, (const int *)l->aux, B, l->in_c, l->in_h, l->in_w, l->a);
}
static int pool_desc(const Layer *l, char *buf, size_t len) {
    return snprintf(buf, len, "maxpool%d", l->a);
}

/* ---- flatten: (C,H,W) -> (C*H*W); bellekte aynı düzen, yalnızca şekil değişir ---- */
static int flatten_shape(Layer *l, char *err, size_t errlen) {
    (void)err; (void)errlen;
    l->out_c = (int)layer_in_size(l); l->out_h = 1; l->out_w = 1;
    return 0;
}
static void flatten_fwd(Layer *l, float *out, const float *inp, const float *w, const float *b,
                        int B, int train, Rng *rng) {
    (void)w; (void)b; (void)train; (void)rng;
    memcpy(out, inp, out_n(l, B) * sizeof(float));
}
static void flatten_bwd(const Layer *l, float *dinp, float *dw, float *db, const float *dout,
                        const float *inp, const float *w, int B) {
    (void)dw; (void)db; (void)inp; (void)w;
    if (!dinp) return;
    size_t n = out_n(l, B);
    for (size_t j = 0; j < n; j++) dinp[j] += dout[j];
}

/* ---- leaky_relu: p = eğim α;  y = x (x > 0), αx (x <= 0);  dinp += dout · (x > 0 ? 1 : α) ---- */
static int leaky_shape(Layer *l, char *err, size_t errlen) {
    if (!(l->p >= 0.0f && l->p < 1.0f)) {
        snprintf(err, errlen, "leaky_relu eğimi %g geçersiz ([0,1) olmalı)", (double)l->p);
        return -1;
    }
    return 0;
}
static void leaky_fwd(Layer *l, float *out, const float *inp, const float *w, const float *b,
                      int B, int train, Rng *rng) {
    (void)w; (void)b; (void)train; (void)rng;
    size_t n = out_n(l, B);
    for (size_t i = 0; i < n; i++) out[i] = inp[i] > 0.0f ? inp[i] : l->p * inp[i];
}
static void leaky_bwd(const Layer *l, float *dinp, float *dw, float *db, const float *dout,
                      const float *inp, const float *w, int B) {
    (void)dw; (void)db; (void)w;
    if (!dinp) return;
    size_t n = out_n(l, B);
    for (size_t i = 0; i < n; i++) dinp[i] += inp[i] > 0.0f ? dout[i] : l->p * dout[i];
}
static int leaky_desc(const Layer *l, char *buf, size_t len) {
    return snprintf(buf, len, "leaky_relu(%.2f)", (double)l->p);
}

/* ---- tablo: bir satır = bir tür (sıra LayerKind numarasıdır) ---- */
static const LayerOps layer_table[LAYER_KIND_END] = {
    /*                 ad           shape          aux             init        forward      backward     describe */
    [LAYER_DENSE]     = {"dense",     dense_shape,   dense_aux,      dense_init, dense_fwd,   dense_bwd,   dense_desc},
    [LAYER_RELU]      = {"relu",      same_shape,    NULL,           NULL,       relu_fwd,    relu_bwd,    NULL},
    [LAYER_SIGMOID]   = {"sigmoid",   same_shape,    NULL,           NULL,       sigmoid_fwd, sigmoid_bwd, NULL},
    [LAYER_TANH]      = {"tanh",      same_shape,    NULL,           NULL,       tanh_fwd,    tanh_bwd,    NULL},
    [LAYER_DROPOUT]   = {"dropout",   dropout_shape, per_output_aux, NULL,       dropout_fwd, dropout_bwd, dropout_desc},
    [LAYER_CONV2D]    = {"conv2d",    conv_shape,    conv_aux,       conv_init,  conv_fwd,    conv_bwd,    conv_desc},
    [LAYER_MAXPOOL2D] = {"maxpool2d", pool_shape,    per_output_aux, NULL,       pool_fwd,    pool_bwd,    pool_desc},
    [LAYER_FLATTEN]   = {"flatten",   flatten_shape, NULL,           NULL,       flatten_fwd, flatten_bwd, NULL},
    [LAYER_LEAKY_RELU] = {"leaky_relu", leaky_shape, NULL,           NULL,       leaky_fwd,   leaky_bwd,   leaky_desc},
};

const LayerOps *layer_ops(int kind) {
    if (kind < 1 || kind >= LAYER_KIND_END || !layer_table[kind].name) return NULL;
    return &layer_table[kind];
}
