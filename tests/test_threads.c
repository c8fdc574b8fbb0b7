/*
 * test_threads.c — meşgul makinede iş parçacığı sayısı (common/core/threads.c).
 *
 *   kural  : threads_choose: boş makinede bütün çekirdekler, bir çekirdeği dolduran başka
 *            bir program varken bir eksik; en az 1, en çok verilen üst sınır.
 *   mesgul : bir çocuk süreç bir çekirdeği dönerek doldururken kendiliğinden kip ~1 s
 *            içinde en çok "bir çekirdek dolu" kuralının verdiği sayıya iner; kip
 *            kapanınca OpenMP'nin sayısı üst sınıra geri döner. (Süre ölçen bir test
 *            değildir: yalnızca kararın yönünü sınar.)
 *   kapali : kip açılmadan threads_adapt hiçbir şeyi değiştirmez.
 */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <omp.h>
#include "core/threads.h"
#include "testutil.h"

START_TEST(test_rule) {
    ck_assert_int_eq(threads_choose(2, 0.0, 2), 2);
    ck_assert_int_eq(threads_choose(2, 0.3, 2), 2);   /* hafif bir tarayıcı: ikisi de */
    ck_assert_int_eq(threads_choose(2, 0.7, 2), 1);
    ck_assert_int_eq(threads_choose(2, 1.0, 2), 1);   /* bir 'yes' çekirdeği dolduruyor */
    ck_assert_int_eq(threads_choose(2, 5.0, 2), 1);   /* en az 1 */
    ck_assert_int_eq(threads_choose(8, 1.0, 8), 7);
    ck_assert_int_eq(threads_choose(8, 1.0, 4), 4);   /* üst sınır */
    ck_assert_int_eq(threads_choose(2, -0.2, 2), 2);  /* ölçüm gürültüsü eksi verebilir */
}
END_TEST

static double mono(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

START_TEST(test_busy_machine) {
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    pid_t hog = fork();
    ck_assert_int_ge(hog, 0);
    if (hog == 0) {   /* çocuk: bir çekirdeği doldurur */
        volatile unsigned long x = 0;
        for (;;) x++;
    }
    threads_auto_begin(2);
    int limit = threads_choose((int)ncpu, 0.8, 2);
    volatile double acc = 0;
    double t0 = mono();
    while (mono() - t0 < 1.3) {   /* biz de çalışırız: ölçüm kendimizi çıkarır */
        for (int i = 0; i < 100000; i++) acc += i * 1e-9;
        threads_adapt();
    }
    int cur = threads_current();
    kill(hog, SIGKILL);
    waitpid(hog, NULL, 0);
    ck_assert_msg(cur <= limit, "meşgul makinede %d iş parçacığı (en çok %d beklenirdi)", cur,
                  limit);
    ck_assert_int_eq(omp_get_max_threads(), cur);
    threads_auto_end();
    ck_assert_int_eq(omp_get_max_threads(), 2);
    ck_assert_int_eq(threads_current(), 2);
}
END_TEST

START_TEST(test_off) {
    omp_set_num_threads(2);
    for (int i = 0; i < 3; i++) threads_adapt();
    ck_assert_int_eq(omp_get_max_threads(), 2);
    threads_auto_begin(1);   /* tek çekirdek üst sınırı: kip açılmaz */
    threads_adapt();
    ck_assert_int_eq(omp_get_max_threads(), 1);
    ck_assert_int_eq(threads_current(), 1);
}
END_TEST

static Suite *threads_suite(void) {
    Suite *s = suite_create("threads");
    TCase *c = tcase_create("threads");
    tcase_set_timeout(c, 30);
    tcase_add_test(c, test_rule);
    tcase_add_test(c, test_busy_machine);
    tcase_add_test(c, test_off);
    suite_add_tcase(s, c);
    return s;
}

TEST_MAIN(threads_suite)
