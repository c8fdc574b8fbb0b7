/* test_augment.c — veri artırma: çevirme, döndürme, yakınlaştırma, kaydırma ve
 * augment_batch'in özellikleri (birim dönüşümler, kütle kayması, değer aralığı,
 * tohumla belirlenimcilik). */
#include "doaa.h"
#include "testutil.h"

static void fill_rand(float *x, size_t n, uint64_t seed, float lo, float hi) {
    Rng r;
    rng_seed(&r, seed);
    for (size_t i = 0; i < n; i++) x[i] = lo + (hi - lo) * rng_uniform(&r);
}

/* Siyah zemin üzerinde ortada bir leke: kenarlara hiç değmez. img (H,W) */
static void blob(float *img, int H, int W, int cy, int cx, int r) {
    memset(img, 0, sizeof(float) * H * W);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int d2 = (y - cy) * (y - cy) + (x - cx) * (x - cx);
            if (d2 <= r * r) img[y * W + x] = 1.0f - (float)d2 / (float)(r * r + 1);
        }
}

static void center_of_mass(const float *img, int H, int W, double *my, double *mx, double *m) {
    double s = 0, sy = 0, sx = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            s += img[y * W + x];
            sy += y * (double)img[y * W + x];
            sx += x * (double)img[y * W + x];
        }
    *m = s;
    *my = sy / s;
    *mx = sx / s;
}

START_TEST(test_flip_twice_identity) {
    const int shapes[][4] = {{3, 2, 5, 7}, {2, 3, 4, 6}, {1, 1, 1, 1}};
    for (int k = 0; k < 3; k++) {
        int B = shapes[k][0], C = shapes[k][1], H = shapes[k][2], W = shapes[k][3];
        size_t n = (size_t)B * C * H * W;
        float *x = malloc(n * 4), *o = malloc(n * 4);
        fill_rand(x, n, 7 + k, -1, 1);
        memcpy(o, x, n * 4);
        augment_flip_h(x, B, C, H, W);
        if (W > 1) ck_assert_int_ne(memcmp(x, o, n * 4), 0);
        /* bir kez çevrilmiş: out[y][x] = in[y][W-1-x] */
        for (size_t r = 0; r < (size_t)B * C * H; r++)
            for (int j = 0; j < W; j++) ck_assert_float_eq(x[r * W + j], o[r * W + (W - 1 - j)]);
        augment_flip_h(x, B, C, H, W);
        ck_assert_int_eq(memcmp(x, o, n * 4), 0);
        free(x);
        free(o);
    }
}
END_TEST

START_TEST(test_identity_transforms) {
    int C = 3, H = 9, W = 12;
    size_t n = (size_t)C * H * W;
    float *x = malloc(n * 4), *o = malloc(n * 4);
    fill_rand(o, n, 11, 0, 1);
    for (int fill = 0; fill < 2; fill++) {
        memcpy(x, o, n * 4);
        augment_rotate(x, C, H, W, 0.0f, (AugFill)fill, 0.5f);
        ck_assert_int_eq(memcmp(x, o, n * 4), 0);
        augment_zoom(x, C, H, W, 1.0f, (AugFill)fill, 0.5f);
        ck_assert_int_eq(memcmp(x, o, n * 4), 0);
        augment_shift(x, C, H, W, 0.0f, 0.0f, (AugFill)fill, 0.5f);
        ck_assert_int_eq(memcmp(x, o, n * 4), 0);
    }
    /* Tam tur döndürme de (yuvarlama hatası dışında) aynı görüntüyü verir */
    memcpy(x, o, n * 4);
    augment_rotate(x, C, H, W, 360.0f, AUG_FILL_EDGE, 0.0f);
    for (size_t i = 0; i < n; i++) ck_assert_float_eq_tol(x[i], o[i], 1e-5f);
    /* Hepsi kapalı bir yapılandırma yığına dokunmaz */
    AugmentConfig ac = augment_config_default();
    Rng r;
    rng_seed(&r, 3);
    memcpy(x, o, n * 4);
    augment_batch(x, 1, C, H, W, &r, &ac);
    ck_assert_int_eq(memcmp(x, o, n * 4), 0);
    free(x);
    free(o);
}
END_TEST

START_TEST(test_shift_moves_mass) {
    int H = 28, W = 28;
    float a[28 * 28], b[28 * 28];
    blob(a, H, W, 13, 12, 5);
    double y0, x0, m0, y1, x1, m1;
    center_of_mass(a, H, W, &y0, &x0, &m0);
    /* Tam sayı kaydırma: her piksel aynen taşınır, kütle merkezi tam (3,-2) kayar */
    memcpy(b, a, sizeof a);
    augment_shift(b, 1, H, W, 3.0f, -2.0f, AUG_FILL_CONST, 0.0f);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int sy = y + 2, sx = x - 3;
            float want = (sy < 0 || sy >= H || sx < 0 || sx >= W) ? 0.0f : a[sy * W + sx];
            ck_assert_float_eq(b[y * W + x], want);
        }
    center_of_mass(b, H, W, &y1, &x1, &m1);
    ck_assert_close(m1, m0, 1e-6);
    ck_assert_close(x1 - x0, 3.0, 1e-6);
    ck_assert_close(y1 - y0, -2.0, 1e-6);
    /* Kesirli kaydırma: doğrusal ara değerleme kütleyi korur, merkez 1,5 piksel kayar */
    memcpy(b, a, sizeof a);
    augment_shift(b, 1, H, W, -1.5f, 2.25f, AUG_FILL_CONST, 0.0f);
    center_of_mass(b, H, W, &y1, &x1, &m1);
    ck_assert_close(m1, m0, 1e-5);
    ck_assert_close(x1 - x0, -1.5, 1e-5);
    ck_assert_close(y1 - y0, 2.25, 1e-5);
}
END_TEST

START_TEST(test_rotate_and_zoom_geometry) {
    int H = 11, W = 11, c = 5;  /* tek boyut: merkez bir pikselin tam ortası */
    float a[121], b[121];
    fill_rand(a, 121, 5, 0, 1);
    /* 90° (ekranda saat yönünün tersi): merkezin sağındaki piksel yukarıya gider */
    memcpy(b, a, sizeof a);
    augment_rotate(b, 1, H, W, 90.0f, AUG_FILL_EDGE, 0.0f);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int dy = y - c, dx = x - c;             /* çıkıştaki konum */
            int sx = c - dy, sy = c + dx;          /* girişte bakılan konum */
            ck_assert_float_eq_tol(b[y * W + x], a[sy * W + sx], 1e-5f);
        }
    /* 2 kat yakınlaştırma: merkez yerinde kalır, c+2d'deki piksel eskiden c+d'deydi */
    memcpy(b, a, sizeof a);
    augment_zoom(b, 1, H, W, 2.0f, AUG_FILL_EDGE, 0.0f);
    for (int d = -2; d <= 2; d++) {
        ck_assert_float_eq_tol(b[c * W + c + 2 * d], a[c * W + c + d], 1e-6f);
        ck_assert_float_eq_tol(b[(c + 2 * d) * W + c], a[(c + d) * W + c], 1e-6f);
    }
    /* Uzaklaştırma (0,5): leke küçülür, kütle yaklaşık 4'te birine iner */
    float g[28 * 28], z[28 * 28];
    blob(g, 28, 28, 13, 13, 6);
    memcpy(z, g, sizeof g);
    augment_zoom(z, 1, 28, 28, 0.5f, AUG_FILL_CONST, 0.0f);
    double y0, x0, m0, y1, x1, m1;
    center_of_mass(g, 28, 28, &y0, &x0, &m0);
    center_of_mass(z, 28, 28, &y1, &x1, &m1);
    ck_assert_msg(m1 > 0.2 * m0 && m1 < 0.3 * m0, "kütle oranı %g", m1 / m0);
}
END_TEST

START_TEST(test_batch_range_and_determinism) {
    int B = 16, C = 3, H = 20, W = 24;
    size_t D = (size_t)C * H * W, n = (size_t)B * D;
    float *o = malloc(n * 4), *x1 = malloc(n * 4), *x2 = malloc(n * 4);
    fill_rand(o, n, 21, -0.7f, 2.5f);
    AugmentConfig ac = augment_config_default();
    ac.flip = 1;
    ac.rotate_deg = 25;
    ac.zoom = 0.2f;
    ac.shift = 0.15f;
    for (int fill = 0; fill < 2; fill++) {
        ac.fill = (AugFill)fill;
        ac.fill_value = 0.3f;  /* aralığın içinde */
        memcpy(x1, o, n * 4);
        memcpy(x2, o, n * 4);
        Rng r1, r2;
        rng_seed(&r1, 99);
        rng_seed(&r2, 99);
        augment_batch(x1, B, C, H, W, &r1, &ac);
        augment_batch(x2, B, C, H, W, &r2, &ac);
        ck_assert_int_eq(memcmp(x1, x2, n * 4), 0);   /* aynı tohum, aynı sonuç */
        ck_assert_int_ne(memcmp(x1, o, n * 4), 0);    /* gerçekten değişti */
        for (int b = 0; b < B; b++) {
            float lo = INFINITY, hi = -INFINITY;
            for (size_t i = 0; i < D; i++) {
                lo = fminf(lo, o[b * D + i]);
                hi = fmaxf(hi, o[b * D + i]);
            }
            for (size_t i = 0; i < D; i++) {
                float v = x1[b * D + i];
                ck_assert_msg(v >= lo - 1e-5f && v <= hi + 1e-5f, "görüntü %d: %g, aralık [%g,%g]",
                              b, v, lo, hi);
            }
        }
        /* Başka tohum, başka dönüşümler */
        memcpy(x2, o, n * 4);
        rng_seed(&r2, 100);
        augment_batch(x2, B, C, H, W, &r2, &ac);
        ck_assert_int_ne(memcmp(x1, x2, n * 4), 0);
    }
    free(o);
    free(x1);
    free(x2);
}
END_TEST

START_TEST(test_flip_probability) {
    /* Yalnızca çevirme açıkken görüntülerin yaklaşık yarısı çevrilir */
    int B = 400, W = 6;
    float *x = malloc((size_t)B * W * 4);
    for (int b = 0; b < B; b++)
        for (int j = 0; j < W; j++) x[b * W + j] = (float)j;
    AugmentConfig ac = augment_config_default();
    ac.flip = 1;
    Rng r;
    rng_seed(&r, 1);
    augment_batch(x, B, 1, 1, W, &r, &ac);
    int flipped = 0;
    for (int b = 0; b < B; b++) {
        if (x[b * W] == (float)(W - 1)) flipped++;
        else ck_assert_float_eq(x[b * W], 0.0f);
    }
    ck_assert_msg(flipped > 160 && flipped < 240, "%d/%d çevrildi", flipped, B);
    free(x);
}
END_TEST

/* Renk artırması: kanal karıştırma bir sıralamadır (her kanal bir kez, içerik aynen taşınır),
 * kontrast/parlaklık out = c·in + o; grideki (C = 1) görüntüde karıştırma bir şey yapmaz. */
START_TEST(test_colour_augment) {
    enum { C = 3, H = 5, W = 4, HW = H * W };
    float img[C * HW], orig[C * HW];
    for (int c = 0; c < C; c++)
        for (int i = 0; i < HW; i++) orig[c * HW + i] = (float)(100 * c + i);
    Rng r;
    rng_seed(&r, 7);
    int seen_moved = 0;
    for (int t = 0; t < 20; t++) {
        memcpy(img, orig, sizeof img);
        augment_permute_channels(img, C, HW, &r);
        int used[C] = {0, 0, 0};
        for (int c = 0; c < C; c++) {
            int src = (int)(img[c * HW] / 100.0f + 0.5f);
            ck_assert(src >= 0 && src < C);
            used[src]++;
            seen_moved |= src != c;
            for (int i = 0; i < HW; i++) ck_assert_float_eq(img[c * HW + i], orig[src * HW + i]);
        }
        for (int c = 0; c < C; c++) ck_assert_int_eq(used[c], 1);
    }
    ck_assert_int_eq(seen_moved, 1);
    memcpy(img, orig, sizeof img);
    augment_colour(img, C, H, W, 1.5f, -2.0f);
    for (int i = 0; i < C * HW; i++) ck_assert_float_eq_tol(img[i], 1.5f * orig[i] - 2.0f, 1e-4f);
    /* augment_batch: yalnızca renk açıkken geometri değişmez; c ve o aralıkta kalır */
    AugmentConfig ac = augment_config_default();
    ac.contrast = 0.2f;
    ac.brightness = 0.3f;
    float g[HW], g0[HW];
    for (int i = 0; i < HW; i++) g0[i] = g[i] = (float)i;
    augment_batch(g, 1, 1, H, W, &r, &ac);
    /* out = c·in + o: iki pikselden c ve o geri bulunur */
    float c = g[1] - g[0], o = g[0];
    ck_assert(c >= 0.8f - 1e-5f && c <= 1.2f + 1e-5f);
    ck_assert(o >= -0.3f - 1e-5f && o <= 0.3f + 1e-5f);
    for (int i = 0; i < HW; i++) ck_assert_float_eq_tol(g[i], c * g0[i] + o, 1e-4f);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("augment");
    TCase *tc = tcase_create("dönüşümler");
    tcase_add_test(tc, test_flip_twice_identity);
    tcase_add_test(tc, test_identity_transforms);
    tcase_add_test(tc, test_shift_moves_mass);
    tcase_add_test(tc, test_rotate_and_zoom_geometry);
    tcase_add_test(tc, test_batch_range_and_determinism);
    tcase_add_test(tc, test_flip_probability);
    tcase_add_test(tc, test_colour_augment);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
