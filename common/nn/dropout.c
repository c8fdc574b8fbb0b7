/* dropout.c — bkz. dropout.h */
#include "nn/dropout.h"
#include <stdint.h>

/* Maske tek iş parçacığında üretilir: aynı tohum her zaman aynı maskeyi verir.
 * Üreteç SplitMix64 (core/rng.c) bir sayaçtır: i. çağrının durumu s0 + (i+1)·G'dir.
 * Bu yüzden u_i'ler birbirini beklemeden, vektörle 8–16'şar hesaplanabilir; sayılar
 * rng_uniform'u n kez çağırmakla bit bit aynıdır (test_nn bunu denetler). */
#define SPLITMIX_G 0x9E3779B97F4A7C15ull

/* i. elemanın maske değeri: u_i >= p ise keep, değilse 0. */
static inline float mask_value(uint64_t s0, size_t i, float p, float keep) {
    uint64_t z = s0 + (uint64_t)(i + 1) * SPLITMIX_G;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    /* rng_uniform: üst 32 bitin üst 24 biti, [0,1) */
    float u = (float)(int32_t)((uint32_t)(z >> 32) >> 8) * (1.0f / 16777216.0f);
    return u >= p ? keep : 0.0f;
}

void dropout_forward(float *out, float *mask, const float *inp, size_t n, float p, int train,
                     Rng *rng) {
    if (!train || p <= 0.0f) {
        for (size_t i = 0; i < n; i++) {
            if (mask) mask[i] = 1.0f;
            out[i] = inp[i];
        }
        return;
    }
    float keep = 1.0f / (1.0f - p);
    uint64_t s0 = rng->state;
#pragma omp simd
    for (size_t i = 0; i < n; i++) {
        float m = mask_value(s0, i, p, keep);
        mask[i] = m;
        out[i] = inp[i] * m;
    }
    rng->state = s0 + (uint64_t)n * SPLITMIX_G;
}

/* ReLU + dropout tek geçişte: out = max(x, 0) · mask. Maske dropout_forward'unkiyle aynı
 * (aynı sayaç, aynı sayılar); ReLU'nun ara çıkışı hiç yazılmaz. */
void relu_dropout_forward(float *out, float *mask, const float *inp, size_t n, float p, Rng *rng) {
    if (p <= 0.0f) {
#pragma omp simd
        for (size_t i = 0; i < n; i++) {
            mask[i] = 1.0f;
            out[i] = inp[i] > 0.0f ? inp[i] : 0.0f;
        }
        return;
    }
    float keep = 1.0f / (1.0f - p);
    uint64_t s0 = rng->state;
#pragma omp simd
    for (size_t i = 0; i < n; i++) {
        float m = mask_value(s0, i, p, keep);
        mask[i] = m;
        out[i] = (inp[i] > 0.0f ? inp[i] : 0.0f) * m;
    }
    rng->state = s0 + (uint64_t)n * SPLITMIX_G;
}

/* Geri: dinp += dout · mask, ReLU'nun kapalı olduğu yerlerde 0. ReLU'nun çıkışı
 * saklanmadığı için açık olup olmadığı out'tan okunur: mask ≠ 0 iken out > 0 ⟺ x > 0;
 * mask = 0 iken terim zaten 0'dır (dout sonluysa). */
void relu_dropout_backward(float *dinp, const float *dout, const float *mask, const float *out,
                           size_t n) {
#pragma omp simd
    for (size_t i = 0; i < n; i++) dinp[i] += out[i] > 0.0f ? dout[i] * mask[i] : 0.0f;
}

/* Kaynak sürüm: her eleman için rng_uniform (testler hızlı sürümü buna karşı denetler). */
void dropout_forward_ref(float *out, float *mask, const float *inp, size_t n, float p, Rng *rng) {
    float keep = 1.0f / (1.0f - p);
    for (size_t i = 0; i < n; i++) {
        float m = rng_uniform(rng) >= p ? keep : 0.0f;
        mask[i] = m;
        out[i] = inp[i] * m;
    }
}

void dropout_backward(float *dinp, const float *dout, const float *mask, size_t n) {
    for (size_t i = 0; i < n; i++) dinp[i] += dout[i] * mask[i];
}
