/* conv.c — evrişimin referans döngüleri ve hızlı yolların seçimi (bkz. conv.h).
 * Hızlı yollar: conv_im2col.c (im2col + mikro-çekirdekler), conv_winograd.c
 * (Winograd F(4x4,3x3)) ve conv_direct.c (tek giriş kanallı 3x3); iç arayüzleri
 * conv_paths.h'de. */
#include "nn/conv.h"
#include <stdint.h>
#include <string.h>
#include "nn/conv_paths.h"
#include "nn/pool.h"

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

/* ---- Ayar: parça boyu ve yuva sayısı (bkz. conv_im2col.c'nin plan açıklaması) ---- */

#define CONV_CHUNK_FLOATS (384u * 1024u) /* bir parçanın col+dT'si ~1.5 MB */
#define CONV_SLOTS 4                     /* en çok 4 çekirdek birlikte çalışır */
static size_t g_chunk_floats = CONV_CHUNK_FLOATS;
static int g_slots = CONV_SLOTS;

void conv_split(int B, size_t per, int mult, int *chunk, int *nchunks, int *nslots) {
    int ch = (int)(g_chunk_floats / per);
    if (ch < 1) ch = 1;
    if (mult > 1 && ch >= mult) ch = ch / mult * mult;
    if (ch > B) ch = B;
    int nch = (B + ch - 1) / ch;
    /* Yuvalara dengeli dağılsın: parça sayısını yuva sayısının katına yuvarla */
    int S = g_slots;
    if (nch > 1 && nch % S && B >= S * ((nch + S - 1) / S)) {
        nch = ((nch + S - 1) / S) * S;
        ch = (B + nch - 1) / nch;
        nch = (B + ch - 1) / ch;
    }
    *chunk = ch;
    *nchunks = nch;
    *nslots = nch < S ? nch : S;
}

void conv2d_set_tuning(size_t chunk_floats, int slots) {
    g_chunk_floats = chunk_floats ? chunk_floats : CONV_CHUNK_FLOATS;
    g_slots = slots > 0 ? slots : CONV_SLOTS;
}

/* ---- Yol seçimi ---- */

int conv2d_uses_winograd(int C, int k, int s) { return k == 3 && s == 1 && C >= CONV_WG_MIN_C; }

/* Tek giriş kanallı 3x3, adım 1: doğrudan yol (conv_direct.c) */
static int uses_direct(int C, int k, int s) { return C == 1 && k == 3 && s == 1; }

size_t conv2d_work_size(int B, int C, int H, int Wd, int OC, int k, int s, int p) {
    /* Yuvarlamalar yüzünden daha küçük bir yığın (ör. son yığın) biraz daha çok
     * yer isteyebilir: 1..B arasındaki her yığın boyunun planına bakılır (ucuz). */
    size_t need = 0;
    for (int b = 1; b <= (B < 1 ? 1 : B); b++) {
        size_t t = conv2d_uses_winograd(C, k, s) ? conv_winograd_work_total(b, C, H, Wd, OC, p)
                                                 : conv_im2col_work_total(b, C, H, Wd, OC, k, s, p);
        if (t > need) need = t;
        /* doğrudan yol; giriş gradyanı istenirse aynı şekil im2col'dan geçer (yukarıda) */
        if (uses_direct(C, k, s) && conv_direct_work_total(b, H, Wd, OC, p) > need)
            need = conv_direct_work_total(b, H, Wd, OC, p);
    }
    return need;
}

void conv2d_forward(float *out, const float *inp, const float *W, const float *bias, int B, int C,
                    int H, int Wd, int OC, int k, int s, int p, float *work) {
    if (B < 1) return;
    if (conv2d_uses_winograd(C, k, s))
        conv_winograd_forward(out, inp, W, bias, B, C, H, Wd, OC, p, work);
    else if (uses_direct(C, k, s))
        conv_direct_forward(out, inp, W, bias, B, H, Wd, OC, p, work);
    else
        conv_im2col_forward(out, inp, W, bias, B, C, H, Wd, OC, k, s, p, work);
}

void conv2d_backward(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                     const float *W, int B, int C, int H, int Wd, int OC, int k, int s, int p,
                     float *work) {
    if (B < 1 || (!dinp && !dW && !dbias)) return;
    if (conv2d_uses_winograd(C, k, s))
        conv_winograd_backward(dinp, dW, dbias, dout, inp, W, B, C, H, Wd, OC, p, work);
    else if (uses_direct(C, k, s) && !dinp)
        conv_direct_backward(dW, dbias, dout, NULL, NULL, NULL, 0, inp, B, H, Wd, OC, p, work);
    else
        conv_im2col_backward(dinp, dW, dbias, dout, inp, W, B, C, H, Wd, OC, k, s, p, work);
}

/* ---- Evrişim + ReLU + max pooling ----
 * im2col yolu parça parça birleştirir (evrişimin büyük çıkışı belleğe hiç yazılmaz).
 * Winograd ve doğrudan yol, 2x2 havuzu "kanal en içte" parça tamponundan alır
 * (conv_relu_pool2_nhwc); geri geçişte havuzun gradyanını doğrudan kendi düzenlerine
 * yazarlar. Başka pencere boyunda evrişim çıkışı y'ye yazılır, havuz ReLU ile birlikte
 * tek geçişte alınır (maxpool2d_relu_*). */

int conv2d_relu_pool_argmax_nhwc(int C, int k, int s, int OC, int pk) {
    return pk == 2 && conv_pool2_argmax_nhwc(OC) &&
           (uses_direct(C, k, s) || conv2d_uses_winograd(C, k, s));
}

void conv2d_relu_pool_forward(float *pooled, int *argmax, float *y, const float *inp,
                              const float *W, const float *bias, int B, int C, int H, int Wd,
                              int OC, int k, int s, int p, int pk, float *work) {
    if (B < 1) return;
    if (uses_direct(C, k, s)) {
        if (pk == 2) {
            conv_direct_relu_pool2_forward(pooled, argmax, inp, W, bias, B, H, Wd, OC, p, work);
            return;
        }
        conv_direct_forward(y, inp, W, bias, B, H, Wd, OC, p, work);
        maxpool2d_relu_forward(pooled, argmax, y, B, OC, conv_out_dim(H, k, s, p),
                               conv_out_dim(Wd, k, s, p), pk);
        return;
    }
    if (!conv2d_uses_winograd(C, k, s)) {
        conv_im2col_relu_pool_forward(pooled, argmax, inp, W, bias, B, C, H, Wd, OC, k, s, p, pk,
                                      work);
        return;
    }
    if (pk == 2) {
        conv_winograd_relu_pool2_forward(pooled, argmax, inp, W, bias, B, C, H, Wd, OC, p, work);
        return;
    }
    int OH = conv_out_dim(H, k, s, p), OW = conv_out_dim(Wd, k, s, p);
    conv_winograd_forward(y, inp, W, bias, B, C, H, Wd, OC, p, work);
    maxpool2d_relu_forward(pooled, argmax, y, B, OC, OH, OW, pk);
}

void conv2d_relu_pool_backward(float *dinp, float *dW, float *dbias, float *y,
                               const float *dpooled, const int *argmax, const float *pooled,
                               const float *inp, const float *W, int B, int C, int H, int Wd,
                               int OC, int k, int s, int p, int pk, float *work) {
    if (B < 1 || (!dinp && !dW && !dbias)) return;
    if (uses_direct(C, k, s) && !dinp) {
        conv_direct_backward(dW, dbias, NULL, dpooled, argmax, pooled, pk, inp, B, H, Wd, OC, p,
                             work);
        return;
    }
    if (uses_direct(C, k, s) && conv2d_relu_pool_argmax_nhwc(C, k, s, OC, pk)) {
        /* Doğrudan yolun giriş gradyanı (nadir: ilk katmandan girişe gradyan, ör. girişe
         * göre duyarlılık) im2col'dan geçer. argmax kanal en içte düzende olduğundan
         * evrişim çıkışının gradyanı önce y'de açıkça kurulur. */
        int OH = conv_out_dim(H, k, s, p), OW = conv_out_dim(Wd, k, s, p), PN = (OH / 2) * (OW / 2);
        memset(y, 0, (size_t)B * OC * OH * OW * sizeof(float));
        const int8_t *am8 = (const int8_t *)argmax;
        for (int b = 0; b < B; b++)
            for (int q = 0; q < PN; q++)
                for (int o = 0; o < OC; o++) {
                    int a = am8[((size_t)b * PN + q) * OC + o];   /* -1: ReLU kapısı kapalı */
                    int py = q / (OW / 2), px = q % (OW / 2);
                    if (a >= 0)
                        y[((size_t)b * OC + o) * OH * OW + (2 * py + (a >> 1)) * OW + 2 * px + (a & 1)] =
                            dpooled[((size_t)b * OC + o) * PN + q];
                }
        conv_im2col_backward(dinp, dW, dbias, y, inp, W, B, C, H, Wd, OC, k, s, p, work);
        return;
    }
    if (!conv2d_uses_winograd(C, k, s)) {
        conv_im2col_relu_pool_backward(dinp, dW, dbias, dpooled, argmax, pooled, inp, W, B, C, H,
                                       Wd, OC, k, s, p, pk, work);
        return;
    }
    /* Havuzun gradyanı doğrudan Winograd'ın NHWC gradyan düzenine yazılır (y kullanılmaz) */
    (void)y;
    conv_winograd_relu_pool_backward(dinp, dW, dbias, dpooled, argmax, pooled, inp, W, B, C, H, Wd,
                                     OC, p, pk, work);
}
