/* dropout.c — bkz. dropout.h */
#include "nn/dropout.h"

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
    /* Maske tek iş parçacığında üretilir: aynı tohum her zaman aynı maskeyi verir. */
    for (size_t i = 0; i < n; i++) {
        float m = rng_uniform(rng) >= p ? keep : 0.0f;
        mask[i] = m;
        out[i] = inp[i] * m;
    }
}

void dropout_backward(float *dinp, const float *dout, const float *mask, size_t n) {
    for (size_t i = 0; i < n; i++) dinp[i] += dout[i] * mask[i];
}
