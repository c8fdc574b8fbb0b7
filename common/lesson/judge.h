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
#include "model/net.h"

typedef struct {
    double share;    /* güveni > 0,9 olan örneklerin payı */
    int hist[10];    /* tahmin edilen sınıfların sayısı */
    int classes5;    /* örneklerin en az %5'ini alan sınıf sayısı */
} Judge;

/* img: (n, 784), pikseller [0, 1] aralığında (NORM_MINMAX; lesson04 böyle eğitildi).
 * Ağa en çok cnn->max_batch'lik dilimlerle verir. */
void judge_images(Net *cnn, const float *img, int n, Judge *j);

/* lesson04'ün kaydettiği CNN'i yükler (tam koşuda data/models/lesson04_cnn.model,
 * --quick'te lesson04_cnn_quick.model); dosya yoksa MNIST'in bir diliminde kısa bir CNN eğitir
 * (quick: 1500 görüntü, 1 epoch; tam: 6000 görüntü, 2 epoch). *from: modelin nereden geldiği. */
void lesson04_cnn_get(Net *cnn, const LessonArgs *a, int max_batch, const char **from);
#endif
