/* index.c — içindekiler (00-icindekiler.md) ve sözlük bölümü (99-sozluk.md). */
#include "weave.h"

char *wv_index(const Lesson *ls, int n, const char *preface, const Glossary *g, int *const *seen) {
    Str o = {0};
    str_add(&o, "# Derin Öğrenme Adım Adım — İçindekiler\n\n");
    str_add(&o, "<!-- Bu dosya textbook/weave.c tarafından üretildi (make textbook); elle "
                "düzenlemeyin. Önsöz: textbook/onsoz.md -->\n\n");
    if (preface && preface[0]) {
        str_add(&o, preface);
        if (preface[strlen(preface) - 1] != '\n') str_addc(&o, '\n');
        str_addc(&o, '\n');
    }
    str_add(&o, "## Öğrenme yolu\n\n");
    if (!n) str_add(&o, "Henüz ders yok.\n\n");
    for (int i = 0; i < n; i++) {
        const Lesson *L = &ls[i];
        str_addf(&o, "### [Ders %s — ", L->num);
        md_inline(&o, L->title, strlen(L->title), 0);
        str_addf(&o, "](%s)\n\n", L->chapter);
        if (L->goals) {
            str_add(&o, "Bu derste öğrenecekleriniz:\n\n");
            str_add(&o, L->goals);
            str_addc(&o, '\n');
        }
        /* bu derste ilk kez geçen anahtar terimler */
        if (g && seen) {
            int any = 0;
            for (int t = 0; t < g->n; t++) {
                if (!g->t[t].key || !seen[i][t]) continue;
                int earlier = 0;
                for (int j = 0; j < i; j++) earlier |= seen[j][t];
                if (earlier) continue;
                str_add(&o, any ? ", " : "Yeni anahtar terimler: ");
                md_inline(&o, g->t[t].tr, strlen(g->t[t].tr), 0);
                str_add(&o, " (");
                md_inline(&o, g->t[t].ens[0], strlen(g->t[t].ens[0]), 0);
                str_add(&o, ")");
                any = 1;
            }
            if (any) str_add(&o, ".\n\n");
        }
    }
    str_add(&o, "## Ölçülen sonuçlar\n\n");
    str_add(&o, "Her dersin kayıtlı koşusunun son satırı (`SONUÇ:`), olduğu gibi. Koşunun komutu, "
                "makinesi ve tarihi bölümün başında yazar.\n\n");
    /* çizgi sayıları pandoc'ta sütun genişlikleridir: %8 / %22 / %70 */
    str_add(&o, "| Ders | Koşu | SONUÇ |\n|----|-----------|-----------------------------------|\n");
    for (int i = 0; i < n; i++) {
        const Lesson *L = &ls[i];
        const Run *r = &L->run;
        str_addf(&o, "| [%s](%s) | ", L->num, L->chapter);
        if (!r->have) {
            str_add(&o, "kayıt yok | — |\n");
            continue;
        }
        const char *cmd = run_get(r, "komut"), *kisa = run_get(r, "kisa"), *date = run_get(r, "tarih");
        str_addf(&o, "`%s`%s%s%s | ", cmd ? cmd : L->id, kisa && !strcmp(kisa, "evet") ? " (kısa koşu)" : "",
                 date ? ", " : "", date ? date : "");
        if (r->sonuc) {
            /* her key=value ayrı kod parçası */
            const char *s = r->sonuc;
            int first = 1;
            while (*s) {
                size_t l = strcspn(s, " ");
                if (l) {
                    if (!first) str_addc(&o, ' ');
                    str_addc(&o, '`');
                    for (size_t k = 0; k < l; k++) {
                        if (s[k] == '|') str_addc(&o, '\\');
                        str_addc(&o, s[k] == '`' ? '\'' : s[k]);
                    }
                    str_addc(&o, '`');
                    first = 0;
                }
                s += l;
                while (*s == ' ') s++;
            }
        } else {
            str_add(&o, "(SONUÇ satırı yok)");
        }
        str_add(&o, " |\n");
    }
    str_add(&o, "\n[Sözlük](" GLOSSARY_MD "): kitapta geçen terimlerin Türkçe–İngilizce karşılıkları "
                "ve tanımları.\n");
    return str_take(&o);
}

static const Glossary *g_sort;
static int cmp_term_idx(const void *a, const void *b) {
    const Term *x = &g_sort->t[*(const int *)a], *y = &g_sort->t[*(const int *)b];
    int c = wv_tr_cmp(x->tr, y->tr);
    return c ? c : x->line - y->line;
}

static void md_cell(Str *o, const char *s) {
    Str t = {0};
    md_inline(&t, s, strlen(s), 0);
    for (size_t i = 0; i < t.n; i++) {
        if (t.s[i] == '|' && (i == 0 || t.s[i - 1] != '\\')) str_addc(o, '\\');
        str_addc(o, t.s[i]);
    }
    free(t.s);
}

char *wv_glossary_md(const Glossary *g, const Lesson *ls, int n, int *const *seen) {
    Str o = {0};
    str_add(&o, "# Sözlük\n\n");
    str_add(&o, "<!-- Bu dosya textbook/weave.c tarafından textbook/sozluk.tsv'den üretildi; elle "
                "düzenlemeyin. -->\n\n");
    str_add(&o, "[İçindekiler](" INDEX_MD ")\n\n");
    str_add(&o, "Kitapta geçen terimler, Türkçe alfabe sırasıyla. **Kalın** olanlar anahtar "
                "terimlerdir. \"Dersler\" sütunu terimin geçtiği dersleri gösterir; derslerde bir "
                "terim ilk kullanıldığı yerde İngilizcesiyle birlikte yazılır: \"kayıp (loss)\".\n\n");
    str_add(&o, "| Türkçe | İngilizce | Tanım | Dersler |\n"
                "|---------|---------|-------------------------|-------|\n");
    int *idx = wv_alloc((size_t)(g->n + 1) * sizeof *idx);
    for (int i = 0; i < g->n; i++) idx[i] = i;
    g_sort = g;
    qsort(idx, (size_t)g->n, sizeof *idx, cmp_term_idx);
    for (int k = 0; k < g->n; k++) {
        const Term *t = &g->t[idx[k]];
        str_add(&o, "| ");
        if (t->key) str_add(&o, "**");
        md_cell(&o, t->tr);
        if (t->key) str_add(&o, "**");
        str_add(&o, " | ");
        md_cell(&o, t->en);
        str_add(&o, " | ");
        md_cell(&o, t->def);
        str_add(&o, " | ");
        int any = 0;
        for (int i = 0; i < n; i++)
            if (seen && seen[i][idx[k]]) {
                str_addf(&o, "%s[%s](%s)", any ? ", " : "", ls[i].num, ls[i].chapter);
                any = 1;
            }
        if (!any) str_add(&o, "—");
        str_add(&o, " |\n");
    }
    free(idx);
    return str_take(&o);
}
