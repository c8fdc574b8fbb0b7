/* test_seq2seq.c — GRU kodlayıcı–kod çözücü (dikkatli ve dikkatsiz): bütün modelin
 * geri geçişi sonlu farklarla (her parametre tensörü), PAD hedeflerin kayba girmemesi,
 * kaydet/yükle (aynı çıktılar), açgözlü çözmenin öğretmen zorlamalı ileri geçişle
 * tutarlılığı, bozuk kayıt dosyası. */
#include "testutil.h"
#include "core/rng.h"
#include "data/seqtask.h"
#include "model/seq2seq.h"
#include "nn/gradcheck.h"

enum { B = 3, S = 4, T = 5 };

typedef struct {
    Seq2Seq m;
    int src[B * S], din[B * T], tgt[B * T];
} Fix;

static double loss(void *ctx) {
    Fix *f = ctx;
    return seq2seq_forward(&f->m, f->src, S, f->din, f->tgt, T, B);
}

static void fix_init(Fix *f, int A, uint64_t seed) {
    seq2seq_build(&f->m, (Seq2SeqConfig){.Vs = 7, .Vt = 8, .E = 3, .H = 5, .A = A});
    Rng r;
    rng_seed(&r, seed);
    seq2seq_init(&f->m, &r);
    for (int i = 0; i < B * S; i++) f->src[i] = SEQ_NSPECIAL + rng_int(&r, 4);
    for (int i = 0; i < B * T; i++) f->tgt[i] = SEQ_NSPECIAL + rng_int(&r, 5);
    for (int b = 0; b < B; b++) f->tgt[b * T + T - 1] = SEQ_EOS;
    f->tgt[1 * T + 3] = SEQ_EOS; /* ikinci örnek kısa: son simgesi PAD */
    f->tgt[1 * T + 4] = SEQ_PAD;
    seq_shift_right(f->din, f->tgt, B, T);
}

static void check_model(int A) {
    Fix f;
    fix_init(&f, A, 100 + A);
    params_zero_grad(&f.m.P);
    double L = loss(&f);
    ck_assert(L > 0 && isfinite(L));
    ck_assert_int_eq((int)f.m.ntok, B * T - 1);
    seq2seq_backward(&f.m);
    int checked = 0;
    for (int i = 0; i < f.m.P.count; i++) {
        const ParamTensor *pt = &f.m.P.t[i];
        GradCheck g = gradcheck(loss, &f, f.m.P.params + pt->off, f.m.P.grads + pt->off, pt->n,
                                60, 1e-3, 2e-2, 1e-4);
        ck_assert_msg(g.checked > 0, "%s denenmedi", pt->name);
        ck_assert_msg(g.worst <= 1.0, "A=%d %s: oran %g (eleman %zu: sayısal %g, analitik %g)",
                      A, pt->name, g.worst, g.worst_index, g.numeric, g.analytic);
        checked++;
    }
    ck_assert_int_eq(checked, A > 0 ? 16 : 12);
    /* PAD hedefi kayba girmez: onun yerine başka bir hedef yazmak kaybı değiştirmez */
    double L0 = loss(&f);
    f.tgt[1 * T + 4] = SEQ_PAD;
    ck_assert_close(loss(&f), L0, 1e-7);
    seq2seq_free(&f.m);
}

START_TEST(test_gradcheck_plain) { check_model(0); }
END_TEST

START_TEST(test_gradcheck_attention) { check_model(6); }
END_TEST

/* Açgözlü çözme, kendi tahminlerini geri besler: aynı simgeler öğretmen zorlamasıyla
 * verilirse aynı olasılıklar çıkmalı. */
START_TEST(test_greedy_consistent) {
    Fix f;
    fix_init(&f, 6, 7);
    int out[B * T];
    float al[B * T * S];
    seq2seq_greedy(&f.m, f.src, S, B, T, out, al);
    /* t = 0'da hiç EOS üretmemiş örnek için: out'u öğretmen girdisi yap */
    int din[B * T], tgt[B * T];
    for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++) {
            tgt[b * T + t] = out[b * T + t] == SEQ_PAD ? SEQ_EOS : out[b * T + t];
        }
    seq_shift_right(din, tgt, B, T);
    seq2seq_forward(&f.m, f.src, S, din, tgt, T, B);
    for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++) {
            if (out[b * T + t] == SEQ_PAD) break;
            const float *p = f.m.logits + ((size_t)t * B + b) * 8;
            int k = SEQ_EOS;
            for (int j = SEQ_EOS + 1; j < 8; j++)
                if (p[j] > p[k]) k = j;
            ck_assert_int_eq(k, out[b * T + t]);
            double s = 0;
            for (int j = 0; j < S; j++) s += al[(b * T + t) * S + j];
            ck_assert_close(s, 1.0, 1e-5);
            if (out[b * T + t] == SEQ_EOS) break;
        }
    seq2seq_free(&f.m);
}
END_TEST

/* Işın araması: K = 1 açgözlü çözmeyle aynı; döndürdüğü puan, çıktının öğretmen
 * zorlamalı ileri geçişle hesaplanan log-olasılığına eşit (K = 1..6). */
START_TEST(test_beam) {
    Fix f;
    fix_init(&f, 6, 9);
    enum { TM = 7 };
    for (int b = 0; b < B; b++) {
        const int *src = f.src + b * S;
        int g[TM], o1[TM], o4[TM];
        seq2seq_greedy(&f.m, src, S, 1, TM, g, NULL);
        seq2seq_beam(&f.m, src, S, 1, TM, o1);
        ck_assert_mem_eq(g, o1, sizeof g);
        for (int K = 1; K <= 6; K++) {
            double sc = seq2seq_beam(&f.m, src, S, K, TM, o4);
            int n = 0;
            while (n < TM && o4[n] != SEQ_EOS && o4[n] != SEQ_PAD) n++;
            if (n == TM) continue; /* bitmeyen ışın: puanı karşılaştırılamaz */
            int T2 = n + 1, tg[TM], din[TM];
            memcpy(tg, o4, (size_t)T2 * sizeof(int));
            seq_shift_right(din, tg, 1, T2);
            double L = seq2seq_forward(&f.m, src, S, din, tg, T2, 1);
            ck_assert_close(sc, -L * T2, 1e-4);
        }
    }
    seq2seq_free(&f.m);
}
END_TEST

START_TEST(test_save_load) {
    Fix f;
    fix_init(&f, 6, 8);
    char err[512];
    mkdir("tests/out", 0755);
    CkptInt ex[1] = {{"gorev", 2}};
    ck_assert_msg(seq2seq_save(&f.m, "tests/out/s2s.bin", ex, 1, "deneme", err, sizeof err) == 0,
                  "%s", err);
    Seq2Seq g;
    CkptInt want[1] = {{"gorev", 0}};
    int64_t lo[1] = {0}, hi[1] = {2};
    ck_assert_msg(seq2seq_load(&g, "tests/out/s2s.bin", want, lo, hi, 1, err, sizeof err) == 0,
                  "%s", err);
    ck_assert_int_eq((int)want[0].val, 2);
    ck_assert_int_eq(g.c.A, 6);
    ck_assert_int_eq((int)g.P.n, (int)f.m.P.n);
    ck_assert_mem_eq(g.P.params, f.m.P.params, f.m.P.n * sizeof(float));
    int o1[B * T], o2[B * T];
    seq2seq_greedy(&f.m, f.src, S, B, T, o1, NULL);
    seq2seq_greedy(&g, f.src, S, B, T, o2, NULL);
    ck_assert_mem_eq(o1, o2, sizeof o1);
    seq2seq_free(&g);
    /* aralık dışı ek anahtar: Türkçe hata */
    hi[0] = 1;
    ck_assert_int_eq(seq2seq_load(&g, "tests/out/s2s.bin", want, lo, hi, 1, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "gorev"));
    /* model dosyası olmayan bir dosya */
    write_text_file("tests/out/s2s_bozuk.bin", "bu bir model değil\n");
    ck_assert_int_eq(seq2seq_load(&g, "tests/out/s2s_bozuk.bin", NULL, NULL, NULL, 0, err,
                                  sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "s2s_bozuk.bin"));
    seq2seq_free(&f.m);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("seq2seq");
    TCase *tc = tcase_create("seq2seq");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_gradcheck_plain);
    tcase_add_test(tc, test_gradcheck_attention);
    tcase_add_test(tc, test_greedy_consistent);
    tcase_add_test(tc, test_beam);
    tcase_add_test(tc, test_save_load);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
