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
#include <stddef.h>

#define CONV_WG_MIN_C 8   /* daha az giriş kanalında (ör. ilk katman, C=1) im2col daha hızlı */

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
 * (OH/2)*(OW/2)*OCp'lik geçici alanlar. pooled/argmax: örneğin (OC, PN) düzlemleri. */
void conv_relu_pool2_nhwc(float *pooled, int *argmax, const float *yb, int ys, int OH, int OW,
                          int OC, int OCp, float *pt, int *at);
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
