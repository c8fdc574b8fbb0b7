/*
 * seqtask.h — diziden diziye (sequence to sequence, seq2seq) dersleri için üretilen
 * iki görev: simge dizisini TERS ÇEVİRME / KOPYALAMA ve rakamla yazılmış sayıyı
 * TÜRKÇE YAZIYA çevirme. Veri indirilmez; her şey tohumlu (seeded) bir üreteçle
 * burada üretilir. Ders 06 (GRU kodlayıcı–kod çözücü) ve ders 12 (Transformer)
 * aynı görevleri ve AYNI SABİT TEST KÜMESİNİ kullanır; eğriler karşılaştırılabilir.
 *
 * GÖREVLER
 *   SEQ_REVERSE  kaynak: L harflik rastgele dizi ("çkağe"), hedef: tersi ("egakç").
 *                Harfler Türk alfabesinin ilk nsym harfi (a b c ç d e f g ğ h ı i
 *                ...; en çok 29). Uzunluk L = dizinin harf sayısı.
 *   SEQ_COPY     aynı diziler, hedef kaynağın kendisi.
 *   SEQ_NUMBER   kaynak: üçlü gruplanmış rakamlar "1 234 567", hedef: okunuşu
 *                "bir milyon iki yüz otuz dört bin beş yüz altmış yedi".
 *                Uzunluk L = rakam sayısı (1..12; kaynak L + (L-1)/3 karakter).
 *                Sıralama değişir (yüzler basamağı "yüz"den önce okunur, "bin"
 *                grubun SONUNA gelir) ve hedef kaynaktan çok daha uzundur (12 rakam
 *                -> 100'ü aşkın karakter).
 *                Türkçe kuralları: "yüz" ve "bin" önüne "bir" almaz (100 = yüz,
 *                1 000 = bin, 1 100 = bin yüz) ama "bir milyon", "bir milyar";
 *                101 000 = "yüz bir bin" (grup 1'e eşit değil, 101'dir).
 *                Sıfır yalnızca sayının kendisi 0 ise okunur ("sıfır").
 *                Örnekleme: rakam sayısı verilen L; her 3'lü grup (en soldaki
 *                hariç) 1/5 olasılıkla 000, 1/10 olasılıkla 001 yapılır ki "bin"
 *                ve boş grup kuralları sık görülsün.
 *
 * SİMGELER (token)
 *   Metin UTF-8 baytları değil KOD NOKTALARIDIR (code point): "ğ" iki bayttır ama tek
 *   simgedir. Sözlükte (vocabulary) 0 = PAD (dolgu), 1 = BOS (başla), 2 = EOS (bitti),
 *   3.. = görevin karakterleri. Kaynak ve hedef sözlükleri ayrıdır (ters çevirmede
 *   içerikleri aynıdır). Her kaynak ve hedef dizisinin sonunda EOS vardır; kod
 *   çözücünün girdisi BOS ile başlar (bkz. seq_shift_right).
 *
 * KULLANIM
 *   SeqTask t;
 *   seqtask_init(&t, SEQ_REVERSE, 20, 5, 40);    // 20 harf, uzunluk 5..40
 *   SeqSet test;
 *   seqtask_testset(&t, 100, &test);            // her uzunluktan 100 örnek, SABİT tohum
 *   int S = seqtask_src_width(&t, 17);          // L = 17 için kaynak simge sayısı (+EOS)
 *   int Tm = seqtask_tgt_cap(&t);               // en uzun hedef (+EOS)
 *   int *src = malloc(B*S), *tgt = malloc(B*Tm), tlen[B];
 *   seqtask_batch(&t, &rng, B, 17, src, tgt, tlen);  // eğitim yığını: hepsi L = 17
 *   ...
 *   seqset_free(&test); seqtask_free(&t);
 *
 *   Yığındaki bütün örneklerin kaynak uzunluğu aynıdır (dolgu yok, kodlayıcıda
 *   maske gerekmez); hedefler farklı uzunlukta olabilir (sayı görevi): tgt satırı
 *   EOS'tan sonra PAD ile dolar, kayıp PAD konumlarında alınmaz.
 *
 * SABİT TEST KÜMESİ (held-out)
 *   seqtask_testset, kullanıcının --seed'inden BAĞIMSIZ sabit bir tohumla
 *   (SEQ_TEST_SEED) üretir ve kaynaklarını bir karma (hash) kümesine yazar;
 *   bundan sonra seqtask_batch bu kümedeki hiçbir kaynağı eğitime vermez
 *   (yeniden çeker). Küçük uzunluklarda (ör. 1 rakamlı sayılar: 10 olasılık) test
 *   kümesi olasılıkların en çok yarısını alır; geri kalanı eğitimde görülür.
 *   testset bir kez, ilk seqtask_batch'ten ÖNCE çağrılmalıdır.
 *
 * YARDIMCILAR
 *   utf8_decode        doğrulamalı UTF-8 çözücü (bozuk bayt, fazla uzun kodlama,
 *                      vekil (surrogate) reddedilir).
 *   seqvocab_encode    metni simgelere çevirir; sözlükte olmayan karakterde hata
 *                      metni karakteri ve konumunu söyler.
 *   seqvocab_decode    simgeleri metne (EOS'ta durur, PAD/BOS atlanır).
 *   seq_number_words   uint64 -> Türkçe okunuş (10^15'ten küçük sayılar).
 *   seqtask_align      hedefin her harfinin çevirdiği kaynak konumu (dikkat
 *                      haritalarını ölçmek için; ters çevirmede L−1−i).
 *   seq_number_normalize  kullanıcının yazdığı "1234567" ya da "1 234 567"yi görevin
 *                      kaynak biçimine ("1 234 567") getirir; rakam dışı karakter,
 *                      fazla rakam, boş girdi için Türkçe hata.
 *
 * SINIRLAR
 *   Sözlük en çok SEQ_VOCAB_MAX simge; ters çevirme uzunluğu 1..SEQ_MAX_LEN;
 *   sayı görevi 1..12 rakam. Bütün diziler int simgedir. Fonksiyonlar hatada -1
 *   döndürür ve err'e Türkçe bir cümle yazar; programlama hataları (geçersiz
 *   parametre) abort eder.
 */
#ifndef DOAA_SEQTASK_H
#define DOAA_SEQTASK_H
#include <stddef.h>
#include <stdint.h>

#include "core/rng.h"

#define SEQ_PAD 0
#define SEQ_BOS 1
#define SEQ_EOS 2
#define SEQ_NSPECIAL 3
#define SEQ_VOCAB_MAX 64
#define SEQ_MAX_LEN 200          /* ters çevirme/kopyada en uzun dizi */
#define SEQ_NUMBER_MAX_DIGITS 12
#define SEQ_TEST_SEED 20260611ULL /* test kümesinin sabit tohumu (--seed'den bağımsız) */
#define SEQ_VAL_SEED 20261202ULL  /* doğrulama kümesinin sabit tohumu */

typedef enum { SEQ_REVERSE = 0, SEQ_COPY = 1, SEQ_NUMBER = 2 } SeqKind;

typedef struct {
    int n;                          /* simge sayısı (özel simgeler dahil) */
    uint32_t cp[SEQ_VOCAB_MAX];     /* simge -> kod noktası (özel simgelerde 0) */
} SeqVocab;

typedef struct {
    SeqKind kind;
    int nsym;               /* ters çevirme/kopya: alfabe boyu */
    int min_len, max_len;   /* L aralığı (harf ya da rakam sayısı) */
    SeqVocab src, tgt;      /* kaynak ve hedef sözlükleri */
    int src_cap, tgt_cap;   /* en uzun kaynak / hedef (EOS dahil) */
    uint64_t *held;         /* test kaynaklarının karma kümesi (açık adresleme; 0 = boş) */
    size_t held_cap, held_n;
} SeqTask;

/* Test kümesi: örnekler L'ye göre artan sırada, satırlar PAD ile dolu. */
typedef struct {
    int n;                  /* örnek sayısı */
    int src_cap, tgt_cap;   /* satır genişlikleri (simge) */
    int *src, *tgt;         /* (n, src_cap), (n, tgt_cap); her satır EOS ile biter */
    int *src_len, *tgt_len; /* (n) EOS dahil uzunluk */
    int *len;               /* (n) örneğin L'si */
} SeqSet;

/* kind için görevi kurar. nsym: ters çevirme/kopyada alfabe boyu (2..29), sayı
 * görevinde yok sayılır. L aralığı: ters çevirmede 1..SEQ_MAX_LEN, sayıda 1..12. */
void seqtask_init(SeqTask *t, SeqKind kind, int nsym, int min_len, int max_len);
void seqtask_free(SeqTask *t);
/* L için kaynak simge sayısı (EOS dahil). */
int seqtask_src_width(const SeqTask *t, int L);
/* Bu görevdeki en uzun kaynak / hedef (EOS dahil): tampon boyları için. */
int seqtask_src_cap(const SeqTask *t);
int seqtask_tgt_cap(const SeqTask *t);
/* Tek örnek, kaynak ve hedef METİN olarak (UTF-8). Test kümesine bakmaz. */
void seqtask_sample_text(const SeqTask *t, Rng *r, int L, char *src, size_t srccap, char *tgt,
                         size_t tgtcap);
/* Bir kaynak metnin doğru hedefi (ör. "1 234" -> "bin iki yüz otuz dört"). 0 / -1. */
int seqtask_target_text(const SeqTask *t, const char *src, char *tgt, size_t cap);
/* Eğitim yığını: B örnek, hepsinin L'si aynı. src (B, seqtask_src_width(L)),
 * tgt (B, seqtask_tgt_cap) PAD dolgulu, tgt_len (B) EOS dahil. Test kümesindeki
 * kaynaklar atlanır. Dönüş: kaynak genişliği. */
int seqtask_batch(SeqTask *t, Rng *r, int B, int L, int *src, int *tgt, int *tgt_len);
/* Her L için per_len örnek (küçük L'de olasılıkların en çok yarısı), sabit tohumla. */
void seqtask_testset(SeqTask *t, int per_len, SeqSet *s);
/* Doğrulama kümesi (validation set): testset gibi, ama başka bir sabit tohumla
 * (SEQ_VAL_SEED) ve test kümesindeki kaynaklar atlanarak (küçük L'de olasılıkların
 * en çok dörtte biri); kaynakları da eğitimden çıkarılır. Modelle ilgili kararlar (ör. hangi katmanın hizalamasına bakılacağı) bu
 * kümede verilir, test kümesi yalnızca son ölçüm içindir. testset'ten SONRA çağrılır. */
void seqtask_valset(SeqTask *t, int per_len, SeqSet *s);
/* s'nin kaynaklarını t'nin eğitim yığınlarından çıkarır: ör. 5..40'lık görevin test
 * kümesi, eğitimi 5..48 uzunluklarla yapan görevden. Vocab'lar aynı olmalıdır. */
void seqtask_exclude(SeqTask *t, const SeqSet *s);
/* s içinde L'si verilen örneklerin ilki ve sayısı (yoksa *count = 0). */
void seqset_range(const SeqSet *s, int L, int *first, int *count);
void seqset_free(SeqSet *s);
/* Kaynak ids (n) test kümesinde mi? */
int seqtask_is_held(const SeqTask *t, const int *ids, int n);

/* Hizalama (alignment): hedefin i. harfi kaynağın hangi konumunu "çeviriyor"?
 * align[i] = kaynak konumu ya da -1 (sözcük arası boşluk; "bin", "milyon" gibi ölçek
 * sözcükleri tek bir rakamın okunuşu değildir). Ters çevirmede L−1−i, kopyada i.
 * Sayıda her basamak sözcüğü kendi rakamına bağlanır: "234" -> "iki yüz" 2'ye, "otuz"
 * 3'e, "dört" 4'e; 1 000'deki tek "bin" 1'e. Dikkat ağırlıklarını sınamak için.
 * Dönüş: hedef uzunluğu (EOS hariç; seqtask_batch'in hedefiyle aynı) ya da -1. */
int seqtask_align(const SeqTask *t, const int *src, int ns, int *align, int cap);

/* Hizalama isabeti — ders 06'nın Bahdanau dikkatini ve ders 12'nin çapraz dikkatini
 * ölçen TEK tanım. att: satır r = hedefin r. harfini üretirken kaynağın S konumuna
 * dağılan dikkat ağırlıkları (satır adımı ld float); align, n: seqtask_align'ın çıktısı.
 * Kaynağa bağlı her SÖZCÜK için (aynı konuma bağlı ardışık harfler; ters çevirme ve
 * kopyada her harf tek başına) sözcüğün satırları toplanır ve toplamın en büyük olduğu
 * kaynak konumuna bakılır: o konum sözcüğün çevirdiği rakamsa isabet. Boşluklar ve
 * ölçek sözcükleri ("milyon"; align = -1) sayılmaz. Sayaçlara EKLER. */
/*
 * KARAR SATIRI (dwords, dhit; ders 12'nin başlık ölçüsü). Sözcüğün bütün harfleri kaynağa
 * bakmak zorunda değildir: "sekiz"in "s"si yazılırken hangi sözcüğün geleceği kaynaktan
 * okunur; "ekiz" ise artık kod çözücünün kendi yazdığı ön ekten bellidir ve o satırların
 * dikkati bir yere "park eder" (çoğu zaman EOS'a: dikkat çukuru, attention sink). Aynı
 * biçimde "iki yüz"ün "yüz"ü, yüzler basamağı "iki" diye okunduktan sonra kesinleşmiştir:
 * yeni bir rakam okumaz, yeri söyler ("bin", "milyon" gibi). Karar satırı ölçüsü bu yüzden
 * (1) yalnız sözcüğün İLK harfinin satırına bakar (sözcüğün seçildiği adım) ve (2) bir
 * önceki sözcükle aynı rakama bağlı sözcüğü saymaz. Ters çevirme ve kopyada her harf bir
 * sözcük olduğundan iki ölçü aynıdır.
 */
typedef struct {
    long words;  /* ölçülen sözcük */
    long hit;    /* en büyük ağırlık (sözcüğün satırları toplamında) doğru konumda */
    long near;   /* doğru konumda ya da bir komşusunda */
    long right;  /* tam bir konum sağda */
    long dwords; /* karar satırı ölçüsünün saydığı sözcük */
    long dhit;   /* sözcüğün ilk harfinin satırında en büyük ağırlık doğru konumda */
} SeqAlignHits;
void seqtask_align_hits(const SeqTask *t, const int *align, int n, const float *att, size_t ld, int S,
                        SeqAlignHits *h);

/* Kod çözücü girdisi: din[0] = BOS, din[i] = tgt[i-1] (B satır, genişlik W). */
void seq_shift_right(int *din, const int *tgt, int B, int W);

/* Doğrulamalı UTF-8 çözücü: en çok max kod noktası yazar. Dönüş: kod noktası
 * sayısı; bozuk girdi ya da max aşılırsa -1 ve err. */
int utf8_decode(const char *s, uint32_t *cps, int max, char *err, size_t errlen);
/* Kod noktasını UTF-8 olarak yazar; yazılan bayt sayısı (1..4). */
int utf8_encode(uint32_t cp, char *out);

/* Sözlük: kod noktası ekle (varsa aynı simge), simgesi (yoksa -1). */
int seqvocab_add(SeqVocab *v, uint32_t cp);
int seqvocab_id(const SeqVocab *v, uint32_t cp);
/* Metni simgelere çevirir, sonuna EOS ekler; dönüş EOS dahil uzunluk ya da -1 (err:
 * bozuk UTF-8, sözlükte olmayan karakter — karakter ve konumu söylenir —, max aşımı). */
int seqvocab_encode(const SeqVocab *v, const char *text, int *ids, int max, char *err,
                    size_t errlen);
/* Simgeleri metne çevirir: EOS'ta durur, PAD/BOS atlanır. Dönüş kod noktası sayısı. */
int seqvocab_decode(const SeqVocab *v, const int *ids, int n, char *out, size_t cap);

/* n'nin Türkçe okunuşu; n < 10^15. Dönüş yazılan bayt ya da -1 (yer yetmedi). */
int seq_number_words(uint64_t n, char *out, size_t cap);
/* "1234567", "1 234 567", " 42 " -> "1 234 567" / "42". Yalnızca rakam ve boşluk;
 * baştaki sıfırlar atılır; en çok max_digits rakam. 0 / -1 (err). */
int seq_number_normalize(const char *in, int max_digits, char *out, size_t cap, char *err,
                         size_t errlen);
#endif
