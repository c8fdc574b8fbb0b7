/*
 * charcorpus.h — karakter düzeyinde dil modeli verisi: kod noktası sözlüğü ve
 * metin dosyasını simge (token) dizisine çevirmek. Ders 16 (küçük GPT) kullanır.
 *
 * SÖZLÜK DOSYASI (lessons/tools/gpt_data.c yazar)
 *   DOAA-SOZLUK 1
 *   30                    <- simge sayısı V
 *   U+000A                <- her satırda bir kod noktası, kesin artan sırada
 *   U+0061 ...
 *   Simge numarası satır sırasıdır: 0 = ilk satır. '\n' (satır sonu) de bir
 *   simgedir: ad derleminde "ad bitti" demektir.
 *
 * METİN DOSYASI
 *   UTF-8; bütün dosya tek bir simge akışı olur (satır sonları dahil).
 *
 * KULLANIM
 *   CharVocab v; char err[512];
 *   if (charvocab_load(&v, "data/gpt/names_vocab.txt", err, sizeof err)) { hata }
 *   TokenStream s;
 *   if (corpus_load(&s, "data/gpt/names_train.txt", &v, 0, err, sizeof err)) { hata }
 *   ... s.ids[0 .. s.n-1] ...
 *   corpus_free(&s);
 *   int n = charvocab_encode(&v, "kara", ids, 64, err, sizeof err);  // sözlük dışı: -1
 *
 * DOĞRULAMA
 *   Sözlük: başlık, sayı (2..CHARVOCAB_MAX), geçerli ve kesin artan kod noktaları,
 *   dosya boyu. Metin: boyut sınırı (CORPUS_MAX_BYTES), boş değil, geçerli UTF-8,
 *   her karakter sözlükte. Hata metni dosyayı, satırı ve karakteri söyler.
 */
#ifndef DOAA_CHARCORPUS_H
#define DOAA_CHARCORPUS_H
#include <stddef.h>
#include <stdint.h>

#define CHARVOCAB_MAX 512
#define CORPUS_MAX_BYTES (64L << 20)

typedef struct {
    int V;
    uint32_t cp[CHARVOCAB_MAX]; /* simge -> kod noktası (artan) */
} CharVocab;

typedef struct {
    int *ids;  /* (n) simgeler */
    long n;
} TokenStream;

int charvocab_load(CharVocab *v, const char *path, char *err, size_t errlen);
/* Kod noktasının simgesi; sözlükte yoksa -1. */
int charvocab_id(const CharVocab *v, uint32_t cp);
/* Metni simgelere çevirir (en çok max). Dönüş: simge sayısı; bozuk UTF-8, sözlük
 * dışı karakter (karakter ve kaçıncı olduğu söylenir) ya da max aşımı: -1 ve err. */
int charvocab_encode(const CharVocab *v, const char *text, int *ids, int max, char *err, size_t errlen);
/* Simgeleri UTF-8 metne yazar (cap'e sığdığı kadar, NUL ile biter). */
void charvocab_decode(const CharVocab *v, const int *ids, int n, char *out, size_t cap);
/* Dosyanın tamamını yükler. max_chars > 0 ise ilk max_chars simge (satır sonunda
 * kesilir) alınır. 0 / -1 (err). */
int corpus_load(TokenStream *s, const char *path, const CharVocab *v, long max_chars, char *err,
                size_t errlen);
void corpus_free(TokenStream *s);
#endif
