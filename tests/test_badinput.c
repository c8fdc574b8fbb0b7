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

/* lesson06 --translate: küçük ama geçerli bir sayı modeli kurup bozuk kopyalarını ve
 * bozuk girdileri dener. */
static void make_seq2seq(const char *path) {
    SeqTask t;
    seqtask_init(&t, SEQ_NUMBER, 0, 1, 9);
    Seq2Seq m;
    seq2seq_build(&m, (Seq2SeqConfig){.Vs = t.src.n, .Vt = t.tgt.n, .E = 4, .H = 8, .A = 4});
    Rng r;
    rng_seed(&r, 1);
    seq2seq_init(&m, &r);
    CkptInt ex[3] = {{"gorev", SEQ_NUMBER}, {"min_len", 1}, {"max_len", 9}};
    char err[512];
    ck_assert_msg(seq2seq_save(&m, path, ex, 3, "test", err, sizeof err) == 0, "%s", err);
    seq2seq_free(&m);
    seqtask_free(&t);
}

START_TEST(test_lesson06_translate) {
    char path[400], args[1024], cmd[1200];
    snprintf(path, sizeof path, "%s/s2s.model", dir);
    make_seq2seq(path);
    /* geçerli model ve girdi: çalışır (eğitilmemiş model, çıktısı önemli değil) */
    snprintf(cmd, sizeof cmd, "%s --model '%s' --translate '12 345'", bin_path("lesson06"), path);
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "geçerli model: çıkış %d\n%s", rc, out);
    snprintf(args, sizeof args, "--model '%s' --translate '12x'", path);
    expect_fail(run_lesson("lesson06", args), "rakam değil");
    snprintf(args, sizeof args, "--model '%s' --translate '1234567890'", path);
    expect_fail(run_lesson("lesson06", args), "en çok 9 rakam");
    snprintf(args, sizeof args, "--model '%s' --translate \"$(printf '1\\377')\"", path);
    expect_fail(run_lesson("lesson06", args), "UTF-8");
    /* kesik model dosyası */
    snprintf(cmd, sizeof cmd, "cp '%s' '%s/kesik.model' && truncate -s 300 '%s/kesik.model'", path,
             dir, dir);
    ck_assert_int_eq(system(cmd), 0);
    snprintf(args, sizeof args, "--model '%s/kesik.model' --translate 12", dir);
    expect_fail(run_lesson("lesson06", args), "kesik.model");
    /* bir baytı bozulmuş model (CRC tutmaz) */
    snprintf(cmd, sizeof cmd,
             "cp '%s' '%s/bozuk.model' && printf 'Z' | dd conv=notrunc bs=1 seek=200 "
             "of='%s/bozuk.model' 2>/dev/null", path, dir, dir);
    ck_assert_int_eq(system(cmd), 0);
    snprintf(args, sizeof args, "--model '%s/bozuk.model' --translate 12", dir);
    expect_fail(run_lesson("lesson06", args), "bozuk.model");
    /* model yok */
    snprintf(args, sizeof args, "--model '%s/yok.model' --translate 12", dir);
    expect_fail(run_lesson("lesson06", args), "yok.model");
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
    tcase_add_test(tc, test_lesson06_translate);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
