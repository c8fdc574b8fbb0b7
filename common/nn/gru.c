/* gru.c — GRU hücresi ve dizisi, ileri ve geri geçiş (bkz. gru.h). */
#include "nn/gru.h"

#include <math.h>
#include <string.h>

#include "core/gemm.h"

/* tanh(a) = 1 − 2/(e^{2a} + 1): libm'in tanhf'inden ~3 kat hızlı (expf tek komut dizisi),
 * mutlak hata ~1e-7; |a| büyükken e^{2a} taşsa da sonuç doğru sınıra (±1) gider. */
static inline float fast_tanh(float a) { return 1.0f - 2.0f / (expf(2.0f * a) + 1.0f); }

static inline float sigm(float a) { return 1.0f / (1.0f + expf(-a)); }

void gru_cell_forward(float *hout, float *cache, const float *x, const float *h, const GruW *W,
                      int B, int I, int H, float *ws) {
    const int H3 = 3 * H;
    float *gi = ws, *gh = ws + (size_t)B * H3;
    float *r = cache, *z = cache + (size_t)B * H, *n = cache + (size_t)2 * B * H;
    float *ghn = cache + (size_t)3 * B * H;
    /* gi = x wihᵀ + bih (B,3H): üç kapının girdi kısmı tek GEMM'de */
    for (int b = 0; b < B; b++) memcpy(gi + (size_t)b * H3, W->bih, (size_t)H3 * sizeof(float));
    gemm(0, 1, B, H3, I, 1.0f, x, I, W->wih, I, 1.0f, gi, H3);
    /* gh = h whhᵀ + bhh (B,3H); h = 0 ise yalnızca bias */
    for (int b = 0; b < B; b++) memcpy(gh + (size_t)b * H3, W->bhh, (size_t)H3 * sizeof(float));
    if (h) gemm(0, 1, B, H3, H, 1.0f, h, H, W->whh, H, 1.0f, gh, H3);
    for (int b = 0; b < B; b++) {
        const float *gib = gi + (size_t)b * H3, *ghb = gh + (size_t)b * H3;
        for (int j = 0; j < H; j++) {
            size_t k = (size_t)b * H + j;
            float hp = h ? h[k] : 0.0f;
            /* r = σ(W_ir x + b_ir + W_hr h + b_hr) */
            r[k] = sigm(gib[j] + ghb[j]);
            /* z = σ(W_iz x + b_iz + W_hz h + b_hz) */
            z[k] = sigm(gib[H + j] + ghb[H + j]);
            /* n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)) */
            ghn[k] = ghb[2 * H + j];
            n[k] = fast_tanh(gib[2 * H + j] + r[k] * ghn[k]);
            /* h' = (1 − z) ⊙ n + z ⊙ h */
            hout[k] = (1.0f - z[k]) * n[k] + z[k] * hp;
        }
    }
}

void gru_cell_backward(float *dx, float *dh, GruW *G, const float *dh_out, const float *cache,
                       const float *x, const float *h, const GruW *W, int B, int I, int H,
                       float *ws) {
    const int H3 = 3 * H;
    float *dgi = ws, *dgh = ws + (size_t)B * H3;
    const float *r = cache, *z = cache + (size_t)B * H, *n = cache + (size_t)2 * B * H;
    const float *ghn = cache + (size_t)3 * B * H;
    for (int b = 0; b < B; b++) {
        float *dgib = dgi + (size_t)b * H3, *dghb = dgh + (size_t)b * H3;
        for (int j = 0; j < H; j++) {
            size_t k = (size_t)b * H + j;
            float hp = h ? h[k] : 0.0f, g = dh_out[k];
            float dn = g * (1.0f - z[k]);              /* h' = (1−z) n + z h */
            float dz = g * (hp - n[k]);
            float dan = dn * (1.0f - n[k] * n[k]);     /* tanh' = 1 − n² */
            float dr = dan * ghn[k];                   /* n'nin içinde r ⊙ gh_n */
            float dar = dr * r[k] * (1.0f - r[k]);     /* σ' = s(1 − s) */
            float daz = dz * z[k] * (1.0f - z[k]);
            dgib[j] = dar;
            dgib[H + j] = daz;
            dgib[2 * H + j] = dan;
            dghb[j] = dar;
            dghb[H + j] = daz;
            dghb[2 * H + j] = dan * r[k];
            if (dh) dh[k] += g * z[k];                 /* z ⊙ h teriminden doğrudan yol */
        }
    }
    /* dwih += dgiᵀ x (3H,I), dbih += Σ_b dgi */
    gemm(1, 0, H3, I, B, 1.0f, dgi, H3, x, I, 1.0f, G->wih, I);
    for (int b = 0; b < B; b++)
        for (int j = 0; j < H3; j++) G->bih[j] += dgi[(size_t)b * H3 + j];
    /* dwhh += dghᵀ h (3H,H), dbhh += Σ_b dgh */
    if (h) gemm(1, 0, H3, H, B, 1.0f, dgh, H3, h, H, 1.0f, G->whh, H);
    for (int b = 0; b < B; b++)
        for (int j = 0; j < H3; j++) G->bhh[j] += dgh[(size_t)b * H3 + j];
    /* dx += dgi wih (B,I), dh += dgh whh (B,H) */
    if (dx) gemm(0, 0, B, I, H3, 1.0f, dgi, H3, W->wih, I, 1.0f, dx, I);
    if (dh) gemm(0, 0, B, H, H3, 1.0f, dgh, H3, W->whh, H, 1.0f, dh, H);
}

void gru_forward(float *hs, float *cache, const float *x, const float *h0, const GruW *W, int T,
                 int B, int I, int H, float *ws) {
    const size_t BH = (size_t)B * H, BI = (size_t)B * I;
    for (int t = 0; t < T; t++) {
        const float *hp = t == 0 ? h0 : hs + (t - 1) * BH;
        gru_cell_forward(hs + t * BH, cache + t * GRU_CACHE(B, H), x + t * BI, hp, W, B, I, H, ws);
    }
}

void gru_backward(float *dx, float *dh0, GruW *G, const float *dhs, const float *x,
                  const float *h0, const float *hs, const float *cache, const GruW *W, int T,
                  int B, int I, int H, float *ws) {
    const size_t BH = (size_t)B * H, BI = (size_t)B * I;
    /* dcur: h_t'ye gelen toplam gradyan = çıktıdan (dhs[t]) + sonraki adımdan (dnext) */
    float *dcur = ws + 6 * BH, *dnext = ws + 7 * BH;
    memset(dnext, 0, BH * sizeof(float));
    for (int t = T - 1; t >= 0; t--) {
        for (size_t k = 0; k < BH; k++) dcur[k] = dhs[t * BH + k] + dnext[k];
        memset(dnext, 0, BH * sizeof(float));
        const float *hp = t == 0 ? h0 : hs + (t - 1) * BH;
        /* h_{t-1}'in gradyanı dnext'e birikir; t = 0'da h0 NULL ise gereksiz */
        float *dhp = (t > 0 || h0) ? dnext : NULL;
        gru_cell_backward(dx ? dx + t * BI : NULL, dhp, G, dcur, cache + t * GRU_CACHE(B, H),
                          x + t * BI, hp, W, B, I, H, ws);
    }
    if (dh0 && h0)
        for (size_t k = 0; k < BH; k++) dh0[k] += dnext[k];
}

void gru_init(GruW *W, int I, int H, Rng *r) {
    float a = 1.0f / sqrtf((float)H);
    size_t n3 = (size_t)3 * H;
    for (size_t i = 0; i < n3 * I; i++) W->wih[i] = a * (2.0f * rng_uniform(r) - 1.0f);
    for (size_t i = 0; i < n3 * H; i++) W->whh[i] = a * (2.0f * rng_uniform(r) - 1.0f);
    for (size_t i = 0; i < n3; i++) W->bih[i] = a * (2.0f * rng_uniform(r) - 1.0f);
    for (size_t i = 0; i < n3; i++) W->bhh[i] = a * (2.0f * rng_uniform(r) - 1.0f);
}

size_t gru_param_count(int I, int H) { return (size_t)3 * H * (I + H + 2); }
