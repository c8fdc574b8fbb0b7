/* book.c — bütün kitabı bellekte kurma ve diske yazma (eski bölümleri silme). */
#include "weave.h"

void wv_free_book(Book *b) {
    for (int i = 0; i < b->n; i++) {
        free(b->names[i]);
        free(b->texts[i]);
    }
    b->n = 0;
}

static void book_add(Book *b, const char *name, char *text) {
    if (b->n >= 512) { free(text); return; }
    b->names[b->n] = strdup(name);
    b->texts[b->n++] = text;
}

/* root altındaki lessons/ ve textbook/ girdilerinden kitabı bellekte üretir.
 * Sözlük ihlalleri (varsa) viol'e yazılır (NULL olabilir). 0: başarılı, -1: hata (wv_err). */
int wv_build_book(const char *root, Book *b, Str *viol, int *nviol) {
    memset(b, 0, sizeof *b);
    char ld[4096], rd[4096], gp[4096], sp[4096], pp[4096];
    snprintf(ld, sizeof ld, "%s/lessons", root);
    snprintf(rd, sizeof rd, "%s/textbook/runs", root);
    snprintf(gp, sizeof gp, "%s/textbook/sozluk.tsv", root);
    snprintf(sp, sizeof sp, "%s/textbook/sozluk_haric.txt", root);
    snprintf(pp, sizeof pp, "%s/textbook/onsoz.md", root);
    if (!wv_is_dir(ld)) {
        wv_seterr("'%s' klasörü yok (--kok depo kökünü göstermeli)", ld);
        return -1;
    }
    Lesson *ls;
    int n = wv_find_lessons(ld, &ls);
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        ls[i].root = root;
        rc = wv_load_lesson(&ls[i], ld, rd);
        if (rc == 0) wv_check_deps(&ls[i], root);
    }
    Glossary g = {0};
    int have_g = 0;
    if (rc == 0 && wv_is_file(gp)) {
        rc = wv_load_glossary(&g, gp, sp);
        have_g = rc == 0;
    }
    int **seen = NULL;
    if (rc == 0) {
        seen = wv_alloc((size_t)(n + 1) * sizeof *seen);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            seen[i] = wv_alloc((size_t)(g.n + 1) * sizeof **seen);
            if (!have_g) continue;
            for (int f = 0; f < ls[i].nfiles; f++) {
                Str tmp = {0};
                bad += wv_check_lesson_glossary(&g, ls[i].id, ls[i].files[f], ls[i].srcs[f], &tmp,
                                                seen[i]);
                if (viol && tmp.s) str_add(viol, tmp.s);
                free(tmp.s);
            }
        }
        if (nviol) *nviol = bad;
        for (int i = 0; i < n; i++) book_add(b, ls[i].chapter, wv_chapter(ls, n, i));
        char *pre = wv_read_file(pp, NULL);
        book_add(b, INDEX_MD, wv_index(ls, n, pre, have_g ? &g : NULL, seen));
        free(pre);
        if (have_g) book_add(b, GLOSSARY_MD, wv_glossary_md(&g, ls, n, seen));
        for (int i = 0; i < n; i++) free(seen[i]);
        free(seen);
    }
    for (int i = 0; i < n; i++) wv_free_lesson(&ls[i]);
    free(ls);
    wv_free_glossary(&g);
    return rc;
}

/* Üretilmiş bölüm adı mı? (NN-ad.md) */
int wv_is_generated_name(const char *s) {
    return isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && s[2] == '-' &&
           strlen(s) > 6 && !strcmp(s + strlen(s) - 3, ".md");
}

/* Kitabı outdir'e yazar; outdir'de kitapta olmayan eski NN-*.md bölümlerini siler. */
int wv_write_book(const Book *b, const char *outdir) {
    for (int i = 0; i < b->n; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", outdir, b->names[i]);
        if (wv_write_file(p, b->texts[i], strlen(b->texts[i])) != 0) return -1;
    }
    char **f;
    int nf = wv_list_dir(outdir, "", ".md", &f);
    for (int i = 0; i < nf; i++) {
        if (!wv_is_generated_name(f[i])) continue;
        int keep = 0;
        for (int k = 0; k < b->n; k++) keep |= !strcmp(b->names[k], f[i]);
        if (!keep) {
            char p[4096];
            snprintf(p, sizeof p, "%s/%s", outdir, f[i]);
            fprintf(stderr, "eski bölüm siliniyor: %s\n", p);
            remove(p);
        }
    }
    free_list(f, nf);
    return 0;
}
