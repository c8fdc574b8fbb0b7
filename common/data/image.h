/*
 * image.h — görüntü dosyalarını okumak, boyutlandırmak ve PNG olarak yazmak
 * (stb_image, stb_image_resize, stb_image_write üzerine ince bir katman).
 *
 * PİKSEL DÜZENİ
 *   Dosyadan gelen görüntü "iç içe" (interleaved, HWC) durur: her piksel için
 *   kanallar yan yana (RGBRGB...). Ağlarımız ise kanal kanal (planar, CHW)
 *   bekler: önce bütün R'ler, sonra G'ler, sonra B'ler. image_to_chw/
 *   image_from_chw bu iki düzen arasında çevirir. Değerler uint8 (0..255).
 *
 * KANALLAR
 *   want_c = 1 (gri) ya da 3 (renkli RGB); 0 ise dosyadaki gibi (1..4).
 *   stb_image dönüşümü kendisi yapar: renkliden griye parlaklık (luma)
 *   formülüyle, griden renkliye üç kanala kopyalayarak. Saydamlık (alfa) atılır.
 *
 * KULLANIM
 *   Image im; char err[512];
 *   if (image_load("kedi.jpg", 3, &im, err, sizeof err) != 0) die("%s", err);
 *   Image k; image_resize(&im, 64, 64, &k, err, sizeof err);     // yeni görüntü
 *   image_write_png("kucuk.png", k.px, k.w, k.h, k.c, err, sizeof err);
 *   image_free(&im); image_free(&k);
 *   // Ağa hazır tek adım: dosya -> (C,H,W) uint8
 *   uint8_t buf[3*64*64]; image_load_chw("kedi.jpg", 3, 64, 64, buf, err, sizeof err);
 *   // Küçük görüntülerden tek bir PNG ızgara (galeri):
 *   image_write_grid("plots/lesson05/ornekler.png", tiles, n, 1, 28, 28, 4, 8, 2, 3, err, sizeof err);
 *
 * HATALAR
 *   Her fonksiyon 0 (başarılı) ya da -1 döner; -1'de err'e dosya adını ve
 *   nedenini söyleyen Türkçe bir cümle yazılır (stb_image'in kendi gerekçesi,
 *   stbi_failure_reason(), parantez içinde eklenir). PNG'ler önce "ad.tmp" olarak
 *   yazılıp sonra yeniden adlandırılır: yarım bir dosya bırakılmaz.
 *
 * SINIRLAR VE GÜVENLİK
 *   Okunan biçimler: PNG, JPEG (temel ve progresif; aritmetik kodlama hariç), BMP,
 *   GIF (ilk kare), TGA. Biçim dosyanın ilk baytlarından (magic bytes) belirlenir,
 *   uzantıdan değil. stb_image'in okuyabildiği HDR, PNM (PGM/PPM), PSD ve PIC
 *   reddedilir: Debian bookworm'un stb_image 2.27'sinde HDR çözücüsü takılır
 *   (CVE-2021-42715), 16 bitlik PGM belleğin dışını okur (CVE-2021-42716). JPEG'in
 *   Huffman tabloları stb'den önce denetlenir (stb #1289/#1291: 256'dan çok kod
 *   tablonun dışına yazar). Boyutlar çözmeden önce başlıktan okunur: kenar en çok
 *   IMAGE_MAX_SIDE, toplam en çok IMAGE_MAX_PIXELS piksel (613 baytlık bir JPEG
 *   16384x16384 "söyleyip" 1,6 GB ayırtmasın); piksel sayısı, biçimin bir bayta
 *   sığdırabileceğinden (ör. TGA/BMP 256, JPEG 1024) fazla olamaz; dosya en çok
 *   IMAGE_MAX_FILE_BYTES.
 *   16 bitlik PNG 8 bite indirilir.
 */
#ifndef DOAA_IMAGE_H
#define DOAA_IMAGE_H
#include <stddef.h>
#include <stdint.h>

#define IMAGE_MAX_SIDE 16384
#define IMAGE_MAX_PIXELS 36000000L                /* ör. 6000x6000; 24 MP fotoğraflar sığar */
#define IMAGE_MAX_FILE_BYTES ((size_t)256 << 20)

typedef struct {
    uint8_t *px;   /* (h, w, c) iç içe piksel dizisi */
    int w, h, c;   /* genişlik, yükseklik, kanal sayısı (1..4) */
} Image;

/* Dosyayı okur. want_c: 0 (olduğu gibi), 1 (gri) ya da 3 (RGB). */
int image_load(const char *path, int want_c, Image *out, char *err, size_t errlen);
/* Bellekteki bir dosyayı çözer (image_load'un dosya okuması dışındaki her şeyi; name
 * hata mesajlarında kullanılır). */
int image_decode_mem(const char *name, const uint8_t *buf, size_t n, int want_c, Image *out,
                     char *err, size_t errlen);
/* JPEG'in Huffman tablolarını denetler (bkz. image.c); 0 sorun yok, -1 neden why'da. */
int image_jpeg_check(const uint8_t *b, size_t n, char *why, size_t whylen);
/* Toplam piksel sınırını değiştirir (bulanık sınama (fuzzing) için; n <= 0: varsayılan). */
void image_set_max_pixels(long n);
/* Yalnızca başlığı çözer (hızlı): boyut ve dosyadaki kanal sayısı. Biçim ve boyut
 * denetimleri image_load'unkilerle aynıdır. */
int image_info(const char *path, int *w, int *h, int *c, char *err, size_t errlen);
void image_free(Image *im);

/* in -> out (w x h, aynı kanal sayısı); out yeni ayrılır. */
int image_resize(const Image *in, int w, int h, Image *out, char *err, size_t errlen);

/* dst (c, h, w) <- im (h, w, c) */
void image_to_chw(const Image *im, uint8_t *dst);
/* dst (h, w, c) <- src (c, h, w) */
void image_from_chw(const uint8_t *src, int c, int h, int w, uint8_t *dst);

/* Dosyayı oku, C kanala çevir, H x W'ye boyutlandır, dst (C,H,W) planar yaz. */
int image_load_chw(const char *path, int C, int H, int W, uint8_t *dst, char *err, size_t errlen);

/* px (h, w, c) iç içe; c = 1, 3 ya da 4. Atomik yazar. */
int image_write_png(const char *path, const uint8_t *px, int w, int h, int c, char *err,
                    size_t errlen);

/* Izgara (galeri): n küçük görüntü (her biri C x th x tw, planar CHW; C = 1 ya da 3),
 * rows satır x cols sütun, aralarında spacing piksel açık gri boşluk; scale > 1 ise her
 * piksel scale x scale büyütülür (28x28 MNIST için 3 iyi bir değer). n < rows*cols ise
 * kalan hücreler boş kalır, fazlası çizilmez. tiles (n, C, th, tw) uint8. */
int image_write_grid(const char *path, const uint8_t *tiles, int n, int C, int th, int tw,
                     int rows, int cols, int spacing, int scale, char *err, size_t errlen);
/* Aynısı float döşemeler için: değerler [0,1] kabul edilir ve kırpılır (x255). */
int image_write_grid_f(const char *path, const float *tiles, int n, int C, int th, int tw,
                       int rows, int cols, int spacing, int scale, char *err, size_t errlen);
#endif
