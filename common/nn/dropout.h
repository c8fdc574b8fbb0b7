/*
 * dropout.h — seyreltme (dropout): eğitimde nöronların rastgele bir kısmını kapatmak.
 *
 * Eğitimde her değer p olasılıkla sıfırlanır, kalanlar 1/(1-p) ile büyütülür
 * ("inverted dropout"): böylece beklenen değer değişmez ve test sırasında hiçbir
 * şey yapmak gerekmez. Ağ tek bir nörona yaslanamaz; aşırı öğrenme (overfitting) azalır.
 *
 *   eğitim: mask_i = (u_i >= p) ? 1/(1-p) : 0,   out_i = inp_i * mask_i
 *   test:   out_i = inp_i
 *   geri:   dinp_i += dout_i * mask_i
 *
 * Şekiller: inp, out, mask, dout, dinp (n). mask, geri geçiş için saklanır.
 * İleri geçiş yerinde (out == inp) çağrılabilir. Geri geçiş dinp'e EKLER
 * (biriktirme kuralı, bkz. common/README.md): çağıran dinp'i adımda bir kez
 * sıfırlar; bu yüzden geri geçiş yerinde (dinp == dout) çağrılamaz.
 */
#ifndef DOAA_DROPOUT_H
#define DOAA_DROPOUT_H
#include <stddef.h>
#include "core/rng.h"

void dropout_forward(float *out, float *mask, const float *inp, size_t n, float p, int train,
                     Rng *rng);
/* Kaynak (referans) sürüm, yalnızca eğitim kipi: rng_uniform'u eleman başına çağırır.
 * dropout_forward aynı maskeyi ve aynı üreteç durumunu vektörle üretir. */
void dropout_forward_ref(float *out, float *mask, const float *inp, size_t n, float p, Rng *rng);
void dropout_backward(float *dinp, const float *dout, const float *mask, size_t n);
/* ReLU ardından dropout, eğitimde tek geçişte (net.c birleştirir): out = max(x,0)·mask,
 * maske ve üreteç durumu dropout_forward'unkiyle aynı. Geri geçiş dinp'e EKLER:
 * dinp += (out > 0 ? dout·mask : 0) — ayrı ayrı ReLU ve dropout geri geçişleriyle aynı
 * sonuç (dout sonlu olduğu sürece). */
void relu_dropout_forward(float *out, float *mask, const float *inp, size_t n, float p, Rng *rng);
void relu_dropout_backward(float *dinp, const float *dout, const float *mask, const float *out,
                           size_t n);
#endif
