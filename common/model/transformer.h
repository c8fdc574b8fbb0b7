/*
 * transformer.h — bir Transformer katmanı (blok): öz dikkat, (kod çözücüde) çapraz
 * dikkat, ileri besleme ağı (feed-forward), artık bağlantılar (residual connections)
 * ve katman normalizasyonu (LayerNorm). Ders 12 (kodlayıcı–kod çözücü) ve ders 16
 * (GPT) aynı bloğu kullanır. Her ileri geçişin geri geçişi hemen altında.
 *
 * HARFLER: B yığın, T bu dizinin uzunluğu, Tk kodlayıcı dizisinin uzunluğu,
 *          C model genişliği, NH baş sayısı, FF ileri besleme genişliği.
 *
 * ÖN-NORMALİZASYON (pre-norm) BLOK — her alt katmandan ÖNCE LayerNorm:
 *   $x_1 = x + \mathrm{MHA}(\mathrm{LN}_1(x))$                       öz dikkat
 *   $x_2 = x_1 + \mathrm{MHA}(\mathrm{LN}_2(x_1), e)$                çapraz dikkat (yalnız kod çözücü;
 *                                                                   e = kodlayıcı çıktısı)
 *   $y = x_2 + W_2\,\phi(W_1 \mathrm{LN}_3(x_2) + b_1) + b_2$     ileri besleme
 *   φ aktivasyonu cfg.act ile seçilir: TF_ACT_RELU (ders 12, 2017 makalesi gibi) ya da
 *   TF_ACT_GELU (ders 16; GPT-2 gibi, $\phi(u) = u\,\Phi(u)$, bkz. nn/act_extra.h).
 *   2017'deki özgün makale (Vaswani vd.) son-normalizasyon (post-norm) kullanır:
 *   $y = \mathrm{LN}(x + \mathrm{Alt}(x))$. Ön-normalizasyonda artık yol x'ten y'ye hiçbir
 *   işleme uğramadan akar; bu yüzden derin yığınlar ısınma (warmup) olmadan da
 *   kararlı eğitilir (Xiong vd. 2020). Ön-normalizasyonlu yığının sonuna bir
 *   LayerNorm daha konur (bunu modeli kuran yapar).
 *
 * DENEY ANAHTARLARI (ders 12'nin "artık bağlantı ve LayerNorm olmadan" deneyi)
 *   residual = 0: $x_1 = \mathrm{MHA}(\dots)$ (toplama yok);  norm = 0: LN yerine özdeşlik.
 *
 * GERİ GEÇİŞ VE BİRİKTİRME KURALI (bkz. common/README.md)
 *   tf_layer_backward her gradyana EKLER: dx (B,T,C), denc (B,Tk,C) ve G'nin
 *   parametre gradyanları. Kod çözücünün her katmanı kodlayıcı çıktısını okur;
 *   kuraldan ötürü hepsi aynı denc tamponuna ekler, ara tampon gerekmez.
 *   Çağıran bu tamponları adım başında bir kez sıfırlar.
 *
 * KULLANIM
 *   TfLayerCfg cfg = {.C = 128, .NH = 4, .FF = 512, .cross = 1, .residual = 1, .norm = 1};
 *   TfLayerW W, G;
 *   tf_layer_params(&P, "dec0", &cfg, &W, &G);   // Params tablosuna ekler
 *   params_alloc(&P);  tf_layer_init(&W, &cfg, &rng);
 *   TfLayerActs a;  tf_acts_alloc(&a, &cfg, maxB, maxT, maxTk);
 *   tf_layer_forward(y, &a, &W, x, enc, B, T, Tk, causal, NULL, enc_pad);
 *   tf_layer_backward(dx, denc, &G, dy, &a, &W);
 *   tf_acts_free(&a);
 *
 * ADIM ADIM ÇÖZME (incremental decoding) VE KV ÖNBELLEĞİ (KV cache)
 *   Üretirken (çıkarımda) her adımda yalnızca YENİ konumun çıktısı gerekir. Nedensel
 *   maske yüzünden eski konumların çıktıları sonraki simgelerle değişmez; o yüzden
 *   her katmanda eski konumların anahtar ve değer izdüşümleri (K, V) saklanır ve
 *   yeni konum yalnızca kendi q, k, v'sini hesaplar: adım başına iş O(T²) yerine O(T).
 *   Çapraz dikkatin K, V'si kodlayıcı çıktısından bir kez hesaplanır.
 *     TfCache kc;  tf_cache_alloc(&kc, &cfg, maxB, maxT, maxTk);
 *     tf_cache_set_encoder(&kc, &W, enc, B, Tk, enc_kpad);     // kod çözücüde
 *     for (pos = 0; ...; pos++) tf_layer_step(y, &kc, &W, x, B, pos);  // x, y (B,C)
 *   tf_layer_step, tf_layer_forward ile aynı sayıları verir (test_transformer sınar).
 *
 * SINIRLAR
 *   x ile y aynı tampon olamaz (x geri geçiş için saklanır: kopyası acts'tedir).
 */
#ifndef DOAA_TRANSFORMER_H
#define DOAA_TRANSFORMER_H
#include "core/rng.h"
#include "model/params.h"
#include "nn/attention.h"

typedef struct {
    int C, NH, FF;  /* genişlik, baş sayısı, ileri besleme genişliği */
    int cross;      /* 1: kod çözücü katmanı (çapraz dikkat alt katmanı var) */
    int residual;   /* 1: artık bağlantılar açık (deney için 0 olabilir) */
    int norm;       /* 1: LayerNorm'lar açık (deney için 0 olabilir) */
    int act;        /* ileri besleme aktivasyonu: TF_ACT_RELU (0, varsayılan) ya da TF_ACT_GELU */
} TfLayerCfg;
enum { TF_ACT_RELU = 0, TF_ACT_GELU = 1 };

typedef struct {
    float *ln1_g, *ln1_b;  /* (C), (C)   öz dikkat öncesi LN */
    float *attn;           /* mha_param_count(C,C): öz dikkat (MhaParams düzeni) */
    float *ln2_g, *ln2_b;  /* (C), (C)   çapraz dikkat öncesi LN (cross=1) */
    float *xattn;          /* mha_param_count(C,C): çapraz dikkat (cross=1) */
    float *ln3_g, *ln3_b;  /* (C), (C)   ileri besleme öncesi LN */
    float *w1, *b1;        /* (C,FF), (FF) */
    float *w2, *b2;        /* (FF,C), (C) */
} TfLayerW;

typedef struct {
    TfLayerCfg cfg;
    int maxB, maxT, maxTk;
    int B, T, Tk;                 /* son ileri geçişin boyutları */
    MhaParams sa_p, ca_p;         /* W'nin MHA blokları, işaretçi biçiminde */
    MhaActs sa, ca;               /* dikkatlerin sakladıkları */
    const float *enc;             /* son ileri geçişteki kodlayıcı çıktısı (cross=1) */
    float *x0, *n1, *m1, *r1;     /* giriş kopyası (B,T,C); LN1 çıkışı; ortalama, 1/std (B,T) */
    float *a1, *x1;               /* öz dikkat çıkışı; ilk artık toplamı (B,T,C) */
    float *n2, *m2, *r2, *a2, *x2;/* çapraz dikkat için aynıları */
    float *n3, *m3, *r3;          /* LN3 */
    float *h, *hr;                /* (B,T,FF) W1 çıkışı (aktivasyon öncesi) ve sonrası */
    float *f;                     /* (B,T,C) ileri besleme çıkışı */
    /* geri geçiş tamponları */
    float *dh, *dn, *dx2, *dx1;   /* (B,T,FF), (B,T,C) x3 */
    float *dg;                    /* (B,T,FF) GELU'nun geri geçişi (act = TF_ACT_GELU) */
} TfLayerActs;

/* Katmanın tensörlerini P'ye ekler: adlar "<prefix>.ln1_g", "<prefix>.attn", ... */
void tf_layer_params(Params *P, const char *prefix, const TfLayerCfg *cfg, TfLayerW *W,
                     TfLayerW *G);
/* LN: γ=1, β=0; dikkat ve W1/W2: Glorot; bias'lar 0. */
void tf_layer_init(const TfLayerW *W, const TfLayerCfg *cfg, Rng *rng);

void tf_acts_alloc(TfLayerActs *a, const TfLayerCfg *cfg, int maxB, int maxT, int maxTk);
void tf_acts_free(TfLayerActs *a);

/* y (B,T,C) = katman(x (B,T,C), enc (B,Tk,C) | NULL).
 * self_mask (T,T)|NULL (ör. nedensel maske), self_kpad (B,T)|NULL, enc_kpad (B,Tk)|NULL. */
void tf_layer_forward(float *y, TfLayerActs *a, const TfLayerW *W, const float *x,
                      const float *enc, int B, int T, int Tk, const unsigned char *self_mask,
                      const unsigned char *self_kpad, const unsigned char *enc_kpad);
/* dy (B,T,C) -> dx (B,T,C) += , denc (B,Tk,C) += (cross=1; NULL olabilir), G += */
void tf_layer_backward(float *dx, float *denc, TfLayerW *G, const float *dy, TfLayerActs *a,
                       const TfLayerW *W);
/* ---- adım adım çözme (yalnız ileri geçiş) ---- */
typedef struct {
    TfLayerCfg cfg;
    int maxB, maxT, maxTk, B, Tk;
    float *k, *v;         /* (maxB, maxT, C) öz dikkatin önbelleği */
    float *ek, *ev;       /* (maxB, maxTk, C) çapraz dikkatin K, V'si */
    const unsigned char *ekpad;  /* (B,Tk) | NULL */
    float *n, *q, *kk, *vv, *o, *a, *x1, *hid;  /* adım tamponları (maxB,C) / (maxB,FF) */
    float *sc;            /* (maxT > maxTk ? maxT : maxTk) skor satırı */
    float *catt;          /* (maxB, NH, maxTk) son adımın çapraz dikkat ağırlıkları */
} TfCache;

void tf_cache_alloc(TfCache *kc, const TfLayerCfg *cfg, int maxB, int maxT, int maxTk);
void tf_cache_free(TfCache *kc);
/* Çapraz dikkatin K = enc W_K + b_K, V = enc W_V + b_V izdüşümlerini hesaplar. */
void tf_cache_set_encoder(TfCache *kc, const TfLayerW *W, const float *enc, int B, int Tk,
                          const unsigned char *enc_kpad);
/* x (B,C): pos konumunun bu katmana girdisi -> y (B,C) çıktısı; K, V önbelleğe eklenir.
 * pos 0'dan başlayıp birer artmalıdır; aynı B ile. x ve y aynı tampon olabilir. */
void tf_layer_step(float *y, TfCache *kc, const TfLayerW *W, const float *x, int B, int pos);
#endif
