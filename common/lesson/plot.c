/* plot.c — gnuplot betikleri ve veri dosyaları (bkz. plot.h). */
#include "core/progress.h"
#include "lesson/plot.h"
#include <stdlib.h>
#include <string.h>
#include "core/util.h"

int plot_have_gnuplot(void) {
    static int cached = -1;
    if (cached < 0) cached = system("command -v gnuplot >/dev/null 2>&1") == 0;
    return cached;
}

FILE *plot_begin(Plot *p, const char *lesson, const char *step) {
    memset(p, 0, sizeof *p);
    snprintf(p->dir, sizeof p->dir, "plots/%s", lesson);
    snprintf(p->step, sizeof p->step, "%s", step);
    if (mkdir_p(p->dir) != 0) die("'%s' klasörü oluşturulamadı", p->dir);
    snprintf(p->dat, sizeof p->dat, "%s/%s.dat", p->dir, step);
    snprintf(p->gp, sizeof p->gp, "%s/%s.gp", p->dir, step);
    snprintf(p->png, sizeof p->png, "%s/%s.png", p->dir, step);
    p->f = xfopen(p->dat, "w");
    return p->f;
}

void plot_finish_size(Plot *p, const char *body, int width, int height) {
    if (p->f) {
        if (fclose(p->f) != 0) die("'%s' yazılamadı", p->dat);
        p->f = NULL;
    }
    FILE *g = xfopen(p->gp, "w");
    fprintf(g,
            "# %s — Derin Öğrenme Adım Adım tarafından üretildi.\n"
            "# Çizmek için: cd %s && gnuplot %s.gp   (metin olarak: gnuplot -e 'ascii=1' %s.gp)\n"
            "if (exists(\"ascii\")) {\n"
            "    set terminal dumb size (exists(\"cols\") ? cols : 100),(exists(\"rows\") ? rows : 32) ansi\n"
            "    set output\n"
            "} else {\n"
            "    set terminal pngcairo size %d,%d enhanced font 'DejaVu Sans,11'\n"
            "    set output '%s.png'\n"
            "}\n"
            "set encoding utf8\n"
            "%s",
            p->step, p->dir, p->step, p->step, width ? width : 800, height ? height : 500,
            p->step, body);
    if (fclose(g) != 0) die("'%s' yazılamadı", p->gp);
}

void plot_finish(Plot *p, const char *body) { plot_finish_size(p, body, 0, 0); }

int plot_render(Plot *p, int ascii) {
    if (!plot_have_gnuplot()) return -1;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cd '%s' && gnuplot '%s.gp' 2>/dev/null", p->dir, p->step);
    int rc = system(cmd);
    if (rc != 0) warnf("'%s' çizilemedi (gnuplot hatası)", p->gp);
    if (ascii) {
        fflush(stdout);
        /* terminalin genişliğine sığsın: gnuplot 'dumb' bir sütun fazla yazar */
        int cols = progress_term_cols() - 2, rows = cols * 3 / 10;
        if (cols > 120) cols = 120;
        rows = rows < 16 ? 16 : rows > 32 ? 32 : rows;
        snprintf(cmd, sizeof cmd,
                 "cd '%s' && gnuplot -e 'ascii=1; cols=%d; rows=%d' '%s.gp' 2>/dev/null", p->dir,
                 cols, rows, p->step);
        if (system(cmd) != 0) warnf("'%s' metin olarak çizilemedi", p->gp);
    }
    return rc == 0 ? 0 : -1;
}

const char *plot_png_path(const Plot *p) { return p->png; }

/* Metni gnuplot'un tek tırnaklı dizgisine koyulabilir yapar: ' -> '' ("KL'si" başlığı
 * yoksa betiği bozar). Aynı snprintf'te birkaç kez çağrılabilsin diye dönen tampon halkası. */
static const char *gq(const char *s) {
    static char ring[8][512];
    static int k;
    char *o = ring[k++ & 7];
    size_t j = 0;
    for (; s && *s && j + 2 < sizeof ring[0]; s++) {
        if (*s == '\'') o[j++] = '\'';
        o[j++] = *s;
    }
    o[j] = '\0';
    return o;
}

void plot_lines(const char *lesson, const char *step, const char *title, const char *xlabel,
                const char *ylabel, int n, const float *x, int nseries, const float *const *ys,
                const char *const *names, int logy, int ascii) {
    Plot p;
    FILE *d = plot_begin(&p, lesson, step);
    for (int i = 0; i < n; i++) {
        fprintf(d, "%.8g", (double)x[i]);
        for (int s = 0; s < nseries; s++) fprintf(d, " %.8g", (double)ys[s][i]);
        fputc('\n', d);
    }
    char body[4096];
    int k = snprintf(body, sizeof body,
                     "set title '%s'\nset xlabel '%s'\nset ylabel '%s'\nset grid\nset key below height 1\n%s"
                     "plot ",
                     gq(title), gq(xlabel), gq(ylabel), logy ? "set logscale y\n" : "");
    for (int s = 0; s < nseries && k < (int)sizeof body - 200; s++)
        k += snprintf(body + k, sizeof body - k, "%s'%s.dat' using 1:%d with linespoints lw 2 title '%s'",
                      s ? ", " : "", step, s + 2, gq(names[s]));
    snprintf(body + k, sizeof body - k, "\n");
    plot_finish(&p, body);
    plot_render(&p, ascii);
}

void plot_heatmap(const char *lesson, const char *step, const char *title, int rows, int cols,
                  const float *m, const char *const *rowlabels, const char *const *collabels,
                  const char *xlabel, const char *ylabel, int values, int ascii) {
    Plot p;
    FILE *d = plot_begin(&p, lesson, step);
    /* "matrix" biçimi: her satır bir matris satırı */
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) fprintf(d, "%s%.6g", j ? " " : "", (double)m[i * cols + j]);
        fputc('\n', d);
    }
    size_t cap = 8192 + (size_t)(rows + cols) * 64;
    char *body = xmalloc(cap);
    int k = snprintf(body, cap,
                     "set title '%s'\nset xlabel '%s'\nset ylabel '%s'\n"
                     "set xrange [-0.5:%d.5]\nset yrange [%d.5:-0.5]\n"
                     "set palette defined (0 '#ffffff', 1 '#2b6cb0')\nunset key\n",
                     gq(title), gq(xlabel), gq(ylabel), cols - 1, rows - 1);
    if (collabels) {
        k += snprintf(body + k, cap - k, "set xtics (");
        for (int j = 0; j < cols; j++)
            k += snprintf(body + k, cap - k, "%s'%s' %d", j ? ", " : "", gq(collabels[j]), j);
        k += snprintf(body + k, cap - k, ")\n");
    }
    if (rowlabels) {
        k += snprintf(body + k, cap - k, "set ytics (");
        for (int i = 0; i < rows; i++)
            k += snprintf(body + k, cap - k, "%s'%s' %d", i ? ", " : "", gq(rowlabels[i]), i);
        k += snprintf(body + k, cap - k, ")\n");
    }
    if (values)
        snprintf(body + k, cap - k,
                 "plot '%s.dat' matrix with image, '' matrix using 1:2:(sprintf('%%.2f',$3)) "
                 "with labels font ',9'\n",
                 step);
    else
        snprintf(body + k, cap - k, "plot '%s.dat' matrix with image\n", step);
    plot_finish(&p, body);
    free(body);
    plot_render(&p, ascii);
}

void plot_lines_below(const char *lesson, const char *step, const char *title, const char *xlabel,
                      const char *ylabel, int n, const float *x, int nseries,
                      const float *const *ys, const char *const *names,
                      const char *const *styles, float ymin, float ymax, int ascii) {
    Plot p;
    FILE *d = plot_begin(&p, lesson, step);
    for (int i = 0; i < n; i++) {
        fprintf(d, "%g", (double)x[i]);
        for (int k = 0; k < nseries; k++) fprintf(d, " %.6g", (double)ys[k][i]);
        fputc('\n', d);
    }
    char body[4096];
    int k = snprintf(body, sizeof body,
                     "set title '%s'\nset xlabel '%s'\nset ylabel '%s'\nset grid\n"
                     "set yrange [%g:%g]\nset bmargin 7\nset key outside below maxrows 2\nplot ",
                     gq(title), gq(xlabel), gq(ylabel), (double)ymin, (double)ymax);
    for (int j = 0; j < nseries && k < (int)sizeof body; j++)
        k += snprintf(body + k, sizeof body - k, "%s'%s.dat' using 1:%d with linespoints lw 2 "
                      "%s title '%s'", j ? ", " : "", step, j + 2,
                      styles && styles[j] ? styles[j] : "", gq(names[j]));
    if (k < (int)sizeof body) snprintf(body + k, sizeof body - k, "\n");
    plot_finish_size(&p, body, 860, 560);
    plot_render(&p, ascii);
}

void plot_write_xy(FILE *f, const float *x, int n) {
    for (int i = 0; i < n; i++) fprintf(f, "%.5f %.5f\n", x[2 * i], x[2 * i + 1]);
    fputs("\n\n", f);
}
