/* util.c — util.h'deki yardımcıların gerçekleştirimi. */
#include "core/util.h"
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void die(const char *fmt, ...) {
    va_list ap;
    fflush(stdout);
    fputs("hata: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

void warnf(const char *fmt, ...) {
    va_list ap;
    fflush(stdout);
    fputs("uyarı: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) die("bellek ayrılamadı (%zu bayt)", n);
    return p;
}

void *xcalloc(size_t count, size_t size) {
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) die("bellek ayrılamadı (%zu x %zu bayt)", count, size);
    return p;
}

void *xrealloc(void *q, size_t n) {
    void *p = realloc(q, n ? n : 1);
    if (!p) die("bellek ayrılamadı (%zu bayt)", n);
    return p;
}

FILE *xfopen(const char *path, const char *mode) {
    FILE *f = fopen(path, mode);
    if (!f) die("'%s' dosyası açılamadı: %s", path, tr_strerror(errno));
    return f;
}

double now_sec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int mkdir_p(const char *path) {
    char buf[1024];
    size_t n = strlen(path);
    if (n == 0 || n >= sizeof buf) return -1;
    memcpy(buf, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (buf[i] == '/' || buf[i] == '\0') {
            char c = buf[i];
            buf[i] = '\0';
            if (mkdir(buf, 0755) != 0 && errno != EEXIST) return -1;
            buf[i] = c;
        }
    }
    return 0;
}

int file_exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

long peak_rss_kb(void) {
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0) return -1;
    return ru.ru_maxrss; /* Linux'ta KiB */
}

FILE *atomic_write_begin(const char *path, char *tmp_path, size_t tmp_len) {
    /* Aynı klasörde benzersiz bir ad: "ad.XXXXXX" (mkstemp doldurur). Kullanıcının
     * var olan bir "ad.tmp" dosyası asla kullanılmaz ya da silinmez. */
    int n = snprintf(tmp_path, tmp_len, "%s.XXXXXX", path);
    if (n < 0 || (size_t)n >= tmp_len) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    int fd = mkstemp(tmp_path);
    if (fd < 0) return NULL;
    (void)fchmod(fd, 0644);
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        int e = errno;
        close(fd);
        remove(tmp_path);
        errno = e;
    }
    return f;
}

int atomic_write_commit(FILE *f, const char *tmp_path, const char *path) {
    int bad = ferror(f);
    if (fflush(f) != 0) bad = 1;
    if (!bad && fsync(fileno(f)) != 0) bad = 1;
    if (fclose(f) != 0) bad = 1;
    if (bad) {
        remove(tmp_path);
        return -1;
    }
    if (rename(tmp_path, path) != 0) {
        remove(tmp_path);
        return -1;
    }
    return 0;
}

void atomic_write_abort(FILE *f, const char *tmp_path) {
    if (f) fclose(f);
    remove(tmp_path);
}

const char *tr_strerror(int e) {
    switch (e) {
    case ENOENT: return "böyle bir dosya ya da klasör yok";
    case EACCES: return "erişim izni yok";
    case EISDIR: return "bu bir klasör, dosya değil";
    case ENOTDIR: return "yolun bir parçası klasör değil";
    case ENOSPC: return "diskte yer kalmadı";
    case EROFS: return "dosya sistemi salt okunur";
    case ENAMETOOLONG: return "dosya adı çok uzun";
    default: return strerror(e);
    }
}

void step_banner(int k, int n, const char *title) {
    printf("\n=== Adım %d/%d: %s ===\n", k, n, title);
    fflush(stdout);
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double median_d(double *v, int n) {
    if (n <= 0) return 0.0;
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return (n % 2) ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

int argmax(const float *v, int n) {
    int best = 0;
    for (int i = 1; i < n; i++)
        if (v[i] > v[best]) best = i;
    return best;
}
