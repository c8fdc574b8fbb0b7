/* index.c — içindekiler (00-icindekiler.md) ve sözlük bölümü (99-sozluk.md). */
#include "weave.h"

/* İçindekilerdeki "Ölçülen sonuçlar" tablosunun başlıca ölçümleri: dersin SONUÇ satırındaki
 * anahtar, Türkçe adı ve biçimi ('%': oran, yüzde olarak; 'n': sayı, ondalık virgülle). Kayıtta
 * olmayan anahtar atlanır; tablo yalnızca okura yöneliktir, testler SONUÇ satırını okur. */
typedef struct {
    const char *lesson, *key, *label;
    char kind;
} Headline;
static const Headline HEADLINES[] = {
    {"lesson00", "L_opt", "en küçük kayıp", 'n'},
    {"lesson00", "lojistik_acc", "lojistik regresyon doğruluğu", '%'},
    {"lesson00", "vadi_sgd", "dar vadide dibe varış adımı: SGD", 'n'},
    {"lesson00", "vadi_momentum", "momentum", 'n'},
    {"lesson00", "vadi_adam", "Adam", 'n'},
    {"lesson01", "raw_acc", "test doğruluğu, ham giriş", '%'},
    {"lesson01", "norm_acc", "min-max", '%'},
    {"lesson01", "zscore_acc", "z-score", '%'},
    {"lesson02", "test_acc", "test doğruluğu", '%'},
    {"lesson02", "test_loss", "test kaybı", 'n'},
    {"lesson02", "epochs", "epoch", 'n'},
    {"lesson02", "params", "parametre", 'n'},
    {"lesson03", "test_acc", "test doğruluğu", '%'},
    {"lesson03", "macro_f1", "makro F1", 'n'},
    {"lesson03", "misclassified", "yanlış sınıflanan", 'n'},
    {"lesson03", "worst_class", "en zayıf sınıf", 'n'},
    {"lesson04", "test_acc_noaug", "test doğruluğu, artırmasız", '%'},
    {"lesson04", "test_acc_aug", "artırmalı", '%'},
    {"lesson04", "conv_speedup", "im2col hızlanması (kat)", 'n'},
    {"lesson04", "epochs", "epoch", 'n'},
    {"lesson05", "val_acc", "ikili sınıflandırma, doğrulama doğruluğu", '%'},
    {"lesson05", "transfer_acc", "Fashion-MNIST: transfer", '%'},
    {"lesson05", "finetune_acc", "ince ayar", '%'},
    {"lesson05", "scratch_acc", "sıfırdan", '%'},
    {"lesson06", "em_plain", "ters çevirme tam eşleşme: dikkatsiz", '%'},
    {"lesson06", "em_att", "dikkatli", '%'},
    {"lesson06", "sayi_em", "sayı okuma tam eşleşme", '%'},
    {"lesson07", "var_oran_512_8", "varyans oranı, d_k 512 / 8", 'n'},
    {"lesson07", "maxw_olceksiz_512", "en büyük ağırlık d_k = 512: ölçeksiz", 'n'},
    {"lesson07", "maxw_olcekli_512", "ölçekli", 'n'},
    {"lesson08", "pmax_t025", "en büyük olasılık: τ = 0,25", 'n'},
    {"lesson08", "pmax_t5", "τ = 5", 'n'},
    {"lesson08", "tv_max", "örneklemede en büyük TV uzaklığı", 'n'},
    {"lesson09", "maskeli_durust_kayip", "dürüst kayıp: maskeli", 'n'},
    {"lesson09", "maskesiz_durust_kayip", "maskesiz", 'n'},
    {"lesson09", "maskeli_durust_dogruluk", "dürüst doğruluk: maskeli", '%'},
    {"lesson09", "maskesiz_durust_dogruluk", "maskesiz", '%'},
    {"lesson10", "esik_adim_nh2", "kaybın 0,1'in altına indiği adım: iki baş", 'n'},
    {"lesson10", "esik_adim_nh1", "tek baş", 'n'},
    {"lesson10", "acc_nh2", "doğruluk, iki baş", '%'},
    {"lesson11", "sira_farki_pe_yok", "karıştırınca çıktı farkı: PE yok", 'n'},
    {"lesson11", "sira_farki_pe_var", "PE var", 'n'},
    {"lesson11", "kaydirma_hata", "kaydırma matrisi hatası", 'n'},
    {"lesson12", "rev_acc_mean", "ters çevirme tam eşleşme", '%'},
    {"lesson12", "num_acc", "sayı okuma tam eşleşme", '%'},
    {"lesson12", "deep_loss_res", "6+6 katman kaybı: artık bağlantılı", 'n'},
    {"lesson12", "deep_loss_nores", "artık bağlantısız", 'n'},
    {"lesson13", "nelbo20", "test −ELBO, J = 20 (nat)", 'n'},
    {"lesson13", "kl20", "KL", 'n'},
    {"lesson13", "ae_rec", "otokodlayıcı yeniden yapılandırma", 'n'},
    {"lesson14", "plain_grid_modes", "ızgarada kapsanan mod (25'ten): sade GAN", 'n'},
    {"lesson14", "pac_grid_modes", "PacGAN4", 'n'},
    {"lesson14", "plain_ring_modes", "halkada (8'den): sade GAN", 'n'},
    {"lesson14", "pac_ring_modes", "PacGAN4", 'n'},
    {"lesson15", "flag_prec", "ay-yıldız: kesinlik", '%'},
    {"lesson15", "flag_rec", "duyarlılık", '%'},
    {"lesson15", "loaded_ed", "kayıtlı model enerji uzaklığı", 'n'},
    {"lesson16", "val_loss", "doğrulama kaybı (nat/karakter): GPT", 'n'},
    {"lesson16", "ngram_best", "en iyi n-gram", 'n'},
    {"lesson16", "novel", "yeni (eğitimde olmayan) ad payı", '%'},
    {NULL, NULL, NULL, 0},
};

/* SONUÇ satırında "key=" ile başlayan değerin kopyası (boşluğa kadar; static tampon) ya da NULL. */
static const char *sonuc_get(const char *s, const char *key) {
    static char v[64];
    if (!s) return NULL;
    size_t kl = strlen(key);
    for (const char *p = s; *p;) {
        size_t l = strcspn(p, " ");
        if (l > kl && !strncmp(p, key, kl) && p[kl] == '=') {
            size_t vl = l - kl - 1;
            if (vl >= sizeof v) vl = sizeof v - 1;
            memcpy(v, p + kl + 1, vl);
            v[vl] = '\0';
            return v;
        }
        p += l;
        while (*p == ' ') p++;
    }
    return NULL;
}

/* Değeri Türkçe yazar: ondalık virgül; '%' için 100 ile çarpılmış ve başta % işaretiyle. Sayı
 * değilse olduğu gibi (kod olarak). */
static void fmt_value(Str *o, const char *v, char kind) {
    char *end;
    double x = strtod(v, &end);
    if (end == v || *end) {
        str_addf(o, "`%s`", v);
        return;
    }
    char buf[64];
    if (kind == '%') {
        snprintf(buf, sizeof buf, "%%%.2f", 100.0 * x);
    } else {
        /* kaydın kendi basamaklarını koru: yalnızca noktayı virgüle çevir */
        snprintf(buf, sizeof buf, "%s", v);
    }
    for (char *c = buf; *c; c++)
        if (*c == '.') *c = ',';
    str_add(o, buf);
}

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
    str_add(&o, "Her dersin kayıtlı koşusundan başlıca ölçümler. Değerler koşunun son satırından "
                "(`SONUÇ:`) alınır; bütün değerler tablonun altında, testlerin okuduğu biçimiyle "
                "durur. Koşunun komutu, makinesi ve tarihi bölümün başında yazar.\n\n");
    /* çizgi sayıları pandoc'ta sütun genişlikleridir: %8 / %62 / %30 */
    str_add(&o, "| Ders | Başlıca ölçümler | Koşu |\n|----|-------------------------------|"
                "---------------|\n");
    for (int i = 0; i < n; i++) {
        const Lesson *L = &ls[i];
        const Run *r = &L->run;
        str_addf(&o, "| [%s](%s) | ", L->num, L->chapter);
        if (!r->have) {
            str_add(&o, "henüz kayıt yok | — |\n");
            continue;
        }
        int k = 0;
        for (const Headline *h = HEADLINES; h->lesson; h++) {
            if (strcmp(h->lesson, L->id)) continue;
            const char *v = sonuc_get(r->sonuc, h->key);
            if (!v) continue;
            if (k++) str_add(&o, "; ");
            str_addf(&o, "%s: ", h->label);
            fmt_value(&o, v, h->kind);
        }
        if (!k) str_add(&o, r->sonuc ? "(başlıca ölçüm seçilmedi; aşağıdaki tam listeye bakın)"
                                     : "(SONUÇ satırı yok)");
        const char *cmd = run_get(r, "komut"), *kisa = run_get(r, "kisa"), *date = run_get(r, "tarih");
        str_addf(&o, " | `%s`%s%s%s |\n", cmd ? cmd : L->id,
                 kisa && !strcmp(kisa, "evet") ? " (kısa koşu)" : "", date ? ", " : "",
                 date ? date : "");
    }
    str_add(&o, "\n<details>\n<summary>Bütün SONUÇ değerleri (anahtar=değer, testlerin "
                "denetlediği biçim)</summary>\n\n");
    str_add(&o, "| Ders | SONUÇ |\n|----|-------------------------------------------|\n");
    for (int i = 0; i < n; i++) {
        const Run *r = &ls[i].run;
        if (!r->have) continue;
        str_addf(&o, "| [%s](%s) | ", ls[i].num, ls[i].chapter);
        if (r->sonuc) {
            /* her key=value ayrı kod parçası */
            const char *s = r->sonuc;
            int first = 1;
            while (*s) {
                size_t l = strcspn(s, " ");
                if (l) {
                    if (!first) str_addc(&o, ' ');
                    str_addc(&o, '`');
                    for (size_t q = 0; q < l; q++) {
                        if (s[q] == '|') str_addc(&o, '\\');
                        str_addc(&o, s[q] == '`' ? '\'' : s[q]);
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
    str_add(&o, "\n</details>\n");
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
