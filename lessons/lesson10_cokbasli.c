/*
 * lesson10 — Çok başlı dikkat (multi-head attention)
 *
 * Bu derste öğrenecekleriniz:
 *   - Model genişliği d_model'in (bu derste d_model = C = 16) NH başa bölünmesi:
 *     her baş C/NH sütunluk kendi sorgu (query), anahtar (key) ve değer (value, V)
 *     dilimiyle ayrı bir öz dikkat (self-attention) yapar; çıktılar yan yana
 *     eklenir (concat) ve W_O ile karıştırılır.
 *   - Başlar parametre eklemez: NH = 1, 2, 4, 8 için parametre sayısı aynıdır.
 *   - Neden birden çok baş? Bir dikkat satırı tek bir olasılık dağılımıdır; aynı
 *     anda iki ayrı yere "tam" bakamaz. İki baş bakabilir.
 *   - Küçük bir görev üzerinde elle yazılmış geri geçiş + Adam ile eğitim ve
 *     başların kendiliğinden farklı işlere uzmanlaştığını her başın dikkat matrisinin
 *     ısı haritasında (heatmap) görmek; aynı parametreli tek büyük başın aynı işi daha yavaş ve daha az
 *     okunur biçimde öğrendiğini ölçmek.
 *
 * Görev: 8 harfli (a..h) rastgele dizilerde, t. konumdaki çıktı iki soruyu birden
 * cevaplamalı: "bir önceki harf x[t-1] ne?" ve "dizinin ilk harfi x[0] ne?".
 * Bunun için model t-1 konumuna ve 0 konumuna birlikte bakmalıdır.
 *
 * Çalıştırma:  make lesson10 && ./lesson10      (tam eğitim)
 *              ./lesson10 --quick                (kısa eğitim, testlerin kullandığı)
 *              ./lesson10 --quiz                 (kendini sına)
 * Çok başlı dikkatin ileri/geri geçişi common/nn/attention.c'dedir (mha_forward/backward).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"
#include "nn/attention.h"
#ifdef _OPENMP
#include <omp.h>
#endif

#define NSTEPS 6
#define V 8          /* harf sayısı: sözlüğün (vocabulary) büyüklüğü */
#define T 8          /* dizi uzunluğu */
#define C (V + T)    /* model genişliği d_model: harfin one-hot kodu ⊕ konumun one-hot kodu */
#define NOUT (2 * V) /* çıkış: [önceki harfin 8 skoru | ilk harfin 8 skoru] */
#define BATCH 32
#define NEVAL 1000   /* değerlendirme dizisi sayısı */

/* Model: çok başlı öz dikkat (nedensel maske, causal mask) -> yoğun katman (dense)
 * C -> 2 x 8 skor. Bütün parametreler tek blokta (model/params.h):
 * [MHA | W_out (C,NOUT) | b_out (NOUT)]; türevler aynı düzende ikinci blokta. */
typedef struct {
    int NH;
    Params prm;               /* prm.params, prm.grads (prm.n) */
    MhaParams P, G;           /* MHA parametreleri ve gradyanları (gradient; bloğun başı) */
    float *wout, *bout;       /* (C,NOUT), (NOUT) */
    float *gwout, *gbout;
    MhaActs acts;
    float *x;                 /* (B,T,C) giriş */
    float *y;                 /* (B,T,C) dikkat çıktısı */
    float *logits, *dlogits;  /* (B,T,NOUT) */
    float *dy;                /* (B,T,C) */
    /* loss_and_grad'in ara tamponları: bir kez ayrılır, her adımda yeniden kullanılır */
    float *sel, *prob, *dsel; /* (B*(T-1), V) bir çıkış başının skorları, olasılıkları, gradyanı */
    int *lab;                 /* (B*(T-1)) */
    unsigned char mask[T * T];
} Model;

static void model_init(Model *m, int NH, int maxB, uint64_t seed) {
    memset(m, 0, sizeof *m);
    m->NH = NH;
    params_init(&m->prm);
    models_mha_params_add(&m->prm, "attn", &m->P, &m->G, C, C);
    params_add(&m->prm, "w_out", &m->wout, &m->gwout, (size_t)C * NOUT);
    params_add(&m->prm, "b_out", &m->bout, &m->gbout, NOUT);
    params_alloc(&m->prm);
    Rng r;
    rng_seed(&r, seed);
    mha_params_init(&m->P, C, C, &r);
    dense_init_glorot(m->wout, m->bout, C, NOUT, &r);
    mha_acts_alloc(&m->acts, C, C, NH, maxB, T, T);
    m->x = xcalloc((size_t)maxB * T * C, sizeof(float));
    m->y = xmalloc((size_t)maxB * T * C * sizeof(float));
    m->dy = xmalloc((size_t)maxB * T * C * sizeof(float));
    m->logits = xmalloc((size_t)maxB * T * NOUT * sizeof(float));
    m->dlogits = xmalloc((size_t)maxB * T * NOUT * sizeof(float));
    size_t nsel = (size_t)maxB * (T - 1);
    m->sel = xmalloc(nsel * V * sizeof(float));
    m->prob = xmalloc(nsel * V * sizeof(float));
    m->dsel = xmalloc(nsel * V * sizeof(float));
    m->lab = xmalloc(nsel * sizeof(int));
    causal_mask(m->mask, T);
}

static void model_free(Model *m) {
    mha_acts_free(&m->acts);
    params_free(&m->prm);
    free(m->x); free(m->y); free(m->dy);
    free(m->logits); free(m->dlogits);
    free(m->sel); free(m->prob); free(m->dsel); free(m->lab);
}

/* Rastgele diziler: tok (B,T) harfler 0..V-1; hedef (t >= 1): x[t-1]*V + x[0]. */
static void make_batch(int *tok, int *target, int B, Rng *r) {
    for (int b = 0; b < B; b++) {
        for (int t = 0; t < T; t++) tok[b * T + t] = rng_int(r, V);
        target[b * T] = -1; /* t = 0'da önceki harf yok: kayba (loss) girmez */
        for (int t = 1; t < T; t++) target[b * T + t] = tok[b * T + t - 1] * V + tok[b * T];
    }
}

/* x (B,T,C): [harfin one-hot kodu (V) | konumun one-hot kodu (T)] */
static void encode(float *x, const int *tok, int B) {
    memset(x, 0, (size_t)B * T * C * sizeof(float));
    for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++) {
            float *row = x + ((size_t)b * T + t) * C;
            row[tok[b * T + t]] = 1.0f;
            row[V + t] = 1.0f;
        }
}

static void forward(Model *m, const int *tok, int B) {
    encode(m->x, tok, B);
    mha_forward(m->y, &m->acts, &m->P, m->x, m->x, B, T, T, m->mask, NULL);
    dense_forward(m->logits, m->y, m->wout, m->bout, B * T, C, NOUT);
}

/* Karşılaştırma tablosunun bir satırı: satır adı ve iki hücre */
static void row3(const char *label, const char *c2, const char *c1) {
    printf("  ");
    term_pad(label, 34);   /* UTF-8: "ğ" iki bayttır, tek sütundur (lesson/term.h) */
    term_pad(c2, 19);
    printf("%s\n", c1);
}

/* Kayıp = CE(önceki harf) + CE(ilk harf), t >= 1 konumlarının ortalaması; dlogits'i de
 * yazar (t = 0 satırları 0). target (B,T) = önceki*V + ilk. */
static float loss_and_grad(Model *m, const int *target, int B) {
    int N = B * (T - 1);
    float *sel = m->sel, *prob = m->prob, *dsel = m->dsel;
    int *lab = m->lab;
    float L = 0;
    memset(m->dlogits, 0, (size_t)B * T * NOUT * sizeof(float));
    for (int g = 0; g < 2; g++) { /* g = 0: önceki harf, g = 1: ilk harf */
        int k = 0;
        for (int b = 0; b < B; b++)
            for (int t = 1; t < T; t++, k++) {
                memcpy(sel + (size_t)k * V, m->logits + ((size_t)b * T + t) * NOUT + g * V,
                       V * sizeof(float));
                lab[k] = g == 0 ? target[b * T + t] / V : target[b * T + t] % V;
            }
        L += softmax_xent_forward(prob, sel, lab, N, V);
        memset(dsel, 0, (size_t)N * V * sizeof(float));   /* geri geçiş ekler */
        softmax_xent_backward(dsel, prob, lab, N, V);
        k = 0;
        for (int b = 0; b < B; b++)
            for (int t = 1; t < T; t++, k++)
                memcpy(m->dlogits + ((size_t)b * T + t) * NOUT + g * V, dsel + (size_t)k * V,
                       V * sizeof(float));
    }
    return L;
}

static void backward(Model *m, int B) {
    /* Biriktirme kuralı: geri geçişler ekler; gradyanlar adımda bir kez sıfırlanır. */
    params_zero_grad(&m->prm);
    memset(m->dy, 0, (size_t)B * T * C * sizeof(float));
    dense_backward(m->dy, m->gwout, m->gbout, m->dlogits, m->y, m->wout, B * T, C, NOUT);
    /* Giriş sabit one-hot vektörler: giriş gradyanı gerekmez (NULL) */
    mha_backward(NULL, NULL, &m->G, m->dy, &m->acts, &m->P, m->x, m->x);
}

/*
 * Adım 1: d_model'i başlara bölmek
 *
 * Model genişliği d_model = C = 16. Q = X W_Q (T,C) hesaplandıktan sonra sütunları NH parçaya
 * bölünür: NH = 2 ise 0. baş 0..7. sütunları, 1. baş 8..15. sütunları alır
 * (baş boyu HS = C/NH = 8). Her baş kendi dikkatini yapar, çıktılar yan yana eklenir:
 *   $\mathrm{head}_h = \mathrm{softmax}\big(Q_h K_h^\top / \sqrt{HS}\big)\, V_h$,
 *   $Y = [\mathrm{head}_1, \dots, \mathrm{head}_{NH}]\, W_O$.
 * W_Q, W_K, W_V, W_O hep (C,C)'dir; bölmek yalnızca sütunların nasıl
 * gruplandığını değiştirir. Bu yüzden parametre sayısı NH'den bağımsızdır:
 *   4·C·C + 4·C = 4·256 + 64 = 1088.
 */
static void step1_split(const LessonArgs *a) {
    (void)a;
    step_banner(1, NSTEPS, "d_model'i başlara bölmek: d_model = C = 16, NH = 1, 2, 4, 8");
    printf("    NH   baş boyu HS   dikkat parametresi (W_Q,W_K,W_V,W_O + bias)\n");
    for (int nh = 1; nh <= 8; nh *= 2)
        printf("    %2d   %6d        %zu\n", nh, C / nh, mha_param_count(C, C));
    printf("Bir büyük baş (NH=1, HS=16) ile iki küçük baş (NH=2, HS=8) aynı sayıda\n"
           "parametre kullanır: %zu = 4·%d·%d + 4·%d.\n",
           mha_param_count(C, C), C, C, C);
    /* Bölmeyi gözle görmek: sütun numaralarından oluşan bir satır */
    float q[C], qh[C], back[C];
    for (int c = 0; c < C; c++) q[c] = (float)c;
    split_heads(qh, q, 1, 1, 2, C / 2);
    merge_heads(back, qh, 1, 1, 2, C / 2);
    printf("NH = 2 için bir konumun sorgu (query) sütunları:\n    0. baş:");
    for (int d = 0; d < C / 2; d++) printf(" %2.0f", qh[d]);
    printf("\n    1. baş:");
    for (int d = 0; d < C / 2; d++) printf(" %2.0f", qh[C / 2 + d]);
    int same = memcmp(q, back, sizeof q) == 0;
    printf("\nBirleştirince (concat) sütunlar eski yerlerine döner: %s.\n",
           same ? "evet, birebir aynı" : "HAYIR");
}

/*
 * Adım 2: İki yere birden bakmayı gerektiren görev
 *
 * 8 harfli rastgele diziler (a..h). Her t >= 1 konumunda model iki soruyu
 * cevaplar: "önceki harf x[t-1] ne?" ve "ilk harf x[0] ne?". Çıkış katmanı her
 * soru için 8 skor verir; kayıp iki çapraz entropinin (cross-entropy) toplamıdır ve
 * bir konum ancak iki cevap birden doğruysa doğru sayılır. Girişte her konum,
 * harfinin one-hot kodu (lesson01: yalnızca kendi sırası 1 olan vektör) ile konumunun
 * one-hot kodunun yan yana eklenmesidir (C = 8 + 8 = 16); dikkat böylece hem "hangi
 * harf" hem "hangi konum" bilgisini görür. Nedensel maske (lesson09) her konumun
 * yalnızca kendisine ve geçmişine bakmasını sağlar; 0. konum ve t-1 her zaman
 * görünürdür.
 */
static void step2_task(Rng *r) {
    step_banner(2, NSTEPS, "Görev: her konumda önceki harf ve ilk harf");
    int tok[T], tgt[T];
    make_batch(tok, tgt, 1, r);
    /* Her hücre 4 sütun: "   x". Satır başlıkları aynı genişlikte (13 harf). */
    printf("konum       :");
    for (int t = 0; t < T; t++) printf("   %d", t);
    printf("\nörnek dizi  :");
    for (int t = 0; t < T; t++) printf("   %c", 'a' + tok[t]);
    printf("\nönceki harf :   -");
    for (int t = 1; t < T; t++) printf("   %c", 'a' + tgt[t] / V);
    printf("\nilk harf    :   -");
    for (int t = 1; t < T; t++) printf("   %c", 'a' + tgt[t] % V);
    printf("\nŞansla ikisini birden bilme olasılığı 1/8 · 1/8 = %.4f.\n", 1.0 / (V * V));
}

/*
 * Adım 3: Geri geçişi sınamak
 *
 * Modelin tamamı (çok başlı dikkat + çıkış katmanı) için analitik gradyanları
 * sonlu farklarla (finite differences) karşılaştırıyoruz:
 *   dL/dθ ≈ (L(θ+ε) - L(θ-ε)) / 2ε.
 * Her denenen parametre için
 *   oran = |sayısal - analitik| / (atol + rtol · max(|sayısal|, |analitik|))
 * hesaplanır; oran <= 1 ise uyumludur. Modelin parametreleri: dikkatin 1088'i
 * (Adım 1) ve çıkış katmanının C·NOUT + NOUT = 16·16 + 16 = 272'si, toplam 1360.
 * Eğitimden önce yapılan bu denetim, hatalı bir geri geçişle saatlerce boşa
 * eğitmekten kurtarır.
 */
typedef struct {
    Model *m;
    int *tok, *tgt, B;
} GcCtx;

static double gc_loss(void *p) {
    GcCtx *c = p;
    forward(c->m, c->tok, c->B);
    return loss_and_grad(c->m, c->tgt, c->B);
}

static double step3_gradcheck(const LessonArgs *a) {
    step_banner(3, NSTEPS, "Geri geçiş: sonlu farklarla gradyan denetimi");
    Model m;
    model_init(&m, 2, 4, (uint64_t)a->seed + 3);
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 4);
    int tok[4 * T], tgt[4 * T];
    make_batch(tok, tgt, 4, &r);
    GcCtx c = {&m, tok, tgt, 4};
    gc_loss(&c);
    backward(&m, 4);
    float *g = xmalloc(m.prm.n * sizeof(float));
    memcpy(g, m.prm.grads, m.prm.n * sizeof(float));
    double rtol = 1e-2, atol = 1e-3;
    GradCheck res = gradcheck(gc_loss, &c, m.prm.params, g, m.prm.n, 300, 1e-2, rtol, atol);
    size_t nmha = mha_param_count(C, C);
    printf("Modelin %zu parametresi = dikkat %zu (Adım 1) + çıkış katmanı %zu\n(%d·%d ağırlık + %d "
           "bias).\n", m.prm.n, nmha, m.prm.n - nmha, C, NOUT, NOUT);
    printf("Bunların %zu tanesinde analitik ve sayısal türev karşılaştırıldı;\n%zu tanesi uyumlu.\n",
           res.checked, res.passed);
    printf("oran = |sayısal - analitik| / (atol + rtol · max(|sayısal|, |analitik|)),\n"
           "atol = %g, rtol = %g; oran <= 1 ise uyumlu.\n", atol, rtol);
    printf("En kötü eleman #%zu: analitik %.3e, sayısal %.3e, oran %.3f:\n%s\n",
           res.worst_index, res.analytic, res.numeric, res.worst,
           res.worst <= 1.0 ? "geri geçiş doğru." : "UYARI: türevler uyuşmuyor!");
    free(g);
    model_free(&m);
    return res.worst;
}

/*
 * Adım 4: Eğitim (NH = 2)
 *
 * Her adımda 32 yeni rastgele dizi: ileri geçiş (forward pass), kayıp (çapraz entropi), geri
 * geçiş, Adam (öğrenme oranı (learning rate) 0,01). Veri her adımda yeni üretildiği
 * için ezber mümkün değildir; değerlendirme de hiç görülmemiş 1000 dizide yapılır.
 * Başlangıç kaybı, iki tahmin de her harfe 1/8 verirken 2 · ln 8 = ln 64 ≈ 4,16 olmalı.
 * Doğruluk (accuracy): iki sorunun birden doğru cevaplandığı konumların payı.
 * Kaybı iki biçimde raporluyoruz: "son adımın kaybı" tek bir yığının (batch, 32 dizi)
 * gürültülü değeridir; "son %10'un ortalaması" son adımların ortalamasıdır ve
 * iki modeli karşılaştırırken onu kullanıyoruz.
 * Model çok küçük (matrisler 256x16): işi iş parçacıklarına bölmek bölmenin
 * maliyetinden pahalıya gelir; --threads verilmedikçe tek iş parçacığı kullanılır.
 */
#define LOSS_GOAL 0.1  /* "öğrendi" eşiği: son MA_W adımın ortalama kaybı bunun altına inince */
#define MA_W 25
typedef struct {
    float *loss;   /* (steps) her adımın kaybı */
    int steps;
    double tail;   /* son %10 adımın ortalama kaybı */
    int ntail;     /* o %10 kaç adım */
    int reach;     /* son MA_W adımın ortalaması LOSS_GOAL'un altına ilk indiği adım (1'den);
                      hiç inmediyse -1 */
    double acc;    /* değerlendirme doğruluğu, iki soru birden doğru (t >= 1) */
    double acc_t2; /* yalnız t >= 2 konumları (önceki ≠ ilk konum) */
    double acc_prev, acc_first; /* t >= 2'de ayrı ayrı: önceki harf, ilk harf */
} TrainResult;

static void eval_model(Model *m, const LessonArgs *a, TrainResult *res, double mass_prev[],
                       double mass_first[]) {
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 1000); /* eğitimden ayrı, sabit değerlendirme dizileri */
    int *tok = xmalloc(sizeof(int) * BATCH * T), *tgt = xmalloc(sizeof(int) * BATCH * T);
    long right = 0, total = 0, right2 = 0, total2 = 0, npos = 0, rprev = 0, rfirst = 0;
    for (int h = 0; h < m->NH; h++) mass_prev[h] = mass_first[h] = 0;
    for (int done = 0; done < NEVAL; done += BATCH) {
        int B = NEVAL - done < BATCH ? NEVAL - done : BATCH;
        make_batch(tok, tgt, B, &r);
        forward(m, tok, B);
        for (int b = 0; b < B; b++)
            for (int t = 1; t < T; t++) {
                const float *z = m->logits + ((size_t)b * T + t) * NOUT;
                int okp = argmax(z, V) == tgt[b * T + t] / V;       /* önceki harf */
                int okf = argmax(z + V, V) == tgt[b * T + t] % V;   /* ilk harf */
                int ok = okp && okf;                                  /* ikisi birden */
                right += ok;
                total++;
                if (t >= 2) {
                    right2 += ok;
                    total2++;
                    rprev += okp;
                    rfirst += okf;
                    /* att (B,NH,T,T): her başın t satırında t-1 ve 0 sütunlarına düşen ağırlık */
                    for (int h = 0; h < m->NH; h++) {
                        const float *row = m->acts.att + (((size_t)b * m->NH + h) * T + t) * T;
                        mass_prev[h] += row[t - 1];
                        mass_first[h] += row[0];
                    }
                    npos++;
                }
            }
    }
    for (int h = 0; h < m->NH; h++) mass_prev[h] /= npos, mass_first[h] /= npos;
    res->acc = (double)right / total;
    res->acc_t2 = (double)right2 / total2;
    res->acc_prev = (double)rprev / total2;
    res->acc_first = (double)rfirst / total2;
    free(tok);
    free(tgt);
}

static void train(Model *m, int steps, const LessonArgs *a, TrainResult *res) {
    Adam opt;
    adam_init(&opt, m->prm.n, 1e-2f);
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 7);
    int tok[BATCH * T], tgt[BATCH * T];
    res->loss = xmalloc(sizeof(float) * steps);
    res->steps = steps;
    for (int s = 0; s < steps; s++) {
        make_batch(tok, tgt, BATCH, &r);
        forward(m, tok, BATCH);
        res->loss[s] = loss_and_grad(m, tgt, BATCH);
        backward(m, BATCH);
        adam_step(&opt, m->prm.params, m->prm.grads);
    }
    adam_free(&opt);
    /* Kaybın iki özeti: son %10'un ortalaması ve kayan ortalamanın eşiğe ilk inişi */
    res->ntail = steps / 10 > 0 ? steps / 10 : 1;
    res->tail = 0;
    for (int s = steps - res->ntail; s < steps; s++) res->tail += res->loss[s];
    res->tail /= res->ntail;
    res->reach = -1;
    double win = 0;
    for (int s = 0; s < steps && res->reach < 0; s++) {
        win += res->loss[s];
        if (s >= MA_W) win -= res->loss[s - MA_W];
        if (s + 1 >= MA_W && win / MA_W < LOSS_GOAL) res->reach = s + 1;
    }
}

/* "412. adımda" ya da "hiç (N adımda)" */
static const char *reach_str(const TrainResult *r, char *buf, size_t n) {
    if (r->reach > 0) snprintf(buf, n, "%d. adımda", r->reach);
    else snprintf(buf, n, "hiç (%d adımda)", r->steps);
    return buf;
}

static void step4_train(Model *m, int steps, const LessonArgs *a, TrainResult *res,
                        double mass_prev[], double mass_first[]) {
    step_banner(4, NSTEPS, "Eğitim: iki başlı dikkat, Adam");
    double t0 = now_sec();
    train(m, steps, a, res);
    double dt = now_sec() - t0;
    eval_model(m, a, res, mass_prev, mass_first);
    char rs[48];
    printf("%d adım x %d dizi (%.2f s). Kayıp: başta %.3f (2 ln 8 = %.3f),\nson adımda %.4f, "
           "son %d adımın ortalaması %.5f.\nSon %d adımın ortalaması %g'in altına %s indi.\n",
           steps, BATCH, dt, res->loss[0], 2 * log((double)V), res->loss[steps - 1], res->ntail,
           res->tail, MA_W, LOSS_GOAL, reach_str(res, rs, sizeof rs));
    printf("Görülmemiş %d dizide doğruluk %%%.2f\n(t >= 2 konumlarında %%%.2f: önceki harf "
           "%%%.2f, ilk harf %%%.2f);\nşans %%%.2f.\n",
           NEVAL, 100.0 * res->acc, 100.0 * res->acc_t2, 100.0 * res->acc_prev,
           100.0 * res->acc_first, 100.0 / (V * V));
}

/*
 * Adım 5: Başlar neye bakıyor?
 *
 * Değerlendirme dizilerinde, t >= 2 konumlarında (t-1 ile 0'ın ayrı olduğu yerler)
 * her başın dikkat ağırlığının ne kadarının t-1'e ("önceki") ve ne kadarının 0'a
 * ("ilk") gittiğini ortalıyoruz. Kimse başlara "sen öncekine bak" demedi: iş
 * bölümünü eğitim kendiliğinden buldu. Isı haritaları tek bir örnek dizinin
 * her baş için dikkat matrisidir (satır: soran konum, sütun: bakılan konum).
 */
static void draw_heads(Model *m, const char *prefix, const char *who, const LessonArgs *a) {
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 99);
    int tok[T], tgt[T];
    make_batch(tok, tgt, 1, &r);
    forward(m, tok, 1);
    static char lab[T][16];
    const char *labels[T];
    for (int t = 0; t < T; t++) {
        snprintf(lab[t], sizeof lab[t], "%d:%c", t, 'a' + tok[t]);
        labels[t] = lab[t];
    }
    for (int h = 0; h < m->NH; h++) {
        char step[64], title[160];
        snprintf(step, sizeof step, "%s%d_dikkat", prefix, h);
        snprintf(title, sizeof title, "%s: %d. başın dikkati (NH = %d)", who, h, m->NH);
        /* Şekil bas*_dikkat, tek_bas*_dikkat: Her satır bir konumun sorgusunun öteki konumlara
         * dağıttığı dikkattir: iki başlı modelde başların işi bölüştüğüne, birinin ilk konuma,
         * ötekinin bir önceki konuma baktığına; tek başlı modelde ise tek başın ağırlığını bu iki
         * yer arasında paylaştırmak zorunda kaldığına bakın. */
        plot_heatmap("lesson10", step, title, T, T, m->acts.att + (size_t)h * T * T, labels,
                     labels, "bakılan konum:harf", "soran konum:harf", 1, a->ascii);
        printf("Isı haritası: plots/lesson10/%s.png\n", step);
    }
}

static void step5_heads(Model *m, const double *mass_prev, const double *mass_first,
                        int *h_prev, int *h_first, const LessonArgs *a) {
    step_banner(5, NSTEPS, "Başlar uzmanlaştı mı? Önceki konum ve ilk konum");
    printf("    baş   'önceki' (t-1) ağırlığı   'ilk' (0) ağırlığı\n");
    *h_prev = *h_first = 0;
    for (int h = 0; h < m->NH; h++) {
        printf("    %d     %.4f                   %.4f\n", h, mass_prev[h], mass_first[h]);
        if (mass_prev[h] > mass_prev[*h_prev]) *h_prev = h;
        if (mass_first[h] > mass_first[*h_first]) *h_first = h;
    }
    printf("%d. baş öncekine (%%%.1f), %d. baş ilk konuma (%%%.1f) bakıyor:\n%s.\n", *h_prev,
           100.0 * mass_prev[*h_prev], *h_first, 100.0 * mass_first[*h_first],
           *h_prev != *h_first ? "iki baş işi bölüşmüş" : "aynı baş ikisine birden bakıyor");
    draw_heads(m, "bas", "İki başlı model", a);
}

/*
 * Adım 6: Karşılaştırma — tek büyük baş (NH = 1, HS = 16)
 *
 * Aynı parametre sayısı, aynı görev, aynı eğitim. Tek başın dikkat satırı tek bir
 * dağılımdır: t-1'e ve 0'a aynı anda bakmak için ağırlığı ikisine bölmek zorundadır
 * ve iki harfin değer vektörleri tek bir ağırlıklı ortalamada üst üste biner.
 * Ağırlıklar eşit olsaydı (a, b) ile (b, a) dizileri aynı çıktıyı verirdi; tek baş
 * hangisinin "önceki", hangisinin "ilk" olduğunu ancak ağırlıkları harfe göre
 * biraz farklılaştırarak kodlayabilir. Bu kırılgan kodu bulmak daha uzun sürer;
 * iki başta ise her baş tek bir konuma bakar ve bilgiler concat'te ayrı
 * sütunlarda kalır. Tohuma (seed) göre tek baş da sonunda çözebilir (bu koşuda da
 * çoğu zaman %100'e varır): ölçtüğümüz, aynı bütçeyle hangisinin daha HIZLI ve
 * daha YORUMLANABİLİR öğrendiğidir. Hız için, son 25 adımın ortalama kaybının
 * 0,1'in altına ilk indiği adımı; yorum için her başın ağırlığının ne kadarının tek
 * bir konuma gittiğini karşılaştırıyoruz.
 */
static size_t step6_single_head(int steps, const LessonArgs *a, const TrainResult *r2,
                                const double *mp2, const double *mf2, TrainResult *res,
                                double *mass_prev, double *mass_first) {
    step_banner(6, NSTEPS, "Karşılaştırma: aynı parametreyle tek büyük baş");
    Model m1;
    model_init(&m1, 1, BATCH, (uint64_t)a->seed);
    train(&m1, steps, a, res);
    eval_model(&m1, a, res, mass_prev, mass_first);
    char rs1[48], rs2[48];
    printf("NH = 1: %zu parametre (iki başlıyla aynı); kayıp son adımda %.4f,\nson %d adımın "
           "ortalaması %.5f.\n", m1.prm.n, res->loss[steps - 1], res->ntail, res->tail);
    printf("Doğruluk %%%.2f (t >= 2: %%%.2f; önceki harf %%%.2f, ilk harf %%%.2f).\n",
           100.0 * res->acc, 100.0 * res->acc_t2, 100.0 * res->acc_prev, 100.0 * res->acc_first);
    char lab[64], c2[48], c1[48];
    printf("\n");
    row3("", "iki baş (NH = 2)", "tek baş (NH = 1)");
    snprintf(c2, sizeof c2, "%%%.2f", 100.0 * r2->acc);
    snprintf(c1, sizeof c1, "%%%.2f", 100.0 * res->acc);
    row3("doğruluk", c2, c1);
    snprintf(lab, sizeof lab, "son %d adımın ortalama kaybı", res->ntail);
    snprintf(c2, sizeof c2, "%.5f", r2->tail);
    snprintf(c1, sizeof c1, "%.5f", res->tail);
    row3(lab, c2, c1);
    snprintf(lab, sizeof lab, "kayıp %g'in altına indi*", LOSS_GOAL);
    row3(lab, reach_str(r2, rs2, sizeof rs2), reach_str(res, rs1, sizeof rs1));
    int hp = mp2[0] > mp2[1] ? 0 : 1, hf = mf2[0] > mf2[1] ? 0 : 1;
    snprintf(c2, sizeof c2, "%%%.1f (baş %d)", 100.0 * mp2[hp], hp);
    snprintf(c1, sizeof c1, "%%%.1f", 100.0 * mass_prev[0]);
    row3("t-1'e giden ağırlık", c2, c1);
    snprintf(c2, sizeof c2, "%%%.1f (baş %d)", 100.0 * mf2[hf], hf);
    snprintf(c1, sizeof c1, "%%%.1f", 100.0 * mass_first[0]);
    row3("0'a giden ağırlık", c2, c1);
    printf("  * son %d adımın ortalama kaybı ilk kez %g'in altına indiğinde\n", MA_W, LOSS_GOAL);
    if (res->acc >= r2->acc - 0.005)
        printf("İki model de aynı doğruluğa vardı; fark ");
    else
        printf("Tek baş daha düşük doğrulukta kaldı; asıl fark yine ");
    if (r2->reach > 0 && (res->reach < 0 || res->reach > r2->reach))
        printf("hızda ve okunabilirlikte:\niki başlı model eşiğe %.1f kat daha erken indi;\n",
               res->reach > 0 ? (double)res->reach / r2->reach : (double)steps / r2->reach);
    else
        printf("okunabilirlikte:\n");
    if (hp != hf && mp2[hp] > 0.5 && mf2[hf] > 0.5)
        printf("iki başlı modelde her baş ağırlığının çoğunu tek bir konuma veriyor\n"
               "(baş %d t-1'e, baş %d 0'a);\n", hp, hf);
    else
        printf("iki başlı modelin başları işi açıkça bölüşmedi (t-1: %.2f, 0: %.2f);\n", mp2[hp],
               mf2[hf]);
    if (mass_prev[0] > 0.2 && mass_first[0] > 0.2)
        printf("tek baş ise ağırlığını ikiye bölüyor (önceki %.2f, ilk %.2f) ve iki harfi\n"
               "tek bir ortalamada karıştırıyor.\n", mass_prev[0], mass_first[0]);
    else
        printf("tek başın ağırlığı: önceki %.2f, ilk %.2f.\n", mass_prev[0], mass_first[0]);
    draw_heads(&m1, "tek_bas", "Tek başlı model", a);
    /* draw_heads örnek diziyi ileri geçirdi: acts.att o dizinin dikkati (1,1,T,T) */
    printf("Örnek dizide tek başın t. satırında (t-1, 0) ağırlıkları:\n ");
    for (int t = 2; t < T; t++)
        printf(" (%.2f, %.2f)", m1.acts.att[t * T + t - 1], m1.acts.att[t * T]);
    printf("\nOran satırdan satıra, harflere göre değişiyor:\ntek baş sırayı bu farklarla kodluyor.\n");
    size_t n = m1.prm.n;
    model_free(&m1);
    return n;
}

static void plot_losses(const TrainResult *r2, const TrainResult *r1, const LessonArgs *a) {
    int n = r2->steps, every = n / 100 > 0 ? n / 100 : 1, k = 0;
    float *x = xmalloc(sizeof(float) * n), *y2 = xmalloc(sizeof(float) * n),
          *y1 = xmalloc(sizeof(float) * n);
    /* her 'every' adımın ortalaması: gürültüyü yumuşatır */
    for (int s = 0; s + every <= n; s += every, k++) {
        double a2 = 0, a1 = 0;
        for (int j = 0; j < every; j++) a2 += r2->loss[s + j], a1 += r1->loss[s + j];
        x[k] = (float)(s + every);
        y2[k] = (float)(a2 / every);
        y1[k] = (float)(a1 / every);
    }
    Plot p;
    /* Şekil kayip_egrisi: Log ölçekte iki modelin eğitim kaybı: iki başlı modelin kesik eşik
     * çizgisinin altına hangi adımda indiğine ve tek başlı modelin aynı eşiğe ne kadar geç
     * vardığına bakın. */
    FILE *d = plot_begin(&p, "lesson10", "kayip_egrisi");
    fprintf(d, "# adım NH=2 NH=1 (her %d adımın ortalama kaybı)\n", every);
    for (int i = 0; i < k; i++) fprintf(d, "%.8g %.8g %.8g\n", x[i], y2[i], y1[i]);
    char body[1024];
    snprintf(body, sizeof body,
             "set title 'Eğitim kaybı: iki baş ve tek baş (her %d adımın ortalaması)'\n"
             "set xlabel 'adım'\nset ylabel 'kayıp (çapraz entropi, log ölçek)'\n"
             "set logscale y\nset format y '10^{%%L}'\nset grid\nset key below height 1\n"
             "plot 'kayip_egrisi.dat' using 1:2 with lines lw 2 title 'NH = 2 (HS = 8)', "
             "'' using 1:3 with lines lw 2 title 'NH = 1 (HS = 16)', "
             "%g with lines dt 2 lc rgb 'gray40' title 'eşik %g'\n",
             every, LOSS_GOAL, LOSS_GOAL);
    plot_finish(&p, body);
    plot_render(&p, a->ascii);
    printf("Kayıp eğrileri: %s\n", plot_png_path(&p));
    free(x); free(y2); free(y1);
}

/* Sınav: sayısal cevaplar kütüphaneyle çalışma anında hesaplanır. */
static int run_quiz(const LessonArgs *a) {
    static char e1[256], e2[256], e6[256];
    size_t p512 = mha_param_count(512, 512);
    snprintf(e1, sizeof e1, "4·512·512 + 4·512 = %zu; baş sayısı bu sayıyı değiştirmez.", p512);
    int hs = 512 / 8;
    snprintf(e2, sizeof e2, "HS = d_model / NH = 512 / 8 = %d.", hs);
    /* S6: split_heads ile: C = 6, NH = 3 -> 1. başın ilk sütunu */
    float q[6] = {0, 1, 2, 3, 4, 5}, qh[6];
    split_heads(qh, q, 1, 1, 3, 2);
    snprintf(e6, sizeof e6, "HS = 2; 0. baş sütun 0-1, 1. baş sütun 2-3, 2. baş 4-5: 1. başın "
             "ilk sütunu %.0f.", qh[2]);
    QuizQuestion qs[] = {
        {.q = "d_model = 512, NH = 8 olan bir çok başlı öz dikkatin (W_Q, W_K, W_V, W_O ve "
              "bias'lar) parametre sayısı kaçtır?",
         .answer = (double)p512, .tol = 0.5, .explain = e1},
        {.q = "d_model = 512 ve NH = 8 ise her başın boyu (HS) kaçtır?", .answer = hs,
         .tol = 0.5, .explain = e2},
        {.q = "Baş sayısını 1'den 8'e çıkarmak (d_model sabit) parametre sayısını nasıl "
              "değiştirir?",
         .choices = {"8 katına çıkarır", "Değiştirmez", "8'e böler", "√8 katına çıkarır"},
         .correct = 1,
         .explain = "W'ler hep (C,C); başlar yalnızca sütunları gruplara ayırır."},
        {.q = "Tek bir dikkat başı neden aynı anda iki ayrı konuma 'tam' bakamaz?",
         .choices = {"Nedensel maske engeller",
                     "Dikkat satırı toplamı 1 olan tek bir dağılımdır; ağırlığı bölmek iki "
                     "bilgiyi tek ortalamada karıştırır",
                     "√d_k ölçeklemesi engeller", "Bakabilir; hiçbir sınırı yoktur"},
         .correct = 1,
         .explain = "Softmax satırı tek bir olasılık dağılımıdır; iki başın iki ayrı dağılımı "
                    "vardır ve çıktıları concat ile ayrı sütunlarda kalır."},
        {.q = "Başların çıktıları nasıl birleştirilir?",
         .choices = {"Toplanır", "Ortalaması alınır",
                     "Yan yana eklenir (concat) ve W_O ile çarpılır", "En büyüğü seçilir"},
         .correct = 2,
         .explain = "concat (T, NH·HS) = (T, C); W_O başların bilgisini karıştırır."},
        {.q = "C = 6, NH = 3 iken bir konumun sorgu vektörü [0, 1, 2, 3, 4, 5] ise 1. başın "
              "(0'dan sayarak) aldığı ilk sayı nedir?",
         .answer = qh[2], .tol = 0.01, .explain = e6},
        {.q = "Bu dersin modeli her konumda iki 8 sınıflı tahmin yapar ve kaybı iki çapraz "
              "entropinin toplamıdır. Eğitilmemiş (her sınıfa 1/8 veren) modelin kaybı kaçtır?",
         .answer = 2.0 * log((double)V), .tol = 0.01,
         .explain = "Her tahmin için -ln(1/8) = ln 8; toplam 2 ln 8 = ln 64 ≈ 4.159 (4. adımdaki "
                    "başlangıç kaybına bakın)."},
    };
    return quiz_run("lesson10", qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson10", .title = "Çok başlı dikkat", .default_epochs = 1,
                         .default_threads = 1, /* küçük model: bkz. Adım 4 */
                         .extras = CLI_NO_DATA,  /* veri her adımda üretilir; MNIST okunmaz */
                         .epochs_help = "eğitim adımı çarpanı: N x 1500 adım (bu derste epoch yok)",
                         .extra_help = "  Not: bu derste epoch yoktur (her adım yeni rastgele "
                                       "diziler üretir);\n        --epochs N eğitim adımı "
                                       "sayısını N katına çıkarır (N = 1: 1500 adım,\n        "
                                       "--quick ile 600).\n"});
    if (a.quiz) return run_quiz(&a);
    int steps = a.quick && !a.epochs_given ? 600 : 1500 * a.epochs;

    Rng r;
    rng_seed(&r, (uint64_t)a.seed);
    step1_split(&a);
    step2_task(&r);
    double gc = step3_gradcheck(&a);
    Model m;
    model_init(&m, 2, BATCH, (uint64_t)a.seed);
    TrainResult r2, r1;
    double mp[2], mf[2], mp1[1], mf1[1];
    step4_train(&m, steps, &a, &r2, mp, mf);
    int h_prev, h_first;
    step5_heads(&m, mp, mf, &h_prev, &h_first, &a);
    size_t n1 = step6_single_head(steps, &a, &r2, mp, mf, &r1, mp1, mf1);
    plot_losses(&r2, &r1, &a);

    /* son %10 adımın ortalama kaybı (train() hesapladı): tek adımın gürültüsünden bağımsız */
    double tail2 = r2.tail, tail1 = r1.tail;
    int ntail = r2.ntail;
    char rs2[48], rs1[48];
    printf("\nÖzet: iki baş %%%.1f, tek baş %%%.1f doğruluk (aynı %zu parametre);\nson %d adımın "
           "ortalama kaybı iki başta %.5f, tek başta %.5f;\nkayıp %g'in altına iki başta %s, tek "
           "başta %s indi.\n%d. baş öncekine %.2f, %d. baş ilk konuma %.2f ağırlık veriyor.\n",
           100.0 * r2.acc, 100.0 * r1.acc, m.prm.n, ntail, tail2, tail1, LOSS_GOAL,
           reach_str(&r2, rs2, sizeof rs2), reach_str(&r1, rs1, sizeof rs1), h_prev, mp[h_prev],
           h_first, mf[h_first]);
    printf("SONUÇ: acc_nh2=%.4f acc_nh2_t2=%.4f acc_nh1=%.4f acc_nh1_t2=%.4f params_nh2=%zu "
           "params_nh1=%zu loss_ilk=%.4f loss_son=%.4f gradcheck=%.4f h0_onceki=%.4f "
           "h0_ilk=%.4f h1_onceki=%.4f h1_ilk=%.4f onceki_bas_onceki=%.4f ilk_bas_ilk=%.4f "
           "onceki_bas_ilk=%.4f farkli_bas=%d nh1_onceki=%.4f nh1_ilk=%.4f kayip_son_nh2=%.5f "
           "kayip_son_nh1=%.5f adim=%d esik_adim_nh2=%d esik_adim_nh1=%d\n",
           r2.acc, r2.acc_t2, r1.acc, r1.acc_t2, m.prm.n, n1, r2.loss[0], r2.loss[steps - 1], gc,
           mp[0], mf[0], mp[1], mf[1], mp[h_prev], mf[h_first], mf[h_prev],
           h_prev != h_first, mp1[0], mf1[0], tail2, tail1, steps,
           r2.reach > 0 ? r2.reach : steps + 1, r1.reach > 0 ? r1.reach : steps + 1);
    free(r2.loss);
    free(r1.loss);
    model_free(&m);
    return 0;
}
