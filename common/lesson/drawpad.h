/*
 * drawpad.h — tarayıcıda çizilen bir rakamı okumak (ders kitabının "Rakam çiz" sayfası).
 *
 * Sayfadaki tuval (canvas) beyaz zemin üstüne koyu (< 128), kalın bir kalemle çizilir; gri
 * pikselleri (0..255) buraya gelir. Akış, --predict'in fotoğrafa yaptığının aynısıdır:
 *   1. handwriting_from_gray: kutup, zemin, Otsu eşiği, sınır kutusu → en-boy oranı
 *      korunarak 20x20 → kütle merkezi (14,14)'te olacak biçimde 28x28 (bkz. handwriting.h),
 *   2. ağın ileri geçişi (değerlendirme kipi: dropout kapalı), softmax olasılıkları,
 *   3. OKUNAMAZ KURALI: ağ her girdiye bir cevap verir — boş bir tuvale, tek bir noktaya,
 *      karalamaya da. Bu yüzden cevaptan önce girdinin bir rakama benzeyip benzemediğine
 *      bakılır; benzemiyorsa sayfa "okuyamadım" der:
 *        DRAW_EMPTY     tuvalde mürekkep yok (handwriting "rakam bulunamadı" der),
 *        DRAW_DOT       mürekkebin kutusunun uzun kenarı çizgi kalınlığının
 *                       DRAW_DOT_RATIO katından kısa: bir nokta ya da kısa bir leke,
 *        DRAW_SCRIBBLE  mürekkep, kutusunun (uzun kenarı L olan kare, L x L) DRAW_MAX_INK'ten
 *                       fazlasını kaplıyor: karalama. MNIST eğitim kümesinin 60 000
 *                       rakamında (parlaklık ≥ 128 mürekkep sayılınca) bu oranın ortancası
 *                       %25, %99'u %48,7'nin, %99,9'u %57,5'in altında. Oran ham tuvalde
 *                       ölçülür, 28x28'de değil: hazırlığın zemin tahmini (8x8 hücre,
 *                       handwriting.h adım 3) mürekkeple dolu hücreyi kâğıt sanar ve yoğun
 *                       bir karalamanın çoğunu siler; geriye kalan parçalar bir rakama
 *                       benzeyebilir (denemede 40 çizgilik karalama "3" ya da "7" okundu).
 *                       Tuvalin yarısından çoğu koyuysa da karalamadır (hazırlık kâğıdı
 *                       çoğunluk sayar; o zaman zemini mürekkep sanırdı).
 *        DRAW_UNSURE    en büyük olasılık DRAW_MIN_TOP'tan küçük: ağ kararsız,
 *        DRAW_OK        rakam okundu.
 *
 * KULLANIM
 *   DrawResult r;
 *   if (drawpad_prepare(gray, w, h, &r) == DRAW_OK) drawpad_classify(&net, &r);
 *   printf("%s\n", drawpad_verdict_text(r.verdict));   // r.digit, r.probs[10], r.img[784]
 *
 * Sınırlar: tek rakam; çizgi kalınlığı kutunun ~%10'u olmalı (çok küçük yazılmış bir
 * rakam kalın görünür ve karalama sayılabilir).
 */
#ifndef DOAA_DRAWPAD_H
#define DOAA_DRAWPAD_H
#include <stdint.h>
#include "data/handwriting.h"
#include "model/net.h"

#define DRAW_DOT_RATIO 3.0f  /* kutunun uzun kenarı < 3 · çizgi kalınlığı: nokta */
#define DRAW_MAX_INK 0.60f   /* mürekkep kutusunun (L x L) bu oranından fazlası doluysa karalama */
#define DRAW_MIN_TOP 0.50f   /* en büyük olasılık bundan küçükse kararsız */

typedef enum { DRAW_OK = 0, DRAW_EMPTY, DRAW_DOT, DRAW_SCRIBBLE, DRAW_UNSURE } DrawVerdict;

typedef struct {
    DrawVerdict verdict;
    uint8_t img[HW_SIDE * HW_SIDE];   /* ağın gördüğü 28x28 (0 zemin, 255 mürekkep) */
    float x[HW_SIDE * HW_SIDE];       /* ağın girişi: img / 255 */
    float ink;                        /* ham tuvalde mürekkebin kutusunu (L x L) kaplama oranı */
    float logits[10], probs[10];
    int digit;                        /* en olası rakam (-1: sınıflandırılmadı) */
    float top;                        /* onun olasılığı */
    HandwritingInfo info;
    char err[256];                    /* DRAW_EMPTY'de handwriting'in gerekçesi */
} DrawResult;

/* Gri tuvalden (gray (h,w), 0..255) 28x28 girdiyi hazırlar ve boş/nokta/karalama
 * kurallarına bakar. Dönüş r->verdict (DRAW_OK ise drawpad_classify çağrılabilir). */
DrawVerdict drawpad_prepare(const uint8_t *gray, int w, int h, DrawResult *r);
/* Hazırlanmış girdiyi net ile sınıflandırır (10 sınıflı, 1x28x28 girişli ağ);
 * logits, probs, digit, top yazılır, kararsızsa verdict = DRAW_UNSURE. */
void drawpad_classify(Net *net, DrawResult *r);
/* Kararın Türkçe açıklaması (sayfada gösterilir). */
const char *drawpad_verdict_text(DrawVerdict v);
#endif
