/* threads.c — meşgul makinede iş parçacığı sayısını ayarlamak (bkz. threads.h). */
#include "core/threads.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <time.h>
#include <unistd.h>
#ifdef _OPENMP
#include <omp.h>
#endif

static int g_on, g_max = 1, g_cur = 1, g_have_prev;
static double g_next, g_prev_wall, g_prev_own, g_prev_busy;

static double clock_sec(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* /proc/stat'ın ilk satırı: bütün çekirdeklerin toplam zamanları (USER_HZ
 * tıkı). Meşgul = user + nice + system + irq + softirq + steal; idle ve
 * iowait boştur. (guest zamanları user'ın içinde zaten sayılır.) */
static int read_busy(double *busy_sec) {
    FILE *f = fopen("/proc/stat", "r");
    if (!f) return 0;
    unsigned long long v[8] = {0};
    int n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
                   &v[4], &v[5], &v[6], &v[7]);
    fclose(f);
    if (n < 4) return 0;
    long hz = sysconf(_SC_CLK_TCK);
    if (hz <= 0) hz = 100;
    *busy_sec = (double)(v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / (double)hz;
    return 1;
}

/* /proc/stat'taki "procs_running N" satırı; okunamazsa 0. */
static int read_running(void) {
    FILE *f = fopen("/proc/stat", "r");
    if (!f) return 0;
    char line[256];
    int n = 0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "procs_running %d", &n) == 1) break;
    fclose(f);
    return n;
}

/* Bu sürecin o anda çalışmaya hazır ('R' durumundaki) iş parçacıkları: procs_running
 * bunları da sayar (ör. bağlı bir kütüphanenin kendi iş parçacıkları); "başkaları"
 * hesabından çıkarılırlar. */
static int read_own_running(void) {
    DIR *d = opendir("/proc/self/task");
    if (!d) return 1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[64], buf[256];
        snprintf(path, sizeof path, "/proc/self/task/%.20s/stat", e->d_name);
        FILE *f = fopen(path, "r");
        if (!f) continue;
        size_t k = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[k] = '\0';
        const char *q = strrchr(buf, ')');   /* "pid (ad) DURUM ..." — ad boşluk içerebilir */
        if (q && q[1] == ' ' && q[2] == 'R') n++;
    }
    closedir(d);
    return n > 0 ? n : 1;
}

int threads_choose(int ncpu, double others, int max_threads) {
    if (others < 0) others = 0;
    int t = (int)((double)ncpu - others + 0.4);
    if (t > max_threads) t = max_threads;
    if (t < 1) t = 1;
    return t;
}

static void set_threads(int t, double others) {
    if (t == g_cur) return;
    /* DOAA_THREADS_LOG=1: her değişikliği standart hataya yaz (ölçüm ve hata ayıklama için) */
    const char *log = getenv("DOAA_THREADS_LOG");
    if (log && *log == '1')
        fprintf(stderr, "[iş parçacığı: %d -> %d; başka programlar %.2f çekirdek kullanıyor]\n",
                g_cur, t, others);
    g_cur = t;
#ifdef _OPENMP
    omp_set_num_threads(t);
#endif
}

static void sample(double now) {
    double busy;
    g_have_prev = read_busy(&busy);
    g_prev_busy = busy;
    g_prev_wall = now;
    g_prev_own = clock_sec(CLOCK_PROCESS_CPUTIME_ID);
}

void threads_auto_begin(int max_threads) {
    g_max = max_threads < 1 ? 1 : max_threads;
    g_cur = g_max;
    g_on = g_max > 1;
#ifdef _OPENMP
    omp_set_num_threads(g_max);
#endif
    if (!g_on) return;
    /* İlk karar başlamadan: /proc/stat'taki "procs_running" o anda çalışmaya hazır
     * iş parçacığı sayısıdır (bizimkiler de dahil). 1 ms arayla 10 kez bakıp
     * ortalamasından kendi iş parçacıklarımızı çıkarırız: meşgul bir makinede ilk
     * yarım saniyeyi iki iş parçacığıyla boşa harcamayız. Derse ~10 ms ekler. */
    double run = 0;
    int got = 0;
    for (int i = 0; i < 10; i++) {
        int r = read_running();
        if (r > 0) { run += r - read_own_running() + 1; got++; }
        struct timespec nap = {0, 1000000L};
        nanosleep(&nap, NULL);
    }
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    if (ncpu < 1) ncpu = 1;
    double others = got ? run / got - 1.0 : 0.0;
    if (got) set_threads(threads_choose((int)ncpu, others, g_max), others);
    double now = clock_sec(CLOCK_MONOTONIC);
    sample(now);
    g_next = now + 0.5;
}

void threads_auto_end(void) {
    if (!g_on) return;
    g_on = 0;
    set_threads(g_max, 0);
}

void threads_adapt(void) {
    if (!g_on) return;
#ifdef _OPENMP
    if (omp_in_parallel()) return;
#endif
    double now = clock_sec(CLOCK_MONOTONIC);
    if (now < g_next) return;
    g_next = now + 0.5;
    double busy, own = clock_sec(CLOCK_PROCESS_CPUTIME_ID), wall = now - g_prev_wall;
    if (!g_have_prev || !read_busy(&busy) || wall <= 0) {
        sample(now);
        return;
    }
    double others = ((busy - g_prev_busy) - (own - g_prev_own)) / wall;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    if (ncpu < 1) ncpu = 1;
    set_threads(threads_choose((int)ncpu, others, g_max), others);
    g_have_prev = 1;
    g_prev_busy = busy;
    g_prev_own = own;
    g_prev_wall = now;
}

int threads_current(void) { return g_cur; }
