/* test_lesson14.c — GAN dersi: ./lesson14 --quick çıktısındaki SONUÇ değerleri dersin
 * iddialarını taşımalı (ölçütün doğruluğu, paket hesabı, eğitimin mod bulması, kaydedilen
 * modelin aynı sayıları vermesi); --sample; sınav; hatalı girişler. */
#include <unistd.h>

#include "testutil.h"

static char out[1 << 17];
#define MODEL "tests/out/l14_test.model"
#define MODEL2D "tests/out/l14_test_izgara.model"

START_TEST(test_quick_run_claims) {
    mkdir("tests/out", 0755);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick --threads 1 --model " MODEL, bin_path("lesson14"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson14 --quick çıkış kodu %d:\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 6/6"));
    /* Ölçüt: gerçek veride kalite ≈ 1 - e^{-4.5} = 0.989; 3 moddan gelen küme 3 mod, log(8/3) */
    double hq = sonuc_get(out, "real_hq");
    ck_assert_msg(hq > 0.975 && hq < 0.999, "real_hq = %g", hq);
    ck_assert_int_eq((int)sonuc_get(out, "collapsed_modes"), 3);
    ck_assert_close(sonuc_get(out, "collapsed_rkl"), log(8.0 / 3.0), 0.05);
    /* Düzgün gürültü çok mod "kapsar" ama kalitesi ~%1.8: mod sayısı tek başına yanıltır */
    double um = sonuc_get(out, "unif_grid_modes"), uh = sonuc_get(out, "unif_grid_hq");
    ck_assert_msg(um >= 10 && uh > 0.005 && uh < 0.04, "düzgün gürültü: %g mod, kalite %g", um, uh);
    /* Paket hesabı: çöken üretici için TV(P^4,Q^4) = 1-(7/8)^4, dengesizden belirgin büyük */
    double tc = sonuc_get(out, "tv4_collapse"), tb = sonuc_get(out, "tv4_balanced");
    ck_assert_close(tc, 1 - pow(7.0 / 8, 4), 1e-3);
    ck_assert_msg(tb > 0.125 && tc > 1.5 * tb, "tv4: çöken %g, dengesiz %g", tc, tb);
    /* Elle yazılmış geri geçişler (MLP: dense + LeakyReLU; sinüslü gömmeli, paketli D)
     * sonlu farklarla tutarlı */
    double gc = sonuc_get(out, "gradcheck");
    ck_assert_msg(gc >= 0 && gc < 1e-2, "gradcheck = %g", gc);
    /* Eğitim işe yarıyor: kısa koşuda bile ızgarada başlangıçtan çok daha fazla mod */
    double m0 = sonuc_get(out, "init_grid_modes"), mp = sonuc_get(out, "plain_grid_modes");
    /* PacGAN: son ağırlıklar θ (kısa koşuda 0.999'luk ortalama θ̄ eğitimin çoğunu, rastgele
     * başlangıcı da taşır; θ̄'nın hedefleri tam koşuda) */
    double mk = sonuc_get(out, "pac_grid_modes_raw"), mr = sonuc_get(out, "raw_grid_modes");
    /* (Kısa koşu kaotik bölgede: sayılar derleme bayraklarına göre bir iki mod oynar; mutlak
     * eşik yerine başlangıca ve düzgün gürültüye göre karşılaştırırız.) */
    ck_assert_msg(mp > m0 + 3, "sade ızgara: başta %g, sonda %g mod", m0, mp);
    /* Ham girişli D'nin G'si modların arasına yayılır: çok mod, düşük kalite */
    ck_assert_msg(mr > m0 + 3 && sonuc_get(out, "raw_grid_hq") < 0.2, "ham D: %g mod, kalite %g",
                  mr, sonuc_get(out, "raw_grid_hq"));
    ck_assert_msg(mk > m0 + 3, "PacGAN ızgara: başta %g, ortalama %g mod", m0, mk);
    /* PacGAN'ın noktaları modlarda toplanıyor: kalite düzgün serpilmiş noktalarınkinin katları */
    double ph = sonuc_get(out, "pac_grid_hq_raw");
    ck_assert_msg(ph > 4 * uh, "PacGAN ızgara kalitesi %g, düzgün gürültü %g", ph, uh);
    /* Kaydedilen model aynı değerlendirme gürültüsüyle aynı sayıları verir */
    ck_assert_int_eq((int)sonuc_get(out, "loaded_modes"), (int)sonuc_get(out, "pac_grid_first_modes"));
    ck_assert_close(sonuc_get(out, "loaded_hq"), sonuc_get(out, "pac_grid_first_hq"), 1e-6);
    ck_assert_ptr_nonnull(strstr(out, "(aynı)"));
    /* MNIST GAN (adım 6): elle yazılmış geri geçişler (tanh, D'nin içinden G'ye zincir,
     * etiket yumuşatmalı L_D) sonlu farklarla tutarlı; kısa koşuda bile örneklerin ortalama
     * görüntüsü gerçek rakamlarınkine eğitilmemiş G'ninkinden çok daha yakın. (Güvenle okunan
     * pay ve sınıf sayısı hedefleri tam koşuda: tests/check_full.sh.) */
    double mg = sonuc_get(out, "mnist_gradcheck");
    ck_assert_msg(mg >= 0 && mg < 1e-2, "mnist_gradcheck = %g", mg);
    double mi = sonuc_get(out, "mnist_mean_init"), me = sonuc_get(out, "mnist_mean_ema");
    ck_assert_msg(me < 0.5 * mi, "ortalama görüntü farkı: eğitilmemiş %g, eğitilmiş %g", mi, me);
    double ld = sonuc_get(out, "mnist_ld"), lgv = sonuc_get(out, "mnist_lg");
    ck_assert_msg(ld > 0.05 && ld < 3 && lgv > 0.05 && lgv < 8, "kayıplar: L_D %g, L_G %g", ld, lgv);
    ck_assert_ptr_nonnull(strstr(out, "mnist_egitim.png"));
    const char *steps[] = {"veri", "ham_izgara", "sade_halka", "sade_izgara", "paket_tv",
                           "pacgan_izgara", "pacgan_halka", "mod_sayisi", "orneklem",
                           "mnist_kayip", "mnist_siniflar", "mnist_okunan"};
    check_plot_files("lesson14", steps, 12);

    /* --sample: 2-B ızgara üreticisi (--model'in _izgara eşi), farklı sayıda nokta */
    expect_run("lesson14", "--sample 500 --model " MODEL2D, 0, "500 nokta", NULL, out, sizeof out);
    ck_assert_ptr_nonnull(strstr(out, "ızgara"));
    /* --sample: MNIST üreticisi, PNG ızgara */
    unlink("plots/lesson14/ornekler_mnist.png");
    expect_run("lesson14", "--sample 36 --model " MODEL, 0, "36 rakam", NULL, out, sizeof out);
    ck_assert_int_eq((int)sonuc_get(out, "written"), 1);
    ck_assert_msg(access("plots/lesson14/ornekler_mnist.png", F_OK) == 0, "ornekler_mnist.png yok");
    expect_run("lesson14", "--sample 401 --model " MODEL, 2, "400", NULL, out, sizeof out);
}
END_TEST

START_TEST(test_quiz_answers) {
    check_quiz_key("lesson14", out, sizeof out);
    int rc = quiz_grade_text("lesson14", "tests/out/lesson14_yanlis.txt",
                             "0.9889\n1.3863\n0.3301\nb\nb\nb\n1.386\nc\nb\na\n", out, sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);
    rc = quiz_grade_text("lesson14", "tests/out/lesson14_bozuk.txt", "x\n", out, sizeof out);
    ck_assert_msg(rc == 2, "bozuk dosya: çıkış %d\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "lesson14_bozuk.txt"));
}
END_TEST

START_TEST(test_bad_input) {
    expect_run("lesson14", "--boyle-bir-bayrak-yok", 2, "bilinmeyen bayrak", NULL, out, sizeof out);
    expect_run("lesson14", "--sample 10 --model tests/out/yok_boyle_model.model", 2,
               "yok_boyle_model.model", NULL, out, sizeof out);
    /* Model olmayan bir dosya: adını söyleyen hata, çökme yok */
    expect_run("lesson14", "--sample 10 --model tests/answers/lesson14.txt", 2, "lesson14.txt",
               NULL, out, sizeof out);
    expect_run("lesson14", "--sample 0", 2, "--sample", NULL, out, sizeof out);
    expect_run("lesson14", "--sample", 2, "--sample", NULL, out, sizeof out);
    expect_run("lesson14", "--quick --batch 30", 2, "--batch", NULL, out, sizeof out);
    expect_run("lesson14", "--quick --data tests/out/yok_boyle_klasor", 1, "yok_boyle_klasor", NULL,
               out, sizeof out);
    expect_run("lesson14", "--sample 10 --generator kare", 2, "--generator", NULL, out, sizeof out);
    expect_run("lesson14", "--sample 10 --generator", 2, "--generator", NULL, out, sizeof out);
    expect_run("lesson14", "--quick --generator mnist", 2, "--sample", NULL, out, sizeof out);
    expect_run("lesson14", "--quick --mnist-epochs 0", 2, "--mnist-epochs", NULL, out, sizeof out);
    expect_run("lesson14", "--quick --seeds 11", 2, "--seeds", NULL, out, sizeof out);
    expect_run("lesson14", "--quick --seeds 0", 2, "--seeds", NULL, out, sizeof out);
    /* Model olmayan bir dosyanın üzerine yazmayı reddeder (eğitimden önce) */
    expect_run("lesson14", "--quick --model tests/answers/lesson14.txt", 1, "lesson14.txt", NULL,
               out, sizeof out);
    expect_run("lesson14", "--help", 0, "--sample", NULL, out, sizeof out);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson14");
    TCase *tc = tcase_create("GAN");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_bad_input);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
