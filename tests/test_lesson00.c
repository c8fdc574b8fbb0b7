/* test_lesson00.c — gradyan inişi ve geri yayılım dersi: ./lesson00 --quick çıktısındaki
 * SONUÇ değerleri dersin iddialarını taşımalı (elle gradyan = sonlu fark, büyük öğrenme oranı
 * ıraksar, dar vadide dibe ilk Adam varır ...). Beklenen sayılar burada dersten bağımsız
 * olarak, kâğıtta yapılabilecek hesaplarla bulunur. Sınav cevap anahtarı; hatalı bayraklar. */
#include "testutil.h"

static char out[1 << 17];

static double sigm(double z) { return 1.0 / (1.0 + exp(-z)); }

START_TEST(test_quick_run_claims) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick", bin_path("lesson00"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson00 --quick çıkış kodu %d:\n%s", rc, out);
    check_fits_80("lesson00", out); /* terminal çıktısı 80 sütuna sığar */
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 1/7"));
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 7/7"));
    const char *last = strstr(out, "SONUÇ:");
    ck_assert_ptr_nonnull(last);
    ck_assert_ptr_null(strchr(strchr(last, '\n') + 1, '\n')); /* SONUÇ son satır */

    /* Adım 1: noktalar (0,1) (1,3) (2,4) (3,6); L(0,0) = (1+9+16+36)/4, en küçük kareler */
    ck_assert_close(sonuc_get(out, "L0"), 62.0 / 4, 1e-6);
    ck_assert_close(sonuc_get(out, "w_opt"), 8.0 / 5, 1e-4);  /* Sxy / Sxx */
    ck_assert_close(sonuc_get(out, "b_opt"), 3.5 - 1.6 * 1.5, 1e-4);
    ck_assert_close(sonuc_get(out, "L_opt"), (0.01 + 0.09 + 0.09 + 0.01) / 4, 1e-4);
    /* Adım 2: elle gradyan = kâğıttaki sayılar; merkezi fark aynı, tek yönlü ε/2·7 sapar */
    double gw = sonuc_get(out, "grad_w");
    ck_assert_close(gw, -29.0 / 2, 1e-6);
    ck_assert_close(sonuc_get(out, "grad_b"), -14.0 / 2, 1e-6);
    ck_assert_msg(fabs(sonuc_get(out, "fd_merkezi") - gw) < 1e-6, "fd_merkezi %g",
                  sonuc_get(out, "fd_merkezi"));
    ck_assert_close(sonuc_get(out, "fd_tek_yonlu") - gw, 0.01 / 2 * 7, 1e-3);
    ck_assert_msg(sonuc_get(out, "gc_dogru") <= 1.0, "gc_dogru %g", sonuc_get(out, "gc_dogru"));
    /* Adım 3: ilk adım (1.45, 0.7), 100 adımda dibe */
    double w1 = 1.45, b1 = 0.7, l1 = 0;
    const double X[4] = {0, 1, 2, 3}, Y[4] = {1, 3, 4, 6};
    for (int i = 0; i < 4; i++) l1 += (w1 * X[i] + b1 - Y[i]) * (w1 * X[i] + b1 - Y[i]) / 4;
    ck_assert_close(sonuc_get(out, "gd_L1"), l1, 1e-4);
    ck_assert_msg(fabs(sonuc_get(out, "gd_L") - 0.05) < 1e-4, "gd_L %g", sonuc_get(out, "gd_L"));
    ck_assert_msg(fabs(sonuc_get(out, "gd_w") - 1.6) < 1e-2, "gd_w %g", sonuc_get(out, "gd_w"));
    /* Adım 4: sınır 2/a_max, a_max = [[7,3],[3,2]]'nin büyük özdeğeri; 0.3 ıraksar,
     * 0.01 dibe varamaz, 0.1 varır */
    double amax = 4.5 + sqrt(4.5 * 4.5 - 5.0);
    ck_assert_close(sonuc_get(out, "lr_sinir"), 2.0 / amax, 1e-3);
    double Lk = sonuc_get(out, "lr_kucuk_L"), Li = sonuc_get(out, "lr_iyi_L"),
           Lb = sonuc_get(out, "lr_buyuk_L");
    ck_assert_msg(Lb > 1e3 * 15.5, "büyük η ıraksamadı: %g", Lb);
    ck_assert_msg(Li < 0.05 * 1.02, "uygun η dibe varmadı: %g", Li);
    ck_assert_msg(Lk > 1.2 * 0.05 && Lk < 15.5, "küçük η: %g", Lk);
    /* Adım 5: iki nöron; ileri ve geri değerler kâğıttaki formüllerden */
    double p = sigm(0.5), dz1 = (p - 1) * 2.0; /* ∂L/∂z₂ = p − y, ∂L/∂h = ·v, ReLU açık */
    ck_assert_close(sonuc_get(out, "bp_p"), p, 1e-3);
    ck_assert_close(sonuc_get(out, "bp_L"), -log(p), 1e-3);
    ck_assert_close(sonuc_get(out, "bp_dw1"), dz1 * 1, 1e-3);
    ck_assert_close(sonuc_get(out, "bp_dw2"), dz1 * 2, 1e-3);
    ck_assert_close(sonuc_get(out, "bp_dv"), (p - 1) * 0.5, 1e-3);
    ck_assert_msg(sonuc_get(out, "gc_cizge") <= 1.0, "gc_cizge %g", sonuc_get(out, "gc_cizge"));
    /* Adım 6: sıfır ağırlıkla kayıp ln 2; eğitim kaybı düşer, iki bulut ayrılır */
    ck_assert_close(sonuc_get(out, "lojistik_L0"), log(2.0), 1e-4);
    ck_assert_msg(sonuc_get(out, "lojistik_L") < 0.2, "lojistik_L %g", sonuc_get(out, "lojistik_L"));
    ck_assert_msg(sonuc_get(out, "lojistik_acc") >= 0.9, "lojistik_acc %g",
                  sonuc_get(out, "lojistik_acc"));
    ck_assert_msg(sonuc_get(out, "gc_lojistik") <= 1.0, "gc_lojistik %g",
                  sonuc_get(out, "gc_lojistik"));
    /* Adım 7: eksenlere paralel dar vadide dibe ilk Adam varır, sonra momentum, sonra SGD;
     * döndürülmüş vadide momentum aynı adımda varır (dönmeden etkilenmez), Adam geç kalır */
    int vs = (int)sonuc_get(out, "vadi_sgd"), vm = (int)sonuc_get(out, "vadi_momentum"),
        va = (int)sonuc_get(out, "vadi_adam");
    ck_assert_int_eq((int)sonuc_get(out, "adam_ilk"), 1);
    ck_assert_msg(va > 0 && va < vm && vm < vs, "vadi: sgd %d momentum %d adam %d", vs, vm, va);
    int em = (int)sonuc_get(out, "egik_momentum"), ea = (int)sonuc_get(out, "egik_adam");
    ck_assert_msg(abs(em - vm) <= 1, "eğik vadide momentum %d, düz vadide %d", em, vm);
    ck_assert_msg(ea > va && ea > em, "eğik vadide Adam %d, momentum %d", ea, em);

    const char *steps[] = {"kayip_yuzeyi", "turev_teget",   "gradyan_inisi", "ogrenme_orani",
                           "hesap_cizgesi", "lojistik_regresyon", "dar_vadi"};
    check_plot_files("lesson00", steps, 7);
}
END_TEST

START_TEST(test_seed) {
    /* Aynı tohum aynı sayıları verir; başka tohum başka noktalar üretir ama iddialar tutar */
    char cmd[512], out2[1 << 17];
    snprintf(cmd, sizeof cmd, "%s --quick --seed 7", bin_path("lesson00"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 0);
    ck_assert_int_eq(run_cmd(cmd, out2, sizeof out2), 0);
    ck_assert_str_eq(strstr(out, "SONUÇ:"), strstr(out2, "SONUÇ:"));
    snprintf(cmd, sizeof cmd, "%s --quick --seed 8", bin_path("lesson00"));
    ck_assert_int_eq(run_cmd(cmd, out2, sizeof out2), 0);
    ck_assert(sonuc_get(out, "lojistik_L") != sonuc_get(out2, "lojistik_L"));
    ck_assert(sonuc_get(out2, "lojistik_acc") >= 0.9);
    ck_assert(sonuc_get(out2, "gc_lojistik") <= 1.0);
}
END_TEST

START_TEST(test_quiz_answers) {
    check_quiz_key("lesson00", out, sizeof out);
    /* Cevap harfleri dağılmış: hiçbir harf çoktan seçmeli cevapların yarısından fazlası değil */
    FILE *f = fopen("tests/answers/lesson00.txt", "r");
    ck_assert_ptr_nonnull(f);
    char line[256];
    int cnt[26] = {0}, nmc = 0;
    while (fgets(line, sizeof line, f))
        if (line[0] >= 'a' && line[0] <= 'z' && (line[1] == '\n' || line[1] == '\0'))
            cnt[line[0] - 'a']++, nmc++;
    fclose(f);
    ck_assert_int_ge(nmc, 4);
    for (int i = 0; i < 26; i++) ck_assert_msg(2 * cnt[i] <= nmc, "'%c' %d/%d", 'a' + i, cnt[i], nmc);

    /* ∂L/∂w sorusuna (0,0) noktasının cevabı verilmiş: çıkış 1, sekiz doğru */
    int rc = quiz_grade_text("lesson00", "tests/out/lesson00_yanlis.txt",
                             "-14.5\n0.35\nd\n-0.2\na\nc\nb\nb\nd\n", out, sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);
    ck_assert_int_eq((int)sonuc_get(out, "quiz_dogru"), 8);
    /* Virgüllü ondalık da kabul */
    rc = quiz_grade_text("lesson00", "tests/out/lesson00_virgul.txt",
                         "-7,5\n0,35\nd\n-0,2\na\nc\nb\nb\nd\n", out, sizeof out);
    ck_assert_msg(rc == 0, "virgüllü cevaplar: çıkış %d\n%s", rc, out);
    /* Geçersiz şık: çıkış 2, dosyayı adlandıran Türkçe hata */
    rc = quiz_grade_text("lesson00", "tests/out/lesson00_bozuk.txt", "-7.5\n0.35\nq\n", out,
                         sizeof out);
    ck_assert_msg(rc == 2, "bozuk dosya: çıkış %d\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "lesson00_bozuk.txt"));
    ck_assert_ptr_nonnull(strstr(out, "hata"));
}
END_TEST

START_TEST(test_bad_flags) {
    expect_run("lesson00", "--boyle-bir-bayrak-yok", 2, "bilinmeyen bayrak", NULL, out, sizeof out);
    expect_run("lesson00", "--quick --epochs 2", 2, "--epochs", NULL, out, sizeof out);
    expect_run("lesson00", "--quick --data data/mnist", 2, "--data", NULL, out, sizeof out);
    expect_run("lesson00", "--seed on", 2, "--seed", NULL, out, sizeof out);
    expect_run("lesson00", "--predict x.png", 2, "--predict", NULL, out, sizeof out);
    expect_run("lesson00", "--quiz --answers /yok/boyle/dosya.txt", 2, "dosya.txt", NULL, out,
               sizeof out);
    expect_run("lesson00", "--help", 0, "--quiz", "--epochs", out, sizeof out);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson00");
    TCase *tc = tcase_create("gradyan inişi ve geri yayılım");
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_seed);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_bad_flags);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
