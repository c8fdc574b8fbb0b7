/*
 * rng.h — tohumlanabilir (seeded), belirlenimci rastgele sayı üreteci.
 *
 * Neden kendi üretecimiz? rand() platforma göre değişir; biz aynı --seed ile her
 * makinede aynı sayıları istiyoruz. Algoritma: xoshiro128+ benzeri değil, daha
 * basit olan SplitMix64 (Steele ve ark., 2014): durum 64 bit, her adımda sabit
 * bir sayı eklenir ve bitler karıştırılır. Öğretim için yeterince iyi ve kısa.
 *
 * KULLANIM
 *   Rng r; rng_seed(&r, 42);
 *   uint32_t u = rng_u32(&r);           // [0, 2^32)
 *   float x = rng_uniform(&r);           // [0, 1)
 *   float z = rng_normal(&r);            // ortalama 0, standart sapma 1 (Box–Muller)
 *   int k = rng_int(&r, 10);             // [0, 10)
 *   rng_shuffle(&r, idx, n);             // Fisher–Yates karıştırma
 */
#ifndef DOAA_RNG_H
#define DOAA_RNG_H
#include <stdint.h>

typedef struct {
    uint64_t state;
    int has_spare;   /* Box–Muller ikinci değeri saklıyor mu? */
    float spare;
} Rng;

void rng_seed(Rng *r, uint64_t seed);
uint32_t rng_u32(Rng *r);
float rng_uniform(Rng *r);
float rng_normal(Rng *r);
int rng_int(Rng *r, int n);
void rng_shuffle(Rng *r, int *a, int n);
#endif
