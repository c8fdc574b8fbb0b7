/*
 * gemm.c — gemm_ref (düz döngüler) ve gemm (paketlenmiş, bloklu, OpenMP).
 *
 * Hızlı sürümün fikri (Goto ve van de Geijn, 2008):
 *   1. K boyutunu en çok KC'lik, N'yi NC'lik dilimlere böl.
 *   2. B'nin (KC x NC) dilimini NR sütunluk şeritler halinde bitişik belleğe kopyala;
 *      A'nın (M x KC) dilimini MR satırlık şeritler halinde kopyala. Devrik (transpose)
 *      durumları yalnızca bu kopyalama sırasında ele alınır; çekirdek hep aynıdır.
 *   3. Mikro-çekirdek, C'nin MR x NR'lik bir karesini vektör yazmaçlarında biriktirir:
 *      AVX2'de 6x16 (12 yazmaç; her adımda A'dan 6, B'den 16 sayı, 96 çarp-topla),
 *      AVX-512'de 12x32 (24 yazmaç; A'dan 12, B'den 32 sayı, 384 çarp-topla).
 *      Genişlik derleme anında seçilir (core/simd.h, SIMD_W).
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

/* ---- Mikro-karenin boyutu: makinenin vektör genişliğine göre (core/simd.h) ----
 * Mikro-çekirdek C'nin MR x NR'lik karesini yazmaçlarda biriktirir. NR iki vektördür
 * (2 * SIMD_W sütun); MR, toplayıcıların yazmaç dosyasını neredeyse doldurduğu sayıdır:
 *
 *   genişlik   yazmaç   MR x NR   toplayıcı   B satırı   A yayını   boş
 *   AVX2       16 ymm   6 x 16    12 ymm      2 ymm      1 ymm      1
 *   AVX-512    32 zmm   12 x 32   24 zmm      2 zmm      (bellekten) 6
 *
 * Her p adımında B'den 2 vektör yüklenir, A'dan MR sayı tek tek bütün şeritlere
 * yayılır (broadcast) ve 2*MR FMA yapılır. Bir FMA'nın sonucu ~4 çevrim sonra
 * hazırdır ve çekirdek çevrim başına 2 FMA başlatabilir: boru hattını doldurmak için
 * en az 8 bağımsız toplayıcı gerekir; 12 ve 24 bunu rahatça karşılar. */
#if SIMD_W == 16
#define MR 12
#else
#define MR 6
#endif
#define NR (2 * SIMD_W)
/* Önbellek blokları (bu makinede L1 48 KB, L2 1 MB; AVX-512 sayılarıyla):
 *   A'nın bir şeridi   MR x kc  = 12 x 384 x 4 B = 18 KB  -> L1'de kalır; mikro-kareler
 *                      satır şeridi dışta, sütun şeritleri içte gezilir (aşağıda, 2)
 *   B'nin paketi       kc x nc  = 384 x 256 x 4 B = 384 KB -> L2'de; her A şeridi onu
 *                      baştan sona bir kez okur
 * KC büyüdükçe C'ye daha az dönülür (K = 784 iki-üç dilim); küçüldükçe paketler önbelleğe
 * daha rahat sığar. 384, ders şekillerinde ölçtüğümüz en iyi dengeydi (192-512 denendi). */
#define KC 384
#define NC 4096
#ifndef PACK_A_MIN_N
#define PACK_A_MIN_N 1024   /* bu sayıdan az sütunda A paketlenmez (gemm() içinde, neden orada) */
#endif
#define BCH 8   /* B paketlemesinde bir iş parçası: 8 şerit (AVX-512'de 256 sütun) */

/* SIMD_W x SIMD_W'lik kareyi vektör yazmaçlarında devir: dst[k*ldd + i] = src[i*lds + k].
 * Özyinelemeli blok takası: önce w = SIMD_W/2 genişlikli köşegen dışı bloklar yer
 * değiştirir, sonra her bloğun içinde w/2, ..., 1 (log2 SIMD_W aşama). Bir aşamada
 * i ve i+w satırları birer karıştırmayla (shuffle; iki vektörden seçerek yeni vektör,
 * tek komut) yenilenir:
 *   yeni_i[k]   = k&w ? r_{i+w}[k-w] : r_i[k]
 *   yeni_i+w[k] = k&w ? r_{i+w}[k]   : r_i[k+w]
 * __builtin_shuffle'da maske elemanı < SIMD_W ilk vektörü, >= SIMD_W ikincisini seçer. */
static inline void transpose_regs(vf r[SIMD_W]) {
#pragma GCC unroll 4
    for (int w = SIMD_W / 2; w >= 1; w /= 2) {
        vfi lo, hi;
        for (int k = 0; k < SIMD_W; k++) {
            lo[k] = k & w ? SIMD_W + k - w : k;
            hi[k] = k & w ? SIMD_W + k : k + w;
        }
#pragma GCC unroll 16
        for (int i = 0; i < SIMD_W; i++) {
            if (i & w) continue;
            vf a = r[i], b = r[i + w];
#ifdef __clang__
            /* clang'da __builtin_shuffle yok (fuzz/ ve web/ derlemeleri clang'la): aynı seçim
             * eleman eleman; clang bunu yine karıştırma komutlarına çevirir. */
            vf na, nb;
            for (int k = 0; k < SIMD_W; k++) {
                na[k] = lo[k] < SIMD_W ? a[lo[k]] : b[lo[k] - SIMD_W];
                nb[k] = hi[k] < SIMD_W ? a[hi[k]] : b[hi[k] - SIMD_W];
            }
            r[i] = na;
            r[i + w] = nb;
#else
            r[i] = __builtin_shuffle(a, b, lo);
            r[i + w] = __builtin_shuffle(a, b, hi);
#endif
        }
    }
}
static inline void transpose_block(float *dst, int ldd, const float *src, int lds) {
    vf r[SIMD_W];
#pragma GCC unroll 16
    for (int i = 0; i < SIMD_W; i++) r[i] = ldv(src + (size_t)i * lds);
    transpose_regs(r);
#pragma GCC unroll 16
    for (int i = 0; i < SIMD_W; i++) stv(dst + (size_t)i * ldd, r[i]);
}

/* A'dan bir şeridi (MR satır) paketle: Ap[p][r]. */
static void pack_a_strip(int transA, const float *A, int lda, int i0, int p0, int kc, int rows,
                         float *dst) {
    if (!transA) {
        /* Satırları birlikte yürü: her p için MR satırdan birer sayı okunur ve paketin
         * bitişik MR'lik bölümüne yazılır (yazmalar sıralı, okumalar MR akışta sıralı). */
        const float *src[MR];
        for (int r = 0; r < MR; r++) src[r] = A + (size_t)(i0 + (r < rows ? r : 0)) * lda + p0;
        if (rows == MR) {
            /* SIMD_W adımlık bloklar vektör yazmaçlarında devrilir: MR satırdan birer
             * vektör (eksik satırlar 0), devirme, her p için ilk MR şerit yazılır. */
            int p = 0;
            for (; p + SIMD_W <= kc; p += SIMD_W, dst += SIMD_W * MR) {
                vf v[SIMD_W];
#pragma GCC unroll 16
                for (int r = 0; r < SIMD_W; r++) v[r] = r < MR ? ldv(src[r] + p) : (vf){0};
                transpose_regs(v);
#pragma GCC unroll 16
                for (int k = 0; k < SIMD_W; k++) memcpy(dst + k * MR, &v[k], MR * sizeof(float));
            }
            for (; p < kc; p++, dst += MR)
#pragma GCC unroll 16
                for (int r = 0; r < MR; r++) dst[r] = src[r][p];
        } else {
            for (int p = 0; p < kc; p++, dst += MR)
                for (int r = 0; r < MR; r++) dst[r] = r < rows ? src[r][p] : 0.0f;
        }
    } else {
        for (int p = 0; p < kc; p++) {
            const float *src = A + (size_t)(p0 + p) * lda + i0;
            float *d = dst + p * MR;
            if (rows == MR) memcpy(d, src, MR * sizeof(float));
            else for (int r = 0; r < MR; r++) d[r] = r < rows ? src[r] : 0.0f;
        }
    }
}

/* B'nin (kc x nc) bloğundan ns ardışık şeridi (her biri NR sütun) paketle:
 * şerit s'de Bp_s[p][c] = dst[s*kc*NR + p*NR + c]. Devrik olmayan B'de p dış döngüdür:
 * B'nin her satırından ns*NR bitişik sayı okunur (donanımın ön-getirmesi (prefetch)
 * sıralı okumayı izler; şerit şerit inmek her satırda ayrı bir sayfaya atlardı).
 * Devrik B'de (N,K) bellekte her sütun bitişiktir; onu p boyunca okuyup küçük
 * (L1'e sığan) bloklara dağıtmak, satır satır atlamaktan çok daha hızlıdır. */
static void pack_b_strips(int transB, const float *B, int ldb, int p0, int j0, int kc, int ncols,
                          int ns, float *dst) {
    if (!transB) {
        for (int p = 0; p < kc; p++) {
            const float *src = B + (size_t)(p0 + p) * ldb + j0;
            for (int s = 0; s < ns; s++) {
                float *d = dst + (size_t)s * kc * NR + (size_t)p * NR;
                int cols = ncols - s * NR < NR ? ncols - s * NR : NR;
                if (cols == NR) memcpy(d, src + s * NR, NR * sizeof(float));
                else {
                    for (int c = 0; c < cols; c++) d[c] = src[s * NR + c];
                    for (int c = cols; c < NR; c++) d[c] = 0.0f;
                }
            }
        }
        return;
    }
    for (int s = 0; s < ns; s++, dst += (size_t)kc * NR, j0 += NR) {
        int cols = ncols - s * NR < NR ? ncols - s * NR : NR;
        /* SIMD_W'lik p blokları: bloğun hedefi (SIMD_W x NR sayı) L1'de kalırken NR
         * sütunun her birinden SIMD_W bitişik sayı okunur. Tam kareler (SIMD_W sütun x
         * SIMD_W adım) vektör yazmaçlarında devrilir (transpose_block); kenarlar tek tek.
         * Eksik sütunlar 0. */
        for (int pb = 0; pb < kc; pb += SIMD_W) {
            int pe = kc - pb < SIMD_W ? kc - pb : SIMD_W;
            for (int c0 = 0; c0 < NR; c0 += SIMD_W) {
                const float *src = B + (size_t)(j0 + c0) * ldb + p0 + pb;
                float *d = dst + (size_t)pb * NR + c0;
                if (pe == SIMD_W && c0 + SIMD_W <= cols) {
                    transpose_block(d, NR, src, ldb);
                    continue;
                }
                for (int c = 0; c < SIMD_W; c++)
                    for (int p = 0; p < pe; p++)
                        d[p * NR + c] = c0 + c < cols ? src[(size_t)c * ldb + p] : 0.0f;
            }
        }
    }
}

/* Mikro-çekirdek: acc = Ap(şerit, MR satır) * Bp(şerit, NR sütun), sonra C'ye yaz.
 * Paketli şeritte A(r,p) = a[p*MR + r] ve B(p, .) = b[p*NR ...]; eksik satır ve
 * sütunlar paketlemede 0 ile doldurulduğu için döngü hep tam karedir.
 * first==1 ise C = alpha*acc + beta*C, değilse C += alpha*acc (K'nın sonraki dilimleri).
 * c0[r], c1[r]: C'nin r. satırının sol ve sağ vektörü. Sabit sınırlı döngüler
 * açıldığında (unroll) derleyici her birini ayrı bir yazmaçta tutar. */
static inline __attribute__((always_inline)) void
kernel_mr(const int mr, const int packed, int kc, const float *restrict a, size_t ars, size_t acs,
          const float *restrict b, float *C, int ldc, int rows, int cols, float alpha, float beta,
          int first) {
    vf c0[MR], c1[MR];
#pragma GCC unroll 16
    for (int r = 0; r < mr; r++) c0[r] = c1[r] = (vf){0};
    if (packed) {
        for (int p = 0; p < kc; p++, a += MR, b += NR) {
            vf x0 = ldv(b), x1 = ldv(b + SIMD_W);
#pragma GCC unroll 16
            for (int r = 0; r < mr; r++) {
                c0[r] += a[r] * x0;
                c1[r] += a[r] * x1;
            }
        }
    } else {
        /* Paketsiz A: r. satırın p. sayısı a[r*ars + p*acs]; eksik satırlar (r >= rows)
         * son geçerli satırı okur (sonuçları yazılmaz), A'nın dışına çıkılmaz. */
        const float *ap[MR];
#pragma GCC unroll 16
        for (int r = 0; r < mr; r++) ap[r] = a + (size_t)(r < rows ? r : rows - 1) * ars;
        for (size_t o = 0; o < (size_t)kc * acs; o += acs, b += NR) {
            vf x0 = ldv(b), x1 = ldv(b + SIMD_W);
#pragma GCC unroll 16
            for (int r = 0; r < mr; r++) {
                c0[r] += ap[r][o] * x0;
                c1[r] += ap[r][o] * x1;
            }
        }
    }
    if (rows == mr && cols == NR) { /* sık durum: tam kare, doğrudan vektörlerle */
#pragma GCC unroll 16
        for (int r = 0; r < mr; r++) {
            float *c = C + (size_t)r * ldc;
            vf y0 = alpha * c0[r], y1 = alpha * c1[r];
            if (!first) {
                y0 += ldv(c);
                y1 += ldv(c + SIMD_W);
            } else if (beta != 0.0f) {
                y0 += beta * ldv(c);
                y1 += beta * ldv(c + SIMD_W);
            }
            stv(c, y0);
            stv(c + SIMD_W, y1);
        }
        return;
    }
    float acc[MR][NR];   /* kenar karesi: önce tampona, sonra yalnızca geçerli kısım */
    for (int r = 0; r < mr; r++) {
        stv(acc[r], c0[r]);
        stv(acc[r] + SIMD_W, c1[r]);
    }
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

/* Son satır şeridi eksikse (ör. M = 64 = 5*12 + 4) boş satırlar için FMA harcamamak üzere
 * çekirdeğin MR/3 ve 2*MR/3 satırlık kopyaları kullanılır (aynı kod, sabit mr).
 * packed == 0: A paketlenmemiş, yerinde okunur (ars, acs adımlarıyla; aşağıda ne zaman). */
static void kernel(int packed, int kc, const float *a, size_t ars, size_t acs, const float *b,
                   float *C, int ldc, int rows, int cols, float alpha, float beta, int first) {
    if (packed) {
        if (rows > 2 * MR / 3) kernel_mr(MR, 1, kc, a, 1, MR, b, C, ldc, rows, cols, alpha, beta, first);
        else if (rows > MR / 3) kernel_mr(2 * MR / 3, 1, kc, a, 1, MR, b, C, ldc, rows, cols, alpha, beta, first);
        else kernel_mr(MR / 3, 1, kc, a, 1, MR, b, C, ldc, rows, cols, alpha, beta, first);
    } else {
        if (rows > 2 * MR / 3) kernel_mr(MR, 0, kc, a, ars, acs, b, C, ldc, rows, cols, alpha, beta, first);
        else if (rows > MR / 3) kernel_mr(2 * MR / 3, 0, kc, a, ars, acs, b, C, ldc, rows, cols, alpha, beta, first);
        else kernel_mr(MR / 3, 0, kc, a, ars, acs, b, C, ldc, rows, cols, alpha, beta, first);
    }
}

/* Paket tamponları: her iş parçacığının kendi statik (thread-local) tamponu büyüyerek
 * yeniden kullanılır. gemm başka bir paralel bölgenin içinden çağrıldığında (ör. dikkatin
 * baş başına küçük çarpımları) her çağrıda bellek ayırıp bırakmak yerine o iş
 * parçacığının tamponu kullanılır. Bir gemm'in kendi paralel bölgesinde tamponlar ortaktır
 * (çağıran iş parçacığınınki): şeritler ayrı yerlere paketlenir. */
static _Thread_local float *g_ap, *g_bp;
static _Thread_local size_t g_ap_n, g_bp_n;

static float *aligned_floats(size_t n) {
    size_t bytes = (n * sizeof(float) + 63) & ~(size_t)63;
    float *p = aligned_alloc(64, bytes ? bytes : 64);
    if (!p) die("gemm: bellek ayrılamadı (%zu bayt)", bytes);
    return p;
}

/* Bir çarpımın bütün bilgisi: iş parçacıkları aynı yapıyı okur. */
typedef struct {
    int transA, transB, M, N, K, lda, ldb, ldc, kcb, mstrips, pack_a;
    float alpha, beta;
    const float *A, *B;
    float *C, *Ap, *Bp;
} GemmJob;

/* [0, n) aralığının tid. parçası (schedule(static) gibi eşit, bitişik parçalar) */
static inline void split_range(long n, int tid, int nth, long *lo, long *hi) {
    *lo = n * tid / nth;
    *hi = n * (tid + 1) / nth;
}

/* Bloklar üzerinde yürüyüş; nth iş parçacığından tid.'si. nth == 1 ise paralel bölge
 * yoktur ve hiçbir OpenMP çağrısı yapılmaz. Neden önemli: "#pragma omp parallel if (0)"
 * bile tek kişilik bir takım kurar ve her engelde (barrier) işletim sistemine bir
 * uyandırma çağrısı (futex) yapar; dikkatin binlerce küçük çarpımında bu çağrılar
 * hesabın kendisinden pahalıydı (lesson12'nin adımında ~%30). */
static void gemm_blocks(const GemmJob *g, int tid, int nth) {
    int M = g->M, N = g->N, K = g->K, mstrips = g->mstrips;
    for (int jc = 0; jc < N; jc += NC) {
        int nc = N - jc < NC ? N - jc : NC;
        int nstrips = (nc + NR - 1) / NR, nbchunks = (nstrips + BCH - 1) / BCH;
        for (int pc = 0; pc < K; pc += g->kcb) {
            int kc = K - pc < g->kcb ? K - pc : g->kcb;
            int first = (pc == 0);
            long lo, hi;
            /* 1) paketleme: B şeritleri ve A şeritleri tek iş listesinde */
            split_range(nbchunks + (g->pack_a ? mstrips : 0), tid, nth, &lo, &hi);
            for (long t = lo; t < hi; t++) {
                if (t < nbchunks) { /* BCH şeritlik B parçası */
                    int j = (int)t * BCH * NR, ns = nstrips - (int)t * BCH < BCH ? nstrips - (int)t * BCH : BCH;
                    pack_b_strips(g->transB, g->B, g->ldb, pc, jc + j, kc, nc - j, ns,
                                  g->Bp + (size_t)j * kc);
                } else {
                    int i = (int)(t - nbchunks) * MR, rows = M - i < MR ? M - i : MR;
                    pack_a_strip(g->transA, g->A, g->lda, i, pc, kc, rows, g->Ap + (size_t)i * kc);
                }
            }
            if (nth > 1) {
#pragma omp barrier
            }
            /* 2) mikro-karelerin ızgarası: satır şeritleri (dışta) x sütun şeritleri (içte) */
            split_range((long)mstrips * nstrips, tid, nth, &lo, &hi);
            for (long t = lo; t < hi; t++) {
                int is = (int)(t / nstrips), js = (int)(t % nstrips);
                int i = is * MR, j = js * NR;
                int rows = M - i < MR ? M - i : MR;
                int cols = nc - j < NR ? nc - j : NR;
                float *c = g->C + (size_t)i * g->ldc + jc + j;
                const float *bp = g->Bp + (size_t)j * kc;
                if (g->pack_a)
                    kernel(1, kc, g->Ap + (size_t)i * kc, 1, MR, bp, c, g->ldc, rows, cols,
                           g->alpha, g->beta, first);
                else if (!g->transA) /* A (M,K): satır i+r, sütun pc+p */
                    kernel(0, kc, g->A + (size_t)i * g->lda + pc, g->lda, 1, bp, c, g->ldc, rows,
                           cols, g->alpha, g->beta, first);
                else                 /* A (K,M): op(A)(i+r, pc+p) = A[(pc+p)*lda + i+r] */
                    kernel(0, kc, g->A + (size_t)pc * g->lda + i, 1, g->lda, bp, c, g->ldc, rows,
                           cols, g->alpha, g->beta, first);
            }
            if (nth > 1) { /* paketler bir sonraki dilimde yeniden yazılacak */
#pragma omp barrier
            }
        }
    }
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
    int nested = 0, maxth = 1;
#ifdef _OPENMP
    nested = omp_in_parallel();
    if (!nested) {
        threads_adapt();   /* makine meşgulse iş parçacığı sayısını azalt (core/threads.h) */
        maxth = omp_get_max_threads();
    }
#endif
    /* Küçük çarpımlarda iş parçacıklarını uyandırıp eşitlemek hesabın kendisinden
     * pahalıdır: ~1 milyon çarp-topladan azı tek iş parçacığında yapılır. */
    int par = !nested && maxth > 1 && (double)M * N * K >= 1048576.0;
    int ncmax = N < NC ? ((N + NR - 1) / NR) * NR : NC;
    int kcmax = K < KC ? K : KC;
    size_t need_a = (size_t)((M + MR - 1) / MR) * MR * kcmax; /* tüm M şeritleri */
    size_t need_b = (size_t)ncmax * kcmax;
    if (need_a > g_ap_n) { free(g_ap); g_ap = aligned_floats(need_a); g_ap_n = need_a; }
    if (need_b > g_bp_n) { free(g_bp); g_bp = aligned_floats(need_b); g_bp_n = need_b; }
    /* K'yı eşit parçalara böl (ör. K = 784: 262 + 262 + 260, 384 + 384 + 16 değil): son
     * parçanın küçük kalması verimsizdir. */
    int nkb = (K + KC - 1) / KC;
    /* A'yı paketlemek, her A şeridi birçok sütun şeridinde yeniden okunduğunda değer: paket
     * bitişiktir, ön-getirme kolaydır. N küçükse (<= PACK_A_MIN_N sütun) her şerit birkaç kez
     * okunur; paketlemenin kopyası (ve devrik olmayan A'da yazmaçta devirme) kazançtan
     * pahalıdır: çekirdek A'yı yerinde, satır adımıyla okur (küçük şerit L1'de kalır). */
    int pack_a = N > PACK_A_MIN_N;
    GemmJob g = {transA, transB, M, N, K, lda, ldb, ldc, (K + nkb - 1) / nkb, (M + MR - 1) / MR,
                 pack_a, alpha, beta, A, B, C, g_ap, g_bp};
    if (!par) {
        gemm_blocks(&g, 0, 1);
        return;
    }
    /* Tek bir paralel bölge: iş parçacıkları her blokta yalnızca engelde buluşur. */
#pragma omp parallel
    gemm_blocks(&g, omp_get_thread_num(), omp_get_num_threads());
}
