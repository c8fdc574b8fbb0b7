/* test_lesson10.c — çok başlı dikkat dersi: ./lesson10 --quick çıktısındaki SONUÇ değerleri
 * dersin iddialarını taşımalı (başlar uzmanlaşır, görev çözülür, parametre sayısı NH'den
 * bağımsız); sınav cevap dosyaları; hatalı bayrak. */
#include <sys/stat.h>
#include "testutil.h"

static char out[1 << 17];

START_TEST(test_quick_run_claims) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick", bin_path("lesson10"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson10 --quick çıkış kodu %d:\n%s", rc, out);
    check_fits_80("lesson10", out); /* terminal çıktısı 80 sütuna sığar */
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 6/6"));
    /* Modelin tamamının geri geçişi sonlu farklarla uyumlu */
    double gc = sonuc_get(out, "gradcheck");
    ck_assert_msg(gc >= 0 && gc <= 1.0, "gradcheck = %g", gc);
    /* Başlangıç kaybı 2 ln 8, eğitim onu çok düşürür */
    ck_assert_close(sonuc_get(out, "loss_ilk"), 2 * log(8.0), 0.05);
    ck_assert_msg(sonuc_get(out, "kayip_son_nh2") < 0.01, "kayip_son_nh2 = %g",
                  sonuc_get(out, "kayip_son_nh2"));
    /* Görev çözüldü: görülmemiş dizilerde iki cevap birden doğru (şans 1/64) */
    double acc2 = sonuc_get(out, "acc_nh2"), acc2t = sonuc_get(out, "acc_nh2_t2");
    ck_assert_msg(acc2 > 0.98 && acc2t > 0.98, "acc_nh2 = %g, t>=2: %g", acc2, acc2t);
    /* Başlar uzmanlaştı: biri öncekine, diğeri ilke bakıyor ve bunlar farklı başlar */
    ck_assert_int_eq((int)sonuc_get(out, "farkli_bas"), 1);
    double pp = sonuc_get(out, "onceki_bas_onceki"), ff = sonuc_get(out, "ilk_bas_ilk");
    double pf = sonuc_get(out, "onceki_bas_ilk");
    ck_assert_msg(pp > 0.7, "önceki başı t-1'e %g ağırlık veriyor", pp);
    ck_assert_msg(ff > 0.9, "ilk başı 0'a %g ağırlık veriyor", ff);
    ck_assert_msg(pf < 0.2, "önceki başı 0'a da %g ağırlık veriyor (uzmanlaşmamış)", pf);
    double h0p = sonuc_get(out, "h0_onceki"), h1p = sonuc_get(out, "h1_onceki");
    ck_assert_msg(fabs(h0p - h1p) > 0.5, "başların 'önceki' ağırlıkları %g ve %g: farklı değil",
                  h0p, h1p);
    /* Parametre sayısı NH'den bağımsız; aynı bütçeyle tek baş daha kötü öğrenir
     * (ağırlığı iki konuma bölüşür, kaybı belirgin biçimde yüksek kalır) */
    ck_assert_int_eq((int)sonuc_get(out, "params_nh2"), (int)sonuc_get(out, "params_nh1"));
    ck_assert(sonuc_get(out, "acc_nh2") >= sonuc_get(out, "acc_nh1"));
    double l1 = sonuc_get(out, "kayip_son_nh1"), l2 = sonuc_get(out, "kayip_son_nh2");
    ck_assert_msg(l1 > 10 * l2, "tek baş kaybı %g, iki baş %g", l1, l2);
    double n1p = sonuc_get(out, "nh1_onceki"), n1f = sonuc_get(out, "nh1_ilk");
    ck_assert_msg(n1p > 0.2 && n1f > 0.2, "tek baş iki konuma da bakmalı: %g, %g", n1p, n1f);
    /* Dersin asıl iddiası: iki baş aynı işi daha hızlı öğrenir (kayan ortalama kaybın 0.1
     * eşiğine iniş adımı) — eşiğe hiç inmeyen model adim+1 yazar */
    double e2 = sonuc_get(out, "esik_adim_nh2"), e1 = sonuc_get(out, "esik_adim_nh1");
    ck_assert_msg(e2 > 0 && e2 <= sonuc_get(out, "adim"), "iki baş eşiğe inmedi: %g", e2);
    ck_assert_msg(e2 < e1, "eşiğe iniş: iki baş %g. adımda, tek baş %g. adımda", e2, e1);
    const char *steps[] = {"bas0_dikkat", "bas1_dikkat", "tek_bas0_dikkat", "kayip_egrisi"};
    check_plot_files("lesson10", steps, 4);
}
END_TEST

START_TEST(test_quiz_answers) {
    check_quiz_key("lesson10", out, sizeof out);
    int rc;

    /* Baş sayısının parametreyi 8 katına çıkardığını sanan cevap: çıkış 1 */
    rc = quiz_grade_text("lesson10", "tests/out/lesson10_yanlis.txt", "1050624\n64\na\nb\nc\n2\n4.1589\n", out, sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);

    /* Fazla cevaplı dosya: çıkış 2, dosyayı adlandıran Türkçe hata */
    rc = quiz_grade_text("lesson10", "tests/out/lesson10_bozuk.txt", "1050624\n64\nb\nb\nc\n2\n4.1589\na\n", out, sizeof out);
    ck_assert_msg(rc == 2, "bozuk dosya: çıkış %d\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "lesson10_bozuk.txt"));
    ck_assert_ptr_nonnull(strstr(out, "hata"));
}
END_TEST

START_TEST(test_bad_flag) {
    expect_run("lesson10", "--boyle-bir-bayrak-yok", 2, "bilinmeyen bayrak", NULL, out, sizeof out);
    expect_run("lesson10", "--epochs 0", 2, "--epochs", NULL, out, sizeof out);
    /* Veri her adımda üretilir: --data hata verir ve yardımda görünmez */
    expect_run("lesson10", "--quick --data data/mnist", 2, "--data", NULL, out, sizeof out);
    expect_run("lesson10", "--help", 0, NULL, "--data", out, sizeof out);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson10");
    TCase *tc = tcase_create("çok başlı dikkat");
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_bad_flag);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
