/*
 * lesson15 — Difüzyon modeli (DDPM): gürültüden ay-yıldız çizmek
 *
 * Bu derste öğrenecekleriniz:
 *   - İleri süreç (forward process): veriye adım adım Gauss gürültüsü eklemek ve bunun
 *     tek adımda yazılabilmesi: x_t = √ᾱ_t x_0 + √(1-ᾱ_t) ε.
 *   - Gürültü çizelgesi (noise schedule) tuzağı: kısa bir çizelge veriyi gürültüye
 *     ulaştırmazsa örnekleme (sampling) yanlış dağılımdan başlar. Bunu bir sayıyla görmek.
 *   - Gürültü tahmincisi (noise predictor): zamanı sinüslü gömmeyle (embedding) alan
 *     küçük bir MLP, ε-tahmini ortalama kare hatasıyla (mean squared error, MSE)
 *     eğitilir.
 *   - Ters süreç (reverse process): DDPM örneklemesi adım adım; belirlenimci (deterministic)
 *     az adımlı DDIM örnekleyicisi; kalitenin adım sayısına göre değişimi.
 *   - Üretilen noktaları ölçmek: enerji uzaklığı (energy distance), kesinlik (precision) ve
 *     duyarlılık (recall); eğitilmemiş bir örnekleyici ve yarısı atılmış bir veriyle kıyas.
 *   - Gizil difüzyon (latent diffusion): aynı tahminciyi lesson13'ün VAE'sinin 20 sayılık
 *     kodlarında eğitip MNIST rakamları çizmek; VAE'nin önselinden (prior) çekmekle ölçerek
 *     karşılaştırmak: önsel delikleri (prior hole).
 *
 * Veri: Türk bayrağının ay-yıldızı, Bayrak Tüzüğü'nün (1985) ölçülerinden üretilmiş nokta
 * bulutu; bir de standart "iki ay" (two moons) verisi. Adım 7: MNIST ve lesson13'ün
 * kaydettiği VAE (önce ./lesson13 çalıştırılmalı; yoksa adım 7 atlanır).
 *
 * Çalıştırma:  make lesson15 && ./lesson15      (tam eğitim, birkaç dakika)
 *              ./lesson15 --quick                (kısa koşu, testlerin kullandığı)
 *              ./lesson15 --sample 1000          (kayıtlı modelden 1000 nokta çizer)
 *              ./lesson15 --sample 64 --mnist    (kayıtlı gizil modelden 64 rakam çizer)
 *              ./lesson15 --quiz                 (kendini sına)
 * Yeni çekirdekler: GELU (common/nn/act_extra.c), sinüslü gömme (common/nn/sinemb.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"
#include "nn/act_extra.h"
#include "nn/sinemb.h"
#ifdef _OPENMP
#include <omp.h>
#endif

#define NSTEPS 7
#define NRES 3          /* artık (residual) blok sayısı */
#define XSCALE 25.0f    /* koordinat gömmesinin ölçeği (torch_models.py ile aynı) */
#define NTRAIN 8000     /* eğitim noktaları */
#define NEVAL 500       /* üretilen nokta ve ayrılmış gerçek nokta sayısı */
#define RADIUS 0.1      /* kesinlik / duyarlılık yarıçapı */
#define KIND "ddpm2d"

/* ======================================================================== */
/* Veri                                                                      */
/* ======================================================================== */
/*
 * Türk Bayrağı Tüzüğü, Madde 4 (G = bayrağın eni; uzunluklar G cinsinden, x uçkurluktan):
 *   ayın dış çemberi: çap 0.5, merkez x = 0.5;  iç çember: çap 0.4, merkez 0.0625 daha
 *   ileride (x = 0.5625); ay iki çemberin arasında kalan bölgedir.
 *   yıldız: çapı 0.25 olan çembere çizilen beş köşeli yıldız; bir ucu uçkurluğa bakar ve
 *   iç çemberin ekseni kestiği (uçkurluk yanındaki) noktadan G/3 uzaktadır:
 *   uç x = 0.5625 - 0.2 + 1/3 = 0.6958, merkez x = 0.6958 + 0.125 = 0.8208.
 * Nokta bulutu: bu şeklin içinden düzgün (uniform) örnekler (reddetme ile). Sonra
 * (x - 0.6, y) · 4 ile ölçeklenir: x ∈ [-1.4, 1.4], y ∈ [-1, 1].
 */
#define STAR_CX (0.5625 - 0.2 + 1.0 / 3.0 + 0.125)
#define STAR_R 0.125

/* (px,py) beş köşeli yıldızın içinde mi? Yıldız = 5 dış köşe + 5 iç köşe; iç yarıçap
 * düzgün {5/2} yıldızda R cos 72° / cos 36°. Nokta, merkezden bakınca düştüğü dilimin
 * üçgeninin içindeyse içeridedir. */
static int in_star(double px, double py) {
    double dx = px - STAR_CX, dy = py;
    double r = sqrt(dx * dx + dy * dy);
    if (r > STAR_R) return 0;
    double ri = STAR_R * cos(0.4 * M_PI) / cos(0.2 * M_PI);
    /* bir uç π yönünde (uçkurluğa doğru); köşeler 36°'de bir, dış-iç sırayla */
    double ang = atan2(dy, dx) - M_PI;
    double step = M_PI / 5;
    double u = fmod(fmod(ang, 2 * step) + 2 * step, 2 * step); /* [0, 72°) dilim içi açı */
    /* dilim: dış köşe (u=0, R) -> iç köşe (u=36°, ri) -> dış köşe (u=72°, R) */
    double a0, r0, a1, r1;
    if (u < step) a0 = 0, r0 = STAR_R, a1 = step, r1 = ri;
    else a0 = step, r0 = ri, a1 = 2 * step, r1 = STAR_R;
    /* merkez, köşe0, köşe1 üçgeni: kenar köşe0-köşe1'in merkez tarafında mı? */
    double x0 = r0 * cos(a0), y0 = r0 * sin(a0), x1 = r1 * cos(a1), y1 = r1 * sin(a1);
    double qx = r * cos(u), qy = r * sin(u);
    double cross_c = (x1 - x0) * (0 - y0) - (y1 - y0) * (0 - x0);
    double cross_q = (x1 - x0) * (qy - y0) - (y1 - y0) * (qx - x0);
    return cross_c * cross_q >= 0;
}

static int in_crescent(double px, double py) {
    double o = (px - 0.5) * (px - 0.5) + py * py, i = (px - 0.5625) * (px - 0.5625) + py * py;
    return o <= 0.25 * 0.25 && i > 0.2 * 0.2;
}

/* x (n, 2): bayrağın ay-yıldızından düzgün örnekler */
static void flag_sample(float *x, int n, Rng *r) {
    for (int i = 0; i < n;) {
        double px = 0.25 + rng_uniform(r) * (STAR_CX + STAR_R - 0.25);
        double py = -0.25 + rng_uniform(r) * 0.5;
        if (!in_crescent(px, py) && !in_star(px, py)) continue;
        x[2 * i] = (float)((px - 0.6) * 4.0);
        x[2 * i + 1] = (float)(py * 4.0);
        i++;
    }
}

/* İki ay (scikit-learn make_moons'un formülü): üst yay (cos θ, sin θ), alt yay
 * (1 - cos θ, 0.5 - sin θ), θ ∈ [0, π], gürültü σ = 0.05; sonra (x - 0.5, y - 0.25) · 1.2 */
static void moons_sample(float *x, int n, Rng *r) {
    for (int i = 0; i < n; i++) {
        double th = M_PI * rng_uniform(r), px, py;
        if (rng_int(r, 2)) px = cos(th), py = sin(th);
        else px = 1 - cos(th), py = 0.5 - sin(th);
        px += 0.05 * rng_normal(r), py += 0.05 * rng_normal(r);
        x[2 * i] = (float)((px - 0.5) * 1.2);
        x[2 * i + 1] = (float)((py - 0.25) * 1.2);
    }
}

typedef void (*SampleFn)(float *x, int n, Rng *r);
typedef struct {
    const char *name, *file;
    SampleFn fn;
} Dataset;
static const Dataset DATASETS[2] = {{"ay-yıldız", "bayrak", flag_sample},
                                    {"iki ay", "ikiay", moons_sample}};

/* ======================================================================== */
/* Ölçütler                                                                  */
/* ======================================================================== */
static double dist2(const float *a, const float *b) {
    double dx = a[0] - b[0], dy = a[1] - b[1];
    return sqrt(dx * dx + dy * dy);
}

/* Enerji uzaklığı (Székely): D² = 2 E|X-Y| - E|X-X'| - E|Y-Y'|. İki dağılım aynıysa 0,
 * değilse > 0. İç terimler i ≠ j üzerinden, yansız (unbiased) tahmin: aynı dağılımdan iki küme
 * için değer 0 çevresinde küçük bir sayıdır. */
static double energy_distance(const float *x, int n, const float *y, int m) {
    double xy = 0, xx = 0, yy = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) xy += dist2(x + 2 * i, y + 2 * j);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) xx += dist2(x + 2 * i, x + 2 * j);
    for (int i = 0; i < m; i++)
        for (int j = i + 1; j < m; j++) yy += dist2(y + 2 * i, y + 2 * j);
    return 2 * xy / ((double)n * m) - xx / (n * (n - 1) / 2.0) - yy / (m * (m - 1) / 2.0);
}

/* a'nın noktalarından kaçının r içinde bir b noktası var: pay (0..1) */
static double coverage(const float *a, int n, const float *b, int m, double r) {
    int hit = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            if (dist2(a + 2 * i, b + 2 * j) <= r) {
                hit++;
                break;
            }
    return (double)hit / n;
}

typedef struct {
    double ed, prec, rec;
} Quality;

/* Kesinlik: üretilenlerin ne kadarı verinin yanında (gerçekçilik);
 * duyarlılık: verinin ne kadarının yanında üretilen bir nokta var (çeşitlilik). */
static Quality quality(const float *gen, const float *held, int n) {
    Quality q = {energy_distance(gen, n, held, n), coverage(gen, n, held, n, RADIUS),
                 coverage(held, n, gen, n, RADIUS)};
    return q;
}

/* ======================================================================== */
/* Gürültü çizelgesi                                                         */
/* ======================================================================== */
#define TMAX 1000
typedef struct {
    int T;
    double beta[TMAX], alpha[TMAX], abar[TMAX];  /* α_t = 1 - β_t, ᾱ_t = Π_{s<=t} α_s */
} Schedule;

/* Doğrusal β: β_1 = lo ... β_T = hi (t = 0..T-1 dizinleriyle) */
static void schedule_linear(Schedule *s, int T, double lo, double hi) {
    s->T = T;
    double ab = 1;
    for (int t = 0; t < T; t++) {
        s->beta[t] = T > 1 ? lo + (hi - lo) * t / (T - 1) : lo;
        s->alpha[t] = 1 - s->beta[t];
        ab *= s->alpha[t];
        s->abar[t] = ab;
    }
}

/* ======================================================================== */
/* Gürültü tahmincisi ε_θ(x_t, t)                                            */
/* ======================================================================== */
/* torch_models.py ddpm2d ile aynı mimari. Şekiller: B yığın (batch), E gömme, H gizli,
 * Dx verinin boyu (ay-yıldızda 2, adım 7'nin gizil kodlarında 20).
 *   e  = [emb(x1·25) | ... | emb(x_Dx·25) | emb(t)]    (B, IN)  IN = Dx·Ex + E
 *        (Ex = 0 ise koordinatlar gömülmeden girer: e = [x | emb(t)], IN = Dx + E)
 *   h0 = GELU(e W_in + b_in)                           (B, H)
 *   h_{k+1} = h_k + GELU(h_k W_k + b_k), k = 0..2      (B, H)   artık bloklar
 *   ε̂  = h_3 W_out + b_out                            (B, Dx)
 * GELU, yani Gauss hata doğrusal birimi (Gaussian error linear unit), ReLU'nun yumuşak
 * hâlidir: GELU(a) = a Φ(a), Φ standart normal dağılımın birikimli dağılım fonksiyonu. Büyük
 * a'da a, çok negatif a'da 0 verir, arada pürüzsüzdür; türevi her yerde tanımlı olduğundan
 * tahmin edilen gürültü de konuma göre pürüzsüz değişir (formülü ve türevi:
 * common/nn/act_extra.h). Artık bloklar (lesson12'deki artık bağlantı (residual connection))
 * her bloğun girişini çıkışına ekler: blok yalnızca bir düzeltme öğrenir ve gradyan
 * (gradient) bu kısa yoldan ilk katmanlara zayıflamadan ulaşır. */
typedef struct {
    int Dx, Ex, E, H, IN, maxB;
    float *Win, *bin, *Wr[NRES], *br[NRES], *Wout, *bout;       /* ağırlıklar */
    float *gWin, *gbin, *gWr[NRES], *gbr[NRES], *gWout, *gbout; /* gradyanlar (gradient) */
    Params P;
    /* ara değerler (maxB, ·) */
    float *e, *a0, *h[NRES + 1], *a[NRES], *out;
    float *dh, *da, *tmp, *tv;
} Denoiser;

/* Genel kurulum: Dx boyutlu veri, koordinat başına Ex'lik gömme (0: ham koordinat),
 * E'lik zaman gömmesi. */
static void den_build_d(Denoiser *m, int Dx, int Ex, int E, int H, int maxB) {
    static const char *wn[NRES] = {"W_r1", "W_r2", "W_r3"}, *bn[NRES] = {"b_r1", "b_r2", "b_r3"};
    m->Dx = Dx, m->Ex = Ex, m->E = E, m->H = H, m->maxB = maxB;
    m->IN = (Ex > 0 ? Dx * Ex : Dx) + E;
    params_init(&m->P);
    params_add(&m->P, "W_in", &m->Win, &m->gWin, (size_t)m->IN * H);
    params_add(&m->P, "b_in", &m->bin, &m->gbin, (size_t)H);
    for (int k = 0; k < NRES; k++) {
        params_add(&m->P, wn[k], &m->Wr[k], &m->gWr[k], (size_t)H * H);
        params_add(&m->P, bn[k], &m->br[k], &m->gbr[k], (size_t)H);
    }
    params_add(&m->P, "W_out", &m->Wout, &m->gWout, (size_t)H * Dx);
    params_add(&m->P, "b_out", &m->bout, &m->gbout, (size_t)Dx);
    params_alloc(&m->P);
    size_t bh = (size_t)maxB * H;
    m->e = xcalloc((size_t)maxB * m->IN, sizeof(float));
    m->a0 = xcalloc(bh, sizeof(float));
    for (int k = 0; k <= NRES; k++) m->h[k] = xcalloc(bh, sizeof(float));
    for (int k = 0; k < NRES; k++) m->a[k] = xcalloc(bh, sizeof(float));
    m->out = xcalloc((size_t)maxB * Dx, sizeof(float));
    m->dh = xcalloc(bh, sizeof(float));
    m->da = xcalloc(bh, sizeof(float));
    m->tmp = xcalloc(bh, sizeof(float));
    m->tv = xcalloc((size_t)maxB, sizeof(float));
}

/* Ay-yıldızın modeli: 2 koordinat, ikisi de E'lik sinüslü gömmeyle. */
static void den_build(Denoiser *m, int E, int H, int maxB) { den_build_d(m, 2, E, E, H, maxB); }

/* PyTorch nn.Linear varsayılanı gibi: W, b ~ U(-1/√IN, 1/√IN) */
static void den_init(Denoiser *m, Rng *r) {
    for (size_t i = 0; i < m->P.n; i++) m->P.params[i] = 0;
    int H = m->H;
    struct { float *w, *b; int in, out; } L[NRES + 2];
    L[0].w = m->Win, L[0].b = m->bin, L[0].in = m->IN, L[0].out = H;
    for (int k = 0; k < NRES; k++) L[k + 1].w = m->Wr[k], L[k + 1].b = m->br[k], L[k + 1].in = H, L[k + 1].out = H;
    L[NRES + 1].w = m->Wout, L[NRES + 1].b = m->bout, L[NRES + 1].in = H, L[NRES + 1].out = m->Dx;
    for (int l = 0; l < NRES + 2; l++) {
        float a = 1.0f / sqrtf((float)L[l].in);
        for (int i = 0; i < L[l].in * L[l].out; i++) L[l].w[i] = a * (2 * rng_uniform(r) - 1);
        for (int i = 0; i < L[l].out; i++) L[l].b[i] = a * (2 * rng_uniform(r) - 1);
    }
}

static void den_free(Denoiser *m) {
    params_free(&m->P);
    free(m->e), free(m->a0), free(m->out), free(m->dh), free(m->da), free(m->tmp), free(m->tv);
    for (int k = 0; k <= NRES; k++) free(m->h[k]);
    for (int k = 0; k < NRES; k++) free(m->a[k]);
}

/* x (B,Dx), t (B) zaman adımları (0..T-1) -> ε̂ (B,Dx) */
static const float *den_forward(Denoiser *m, const float *x, const int *t, int B) {
    int Dx = m->Dx, E = m->E, H = m->H, ld = m->IN;
    if (m->Ex > 0) {
        for (int c = 0; c < Dx; c++) {
            for (int b = 0; b < B; b++) m->tv[b] = x[(size_t)b * Dx + c];
            sinemb_forward(m->e + c * m->Ex, m->tv, B, m->Ex, XSCALE, ld);
        }
    } else {
        for (int b = 0; b < B; b++) memcpy(m->e + (size_t)b * ld, x + (size_t)b * Dx, sizeof(float) * Dx);
    }
    for (int b = 0; b < B; b++) m->tv[b] = (float)t[b];
    sinemb_forward(m->e + (ld - E), m->tv, B, E, 1.0f, ld);
    dense_forward(m->a0, m->e, m->Win, m->bin, B, ld, H);
    gelu_forward(m->h[0], m->a0, (size_t)B * H);
    for (int k = 0; k < NRES; k++) {
        dense_forward(m->a[k], m->h[k], m->Wr[k], m->br[k], B, H, H);
        gelu_forward(m->h[k + 1], m->a[k], (size_t)B * H);
        for (size_t i = 0; i < (size_t)B * H; i++) m->h[k + 1][i] += m->h[k][i];
    }
    dense_forward(m->out, m->h[NRES], m->Wout, m->bout, B, H, Dx);
    return m->out;
}

/* dout (B,Dx) -> ağırlık gradyanları (+=). Artık bağlantı (residual): dh_k = dh_{k+1} + (da_k W_kᵀ). */
static void den_backward(Denoiser *m, const float *dout, int B) {
    int H = m->H;
    size_t n = (size_t)B * H;
    memset(m->dh, 0, n * sizeof(float));
    dense_backward(m->dh, m->gWout, m->gbout, dout, m->h[NRES], m->Wout, B, H, m->Dx);
    for (int k = NRES - 1; k >= 0; k--) {
        memset(m->da, 0, n * sizeof(float));
        gelu_backward(m->da, m->dh, m->a[k], n);            /* da_k = dh_{k+1} ⊙ GELU'(a_k) */
        memset(m->tmp, 0, n * sizeof(float));
        dense_backward(m->tmp, m->gWr[k], m->gbr[k], m->da, m->h[k], m->Wr[k], B, H, H);
        for (size_t i = 0; i < n; i++) m->dh[i] += m->tmp[i]; /* dh_k = dh_{k+1} + da_k W_kᵀ */
    }
    memset(m->da, 0, n * sizeof(float));
    gelu_backward(m->da, m->dh, m->a0, n);
    dense_backward(NULL, m->gWin, m->gbin, m->da, m->e, m->Win, B, m->IN, H);
}

/* ======================================================================== */
/* Eğitim                                                                    */
/* ======================================================================== */
/*
 * Bir adım: x_0 eğitim verisinden, t ~ U{0..T-1}, ε ~ N(0, I);
 *   x_t = √ᾱ_t x_0 + √(1-ᾱ_t) ε,   L = (1/(Dx B)) Σ ||ε̂ - ε||²  (Dx koordinatın ortalaması,
 *   PyTorch F.mse_loss ile aynı),  dL/dε̂ = 2 (ε̂ - ε) / (Dx B)  (Dx = 2 ise (ε̂ - ε) / B).
 */
typedef struct {
    float *x, *eps, *dout;
    int *t;
} Batch;

static double ddpm_train_step(Denoiser *m, Adam *opt, const Schedule *s, const float *data, int ndata,
                         int B, Batch *bt, Rng *r) {
    for (int b = 0; b < B; b++) {
        int Dx = m->Dx;
        const float *x0 = data + (size_t)Dx * rng_int(r, ndata);
        int t = rng_int(r, s->T);
        float sa = (float)sqrt(s->abar[t]), sn = (float)sqrt(1 - s->abar[t]);
        bt->t[b] = t;
        for (int c = 0; c < Dx; c++) {
            float e = rng_normal(r);
            bt->eps[Dx * b + c] = e;
            bt->x[Dx * b + c] = sa * x0[c] + sn * e;
        }
    }
    const float *pred = den_forward(m, bt->x, bt->t, B);
    double L = 0;
    int nb = m->Dx * B;
    for (int i = 0; i < nb; i++) {
        double d = pred[i] - bt->eps[i];
        L += d * d;
        bt->dout[i] = (float)(2 * d / nb);
    }
    params_zero_grad(&m->P);
    den_backward(m, bt->dout, B);
    adam_step(opt, m->P.params, m->P.grads);
    return L / nb;
}

typedef struct {
    int steps, B, E, H, T;
    float lr;
} DdpmConf;

#define NLOSS 50
typedef struct {
    int n, step[NLOSS];
    float loss[NLOSS];
    double seconds;
} TrainLog;

/* Öğrenme oranı (learning rate) kosinüsle lr'den 0'a iner. */
static void train(Denoiser *m, const DdpmConf *c, const Schedule *s, const float *data, int ndata,
                  int seed, TrainLog *log) {
    Rng r;
    rng_seed(&r, (uint64_t)seed);
    den_init(m, &r);
    Adam opt;
    adam_init(&opt, m->P.n, c->lr);
    size_t nb = (size_t)c->B * m->Dx;
    Batch bt = {xcalloc(nb, sizeof(float)), xcalloc(nb, sizeof(float)), xcalloc(nb, sizeof(float)),
                xcalloc((size_t)c->B, sizeof(int))};
    memset(log, 0, sizeof *log);
    int every = c->steps / NLOSS > 0 ? c->steps / NLOSS : 1;
    double acc = 0, t0 = now_sec();
    int na = 0;
    for (int it = 0; it < c->steps; it++) {
        opt.lr = c->lr * 0.5f * (1.0f + cosf((float)M_PI * it / c->steps));
        acc += ddpm_train_step(m, &opt, s, data, ndata, c->B, &bt, &r);
        na++;
        if ((it + 1) % every == 0 && log->n < NLOSS) {
            log->step[log->n] = it + 1;
            log->loss[log->n] = (float)(acc / na);
            log->n++;
            acc = 0, na = 0;
        }
    }
    log->seconds = now_sec() - t0;
    adam_free(&opt);
    free(bt.x), free(bt.eps), free(bt.dout), free(bt.t);
}

/* ======================================================================== */
/* Örnekleme                                                                 */
/* ======================================================================== */
/*
 * Genel adım (Song ve diğ., DDIM, 2021), t'den önceki adım t' < t'ye:
 *   $\hat x_0 = (x_t - \sqrt{1-\bar\alpha_t}\,\hat\varepsilon) / \sqrt{\bar\alpha_t}$   (şu anki "temiz" tahmin)
 *   $\sigma = \eta\,\sqrt{(1-\bar\alpha_{t'})/(1-\bar\alpha_t)}\,\sqrt{1 - \bar\alpha_t/\bar\alpha_{t'}}$
 *   $x_{t'} = \sqrt{\bar\alpha_{t'}}\,\hat x_0 + \sqrt{1-\bar\alpha_{t'}-\sigma^2}\,\hat\varepsilon + \sigma z, \quad z \sim \mathcal{N}(0, I)$
 * η = 1 ve t' = t-1: DDPM'in (Ho ve diğ., 2020) ters adımıdır (σ² = β̃_t, sonsal varyans):
 *   $x_{t-1} = \frac{1}{\sqrt{\alpha_t}}\Big(x_t - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\,\hat\varepsilon\Big) + \sigma_t z$.
 * η = 0: gürültü eklenmez, belirlenimci DDIM. Adım dizisi T'den 0'a eşit aralıklı S adım.
 * Son adımda (t' yok) x̂_0 döndürülür.
 * x (n, Dx). traj (S+1, ntraj, Dx) NULL değilse ilk ntraj noktanın yolu yazılır.
 */
static void sample(Denoiser *m, const Schedule *s, float *x, int n, int S, double eta, Rng *r,
                   float *traj, int ntraj, int *traj_t) {
    size_t nx = (size_t)m->Dx * n, ntr = (size_t)m->Dx * ntraj;
    for (size_t i = 0; i < nx; i++) x[i] = rng_normal(r);
    int *tt = xmalloc(sizeof(int) * n);
    int seq[TMAX];
    for (int i = 0; i < S; i++) seq[i] = (int)((long)(s->T - 1) * (S - 1 - i) / (S > 1 ? S - 1 : 1));
    /* seq: T-1, ..., 0 (azalan) */
    if (traj) {
        memcpy(traj, x, sizeof(float) * ntr);
        if (traj_t) traj_t[0] = s->T;
    }
    for (int i = 0; i < S; i++) {
        int t = seq[i];
        for (int b = 0; b < n; b++) tt[b] = t;
        const float *e = den_forward(m, x, tt, n);
        double ab = s->abar[t], abp = i + 1 < S ? s->abar[seq[i + 1]] : 1.0;
        double sig = 0;
        if (i + 1 < S && eta > 0) sig = eta * sqrt((1 - abp) / (1 - ab)) * sqrt(1 - ab / abp);
        double c_dir = sqrt(fmax(0.0, 1 - abp - sig * sig));
        for (size_t j = 0; j < nx; j++) {
            double x0 = (x[j] - sqrt(1 - ab) * e[j]) / sqrt(ab);
            x[j] = (float)(i + 1 < S ? sqrt(abp) * x0 + c_dir * e[j] + sig * rng_normal(r) : x0);
        }
        if (traj) {
            memcpy(traj + (size_t)(i + 1) * ntr, x, sizeof(float) * ntr);
            if (traj_t) traj_t[i + 1] = i + 1 < S ? seq[i + 1] : 0;
        }
    }
    free(tt);
}

/* ======================================================================== */
/* Adımlar                                                                   */
/* ======================================================================== */
typedef struct {
    float *train, *held;  /* (NTRAIN,2), (NEVAL,2) */
} Data;

/*
 * Adım 1: Veri ve ölçütler
 *
 * Üretilen 500 noktayı, eğitimde hiç kullanılmamış 500 gerçek noktayla (ayrılmış küme,
 * held-out) karşılaştırırız:
 *   - Enerji uzaklığı (energy distance): D² = 2 E|X-Y| - E|X-X'| - E|Y-Y'|. Yalnızca iki
 *     dağılım aynıysa 0'dır; noktalar arasındaki ortalama uzaklıklardan hesaplanır.
 *   - Kesinlik (precision, r = 0.1): üretilen noktaların kaçının 0.1 yakınında bir gerçek
 *     nokta var? "Üretilenler verinin üstünde mi?"
 *   - Duyarlılık (recall, r = 0.1): gerçek noktaların kaçının 0.1 yakınında üretilen bir
 *     nokta var? "Verinin her yeri üretiliyor mu?" Mod çökmesi (mode collapse, lesson14)
 *     duyarlılığı düşürür.
 * Sayıların ne anlama geldiğini görmek için iki kıyas: aynı dağılımdan başka 500 nokta
 * (ulaşılabilecek en iyi) ve verinin yarısını atan (yalnızca x < ortanca (median)) bir küme.
 */
static void step1_data(Data d[2], const LessonArgs *a, Quality *ideal, Quality *half) {
    step_banner(1, NSTEPS, "Veri: ay-yıldız ve iki ay; üretilen noktaları ölçmek");
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 1000);
    for (int k = 0; k < 2; k++) {
        d[k].train = xmalloc(sizeof(float) * 2 * NTRAIN);
        d[k].held = xmalloc(sizeof(float) * 2 * NEVAL);
        DATASETS[k].fn(d[k].train, NTRAIN, &r);
        DATASETS[k].fn(d[k].held, NEVAL, &r);
    }
    printf("Ay: dış çember çap 0.5G (merkez 0.5G), iç çember çap 0.4G (merkez 0.5625G);\n"
           "yıldız: çevre çemberi çapı 0.25G, merkez %.4fG (G: bayrağın eni).\n", STAR_CX);
    /* Yıldızın payı: alan oranı */
    int nstar = 0;
    for (int i = 0; i < NTRAIN; i++) nstar += d[0].train[2 * i] > (float)((0.5625 + 0.2 - 0.6) * 4);
    printf("%d eğitim noktası, %d ayrılmış nokta (her veri için). Ayın iç çemberinin\n"
           "sağında (çoğu yıldızda) kalan noktaların payı %%%.1f: yıldız küçük bir alan.\n",
           NTRAIN, NEVAL, 100.0 * nstar / NTRAIN);
    static float other[2 * NEVAL], halfx[2 * NEVAL];
    DATASETS[0].fn(other, NEVAL, &r);
    /* yarısı atılmış: x'i ortancadan küçük noktalar, sayı NEVAL olana dek */
    float xs[NTRAIN];
    for (int i = 0; i < NTRAIN; i++) xs[i] = d[0].train[2 * i];
    double med;
    {
        double tmp[NTRAIN];
        for (int i = 0; i < NTRAIN; i++) tmp[i] = xs[i];
        med = median_d(tmp, NTRAIN);
    }
    int nh = 0;
    for (int i = 0; i < NTRAIN && nh < NEVAL; i++)
        if (xs[i] < med) halfx[2 * nh] = d[0].train[2 * i], halfx[2 * nh + 1] = d[0].train[2 * i + 1], nh++;
    *ideal = quality(other, d[0].held, NEVAL);
    *half = quality(halfx, d[0].held, nh);
    printf("Ay-yıldız, ayrılmış 500 noktaya karşı:\n"
           "                          enerji uzaklığı  kesinlik  duyarlılık\n");
    printf("  başka 500 gerçek nokta      %7.4f        %.3f      %.3f\n",
           ideal->ed, ideal->prec, ideal->rec);
    printf("  yarısı atılmış veri         %7.4f        %.3f      %.3f\n",
           half->ed, half->prec, half->rec);
    printf("Yarım veri gerçek noktalardan oluştuğu için kesinliği yüksek kalır; eksik yarıyı\n"
           "duyarlılık ve enerji uzaklığı yakalar. Hedefimiz: uzaklık <= 0.02, kesinlik ve\n"
           "duyarlılık >= 0.9.\n");

    Plot p;
    /* Şekil veri: Modelin öğreneceği iki nokta bulutu: ay-yıldız ve iki ay; üretilen örneklerin bu
     * biçimlere ne kadar benzediğine sonraki şekillerde bakacağız. */
    FILE *f = plot_begin(&p, "lesson15", "veri");
    plot_write_xy(f, d[0].train, 3000);
    plot_write_xy(f, d[1].train, 3000);
    plot_finish_size(&p,
                     "set multiplot layout 1,2 title 'Eğitim verisi (3000 nokta)'\n"
                     "set size ratio -1\nunset key\n"
                     "set object 1 rect from graph 0,0 to graph 1,1 fc rgb '#e30a17' behind\n"
                     "set title 'ay-yıldız (Bayrak Tüzüğü ölçüleri)'\n"
                     "plot [-1.6:1.6][-1.2:1.2] 'veri.dat' index 0 w p pt 7 ps 0.2 lc rgb 'white'\n"
                     "unset object 1\n"
                     "set title 'iki ay'\n"
                     "plot [-1.6:1.6][-1.2:1.2] 'veri.dat' index 1 w p pt 7 ps 0.2 lc rgb '#2166ac'\n"
                     "unset multiplot\n",
                     1100, 480);
    plot_render(&p, a->ascii);
    printf("Grafik: %s\n", plot_png_path(&p));
}

/*
 * Adım 2: İleri süreç ve gürültü çizelgesi
 *
 * Her adımda biraz gürültü eklenir: $q(x_t \mid x_{t-1}) = \mathcal{N}(\sqrt{1-\beta_t}\,x_{t-1},\, \beta_t I)$.
 * Gauss'ların toplamı yine Gauss olduğundan T adımı tek formüle iner (α_t = 1 - β_t,
 * ᾱ_t = α_1 α_2 ... α_t):
 *   $x_t = \sqrt{\bar\alpha_t}\,x_0 + \sqrt{1-\bar\alpha_t}\,\varepsilon, \qquad \varepsilon \sim \mathcal{N}(0, I)$
 * Örnekleme x_T ~ N(0, I)'dan başlar; bu ancak √ᾱ_T ≈ 0 ise doğrudur. DDPM makalesinin
 * çizelgesi (β: 1e-4'ten 0.02'ye doğrusal) T = 1000 için tasarlandı. Aynı β'ları T = 50
 * ile kullanmak (küçük örneklerde sık yapılır) tuzaktır: Σβ ≈ 0.5, ᾱ_T ≈ e^{-0.5}. Çare:
 * β'ları 1000/T ile ölçeklemek (Nichol ve Dhariwal, 2021): T = 200 için β 5e-4'ten 0.1'e.
 */
static void step2_forward(const Data d[2], const Schedule *sch, const LessonArgs *a,
                          double *trap_sab, double *good_sab, double *trap_ed, double *good_ed) {
    step_banner(2, NSTEPS, "İleri süreç: veriyi adım adım gürültüye çevirmek");
    Schedule s50, s200, s1000;
    schedule_linear(&s50, 50, 1e-4, 0.02);
    schedule_linear(&s200, 200, 1e-4, 0.02);
    schedule_linear(&s1000, 1000, 1e-4, 0.02);
    *trap_sab = sqrt(s50.abar[49]);
    *good_sab = sqrt(sch->abar[sch->T - 1]);
    printf("Son adımda kalan sinyal √ᾱ_T (x_T = √ᾱ_T x_0 + √(1-ᾱ_T) ε):\n");
    printf("  doğrusal β 1e-4..0.02, T = 50  : √ᾱ_T = %.3f   <- tuzak\n", *trap_sab);
    printf("  doğrusal β 1e-4..0.02, T = 200 : √ᾱ_T = %.3f\n", sqrt(s200.abar[199]));
    printf("  doğrusal β 1e-4..0.02, T = 1000: √ᾱ_T = %.4f  (makalenin ayarı)\n", sqrt(s1000.abar[999]));
    {
        /* "5e-04" yerine "5e-4": üstteki satırlarla aynı yazım ve aynı sütunlar */
        char lo[16], hi[16], row[64];
        snprintf(lo, sizeof lo, "%.0e", sch->beta[0]);
        char *e = strstr(lo, "e-0");
        if (e) memmove(e + 2, e + 3, strlen(e + 3) + 1);
        snprintf(hi, sizeof hi, "%.2f", sch->beta[sch->T - 1]);
        snprintf(row, sizeof row, "ölçekli  β %s..%s, T = %d", lo, hi, sch->T);
        printf("  ");
        term_pad(row, 31);
        printf(": √ᾱ_T = %.4f  <- bu derste\n", *good_sab);
    }
    /* Tuzağın sayısı: x_T'nin dağılımı N(0, I)'dan ne kadar uzak? */
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 2000);
    static float xt[2 * NEVAL], z[2 * NEVAL];
    for (int i = 0; i < 2 * NEVAL; i++) z[i] = rng_normal(&r);
    const Schedule *S2[2] = {&s50, sch};
    double ed[2];
    for (int k = 0; k < 2; k++) {
        double ab = S2[k]->abar[S2[k]->T - 1];
        for (int i = 0; i < 2 * NEVAL; i++)
            xt[i] = (float)(sqrt(ab) * d[0].held[i] + sqrt(1 - ab) * rng_normal(&r));
        ed[k] = energy_distance(xt, NEVAL, z, NEVAL);
    }
    *trap_ed = ed[0], *good_ed = ed[1];
    printf("x_T'nin N(0, I)'ya enerji uzaklığı: T = 50 doğrusal %.4f,\nbu dersin çizelgesi %.4f.\n"
           "Tuzakta x_T'deki sinyal katsayısı hâlâ √ᾱ_T = %.2f; N(0, I)'dan başlayan\n"
           "örnekleyici, modelin eğitimde hiç görmediği bir noktadan yola çıkar.\n",
           ed[0], ed[1], *trap_sab);

    /* ᾱ_t eğrileri (t/T'ye karşı) */
    Plot p;
    /* Şekil cizelge: Her çizelgede sinyalin kalan payı adım adım azalır ve son adımda 0'a yakın
     * olmalıdır: kısa doğrusal çizelgenin sonda hâlâ ne kadar sinyal bıraktığına bakın; iki eğri
     * üst üste biner, kesik çizgi altındakini örter. */
    FILE *f = plot_begin(&p, "lesson15", "cizelge");
    const Schedule *SS[4] = {&s50, &s200, &s1000, sch};
    for (int k = 0; k < 4; k++) {
        for (int t = 0; t < SS[k]->T; t++)
            fprintf(f, "%.5f %.6f\n", (t + 1.0) / SS[k]->T, sqrt(SS[k]->abar[t]));
        fputs("\n\n", f);
    }
    char body[1024];
    snprintf(body, sizeof body,
             "set title 'Kalan sinyal √ᾱ_t: son adımda 0 olmalı'\n"
             "set xlabel 't / T'\nset ylabel '√ᾱ_t'\nset grid\n"
             "set key bottom left box opaque\n"
             "plot 'cizelge.dat' index 0 w l lw 2 t 'doğrusal, T = 50 (tuzak)', "
             "'' index 1 w l lw 2 t 'doğrusal, T = 200', '' index 2 w l lw 2 t 'doğrusal, T = 1000', "
             "'' index 3 w l lw 3 dt 2 t 'ölçekli, T = %d (bu ders)'\n",
             sch->T);
    plot_finish(&p, body);
    plot_render(&p, a->ascii);
    printf("Grafik: %s\n", plot_png_path(&p));

    /* İleri süreç anlık görüntüleri */
    int ts[5] = {0, sch->T / 20, sch->T / 8, sch->T / 3, sch->T - 1};
    /* Şekil ileri_surec: İleri süreçte gürültü eklendikçe ay-yıldızın biçimi soldan sağa kaybolur
     * ve son panelde nokta bulutu Gauss gürültüsünden ayırt edilemez. */
    f = plot_begin(&p, "lesson15", "ileri_surec");
    for (int k = 0; k < 5; k++) {
        double ab = sch->abar[ts[k]];
        for (int i = 0; i < 1500; i++)
            fprintf(f, "%.5f %.5f\n", sqrt(ab) * d[0].train[2 * i] + sqrt(1 - ab) * rng_normal(&r),
                    sqrt(ab) * d[0].train[2 * i + 1] + sqrt(1 - ab) * rng_normal(&r));
        fputs("\n\n", f);
    }
    char b2[2048];
    int n = snprintf(b2, sizeof b2, "set multiplot layout 1,5 title 'İleri süreç: x_t = √ᾱ_t x_0 + "
                                     "√(1-ᾱ_t) ε'\nset size ratio -1\nunset key\n"
                                     "set format x ''\nset format y ''\n");
    for (int k = 0; k < 5; k++)
        n += snprintf(b2 + n, sizeof b2 - n,
                      "set title 't = %d, √ᾱ = %.2f'\n"
                      "plot [-3:3][-3:3] 'ileri_surec.dat' index %d w p pt 7 ps 0.2 lc rgb '#b2182b'\n",
                      ts[k] + 1, sqrt(sch->abar[ts[k]]), k);
    snprintf(b2 + n, sizeof b2 - n, "unset multiplot\n");
    plot_finish_size(&p, b2, 1500, 360);
    plot_render(&p, a->ascii);
    printf("Grafik: %s\n", plot_png_path(&p));
}

/* Gradyan denetimi için küçük bir model ve yığın */
typedef struct {
    Denoiser *m;
    const float *x, *eps;
    const int *t;
    int B;
} GcCtx;
static double gc_loss(void *p) {
    GcCtx *c = p;
    const float *o = den_forward(c->m, c->x, c->t, c->B);
    double L = 0;
    int nb = c->m->Dx * c->B;
    for (int i = 0; i < nb; i++) L += (double)(o[i] - c->eps[i]) * (o[i] - c->eps[i]);
    return L / nb;
}

/* Küçük bir modelde (E = 8, H = 12) bütün parametrelerin gradyanı sonlu farklarla (finite differences).
 * Dx = 2, Ex = 8: ay-yıldızın modeli; Dx = 5, Ex = 0: adım 7'nin gizil kod
 * modelinin küçük hâli (koordinatlar gömülmeden girer). */
static double gradcheck_denoiser_d(int seed, int Dx, int Ex) {
    Denoiser m;
    den_build_d(&m, Dx, Ex, 8, 12, 4);
    Rng r;
    rng_seed(&r, (uint64_t)seed);
    den_init(&m, &r);
    float x[4 * 8], eps[4 * 8], dout[4 * 8];
    int t[4], nb = 4 * Dx;
    for (int i = 0; i < nb; i++) x[i] = rng_normal(&r), eps[i] = rng_normal(&r);
    for (int b = 0; b < 4; b++) t[b] = rng_int(&r, 200);
    GcCtx c = {&m, x, eps, t, 4};
    const float *o = den_forward(&m, x, t, 4);
    for (int i = 0; i < nb; i++) dout[i] = 2 * (o[i] - eps[i]) / nb;
    params_zero_grad(&m.P);
    den_backward(&m, dout, 4);
    GradCheck g = gradcheck(gc_loss, &c, m.P.params, m.P.grads, m.P.n, 400, 1e-2, 2e-2, 1e-4);
    den_free(&m);
    return g.checked > 0 ? g.worst : 1e9;
}
static double gradcheck_denoiser(int seed) { return gradcheck_denoiser_d(seed, 2, 8); }

static void plot_loss(const TrainLog *L, int ascii) {
    float x[NLOSS], y0[NLOSS], y1[NLOSS];
    for (int i = 0; i < L[0].n; i++) x[i] = (float)L[0].step[i], y0[i] = L[0].loss[i], y1[i] = L[1].loss[i];
    const float *ys[2] = {y0, y1};
    const char *names[2] = {"ay-yıldız", "iki ay"};
    /* Şekil kayip: İki nokta bulutunda gürültü tahmininin kaybı (loss): ilk adımlarda hızla inip
     * sonra yavaşça düzleştiğine bakın; kayıp 0'a inmez, çünkü her adımın gürültüsü yeniden
     * rastgele çekilir. */
    plot_lines("lesson15", "kayip", "Gürültü tahmininin kaybı (loss), ε-MSE", "adım", "kayıp", L[0].n, x,
               2, ys, names, 0, ascii);
}

/*
 * Adım 3: Gürültü tahmincisi ve eğitimi
 *
 * Model x_t'ye bakıp içine katılan ε'u tahmin eder: ε̂ = ε_θ(x_t, t). Aynı x_t farklı
 * t'lerde farklı anlam taşır (t büyükse neredeyse hepsi gürültüdür), bu yüzden t de
 * girer; sayıyı doğrudan vermek yerine sinüslü gömmeyle (lesson11'deki konumsal
 * kodlamanın (positional encoding) aynısı) 64 sayıya açarız. Koordinatlar da 25
 * ölçekli sinüslü gömmeyle girer: küçük konum farkları büyük açı farklarına dönüşür, MLP ince ayrıntıyı
 * (yıldızın uçları) daha kolay öğrenir. Kayıp basit bir MSE'dir:
 *   $L = \mathbb{E}_{x_0, t, \varepsilon}\,\big\|\varepsilon - \varepsilon_\theta(\sqrt{\bar\alpha_t}\,x_0 + \sqrt{1-\bar\alpha_t}\,\varepsilon,\; t)\big\|^2$
 * Ho ve diğ. (2020) bunun, varyasyonel alt sınırın (ELBO) ağırlıkları atılmış hâli
 * olduğunu gösterdi. Geri geçiş elle yazıldı; önce sonlu farklarla denetliyoruz.
 */
static void step3_train(Denoiser m[2], const DdpmConf *c, const Schedule *s, const Data d[2],
                        const LessonArgs *a, double *gc, TrainLog L[2]) {
    step_banner(3, NSTEPS, "Gürültü tahmincisi: sinüslü gömme + MLP, ε-MSE");
    *gc = gradcheck_denoiser(a->seed);
    printf("Sonlu fark denetimi (küçük model, bütün parametreler): en kötü\n"
           "|sayısal - analitik| / tolerans oranı %.3f (<= 1 geçer).\n", *gc);
    printf("Model: [emb(x1) | emb(x2) | emb(t)] (3 x %d) -> %d -> GELU\n"
           "       -> %d artık blok -> 2\n",
           c->E, c->H, NRES);
    printf("Yığın %d, %d adım, Adam %g (kosinüsle 0'a), T = %d.\nİki veri iki iş parçacığında.\n",
           c->B, c->steps, c->lr, c->T);
    fflush(stdout);
#pragma omp parallel for schedule(static, 1) num_threads(a->threads < 2 ? 1 : 2)
    for (int k = 0; k < 2; k++) {
        den_build(&m[k], c->E, c->H, c->B > NEVAL ? c->B : NEVAL);
        train(&m[k], c, s, d[k].train, NTRAIN, a->seed + k, &L[k]);
    }
    char desc[128];
    params_describe(&m[0].P, desc, sizeof desc);
    printf("Parametreler: %s.\n", desc);
    for (int k = 0; k < 2; k++) {
        printf("  "), term_pad(DATASETS[k].name, 10);
        printf(" kayıp: ilk ölçüm %.4f -> son %.4f (%.1f s)\n", L[k].loss[0],
               L[k].loss[L[k].n - 1], L[k].seconds);
    }
    printf("Kayıp sıfıra inmez (bu koşuda son değer %.3f): küçük t'lerde x_t ≈ x_0\n"
           "ve içindeki küçücük ε, verinin kendi dağınıklığından ayırt edilemez; o adımlarda\n"
           "en iyi tahmin bile hatalıdır. Kalitenin ölçüsü kayıp değil, üretilen noktalardır\n"
           "(adım 4).\n",
           L[0].loss[L[0].n - 1]);
    plot_loss(L, a->ascii);
    printf("Grafik: plots/lesson15/kayip.png\n");
}

/*
 * Adım 4: Ters süreç — DDPM örneklemesi
 *
 * x_T ~ N(0, I)'dan başlayıp her adımda modelin tahmin ettiği gürültünün bir kısmını
 * çıkarır ve biraz taze gürültü ekleriz (formül sample()'ın üstünde). Sonunda 500 nokta
 * ayrılmış 500 noktayla ölçülür. Kıyas için aynı örnekleyici eğitilmemiş bir modelle de
 * çalıştırılır.
 */
static void step4_reverse(Denoiser m[2], const Schedule *s, const Data d[2], const LessonArgs *a,
                          Quality q[2], Quality *untrained) {
    step_banner(4, NSTEPS, "Ters süreç: DDPM ile gürültüden nokta üretmek");
    static float gen[2][2 * NEVAL];
    int *traj_t = xmalloc(sizeof(int) * (size_t)(s->T + 1));
    float *snaps = xmalloc(sizeof(float) * (size_t)(s->T + 1) * 2 * NEVAL);
    for (int k = 0; k < 2; k++) {
        Rng r;
        rng_seed(&r, (uint64_t)a->seed + 3000 + k);
        if (k == 0) {
            /* anlık görüntüler için bütün yolu sakla (NEVAL nokta) */
            sample(&m[k], s, gen[k], NEVAL, s->T, 1.0, &r, snaps, NEVAL, traj_t);
        } else {
            sample(&m[k], s, gen[k], NEVAL, s->T, 1.0, &r, NULL, 0, NULL);
        }
        q[k] = quality(gen[k], d[k].held, NEVAL);
    }
    /* Eğitilmemiş model */
    Denoiser u;
    den_build(&u, m[0].E, m[0].H, NEVAL);
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 4000);
    den_init(&u, &r);
    static float ug[2 * NEVAL];
    sample(&u, s, ug, NEVAL, s->T, 1.0, &r, NULL, 0, NULL);
    *untrained = quality(ug, d[0].held, NEVAL);
    den_free(&u);
    printf("Ayrılmış 500 noktaya karşı, DDPM %d adım:\n", s->T);
    const char *rows[3] = {"ay-yıldız (eğitilmiş)", "iki ay (eğitilmiş)", "ay-yıldız (eğitilmemiş)"};
    const Quality *qs[3] = {&q[0], &q[1], untrained};
    printf("  ");
    term_pad("", 24);
    printf("  enerji uzk.  kesinlik  duyarlılık\n");
    for (int k = 0; k < 3; k++) {
        printf("  ");
        term_pad(rows[k], 24);
        printf("  %11.4f  %8.3f  %10.3f\n", qs[k]->ed, qs[k]->prec, qs[k]->rec);
    }
    printf("Eğitilmemiş modelin ε̂'u anlamsız olduğundan örnekleyici her adımda yanlış yöne\n"
           "iter; noktalar veriden çok uzağa dağılır (uzaklık %.0f).\n", untrained->ed);
    printf("Hedef: enerji uzaklığı <= 0.02, kesinlik ve duyarlılık >= 0.9%s.\n",
           a->quick ? "\n(--quick: model çok kısa eğitildi; hedef tam koşu içindir)" : "");

    /* Ters sürecin anlık görüntüleri */
    Plot p;
    int shots[5] = {0, s->T / 2, (3 * s->T) / 4, (9 * s->T) / 10, s->T};
    /* Şekil ters_surec: Ters süreç soldan sağa: saf gürültüden başlayan noktaların adım adım ay-
     * yıldız biçimine toplandığına bakın. */
    FILE *f = plot_begin(&p, "lesson15", "ters_surec");
    for (int k = 0; k < 5; k++) plot_write_xy(f, snaps + (size_t)shots[k] * 2 * NEVAL, NEVAL);
    char body[2048];
    int n = snprintf(body, sizeof body,
                     "set multiplot layout 1,5 title 'Ters süreç (DDPM): gürültüden ay-yıldıza'\n"
                     "set size ratio -1\nunset key\nset format x ''\nset format y ''\n");
    for (int k = 0; k < 5; k++)
        n += snprintf(body + n, sizeof body - n,
                      "set title 't = %d'\nplot [-2.5:2.5][-2.5:2.5] 'ters_surec.dat' index %d w p "
                      "pt 7 ps 0.25 lc rgb '#b2182b'\n",
                      traj_t[shots[k]], k);
    snprintf(body + n, sizeof body - n, "unset multiplot\n");
    plot_finish_size(&p, body, 1500, 360);
    plot_render(&p, a->ascii);
    printf("Grafik: %s\n", plot_png_path(&p));

    /* Şekil uretilen: Mavi noktalar ayrılmış gerçek örnekler, kırmızılar üretilenlerdir:
     * üretilenlerin gerçeklerin üstüne ne kadar oturduğuna bakın; eğitilmemiş modelin panelinde
     * eksenlerin ne kadar geniş olduğunu da görün. */
    f = plot_begin(&p, "lesson15", "uretilen");
    plot_write_xy(f, d[0].held, NEVAL);
    plot_write_xy(f, gen[0], NEVAL);
    plot_write_xy(f, d[1].held, NEVAL);
    plot_write_xy(f, gen[1], NEVAL);
    plot_write_xy(f, ug, NEVAL);
    plot_finish_size(&p,
                     "set multiplot layout 1,3 title 'Mavi: ayrılmış gerçek 500 nokta, kırmızı: "
                     "üretilen 500 nokta'\nset size ratio -1\nunset key\n"
                     "set title 'ay-yıldız (DDPM)'\n"
                     "plot [-1.6:1.6][-1.2:1.2] 'uretilen.dat' index 0 w p pt 7 ps 0.35 lc rgb '#2166ac', "
                     "'' index 1 w p pt 7 ps 0.35 lc rgb '#b2182b'\n"
                     "set title 'iki ay (DDPM)'\n"
                     "plot [-1.6:1.6][-1.2:1.2] 'uretilen.dat' index 2 w p pt 7 ps 0.35 lc rgb '#2166ac', "
                     "'' index 3 w p pt 7 ps 0.35 lc rgb '#b2182b'\n"
                     "set title 'eğitilmemiş model (eksenler geniş!)'\nset size noratio\n"
                     "plot 'uretilen.dat' index 4 w p pt 7 ps 0.35 lc rgb '#b2182b', "
                     "'' index 0 w p pt 7 ps 0.35 lc rgb '#2166ac'\n"
                     "unset multiplot\n",
                     1500, 480);
    plot_render(&p, a->ascii);
    printf("Grafik: %s\n", plot_png_path(&p));
    free(traj_t), free(snaps);
}

/*
 * Adım 5: Az adımla örneklemek — DDPM'e karşı DDIM
 * (Enerji uzaklığının 500 noktalık tahmini gerçek uzaklık 0 iken 0 çevresinde küçük artı
 * ya da eksi değerler alır: ±0.005 düzeyindeki farklar gürültüdür.)
 *
 * DDPM her adımda taze gürültü ekler; adım sayısını azaltmak (T'den S'ye atlayarak) bu
 * rastgele yürüyüşü kaba yapar. DDIM (η = 0) aynı modeli kullanır ama gürültü eklemez:
 * x̂_0 tahminini bir sonraki adımın gürültü seviyesine taşır. Yeniden eğitim gerekmez;
 * değişen yalnızca örnekleme formülüdür (sample() içinde η). Aynı 500 noktayı S adımla
 * üretip enerji uzaklığını ölçeriz.
 */
#define NS 6
static void step5_ddim(Denoiser *m, const Schedule *s, const Data *d, const LessonArgs *a,
                       double ed_ddpm[NS], double ed_ddim[NS], int Ss[NS], double *rec_ddim10) {
    step_banner(5, NSTEPS, "Az adımla örnekleme: DDPM'e karşı belirlenimci DDIM");
    int cand[NS] = {5, 10, 20, 50, 100, s->T};
    static float g[2 * NEVAL];
    printf("  adım S   DDPM (η=1) enerji uzk.   DDIM (η=0) enerji uzk.\n");
    for (int i = 0; i < NS; i++) {
        Ss[i] = cand[i] < s->T ? cand[i] : s->T;
        Rng r;
        rng_seed(&r, (uint64_t)a->seed + 5000 + i);
        sample(m, s, g, NEVAL, Ss[i], 1.0, &r, NULL, 0, NULL);
        ed_ddpm[i] = energy_distance(g, NEVAL, d->held, NEVAL);
        rng_seed(&r, (uint64_t)a->seed + 5000 + i);
        sample(m, s, g, NEVAL, Ss[i], 0.0, &r, NULL, 0, NULL);
        Quality q = quality(g, d->held, NEVAL);
        ed_ddim[i] = q.ed;
        if (Ss[i] == 10) *rec_ddim10 = q.rec;
        printf("  %6d   %22.4f   %22.4f\n", Ss[i], ed_ddpm[i], ed_ddim[i]);
    }
    if (ed_ddim[1] < ed_ddpm[1])
        printf("10 adımda DDIM'in uzaklığı DDPM'inkinin %.2f katı: gürültü eklemeyen\n"
               "örnekleyici az adımda daha isabetli.\n", ed_ddim[1] / fmax(ed_ddpm[1], 1e-9));
    else
        printf("Bu koşuda 10 adımda DDIM (%.4f) DDPM'den (%.4f) iyi değil: model kısa\n"
               "eğitildi, x̂_0 tahmini henüz kaba; DDIM bu hatayı gürültüyle örtmeden olduğu\n"
               "gibi taşır.\n",
               ed_ddim[1], ed_ddpm[1]);
    printf("%d adımda DDPM %.4f, DDIM %.4f (hedef <= 0.02).\n500 noktalık tahmin, gerçek "
           "uzaklık 0 iken de ±0.005 kadar oynar;\nbu düzeydeki farklar gürültüdür.\n",
           s->T, ed_ddpm[NS - 1], ed_ddim[NS - 1]);
    Plot p;
    /* Şekil adim_sayisi: Örnekleme adımı S azaldıkça kalitenin, yani enerji uzaklığının, nerede
     * bozulmaya başladığına ve iki örnekleyicinin az adımda birbirinden nasıl ayrıldığına bakın;
     * kesik çizgi hedef değerdir. */
    FILE *f = plot_begin(&p, "lesson15", "adim_sayisi");
    for (int i = 0; i < NS; i++) fprintf(f, "%d %.6f %.6f\n", Ss[i], ed_ddpm[i], ed_ddim[i]);
    plot_finish(&p, "set title 'Kalite ve örnekleme adımı (ay-yıldız, 500 nokta)'\n"
                    "set xlabel 'örnekleme adımı S'\nset ylabel 'enerji uzaklığı (düşük iyi)'\n"
                    "set logscale x\nset xrange [4:250]\nset xtics (5, 10, 20, 50, 100, 200)\n"
                    "set grid\nset key top right\n"
                    "set label 1 'hedef 0,02' at 4.3,0.02 offset 0,0.7 left tc rgb '#555555'\n"
                    "plot 'adim_sayisi.dat' u 1:2 w lp lw 2 pt 7 t 'DDPM (η = 1)', "
                    "'' u 1:3 w lp lw 2 pt 5 t 'DDIM (η = 0)', "
                    "0.02 w l dt 2 lc rgb '#555555' notitle, 0 w l lc rgb '#999999' notitle\n");
    plot_render(&p, a->ascii);
    printf("Grafik: %s\n", plot_png_path(&p));

    /* Yollar: DDIM belirlenimci olduğu için her noktanın x_T'den x_0'a yolu pürüzsüz bir
     * eğridir (DDPM'in yolu her adımda gürültü aldığından zikzaklıdır). */
    enum { NTR = 16, STR = 50 };
    static float x[2 * NTR];
    float *traj = xmalloc(sizeof(float) * (STR + 1) * 2 * NTR);
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 5100);
    sample(m, s, x, NTR, STR, 0.0, &r, traj, NTR, NULL);
    /* Şekil yollar: DDIM'in birkaç noktayı gürültüden veriye taşıdığı yollar: boş dairelerden
     * başlayan eğrilerin dolu dairelerde gri veri bulutunun üstüne vardığına bakın. */
    f = plot_begin(&p, "lesson15", "yollar");
    for (int j = 0; j < NTR; j++) {
        for (int i = 0; i <= STR; i++)
            fprintf(f, "%.5f %.5f\n", traj[(size_t)i * 2 * NTR + 2 * j], traj[(size_t)i * 2 * NTR + 2 * j + 1]);
        fputs("\n\n", f);
    }
    plot_write_xy(f, d->train, 2000);
    char body[1024];
    snprintf(body, sizeof body,
             "set title 'DDIM (%d adım): %d noktanın x_T (boş daire) -> x_0 (dolu daire) yolu'\n"
             "set size ratio -1\nunset key\n"
             "plot [-2.5:2.5][-2.2:2.2] 'yollar.dat' index %d w p pt 7 ps 0.15 lc rgb '#bbbbbb', "
             "for [j=0:%d] '' index j w l lw 1.5 lc j+1, "
             "for [j=0:%d] '' index j every ::0::0 w p pt 6 ps 1.2 lc j+1, "
             "for [j=0:%d] '' index j every ::%d::%d w p pt 7 ps 1.2 lc j+1\n",
             STR, NTR, NTR, NTR - 1, NTR - 1, NTR - 1, STR, STR);
    plot_finish_size(&p, body, 800, 700);
    plot_render(&p, a->ascii);
    printf("Grafik: %s (gri: veri)\n", plot_png_path(&p));
    free(traj);
}

/* --sample ve adım 6 */
static int sample_from(const char *path, int n, int S, int ascii, int seed, Quality *out) {
    char err[512];
    Ckpt ck;
    if (ckpt_open(&ck, path, KIND, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\nÖnce ./lesson15 ile bir model eğitip kaydedin.\n", err);
        return 2;
    }
    int64_t E, H, T, data;
    if (ckpt_get_int(&ck, "E", 2, 1024, &E, err, sizeof err) != 0 ||
        ckpt_get_int(&ck, "H", 2, 4096, &H, err, sizeof err) != 0 ||
        ckpt_get_int(&ck, "T", 2, TMAX, &T, err, sizeof err) != 0 ||
        ckpt_get_int(&ck, "data", 0, 1, &data, err, sizeof err) != 0 || E % 2) {
        fprintf(stderr, "hata: %s\n", E % 2 ? "gömme boyu E çift olmalı" : err);
        ckpt_close(&ck);
        return 2;
    }
    Denoiser m;
    den_build(&m, (int)E, (int)H, n);
    if (ckpt_read_params(&ck, &m.P, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\n", err);
        ckpt_close(&ck);
        den_free(&m);
        return 2;
    }
    ckpt_close(&ck);
    Schedule s;
    schedule_linear(&s, (int)T, 1e-4 * 1000.0 / T, 0.02 * 1000.0 / T);
    float *x = xmalloc(sizeof(float) * 2 * n);
    Rng r;
    rng_seed(&r, (uint64_t)seed + 6000);
    if (S > T) S = (int)T;
    sample(&m, &s, x, n, S, S < T ? 0.0 : 1.0, &r, NULL, 0, NULL);
    /* ayrılmış küme step1 ile aynı tohumdan (seed; ilk NEVAL noktası değil: yeni bir küme) */
    float *ref = xmalloc(sizeof(float) * 2 * NEVAL);
    Rng rr;
    rng_seed(&rr, (uint64_t)seed + 7000);
    DATASETS[data].fn(ref, NEVAL, &rr);
    int ne = n < NEVAL ? n : NEVAL;
    Quality q = quality(x, ref, ne);
    if (n < NEVAL) q.ed = energy_distance(x, n, ref, NEVAL), q.rec = coverage(ref, NEVAL, x, n, RADIUS);
    printf("%s:\n  %d nokta (%s, T = %d, %d adım %s); yeni 500 gerçek noktaya karşı\n"
           "  enerji uzaklığı %.4f, kesinlik %.3f, duyarlılık %.3f\n",
           path, n, DATASETS[data].name, (int)T, S, S < T ? "DDIM" : "DDPM", q.ed, q.prec, q.rec);
    Plot p;
    /* Şekil orneklem: Kaydedilen modelden çekilen noktalar: ay ve yıldız biçiminin ne kadar
     * seçilebildiğine ve noktaların ne kadarının biçimin dışına düştüğüne bakın. */
    FILE *f = plot_begin(&p, "lesson15", "orneklem");
    plot_write_xy(f, x, n);
    char body[512];
    snprintf(body, sizeof body,
             "set title 'Kayıtlı modelden %d nokta (%s)'\nset size ratio -1\nunset key\n"
             "plot [-1.6:1.6][-1.2:1.2] 'orneklem.dat' w p pt 7 ps 0.3 lc rgb '#b2182b'\n",
             n, DATASETS[data].name);
    plot_finish_size(&p, body, 700, 560);
    plot_render(&p, ascii);
    printf("Grafik: %s\n", plot_png_path(&p));
    if (out) *out = q;
    free(x), free(ref);
    den_free(&m);
    return 0;
}

/*
 * Adım 6: Kaydet ve yeniden örnekle
 *
 * Ay-yıldız modeli model/ckpt ile kaydedilir (E, H, T ve veri yapılandırmada). Dosyadan
 * yüklenen model, bambaşka bir tohumla ve yeni bir gerçek kümeye karşı da aynı kaliteyi
 * vermelidir: ölçtüğümüz şey bir şans eseri değil, modelin kendisi.
 */
static void step6_save(Denoiser *m, const DdpmConf *c, const char *path, const LessonArgs *a,
                       Quality *loaded) {
    step_banner(6, NSTEPS, "Kaydet, yükle, yeniden örnekle");
    char err[512];
    CkptInt conf[4] = {{"E", c->E}, {"H", c->H}, {"T", c->T}, {"data", 0}};
    if (ckpt_save(path, KIND, conf, 4, "DDPM gürültü tahmincisi, ay-yıldız", &m->P, err,
                  sizeof err) != 0)
        die("%s", err);
    printf("Model kaydedildi: %s\n", path);
    if (sample_from(path, NEVAL, c->T, a->ascii, a->seed + 1, loaded) != 0)
        die("'%s' geri okunamadı", path);
}

/* ======================================================================== */
/* Adım 7: Gizil difüzyon (latent diffusion) — MNIST rakamları               */
/* ======================================================================== */
/*
 * Adım 7: Gizil difüzyon — aynı örnekleyiciyle rakam çizmek
 *
 * 784 piksellik bir görüntüde difüzyon eğitmek bu işlemcide saatler sürer. Rombach ve
 * diğ. (2022, Stable Diffusion'ın ardındaki fikir) şunu önerdi: difüzyonu piksellerde
 * değil, önceden eğitilmiş bir otokodlayıcının küçük gizil kodlarında yap. Biz
 * lesson13'ün VAE'sini kullanıyoruz (784 → 20 sayı → 784):
 *   1. Kodlayıcı (encoder) her eğitim rakamını sonsal ortalamaya (posterior mean), μ'ye çevirir:
 *      $z_0 = s\,\mu_\phi(x)$; s tek bir ölçek sayısıdır, kodların standart sapmasını 1
 *      yapar (Stable Diffusion'daki 0.18215 çarpanının görevi).
 *   2. Adım 3'teki gürültü tahmincisi, bu kez Dx = 20 boyutlu noktalarda, aynı kayıpla
 *      eğitilir: $L = \mathbb{E}\,\|\varepsilon - \varepsilon_\theta(\sqrt{\bar\alpha_t}\,z_0 + \sqrt{1-\bar\alpha_t}\,\varepsilon,\; t)\|^2$.
 *      Kodlar ay-yıldızın koordinatları gibi sinüslü gömülmez, olduğu gibi girer.
 *   3. Örnekleyici (DDPM ya da DDIM) 20 sayılık bir kod üretir, VAE'nin kod çözücüsü
 *      (decoder) onu görüntüye açar: $\hat x = \mathrm{Dec}(\hat z_0 / s)$.
 * Neden VAE'nin kendi önselinden çekmek yetmiyor? VAE'nin kaybı her q(z|x)'i N(0, I)'ya
 * çeker, ama bütün eğitim kodlarının oluşturduğu bulut, yani bütünleşik sonsal
 * (aggregate posterior) $q(z) = \mathbb{E}_x\,q(z \mid x)$, N(0, I)'yı tam doldurmaz. Önselden
 * çekilen bir kodun bir kısmı hiçbir rakamın kodunun düşmediği "önsel deliklerine"
 * (prior hole) rastlar ve kod çözücü oradan bulanık, iki rakam arası bir şey çizer.
 * Difüzyon modeli ise örnekleri N(0, I)'dan değil, kodların kendi dağılımından çeker.
 * Bunu ölçüyoruz: lesson04'ün CNN'i 1000 örneği okur (güven > 0,9 olanların payı ve en
 * az %5 alan sınıf sayısı, lesson13'teki gibi; yargıç burada lesson04'ün 15 epoch'luk
 * modeli, lesson13'ün 2 epoch'luk ağından daha emin okur, bu yüzden önselin payı orada
 * gördüğünüzden farklı çıkabilir). Tavan iki tane: gerçek test rakamları ve
 * VAE'nin test rakamlarını yeniden çizişi (kod çözücü bundan iyisini çizemez). Bir de
 * her kodun en yakın eğitim koduna uzaklığına bakıyoruz: önsel delikleri uzak düşer;
 * difüzyon örnekleri test kodları kadar yakın olmalı, daha yakın değil (daha yakınsa
 * eğitim kodlarını ezberleyip kopyalıyordur).
 */
#define IMG 784
#define NJUDGE 1000
#define LDM_KIND "ldm"
#define LDM_STEPS_FULL 12000

/* Yargıç ölçüsü (güvenle okunan pay, sınıf sayısı): common/lesson/judge.h, lesson13 ve 14 ile ortak */

/* Gizil model dosyası: gürültü tahmincisi + VAE'nin kod çözücüsü, tek dosyada. Kodlar o
 * VAE'ye özgüdür; başka bir VAE'nin çözücüsü aynı kodlardan anlamsız görüntü çizer. Bu
 * yüzden çözücü modelle birlikte saklanır (Stable Diffusion dosyaları da VAE'yi taşır). */
static const char *DEC_NAMES[4] = {"fc3.weight", "fc3.bias", "fc4.weight", "fc4.bias"};

static const ParamTensor *ptensor(const Params *P, const char *name) {
    for (int i = 0; i < P->count; i++)
        if (strcmp(P->t[i].name, name) == 0) return &P->t[i];
    die("'%s' adlı tensör yok", name);
    return NULL;
}

static void ldm_params(Params *Q, const Denoiser *m, const Vae *v) {
    params_init(Q);
    char nm[PARAMS_NAME_MAX];
    for (int i = 0; i < m->P.count; i++) {
        snprintf(nm, sizeof nm, "den.%s", m->P.t[i].name);
        params_add(Q, nm, NULL, NULL, m->P.t[i].n);
    }
    for (int i = 0; i < 4; i++) {
        snprintf(nm, sizeof nm, "dec.%s", DEC_NAMES[i]);
        params_add(Q, nm, NULL, NULL, ptensor(&v->P, DEC_NAMES[i])->n);
    }
    params_alloc(Q);
}

/* dir = 0: modellerden Q'ya, 1: Q'dan modellere */
static void ldm_copy(Params *Q, Denoiser *m, Vae *v, int dir) {
    float *q = Q->params;
    size_t n0 = m->P.n;
    if (dir == 0) memcpy(q, m->P.params, n0 * sizeof(float));
    else memcpy(m->P.params, q, n0 * sizeof(float));
    q += n0;
    for (int i = 0; i < 4; i++) {
        const ParamTensor *t = ptensor(&v->P, DEC_NAMES[i]);
        if (dir == 0) memcpy(q, v->P.params + t->off, t->n * sizeof(float));
        else memcpy(v->P.params + t->off, q, t->n * sizeof(float));
        q += t->n;
    }
}

static int ldm_save(const char *path, Denoiser *m, Vae *v, int T, double scale, char *err,
                    size_t len) {
    Params Q;
    ldm_params(&Q, m, v);
    ldm_copy(&Q, m, v, 0);
    CkptInt conf[6] = {{"J", m->Dx}, {"E", m->E}, {"H", m->H}, {"T", T}, {"VH", v->H},
                       {"scale_ppm", (int64_t)llround(scale * 1e6)}};
    int rc = ckpt_save(path, LDM_KIND, conf, 6,
                       "gizil difüzyon: gürültü tahmincisi (den.*) + lesson13 VAE'sinin kod "
                       "çözücüsü (dec.*)", &Q, err, len);
    params_free(&Q);
    return rc;
}

static int ldm_load(const char *path, Denoiser *m, Vae *v, int *T, double *scale, int maxB,
                    char *err, size_t len) {
    Ckpt ck;
    if (ckpt_open(&ck, path, LDM_KIND, err, len) != 0) return -1;
    int64_t J, E, H, TT, VH, sp;
    if (ckpt_get_int(&ck, "J", 1, 256, &J, err, len) != 0 ||
        ckpt_get_int(&ck, "E", 2, 1024, &E, err, len) != 0 ||
        ckpt_get_int(&ck, "H", 2, 4096, &H, err, len) != 0 ||
        ckpt_get_int(&ck, "T", 10, TMAX, &TT, err, len) != 0 ||
        ckpt_get_int(&ck, "VH", 1, 4096, &VH, err, len) != 0 ||
        ckpt_get_int(&ck, "scale_ppm", 1, 1000000000, &sp, err, len) != 0) {
        ckpt_close(&ck);
        return -1;
    }
    /* ayırmadan önce: bu boyutlar dosyaya sığıyor mu? */
    int64_t need = (J + E) * H + H + NRES * (H * H + H) + H * J + J + J * VH + VH + VH * IMG + IMG;
    if (E % 2 || need * 4 > (int64_t)ck.size) {
        snprintf(err, len, "'%s': yapılandırma (J=%lld E=%lld H=%lld VH=%lld) dosyayla uyuşmuyor; "
                 "dosya bozuk", path, (long long)J, (long long)E, (long long)H, (long long)VH);
        ckpt_close(&ck);
        return -1;
    }
    den_build_d(m, (int)J, 0, (int)E, (int)H, maxB);
    vae_build(v, IMG, (int)VH, (int)J, 1, maxB);
    Params Q;
    ldm_params(&Q, m, v);
    int rc = ckpt_read_params(&ck, &Q, err, len);
    ckpt_close(&ck);
    if (rc == 0) ldm_copy(&Q, m, v, 1);
    params_free(&Q);
    if (rc != 0) {
        den_free(m);
        vae_free(v);
        return -1;
    }
    *T = (int)TT;
    *scale = sp * 1e-6;
    return 0;
}

static void save_digits(const char *path, const float *img, int n, int rows, int cols) {
    char err[512];
    if (image_write_grid_f(path, img, n, 1, 28, 28, rows, cols, 2, 2, err, sizeof err) != 0)
        warnf("%s", err);
}

/* Gizil modelden n rakam: n kod örnekle (S adım; S < T ise DDIM), çöz. z (n, J) ölçekli
 * kodları alır (s · μ uzayında), img (n, 784). Modelin yığın sınırına göre dilim dilim. */
static void ldm_generate(Denoiser *m, Vae *v, const Schedule *s, double scale, int n, int S,
                         Rng *r, float *z, float *img) {
    if (S > s->T) S = s->T;
    int J = m->Dx;
    float *zz = xmalloc(sizeof(float) * (size_t)m->maxB * J);
    for (int s0 = 0; s0 < n; s0 += m->maxB) {
        int b = n - s0 < m->maxB ? n - s0 : m->maxB;
        sample(m, s, z + (size_t)s0 * J, b, S, S < s->T ? 0.0 : 1.0, r, NULL, 0, NULL);
        for (size_t i = 0; i < (size_t)b * J; i++) zz[i] = (float)(z[(size_t)s0 * J + i] / scale);
        vae_decode_images(v, zz, b, img + (size_t)s0 * IMG);
    }
    free(zz);
}

/* --sample N --mnist: kaydedilmiş gizil modelden N rakamlık PNG ızgara */
static int sample_digits_from(const char *path, int n, int S, int seed, int quiet) {
    char err[512];
    Denoiser m;
    Vae v;
    int T;
    double scale;
    int mb = n < 250 ? n : 250;
    if (ldm_load(path, &m, &v, &T, &scale, mb > 0 ? mb : 1, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\nÖnce ./lesson15 ile gizil modeli eğitip kaydedin (adım 7;\n"
                        "lesson13'ün VAE'si gerekir).\n", err);
        return 2;
    }
    Schedule s;
    schedule_linear(&s, T, 1e-4 * 1000.0 / T, 0.02 * 1000.0 / T);
    Rng r;
    rng_seed(&r, (uint64_t)seed + 8000);
    float *z = xmalloc(sizeof(float) * (size_t)n * m.Dx), *img = xmalloc(sizeof(float) * (size_t)n * IMG);
    ldm_generate(&m, &v, &s, scale, n, S, &r, z, img);
    if (mkdir_p("plots/lesson15") != 0) die("'plots/lesson15' klasörü oluşturulamadı");
    int cols = (int)ceil(sqrt((double)n)), rows = (n + cols - 1) / cols;
    /* Şekil rakam_orneklem: Dosyadan yüklenen gizil modelin başka bir tohumla çizdiği rakamlar:
     * adım 7'nin ızgarasıyla aynı nitelikte olduklarına bakın. */
    const char *out = "plots/lesson15/rakam_orneklem.png";
    int rc = image_write_grid_f(out, img, n, 1, 28, 28, rows, cols, 2, 2, err, sizeof err);
    if (rc != 0) fprintf(stderr, "hata: %s\n", err);
    else if (!quiet)
        printf("%s:\n  %d rakam (gizil kod J = %d, T = %d, %d adım %s, tohum %d)\n  yazıldı: %s\n",
               path, n, m.Dx, T, S < T ? S : T, S < T ? "DDIM" : "DDPM", seed, out);
    free(z), free(img);
    den_free(&m);
    vae_free(&v);
    return rc == 0 ? 0 : 1;
}

typedef struct {
    int done;                 /* adım koşuldu mu (lesson13'ün modeli yoksa 0) */
    Judge real, recon, prior, ddpm, ddim;
    double nn_test, nn_prior, nn_ddpm;   /* en yakın eğitim koduna uzaklığın ortancası */
    double gc, loss_first, loss_last, train_s, scale;
    int steps, H, ntrain;
} LdmResult;

/* Her kodun (n, J) en yakın eğitim koduna (ntr, J) uzaklığının ortancası */
static double nn_median(const float *z, int n, const float *tr, int ntr, int J) {
    double *d = xmalloc(sizeof(double) * n);
#pragma omp parallel for schedule(static)
    for (int i = 0; i < n; i++) {
        double best = 1e30;
        for (int k = 0; k < ntr; k++) {
            double s = 0;
            for (int j = 0; j < J; j++) {
                double u = z[(size_t)i * J + j] - tr[(size_t)k * J + j];
                s += u * u;
            }
            if (s < best) best = s;
        }
        d[i] = sqrt(best);
    }
    double med = median_d(d, n);
    free(d);
    return med;
}

/* Kısa VAE eğitimi (yalnız --quick: test koşusu lesson13'ün dosyasına bağlı kalmasın).
 * lesson13'ün modeli ve eğitimi: vae_train_epoch (model/vae.h). */
static void quick_vae(Vae *v, MnistSplit *d, int epochs, int seed) {
    vae_build(v, IMG, 400, 20, 1, 128);
    vae_init_torch(v, (uint64_t)seed);
    Adam opt;
    adam_init(&opt, v->P.n, 1e-3f);
    Batcher bt;
    batcher_init(&bt, &d->m.train, d->tr_idx, d->ntr, 128);
    Rng r;
    rng_seed(&r, (uint64_t)seed + 1);
    for (int e = 0; e < epochs; e++) vae_train_epoch(v, &opt, &bt, &r, NULL, NULL);
    batcher_free(&bt);
    adam_free(&opt);
}

/* Görüntüleri (n, 784) kodlayıcıdan geçirip μ'leri (n, J) yazar */
static void encode_mu(Vae *v, const ImageSet *set, const int *idx, int n, float *mu) {
    int mb = v->max_batch;
    float *x = xmalloc(sizeof(float) * (size_t)mb * IMG);
    int *ii = xmalloc(sizeof(int) * mb);
    for (int s0 = 0; s0 < n; s0 += mb) {
        int B = n - s0 < mb ? n - s0 : mb;
        for (int b = 0; b < B; b++) ii[b] = idx ? idx[s0 + b] : s0 + b;
        batch_fill(x, NULL, set, ii, B, (Norm){.kind = NORM_MINMAX});
        vae_encode(v, x, B);
        memcpy(mu + (size_t)s0 * v->J, v->mu, sizeof(float) * (size_t)B * v->J);
    }
    free(x), free(ii);
}

static void step7_latent(const LessonArgs *a, const char *vae_path, const char *ldm_path,
                         long ldm_steps, LdmResult *res) {
    step_banner(7, NSTEPS, "Gizil difüzyon: VAE kodlarında difüzyon, MNIST rakamları");
    memset(res, 0, sizeof *res);
    char err[512];
    Vae v;
    int have_vae = 0;
    if (vae_path || !a->quick) {
        const char *p = vae_path ? vae_path : MODEL_DIR "/lesson13_vae.model";
        if (vae_load(&v, p, 1, 250, err, sizeof err) != 0) {
            printf("Bu adım lesson13'ün eğittiği VAE'yi kullanır, ama okunamadı:\n  %s\n"
                   "Önce ./lesson13'ü çalıştırın (VAE'yi %s'e kaydeder), sonra bu dersi\n"
                   "yeniden. Adım 7 atlandı; 1-6. adımların sonuçları geçerli.\n",
                   err, MODEL_DIR "/lesson13_vae.model");
            return;
        }
        if (v.D != IMG) {
            printf("'%s' bir MNIST VAE'si değil (D = %d, 784 olmalı). Adım 7 atlandı.\n", p, v.D);
            vae_free(&v);
            return;
        }
        printf("VAE: %s (784 → %d → J = %d).\n", p, v.H, v.J);
        have_vae = 1;
    }
    double t0 = now_sec();
    MnistSplit d;
    mnist_split_load(&d, a->data_dir, a->quick ? 4000 : 0, a->quick ? 500 : 5000,
                     a->quick ? 1000 : 0);
    if (!have_vae) {
        quick_vae(&v, &d, 3, a->seed + 700);
        printf("VAE: --quick koşusu lesson13'ün dosyasına bağlı kalmasın diye burada %d\n"
               "görüntüyle 3 epoch eğitildi (784 → 400 → J = 20); tam koşu lesson13'ünkini\n"
               "kullanır.\n", d.ntr);
    }
    int J = v.J, ntr = d.ntr, n = a->quick ? 300 : NJUDGE;
    /* 1. eğitim kodları */
    float *codes = xmalloc(sizeof(float) * (size_t)ntr * J);
    encode_mu(&v, &d.m.train, d.tr_idx, ntr, codes);
    double ss = 0;
    for (size_t i = 0; i < (size_t)ntr * J; i++) ss += (double)codes[i] * codes[i];
    double sd = sqrt(ss / ((double)ntr * J));
    res->scale = 1.0 / sd;
    for (size_t i = 0; i < (size_t)ntr * J; i++) codes[i] = (float)(codes[i] * res->scale);
    printf("%d eğitim rakamı kodlandı (μ, %d sayı). Kodların standart sapması %.3f;\n"
           "ölçek s = %.3f ile 1'e getirildi (çizelge N(0, I)'ya göre kurulu).\n", ntr, J, sd,
           res->scale);
    /* 2. eğitim */
    res->gc = gradcheck_denoiser_d(a->seed, 5, 0);
    printf("Sonlu fark denetimi (Dx = 5, ham koordinat, küçük model): en kötü\n"
           "hata/tolerans oranı %.3f (<= 1 geçer).\n", res->gc);
    DdpmConf c = {.steps = (int)ldm_steps, .B = 256, .E = 64, .H = a->quick ? 128 : 256,
                  .T = 200, .lr = 1e-3f};
    Schedule s;
    schedule_linear(&s, c.T, 1e-4 * 1000.0 / c.T, 0.02 * 1000.0 / c.T);
    Denoiser m;
    den_build_d(&m, J, 0, c.E, c.H, c.B > 250 ? c.B : 250);
    TrainLog L;
    printf("Model: [z (%d) | emb(t) (%d)] -> %d -> GELU -> %d artık blok -> %d\n"
           "Yığın %d, %d adım, Adam %g (kosinüsle 0'a), T = %d.\n",
           J, c.E, c.H, NRES, J, c.B, c.steps, c.lr, c.T);
    fflush(stdout);
    train(&m, &c, &s, codes, ntr, a->seed + 77, &L);
    res->loss_first = L.loss[0], res->loss_last = L.loss[L.n - 1], res->train_s = L.seconds;
    res->steps = c.steps, res->H = c.H, res->ntrain = ntr;
    printf("Kayıp: ilk ölçüm %.4f -> son %.4f (%.1f s). Adım 3'teki gibi sıfıra inmez;\n"
           "ölçü yine kayıp değil, üretilen örneklerdir.\n", res->loss_first, res->loss_last,
           res->train_s);
    {
        float x[NLOSS], y[NLOSS];
        for (int i = 0; i < L.n; i++) x[i] = (float)L.step[i], y[i] = L.loss[i];
        /* Şekil rakam_kayip: Gizil kodlarda gürültü tahmininin kaybı: ilk adımlarda hızla
         * inip sonra yavaşça düzleştiğine bakın. */
        plot_lines("lesson15", "rakam_kayip", "Gizil kodlarda ε-MSE (MNIST, J = 20)", "adım",
                   "kayıp", L.n, x, 1, (const float *const[]){y},
                   (const char *const[]){"gizil difüzyon"}, 0, a->ascii);
    }
    /* 3. örnekler ve yargıç */
    Net cnn;
    double tj = now_sec();
    /* Yargıç: lesson04'ün kaydettiği CNN; yoksa (ya da --quick'te) aynı mimari burada,
     * zaten yüklü eğitim rakamlarıyla kısaca eğitilir (common/lesson/judge.h) */
    const char *from = "lesson04'ün CNN'i (" MODEL_DIR "/lesson04_cnn.model)";
    if (a->quick || !judge_cnn_load(&cnn, MODEL_DIR "/lesson04_cnn.model", 250)) {
        judge_cnn_train(&cnn, &d.m.train, d.tr_idx, d.ntr, a->quick ? 1 : 2,
                        (uint64_t)a->seed + 7, 250);
        from = a->quick ? "burada 1 epoch eğitilen CNN (lesson04'ün mimarisi; --quick)"
                        : "burada 2 epoch eğitilen CNN (lesson04'ün modeli bulunamadı)";
    }
    float acc, loss;
    evaluate(&cnn, &d.m.test, NULL, d.ntest, (Norm){.kind = NORM_MINMAX}, LOSS_SOFTMAX_XENT, &loss,
             &acc, NULL, NULL);
    printf("Yargıç: %s,\ntest doğruluğu (accuracy) %%%.2f (%.0f s).\n", from, 100.0 * acc, now_sec() - tj);
    float *img = xmalloc(sizeof(float) * (size_t)n * IMG);
    float *zp = xmalloc(sizeof(float) * (size_t)n * J), *zd = xmalloc(sizeof(float) * (size_t)n * J),
          *zt = xmalloc(sizeof(float) * (size_t)n * J);
    int *ii = xmalloc(sizeof(int) * n);
    for (int i = 0; i < n; i++) ii[i] = i % d.ntest;
    batch_fill(img, NULL, &d.m.test, ii, n, (Norm){.kind = NORM_MINMAX});
    judge_images(&cnn, img, n, &res->real);
    encode_mu(&v, &d.m.test, ii, n, zt);
    vae_decode_images(&v, zt, n, img);
    judge_images(&cnn, img, n, &res->recon);
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 7100);
    for (size_t i = 0; i < (size_t)n * J; i++) zp[i] = rng_normal(&r);
    vae_decode_images(&v, zp, n, img);
    judge_images(&cnn, img, n, &res->prior);
    /* Şekil rakam_onsel: VAE'nin kod çözücüsüne önselden, N(0, I)'dan çekilen 64 kod: kaç
     * tanesinin bulanık ya da iki rakam arası olduğuna bakın; bunlar önsel deliklerinden
     * gelir. */
    save_digits("plots/lesson15/rakam_onsel.png", img, 64 < n ? 64 : n, 8, 8);
    ldm_generate(&m, &v, &s, res->scale, n, c.T, &r, zd, img);
    judge_images(&cnn, img, n, &res->ddpm);
    /* Şekil rakam_difuzyon: Gizil difüzyonun (DDPM, 200 adım) ürettiği kodlardan çözülen 64
     * rakam: önsel örnekleriyle karşılaştırın; on rakamın hepsinin görünüp görünmediğine ve
     * ne kadar net olduklarına bakın. */
    save_digits("plots/lesson15/rakam_difuzyon.png", img, 64 < n ? 64 : n, 8, 8);
    float *zdd = xmalloc(sizeof(float) * (size_t)n * J);
    ldm_generate(&m, &v, &s, res->scale, n, 20, &r, zdd, img);
    judge_images(&cnn, img, n, &res->ddim);
    free(zdd);
    judge_print_header(n, 30);
    judge_print_row("gerçek test rakamları", &res->real, 30);
    judge_print_row("VAE'nin yeniden çizdiği test", &res->recon, 30);
    judge_print_row("VAE önseli, z ~ N(0, I)", &res->prior, 30);
    judge_print_row("gizil difüzyon, DDPM 200 adım", &res->ddpm, 30);
    judge_print_row("gizil difüzyon, DDIM 20 adım", &res->ddim, 30);
    if (res->real.share < 0.8)
        printf("Yargıç kısa eğitildi%s: gerçek rakamların bile yalnızca %%%.1f'%s güvenle\n"
               "okunuyor; bu koşunun payları kaynakları karşılaştırmaya yetmez.\n",
               a->quick ? " (--quick)" : "", 100.0 * res->real.share,
               tr_ek_f(100.0 * res->real.share, 1, EK_IYELIK));
    /* 4. en yakın eğitim kodu: hepsi ölçekli uzayda */
    for (size_t i = 0; i < (size_t)n * J; i++) {
        zt[i] = (float)(zt[i] * res->scale); /* test kodları ve önsel örnekleri μ uzayındaydı */
        zp[i] = (float)(zp[i] * res->scale);
    }
    res->nn_test = nn_median(zt, n, codes, ntr, J);
    res->nn_prior = nn_median(zp, n, codes, ntr, J);
    res->nn_ddpm = nn_median(zd, n, codes, ntr, J);
    printf("En yakın eğitim koduna uzaklığın ortancası (ölçekli kodlar): test\n"
           "rakamlarının kodları %.3f, önsel örnekleri %.3f, difüzyon örnekleri %.3f.\n",
           res->nn_test, res->nn_prior, res->nn_ddpm);
    printf("Önsel örnekleri en yakın eğitim koduna bir test rakamının kodundan %.1f kat\n"
           "uzak düşüyor: önsel delikleri.\n", res->nn_prior / res->nn_test);
    if (res->nn_ddpm < 0.7 * res->nn_test)
        printf("Difüzyonun kodları eğitim kodlarına test kodlarından da yakın: eğitim\n"
               "kodlarını kopyalıyor olabilir.\n");
    else if (res->nn_ddpm < 1.3 * res->nn_test)
        printf("Difüzyonun kodları eğitim kodlarına bir test rakamının kodu kadar yakın,\n"
               "daha yakın değil: eğitim kodlarını kopyalamıyor.\n");
    else
        printf("Difüzyonun kodları eğitim kodlarına bir test rakamınınkinden %%%.0f daha uzak:\n"
               "kopyalamıyor, ama kod bulutunu da tam tutturamıyor.\n",
               100 * (res->nn_ddpm / res->nn_test - 1));
    Plot p;
    /* Şekil rakam_siniflar: CNN'in her kaynağın örneklerini hangi rakam olarak okuduğunun payları:
     * gerçek rakamlarda paylar yaklaşık eşittir; önselin ve difüzyonun çubuklarının bundan ne
     * kadar saptığına bakın. */
    FILE *f = plot_begin(&p, "lesson15", "rakam_siniflar");
    fprintf(f, "# sınıf gerçek önsel DDPM DDIM20  (okunan sınıfın payı)\n");
    for (int k = 0; k < 10; k++)
        fprintf(f, "%d %g %g %g %g\n", k, (double)res->real.hist[k] / n,
                (double)res->prior.hist[k] / n, (double)res->ddpm.hist[k] / n,
                (double)res->ddim.hist[k] / n);
    plot_finish(&p, "set title 'CNN hangi rakamı okuyor? (sınıf payları)'\n"
                    "set style data histograms\nset style fill solid 0.8 border -1\n"
                    "set xlabel 'okunan rakam'\nset ylabel 'pay'\nset yrange [0:0.2]\n"
                    "set key top center horizontal\n"
                    "plot 'rakam_siniflar.dat' u 2:xtic(1) t 'gerçek', '' u 3 t 'VAE önseli', "
                    "'' u 4 t 'gizil difüzyon (DDPM)', '' u 5 t 'DDIM 20 adım'\n");
    plot_render(&p, a->ascii);
    printf("Resimler: plots/lesson15/rakam_onsel.png, rakam_difuzyon.png;\n"
           "grafik: %s\n", plot_png_path(&p));
    if (res->ddpm.share > res->prior.share)
        /* sayıdan sonraki ek okunuşa uyar ("%84.7'si", "%49.3'ü"): lesson/ek.h */
        printf("Difüzyon örneklerinin %%%.1f'%s güvenle okunuyor, önselinkilerin %%%.1f'%s:\n"
               "aynı kod çözücü, yalnızca kodların nereden çekildiği farklı. Tavan, VAE'nin\n"
               "gerçek kodlardan çizdiği rakamlar (%%%.1f).\n",
               100 * res->ddpm.share, tr_ek_f(100 * res->ddpm.share, 1, EK_IYELIK),
               100 * res->prior.share, tr_ek_f(100 * res->prior.share, 1, EK_IYELIK),
               100 * res->recon.share);
    else
        printf("Bu koşuda difüzyon örnekleri (%%%.1f) önselinkileri (%%%.1f) geçemedi:\n%s\n",
               100 * res->ddpm.share, 100 * res->prior.share,
               a->quick ? "--quick'te VAE, gürültü tahmincisi ve yargıç çok kısa eğitildi."
                        : "beklenmedik; tam koşuda difüzyon önde olmalı.");
    /* 5. kaydet, yükle */
    if (ldm_save(ldm_path, &m, &v, c.T, res->scale, err, sizeof err) != 0) die("%s", err);
    printf("Gizil model (tahminci + kod çözücü) kaydedildi: %s\n", ldm_path);
    if (sample_digits_from(ldm_path, 64, c.T, a->seed + 1, 0) != 0)
        die("'%s' geri okunamadı", ldm_path);
    printf("Adım 7: %.0f s.\n", now_sec() - t0);
    res->done = 1;
    free(codes), free(img), free(zp), free(zd), free(zt), free(ii);
    net_free(&cnn);
    den_free(&m);
    vae_free(&v);
    mnist_split_free(&d);
}

static int run_quiz(const LessonArgs *a) {
    static char e1[256], e2[256], e3[256];
    Schedule s;
    schedule_linear(&s, 50, 1e-4, 0.02);
    double v1 = sqrt(s.abar[49]);
    snprintf(e1, sizeof e1, "ᾱ_T = Π(1-β_t) ≈ e^{-Σβ} ve Σβ ≈ 50 · 0.01; tam çarpım √ᾱ_T = %.4f.", v1);
    double v2 = sqrt(1 - 0.36);
    snprintf(e2, sizeof e2, "x_t = √ᾱ x_0 + √(1-ᾱ) ε: √(1 - 0.36) = %.2f.", v2);
    snprintf(e3, sizeof e3,
             "x̂_0 = (x_t - √(1-ᾱ) ε̂)/√ᾱ = (1.2 - 0.8 · 0.3)/0.6 = %.2f; önce √(1-ᾱ) = 0.8.", (1.2 - 0.8 * 0.3) / 0.6);
    QuizQuestion qs[] = {
        {.q = "Doğrusal β (1e-4'ten 0.02'ye), T = 50 adımlık çizelgede son adımda kalan sinyal "
              "√ᾱ_T kaçtır? (2 ondalık)",
         .answer = v1, .tol = 0.01, .explain = e1},
        {.q = "ᾱ_t = 0.36 ise x_t'deki gürültünün katsayısı √(1-ᾱ_t) kaçtır? (2 ondalık)",
         .answer = v2, .tol = 0.005, .explain = e2},
        {.q = "ᾱ_t = 0.36, x_t = 1.2 ve model ε̂ = 0.3 diyorsa x̂_0 tahmini kaçtır? (2 ondalık)",
         .answer = (1.2 - 0.8 * 0.3) / 0.6, .tol = 0.005, .explain = e3},
        {.q = "Gürültü tahmincisinin kaybı nedir?",
         .choices = {"Eklenen gürültü ε ile modelin tahmini ε̂ arasındaki ortalama kare hata",
                     "Üretilen noktanın veriye uzaklığı", "İkili çapraz entropi (binary cross-entropy)",
                     "Enerji uzaklığı"},
         .correct = 0,
         .explain = "x_t = √ᾱ x_0 + √(1-ᾱ) ε kurulur, model ε'u tahmin eder: L = ||ε - ε̂||²."},
        {.q = "DDIM (η = 0) DDPM'den neyle ayrılır?",
         .choices = {"Ayrı bir modelle eğitilir",
                     "Adımlar arasında taze gürültü eklemez; aynı modelle belirlenimci ve az adımlı "
                     "örnekler",
                     "Daha büyük bir T ister", "Yalnızca eğitimde kullanılır"},
         .correct = 1,
         .explain = "Model aynıdır; yalnızca örnekleme formülündeki σ sıfırdır."},
        {.q = "Üretilen noktalar verinin yalnızca yarısını kaplıyor (ama hep verinin üstünde). "
              "Hangi ölçüt düşer?",
         .choices = {"Kesinlik", "Hiçbiri", "Duyarlılık (ve enerji uzaklığı artar)",
                     "Eğitim kaybı"},
         .correct = 2,
         .explain = "Her üretilen nokta bir verinin yanında (kesinlik yüksek), ama verinin yarısının "
                    "yanında üretilen nokta yok."},
        {.q = "Zaman adımı t modele neden sinüslü gömmeyle verilir?",
         .choices = {"t bir tamsayı olduğu için hiç verilmeyebilir",
                     "Farklı hızda dönen sin/cos çiftleri yakın ve uzak adımları ayırt edilebilir "
                     "kılar; tek bir sayıdan daha kolay öğrenilir",
                     "Parametre sayısını azaltmak için", "Gürültüyü artırmak için"},
         .correct = 1,
         .explain = "lesson11'deki konumsal kodlamanın aynısı: her frekans farklı bir ölçekte "
                    "ayırt eder."},
        {.q = "x_T = √ᾱ_T x_0 + √(1-ᾱ_T) ε'da √ᾱ_T = 0.78 kalırsa N(0, I)'dan başlayan "
              "örnekleme için ne olur?",
         .choices = {"Hiçbir şey; model bunu düzeltir", "Eğitim kaybı sonsuz olur",
                     "Örnekleme daha hızlı olur",
                     "Örnekleyici, eğitimde görülen x_T dağılımından farklı bir yerden başlar; "
                     "üretilen dağılım kayar"},
         .correct = 3,
         .explain = "Eğitimde x_T verinin %78'ini taşıyordu; saf gürültüyle başlamak modelin hiç "
                    "görmediği bir girdidir."},
        {.q = "Gizil difüzyonda VAE kodlarının standart sapması 0.8 çıktı. Kodları çizelgenin "
              "beklediği ölçeğe (std 1) getiren çarpan s kaçtır? (2 ondalık)",
         .answer = 1.25, .tol = 0.005,
         .explain = "s = 1 / 0.8 = 1.25; örneklenen kod çözücüye verilmeden önce s'ye bölünür."},
        {.q = "VAE'nin önselinden, N(0, I)'dan çekilen kodların bir kısmı neden bulanık, iki "
              "rakam arası görüntüler verir; gizil difüzyon bunu nasıl önler?",
         .choices = {"Kod çözücü küçük olduğu için; difüzyon daha büyük bir çözücü eğitir",
                     "Eğitim kodlarının bulutu (bütünleşik sonsal) N(0, I)'yı tam doldurmaz; "
                     "önselin boş bölgelerinden (önsel delikleri) gelen kodlar hiçbir rakama "
                     "ait değildir. Difüzyon kodları bu bulutun kendisinden örnekler",
                     "N(0, I)'dan çekilen kodlar çok küçüktür; difüzyon onları büyütür",
                     "VAE'nin KL terimi kodları bozar; difüzyon KL'yi kaldırır"},
         .correct = 1,
         .explain = "Adım 7'de önsel örneklerinin en yakın eğitim koduna uzaklığı test kodlarınınkinin "
                    "katlarıdır; difüzyon örneklerininki test kodlarınınki kadardır."},
        {.q = "Gizil modelin kayıt dosyası neden VAE'nin kod çözücüsünü de taşır?",
         .choices = {"Dosya küçülsün diye",
                     "Tahminci çözücü olmadan eğitilemez",
                     "Kodlar o VAE'ye özgüdür: başka bir eğitimin çözücüsü aynı 20 sayıdan "
                     "bambaşka (anlamsız) bir görüntü çizer",
                     "CNN yargıcı çözücüyü ister"},
         .correct = 2,
         .explain = "Her VAE eğitimi kod uzayını kendi düzenler; difüzyon modeli yalnızca kendi "
                    "VAE'sinin kodlarını tanır (Stable Diffusion dosyaları da VAE'yi taşır)."},
    };
    return quiz_run("lesson15", qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

/* Derse özgü "--ad DEĞER" (metin) ya da "--ad" (değersiz) bayrağı: argv'den çıkarır.
 * Metin bayrağında değer eksikse hata (çıkış 2). */
static const char *take_str(int *argc, char **argv, const char *name) {
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], name) != 0) continue;
        if (i + 1 >= *argc || argv[i + 1][0] == '\0') {
            fprintf(stderr, "hata: '%s' bayrağı bir dosya adı ister\n", name);
            exit(2);
        }
        const char *v = argv[i + 1];
        for (int k = i; k + 2 <= *argc; k++) argv[k] = argv[k + 2];
        *argc -= 2;
        return v;
    }
    return NULL;
}
static int take_flag(int *argc, char **argv, const char *name) {
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], name) != 0) continue;
        for (int k = i; k + 1 <= *argc; k++) argv[k] = argv[k + 1];
        *argc -= 1;
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    long nsample = 0, ssteps = 0, hidden = 128, emb = 64, batch = 256, T = 200, ldm_steps = 0;
    int want_sample = cli_take_long(&argc, argv, "--sample", 1, 100000, &nsample);
    int want_mnist = take_flag(&argc, argv, "--mnist");
    int no_mnist = take_flag(&argc, argv, "--no-mnist");
    const char *vae_path = take_str(&argc, argv, "--vae");
    const char *ldm_model = take_str(&argc, argv, "--mnist-model");
    int ldm_steps_given = cli_take_long(&argc, argv, "--mnist-steps", 10, 1000000, &ldm_steps);
    cli_take_long(&argc, argv, "--sample-steps", 1, TMAX, &ssteps);
    int hidden_given = cli_take_long(&argc, argv, "--hidden", 4, 1024, &hidden);
    cli_take_long(&argc, argv, "--emb", 2, 512, &emb);
    cli_take_long(&argc, argv, "--batch", 1, 4096, &batch);
    cli_take_long(&argc, argv, "--T", 10, TMAX, &T);
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson15", .title = "Difüzyon modeli (DDPM): ay-yıldız",
                         .default_epochs = 8, .extras = CLI_MODEL,
                         .epochs_help = "eğitim adımı sayısı, bin olarak",
                         .extra_help =
                             "  --sample N        kayıtlı modelden N nokta çizer (--model ile)\n"
                             "  --sample-steps S  örnekleme adımı (S < T ise DDIM; varsayılan T)\n"
                             "  --hidden H        gizli genişlik (128)   --emb E  gömme boyu (64)\n"
                             "  --batch B         yığın (256)            --T T    difüzyon adımı (200)\n"
                             "Adım 7 (gizil difüzyon, MNIST rakamları):\n"
                             "  --mnist           --sample N ile: kayıtlı gizil modelden N (<= 400)\n"
                             "                    rakam çizer: plots/lesson15/rakam_orneklem.png\n"
                             "  --vae DOSYA       lesson13'ün VAE'si (data/models/lesson13_vae.model)\n"
                             "  --mnist-model DOSYA\n"
                             "                    gizil model (data/models/lesson15_rakam.model)\n"
                             "  --mnist-steps N   gizil modelin eğitim adımı (12000; --quick 1500)\n"
                             "  --no-mnist        adım 7'yi atlar\n"});
    if (a.quiz) return run_quiz(&a);
    if (emb % 2) {
        fprintf(stderr, "hata: --emb %ld: çift olmalı (sin ve cos çiftleri)\n", emb);
        return 2;
    }
    const char *path = a.model ? a.model
                       : a.quick ? MODEL_DIR "/lesson15_ddpm_quick.model"
                                 : MODEL_DIR "/lesson15_ddpm.model";
    const char *ldm_path = ldm_model ? ldm_model
                           : a.quick ? MODEL_DIR "/lesson15_rakam_quick.model"
                                     : MODEL_DIR "/lesson15_rakam.model";
    if (want_mnist && !want_sample) {
        fprintf(stderr, "hata: --mnist yalnızca --sample N ile kullanılır\n");
        return 2;
    }
    if (want_sample && want_mnist && nsample > 400) {
        fprintf(stderr, "hata: --sample %ld --mnist: en çok 400 rakam çizilir (PNG ızgara)\n",
                nsample);
        return 2;
    }
    if (want_sample && want_mnist)
        return sample_digits_from(ldm_path, (int)nsample, ssteps ? (int)ssteps : TMAX, a.seed, 0);
    if (want_sample)
        return sample_from(path, (int)nsample, ssteps ? (int)ssteps : TMAX, a.ascii, a.seed, NULL);
    if (!ldm_steps_given) ldm_steps = a.quick ? 1500 : LDM_STEPS_FULL;
    double t_start = now_sec();
    char err[512];
    if (mkdir_p(MODEL_DIR) != 0) die("'%s' klasörü oluşturulamadı", MODEL_DIR);
    if (model_path_check_writable(path, err, sizeof err) != 0) die("%s", err);
    if (!no_mnist && model_path_check_writable(ldm_path, err, sizeof err) != 0) die("%s", err);
#ifdef _OPENMP
    omp_set_max_active_levels(1);
#endif
    DdpmConf c = {.steps = a.epochs * 1000, .B = (int)batch, .E = (int)emb, .H = (int)hidden,
                  .T = (int)T, .lr = 1e-3f};
    if (a.quick && !a.epochs_given) c.steps = 400;
    if (a.quick && !hidden_given) c.H = 64;
    Schedule s;
    schedule_linear(&s, c.T, 1e-4 * 1000.0 / c.T, 0.02 * 1000.0 / c.T);

    Data d[2];
    Quality ideal, half, q[2], untrained, loaded;
    double trap_sab, good_sab, trap_ed, good_ed, gc, ed_ddpm[NS], ed_ddim[NS], rec10 = NAN;
    int Ss[NS];
    Denoiser m[2];
    TrainLog L[2];
    step1_data(d, &a, &ideal, &half);
    step2_forward(d, &s, &a, &trap_sab, &good_sab, &trap_ed, &good_ed);
    step3_train(m, &c, &s, d, &a, &gc, L);
    step4_reverse(m, &s, d, &a, q, &untrained);
    step5_ddim(&m[0], &s, &d[0], &a, ed_ddpm, ed_ddim, Ss, &rec10);
    step6_save(&m[0], &c, path, &a, &loaded);
    LdmResult ld = {0};
    if (!no_mnist) step7_latent(&a, vae_path, ldm_path, ldm_steps, &ld);

    double train_s = fmax(L[0].seconds, L[1].seconds);
    printf("\nÖzet: ay-yıldız enerji uzaklığı %.4f, kesinlik %.3f, duyarlılık %.3f;\n"
           "iki ay %.4f, %.3f, %.3f. Eğitim %d adım, %.1f s (iki veri aynı anda).\n",
           q[0].ed, q[0].prec, q[0].rec, q[1].ed, q[1].prec, q[1].rec, c.steps, train_s);
    printf("SONUÇ: flag_ed=%.4f flag_prec=%.4f flag_rec=%.4f moons_ed=%.4f moons_prec=%.4f "
           "moons_rec=%.4f untrained_ed=%.4f untrained_prec=%.4f untrained_rec=%.4f ideal_ed=%.4f "
           "ideal_rec=%.4f half_ed=%.4f half_prec=%.4f half_rec=%.4f trap_sqrt_abar=%.4f "
           "sqrt_abar_T=%.4f trap_ed=%.4f schedule_ed=%.4f gradcheck=%.3f loss_first=%.4f "
           "loss_last=%.4f ddpm10_ed=%.4f ddim10_ed=%.4f ddim10_rec=%.4f ddpm_full_ed=%.4f "
           "loaded_ed=%.4f loaded_prec=%.4f loaded_rec=%.4f steps=%d T=%d H=%d E=%d B=%d "
           "train_s=%.1f threads=%d seconds=%.0f",
           q[0].ed, q[0].prec, q[0].rec, q[1].ed, q[1].prec, q[1].rec, untrained.ed,
           untrained.prec, untrained.rec, ideal.ed, ideal.rec, half.ed, half.prec, half.rec,
           trap_sab, good_sab, trap_ed, good_ed, gc, L[0].loss[0], L[0].loss[L[0].n - 1],
           ed_ddpm[1], ed_ddim[1], rec10, ed_ddpm[NS - 1], loaded.ed, loaded.prec, loaded.rec,
           c.steps, c.T, c.H, c.E, c.B, train_s, a.threads, now_sec() - t_start);
    if (ld.done)
        printf(" mnist_conf=%.3f mnist_classes=%d mnist_ddim_conf=%.3f mnist_ddim_classes=%d "
               "prior_conf=%.3f prior_classes=%d recon_conf=%.3f real_conf=%.3f nn_test=%.3f "
               "nn_prior=%.3f nn_ddpm=%.3f mnist_gradcheck=%.3f mnist_loss_first=%.4f "
               "mnist_loss_last=%.4f mnist_steps=%d mnist_H=%d mnist_train=%d mnist_scale=%.4f "
               "mnist_train_s=%.1f\n",
               ld.ddpm.share, ld.ddpm.classes5, ld.ddim.share, ld.ddim.classes5, ld.prior.share,
               ld.prior.classes5, ld.recon.share, ld.real.share, ld.nn_test, ld.nn_prior,
               ld.nn_ddpm, ld.gc, ld.loss_first, ld.loss_last, ld.steps, ld.H, ld.ntrain,
               ld.scale, ld.train_s);
    else
        printf(" mnist_skipped=1\n");
    for (int k = 0; k < 2; k++) {
        den_free(&m[k]);
        free(d[k].train), free(d[k].held);
    }
    return 0;
}
