/* test_lesson06.c — Seq2Seq dersi: ./lesson06 --quick çıktısındaki SONUÇ değerleri dersin
 * iddialarını taşımalı (darboğaz: dikkatsiz modelin doğruluğu uzunlukla düşer; dikkat
 * eğriyi yükseltir; sayı okuma öğrenilir; geri geçiş sonlu farklarla uyumlu); kaydedilen
 * modelle --translate; bozuk model dosyası ve bozuk girdiler; sınav anahtarı. */
#include "testutil.h"

static char out[1 << 17];

START_TEST(test_quick_run_claims) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick", bin_path("lesson06"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson06 --quick çıkış kodu %d:\n%s", rc, out);
    check_fits_80("lesson06", out); /* terminal çıktısı 80 sütuna sığar */
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 7/7"));
    /* sonlu fark denetimi: en kötü elemanın farkı izin verilen payın içinde (oran <= 1) ve
     * toplu göreli hata küçük */
    double gc = sonuc_get(out, "gradcheck_oran"), gr = sonuc_get(out, "gradcheck_rel");
    ck_assert_msg(gc >= 0 && gc <= 1.0, "gradcheck_oran = %g", gc);
    ck_assert_msg(gr >= 0 && gr < 1e-2, "gradcheck_rel = %g", gr);
    /* Darboğaz: dikkatsiz model kısa dizilerde uzunlardan çok daha iyi */
    double p_min = sonuc_get(out, "em_plain_Lmin"), p_max = sonuc_get(out, "em_plain_Lmax");
    ck_assert_msg(p_min > p_max + 0.3, "dikkatsiz: en kısa %g, en uzun %g", p_min, p_max);
    /* Dikkat: aynı adım sayısıyla toplamda ve en uzun dizide belirgin biçimde daha iyi */
    double ep = sonuc_get(out, "em_plain"), ea = sonuc_get(out, "em_att");
    ck_assert_msg(ea > ep + 0.3, "tam eşleşme: dikkatli %g, dikkatsiz %g", ea, ep);
    ck_assert_msg(sonuc_get(out, "fark_Lmax") >= 0.1, "en uzun dizide fark %g",
                  sonuc_get(out, "fark_Lmax"));
    ck_assert_msg(sonuc_get(out, "em_att_Lmin") > 0.9, "dikkatli, en kısa: %g",
                  sonuc_get(out, "em_att_Lmin"));
    ck_assert(sonuc_get(out, "kayip_att") < sonuc_get(out, "kayip_plain"));
    ck_assert(sonuc_get(out, "params_att") > sonuc_get(out, "params_plain"));
    /* Sayı okuma: kısa eğitimde bile karakterlerin çoğu doğru, bir kısmı tam doğru */
    ck_assert_msg(sonuc_get(out, "sayi_ca") > 0.6, "sayi_ca = %g", sonuc_get(out, "sayi_ca"));
    ck_assert_msg(sonuc_get(out, "sayi_em") > 0.3, "sayi_em = %g", sonuc_get(out, "sayi_em"));
    /* Dikkat ters köşegene (tek yönlü kodlayıcıda bir komşu kaymasıyla) bakıyor; sayı
     * okumada rakam sözcükleri çoğunlukla kendi rakamına bakıyor (şans 1/S'den çok yukarıda) */
    ck_assert_msg(sonuc_get(out, "hizalama_komsu") > 0.8, "hizalama_komsu = %g",
                  sonuc_get(out, "hizalama_komsu"));
    ck_assert_msg(sonuc_get(out, "sayi_hizalama") > 0.5, "sayi_hizalama = %g",
                  sonuc_get(out, "sayi_hizalama"));
    /* Maruz kalma yanlılığı: öğretmen zorlamasıyla simge doğruluğu kendi çözmesinden yüksek */
    ck_assert(sonuc_get(out, "sayi_tok_tf") > sonuc_get(out, "sayi_tok_free") + 0.05);
    double eb = sonuc_get(out, "sayi_em_beam");
    ck_assert_msg(eb >= 0 && eb <= 1, "sayi_em_beam = %g", eb);
    const char *steps[] = {"uzunluklar", "gradyan_denetimi", "darbogaz", "dogruluk_uzunluk",
                           "egitim", "dikkat_ters", "dikkat_sayi"};
    check_plot_files("lesson06", steps, 7);
    /* Kaydedilen modelle kendi sayımız */
    expect_run("lesson06", "--quick --translate \"1 234\"", 0, "model:", NULL, out, sizeof out);
    ck_assert_ptr_nonnull(strstr(out, "bin iki yüz otuz dört"));
    expect_run("lesson06", "--quick --translate 1234", 0, "1 234", NULL, out, sizeof out);
    /* Sözlük dışı karakter ve fazla uzun girdi: Türkçe hata, çıkış 2 */
    expect_run("lesson06", "--quick --translate 12a4", 2, "rakam değil", NULL, out, sizeof out);
    expect_run("lesson06", "--quick --translate 123456789", 2, "en çok 4 rakam", NULL, out,
               sizeof out);
    expect_run("lesson06", "--quick --translate ''", 2, "boş", NULL, out, sizeof out);
}
END_TEST

START_TEST(test_bad_model_file) {
    write_text_file("tests/out/l06_bozuk.model", "bu bir model değil\n");
    expect_run("lesson06", "--model tests/out/l06_bozuk.model --translate 12", 2,
               "l06_bozuk.model", NULL, out, sizeof out);
    expect_run("lesson06", "--model tests/out/l06_yok.model --translate 12", 2, "l06_yok.model",
               NULL, out, sizeof out);
    /* Model olmayan bir dosyanın üzerine eğitim sonunda yazılmaz: eğitimden önce reddedilir */
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick --model tests/out/l06_bozuk.model", bin_path("lesson06"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc != 0, "model olmayan dosyanın üzerine yazmaya kalktı:\n%s", out);
    ck_assert_ptr_nonnull(strstr(out, "l06_bozuk.model"));
    ck_assert_ptr_null(strstr(out, "Adım 3"));
}
END_TEST

START_TEST(test_quiz_answers) {
    check_quiz_key("lesson06", out, sizeof out);
    int rc = quiz_grade_text("lesson06", "tests/out/lesson06_yanlis.txt",
                             "1000\nb\nb\na\na\n0.4\n99.66\n1\n", out, sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);
    rc = quiz_grade_text("lesson06", "tests/out/lesson06_bozuk.txt", "a\nb\n", out, sizeof out);
    ck_assert_msg(rc == 2, "eksik cevaplı dosya: çıkış %d\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "lesson06_bozuk.txt"));
}
END_TEST

START_TEST(test_bad_flag) {
    expect_run("lesson06", "--boyle-bir-bayrak-yok", 2, "bilinmeyen bayrak", NULL, out, sizeof out);
    expect_run("lesson06", "--translate", 2, "--translate", NULL, out, sizeof out);
    expect_run("lesson06", "--quick --data data/mnist", 2, "--data", NULL, out, sizeof out);
    expect_run("lesson06", "--help", 0, "--translate", "--data", out, sizeof out);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson06");
    TCase *tc = tcase_create("seq2seq");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_bad_model_file);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_bad_flag);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
