/*
 * progress.h — Keras tarzı eğitim ilerleme çubuğu.
 *
 * Terminalde (stdout bir TTY ise) çubuk yerinde güncellenir:
 *   Epoch 2/10
 *   123/469 [=======>......................] - ETA: 1s - loss: 0.2113 - accuracy: 0.9371
 *   469/469 [==============================] - 2s 4ms/step - loss: 0.1642 - accuracy: 0.9526 - val_loss: 0.1385 - val_accuracy: 0.9592
 * Canlı satır terminalin gerçek genişliğine sığar (TIOCGWINSZ, yoksa $COLUMNS, yoksa 80):
 * dar terminalde çubuk kısalır, alan adları kısalır ("acc"), en sonda çubuk düşer; satır
 * hiçbir zaman alt satıra taşmaz, yani her yenileme aynı satırın üstüne yazar.
 * Çıktı bir dosyaya/boruya gidiyorsa her epoch için tek düz (tam) satır yazılır.
 *
 * KULLANIM
 *   Progress pr;
 *   progress_begin(&pr, epoch, epochs, steps);
 *   for (...) progress_step(&pr, step + 1, running_loss, running_acc);
 *   progress_end(&pr, loss, acc, val_loss, val_acc);   // negatif değerler yazılmaz
 * progress_force_plain(1): TTY olsa bile düz satır kipi (testler için).
 */
#ifndef DOAA_PROGRESS_H
#define DOAA_PROGRESS_H
#include <stddef.h>

typedef struct {
    int epoch, epochs, total, tty;
    double t0, last_draw;
} Progress;

void progress_force_plain(int on);
/* stdout'un terminal genişliği (sütun); terminal değilse $COLUMNS, o da yoksa 80. */
int progress_term_cols(void);
/* Satır biçimleri (testler için açık): level 0 (tam, Keras) .. 4 (en kısa, çubuksuz).
 * Dönüş: satırın uzunluğu (bayt; hepsi ASCII). */
int progress_format_live(char *b, size_t n, int level, int done, int total, double eta, float loss,
                         float acc);
int progress_format_end(char *b, size_t n, int level, int total, double el, float loss, float acc,
                        float val_loss, float val_acc);
void progress_begin(Progress *p, int epoch, int epochs, int total);
void progress_step(Progress *p, int done, float loss, float acc);
/* Epoch sonu; dönüş: epoch'un saniye cinsinden süresi. */
double progress_end(Progress *p, float loss, float acc, float val_loss, float val_acc);
#endif
