/*
 * ek.h — sayıdan sonra gelen Türkçe ek, sayının OKUNUŞUNA göre: "32'si" (otuz iki),
 * "64'ü" (altmış dört), "%84,7'si" (… virgül yedi), "0,1'in" (sıfır virgül bir).
 * Sayı, yazıldığı metinle verilir ("32", "84.7", "0,25"); ondalık kısmı varsa okunuşun son
 * sözcüğü ondalık kısmınınkidir. Ek ünlü uyumuyla ve son sesin ünlü/ünsüz oluşuyla seçilir.
 */
#ifndef DOAA_EK_H
#define DOAA_EK_H

typedef enum {
    EK_IYELIK,   /* "haritanın 32'si", "sayıların 4'ü" (3. tekil iyelik) */
    EK_BELIRTME, /* "18,47'yi aşmak" */
    EK_TAMLAYAN, /* "0,1'in altına" */
    EK_YONELME   /* "5'e kadar" */
} EkTur;

/* Sayının okunuşunun son sözcüğü ("32" -> "iki", "1000" -> "bin", "0" -> "sıfır"). */
const char *tr_son_sozcuk(const char *num);
/* Kesme işaretinden sonra yazılacak ek ("si", "ü", "in", "ye", ...). */
const char *tr_ek(const char *num, EkTur t);
/* Kolaylık: tam sayı için, ve printf'in "%.<ondalık>f" ile yazdığı sayı için aynı ek. */
const char *tr_ek_int(long n, EkTur t);
const char *tr_ek_f(double x, int decimals, EkTur t);
#endif
