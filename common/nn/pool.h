/*
 * pool.h — en büyük değer havuzlama (max pooling), NCHW; ReLU ile birleşik biçimi.
 *
 * MAX POOLING (k x k pencere, adım k)
 *   out = pencerenin en büyüğü; geri geçişte gradyan yalnızca o en büyük elemana
 *   gider (argmax saklanır), pencerenin diğer elemanları 0 gradyan alır.
 *   H ya da W k'ya bölünmüyorsa artan son satır/sütun kullanılmaz (11 -> 5).
 *
 * RELU + MAX POOLING
 *   max(relu(x)) = relu(max(x)) (ReLU artan bir fonksiyon), bu yüzden önce havuzlayıp
 *   sonra küçük çıkışa ReLU uygulanır; büyük ReLU çıkışı hiç yazılmaz. Geri geçiş:
 *   gradyan yalnızca çıkışı > 0 olan pencerenin argmax'ına gider.
 *
 * ŞEKİLLER
 *   inp (B,C,H,W) -> out (B,C,H/k,W/k), argmax (B,C,H/k,W/k) (düzlem içi indis)
 *
 * BİRİKTİRME KURALI (bkz. common/README.md): geri geçiş dinp'e EKLER; çağıran dinp'i
 * adımda bir kez sıfırlar.
 */
#ifndef DOAA_POOL_H
#define DOAA_POOL_H

/* out (B,C,H/k,W/k), argmax (B,C,H/k,W/k) <- inp (B,C,H,W) */
void maxpool2d_forward(float *out, int *argmax, const float *inp, int B, int C, int H, int Wd,
                       int k);
/* dinp (B,C,H,W) += dout (B,C,H/k,W/k) argmax'ın gösterdiği yere */
void maxpool2d_backward(float *dinp, const float *dout, const int *argmax, int B, int C, int H,
                        int Wd, int k);
/* ReLU ardından max pooling, tek geçişte (yukarıda). out: ileri geçişin çıkışı
 * (geri geçiş onu ReLU'nun türevi için okur). Şekiller maxpool2d ile aynı. */
void maxpool2d_relu_forward(float *out, int *argmax, const float *inp, int B, int C, int H, int Wd,
                            int k);
void maxpool2d_relu_backward(float *dinp, const float *dout, const int *argmax, const float *out,
                             int B, int C, int H, int Wd, int k);
#endif
