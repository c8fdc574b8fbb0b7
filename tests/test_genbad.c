/* test_genbad.c — üretken derslerin (lesson14 GAN, lesson15 DDPM) kayıt dosyası ve bayrak
 * doğrulaması. Küçük ağlarla (--hidden 8) koştuğu için ASan/UBSan turunda da çalışır
 * (DOAA_BIN=build/asan). Bozuk, kesik ya da başka türden bir model dosyası: dosyayı adıyla
 * anan Türkçe hata, çıkış kodu 2, çökme yok. */
#include "testutil.h"

static char out[1 << 17];

/* src'nin ilk n baytını dst'ye kopyalar; flip >= 0 ise o bayttaki bitleri çevirir. */
static void copy_bytes(const char *src, const char *dst, long n, long flip) {
    FILE *f = fopen(src, "rb");
    ck_assert_msg(f != NULL, "%s açılamadı", src);
    static unsigned char buf[1 << 22];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    ck_assert_msg(len > 64 && len < sizeof buf, "%s: %zu bayt", src, len);
    if (n < 0 || (size_t)n > len) n = (long)len;
    if (flip >= 0 && flip < n) buf[flip] ^= 0xFF;
    FILE *g = fopen(dst, "wb");
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq((long)fwrite(buf, 1, (size_t)n, g), n);
    fclose(g);
}

static void check_model_file(const char *lesson, const char *good, const char *tag,
                             const char *ok_text) {
    char path[256], args[512];
    /* kesik dosya */
    snprintf(path, sizeof path, "tests/out/%s_kesik.model", tag);
    copy_bytes(good, path, 100, -1);
    snprintf(args, sizeof args, "--sample 10 --model %s", path);
    expect_run(lesson, args, 2, path, NULL, out, sizeof out);
    /* ortadaki bir bayt bozuk: CRC-32 tutmaz */
    FILE *f = fopen(good, "rb");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fclose(f);
    snprintf(path, sizeof path, "tests/out/%s_bozuk.model", tag);
    copy_bytes(good, path, -1, size / 2);
    snprintf(args, sizeof args, "--sample 10 --model %s", path);
    expect_run(lesson, args, 2, path, NULL, out, sizeof out);
    /* sağlam dosya */
    snprintf(args, sizeof args, "--sample 10 --model %s", good);
    expect_run(lesson, args, 0, ok_text, NULL, out, sizeof out);
}

START_TEST(test_gan_model_files) {
    mkdir("tests/out", 0755);
    expect_run("lesson14",
               "--quick --hidden 8 --batch 16 --mnist-epochs 1 --model tests/out/gb14.model", 0,
               "SONUÇ:", NULL, out, sizeof out);
    /* MNIST üreticisi (--model) ve 2-B ızgara üreticisi (_izgara eşi) */
    check_model_file("lesson14", "tests/out/gb14.model", "gb14", "10 rakam");
    check_model_file("lesson14", "tests/out/gb14_izgara.model", "gb14i", "10 nokta");
}
END_TEST

START_TEST(test_ddpm_model_files) {
    mkdir("tests/out", 0755);
    expect_run("lesson15", "--quick --no-mnist --hidden 8 --emb 4 --batch 16 --model tests/out/gb15.model", 0,
               "SONUÇ:", NULL, out, sizeof out);
    check_model_file("lesson15", "tests/out/gb15.model", "gb15", "10 nokta");
    /* Türü farklı bir model dosyası (GAN üreticisi) DDPM olarak okunmaz. Önceki test
     * üreticileri yazdıysa onlar kullanılır (ASan altında dersi ikinci kez eğitmek pahalı);
     * bu test tek başına koşarsa kendisi eğitir. */
    struct stat st;
    if (stat("tests/out/gb14.model", &st) != 0 || stat("tests/out/gb14_izgara.model", &st) != 0)
        expect_run("lesson14",
                   "--quick --hidden 8 --batch 16 --mnist-epochs 1 --model tests/out/gb14.model", 0,
                   "SONUÇ:", NULL, out, sizeof out);
    expect_run("lesson15", "--sample 10 --model tests/out/gb14.model", 2, "gb14.model", NULL,
               out, sizeof out);
    expect_run("lesson15", "--sample 10 --model tests/out/gb14_izgara.model", 2,
               "gb14_izgara.model", NULL, out, sizeof out);
    expect_run("lesson14", "--sample 10 --model tests/out/gb15.model", 2, "gb15.model", NULL, out,
               sizeof out);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("genbad");
    TCase *tc = tcase_create("üretken dersler, hatalı girişler");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_gan_model_files);
    tcase_add_test(tc, test_ddpm_model_files);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
