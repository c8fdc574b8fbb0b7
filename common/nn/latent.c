/* latent.c — bkz. latent.h */
#include "nn/latent.h"
#include <math.h>

double bce_logits_sum_forward(float *per, const float *z, const float *x, int B, int D) {
    double tot = 0.0;
#pragma omp parallel for reduction(+ : tot) schedule(static) if (B >= 32)
    for (int b = 0; b < B; b++) {
        const float *zb = z + (size_t)b * D, *xb = x + (size_t)b * D;
        double s = 0.0;
        for (int d = 0; d < D; d++) {
            float v = zb[d];
            /* max(z,0) - z x + log(1 + e^{-|z|}) : her zaman sonlu */
            s += (double)(fmaxf(v, 0.0f) - v * xb[d] + logf(1.0f + expf(-fabsf(v))));
        }
        if (per) per[b] = (float)s;
        tot += s;
    }
    return tot / B;
}

void bce_logits_sum_backward(float *dz, const float *z, const float *x, int B, int D,
                             float scale) {
    size_t n = (size_t)B * D;
#pragma omp parallel for schedule(static) if (n >= 32768)
    for (size_t i = 0; i < n; i++) {
        float s = 1.0f / (1.0f + expf(-z[i])); /* σ(z) */
        dz[i] += scale * (s - x[i]);
    }
}

double gauss_kl_forward(float *per, const float *mu, const float *logvar, int B, int J) {
    double tot = 0.0;
    for (int b = 0; b < B; b++) {
        double s = 0.0;
        for (int j = 0; j < J; j++) {
            double m = mu[(size_t)b * J + j], lv = logvar[(size_t)b * J + j];
            s += 0.5 * (m * m + exp(lv) - 1.0 - lv);
        }
        if (per) per[b] = (float)s;
        tot += s;
    }
    return tot / B;
}

void gauss_kl_backward(float *dmu, float *dlogvar, const float *mu, const float *logvar,
                       size_t n, float scale) {
    for (size_t i = 0; i < n; i++) {
        dmu[i] += scale * mu[i];
        dlogvar[i] += scale * 0.5f * (expf(logvar[i]) - 1.0f);
    }
}

void reparam_forward(float *z, const float *mu, const float *logvar, const float *eps, size_t n) {
    for (size_t i = 0; i < n; i++) z[i] = mu[i] + expf(0.5f * logvar[i]) * eps[i];
}

void reparam_backward(float *dmu, float *dlogvar, const float *dz, const float *logvar,
                      const float *eps, size_t n) {
    for (size_t i = 0; i < n; i++) {
        dmu[i] += dz[i];
        dlogvar[i] += dz[i] * 0.5f * expf(0.5f * logvar[i]) * eps[i];
    }
}
