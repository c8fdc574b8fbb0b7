/* test_image.c — görüntü okuma/yazma/boyutlandırma ve ızgara PNG'si: gidiş-dönüş
 * (PNG/BMP birebir, JPEG yaklaşık), kanal dönüşümleri, CHW düzeni ve her hatalı
 * dosyada dosya adını söyleyen Türkçe mesaj. Dosyalar testin kendi geçici
 * klasöründe üretilir. */
#include <stdlib.h>
#include <unistd.h>
#include "doaa.h"
#include "data/image.h"
#include "stb_image_write.h"
#include "testutil.h"

static char g_dir[256];

static const char *tmp_path(const char *name) {
    static char buf[4][512];
    static int k;
    char *b = buf[k++ & 3];
    snprintf(b, sizeof buf[0], "%s/%s", g_dir, name);
    return b;
}

static void setup(void) {
    snprintf(g_dir, sizeof g_dir, "/tmp/doaa_test_image_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(g_dir));
}

static void teardown(void) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
    ck_assert_int_eq(system(cmd), 0);
}

static void write_text(const char *path, const char *s) {
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(s, f);
    fclose(f);
}

/* (h,w,c) desenli görüntü: her piksel konumundan ve kanalından türetilir */
static uint8_t *pattern(int w, int h, int c) {
    uint8_t *p = malloc((size_t)w * h * c);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            for (int ch = 0; ch < c; ch++) p[((size_t)y * w + x) * c + ch] = (uint8_t)(x * 7 + y * 13 + ch * 50);
    return p;
}

START_TEST(test_png_bmp_roundtrip) {
    char err[512];
    for (int c = 1; c <= 4; c++) {
        if (c == 2) continue;
        int w = 13, h = 9;
        uint8_t *p = pattern(w, h, c);
        const char *png = tmp_path("a.png"), *bmp = tmp_path("a.bmp");
        ck_assert_int_eq(image_write_png(png, p, w, h, c, err, sizeof err), 0);
        Image im;
        ck_assert_msg(image_load(png, 0, &im, err, sizeof err) == 0, "%s", err);
        ck_assert_int_eq(im.w, w);
        ck_assert_int_eq(im.h, h);
        ck_assert_int_eq(im.c, c);
        ck_assert_int_eq(memcmp(im.px, p, (size_t)w * h * c), 0);
        image_free(&im);
        if (c != 4) {   /* BMP: 1 ve 3 kanal birebir */
            ck_assert_int_ne(stbi_write_bmp(bmp, w, h, c, p), 0);
            ck_assert_msg(image_load(bmp, c, &im, err, sizeof err) == 0, "%s", err);
            ck_assert_int_eq(memcmp(im.px, p, (size_t)w * h * c), 0);
            image_free(&im);
        }
        free(p);
    }
    /* .tmp dosyası geride kalmaz */
    ck_assert_int_eq(access(tmp_path("a.png.tmp"), F_OK), -1);
}
END_TEST

START_TEST(test_jpeg_and_channel_conversion) {
    char err[512];
    int w = 16, h = 16;
    uint8_t *red = malloc((size_t)w * h * 3);
    for (int i = 0; i < w * h; i++) {
        red[i * 3] = 255;
        red[i * 3 + 1] = 0;
        red[i * 3 + 2] = 0;
    }
    const char *jpg = tmp_path("kirmizi.jpg");
    ck_assert_int_ne(stbi_write_jpg(jpg, w, h, 3, red, 95), 0);
    Image im;
    ck_assert_msg(image_load(jpg, 3, &im, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(im.c, 3);
    for (int i = 0; i < w * h; i++) {   /* JPEG kayıplıdır: yaklaşık kırmızı */
        ck_assert_int_ge(im.px[i * 3], 230);
        ck_assert_int_le(im.px[i * 3 + 1], 25);
    }
    image_free(&im);
    /* Desenli bir görüntünün JPEG'i: tepe sinyal/gürültü oranı (PSNR) 30 dB'den yüksek */
    uint8_t *pat = pattern(w, h, 3);
    const char *jpg2 = tmp_path("desen.jpg");
    ck_assert_int_ne(stbi_write_jpg(jpg2, w, h, 3, pat, 95), 0);
    ck_assert_msg(image_load(jpg2, 3, &im, err, sizeof err) == 0, "%s", err);
    double se = 0;
    for (int i = 0; i < w * h * 3; i++) se += (double)(im.px[i] - pat[i]) * (im.px[i] - pat[i]);
    double psnr = 10.0 * log10(255.0 * 255.0 / (se / (w * h * 3) + 1e-12));
    ck_assert_msg(psnr > 30.0, "JPEG PSNR %g dB", psnr);
    image_free(&im);
    free(pat);
    /* Renkliden griye: parlaklık ≈ 0,299 R + 0,587 G + 0,114 B */
    const char *png = tmp_path("kirmizi.png");
    ck_assert_int_eq(image_write_png(png, red, w, h, 3, err, sizeof err), 0);
    ck_assert_int_eq(image_load(png, 1, &im, err, sizeof err), 0);
    ck_assert_int_eq(im.c, 1);
    for (int i = 0; i < w * h; i++) ck_assert_int_le(abs((int)im.px[i] - 76), 2);
    image_free(&im);
    /* Griden renkliye: üç kanal eşit */
    uint8_t *g = pattern(w, h, 1);
    ck_assert_int_eq(image_write_png(png, g, w, h, 1, err, sizeof err), 0);
    ck_assert_int_eq(image_load(png, 3, &im, err, sizeof err), 0);
    for (int i = 0; i < w * h; i++) {
        ck_assert_int_eq(im.px[i * 3], g[i]);
        ck_assert_int_eq(im.px[i * 3 + 1], g[i]);
        ck_assert_int_eq(im.px[i * 3 + 2], g[i]);
    }
    image_free(&im);
    free(g);
    free(red);
}
END_TEST

START_TEST(test_resize_and_chw) {
    char err[512];
    /* Sabit renkli görüntü her boyutta aynı renkte kalır */
    Image a = {0}, b;
    a.w = 37; a.h = 23; a.c = 3;
    a.px = malloc((size_t)a.w * a.h * 3);
    for (int i = 0; i < a.w * a.h; i++) {
        a.px[i * 3] = 10; a.px[i * 3 + 1] = 120; a.px[i * 3 + 2] = 240;
    }
    ck_assert_int_eq(image_resize(&a, 8, 11, &b, err, sizeof err), 0);
    ck_assert_int_eq(b.w, 8);
    ck_assert_int_eq(b.h, 11);
    for (int i = 0; i < 8 * 11; i++) {
        ck_assert_int_le(abs(b.px[i * 3] - 10), 1);
        ck_assert_int_le(abs(b.px[i * 3 + 1] - 120), 1);
        ck_assert_int_le(abs(b.px[i * 3 + 2] - 240), 1);
    }
    image_free(&b);
    /* Sol yarısı siyah, sağ yarısı beyaz: küçültünce de sol koyu, sağ açık */
    for (int y = 0; y < a.h; y++)
        for (int x = 0; x < a.w; x++)
            for (int ch = 0; ch < 3; ch++) a.px[((size_t)y * a.w + x) * 3 + ch] = x < a.w / 2 ? 0 : 255;
    ck_assert_int_eq(image_resize(&a, 10, 10, &b, err, sizeof err), 0);
    ck_assert_int_lt(b.px[(5 * 10 + 1) * 3], 30);
    ck_assert_int_gt(b.px[(5 * 10 + 8) * 3], 225);
    image_free(&b);
    /* HWC -> CHW -> HWC */
    uint8_t *p = pattern(a.w, a.h, 3), *chw = malloc((size_t)a.w * a.h * 3), *back = malloc((size_t)a.w * a.h * 3);
    memcpy(a.px, p, (size_t)a.w * a.h * 3);
    image_to_chw(&a, chw);
    ck_assert_int_eq(chw[0], p[0]);                              /* R(0,0) */
    ck_assert_int_eq(chw[(size_t)a.w * a.h + 1], p[1 * 3 + 1]);  /* G(0,1) */
    ck_assert_int_eq(chw[2 * (size_t)a.w * a.h + a.w], p[(size_t)a.w * 3 + 2]);  /* B(1,0) */
    image_from_chw(chw, 3, a.h, a.w, back);
    ck_assert_int_eq(memcmp(back, p, (size_t)a.w * a.h * 3), 0);
    /* Dosyadan doğrudan (C,H,W): renkli 37x23 PNG -> gri 28x28 */
    const char *png = tmp_path("renkli.png");
    ck_assert_int_eq(image_write_png(png, p, a.w, a.h, 3, err, sizeof err), 0);
    uint8_t dst[28 * 28];
    ck_assert_msg(image_load_chw(png, 1, 28, 28, dst, err, sizeof err) == 0, "%s", err);
    free(p); free(chw); free(back);
    image_free(&a);
    ck_assert_int_ne(image_resize(&a, 0, 5, &b, err, sizeof err), 0);
}
END_TEST

START_TEST(test_errors_name_the_file) {
    char err[512];
    Image im;
    /* Olmayan dosya */
    const char *yok = tmp_path("yok.png");
    ck_assert_int_eq(image_load(yok, 0, &im, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, yok));
    ck_assert_ptr_nonnull(strstr(err, "böyle bir dosya"));
    /* Metin dosyası */
    const char *txt = tmp_path("not.txt");
    write_text(txt, "bu bir görüntü değil\n");
    ck_assert_int_eq(image_load(txt, 1, &im, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, txt));
    ck_assert_ptr_nonnull(strstr(err, "tanınan bir görüntü değil"));
    /* Boş dosya */
    const char *bos = tmp_path("bos.png");
    write_text(bos, "");
    ck_assert_int_eq(image_load(bos, 1, &im, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "boş"));
    /* Klasör */
    ck_assert_int_eq(image_load(g_dir, 1, &im, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "klasör"));
    /* Kesik PNG: geçerli bir PNG'nin ilk yarısı */
    uint8_t *p = pattern(40, 40, 3);
    const char *full = tmp_path("tam.png"), *kesik = tmp_path("kesik.png");
    ck_assert_int_eq(image_write_png(full, p, 40, 40, 3, err, sizeof err), 0);
    FILE *f = fopen(full, "rb");
    unsigned char buf[8192];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    ck_assert_uint_gt(n, 100);
    f = fopen(kesik, "wb");
    fwrite(buf, 1, n / 2, f);
    fclose(f);
    ck_assert_int_eq(image_load(kesik, 3, &im, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, kesik));
    /* Bozuk imza: ilk bayt değişmiş */
    buf[1] = 'X';
    f = fopen(kesik, "wb");
    fwrite(buf, 1, n, f);
    fclose(f);
    ck_assert_int_eq(image_load(kesik, 3, &im, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, kesik));
    /* Yazılamayan yer */
    const char *olmaz = tmp_path("yok_klasor/a.png");
    ck_assert_int_eq(image_write_png(olmaz, p, 40, 40, 3, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, olmaz));
    /* Desteklenmeyen kanal sayısı */
    ck_assert_int_eq(image_load(full, 2, &im, err, sizeof err), -1);
    free(p);
}
END_TEST

START_TEST(test_grid) {
    char err[512];
    /* 3 döşeme (2x2, gri), 2x2 ızgara, 1 piksel boşluk, 2 kat büyütme -> 11x11 */
    uint8_t tiles[3 * 4] = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120};
    const char *png = tmp_path("izgara.png");
    ck_assert_int_eq(image_write_grid(png, tiles, 3, 1, 2, 2, 2, 2, 1, 2, err, sizeof err), 0);
    Image im;
    ck_assert_int_eq(image_load(png, 0, &im, err, sizeof err), 0);
    ck_assert_int_eq(im.w, 11);
    ck_assert_int_eq(im.h, 11);
    ck_assert_int_eq(im.c, 1);
    ck_assert_int_eq(im.px[0], 200);                 /* köşe boşluk */
    ck_assert_int_eq(im.px[1 * 11 + 1], 10);         /* döşeme 0, piksel (0,0) */
    ck_assert_int_eq(im.px[2 * 11 + 2], 10);         /* büyütülmüş: aynı piksel */
    ck_assert_int_eq(im.px[1 * 11 + 3], 20);         /* döşeme 0, piksel (0,1) */
    ck_assert_int_eq(im.px[4 * 11 + 4], 40);         /* döşeme 0, piksel (1,1) */
    ck_assert_int_eq(im.px[1 * 11 + 6], 50);         /* döşeme 1 */
    ck_assert_int_eq(im.px[6 * 11 + 1], 90);         /* döşeme 2 (ikinci satır) */
    ck_assert_int_eq(im.px[6 * 11 + 6], 200);        /* boş hücre */
    image_free(&im);
    /* float döşemeler kırpılır; renkli CHW */
    float ft[3 * 1 * 2] = {-1.0f, 0.5f, 2.0f, 0.0f, 1.0f, NAN};   /* (C=3, 1, 2) */
    ck_assert_int_eq(image_write_grid_f(png, ft, 1, 3, 1, 2, 1, 1, 0, 1, err, sizeof err), 0);
    ck_assert_int_eq(image_load(png, 0, &im, err, sizeof err), 0);
    ck_assert_int_eq(im.w, 2);
    ck_assert_int_eq(im.c, 3);
    ck_assert_int_eq(im.px[0], 0);     /* R(0,0) = -1 -> 0 */
    ck_assert_int_eq(im.px[1], 255);   /* G(0,0) = 2 -> 255 */
    ck_assert_int_eq(im.px[2], 255);   /* B(0,0) = 1 */
    ck_assert_int_eq(im.px[3], 128);   /* R(0,1) = 0,5 */
    ck_assert_int_eq(im.px[4], 0);     /* G(0,1) = 0 */
    ck_assert_int_eq(im.px[5], 0);     /* B(0,1) = NaN -> 0 */
    image_free(&im);
    ck_assert_int_eq(image_write_grid(png, tiles, 3, 2, 2, 2, 2, 2, 1, 1, err, sizeof err), -1);
    ck_assert_int_eq(image_write_grid(png, tiles, 3, 1, 2, 2, 0, 2, 1, 1, err, sizeof err), -1);
}
END_TEST

/* tests/regress/ altındaki kötü dosyalar (üreten: tests/regress/gen_regress.c; açıklama:
 * tests/regress/README.md). Eskiden: HDR 30 s'den uzun döngü, 16 bitlik PGM yığın taşması
 * (ASan), 654 kodlu DHT tablonun dışına yazma (UBSan), 16384x16384 JPEG 30 s ve 1 GB,
 * 16000x16000 PNG 5 s. Şimdi her biri hızla, dosyayı ve nedeni söyleyen bir hatayla
 * reddedilir — image_info, image_load (her kanal seçeneği), image_load_chw ve el yazısı
 * hazırlığı aynı denetimden geçer. */
static const struct { const char *file, *needle; } g_bad[] = {
    {"hdr_rle_dongu.jpg", "Radiance HDR"},
    {"pgm16.png", "PNM"},
    {"jpeg_dht_654.jpg", "654 kod"},
    {"jpeg_16384.jpg", "16384x16384"},
    {"jpeg_kesik.jpg", "JPEG olarak okunamadı: dosya bozuk ya da kesik"},
    {"png_16000.png", "16000x16000"},
    /* bulanık sınamanın bulduğu: 1 KB'lık TGA 1536x1277 diyor (ASan'la 10 s'den uzun) */
    {"fuzz-image-tga-1536x1277", "taşıyamaz"},
    {"fuzz-image-tga-14337x77", "taşıyamaz"},
    /* 88 baytlık PNG'nin IDAT'ı ~1 GB diyor: stb veriden önce 1 GB ayırıyordu */
    {"fuzz-image-png-idat-1gb", "bozuk bir PNG"},
    /* tarama hiç tanımlanmamış bir AC tablosu seçiyor: stb ilklenmemiş belleği tablo diye
     * okuyup 257'lik dizinin dışına taşıyordu (UBSan; stb #1289/#1291) */
    {"fuzz-image-jpeg-tanimsiz-huffman.jpg", "tanımlanmamış bir Huffman"},
};

/* Tarama başlığı denetimi geçerli dosyaları reddetmemeli: ilerlemeli (progressive) ve
 * yeniden başlama işaretli (restart) gerçek JPEG'ler (tests/fuzz/seeds/image/) çözülür. */
START_TEST(test_jpeg_valid_variants) {
    const char *files[] = {"tests/fuzz/seeds/image/prog.jpg", "tests/fuzz/seeds/image/restart.jpg"};
    for (int i = 0; i < 2; i++) {
        char err[1024];
        Image im;
        ck_assert_msg(image_load(files[i], 3, &im, err, sizeof err) == 0, "%s: %s", files[i], err);
        ck_assert_int_gt(im.w, 0);
        image_free(&im);
    }
}
END_TEST

START_TEST(test_regress_files) {
    char err[1024], path[512];
    for (size_t i = 0; i < sizeof g_bad / sizeof g_bad[0]; i++) {
        snprintf(path, sizeof path, "tests/regress/%s", g_bad[i].file);
        struct stat st;
        ck_assert_msg(stat(path, &st) == 0, "%s yok", path);
        double t0 = now_sec();
        int w, h, c;
        ck_assert_int_eq(image_info(path, &w, &h, &c, err, sizeof err), -1);
        ck_assert_msg(strstr(err, g_bad[i].file) && strstr(err, g_bad[i].needle),
                      "%s: '%s' bekleniyordu: %s", path, g_bad[i].needle, err);
        ck_assert_msg(!strstr(err, "PNG imzası"), "%s: yanıltıcı mesaj: %s", path, err);
        for (int want = 0; want <= 3; want += want ? 2 : 1) {
            Image im;
            ck_assert_int_eq(image_load(path, want, &im, err, sizeof err), -1);
            ck_assert_msg(strstr(err, g_bad[i].needle), "%s (kanal %d): %s", path, want, err);
        }
        uint8_t chw[3 * 32 * 32], d28[28 * 28];
        ck_assert_int_eq(image_load_chw(path, 3, 32, 32, chw, err, sizeof err), -1);
        ck_assert_int_eq(handwriting_prepare(path, d28, NULL, err, sizeof err), -1);
        ck_assert_msg(strstr(err, g_bad[i].needle), "%s (el yazısı): %s", path, err);
        double dt = now_sec() - t0;
        ck_assert_msg(dt < 2.0, "%s: %.2f s sürdü", path, dt);
    }
    /* Başka reddedilen imzalar ve tanınmayan baytlar (dosya adının uzantısı önemsiz) */
    static const struct { const char *bytes; size_t n; const char *needle; } sig[] = {
        {"8BPS\0\1\0\0\0\0\0\0\0\3\0\0\0\4", 18, "PSD"},
        {"\x53\x80\xF6\x34PICT....................", 28, "PIC"},
        {"#?RGBE\n", 7, "HDR"},
        {"P6\n1 1\n255\n\1\2\3", 14, "PNM"},
        {"GIF88a\1\0\1\0", 10, "tanınan bir görüntü değil"},
    };
    for (size_t i = 0; i < sizeof sig / sizeof sig[0]; i++) {
        const char *p = tmp_path("imza.png");
        FILE *f = fopen(p, "wb");
        fwrite(sig[i].bytes, 1, sig[i].n, f);
        fclose(f);
        Image im;
        ck_assert_int_eq(image_load(p, 3, &im, err, sizeof err), -1);
        ck_assert_msg(strstr(err, sig[i].needle), "'%s' bekleniyordu: %s", sig[i].needle, err);
    }
    /* Toplam piksel sınırı: 6001x6000 (36 006 000) reddedilir, kenarı sınırın çok altında
     * olduğu halde — yalnızca başlık okunur (IHDR), çözülmez. */
    char hdrpng[128];
    snprintf(hdrpng, sizeof hdrpng, "%s", tmp_path("genis.png"));
    {
        FILE *f = fopen("tests/regress/png_16000.png", "rb");
        unsigned char b[256];
        size_t n = fread(b, 1, sizeof b, f);
        fclose(f);
        /* IHDR genişlik/yükseklik: bayt 16-23; CRC'yi stb sınamaz */
        b[16] = 0; b[17] = 0; b[18] = 0x17; b[19] = 0x71;   /* 6001 */
        b[20] = 0; b[21] = 0; b[22] = 0x17; b[23] = 0x70;   /* 6000 */
        f = fopen(hdrpng, "wb");
        fwrite(b, 1, n, f);
        fclose(f);
    }
    int w, h, c;
    ck_assert_int_eq(image_info(hdrpng, &w, &h, &c, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "6001x6000") && strstr(err, "36000000"), "%s", err);
}
END_TEST

/* JPEG denetçisi geçerli dosyaları geçirir: stb_image_write'ın JPEG'i (her kalite) ve
 * entropi verisinde 0xFF 0x00 dolgusu olan gürültülü bir görüntü. */
START_TEST(test_jpeg_check_accepts_valid) {
    char err[512];
    uint8_t *p = pattern(64, 48, 3);
    for (int i = 0; i < 64 * 48 * 3; i++) p[i] = (uint8_t)(p[i] ^ (i * 131));   /* gürültü */
    for (int q = 10; q <= 100; q += 45) {
        const char *jp = tmp_path("gurultu.jpg");
        ck_assert_int_ne(stbi_write_jpg(jp, 64, 48, 3, p, q), 0);
        Image im;
        ck_assert_msg(image_load(jp, 3, &im, err, sizeof err) == 0, "kalite %d: %s", q, err);
        ck_assert_int_eq(im.w, 64);
        image_free(&im);
    }
    free(p);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("image");
    TCase *tc = tcase_create("dosyalar");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_png_bmp_roundtrip);
    tcase_add_test(tc, test_jpeg_and_channel_conversion);
    tcase_add_test(tc, test_resize_and_chw);
    tcase_add_test(tc, test_errors_name_the_file);
    tcase_add_test(tc, test_grid);
    tcase_add_test(tc, test_regress_files);
    tcase_add_test(tc, test_jpeg_valid_variants);
    tcase_add_test(tc, test_jpeg_check_accepts_valid);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
