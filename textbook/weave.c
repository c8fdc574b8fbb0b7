/*
 * weave.c — ders kaynaklarını ve kayıtlı koşuları Markdown bir ders kitabına dokur.
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
 * Yalnızca libc (POSIX dirent dahil) kullanır. Testler bu dosyayı WEAVE_NO_MAIN
 * tanımlayarak doğrudan içerir ve iç fonksiyonları çağırır.
 */
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

/* ------------------------------------------------------------------ */
/* Küçük yardımcılar: büyüyen metin tamponu, dosya okuma/yazma          */
/* ------------------------------------------------------------------ */

typedef struct {
    char *s;
    size_t n, cap;
} Str;

static void wv_oom(void) {
    fprintf(stderr, "hata: bellek yetmedi\n");
    exit(1);
}

static void *wv_alloc(size_t n) {
    void *p = calloc(1, n ? n : 1);
    if (!p) wv_oom();
    return p;
}

static void str_addn(Str *b, const char *p, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t c = b->cap ? b->cap * 2 : 256;
        while (c < b->n + n + 1) c *= 2;
        char *q = realloc(b->s, c);
        if (!q) wv_oom();
        b->s = q;
        b->cap = c;
    }
    memcpy(b->s + b->n, p, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void str_add(Str *b, const char *p) { str_addn(b, p, strlen(p)); }
static void str_addc(Str *b, char c) { str_addn(b, &c, 1); }

static void str_addf(Str *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void str_addf(Str *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[1024];
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    if ((size_t)k < sizeof tmp) {
        str_addn(b, tmp, (size_t)k);
        return;
    }
    char *big = wv_alloc((size_t)k + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)k + 1, fmt, ap);
    va_end(ap);
    str_addn(b, big, (size_t)k);
    free(big);
}

static char *str_take(Str *b) {
    if (!b->s) {
        char *e = strdup("");
        if (!e) wv_oom();
        return e;
    }
    char *s = b->s;
    b->s = NULL;
    b->n = b->cap = 0;
    return s;
}

static char *wv_strndup(const char *s, size_t n) {
    char *p = wv_alloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* Son hata iletisi (Türkçe); fonksiyonlar -1/NULL döndüğünde doldurulur. */
static char wv_err[1024];

static void wv_seterr(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void wv_seterr(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(wv_err, sizeof wv_err, fmt, ap);
    va_end(ap);
}

/* Dosyanın tamamını okur (NUL ile biter). Yoksa NULL ve errno. */
char *wv_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    Str b = {0};
    char buf[65536];
    size_t r;
    while ((r = fread(buf, 1, sizeof buf, f)) > 0) str_addn(&b, buf, r);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(b.s);
        errno = EIO;
        return NULL;
    }
    if (len) *len = b.n;
    return str_take(&b);
}

/* Dosyayı önce "yol.tmp" adıyla yazar, sonra yerine taşır. 0: başarılı. */
int wv_write_file(const char *path, const char *data, size_t n) {
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        wv_seterr("'%s' yazılamadı: %s", tmp, strerror(errno));
        return -1;
    }
    if (fwrite(data, 1, n, f) != n || fclose(f) != 0) {
        wv_seterr("'%s' yazılamadı: %s", tmp, strerror(errno));
        remove(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        wv_seterr("'%s' adı '%s' yapılamadı: %s", tmp, path, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}

static int wv_is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int wv_is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Klasördeki, adı pfx ile başlayıp sfx ile biten dosyaların sıralı listesi. */
static int wv_list_dir(const char *dir, const char *pfx, const char *sfx, char ***out) {
    *out = NULL;
    DIR *d = opendir(dir);
    if (!d) return 0;
    int n = 0, cap = 0;
    char **v = NULL;
    struct dirent *e;
    size_t lp = strlen(pfx), ls = strlen(sfx);
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < lp + ls || strncmp(e->d_name, pfx, lp) || strcmp(e->d_name + l - ls, sfx)) continue;
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            v = realloc(v, (size_t)cap * sizeof *v);
            if (!v) wv_oom();
        }
        v[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (n) qsort(v, (size_t)n, sizeof *v, cmp_str);
    *out = v;
    return n;
}

static void free_list(char **v, int n) {
    for (int i = 0; i < n; i++) free(v[i]);
    free(v);
}

/* POSIX cksum (CRC-32, 0x04C11DB7, uzunluk eklenmiş, tümleyen). `cksum` komutuyla aynı sayı. */
uint32_t wv_cksum(const unsigned char *p, size_t n) {
    uint32_t crc = 0;
    for (size_t i = 0; i < n; i++) {
        crc ^= (uint32_t)p[i] << 24;
        for (int k = 0; k < 8; k++) crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
    }
    for (size_t len = n; len; len >>= 8) {
        crc ^= (uint32_t)(len & 0xff) << 24;
        for (int k = 0; k < 8; k++) crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
    }
    return ~crc;
}

/* ------------------------------------------------------------------ */
/* UTF-8 ve Türkçe harfler                                               */
/* ------------------------------------------------------------------ */

/* s'den bir kod noktası okur, *len bayt sayısı. Bozuk bayt: kendisi, 1 bayt. */
static uint32_t u8_get(const char *s, int *len) {
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) { *len = 1; return u[0]; }
    if ((u[0] & 0xE0) == 0xC0 && (u[1] & 0xC0) == 0x80) {
        *len = 2;
        return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
    if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        *len = 3;
        return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
    if ((u[0] & 0xF8) == 0xF0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
        (u[3] & 0xC0) == 0x80) {
        *len = 4;
        return ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
               ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    }
    *len = 1;
    return u[0];
}

/* Türkçe küçük harfe indirme: I -> ı, İ -> i, Ç -> ç, Ğ -> ğ, Ö -> ö, Ş -> ş, Ü -> ü. */
static uint32_t tr_fold(uint32_t c) {
    if (c == 'I') return 0x131;
    if (c >= 'A' && c <= 'Z') return c + 32;
    switch (c) {
    case 0x130: return 'i';
    case 0xC7: return 0xE7;
    case 0x11E: return 0x11F;
    case 0xD6: return 0xF6;
    case 0x15E: return 0x15F;
    case 0xDC: return 0xFC;
    case 0xC2: return 0xE2;
    case 0xCE: return 0xEE;
    case 0xDB: return 0xFB;
    default: return c;
    }
}

/* Harf mi? (ASCII harf/rakam/_ ya da ASCII dışı her kod noktası — Türkçe harfler dahil) */
static int is_wordc(uint32_t c) { return c >= 0x80 || isalnum((int)c) || c == '_'; }

/* Türkçe alfabe sırası: a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z */
static int tr_rank(uint32_t c) {
    static const uint32_t abc[] = {'a', 'b', 'c', 0xE7, 'd', 'e', 'f', 'g', 0x11F, 'h', 0x131,
                                   'i', 'j', 'k', 'l', 'm', 'n', 'o', 0xF6, 'p', 'q', 'r', 's',
                                   0x15F, 't', 'u', 0xFC, 'v', 'w', 'x', 'y', 'z'};
    c = tr_fold(c);
    for (int i = 0; i < (int)(sizeof abc / sizeof abc[0]); i++)
        if (abc[i] == c) return 1000 + i;
    if (c == 0xE2) return 1000; /* â ~ a */
    if (c == 0xEE) return 1011; /* î ~ i */
    if (c == 0xFB) return 1025; /* û ~ u */
    return (int)c < 1000 ? (int)c : 2000 + (int)c;
}

/* Türkçe alfabe sırasıyla karşılaştırma (sözlük bölümü için). */
int wv_tr_cmp(const char *a, const char *b) {
    while (*a && *b) {
        int la, lb;
        int ra = tr_rank(u8_get(a, &la)), rb = tr_rank(u8_get(b, &lb));
        if (ra != rb) return ra < rb ? -1 : 1;
        a += la;
        b += lb;
    }
    return (*a != 0) - (*b != 0);
}

/* ------------------------------------------------------------------ */
/* C sözcük çözümleyicisi: yorumlar, dizgeler, kod                       */
/* ------------------------------------------------------------------ */

enum { TOK_BLOCK, TOK_LINE, TOK_STRING };

/* Kaynaktaki bir yorum ya da dizge parçası. */
typedef struct {
    int kind;            /* TOK_BLOCK (/ * * /), TOK_LINE (//), TOK_STRING ("...") */
    size_t start, end;   /* içeriğin bayt aralığı (ayraçlar hariç) */
    size_t tstart, tend; /* ayraçlar dahil aralık */
    int line0, line1;    /* 1 tabanlı ilk ve son satır */
    int prose;           /* blok yorum sütun 0'da başlıyor ve satır sonunda bitiyorsa 1 */
} Tok;

/* Kaynağı tarar; yorumları ve dizgeleri sırayla döndürür. Dizgelerin içindeki "/ *",
 * yorumların içindeki '"' ya da "/ *" hiçbir şey başlatmaz; blok yorumlar iç içe olmaz. */
int wv_lex(const char *src, Tok **out) {
    size_t n = strlen(src), i = 0, ls = 0;
    int line = 1, cnt = 0, cap = 0;
    Tok *v = NULL;
#define PUSH(t)                                                      \
    do {                                                             \
        if (cnt == cap) {                                            \
            cap = cap ? cap * 2 : 64;                                \
            v = realloc(v, (size_t)cap * sizeof *v);                 \
            if (!v) wv_oom();                                        \
        }                                                            \
        v[cnt++] = (t);                                              \
    } while (0)
    while (i < n) {
        char c = src[i];
        if (c == '\n') {
            line++;
            ls = ++i;
            continue;
        }
        if (c == '/' && i + 1 < n && src[i + 1] == '*') {
            Tok t = {TOK_BLOCK, i + 2, 0, i, 0, line, 0, 0};
            int col0 = (i == ls);
            size_t j = i + 2;
            while (j < n && !(src[j] == '*' && j + 1 < n && src[j + 1] == '/')) {
                if (src[j] == '\n') { line++; ls = j + 1; }
                j++;
            }
            t.end = j;
            t.tend = j < n ? j + 2 : n;
            t.line1 = line;
            size_t k = t.tend;
            while (k < n && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r')) k++;
            t.prose = col0 && (k >= n || src[k] == '\n');
            PUSH(t);
            i = t.tend;
            continue;
        }
        if (c == '/' && i + 1 < n && src[i + 1] == '/') {
            Tok t = {TOK_LINE, i + 2, 0, i, 0, line, line, 0};
            size_t j = i + 2;
            while (j < n && src[j] != '\n') {
                if (src[j] == '\\' && j + 1 < n && src[j + 1] == '\n') { line++; j += 2; ls = j; continue; }
                j++;
            }
            t.end = t.tend = j;
            t.line1 = line;
            PUSH(t);
            i = j;
            continue;
        }
        if (c == '"' || c == '\'') {
            size_t j = i + 1;
            int l0 = line;
            while (j < n && src[j] != c && src[j] != '\n') {
                if (src[j] == '\\' && j + 1 < n) {
                    if (src[j + 1] == '\n') { line++; ls = j + 2; }
                    j += 2;
                    continue;
                }
                j++;
            }
            if (c == '"') {
                Tok t = {TOK_STRING, i + 1, j, i, j < n && src[j] == c ? j + 1 : j, l0, line, 0};
                PUSH(t);
            }
            i = (j < n && src[j] == c) ? j + 1 : j;
            continue;
        }
        i++;
    }
#undef PUSH
    *out = v;
    return cnt;
}

/* ------------------------------------------------------------------ */
/* Bölümleme: düzyazı ve kod parçaları                                   */
/* ------------------------------------------------------------------ */

typedef struct {
    int prose;        /* 1: sütun 0 blok yorumu (düzyazı), 0: kod */
    int line0, line1; /* 1 tabanlı, kapsayıcı satır aralığı (kod: baştaki/sondaki boş satırlar hariç) */
    char *text;       /* düzyazı: yorum işaretleri ayıklanmış metin; kod: satırların kendisi */
    int step;         /* düzyazı "Adım N: ..." ile başlıyorsa N, değilse 0 */
    char *title;      /* adım başlığı (yoksa NULL) */
} Seg;

static int is_blank_line(const char *p, const char *e) {
    for (; p < e; p++)
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') return 0;
    return 1;
}

/* Blok yorumun içinden (/ * ile * / arası) düzyazıyı çıkarır: satır başlarındaki " * "
 * ayıklanır, yıldızsız biçimde ortak girinti silinir, baştaki/sondaki boş satırlar atılır. */
char *wv_clean_comment(const char *body, size_t n) {
    /* satırlara böl */
    int nl = 1;
    for (size_t i = 0; i < n; i++) nl += body[i] == '\n';
    char **L = wv_alloc((size_t)nl * sizeof *L);
    int star = 0;
    size_t p = 0;
    for (int k = 0; k < nl; k++) {
        size_t q = p;
        while (q < n && body[q] != '\n') q++;
        const char *s = body + p, *e = body + q;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
        if (k == 0) {
            while (s < e && *s == '*') s++; /* "/ **" biçimi */
            while (s < e && (*s == ' ' || *s == '\t')) s++;
        } else {
            const char *t = s;
            while (t < e && (*t == ' ' || *t == '\t')) t++;
            if (t < e && *t == '*') {
                s = t + 1;
                if (s < e && *s == ' ') s++;
                star = 1;
            } else if (t == e) {
                s = e;
            }
        }
        L[k] = wv_strndup(s, (size_t)(e - s));
        p = q + 1;
    }
    /* yıldızsız satırlar için ortak girinti (ilk satır hariç) */
    size_t mind = (size_t)-1;
    for (int k = 1; k < nl; k++) {
        if (!L[k][0]) continue;
        size_t d = strspn(L[k], " \t");
        if (d < mind) mind = d;
    }
    if (!star && mind != (size_t)-1 && mind > 0)
        for (int k = 1; k < nl; k++)
            if (L[k][0]) memmove(L[k], L[k] + mind, strlen(L[k] + mind) + 1);
    int a = 0, b = nl;
    while (a < b && !L[a][0]) a++;
    while (b > a && !L[b - 1][0]) b--;
    Str o = {0};
    for (int k = a; k < b; k++) {
        str_add(&o, L[k]);
        str_addc(&o, '\n');
    }
    for (int k = 0; k < nl; k++) free(L[k]);
    free(L);
    return str_take(&o);
}

/* "Adım N: başlık" satırını tanır. Dönüş N (>0) ya da 0. */
static int parse_step_line(const char *s, size_t n, char **title) {
    const char *pfx = "Adım ";
    size_t lp = strlen(pfx);
    if (n <= lp || strncmp(s, pfx, lp)) return 0;
    size_t i = lp;
    int num = 0, dig = 0;
    while (i < n && isdigit((unsigned char)s[i]) && dig < 6) num = num * 10 + (s[i++] - '0'), dig++;
    if (!dig || i >= n || s[i] != ':' || num <= 0) return 0;
    i++;
    while (i < n && s[i] == ' ') i++;
    if (title) *title = wv_strndup(s + i, n - i);
    return num;
}

/* Kaynağı düzyazı/kod parçalarına böler. Dönüş parça sayısı. */
int wv_segment(const char *src, Seg **out) {
    Tok *t;
    int nt = wv_lex(src, &t);
    /* satır başlangıçları */
    size_t n = strlen(src);
    int nlines = 1;
    for (size_t i = 0; i < n; i++) nlines += src[i] == '\n';
    if (n && src[n - 1] == '\n') nlines--;
    size_t *ls = wv_alloc((size_t)(nlines + 2) * sizeof *ls);
    {
        int k = 1;
        ls[1] = 0;
        for (size_t i = 0; i < n; i++)
            if (src[i] == '\n' && k < nlines) ls[++k] = i + 1;
        ls[nlines + 1] = n;
    }
    Seg *v = NULL;
    int cnt = 0, cap = 0;
    int next = 1; /* henüz parçaya girmemiş ilk satır */
#define ADD(sg)                                                  \
    do {                                                         \
        if (cnt == cap) {                                        \
            cap = cap ? cap * 2 : 32;                            \
            v = realloc(v, (size_t)cap * sizeof *v);             \
            if (!v) wv_oom();                                    \
        }                                                        \
        v[cnt++] = (sg);                                         \
    } while (0)
    for (int k = 0; k <= nt; k++) {
        int upto = (k < nt) ? -1 : nlines; /* kod bu satıra kadar (dahil) */
        if (k < nt) {
            if (t[k].kind != TOK_BLOCK || !t[k].prose) continue;
            upto = t[k].line0 - 1;
        }
        /* [next, upto] kodu: boş satırları kırp */
        int a = next, b = upto;
        while (a <= b && is_blank_line(src + ls[a], src + ls[a + 1])) a++;
        while (b >= a && is_blank_line(src + ls[b], src + ls[b + 1])) b--;
        if (a <= b) {
            size_t s = ls[a], e = ls[b + 1];
            while (e > s && (src[e - 1] == '\n' || src[e - 1] == '\r')) e--;
            Seg sg = {0, a, b, wv_strndup(src + s, e - s), 0, NULL};
            ADD(sg);
        }
        if (k < nt) {
            Seg sg = {1, t[k].line0, t[k].line1, wv_clean_comment(src + t[k].start, t[k].end - t[k].start),
                      0, NULL};
            const char *nlp = strchr(sg.text, '\n');
            size_t l1 = nlp ? (size_t)(nlp - sg.text) : strlen(sg.text);
            sg.step = parse_step_line(sg.text, l1, &sg.title);
            if (sg.step) {
                char *rest = strdup(nlp ? nlp + 1 : "");
                /* başlıktan sonraki boş satırları at */
                char *r = rest;
                while (*r == '\n') r++;
                char *nt2 = strdup(r);
                free(rest);
                free(sg.text);
                sg.text = nt2;
            }
            ADD(sg);
            next = t[k].line1 + 1;
        }
    }
#undef ADD
    free(ls);
    free(t);
    *out = v;
    return cnt;
}

void wv_free_segs(Seg *s, int n) {
    for (int i = 0; i < n; i++) {
        free(s[i].text);
        free(s[i].title);
    }
    free(s);
}

/* ------------------------------------------------------------------ */
/* Düz metni Markdown'a yazma (kaçırma, paragraf, liste, formül bloğu)   */
/* ------------------------------------------------------------------ */

/* Satır içi metni kaçırarak yazar; `kod` ve $matematik$ parçaları olduğu gibi geçer.
 * line_start: satır başındaki blok işaretlerini (#, -, +, 1.) de kaçır. */
static void md_inline(Str *o, const char *s, size_t n, int line_start) {
    size_t i = 0;
    if (line_start) {
        size_t j = 0;
        while (j < n && isdigit((unsigned char)s[j])) j++;
        if (j > 0 && j < n && (s[j] == '.' || s[j] == ')')) {
            str_addn(o, s, j);
            str_addc(o, '\\');
            str_addc(o, s[j]);
            i = j + 1;
        } else if (n > 0 && (s[0] == '#' || s[0] == '-' || s[0] == '+' || s[0] == '=')) {
            str_addc(o, '\\');
            str_addc(o, s[0]);
            i = 1;
        }
    }
    for (; i < n; i++) {
        char c = s[i];
        if (c == '`') { /* kod parçası: kapanan ` aynı satırda varsa olduğu gibi */
            const char *e = memchr(s + i + 1, '`', n - i - 1);
            if (e && e > s + i + 1) {
                str_addn(o, s + i, (size_t)(e - (s + i)) + 1);
                i = (size_t)(e - s);
                continue;
            }
        }
        if (c == '$' && i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '$') {
            /* $...$: kapanan $'dan önce boşluk olmamalı, sonra rakam gelmemeli */
            const char *e = memchr(s + i + 1, '$', n - i - 1);
            if (e && e[-1] != ' ' && !(e + 1 < s + n && isdigit((unsigned char)e[1]))) {
                str_addn(o, s + i, (size_t)(e - (s + i)) + 1);
                i = (size_t)(e - s);
                continue;
            }
        }
        if (c == '$' && i + 1 < n && s[i + 1] == '$') { /* $$...$$ aynı satırda */
            const char *e = strstr(s + i + 2, "$$");
            if (e && e < s + n) {
                str_addn(o, s + i, (size_t)(e - (s + i)) + 2);
                i = (size_t)(e - s) + 1;
                continue;
            }
        }
        if (strchr("\\`*_[]<>$|~^&", c)) str_addc(o, '\\');
        str_addc(o, c);
    }
}

/* Metindeki en uzun ` dizisinden bir uzun çit (en az 3). */
static int fence_len(const char *s) {
    int best = 0, run = 0;
    for (; *s; s++) {
        run = (*s == '`') ? run + 1 : 0;
        if (run > best) best = run;
    }
    return best >= 3 ? best + 1 : 3;
}

static void md_fence(Str *o, const char *info, const char *body) {
    int f = fence_len(body);
    for (int i = 0; i < f; i++) str_addc(o, '`');
    str_add(o, info);
    str_addc(o, '\n');
    str_add(o, body);
    if (body[0] && body[strlen(body) - 1] != '\n') str_addc(o, '\n');
    for (int i = 0; i < f; i++) str_addc(o, '`');
    str_addc(o, '\n');
}

/* Liste maddesi mi? Dönüş: içeriğin başladığı konum (0: değil); *num sıra numarası (yoksa 0). */
static size_t list_marker(const char *s, size_t n, int *num) {
    size_t i = 0;
    *num = 0;
    while (i < n && s[i] == ' ') i++;
    if (i + 1 < n && (s[i] == '-' || s[i] == '*') && s[i + 1] == ' ') return i + 2;
    if (n - i >= 4 && !strncmp(s + i, "•", 3) && s[i + 3] == ' ') return i + 4;
    size_t j = i;
    int v = 0;
    while (j < n && isdigit((unsigned char)s[j]) && j - i < 3) v = v * 10 + (s[j++] - '0');
    if (j > i && j + 1 < n && (s[j] == '.' || s[j] == ')') && s[j + 1] == ' ') {
        *num = v;
        return j + 2;
    }
    return 0;
}

/* Hizalama boşluğu (metnin içinde 3+ ardışık boşluk) var mı? */
static int has_alignment(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && s[i] == ' ') i++;
    for (int run = 0; i < n; i++) {
        run = s[i] == ' ' ? run + 1 : 0;
        if (run >= 3 && i + 1 < n && s[i + 1] != ' ') return 1;
    }
    return 0;
}

/* Yorumdan gelen düz metni Markdown bloklarına çevirir (bkz. dosya başı). */
void wv_prose_md(Str *o, const char *text) {
    /* satırlar */
    int nl = 0;
    const char *ls[4096];
    size_t ln[4096];
    for (const char *p = text; *p && nl < 4096;) {
        const char *e = strchr(p, '\n');
        if (!e) e = p + strlen(p);
        ls[nl] = p;
        ln[nl] = (size_t)(e - p);
        nl++;
        p = *e ? e + 1 : e;
    }
    enum { NONE, PARA, LIST, PRE } mode = NONE;
    int lind[16], lcont[16], depth = 0; /* liste: madde girintisi ve içerik sütunu (kaynakta) */
    int mdcol[16];                       /* Markdown'daki içerik sütunu */
    Str pre = {0};
    int pre_min = 1 << 30;
    const char *pre_ls[4096];
    size_t pre_ln[4096];
    int npre = 0;
#define FLUSH_PRE()                                                                   \
    do {                                                                              \
        if (npre) {                                                                   \
            for (int q = 0; q < npre; q++) {                                          \
                size_t d = pre_ln[q] ? (size_t)pre_min : 0;                           \
                if (d > pre_ln[q]) d = pre_ln[q];                                     \
                str_addn(&pre, pre_ls[q] + d, pre_ln[q] - d);                         \
                str_addc(&pre, '\n');                                                 \
            }                                                                         \
            md_fence(o, "formul", pre.s);                                             \
            free(pre.s);                                                              \
            pre = (Str){0};                                                           \
            npre = 0;                                                                 \
            pre_min = 1 << 30;                                                        \
        }                                                                             \
    } while (0)
    for (int k = 0; k < nl; k++) {
        const char *s = ls[k];
        size_t n = ln[k];
        int blank = is_blank_line(s, s + n);
        int ind = (int)strspn(s, " ");
        int num;
        size_t mk = blank ? 0 : list_marker(s, n, &num);
        if (blank) {
            if (mode == PRE) {
                /* formül bloğu içindeki boş satır: arkasından yine girintili satır geliyorsa koru */
                int j = k + 1;
                while (j < nl && is_blank_line(ls[j], ls[j] + ln[j])) j++;
                if (j < nl && (int)strspn(ls[j], " ") > 0 && !list_marker(ls[j], ln[j], &num)) {
                    pre_ls[npre] = s;
                    pre_ln[npre++] = 0;
                    continue;
                }
                FLUSH_PRE();
            }
            if (mode != NONE) str_addc(o, '\n');
            mode = NONE;
            depth = 0;
            continue;
        }
        if (mk) {
            if (mode == PRE) { FLUSH_PRE(); str_addc(o, '\n'); }
            if (mode == PARA) str_addc(o, '\n');
            if (mode != LIST) depth = 0;
            while (depth > 0 && ind < lind[depth - 1] + 1) depth--;
            /* derinlik: önceki maddenin içerik sütunundan içerideyse alt madde */
            if (depth >= 16) depth = 15;
            int parent_md = depth ? mdcol[depth - 1] : 0;
            lind[depth] = ind;
            lcont[depth] = (int)mk;
            for (int q = 0; q < parent_md; q++) str_addc(o, ' ');
            if (num) {
                char b[16];
                int bl = snprintf(b, sizeof b, "%d. ", num);
                str_add(o, b);
                mdcol[depth] = parent_md + bl;
            } else {
                str_add(o, "- ");
                mdcol[depth] = parent_md + 2;
            }
            md_inline(o, s + mk, n - mk, 0);
            str_addc(o, '\n');
            depth++;
            mode = LIST;
            continue;
        }
        if (mode == LIST && ind >= lcont[depth - 1] - 1 && ind > lind[depth - 1] &&
            !has_alignment(s, n)) {
            /* maddenin devam satırı */
            for (int q = 0; q < mdcol[depth - 1]; q++) str_addc(o, ' ');
            md_inline(o, s + ind, n - (size_t)ind, 0);
            str_addc(o, '\n');
            continue;
        }
        if (ind > 0 || has_alignment(s, n)) {
            if (mode == PARA || mode == LIST) str_addc(o, '\n');
            mode = PRE;
            if (npre < 4096) {
                pre_ls[npre] = s;
                pre_ln[npre++] = n;
                if (ind < pre_min) pre_min = ind;
            }
            continue;
        }
        if (mode == PRE) { FLUSH_PRE(); str_addc(o, '\n'); }
        if (mode == LIST) str_addc(o, '\n');
        md_inline(o, s, n, 1);
        str_addc(o, '\n');
        mode = PARA;
        depth = 0;
    }
    if (mode == PRE) FLUSH_PRE();
#undef FLUSH_PRE
}

/* ------------------------------------------------------------------ */
/* Koşu kaydı: output.txt, quiz.txt, kayit.txt, sekiller.txt             */
/* ------------------------------------------------------------------ */

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
} Run;

static const char *run_get(const Run *r, const char *key) {
    for (int i = 0; i < r->nkv; i++)
        if (!strcmp(r->kv_keys[i], key)) return r->kv_vals[i];
    return NULL;
}

/* metni satırlarına ayırır (kopya; son satırdaki \n yok sayılır) */
static int split_lines(const char *s, char ***out) {
    int n = 0, cap = 0;
    char **v = NULL;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t l = e ? (size_t)(e - s) : strlen(s);
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            v = realloc(v, (size_t)cap * sizeof *v);
            if (!v) wv_oom();
        }
        size_t l2 = l;
        if (l2 && s[l2 - 1] == '\r') l2--;
        v[n++] = wv_strndup(s, l2);
        s += l + (e ? 1 : 0);
    }
    *out = v;
    return n;
}

/* satır aralığını birleştirir; baştaki ve sondaki boş satırları atar */
static char *join_lines(char **L, int a, int b) {
    while (a < b && is_blank_line(L[a], L[a] + strlen(L[a]))) a++;
    while (b > a && is_blank_line(L[b - 1], L[b - 1] + strlen(L[b - 1]))) b--;
    Str o = {0};
    for (int i = a; i < b; i++) {
        str_add(&o, L[i]);
        str_addc(&o, '\n');
    }
    return str_take(&o);
}

/* "=== Adım k/n: başlık ===" satırı mı? */
static int parse_banner(const char *s, int *k, int *n, char **title) {
    const char *pfx = "=== Adım ";
    size_t lp = strlen(pfx), l = strlen(s);
    if (l < lp + 8 || strncmp(s, pfx, lp) || strcmp(s + l - 4, " ===")) return 0;
    int kk, nn, used = 0;
    if (sscanf(s + lp, "%d/%d:%n", &kk, &nn, &used) != 2 || used == 0) return 0;
    const char *t = s + lp + used;
    while (*t == ' ') t++;
    const char *e = s + l - 4;
    if (t > e) return 0;
    *k = kk;
    *n = nn;
    *title = wv_strndup(t, (size_t)(e - t));
    return 1;
}

/* output.txt'i adımlara böler ve SONUÇ satırını bulur. */
void wv_parse_output(Run *r, const char *text) {
    char **L;
    int n = split_lines(text, &L);
    int start = 0, curk = -1, curn = 0;
    char *curt = NULL;
    for (int i = 0; i <= n; i++) {
        int k = 0, nn = 0;
        char *t = NULL;
        int ban = i < n && parse_banner(L[i], &k, &nn, &t);
        if (i == n || ban) {
            char *body = join_lines(L, start, i);
            if (curk < 0) r->pre = body;
            else {
                r->parts = realloc(r->parts, (size_t)(r->nparts + 1) * sizeof *r->parts);
                if (!r->parts) wv_oom();
                r->parts[r->nparts++] = (OutPart){curk, curn, curt, body};
            }
            curk = k;
            curn = nn;
            curt = t;
            start = i + 1;
        }
        if (i < n && !strncmp(L[i], "SONUÇ:", strlen("SONUÇ:"))) {
            free(r->sonuc);
            const char *v = L[i] + strlen("SONUÇ:");
            while (*v == ' ') v++;
            r->sonuc = strdup(v);
        }
    }
    for (int i = 0; i < n; i++) free(L[i]);
    free(L);
}

/* quiz.txt: `./lessonNN --quiz` etkileşimli çıktısı. Satırlar:
 *   "Soru i/n: metin" (+ devam satırları), "   a) şık", "Cevabınız: ...",
 *   "  Doğru cevap: ...", "  Açıklama: ..." (+ boş satıra kadar devam). */
void wv_parse_quiz(Run *r, const char *text) {
    char **L;
    int n = split_lines(text, &L);
    QuizItem *cur = NULL;
    int state = 0; /* 1: soru metni/şıklar, 2: cevap bekleniyor, 3: açıklama */
    for (int i = 0; i < n; i++) {
        const char *s = L[i];
        int a, b, used = 0;
        if (!strncmp(s, "Soru ", 5) && sscanf(s + 5, "%d/%d:%n", &a, &b, &used) == 2 && used) {
            r->quiz = realloc(r->quiz, (size_t)(r->nquiz + 1) * sizeof *r->quiz);
            if (!r->quiz) wv_oom();
            cur = &r->quiz[r->nquiz++];
            memset(cur, 0, sizeof *cur);
            const char *t = s + 5 + used;
            while (*t == ' ') t++;
            cur->q = strdup(t);
            state = 1;
            continue;
        }
        if (!cur) continue;
        if (!strncmp(s, "Puan:", 5)) { state = 0; cur = NULL; continue; }
        if (state == 1) {
            if (!strncmp(s, "Cevabınız:", strlen("Cevabınız:"))) { state = 2; continue; }
            if (strlen(s) > 5 && !strncmp(s, "   ", 3) && s[3] >= 'a' && s[3] <= 'f' && s[4] == ')') {
                if (cur->nch < 8) cur->choices[cur->nch++] = strdup(s + 3);
                continue;
            }
            Str q = {0};
            str_add(&q, cur->q);
            str_addc(&q, '\n');
            str_add(&q, s);
            free(cur->q);
            cur->q = str_take(&q);
            continue;
        }
        const char *dc = "  Doğru cevap: ", *ac = "  Açıklama: ";
        if (!strncmp(s, dc, strlen(dc))) {
            free(cur->answer);
            cur->answer = strdup(s + strlen(dc));
            state = 2;
            continue;
        }
        if (!strncmp(s, ac, strlen(ac))) {
            free(cur->explain);
            cur->explain = strdup(s + strlen(ac));
            state = 3;
            continue;
        }
        if (state == 3) {
            if (is_blank_line(s, s + strlen(s))) { state = 4; continue; }
            Str q = {0};
            str_add(&q, cur->explain);
            str_addc(&q, ' ');
            const char *t = s;
            while (*t == ' ') t++;
            str_add(&q, t);
            free(cur->explain);
            cur->explain = str_take(&q);
        }
    }
    for (int i = 0; i < n; i++) free(L[i]);
    free(L);
}

/* runs/lessonNN/ klasörünü okur. Klasör yoksa r->have = 0. */
int wv_load_run(Run *r, const char *dir) {
    memset(r, 0, sizeof *r);
    if (!wv_is_dir(dir)) return 0;
    char p[4096];
    snprintf(p, sizeof p, "%s/output.txt", dir);
    char *out = wv_read_file(p, NULL);
    if (!out) {
        wv_seterr("'%s' okunamadı: %s (koşu kaydı eksik)", p, strerror(errno));
        return -1;
    }
    r->have = 1;
    wv_parse_output(r, out);
    free(out);
    snprintf(p, sizeof p, "%s/quiz.txt", dir);
    char *qz = wv_read_file(p, NULL);
    if (qz) {
        wv_parse_quiz(r, qz);
        free(qz);
    }
    snprintf(p, sizeof p, "%s/kayit.txt", dir);
    char *kv = wv_read_file(p, NULL);
    if (kv) {
        char **L;
        int n = split_lines(kv, &L);
        for (int i = 0; i < n; i++) {
            char *c = strchr(L[i], ':');
            if (!c || L[i][0] == '#' || r->nkv >= 32) continue;
            r->kv_keys[r->nkv] = wv_strndup(L[i], (size_t)(c - L[i]));
            c++;
            while (*c == ' ') c++;
            r->kv_vals[r->nkv++] = strdup(c);
        }
        for (int i = 0; i < n; i++) free(L[i]);
        free(L);
        free(kv);
    }
    /* şekiller: klasördeki *.png (ada göre sıralı); adımları sekiller.txt'ten */
    r->nfigs = wv_list_dir(dir, "", ".png", &r->figs);
    r->figstep = wv_alloc((size_t)(r->nfigs + 1) * sizeof *r->figstep);
    for (int f = 0; f < r->nfigs; f++) r->figstep[f] = -1; /* kayıtta yoksa: "Diğer şekiller" */
    snprintf(p, sizeof p, "%s/sekiller.txt", dir);
    char *sk = wv_read_file(p, NULL);
    int *order = wv_alloc((size_t)(r->nfigs + 1) * sizeof *order); /* dosyadaki sıra */
    for (int i = 0; i < r->nfigs; i++) order[i] = 1 << 30;
    if (sk) {
        char **L;
        int n = split_lines(sk, &L);
        for (int i = 0; i < n; i++) {
            int k;
            char name[512];
            if (sscanf(L[i], "%d %511s", &k, name) != 2) continue;
            for (int f = 0; f < r->nfigs; f++)
                if (!strcmp(r->figs[f], name)) { r->figstep[f] = k; order[f] = i; }
        }
        for (int i = 0; i < n; i++) free(L[i]);
        free(L);
        free(sk);
    }
    /* çıktıda adıyla anılan şekil o adıma aittir (kayıttaki zamanlamadan önceliklidir) */
    for (int f = 0; f < r->nfigs; f++)
        for (int k = 0; k < r->nparts; k++)
            if (strstr(r->parts[k].text, r->figs[f])) { r->figstep[f] = r->parts[k].k; break; }
    /* şekilleri kayıttaki sıraya diz (kararlı: eşitlikte ad sırası) */
    for (int i = 1; i < r->nfigs; i++)
        for (int j = i; j > 0 && order[j] < order[j - 1]; j--) {
            int t = order[j]; order[j] = order[j - 1]; order[j - 1] = t;
            t = r->figstep[j]; r->figstep[j] = r->figstep[j - 1]; r->figstep[j - 1] = t;
            char *c = r->figs[j]; r->figs[j] = r->figs[j - 1]; r->figs[j - 1] = c;
        }
    free(order);
    return 1;
}

void wv_free_run(Run *r) {
    free(r->pre);
    for (int i = 0; i < r->nparts; i++) {
        free(r->parts[i].title);
        free(r->parts[i].text);
    }
    free(r->parts);
    free(r->sonuc);
    for (int i = 0; i < r->nquiz; i++) {
        free(r->quiz[i].q);
        for (int c = 0; c < r->quiz[i].nch; c++) free(r->quiz[i].choices[c]);
        free(r->quiz[i].answer);
        free(r->quiz[i].explain);
    }
    free(r->quiz);
    for (int i = 0; i < r->nkv; i++) {
        free(r->kv_keys[i]);
        free(r->kv_vals[i]);
    }
    free_list(r->figs, r->nfigs);
    free(r->figstep);
    memset(r, 0, sizeof *r);
}

/* ------------------------------------------------------------------ */
/* Dersler                                                               */
/* ------------------------------------------------------------------ */

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
} Lesson;

/* lessons/ klasöründeki dersleri bulur (lessonNN*.c, NN iki rakam), numaraya göre sıralı. */
int wv_find_lessons(const char *dir, Lesson **out) {
    char **f;
    int nf = wv_list_dir(dir, "lesson", ".c", &f);
    Lesson *v = NULL;
    int n = 0;
    for (int i = 0; i < nf; i++) {
        const char *s = f[i];
        if (!isdigit((unsigned char)s[6]) || !isdigit((unsigned char)s[7])) continue;
        char id[32];
        size_t l = strcspn(s, "_.");
        if (l >= sizeof id) continue;
        memcpy(id, s, l);
        id[l] = '\0';
        Lesson *L = NULL;
        for (int k = 0; k < n; k++)
            if (!strcmp(v[k].id, id)) L = &v[k];
        if (!L) {
            v = realloc(v, (size_t)(n + 1) * sizeof *v);
            if (!v) wv_oom();
            L = &v[n++];
            memset(L, 0, sizeof *L);
            snprintf(L->id, sizeof L->id, "%s", id);
            snprintf(L->num, sizeof L->num, "%.*s", (int)(l - 6 < 7 ? l - 6 : 7), s + 6);
            const char *u = strchr(s, '_');
            if (u) snprintf(L->slug, sizeof L->slug, "%.*s", (int)(strlen(u + 1) - 2), u + 1);
            else snprintf(L->slug, sizeof L->slug, "ders");
            snprintf(L->chapter, sizeof L->chapter, "%s-%s.md", L->num, L->slug);
        }
        L->files = realloc(L->files, (size_t)(L->nfiles + 1) * sizeof *L->files);
        if (!L->files) wv_oom();
        L->files[L->nfiles++] = strdup(s);
    }
    free_list(f, nf);
    *out = v;
    return n;
}

/* CliSpec'teki .title = "..." dizgesini bulur (yoksa NULL). */
static char *find_cli_title(const char *src) {
    const char *p = src;
    while ((p = strstr(p, ".title")) != NULL) {
        const char *q = p + 6;
        while (*q == ' ' || *q == '\t' || *q == '\n') q++;
        if (*q == '=') {
            q++;
            while (*q == ' ' || *q == '\t' || *q == '\n') q++;
            /* bitişik dizgeler C'deki gibi birleşir: "a, " "b" -> "a, b" */
            Str t = {0};
            while (*q == '"') {
                const char *e = q + 1;
                while (*e && *e != '"' && *e != '\n') e += (*e == '\\' && e[1]) ? 2 : 1;
                if (*e != '"') break;
                str_addn(&t, q + 1, (size_t)(e - q - 1));
                q = e + 1;
                while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r') q++;
            }
            if (t.n) return str_take(&t);
            free(t.s);
        }
        p += 6;
    }
    return NULL;
}

/* Giriş yorumundan "Bu derste öğrenecekleriniz" maddelerini Markdown listesine çevirir. */
static char *extract_goals(const char *intro) {
    const char *p = strstr(intro, "Bu derste öğrenecekleriniz");
    if (!p) return NULL;
    const char *c = strchr(p, '\n');
    const char *colon = strchr(p, ':');
    Str items = {0};
    if (colon && (!c || colon < c)) {
        const char *t = colon + 1;
        while (*t == ' ') t++;
        if (c && t < c) {
            str_add(&items, "- ");
            md_inline(&items, t, (size_t)(c - t), 0);
            str_addc(&items, '\n');
        }
    }
    if (!c) return items.s ? str_take(&items) : NULL;
    /* sonraki satırlar: maddeler ve devamları, ilk boş satıra kadar */
    const char *s = c + 1;
    int any = 0;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (is_blank_line(s, s + n)) break;
        int num;
        size_t mk = list_marker(s, n, &num);
        if (mk) {
            if (any) str_addc(&items, '\n');
            str_add(&items, "- ");
            md_inline(&items, s + mk, n - mk, 0);
            any = 1;
        } else if (any) {
            size_t ind = strspn(s, " ");
            str_addc(&items, ' ');
            md_inline(&items, s + ind, n - ind, 0);
        } else {
            break;
        }
        if (!e) break;
        s = e + 1;
    }
    if (any) str_addc(&items, '\n');
    if (!items.n) { free(items.s); return NULL; }
    return str_take(&items);
}

/* Dersin dosyalarını ve koşu kaydını yükler. */
int wv_load_lesson(Lesson *L, const char *lessons_dir, const char *runs_dir) {
    L->srcs = wv_alloc((size_t)L->nfiles * sizeof *L->srcs);
    for (int i = 0; i < L->nfiles; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", lessons_dir, L->files[i]);
        L->srcs[i] = wv_read_file(p, NULL);
        if (!L->srcs[i]) {
            wv_seterr("'%s' okunamadı: %s", p, strerror(errno));
            return -1;
        }
    }
    /* başlık: CliSpec .title, yoksa giriş yorumunun ilk satırı, yoksa dosya adı */
    L->title = find_cli_title(L->srcs[0]);
    Seg *sg;
    int ns = wv_segment(L->srcs[0], &sg);
    if (ns > 0 && sg[0].prose && !sg[0].step) {
        if (!L->title) {
            const char *t = sg[0].text;
            size_t l = strcspn(t, "\n");
            const char *d = strstr(t, " — ");
            if (d && (size_t)(d - t) < l) {
                L->title = wv_strndup(d + strlen(" — "), l - (size_t)(d - t) - strlen(" — "));
            } else {
                L->title = wv_strndup(t, l);
            }
        }
        L->goals = extract_goals(sg[0].text);
    }
    if (!L->title || !L->title[0]) {
        free(L->title);
        L->title = strdup(L->slug);
    }
    wv_free_segs(sg, ns);
    char rd[4096];
    snprintf(rd, sizeof rd, "%s/%s", runs_dir, L->id);
    if (wv_load_run(&L->run, rd) < 0) return -1;
    return 0;
}

void wv_free_lesson(Lesson *L) {
    free_list(L->files, L->nfiles);
    if (L->srcs)
        for (int i = 0; i < L->nfiles; i++) free(L->srcs[i]);
    free(L->srcs);
    free(L->title);
    free(L->goals);
    wv_free_run(&L->run);
}

/* ------------------------------------------------------------------ */
/* Bölüm yazarı                                                          */
/* ------------------------------------------------------------------ */

#define INDEX_MD "00-icindekiler.md"
#define GLOSSARY_MD "99-sozluk.md"

static void nav_line(Str *o, const Lesson *ls, int n, int i) {
    str_add(o, "[İçindekiler](" INDEX_MD ")");
    if (i > 0) str_addf(o, " · [← Ders %s](%s)", ls[i - 1].num, ls[i - 1].chapter);
    if (i + 1 < n) str_addf(o, " · [Ders %s →](%s)", ls[i + 1].num, ls[i + 1].chapter);
    str_add(o, " · [Sözlük](" GLOSSARY_MD ")\n");
}

static void run_note(Str *o, const Lesson *L) {
    const Run *r = &L->run;
    if (!r->have) {
        str_addf(o, "> **Koşu kaydı yok.** Bu bölümde henüz gerçek bir koşunun çıktısı ve şekilleri "
                    "yok; yalnızca kaynak kod var. Eklemek için: `make textbook-runs DERSLER=%s` "
                    "ve ardından `make textbook`.\n\n",
                 L->id);
        return;
    }
    const char *cmd = run_get(r, "komut"), *date = run_get(r, "tarih"), *m = run_get(r, "makine"),
               *cpu = run_get(r, "islemci"), *nc = run_get(r, "cekirdek"),
               *dur = run_get(r, "sure_sn"), *git = run_get(r, "git"), *kisa = run_get(r, "kisa");
    str_addf(o, "> **Koşu kaydı.** Bu bölümdeki program çıktıları ve şekiller `%s` komutunun "
                "gerçek bir koşusundan alındı",
             cmd ? cmd : L->id);
    str_addf(o, ": %s, %s", date ? date : "tarih bilinmiyor", m ? m : "makine bilinmiyor");
    if (cpu) str_addf(o, ", %s", cpu);
    if (nc) str_addf(o, " (%s çekirdek)", nc);
    if (dur) str_addf(o, ", %s sn", dur);
    if (git) str_addf(o, ", kaynak: git %s", git);
    str_add(o, ".\n");
    if (kisa && !strcmp(kisa, "evet"))
        str_add(o, ">\n> **Dikkat: bu kısa (`--quick`) bir koşudur.** Küçük bir alt kümeyle, birkaç "
                   "saniyede yapıldı; sayılar ve eğriler tam uzunluktaki koşudan farklıdır (daha düşük "
                   "doğruluk, daha kısa eğriler). Kitap tam koşuyla yenilenecek.\n");
    /* kaynak koşudan sonra değişti mi? (kayıttaki cksum ile karşılaştır) */
    const char *ck = run_get(r, "kaynak_cksum");
    if (ck) {
        unsigned long want = strtoul(ck, NULL, 10);
        const char *s = L->srcs[0];
        unsigned long have = wv_cksum((const unsigned char *)s, strlen(s));
        if (want != have)
            str_add(o, ">\n> **Uyarı:** ders kaynağı bu koşudan sonra değişti; aşağıdaki çıktılar "
                       "kaynağın eski hâline ait olabilir (`make textbook-runs` ile yenileyin).\n");
    }
    str_addc(o, '\n');
}

static const OutPart *find_part(const Run *r, int k) {
    for (int i = 0; i < r->nparts; i++)
        if (r->parts[i].k == k) return &r->parts[i];
    return NULL;
}

static void emit_output(Str *o, const Lesson *L, const char *text, const char *what) {
    if (!text || !text[0]) return;
    str_addf(o, "**Programın çıktısı** (%s):\n\n", what);
    md_fence(o, "text", text);
    str_addc(o, '\n');
    (void)L;
}

static void emit_figs(Str *o, const Lesson *L, int k, const char *title) {
    const Run *r = &L->run;
    for (int f = 0; f < r->nfigs; f++) {
        if (r->figstep[f] != k) continue;
        Str alt = {0};
        if (title) md_inline(&alt, title, strlen(title), 0);
        str_addf(o, "![Şekil %s.%d — %s (%s)](runs/%s/%s)\n\n", L->num, k, alt.s ? alt.s : "",
                 r->figs[f], L->id, r->figs[f]);
        free(alt.s);
    }
}

static void emit_code(Str *o, const char *file, const Seg *s) {
    if (s->line0 == s->line1)
        str_addf(o, "[`lessons/%s`, satır %d](../lessons/%s#L%d):\n\n", file, s->line0, file, s->line0);
    else
        str_addf(o, "[`lessons/%s`, satır %d–%d](../lessons/%s#L%d-L%d):\n\n", file, s->line0,
                 s->line1, file, s->line0, s->line1);
    md_fence(o, "c", s->text);
    str_addc(o, '\n');
}

static void emit_quiz(Str *o, const Lesson *L) {
    const Run *r = &L->run;
    str_add(o, "## Sınav\n\n");
    str_addf(o, "Kendinizi sınayın: `./%s --quiz` soruları tek tek sorar ve her cevabı açıklar; "
                "`./%s --quiz --answers DOSYA` bir cevap dosyasını notlandırır. Aşağıda aynı "
                "sorular var; cevaplar katlanmış hâlde.\n\n",
             L->id, L->id);
    for (int i = 0; i < r->nquiz; i++) {
        const QuizItem *q = &r->quiz[i];
        /* soru metni birden çok satır olabilir (ör. hizalı bir tablo): yorumlar gibi
         * paragraf + formül bloğu olarak yazılır */
        Str qt = {0};
        wv_prose_md(&qt, q->q);
        str_addf(o, "**Soru %d.**%s", i + 1, qt.s && qt.s[0] != '`' ? " " : "\n\n");
        if (qt.s) str_add(o, qt.s);
        free(qt.s);
        str_addc(o, '\n');
        for (int c = 0; c < q->nch; c++) {
            const char *t = q->choices[c];
            str_addf(o, "- **%c)** ", t[0]);
            const char *rest = t + 2;
            while (*rest == ' ') rest++;
            md_inline(o, rest, strlen(rest), 0);
            str_addc(o, '\n');
        }
        if (q->nch) str_addc(o, '\n');
        str_add(o, "<details>\n<summary>Cevabı göster</summary>\n\n");
        if (q->answer) {
            str_add(o, "**Doğru cevap:** ");
            md_inline(o, q->answer, strlen(q->answer), 0);
            str_add(o, "\n\n");
        }
        if (q->explain) {
            str_add(o, "**Açıklama:** ");
            md_inline(o, q->explain, strlen(q->explain), 0);
            str_add(o, "\n\n");
        }
        str_add(o, "</details>\n\n");
    }
}

/* Bir dersin bölümünü üretir. ls: tüm dersler (gezinme bağlantıları için), i: bu ders. */
char *wv_chapter(const Lesson *ls, int n, int i) {
    const Lesson *L = &ls[i];
    const Run *r = &L->run;
    Str o = {0};
    str_addf(&o, "# Ders %s — ", L->num);
    md_inline(&o, L->title, strlen(L->title), 0);
    str_add(&o, "\n\n");
    str_addf(&o, "<!-- Bu dosya textbook/weave.c tarafından üretildi (make textbook); elle "
                 "düzenlemeyin. Kaynak: lessons/%s ve textbook/runs/%s/ -->\n\n",
             L->files[0], L->id);
    nav_line(&o, ls, n, i);
    str_addc(&o, '\n');
    run_note(&o, L);
    int *used = wv_alloc((size_t)(r->nparts + 1) * sizeof *used);
    int cur_step = -1; /* -1: adım başlamadı */
    const char *cur_title = NULL;
    int pre_done = 0;
    for (int fi = 0; fi < L->nfiles; fi++) {
        Seg *sg;
        int ns = wv_segment(L->srcs[fi], &sg);
        if (fi > 0) str_addf(&o, "## Ek kaynak: `lessons/%s`\n\n", L->files[fi]);
        for (int k = 0; k < ns; k++) {
            const Seg *s = &sg[k];
            if (s->prose && s->step) {
                /* önceki adımı kapat: çıktısı ve şekilleri */
                if (cur_step < 0 && !pre_done) {
                    emit_output(&o, L, r->pre, "ilk adımdan önce");
                    emit_figs(&o, L, 0, "Başlangıç");
                    pre_done = 1;
                }
                if (cur_step > 0) {
                    const OutPart *p = find_part(r, cur_step);
                    if (p) {
                        char what[64];
                        snprintf(what, sizeof what, "Adım %d/%d", p->k, p->n);
                        emit_output(&o, L, p->text, what);
                        used[p - r->parts] = 1;
                    }
                    emit_figs(&o, L, cur_step, cur_title);
                }
                cur_step = s->step;
                cur_title = s->title;
                str_addf(&o, "## Adım %d: ", s->step);
                md_inline(&o, s->title, strlen(s->title), 0);
                str_add(&o, "\n\n");
                if (s->text[0]) {
                    wv_prose_md(&o, s->text);
                    str_addc(&o, '\n');
                }
            } else if (s->prose) {
                const char *t = s->text;
                /* giriş yorumunun "lessonNN — başlık" satırı bölüm başlığıyla aynıdır: atla */
                if (fi == 0 && k == 0 && !strncmp(t, L->id, strlen(L->id))) {
                    t += strcspn(t, "\n");
                    while (*t == '\n') t++;
                }
                wv_prose_md(&o, t);
                str_addc(&o, '\n');
            } else {
                emit_code(&o, L->files[fi], s);
            }
        }
        if (cur_step > 0 && fi + 1 == L->nfiles) {
            const OutPart *p = find_part(r, cur_step);
            if (p) {
                char what[64];
                snprintf(what, sizeof what, "Adım %d/%d", p->k, p->n);
                emit_output(&o, L, p->text, what);
                used[p - r->parts] = 1;
            }
            emit_figs(&o, L, cur_step, cur_title);
        }
        /* başlık adımları sonraki dosyada değişirse eski başlık serbest kalır: kopyala */
        if (fi + 1 < L->nfiles && cur_title) {
            static char keep[512];
            snprintf(keep, sizeof keep, "%s", cur_title);
            cur_title = keep;
        }
        wv_free_segs(sg, ns);
    }
    if (!pre_done) {
        emit_output(&o, L, r->pre, "ilk adımdan önce");
        emit_figs(&o, L, 0, "Başlangıç");
    }
    /* kaynakta karşılığı olmayan çıktı parçaları */
    for (int k = 0; k < r->nparts; k++) {
        if (used[k]) continue;
        const OutPart *p = &r->parts[k];
        str_addf(&o, "## Adım %d: ", p->k);
        md_inline(&o, p->title, strlen(p->title), 0);
        str_add(&o, " (yalnızca programın çıktısında)\n\n");
        char what[64];
        snprintf(what, sizeof what, "Adım %d/%d", p->k, p->n);
        emit_output(&o, L, p->text, what);
        for (int j = 0; j < k; j++)
            if (r->parts[j].k == p->k) goto no_figs; /* aynı numara ikinci kez: şekiller bir kez */
        {
            int src_has = 0;
            for (int j = 0; j < r->nparts; j++)
                if (used[j] && r->parts[j].k == p->k) src_has = 1;
            if (!src_has) emit_figs(&o, L, p->k, p->title);
        }
    no_figs:;
    }
    /* hiçbir adıma bağlanamayan şekiller */
    int orphan = 0;
    for (int f = 0; f < r->nfigs; f++) {
        int k = r->figstep[f], ok = (k == 0);
        for (int j = 0; j < r->nparts && !ok; j++) ok = r->parts[j].k == k;
        if (!ok) {
            if (!orphan++) str_add(&o, "## Diğer şekiller\n\n");
            str_addf(&o, "![Şekil — %s](runs/%s/%s)\n\n", r->figs[f], L->id, r->figs[f]);
        }
    }
    free(used);
    if (r->nquiz) emit_quiz(&o, L);
    str_add(&o, "---\n\n");
    nav_line(&o, ls, n, i);
    return str_take(&o);
}

/* ------------------------------------------------------------------ */
/* Sözlük                                                                */
/* ------------------------------------------------------------------ */

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

static void trim_inplace(char *s) {
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) s[--n] = '\0';
    size_t i = strspn(s, " \t");
    if (i) memmove(s, s + i, n - i + 1);
}

static int split_commas(const char *s, char **out, int max, int lower) {
    int n = 0;
    while (*s && n < max) {
        size_t l = strcspn(s, ",");
        char *p = wv_strndup(s, l);
        trim_inplace(p);
        if (lower)
            for (char *c = p; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (p[0]) out[n++] = p;
        else free(p);
        s += l;
        if (*s == ',') s++;
    }
    return n;
}

/* sozluk.tsv'yi okur: Türkçe<TAB>İngilizce<TAB>tanım<TAB>anahtar(0/1)[<TAB>ek biçimler].
 * '#' ile başlayan ve boş satırlar atlanır. Hata: -1 ve wv_err (dosya ve satır adıyla). */
int wv_load_glossary(Glossary *g, const char *path, const char *skip_path) {
    memset(g, 0, sizeof *g);
    char *txt = wv_read_file(path, NULL);
    if (!txt) {
        wv_seterr("sözlük '%s' okunamadı: %s", path, strerror(errno));
        return -1;
    }
    char **L;
    int n = split_lines(txt, &L);
    free(txt);
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        if (!L[i][0] || L[i][0] == '#') continue;
        char *f[6] = {0};
        int nf = 0;
        char *p = L[i];
        while (nf < 6) {
            f[nf++] = p;
            char *t = strchr(p, '\t');
            if (!t) break;
            *t = '\0';
            p = t + 1;
        }
        if (nf < 4 || nf > 5) {
            wv_seterr("sözlük '%s', satır %d: 4 ya da 5 sekmeyle ayrılmış sütun bekleniyordu "
                      "(Türkçe, İngilizce, tanım, anahtar[, biçimler]), %d bulundu",
                      path, i + 1, nf);
            rc = -1;
            break;
        }
        for (int k = 0; k < nf; k++) trim_inplace(f[k]);
        if (!f[0][0] || !f[1][0] || !f[2][0]) {
            wv_seterr("sözlük '%s', satır %d: Türkçe terim, İngilizce karşılık ve tanım boş olamaz",
                      path, i + 1);
            rc = -1;
            break;
        }
        if (strcmp(f[3], "0") && strcmp(f[3], "1")) {
            wv_seterr("sözlük '%s', satır %d: anahtar sütunu 0 ya da 1 olmalı, '%s' bulundu", path,
                      i + 1, f[3]);
            rc = -1;
            break;
        }
        for (int k = 0; k < g->n; k++)
            if (!strcmp(g->t[k].tr, f[0])) {
                wv_seterr("sözlük '%s', satır %d: '%s' terimi satır %d'de zaten var", path, i + 1,
                          f[0], g->t[k].line);
                rc = -1;
            }
        if (rc) break;
        g->t = realloc(g->t, (size_t)(g->n + 1) * sizeof *g->t);
        if (!g->t) wv_oom();
        Term *t = &g->t[g->n++];
        memset(t, 0, sizeof *t);
        t->tr = strdup(f[0]);
        t->en = strdup(f[1]);
        t->def = strdup(f[2]);
        t->key = f[3][0] == '1';
        t->line = i + 1;
        t->forms[t->nforms++] = strdup(f[0]);
        if (nf == 5) t->nforms += split_commas(f[4], t->forms + 1, 7, 0);
        t->nens = split_commas(f[1], t->ens, 8, 1);
    }
    for (int i = 0; i < n; i++) free(L[i]);
    free(L);
    if (rc) return rc;
    if (skip_path) {
        char *s = wv_read_file(skip_path, NULL);
        if (s) {
            char **S;
            int m = split_lines(s, &S);
            free(s);
            for (int i = 0; i < m; i++) {
                trim_inplace(S[i]);
                if (!S[i][0] || S[i][0] == '#') { free(S[i]); continue; }
                for (char *c = S[i]; *c; c++) *c = (char)tolower((unsigned char)*c);
                g->skip = realloc(g->skip, (size_t)(g->nskip + 1) * sizeof *g->skip);
                if (!g->skip) wv_oom();
                g->skip[g->nskip++] = S[i];
            }
            free(S);
        }
    }
    return 0;
}

void wv_free_glossary(Glossary *g) {
    for (int i = 0; i < g->n; i++) {
        Term *t = &g->t[i];
        free(t->tr);
        free(t->en);
        free(t->def);
        for (int k = 0; k < t->nforms; k++) free(t->forms[k]);
        for (int k = 0; k < t->nens; k++) free(t->ens[k]);
    }
    free(g->t);
    free_list(g->skip, g->nskip);
    memset(g, 0, sizeof *g);
}

/* Okurun gördüğü metin: yorumlar ve dizgeler, satır numaralarıyla. Parçalar arasında
 * ayraç (\x01) durur, böylece eşleştirme bir parçadan ötekine taşmaz; yalnızca boşlukla
 * ayrılmış bitişik dizgeler ("a " "b") C'deki gibi birleşir. */
typedef struct {
    char *s;
    int *line;  /* her baytın kaynak satırı */
    size_t n;
} Visible;

static void vis_add(Visible *v, size_t *cap, char c, int line) {
    if (v->n + 2 > *cap) {
        *cap = *cap ? *cap * 2 : 4096;
        v->s = realloc(v->s, *cap);
        v->line = realloc(v->line, *cap * sizeof *v->line);
        if (!v->s || !v->line) wv_oom();
    }
    v->s[v->n] = c;
    v->line[v->n++] = line;
    v->s[v->n] = '\0';
}

void wv_visible(const char *src, Visible *v) {
    memset(v, 0, sizeof *v);
    size_t cap = 0;
    Tok *t;
    int nt = wv_lex(src, &t);
    for (int k = 0; k < nt; k++) {
        int join = 0;
        if (k > 0 && t[k].kind == TOK_STRING && t[k - 1].kind == TOK_STRING) {
            join = 1;
            for (size_t p = t[k - 1].tend; p < t[k].tstart; p++)
                if (!isspace((unsigned char)src[p])) join = 0;
        }
        if (!join) vis_add(v, &cap, '\x01', t[k].line0);
        int line = t[k].line0;
        int bol = 0; /* satır başı: yorumun " * " önekini atla */
        for (size_t p = t[k].start; p < t[k].end; p++) {
            char c = src[p];
            if (c == '\n') {
                line++;
                vis_add(v, &cap, ' ', line);
                bol = t[k].kind == TOK_BLOCK;
                continue;
            }
            if (bol) {
                if (c == ' ' || c == '\t') continue;
                if (c == '*' && !(p + 1 < t[k].end && src[p + 1] == '/')) { bol = 0; continue; }
                bol = 0;
            }
            if (t[k].kind == TOK_STRING && c == '\\' && p + 1 < t[k].end) {
                char d = src[++p];
                vis_add(v, &cap, (d == 'n' || d == 't' || d == '\n') ? ' ' : d, line);
                if (d == '\n') line++;
                continue;
            }
            vis_add(v, &cap, c == '\t' ? ' ' : c, line);
        }
    }
    free(t);
    if (!v->s) vis_add(v, &cap, '\x01', 1);
}

/* text[i..] Türkçe terime (katlanmış karşılaştırma) uyuyor mu? Terimdeki boşluk metinde bir
 * ya da daha çok boşluğa uyar. Dönüş: eşleşen bayt sayısı, 0: uymuyor. */
static size_t match_fold(const char *text, size_t i, const char *term) {
    size_t j = i;
    const char *t = term;
    while (*t) {
        int lt, lx;
        if (*t == ' ') {
            if (text[j] != ' ') return 0;
            while (text[j] == ' ') j++;
            t++;
            continue;
        }
        if (!text[j]) return 0;
        uint32_t a = tr_fold(u8_get(t, &lt)), b = tr_fold(u8_get(text + j, &lx));
        if (a != b) return 0;
        t += lt;
        j += (size_t)lx;
    }
    return j - i;
}

/* Türkçe çekim ekleri: terimin ardından gelen sözcük sonu bu eklerin art arda dizilişi
 * olmalıdır ("kayıpların" = kayıp + lar + ın). Böylece "ağ" terimi "ağırlık"a uymaz. */
static const char *const SUFFIXES[] = {
    "lar", "ler", "ları", "leri", "ı", "i", "u", "ü", "ın", "in", "un", "ün", "nın", "nin",
    "nun", "nün", "yı", "yi", "yu", "yü", "nı", "ni", "nu", "nü", "sı", "si", "su", "sü",
    "a", "e", "ya", "ye", "na", "ne", "da", "de", "ta", "te", "nda", "nde", "dan", "den",
    "tan", "ten", "ndan", "nden", "la", "le", "yla", "yle", "dır", "dir", "dur", "dür",
    "tır", "tir", "tur", "tür", "ki", "mız", "miz", "muz", "müz", "ımız", "imiz", "umuz",
    "ümüz", "sın", "sin", "lık", "lik", "luk", "lük", "ken", "yken", "dır", "ca", "ce", NULL};

static int suffix_ok(const char *s, size_t n, int depth) {
    if (n == 0) return 1;
    if (depth > 5) return 0;
    for (int k = 0; SUFFIXES[k]; k++) {
        size_t l = strlen(SUFFIXES[k]);
        if (l <= n && !memcmp(s, SUFFIXES[k], l) && suffix_ok(s + l, n - l, depth + 1)) return 1;
    }
    return 0;
}

/* i konumunda sözcük başı mı (önceki kod noktası harf değil)? */
static int word_start(const char *s, size_t i) {
    if (i == 0) return 1;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
    int l;
    return !is_wordc(u8_get(s + j, &l));
}

/* i konumundan başlayan sözcüğün sonu */
static size_t word_end(const char *s, size_t i) {
    while (s[i]) {
        int l;
        uint32_t c = u8_get(s + i, &l);
        if (!is_wordc(c) && c != '\'') break; /* "ReLU'da" gibi kesme işaretli ekler */
        i += (size_t)l;
    }
    return i;
}

/* Terimin metindeki ilk kullanımı: konum ve eşleşme sonu (sözcük sonu). Yoksa -1. */
static long find_term(const char *text, const Term *t, size_t from, size_t *wend) {
    size_t best = (size_t)-1, bend = 0;
    for (int f = 0; f < t->nforms; f++) {
        for (size_t i = from; text[i]; i++) {
            if (i >= best) break;
            if (!word_start(text, i)) continue;
            size_t m = match_fold(text, i, t->forms[f]);
            if (!m) continue;
            size_t e = word_end(text, i + m);
            /* kesme işaretinden sonrası ek sayılır */
            size_t sfx = i + m;
            if (text[sfx] == '\'') sfx++;
            char low[256];
            size_t ln = 0;
            for (size_t p = sfx; p < e && ln + 4 < sizeof low;) {
                int l;
                uint32_t c = tr_fold(u8_get(text + p, &l));
                if (c < 0x80) low[ln++] = (char)c;
                else if (c < 0x800) { low[ln++] = (char)(0xC0 | (c >> 6)); low[ln++] = (char)(0x80 | (c & 0x3F)); }
                else { low[ln++] = '?'; }
                p += (size_t)l;
            }
            if (!suffix_ok(low, ln, 0)) continue;
            best = i;
            bend = e;
            break;
        }
    }
    if (best == (size_t)-1) return -1;
    *wend = bend;
    return (long)best;
}

static int has_en_at(const char *a, const char *close, const Term *t);

/* wend'den sonra İngilizce karşılık geliyor mu? Kabul edilen biçimler:
 *   "kayıp (loss)", "kayıp (loss, İng.)"        hemen ardından parantez içinde;
 *   "çapraz entropi kaybı (cross-entropy)"       en çok iki sözcük sonra parantez içinde;
 *   "(aşırı öğrenme, overfitting)"               virgülden hemen sonra. */
static int paired_after(const char *text, size_t wend, const Term *t) {
    size_t p = wend;
    if (text[p] == ',') {
        p++;
        while (text[p] == ' ') p++;
        const char *e = text + p;
        while (*e && *e != ')' && *e != ',' && *e != ';' && *e != '\x01' && e - (text + p) < 60) e++;
        if (has_en_at(text + p - 1, e, t)) return 1;
        p = wend;
    }
    for (int extra = 0; extra <= 2; extra++) {
        while (text[p] == ' ' || text[p] == '"' || text[p] == '\'') p++; /* "tekrar oynatma" (replay) */
        if (text[p] == '(') break;
        if (extra == 2) return 0;
        int l;
        if (!text[p] || !is_wordc(u8_get(text + p, &l))) return 0;
        p = word_end(text, p);
    }
    if (text[p] != '(') return 0;
    const char *close = strchr(text + p, ')');
    const char *sep = strchr(text + p, '\x01');
    if (!close || (sep && sep < close) || close - (text + p) > 200) return 0;
    return has_en_at(text + p, close, t);
}

/* (a, close) aralığında terimin İngilizce seçeneklerinden biri tam sözcük olarak geçiyor mu? */
static int has_en_at(const char *a, const char *close, const Term *t) {
    for (int k = 0; k < t->nens; k++) {
        size_t l = strlen(t->ens[k]);
        for (const char *q = a + 1; q + l <= close; q++)
            if (!strncasecmp(q, t->ens[k], l) && (q == a + 1 || !isalpha((unsigned char)q[-1]))) {
                /* tam sözcük; İngilizce çoğul eki (-s, -es) olabilir: "(keys)", "(batches)" */
                const char *e = q + l;
                if (*e == 's') e++;
                else if (e[0] == 'e' && e[1] == 's') e += 2;
                if (!isalpha((unsigned char)q[l]) || !isalpha((unsigned char)*e)) return 1;
            }
    }
    return 0;
}

/* İhlal bildirimi için bağlamı (UTF-8 sınırlarına dikkat ederek) ekler. */
static void add_context(Str *o, const char *s, size_t a, size_t b) {
    size_t lo = a > 30 ? a - 30 : 0, hi = b + 40;
    size_t n = strlen(s);
    if (hi > n) hi = n;
    while (lo > 0 && ((unsigned char)s[lo] & 0xC0) == 0x80) lo--;
    while (hi < n && ((unsigned char)s[hi] & 0xC0) == 0x80) hi++;
    str_add(o, "«");
    for (size_t i = lo; i < hi; i++) str_addc(o, s[i] == '\x01' ? ' ' : s[i]);
    str_add(o, "»");
}

static int is_ascii_phrase(const char *s, size_t n, int *words, int *allcaps) {
    *words = 0;
    *allcaps = 1;
    int inword = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (isalpha((unsigned char)c) || (c == '-' && inword)) {
            if (!inword) (*words)++;
            inword = 1;
            if (islower((unsigned char)c)) *allcaps = 0;
        } else if (c == ' ' && inword) {
            inword = 0;
        } else {
            return 0;
        }
    }
    return inword && *words >= 1 && *words <= 4;
}

/* İngilizce bir ifadeyi sözlükteki karşılıklarla karşılaştırır (küçük harf; sondaki -s/-es
 * çoğul eki yok sayılır). */
static int glossary_has_en(const Glossary *g, const char *ph) {
    char a[256];
    snprintf(a, sizeof a, "%s", ph);
    for (char *c = a; *c; c++) *c = (char)tolower((unsigned char)*c);
    size_t la = strlen(a);
    for (int i = 0; i < g->n; i++)
        for (int k = 0; k < g->t[i].nens; k++) {
            const char *b = g->t[i].ens[k];
            size_t lb = strlen(b);
            if (!strcmp(a, b)) return 1;
            if (la == lb + 1 && a[la - 1] == 's' && !strncmp(a, b, lb)) return 1;
            if (la == lb + 2 && !strcmp(a + lb, "es") && !strncmp(a, b, lb)) return 1;
            if (lb > 1 && la == lb - 1 + 3 && b[lb - 1] == 'y' && !strcmp(a + lb - 1, "ies") &&
                !strncmp(a, b, lb - 1))
                return 1;
        }
    return 0;
}

/* Bir dersi sözlük kurallarına göre denetler; ihlalleri o'ya satır satır yazar.
 * Kural 1 (eşleştirme): sözlükteki her terimin (Türkçe karşılığı İngilizcesinden farklıysa)
 *   dersteki İLK kullanımının ardından İngilizce karşılığı gelmeli: "kayıp (loss)",
 *   "Kayıplar (losses)", "çapraz entropi kaybı (cross-entropy)" (en çok iki sözcük sonra
 *   parantez), "(aşırı öğrenme, overfitting)" (virgülden hemen sonra). Terim bir sözcük
 *   başında, büyük/küçük harf ayrımı olmadan (Türkçe I/İ kuralıyla) aranır; ardından yalnızca
 *   Türkçe çekim ekleri gelebilir (SUFFIXES). Aranan metin yorumlar ve dizgelerdir.
 * Kural 2 (anahtar terim sözlükte): dersin "türkçe (english)" biçiminde tanıttığı her terim
 *   sözlükte bulunmalı. Eşleştirme sayılan parantez: önünde boşluk ve bir sözcük var; içi
 *   1–4 ASCII sözcük (harf ve tire); hiçbir sözcüğü 2 harften kısa değil ya da içinde büyük
 *   harf taşımıyor (NaN, SHOWN, i, dx gibi kısaltma/değişkenler sayılmaz); hiçbir sözcüğü
 *   sozluk_haric.txt'te değil (orada İngilizce görünen Türkçe sözcükler durur: "bir", "son").
 * Dönüş: ihlal sayısı. first_lesson: terimin ilk geçtiği ders numarası (NULL olabilir). */
int wv_check_lesson_glossary(const Glossary *g, const char *lesson_id, const char *file,
                             const char *src, Str *o, int *seen) {
    Visible v;
    wv_visible(src, &v);
    int bad = 0;
    for (int i = 0; i < g->n; i++) {
        const Term *t = &g->t[i];
        size_t we;
        long pos = find_term(v.s, t, 0, &we);
        if (pos < 0) continue;
        if (seen) seen[i] = 1;
        int same = 0;
        for (int k = 0; k < t->nens; k++) {
            Str f = {0};
            for (const char *c = t->tr; *c;) {
                int l;
                uint32_t u = tr_fold(u8_get(c, &l));
                if (u < 0x80) str_addc(&f, (char)u);
                else str_addn(&f, c, (size_t)l);
                c += l;
            }
            if (f.s && !strcmp(f.s, t->ens[k])) same = 1;
            free(f.s);
        }
        if (same || paired_after(v.s, we, t)) continue;
        bad++;
        str_addf(o, "%s (lessons/%s, satır %d): '%s' teriminin ilk kullanımında '(%s)' eşleştirmesi "
                    "yok: ",
                 lesson_id, file, v.line[pos], t->tr, t->nens ? t->ens[0] : "?");
        add_context(o, v.s, (size_t)pos, we);
        str_addc(o, '\n');
    }
    /* Kural 2 */
    for (size_t p = 1; p < v.n; p++) {
        if (v.s[p] != '(' || v.s[p - 1] != ' ') continue;
        size_t q = p - 1;
        while (q > 0 && v.s[q] == ' ') q--;
        int l;
        size_t qs = q;
        while (qs > 0 && ((unsigned char)v.s[qs] & 0xC0) == 0x80) qs--;
        if (!is_wordc(u8_get(v.s + qs, &l)) || v.s[qs] == '_' || isdigit((unsigned char)v.s[qs])) continue;
        const char *close = strchr(v.s + p, ')');
        if (!close) continue;
        size_t n = (size_t)(close - (v.s + p + 1));
        int words, caps;
        if (!is_ascii_phrase(v.s + p + 1, n, &words, &caps) || caps) continue;
        char ph[256];
        snprintf(ph, sizeof ph, "%.*s", (int)(n < 255 ? n : 255), v.s + p + 1);
        /* hariç tutulan sözcükler */
        int skip = 0;
        char low[256];
        snprintf(low, sizeof low, "%s", ph);
        for (char *c = low; *c; c++) *c = (char)tolower((unsigned char)*c);
        for (int k = 0; k < g->nskip && !skip; k++) {
            if (!strcmp(low, g->skip[k])) skip = 1;
            char *w = low;
            while (*w && !skip) {
                size_t wl = strcspn(w, " ");
                if (wl == strlen(g->skip[k]) && !strncmp(w, g->skip[k], wl)) skip = 1;
                w += wl;
                while (*w == ' ') w++;
            }
        }
        /* kısa sözcük (i, j, dx) ya da içinde büyük harf olan sözcük (NaN, SHOWN) varsa
         * parantez bir terim değil, bir değişken ya da kısaltmadır */
        for (const char *w = ph; *w && !skip;) {
            size_t wl = strcspn(w, " ");
            if (wl <= 2) skip = 1;
            for (size_t c = 1; c < wl; c++)
                if (isupper((unsigned char)w[c])) skip = 1;
            w += wl;
            while (*w == ' ') w++;
        }
        if (skip || glossary_has_en(g, ph)) continue;
        bad++;
        /* önceki sözcüğün başı */
        size_t ws = qs;
        while (ws > 0 && word_start(v.s, ws) == 0) ws--;
        str_addf(o, "%s (lessons/%s, satır %d): '(%s)' eşleştirmesi sözlükte yok "
                    "(textbook/sozluk.tsv'ye ekleyin ya da İngilizce terim değilse "
                    "textbook/sozluk_haric.txt'ye yazın): ",
                 lesson_id, file, v.line[p], ph);
        add_context(o, v.s, ws, (size_t)(close - v.s) + 1);
        str_addc(o, '\n');
    }
    free(v.s);
    free(v.line);
    return bad;
}

/* ------------------------------------------------------------------ */
/* İçindekiler ve sözlük bölümleri                                       */
/* ------------------------------------------------------------------ */

char *wv_index(const Lesson *ls, int n, const char *preface, const Glossary *g, int *const *seen) {
    Str o = {0};
    str_add(&o, "# Derin Öğrenme Adım Adım — İçindekiler\n\n");
    str_add(&o, "<!-- Bu dosya textbook/weave.c tarafından üretildi (make textbook); elle "
                "düzenlemeyin. Önsöz: textbook/onsoz.md -->\n\n");
    if (preface && preface[0]) {
        str_add(&o, preface);
        if (preface[strlen(preface) - 1] != '\n') str_addc(&o, '\n');
        str_addc(&o, '\n');
    }
    str_add(&o, "## Öğrenme yolu\n\n");
    if (!n) str_add(&o, "Henüz ders yok.\n\n");
    for (int i = 0; i < n; i++) {
        const Lesson *L = &ls[i];
        str_addf(&o, "### [Ders %s — ", L->num);
        md_inline(&o, L->title, strlen(L->title), 0);
        str_addf(&o, "](%s)\n\n", L->chapter);
        if (L->goals) {
            str_add(&o, "Bu derste öğrenecekleriniz:\n\n");
            str_add(&o, L->goals);
            str_addc(&o, '\n');
        }
        /* bu derste ilk kez geçen anahtar terimler */
        if (g && seen) {
            int any = 0;
            for (int t = 0; t < g->n; t++) {
                if (!g->t[t].key || !seen[i][t]) continue;
                int earlier = 0;
                for (int j = 0; j < i; j++) earlier |= seen[j][t];
                if (earlier) continue;
                str_add(&o, any ? ", " : "Yeni anahtar terimler: ");
                md_inline(&o, g->t[t].tr, strlen(g->t[t].tr), 0);
                str_add(&o, " (");
                md_inline(&o, g->t[t].ens[0], strlen(g->t[t].ens[0]), 0);
                str_add(&o, ")");
                any = 1;
            }
            if (any) str_add(&o, ".\n\n");
        }
    }
    str_add(&o, "## Ölçülen sonuçlar\n\n");
    str_add(&o, "Her dersin kayıtlı koşusunun son satırı (`SONUÇ:`), olduğu gibi. Koşunun komutu, "
                "makinesi ve tarihi bölümün başında yazar.\n\n");
    /* çizgi sayıları pandoc'ta sütun genişlikleridir: %8 / %22 / %70 */
    str_add(&o, "| Ders | Koşu | SONUÇ |\n|----|-----------|-----------------------------------|\n");
    for (int i = 0; i < n; i++) {
        const Lesson *L = &ls[i];
        const Run *r = &L->run;
        str_addf(&o, "| [%s](%s) | ", L->num, L->chapter);
        if (!r->have) {
            str_add(&o, "kayıt yok | — |\n");
            continue;
        }
        const char *cmd = run_get(r, "komut"), *kisa = run_get(r, "kisa"), *date = run_get(r, "tarih");
        str_addf(&o, "`%s`%s%s%s | ", cmd ? cmd : L->id, kisa && !strcmp(kisa, "evet") ? " (kısa koşu)" : "",
                 date ? ", " : "", date ? date : "");
        if (r->sonuc) {
            /* her key=value ayrı kod parçası */
            const char *s = r->sonuc;
            int first = 1;
            while (*s) {
                size_t l = strcspn(s, " ");
                if (l) {
                    if (!first) str_addc(&o, ' ');
                    str_addc(&o, '`');
                    for (size_t k = 0; k < l; k++) {
                        if (s[k] == '|') str_addc(&o, '\\');
                        str_addc(&o, s[k] == '`' ? '\'' : s[k]);
                    }
                    str_addc(&o, '`');
                    first = 0;
                }
                s += l;
                while (*s == ' ') s++;
            }
        } else {
            str_add(&o, "(SONUÇ satırı yok)");
        }
        str_add(&o, " |\n");
    }
    str_add(&o, "\n[Sözlük](" GLOSSARY_MD "): kitapta geçen terimlerin Türkçe–İngilizce karşılıkları "
                "ve tanımları.\n");
    return str_take(&o);
}

static const Glossary *g_sort;
static int cmp_term_idx(const void *a, const void *b) {
    const Term *x = &g_sort->t[*(const int *)a], *y = &g_sort->t[*(const int *)b];
    int c = wv_tr_cmp(x->tr, y->tr);
    return c ? c : x->line - y->line;
}

static void md_cell(Str *o, const char *s) {
    Str t = {0};
    md_inline(&t, s, strlen(s), 0);
    for (size_t i = 0; i < t.n; i++) {
        if (t.s[i] == '|' && (i == 0 || t.s[i - 1] != '\\')) str_addc(o, '\\');
        str_addc(o, t.s[i]);
    }
    free(t.s);
}

char *wv_glossary_md(const Glossary *g, const Lesson *ls, int n, int *const *seen) {
    Str o = {0};
    str_add(&o, "# Sözlük\n\n");
    str_add(&o, "<!-- Bu dosya textbook/weave.c tarafından textbook/sozluk.tsv'den üretildi; elle "
                "düzenlemeyin. -->\n\n");
    str_add(&o, "[İçindekiler](" INDEX_MD ")\n\n");
    str_add(&o, "Kitapta geçen terimler, Türkçe alfabe sırasıyla. **Kalın** olanlar anahtar "
                "terimlerdir. \"Dersler\" sütunu terimin geçtiği dersleri gösterir; derslerde bir "
                "terim ilk kullanıldığı yerde İngilizcesiyle birlikte yazılır: \"kayıp (loss)\".\n\n");
    str_add(&o, "| Türkçe | İngilizce | Tanım | Dersler |\n"
                "|---------|---------|-------------------------|-------|\n");
    int *idx = wv_alloc((size_t)(g->n + 1) * sizeof *idx);
    for (int i = 0; i < g->n; i++) idx[i] = i;
    g_sort = g;
    qsort(idx, (size_t)g->n, sizeof *idx, cmp_term_idx);
    for (int k = 0; k < g->n; k++) {
        const Term *t = &g->t[idx[k]];
        str_add(&o, "| ");
        if (t->key) str_add(&o, "**");
        md_cell(&o, t->tr);
        if (t->key) str_add(&o, "**");
        str_add(&o, " | ");
        md_cell(&o, t->en);
        str_add(&o, " | ");
        md_cell(&o, t->def);
        str_add(&o, " | ");
        int any = 0;
        for (int i = 0; i < n; i++)
            if (seen && seen[i][idx[k]]) {
                str_addf(&o, "%s[%s](%s)", any ? ", " : "", ls[i].num, ls[i].chapter);
                any = 1;
            }
        if (!any) str_add(&o, "—");
        str_add(&o, " |\n");
    }
    free(idx);
    return str_take(&o);
}

/* ------------------------------------------------------------------ */
/* Kitap                                                                 */
/* ------------------------------------------------------------------ */

typedef struct {
    char *names[512];
    char *texts[512];
    int n;
} Book;

void wv_free_book(Book *b) {
    for (int i = 0; i < b->n; i++) {
        free(b->names[i]);
        free(b->texts[i]);
    }
    b->n = 0;
}

static void book_add(Book *b, const char *name, char *text) {
    if (b->n >= 512) { free(text); return; }
    b->names[b->n] = strdup(name);
    b->texts[b->n++] = text;
}

/* root altındaki lessons/ ve textbook/ girdilerinden kitabı bellekte üretir.
 * Sözlük ihlalleri (varsa) viol'e yazılır (NULL olabilir). 0: başarılı, -1: hata (wv_err). */
int wv_build_book(const char *root, Book *b, Str *viol, int *nviol) {
    memset(b, 0, sizeof *b);
    char ld[4096], rd[4096], gp[4096], sp[4096], pp[4096];
    snprintf(ld, sizeof ld, "%s/lessons", root);
    snprintf(rd, sizeof rd, "%s/textbook/runs", root);
    snprintf(gp, sizeof gp, "%s/textbook/sozluk.tsv", root);
    snprintf(sp, sizeof sp, "%s/textbook/sozluk_haric.txt", root);
    snprintf(pp, sizeof pp, "%s/textbook/onsoz.md", root);
    if (!wv_is_dir(ld)) {
        wv_seterr("'%s' klasörü yok (--kok depo kökünü göstermeli)", ld);
        return -1;
    }
    Lesson *ls;
    int n = wv_find_lessons(ld, &ls);
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) rc = wv_load_lesson(&ls[i], ld, rd);
    Glossary g = {0};
    int have_g = 0;
    if (rc == 0 && wv_is_file(gp)) {
        rc = wv_load_glossary(&g, gp, sp);
        have_g = rc == 0;
    }
    int **seen = NULL;
    if (rc == 0) {
        seen = wv_alloc((size_t)(n + 1) * sizeof *seen);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            seen[i] = wv_alloc((size_t)(g.n + 1) * sizeof **seen);
            if (!have_g) continue;
            for (int f = 0; f < ls[i].nfiles; f++) {
                Str tmp = {0};
                bad += wv_check_lesson_glossary(&g, ls[i].id, ls[i].files[f], ls[i].srcs[f], &tmp,
                                                seen[i]);
                if (viol && tmp.s) str_add(viol, tmp.s);
                free(tmp.s);
            }
        }
        if (nviol) *nviol = bad;
        for (int i = 0; i < n; i++) book_add(b, ls[i].chapter, wv_chapter(ls, n, i));
        char *pre = wv_read_file(pp, NULL);
        book_add(b, INDEX_MD, wv_index(ls, n, pre, have_g ? &g : NULL, seen));
        free(pre);
        if (have_g) book_add(b, GLOSSARY_MD, wv_glossary_md(&g, ls, n, seen));
        for (int i = 0; i < n; i++) free(seen[i]);
        free(seen);
    }
    for (int i = 0; i < n; i++) wv_free_lesson(&ls[i]);
    free(ls);
    wv_free_glossary(&g);
    return rc;
}

/* Üretilmiş bölüm adı mı? (NN-ad.md) */
int wv_is_generated_name(const char *s) {
    return isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && s[2] == '-' &&
           strlen(s) > 6 && !strcmp(s + strlen(s) - 3, ".md");
}

/* Kitabı outdir'e yazar; outdir'de kitapta olmayan eski NN-*.md bölümlerini siler. */
int wv_write_book(const Book *b, const char *outdir) {
    for (int i = 0; i < b->n; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", outdir, b->names[i]);
        if (wv_write_file(p, b->texts[i], strlen(b->texts[i])) != 0) return -1;
    }
    char **f;
    int nf = wv_list_dir(outdir, "", ".md", &f);
    for (int i = 0; i < nf; i++) {
        if (!wv_is_generated_name(f[i])) continue;
        int keep = 0;
        for (int k = 0; k < b->n; k++) keep |= !strcmp(b->names[k], f[i]);
        if (!keep) {
            char p[4096];
            snprintf(p, sizeof p, "%s/%s", outdir, f[i]);
            fprintf(stderr, "eski bölüm siliniyor: %s\n", p);
            remove(p);
        }
    }
    free_list(f, nf);
    return 0;
}

#ifndef WEAVE_NO_MAIN
static void usage(FILE *f) {
    fprintf(f,
            "weave — derslerden ve kayıtlı koşulardan Markdown ders kitabı üretir.\n\n"
            "Kullanım:\n"
            "  weave [--kok DİZİN] [--cikti DİZİN]    kitabı yazar (varsayılan: . ve KÖK/textbook)\n"
            "  weave --liste [--kok DİZİN]            bölüm dosyalarını okuma sırasıyla yazar\n"
            "  weave --sozluk-denetimi [--kok DİZİN]  sözlük kurallarını denetler (ihlal: çıkış 1)\n"
            "  weave --help                           bu yardım\n");
}

int main(int argc, char **argv) {
    const char *root = ".", *out = NULL;
    int list = 0, check = 0;
    static const struct option opts[] = {{"kok", required_argument, 0, 'k'},
                                          {"cikti", required_argument, 0, 'o'},
                                          {"liste", no_argument, 0, 'l'},
                                          {"sozluk-denetimi", no_argument, 0, 's'},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'k': root = optarg; break;
        case 'o': out = optarg; break;
        case 'l': list = 1; break;
        case 's': check = 1; break;
        case 'h': usage(stdout); return 0;
        default:
            fprintf(stderr, "hata: bilinmeyen ya da eksik değerli bayrak '%s'\n", argv[optind - 1]);
            usage(stderr);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "hata: beklenmeyen argüman '%s'\n", argv[optind]);
        return 2;
    }
    Book b;
    Str viol = {0};
    int nviol = 0;
    if (wv_build_book(root, &b, &viol, &nviol) != 0) {
        fprintf(stderr, "hata: %s\n", wv_err);
        return 1;
    }
    int rc = 0;
    if (list) {
        printf("%s\n", INDEX_MD); /* içindekiler önce gelir */
        for (int i = 0; i < b.n; i++)
            if (strcmp(b.names[i], INDEX_MD)) printf("%s\n", b.names[i]);
    } else if (check) {
        if (nviol) {
            fprintf(stderr, "Sözlük kuralı ihlalleri (%d):\n%s", nviol, viol.s ? viol.s : "");
            rc = 1;
        } else {
            printf("Sözlük kuralları: ihlal yok.\n");
        }
    } else {
        char od[4096];
        if (!out) snprintf(od, sizeof od, "%s/textbook", root), out = od;
        if (wv_write_book(&b, out) != 0) {
            fprintf(stderr, "hata: %s\n", wv_err);
            rc = 1;
        } else {
            printf("kitap yazıldı: %s (%d dosya)\n", out, b.n);
            if (nviol) fprintf(stderr, "uyarı: %d sözlük kuralı ihlali var (weave --sozluk-denetimi)\n", nviol);
        }
    }
    free(viol.s);
    wv_free_book(&b);
    return rc;
}
#endif
