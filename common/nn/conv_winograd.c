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
    /* ch*TT 16'nın katı olsun (boş şerit kalmasın) */
    conv_split(B, per, 16 / gcd(P.TT, 16), &P.ch, &P.nchunks, &P.nslots);
    int ch = P.ch;
    P.Tp = (ch * P.TT + 15) & ~15;
    P.u_floats = (size_t)36 * OC * P.Cp;
    P.slot_floats = (size_t)36 * P.Tp * (C + P.OCp) + (size_t)ch * C * P.PH * P.PW;
    P.part_n = (size_t)36 * C * P.OCp + OC;
    P.part_off = P.u_floats + (size_t)P.nslots * P.slot_floats;
    P.total = 16 + P.part_off + (size_t)P.nslots * P.part_n;
    return P;
}

size_t conv_winograd_work_total(int B, int C, int H, int Wd, int OC, int p) {
    return wg_plan(B, C, H, Wd, OC, p).total;
}

/* U[ξ][o][c] = (G g Gᵀ)[ξ],  g = W[o][c] (3x3).  U (36, OC, Cp); c >= C sütunları 0.
 * 16 kanal birlikte: her ξ için U'nun bitişik 16 sayısı tek seferde yazılır (ξ'ler
 * arasında OC*Cp'lik atlama var; kanal kanal yazmak her sayıda ayrı bir önbellek
 * satırına dokunurdu). */
static void wg_filter_transform(float *U, const float *W, int o, int OC, int C, int Cp) {
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
        for (int x = 0; x < 36; x++) memcpy(U + ((size_t)x * OC + o) * Cp + c0, u[x], sizeof u[x]);
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

/* Dönüşümler 16 şeridi birlikte işler: v16 = 16 float'lık vektör (core/simd.h). Şerit,
 * giriş dönüşümünde ve ileri geçişte 16 kare, geri geçişte 16 kanaldır. Tek boyutlu
 * dönüşümler matrislerin açık yazılmış halidir (sıfırlar atlanır); 2B dönüşüm
 * önce sütunlara, sonra satırlara uygulanır. */

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
                    for (int j = 0; j < 16; j += SIMD_W) stv(d + j, ldv(d + j) + ldv(acc[r] + j));
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

void conv_winograd_forward(float *out, const float *inp, const float *W, const float *bias, int B,
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

void conv_winograd_backward(float *dinp, float *dW, float *dbias, const float *dout,
                            const float *inp,
                            const float *W, int B, int C, int H, int Wd, int OC, int p,
                            float *work) {
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

