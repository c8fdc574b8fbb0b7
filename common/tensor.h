/*
 * tensor.h — şekli (shape) olan float dizileri.
 *
 * Bir tensör, bitişik bellekte duran sayılar ve onları nasıl okuyacağımızı
 * söyleyen bir şekildir: (B,C,H,W) şeklindeki bir tensörde (b,c,h,w) elemanı
 * data[((b*C + c)*H + h)*W + w] adresindedir (satır öncelikli, row-major).
 * Çekirdek fonksiyonlar (gemm, dense_forward, ...) ham float* alır ve şekli
 * yorumda söyler; Tensor yapısı dersler ve yükleyiciler için bir kolaylıktır.
 *
 * Harfler (her yerde aynı anlamda):
 *   B yığın (batch) boyu, IN/OUT katman giriş/çıkış genişliği, K sınıf sayısı,
 *   C kanal, H yükseklik, W genişlik, T dizi uzunluğu, NH kafa (head) sayısı.
 *
 * KULLANIM
 *   Tensor x = tensor_new(2, (int[]){128, 784});   // sıfırlarla dolu
 *   x.data[i] = ...;  tensor_numel(&x) == 128*784
 *   char s[64]; tensor_shape_str(&x, s, sizeof s);  // "(128, 784)"
 *   tensor_free(&x);
 */
#ifndef DOAA_TENSOR_H
#define DOAA_TENSOR_H
#include <stddef.h>

#define TENSOR_MAX_DIMS 4

typedef struct {
    float *data;
    int ndim;
    int shape[TENSOR_MAX_DIMS];
} Tensor;

Tensor tensor_new(int ndim, const int *shape);
void tensor_free(Tensor *t);
size_t tensor_numel(const Tensor *t);
void tensor_fill(Tensor *t, float v);
const char *tensor_shape_str(const Tensor *t, char *buf, size_t len);
/* Satır satır dizi istatistikleri (ders çıktıları için) */
void array_stats(const float *x, size_t n, float *min, float *max, double *mean, double *std);
#endif
