/* activation.c — bkz. activation.h */
#include "nn/activation.h"
#include <math.h>

/* "if (parallel : koşul)" iş parçacıklarını yalnızca büyük dizilerde açar. Önekisiz bir
 * "if" (OpenMP 5) simd'e de uygulanır ve küçük dizilerde döngüyü skaler bırakırdı; böylece
 * döngü her boyda makinenin vektörleriyle (AVX-512'de 16 şerit) çalışır. */
void relu_forward(float *out, const float *inp, size_t n) {
#pragma omp parallel for simd schedule(static) if (parallel : n > 65536)
    for (size_t i = 0; i < n; i++) out[i] = inp[i] > 0.0f ? inp[i] : 0.0f;
}

void relu_backward(float *dinp, const float *dout, const float *out, size_t n) {
#pragma omp parallel for simd schedule(static) if (parallel : n > 65536)
    for (size_t i = 0; i < n; i++) dinp[i] += out[i] > 0.0f ? dout[i] : 0.0f;
}

void sigmoid_forward(float *out, const float *inp, size_t n) {
    for (size_t i = 0; i < n; i++) {
        float x = inp[i];
        /* iki dallı yazım: e^(büyük pozitif) hesaplanmaz */
        if (x >= 0) out[i] = 1.0f / (1.0f + expf(-x));
        else {
            float e = expf(x);
            out[i] = e / (1.0f + e);
        }
    }
}

void sigmoid_backward(float *dinp, const float *dout, const float *out, size_t n) {
    for (size_t i = 0; i < n; i++) dinp[i] += dout[i] * out[i] * (1.0f - out[i]);
}

void tanh_forward(float *out, const float *inp, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = tanhf(inp[i]);
}

void tanh_backward(float *dinp, const float *dout, const float *out, size_t n) {
    for (size_t i = 0; i < n; i++) dinp[i] += dout[i] * (1.0f - out[i] * out[i]);
}

void softmax_forward(float *probs, const float *logits, int B, int K) {
    for (int b = 0; b < B; b++) {
        const float *z = logits + (size_t)b * K;
        float *p = probs + (size_t)b * K;
        float m = z[0];
        for (int k = 1; k < K; k++)
            if (z[k] > m) m = z[k];
        double sum = 0.0;
        for (int k = 0; k < K; k++) {
            p[k] = expf(z[k] - m);
            sum += p[k];
        }
        float inv = (float)(1.0 / sum);
        for (int k = 0; k < K; k++) p[k] *= inv;
    }
}

void softmax_backward(float *dlogits, const float *dprobs, const float *probs, int B, int K) {
    for (int b = 0; b < B; b++) {
        const float *p = probs + (size_t)b * K, *dp = dprobs + (size_t)b * K;
        float *dz = dlogits + (size_t)b * K;
        double dot = 0.0;
        for (int k = 0; k < K; k++) dot += (double)dp[k] * p[k];
        for (int k = 0; k < K; k++) dz[k] += p[k] * (dp[k] - (float)dot);
    }
}
