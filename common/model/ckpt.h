/*
 * ckpt.h — herhangi bir modelin (Params bloğunun) kaydı: doğrulanmış okuma ve
 * atomik yazma. Seq2Seq, Transformer, VAE, GAN, GPT... hepsi bununla kaydeder.
 *
 * DOSYA BİÇİMİ (küçük-sonlu / little-endian)
 *   "DOAACKPT" (8 bayt) | sürüm u32
 *   | tür adı: uzunluk u32 + metin           (ör. "gpt", "seq2seq-gru")
 *   | yapılandırma: sayı u32, her biri ad (u32 + metin) + değer i64  (ör. V=96, C=128)
 *   | meta: uzunluk u32 + metin             (serbest metin: sözlük, sınıf adları...)
 *   | tensör tablosu: sayı u32, her biri ad (u32 + metin) + eleman sayısı u64
 *   | parametreler f32 x toplam
 *   | CRC-32 u32 (öncesinin tümü)
 *
 * OKUMA İKİ ADIMDA
 *   Model, mimarisini (boyutlarını) dosyadaki yapılandırmadan kurar; bu yüzden
 *   önce başlık okunur, sonra aynı boyutlarla kurulan Params'a ağırlıklar:
 *
 *     Ckpt c;
 *     if (ckpt_open(&c, path, "gpt", err, sizeof err) != 0) { hata }
 *     long V, C;
 *     if (ckpt_get_int(&c, "V", 2, 4096, &V, err, sizeof err) != 0 ||
 *         ckpt_get_int(&c, "C", 8, 1024, &C, err, sizeof err) != 0) { ckpt_close(&c); hata }
 *     model_build(&m, V, C);                       // Params bloğunu kurar
 *     if (ckpt_read_params(&c, &m.P, err, sizeof err) != 0) { hata }
 *     ckpt_close(&c);
 *
 *   Her sayı okunmadan önce dosyanın gerçek boyuyla ve makul bir sınırla
 *   karşılaştırılır; hiçbir ayırma başlıktaki bir sayıya körü körüne güvenmez.
 *   Tensör adları ve boyları modelin kurduğu tabloyla birebir aynı olmalıdır;
 *   değerlerin hepsi sonlu olmalıdır (NaN/sonsuz reddedilir).
 *
 * YAZMA
 *   ckpt_save önce aynı klasörde benzersiz adlı geçici bir dosyaya yazar (mkstemp),
 *   diske boşaltır (fsync) ve sonra yeniden adlandırır: yarıda kesilen bir kayıt
 *   eski dosyayı bozmaz, geride .tmp bırakmaz. Var olan bir dosyanın üzerine
 *   yalnızca o dosya bizim bir model dosyamızsa (DOAACKPT ya da DOAAMODL imzası)
 *   yazılır: yanlışlıkla verilen bir fotoğraf ya da metin asla silinmez.
 *
 * Bütün hatalar err'e dosyanın adını ve neyin yanlış olduğunu söyleyen Türkçe
 * bir cümle yazar ve -1 döndürür; hiçbiri programı durdurmaz.
 */
#ifndef DOAA_CKPT_H
#define DOAA_CKPT_H
#include <stddef.h>
#include <stdint.h>

#include "model/params.h"

#define CKPT_MAX_CONF 64
#define CKPT_NAME_MAX 48
#define CKPT_META_MAX (1 << 20)
#define CKPT_MAX_BYTES (1LL << 31) /* 2 GiB: bu dersler için fazlasıyla yeter */

typedef struct {
    char key[CKPT_NAME_MAX];
    int64_t val;
} CkptInt;

typedef struct {
    const char *path;
    unsigned char *data;    /* dosyanın tamamı */
    size_t size;
    char kind[CKPT_NAME_MAX];
    CkptInt conf[CKPT_MAX_CONF];
    int nconf;
    char *meta;             /* NUL ile biten kopya (boş olabilir) */
    size_t tab_pos;         /* tensör tablosunun dosyadaki yeri */
} Ckpt;

/* Kaydeder. conf: nconf tane ad=değer; meta NULL olabilir. 0 / -1 (err). */
int ckpt_save(const char *path, const char *kind, const CkptInt *conf, int nconf,
              const char *meta, const Params *P, char *err, size_t errlen);

/* Dosyayı okur ve başlığı doğrular (imza, sürüm, CRC-32, boyutlar, tür adı).
 * kind NULL değilse dosyanın türü bu olmalıdır. 0 / -1 (err; c boş kalır). */
int ckpt_open(Ckpt *c, const char *path, const char *kind, char *err, size_t errlen);
/* Yapılandırmadan bir sayı; yoksa ya da [lo, hi] dışındaysa -1 ve err. */
int ckpt_get_int(const Ckpt *c, const char *key, int64_t lo, int64_t hi, int64_t *out,
                 char *err, size_t errlen);
/* Tensör tablosunu P ile karşılaştırır, ağırlıkları P->params'a yazar. */
int ckpt_read_params(const Ckpt *c, Params *P, char *err, size_t errlen);
void ckpt_close(Ckpt *c);

/* Bir modeli path'e yazmak güvenli mi? Yol klasör değil, klasörü var ve yazılabilir,
 * dosya varsa bizim bir model dosyamız (imzası DOAACKPT/DOAAMODL). Uzun bir
 * eğitimden ÖNCE çağrılır. 0 / -1 (err). */
int model_path_check_writable(const char *path, char *err, size_t errlen);
/* n baytı path'e geçici dosya + rename ile yazar (yarıda kalırsa eski dosya korunur).
 * ckpt_save ve net_save ikisi de bunu kullanır. 0 = tamam, -1 = hata (err'de). */
int model_write_file(const char *path, const void *data, size_t n, char *err, size_t errlen);
#endif
