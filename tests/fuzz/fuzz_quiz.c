/* fuzz_quiz.c — sınav cevap dosyası (quiz_run, --answers DOSYA yolu). Çıktılar
 * -close_fd_mask=3 ile kapatılır. */
#include "fuzz.h"
#include "lesson/quiz.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
    static const QuizQuestion qs[3] = {
        {.q = "s1", .choices = {"x", "y", "z", "t"}, .correct = 2},
        {.q = "s2", .answer = 0.25, .tol = 1e-3},
        {.q = "s3", .answer = -1500.5, .tol = 0.5, .explain = "e"},
    };
    const char *p = fuzz_path("quiz");
    fuzz_write(p, d, n);
    int rc = quiz_run("fuzz", qs, 3, p);
    if (rc < 0 || rc > 2) abort();
    return 0;
}
