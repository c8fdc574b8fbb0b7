/*
 * layers.h — sıralı ağın (net.h) katman türleri: her tür bir işlev bloğu ve bir tablo satırı.
 *
 * NEDEN TABLO
 *   Ağ (net.c) bir katmanın ne olduğunu bilmez; kurarken, ileri ve geri geçişte, özet
 *   basarken ve dosyadan okurken türün tablo satırındaki işlevleri çağırır (kann'ın
 *   kad_op_list[]'i gibi). Yeni bir tür (ör. LeakyReLU, büyütme/upsampling) eklemek:
 *     1. net.h'de LayerKind'a bir numara (dosya biçimi bu numarayı saklar; eskileri
 *        DEĞİŞTİRMEYİN),
 *     2. layers.c'de bir işlev bloğu (shape + forward + backward, gerekirse init/aux)
 *        ve layer_table[]'a bir satır,
 *     3. isterseniz net.c/net.h'de tek satırlık bir kurucu (net_leaky_relu gibi);
 *        genel kurucu net_add zaten her türü kabul eder.
 *   Kaydetme/yükleme, özet, mimari karşılaştırma ve gradyan tamponları kendiliğinden
 *   çalışır. Yeni türün geri geçişi için tests/test_nn.c'ye bir sonlu fark testi ve
 *   tests/test_accumulate.c'ye (net üzerinden) biriktirme denetimi ekleyin.
 *
 * KAYIT (serileştirme)
 *   Dosyada her katman aynı 24 baytlık kayıttır: tür, a, b, c, d (i32) ve p (f32); her
 *   türün hangi alanları kullandığı net.h'deki LayerKind yorumunda yazılıdır. shape()
 *   bu alanları denetler: yükleyici dosyadaki her katmanı ondan geçirir, yani bozuk
 *   bir dosya da kodda kurulan bir ağ da aynı kurallarla reddedilir.
 *
 * SÖZLEŞME
 *   shape    l->in_* hazırken alanları denetler; l->out_*, l->nparams ve l->nbias'ı
 *            (parametrelerin sonundaki bias sayısı) yazar. -1: geçersiz (err'de neden).
 *   aux      katman başına yardımcı tamponun float sayısı (maske, indis, evrişim
 *            tamponu); NULL: yok.
 *   init     ağırlıkları başlatır (w: katmanın ilk parametresi, b: bias'ı); NULL: yok.
 *   forward  out (B, çıkış) <- inp (B, giriş). train: eğitim kipi (dropout etkin).
 *   backward BİRİKTİRME KURALI (bkz. common/README.md): dinp, dw, db'ye EKLER.
 *            dinp NULL: giriş gradyanı gerekmez; dw/db NULL: katman dondurulmuş.
 *            l->act ileri geçişin çıkışıdır (ReLU/sigmoid/tanh onu kullanır).
 *   describe net_describe'daki kısa tanım ("dense(256)"); NULL ise yalnızca ad.
 */
#ifndef DOAA_LAYERS_H
#define DOAA_LAYERS_H
#include <stddef.h>
#include "core/rng.h"
#include "model/net.h"

typedef struct {
    const char *name;
    int (*shape)(Layer *l, char *err, size_t errlen);
    size_t (*aux)(const Layer *l, int max_batch);
    void (*init)(const Layer *l, float *w, float *b, Rng *rng);
    void (*forward)(Layer *l, float *out, const float *inp, const float *w, const float *b, int B,
                    int train, Rng *rng);
    void (*backward)(const Layer *l, float *dinp, float *dw, float *db, const float *dout,
                     const float *inp, const float *w, int B);
    int (*describe)(const Layer *l, char *buf, size_t len);
} LayerOps;

/* Türün tablo satırı; bilinmeyen türde NULL. */
const LayerOps *layer_ops(int kind);
#endif
