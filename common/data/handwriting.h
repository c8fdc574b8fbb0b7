/*
 * handwriting.h — kağıda yazılmış bir rakamın fotoğrafını MNIST'in beklediği
 * 28x28 girdiye çevirmek.
 *
 * MNIST NASIL YAPILDI? (LeCun, Cortes, Burges)
 *   Taranmış siyah-beyaz rakamlar, en-boy oranı korunarak 20x20'lik bir kutuya
 *   sığacak biçimde küçültüldü (kenar yumuşatma, anti-aliasing, gri tonlar
 *   üretti); sonra 28x28'lik alana, piksellerin kütle merkezi (center of mass)
 *   alanın ortasına, (14,14)'e gelecek biçimde yerleştirildi. Zemin siyah (0),
 *   mürekkep beyazdır (255). Modelimiz yalnızca böyle görüntüler gördü: başka
 *   türlü hazırlanmış bir fotoğrafı (beyaz kağıt, köşede küçük bir rakam) büyük
 *   olasılıkla yanlış okur. Bu dosya aynı hazırlığı bir fotoğrafa uygular.
 *
 * ADIMLAR (handwriting_from_gray)
 *   1. Gri ton: renkli dosya parlaklığa çevrilir; saydam (alfa kanallı) bir çizim
 *      beyaz kâğıdın üstüne konur. Uzun kenarı HW_WORK_SIDE'dan büyükse görüntü
 *      önce küçültülür (stb_image_resize; gürültü de azalır).
 *   2. Kutup (polarity): kağıt görüntünün çoğunluğudur; ortanca (median)
 *      parlaklık 128'den büyükse koyu mürekkep açık kağıttadır ve görüntü ters
 *      çevrilir (v = 255 - v): MNIST'teki gibi mürekkep parlak olur.
 *   3. Zemini silmek: kağıt her yerde aynı gri değildir (gölge, ışık). Görüntü
 *      8x8 hücreye bölünür, her hücrenin zemin düzeyi hücredeki değerlerin
 *      %30'luk dilimidir (percentile; hücrenin çoğu kağıt olduğu sürece mürekkep
 *      bunu etkilemez); bu düzey çift doğrusal aradeğerlemeyle (bilinear) her
 *      piksele yayılır ve çıkarılır. Kalan: v' = max(0, v - zemin).
 *   4. Eşik (Otsu, 1979): v' histogramını iki sınıfa, sınıflar arası varyansı
 *      en büyük yapan t eşiğiyle ayırır: σ²_B(t) = ω0 ω1 (μ0 - μ1)². İki sınıfın
 *      ortalamaları arasındaki fark küçükse (HW_MIN_CONTRAST) görüntüde mürekkep
 *      yoktur (boş kağıt): hata.
 *   5. Lekeleri atmak: eşiği geçen pikseller 8-komşulukla bağlı parçalara
 *      (connected components) ayrılır; en büyüğünün %5'inden küçük parçalar
 *      (kağıt dokusu, toz) ve görüntünün kenarına değenler (masa, kağıt kenarı,
 *      gölge) atılır — yalnızca kenara değen parçalar kalırsa en büyüğü tutulur.
 *   6. Kırpma: kalan mürekkebin sınır kutusu (bounding box) kesilir; kenar
 *      yumuşaklığı kaybolmasın diye mürekkebe komşu pikseller de gri değerleriyle
 *      tutulur; mürekkebin %90'lık dilimi 255'e gerilir (kontrast).
 *   7. Kalınlık: MNIST'te çizgi kalınlığı kutunun ~%10-15'idir (20 pikselde 2-3
 *      piksel). Tükenmez kalemle yazılmış büyük bir rakam küçültülünce çizgisi
 *      kaybolur. Çizgi kalınlığı ≈ 2 · alan / kenar uzunluğu ile tahmin edilir;
 *      küçültülmüş kalınlık HW_MIN_STROKE pikselden azsa çizgi önce büyük
 *      görüntüde en büyük değer süzgeciyle (max filter, "dilation") kalınlaştırılır.
 *   8. 20x20'ye sığdırma: uzun kenar 20 piksel olur, oran korunur (stb_image_resize).
 *   9. 28x28'e yerleştirme: kütle merkezi (14,14)'e gelecek biçimde kaydırılır
 *      (kutu alanın dışına taşmayacak kadar).
 *
 * KULLANIM
 *   uint8_t x[784]; HandwritingInfo info; char err[512];
 *   if (handwriting_prepare("rakam.jpg", x, &info, err, sizeof err) != 0) die("%s", err);
 *   // x: (28,28), 0 = zemin, 255 = mürekkep; ağ için x/255
 *
 * HATALAR
 *   0 başarılı, -1 hata: err'e dosyanın adını ve nedenini söyleyen Türkçe bir cümle
 *   yazılır (okunamayan dosyada stb_image'in gerekçesi, stbi_failure_reason(),
 *   parantez içinde eklenir; boş kağıtta "rakam bulunamadı").
 *
 * SINIRLAR
 *   Tek bir rakam bekler (birden çok rakam bir arada kırpılır). Kağıt, görüntünün
 *   yarısından fazlasını kaplamalı. Çok eğik çekilmiş fotoğrafların perspektifi
 *   düzeltilmez.
 */
#ifndef DOAA_HANDWRITING_H
#define DOAA_HANDWRITING_H
#include <stddef.h>
#include <stdint.h>

#define HW_SIDE 28            /* MNIST alanı */
#define HW_BOX 20             /* rakamın sığdırıldığı kutu */
#define HW_WORK_SIDE 1024     /* daha büyük fotoğraflar önce bu boya küçültülür */
#define HW_MIN_CONTRAST 40.0f /* mürekkep ile kağıt ortalamaları arasında en az fark */
#define HW_MIN_STROKE 2.0f    /* 20x20 kutuda istenen en ince çizgi (piksel) */

typedef struct {
    int src_w, src_h;        /* dosyadaki boy */
    int work_w, work_h;      /* işlenen boy (gerekirse küçültülmüş) */
    int inverted;            /* 1: koyu mürekkep açık kağıt -> ters çevrildi */
    float median;            /* ortanca parlaklık (ters çevirmeden önce, 0..255) */
    int threshold;           /* Otsu eşiği (zemin çıkarıldıktan sonra) */
    float contrast;          /* mürekkep ve kağıt sınıflarının ortalama farkı */
    int ncomponents, nkept;  /* bağlı parça sayısı ve tutulanlar */
    int bx0, by0, bx1, by1;  /* mürekkebin sınır kutusu (işlenen görüntüde, bx1/by1 dahil değil) */
    float stroke;            /* tahmini çizgi kalınlığı (işlenen görüntüde, piksel) */
    int dilate;              /* kalınlaştırma yarıçapı (0: gerekmedi) */
    int fit_w, fit_h;        /* 20x20 kutuya sığdırılmış boy */
    int off_x, off_y;        /* 28x28 alandaki sol üst köşe */
    float com_x, com_y;      /* sonucun kütle merkezi (piksel indisleriyle) */
} HandwritingInfo;

/* Dosyadan: out (28*28) uint8, 0 zemin / 255 mürekkep. info NULL olabilir. */
int handwriting_prepare(const char *path, uint8_t *out, HandwritingInfo *info, char *err,
                        size_t errlen);
/* Bellekteki gri görüntüden (gray (h,w), 0..255); name hata mesajlarında kullanılır. */
int handwriting_from_gray(const char *name, const uint8_t *gray, int w, int h, uint8_t *out,
                          HandwritingInfo *info, char *err, size_t errlen);
/* (28*28) görüntünün kütle merkezi (piksel indisleriyle); toplam 0 ise -1 döner. */
int handwriting_center_of_mass(const uint8_t *img, int w, int h, float *cx, float *cy);
#endif
