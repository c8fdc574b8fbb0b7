/*
 * test_textbook.c — ders kitabı dokuyucusunun (textbook/weave/) testleri.
 *
 *   dokuyucu  : C sözcük çözümleyicisi (dizgede "/ *", yorumda "/ *", iç içe olmayan yorum),
 *               düzyazı/kod bölme ve satır aralıkları, yorumsuz ders, UTF-8 Türkçe harfler,
 *               cksum, çıktıyı adımlara bölme, sınav ayrıştırma, Türkçe alfabe sırası;
 *               kodun tanımlara bölünmesi (main ve sınav kodu sınavdan sonra, katlı);
 *               tests/fixtures/textbook/ örnek deposundan üretilen kitabın beklenen/ ile
 *               bayt bayt aynı olması.
 *   sozluk    : sözlük kuralları örnek derste (bilinen ihlaller bulunur) ve bozuk sözlük
 *               dosyasının Türkçe, dosya ve satır adlı hatası.
 *   esitleme  : textbook/ güncel mi? Depodaki dersler ve kayıtlı koşular yeniden dokunur,
 *               işlenmiş bölümlerle karşılaştırılır (fark varsa: make textbook).
 *   depo_sozluk: depodaki derslerin sözlük kurallarına uyması (ihlaller tek tek listelenir).
 * Testler depo kökünden çalışır (tests/run.sh böyle çağırır).
 */
#include "../textbook/weave/weave.h"
#include "testutil.h"

#define FIX "tests/fixtures/textbook"

/* Parçalar içinde n'inci olanı (0 tabanlı) */
static const Seg *seg_at(const Seg *s, int n, int k) {
    ck_assert_int_lt(k, n);
    return &s[k];
}

START_TEST(test_lex_strings_and_comments) {
    const char *src = "int a; /* x \"y\" /* z */\n"
                      "const char *s = \"/* değil */ ve */ de değil\";\n"
                      "char c = '\"'; // satır /* yorumu\n"
                      "/* son */\n";
    Tok *t;
    int n = wv_lex(src, &t);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(t[0].kind, TOK_BLOCK);
    ck_assert_int_eq(t[0].prose, 0); /* sütun 0'da değil */
    ck_assert_int_eq((int)(t[0].end - t[0].start), (int)strlen(" x \"y\" /* z "));
    ck_assert_int_eq(t[1].kind, TOK_STRING);
    ck_assert_int_eq(t[1].line0, 2);
    ck_assert(!strncmp(src + t[1].start, "/* değil */ ve */ de değil", t[1].end - t[1].start));
    ck_assert_int_eq(t[2].kind, TOK_LINE); /* '"' karakter sabiti dizge açmadı */
    ck_assert_int_eq(t[3].kind, TOK_BLOCK);
    ck_assert_int_eq(t[3].prose, 1);
    ck_assert_int_eq(t[3].line0, 4);
    free(t);
}
END_TEST

START_TEST(test_segment_ranges) {
    const char *src = "/*\n"                          /* 1 */
                      " * lesson42 — Başlık\n"        /* 2 */
                      " */\n"                         /* 3 */
                      "#include <stdio.h>\n"          /* 4 */
                      "\n"                            /* 5 */
                      "/* Adım 3: Üçüncü adım\n"      /* 6 */
                      "   açıklama */\n"              /* 7 */
                      "\n"                            /* 8 */
                      "int x = 1; /* yan yorum */\n"  /* 9 */
                      "    /* girintili */\n"         /* 10 */
                      "int y;\n"                      /* 11 */
                      "/* sütun 0 */ int z;\n"        /* 12 */
                      "\n";                           /* 13 */
    Seg *s;
    int n = wv_segment(src, &s);
    ck_assert_int_eq(n, 4);
    const Seg *a = seg_at(s, n, 0), *b = seg_at(s, n, 1), *c = seg_at(s, n, 2), *d = seg_at(s, n, 3);
    ck_assert_int_eq(a->prose, 1);
    ck_assert_int_eq(a->line0, 1);
    ck_assert_int_eq(a->line1, 3);
    ck_assert_str_eq(a->text, "lesson42 — Başlık\n");
    ck_assert_int_eq(b->prose, 0);
    ck_assert_int_eq(b->line0, 4);
    ck_assert_int_eq(b->line1, 4);
    ck_assert_str_eq(b->text, "#include <stdio.h>");
    ck_assert_int_eq(c->prose, 1);
    ck_assert_int_eq(c->step, 3);
    ck_assert_str_eq(c->title, "Üçüncü adım");
    ck_assert_str_eq(c->text, "açıklama\n");
    ck_assert_int_eq(c->line0, 6);
    ck_assert_int_eq(c->line1, 7);
    ck_assert_int_eq(d->prose, 0);
    ck_assert_int_eq(d->line0, 9); /* baştaki boş satır 8 ve sondaki 13 kırpılır */
    ck_assert_int_eq(d->line1, 12);
    ck_assert(strstr(d->text, "/* girintili */") != NULL);
    ck_assert(strstr(d->text, "/* sütun 0 */ int z;") != NULL);
    wv_free_segs(s, n);
}
END_TEST

START_TEST(test_no_comments) {
    const char *src = "#include <stdio.h>\n\nint main(void) { return 0; }\n";
    Seg *s;
    int n = wv_segment(src, &s);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(s[0].prose, 0);
    ck_assert_int_eq(s[0].line0, 1);
    ck_assert_int_eq(s[0].line1, 3);
    wv_free_segs(s, n);
    n = wv_segment("", &s);
    ck_assert_int_eq(n, 0);
    free(s);
}
END_TEST

START_TEST(test_utf8_prose) {
    const char *body = "\n * Çığ ışık: ĞÜŞİÖÇ ğüşiöç\n *   - madde *yıldız*\n *\n *     x = a_b\n ";
    char *c = wv_clean_comment(body, strlen(body));
    ck_assert_str_eq(c, "Çığ ışık: ĞÜŞİÖÇ ğüşiöç\n  - madde *yıldız*\n\n    x = a_b\n");
    Str o = {0};
    wv_prose_md(&o, c);
    ck_assert_str_eq(o.s, "Çığ ışık: ĞÜŞİÖÇ ğüşiöç\n\n- madde \\*yıldız\\*\n\n```formul\nx = a_b\n```\n");
    free(o.s);
    free(c);
    /* Türkçe alfabe: c < ç < d, ı < i, o < ö < p, s < ş < t, u < ü < v */
    ck_assert_int_lt(wv_tr_cmp("cam", "çam"), 0);
    ck_assert_int_lt(wv_tr_cmp("çam", "dam"), 0);
    ck_assert_int_lt(wv_tr_cmp("ılık", "ilik"), 0);
    ck_assert_int_lt(wv_tr_cmp("ot", "öt"), 0);
    ck_assert_int_lt(wv_tr_cmp("şu", "tu"), 0);
    ck_assert_int_lt(wv_tr_cmp("üç", "var"), 0);
    ck_assert_int_eq(wv_tr_cmp("İnce", "ince"), 0);
}
END_TEST

/* Tek başına bir satırdaki $$...$$ (girintili de olsa) formül bloğu değil, ayrı paragrafta
 * gösterilen matematiktir: pandoc --mathml onu <math display="block"> yapar. Satır içi
 * $...$ kaçırılmadan geçer; "1. katman" satır başında liste sanılmasın diye kaçırılır. */
START_TEST(test_prose_display_math) {
    const char *c = "Softmax: $p_k = e^{z_k} / \\sum_j e^{z_j}$ ve\n"
                    "    $$L = -\\log p_y$$\n"
                    "    dW = x^T dy\n"
                    "1. katman ile 2_b $5 ve $6.\n";
    Str o = {0};
    wv_prose_md(&o, c);
    ck_assert_str_eq(o.s, "Softmax: $p_k = e^{z_k} / \\sum_j e^{z_j}$ ve\n\n"
                          "$$L = -\\log p_y$$\n\n"
                          "```formul\ndW = x^T dy\n```\n\n"
                          "1. katman ile 2\\_b \\$5 ve \\$6.\n");
    free(o.s);
    /* Girintili ve tek $...$ ile başlayan satır da gösterilen formüldür; arkasındaki kısa
     * metin \text{} olur, noktalama formülün içinde kalır. TeX karakterli metin ya da
     * kapanmayan $ satırı formül bloğunda kalır. */
    const char *c2 = "Katman:\n"
                     "  $x_1 = x + F(x)$,\n"
                     "  $\\eta(s) = s/W$  (s < W)\n"
                     "  $a_b$ ve c_d\n"
                     "  $yarım\n"
                     "  $p = s/W$; sonunda $\\eta = f$.\n";
    o = (Str){0};
    wv_prose_md(&o, c2);
    ck_assert_str_eq(o.s, "Katman:\n\n"
                          "$$x_1 = x + F(x),$$\n\n"
                          "$$\\eta(s) = s/W\\quad\\text{(s < W)}$$\n\n"
                          "```formul\n$a_b$ ve c_d\n$yarım\n```\n\n"
                          "$p = s/W$; sonunda $\\eta = f$.\n\n");
    free(o.s);
}
END_TEST

START_TEST(test_cksum) {
    /* POSIX cksum: `printf 123456789 | cksum` -> 930766865; boş girdi -> 4294967295 */
    ck_assert_uint_eq(wv_cksum((const unsigned char *)"123456789", 9), 930766865u);
    ck_assert_uint_eq(wv_cksum((const unsigned char *)"", 0), 4294967295u);
}
END_TEST

START_TEST(test_output_and_quiz_parse) {
    Run r;
    memset(&r, 0, sizeof r);
    wv_parse_output(&r, "baş\n\n=== Adım 1/2: Bir ===\nx\n\n=== Adım 2/2: İki: nokta ===\ny\n"
                        "SONUÇ: a=1\n=== Adım 9: bozuk ===\n");
    ck_assert_str_eq(r.pre, "baş\n");
    ck_assert_int_eq(r.nparts, 2);
    ck_assert_int_eq(r.parts[1].k, 2);
    ck_assert_int_eq(r.parts[1].n, 2);
    ck_assert_str_eq(r.parts[1].title, "İki: nokta");
    ck_assert_str_eq(r.parts[1].text, "y\nSONUÇ: a=1\n=== Adım 9: bozuk ===\n");
    ck_assert_str_eq(r.sonuc, "a=1");
    wv_parse_quiz(&r, "Soru 1/1: Ne?\n   a) bir\n   b) iki\nCevabınız:   '?' olmaz\n"
                      "  Yanlış.\n  Doğru cevap: b) iki\n  Açıklama: Çünkü.\n\nPuan: 0/1\n");
    ck_assert_int_eq(r.nquiz, 1);
    ck_assert_int_eq(r.quiz[0].nch, 2);
    ck_assert_str_eq(r.quiz[0].choices[1], "b) iki");
    ck_assert_str_eq(r.quiz[0].answer, "b) iki");
    ck_assert_str_eq(r.quiz[0].explain, "Çünkü.");
    wv_free_run(&r);
    /* 79 sütunda bölünmüş sınav (common/lesson/quiz.c): devam satırları girintiden tanınır */
    memset(&r, 0, sizeof r);
    wv_parse_quiz(&r, "Soru 1/1: Uzun bir\nsoru?\n   a) bir\n   b) iki ve\n      üç\n"
                      "Cevabınız:   '?' olmaz,\n    tekrar deneyin.\n  Yanlış.\n"
                      "  Doğru cevap: b) iki ve\n    üç\n  Açıklama: Çünkü\n    böyle.\n\nPuan: 0/1\n");
    ck_assert_int_eq(r.nquiz, 1);
    ck_assert_str_eq(r.quiz[0].q, "Uzun bir\nsoru?");
    ck_assert_int_eq(r.quiz[0].nch, 2);
    ck_assert_str_eq(r.quiz[0].choices[1], "b) iki ve üç");
    ck_assert_str_eq(r.quiz[0].answer, "b) iki ve üç");
    ck_assert_str_eq(r.quiz[0].explain, "Çünkü böyle.");
    wv_free_run(&r);
}
END_TEST

/* Kod parçası üst düzey tanımlara bölünür; main() ve sınav kodu gizli sayılır. Dizge ve
 * karakter sabitindeki süslü parantezler derinliği şaşırtmaz. */
START_TEST(test_chunks_hide_quiz_and_main) {
    const char *src = "#include <stdio.h>\n"                       /* 1 */
                      "static int f(int x)\n"                      /* 2 */
                      "{\n"                                        /* 3 */
                      "    return x == '{' ? 1 : 0; /* } */\n"     /* 4 */
                      "}\n"                                        /* 5 */
                      "\n"                                         /* 6 */
                      "/* tablo */\n"                              /* 7 */
                      "static const QuizQuestion qs[] = {\n"       /* 8 */
                      "    {.q = \"} soru\", .correct = 1},\n"     /* 9 */
                      "};\n"                                       /* 10 */
                      "static int run_quiz(void) { return 0; }\n"  /* 11 */
                      "int main(void) {\n"                         /* 12 */
                      "    return f(1);\n"                         /* 13 */
                      "}\n";                                       /* 14 */
    Chunk *c;
    int n = wv_chunks(src, 1, 14, &c);
    ck_assert_int_eq(n, 5);
    ck_assert_int_eq(c[0].line0, 1);
    ck_assert_int_eq(c[0].line1, 1);
    ck_assert_int_eq(c[0].hidden, 0);
    ck_assert_str_eq(c[1].name, "f");
    ck_assert_int_eq(c[1].line0, 2);
    ck_assert_int_eq(c[1].line1, 5);
    ck_assert_int_eq(c[1].hidden, 0);
    ck_assert_str_eq(c[2].name, "qs");
    ck_assert_int_eq(c[2].line0, 7); /* üstündeki yorum tanımla gider */
    ck_assert_int_eq(c[2].line1, 10);
    ck_assert_int_eq(c[2].hidden, 1);
    ck_assert_str_eq(c[3].name, "run_quiz");
    ck_assert_int_eq(c[3].hidden, 1);
    ck_assert_str_eq(c[4].name, "main");
    ck_assert_int_eq(c[4].line0, 12);
    ck_assert_int_eq(c[4].line1, 14);
    ck_assert_int_eq(c[4].hidden, 1);
    free(c);
    int a, b;
    ck_assert_int_eq(wv_find_func(src, "f", &a, &b), 0);
    ck_assert_int_eq(a, 2);
    ck_assert_int_eq(b, 5);
    ck_assert_int_eq(wv_find_func(src, "qs", &a, &b), -1); /* tablo, fonksiyon değil */
    ck_assert_int_eq(wv_find_func(src, "yok", &a, &b), -1);
}
END_TEST

/* Örnek depodan üretilen kitap, beklenen/ altındaki dosyalarla bayt bayt aynı olmalı. */
START_TEST(test_fixture_book) {
    Book b;
    Str v = {0};
    int nv = 0;
    ck_assert_msg(wv_build_book(FIX, &b, &v, &nv) == 0, "kitap üretilemedi: %s", wv_err);
    ck_assert_int_eq(b.n, 4);
    for (int i = 0; i < b.n; i++) {
        char p[512];
        snprintf(p, sizeof p, FIX "/beklenen/%s", b.names[i]);
        char *want = wv_read_file(p, NULL);
        ck_assert_msg(want != NULL, "%s okunamadı", p);
        ck_assert_msg(!strcmp(want, b.texts[i]), "%s beklenenden farklı", b.names[i]);
        free(want);
    }
    /* ikinci üretim de aynı (belirlenimcilik) */
    Book b2;
    ck_assert(wv_build_book(FIX, &b2, NULL, NULL) == 0);
    for (int i = 0; i < b.n; i++) ck_assert_str_eq(b.texts[i], b2.texts[i]);
    wv_free_book(&b);
    wv_free_book(&b2);
    free(v.s);
}
END_TEST

/* Örnek derste bilinen üç ihlal: eşleştirmesiz ilk kullanım (satır 53 ve 2) ve sözlükte
 * olmayan "(light)" eşleştirmesi (satır 19). kayıp ve yığın doğru eşleştirilmiş. */
START_TEST(test_glossary_rules_fixture) {
    Book b;
    Str v = {0};
    int nv = -1;
    ck_assert(wv_build_book(FIX, &b, &v, &nv) == 0);
    ck_assert_msg(nv == 3, "ihlal sayısı %d, beklenen 3:\n%s", nv, v.s ? v.s : "");
    ck_assert(strstr(v.s, "satır 53): 'öğrenme oranı' teriminin ilk kullanımında '(learning rate)'"));
    ck_assert(strstr(v.s, "satır 2): 'çığ' teriminin"));
    ck_assert(strstr(v.s, "satır 19): '(light)' eşleştirmesi sözlükte yok"));
    ck_assert(strstr(v.s, "'kayıp'") == NULL);
    ck_assert(strstr(v.s, "'yığın'") == NULL);
    wv_free_book(&b);
    free(v.s);

    /* Eklerle ve İngilizce çoğulla eşleşme; "ağ" terimi "ağırlık"a uymaz */
    Glossary g = {0};
    const char *tsv = "/tmp/test_textbook_sozluk.tsv";
    FILE *f = fopen(tsv, "w");
    ck_assert(f != NULL);
    fputs("kayıp\tloss\tt\t1\tkayb\nağ\tnetwork\tt\t1\nanahtar\tkey\tt\t0\n", f);
    fclose(f);
    ck_assert(wv_load_glossary(&g, tsv, NULL) == 0);
    Str o = {0};
    int bad = wv_check_lesson_glossary(&g, "x", "x.c",
                                       "/* Kaybı (loss) ve ağırlık; ANAHTARLARA (keys) */\n", &o, NULL);
    ck_assert_msg(bad == 0, "%s", o.s ? o.s : "");
    /* en çok iki sözcük sonra gelen parantez sayılır, üç sözcük sonra gelen sayılmaz */
    bad = wv_check_lesson_glossary(&g, "x", "x.c", "/* Ağları derin eğitiriz (network). */\n", &o, NULL);
    ck_assert_int_eq(bad, 0);
    bad = wv_check_lesson_glossary(&g, "x", "x.c", "/* Ağları çok derin kurarız (network). */\n", &o,
                                   NULL);
    ck_assert_int_eq(bad, 1);
    free(o.s);
    o = (Str){0};
    bad = wv_check_lesson_glossary(&g, "x", "x.c", "const char *s = \"ağ (network)\";\n", &o, NULL);
    ck_assert_int_eq(bad, 0); /* dizgeler de okurun gördüğü metindir */
    free(o.s);
    wv_free_glossary(&g);
    remove(tsv);
}
END_TEST

START_TEST(test_glossary_bad_file) {
    const char *tsv = "/tmp/test_textbook_bozuk.tsv";
    FILE *f = fopen(tsv, "w");
    ck_assert(f != NULL);
    fputs("# açıklama\nkayıp\tloss\ttanım\t1\nyığın\tbatch\ttanım\tevet\n", f);
    fclose(f);
    Glossary g;
    ck_assert_int_eq(wv_load_glossary(&g, tsv, NULL), -1);
    ck_assert_msg(strstr(wv_err, tsv) && strstr(wv_err, "satır 3") && strstr(wv_err, "0 ya da 1"),
                  "hata iletisi: %s", wv_err);
    wv_free_glossary(&g);
    f = fopen(tsv, "w");
    fputs("kayıp\tloss\n", f);
    fclose(f);
    ck_assert_int_eq(wv_load_glossary(&g, tsv, NULL), -1);
    ck_assert_msg(strstr(wv_err, "satır 1") && strstr(wv_err, "sütun"), "hata iletisi: %s", wv_err);
    wv_free_glossary(&g);
    remove(tsv);
    ck_assert_int_eq(wv_load_glossary(&g, "/yok/sozluk.tsv", NULL), -1);
    ck_assert(strstr(wv_err, "/yok/sozluk.tsv") != NULL);
}
END_TEST

/* ---- kayıt güncelliği: dersin her dosyası ve kullandığı common/ dosyaları ---- */

#define DEPS_ROOT "tests/out/tb_guncellik"

static void put_file(const char *rel, const char *text) {
    char p[512];
    snprintf(p, sizeof p, DEPS_ROOT "/%s", rel);
    for (char *q = p + strlen(DEPS_ROOT) + 1; *q; q++)
        if (*q == '/') {
            *q = '\0';
            mkdir(p, 0755);
            *q = '/';
        }
    FILE *f = fopen(p, "w");
    ck_assert_msg(f != NULL, "'%s' yazılamadı", p);
    fputs(text, f);
    fclose(f);
}

static unsigned long ck_of(const char *text) {
    return wv_cksum((const unsigned char *)text, strlen(text));
}

/* Kitabı DEPS_ROOT'tan dokur, 96-d.md bölümünü döndürür (çağıran free eder). */
static char *deps_chapter(void) {
    Book b;
    ck_assert_msg(wv_build_book(DEPS_ROOT, &b, NULL, NULL) == 0, "kitap üretilemedi: %s", wv_err);
    char *ch = NULL;
    for (int i = 0; i < b.n; i++)
        if (!strcmp(b.names[i], "96-d.md")) ch = strdup(b.texts[i]);
    wv_free_book(&b);
    ck_assert(ch != NULL);
    return ch;
}

static const char *LES = "/* lesson96_d — deneme */\nint main(void) { return k(); }\n";
static const char *COM = "int k(void) { return 0; }\n";

static void write_record(const char *extra_lines) {
    char kv[2048];
    snprintf(kv, sizeof kv,
             "ders: lesson96\nkomut: ./lesson96\nkaynak: lessons/lesson96_d.c\n"
             "kaynak_cksum: %lu\n%s",
             ck_of(LES), extra_lines);
    put_file("textbook/runs/lesson96/kayit.txt", kv);
}

START_TEST(test_run_deps_fresh_and_stale) {
    mkdir("tests/out", 0755);
    mkdir(DEPS_ROOT, 0755);
    put_file("lessons/lesson96_d.c", LES);
    put_file("common/nn/k.c", COM);
    put_file("textbook/runs/lesson96/output.txt", "merhaba\n");
    char deps[512];
    snprintf(deps, sizeof deps,
             "dosya_cksum: %lu lessons/lesson96_d.c\ndosya_cksum: %lu common/nn/k.c\n",
             ck_of(LES), ck_of(COM));
    write_record(deps);
    char *ch = deps_chapter();
    ck_assert_msg(!strstr(ch, "Uyarı:"), "güncel kayıtta uyarı olmamalı:\n%s", ch);
    free(ch);
    /* ilk dosya aynı, kullandığı common/ dosyası değişti: eski denetim bunu görmezdi */
    put_file("common/nn/k.c", "int k(void) { return 1; }\n");
    ch = deps_chapter();
    ck_assert_msg(strstr(ch, "şu kaynak dosyalar değişti: `common/nn/k.c`; "),
                  "değişen common/ dosyası adıyla anılmalı:\n%s", ch);
    free(ch);
    /* derse kayıttan sonra yeni bir dosya eklendi; common/ dosyası silindi */
    put_file("lessons/lesson96_ek.c", "int ek;\n");
    char p[256];
    snprintf(p, sizeof p, DEPS_ROOT "/common/nn/k.c");
    remove(p);
    ch = deps_chapter();
    ck_assert_msg(strstr(ch, "`lessons/lesson96_ek.c` (kayıttan sonra eklendi)") &&
                      strstr(ch, "`common/nn/k.c` (artık yok)"),
                  "eklenen ve silinen dosyalar anılmalı:\n%s", ch);
    free(ch);
    snprintf(p, sizeof p, DEPS_ROOT "/lessons/lesson96_ek.c");
    remove(p);
    /* eski biçim (yalnızca kaynak_cksum): ilk dosyaya bakılır, eski uyarı metni */
    write_record("");
    ch = deps_chapter();
    ck_assert_msg(!strstr(ch, "Uyarı:"), "eski biçimli güncel kayıtta uyarı olmamalı:\n%s", ch);
    free(ch);
    put_file("lessons/lesson96_d.c", "/* lesson96_d — deneme, değişti */\nint main(void) { return 0; }\n");
    ch = deps_chapter();
    ck_assert(strstr(ch, "ders kaynağı bu koşudan sonra değişti") != NULL);
    free(ch);
    put_file("lessons/lesson96_d.c", LES);
}
END_TEST

START_TEST(test_run_deps_bad_lines) {
    mkdir("tests/out", 0755);
    mkdir(DEPS_ROOT, 0755);
    put_file("lessons/lesson96_d.c", LES);
    put_file("textbook/runs/lesson96/output.txt", "merhaba\n");
    const char *bad[] = {"dosya_cksum: abc lessons/lesson96_d.c\n",
                         "dosya_cksum: 12\n",
                         "dosya_cksum: 12 /etc/passwd\n",
                         "dosya_cksum: 12 common/../../gizli\n",
                         "dosya_cksum: 12 ..\n",
                         "dosya_cksum: 99999999999 lessons/lesson96_d.c\n",
                         "dosya_cksum: 12 iki kelime\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_record(bad[i]);
        Book b;
        ck_assert_msg(wv_build_book(DEPS_ROOT, &b, NULL, NULL) == -1, "kabul edildi: %s", bad[i]);
        ck_assert_msg(strstr(wv_err, "kayit.txt") && strstr(wv_err, "5. satır"),
                      "hata iletisi dosyayı ve satırı söylemeli: %s", wv_err);
        wv_free_book(&b);
    }
    /* ".." içeren ama bileşen olmayan ad geçerlidir */
    write_record("dosya_cksum: 12 lessons/a..b.c\n");
    Book b;
    ck_assert_msg(wv_build_book(DEPS_ROOT, &b, NULL, NULL) == 0, "%s", wv_err);
    wv_free_book(&b);
}
END_TEST

/* textbook/ işlenmiş bölümleri, depodaki derslerden ve kayıtlı koşulardan yeniden
 * dokunanla aynı mı? Değilse hangi dosyanın hangi satırda ayrıldığını söyler. */
/* Depodaki dersler: bölümler üretilir ve okurun gördüğü biçim kurallarına uyar —
 *   şekil numaraları bölüm içinde tek (Şekil NN.k bir kez);
 *   sınav kodu (QuizQuestion, .correct =, run_quiz) sınavdan ÖNCE görünmez (main() ise
 *   adımları kendi gövdesinde yürüten derslerde akışın parçasıdır, gizlenmez);
 *   "bkz. common/..." alıntılarının hepsi bulunur. */
/* Kaynaktaki "Şekil ad: ..." yorumları: adlar, kalıplar, çok satırlı metin; adsız "Şekil:" ve
 * başka yorumlar açıklama sayılmaz. */
START_TEST(test_fig_captions) {
    Lesson L;
    memset(&L, 0, sizeof L);
    L.nfiles = 1;
    L.srcs = wv_alloc(sizeof *L.srcs);
    L.srcs[0] = strdup("/* Şekil: adsız, açıklama değil */\n"
                       "static void f(void) {\n"
                       "    /* Şekil kayip_egrisi: İki eğriyi\n"
                       "     * karşılaştırın. */\n"
                       "    plot_begin(&p, \"x\", \"kayip_egrisi\");\n"
                       "    // Şekil bas*_dikkat, tek_bas?: Başlara bakın.\n"
                       "    /* Şekil bozuk ad: olmaz */\n"
                       "    /* Şekil bos: */\n"
                       "    const char *s = \"/ * Şekil dizge: yorum değil * /\";\n"
                       "}\n");
    wv_fig_captions(&L);
    ck_assert_int_eq(L.ncap, 2);
    ck_assert_str_eq(wv_fig_caption(&L, "kayip_egrisi.png"), "İki eğriyi karşılaştırın.");
    ck_assert_str_eq(wv_fig_caption(&L, "bas0_dikkat.png"), "Başlara bakın.");
    ck_assert_str_eq(wv_fig_caption(&L, "tek_bas1.png"), "Başlara bakın.");
    ck_assert_ptr_null(wv_fig_caption(&L, "tek_bas12.png"));
    ck_assert_ptr_null(wv_fig_caption(&L, "kayip.png"));
    ck_assert_ptr_null(wv_fig_caption(&L, "bos.png"));
    ck_assert_ptr_null(wv_fig_caption(&L, "dizge.png"));
    free(L.srcs[0]);
    free(L.srcs);
    free_list(L.cap_pat, L.ncap);
    free_list(L.cap_text, L.ncap);
}
END_TEST

START_TEST(test_repo_chapters_shape) {
    Book b;
    ck_assert_msg(wv_build_book(".", &b, NULL, NULL) == 0, "kitap üretilemedi: %s", wv_err);
    int chapters = 0;
    for (int i = 0; i < b.n; i++) {
        const char *t = b.texts[i];
        if (!strncmp(b.names[i], "00-icindekiler", 14) || !strncmp(b.names[i], "99-", 3)) continue;
        chapters++;
        /* sınav kodu ancak sınavdan (kaydı olmayan derste: katlı iskelet bölümünden) sonra */
        const char *quiz = strstr(t, "\n## Sınav\n");
        const char *skel = strstr(t, "\n## Programın iskeleti");
        const char *end = quiz ? quiz : skel ? skel : t + strlen(t);
        const char *bad[] = {"QuizQuestion", ".correct =", "run_quiz(const"};
        for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
            const char *h = strstr(t, bad[k]);
            ck_assert_msg(!h || h > end, "%s: '%s' sınavdan önce görünüyor (cevaplar açıkta)",
                          b.names[i], bad[k]);
        }
        ck_assert_msg(!strstr(t, "Alıntı bulunamadı"), "%s: bir 'bkz. common/' alıntısı bulunamadı",
                      b.names[i]);
        /* şekil numaraları */
        char seen[256][16];
        int ns = 0;
        for (const char *p = t; (p = strstr(p, "![Şekil ")) != NULL; p++) {
            const char *q = p + strlen("![Şekil ");
            size_t l = strspn(q, "0123456789.");
            ck_assert_msg(l > 0 && l < 16, "%s: numarasız şekil", b.names[i]);
            char id[16];
            snprintf(id, sizeof id, "%.*s", (int)l, q);
            for (int k = 0; k < ns; k++)
                ck_assert_msg(strcmp(seen[k], id), "%s: Şekil %s iki kez", b.names[i], id);
            if (ns < 256) snprintf(seen[ns++], 16, "%s", id);
            /* her şeklin altında "ne görmeli" cümlesi: "*Şekil NN.k — ... (`ad.png`).* Cümle" */
            const char *cap = strstr(p, ")\n\n*Şekil ");
            const char *eol = cap ? strchr(cap + 3, '\n') : NULL;
            const char *dot = cap ? strstr(cap + 3, "`).* ") : NULL;
            ck_assert_msg(cap && eol && dot && dot < eol && dot + 5 < eol,
                          "%s: Şekil %s'in açıklaması yok (derste yanına '/ * Şekil ad: ... * /' "
                          "yorumu yazın)", b.names[i], id);
        }
    }
    ck_assert_int_gt(chapters, 0);
    wv_free_book(&b);
}
END_TEST

START_TEST(test_sync) {
    Book b;
    ck_assert_msg(wv_build_book(".", &b, NULL, NULL) == 0, "kitap üretilemedi: %s", wv_err);
    Str msg = {0};
    for (int i = 0; i < b.n; i++) {
        char p[512];
        snprintf(p, sizeof p, "textbook/%s", b.names[i]);
        char *have = wv_read_file(p, NULL);
        if (!have) {
            str_addf(&msg, "  %s yok\n", p);
            continue;
        }
        if (strcmp(have, b.texts[i])) {
            int line = 1;
            const char *x = have, *y = b.texts[i];
            while (*x && *x == *y) line += *x++ == '\n', y++;
            str_addf(&msg, "  %s güncel değil (ilk fark satır %d)\n", p, line);
        }
        free(have);
    }
    char **f;
    int nf = wv_list_dir("textbook", "", ".md", &f);
    for (int i = 0; i < nf; i++) {
        if (!wv_is_generated_name(f[i])) continue;
        int ok = 0;
        for (int k = 0; k < b.n; k++) ok |= !strcmp(f[i], b.names[k]);
        if (!ok) str_addf(&msg, "  textbook/%s artık hiçbir derse ait değil\n", f[i]);
    }
    free_list(f, nf);
    ck_assert_msg(msg.n == 0,
                  "ders kitabı derslerle eşit değil — 'make textbook' çalıştırıp textbook/ altını "
                  "commit edin:\n%s", msg.s ? msg.s : "");
    free(msg.s);
    wv_free_book(&b);
}
END_TEST

/* Depodaki dersler sözlük kurallarına uyuyor mu? (kurallar: textbook/README.md) */
START_TEST(test_repo_glossary) {
    Book b;
    Str v = {0};
    int nv = 0;
    ck_assert_msg(wv_build_book(".", &b, &v, &nv) == 0, "kitap üretilemedi: %s", wv_err);
    if (nv) fprintf(stderr, "Sözlük kuralı ihlalleri (%d):\n%s", nv, v.s);
    int first = v.s ? (int)strcspn(v.s, "\n") : 0;
    ck_assert_msg(nv == 0,
                  "%d sözlük kuralı ihlali (tam liste yukarıda ve `make textbook-sozluk` ile); ilki: %.*s",
                  nv, first, v.s ? v.s : "");
    free(v.s);
    wv_free_book(&b);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("textbook");
    TCase *a = tcase_create("dokuyucu");
    tcase_add_test(a, test_lex_strings_and_comments);
    tcase_add_test(a, test_segment_ranges);
    tcase_add_test(a, test_no_comments);
    tcase_add_test(a, test_utf8_prose);
    tcase_add_test(a, test_prose_display_math);
    tcase_add_test(a, test_cksum);
    tcase_add_test(a, test_output_and_quiz_parse);
    tcase_add_test(a, test_chunks_hide_quiz_and_main);
    tcase_add_test(a, test_fixture_book);
    tcase_add_test(a, test_run_deps_fresh_and_stale);
    tcase_add_test(a, test_run_deps_bad_lines);
    tcase_add_test(a, test_fig_captions);
    suite_add_tcase(s, a);
    TCase *g = tcase_create("sozluk");
    tcase_add_test(g, test_glossary_rules_fixture);
    tcase_add_test(g, test_glossary_bad_file);
    suite_add_tcase(s, g);
    TCase *y = tcase_create("esitleme");
    tcase_set_timeout(y, 120); /* bütün kitap dokunur; yüklü makinede birkaç saniye */
    tcase_add_test(y, test_repo_chapters_shape);
    tcase_add_test(y, test_sync);
    tcase_add_test(y, test_repo_glossary);
    suite_add_tcase(s, y);
    return s;
}

TEST_MAIN(suite)
