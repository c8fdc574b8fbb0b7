/* conv.c — evrişim ve havuzlama (bkz. conv.h). Hızlı sürüm: parçalı im2col + evrişime
 * özel matris çarpımı mikro-çekirdekleri, OpenMP ile parçalara dağıtılmış. */
#include "nn/conv.h"
#include <stdint.h>
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

/* ---- Referans: formülün düz döngüleri ---- */

void conv2d_forward_ref(float *out, const float *inp, const float *W, const float *bias, int B,
                        int C, int H, int Wd, int OC, int k, int s, int p) {
    int OH = conv_out_dim(H, k, s, p), OW = conv_out_dim(Wd, k, s, p);
    for (int b = 0; b < B; b++)
        for (int o = 0; o < OC; o++)
            for (int y = 0; y < OH; y++)
                for (int x = 0; x < OW; x++) {
                    float acc = bias ? bias[o] : 0.0f;
                    for (int c = 0; c < C; c++)
                        for (int i = 0; i < k; i++)
                            for (int j = 0; j < k; j++) {
                                int h = y * s + i - p, w = x * s + j - p;
                                if (h < 0 || h >= H || w < 0 || w >= Wd) continue;
                                acc += W[((o * C + c) * k + i) * k + j] *
                                       inp[(((size_t)b * C + c) * H + h) * Wd + w];
                            }
                    out[(((size_t)b * OC + o) * OH + y) * OW + x] = acc;
                }
}

void conv2d_backward_ref(float *dinp, float *dW, float *dbias, const float *dout,
                         const float *inp, const float *W, int B, int C, int H, int Wd, int OC,
                         int k, int s, int p) {
    int OH = conv_out_dim(H, k, s, p), OW = conv_out_dim(Wd, k, s, p);
    for (int b = 0; b < B; b++)
        for (int o = 0; o < OC; o++)
            for (int y = 0; y < OH; y++)
                for (int x = 0; x < OW; x++) {
                    float g = dout[(((size_t)b * OC + o) * OH + y) * OW + x];
                    if (dbias) dbias[o] += g;
                    for (int c = 0; c < C; c++)
                        for (int i = 0; i < k; i++)
                            for (int j = 0; j < k; j++) {
                                int h = y * s + i - p, w = x * s + j - p;
                                if (h < 0 || h >= H || w < 0 || w >= Wd) continue;
                                size_t ii = (((size_t)b * C + c) * H + h) * Wd + w;
                                size_t wi = ((size_t)(o * C + c) * k + i) * k + j;
                                if (dW) dW[wi] += g * inp[ii];
                                if (dinp) dinp[ii] += g * W[wi];
                            }
                }
}

/* ---- Hızlı sürüm ----
 *
 * Plan: yığın ch örneklik parçalara (chunk) bölünür. Sabit sayıda "yuva" (slot)
 * vardır; her yuvanın kendi tamponu olur:  col (K, ld) | dT (OC, ld)
 * (K = C*k*k, N = OH*OW, ld = ch*N'nin 16'nın katına yuvarlanmışı) ve work'ün
 * sonunda her yuvanın dW (OC,K) ve dbias (OC) kısmi toplamları durur. sl. yuva
 * sl, sl+nslots, sl+2*nslots, ... parçalarını sırayla aynı tamponda işler: tampon
 * önbellekte sıcak kalır. Yuva sayısı iş parçacığı sayısına bağlı DEĞİLDİR; bu
 * yüzden toplamaların sırası, dolayısıyla sonuç, iş parçacığı sayısından bağımsızdır.
 * (Tüm yığının sütunlarını ileri geçişten saklamayı da denedik: 18 MB'lık yazma
 * önbelleğe sığmadığı için, geri geçişte im2col'u yeniden yapmaktan yavaştı.) */

#define CONV_CHUNK_FLOATS (384u * 1024u) /* bir parçanın col+dT'si ~1.5 MB */
#define CONV_SLOTS 4                     /* en çok 4 çekirdek birlikte çalışır */
static size_t g_chunk_floats = CONV_CHUNK_FLOATS;
static int g_slots = CONV_SLOTS;

typedef struct {
    int OH, OW, N, K;
    int ch, nchunks, nslots;
    int ld;                        /* col satırlarının adımı: ch*N, 16'nın katına yuvarlanmış */
    size_t slot_floats;            /* (K+OC)*ld */
    size_t part_off;               /* kısmi dW/dbias'ın başladığı yer */
    size_t total;
} ConvPlan;

static ConvPlan conv_plan(int B, int C, int H, int Wd, int OC, int k, int s, int p) {
    ConvPlan P;
    P.OH = conv_out_dim(H, k, s, p);
    P.OW = conv_out_dim(Wd, k, s, p);
    P.N = P.OH * P.OW;
    P.K = C * k * k;
    size_t per = (size_t)(P.K + OC) * P.N;   /* bir örneğin col+dT'si */
    int ch = (int)(g_chunk_floats / per);
    if (ch < 1) ch = 1;
    if (ch > B) ch = B;
    int nch = (B + ch - 1) / ch;
    /* Yuvalara dengeli dağılsın: parça sayısını yuva sayısının katına yuvarla */
    int S = g_slots;
    if (nch > 1 && nch % S && B >= S * ((nch + S - 1) / S)) {
        nch = ((nch + S - 1) / S) * S;
        ch = (B + nch - 1) / nch;
        nch = (B + ch - 1) / ch;
    }
    P.ch = ch;
    P.nchunks = nch;
    P.nslots = nch < S ? nch : S;
    P.ld = (ch * P.N + 15) & ~15;   /* satır başları 64 bayta hizalı: bir kare = bir önbellek satırı */
    P.slot_floats = (size_t)(P.K + OC) * P.ld;
    P.part_off = 16 + (size_t)P.nslots * P.slot_floats;   /* 16: hizalama payı */
    P.total = P.part_off + (size_t)P.nslots * ((size_t)OC * P.K + OC);
    return P;
}

void conv2d_set_tuning(size_t chunk_floats, int slots) {
    g_chunk_floats = chunk_floats ? chunk_floats : CONV_CHUNK_FLOATS;
    g_slots = slots > 0 ? slots : CONV_SLOTS;
}

static size_t wg_total(int B, int C, int H, int Wd, int OC, int p);   /* Winograd planı, aşağıda */
static int use_winograd(int C, int k, int s);

size_t conv2d_work_size(int B, int C, int H, int Wd, int OC, int k, int s, int p) {
    /* Yuvarlamalar yüzünden daha küçük bir yığın (ör. son yığın) biraz daha çok
     * yer isteyebilir: 1..B arasındaki her yığın boyunun planına bakılır (ucuz). */
    size_t need = 0;
    for (int b = 1; b <= (B < 1 ? 1 : B); b++) {
        size_t t = use_winograd(C, k, s) ? wg_total(b, C, H, Wd, OC, p)
                                         : conv_plan(b, C, H, Wd, OC, k, s, p).total;
        if (t > need) need = t;
    }
    return need;
}

/* im2col: nb örneğin (nb,C,H,W) girişini col (C*k*k, nb*OH*OW) matrisine açar.
 * col'un (c,i,j) satırında, b örneğinin (y,x) konumu nb*N'lik satırın b*N + y*OW + x
 * sütunudur ve değeri inp[b][c][y*s+i-p][x*s+j-p] (dışarıdaysa 0). */
static void im2col(float *col, int ld, const float *inp, int nb, int C, int H, int Wd, int k,
                   int s, int p, int OH, int OW) {
    size_t NB = (size_t)nb * OH * OW;
    for (int c = 0; c < C; c++)
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) {
                float *row = col + (size_t)((c * k + i) * k + j) * ld;
                memset(row + NB, 0, (ld - NB) * sizeof(float));   /* hizalama dolgusu */
                /* x'in geçerli aralığı: 0 <= x*s + j - p < Wd */
                int x0 = 0, x1 = OW;
                while (x0 < OW && x0 * s + j - p < 0) x0++;
                while (x1 > x0 && (x1 - 1) * s + j - p >= Wd) x1--;
                if (s == 1 && p == 0) { /* en sık durum: her satır girdinin bir satır parçası */
                    for (int b = 0; b < nb; b++) {
                        const float *src = inp + (((size_t)b * C + c) * H + i) * Wd + j;
                        float *r = row + (size_t)b * OH * OW;
                        for (int y = 0; y < OH; y++, r += OW, src += Wd) copy_row(r, src, OW);
                    }
                    continue;
                }
                for (int b = 0; b < nb; b++) {
                    const float *img = inp + ((size_t)b * C + c) * H * Wd;
                    float *r = row + (size_t)b * OH * OW;
                    for (int y = 0; y < OH; y++, r += OW) {
                        int h = y * s + i - p;
                        if (h < 0 || h >= H) {
                            memset(r, 0, (size_t)OW * sizeof(float));
                            continue;
                        }
                        long base = (long)h * Wd + j - p;   /* + x*s: girdideki sütun */
                        for (int x = 0; x < x0; x++) r[x] = 0.0f;
                        if (s == 1)
                            copy_row(r + x0, img + base + x0, x1 - x0);
                        else
                            for (int x = x0; x < x1; x++) r[x] = img[base + (long)x * s];
                        for (int x = x1; x < OW; x++) r[x] = 0.0f;
                    }
                }
            }
}

/* col2im: im2col'un tersi. dinp (nb,C,H,W) += col'daki her değerin geldiği piksele
 * toplanması (yamalar üst üste bindiği için bir piksel birden çok sütundan pay alır). */
static void col2im(float *dinp, const float *col, int ld, int nb, int C, int H, int Wd, int k,
                   int s, int p, int OH, int OW) {
    for (int c = 0; c < C; c++)
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) {
                const float *row = col + (size_t)((c * k + i) * k + j) * ld;
                int x0 = 0, x1 = OW;
                while (x0 < OW && x0 * s + j - p < 0) x0++;
                while (x1 > x0 && (x1 - 1) * s + j - p >= Wd) x1--;
                if (s == 1 && p == 0) {
                    for (int b = 0; b < nb; b++) {
                        float *dst = dinp + (((size_t)b * C + c) * H + i) * Wd + j;
                        const float *r = row + (size_t)b * OH * OW;
                        for (int y = 0; y < OH; y++, r += OW, dst += Wd) add_row(dst, r, OW);
                    }
                    continue;
                }
                for (int b = 0; b < nb; b++) {
                    float *img = dinp + ((size_t)b * C + c) * H * Wd;
                    const float *r = row + (size_t)b * OH * OW;
                    for (int y = 0; y < OH; y++, r += OW) {
                        int h = y * s + i - p;
                        if (h < 0 || h >= H) continue;
                        long base = (long)h * Wd + j - p;
                        if (s == 1)
                            add_row(img + base + x0, r + x0, x1 - x0);
                        else
                            for (int x = x0; x < x1; x++) img[base + (long)x * s] += r[x];
                    }
                }
            }
}

/* ---- Mikro-çekirdekler ----
 * gemm.c'nin iç döngüsünün evrişime özel biçimleri: tile6x16 (ileri geçiş ve dcol;
 * çıkışın 6x16'lık karesi yazmaçlarda) ve dw_tiles (dW; 4x4 kare, toplama uzun
 * boyut boyunca). col satırları zaten bitişik olduğu için paketlemeye (packing)
 * gerek kalmaz; ileri geçişin çıkışı doğrudan (B,OC,N) düzenine, bias eklenerek
 * yazılır. Vektörler GCC'nin vector_size eklentisiyle
 * yazılır (bkz. gemm.c); -march=native bunları AVX/FMA komutlarına çevirir. */

/* 6x16'lık kare: acc[r][j] = Σ_q A(r,q) * Bm[q*ldb + j],  r < 6, j < 16, q < Q.
 * A(r,q) = A[r*ars + q*acs]; ars/acs ile A'yı devrik de okuyabiliriz. rows < 6
 * ise eksik satırlar son geçerli satırın kopyasıyla hesaplanır (yazılmaz).
 * 12 vektör toplayıcı yazmaçta kalır; her q adımında 2 vektör yükleme, 12 FMA. */
static inline void tile6x16(float acc[6][16], const float *A, size_t ars, size_t acs, int rows,
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

/* İleri geçiş: parçadaki nb*N sütunun her biri için
 *   out[b0+b][o][n] = bias[o] + Σ_kk W[o][kk] * col[kk][b*N+n]
 * Son kare eksikse satırların 0 dolgusu okunur, fazla sütunlar yazılmaz. */
static void fwd_tiles(float *out, const float *col, int ld, const float *W, const float *bias,
                      int b0, int nb, int OC, int K, int N) {
    int NB = nb * N;
    float acc[6][16];
    int gb = 0, gn = 0;   /* g0 sütununun örneği ve örnek içindeki konumu (g0 = gb*N + gn) */
    for (int g0 = 0; g0 < NB; g0 += 16) {
        int gc = NB - g0 < 16 ? NB - g0 : 16;
        for (int o0 = 0; o0 < OC; o0 += 6) {
            int rows = OC - o0 < 6 ? OC - o0 : 6;
            tile6x16(acc, W + (size_t)o0 * K, (size_t)K, 1, rows, col + g0, ld, K);
            if (gc == 16 && gn + 16 <= N) { /* sık durum: 16 sütunun hepsi aynı örnekte */
                for (int r = 0; r < rows; r++) {
                    float *dst = out + ((size_t)(b0 + gb) * OC + o0 + r) * N + gn;
                    float bo = bias ? bias[o0 + r] : 0.0f;
                    v8 lo = ld8(acc[r]) + bo, hi = ld8(acc[r] + 8) + bo;
                    memcpy(dst, &lo, sizeof lo);
                    memcpy(dst + 8, &hi, sizeof hi);
                }
                continue;
            }
            /* Sütunlar örnek sınırını aşabilir: her parçayı kendi örneğine yaz */
            for (int j = 0, b = gb, n = gn; j < gc; b++, n = 0) {
                int run = N - n < gc - j ? N - n : gc - j;
                for (int r = 0; r < rows; r++) {
                    float *dst = out + ((size_t)(b0 + b) * OC + o0 + r) * N + n;
                    float bo = bias ? bias[o0 + r] : 0.0f;
#pragma omp simd simdlen(8)
                    for (int t = 0; t < run; t++) dst[t] = acc[r][j + t] + bo;
                }
                j += run;
            }
        }
        for (gn += 16; gn >= N; gn -= N) gb++;
    }
}

/* Geri geçişte sütun gradyanı: dcol[kk][g] = Σ_o W[o][kk] * dT[o][g]  (W^T * dT) */
static void dcol_tiles(float *dcol, const float *dT, int ld, const float *W, int OC, int K) {
    float acc[6][16];
    for (int g0 = 0; g0 < ld; g0 += 16)
        for (int k0 = 0; k0 < K; k0 += 6) {
            int rows = K - k0 < 6 ? K - k0 : 6;
            tile6x16(acc, W + k0, 1, (size_t)K, rows, dT + g0, ld, OC);
            for (int r = 0; r < rows; r++)
                memcpy(dcol + (size_t)(k0 + r) * ld + g0, acc[r], 16 * sizeof(float));
        }
}

static inline float hsum8(v8 v) {
    float t[8];
    memcpy(t, &v, sizeof t);
    return ((t[0] + t[4]) + (t[1] + t[5])) + ((t[2] + t[6]) + (t[3] + t[7]));
}

/* dW: dWp[o][kk] += Σ_b Σ_n D[o*drs + b*dbs + n] * col[kk*ld + b*len + n]
 * (dT * col^T). D ya (OC, ld) düzenine toplanmış gradyandır (nb = 1, len = ld,
 * dolgu 0: kuyruk yok) ya da doğrudan dout'tur (drs = N, dbs = OC*N, len = N).
 * 4 çıkış kanalı x 4 col satırı karesi; toplama n boyunca vektörlerle yapılır,
 * sonunda her toplayıcı yatay olarak toplanır. */
static void dw_tiles(float *dWp, const float *D, size_t drs, size_t dbs, const float *col, int ld,
                     int nb, int len, int OC, int K) {
    int L8 = len & ~7;
    for (int k0 = 0; k0 < K; k0 += 4) {
        int kr = K - k0 < 4 ? K - k0 : 4;
        size_t c1 = (size_t)(kr > 1 ? 1 : 0) * ld, c2 = (size_t)(kr > 2 ? 2 : 0) * ld,
               c3 = (size_t)(kr > 3 ? 3 : 0) * ld;
        for (int o0 = 0; o0 < OC; o0 += 4) {
            int orr = OC - o0 < 4 ? OC - o0 : 4;
            size_t d1 = (orr > 1 ? 1 : 0) * drs, d2 = (orr > 2 ? 2 : 0) * drs,
                   d3 = (orr > 3 ? 3 : 0) * drs;
            v8 a00 = {0}, a01 = {0}, a02 = {0}, a03 = {0}, a10 = {0}, a11 = {0}, a12 = {0}, a13 = {0};
            v8 a20 = {0}, a21 = {0}, a22 = {0}, a23 = {0}, a30 = {0}, a31 = {0}, a32 = {0}, a33 = {0};
            float t[4][4] = {{0}};
            for (int b = 0; b < nb; b++) {
                const float *c = col + (size_t)k0 * ld + (size_t)b * len;
                const float *d = D + (size_t)o0 * drs + (size_t)b * dbs;
                for (int n = 0; n < L8; n += 8) {
                    v8 x0 = ld8(c + n), x1 = ld8(c + c1 + n), x2 = ld8(c + c2 + n), x3 = ld8(c + c3 + n);
                    v8 y0 = ld8(d + n), y1 = ld8(d + d1 + n), y2 = ld8(d + d2 + n), y3 = ld8(d + d3 + n);
                    a00 += y0 * x0; a01 += y0 * x1; a02 += y0 * x2; a03 += y0 * x3;
                    a10 += y1 * x0; a11 += y1 * x1; a12 += y1 * x2; a13 += y1 * x3;
                    a20 += y2 * x0; a21 += y2 * x1; a22 += y2 * x2; a23 += y2 * x3;
                    a30 += y3 * x0; a31 += y3 * x1; a32 += y3 * x2; a33 += y3 * x3;
                }
                for (int n = L8; n < len; n++) {   /* kuyruk: son len%8 sütun */
                    float x[4] = {c[n], c[c1 + n], c[c2 + n], c[c3 + n]};
                    float y[4] = {d[n], d[d1 + n], d[d2 + n], d[d3 + n]};
                    for (int q = 0; q < 4; q++)
                        for (int r = 0; r < 4; r++) t[q][r] += y[q] * x[r];
                }
            }
            v8 a[4][4] = {{a00, a01, a02, a03}, {a10, a11, a12, a13},
                          {a20, a21, a22, a23}, {a30, a31, a32, a33}};
            for (int q = 0; q < orr; q++)
                for (int r = 0; r < kr; r++)
                    dWp[(size_t)(o0 + q) * K + k0 + r] += hsum8(a[q][r]) + t[q][r];
        }
    }
}

/* ---- Winograd F(4x4, 3x3): 3x3'lük, adımı 1 olan evrişimler için ----
 *
 * Neden? im2col'da 4x4'lük bir çıkış karesi için her kanalda 16*9 = 144 çarpma
 * gerekir. Winograd (Lavin ve Gray, 2015, "Fast Algorithms for Convolutional
 * Neural Networks") aynı 16 çıkışı 6x6'lık bir giriş karesinden 36 çarpmayla
 * üretir: kare ve filtre önce sabit matrislerle "dönüşüm uzayına" taşınır, orada
 * eleman eleman çarpılır, sonuç geri dönüştürülür:
 *
 *   U = G g Gᵀ        (filtre g 3x3 -> U 6x6; her adımda bir kez)
 *   V = Bᵀ d B        (giriş karesi d 6x6 -> V 6x6)
 *   Y = Aᵀ [ Σ_c U[o][c] ⊙ V[c] ] A      (Y 4x4; ⊙: eleman eleman çarpım)
 *
 * Kanallar üzerindeki toplam, dönüşüm uzayının 36 noktasının (ξ) her birinde ayrı
 * bir matris çarpımıdır:  M[ξ] (OC, kareler) = U[ξ] (OC, C) * V[ξ] (C, kareler).
 * Çarpma sayısı 144/36 = 4 kat azalır; dönüşümler toplama ağırlıklıdır ve ucuzdur.
 * Sonuç matematikte aynıdır, float yuvarlaması biraz farklıdır (testler referansla
 * karşılaştırır).
 *
 * Geri geçiş aynı doğrusal işlemlerin devriğidir (transpose):
 *   dM = A dY Aᵀ                       (4x4 -> 6x6)
 *   dU[ξ] += dM[ξ] * V[ξ]ᵀ,  dg = Gᵀ dU G      (filtre gradyanı)
 *   dV[ξ]  = U[ξ]ᵀ * dM[ξ],  dd = B dV Bᵀ      (giriş gradyanı; kareler üst üste
 *                                              bindiği için dinp'e toplanır)
 * Kareler 16'lık bloklar halinde "şeritlere" (lane) dizilir; dönüşümler 16 kareyi
 * birlikte, vektörlerle hesaplar ve matris çarpımları tile6x16'yı kullanır. */

#define WG_MIN_C 8   /* daha az giriş kanalında (ör. ilk katman, C=1) im2col daha hızlı */

/* Bᵀ (6x6) ve Aᵀ (4x6) aşağıda bt6/b6/at6/a4 içinde açık yazılmıştır:
 *   Bᵀ = [4 0 -5 0 1 0; 0 -4 -4 1 1 0; 0 4 -4 -1 1 0; 0 -2 -1 2 1 0; 0 2 -1 -2 1 0; 0 4 0 -5 0 1]
 *   Aᵀ = [1 1 1 1 1 0; 0 1 -1 2 -2 0; 0 1 1 4 4 0; 0 1 -1 8 -8 1]                         */
static const float WG_G[6][3] = {    /* G */
    {1.0f / 4, 0, 0},
    {-1.0f / 6, -1.0f / 6, -1.0f / 6},
    {-1.0f / 6, 1.0f / 6, -1.0f / 6},
    {1.0f / 24, 1.0f / 12, 1.0f / 6},
    {1.0f / 24, -1.0f / 12, 1.0f / 6},
    {0, 0, 1}};

static int use_winograd(int C, int k, int s) { return k == 3 && s == 1 && C >= WG_MIN_C; }

typedef struct {
    int OH, OW, TH, TW, TT;   /* çıkış; kare satırı/sütunu; örnek başına kare */
    int PH, PW;               /* dolgulu giriş düzleminin boyu: 4*TH+2, 4*TW+2 */
    int Cp, OCp;              /* C ve OC, 16'nın katına yuvarlanmış (vektör sütunları) */
    int ch, nchunks, nslots;
    int Tp;                   /* parçadaki kare sayısı, 16'nın katına yuvarlanmış */
    size_t u_floats, slot_floats, part_n, part_off, total;
} WgPlan;

static int gcd(int a, int b) { return b ? gcd(b, a % b) : a; }

/* Yuva tamponu: V (36, C, Tp) | Mt (36, Tp, OCp) | Xp (ch, C, PH, PW).
 * work: U (36, OC, Cp) | yuvalar | yuva başına kısmi dUt (36, C, OCp) ve dbias (OC). */
static WgPlan wg_plan(int B, int C, int H, int Wd, int OC, int p) {
    WgPlan P;
    P.OH = conv_out_dim(H, 3, 1, p);
    P.OW = conv_out_dim(Wd, 3, 1, p);
    P.TH = (P.OH + 3) / 4;
    P.TW = (P.OW + 3) / 4;
    P.TT = P.TH * P.TW;
    P.PH = 4 * P.TH + 2;
    P.PW = 4 * P.TW + 2;
    P.Cp = (C + 15) & ~15;
    P.OCp = (OC + 15) & ~15;
    size_t per = (size_t)P.TT * 36 * (C + P.OCp) + (size_t)C * P.PH * P.PW;   /* V + Mt + Xp */
    int ch = (int)(g_chunk_floats / per);
    if (ch < 1) ch = 1;
    int m = 16 / gcd(P.TT, 16);                  /* ch*TT 16'nın katı olsun (boş şerit kalmasın) */
    if (ch >= m) ch = ch / m * m;
    if (ch > B) ch = B;
    int nch = (B + ch - 1) / ch, S = g_slots;
    if (nch > 1 && nch % S && B >= S * ((nch + S - 1) / S)) {
        nch = ((nch + S - 1) / S) * S;
        ch = (B + nch - 1) / nch;
        nch = (B + ch - 1) / ch;
    }
    P.ch = ch;
    P.nchunks = nch;
    P.nslots = nch < S ? nch : S;
    P.Tp = (ch * P.TT + 15) & ~15;
    P.u_floats = (size_t)36 * OC * P.Cp;
    P.slot_floats = (size_t)36 * P.Tp * (C + P.OCp) + (size_t)ch * C * P.PH * P.PW;
    P.part_n = (size_t)36 * C * P.OCp + OC;
    P.part_off = P.u_floats + (size_t)P.nslots * P.slot_floats;
    P.total = 16 + P.part_off + (size_t)P.nslots * P.part_n;
    return P;
}

static size_t wg_total(int B, int C, int H, int Wd, int OC, int p) {
    return wg_plan(B, C, H, Wd, OC, p).total;
}

/* U[ξ][o][c] = (G g Gᵀ)[ξ],  g = W[o][c] (3x3).  U (36, OC, Cp); c >= C sütunları 0 */
static void wg_filter_transform(float *U, const float *W, int o, int OC, int C, int Cp) {
    for (int c = 0; c < Cp; c++) {
        float u[6][6] = {{0}};
        if (c < C) {
            const float *g = W + ((size_t)o * C + c) * 9;
            float t[6][3];
            for (int i = 0; i < 6; i++)
                for (int j = 0; j < 3; j++)
                    t[i][j] = WG_G[i][0] * g[j] + WG_G[i][1] * g[3 + j] + WG_G[i][2] * g[6 + j];
            for (int i = 0; i < 6; i++)
                for (int j = 0; j < 6; j++)
                    u[i][j] = t[i][0] * WG_G[j][0] + t[i][1] * WG_G[j][1] + t[i][2] * WG_G[j][2];
        }
        for (int x = 0; x < 36; x++) U[((size_t)x * OC + o) * Cp + c] = u[x / 6][x % 6];
    }
}

/* dW[o][c] += Gᵀ dU G, dU = yuvaların dUt[ξ][c][o] toplamı (yuva sırasıyla; 6x6 -> 3x3) */
static void wg_filter_grad(float *dW, const float *part, const WgPlan *P, int o, int C) {
    for (int c = 0; c < C; c++) {
        float du[6][6], t[3][6];
        for (int x = 0; x < 36; x++) {
            float acc = 0.0f;
            for (int sl = 0; sl < P->nslots; sl++)
                acc += part[(size_t)sl * P->part_n + ((size_t)x * C + c) * P->OCp + o];
            du[x / 6][x % 6] = acc;
        }
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 6; j++) {
                float a = 0.0f;
                for (int q = 0; q < 6; q++) a += WG_G[q][i] * du[q][j];
                t[i][j] = a;
            }
        float *g = dW + ((size_t)o * C + c) * 9;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                float a = 0.0f;
                for (int q = 0; q < 6; q++) a += t[i][q] * WG_G[q][j];
                g[i * 3 + j] += a;
            }
    }
}

/* Parçanın g. karesinin örneği ve sol üst köşesi (çıkış koordinatında) */
static inline void wg_lane(const WgPlan *P, int g, int *b, int *y0, int *x0) {
    int rem = g % P->TT;
    *b = g / P->TT;
    *y0 = rem / P->TW * 4;
    *x0 = rem % P->TW * 4;
}

/* Dönüşümler 16 şeridi birlikte işler: v16 = 16 float'lık vektör. Şerit, giriş
 * dönüşümünde ve ileri geçişte 16 kare, geri geçişte 16 kanaldır. Tek boyutlu
 * dönüşümler matrislerin açık yazılmış halidir (sıfırlar atlanır); 2B dönüşüm
 * önce sütunlara, sonra satırlara uygulanır. */
typedef float v16 __attribute__((vector_size(64)));
static inline v16 ld16(const float *p) {
    v16 v;
    memcpy(&v, p, sizeof v);
    return v;
}
static inline void st16(float *p, v16 v) { memcpy(p, &v, sizeof v); }

/* r = Bᵀ z  (z, r: 6 eleman; zs, rs: adımları) */
static inline void bt6(v16 *r, int rs, const v16 *z, int zs) {
    v16 z0 = z[0], z1 = z[zs], z2 = z[2 * zs], z3 = z[3 * zs], z4 = z[4 * zs], z5 = z[5 * zs];
    r[0] = 4 * z0 - 5 * z2 + z4;
    r[rs] = -4 * (z1 + z2) + z3 + z4;
    r[2 * rs] = 4 * (z1 - z2) - z3 + z4;
    r[3 * rs] = 2 * (z3 - z1) - z2 + z4;
    r[4 * rs] = 2 * (z1 - z3) - z2 + z4;
    r[5 * rs] = 4 * z1 - 5 * z3 + z5;
}
/* r = B z  (Bᵀ'nin devriği) */
static inline void b6(v16 *r, int rs, const v16 *z, int zs) {
    v16 z0 = z[0], z1 = z[zs], z2 = z[2 * zs], z3 = z[3 * zs], z4 = z[4 * zs], z5 = z[5 * zs];
    r[0] = 4 * z0;
    r[rs] = 4 * (z2 - z1) + 2 * (z4 - z3) + 4 * z5;
    r[2 * rs] = -5 * z0 - 4 * (z1 + z2) - z3 - z4;
    r[3 * rs] = z1 - z2 + 2 * (z3 - z4) - 5 * z5;
    r[4 * rs] = z0 + z1 + z2 + z3 + z4;
    r[5 * rs] = z5;
}
/* r = Aᵀ m  (6 -> 4) */
static inline void at6(v16 *r, int rs, const v16 *m, int ms) {
    v16 m0 = m[0], m1 = m[ms], m2 = m[2 * ms], m3 = m[3 * ms], m4 = m[4 * ms], m5 = m[5 * ms];
    v16 a = m1 + m2, b = m1 - m2, c = m3 + m4, d = m3 - m4;
    r[0] = m0 + a + c;
    r[rs] = b + 2 * d;
    r[2 * rs] = a + 4 * c;
    r[3 * rs] = b + 8 * d + m5;
}
/* r = A y  (Aᵀ'nin devriği, 4 -> 6) */
static inline void a4(v16 *r, int rs, const v16 *y, int ys) {
    v16 y0 = y[0], y1 = y[ys], y2 = y[2 * ys], y3 = y[3 * ys];
    v16 e = y0 + y2, f = y1 + y3, g = y0 + 4 * y2, h = 2 * y1 + 8 * y3;
    r[0] = y0;
    r[rs] = e + f;
    r[2 * rs] = e - f;
    r[3 * rs] = g + h;
    r[4 * rs] = g - h;
    r[5 * rs] = y3;
}

/* Parçanın girişini sıfır dolgulu düzlemlere kopyalar: Xp (nb, C, PH, PW), giriş p kadar
 * içeride. Böylece her 6x6 kare sınır denetimi olmadan okunur. Giriş her zaman sığar:
 * OH = H + 2p - 2 olduğundan PH = 4*ceil(OH/4) + 2 >= H + 2p (genişlik için de aynı). */
static void wg_pad(float *Xp, const WgPlan *P, const float *inp, int nb, int C, int H, int Wd, int p) {
    size_t plane = (size_t)P->PH * P->PW;
    memset(Xp, 0, (size_t)nb * C * plane * sizeof(float));
    for (size_t bc = 0; bc < (size_t)nb * C; bc++)
        for (int h = 0; h < H; h++)
            memcpy(Xp + bc * plane + (size_t)(h + p) * P->PW + p, inp + (bc * H + h) * Wd,
                   (size_t)Wd * sizeof(float));
}

/* wg_pad'in tersi: dolgulu gradyan düzlemlerinin iç kısmını dinp'e EKLER */
static void wg_unpad(float *dinp, const WgPlan *P, const float *Xp, int nb, int C, int H, int Wd,
                     int p) {
    size_t plane = (size_t)P->PH * P->PW;
    for (size_t bc = 0; bc < (size_t)nb * C; bc++)
        for (int h = 0; h < H; h++)
            add_row(dinp + (bc * H + h) * Wd, Xp + bc * plane + (size_t)(h + p) * P->PW + p, Wd);
}

/* Giriş dönüşümü: V[ξ][c][t] = (Bᵀ d B)[ξ], d = t. karenin 6x6 girişi (Xp'den) */
static void wg_input(float *V, const WgPlan *P, const float *Xp, int nb, int C) {
    int T = nb * P->TT;
    size_t plane = (size_t)P->PH * P->PW;
    for (int t0 = 0; t0 < P->Tp; t0 += 16) {
        const float *base[16];
        for (int l = 0; l < 16; l++) {
            int b, y0, x0;
            if (t0 + l >= T) { base[l] = NULL; continue; }
            wg_lane(P, t0 + l, &b, &y0, &x0);
            base[l] = Xp + (size_t)b * C * plane + (size_t)y0 * P->PW + x0;
        }
        for (int c = 0; c < C; c++) {
            float d[36][16];
            for (int l = 0; l < 16; l++) {
                if (!base[l]) {
                    for (int x = 0; x < 36; x++) d[x][l] = 0.0f;
                    continue;
                }
                const float *src = base[l] + (size_t)c * plane;
                for (int i = 0; i < 6; i++, src += P->PW)
                    for (int j = 0; j < 6; j++) d[i * 6 + j][l] = src[j];
            }
            v16 z[36], t[36], v[36];
            for (int x = 0; x < 36; x++) z[x] = ld16(d[x]);
            for (int j = 0; j < 6; j++) bt6(t + j, 6, z + j, 6);       /* sütunlar */
            for (int i = 0; i < 6; i++) bt6(v + 6 * i, 1, t + 6 * i, 1); /* satırlar */
            float *dst = V + (size_t)c * P->Tp + t0;
            for (int x = 0; x < 36; x++) st16(dst + (size_t)x * C * P->Tp, v[x]);
        }
    }
}

/* Çıkış gradyanının dönüşümü: Mt[ξ][t][o] = (A dY Aᵀ)[ξ], dY = t. karenin 4x4
 * çıkış gradyanı (dışarısı 0). Şeritler 16 kanaldır: yazma bitişik. */
static void wg_dout(float *Mt, const WgPlan *P, const float *dout, int nb, int OC) {
    int T = nb * P->TT, OH = P->OH, OW = P->OW, OCp = P->OCp;
    for (int t = 0; t < P->Tp; t++) {
        if (t >= T) {
            for (int x = 0; x < 36; x++) memset(Mt + ((size_t)x * P->Tp + t) * OCp, 0, OCp * sizeof(float));
            continue;
        }
        int b, y0, x0;
        wg_lane(P, t, &b, &y0, &x0);
        int ni = OH - y0 < 4 ? OH - y0 : 4, nj = OW - x0 < 4 ? OW - x0 : 4;
        for (int o0 = 0; o0 < OCp; o0 += 16) {
            float dy[16][16];
            for (int l = 0; l < 16; l++) {
                int o = o0 + l;
                if (o >= OC) {
                    for (int x = 0; x < 16; x++) dy[x][l] = 0.0f;
                    continue;
                }
                const float *src = dout + ((size_t)b * OC + o) * OH * OW + y0 * OW + x0;
                if (ni == 4 && nj == 4) {
                    for (int i = 0; i < 4; i++, src += OW)
                        for (int j = 0; j < 4; j++) dy[i * 4 + j][l] = src[j];
                    continue;
                }
                for (int i = 0; i < 4; i++)
                    for (int j = 0; j < 4; j++) dy[i * 4 + j][l] = i < ni && j < nj ? src[i * OW + j] : 0.0f;
            }
            v16 y[16], tt[24], m[36];
            for (int x = 0; x < 16; x++) y[x] = ld16(dy[x]);
            for (int j = 0; j < 4; j++) a4(tt + j, 4, y + j, 4);        /* sütunlar: 4 -> 6 satır */
            for (int i = 0; i < 6; i++) a4(m + 6 * i, 1, tt + 4 * i, 1); /* satırlar: 4 -> 6 */
            for (int x = 0; x < 36; x++) st16(Mt + ((size_t)x * P->Tp + t) * OCp + o0, m[x]);
        }
    }
}

/* İleri geçiş: M[ξ] (OC, kareler) = U[ξ] (OC, C) * V[ξ] (C, kareler), sonra Y = Aᵀ M A */
static void wg_forward_chunk(float *out, const float *U, const float *V, const float *bias,
                             const WgPlan *P, int b0, int nb, int C, int OC) {
    int T = nb * P->TT, OH = P->OH, OW = P->OW;
    float acc[36][6][16];
    for (int t0 = 0; t0 < T; t0 += 16) {
        int bl[16], yl[16], xl[16], nl = T - t0 < 16 ? T - t0 : 16;
        for (int l = 0; l < nl; l++) wg_lane(P, t0 + l, &bl[l], &yl[l], &xl[l]);
        for (int o0 = 0; o0 < OC; o0 += 6) {
            int rows = OC - o0 < 6 ? OC - o0 : 6;
            for (int x = 0; x < 36; x++)
                tile6x16(acc[x], U + ((size_t)x * OC + o0) * P->Cp, (size_t)P->Cp, 1, rows,
                         V + (size_t)x * C * P->Tp + t0, P->Tp, C);
            for (int r = 0; r < rows; r++) {
                v16 m[36], t[24], yv[16];
                float y[16][16];
                for (int x = 0; x < 36; x++) m[x] = ld16(acc[x][r]);
                for (int j = 0; j < 6; j++) at6(t + j, 6, m + j, 6);         /* sütunlar: 6 -> 4 satır */
                for (int i = 0; i < 4; i++) at6(yv + 4 * i, 1, t + 6 * i, 1); /* satırlar: 6 -> 4 */
                int o = o0 + r;
                float bo = bias ? bias[o] : 0.0f;
                for (int x = 0; x < 16; x++) st16(y[x], yv[x] + bo);
                for (int l = 0; l < nl; l++) {
                    float *dst = out + ((size_t)(b0 + bl[l]) * OC + o) * OH * OW + yl[l] * OW + xl[l];
                    int ni = OH - yl[l] < 4 ? OH - yl[l] : 4, nj = OW - xl[l] < 4 ? OW - xl[l] : 4;
                    for (int i = 0; i < ni; i++)
                        for (int j = 0; j < nj; j++) dst[i * OW + j] = y[i * 4 + j][l];
                }
            }
        }
    }
}

/* Filtre gradyanı: dUt[ξ] (C, OCp) += V[ξ] (C, kareler) * Mt[ξ] (kareler, OCp) */
static void wg_dw_chunk(float *dUt, const float *V, const float *Mt, const WgPlan *P, int T, int C) {
    float acc[6][16];
    for (int x = 0; x < 36; x++)
        for (int c0 = 0; c0 < C; c0 += 6) {
            int rows = C - c0 < 6 ? C - c0 : 6;
            for (int o0 = 0; o0 < P->OCp; o0 += 16) {
                tile6x16(acc, V + ((size_t)x * C + c0) * P->Tp, (size_t)P->Tp, 1, rows,
                         Mt + (size_t)x * P->Tp * P->OCp + o0, P->OCp, T);
                for (int r = 0; r < rows; r++) {
                    float *d = dUt + ((size_t)x * C + c0 + r) * P->OCp + o0;
                    st8(d, ld8(d) + ld8(acc[r]));
                    st8(d + 8, ld8(d + 8) + ld8(acc[r] + 8));
                }
            }
        }
}

/* Giriş gradyanı: dVᵀ[ξ] (kareler, Cp) = Mt[ξ] (kareler, OC) * U[ξ] (OC, Cp), sonra her
 * kare için dd = B dV Bᵀ dolgulu Xp'ye toplanır (kareler üst üste biner). */
static void wg_dinp_chunk(float *dinp, float *Xp, const float *U, const float *Mt, const WgPlan *P,
                          int nb, int C, int H, int Wd, int OC, int p) {
    int T = nb * P->TT;
    size_t plane = (size_t)P->PH * P->PW;
    memset(Xp, 0, (size_t)nb * C * plane * sizeof(float));
    float acc[36][6][16];
    for (int t0 = 0; t0 < T; t0 += 6) {
        int rows = T - t0 < 6 ? T - t0 : 6;
        for (int c0 = 0; c0 < C; c0 += 16) {
            int nc = C - c0 < 16 ? C - c0 : 16;
            for (int x = 0; x < 36; x++)
                tile6x16(acc[x], Mt + ((size_t)x * P->Tp + t0) * P->OCp, (size_t)P->OCp, 1, rows,
                         U + (size_t)x * OC * P->Cp + c0, P->Cp, OC);
            for (int r = 0; r < rows; r++) {
                v16 dv[36], t[36], ddv[36];
                float dd[36][16];
                for (int x = 0; x < 36; x++) dv[x] = ld16(acc[x][r]);
                for (int j = 0; j < 6; j++) b6(t + j, 6, dv + j, 6);         /* sütunlar */
                for (int i = 0; i < 6; i++) b6(ddv + 6 * i, 1, t + 6 * i, 1); /* satırlar */
                for (int x = 0; x < 36; x++) st16(dd[x], ddv[x]);
                int b, y0, x0;
                wg_lane(P, t0 + r, &b, &y0, &x0);
                float *base = Xp + ((size_t)b * C + c0) * plane + (size_t)y0 * P->PW + x0;
                for (int l = 0; l < nc; l++) {
                    float *dst = base + (size_t)l * plane;
                    for (int i = 0; i < 6; i++, dst += P->PW)
                        for (int j = 0; j < 6; j++) dst[j] += dd[i * 6 + j][l];
                }
            }
        }
    }
    wg_unpad(dinp, P, Xp, nb, C, H, Wd, p);
}

static float *wg_U(float *work) { return (float *)(((uintptr_t)work + 63) & ~(uintptr_t)63); }
static float *wg_slot(float *work, const WgPlan *P, int sl) {
    return wg_U(work) + P->u_floats + (size_t)sl * P->slot_floats;
}

static void wg_forward(float *out, const float *inp, const float *W, const float *bias, int B,
                       int C, int H, int Wd, int OC, int p, float *work) {
    WgPlan P = wg_plan(B, C, H, Wd, OC, p);
    float *U = wg_U(work);
#pragma omp parallel if (P.nslots > 1)
    {
#pragma omp for schedule(static)
        for (int o = 0; o < OC; o++) wg_filter_transform(U, W, o, OC, C, P.Cp);
#pragma omp for schedule(static)
        for (int sl = 0; sl < P.nslots; sl++) {
            float *V = wg_slot(work, &P, sl);
            float *Xp = V + (size_t)36 * P.Tp * (C + P.OCp);
            for (int ci = sl; ci < P.nchunks; ci += P.nslots) {
                int b0 = ci * P.ch, nb = B - b0 < P.ch ? B - b0 : P.ch;
                wg_pad(Xp, &P, inp + (size_t)b0 * C * H * Wd, nb, C, H, Wd, p);
                wg_input(V, &P, Xp, nb, C);
                wg_forward_chunk(out, U, V, bias, &P, b0, nb, C, OC);
            }
        }
    }
}

static void wg_backward(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                        const float *W, int B, int C, int H, int Wd, int OC, int p, float *work) {
    WgPlan P = wg_plan(B, C, H, Wd, OC, p);
    int N = P.OH * P.OW;
    float *U = wg_U(work);
    float *part = U + P.part_off;
#pragma omp parallel if (P.nslots > 1)
    {
        if (dinp) {
#pragma omp for schedule(static)
            for (int o = 0; o < OC; o++) wg_filter_transform(U, W, o, OC, C, P.Cp);
        }
#pragma omp for schedule(static)
        for (int sl = 0; sl < P.nslots; sl++) {
            float *V = wg_slot(work, &P, sl);
            float *Mt = V + (size_t)36 * P.Tp * C;
            float *Xp = Mt + (size_t)36 * P.Tp * P.OCp;
            float *dUt = part + (size_t)sl * P.part_n, *dbp = dUt + (size_t)36 * C * P.OCp;
            memset(dUt, 0, P.part_n * sizeof(float));
            for (int ci = sl; ci < P.nchunks; ci += P.nslots) {
                int b0 = ci * P.ch, nb = B - b0 < P.ch ? B - b0 : P.ch;
                if (dbias)
                    for (int o = 0; o < OC; o++) {
                        float sum = 0.0f;
                        for (int bb = 0; bb < nb; bb++) {
                            const float *src = dout + ((size_t)(b0 + bb) * OC + o) * N;
#pragma omp simd reduction(+ : sum)
                            for (int n = 0; n < N; n++) sum += src[n];
                        }
                        dbp[o] += sum;
                    }
                if (!dW && !dinp) continue;
                wg_dout(Mt, &P, dout + (size_t)b0 * OC * N, nb, OC);
                if (dW) {
                    wg_pad(Xp, &P, inp + (size_t)b0 * C * H * Wd, nb, C, H, Wd, p);
                    wg_input(V, &P, Xp, nb, C);
                    wg_dw_chunk(dUt, V, Mt, &P, nb * P.TT, C);
                }
                if (dinp)
                    wg_dinp_chunk(dinp + (size_t)b0 * C * H * Wd, Xp, U, Mt, &P, nb, C, H, Wd, OC, p);
            }
        }
        if (dW) {
#pragma omp for schedule(static)
            for (int o = 0; o < OC; o++) wg_filter_grad(dW, part, &P, o, C);
        }
    }
    if (dbias)
        for (int o = 0; o < OC; o++) {
            float acc = 0.0f;
            for (int sl = 0; sl < P.nslots; sl++) acc += part[(size_t)sl * P.part_n + (size_t)36 * C * P.OCp + o];
            dbias[o] += acc;
        }
}

/* sl. yuvanın tamponu: col (K, ld) | dT (OC, ld), başı 64 bayta hizalı */
static float *slot_base(float *work, const ConvPlan *P, int sl) {
    uintptr_t a = ((uintptr_t)work + 63) & ~(uintptr_t)63;
    return (float *)a + (size_t)sl * P->slot_floats;
}

void conv2d_forward(float *out, const float *inp, const float *W, const float *bias, int B, int C,
                    int H, int Wd, int OC, int k, int s, int p, float *work) {
    if (B < 1) return;
    if (use_winograd(C, k, s)) {
        wg_forward(out, inp, W, bias, B, C, H, Wd, OC, p, work);
        return;
    }
    ConvPlan P = conv_plan(B, C, H, Wd, OC, k, s, p);
    int N = P.N, K = P.K;
#pragma omp parallel for schedule(static) if (P.nslots > 1)
    for (int sl = 0; sl < P.nslots; sl++) {
        float *col = slot_base(work, &P, sl);
        for (int ci = sl; ci < P.nchunks; ci += P.nslots) {
            int b0 = ci * P.ch, nb = B - b0 < P.ch ? B - b0 : P.ch;
            im2col(col, P.ld, inp + (size_t)b0 * C * H * Wd, nb, C, H, Wd, k, s, p, P.OH, P.OW);
            fwd_tiles(out, col, P.ld, W, bias, b0, nb, OC, K, N);
        }
    }
}

/* Birleşik geri geçişte havuz bilgisi: dout yerine havuz çıkışının gradyanı verilir */
typedef struct {
    const float *dpooled, *pooled;   /* (B, OC, OH/pk, OW/pk) */
    const int *argmax;
    int pk;
} PoolIn;

static void conv_backward_impl(float *dinp, float *dW, float *dbias, const float *dout,
                               const PoolIn *pool, const float *inp, const float *W, int B, int C,
                               int H, int Wd, int OC, int k, int s, int p, float *work);

void conv2d_backward(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                     const float *W, int B, int C, int H, int Wd, int OC, int k, int s, int p,
                     float *work) {
    if (B < 1 || (!dinp && !dW && !dbias)) return;
    if (use_winograd(C, k, s)) {
        wg_backward(dinp, dW, dbias, dout, inp, W, B, C, H, Wd, OC, p, work);
        return;
    }
    conv_backward_impl(dinp, dW, dbias, dout, NULL, inp, W, B, C, H, Wd, OC, k, s, p, work);
}

int conv2d_uses_winograd(int C, int k, int s) { return use_winograd(C, k, s); }

void conv2d_relu_pool_forward(float *pooled, int *argmax, const float *inp, const float *W,
                              const float *bias, int B, int C, int H, int Wd, int OC, int k, int s,
                              int p, int pk, float *work) {
    if (B < 1) return;
    ConvPlan P = conv_plan(B, C, H, Wd, OC, k, s, p);
    int N = P.N, K = P.K, PN = (P.OH / pk) * (P.OW / pk);
#pragma omp parallel for schedule(static) if (P.nslots > 1)
    for (int sl = 0; sl < P.nslots; sl++) {
        float *col = slot_base(work, &P, sl);
        float *y = col + (size_t)K * P.ld;   /* parçanın evrişim çıkışı (nb, OC, N): önbellekte kalır */
        for (int ci = sl; ci < P.nchunks; ci += P.nslots) {
            int b0 = ci * P.ch, nb = B - b0 < P.ch ? B - b0 : P.ch;
            im2col(col, P.ld, inp + (size_t)b0 * C * H * Wd, nb, C, H, Wd, k, s, p, P.OH, P.OW);
            fwd_tiles(y, col, P.ld, W, bias, 0, nb, OC, K, N);
            maxpool2d_relu_forward(pooled + (size_t)b0 * OC * PN, argmax + (size_t)b0 * OC * PN, y,
                                   nb, OC, P.OH, P.OW, pk);
        }
    }
}

void conv2d_relu_pool_backward(float *dinp, float *dW, float *dbias, const float *dpooled,
                               const int *argmax, const float *pooled, const float *inp,
                               const float *W, int B, int C, int H, int Wd, int OC, int k, int s,
                               int p, int pk, float *work) {
    if (B < 1 || (!dinp && !dW && !dbias)) return;
    PoolIn pool = {dpooled, pooled, argmax, pk};
    conv_backward_impl(dinp, dW, dbias, NULL, &pool, inp, W, B, C, H, Wd, OC, k, s, p, work);
}

static void conv_backward_impl(float *dinp, float *dW, float *dbias, const float *dout,
                               const PoolIn *pool, const float *inp, const float *W, int B, int C,
                               int H, int Wd, int OC, int k, int s, int p, float *work) {
    ConvPlan P = conv_plan(B, C, H, Wd, OC, k, s, p);
    int N = P.N, K = P.K;
    float *part = work + P.part_off;
    size_t part_n = (size_t)OC * K + OC;
#pragma omp parallel for schedule(static) if (P.nslots > 1)
    for (int sl = 0; sl < P.nslots; sl++) {
        float *col = slot_base(work, &P, sl);
        float *dT = col + (size_t)K * P.ld;                /* dout, (OC, nb*N) düzeninde */
        float *dWp = part + (size_t)sl * part_n, *dbp = dWp + (size_t)OC * K;
        memset(dWp, 0, part_n * sizeof(float));
        for (int ci = sl; ci < P.nchunks; ci += P.nslots) {
            int b0 = ci * P.ch, nb = B - b0 < P.ch ? B - b0 : P.ch;
            int NB = nb * N;
            if (pool) { /* dT'yi havuzun gradyanından kur: her pencerenin argmax'ı, çıkış > 0 ise */
                int OH = P.OH, OW = P.OW, PN = (OH / pool->pk) * (OW / pool->pk);
                for (int o = 0; o < OC; o++) {
                    float *dst = dT + (size_t)o * P.ld;
                    memset(dst, 0, (size_t)P.ld * sizeof(float));
                    for (int bb = 0; bb < nb; bb++) {
                        size_t q0 = ((size_t)(b0 + bb) * OC + o) * PN;
                        const float *g = pool->dpooled + q0, *yv = pool->pooled + q0;
                        const int *a = pool->argmax + q0;
                        float *pl = dst + (size_t)bb * N;
                        for (int q = 0; q < PN; q++)
                            if (yv[q] > 0.0f) pl[a[q]] += g[q];
                    }
                }
                if (dbias)
                    for (int o = 0; o < OC; o++) {
                        float sum = 0.0f;
                        const float *src = dT + (size_t)o * P.ld;
#pragma omp simd reduction(+ : sum)
                        for (int n = 0; n < NB; n++) sum += src[n];
                        dbp[o] += sum;
                    }
            } else if (dbias)
                for (int o = 0; o < OC; o++) {
                    float sum = 0.0f;
                    for (int bb = 0; bb < nb; bb++) {
                        const float *src = dout + ((size_t)(b0 + bb) * OC + o) * N;
#pragma omp simd reduction(+ : sum)
                        for (int n = 0; n < N; n++) sum += src[n];
                    }
                    dbp[o] += sum;
                }
            if (dinp && !pool) /* dout'u (OC, ld) düzenine topla (dolgu 0): dcol'un ve dW'nin girdisi */
                for (int o = 0; o < OC; o++) {
                    float *dst = dT + (size_t)o * P.ld;
                    for (int bb = 0; bb < nb; bb++)
                        memcpy(dst + (size_t)bb * N, dout + ((size_t)(b0 + bb) * OC + o) * N,
                               (size_t)N * sizeof(float));
                    memset(dst + NB, 0, (size_t)(P.ld - NB) * sizeof(float));
                }
            if (dW) {
                im2col(col, P.ld, inp + (size_t)b0 * C * H * Wd, nb, C, H, Wd, k, s, p, P.OH, P.OW);
                /* dW (OC,K) += dout (OC, g) * col^T (g, K) */
                if (dinp || pool) dw_tiles(dWp, dT, (size_t)P.ld, 0, col, P.ld, 1, P.ld, OC, K);
                else
                    dw_tiles(dWp, dout + (size_t)b0 * OC * N, (size_t)N, (size_t)OC * N, col, P.ld,
                             nb, N, OC, K);
            }
            if (dinp) {
                /* dcol (K, g) = W^T (K,OC) * dT (OC, g); sonra col2im ile dinp'e katla */
                dcol_tiles(col, dT, P.ld, W, OC, K);
                col2im(dinp + (size_t)b0 * C * H * Wd, col, P.ld, nb, C, H, Wd, k, s, p, P.OH, P.OW);
            }
        }
    }
    /* Kısmi toplamları yuva sırasıyla birleştir (iş parçacığı sayısından bağımsız).
     * Ucuz bir döngü: ayrı bir paralel bölge açmaya değmez. */
    if (dW) {
        for (size_t e = 0; e < (size_t)OC * K; e++) {
            float acc = 0.0f;
            for (int sl = 0; sl < P.nslots; sl++) acc += part[(size_t)sl * part_n + e];
            dW[e] += acc;
        }
    }
    if (dbias)
        for (int o = 0; o < OC; o++) {
            float acc = 0.0f;
            for (int sl = 0; sl < P.nslots; sl++) acc += part[(size_t)sl * part_n + (size_t)OC * K + o];
            dbias[o] += acc;
        }
}

/* ---- Max pooling ---- */

void maxpool2d_forward(float *out, int *argmax, const float *inp, int B, int C, int H, int Wd,
                       int k) {
    int OH = H / k, OW = Wd / k;
    long nbc = (long)B * C;
#pragma omp parallel for schedule(static) if (nbc * H * Wd > 65536)
    for (long bc = 0; bc < nbc; bc++) {
        const float *src = inp + (size_t)bc * H * Wd;
        float *o = out + (size_t)bc * OH * OW;
        int *a = argmax + (size_t)bc * OH * OW;
        if (k == 2) { /* en sık durum: 2x2 pencere; seçimler dallanmasız (karşılaştırma
                       * sonucu 0/1 sayı olarak indise eklenir), eşitlikte ilk eleman */
            for (int y = 0; y < OH; y++) {
                const float *r0 = src + (size_t)(2 * y) * Wd, *r1 = r0 + Wd;
                float *oy = o + (size_t)y * OW;
                int *ay = a + (size_t)y * OW;
#pragma omp simd simdlen(8)
                for (int x = 0; x < OW; x++) {
                    int i0 = 2 * y * Wd + 2 * x;
                    float v0 = r0[2 * x], v1 = r0[2 * x + 1], v2 = r1[2 * x], v3 = r1[2 * x + 1];
                    int c01 = v1 > v0, c23 = v3 > v2;
                    float m01 = c01 ? v1 : v0, m23 = c23 ? v3 : v2;
                    int c = m23 > m01;
                    oy[x] = c ? m23 : m01;
                    ay[x] = i0 + c01 + c * (Wd + c23 - c01);
                }
            }
            continue;
        }
        for (int y = 0; y < OH; y++)
            for (int x = 0; x < OW; x++) {
                int bi = y * k * Wd + x * k;
                float best = src[bi];
                for (int i = 0; i < k; i++)
                    for (int j = 0; j < k; j++) {
                        int idx = (y * k + i) * Wd + x * k + j;
                        if (src[idx] > best) {
                            best = src[idx];
                            bi = idx;
                        }
                    }
                o[y * OW + x] = best;
                a[y * OW + x] = bi;
            }
    }
}

/* out NULL değilse havuzun ardından gelen ReLU'nun geri geçişi de burada yapılır:
 * gradyan yalnızca havuz çıkışı > 0 olan pencerelerden geçer (bkz. net.c, "ReLU +
 * max pooling birleştirmesi"). */
static void pool_backward(float *dinp, const float *dout, const int *argmax, const float *out,
                          int B, int C, int H, int Wd, int k) {
    int OH = H / k, OW = Wd / k;
    long nbc = (long)B * C;
#pragma omp parallel for schedule(static) if (nbc * H * Wd > 65536)
    for (long bc = 0; bc < nbc; bc++) {
        float *d = dinp + (size_t)bc * H * Wd;
        const float *g = dout + (size_t)bc * OH * OW;
        const int *a = argmax + (size_t)bc * OH * OW;
        if (out) {
            const float *y = out + (size_t)bc * OH * OW;
            for (int o = 0; o < OH * OW; o++)
                if (y[o] > 0.0f) d[a[o]] += g[o];
        } else
            for (int o = 0; o < OH * OW; o++) d[a[o]] += g[o];
    }
}

void maxpool2d_backward(float *dinp, const float *dout, const int *argmax, int B, int C, int H,
                        int Wd, int k) {
    pool_backward(dinp, dout, argmax, NULL, B, C, H, Wd, k);
}

void maxpool2d_relu_forward(float *out, int *argmax, const float *inp, int B, int C, int H, int Wd,
                            int k) {
    maxpool2d_forward(out, argmax, inp, B, C, H, Wd, k);
    size_t n = (size_t)B * C * (H / k) * (Wd / k);
#pragma omp parallel for simd schedule(static) if (n > 65536)
    for (size_t i = 0; i < n; i++) out[i] = out[i] > 0.0f ? out[i] : 0.0f;
}

void maxpool2d_relu_backward(float *dinp, const float *dout, const int *argmax, const float *out,
                             int B, int C, int H, int Wd, int k) {
    pool_backward(dinp, dout, argmax, out, B, C, H, Wd, k);
}
