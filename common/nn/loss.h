/*
 * loss.h — kayıp (loss) fonksiyonları: modelin ne kadar yanıldığını tek bir sayıyla ölçer.
 *
 * Softmax + çapraz entropi (cross-entropy), ham skorlardan (logits):
 *   L = -(1/B) Σ_b log p_b[y_b],   p_b = softmax(z_b)
 *   log p[y] = z[y] - m - log Σ_j e^(z_j - m)  (log-sum-exp: asla taşmaz, log(0) yok)
 *   Türev çok sadedir: dL/dz_b = (p_b - onehot(y_b)) / B
 *
 * İkili çapraz entropi (binary cross-entropy), olasılıktan ya da logit'ten:
 *   L = -(1/N) Σ [ y log p + (1-y) log(1-p) ]
 *   logit sürümünde p = sigmoid(z) ve kararlı yazım:
 *   L = (1/N) Σ [ max(z,0) - z y + log(1 + e^-|z|) ],  dL/dz = (sigmoid(z) - y)/N
 *
 * Ortalama kare hata (MSE): L = (1/N) Σ (a - b)^2,  dL/da = 2(a - b)/N
 *
 * Her *_forward kaybı döndürür; *_backward gradyanı EKLER (+=, biriktirme kuralı,
 * bkz. common/README.md): çağıran gradyan dizisini adımda bir kez sıfırlar. Böylece
 * iki kaybın toplamı (ör. iki çıkış başı) aynı diziye art arda geri yayılabilir.
 */
#ifndef DOAA_LOSS_H
#define DOAA_LOSS_H
#include <stddef.h>

/* logits (B,K), labels (B) -> ortalama kayıp (double: sonlu fark denetimi için hassas); probs (B,K) NULL değilse olasılıklar yazılır. */
double softmax_xent_forward(float *probs, const float *logits, const int *labels, int B, int K);
/* dlogits (B,K) += (probs - onehot(labels)) / B */
void softmax_xent_backward(float *dlogits, const float *probs, const int *labels, int B, int K);

/* p (N) olasılıklar, y (N) 0/1 hedefler. p, [eps, 1-eps] aralığına kırpılır. */
float bce_forward(const float *p, const float *y, size_t n);
void bce_backward(float *dp, const float *p, const float *y, size_t n);
/* z (N) logit'ler: sigmoid + BCE birlikte, kararlı biçimde. */
float bce_logits_forward(const float *z, const float *y, size_t n);
void bce_logits_backward(float *dz, const float *z, const float *y, size_t n);

float mse_forward(const float *a, const float *b, size_t n);
void mse_backward(float *da, const float *a, const float *b, size_t n);
#endif
