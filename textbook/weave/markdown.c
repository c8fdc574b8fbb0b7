/* markdown.c — yorumdan gelen düz metni Markdown'a yazma (kaçırma, paragraf, liste,
 * formül bloğu). */
#include "weave.h"

/* Satır içi metni kaçırarak yazar; `kod` ve $matematik$ parçaları olduğu gibi geçer.
 * line_start: satır başındaki blok işaretlerini (#, -, +, 1.) de kaçır. */
void md_inline(Str *o, const char *s, size_t n, int line_start) {
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

void md_fence(Str *o, const char *info, const char *body) {
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
size_t list_marker(const char *s, size_t n, int *num) {
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
        {
            /* satırın tamamı $$...$$: ayrı paragrafta gösterilen (display) formül */
            size_t a = (size_t)ind, b = n;
            while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
            if (b - a > 4 && !strncmp(s + a, "$$", 2) && !strncmp(s + b - 2, "$$", 2) &&
                !memmem(s + a + 2, b - a - 4, "$$", 2)) {
                if (mode == PRE) FLUSH_PRE();
                if (mode != NONE) str_addc(o, '\n');
                str_addn(o, s + a, b - a);
                str_add(o, "\n\n");
                mode = NONE;
                depth = 0;
                continue;
            }
            /* girintili satır tek bir $...$ ile başlıyorsa (arkasında yalnızca kısa düz metin):
             * o da gösterilen formüldür; metin \text{} ile formülün yanına yazılır. Yoksa
             * satır formül bloğuna (düz metin) gider ve TeX'i ham görünürdü. */
            if (ind > 0 && b - a > 2 && s[a] == '$' && s[a + 1] != '$') {
                const char *close = memchr(s + a + 1, '$', b - a - 1);
                size_t rest = close ? (size_t)(s + b - close - 1) : 0;
                const char *r = close ? close + 1 : NULL;
                int ok = close && close > s + a + 1;
                for (size_t q = 0; ok && q < rest; q++)
                    if (strchr("$\\_^{}%#&~", r[q])) ok = 0;
                if (ok) {
                    if (mode == PRE) FLUSH_PRE();
                    if (mode != NONE) str_addc(o, '\n');
                    str_add(o, "$$");
                    str_addn(o, s + a + 1, (size_t)(close - s - a - 1));
                    while (rest && *r == ' ') { r++; rest--; }
                    if (rest) {
                        str_add(o, rest <= 1 ? "" : "\\quad\\text{");
                        str_addn(o, r, rest);
                        if (rest > 1) str_addc(o, '}');
                    }
                    str_add(o, "$$\n\n");
                    mode = NONE;
                    depth = 0;
                    continue;
                }
                /* birden çok $...$ içeren satır ("$a$, $b$"): kendi paragrafında satır içi
                 * matematik olarak yazılır (formül bloğunda TeX ham kalırdı) */
                int nd = 0, dbl = 0;
                for (size_t q = a; q < b; q++) {
                    nd += s[q] == '$';
                    if (q + 1 < b && s[q] == '$' && s[q + 1] == '$') dbl = 1;
                }
                if (!dbl && nd >= 4 && nd % 2 == 0) {
                    if (mode == PRE) FLUSH_PRE();
                    if (mode != NONE) str_addc(o, '\n');
                    md_inline(o, s + a, b - a, 1);
                    str_add(o, "\n\n");
                    mode = NONE;
                    depth = 0;
                    continue;
                }
            }
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
