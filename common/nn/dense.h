/*
 * dense.h — yoğun (tam bağlı, fully connected) katman.
 *
 * İleri geçiş (forward), bir yığındaki her örnek için:
 *   out[b][o] = Σ_i inp[b][i] * W[i][o] + bias[o]       ya da matrisle:  Y = X W + b
 * Geri geçiş (backward), zincir kuralıyla; dout = dL/dY verildiğinde:
 *   dW    = X^T dout      (IN,OUT)   her ağırlık, bağladığı giriş kadar suçludur
 *   dbias = Σ_b dout[b]   (OUT)
 *   dinp  = dout W^T      (B,IN)     hata bir önceki katmana geri akar
 * Üçü de GEMM'dir (bkz. gemm.h).
 *
 * BİRİKTİRME KURALI (bütün geri geçişlerde aynı, bkz. common/README.md)
 *   dinp, dW ve dbias'a EKLENİR (+=), üzerine yazılmaz: aynı tensör birden çok yerde
 *   kullanılırsa (artık bağlantı, paylaşılan ağırlık) gradyanlar kendiliğinden
 *   toplanır. Çağıran, gradyanları adımda bir kez sıfırlar.
 *   dW/dbias NULL ise o gradyan atlanır (dondurulmuş katman); dinp NULL ise
 *   hesaplanmaz (ilk katmanın girişine gradyan gerekmez).
 *
 * Şekiller: inp (B,IN), W (IN,OUT), bias (OUT), out (B,OUT).
 *
 * Başlatma (initialization): He/Kaiming — W ~ N(0, 2/IN). ReLU yarı değerleri
 * sıfırladığı için varyansı 2 ile çarpmak sinyalin katmanlar boyunca sönmesini önler.
 */
#ifndef DOAA_DENSE_H
#define DOAA_DENSE_H
#include "core/rng.h"

void dense_forward(float *out, const float *inp, const float *W, const float *bias, int B, int IN,
                   int OUT);
void dense_backward(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                    const float *W, int B, int IN, int OUT);
/* W (IN,OUT) ~ N(0, 2/IN) (He), bias = 0 */
void dense_init_he(float *W, float *bias, int IN, int OUT, Rng *rng);
/* W ~ U(-a, a), a = sqrt(6/(IN+OUT)) (Glorot/Xavier; tanh/sigmoid için) */
void dense_init_glorot(float *W, float *bias, int IN, int OUT, Rng *rng);
#endif
