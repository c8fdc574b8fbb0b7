/* lesson.c — derslerin bulunması ve yüklenmesi (dosyalar, başlık, öğrenme hedefleri,
 * koşu kaydı) ve kaydın güncelliği (wv_check_deps). */
#include "weave.h"
#include <fnmatch.h>

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
    wv_fig_captions(L);
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
    free(L->stale);
    free_list(L->cap_pat, L->ncap);
    free_list(L->cap_text, L->ncap);
    wv_free_run(&L->run);
}

static void stale_add(Str *o, const char *path, const char *why) {
    if (o->n) str_add(o, ", ");
    str_addf(o, "`%s`%s", path, why);
}

void wv_check_deps(Lesson *L, const char *root) {
    const Run *r = &L->run;
    free(L->stale);
    L->stale = NULL;
    if (!r->have || r->ndeps == 0) return;
    Str o = {0};
    for (int i = 0; i < r->ndeps; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", root, r->deps[i].path);
        size_t n = 0;
        char *s = wv_read_file(p, &n);
        if (!s) {
            stale_add(&o, r->deps[i].path, " (artık yok)");
            continue;
        }
        if (wv_cksum((const unsigned char *)s, n) != r->deps[i].cksum)
            stale_add(&o, r->deps[i].path, "");
        free(s);
    }
    for (int f = 0; f < L->nfiles; f++) {
        char p[600];
        snprintf(p, sizeof p, "lessons/%s", L->files[f]);
        int found = 0;
        for (int i = 0; i < r->ndeps && !found; i++) found = !strcmp(r->deps[i].path, p);
        if (!found) stale_add(&o, p, " (kayıttan sonra eklendi)");
    }
    if (o.n) L->stale = str_take(&o);
}

/* Bir yorum şekil açıklaması mı? Öyleyse kalıpları (virgülle) *pat'e, metni *text'e yazar. */
static int parse_caption(const char *c, char **pat, char **text) {
    static const char k[] = "Şekil ";
    if (strncmp(c, k, strlen(k))) return 0;
    const char *p = c + strlen(k), *q = p;
    for (;;) {
        const char *s = q;
        while (isalnum((unsigned char)*q) || *q == '_' || *q == '*' || *q == '?') q++;
        if (q == s) return 0;
        if (*q == ':') break;
        if (q[0] == ',' && q[1] == ' ') { q += 2; continue; }
        return 0;
    }
    const char *t = q + 1;
    Str o = {0};
    for (; *t; t++) { /* satırları tek boşlukla birleştir */
        if (*t == '\n' || *t == ' ' || *t == '\t') {
            if (o.n && o.s[o.n - 1] != ' ') str_addc(&o, ' ');
            continue;
        }
        str_addc(&o, *t);
    }
    while (o.n && o.s[o.n - 1] == ' ') o.s[--o.n] = '\0';
    if (!o.n) { free(o.s); return 0; }
    *pat = wv_strndup(p, (size_t)(q - p));
    *text = str_take(&o);
    return 1;
}

void wv_fig_captions(Lesson *L) {
    for (int f = 0; f < L->nfiles; f++) {
        Tok *t;
        int nt = wv_lex(L->srcs[f], &t);
        for (int i = 0; i < nt; i++) {
            if (t[i].kind == TOK_STRING) continue;
            char *c = wv_clean_comment(L->srcs[f] + t[i].start, t[i].end - t[i].start);
            char *pat, *text;
            if (parse_caption(c, &pat, &text)) {
                L->cap_pat = realloc(L->cap_pat, (size_t)(L->ncap + 1) * sizeof *L->cap_pat);
                L->cap_text = realloc(L->cap_text, (size_t)(L->ncap + 1) * sizeof *L->cap_text);
                if (!L->cap_pat || !L->cap_text) wv_oom();
                L->cap_pat[L->ncap] = pat;
                L->cap_text[L->ncap++] = text;
            }
            free(c);
        }
        free(t);
    }
}

const char *wv_fig_caption(const Lesson *L, const char *png) {
    char name[256];
    size_t l = strlen(png);
    if (l > 4 && !strcmp(png + l - 4, ".png")) l -= 4;
    if (l >= sizeof name) return NULL;
    memcpy(name, png, l);
    name[l] = '\0';
    for (int i = 0; i < L->ncap; i++) {
        const char *p = L->cap_pat[i];
        while (*p) {
            size_t n = strcspn(p, ",");
            char one[256];
            if (n < sizeof one) {
                memcpy(one, p, n);
                one[n] = '\0';
                if (!fnmatch(one, name, 0)) return L->cap_text[i];
            }
            p += n;
            while (*p == ',' || *p == ' ') p++;
        }
    }
    return NULL;
}
