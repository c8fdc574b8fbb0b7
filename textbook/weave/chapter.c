/* chapter.c — bir dersin bölümü (NN-ad.md): gezinme, koşu notu, adımlar, çıktı, şekil,
 * sınav. */
#include "weave.h"

static void nav_line(Str *o, const Lesson *ls, int n, int i) {
    str_add(o, "[İçindekiler](" INDEX_MD ")");
    if (i > 0) str_addf(o, " · [← Ders %s](%s)", ls[i - 1].num, ls[i - 1].chapter);
    if (i + 1 < n) str_addf(o, " · [Ders %s →](%s)", ls[i + 1].num, ls[i + 1].chapter);
    str_add(o, " · [Sözlük](" GLOSSARY_MD ")\n");
}

static void run_note(Str *o, const Lesson *L) {
    const Run *r = &L->run;
    if (!r->have) {
        str_addf(o, "> **Koşu kaydı yok.** Bu bölümde henüz gerçek bir koşunun çıktısı ve şekilleri "
                    "yok; yalnızca kaynak kod var. Eklemek için: `make textbook-runs DERSLER=%s` "
                    "ve ardından `make textbook`.\n\n",
                 L->id);
        return;
    }
    const char *cmd = run_get(r, "komut"), *date = run_get(r, "tarih"), *m = run_get(r, "makine"),
               *cpu = run_get(r, "islemci"), *nc = run_get(r, "cekirdek"),
               *dur = run_get(r, "sure_sn"), *git = run_get(r, "git"), *kisa = run_get(r, "kisa");
    str_addf(o, "> **Koşu kaydı.** Bu bölümdeki program çıktıları ve şekiller `%s` komutunun "
                "gerçek bir koşusundan alındı",
             cmd ? cmd : L->id);
    str_addf(o, ": %s, %s", date ? date : "tarih bilinmiyor", m ? m : "makine bilinmiyor");
    if (cpu) str_addf(o, ", %s", cpu);
    if (nc) str_addf(o, " (%s çekirdek)", nc);
    if (dur) str_addf(o, ", %s sn", dur);
    if (git) str_addf(o, ", kaynak: git %s", git);
    str_add(o, ".\n");
    if (kisa && !strcmp(kisa, "evet"))
        str_add(o, ">\n> **Dikkat: bu kısa (`--quick`) bir koşudur.** Küçük bir alt kümeyle, birkaç "
                   "saniyede yapıldı; sayılar ve eğriler tam uzunluktaki koşudan farklıdır (daha düşük "
                   "doğruluk, daha kısa eğriler). Kitap tam koşuyla yenilenecek.\n");
    /* kaynak koşudan sonra değişti mi? Yeni kayıtlar dersin her dosyasının ve kullandığı
     * common/ dosyalarının cksum'unu taşır (wv_check_deps); eskiler yalnızca ilk dosyanın. */
    const char *ck = run_get(r, "kaynak_cksum");
    if (r->ndeps > 0) {
        if (L->stale)
            str_addf(o, ">\n> **Uyarı:** bu koşudan sonra şu kaynak dosyalar değişti: %s; "
                        "aşağıdaki çıktılar kaynağın eski hâline ait olabilir "
                        "(`make textbook-runs DERSLER=%s` ile yenileyin).\n",
                     L->stale, L->id);
    } else if (ck) {
        unsigned long want = strtoul(ck, NULL, 10);
        const char *s = L->srcs[0];
        unsigned long have = wv_cksum((const unsigned char *)s, strlen(s));
        if (want != have)
            str_add(o, ">\n> **Uyarı:** ders kaynağı bu koşudan sonra değişti; aşağıdaki çıktılar "
                       "kaynağın eski hâline ait olabilir (`make textbook-runs` ile yenileyin).\n");
    }
    str_addc(o, '\n');
}

static const OutPart *find_part(const Run *r, int k) {
    for (int i = 0; i < r->nparts; i++)
        if (r->parts[i].k == k) return &r->parts[i];
    return NULL;
}

static void emit_output(Str *o, const Lesson *L, const char *text, const char *what) {
    if (!text || !text[0]) return;
    str_addf(o, "**Programın çıktısı** (%s):\n\n", what);
    md_fence(o, "text", text);
    str_addc(o, '\n');
    (void)L;
}

/* Adımın şekilleri; numaralar bölüm içinde sırayla artar (Şekil 02.1, 02.2 ...). Markdown'da
 * (GitHub) görselin altında bir başlık satırı durur: italik etiket ("Şekil NN.k — Adım k: başlık
 * (`dosya.png`).") ve kaynaktaki "Şekil ad: ..." yorumundan gelen, neye bakılacağını söyleyen
 * cümle (bkz. wv_fig_captions). HTML baskısında html.lua bu satırı resmin <figcaption>'ı yapar. */
static void emit_figs(Str *o, const Lesson *L, int k, const char *title, int *no) {
    const Run *r = &L->run;
    for (int f = 0; f < r->nfigs; f++) {
        if (r->figstep[f] != k) continue;
        Str cap = {0};
        str_addf(&cap, "Şekil %s.%d — ", L->num, ++*no);
        if (k > 0) str_addf(&cap, "Adım %d: ", k);
        if (title) md_inline(&cap, title, strlen(title), 0);
        const char *say = wv_fig_caption(L, r->figs[f]); /* "ne görmeli" cümlesi (kaynaktan) */
        str_addf(o, "![%s](runs/%s/%s)\n\n*%s (`%s`)", cap.s, L->id, r->figs[f], cap.s, r->figs[f]);
        if (say) {
            str_add(o, ".* ");
            md_inline(o, say, strlen(say), 0);
            str_add(o, "\n\n");
        } else {
            str_add(o, "*\n\n");
        }
        free(cap.s);
    }
}

static void emit_code_lines(Str *o, const char *dir, const char *file, int l0, int l1, const char *text) {
    if (l0 == l1)
        str_addf(o, "[`%s/%s`, satır %d](../%s/%s#L%d):\n\n", dir, file, l0, dir, file, l0);
    else
        str_addf(o, "[`%s/%s`, satır %d–%d](../%s/%s#L%d-L%d):\n\n", dir, file, l0, l1, dir, file,
                 l0, l1);
    md_fence(o, "c", text);
    str_addc(o, '\n');
}

/* Satır yazdırma/çizim deyimi mi başlatıyor? (printf, puts, plot_..., fputs, putchar) */
static int glue_start(const char *p, const char *e) {
    while (p < e && (*p == ' ' || *p == '\t')) p++;
    static const char *const k[] = {"printf(", "puts(", "plot_", "fputs(", "putchar(", "fflush("};
    for (size_t i = 0; i < sizeof k / sizeof *k; i++)
        if ((size_t)(e - p) >= strlen(k[i]) && !strncmp(p, k[i], strlen(k[i]))) return 1;
    return 0;
}

/* Satırın son boş olmayan karakteri (yorum ve dizge hesaba katılmadan kabaca). */
static char tail_char(const char *p, const char *e) {
    char c = 0;
    for (; p < e; p++)
        if (!isspace((unsigned char)*p)) c = *p;
    return c;
}

/* [l0, l1] kodunu yazar; art arda en az GLUE_MIN satır tutan yazdırma/çizim deyimleri
 * (devam satırlarıyla) katlanır: okur hesabı görür, printf'leri isterse açar. */
#define GLUE_MIN 6
static void emit_code_slim(Str *o, const char *file, const char *src, int l0, int l1) {
    char *t = wv_lines(src, l0, l1);
    int nl = 1;
    for (const char *p = t; *p; p++) nl += *p == '\n';
    const char **ls = wv_alloc((size_t)(nl + 1) * sizeof *ls);
    {
        int k = 0;
        ls[k++] = t;
        for (const char *p = t; *p; p++)
            if (*p == '\n') ls[k++] = p + 1;
        ls[nl] = t + strlen(t) + 1;
    }
    char *g = wv_alloc((size_t)nl + 1); /* satır katlanacak yapıştırıcı mı */
    for (int i = 0; i < nl;) {
        const char *e = (i + 1 < nl) ? ls[i + 1] - 1 : t + strlen(t);
        char prev = 0;
        for (int q = i - 1; q >= 0 && !prev; q--) {
            const char *qe = ls[q + 1] - 1;
            prev = tail_char(ls[q], qe);
        }
        if (!glue_start(ls[i], e) || prev == ')' ) { i++; continue; } /* if (...) printf: katlama */
        /* deyimin sonu: ';' ile biten satıra kadar */
        int j = i;
        for (;;) {
            const char *je = (j + 1 < nl) ? ls[j + 1] - 1 : t + strlen(t);
            if (tail_char(ls[j], je) == ';' || j + 1 >= nl) break;
            j++;
        }
        for (int q = i; q <= j; q++) g[q] = 1;
        i = j + 1;
    }
    /* boş ve salt yorum satırları koşuya katılır: sonraki kod satırı yapıştırıcıysa ve
     * (yorumsa ya da öncesi de yapıştırıcıysa) — printf'lerin üstündeki açıklama da katlanır */
    for (int i = nl - 1; i >= 0; i--) {
        if (g[i]) continue;
        const char *p = ls[i], *e = (i + 1 < nl) ? ls[i + 1] - 1 : t + strlen(t);
        while (p < e && (*p == ' ' || *p == '\t')) p++;
        int blank = p == e, comment = !blank && e - p >= 2 && p[0] == '/' && (p[1] == '*' || p[1] == '/');
        if (comment && tail_char(p, e) != '/' && p[1] == '*') comment = 0; /* çok satırlı yorum */
        if (!blank && !comment) continue;
        if (i + 1 < nl && g[i + 1] && (comment || (i > 0 && g[i - 1]))) g[i] = 1;
    }
    /* koşuları sırayla yaz */
    int i = 0;
    while (i < nl) {
        int j = i;
        if (g[i]) {
            while (j < nl && g[j]) j++;
            if (j - i >= GLUE_MIN) {
                char *b = wv_strndup(ls[i], (size_t)(ls[j] - 1 - ls[i]));
                str_addf(o, "<details>\n<summary>Yazdırma ve çizim kodu (%d satır)</summary>\n\n",
                         j - i);
                emit_code_lines(o, "lessons", file, l0 + i, l0 + j - 1, b);
                str_add(o, "</details>\n\n");
                free(b);
                i = j;
                continue;
            }
        }
        /* görünür: bir sonraki katlanacak koşuya kadar */
        j = i;
        while (j < nl) {
            if (g[j]) {
                int k = j;
                while (k < nl && g[k]) k++;
                if (k - j >= GLUE_MIN) break;
                j = k;
            } else {
                j++;
            }
        }
        int a = i, b = j - 1;
        while (a <= b && is_blank_line(ls[a], ls[a + 1] - 1)) a++;
        while (b >= a && is_blank_line(ls[b], ls[b + 1] - 1)) b--;
        if (a <= b) {
            char *x = wv_strndup(ls[a], (size_t)(ls[b + 1] - 1 - ls[a]));
            emit_code_lines(o, "lessons", file, l0 + a, l0 + b, x);
            free(x);
        }
        i = j;
    }
    free(g);
    free(ls);
    free(t);
}

/* Kod parçasını yazar; main() ve sınav kodu (cevaplar!) hid'e gider: bölümde sınavdan sonra,
 * katlı. Aradaki görünür tanımlar kendi satır aralıklarıyla ayrı bloklar olur. */
static void emit_code(Str *o, Str *hid, const char *file, const char *src, const Seg *s) {
    Chunk *c;
    int nc = wv_chunks(src, s->line0, s->line1, &c);
    for (int i = 0; i < nc;) {
        int j = i;
        while (j + 1 < nc && c[j + 1].hidden == c[i].hidden && c[j + 1].glue == c[i].glue) j++;
        char *t = wv_lines(src, c[i].line0, c[j].line1);
        if (c[i].glue) { /* yazdırma ve çizim kodu: okur isterse açar */
            str_addf(o, "<details>\n<summary>Yazdırma ve çizim kodu (%d satır)</summary>\n\n",
                     c[j].line1 - c[i].line0 + 1);
            emit_code_lines(o, "lessons", file, c[i].line0, c[j].line1, t);
            str_add(o, "</details>\n\n");
        } else if (c[i].hidden) {
            emit_code_lines(hid, "lessons", file, c[i].line0, c[j].line1, t);
        } else {
            emit_code_slim(o, file, src, c[i].line0, c[j].line1);
        }
        free(t);
        i = j + 1;
    }
    free(c);
}

static int is_ident(char c) { return isalnum((unsigned char)c) || c == '_'; }

void wv_emit_refs(Str *o, const char *root, const char *text) {
    const char *p = text;
    while ((p = strstr(p, "bkz. common/")) != NULL) {
        p += 5;
        const char *pe = p;
        while (*pe && !isspace((unsigned char)*pe) && *pe != ':') pe++;
        if (*pe != ':' || pe - p < 10 || (strncmp(pe - 2, ".c", 2) && strncmp(pe - 2, ".h", 2))) continue;
        char path[256];
        snprintf(path, sizeof path, "%.*s", (int)(pe - p), p);
        char full[4400];
        snprintf(full, sizeof full, "%s/%s", root ? root : ".", path);
        char *src = wv_read_file(full, NULL);
        const char *q = pe + 1;
        for (;;) {
            while (*q == ' ' || *q == '\n') q++;
            const char *ne = q;
            while (is_ident(*ne)) ne++;
            if (ne == q) break;
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)(ne - q), q);
            int a, b;
            if (src && wv_find_func(src, name, &a, &b) == 0) {
                char *t = wv_lines(src, a, b);
                str_addf(o, "`%s` — kütüphanedeki kaynağı, ", name);
                const char *base = strrchr(path, '/');
                char dir[256];
                snprintf(dir, sizeof dir, "%.*s", (int)(base - path), path);
                emit_code_lines(o, dir, base + 1, a, b, t);
                free(t);
            } else {
                str_addf(o, "> **Alıntı bulunamadı:** `%s` içinde `%s` fonksiyonu yok "
                            "(yorumdaki \"bkz.\" işaretini düzeltin).\n\n", path, name);
            }
            q = ne;
            if (*q == ',') q++;
            else if (!strncmp(q, " ve ", 4)) q += 3;
            else break;
        }
        free(src);
        p = q;
    }
}

/* Kod parçası main() ya da sınav koduyla mı başlıyor? (önündeki yorum da onunla gider) */
static int starts_hidden(const char *src, const Seg *s) {
    if (!s || s->prose) return 0;
    Chunk *c;
    int nc = wv_chunks(src, s->line0, s->line1, &c);
    int h = nc > 0 && c[0].hidden;
    free(c);
    return h;
}

static void emit_quiz(Str *o, const Lesson *L) {
    const Run *r = &L->run;
    str_add(o, "## Sınav\n\n");
    str_addf(o, "Kendinizi sınayın: `./%s --quiz` soruları tek tek sorar ve her cevabı açıklar; "
                "`./%s --quiz --answers DOSYA` bir cevap dosyasını notlandırır. Aşağıda aynı "
                "sorular var; cevaplar katlanmış hâlde.\n\n",
             L->id, L->id);
    for (int i = 0; i < r->nquiz; i++) {
        const QuizItem *q = &r->quiz[i];
        /* soru metni birden çok satır olabilir (ör. hizalı bir tablo): yorumlar gibi
         * paragraf + formül bloğu olarak yazılır */
        Str qt = {0};
        wv_prose_md(&qt, q->q);
        str_addf(o, "**Soru %d.**%s", i + 1, qt.s && qt.s[0] != '`' ? " " : "\n\n");
        if (qt.s) str_add(o, qt.s);
        free(qt.s);
        str_addc(o, '\n');
        for (int c = 0; c < q->nch; c++) {
            const char *t = q->choices[c];
            str_addf(o, "- **%c)** ", t[0]);
            const char *rest = t + 2;
            while (*rest == ' ') rest++;
            md_inline(o, rest, strlen(rest), 0);
            str_addc(o, '\n');
        }
        if (q->nch) str_addc(o, '\n');
        str_add(o, "<details>\n<summary>Cevabı göster</summary>\n\n");
        if (q->answer) {
            str_add(o, "**Doğru cevap:** ");
            md_inline(o, q->answer, strlen(q->answer), 0);
            str_add(o, "\n\n");
        }
        if (q->explain) {
            str_add(o, "**Açıklama:** ");
            md_inline(o, q->explain, strlen(q->explain), 0);
            str_add(o, "\n\n");
        }
        str_add(o, "</details>\n\n");
    }
}

/* Bir dersin bölümünü üretir. ls: tüm dersler (gezinme bağlantıları için), i: bu ders. */
char *wv_chapter(const Lesson *ls, int n, int i) {
    const Lesson *L = &ls[i];
    const Run *r = &L->run;
    Str o = {0};
    str_addf(&o, "# Ders %s — ", L->num);
    md_inline(&o, L->title, strlen(L->title), 0);
    str_add(&o, "\n\n");
    str_addf(&o, "<!-- Bu dosya textbook/weave.c tarafından üretildi (make textbook); elle "
                 "düzenlemeyin. Kaynak: lessons/%s ve textbook/runs/%s/ -->\n\n",
             L->files[0], L->id);
    nav_line(&o, ls, n, i);
    str_addc(&o, '\n');
    run_note(&o, L);
    int *used = wv_alloc((size_t)(r->nparts + 1) * sizeof *used);
    int cur_step = -1; /* -1: adım başlamadı */
    const char *cur_title = NULL;
    int pre_done = 0;
    Str hid = {0}; /* main() ve sınav kodu: bölümün sonunda, katlı */
    int fig_no = 0; /* şekil numarası (bölüm içinde) */
    for (int fi = 0; fi < L->nfiles; fi++) {
        Seg *sg;
        int ns = wv_segment(L->srcs[fi], &sg);
        if (fi > 0) str_addf(&o, "## Ek kaynak: `lessons/%s`\n\n", L->files[fi]);
        for (int k = 0; k < ns; k++) {
            const Seg *s = &sg[k];
            if (s->prose && s->step) {
                /* önceki adımı kapat: çıktısı ve şekilleri */
                if (cur_step < 0 && !pre_done) {
                    emit_output(&o, L, r->pre, "ilk adımdan önce");
                    emit_figs(&o, L, 0, "Başlangıç", &fig_no);
                    pre_done = 1;
                }
                if (cur_step > 0) {
                    const OutPart *p = find_part(r, cur_step);
                    if (p) {
                        char what[64];
                        snprintf(what, sizeof what, "Adım %d/%d", p->k, p->n);
                        emit_output(&o, L, p->text, what);
                        used[p - r->parts] = 1;
                    }
                    emit_figs(&o, L, cur_step, cur_title, &fig_no);
                }
                cur_step = s->step;
                cur_title = s->title;
                str_addf(&o, "## Adım %d: ", s->step);
                md_inline(&o, s->title, strlen(s->title), 0);
                str_add(&o, "\n\n");
                if (s->text[0]) {
                    wv_prose_md(&o, s->text);
                    str_addc(&o, '\n');
                    wv_emit_refs(&o, L->root, s->text);
                }
            } else if (s->prose) {
                const char *t = s->text;
                Str *dst = (k + 1 < ns && starts_hidden(L->srcs[fi], &sg[k + 1])) ? &hid : &o;
                /* giriş yorumunun "lessonNN — başlık" satırı bölüm başlığıyla aynıdır: atla */
                if (fi == 0 && k == 0 && !strncmp(t, L->id, strlen(L->id))) {
                    t += strcspn(t, "\n");
                    while (*t == '\n') t++;
                }
                wv_prose_md(dst, t);
                str_addc(dst, '\n');
                wv_emit_refs(dst, L->root, t);
            } else {
                emit_code(&o, &hid, L->files[fi], L->srcs[fi], s);
            }
        }
        if (cur_step > 0 && fi + 1 == L->nfiles) {
            const OutPart *p = find_part(r, cur_step);
            if (p) {
                char what[64];
                snprintf(what, sizeof what, "Adım %d/%d", p->k, p->n);
                emit_output(&o, L, p->text, what);
                used[p - r->parts] = 1;
            }
            emit_figs(&o, L, cur_step, cur_title, &fig_no);
        }
        /* başlık adımları sonraki dosyada değişirse eski başlık serbest kalır: kopyala */
        if (fi + 1 < L->nfiles && cur_title) {
            static char keep[512];
            snprintf(keep, sizeof keep, "%s", cur_title);
            cur_title = keep;
        }
        wv_free_segs(sg, ns);
    }
    if (!pre_done) {
        emit_output(&o, L, r->pre, "ilk adımdan önce");
        emit_figs(&o, L, 0, "Başlangıç", &fig_no);
    }
    /* kaynakta karşılığı olmayan çıktı parçaları */
    for (int k = 0; k < r->nparts; k++) {
        if (used[k]) continue;
        const OutPart *p = &r->parts[k];
        str_addf(&o, "## Adım %d: ", p->k);
        md_inline(&o, p->title, strlen(p->title), 0);
        str_add(&o, " (yalnızca programın çıktısında)\n\n");
        char what[64];
        snprintf(what, sizeof what, "Adım %d/%d", p->k, p->n);
        emit_output(&o, L, p->text, what);
        for (int j = 0; j < k; j++)
            if (r->parts[j].k == p->k) goto no_figs; /* aynı numara ikinci kez: şekiller bir kez */
        {
            int src_has = 0;
            for (int j = 0; j < r->nparts; j++)
                if (used[j] && r->parts[j].k == p->k) src_has = 1;
            if (!src_has) emit_figs(&o, L, p->k, p->title, &fig_no);
        }
    no_figs:;
    }
    /* hiçbir adıma bağlanamayan şekiller */
    int orphan = 0;
    for (int f = 0; f < r->nfigs; f++) {
        int k = r->figstep[f], ok = (k == 0);
        for (int j = 0; j < r->nparts && !ok; j++) ok = r->parts[j].k == k;
        if (!ok) {
            if (!orphan++) str_add(&o, "## Diğer şekiller\n\n");
            fig_no++;
            const char *say = wv_fig_caption(L, r->figs[f]);
            str_addf(&o, "![Şekil %s.%d](runs/%s/%s)\n\n*Şekil %s.%d (`%s`)%s", L->num, fig_no,
                     L->id, r->figs[f], L->num, fig_no, r->figs[f], say ? ".* " : "*");
            if (say) md_inline(&o, say, strlen(say), 0);
            str_add(&o, "\n\n");
        }
    }
    free(used);
    if (r->nquiz) emit_quiz(&o, L);
    if (hid.n) {
        str_add(&o, "## Programın iskeleti: `main()` ve sınav kodu\n\n"
                    "Adımları sırayla çağıran `main()` ve sınav sorularını kuran kod burada durur; "
                    "sınav kodu cevapları içerdiği için katlıdır.\n\n"
                    "<details>\n<summary>Kaynağı göster (sınav cevaplarını içerir)</summary>\n\n");
        str_add(&o, hid.s);
        str_add(&o, "</details>\n\n");
    }
    free(hid.s);
    str_add(&o, "---\n\n");
    nav_line(&o, ls, n, i);
    return str_take(&o);
}
