/* loss.c — bkz. loss.h */
#include "nn/loss.h"
#include <math.h>

double softmax_xent_forward(float *probs, const float *logits, const int *labels, int B, int K) {
    double total = 0.0;
    for (int b = 0; b < B; b++) {
        const float *z = logits + (size_t)b * K;
        float m = z[0];
        for (int k = 1; k < K; k++)
            if (z[k] > m) m = z[k];
        double sum = 0.0;
        for (int k = 0; k < K; k++) sum += exp((double)z[k] - m);
        double lse = m + log(sum);
        total += lse - z[labels[b]];
        if (probs)
            for (int k = 0; k < K; k++) probs[(size_t)b * K + k] = (float)exp((double)z[k] - lse);
    }
    return total / B;
}

void softmax_xent_backward(float *dlogits, const float *probs, const int *labels, int B, int K) {
    float inv = 1.0f / (float)B;
    for (int b = 0; b < B; b++) {
        for (int k = 0; k < K; k++) {
            float t = (k == labels[b]) ? 1.0f : 0.0f;
            dlogits[(size_t)b * K + k] += (probs[(size_t)b * K + k] - t) * inv;
        }
    }
}

#define BCE_EPS 1e-7f

static float clampp(float p) { return p < BCE_EPS ? BCE_EPS : (p > 1.0f - BCE_EPS ? 1.0f - BCE_EPS : p); }

float bce_forward(const float *p, const float *y, size_t n) {
    double s = 0.0;
    for (size_t i = 0; i < n; i++) {
        float q = clampp(p[i]);
        s -= y[i] * log(q) + (1.0 - y[i]) * log(1.0 - q);
    }
    return (float)(s / (double)n);
}

void bce_backward(float *dp, const float *p, const float *y, size_t n) {
    for (size_t i = 0; i < n; i++) {
        float q = clampp(p[i]);
        dp[i] += (q - y[i]) / (q * (1.0f - q)) / (float)n;
    }
}

float bce_logits_forward(const float *z, const float *y, size_t n) {
    double s = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = z[i];
        s += (x > 0 ? x : 0) - x * y[i] + log1p(exp(-fabs(x)));
    }
    return (float)(s / (double)n);
}

void bce_logits_backward(float *dz, const float *z, const float *y, size_t n) {
    for (size_t i = 0; i < n; i++) {
        float x = z[i];
        float s = x >= 0 ? 1.0f / (1.0f + expf(-x)) : expf(x) / (1.0f + expf(x));
        dz[i] += (s - y[i]) / (float)n;
    }
}

float mse_forward(const float *a, const float *b, size_t n) {
    double s = 0.0;
    for (size_t i = 0; i < n; i++) {
        double d = (double)a[i] - b[i];
        s += d * d;
    }
    return (float)(s / (double)n);
}

void mse_backward(float *da, const float *a, const float *b, size_t n) {
    for (size_t i = 0; i < n; i++) da[i] += 2.0f * (a[i] - b[i]) / (float)n;
}
