/* run.c — koşu kaydını okuma: output.txt (adımlar, SONUÇ), quiz.txt, kayit.txt
 * (dosya_cksum satırları dahil), sekiller.txt. */
#include "weave.h"

const char *run_get(const Run *r, const char *key) {
    for (int i = 0; i < r->nkv; i++)
        if (!strcmp(r->kv_keys[i], key)) return r->kv_vals[i];
    return NULL;
}

/* metni satırlarına ayırır (kopya; son satırdaki \n yok sayılır) */
int split_lines(const char *s, char ***out) {
    int n = 0, cap = 0;
    char **v = NULL;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t l = e ? (size_t)(e - s) : strlen(s);
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            v = realloc(v, (size_t)cap * sizeof *v);
            if (!v) wv_oom();
        }
        size_t l2 = l;
        if (l2 && s[l2 - 1] == '\r') l2--;
        v[n++] = wv_strndup(s, l2);
        s += l + (e ? 1 : 0);
    }
    *out = v;
    return n;
}

/* satır aralığını birleştirir; baştaki ve sondaki boş satırları atar */
static char *join_lines(char **L, int a, int b) {
    while (a < b && is_blank_line(L[a], L[a] + strlen(L[a]))) a++;
    while (b > a && is_blank_line(L[b - 1], L[b - 1] + strlen(L[b - 1]))) b--;
    Str o = {0};
    for (int i = a; i < b; i++) {
        str_add(&o, L[i]);
        str_addc(&o, '\n');
    }
    return str_take(&o);
}

/* "=== Adım k/n: başlık ===" satırı mı? */
static int parse_banner(const char *s, int *k, int *n, char **title) {
    const char *pfx = "=== Adım ";
    size_t lp = strlen(pfx), l = strlen(s);
    if (l < lp + 8 || strncmp(s, pfx, lp) || strcmp(s + l - 4, " ===")) return 0;
    int kk, nn, used = 0;
    if (sscanf(s + lp, "%d/%d:%n", &kk, &nn, &used) != 2 || used == 0) return 0;
    const char *t = s + lp + used;
    while (*t == ' ') t++;
    const char *e = s + l - 4;
    if (t > e) return 0;
    *k = kk;
    *n = nn;
    *title = wv_strndup(t, (size_t)(e - t));
    return 1;
}

/* output.txt'i adımlara böler ve SONUÇ satırını bulur. */
void wv_parse_output(Run *r, const char *text) {
    char **L;
    int n = split_lines(text, &L);
    int start = 0, curk = -1, curn = 0;
    char *curt = NULL;
    for (int i = 0; i <= n; i++) {
        int k = 0, nn = 0;
        char *t = NULL;
        int ban = i < n && parse_banner(L[i], &k, &nn, &t);
        if (i == n || ban) {
            char *body = join_lines(L, start, i);
            if (curk < 0) r->pre = body;
            else {
                r->parts = realloc(r->parts, (size_t)(r->nparts + 1) * sizeof *r->parts);
                if (!r->parts) wv_oom();
                r->parts[r->nparts++] = (OutPart){curk, curn, curt, body};
            }
            curk = k;
            curn = nn;
            curt = t;
            start = i + 1;
        }
        if (i < n && !strncmp(L[i], "SONUÇ:", strlen("SONUÇ:"))) {
            free(r->sonuc);
            const char *v = L[i] + strlen("SONUÇ:");
            while (*v == ' ') v++;
            r->sonuc = strdup(v);
        }
    }
    for (int i = 0; i < n; i++) free(L[i]);
    free(L);
}

/* Metne bir devam satırı ekler: baştaki boşluklar atılır, araya tek boşluk. */
static void append_cont(char **dst, const char *s) {
    while (*s == ' ') s++;
    Str q = {0};
    str_add(&q, *dst ? *dst : "");
    str_addc(&q, ' ');
    str_add(&q, s);
    free(*dst);
    *dst = str_take(&q);
}

/* quiz.txt: `./lessonNN --quiz` etkileşimli çıktısı. Satırlar (common/lesson/quiz.c
 * 79 sütunda böler; devam satırları girintilerinden tanınır):
 *   "Soru i/n: metin" (+ girintisiz devam satırları), "   a) şık" (+ 6 boşlukla devam),
 *   "Cevabınız: ...", "  Doğru cevap: ..." (+ 4 boşlukla devam), "  Açıklama: ..."
 *   (+ boş satıra kadar devam). */
void wv_parse_quiz(Run *r, const char *text) {
    char **L;
    int n = split_lines(text, &L);
    QuizItem *cur = NULL;
    int state = 0; /* 1: soru metni/şıklar, 2: cevap bekleniyor, 3: açıklama */
    for (int i = 0; i < n; i++) {
        const char *s = L[i];
        int a, b, used = 0;
        if (!strncmp(s, "Soru ", 5) && sscanf(s + 5, "%d/%d:%n", &a, &b, &used) == 2 && used) {
            r->quiz = realloc(r->quiz, (size_t)(r->nquiz + 1) * sizeof *r->quiz);
            if (!r->quiz) wv_oom();
            cur = &r->quiz[r->nquiz++];
            memset(cur, 0, sizeof *cur);
            const char *t = s + 5 + used;
            while (*t == ' ') t++;
            cur->q = strdup(t);
            state = 1;
            continue;
        }
        if (!cur) continue;
        if (!strncmp(s, "Puan:", 5)) { state = 0; cur = NULL; continue; }
        if (state == 1) {
            if (!strncmp(s, "Cevabınız:", strlen("Cevabınız:"))) { state = 2; continue; }
            if (strlen(s) > 5 && !strncmp(s, "   ", 3) && s[3] >= 'a' && s[3] <= 'f' && s[4] == ')') {
                if (cur->nch < 8) cur->choices[cur->nch++] = strdup(s + 3);
                continue;
            }
            if (cur->nch > 0 && !strncmp(s, "      ", 6) && s[6] != ' ' && s[6]) {
                append_cont(&cur->choices[cur->nch - 1], s); /* şıkkın devamı */
                continue;
            }
            Str q = {0};
            str_add(&q, cur->q);
            str_addc(&q, '\n');
            str_add(&q, s);
            free(cur->q);
            cur->q = str_take(&q);
            continue;
        }
        const char *dc = "  Doğru cevap: ", *ac = "  Açıklama: ";
        if (!strncmp(s, dc, strlen(dc))) {
            free(cur->answer);
            cur->answer = strdup(s + strlen(dc));
            state = 5;
            continue;
        }
        if (state == 5 && !strncmp(s, "    ", 4) && s[4] != ' ' && s[4]) {
            append_cont(&cur->answer, s); /* doğru cevabın devamı */
            continue;
        }
        if (!strncmp(s, ac, strlen(ac))) {
            free(cur->explain);
            cur->explain = strdup(s + strlen(ac));
            state = 3;
            continue;
        }
        if (state == 3) {
            if (is_blank_line(s, s + strlen(s))) { state = 4; continue; }
            Str q = {0};
            str_add(&q, cur->explain);
            str_addc(&q, ' ');
            const char *t = s;
            while (*t == ' ') t++;
            str_add(&q, t);
            free(cur->explain);
            cur->explain = str_take(&q);
        }
    }
    for (int i = 0; i < n; i++) free(L[i]);
    free(L);
}

/* runs/lessonNN/ klasörünü okur. Klasör yoksa r->have = 0. */
/* "dosya_cksum: SAYI YOL" satırının değeri: cksum ve depo köküne göre göreli yol.
 * Yol mutlak olamaz, ".." bileşeni ve boşluk/denetim karakteri içeremez. 0: geçerli. */
static int add_dep(Run *r, const char *v) {
    while (*v == ' ') v++;
    if (!isdigit((unsigned char)*v)) return -1;
    char *e;
    errno = 0;
    unsigned long long ck = strtoull(v, &e, 10);
    if (errno || ck > 0xffffffffULL || *e != ' ') return -1;
    while (*e == ' ') e++;
    size_t n = strlen(e);
    if (n == 0 || n > 255 || e[0] == '/' || r->ndeps >= MAX_DEPS) return -1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)e[i] <= ' ' || e[i] == '\\') return -1;
    for (const char *q = e; (q = strstr(q, "..")) != NULL; q += 2)
        if ((q == e || q[-1] == '/') && (q[2] == '/' || q[2] == '\0')) return -1;
    if (!r->deps) r->deps = wv_alloc(MAX_DEPS * sizeof *r->deps);
    r->deps[r->ndeps].path = wv_strndup(e, n);
    r->deps[r->ndeps++].cksum = (uint32_t)ck;
    return 0;
}

int wv_load_run(Run *r, const char *dir) {
    memset(r, 0, sizeof *r);
    if (!wv_is_dir(dir)) return 0;
    char p[4096];
    snprintf(p, sizeof p, "%s/output.txt", dir);
    char *out = wv_read_file(p, NULL);
    if (!out) {
        wv_seterr("'%s' okunamadı: %s (koşu kaydı eksik)", p, strerror(errno));
        return -1;
    }
    r->have = 1;
    wv_parse_output(r, out);
    free(out);
    snprintf(p, sizeof p, "%s/quiz.txt", dir);
    char *qz = wv_read_file(p, NULL);
    if (qz) {
        wv_parse_quiz(r, qz);
        free(qz);
    }
    snprintf(p, sizeof p, "%s/kayit.txt", dir);
    char *kv = wv_read_file(p, NULL);
    if (kv) {
        char **L;
        int n = split_lines(kv, &L);
        int bad = 0;
        for (int i = 0; i < n && !bad; i++) {
            char *c = strchr(L[i], ':');
            if (!c || L[i][0] == '#') continue;
            if (!strncmp(L[i], "dosya_cksum:", 12)) {
                if (add_dep(r, c + 1) != 0) {
                    wv_seterr("'%s' %d. satır: \"dosya_cksum: SAYI YOL\" bekleniyordu (YOL depo "
                              "içinde, göreli; en çok %d dosya), '%s' bulundu",
                              p, i + 1, MAX_DEPS, L[i]);
                    bad = 1;
                }
                continue;
            }
            if (r->nkv >= 32) continue;
            r->kv_keys[r->nkv] = wv_strndup(L[i], (size_t)(c - L[i]));
            c++;
            while (*c == ' ') c++;
            r->kv_vals[r->nkv++] = strdup(c);
        }
        for (int i = 0; i < n; i++) free(L[i]);
        free(L);
        free(kv);
        if (bad) return -1;
    }
    /* şekiller: klasördeki *.png (ada göre sıralı); adımları sekiller.txt'ten */
    r->nfigs = wv_list_dir(dir, "", ".png", &r->figs);
    r->figstep = wv_alloc((size_t)(r->nfigs + 1) * sizeof *r->figstep);
    for (int f = 0; f < r->nfigs; f++) r->figstep[f] = -1; /* kayıtta yoksa: "Diğer şekiller" */
    snprintf(p, sizeof p, "%s/sekiller.txt", dir);
    char *sk = wv_read_file(p, NULL);
    int *order = wv_alloc((size_t)(r->nfigs + 1) * sizeof *order); /* dosyadaki sıra */
    for (int i = 0; i < r->nfigs; i++) order[i] = 1 << 30;
    if (sk) {
        char **L;
        int n = split_lines(sk, &L);
        for (int i = 0; i < n; i++) {
            int k;
            char name[512];
            if (sscanf(L[i], "%d %511s", &k, name) != 2) continue;
            for (int f = 0; f < r->nfigs; f++)
                if (!strcmp(r->figs[f], name)) { r->figstep[f] = k; order[f] = i; }
        }
        for (int i = 0; i < n; i++) free(L[i]);
        free(L);
        free(sk);
    }
    /* çıktıda adıyla anılan şekil o adıma aittir (kayıttaki zamanlamadan önceliklidir) */
    for (int f = 0; f < r->nfigs; f++)
        for (int k = 0; k < r->nparts; k++)
            if (strstr(r->parts[k].text, r->figs[f])) { r->figstep[f] = r->parts[k].k; break; }
    /* şekilleri kayıttaki sıraya diz (kararlı: eşitlikte ad sırası) */
    for (int i = 1; i < r->nfigs; i++)
        for (int j = i; j > 0 && order[j] < order[j - 1]; j--) {
            int t = order[j]; order[j] = order[j - 1]; order[j - 1] = t;
            t = r->figstep[j]; r->figstep[j] = r->figstep[j - 1]; r->figstep[j - 1] = t;
            char *c = r->figs[j]; r->figs[j] = r->figs[j - 1]; r->figs[j - 1] = c;
        }
    free(order);
    return 1;
}

void wv_free_run(Run *r) {
    free(r->pre);
    for (int i = 0; i < r->nparts; i++) {
        free(r->parts[i].title);
        free(r->parts[i].text);
    }
    free(r->parts);
    free(r->sonuc);
    for (int i = 0; i < r->nquiz; i++) {
        free(r->quiz[i].q);
        for (int c = 0; c < r->quiz[i].nch; c++) free(r->quiz[i].choices[c]);
        free(r->quiz[i].answer);
        free(r->quiz[i].explain);
    }
    free(r->quiz);
    for (int i = 0; i < r->nkv; i++) {
        free(r->kv_keys[i]);
        free(r->kv_vals[i]);
    }
    free_list(r->figs, r->nfigs);
    free(r->figstep);
    for (int i = 0; i < r->ndeps; i++) free(r->deps[i].path);
    free(r->deps);
    memset(r, 0, sizeof *r);
}
