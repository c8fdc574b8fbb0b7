/* test_lesson04.c — lesson04'ün --quick koşusu ve iddiaları (doğruluk eşiği, parametre
 * sayıları, hızlı evrişimin düz döngüyle aynı sonucu vermesi, resimler), kaydedilen
 * modelle --predict (testin ürettiği kâğıt fotoğraflarında gerçek MNIST rakamları),
 * kötü --predict girdileri (olmayan dosya, metin, boş kâğıt, olmayan model, yanlış
 * mimari, bozuk model), sınav cevap anahtarı ve hatalı bayraklar. */
#include <unistd.h>
#include "doaa.h"
#include "photo.h"
#include "testutil.h"

#define MODEL "/tmp/doaa_t04_quick.model"
static char g_run[1 << 17]; /* --quick koşusunun çıktısı (bir kez çalıştırılır) */
static int g_rc;
static char out[1 << 16];
/* Bütün testlerden önce bir kez: --quick eğitimi (modeli MODEL'e kaydeder). */
static void run_quick_once(void) {
    tmpdir_make("/tmp/doaa_t04_XXXXXX");
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick --model %s", bin_path("lesson04"), MODEL);
    g_rc = run_cmd(cmd, g_run, sizeof g_run);
}

static void cleanup_once(void) {
    tmpdir_remove();
    remove(MODEL);
}

START_TEST(test_quick_run_claims) {
    ck_assert_msg(g_rc == 0, "çıkış kodu %d\n%s", g_rc, g_run);
    check_fits_80("lesson04", g_run); /* terminal çıktısı 80 sütuna sığar */
    /* 4000 örnek, 2 epoch: 2000 test görüntüsünde en az %85 (gözlenen ≈ %90) */
    ck_assert_msg(sonuc_get(g_run, "test_acc") >= 0.85, "test_acc %g", sonuc_get(g_run, "test_acc"));
    ck_assert_msg(sonuc_get(g_run, "test_loss") < 0.6, "test_loss %g", sonuc_get(g_run, "test_loss"));
    ck_assert_int_eq((int)sonuc_get(g_run, "epochs"), 2);
    /* 32·9+32 + 64·288+64 + 1600·128+128 + 128·10+10 */
    ck_assert_int_eq((int)sonuc_get(g_run, "params"), 320 + 18496 + 204928 + 1290);
    ck_assert_int_eq((int)sonuc_get(g_run, "mlp_params"), 235146);
    /* Hızlı evrişim düz döngüyle aynı sonucu veriyor ve ondan hızlı */
    ck_assert_msg(sonuc_get(g_run, "conv_maxdiff") < 1e-4, "fark %g", sonuc_get(g_run, "conv_maxdiff"));
    ck_assert_msg(sonuc_get(g_run, "conv_speedup") > 3, "hızlanma %g", sonuc_get(g_run, "conv_speedup"));
    ck_assert_msg(sonuc_get(g_run, "epoch_s") > 0, "epoch_s");
    double a0 = sonuc_get(g_run, "test_acc_noaug"), a1 = sonuc_get(g_run, "test_acc_aug");
    ck_assert_msg(a0 > 0.5 && a1 > 0.5, "artırmasız %g, artırmalı %g", a0, a1);
    /* Kaydedilen, doğrulamada iyi olan: SONUÇ'taki test_acc onunki */
    double best = sonuc_get(g_run, "saved_aug") > 0.5 ? a1 : a0;
    ck_assert_msg(fabs(best - sonuc_get(g_run, "test_acc")) < 1e-9, "test_acc kaydedilenin değil");
    /* El hesabı adımı: çıkış[0][1] terim terim yazılmış ve programınkiyle aynı */
    ck_assert_msg(strstr(g_run, "çıkış[0][1] = (-1·0) + (0·1) + (1·2)"), "el hesabı yok");
    ck_assert_msg(strstr(g_run, "Program da çıkış[0][1] = 6 buldu"), "el hesabı tutmuyor");
    /* Adımlar sırayla, son satır SONUÇ */
    for (int k = 1; k <= 8; k++) {
        char b[32];
        snprintf(b, sizeof b, "=== Adım %d/8:", k);
        ck_assert_msg(strstr(g_run, b), "'%s' yok", b);
    }
    const char *last = strstr(g_run, "SONUÇ:");
    ck_assert_ptr_nonnull(last);
    ck_assert_ptr_null(strchr(strchr(last, '\n') + 1, '\n'));
    /* Resimler: filtreler ve öznitelik haritaları (stb), eğriler (gnuplot varsa PNG) */
    const char *pngs[] = {"filtreler.png", "oznitelik_1.png", "oznitelik_2.png", "rakam.png",
                          "artirma_ornekleri.png"};
    for (size_t i = 0; i < 5; i++) {
        char p[256];
        int w, h, c;
        snprintf(p, sizeof p, "plots/lesson04/%s", pngs[i]);
        ck_assert_msg(image_info(p, &w, &h, &c, out, sizeof out) == 0, "%s", out);
    }
    ck_assert(file_exists("plots/lesson04/hata_orani.dat") && file_exists("plots/lesson04/hata_orani.gp"));
    if (plot_have_gnuplot()) ck_assert(file_exists("plots/lesson04/hata_orani.png"));
    /* Model yüklenir ve CNN mimarisindedir */
    Net a, b;
    ck_assert_msg(net_load(&a, MODEL, 1, out, sizeof out) == 0, "%s", out);
    models_mnist_cnn(&b, 1, 28, 28, 10, 1, 1);
    ck_assert_msg(net_same_arch(&b, &a, out, sizeof out), "%s", out);
    net_free(&a);
    net_free(&b);
}
END_TEST

START_TEST(test_predict_generated_photos) {
    ck_assert_msg(g_rc == 0, "--quick koşusu başarısız");
    Mnist m;
    mnist_load("data/mnist", &m);
    /* Beş gerçek test rakamı, kâğıda "yazılmış" olarak: farklı boy, açı, ışık, biçim */
    int idxs[5] = {3, 17, 42, 101, 250}, ok = 0;
    for (int i = 0; i < 5; i++) {
        const uint8_t *dig = m.test.images + (size_t)idxs[i] * 784;
        int label = m.test.labels[idxs[i]];
        Photo P = {400, 300, 205.0f - 5 * i, 30, 25, 7, 190.0f + 5 * i, 150, 180.0f + 15 * i,
                   (float)(2 * i - 4), 0};
        uint8_t *px = render(&P, mnist_ink, dig, 70 + i);
        char name[32];
        snprintf(name, sizeof name, "rakam%d.%s", i, i % 2 ? "jpg" : "png");
        save(tmp_path(name), px, P.W, P.H, i % 2);
        free(px);
        char cmd[1024];
        snprintf(cmd, sizeof cmd, "%s --predict %s --model %s", bin_path("lesson04"), tmp_path(name), MODEL);
        int rc = run_cmd(cmd, out, sizeof out);
        ck_assert_msg(rc == 0, "çıkış %d:\n%s", rc, out);
        double digit = sonuc_get(out, "digit"), prob = sonuc_get(out, "prob");
        ck_assert_msg(digit >= 0 && digit <= 9 && prob > 0 && prob <= 1, "%s", out);
        ok += (int)digit == label;
        /* ASCII rakam, diğer dokuz olasılık ve ağın gördüğü PNG */
        ck_assert_msg(strstr(out, "ağın gördüğü 28x28") && strstr(out, "Diğerleri:"), "%s", out);
        int w, h, c;
        ck_assert_msg(image_info("plots/lesson04/tahmin_girdisi.png", &w, &h, &c, out, sizeof out) == 0, "%s", out);
        ck_assert(w == 28 && h == 28 && c == 1);
    }
    /* Hızlı model test alt kümesinde ≈ %90 doğru: beşten en az dördü */
    ck_assert_msg(ok >= 4, "beş fotoğraftan yalnızca %d'i doğru okundu", ok);
    mnist_free(&m);
}
END_TEST

/* Komutu çalıştırır; çıkış kodu sıfırdan farklı ve mesajda beklenen parçalar olmalı. */
static void expect_fail(const char *args, const char *want1, const char *want2) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s %s", bin_path("lesson04"), args);
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 1, "'%s': çıkış %d\n%s", args, rc, out);
    ck_assert_msg(strstr(out, "hata:"), "'%s': hata satırı yok: %s", args, out);
    ck_assert_msg(!want1 || strstr(out, want1), "'%s': '%s' yok: %s", args, want1, out);
    ck_assert_msg(!want2 || strstr(out, want2), "'%s': '%s' yok: %s", args, want2, out);
    ck_assert_ptr_null(strstr(out, "SONUÇ:"));
}

START_TEST(test_predict_bad_inputs) {
    ck_assert_msg(g_rc == 0, "--quick koşusu başarısız");
    char args[1024];
    /* olmayan fotoğraf */
    snprintf(args, sizeof args, "--predict %s --model %s", tmp_path("yok.jpg"), MODEL);
    expect_fail(args, "yok.jpg", "açılamadı");
    /* .png adlı metin */
    FILE *f = fopen(tmp_path("metin.png"), "w");
    fputs("merhaba\n", f);
    fclose(f);
    snprintf(args, sizeof args, "--predict %s --model %s", tmp_path("metin.png"), MODEL);
    expect_fail(args, "metin.png", "tanınan bir görüntü değil");
    /* boş kâğıt */
    Drawn none = {1, -1.0f};
    Photo P = {320, 240, 200, 30, 30, 8, 160, 120, 100, 0, 0};
    uint8_t *px = render(&P, drawn_ink, &none, 4);
    save(tmp_path("bos.png"), px, P.W, P.H, 0);
    free(px);
    snprintf(args, sizeof args, "--predict %s --model %s", tmp_path("bos.png"), MODEL);
    expect_fail(args, "bos.png", "rakam bulunamadı");
    /* olmayan model: önce eğitmesini söyle */
    snprintf(args, sizeof args, "--predict %s --model %s", tmp_path("bos.png"), tmp_path("yok.model"));
    expect_fail(args, "yok.model", "./lesson04");
    /* yanlış mimari: lesson02'nin MLP'si */
    Net mlp;
    models_mnist_mlp(&mlp, 0.2f, 1, 3);
    ck_assert_msg(net_save(&mlp, tmp_path("mlp.model"), out, sizeof out) == 0, "%s", out);
    net_free(&mlp);
    snprintf(args, sizeof args, "--predict %s --model %s", tmp_path("bos.png"), tmp_path("mlp.model"));
    expect_fail(args, "mlp.model", "bu dersin modeli değil");
    /* bozuk model dosyası */
    f = fopen(tmp_path("bozuk.model"), "w");
    fputs("bu bir model değil", f);
    fclose(f);
    snprintf(args, sizeof args, "--predict %s --model %s", tmp_path("bos.png"), tmp_path("bozuk.model"));
    expect_fail(args, "bozuk.model", "DOAAMODL");
}
END_TEST

START_TEST(test_quiz_key) {
    int rc = quiz_grade_file("lesson04", "tests/answers/lesson04.txt", out, sizeof out);
    ck_assert_msg(rc == 0, "doğru cevap anahtarı geçmedi:\n%s", out);
    ck_assert_int_eq((int)sonuc_get(out, "quiz_toplam"), 8);
    /* bir cevabı yanlış (3. soru: -1 yerine 1) */
    rc = quiz_grade_text("lesson04", tmp_path("yanlis.txt"), "26\n18496\n1\nb\n14\nb\nc\nb\n", out,
                         sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);
    ck_assert_int_eq((int)sonuc_get(out, "quiz_dogru"), 7);
    /* biçimi bozuk: çıkış 2, dosya adı ve satır */
    rc = quiz_grade_text("lesson04", tmp_path("bozuk.txt"), "26\nonsekiz bin\n", out, sizeof out);
    ck_assert_int_eq(rc, 2);
    ck_assert_msg(strstr(out, "bozuk.txt") && strstr(out, "satır 2"), "%s", out);
}
END_TEST

START_TEST(test_bad_flags) {
    const char *bad[] = {"--bilinmeyen", "--epochs abc", "--epochs 0", "--label 3", "--images x",
                         "--predict", "fazla"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char cmd[512];
        snprintf(cmd, sizeof cmd, "%s %s", bin_path("lesson04"), bad[i]);
        int rc = run_cmd(cmd, out, sizeof out);
        ck_assert_msg(rc == 2, "'%s' için çıkış %d:\n%s", bad[i], rc, out);
        ck_assert_msg(strstr(out, "hata:"), "'%s': Türkçe hata yok: %s", bad[i], out);
    }
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson04");
    TCase *tc = tcase_create("ders");
    tcase_set_timeout(tc, 300);
    tcase_add_unchecked_fixture(tc, run_quick_once, cleanup_once);
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_predict_generated_photos);
    tcase_add_test(tc, test_predict_bad_inputs);
    tcase_add_test(tc, test_quiz_key);
    tcase_add_test(tc, test_bad_flags);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
