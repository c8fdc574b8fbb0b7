/*
 * fastmath.h — GELU (nn/act_extra.c) ve dikkatin softmax'ı (nn/attention.c) için
 * vektörleşen erf ve e^y (y <= 0). Yalnız çekirdeklerin içinden kullanılır.
 */
#ifndef DOAA_FASTMATH_H
#define DOAA_FASTMATH_H
#include "core/simd.h"

/* Hızlı erf ve exp: glibc'nin erff/expf'i tek tek çağrılır, döngü vektörleşmez; GPT'nin
 * bir eğitim adımında GELU bu yüzden zamanın ~%15'ini, dikkatin softmax'ı ~%5'ini alıyordu. Aşağıdakiler yalnız
 * çarpma-toplama ve bölmeden oluşur; `omp simd` ile döngü SIMD'e çevrilir (-O2'nin
 * ucuz maliyet modeli bu döngüleri kendiliğinden vektörleştirmez).
 *   erf: [-4, 4]'e kırpılmış tek/çift polinom oranı (Eigen/XLA'nın float erf'i;
 *        mutlak hata ~1e-7; |x| > 4'te float'ta erf = ±1).
 *   exp (yalnız y <= 0 için): y = n ln2 + r, |r| <= ln2/2; e^r derece 6 polinom
 *        (Cephes expf), 2^n üs bitlerine yazılır. y < -87 kırpılır (sonuç ~1e-38).
 *   exp_neg0: aynısı, ama y < -87 için tam 0 (softmax'ın -inf maskeleri tam 0 ağırlık alır).
 * tests/test_genact.c ikisini de double erf/exp'e karşı sınar (act_erf, act_exp_neg). */
#pragma omp declare simd
static inline float erf_fast(float x) {
    x = x > 4.0f ? 4.0f : (x < -4.0f ? -4.0f : x);
    float x2 = x * x;
    float p = -2.72614225801306e-10f;
    p = p * x2 + 2.77068142495902e-08f;
    p = p * x2 - 2.10102402082508e-06f;
    p = p * x2 - 5.69250639462346e-05f;
    p = p * x2 - 7.34990630326855e-04f;
    p = p * x2 - 2.95459980854025e-03f;
    p = p * x2 - 1.60960333262415e-02f;
    float q = -1.45660718464996e-05f;
    q = q * x2 - 2.13374055278905e-04f;
    q = q * x2 - 1.68282697438203e-03f;
    q = q * x2 - 7.37332916720468e-03f;
    q = q * x2 - 1.42647390514189e-02f;
    return x * p / q;
}
#pragma omp declare simd
static inline float exp_neg(float y) {
    y = y < -87.0f ? -87.0f : y;
    float t = y * 1.44269504088896341f + 12582912.0f; /* 1,5·2^23: en yakın tam sayıya yuvarlar */
    float n = t - 12582912.0f;
    float r = y - n * 0.693359375f + n * 2.12194440e-4f; /* ln 2 = 0.693359375 - 2.12194440e-4 */
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    union { float f; int i; } u;
    u.i = ((int)n + 127) << 23; /* 2^n, n >= -126 */
    return p * u.f;
}
#pragma omp declare simd
static inline float exp_neg0(float y) { return y < -87.0f ? 0.0f : exp_neg(y); }

/* exp_neg0'ın makine genişliğindeki vektör sürümü (aynı formül, aynı sabitler; şerit şerit
 * sonuç exp_neg0 ile aynıdır). Vektör karşılaştırması şerit başına -1/0 maskesi verir;
 * vsel onunla seçer. 2^n üssü tam sayı vektörüne çevrilip kaydırılır. */
static inline vf exp_neg0_v(vf y) {
    vfi tiny = y < -87.0f;                    /* bu şeritlerin sonucu 0 */
    vf yc = vsel(tiny, vsplat(-87.0f), y);
    vf t = yc * 1.44269504088896341f + 12582912.0f;
    vf n = t - 12582912.0f;
    vf r = yc - n * 0.693359375f + n * 2.12194440e-4f;
    vf p = vsplat(1.9875691500e-4f);
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    vfi e = (__builtin_convertvector(n, vfi) + 127) << 23;
    vf two_n;
    memcpy(&two_n, &e, sizeof two_n);
    return vsel(tiny, vsplat(0.0f), p * two_n);
}
#endif
