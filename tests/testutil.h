/*
 * testutil.h — Check testleri için ortak yardımcılar.
 *
 *   TEST_MAIN(suite_fn)        main(): paketi çalıştırır, başarısızlıkta 1 döner.
 *   ck_assert_close(a, b, tol) |a-b| <= tol * max(1, |b|)
 *   run_cmd(cmd, out, cap)     komutu çalıştırır, stdout+stderr'i toplar, çıkış kodunu döner
 *   bin_path("lesson02")       $DOAA_BIN/lesson02 (ASan turunda build/asan/lesson02)
 *   sonuc_get(out, "test_acc") çıktıdaki "SONUÇ:" satırından bir değeri okur (yoksa NAN)
 *   write_text_file(yol, metin)  küçük bir metin dosyası yazar (klasörü yoksa açar)
 *   quiz_grade_file("lesson07", "tests/answers/lesson07.txt", out, cap)
 *                              "./lesson07 --quiz --answers DOSYA" çalıştırır, çıkış kodunu döner
 *   quiz_grade_text("lesson07", "tests/out/l07_yanlis.txt", "0.5\nb\n", out, cap)
 *                              metni dosyaya yazıp aynısını yapar
 *   check_quiz_key("lesson07", out, cap)
 *                              tests/answers/lesson07.txt ile notlandırır: çıkış 0, hepsi doğru, >= 6 soru
 *   expect_run("lesson07", "--epochs 3", 2, "--epochs", NULL, out, cap)
 *                              dersi bu bayraklarla çalıştırır; çıkış kodu want olmalı, çıktıda
 *                              has geçmeli (NULL: bakılmaz), hasnt geçmemeli (NULL: bakılmaz)
 *   check_plot_files("lesson07", adimlar, n)
 *                              her adımın plots/lessonNN/<adım>.gp'si ve boş olmayan .dat'ı var mı
 *   check_plot_pngs("lesson13", adimlar, n)
 *                              gnuplot kuruluysa her adımın PNG'si gerçekten çizilmiş mi (doaa.h'den
 *                              sonra içerilince)
 */
#ifndef DOAA_TESTUTIL_H
#define DOAA_TESTUTIL_H
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define ck_assert_close(a, b, tol)                                                        \
    do {                                                                                  \
        double _a = (a), _b = (b), _t = (tol);                                            \
        double _s = fabs(_b) > 1.0 ? fabs(_b) : 1.0;                                      \
        ck_assert_msg(fabs(_a - _b) <= _t * _s, "%s = %.8g, beklenen %s = %.8g (tol %g)", \
                      #a, _a, #b, _b, _t);                                                \
    } while (0)

#define TEST_MAIN(suite_fn)                                   \
    int main(void) {                                          \
        SRunner *sr = srunner_create(suite_fn());             \
        srunner_run_all(sr, CK_NORMAL);                       \
        int nf = srunner_ntests_failed(sr);                   \
        srunner_free(sr);                                     \
        return nf == 0 ? 0 : 1;                               \
    }

static inline const char *bin_path(const char *name) {
    static char buf[4][512];
    static int k;
    const char *dir = getenv("DOAA_BIN");
    char *b = buf[k++ & 3];
    snprintf(b, sizeof buf[0], "%s/%s", dir && *dir ? dir : ".", name);
    return b;
}

/* Komutu /bin/sh ile çalıştırır; stdout ve stderr 'out'a (en çok cap-1 bayt). */
static inline int run_cmd(const char *cmd, char *out, size_t cap) {
    char full[4096];
    snprintf(full, sizeof full, "%s 2>&1", cmd);
    FILE *p = popen(full, "r");
    if (!p) return -1;
    size_t n = 0;
    if (out && cap) {
        size_t r;
        while (n + 1 < cap && (r = fread(out + n, 1, cap - 1 - n, p)) > 0) n += r;
        out[n] = '\0';
    }
    char sink[4096];
    while (fread(sink, 1, sizeof sink, p) > 0) {
    }
    int st = pclose(p);
    if (st == -1) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

/* Program çıktısının her satırı 80 terminal sütununa sığar mı? (UTF-8: devam baytları
 * sütun sayılmaz.) Testlerin okuduğu "SONUÇ:" satırı ve ilerleme çubuğunun boruya yazdığı
 * "Epoch k/n ..." özet satırları hariç. İlk taşan satırı iletiyle bildirir. */
static inline void check_fits_80(const char *lesson, const char *out) {
    int line = 1;
    for (const char *p = out; *p; line++) {
        const char *e = strchr(p, '\n');
        if (!e) e = p + strlen(p);
        int cols = 0;
        for (const char *c = p; c < e; c++) cols += ((unsigned char)*c & 0xC0) != 0x80;
        int exempt = !strncmp(p, "SONUÇ:", strlen("SONUÇ:")) || !strncmp(p, "Epoch ", 6);
        ck_assert_msg(exempt || cols <= 80, "%s: çıktının %d. satırı %d sütun (> 80): %.*s", lesson,
                      line, cols, (int)(e - p), p);
        p = *e ? e + 1 : e;
    }
}

/* "SONUÇ: a=1 b=2" satırından key'in değeri. */
static inline double sonuc_get(const char *out, const char *key) {
    const char *line = strstr(out, "SONUÇ:");
    if (!line) return NAN;
    const char *last = line;
    while ((line = strstr(last + 1, "SONUÇ:")) != NULL) last = line;
    char pat[128];
    snprintf(pat, sizeof pat, " %s=", key);
    const char *p = strstr(last, pat);
    const char *eol = strchr(last, '\n');
    if (!p || (eol && p > eol)) return NAN;
    return atof(p + strlen(pat));
}

static inline void write_text_file(const char *path, const char *text) {
    mkdir("tests/out", 0755);
    FILE *f = fopen(path, "w");
    ck_assert_msg(f != NULL, "'%s' yazılamadı", path);
    fputs(text, f);
    fclose(f);
}

static inline int quiz_grade_file(const char *lesson, const char *path, char *out, size_t cap) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s --quiz --answers %s", bin_path(lesson), path);
    return run_cmd(cmd, out, cap);
}

static inline int quiz_grade_text(const char *lesson, const char *path, const char *text, char *out,
                                  size_t cap) {
    write_text_file(path, text);
    return quiz_grade_file(lesson, path, out, cap);
}

static inline void check_quiz_key(const char *lesson, char *out, size_t cap) {
    char path[256];
    snprintf(path, sizeof path, "tests/answers/%s.txt", lesson);
    int rc = quiz_grade_file(lesson, path, out, cap);
    ck_assert_msg(rc == 0, "%s doğru cevap dosyası: çıkış %d\n%s", lesson, rc, out);
    ck_assert_int_eq((int)sonuc_get(out, "quiz_dogru"), (int)sonuc_get(out, "quiz_toplam"));
    ck_assert_int_ge((int)sonuc_get(out, "quiz_toplam"), 6);
}

static inline void expect_run(const char *lesson, const char *args, int want, const char *has,
                              const char *hasnt, char *out, size_t cap) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s %s", bin_path(lesson), args);
    int rc = run_cmd(cmd, out, cap);
    ck_assert_msg(rc == want, "%s %s: çıkış %d, beklenen %d\n%s", lesson, args, rc, want, out);
    ck_assert_msg(!has || strstr(out, has), "%s %s: '%s' yok\n%s", lesson, args, has, out);
    ck_assert_msg(!hasnt || !strstr(out, hasnt), "%s %s: '%s' olmamalı\n%s", lesson, args, hasnt, out);
}

static inline void check_plot_files(const char *lesson, const char *const *steps, int n) {
    for (int i = 0; i < n; i++) {
        char p[512];
        struct stat st;
        snprintf(p, sizeof p, "plots/%s/%s.gp", lesson, steps[i]);
        ck_assert_msg(stat(p, &st) == 0, "%s yok", p);
        snprintf(p, sizeof p, "plots/%s/%s.dat", lesson, steps[i]);
        ck_assert_msg(stat(p, &st) == 0 && st.st_size > 0, "%s yok ya da boş", p);
    }
}

#if defined(DOAA_PLOT_H) && defined(DOAA_IMAGE_H)
/* Betikteki bir sözdizimi hatası (ör. başlıkta kaçışsız tırnak: 'KL'si') .gp'yi bırakıp boş
 * bir PNG üretir; check_plot_files bunu görmez. */
static inline void check_plot_pngs(const char *lesson, const char *const *steps, int n) {
    if (!plot_have_gnuplot()) return;
    for (int i = 0; i < n; i++) {
        char p[512], err[256];
        int w, h, ch;
        snprintf(p, sizeof p, "plots/%s/%s.png", lesson, steps[i]);
        ck_assert_msg(image_info(p, &w, &h, &ch, err, sizeof err) == 0, "%s çizilmemiş: %s", p, err);
    }
}
#endif
#endif
