/*
 * train.h — sınıflandırıcı eğitimi: bir adım, bir epoch, değerlendirme.
 *
 * Bir eğitim adımı (training step) dört parçadır:
 *   1. ileri geçiş (forward):  z = net(x)                      (B,K) ham skorlar (logits)
 *   2. kayıp (loss):           L = çapraz entropi(softmax(z), y)
 *   3. geri geçiş (backward):  dL/dz = (p - onehot(y))/B, sonra zincir kuralıyla
 *                              her katmanın parametre gradyanı
 *   4. güncelleme:             Adam adımı (bkz. optim.h)
 * Bir epoch, karıştırılmış eğitim verisinin tamamından bir kez geçmektir.
 * İkili sınıflandırmada (LOSS_BCE_LOGIT) ağın tek çıkışı vardır: p = sigmoid(z),
 * kayıp ikili çapraz entropidir, etiket 0 ya da 1'dir.
 *
 * KULLANIM
 *   TrainConfig cfg = train_config_default();  cfg.epochs = 10;
 *   TrainHistory h;
 *   train_classifier(&net, &opt, &m.train, tr_idx, ntr, &m.train, va_idx, nva, &cfg, &h);
 *   evaluate(&net, &m.test, NULL, m.test.n, cfg.norm, cfg.loss, &loss, &acc, pred, NULL);
 * İndis dizisi NULL ise kümenin ilk n örneği kullanılır.
 */
#ifndef DOAA_TRAIN_H
#define DOAA_TRAIN_H
#include <stdint.h>
#include "data/data.h"
#include "model/net.h"
#include "nn/optim.h"

typedef enum { LOSS_SOFTMAX_XENT = 0, LOSS_BCE_LOGIT = 1 } LossKind;

/* Veri artırma (augmentation) kancası: normalize edilmiş yığını yerinde değiştirir.
 * x (B, C*H*W) */
typedef void (*AugmentFn)(float *x, int B, int C, int H, int W, Rng *rng, void *ctx);

typedef struct {
    int epochs, batch;
    Norm norm;
    LossKind loss;
    int patience;        /* erken durdurma (early stopping): doğrulama kaybı bu kadar epoch
                            iyileşmezse dur ve en iyi ağırlıklara dön; 0 = kapalı */
    uint64_t seed;       /* karıştırma tohumu */
    AugmentFn augment;   /* NULL: artırma yok */
    void *augment_ctx;
    int quiet;           /* 1: ilerleme çubuğu ve epoch satırları basılmaz */
    int cosine;          /* 1: öğrenme oranı epoch'tan epoch'a kosinüs eğrisiyle lr0'dan 0'a iner */
} TrainConfig;

#define TRAIN_MAX_EPOCHS 500
typedef struct {
    int epochs_run, best_epoch;   /* best_epoch: en düşük doğrulama kaybı (1'den başlar) */
    float loss[TRAIN_MAX_EPOCHS], acc[TRAIN_MAX_EPOCHS];
    float val_loss[TRAIN_MAX_EPOCHS], val_acc[TRAIN_MAX_EPOCHS];
    double epoch_s[TRAIN_MAX_EPOCHS];
} TrainHistory;

TrainConfig train_config_default(void);

/* Tek adım: ileri + kayıp + geri + Adam. Dönüş: yığının ortalama kaybı;
 * correct NULL değilse doğru tahmin sayısı yazılır. x (B, in_size), y (B) */
float train_step(Net *net, Adam *opt, const float *x, const int *y, int B, LossKind lk,
                 int *correct);

/* Eğitimsiz (dropout kapalı) değerlendirme. pred (n) ve probs (n,K) NULL olabilir;
 * BCE'de K = 1 ve probs sınıf 1'in olasılığıdır. */
void evaluate(Net *net, const ImageSet *s, const int *idx, int n, Norm norm, LossKind lk,
              float *loss, float *acc, int *pred, float *probs);

/* Eğitim döngüsü: her epoch karıştır, adımları at, doğrulamada ölç, ilerlemeyi yaz. */
void train_classifier(Net *net, Adam *opt, const ImageSet *tr, const int *tr_idx, int ntr,
                      const ImageSet *va, const int *va_idx, int nva, const TrainConfig *cfg,
                      TrainHistory *h);
#endif
