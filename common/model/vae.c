/* vae.c — bkz. vae.h */
#include "model/vae.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/rng.h"
#include "core/util.h"
#include "model/ckpt.h"
#include "nn/dense.h"
#include "nn/latent.h"

void vae_build(Vae *m, int D, int H, int J, int variational, int max_batch) {
    memset(m, 0, sizeof *m);
    m->D = D, m->H = H, m->J = J, m->variational = variational, m->max_batch = max_batch;
    Params *P = &m->P;
    params_init(P);
    /* Tek tablo: ad, ağırlık ve gradyan işaretçisi, eleman sayısı. */
    params_add(P, "fc1.weight", &m->w.fc1w, &m->g.fc1w, (size_t)D * H);
    params_add(P, "fc1.bias", &m->w.fc1b, &m->g.fc1b, (size_t)H);
    params_add(P, "fc21.weight", &m->w.fc21w, &m->g.fc21w, (size_t)H * J);
    params_add(P, "fc21.bias", &m->w.fc21b, &m->g.fc21b, (size_t)J);
    if (variational) {
        params_add(P, "fc22.weight", &m->w.fc22w, &m->g.fc22w, (size_t)H * J);
        params_add(P, "fc22.bias", &m->w.fc22b, &m->g.fc22b, (size_t)J);
    }
    params_add(P, "fc3.weight", &m->w.fc3w, &m->g.fc3w, (size_t)J * H);
    params_add(P, "fc3.bias", &m->w.fc3b, &m->g.fc3b, (size_t)H);
    params_add(P, "fc4.weight", &m->w.fc4w, &m->g.fc4w, (size_t)H * D);
    params_add(P, "fc4.bias", &m->w.fc4b, &m->g.fc4b, (size_t)D);
    params_alloc(P);
    size_t B = (size_t)max_batch;
    m->h1 = xcalloc(B * H, sizeof(float));
    m->mu = xcalloc(B * J, sizeof(float));
    m->logvar = xcalloc(B * J, sizeof(float)); /* AE'de sıfır kalır */
    m->eps = xcalloc(B * J, sizeof(float));
    m->z = xcalloc(B * J, sizeof(float));
    m->h3 = xcalloc(B * H, sizeof(float));
    m->logits = xcalloc(B * D, sizeof(float));
    m->rec = xcalloc(B, sizeof(float));
    m->kl = xcalloc(B, sizeof(float));
    m->dlogits = xcalloc(B * D, sizeof(float));
    m->dh3 = xcalloc(B * H, sizeof(float));
    m->dz = xcalloc(B * J, sizeof(float));
    m->dmu = xcalloc(B * J, sizeof(float));
    m->dlogvar = xcalloc(B * J, sizeof(float));
    m->dh1 = xcalloc(B * H, sizeof(float));
    m->dh1b = xcalloc(B * H, sizeof(float));
}

void vae_free(Vae *m) {
    float *bufs[] = {m->h1, m->mu, m->logvar, m->eps, m->z, m->h3, m->logits, m->rec, m->kl,
                     m->dlogits, m->dh3, m->dz, m->dmu, m->dlogvar, m->dh1, m->dh1b};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++) free(bufs[i]);
    params_free(&m->P);
    memset(m, 0, sizeof *m);
}

static void init_linear(float *W, float *b, int IN, int OUT, Rng *r) {
    float a = 1.0f / sqrtf((float)IN);
    for (size_t i = 0; i < (size_t)IN * OUT; i++) W[i] = a * (2.0f * rng_uniform(r) - 1.0f);
    for (int o = 0; o < OUT; o++) b[o] = a * (2.0f * rng_uniform(r) - 1.0f);
}

void vae_init_torch(Vae *m, uint64_t seed) {
    Rng r;
    rng_seed(&r, seed);
    init_linear(m->w.fc1w, m->w.fc1b, m->D, m->H, &r);
    init_linear(m->w.fc21w, m->w.fc21b, m->H, m->J, &r);
    if (m->variational) init_linear(m->w.fc22w, m->w.fc22b, m->H, m->J, &r);
    init_linear(m->w.fc3w, m->w.fc3b, m->J, m->H, &r);
    init_linear(m->w.fc4w, m->w.fc4b, m->H, m->D, &r);
}

static void relu_inplace(float *a, size_t n) {
    for (size_t i = 0; i < n; i++) a[i] = a[i] > 0.0f ? a[i] : 0.0f;
}
/* ReLU'nun geri geçişi yerinde: çıkışı 0 olan (kapalı) birimlerin gradyanı 0. */
static void relu_mask_inplace(float *d, const float *out, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (out[i] <= 0.0f) d[i] = 0.0f;
}

void vae_encode(Vae *m, const float *x, int B) {
    int D = m->D, H = m->H, J = m->J;
    dense_forward(m->h1, x, m->w.fc1w, m->w.fc1b, B, D, H);
    relu_inplace(m->h1, (size_t)B * H);
    dense_forward(m->mu, m->h1, m->w.fc21w, m->w.fc21b, B, H, J);
    if (m->variational) dense_forward(m->logvar, m->h1, m->w.fc22w, m->w.fc22b, B, H, J);
}

void vae_decode(Vae *m, const float *z, int B) {
    int D = m->D, H = m->H, J = m->J;
    dense_forward(m->h3, z, m->w.fc3w, m->w.fc3b, B, J, H);
    relu_inplace(m->h3, (size_t)B * H);
    dense_forward(m->logits, m->h3, m->w.fc4w, m->w.fc4b, B, H, D);
}

double vae_forward(Vae *m, const float *x, int B, const float *eps) {
    if (B > m->max_batch) die("vae_forward: yığın %d > max_batch %d", B, m->max_batch);
    size_t nJ = (size_t)B * m->J;
    vae_encode(m, x, B);
    if (m->variational && eps) {
        if (eps != m->eps) memcpy(m->eps, eps, nJ * sizeof(float));
        reparam_forward(m->z, m->mu, m->logvar, m->eps, nJ);
    } else {
        /* AE ya da "ortalamayı çöz": z = μ, gürültü yok (geri geçiş için ε = 0) */
        memcpy(m->z, m->mu, nJ * sizeof(float));
        memset(m->eps, 0, nJ * sizeof(float));
    }
    vae_decode(m, m->z, B);
    m->last_rec = bce_logits_sum_forward(m->rec, m->logits, x, B, m->D);
    if (m->variational)
        m->last_kl = gauss_kl_forward(m->kl, m->mu, m->logvar, B, m->J);
    else {
        m->last_kl = 0.0;
        memset(m->kl, 0, (size_t)B * sizeof(float));
    }
    return m->last_rec + m->last_kl;
}

void vae_backward(Vae *m, const float *x, int B) {
    int D = m->D, H = m->H, J = m->J;
    size_t nD = (size_t)B * D, nH = (size_t)B * H, nJ = (size_t)B * J;
    float s = 1.0f / (float)B; /* kayıp yığın ortalaması */
    /* Ara gradyan tamponları bu geri geçişe aittir: bir kez sıfırla, sonra hep ekle. */
    memset(m->dlogits, 0, nD * sizeof(float));
    memset(m->dh3, 0, nH * sizeof(float));
    memset(m->dz, 0, nJ * sizeof(float));
    memset(m->dmu, 0, nJ * sizeof(float));
    memset(m->dlogvar, 0, nJ * sizeof(float));
    memset(m->dh1, 0, nH * sizeof(float));
    memset(m->dh1b, 0, nH * sizeof(float));
    /* kod çözücü: logit → h3 → z */
    bce_logits_sum_backward(m->dlogits, m->logits, x, B, D, s);
    dense_backward(m->dh3, m->g.fc4w, m->g.fc4b, m->dlogits, m->h3, m->w.fc4w, B, H, D);
    relu_mask_inplace(m->dh3, m->h3, nH);
    dense_backward(m->dz, m->g.fc3w, m->g.fc3b, m->dh3, m->z, m->w.fc3w, B, J, H);
    /* örnekleme adımı ve KL: dμ iki yoldan (z ve KL) gelir, ikisi de eklenir */
    if (m->variational) {
        reparam_backward(m->dmu, m->dlogvar, m->dz, m->logvar, m->eps, nJ);
        gauss_kl_backward(m->dmu, m->dlogvar, m->mu, m->logvar, nJ, s);
    } else {
        memcpy(m->dmu, m->dz, nJ * sizeof(float));
    }
    /* kodlayıcı: μ ve lv aynı h1'den çıkar; h1'in gradyanı ikisinin toplamıdır.
     * (dense_backward dinp'e yazar ya da ekler; iki ayrı sıfırlanmış tampon her iki
     * kuralda da doğrudur.) */
    dense_backward(m->dh1, m->g.fc21w, m->g.fc21b, m->dmu, m->h1, m->w.fc21w, B, H, J);
    if (m->variational) {
        dense_backward(m->dh1b, m->g.fc22w, m->g.fc22b, m->dlogvar, m->h1, m->w.fc22w, B, H, J);
        for (size_t i = 0; i < nH; i++) m->dh1[i] += m->dh1b[i];
    }
    relu_mask_inplace(m->dh1, m->h1, nH);
    dense_backward(NULL, m->g.fc1w, m->g.fc1b, m->dh1, x, m->w.fc1w, B, D, H);
}

void vae_train_epoch(Vae *m, Adam *opt, Batcher *bt, Rng *r, double *rec, double *kl) {
    if (bt->batch > m->max_batch)
        die("vae_train_epoch: yığın %d > max_batch %d", bt->batch, m->max_batch);
    float *x = xmalloc((size_t)bt->batch * m->D * sizeof(float));
    double sr = 0, sk = 0;
    int seen = 0, B;
    batcher_shuffle(bt, r);
    while ((B = batcher_next(bt, x, NULL, (Norm){.kind = NORM_MINMAX})) > 0) {
        for (int i = 0; i < B * m->J; i++) m->eps[i] = rng_normal(r);
        vae_forward(m, x, B, m->variational ? m->eps : NULL);
        params_zero_grad(&m->P);
        vae_backward(m, x, B);
        adam_step(opt, m->P.params, m->P.grads);
        sr += m->last_rec * B;
        sk += m->last_kl * B;
        seen += B;
    }
    free(x);
    if (rec) *rec = seen ? sr / seen : 0;
    if (kl) *kl = seen ? sk / seen : 0;
}

void vae_decode_images(Vae *m, const float *z, int n, float *out) {
    for (int s0 = 0; s0 < n; s0 += m->max_batch) {
        int b = n - s0 < m->max_batch ? n - s0 : m->max_batch;
        vae_decode(m, z + (size_t)s0 * m->J, b);
        for (size_t i = 0; i < (size_t)b * m->D; i++)
            out[(size_t)s0 * m->D + i] = (float)(1.0 / (1.0 + exp(-(double)m->logits[i])));
    }
}

int vae_save(const Vae *m, const char *path, const char *meta, char *err, size_t errlen) {
    CkptInt conf[] = {{"D", m->D}, {"H", m->H}, {"J", m->J}};
    return ckpt_save(path, m->variational ? "vae" : "ae", conf, 3, meta, &m->P, err, errlen);
}

int vae_load(Vae *m, const char *path, int want_variational, int max_batch, char *err,
             size_t errlen) {
    Ckpt c;
    const char *kind = want_variational < 0 ? NULL : want_variational ? "vae" : "ae";
    if (ckpt_open(&c, path, kind, err, errlen) != 0) return -1;
    int variational = strcmp(c.kind, "vae") == 0;
    if (!variational && strcmp(c.kind, "ae") != 0) {
        snprintf(err, errlen, "'%s' bir otokodlayıcı modeli değil (türü '%s')", path, c.kind);
        ckpt_close(&c);
        return -1;
    }
    int64_t D, H, J;
    if (ckpt_get_int(&c, "D", 1, 1 << 16, &D, err, errlen) != 0 ||
        ckpt_get_int(&c, "H", 1, 1 << 14, &H, err, errlen) != 0 ||
        ckpt_get_int(&c, "J", 1, 1024, &J, err, errlen) != 0) {
        ckpt_close(&c);
        return -1;
    }
    /* Ayırmadan önce: bu boyutların parametreleri dosyaya sığıyor mu? (başlıktaki
     * sayılara körü körüne güvenip gigabaytlarca bellek istemeyelim) */
    int64_t n = D * H + H + H * J + J + J * H + H + H * D + D + (variational ? H * J + J : 0);
    if (n * 4 > (int64_t)c.size) {
        snprintf(err, errlen, "'%s': yapılandırma D=%lld H=%lld J=%lld %lld parametre istiyor, "
                 "dosya bunlar için fazla küçük (%zu bayt); dosya bozuk", path, (long long)D,
                 (long long)H, (long long)J, (long long)n, c.size);
        ckpt_close(&c);
        return -1;
    }
    vae_build(m, (int)D, (int)H, (int)J, variational, max_batch);
    if (ckpt_read_params(&c, &m->P, err, errlen) != 0) {
        ckpt_close(&c);
        vae_free(m);
        return -1;
    }
    ckpt_close(&c);
    return 0;
}
