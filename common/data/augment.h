/*
 * augment.h — veri artırma (data augmentation): eğitim görüntülerine küçük,
 * rastgele, etiketi değiştirmeyen dönüşümler uygulamak.
 *
 * NEDEN?
 *   Model aynı 2000 görüntüyü her epoch'ta aynen görürse onları ezberler
 *   (aşırı uyum, overfitting). Her epoch'ta görüntüyü biraz çevirip, döndürüp,
 *   yakınlaştırıp kaydırırsak model "aynı nesnenin başka bir görünüşünü" görür;
 *   doğrulama (validation) başarısı genelde artar. Keras'taki RandomFlip,
 *   RandomRotation, RandomZoom ve RandomTranslation katmanlarının karşılığıdır.
 *
 * DÖNÜŞÜMLER (hepsi tek bir görüntüde, C kanalın hepsine aynı biçimde)
 *   yatay çevirme (flip):   out[y][x] = in[y][W-1-x]
 *   döndürme (rotation), yakınlaştırma (zoom), kaydırma (shift) tek bir afin
 *   dönüşümde birleşir. Merkez c = ((W-1)/2, (H-1)/2). Her çıkış pikseli p için
 *   girişte nereye bakacağımızı TERS dönüşümle buluruz (böylece delik kalmaz):
 *       q = c + R(-θ) (p - c - t) / s
 *   θ açı (pozitif: ekranda saat yönünün tersi), s ölçek (s > 1 yakınlaştırır),
 *   t = (tx, ty) piksel cinsinden kaydırma (tx > 0 sağa, ty > 0 aşağı).
 *   q tam sayı olmayan bir konumdur; değeri dört komşunun çift doğrusal
 *   (bilinear) ağırlıklı ortalamasıdır:
 *       v = (1-fx)(1-fy) I[y0][x0] + fx(1-fy) I[y0][x0+1]
 *         + (1-fx) fy I[y0+1][x0] + fx fy I[y0+1][x0+1]
 *   Ağırlıklar negatif değil ve toplamları 1: çıkış, girişin en küçük ve en
 *   büyük değeri arasında kalır. Görüntünün dışına düşen komşular için iki
 *   seçenek var: AUG_FILL_EDGE (en yakın kenar pikseli; varsayılan) ya da
 *   AUG_FILL_CONST (sabit bir değer, ör. siyah arka plan için 0).
 *   renk (rengin sınıfı belirlemediği veride, ör. her renkte daire):
 *     kanal karıştırma:     out[c] = in[π(c)], π rastgele bir sıralama
 *     kontrast/parlaklık:   out = c · in + o   (bütün kanallara aynı c ve o)
 *
 * KULLANIM
 *   AugmentConfig ac = augment_config_default();   // hepsi kapalı
 *   ac.flip = 1; ac.rotate_deg = 10; ac.zoom = 0.1f; ac.shift = 0.1f;
 *   cfg.augment = augment_batch; cfg.augment_ctx = &ac;   // bkz. train.h
 *   // ya da elle: augment_batch(x, B, C, H, W, &rng, &ac);   x (B, C*H*W)
 * augment_batch her görüntü için parametreleri rng'den çeker: aynı tohum,
 * aynı dönüşümler (belirlenimci). Değerler normalize edilmiş float'lardır.
 *
 * SINIRLAR
 *   Dikey çevirme yok (çoğu fotoğrafta gök yukarıdadır). Tek tek fonksiyonlar
 *   (augment_flip_h, augment_affine ...) derste her dönüşümü ayrı göstermek ve
 *   testler içindir.
 */
#ifndef DOAA_AUGMENT_H
#define DOAA_AUGMENT_H
#include "core/rng.h"

typedef enum { AUG_FILL_EDGE = 0, AUG_FILL_CONST = 1 } AugFill;

typedef struct {
    int flip;          /* 1: her görüntü 0,5 olasılıkla yatay çevrilir */
    float rotate_deg;  /* açı [-rotate_deg, +rotate_deg] derece aralığından; 0 = kapalı */
    float zoom;        /* ölçek [1-zoom, 1+zoom] aralığından; 0 = kapalı */
    float shift;       /* kaydırma [-shift, +shift] x (genişlik ya da yükseklik); 0 = kapalı */
    int channel_shuffle;  /* 1: renkli görüntünün kanalları rastgele sırayla yer değiştirir (RGB -> GBR ...) */
    float contrast;    /* kontrast katsayısı c, [1-contrast, 1+contrast] aralığından; 0 = kapalı */
    float brightness;  /* parlaklık kayması o, [-brightness, +brightness] (normalize birimde); 0 = kapalı */
    AugFill fill;      /* görüntü dışı: kenar pikseli ya da sabit değer */
    float fill_value;  /* AUG_FILL_CONST için */
} AugmentConfig;

/* Hepsi kapalı, kenar dolgulu bir yapılandırma. */
AugmentConfig augment_config_default(void);

/* x (B, C, H, W) içindeki her görüntüyü yatay çevirir (yerinde). */
void augment_flip_h(float *x, int B, int C, int H, int W);

/* Tek görüntü: dst (C,H,W) <- src (C,H,W) üzerinde afin dönüşüm (yukarıdaki formül).
 * deg derece, scale ölçek (> 0), tx/ty piksel. dst ile src aynı olamaz. */
void augment_affine(float *dst, const float *src, int C, int H, int W, float deg, float scale,
                    float tx, float ty, AugFill fill, float fill_value);

/* Kısayollar, tek görüntü üzerinde yerinde (içeride geçici bir kopya kullanır).
 * img (C,H,W) */
void augment_rotate(float *img, int C, int H, int W, float deg, AugFill fill, float fill_value);
void augment_zoom(float *img, int C, int H, int W, float scale, AugFill fill, float fill_value);
void augment_shift(float *img, int C, int H, int W, float tx, float ty, AugFill fill,
                   float fill_value);

/* img (C,H,W) yerinde: img = contrast * img + offset */
void augment_colour(float *img, int C, int H, int W, float contrast, float offset);
/* img (C, HW) kanallarını rng'den çekilen bir sıralamayla yer değiştirir (C <= 8). */
void augment_permute_channels(float *img, int C, int HW, Rng *rng);

/* train.h'deki AugmentFn ile uyumlu: ctx bir AugmentConfig*. x (B, C*H*W) yerinde değişir.
 * Her görüntü için sırayla çekilir: çevirme (flip açıksa), kanal sıralaması, kontrast,
 * parlaklık, açı, ölçek, tx, ty (yalnızca açık olanlar). */
void augment_batch(float *x, int B, int C, int H, int W, Rng *rng, void *ctx);
#endif
