/* test_seqtask.c — üretilen seq2seq görevleri: Türkçe sayı okunuşları (bilinen
 * doğrular), UTF-8 çözücü, sözlük, ters çevirme yığınları, sabit ve eğitimden
 * ayrık test kümesi. */
#include "testutil.h"
#include "data/seqtask.h"

static void expect_words(uint64_t n, const char *want) {
    char buf[256];
    ck_assert_int_ge(seq_number_words(n, buf, sizeof buf), 0);
    ck_assert_msg(strcmp(buf, want) == 0, "%llu -> '%s', beklenen '%s'", (unsigned long long)n,
                  buf, want);
}

START_TEST(test_number_words) {
    expect_words(0, "sıfır");
    expect_words(7, "yedi");
    expect_words(10, "on");
    expect_words(11, "on bir");
    expect_words(40, "kırk");
    expect_words(99, "doksan dokuz");
    expect_words(100, "yüz");            /* "bir yüz" değil */
    expect_words(101, "yüz bir");
    expect_words(200, "iki yüz");
    expect_words(1000, "bin");            /* "bir bin" değil */
    expect_words(1001, "bin bir");
    expect_words(1100, "bin yüz");
    expect_words(2000, "iki bin");
    expect_words(101000, "yüz bir bin"); /* grup 101: "bir" burada doğru */
    expect_words(1000000, "bir milyon"); /* milyonda "bir" okunur */
    expect_words(1001000, "bir milyon bin");
    expect_words(1234567, "bir milyon iki yüz otuz dört bin beş yüz altmış yedi");
    expect_words(1000000000ULL, "bir milyar");
    expect_words(2000000001ULL, "iki milyar bir");
    expect_words(999999999999ULL, "dokuz yüz doksan dokuz milyar dokuz yüz doksan dokuz "
                                  "milyon dokuz yüz doksan dokuz bin dokuz yüz doksan dokuz");
    char small[8];
    ck_assert_int_eq(seq_number_words(1234567, small, sizeof small), -1);
    ck_assert_int_eq(seq_number_words(1000000000000000ULL, small, sizeof small), -1);
}
END_TEST

START_TEST(test_number_normalize) {
    char out[64], err[256];
    ck_assert_int_eq(seq_number_normalize("1234567", 12, out, sizeof out, err, sizeof err), 0);
    ck_assert_str_eq(out, "1 234 567");
    ck_assert_int_eq(seq_number_normalize(" 1 234 567 ", 12, out, sizeof out, err, sizeof err), 0);
    ck_assert_str_eq(out, "1 234 567");
    ck_assert_int_eq(seq_number_normalize("007", 12, out, sizeof out, err, sizeof err), 0);
    ck_assert_str_eq(out, "7");
    ck_assert_int_eq(seq_number_normalize("000", 12, out, sizeof out, err, sizeof err), 0);
    ck_assert_str_eq(out, "0");
    ck_assert_int_eq(seq_number_normalize("12a4", 12, out, sizeof out, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "'a'"));
    ck_assert_int_eq(seq_number_normalize("12ş", 12, out, sizeof out, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "'ş'"));
    ck_assert_int_eq(seq_number_normalize("  ", 12, out, sizeof out, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "boş"));
    ck_assert_int_eq(seq_number_normalize("1234567890123", 12, out, sizeof out, err, sizeof err),
                     -1);
    ck_assert_ptr_nonnull(strstr(err, "13 rakamlı"));
}
END_TEST

START_TEST(test_utf8) {
    uint32_t c[16];
    char err[256];
    ck_assert_int_eq(utf8_decode("çğa", c, 16, err, sizeof err), 3);
    ck_assert_uint_eq(c[0], 0xE7);
    ck_assert_uint_eq(c[1], 0x11F);
    ck_assert_uint_eq(c[2], 'a');
    ck_assert_int_eq(utf8_decode("\xC3", c, 16, err, sizeof err), -1);          /* yarım */
    ck_assert_int_eq(utf8_decode("\xC0\xAF", c, 16, err, sizeof err), -1);      /* fazla uzun */
    ck_assert_int_eq(utf8_decode("\xED\xA0\x80", c, 16, err, sizeof err), -1);  /* vekil */
    ck_assert_int_eq(utf8_decode("\xFF", c, 16, err, sizeof err), -1);
    ck_assert_int_eq(utf8_decode("abcde", c, 4, err, sizeof err), -1);          /* sığmaz */
    ck_assert_ptr_nonnull(strstr(err, "uzun"));
    char o[8];
    for (uint32_t cp = 1; cp < 0x11000; cp += 37) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        int n = utf8_encode(cp, o);
        o[n] = '\0';
        ck_assert_int_eq(utf8_decode(o, c, 16, err, sizeof err), 1);
        ck_assert_uint_eq(c[0], cp);
    }
}
END_TEST

START_TEST(test_vocab) {
    SeqTask t;
    seqtask_init(&t, SEQ_REVERSE, 29, 5, 10);
    ck_assert_int_eq(t.src.n, 29 + SEQ_NSPECIAL);
    int ids[16];
    char err[256], back[64];
    int n = seqvocab_encode(&t.src, "çığ", ids, 16, err, sizeof err);
    ck_assert_int_eq(n, 4); /* 3 harf + EOS: baytlar değil kod noktaları */
    ck_assert_int_eq(ids[3], SEQ_EOS);
    ck_assert_int_ge(ids[0], SEQ_NSPECIAL);
    ck_assert_int_eq(seqvocab_decode(&t.src, ids, n, back, sizeof back), 3);
    ck_assert_str_eq(back, "çığ");
    ck_assert_int_eq(seqvocab_encode(&t.src, "abq", ids, 16, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "'q'"));
    ck_assert_ptr_nonnull(strstr(err, "3."));
    ck_assert_int_eq(seqvocab_encode(&t.src, "abcdef", ids, 4, err, sizeof err), -1);
    /* Sayı görevinin sözlükleri: kaynak 10 rakam + boşluk; hedef Türkçe harfler */
    SeqTask u;
    seqtask_init(&u, SEQ_NUMBER, 0, 1, 12);
    ck_assert_int_eq(u.src.n, 11 + SEQ_NSPECIAL);
    ck_assert_int_ge(seqvocab_id(&u.tgt, 0x131), SEQ_NSPECIAL); /* ı */
    ck_assert_int_ge(seqvocab_id(&u.tgt, 0xFC), SEQ_NSPECIAL);  /* ü */
    ck_assert_int_eq(seqvocab_id(&u.tgt, 'q'), -1);
    seqtask_free(&t);
    seqtask_free(&u);
}
END_TEST

START_TEST(test_reverse_batch) {
    SeqTask t;
    seqtask_init(&t, SEQ_REVERSE, 20, 5, 40);
    Rng r;
    rng_seed(&r, 3);
    enum { B = 16, L = 17 };
    int S = seqtask_src_width(&t, L), TC = seqtask_tgt_cap(&t);
    ck_assert_int_eq(S, L + 1);
    ck_assert_int_eq(TC, 41);
    int src[B * (L + 1)], tgt[B * 41], tl[B];
    ck_assert_int_eq(seqtask_batch(&t, &r, B, L, src, tgt, tl), S);
    for (int b = 0; b < B; b++) {
        ck_assert_int_eq(tl[b], L + 1);
        ck_assert_int_eq(src[b * S + L], SEQ_EOS);
        ck_assert_int_eq(tgt[b * TC + L], SEQ_EOS);
        for (int i = L + 1; i < TC; i++) ck_assert_int_eq(tgt[b * TC + i], SEQ_PAD);
        for (int i = 0; i < L; i++) {
            ck_assert_int_eq(tgt[b * TC + i], src[b * S + L - 1 - i]);
            ck_assert_int_ge(src[b * S + i], SEQ_NSPECIAL);
            ck_assert_int_lt(src[b * S + i], SEQ_NSPECIAL + 20);
        }
    }
    int din[B * 41];
    seq_shift_right(din, tgt, B, TC);
    ck_assert_int_eq(din[0], SEQ_BOS);
    ck_assert_int_eq(din[1], tgt[0]);
    ck_assert_int_eq(din[TC], SEQ_BOS);
    /* Aynı tohum, aynı yığın */
    Rng r2;
    rng_seed(&r2, 3);
    int src2[B * (L + 1)], tgt2[B * 41], tl2[B];
    seqtask_batch(&t, &r2, B, L, src2, tgt2, tl2);
    ck_assert_mem_eq(src, src2, sizeof src);
    /* Kopya görevi: hedef kaynağın kendisi */
    SeqTask c;
    seqtask_init(&c, SEQ_COPY, 20, 5, 40);
    seqtask_batch(&c, &r, B, L, src, tgt, tl);
    for (int i = 0; i < L; i++) ck_assert_int_eq(tgt[i], src[i]);
    char s[256], g[256];
    seqtask_sample_text(&t, &r, 6, s, sizeof s, g, sizeof g);
    char g2[256];
    ck_assert_int_eq(seqtask_target_text(&t, s, g2, sizeof g2), 0);
    ck_assert_str_eq(g, g2);
    seqtask_free(&t);
    seqtask_free(&c);
}
END_TEST

/* Sayı yığınları: her hedef, kaynağın (gruplanmış rakamlar) okunuşudur. */
START_TEST(test_number_batch) {
    SeqTask t;
    seqtask_init(&t, SEQ_NUMBER, 0, 1, 12);
    Rng r;
    rng_seed(&r, 5);
    int TC = seqtask_tgt_cap(&t);
    int *src = malloc(64 * 17 * sizeof(int)), *tgt = malloc(64 * (size_t)TC * sizeof(int));
    int tl[64], maxlen = 0, zero_groups = 0, bin_alone = 0;
    for (int L = 1; L <= 12; L++) {
        int S = seqtask_batch(&t, &r, 64, L, src, tgt, tl);
        ck_assert_int_eq(S, L + (L - 1) / 3 + 1);
        for (int b = 0; b < 64; b++) {
            char s[64], g[512], want[512];
            seqvocab_decode(&t.src, src + b * S, S, s, sizeof s);
            int nt = seqvocab_decode(&t.tgt, tgt + b * TC, TC, g, sizeof g);
            ck_assert_int_eq(nt + 1, tl[b]);
            ck_assert_int_eq(tgt[b * TC + nt], SEQ_EOS);
            ck_assert_int_eq((int)strlen(s), S - 1);
            ck_assert_int_eq(seqtask_target_text(&t, s, want, sizeof want), 0);
            ck_assert_msg(strcmp(g, want) == 0, "'%s' -> '%s', beklenen '%s'", s, g, want);
            if (tl[b] > maxlen) maxlen = tl[b];
            if (strstr(s, " 000")) zero_groups++;
            if (strstr(g, "bin") && (strncmp(g, "bin", 3) == 0 || strstr(g, "milyon bin") ||
                                     strstr(g, "milyar bin")))
                bin_alone++;
        }
    }
    ck_assert_int_le(maxlen, TC);
    ck_assert_int_ge(maxlen, 70);    /* 12 rakam: uzun hedefler */
    ck_assert_int_ge(zero_groups, 20); /* boş gruplar sık örneklenir */
    ck_assert_int_ge(bin_alone, 5);    /* "bin" tek başına ("bir bin" değil) */
    free(src);
    free(tgt);
    seqtask_free(&t);
}
END_TEST

/* Test kümesi sabittir (--seed'den bağımsız) ve eğitim yığınlarında hiç görünmez. */
START_TEST(test_testset_heldout) {
    SeqTask a, b;
    seqtask_init(&a, SEQ_NUMBER, 0, 1, 6);
    seqtask_init(&b, SEQ_NUMBER, 0, 1, 6);
    SeqSet sa, sb;
    seqtask_testset(&a, 50, &sa);
    seqtask_testset(&b, 50, &sb);
    ck_assert_int_eq(sa.n, sb.n);
    ck_assert_mem_eq(sa.src, sb.src, (size_t)sa.n * sa.src_cap * sizeof(int));
    int first, count;
    seqset_range(&sa, 1, &first, &count);
    ck_assert_int_eq(count, 5);       /* 10 olasılığın yarısı */
    seqset_range(&sa, 2, &first, &count);
    ck_assert_int_eq(count, 45);      /* 90 olasılığın yarısı */
    seqset_range(&sa, 4, &first, &count);
    ck_assert_int_eq(count, 50);
    ck_assert_int_eq(sa.len[first], 4);
    /* 1 rakamlı sayılar: test kümesindeki 5 rakam eğitimde hiç görünmez, kalan 5'i görünür */
    int held[10] = {0}, seen[10] = {0};
    seqset_range(&sa, 1, &first, &count);
    for (int i = 0; i < count; i++) held[sa.src[(first + i) * sa.src_cap] - SEQ_NSPECIAL] = 1;
    Rng r;
    rng_seed(&r, 77);
    int src[200 * 2], tgt[200 * 64], tl[200];
    ck_assert_int_le(seqtask_tgt_cap(&a), 64);
    int *tg = malloc(200 * (size_t)seqtask_tgt_cap(&a) * sizeof(int));
    seqtask_batch(&a, &r, 200, 1, src, tg, tl);
    for (int i = 0; i < 200; i++) {
        int d = src[i * 2] - SEQ_NSPECIAL;
        ck_assert_msg(!held[d], "test kümesindeki %d eğitime sızdı", d);
        seen[d] = 1;
    }
    int nseen = 0;
    for (int d = 0; d < 10; d++) nseen += seen[d];
    ck_assert_int_eq(nseen, 5);
    /* Uzun dizilerde de: test kaynakları işaretli, eğitim kaynakları değil */
    seqset_range(&sa, 6, &first, &count);
    ck_assert(seqtask_is_held(&a, sa.src + first * sa.src_cap, sa.src_len[first]));
    int src6[50 * 8];
    int *tg6 = malloc(50 * (size_t)seqtask_tgt_cap(&a) * sizeof(int));
    seqtask_batch(&a, &r, 50, 6, src6, tg6, tl);
    for (int i = 0; i < 50; i++) ck_assert(!seqtask_is_held(&a, src6 + i * 8, 8));
    (void)tgt;
    free(tg);
    free(tg6);
    /* Ters çevirme test kümesi: her uzunluktan per_len örnek, hepsi EOS ile biter */
    SeqTask c;
    seqtask_init(&c, SEQ_REVERSE, 20, 5, 40);
    SeqSet sc;
    seqtask_testset(&c, 30, &sc);
    ck_assert_int_eq(sc.n, 36 * 30);
    for (int i = 0; i < sc.n; i++) {
        ck_assert_int_eq(sc.src_len[i], sc.len[i] + 1);
        ck_assert_int_eq(sc.src[i * sc.src_cap + sc.len[i]], SEQ_EOS);
        ck_assert_int_eq(sc.tgt[i * sc.tgt_cap], sc.src[i * sc.src_cap + sc.len[i] - 1]);
    }
    seqset_free(&sa); seqset_free(&sb); seqset_free(&sc);
    seqtask_free(&a); seqtask_free(&b); seqtask_free(&c);
}
END_TEST

/* Hizalama: bilinen örnekler ve bütün uzunluklarda hedefle aynı uzunluk */
static void expect_align(SeqTask *t, const char *src, const int *want, int nwant) {
    int ids[32], al[256];
    char err[256];
    int ns = seqvocab_encode(&t->src, src, ids, 32, err, sizeof err);
    ck_assert_int_gt(ns, 0);
    int n = seqtask_align(t, ids, ns, al, 256);
    ck_assert_int_eq(n, nwant);
    for (int i = 0; i < n; i++)
        ck_assert_msg(al[i] == want[i], "'%s': %d. harf %d'e bağlı, beklenen %d", src, i, al[i],
                      want[i]);
}

START_TEST(test_align) {
    SeqTask t;
    seqtask_init(&t, SEQ_NUMBER, 0, 1, 12);
    /* "1 234" -> "bin iki yüz otuz dört": bin->0, iki->2, yüz->2, otuz->3, dört->4 */
    int w1[] = {0, 0, 0, -1, 2, 2, 2, -1, 2, 2, 2, -1, 3, 3, 3, 3, -1, 4, 4, 4, 4};
    expect_align(&t, "1 234", w1, 21);
    /* "101 000" -> "yüz bir bin": yüz->0, bir->2, bin ölçek sözcüğü (-1) */
    int w2[] = {0, 0, 0, -1, 2, 2, 2, -1, -1, -1, -1};
    expect_align(&t, "101 000", w2, 11);
    int w3[] = {0, 0, 0, 0, 0};
    expect_align(&t, "0", w3, 5); /* sıfır */
    Rng r;
    rng_seed(&r, 9);
    int TC = seqtask_tgt_cap(&t), src[8 * 17], al[256];
    int *tgt = malloc(8 * (size_t)TC * sizeof(int)), tl[8];
    for (int L = 1; L <= 12; L++) {
        int S = seqtask_batch(&t, &r, 8, L, src, tgt, tl);
        for (int b = 0; b < 8; b++) {
            int n = seqtask_align(&t, src + b * S, S, al, 256);
            ck_assert_int_eq(n, tl[b] - 1);
            for (int i = 0; i < n; i++) {
                int c = (int)t.tgt.cp[tgt[b * TC + i]];
                if (c == ' ') ck_assert_int_eq(al[i], -1);
                if (al[i] >= 0) ck_assert_int_ne((int)t.src.cp[src[b * S + al[i]]], ' ');
            }
        }
    }
    free(tgt);
    SeqTask rv;
    seqtask_init(&rv, SEQ_REVERSE, 10, 5, 10);
    int w4[] = {4, 3, 2, 1, 0};
    expect_align(&rv, "abcde", w4, 5);
    seqtask_free(&t);
    seqtask_free(&rv);
}
END_TEST

/* Doğrulama kümesi: test kümesiyle kesişmez, L'si aralıkta, küçük L'de eğitime yer kalır;
 * seqtask_exclude ile daha uzun eğitim görevi ikisini de eğitimden çıkarır. Test kümesi
 * valset'ten etkilenmez (aynı tohum, aynı örnekler). */
START_TEST(test_valset_exclude) {
    SeqTask t, t2;
    seqtask_init(&t, SEQ_NUMBER, 0, 1, 4);
    seqtask_init(&t2, SEQ_NUMBER, 0, 1, 4);
    SeqSet ts, vs, ts2;
    seqtask_testset(&t, 20, &ts);
    seqtask_testset(&t2, 20, &ts2);
    seqtask_valset(&t, 20, &vs);
    ck_assert_int_eq(ts.n, ts2.n);
    ck_assert_int_eq(memcmp(ts.src, ts2.src, (size_t)ts.n * ts.src_cap * sizeof(int)), 0);
    int n1 = 0;
    for (int i = 0; i < vs.n; i++) {
        const int *v = vs.src + (size_t)i * vs.src_cap;
        ck_assert(seqtask_is_held(&t, v, vs.src_len[i]));
        ck_assert(!seqtask_is_held(&t2, v, vs.src_len[i])); /* test kümesinde değil */
        ck_assert(vs.len[i] >= 1 && vs.len[i] <= 4);
        n1 += vs.len[i] == 1;
    }
    ck_assert_int_eq(n1, 2); /* 10 olasılığın testte 5'i, doğrulamada en çok 10/4 = 2'si */
    /* 1 rakamlı sayılarda eğitime hâlâ örnek kalır */
    Rng r;
    rng_seed(&r, 3);
    int src[4 * 2], tgt[4 * 64], tl[4];
    ck_assert_int_le(seqtask_tgt_cap(&t), 64);
    seqtask_batch(&t, &r, 4, 1, src, tgt, tl);
    /* Uzun eğitim görevi: 5..20'lik ters çevirmenin test ve doğrulama kümeleri 5..24'lük
     * görevin yığınlarına hiç girmez */
    SeqTask rv, rt;
    seqtask_init(&rv, SEQ_REVERSE, 2, 5, 20);
    seqtask_init(&rt, SEQ_REVERSE, 2, 5, 24);
    SeqSet rts, rvs;
    seqtask_testset(&rv, 10, &rts);
    seqtask_valset(&rv, 10, &rvs);
    seqtask_exclude(&rt, &rts);
    seqtask_exclude(&rt, &rvs);
    for (int i = 0; i < rts.n; i++)
        ck_assert(seqtask_is_held(&rt, rts.src + (size_t)i * rts.src_cap, rts.src_len[i]));
    for (int i = 0; i < rvs.n; i++)
        ck_assert(seqtask_is_held(&rt, rvs.src + (size_t)i * rvs.src_cap, rvs.src_len[i]));
    int bs[64 * 6], bt[64 * 25], btl[64];
    ck_assert_int_eq(seqtask_tgt_cap(&rt), 25);
    int S = seqtask_batch(&rt, &r, 64, 5, bs, bt, btl); /* 2^5 = 32 dizinin 16'sı testte */
    for (int b = 0; b < 64; b++) ck_assert(!seqtask_is_held(&rv, bs + b * S, S));
    seqset_free(&ts), seqset_free(&vs), seqset_free(&ts2), seqset_free(&rts), seqset_free(&rvs);
    seqtask_free(&t), seqtask_free(&t2), seqtask_free(&rv), seqtask_free(&rt);
}
END_TEST

/* Hizalama isabeti: sözcüğün satırları toplanır, argmax doğru rakamda mı? */
START_TEST(test_align_hits) {
    SeqTask t;
    seqtask_init(&t, SEQ_NUMBER, 0, 1, 12);
    /* "1 234" (S = 6 EOS dahil) -> "bin iki yüz otuz dört": 5 sözcük, bin -> 0. konum */
    int ids[8], al[64];
    char err[128];
    int S = seqvocab_encode(&t.src, "1 234", ids, 8, err, sizeof err);
    ck_assert_int_eq(S, 6);
    int n = seqtask_align(&t, ids, S, al, 64);
    float att[21 * 6];
    /* Her harf doğru konuma 0,6 ağırlık: hepsi isabet */
    for (int i = 0; i < n; i++)
        for (int j = 0; j < S; j++) att[i * S + j] = al[i] == j ? 0.6f : 0.4f / (S - 1);
    SeqAlignHits h = {0};
    seqtask_align_hits(&t, al, n, att, (size_t)S, S, &h);
    ck_assert_int_eq(h.words, 5);
    ck_assert_int_eq(h.hit, 5);
    ck_assert_int_eq(h.near, 5);
    ck_assert_int_eq(h.right, 0);
    /* Karar satırı ölçüsü: "iki yüz"ün "yüz"ü (önceki sözcükle aynı rakam) sayılmaz */
    ck_assert_int_eq(h.dwords, 4);
    ck_assert_int_eq(h.dhit, 4);
    /* "otuz"un (harf 12..15) ilk harfi 4. konuma kaçsa da toplam hâlâ 3'te: isabet. Dört harfi
     * birden bir sağa (4) kayarsa: isabet değil, komşu ve sağ. */
    for (int j = 0; j < S; j++) att[12 * S + j] = j == 4 ? 0.9f : 0.02f;
    SeqAlignHits h2 = {0};
    seqtask_align_hits(&t, al, n, att, (size_t)S, S, &h2);
    ck_assert_int_eq(h2.hit, 5);
    ck_assert_int_eq(h2.dhit, 3); /* karar satırı (ilk harf) 4. konumda: ıska */
    for (int i = 12; i < 16; i++)
        for (int j = 0; j < S; j++) att[i * S + j] = j == 4 ? 0.9f : 0.02f;
    SeqAlignHits h3 = {0};
    seqtask_align_hits(&t, al, n, att, (size_t)S, S, &h3);
    ck_assert_int_eq(h3.words, 5);
    ck_assert_int_eq(h3.hit, 4);
    ck_assert_int_eq(h3.near, 5);
    ck_assert_int_eq(h3.right, 1);
    ck_assert_int_eq(h3.dhit, 3);
    /* Satır adımı (ld) > S: aynı sonuç */
    float wide[21 * 10];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < 10; j++) wide[i * 10 + j] = j < S ? att[i * S + j] : 5.0f;
    SeqAlignHits h4 = {0};
    seqtask_align_hits(&t, al, n, wide, 10, S, &h4);
    ck_assert_int_eq(h4.hit, h3.hit);
    /* "yüz"ün satırları (harf 8..10) EOS'a (5) park ederse: toplam ölçüde ıska, karar
     * satırı ölçüsünde sayılmaz */
    for (int i = 8; i < 11; i++)
        for (int j = 0; j < S; j++) att[i * S + j] = j == 5 ? 0.9f : 0.02f;
    SeqAlignHits hy = {0};
    seqtask_align_hits(&t, al, n, att, (size_t)S, S, &hy);
    ck_assert_int_eq(hy.hit, 3);
    ck_assert_int_eq(hy.dwords, 4);
    ck_assert_int_eq(hy.dhit, 3);
    /* Ters çevirmede her harf ayrı sayılır */
    SeqTask rv;
    seqtask_init(&rv, SEQ_REVERSE, 10, 5, 10);
    int S2 = seqvocab_encode(&rv.src, "abcde", ids, 8, err, sizeof err);
    int n2 = seqtask_align(&rv, ids, S2, al, 64);
    float a2[5 * 6] = {0};
    for (int i = 0; i < n2; i++) a2[i * S2 + (4 - i)] = 1; /* ters köşegen */
    a2[0 * S2 + 4] = 0, a2[0 * S2 + 0] = 1;                /* ilk harf yanlış yere */
    SeqAlignHits h5 = {0};
    seqtask_align_hits(&rv, al, n2, a2, (size_t)S2, S2, &h5);
    ck_assert_int_eq(h5.words, 5);
    ck_assert_int_eq(h5.hit, 4);
    ck_assert_int_eq(h5.dwords, 5);
    ck_assert_int_eq(h5.dhit, 4);
    seqtask_free(&t), seqtask_free(&rv);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("seqtask");
    TCase *tc = tcase_create("seqtask");
    tcase_add_test(tc, test_number_words);
    tcase_add_test(tc, test_number_normalize);
    tcase_add_test(tc, test_utf8);
    tcase_add_test(tc, test_vocab);
    tcase_add_test(tc, test_reverse_batch);
    tcase_add_test(tc, test_number_batch);
    tcase_add_test(tc, test_testset_heldout);
    tcase_add_test(tc, test_align);
    tcase_add_test(tc, test_valset_exclude);
    tcase_add_test(tc, test_align_hits);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
