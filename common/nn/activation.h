/*
 * activation.h — aktivasyon fonksiyonları ve türevleri.
 *
 * Doğrusal katmanları üst üste koymak yine doğrusal bir fonksiyon verir; araya
 * doğrusal olmayan bir fonksiyon (aktivasyon) koymak ağa eğri sınırlar
 * çizebilme gücü verir.
 *
 *   ReLU(x)    = max(0, x)            türev: x > 0 ise 1, değilse 0
 *   sigmoid(x) = 1 / (1 + e^-x)       türev: s(1 - s)     (s = sigmoid(x))
 *   tanh(x)                           türev: 1 - t^2      (t = tanh(x))
 *   softmax(z)_i = e^(z_i - m) / Σ_j e^(z_j - m),   m = max_j z_j
 *       m'yi çıkarmak sonucu değiştirmez (pay ve payda e^-m ile çarpılır) ama
 *       e^büyük_sayı taşmasını (overflow -> inf) önler.
 *
 * BİRİKTİRME KURALI (bkz. common/README.md): geri geçiş (backward) fonksiyonları
 * dinp'e EKLER:  dinp += dout * f'(.)   Çağıran dinp'i adımda bir kez sıfırlar.
 * Bu yüzden geri geçiş yerinde (dinp == dout) ÇAĞRILAMAZ; ileri geçiş
 * yerinde (out == inp) çağrılabilir.
 * ReLU/sigmoid/tanh geri geçişi ileri geçişin ÇIKTISINI kullanır; böylece girişi
 * saklamak gerekmez.
 *
 * Şekiller: x, out, dout, dinp (n); softmax'ta logits, probs (B,K).
 */
#ifndef DOAA_ACTIVATION_H
#define DOAA_ACTIVATION_H
#include <stddef.h>

void relu_forward(float *out, const float *inp, size_t n);
void relu_backward(float *dinp, const float *dout, const float *out, size_t n);
void sigmoid_forward(float *out, const float *inp, size_t n);
void sigmoid_backward(float *dinp, const float *dout, const float *out, size_t n);
void tanh_forward(float *out, const float *inp, size_t n);
void tanh_backward(float *dinp, const float *dout, const float *out, size_t n);

/* probs (B,K) = softmax(logits (B,K)) satır satır; asla taşmaz. */
void softmax_forward(float *probs, const float *logits, int B, int K);
/* Genel softmax geri geçişi: dlogits += p ⊙ (dprobs - Σ_j dprobs_j p_j), satır satır. */
void softmax_backward(float *dlogits, const float *dprobs, const float *probs, int B, int K);
#endif
