/*
 * photo.h — testler için "kâğıt fotoğrafı" üreticisi (test_handwriting, test_lesson04).
 *
 * Gri, gürültülü, ışığı bir yandan düşen bir kâğıda koyu mürekkeple bir rakam
 * çizer: ya düz çizgilerle (0, 1, 7; drawn_ink) ya da gerçek bir MNIST rakamını
 * büyütüp döndürerek (mnist_ink). Sonuç (H, W) gri uint8'dir; save() PNG ya da
 * JPEG yazar (stb_image_write). Her şey tohumludur: aynı tohum, aynı fotoğraf.
 * Dosyalar testin geçici klasörüne yazılır: tmpdir_make("/tmp/doaa_x_XXXXXX"),
 * tmp_path("ad.png"), tmpdir_remove() (DOAA_TEST_KEEP=1 ise klasör incelemek için kalır).
 */
#ifndef DOAA_TEST_PHOTO_H
#define DOAA_TEST_PHOTO_H
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include "doaa.h"
#include "stb_image_write.h"
#include "testutil.h"

#include <unistd.h>

static char g_dir[256]; /* testin geçici klasörü */

__attribute__((unused)) static void tmpdir_make(const char *pattern) {
    snprintf(g_dir, sizeof g_dir, "%s", pattern);
    ck_assert_ptr_nonnull(mkdtemp(g_dir));
}

__attribute__((unused)) static const char *tmp_path(const char *name) {
    static char buf[4][512];
    static int k;
    char *b = buf[k++ & 3];
    snprintf(b, sizeof buf[0], "%s/%s", g_dir, name);
    return b;
}

__attribute__((unused)) static void tmpdir_remove(void) {
    if (getenv("DOAA_TEST_KEEP")) {
        fprintf(stderr, "test dosyaları bırakıldı: %s\n", g_dir);
        return;
    }
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
    if (system(cmd) != 0) fprintf(stderr, "'%s' silinemedi\n", g_dir);
}

typedef struct {
    int W, H;                 /* tuval */
    float paper, ink;         /* kağıt ve mürekkep gri düzeyi */
    float grad;               /* soldan sağa ışık düşüşü (gri düzey) */
    float noise;              /* Gauss gürültüsünün standart sapması */
    float cx, cy, size, deg;  /* rakamın merkezi, yüksekliği (piksel), açısı */
    int border;               /* >0: kenarda bu kalınlıkta koyu masa şeridi */
} Photo;

/* Rakam koordinatları: (u,v) ∈ [0,1]², v aşağı doğru. alpha(u,v) ∈ [0,1] mürekkep. */
typedef float (*InkFn)(float u, float v, float px, const void *ctx);

static float seg_dist(float u, float v, float x0, float y0, float x1, float y1) {
    float dx = x1 - x0, dy = y1 - y0, t = ((u - x0) * dx + (v - y0) * dy) / (dx * dx + dy * dy);
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    float ex = u - (x0 + t * dx), ey = v - (y0 + t * dy);
    return sqrtf(ex * ex + ey * ey);
}

typedef struct {
    int digit;
    float half; /* çizgi yarı kalınlığı, rakam yüksekliğine oranla */
} Drawn;

/* Çizilmiş 0, 1, 7 (kalın çizgiler); px: bir pikselin rakam birimindeki boyu (kenar yumuşatma) */
__attribute__((unused)) static float drawn_ink(float u, float v, float px, const void *ctx) {
    const Drawn *d = ctx;
    float dist;
    if (d->digit == 1) dist = seg_dist(u, v, 0.56f, 0.05f, 0.46f, 0.95f);
    else if (d->digit == 7)
        dist = fminf(seg_dist(u, v, 0.18f, 0.08f, 0.84f, 0.08f), seg_dist(u, v, 0.84f, 0.08f, 0.42f, 0.95f));
    else { /* 0: elips halkası, yarıçaplar 0,28 x 0,44 */
        float a = 0.28f, b = 0.44f, x = (u - 0.5f) / a, y = (v - 0.5f) / b;
        float r = sqrtf(x * x + y * y);
        dist = fabsf(r - 1.0f) * fminf(a, b);
    }
    float al = (d->half - dist) / px + 0.5f;
    return al < 0 ? 0 : (al > 1 ? 1 : al);
}

/* Gerçek bir MNIST rakamı (28x28, 255 mürekkep) çift doğrusal örneklenir. */
__attribute__((unused)) static float mnist_ink(float u, float v, float px, const void *ctx) {
    (void)px;
    const uint8_t *img = ctx;
    float x = u * 28.0f - 0.5f, y = v * 28.0f - 0.5f;
    int x0 = (int)floorf(x), y0 = (int)floorf(y);
    float fx = x - x0, fy = y - y0, s = 0;
    for (int dy = 0; dy <= 1; dy++)
        for (int dx = 0; dx <= 1; dx++) {
            int xx = x0 + dx, yy = y0 + dy;
            float w = (dx ? fx : 1 - fx) * (dy ? fy : 1 - fy);
            if (xx >= 0 && yy >= 0 && xx < 28 && yy < 28) s += w * img[yy * 28 + xx];
        }
    return s / 255.0f;
}

__attribute__((unused)) static uint8_t *render(const Photo *P, InkFn ink, const void *ctx, uint64_t seed) {
    uint8_t *px = malloc((size_t)P->W * P->H);
    Rng r;
    rng_seed(&r, seed);
    float c = cosf(P->deg * (float)M_PI / 180.0f), s = sinf(P->deg * (float)M_PI / 180.0f);
    for (int y = 0; y < P->H; y++)
        for (int x = 0; x < P->W; x++) {
            /* tuval -> rakam koordinatı: ters döndür, ölçekle */
            float dx = x + 0.5f - P->cx, dy = y + 0.5f - P->cy;
            float u = (c * dx + s * dy) / P->size + 0.5f, v = (-s * dx + c * dy) / P->size + 0.5f;
            float a = (u >= -0.1f && u <= 1.1f && v >= -0.1f && v <= 1.1f) ? ink(u, v, 1.0f / P->size, ctx) : 0;
            float paper = P->paper - P->grad * x / P->W;
            float val = paper * (1 - a) + P->ink * a + P->noise * rng_normal(&r);
            if (P->border && (x < P->border || y < P->border || x >= P->W - P->border || y >= P->H - P->border))
                val = 35 + P->noise * rng_normal(&r);
            px[(size_t)y * P->W + x] = (uint8_t)(val < 0 ? 0 : (val > 255 ? 255 : lroundf(val)));
        }
    return px;
}

__attribute__((unused)) static void save(const char *path, const uint8_t *px, int W, int H, int jpeg) {
    int ok = jpeg ? stbi_write_jpg(path, W, H, 1, px, 92) : stbi_write_png(path, W, H, 1, px, W);
    ck_assert_msg(ok, "'%s' yazılamadı", path);
}

#endif
