/*
 * cli.h — her dersin ortak komut satırı bayrakları (getopt_long ile).
 *
 * Her ders şu bayrakları tanır:
 *   --quick        küçük alt küme, birkaç saniye (testler bunu kullanır)
 *   --epochs N     eğitim turu (epoch) sayısı
 *   --seed N       rastgele üreteç tohumu (aynı tohum + --threads 1 = aynı sayılar)
 *   --threads N    OpenMP iş parçacığı sayısı
 *   --data DİZİN   dört MNIST biçimli IDX dosyasını tutan klasör (düz ya da .gz)
 *   --quiz         dersin sınavını sorar
 *   --answers DOSYA  sınavı bu cevap dosyasıyla etkileşimsiz notlandırır (--quiz ile)
 *   --ascii        grafikleri terminalde metin olarak da çizer
 *   --help         Türkçe yardım
 * İsteğe bağlı olanlar (ders cli_parse'a hangilerini istediğini söyler):
 *   --predict DOSYA, --label SINIF, --images DİZİN, --model DOSYA, --translate METİN
 *
 * KULLANIM
 *   LessonArgs a;
 *   cli_parse(argc, argv, &a, &(CliSpec){ .name = "lesson02",
 *             .title = "Çok katmanlı algılayıcı (MLP)", .default_epochs = 10,
 *             .extras = CLI_PREDICT | CLI_MODEL });
 * Bilinmeyen bayrak ya da hatalı sayı: Türkçe hata, çıkış kodu 2.
 */
#ifndef DOAA_CLI_H
#define DOAA_CLI_H

enum { CLI_PREDICT = 1, CLI_LABEL = 2, CLI_IMAGES = 4, CLI_MODEL = 8,
       CLI_NO_DATA = 16,    /* ders MNIST okumaz: --data yardımda görünmez, verilirse hata */
       CLI_NO_EPOCHS = 32,   /* ders eğitim yapmaz: --epochs yardımda görünmez, verilirse hata */
       CLI_TRANSLATE = 64 }; /* --translate METİN: diziden diziye derslerde kendi girdiniz */

typedef struct {
    const char *name;        /* "lesson02" */
    const char *title;       /* dersin Türkçe başlığı */
    int default_epochs;
    int default_seed;        /* 0 ise 42 */
    int extras;              /* CLI_PREDICT | ... */
    int default_threads;     /* --threads verilmezse: 0 = tüm çekirdekler; 1 = tek iş parçacığı
                                (matrisleri küçük dersler için: eşitleme maliyeti hesabı aşar) */
    const char *extra_help;  /* isteğe bağlı: ek yardım metni (seçeneklerden sonra basılır) */
    const char *epochs_help; /* isteğe bağlı: --epochs'un bu dersteki anlamı */
} CliSpec;

typedef struct {
    int quick, epochs, seed, threads, quiz, ascii;
    const char *data_dir;    /* varsayılan: data/mnist */
    const char *answers;     /* --answers */
    const char *predict;     /* --predict */
    const char *label;       /* --label */
    const char *images;      /* --images */
    const char *model;       /* --model */
    const char *translate;   /* --translate */
    int epochs_given;        /* kullanıcı --epochs verdi mi */
    int threads_given;       /* kullanıcı --threads verdi mi */
} LessonArgs;

void cli_parse(int argc, char **argv, LessonArgs *a, const CliSpec *spec);
/* Sayı ayrıştırma: tamamı sayı değilse ya da aralık dışıysa hata (çıkış 2). */
long cli_parse_long(const char *flag, const char *s, long lo, long hi);
/* Derse özgü "--ad N" bayrağı: argv'de varsa sayıyı [lo, hi] içinde okuyup *val'e yazar, çifti
 * argv'den çıkarır (*argc 2 azalır) ve 1 döndürür; yoksa 0. cli_parse'tan önce çağrılır.
 * Sayısı eksik ya da geçersizse hata (çıkış 2). */
int cli_take_long(int *argc, char **argv, const char *name, long lo, long hi, long *val);
#endif
