/* sinemb.c — bkz. sinemb.h */
#include "nn/sinemb.h"
#include <math.h>
#include <stdlib.h>
#include "core/util.h"

/* ω_i = 10000^(-i/h), float olarak (PyTorch'taki gibi önce float'a çevrilir) */
static float freq(int i, int h) { return (float)exp(-log(10000.0) * (double)i / (double)h); }
#define SINEMB_MAXH 512

void sinemb_forward(float *out, const float *x, int B, int E, float scale, int ld) {
    if (E < 2 || E % 2) die("sinemb_forward: E = %d çift ve >= 2 olmalı", E);
    int h = E / 2;
    float w[SINEMB_MAXH];
    if (h > SINEMB_MAXH) die("sinemb_forward: E = %d çok büyük (en çok %d)", E, 2 * SINEMB_MAXH);
    for (int i = 0; i < h; i++) w[i] = freq(i, h);
    for (int b = 0; b < B; b++) {
        float *o = out + (size_t)b * ld;
        float xs = x[b] * scale;
        for (int i = 0; i < h; i++) {
            float a = xs * w[i];
            o[i] = sinf(a);
            o[h + i] = cosf(a);
        }
    }
}

void sinemb_backward(float *dx, const float *dout, const float *x, int B, int E, float scale,
                     int ld) {
    if (E < 2 || E % 2) die("sinemb_backward: E = %d çift ve >= 2 olmalı", E);
    int h = E / 2;
    for (int b = 0; b < B; b++) {
        const float *d = dout + (size_t)b * ld;
        double s = 0;
        for (int i = 0; i < h; i++) {
            float w = scale * freq(i, h), a = x[b] * w;
            s += (double)d[i] * w * cosf(a) - (double)d[h + i] * w * sinf(a);
        }
        dx[b] += (float)s;
    }
}
