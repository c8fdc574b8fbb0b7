/*
 * gemm.c — gemm_ref (düz döngüler) ve gemm (paketlenmiş, bloklu, OpenMP).
 *
 * Hızlı sürümün fikri (Goto ve van de Geijn, 2008):
 *   1. K boyutunu KC'lik, N'yi NC'lik, M'yi MC'lik dilimlere böl.
 *   2. B'nin (KC x NC) dilimini 16 sütunluk şeritler halinde bitişik belleğe kopyala;
 *      A'nın (MC x KC) dilimini 6 satırlık şeritler halinde kopyala. Devrik (transpose)
 *      durumları yalnızca bu kopyalama sırasında ele alınır; çekirdek hep aynıdır.
 *   3. Mikro-çekirdek, C'nin 6x16'lık bir karesini 12 vektör yazmacında biriktirir:
 *      her adımda A'dan 6 sayı, B'den 16 sayı okur, 96 çarp-topla yapar.
 * Vektörleri GCC'nin vektör eklentisiyle (vector_size) yazıyoruz: derleyici
 * -march=native ile bunları AVX/FMA komutlarına çevirir; intrinsics gerekmez.
 */
#include "gemm.h"
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "util.h"

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
#define MC 96
#define NC 4096

typedef float v8 __attribute__((vector_size(32)));

/* A'nın (mc x kc) bloğunu MR satırlık şeritlere paketle: Ap[şerit][p][r]. */
static void pack_a(int transA, const float *A, int lda, int i0, int p0, int mc, int kc,
                   float *Ap) {
    for (int s = 0; s < mc; s += MR) {
        int rows = mc - s < MR ? mc - s : MR;
        float *dst = Ap + (size_t)s * kc;
        for (int p = 0; p < kc; p++) {
            for (int r = 0; r < MR; r++) {
                float v = 0.0f;
                if (r < rows) {
                    int i = i0 + s + r, k = p0 + p;
                    v = transA ? A[(size_t)k * lda + i] : A[(size_t)i * lda + k];
                }
                dst[p * MR + r] = v;
            }
        }
    }
}

/* B'nin (kc x nc) bloğunu NR sütunluk şeritlere paketle: Bp[şerit][p][c]. */
static void pack_b(int transB, const float *B, int ldb, int p0, int j0, int kc, int nc,
                   float *Bp, int parallel) {
    int nstrips = (nc + NR - 1) / NR;
#pragma omp parallel for schedule(static) if (parallel)
    for (int t = 0; t < nstrips; t++) {
        int s = t * NR;
        int cols = nc - s < NR ? nc - s : NR;
        float *dst = Bp + (size_t)s * kc;
        for (int p = 0; p < kc; p++) {
            int k = p0 + p;
            if (!transB && cols == NR) {
                memcpy(dst + p * NR, B + (size_t)k * ldb + j0 + s, NR * sizeof(float));
                continue;
            }
            for (int c = 0; c < NR; c++) {
                float v = 0.0f;
                if (c < cols) {
                    int j = j0 + s + c;
                    v = transB ? B[(size_t)j * ldb + k] : B[(size_t)k * ldb + j];
                }
                dst[p * NR + c] = v;
            }
        }
    }
}

/* 6x16 mikro-çekirdek: acc = Ap(şerit) * Bp(şerit), sonra C'ye yaz.
 * first==1 ise C = alpha*acc + beta*C, değilse C += alpha*acc. */
static void kernel(int kc, const float *a, const float *b, float *C, int ldc, int rows,
                   int cols, float alpha, float beta, int first) {
    v8 c00 = {0}, c01 = {0}, c10 = {0}, c11 = {0}, c20 = {0}, c21 = {0};
    v8 c30 = {0}, c31 = {0}, c40 = {0}, c41 = {0}, c50 = {0}, c51 = {0};
    for (int p = 0; p < kc; p++) {
        v8 b0, b1;
        memcpy(&b0, b, sizeof b0);
        memcpy(&b1, b + 8, sizeof b1);
        float a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4], a5 = a[5];
        c00 += a0 * b0; c01 += a0 * b1;
        c10 += a1 * b0; c11 += a1 * b1;
        c20 += a2 * b0; c21 += a2 * b1;
        c30 += a3 * b0; c31 += a3 * b1;
        c40 += a4 * b0; c41 += a4 * b1;
        c50 += a5 * b0; c51 += a5 * b1;
        a += MR;
        b += NR;
    }
    float acc[MR][NR];
    memcpy(acc[0], &c00, 32); memcpy(acc[0] + 8, &c01, 32);
    memcpy(acc[1], &c10, 32); memcpy(acc[1] + 8, &c11, 32);
    memcpy(acc[2], &c20, 32); memcpy(acc[2] + 8, &c21, 32);
    memcpy(acc[3], &c30, 32); memcpy(acc[3] + 8, &c31, 32);
    memcpy(acc[4], &c40, 32); memcpy(acc[4] + 8, &c41, 32);
    memcpy(acc[5], &c50, 32); memcpy(acc[5] + 8, &c51, 32);
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
    int nested = 0;
#ifdef _OPENMP
    nested = omp_in_parallel();
#endif
    int par = !nested && (double)M * N * K >= 65536.0;
    int mcmax = M < MC ? ((M + MR - 1) / MR) * MR : MC;
    int ncmax = N < NC ? ((N + NR - 1) / NR) * NR : NC;
    int kcmax = K < KC ? K : KC;
    size_t need_a = (size_t)((M + MR - 1) / MR) * MR * kcmax; /* tüm M şeritleri */
    size_t need_b = (size_t)ncmax * kcmax;
    (void)mcmax;
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
    for (int jc = 0; jc < N; jc += NC) {
        int nc = N - jc < NC ? N - jc : NC;
        int nstrips = (nc + NR - 1) / NR;
        for (int pc = 0; pc < K; pc += KC) {
            int kc = K - pc < KC ? K - pc : KC;
            int first = (pc == 0);
            pack_b(transB, B, ldb, pc, jc, kc, nc, Bp, par);
            /* A'yı MC'lik bloklar halinde paketle (bloklar birbirinden bağımsız) */
            int nablk = (M + MC - 1) / MC;
#pragma omp parallel for schedule(static) if (par)
            for (int ib = 0; ib < nablk; ib++) {
                int i0 = ib * MC;
                int mc = M - i0 < MC ? M - i0 : MC;
                pack_a(transA, A, lda, i0, pc, mc, kc, Ap + (size_t)i0 * kc);
            }
            /* Mikro-karelerin ızgarası: satır şeritleri x sütun şeritleri */
            long ntiles = (long)mstrips * nstrips;
#pragma omp parallel for schedule(static) if (par)
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
