/* act_extra.c — bkz. act_extra.h */
#include "nn/act_extra.h"

void leaky_relu_forward(float *out, const float *inp, size_t n, float alpha) {
    for (size_t i = 0; i < n; i++) out[i] = inp[i] > 0.0f ? inp[i] : alpha * inp[i];
}

void leaky_relu_backward(float *dinp, const float *dout, const float *out, size_t n, float alpha) {
    for (size_t i = 0; i < n; i++) dinp[i] += out[i] > 0.0f ? dout[i] : alpha * dout[i];
}

#define INV_SQRT2 0.70710678118654752f
#define INV_SQRT2PI 0.39894228040143268f

#include "nn/fastmath.h"

float act_erf(float x) { return erf_fast(x); }
float act_exp_neg(float y) { return exp_neg(y); }

void gelu_forward(float *out, const float *inp, size_t n) {
#pragma omp simd
    for (size_t i = 0; i < n; i++) {
        float x = inp[i];
        out[i] = 0.5f * x * (1.0f + erf_fast(x * INV_SQRT2));
    }
}

void gelu_backward(float *dinp, const float *dout, const float *inp, size_t n) {
#pragma omp simd
    for (size_t i = 0; i < n; i++) {
        float x = inp[i];
        float cdf = 0.5f * (1.0f + erf_fast(x * INV_SQRT2));
        float pdf = INV_SQRT2PI * exp_neg(-0.5f * x * x);
        dinp[i] += dout[i] * (cdf + x * pdf);
    }
}
