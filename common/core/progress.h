/*
 * progress.h — Keras tarzı eğitim ilerleme çubuğu.
 *
 * Terminalde (stdout bir TTY ise) çubuk yerinde güncellenir:
 *   Epoch 2/10
 *   123/469 [=======>......................] - ETA: 1s - loss: 0.2113 - accuracy: 0.9371
 *   469/469 [==============================] - 2s 4ms/step - loss: 0.1642 - accuracy: 0.9526 - val_loss: 0.1385 - val_accuracy: 0.9592
 * Çıktı bir dosyaya/boruya gidiyorsa her epoch için tek düz satır yazılır.
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

typedef struct {
    int epoch, epochs, total, tty;
    double t0, last_draw;
} Progress;

void progress_force_plain(int on);
void progress_begin(Progress *p, int epoch, int epochs, int total);
void progress_step(Progress *p, int done, float loss, float acc);
/* Epoch sonu; dönüş: epoch'un saniye cinsinden süresi. */
double progress_end(Progress *p, float loss, float acc, float val_loss, float val_acc);
#endif
