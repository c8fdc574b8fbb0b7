/* ckpt.c — model kaydı; kılavuz ve dosya biçimi ckpt.h'de. */
#include "model/ckpt.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/util.h"

#define CKPT_MAGIC "DOAACKPT"
#define CKPT_VERSION 1u

/* ---- bayt tamponu (yazma) ---- */
typedef struct {
    unsigned char *p;
    size_t n, cap;
} Out;

static void out_put(Out *o, const void *src, size_t k) {
    if (o->n + k > o->cap) {
        size_t c = o->cap ? o->cap : 4096;
        while (c < o->n + k) c *= 2;
        o->p = xrealloc(o->p, c);
        o->cap = c;
    }
    memcpy(o->p + o->n, src, k);
    o->n += k;
}
static void out_u32(Out *o, uint32_t v) {
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    out_put(o, b, 4);
}
static void out_u64(Out *o, uint64_t v) {
    out_u32(o, (uint32_t)v);
    out_u32(o, (uint32_t)(v >> 32));
}
static void out_str(Out *o, const char *s) {
    uint32_t n = (uint32_t)strlen(s);
    out_u32(o, n);
    out_put(o, s, n);
}

static uint32_t rd_u32(const unsigned char *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static uint64_t rd_u64(const unsigned char *p) {
    return (uint64_t)rd_u32(p) | ((uint64_t)rd_u32(p + 4) << 32);
}

/* Dosyanın başı bizim bir model imzamız mı? */
static int has_model_magic(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char m[8];
    size_t k = fread(m, 1, 8, f);
    fclose(f);
    return k == 8 && (memcmp(m, CKPT_MAGIC, 8) == 0 || memcmp(m, "DOAAMODL", 8) == 0);
}

int model_path_check_writable(const char *path, char *err, size_t errlen) {
    struct stat st;
    if (!path || !*path) {
        snprintf(err, errlen, "model yolu boş");
        return -1;
    }
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(err, errlen, "model yolu '%s' bir klasör; bir dosya adı verin (ör. %s/benim.model)",
                     path, path);
            return -1;
        }
        if (!S_ISREG(st.st_mode)) {
            snprintf(err, errlen, "model yolu '%s' sıradan bir dosya değil; başka bir ad verin", path);
            return -1;
        }
        if (!has_model_magic(path)) {
            snprintf(err, errlen,
                     "'%s' var ve bir model dosyası değil; üzerine yazılmadı (başka bir ad verin)",
                     path);
            return -1;
        }
    }
    char dir[4096];
    if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir) {
        snprintf(err, errlen, "model yolu çok uzun");
        return -1;
    }
    char *slash = strrchr(dir, '/');
    if (slash == dir) dir[1] = '\0';
    else if (slash) *slash = '\0';
    else snprintf(dir, sizeof dir, ".");
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "model yolu '%s': '%s' klasörü yok", path, dir);
        return -1;
    }
    if (access(dir, W_OK) != 0) {
        snprintf(err, errlen, "model yolu '%s': '%s' klasörüne yazma izni yok", path, dir);
        return -1;
    }
    return 0;
}

/* Bütün bayt dizisini path'e güvenle yazar: aynı klasörde geçici dosya, yaz, fsync,
 * rename. Yarıda kalırsa eski dosya olduğu gibi kalır (bkz. ckpt.h). */
int model_write_file(const char *path, const void *data, size_t n, char *err, size_t errlen) {
    char tmp[4200];
    FILE *f = atomic_write_begin(path, tmp, sizeof tmp);
    if (!f) {
        snprintf(err, errlen, "model '%s' için geçici dosya açılamadı: %s", path, tr_strerror(errno));
        return -1;
    }
    if (fwrite(data, 1, n, f) != n) {
        int e = errno;
        atomic_write_abort(f, tmp);
        snprintf(err, errlen, "model '%s' yazılamadı: %s; varsa eski dosya korunuyor", path,
                 tr_strerror(e));
        return -1;
    }
    if (atomic_write_commit(f, tmp, path) != 0) {
        snprintf(err, errlen, "model '%s' yazılamadı: %s; varsa eski dosya korunuyor", path,
                 tr_strerror(errno));
        return -1;
    }
    return 0;
}

int ckpt_save(const char *path, const char *kind, const CkptInt *conf, int nconf,
              const char *meta, const Params *P, char *err, size_t errlen) {
    if (model_path_check_writable(path, err, errlen) != 0) return -1;
    if (nconf < 0 || nconf > CKPT_MAX_CONF || strlen(kind) >= CKPT_NAME_MAX ||
        (meta && strlen(meta) >= CKPT_META_MAX)) {
        snprintf(err, errlen, "model '%s': kayıt başlığı sınırları aşıyor", path);
        return -1;
    }
    Out o = {0};
    out_put(&o, CKPT_MAGIC, 8);
    out_u32(&o, CKPT_VERSION);
    out_str(&o, kind);
    out_u32(&o, (uint32_t)nconf);
    for (int i = 0; i < nconf; i++) {
        out_str(&o, conf[i].key);
        out_u64(&o, (uint64_t)conf[i].val);
    }
    out_str(&o, meta ? meta : "");
    out_u32(&o, (uint32_t)P->count);
    for (int i = 0; i < P->count; i++) {
        out_str(&o, P->t[i].name);
        out_u64(&o, (uint64_t)P->t[i].n);
    }
    for (size_t i = 0; i < P->n; i++) {
        uint32_t u;
        memcpy(&u, &P->params[i], 4);
        out_u32(&o, u);
    }
    out_u32(&o, (uint32_t)crc32(0L, o.p, (uInt)o.n));

    int rc = model_write_file(path, o.p, o.n, err, errlen);
    free(o.p);
    return rc;
}

/* Okuma imleci: her okuma önce kalan bayt sayısını denetler. */
typedef struct {
    const unsigned char *d;
    size_t n, pos;
    const char *path;
    char *err;
    size_t errlen;
} Rd;

static int rd_need(Rd *r, size_t k, const char *what) {
    if (k > r->n - r->pos) {
        snprintf(r->err, r->errlen, "model dosyası '%s' kesik: %s okunurken dosya bitti (%zu bayt)",
                 r->path, what, r->n);
        return -1;
    }
    return 0;
}
static int rd_str(Rd *r, char *dst, size_t cap, const char *what) {
    if (rd_need(r, 4, what)) return -1;
    uint32_t k = rd_u32(r->d + r->pos);
    r->pos += 4;
    if (k >= cap) {
        snprintf(r->err, r->errlen, "model dosyası '%s': %s çok uzun (%u bayt, en çok %zu)", r->path,
                 what, k, cap - 1);
        return -1;
    }
    if (rd_need(r, k, what)) return -1;
    memcpy(dst, r->d + r->pos, k);
    dst[k] = '\0';
    r->pos += k;
    return 0;
}

void ckpt_close(Ckpt *c) {
    free(c->data);
    free(c->meta);
    memset(c, 0, sizeof *c);
}

int ckpt_open(Ckpt *c, const char *path, const char *kind, char *err, size_t errlen) {
    memset(c, 0, sizeof *c);
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "model dosyası '%s' açılamadı: %s", path, tr_strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "model dosyası '%s' bir klasör, dosya değil", path);
        return -1;
    }
    if (!S_ISREG(st.st_mode) || st.st_size < 0 || (long long)st.st_size > CKPT_MAX_BYTES) {
        snprintf(err, errlen, "model dosyası '%s' sıradan bir dosya değil ya da çok büyük", path);
        return -1;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "model dosyası '%s' açılamadı: %s", path, tr_strerror(errno));
        return -1;
    }
    size_t sz = (size_t)st.st_size;
    unsigned char *d = xmalloc(sz ? sz : 1);
    size_t got = fread(d, 1, sz, f);
    fclose(f);
    c->path = path;
    c->data = d;
    c->size = got;
    Rd r = {d, got, 0, path, err, errlen};
    if (got != sz) {
        snprintf(err, errlen, "model dosyası '%s' okunamadı", path);
        goto fail;
    }
    if (got < 8 || memcmp(d, CKPT_MAGIC, 8) != 0) {
        snprintf(err, errlen, "'%s' bir model kaydı değil (DOAACKPT imzası yok)", path);
        goto fail;
    }
    if (got < 16) {
        snprintf(err, errlen, "model dosyası '%s' kesik (%zu bayt)", path, got);
        goto fail;
    }
    {
        uint32_t want = rd_u32(d + got - 4), have = (uint32_t)crc32(0L, d, (uInt)(got - 4));
        if (want != have) {
            snprintf(err, errlen, "model dosyası '%s' bozuk ya da kesik: CRC-32 sağlaması tutmuyor", path);
            goto fail;
        }
    }
    r.n = got - 4; /* CRC'yi içerik sayma */
    r.pos = 8;
    if (rd_need(&r, 4, "sürüm")) goto fail;
    uint32_t ver = rd_u32(d + r.pos);
    r.pos += 4;
    if (ver != CKPT_VERSION) {
        snprintf(err, errlen, "model dosyası '%s' sürüm %u; bu program yalnızca sürüm %u okur", path,
                 ver, CKPT_VERSION);
        goto fail;
    }
    if (rd_str(&r, c->kind, sizeof c->kind, "tür adı")) goto fail;
    if (kind && strcmp(kind, c->kind) != 0) {
        snprintf(err, errlen, "model dosyası '%s' bir '%s' modeli; bu ders '%s' modeli bekliyor", path,
                 c->kind, kind);
        goto fail;
    }
    if (rd_need(&r, 4, "yapılandırma sayısı")) goto fail;
    uint32_t nc = rd_u32(d + r.pos);
    r.pos += 4;
    if (nc > CKPT_MAX_CONF) {
        snprintf(err, errlen, "model dosyası '%s': yapılandırma sayısı %u geçersiz (en çok %d)", path,
                 nc, CKPT_MAX_CONF);
        goto fail;
    }
    for (uint32_t i = 0; i < nc; i++) {
        if (rd_str(&r, c->conf[i].key, sizeof c->conf[i].key, "yapılandırma adı")) goto fail;
        if (rd_need(&r, 8, "yapılandırma değeri")) goto fail;
        c->conf[i].val = (int64_t)rd_u64(d + r.pos);
        r.pos += 8;
    }
    c->nconf = (int)nc;
    if (rd_need(&r, 4, "meta uzunluğu")) goto fail;
    uint32_t ml = rd_u32(d + r.pos);
    if (ml >= CKPT_META_MAX || ml > r.n - r.pos - 4) {
        snprintf(err, errlen, "model dosyası '%s': meta uzunluğu %u geçersiz", path, ml);
        goto fail;
    }
    c->meta = xmalloc((size_t)ml + 1);
    if (rd_str(&r, c->meta, (size_t)ml + 1, "meta")) goto fail;
    c->tab_pos = r.pos;
    return 0;
fail:
    ckpt_close(c);
    return -1;
}

int ckpt_get_int(const Ckpt *c, const char *key, int64_t lo, int64_t hi, int64_t *out, char *err,
                 size_t errlen) {
    for (int i = 0; i < c->nconf; i++) {
        if (strcmp(c->conf[i].key, key) != 0) continue;
        int64_t v = c->conf[i].val;
        if (v < lo || v > hi) {
            snprintf(err, errlen, "model dosyası '%s': %s = %lld geçersiz (%lld ile %lld arasında olmalı)",
                     c->path, key, (long long)v, (long long)lo, (long long)hi);
            return -1;
        }
        *out = v;
        return 0;
    }
    snprintf(err, errlen, "model dosyası '%s': '%s' yapılandırma değeri yok", c->path, key);
    return -1;
}

int ckpt_read_params(const Ckpt *c, Params *P, char *err, size_t errlen) {
    Rd r = {c->data, c->size - 4, c->tab_pos, c->path, err, errlen};
    if (rd_need(&r, 4, "tensör sayısı")) return -1;
    uint32_t nt = rd_u32(r.d + r.pos);
    r.pos += 4;
    if ((int)nt != P->count || nt > PARAMS_MAX) {
        snprintf(err, errlen, "model dosyası '%s': %u tensör içeriyor, model %d bekliyor", c->path, nt,
                 P->count);
        return -1;
    }
    for (uint32_t i = 0; i < nt; i++) {
        char name[CKPT_NAME_MAX];
        if (rd_str(&r, name, sizeof name, "tensör adı")) return -1;
        if (rd_need(&r, 8, "tensör boyu")) return -1;
        uint64_t n = rd_u64(r.d + r.pos);
        r.pos += 8;
        const ParamTensor *t = &P->t[i];
        if (strcmp(name, t->name) != 0 || n != (uint64_t)t->n) {
            snprintf(err, errlen,
                     "model dosyası '%s': %u. tensör '%s' (%llu eleman); model '%s' (%zu eleman) bekliyor",
                     c->path, i + 1, name, (unsigned long long)n, t->name, t->n);
            return -1;
        }
    }
    if ((r.n - r.pos) / 4 != P->n || (r.n - r.pos) % 4 != 0) {
        snprintf(err, errlen, "model dosyası '%s': %zu parametre bekleniyordu, %zu bayt veri var",
                 c->path, P->n, r.n - r.pos);
        return -1;
    }
    for (size_t i = 0; i < P->n; i++) {
        uint32_t u = rd_u32(r.d + r.pos + 4 * i);
        float v;
        memcpy(&v, &u, 4);
        if (!isfinite(v)) {
            snprintf(err, errlen, "model dosyası '%s': parametre %zu sonlu değil (NaN/sonsuz)", c->path, i);
            return -1;
        }
        P->params[i] = v;
    }
    return 0;
}
