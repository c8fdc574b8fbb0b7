/* code.c — kod parçalarını üst düzey tanımlara bölme (fonksiyon, tablo, #include ...) ve
 * başka bir dosyadan (common/) adıyla bir fonksiyon alıntılama. */
#include "weave.h"

/* Kaynağın kopyası; yorumların ve dizgelerin içi boşluk (satır sonları korunur). Böylece
 * parantez ve süslü parantez sayımı dizgelerdeki "{" ya da yorumlardaki ")" ile şaşmaz. */
char *wv_mask(const char *src) {
    char *m = strdup(src);
    if (!m) wv_oom();
    Tok *t;
    int nt = wv_lex(src, &t);
    for (int k = 0; k < nt; k++) { /* yorumlar ayraçlarıyla, dizgeler tırnakları kalarak */
        size_t a = t[k].kind == TOK_STRING ? t[k].start : t[k].tstart;
        size_t b = t[k].kind == TOK_STRING ? t[k].end : t[k].tend;
        for (size_t i = a; i < b; i++)
            if (m[i] != '\n') m[i] = ' ';
    }
    free(t);
    /* karakter sabitleri ('{', '\'') de: çözümleyici onları parça olarak döndürmez */
    for (char *p = m; *p; p++) {
        if (*p != '\'') continue;
        char *q = p + 1;
        while (*q && *q != '\'' && *q != '\n' && q - p < 8) q += (*q == '\\' && q[1]) ? 2 : 1;
        if (*q != '\'') continue;
        for (char *r = p + 1; r < q; r++) *r = ' ';
        p = q;
    }
    return m;
}

/* 1 tabanlı satır başlangıçları; (*ls)[nlines + 1] metnin sonu. Dönüş satır sayısı. */
static int line_starts(const char *s, size_t **ls) {
    size_t n = strlen(s);
    int nl = 1;
    for (size_t i = 0; i < n; i++) nl += s[i] == '\n';
    size_t *v = wv_alloc((size_t)(nl + 2) * sizeof *v);
    int k = 1;
    v[1] = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n') v[++k] = i + 1;
    v[nl + 1] = n;
    *ls = v;
    return nl;
}

/* Satırın (maskelenmiş) son boş olmayan karakteri; yoksa 0. */
static char last_char(const char *p, const char *e) {
    char c = 0;
    for (; p < e; p++)
        if (!isspace((unsigned char)*p)) c = *p;
    return c;
}

/* Tanımın adı: derinlik 0'da "(" önündeki ilk tanıtıcı (fonksiyon), yoksa "=" ya da
 * "[" önündeki (tablo). */
static void chunk_name(const char *m, size_t a, size_t b, char *name, size_t cap) {
    name[0] = '\0';
    int depth = 0;
    for (size_t i = a; i < b; i++) {
        char c = m[i];
        if (c == '{') depth++;
        if (c == '}') depth--;
        if (depth == 0 && (c == '(' || c == '=' || c == '[')) {
            size_t e = i;
            while (e > a && isspace((unsigned char)m[e - 1])) e--;
            size_t s = e;
            while (s > a && (isalnum((unsigned char)m[s - 1]) || m[s - 1] == '_')) s--;
            if (e > s && e - s < cap) {
                memcpy(name, m + s, e - s);
                name[e - s] = '\0';
                return;
            }
        }
        if (depth == 0 && c == ';') return;
    }
}

/* Sınav kodu ya da programın ana akışı mı? (bölümde sınavdan sonraya, katlı) */
static int is_hidden(const char *name, const char *m, size_t a, size_t b) {
    if (!strcmp(name, "main") || strstr(name, "quiz") || strstr(name, "Quiz")) return 1;
    const char *q = m + a;
    while ((q = strstr(q, "QuizQuestion")) != NULL && q < m + b) return 1;
    return 0;
}

/* Yazdırma/çizim yapıştırıcısı mı? Boş olmayan satırların en az %60'ı printf/puts/plot_
 * çağrısı ya da dizge devamı ("..." ile başlayan satır) ve en az 8 satır. */
static int is_glue(const char *src, const size_t *ls, int l0, int l1) {
    int n = 0, g = 0;
    for (int L = l0; L <= l1; L++) {
        const char *p = src + ls[L], *e = src + ls[L + 1];
        if (is_blank_line(p, e)) continue;
        n++;
        while (p < e && (*p == ' ' || *p == '\t')) p++;
        size_t len = (size_t)(e - p);
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(len < 511 ? len : 511), p);
        if (line[0] == '"' || strstr(line, "printf(") || strstr(line, "puts(") ||
            strstr(line, "plot_") || strstr(line, "fputs(") || strstr(line, "putchar("))
            g++;
    }
    return n >= 8 && g * 10 >= n * 6;
}

int wv_chunks(const char *src, int line0, int line1, Chunk **out) {
    char *m = wv_mask(src);
    size_t *ls;
    int nl = line_starts(m, &ls);
    if (line1 > nl) line1 = nl;
    Chunk *v = NULL;
    int cnt = 0, depth = 0, open = 0;
    Chunk cur = {0};
    for (int L = line0; L <= line1; L++) {
        const char *p = m + ls[L], *e = m + ls[L + 1];
        int blank_m = is_blank_line(p, e), blank_s = is_blank_line(src + ls[L], src + ls[L + 1]);
        if (!open) {
            if (blank_s) continue;
            cur = (Chunk){.line0 = L};
            open = 1;
        }
        const char *q = p;
        while (q < e && (*q == ' ' || *q == '\t')) q++;
        int pp = (depth == 0 && q < e && *q == '#');
        for (const char *c = p; c < e; c++) {
            if (*c == '{' || *c == '(') depth++;
            if (*c == '}' || *c == ')') depth--;
        }
        if (depth < 0) depth = 0;
        char lc = last_char(p, e);
        if (depth == 0 && !blank_m && (pp || lc == '}' || lc == ';')) {
            cur.line1 = L;
            chunk_name(m, ls[cur.line0], ls[L + 1], cur.name, sizeof cur.name);
            cur.hidden = is_hidden(cur.name, m, ls[cur.line0], ls[L + 1]);
            cur.glue = !cur.hidden && is_glue(src, ls, cur.line0, L);
            v = realloc(v, (size_t)(cnt + 1) * sizeof *v);
            if (!v) wv_oom();
            v[cnt++] = cur;
            open = 0;
        }
    }
    if (open) { /* kapanmamış (yarım) tanım: olduğu gibi, görünür */
        int b = line1;
        while (b > cur.line0 && is_blank_line(src + ls[b], src + ls[b + 1])) b--;
        cur.line1 = b;
        cur.glue = is_glue(src, ls, cur.line0, b);
        v = realloc(v, (size_t)(cnt + 1) * sizeof *v);
        if (!v) wv_oom();
        v[cnt++] = cur;
    }
    free(ls);
    free(m);
    *out = v;
    return cnt;
}

char *wv_lines(const char *src, int line0, int line1) {
    size_t *ls;
    int nl = line_starts(src, &ls);
    if (line1 > nl) line1 = nl;
    if (line0 < 1 || line0 > line1) { free(ls); return strdup(""); }
    size_t s = ls[line0], e = ls[line1 + 1];
    while (e > s && (src[e - 1] == '\n' || src[e - 1] == '\r')) e--;
    free(ls);
    return wv_strndup(src + s, e - s);
}

/* src içinde adı name olan fonksiyon tanımını bulur (bildirim değil, gövdesiyle) ve hemen
 * üstündeki yorumu da katar. Bulursa satır aralığını yazar, 0 döner; yoksa -1. */
int wv_find_func(const char *src, const char *name, int *line0, int *line1) {
    size_t *ls;
    int nl = line_starts(src, &ls);
    Chunk *c;
    int nc = wv_chunks(src, 1, nl, &c);
    int rc = -1;
    for (int i = 0; i < nc && rc; i++) {
        if (strcmp(c[i].name, name)) continue;
        const char *e = src + ls[c[i].line1 + 1];
        char *m = wv_mask(src);
        char lc = last_char(m + ls[c[i].line1], m + (e - src));
        free(m);
        if (lc != '}') continue; /* bildirim ya da tablo değil, gövdeli tanım */
        *line0 = c[i].line0;
        *line1 = c[i].line1;
        rc = 0;
    }
    free(c);
    free(ls);
    return rc;
}
