/* transformer.c — ön-normalizasyonlu Transformer katmanı; kılavuz transformer.h'de. */
#include "model/transformer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "nn/act_extra.h"
#include "nn/dense.h"
#include "nn/embed.h"

static void add(Params *P, const char *prefix, const char *name, float **w, float **g, size_t n) {
    char full[PARAMS_NAME_MAX];
    snprintf(full, sizeof full, "%s.%s", prefix, name);
    params_add(P, full, w, g, n);
}

void tf_layer_params(Params *P, const char *prefix, const TfLayerCfg *c, TfLayerW *W, TfLayerW *G) {
    size_t C = (size_t)c->C, FF = (size_t)c->FF, nm = mha_param_count(c->C, c->C);
    memset(W, 0, sizeof *W);
    memset(G, 0, sizeof *G);
    add(P, prefix, "ln1_g", &W->ln1_g, &G->ln1_g, C);
    add(P, prefix, "ln1_b", &W->ln1_b, &G->ln1_b, C);
    add(P, prefix, "attn", &W->attn, &G->attn, nm);
    if (c->cross) {
        add(P, prefix, "ln2_g", &W->ln2_g, &G->ln2_g, C);
        add(P, prefix, "ln2_b", &W->ln2_b, &G->ln2_b, C);
        add(P, prefix, "xattn", &W->xattn, &G->xattn, nm);
    }
    add(P, prefix, "ln3_g", &W->ln3_g, &G->ln3_g, C);
    add(P, prefix, "ln3_b", &W->ln3_b, &G->ln3_b, C);
    add(P, prefix, "w1", &W->w1, &G->w1, C * FF);
    add(P, prefix, "b1", &W->b1, &G->b1, FF);
    add(P, prefix, "w2", &W->w2, &G->w2, FF * C);
    add(P, prefix, "b2", &W->b2, &G->b2, C);
}

void tf_layer_init(const TfLayerW *W, const TfLayerCfg *c, Rng *rng) {
    int C = c->C;
    for (int i = 0; i < C; i++) {
        W->ln1_g[i] = W->ln3_g[i] = 1.0f;
        W->ln1_b[i] = W->ln3_b[i] = 0.0f;
        if (c->cross) W->ln2_g[i] = 1.0f, W->ln2_b[i] = 0.0f;
    }
    MhaParams p;
    mha_params_point(&p, W->attn, C, C);
    mha_params_init(&p, C, C, rng);
    if (c->cross) {
        mha_params_point(&p, W->xattn, C, C);
        mha_params_init(&p, C, C, rng);
    }
    dense_init_glorot(W->w1, W->b1, C, c->FF, rng);
    dense_init_glorot(W->w2, W->b2, c->FF, C, rng);
}

void tf_acts_alloc(TfLayerActs *a, const TfLayerCfg *c, int maxB, int maxT, int maxTk) {
    memset(a, 0, sizeof *a);
    a->cfg = *c;
    a->maxB = maxB, a->maxT = maxT, a->maxTk = maxTk;
    size_t btc = (size_t)maxB * maxT * c->C, bt = (size_t)maxB * maxT, btf = (size_t)maxB * maxT * c->FF;
    mha_acts_alloc(&a->sa, c->C, c->C, c->NH, maxB, maxT, maxT);
    float **bufs_c[] = {&a->x0, &a->n1, &a->a1, &a->x1, &a->n3, &a->f, &a->dn, &a->dx2, &a->dx1};
    for (size_t i = 0; i < sizeof bufs_c / sizeof *bufs_c; i++) *bufs_c[i] = xcalloc(btc, 4);
    a->m1 = xcalloc(bt, 4), a->r1 = xcalloc(bt, 4);
    a->m3 = xcalloc(bt, 4), a->r3 = xcalloc(bt, 4);
    a->h = xcalloc(btf, 4), a->hr = xcalloc(btf, 4), a->dh = xcalloc(btf, 4);
    if (c->act == TF_ACT_GELU) a->dg = xcalloc(btf, 4);
    else if (c->act != TF_ACT_RELU) die("tf_acts_alloc: bilinmeyen aktivasyon %d", c->act);
    if (c->cross) {
        mha_acts_alloc(&a->ca, c->C, c->C, c->NH, maxB, maxT, maxTk);
        a->n2 = xcalloc(btc, 4), a->a2 = xcalloc(btc, 4), a->x2 = xcalloc(btc, 4);
        a->m2 = xcalloc(bt, 4), a->r2 = xcalloc(bt, 4);
    }
}

void tf_acts_free(TfLayerActs *a) {
    mha_acts_free(&a->sa);
    if (a->cfg.cross) mha_acts_free(&a->ca);
    float *all[] = {a->x0, a->n1, a->a1, a->x1, a->n3, a->f, a->dn, a->dx2, a->dx1, a->m1, a->r1,
                    a->m3, a->r3, a->h, a->hr, a->dh, a->n2, a->a2, a->x2, a->m2, a->r2, a->dg};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) free(all[i]);
    memset(a, 0, sizeof *a);
}

/* out = LN(x) ya da (norm=0) x'in kendisi; döndürülen, alt katmanın girdisidir. */
static const float *norm_fwd(float *out, float *mean, float *rstd, const float *x, const float *g,
                             const float *b, int norm, int B, int T, int C) {
    if (!norm) return x;
    layernorm_forward(out, mean, rstd, x, g, b, B, T, C);
    return out;
}

/* Artık bağlantı: out = x + sub (residual=1) ya da out = sub. */
static void residual_fwd(float *out, const float *x, const float *sub, int residual, size_t n) {
    if (residual)
        for (size_t i = 0; i < n; i++) out[i] = x[i] + sub[i];
    else
        memcpy(out, sub, n * sizeof(float));
}

void tf_layer_forward(float *y, TfLayerActs *a, const TfLayerW *W, const float *x, const float *enc,
                      int B, int T, int Tk, const unsigned char *self_mask,
                      const unsigned char *self_kpad, const unsigned char *enc_kpad) {
    const TfLayerCfg *c = &a->cfg;
    int C = c->C, FF = c->FF;
    if (B > a->maxB || T > a->maxT || (c->cross && Tk > a->maxTk))
        die("tf_layer_forward: boyutlar ayrılanı aşıyor (B=%d T=%d Tk=%d)", B, T, Tk);
    a->B = B, a->T = T, a->Tk = Tk, a->enc = enc;
    size_t n = (size_t)B * T * C;
    memcpy(a->x0, x, n * sizeof(float));
    mha_params_point(&a->sa_p, W->attn, C, C);

    /* 1) öz dikkat: x1 = x + MHA(LN1(x)) */
    const float *in1 = norm_fwd(a->n1, a->m1, a->r1, a->x0, W->ln1_g, W->ln1_b, c->norm, B, T, C);
    mha_forward(a->a1, &a->sa, &a->sa_p, in1, in1, B, T, T, self_mask, self_kpad);
    residual_fwd(a->x1, a->x0, a->a1, c->residual, n);

    /* 2) çapraz dikkat (kod çözücü): x2 = x1 + MHA(LN2(x1), enc) */
    const float *x2 = a->x1;
    if (c->cross) {
        mha_params_point(&a->ca_p, W->xattn, C, C);
        const float *in2 = norm_fwd(a->n2, a->m2, a->r2, a->x1, W->ln2_g, W->ln2_b, c->norm, B, T, C);
        mha_forward(a->a2, &a->ca, &a->ca_p, in2, enc, B, T, Tk, NULL, enc_kpad);
        residual_fwd(a->x2, a->x1, a->a2, c->residual, n);
        x2 = a->x2;
    }

    /* 3) ileri besleme: y = x2 + W2 φ(W1 LN3(x2) + b1) + b2,  φ = ReLU ya da GELU */
    const float *in3 = norm_fwd(a->n3, a->m3, a->r3, x2, W->ln3_g, W->ln3_b, c->norm, B, T, C);
    dense_forward(a->h, in3, W->w1, W->b1, B * T, C, FF);
    size_t nf = (size_t)B * T * FF;
    if (c->act == TF_ACT_GELU) gelu_forward(a->hr, a->h, nf);
    else
        for (size_t i = 0; i < nf; i++) a->hr[i] = a->h[i] > 0.0f ? a->h[i] : 0.0f;
    dense_forward(a->f, a->hr, W->w2, W->b2, B * T, FF, C);
    residual_fwd(y, x2, a->f, c->residual, n);
}

/* LN'nin (ya da norm=0 ise özdeşliğin) geri geçişi: dx += dLN/dx · dn */
static void norm_bwd(float *dx, float *dg, float *db, const float *dn, const float *x, const float *g,
                     const float *mean, const float *rstd, int norm, int B, int T, int C) {
    if (norm) {
        layernorm_backward(dx, dg, db, dn, x, g, mean, rstd, B, T, C);
    } else {
        size_t n = (size_t)B * T * C;
        for (size_t i = 0; i < n; i++) dx[i] += dn[i];
    }
}

void tf_layer_backward(float *dx, float *denc, TfLayerW *G, const float *dy, TfLayerActs *a,
                       const TfLayerW *W) {
    const TfLayerCfg *c = &a->cfg;
    int B = a->B, T = a->T, C = c->C, FF = c->FF;
    size_t n = (size_t)B * T * C, nf = (size_t)B * T * FF;
    const float *x2 = c->cross ? a->x2 : a->x1;
    const float *in3 = c->norm ? a->n3 : x2;

    /* 3) ileri besleme. y = x2 + f  =>  dx2 = dy (artık yol) + f'nin içinden gelen */
    memset(a->dh, 0, nf * sizeof(float));
    dense_backward(a->dh, G->w2, G->b2, dy, a->hr, W->w2, B * T, FF, C);
    const float *dpre = a->dh; /* W1 çıkışının (aktivasyon öncesinin) gradyanı */
    if (c->act == TF_ACT_GELU) { /* dg = dh ⊙ φ'(h),  φ'(u) = Φ(u) + u φ_N(u) */
        memset(a->dg, 0, nf * sizeof(float));
        gelu_backward(a->dg, a->dh, a->h, nf);
        dpre = a->dg;
    } else {
        for (size_t i = 0; i < nf; i++) /* ReLU: türev h > 0 ise 1, değilse 0 */
            if (a->h[i] <= 0.0f) a->dh[i] = 0.0f;
    }
    memset(a->dn, 0, n * sizeof(float));
    dense_backward(a->dn, G->w1, G->b1, dpre, in3, W->w1, B * T, C, FF);
    float *dx2 = a->dx2;
    if (c->residual) memcpy(dx2, dy, n * sizeof(float));
    else memset(dx2, 0, n * sizeof(float));
    norm_bwd(dx2, G->ln3_g, G->ln3_b, a->dn, x2, W->ln3_g, a->m3, a->r3, c->norm, B, T, C);

    /* 2) çapraz dikkat. x2 = x1 + MHA(LN2(x1), enc) */
    float *dx1 = dx2;
    if (c->cross) {
        MhaParams gca;
        mha_params_point(&gca, G->xattn, C, C);
        const float *in2 = c->norm ? a->n2 : a->x1;
        dx1 = a->dx1;
        if (c->residual) memcpy(dx1, dx2, n * sizeof(float));
        else memset(dx1, 0, n * sizeof(float));
        memset(a->dn, 0, n * sizeof(float));
        mha_backward(a->dn, denc, &gca, dx2, &a->ca, &a->ca_p, in2, a->enc);
        norm_bwd(dx1, G->ln2_g, G->ln2_b, a->dn, a->x1, W->ln2_g, a->m2, a->r2, c->norm, B, T, C);
    }

    /* 1) öz dikkat. x1 = x + MHA(LN1(x)) */
    if (c->residual)
        for (size_t i = 0; i < n; i++) dx[i] += dx1[i];
    MhaParams gsa;
    mha_params_point(&gsa, G->attn, C, C);
    const float *in1 = c->norm ? a->n1 : a->x0;
    memset(a->dn, 0, n * sizeof(float));
    mha_backward(a->dn, a->dn, &gsa, dx1, &a->sa, &a->sa_p, in1, in1);
    norm_bwd(dx, G->ln1_g, G->ln1_b, a->dn, a->x0, W->ln1_g, a->m1, a->r1, c->norm, B, T, C);
}

/* ==================== adım adım çözme (KV önbelleği) ==================== */

void tf_cache_alloc(TfCache *kc, const TfLayerCfg *c, int maxB, int maxT, int maxTk) {
    memset(kc, 0, sizeof *kc);
    kc->cfg = *c;
    kc->maxB = maxB, kc->maxT = maxT, kc->maxTk = maxTk;
    size_t C = (size_t)c->C;
    kc->k = xcalloc((size_t)maxB * maxT * C, 4);
    kc->v = xcalloc((size_t)maxB * maxT * C, 4);
    if (c->cross) {
        kc->ek = xcalloc((size_t)maxB * maxTk * C, 4);
        kc->ev = xcalloc((size_t)maxB * maxTk * C, 4);
        kc->catt = xcalloc((size_t)maxB * c->NH * maxTk, 4);
    }
    float **bufs[] = {&kc->n, &kc->q, &kc->kk, &kc->vv, &kc->o, &kc->a, &kc->x1};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++) *bufs[i] = xcalloc((size_t)maxB * C, 4);
    kc->hid = xcalloc((size_t)maxB * c->FF, 4);
    kc->sc = xcalloc((size_t)(maxT > maxTk ? maxT : maxTk), 4);
}

void tf_cache_free(TfCache *kc) {
    float *all[] = {kc->k, kc->v, kc->ek, kc->ev, kc->catt, kc->n, kc->q, kc->kk, kc->vv,
                    kc->o, kc->a, kc->x1, kc->hid, kc->sc};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) free(all[i]);
    memset(kc, 0, sizeof *kc);
}

void tf_cache_set_encoder(TfCache *kc, const TfLayerW *W, const float *enc, int B, int Tk,
                          const unsigned char *enc_kpad) {
    int C = kc->cfg.C;
    if (!kc->cfg.cross || B > kc->maxB || Tk > kc->maxTk)
        die("tf_cache_set_encoder: çapraz dikkat yok ya da boyut aşıldı (B=%d Tk=%d)", B, Tk);
    MhaParams p;
    mha_params_point(&p, W->xattn, C, C);
    dense_forward(kc->ek, enc, p.wk, p.bk, B * Tk, C, C);
    dense_forward(kc->ev, enc, p.wv, p.bv, B * Tk, C, C);
    kc->B = B, kc->Tk = Tk, kc->ekpad = enc_kpad;
}

/* Tek sorgu vektörünün çok başlı dikkati: q (C) -> out (C), anahtarlar/değerler
 * k, v (n, C) satırlarında; pad (n) | NULL maskesi; att (NH, n) | NULL ağırlıkları saklar.
 * Her baş h, [h·HS, (h+1)·HS) sütunlarını kullanır (split_heads ile aynı bölüşüm). */
static void attend_one(float *out, float *att, float *sc, const float *q, const float *k,
                       const float *v, int n, const unsigned char *pad, int C, int NH) {
    int HS = C / NH;
    float s = 1.0f / sqrtf((float)HS);
    for (int h = 0; h < NH; h++) {
        const float *qh = q + h * HS;
        float m = -INFINITY;
        for (int j = 0; j < n; j++) {
            if (pad && !pad[j]) { sc[j] = -INFINITY; continue; }
            float d = 0;
            for (int e = 0; e < HS; e++) d += qh[e] * k[(size_t)j * C + h * HS + e];
            sc[j] = d * s;
            if (sc[j] > m) m = sc[j];
        }
        double z = 0;
        for (int j = 0; j < n; j++) {
            sc[j] = sc[j] == -INFINITY ? 0.0f : expf(sc[j] - m);
            z += sc[j];
        }
        float *oh = out + h * HS;
        for (int e = 0; e < HS; e++) oh[e] = 0;
        for (int j = 0; j < n; j++) {
            float w = z > 0 ? (float)(sc[j] / z) : 0.0f;
            if (att) att[(size_t)h * n + j] = w;
            for (int e = 0; e < HS; e++) oh[e] += w * v[(size_t)j * C + h * HS + e];
        }
    }
}

/* Adım yoğun katmanı: tek satırda (B = 1) gemm'in paketlemesi hesaptan pahalıdır; satır
 * vektörü ile matrisin çarpımı doğrudan, W'nin satırlarını sırayla ekleyerek yapılır
 * (out = b + Σ_i x_i W[i,:]). B > 1 ise dense_forward. test_gpt ve test_transformer
 * adım adım çözmeyi tam ileri geçişle (dense_forward) karşılaştırır. */
static void step_dense(float *out, const float *in, const float *W, const float *bias, int B, int IN,
                       int OUT) {
    if (B != 1) {
        dense_forward(out, in, W, bias, B, IN, OUT);
        return;
    }
    for (int o = 0; o < OUT; o++) out[o] = bias ? bias[o] : 0.0f;
    for (int i = 0; i < IN; i++) {
        const float xi = in[i], *w = W + (size_t)i * OUT;
#pragma omp simd
        for (int o = 0; o < OUT; o++) out[o] += xi * w[o];
    }
}

void tf_layer_step(float *y, TfCache *kc, const TfLayerW *W, const float *x, int B, int pos) {
    const TfLayerCfg *c = &kc->cfg;
    int C = c->C, NH = c->NH, FF = c->FF, T = kc->maxT;
    if (B > kc->maxB || pos < 0 || pos >= T) die("tf_layer_step: B=%d pos=%d sınır dışı", B, pos);
    MhaParams p;
    mha_params_point(&p, W->attn, C, C);
    size_t bc = (size_t)B * C;
    float mean[64], rstd[64];
    /* 1) öz dikkat: yeni konumun q, k, v'si; k, v önbelleğe */
    const float *in = x;
    for (int b0 = 0; b0 < B; b0 += 64) { /* LN istatistikleri için küçük yığın parçaları */
        int nb = B - b0 < 64 ? B - b0 : 64;
        if (c->norm) layernorm_forward(kc->n + (size_t)b0 * C, mean, rstd, x + (size_t)b0 * C,
                                       W->ln1_g, W->ln1_b, nb, 1, C);
    }
    if (c->norm) in = kc->n;
    step_dense(kc->q, in, p.wq, p.bq, B, C, C);
    step_dense(kc->kk, in, p.wk, p.bk, B, C, C);
    step_dense(kc->vv, in, p.wv, p.bv, B, C, C);
    for (int b = 0; b < B; b++) {
        memcpy(kc->k + ((size_t)b * T + pos) * C, kc->kk + (size_t)b * C, C * sizeof(float));
        memcpy(kc->v + ((size_t)b * T + pos) * C, kc->vv + (size_t)b * C, C * sizeof(float));
        attend_one(kc->o + (size_t)b * C, NULL, kc->sc, kc->q + (size_t)b * C,
                   kc->k + (size_t)b * T * C, kc->v + (size_t)b * T * C, pos + 1, NULL, C, NH);
    }
    step_dense(kc->a, kc->o, p.wo, p.bo, B, C, C);
    for (size_t i = 0; i < bc; i++) kc->x1[i] = c->residual ? x[i] + kc->a[i] : kc->a[i];
    /* 2) çapraz dikkat */
    if (c->cross) {
        mha_params_point(&p, W->xattn, C, C);
        in = kc->x1;
        for (int b0 = 0; b0 < B && c->norm; b0 += 64) {
            int nb = B - b0 < 64 ? B - b0 : 64;
            layernorm_forward(kc->n + (size_t)b0 * C, mean, rstd, kc->x1 + (size_t)b0 * C,
                              W->ln2_g, W->ln2_b, nb, 1, C);
        }
        if (c->norm) in = kc->n;
        step_dense(kc->q, in, p.wq, p.bq, B, C, C);
        int Tk = kc->Tk;
        for (int b = 0; b < B; b++)
            attend_one(kc->o + (size_t)b * C, kc->catt + (size_t)b * NH * Tk, kc->sc,
                       kc->q + (size_t)b * C, kc->ek + (size_t)b * Tk * C, kc->ev + (size_t)b * Tk * C,
                       Tk, kc->ekpad ? kc->ekpad + (size_t)b * Tk : NULL, C, NH);
        step_dense(kc->a, kc->o, p.wo, p.bo, B, C, C);
        for (size_t i = 0; i < bc; i++) kc->x1[i] = c->residual ? kc->x1[i] + kc->a[i] : kc->a[i];
    }
    /* 3) ileri besleme */
    in = kc->x1;
    for (int b0 = 0; b0 < B && c->norm; b0 += 64) {
        int nb = B - b0 < 64 ? B - b0 : 64;
        layernorm_forward(kc->n + (size_t)b0 * C, mean, rstd, kc->x1 + (size_t)b0 * C, W->ln3_g,
                          W->ln3_b, nb, 1, C);
    }
    if (c->norm) in = kc->n;
    step_dense(kc->hid, in, W->w1, W->b1, B, C, FF);
    size_t nf = (size_t)B * FF;
    if (c->act == TF_ACT_GELU) gelu_forward(kc->hid, kc->hid, nf); /* geri geçiş yok: yerinde */
    else
        for (size_t i = 0; i < nf; i++) kc->hid[i] = kc->hid[i] > 0 ? kc->hid[i] : 0;
    step_dense(kc->a, kc->hid, W->w2, W->b2, B, FF, C);
    for (size_t i = 0; i < bc; i++) y[i] = c->residual ? kc->x1[i] + kc->a[i] : kc->a[i];
}
