/* rng.c — SplitMix64 tabanlı üreteç (bkz. rng.h). */
#include "core/rng.h"
#include <math.h>

void rng_seed(Rng *r, uint64_t seed) {
    r->state = seed ^ 0x9E3779B97F4A7C15ull;
    r->has_spare = 0;
    r->spare = 0.0f;
}

static uint64_t splitmix64(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint32_t rng_u32(Rng *r) { return (uint32_t)(splitmix64(&r->state) >> 32); }

float rng_uniform(Rng *r) {
    /* Üst 24 bit -> [0,1) aralığında tam temsil edilebilen float */
    return (float)(rng_u32(r) >> 8) * (1.0f / 16777216.0f);
}

float rng_normal(Rng *r) {
    if (r->has_spare) {
        r->has_spare = 0;
        return r->spare;
    }
    /* Box–Muller: u1 ∈ (0,1], u2 ∈ [0,1) -> iki bağımsız N(0,1) */
    double u1 = 1.0 - (double)rng_uniform(r);
    double u2 = (double)rng_uniform(r);
    double rad = sqrt(-2.0 * log(u1));
    double th = 6.283185307179586 * u2;
    r->spare = (float)(rad * sin(th));
    r->has_spare = 1;
    return (float)(rad * cos(th));
}

int rng_int(Rng *r, int n) {
    if (n <= 1) return 0;
    /* Lemire yöntemi: çarpıp üst 32 biti almak, % işleminden daha az yanlı */
    return (int)(((uint64_t)rng_u32(r) * (uint64_t)n) >> 32);
}

void rng_shuffle(Rng *r, int *a, int n) {
    for (int i = n - 1; i > 0; i--) {
        int j = rng_int(r, i + 1);
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
