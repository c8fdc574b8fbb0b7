/* test_lesson12.c — Transformer kodlayıcı–kod çözücü dersi: ./lesson12 --quick çıktısındaki
 * SONUÇ değerleri dersin iddialarını taşımalı; kaydedilen model --translate ile kullanılır;
 * kendi girdinizdeki hatalar, bozuk model dosyası, sınav ve bayraklar. */
#include <sys/stat.h>
#include "doaa.h"
#include "data/seqtask.h"
#include "testutil.h"

static char out[1 << 18];
#define QMODEL "tests/out/l12_sayi.ckpt"

START_TEST(test_quick_run_claims) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick --threads 1 --model " QMODEL, bin_path("lesson12"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson12 --quick çıkış kodu %d:\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 7/7"));
    /* Bütün modelin geri geçişi sonlu farklarla uyumlu */
    double gc = sonuc_get(out, "gradcheck_rel");
    ck_assert_msg(gc >= 0 && gc < 1e-2, "gradcheck_rel = %g", gc);
    /* Kısa eğitimde ters çevirmenin kaybı rastgele tahminden (ln 13) belirgin biçimde iner */
    double l0 = sonuc_get(out, "rev_loss0"), l1 = sonuc_get(out, "rev_loss_end");
    ck_assert_msg(l0 > 2.0 && l1 < 0.75 * log(13.0), "ters çevirme kaybı %g -> %g", l0, l1);
    /* Artık bağlantı + LN'li derin yığın, onlarsız olandan daha düşük kayba iner */
    double lw = sonuc_get(out, "deep_loss_res"), lwo = sonuc_get(out, "deep_loss_nores");
    ck_assert_msg(lw < lwo, "artıklı kayıp %g, artıksız %g", lw, lwo);
    /* Oranlar (tam eşleşme, doğrulama, hizalama) yazılır ve [0, 1] içindedir */
    const char *rates[] = {"rev_acc_maxlen", "rev_acc_val_maxlen", "rev_em", "num_em", "align", "align_val"};
    for (int i = 0; i < 6; i++) {
        double v = sonuc_get(out, rates[i]);
        ck_assert_msg(v >= 0 && v <= 1, "%s = %g", rates[i], v);
    }
    ck_assert_ptr_nonnull(strstr(out, "Doğrulamada en iyi ölçü:"));
    const char *steps[] = {"isinma", "capraz_dikkat_ters", "capraz_dikkat_sayi", "capraz_dikkat_sayi_k1_bas3",
                           "artik_baglanti", "katman_gradyani", "uc_model"};
    check_plot_files("lesson12", steps, 7);
    /* Kaydedilen sayı modeli kendi girdinizi okur; yanlış girdiler Türkçe hata verir */
    expect_run("lesson12", "--model " QMODEL " --translate '1 234'", 0, "1 234\n->", NULL, out, sizeof out);
    expect_run("lesson12", "--model " QMODEL " --translate '12a'", 2, "hata", NULL, out, sizeof out);
    expect_run("lesson12", "--model " QMODEL " --translate '1234567890123'", 2, "hata", NULL, out, sizeof out);
    expect_run("lesson12", "--model " QMODEL " --translate ''", 2, "hata", NULL, out, sizeof out);
}
END_TEST

START_TEST(test_bad_model_files) {
    write_text_file("tests/out/l12_bozuk.ckpt", "DOAACKPT bu bir model değil");
    expect_run("lesson12", "--model tests/out/l12_bozuk.ckpt --translate 5", 1, "l12_bozuk.ckpt", NULL, out,
               sizeof out);
    expect_run("lesson12", "--model tests/out/yok.ckpt --translate 5", 1, "yok.ckpt", NULL, out, sizeof out);
    /* CRC'si doğru ama başlığı dev bir model isteyen dosya: bellek ayırmadan reddedilir */
    {
        SeqTask t;
        seqtask_init(&t, SEQ_NUMBER, 0, 1, 9);
        float *w = NULL, *g = NULL;
        Params P;
        params_init(&P);
        params_add(&P, "w", &w, &g, 4);
        params_alloc(&P);
        CkptInt conf[] = {{"task", SEQ_NUMBER}, {"maxlen", 9}, {"Vs", t.src.n}, {"Vt", t.tgt.n},
                          {"C", 1024}, {"NH", 4}, {"FF", 8192}, {"NL", 8},
                          {"S", seqtask_src_cap(&t)}, {"T", seqtask_tgt_cap(&t)}};
        char err[512];
        ck_assert_int_eq(ckpt_save("tests/out/l12_dev.ckpt", "transformer-seq2seq", conf, 10, NULL, &P, err,
                                   sizeof err), 0);
        params_free(&P);
        seqtask_free(&t);
        expect_run("lesson12", "--model tests/out/l12_dev.ckpt --translate 5", 1, "çok küçük", NULL, out,
                   sizeof out);
    }
    expect_run("lesson12", "--model tests --translate 5", 1, "klasör", NULL, out, sizeof out);
    /* Bir fotoğrafın üzerine model yazılmaz (eğitimden önce reddedilir) */
    write_text_file("tests/out/l12_foto.png", "\x89PNG fotoğraf");
    expect_run("lesson12", "--quick --model tests/out/l12_foto.png", 1, "model dosyası değil", NULL, out,
               sizeof out);
    FILE *f = fopen("tests/out/l12_foto.png", "rb");
    char b[8] = {0};
    ck_assert_int_eq((int)fread(b, 1, 4, f), 4);
    fclose(f);
    ck_assert_int_eq(memcmp(b, "\x89PNG", 4), 0);
}
END_TEST

START_TEST(test_quiz_answers) {
    check_quiz_key("lesson12", out, sizeof out);
    int rc = quiz_grade_text("lesson12", "tests/out/lesson12_yanlis.txt", "a\nb\n16640\n16576\nb\n0.001\nb\n", out,
                             sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);
    rc = quiz_grade_text("lesson12", "tests/out/lesson12_bozuk.txt", "b\nb\n16640\n16576\nb\n0.001\nb\nb\n", out,
                         sizeof out);
    ck_assert_msg(rc == 2, "bozuk dosya: çıkış %d\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "lesson12_bozuk.txt"));
}
END_TEST

START_TEST(test_bad_flag) {
    expect_run("lesson12", "--boyle-bir-bayrak-yok", 2, "bilinmeyen bayrak", NULL, out, sizeof out);
    expect_run("lesson12", "--quick --data data/mnist", 2, "--data", NULL, out, sizeof out);
    expect_run("lesson12", "--epochs 3", 2, "--epochs", NULL, out, sizeof out);
    expect_run("lesson12", "--help", 0, "--translate", "--data", out, sizeof out);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson12");
    TCase *tc = tcase_create("transformer");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_bad_model_files);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_bad_flag);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
