/*
 * simd.h — vektör yardımcıları, makinenin vektör genişliği (SIMD_W) ve evrişim yollarının
 * (im2col, Winograd) 6x16 mikro-çekirdeği. gemm.c kendi MR x NR çekirdeğini bunlarla yazar.
 *
 * GCC'nin vector_size eklentisiyle yazılır: v8 (8 float, 32 bayt), v16 (16 float, 64 bayt).
 * -march=native ile derleyici bunları makinenin vektör komutlarına (AVX/AVX-512, FMA)
 * çevirir; intrinsics gerekmez. Yüklemeler memcpy iledir: hizalama şartı yoktur.
 *
 * KULLANIM
 *   v8 a = ld8(p); st8(q, a + ld8(r));      // 8 float birden
 *   copy_row(dst, src, L); add_row(dst, src, L);   // kısa satırlar (L < 8 de olur)
 *   float acc[6][16];
 *   tile6x16(acc, A, ars, acs, rows, B, ldb, Q);    // acc = A (6,Q) * B (Q,16)
 *   vf, ldv, stv, SIMD_W: makinenin genişliği (AVX-512'de 16, AVX2'de 8 float)
 *
 * SINIRLAR
 *   Yalnızca GCC/Clang (vector_size). Hepsi static inline: her .c kendi kopyasını derler.
 *   Sonuç iş parçacığı sayısından bağımsızdır (toplama sırası sabittir).
 */
#ifndef DOAA_SIMD_H
#define DOAA_SIMD_H
#include <stddef.h>
#include <string.h>

/* 8'li float vektörü (GCC vector_size eklentisi; -march=native ile AVX komutları) */
typedef float v8 __attribute__((vector_size(32)));

static inline v8 ld8(const float *p) {
    v8 v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline void st8(float *p, v8 v) { memcpy(p, &v, sizeof v); }

/* dst[0..L) = src[0..L). Kısa satırlar (ör. 11 sayı) için: 8'lik vektörler ve sonda
 * son 8 elemanı yeniden yazan örtüşen bir vektör; kuyruk döngüsü ve memcpy çağrısı yok. */
static inline void copy_row(float *dst, const float *src, int L) {
    if (L < 8) {
        for (int x = 0; x < L; x++) dst[x] = src[x];
        return;
    }
    int t = 0;
    for (; t + 8 <= L; t += 8) st8(dst + t, ld8(src + t));
    if (t < L) st8(dst + L - 8, ld8(src + L - 8));
}

/* dst[0..L) += src[0..L). Son iki vektör örtüşebilir: ikisi de ESKİ dst'den
 * hesaplandığı için örtüşen elemanlarda ikisi de aynı (dst + src) değeri taşır. */
static inline void add_row(float *dst, const float *src, int L) {
    if (L < 8) {
        for (int x = 0; x < L; x++) dst[x] += src[x];
        return;
    }
    int t = 0;
    for (; t + 16 <= L; t += 8) st8(dst + t, ld8(dst + t) + ld8(src + t));
    /* kalan 8..15 eleman: [t, t+8) ve [L-8, L) */
    v8 a = ld8(dst + t) + ld8(src + t), b = ld8(dst + L - 8) + ld8(src + L - 8);
    st8(dst + L - 8, b);
    st8(dst + t, a);
}

/* 16'lı float vektörü (Winograd dönüşümlerinde 16 şerit birlikte işlenir) */
typedef float v16 __attribute__((vector_size(64)));
static inline v16 ld16(const float *p) {
    v16 v;
    memcpy(&v, p, sizeof v);
    return v;
}
static inline void st16(float *p, v16 v) { memcpy(p, &v, sizeof v); }

/* ---- Makinenin vektör genişliği ----
 * Derleyici -march=native ile AVX-512'yi (512 bit = 16 float) görürse __AVX512F__
 * tanımlıdır ve çekirdekler 16 şeritlik vektör kullanır; yoksa (AVX2) 8 şerit.
 * vf, ldv, stv bu genişliğin kısa adlarıdır: aynı kod iki genişlikte de derlenir.
 * Seçim derleme anındadır (çalışma anında dal yok): ders ikilileri kendi makinesinde
 * derlenir (make), başka makineye taşınmaz. -mno-avx512f ile 8 şerit zorlanır
 * (make check-avx2 bu yolu da sınar). */
#if defined(__AVX512F__)
#define SIMD_W 16
typedef v16 vf;
static inline vf ldv(const float *p) { return ld16(p); }
static inline void stv(float *p, vf v) { st16(p, v); }
#else
#define SIMD_W 8
typedef v8 vf;
static inline vf ldv(const float *p) { return ld8(p); }
static inline void stv(float *p, vf v) { st8(p, v); }
#endif

/* Şerit başına tam sayı vektörü: vektör karşılaştırması (a < b) bunu verir, şerit
 * doğruysa -1 (bütün bitler 1), değilse 0. */
typedef int vfi __attribute__((vector_size(SIMD_W * sizeof(int))));
static inline vf vsplat(float x) { return x - (vf){0}; }
/* m şeridi -1 ise a'nın, 0 ise b'nin şeridi (derleyici tek bir karıştırma komutu yapar) */
static inline vf vsel(vfi m, vf a, vf b) {
    vfi ai, bi;
    memcpy(&ai, &a, sizeof ai);
    memcpy(&bi, &b, sizeof bi);
    vfi r = (ai & m) | (bi & ~m);
    vf out;
    memcpy(&out, &r, sizeof out);
    return out;
}
static inline vf vmax(vf a, vf b) { return vsel(a > b, a, b); }
/* makinenin genişliğindeki vektörün en büyük elemanı */
static inline float hmaxv(vf v) {
    float t[SIMD_W], m;
    memcpy(t, &v, sizeof t);
    m = t[0];
    for (int i = 1; i < SIMD_W; i++) m = t[i] > m ? t[i] : m;
    return m;
}

/* 8 elemanın toplamı (sabit sırayla: sonuç belirlenimci) */
static inline float hsum8(v8 v) {
    float t[8];
    memcpy(t, &v, sizeof t);
    return ((t[0] + t[4]) + (t[1] + t[5])) + ((t[2] + t[6]) + (t[3] + t[7]));
}

/* makinenin genişliğindeki vektörün toplamı (sabit sırayla) */
static inline float hsumv(vf v) {
#if SIMD_W == 16
    v8 lo, hi;
    memcpy(&lo, &v, 32);
    memcpy(&hi, (char *)&v + 32, 32);
    return hsum8(lo) + hsum8(hi);
#else
    return hsum8(v);
#endif
}

/* ---- 6x16 mikro-çekirdek ----
 * Evrişimin (im2col, Winograd) matris çarpımları bunu kullanır. İki biçimi var:
 * tile6x16_v8 (AVX2: çıkışın 6x16'lık karesi 12 ymm yazmacında) ve AVX-512'de
 * 16 şeritlik tile6x16 (aşağıda). Makinenin genişliğine uyan tile6x16 adını alır. */

/* 6x16'lık kare: acc[r][j] = Σ_q A(r,q) * Bm[q*ldb + j],  r < 6, j < 16, q < Q.
 * A(r,q) = A[r*ars + q*acs]; ars/acs ile A'yı devrik de okuyabiliriz. rows < 6
 * ise eksik satırlar için A'nın 0. satırı okunur (sonuçları yazılmaz).
 * 12 vektör toplayıcı yazmaçta kalır; her q adımında 2 vektör yükleme, 12 FMA. */
static inline void tile6x16_v8(float acc[6][16], const float *A, size_t ars, size_t acs, int rows,
                            const float *Bm, int ldb, int Q) {
    const float *p0 = A, *p1 = A + (rows > 1 ? 1 : 0) * ars, *p2 = A + (rows > 2 ? 2 : 0) * ars;
    const float *p3 = A + (rows > 3 ? 3 : 0) * ars, *p4 = A + (rows > 4 ? 4 : 0) * ars;
    const float *p5 = A + (rows > 5 ? 5 : 0) * ars;
    v8 a00 = {0}, a01 = {0}, a10 = {0}, a11 = {0}, a20 = {0}, a21 = {0};
    v8 a30 = {0}, a31 = {0}, a40 = {0}, a41 = {0}, a50 = {0}, a51 = {0};
    for (int q = 0; q < Q; q++, Bm += ldb) {
        v8 x0 = ld8(Bm), x1 = ld8(Bm + 8);
        size_t o = (size_t)q * acs;
        float s0 = p0[o], s1 = p1[o], s2 = p2[o], s3 = p3[o], s4 = p4[o], s5 = p5[o];
        a00 += s0 * x0; a01 += s0 * x1;
        a10 += s1 * x0; a11 += s1 * x1;
        a20 += s2 * x0; a21 += s2 * x1;
        a30 += s3 * x0; a31 += s3 * x1;
        a40 += s4 * x0; a41 += s4 * x1;
        a50 += s5 * x0; a51 += s5 * x1;
    }
    memcpy(acc[0], &a00, 32); memcpy(acc[0] + 8, &a01, 32);
    memcpy(acc[1], &a10, 32); memcpy(acc[1] + 8, &a11, 32);
    memcpy(acc[2], &a20, 32); memcpy(acc[2] + 8, &a21, 32);
    memcpy(acc[3], &a30, 32); memcpy(acc[3] + 8, &a31, 32);
    memcpy(acc[4], &a40, 32); memcpy(acc[4] + 8, &a41, 32);
    memcpy(acc[5], &a50, 32); memcpy(acc[5] + 8, &a51, 32);
}
#if SIMD_W == 16
/* AVX-512: 16 sütun tek vektöre sığar; 6 satır yalnızca 6 toplayıcı eder. Bir FMA'nın
 * sonucu ~4 çevrim sonra hazır ve çevrimde 2 FMA başlayabildiği için boru hattı 8
 * bağımsız toplayıcı ister: q'nun çift ve tek adımları ayrı toplayıcılarda (e, o)
 * biriktirilir (12 zmm), sonda toplanır. Toplama sırası sabittir (belirlenimci).
 *
 *   yazmaç   e0..e5   o0..o5   x, y (B'nin q ve q+1 satırları)   yayınlar
 *   zmm      6        6        2                                 A'dan bellekten
 */
static inline __attribute__((always_inline)) void
tile6x16(float acc[6][16], const float *A, size_t ars, size_t acs, int rows, const float *Bm,
         int ldb, int Q) {
    const float *p[6];   /* eksik satırlar son geçerli satırı okur (yazılmaz) */
    for (int r = 0; r < 6; r++) p[r] = A + (size_t)(r < rows ? r : rows - 1) * ars;
    v16 e[6], o[6];
#pragma GCC unroll 6
    for (int r = 0; r < 6; r++) e[r] = o[r] = (v16){0};
    int q = 0;
    for (; q + 1 < Q; q += 2, Bm += 2 * (size_t)ldb) {
        v16 x = ld16(Bm), y = ld16(Bm + ldb);
        size_t k0 = (size_t)q * acs, k1 = k0 + acs;
#pragma GCC unroll 6
        for (int r = 0; r < 6; r++) {
            e[r] += p[r][k0] * x;
            o[r] += p[r][k1] * y;
        }
    }
    if (q < Q) {
        v16 x = ld16(Bm);
        size_t k0 = (size_t)q * acs;
#pragma GCC unroll 6
        for (int r = 0; r < 6; r++) e[r] += p[r][k0] * x;
    }
#pragma GCC unroll 6
    for (int r = 0; r < 6; r++) st16(acc[r], e[r] + o[r]);
}
#else
static inline __attribute__((always_inline)) void
tile6x16(float acc[6][16], const float *A, size_t ars, size_t acs, int rows, const float *Bm,
         int ldb, int Q) {
    tile6x16_v8(acc, A, ars, acs, rows, Bm, ldb, Q);
}
#endif
#endif
