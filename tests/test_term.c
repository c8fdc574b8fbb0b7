/* test_term.c — terminal yardımcıları: UTF-8 sütun sayımı ve 80 sütuna bölme (term_wrap). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include "lesson/term.h"
#include "testutil.h"

/* term_wrap'in çıktısını bir dizgeye toplar (çağıran free eder). */
static char *wrap_to_str(const char *prefix, const char *text, int indent, int width) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    term_wrap(f, prefix, text, indent, width);
    fclose(f);
    return buf;
}

START_TEST(test_cols) {
    ck_assert_int_eq(term_cols("çıkış"), 5);
    ck_assert_int_eq(term_cols("İğne"), 4);
    ck_assert_int_eq(term_cols_n("ğa", 2), 1);
}
END_TEST

START_TEST(test_wrap) {
    char *s = wrap_to_str("Soru 1/2: ", "çok güzel bir gün", 0, 20);
    /* "Soru 1/2: çok güzel" 19 sütun; "bir" sığmaz (23) */
    ck_assert_str_eq(s, "Soru 1/2: çok güzel\nbir gün\n");
    free(s);
    s = wrap_to_str("   a) ", "şık bir iki üç dört", 6, 16);
    ck_assert_str_eq(s, "   a) şık bir\n      iki üç\n      dört\n");
    free(s);
    /* '\n' yeni satır açar (girintiyle); sığan metin olduğu gibi */
    s = wrap_to_str("  ", "bir\niki", 4, 80);
    ck_assert_str_eq(s, "  bir\n    iki\n");
    free(s);
    /* genişlikten uzun sözcük bölünmez, kendi satırına taşar; sondaki boşluk atılır */
    s = wrap_to_str("", "a çokçokçokuzun b ", 2, 6);
    ck_assert_str_eq(s, "a\n  çokçokçokuzun\n  b\n");
    free(s);
    /* hiçbir satır genişliği aşmaz (Türkçe harfler tek sütun) */
    const char *t = "Öğrenme oranı (learning rate) çok büyükse kayıp ıraksar; çok küçükse "
                    "eğitim yavaşlar ve ağ yerel bir çukurda takılır gibi görünür.";
    s = wrap_to_str("  Açıklama: ", t, 4, 30);
    int lines = 0;
    for (char *p = s, *nl; (nl = strchr(p, '\n')); p = nl + 1, lines++) {
        *nl = 0;
        ck_assert_msg(term_cols(p) <= 30, "satır %d sütun: '%s'", term_cols(p), p);
    }
    ck_assert_int_ge(lines, 4);
    free(s);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("term");
    TCase *tc = tcase_create("sütunlar");
    tcase_add_test(tc, test_cols);
    tcase_add_test(tc, test_wrap);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
