/* dense.c — bkz. dense.h */
#include "nn/dense.h"
#include <math.h>
#include <stddef.h>
#include "core/gemm.h"

void dense_forward(float *out, const float *inp, const float *W, const float *bias, int B, int IN,
                   int OUT) {
    /* Önce her satıra bias'ı koy, sonra GEMM ile X W'yu üzerine ekle (beta = 1). */
    for (int b = 0; b < B; b++) {
        float *row = out + (size_t)b * OUT;
        if (bias) {
#pragma omp simd
            for (int o = 0; o < OUT; o++) row[o] = bias[o];
        } else {
            for (int o = 0; o < OUT; o++) row[o] = 0.0f;
        }
    }
    gemm(0, 0, B, OUT, IN, 1.0f, inp, IN, W, OUT, 1.0f, out, OUT);
}

void dense_backward(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                    const float *W, int B, int IN, int OUT) {
    /* dW (IN,OUT) += X^T (IN,B) * dout (B,OUT)   (dW NULL ise atlanır: dondurulmuş katman) */
    if (dW) gemm(1, 0, IN, OUT, B, 1.0f, inp, IN, dout, OUT, 1.0f, dW, OUT);
    if (dbias)
        for (int b = 0; b < B; b++) {
            const float *row = dout + (size_t)b * OUT;
#pragma omp simd
            for (int o = 0; o < OUT; o++) dbias[o] += row[o];
        }
    /* dinp (B,IN) += dout (B,OUT) * W^T (OUT,IN)   (beta = 1: eklenir) */
    if (dinp) gemm(0, 1, B, IN, OUT, 1.0f, dout, OUT, W, OUT, 1.0f, dinp, IN);
}

void dense_init_he(float *W, float *bias, int IN, int OUT, Rng *rng) {
    float s = sqrtf(2.0f / (float)IN);
    for (long i = 0; i < (long)IN * OUT; i++) W[i] = s * rng_normal(rng);
    if (bias)
        for (int o = 0; o < OUT; o++) bias[o] = 0.0f;
}

void dense_init_glorot(float *W, float *bias, int IN, int OUT, Rng *rng) {
    float a = sqrtf(6.0f / (float)(IN + OUT));
    for (long i = 0; i < (long)IN * OUT; i++) W[i] = a * (2.0f * rng_uniform(rng) - 1.0f);
    if (bias)
        for (int o = 0; o < OUT; o++) bias[o] = 0.0f;
}
