/*
 * vae.h — otokodlayıcı (autoencoder, AE) ve varyasyonel otokodlayıcı (VAE),
 * pytorch/examples/vae düzeninde:  D → H → (μ, log σ²: J) → z → H → D.
 *
 *   kodlayıcı (encoder):   h1 = ReLU(x W1 + b1)                  (B,H)
 *                          μ  = h1 W21 + b21                      (B,J)
 *                          lv = h1 W22 + b22   (yalnız VAE)       (B,J)   lv = log σ²
 *   örnekleme:             z = μ + e^{lv/2} ε,  ε ~ N(0, I)       (VAE; AE'de z = μ)
 *   kod çözücü (decoder):  h3 = ReLU(z W3 + b3)                   (B,H)
 *                          logit = h3 W4 + b4                     (B,D)   p(x|z) = Bernoulli(σ(logit))
 *   kayıp (nat/görüntü):   L = Σ_d BCE(σ(logit_d), x_d) + KL(q(z|x) || N(0, I))    (AE'de KL yok)
 *   L, ELBO'nun (evidence lower bound) eksi işaretlisidir: L ≥ -log p(x).
 *
 * KULLANIM
 *   Vae m;  vae_build(&m, 784, 400, 20, 1, 128);  vae_init_torch(&m, seed);
 *   for (her yığın) {
 *       for (i < B*J) m.eps[i] = rng_normal(&rng);        // ya da sabit gürültü
 *       double L = vae_forward(&m, x, B, m.eps);           // eps NULL: z = μ
 *       params_zero_grad(&m.P);  vae_backward(&m, x, B);   // gradyanlar m.P.grads'a EKLENİR
 *       adam_step(&opt, m.P.params, m.P.grads);
 *   }
 *   (bu döngünün bir epoch'u: vae_train_epoch)
 *   vae_decode(&m, z, B);  sigmoid(m.logits) = üretilen görüntüler (vae_decode_images)
 *   vae_save / vae_load: model/ckpt.h ile (tür "vae" ya da "ae", yapılandırma D, H, J).
 *
 * Ağırlıklar tek Params bloğunda (model/params.h); adları PyTorch'takilerle aynıdır
 * (fc1, fc21, fc22, fc3, fc4); tests/parity/gen.py'nin "vae" fikstürü ağırlıkları birebir taşır.
 * Ağırlık düzeni (IN,OUT): PyTorch'un nn.Linear.weight'inin (OUT,IN) devriği.
 */
#ifndef DOAA_VAE_H
#define DOAA_VAE_H
#include <stddef.h>
#include <stdint.h>
#include "core/rng.h"
#include "data/data.h"
#include "model/params.h"
#include "nn/optim.h"

typedef struct {
    float *fc1w, *fc1b;     /* (D,H), (H)   kodlayıcının gizli katmanı */
    float *fc21w, *fc21b;   /* (H,J), (J)   μ */
    float *fc22w, *fc22b;   /* (H,J), (J)   log σ² (yalnız VAE; AE'de NULL) */
    float *fc3w, *fc3b;     /* (J,H), (H)   kod çözücünün gizli katmanı */
    float *fc4w, *fc4b;     /* (H,D), (D)   piksel logit'leri */
} VaeW;

typedef struct {
    int D, H, J, variational, max_batch;
    Params P;
    VaeW w, g;              /* ağırlıklar ve aynı düzende gradyanları */
    /* etkinlikler (activations), (max_batch, ·) */
    float *h1;              /* (B,H) ReLU sonrası */
    float *mu, *logvar;     /* (B,J) */
    float *eps, *z;         /* (B,J) gürültü (çağıran doldurur) ve örneklenen kod */
    float *h3;              /* (B,H) */
    float *logits;          /* (B,D) */
    float *rec, *kl;        /* (B) son ileri geçişte görüntü başına iki terim */
    double last_rec, last_kl; /* son ileri geçişin yığın ortalamaları */
    /* geri geçiş tamponları */
    float *dlogits, *dh3, *dz, *dmu, *dlogvar, *dh1, *dh1b;
} Vae;

/* Params bloğunu ve tamponları kurar (ağırlıklar sıfır). variational=0: düz AE. */
void vae_build(Vae *m, int D, int H, int J, int variational, int max_batch);
void vae_free(Vae *m);
/* PyTorch nn.Linear'ın varsayılan başlatması: W, b ~ U(-1/√IN, 1/√IN). */
void vae_init_torch(Vae *m, uint64_t seed);

/* x (B,D) → μ, lv (VAE), h1 */
void vae_encode(Vae *m, const float *x, int B);
/* z (B,J) → h3, logits. z, m->z olabilir. */
void vae_decode(Vae *m, const float *z, int B);
/* Tam ileri geçiş ve kayıp (nat/görüntü, yığın ortalaması). eps (B,J) NULL ise z = μ
 * (AE'de her zaman). last_rec, last_kl, rec, kl doldurulur. */
double vae_forward(Vae *m, const float *x, int B, const float *eps);
/* Son vae_forward'ın gradyanlarını m->P.grads'a EKLER. */
void vae_backward(Vae *m, const float *x, int B);

/* Bir eğitim epoch'u: bt'yi karıştırır; her yığında ε ~ N(0, I) çeker (AE'de de çekilir ama
 * kullanılmaz), ileri geçiş, gradyanları sıfırla, geri geçiş, Adam adımı. Pikseller [0, 1]
 * (NORM_MINMAX). bt'nin yığını max_batch'i geçmemeli. rec, kl NULL değilse epoch'un görüntü
 * başına ortalama iki terimi yazılır. */
void vae_train_epoch(Vae *m, Adam *opt, Batcher *bt, Rng *r, double *rec, double *kl);

/* n kodu (n, J) kod çözücüden geçirip görüntüleri out'a (n, D) yazar: x̂ = σ(logit),
 * Bernoulli'nin ortalaması. max_batch'lik dilimlerle çalışır. */
void vae_decode_images(Vae *m, const float *z, int n, float *out);

/* ckpt ile kaydet/yükle (tür "vae"/"ae"; D, H, J yapılandırmada). 0 / -1 (err). */
int vae_save(const Vae *m, const char *path, const char *meta, char *err, size_t errlen);
/* Dosyadaki boyutlarla kurar ve yükler; want_variational 0/1 ya da -1 (ikisi de olur). */
int vae_load(Vae *m, const char *path, int want_variational, int max_batch, char *err,
             size_t errlen);
#endif
