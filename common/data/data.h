/*
 * data.h — yığınlama (batching), karıştırma ve yığın başına normalizasyon.
 *
 * Eğitim verisini her epoch'ta karıştırır (shuffle), sonra B'lik yığınlar
 * halinde verir. Görüntüler uint8 olarak saklanır; her yığın float'a çevrilirken
 * normalize edilir:
 *   NORM_RAW    x = piksel                (0..255, normalizasyon yok)
 *   NORM_MINMAX x = piksel / 255          ([0,1] aralığı)
 *   NORM_ZSCORE x = (piksel/255 - μ) / σ  (ortalama 0, standart sapma 1)
 *   NORM_CHANNEL x = (piksel/255 - μ_c) / σ_c  (her kanal c için ayrı μ_c, σ_c:
 *                renkli görüntülerde R, G, B'nin ortalaması ve yayılımı farklıdır)
 *
 * KULLANIM
 *   Batcher bt; batcher_init(&bt, &m.train, NULL, m.train.n, 128);  // NULL: tüm örnekler
 *   batcher_shuffle(&bt, &rng);
 *   int B; while ((B = batcher_next(&bt, x, y, norm)) > 0) { ... }
 * x (B, channels*rows*cols) float, y (B) int; son yığın daha küçük olabilir.
 */
#ifndef DOAA_DATA_H
#define DOAA_DATA_H
#include <stdint.h>
#include "data/idx.h"
#include "core/rng.h"

typedef enum { NORM_RAW = 0, NORM_MINMAX = 1, NORM_ZSCORE = 2, NORM_CHANNEL = 3 } NormKind;
#define NORM_MAX_CH 4
typedef struct {
    NormKind kind;
    float mean, std;   /* NORM_ZSCORE için, [0,1] ölçeğinde */
    float ch_mean[NORM_MAX_CH], ch_std[NORM_MAX_CH];   /* NORM_CHANNEL için, [0,1] ölçeğinde */
} Norm;

/* Bir pikseli normalize eder (NORM_CHANNEL için kanal bilinmez: norm_pixel_ch). */
static inline float norm_pixel(Norm n, uint8_t p) {
    float v = (float)p;
    if (n.kind == NORM_RAW) return v;
    v *= (1.0f / 255.0f);
    if (n.kind == NORM_ZSCORE) v = (v - n.mean) / n.std;
    return v;
}
/* c. kanaldaki bir pikseli normalize eder (her normalizasyon türü için). */
static inline float norm_pixel_ch(Norm n, int c, uint8_t p) {
    if (n.kind != NORM_CHANNEL) return norm_pixel(n, p);
    return ((float)p * (1.0f / 255.0f) - n.ch_mean[c]) / n.ch_std[c];
}

/* x (B, D), D = channels*rows*cols <- set'in idx[0..B) sıradaki görüntüleri, y (B) <- etiketleri (y NULL olabilir) */
void batch_fill(float *x, int *y, const ImageSet *set, const int *idx, int B, Norm n);

typedef struct {
    const ImageSet *set;
    int *order;     /* (n) kullanılacak örneklerin indisleri */
    int n, batch, pos;
} Batcher;

/* subset NULL ise 0..n-1 kullanılır; değilse subset[0..n) kopyalanır. */
void batcher_init(Batcher *b, const ImageSet *set, const int *subset, int n, int batch);
void batcher_shuffle(Batcher *b, Rng *rng);   /* sırayı karıştırır ve başa sarar */
int batcher_next(Batcher *b, float *x, int *y, Norm n);
int batcher_steps(const Batcher *b);         /* epoch başına yığın sayısı */
void batcher_free(Batcher *b);

/* MNIST biçiminde bir klasörü yükler ve dersin ihtiyacını denetler: görüntüler
 * 28x28 olmalı, eğitim kümesinde en az need_train, test kümesinde en az need_test
 * görüntü bulunmalı. Tutmazsa klasörü, dosyayı ve sayıları söyleyen Türkçe bir
 * hatayla durur. Derslerin sabit sayılarla (ör. "ilk 5000 görüntü") ya da 28x28'lik
 * tamponlarla çalıştığı her yerde --data ile gelen küme bundan geçmelidir: 32x32'lik
 * ya da 100 görüntülük geçerli bir küme yoksa tamponların dışına yazdırır. */
void mnist_load_checked(Mnist *m, const char *dir, int need_train, int need_test);

/* MNIST'i yükler ve eğitim kümesinin SON nval örneğini doğrulamaya (validation) ayırır:
 * eğitim = ilk ntrain örnek (ntrain <= 0 ise doğrulamadan geri kalan hepsi),
 * test = ilk ntest örnek (ntest <= 0 ise hepsi). Görüntüler 28x28 değilse ya da
 * küme istenen alt kümeler için küçükse açıklayıcı bir hatayla durur. */
typedef struct {
    Mnist m;
    int *tr_idx, ntr;   /* (ntr) eğitim indisleri */
    int *va_idx, nva;   /* (nva) doğrulama indisleri */
    int ntest;
} MnistSplit;
void mnist_split_load(MnistSplit *d, const char *dir, int ntrain, int nval, int ntest);
void mnist_split_free(MnistSplit *d);

/* Kümenin idx[0..n) görüntülerinde (idx NULL: ilk n) her kanalın piksel ortalaması ve
 * standart sapması ([0,1] ölçeğinde): NORM_CHANNEL için. mean, std (channels) */
void imageset_channel_stats(const ImageSet *s, const int *idx, int n, float *mean, float *std);
/* Tüm kümenin piksel ortalaması ve standart sapması ([0,1] ölçeğinde). */
void imageset_pixel_stats(const ImageSet *s, double *mean, double *std);
#endif
