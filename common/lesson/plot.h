/*
 * plot.h — gnuplot betiği + veri dosyası üretici.
 *
 * Her dersin her resimli adımı plots/lessonNN/ altına iki dosya yazar:
 *   <adım>.dat  — sayılar (boşlukla ayrılmış sütunlar; gnuplot bunu okur)
 *   <adım>.gp   — çizim betiği. Kendi başına çalışır:
 *                   cd plots/lesson02 && gnuplot egitim_egrisi.gp   -> egitim_egrisi.png
 *                 "gnuplot -e 'ascii=1' x.gp" ise terminale metin olarak çizer.
 * gnuplot kuruluysa plot_render() PNG'yi hemen üretir (pngcairo); --ascii ile
 * grafik ayrıca terminale de basılır. gnuplot yoksa yalnızca .dat/.gp yazılır.
 *
 * KULLANIM (genel)
 *   Plot p;
 *   FILE *d = plot_begin(&p, "lesson02", "egitim_egrisi");  // .dat açılır
 *   fprintf(d, "%d %g %g\n", epoch, loss, val_loss);
 *   plot_finish(&p, "set title 'Kayıp'\n"
 *                   "plot 'egitim_egrisi.dat' u 1:2 w lp t 'eğitim', '' u 1:3 w lp t 'doğrulama'\n");
 *   plot_render(&p, ascii);   // PNG (ve istenirse ASCII)
 * Kısayollar: plot_lines (x'e karşı birkaç seri), plot_heatmap (matris).
 * plot_png_path(&p) -> "plots/lesson02/egitim_egrisi.png" (yürüyüş metninde göstermek için).
 */
#ifndef DOAA_PLOT_H
#define DOAA_PLOT_H
#include <stdio.h>

typedef struct {
    char dir[256];     /* plots/lessonNN */
    char step[128];    /* adım adı (dosya adı kökü) */
    char dat[512], gp[512], png[512];
    FILE *f;
} Plot;

FILE *plot_begin(Plot *p, const char *lesson, const char *step);
/* body: gnuplot komutları; terminal/çıktı ayarları otomatik eklenir.
 * width/height 0 ise 800x500. */
void plot_finish_size(Plot *p, const char *body, int width, int height);
void plot_finish(Plot *p, const char *body);
/* gnuplot varsa PNG üretir; ascii ise terminale metin çizer. 0: PNG üretildi. */
int plot_render(Plot *p, int ascii);
const char *plot_png_path(const Plot *p);
int plot_have_gnuplot(void);
/* 2-B noktaları (x (n, 2), satır satır "x y") bir veri bloğu olarak yazar; blok "\n\n" ile
 * biter, gnuplot'ta sırayla `index 0`, `index 1`, ... diye seçilir. */
void plot_write_xy(FILE *f, const float *x, int n);

/* x (n) ile ys[s] (n) serilerini çizgi olarak çizer; logy!=0 ise y ekseni logaritmik. */
void plot_lines(const char *lesson, const char *step, const char *title, const char *xlabel,
                const char *ylabel, int n, const float *x, int nseries, const float *const *ys,
                const char *const *names, int logy, int ascii);
/* Çok eğrili, açıklaması (key) grafiğin altında bir çizim: x (n) ile ys[s] (n); y ekseni
 * [ymin, ymax]; styles[s] gnuplot çizgi biçimi (ör. PLOT_RED_DASH) ya da NULL. 860x560. */
#define PLOT_RED "lc rgb '#c0392b' dt 1"
#define PLOT_RED_DASH "lc rgb '#c0392b' dt 2"
#define PLOT_GREEN "lc rgb '#1e8449' dt 1"
#define PLOT_GREEN_DASH "lc rgb '#1e8449' dt 2"
#define PLOT_BLUE "lc rgb '#2e6fba' dt 1"
void plot_lines_below(const char *lesson, const char *step, const char *title, const char *xlabel,
                      const char *ylabel, int n, const float *x, int nseries,
                      const float *const *ys, const char *const *names,
                      const char *const *styles, float ymin, float ymax, int ascii);
/* m (rows,cols) matrisini ısı haritası olarak çizer; etiketler NULL olabilir.
 * values!=0 ise hücrelere değerler yazılır. */
void plot_heatmap(const char *lesson, const char *step, const char *title, int rows, int cols,
                  const float *m, const char *const *rowlabels, const char *const *collabels,
                  const char *xlabel, const char *ylabel, int values, int ascii);
#endif
