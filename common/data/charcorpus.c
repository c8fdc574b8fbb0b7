/* charcorpus.c — bkz. charcorpus.h */
#include "data/charcorpus.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/util.h"

/* Tek kod noktası çözer; dönüş bayt sayısı ya da -1 (bozuk). */
static int utf8_one(const unsigned char *p, const unsigned char *end, uint32_t *cp) {
    unsigned c = p[0];
    int n;
    uint32_t v, min;
    if (c < 0x80) { *cp = c; return 1; }
    if ((c & 0xE0) == 0xC0) n = 2, v = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) n = 3, v = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) n = 4, v = c & 0x07, min = 0x10000;
    else return -1;
    if (end - p < n) return -1;
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return -1;
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return -1;
    *cp = v;
    return n;
}

static void cp_show(uint32_t cp, char *out) {
    if (cp == '\n') strcpy(out, "\\n");
    else if (cp < 32 || cp == 127) snprintf(out, 32, "U+%04X", (unsigned)cp);
    else {
        unsigned char b[5] = {0};
        if (cp < 0x80) b[0] = (unsigned char)cp;
        else if (cp < 0x800) b[0] = 0xC0 | (cp >> 6), b[1] = 0x80 | (cp & 0x3F);
        else if (cp < 0x10000) b[0] = 0xE0 | (cp >> 12), b[1] = 0x80 | ((cp >> 6) & 0x3F), b[2] = 0x80 | (cp & 0x3F);
        else b[0] = 0xF0 | (cp >> 18), b[1] = 0x80 | ((cp >> 12) & 0x3F), b[2] = 0x80 | ((cp >> 6) & 0x3F), b[3] = 0x80 | (cp & 0x3F);
        snprintf(out, 32, "'%s' (U+%04X)", (char *)b, (unsigned)cp);
    }
}

int charvocab_load(CharVocab *v, const char *path, char *err, size_t errlen) {
    memset(v, 0, sizeof *v);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "sözlük dosyası '%s' açılamadı: %s (veri hazır mı? make lesson16)", path,
                 tr_strerror(errno));
        return -1;
    }
    char line[128];
    int V = 0, ok = fgets(line, sizeof line, f) && !strcmp(line, "DOAA-SOZLUK 1\n");
    if (!ok) {
        snprintf(err, errlen, "sözlük dosyası '%s': ilk satır 'DOAA-SOZLUK 1' değil (bu bir sözlük dosyası mı?)", path);
        fclose(f);
        return -1;
    }
    char extra;
    if (!fgets(line, sizeof line, f) || sscanf(line, "%d%c", &V, &extra) != 2 || extra != '\n' || V < 2 ||
        V > CHARVOCAB_MAX) {
        snprintf(err, errlen, "sözlük dosyası '%s': ikinci satır 2..%d arası bir simge sayısı olmalı", path,
                 CHARVOCAB_MAX);
        fclose(f);
        return -1;
    }
    for (int i = 0; i < V; i++) {
        unsigned cp;
        if (!fgets(line, sizeof line, f) || sscanf(line, "U+%x%c", &cp, &extra) != 2 || extra != '\n' ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || (i > 0 && cp <= v->cp[i - 1])) {
            snprintf(err, errlen,
                     "sözlük dosyası '%s', %d. satır: 'U+XXXX' biçiminde, öncekinden büyük geçerli bir kod "
                     "noktası bekleniyordu (dosya %d simge söylüyor)", path, i + 3, V);
            fclose(f);
            return -1;
        }
        v->cp[i] = cp;
    }
    if (fgets(line, sizeof line, f)) {
        snprintf(err, errlen, "sözlük dosyası '%s': %d simgeden sonra fazladan satır var", path, V);
        fclose(f);
        return -1;
    }
    fclose(f);
    v->V = V;
    return 0;
}

int charvocab_id(const CharVocab *v, uint32_t cp) {
    int lo = 0, hi = v->V - 1;
    while (lo <= hi) {
        int m = (lo + hi) / 2;
        if (v->cp[m] == cp) return m;
        if (v->cp[m] < cp) lo = m + 1;
        else hi = m - 1;
    }
    return -1;
}

int charvocab_encode(const CharVocab *v, const char *text, int *ids, int max, char *err, size_t errlen) {
    const unsigned char *p = (const unsigned char *)text, *end = p + strlen(text);
    int n = 0;
    while (p < end) {
        uint32_t cp;
        int k = utf8_one(p, end, &cp);
        if (k < 0) {
            snprintf(err, errlen, "%d. karakterde geçersiz UTF-8 baytı", n + 1);
            return -1;
        }
        int id = charvocab_id(v, cp);
        if (id < 0) {
            char s[32];
            cp_show(cp, s);
            snprintf(err, errlen, "%d. karakter %s modelin sözlüğünde yok (bu derlemde hiç geçmedi)", n + 1, s);
            return -1;
        }
        if (n >= max) {
            snprintf(err, errlen, "metin çok uzun (en çok %d karakter)", max);
            return -1;
        }
        ids[n++] = id;
        p += k;
    }
    return n;
}

void charvocab_decode(const CharVocab *v, const int *ids, int n, char *out, size_t cap) {
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        if (ids[i] < 0 || ids[i] >= v->V) continue;
        uint32_t c = v->cp[ids[i]];
        char b[4];
        int m;
        if (c < 0x80) b[0] = (char)c, m = 1;
        else if (c < 0x800) b[0] = (char)(0xC0 | (c >> 6)), b[1] = (char)(0x80 | (c & 0x3F)), m = 2;
        else if (c < 0x10000)
            b[0] = (char)(0xE0 | (c >> 12)), b[1] = (char)(0x80 | ((c >> 6) & 0x3F)), b[2] = (char)(0x80 | (c & 0x3F)), m = 3;
        else
            b[0] = (char)(0xF0 | (c >> 18)), b[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
            b[2] = (char)(0x80 | ((c >> 6) & 0x3F)), b[3] = (char)(0x80 | (c & 0x3F)), m = 4;
        if (k + (size_t)m + 1 > cap) break;
        memcpy(out + k, b, (size_t)m);
        k += (size_t)m;
    }
    if (cap) out[k] = 0;
}

int corpus_load(TokenStream *s, const char *path, const CharVocab *v, long max_chars, char *err,
                size_t errlen) {
    memset(s, 0, sizeof *s);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "metin dosyası '%s' açılamadı: %s (veri hazır mı? make lesson16)", path,
                 tr_strerror(errno));
        return -1;
    }
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0) size = ftell(f);
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0) {
        snprintf(err, errlen, "metin dosyası '%s': boyu okunamadı (normal bir dosya mı?)", path);
        fclose(f);
        return -1;
    }
    if (size == 0 || size > CORPUS_MAX_BYTES) {
        snprintf(err, errlen, "metin dosyası '%s': %ld bayt; 1..%ld bayt olmalı", path, size, CORPUS_MAX_BYTES);
        fclose(f);
        return -1;
    }
    unsigned char *b = xmalloc((size_t)size);
    if (fread(b, 1, (size_t)size, f) != (size_t)size) {
        snprintf(err, errlen, "metin dosyası '%s': okunamadı", path);
        free(b);
        fclose(f);
        return -1;
    }
    fclose(f);
    s->ids = xmalloc((size_t)size * sizeof(int));
    const unsigned char *p = b, *end = b + size;
    long line = 1, n = 0;
    while (p < end && (max_chars <= 0 || n < max_chars || s->ids[n - 1] != charvocab_id(v, '\n'))) {
        uint32_t cp;
        int k = utf8_one(p, end, &cp);
        if (k < 0) {
            snprintf(err, errlen, "metin dosyası '%s', %ld. satır: geçersiz UTF-8 baytı (0x%02X)", path, line, *p);
            free(b), corpus_free(s);
            return -1;
        }
        int id = charvocab_id(v, cp);
        if (id < 0) {
            char c[32];
            cp_show(cp, c);
            snprintf(err, errlen, "metin dosyası '%s', %ld. satır: %s sözlükte yok", path, line, c);
            free(b), corpus_free(s);
            return -1;
        }
        s->ids[n++] = id;
        line += cp == '\n';
        p += k;
    }
    free(b);
    s->n = n;
    if (n < 2) {
        snprintf(err, errlen, "metin dosyası '%s': en az iki karakter olmalı", path);
        corpus_free(s);
        return -1;
    }
    return 0;
}

void corpus_free(TokenStream *s) {
    free(s->ids);
    s->ids = NULL;
    s->n = 0;
}
