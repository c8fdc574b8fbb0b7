/*
 * show.h — rakamları terminalde metin resim (ASCII art) olarak göstermek.
 *
 * Bir gri tonlu görüntüdeki parlaklık bir karaktere çevrilir: 0 (siyah zemin)
 * boşluk, 255 (beyaz mürekkep) '@' olur:
 *     " .:-=+*#%@"   (10 basamak; karakter = piksel * 10 / 256)
 * Terminal karakterleri yaklaşık iki kat uzun olduğu için bir karakter üst üste
 * iki pikselin parlak olanını gösterir (ince çizgiler kaybolmasın diye); böylece
 * 28x28 bir rakam 28 sütun x 14 satır olur ve kare görünür. Birkaç görüntü yan
 * yana basılabilir (her birinin üstünde bir başlık); 80 sütunluk terminale 2,
 * 100 sütunluğa 3 rakam sığar.
 *
 * KULLANIM
 *   const uint8_t *imgs[3] = { m.train.images, m.train.images + 784, ... };
 *   const char *caps[3] = { "etiket 5", "etiket 0", "etiket 4" };
 *   show_digits(stdout, imgs, caps, 3, 28, 28);
 *
 * SINIRLAR
 *   Yalnızca tek kanallı uint8 görüntüler (MNIST biçimi); başlıklar en çok
 *   cols+2 karakterde kesilir (UTF-8 harfleri kesilmeden önce bütün tutulur).
 */
#ifndef DOAA_SHOW_H
#define DOAA_SHOW_H
#include <stdint.h>
#include <stdio.h>

/* Pikselin metin karakteri (0 -> ' ', 255 -> '@'). */
char show_pixel_char(uint8_t p);
/* imgs[i] (rows*cols) görüntülerini yan yana basar; caps NULL olabilir. */
void show_digits(FILE *out, const uint8_t *const *imgs, const char *const *caps, int n, int rows,
                 int cols);

/* Türkçe metni tabloda hizalamak için: lesson/term.h (term_pad, term_rpad). */
#endif
