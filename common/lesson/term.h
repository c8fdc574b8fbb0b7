/*
 * term.h — terminale Türkçe metin: UTF-8 genişliği ve tablo hizalama.
 *
 * NEDEN
 *   UTF-8'de "ç", "ş", "ğ" gibi harfler iki bayttır ama ekranda tek sütun kaplar;
 *   printf("%-10s") bayt sayar, bu yüzden Türkçe bir sütunu kaydırır. Buradaki
 *   işlevler sütun sayar: devam baytları (10xxxxxx) yeni bir sütun başlatmaz.
 *
 * KULLANIM
 *   term_pad("öğrenci", 10);  printf("|\n");    // "öğrenci   |"
 *   term_rpad("ağırlık", 9);                    // "  ağırlık"
 *   int w = term_cols("çıkış");                 // 5
 *   term_wrap(stdout, "   a) ", sik, 6, 79);     // 79 sütunda sözcük sınırından
 *                                               // böler, devam satırları 6 boşlukla
 *
 * SINIRLAR
 *   Her kod noktası bir sütun sayılır (Türkçe ve Latin harfleri için doğru); doğu
 *   Asya'nın geniş karakterleri ve birleşen işaretler ayrıca ele alınmaz.
 */
#ifndef DOAA_TERM_H
#define DOAA_TERM_H
#include <stdio.h>

/* s'nin ekranda kapladığı sütun sayısı */
int term_cols(const char *s);
/* s'nin ilk nbytes baytının kapladığı sütun sayısı */
int term_cols_n(const char *s, int nbytes);
/* s'yi w sütuna sola yaslı (sağını boşlukla doldurarak) basar; w'den uzunsa olduğu gibi */
void term_fpad(FILE *out, const char *s, int w);
/* stdout'a sola yaslı (term_fpad(stdout, ...)) */
void term_pad(const char *s, int w);
/* stdout'a sağa yaslı: önce boşluklar, sonra s */
void term_rpad(const char *s, int w);
/* prefix + text'i width sütuna sığacak biçimde sözcük sınırlarından bölerek basar ve
 * satırı bitirir; devam satırları indent boşlukla başlar. text'teki '\n' yeni satır
 * açar (o da indent ile). width'ten uzun tek bir sözcük bölünmez. */
void term_wrap(FILE *out, const char *prefix, const char *text, int indent, int width);
#endif
