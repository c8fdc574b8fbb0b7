/*
 * imgfolder.h — görüntü klasörü veri kümesi (Keras'taki
 * image_dataset_from_directory'nin karşılığı).
 *
 * KLASÖR DÜZENİ
 *   veri/                 <- imgfolder_load'a verilen yol
 *     kedi/  a.jpg b.png ...   her alt klasör bir sınıf; sınıfın adı klasörün adı
 *     kopek/ c.jpg ...
 *   Sınıflar adlarına göre (bayt sırasıyla) sıralanır: kedi = 0, kopek = 1.
 *   Her sınıftaki dosyalar da adlarına göre sıralanır; böylece aynı klasör her
 *   makinede aynı sırayla okunur. Adı '.' ile başlayan dosya ve klasörler
 *   (.DS_Store, .hazir ...) ile kök klasördeki dosyalar yok sayılır; alt
 *   klasörlerin içindeki klasörlere inilmez.
 *
 * OKUMA
 *   Her dosya stb_image ile okunur (PNG, JPEG, BMP, GIF, ...), istenen kanal
 *   sayısına (1 gri, 3 renkli) çevrilir, H x W boyutuna getirilir ve uint8
 *   CHW (planar) olarak bir ImageSet'e (bkz. idx.h) yazılır. Boyutlandırmada
 *   en-boy oranı (aspect ratio) korunur: görüntü H x W kutusuna sığacak kadar
 *   küçültülür (ölçek s = min(W/w, H/h)), ortalanır ve kalan şeritler
 *   görüntünün kenar piksellerinin ortalama rengiyle doldurulur (padding).
 *   300x100'lük bir fotoğraftaki daire 64x64'te yine dairedir; gerilseydi
 *   (squash) yatık bir elips olurdu ve şekil bilgisi bozulurdu. Böylece data.h'nin
 *   Batcher'ı ve train.h'nin train_classifier'ı onu MNIST gibi kullanır.
 *   Okunamayan dosyalar (metin dosyası, bozuk/kesik görüntü) programı
 *   durdurmaz: atlanır, sayılır (skipped) ve ilk birkaçı stderr'e yazılır.
 *
 * OTOMATİK ŞEKİL (seçeneklerde 0 verilirse)
 *   kanal:  dosyalardan biri bile renkliyse 3, hepsi griyse 1
 *   boyut:  bütün görüntüler aynı boyda ve kenarları <= IMGFOLDER_AUTO_SIDE
 *           (ya da opts.auto_side) ise o boy (ör. Fashion-MNIST için 28x28);
 *           değilse kenar x kenar (fotoğraflar için 64x64)
 *
 * EĞİTİM/DOĞRULAMA AYRIMI
 *   imgfolder_split her sınıfı ayrı ayrı, tohumlu (seeded) bir karıştırmayla
 *   böler (katmanlı, stratified): her sınıfın yaklaşık val_frac'ı doğrulamaya
 *   gider. Aynı klasör + aynı tohum = aynı ayrım.
 *
 * KULLANIM
 *   ImageFolder f; char err[512];
 *   ImgFolderOpts o = {.channels = 0, .height = 0, .width = 0};   // otomatik
 *   if (imgfolder_load("data/ayakkabi", &o, &f, err, sizeof err) != 0) die("%s", err);
 *   printf("%d sınıf, %d görüntü, %d dosya atlandı\n", f.nclasses, f.set.n, f.skipped);
 *   int *tr, *va, ntr, nva;
 *   imgfolder_split(&f, 0.2f, 123, &tr, &ntr, &va, &nva);
 *   train_classifier(&net, &opt, &f.set, tr, ntr, &f.set, va, nva, &cfg, &h);
 *   free(tr); free(va); imgfolder_free(&f);
 *
 * HATALAR (-1 döner, err'e klasörün adıyla Türkçe açıklama yazılır)
 *   yol yok ya da klasör değil; hiç sınıf klasörü yok; tek sınıf var; bir sınıf
 *   klasöründe okunabilir görüntü yok; sınıf adında ',' ya da satır sonu var.
 */
#ifndef DOAA_IMGFOLDER_H
#define DOAA_IMGFOLDER_H
#include <stddef.h>
#include <stdint.h>
#include "data/idx.h"

#define IMGFOLDER_MAX_CLASSES 1000
#define IMGFOLDER_AUTO_SIDE 64
#define IMGFOLDER_WARN_MAX 5   /* tek tek yazılan atlanmış dosya sayısı */

typedef struct {
    int channels;        /* 1 ya da 3; 0 = otomatik */
    int height, width;   /* 0 = otomatik */
    int max_per_class;   /* 0 = hepsi; değilse her sınıftan (ad sırasıyla) en çok bu kadar */
    int quiet;           /* 1: atlanan dosyalar stderr'e yazılmaz */
    int squash;          /* 1: en-boy oranı korunmadan H x W'ye gerilir (0: oran korunur, dolgu) */
    int auto_side;       /* otomatik boyutta kenar (0 = IMGFOLDER_AUTO_SIDE); ör. kısa deneme için 32 */
} ImgFolderOpts;

typedef struct {
    ImageSet set;        /* images (n, C*H*W) uint8 CHW, labels (n) 0..nclasses-1 */
    int nclasses;
    char **class_names;  /* (nclasses) sıralı */
    int *class_counts;   /* (nclasses) her sınıftan okunan görüntü */
    char **paths;        /* (n) her görüntünün dosya yolu */
    int nfiles;          /* denenen dosya sayısı (gizliler hariç) */
    int skipped;         /* okunamadığı için atlanan dosya sayısı */
    char first_skip[640];/* ilk atlanan dosyanın hata mesajı ("" yoksa) */
} ImageFolder;

int imgfolder_load(const char *dir, const ImgFolderOpts *opts, ImageFolder *f, char *err,
                   size_t errlen);
void imgfolder_free(ImageFolder *f);

/* Tek dosyayı imgfolder_load'un okuduğu gibi okur: C kanala (1/3) çevirir, H x W'ye
 * getirir (squash=0: oran korunur, kenar rengiyle dolgu; 1: gerilir) ve dst (C,H,W)
 * planar yazar. --predict aynı hazırlığı bununla yapar. 0 başarılı, -1 hata (err). */
int imgfolder_read_image(const char *path, int C, int H, int W, int squash, uint8_t *dst,
                         char *err, size_t errlen);

/* Katmanlı, tohumlu ayrım. *tr (ntr) ve *va (nva) indis dizileri ayrılır (free ile
 * bırakın). val_frac [0,1). En az 2 görüntüsü olan her sınıftan doğrulamaya en az 1,
 * eğitime en az 1 görüntü gider (val_frac > 0 ise). */
void imgfolder_split(const ImageFolder *f, float val_frac, uint64_t seed, int **tr, int *ntr,
                     int **va, int *nva);

/* Sınıf adının indisi; yoksa -1. */
int imgfolder_class_index(const ImageFolder *f, const char *name);
/* "classes=ad0,ad1,..." (model dosyasının meta alanı için); dönüş: yazılan uzunluk,
 * sığmazsa -1. */
int imgfolder_classes_meta(const ImageFolder *f, char *buf, size_t len);
#endif
