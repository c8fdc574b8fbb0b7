/* optim.c — bkz. optim.h */
#include "nn/optim.h"
#include <math.h>
#include <stdlib.h>
#include "core/util.h"

void sgd_step(float *params, const float *grads, size_t n, float lr) {
    for (size_t i = 0; i < n; i++) params[i] -= lr * grads[i];
}

void momentum_init(Momentum *o, size_t n, float lr, float mu) {
    o->lr = lr;
    o->mu = mu;
    o->n = n;
    o->vel = xcalloc(n, sizeof(float));
}

void momentum_step(Momentum *o, float *params, const float *grads) {
    for (size_t i = 0; i < o->n; i++) {
        o->vel[i] = o->mu * o->vel[i] + grads[i];
        params[i] -= o->lr * o->vel[i];
    }
}

void momentum_free(Momentum *o) {
    free(o->vel);
    o->vel = NULL;
}

void adam_init(Adam *o, size_t n, float lr) {
    o->lr = lr;
    o->beta1 = 0.9f;
    o->beta2 = 0.999f;
    o->eps = 1e-8f;
    o->t = 0;
    o->n = n;
    o->m = xcalloc(n, sizeof(float));
    o->v = xcalloc(n, sizeof(float));
}

void adam_step(Adam *o, float *params, const float *grads) { adamw_step(o, params, grads, 0.0f, NULL); }

/* Bir elemanın Adam(W) güncellemesi. wd ve decay'i döngünün dışında çözmek için üç kez
 * açılır (aşağıda): decay NULL iken döngü içinde decay[i] okunmaz. (Okunsaydı derleyici
 * onu maskeli vektör yüklemesiyle yazıyordu; NULL adresten maskesi boş bir yükleme bile
 * işlemcide yavaş bir mikro kod yoluna düşüyor ve adımı ~5 kat yavaşlatıyordu.) */
#define ADAM_BODY(DECAY_EXPR)                                                      \
    do {                                                                           \
        float g = grads[i];                                                        \
        m[i] = b1 * m[i] + (1.0f - b1) * g;                                        \
        v[i] = b2 * v[i] + (1.0f - b2) * g * g;                                    \
        float mh = m[i] * c1, vh = v[i] * c2;                                      \
        /* λθ eski θ ile; wd = 0'da adam_step'in sonucu bit bit aynıdır */         \
        float d = (DECAY_EXPR);                                                    \
        float p = params[i] - lr * mh / (sqrtf(vh) + eps);                         \
        params[i] = p - d;   /* d = 0 iken p - 0 = p: sonuç aynı */                \
    } while (0)

void adamw_step(Adam *o, float *params, const float *grads, float wd, const unsigned char *decay) {
    o->t++;
    float b1 = o->beta1, b2 = o->beta2;
    float c1 = 1.0f / (1.0f - powf(b1, (float)o->t));
    float c2 = 1.0f / (1.0f - powf(b2, (float)o->t));
    float lr = o->lr, eps = o->eps;
    float *m = o->m, *v = o->v;
    long n = (long)o->n;
    /* simd: her eleman bağımsız; derleyici döngüyü makinenin vektörleriyle (AVX-512'de 16
     * şerit) yazar, kök ve bölme de vektör komutlarıdır. Sonuç eleman başına aynıdır. */
    if (wd == 0.0f) {
#pragma omp parallel for simd schedule(static) if (parallel : n > 100000)
        for (long i = 0; i < n; i++) ADAM_BODY(0.0f);
    } else if (!decay) {
#pragma omp parallel for simd schedule(static) if (parallel : n > 100000)
        for (long i = 0; i < n; i++) ADAM_BODY(lr * wd * params[i]);
    } else {
#pragma omp parallel for simd schedule(static) if (parallel : n > 100000)
        for (long i = 0; i < n; i++) ADAM_BODY(decay[i] ? lr * wd * params[i] : 0.0f);
    }
}
#undef ADAM_BODY

float lr_warmup_cosine(int s, int steps, int warm, float lr_max) {
    if (s < warm) return lr_max * (float)(s + 1) / (float)warm;
    double p = (double)(s - warm) / (double)(steps - warm > 1 ? steps - warm : 1);
    if (p > 1) p = 1;
    return lr_max * (float)(0.1 + 0.9 * 0.5 * (1.0 + cos(M_PI * p)));
}

double grad_clip_norm(float *g, size_t n, double max_norm) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += (double)g[i] * g[i];
    s = sqrt(s);
    if (s > max_norm && s > 0) {
        float k = (float)(max_norm / s);
        for (size_t i = 0; i < n; i++) g[i] *= k;
    }
    return s;
}

void adam_free(Adam *o) {
    free(o->m);
    free(o->v);
    o->m = o->v = NULL;
}
