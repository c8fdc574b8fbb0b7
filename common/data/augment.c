/* augment.c — veri artırma: çevirme ve çift doğrusal afin dönüşüm (bkz. augment.h). */
#include "data/augment.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/util.h"

AugmentConfig augment_config_default(void) {
    AugmentConfig a;
    memset(&a, 0, sizeof a);
    a.fill = AUG_FILL_EDGE;
    return a;
}

/* x (B,C,H,W): her satırın iki ucundan ortaya doğru yer değiştir. */
void augment_flip_h(float *x, int B, int C, int H, int W) {
    for (long r = 0; r < (long)B * C * H; r++) {
        float *row = x + (size_t)r * W;
        for (int i = 0, j = W - 1; i < j; i++, j--) {
            float t = row[i];
            row[i] = row[j];
            row[j] = t;
        }
    }
}

/* Bir kanalın (H,W) düzlemindeki (y,x) pikseli; dışarıdaysa dolgu kuralı. */
static inline float pix(const float *plane, int H, int W, int y, int x, AugFill fill, float fv) {
    if (y < 0 || y >= H || x < 0 || x >= W) {
        if (fill == AUG_FILL_CONST) return fv;
        y = y < 0 ? 0 : (y >= H ? H - 1 : y);
        x = x < 0 ? 0 : (x >= W ? W - 1 : x);
    }
    return plane[(size_t)y * W + x];
}

/* dst (C,H,W) <- src (C,H,W). Her çıkış pikseli p için ters dönüşüm:
 *   d = p - c - t,  q = c + (1/s) [ d.x cosθ - d.y sinθ ,  d.x sinθ + d.y cosθ ]
 * (y aşağı doğru büyüdüğü için bu, ekranda saat yönünün tersine θ döndürmenin tersidir.) */
void augment_affine(float *dst, const float *src, int C, int H, int W, float deg, float scale,
                    float tx, float ty, AugFill fill, float fill_value) {
    if (!(scale > 0.0f) || !isfinite(scale) || !isfinite(deg) || !isfinite(tx) || !isfinite(ty))
        die("augment_affine: geçersiz parametre (açı %g, ölçek %g, kaydırma %g,%g)", (double)deg,
            (double)scale, (double)tx, (double)ty);
    double th = (double)deg * M_PI / 180.0;
    double cs = cos(th), sn = sin(th), inv = 1.0 / (double)scale;
    double cx = 0.5 * (W - 1), cy = 0.5 * (H - 1);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            double dx = (double)x - cx - tx, dy = (double)y - cy - ty;
            double qx = cx + inv * (dx * cs - dy * sn);
            double qy = cy + inv * (dx * sn + dy * cs);
            double flx = floor(qx), fly = floor(qy);
            float fx = (float)(qx - flx), fy = (float)(qy - fly);
            /* Çok uzağa düşen noktalar (büyük kaydırma) int'e çevrilirken taşmasın; sonuç
             * değişmez, çünkü görüntünün dışı zaten kenar ya da dolgu değeridir. */
            int x0 = flx < -2.0 * W ? -2 * W : flx > 2.0 * W ? 2 * W : (int)flx;
            int y0 = fly < -2.0 * H ? -2 * H : fly > 2.0 * H ? 2 * H : (int)fly;
            float w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
            for (int c = 0; c < C; c++) {
                const float *pl = src + (size_t)c * H * W;
                float v = w00 * pix(pl, H, W, y0, x0, fill, fill_value);
                /* Ağırlığı 0 olan komşuyu hiç okumayız: tam sayı konumda sonuç tam olarak
                 * kaynak pikselin kendisidir (0° döndürme birebir aynıdır). */
                if (w01 != 0.0f) v += w01 * pix(pl, H, W, y0, x0 + 1, fill, fill_value);
                if (w10 != 0.0f) v += w10 * pix(pl, H, W, y0 + 1, x0, fill, fill_value);
                if (w11 != 0.0f) v += w11 * pix(pl, H, W, y0 + 1, x0 + 1, fill, fill_value);
                dst[(size_t)c * H * W + (size_t)y * W + x] = v;
            }
        }
}

static void affine_inplace(float *img, int C, int H, int W, float deg, float scale, float tx,
                           float ty, AugFill fill, float fv) {
    size_t n = (size_t)C * H * W;
    float *tmp = xmalloc(n * sizeof(float));
    memcpy(tmp, img, n * sizeof(float));
    augment_affine(img, tmp, C, H, W, deg, scale, tx, ty, fill, fv);
    free(tmp);
}

void augment_rotate(float *img, int C, int H, int W, float deg, AugFill fill, float fv) {
    affine_inplace(img, C, H, W, deg, 1.0f, 0.0f, 0.0f, fill, fv);
}

void augment_zoom(float *img, int C, int H, int W, float scale, AugFill fill, float fv) {
    affine_inplace(img, C, H, W, 0.0f, scale, 0.0f, 0.0f, fill, fv);
}

void augment_shift(float *img, int C, int H, int W, float tx, float ty, AugFill fill, float fv) {
    affine_inplace(img, C, H, W, 0.0f, 1.0f, tx, ty, fill, fv);
}

/* [-r, r] aralığından düzgün bir sayı */
static float sym(Rng *rng, float r) { return (2.0f * rng_uniform(rng) - 1.0f) * r; }

void augment_colour(float *img, int C, int H, int W, float contrast, float offset) {
    size_t D = (size_t)C * H * W;
    for (size_t i = 0; i < D; i++) img[i] = contrast * img[i] + offset;
}

void augment_permute_channels(float *img, int C, int HW, Rng *rng) {
    int perm[8];
    if (C > 8) return;
    for (int c = 0; c < C; c++) perm[c] = c;
    rng_shuffle(rng, perm, C);
    float *tmp = xmalloc((size_t)C * HW * sizeof(float));
    memcpy(tmp, img, (size_t)C * HW * sizeof(float));
    for (int c = 0; c < C; c++) memcpy(img + (size_t)c * HW, tmp + (size_t)perm[c] * HW, (size_t)HW * sizeof(float));
    free(tmp);
}

void augment_batch(float *x, int B, int C, int H, int W, Rng *rng, void *ctx) {
    const AugmentConfig *a = ctx;
    if (!a) return;
    size_t D = (size_t)C * H * W;
    int geo = a->rotate_deg > 0 || a->zoom > 0 || a->shift > 0;
    float *tmp = geo ? xmalloc(D * sizeof(float)) : NULL;
    for (int b = 0; b < B; b++) {
        float *img = x + (size_t)b * D;
        if (a->flip && rng_uniform(rng) < 0.5f) augment_flip_h(img, 1, C, H, W);
        if (a->channel_shuffle && C > 1) augment_permute_channels(img, C, H * W, rng);
        if (a->brightness > 0 || a->contrast > 0) {
            float c = a->contrast > 0 ? 1.0f + sym(rng, a->contrast) : 1.0f;
            float o = a->brightness > 0 ? sym(rng, a->brightness) : 0.0f;
            augment_colour(img, C, H, W, c, o);
        }
        if (!geo) continue;
        float deg = a->rotate_deg > 0 ? sym(rng, a->rotate_deg) : 0.0f;
        float s = a->zoom > 0 ? 1.0f + sym(rng, a->zoom) : 1.0f;
        float tx = a->shift > 0 ? sym(rng, a->shift) * (float)W : 0.0f;
        float ty = a->shift > 0 ? sym(rng, a->shift) * (float)H : 0.0f;
        memcpy(tmp, img, D * sizeof(float));
        augment_affine(img, tmp, C, H, W, deg, s, tx, ty, a->fill, a->fill_value);
    }
    free(tmp);
}
