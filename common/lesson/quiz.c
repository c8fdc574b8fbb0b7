/* quiz.c — sınav çalıştırıcısı (bkz. quiz.h). */
#include "lesson/quiz.h"
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "core/util.h"
#include "lesson/term.h"

static int nchoices(const QuizQuestion *q) {
    int k = 0;
    while (k < QUIZ_MAX_CHOICES && q->choices[k]) k++;
    return k;
}

static void trim(char *s) {
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = '\0';
    size_t i = 0;
    while (s[i] && isspace((unsigned char)s[i])) i++;
    if (i) memmove(s, s + i, strlen(s + i) + 1);
}

int quiz_check_answer(const QuizQuestion *q, const char *text, char *msg, int msglen) {
    char buf[128];
    snprintf(buf, sizeof buf, "%s", text);
    trim(buf);
    int k = nchoices(q);
    if (k > 0) {
        size_t n = strlen(buf);
        if (n >= 1 && n <= 2 && (n == 1 || buf[1] == ')' || buf[1] == '.')) {
            int c = tolower((unsigned char)buf[0]) - 'a';
            if (c >= 0 && c < k) return c == q->correct;
        }
        snprintf(msg, msglen, "'%s' geçerli bir şık değil (a–%c bekleniyordu)", buf, 'a' + k - 1);
        return -1;
    }
    /* Sayısal: Türkçe ondalık virgülünü de kabul et ("0,25") */
    for (char *p = buf; *p; p++)
        if (*p == ',') *p = '.';
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (buf[0] == '\0' || *end != '\0' || errno || !isfinite(v)) {
        snprintf(msg, msglen, buf[0] ? "'%s' bir sayı değil" : "%sboş cevap; bir sayı yazın", buf);
        return -1;
    }
    return fabs(v - q->answer) <= q->tol;
}

/* Sınav metni terminale sığsın diye QUIZ_WIDTH sütunda sözcük sınırından bölünür (ders
 * kitabının ayrıştırıcısı, textbook/weave/run.c, devam satırlarını girintilerinden tanır:
 * soru 0, şık 6, doğru cevap ve açıklama 4 boşluk). */
#define QUIZ_WIDTH 79

static void print_correct(const QuizQuestion *q) {
    char pre[64];
    if (nchoices(q) > 0) {
        snprintf(pre, sizeof pre, "  Doğru cevap: %c) ", 'a' + q->correct);
        term_wrap(stdout, pre, q->choices[q->correct], 4, QUIZ_WIDTH);
    } else
        printf("  Doğru cevap: %.6g\n", q->answer);
    if (q->explain) term_wrap(stdout, "  Açıklama: ", q->explain, 4, QUIZ_WIDTH);
}

static int grade_file(const char *lesson, const QuizQuestion *qs, int n, const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "hata: cevap dosyası '%s' açılamadı: %s\n", path, tr_strerror(errno));
        return 2;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "hata: cevap dosyası '%s' sıradan bir dosya değil%s\n", path,
                S_ISDIR(st.st_mode) ? " (bir klasör)" : "");
        fclose(f);
        return 2;
    }
    char line[512];
    int lineno = 0, k = 0, right = 0;
    int *ok = calloc((size_t)n, sizeof *ok);
    if (!ok) { fclose(f); return 2; }
    while (fgets(line, sizeof line, f)) {
        lineno++;
        /* Windows'un Not Defteri UTF-8 dosyanın başına görünmez bir işaret (BOM, EF BB BF)
         * koyar: cevap değildir, atlanır. */
        if (lineno == 1 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
            memmove(line, line + 3, strlen(line + 3) + 1);
        if (!strchr(line, '\n') && !feof(f)) {
            fprintf(stderr, "hata: cevap dosyası '%s', satır %d çok uzun\n", path, lineno);
            fclose(f); free(ok);
            return 2;
        }
        trim(line);
        if (line[0] == '\0' || line[0] == '#') continue;
        if (k >= n) {
            fprintf(stderr, "hata: cevap dosyası '%s': %d soru var ama daha fazla cevap bulundu (satır %d)\n",
                    path, n, lineno);
            fclose(f); free(ok);
            return 2;
        }
        char msg[256];
        int r = quiz_check_answer(&qs[k], line, msg, sizeof msg);
        if (r < 0) {
            fprintf(stderr, "hata: cevap dosyası '%s', satır %d (soru %d): %s\n", path, lineno, k + 1, msg);
            fclose(f); free(ok);
            return 2;
        }
        ok[k] = r;
        right += r;
        k++;
    }
    fclose(f);
    if (k < n) {
        fprintf(stderr, "hata: cevap dosyası '%s': %d soru var ama %d cevap bulundu\n", path, n, k);
        free(ok);
        return 2;
    }
    printf("%s sınavı — cevap dosyası: %s\n", lesson, path);
    for (int i = 0; i < n; i++) {
        printf("Soru %d: %s\n", i + 1, ok[i] ? "doğru" : "YANLIŞ");
        if (!ok[i]) print_correct(&qs[i]);
    }
    printf("Puan: %d/%d\n", right, n);
    printf("SONUÇ: quiz_dogru=%d quiz_toplam=%d\n", right, n);
    free(ok);
    return right == n ? 0 : 1;
}

int quiz_run(const char *lesson, const QuizQuestion *qs, int n, const char *answers_path) {
    if (answers_path) return grade_file(lesson, qs, n, answers_path);
    printf("=== %s sınavı: %d soru ===\n", lesson, n);
    printf("Çoktan seçmeli sorularda harfi (a, b, ...), sayısal sorularda sayıyı yazın\n"
           "(ondalık için nokta ya da virgül kullanabilirsiniz).\n\n");
    int right = 0;
    for (int i = 0; i < n; i++) {
        const QuizQuestion *q = &qs[i];
        char pre[64];
        snprintf(pre, sizeof pre, "Soru %d/%d: ", i + 1, n);
        term_wrap(stdout, pre, q->q, 0, QUIZ_WIDTH);
        for (int c = 0; c < nchoices(q); c++) {
            snprintf(pre, sizeof pre, "   %c) ", 'a' + c);
            term_wrap(stdout, pre, q->choices[c], 6, QUIZ_WIDTH);
        }
        char line[256], msg[256];
        int r = -1;
        for (int tries = 0; tries < 5 && r < 0; tries++) {
            printf("Cevabınız: ");
            fflush(stdout);
            if (!fgets(line, sizeof line, stdin)) {
                printf("\nGirdi bitti; sınav yarıda kaldı. Puan: %d/%d\n", right, n);
                return 2;
            }
            r = quiz_check_answer(q, line, msg, sizeof msg);
            if (r < 0) {
                char again[300];
                snprintf(again, sizeof again, "%s, tekrar deneyin.", msg);
                term_wrap(stdout, "  ", again, 4, QUIZ_WIDTH);
            }
        }
        if (r < 0) r = 0;
        printf("  %s\n", r ? "Doğru!" : "Yanlış.");
        print_correct(q);
        printf("\n");
        right += r;
    }
    printf("Puan: %d/%d%s\n", right, n, right == n ? " — tebrikler!" : "");
    printf("SONUÇ: quiz_dogru=%d quiz_toplam=%d\n", right, n);
    return right == n ? 0 : 1;
}
