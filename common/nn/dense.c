/* dense.c — bkz. dense.h */
#include "nn/dense.h"
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include "core/gemm.h"
#include "core/simd.h"
#ifdef _OPENMP
#include <omp.h>
#else   /* OpenMP'siz derleme (ör. WebAssembly sayfaları): tek iş parçacığı */
static inline int omp_get_max_threads(void) { return 1; }
static inline int omp_get_thread_num(void) { return 0; }
#endif
#if defined(__AVX512F__)
#include <immintrin.h>
#endif

void dense_forward(float *out, const float *inp, const float *W, const float *bias, int B, int IN,
                   int OUT) {
    /* Önce her satıra bias'ı koy, sonra GEMM ile X W'yu üzerine ekle (beta = 1). */
    for (int b = 0; b < B; b++) {
        float *row = out + (size_t)b * OUT;
        if (bias) {
#pragma omp simd
            for (int o = 0; o < OUT; o++) row[o] = bias[o];
        } else {
            for (int o = 0; o < OUT; o++) row[o] = 0.0f;
        }
    }
    gemm(0, 0, B, OUT, IN, 1.0f, inp, IN, W, OUT, 1.0f, out, OUT);
}

void dense_backward(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                    const float *W, int B, int IN, int OUT) {
    /* dW (IN,OUT) += X^T (IN,B) * dout (B,OUT)   (dW NULL ise atlanır: dondurulmuş katman) */
    if (dW) gemm(1, 0, IN, OUT, B, 1.0f, inp, IN, dout, OUT, 1.0f, dW, OUT);
    if (dbias)
        for (int b = 0; b < B; b++) {
            const float *row = dout + (size_t)b * OUT;
#pragma omp simd
            for (int o = 0; o < OUT; o++) dbias[o] += row[o];
        }
    /* dinp (B,IN) += dout (B,OUT) * W^T (OUT,IN)   (beta = 1: eklenir) */
    if (dinp) gemm(0, 1, B, IN, OUT, 1.0f, dout, OUT, W, OUT, 1.0f, dinp, IN);
}

/* ---- Seyrek girişli yol (bkz. dense.h, "SEYREK GİRİŞ") ---- */

#define SP_NVF (SIMD_W == 16 ? 8 : 4)   /* ileri geçişin şerit genişliği (vektör) */
#define SP_NVD 4                        /* dW'nun şerit genişliği (vektör) */
#define SP_CW (SP_NVF * SIMD_W)         /* en geniş şerit (sütun), aşağıda "Bloklama" */
#define SP_KB 64             /* giriş bloğu (16'nın katı) */
#define SP_MAXT 4            /* seyrek bölgelerde en çok iş parçacığı */
#define SP_NBLK(IN) (((IN) + SP_KB - 1) / SP_KB)

/* Çalışma alanının düzeni (hepsi tek blokta, 4 baytlık öğeler):
 *   rval[cap+16] rcol[cap+16] rptr[B+1]      satır satır (CSR): değer, sütun, satır başı
 *   seg[B·(NBLK+1)]                          her satırda her giriş bloğunun CSR'deki başı
 *   cval[cap]    crow[cap]    cptr[IN+1]     sütun sütun (CSC): dW için
 *   strip[SP_MAXT·B·CW]                      iş parçacığı başına çıkış / dout şeridi
 * cap = en çok kaç sıfır olmayan öğeyle seyrek yola girilir (yoğunluk eşiği × B × IN).
 * +16: AVX-512 sıkıştırması her 16'lık parçada 16 öğe yazar (fazlası sonra ezilir). */
static size_t sparse_cap(int B, int IN) { return (size_t)(DENSE_SPARSE_MAX_DENSITY * B * IN); }

size_t dense_sparse_work_floats(int B, int IN) {
    size_t cap = sparse_cap(B, IN);
    return 2 * (cap + 16) + (size_t)B + 1 + (size_t)B * (SP_NBLK(IN) + 1) + 2 * cap + (size_t)IN + 1 +
           (size_t)SP_MAXT * B * SP_CW + SIMD_W;
}

typedef struct {
    float *rval, *cval, *strip;
    int32_t *rcol, *rptr, *seg, *crow, *cptr;
    size_t cap;
} SparseWork;

static SparseWork sparse_work(void *work, int B, int IN) {
    SparseWork w;
    w.cap = sparse_cap(B, IN);
    float *f = work;
    w.rval = f;
    w.rcol = (int32_t *)(f + w.cap + 16);
    w.rptr = w.rcol + w.cap + 16;
    w.seg = w.rptr + B + 1;
    w.cval = (float *)(w.seg + (size_t)B * (SP_NBLK(IN) + 1));
    w.crow = (int32_t *)(w.cval + w.cap);
    w.cptr = w.crow + w.cap;
    /* şerit tamponları 64 bayta hizalı (önbellek satırı) */
    uintptr_t pk = (uintptr_t)(w.cptr + IN + 1);
    w.strip = (float *)((pk + 63) & ~(uintptr_t)63);
    return w;
}

/* X'in sıfır olmayan öğelerini satır satır (CSR) toplar. Öğe sayısı cap'i aşarsa (girdi
 * yeterince seyrek değil) -1 döner: çağıran yoğun yola (GEMM) geçer. Sıfır sayılan yalnızca
 * tam 0 (ve -0); NaN sıfır değildir, seyrek yolda da çarpıma girer. */
static long csr_build(SparseWork *w, const float *X, int B, int IN) {
    size_t n = 0;
    int nblk = SP_NBLK(IN);
    for (int b = 0; b < B; b++) {
        const float *x = X + (size_t)b * IN;
        int32_t *seg = w->seg + (size_t)b * (nblk + 1);
        w->rptr[b] = (int32_t)n;
#if defined(__AVX512F__)
        /* 16 öğeyi karşılaştır, sıfır olmayanları yazmaçta sıkıştır (vcompressps), tam bir
         * vektör olarak yaz; sayaç yalnızca sıfır olmayanların sayısı kadar ilerler. */
        const __m512i step = _mm512_set1_epi32(16);
        __m512i iota = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        for (int i = 0; i < IN; i += 16) {
            if (i % SP_KB == 0) seg[i / SP_KB] = (int32_t)n;
            __mmask16 tail = IN - i >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (IN - i)) - 1);
            __m512 v = _mm512_maskz_loadu_ps(tail, x + i);
            __mmask16 m = _mm512_mask_cmp_ps_mask(tail, v, _mm512_setzero_ps(), _CMP_NEQ_UQ);
            _mm512_storeu_ps(w->rval + n, _mm512_maskz_compress_ps(m, v));
            _mm512_storeu_si512((void *)(w->rcol + n), _mm512_maskz_compress_epi32(m, iota));
            n += (size_t)__builtin_popcount(m);
            iota = _mm512_add_epi32(iota, step);
        }
#else
        /* dalsız: her öğe yazılır, sayaç yalnızca sıfır değilse ilerler */
        for (int i = 0; i < IN; i++) {
            if (i % SP_KB == 0) seg[i / SP_KB] = (int32_t)n;
            w->rval[n] = x[i];
            w->rcol[n] = i;
            n += x[i] != 0.0f;
        }
#endif
        seg[nblk] = (int32_t)n;
        if (n > w->cap) return -1;
        /* Erken vazgeçme: ilk 8 satırdan sonra şimdiye kadarki oran eşiği aşıyorsa yığın
         * büyük olasılıkla seyrek değil; bütününü taramak boşa gider (ör. ReLU + dropout
         * çıkışı, ~%37–45 dolu). Karar yalnızca girişe bağlıdır (belirlenimci). */
        if (b >= 7 && (double)n > DENSE_SPARSE_MAX_DENSITY * (double)(b + 1) * IN) return -1;
    }
    w->rptr[B] = (int32_t)n;
    return (long)n;
}

/* CSR'den CSC'ye (sayarak sıralama): sütun i'nin öğeleri b'ye göre artan sırada. */
static void csc_from_csr(SparseWork *w, int B, int IN) {
    int32_t *cp = w->cptr;
    for (int i = 0; i <= IN; i++) cp[i] = 0;
    long nnz = w->rptr[B];
    for (long k = 0; k < nnz; k++) cp[w->rcol[k] + 1]++;
    for (int i = 0; i < IN; i++) cp[i + 1] += cp[i];
    /* cp[i], doldururken i. sütunun sıradaki boş yeri; sonra geri alınır */
    for (int b = 0; b < B; b++)
        for (int32_t k = w->rptr[b]; k < w->rptr[b + 1]; k++) {
            int32_t c = w->rcol[k], at = cp[c]++;
            w->cval[at] = w->rval[k];
            w->crow[at] = b;
        }
    for (int i = IN; i > 0; i--) cp[i] = cp[i - 1];
    cp[0] = 0;
}

/* ---- Bloklama: veriyi L1 önbellekte tutmak ----
 * Seyrek yolda bir çarpım için bir W (ya da dout) satır parçası okunur ve yalnızca birkaç
 * FMA'da kullanılır; W (784x256 float = 800 KB) L1'e (48 KB) sığmaz. Bu yüzden çıkış
 * sütunları şeritlere bölünür:
 *   ileri: şerit 8 vektör (AVX-512'de 128 sütun; AVX2'de 4 vektör, 32 sütun). W'nun
 *          şeridinin KB = 64 girişlik parçası bitişik bir tampona kopyalanır (paketleme,
 *          32 KB) ve L1'de kalır; her satır bu parçadaki sıfır olmayan girişleriyle
 *          yazmaçlarda biriktirir, sonra şeridin bitişik ara tamponuna ekler.
 *   dW:    şerit 4 vektör (64 / 32 sütun). dout'un şeridi bitişik tampona kopyalanır
 *          (B x şerit, 128 satırda 32 KB) ve L1'de kalır; dW'nun her satır parçası
 *          yazmaçlarda birikir, sonra dW'ya eklenir.
 * Ölçülen (bench sparse, MNIST yığını): ileri 4 vektörlük şeritle 0,16 ms, 8'likle 0,14 ms;
 * KB = 32 ile 0,16 ms. Bloksuz ilk sürüm (W'nun satırları L2'den) 0,25 ms idi.
 * Kopyalar şart: satırları 1 KB arayla duran bir şerit L1'in yalnızca birkaç kümesine
 * düşer (adresin 6–11. bitleri) ve birbirini önbellekten atar.
 * İş parçacıkları şeritleri paylaşır: her şerit baştan sona tek bir iş parçacığında,
 * sabit sırayla hesaplanır (sonuç iş parçacığı sayısından bağımsızdır) ve aralarında
 * bekleşme (barrier) yoktur — meşgul bir makinede bekleşme pahalıdır. */
/* acc[0..nv) += Σ_k val[k] · M[(idx[k] - base)·ld + 0..nv·W), k ∈ [k0, k1)
 * Bir FMA'nın sonucu ~4 çevrim sonra hazır, çevrimde 2 FMA başlayabilir: 4 toplayıcı tek
 * zincirle beklerdi. Çift ve tek k'ler ayrı toplayıcılarda (e, o: 8 zincir) birikir, sonda
 * toplanır (sıra sabit: belirlenimci). */
static inline __attribute__((always_inline)) void
sp_accum(vf acc[SP_NVF], const float *val, const int32_t *idx, int32_t k0, int32_t k1,
         const float *M, size_t ld, int32_t base, const int nv) {
    if (nv >= 8) {   /* 8 toplayıcı zaten 8 bağımsız zincir */
        for (int32_t k = k0; k < k1; k++) {
            vf x = vsplat(val[k]);
            const float *m = M + (size_t)(idx[k] - base) * ld;
            __asm__("" : "+r"(m));
#pragma GCC unroll 8
            for (int j = 0; j < nv; j++) acc[j] += x * ldv(m + j * SIMD_W);
        }
        return;
    }
    vf e[4], o[4];
#pragma GCC unroll 4
    for (int j = 0; j < nv; j++) e[j] = o[j] = (vf){0};
    int32_t k = k0;
    for (; k + 1 < k1; k += 2) {
        vf x = vsplat(val[k]), y = vsplat(val[k + 1]);
        const float *m = M + (size_t)(idx[k] - base) * ld, *q = M + (size_t)(idx[k + 1] - base) * ld;
        /* Boş asm: derleyici m'yi ve q'yu birer yazmaçta tutsun; j·W ofsetleri yüklemelere
         * sabit olarak gömülür (yoksa GCC her ofset için ayrı adres hesabı yapıyor). */
        __asm__("" : "+r"(m), "+r"(q));
#pragma GCC unroll 4
        for (int j = 0; j < nv; j++) {
            e[j] += x * ldv(m + j * SIMD_W);
            o[j] += y * ldv(q + j * SIMD_W);
        }
    }
    if (k < k1) {
        vf x = vsplat(val[k]);
        const float *m = M + (size_t)(idx[k] - base) * ld;
        __asm__("" : "+r"(m));
#pragma GCC unroll 4
        for (int j = 0; j < nv; j++) e[j] += x * ldv(m + j * SIMD_W);
    }
#pragma GCC unroll 4
    for (int j = 0; j < nv; j++) acc[j] += e[j] + o[j];
}

/* Şeritler: önce nb vektörlük, sonra tek vektörlük, en sonda vektörden kısa kuyruk
 * (skaler). u. şeridin başlangıç sütunu ve vektör sayısı (0: skaler kuyruk). */
static int strip_count(int OUT, int nb) {
    int cw = nb * SIMD_W, nbig = OUT / cw, n1 = (OUT - nbig * cw) / SIMD_W;
    return nbig + n1 + (OUT % SIMD_W != 0);
}
static void strip_at(int OUT, int nb, int u, int *o, int *nv) {
    int cw = nb * SIMD_W, nbig = OUT / cw, n1 = (OUT - nbig * cw) / SIMD_W;
    if (u < nbig) *o = u * cw, *nv = nb;
    else if (u < nbig + n1) *o = nbig * cw + (u - nbig) * SIMD_W, *nv = 1;
    else *o = nbig * cw + n1 * SIMD_W, *nv = 0;
}
/* Seyrek bölgelerin iş parçacığı sayısı: en çok SP_MAXT (her birinin ara tamponu var). */
static inline __attribute__((unused)) int sp_threads(long work) {
    int nt = work > 200000 ? omp_get_max_threads() : 1;
    return nt < SP_MAXT ? nt : SP_MAXT;
}

/* İleri geçiş, bir şerit (o..o+nv·W sütunları). S: bu iş parçacığının ara tamponu. */
static inline __attribute__((always_inline)) void
sp_fwd_strip(float *out, const SparseWork *w, int B, int IN, int OUT, const float *W,
             const float *bias, int o, float *S, const int nv) {
    const int cw = nv * SIMD_W;
    float P[SP_KB * SP_CW] __attribute__((aligned(64)));   /* W'nun paketli parçası */
    for (int b = 0; b < B; b++)
        for (int j = 0; j < nv; j++)
            stv(S + (size_t)b * cw + j * SIMD_W, bias ? ldv(bias + o + j * SIMD_W) : (vf){0});
    int nblk = SP_NBLK(IN);
    for (int blk = 0; blk < nblk; blk++) {
        int i0 = blk * SP_KB, ni = IN - i0 < SP_KB ? IN - i0 : SP_KB;
        for (int i = 0; i < ni; i++)
            for (int j = 0; j < nv; j++)
                stv(P + (size_t)i * cw + j * SIMD_W, ldv(W + (size_t)(i0 + i) * OUT + o + j * SIMD_W));
        for (int b = 0; b < B; b++) {
            const int32_t *seg = w->seg + (size_t)b * (nblk + 1) + blk;
            int32_t k0 = seg[0], k1 = seg[1];
            if (k1 == k0) continue;
            float *dst = S + (size_t)b * cw;
            vf acc[SP_NVF];
#pragma GCC unroll 8
            for (int j = 0; j < nv; j++) acc[j] = ldv(dst + j * SIMD_W);
            /* P'nin satırları bloğun girişleri: P'deki satır = sütun - i0 */
            sp_accum(acc, w->rval, w->rcol, k0, k1, P, (size_t)cw, i0, nv);
#pragma GCC unroll 8
            for (int j = 0; j < nv; j++) stv(dst + j * SIMD_W, acc[j]);
        }
    }
    for (int b = 0; b < B; b++)
        for (int j = 0; j < nv; j++)
            stv(out + (size_t)b * OUT + o + j * SIMD_W, ldv(S + (size_t)b * cw + j * SIMD_W));
}

int dense_forward_sparse(float *out, const float *inp, const float *W, const float *bias, int B,
                         int IN, int OUT, void *work) {
    SparseWork w = sparse_work(work, B, IN);
    long nnz = csr_build(&w, inp, B, IN);
    if (nnz < 0) return 0;
    int ns = strip_count(OUT, SP_NVF);
#pragma omp parallel num_threads(sp_threads(nnz * (long)OUT))
    {
        float *S = w.strip + (size_t)omp_get_thread_num() * B * SP_CW;
#pragma omp for schedule(static)
        for (int u = 0; u < ns; u++) {
            int o, nv;
            strip_at(OUT, SP_NVF, u, &o, &nv);
            if (nv == SP_NVF) sp_fwd_strip(out, &w, B, IN, OUT, W, bias, o, S, SP_NVF);
            else if (nv == 1) sp_fwd_strip(out, &w, B, IN, OUT, W, bias, o, S, 1);
            else   /* vektörden kısa kuyruk sütunları (ör. OUT = 10): skaler */
                for (int b = 0; b < B; b++)
                    for (int c = o; c < OUT; c++) {
                        float a = 0.0f;
                        for (int32_t k = w.rptr[b]; k < w.rptr[b + 1]; k++)
                            a += w.rval[k] * W[(size_t)w.rcol[k] * OUT + c];
                        out[(size_t)b * OUT + c] = (bias ? bias[c] : 0.0f) + a;
                    }
        }
    }
    return 1;
}

/* dW, bir şerit: dout'un şeridi D'ye (B x nv·W, bu iş parçacığının) paketlenir. */
static inline __attribute__((always_inline)) void
sp_dw_strip(float *dW, const SparseWork *w, int B, int IN, int OUT, const float *dout, int o,
            float *D, const int nv) {
    const int cw = nv * SIMD_W;
    for (int b = 0; b < B; b++)
        for (int j = 0; j < nv; j++)
            stv(D + (size_t)b * cw + j * SIMD_W, ldv(dout + (size_t)b * OUT + o + j * SIMD_W));
    for (int i = 0; i < IN; i++) {
        int32_t k0 = w->cptr[i], k1 = w->cptr[i + 1];
        if (k0 == k1) continue;   /* bu giriş yığının hiçbir örneğinde sıfırdan farklı değil */
        float *dst = dW + (size_t)i * OUT + o;
        vf acc[SP_NVF];
#pragma GCC unroll 4
        for (int j = 0; j < nv; j++) acc[j] = ldv(dst + j * SIMD_W);
        sp_accum(acc, w->cval, w->crow, k0, k1, D, (size_t)cw, 0, nv);
#pragma GCC unroll 4
        for (int j = 0; j < nv; j++) stv(dst + j * SIMD_W, acc[j]);
    }
}

int dense_backward_dw_sparse(float *dW, const float *dout, const float *inp, int B, int IN, int OUT,
                             void *work) {
    SparseWork w = sparse_work(work, B, IN);
    long nnz = csr_build(&w, inp, B, IN);
    if (nnz < 0) return 0;
    csc_from_csr(&w, B, IN);
    /* dW'nun i. satırı += Σ_b x[b][i] · dout[b]: yalnızca x[b][i] ≠ 0 olan b'ler. */
    int ns = strip_count(OUT, SP_NVD);
#pragma omp parallel num_threads(sp_threads(nnz * (long)OUT))
    {
        float *D = w.strip + (size_t)omp_get_thread_num() * B * SP_CW;
#pragma omp for schedule(static)
        for (int u = 0; u < ns; u++) {
            int o, nv;
            strip_at(OUT, SP_NVD, u, &o, &nv);
            if (nv == SP_NVD) sp_dw_strip(dW, &w, B, IN, OUT, dout, o, D, SP_NVD);
            else if (nv == 1) sp_dw_strip(dW, &w, B, IN, OUT, dout, o, D, 1);
            else
                for (int i = 0; i < IN; i++)
                    for (int c = o; c < OUT; c++) {
                        float a = 0.0f;
                        for (int32_t k = w.cptr[i]; k < w.cptr[i + 1]; k++)
                            a += w.cval[k] * dout[(size_t)w.crow[k] * OUT + c];
                        dW[(size_t)i * OUT + c] += a;
                    }
        }
    }
    return 1;
}

void dense_forward_auto(float *out, const float *inp, const float *W, const float *bias, int B,
                        int IN, int OUT, void *work) {
    if (work && dense_forward_sparse(out, inp, W, bias, B, IN, OUT, work)) return;
    dense_forward(out, inp, W, bias, B, IN, OUT);
}

void dense_backward_auto(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                         const float *W, int B, int IN, int OUT, void *work) {
    if (dW && work && dense_backward_dw_sparse(dW, dout, inp, B, IN, OUT, work)) dW = NULL;
    dense_backward(dinp, dW, dbias, dout, inp, W, B, IN, OUT);
}

void dense_init_he(float *W, float *bias, int IN, int OUT, Rng *rng) {
    float s = sqrtf(2.0f / (float)IN);
    for (long i = 0; i < (long)IN * OUT; i++) W[i] = s * rng_normal(rng);
    if (bias)
        for (int o = 0; o < OUT; o++) bias[o] = 0.0f;
}

void dense_init_glorot(float *W, float *bias, int IN, int OUT, Rng *rng) {
    float a = sqrtf(6.0f / (float)(IN + OUT));
    for (long i = 0; i < (long)IN * OUT; i++) W[i] = a * (2.0f * rng_uniform(rng) - 1.0f);
    if (bias)
        for (int o = 0; o < OUT; o++) bias[o] = 0.0f;
}
