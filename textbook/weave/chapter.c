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

static void emit_figs(Str *o, const Lesson *L, int k, const char *title) {
    const Run *r = &L->run;
    for (int f = 0; f < r->nfigs; f++) {
        if (r->figstep[f] != k) continue;
        Str alt = {0};
        if (title) md_inline(&alt, title, strlen(title), 0);
        str_addf(o, "![Şekil %s.%d — %s (%s)](runs/%s/%s)\n\n", L->num, k, alt.s ? alt.s : "",
                 r->figs[f], L->id, r->figs[f]);
        free(alt.s);
    }
}

static void emit_code(Str *o, const char *file, const Seg *s) {
    if (s->line0 == s->line1)
        str_addf(o, "[`lessons/%s`, satır %d](../lessons/%s#L%d):\n\n", file, s->line0, file, s->line0);
    else
        str_addf(o, "[`lessons/%s`, satır %d–%d](../lessons/%s#L%d-L%d):\n\n", file, s->line0,
                 s->line1, file, s->line0, s->line1);
    md_fence(o, "c", s->text);
    str_addc(o, '\n');
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
                    emit_figs(&o, L, 0, "Başlangıç");
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
                    emit_figs(&o, L, cur_step, cur_title);
                }
                cur_step = s->step;
                cur_title = s->title;
                str_addf(&o, "## Adım %d: ", s->step);
                md_inline(&o, s->title, strlen(s->title), 0);
                str_add(&o, "\n\n");
                if (s->text[0]) {
                    wv_prose_md(&o, s->text);
                    str_addc(&o, '\n');
                }
            } else if (s->prose) {
                const char *t = s->text;
                /* giriş yorumunun "lessonNN — başlık" satırı bölüm başlığıyla aynıdır: atla */
                if (fi == 0 && k == 0 && !strncmp(t, L->id, strlen(L->id))) {
                    t += strcspn(t, "\n");
                    while (*t == '\n') t++;
                }
                wv_prose_md(&o, t);
                str_addc(&o, '\n');
            } else {
                emit_code(&o, L->files[fi], s);
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
            emit_figs(&o, L, cur_step, cur_title);
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
        emit_figs(&o, L, 0, "Başlangıç");
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
            if (!src_has) emit_figs(&o, L, p->k, p->title);
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
            str_addf(&o, "![Şekil — %s](runs/%s/%s)\n\n", r->figs[f], L->id, r->figs[f]);
        }
    }
    free(used);
    if (r->nquiz) emit_quiz(&o, L);
    str_add(&o, "---\n\n");
    nav_line(&o, ls, n, i);
    return str_take(&o);
}
