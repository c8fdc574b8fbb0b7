/*
 * optim.h — eniyileyiciler (optimizers): gradyanı kullanarak parametreleri güncellemek.
 *
 * Tüm parametreler tek bir bitişik dizide durduğu için (bkz. net.h) her
 * eniyileyici, n uzunluğunda tek bir döngüdür.
 *
 *   SGD:       θ ← θ - η g
 *   Momentum:  v ← μ v + g;            θ ← θ - η v        (yokuş aşağı hız kazanan top)
 *   Adam:      m ← β1 m + (1-β1) g      (gradyanın hareketli ortalaması)
 *              v ← β2 v + (1-β2) g²     (karesinin hareketli ortalaması)
 *              m̂ = m/(1-β1^t), v̂ = v/(1-β2^t)   (başlangıçtaki sıfır yanlılığını düzelt)
 *              θ ← θ - η m̂ / (√v̂ + ε)
 *   Kingma ve Ba (2015): η=1e-3, β1=0.9, β2=0.999, ε=1e-8 varsayılanları.
 *   AdamW:     θ ← θ - η (m̂ / (√v̂ + ε) + λ θ)   (ağırlık azaltma, weight decay;
 *              Loshchilov ve Hutter 2019). L2 cezasını gradyana eklemekten farkı:
 *              λθ terimi v̂ ile bölünmez, her ağırlık aynı oranda küçülür
 *              ("ayrık", decoupled). decay maskesi 0 olan elemanlar (LayerNorm,
 *              bias'lar) küçültülmez.
 *   Öğrenme oranı çizelgesi: ilk W adımda doğrusal ısınma, sonra kosinüsle
 *   η_max'tan 0,1·η_max'a (lr_warmup_cosine).
 *   Gradyan kırpma: ‖g‖ > c ise g ← g·c/‖g‖ (grad_clip_norm; kırpmadan önceki normu döndürür).
 *
 * KULLANIM
 *   Adam opt; adam_init(&opt, n, 1e-3f);
 *   ... her adımda: adam_step(&opt, params, grads); ...
 *   adam_free(&opt);
 */
#ifndef DOAA_OPTIM_H
#define DOAA_OPTIM_H
#include <stddef.h>

void sgd_step(float *params, const float *grads, size_t n, float lr);

typedef struct {
    float lr, mu;
    float *vel;  /* (n) hız */
    size_t n;
} Momentum;
void momentum_init(Momentum *o, size_t n, float lr, float mu);
void momentum_step(Momentum *o, float *params, const float *grads);
void momentum_free(Momentum *o);

typedef struct {
    float lr, beta1, beta2, eps;
    int t;          /* adım sayacı */
    float *m, *v;   /* (n) birinci ve ikinci moment */
    size_t n;
} Adam;
void adam_init(Adam *o, size_t n, float lr);
void adam_step(Adam *o, float *params, const float *grads);
void adam_free(Adam *o);
/* AdamW adımı: wd = λ; decay (n) NULL ise her eleman küçültülür, değilse yalnız decay[i] != 0
 * olanlar. wd = 0 ile adam_step'in aynısıdır. */
void adamw_step(Adam *o, float *params, const float *grads, float wd, const unsigned char *decay);
/* s. adımın (0'dan) öğrenme oranı: s < warm: lr_max·(s+1)/warm; sonra
 * lr_max·(0,1 + 0,9·½(1 + cos(π p))), p = (s - warm)/(steps - warm). */
float lr_warmup_cosine(int s, int steps, int warm, float lr_max);
/* g (n)'nin normu max_norm'u aşarsa g'yi max_norm'a ölçekler; kırpmadan önceki normu döndürür. */
double grad_clip_norm(float *g, size_t n, double max_norm);
#endif
