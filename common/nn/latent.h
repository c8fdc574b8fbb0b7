/*
 * latent.h — varyasyonel otokodlayıcının (VAE) üç çekirdeği: piksel başına
 * Bernoulli olabilirliği (logit'ten ikili çapraz entropi, görüntü başına TOPLAM),
 * Gauss dağılımları arasındaki KL ıraksaması (KL divergence) ve yeniden
 * parametreleme (reparameterization) hilesi.
 *
 * ŞEKİLLER
 *   B yığın (batch), D piksel sayısı (MNIST'te 784), J gizil (latent) boyut.
 *   z, x (B,D): kod çözücünün logit'leri ve [0,1] aralığındaki hedef pikseller.
 *   mu, logvar, eps (B,J): kodlayıcının q(z|x) = N(μ, diag σ²) çıktısı (log σ²
 *   olarak) ve N(0, I)'dan çekilmiş gürültü.
 *
 * 1) YENİDEN YAPILANDIRMA KAYBI (reconstruction): -log p(x|z), p = Bernoulli(σ(z))
 *      L_rec = Σ_d [ max(z_d,0) - z_d x_d + log(1 + e^{-|z_d|}) ]      (görüntü başına, nat)
 *    Bu, BCE(σ(z), x)'in taşmayan yazımıdır: σ(z) hiç hesaplanmaz, log(0) olmaz.
 *    Türev:  ∂L_rec/∂z_d = σ(z_d) - x_d.
 *    x ikili olmasa da ([0,1] gri ton) formül aynıdır; o zaman en küçük değeri 0
 *    değil, x'in kendi entropisidir (pytorch/examples da böyle ölçer).
 *
 * 2) KL ıraksaması, q = N(μ, σ²) ile önsel (prior) p = N(0, 1) arasında, her boyut için:
 *      KL = ½ (μ² + σ² - 1 - log σ²)          (kapalı biçim; türetilişi lesson13'te)
 *    Türevler (lv = log σ², σ² = e^{lv}):
 *      ∂KL/∂μ = μ,      ∂KL/∂lv = ½ (e^{lv} - 1).
 *    μ = 0, σ = 1 iken KL = 0: kod önselin ta kendisidir, girişten bilgi taşımaz.
 *
 * 3) YENİDEN PARAMETRELEME:  z = μ + σ ε,  σ = e^{lv/2},  ε ~ N(0, 1)
 *    Rastgelelik ε'a taşındığı için z, μ ve lv'nin türevlenebilir bir fonksiyonudur:
 *      ∂z/∂μ = 1,      ∂z/∂lv = ½ σ ε.
 *
 * KULLANIM (bir yığın; bkz. common/model/vae.c)
 *   reparam_forward(z, mu, logvar, eps, B*J);
 *   double rec = bce_logits_sum_forward(NULL, logits, x, B, D);   // nat/görüntü
 *   double kl  = gauss_kl_forward(NULL, mu, logvar, B, J);
 *   ... gradyanları sıfırla ...
 *   bce_logits_sum_backward(dlogits, logits, x, B, D, 1.0f / B);   // ortalamanın türevi
 *   reparam_backward(dmu, dlogvar, dz, logvar, eps, B*J);
 *   gauss_kl_backward(dmu, dlogvar, mu, logvar, B*J, 1.0f / B);
 *
 * BİRİKTİRME KURALI
 *   Bütün *_backward fonksiyonları verilen gradyan dizilerine EKLER (+=);
 *   çağıran adım başında bir kez sıfırlar. dμ hem KL'den hem z'den gelir:
 *   ikisi de aynı diziye eklenir, ara tampon gerekmez.
 *
 * SINIRLAR
 *   Yalnızca köşegen kovaryanslı Gauss ve N(0, I) önseli. lv çok büyürse e^{lv}
 *   taşabilir; eğitimde lv makul aralıkta kalır (kapalı biçim KL onu 0'a çeker).
 *   Toplamlar double ile biriktirilir; dönen değer yığın ortalamasıdır.
 */
#ifndef DOAA_LATENT_H
#define DOAA_LATENT_H
#include <stddef.h>

/* Görüntü başına Σ_d BCE(σ(z), x); yığın ortalamasını döndürür. per (B) NULL değilse
 * her görüntünün toplamı yazılır. */
double bce_logits_sum_forward(float *per, const float *z, const float *x, int B, int D);
/* dz (B,D) += scale * (σ(z) - x). Yığın ortalaması için scale = 1/B. */
void bce_logits_sum_backward(float *dz, const float *z, const float *x, int B, int D,
                             float scale);

/* Görüntü başına Σ_j ½(μ² + e^{lv} - 1 - lv); yığın ortalamasını döndürür. per (B) NULL olabilir. */
double gauss_kl_forward(float *per, const float *mu, const float *logvar, int B, int J);
/* dmu += scale * μ,  dlogvar += scale * ½(e^{lv} - 1)  (n = B*J eleman) */
void gauss_kl_backward(float *dmu, float *dlogvar, const float *mu, const float *logvar,
                       size_t n, float scale);

/* z = μ + e^{lv/2} ε  (n eleman) */
void reparam_forward(float *z, const float *mu, const float *logvar, const float *eps, size_t n);
/* dmu += dz,  dlogvar += dz * ½ e^{lv/2} ε */
void reparam_backward(float *dmu, float *dlogvar, const float *dz, const float *logvar,
                      const float *eps, size_t n);
#endif
