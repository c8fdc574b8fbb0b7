/*
 * conv_paths.h — evrişimin hızlı yolları arasındaki İÇ arayüz. Yalnızca nn/conv*.c içerir;
 * dersler ve model/ conv.h'yi kullanır (yolu conv.c seçer).
 *
 *   conv.c          referans döngüler, yol seçimi, ayar (parça boyu, yuva sayısı)
 *   conv_im2col.c   im2col + mikro-çekirdekler; birleşik evrişim+ReLU+havuz
 *   conv_winograd.c Winograd F(4x4,3x3): 3x3, adım 1, C >= CONV_WG_MIN_C
 *   conv_direct.c   doğrudan evrişim, çıkış kanalları vektörde: C = 1, 3x3, adım 1
 *
 * Bütün yollar conv.h'deki biriktirme kuralına uyar (dinp, dW, dbias'a eklenir).
 */
#ifndef DOAA_CONV_PATHS_H
#define DOAA_CONV_PATHS_H
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define CONV_WG_MIN_C 8

/* ---- 16x16 devirme (NCHW <-> kanal en içte düzenler arasında) ----
 * dst[j][i] = src[i][j] (i, j < 16); src[i], dst[j]: 16 float'lık satırların başları.
 * add = 1 ise dst'ye EKLER (yalnızca float). add = 0 ise 4 baytlık sayılar olduğu gibi
 * taşınır (int de olur: argmax). AVX-512'de 16 vektör yazmaçta devrilir (tek tek 256 okuma
 * ve yazma yerine 16 + 16 vektör ve 64 karıştırma); başka genişlikte düz döngü. */
#if defined(__AVX512F__)
#include <immintrin.h>
static inline __attribute__((always_inline)) void conv_tr16(void *const dst[16], const void *const src[16], int add) {
    __m512 r[16], t[16];
#pragma GCC unroll 16
    for (int i = 0; i < 16; i++) r[i] = _mm512_loadu_ps((const float *)src[i]);
#pragma GCC unroll 16
    for (int i = 0; i < 8; i++) {
        t[2 * i] = _mm512_unpacklo_ps(r[2 * i], r[2 * i + 1]);
        t[2 * i + 1] = _mm512_unpackhi_ps(r[2 * i], r[2 * i + 1]);
    }
#pragma GCC unroll 16
    for (int i = 0; i < 4; i++) {
        r[4 * i] = _mm512_shuffle_ps(t[4 * i], t[4 * i + 2], 0x44);
        r[4 * i + 1] = _mm512_shuffle_ps(t[4 * i], t[4 * i + 2], 0xEE);
        r[4 * i + 2] = _mm512_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0x44);
        r[4 * i + 3] = _mm512_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0xEE);
    }
#pragma GCC unroll 16
    for (int i = 0; i < 4; i++) {
        t[i] = _mm512_shuffle_f32x4(r[i], r[i + 4], 0x88);
        t[i + 4] = _mm512_shuffle_f32x4(r[i], r[i + 4], 0xDD);
        t[i + 8] = _mm512_shuffle_f32x4(r[i + 8], r[i + 12], 0x88);
        t[i + 12] = _mm512_shuffle_f32x4(r[i + 8], r[i + 12], 0xDD);
    }
#pragma GCC unroll 16
    for (int i = 0; i < 8; i++) {
        r[i] = _mm512_shuffle_f32x4(t[i], t[i + 8], 0x88);
        r[i + 8] = _mm512_shuffle_f32x4(t[i], t[i + 8], 0xDD);
    }
#pragma GCC unroll 16
    for (int j = 0; j < 16; j++) {
        if (add) r[j] = _mm512_add_ps(r[j], _mm512_loadu_ps((const float *)dst[j]));
        _mm512_storeu_ps((float *)dst[j], r[j]);
    }
}
#else
static inline void conv_tr16(void *const dst[16], const void *const src[16], int add) {
    for (int i = 0; i < 16; i++)
        for (int j = 0; j < 16; j++) {
            char *d = (char *)dst[j] + 4 * i;
            const char *q = (const char *)src[i] + 4 * j;
            if (add) {
                float a, b;
                memcpy(&a, d, 4);
                memcpy(&b, q, 4);
                a += b;
                memcpy(d, &a, 4);
            } else
                memcpy(d, q, 4);
        }
}
#endif
   /* daha az giriş kanalında (ör. ilk katman, C=1) im2col daha hızlı */

/* Yığını parçalara (chunk) ve yuvalara (slot) böler (conv.c; ayar: conv2d_set_tuning).
 * per: bir örneğin tampon float sayısı; parça ~ ayar / per örnek, mult'un katına yuvarlanır
 * (yeterince büyükse). Parça sayısı, yuvalara dengeli dağılsın diye mümkünse yuva
 * sayısının katıdır. Yuva sayısı iş parçacığı sayısına bağlı değildir: sonuç da değildir. */
void conv_split(int B, size_t per, int mult, int *ch, int *nchunks, int *nslots);

/* im2col yolu (conv_im2col.c); şekiller conv.h'deki gibi */
size_t conv_im2col_work_total(int B, int C, int H, int Wd, int OC, int k, int s, int p);
void conv_im2col_forward(float *out, const float *inp, const float *W, const float *bias, int B,
                         int C, int H, int Wd, int OC, int k, int s, int p, float *work);
void conv_im2col_backward(float *dinp, float *dW, float *dbias, const float *dout,
                          const float *inp, const float *W, int B, int C, int H, int Wd, int OC,
                          int k, int s, int p, float *work);
void conv_im2col_relu_pool_forward(float *pooled, int *argmax, const float *inp, const float *W,
                                   const float *bias, int B, int C, int H, int Wd, int OC, int k,
                                   int s, int p, int pk, float *work);
void conv_im2col_relu_pool_backward(float *dinp, float *dW, float *dbias, const float *dpooled,
                                    const int *argmax, const float *pooled, const float *inp,
                                    const float *W, int B, int C, int H, int Wd, int OC, int k,
                                    int s, int p, int pk, float *work);

/* Winograd yolu (conv_winograd.c); k = 3, s = 1 */
size_t conv_winograd_work_total(int B, int C, int H, int Wd, int OC, int p);
void conv_winograd_forward(float *out, const float *inp, const float *W, const float *bias, int B,
                           int C, int H, int Wd, int OC, int p, float *work);
void conv_winograd_backward(float *dinp, float *dW, float *dbias, const float *dout,
                            const float *inp, const float *W, int B, int C, int H, int Wd, int OC,
                            int p, float *work);
/* Doğrudan yol (conv_direct.c): C = 1, k = 3, adım 1. Geri geçiş yalnızca dW/dbias
 * (dinp gerekirse conv.c im2col'a gider); dout NULL ise havuzun gradyanı kullanılır. */
size_t conv_direct_work_total(int B, int H, int Wd, int OC, int p);
void conv_direct_forward(float *out, const float *inp, const float *W, const float *bias, int B,
                         int H, int Wd, int OC, int p, float *work);
void conv_direct_relu_pool2_forward(float *pooled, int *argmax, const float *inp, const float *W,
                                    const float *bias, int B, int H, int Wd, int OC, int p,
                                    float *work);
void conv_direct_backward(float *dW, float *dbias, const float *dout, const float *dpooled,
                          const int *argmax, const float *pooled, int pk, const float *inp, int B,
                          int H, int Wd, int OC, int p, float *work);

/* Evrişim çıkışı "kanal en içte" olan yolların (doğrudan, Winograd) ortak ReLU + 2x2 max
 * pooling'i (conv_direct.c): bir örnek; yb[(y*ys + x)*OCp + o], OCp 16'nın katı; pt, at:
 * (OH/2)*(OW/2)*OCp'lik geçici alanlar. pooled/argmax: yığının tamponları, q = b*OC*PN
 * örneğin başladığı eleman (argmax'ın bayt düzeninde bayt). */
void conv_relu_pool2_nhwc(float *pooled, int *argmax, size_t q, const float *yb, int ys, int OH,
                          int OW, int OC, int OCp, float *pt, int *at);
/* Onun argmax'ı "kanal en içte" (PN, OC) bayt (pencere içi konum, ReLU kapısı kapalıysa -1)
 * mi? (OC 16'nın katıysa; değilse (OC, PN) int, maxpool2d_relu_forward'unki gibi) */
static inline int conv_pool2_argmax_nhwc(int OC) { return OC % 16 == 0; }
/* Onun geri geçişi: havuzun gradyanı bir örneğin "kanal en içte" düzlemine (bkz.
 * conv_direct.c; argmax kanal en içte düzende olmalı) */
void conv_pool2_grad_nhwc(float *gb, int ys, int OH, int OW, int OC, int OCp,
                          const float *dpooled, const int8_t *am8, float *tmp);
/* Winograd + ReLU + 2x2 max pooling (ileri geçiş, eğitim) */
void conv_winograd_relu_pool2_forward(float *pooled, int *argmax, const float *inp, const float *W,
                                      const float *bias, int B, int C, int H, int Wd, int OC,
                                      int p, float *work);

/* Birleşik geri geçiş: dout yerine ReLU + max pooling'in çıkış gradyanı (bkz. conv.h) */
void conv_winograd_relu_pool_backward(float *dinp, float *dW, float *dbias, const float *dpooled,
                                      const int *argmax, const float *pooled, const float *inp,
                                      const float *W, int B, int C, int H, int Wd, int OC, int p,
                                      int pk, float *work);
#endif
