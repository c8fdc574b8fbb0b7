/*
 * gemm.c — gemm_ref (düz döngüler) ve gemm (paketlenmiş, bloklu, OpenMP).
 *
 * Hızlı sürümün fikri (Goto ve van de Geijn, 2008):
 *   1. K boyutunu en çok KC'lik, N'yi NC'lik dilimlere böl.
 *   2. B'nin (KC x NC) dilimini 16 sütunluk şeritler halinde bitişik belleğe kopyala;
 *      A'nın (M x KC) dilimini 6 satırlık şeritler halinde kopyala. Devrik (transpose)
 *      durumları yalnızca bu kopyalama sırasında ele alınır; çekirdek hep aynıdır.
 *   3. Mikro-çekirdek, C'nin 6x16'lık bir karesini 12 vektör yazmacında biriktirir:
 *      her adımda A'dan 6 sayı, B'den 16 sayı okur, 96 çarp-topla yapar.
 * Vektörleri GCC'nin vektör eklentisiyle (vector_size) yazıyoruz: derleyici
 * -march=native ile bunları AVX/FMA komutlarına çevirir; intrinsics gerekmez.
 */
#include "core/gemm.h"
#include "core/threads.h"
#include <stdlib.h>
#include <string.h>
#include "core/simd.h"
#ifdef _OPENMP
#include <omp.h>
#endif
#include "core/util.h"

void gemm_ref(int transA, int transB, int M, int N, int K, float alpha,
              const float *A, int lda, const float *B, int ldb, float beta,
              float *C, int ldc) {
    for (int i = 0; i < M; i++) {
        for (int j = 0; j < N; j++) {
            float s = 0.0f;
            for (int k = 0; k < K; k++) {
                float a = transA ? A[(size_t)k * lda + i] : A[(size_t)i * lda + k];
                float b = transB ? B[(size_t)j * ldb + k] : B[(size_t)k * ldb + j];
                s += a * b;
            }
            float *c = &C[(size_t)i * ldc + j];
            *c = alpha * s + (beta == 0.0f ? 0.0f : beta * *c);
        }
    }
}

#define MR 6
#define NR 16
#define KC 256
#define NC 4096

/* A'dan bir şeridi (MR satır) paketle: Ap[p][r]. */
static void pack_a_strip(int transA, const float *A, int lda, int i0, int p0, int kc, int rows,
                         float *dst) {
    if (!transA) {
        for (int r = 0; r < MR; r++) {
            if (r < rows) {
                const float *src = A + (size_t)(i0 + r) * lda + p0;
                for (int p = 0; p < kc; p++) dst[p * MR + r] = src[p];
            } else {
                for (int p = 0; p < kc; p++) dst[p * MR + r] = 0.0f;
            }
        }
    } else {
        for (int p = 0; p < kc; p++) {
            const float *src = A + (size_t)(p0 + p) * lda + i0;
            float *d = dst + p * MR;
            for (int r = 0; r < MR; r++) d[r] = r < rows ? src[r] : 0.0f;
        }
    }
}

/* B'nin (kc x nc) bloğundan bir şeridi (NR sütun) paketle: Bp[p][c].
 * Devrik B'de (N,K) bellekte her sütun bitişiktir; onu p boyunca okuyup
 * küçük (L1'e sığan) şeride dağıtmak, satır satır atlamaktan çok daha hızlıdır. */
static void pack_b_strip(int transB, const float *B, int ldb, int p0, int j0, int kc, int cols,
                         float *dst) {
    if (!transB) {
        for (int p = 0; p < kc; p++) {
            const float *src = B + (size_t)(p0 + p) * ldb + j0;
            float *d = dst + p * NR;
            if (cols == NR) memcpy(d, src, NR * sizeof(float));
            else {
                for (int c = 0; c < cols; c++) d[c] = src[c];
                for (int c = cols; c < NR; c++) d[c] = 0.0f;
            }
        }
    } else {
        for (int c = 0; c < NR; c++) {
            if (c < cols) {
                const float *src = B + (size_t)(j0 + c) * ldb + p0;
                for (int p = 0; p < kc; p++) dst[p * NR + c] = src[p];
            } else {
                for (int p = 0; p < kc; p++) dst[p * NR + c] = 0.0f;
            }
        }
    }
}

/* 6x16 mikro-çekirdek: acc = Ap(şerit) * Bp(şerit) (core/simd.h'deki tile6x16; paketli
 * şeritte A(r,p) = a[p*MR + r], B satırları NR adımlı), sonra C'ye yaz.
 * first==1 ise C = alpha*acc + beta*C, değilse C += alpha*acc. */
static void kernel(int kc, const float *a, const float *b, float *C, int ldc, int rows,
                   int cols, float alpha, float beta, int first) {
    float acc[MR][NR];
    tile6x16(acc, a, 1, MR, MR, b, NR, kc);   /* paketli şeritte eksik satırlar 0'dır */
    for (int r = 0; r < rows; r++) {
        float *c = C + (size_t)r * ldc;
        if (!first) {
            for (int j = 0; j < cols; j++) c[j] += alpha * acc[r][j];
        } else if (beta == 0.0f) {
            for (int j = 0; j < cols; j++) c[j] = alpha * acc[r][j];
        } else {
            for (int j = 0; j < cols; j++) c[j] = alpha * acc[r][j] + beta * c[j];
        }
    }
}

/* Paket tamponları: paralel bölge dışındayken büyüyen statik tampon kullanılır;
 * gemm başka bir paralel bölgenin içinden çağrılırsa yerel tampon ayrılır. */
static float *g_ap, *g_bp;
static size_t g_ap_n, g_bp_n;

static float *aligned_floats(size_t n) {
    size_t bytes = (n * sizeof(float) + 63) & ~(size_t)63;
    float *p = aligned_alloc(64, bytes ? bytes : 64);
    if (!p) die("gemm: bellek ayrılamadı (%zu bayt)", bytes);
    return p;
}

void gemm(int transA, int transB, int M, int N, int K, float alpha,
          const float *A, int lda, const float *B, int ldb, float beta,
          float *C, int ldc) {
    if (M <= 0 || N <= 0) return;
    if (K <= 0) { /* op(A)op(B) sıfır: yalnızca beta uygulanır */
        for (int i = 0; i < M; i++)
            for (int j = 0; j < N; j++)
                C[(size_t)i * ldc + j] = beta == 0.0f ? 0.0f : beta * C[(size_t)i * ldc + j];
        return;
    }
    threads_adapt();   /* makine meşgulse iş parçacığı sayısını azalt (core/threads.h) */
    int nested = 0;
#ifdef _OPENMP
    nested = omp_in_parallel();
#endif
    /* Küçük çarpımlarda iş parçacıklarını uyandırıp eşitlemek hesabın kendisinden
     * pahalıdır: ~1 milyon çarp-topladan azı tek iş parçacığında yapılır. */
    int par = !nested && (double)M * N * K >= 1048576.0;
    int ncmax = N < NC ? ((N + NR - 1) / NR) * NR : NC;
    int kcmax = K < KC ? K : KC;
    size_t need_a = (size_t)((M + MR - 1) / MR) * MR * kcmax; /* tüm M şeritleri */
    size_t need_b = (size_t)ncmax * kcmax;
    float *Ap, *Bp;
    if (nested) {
        Ap = aligned_floats(need_a);
        Bp = aligned_floats(need_b);
    } else {
        if (need_a > g_ap_n) { free(g_ap); g_ap = aligned_floats(need_a); g_ap_n = need_a; }
        if (need_b > g_bp_n) { free(g_bp); g_bp = aligned_floats(need_b); g_bp_n = need_b; }
        Ap = g_ap;
        Bp = g_bp;
    }
    int mstrips = (M + MR - 1) / MR;
    /* K'yı eşit parçalara böl (ör. 784 = 4 x 196): son parçanın küçük kalması verimsizdir. */
    int nkb = (K + KC - 1) / KC, kcb = (K + nkb - 1) / nkb;
    /* Tek bir paralel bölge: iş parçacıkları her blokta yalnızca engelde (barrier) buluşur. */
#pragma omp parallel if (par)
    for (int jc = 0; jc < N; jc += NC) {
        int nc = N - jc < NC ? N - jc : NC;
        int nstrips = (nc + NR - 1) / NR;
        for (int pc = 0; pc < K; pc += kcb) {
            int kc = K - pc < kcb ? K - pc : kcb;
            int first = (pc == 0);
            /* 1) paketleme: B şeritleri ve A şeritleri tek iş listesinde */
#pragma omp for schedule(static)
            for (int t = 0; t < nstrips + mstrips; t++) {
                if (t < nstrips) {
                    int j = t * NR, cols = nc - j < NR ? nc - j : NR;
                    pack_b_strip(transB, B, ldb, pc, jc + j, kc, cols, Bp + (size_t)j * kc);
                } else {
                    int i = (t - nstrips) * MR, rows = M - i < MR ? M - i : MR;
                    pack_a_strip(transA, A, lda, i, pc, kc, rows, Ap + (size_t)i * kc);
                }
            }
            /* 2) mikro-karelerin ızgarası: satır şeritleri x sütun şeritleri */
            long ntiles = (long)mstrips * nstrips;
#pragma omp for schedule(static)
            for (long t = 0; t < ntiles; t++) {
                int js = (int)(t / mstrips), is = (int)(t % mstrips);
                int i = is * MR, j = js * NR;
                int rows = M - i < MR ? M - i : MR;
                int cols = nc - j < NR ? nc - j : NR;
                kernel(kc, Ap + (size_t)i * kc, Bp + (size_t)j * kc,
                       C + (size_t)i * ldc + jc + j, ldc, rows, cols, alpha, beta, first);
            }
        }
    }
    if (nested) {
        free(Ap);
        free(Bp);
    }
}
