/* test_lesson11.c — konumsal kodlama dersi: ./lesson11 --quick çıktısındaki SONUÇ
 * değerleri dersin iddialarını taşımalı; sınav cevap dosyaları; hatalı bayrak. */
#include <sys/stat.h>
#include "testutil.h"

static char out[1 << 16];

START_TEST(test_quick_run_claims) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick", bin_path("lesson11"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson11 --quick çıkış kodu %d:\n%s", rc, out);
    check_fits_80("lesson11", out); /* terminal çıktısı 80 sütuna sığar */
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 4/4"));
    /* Isı haritası M_5'i gösterir; çıktı da bunu söylemeli (gp dosyasının başlığıyla aynı) */
    ck_assert_ptr_nonnull(strstr(out, "kaydirma_matrisi.png\n(M_5"));
    {
        FILE *g = fopen("plots/lesson11/kaydirma_matrisi.gp", "r");
        ck_assert_ptr_nonnull(g);
        static char gp[8192];
        size_t n = fread(gp, 1, sizeof gp - 1, g);
        gp[n] = 0;
        fclose(g);
        ck_assert_ptr_nonnull(strstr(gp, "M_5"));
    }
    /* Göreli konum: aynı M_k her konumda PE(pos+k)'yı verir (float yuvarlaması kadar hata) */
    double shift = sonuc_get(out, "kaydirma_hata");
    ck_assert_msg(shift >= 0 && shift < 1e-5, "kaydirma_hata = %g", shift);
    /* Benzerlik yalnızca uzaklığa bağlı: farklı p'lerin eğrileri çakışır */
    double dev = sonuc_get(out, "benzerlik_sapma");
    ck_assert_msg(dev >= 0 && dev < 1e-4, "benzerlik_sapma = %g", dev);
    /* k = 0'da C/2; uzaklık arttıkça benzerlik düşer */
    double C = sonuc_get(out, "C");
    ck_assert_close(sonuc_get(out, "benzerlik_k0"), C / 2, 1e-4);
    double s1 = sonuc_get(out, "benzerlik_k1"), s10 = sonuc_get(out, "benzerlik_k10");
    ck_assert_msg(s1 < C / 2 && s10 < s1, "benzerlik_k1 = %g, benzerlik_k10 = %g", s1, s10);
    /* Sıra körlüğü: PE yokken çıktı satırları aynı biçimde karışır (fark ≈ 0),
     * PE varken her permütasyonda açıkça farklı */
    double nope = sonuc_get(out, "sira_farki_pe_yok"), pe = sonuc_get(out, "sira_farki_pe_var");
    ck_assert_msg(nope >= 0 && nope < 1e-5, "sira_farki_pe_yok = %g", nope);
    ck_assert_msg(pe > 0.05, "sira_farki_pe_var = %g", pe);
    ck_assert_msg(pe > 1e4 * nope, "PE varken fark (%g) yokkenkinden (%g) çok büyük olmalı", pe, nope);
    /* Her resimli adım .dat ve .gp yazar */
    const char *steps[] = {"pe_tablosu", "benzerlik_uzaklik", "benzerlik_matrisi",
                           "kaydirma_matrisi", "siralama_farki"};
    check_plot_files("lesson11", steps, 5);
}
END_TEST

START_TEST(test_quiz_answers) {
    char cmd[512];
    check_quiz_key("lesson11", out, sizeof out);
    int rc;

    /* Bir cevabı yanlış olan dosya: çıkış 1 */
    rc = quiz_grade_text("lesson11", "tests/out/lesson11_yanlis.txt", "0.0200\n4\n628.3\nb\nb\n0.5403\nc\nb\n", out, sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);

    /* Sayısal soruya harf yazılmış bozuk dosya: çıkış 2, dosya adını söyleyen Türkçe hata */
    rc = quiz_grade_text("lesson11", "tests/out/lesson11_bozuk.txt", "x\n4\n", out, sizeof out);
    ck_assert_msg(rc == 2, "bozuk dosya: çıkış %d\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "lesson11_bozuk.txt"));
    ck_assert_ptr_nonnull(strstr(out, "hata"));

    /* Olmayan dosya */
    snprintf(cmd, sizeof cmd, "%s --quiz --answers tests/out/yok_boyle_dosya.txt",
             bin_path("lesson11"));
    rc = run_cmd(cmd, out, sizeof out);
    ck_assert_int_eq(rc, 2);
    ck_assert_ptr_nonnull(strstr(out, "yok_boyle_dosya.txt"));
}
END_TEST

START_TEST(test_bad_flag) {
    expect_run("lesson11", "--boyle-bir-bayrak-yok", 2, "bilinmeyen bayrak", NULL, out, sizeof out);
    expect_run("lesson11", "--model x.model", 2, "--model", NULL, out, sizeof out);
    /* Ders eğitim yapmaz ve MNIST okumaz: --epochs ve --data hata verir, yardımda görünmez */
    expect_run("lesson11", "--quick --epochs 2", 2, "--epochs", NULL, out, sizeof out);
    expect_run("lesson11", "--quick --data data/mnist", 2, "--data", NULL, out, sizeof out);
    expect_run("lesson11", "--help", 0, NULL, "--epochs", out, sizeof out);
    ck_assert_ptr_null(strstr(out, "--data"));
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson11");
    TCase *tc = tcase_create("konumsal kodlama");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_bad_flag);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
