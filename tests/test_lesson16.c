/* test_lesson16.c — küçük GPT dersi: ./lesson16 --quick çıktısındaki SONUÇ değerleri dersin
 * iddialarını taşımalı (model sayım modellerinden iyi öğrenir mi, T → 0 açgözlü mü, KV
 * önbelleği aynı metni daha hızlı mı üretir); kayıtlı modelden üretim; sözlük dışı istem;
 * bozuk model dosyası; kayıttan devam eden eğitimin kayıp eğrisini sürdürmesi; sınav. */
#include "testutil.h"

static char out[1 << 17];

START_TEST(test_quick_run_claims) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick --threads 1", bin_path("lesson16"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson16 --quick çıkış kodu %d:\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 7/7"));
    /* geri geçiş sonlu farklarla uyumlu */
    double gc = sonuc_get(out, "gradcheck_rel");
    ck_assert_msg(gc >= 0 && gc < 1e-2, "gradcheck_rel = %g", gc);
    /* başlangıç kaybı ≈ ln V (küçük gömmeler), eğitim onu belirgin biçimde düşürür */
    ck_assert_close(sonuc_get(out, "loss_first"), log(30.0), 0.1);
    double val = sonuc_get(out, "val_loss"), uni = sonuc_get(out, "unigram"), bi = sonuc_get(out, "bigram");
    double ng = sonuc_get(out, "ngram_best");
    /* sayım modelleri sıralı: n-gram < bigram < unigram < ln V */
    ck_assert_msg(ng < bi && bi < uni && uni < log(30.0), "uni %g bi %g ng %g", uni, bi, ng);
    /* kısa eğitimde bile GPT unigramı geçer (bağlamı kullanmayı öğrenmiştir) */
    ck_assert_msg(val < uni - 0.2, "GPT doğrulama %g, unigram %g", val, uni);
    ck_assert_msg(sonuc_get(out, "test_loss") < uni, "test %g", sonuc_get(out, "test_loss"));
    /* T → 0 = açgözlü; KV önbelleği aynı metni üretir ve daha hızlıdır */
    ck_assert_int_eq((int)sonuc_get(out, "greedy_eq"), 1);
    ck_assert_int_eq((int)sonuc_get(out, "cache_same"), 1);
    ck_assert_msg(sonuc_get(out, "tok_s_cache") > sonuc_get(out, "tok_s_nocache"), "önbellek hızlandırmadı");
    /* entropi sıcaklıkla artar */
    double h05 = sonuc_get(out, "H_T05"), h1 = sonuc_get(out, "H_T1"), h2 = sonuc_get(out, "H_T2");
    ck_assert_msg(h05 < h1 && h1 < h2 && h2 <= log(30.0) + 1e-6, "entropiler %g %g %g", h05, h1, h2);
    /* üretilen adların çoğu yeni (ezber değil) */
    ck_assert_msg(sonuc_get(out, "novel") > 0.5, "novel = %g", sonuc_get(out, "novel"));
    const char *steps[] = {"ngram_names", "kayip_names", "entropi_names", "dikkat_names"};
    check_plot_files("lesson16", steps, 4);

    /* kayıtlı modelden üretim: istemle başlar, T = 0 iki kez aynı */
    expect_run("lesson16", "--quick --prompt kara --temperature 0 --tokens 20", 0, "kara", NULL, out, sizeof out);
    static char first[1 << 17];
    snprintf(first, sizeof first, "%s", out);
    expect_run("lesson16", "--quick --prompt kara --temperature 0 --tokens 20 --seed 9", 0, NULL, NULL, out,
               sizeof out);
    ck_assert_str_eq(first, out);
    expect_run("lesson16", "--quick --prompt kara --temperature 1.0 --top-k 5 --top-p 0.9 --tokens 30", 0, "kara",
               NULL, out, sizeof out);
    /* sözlük dışı karakter: Türkçe hata, çıkış 2 */
    expect_run("lesson16", "--quick --prompt 'Kara!'", 2, "sözlüğünde yok", NULL, out, sizeof out);
    ck_assert_ptr_nonnull(strstr(out, "'K'"));
    expect_run("lesson16", "--quick --prompt abcq", 2, "'q'", NULL, out, sizeof out);
}
END_TEST

/* Düz metin derlemi (--data text) kısa koşuda: sayım modelleri sıralı, GPT kısa eğitimde
 * unigramı belirgin biçimde geçer, KV önbelleği aynı metni üretir, şekiller metin adlarıyla.
 * (Tam koşunun hedefi — en iyi n-gram'dan 0,1 nat iyi — tests/check_full.sh'de.) */
START_TEST(test_quick_text_claims) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick --data text --threads 1", bin_path("lesson16"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "lesson16 --quick --data text çıkış kodu %d:\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "SONUÇ: data=text "));
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 7/7"));
    double V = 0;
    const char *p = strstr(out, "Sözlük ");
    ck_assert_ptr_nonnull(p);
    V = atof(p + strlen("Sözlük "));
    ck_assert_msg(V > 60 && V < 512, "metin sözlüğü %g simge", V);
    ck_assert_close(sonuc_get(out, "loss_first"), log(V), 0.1);
    double val = sonuc_get(out, "val_loss"), uni = sonuc_get(out, "unigram"), bi = sonuc_get(out, "bigram");
    double ng = sonuc_get(out, "ngram_best");
    ck_assert_msg(ng < bi && bi < uni && uni < log(V), "uni %g bi %g ng %g", uni, bi, ng);
    ck_assert_msg(val < uni - 0.3, "GPT doğrulama %g, unigram %g", val, uni);
    ck_assert_close(sonuc_get(out, "gpt_minus_ngram"), val - ng, 1e-3);
    ck_assert_int_eq((int)sonuc_get(out, "cache_same"), 1);
    ck_assert_msg(sonuc_get(out, "novel") < 0, "metinde 'yeni ad' oranı ölçülmez");
    const char *steps[] = {"ngram_text", "kayip_text", "entropi_text", "dikkat_text"};
    check_plot_files("lesson16", steps, 4);
}
END_TEST

START_TEST(test_resume_continues) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick --threads 1 --model tests/out/l16_resume.ckpt --steps 120", bin_path("lesson16"));
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "ilk koşu %d:\n%s", rc, out);
    double last1 = sonuc_get(out, "loss_last50"), first1 = sonuc_get(out, "loss_first");
    snprintf(cmd, sizeof cmd, "%s --quick --threads 1 --model tests/out/l16_resume.ckpt --steps 60 --resume",
             bin_path("lesson16"));
    rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "devam koşusu %d:\n%s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "eğitime devam"));
    double first2 = sonuc_get(out, "loss_first"), last2 = sonuc_get(out, "loss_last50");
    /* devamın ilk kaybı yeni bir modelinki (≈ ln 30) değil, öncekinin sonuna yakın */
    ck_assert_msg(first2 < first1 - 0.3, "devam ilk kaybı %g, sıfırdan %g", first2, first1);
    ck_assert_msg(fabs(first2 - last1) < 0.25, "devam ilk kaybı %g, önceki son %g", first2, last1);
    ck_assert_msg(last2 < last1 + 0.05, "devam sonrası %g, önce %g", last2, last1);
    /* başka derlemin modeliyle devam: açık hata */
    expect_run("lesson16", "--quick --data text --model tests/out/l16_resume.ckpt --resume --steps 5", 1,
               "names", NULL, out, sizeof out);
}
END_TEST

START_TEST(test_bad_inputs) {
    /* bozuk ve yanlış model dosyaları */
    write_text_file("tests/out/l16_metin.ckpt", "bu bir model değil\n");
    expect_run("lesson16", "--prompt kara --model tests/out/l16_metin.ckpt", 1, "l16_metin.ckpt", NULL, out,
               sizeof out);
    expect_run("lesson16", "--prompt kara --model tests/out/l16_yok.ckpt", 1, "l16_yok.ckpt", NULL, out,
               sizeof out);
    /* kesilmiş bir model dosyası */
    char cmd[512];
    snprintf(cmd, sizeof cmd, "head -c 300 data/models/lesson16_names_quick.ckpt > tests/out/l16_kesik.ckpt");
    if (run_cmd(cmd, out, sizeof out) == 0)
        expect_run("lesson16", "--prompt kara --model tests/out/l16_kesik.ckpt", 1, "l16_kesik.ckpt", NULL, out,
                   sizeof out);
    /* bayraklar */
    expect_run("lesson16", "--data kitap", 2, "--data", NULL, out, sizeof out);
    expect_run("lesson16", "--prompt kara --temperature -1", 2, "--temperature", NULL, out, sizeof out);
    expect_run("lesson16", "--prompt kara --top-p 1.5", 2, "--top-p", NULL, out, sizeof out);
    expect_run("lesson16", "--prompt kara --top-k abc", 2, "--top-k", NULL, out, sizeof out);
    expect_run("lesson16", "--prompt kara --tokens 0", 2, "--tokens", NULL, out, sizeof out);
    expect_run("lesson16", "--prompt", 2, "--prompt", NULL, out, sizeof out);
    expect_run("lesson16", "--boyle-bir-bayrak-yok", 2, "bilinmeyen bayrak", NULL, out, sizeof out);
    expect_run("lesson16", "--help", 0, "--top-p", NULL, out, sizeof out);
}
END_TEST

START_TEST(test_quiz_answers) {
    check_quiz_key("lesson16", out, sizeof out);
    int rc = quiz_grade_text("lesson16", "tests/out/lesson16_yanlis.txt", "3.4012\n1920\na\n2\nb\nc\nb\n", out,
                             sizeof out);
    ck_assert_msg(rc == 1, "yanlış cevap: çıkış %d\n%s", rc, out);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson16");
    TCase *tc = tcase_create("küçük GPT");
    tcase_add_test(tc, test_quick_run_claims);
    tcase_add_test(tc, test_quick_text_claims);
    tcase_add_test(tc, test_bad_inputs);
    tcase_add_test(tc, test_resume_continues);
    tcase_add_test(tc, test_quiz_answers);
    tcase_set_timeout(tc, 300);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
