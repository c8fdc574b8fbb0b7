/* test_lesson08.c — softmax ve sıcaklık dersi: ./lesson08 --quick çıktısındaki SONUÇ
 * değerleri dersin iddialarını taşımalı; sınav cevap dosyaları; hatalı bayrak. */
#include <sys/stat.h>
#include "testutil.h"

static char out[1 << 17];

START_TEST(test_quick_run_claims) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick", bin_path("lesson08"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson08 --quick çıkış kodu %d:\n%s", rc, out);
    check_fits_80("lesson08", out); /* terminal çıktısı 80 sütuna sığar */
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 5/5"));
    /* Düşük sıcaklık sivriltir, yüksek sıcaklık düzleştirir (5 aday: tekdüze 0,2) */
    double p025 = sonuc_get(out, "pmax_t025"), p5 = sonuc_get(out, "pmax_t5");
    ck_assert_msg(p025 > 0.9, "pmax_t025 = %g", p025);
    ck_assert_msg(p5 < 0.35 && p5 > 0.2, "pmax_t5 = %g", p5);
    /* Entropi: τ = 0,05'te ~0, τ = 50'de ~ln 5, arada tekdüze artan */
    double lnK = sonuc_get(out, "lnK");
    ck_assert_close(lnK, log(5.0), 1e-4);
    ck_assert_msg(sonuc_get(out, "H_dusuk") < 0.01, "H_dusuk = %g", sonuc_get(out, "H_dusuk"));
    ck_assert_msg(sonuc_get(out, "H_yuksek") > 0.99 * lnK, "H_yuksek = %g",
                  sonuc_get(out, "H_yuksek"));
    ck_assert_int_eq((int)sonuc_get(out, "H_monoton"), 1);
    /* Düz softmax [±1000...]'de 6 NaN; kararlı sürüm doğru dağılım */
    ck_assert_int_eq((int)sonuc_get(out, "naive_nan"), 6);
    ck_assert_close(sonuc_get(out, "kararli_toplam"), 1.0, 1e-5);
    ck_assert_close(sonuc_get(out, "kararli_p3"), exp(2.0) / (1 + exp(1.0) + exp(2.0)), 1e-4);
    /* Örnekleme: 10 000 çekilişte sıklıklar olasılıklara yakın (TV küçük, χ² %0,1 eşiğinin
     * altında); yanlış dağılımla karşılaştırınca χ² patlar (ölçü ayırt edebiliyor) */
    const char *tvs[] = {"tv_t05", "tv_t1", "tv_t2"}, *chis[] = {"chi2_t05", "chi2_t1", "chi2_t2"};
    for (int i = 0; i < 3; i++) {
        double tv = sonuc_get(out, tvs[i]), c2 = sonuc_get(out, chis[i]);
        ck_assert_msg(tv >= 0 && tv < 0.02, "%s = %g", tvs[i], tv);
        ck_assert_msg(c2 >= 0 && c2 < 18.47, "%s = %g", chis[i], c2);
    }
    ck_assert_msg(sonuc_get(out, "chi2_yanlis") > 1000, "chi2_yanlis = %g",
                  sonuc_get(out, "chi2_yanlis"));
    /* Ölçekli dikkat = τ = √d_k sıcaklıklı softmax */
    ck_assert_msg(sonuc_get(out, "sdpa_tau_fark") < 1e-6, "sdpa_tau_fark = %g",
                  sonuc_get(out, "sdpa_tau_fark"));
    const char *steps[] = {"sicaklik_dagilimlari", "entropi", "ornekleme"};
    check_plot_files("lesson08", steps, 3);
}
END_TEST

START_TEST(test_same_seed_same_samples) {
    /* Aynı tohum aynı çekilişleri verir; başka tohum başka (ama yine uyumlu) sayımlar */
    char cmd[512], out2[1 << 17];
    snprintf(cmd, sizeof cmd, "%s --quick --seed 7", bin_path("lesson08"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 0);
    ck_assert_int_eq(run_cmd(cmd, out2, sizeof out2), 0);
    ck_assert_str_eq(strstr(out, "SONUÇ:"), strstr(out2, "SONUÇ:"));
    snprintf(cmd, sizeof cmd, "%s --quick --seed 8", bin_path("lesson08"));
    ck_assert_int_eq(run_cmd(cmd, out2, sizeof out2), 0);
    ck_assert(sonuc_get(out, "chi2_t1") != sonuc_get(out2, "chi2_t1"));
    ck_assert(sonuc_get(out2, "chi2_max") < 18.47);
}
END_TEST

START_TEST(test_quiz_answers) {
    check_quiz_key("lesson08", out, sizeof out);
    int rc;

    /* τ = 2 sorusuna τ = 1 cevabı verilmiş: çıkış 1 */
    rc = quiz_grade_text("lesson08", "tests/out/lesson08_yanlis.txt", "0.6652\n0.6652\nb\nc\n1.3863\nb\n0.2\nc\n", out, sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);
    ck_assert_int_eq((int)sonuc_get(out, "quiz_dogru"), 7);

    /* Çoktan seçmeli soruya geçersiz şık: çıkış 2, dosyayı adlandıran Türkçe hata */
    rc = quiz_grade_text("lesson08", "tests/out/lesson08_bozuk.txt", "0.6652\n0.5065\nz\n", out, sizeof out);
    ck_assert_msg(rc == 2, "bozuk dosya: çıkış %d\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "lesson08_bozuk.txt"));
    ck_assert_ptr_nonnull(strstr(out, "hata"));
}
END_TEST

START_TEST(test_bad_flag) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --boyle-bir-bayrak-yok", bin_path("lesson08"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_int_eq(rc, 2);
    ck_assert_ptr_nonnull(strstr(out, "bilinmeyen bayrak"));
    snprintf(cmd, sizeof cmd, "%s --predict x.png", bin_path("lesson08"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 2);
    /* Ders eğitim yapmaz ve MNIST okumaz: --epochs ve --data hata verir, yardımda görünmez */
    snprintf(cmd, sizeof cmd, "%s --quick --epochs 2", bin_path("lesson08"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 2);
    ck_assert_ptr_nonnull(strstr(out, "--epochs"));
    snprintf(cmd, sizeof cmd, "%s --quick --data data/mnist", bin_path("lesson08"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 2);
    ck_assert_ptr_nonnull(strstr(out, "--data"));
    snprintf(cmd, sizeof cmd, "%s --help", bin_path("lesson08"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 0);
    ck_assert_ptr_null(strstr(out, "--epochs"));
    ck_assert_ptr_null(strstr(out, "--data"));
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson08");
    TCase *tc = tcase_create("softmax ve sıcaklık");
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_same_seed_same_samples);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_bad_flag);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
