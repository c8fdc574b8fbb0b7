/*
 * idx.h — IDX dosya okuyucu (MNIST'in biçimi) ve MNIST yükleyici.
 *
 * IDX biçimi (LeCun ve ark.): büyük-sonlu (big-endian) bir başlık ve ham baytlar.
 *   bayt 0-1 : 0x00 0x00
 *   bayt 2   : veri türü (0x08 = işaretsiz bayt; yalnızca bunu destekliyoruz)
 *   bayt 3   : boyut sayısı (MNIST görüntüleri: 3, etiketler: 1)
 *   sonra    : her boyut için 4 baytlık büyük-sonlu sayı (ör. 60000, 28, 28)
 *   sonra    : boyutların çarpımı kadar veri baytı
 * Dosya düz ya da gzip ile sıkıştırılmış (.gz) olabilir: zlib'in gzread'i ikisini
 * de okur. Okuyucu sihirli sayıyı (magic), boyutları ve dosya uzunluğunu
 * doğrular; kısa, uzun ya da bozuk dosyada dosya adını ve sorunu söyler.
 *
 * Veri bellekte uint8 olarak kalır (60000 görüntü = 47 MB); normalizasyon her
 * yığın (batch) için yapılır, böylece float kopyası (188 MB) hiç oluşmaz.
 */
#ifndef DOAA_IDX_H
#define DOAA_IDX_H
#include <stddef.h>
#include <stdint.h>

/* Başlığın sayılarına güvenilmez (bir dosya 100 baytta 4 GB "söyleyebilir"):
 *   - düz dosyada boyutların çarpımı dosyanın gerçek boyuyla birebir tutmalı;
 *   - gzip'te deflate bir baytı en çok ~1032 kata açabilir: söz, sıkıştırılmış boyun
 *     IDX_GZ_MAX_RATIO katını aşarsa dosya açılmadan reddedilir; bellek gelen veriyle
 *     büyür (IDX_FIRST_CHUNK'tan başlayıp iki katına) ve sözden fazlası okunmaz;
 *   - hiçbir dosya IDX_MAX_BYTES'tan büyük olamaz (MNIST'in eğitim görüntüleri 47 MB,
 *     EMNIST'in en büyüğü ~550 MB). */
#define IDX_MAX_BYTES ((size_t)1 << 30)
#define IDX_GZ_MAX_RATIO 1032
#define IDX_FIRST_CHUNK ((size_t)16 << 20)

typedef struct {
    uint8_t *data;
    int ndim;
    int dims[4];
    size_t size;   /* toplam bayt */
} IdxArray;

/* 0: başarılı; -1: hata, err'e Türkçe açıklama (dosya adıyla) yazılır. */
int idx_load(const char *path, IdxArray *out, char *err, size_t errlen);
void idx_free(IdxArray *a);

/* Görüntü kümesi. Her görüntü channels*rows*cols bayttır ve kanal kanal (CHW,
 * "planar") saklanır; MNIST'te channels = 1. Etiketler 0..nclasses-1. */
typedef struct {
    uint8_t *images;   /* (N, channels*rows*cols) */
    int *labels;       /* (N) */
    int n, rows, cols, channels;
} ImageSet;

typedef struct {
    ImageSet train, test;
    int nclasses;      /* etiketlerin en büyüğü + 1 (MNIST'te 10) */
} Mnist;

/* dir içinde train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz],
 * t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz] arar.
 * Hata olursa açıklayıcı mesajla die(). */
void mnist_load(const char *dir, Mnist *m);
/* Tek bir görüntü/etiket çifti; 0 başarılı, -1 hata (err). */
int imageset_load(const char *images_path, const char *labels_path, ImageSet *s, char *err,
                  size_t errlen);
void imageset_free(ImageSet *s);
void mnist_free(Mnist *m);
#endif
