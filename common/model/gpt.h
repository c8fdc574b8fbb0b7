/*
 * gpt.h — karakter düzeyinde küçük bir GPT: yalnız kod çözücüden (decoder-only)
 * oluşan Transformer dil modeli (Radford vd. 2018, 2019). Ders 16.
 *
 * HARFLER: B yığın, T bağlam (context) uzunluğu, C genişlik, V sözlük, NH baş,
 *          FF ileri besleme genişliği, NL katman sayısı.
 *
 * MODEL (ön-normalizasyonlu, pre-norm)
 *   $x_0 = E[\mathrm{id}_t] + P[t]$          simge gömmesi E (V,C) + öğrenilen konum gömmesi P (T,C)
 *   $x_{l+1} = \mathrm{Blok}_l(x_l)$         nedensel öz dikkat + GELU'lu ileri besleme
 *                                            (model/transformer.h, act = TF_ACT_GELU)
 *   $h = \mathrm{LN}_f(x_{NL})$               son LayerNorm
 *   $z = h\,E^\top$                          çıkış skorları (logits) (B,T,V): BAĞLI ağırlıklar
 *                                            (weight tying, Press ve Wolf 2017): çıkış matrisi
 *                                            gömme tablosunun devriğidir, ayrı parametre yok.
 *   Kayıp: her konumda bir sonraki simgenin çapraz entropisi (nat/karakter).
 *   Bağlı ağırlıkta E iki yerden gradyan alır (biriktirme kuralı ikisini toplar):
 *     $\partial L/\partial E \mathrel{+}= (\partial L/\partial z)^\top h$   (çıkıştan)
 *     $\partial L/\partial E[\mathrm{id}] \mathrel{+}= \partial L/\partial x_0$  (girişten)
 *
 * KULLANIM
 *   GptConfig c = {.V = 30, .C = 64, .NH = 4, .FF = 256, .NL = 4, .T = 32};
 *   Gpt m;  gpt_build(&m, &c, maxB, seed);
 *   gpt_forward(&m, ids, B, T);                       // ids (B,T) -> m.logits (B,T,V)
 *   double L = gpt_loss(&m, targets, 0);              // ortalama; m.dlogits'i yazar
 *   params_zero_grad(&m.P);  gpt_backward(&m);        // m.P.grads += ...
 *   adamw_step(&opt, m.P.params, m.P.grads, 0.1f, m.decay);
 *   GptCache kc;  gpt_cache_alloc(&kc, &m);           // üretim: KV önbelleği
 *   gpt_cache_reset(&kc);  gpt_step(&m, &kc, id, logits);   // her çağrı bir konum
 *   gpt_save / gpt_load: model/ckpt ile (tür "gpt-char"; meta sözlüğü ve derlemi taşır).
 *
 * SINIRLAR
 *   NL <= GPT_MAXL; T en çok cfg.T; gpt_step en çok cfg.T konum (sonra gpt_cache_reset).
 */
#ifndef DOAA_GPT_H
#define DOAA_GPT_H
#include <stdint.h>
#include "model/params.h"
#include "model/transformer.h"

#define GPT_MAXL 8

typedef struct {
    int V, C, NH, FF, NL, T;
} GptConfig;

typedef struct {
    float *wte;            /* (V,C) simge gömmeleri = çıkış matrisinin devriği (bağlı) */
    float *wpe;            /* (T,C) konum gömmeleri */
    TfLayerW h[GPT_MAXL];  /* bloklar */
    float *lnf_g, *lnf_b;  /* (C) son LayerNorm */
} GptW;

typedef struct {
    GptConfig cfg;
    TfLayerCfg lcfg;
    Params P;
    GptW W, G;
    unsigned char *decay;   /* (P.n) 1: AdamW bu elemanı küçültür (matrisler), 0: LN ve bias */
    TfLayerActs a[GPT_MAXL];
    int maxB, B, T;         /* son ileri geçiş */
    int *ids;               /* (B,T) */
    float *x[GPT_MAXL + 1]; /* (B,T,C) blok girdileri/çıktıları */
    float *lnf, *mf, *rf;   /* (B,T,C) son LN çıkışı; ortalama ve 1/std (B,T) */
    float *logits, *dlogits;/* (B,T,V) */
    float *dA, *dB;         /* (B,T,C) geri geçiş tamponları */
    unsigned char *causal;  /* (T,T) */
} Gpt;

void gpt_build(Gpt *m, const GptConfig *c, int maxB, uint64_t seed);
void gpt_free(Gpt *m);
/* ids (B,T) -> m->logits (B,T,V). B <= maxB, 1 <= T <= cfg.T. */
void gpt_forward(Gpt *m, const int *ids, int B, int T);
/* targets (B,T): ortalama çapraz entropi (nat), yalnız t >= from konumları sayılır.
 * m->dlogits'i (sayılan konumlar için (p - y)/sayı, diğerleri 0) yazar. */
double gpt_loss(Gpt *m, const int *targets, int from);
/* m->dlogits'ten bütün gradyanlara (m->P.grads'a EKLENİR). */
void gpt_backward(Gpt *m);

/* VERİ PARALELLİĞİ (data parallelism): bir eğitim adımının ileri + geri geçişi, yığın iki
 * yarıya bölünerek. İlk yarı (B/2 örnek) m'de, ikinci yarı rep'te (aynı yapılandırmayla
 * kurulmuş ikinci bir model, maxB >= B - B/2; parametreleri her çağrıda m'den kopyalanır)
 * hesaplanır; makinede boş çekirdek varsa (core/threads.h) iki yarı iki iş parçacığında AYNI
 * ANDA. Küçük matrislerde her çarpımı iki iş parçacığına bölmek eşitleme maliyetine takılır;
 * yarım yığınların birbirine hiç işi yoktur, yalnız sonda gradyanlar toplanır:
 *   $g = \frac{B_1}{B} g_1 + \frac{B_2}{B} g_2$   (ortalama kaybın gradyanı, B_1 + B_2 = B).
 * m->P.grads'a EKLER (biriktirme kuralı; çağıran adım başında sıfırlar); dönüş B·T konumun
 * ortalama çapraz entropisi. Sonuç iş parçacığı sayısından bağımsızdır (yarılar hep aynı). */
double gpt_loss_backward_split(Gpt *m, Gpt *rep, const int *x, const int *y, int B, int T);

typedef struct {
    TfCache kc[GPT_MAXL];
    float *x, *h;   /* (C) */
    int pos;        /* önbellekteki konum sayısı */
} GptCache;
void gpt_cache_alloc(GptCache *k, const Gpt *m);
void gpt_cache_free(GptCache *k, const Gpt *m);
void gpt_cache_reset(GptCache *k);
/* Bir simgeyi k->pos konumuna ekler, sonraki simgenin skorlarını logits (V)'ye yazar.
 * k->pos == cfg.T ise die() (çağıran önce sıfırlar ve bağlamı yeniden verir). */
void gpt_step(const Gpt *m, GptCache *k, int id, float *logits);

/* Kayıt: conf V C NH FF NL T act(=1, GELU); meta "veri=<ad>\nU+000A U+0061 ..." (sözlük). */
int gpt_save(const Gpt *m, const char *path, const char *data_name, const uint32_t *vocab, char *err,
             size_t errlen);
/* Modeli kurar ve yükler (maxB); data_name (cap 16) ve vocab (CHARVOCAB_MAX) meta'dan. 0 / -1. */
int gpt_load(Gpt *m, const char *path, int maxB, char *data_name, uint32_t *vocab, char *err,
             size_t errlen);
#endif
