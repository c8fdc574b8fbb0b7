/* test_gpt.c — ders 16'nın ortak parçaları: AdamW ve öğrenme oranı çizelgesi (nn/optim),
 * örnekleme (nn/sample: T → 0 = açgözlü, top-k, top-p), karakter derlemi yükleyicisinin
 * doğrulaması (data/charcorpus), GPT'nin geri geçişi (sonlu farklar), KV önbellekli
 * adımın tam ileri geçişle aynı olması ve kayıt/yükleme (model/gpt). */
#include "testutil.h"
#include "core/rng.h"
#include "data/charcorpus.h"
#include "model/ckpt.h"
#include "model/gpt.h"
#include "nn/gradcheck.h"
#include "nn/optim.h"
#include "nn/sample.h"
#include <omp.h>

/* ---------- AdamW ---------- */
START_TEST(test_adamw_decay) {
    /* Gradyan sıfırken Adam adımı 0'dır; AdamW yalnız maskeli elemanı η·λ oranında küçültür */
    float p[3] = {2.0f, -4.0f, 1.0f}, g[3] = {0, 0, 0};
    unsigned char mask[3] = {1, 1, 0};
    Adam o;
    adam_init(&o, 3, 0.1f);
    adamw_step(&o, p, g, 0.5f, mask);
    ck_assert_float_eq_tol(p[0], 2.0f * (1 - 0.05f), 1e-6f);
    ck_assert_float_eq_tol(p[1], -4.0f * (1 - 0.05f), 1e-6f);
    ck_assert_float_eq(p[2], 1.0f);
    adam_free(&o);
    /* wd = 0: adam_step'in birebir aynısı */
    float a[4] = {1, 2, 3, 4}, b[4] = {1, 2, 3, 4}, gr[4] = {0.3f, -1, 2, 0.01f};
    Adam o1, o2;
    adam_init(&o1, 4, 0.01f), adam_init(&o2, 4, 0.01f);
    for (int s = 0; s < 3; s++) adam_step(&o1, a, gr), adamw_step(&o2, b, gr, 0.0f, NULL);
    for (int i = 0; i < 4; i++) ck_assert_float_eq(a[i], b[i]);
    adam_free(&o1), adam_free(&o2);
    /* ayrık azaltma: gradyanlı elemanda da fark tam η·λ·θ (Adam ölçeklemesinden geçmez) */
    float c[1] = {3.0f}, d[1] = {3.0f}, g1[1] = {0.7f};
    adam_init(&o1, 1, 0.01f), adam_init(&o2, 1, 0.01f);
    adam_step(&o1, c, g1);
    adamw_step(&o2, d, g1, 0.2f, NULL);
    ck_assert_float_eq_tol(c[0] - d[0], 0.01f * 0.2f * 3.0f, 1e-6f);
    adam_free(&o1), adam_free(&o2);
}
END_TEST

START_TEST(test_schedule_and_clip) {
    ck_assert_float_eq_tol(lr_warmup_cosine(0, 100, 10, 1.0f), 0.1f, 1e-6f);
    ck_assert_float_eq_tol(lr_warmup_cosine(9, 100, 10, 1.0f), 1.0f, 1e-6f);
    ck_assert_float_eq_tol(lr_warmup_cosine(10, 100, 10, 1.0f), 1.0f, 1e-6f);
    ck_assert_float_eq_tol(lr_warmup_cosine(55, 100, 10, 1.0f), 0.55f, 1e-6f); /* yarı yol */
    ck_assert_float_eq_tol(lr_warmup_cosine(100, 100, 10, 1.0f), 0.1f, 1e-6f);
    float g[2] = {3, 4};
    ck_assert_float_eq_tol((float)grad_clip_norm(g, 2, 1.0), 5.0f, 1e-6f);
    ck_assert_float_eq_tol(g[0], 0.6f, 1e-6f);
    ck_assert_float_eq_tol(g[1], 0.8f, 1e-6f);
    float h[2] = {0.3f, 0.4f};
    grad_clip_norm(h, 2, 1.0); /* kırpılmaz */
    ck_assert_float_eq(h[0], 0.3f);
}
END_TEST

/* ---------- örnekleme ---------- */
START_TEST(test_sampling_greedy_limit) {
    Rng r;
    rng_seed(&r, 7);
    float z[40], p[40];
    int checked = 0;
    for (int trial = 0; trial < 200; trial++) {
        for (int v = 0; v < 40; v++) z[v] = 3 * rng_normal(&r);
        int g = sample_argmax(z, 40);
        /* T = 0: tam olarak one-hot; T = 1e-3: pratikte one-hot (skor farkları >> T) */
        ck_assert_int_eq(sample_probs(p, z, 40, 0.0f, 0, 0), 1);
        ck_assert_int_eq(sample_pick(p, 40, rng_uniform(&r)), g);
        sample_probs(p, z, 40, 1e-3f, 0, 0);
        for (int k = 0; k < 5; k++) {
            ck_assert_int_eq(sample_pick(p, 40, rng_uniform(&r)), g);
            checked++;
        }
    }
    ck_assert_int_eq(checked, 1000);
    /* T = 1'de örnekleme açgözlü DEĞİLDİR: test gerçekten bir şey ayırt ediyor */
    for (int v = 0; v < 40; v++) z[v] = 0.1f * (float)v;
    sample_probs(p, z, 40, 1.0f, 0, 0);
    int differ = 0;
    for (int k = 0; k < 100; k++) differ += sample_pick(p, 40, rng_uniform(&r)) != 39;
    ck_assert_int_gt(differ, 50);
}
END_TEST

START_TEST(test_sampling_topk_topp) {
    float z[4] = {logf(0.5f), logf(0.3f), logf(0.15f), logf(0.05f)}, p[4];
    /* T = 1: olasılıklar aynen */
    ck_assert_int_eq(sample_probs(p, z, 4, 1.0f, 0, 0), 4);
    ck_assert_float_eq_tol(p[2], 0.15f, 1e-6f);
    /* top-k 2: ilk iki, yeniden ölçeklenmiş */
    ck_assert_int_eq(sample_probs(p, z, 4, 1.0f, 2, 0), 2);
    ck_assert_float_eq_tol(p[0], 0.625f, 1e-6f);
    ck_assert_float_eq_tol(p[1], 0.375f, 1e-6f);
    ck_assert_float_eq(p[2], 0.0f);
    /* top-p 0,75: 0,5 + 0,3 = 0,8 >= 0,75 -> iki simge; 0,85 -> üç */
    ck_assert_int_eq(sample_probs(p, z, 4, 1.0f, 0, 0.75f), 2);
    ck_assert_int_eq(sample_probs(p, z, 4, 1.0f, 0, 0.85f), 3);
    ck_assert_float_eq_tol(p[2], 0.15f / 0.95f, 1e-6f);
    ck_assert_float_eq(p[3], 0.0f);
    /* sıralama girdiden bağımsız: karışık sıra */
    float z2[4] = {z[3], z[1], z[0], z[2]};
    ck_assert_int_eq(sample_probs(p, z2, 4, 1.0f, 0, 0.75f), 2);
    ck_assert(p[0] == 0 && p[3] == 0 && p[1] > 0 && p[2] > 0);
    /* sıcaklık: T = 2 dağılımı düzleştirir */
    sample_probs(p, z, 4, 2.0f, 0, 0);
    ck_assert_float_lt(p[0], 0.5f);
    ck_assert_float_gt(p[3], 0.05f);
}
END_TEST

/* ---------- derlem yükleyicisi ---------- */
static void wfile(const char *path, const char *s) { write_text_file(path, s); }

START_TEST(test_charcorpus_validation) {
    char err[1024];
    CharVocab v;
    wfile("tests/out/gpt_vocab.txt", "DOAA-SOZLUK 1\n4\nU+000A\nU+0061\nU+0131\nU+015F\n");
    ck_assert_msg(charvocab_load(&v, "tests/out/gpt_vocab.txt", err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(v.V, 4);
    ck_assert_int_eq(charvocab_id(&v, 0x131), 2);
    int ids[16];
    ck_assert_int_eq(charvocab_encode(&v, "aış", ids, 16, err, sizeof err), 3);
    ck_assert_int_eq(ids[1], 2);
    /* sözlük dışı karakter: karakteri ve sırasını söyler */
    ck_assert_int_eq(charvocab_encode(&v, "aQ", ids, 16, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "'Q'"));
    ck_assert_ptr_nonnull(strstr(err, "2. karakter"));
    ck_assert_int_eq(charvocab_encode(&v, "a\xff", ids, 16, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "UTF-8"));
    char out[32];
    charvocab_decode(&v, ids, 1, out, sizeof out);
    ck_assert_str_eq(out, "a");
    /* bozuk sözlükler */
    const char *bad[] = {"DOAA-SOZLUK 2\n1\nU+0061\n", "DOAA-SOZLUK 1\n99999\n",
                         "DOAA-SOZLUK 1\n2\nU+0061\nU+0061\n", "DOAA-SOZLUK 1\n2\nU+0061\n",
                         "DOAA-SOZLUK 1\n2\nU+0061\nU+D800\n", "DOAA-SOZLUK 1\n2\nU+0061\nU+0062\nU+0063\n"};
    for (int i = 0; i < 6; i++) {
        wfile("tests/out/gpt_badvocab.txt", bad[i]);
        ck_assert_msg(charvocab_load(&v, "tests/out/gpt_badvocab.txt", err, sizeof err) == -1, "bozuk %d kabul edildi", i);
        ck_assert_ptr_nonnull(strstr(err, "gpt_badvocab.txt"));
    }
    charvocab_load(&v, "tests/out/gpt_vocab.txt", err, sizeof err);
    TokenStream s;
    wfile("tests/out/gpt_text.txt", "aış\naa\n");
    ck_assert_msg(corpus_load(&s, "tests/out/gpt_text.txt", &v, 0, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq((int)s.n, 7);
    corpus_free(&s);
    /* max_chars: satır sonunda kesilir */
    ck_assert_int_eq(corpus_load(&s, "tests/out/gpt_text.txt", &v, 2, err, sizeof err), 0);
    ck_assert_int_eq((int)s.n, 4);
    corpus_free(&s);
    wfile("tests/out/gpt_text.txt", "aa\naz\n");
    ck_assert_int_eq(corpus_load(&s, "tests/out/gpt_text.txt", &v, 0, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "2. satır"));
    ck_assert_ptr_nonnull(strstr(err, "'z'"));
    wfile("tests/out/gpt_text.txt", "a\xc3\n");
    ck_assert_int_eq(corpus_load(&s, "tests/out/gpt_text.txt", &v, 0, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "UTF-8"));
    wfile("tests/out/gpt_text.txt", "");
    ck_assert_int_eq(corpus_load(&s, "tests/out/gpt_text.txt", &v, 0, err, sizeof err), -1);
    ck_assert_int_eq(corpus_load(&s, "tests/out/yok.txt", &v, 0, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "yok.txt"));
}
END_TEST

/* ---------- GPT ---------- */
typedef struct {
    Gpt *m;
    int *x, *y, B, T;
} Ctx;
static double loss_fn(void *p) {
    Ctx *c = p;
    gpt_forward(c->m, c->x, c->B, c->T);
    return gpt_loss(c->m, c->y, 1);
}

START_TEST(test_gpt_gradcheck) {
    GptConfig cfg = {.V = 7, .C = 8, .NH = 2, .FF = 12, .NL = 2, .T = 5};
    Gpt m;
    gpt_build(&m, &cfg, 2, 3);
    for (size_t i = 0; i < (size_t)7 * 8; i++) m.W.wte[i] *= 40; /* anlamlı büyüklükte skorlar */
    int x[10], y[10];
    Rng r;
    rng_seed(&r, 4);
    for (int i = 0; i < 10; i++) x[i] = rng_int(&r, 7), y[i] = rng_int(&r, 7);
    Ctx c = {&m, x, y, 2, 5};
    loss_fn(&c);
    params_zero_grad(&m.P);
    gpt_backward(&m);
    float *g = malloc(m.P.n * sizeof(float));
    memcpy(g, m.P.grads, m.P.n * sizeof(float));
    /* Bağlı ağırlık E'nin gradyanı iki yerden gelir: hepsi denetlenir */
    GradCheck res = gradcheck(loss_fn, &c, m.P.params, g, m.P.n, m.P.n, 1e-3, 2e-2, 1e-3);
    ck_assert_int_eq((int)res.checked, (int)m.P.n);
    ck_assert_msg(res.rel_norm < 1e-2, "rel_norm %g", res.rel_norm);
    /* Denetleyici yanlışı yakalar: E'nin gradyanının çıkış kısmı atlanırsa */
    for (size_t i = 0; i < (size_t)7 * 8; i++) g[i] *= 0.5f;
    GradCheck bad = gradcheck(loss_fn, &c, m.P.params, g, 56, 56, 1e-3, 2e-2, 1e-3);
    ck_assert_msg(bad.rel_norm > 0.1, "bozuk gradyan fark edilmedi: %g", bad.rel_norm);
    free(g);
    gpt_free(&m);
}
END_TEST

/* Veri paralelliği: yığını iki yarıda (iki modelde) hesaplamak bütün yığının tek geçişteki
 * kaybını ve gradyanlarını verir (tek sayı, B = 5: yarılar eşit değil); sonuç iş parçacığı
 * sayısından bağımsızdır (bit bit aynı) ve gradyanlar EKLENİR. */
START_TEST(test_gpt_split_matches_full) {
    GptConfig cfg = {.V = 9, .C = 16, .NH = 4, .FF = 24, .NL = 2, .T = 7};
    int B = 5, n = B * 7;
    Gpt m, rep;
    gpt_build(&m, &cfg, B, 11);
    gpt_build(&rep, &cfg, 3, 99); /* farklı başlangıç: parametreler m'den kopyalanmalı */
    for (size_t i = 0; i < (size_t)9 * 16; i++) m.W.wte[i] *= 30;
    int x[35], y[35];
    Rng r;
    rng_seed(&r, 12);
    for (int i = 0; i < n; i++) x[i] = rng_int(&r, 9), y[i] = rng_int(&r, 9);
    gpt_forward(&m, x, B, 7);
    double Lfull = gpt_loss(&m, y, 0);
    params_zero_grad(&m.P);
    gpt_backward(&m);
    float *gfull = malloc(m.P.n * sizeof(float)), *g1 = malloc(m.P.n * sizeof(float));
    memcpy(gfull, m.P.grads, m.P.n * sizeof(float));
    double gmax = 0;
    for (size_t i = 0; i < m.P.n; i++) gmax = fabs(gfull[i]) > gmax ? fabs(gfull[i]) : gmax;
    ck_assert(gmax > 1e-3);
    int saved = omp_get_max_threads();
    omp_set_num_threads(1);
    params_zero_grad(&m.P);
    double L1 = gpt_loss_backward_split(&m, &rep, x, y, B, 7);
    memcpy(g1, m.P.grads, m.P.n * sizeof(float));
    ck_assert_msg(fabs(L1 - Lfull) < 1e-6, "yarılarla kayıp %.9f, bütün yığın %.9f", L1, Lfull);
    /* float32 toplama sırası değişir: en büyük gradyana göre küçük bir fark kabul */
    double worst = 0;
    for (size_t i = 0; i < m.P.n; i++) worst = fabs(g1[i] - gfull[i]) > worst ? fabs(g1[i] - gfull[i]) : worst;
    ck_assert_msg(worst < 1e-5 * gmax, "yarılarla gradyan bütün yığınınkinden %g farklı (en büyük %g)", worst, gmax);
    omp_set_num_threads(2);
    params_zero_grad(&m.P);
    double L2 = gpt_loss_backward_split(&m, &rep, x, y, B, 7);
    ck_assert(L2 == L1);
    ck_assert_msg(!memcmp(g1, m.P.grads, m.P.n * sizeof(float)), "2 iş parçacığı farklı gradyan verdi");
    /* biriktirme: ikinci çağrı gradyanları ikiye katlar */
    gpt_loss_backward_split(&m, &rep, x, y, B, 7);
    for (size_t i = 0; i < m.P.n; i++) ck_assert_float_eq_tol(m.P.grads[i], 2 * g1[i], 1e-6f + 1e-5f * fabsf(g1[i]));
    omp_set_num_threads(saved);
    free(gfull), free(g1);
    gpt_free(&m), gpt_free(&rep);
}
END_TEST

START_TEST(test_gpt_cache_matches_forward) {
    GptConfig cfg = {.V = 11, .C = 16, .NH = 4, .FF = 32, .NL = 3, .T = 9};
    Gpt m;
    gpt_build(&m, &cfg, 1, 5);
    int ids[9] = {1, 5, 2, 10, 0, 3, 3, 7, 4};
    gpt_forward(&m, ids, 1, 9);
    GptCache kc;
    gpt_cache_alloc(&kc, &m);
    float z[11];
    double worst = 0;
    for (int t = 0; t < 9; t++) {
        gpt_step(&m, &kc, ids[t], z);
        for (int v = 0; v < 11; v++) {
            double d = fabs(z[v] - m.logits[(size_t)t * 11 + v]);
            worst = d > worst ? d : worst;
        }
    }
    ck_assert_msg(worst < 1e-4, "önbellekli adım tam ileri geçişten %g farklı", worst);
    /* kısa bir önek: nedensellik — sonraki simgeler önceki skorları değiştirmez */
    gpt_forward(&m, ids, 1, 4);
    gpt_cache_reset(&kc);
    for (int t = 0; t < 4; t++) gpt_step(&m, &kc, ids[t], z);
    for (int v = 0; v < 11; v++) ck_assert_float_eq_tol(z[v], m.logits[3 * 11 + v], 1e-4f);
    gpt_cache_free(&kc, &m);
    gpt_free(&m);
}
END_TEST

START_TEST(test_gpt_save_load) {
    GptConfig cfg = {.V = 4, .C = 8, .NH = 2, .FF = 8, .NL = 1, .T = 4};
    Gpt m, l;
    gpt_build(&m, &cfg, 1, 9);
    uint32_t voc[4] = {'\n', 'a', 0x131, 0x15F}, got[CHARVOCAB_MAX];
    char err[1024], dn[16];
    mkdir("tests/out", 0755);
    ck_assert_msg(gpt_save(&m, "tests/out/gpt_t.ckpt", "names", voc, err, sizeof err) == 0, "%s", err);
    ck_assert_msg(gpt_load(&l, "tests/out/gpt_t.ckpt", 1, dn, got, err, sizeof err) == 0, "%s", err);
    ck_assert_str_eq(dn, "names");
    ck_assert_int_eq(l.cfg.V, 4);
    ck_assert_int_eq((int)got[2], 0x131);
    ck_assert_int_eq(memcmp(m.P.params, l.P.params, m.P.n * 4), 0);
    gpt_free(&l);
    /* bozuk dosya: CRC ya da boy tutmaz */
    FILE *f = fopen("tests/out/gpt_t.ckpt", "r+b");
    fseek(f, 200, SEEK_SET);
    fputc('X', f);
    fclose(f);
    ck_assert_int_eq(gpt_load(&l, "tests/out/gpt_t.ckpt", 1, dn, got, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "gpt_t.ckpt"));
    write_text_file("tests/out/gpt_metin.ckpt", "bu bir model değil\n");
    ck_assert_int_eq(gpt_load(&l, "tests/out/gpt_metin.ckpt", 1, dn, got, err, sizeof err), -1);
    /* GELU'dan önceki (ReLU'lu, "act" değeri olmayan) kayıt sessizce yanlış modele dönmez */
    ck_assert_int_eq(m.lcfg.act, TF_ACT_GELU);
    CkptInt old[] = {{"V", 4}, {"C", 8}, {"NH", 2}, {"FF", 8}, {"NL", 1}, {"T", 4}};
    ck_assert_int_eq(ckpt_save("tests/out/gpt_relu.ckpt", "gpt-char", old, 6, "veri=names\nU+000A U+0061 U+0131 U+015F ",
                               &m.P, err, sizeof err), 0);
    ck_assert_int_eq(gpt_load(&l, "tests/out/gpt_relu.ckpt", 1, dn, got, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "act") != NULL, "%s", err);
    gpt_free(&m);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("gpt");
    TCase *tc = tcase_create("gpt");
    tcase_add_test(tc, test_adamw_decay);
    tcase_add_test(tc, test_schedule_and_clip);
    tcase_add_test(tc, test_sampling_greedy_limit);
    tcase_add_test(tc, test_sampling_topk_topp);
    tcase_add_test(tc, test_charcorpus_validation);
    tcase_add_test(tc, test_gpt_gradcheck);
    tcase_add_test(tc, test_gpt_split_matches_full);
    tcase_add_test(tc, test_gpt_cache_matches_forward);
    tcase_add_test(tc, test_gpt_save_load);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
