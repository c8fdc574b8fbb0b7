/*
 * act_extra.h — üretken modellerin (lesson14 GAN, lesson15 difüzyon) aktivasyonları:
 * LeakyReLU ve GELU. Geri geçişleri BİRİKTİRİR (dinp +=; bkz. params.h).
 *
 * LeakyReLU (sızdıran ReLU), eğim α (GAN'larda genellikle 0.2):
 *   f(x) = x        (x > 0)        f'(x) = 1
 *        = α x      (x <= 0)              = α
 *   ReLU negatif girişlerde gradyanı tamamen keser; bir ayırt edicide (discriminator)
 *   bu, üreticiye (generator) hiç sinyal gitmeyen bölgeler demektir. α > 0 küçük
 *   ama sıfır olmayan bir eğim bırakır. α > 0 iken f(x) ile x'in işareti aynıdır;
 *   bu yüzden geri geçiş girişi değil ÇIKIŞI kullanabilir (yerinde çağrı güvenli).
 *
 * GELU (Gaussian error linear unit), PyTorch'un F.gelu'su (tam, erf'li biçim):
 *   f(x)  = x Φ(x),            Φ(x) = ½ (1 + erf(x/√2))   (standart normal birikimli dağılım)
 *   f'(x) = Φ(x) + x φ(x),     φ(x) = e^{-x²/2} / √(2π)
 *   ReLU'nun yumuşak hâli: büyük x'te x, çok negatif x'te 0, arada pürüzsüz. Türevi
 *   her yerde tanımlı olduğu için difüzyon modelinin gürültü tahmini de pürüzsüz olur.
 *   Geri geçiş GİRİŞE ihtiyaç duyar (f'(x), f(x)'ten geri çözülemez).
 *   erf ve e^{-x²/2} vektörleşen polinomlarla hesaplanır (act_extra.c; hata ~1e-7).
 *
 * KULLANIM
 *   leaky_relu_forward(h, a, n, 0.2f);          // h = f(a); h == a olabilir
 *   leaky_relu_backward(da, dh, h, n, 0.2f);    // da += dh ⊙ f'(.)
 *   gelu_forward(h, a, n);                      // h != a (geri geçiş a'yı ister)
 *   gelu_backward(da, dh, a, n);                // da += dh ⊙ f'(a)
 *
 * SINIRLAR
 *   leaky_relu_backward yalnızca α > 0 için doğrudur (çıkıştan işaret okunur).
 *   da ile dh aynı dizi OLMAMALI (biriktirme dh'yi bozar).
 *
 * ŞEKİLLER: hepsi (n) uzunluğunda düz diziler.
 */
#ifndef DOAA_ACT_EXTRA_H
#define DOAA_ACT_EXTRA_H
#include <stddef.h>

void leaky_relu_forward(float *out, const float *inp, size_t n, float alpha);
void leaky_relu_backward(float *dinp, const float *dout, const float *out, size_t n, float alpha);
void gelu_forward(float *out, const float *inp, size_t n);
void gelu_backward(float *dinp, const float *dout, const float *inp, size_t n);
/* GELU'nun içindeki hızlı (vektörleşen) erf ve e^y (y <= 0); testler için dışarı açık. */
float act_erf(float x);
float act_exp_neg(float y);
#endif
