/*
 * models.h — derslerin paylaştığı hazır mimariler (aynı model birden çok derste
 * ve karşılaştırma ölçümünde (benchmark) kullanılır; tek yerde tanımlanır).
 *
 *   models_mnist_mlp:  784-256-128-10, ReLU, dropout 0.2     (lesson02, lesson03)
 *   models_mnist_cnn:  conv3x3(32)-ReLU-maxpool2 -> conv3x3(64)-ReLU-maxpool2
 *                      -> dropout 0.25 -> dense 128-ReLU -> dropout 0.5 -> dense K
 *                      (lesson04, lesson05; ../shared/bench/torch_mnist.py cnn ile aynı)
 * Her ikisi de net_build'i çağırır: ağ kullanıma hazır döner.
 */
#ifndef DOAA_MODELS_H
#define DOAA_MODELS_H
#include "model/net.h"
#include "model/params.h"
#include "nn/attention.h"

void models_mnist_mlp(Net *net, float dropout, int max_batch, uint64_t seed);
void models_mnist_cnn(Net *net, int C, int H, int W, int nclasses, int max_batch, uint64_t seed);

/* Çok başlı dikkatin sekiz tensörünü bir parametre bloğuna ekler (bkz. params.h), adları
 * "<prefix>.wq", "<prefix>.bq", ... ve sırası MhaParams'ınkiyle aynı: wq (C,C) bq (C)
 * wk (CKV,C) bk (C) wv (CKV,C) bv (C) wo (C,C) bo (C). W ve G'nin işaretçileri
 * params_alloc'ta doldurulur. Bir Transformer katmanı için: prefix = "l0.attn" gibi. */
void models_mha_params_add(Params *P, const char *prefix, MhaParams *W, MhaParams *G, int C,
                           int CKV);

/* Varsayılan model dosyaları (git'in yok saydığı data/models/ altında) */
#define MODEL_DIR "data/models"
#endif
