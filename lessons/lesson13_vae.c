/*
 * lesson13 — Varyasyonel otokodlayıcı (VAE, variational autoencoder)
 *
 * Bu derste öğrenecekleriniz:
 *   - Otokodlayıcı (autoencoder, AE): bir görüntüyü kodlayıcıyla (encoder) 20 sayılık
 *     küçük bir koda sıkıştırıp kod çözücüyle (decoder) geri açan ağ. Yeniden
 *     yapılandırması (reconstruction) iyidir ama rastgele bir koddan rakam üretemez:
 *     kodların nerede durduğunu kimse ona söylememiştir.
 *   - VAE: kodlayıcı tek bir kod yerine bir dağılım verir, q(z|x) = N(μ, σ²);
 *     kayba (loss) bu dağılımı önsele (prior) N(0, I) yaklaştıran bir
 *     KL ıraksaması (Kullback-Leibler divergence) terimi eklenir. Kayıp, ELBO'nun
 *     (evidence lower bound, kanıt alt sınırı) eksi işaretlisidir (nat/görüntü):
 *       $L(x) = \mathbb{E}_{q(z|x)}[-\log p(x|z)] + \mathrm{KL}(q(z|x)\,\|\,\mathcal{N}(0, I)) \ge -\log p(x)$
 *   - Kapalı biçim KL'nin türetilişi ve kâğıt üstünde bir sayıyla sınanması.
 *   - Yeniden parametreleme hilesi (reparameterization trick): z = μ + σ ε.
 *     Örnekleme (sampling) adımından gradyan (gradient) geçer; sabit ε ile sonlu
 *     farklarla (finite differences) sınıyoruz.
 *   - Bir VAE'yi ölçmek: test ELBO'su, lesson04'ün evrişimli ağının (CNN) önselden
 *     çözülen örnekleri ne kadar güvenle okuduğu, 2 boyutlu gizil uzayın (latent
 *     space) resmi (kodlar rakamın etiketine (label) göre renkli), 20x20'lik manifold ve
 *     iki rakam arasında ara değerleme (interpolation).
 *   - Veri: MNIST eğitim kümesi (training set); son 5 000 örneği doğrulama (validation)
 *     için ayrılır, test kümesine yalnızca sonuç için bakılır.
 *
 * Mimari pytorch/examples/vae ile aynı: 784-400-(μ, log σ²: 20)-400-784, ReLU,
 * piksel başına Bernoulli olabilirliği (likelihood), Adam 1e-3, yığın (batch) 128.
 *
 * Çalıştırma:  make lesson13 && ./lesson13       (tam koşu: AE + VAE + yargıç CNN + 2-B VAE)
 *              ./lesson13 --quick                 (küçük alt kümeyle birkaç saniye)
 *              ./lesson13 --sample 64             (kaydedilen VAE'den 64 rakamlık PNG ızgara;
 *                                                  başka bir tohum (seed) başka rakamlar verir)
 *              ./lesson13 --quiz                  (kendini sına)
 * Matematik common/ altındadır: nn/latent.c (BCE toplamı, KL, yeniden parametreleme),
 * model/vae.c (model, ileri/geri geçiş, eğitim epoch'u, kayıt), nn/dense.c (yoğun
 * katmanlar (dense), GEMM), lesson/judge.c (rakam okuyucusu yargıç).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"

#define NSTEPS 8
#define LESSON "lesson13"
#define PLOT_DIR "plots/lesson13"
#define D 784       /* piksel sayısı (28x28) */
#define HID 400     /* gizli katman genişliği */
#define J20 20      /* ana modelin gizil boyutu */
#define BATCH 128
#define NJUDGE 1000 /* yargıç ağın okuduğu örnek sayısı */
#define MAXE 200

typedef MnistSplit Data;

typedef struct {
    int n;
    float rec[MAXE], kl[MAXE], vrec[MAXE], vkl[MAXE];
    double sec[MAXE];
} Hist;

static const Norm NMINMAX = {.kind = NORM_MINMAX};

static const char *model_path(const LessonArgs *a) {
    return a->model ? a->model
           : a->quick ? MODEL_DIR "/lesson13_vae_quick.model"
                      : MODEL_DIR "/lesson13_vae.model";
}

static void save_grid(const char *path, const float *tiles, int n, int rows, int cols, int scale) {
    char err[512];
    if (image_write_grid_f(path, tiles, n, 1, 28, 28, rows, cols, 2, scale, err, sizeof err) != 0)
        warnf("%s", err);
}

static double sigm(double v) { return 1.0 / (1.0 + exp(-v)); }

/* Standart normal dağılımın ters birikimli dağılım fonksiyonu (inverse CDF) Φ⁻¹(p):
 * Φ(x) = ½ erfc(-x/√2) artan olduğu için aralığı ikiye bölerek aramak yeter. */
static double norm_ppf(double p) {
    double lo = -10.0, hi = 10.0;
    for (int i = 0; i < 100; i++) {
        double mid = 0.5 * (lo + hi);
        if (0.5 * erfc(-mid / sqrt(2.0)) < p) lo = mid;
        else hi = mid;
    }
    return 0.5 * (lo + hi);
}

/* Bir kümenin (idx NULL: ilk n örnek) ortalama yeniden yapılandırma kaybı ve KL'si,
 * z her görüntü için BİR kez örneklenerek (pytorch/examples'ın test kaybı gibi).
 * kl_dim (J) NULL değilse boyut başına ortalama KL. */
static void eval_vae(Vae *m, const ImageSet *s, const int *idx, int n, uint64_t seed,
                     double *rec, double *kl, double *kl_dim) {
    Rng r;
    rng_seed(&r, seed);
    float *x = xmalloc((size_t)BATCH * D * sizeof(float));
    int *ii = xmalloc((size_t)BATCH * sizeof(int));
    double sr = 0, sk = 0;
    if (kl_dim) memset(kl_dim, 0, (size_t)m->J * sizeof(double));
    for (int s0 = 0; s0 < n; s0 += BATCH) {
        int B = n - s0 < BATCH ? n - s0 : BATCH;
        for (int b = 0; b < B; b++) ii[b] = idx ? idx[s0 + b] : s0 + b;
        batch_fill(x, NULL, s, ii, B, NMINMAX);
        for (int i = 0; i < B * m->J; i++) m->eps[i] = rng_normal(&r);
        vae_forward(m, x, B, m->variational ? m->eps : NULL);
        sr += m->last_rec * B;
        sk += m->last_kl * B;
        if (kl_dim && m->variational)
            for (int b = 0; b < B; b++)
                for (int j = 0; j < m->J; j++) {
                    double mu = m->mu[b * m->J + j], lv = m->logvar[b * m->J + j];
                    kl_dim[j] += 0.5 * (mu * mu + exp(lv) - 1.0 - lv);
                }
    }
    *rec = sr / n;
    *kl = sk / n;
    if (kl_dim)
        for (int j = 0; j < m->J; j++) kl_dim[j] /= n;
    free(x);
    free(ii);
}

/* Eğitim döngüsü. Bir epoch (model/vae.c'deki vae_train_epoch) şudur: yığınları karıştır;
 * her yığında ε ~ N(0, I) çek, ileri geçiş (forward pass; kayıp = yeniden + KL), gradyanları sıfırla, geri
 * geçiş, Adam adımı. Her epoch'tan sonra doğrulama kümesinde ölçer ve bir satır basar. */
static void train_vae(Vae *m, Data *d, int epochs, uint64_t seed, Hist *h, const char *name) {
    Adam opt;
    adam_init(&opt, m->P.n, 1e-3f);
    Batcher bt;
    batcher_init(&bt, &d->m.train, d->tr_idx, d->ntr, BATCH);
    Rng r;
    rng_seed(&r, seed);
    h->n = 0;
    for (int e = 0; e < epochs && e < MAXE; e++) {
        double t0 = now_sec(), tr, tk;
        vae_train_epoch(m, &opt, &bt, &r, &tr, &tk);
        h->sec[e] = now_sec() - t0;
        h->rec[e] = (float)tr;
        h->kl[e] = (float)tk;
        double vr, vk;
        eval_vae(m, &d->m.train, d->va_idx, d->nva, seed + 1000 + e, &vr, &vk, NULL);
        h->vrec[e] = (float)vr;
        h->vkl[e] = (float)vk;
        h->n = e + 1;
        printf("  %s %2d/%d: eğitim %6.2f (yeniden %6.2f + KL %5.2f), doğr. %6.2f %5.1f s\n",
               name, e + 1, epochs, h->rec[e] + h->kl[e], h->rec[e], h->kl[e], vr + vk,
               h->sec[e]);
        fflush(stdout);
    }
    batcher_free(&bt);
    adam_free(&opt);
}

static void plot_hist(const char *step, const char *title, const Hist *h, int with_kl, int ascii) {
    float ep[MAXE], tot[MAXE], vtot[MAXE];
    for (int e = 0; e < h->n; e++) {
        ep[e] = (float)(e + 1);
        tot[e] = h->rec[e] + h->kl[e];
        vtot[e] = h->vrec[e] + h->vkl[e];
    }
    if (!with_kl) {
        plot_lines(LESSON, step, title, "epoch", "nat / görüntü", h->n, ep, 2,
                   (const float *const[]){h->rec, h->vrec},
                   (const char *const[]){"eğitim", "doğrulama"}, 0, ascii);
        return;
    }
    Plot p;
    FILE *f = plot_begin(&p, LESSON, step);
    fprintf(f, "# epoch eğitim_toplam eğitim_yeniden eğitim_KL doğrulama_toplam doğrulama_yeniden "
               "doğrulama_KL\n");
    for (int e = 0; e < h->n; e++)
        fprintf(f, "%g %g %g %g %g %g %g\n", ep[e], tot[e], h->rec[e], h->kl[e], vtot[e],
                h->vrec[e], h->vkl[e]);
    char body[1024];
    snprintf(body, sizeof body,
             "set title '%s'\nset xlabel 'epoch'\nset ylabel 'yeniden yapılandırma (nat)'\n"
             "set y2label 'KL (nat)'\nset y2tics\nset ytics nomirror\nset y2range [0:*]\n"
             "set key center right\n"
             "plot '%s.dat' u 1:3 w lp t 'yeniden (eğitim)', '' u 1:6 w lp t 'yeniden (doğrulama)', "
             "'' u 1:4 axes x1y2 w lp t 'KL (eğitim)', '' u 1:7 axes x1y2 w lp t 'KL (doğrulama)'\n",
             title, step);
    plot_finish(&p, body);
    plot_render(&p, ascii);
}

/* Önselden 64 kod, z ~ N(0, I), kod çözücüden geçer; 8x8'lik ızgara olarak kaydedilir. */
static void save_prior_grid(Vae *m, uint64_t seed, const char *path) {
    Rng r;
    rng_seed(&r, seed);
    float z[64 * J20], img[64 * D];
    for (int i = 0; i < 64 * m->J; i++) z[i] = rng_normal(&r);
    vae_decode_images(m, z, 64, img);
    save_grid(path, img, 64, 8, 8, 2);
}

/* Test kümesinin ilk 10 rakamı (üst satır) ve yeniden yapılandırmaları (alt satır). */
static void save_recon(Vae *m, Data *d, const char *path) {
    float x[10 * D], t[20 * D];
    int ii[10];
    for (int i = 0; i < 10; i++) ii[i] = i;
    batch_fill(x, NULL, &d->m.test, ii, 10, NMINMAX);
    vae_forward(m, x, 10, NULL); /* z = μ: en olası kod */
    memcpy(t, x, sizeof x);
    for (int i = 0; i < 10 * D; i++) t[10 * D + i] = (float)sigm(m->logits[i]);
    save_grid(path, t, 20, 2, 10, 2);
}

/* ---------------------------------------------------------------------------
 * Adım 1: Veri
 *
 * Pikseller 255'e bölünüp [0,1] aralığına getirilir ve İKİLİ YAPILMAZ: gri tonlu bir pikseli
 * "olasılığı x olan bir yazı-tura" gibi okuyan Bernoulli olabilirliği, pytorch/examples
 * ile aynı biçimde kullanılır. Eğitim kümesinin son 5 000 örneği doğrulamaya ayrılır;
 * her seçimi onunla yaparız, test kümesine yalnızca sonuç için bakarız.
 */
static void step1_load(Data *d, const LessonArgs *a) {
    step_banner(1, NSTEPS, "Veri: MNIST, pikseller [0,1] aralığında");
    mnist_split_load(d, a->data_dir, a->quick ? 4000 : 0, a->quick ? 500 : 5000,
                     a->quick ? 1000 : 0);
    printf("Eğitim %d, doğrulama %d, test %d görüntü (28x28).\n", d->ntr, d->nva, d->ntest);
    double mean, sd;
    imageset_pixel_stats(&d->m.train, &mean, &sd);
    int gray = 0;
    for (int i = 0; i < D; i++) {
        uint8_t p = d->m.test.images[i];
        gray += p > 0 && p < 255;
    }
    printf("Piksel ortalaması %.3f: görüntünün çoğu siyah zemin. İlk test rakamında\n"
           "%d piksel ne tam siyah ne tam beyaz, yani gri kenar; onları 0 ya da 1'e\nyuvarlamıyoruz.\n",
           mean, gray);
}

/* ---------------------------------------------------------------------------
 * Adım 2: KL ıraksaması, kâğıt üstünde
 *
 * İki dağılım arasındaki KL:  $\mathrm{KL}(q\,\|\,p) = \mathbb{E}_{z \sim q}[\log q(z) - \log p(z)]$.
 * q = N(μ, σ²) ve p = N(0, 1) için logaritmalar:
 *   log q(z) = -½ log(2π) - log σ - (z-μ)² / (2σ²)
 *   log p(z) = -½ log(2π) - z² / 2
 * Farkın q altındaki beklentisi: E[(z-μ)²] = σ² ve E[z²] = μ² + σ² olduğundan
 *   $\mathrm{KL} = -\log\sigma - \tfrac12 + \tfrac12(\mu^2 + \sigma^2) = \tfrac12(\mu^2 + \sigma^2 - 1 - \log\sigma^2)$.
 * Örnek: μ = 0,5, σ = 0,5 (σ² = 0,25):
 *   KL = ½ (0,25 + 0,25 - 1 - ln 0,25) = ½ (-0,5 + 1,3863) = 0,4431 nat.
 * Aynı sayıyı bir de tanımından, z'yi q'dan çekip log q - log p ortalamasıyla (Monte
 * Carlo) tahmin ediyoruz: iki yol uyuşmalı. J boyutlu köşegen bir Gauss'ta KL
 * boyutların toplamıdır. KL yalnızca μ = 0, σ = 1 iken sıfırdır: o zaman kod
 * girişten hiçbir bilgi taşımaz.
 */
static double step2_kl(const LessonArgs *a, double *mc_out) {
    step_banner(2, NSTEPS, "KL ıraksaması: formülü türet, bir sayıyla sına");
    float mu = 0.5f, lv = logf(0.25f);
    double kl = gauss_kl_forward(NULL, &mu, &lv, 1, 1);
    printf("μ = 0.5, σ² = 0.25:  KL = ½(μ² + σ² - 1 - ln σ²)\n"
           "                        = ½(0.25 + 0.25 - 1 + %.4f) = %.4f nat\n",
           -log(0.25), kl);
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 2);
    int N = a->quick ? 20000 : 200000;
    double s = 0, s2 = 0;
    for (int i = 0; i < N; i++) {
        double e = rng_normal(&r), z = 0.5 + 0.5 * e;
        double v = (-0.5 * e * e - log(0.5)) - (-0.5 * z * z); /* log q - log p (2π'ler sadeleşir) */
        s += v, s2 += v * v;
    }
    double mc = s / N, se = sqrt((s2 / N - mc * mc) / N);
    printf("Monte Carlo, %d örnek: E_q[log q - log p] = %.4f ± %.4f (standart hata)\n", N, mc,
           se);
    printf("Fark %.4f: kapalı biçim, tanımdan tahminle %s.\n", fabs(mc - kl),
           fabs(mc - kl) < 4 * se ? "uyuşuyor" : "UYUŞMUYOR");
    /* Çizim: σ'nın üç değeri için μ'ye karşı KL */
    int n = 61;
    float xs[61], k1[61], k2[61], k3[61];
    for (int i = 0; i < n; i++) {
        float m = -3.0f + 0.1f * i, l1 = logf(0.25f), l2 = 0.0f, l3 = logf(4.0f);
        xs[i] = m;
        k1[i] = (float)gauss_kl_forward(NULL, &m, &l1, 1, 1);
        k2[i] = (float)gauss_kl_forward(NULL, &m, &l2, 1, 1);
        k3[i] = (float)gauss_kl_forward(NULL, &m, &l3, 1, 1);
    }
    /* Şekil kl_egrisi: KL yalnızca μ = 0 ve σ = 1'de 0 olur: μ sıfırdan uzaklaştıkça ya da σ 1'den
     * saptıkça büyüdüğüne bakın; VAE'nin KL terimi kodları N(0, 1)'e bu yüzden çeker. */
    plot_lines(LESSON, "kl_egrisi", "KL(N(μ,σ²) || N(0,1))", "μ", "KL (nat)", n, xs, 3,
               (const float *const[]){k1, k2, k3},
               (const char *const[]){"σ = 0,5", "σ = 1", "σ = 2"}, 0, a->ascii);
    printf("Grafik: %s/kl_egrisi.png (en küçük değer μ = 0, σ = 1'de: 0)\n", PLOT_DIR);
    *mc_out = mc;
    return kl;
}

/* ---------------------------------------------------------------------------
 * Adım 3: Yeniden parametreleme hilesi
 *
 * Kayıp, z ~ q(z|x) örneğine bağlı bir beklentidir: E_q[-log p(x|z)]. "Örnek çek"
 * işleminin μ'ye göre türevi yoktur; gradyan oradan geçemez. Hile: rastgeleliği
 * parametrelerden ayırmak.  ε ~ N(0, 1) çek, sonra z = μ + σ ε hesapla. z artık μ ve
 * σ'nın sıradan bir fonksiyonudur:  $z = \mu + \sigma\varepsilon$,  $\partial z/\partial\mu = 1$,
 *   $\partial z/\partial(\log\sigma^2) = \tfrac12\sigma\varepsilon$.
 * Kâğıt üstünde: f(z) = z², z ~ N(μ, 1), μ = 1. Gerçek türev d/dμ E[z²] = d/dμ (μ² + 1) = 2μ = 2.
 *   yeniden parametreleme tahmini:  f'(z) · ∂z/∂μ = 2(μ + ε)          (varyans 4)
 *   skor fonksiyonu (REINFORCE):    f(z) · ∂ log q(z)/∂μ = z² (z - μ)  (yalnızca f'nin
 *   değerini kullanır, türevini değil; varyansı çok daha büyüktür)
 * İkisi de yansız (unbiased); aynı örnek sayısıyla yeniden parametreleme çok daha az
 * titrer. Sonra aynı hileyi bütün VAE'de sınıyoruz: ε SABİT tutulunca kayıp
 * parametrelerin belirlenimci (deterministic) bir fonksiyonudur ve sonlu farklarla
 * türevlenebilir; log σ² katmanının gradyanı da örnekleme adımından geçerek gelir.
 */
typedef struct {
    Vae *m;
    float *x;
    int B;
} GcCtx;
static double gc_loss(void *p) {
    GcCtx *c = p;
    return vae_forward(c->m, c->x, c->B, c->m->eps); /* m->eps sabit */
}

static double step3_reparam(Data *d, const LessonArgs *a, double *sd_rp, double *sd_sf,
                            double *fc22_rel) {
    step_banner(3, NSTEPS, "Yeniden parametreleme: z = μ + σ ε, gradyan örneklemeden geçer");
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 3);
    int N = 10000;
    double s1 = 0, q1 = 0, s2 = 0, q2 = 0, mu = 1.0;
    for (int i = 1; i <= N; i++) {
        double e = rng_normal(&r), z = mu + e;
        double g1 = 2.0 * z, g2 = z * z * (z - mu);
        s1 += g1, q1 += g1 * g1, s2 += g2, q2 += g2 * g2;
    }
    *sd_rp = sqrt(q1 / N - (s1 / N) * (s1 / N));
    *sd_sf = sqrt(q2 / N - (s2 / N) * (s2 / N));
    /* Çizim: n örneğin ortalaması olan tahmin, 200 kez tekrarlanınca ne kadar saçılıyor? */
    Plot p;
    /* Şekil tahminci: İki eksen log ölçekli: n örnekli iki gradyan tahmininin saçılımı n büyüdükçe
     * azalır; yeniden parametreleme tahmininin her n'de skor fonksiyonununkinden aşağıda kaldığına
     * bakın. */
    FILE *f = plot_begin(&p, LESSON, "tahminci");
    fprintf(f, "# n  std(yeniden_param_tahmini)  std(skor_fonk_tahmini)   (200 tekrar)\n");
    for (int n = 1; n <= 1024; n *= 2) {
        double a1 = 0, b1 = 0, a2 = 0, b2 = 0;
        for (int rep = 0; rep < 200; rep++) {
            double m1 = 0, m2 = 0;
            for (int i = 0; i < n; i++) {
                double e = rng_normal(&r), z = mu + e;
                m1 += 2.0 * z / n, m2 += z * z * (z - mu) / n;
            }
            a1 += m1, b1 += m1 * m1, a2 += m2, b2 += m2 * m2;
        }
        fprintf(f, "%d %g %g\n", n, sqrt(fmax(b1 / 200 - a1 * a1 / 40000, 0)),
                sqrt(fmax(b2 / 200 - a2 * a2 / 40000, 0)));
    }
    plot_finish(&p, "set title 'd/dμ E[z²] tahmininin saçılımı (gerçek değer 2)'\n"
                    "set xlabel 'tahmindeki örnek sayısı n'\nset ylabel 'tahminin std sapması'\n"
                    "set logscale xy\nset key top right\n"
                    "plot 'tahminci.dat' u 1:2 w lp lw 2 t 'yeniden parametreleme', "
                    "'' u 1:3 w lp lw 2 t 'skor fonksiyonu'\n");
    plot_render(&p, a->ascii);
    printf("f(z) = z², μ = 1, %d örnek (gerçek türev 2):\n", N);
    printf("  yeniden parametreleme  ortalama %.3f, tek örneğin std'si %.2f\n", s1 / N, *sd_rp);
    printf("  skor fonksiyonu        ortalama %.3f, tek örneğin std'si %.2f\n", s2 / N, *sd_sf);
    printf("Aynı saçılıma inmek için skor fonksiyonu (%.1f)² ≈ %.0f kat örnek ister.\n",
           *sd_sf / *sd_rp, (*sd_sf / *sd_rp) * (*sd_sf / *sd_rp));
    printf("Grafik: %s/tahminci.png\n", PLOT_DIR);

    /* Bütün VAE: sabit ε, 8 görüntü, her parametre tensöründen eşit aralıklı elemanlar */
    Vae m;
    int B = 8;
    vae_build(&m, D, HID, J20, 1, B);
    vae_init_torch(&m, (uint64_t)a->seed);
    float *x = xmalloc((size_t)B * D * sizeof(float));
    batch_fill(x, NULL, &d->m.train, d->tr_idx, B, NMINMAX);
    for (int i = 0; i < B * J20; i++) m.eps[i] = rng_normal(&r);
    GcCtx c = {&m, x, B};
    gc_loss(&c);
    params_zero_grad(&m.P);
    vae_backward(&m, x, B);
    float *g = xmalloc(m.P.n * sizeof(float));
    memcpy(g, m.P.grads, m.P.n * sizeof(float));
    printf("\nBütün VAE, ε sabit, h = 1e-3 adımlı merkezi fark (tensör başına 12 eleman):\n");
    printf("  tensör          denenen  uyuşan  toplu göreli hata\n");
    double worst = 0;
    *fc22_rel = 1;
    for (int t = 0; t < m.P.count; t++) {
        const ParamTensor *pt = &m.P.t[t];
        size_t off = pt->off, n = pt->n;
        /* fc1.weight'in satırları piksellerdir; kenar pikselleri MNIST'te hep 0 olduğu için
         * onların ağırlıklarının gradyanı tam 0'dır ve sınanacak bir şey yoktur. Ortadaki
         * pikselin (14. satır, 14. sütun) satırını sınıyoruz. */
        if (strcmp(pt->name, "fc1.weight") == 0) off += (size_t)(14 * 28 + 14) * HID, n = HID;
        GradCheck gc = gradcheck(gc_loss, &c, m.P.params + off, g + off, n, 12, 1e-3, 5e-2, 1e-3);
        printf("  %-14s  %7zu  %6zu  %.2e\n", pt->name, gc.checked, gc.passed, gc.rel_norm);
        if (gc.rel_norm > worst) worst = gc.rel_norm;
        if (strcmp(pt->name, "fc22.weight") == 0) *fc22_rel = gc.rel_norm;
    }
    printf("En kötü toplu hata %.2e %s.\nfc22 (log σ²) satırı, gradyanın örnekleme "
           "adımından (∂z/∂ log σ² = ½ σ ε)\ndoğru geçtiğini gösterir.\n", worst,
           worst < 1e-2 ? "(< 1e-2: geri geçiş doğru)" : "(BEKLENENDEN BÜYÜK!)");
    free(g);
    free(x);
    vae_free(&m);
    return worst;
}

/* ---------------------------------------------------------------------------
 * Adım 4: Önce düz otokodlayıcı
 *
 * Aynı boyutta bir AE: 784-400-20-400-784. Kodlayıcı 20 sayılık bir kod z = μ(x) verir,
 * kod çözücü ondan 784 pikselin logit'lerini. Kayıp yalnızca yeniden yapılandırma:
 *   L_rec = Σ_d [ max(ℓ_d,0) - ℓ_d x_d + log(1 + e^{-|ℓ_d|}) ],  ℓ = logit
 * (ikili çapraz entropinin (binary cross-entropy), yani BCE'nin taşmayan yazımı; bkz.
 * nn/latent.h). Eğitimden sonra
 * iki şey deniyoruz: test rakamlarını yeniden yapılandırmak, ki bu iyi çalışır, ve kod uzayından
 * RASTGELE bir nokta (z ~ N(0, I)) çözmek. AE'ye kodların nerede durması gerektiği hiç
 * söylenmedi; eğitim kodları uzayın küçük, dağınık bir bölgesinde durur ve onların
 * dışındaki noktalar kod çözücü için anlamsızdır. Adil olmak için bir de kodlara
 * uydurulmuş bir Gauss'tan (her boyutun doğrulama görüntülerindeki ortalaması ve std'si)
 * örnekliyoruz.
 */
static void step4_ae(Vae *ae, Data *d, const LessonArgs *a, int epochs, Hist *h,
                     double *test_rec, float *code_mean, float *code_sd) {
    step_banner(4, NSTEPS, "Düz otokodlayıcı (AE): 784-400-20-400-784");
    vae_build(ae, D, HID, J20, 0, BATCH);
    vae_init_torch(ae, (uint64_t)a->seed + 4);
    char buf[128];
    params_describe(&ae->P, buf, sizeof buf);
    printf("Parametreler: %s\n", buf);
    train_vae(ae, d, epochs, (uint64_t)a->seed + 40, h, "AE ");
    double kl;
    eval_vae(ae, &d->m.test, NULL, d->ntest, 7, test_rec, &kl, NULL);
    printf("Test yeniden yapılandırma kaybı: %.2f nat/görüntü.\n", *test_rec);
    /* Şekil ae_kayip: Otokodlayıcının eğitim ve doğrulama kaybı: ilk epoch'tan sonra hızla inip
     * birlikte düzleştiklerine bakın. */
    plot_hist("ae_kayip", "AE: yeniden yapılandırma kaybı", h, 0, a->ascii);
    /* Şekil ae_yeniden: Üst satır test rakamları, alt satır otokodlayıcının onlardan yeniden
     * yaptığı görüntüler: biçimin korunduğuna, ince ayrıntıların bulanıklaştığına bakın. */
    save_recon(ae, d, PLOT_DIR "/ae_yeniden.png");
    /* kodların istatistiği (doğrulama görüntülerinden) */
    double s[J20] = {0}, q[J20] = {0};
    float x[BATCH * D];
    int n = 0;
    for (int s0 = 0; s0 < d->nva; s0 += BATCH) {
        int B = d->nva - s0 < BATCH ? d->nva - s0 : BATCH;
        batch_fill(x, NULL, &d->m.train, d->va_idx + s0, B, NMINMAX);
        vae_encode(ae, x, B);
        for (int i = 0; i < B * J20; i++) s[i % J20] += ae->mu[i], q[i % J20] += ae->mu[i] * ae->mu[i];
        n += B;
    }
    double msd = 0, mabs = 0;
    for (int j = 0; j < J20; j++) {
        code_mean[j] = (float)(s[j] / n);
        code_sd[j] = (float)sqrt(fmax(q[j] / n - code_mean[j] * code_mean[j], 1e-12));
        msd += code_sd[j] / J20;
        mabs += fabs(code_mean[j]) / J20;
    }
    printf("AE kodları: boyut başına ortalama |ortalama| %.2f, ortalama std %.2f;\n"
           "N(0, I)'nın ortalaması 0, std'si 1. AE'ye kodlarını nereye koyacağını kimse\n"
           "söylemedi: N(0, I)'dan çekilen kodlar eğitim kodlarının durduğu yerlere pek\n"
           "denk gelmez (adım 6 bunu ölçer).\n", mabs, msd);
    /* Şekil ae_ornekler: Otokodlayıcının çözücüsüne N(0, I)'den çekilen rastgele kodlar verildi:
     * görüntülerin çoğunun rakama benzemediğine bakın, çünkü otokodlayıcının kodları bu dağılıma
     * uymak zorunda değildir. */
    save_prior_grid(ae, (uint64_t)a->seed + 44, PLOT_DIR "/ae_ornekler.png");
    printf("Resimler: %s/ae_yeniden.png (üst: test, alt: AE),\n"
           "%s/ae_ornekler.png (N(0, I) kodlarından çözülen 64 görüntü),\n"
           "%s/ae_kayip.png\n", PLOT_DIR, PLOT_DIR, PLOT_DIR);
}

/* ---------------------------------------------------------------------------
 * Adım 5: VAE (gizil boyut 20)
 *
 * Kodlayıcı iki kol verir: μ = h W21 + b21 ve log σ² = h W22 + b22 (log σ² çıktısı
 * her gerçek sayı olabilir; σ² = e^{log σ²} hep pozitif kalır). Her görüntü için
 * z = μ + σ ε örneklenir, kod çözücü z'den pikselleri kurar. Kayıp:
 *   $L = L_{rec} + \sum_j \tfrac12(\mu_j^2 + \sigma_j^2 - 1 - \log\sigma_j^2)$
 * KL terimi iki iş görür: kodları önselin bulunduğu yere (0 çevresine, birim ölçeğe)
 * çeker, ve σ'yı sıfıra çökmekten alıkoyar: her kod bir nokta değil bir bulut olur,
 * kod çözücü bulutun her yerinden makul bir rakam çizmeyi öğrenir. Böylece N(0, I)'dan
 * çekilen bir kod da bir rakama çözülür. Kayıp -ELBO'dur, yani -log p(x)'in bir üst
 * sınırı; nat/görüntü cinsinden, pytorch/examples ile aynı ölçüdür.
 *
 * Sonsal çöküşü (posterior collapse) olursa KL → 0 olur: kodlayıcı her görüntüye N(0, I) der,
 * kod çözücü kodu dinlemez. Boyut başına KL'ye bakarak hangi boyutların kullanıldığını
 * (etkin birimler, active units: ortalama KL > 0,01 nat) sayıyoruz.
 */
static void step5_vae(Vae *m, Data *d, const LessonArgs *a, int epochs, Hist *h, double *trec,
                      double *tkl, int *active, float *kl_min) {
    step_banner(5, NSTEPS, "VAE: 784-400-(μ, log σ²: 20)-400-784, kayıp = yeniden + KL");
    vae_build(m, D, HID, J20, 1, BATCH);
    vae_init_torch(m, (uint64_t)a->seed + 5);
    char buf[128];
    params_describe(&m->P, buf, sizeof buf);
    printf("Parametreler: %s\n(AE'den fazlası log σ² kolu: 400·20 + 20)\n", buf);
    train_vae(m, d, epochs, (uint64_t)a->seed + 50, h, "VAE");
    double kd[J20];
    eval_vae(m, &d->m.test, NULL, d->ntest, 7, trec, tkl, kd);
    *kl_min = 1e30f;
    for (int e = 0; e < h->n; e++) *kl_min = fminf(*kl_min, h->kl[e]);
    *active = 0;
    float kdf[J20], jj[J20];
    for (int j = 0; j < J20; j++) {
        kdf[j] = (float)kd[j];
        jj[j] = (float)j;
        *active += kd[j] > 0.01;
    }
    printf("Test: -ELBO = %.2f nat/görüntü = yeniden %.2f + KL %.2f\n", *trec + *tkl, *trec, *tkl);
    printf("(pytorch/examples aynı ayarlarla 10 epoch'ta 105.6-106.7 bildiriyor).\n");
    printf("Boyut başına test KL'si (nat):");
    for (int j = 0; j < J20; j++) printf("%s%.2f", j % 10 == 0 ? "\n   " : " ", kd[j]);
    printf("\nEtkin boyut (KL > 0.01): %d/%d. Eğitimde en küçük KL %.2f nat: ", *active, J20,
           *kl_min);
    printf("%s\n", *kl_min > 1.0f ? "KL çökmedi." : "KL ÇÖKTÜ!");
    /* Şekil vae_kayip, vae2_kayip: Sol eksende yeniden yapılandırma kaybı, sağ eksende KL: yeniden
     * yapılandırma inerken KL'nin nasıl değiştiğine bakın; model kodlara bilgi koydukça kodlar
     * önselden uzaklaşır. */
    plot_hist("vae_kayip", "VAE (J = 20): yeniden yapılandırma ve KL", h, 1, a->ascii);
    /* Şekil kl_boyut: Her gizil boyutun test kümesindeki ortalama KL'si: KL'si 0'a yakın bir boyutu
     * model kullanmıyordur; boyutların ne kadar eşit kullanıldığına bakın. */
    plot_lines(LESSON, "kl_boyut", "Her gizil boyutun test KL değeri", "gizil boyut j", "KL (nat)", J20, jj,
               1, (const float *const[]){kdf}, (const char *const[]){"KL_j"}, 0, a->ascii);
    /* Şekil vae_yeniden: Üst satır test rakamları, alt satır VAE'nin yeniden yaptıkları:
     * otokodlayıcınınkilerle karşılaştırın, KL terimi yüzünden biraz daha bulanık olabilirler. */
    save_recon(m, d, PLOT_DIR "/vae_yeniden.png");
    /* Şekil vae_ornekler: VAE'nin çözücüsüne önselden, N(0, I)'den, çekilen 64 kod verildi:
     * otokodlayıcının rastgele örnekleriyle karşılaştırın, buradakilerin ne kadarının rakama
     * benzediğine bakın. */
    save_prior_grid(m, (uint64_t)a->seed + 55, PLOT_DIR "/vae_ornekler.png");
    printf("Resimler: %s/vae_yeniden.png,\n%s/vae_ornekler.png (önselden 64 örnek),\n"
           "%s/vae_kayip.png, %s/kl_boyut.png\n", PLOT_DIR, PLOT_DIR, PLOT_DIR, PLOT_DIR);
}

/* ---------------------------------------------------------------------------
 * Adım 6: Ölçmek — bir rakam okuyucusu örneklere ne diyor?
 *
 * "Örnekler rakama benziyor" demek bir yargıdır; onu sayıya çeviriyoruz. Yargıç, lesson04'teki
 * evrişimli ağın (CNN; models_mnist_cnn: conv32-pool-conv64-pool-128-10) bir eşidir: her örneğe
 * on olasılık verir; en büyüğü 0,9'u geçiyorsa örneği "güvenle okunan" sayarız. Ağı bu derste,
 * aynı eğitim verisiyle kısaca eğitiyoruz: böylece ders kendi başına çalışır ve sonuç
 * lesson04'ü çalıştırıp çalıştırmadığınıza bağlı olmaz (lesson04'ün 15 epoch'luk
 * modelinden biraz daha zayıf bir okuyucudur). Karşılaştırma için gerçek test
 * rakamlarının payını da ölçüyoruz: bu, ölçünün tavanıdır.
 * Sınıflandırıcılar anlamsız girdilere de bazen emin cevap verir; bu yüzden payın
 * yanında okunan sınıfların dağılımına da bakıyoruz: iyi bir üretici on rakamın
 * hepsini üretir.
 */
/* Judge, judge_cnn_train, judge_images: common/lesson/judge.h (lesson14 ve lesson15 de
 * kullanır). */

static void step6_judge(Vae *ae, Vae *vae, Data *d, const LessonArgs *a, const float *cm,
                        const float *csd, Judge *jr, Judge *jae, Judge *jfit, Judge *jvae,
                        float *cnn_acc) {
    step_banner(6, NSTEPS, "Ölç: bir rakam okuyucusu (CNN) önsel örneklerini okuyor");
    Net cnn;
    int cnn_epochs = a->quick ? 1 : 2;
    double t0 = now_sec();
    judge_cnn_train(&cnn, &d->m.train, d->tr_idx, d->ntr, cnn_epochs, (uint64_t)a->seed + 6, BATCH);
    float loss;
    evaluate(&cnn, &d->m.test, NULL, d->ntest, NMINMAX, LOSS_SOFTMAX_XENT, &loss, cnn_acc, NULL,
             NULL);
    printf("Yargıç CNN (lesson04'ün mimarisi, burada eğitildi): %d epoch (%.0f s),\n"
           "test doğruluğu (accuracy) %%%.2f.\n", cnn_epochs, now_sec() - t0, 100.0 * *cnn_acc);
    int n = a->quick ? 300 : NJUDGE;
    float *img = xmalloc((size_t)n * D * sizeof(float)), *z = xmalloc((size_t)n * J20 * sizeof(float));
    /* gerçek test rakamları */
    int *ii = xmalloc((size_t)n * sizeof(int));
    for (int i = 0; i < n; i++) ii[i] = i % d->ntest;
    batch_fill(img, NULL, &d->m.test, ii, n, NMINMAX);
    judge_images(&cnn, img, n, jr);
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 66);
    for (int i = 0; i < n * J20; i++) z[i] = rng_normal(&r);
    vae_decode_images(ae, z, n, img);
    judge_images(&cnn, img, n, jae);
    for (int i = 0; i < n * J20; i++) z[i] = cm[i % J20] + csd[i % J20] * rng_normal(&r);
    vae_decode_images(ae, z, n, img);
    judge_images(&cnn, img, n, jfit);
    for (int i = 0; i < n * J20; i++) z[i] = rng_normal(&r);
    vae_decode_images(vae, z, n, img);
    judge_images(&cnn, img, n, jvae);
    judge_print_header(n, 24);
    judge_print_row("gerçek test rakamları", jr, 24);
    judge_print_row("AE, z ~ N(0, I)", jae, 24);
    judge_print_row("AE, kodlara uyan Gauss", jfit, 24);
    judge_print_row("VAE, z ~ N(0, I)", jvae, 24);
    if (jr->share < 0.8)
        printf("Yargıç kısa eğitildi%s: gerçek rakamların bile yalnızca %%%.1f'%s güvenle\n"
               "okunuyor; bu koşunun payları üreticileri karşılaştırmaya yetmez.\n",
               a->quick ? " (--quick)" : "", 100.0 * jr->share,
               tr_ek_f(100.0 * jr->share, 1, EK_IYELIK));
    Plot p;
    /* Şekil yargic: CNN'in her kaynağın görüntülerini hangi rakam olarak okuduğunun payları: gerçek
     * test rakamlarında paylar yaklaşık eşittir; üreticilerin çubuklarının bundan ne kadar
     * saptığına, hangi rakamları fazla ya da az ürettiklerine bakın. */
    FILE *f = plot_begin(&p, LESSON, "yargic");
    fprintf(f, "# sınıf gerçek AE_N01 AE_uyan VAE  (tahmin edilen sınıfın payı)\n");
    for (int c = 0; c < 10; c++)
        fprintf(f, "%d %g %g %g %g\n", c, (double)jr->hist[c] / n, (double)jae->hist[c] / n,
                (double)jfit->hist[c] / n, (double)jvae->hist[c] / n);
    plot_finish(&p, "set title 'CNN hangi rakamı okuyor? (sınıf payları)'\n"
                    "set style data histograms\nset style fill solid 0.8 border -1\n"
                    "set xlabel 'okunan rakam'\nset ylabel 'pay'\nset key top left\n"
                    "plot 'yargic.dat' u 2:xtic(1) t 'gerçek', '' u 3 t 'AE, N(0,I)', "
                    "'' u 4 t 'AE, uyan Gauss', '' u 5 t 'VAE, N(0,I)'\n");
    plot_render(&p, a->ascii);
    printf("Grafik: %s/yargic.png\n", PLOT_DIR);
    printf("Okuma: AE'nin N(0, I) kodlarında güvenle okunan pay %%%.1f.\n", 100.0 * jae->share);
    if (jfit->share > jae->share + 0.05)
        printf("Kodlarına uydurulmuş bir Gauss ile pay %%%.1f oluyor: AE'nin asıl eksiği\n"
               "kodlarının nerede durduğunu bilmemek.\n", 100.0 * jfit->share);
    else
        printf("Kodlarına uydurulmuş bir Gauss da yardım etmiyor (%%%.1f).\n", 100.0 * jfit->share);
    if (jvae->share > jfit->share)
        printf("VAE önde (%%%.1f, %d/10 sınıf ≥ %%5): KL terimi kodları eğitim sırasında\n"
               "önselin olduğu yere koyar; sonradan bir dağılım uydurmak gerekmez.\n",
               100.0 * jvae->share, jvae->classes5);
    else
        printf("Bu koşuda VAE (%%%.1f) uydurulmuş Gauss'un önüne geçemedi.\n", 100.0 * jvae->share);
    printf("Gerçek rakamlarda pay %%%.1f: VAE örneklerinin bir kısmı bulanık ya da iki rakam\n"
           "arası (vae_ornekler.png); ölçü bu farkı da gösteriyor.\n", 100.0 * jr->share);
    free(ii);
    free(img);
    free(z);
    net_free(&cnn);
}

/* ---------------------------------------------------------------------------
 * Adım 7: İki boyutlu gizil uzay — resimler
 *
 * Aynı VAE'yi J = 2 ile eğitiyoruz: her rakam düzlemde bir nokta (μ) olur ve uzayın
 * tamamını görebiliriz. Üç resim:
 *  - test kodları, rakama göre renkli: KL her sınıfı 0 çevresinde toplar; birbirine
 *    benzeyen rakamlar komşu düşer (çıktıda her rakamın sınıf merkezine en yakın
 *    rakam yazılır).
 *  - manifold: Kingma ve Welling (2014) gibi, birim karede eşit aralıklı 20x20 nokta
 *    (u, v) ∈ (0,05 … 0,95) alınır ve ters normal CDF ile z = (Φ⁻¹(u), Φ⁻¹(v))'ye
 *    çevrilir. Böylece ızgaranın her hücresi önselin eşit olasılıklı bir parçasıdır;
 *    düz bir [-3,3] ızgarası kenarlarda hiç kod olmayan bölgeleri de çizerdi.
 *  - ara değerleme: iki test rakamının μ'leri arasında düz bir çizgi
 *    üzerindeki 10 kod. Üst satır J = 20'li model, alt satır J = 2.
 * İki boyut çok dardır: yeniden yapılandırma kötüleşir, -ELBO büyür.
 */
static void step7_latent2(Vae *m2, Vae *m20, Data *d, const LessonArgs *a, int epochs, Hist *h,
                          double *trec, double *tkl) {
    step_banner(7, NSTEPS, "İki boyutlu gizil uzay: kodlar, manifold, ara değerleme");
    vae_build(m2, D, HID, 2, 1, BATCH);
    vae_init_torch(m2, (uint64_t)a->seed + 7);
    train_vae(m2, d, epochs, (uint64_t)a->seed + 70, h, "2-B");
    eval_vae(m2, &d->m.test, NULL, d->ntest, 7, trec, tkl, NULL);
    printf("Test: -ELBO = %.2f nat/görüntü = yeniden %.2f + KL %.2f\n", *trec + *tkl, *trec, *tkl);
    plot_hist("vae2_kayip", "VAE (J = 2): yeniden yapılandırma ve KL", h, 1, a->ascii);
    /* test kodları */
    Plot p;
    /* Şekil gizil2: J = 2 VAE'nin test rakamlarına verdiği kodlar, rakama göre renkli: aynı
     * rakamların kümelendiğine ve bazı kümelerin üst üste bindiğine bakın. */
    FILE *f = plot_begin(&p, LESSON, "gizil2");
    fprintf(f, "# mu1 mu2 etiket\n");
    int n = d->ntest < 5000 ? d->ntest : 5000;
    float x[BATCH * D];
    int y[BATCH], ii[BATCH], cnt[10] = {0};
    double cen[10][2] = {{0}};
    for (int s0 = 0; s0 < n; s0 += BATCH) {
        int B = n - s0 < BATCH ? n - s0 : BATCH;
        for (int b = 0; b < B; b++) ii[b] = s0 + b;
        batch_fill(x, y, &d->m.test, ii, B, NMINMAX);
        vae_encode(m2, x, B);
        for (int b = 0; b < B; b++) {
            fprintf(f, "%g %g %d\n", m2->mu[2 * b], m2->mu[2 * b + 1], y[b]);
            cen[y[b]][0] += m2->mu[2 * b], cen[y[b]][1] += m2->mu[2 * b + 1], cnt[y[b]]++;
        }
    }
    printf("Sınıf merkezine en yakın rakam:");
    for (int k = 0; k < 10; k++) cen[k][0] /= cnt[k] > 0 ? cnt[k] : 1, cen[k][1] /= cnt[k] > 0 ? cnt[k] : 1;
    for (int k = 0; k < 10; k++) {
        int best = -1;
        double bd = 1e30;
        for (int l = 0; l < 10; l++) {
            double dx = cen[k][0] - cen[l][0], dy = cen[k][1] - cen[l][1];
            if (l != k && cnt[l] > 0 && dx * dx + dy * dy < bd) bd = dx * dx + dy * dy, best = l;
        }
        printf(" %d→%d", k, best);
    }
    printf("\n");
    plot_finish_size(&p, "set title 'Test rakamlarının kodları (μ), rakama göre'\n"
                         "set xlabel 'z_1'\nset ylabel 'z_2'\nset size ratio -1\n"
                         "set key outside right\n"
                         "renk = '#1f77b4 #ff7f0e #2ca02c #d62728 #9467bd #8c564b #e377c2 "
                         "#7f7f7f #bcbd22 #17becf'\n"
                         "plot for [k=0:9] 'gizil2.dat' u ($3==k?$1:1/0):2 w p pt 7 ps 0.4 "
                         "lc rgb word(renk, k+1) t sprintf('%d', k)\n", 800, 700);
    plot_render(&p, a->ascii);
    /* manifold */
    float *z = xmalloc(400 * 2 * sizeof(float)), *img = xmalloc(400 * (size_t)D * sizeof(float));
    for (int i = 0; i < 20; i++)
        for (int j = 0; j < 20; j++) {
            z[(i * 20 + j) * 2 + 0] = (float)norm_ppf(0.05 + 0.9 * j / 19.0);
            z[(i * 20 + j) * 2 + 1] = (float)norm_ppf(0.95 - 0.9 * i / 19.0); /* yukarı z_2 büyür */
        }
    vae_decode_images(m2, z, 400, img);
    /* Şekil manifold: Gizil düzlemde eşit aralıklı 20x20 noktanın çözülmüş hâli: komşu görüntülerin
     * birbirine yavaşça dönüştüğüne ve düzlemin farklı bölgelerinde farklı rakamlar durduğuna
     * bakın. */
    save_grid(PLOT_DIR "/manifold.png", img, 400, 20, 20, 1);
    printf("Manifold: z_1 = Φ⁻¹(0.05) = %.3f … Φ⁻¹(0.95) = %.3f (20 adım, iki eksende).\n",
           norm_ppf(0.05), norm_ppf(0.95));
    /* ara değerleme: ilk test "1" ile ilk test "7"... en açık olsun diye ilk 0 ve ilk 6 */
    int ia = -1, ib = -1;
    for (int i = 0; i < d->ntest && (ia < 0 || ib < 0); i++) {
        if (ia < 0 && d->m.test.labels[i] == 0) ia = i;
        if (ib < 0 && d->m.test.labels[i] == 6) ib = i;
    }
    float two[2 * D], out[20 * D];
    int pair[2] = {ia, ib};
    batch_fill(two, NULL, &d->m.test, pair, 2, NMINMAX);
    Vae *ms[2] = {m20, m2};
    for (int r = 0; r < 2; r++) {
        Vae *mm = ms[r];
        int J = mm->J;
        vae_encode(mm, two, 2);
        float za[J20], zb[J20], zz[10 * J20];
        memcpy(za, mm->mu, J * sizeof(float));
        memcpy(zb, mm->mu + J, J * sizeof(float));
        for (int k = 0; k < 10; k++)
            for (int j = 0; j < J; j++) zz[k * J + j] = za[j] + (zb[j] - za[j]) * k / 9.0f;
        vae_decode_images(mm, zz, 10, out + (size_t)r * 10 * D);
    }
    /* Şekil ara_degerleme: Bir 0'ın kodundan bir 6'nın koduna düz bir çizgi boyunca ilerlerken
     * çözülen görüntüler, üstte J = 20, altta J = 2: aradaki adımların da rakama benzeyip
     * benzemediğine bakın. */
    save_grid(PLOT_DIR "/ara_degerleme.png", out, 20, 2, 10, 2);
    printf("Resimler: %s/gizil2.png, %s/manifold.png,\n%s/ara_degerleme.png "
           "(test #%d '0' → test #%d '6';\nüstte J = 20, altta J = 2), %s/vae2_kayip.png\n",
           PLOT_DIR, PLOT_DIR, PLOT_DIR, ia, ib, PLOT_DIR);
    free(z);
    free(img);
}

/* ---------------------------------------------------------------------------
 * Adım 8: Kaydet, geri yükle, yeniden ölç
 *
 * VAE genel model kaydıyla (model/ckpt.h) yazılır: tür "vae", yapılandırma D, H, J,
 * tensör tablosu, CRC-32; önce geçici bir dosyaya, sonra yeniden adlandırılarak.
 * Dosyadan yeni bir model kuruyoruz ve test kaybını aynı ε ile yeniden ölçüyoruz: aynı
 * sayı çıkmalı. Kaydedilen modelden örnek üretmek için: ./lesson13 --sample 64
 */
static double step8_save(Vae *m, Data *d, const LessonArgs *a, double want) {
    step_banner(8, NSTEPS, "Kaydet, geri yükle, aynı test kaybını yeniden ölç");
    char err[512], meta[128];
    snprintf(meta, sizeof meta, "lesson=lesson13 test_nelbo=%.3f", want);
    if (vae_save(m, model_path(a), meta, err, sizeof err) != 0) die("%s", err);
    Vae b;
    if (vae_load(&b, model_path(a), 1, BATCH, err, sizeof err) != 0) die("%s", err);
    double r, k;
    eval_vae(&b, &d->m.test, NULL, d->ntest, 7, &r, &k, NULL);
    printf("Kaydedildi ve geri yüklendi: %s\n", model_path(a));
    printf("Yüklenen modelin test -ELBO'su %.4f (kaydedilenin %.4f): %s.\n", r + k, want,
           fabs(r + k - want) < 1e-3 ? "aynı" : "FARKLI");
    printf("Bu modelden örnek: ./lesson13 --sample 64%s%s\n", a->model ? " --model " : "",
           a->model ? a->model : "");
    vae_free(&b);
    return r + k;
}

/* --sample N: kaydedilen VAE'den N örneklik PNG ızgara */
static int run_sample(const LessonArgs *a, int n) {
    char err[512];
    Vae m;
    if (vae_load(&m, model_path(a), 1, BATCH, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\nÖnce modeli eğitin: ./lesson13%s\n", err,
                a->quick ? " --quick" : "");
        return 1;
    }
    Rng r;
    rng_seed(&r, (uint64_t)a->seed);
    float *z = xmalloc((size_t)n * m.J * sizeof(float)), *img = xmalloc((size_t)n * D * sizeof(float));
    for (int i = 0; i < n * m.J; i++) z[i] = rng_normal(&r);
    vae_decode_images(&m, z, n, img);
    if (mkdir_p(PLOT_DIR) != 0) die("'%s' klasörü oluşturulamadı", PLOT_DIR);
    int cols = (int)ceil(sqrt((double)n)), rows = (n + cols - 1) / cols;
    const char *out = PLOT_DIR "/ornekler.png";
    int rc = image_write_grid_f(out, img, n, 1, 28, 28, rows, cols, 2, 2, err, sizeof err);
    if (rc != 0) fprintf(stderr, "hata: %s\n", err);
    else printf("%d örnek (J = %d, z ~ N(0, I), tohum %d) yazıldı: %s\n", n, m.J, a->seed, out);
    printf("SONUÇ: samples=%d J=%d written=%d\n", n, m.J, rc == 0);
    free(z);
    free(img);
    vae_free(&m);
    return rc == 0 ? 0 : 1;
}

static int run_quiz(const LessonArgs *a) {
    static char e1[256], e3[256], e5[256], e7[256];
    float mu = 0.5f, lv = logf(0.25f);
    double kl = gauss_kl_forward(NULL, &mu, &lv, 1, 1);
    snprintf(e1, sizeof e1, "½(μ² + σ² - 1 - ln σ²) = ½(0.25 + 0.25 - 1 + 1.3863) = %.4f.", kl);
    float z0 = 0.0f, x0 = 1.0f;
    double bce = bce_logits_sum_forward(NULL, &z0, &x0, 1, 1);
    snprintf(e3, sizeof e3, "Logit 0 → σ(0) = 0.5; -ln 0.5 = %.4f nat. Piksel ne olursa olsun "
                            "(x = 1 de 0 da) kayıp aynı: model hiçbir şey bilmiyor.", bce);
    double q95 = norm_ppf(0.95);
    snprintf(e5, sizeof e5, "Φ(1.645) = 0.95: standart normal dağılımın %%95'i 1.645'in altındadır "
                            "(hesaplanan %.4f).", q95);
    Vae v;
    vae_build(&v, D, HID, J20, 1, 1);
    double np = (double)v.P.n;
    vae_free(&v);
    snprintf(e7, sizeof e7, "(784·400+400) + 2·(400·20+20) + (20·400+400) + (400·784+784) = %.0f.",
             np);
    QuizQuestion qs[] = {
        {.q = "q = N(μ = 0.5, σ² = 0.25) ile N(0, 1) arasındaki KL kaç nattır? "
              "(4 ondalık)",
         .answer = kl, .tol = 5e-4, .explain = e1},
        {.q = "Yeniden parametreleme hilesi (z = μ + σ ε) neden gerekir?",
         .choices = {"Rastgeleliği ε'a taşıyıp z'yi μ ve σ'nın türevlenebilir bir fonksiyonu "
                     "yapmak, böylece gradyanın kodlayıcıya ulaşması için",
                     "Örneklemeyi hızlandırmak için",
                     "KL terimini sıfırlamak için", "σ'nın negatif olmasını önlemek için"},
         .correct = 0,
         .explain = "\"Örnek çek\" adımının türevi yoktur; z = μ + σ ε'da ise ∂z/∂μ = 1, "
                    "∂z/∂σ = ε. Rastgelelik artık parametrelere bağlı değildir."},
        {.q = "Kod çözücü bir piksel için logit 0 veriyor. Bu pikselin Bernoulli kaybı (BCE) "
              "kaç nattır? (4 ondalık)",
         .answer = bce, .tol = 5e-4, .explain = e3},
        {.q = "Eğitim boyunca KL terimi 0'a iniyor, yeniden yapılandırma kaybı ise yüksek "
              "kalıyorsa ne olmuştur?",
         .choices = {"Model mükemmel öğrenmiştir", "Öğrenme oranı (learning rate) çok küçüktür",
                     "Sonsal çöküşü (posterior collapse): kodlayıcı her görüntüye N(0, I) "
                     "diyor, kod girişten bilgi taşımıyor",
                     "Aşırı öğrenme (overfitting) vardır"},
         .correct = 2,
         .explain = "KL = 0 ancak μ = 0 ve σ = 1 iken olur: o zaman q(z|x) x'e bağlı değildir ve "
                    "kod çözücü yalnızca ortalama bir görüntü çizebilir."},
        {.q = "2-B manifold ızgarasında u = 0.95 olasılığına karşılık gelen z = Φ⁻¹(0.95) kaçtır? "
              "(3 ondalık)",
         .answer = q95, .tol = 2e-3, .explain = e5},
        {.q = "Düz bir otokodlayıcının kod çözücüsüne N(0, I)'dan çekilen kodlar verilince "
              "çoğunlukla anlamsız görüntüler çıkar. Neden?",
         .choices = {"Kod çözücü yeterince büyük değildir", "AE'nin kodları hep sıfırdır",
                     "Sigmoid çıkış katmanı yüzünden",
                     "AE'nin kayıp fonksiyonu kodların nerede durması gerektiğini söylemez; "
                     "eğitim kodları N(0, I)'nın kapsamadığı dağınık bir bölgededir"},
         .correct = 3,
         .explain = "VAE'deki KL terimi kodları önselin bulunduğu yere çeker; AE'de böyle bir "
                    "terim yoktur (adım 4'te kodların ortalama ve std'sine bakın)."},
        {.q = "784-400-(μ, log σ²: 20)-400-784 VAE'sinin toplam parametre sayısı kaçtır?",
         .answer = np, .tol = 0.5, .explain = e7},
        {.q = "Kayıp L = yeniden + KL, log p(x) ile nasıl ilişkilidir?",
         .choices = {"L = -log p(x), tam olarak", "L ≥ -log p(x): L, -log p(x)'in üst sınırıdır "
                     "(ELBO alt sınırının eksisi)", "L ≤ -log p(x)", "İlişkisi yoktur"},
         .correct = 1,
         .explain = "log p(x) = ELBO + KL(q(z|x) || p(z|x)) ve bu son KL ≥ 0; yani "
                    "-ELBO ≥ -log p(x). Fark, q'nun gerçek sonsala ne kadar uzak olduğudur."},
    };
    (void)a;
    return quiz_run(LESSON, qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

int main(int argc, char **argv) {
    long nsample = 0; /* --sample N: ortak bayraklardan önce ayıklanır */
    cli_take_long(&argc, argv, "--sample", 1, 400, &nsample);
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = LESSON, .title = "Varyasyonel otokodlayıcı (VAE)",
                         .default_epochs = 10, .extras = CLI_MODEL,
                         .epochs_help = "AE, VAE ve 2-B VAE'nin epoch sayısı",
                         .extra_help = "  --sample N       kaydedilen VAE'den N örnek (1..400) çiz:\n"
                                       "                   plots/lesson13/ornekler.png\n"});
    if (a.quiz) return run_quiz(&a);
    if (nsample) return run_sample(&a, (int)nsample);
    char err[512];
    if (mkdir_p(MODEL_DIR) != 0) die("'%s' klasörü oluşturulamadı", MODEL_DIR);
    if (model_path_check_writable(model_path(&a), err, sizeof err) != 0) die("%s", err);
    if (mkdir_p(PLOT_DIR) != 0) die("'%s' klasörü oluşturulamadı", PLOT_DIR);
    int epochs = a.quick && !a.epochs_given ? 2 : a.epochs;

    Data d;
    Vae ae, vae, v2;
    Hist hae, hv, h2;
    Judge jr, jae, jfit, jvae;
    double sd_rp, sd_sf, fc22, ae_rec, rec, kl, rec2, kl2, mc;
    float cm[J20], csd[J20], kl_min, cnn_acc;
    int active;
    step1_load(&d, &a);
    double kl_paper = step2_kl(&a, &mc);
    double gc = step3_reparam(&d, &a, &sd_rp, &sd_sf, &fc22);
    step4_ae(&ae, &d, &a, epochs, &hae, &ae_rec, cm, csd);
    step5_vae(&vae, &d, &a, epochs, &hv, &rec, &kl, &active, &kl_min);
    step6_judge(&ae, &vae, &d, &a, cm, csd, &jr, &jae, &jfit, &jvae, &cnn_acc);
    step7_latent2(&v2, &vae, &d, &a, epochs, &h2, &rec2, &kl2);
    double reload = step8_save(&vae, &d, &a, rec + kl);

    double es[MAXE];
    for (int e = 0; e < hv.n; e++) es[e] = hv.sec[e];
    double med = median_d(es, hv.n);
    float kl2_min = 1e30f;
    for (int e = 0; e < h2.n; e++) kl2_min = fminf(kl2_min, h2.kl[e]);
    printf("\nÖzet: VAE (J = 20) test -ELBO %.2f nat (yeniden %.2f + KL %.2f),\n"
           "J = 2: %.2f; AE'nin yeniden yapılandırması %.2f nat.\n"
           "Önselden örneklerin güvenle okunan payı: AE %%%.1f, VAE %%%.1f (gerçek %%%.1f).\n"
           "VAE epoch'u medyan %.2f s (%d iş parçacığı).\n",
           rec + kl, rec, kl, rec2 + kl2, ae_rec, 100 * jae.share, 100 * jvae.share,
           100 * jr.share, med, a.threads);
    printf("SONUÇ: nelbo20=%.3f rec20=%.3f kl20=%.3f kl20_min=%.3f active20=%d nelbo2=%.3f "
           "kl2=%.3f kl2_min=%.3f ae_rec=%.3f conf_ae=%.3f conf_ae_fit=%.3f conf_vae=%.3f "
           "conf_real=%.3f classes_vae=%d cnn_acc=%.4f kl_paper=%.4f kl_mc=%.4f "
           "gradcheck=%.2e fc22_rel=%.2e sd_rp=%.3f sd_sf=%.3f reload=%.3f epochs=%d "
           "epoch_s=%.3f threads=%d\n",
           rec + kl, rec, kl, kl_min, active, rec2 + kl2, kl2, kl2_min, ae_rec, jae.share,
           jfit.share, jvae.share, jr.share, jvae.classes5, cnn_acc, kl_paper, mc, gc, fc22,
           sd_rp, sd_sf, reload, epochs, med, a.threads);
    vae_free(&ae);
    vae_free(&vae);
    vae_free(&v2);
    mnist_split_free(&d);
    return 0;
}
