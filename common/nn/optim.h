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
#endif
