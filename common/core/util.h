/*
 * util.h — küçük yardımcılar: hata bildirme, bellek, zaman, dosya yazma.
 *
 * KULLANIM
 *   die("model dosyası '%s': sürüm %d desteklenmiyor", path, v);
 *       stderr'e "hata: ..." yazar ve programı 1 koduyla bitirir.
 *   float *p = xmalloc(n * sizeof(float));   // bellek yoksa die()
 *   FILE *f = xfopen("a.dat", "w");          // açılamazsa dosya adını söyleyip die()
 *   double t = now_sec();                    // monoton saat, saniye
 *   mkdir_p("plots/lesson02");               // ara klasörlerle birlikte oluşturur
 *   atomic_write_begin/commit: dosyayı önce benzersiz bir geçici adla yazar, sonra rename eder;
 *       yarıda kalan bir yazma eski dosyayı asla bozmaz.
 *
 * SINIRLAR
 *   die() geri dönmez; kütüphane fonksiyonları kullanıcı girdisinde (dosyalar,
 *   bayraklar) hata mesajını Türkçe ve dosya adıyla verir.
 */
#ifndef DOAA_UTIL_H
#define DOAA_UTIL_H
#include <stddef.h>
#include <stdio.h>

#if defined(__GNUC__)
#define DOAA_NORETURN __attribute__((noreturn))
#define DOAA_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DOAA_NORETURN
#define DOAA_PRINTF(a, b)
#endif

void die(const char *fmt, ...) DOAA_NORETURN DOAA_PRINTF(1, 2);
void warnf(const char *fmt, ...) DOAA_PRINTF(1, 2);
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
FILE *xfopen(const char *path, const char *mode);
double now_sec(void);
int mkdir_p(const char *path);          /* 0: başarılı, -1: hata (errno) */
int file_exists(const char *path);
long peak_rss_kb(void);                 /* işlemin en yüksek bellek kullanımı (KiB) */

/* Atomik yazma: begin aynı klasörde benzersiz adlı "path.XXXXXX" geçici dosyasını
 * açar (açamazsa NULL, errno); commit kapatır, fsync eder ve path üzerine rename
 * eder (hata: -1, geçici dosya silinir); abort geçici dosyayı siler. */
FILE *atomic_write_begin(const char *path, char *tmp_path, size_t tmp_len);
int atomic_write_commit(FILE *f, const char *tmp_path, const char *path);
void atomic_write_abort(FILE *f, const char *tmp_path);

/* errno için Türkçe açıklama (sık görülenler; diğerleri için strerror). */
const char *tr_strerror(int err);

/* Ders yürüyüşünün adım başlığı: "\n=== Adım k/n: başlık ===" (ders kitabı çıktıyı
 * bu satırlardan adımlara böler; biçimi değiştirmeyin). */
void step_banner(int k, int n, const char *title);

/* Sıralama için median (dizi yerinde sıralanır). */
double median_d(double *v, int n);
/* En büyük elemanın indisi (eşitlikte ilki); v (n), n >= 1. Tek kopya: sınıflandırma
 * tahmini, dikkat satırının en çok baktığı konum, havuz penceresi... hepsi bunu kullanır. */
int argmax(const float *v, int n);
#endif
