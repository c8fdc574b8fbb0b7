/*
 * lesson06 — Seq2Seq: kodlayıcı–kod çözücü, darboğaz (bottleneck) ve Bahdanau dikkati
 *            (attention)
 *
 * Bu derste öğrenecekleriniz:
 *   - Diziden diziye (sequence to sequence, seq2seq) öğrenme: girdisi de çıktısı da
 *     değişken uzunlukta bir dizi olan görevler (çeviri, özetleme, ses -> metin).
 *   - GRU (gated recurrent unit, kapılı yinelemeli birim): kapıları, ileri geçişi (forward pass)
 *     ve zamanda geri yayılım (backpropagation through time, BPTT).
 *   - Kodlayıcı (encoder) – kod çözücü (decoder): kaynağın tamamı TEK bir vektöre sıkışır.
 *     Bu darboğazın (bottleneck) bedelini, doğruluğun (accuracy) girdi
 *     uzunluğuyla düşüşü olarak ölçmek.
 *   - Öğretmen zorlaması (teacher forcing) ile eğitim,
 *     açgözlü çözme (greedy decoding) ile test.
 *   - Bahdanau (toplamsal, additive) dikkati: kod çözücü her adımda kaynağın
 *     istediği yerine bakar; eğri düzleşir. Dikkat ağırlıklarını ısı haritasında
 *     (heatmap) görmek.
 *   - Aynı modelle küçük bir Türkçe "çeviri": rakamla yazılmış sayıyı okunuşuna
 *     çevirmek ("1 234 567" -> "bir milyon iki yüz otuz dört bin beş yüz altmış yedi").
 *   - Gradyan (gradient) patlaması ve kırpma (gradient clipping),
 *     maruz kalma yanlılığı (exposure bias),
 *     açgözlü çözme ile ışın araması (beam search): her biri bu koşunun bir sayısıyla.
 *
 * Çalıştırma:  make lesson06 && ./lesson06          (tam eğitim: 3 model, ~3,5 dk işlemci
 *                                                     zamanı, tek iş parçacığı)
 *              ./lesson06 --quick                    (kısa koşu, testlerin kullandığı)
 *              ./lesson06 --translate "1 234 567"    (kaydedilen modelle kendi sayınız)
 *              ./lesson06 --quiz                     (kendini sına)
 * Matematik common/ altındadır: GRU nn/gru.c, Bahdanau dikkati nn/bahdanau.c, model
 * model/seq2seq.c, görevler data/seqtask.c. Bu dosya onları bir ders sırasıyla çağırır.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "doaa.h"

#define NSTEPS 7
#define PER_LEN 100 /* test kümesinde her uzunluktan örnek sayısı */
#define BEAM_K 4    /* ışın aramasının genişliği */

/* Bir deneyin ayarları: görev, model boyu, eğitim uzunluğu */
typedef struct {
    SeqKind kind;
    int nsym, min_len, max_len;  /* görev */
    int E, H, A;                 /* model: gömme (embedding), GRU durumu, dikkat (0: yok) */
    int steps, B;                /* eğitim adımı ve yığın (batch) boyu */
    float lr, clip;
    float warmup;                /* ısınma (warmup): adımların bu kesri */
    float lr_min;                /* kosinüs takviminin (cosine schedule) sonunda lr'nin bu kesri */
    float hold;                  /* kosinüs inişi adımların bu kesrinden sonra başlar */
    float curriculum;            /* uzunluk müfredatı (curriculum learning): adımların bu
                                    kesri boyunca uzunluk üst sınırı büyür (0: yok) */
} Setup;

#define CUR_START 12 /* müfredatın başında yığın uzunluğunun üst sınırı */

/* Eğitim kaydı: adım başına kayıp (loss; simge (token) başına çapraz entropi, cross-entropy) ve
 * (kırpmadan önceki) gradyan normu */
typedef struct {
    float *loss, *gnorm;
    int steps, nclip;
    double secs;
} TrainLog;

/* Test sonuçları: her uzunluk için tam eşleşme (exact match) ve karakter doğruluğu */
typedef struct {
    int nL;
    double em[SEQ_MAX_LEN + 1], ca[SEQ_MAX_LEN + 1];
    double em_all, ca_all;
    double tok_all;  /* konum konum simge doğruluğu (kendi tahminleriyle çözerken) */
} Eval;

/* ------------------------------------------------------------------ yardımcılar */

static double now(void) { return now_sec(); }

/* UTF-8 metnin kod noktası (code point) sayısı: karakter sayısı */
static int ulen(const char *s) {
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) n += (*p & 0xC0) != 0x80;
    return n;
}

/* Düzyazı: printf gibi biçimlendirir, satırları 79 karakterde (bayt değil) sözcük
 * sınırından böler; devam satırı, satırın kendi girintisinin 3 fazlasıyla başlar.
 * Terminal çıktısı 80 sütuna sığar. */
static void say(const char *fmt, ...) DOAA_PRINTF(1, 2);
static void say(const char *fmt, ...) {
    char buf[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        int indent = 0;
        while (line[indent] == ' ') indent++;
        int col = 0;
        for (int i = 0; i < indent; i++, col++) putchar(' ');
        char *p = line + indent;
        int first = 1, gap = 0; /* gap: sözcükten önceki boşluk sayısı; korunur */
        while (*p) {
            char *e = p;
            while (*e && *e != ' ') e++;
            char c = *e;
            *e = '\0';
            int w = ulen(p);
            if (!first && col + gap + w > 79) {
                putchar('\n');
                col = 0;
                for (int i = 0; i < indent + 3; i++, col++) putchar(' ');
            } else {
                for (int i = 0; i < gap; i++, col++) putchar(' ');
            }
            fputs(p, stdout);
            col += w;
            first = 0;
            *e = c;
            p = e;
            for (gap = 0; *p == ' '; p++) gap++;
        }
        if (nl) {
            putchar('\n');
            line = nl + 1;
        } else {
            line = NULL;
        }
    }
}

/* "    kaynak  -> hedef": kaynak w karaktere (bayta değil) tamamlanır */
static void print_pair(const char *src, const char *tgt, int w) {
    char pad[64];
    int n = ulen(src), k = 0;
    for (; n < w && k < 63; n++) pad[k++] = ' ';
    pad[k] = '\0';
    say("    %s%s -> %s\n", src, pad, tgt);
}

/* İki simge dizisi arasındaki düzenleme uzaklığı (Levenshtein, edit distance) */
static int edit_distance(const int *a, int na, const int *b, int nb) {
    int *prev = xmalloc((size_t)(nb + 1) * sizeof(int)), *cur = xmalloc((size_t)(nb + 1) * sizeof(int));
    for (int j = 0; j <= nb; j++) prev[j] = j;
    for (int i = 1; i <= na; i++) {
        cur[0] = i;
        for (int j = 1; j <= nb; j++) {
            int c = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < c) c = prev[j] + 1;
            if (cur[j - 1] + 1 < c) c = cur[j - 1] + 1;
            cur[j] = c;
        }
        int *t = prev; prev = cur; cur = t;
    }
    int d = prev[nb];
    free(prev);
    free(cur);
    return d;
}

/* EOS'a kadar olan uzunluk (EOS hariç) */
static int content_len(const int *ids, int n) {
    for (int i = 0; i < n; i++)
        if (ids[i] == SEQ_EOS || ids[i] == SEQ_PAD) return i;
    return n;
}

/* ------------------------------------------------------------------ eğitim */

/*
 * Öğretmen zorlaması (teacher forcing): kod çözücü t. adımda bir önceki DOĞRU simgeyi
 * görür (y_{t-1}), kendi tahminini değil. Hedef "bir milyon" ise girdi "<BOS>bir milyo",
 * beklenen çıktı "bir milyon<EOS>": bütün adımlar tek ileri geçişte hesaplanır, ilk
 * hatalar sonrakileri bozmaz. Bedeli: testte model kendi (bazen yanlış) tahminlerini
 * görecek; eğitimde hiç görmediği bir durum (maruz kalma yanlılığı, exposure bias).
 *
 * Gradyan kırpma (gradient clipping): g, bütün parametrelerin gradyanı olsun;
 * ‖g‖ > c ise g ← g · c/‖g‖. Yinelemeli ağlarda aynı W_hh her adımda tekrar çarpıldığı
 * için gradyan arada bir patlar; kırpma o adımı yön aynı kalacak
 * biçimde kısaltır.
 *
 * Öğrenme oranı (learning rate) takvimi: N adımın ilk w·N adımında oran 0'dan η'ya doğrusal büyür
 * (ısınma, warmup); sonra kosinüs takvimiyle (cosine schedule) η_min = 0,03·η'ya iner:
 *   $η_i = η_{min} + (η − η_{min}) \cdot \frac{1 + \cos(π i / N)}{2}$
 * Neden ısınma? Adam'ın ilk adımlarında ikinci moment tahmini v birkaç gradyandan
 * ibarettir ve rastgele ağırlıklı bir yinelemeli ağda gradyanlar çok dalgalıdır; tam
 * oranla atılan ilk adımlar ağı kötü bir bölgeye itebilir.
 *
 * Uzunluk müfredatı (curriculum learning): eğitimin ilk kesrinde yığınların uzunluk
 * üst sınırı CUR_START'tan en uzun diziye doğrusal olarak büyür; model kısa dizilerde
 * "t. çıktı için sondan t. harfe bak" kuralını bulur, uzun diziler sonra gelir. Kısa
 * yığınlar ucuz olduğundan bu adımlar da daha hızlı geçer.
 * Bu ayarlar (adım sayısı, ısınma, kosinüs, müfredat) doğrulama (validation) kümesinde seçildi, test
 * kümesinde değil; bkz. setup_reverse.
 */
static void train(Seq2Seq *m, SeqTask *task, const Setup *su, uint64_t seed, TrainLog *lg,
                  const char *label) {
    Rng r;
    rng_seed(&r, seed);
    Adam opt;
    adam_init(&opt, m->P.n, su->lr);
    int B = su->B, TC = seqtask_tgt_cap(task), SC = seqtask_src_cap(task);
    int *src = xmalloc((size_t)B * SC * sizeof(int)), *tgt = xmalloc((size_t)B * TC * sizeof(int));
    int *tg = xmalloc((size_t)B * TC * sizeof(int)), *din = xmalloc((size_t)B * TC * sizeof(int));
    int *tl = xmalloc((size_t)B * sizeof(int));
    lg->loss = xmalloc((size_t)su->steps * sizeof(float));
    lg->gnorm = xmalloc((size_t)su->steps * sizeof(float));
    lg->steps = su->steps;
    lg->nclip = 0;
    double t0 = now(), run = 0;
    int every = su->steps / 5 > 0 ? su->steps / 5 : 1;
    for (int it = 0; it < su->steps; it++) {
        float frac = (float)it / su->steps;
        int hi = task->max_len; /* bu yığının uzunluk üst sınırı (müfredat) */
        if (su->curriculum > 0 && frac < su->curriculum) {
            hi = task->min_len + (int)((task->max_len - task->min_len) * frac / su->curriculum);
            hi = hi < CUR_START ? CUR_START : hi;
            hi = hi > task->max_len ? task->max_len : hi;
        }
        int L = task->min_len + rng_int(&r, hi - task->min_len + 1);
        int S = seqtask_batch(task, &r, B, L, src, tgt, tl);
        /* hedefi bu yığının en uzun hedefine kırp: kod çözücü gereksiz adım atmasın */
        int T = 0;
        for (int b = 0; b < B; b++) T = tl[b] > T ? tl[b] : T;
        for (int b = 0; b < B; b++) memcpy(tg + (size_t)b * T, tgt + (size_t)b * TC, (size_t)T * sizeof(int));
        seq_shift_right(din, tg, B, T);
        params_zero_grad(&m->P);
        double L0 = seq2seq_forward(m, src, S, din, tg, T, B);
        seq2seq_backward(m);
        double g2 = 0;
        for (size_t i = 0; i < m->P.n; i++) g2 += (double)m->P.grads[i] * m->P.grads[i];
        double gn = sqrt(g2);
        if (gn > su->clip) {
            float s = (float)(su->clip / gn);
            for (size_t i = 0; i < m->P.n; i++) m->P.grads[i] *= s;
            lg->nclip++;
        }
        /* öğrenme oranı (learning rate): ısınma, sonra kosinüs */
        double fc = frac < su->hold ? 0.0 : (frac - su->hold) / (1.0 - su->hold);
        double f = su->lr_min + (1.0 - su->lr_min) * 0.5 * (1.0 + cos(M_PI * fc));
        double nw = su->warmup * su->steps;
        if (it < nw) f *= (it + 1) / nw;
        opt.lr = (float)(su->lr * f);
        adam_step(&opt, m->P.params, m->P.grads);
        lg->loss[it] = (float)L0;
        lg->gnorm[it] = (float)gn;
        run += L0;
        if ((it + 1) % every == 0) {
            printf("  [%s] adım %5d/%d  kayıp %.4f  (%.1f s)\n", label, it + 1, su->steps,
                   run / every, now() - t0);
            fflush(stdout);
            run = 0;
        }
    }
    lg->secs = now() - t0;
    adam_free(&opt);
    free(src); free(tgt); free(tg); free(din); free(tl);
}

/* Gradyan normunun ortancası (median) ve en büyüğü; kırpılan adım sayısı */
static void print_gnorm(const TrainLog *lg, float clip) {
    double *g = xmalloc((size_t)lg->steps * sizeof(double)), mx = 0;
    for (int i = 0; i < lg->steps; i++) {
        g[i] = lg->gnorm[i];
        mx = g[i] > mx ? g[i] : mx;
    }
    double med = median_d(g, lg->steps);
    say("Gradyan normu ‖g‖: ortanca %.2f, en büyük %.1f; %d adımda (%%%.1f) eşik %g aşıldı "
           "ve gradyan kırpıldı.\n", med, mx, lg->nclip, 100.0 * lg->nclip / lg->steps, clip);
    free(g);
}

static void trainlog_free(TrainLog *lg) {
    free(lg->loss);
    free(lg->gnorm);
}

/* son %10 adımın ortalama kaybı */
static double tail_loss(const TrainLog *lg) {
    int n = lg->steps / 10 > 0 ? lg->steps / 10 : 1;
    double s = 0;
    for (int i = lg->steps - n; i < lg->steps; i++) s += lg->loss[i];
    return s / n;
}

/* ------------------------------------------------------------------ değerlendirme */

/* Test kümesinin her uzunluğu için açgözlü çözme. Tam eşleşme: çıktı hedefle EOS dahil
 * birebir aynı. Karakter doğruluğu: 1 − (düzenleme uzaklığı / hedef uzunluğu), 0'da kırpılır. */
static void eval_task(Seq2Seq *m, const SeqTask *task, const SeqSet *ts, Eval *ev) {
    memset(ev, 0, sizeof *ev);
    long tot = 0, tot_em = 0, ntok = 0, ntok_ok = 0;
    double tot_ca = 0;
    for (int L = task->min_len; L <= task->max_len; L++) {
        int first, cnt;
        seqset_range(ts, L, &first, &cnt);
        if (cnt == 0) continue;
        int S = ts->src_len[first], Tmax = 0;
        for (int i = 0; i < cnt; i++) Tmax = ts->tgt_len[first + i] > Tmax ? ts->tgt_len[first + i] : Tmax;
        Tmax += 5; /* fazladan birkaç adım: EOS'u geç üreten çıktı da yanlış sayılsın */
        int *src = xmalloc((size_t)cnt * S * sizeof(int)), *out = xmalloc((size_t)cnt * Tmax * sizeof(int));
        for (int i = 0; i < cnt; i++)
            memcpy(src + (size_t)i * S, ts->src + (size_t)(first + i) * ts->src_cap, (size_t)S * sizeof(int));
        seq2seq_greedy(m, src, S, cnt, Tmax, out, NULL);
        int em = 0;
        double ca = 0;
        for (int i = 0; i < cnt; i++) {
            const int *o = out + (size_t)i * Tmax, *g = ts->tgt + (size_t)(first + i) * ts->tgt_cap;
            int no = content_len(o, Tmax), ng = ts->tgt_len[first + i] - 1;
            int ok = no == ng && o[no] == SEQ_EOS && memcmp(o, g, (size_t)ng * sizeof(int)) == 0;
            em += ok;
            for (int k = 0; k <= ng; k++) ntok_ok += k < Tmax && o[k] == g[k]; /* EOS dahil */
            ntok += ng + 1;
            double c = 1.0 - (double)edit_distance(o, no, g, ng) / ng;
            ca += c > 0 ? c : 0;
        }
        ev->em[L] = (double)em / cnt;
        ev->ca[L] = ca / cnt;
        tot += cnt;
        tot_em += em;
        tot_ca += ca;
        free(src);
        free(out);
    }
    ev->em_all = (double)tot_em / tot;
    ev->tok_all = (double)ntok_ok / ntok;
    ev->ca_all = tot_ca / tot;
}

/* Öğretmen zorlamasıyla (her adımda DOĞRU önceki simge; eğitimdeki koşul) test kümesi:
 *   tok   en olası simgenin hedefle aynı olma oranı
 *   align hizalama (alignment) doğruluğu: hedefin kaynağa bağlı her sözcüğü (seqtask_align; ters
 *         çevirmede her harf) için α satırlarının toplamı en büyük hangi kaynak
 *         konumunda? Doğru konumdaysa isabet. near: bir komşu kayması da sayılır. */
typedef struct {
    double tok, align, near, right; /* right: tam bir konum sağda (k = doğru + 1) */
    long words;
} TfStats;

static TfStats teacher_forced(Seq2Seq *m, const SeqTask *task, const SeqSet *ts) {
    long n = 0, ok = 0;
    SeqAlignHits h = {0};
    const int V = m->c.Vt;
    int *al = xmalloc((size_t)ts->tgt_cap * sizeof(int));
    for (int L = task->min_len; L <= task->max_len; L++) {
        int first, cnt;
        seqset_range(ts, L, &first, &cnt);
        if (cnt == 0) continue;
        int S = ts->src_len[first], T = 0;
        for (int i = 0; i < cnt; i++) T = ts->tgt_len[first + i] > T ? ts->tgt_len[first + i] : T;
        int *src = xmalloc((size_t)cnt * S * sizeof(int)), *tg = xmalloc((size_t)cnt * T * sizeof(int));
        int *din = xmalloc((size_t)cnt * T * sizeof(int));
        for (int i = 0; i < cnt; i++) {
            memcpy(src + (size_t)i * S, ts->src + (size_t)(first + i) * ts->src_cap, (size_t)S * sizeof(int));
            memcpy(tg + (size_t)i * T, ts->tgt + (size_t)(first + i) * ts->tgt_cap, (size_t)T * sizeof(int));
        }
        seq_shift_right(din, tg, cnt, T);
        seq2seq_forward(m, src, S, din, tg, T, cnt);
        for (int b = 0; b < cnt; b++) {
            for (int t = 0; t < T; t++) {
                int y = tg[(size_t)b * T + t];
                if (y == SEQ_PAD) continue;
                const float *p = m->logits + ((size_t)t * cnt + b) * V;
                int k = 0;
                for (int j = 1; j < V; j++)
                    if (p[j] > p[k]) k = j;
                ok += k == y;
                n++;
            }
            if (m->c.A == 0) continue;
            int na = seqtask_align(task, src + (size_t)b * S, S, al, ts->tgt_cap);
            /* ortak tanım (common/data/seqtask.h): sözcüğün α satırlarının toplamının argmax'ı */
            seqtask_align_hits(task, al, na, m->alpha + (size_t)b * S, (size_t)cnt * S, S, &h);
        }
        free(src); free(tg); free(din);
    }
    free(al);
    double w = h.words ? (double)h.words : 1.0;
    TfStats r = {(double)ok / n, h.hit / w, h.near / w, h.right / w, h.words};
    return r;
}

/* Işın aramasıyla (genişlik K) tam eşleşme oranı: örnekler tek tek çözülür. */
static double beam_em(Seq2Seq *m, const SeqSet *ts, int K) {
    int ok = 0;
    int *o = xmalloc((size_t)(ts->tgt_cap + 5) * sizeof(int));
    for (int i = 0; i < ts->n; i++) {
        int Tmax = ts->tgt_len[i] + 5, ng = ts->tgt_len[i] - 1;
        const int *g = ts->tgt + (size_t)i * ts->tgt_cap;
        seq2seq_beam(m, ts->src + (size_t)i * ts->src_cap, ts->src_len[i], K, Tmax, o);
        ok += content_len(o, Tmax) == ng && o[ng] == SEQ_EOS &&
              memcmp(o, g, (size_t)ng * sizeof(int)) == 0;
    }
    free(o);
    return (double)ok / ts->n;
}

/* Bir kaynağı çözer: metin çıktı ve, istenirse, hizalama matrisi alpha (Tmax,S). Dönüş: çıktı
 * simge sayısı (EOS hariç). */
static int translate_ids(Seq2Seq *m, const SeqTask *task, const int *src, int S, char *out,
                         size_t cap, float *alpha, int Tmax) {
    int *o = xmalloc((size_t)Tmax * sizeof(int));
    seq2seq_greedy(m, src, S, 1, Tmax, o, alpha);
    int n = content_len(o, Tmax);
    seqvocab_decode(&task->tgt, o, Tmax, out, cap);
    free(o);
    return n;
}

/* ------------------------------------------------------------------ çizimler */

static void plot_curves(const char *step, const char *title, const SeqTask *t, const Eval *e0,
                        const Eval *e1, const size_t params[2], const double secs[2], int ascii) {
    Plot p;
    FILE *d = plot_begin(&p, "lesson06", step);
    /* "# model AD PARAMETRE SANİYE" satırlarını ders 12 okur (üç modelin tablosu) */
    fprintf(d, "# model dikkatsiz %zu %.1f\n# model dikkatli %zu %.1f\n", params[0], secs[0],
            params[1], secs[1]);
    fprintf(d, "# uzunluk tam_eşleşme_dikkatsiz tam_eşleşme_dikkatli\n");
    for (int L = t->min_len; L <= t->max_len; L++)
        fprintf(d, "%d %.4f %.4f\n", L, 100 * e0->em[L], 100 * e1->em[L]);
    char body[1024];
    snprintf(body, sizeof body,
             "set title '%s'\nset xlabel 'girdi uzunluğu (harf)'\n"
             "set ylabel 'tam eşleşme (%%)'\nset yrange [0:105]\nset grid\nset key below\n"
             "plot '%s.dat' using 1:2 with linespoints lw 2 pt 7 title 'GRU, dikkatsiz (darboğaz)', "
             "'' using 1:3 with linespoints lw 2 pt 5 title 'GRU + Bahdanau dikkati'\n",
             title, step);
    plot_finish(&p, body);
    plot_render(&p, ascii);
    say("Eğriler: %s\n", plot_png_path(&p));
}

static void plot_training(const TrainLog *l0, const TrainLog *l1, float clip, int ascii) {
    Plot p;
    /* Şekil egitim: Üstte iki modelin eğitim kaybı (log ölçek), altta kırpmadan önceki gradyan
     * normu ve kırpma eşiği: dikkatli modelin kaybının nereye indiğine ve gradyan normunun eşiği ne
     * sıklıkla aştığına bakın. */
    FILE *d = plot_begin(&p, "lesson06", "egitim");
    int every = l0->steps / 100 > 0 ? l0->steps / 100 : 1;
    fprintf(d, "# adım kayıp_dikkatsiz kayıp_dikkatli gnorm_dikkatsiz gnorm_dikkatli "
               "(her %d adımın ortalaması)\n", every);
    for (int i = 0; i + every <= l0->steps; i += every) {
        double a = 0, b = 0, c = 0, e = 0;
        for (int k = i; k < i + every; k++) {
            a += l0->loss[k]; b += l1->loss[k]; c += l0->gnorm[k]; e += l1->gnorm[k];
        }
        fprintf(d, "%d %.5f %.5f %.5f %.5f\n", i + every, a / every, b / every, c / every, e / every);
    }
    char body[1536];
    snprintf(body, sizeof body,
             "set multiplot layout 2,1\nset grid\nset key top right\nset logscale y\n"
             "set title 'Eğitim kaybı (simge başına çapraz entropi)'\nset ylabel 'kayıp'\n"
             "plot 'egitim.dat' using 1:2 with lines lw 2 title 'dikkatsiz', "
             "'' using 1:3 with lines lw 2 title 'dikkatli'\n"
             "set title 'Gradyan normu ‖g‖ (kırpmadan önce; kırpma eşiği %g)'\n"
             "set xlabel 'adım'\nset ylabel '‖g‖'\n"
             "plot 'egitim.dat' using 1:4 with lines lw 2 title 'dikkatsiz', "
             "'' using 1:5 with lines lw 2 title 'dikkatli', "
             "%g with lines dt 2 lc rgb 'gray40' title 'eşik'\nunset multiplot\n",
             clip, clip);
    plot_finish_size(&p, body, 800, 700);
    plot_render(&p, ascii);
    say("Kayıp ve gradyan normu: %s\n", plot_png_path(&p));
}

/* alpha (rows,cols) ısı haritası; etiketler (label) tek karakter (boşluk '␣' gösterilir) */
static void plot_alignment(const char *step, const char *title, const float *alpha, int rows,
                           int cols, char lab_r[][8], char lab_c[][8], int w, int h, int ascii) {
    Plot p;
    FILE *d = plot_begin(&p, "lesson06", step);
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) fprintf(d, "%s%.5f", j ? " " : "", alpha[i * cols + j]);
        fputc('\n', d);
    }
    size_t cap = 4096 + (size_t)(rows + cols) * 48;
    char *body = xmalloc(cap);
    int k = snprintf(body, cap,
                     "set title '%s'\nset xlabel 'kaynak (kodlayıcının okuduğu)'\n"
                     "set ylabel 'çıktı (kod çözücünün yazdığı)'\n"
                     "set xrange [-0.5:%d.5]\nset yrange [%d.5:-0.5]\nset cbrange [0:1]\n"
                     "set palette defined (0 '#ffffff', 1 '#2b6cb0')\nunset key\n"
                     "set xtics font ',9'\nset ytics font ',8'\nset xtics (",
                     title, cols - 1, rows - 1);
    for (int j = 0; j < cols; j++)
        k += snprintf(body + k, cap - k, "%s'%s' %d", j ? ", " : "", lab_c[j], j);
    k += snprintf(body + k, cap - k, ")\nset ytics (");
    for (int i = 0; i < rows; i++)
        k += snprintf(body + k, cap - k, "%s'%s' %d", i ? ", " : "", lab_r[i], i);
    snprintf(body + k, cap - k, ")\nplot '%s.dat' matrix with image\n", step);
    plot_finish_size(&p, body, w, h);
    free(body);
    plot_render(&p, ascii);
    say("Hizalama ısı haritası: %s\n", plot_png_path(&p));
}

/* simge -> tek karakterlik etiket */
static void token_label(const SeqVocab *v, int id, char *out) {
    if (id == SEQ_EOS) { strcpy(out, "EOS"); return; }
    if (id < SEQ_NSPECIAL || id >= v->n) { strcpy(out, "?"); return; }
    if (v->cp[id] == ' ') { strcpy(out, "␣"); return; }
    int n = utf8_encode(v->cp[id], out);
    out[n] = '\0';
}

/* ------------------------------------------------------------------ ayarlar */

/*
 * Ters çevirmenin eğitim ayarları nasıl seçildi? Doğrulama kümesinde (validation set;
 * seqtask_valset: test kümesinden ayrı sabit tohumlu, her uzunluktan 100 örnek), dikkatli
 * modelle, --seed 42 ile; test kümesine bu seçimde hiç bakılmadı. Tam eşleşme:
 *   adım  öğrenme oranı takvimi           müfredat   L=20   L=40   hepsi
 *   3000  sabit, son yarıda doğrusal iniş    yok       %98    %88   %97,4
 *   6000  sabit, son yarıda doğrusal iniş    yok       yarıda kesildi: kayıp 3000. adımda
 *                                                      0,36'dan 1,05'e sıçradı
 *   6000  %5 ısınma + kosinüs                yok       kayıp 4200. adımda 0,001 (kararlı),
 *                                                      ama iki kat işlemci zamanı
 *   4000  %5 ısınma + kosinüs                %30       %100   %99    %99,8
 * Isınmasız eğitimde kayıp arada bir sıçrıyor (gradyan normu 1000'i aştı); ısınma bunu
 * kesiyor. Müfredat, ilk adımları kısa, ucuz yığınlarla geçirdiği için 4000 adım, 3000
 * adımlık eski eğitimden pek uzun sürmüyor. Seçilen son satır. Aynı ayarlar dikkatsiz
 * modele de verilir: iki model aynı eğitimi görür, fark yalnızca dikkattir.
 */
static Setup setup_reverse(const LessonArgs *a, int attention) {
    Setup s = {.kind = SEQ_REVERSE, .nsym = 10, .min_len = 5, .max_len = 40, .E = 16, .H = 128,
               .A = attention ? 64 : 0, .steps = 4000 * a->epochs, .B = 32, .lr = 3e-3f,
               .clip = 5.0f, .warmup = 0.05f, .lr_min = 0.03f, .curriculum = 0.3f};
    if (a->quick) {
        /* kısa koşu: 300 adımda ısınmaya ve müfredata yer yok; oran yarıya kadar sabit, sonra
         * kosinüsle %10'a iner */
        s.max_len = 14; s.H = 64; s.A = attention ? 32 : 0;
        s.steps = a->epochs_given ? 200 * a->epochs : 300;
        s.warmup = 0; s.curriculum = 0; s.lr_min = 0.1f; s.hold = 0.5f;
    }
    return s;
}

static Setup setup_number(const LessonArgs *a) {
    Setup s = {.kind = SEQ_NUMBER, .min_len = 1, .max_len = 9, .E = 32, .H = 128, .A = 64,
               .steps = 2000 * a->epochs, .B = 32, .lr = 3e-3f, .clip = 5.0f,
               .warmup = 0.05f, .lr_min = 0.03f};
    if (a->quick) {
        s.max_len = 4; s.H = 64; s.A = 32;
        s.steps = a->epochs_given ? 200 * a->epochs : 300;
        s.warmup = 0; s.lr_min = 0.1f; s.hold = 0.5f;
    }
    return s;
}

static void build(Seq2Seq *m, const SeqTask *t, const Setup *s, uint64_t seed) {
    seq2seq_build(m, (Seq2SeqConfig){.Vs = t->src.n, .Vt = t->tgt.n, .E = s->E, .H = s->H,
                                     .A = s->A});
    Rng r;
    rng_seed(&r, seed);
    seq2seq_init(m, &r);
}

/* ------------------------------------------------------------------ adımlar */

/*
 * Adım 1: İki görev, simgeler ve sabit test kümesi
 *
 * Ters çevirme: "çkağe" -> "egakç". Kolay görünür ama bir sıralı okuyucu için zordur:
 * ilk yazılacak harf en son okunandır, son yazılacak harf en baştakidir; model bütün
 * diziyi aklında tutmalıdır. Uzunluğu biz seçtiğimiz için darboğazı ölçmenin en temiz yolu.
 * Sayı okuma: "1 234 567" -> "bir milyon iki yüz otuz dört bin beş yüz altmış yedi".
 * Sıra değişir ("bin" grubun sonunda okunur), çıktı girdiden 5-6 kat uzundur ve Türkçenin
 * kuralları vardır: "yüz" ve "bin" önüne "bir" almaz, "milyon" alır.
 * Simgeler (token) UTF-8 baytları değil kod noktalarıdır (code point): "ı" iki bayttır ama
 * tek harftir. Sözlükte (vocabulary) 0 = PAD (dolgu, padding), 1 = BOS: başla, 2 = EOS:
 * bitti.
 * Test kümesi --seed'den bağımsız sabit bir tohumla (seed) üretilir; eğitim üreteci bu kümedeki
 * hiçbir kaynağı eğitime vermez.
 */
static void step1_tasks(const SeqTask *rev, const SeqTask *num, const SeqSet *trs,
                        const SeqSet *tns, int ascii) {
    step_banner(1, NSTEPS, "İki görev, simgeler ve sabit test kümesi");
    Rng r;
    rng_seed(&r, 1);
    char s[256], g[1024];
    say("Ters çevirme (%d harflik alfabe, uzunluk %d..%d):\n", rev->nsym, rev->min_len,
           rev->max_len);
    for (int i = 0; i < 2; i++) {
        seqtask_sample_text(rev, &r, 8 + 4 * i, s, sizeof s, g, sizeof g);
        print_pair(s, g, 12);
    }
    say("Sayı okuma (%d..%d rakam):\n", num->min_len, num->max_len);
    int lens[3] = {num->max_len < 4 ? num->max_len : 4, (num->min_len + num->max_len) / 2 + 1,
                   num->max_len};
    for (int i = 0; i < 3; i++) {
        seqtask_sample_text(num, &r, lens[i], s, sizeof s, g, sizeof g);
        print_pair(s, g, 12);
    }
    const char *w = "ığüşöç";
    say("\"%s\": %zu bayt ama %d kod noktası, yani simge.\n", w, strlen(w), ulen(w));
    say("Sözlükler: ters çevirme %d simge (3 özel + %d harf); sayı görevi kaynak %d "
           "(3 + 10 rakam + boşluk), hedef %d simge (3 + boşluk + %d harf).\n",
           rev->src.n, rev->nsym, num->src.n, num->tgt.n, num->tgt.n - 4);
    say("Test kümesi (sabit tohum %llu): ters çevirmede %d örnek (her uzunluktan %d), sayı "
           "görevinde %d örnek.\n",
           (unsigned long long)SEQ_TEST_SEED, trs->n, PER_LEN, tns->n);
    /* Sayı görevinde rakam sayısına göre kaynak ve hedef uzunlukları */
    Plot p;
    /* Şekil uzunluklar: Sayı görevinde çıktının (sayının Türkçe yazılışı) girdiden çok daha uzun
     * olduğuna ve rakam sayısıyla birlikte hızla uzadığına bakın: kod çözücü kısa bir girdiden uzun
     * bir dizi üretmek zorundadır. */
    FILE *d = plot_begin(&p, "lesson06", "uzunluklar");
    fprintf(d, "# rakam kaynak_karakter ortalama_hedef en_uzun_hedef\n");
    int maxt = 0;
    for (int L = num->min_len; L <= num->max_len; L++) {
        int first, cnt, mx = 0;
        double mean = 0;
        seqset_range(tns, L, &first, &cnt);
        for (int i = 0; i < cnt; i++) {
            int n = tns->tgt_len[first + i] - 1;
            mean += n;
            mx = n > mx ? n : mx;
        }
        maxt = mx > maxt ? mx : maxt;
        fprintf(d, "%d %d %.2f %d\n", L, seqtask_src_width(num, L) - 1, cnt ? mean / cnt : 0, mx);
    }
    plot_finish(&p, "set title 'Sayı görevi: girdi kısa, çıktı uzun'\n"
                    "set xlabel 'rakam sayısı'\nset ylabel 'karakter'\nset grid\nset xtics 1\n"
                    "set key top left\nset style fill solid 0.6\nset boxwidth 0.25\n"
                    "plot 'uzunluklar.dat' using ($1-0.15):2 with boxes title 'girdi', "
                    "'' using ($1+0.15):3 with boxes title 'çıktı (ortalama)', "
                    "'' using 1:4 with linespoints lw 2 pt 7 title 'çıktı (en uzun)'\n");
    plot_render(&p, ascii);
    say("En uzun hedef %d karakter (test kümesinde). Uzunluklar: %s\n", maxt,
           plot_png_path(&p));
}

/*
 * Adım 2: GRU ve geri geçişinin denetimi
 *
 * GRU'nun bir adımı (PyTorch nn.GRU kuralları; σ sigmoid, ⊙ eleman çarpımı):
 *   $r = σ(W_{ir} x + b_{ir} + W_{hr} h + b_{hr})$        sıfırlama kapısı (reset gate)
 *   $z = σ(W_{iz} x + b_{iz} + W_{hz} h + b_{hz})$        güncelleme kapısı (update gate)
 *   $n = \tanh(W_{in} x + b_{in} + r ⊙ (W_{hn} h + b_{hn}))$   aday durum
 *   $h' = (1 − z) ⊙ n + z ⊙ h$
 * z ≈ 1 iken durum olduğu gibi taşınır ve gradyan da sönmeden geri akar. Geri geçiş
 * (BPTT) adımları sondan başa dolaşır; her adım h'ye gelen gradyanı bir öncekine aktarır.
 * Bütün modelin (gömmeler, iki GRU, dikkat, çıkış) elle yazılmış geri geçişini burada
 * sonlu farklarla (finite differences) sınıyoruz; tests/test_gru.c ayrıca PyTorch'un
 * nn.GRU'suyla çıktıları ve gradyanları karşılaştırır.
 * İki ölçü yazdırılır. Eleman başına ORAN, farkın izin verilen paya oranıdır:
 *   $\mathrm{oran} = |s − a| / (10^{-4} + 0{,}02 \max(|s|, |a|))$   (s sayısal, a analitik)
 * oran ≤ 1 ise eleman geçer; 0,35 "%35 hata" değil, "fark, payın üçte biri kadar" demektir.
 * Ağırlıklar float32 olduğu için ε = 10⁻³'lük merkezi fark ~10⁻⁴ mertebesinde yuvarlama
 * gürültüsü taşır; en kötü oranı sıfıra yakın gradyanlı elemanlarda bu gürültü belirler.
 * Bütün elemanların özeti TOPLU GÖRELİ HATA: $‖s − a‖ / (‖s‖ + ‖a‖)$; geri geçişte gerçek
 * bir hata (unutulmuş bir terim, yanlış işaret) bunu 10⁻¹ mertebesine çıkarır.
 */
static double gc_loss_ctx_fn(void *ctx);
typedef struct {
    Seq2Seq m;
    int src[2 * 5], din[2 * 6], tgt[2 * 6];
} GcCtx;
static double gc_loss_ctx_fn(void *ctx) {
    GcCtx *c = ctx;
    return seq2seq_forward(&c->m, c->src, 5, c->din, c->tgt, 6, 2);
}

static double step2_gradcheck(uint64_t seed, int ascii, double *rel_out) {
    step_banner(2, NSTEPS, "GRU ve bütün modelin geri geçişi: sonlu fark denetimi");
    double worst_all = 0, rel_all = 0;
    Plot p;
    /* Şekil gradyan_denetimi: Her çubuk bir parametre tensörünün sonlu fark denetimindeki en kötü
     * oranıdır; hepsinin kırmızı kesik çizginin (1, geçme sınırı) altında kaldığına bakın. */
    FILE *d = plot_begin(&p, "lesson06", "gradyan_denetimi");
    fprintf(d, "# sıra tensör en_kötü_oran (dikkatli model)\n");
    for (int att = 0; att <= 1; att++) {
        GcCtx c;
        seq2seq_build(&c.m, (Seq2SeqConfig){.Vs = 9, .Vt = 9, .E = 4, .H = 6, .A = att ? 5 : 0});
        Rng r;
        rng_seed(&r, seed + (uint64_t)att);
        seq2seq_init(&c.m, &r);
        for (int i = 0; i < 10; i++) c.src[i] = SEQ_NSPECIAL + rng_int(&r, 6);
        for (int i = 0; i < 12; i++) c.tgt[i] = SEQ_NSPECIAL + rng_int(&r, 6);
        c.tgt[5] = c.tgt[11] = SEQ_EOS;
        seq_shift_right(c.din, c.tgt, 2, 6);
        params_zero_grad(&c.m.P);
        gc_loss_ctx_fn(&c);
        seq2seq_backward(&c.m);
        double worst = 0, sd = 0, sa = 0, sn = 0;
        size_t checked = 0;
        int worst_t = 0;
        for (int i = 0; i < c.m.P.count; i++) {
            const ParamTensor *t = &c.m.P.t[i];
            GradCheck g = gradcheck(gc_loss_ctx_fn, &c, c.m.P.params + t->off,
                                    c.m.P.grads + t->off, t->n, 40, 1e-3, 2e-2, 1e-4);
            checked += g.checked;
            if (g.worst > worst) worst = g.worst, worst_t = i;
            sd += g.sq_diff, sa += g.sq_analytic, sn += g.sq_numeric;
            if (att) fprintf(d, "%d \"%s\" %.5f\n", i, t->name, g.worst);
        }
        double rel = sa + sn > 0 ? sqrt(sd) / (sqrt(sa) + sqrt(sn)) : 0;
        say("%s model: %d tensör, %zu eleman denendi; en kötü eleman oranı %.2f (<= 1 geçer; "
            "%s tensöründe), toplu göreli hata %.1e.\n",
            att ? "Dikkatli" : "Dikkatsiz", c.m.P.count, checked, worst,
            c.m.P.t[worst_t].name, rel);
        if (worst > worst_all) worst_all = worst;
        if (rel > rel_all) rel_all = rel;
        seq2seq_free(&c.m);
    }
    plot_finish(&p, "set title 'Sonlu fark denetimi: tensör başına en kötü oran (dikkatli model)'\n"
                    "set ylabel 'oran (<= 1 geçer)'\nset yrange [0:1.2]\nset grid ytics\n"
                    "set style fill solid 0.6\nset boxwidth 0.7\nset xtics rotate by -45 noenhanced "
                    "font ',8'\nunset key\n"
                    "plot 'gradyan_denetimi.dat' using 1:3:xtic(2) with boxes, "
                    "1 with lines dt 2 lc rgb 'red'\n");
    plot_render(&p, ascii);
    say("Oran, farkın izin verilen paya oranıdır: |sayısal − analitik| / (1e-4 + 0.02 · "
        "max(|sayısal|, |analitik|)). %.2f bir hata yüzdesi değildir: en kötü elemanda "
        "fark, payın %.2f katı (float32'de sonlu farkın yuvarlama gürültüsü bu mertebededir). "
        "Toplu göreli hata ‖sayısal − analitik‖ / (‖sayısal‖ + ‖analitik‖) en çok %.1e: %s\n",
        worst_all, worst_all, rel_all,
        worst_all <= 1 && rel_all < 1e-2 ? "geri geçiş türevle uyumlu."
                                          : "geri geçişte bir hata olabilir!");
    say("Tensör başına oranlar: %s\n", plot_png_path(&p));
    *rel_out = rel_all;
    return worst_all;
}

/*
 * Adım 3: Dikkatsiz kodlayıcı–kod çözücü ve darboğaz
 *
 * Kodlayıcı kaynağı soldan sağa okur; son durumu h_S kod çözücünün başlangıç durumu
 * olur: $s_0 = h_S$. Kaynağın tamamı bu H sayılık TEK vektörden geçmek zorundadır
 * (darboğaz). Kod çözücü her adımda önceki simgeyi ve kendi durumunu görür; kaynağa bir
 * daha bakamaz. Uzunluk arttıkça bu vektöre sığdırılacak bilgi artar:
 * L harflik, 10 harfli alfabeden bir dizi L·log2(10) ≈ 3,3·L bittir.
 */
static void step3_plain(Seq2Seq *m, SeqTask *rev, const SeqSet *trs, const Setup *su,
                        const LessonArgs *a, TrainLog *lg, Eval *ev) {
    step_banner(3, NSTEPS, "Dikkatsiz kodlayıcı–kod çözücü: darboğazı ölçmek");
    build(m, rev, su, (uint64_t)a->seed);
    char desc[128];
    params_describe(&m->P, desc, sizeof desc);
    say("Model: gömme E=%d, GRU durumu H=%d, dikkat yok; %s.\n", su->E, su->H, desc);
    int nw = (int)(su->warmup * su->steps), nc = (int)(su->curriculum * su->steps);
    int nh = (int)(su->hold * su->steps);
    char lr_txt[256], len_txt[256];
    if (nw > 0)
        snprintf(lr_txt, sizeof lr_txt, "ilk %d adımda 0 → %g doğrusal ısınır (warmup), sonra",
                 nw, su->lr);
    else
        snprintf(lr_txt, sizeof lr_txt, "%g; %d. adımdan sonra", su->lr, nh);
    if (nc > 0)
        snprintf(len_txt, sizeof len_txt, "ilk %d adımda üst sınırı %d → %d büyüyen bir "
                 "uzunluk müfredatıyla (curriculum learning), sonra %d..%d arasından rastgele", nc,
                 CUR_START < rev->max_len ? CUR_START : rev->max_len, rev->max_len,
                 rev->min_len, rev->max_len);
    else
        snprintf(len_txt, sizeof len_txt, "%d..%d arasından rastgele", rev->min_len,
                 rev->max_len);
    say("Eğitim: %d adım, yığın %d, Adam, gradyan kırpma eşiği %g. Öğrenme oranı %s "
        "kosinüs takvimiyle (cosine schedule) %g değerine iner. Yığının uzunluğu: %s.\n",
        su->steps, su->B, su->clip, lr_txt, su->lr * su->lr_min, len_txt);
    {
        /* öğretmen zorlamasının girdisi ve hedefi, küçük bir örnekte */
        Rng r;
        rng_seed(&r, 5);
        char src[64], tgt[64];
        seqtask_sample_text(rev, &r, 5, src, sizeof src, tgt, sizeof tgt);
        say("Öğretmen zorlaması (teacher forcing): kaynak \"%s\" için kod çözücünün girdisi "
            "<BOS>%s, beklenen çıktısı %s<EOS>: her adımda DOĞRU önceki harfi görür, bütün "
            "adımlar tek ileri geçişte hesaplanır. Testte açgözlü çözme (greedy decoding): "
            "her adımda en olası harf seçilir ve bir sonraki adımın girdisi olur; <EOS> "
            "gelince durulur.\n", src, tgt, tgt);
    }
    train(m, rev, su, (uint64_t)a->seed + 11, lg, "dikkatsiz");
    eval_task(m, rev, trs, ev);
    say("%.1f s sürdü; son %%10 adımın ortalama kaybı %.4f.\n", lg->secs, tail_loss(lg));
    print_gnorm(lg, su->clip);
    {
        Plot p;
        /* Şekil darbogaz: Dikkatsiz modelde girdi uzadıkça tam eşleşmenin karakter doğruluğundan
         * çok daha önce çöktüğüne bakın: tek bir gizli durum uzun bir girdinin hepsini taşıyamaz.
         */
        FILE *d = plot_begin(&p, "lesson06", "darbogaz");
        fprintf(d, "# uzunluk tam_eşleşme karakter_doğruluğu bit=L*log2(nsym) (dikkatsiz)\n");
        for (int L = rev->min_len; L <= rev->max_len; L++)
            fprintf(d, "%d %.4f %.4f %.2f\n", L, 100 * ev->em[L], 100 * ev->ca[L],
                    L * log2((double)rev->nsym));
        char body[768];
        snprintf(body, sizeof body,
                 "set title 'Darboğaz: dikkatsiz modelde doğruluk ve girdi uzunluğu (H = %d)'\n"
                 "set xlabel 'girdi uzunluğu (harf)'\nset ylabel '%%'\nset yrange [0:105]\n"
                 "set grid\nset key below\n"
                 "plot 'darbogaz.dat' using 1:2 with linespoints lw 2 pt 7 title 'tam eşleşme', "
                 "'' using 1:3 with linespoints lw 2 pt 5 title 'karakter doğruluğu'\n", su->H);
        plot_finish(&p, body);
        plot_render(&p, a->ascii);
        say("Darboğaz eğrisi: %s\n", plot_png_path(&p));
    }
    say("Test (açgözlü çözme): tam eşleşme %%%.1f, karakter doğruluğu %%%.1f.\n",
           100 * ev->em_all, 100 * ev->ca_all);
    printf("   uzunluk:");
    for (int L = rev->min_len; L <= rev->max_len; L += (rev->max_len - rev->min_len) / 6 > 0 ? (rev->max_len - rev->min_len) / 6 : 1)
        printf(" %5d", L);
    printf("\n   tam eşl.:");
    for (int L = rev->min_len; L <= rev->max_len; L += (rev->max_len - rev->min_len) / 6 > 0 ? (rev->max_len - rev->min_len) / 6 : 1)
        printf(" %4.0f%%", 100 * ev->em[L]);
    printf("\n");
}

/*
 * Adım 4: Bahdanau dikkati — eğri düzleşir
 *
 * Her çıktı adımında kod çözücü, bir önceki durumu $s_{t-1}$ ile kaynağın bütün
 * konumlarını puanlar ve bir ağırlıklı ortalama (bağlam vektörü, context vector) alır:
 *   $e_{ts} = v^\top \tanh(W_a s_{t-1} + U_a h_s + b_a)$,  $α_t = \mathrm{softmax}(e_t)$,
 *   $c_t = \sum_s α_{ts} h_s$
 * c_t hem GRU'nun girdisine ($[E y_{t-1}; c_t]$) hem çıkış katmanına ($[s_t; c_t]$) girer.
 * Artık kaynak tek vektöre sıkışmaz: her adım istediği konumu yeniden okuyabilir.
 * Aynı görev, aynı eğitim adımı, aynı test kümesi.
 */
static void step4_attention(Seq2Seq *m, SeqTask *rev, const SeqSet *trs, const Setup *su,
                            const LessonArgs *a, TrainLog *lg, Eval *ev, const Eval *ev0,
                            const TrainLog *lg0, size_t n_plain, float clip) {
    step_banner(4, NSTEPS, "Bahdanau dikkati: kod çözücü kaynağa yeniden bakar");
    build(m, rev, su, (uint64_t)a->seed);
    char desc[128];
    params_describe(&m->P, desc, sizeof desc);
    say("Model: aynı GRU'lar + dikkat (A=%d); %s.\n", su->A, desc);
    train(m, rev, su, (uint64_t)a->seed + 11, lg, "dikkatli");
    eval_task(m, rev, trs, ev);
    say("%.1f s sürdü; son %%10 adımın ortalama kaybı %.4f (dikkatsiz: %.4f).\n", lg->secs,
           tail_loss(lg), tail_loss(lg0));
    print_gnorm(lg, su->clip);
    say("Test: tam eşleşme %%%.1f (dikkatsiz %%%.1f), karakter doğruluğu %%%.1f (%%%.1f).\n",
           100 * ev->em_all, 100 * ev0->em_all, 100 * ev->ca_all, 100 * ev0->ca_all);
    int Lm = rev->max_len, L20 = rev->max_len >= 20 ? 20 : rev->max_len;
    if (L20 != Lm)
        say("Uzunluk %d: dikkatli %%%.0f, dikkatsiz %%%.0f tam eşleşme.\n", L20,
            100 * ev->em[L20], 100 * ev0->em[L20]);
    say("En uzun dizilerde (L = %d): dikkatli %%%.0f, dikkatsiz %%%.0f — fark %.0f puan.\n", Lm,
        100 * ev->em[Lm], 100 * ev0->em[Lm], 100 * (ev->em[Lm] - ev0->em[Lm]));
    /* Şekil dogruluk_uzunluk: Aynı ters çevirme görevinde iki modelin tam eşleşmesi: dikkatsiz
     * modelin girdi uzadıkça düştüğü yerde dikkatli modelin ne kadar yüksek kaldığına bakın. */
    size_t np[2] = {n_plain, m->P.n};
    double sec[2] = {lg0->secs, lg->secs};
    plot_curves("dogruluk_uzunluk", "Ters çevirme: tam eşleşme ve girdi uzunluğu", rev, ev0, ev,
                np, sec, a->ascii);
    plot_training(lg0, lg, clip, a->ascii);
}

/*
 * Adım 5: Dikkat nereye bakıyor?
 *
 * α_t satırlarını üst üste koyunca bir matris çıkar: satır = çıktı adımı, sütun = kaynak
 * konumu. Ters çevirmede doğru hizalama ters köşegendir: 1. çıktı son harfe, son çıktı
 * ilk harfe bakmalı. Kimse modele bunu söylemedi; yalnızca doğru çıktıyı üretmesi istendi.
 */
static TfStats step5_heatmap(Seq2Seq *m, SeqTask *rev, const SeqSet *trs, int ascii) {
    step_banner(5, NSTEPS, "Dikkat ısı haritası: ters çevirmede ters köşegen");
    int L = rev->max_len >= 16 ? 16 : rev->max_len, first, cnt;
    seqset_range(trs, L, &first, &cnt);
    const int *src = trs->src + (size_t)first * trs->src_cap;
    int S = trs->src_len[first], Tmax = L + 1;
    float *al = xcalloc((size_t)Tmax * S, sizeof(float));
    char out[256], in[256];
    int n = translate_ids(m, rev, src, S, out, sizeof out, al, Tmax);
    seqvocab_decode(&rev->src, src, S, in, sizeof in);
    say("Girdi:  %s\nÇıktı:  %s\n", in, out);
    char (*lr)[8] = xmalloc((size_t)Tmax * 8), (*lc)[8] = xmalloc((size_t)S * 8);
    int *o = xmalloc((size_t)Tmax * sizeof(int));
    seq2seq_greedy(m, src, S, 1, Tmax, o, NULL);
    for (int t = 0; t < Tmax; t++) token_label(&rev->tgt, o[t], lr[t]);
    for (int s = 0; s < S; s++) token_label(&rev->src, src[s], lc[s]);
    int rows = n + 1 < Tmax ? n + 1 : Tmax;
    /* Şekil dikkat_ters: Her satır bir çıktı harfinin kaynağa dağıttığı dikkat ağırlıklarıdır; koyu
     * hücrelerin tek bir köşegen oluşturduğuna, yani her çıktı harfinin kaynakta kendisine karşılık
     * gelen tek bir harfe, i. çıktının sondan i. harfe, baktığına dikkat edin. */
    plot_alignment("dikkat_ters", "Ters çevirme: dikkat ağırlıkları α (satır: çıktı, sütun: kaynak)",
                   al, rows, S, lr, lc, 700, 650, ascii);
    /* Bütün test kümesinde, öğretmen zorlamasıyla: t. çıktının en büyük ağırlığı L−1−t.
     * kaynak harfinde mi? */
    TfStats st = teacher_forced(m, rev, trs);
    say("Test kümesinin bütün çıktı harflerinde (%ld harf, öğretmen zorlamasıyla) en büyük "
        "dikkat ağırlığı nerede? Yazılan harfin kaynaktaki kendi konumunda (t. çıktı için "
        "L − 1 − t. kaynak; SONUÇ'ta hizalama_kendi) %%%.1f, onun bir sağında (hizalama_sag) "
        "%%%.1f, kendisinde ya da iki komşusundan birinde (hizalama_komsu) %%%.1f.\n",
        st.words, 100 * st.align, 100 * st.right, 100 * st.near);
    if (st.right > st.align)
        say("Neden bir sağı? Kodlayıcı tek yönlüdür: h_s, x_s'yi okuduktan hemen sonraki durumdur "
        "ama x_s'nin bilgisi bir sonraki durumda (h_{s+1}) da durur. Model hangisinden "
        "okuyacağını kendisi seçer; ikisi de x_s'yi verir. Kendi konumundaki oranın küçüklüğü bu "
        "yüzden bir hata değildir; dikkatin doğru yere baktığının ölçüsü hizalama_komsu'dur.\n");
    free(al); free(lr); free(lc); free(o);
    return st;
}

/*
 * Adım 6: Türkçe: rakamdan okunuşa
 *
 * Aynı dikkatli model (yeni ağırlıklarla), sayı görevinde. Ters çevirmeden farkı:
 * çıktı simgeleri girdiyle bire bir eşleşmez; "234" üç rakamı "iki yüz otuz dört" on yedi
 * harftir, "bin" sözcüğü hiçbir rakama karşılık gelmez; grubun yerinden gelir.
 * Ölçüler: tam eşleşme (bütün okunuş harfi harfine doğru) ve karakter doğruluğu
 * $1 − d_{\mathrm{Lev}}(\hat y, y)/|y|$ (Levenshtein düzenleme uzaklığı).
 * İki çözme sorusu daha, her biri bir sayıyla:
 *   - Maruz kalma yanlılığı: aynı modelin simge doğruluğu, öğretmen zorlamasıyla (her
 *     adımda doğru önceki harf verilir) ve kendi tahminleriyle çözerken.
 *   - Işın araması (beam search): açgözlü çözme her adımda tek en olası harfi seçer ve
 *     geri dönemez; ışın araması en olası K kısmi çıktıyı birlikte taşır, sonunda toplam
 *     $\log p(y_1..y_T)$'si en yüksek olanı seçer.
 */
static void step6_number(Seq2Seq *m, SeqTask *num, const SeqSet *tns, const Setup *su,
                         const LessonArgs *a, TrainLog *lg, Eval *ev, const char *path,
                         double *tf_acc, double *em_beam, double *num_align) {
    step_banner(6, NSTEPS, "Türkçe: rakamla yazılmış sayıyı okumak");
    build(m, num, su, (uint64_t)a->seed + 1);
    char desc[128];
    params_describe(&m->P, desc, sizeof desc);
    say("Model: E=%d, H=%d, dikkat A=%d; %s. %d adım.\n", su->E, su->H, su->A, desc, su->steps);
    train(m, num, su, (uint64_t)a->seed + 12, lg, "sayı");
    eval_task(m, num, tns, ev);
    say("%.1f s sürdü; son %%10 adımın ortalama kaybı %.4f.\n", lg->secs, tail_loss(lg));
    say("Test (%d sayı, eğitimde hiç görülmedi): tam eşleşme %%%.1f, karakter doğruluğu "
           "%%%.2f.\n", tns->n, 100 * ev->em_all, 100 * ev->ca_all);
    printf("   rakam:   ");
    for (int L = num->min_len; L <= num->max_len; L++) printf(" %4d", L);
    printf("\n   tam eşl.:");
    for (int L = num->min_len; L <= num->max_len; L++) printf(" %3.0f%%", 100 * ev->em[L]);
    printf("\n");
    /* En kısa uzunlukta olasılıkların yarısı test kümesinde: bu sayılar eğitimde tek başına
     * hiç görülmedi. Model ne yapıyor? */
    {
        int f1, c1;
        seqset_range(tns, num->min_len, &f1, &c1);
        if (c1 > 0 && c1 <= 10 && ev->em[num->min_len] < 0.5) {
            say("%d rakamlı test sayıları (eğitimde tek başına hiç görülmediler):\n",
                num->min_len);
            int as_tens = 0;
            for (int i = 0; i < c1; i++) {
                char in[16], out[128], tens[64];
                const int *src1 = tns->src + (size_t)(f1 + i) * tns->src_cap;
                seqvocab_decode(&num->src, src1, tns->src_len[f1 + i], in, sizeof in);
                translate_ids(m, num, src1, tns->src_len[f1 + i], out, sizeof out, NULL,
                              tns->tgt_cap);
                seq_number_words(10 * strtoull(in, NULL, 10), tens, sizeof tens);
                as_tens += strcmp(out, tens) == 0;
                printf("  %s -> %s\n", in, out);
            }
            if (as_tens > 0)
                say("%d / %d çıktı, rakamın onlar basamağındaki okunuşu (2 -> yirmi): model yeni "
                    "girdiyi eğitimde çok gördüğü bir kalıba (iki rakamlı sayının ilk rakamı) "
                    "benzetiyor.\n", as_tens, c1);
            say("Görülmemiş bir duruma genellemek kendiliğinden olmaz; eğitim verisinin kapsamı "
                "önemlidir.\n");
        }
    }
    TfStats st = teacher_forced(m, num, tns);
    *tf_acc = st.tok;
    *num_align = st.align;
    say("Maruz kalma yanlılığı (exposure bias): aynı test kümesinde simge doğruluğu, doğru "
           "önceki simge verilince (öğretmen zorlaması) %%%.2f, model kendi tahminlerini "
           "görünce (açgözlü çözme) %%%.2f. Kendi çözerken tek bir yanlış harf sonraki "
           "konumların hepsini kaydırabilir.\n", 100 * *tf_acc, 100 * ev->tok_all);
    double tb = now();
    *em_beam = beam_em(m, tns, BEAM_K);
    say("Işın araması (beam search, K = %d): her adımda en olası %d kısmi okunuş tutulur, "
           "sonunda toplam log-olasılığı en yüksek olan seçilir. Tam eşleşme: açgözlü %%%.1f, "
           "ışın %%%.1f (%.1f s).\n", BEAM_K, BEAM_K, 100 * ev->em_all, 100 * *em_beam, now() - tb);
    /* Birkaç örnek: en uzun ve orta uzunluktan birer tane, varsa en uzunlardan ilk yanlış */
    int first, cnt, Tmax = tns->tgt_cap;
    seqset_range(tns, num->max_len, &first, &cnt);
    int S = tns->src_len[first];
    float *al = xcalloc((size_t)Tmax * S, sizeof(float));
    int pick[3], np = 0, mf, mc;
    pick[np++] = first;
    seqset_range(tns, (num->min_len + num->max_len) / 2, &mf, &mc);
    if (mc > 0) pick[np++] = mf;
    for (int i = 0; i < cnt; i++) {
        char out[512], want[512];
        translate_ids(m, num, tns->src + (size_t)(first + i) * tns->src_cap, S, out, sizeof out,
                      NULL, Tmax);
        seqvocab_decode(&num->tgt, tns->tgt + (size_t)(first + i) * tns->tgt_cap, Tmax, want,
                        sizeof want);
        if (strcmp(out, want) != 0) {
            pick[np++] = first + i;
            break;
        }
    }
    for (int k = 0; k < np; k++) {
        char in[64], out[512], want[512];
        const int *src = tns->src + (size_t)pick[k] * tns->src_cap;
        seqvocab_decode(&num->src, src, tns->src_len[pick[k]], in, sizeof in);
        translate_ids(m, num, src, tns->src_len[pick[k]], out, sizeof out, k == 0 ? al : NULL,
                      Tmax);
        seqvocab_decode(&num->tgt, tns->tgt + (size_t)pick[k] * tns->tgt_cap, Tmax, want,
                        sizeof want);
        say("  %s\n    -> %s %s\n", in, out, strcmp(out, want) == 0 ? "(doğru)" : "(YANLIŞ)");
        if (strcmp(out, want) != 0) say("       doğrusu: %s\n", want);
    }
    const int *src = tns->src + (size_t)first * tns->src_cap;
    int *o = xmalloc((size_t)Tmax * sizeof(int));
    seq2seq_greedy(m, src, S, 1, Tmax, o, NULL);
    int n = content_len(o, Tmax), rows = n + 1 < Tmax ? n + 1 : Tmax;
    char (*lr)[8] = xmalloc((size_t)Tmax * 8), (*lc)[8] = xmalloc((size_t)S * 8);
    for (int t = 0; t < rows; t++) token_label(&num->tgt, o[t], lr[t]);
    for (int s = 0; s < S; s++) token_label(&num->src, src[s], lc[s]);
    /* Şekil dikkat_sayi: Sayı okumada her satır bir çıktı harfinin rakamlara dağıttığı dikkattir:
     * koyu hücrelerin çoğunlukla rakamlar boyunca soldan sağa ilerlediğine, yani kod çözücünün
     * sayıyı okurken sırayla bir sonraki rakama geçtiğine bakın. */
    plot_alignment("dikkat_sayi", "Sayı okuma: dikkat ağırlıkları α", al, rows, S, lr, lc, 600,
                   1100, a->ascii);
    say("Hizalama: test kümesinde bir rakamın okunuşu olan sözcükler (\"iki yüz\" içinde "
        "\"iki\" ve \"yüz\" yüzler basamağının, \"otuz\" onlar basamağının okunuşudur): "
        "%ld sözcük. En büyük dikkat ağırlığı o rakamın üstünde olanlar: %%%.1f (öğretmen "
        "zorlamasıyla). \"bin\", \"milyon\" gibi ölçek sözcükleri tek bir rakamın okunuşu "
        "olmadığı için sayılmadı.\n", st.words, 100 * st.align);
    free(al); free(o); free(lr); free(lc);
    /* Kayıt */
    char err[512];
    CkptInt ex[3] = {{"gorev", SEQ_NUMBER}, {"min_len", num->min_len}, {"max_len", num->max_len}};
    if (seq2seq_save(m, path, ex, 3, "lesson06 sayı okuma modeli", err, sizeof err) != 0)
        die("%s", err);
    say("Model kaydedildi: %s (./lesson06 --translate \"1 234\" ile deneyin).\n", path);
}

/*
 * Adım 7: Kaydedilen modeli yükle, kendi sayınızı okutun
 */
static int translate_cli(const char *path, const char *text, int show_step) {
    if (show_step) step_banner(7, NSTEPS, "Kaydedilen modeli yüklemek ve kullanmak");
    Seq2Seq m;
    char err[512];
    CkptInt ex[3] = {{"gorev", 0}, {"min_len", 0}, {"max_len", 0}};
    int64_t lo[3] = {SEQ_NUMBER, 1, 1}, hi[3] = {SEQ_NUMBER, SEQ_NUMBER_MAX_DIGITS, SEQ_NUMBER_MAX_DIGITS};
    if (seq2seq_load(&m, path, ex, lo, hi, 3, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\nÖnce ./lesson06 ile bir model eğitin ya da --model ile doğru "
                        "dosyayı verin.\n", err);
        return 2;
    }
    SeqTask t;
    seqtask_init(&t, SEQ_NUMBER, 0, (int)ex[1].val, (int)ex[2].val);
    if (m.c.Vs != t.src.n || m.c.Vt != t.tgt.n) {
        fprintf(stderr, "hata: '%s' bu görevin sözlüğüyle uyuşmuyor (Vs=%d, Vt=%d)\n", path,
                m.c.Vs, m.c.Vt);
        seq2seq_free(&m);
        return 2;
    }
    char norm[64];
    if (seq_number_normalize(text, (int)ex[2].val, norm, sizeof norm, err, sizeof err) != 0) {
        fprintf(stderr, "hata: \"%s\": %s\n", text, err);
        seq2seq_free(&m);
        return 2;
    }
    int ids[32];
    int S = seqvocab_encode(&t.src, norm, ids, 32, err, sizeof err);
    if (S < 0) {
        fprintf(stderr, "hata: %s\n", err);
        seq2seq_free(&m);
        return 2;
    }
    char out[512], want[512];
    translate_ids(&m, &t, ids, S, out, sizeof out, NULL, seqtask_tgt_cap(&t));
    seqtask_target_text(&t, norm, want, sizeof want);
    int ok = strcmp(out, want) == 0;
    say("%s\n  model:   %s\n  doğrusu: %s  %s\n", norm, out, want, ok ? "(doğru)" : "(yanlış)");
    if (!show_step) printf("SONUÇ: ceviri_dogru=%d\n", ok);
    seq2seq_free(&m);
    return 0;
}

/* ------------------------------------------------------------------ sınav */

static int run_quiz(const LessonArgs *a) {
    static char e1[256], e4[256];
    size_t pg = gru_param_count(16, 128);
    snprintf(e1, sizeof e1, "Üç kapı, her biri W_i (H,I), W_h (H,H) ve iki bias: 3H(I + H + 2) = "
             "3·128·(16 + 128 + 2) = %zu.", pg);
    char w[64];
    seq_number_words(1001000, w, sizeof w);
    snprintf(e4, sizeof e4, "1 001 000 = \"%s\": milyonda \"bir\" okunur, binde okunmaz.", w);
    double bits = 30 * log2(10.0);
    QuizQuestion qs[] = {
        {.q = "I = 16 girdili, H = 128 durumlu bir GRU'nun (PyTorch düzeni: iki bias vektörü) "
              "parametre sayısı kaçtır?",
         .answer = (double)pg, .tol = 0.5, .explain = e1},
        {.q = "GRU'da güncelleme kapısı z tam 1 olursa yeni durum h' nedir?",
         .choices = {"n, aday durum", "h (önceki durum, değişmeden)", "0", "r ⊙ h"},
         .correct = 1,
         .explain = "h' = (1 − z) ⊙ n + z ⊙ h; z = 1 iken h' = h. Durum (ve gradyanı) adımlar "
                    "boyunca olduğu gibi taşınır."},
        {.q = "Dikkatsiz kodlayıcı–kod çözücüde doğruluk girdi uzadıkça neden düşer?",
         .choices = {"Softmax uzun dizilerde taşar",
                     "Kaynağın tamamı H sayılık tek bir vektörden (h_S) geçmek zorunda",
                     "Öğretmen zorlaması uzun dizilerde kapanır",
                     "Gradyan kırpma uzun dizileri eğitmez"},
         .correct = 1,
         .explain = "Darboğaz: s_0 = h_S. Bilgi uzunlukla artar, vektörün boyu sabit kalır."},
        {.q = "1 001 000 sayısının Türkçe okunuşu hangisidir?",
         .choices = {"bir milyon bir bin", "milyon bin", "bir milyon bin", "bir milyon bir yüz"},
         .correct = 2, .explain = e4},
        {.q = "Öğretmen zorlaması (teacher forcing) nedir?",
         .choices = {"Kod çözücünün t. adımda bir önceki DOĞRU simgeyi girdi olarak görmesi",
                     "Öğrenme oranının öğretmen modelden kopyalanması",
                     "Kaybın yalnızca son simgede alınması",
                     "Testte doğru cevabın modele verilmesi"},
         .correct = 0,
         .explain = "Eğitimde y_{t-1} doğru simgedir; testte (açgözlü çözme) modelin kendi "
                    "tahminidir. Aradaki fark maruz kalma yanlılığıdır (exposure bias)."},
        {.q = "Bir Bahdanau dikkat adımında S = 4 kaynak skoru e = (0, 0, ln 2, 0) ise üçüncü "
              "konumun ağırlığı α_3 kaçtır?",
         .answer = 2.0 / 5.0, .tol = 0.005,
         .explain = "softmax: e^{ln 2} / (1 + 1 + 2 + 1) = 2/5 = 0,4."},
        {.q = "10 harfli bir alfabeden 30 harflik rastgele bir dizi kaç bit bilgi taşır "
              "(log2 10 ≈ 3,32)?",
         .answer = bits, .tol = 0.5,
         .explain = "30 · log2 10 ≈ 99,7 bit: H sayılık vektör bunun hepsini ve sırasını "
                    "taşımalıdır."},
        {.q = "Gradyan kırpmada eşik c = 1 ve ‖g‖ = 4 ise kırpılmış gradyanın normu kaçtır?",
         .answer = 1.0, .tol = 0.001,
         .explain = "g ← g · c/‖g‖: yön aynı kalır, norm c = 1 olur."},
    };
    return quiz_run("lesson06", qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

/* ------------------------------------------------------------------ ana program */

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson06",
                         .title = "Seq2Seq: kodlayıcı–kod çözücü, darboğaz ve Bahdanau dikkati",
                         .default_epochs = 1, .default_threads = 1, .extras = CLI_NO_DATA | CLI_MODEL | CLI_TRANSLATE,
                         .epochs_help = "adım çarpanı: N x 4000 (ters), N x 2000 (sayı)",
                         .extra_help = "  --translate: kaydedilen sayı modeli bir sayıyı okur "
                                       "(ör. \"1 234 567\").\n"
                                       "  Not: veri her adımda üretilir; --epochs N eğitim adımı "
                                       "sayısını N katına\n        çıkarır (--quick: 300 adım).\n"});
    if (a.quiz) return run_quiz(&a);
    const char *path = a.model ? a.model
                       : a.quick ? MODEL_DIR "/lesson06_sayi_quick.model"
                                 : MODEL_DIR "/lesson06_sayi.model";
    if (a.translate) return translate_cli(path, a.translate, 0);
    char err[512];
    if (!a.model && mkdir_p(MODEL_DIR) != 0) die("'%s' klasörü oluşturulamadı", MODEL_DIR);
    if (model_path_check_writable(path, err, sizeof err) != 0) die("%s", err);

    double t_start = now();
    Setup s0 = setup_reverse(&a, 0), s1 = setup_reverse(&a, 1), sn = setup_number(&a);
    SeqTask rev, num;
    seqtask_init(&rev, SEQ_REVERSE, s0.nsym, s0.min_len, s0.max_len);
    seqtask_init(&num, SEQ_NUMBER, 0, sn.min_len, sn.max_len);
    SeqSet trs, tns;
    seqtask_testset(&rev, PER_LEN, &trs);
    seqtask_testset(&num, PER_LEN, &tns);

    step1_tasks(&rev, &num, &trs, &tns, a.ascii);
    double gc_rel;
    double gc = step2_gradcheck((uint64_t)a.seed, a.ascii, &gc_rel);
    Seq2Seq m0, m1, mn;
    TrainLog l0, l1, ln;
    Eval e0, e1, en;
    step3_plain(&m0, &rev, &trs, &s0, &a, &l0, &e0);
    step4_attention(&m1, &rev, &trs, &s1, &a, &l1, &e1, &e0, &l0, m0.P.n, s1.clip);
    TfStats rs = step5_heatmap(&m1, &rev, &trs, a.ascii);
    double tf_acc, em_beam, num_align;
    step6_number(&mn, &num, &tns, &sn, &a, &ln, &en, path, &tf_acc, &em_beam, &num_align);
    int rc = translate_cli(path, "1 234", 1);
    if (rc != 0) return rc;

    int Lm = rev.max_len, L20 = rev.max_len >= 20 ? 20 : rev.max_len;
    double total = now() - t_start, cpu = (double)clock() / CLOCKS_PER_SEC;
    say("\nÖzet: ters çevirmede en uzun dizide (L=%d) dikkatsiz %%%.0f, dikkatli %%%.0f tam "
           "eşleşme; sayı okumada %%%.1f tam eşleşme, %%%.2f karakter doğruluğu. Toplam %.0f s "
           "(işlemci zamanı %.0f s, %d iş parçacığı).\n",
           Lm, 100 * e0.em[Lm], 100 * e1.em[Lm], 100 * en.em_all, 100 * en.ca_all, total, cpu,
           a.threads);
    printf("SONUÇ: gradcheck_oran=%.4f gradcheck_rel=%.2e em_plain=%.4f em_att=%.4f em_plain_L20=%.4f em_att_L20=%.4f "
           "em_plain_Lmax=%.4f em_att_Lmax=%.4f em_plain_Lmin=%.4f em_att_Lmin=%.4f "
           "fark_Lmax=%.4f hizalama_kendi=%.4f hizalama_sag=%.4f hizalama_komsu=%.4f sayi_hizalama=%.4f sayi_em=%.4f sayi_ca=%.4f sayi_tok_tf=%.4f sayi_tok_free=%.4f sayi_em_beam=%.4f kayip_plain=%.4f "
           "kayip_att=%.4f kayip_sayi=%.4f kirpilan_plain=%d kirpilan_att=%d Lmax=%d adim=%d "
           "sure_plain=%.1f sure_att=%.1f sure_sayi=%.1f sure_toplam=%.1f cpu_s=%.1f "
           "params_plain=%zu params_att=%zu\n",
           gc, gc_rel, e0.em_all, e1.em_all, e0.em[L20], e1.em[L20], e0.em[Lm], e1.em[Lm],
           e0.em[rev.min_len], e1.em[rev.min_len], e1.em[Lm] - e0.em[Lm], rs.align, rs.right, rs.near, num_align, en.em_all,
           en.ca_all, tf_acc, en.tok_all, em_beam, tail_loss(&l0), tail_loss(&l1), tail_loss(&ln), l0.nclip, l1.nclip, Lm,
           s0.steps, l0.secs, l1.secs, ln.secs, total, cpu, m0.P.n, m1.P.n);
    trainlog_free(&l0); trainlog_free(&l1); trainlog_free(&ln);
    seq2seq_free(&m0); seq2seq_free(&m1); seq2seq_free(&mn);
    seqset_free(&trs); seqset_free(&tns);
    seqtask_free(&rev); seqtask_free(&num);
    return 0;
}
