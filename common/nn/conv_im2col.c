/* conv_im2col.c — evrişimin im2col yolu (bkz. conv.h, "İM2COL"): parçalı im2col + evrişime
 * özel matris çarpımı mikro-çekirdekleri, OpenMP ile yuvalara dağıtılmış; ayrıca
 * evrişim+ReLU+max pooling'in tek geçişte yapılan birleşik biçimi. */
#include <stdint.h>
#include <string.h>
#include "core/simd.h"
#include "nn/conv.h"
#include "nn/conv_paths.h"
#include "nn/pool.h"

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
    conv_split(B, per, 1, &P.ch, &P.nchunks, &P.nslots);
    P.ld = (P.ch * P.N + 15) & ~15;   /* satır başları 64 bayta hizalı: bir kare = bir önbellek satırı */
    P.slot_floats = (size_t)(P.K + OC) * P.ld;
    P.part_off = 16 + (size_t)P.nslots * P.slot_floats;   /* 16: hizalama payı */
    P.total = P.part_off + (size_t)P.nslots * ((size_t)OC * P.K + OC);
    return P;
}

size_t conv_im2col_work_total(int B, int C, int H, int Wd, int OC, int k, int s, int p) {
    return conv_plan(B, C, H, Wd, OC, k, s, p).total;
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

/* dW: dWp[o][kk] += Σ_b Σ_n D[o*drs + b*dbs + n] * col[kk*ld + b*len + n]
 * (dT * col^T). D ya (OC, ld) düzenine toplanmış gradyandır (nb = 1, len = ld,
 * dolgu 0: kuyruk yok) ya da doğrudan dout'tur (drs = N, dbs = OC*N, len = N).
 * 4 çıkış kanalı x 4 col satırı karesi (16 toplayıcı vektör, makinenin genişliğinde:
 * AVX-512'de 16, AVX2'de 8 şerit); toplama n boyunca vektörlerle yapılır,
 * sonunda her toplayıcı yatay olarak toplanır. */
static void dw_tiles(float *dWp, const float *D, size_t drs, size_t dbs, const float *col, int ld,
                     int nb, int len, int OC, int K) {
    int LV = len & ~(SIMD_W - 1);   /* vektörlerle giden kısım */
    for (int k0 = 0; k0 < K; k0 += 4) {
        int kr = K - k0 < 4 ? K - k0 : 4;
        size_t c1 = (size_t)(kr > 1 ? 1 : 0) * ld, c2 = (size_t)(kr > 2 ? 2 : 0) * ld,
               c3 = (size_t)(kr > 3 ? 3 : 0) * ld;
        for (int o0 = 0; o0 < OC; o0 += 4) {
            int orr = OC - o0 < 4 ? OC - o0 : 4;
            size_t d1 = (orr > 1 ? 1 : 0) * drs, d2 = (orr > 2 ? 2 : 0) * drs,
                   d3 = (orr > 3 ? 3 : 0) * drs;
            vf a00 = {0}, a01 = {0}, a02 = {0}, a03 = {0}, a10 = {0}, a11 = {0}, a12 = {0}, a13 = {0};
            vf a20 = {0}, a21 = {0}, a22 = {0}, a23 = {0}, a30 = {0}, a31 = {0}, a32 = {0}, a33 = {0};
            float t[4][4] = {{0}};
            for (int b = 0; b < nb; b++) {
                const float *c = col + (size_t)k0 * ld + (size_t)b * len;
                const float *d = D + (size_t)o0 * drs + (size_t)b * dbs;
                for (int n = 0; n < LV; n += SIMD_W) {
                    vf x0 = ldv(c + n), x1 = ldv(c + c1 + n), x2 = ldv(c + c2 + n), x3 = ldv(c + c3 + n);
                    vf y0 = ldv(d + n), y1 = ldv(d + d1 + n), y2 = ldv(d + d2 + n), y3 = ldv(d + d3 + n);
                    a00 += y0 * x0; a01 += y0 * x1; a02 += y0 * x2; a03 += y0 * x3;
                    a10 += y1 * x0; a11 += y1 * x1; a12 += y1 * x2; a13 += y1 * x3;
                    a20 += y2 * x0; a21 += y2 * x1; a22 += y2 * x2; a23 += y2 * x3;
                    a30 += y3 * x0; a31 += y3 * x1; a32 += y3 * x2; a33 += y3 * x3;
                }
                for (int n = LV; n < len; n++) {   /* kuyruk: son len % SIMD_W sütun */
                    float x[4] = {c[n], c[c1 + n], c[c2 + n], c[c3 + n]};
                    float y[4] = {d[n], d[d1 + n], d[d2 + n], d[d3 + n]};
                    for (int q = 0; q < 4; q++)
                        for (int r = 0; r < 4; r++) t[q][r] += y[q] * x[r];
                }
            }
            vf a[4][4] = {{a00, a01, a02, a03}, {a10, a11, a12, a13},
                          {a20, a21, a22, a23}, {a30, a31, a32, a33}};
            for (int q = 0; q < orr; q++)
                for (int r = 0; r < kr; r++)
                    dWp[(size_t)(o0 + q) * K + k0 + r] += hsumv(a[q][r]) + t[q][r];
        }
    }
}

/* sl. yuvanın tamponu: col (K, ld) | dT (OC, ld), başı 64 bayta hizalı */
static float *slot_base(float *work, const ConvPlan *P, int sl) {
    uintptr_t a = ((uintptr_t)work + 63) & ~(uintptr_t)63;
    return (float *)a + (size_t)sl * P->slot_floats;
}

void conv_im2col_forward(float *out, const float *inp, const float *W, const float *bias, int B,
                         int C, int H, int Wd, int OC, int k, int s, int p, float *work) {
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

void conv_im2col_backward(float *dinp, float *dW, float *dbias, const float *dout,
                          const float *inp, const float *W, int B, int C, int H, int Wd, int OC,
                          int k, int s, int p, float *work) {
    conv_backward_impl(dinp, dW, dbias, dout, NULL, inp, W, B, C, H, Wd, OC, k, s, p, work);
}

void conv_im2col_relu_pool_forward(float *pooled, int *argmax, const float *inp, const float *W,
                                   const float *bias, int B, int C, int H, int Wd, int OC, int k,
                                   int s, int p, int pk, float *work) {
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

void conv_im2col_relu_pool_backward(float *dinp, float *dW, float *dbias, const float *dpooled,
                                    const int *argmax, const float *pooled, const float *inp,
                                    const float *W, int B, int C, int H, int Wd, int OC, int k,
                                    int s, int p, int pk, float *work) {
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
                        /* dalsız: ReLU'nun kapısı 0/g seçimi (ileri geçişte pencerelerin
                         * yarısı kadarı 0'dır; dal her seferinde yanlış tahmin edilirdi) */
                        for (int q = 0; q < PN; q++) pl[a[q]] += yv[q] > 0.0f ? g[q] : 0.0f;
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
