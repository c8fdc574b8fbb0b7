/* test_lesson13.c — lesson13'ün (VAE) --quick koşusu ve iddiaları, kaydedilen modelin
 * yüklenmesi, --sample, sınav cevap anahtarı, hatalı bayraklar ve dosyalar. */
#include "doaa.h"
#include "testutil.h"

static char out[1 << 17];
#define QMODEL "/tmp/doaa_t13.model"

static void quick_run(void) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick --threads 1 --model " QMODEL, bin_path("lesson13"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "çıkış kodu %d\n%s", rc, out);
    check_fits_80("lesson13", out); /* terminal çıktısı 80 sütuna sığar */
}

START_TEST(test_quick_run_claims) {
    quick_run();
    /* Adım 2: kapalı biçim KL = ½(0.25 + 0.25 - 1 - ln 0.25), Monte Carlo ile uyuşuyor */
    ck_assert_close(sonuc_get(out, "kl_paper"), 0.5 * (0.5 - 1 - log(0.25)), 1e-4);
    ck_assert_msg(fabs(sonuc_get(out, "kl_mc") - sonuc_get(out, "kl_paper")) < 0.02, "%s", out);
    /* Adım 3: skor fonksiyonu tahmini yeniden parametrelemeden çok daha gürültülü;
     * bütün VAE'nin gradyanı sabit ε ile sonlu farklarla uyuşuyor (log σ² kolu dahil) */
    ck_assert_close(sonuc_get(out, "sd_rp"), 2.0, 0.05);
    ck_assert_msg(sonuc_get(out, "sd_sf") > 2 * sonuc_get(out, "sd_rp"), "%s", out);
    ck_assert_msg(sonuc_get(out, "gradcheck") < 1e-2, "gradcheck %g", sonuc_get(out, "gradcheck"));
    ck_assert_msg(sonuc_get(out, "fc22_rel") < 1e-2, "fc22 %g", sonuc_get(out, "fc22_rel"));
    /* Adım 4-5: kısa eğitim bile öğreniyor; KL çökmüyor, boyutlar kullanılıyor */
    ck_assert_msg(sonuc_get(out, "ae_rec") < 200, "%s", out);
    ck_assert_msg(sonuc_get(out, "nelbo20") < 215, "%s", out);
    ck_assert_msg(sonuc_get(out, "kl20_min") > 1.0, "%s", out);
    ck_assert_msg(sonuc_get(out, "kl20") > 1.0, "%s", out);
    ck_assert_int_ge((int)sonuc_get(out, "active20"), 10);
    ck_assert_msg(sonuc_get(out, "nelbo2") < 215 && sonuc_get(out, "kl2_min") > 1.0, "%s", out);
    /* -ELBO = yeniden + KL */
    ck_assert_close(sonuc_get(out, "nelbo20"), sonuc_get(out, "rec20") + sonuc_get(out, "kl20"),
                    1e-4);
    /* Adım 6: ölçünün tavanı gerçek rakamlardır */
    ck_assert_msg(sonuc_get(out, "conf_real") >= sonuc_get(out, "conf_vae"), "%s", out);
    ck_assert_msg(sonuc_get(out, "cnn_acc") > 0.7, "%s", out);
    /* Adım 8: kaydedilen model aynı kaybı veriyor ve yüklenebiliyor */
    ck_assert_close(sonuc_get(out, "reload"), sonuc_get(out, "nelbo20"), 1e-5);
    Vae m;
    char err[512];
    ck_assert_msg(vae_load(&m, QMODEL, 1, 4, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(m.D, 784);
    ck_assert_int_eq(m.H, 400);
    ck_assert_int_eq(m.J, 20);
    ck_assert_uint_eq(m.P.n, 652824);
    vae_free(&m);
    ck_assert(strstr(out, "=== Adım 1/8:") && strstr(out, "=== Adım 8/8:"));
    const char *last = strstr(out, "SONUÇ:");
    ck_assert_ptr_nonnull(last);
    ck_assert_ptr_null(strchr(strchr(last, '\n') + 1, '\n'));
    const char *steps[] = {"kl_egrisi", "tahminci", "ae_kayip", "vae_kayip", "kl_boyut", "yargic",
                           "gizil2", "vae2_kayip"};
    check_plot_files("lesson13", steps, 8);
    check_plot_pngs("lesson13", steps, 8);
    const char *pngs[] = {"plots/lesson13/ae_yeniden.png", "plots/lesson13/ae_ornekler.png",
                          "plots/lesson13/vae_yeniden.png", "plots/lesson13/vae_ornekler.png",
                          "plots/lesson13/manifold.png", "plots/lesson13/ara_degerleme.png"};
    for (int i = 0; i < 6; i++) {
        int w, h, c;
        ck_assert_msg(image_info(pngs[i], &w, &h, &c, err, sizeof err) == 0, "%s", err);
    }
    /* 2-B kod dosyasında test etiketleri ve sonlu kodlar var */
    FILE *f = fopen("plots/lesson13/gizil2.dat", "r");
    ck_assert_ptr_nonnull(f);
    char line[256];
    int n = 0, seen[10] = {0};
    while (fgets(line, sizeof line, f)) {
        double a, b;
        int y;
        if (sscanf(line, "%lf %lf %d", &a, &b, &y) == 3) {
            ck_assert(isfinite(a) && isfinite(b) && y >= 0 && y <= 9);
            seen[y] = 1, n++;
        }
    }
    fclose(f);
    ck_assert_int_eq(n, 1000);
    for (int k = 0; k < 10; k++) ck_assert(seen[k]);
}
END_TEST

START_TEST(test_sample_flag) {
    char cmd[512];
    if (!file_exists(QMODEL)) quick_run();
    snprintf(cmd, sizeof cmd, "%s --sample 12 --model " QMODEL, bin_path("lesson13"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "çıkış %d\n%s", rc, out);
    ck_assert_int_eq((int)sonuc_get(out, "samples"), 12);
    ck_assert_int_eq((int)sonuc_get(out, "written"), 1);
    int w, h, c;
    char err[256];
    ck_assert_msg(image_info("plots/lesson13/ornekler.png", &w, &h, &c, err, sizeof err) == 0, "%s",
                  err);
    ck_assert_int_eq(w, 4 * 56 + 5 * 2); /* 4 sütun x (28·2) + 5 boşluk x 2 */
    /* hatalı değerler ve dosyalar */
    expect_run("lesson13", "--sample 0", 2, "hata:", NULL, out, sizeof out);
    expect_run("lesson13", "--sample abc", 2, "hata:", NULL, out, sizeof out);
    expect_run("lesson13", "--sample", 2, "hata:", NULL, out, sizeof out);
    expect_run("lesson13", "--sample 500", 2, "hata:", NULL, out, sizeof out);
    expect_run("lesson13", "--sample 4 --model /tmp/doaa_t13_olmayan.model", 1,
               "doaa_t13_olmayan.model", NULL, out, sizeof out);
    write_text_file("/tmp/doaa_t13_metin.model", "bu bir model değil\n");
    expect_run("lesson13", "--sample 4 --model /tmp/doaa_t13_metin.model", 1,
               "doaa_t13_metin.model", NULL, out, sizeof out);
    /* eğitim, model olmayan bir dosyanın üzerine yazmayı eğitimden ÖNCE reddeder */
    expect_run("lesson13", "--quick --model /tmp/doaa_t13_metin.model", 1, "doaa_t13_metin.model",
               "Adım 2/8", out, sizeof out);
    remove("/tmp/doaa_t13_metin.model");
}
END_TEST

START_TEST(test_quiz_key) {
    check_quiz_key("lesson13", out, sizeof out);
    ck_assert_int_eq((int)sonuc_get(out, "quiz_toplam"), 8);
    int rc = quiz_grade_text("lesson13", "tests/out/l13_yanlis.txt",
                             "0.4431\nb\n0.6931\nc\n1.645\nd\n652824\nb\n", out, sizeof out);
    ck_assert_int_eq(rc, 1);
    rc = quiz_grade_text("lesson13", "tests/out/l13_bozuk.txt", "0.4431\nbeş\n", out, sizeof out);
    ck_assert_int_eq(rc, 2);
    ck_assert_msg(strstr(out, "l13_bozuk.txt") && strstr(out, "satır 2"), "%s", out);
}
END_TEST

START_TEST(test_bad_flags) {
    const char *bad[] = {"--bilinmeyen", "--epochs 0", "--threads -1", "--predict x.png",
                         "fazla_arguman"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_run("lesson13", bad[i], 2, "hata:", NULL, out, sizeof out);
    expect_run("lesson13", "--help", 0, "--sample N", NULL, out, sizeof out);
    expect_run("lesson13", "--quick --data /tmp/doaa_olmayan_klasor --model /tmp/doaa_t13b.model",
               1, "doaa_olmayan_klasor", NULL, out, sizeof out);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson13");
    TCase *tc = tcase_create("ders");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_sample_flag);
    tcase_add_test(tc, test_quiz_key);
    tcase_add_test(tc, test_bad_flags);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
