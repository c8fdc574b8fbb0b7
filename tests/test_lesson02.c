/* test_lesson02.c — lesson02'nin --quick koşusu ve iddiaları, belirlenimcilik,
 * kaydedilen modelin yüklenmesi, sınav cevap anahtarı, hatalı bayraklar. */
#include "doaa.h"
#include "photo.h"
#include "testutil.h"

static char out[1 << 16];

START_TEST(test_quick_run_claims) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick --model /tmp/doaa_t02.model", bin_path("lesson02"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "çıkış kodu %d\n%s", rc, out);
    check_fits_80("lesson02", out); /* terminal çıktısı 80 sütuna sığar */
    /* Eğitilmemiş ağın kaybı ≈ ln 10 */
    ck_assert_msg(fabs(sonuc_get(out, "initial_loss") - log(10.0)) < 0.4, "%s", out);
    /* Geri yayılım sonlu farklarla uyuşuyor */
    ck_assert_msg(sonuc_get(out, "gradcheck") < 1e-2, "gradcheck %g", sonuc_get(out, "gradcheck"));
    ck_assert_int_eq((int)sonuc_get(out, "params"), 235146);
    /* 6000 örnek, 2 epoch: test alt kümesinde en az %85 */
    ck_assert_msg(sonuc_get(out, "test_acc") >= 0.85, "test_acc %g", sonuc_get(out, "test_acc"));
    ck_assert_msg(sonuc_get(out, "val_acc") >= 0.88, "val_acc %g", sonuc_get(out, "val_acc"));
    ck_assert_int_eq((int)sonuc_get(out, "epochs"), 2);
    /* Kaydedilen model yüklenir ve MLP mimarisindedir */
    Net a, b;
    char err[512];
    ck_assert_msg(net_load(&a, "/tmp/doaa_t02.model", 1, err, sizeof err) == 0, "%s", err);
    models_mnist_mlp(&b, 0.2f, 1, 1);
    ck_assert_msg(net_same_arch(&b, &a, err, sizeof err), "%s", err);
    net_free(&a);
    net_free(&b);
    /* Adımlar sırayla basılır ve son satır SONUÇ'tur */
    ck_assert(strstr(out, "=== Adım 1/7:") && strstr(out, "=== Adım 7/7:"));
    const char *last = strstr(out, "SONUÇ:");
    ck_assert_ptr_nonnull(last);
    ck_assert_ptr_null(strchr(strchr(last, '\n') + 1, '\n'));
}
END_TEST

/* --predict: kağıda "yazılmış" gerçek MNIST test rakamlarının fotoğrafları (tests/photo.h) */
START_TEST(test_predict_photos) {
    char cmd[1024];
    if (!file_exists("/tmp/doaa_t02.model")) { /* önceki test çalışmadıysa */
        snprintf(cmd, sizeof cmd, "%s --quick --model /tmp/doaa_t02.model", bin_path("lesson02"));
        ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 0);
    }
    Mnist m;
    mnist_load("data/mnist", &m);
    int idxs[5] = {3, 17, 42, 101, 250}, ok = 0;
    for (int i = 0; i < 5; i++) {
        const uint8_t *dig = m.test.images + (size_t)idxs[i] * 784;
        Photo P = {360, 280, 210.0f - 6 * i, 25, 20, 6, 170.0f + 4 * i, 140, 170.0f + 12 * i,
                   (float)(3 - 2 * i), 0};
        uint8_t *px = render(&P, mnist_ink, dig, 90 + i);
        char path[128];
        snprintf(path, sizeof path, "/tmp/doaa_t02_foto%d.%s", i, i % 2 ? "jpg" : "png");
        save(path, px, P.W, P.H, i % 2);
        free(px);
        snprintf(cmd, sizeof cmd, "%s --predict %s --model /tmp/doaa_t02.model", bin_path("lesson02"), path);
        int rc = run_cmd(cmd, out, sizeof out);
        ck_assert_msg(rc == 0, "çıkış %d:\n%s", rc, out);
        ck_assert_msg(strstr(out, "Diğerleri:") && strstr(out, "ağın gördüğü 28x28"), "%s", out);
        ok += (int)sonuc_get(out, "digit") == m.test.labels[idxs[i]];
        remove(path);
    }
    /* Hızlı MLP test alt kümesinde ≈ %88 doğru: beşten en az üçü */
    ck_assert_msg(ok >= 3, "beş fotoğraftan yalnızca %d tanesi doğru okundu", ok);
    /* Yanlış mimari: küçük bir ağ kaydedilir, lesson02 onu reddeder */
    Net w;
    net_init(&w, 1, 28, 28);
    net_dense(&w, 10);
    net_build(&w, 1, 1);
    char err[256];
    ck_assert(net_save(&w, "/tmp/doaa_t02_yanlis.model", err, sizeof err) == 0);
    net_free(&w);
    snprintf(cmd, sizeof cmd, "%s --predict /tmp/doaa_t02_foto0.png --model /tmp/doaa_t02_yanlis.model",
             bin_path("lesson02"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 1);
    ck_assert_msg(strstr(out, "doaa_t02_yanlis.model") && strstr(out, "bu dersin modeli değil"), "%s", out);
    remove("/tmp/doaa_t02_yanlis.model");
    remove("/tmp/doaa_t02.model");
    mnist_free(&m);
}
END_TEST

START_TEST(test_deterministic_single_thread) {
    char cmd[512], out2[1 << 16];
    snprintf(cmd, sizeof cmd, "%s --quick --threads 1 --seed 5 --epochs 1 --model /tmp/doaa_t02b.model",
             bin_path("lesson02"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 0);
    ck_assert_int_eq(run_cmd(cmd, out2, sizeof out2), 0);
    ck_assert_float_eq(sonuc_get(out, "test_acc"), sonuc_get(out2, "test_acc"));
    ck_assert_float_eq(sonuc_get(out, "test_loss"), sonuc_get(out2, "test_loss"));
    ck_assert_float_eq(sonuc_get(out, "val_acc"), sonuc_get(out2, "val_acc"));
    remove("/tmp/doaa_t02b.model");
}
END_TEST

START_TEST(test_quiz_key) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quiz --answers tests/answers/lesson02.txt", bin_path("lesson02"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "doğru cevap anahtarı geçmedi:\n%s", out);
    ck_assert_int_eq((int)sonuc_get(out, "quiz_toplam"), 7);
    /* bir cevabı bozulmuş anahtar geçmemeli */
    FILE *f = fopen("/tmp/doaa_t02_yanlis.txt", "w");
    fputs("235146\nb\n2.3026\nb\n0.6652\nc\na\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s --quiz --answers /tmp/doaa_t02_yanlis.txt", bin_path("lesson02"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 1);
    /* biçimi bozuk dosya: çıkış 2, dosya adı mesajda */
    f = fopen("/tmp/doaa_t02_bozuk.txt", "w");
    fputs("235146\nbeş\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s --quiz --answers /tmp/doaa_t02_bozuk.txt", bin_path("lesson02"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 2);
    ck_assert_msg(strstr(out, "doaa_t02_bozuk.txt") && strstr(out, "satır 2"), "%s", out);
    /* etkileşimli kip stdin'den okur */
    snprintf(cmd, sizeof cmd, "grep -v '^#' tests/answers/lesson02.txt | %s --quiz", bin_path("lesson02"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 0);
    ck_assert_ptr_nonnull(strstr(out, "Puan: 7/7"));
    remove("/tmp/doaa_t02_yanlis.txt");
    remove("/tmp/doaa_t02_bozuk.txt");
}
END_TEST

START_TEST(test_bad_flags_and_data) {
    char cmd[512];
    const char *bad[] = {"--bilinmeyen", "--epochs abc", "--epochs 0", "--threads -1", "--seed",
                         "fazla_arguman", "--images x", "--label 3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(cmd, sizeof cmd, "%s %s", bin_path("lesson02"), bad[i]);
        int rc = run_cmd(cmd, out, sizeof out);
        ck_assert_msg(rc == 2, "'%s' için çıkış %d:\n%s", bad[i], rc, out);
        ck_assert_msg(strstr(out, "hata:"), "'%s': Türkçe hata yok: %s", bad[i], out);
    }
    snprintf(cmd, sizeof cmd, "%s --help", bin_path("lesson02"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 0);
    ck_assert_ptr_nonnull(strstr(out, "Kullanım"));
    snprintf(cmd, sizeof cmd, "%s --quick --data /tmp/doaa_olmayan_klasor", bin_path("lesson02"));
    ck_assert_int_eq(run_cmd(cmd, out, sizeof out), 1);
    ck_assert_msg(strstr(out, "doaa_olmayan_klasor") && strstr(out, "bulunamadı"), "%s", out);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson02");
    TCase *tc = tcase_create("ders");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_predict_photos);
    tcase_add_test(tc, test_deterministic_single_thread);
    tcase_add_test(tc, test_quiz_key);
    tcase_add_test(tc, test_bad_flags_and_data);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
