/*
 * net.h — katmanların sırayla dizildiği (sequential) ağ: mimari, parametreler,
 * ileri/geri geçiş, kaydetme/yükleme.
 *
 * PARAMETRELER TEK BLOKTA
 *   Bütün ağırlık ve bias'lar tek bir bitişik float dizisinde (net->params)
 *   durur; her katman yalnızca kendi başlangıç konumunu (w_off, b_off) bilir.
 *   Gradyanlar aynı düzende net->grads'tadır. Böylece sıfırlama, eniyileyici
 *   adımı, kaydetme ve yükleme tek bir döngüdür (bkz. karpathy/llm.c).
 *
 * ŞEKİLLER
 *   Her katmanın girişi ve çıkışı (C,H,W) şeklindedir; yoğun katman için
 *   (IN,1,1). Yığınla birlikte bir katmanın çıkışı (B, C*H*W) bitişik dizidir.
 *
 * KULLANIM
 *   Net net; net_init(&net, 1, 28, 28);            // giriş: 1 kanal, 28x28
 *   net_dense(&net, 256); net_relu(&net); net_dropout(&net, 0.2f);
 *   net_dense(&net, 128); net_relu(&net); net_dropout(&net, 0.2f);
 *   net_dense(&net, 10);
 *   net_build(&net, 128, seed);                    // belleği ayır, ağırlıkları başlat
 *   const float *logits = net_forward(&net, x, B, 1);   // x (B,784) -> (B,10)
 *   net_zero_grad(&net);
 *   net_backward(&net, x, dlogits, B);             // gradyanlar net.grads'a eklenir
 *   adam_step(&opt, net.params, net.grads);
 *   net_save(&net, "modeller/mlp.model");          // atomik: önce .tmp, sonra rename
 *
 * MODEL DOSYASI (küçük-sonlu / little-endian)
 *   "DOAAMODL" (8 bayt) | sürüm u32 | katman sayısı u32 | giriş C,H,W i32x3
 *   | her katman: tür i32, a i32, b i32, c i32, d i32, p f32
 *   | meta uzunluğu u32 | meta metni (ör. "classes=kedi,kopek")
 *   | parametre sayısı u64 | parametreler f32 x n | CRC-32 u32 (öncesinin tümü)
 *   Yükleyici her alanı doğrular; bozuk, kesik ya da mimarisi uymayan dosyada
 *   dosyanın adını ve sorunu söyleyen Türkçe bir hata verir.
 */
#ifndef DOAA_NET_H
#define DOAA_NET_H
#include <stddef.h>
#include <stdio.h>
#include "core/rng.h"

#define NET_MAX_LAYERS 32
#define NET_META_MAX 1024

typedef enum {
    LAYER_DENSE = 1,
    LAYER_RELU = 2,
    LAYER_SIGMOID = 3,
    LAYER_TANH = 4,
    LAYER_DROPOUT = 5,
    LAYER_CONV2D = 6,    /* a=çıkış kanalı, b=çekirdek boyu k, c=adım (stride), d=dolgu (pad) */
    LAYER_MAXPOOL2D = 7, /* a=pencere k (adım da k) */
    LAYER_FLATTEN = 8,
    LAYER_LEAKY_RELU = 9, /* p = negatif eğim α: x < 0 iken çıkış αx */
    LAYER_KIND_END
} LayerKind;

typedef struct {
    int kind;
    int a, b, c, d;          /* türe göre anlamı (bkz. LayerKind) */
    float p;                 /* dropout oranı */
    int in_c, in_h, in_w;    /* giriş şekli */
    int out_c, out_h, out_w; /* çıkış şekli */
    size_t w_off, b_off, nparams;  /* parametre bloğundaki yer */
    size_t nbias;            /* parametrelerin sonundaki bias sayısı (b_off = w_off + nparams - nbias) */
    int frozen;              /* 1 ise parametreleri güncellenmez (transfer öğrenme) */
    float *act;              /* çıkış (max_batch, out_size) */
    float *aux;              /* dropout maskesi / havuzlama indisleri / im2col tamponu */
    size_t aux_n;
} Layer;

typedef struct {
    Layer L[NET_MAX_LAYERS];
    int n;
    int in_c, in_h, in_w;
    float *params, *grads;   /* (nparams) tek blok */
    size_t nparams;
    int max_batch;
    float *dbuf[2];          /* geri geçişte katmanlar arası gradyan tamponları */
    float *probs, *dlogits;  /* (max_batch, out_size) kaybın tamponları (train.c) */
    float *yf;               /* (max_batch) etiketler float olarak (ikili çapraz entropi) */
    Rng rng;                 /* dropout maskeleri için */
    int fused;               /* son ileri geçiş eğitim kipindeydi: ReLU+havuz birleşik (net.c) */
    char meta[NET_META_MAX]; /* kaydedilen serbest metin (sınıf adları vb.) */
} Net;

void net_init(Net *net, int C, int H, int W);
void net_dense(Net *net, int out);
void net_relu(Net *net);
void net_sigmoid(Net *net);
void net_tanh(Net *net);
void net_dropout(Net *net, float p);
void net_conv2d(Net *net, int out_c, int k, int stride, int pad);
void net_maxpool2d(Net *net, int k);
void net_flatten(Net *net);
void net_leaky_relu(Net *net, float alpha);
/* Katman ekleme (yükleyicinin de kullandığı genel biçim); -1: geçersiz tanım (err). */
int net_add(Net *net, int kind, int a, int b, int c, int d, float p, char *err, size_t errlen);

/* Belleği ayırır ve ağırlıkları seed ile başlatır (He). */
void net_build(Net *net, int max_batch, uint64_t seed);
void net_free(Net *net);

size_t net_in_size(const Net *net);
size_t net_out_size(const Net *net);
size_t layer_out_size(const Layer *l);
size_t layer_in_size(const Layer *l);

/* x (B, in_size) -> dönüş (B, out_size). train=1: dropout etkin; ayrıca ardından
 * max pooling ya da dropout gelen ReLU katmanları onunla birleşik hesaplanır ve bu
 * ReLU'ların act tamponu YAZILMAZ (train=0 ile her katmanın çıkışı yazılır). */
const float *net_forward(Net *net, const float *x, int B, int train);
/* dlogits (B, out_size); parametre gradyanları net->grads'a EKLENİR (biriktirme
 * kuralı, bkz. common/README.md). dx NULL değilse (B, in_size) giriş gradyanı da
 * dx'e EKLENİR: çağıran dx'i adımda bir kez sıfırlar. */
void net_backward(Net *net, const float *x, const float *dlogits, int B, float *dx);
void net_zero_grad(Net *net);

/* Keras'ın model.summary()'si gibi tablo */
void net_summary(const Net *net, FILE *out);
/* "dense(256) relu dropout(0.20) ..." biçiminde kısa tanım */
void net_describe(const Net *net, char *buf, size_t len);

/* 0 başarılı, -1 hata (err). Kaydetme atomiktir: eski dosya asla yarım kalmaz. */
int net_save(const Net *net, const char *path, char *err, size_t errlen);
/* Kaydetmeden (ör. uzun bir eğitimden) önce: yol bir klasör mü, klasörü var ve yazılabilir mi?
 * 0: sorun yok, -1: err'de Türkçe açıklama. */
int net_check_writable(const char *path, char *err, size_t errlen);
/* Dosyadaki mimariyle yeni bir ağ kurar ve ağırlıkları yükler. */
int net_load(Net *net, const char *path, int max_batch, char *err, size_t errlen);
/* Mimari iki ağda aynı mı? Değilse err farkı söyler. */
int net_same_arch(const Net *a, const Net *b, char *err, size_t errlen);
#endif
