/* test_lesson01.c — lesson01 (veri normalizasyonu): --quick koşusunun iddiaları, veriye karşı
 * bağımsız bir sayım, PNG ızgarası, sınav ve hatalı girdiler. */
#include <stb_image.h>
#include <unistd.h>
#include "doaa.h"
#include "testutil.h"

static char out[1 << 20];
static int rc_quick = -1;

/* --quick bir kez, paketin başında (çatallanan testler çıktıyı paylaşır) */
static void run_quick(void) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick", bin_path("lesson01"));
    rc_quick = run_cmd(cmd, out, sizeof out);
}

START_TEST(test_quick_runs) {
    ck_assert_msg(rc_quick == 0, "lesson01 --quick çıkış kodu %d\n%s", rc_quick, out);
    check_fits_80("lesson01", out); /* terminal çıktısı 80 sütuna sığar */
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 7/7"));
    ck_assert(!isnan(sonuc_get(out, "raw_loss")));
}
END_TEST

START_TEST(test_counts_and_stats_match_data) {
    /* MNIST'i burada ayrıca yükleyip dersin sayılarıyla karşılaştır */
    Mnist m;
    mnist_load("data/mnist", &m);
    ck_assert_int_eq((int)sonuc_get(out, "train_n"), 60000);
    ck_assert_int_eq((int)sonuc_get(out, "test_n"), 10000);
    ck_assert_int_eq(m.train.n, 60000);
    ck_assert_int_eq((int)sonuc_get(out, "classes"), 10);
    size_t N = (size_t)m.train.n * 784, zeros = 0;
    double s = 0, s2 = 0;
    int mn = 255, mx = 0;
    for (size_t i = 0; i < N; i++) {
        int v = m.train.images[i];
        s += v;
        s2 += (double)v * v;
        zeros += v == 0;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
    }
    double mean = s / N, sd = sqrt(s2 / N - mean * mean);
    ck_assert_close(sonuc_get(out, "pixel_mean"), mean, 1e-4);
    ck_assert_close(sonuc_get(out, "pixel_std"), sd, 1e-4);
    ck_assert_close(sonuc_get(out, "zero_frac"), (double)zeros / N, 1e-3);
    ck_assert_close(sonuc_get(out, "mu"), mean / 255.0, 1e-4);
    ck_assert_int_eq((int)sonuc_get(out, "pixel_min"), mn);
    ck_assert_int_eq((int)sonuc_get(out, "pixel_max"), mx);
    mnist_free(&m);
}
END_TEST

START_TEST(test_minmax_in_unit_interval) {
    double lo = sonuc_get(out, "minmax_min"), hi = sonuc_get(out, "minmax_max");
    ck_assert(lo >= 0.0 && hi <= 1.0);
    ck_assert_close(lo, 0.0, 1e-9);   /* MNIST'te hem 0 hem 255 piksel var */
    ck_assert_close(hi, 1.0, 1e-9);
    ck_assert_close(sonuc_get(out, "minmax_mean"), sonuc_get(out, "mu"), 1e-5);
}
END_TEST

START_TEST(test_zscore_standardized) {
    ck_assert_close(sonuc_get(out, "zscore_mean"), 0.0, 1e-4);
    ck_assert_close(sonuc_get(out, "zscore_std"), 1.0, 1e-4);
    /* test kümesi eğitimin μ, σ'sıyla: yakın ama eğitimden hesaplanmış */
    ck_assert(fabs(sonuc_get(out, "zscore_test_mean")) < 0.05);
    ck_assert(fabs(sonuc_get(out, "zscore_test_std") - 1.0) < 0.05);
}
END_TEST

START_TEST(test_normalization_helps) {
    double raw = sonuc_get(out, "raw_loss"), norm = sonuc_get(out, "norm_loss"),
           zs = sonuc_get(out, "zscore_loss");
    ck_assert_msg(norm < raw, "normalize kayıp %g, ham kayıp %g'den küçük değil", norm, raw);
    ck_assert_msg(zs < raw, "z-score kayıp %g, ham kayıp %g'den küçük değil", zs, raw);
    ck_assert(sonuc_get(out, "norm_acc") > sonuc_get(out, "raw_acc"));
    /* ham girişte ilk kayıp çok büyük başlar */
    ck_assert(sonuc_get(out, "raw_first_loss") > 10 * sonuc_get(out, "norm_first_loss"));
    ck_assert(sonuc_get(out, "norm_first_loss") < 5.0);
    /* ders "ham ağ yanlışlarında daha emin" der: yanlışların ortalama kaybı daha büyük,
     * ve yanlışların kaybı bütün test kaybından büyüktür (ortalamayı yukarı çekerler) */
    ck_assert(sonuc_get(out, "raw_wrong_loss") > sonuc_get(out, "norm_wrong_loss"));
    ck_assert(sonuc_get(out, "raw_wrong_loss") > raw);
    ck_assert(sonuc_get(out, "norm_wrong_loss") > norm);
}
END_TEST

START_TEST(test_grid_png_written) {
    int w, h, c;
    ck_assert_msg(stbi_info("plots/lesson01/rakamlar.png", &w, &h, &c), "PNG okunamadı");
    ck_assert_int_eq(w, 604);   /* 10 x (28*2 + 4) + 4 */
    ck_assert_int_eq(h, 604);
    ck_assert_int_eq(c, 1);
    ck_assert(access("plots/lesson01/kayip_karsilastirma.dat", R_OK) == 0);
    ck_assert(access("plots/lesson01/histogram_karsilastirma.gp", R_OK) == 0);
}
END_TEST

START_TEST(test_quiz_answers) {
    char cmd[512], buf[8192];
    snprintf(cmd, sizeof cmd, "%s --quiz --answers tests/answers/lesson01.txt", bin_path("lesson01"));
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 0);
    ck_assert(sonuc_get(buf, "quiz_dogru") >= 6);
    ck_assert_double_eq(sonuc_get(buf, "quiz_dogru"), sonuc_get(buf, "quiz_toplam"));

    /* yanlış bir cevap: 3. soru (5'lerin sayısı) bir eksik */
    char wrong[] = "tests/out/lesson01_yanlis_XXXXXX";
    mkdir_p("tests/out");
    int fd = mkstemp(wrong);
    ck_assert(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("0.502\n0.25\n5420\n-0.42\nb\nb\nb\n80.88\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s --quiz --answers %s", bin_path("lesson01"), wrong);
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 1);
    ck_assert_ptr_nonnull(strstr(buf, "Soru 3: YANLIŞ"));

    /* 1. soru "üç ondalık" ister: 0.5 (iki ondalığa yuvarlanmış) kabul edilmez */
    f = fopen(wrong, "w");
    fputs("0.5\n0.25\n5421\n-0.42\nb\nb\nb\n80.88\n", f);
    fclose(f);
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 1);
    ck_assert_ptr_nonnull(strstr(buf, "Soru 1: YANLIŞ"));

    /* bozuk dosya: sayı yerine metin */
    f = fopen(wrong, "w");
    fputs("0.502\nyarım\n", f);
    fclose(f);
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 2);
    ck_assert_ptr_nonnull(strstr(buf, wrong));
    ck_assert_ptr_nonnull(strstr(buf, "satır 2"));
    unlink(wrong);
}
END_TEST

START_TEST(test_bad_flags_and_data) {
    char cmd[512], buf[4096];
    snprintf(cmd, sizeof cmd, "%s --boyle-bir-bayrak-yok", bin_path("lesson01"));
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 2);
    ck_assert_ptr_nonnull(strstr(buf, "bilinmeyen bayrak"));
    snprintf(cmd, sizeof cmd, "%s --epochs sifir", bin_path("lesson01"));
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 2);
    snprintf(cmd, sizeof cmd, "%s --quick --data tests/out/boyle-bir-klasor-yok", bin_path("lesson01"));
    int rc = run_cmd(cmd, buf, sizeof buf);
    ck_assert_int_ne(rc, 0);
    ck_assert_ptr_nonnull(strstr(buf, "boyle-bir-klasor-yok"));
    snprintf(cmd, sizeof cmd, "%s --help", bin_path("lesson01"));
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 0);
    ck_assert_ptr_nonnull(strstr(buf, "Kullanım"));
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson01");
    TCase *tc = tcase_create("normalizasyon");
    tcase_add_unchecked_fixture(tc, run_quick, NULL);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_quick_runs);
    tcase_add_test(tc, test_counts_and_stats_match_data);
    tcase_add_test(tc, test_minmax_in_unit_interval);
    tcase_add_test(tc, test_zscore_standardized);
    tcase_add_test(tc, test_normalization_helps);
    tcase_add_test(tc, test_grid_png_written);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_bad_flags_and_data);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
