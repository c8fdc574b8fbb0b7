/* str.c — büyüyen metin tamponu (Str), son hata iletisi, dosya okuma/yazma, klasör
 * listesi, cksum. */
#include "weave.h"

void wv_oom(void) {
    fprintf(stderr, "hata: bellek yetmedi\n");
    exit(1);
}

void *wv_alloc(size_t n) {
    void *p = calloc(1, n ? n : 1);
    if (!p) wv_oom();
    return p;
}

void str_addn(Str *b, const char *p, size_t n) {
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

void str_add(Str *b, const char *p) { str_addn(b, p, strlen(p)); }
void str_addc(Str *b, char c) { str_addn(b, &c, 1); }

void str_addf(Str *b, const char *fmt, ...) {
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

char *str_take(Str *b) {
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

char *wv_strndup(const char *s, size_t n) {
    char *p = wv_alloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* Son hata iletisi (Türkçe); fonksiyonlar -1/NULL döndüğünde doldurulur. */
char wv_err[1024];

void wv_seterr(const char *fmt, ...) {
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

int wv_is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int wv_is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Klasördeki, adı pfx ile başlayıp sfx ile biten dosyaların sıralı listesi. */
int wv_list_dir(const char *dir, const char *pfx, const char *sfx, char ***out) {
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

void free_list(char **v, int n) {
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
