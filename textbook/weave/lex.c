/* lex.c — C sözcük çözümleyicisi (yorumlar, dizgeler) ve kaynağın düzyazı/kod
 * parçalarına bölünmesi. */
#include "weave.h"

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

int is_blank_line(const char *p, const char *e) {
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
