/* test_lesson09.c — maskeleme dersi: ./lesson09 --quick çıktısındaki SONUÇ değerleri
 * dersin iddialarını taşımalı (maskesiz model eğitimde daha düşük kayıp, dürüst
 * değerlendirmede ve üretimde daha kötü); sınav cevap dosyaları; hatalı bayrak. */
#include <sys/stat.h>
#include "testutil.h"

static char out[1 << 17];

static double get(const char *key) {
    double v = sonuc_get(out, key);
    ck_assert_msg(!isnan(v), "SONUÇ satırında '%s' yok", key);
    return v;
}

START_TEST(test_quick_run_claims) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick", bin_path("lesson09"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson09 --quick çıkış kodu %d:\n%s", rc, out);
    check_fits_80("lesson09", out); /* terminal çıktısı 80 sütuna sığar */
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 8/8"));

    /* Maskeler: maskeli hücrelere giden ağırlık tam sıfır */
    ck_assert_msg(get("maskeli_agirlik") == 0.0, "maskeli_agirlik = %g", get("maskeli_agirlik"));
    /* Modelin elle yazılmış geri geçişi sonlu farklarla sınandı */
    ck_assert_msg(get("grad_checked") > 0, "gradyan denetimi hiçbir şey denemedi");
    ck_assert_msg(get("grad_worst") <= 1.0, "grad_worst = %g", get("grad_worst"));

    /* Sızıntı: maskesiz model eğitimde kopya çeker, kaybı ~0'a iner ve maskeliden düşüktür */
    double tr_m = get("maskeli_egitim_kaybi"), tr_u = get("maskesiz_egitim_kaybi");
    ck_assert_msg(tr_u < tr_m, "maskesiz eğitim kaybı %g, maskeli %g: sızıntı görünmüyor", tr_u, tr_m);
    ck_assert_msg(tr_u < 0.15, "maskesiz eğitim kaybı %g sıfıra yaklaşmadı", tr_u);
    /* Kopyanın kanıtı: maskesiz modelin bir başı dikkatini sağdaki harfe veriyor
     * (tekdüze dikkatte bu pay 1/24 ≈ 0,04 olurdu) */
    ck_assert_msg(get("maskesiz_sag_komsu_dikkati") > 0.25, "maskesiz_sag_komsu_dikkati = %g",
                  get("maskesiz_sag_komsu_dikkati"));

    /* Dürüst (yalnızca geçmiş) değerlendirmede tablo tersine döner */
    double ha_m = get("maskeli_durust_dogruluk"), ha_u = get("maskesiz_durust_dogruluk");
    double hl_m = get("maskeli_durust_kayip"), hl_u = get("maskesiz_durust_kayip");
    ck_assert_msg(ha_u < ha_m, "dürüst doğruluk: maskesiz %g, maskeli %g", ha_u, ha_m);
    ck_assert_msg(hl_u > hl_m, "dürüst kayıp: maskesiz %g, maskeli %g", hl_u, hl_m);
    ck_assert_msg(ha_m > 0.7, "maskeli model metni öğrenemedi: dürüst doğruluk %g", ha_m);
    /* Maskeli modelde dürüst kayıp, tam pencere kaybının aynısıdır (maske geleceği zaten gizliyordu) */
    ck_assert_msg(get("maskeli_kayip_farki") < 1e-4, "maskeli_kayip_farki = %g",
                  get("maskeli_kayip_farki"));
    /* Maskesiz modelin eğitimde de kopya çekemediği son konum, gerçekten öğrendiği konumdur:
     * orada dürüst kaybı ilk konumdakinden ve ortalamasından çok küçük */
    double first = get("maskesiz_ilk_konum_kaybi"), last = get("maskesiz_son_konum_kaybi");
    ck_assert_msg(last < first && last < hl_u, "maskesiz konum kaybı: ilk %g, son %g, ortalama %g",
                  first, last, hl_u);
    ck_assert_ptr_nonnull(strstr(out, "gerçekten öğrendiği tek"));
    /* Gradyan denetiminin oranı çıktıda tanımlanır */
    ck_assert_ptr_nonnull(strstr(out, "oran = |sayısal - analitik| / (atol + rtol"));

    /* Üretim: maskesiz modelin metni hem eşleşmede hem geçerlilikte daha kötü */
    double gv_m = get("maskeli_uretim_gecerlilik"), gv_u = get("maskesiz_uretim_gecerlilik");
    double gm_m = get("maskeli_uretim_eslesme"), gm_u = get("maskesiz_uretim_eslesme");
    ck_assert_msg(gv_u < gv_m, "üretim geçerliliği: maskesiz %g, maskeli %g", gv_u, gv_m);
    ck_assert_msg(gm_u < gm_m, "üretim eşleşmesi: maskesiz %g, maskeli %g", gm_u, gm_m);

    /* Her resimli adım .dat ve .gp yazar */
    const char *steps[] = {"dolgu_maskesi", "nedensel_maske", "birlesik_maske", "maskeli_agirliklar",
                           "egitim_kaybi", "durust_kayip", "dikkat_maskesiz", "dikkat_maskeli"};
    check_plot_files("lesson09", steps, 8);
}
END_TEST

START_TEST(test_quiz_answers) {
    check_quiz_key("lesson09", out, sizeof out);
    int rc;

    /* Bir sayısal cevap yanlış (21 yerine 36: maskenin tamamı): çıkış 1 */
    rc = quiz_grade_text("lesson09", "tests/out/lesson09_yanlis.txt", "36\n0.7311\nb\nb\n5\n3.4012\nb\n", out, sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "Soru 1: YANLIŞ"));

    /* Eksik cevaplı dosya: çıkış 2, dosya adını söyleyen Türkçe hata */
    rc = quiz_grade_text("lesson09", "tests/out/lesson09_bozuk.txt", "21\n0.7311\n", out, sizeof out);
    ck_assert_msg(rc == 2, "bozuk dosya: çıkış %d\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "lesson09_bozuk.txt"));
    ck_assert_ptr_nonnull(strstr(out, "hata"));

    /* Çoktan seçmeli soruya geçersiz şık: çıkış 2 */
    rc = quiz_grade_text("lesson09", "tests/out/lesson09_bozuk2.txt", "21\n0.7311\nz\nb\n5\n3.4012\nb\n", out, sizeof out);
    ck_assert_int_eq(rc, 2);
    ck_assert_ptr_nonnull(strstr(out, "lesson09_bozuk2.txt"));
}
END_TEST

START_TEST(test_bad_flag) {
    expect_run("lesson09", "--maske-yok", 2, "bilinmeyen bayrak", NULL, out, sizeof out);
    expect_run("lesson09", "--epochs sıfır", 2, "--epochs", NULL, out, sizeof out);
    /* MNIST okumaz: --data hata verir; yardım --epochs'un bu dersteki anlamını söyler */
    expect_run("lesson09", "--quick --data data/mnist", 2, "--data", NULL, out, sizeof out);
    expect_run("lesson09", "--help", 0, "eğitim adımı sayısını N katına", "--data", out, sizeof out);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson09");
    TCase *tc = tcase_create("maskeleme");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_bad_flag);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
