/* pool.c — max pooling ve ReLU ile birleşik biçimi (bkz. pool.h). */
#include <string.h>
#include "nn/pool.h"

void maxpool2d_forward(float *out, int *argmax, const float *inp, int B, int C, int H, int Wd,
                       int k) {
    int OH = H / k, OW = Wd / k;
    long nbc = (long)B * C;
#pragma omp parallel for schedule(static) if (nbc * H * Wd > 65536)
    for (long bc = 0; bc < nbc; bc++) {
        const float *src = inp + (size_t)bc * H * Wd;
        float *o = out + (size_t)bc * OH * OW;
        int *a = argmax + (size_t)bc * OH * OW;
        if (k == 2) { /* en sık durum: 2x2 pencere; seçimler dallanmasız (karşılaştırma
                       * sonucu 0/1 sayı olarak indise eklenir), eşitlikte ilk eleman */
            for (int y = 0; y < OH; y++) {
                const float *r0 = src + (size_t)(2 * y) * Wd, *r1 = r0 + Wd;
                float *oy = o + (size_t)y * OW;
                int *ay = a + (size_t)y * OW;
#pragma omp simd simdlen(8)
                for (int x = 0; x < OW; x++) {
                    int i0 = 2 * y * Wd + 2 * x;
                    float v0 = r0[2 * x], v1 = r0[2 * x + 1], v2 = r1[2 * x], v3 = r1[2 * x + 1];
                    int c01 = v1 > v0, c23 = v3 > v2;
                    float m01 = c01 ? v1 : v0, m23 = c23 ? v3 : v2;
                    int c = m23 > m01;
                    oy[x] = c ? m23 : m01;
                    ay[x] = i0 + c01 + c * (Wd + c23 - c01);
                }
            }
            continue;
        }
        for (int y = 0; y < OH; y++)
            for (int x = 0; x < OW; x++) {
                int bi = y * k * Wd + x * k;
                float best = src[bi];
                for (int i = 0; i < k; i++)
                    for (int j = 0; j < k; j++) {
                        int idx = (y * k + i) * Wd + x * k + j;
                        if (src[idx] > best) {
                            best = src[idx];
                            bi = idx;
                        }
                    }
                o[y * OW + x] = best;
                a[y * OW + x] = bi;
            }
    }
}

/* out NULL değilse havuzun ardından gelen ReLU'nun geri geçişi de burada yapılır:
 * gradyan yalnızca havuz çıkışı > 0 olan pencerelerden geçer (bkz. net.c, "ReLU +
 * max pooling birleştirmesi"). */
static void pool_backward(float *dinp, const float *dout, const int *argmax, const float *out,
                          int B, int C, int H, int Wd, int k) {
    int OH = H / k, OW = Wd / k;
    long nbc = (long)B * C;
#pragma omp parallel for schedule(static) if (nbc * H * Wd > 65536)
    for (long bc = 0; bc < nbc; bc++) {
        float *d = dinp + (size_t)bc * H * Wd;
        const float *g = dout + (size_t)bc * OH * OW;
        const int *a = argmax + (size_t)bc * OH * OW;
        if (out) {
            const float *y = out + (size_t)bc * OH * OW;
            for (int o = 0; o < OH * OW; o++) d[a[o]] += y[o] > 0.0f ? g[o] : 0.0f;   /* dalsız */
        } else
            for (int o = 0; o < OH * OW; o++) d[a[o]] += g[o];
    }
}

void maxpool2d_backward(float *dinp, const float *dout, const int *argmax, int B, int C, int H,
                        int Wd, int k) {
    pool_backward(dinp, dout, argmax, NULL, B, C, H, Wd, k);
}

void maxpool2d_relu_forward(float *out, int *argmax, const float *inp, int B, int C, int H, int Wd,
                            int k) {
    maxpool2d_forward(out, argmax, inp, B, C, H, Wd, k);
    size_t n = (size_t)B * C * (H / k) * (Wd / k);
#pragma omp parallel for simd schedule(static) if (parallel : n > 65536)
    for (size_t i = 0; i < n; i++) out[i] = out[i] > 0.0f ? out[i] : 0.0f;
}

void maxpool2d_relu_backward(float *dinp, const float *dout, const int *argmax, const float *out,
                             int B, int C, int H, int Wd, int k) {
    pool_backward(dinp, dout, argmax, out, B, C, H, Wd, k);
}
