/*
 * judge.h — üretilen rakam görüntülerini bir rakam okuyucusuyla (lesson04'ün CNN'i) ölçmek.
 *
 * "Örnekler rakama benziyor" bir yargıdır; bunu sayıya çeviririz. Bir sınıflandırıcı her
 * görüntüye on olasılık verir; en büyüğü 0,9'u geçiyorsa görüntüyü "güvenle okunan" sayarız.
 * Sınıflandırıcılar anlamsız girdilere de bazen emin cevap verdiği için payın yanında okunan
 * sınıfların dağılımına da bakarız: iyi bir üretici on rakamın hepsini üretir (en az %5'ini
 * alan sınıf sayısı).
 * lesson13 (VAE), lesson14 (GAN) ve lesson15 (difüzyon) aynı ölçüyü kullanır.
 */
#ifndef DOAA_JUDGE_H
#define DOAA_JUDGE_H
#include "lesson/cli.h"
#include <stdint.h>
#include "data/data.h"
#include "model/net.h"

typedef struct {
    double share;    /* güveni > 0,9 olan örneklerin payı */
    int hist[10];    /* tahmin edilen sınıfların sayısı */
    int classes5;    /* örneklerin en az %5'ini alan sınıf sayısı */
} Judge;

/* img: (n, 784), pikseller [0, 1] aralığında (NORM_MINMAX; lesson04 böyle eğitildi).
 * Ağa en çok cnn->max_batch'lik dilimlerle verir. */
void judge_images(Net *cnn, const float *img, int n, Judge *j);

/* Sonuç tablosu: judge_print_header bir boş satır, "N örnek, güven eşiği 0.9:" ve sütun
 * başlıklarını; judge_print_row bir kaynağın satırını basar (ad sütunu namew sütun genişliğinde,
 * sayılar başlıklarının altında sağa yaslı). */
void judge_print_header(int n, int namew);
void judge_print_row(const char *name, const Judge *j, int namew);

/* Yargıç CNN'i (lesson04'ün mimarisi, models_mnist_cnn) önceden yüklenmiş eğitim
 * görüntülerinde kısaca eğitir: Adam 1e-3, yığın 128, pikseller [0, 1]. idx NULL ise
 * kümenin ilk n görüntüsü. Ders kendi veri bölmesini verir; MNIST'i yeniden okumaz. */
void judge_cnn_train(Net *cnn, const ImageSet *train, const int *idx, int n, int epochs,
                     uint64_t seed, int max_batch);

/* path'teki kayıtlı rakam okuyucusunu yükler: 1 yüklendi, 0 dosya yok. Dosya var ama
 * okunamıyorsa ya da 1x28x28 giriş ve 10 sınıflı bir ağ değilse dosyayı adlandıran bir
 * hatayla durur. */
int judge_cnn_load(Net *cnn, const char *path, int max_batch);

/* lesson04'ün kaydettiği CNN'i yükler (tam koşuda data/models/lesson04_cnn.model,
 * --quick'te lesson04_cnn_quick.model); dosya yoksa MNIST'in bir dilimini okuyup
 * judge_cnn_train ile kısa bir CNN eğitir (quick: 1500 görüntü, 1 epoch; tam: 6000
 * görüntü, 2 epoch). *from: modelin nereden geldiği. MNIST'i zaten yüklemiş bir ders
 * judge_cnn_load ve judge_cnn_train'i doğrudan çağırır. */
void lesson04_cnn_get(Net *cnn, const LessonArgs *a, int max_batch, const char **from);
#endif
