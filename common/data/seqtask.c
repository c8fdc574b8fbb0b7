/* seqtask.c — ters çevirme/kopya ve sayı -> Türkçe yazı görevleri (bkz. seqtask.h). */
#include "data/seqtask.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

/* Türk alfabesi (29 harf); ters çevirme/kopya görevi ilk nsym harfini kullanır. */
static const char *ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz";

static const char *UNITS[10] = {"", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz",
                                "dokuz"};
static const char *TENS[10] = {"", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş",
                               "seksen", "doksan"};
static const char *SCALES[5] = {"", "bin", "milyon", "milyar", "trilyon"};

/* ---------------------------------------------------------------- UTF-8 */

int utf8_encode(uint32_t cp, char *o) {
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int utf8_decode(const char *s, uint32_t *cps, int max, char *err, size_t errlen) {
    const unsigned char *p = (const unsigned char *)s;
    int n = 0;
    while (*p) {
        uint32_t c = *p, cp;
        int len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; len = 2; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; len = 3; }
        else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; len = 4; }
        else {
            snprintf(err, errlen, "geçersiz UTF-8: %ld. baytta 0x%02X (metin UTF-8 değil)",
                     (long)(p - (const unsigned char *)s) + 1, c);
            return -1;
        }
        for (int k = 1; k < len; k++) {
            if ((p[k] & 0xC0) != 0x80) {
                snprintf(err, errlen, "geçersiz UTF-8: %ld. baytta yarım kalmış karakter",
                         (long)(p - (const unsigned char *)s) + 1);
                return -1;
            }
            cp = (cp << 6) | (p[k] & 0x3F);
        }
        static const uint32_t minv[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < minv[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            snprintf(err, errlen, "geçersiz UTF-8: %ld. baytta izin verilmeyen kodlama",
                     (long)(p - (const unsigned char *)s) + 1);
            return -1;
        }
        if (n >= max) {
            snprintf(err, errlen, "metin çok uzun: en çok %d karakter", max);
            return -1;
        }
        cps[n++] = cp;
        p += len;
    }
    return n;
}

/* ---------------------------------------------------------------- sözlük */

int seqvocab_id(const SeqVocab *v, uint32_t cp) {
    for (int i = SEQ_NSPECIAL; i < v->n; i++)
        if (v->cp[i] == cp) return i;
    return -1;
}

int seqvocab_add(SeqVocab *v, uint32_t cp) {
    int id = seqvocab_id(v, cp);
    if (id >= 0) return id;
    if (v->n >= SEQ_VOCAB_MAX) die("seqvocab_add: sözlük dolu (%d)", SEQ_VOCAB_MAX);
    v->cp[v->n] = cp;
    return v->n++;
}

static void vocab_init(SeqVocab *v) {
    memset(v, 0, sizeof *v);
    v->n = SEQ_NSPECIAL;
}

static void vocab_add_text(SeqVocab *v, const char *s) {
    uint32_t cps[256];
    char err[128];
    int n = utf8_decode(s, cps, 256, err, sizeof err);
    if (n < 0) die("seqtask: %s", err);
    for (int i = 0; i < n; i++) seqvocab_add(v, cps[i]);
}

int seqvocab_encode(const SeqVocab *v, const char *text, int *ids, int max, char *err,
                    size_t errlen) {
    if (max < 1) {
        snprintf(err, errlen, "simge tamponu boş");
        return -1;
    }
    uint32_t *cps = xmalloc((size_t)max * sizeof *cps);
    int n = utf8_decode(text, cps, max - 1, err, errlen); /* EOS'a yer kalsın */
    if (n < 0) {
        free(cps);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        int id = seqvocab_id(v, cps[i]);
        if (id < 0) {
            char c[5] = {0};
            utf8_encode(cps[i], c);
            snprintf(err, errlen, "'%s' karakteri (%d. karakter) sözlükte yok", c, i + 1);
            free(cps);
            return -1;
        }
        ids[i] = id;
    }
    ids[n] = SEQ_EOS;
    free(cps);
    return n + 1;
}

int seqvocab_decode(const SeqVocab *v, const int *ids, int n, char *out, size_t cap) {
    size_t o = 0;
    int k = 0;
    if (cap == 0) return 0;
    for (int i = 0; i < n; i++) {
        int id = ids[i];
        if (id == SEQ_EOS) break;
        if (id == SEQ_PAD || id == SEQ_BOS || id < 0 || id >= v->n) continue;
        char c[4];
        int len = utf8_encode(v->cp[id], c);
        if (o + (size_t)len + 1 > cap) break;
        memcpy(out + o, c, (size_t)len);
        o += (size_t)len;
        k++;
    }
    out[o] = '\0';
    return k;
}

/* ---------------------------------------------------------------- sayılar */

/* 1..999 arası bir grubun okunuşunu out'a ekler (boşlukla ayrılmış). */
static void group_words(int v, char *out, size_t cap) {
    int h = v / 100, t = (v / 10) % 10, u = v % 10;
    const char *w[4];
    int k = 0;
    if (h > 1) w[k++] = UNITS[h];
    if (h >= 1) w[k++] = "yüz"; /* 100 = "yüz", "bir yüz" değil */
    if (t) w[k++] = TENS[t];
    if (u) w[k++] = UNITS[u];
    for (int i = 0; i < k; i++) {
        if (out[0]) strncat(out, " ", cap - strlen(out) - 1);
        strncat(out, w[i], cap - strlen(out) - 1);
    }
}

int seq_number_words(uint64_t n, char *out, size_t cap) {
    char buf[512] = "";
    if (n >= 1000000000000000ULL) return -1;
    if (n == 0) {
        strcpy(buf, "sıfır");
    } else {
        int g[5], ng = 0;
        for (uint64_t m = n; m; m /= 1000) g[ng++] = (int)(m % 1000);
        for (int s = ng - 1; s >= 0; s--) {
            if (g[s] == 0) continue;
            /* 1 000 = "bin" ("bir bin" değil); ama "bir milyon", "bir milyar" */
            if (!(s == 1 && g[s] == 1)) group_words(g[s], buf, sizeof buf);
            if (s > 0) {
                if (buf[0]) strncat(buf, " ", sizeof buf - strlen(buf) - 1);
                strncat(buf, SCALES[s], sizeof buf - strlen(buf) - 1);
            }
        }
    }
    size_t len = strlen(buf);
    if (len + 1 > cap) return -1;
    memcpy(out, buf, len + 1);
    return (int)len;
}

/* digits (nd rakam, en soldaki sıfır değil ya da nd == 1) -> "1 234 567" */
static void format_grouped(const char *digits, int nd, char *out) {
    int o = 0;
    for (int i = 0; i < nd; i++) {
        if (i > 0 && (nd - i) % 3 == 0) out[o++] = ' ';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

int seq_number_normalize(const char *in, int max_digits, char *out, size_t cap, char *err,
                         size_t errlen) {
    uint32_t cps[256];
    int n = utf8_decode(in, cps, 256, err, errlen);
    if (n < 0) return -1;
    char d[256];
    int nd = 0;
    for (int i = 0; i < n; i++) {
        if (cps[i] == ' ') continue;
        if (cps[i] < '0' || cps[i] > '9') {
            char c[5] = {0};
            utf8_encode(cps[i], c);
            snprintf(err, errlen, "'%s' (%d. karakter) rakam değil: yalnızca 0-9 ve boşluk "
                     "yazın (ör. \"1 234 567\")", c, i + 1);
            return -1;
        }
        if (nd == 0 && cps[i] == '0') continue; /* baştaki sıfırlar */
        d[nd++] = (char)cps[i];
    }
    int any = 0;
    for (int i = 0; i < n; i++) any |= cps[i] >= '0' && cps[i] <= '9';
    if (!any) {
        snprintf(err, errlen, "sayı boş: en az bir rakam yazın (ör. \"1 234 567\")");
        return -1;
    }
    if (nd == 0) d[nd++] = '0';
    if (nd > max_digits) {
        snprintf(err, errlen, "sayı %d rakamlı: en çok %d rakam desteklenir", nd, max_digits);
        return -1;
    }
    if ((size_t)(nd + nd / 3 + 1) > cap) {
        snprintf(err, errlen, "çıktı tamponu küçük");
        return -1;
    }
    format_grouped(d, nd, out);
    return 0;
}

/* ---------------------------------------------------------------- görev */

static int compute_tgt_cap(const SeqTask *t);

void seqtask_init(SeqTask *t, SeqKind kind, int nsym, int min_len, int max_len) {
    memset(t, 0, sizeof *t);
    t->kind = kind;
    vocab_init(&t->src);
    vocab_init(&t->tgt);
    if (kind == SEQ_NUMBER) {
        if (min_len < 1 || max_len > SEQ_NUMBER_MAX_DIGITS || min_len > max_len)
            die("seqtask_init: sayı görevinde rakam sayısı 1..%d olmalı (%d..%d verildi)",
                SEQ_NUMBER_MAX_DIGITS, min_len, max_len);
        vocab_add_text(&t->src, "0123456789 ");
        /* hedef sözlüğü: boşluk + okunuşlarda geçen harfler (sabit sırayla) */
        vocab_add_text(&t->tgt, " ");
        vocab_add_text(&t->tgt, "sıfır");
        for (int i = 1; i < 10; i++) vocab_add_text(&t->tgt, UNITS[i]);
        for (int i = 1; i < 10; i++) vocab_add_text(&t->tgt, TENS[i]);
        vocab_add_text(&t->tgt, "yüz");
        for (int i = 1; i < 5; i++) vocab_add_text(&t->tgt, SCALES[i]);
    } else {
        if (nsym < 2 || nsym > 29) die("seqtask_init: nsym 2..29 olmalı (%d verildi)", nsym);
        if (min_len < 1 || max_len > SEQ_MAX_LEN || min_len > max_len)
            die("seqtask_init: uzunluk 1..%d olmalı (%d..%d verildi)", SEQ_MAX_LEN, min_len,
                max_len);
        uint32_t cps[29];
        char err[64];
        utf8_decode(ALPHABET, cps, 29, err, sizeof err);
        for (int i = 0; i < nsym; i++) {
            seqvocab_add(&t->src, cps[i]);
            seqvocab_add(&t->tgt, cps[i]);
        }
    }
    t->nsym = nsym;
    t->min_len = min_len;
    t->max_len = max_len;
    t->src_cap = seqtask_src_width(t, max_len);
    t->tgt_cap = compute_tgt_cap(t);
}

void seqtask_free(SeqTask *t) {
    free(t->held);
    t->held = NULL;
    t->held_cap = t->held_n = 0;
}

int seqtask_src_width(const SeqTask *t, int L) {
    return t->kind == SEQ_NUMBER ? L + (L - 1) / 3 + 1 : L + 1;
}

int seqtask_src_cap(const SeqTask *t) { return t->src_cap; }

int seqtask_tgt_cap(const SeqTask *t) { return t->tgt_cap; }

static int compute_tgt_cap(const SeqTask *t) {
    if (t->kind != SEQ_NUMBER) return t->max_len + 1;
    /* En uzun okunuş: her grup "yedi yüz yetmiş yedi" (7 en uzun birlerden biri) —
     * güvenli tarafta kalmak için tüm 1..999 gruplarının en uzunundan hesaplanır. */
    int maxg = 0;
    for (int v = 1; v < 1000; v++) {
        char b[128] = "";
        group_words(v, b, sizeof b);
        uint32_t c[128];
        char e[64];
        int n = utf8_decode(b, c, 128, e, sizeof e);
        if (n > maxg) maxg = n;
    }
    int ng = (t->max_len + 2) / 3, total = 0;
    for (int s = 0; s < ng; s++) {
        uint32_t c[16];
        char e[64];
        total += maxg + (s ? 1 + utf8_decode(SCALES[s], c, 16, e, sizeof e) : 0) + 1;
    }
    return total; /* son boşluğun yeri EOS'a kalır */
}

/* Bir örneğin kaynak ve hedef metni (UTF-8). */
void seqtask_sample_text(const SeqTask *t, Rng *r, int L, char *src, size_t srccap, char *tgt,
                         size_t tgtcap) {
    if (L < 1 || L > t->max_len) die("seqtask_sample_text: L = %d aralık dışı", L);
    if (t->kind == SEQ_NUMBER) {
        char d[SEQ_NUMBER_MAX_DIGITS + 1];
        for (int i = 0; i < L; i++) d[i] = (char)('0' + rng_int(r, 10));
        if (L > 1) d[0] = (char)('1' + rng_int(r, 9));
        /* en soldaki grup dışındaki gruplar: 1/5 -> 000, 1/10 -> 001 */
        for (int end = L; end - 3 > 0; end -= 3) {
            float u = rng_uniform(r);
            if (u < 0.3f) {
                d[end - 3] = d[end - 2] = '0';
                d[end - 1] = u < 0.2f ? '0' : '1';
            }
        }
        d[L] = '\0';
        char s[32];
        format_grouped(d, L, s);
        if (strlen(s) + 1 > srccap) die("seqtask_sample_text: kaynak tamponu küçük");
        strcpy(src, s);
        if (seq_number_words(strtoull(d, NULL, 10), tgt, tgtcap) < 0)
            die("seqtask_sample_text: hedef tamponu küçük");
        return;
    }
    uint32_t cps[29];
    char err[64];
    utf8_decode(ALPHABET, cps, 29, err, sizeof err);
    if ((size_t)L * 2 + 1 > srccap || (size_t)L * 2 + 1 > tgtcap)
        die("seqtask_sample_text: tampon küçük");
    uint32_t x[SEQ_MAX_LEN];
    for (int i = 0; i < L; i++) x[i] = cps[rng_int(r, t->nsym)];
    size_t o = 0, q = 0;
    for (int i = 0; i < L; i++) {
        o += (size_t)utf8_encode(x[i], src + o);
        q += (size_t)utf8_encode(t->kind == SEQ_REVERSE ? x[L - 1 - i] : x[i], tgt + q);
    }
    src[o] = tgt[q] = '\0';
}

int seqtask_target_text(const SeqTask *t, const char *src, char *tgt, size_t cap) {
    char err[256];
    if (t->kind == SEQ_NUMBER) {
        char norm[64];
        if (seq_number_normalize(src, SEQ_NUMBER_MAX_DIGITS, norm, sizeof norm, err,
                                 sizeof err) != 0)
            return -1;
        char d[32];
        int nd = 0;
        for (const char *p = norm; *p; p++)
            if (*p != ' ') d[nd++] = *p;
        d[nd] = '\0';
        return seq_number_words(strtoull(d, NULL, 10), tgt, cap) < 0 ? -1 : 0;
    }
    uint32_t cps[SEQ_MAX_LEN];
    int n = utf8_decode(src, cps, SEQ_MAX_LEN, err, sizeof err);
    if (n < 0 || (size_t)n * 4 + 1 > cap) return -1;
    size_t o = 0;
    for (int i = 0; i < n; i++) {
        if (seqvocab_id(&t->src, cps[i]) < 0) return -1;
        o += (size_t)utf8_encode(t->kind == SEQ_REVERSE ? cps[n - 1 - i] : cps[i], tgt + o);
    }
    tgt[o] = '\0';
    return 0;
}

/* ---------------------------------------------------------------- test kümesi */

static uint64_t hash_ids(const int *ids, int n) {
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < n; i++) {
        h ^= (uint64_t)(unsigned)ids[i];
        h *= 1099511628211ULL;
    }
    return h ? h : 1;
}

int seqtask_is_held(const SeqTask *t, const int *ids, int n) {
    if (!t->held) return 0;
    uint64_t h = hash_ids(ids, n);
    for (size_t i = h & (t->held_cap - 1);; i = (i + 1) & (t->held_cap - 1)) {
        if (t->held[i] == 0) return 0;
        if (t->held[i] == h) return 1;
    }
}

static void held_insert(SeqTask *t, uint64_t h) {
    size_t i = h & (t->held_cap - 1);
    while (t->held[i] != 0 && t->held[i] != h) i = (i + 1) & (t->held_cap - 1);
    if (t->held[i] == 0) {
        t->held[i] = h;
        t->held_n++;
    }
}

/* Bir örneği simgelere çevirir (src ve tgt EOS ile biter). */
static void sample_ids(const SeqTask *t, Rng *r, int L, int *src, int *ns, int *tgt, int *nt) {
    char s[SEQ_MAX_LEN * 4 + 8], g[SEQ_MAX_LEN * 4 + 256], err[256];
    seqtask_sample_text(t, r, L, s, sizeof s, g, sizeof g);
    *ns = seqvocab_encode(&t->src, s, src, seqtask_src_cap(t), err, sizeof err);
    *nt = seqvocab_encode(&t->tgt, g, tgt, seqtask_tgt_cap(t), err, sizeof err);
    if (*ns < 0 || *nt < 0) die("seqtask: iç hata: %s", err);
}

/* L uzunluğunda kaç farklı kaynak var (2^62'de kırpılır)? */
static double space_size(const SeqTask *t, int L) {
    double s = 1;
    if (t->kind == SEQ_NUMBER) {
        s = L == 1 ? 10 : 9;
        for (int i = 1; i < L; i++) s *= 10;
    } else {
        for (int i = 0; i < L && s < 4.6e18; i++) s *= t->nsym;
    }
    return s;
}

/* held kümesinde en az 'extra' yeni kaynak için yer açar (doluluk en çok 1/2; gerekirse
 * yeniden karma). */
static void held_reserve(SeqTask *t, size_t extra) {
    size_t need = 64;
    while (need < (t->held_n + extra) * 2) need *= 2;
    if (t->held && need <= t->held_cap) return;
    uint64_t *old = t->held;
    size_t oldcap = t->held_cap;
    t->held = xcalloc(need, sizeof(uint64_t));
    t->held_cap = need;
    t->held_n = 0;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i]) held_insert(t, old[i]);
    free(old);
}

/* Her L için per_len örnek (küçük L'de olasılıkların en çok 1/share'i), tohum seed;
 * held'deki kaynaklar atlanır, üretilenler held'e eklenir. */
static void build_set(SeqTask *t, int per_len, double share, uint64_t seed, SeqSet *s) {
    memset(s, 0, sizeof *s);
    int nL = t->max_len - t->min_len + 1;
    int *want = xmalloc((size_t)nL * sizeof(int));
    int total = 0;
    for (int i = 0; i < nL; i++) {
        double half = space_size(t, t->min_len + i) / share;
        want[i] = half < per_len ? (int)half : per_len;
        if (want[i] < 1) want[i] = 1;
        total += want[i];
    }
    s->src_cap = seqtask_src_cap(t);
    s->tgt_cap = seqtask_tgt_cap(t);
    s->src = xcalloc((size_t)total * s->src_cap, sizeof(int));
    s->tgt = xcalloc((size_t)total * s->tgt_cap, sizeof(int));
    s->src_len = xmalloc((size_t)total * sizeof(int));
    s->tgt_len = xmalloc((size_t)total * sizeof(int));
    s->len = xmalloc((size_t)total * sizeof(int));
    held_reserve(t, (size_t)total);
    Rng r;
    rng_seed(&r, seed);
    int k = 0;
    for (int i = 0; i < nL; i++) {
        int L = t->min_len + i, got = 0;
        for (long tries = 0; got < want[i] && tries < 1000L * want[i] + 1000; tries++) {
            int *src = s->src + (size_t)k * s->src_cap, *tgt = s->tgt + (size_t)k * s->tgt_cap;
            int ns, nt;
            sample_ids(t, &r, L, src, &ns, tgt, &nt);
            if (seqtask_is_held(t, src, ns)) {
                memset(src, 0, (size_t)s->src_cap * sizeof(int));
                memset(tgt, 0, (size_t)s->tgt_cap * sizeof(int));
                continue;
            }
            held_insert(t, hash_ids(src, ns));
            s->src_len[k] = ns;
            s->tgt_len[k] = nt;
            s->len[k] = L;
            k++;
            got++;
        }
    }
    s->n = k;
    free(want);
}

void seqtask_testset(SeqTask *t, int per_len, SeqSet *s) {
    if (t->held) die("seqtask_testset: test kümesi bir kez üretilir");
    build_set(t, per_len, 2, SEQ_TEST_SEED + (uint64_t)t->kind * 1000003ULL + (uint64_t)t->nsym, s);
}

void seqtask_valset(SeqTask *t, int per_len, SeqSet *s) {
    if (!t->held) die("seqtask_valset: önce seqtask_testset (ya da seqtask_exclude) çağrılmalı");
    build_set(t, per_len, 4, SEQ_VAL_SEED + (uint64_t)t->kind * 1000003ULL + (uint64_t)t->nsym, s);
}

void seqtask_exclude(SeqTask *t, const SeqSet *s) {
    held_reserve(t, (size_t)s->n);
    for (int i = 0; i < s->n; i++) held_insert(t, hash_ids(s->src + (size_t)i * s->src_cap, s->src_len[i]));
}

void seqset_range(const SeqSet *s, int L, int *first, int *count) {
    *first = 0;
    *count = 0;
    for (int i = 0; i < s->n; i++)
        if (s->len[i] == L) {
            if (*count == 0) *first = i;
            (*count)++;
        }
}

void seqset_free(SeqSet *s) {
    free(s->src); free(s->tgt); free(s->src_len); free(s->tgt_len); free(s->len);
    memset(s, 0, sizeof *s);
}

int seqtask_batch(SeqTask *t, Rng *r, int B, int L, int *src, int *tgt, int *tgt_len) {
    if (L < t->min_len || L > t->max_len) die("seqtask_batch: L = %d aralık dışı", L);
    int S = seqtask_src_width(t, L), TC = seqtask_tgt_cap(t);
    int *ts = xmalloc((size_t)seqtask_src_cap(t) * sizeof(int));
    for (int b = 0; b < B; b++) {
        int ns, nt, tries = 0;
        int *tg = tgt + (size_t)b * TC;
        for (;;) {
            memset(tg, 0, (size_t)TC * sizeof(int));
            sample_ids(t, r, L, ts, &ns, tg, &nt);
            if (!seqtask_is_held(t, ts, ns)) break;
            if (++tries > 10000) die("seqtask_batch: L = %d için test dışı örnek bulunamadı", L);
        }
        memcpy(src + (size_t)b * S, ts, (size_t)S * sizeof(int));
        tgt_len[b] = nt;
    }
    free(ts);
    return S;
}

/* Hizalama: hedefin her harfi kaynağın hangi konumundan gelir? */
static int push_word(const char *w, int pos, int *align, int n, int cap) {
    uint32_t c[32];
    char e[64];
    int k = utf8_decode(w, c, 32, e, sizeof e);
    if (n > 0) {
        if (n >= cap) return -1;
        align[n++] = -1; /* sözcükler arası boşluk */
    }
    for (int i = 0; i < k; i++) {
        if (n >= cap) return -1;
        align[n++] = pos;
    }
    return n;
}

int seqtask_align(const SeqTask *t, const int *src, int ns, int *align, int cap) {
    int L = 0;
    while (L < ns && src[L] != SEQ_EOS && src[L] != SEQ_PAD) L++;
    if (t->kind != SEQ_NUMBER) {
        if (L > cap) return -1;
        for (int i = 0; i < L; i++) align[i] = t->kind == SEQ_REVERSE ? L - 1 - i : i;
        return L;
    }
    int d[SEQ_NUMBER_MAX_DIGITS], pos[SEQ_NUMBER_MAX_DIGITS], nd = 0;
    for (int i = 0; i < L; i++) {
        if (src[i] < SEQ_NSPECIAL || src[i] >= t->src.n) return -1;
        uint32_t c = t->src.cp[src[i]];
        if (c == ' ') continue;
        if (nd >= SEQ_NUMBER_MAX_DIGITS) return -1;
        d[nd] = (int)(c - '0');
        pos[nd++] = i;
    }
    if (nd == 0) return -1;
    int n = 0, any = 0;
    for (int i = 0; i < nd; i++) any |= d[i] != 0;
    if (!any) return push_word("sıfır", pos[0], align, 0, cap);
    int ng = (nd + 2) / 3;
    for (int g = ng - 1; g >= 0 && n >= 0; g--) {
        /* g. grubun yüzler, onlar, birler basamağının rakam indisleri (yoksa -1) */
        int iu = nd - 1 - 3 * g, it = iu - 1, ih = iu - 2;
        int h = ih >= 0 ? d[ih] : 0, te = it >= 0 ? d[it] : 0, u = d[iu];
        int v = 100 * h + 10 * te + u;
        if (v == 0) continue;
        if (g == 1 && v == 1) {
            n = push_word("bin", pos[iu], align, n, cap); /* "bir bin" değil: "bin" = 1 */
            continue;
        }
        if (h > 1 && n >= 0) n = push_word(UNITS[h], pos[ih], align, n, cap);
        if (h >= 1 && n >= 0) n = push_word("yüz", pos[ih], align, n, cap);
        if (te && n >= 0) n = push_word(TENS[te], pos[it], align, n, cap);
        if (u && n >= 0) n = push_word(UNITS[u], pos[iu], align, n, cap);
        if (g > 0 && n >= 0) n = push_word(SCALES[g], -1, align, n, cap); /* ölçek: tek rakam değil */
    }
    return n;
}

void seqtask_align_hits(const SeqTask *t, const int *align, int n, const float *att, size_t ld, int S,
                        SeqAlignHits *h) {
    int prev = -1; /* bir önceki sözcüğün kaynak konumu */
    for (int i = 0; i < n;) {
        if (align[i] < 0 || align[i] >= S) { i++; continue; }
        /* bir sözcük: aynı kaynağa bağlı ardışık harfler (ters çevirme/kopyada tek harf) */
        int e = i, best = 0, first = 0;
        double bv = -1, fv = -1;
        while (e < n && align[e] == align[i] && (e == i || t->kind == SEQ_NUMBER)) e++;
        for (int j = 0; j < S; j++) {
            double v = 0;
            for (int r = i; r < e; r++) v += att[(size_t)r * ld + j];
            if (v > bv) bv = v, best = j;
            if (att[(size_t)i * ld + j] > fv) fv = att[(size_t)i * ld + j], first = j;
        }
        h->words++;
        h->hit += best == align[i];
        h->near += abs(best - align[i]) <= 1;
        h->right += best == align[i] + 1;
        /* karar satırı: önceki sözcükle aynı rakama bağlı sözcük ("iki yüz"ün "yüz"ü) sayılmaz */
        if (align[i] != prev) {
            h->dwords++;
            h->dhit += first == align[i];
        }
        prev = align[i];
        i = e;
    }
}

void seq_shift_right(int *din, const int *tgt, int B, int W) {
    for (int b = 0; b < B; b++) {
        din[(size_t)b * W] = SEQ_BOS;
        for (int i = 1; i < W; i++) din[(size_t)b * W + i] = tgt[(size_t)b * W + i - 1];
    }
}
