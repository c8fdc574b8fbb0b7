/*
 * test_progress.c — ilerleme çubuğu (common/core/progress.c) terminale sığıyor mu?
 *
 *   bicim  : tam biçim Keras'ınki; her basamak bir öncekinden kısa; 80 sütunda sığan bir
 *            basamak var.
 *   pty    : 80 sütunluk sözde terminalde (openpty + TIOCSWINSZ) bir eğitim döngüsünün
 *            yazdığı her satır parçası ("\r" ve "\n" arası) en çok 79 karakter: yenileme
 *            satırı taşırmaz, eski satır kalmaz. Aynı döngü boruya yazınca epoch başına
 *            tek satır ("Epoch k/n - ...").
 */
#include <fcntl.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "core/progress.h"
#include "testutil.h"

START_TEST(test_formats) {
    char b[256];
    int n0 = progress_format_live(b, sizeof b, 0, 123, 469, 1.0, 0.2113f, 0.9371f);
    ck_assert_str_eq(b, "123/469 [=======>......................] - ETA: 1s - loss: 0.2113 - "
                        "accuracy: 0.9371");
    ck_assert_int_eq(n0, (int)strlen(b));
    int prev = n0;
    for (int l = 1; l < 5; l++) {
        int n = progress_format_live(b, sizeof b, l, 123, 469, 1.0, 0.2113f, 0.9371f);
        ck_assert_int_le(n, prev);
        prev = n;
    }
    ck_assert_int_le(prev, 50);
    int e0 = progress_format_end(b, sizeof b, 0, 469, 2.0, 0.1642f, 0.9526f, 0.1385f, 0.9592f);
    ck_assert_str_eq(b, "469/469 [==============================] - 2s 4ms/step - loss: 0.1642 - "
                        "accuracy: 0.9526 - val_loss: 0.1385 - val_accuracy: 0.9592");
    ck_assert_int_gt(e0, 79); /* tam epoch satırı 80 sütuna sığmaz: kısaltma gerekir */
    int e4 = progress_format_end(b, sizeof b, 4, 469, 2.0, 0.1642f, 0.9526f, 0.1385f, 0.9592f);
    ck_assert_int_le(e4, 79);
}
END_TEST

/* Eğitim döngüsü taklidi: 3 epoch, her birinde birkaç yenileme (aralarında 0,1 sn'den
 * uzun beklenir ki çizilsinler). */
static void fake_training(void) {
    for (int e = 1; e <= 2; e++) {
        Progress p;
        progress_begin(&p, e, 2, 1875);
        for (int s = 1; s <= 1875; s += 600) {
            usleep(120000);
            progress_step(&p, s, 0.123456f, 0.987654f);
        }
        progress_end(&p, 0.1f, 0.97f, 0.11f, 0.968f);
    }
}

/* Çocuk sürecin çıktısını toplar. */
static size_t slurp(int fd, char *buf, size_t cap) {
    size_t n = 0;
    for (;;) {
        ssize_t r = read(fd, buf + n, cap - 1 - n);
        if (r <= 0) break;
        n += (size_t)r;
        if (n + 1 >= cap) break;
    }
    buf[n] = '\0';
    return n;
}

START_TEST(test_pty_80_columns) {
    int master, slave;
    struct winsize ws = {.ws_row = 24, .ws_col = 80};
    ck_assert_int_eq(openpty(&master, &slave, NULL, NULL, &ws), 0);
    fflush(stdout);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(master);
        dup2(slave, STDOUT_FILENO);
        setenv("COLUMNS", "200", 1); /* gerçek genişlik (ioctl) önce gelir */
        fake_training();
        fflush(stdout);
        _exit(0);
    }
    close(slave);
    static char out[65536];
    slurp(master, out, sizeof out);
    close(master);
    int st;
    waitpid(pid, &st, 0);
    ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    /* "\r" ve "\n" ile ayrılan her parça, \033[K silinince, en çok 79 karakter */
    int pieces = 0, bars = 0;
    for (char *p = out; *p;) {
        size_t l = strcspn(p, "\r\n");
        char seg[512];
        size_t k = 0;
        for (size_t i = 0; i < l && k + 1 < sizeof seg; i++) {
            if (p[i] == '\033' && i + 2 < l && p[i + 1] == '[' && p[i + 2] == 'K') { i += 2; continue; }
            seg[k++] = p[i];
        }
        seg[k] = '\0';
        if (k) {
            pieces++;
            ck_assert_msg(k <= 79, "satır %zu karakter (80 sütunda taşar): «%s»", k, seg);
            if (strchr(seg, '[') || strstr(seg, "loss")) bars++;
        }
        p += l;
        while (*p == '\r' || *p == '\n') p++;
    }
    ck_assert_int_ge(bars, 4); /* yenilemeler ve epoch sonları gerçekten çizildi */
    ck_assert_int_ge(pieces, 6);
}
END_TEST

START_TEST(test_pipe_one_line_per_epoch) {
    int fd[2];
    ck_assert_int_eq(pipe(fd), 0);
    fflush(stdout);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(fd[0]);
        dup2(fd[1], STDOUT_FILENO);
        fake_training();
        fflush(stdout);
        _exit(0);
    }
    close(fd[1]);
    static char out[8192];
    slurp(fd[0], out, sizeof out);
    close(fd[0]);
    int st;
    waitpid(pid, &st, 0);
    ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    ck_assert_ptr_null(strchr(out, '\r'));
    ck_assert_ptr_null(strchr(out, '\033'));
    int lines = 0;
    for (char *p = out; (p = strchr(p, '\n')) != NULL; p++) lines++;
    ck_assert_int_eq(lines, 2);
    ck_assert(!strncmp(out, "Epoch 1/2 - 1875/1875 [", 23));
    ck_assert_ptr_nonnull(strstr(out, "val_accuracy: 0.9680\nEpoch 2/2 - "));
}
END_TEST

static Suite *progress_suite(void) {
    Suite *s = suite_create("progress");
    TCase *t = tcase_create("cubuk");
    tcase_add_test(t, test_formats);
    tcase_add_test(t, test_pty_80_columns);
    tcase_add_test(t, test_pipe_one_line_per_epoch);
    suite_add_tcase(s, t);
    return s;
}

TEST_MAIN(progress_suite)
