/* test_lesson07.c — ölçekli nokta çarpım dikkati dersi: ./lesson07 --quick çıktısındaki SONUÇ
 * değerleri dersin iddialarını taşımalı; sınav cevap dosyaları; hatalı bayrak. */
#include <sys/stat.h>
#include "testutil.h"

static char out[1 << 17];

START_TEST(test_quick_run_claims) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick", bin_path("lesson07"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson07 --quick çıkış kodu %d:\n%s", rc, out);
    check_fits_80("lesson07", out); /* terminal çıktısı 80 sütuna sığar */
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 7/7"));
    /* "çekti" dikkatinin çoğunu bankadan + krediye verir; ikisi de Ali'den ve kendisinden büyük */
    double kr = sonuc_get(out, "cekti_kredi"), ba = sonuc_get(out, "cekti_bankadan");
    double al = sonuc_get(out, "cekti_ali"), ke = sonuc_get(out, "cekti_kendi");
    ck_assert_close(kr + ba + al + ke, 1.0, 1e-3);
    ck_assert_msg(kr + ba > 0.6, "bankadan+kredi = %g", kr + ba);
    ck_assert(kr > al && kr > ke && ba > al && ba > ke);
    /* Adım adım hesap ile kütüphanenin sdpa_forward'ı aynı */
    ck_assert_msg(sonuc_get(out, "sdpa_fark") < 1e-6, "sdpa_fark = %g", sonuc_get(out, "sdpa_fark"));
    /* Ölçeksiz varyans d_k ile doğrusal: log-log eğim ~1, Var(512)/Var(8) ~ 64 */
    double slope = sonuc_get(out, "var_egim"), ratio = sonuc_get(out, "var_oran_512_8");
    ck_assert_msg(slope > 0.9 && slope < 1.1, "var_egim = %g", slope);
    ck_assert_msg(ratio > 48 && ratio < 80, "var_oran_512_8 = %g (beklenen ~64)", ratio);
    /* log₂ ölçeğinde: 512/8 = 2^6 kat büyüme, ±0,4 içinde */
    ck_assert_msg(fabs(log2(ratio) - 6.0) < 0.4, "log2(var_oran_512_8) = %g", log2(ratio));
    /* Ölçekli varyans her d_k'da ~1 */
    double vmin = sonuc_get(out, "var_olcekli_min"), vmax = sonuc_get(out, "var_olcekli_max");
    ck_assert_msg(vmin > 0.85 && vmax < 1.15, "ölçekli varyans %g..%g", vmin, vmax);
    ck_assert(vmin <= vmax);
    /* Metindeki aralık tablonun gerçek en küçüğü ve en büyüğüdür (SONUÇ'takiyle aynı) */
    char want[128];
    snprintf(want, sizeof want, "Ölçekli varyans %.4f (d_k = ", vmin);
    ck_assert_msg(strstr(out, want) != NULL, "çıktıda yok: %s", want);
    snprintf(want, sizeof want, "ile %.4f (d_k = ", vmax);
    ck_assert_msg(strstr(out, want) != NULL, "çıktıda yok: %s", want);
    /* Ölçeksiz softmax doyar (en büyük ağırlık -> 1), ölçekli doymaz; gradyan söner */
    double w512 = sonuc_get(out, "maxw_olceksiz_512"), w2 = sonuc_get(out, "maxw_olceksiz_2");
    double ws512 = sonuc_get(out, "maxw_olcekli_512");
    ck_assert_msg(w512 > 0.9, "maxw_olceksiz_512 = %g", w512);
    ck_assert_msg(w512 > w2 + 0.5, "doygunluk d_k ile artmalı: %g -> %g", w2, w512);
    ck_assert_msg(ws512 < 0.4, "maxw_olcekli_512 = %g", ws512);
    double g = sonuc_get(out, "grad_olceksiz_512"), gs = sonuc_get(out, "grad_olcekli_512");
    ck_assert_msg(g > 0 && g * 3 < gs, "gradyan: ölçeksiz %g, ölçekli %g", g, gs);
    const char *steps[] = {"dikkat_isi_haritasi", "varyans", "en_buyuk_agirlik", "gradyan_boyu"};
    check_plot_files("lesson07", steps, 4);
}
END_TEST

START_TEST(test_quiz_answers) {
    check_quiz_key("lesson07", out, sizeof out);
    int rc;

    /* İlk cevabı yanlış (softmax([2,0])'ın ilk elemanı 0,5 değil): çıkış 1 */
    rc = quiz_grade_text("lesson07", "tests/out/lesson07_yanlis.txt", "0.5\nb\n1\na\n0,75\nc\n0.3478\nc\n", out, sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);
    ck_assert_int_eq((int)sonuc_get(out, "quiz_dogru"), 7);

    /* Çoktan seçmeli soruya sayı, eksik cevaplar: çıkış 2, dosyayı adlandıran Türkçe hata */
    rc = quiz_grade_text("lesson07", "tests/out/lesson07_bozuk.txt", "0.8808\n7\n", out, sizeof out);
    ck_assert_msg(rc == 2, "bozuk dosya: çıkış %d\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "lesson07_bozuk.txt"));
    ck_assert_ptr_nonnull(strstr(out, "hata"));

    ck_assert_int_eq(quiz_grade_file("lesson07", "tests/out/yok_boyle_dosya.txt", out, sizeof out), 2);
    ck_assert_ptr_nonnull(strstr(out, "yok_boyle_dosya.txt"));
}
END_TEST

START_TEST(test_bad_flag) {
    expect_run("lesson07", "--boyle-bir-bayrak-yok", 2, "bilinmeyen bayrak", NULL, out, sizeof out);
    expect_run("lesson07", "--seed abc", 2, "--seed", NULL, out, sizeof out);
    /* Ders eğitim yapmaz ve MNIST okumaz: --epochs ve --data hata verir, yardımda görünmez */
    expect_run("lesson07", "--quick --epochs 3", 2, "--epochs", NULL, out, sizeof out);
    expect_run("lesson07", "--quick --data /tmp", 2, "--data", NULL, out, sizeof out);
    expect_run("lesson07", "--help", 0, NULL, "--epochs", out, sizeof out);
    ck_assert_ptr_null(strstr(out, "--data"));
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson07");
    TCase *tc = tcase_create("ölçekli nokta çarpım dikkati");
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_bad_flag);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
