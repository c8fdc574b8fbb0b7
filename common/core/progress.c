/* progress.c — Keras tarzı ilerleme çubuğu (bkz. progress.h). */
#include "core/progress.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "core/util.h"

static int g_force_plain;

void progress_force_plain(int on) { g_force_plain = on; }

int progress_term_cols(void) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    const char *c = getenv("COLUMNS");
    if (c) {
        long v = strtol(c, NULL, 10);
        if (v >= 20 && v <= 1000) return (int)v;
    }
    return 80;
}

void progress_begin(Progress *p, int epoch, int epochs, int total) {
    p->epoch = epoch;
    p->epochs = epochs;
    p->total = total;
    p->tty = !g_force_plain && isatty(fileno(stdout));
    p->t0 = now_sec();
    p->last_draw = 0.0;
    if (p->tty) printf("Epoch %d/%d\n", epoch, epochs);
}

/* snprintf'i tampona ekler (taşarsa keser). */
static void app(char *b, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void app(char *b, size_t n, const char *fmt, ...) {
    size_t l = strlen(b);
    if (l + 1 >= n) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b + l, n - l, fmt, ap);
    va_end(ap);
}

static void app_bar(char *b, size_t n, int done, int total, int w) {
    app(b, n, "%*d/%d", (int)snprintf(NULL, 0, "%d", total), done, total);
    if (w <= 0) return;
    int fill = total > 0 ? (int)((long)done * w / total) : w;
    app(b, n, " [");
    for (int i = 0; i < w; i++)
        app(b, n, "%c", i < fill ? '=' : (i == fill && done < total) ? '>' : '.');
    app(b, n, "]");
}

static void app_time(char *b, size_t n, double s) {
    if (s >= 3600) app(b, n, "%d:%02d:%02d", (int)s / 3600, ((int)s / 60) % 60, (int)s % 60);
    else if (s >= 60) app(b, n, "%d:%02d", (int)s / 60, (int)s % 60);
    else app(b, n, "%.0fs", s);
}

/* Biçim basamakları: geniş terminalde Keras'ın tam satırı; daraldıkça çubuk kısalır, alan
 * adları kısalır, en sonda çubuk düşer. */
enum { LEVELS = 5 };
static const int BAR_W[LEVELS] = {30, 20, 20, 10, 0};

int progress_format_live(char *b, size_t n, int level, int done, int total, double eta, float loss,
                         float acc) {
    int shortn = level >= 2;
    b[0] = '\0';
    app_bar(b, n, done, total, BAR_W[level]);
    app(b, n, shortn ? " - ETA " : " - ETA: ");
    app_time(b, n, eta);
    app(b, n, shortn ? " - loss %.4f" : " - loss: %.4f", loss);
    if (acc >= 0) app(b, n, shortn ? " - acc %.4f" : " - accuracy: %.4f", acc);
    return (int)strlen(b);
}

int progress_format_end(char *b, size_t n, int level, int total, double el, float loss, float acc,
                        float val_loss, float val_acc) {
    int shortn = level >= 2;
    b[0] = '\0';
    app_bar(b, n, total, total, BAR_W[level]);
    app(b, n, " - ");
    app_time(b, n, el);
    if (level < 3) app(b, n, " %.0fms/step", total ? 1000.0 * el / total : 0.0);
    app(b, n, shortn ? " - loss %.4f" : " - loss: %.4f", loss);
    if (acc >= 0) app(b, n, shortn ? " - acc %.4f" : " - accuracy: %.4f", acc);
    if (val_loss >= 0) app(b, n, shortn ? " - val_loss %.4f" : " - val_loss: %.4f", val_loss);
    if (val_acc >= 0) app(b, n, shortn ? " - val_acc %.4f" : " - val_accuracy: %.4f", val_acc);
    return (int)strlen(b);
}

/* Satırın sığdığı ilk basamak: cols-1 karakter (son sütuna yazmak bazı terminallerde satırı
 * kaydırır). Hiçbiri sığmazsa en kısası. */
static int fit_level(int cols, int (*len_at)(int, void *), void *ctx) {
    for (int l = 0; l < LEVELS; l++)
        if (len_at(l, ctx) <= cols - 1) return l;
    return LEVELS - 1;
}

typedef struct {
    int done, total;
    double t;
    float loss, acc, vl, va;
} Ctx;

static int live_len(int l, void *c) {
    Ctx *x = c;
    char b[256];
    return progress_format_live(b, sizeof b, l, x->done, x->total, x->t, x->loss, x->acc);
}

static int end_len(int l, void *c) {
    Ctx *x = c;
    char b[256];
    return progress_format_end(b, sizeof b, l, x->total, x->t, x->loss, x->acc, x->vl, x->va);
}

void progress_step(Progress *p, int done, float loss, float acc) {
    if (!p->tty) return;
    double t = now_sec();
    if (done < p->total && t - p->last_draw < 0.1) return;
    p->last_draw = t;
    double el = t - p->t0;
    Ctx c = {done, p->total, done > 0 ? el / done * (p->total - done) : 0.0, loss, acc, -1, -1};
    char b[256];
    progress_format_live(b, sizeof b, fit_level(progress_term_cols(), live_len, &c), c.done,
                         c.total, c.t, loss, acc);
    printf("\r%s\033[K", b);
    fflush(stdout);
}

double progress_end(Progress *p, float loss, float acc, float val_loss, float val_acc) {
    double el = now_sec() - p->t0;
    char b[256];
    if (p->tty) {
        Ctx c = {p->total, p->total, el, loss, acc, val_loss, val_acc};
        progress_format_end(b, sizeof b, fit_level(progress_term_cols(), end_len, &c), p->total,
                            el, loss, acc, val_loss, val_acc);
        printf("\r%s\033[K\n", b);
    } else { /* boruya/dosyaya: epoch başına tek, tam satır (biçim değişmez) */
        progress_format_end(b, sizeof b, 0, p->total, el, loss, acc, val_loss, val_acc);
        printf("Epoch %d/%d - %s\n", p->epoch, p->epochs, b);
    }
    fflush(stdout);
    return el;
}
