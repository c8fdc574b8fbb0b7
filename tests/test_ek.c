/* test_ek.c — sayıdan sonra gelen Türkçe ek okunuşa uyar (lesson/ek.h). */
#include <check.h>
#include "lesson/ek.h"
#include "testutil.h"

START_TEST(test_ekler) {
    ck_assert_str_eq(tr_son_sozcuk("32"), "iki");
    ck_assert_str_eq(tr_son_sozcuk("1 000"), "bin");
    ck_assert_str_eq(tr_son_sozcuk("0"), "sıfır");
    ck_assert_str_eq(tr_son_sozcuk("2000000"), "milyon");
    ck_assert_str_eq(tr_son_sozcuk("84.7"), "yedi");
    ck_assert_str_eq(tr_son_sozcuk("0,25"), "beş");
    ck_assert_str_eq(tr_son_sozcuk("40.0"), "kırk");
    ck_assert_str_eq(tr_ek("32", EK_IYELIK), "si");
    ck_assert_str_eq(tr_ek("63", EK_IYELIK), "ü");
    ck_assert_str_eq(tr_ek("64", EK_IYELIK), "ü");
    ck_assert_str_eq(tr_ek("5", EK_IYELIK), "i");
    ck_assert_str_eq(tr_ek("6", EK_IYELIK), "sı");
    ck_assert_str_eq(tr_ek("9", EK_IYELIK), "u");
    ck_assert_str_eq(tr_ek("10", EK_IYELIK), "u");
    ck_assert_str_eq(tr_ek("40", EK_IYELIK), "ı");
    ck_assert_str_eq(tr_ek("100", EK_IYELIK), "ü");
    ck_assert_str_eq(tr_ek("49.3", EK_IYELIK), "ü");
    ck_assert_str_eq(tr_ek("18.47", EK_BELIRTME), "yi");
    ck_assert_str_eq(tr_ek("0.1", EK_TAMLAYAN), "in");
    ck_assert_str_eq(tr_ek("2", EK_TAMLAYAN), "nin");
    ck_assert_str_eq(tr_ek("90", EK_YONELME), "a");
    ck_assert_str_eq(tr_ek("3", EK_YONELME), "e");
    ck_assert_str_eq(tr_ek("6", EK_YONELME), "ya");
    ck_assert_str_eq(tr_ek("1000000", EK_IYELIK), "u");
    ck_assert_str_eq(tr_ek_int(32, EK_IYELIK), "si");
    ck_assert_str_eq(tr_ek_int(3, EK_IYELIK), "ü");
    ck_assert_str_eq(tr_ek_f(84.7, 1, EK_IYELIK), "si");
    ck_assert_str_eq(tr_ek_f(49.3, 1, EK_IYELIK), "ü");
    ck_assert_str_eq(tr_ek_f(50.0, 1, EK_IYELIK), "si");
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("ek");
    TCase *tc = tcase_create("sayı ekleri");
    tcase_add_test(tc, test_ekler);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
