/* conv_winograd.c — evrişimin Winograd F(4x4,3x3) yolu (bkz. conv.h, "WINOGRAD"):
 * 3x3'lük, adımı 1 olan ve en az CONV_WG_MIN_C giriş kanallı evrişimler. */
#include <stdint.h>
#include <string.h>
#include "core/simd.h"
#include "nn/conv.h"
#include "nn/conv_paths.h"

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
 * bir matris çarpımıdır:  M[ξ] (kareler, OC) = V[ξ] (kareler, C) * Uᵀ[ξ] (C, OC).
 * Çarpma sayısı 144/36 = 4 kat azalır; dönüşümler toplama ağırlıklıdır ve ucuzdur.
 * Sonuç matematikte aynıdır, float yuvarlaması biraz farklıdır (testler referansla
 * karşılaştırır).
 *
 * Geri geçiş aynı doğrusal işlemlerin devriğidir (transpose):
 *   dM = A dY Aᵀ                       (4x4 -> 6x6)
 *   dUᵀ[ξ] += V[ξ]ᵀ * dM[ξ],  dg = Gᵀ dU G      (filtre gradyanı)
 *   dV[ξ]   = dM[ξ] * U[ξ],   dd = B dV Bᵀ      (giriş gradyanı; kareler üst üste
 *                                              bindiği için dinp'e toplanır)
 *
 * VERİ DÜZENİ. Dönüşümler 16 KANALI birlikte, vektörlerle hesaplar. Bunun için parçanın
 * girişi önce "kanal en içte" (NHWC) düzenine, sıfır dolgulu olarak kopyalanır:
 * Xp[b][y][x][c]. Bir karenin 6x6 girişinin her noktası için 16 kanal bellekte
 * bitişiktir: tek vektör yüklemesi. (NCHW düzeninde aynı 16 sayı 16 ayrı düzlemden
 * tek tek toplanırdı; ölçtüğümüzde dönüşümlerin süresinin çoğu buydu.) Çıkışın
 * gradyanı da aynı düzene (dYp) alınır; giriş gradyanı dXp'de vektörlerle toplanır ve
 * en sonda NCHW'ye geri yazılır. Matris çarpımları tile6x16'yı kullanır. */

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

/* ---- Winograd'ın matris çarpımı mikro-çekirdeği ----
 * acc[r][j] = Σ_q A(r,q) * Bm[q*ldb + j],  r < R, j < NC (NC: SIMD_W'nin katı), q < Q;
 * A(r,q) = A[r*ars + q*acs]. rows < R ise eksik satırlar son geçerli satırı okur
 * (sonuçları kullanılmaz). R*NC/SIMD_W toplayıcı vektör yazmaçta kalır; her q adımında
 * B'den NC/SIMD_W vektör yüklenir, A'dan R sayı bütün şeritlere yayılır. R ve NC sabit
 * verildiğinde derleyici döngüleri açar (always_inline). tile6x16'dan farkı: AVX-512'de
 * 16 toplayıcı (4x64 ya da 8x32) ile FMA başına daha az yükleme yapılır. */
static inline __attribute__((always_inline)) void
wg_kernel(int R, int NC, float *acc, const float *A, size_t ars, size_t acs, int rows,
          const float *Bm, int ldb, int Q) {
    enum { MAXR = 8, MAXV = 64 / SIMD_W };
    int NV = NC / SIMD_W;
    const float *p[MAXR];
#pragma GCC unroll 8
    for (int r = 0; r < R; r++) p[r] = A + (size_t)(r < rows ? r : rows - 1) * ars;
    vf a[MAXR][MAXV];
#pragma GCC unroll 8
    for (int r = 0; r < R; r++)
#pragma GCC unroll 8
        for (int v = 0; v < NV; v++) a[r][v] = (vf){0};
    for (int q = 0; q < Q; q++, Bm += ldb) {
        vf x[MAXV];
        size_t k = (size_t)q * acs;
#pragma GCC unroll 8
        for (int v = 0; v < NV; v++) {
            x[v] = ldv(Bm + v * SIMD_W);
            /* B'nin vektörü yazmaçta kalsın: yoksa derleyici her FMA'da bellekten yeniden
             * okur (R kat yükleme; AVX-512'de yükleme sınırına takılırdı) */
#if defined(__x86_64__) || defined(__i386__)
            __asm__("" : "+v"(x[v]));
#endif
        }
#pragma GCC unroll 8
        for (int r = 0; r < R; r++) {
            float s = p[r][k];
#pragma GCC unroll 8
            for (int v = 0; v < NV; v++) a[r][v] += s * x[v];
        }
    }
#pragma GCC unroll 8
    for (int r = 0; r < R; r++)
#pragma GCC unroll 8
        for (int v = 0; v < NV; v++) stv(acc + r * NC + v * SIMD_W, a[r][v]);
}

/* Çarpımların kare boyları (satır x sütun): ileri geçiş (kareler x çıkış kanalı),
 * giriş gradyanı (kareler x giriş kanalı), filtre gradyanı (giriş x çıkış kanalı).
 * AVX-512'de 16 toplayıcı; AVX2'de (16 yazmaç) 6x16 = 12 toplayıcı. OCp ve Cp bu
 * sütun sayılarının katına yuvarlanır (fazla sütunlar 0). */
#if SIMD_W == 16
#define WG_FR 4
#define WG_FC 64
#define WG_DR 8
#define WG_DC 32
#define WG_WR 4
#define WG_WC 64
#else
#define WG_FR 6
#define WG_FC 16
#define WG_DR 6
#define WG_DC 16
#define WG_WR 6
#define WG_WC 16
#endif

typedef struct {
    int OH, OW, TH, TW, TT;   /* çıkış; kare satırı/sütunu; örnek başına kare */
    int PH, PW;               /* dolgulu giriş düzleminin boyu: 4*TH+2, 4*TW+2 */
    int YH, YW;               /* dolgulu çıkış (gradyanı) düzlemi: 4*TH, 4*TW */
    int Cp, OCp;              /* C ve OC, 16'nın katına yuvarlanmış (vektör şeritleri) */
    int ch, nchunks, nslots;
    int Tc;                   /* parçadaki kare sayısı: ch*TT */
    size_t u_floats, slot_floats, part_n, part_off, total;
    size_t v_floats, vkeep_off;   /* bir parçanın V'si; saklanan V'lerin yeri */
} WgPlan;

/* work: U (36, OC, Cp) | Ut (36, Cp, OCp) | yuvalar | yuva başına kısmi dUt (36, C, OCp) ve
 * dbias (OCp) | parça başına saklanan V (36, Tc, Cp). Yuva tamponu: V (36, Tc, Cp) |
 * M (36, Tc, OCp) | Xp (ch, PH, PW, Cp) | dYp (ch, YH, YW, OCp). Geri geçişte Xp, V
 * hesaplandıktan sonra dXp olarak kullanılır.
 * Saklanan V: birleşik (ReLU + 2x2 havuz) ileri geçiş her parçanın giriş dönüşümünü
 * burada bırakır; birleşik geri geçiş filtre gradyanı için onu okur, girişi yeniden
 * dolgulayıp dönüştürmez (yığın 128'de 5.3 MB daha bellek; geri geçişte ~0.7 ms daha az iş). */
static WgPlan wg_plan(int B, int C, int H, int Wd, int OC, int p) {
    WgPlan P;
    P.OH = conv_out_dim(H, 3, 1, p);
    P.OW = conv_out_dim(Wd, 3, 1, p);
    P.TH = (P.OH + 3) / 4;
    P.TW = (P.OW + 3) / 4;
    P.TT = P.TH * P.TW;
    P.PH = 4 * P.TH + 2;
    P.PW = 4 * P.TW + 2;
    P.YH = 4 * P.TH;
    P.YW = 4 * P.TW;
    P.Cp = (C + WG_DC - 1) / WG_DC * WG_DC;
    P.OCp = (OC + WG_FC - 1) / WG_FC * WG_FC;   /* WG_WC de WG_FC'nin böleni */
    size_t per = (size_t)P.TT * 36 * (P.Cp + P.OCp) + (size_t)P.PH * P.PW * P.Cp +
                 (size_t)P.YH * P.YW * P.OCp;
    conv_split(B, per, 1, &P.ch, &P.nchunks, &P.nslots);
    P.Tc = P.ch * P.TT;
    P.u_floats = (size_t)36 * OC * P.Cp + (size_t)36 * P.Cp * P.OCp;
    P.slot_floats = (size_t)P.ch * per;
    P.part_n = (size_t)36 * C * P.OCp + P.OCp;
    P.part_off = P.u_floats + (size_t)P.nslots * P.slot_floats;
    P.v_floats = (size_t)36 * P.Tc * P.Cp;
    P.vkeep_off = P.part_off + (size_t)P.nslots * P.part_n;
    P.total = 16 + P.vkeep_off + (size_t)P.nchunks * P.v_floats;
    return P;
}

size_t conv_winograd_work_total(int B, int C, int H, int Wd, int OC, int p) {
    return wg_plan(B, C, H, Wd, OC, p).total;
}

/* U[ξ][o][c] = (G g Gᵀ)[ξ],  g = W[o][c] (3x3).  U (36, OC, Cp); c >= C sütunları 0.
 * Ut[ξ][c][o] aynı sayıların devriği (ileri geçişin çarpımı onu okur); Ut'nin o >= OC
 * sütunları ayrıca sıfırlanır (wg_filters). 16 kanal birlikte: her ξ için U'nun bitişik
 * 16 sayısı tek seferde yazılır. */
static void wg_filter_transform(float *U, float *Ut, const float *W, int o, int OC, int C, int Cp,
                                int OCp) {
    for (int c0 = 0; c0 < Cp; c0 += 16) {
        float u[36][16];
        for (int l = 0; l < 16; l++) {
            int c = c0 + l;
            if (c >= C) {
                for (int x = 0; x < 36; x++) u[x][l] = 0.0f;
                continue;
            }
            const float *g = W + ((size_t)o * C + c) * 9;
            float t[6][3];
            for (int i = 0; i < 6; i++)
                for (int j = 0; j < 3; j++)
                    t[i][j] = WG_G[i][0] * g[j] + WG_G[i][1] * g[3 + j] + WG_G[i][2] * g[6 + j];
            for (int i = 0; i < 6; i++)
                for (int j = 0; j < 6; j++)
                    u[i * 6 + j][l] = t[i][0] * WG_G[j][0] + t[i][1] * WG_G[j][1] + t[i][2] * WG_G[j][2];
        }
        for (int x = 0; x < 36; x++) {
            memcpy(U + ((size_t)x * OC + o) * Cp + c0, u[x], sizeof u[x]);
            for (int l = 0; l < 16; l++) Ut[((size_t)x * Cp + c0 + l) * OCp + o] = u[x][l];
        }
    }
}

/* U ve Ut'yi kurar (paralel bölgenin içinden çağrılır) */
static void wg_filters(float *U, float *Ut, const float *W, int OC, int C, const WgPlan *P) {
    if (P->OCp > OC) {
#pragma omp for schedule(static)
        for (int r = 0; r < 36 * P->Cp; r++)
            memset(Ut + (size_t)r * P->OCp + OC, 0, (size_t)(P->OCp - OC) * sizeof(float));
    }
#pragma omp for schedule(static)
    for (int o = 0; o < OC; o++) wg_filter_transform(U, Ut, W, o, OC, C, P->Cp, P->OCp);
}

/* dW[o][c] += Gᵀ dU G, dU = yuvaların dUt[ξ][c][o] toplamı (yuva sırasıyla; 6x6 -> 3x3).
 * 16 çıkış kanalı birlikte (şeritler o): dUt'nin her satırı bitişik okunur. */
static void wg_filter_grad(float *dW, const float *part, const WgPlan *P, int c, int C, int OC) {
    for (int o0 = 0; o0 < OC; o0 += 16) {
        v16 du[36], t[18];
        for (int x = 0; x < 36; x++) {
            v16 acc = ld16(part + ((size_t)x * C + c) * P->OCp + o0);
            for (int sl = 1; sl < P->nslots; sl++)
                acc += ld16(part + (size_t)sl * P->part_n + ((size_t)x * C + c) * P->OCp + o0);
            du[x] = acc;
        }
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 6; j++) {
                v16 a = {0};
                for (int q = 0; q < 6; q++) a += WG_G[q][i] * du[q * 6 + j];
                t[i * 6 + j] = a;
            }
        float g[9][16];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                v16 a = {0};
                for (int q = 0; q < 6; q++) a += t[i * 6 + q] * WG_G[q][j];
                st16(g[i * 3 + j], a);
            }
        int no = OC - o0 < 16 ? OC - o0 : 16;
        for (int l = 0; l < no; l++) {
            float *d = dW + ((size_t)(o0 + l) * C + c) * 9;
            for (int k = 0; k < 9; k++) d[k] += g[k][l];
        }
    }
}

/* Parçanın t. karesinin örneği ve sol üst köşesi (çıkış koordinatında) */
static inline void wg_tile(const WgPlan *P, int t, int *b, int *y0, int *x0) {
    int rem = t % P->TT;
    *b = t / P->TT;
    *y0 = rem / P->TW * 4;
    *x0 = rem % P->TW * 4;
}

/* Dönüşümler 16 kanalı (şerit) birlikte işler: v16 = 16 float'lık vektör (core/simd.h).
 * Tek boyutlu dönüşümler matrislerin açık yazılmış halidir (sıfırlar atlanır); 2B
 * dönüşüm önce sütunlara, sonra satırlara uygulanır. */

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

/* Parçanın girişini sıfır dolgulu NHWC düzlemlerine kopyalar: Xp (nb, PH, PW, Cp), giriş
 * p kadar içeride. Böylece her 6x6 kare sınır denetimi olmadan okunur. Giriş her zaman
 * sığar: OH = H + 2p - 2 olduğundan PH = 4*ceil(OH/4) + 2 >= H + 2p (genişlik için de). */
static void wg_pad(float *Xp, const WgPlan *P, const float *inp, int nb, int C, int H, int Wd,
                   int p) {
    int Cp = P->Cp, HW = H * Wd, C16 = C & ~15, N16 = HW & ~15;
    size_t px = (size_t)Cp * sizeof(float);   /* bir pikselin baytı */
    if (Cp > C) memset(Xp, 0, (size_t)nb * P->PH * P->PW * px);
    for (int b = 0; b < nb; b++) {
        float *xb = Xp + (size_t)b * P->PH * P->PW * Cp;
        const float *ib = inp + (size_t)b * C * HW;
        if (Cp == C) {   /* yalnızca dolgu sıfırlanır: içerisi aşağıda tümüyle yazılır */
            memset(xb, 0, (size_t)p * P->PW * px);
            memset(xb + (size_t)(H + p) * P->PW * Cp, 0, (size_t)(P->PH - H - p) * P->PW * px);
            for (int h = p; h < H + p; h++) {
                float *row = xb + (size_t)h * P->PW * Cp;
                memset(row, 0, (size_t)p * px);
                memset(row + (size_t)(Wd + p) * Cp, 0, (size_t)(P->PW - Wd - p) * px);
            }
        }
        /* 16 kanal x 16 piksellik bloklar yazmaçlarda devrilir (conv_tr16) */
        for (int c0 = 0; c0 < C16; c0 += 16)
            for (int n0 = 0; n0 < N16; n0 += 16) {
                void *d[16];
                const void *s[16];
                for (int i = 0, h = n0 / Wd, w = n0 % Wd; i < 16; i++) {
                    s[i] = ib + (size_t)(c0 + i) * HW + n0;
                    d[i] = xb + ((size_t)(h + p) * P->PW + w + p) * Cp + c0;
                    if (++w == Wd) w = 0, h++;
                }
                conv_tr16(d, s, 0);
            }
        for (int c = 0; c < C; c++)   /* kalan kenarlar tek tek */
            for (int n = c < C16 ? N16 : 0; n < HW; n++) {
                int h = n / Wd, w = n % Wd;
                xb[((size_t)(h + p) * P->PW + w + p) * Cp + c] = ib[(size_t)c * HW + n];
            }
    }
}

/* wg_pad'in tersi: dolgulu NHWC gradyanının iç kısmını NCHW dinp'e EKLER */
static void wg_unpad(float *dinp, const WgPlan *P, const float *Xp, int nb, int C, int H, int Wd,
                     int p) {
    int Cp = P->Cp, HW = H * Wd, C16 = C & ~15, N16 = HW & ~15;
    for (int b = 0; b < nb; b++) {
        const float *xb = Xp + (size_t)b * P->PH * P->PW * Cp;
        float *ib = dinp + (size_t)b * C * HW;
        for (int c0 = 0; c0 < C16; c0 += 16)
            for (int n0 = 0; n0 < N16; n0 += 16) {
                void *d[16];
                const void *s[16];
                for (int i = 0, h = n0 / Wd, w = n0 % Wd; i < 16; i++) {
                    s[i] = xb + ((size_t)(h + p) * P->PW + w + p) * Cp + c0;
                    d[i] = ib + (size_t)(c0 + i) * HW + n0;
                    if (++w == Wd) w = 0, h++;
                }
                conv_tr16(d, s, 1);
            }
        for (int c = 0; c < C; c++)
            for (int n = c < C16 ? N16 : 0; n < HW; n++) {
                int h = n / Wd, w = n % Wd;
                ib[(size_t)c * HW + n] += xb[((size_t)(h + p) * P->PW + w + p) * Cp + c];
            }
    }
}

/* Giriş dönüşümü: V[ξ][t][c] = (Bᵀ d B)[ξ], d = t. karenin 6x6 girişi (Xp'den) */
static void wg_input(float *V, const WgPlan *P, const float *Xp, int nb) {
    int T = nb * P->TT, Cp = P->Cp;
    for (int t = 0; t < T; t++) {
        int b, y0, x0;
        wg_tile(P, t, &b, &y0, &x0);
        const float *base = Xp + (((size_t)b * P->PH + y0) * P->PW + x0) * Cp;
        for (int c0 = 0; c0 < Cp; c0 += 16) {
            v16 z[36], tt[36], v[36];
            for (int i = 0; i < 6; i++)
                for (int j = 0; j < 6; j++) z[i * 6 + j] = ld16(base + ((size_t)i * P->PW + j) * Cp + c0);
            for (int j = 0; j < 6; j++) bt6(tt + j, 6, z + j, 6);       /* sütunlar */
            for (int i = 0; i < 6; i++) bt6(v + 6 * i, 1, tt + 6 * i, 1); /* satırlar */
            float *dst = V + (size_t)t * Cp + c0;
            for (int x = 0; x < 36; x++) st16(dst + (size_t)x * P->Tc * Cp, v[x]);
        }
    }
}

/* Havuzun gradyanı (birleşik geri geçiş): dout yerine bu verilir */
typedef struct {
    const float *dpooled, *pooled;   /* (B, OC, OH/pk, OW/pk) */
    const int *argmax;
    int pk;
} WgPool;

/* Çıkış gradyanını dolgulu NHWC düzenine alır: dYp (nb, YH, YW, OCp), dışarısı 0.
 * dout verildiyse kopyalar; havuz verildiyse her pencerenin argmax'ına, havuz çıkışı
 * > 0 ise, pencerenin gradyanını yazar (ReLU + max pooling'in geri geçişi). tmp: en az
 * nb*OC*PN float'lık geçici alan (M'nin yeri yeter). */
static void wg_dout_layout(float *dYp, float *tmp, const WgPlan *P, const float *dout,
                           const WgPool *pool, int b0, int nb, int OC) {
    int OH = P->OH, OW = P->OW, OCp = P->OCp;
    if (pool && pool->pk == 2 && conv_pool2_argmax_nhwc(OC)) {
        /* 2x2 havuz, argmax kanal en içte: pencereler vektörlerle yazılır
         * (conv_pool2_grad_nhwc); yalnızca havuzun kapsamadığı kenar satır ve sütunlar
         * (OCp > OC ise hepsi) sıfırlanır */
        int PN = (OH / 2) * (OW / 2), H2 = OH & ~1, W2 = OW & ~1;
        size_t px = (size_t)OCp * sizeof(float);
        if (OCp > OC) memset(dYp, 0, (size_t)nb * P->YH * P->YW * px);
        for (int b = 0; b < nb; b++) {
            float *yb = dYp + (size_t)b * P->YH * P->YW * OCp;
            size_t q0 = (size_t)(b0 + b) * OC * PN;
            if (OCp == OC) {
                for (int y = 0; y < H2; y++)
                    memset(yb + ((size_t)y * P->YW + W2) * OCp, 0, (size_t)(P->YW - W2) * px);
                memset(yb + (size_t)H2 * P->YW * OCp, 0, (size_t)(P->YH - H2) * P->YW * px);
            }
            conv_pool2_grad_nhwc(yb, P->YW, OH, OW, OC, OCp, pool->dpooled + q0,
                                 (const int8_t *)pool->argmax + q0, tmp);
        }
        return;
    }
    memset(dYp, 0, (size_t)nb * P->YH * P->YW * OCp * sizeof(float));
    if (pool) {
        int PN = (OH / pool->pk) * (OW / pool->pk);
        /* argmax (düzlem içi indis a = y*OW + x) -> dYp'deki konum (y*YW + x)*OCp; bölme
         * yerine tablo (pencere başına iki tamsayı bölmesi bu döngünün çoğunu alıyordu) */
        int pos[OH * OW];
        for (int y = 0; y < OH; y++)
            for (int x = 0; x < OW; x++) pos[y * OW + x] = (y * P->YW + x) * OCp;
        /* ReLU kapısı önce dalsız, vektörlerle (kapı rastgele: dal sık sık yanlış tahmin
         * edilirdi) tmp'ye; dağıtım ayrı geçişte (pencereler örtüşmez: atama yeter) */
        size_t q0 = (size_t)b0 * OC * PN, nq = (size_t)nb * OC * PN;
        const float *g = pool->dpooled + q0, *yv = pool->pooled + q0;
        const int *a = pool->argmax + q0;
#pragma omp simd
        for (size_t i = 0; i < nq; i++) tmp[i] = yv[i] > 0.0f ? g[i] : 0.0f;
        for (int b = 0; b < nb; b++)
            for (int o = 0; o < OC; o++) {
                float *dst = dYp + (size_t)b * P->YH * P->YW * OCp + o;
                size_t i0 = ((size_t)b * OC + o) * PN;
                for (int q = 0; q < PN; q++) dst[pos[a[i0 + q]]] = tmp[i0 + q];
            }
        return;
    }
    for (int b = 0; b < nb; b++)
        for (int o = 0; o < OC; o++) {
            const float *src = dout + ((size_t)(b0 + b) * OC + o) * OH * OW;
            for (int y = 0; y < OH; y++) {
                float *dst = dYp + (((size_t)b * P->YH + y) * P->YW) * OCp + o;
                for (int x = 0; x < OW; x++) dst[(size_t)x * OCp] = src[y * OW + x];
            }
        }
}

/* Çıkış gradyanının dönüşümü: M[ξ][t][o] = (A dY Aᵀ)[ξ], dY = t. karenin 4x4 çıkış
 * gradyanı (dYp'den; dışarısı 0). Ayrıca dbp[o] += Σ dY (bias gradyanı). */
static void wg_dout(float *M, float *dbp, const WgPlan *P, const float *dYp, int nb) {
    int T = nb * P->TT, OCp = P->OCp;
    for (int t = 0; t < T; t++) {   /* kare dışta: karenin 16 pikseli x OCp bitişik okunur */
        int b, y0, x0;
        wg_tile(P, t, &b, &y0, &x0);
        for (int o0 = 0; o0 < OCp; o0 += 16) {
            const float *base = dYp + (((size_t)b * P->YH + y0) * P->YW + x0) * OCp + o0;
            v16 y[16], tt[24], m[36], s = {0};
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++) {
                    y[i * 4 + j] = ld16(base + ((size_t)i * P->YW + j) * OCp);
                    s += y[i * 4 + j];
                }
            st16(dbp + o0, ld16(dbp + o0) + s);
            for (int j = 0; j < 4; j++) a4(tt + j, 4, y + j, 4);        /* sütunlar: 4 -> 6 satır */
            for (int i = 0; i < 6; i++) a4(m + 6 * i, 1, tt + 4 * i, 1); /* satırlar: 4 -> 6 */
            float *dst = M + (size_t)t * OCp + o0;
            for (int x = 0; x < 36; x++) st16(dst + (size_t)x * P->Tc * OCp, m[x]);
        }
    }
}

/* İleri geçiş: M[ξ] (kareler, OC) = V[ξ] (kareler, C) * Ut[ξ] (C, OC), sonra Y = Aᵀ M A.
 * Y, parçanın "kanal en içte" çıkış tamponuna yazılır: Yb (nb, YH, YW, OCp), 16 kanal bir
 * vektör. (NCHW'ye ya da havuza sonra, ayrı bir geçişte gider.) */
static void wg_forward_chunk(float *Yb, const float *Ut, const float *V, const float *bias,
                             const WgPlan *P, int nb, int C, int OC) {
    int T = nb * P->TT, Cp = P->Cp, OCp = P->OCp;
    float acc[36][WG_FR][WG_FC];
    for (int t0 = 0; t0 < T; t0 += WG_FR) {
        int rows = T - t0 < WG_FR ? T - t0 : WG_FR;
        for (int o0 = 0; o0 < OC; o0 += WG_FC) {
            for (int x = 0; x < 36; x++)
                wg_kernel(WG_FR, WG_FC, &acc[x][0][0], V + ((size_t)x * P->Tc + t0) * Cp,
                          (size_t)Cp, 1, rows, Ut + (size_t)x * Cp * OCp + o0, OCp, C);
            for (int s0 = 0; s0 < WG_FC && o0 + s0 < OC; s0 += 16) {
                int os = o0 + s0, no = OC - os < 16 ? OC - os : 16;
                float bv[16];
                for (int l = 0; l < 16; l++) bv[l] = bias && l < no ? bias[os + l] : 0.0f;
                v16 bo = ld16(bv);
                for (int r = 0; r < rows; r++) {
                    v16 m[36], t[24], yv[16];
                    for (int x = 0; x < 36; x++) m[x] = ld16(&acc[x][r][s0]);
                    for (int j = 0; j < 6; j++) at6(t + j, 6, m + j, 6);         /* sütunlar: 6 -> 4 satır */
                    for (int i = 0; i < 4; i++) at6(yv + 4 * i, 1, t + 6 * i, 1); /* satırlar: 6 -> 4 */
                    int b, y0, x0;
                    wg_tile(P, t0 + r, &b, &y0, &x0);
                    float *dst = Yb + (((size_t)b * P->YH + y0) * P->YW + x0) * OCp + os;
                    for (int i = 0; i < 4; i++)
                        for (int j = 0; j < 4; j++)
                            st16(dst + ((size_t)i * P->YW + j) * OCp, yv[i * 4 + j] + bo);
                }
            }
        }
    }
}

/* Filtre gradyanı: dUt[ξ] (C, OCp) += V[ξ]ᵀ (C, kareler) * M[ξ] (kareler, OCp) */
static void wg_dw_chunk(float *dUt, const float *V, const float *M, const WgPlan *P, int T, int C) {
    float acc[WG_WR][WG_WC];
    int Cp = P->Cp, OCp = P->OCp;
    for (int x = 0; x < 36; x++)
        for (int c0 = 0; c0 < C; c0 += WG_WR) {
            int rows = C - c0 < WG_WR ? C - c0 : WG_WR;
            for (int o0 = 0; o0 < OCp; o0 += WG_WC) {
                wg_kernel(WG_WR, WG_WC, &acc[0][0], V + (size_t)x * P->Tc * Cp + c0, 1, (size_t)Cp,
                          rows, M + (size_t)x * P->Tc * OCp + o0, OCp, T);
                for (int r = 0; r < rows; r++) {
                    float *d = dUt + ((size_t)x * C + c0 + r) * OCp + o0;
                    for (int j = 0; j < WG_WC; j += SIMD_W) stv(d + j, ldv(d + j) + ldv(acc[r] + j));
                }
            }
        }
}

/* Giriş gradyanı: dV[ξ] (kareler, Cp) = M[ξ] (kareler, OC) * U[ξ] (OC, Cp), sonra her
 * kare için dd = B dV Bᵀ dolgulu dXp'ye (NHWC) vektörlerle toplanır (kareler üst üste
 * biner), en sonda NCHW dinp'e eklenir. */
static void wg_dinp_chunk(float *dinp, float *dXp, const float *U, const float *M, const WgPlan *P,
                          int nb, int C, int H, int Wd, int OC, int p) {
    int T = nb * P->TT, Cp = P->Cp, OCp = P->OCp;
    memset(dXp, 0, (size_t)nb * P->PH * P->PW * Cp * sizeof(float));
    float acc[36][WG_DR][WG_DC];
    for (int t0 = 0; t0 < T; t0 += WG_DR) {
        int rows = T - t0 < WG_DR ? T - t0 : WG_DR;
        for (int c0 = 0; c0 < Cp; c0 += WG_DC) {
            for (int x = 0; x < 36; x++)
                wg_kernel(WG_DR, WG_DC, &acc[x][0][0], M + ((size_t)x * P->Tc + t0) * OCp,
                          (size_t)OCp, 1, rows, U + (size_t)x * OC * Cp + c0, Cp, OC);
            for (int r = 0; r < rows; r++) {
                int b, y0, x0;
                wg_tile(P, t0 + r, &b, &y0, &x0);
                for (int s0 = 0; s0 < WG_DC; s0 += 16) {
                    v16 dv[36], t[36], ddv[36];
                    for (int x = 0; x < 36; x++) dv[x] = ld16(&acc[x][r][s0]);
                    for (int j = 0; j < 6; j++) b6(t + j, 6, dv + j, 6);         /* sütunlar */
                    for (int i = 0; i < 6; i++) b6(ddv + 6 * i, 1, t + 6 * i, 1); /* satırlar */
                    float *base = dXp + (((size_t)b * P->PH + y0) * P->PW + x0) * Cp + c0 + s0;
                    for (int i = 0; i < 6; i++)
                        for (int j = 0; j < 6; j++) {
                            float *d = base + ((size_t)i * P->PW + j) * Cp;
                            st16(d, ld16(d) + ddv[i * 6 + j]);
                        }
                }
            }
        }
    }
    wg_unpad(dinp, P, dXp, nb, C, H, Wd, p);
}

static float *wg_U(float *work) { return (float *)(((uintptr_t)work + 63) & ~(uintptr_t)63); }
static float *wg_slot(float *work, const WgPlan *P, int sl) {
    return wg_U(work) + P->u_floats + (size_t)sl * P->slot_floats;
}

/* out verilirse evrişim çıkışı NCHW'ye yazılır; verilmezse ReLU + 2x2 max pooling
 * (pooled, argmax) alınır. */
static void wg_forward(float *out, float *pooled, int *argmax, const float *inp, const float *W,
                       const float *bias, int B, int C, int H, int Wd, int OC, int p, float *work) {
    WgPlan P = wg_plan(B, C, H, Wd, OC, p);
    float *U = wg_U(work), *Ut = U + (size_t)36 * OC * P.Cp;
    int OH = P.OH, OW = P.OW, N = OH * OW, PN = (OH / 2) * (OW / 2), OCp = P.OCp;
#pragma omp parallel if (P.nslots > 1)
    {
        wg_filters(U, Ut, W, OC, C, &P);
#pragma omp for schedule(static)
        for (int sl = 0; sl < P.nslots; sl++) {
            float *V = wg_slot(work, &P, sl);
            float *M = V + (size_t)36 * P.Tc * P.Cp;   /* ileri geçişte havuzun geçici alanı */
            float *Xp = M + (size_t)36 * P.Tc * OCp;
            float *Yb = Xp + (size_t)P.ch * P.PH * P.PW * P.Cp;
            for (int ci = sl; ci < P.nchunks; ci += P.nslots) {
                int b0 = ci * P.ch, nb = B - b0 < P.ch ? B - b0 : P.ch;
                if (pooled) V = wg_U(work) + P.vkeep_off + (size_t)ci * P.v_floats;   /* geri geçiş için saklanır */
                wg_pad(Xp, &P, inp + (size_t)b0 * C * H * Wd, nb, C, H, Wd, p);
                wg_input(V, &P, Xp, nb);
                wg_forward_chunk(Yb, Ut, V, bias, &P, nb, C, OC);
                for (int b = 0; b < nb; b++) {
                    const float *yb = Yb + (size_t)b * P.YH * P.YW * OCp;
                    if (out) {
                        for (int o = 0; o < OC; o++) {
                            float *d = out + ((size_t)(b0 + b) * OC + o) * N;
                            for (int y = 0; y < OH; y++)
                                for (int x = 0; x < OW; x++)
                                    d[y * OW + x] = yb[((size_t)y * P.YW + x) * OCp + o];
                        }
                    } else {
                        size_t q = (size_t)(b0 + b) * OC * PN;
                        conv_relu_pool2_nhwc(pooled, argmax, q, yb, P.YW, OH, OW, OC, OCp, M,
                                             (int *)(M + (size_t)PN * OCp));
                    }
                }
            }
        }
    }
}

void conv_winograd_forward(float *out, const float *inp, const float *W, const float *bias, int B,
                           int C, int H, int Wd, int OC, int p, float *work) {
    wg_forward(out, NULL, NULL, inp, W, bias, B, C, H, Wd, OC, p, work);
}

void conv_winograd_relu_pool2_forward(float *pooled, int *argmax, const float *inp, const float *W,
                                      const float *bias, int B, int C, int H, int Wd, int OC,
                                      int p, float *work) {
    wg_forward(NULL, pooled, argmax, inp, W, bias, B, C, H, Wd, OC, p, work);
}

static void wg_backward(float *dinp, float *dW, float *dbias, const float *dout,
                        const WgPool *pool, const float *inp, const float *W, int B, int C, int H,
                        int Wd, int OC, int p, float *work) {
    WgPlan P = wg_plan(B, C, H, Wd, OC, p);
    float *U = wg_U(work), *Ut = U + (size_t)36 * OC * P.Cp;
    float *part = U + P.part_off;
    /* Birleşik ReLU + 2x2 havuz yolu: ileri geçiş U'yu ve her parçanın V'sini work'te bıraktı */
    int kept = pool && pool->pk == 2;
#pragma omp parallel if (P.nslots > 1)
    {
        /* birleşik yolda U'yu ileri geçiş aynı ağırlıklarla kurdu (work'te duruyor) */
        if (dinp && !kept) wg_filters(U, Ut, W, OC, C, &P);
#pragma omp for schedule(static)
        for (int sl = 0; sl < P.nslots; sl++) {
            float *V = wg_slot(work, &P, sl);
            float *M = V + (size_t)36 * P.Tc * P.Cp;
            float *Xp = M + (size_t)36 * P.Tc * P.OCp;
            float *dYp = Xp + (size_t)P.ch * P.PH * P.PW * P.Cp;
            float *dUt = part + (size_t)sl * P.part_n, *dbp = dUt + (size_t)36 * C * P.OCp;
            memset(dUt, 0, P.part_n * sizeof(float));
            for (int ci = sl; ci < P.nchunks; ci += P.nslots) {
                int b0 = ci * P.ch, nb = B - b0 < P.ch ? B - b0 : P.ch;
                wg_dout_layout(dYp, M, &P, dout, pool, b0, nb, OC);   /* M: geçici alan */
                wg_dout(M, dbp, &P, dYp, nb);
                if (dW) {
                    const float *Vc = V;
                    if (kept)   /* birleşik ileri geçişin sakladığı V */
                        Vc = wg_U(work) + P.vkeep_off + (size_t)ci * P.v_floats;
                    else {
                        wg_pad(Xp, &P, inp + (size_t)b0 * C * H * Wd, nb, C, H, Wd, p);
                        wg_input(V, &P, Xp, nb);
                    }
                    wg_dw_chunk(dUt, Vc, M, &P, nb * P.TT, C);
                }
                if (dinp)
                    wg_dinp_chunk(dinp + (size_t)b0 * C * H * Wd, Xp, U, M, &P, nb, C, H, Wd, OC, p);
            }
        }
        if (dW) {
#pragma omp for schedule(static)
            for (int c = 0; c < C; c++) wg_filter_grad(dW, part, &P, c, C, OC);
        }
    }
    if (dbias)
        for (int o = 0; o < OC; o++) {
            float acc = 0.0f;
            for (int sl = 0; sl < P.nslots; sl++) acc += part[(size_t)sl * P.part_n + (size_t)36 * C * P.OCp + o];
            dbias[o] += acc;
        }
}

void conv_winograd_backward(float *dinp, float *dW, float *dbias, const float *dout,
                            const float *inp, const float *W, int B, int C, int H, int Wd, int OC,
                            int p, float *work) {
    wg_backward(dinp, dW, dbias, dout, NULL, inp, W, B, C, H, Wd, OC, p, work);
}

void conv_winograd_relu_pool_backward(float *dinp, float *dW, float *dbias, const float *dpooled,
                                      const int *argmax, const float *pooled, const float *inp,
                                      const float *W, int B, int C, int H, int Wd, int OC, int p,
                                      int pk, float *work) {
    WgPool pool = {dpooled, pooled, argmax, pk};
    wg_backward(dinp, dW, dbias, NULL, &pool, inp, W, B, C, H, Wd, OC, p, work);
}
