/* glossary.c — sözlük (sozluk.tsv) ve sözlük kuralları: terimin ilk geçişinde İngilizce
 * karşılığı, tanıtılan terimin sözlükte olması. */
#include "weave.h"

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
