/*
 * predict.h — kendi çektiğiniz bir rakam fotoğrafını kaydedilmiş bir modelle okumak.
 *
 * lesson02 (MLP) ve lesson04 (CNN) aynı "--predict FOTO" akışını kullanır:
 *   1. model dosyasını yükle; mimarisi beklenenle aynı mı bak (değilse hangi dersin
 *      modeli gerektiğini söyle),
 *   2. fotoğrafı MNIST'in hazırlandığı gibi 28x28'e çevir (bkz. handwriting.h) ve
 *      hazırlığın her kararını yaz,
 *   3. ağın gördüğü 28x28 görüntüyü terminale çiz ve PNG olarak kaydet,
 *   4. softmax olasılıklarını büyükten küçüğe yaz; son satır
 *      "SONUÇ: digit=D prob=P".
 *
 * KULLANIM
 *   Net want; models_mnist_mlp(&want, 0.2f, 1, 1);
 *   return predict_digit_photo("data/models/lesson02_mlp.model", &want, "foto.jpg",
 *                              "plots/lesson02", "./lesson02");
 * Dönüş: çıkış kodu (0 başarılı, 1 hata; hata Türkçe ve dosya adıyla stderr'e yazılır).
 *
 * lesson05'in ikili sınıflandırıcısı için de model yükleme, meta (sınıf adları,
 * boyutlandırma, normalizasyon) ve tek dosya tahmini buradadır (aşağıda).
 */
#ifndef DOAA_PREDICT_H
#define DOAA_PREDICT_H
#include <stdint.h>
#include "data/data.h"
#include "model/net.h"

int predict_digit_photo(const char *model_path, const Net *expect, const char *photo,
                        const char *plot_dir, const char *train_cmd);

/* Model yolu kullanılabilir mi (yok, klasör, okunamıyor)? 0: dosya var; -1: err'de neden ve
 * ne yapılacağı (train_cmd). Bir klasör verildiyse "yok" denmez, klasör olduğu söylenir. */
int predict_check_model_path(const char *path, const char *train_cmd, char *err, size_t errlen);

/*
 * İKİLİ SINIFLANDIRICI (lesson05: kendi klasörünüzden iki sınıf)
 *
 * Model dosyasının meta alanı, tahminde girişi eğitimdeki gibi hazırlamak için
 * gereken her şeyi taşır (satır satır "ad=değer"):
 *   classes=daire,ucgen            sınıf 0 ve 1'in adları (klasör adları)
 *   images=data/sekil              eğitildiği klasör (yeniden eğitimde eski veri)
 *   seed=42 / val=0.20             eğitim/doğrulama ayrımı (aynısı yeniden kurulur)
 *   fit=pad | fit=squash           en-boy oranı korunarak dolgu ya da gerilerek boyutlandırma
 *   norm=minmax | norm=channel:m0,m1,m2/s0,s1,s2  (gri görüntüde norm=channel:m0/s0)
 *                                   x = piksel/255 ya da kanal başına (piksel/255 - m_c)/s_c
 * fit ve norm olmayan (eski) dosyalar fit=squash, norm=minmax sayılır.
 *
 * KULLANIM
 *   Net net; BinaryModelInfo mi; char err[1024];
 *   if (binary_model_load(path, 64, &net, &mi, "./lesson05", err, sizeof err)) die("%s", err);
 *   float *x = xmalloc(net_in_size(&net) * sizeof(float));
 *   if (binary_input_load(&net, &mi, "foto.jpg", x, err, sizeof err)) die("%s", err);
 *   float conf; int k = binary_print("foto.jpg", binary_p1(&net, x), &mi, &conf);
 */
#define BINARY_VAL_FRAC 0.2f
typedef struct {
    char names[2][128];
    char images[512];   /* eğitildiği klasör ("" bilinmiyorsa) */
    uint64_t seed;      /* eğitim/doğrulama ayrımının tohumu */
    float val_frac;
    int squash;         /* 1: görüntü oranı bozularak gerildi (fit=squash); 0: dolgu (fit=pad) */
    Norm norm;          /* girişin normalizasyonu */
    int channels;       /* norm=channel satırındaki kanal sayısı (1 ya da 3; NORM_CHANNEL için) */
} BinaryModelInfo;

/* meta metnini okur; 0: tamam, -1: err (sınıf adları yok/bozuk, norm bozuk). */
int binary_meta_parse(const char *meta, BinaryModelInfo *mi, char *err, size_t errlen);
/* meta metnini yazar; dönüş yazılan uzunluk, sığmazsa -1 (images= satırı sığmazsa atlanır). */
int binary_meta_format(const BinaryModelInfo *mi, char *buf, size_t len);
/* Modeli yükler ve ikili sınıflandırıcı olduğunu (tek çıkış, 1 ya da 3 kanal, meta) doğrular.
 * 0: tamam, -1: err'de dosya adı, sorun ve train_cmd ile ne yapılacağı. */
int binary_model_load(const char *path, int max_batch, Net *net, BinaryModelInfo *mi,
                      const char *train_cmd, char *err, size_t errlen);
/* Görüntü dosyasını ağın girişine getirir: x (C*H*W), eğitimdeki boyutlandırma ve normalizasyon. */
int binary_input_load(const Net *net, const BinaryModelInfo *mi, const char *file, float *x,
                      char *err, size_t errlen);
/* Tek görüntü: sınıf 1'in olasılığı p = sigmoid(z). x (C*H*W) */
float binary_p1(Net *net, const float *x);
/* "DOSYA: Bu görüntü %93 güvenle bir bot." yazar; dönüş seçilen sınıf, *conf onun olasılığı. */
int binary_print(const char *file, float p1, const BinaryModelInfo *mi, float *conf);
#endif
