/* conv_direct.c — tek giriş kanallı 3x3 evrişimin doğrudan yolu (bkz. conv.h, "DOĞRUDAN"):
 * C = 1, k = 3, adım 1 (ders 04'ün ilk katmanı: 1 -> 32 kanal, 28x28).
 *
 * Neden ayrı bir yol? im2col'da bu katmanın matris çarpımı (OC x 9) * (9 x piksel)
 * olur: toplama boyu yalnızca 9 olduğundan mikro-çekirdek işinin çoğunu toplayıcıları
 * sıfırlamaya ve yazmaya harcar, im2col da 9 satırlık büyük bir kopya yazar. Burada
 * çıkış kanalları vektör şeritleridir (16'şar): 9 filtre değeri x 32 kanal, 18 vektör
 * olarak yazmaçlarda durur; her çıkış pikseli için 9 giriş sayısı bütün şeritlere
 * yayılır ve 18 FMA yapılır:
 *     y[piksel][o] = bias[o] + Σ_t x[piksel + t] * W[o][t]      (t: 3x3 filtrenin 9 konumu)
 * Çıkış önce örnek başına "kanal en içte" (piksel, OCp) tamponuna yazılır. Eğitimde
 * ReLU + 2x2 max pooling bu tampondan vektörlerle (16 kanal birlikte) alınır; yalnızca
 * küçük havuz çıkışı NCHW'ye yazılır. Değerlendirmede tampon NCHW çıkışa devrilir;
 * iki kipte evrişim çıkışı bit düzeyinde aynıdır (aynı hesap, aynı sıra).
 *
 * Geri geçiş yalnızca dW ve dbias içindir (ilk katmanın giriş gradyanı gerekmez; dinp
 * istenirse conv.c im2col yoluna gider):
 *     dW[o][t] += Σ_piksel dY[piksel][o] * x[piksel + t],   dbias[o] += Σ dY[piksel][o]
 * dY örnek başına aynı (piksel, OCp) düzenine kurulur (havuzdan: her pencerenin
 * argmax'ına); 9 x 2 toplayıcı vektör bütün parça boyunca yazmaçlarda kalır.
 *
 * İş parçacıkları: yığın sabit sayıda (CONV_DIRECT_SLOTS) bitişik örnek aralığına bölünür;
 * her yuvanın kısmi dW'si ayrı tutulur ve yuva sırasıyla toplanır: sonuç iş parçacığı
 * sayısından bağımsızdır. */
#include <stdint.h>
#include <string.h>
#include "core/simd.h"
#include "nn/conv.h"
#include "nn/conv_paths.h"
#include "nn/pool.h"

#define CONV_DIRECT_SLOTS 4

typedef struct {
    int OH, OW, PH, PW, OCp, N;   /* çıkış; dolgulu giriş; OC 32'nin katına; N = OH*OW */
    int nslots;
    size_t slot_floats;
} DirPlan;

static DirPlan dir_plan(int B, int H, int Wd, int OC, int p) {
    DirPlan P;
    P.OH = conv_out_dim(H, 3, 1, p);
    P.OW = conv_out_dim(Wd, 3, 1, p);
    P.PH = H + 2 * p;
    P.PW = Wd + 2 * p;
    P.OCp = (OC + 31) & ~31;
    P.N = P.OH * P.OW;
    P.nslots = B < CONV_DIRECT_SLOTS ? B : CONV_DIRECT_SLOTS;
    if (P.nslots < 1) P.nslots = 1;
    /* yuva: çıkış/gradyan tamponu (N, OCp) | dolgulu giriş (PH*PW) | filtre (9+1, OCp)
     * | kısmi dW ve dbias (9+1, OCp) | geçici alan (N, OCp): ileri geçişte havuz çıkışı ve argmax (kanal en içte,
     * 2 x PN x OCp <= N x OCp), geri geçişte ReLU kapısından geçmiş havuz gradyanı */
    P.slot_floats = (size_t)2 * P.N * P.OCp + (size_t)P.PH * P.PW + (size_t)20 * P.OCp;
    return P;
}

size_t conv_direct_work_total(int B, int H, int Wd, int OC, int p) {
    DirPlan P = dir_plan(B, H, Wd, OC, p);
    return (size_t)P.nslots * P.slot_floats;
}

/* Yuvanın filtresi: wv[t][o] = W[o][t] (t < 9), wv[9][o] = bias[o]; o >= OC sütunları 0 */
static void dir_weights(float *wv, const float *W, const float *bias, int OC, int OCp) {
    memset(wv, 0, (size_t)10 * OCp * sizeof(float));
    for (int o = 0; o < OC; o++) {
        for (int t = 0; t < 9; t++) wv[t * OCp + o] = W[o * 9 + t];
        wv[9 * OCp + o] = bias ? bias[o] : 0.0f;
    }
}

/* Dolgulu giriş düzlemi (p = 0 ise kopya gerekmez: girişin kendisi döner) */
static const float *dir_pad(float *Xp, const DirPlan *P, const float *img, int H, int Wd, int p) {
    if (p == 0) return img;
    memset(Xp, 0, (size_t)P->PH * P->PW * sizeof(float));
    for (int h = 0; h < H; h++) memcpy(Xp + (size_t)(h + p) * P->PW + p, img + (size_t)h * Wd, Wd * sizeof(float));
    return Xp;
}

/* Bir örneğin evrişimi: yb[n][o] (N, OCp) = bias + Σ_t x * W, 32 kanallık gruplar halinde.
 * Dört piksel birlikte (8 bağımsız toplayıcı: FMA'nın gecikmesi gizlenir). */
static void dir_forward_sample(float *yb, const float *x, const float *wv, const DirPlan *P) {
    int OW = P->OW, PW = P->PW, OCp = P->OCp;
    for (int g = 0; g < OCp; g += 32) {
        v16 w0[9], w1[9];
        for (int t = 0; t < 9; t++) {
            w0[t] = ld16(wv + t * OCp + g);
            w1[t] = ld16(wv + t * OCp + g + 16);
        }
        v16 b0 = ld16(wv + 9 * OCp + g), b1 = ld16(wv + 9 * OCp + g + 16);
        for (int y = 0; y < P->OH; y++) {
            const float *r = x + (size_t)y * PW;
            float *out = yb + (size_t)y * OW * OCp + g;
            int xx = 0;
            for (; xx + 4 <= OW; xx += 4) {
                v16 a0[4], a1[4];
#pragma GCC unroll 4
                for (int u = 0; u < 4; u++) { a0[u] = b0; a1[u] = b1; }
#pragma GCC unroll 9
                for (int t = 0; t < 9; t++) {
                    const float *s = r + (t / 3) * PW + (t % 3) + xx;
#pragma GCC unroll 4
                    for (int u = 0; u < 4; u++) {
                        a0[u] += s[u] * w0[t];
                        a1[u] += s[u] * w1[t];
                    }
                }
#pragma GCC unroll 4
                for (int u = 0; u < 4; u++) {
                    st16(out + (size_t)(xx + u) * OCp, a0[u]);
                    st16(out + (size_t)(xx + u) * OCp + 16, a1[u]);
                }
            }
            for (; xx < OW; xx++) {
                v16 a0 = b0, a1 = b1;
#pragma GCC unroll 9
                for (int t = 0; t < 9; t++) {
                    float s = r[(t / 3) * PW + (t % 3) + xx];
                    a0 += s * w0[t];
                    a1 += s * w1[t];
                }
                st16(out + (size_t)xx * OCp, a0);
                st16(out + (size_t)xx * OCp + 16, a1);
            }
        }
    }
}

/* ReLU + 2x2 max pooling, bir örnek, "kanal en içte" evrişim çıkışından: yb[(y*ys + x)*OCp + o]
 * (ys: satır adımı, piksel). 16 kanal birlikte; seçim ve eşitlik kuralı maxpool2d_forward'unkiyle
 * aynı (eşitlikte ilk eleman), sonra ReLU (m > 0 ? m : 0). argmax, OH x OW düzlemindeki
 * indistir. Sonuç önce kanal en içte pt/at'ye (PN x OCp) yazılır, ardından ayrı bir geçişte
 * NCHW'ye (pooled: bu örneğin (OC, PN) düzlemi) devrilir: tek tek okumalar vektör
 * yazmalarının hemen ardından gelmesin.
 * argmax'ın düzeni: OC 16'nın katıysa "kanal en içte" (PN, OC) int8_t, pencere içindeki
 * konum dy*2 + dx, ReLU kapısı kapalıysa (havuz çıkışı 0) -1 — geri geçiş
 * (conv_pool2_grad_nhwc) onu devirmeden okur, pooled'a hiç bakmaz ve int'in dörtte biri
 * kadar bellek okur; değilse maxpool2d_relu_forward'unki gibi (OC, PN) int. */
void conv_relu_pool2_nhwc(float *pooled, int *argmax, size_t q, const float *yb, int ys, int OH,
                          int OW, int OC, int OCp, float *pt, int *at) {
    typedef int v16i __attribute__((vector_size(64)));
    typedef signed char v16b __attribute__((vector_size(16)));
    int PH2 = OH / 2, PW2 = OW / 2, PN = PH2 * PW2, nhwc = conv_pool2_argmax_nhwc(OC);
    int8_t *am8 = (int8_t *)argmax + q;   /* bayt düzeninde örneğin yeri */
    pooled += q;
    argmax += q;
    for (int py = 0; py < PH2; py++)
        for (int px = 0; px < PW2; px++) {
            int i0 = 2 * py * OW + 2 * px;
            const float *s0 = yb + ((size_t)2 * py * ys + 2 * px) * OCp, *s2 = s0 + (size_t)ys * OCp;
            for (int o0 = 0; o0 < OC; o0 += 16) {
                v16 v0 = ld16(s0 + o0), v1 = ld16(s0 + OCp + o0);
                v16 v2 = ld16(s2 + o0), v3 = ld16(s2 + OCp + o0);
                v16i c01 = v1 > v0, c23 = v3 > v2;   /* -1 / 0 */
                v16 m01, m23, m;
                v16i bi;
                memcpy(&bi, &v0, 64);
                { v16i x1; memcpy(&x1, &v1, 64); bi = (x1 & c01) | (bi & ~c01); }
                memcpy(&m01, &bi, 64);
                memcpy(&bi, &v2, 64);
                { v16i x3; memcpy(&x3, &v3, 64); bi = (x3 & c23) | (bi & ~c23); }
                memcpy(&m23, &bi, 64);
                v16i c = m23 > m01;
                { v16i a, d; memcpy(&a, &m23, 64); memcpy(&d, &m01, 64); bi = (a & c) | (d & ~c); }
                memcpy(&m, &bi, 64);
                v16i pos = -c01 + (-c) * (OW - c23 + c01) + i0;   /* c'ler -1/0: işaret çevrilir */
                v16i g = m > (v16){0};
                { v16i a; memcpy(&a, &m, 64); bi = a & g; }   /* ReLU */
                size_t qo = ((size_t)py * PW2 + px) * OCp + o0;
                memcpy(pt + qo, &bi, 64);
                if (nhwc) {   /* pencere içi konum dy*2 + dx (bayt); kapı kapalıysa -1 */
                    v16i k = (-c01 + (-c) * (2 - c23 + c01)) | ~g;
                    v16b kb = __builtin_convertvector(k, v16b);
                    memcpy(am8 + ((size_t)py * PW2 + px) * OC + o0, &kb, 16);
                } else
                    memcpy(at + qo, &pos, 64);
            }
        }
    int O16 = OC & ~15, Q16 = PN & ~15;
    for (int o0 = 0; o0 < O16; o0 += 16)
        for (int q0 = 0; q0 < Q16; q0 += 16) {   /* 16x16 bloklar yazmaçlarda devrilir */
            void *dp[16], *da[16];
            const void *sp[16], *sa[16];
            for (int i = 0; i < 16; i++) {
                sp[i] = pt + (size_t)(q0 + i) * OCp + o0;
                sa[i] = at + (size_t)(q0 + i) * OCp + o0;
                dp[i] = pooled + (size_t)(o0 + i) * PN + q0;
                da[i] = argmax + (size_t)(o0 + i) * PN + q0;
            }
            conv_tr16(dp, sp, 0);
            if (!nhwc) conv_tr16(da, sa, 0);
        }
    for (int o = 0; o < OC; o++)   /* kalan kenarlar tek tek */
        for (int q = o < O16 ? Q16 : 0; q < PN; q++) {
            pooled[(size_t)o * PN + q] = pt[(size_t)q * OCp + o];
            if (!nhwc) argmax[(size_t)o * PN + q] = at[(size_t)q * OCp + o];
        }
}

/* ReLU + 2x2 max pooling'in geri geçişi, bir örnek, "kanal en içte" gradyan düzlemine:
 * gb[(y*ys + x)*OCp + o] = havuzun gradyanı, (y, x) o kanalın penceresindeki argmax ise
 * (ReLU kapısı kapalıysa argmax -1'dir: hiçbir piksel almaz); pencerenin öbür pikselleri 0.
 * Yalnızca havuzun kapladığı 2*(OH/2) x 2*(OW/2) bölge ve o < OC şeritleri yazılır (gerisi
 * çağıranın). dpooled: bu örneğin (OC, PN) düzlemi; am8: conv_relu_pool2_nhwc'nin
 * "kanal en içte" (PN, OC) bayt düzeni (pencere içi konum dy*2 + dx). OC 16'nın katı.
 * tmp: en az PN*OCp float'lık geçici alan.
 * Nasıl: gradyan kanal en içe devrilir (conv_tr16); sonra her pencerenin 4 pikseli 16 kanal
 * birlikte, "argmax bu piksel mi?" seçimiyle yazılır: düzlemi sıfırlayıp tek tek dağıtmak
 * gerekmez. */
void conv_pool2_grad_nhwc(float *gb, int ys, int OH, int OW, int OC, int OCp,
                          const float *dpooled, const int8_t *am8, float *tmp) {
    typedef int v16i __attribute__((vector_size(64)));
    typedef signed char v16b __attribute__((vector_size(16)));
    int PW2 = OW / 2, PN = (OH / 2) * PW2, Q16 = PN & ~15;
    float *gt = tmp;
    for (int o0 = 0; o0 < OC; o0 += 16) {
        for (int qb = 0; qb < Q16; qb += 16) {
            void *dg[16];
            const void *sg[16];
            for (int i = 0; i < 16; i++) {
                sg[i] = dpooled + (size_t)(o0 + i) * PN + qb;
                dg[i] = gt + (size_t)(qb + i) * OCp + o0;
            }
            conv_tr16(dg, sg, 0);
        }
        for (int o = o0; o < o0 + 16; o++)
            for (int q = Q16; q < PN; q++) gt[(size_t)q * OCp + o] = dpooled[(size_t)o * PN + q];
    }
    for (int q = 0; q < PN; q++) {
        float *w0 = gb + ((size_t)2 * (q / PW2) * ys + 2 * (q % PW2)) * OCp;
        for (int o0 = 0; o0 < OC; o0 += 16) {
            v16i g;
            v16b ab;
            memcpy(&g, gt + (size_t)q * OCp + o0, 64);
            memcpy(&ab, am8 + (size_t)q * OC + o0, 16);
            v16i a = __builtin_convertvector(ab, v16i);
#pragma GCC unroll 4
            for (int k = 0; k < 4; k++) {
                v16i m = (a == k) & g;   /* eşleşen şeritte gradyan, yoksa 0 */
                memcpy(w0 + ((size_t)(k >> 1) * ys + (k & 1)) * OCp + o0, &m, 64);
            }
        }
    }
}

static void conv_direct_fwd_impl(float *out, float *pooled, int *argmax, const float *inp,
                                 const float *W, const float *bias, int B, int H, int Wd, int OC,
                                 int p, float *work) {
    DirPlan P = dir_plan(B, H, Wd, OC, p);
    int N = P.N, OCp = P.OCp, OW = P.OW;
    int PH2 = P.OH / 2, PW2 = P.OW / 2, PN = PH2 * PW2;
#pragma omp parallel for schedule(static) if (P.nslots > 1 && B > 1)
    for (int sl = 0; sl < P.nslots; sl++) {
        float *yb = work + (size_t)sl * P.slot_floats;
        float *Xp = yb + (size_t)N * OCp, *wv = Xp + (size_t)P.PH * P.PW;
        float *pt = wv + (size_t)20 * OCp;
        int *at = (int *)(pt + (size_t)PN * OCp);
        dir_weights(wv, W, bias, OC, OCp);
        int bs = (int)((long)B * sl / P.nslots), be = (int)((long)B * (sl + 1) / P.nslots);
        for (int b = bs; b < be; b++) {
            const float *x = dir_pad(Xp, &P, inp + (size_t)b * H * Wd, H, Wd, p);
            dir_forward_sample(yb, x, wv, &P);
            if (out) { /* NCHW'ye devir */
                for (int o = 0; o < OC; o++) {
                    float *d = out + ((size_t)b * OC + o) * N;
                    for (int n = 0; n < N; n++) d[n] = yb[(size_t)n * OCp + o];
                }
                continue;
            }
            conv_relu_pool2_nhwc(pooled, argmax, (size_t)b * OC * PN, yb,
                                 OW, P.OH, OW, OC, OCp, pt, at);
        }
    }
}

void conv_direct_forward(float *out, const float *inp, const float *W, const float *bias, int B,
                         int H, int Wd, int OC, int p, float *work) {
    conv_direct_fwd_impl(out, NULL, NULL, inp, W, bias, B, H, Wd, OC, p, work);
}

void conv_direct_relu_pool2_forward(float *pooled, int *argmax, const float *inp, const float *W,
                                    const float *bias, int B, int H, int Wd, int OC, int p,
                                    float *work) {
    conv_direct_fwd_impl(NULL, pooled, argmax, inp, W, bias, B, H, Wd, OC, p, work);
}

/* Geri geçiş (yalnızca dW, dbias). dout verilmişse (NCHW) o, yoksa havuzun gradyanı
 * (dpooled, argmax, pooled; pencere pk) kullanılır. */
void conv_direct_backward(float *dW, float *dbias, const float *dout, const float *dpooled,
                          const int *argmax, const float *pooled, int pk, const float *inp, int B,
                          int H, int Wd, int OC, int p, float *work) {
    DirPlan P = dir_plan(B, H, Wd, OC, p);
    int N = P.N, OCp = P.OCp, OW = P.OW, PW = P.PW;
#pragma omp parallel for schedule(static) if (P.nslots > 1 && B > 1)
    for (int sl = 0; sl < P.nslots; sl++) {
        float *gb = work + (size_t)sl * P.slot_floats;
        float *Xp = gb + (size_t)N * OCp, *part = Xp + (size_t)P.PH * P.PW + (size_t)10 * OCp;
        memset(part, 0, (size_t)10 * OCp * sizeof(float));
        int bs = (int)((long)B * sl / P.nslots), be = (int)((long)B * (sl + 1) / P.nslots);
        for (int b = bs; b < be; b++) {
            /* dY'yi (N, OCp) düzenine kur */
            if (!dout && pk == 2 && conv_pool2_argmax_nhwc(OC)) {
                /* 2x2 havuz: her pencerenin 4 pikselinden tam biri (argmax) gradyanı alır
                 * (conv_pool2_grad_nhwc); çıkışın boyu tek sayıysa havuzun dışında kalan
                 * son satır/sütun ve OC'den sonraki şeritler 0 */
                int PN = (P.OH / 2) * (P.OW / 2);
                size_t q0 = (size_t)b * OC * PN;
                float *gv = part + (size_t)10 * OCp;
                if (P.OH % 2 || P.OW % 2) memset(gb, 0, (size_t)N * OCp * sizeof(float));
                conv_pool2_grad_nhwc(gb, OW, P.OH, OW, OC, OCp, dpooled + q0,
                                     (const int8_t *)argmax + q0, gv);
                if (OCp > OC)
                    for (int n = 0; n < N; n++)
                        memset(gb + (size_t)n * OCp + OC, 0, (size_t)(OCp - OC) * sizeof(float));
            } else {
            memset(gb, 0, (size_t)N * OCp * sizeof(float));
            if (dout) {
                for (int o = 0; o < OC; o++) {
                    const float *s = dout + ((size_t)b * OC + o) * N;
                    for (int n = 0; n < N; n++) gb[(size_t)n * OCp + o] = s[n];
                }
            } else {
                /* Önce ReLU kapısı dalsız, vektörlerle (kapı rastgele: dal her seferinde
                 * yanlış tahmin edilirdi), sonra ayrı bir geçişte argmax'lara dağıtım */
                int PN = (P.OH / pk) * (P.OW / pk);
                size_t q0 = (size_t)b * OC * PN;
                float *gv = part + (size_t)10 * OCp;
#pragma omp simd
                for (int i = 0; i < OC * PN; i++)
                    gv[i] = pooled[q0 + i] > 0.0f ? dpooled[q0 + i] : 0.0f;
                for (int o = 0; o < OC; o++)
                    for (int q = 0; q < PN; q++)
                        gb[(size_t)argmax[q0 + (size_t)o * PN + q] * OCp + o] = gv[o * PN + q];
            }
            }
            const float *x = dir_pad(Xp, &P, inp + (size_t)b * H * Wd, H, Wd, p);
            for (int g = 0; g < OCp; g += 32) {
                v16 d0[10], d1[10];
                for (int t = 0; t < 10; t++) {
                    d0[t] = ld16(part + t * OCp + g);
                    d1[t] = ld16(part + t * OCp + g + 16);
                }
                for (int y = 0; y < P.OH; y++) {
                    const float *r = x + (size_t)y * PW;
                    const float *gr = gb + (size_t)y * OW * OCp + g;
                    for (int xx = 0; xx < OW; xx++) {
                        v16 g0 = ld16(gr + (size_t)xx * OCp), g1 = ld16(gr + (size_t)xx * OCp + 16);
#pragma GCC unroll 9
                        for (int t = 0; t < 9; t++) {
                            float s = r[(t / 3) * PW + (t % 3) + xx];
                            d0[t] += s * g0;
                            d1[t] += s * g1;
                        }
                        d0[9] += g0;
                        d1[9] += g1;
                    }
                }
                for (int t = 0; t < 10; t++) {
                    st16(part + t * OCp + g, d0[t]);
                    st16(part + t * OCp + g + 16, d1[t]);
                }
            }
        }
    }
    /* Kısmi toplamları yuva sırasıyla birleştir (iş parçacığı sayısından bağımsız) */
    for (int o = 0; o < OC; o++) {
        for (int t = 0; t < 10; t++) {
            float acc = 0.0f;
            for (int sl = 0; sl < P.nslots; sl++)
                acc += work[(size_t)sl * P.slot_floats + (size_t)N * OCp + (size_t)P.PH * P.PW +
                            (size_t)(10 + t) * OCp + o];
            if (t < 9 && dW) dW[o * 9 + t] += acc;
            if (t == 9 && dbias) dbias[o] += acc;
        }
    }
}
