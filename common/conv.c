/* conv.c — evrişim ve havuzlama (bkz. conv.h). Hızlı sürüm: parçalı im2col + evrişime
 * özel matris çarpımı mikro-çekirdekleri, OpenMP ile parçalara dağıtılmış. */
#include "conv.h"
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
    if (dinp) memset(dinp, 0, (size_t)B * C * H * Wd * sizeof(float));
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

size_t conv2d_work_size(int B, int C, int H, int Wd, int OC, int k, int s, int p) {
    /* Yuvarlamalar yüzünden daha küçük bir yığın (ör. son yığın) biraz daha çok
     * yer isteyebilir: 1..B arasındaki her yığın boyunun planına bakılır (ucuz). */
    size_t need = 0;
    for (int b = 1; b <= (B < 1 ? 1 : B); b++) {
        size_t t = conv_plan(b, C, H, Wd, OC, k, s, p).total;
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

/* col2im: im2col'un tersi. dinp (nb,C,H,W) = col'daki her değerin geldiği piksele
 * toplanması (yamalar üst üste bindiği için bir piksel birden çok sütundan pay alır). */
static void col2im(float *dinp, const float *col, int ld, int nb, int C, int H, int Wd, int k,
                   int s, int p, int OH, int OW) {
    memset(dinp, 0, (size_t)nb * C * H * Wd * sizeof(float));
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

/* sl. yuvanın tamponu: col (K, ld) | dT (OC, ld), başı 64 bayta hizalı */
static float *slot_base(float *work, const ConvPlan *P, int sl) {
    uintptr_t a = ((uintptr_t)work + 63) & ~(uintptr_t)63;
    return (float *)a + (size_t)sl * P->slot_floats;
}

void conv2d_forward(float *out, const float *inp, const float *W, const float *bias, int B, int C,
                    int H, int Wd, int OC, int k, int s, int p, float *work) {
    if (B < 1) return;
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

void conv2d_backward(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                     const float *W, int B, int C, int H, int Wd, int OC, int k, int s, int p,
                     float *work) {
    if (B < 1 || (!dinp && !dW && !dbias)) return;
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
            if (dinp) /* dout'u (OC, ld) düzenine topla (dolgu 0): dcol'un ve dW'nin girdisi */
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
                if (dinp) dw_tiles(dWp, dT, (size_t)P.ld, 0, col, P.ld, 1, P.ld, OC, K);
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

void maxpool2d_backward(float *dinp, const float *dout, const int *argmax, int B, int C, int H,
                        int Wd, int k) {
    int OH = H / k, OW = Wd / k;
    long nbc = (long)B * C;
#pragma omp parallel for schedule(static) if (nbc * H * Wd > 65536)
    for (long bc = 0; bc < nbc; bc++) {
        float *d = dinp + (size_t)bc * H * Wd;
        const float *g = dout + (size_t)bc * OH * OW;
        const int *a = argmax + (size_t)bc * OH * OW;
        memset(d, 0, (size_t)H * Wd * sizeof(float));
        for (int o = 0; o < OH * OW; o++) d[a[o]] += g[o];
    }
}
