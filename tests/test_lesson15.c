/* test_lesson15.c — difüzyon dersi: ./lesson15 --quick çıktısındaki SONUÇ değerleri dersin
 * iddialarını taşımalı (ölçütlerin anlamı, çizelge tuzağı, gradyan denetimi, eğitimin
 * öğrenmesi, kaydedilen modelin aynı kaliteyi vermesi); --sample; sınav; hatalı girişler. */
#include "testutil.h"

static char out[1 << 17];
#define MODEL "tests/out/l15_test.model"

START_TEST(test_quick_run_claims) {
    mkdir("tests/out", 0755);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick --threads 1 --model " MODEL, bin_path("lesson15"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson15 --quick çıkış kodu %d:\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 6/6"));
    /* Ölçütler: aynı dağılımdan iki küme ≈ 0 uzaklık ve tam duyarlılık; yarım veri
     * kesinliği korur, duyarlılığı kaybeder */
    ck_assert_msg(fabs(sonuc_get(out, "ideal_ed")) < 0.01, "ideal_ed");
    ck_assert_msg(sonuc_get(out, "ideal_rec") > 0.95, "ideal_rec");
    ck_assert_msg(sonuc_get(out, "half_prec") > 0.95, "half_prec");
    double hr = sonuc_get(out, "half_rec");
    ck_assert_msg(hr > 0.3 && hr < 0.75, "half_rec = %g", hr);
    ck_assert_msg(sonuc_get(out, "half_ed") > 0.1, "half_ed");
    /* Çizelge tuzağı: T = 50 doğrusal √ᾱ_T ≈ 0.78; dersin çizelgesi gürültüye ulaşır */
    ck_assert_close(sonuc_get(out, "trap_sqrt_abar"), 0.7765, 0.005);
    ck_assert_msg(sonuc_get(out, "sqrt_abar_T") < 0.02, "sqrt_abar_T");
    ck_assert_msg(sonuc_get(out, "trap_ed") > 3 * sonuc_get(out, "schedule_ed"), "tuzak uzaklığı");
    /* Elle yazılmış geri geçiş doğru */
    double gc = sonuc_get(out, "gradcheck");
    ck_assert_msg(gc >= 0 && gc <= 1.0, "gradcheck = %g", gc);
    /* Kısa eğitim bile öğrenir: kayıp düşer, üretilen noktalar eğitilmemiş modelden çok iyi */
    ck_assert_msg(sonuc_get(out, "loss_last") < 0.5 * sonuc_get(out, "loss_first"), "kayıp");
    double fe = sonuc_get(out, "flag_ed"), ue = sonuc_get(out, "untrained_ed");
    ck_assert_msg(fe < 0.1 && fe * 10 < ue, "flag_ed %g, untrained_ed %g", fe, ue);
    ck_assert_msg(sonuc_get(out, "flag_rec") > 0.5, "flag_rec");
    ck_assert_msg(sonuc_get(out, "untrained_rec") < 0.3, "untrained_rec");
    /* Dosyadan yüklenen model (başka tohum, yeni gerçek küme) de veriye yakın */
    ck_assert_msg(sonuc_get(out, "loaded_ed") < 0.1, "loaded_ed");
    const char *steps[] = {"veri", "cizelge", "ileri_surec", "kayip", "ters_surec", "uretilen",
                           "adim_sayisi", "yollar", "orneklem"};
    check_plot_files("lesson15", steps, 9);

    expect_run("lesson15", "--sample 300 --model " MODEL, 0, "300 nokta", NULL, out, sizeof out);
    ck_assert_ptr_nonnull(strstr(out, "DDPM"));
    expect_run("lesson15", "--sample 200 --sample-steps 10 --model " MODEL, 0, "DDIM", NULL, out,
               sizeof out);
}
END_TEST

START_TEST(test_quiz_answers) {
    check_quiz_key("lesson15", out, sizeof out);
    int rc = quiz_grade_text("lesson15", "tests/out/lesson15_yanlis.txt",
                             "0.78\n0.80\n1.60\na\nb\nb\nb\nd\n", out, sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);
    rc = quiz_grade_text("lesson15", "tests/out/lesson15_bozuk.txt", "x\n", out, sizeof out);
    ck_assert_msg(rc == 2, "bozuk dosya: çıkış %d\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "lesson15_bozuk.txt"));
}
END_TEST

START_TEST(test_bad_input) {
    expect_run("lesson15", "--boyle-bir-bayrak-yok", 2, "bilinmeyen bayrak", NULL, out, sizeof out);
    expect_run("lesson15", "--sample 10 --model tests/out/yok_boyle_model.model", 2,
               "yok_boyle_model.model", NULL, out, sizeof out);
    expect_run("lesson15", "--sample 10 --model tests/answers/lesson15.txt", 2, "lesson15.txt",
               NULL, out, sizeof out);
    /* Başka bir dersin modeli (GAN üreticisi) de reddedilir: tür adı uymaz */
    write_text_file("tests/out/l15_bos.model", "");
    expect_run("lesson15", "--sample 10 --model tests/out/l15_bos.model", 2, "l15_bos.model", NULL,
               out, sizeof out);
    expect_run("lesson15", "--sample 0", 2, "--sample", NULL, out, sizeof out);
    expect_run("lesson15", "--quick --emb 7", 2, "--emb", NULL, out, sizeof out);
    expect_run("lesson15", "--quick --T 5", 2, "--T", NULL, out, sizeof out);
    expect_run("lesson15", "--quick --model tests/answers/lesson15.txt", 1, "lesson15.txt", NULL,
               out, sizeof out);
    expect_run("lesson15", "--help", 0, "--sample", NULL, out, sizeof out);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson15");
    TCase *tc = tcase_create("DDPM");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_bad_input);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
