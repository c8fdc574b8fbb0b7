/*
 * lesson14 — Üretken çekişmeli ağ (GAN) ve mod çökmesi (mode collapse)
 *
 * Bu derste öğrenecekleriniz:
 *   - Üretken çekişmeli ağın (generative adversarial network, GAN) iki oyuncusu:
 *     gürültüden nokta üreten üretici (generator, G) ve
 *     noktanın gerçek mi üretilmiş mi olduğunu söyleyen ayırt edici (discriminator, D);
 *     ikisinin kayıpları (loss) ve sırayla birer adım atan eğitim döngüsü.
 *   - Mod çökmesi (mode collapse): verinin bazı kümelerini (modlarını) hiç üretmeyen,
 *     yine de D'yi kandıran bir G. Mod çökmesi literatürünün iki standart 2-B verisiyle
 *     (8 Gauss'luk halka, 25 Gauss'luk ızgara) ve onların ölçütüyle ölçülür.
 *   - Paketleme (packing, PacGAN): D'ye tek nokta yerine m noktalık bir paket göstermek.
 *     Neden işe yaradığını toplam değişim uzaklığıyla (total variation) sayılarla türetip
 *     aynı kodla uygulamak; 5 tohumun (seed) ortalamasını yayımlanmış sonuçlarla karşılaştırmak.
 *
 * Çalıştırma:  make lesson14 && ./lesson14      (tam eğitim, birkaç dakika)
 *              ./lesson14 --quick                (kısa koşu, testlerin kullandığı)
 *              ./lesson14 --sample 2000          (kayıtlı üreticiden 2000 nokta çizer)
 *              ./lesson14 --quiz                 (kendini sına)
 * Yeni çekirdek: LeakyReLU (common/nn/act_extra.c); yoğun katman (dense) common/nn/dense.c;
 * parametreler model/params, kayıt model/ckpt.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"
#include "nn/act_extra.h"
#ifdef _OPENMP
#include <omp.h>
#endif

#define NSTEPS 5
#define NL 4          /* doğrusal katman sayısı: giriş -> H -> H -> H -> çıkış */
#define LEAK 0.2f     /* LeakyReLU eğimi */
#define ZDIM 2        /* gürültü z'nin boyutu */
#define NEVAL 2500    /* değerlendirme örneği sayısı (PacGAN/VEEGAN ile aynı) */
#define NSEEDS 5
#define EVAL_SEED 777 /* değerlendirme gürültüsünün tohumu: --sample aynı sayıları verir */
#define KIND "gan2d-uretici"

/* Bir koşunun yapılandırması; ../shared/bench/torch_models.py gan2d ile aynı boyutlar:
 * G: z(2)-H-H-H-2, D: 2-H-H-H-1, Adam β1 = 0.5, yığın (batch) 256, bir D + bir G adımı. */
typedef struct {
    int H, B, steps, pack;
    float lr;
} GanConf;

/* ======================================================================== */
/* Çok katmanlı algılayıcı (MLP): G ve D'nin ikisi de bu.                     */
/* ======================================================================== */
/* Şekiller: B yığın, dim[l] katman l'nin girişi; W[l] (dim[l], dim[l+1]).
 * Gizli katmanlarda z = x W + b, h = LeakyReLU(z); son katmanda yalnızca z. */
typedef struct {
    int dim[NL + 1];
    float *W[NL], *b[NL], *gW[NL], *gb[NL];
    Params P;                 /* ağırlıklar ve gradyanlar (gradient) tek blokta (model/params.h) */
    float *h[NL];             /* (maxB, dim[l+1]) katman çıkışları */
    float *tmp, *dz[2];       /* (maxB, en geniş katman) geri geçiş tamponları */
} Mlp;

static void mlp_build(Mlp *m, int in, int H, int out, int maxB) {
    static const char *wn[NL] = {"W1", "W2", "W3", "W4"}, *bn[NL] = {"b1", "b2", "b3", "b4"};
    m->dim[0] = in;
    for (int l = 1; l < NL; l++) m->dim[l] = H;
    m->dim[NL] = out;
    params_init(&m->P);
    for (int l = 0; l < NL; l++) {
        params_add(&m->P, wn[l], &m->W[l], &m->gW[l], (size_t)m->dim[l] * m->dim[l + 1]);
        params_add(&m->P, bn[l], &m->b[l], &m->gb[l], (size_t)m->dim[l + 1]);
    }
    params_alloc(&m->P);
    int md = in > H ? in : H;
    for (int l = 0; l < NL; l++) m->h[l] = xcalloc((size_t)maxB * m->dim[l + 1], sizeof(float));
    m->tmp = xcalloc((size_t)maxB * md, sizeof(float));
    m->dz[0] = xcalloc((size_t)maxB * md, sizeof(float));
    m->dz[1] = xcalloc((size_t)maxB * md, sizeof(float));
}

static void mlp_init(Mlp *m, Rng *rng) {
    for (int l = 0; l < NL; l++) dense_init_he(m->W[l], m->b[l], m->dim[l], m->dim[l + 1], rng);
}

static void mlp_free(Mlp *m) {
    params_free(&m->P);
    for (int l = 0; l < NL; l++) free(m->h[l]);
    free(m->tmp);
    free(m->dz[0]);
    free(m->dz[1]);
}

/* x (B, dim[0]) -> (B, dim[NL]) */
static const float *mlp_forward(Mlp *m, const float *x, int B) {
    const float *inp = x;
    for (int l = 0; l < NL; l++) {
        dense_forward(m->h[l], inp, m->W[l], m->b[l], B, m->dim[l], m->dim[l + 1]);
        if (l < NL - 1) leaky_relu_forward(m->h[l], m->h[l], (size_t)B * m->dim[l + 1], LEAK);
        inp = m->h[l];
    }
    return m->h[NL - 1];
}

/* dout (B, dim[NL]) -> ağırlık gradyanları (+=, param_grads != 0 ise) ve dx (B, dim[0]) (+=,
 * NULL olabilir). G adımında D'nin ağırlık gradyanı gerekmez: param_grads = 0. */
static void mlp_backward(Mlp *m, const float *x, const float *dout, float *dx, int B,
                         int param_grads) {
    const float *dcur = dout;
    for (int l = NL - 1; l >= 0; l--) {
        const float *inp = l ? m->h[l - 1] : x;
        int in = m->dim[l], out = m->dim[l + 1];
        float *dinp = (l || dx) ? m->tmp : NULL;
        if (dinp) memset(dinp, 0, (size_t)B * in * sizeof(float));
        dense_backward(dinp, param_grads ? m->gW[l] : NULL, param_grads ? m->gb[l] : NULL, dcur,
                       inp, m->W[l], B, in, out);
        if (l) { /* LeakyReLU'nun geri geçişi: dz = dh ⊙ f'(z) */
            float *dz = m->dz[l & 1];
            memset(dz, 0, (size_t)B * in * sizeof(float));
            leaky_relu_backward(dz, m->tmp, m->h[l - 1], (size_t)B * in, LEAK);
            dcur = dz;
        } else if (dx) {
            for (size_t i = 0; i < (size_t)B * in; i++) dx[i] += m->tmp[i];
        }
    }
}

/* Sonlu fark denetimi: küçük bir MLP'de L = Σ çıkış ⊙ R kaybının bütün parametrelere ve
 * girişe göre gradyanı (mlp_backward, dense ve LeakyReLU'yu birlikte sınar). */
typedef struct {
    Mlp *m;
    float *x, *R;
    int B;
} MlpGc;
static double mlp_gc_loss(void *p) {
    MlpGc *c = p;
    const float *o = mlp_forward(c->m, c->x, c->B);
    double L = 0;
    for (int i = 0; i < c->B * c->m->dim[NL]; i++) L += (double)o[i] * c->R[i];
    return L;
}
static double mlp_gradcheck(int seed) {
    enum { B = 3, IN = 4, H = 6, OUT = 2 };
    Mlp m;
    mlp_build(&m, IN, H, OUT, B);
    Rng r;
    rng_seed(&r, (uint64_t)seed);
    mlp_init(&m, &r);
    for (int l = 0; l < NL; l++)
        for (int o = 0; o < m.dim[l + 1]; o++) m.b[l][o] = 0.3f * rng_normal(&r);
    float x[B * IN], R[B * OUT], dx[B * IN] = {0};
    for (int i = 0; i < B * IN; i++) x[i] = rng_normal(&r);
    for (int i = 0; i < B * OUT; i++) R[i] = rng_normal(&r);
    MlpGc c = {&m, x, R, B};
    mlp_forward(&m, x, B);
    params_zero_grad(&m.P);
    mlp_backward(&m, x, R, dx, B, 1);
    GradCheck g1 = gradcheck(mlp_gc_loss, &c, m.P.params, m.P.grads, m.P.n, 300, 1e-3, 2e-2, 1e-4);
    GradCheck g2 = gradcheck(mlp_gc_loss, &c, x, dx, B * IN, 100, 1e-3, 2e-2, 1e-4);
    mlp_free(&m);
    if (!g1.checked || !g2.checked) return 1e9;
    /* LeakyReLU'nun 0'daki kırılması tek tük elemanı yanıltabilir: toplu göreli hata */
    return fmax(g1.rel_norm, g2.rel_norm);
}

/* ======================================================================== */
/* Veri ve ölçüt                                                             */
/* ======================================================================== */
typedef struct {
    int K;            /* mod sayısı */
    float sigma;      /* her Gauss'un standart sapması */
    float cx[25], cy[25];
    const char *name; /* "halka" / "ızgara" */
    int id;           /* 0 halka, 1 ızgara (kayıt dosyasında) */
} Mix;

/* 8 Gauss: yarıçap 1 çember üzerinde eşit aralıklı, σ = 0.01 */
static void mix_ring(Mix *d) {
    d->K = 8, d->sigma = 0.01f, d->name = "halka", d->id = 0;
    for (int k = 0; k < 8; k++) {
        d->cx[k] = (float)cos(2 * M_PI * k / 8);
        d->cy[k] = (float)sin(2 * M_PI * k / 8);
    }
}
/* 25 Gauss: {-4, -2, 0, 2, 4}² ızgarası, σ = 0.05 */
static void mix_grid(Mix *d) {
    d->K = 25, d->sigma = 0.05f, d->name = "ızgara", d->id = 1;
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++) {
            d->cx[i * 5 + j] = -4.0f + 2.0f * i;
            d->cy[i * 5 + j] = -4.0f + 2.0f * j;
        }
}
/* x (n, 2): modlardan eşit olasılıkla */
static void mix_sample(const Mix *d, float *x, int n, Rng *r) {
    for (int i = 0; i < n; i++) {
        int k = rng_int(r, d->K);
        x[2 * i] = d->cx[k] + d->sigma * rng_normal(r);
        x[2 * i + 1] = d->cy[k] + d->sigma * rng_normal(r);
    }
}

typedef struct {
    int modes;    /* en az bir yüksek kaliteli örneği olan mod sayısı */
    double hq;    /* yüksek kaliteli örneklerin payı */
    double rkl;   /* mod histogramının ters KL'si KL(q || düzgün) */
} ModeScore;

/* Ölçüt (VEEGAN, PacGAN): örnek en yakın modun 3σ içindeyse "yüksek kaliteli";
 * q_k = k. moda düşen yüksek kaliteli örneklerin payı; ters KL = Σ q_k log(q_k K). */
static ModeScore mode_score(const Mix *d, const float *x, int n) {
    int cnt[25] = {0}, nhq = 0;
    for (int i = 0; i < n; i++) {
        int best = 0;
        float bd = 1e30f;
        for (int k = 0; k < d->K; k++) {
            float dx = x[2 * i] - d->cx[k], dy = x[2 * i + 1] - d->cy[k];
            float dd = dx * dx + dy * dy;
            if (dd < bd) bd = dd, best = k;
        }
        if (sqrtf(bd) <= 3.0f * d->sigma) cnt[best]++, nhq++;
    }
    ModeScore s = {0, (double)nhq / n, 0.0};
    for (int k = 0; k < d->K; k++)
        if (cnt[k]) {
            double q = (double)cnt[k] / nhq;
            s.modes++;
            s.rkl += q * log(q * d->K);
        }
    if (!nhq) s.rkl = log(d->K);
    return s;
}

/* ======================================================================== */
/* GAN                                                                       */
/* ======================================================================== */
typedef struct {
    GanConf c;
    Mlp G, D;
    Adam oG, oD;
    float *z;       /* (max(B, NEVAL), ZDIM) gürültü */
    float *real;    /* (B, 2) gerçek noktalar */
    float *fake;    /* (B, 2) G'nin çıktısının kopyası (D'nin girişi) */
    float *dfake;   /* (B, 2) L_G'nin sahte noktalara göre gradyanı */
    float *ds;      /* (B/pack) D skorlarının (logit) gradyanı */
} Gan;

static void gan_build(Gan *g, const GanConf *c) {
    g->c = *c;
    int maxG = c->B > NEVAL ? c->B : NEVAL;
    mlp_build(&g->G, ZDIM, c->H, 2, maxG);
    mlp_build(&g->D, 2 * c->pack, c->H, 1, c->B / c->pack);
    adam_init(&g->oG, g->G.P.n, c->lr);
    adam_init(&g->oD, g->D.P.n, c->lr);
    g->oG.beta1 = g->oD.beta1 = 0.5f; /* GAN'larda yaygın (DCGAN): momentum oyunu daha az salındırır */
    g->z = xcalloc((size_t)maxG * ZDIM, sizeof(float));
    g->real = xcalloc((size_t)c->B * 2, sizeof(float));
    g->fake = xcalloc((size_t)c->B * 2, sizeof(float));
    g->dfake = xcalloc((size_t)c->B * 2, sizeof(float));
    g->ds = xcalloc((size_t)c->B, sizeof(float));
}

static void gan_free(Gan *g) {
    mlp_free(&g->G);
    mlp_free(&g->D);
    adam_free(&g->oG);
    adam_free(&g->oD);
    free(g->z), free(g->real), free(g->fake), free(g->dfake), free(g->ds);
}

/* log(1 + e^u), taşmadan */
static double softplus(double u) { return u > 0 ? u + log1p(exp(-u)) : log1p(exp(u)); }
static double sigmoid_d(double u) { return 1.0 / (1.0 + exp(-u)); }

/*
 * Bir eğitim adımı: önce D, sonra G (torch_models.py gan2d ile aynı sıra).
 * D'nin skoru s = D(x) bir logit'tir, D'nin "gerçek" deme olasılığı σ(s).
 *   L_D = -log σ(D(x_gerçek)) - log(1 - σ(D(G(z))))   = softplus(-s_g) + softplus(s_s)
 *   L_G = -log σ(D(G(z)))                              = softplus(-s_s)   (doymayan kayıp, non-saturating loss)
 *   dL/ds: softplus(-s) için σ(s) - 1, softplus(s) için σ(s)
 * Paketleme: (B, 2) dizisi bellekte (B/m, 2m) dizisiyle aynıdır; D ardışık m noktayı
 * tek giriş olarak görür ve bir skor verir. Hiçbir kopya gerekmez.
 */
static void gan_step(Gan *g, const Mix *d, Rng *rng, double *ld, double *lg) {
    int B = g->c.B, P = B / g->c.pack;
    mix_sample(d, g->real, B, rng);
    for (int i = 0; i < B * ZDIM; i++) g->z[i] = rng_normal(rng);
    memcpy(g->fake, mlp_forward(&g->G, g->z, B), sizeof(float) * 2 * B);

    /* D adımı: gerçeklere 1, sahtelere 0 demeyi öğren */
    params_zero_grad(&g->D.P);
    const float *s = mlp_forward(&g->D, g->real, P);
    double L = 0;
    for (int i = 0; i < P; i++) {
        L += softplus(-s[i]);
        g->ds[i] = (float)((sigmoid_d(s[i]) - 1.0) / P);
    }
    mlp_backward(&g->D, g->real, g->ds, NULL, P, 1);
    s = mlp_forward(&g->D, g->fake, P);
    for (int i = 0; i < P; i++) {
        L += softplus(s[i]);
        g->ds[i] = (float)(sigmoid_d(s[i]) / P);
    }
    mlp_backward(&g->D, g->fake, g->ds, NULL, P, 1);
    *ld = L / P;
    adam_step(&g->oD, g->D.P.params, g->D.P.grads);

    /* G adımı: güncellenmiş D'ye karşı sahte noktaları "gerçek" dedirtmeye çalış.
     * Gradyan D'nin içinden geçer ama D'nin ağırlıkları değişmez. */
    s = mlp_forward(&g->D, g->fake, P);
    L = 0;
    for (int i = 0; i < P; i++) {
        L += softplus(-s[i]);
        g->ds[i] = (float)((sigmoid_d(s[i]) - 1.0) / P);
    }
    *lg = L / P;
    memset(g->dfake, 0, sizeof(float) * 2 * B);
    mlp_backward(&g->D, g->fake, g->ds, g->dfake, P, 0);
    params_zero_grad(&g->G.P);
    mlp_backward(&g->G, g->z, g->dfake, NULL, B, 1);
    adam_step(&g->oG, g->G.P.params, g->G.P.grads);
}

/* n (<= NEVAL) nokta üretir; dönen dizi bir sonraki ileri geçişe (forward pass) kadar geçerlidir. */
static const float *gan_sample(Gan *g, int n, Rng *rng) {
    for (int i = 0; i < n * ZDIM; i++) g->z[i] = rng_normal(rng);
    return mlp_forward(&g->G, g->z, n);
}

/* Bir koşunun kaydı: ara ölçümler ve anlık görüntüler */
#define MAXLOG 64
#define NSNAP 4
typedef struct {
    int n, step[MAXLOG], modes[MAXLOG];
    double hq[MAXLOG], ld[MAXLOG], lg[MAXLOG];
    int snap_step[NSNAP];
    float *snap[NSNAP];  /* (NEVAL, 2) */
    ModeScore final;
    double seconds;
} RunLog;

/* Eğitir; her steps/nlog adımda NEVAL örnekle ölçer. snaps != 0 ise NSNAP anlık görüntü saklar. */
static void gan_train(Gan *g, const Mix *d, int seed, int nlog, int snaps, RunLog *log) {
    memset(log, 0, sizeof *log);
    Rng rng, er;
    rng_seed(&rng, (uint64_t)seed);
    mlp_init(&g->G, &rng);
    mlp_init(&g->D, &rng);
    int steps = g->c.steps, every = steps / nlog > 0 ? steps / nlog : 1;
    int snap_at[NSNAP] = {0, steps / 10, steps / 3, steps};
    double t0 = now_sec(), ld = 0, lg = 0, sld = 0, slg = 0;
    int ns = 0, si = 0;
    for (int it = 0; it <= steps; it++) {
        if (it > 0) {
            /* Öğrenme oranı (learning rate) doğrusal olarak 0'a iner: sonda küçük adımlar modları keskinleştirir */
            float f = 1.0f - (float)(it - 1) / (float)steps;
            g->oG.lr = g->oD.lr = g->c.lr * f;
            gan_step(g, d, &rng, &ld, &lg);
            sld += ld, slg += lg, ns++;
        }
        int do_log = it % every == 0 || it == steps;
        int do_snap = snaps && si < NSNAP && it == snap_at[si];
        if ((do_log && log->n < MAXLOG) || do_snap) {
            rng_seed(&er, EVAL_SEED);
            const float *x = gan_sample(g, NEVAL, &er);
            ModeScore s = mode_score(d, x, NEVAL);
            if (do_log && log->n < MAXLOG) {
                log->step[log->n] = it, log->modes[log->n] = s.modes, log->hq[log->n] = s.hq;
                log->ld[log->n] = ns ? sld / ns : NAN, log->lg[log->n] = ns ? slg / ns : NAN;
                log->n++;
                sld = slg = 0, ns = 0;
            }
            if (do_snap) {
                log->snap_step[si] = it;
                log->snap[si] = xmalloc(sizeof(float) * 2 * NEVAL);
                memcpy(log->snap[si], x, sizeof(float) * 2 * NEVAL);
                si++;
            }
            if (it == steps) log->final = s;
        }
    }
    log->seconds = now_sec() - t0;
}

static void runlog_free(RunLog *l) {
    for (int i = 0; i < NSNAP; i++) free(l->snap[i]);
}

/* ======================================================================== */
/* Çizim yardımcıları                                                        */
/* ======================================================================== */
/* Noktaları bir .dat dosyasına blok olarak yazar (bloklar "\n\n" ile ayrılır: gnuplot index). */
static void write_points(FILE *f, const float *x, int n) {
    for (int i = 0; i < n; i++) fprintf(f, "%.5f %.5f\n", x[2 * i], x[2 * i + 1]);
    fputs("\n\n", f);
}

static void mix_range(const Mix *d, char *buf, size_t len) {
    if (d->id == 0) snprintf(buf, len, "set xrange [-1.6:1.6]\nset yrange [-1.6:1.6]\n");
    else snprintf(buf, len, "set xrange [-5.5:5.5]\nset yrange [-5.5:5.5]\n");
}

/* ======================================================================== */
/* Adımlar                                                                   */
/* ======================================================================== */

/*
 * Adım 1: Veri ve mod ölçütü
 *
 * Bir GAN'ın ürettiği resimlerin "iyi" olup olmadığını ölçmek zordur; mod çökmesini
 * ölçmek için literatür (VEEGAN, PacGAN, Unrolled GAN) cevabı bilinen iki 2-B veri
 * kullanır: yarıçapı 1 olan çember üzerinde 8 Gauss (σ = 0.01) ve 5x5 ızgarada 25 Gauss
 * (σ = 0.05). Her Gauss bir moddur (mode: dağılımın bir tepesi). Ölçüt:
 *   - Bir örnek en yakın modunun 3σ içindeyse yüksek kalitelidir.
 *   - En az bir yüksek kaliteli örneği olan mod kapsanmıştır.
 *   - Ters KL: q_k = k. moda düşen yüksek kaliteli örneklerin payı, p_k = 1/K için
 *     KL(q || p) = Σ_k q_k log(q_k / p_k). Bütün örnekler tek modda: log K; eşit dağılım: 0.
 * Ölçütü önce cevabını bildiğimiz iki örnek kümesinde deneriz: gerçek veri ve yalnızca
 * 3 moddan gelen "çökmüş" bir küme.
 */
static void step1_data(const Mix *ring, const Mix *grid, const LessonArgs *a, double *real_hq,
                       int *col_modes, double *col_rkl, ModeScore *unif) {
    step_banner(1, NSTEPS, "Veri: 8 Gauss'luk halka, 25 Gauss'luk ızgara ve mod ölçütü");
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 100);
    static float xr[2 * NEVAL], xg[2 * NEVAL], xc[2 * NEVAL];
    mix_sample(ring, xr, NEVAL, &r);
    mix_sample(grid, xg, NEVAL, &r);
    ModeScore sr = mode_score(ring, xr, NEVAL), sg = mode_score(grid, xg, NEVAL);
    /* Çökmüş küme: halkanın yalnızca ilk 3 modu */
    Mix three = *ring;
    three.K = 3;
    mix_sample(&three, xc, NEVAL, &r);
    ModeScore sc = mode_score(ring, xc, NEVAL);
    printf("Halka: %d mod, σ = %.2f, yüksek kalite eşiği 3σ = %.2f.\n", ring->K, ring->sigma,
           3 * ring->sigma);
    printf("Izgara: %d mod (aralık 2), σ = %.2f, eşik 3σ = %.2f.\n", grid->K, grid->sigma,
           3 * grid->sigma);
    printf("%d gerçek örnekte ölçüt:\n", NEVAL);
    printf("  halka : %d/%d mod, yüksek kalite %%%.1f, ters KL %.4f\n", sr.modes, ring->K,
           100 * sr.hq, sr.rkl);
    printf("  ızgara: %d/%d mod, yüksek kalite %%%.1f, ters KL %.4f\n", sg.modes, grid->K,
           100 * sg.hq, sg.rkl);
    printf("Gerçek veride bile kalite %%100 değil: 2-B Gauss'ta bir noktanın 3σ içinde\n"
           "kalma olasılığı 1 - e^{-9/2}, yani %%%.1f.\n", 100 * (1 - exp(-4.5)));
    printf("Yalnızca 3 moddan gelen çökmüş bir küme: %d/8 mod, kalite %%%.1f, ters KL %.3f\n"
           "(eşit dağılımlı 3 mod için beklenen log(8/3) = %.3f). Kalite yüksek, ama çeşitlilik\n"
           "yok: mod sayısı ve ters KL bunu yakalar, kalite tek başına yakalamaz.\n",
           sc.modes, 100 * sc.hq, sc.rkl, log(8.0 / 3.0));
    /* Düzgün gürültü: ızgaranın karesine ([-5, 5]²) rastgele serpilmiş noktalar */
    for (int i = 0; i < 2 * NEVAL; i++) xc[i] = -5.0f + 10.0f * rng_uniform(&r);
    *unif = mode_score(grid, xc, NEVAL);
    printf("Öbür uç: [-5, 5]² karesine düzgün serpilmiş %d nokta ızgarada %d/25 mod\n"
           "\"kapsar\" ama kalitesi yalnızca %%%.1f (beklenen 25 · π(3σ)² / 100 = %%%.1f).\n"
           "Mod sayısı tek başına yanıltır: yayılmak da mod kapsar. Kalite bunu yakalar.\n",
           NEVAL, unif->modes, 100 * unif->hq, 100 * 25 * M_PI * 0.15 * 0.15 / 100);
    *real_hq = fmin(sr.hq, sg.hq);
    *col_modes = sc.modes;
    *col_rkl = sc.rkl;

    Plot p;
    /* Şekil veri: Modellerin öğrenmeye çalıştığı iki gerçek dağılım: halkada 8, ızgarada 25 dar
     * Gauss modu; bir üretecin bunların her birine örnek düşürmesi beklenir. */
    FILE *f = plot_begin(&p, "lesson14", "veri");
    write_points(f, xr, 1000);
    write_points(f, xg, 1000);
    plot_finish_size(&p,
                     "set multiplot layout 1,2 title 'Gerçek veri (1000 nokta)'\n"
                     "set size ratio -1\nunset key\n"
                     "set title '8 Gauss: halka (σ = 0.01)'\n"
                     "set xrange [-1.6:1.6]\nset yrange [-1.6:1.6]\n"
                     "plot 'veri.dat' index 0 w p pt 7 ps 0.3 lc rgb '#2166ac'\n"
                     "set title '25 Gauss: ızgara (σ = 0.05)'\n"
                     "set xrange [-5.5:5.5]\nset yrange [-5.5:5.5]\n"
                     "plot 'veri.dat' index 1 w p pt 7 ps 0.3 lc rgb '#2166ac'\n"
                     "unset multiplot\n",
                     1000, 500);
    plot_render(&p, a->ascii);
    printf("Grafik: %s\n", plot_png_path(&p));
}

/* Anlık görüntüler (1 x NSNAP) ve gerçek modlar */
static void plot_snapshots(const char *step, const char *title, const Mix *d, const RunLog *l,
                           int ascii) {
    Plot p;
    FILE *f = plot_begin(&p, "lesson14", step);
    for (int k = 0; k < d->K; k++) fprintf(f, "%.4f %.4f\n", d->cx[k], d->cy[k]);
    fputs("\n\n", f);
    for (int s = 0; s < NSNAP; s++) write_points(f, l->snap[s], 1000);
    char range[128], body[4096];
    mix_range(d, range, sizeof range);
    int n = snprintf(body, sizeof body,
                     "set multiplot layout 1,%d title '%s'\nset size ratio -1\nunset key\n%s"
                     "set format x ''\nset format y ''\n",
                     NSNAP, title, range);
    for (int s = 0; s < NSNAP; s++)
        n += snprintf(body + n, sizeof body - n,
                      "set title 'adım %d'\n"
                      "plot '%s.dat' index %d w p pt 7 ps 0.25 lc rgb '#b2182b', "
                      "'' index 0 w p pt 6 ps 1.2 lw 1.5 lc rgb '#2166ac'\n",
                      l->snap_step[s], step, s + 1);
    snprintf(body + n, sizeof body - n, "unset multiplot\n");
    plot_finish_size(&p, body, 1400, 420);
    plot_render(&p, ascii);
}

/*
 * Adım 2: Sade GAN ve mod çökmesi
 *
 * İki ağ bir oyun oynar. D, gerçek noktaya yüksek, G'nin noktasına düşük skor vermeyi
 * öğrenir (ikili sınıflandırma, ikili çapraz entropi (binary cross-entropy)):
 *   L_D = -log σ(D(x)) - log(1 - σ(D(G(z)))),        x ~ veri, z ~ N(0, I)
 * G ise D'yi kandırmayı öğrenir. Kitaptaki minimax biçimi log(1 - σ(D(G(z))))'yi
 * küçültmektir; ama eğitimin başında D sahteleri kolayca tanır, σ ≈ 0 olur ve bu
 * terimin gradyanı söner. Goodfellow'un önerdiği doymayan kayıp (non-saturating loss)
 * aynı dengeye gider ama tam o anda güçlü gradyan verir:
 *   L_G = -log σ(D(G(z)))
 * Her adımda bir D, bir G güncellemesi (Adam, β1 = 0.5). İki ağ da LeakyReLU (eğim 0.2)
 * kullanır: ReLU negatif bölgede gradyanı keser, D'nin "ölü" bölgelerinden G'ye hiç
 * sinyal gitmez. Öğrenme oranı eğitim boyunca doğrusal olarak sıfıra iner.
 * Dengede D her yerde σ = 1/2 der ve L_D = 2 log 2 ≈ 1.386'dır.
 *
 * Mod çökmesi: G, D'nin o anki zayıf noktasına koşar. D tek tek noktalara baktığı için
 * "hep aynı birkaç yeri üretiyorsun" diyemez; her nokta tek başına gerçekçi durur.
 * G birkaç modu iyi üretince D o modlara şüpheyle bakar, G başka modlara kaçar...
 * Bu oyunun sonunda bazı modlar hiç ziyaret edilmeyebilir.
 */
static void step2_plain(const Mix *ring, const Mix *grid, const GanConf *c, const LessonArgs *a,
                        RunLog *lr, RunLog *lgr, double *gc) {
    step_banner(2, NSTEPS, "Sade GAN: iki oyuncu, iki kayıp ve mod çökmesi");
    *gc = mlp_gradcheck(a->seed);
    printf("Sonlu farklar (finite differences) ile denetim: elle yazılmış geri geçiş\n"
           "(dense + LeakyReLU, 4 katman), toplu göreli hata %.2e (parametreler ve giriş;\n"
           "1e-2'nin altı geçer).\n", *gc);
    GanConf pc = *c;
    pc.pack = 1;
    printf("G: z(%d) -> %d -> %d -> %d -> 2, D: 2 -> %d -> %d -> %d -> 1 (LeakyReLU %.1f).\n",
           ZDIM, pc.H, pc.H, pc.H, pc.H, pc.H, pc.H, LEAK);
    printf("Yığın %d, %d adım, Adam öğrenme oranı %g -> 0, β1 = 0.5.\n", pc.B, pc.steps, pc.lr);
    const Mix *mx[2] = {ring, grid};
    RunLog *logs[2] = {lr, lgr};
    /* İki veri kümesi (dataset) iki iş parçacığında aynı anda eğitilir (her biri kendi ağı, kendi RNG'si). */
#pragma omp parallel for schedule(static, 1) num_threads(a->threads < 2 ? 1 : 2)
    for (int i = 0; i < 2; i++) {
        Gan g;
        gan_build(&g, &pc);
        gan_train(&g, mx[i], a->seed, 40, 1, logs[i]);
        gan_free(&g);
    }
    for (int i = 0; i < 2; i++) {
        const RunLog *l = logs[i];
        printf("%s:", mx[i]->name);
        for (int j = 0; j < l->n; j += (l->n + 7) / 8)
            printf(" adım %d: %d mod%s", l->step[j], l->modes[j], j + (l->n + 7) / 8 < l->n ? "," : "");
        printf("\n  son: %d/%d mod, yüksek kalite %%%.1f, ters KL %.3f, son ölçümde L_D %.3f, "
               "L_G %.3f (%.1f s)\n",
               l->final.modes, mx[i]->K, 100 * l->final.hq, l->final.rkl, l->ld[l->n - 1],
               l->lg[l->n - 1], l->seconds);
    }
    /* Şekil sade_halka, sade_izgara, pacgan_halka, pacgan_izgara: Soldan sağa eğitimin dört anında
     * üretilen noktalar (kırmızı) ve gerçek modlar (mavi halkalar): kırmızı noktaların adımlar
     * ilerledikçe kaç modu kapladığına ve modların arasındaki boşluklara düşüp düşmediğine bakın.
     */
    plot_snapshots("sade_halka", "Sade GAN, halka: kırmızı üretilen, mavi halka gerçek modlar", ring,
                   lr, a->ascii);
    plot_snapshots("sade_izgara", "Sade GAN, ızgara: kırmızı üretilen, mavi halka gerçek modlar",
                   grid, lgr, a->ascii);
    printf("Anlık görüntüler: plots/lesson14/sade_halka.png, plots/lesson14/sade_izgara.png\n");
    printf("Izgarada sade GAN %d/25 modda kaldı: kırmızı noktaların uğramadığı mavi halkalar\n"
           "kaçırılan modlardır. Kayıplar dengenin çevresinde dolaşır (L_D ≈ %.2f; tam denge\n"
           "2 log 2 = 1.386): kayıp eğrisi mod çökmesini göstermez, ölçüt gösterir.\n",
           lgr->final.modes, lgr->ld[lgr->n - 1]);
}

/* Kesikli dağılımlar için TV(P^m, Q^m) = ½ Σ_{x ∈ K^m} |Π p - Π q| (K^m ≤ 8^4 terim) */
static double tv_power(const double *p, const double *q, int K, int m) {
    int total = 1;
    for (int i = 0; i < m; i++) total *= K;
    double s = 0;
    for (int idx = 0; idx < total; idx++) {
        double pp = 1, qq = 1;
        for (int i = 0, v = idx; i < m; i++, v /= K) pp *= p[v % K], qq *= q[v % K];
        s += fabs(pp - qq);
    }
    return 0.5 * s;
}

/*
 * Adım 3: Neden paketleme? Toplam değişim uzaklığıyla bir hesap
 *
 * Mükemmel bir D, gerçek ve üretilen dağılımları ayırt etmekte ne kadar başarılıysa
 * o kadar güçlü sinyal verir; bu başarının üst sınırı toplam değişim uzaklığıdır
 * (total variation): TV(P, Q) = ½ Σ_x |P(x) - Q(x)|. Şimdi gerçek dağılım 8 moda eşit
 * dağılmış olsun (P = 1/8 her modda) ve iki kusurlu üretici düşünelim:
 *   Q_çöken:  bir modu hiç üretmiyor, kalan 7'ye 1/7 veriyor;
 *   Q_dengesiz: 8 modun hepsini üretiyor ama 4'üne 1/8 + 1/32, 4'üne 1/8 - 1/32 veriyor.
 * İkisinin de P'ye TV uzaklığı aynıdır (1/8): tek nokta gören bir D ikisini aynı
 * şiddette cezalandırır. PacGAN'ın (Lin ve diğ., 2018) fikri: D'ye m bağımsız örnekten
 * oluşan bir paket gösterelim. Paket dağılımları P^m ve Q^m'dir; m büyüdükçe çöken
 * üretici çok daha hızlı ayırt edilir, çünkü m örnekten en az birinin kayıp moda düşmesi
 * gerekir ve bunun olasılığı 1 - (7/8)^m'dir. Böylece D, çeşitlilik eksikliğini cezalandıran
 * bir sinyal alır. Uygulaması tek satırdır: D'nin girişi 2 yerine 2m sayı olur ve ardışık
 * m nokta birlikte verilir (hem gerçekler hem sahteler); geri kalan her şey aynıdır.
 */
static void step3_packing_math(const LessonArgs *a, double *tv_col4, double *tv_bal4) {
    step_banner(3, NSTEPS, "Paketleme (PacGAN): D'ye m noktalık paket göstermek");
    double p[8], qc[8], qb[8];
    for (int k = 0; k < 8; k++) {
        p[k] = 1.0 / 8;
        qc[k] = k < 7 ? 1.0 / 7 : 0.0;
        qb[k] = 1.0 / 8 + (k < 4 ? 1.0 : -1.0) / 32;
    }
    float mx[4], yc[4], yb[4], yr[4];
    printf("P = 8 moda eşit; TV(P^m, Q^m):\n   m   Q_çöken   Q_dengesiz   1-(7/8)^m\n");
    for (int m = 1; m <= 4; m++) {
        double tc = tv_power(p, qc, 8, m), tb = tv_power(p, qb, 8, m);
        mx[m - 1] = (float)m, yc[m - 1] = (float)tc, yb[m - 1] = (float)tb;
        yr[m - 1] = (float)(1 - pow(7.0 / 8, m));
        printf("  %2d   %7.4f   %10.4f   %9.4f\n", m, tc, tb, yr[m - 1]);
        if (m == 4) *tv_col4 = tc, *tv_bal4 = tb;
    }
    printf("m = 1'de ikisi eşit (0.125); m = 4'te çöken üretici %.3f, dengesiz üretici %.3f:\n"
           "paket, çökmeyi dengesizlikten %.1f kat daha görünür kılar. Bu derste m = 4\n"
           "(PacGAN4) kullanıyoruz; D'nin ilk katmanı 2 yerine 8 girişlidir, başka hiçbir şey\n"
           "değişmez (parametre artışı 6 x H).\n",
           *tv_col4, *tv_bal4, *tv_col4 / *tv_bal4);
    printf("Diğer çareler de var: Wasserstein eleştirmeni + gradyan cezası (ikinci türev\n"
           "gerektirir), geri sarma (unrolling: G her adımda D'nin birkaç adımını benzetir,\n"
           "birkaç kat pahalı), mini yığın ayırt etme (yeni bir katman). Paketleme hem en ucuzu\n"
           "hem de tam olarak bu derste ölçtüğümüz mod çökmesi için tasarlandı.\n");
    const float *ys[3] = {yc, yb, yr};
    const char *names[3] = {"Q_çöken", "Q_dengesiz", "1-(7/8)^m"};
    /* Şekil paket_tv: Paket büyüklüğü m arttıkça gerçek dağılım ile iki sahte dağılım arasındaki
     * toplam değişim uzaklığı: bir modu atan üretecin uzaklığının m ile ne kadar hızlı büyüdüğüne,
     * öteki üretecinkiyle karşılaştırarak bakın; açıklamadaki her eğriyi şekilde arayın, üst üste
     * binenler olabilir. */
    plot_lines("lesson14", "paket_tv", "Paket büyüdükçe TV(P^m, Q^m)", "paket büyüklüğü m",
               "toplam değişim uzaklığı", 4, mx, 3, ys, names, 0, a->ascii);
    printf("Grafik: plots/lesson14/paket_tv.png\n");
}

typedef struct {
    ModeScore s[2][NSEEDS];  /* [halka/ızgara][tohum] */
    double mean_modes[2], mean_hq[2], mean_rkl[2], min_modes[2], seconds;
} PackResult;

/*
 * Adım 4: PacGAN4, 5 tohum, iki veri kümesi
 *
 * Aynı ağlar, aynı adım sayısı, aynı öğrenme oranı; tek fark D'nin paketi. Her veri için
 * 5 farklı tohumla (seed) eğitip ortalamayı alırız, çünkü GAN eğitimi tohuma çok duyarlıdır:
 * tek bir şanslı koşu bir yöntemin işe yaradığını göstermez.
 * Yayımlanmış sonuçlar (Lin ve diğ., 2018, Tablo 3; aynı ölçüt, 2500 örnek):
 *   halka:  GAN 6.3/8 mod, PacGAN4 7.8/8 mod
 *   ızgara: GAN 17.3/25 mod, PacGAN4 24.8/25 mod (yüksek kalite %94.8)
 */
static void step4_pacgan(const Mix *ring, const Mix *grid, const GanConf *c, const LessonArgs *a,
                         int nseeds, PackResult *res, RunLog *last_ring, RunLog *last_grid,
                         const RunLog *plain_ring, const RunLog *plain_grid, const ModeScore *unif,
                         const char *save_path) {
    char title[96];
    snprintf(title, sizeof title, "PacGAN4: %d tohum, halka ve ızgara", nseeds);
    step_banner(4, NSTEPS, title);
    const Mix *mx[2] = {ring, grid};
    int njobs = 2 * nseeds;
    RunLog *logs = xcalloc((size_t)njobs, sizeof(RunLog));
    Gan *gs = xcalloc((size_t)njobs, sizeof(Gan));  /* yerinde: Params kendi adresini tutar */
    double t0 = now_sec();
    printf("%d eğitim (%d tohum x 2 veri), %d iş parçacığında; her biri %d adım...\n", njobs,
           nseeds, a->threads, c->steps);
    fflush(stdout);
#pragma omp parallel for schedule(dynamic, 1)
    for (int j = 0; j < njobs; j++) {
        int di = j % 2, si = j / 2;
        gan_build(&gs[j], c);
        gan_train(&gs[j], mx[di], a->seed + si, 20, si == 0, &logs[j]);
        if (j != 1) gan_free(&gs[j]);  /* j = 1: ilk tohumun ızgara modeli kaydedilecek */
    }
    res->seconds = now_sec() - t0;
    printf("  tohum   halka: mod  kalite  ters KL   ızgara: mod  kalite  ters KL\n");
    for (int di = 0; di < 2; di++)
        res->mean_modes[di] = res->mean_hq[di] = res->mean_rkl[di] = 0, res->min_modes[di] = 99;
    for (int si = 0; si < nseeds; si++) {
        printf("  %5d ", a->seed + si);
        for (int di = 0; di < 2; di++) {
            ModeScore s = logs[2 * si + di].final;
            res->s[di][si] = s;
            res->mean_modes[di] += (double)s.modes / nseeds;
            res->mean_hq[di] += s.hq / nseeds;
            res->mean_rkl[di] += s.rkl / nseeds;
            res->min_modes[di] = fmin(res->min_modes[di], s.modes);
            printf("        %2d/%-2d  %%%5.1f   %6.3f ", s.modes, mx[di]->K, 100 * s.hq, s.rkl);
        }
        printf("\n");
    }
    printf("  ort.  ");
    for (int di = 0; di < 2; di++)
        printf("      %5.2f   %%%5.1f   %6.3f ", res->mean_modes[di], 100 * res->mean_hq[di],
               res->mean_rkl[di]);
    printf("\n(%.1f s toplam, %d iş parçacığı)\n", res->seconds, a->threads);
    printf("Yayımlanan PacGAN4: halka 7.8/8, ızgara 24.8/25 (kalite %%94.8).\n");
    /* Bu koşunun sonucunu sade GAN'la (aynı ilk tohum) karşılaştır: yorum sayılara göre */
    const ModeScore *pg = &plain_grid->final, *pr = &plain_ring->final;
    printf("Sade GAN (tohum %d): ızgara %d/25 mod, kalite %%%.1f; halka %d/8, kalite %%%.1f.\n",
           a->seed, pg->modes, 100 * pg->hq, pr->modes, 100 * pr->hq);
    if (res->mean_modes[1] > pg->modes + 0.5 && res->mean_hq[1] < 2 * unif->hq)
        printf("Izgarada mod sayısı arttı (sade GAN: %d, PacGAN4 ortalaması: %.1f) ama kalite\n"
               "%%%.1f, düzgün gürültününkine (%%%.1f) yakın: PacGAN4'ün noktaları modları bulmadı,\n"
               "karenin her yerine yayıldı (grafik: pacgan_izgara.png). Bu yapılandırmada\n"
               "paketleme ızgarada bir çare olmadı; halkada her tohumda 8/8 mod korundu.\n",
               pg->modes, res->mean_modes[1], 100 * res->mean_hq[1], 100 * unif->hq);
    else if (res->mean_modes[1] > pg->modes + 0.5)
        printf("Paketleme ızgarada kapsanan mod sayısını artırdı (sade GAN: %d, PacGAN4\n"
               "ortalaması: %.1f): çöken modları D artık cezalandırabiliyor.\n", pg->modes,
               res->mean_modes[1]);
    else
        printf("Bu koşuda paketleme ızgarada mod sayısını artırmadı (sade GAN: %d, PacGAN4\n"
               "ortalaması: %.1f).\n",
               pg->modes, res->mean_modes[1]);
    if (res->mean_hq[1] < 0.9 || res->mean_hq[0] < 0.9)
        printf("Kalite hedefi (%%90) tutmadı: halka %%%.1f, ızgara %%%.1f. Modları bulmak ile onları\n"
               "σ'nın 3 katı içinde keskin çizmek ayrı işlerdir. G, sürekli bir fonksiyonla\n"
               "Gauss gürültüsünü 25 ayrı kümeye yırtmalıdır; aradaki köprülerde kalan her nokta\n"
               "düşük kalitedir. Paketli D ise 8 sayılık girişte \"dört noktanın hepsi bir modda mı?\"\n"
               "sorusunu öğrenmek zorundadır; bu, tek noktalık kabarcık haritasından çok daha zor\n"
               "bir fonksiyondur: ilk tohumun paketli D'si ızgarada son ölçümde L_D = %.3f\n"
               "verdi (tamamen ayırt edemeyen D: 2 log 2 = 1.386; sade GAN'ın D'si %.3f).\n"
               "Yayımlanan sonuçlar 4 x 400 birimlik bir G ve çok daha uzun eğitim kullandı.\n",
               100 * res->mean_hq[0], 100 * res->mean_hq[1], logs[1].ld[logs[1].n - 1],
               plain_grid->ld[plain_grid->n - 1]);
    *last_ring = logs[0];
    *last_grid = logs[1];
    for (int k = 0; k < NSNAP; k++) logs[0].snap[k] = logs[1].snap[k] = NULL; /* sahibi çağıran */
    for (int j = 0; j < njobs; j++) runlog_free(&logs[j]);
    free(logs);

    /* İlk tohumun ızgara üreticisini kaydet: ./lesson14 --sample N bunu çizer */
    char err[512];
    CkptInt conf[4] = {{"H", c->H}, {"zdim", ZDIM}, {"data", 1}, {"pack", c->pack}};
    if (save_path) {
        if (ckpt_save(save_path, KIND, conf, 4, "PacGAN4 üretici, 25 Gauss ızgara", &gs[1].G.P,
                      err, sizeof err) != 0)
            die("%s", err);
        printf("Üretici (ızgara, tohum %d) kaydedildi: %s\n", a->seed, save_path);
    }
    gan_free(&gs[1]);
    free(gs);
}

/* Mod sayısı eğrileri: sade ve PacGAN, iki veri */
static void plot_mode_curves(const RunLog *pr, const RunLog *pg, const RunLog *kr,
                             const RunLog *kg, int ascii) {
    Plot p;
    /* Şekil mod_sayisi: Eğitim boyunca üretilen 2500 noktanın kapsadığı mod sayısı, solda halka,
     * sağda ızgara: iki modelin eğrilerinin en üst sınıra, 8 ve 25'e, ne kadar yaklaştığına ve ne
     * kadar oynadığına bakın. */
    FILE *f = plot_begin(&p, "lesson14", "mod_sayisi");
    const RunLog *L[4] = {pr, kr, pg, kg};
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < L[i]->n; j++)
            fprintf(f, "%d %d %.4f\n", L[i]->step[j], L[i]->modes[j], L[i]->hq[j]);
        fputs("\n\n", f);
    }
    plot_finish_size(&p,
                     "set multiplot layout 1,2 title 'Eğitim boyunca kapsanan mod sayısı (2500 örnek)'\n"
                     "set xlabel 'adım'\nset ylabel 'kapsanan mod'\nset grid\nset key bottom right\n"
                     "set title 'halka (8 mod)'\nset yrange [0:8.5]\n"
                     "plot 'mod_sayisi.dat' index 0 w l lw 2 lc rgb '#b2182b' t 'sade GAN', "
                     "'' index 1 w l lw 2 lc rgb '#2166ac' t 'PacGAN4'\n"
                     "set title 'ızgara (25 mod)'\nset yrange [0:26]\n"
                     "plot 'mod_sayisi.dat' index 2 w l lw 2 lc rgb '#b2182b' t 'sade GAN', "
                     "'' index 3 w l lw 2 lc rgb '#2166ac' t 'PacGAN4'\n"
                     "unset multiplot\n",
                     1200, 450);
    plot_render(&p, ascii);
    printf("Grafik: %s (kırmızı sade GAN, mavi PacGAN4)\n", plot_png_path(&p));
}

/* --sample ve adım 5: kayıtlı üreticiden n nokta, ölçüt ve grafik */
static int sample_from(const char *path, int n, int ascii, ModeScore *out) {
    char err[512];
    Ckpt ck;
    if (ckpt_open(&ck, path, KIND, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\nÖnce ./lesson14 ile bir model eğitip kaydedin.\n", err);
        return 2;
    }
    int64_t H, zd, data, pack;
    if (ckpt_get_int(&ck, "H", 4, 1024, &H, err, sizeof err) != 0 ||
        ckpt_get_int(&ck, "zdim", ZDIM, ZDIM, &zd, err, sizeof err) != 0 ||
        ckpt_get_int(&ck, "data", 0, 1, &data, err, sizeof err) != 0 ||
        ckpt_get_int(&ck, "pack", 1, 16, &pack, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\n", err);
        ckpt_close(&ck);
        return 2;
    }
    Mlp G;
    mlp_build(&G, ZDIM, (int)H, 2, n);
    if (ckpt_read_params(&ck, &G.P, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\n", err);
        ckpt_close(&ck);
        mlp_free(&G);
        return 2;
    }
    ckpt_close(&ck);
    Mix d;
    if (data) mix_grid(&d);
    else mix_ring(&d);
    Rng er;
    rng_seed(&er, EVAL_SEED);
    float *z = xmalloc(sizeof(float) * ZDIM * n);
    for (int i = 0; i < n * ZDIM; i++) z[i] = rng_normal(&er);
    const float *x = mlp_forward(&G, z, n);
    ModeScore s = mode_score(&d, x, n);
    printf("%s: %d nokta (H = %d, PacGAN%d, %s): %d/%d mod, yüksek kalite %%%.1f, ters KL %.3f\n",
           path, n, (int)H, (int)pack, d.name, s.modes, d.K, 100 * s.hq, s.rkl);
    Plot p;
    /* Şekil orneklem: Kaydedilen üreticiden çekilen noktalar gerçek modların, mavi halkaların,
     * üzerine ne kadar düşüyor: başlıktaki kapsanan mod sayısını ve kaliteyi noktaların modların
     * arasına ne kadar saçıldığıyla karşılaştırın. */
    FILE *f = plot_begin(&p, "lesson14", "orneklem");
    for (int k = 0; k < d.K; k++) fprintf(f, "%.4f %.4f\n", d.cx[k], d.cy[k]);
    fputs("\n\n", f);
    write_points(f, x, n);
    char range[128], body[1024];
    mix_range(&d, range, sizeof range);
    snprintf(body, sizeof body,
             "set title 'Kayıtlı üreticiden %d nokta: %d/%d mod, kalite %%%.1f'\n"
             "set size ratio -1\nunset key\n%s"
             "plot 'orneklem.dat' index 1 w p pt 7 ps 0.25 lc rgb '#b2182b', "
             "'' index 0 w p pt 6 ps 1.5 lw 1.5 lc rgb '#2166ac'\n",
             n, s.modes, d.K, 100 * s.hq, range);
    plot_finish_size(&p, body, 600, 600);
    plot_render(&p, ascii);
    printf("Grafik: %s\n", plot_png_path(&p));
    if (out) *out = s;
    free(z);
    mlp_free(&G);
    return 0;
}

/*
 * Adım 5: Kaydet, yükle, örnekle
 *
 * Eğitilmiş üretici model/ckpt ile kaydedildi (yapılandırma: H, z boyutu, veri, paket).
 * Örneklemek için D'ye gerek yoktur: yalnızca G'yi yükleyip gürültüden nokta üretiriz.
 * Aynı değerlendirme tohumuyla dosyadan okunan model, eğitimin sonundaki sayıların aynısını
 * vermelidir.
 */
static void step5_sample(const char *path, const PackResult *res, int ascii, ModeScore *loaded) {
    step_banner(5, NSTEPS, "Kayıtlı üreticiden örnekleme (sampling)");
    if (sample_from(path, NEVAL, ascii, loaded) != 0) die("'%s' geri okunamadı", path);
    printf("Eğitimin sonundaki ölçüm: %d/25 mod, kalite %%%.1f; dosyadan: %d/25, %%%.1f (%s).\n",
           res->s[1][0].modes, 100 * res->s[1][0].hq, loaded->modes, 100 * loaded->hq,
           loaded->modes == res->s[1][0].modes && fabs(loaded->hq - res->s[1][0].hq) < 1e-9
               ? "aynı"
               : "FARKLI");
}

static int run_quiz(const LessonArgs *a) {
    static char e1[256], e2[256], e3[256];
    double p3 = 1 - exp(-4.5);
    snprintf(e1, sizeof e1,
             "2-B standart Gauss'ta r²/σ² ki-kare (chi-square, 2 serbestlik) dağılır: P(r <= 3σ) = 1 - e^{-9/2} = %.4f.", p3);
    double rkl = log(8.0 / 2.0);
    snprintf(e2, sizeof e2,
             "q iki modda 1/2, p = 1/8: KL = 2 · ½ log(½ · 8) = log 4 = %.4f.", rkl);
    double pm = 1 - pow(7.0 / 8, 3);
    snprintf(e3, sizeof e3,
             "Paketin 3 örneğinden en az birinin kayıp moda düşme olasılığı 1 - (7/8)^3 = %.4f.", pm);
    QuizQuestion qs[] = {
        {.q = "2-B bir Gauss'tan çekilen bir noktanın merkezine 3σ'dan yakın olma olasılığı "
              "kaçtır? (4 ondalık)",
         .answer = p3, .tol = 5e-4, .explain = e1},
        {.q = "8 modlu halkada üretilen yüksek kaliteli örneklerin yarısı bir moda, yarısı başka bir "
              "moda düşüyor. Ters KL kaçtır? (4 ondalık)",
         .answer = rkl, .tol = 5e-4, .explain = e2},
        {.q = "8 eşit modlu P'ye karşı bir modu hiç üretmeyen Q için, m = 3'lük paketlerde "
              "TV(P^3, Q^3) kaçtır? (4 ondalık)",
         .answer = pm, .tol = 5e-4, .explain = e3},
        {.q = "G için neden -log σ(D(G(z))) (doymayan kayıp) kullanılır?",
         .choices = {"Dengesi farklıdır, daha iyi bir G bulur",
                     "Eğitimin başında D sahteleri kolayca tanıyınca log(1 - σ) kaybının gradyanı "
                     "söner; bu kayıp tam o anda güçlü gradyan verir",
                     "D'nin parametre sayısını azaltır", "Mod çökmesini tamamen önler"},
         .correct = 1,
         .explain = "Aynı sabit noktaya gider; fark, σ(D(G(z))) ≈ 0 iken gradyanın büyüklüğüdür."},
        {.q = "Mod çökmesini neden kayıp eğrisinden göremeyiz?",
         .choices = {"L_D ve L_G bir oyunun iki yanıdır; ikisi de dengede dolaşır, kaç mod "
                     "üretildiğini söylemezler",
                     "Kayıplar her zaman sıfıra iner",
                     "Kayıp yalnızca test kümesinde hesaplanır", "Görebiliriz: L_G artar"},
         .correct = 0,
         .explain = "Çöken bir G, D'yi kandırdığı sürece düşük L_G'ye sahip olabilir; ölçüt mod "
                    "sayısını ayrıca saymalıdır."},
        {.q = "PacGAN4'te D'nin girişi nedir?",
         .choices = {"Tek bir nokta (2 sayı)",
                     "Aynı kaynaktan (hepsi gerçek ya da hepsi üretilmiş) 4 nokta yan yana: 8 sayı",
                     "2 gerçek + 2 üretilmiş nokta", "4 noktanın ortalaması"},
         .correct = 1,
         .explain = "Paket tek bir örnek gibi sınıflandırılır; bellekte (B,2) dizisi (B/4, 8) "
                    "olarak okunur."},
        {.q = "Mükemmel dengedeki bir GAN'da L_D kaçtır? (3 ondalık)", .answer = 2 * log(2.0),
         .tol = 2e-3,
         .explain = "D her yerde σ = 1/2 der: -log ½ - log ½ = 2 log 2 ≈ 1.386."},
        {.q = "Neden D'de ReLU yerine LeakyReLU?",
         .choices = {"Daha hızlı hesaplandığı için", "Çıkışı [0, 1] aralığında tuttuğu için",
                     "Negatif bölgede de küçük bir eğim bırakır; D'nin içinden G'ye giden gradyan "
                     "hiçbir bölgede tamamen kesilmez",
                     "Parametre sayısını azalttığı için"},
         .correct = 2,
         .explain = "G yalnızca D'nin girişe göre gradyanıyla öğrenir; ölü ReLU'lar bu sinyali "
                    "keser."},
    };
    return quiz_run("lesson14", qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

/* argv'den "--ad N" çiftini çıkarır (cli_parse'tan önce; bu derse özgü bayraklar). */
static int take_flag(int *argc, char **argv, const char *name, long lo, long hi, long *val) {
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], name) != 0) continue;
        if (i + 1 >= *argc) {
            fprintf(stderr, "hata: %s bir sayı bekliyor\n", name);
            exit(2);
        }
        *val = cli_parse_long(name, argv[i + 1], lo, hi);
        for (int j = i; j + 2 <= *argc; j++) argv[j] = argv[j + 2];
        *argc -= 2;
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    long nsample = 0, hidden = 128, batch = 256;
    int want_sample = take_flag(&argc, argv, "--sample", 1, 100000, &nsample);
    int hidden_given = take_flag(&argc, argv, "--hidden", 4, 1024, &hidden);
    take_flag(&argc, argv, "--batch", 8, 4096, &batch);
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson14", .title = "Üretken çekişmeli ağ (GAN) ve mod çökmesi",
                         .default_epochs = 6, .extras = CLI_MODEL | CLI_NO_DATA,
                         .epochs_help = "eğitim adımı sayısı, bin olarak",
                         .extra_help = "  --sample N     kayıtlı üreticiden N nokta çizer (--model ile)\n"
                                       "  --hidden H     gizli katman genişliği (varsayılan 128)\n"
                                       "  --batch B      yığın büyüklüğü (varsayılan 256, 4'ün katı)\n"});
    if (a.quiz) return run_quiz(&a);
    const char *path = a.model ? a.model
                       : a.quick ? MODEL_DIR "/lesson14_gan_quick.model"
                                 : MODEL_DIR "/lesson14_gan.model";
    if (want_sample) return sample_from(path, (int)nsample, a.ascii, NULL);
    if (batch % 4) {
        fprintf(stderr, "hata: --batch %ld: 4'ün katı olmalı (PacGAN4 paketleri)\n", batch);
        return 2;
    }
    char err[512];
    if (mkdir_p(MODEL_DIR) != 0) die("'%s' klasörü oluşturulamadı", MODEL_DIR);
    if (model_path_check_writable(path, err, sizeof err) != 0) die("%s", err);
#ifdef _OPENMP
    omp_set_max_active_levels(1);
#endif
    GanConf c = {.H = (int)hidden, .B = (int)batch, .pack = 4, .lr = 1e-3f,
                 .steps = a.epochs * 1000};
    if (a.quick && !a.epochs_given) c.steps = 300;
    if (a.quick && !hidden_given) c.H = 64;
    int nseeds = a.quick ? 2 : NSEEDS;
    Mix ring, grid;
    mix_ring(&ring);
    mix_grid(&grid);

    double real_hq, col_rkl, tv_c, tv_b;
    int col_modes;
    ModeScore unif;
    step1_data(&ring, &grid, &a, &real_hq, &col_modes, &col_rkl, &unif);
    RunLog pr, pg, kr, kg;
    double gc;
    step2_plain(&ring, &grid, &c, &a, &pr, &pg, &gc);
    step3_packing_math(&a, &tv_c, &tv_b);
    PackResult res;
    step4_pacgan(&ring, &grid, &c, &a, nseeds, &res, &kr, &kg, &pr, &pg, &unif, path);
    plot_snapshots("pacgan_izgara", "PacGAN4, ızgara: kırmızı üretilen, mavi halka gerçek modlar",
                   &grid, &kg, a.ascii);
    plot_snapshots("pacgan_halka", "PacGAN4, halka: kırmızı üretilen, mavi halka gerçek modlar",
                   &ring, &kr, a.ascii);
    plot_mode_curves(&pr, &pg, &kr, &kg, a.ascii);
    ModeScore loaded;
    step5_sample(path, &res, a.ascii, &loaded);

    printf("\nÖzet: ızgarada sade GAN %d/25 mod (kalite %%%.1f), PacGAN4 %d tohum ortalaması "
           "%.2f/25 (kalite %%%.1f);\nhalkada sade %d/8, PacGAN4 %.2f/8 (kalite %%%.1f). "
           "Toplam PacGAN süresi %.1f s.\n",
           pg.final.modes, 100 * pg.final.hq, nseeds, res.mean_modes[1], 100 * res.mean_hq[1],
           pr.final.modes, res.mean_modes[0], 100 * res.mean_hq[0], res.seconds);
    printf("SONUÇ: real_hq=%.4f collapsed_modes=%d collapsed_rkl=%.4f plain_ring_modes=%d "
           "plain_ring_hq=%.4f plain_grid_modes=%d plain_grid_hq=%.4f tv4_collapse=%.4f "
           "tv4_balanced=%.4f pac_ring_modes=%.2f pac_ring_min=%.0f pac_ring_hq=%.4f "
           "pac_ring_rkl=%.4f pac_grid_modes=%.2f pac_grid_min=%.0f pac_grid_hq=%.4f "
           "pac_grid_rkl=%.4f init_grid_modes=%d pac_grid_first_modes=%d pac_grid_first_hq=%.4f "
           "loaded_modes=%d loaded_hq=%.4f seeds=%d steps=%d H=%d B=%d "
           "pac_s=%.1f gradcheck=%.3e unif_grid_modes=%d unif_grid_hq=%.4f threads=%d\n",
           real_hq, col_modes, col_rkl, pr.final.modes, pr.final.hq, pg.final.modes, pg.final.hq,
           tv_c, tv_b, res.mean_modes[0], res.min_modes[0], res.mean_hq[0], res.mean_rkl[0],
           res.mean_modes[1], res.min_modes[1], res.mean_hq[1], res.mean_rkl[1], pg.modes[0],
           res.s[1][0].modes, res.s[1][0].hq, loaded.modes,
           loaded.hq, nseeds, c.steps, c.H, c.B, res.seconds, gc, unif.modes, unif.hq, a.threads);
    runlog_free(&pr);
    runlog_free(&pg);
    runlog_free(&kr);
    runlog_free(&kg);
    return 0;
}
