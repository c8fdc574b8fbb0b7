/* progress.c — Keras tarzı ilerleme çubuğu (bkz. progress.h). */
#include "core/progress.h"
#include <stdio.h>
#include <unistd.h>
#include "core/util.h"

static int g_force_plain;

void progress_force_plain(int on) { g_force_plain = on; }

void progress_begin(Progress *p, int epoch, int epochs, int total) {
    p->epoch = epoch;
    p->epochs = epochs;
    p->total = total;
    p->tty = !g_force_plain && isatty(fileno(stdout));
    p->t0 = now_sec();
    p->last_draw = 0.0;
    if (p->tty) printf("Epoch %d/%d\n", epoch, epochs);
}

static void bar(int done, int total) {
    const int W = 30;
    int fill = total > 0 ? (int)((long)done * W / total) : W;
    printf("%*d/%d [", (int)snprintf(NULL, 0, "%d", total), done, total);
    for (int i = 0; i < W; i++) {
        if (i < fill) putchar('=');
        else if (i == fill && done < total) putchar('>');
        else putchar('.');
    }
    putchar(']');
}

static void fmt_time(double s) {
    if (s >= 3600) printf("%d:%02d:%02d", (int)s / 3600, ((int)s / 60) % 60, (int)s % 60);
    else if (s >= 60) printf("%d:%02d", (int)s / 60, (int)s % 60);
    else printf("%.0fs", s);
}

void progress_step(Progress *p, int done, float loss, float acc) {
    if (!p->tty) return;
    double t = now_sec();
    if (done < p->total && t - p->last_draw < 0.1) return;
    p->last_draw = t;
    double el = t - p->t0;
    printf("\r");
    bar(done, p->total);
    printf(" - ETA: ");
    fmt_time(done > 0 ? el / done * (p->total - done) : 0.0);
    printf(" - loss: %.4f", loss);
    if (acc >= 0) printf(" - accuracy: %.4f", acc);
    printf("\033[K");
    fflush(stdout);
}

double progress_end(Progress *p, float loss, float acc, float val_loss, float val_acc) {
    double el = now_sec() - p->t0;
    if (p->tty) printf("\r");
    else printf("Epoch %d/%d - ", p->epoch, p->epochs);
    bar(p->total, p->total);
    printf(" - ");
    fmt_time(el);
    printf(" %.0fms/step - loss: %.4f", p->total ? 1000.0 * el / p->total : 0.0, loss);
    if (acc >= 0) printf(" - accuracy: %.4f", acc);
    if (val_loss >= 0) printf(" - val_loss: %.4f", val_loss);
    if (val_acc >= 0) printf(" - val_accuracy: %.4f", val_acc);
    if (p->tty) printf("\033[K");
    printf("\n");
    fflush(stdout);
    return el;
}
