/*
 * weave.h — ders kaynaklarını ve kayıtlı koşuları Markdown bir ders kitabına dokur.
 *
 * NE YAPAR
 *   lessons/lessonNN_<ad>.c dosyalarının her biri bir bölüm olur: textbook/NN-<ad>.md.
 *     - Sütun 0'da başlayıp satır sonunda biten blok yorumlar (/ * ... * /) düzyazıdır;
 *       dosyanın başındaki yorum bölümün girişidir, ilk satırı "Adım N: başlık" olan
 *       yorum bir adım bölümü (## Adım N: başlık) açar.
 *     - Aradaki kod, kaynak dosya ve satır aralığıyla etiketlenmiş ```c bloklarıdır.
 *     - textbook/runs/lessonNN/ altındaki gerçek koşu kaydı: output.txt, programın
 *       "=== Adım k/n: başlık ===" satırlarından (step_banner) adımlara bölünür ve her
 *       parça kendi adımının altına konur; şekiller (PNG) de adımlarının altına
 *       gömülür; quiz.txt'ten sınav soruları bölümü kapatır, cevaplar <details> içinde.
 *   Ayrıca 00-icindekiler.md (öğrenme yolu, her dersin hedefleri, ölçülen SONUÇ
 *   değerleri) ve 99-sozluk.md (textbook/sozluk.tsv'den) üretilir.
 *
 * YORUMLARIN METNE ÇEVRİLMESİ (Markdown ayrıştırıcısı değil, düz metin yazarı)
 *   Yorum düz metin kabul edilir; Markdown'ın özel karakterleri kaçırılır (\*, \_ ...).
 *   Yalnızca şu yapılar tanınır: boş satırla ayrılan paragraflar; "- ", "* ", "• ",
 *   "1. ", "1) " ile başlayan (iç içe olabilen) liste maddeleri ve girintili devamları;
 *   girintili ya da içinde hizalama boşlukları (3+ boşluk) olan satırlar formül/
 *   örnek bloğu (```formul) olur; `kod` ve $matematik$ parçaları olduğu gibi geçer.
 *
 * BELİRLENİMCİLİK
 *   Çıktı yalnızca kaynaklara ve kayıtlı koşulara bağlıdır (saat, ortam, dizin sırası
 *   kullanılmaz: her liste sıralanır). Aynı girdiler bayt bayt aynı kitabı verir;
 *   tests/test_textbook.c bunu sınar.
 *
 * KULLANIM
 *   weave [--kok DİZİN] [--cikti DİZİN]   kitabı üretir (varsayılan: . ve <kok>/textbook)
 *   weave --liste [--kok DİZİN]           bölüm dosyalarını okuma sırasıyla yazar
 *   weave --sozluk-denetimi [--kok DİZİN] sözlük kurallarını denetler (ihlalde çıkış 1)
 * Yalnızca libc (POSIX dirent dahil) kullanır.
 *
 * MODÜLLER (textbook/weave/; hepsi bu başlığı içerir; tests/test_textbook.c main.c
 * dışındakilerle bağlanır ve iç fonksiyonları doğrudan çağırır)
 *   str.c       metin tamponu (Str), hata iletisi (wv_err), dosya okuma/yazma, cksum
 *   utf8.c      UTF-8 kod noktaları, Türkçe küçük harf ve alfabe sırası
 *   lex.c       C sözcük çözümleyicisi ve düzyazı/kod bölümleme
 *   code.c      kod parçalarını tanımlara bölme (main ve sınav kodu ayrı), fonksiyon bulma
 *   markdown.c  düz metinden Markdown (kaçırma, paragraf, liste, formül bloğu)
 *   run.c       koşu kaydı (output.txt, quiz.txt, kayit.txt, sekiller.txt)
 *   lesson.c    derslerin bulunması, yüklenmesi, kaydın güncelliği
 *   chapter.c   bir dersin bölümü (NN-ad.md)
 *   glossary.c  sözlük ve sözlük kuralları denetimi
 *   index.c     içindekiler ve sözlük bölümü
 *   book.c      bütün kitabı kurma ve yazma
 *   main.c      weave komutu
 */
#ifndef DOAA_WEAVE_H
#define DOAA_WEAVE_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- str.c — büyüyen metin tamponu, hata iletisi, dosya okuma/yazma, klasör listesi, cksum */
typedef struct {
    char *s;
    size_t n, cap;
} Str;
void wv_oom(void);
void *wv_alloc(size_t n);
void str_addn(Str *b, const char *p, size_t n);
void str_add(Str *b, const char *p);
void str_addc(Str *b, char c);
void str_addf(Str *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *str_take(Str *b);
char *wv_strndup(const char *s, size_t n);
void wv_seterr(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *wv_read_file(const char *path, size_t *len);
int wv_write_file(const char *path, const char *data, size_t n);
int wv_is_dir(const char *p);
int wv_is_file(const char *p);
int wv_list_dir(const char *dir, const char *pfx, const char *sfx, char ***out);
void free_list(char **v, int n);
uint32_t wv_cksum(const unsigned char *p, size_t n);
extern char wv_err[1024]; /* son hata iletisi (Türkçe) */

/* ---- utf8.c — UTF-8 kod noktaları, Türkçe küçük harf ve Türkçe alfabe sırası */
uint32_t u8_get(const char *s, int *len);
uint32_t tr_fold(uint32_t c);
int is_wordc(uint32_t c);
int wv_tr_cmp(const char *a, const char *b);

/* ---- lex.c — C sözcük çözümleyicisi (yorum, dizge) ve düzyazı/kod bölümleme */
enum { TOK_BLOCK, TOK_LINE, TOK_STRING };
/* Kaynaktaki bir yorum ya da dizge parçası. */
typedef struct {
    int kind;            /* TOK_BLOCK (/ * * /), TOK_LINE (//), TOK_STRING ("...") */
    size_t start, end;   /* içeriğin bayt aralığı (ayraçlar hariç) */
    size_t tstart, tend; /* ayraçlar dahil aralık */
    int line0, line1;    /* 1 tabanlı ilk ve son satır */
    int prose;           /* blok yorum sütun 0'da başlıyor ve satır sonunda bitiyorsa 1 */
} Tok;
typedef struct {
    int prose;        /* 1: sütun 0 blok yorumu (düzyazı), 0: kod */
    int line0, line1; /* 1 tabanlı, kapsayıcı satır aralığı (kod: baştaki/sondaki boş satırlar hariç) */
    char *text;       /* düzyazı: yorum işaretleri ayıklanmış metin; kod: satırların kendisi */
    int step;         /* düzyazı "Adım N: ..." ile başlıyorsa N, değilse 0 */
    char *title;      /* adım başlığı (yoksa NULL) */
} Seg;
int wv_lex(const char *src, Tok **out);
int is_blank_line(const char *p, const char *e);
char *wv_clean_comment(const char *body, size_t n);
int wv_segment(const char *src, Seg **out);
void wv_free_segs(Seg *s, int n);

/* ---- code.c — kod parçalarını üst düzey tanımlara bölme; adıyla fonksiyon bulma */
typedef struct {
    int line0, line1; /* 1 tabanlı, kapsayıcı (tanımın üstündeki yorum dahil) */
    char name[64];    /* fonksiyonun ya da tablonun adı ("" bilinmiyor) */
    int hidden;       /* 1: main(), sınav kodu (run_quiz, QuizQuestion): bölümde sınavdan sonra */
    int glue;         /* 1: çoğu printf/plot_ satırı (>= %60, >= 8 satır): bölümde katlı */
} Chunk;
char *wv_mask(const char *src);
int wv_chunks(const char *src, int line0, int line1, Chunk **out);
char *wv_lines(const char *src, int line0, int line1);
int wv_find_func(const char *src, const char *name, int *line0, int *line1);

/* ---- markdown.c — düz metni Markdown'a yazma (kaçırma, paragraf, liste, formül bloğu) */
void md_inline(Str *o, const char *s, size_t n, int line_start);
void md_fence(Str *o, const char *info, const char *body);
size_t list_marker(const char *s, size_t n, int *num);
void wv_prose_md(Str *o, const char *text);

/* ---- run.c — koşu kaydı: output.txt, quiz.txt, kayit.txt, sekiller.txt */
/* Programın yazdığı bir adım parçası ("=== Adım k/n: başlık ===" ile başlar). */
typedef struct {
    int k, n;
    char *title;
    char *text; /* başlık satırından sonraki satırlar (baştaki/sondaki boşlar kırpılmış) */
} OutPart;
typedef struct {
    char *q;           /* soru metni */
    char *choices[8];  /* "a) ..." biçiminde şıklar */
    int nch;
    char *answer;      /* "b) ..." ya da sayı */
    char *explain;
} QuizItem;
/* Koşunun dayandığı bir kaynak dosya ve koşu anındaki cksum'u (kayit.txt'te
 * "dosya_cksum: SAYI YOL"; YOL depo köküne göre: lessons/... ya da common/...). */
typedef struct {
    char *path;
    uint32_t cksum;
} RunDep;
#define MAX_DEPS 256

typedef struct {
    int have;             /* kayıt var mı */
    char *pre;            /* ilk adım başlığından önceki çıktı */
    OutPart *parts;
    int nparts;
    char *sonuc;          /* son "SONUÇ:" satırı (önek hariç) */
    QuizItem *quiz;
    int nquiz;
    char *kv_keys[32], *kv_vals[32];
    int nkv;
    char **figs;          /* şekil dosya adları */
    int *figstep;         /* şeklin adımı (0: ilk adımdan önce, -1: bilinmiyor) */
    int nfigs;
    RunDep *deps;         /* kayit.txt'teki "dosya_cksum:" satırları (eski kayıtlarda yok) */
    int ndeps;
} Run;
const char *run_get(const Run *r, const char *key);
int split_lines(const char *s, char ***out);
void wv_parse_output(Run *r, const char *text);
void wv_parse_quiz(Run *r, const char *text);
int wv_load_run(Run *r, const char *dir);
void wv_free_run(Run *r);

/* ---- lesson.c — derslerin bulunması, yüklenmesi ve kayıt güncelliği (kaynak cksum) */
typedef struct {
    char id[32];      /* "lesson02" */
    char num[8];      /* "02" */
    char slug[128];   /* "mlp" */
    char chapter[160];/* "02-mlp.md" */
    char **files;     /* lessons/ altındaki dosya adları ("lesson02_mlp.c") */
    int nfiles;
    char **srcs;      /* dosya içerikleri */
    char *title;      /* bölüm başlığı */
    char *goals;      /* "Bu derste öğrenecekleriniz" maddeleri (Markdown) ya da NULL */
    Run run;
    char *stale;      /* koşudan sonra değişen dosyalar ("`a`, `b`"; wv_check_deps) ya da NULL */
    const char *root; /* depo kökü (bkz. common/... alıntıları için; wv_build_book koyar) */
    /* şekil açıklamaları: kaynaktaki "/ * Şekil ad[, ad2]: cümle * /" yorumları; ad bir
     * kabuk kalıbı olabilir (bas*_dikkat), .png'siz. Bkz. wv_fig_captions. */
    char **cap_pat, **cap_text;
    int ncap;
} Lesson;
int wv_find_lessons(const char *dir, Lesson **out);
int wv_load_lesson(Lesson *L, const char *lessons_dir, const char *runs_dir);
void wv_free_lesson(Lesson *L);
/* Kayıt güncel mi? Kayıttaki her "dosya_cksum" dosyasını root altında yeniden okuyup
 * cksum'unu karşılaştırır; dersin kayıtta olmayan bir dosyası da değişiklik sayılır.
 * Değişenleri L->stale'e yazar. Kayıtta dosya listesi yoksa (eski kayıtlar) bir şey
 * yapmaz: bölüm yalnızca ilk dosyanın kaynak_cksum'una bakar. */
void wv_check_deps(Lesson *L, const char *root);
/* Kaynaktaki şekil açıklaması yorumlarını toplar: yorumun metni "Şekil " ile başlar, ardından
 * virgülle ayrılmış şekil adları (harf, rakam, _, kalıp için * ?) ve ':' gelir; gerisi (satırlar
 * birleştirilerek) açıklamadır. "Şekil: ..." (adsız) açıklama sayılmaz. */
void wv_fig_captions(Lesson *L);
/* "ad.png" şeklinin açıklaması (ilk eşleşen yorum) ya da NULL. */
const char *wv_fig_caption(const Lesson *L, const char *png);

/* ---- chapter.c — bir dersin bölümü (NN-ad.md) */
#define INDEX_MD "00-icindekiler.md"
#define GLOSSARY_MD "99-sozluk.md"
char *wv_chapter(const Lesson *ls, int n, int i);
/* Düzyazıdaki "bkz. common/YOL.c: ad1, ad2" işaretlerinin her adı için o fonksiyonun
 * kaynağını (dosya ve satır aralığıyla) alıntılar; bulunamazsa bunu söyleyen bir not yazar. */
void wv_emit_refs(Str *o, const char *root, const char *text);

/* ---- glossary.c — sözlük (sozluk.tsv) ve sözlük kuralları denetimi */
typedef struct {
    char *tr;         /* Türkçe terim (görünen biçim) */
    char *en;         /* İngilizce karşılık(lar), virgülle ayrılmış; ilki görünen */
    char *def;        /* tek satırlık Türkçe tanım */
    int key;          /* 1: anahtar terim */
    char *forms[8];   /* eşleşmede aranan Türkçe biçimler (tr + 5. sütundakiler) */
    int nforms;
    char *ens[8];     /* İngilizce seçenekler (küçük harf) */
    int nens;
    int line;         /* sozluk.tsv'deki satır */
} Term;
typedef struct {
    Term *t;
    int n;
    char **skip;      /* sozluk_haric.txt: eşleştirme sayılmayacak parantez sözcükleri */
    int nskip;
} Glossary;
/* Okurun gördüğü metin: yorumlar ve dizgeler, satır numaralarıyla. Parçalar arasında
 * ayraç (\x01) durur, böylece eşleştirme bir parçadan ötekine taşmaz; yalnızca boşlukla
 * ayrılmış bitişik dizgeler ("a " "b") C'deki gibi birleşir. */
typedef struct {
    char *s;
    int *line;  /* her baytın kaynak satırı */
    size_t n;
} Visible;
int wv_load_glossary(Glossary *g, const char *path, const char *skip_path);
void wv_free_glossary(Glossary *g);
void wv_visible(const char *src, Visible *v);
int wv_check_lesson_glossary(const Glossary *g, const char *lesson_id, const char *file, const char *src, Str *o, int *seen);

/* ---- index.c — içindekiler (00-icindekiler.md) ve sözlük bölümü (99-sozluk.md) */
char *wv_index(const Lesson *ls, int n, const char *preface, const Glossary *g, int *const *seen);
char *wv_glossary_md(const Glossary *g, const Lesson *ls, int n, int *const *seen);

/* ---- book.c — bütün kitabı bellekte kurma ve diske yazma */
typedef struct {
    char *names[512];
    char *texts[512];
    int n;
} Book;
void wv_free_book(Book *b);
int wv_build_book(const char *root, Book *b, Str *viol, int *nviol);
int wv_is_generated_name(const char *s);
int wv_write_book(const Book *b, const char *outdir);
#endif
