/* test_imgfolder.c — görüntü klasörü veri kümesi: testin kendi ürettiği
 * klasörlerle (renkli ve gri, PNG/JPEG/BMP, karışık boylar, bozuk bir dosya ve
 * bir metin dosyası) sınıf sırası, atlanan dosya sayısı, otomatik şekil, piksel
 * içeriği, tohumlu ayrım ve hatalı klasörler. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "doaa.h"
#include "data/image.h"
#include "data/imgfolder.h"
#include "lesson/predict.h"
#include "stb_image_write.h"
#include "testutil.h"

static char g_dir[256];

static const char *P(const char *rel) {
    static char buf[8][512];
    static int k;
    char *b = buf[k++ & 7];
    snprintf(b, sizeof buf[0], "%s/%s", g_dir, rel);
    return b;
}

static void setup(void) {
    snprintf(g_dir, sizeof g_dir, "/tmp/doaa_test_imgfolder_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(g_dir));
}

static void teardown(void) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
    ck_assert_int_eq(system(cmd), 0);
}

static void md(const char *rel) { ck_assert_int_eq(mkdir_p(P(rel)), 0); }

static void write_bytes(const char *path, const void *p, size_t n) {
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(p, 1, n, f), n);
    fclose(f);
}

/* Düz renkli (w x h x c) görüntü; kind: 0 png, 1 jpg, 2 bmp */
static void solid(const char *rel, int w, int h, int c, const uint8_t *rgb, int kind) {
    uint8_t *px = malloc((size_t)w * h * c);
    for (int i = 0; i < w * h; i++)
        for (int ch = 0; ch < c; ch++) px[i * c + ch] = rgb[ch];
    int ok = kind == 0 ? stbi_write_png(P(rel), w, h, c, px, w * c)
           : kind == 1 ? stbi_write_jpg(P(rel), w, h, c, px, 95)
                       : stbi_write_bmp(P(rel), w, h, c, px);
    ck_assert_int_ne(ok, 0);
    free(px);
}

/* Karışık klasör: kedi/ (5 dosya, 2'si okunamaz), kopek/ (5 dosya) */
static void make_mixed(void) {
    static const uint8_t green[3] = {0, 255, 0}, grey[1] = {90}, red[3] = {255, 0, 0},
                         blue[4] = {0, 0, 255, 255}, white[1] = {250};
    md("veri/kopek");
    md("veri/kedi");
    md("veri/.gizli_sinif");
    solid("veri/kopek/yesil.png", 30, 20, 3, green, 0);
    solid("veri/kopek/b.png", 40, 40, 3, red, 0);
    solid("veri/kopek/c.png", 17, 23, 4, blue, 0);     /* alfa kanallı */
    solid("veri/kopek/d.jpg", 50, 35, 3, red, 1);
    solid("veri/kopek/e.bmp", 16, 16, 1, grey, 2);
    solid("veri/kedi/gri1.png", 28, 28, 1, grey, 0);
    solid("veri/kedi/gri2.png", 28, 28, 1, white, 0);
    solid("veri/kedi/renkli.jpg", 64, 48, 3, blue, 1);
    const unsigned char bad[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4, 5};
    write_bytes(P("veri/kedi/bozuk.png"), bad, sizeof bad);
    write_bytes(P("veri/kedi/not.txt"), "merhaba\n", 8);
    write_bytes(P("veri/kedi/.DS_Store"), "xx", 2);          /* gizli: sayılmaz */
    write_bytes(P("veri/kok_dosyasi.txt"), "kök\n", 5);     /* kökteki dosya: yok sayılır */
    solid("veri/.gizli_sinif/x.png", 8, 8, 1, grey, 0);
}

START_TEST(test_mixed_folder_auto_shape) {
    make_mixed();
    ImageFolder f;
    char err[512];
    ImgFolderOpts o = {.quiet = 1};
    ck_assert_msg(imgfolder_load(P("veri"), &o, &f, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(f.nclasses, 2);
    ck_assert_str_eq(f.class_names[0], "kedi");
    ck_assert_str_eq(f.class_names[1], "kopek");
    ck_assert_int_eq(f.nfiles, 10);
    ck_assert_int_eq(f.skipped, 2);
    ck_assert_int_eq(f.set.n, 8);
    ck_assert_int_eq(f.class_counts[0], 3);
    ck_assert_int_eq(f.class_counts[1], 5);
    ck_assert_ptr_nonnull(strstr(f.first_skip, "veri/kedi/bozuk.png"));
    /* renkli dosya var -> 3 kanal; boylar karışık -> 64x64 */
    ck_assert_int_eq(f.set.channels, 3);
    ck_assert_int_eq(f.set.rows, IMGFOLDER_AUTO_SIDE);
    ck_assert_int_eq(f.set.cols, IMGFOLDER_AUTO_SIDE);
    int D = 3 * 64 * 64, found = 0;
    for (int i = 0; i < f.set.n; i++) {
        ck_assert_int_eq(f.set.labels[i], strstr(f.paths[i], "/kopek/") ? 1 : 0);
        if (strstr(f.paths[i], "yesil.png")) {   /* CHW: R düzlemi 0, G düzlemi 255 */
            found = 1;
            const uint8_t *im = f.set.images + (size_t)i * D;
            for (int j = 0; j < 64 * 64; j++) {
                ck_assert_int_eq(im[j], 0);
                ck_assert_int_eq(im[64 * 64 + j], 255);
                ck_assert_int_eq(im[2 * 64 * 64 + j], 0);
            }
        }
        if (strstr(f.paths[i], "gri1.png")) {    /* gri -> üç kanal eşit */
            const uint8_t *im = f.set.images + (size_t)i * D;
            ck_assert_int_eq(im[100], 90);
            ck_assert_int_eq(im[64 * 64 + 100], 90);
        }
    }
    ck_assert_int_eq(found, 1);
    char meta[256];
    ck_assert_int_gt(imgfolder_classes_meta(&f, meta, sizeof meta), 0);
    ck_assert_str_eq(meta, "classes=kedi,kopek");
    ck_assert_int_eq(imgfolder_classes_meta(&f, meta, 10), -1);
    ck_assert_int_eq(imgfolder_class_index(&f, "kopek"), 1);
    ck_assert_int_eq(imgfolder_class_index(&f, "at"), -1);
    /* data.h'nin Batcher'ı doğrudan çalışır: (B, C*H*W) [0,1] */
    Batcher bt;
    batcher_init(&bt, &f.set, NULL, f.set.n, 4);
    float *x = malloc((size_t)4 * D * sizeof(float));
    int y[4], B, tot = 0;
    Norm nm = {.kind = NORM_MINMAX, .mean = 0, .std = 1};
    while ((B = batcher_next(&bt, x, y, nm)) > 0) {
        for (int i = 0; i < B * D; i++) ck_assert(x[i] >= 0.0f && x[i] <= 1.0f);
        tot += B;
    }
    ck_assert_int_eq(tot, 8);
    free(x);
    batcher_free(&bt);
    imgfolder_free(&f);
}
END_TEST

/* En-boy oranı korunur: 120x40'lık bir görüntü (sol yarısı kırmızı, sağ yarısı mavi, ortada
 * beyaz bir kare) 60x60'a sığdırılır: genişlik 60, yükseklik 20, üstte ve altta 20'şer satır
 * kenar renginin ortalamasıyla dolgu. Gerilseydi (squash) kare 3 kat uzardı. */
START_TEST(test_aspect_kept_with_padding) {
    md("oran/a");
    int w = 120, h = 40;
    uint8_t *px = malloc((size_t)w * h * 3);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint8_t *p = px + ((size_t)y * w + x) * 3;
            int sq = x >= 50 && x < 70 && y >= 10 && y < 30;
            p[0] = sq ? 255 : (x < 60 ? 200 : 0);
            p[1] = sq ? 255 : 0;
            p[2] = sq ? 255 : (x < 60 ? 0 : 200);
        }
    ck_assert_int_ne(stbi_write_png(P("oran/a/genis.png"), w, h, 3, px, w * 3), 0);
    free(px);
    uint8_t dst[3 * 60 * 60], sq[3 * 60 * 60];
    char err[512];
    ck_assert_msg(imgfolder_read_image(P("oran/a/genis.png"), 3, 60, 60, 0, dst, err, sizeof err) == 0,
                  "%s", err);
    /* Dolgu: kenar piksellerinin ortalaması; kenarın yarısı kırmızı (200,0,0), yarısı mavi */
    for (int x = 0; x < 60; x++) {
        ck_assert_int_eq(dst[0 * 3600 + 5 * 60 + x], 100);      /* R düzlemi, 5. satır */
        ck_assert_int_eq(dst[2 * 3600 + 55 * 60 + x], 100);     /* B düzlemi, 55. satır */
        ck_assert_int_eq(dst[1 * 3600 + 0 * 60 + x], 0);
    }
    /* Görüntü 20..39. satırlarda; beyaz kare ölçek 1/2 ile 25..34. sütun, 25..34. satır */
    int white_rows = 0, white_cols = 0;
    for (int y = 0; y < 60; y++) white_rows += dst[1 * 3600 + y * 60 + 30] > 200;
    for (int x = 0; x < 60; x++) white_cols += dst[1 * 3600 + 30 * 60 + x] > 200;
    ck_assert_msg(white_rows >= 9 && white_rows <= 11, "beyaz satır %d", white_rows);
    ck_assert_msg(white_cols >= 9 && white_cols <= 11, "beyaz sütun %d", white_cols);
    ck_assert_int_eq(dst[0 * 3600 + 30 * 60 + 5], 200);       /* sol: kırmızı */
    ck_assert_int_eq(dst[2 * 3600 + 30 * 60 + 55], 200);      /* sağ: mavi */
    /* squash=1: eski davranış, kare yatayda yarım, dikeyde 1,5 kat: oran bozulur */
    ck_assert(imgfolder_read_image(P("oran/a/genis.png"), 3, 60, 60, 1, sq, err, sizeof err) == 0);
    white_rows = 0;
    for (int y = 0; y < 60; y++) white_rows += sq[1 * 3600 + y * 60 + 30] > 200;
    ck_assert_msg(white_rows >= 28, "gerilmiş karede beyaz satır %d", white_rows);
    /* imgfolder_load da aynı hazırlığı yapar */
    md("oran/b");
    solid("oran/b/x.png", 10, 10, 3, (const uint8_t[3]){1, 2, 3}, 0);
    ImageFolder f;
    ImgFolderOpts o = {.height = 60, .width = 60, .channels = 3, .quiet = 1};
    ck_assert_msg(imgfolder_load(P("oran"), &o, &f, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(memcmp(f.set.images, dst, sizeof dst), 0);
    /* Kanal başına istatistik ve NORM_CHANNEL: her kanal kendi μ, σ'sıyla */
    float mean[3], sd[3];
    imageset_channel_stats(&f.set, NULL, 1, mean, sd);
    double m0 = 0, s0 = 0;
    for (int i = 0; i < 3600; i++) m0 += dst[i] / 255.0;
    m0 /= 3600;
    for (int i = 0; i < 3600; i++) s0 += (dst[i] / 255.0 - m0) * (dst[i] / 255.0 - m0);
    s0 = sqrt(s0 / 3600);
    ck_assert_close(mean[0], m0, 1e-5);
    ck_assert_close(sd[0], s0, 1e-4);
    Norm nm = {.kind = NORM_CHANNEL};
    memcpy(nm.ch_mean, mean, sizeof mean);
    memcpy(nm.ch_std, sd, sizeof sd);
    float *x = malloc(sizeof(float) * 2 * 3 * 3600);
    int idx[2] = {0, 1};
    batch_fill(x, NULL, &f.set, idx, 2, nm);
    for (int c = 0; c < 3; c++) {
        double m = 0;
        for (int i = 0; i < 3600; i++) m += x[c * 3600 + i];
        ck_assert_msg(fabs(m / 3600) < 1e-4, "kanal %d ortalaması %g", c, m / 3600);
        ck_assert_close(x[c * 3600 + 7], (dst[c * 3600 + 7] / 255.0f - mean[c]) / sd[c], 1e-5);
    }
    free(x);
    imgfolder_free(&f);
}
END_TEST

/* lesson05 model meta'sı: yazılan okunur (renkli ve gri), eski dosyalar (fit/norm yok) eski
 * hazırlıkla okunur, bozuk satırlar reddedilir; klasör verilen model yolu "yok" denmez. */
START_TEST(test_binary_meta_roundtrip) {
    BinaryModelInfo mi = {.seed = 7, .val_frac = 0.25f, .squash = 0, .channels = 3,
                          .norm = {.kind = NORM_CHANNEL, .ch_mean = {0.1f, 0.2f, 0.3f},
                                   .ch_std = {0.4f, 0.5f, 0.6f}}};
    snprintf(mi.names[0], sizeof mi.names[0], "daire");
    snprintf(mi.names[1], sizeof mi.names[1], "ucgen");
    snprintf(mi.images, sizeof mi.images, "veri/sekil");
    char buf[1024], err[512];
    ck_assert_int_gt(binary_meta_format(&mi, buf, sizeof buf), 0);
    BinaryModelInfo b;
    ck_assert_msg(binary_meta_parse(buf, &b, err, sizeof err) == 0, "%s\n%s", err, buf);
    ck_assert_str_eq(b.names[0], "daire");
    ck_assert_str_eq(b.names[1], "ucgen");
    ck_assert_str_eq(b.images, "veri/sekil");
    ck_assert_int_eq((int)b.seed, 7);
    ck_assert_int_eq(b.squash, 0);
    ck_assert_int_eq(b.norm.kind, NORM_CHANNEL);
    ck_assert_int_eq(b.channels, 3);
    for (int c = 0; c < 3; c++) {
        ck_assert_float_eq_tol(b.norm.ch_mean[c], mi.norm.ch_mean[c], 1e-6f);
        ck_assert_float_eq_tol(b.norm.ch_std[c], mi.norm.ch_std[c], 1e-6f);
    }
    mi.channels = 1;   /* gri: tek kanal */
    ck_assert_int_gt(binary_meta_format(&mi, buf, sizeof buf), 0);
    ck_assert_ptr_nonnull(strstr(buf, "norm=channel:0.100000/0.400000"));
    ck_assert_int_eq(binary_meta_parse(buf, &b, err, sizeof err), 0);
    ck_assert_int_eq(b.channels, 1);
    ck_assert_int_eq(binary_meta_format(&mi, buf, 40), -1);   /* sığmıyor */
    /* Eski dosya: gerilerek boyutlandırılmış, /255 */
    ck_assert_int_eq(binary_meta_parse("classes=a,b\nseed=3", &b, err, sizeof err), 0);
    ck_assert_int_eq(b.squash, 1);
    ck_assert_int_eq(b.norm.kind, NORM_MINMAX);
    /* Bozuk satırlar */
    const char *bad[] = {"classes=a,b\nnorm=channel:0.1,0.2/0.3", "classes=a,b\nnorm=channel:0.1/0",
                         "classes=a,b\nnorm=channel:x/0.2", "classes=a,b\nnorm=zscore",
                         "classes=a,b\nfit=kirp", "classes=a\nfit=pad", "fit=pad"};
    for (int i = 0; i < (int)(sizeof bad / sizeof bad[0]); i++)
        ck_assert_msg(binary_meta_parse(bad[i], &b, err, sizeof err) == -1, "kabul edildi: %s", bad[i]);
    /* Model yolu: yok / klasör */
    ck_assert_int_eq(predict_check_model_path(P("yok.model"), "./lesson05", err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "yok. Önce modeli eğitin"));
    md("klasor");
    ck_assert_int_eq(predict_check_model_path(P("klasor"), "./lesson02", err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "bir klasör, model dosyası değil"));
    ck_assert_ptr_null(strstr(err, "yok."));
}
END_TEST

START_TEST(test_forced_shape_and_limits) {
    make_mixed();
    ImageFolder f;
    char err[512];
    ImgFolderOpts o = {.channels = 1, .height = 28, .width = 20, .quiet = 1};
    ck_assert_msg(imgfolder_load(P("veri"), &o, &f, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(f.set.channels, 1);
    ck_assert_int_eq(f.set.rows, 28);
    ck_assert_int_eq(f.set.cols, 20);
    ck_assert_int_eq(f.set.n, 8);
    for (int i = 0; i < f.set.n; i++)
        if (strstr(f.paths[i], "yesil.png"))   /* saf yeşilin parlaklığı ≈ 0,587 x 255 */
            ck_assert_int_le(abs((int)f.set.images[(size_t)i * 28 * 20] - 150), 2);
    imgfolder_free(&f);
    /* Her sınıftan en çok 2 dosya (ad sırasıyla; okunamayan dosya yerini başkasına bırakır) */
    o.max_per_class = 2;
    ck_assert_int_eq(imgfolder_load(P("veri"), &o, &f, err, sizeof err), 0);
    ck_assert_int_eq(f.class_counts[0], 2);
    ck_assert_int_eq(f.class_counts[1], 2);
    ck_assert_int_eq(f.skipped, 1);   /* kedi/bozuk.png: ad sırasında ilk */
    imgfolder_free(&f);
    /* Hepsi aynı boyda gri: otomatik şekil o boy ve 1 kanal */
    static const uint8_t g[1] = {30};
    md("gri/a");
    md("gri/b");
    for (int i = 0; i < 3; i++) {
        char rel[64];
        snprintf(rel, sizeof rel, "gri/a/%d.png", i);
        solid(rel, 28, 28, 1, g, 0);
        snprintf(rel, sizeof rel, "gri/b/%d.png", i);
        solid(rel, 28, 28, 1, g, 0);
    }
    ImgFolderOpts a = {.quiet = 1};
    ck_assert_int_eq(imgfolder_load(P("gri"), &a, &f, err, sizeof err), 0);
    ck_assert_int_eq(f.set.channels, 1);
    ck_assert_int_eq(f.set.rows, 28);
    ck_assert_int_eq(f.set.cols, 28);
    ck_assert_int_eq(f.skipped, 0);
    ck_assert_str_eq(f.first_skip, "");
    imgfolder_free(&f);
}
END_TEST

START_TEST(test_split_deterministic_stratified) {
    static const uint8_t g[1] = {128};
    const char *cls[3] = {"c_uc", "a_bir", "b_iki"};   /* sıralama: a_bir, b_iki, c_uc */
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < 20; i++) {
            char rel[128];
            snprintf(rel, sizeof rel, "ucsinif/%s", cls[k]);
            md(rel);
            snprintf(rel, sizeof rel, "ucsinif/%s/%02d.png", cls[k], i);
            solid(rel, 6, 6, 1, g, 0);
        }
    ImageFolder f;
    char err[512];
    ImgFolderOpts o = {.quiet = 1};
    ck_assert_int_eq(imgfolder_load(P("ucsinif"), &o, &f, err, sizeof err), 0);
    ck_assert_str_eq(f.class_names[0], "a_bir");
    ck_assert_str_eq(f.class_names[2], "c_uc");
    ck_assert_int_eq(f.set.n, 60);
    int *t1, *v1, *t2, *v2, *t3, *v3, n1, m1, n2, m2, n3, m3;
    imgfolder_split(&f, 0.2f, 123, &t1, &n1, &v1, &m1);
    imgfolder_split(&f, 0.2f, 123, &t2, &n2, &v2, &m2);
    imgfolder_split(&f, 0.2f, 124, &t3, &n3, &v3, &m3);
    ck_assert_int_eq(n1, 48);
    ck_assert_int_eq(m1, 12);
    ck_assert_int_eq(n2, n1);
    ck_assert_int_eq(memcmp(t1, t2, sizeof(int) * n1), 0);
    ck_assert_int_eq(memcmp(v1, v2, sizeof(int) * m1), 0);
    ck_assert_int_ne(memcmp(v1, v3, sizeof(int) * m1), 0);   /* başka tohum, başka ayrım */
    int seen[60] = {0}, per[3] = {0};
    for (int i = 0; i < n1; i++) seen[t1[i]]++;
    for (int i = 0; i < m1; i++) {
        seen[v1[i]]++;
        per[f.set.labels[v1[i]]]++;
    }
    for (int i = 0; i < 60; i++) ck_assert_int_eq(seen[i], 1);   /* ayrık ve eksiksiz */
    for (int k = 0; k < 3; k++) ck_assert_int_eq(per[k], 4);    /* katmanlı: her sınıftan %20 */
    free(t1); free(v1); free(t2); free(v2); free(t3); free(v3);
    imgfolder_free(&f);
}
END_TEST

START_TEST(test_bad_folders) {
    ImageFolder f;
    char err[512];
    ImgFolderOpts o = {.quiet = 1};
    static const uint8_t g[1] = {1};
    /* Olmayan yol */
    ck_assert_int_eq(imgfolder_load(P("yok"), &o, &f, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, P("yok")));
    ck_assert_ptr_nonnull(strstr(err, "bulunamadı"));
    /* Dosya, klasör değil */
    write_bytes(P("dosya.txt"), "x", 1);
    ck_assert_int_eq(imgfolder_load(P("dosya.txt"), &o, &f, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "bir klasör değil"));
    /* Boş klasör */
    md("bos");
    ck_assert_int_eq(imgfolder_load(P("bos"), &o, &f, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "hiç alt klasör yok"));
    /* Tek sınıf */
    md("tek/kedi");
    solid("tek/kedi/a.png", 4, 4, 1, g, 0);
    ck_assert_int_eq(imgfolder_load(P("tek"), &o, &f, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "yalnızca bir sınıf"));
    ck_assert_ptr_nonnull(strstr(err, "kedi"));
    /* İki sınıf, biri yalnızca okunamayan dosyalar içeriyor */
    md("yarim/kedi");
    md("yarim/kopek");
    solid("yarim/kedi/a.png", 4, 4, 1, g, 0);
    write_bytes(P("yarim/kopek/a.png"), "PNG degil", 9);
    ck_assert_int_eq(imgfolder_load(P("yarim"), &o, &f, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "yarim/kopek"));
    ck_assert_ptr_nonnull(strstr(err, "okunabilir görüntü yok"));
    /* Boş sınıf klasörü */
    md("bosinif/kedi");
    md("bosinif/kopek");
    solid("bosinif/kedi/a.png", 4, 4, 1, g, 0);
    ck_assert_int_eq(imgfolder_load(P("bosinif"), &o, &f, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "bosinif/kopek"));
    /* Adında virgül olan sınıf */
    md("virgul/a,b");
    md("virgul/c");
    ck_assert_int_eq(imgfolder_load(P("virgul"), &o, &f, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "virgül"));
    /* Geçersiz seçenek */
    ImgFolderOpts bad = {.channels = 2};
    ck_assert_int_eq(imgfolder_load(P("tek"), &bad, &f, err, sizeof err), -1);
}
END_TEST

/* ---- lesson05'e kötü girdiler ---- */

static char out[1 << 16];

static long slurp(const char *path, unsigned char **buf) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    *buf = malloc((size_t)n + 1);
    long got = (long)fread(*buf, 1, (size_t)n, f);
    fclose(f);
    return got == n ? n : -1;
}

/* lesson05'in kaydettiği biçimde bir model: ikili CNN (tek çıkış) + sınıf adları */
static void save_model(const char *rel, int K, const char *meta) {
    Net n;
    models_mnist_cnn(&n, 1, 28, 28, K, 4, 7);
    snprintf(n.meta, sizeof n.meta, "%s", meta);
    char err[512];
    ck_assert_msg(net_save(&n, P(rel), err, sizeof err) == 0, "%s", err);
    net_free(&n);
}

/* Küçük ama gerçek bir eğitim klasörü: iki sınıf, her birinde 6 görüntü */
static void make_shoes(void) {
    md("ayak/bot");
    md("ayak/spor_ayakkabi");
    for (int i = 0; i < 6; i++) {
        uint8_t v[1] = {(uint8_t)(40 + 30 * i)};
        char rel[64];
        snprintf(rel, sizeof rel, "ayak/bot/%d.png", i);
        solid(rel, 28, 28, 1, v, 0);
        snprintf(rel, sizeof rel, "ayak/spor_ayakkabi/%d.png", i);
        solid(rel, 20 + i, 28, 3, (const uint8_t[3]){v[0], 10, 200}, 0);
    }
}

/* Komutu çalıştırır; çıkış kodunun 1 ya da 2 olmasını (çökme değil), çıktıda "hata" ve
 * beklenen parçaların geçmesini ister. */
static void expect_fail(const char *args, const char *want1, const char *want2) {
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s", bin_path("lesson05"), args);
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 1 || rc == 2, "%s: çıkış %d (1 ya da 2 bekleniyordu)\n%s", cmd, rc, out);
    ck_assert_msg(strstr(out, "hata") != NULL, "%s: 'hata' yok\n%s", cmd, out);
    if (want1) ck_assert_msg(strstr(out, want1) != NULL, "%s: '%s' yok\n%s", cmd, want1, out);
    if (want2) ck_assert_msg(strstr(out, want2) != NULL, "%s: '%s' yok\n%s", cmd, want2, out);
    ck_assert_msg(strstr(out, "ERROR: AddressSanitizer") == NULL &&
                  strstr(out, "runtime error") == NULL, "%s: bellek hatası\n%s", cmd, out);
}

static void model_unchanged(const char *rel, const unsigned char *orig, long n) {
    unsigned char *b;
    long m = slurp(P(rel), &b);
    ck_assert_msg(m == n && memcmp(b, orig, (size_t)n) == 0, "model dosyası '%s' değişti", rel);
    free(b);
    char tmp[600];
    snprintf(tmp, sizeof tmp, "%s.tmp", P(rel));
    ck_assert_int_ne(access(tmp, F_OK), 0);
}

START_TEST(test_lesson05_bad_files) {
    make_shoes();
    char meta[700], a[2048];
    snprintf(meta, sizeof meta, "classes=bot,spor_ayakkabi\nimages=%s\nseed=42\nval=0.20", P("ayak"));
    save_model("m.model", 1, meta);
    char img[512];   /* P()'nin döngüsel tamponu taşmasın diye kopya */
    snprintf(img, sizeof img, "%s", P("ayak/bot/0.png"));
    /* Olmayan görüntü dosyası */
    snprintf(a, sizeof a, "--model %s --predict %s", P("m.model"), P("yok.png"));
    expect_fail(a, "yok.png", "böyle bir dosya");
    /* Görüntü olmayan dosya */
    write_bytes(P("not.txt"), "merhaba dünya\n", 15);
    snprintf(a, sizeof a, "--model %s --predict %s", P("not.txt"), img);
    expect_fail(a, "not.txt", "DOAAMODL");   /* model yerine metin dosyası */
    snprintf(a, sizeof a, "--model %s --predict %s", P("m.model"), P("not.txt"));
    expect_fail(a, "not.txt", "görüntü");
    /* Olmayan model */
    snprintf(a, sizeof a, "--model %s --predict %s", P("yok.model"), img);
    expect_fail(a, "yok.model", "yok. Önce modeli eğitin");
    /* Model yerine klasör: "yok" değil, klasör olduğu söylenir */
    md("modeller");
    snprintf(a, sizeof a, "--model %s --predict %s", P("modeller"), img);
    expect_fail(a, "bir klasör, model dosyası değil", NULL);
    ck_assert_ptr_null(strstr(out, "yok. Önce"));
    /* Yanlış mimari: 10 çıkışlı (lesson04 gibi) bir model */
    save_model("on.model", 10, "classes=bot,spor_ayakkabi");
    snprintf(a, sizeof a, "--model %s --predict %s", P("on.model"), img);
    expect_fail(a, "on.model", "bu derse ait değil");
    /* Sınıf adları olmayan model */
    save_model("adsiz.model", 1, "lesson=baska");
    snprintf(a, sizeof a, "--model %s --predict %s", P("adsiz.model"), img);
    expect_fail(a, "adsiz.model", "classes");
    /* Kesik model: dosyanın ilk yarısı */
    unsigned char *b;
    long n = slurp(P("m.model"), &b);
    ck_assert_int_gt(n, 1000);
    write_bytes(P("kesik.model"), b, (size_t)n / 2);
    snprintf(a, sizeof a, "--model %s --predict %s", P("kesik.model"), img);
    expect_fail(a, "kesik.model", "kesik");
    /* Bir bayt değişmiş model: CRC yakalar */
    b[n / 2] ^= 0x40;
    write_bytes(P("bozuk.model"), b, (size_t)n);
    snprintf(a, sizeof a, "--model %s --predict %s", P("bozuk.model"), img);
    expect_fail(a, "bozuk.model", "CRC");
    free(b);
    /* Eğitim kipinde kötü klasörler: olmayan, boş, tek sınıflı, üç sınıflı */
    snprintf(a, sizeof a, "--quick --images %s", P("yok_klasor"));
    expect_fail(a, "yok_klasor", "bulunamadı");
    md("bos");
    snprintf(a, sizeof a, "--quick --images %s", P("bos"));
    expect_fail(a, "bos", "hiç alt klasör yok");
    md("tek/kedi");
    solid("tek/kedi/a.png", 8, 8, 3, (const uint8_t[3]){1, 2, 3}, 0);
    snprintf(a, sizeof a, "--quick --images %s", P("tek"));
    expect_fail(a, "tek", "yalnızca bir sınıf");
    md("uc/a");
    md("uc/b");
    md("uc/c");
    for (int k = 0; k < 3; k++) {
        char rel[32];
        snprintf(rel, sizeof rel, "uc/%c/x.png", 'a' + k);
        solid(rel, 8, 8, 1, (const uint8_t[1]){9}, 0);
    }
    snprintf(a, sizeof a, "--quick --images %s", P("uc"));
    expect_fail(a, "3 sınıf", "ikili");
    /* İki sınıf ama her birinde tek görüntü: doğrulamaya ayıracak görüntü yok */
    md("az/a");
    md("az/b");
    solid("az/a/x.png", 8, 8, 1, (const uint8_t[1]){9}, 0);
    solid("az/b/x.png", 8, 8, 1, (const uint8_t[1]){90}, 0);
    snprintf(a, sizeof a, "--quick --images %s", P("az"));
    expect_fail(a, "az", "çok az görüntü");
}
END_TEST

START_TEST(test_lesson05_failed_retrain_keeps_model) {
    make_shoes();
    char meta[700], a[2048];
    snprintf(meta, sizeof meta, "classes=bot,spor_ayakkabi\nimages=%s\nseed=42\nval=0.20", P("ayak"));
    save_model("m.model", 1, meta);
    unsigned char *orig;
    long n = slurp(P("m.model"), &orig);
    ck_assert_int_gt(n, 0);
    char img[512];   /* P()'nin döngüsel tamponu taşmasın diye kopya */
    snprintf(img, sizeof img, "%s", P("ayak/bot/0.png"));
    /* Önce tahmin: hangi etiket "yanlış" sayılacak? */
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s --model %s --predict %s", bin_path("lesson05"), P("m.model"), img);
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 0);
    int k = (int)sonuc_get(out, "tahmin");
    ck_assert(k == 0 || k == 1);
    const char *cls[2] = {"bot", "spor_ayakkabi"}, *wrong = cls[1 - k];
    /* Modelde olmayan sınıf */
    snprintf(a, sizeof a, "--model %s --predict %s --label zurafa", P("m.model"), img);
    expect_fail(a, "zurafa", "sınıflarından biri değil");
    model_unchanged("m.model", orig, n);
    /* Görüntü olmayan dosyayla yeniden eğitim */
    write_bytes(P("not.txt"), "x", 1);
    snprintf(a, sizeof a, "--model %s --predict %s --label bot", P("m.model"), P("not.txt"));
    expect_fail(a, "not.txt", NULL);
    model_unchanged("m.model", orig, n);
    /* Eski veri klasörü boş / tek sınıflı / başka sınıflı: yeniden eğitim yapılamaz */
    md("bos");
    snprintf(a, sizeof a, "--model %s --predict %s --label %s --images %s", P("m.model"), img,
             wrong, P("bos"));
    expect_fail(a, "bos", "hiç alt klasör yok");
    model_unchanged("m.model", orig, n);
    md("tek/bot");
    solid("tek/bot/a.png", 8, 8, 1, (const uint8_t[1]){5}, 0);
    snprintf(a, sizeof a, "--model %s --predict %s --label %s --images %s", P("m.model"), img,
             wrong, P("tek"));
    expect_fail(a, "tek", "yalnızca bir sınıf");
    model_unchanged("m.model", orig, n);
    md("hayvan/kedi");
    md("hayvan/kopek");
    solid("hayvan/kedi/a.png", 8, 8, 1, (const uint8_t[1]){5}, 0);
    solid("hayvan/kopek/a.png", 8, 8, 1, (const uint8_t[1]){50}, 0);
    snprintf(a, sizeof a, "--model %s --predict %s --label %s --images %s", P("m.model"), img,
             wrong, P("hayvan"));
    expect_fail(a, "hayvan", "aynı değil");
    model_unchanged("m.model", orig, n);
    /* Doğru klasörle (meta'daki yol) yeniden eğitim başarılı: model değişir, .tmp kalmaz */
    snprintf(cmd, sizeof cmd, "%s --model %s --predict %s --label %s", bin_path("lesson05"),
             P("m.model"), img, wrong);
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "çıkış %d\n%s", rc, out);
    ck_assert_int_eq((int)sonuc_get(out, "retrained"), 1);
    unsigned char *b;
    long m = slurp(P("m.model"), &b);
    ck_assert(m == n && memcmp(b, orig, (size_t)n) != 0);
    free(b);
    char tmp[600];
    snprintf(tmp, sizeof tmp, "%s.tmp", P("m.model"));
    ck_assert_int_ne(access(tmp, F_OK), 0);
    free(orig);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("imgfolder");
    TCase *tc = tcase_create("klasörler");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_mixed_folder_auto_shape);
    tcase_add_test(tc, test_aspect_kept_with_padding);
    tcase_add_test(tc, test_binary_meta_roundtrip);
    tcase_add_test(tc, test_forced_shape_and_limits);
    tcase_add_test(tc, test_split_deterministic_stratified);
    tcase_add_test(tc, test_bad_folders);
    suite_add_tcase(s, tc);
    TCase *tl = tcase_create("lesson05 kötü girdiler");
    tcase_add_checked_fixture(tl, setup, teardown);
    tcase_set_timeout(tl, 300);
    tcase_add_test(tl, test_lesson05_bad_files);
    tcase_add_test(tl, test_lesson05_failed_retrain_keeps_model);
    suite_add_tcase(s, tl);
    return s;
}
TEST_MAIN(suite)
