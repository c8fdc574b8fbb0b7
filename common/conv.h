/*
 * conv.h — 2B evrişim (convolution) ve en büyük değer havuzlama (max pooling), NCHW.
 *
 * Evrişim: küçük bir filtre (çekirdek, kernel) görüntü üzerinde kaydırılır; her
 * konumda filtre ile altındaki yama (patch) eleman eleman çarpılıp toplanır:
 *   out[b][o][y][x] = bias[o] + Σ_c Σ_i Σ_j W[o][c][i][j] * inp[b][c][y*s+i-p][x*s+j-p]
 *   (görüntü dışına taşan konumlar 0 sayılır: sıfır dolgu, zero padding)
 *   Çıkış boyu: OH = (H + 2p - k)/s + 1,  OW = (W + 2p - k)/s + 1
 * Geri geçiş:
 *   dW[o][c][i][j] = Σ_b,y,x dout[b][o][y][x] * inp[b][c][y*s+i-p][x*s+j-p]
 *   dbias[o]       = Σ_b,y,x dout[b][o][y][x]
 *   dinp[b][c][h][w] = Σ (o,i,j: h = y*s+i-p, w = x*s+j-p) dout[b][o][y][x] * W[o][c][i][j]
 *
 * Max pooling (k x k pencere, adım k): out = pencerenin en büyüğü; geri geçişte
 * gradyan yalnızca o en büyük elemana gider (argmax saklanır).
 *
 * Şekiller: inp (B,C,H,W), W (OC,C,k,k), bias (OC), out (B,OC,OH,OW),
 *           pool: inp (B,C,H,W) -> out (B,C,H/k,W/k), argmax (B,C,H/k,W/k).
 * dW, dbias'a EKLENİR; dinp'in üzerine YAZILIR (NULL ise hesaplanmaz).
 *
 * İki sürüm: *_ref düz döngülerdir (referans); conv2d_forward/backward hızlı
 * sürümdür (im2col + GEMM) ve testler ikisini karşılaştırır.
 * work: conv2d_work_size(...) float'lık geçici tampon (hızlı sürüm için).
 */
#ifndef DOAA_CONV_H
#define DOAA_CONV_H
#include <stddef.h>

static inline int conv_out_dim(int H, int k, int s, int p) { return (H + 2 * p - k) / s + 1; }

void conv2d_forward_ref(float *out, const float *inp, const float *W, const float *bias, int B,
                        int C, int H, int Wd, int OC, int k, int s, int p);
void conv2d_backward_ref(float *dinp, float *dW, float *dbias, const float *dout,
                         const float *inp, const float *W, int B, int C, int H, int Wd, int OC,
                         int k, int s, int p);

size_t conv2d_work_size(int B, int C, int H, int Wd, int OC, int k, int s, int p);
void conv2d_forward(float *out, const float *inp, const float *W, const float *bias, int B, int C,
                    int H, int Wd, int OC, int k, int s, int p, float *work);
void conv2d_backward(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                     const float *W, int B, int C, int H, int Wd, int OC, int k, int s, int p,
                     float *work);

void maxpool2d_forward(float *out, int *argmax, const float *inp, int B, int C, int H, int Wd,
                       int k);
void maxpool2d_backward(float *dinp, const float *dout, const int *argmax, int B, int C, int H,
                        int Wd, int k);
#endif
