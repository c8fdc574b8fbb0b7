/* test_badinput.c — kullanıcının verebileceği bozuk girdiler, derslerin kendisiyle:
 * kesik/bozuk IDX klasörü, bozuk model dosyası, hatalı bayraklar. `make check`
 * bunu ikinci kez ASan/UBSan derlemeleriyle (DOAA_BIN=build/asan) çalıştırır:
 * her durumda Türkçe bir hata, sıfır olmayan çıkış ve çökme olmaması beklenir. */
#include <unistd.h>
#include "doaa.h"
#include "testutil.h"

static char out[1 << 16];
static char dir[256];

static void setup(void) {
    snprintf(dir, sizeof dir, "/tmp/doaa_bad_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}
static void teardown(void) {
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Gerçek MNIST dosyalarını kopyalar; 'which' dosyasını ($F) 'how' kabuk komutuyla bozar. */
static void make_data(const char *which, const char *how) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/d' && for f in train-images-idx3-ubyte train-labels-idx1-ubyte "
             "t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do cp data/mnist/$f '%s/d/'; done && "
             "cd '%s/d' && F=%s && %s",
             dir, dir, dir, which, how);
    ck_assert_int_eq(system(cmd), 0);
}

static int run_lesson(const char *lesson, const char *args) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s %s", bin_path(lesson), args);
    return run_cmd(cmd, out, sizeof out);
}

static void expect_fail(int rc, const char *needle) {
    ck_assert_msg(rc != 0 && rc < 128, "çıkış kodu %d (çökme ya da başarı):\n%s", rc, out);
    ck_assert_msg(strstr(out, "hata:") != NULL, "Türkçe hata satırı yok:\n%s", out);
    ck_assert_msg(strstr(out, needle) != NULL, "'%s' bekleniyordu:\n%s", needle, out);
    ck_assert_msg(strstr(out, "AddressSanitizer") == NULL && strstr(out, "runtime error") == NULL,
                  "temizleyici (sanitizer) hata buldu:\n%s", out);
}

START_TEST(test_truncated_idx) {
    make_data("train-images-idx3-ubyte", "truncate -s 1000000 $F");
    char args[512];
    snprintf(args, sizeof args, "--quick --data '%s/d'", dir);
    expect_fail(run_lesson("lesson02", args), "train-images-idx3-ubyte");
}
END_TEST

START_TEST(test_wrong_magic_idx) {
    make_data("t10k-labels-idx1-ubyte", "printf 'XY' | dd conv=notrunc bs=1 seek=0 of=$F 2>/dev/null");
    char args[512];
    snprintf(args, sizeof args, "--quick --data '%s/d'", dir);
    expect_fail(run_lesson("lesson02", args), "IDX dosyası değil");
}
END_TEST

START_TEST(test_swapped_files) {
    /* etiket dosyası yerine görüntü dosyası: boyut sayısı tutmaz */
    make_data("train-labels-idx1-ubyte", "cp t10k-images-idx3-ubyte $F");
    char args[512];
    snprintf(args, sizeof args, "--quick --data '%s/d'", dir);
    expect_fail(run_lesson("lesson02", args), "1 boyutlu olmalı");
}
END_TEST

START_TEST(test_missing_and_flags) {
    char args[512];
    snprintf(args, sizeof args, "--quick --data '%s/bos'", dir);
    expect_fail(run_lesson("lesson02", args), "bulunamadı");
    expect_fail(run_lesson("lesson02", "--epochs -3"), "--epochs");
    expect_fail(run_lesson("lesson02", "--quiz --answers /tmp/doaa_yok_cevap.txt"), "doaa_yok_cevap.txt");
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("kötü girdi");
    TCase *tc = tcase_create("dersler");
    tcase_set_timeout(tc, 300);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_truncated_idx);
    tcase_add_test(tc, test_wrong_magic_idx);
    tcase_add_test(tc, test_swapped_files);
    tcase_add_test(tc, test_missing_and_flags);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
