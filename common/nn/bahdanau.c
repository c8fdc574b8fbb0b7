/* bahdanau.c — toplamsal (Bahdanau) dikkat, ileri ve geri geçiş (bkz. bahdanau.h). */
#include "nn/bahdanau.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/gemm.h"
#include "core/util.h"

/* tanh(a) = 1 − 2/(e^{2a} + 1): libm'in tanhf'inden ~3 kat hızlı (expf tek komut dizisi),
 * mutlak hata ~1e-7; |a| büyükken e^{2a} taşsa da sonuç doğru sınıra (±1) gider. */
static inline float fast_tanh(float a) { return 1.0f - 2.0f / (expf(2.0f * a) + 1.0f); }

void bahdanau_keys(float *keys, const float *enc, const BahdanauW *W, int S, int B, int HE,
                   int A) {
    /* (S*B, HE) x (A, HE)ᵀ -> (S*B, A) */
    gemm(0, 1, S * B, A, HE, 1.0f, enc, HE, W->ua, HE, 0.0f, keys, A);
}

void bahdanau_forward(float *ctx, float *alpha, float *u, const float *q, const float *keys,
                      const float *enc, const int *len, const BahdanauW *W, int S, int B, int H,
                      int HE, int A) {
    float *wq = xmalloc((size_t)B * A * sizeof(float));
    /* wq = W_a q + b_a (B,A) */
    for (int b = 0; b < B; b++) memcpy(wq + (size_t)b * A, W->ba, (size_t)A * sizeof(float));
    gemm(0, 1, B, A, H, 1.0f, q, H, W->wa, H, 1.0f, wq, A);
    for (int b = 0; b < B; b++) {
        int n = len ? len[b] : S;
        float *al = alpha + (size_t)b * S, mx = -INFINITY;
        for (int s = 0; s < S; s++) {
            if (s >= n) {
                al[s] = -INFINITY;
                continue;
            }
            /* e_s = vᵀ tanh(W_a q + b_a + k_s) */
            const float *k = keys + ((size_t)s * B + b) * A;
            float *us = u + ((size_t)b * S + s) * A, e = 0;
            for (int a = 0; a < A; a++) {
                us[a] = fast_tanh(wq[(size_t)b * A + a] + k[a]);
                e += W->v[a] * us[a];
            }
            al[s] = e;
            if (e > mx) mx = e;
        }
        /* α = softmax(e) */
        float sum = 0;
        for (int s = 0; s < n; s++) sum += al[s] = expf(al[s] - mx);
        for (int s = 0; s < S; s++) al[s] = s < n ? al[s] / sum : 0.0f;
        /* c = Σ_s α_s h_s */
        float *c = ctx + (size_t)b * HE;
        memset(c, 0, (size_t)HE * sizeof(float));
        for (int s = 0; s < n; s++) {
            const float *h = enc + ((size_t)s * B + b) * HE;
            for (int j = 0; j < HE; j++) c[j] += al[s] * h[j];
        }
    }
    free(wq);
}

void bahdanau_backward(float *dq, float *dkeys, float *denc, BahdanauW *G, const float *dctx,
                       const float *alpha, const float *u, const float *q, const float *enc,
                       const int *len, const BahdanauW *W, int S, int B, int H, int HE, int A) {
    float *dwq = xcalloc((size_t)B * A, sizeof(float));
    float *de = xmalloc((size_t)S * sizeof(float));
    for (int b = 0; b < B; b++) {
        int n = len ? len[b] : S;
        const float *al = alpha + (size_t)b * S, *dc = dctx + (size_t)b * HE;
        /* dα_s = dc · h_s ; dh_s += α_s dc */
        float dot = 0;
        for (int s = 0; s < n; s++) {
            const float *h = enc + ((size_t)s * B + b) * HE;
            float da = 0;
            for (int j = 0; j < HE; j++) da += dc[j] * h[j];
            de[s] = da;
            dot += al[s] * da;
            if (denc) {
                float *dh = denc + ((size_t)s * B + b) * HE;
                for (int j = 0; j < HE; j++) dh[j] += al[s] * dc[j];
            }
        }
        for (int s = 0; s < n; s++) {
            /* softmax: de_s = α_s (dα_s − Σ_j α_j dα_j) */
            float des = al[s] * (de[s] - dot);
            const float *us = u + ((size_t)b * S + s) * A;
            float *dk = dkeys + ((size_t)s * B + b) * A;
            for (int a = 0; a < A; a++) {
                G->v[a] += des * us[a];
                float dp = des * W->v[a] * (1.0f - us[a] * us[a]); /* tanh' */
                dwq[(size_t)b * A + a] += dp;
                dk[a] += dp;
            }
        }
    }
    /* wq = W_a q + b_a: dW_a += dwqᵀ q (A,H), db_a += Σ_b dwq, dq += dwq W_a */
    gemm(1, 0, A, H, B, 1.0f, dwq, A, q, H, 1.0f, G->wa, H);
    for (int b = 0; b < B; b++)
        for (int a = 0; a < A; a++) G->ba[a] += dwq[(size_t)b * A + a];
    if (dq) gemm(0, 0, B, H, A, 1.0f, dwq, A, W->wa, H, 1.0f, dq, H);
    free(dwq);
    free(de);
}

void bahdanau_keys_backward(float *denc, BahdanauW *G, const float *dkeys, const float *enc,
                            const BahdanauW *W, int S, int B, int HE, int A) {
    /* keys = enc U_aᵀ: dU_a += dkeysᵀ enc (A,HE), denc += dkeys U_a (S*B,HE) */
    gemm(1, 0, A, HE, S * B, 1.0f, dkeys, A, enc, HE, 1.0f, G->ua, HE);
    if (denc) gemm(0, 0, S * B, HE, A, 1.0f, dkeys, A, W->ua, HE, 1.0f, denc, HE);
}

void bahdanau_init(BahdanauW *W, int H, int HE, int A, Rng *r) {
    float a1 = 1.0f / sqrtf((float)H), a2 = 1.0f / sqrtf((float)HE), a3 = 1.0f / sqrtf((float)A);
    for (size_t i = 0; i < (size_t)A * H; i++) W->wa[i] = a1 * (2.0f * rng_uniform(r) - 1.0f);
    for (size_t i = 0; i < (size_t)A * HE; i++) W->ua[i] = a2 * (2.0f * rng_uniform(r) - 1.0f);
    for (int i = 0; i < A; i++) W->ba[i] = 0.0f;
    for (int i = 0; i < A; i++) W->v[i] = a3 * (2.0f * rng_uniform(r) - 1.0f);
}

size_t bahdanau_param_count(int H, int HE, int A) {
    return (size_t)A * H + (size_t)A * HE + 2 * (size_t)A;
}
