/* test_conv.c — evrişim ve max pooling:
 *   - hızlı sürüm (parçalı im2col + mikro-çekirdek; 3x3 için Winograd) düz döngü referansına karşı, tek
 *     sayılı şekillerde (adım 2, dolgu 1, C=3, kare olmayan, k=1, k=5, çekirdek > giriş),
 *     çok parçalı ve "saklamasız" (akış) kiplerde, NULL gradyanlarla (dondurulmuş
 *     katman), ileri geçişsiz çağrılan geri geçişte;
 *   - sonuç iş parçacığı sayısından bağımsız (bit düzeyinde);
 *   - sonlu farklarla gradyan denetimi: conv2d (dinp, dW, dbias), maxpool (eşitsiz
 *     girdi), bütün bir evrişimli ağın (net_backward) kaybı ve eğitim kipindeki birleşik
 *     yollar (Winograd, evrişim+ReLU+havuz, ReLU+havuz). */
#include <omp.h>
#include <stdlib.h>
#include "doaa.h"
#include "testutil.h"

static void fill(float *x, size_t n, Rng *r) {
    for (size_t i = 0; i < n; i++) x[i] = rng_uniform(r) * 2.0f - 1.0f;
}

static double max_abs_diff(const float *a, const float *b, size_t n) {
    double w = 0.0;
    for (size_t i = 0; i < n; i++) {
        double d = fabs((double)a[i] - (double)b[i]);
        if (d > w) w = d;
    }
    return w;
}

typedef struct {
    int B, C, H, W, OC, k, s, p;
} Shape;

static const Shape shapes[] = {
    {3, 3, 9, 7, 5, 3, 2, 1},     /* adım 2, dolgu 1, C=3, kare olmayan */
    {2, 1, 28, 28, 32, 3, 1, 0},  /* MNIST'in ilk katmanı */
    {4, 32, 13, 13, 64, 3, 1, 0}, /* ikinci katman (OC 6'nın katı değil) */
    {5, 2, 6, 11, 7, 5, 1, 2},    /* k=5, dolgu 2 */
    {2, 4, 5, 5, 3, 1, 1, 0},     /* 1x1 evrişim */
    {2, 2, 3, 3, 2, 5, 1, 2},     /* çekirdek girişten büyük, dolgu sayesinde geçerli */
    {3, 3, 10, 8, 9, 3, 3, 1},    /* adım 3 */
    {1, 1, 1, 1, 1, 1, 1, 0},     /* en küçük */
    /* doğrudan yol (C=1, 3x3, adım 1; giriş gradyanı istenirse im2col): */
    {3, 1, 9, 8, 20, 3, 1, 1},    /* dolgu 1, kare olmayan, OC 32'nin katı değil */
    {1, 1, 3, 3, 40, 3, 1, 0},    /* çıkış 1x1, iki 32'lik kanal grubu */
    /* Winograd F(4x4,3x3) yolu (k=3, adım 1, C >= 8): */
    {3, 9, 10, 7, 5, 3, 1, 1},    /* dolgu 1, tek sayılı, kare olmayan */
    {2, 8, 4, 4, 13, 3, 1, 2},    /* dolgu 2, çıkış 6x6 (eksik kareler) */
    {1, 8, 3, 3, 2, 3, 1, 0},     /* çıkış 1x1 */
    {5, 17, 9, 9, 20, 3, 1, 1},   /* C ve OC 16'nın katı değil */
};
#define NSHAPES (int)(sizeof shapes / sizeof shapes[0])

/* Bir şekil için hızlı ve referans sürümü karşılaştırır. fwd_first=0 ise geri
 * geçişten önce tampon başka bir girdiyle yapılmış ileri geçişle doldurulur
 * (geri geçiş tampondan bir şey beklememeli). */
static void compare_shape(const Shape *S, int fwd_first, int null_params) {
    int OH = conv_out_dim(S->H, S->k, S->s, S->p), OW = conv_out_dim(S->W, S->k, S->s, S->p);
    size_t ni = (size_t)S->B * S->C * S->H * S->W, no = (size_t)S->B * S->OC * OH * OW;
    size_t nw = (size_t)S->OC * S->C * S->k * S->k;
    Rng r;
    rng_seed(&r, (uint64_t)(S->B * 1000 + S->C * 100 + S->H * 10 + S->k));
    float *x = malloc(ni * 4), *x2 = malloc(ni * 4), *W = malloc(nw * 4), *bias = malloc(S->OC * 4);
    float *o1 = malloc(no * 4), *o2 = malloc(no * 4), *g = malloc(no * 4);
    float *di1 = malloc(ni * 4), *di2 = malloc(ni * 4);
    float *dW1 = malloc(nw * 4), *dW2 = malloc(nw * 4), *db1 = malloc(S->OC * 4), *db2 = malloc(S->OC * 4);
    fill(x, ni, &r);
    fill(x2, ni, &r);
    fill(W, nw, &r);
    fill(bias, S->OC, &r);
    fill(g, no, &r);
    /* Biriktirme kuralı: dinp, dW ve dbias'a EKLENİR; ikisi de aynı sıfır olmayan
     * değerlerle başlasın (üzerine yazan bir yol bu karşılaştırmada yakalanır) */
    fill(di1, ni, &r);
    memcpy(di2, di1, ni * 4);
    fill(dW1, nw, &r);
    memcpy(dW2, dW1, nw * 4);
    fill(db1, S->OC, &r);
    memcpy(db2, db1, S->OC * 4);
    float *work = malloc(conv2d_work_size(S->B, S->C, S->H, S->W, S->OC, S->k, S->s, S->p) * 4);

    conv2d_forward_ref(o1, x, W, bias, S->B, S->C, S->H, S->W, S->OC, S->k, S->s, S->p);
    conv2d_forward(o2, x, W, bias, S->B, S->C, S->H, S->W, S->OC, S->k, S->s, S->p, work);
    double tol = 1e-5 * (1 + sqrt((double)S->C * S->k * S->k));
    ck_assert_msg(max_abs_diff(o1, o2, no) <= tol, "ileri: fark %g (B%d C%d H%d W%d OC%d k%d s%d p%d)",
                  max_abs_diff(o1, o2, no), S->B, S->C, S->H, S->W, S->OC, S->k, S->s, S->p);
    if (!fwd_first) /* tampon başka girdinin sütunlarını tutuyor */
        conv2d_forward(o2, x2, W, bias, S->B, S->C, S->H, S->W, S->OC, S->k, S->s, S->p, work);

    conv2d_backward_ref(di1, null_params ? NULL : dW1, null_params ? NULL : db1, g, x, W, S->B,
                        S->C, S->H, S->W, S->OC, S->k, S->s, S->p);
    conv2d_backward(di2, null_params ? NULL : dW2, null_params ? NULL : db2, g, x, W, S->B, S->C,
                    S->H, S->W, S->OC, S->k, S->s, S->p, work);
    double tolb = 1e-5 * (1 + sqrt((double)S->B * OH * OW * S->OC));
    ck_assert_msg(max_abs_diff(di1, di2, ni) <= tolb, "dinp: fark %g", max_abs_diff(di1, di2, ni));
    ck_assert_msg(max_abs_diff(dW1, dW2, nw) <= tolb, "dW: fark %g", max_abs_diff(dW1, dW2, nw));
    ck_assert_msg(max_abs_diff(db1, db2, S->OC) <= tolb, "dbias: fark %g",
                  max_abs_diff(db1, db2, S->OC));
    if (null_params) { /* NULL verilen gradyanlara dokunulmamalı */
        ck_assert_int_eq(memcmp(dW1, dW2, nw * 4), 0);
        ck_assert_int_eq(memcmp(db1, db2, S->OC * 4), 0);
    }
    /* dinp NULL: yalnızca parametre gradyanları */
    memcpy(dW2, dW1, nw * 4);
    memcpy(db2, db1, S->OC * 4);
    conv2d_forward(o2, x, W, bias, S->B, S->C, S->H, S->W, S->OC, S->k, S->s, S->p, work);
    conv2d_backward(NULL, dW2, db2, g, x, W, S->B, S->C, S->H, S->W, S->OC, S->k, S->s, S->p, work);
    conv2d_backward_ref(NULL, dW1, db1, g, x, W, S->B, S->C, S->H, S->W, S->OC, S->k, S->s, S->p);
    ck_assert_msg(max_abs_diff(dW1, dW2, nw) <= 2 * tolb, "dW (dinp NULL): fark %g",
                  max_abs_diff(dW1, dW2, nw));
    free(x); free(x2); free(W); free(bias); free(o1); free(o2); free(g); free(di1); free(di2);
    free(dW1); free(dW2); free(db1); free(db2); free(work);
}

START_TEST(test_fast_matches_ref) {
    for (int i = 0; i < NSHAPES; i++) {
        compare_shape(&shapes[i], 1, 0);
        compare_shape(&shapes[i], 0, 0);
        compare_shape(&shapes[i], 1, 1);
    }
}
END_TEST

START_TEST(test_chunked_and_streaming) {
    /* Küçük parçalar: çok parçalı yol, eksik son parça; yuva sayısı 1, 3 ve 4
     * (yuvalar birden çok parçayı sırayla işler), parça başına tek örnek. */
    size_t tunings[][2] = {{2000, 0}, {2000, 1}, {2000, 3}, {1, 2}};
    for (size_t t = 0; t < 4; t++) {
        conv2d_set_tuning(tunings[t][0], (int)tunings[t][1]);
        for (int i = 0; i < NSHAPES; i++) {
            compare_shape(&shapes[i], 1, 0);
            compare_shape(&shapes[i], 0, 1);
        }
    }
    conv2d_set_tuning(0, 0);
}
END_TEST

START_TEST(test_smaller_batch_same_buffer) {
    /* Ağ, tamponu en büyük yığın için bir kez ayırır; daha küçük yığınlar (son
     * yığın, tek görüntü) aynı tamponla doğru çalışmalı. */
    const Shape S = {64, 32, 13, 13, 64, 3, 1, 0};
    size_t ws = conv2d_work_size(S.B, S.C, S.H, S.W, S.OC, S.k, S.s, S.p);
    for (int b = 1; b <= S.B; b++)
        ck_assert_msg(conv2d_work_size(b, S.C, S.H, S.W, S.OC, S.k, S.s, S.p) <= ws,
                      "B=%d daha büyük tampon istiyor", b);
    Shape small = S;
    small.B = 7;
    compare_shape(&small, 1, 0);
}
END_TEST

START_TEST(test_thread_independent) {
    /* Winograd (C=8) ve doğrudan yol (C=1; giriş gradyanı istenmez, ilk katman gibi);
     * ikisinde de katman katman ve birleşik evrişim+ReLU+havuz */
    const Shape shp[] = {{16, 8, 12, 10, 12, 3, 1, 1}, {9, 1, 12, 12, 32, 3, 1, 0}};
    for (int si = 0; si < 2; si++) {
        const Shape S = shp[si];
        int direct = S.C == 1;
        int OH = conv_out_dim(S.H, 3, 1, S.p), OW = conv_out_dim(S.W, 3, 1, S.p);
        size_t ni = (size_t)S.B * S.C * S.H * S.W, no = (size_t)S.B * S.OC * OH * OW, nw = (size_t)S.OC * S.C * 9;
        size_t np = (size_t)S.B * S.OC * (OH / 2) * (OW / 2);
        Rng r;
        rng_seed(&r, 11);
        float *x = malloc(ni * 4), *W = malloc(nw * 4), *bias = malloc(S.OC * 4), *g = malloc(no * 4);
        float *dp = malloc(np * 4), *y = malloc(no * 4);
        fill(x, ni, &r);
        fill(W, nw, &r);
        fill(bias, S.OC, &r);
        fill(g, no, &r);
        fill(dp, np, &r);
        float *out[2], *di[2], *dW[2], *db[2], *pl[2], *dW2[2];
        int *am[2];
        conv2d_set_tuning(3000, 0); /* birkaç parça olsun */
        float *work = malloc(conv2d_work_size(S.B, S.C, S.H, S.W, S.OC, 3, 1, S.p) * 4);
        for (int t = 0; t < 2; t++) {
            omp_set_num_threads(t + 1);
            out[t] = malloc(no * 4);
            di[t] = calloc(ni, 4);
            dW[t] = calloc(nw, 4);
            db[t] = calloc(S.OC, 4);
            pl[t] = malloc(np * 4);
            am[t] = calloc(np, sizeof(int));   /* bayt düzeninde (conv.h) dörtte üçü boş kalır */
            dW2[t] = calloc(nw, 4);
            conv2d_forward(out[t], x, W, bias, S.B, S.C, S.H, S.W, S.OC, 3, 1, S.p, work);
            conv2d_backward(direct ? NULL : di[t], dW[t], db[t], g, x, W, S.B, S.C, S.H, S.W, S.OC,
                            3, 1, S.p, work);
            conv2d_relu_pool_forward(pl[t], am[t], y, x, W, bias, S.B, S.C, S.H, S.W, S.OC, 3, 1,
                                     S.p, 2, work);
            conv2d_relu_pool_backward(NULL, dW2[t], NULL, y, dp, am[t], pl[t], x, W, S.B, S.C, S.H,
                                      S.W, S.OC, 3, 1, S.p, 2, work);
        }
        omp_set_num_threads(2);
        conv2d_set_tuning(0, 0);
        ck_assert_int_eq(memcmp(out[0], out[1], no * 4), 0);
        ck_assert_int_eq(memcmp(di[0], di[1], ni * 4), 0);
        ck_assert_int_eq(memcmp(dW[0], dW[1], nw * 4), 0);
        ck_assert_int_eq(memcmp(db[0], db[1], S.OC * 4), 0);
        ck_assert_int_eq(memcmp(pl[0], pl[1], np * 4), 0);
        ck_assert_int_eq(memcmp(am[0], am[1], np * sizeof(int)), 0);
        ck_assert_int_eq(memcmp(dW2[0], dW2[1], nw * 4), 0);
        for (int t = 0; t < 2; t++) {
            free(out[t]); free(di[t]); free(dW[t]); free(db[t]); free(pl[t]); free(am[t]); free(dW2[t]);
        }
        free(x); free(W); free(bias); free(g); free(dp); free(y); free(work);
    }
}
END_TEST

/* ---- Sonlu farklarla gradyan denetimi ---- */

/* Kayıp L = Σ R ⊙ conv(x): dL/dout = R, böylece geri geçişe R verilir. */
typedef struct {
    Shape S;
    float *x, *W, *bias, *R, *out, *work;
    size_t no;
} ConvCtx;

static double conv_loss(void *p) {
    ConvCtx *c = p;
    const Shape *S = &c->S;
    conv2d_forward(c->out, c->x, c->W, c->bias, S->B, S->C, S->H, S->W, S->OC, S->k, S->s, S->p,
                   c->work);
    double L = 0.0;
    for (size_t i = 0; i < c->no; i++) L += (double)c->R[i] * c->out[i];
    return L;
}

START_TEST(test_conv_gradcheck) {
    /* üçüncüsü Winograd yolundan geçer (3x3, adım 1, C >= 8) */
    const Shape shp[] = {{2, 3, 7, 6, 4, 3, 2, 1}, {2, 2, 6, 6, 5, 3, 1, 0}, {2, 9, 7, 6, 5, 3, 1, 1}};
    for (int si = 0; si < 3; si++) {
        ConvCtx c = {.S = shp[si]};
        const Shape *S = &c.S;
        int use_wg = conv2d_uses_winograd(S->C, S->k, S->s);
        ck_assert_int_eq(use_wg, si == 2);
        int OH = conv_out_dim(S->H, S->k, S->s, S->p), OW = conv_out_dim(S->W, S->k, S->s, S->p);
        size_t ni = (size_t)S->B * S->C * S->H * S->W, nw = (size_t)S->OC * S->C * S->k * S->k;
        c.no = (size_t)S->B * S->OC * OH * OW;
        Rng r;
        rng_seed(&r, 3 + si);
        c.x = malloc(ni * 4); c.W = malloc(nw * 4); c.bias = malloc(S->OC * 4);
        c.R = malloc(c.no * 4); c.out = malloc(c.no * 4);
        c.work = malloc(conv2d_work_size(S->B, S->C, S->H, S->W, S->OC, S->k, S->s, S->p) * 4);
        fill(c.x, ni, &r); fill(c.W, nw, &r); fill(c.bias, S->OC, &r); fill(c.R, c.no, &r);
        float *dx = calloc(ni, 4), *dW = calloc(nw, 4), *db = calloc(S->OC, 4);
        conv_loss(&c);
        conv2d_backward(dx, dW, db, c.R, c.x, c.W, S->B, S->C, S->H, S->W, S->OC, S->k, S->s,
                        S->p, c.work);
        /* Kayıp girdilere göre doğrusal: merkezi fark kesin, sıkı tolerans. Adım büyük
         * olabilir (doğrusal kayıpta kesme hatası yok); Winograd'ın ileri geçişindeki float
         * yuvarlaması (~1e-5) küçük adımda sayısal türevi bozardı, orada adım 1. */
        double eps = use_wg ? 1.0 : 1e-2;
        GradCheck gx = gradcheck(conv_loss, &c, c.x, dx, ni, 300, eps, 1e-3, 1e-4);
        GradCheck gw = gradcheck(conv_loss, &c, c.W, dW, nw, 300, eps, 1e-3, 1e-4);
        GradCheck gb = gradcheck(conv_loss, &c, c.bias, db, S->OC, 300, eps, 1e-3, 1e-4);
        ck_assert_msg(gx.checked > 0 && gx.worst <= 1.0, "dinp: oran %g (sayısal %g, analitik %g)",
                      gx.worst, gx.numeric, gx.analytic);
        ck_assert_msg(gw.checked > 0 && gw.worst <= 1.0, "dW: oran %g (sayısal %g, analitik %g)",
                      gw.worst, gw.numeric, gw.analytic);
        ck_assert_msg(gb.checked == (size_t)S->OC && gb.worst <= 1.0, "dbias: oran %g", gb.worst);
        free(c.x); free(c.W); free(c.bias); free(c.R); free(c.out); free(c.work);
        free(dx); free(dW); free(db);
    }
}
END_TEST

typedef struct {
    int B, C, H, W, k;
    float *x, *R, *out;
    int *arg;
} PoolCtx;

static double pool_loss(void *p) {
    PoolCtx *c = p;
    maxpool2d_forward(c->out, c->arg, c->x, c->B, c->C, c->H, c->W, c->k);
    size_t no = (size_t)c->B * c->C * (c->H / c->k) * (c->W / c->k);
    double L = 0.0;
    for (size_t i = 0; i < no; i++) L += (double)c->R[i] * c->out[i];
    return L;
}

START_TEST(test_maxpool_gradcheck_and_values) {
    int ks[] = {2, 3};
    for (int t = 0; t < 2; t++) {
        PoolCtx c = {2, 3, 7, 9, ks[t], NULL, NULL, NULL, NULL}; /* 7x9: son satır/sütun artar */
        size_t ni = (size_t)c.B * c.C * c.H * c.W;
        int OH = c.H / c.k, OW = c.W / c.k;
        size_t no = (size_t)c.B * c.C * OH * OW;
        Rng r;
        rng_seed(&r, 21 + t);
        c.x = malloc(ni * 4); c.R = malloc(no * 4); c.out = malloc(no * 4);
        c.arg = malloc(no * sizeof(int));
        /* Eşitlik yok: değerler karıştırılmış 0.1'lik adımlar; ε = 1e-2 sırayı bozamaz */
        int *perm = malloc(ni * sizeof(int));
        for (size_t i = 0; i < ni; i++) perm[i] = (int)i;
        rng_shuffle(&r, perm, (int)ni);
        for (size_t i = 0; i < ni; i++) c.x[i] = 0.1f * (float)perm[i] - 10.0f;
        fill(c.R, no, &r);
        pool_loss(&c);
        /* Değerler: her pencerenin en büyüğü (düz arama) */
        for (int bc = 0; bc < c.B * c.C; bc++)
            for (int y = 0; y < OH; y++)
                for (int xx = 0; xx < OW; xx++) {
                    float best = -1e30f;
                    for (int i = 0; i < c.k; i++)
                        for (int j = 0; j < c.k; j++) {
                            float v = c.x[((size_t)bc * c.H + y * c.k + i) * c.W + xx * c.k + j];
                            if (v > best) best = v;
                        }
                    ck_assert_float_eq(c.out[((size_t)bc * OH + y) * OW + xx], best);
                }
        float *dx = calloc(ni, 4);
        maxpool2d_backward(dx, c.R, c.arg, c.B, c.C, c.H, c.W, c.k);
        GradCheck g = gradcheck(pool_loss, &c, c.x, dx, ni, ni, 1e-2, 1e-3, 1e-4);
        ck_assert_msg(g.checked == ni && g.worst <= 1.0, "maxpool k=%d: oran %g", c.k, g.worst);
        free(c.x); free(c.R); free(c.out); free(c.arg); free(perm); free(dx);
    }
}
END_TEST

/* Bütün bir evrişimli ağ: conv-tanh-maxpool-conv(adım 2, dolgu 1)-relu-flatten-dense.
 * İlk aktivasyon tanh: ilk katmanın bir ağırlığı bütün konumları birden kaydırır;
 * ReLU olsaydı ±ε adımı sık sık bir kırılma noktasını (kink) aşar, sayısal türev
 * yanılırdı. (ReLU'nun geri geçişi ayrıca test_nn'de sınanır.) */
typedef struct {
    Net net;
    float *x;
    int *y;
    int B;
    int train;   /* 1: eğitim kipi (ReLU+havuz ve evrişim+ReLU+havuz birleşik yollar) */
} NetCtx;

static double net_loss(void *p) {
    NetCtx *c = p;
    const float *z = net_forward(&c->net, c->x, c->B, c->train);
    int K = (int)net_out_size(&c->net);
    float *probs = malloc((size_t)c->B * K * 4);
    double L = softmax_xent_forward(probs, z, c->y, c->B, K);
    free(probs);
    return L;
}

START_TEST(test_net_gradcheck) {
    NetCtx c;
    net_init(&c.net, 2, 9, 8);
    net_conv2d(&c.net, 4, 3, 1, 1);
    net_tanh(&c.net);
    net_maxpool2d(&c.net, 2);
    net_conv2d(&c.net, 3, 3, 2, 1);
    net_relu(&c.net);
    net_flatten(&c.net);
    net_dense(&c.net, 5);
    net_build(&c.net, 4, 7);
    c.B = 3;
    c.train = 0;
    size_t D = net_in_size(&c.net);
    Rng r;
    rng_seed(&r, 99);
    c.x = malloc(c.B * D * 4);
    fill(c.x, c.B * D, &r);
    int y[3] = {0, 3, 4};
    c.y = y;
    /* Analitik gradyanlar */
    const float *z = net_forward(&c.net, c.x, c.B, 0);
    int K = (int)net_out_size(&c.net);
    float *probs = malloc(c.B * K * 4), *dz = calloc(c.B * K, 4), *dx = calloc(c.B * D, 4);
    softmax_xent_forward(probs, z, c.y, c.B, K);
    softmax_xent_backward(dz, probs, c.y, c.B, K);
    net_zero_grad(&c.net);
    net_backward(&c.net, c.x, dz, c.B, dx);
    float *grads = malloc(c.net.nparams * 4);
    memcpy(grads, c.net.grads, c.net.nparams * 4);
    /* Her katmanın parametrelerini ayrı ayrı dene (hepsi denensin diye) */
    for (int i = 0; i < c.net.n; i++) {
        Layer *l = &c.net.L[i];
        if (!l->nparams) continue;
        GradCheck g = gradcheck(net_loss, &c, c.net.params + l->w_off, grads + l->w_off,
                                l->nparams, 200, 1e-4, 1e-2, 2e-3);
        ck_assert_msg(g.checked > 0, "katman %d denenmedi", i);
        /* ReLU/maxpool kırılmaları tek tük elemanı yanıltabilir: toplu hata sıkı,
         * elemanların neredeyse tamamı tek tek geçmeli */
        ck_assert_msg(g.rel_norm < 1e-2 && g.passed >= g.checked - 1,
                      "katman %d: rel_norm %g, geçen %zu/%zu, en kötü oran %g", i, g.rel_norm,
                      g.passed, g.checked, g.worst);
    }
    GradCheck gx = gradcheck(net_loss, &c, c.x, dx, c.B * D, 200, 1e-4, 1e-2, 2e-3);
    ck_assert_msg(gx.checked > 0 && gx.rel_norm < 1e-2 && gx.passed >= gx.checked - 1,
                  "dx: rel_norm %g, geçen %zu/%zu", gx.rel_norm, gx.passed, gx.checked);
    free(probs); free(dz); free(dx); free(grads); free(c.x);
    net_free(&c.net);
}
END_TEST

/* Eğitim kipindeki birleşik yollar (ilk blok: evrişim+ReLU+havuz tek geçişte; ikinci
 * blok: Winograd evrişimi, ardından ReLU+havuz birleşik) ile değerlendirme kipindeki
 * katman katman hesap aynı çıkışı (bit düzeyinde) ve aynı gradyanları vermeli
 * (gradyanlarda yalnızca toplama sırası farkı: ~1e-7). */
START_TEST(test_relu_pool_fused_same) {
    Net net;
    net_init(&net, 1, 14, 14);
    net_conv2d(&net, 8, 3, 1, 0);
    net_relu(&net);
    net_maxpool2d(&net, 2);
    net_conv2d(&net, 12, 3, 1, 1);
    net_relu(&net);
    net_maxpool2d(&net, 2);
    net_flatten(&net);
    net_dense(&net, 5);
    net_build(&net, 6, 3);
    int B = 6;
    size_t D = net_in_size(&net), K = net_out_size(&net);
    Rng r;
    rng_seed(&r, 5);
    float *x = malloc(B * D * 4), *z0 = malloc(B * K * 4), *dz = malloc(B * K * 4);
    float *g0 = malloc(net.nparams * 4), *dx0 = calloc(B * D, 4), *dx1 = calloc(B * D, 4);
    fill(x, B * D, &r);
    fill(dz, B * K, &r);
    memcpy(z0, net_forward(&net, x, B, 0), B * K * 4);
    net_zero_grad(&net);
    net_backward(&net, x, dz, B, dx0);
    memcpy(g0, net.grads, net.nparams * 4);
    const float *z1 = net_forward(&net, x, B, 1);   /* dropout yok: yalnızca birleştirme farkı */
    ck_assert_int_eq(memcmp(z0, z1, B * K * 4), 0);
    net_zero_grad(&net);
    net_backward(&net, x, dz, B, dx1);   /* dx1 sıfırdan başlar (calloc) */
    ck_assert_msg(max_abs_diff(g0, net.grads, net.nparams) < 1e-5, "gradyan farkı %g",
                  max_abs_diff(g0, net.grads, net.nparams));
    ck_assert_msg(max_abs_diff(dx0, dx1, B * D) < 1e-5, "dx farkı %g", max_abs_diff(dx0, dx1, B * D));
    /* Birleşik geri geçişin kendisi de sonlu farklarla: kayıp eğitim kipinde hesaplanır.
     * İlk katmandaki ReLU yüzünden ±ε adımı bazı elemanlarda bir kırılma noktasını aşar
     * (bkz. test_net_gradcheck'in açıklaması): toplu hata sıkı, elemanların %90'ı tek tek
     * geçmeli. (Kayıp iki kipte bit düzeyinde aynı olduğundan aşılan kırılmalar da aynıdır.) */
    NetCtx c = {.net = net, .x = x, .B = B, .train = 1};
    int y[6] = {0, 1, 2, 3, 4, 0};
    c.y = y;
    float *probs = malloc(B * K * 4), *dl = calloc(B * K, 4);
    softmax_xent_forward(probs, net_forward(&c.net, x, B, 1), y, B, (int)K);
    softmax_xent_backward(dl, probs, y, B, (int)K);
    net_zero_grad(&c.net);
    memset(dx1, 0, B * D * 4);
    net_backward(&c.net, x, dl, B, dx1);
    memcpy(g0, c.net.grads, c.net.nparams * 4);
    for (int i = 0; i < c.net.n; i++) {
        Layer *l = &c.net.L[i];
        if (!l->nparams) continue;
        GradCheck g = gradcheck(net_loss, &c, c.net.params + l->w_off, g0 + l->w_off, l->nparams,
                                200, 1e-4, 1e-2, 2e-3);
        ck_assert_msg(g.checked > 0 && g.rel_norm < 1e-2 && g.passed * 10 >= g.checked * 9,
                      "birleşik yol, katman %d: rel_norm %g, geçen %zu/%zu", i, g.rel_norm,
                      g.passed, g.checked);
    }
    /* Giriş gradyanları küçük: kaybın float yuvarlaması sayısal türevi bozar, ε'u büyütmek
     * ise daha çok kırılma aşar. Ölçülen toplu hata 0.0106 (katman katman kipte de aynı,
     * 200 elemanın hepsi tek tek geçiyor); burada toplu sınır 2e-2. */
    GradCheck gx = gradcheck(net_loss, &c, x, dx1, B * D, 200, 1e-4, 1e-2, 2e-3);
    ck_assert_msg(gx.checked > 0 && gx.rel_norm < 2e-2 && gx.passed * 10 >= gx.checked * 9,
                  "birleşik yol, dx: rel_norm %g, geçen %zu/%zu", gx.rel_norm, gx.passed, gx.checked);
    free(probs); free(dl);
    free(x); free(z0); free(dz); free(g0); free(dx0); free(dx1);
    net_free(&c.net);
}
END_TEST


/* Birleşik evrişim+ReLU+havuz yolları (doğrudan yol: C=1; Winograd; im2col), şekil
 * şekil: ileri geçiş, aynı hızlı evrişimin katman katman sonucuyla (conv2d_forward +
 * maxpool2d_relu_forward) bit düzeyinde aynı olmalı (havuz çıkışı ve argmax); geri
 * geçiş, havuzun gradyanından kurulan dY ile referans geri geçişe (conv2d_backward_ref)
 * yakın olmalı. Şekiller hızlı yolların özel dallarını kapsar: 16'nın katı olan ve
 * olmayan OC, tek sayılı çıkış (havuz son satırı atlar), dolgu, pencere 3. */
START_TEST(test_relu_pool_paths) {
    static const struct { int B, C, H, W, OC, p, pk; } S[] = {
        {3, 1, 12, 12, 32, 0, 2},   /* doğrudan yol, OC 16'nın katı (vektörlü dağıtım) */
        {2, 1, 9, 11, 20, 1, 2},    /* doğrudan yol, OC 16'nın katı değil, tek sayılı çıkış */
        {2, 1, 11, 11, 16, 0, 3},   /* doğrudan yol, pencere 3 */
        {3, 32, 13, 13, 64, 0, 2},  /* Winograd, ders 04'ün ikinci katmanı gibi */
        {2, 9, 9, 7, 20, 1, 2},     /* Winograd, tek sayılı çıkış, dolgu */
        {2, 9, 8, 8, 12, 0, 3},     /* Winograd, pencere 3 */
        {2, 2, 8, 8, 6, 0, 2},      /* im2col */
    };
    for (size_t si = 0; si < sizeof S / sizeof S[0]; si++) {
        int B = S[si].B, C = S[si].C, H = S[si].H, Wd = S[si].W, OC = S[si].OC, p = S[si].p;
        int pk = S[si].pk, OH = conv_out_dim(H, 3, 1, p), OW = conv_out_dim(Wd, 3, 1, p);
        size_t ni = (size_t)B * C * H * Wd, no = (size_t)B * OC * OH * OW, nw = (size_t)OC * C * 9;
        size_t np = (size_t)B * OC * (OH / pk) * (OW / pk);
        Rng r;
        rng_seed(&r, 40 + si);
        float *x = malloc(ni * 4), *W = malloc(nw * 4), *bias = malloc(OC * 4), *y = malloc(no * 4);
        float *y2 = malloc(no * 4), *pl = malloc(np * 4), *pl2 = malloc(np * 4), *dp = malloc(np * 4);
        int *am = malloc(np * sizeof(int)), *am2 = malloc(np * sizeof(int));
        fill(x, ni, &r); fill(W, nw, &r); fill(bias, OC, &r); fill(dp, np, &r);
        float *work = malloc(conv2d_work_size(B, C, H, Wd, OC, 3, 1, p) * 4);
        conv2d_relu_pool_forward(pl, am, y, x, W, bias, B, C, H, Wd, OC, 3, 1, p, pk, work);
        /* katman katman hesap kendi tamponuyla: birleşik geri geçiş work'te ileri geçişin
         * bıraktığını okur (conv.h) */
        float *work2 = malloc(conv2d_work_size(B, C, H, Wd, OC, 3, 1, p) * 4);
        conv2d_forward(y2, x, W, bias, B, C, H, Wd, OC, 3, 1, p, work2);
        free(work2);
        maxpool2d_relu_forward(pl2, am2, y2, B, OC, OH, OW, pk);
        ck_assert_msg(memcmp(pl, pl2, np * 4) == 0, "şekil %zu: havuz çıkışı farklı", si);
        if (conv2d_relu_pool_argmax_nhwc(C, 3, 1, OC, pk)) {
            /* birleşik yolun düzeni: örnek başına (PN, OC) bayt, pencere içi konum dy*2 + dx,
             * kapalı ReLU kapısında -1 */
            size_t PN = (size_t)(OH / pk) * (OW / pk), PW2 = OW / pk;
            const signed char *a8 = (const signed char *)am;
            for (size_t b = 0; b < (size_t)B; b++)
                for (size_t o = 0; o < (size_t)OC; o++)
                    for (size_t q = 0; q < PN; q++) {
                        size_t i = (b * OC + o) * PN + q;
                        int rel = (am2[i] / OW - 2 * (int)(q / PW2)) * 2 + am2[i] % OW - 2 * (int)(q % PW2);
                        int want = pl2[i] > 0.0f ? rel : -1;
                        ck_assert_msg(a8[(b * PN + q) * OC + o] == want,
                                      "şekil %zu: argmax farklı (örnek %zu, kanal %zu, pencere %zu)",
                                      si, b, o, q);
                    }
        } else
            ck_assert_msg(memcmp(am, am2, np * sizeof(int)) == 0, "şekil %zu: argmax farklı", si);
        /* ileri geçiş referansa yakın */
        conv2d_forward_ref(y, x, W, bias, B, C, H, Wd, OC, 3, 1, p);
        ck_assert_msg(max_abs_diff(y, y2, no) <= 1e-5 * (1 + sqrt(9.0 * C)), "şekil %zu: ileri %g",
                      si, max_abs_diff(y, y2, no));
        /* geri geçiş: dinp NULL (ilk katman) ve dinp'li; biriktirme kuralı (başlangıç 0 değil) */
        float *dY = calloc(no, 4), *di1 = malloc(ni * 4), *di2 = malloc(ni * 4);
        float *dW1 = malloc(nw * 4), *dW2 = malloc(nw * 4), *db1 = malloc(OC * 4), *db2 = malloc(OC * 4);
        maxpool2d_relu_backward(dY, dp, am2, pl2, B, OC, OH, OW, pk);
        for (int with_dinp = 0; with_dinp < 2; with_dinp++) {
            fill(di1, ni, &r); memcpy(di2, di1, ni * 4);
            fill(dW1, nw, &r); memcpy(dW2, dW1, nw * 4);
            fill(db1, OC, &r); memcpy(db2, db1, OC * 4);
            conv2d_backward_ref(with_dinp ? di1 : NULL, dW1, db1, dY, x, W, B, C, H, Wd, OC, 3, 1, p);
            conv2d_relu_pool_backward(with_dinp ? di2 : NULL, dW2, db2, y, dp, am, pl, x, W, B, C, H,
                                      Wd, OC, 3, 1, p, pk, work);
            double tol = 1e-5 * (1 + sqrt((double)B * OH * OW * OC));
            ck_assert_msg(max_abs_diff(dW1, dW2, nw) <= tol, "şekil %zu: dW %g", si,
                          max_abs_diff(dW1, dW2, nw));
            ck_assert_msg(max_abs_diff(db1, db2, OC) <= tol, "şekil %zu: dbias %g", si,
                          max_abs_diff(db1, db2, OC));
            ck_assert_msg(max_abs_diff(di1, di2, ni) <= tol, "şekil %zu: dinp %g", si,
                          max_abs_diff(di1, di2, ni));
        }
        free(x); free(W); free(bias); free(y); free(y2); free(pl); free(pl2); free(dp); free(am);
        free(am2); free(work); free(dY); free(di1); free(di2); free(dW1); free(dW2); free(db1); free(db2);
    }
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("conv");
    TCase *tc = tcase_create("evrişim");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_fast_matches_ref);
    tcase_add_test(tc, test_chunked_and_streaming);
    tcase_add_test(tc, test_smaller_batch_same_buffer);
    tcase_add_test(tc, test_thread_independent);
    tcase_add_test(tc, test_conv_gradcheck);
    tcase_add_test(tc, test_maxpool_gradcheck_and_values);
    tcase_add_test(tc, test_relu_pool_fused_same);
    tcase_add_test(tc, test_relu_pool_paths);
    tcase_add_test(tc, test_net_gradcheck);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
