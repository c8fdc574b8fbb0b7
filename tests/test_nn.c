/* test_nn.c — katmanların, kayıpların ve ağın geri geçişleri sonlu farklarla;
 * eniyileyiciler elle hesaba karşı; RNG belirlenimciliği. */
#include "doaa.h"
#include "model/layers.h"
#include "testutil.h"
#include <omp.h>

/* Kayıp = Σ out ⊙ R (R sabit rastgele): dL/dout = R. Böylece her katman tek başına sınanır. */
static double dotR(const float *out, const float *R, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += (double)out[i] * R[i];
    return s;
}
static void randn(float *x, size_t n, Rng *r, float scale) {
    for (size_t i = 0; i < n; i++) x[i] = scale * rng_normal(r);
}
#define GC_OK(r) ck_assert_msg((r).checked > 0 && (r).worst <= 1.0, \
    "gradyan uyuşmuyor: #%zu analitik %g sayısal %g oran %g (denenen %zu)", (r).worst_index, \
    (r).analytic, (r).numeric, (r).worst, (r).checked)

/* ---- dense ---- */
enum { DB = 3, DIN = 5, DOUT = 4 };
typedef struct { float x[DB * DIN], W[DIN * DOUT], b[DOUT], out[DB * DOUT], R[DB * DOUT]; } DenseCtx;
static double dense_loss(void *p) {
    DenseCtx *c = p;
    dense_forward(c->out, c->x, c->W, c->b, DB, DIN, DOUT);
    return dotR(c->out, c->R, DB * DOUT);
}
START_TEST(test_dense_grad) {
    DenseCtx c;
    Rng r; rng_seed(&r, 1);
    randn(c.x, DB * DIN, &r, 1); randn(c.W, DIN * DOUT, &r, 1); randn(c.b, DOUT, &r, 1);
    randn(c.R, DB * DOUT, &r, 1);
    float dx[DB * DIN] = {0}, dW[DIN * DOUT] = {0}, db[DOUT] = {0};
    dense_backward(dx, dW, db, c.R, c.x, c.W, DB, DIN, DOUT);
    GC_OK(gradcheck(dense_loss, &c, c.x, dx, DB * DIN, 100, 1e-2, 1e-3, 1e-4));
    GC_OK(gradcheck(dense_loss, &c, c.W, dW, DIN * DOUT, 100, 1e-2, 1e-3, 1e-4));
    GC_OK(gradcheck(dense_loss, &c, c.b, db, DOUT, 100, 1e-2, 1e-3, 1e-4));
}
END_TEST

START_TEST(test_gradcheck_can_fail) {
    /* Denetleyici yanlış bir gradyanı yakalamalı (yoksa hiçbir şeyi sınamıyor demektir). */
    DenseCtx c;
    Rng r; rng_seed(&r, 2);
    randn(c.x, DB * DIN, &r, 1); randn(c.W, DIN * DOUT, &r, 1); randn(c.b, DOUT, &r, 1);
    randn(c.R, DB * DOUT, &r, 1);
    float dx[DB * DIN] = {0}, dW[DIN * DOUT] = {0}, db[DOUT] = {0};
    dense_backward(dx, dW, db, c.R, c.x, c.W, DB, DIN, DOUT);
    dW[3] += 0.5f;
    GradCheck g = gradcheck(dense_loss, &c, c.W, dW, DIN * DOUT, 100, 1e-2, 1e-3, 1e-4);
    ck_assert(g.checked == DIN * DOUT);
    ck_assert(g.worst > 10.0);
    ck_assert_int_eq((int)g.worst_index, 3);
}
END_TEST

/* ---- aktivasyonlar (elemanter) ---- */
enum { AN = 17 };
typedef struct { float x[AN], out[AN], R[AN]; int kind; } ActCtx;
static void act_fwd(ActCtx *c) {
    if (c->kind == 0) relu_forward(c->out, c->x, AN);
    else if (c->kind == 1) sigmoid_forward(c->out, c->x, AN);
    else tanh_forward(c->out, c->x, AN);
}
static double act_loss(void *p) { ActCtx *c = p; act_fwd(c); return dotR(c->out, c->R, AN); }
START_TEST(test_activation_grads) {
    for (int kind = 0; kind < 3; kind++) {
        ActCtx c; c.kind = kind;
        Rng r; rng_seed(&r, 3 + kind);
        for (int i = 0; i < AN; i++) {
            float v = 2.0f * rng_normal(&r);
            if (kind == 0 && fabsf(v) < 0.1f) v = 0.5f; /* ReLU'nun 0'daki kırılmasından uzak dur */
            c.x[i] = v;
        }
        randn(c.R, AN, &r, 1);
        float dx[AN] = {0};
        act_fwd(&c);
        if (kind == 0) relu_backward(dx, c.R, c.out, AN);
        else if (kind == 1) sigmoid_backward(dx, c.R, c.out, AN);
        else tanh_backward(dx, c.R, c.out, AN);
        GC_OK(gradcheck(act_loss, &c, c.x, dx, AN, 100, 1e-3, 1e-2, 1e-4));
    }
}
END_TEST

START_TEST(test_sigmoid_extremes) {
    float x[4] = {-1000, -50, 50, 1000}, o[4];
    sigmoid_forward(o, x, 4);
    for (int i = 0; i < 4; i++) ck_assert(isfinite(o[i]) && o[i] >= 0 && o[i] <= 1);
    ck_assert_float_eq(o[3], 1.0f);
    ck_assert(o[0] < 1e-30f);
}
END_TEST

/* ---- softmax ---- */
enum { SB = 2, SK = 6 };
typedef struct { float z[SB * SK], p[SB * SK], R[SB * SK]; int y[SB]; } SmCtx;
static double sm_loss(void *q) { SmCtx *c = q; softmax_forward(c->p, c->z, SB, SK); return dotR(c->p, c->R, SB * SK); }
static double xent_loss(void *q) { SmCtx *c = q; return softmax_xent_forward(NULL, c->z, c->y, SB, SK); }
START_TEST(test_softmax_and_xent_grads) {
    SmCtx c; Rng r; rng_seed(&r, 9);
    randn(c.z, SB * SK, &r, 2); randn(c.R, SB * SK, &r, 1);
    c.y[0] = 1; c.y[1] = 5;
    float dz[SB * SK] = {0};
    softmax_forward(c.p, c.z, SB, SK);
    softmax_backward(dz, c.R, c.p, SB, SK);
    GC_OK(gradcheck(sm_loss, &c, c.z, dz, SB * SK, 100, 1e-3, 1e-2, 1e-5));
    float probs[SB * SK];
    softmax_xent_forward(probs, c.z, c.y, SB, SK);
    memset(dz, 0, sizeof dz);
    softmax_xent_backward(dz, probs, c.y, SB, SK);
    GC_OK(gradcheck(xent_loss, &c, c.z, dz, SB * SK, 100, 1e-3, 1e-2, 1e-5));
}
END_TEST

START_TEST(test_softmax_stable_and_sums_to_one) {
    float z[4] = {1000.f, 1001.f, 1002.f, -1000.f}, p[4];
    softmax_forward(p, z, 1, 4);
    double s = 0;
    for (int i = 0; i < 4; i++) { ck_assert(isfinite(p[i])); s += p[i]; }
    ck_assert_close(s, 1.0, 1e-6);
    /* kaydırmaya karşı değişmez: softmax(z + c) = softmax(z) */
    float z2[4] = {0.f, 1.f, 2.f, -2000.f}, p2[4];
    softmax_forward(p2, z2, 1, 4);
    for (int i = 0; i < 4; i++) ck_assert_close(p[i], p2[i], 1e-6);
    int y = 2;
    double l = softmax_xent_forward(NULL, z, &y, 1, 4);
    ck_assert(isfinite(l));
    ck_assert_close(l, -log(p2[2]), 1e-5);
}
END_TEST

/* ---- BCE ve MSE ---- */
enum { BN = 7 };
typedef struct { float a[BN], y[BN]; int kind; } BceCtx;
static double bce_loss(void *q) {
    BceCtx *c = q;
    if (c->kind == 0) return bce_forward(c->a, c->y, BN);
    if (c->kind == 1) return bce_logits_forward(c->a, c->y, BN);
    return mse_forward(c->a, c->y, BN);
}
START_TEST(test_bce_mse_grads) {
    for (int kind = 0; kind < 3; kind++) {
        BceCtx c; c.kind = kind; Rng r; rng_seed(&r, 11 + kind);
        for (int i = 0; i < BN; i++) {
            c.y[i] = kind == 2 ? rng_normal(&r) : (float)(i % 2);
            c.a[i] = kind == 0 ? 0.1f + 0.8f * rng_uniform(&r) : 2.0f * rng_normal(&r);
        }
        float g[BN] = {0};
        if (kind == 0) bce_backward(g, c.a, c.y, BN);
        else if (kind == 1) bce_logits_backward(g, c.a, c.y, BN);
        else mse_backward(g, c.a, c.y, BN);
        GC_OK(gradcheck(bce_loss, &c, c.a, g, BN, 100, 1e-3, 1e-2, 1e-5));
    }
    /* logit sürümü aşırı değerlerde sonlu kalır ve olasılık sürümüyle uyuşur */
    float z[2] = {-200.f, 200.f}, t[2] = {1.f, 0.f};
    ck_assert(isfinite(bce_logits_forward(z, t, 2)));
    ck_assert_close(bce_logits_forward(z, t, 2), 200.0, 1e-4);
    float zz[3] = {-1.f, 0.f, 2.f}, pp[3], tt[3] = {0.f, 1.f, 1.f};
    sigmoid_forward(pp, zz, 3);
    ck_assert_close(bce_logits_forward(zz, tt, 3), bce_forward(pp, tt, 3), 1e-5);
}
END_TEST

/* ---- dropout ---- */
START_TEST(test_dropout) {
    enum { N = 20000 };
    static float x[N], o[N], m[N], g[N], dx[N];   /* static: sıfırla başlar */
    Rng r; rng_seed(&r, 5);
    for (int i = 0; i < N; i++) { x[i] = 1.0f; g[i] = 1.0f; }
    dropout_forward(o, m, x, N, 0.2f, 1, &r);
    int zeros = 0; double mean = 0;
    for (int i = 0; i < N; i++) { zeros += o[i] == 0.0f; mean += o[i]; }
    mean /= N;
    ck_assert_msg(abs(zeros - N / 5) < 300, "sıfır sayısı %d", zeros);
    ck_assert_close(mean, 1.0, 0.03); /* beklenen değer korunur */
    dropout_backward(dx, g, m, N);
    for (int i = 0; i < N; i++) ck_assert_float_eq(dx[i], m[i]);
    dropout_forward(o, m, x, N, 0.2f, 0, &r); /* değerlendirme: kimlik */
    for (int i = 0; i < N; i++) ck_assert_float_eq(o[i], 1.0f);
}
END_TEST

/* Vektörlü maske üretimi, rng_uniform'u eleman başına çağıran kaynak sürümle bit bit aynı:
 * aynı maske, aynı çıkış ve sonrasında aynı üreteç durumu (yerinde çağrı dahil; 16'nın
 * katı olmayan boylar da). */
START_TEST(test_dropout_fast_matches_ref) {
    enum { N = 1000 };
    static float x[N], o1[N], m1[N], o2[N], m2[N];
    Rng r; rng_seed(&r, 9);
    for (int i = 0; i < N; i++) x[i] = rng_normal(&r);
    const size_t sizes[] = {1, 15, 17, 333, N};
    for (int k = 0; k < 5; k++) {
        size_t n = sizes[k];
        Rng a, b; rng_seed(&a, 100 + k); rng_seed(&b, 100 + k);
        dropout_forward_ref(o1, m1, x, n, 0.3f, &a);
        memcpy(o2, x, n * sizeof(float));
        dropout_forward(o2, m2, o2, n, 0.3f, 1, &b);   /* yerinde */
        for (size_t i = 0; i < n; i++) {
            ck_assert_msg(m1[i] == m2[i] && o1[i] == o2[i], "n=%zu, i=%zu farklı", n, i);
        }
        ck_assert_uint_eq(rng_u32(&a), rng_u32(&b));
    }
}
END_TEST

/* ---- yoğun katmanın seyrek girişli yolu (dense.h "SEYREK GİRİŞ") ----
 * Kaynak: iç içe döngü, double toplam. Seyrek yol hem buna hem GEMM yoluna karşı
 * (float yuvarlaması kadar fark), iş parçacığı sayısından bağımsız (bit bit), eşiğin
 * üstünde hiçbir şey yazmadan vazgeçer. Şekiller iki genişlikte de (16 / 8 şerit) tam
 * şerit, tek vektör ve skaler kuyruk sütunlarını dener. */
static void sparse_input(float *x, int n, float density, Rng *r) {
    for (int i = 0; i < n; i++) x[i] = rng_uniform(r) < density ? rng_uniform(r) : 0.0f;
}
START_TEST(test_dense_sparse_matches_dense) {
    /* (64, 200, 100): iş parçacıklarına bölünecek kadar büyük (nnz·OUT > 200 000) */
    static const int shapes[][3] = {{37, 100, 70}, {5, 33, 10}, {64, 200, 100}, {9, 64, 24}};
    Rng r; rng_seed(&r, 21);
    for (int sh = 0; sh < 4; sh++) {
        int B = shapes[sh][0], IN = shapes[sh][1], OUT = shapes[sh][2];
        float *x = xmalloc(sizeof(float) * B * IN), *W = xmalloc(sizeof(float) * IN * OUT);
        float *bias = xmalloc(sizeof(float) * OUT), *dy = xmalloc(sizeof(float) * B * OUT);
        float *y1 = xmalloc(sizeof(float) * B * OUT), *y2 = xmalloc(sizeof(float) * B * OUT);
        float *y3 = xmalloc(sizeof(float) * B * OUT);
        float *g1 = xmalloc(sizeof(float) * IN * OUT), *g2 = xmalloc(sizeof(float) * IN * OUT);
        float *g3 = xmalloc(sizeof(float) * IN * OUT);
        void *work = xmalloc(dense_sparse_work_floats(B, IN) * sizeof(float));
        sparse_input(x, B * IN, 0.12f, &r);
        randn(W, (size_t)IN * OUT, &r, 0.1f);
        randn(bias, OUT, &r, 0.1f);
        randn(dy, (size_t)B * OUT, &r, 1.0f);
        /* ileri: kaynak, GEMM, seyrek (1 ve 2 iş parçacığı) */
        dense_forward(y1, x, W, bias, B, IN, OUT);
        omp_set_num_threads(1);
        ck_assert_int_eq(dense_forward_sparse(y2, x, W, bias, B, IN, OUT, work), 1);
        omp_set_num_threads(2);
        ck_assert_int_eq(dense_forward_sparse(y3, x, W, bias, B, IN, OUT, work), 1);
        for (int b = 0; b < B; b++)
            for (int o = 0; o < OUT; o++) {
                double ref = bias[o];
                for (int i = 0; i < IN; i++) ref += (double)x[b * IN + i] * W[i * OUT + o];
                size_t k = (size_t)b * OUT + o;
                ck_assert_close(y2[k], ref, 1e-5);
                ck_assert_close(y2[k], y1[k], 1e-5);
                ck_assert_msg(y2[k] == y3[k], "iş parçacığı sayısı sonucu değiştirdi (%d,%d)", b, o);
            }
        /* dW: biriktirme kuralı (önceki içeriğe eklenir) */
        for (int i = 0; i < IN * OUT; i++) g1[i] = g2[i] = g3[i] = 0.5f;
        dense_backward(NULL, g1, NULL, dy, x, W, B, IN, OUT);
        omp_set_num_threads(1);
        ck_assert_int_eq(dense_backward_dw_sparse(g2, dy, x, B, IN, OUT, work), 1);
        omp_set_num_threads(2);
        ck_assert_int_eq(dense_backward_dw_sparse(g3, dy, x, B, IN, OUT, work), 1);
        for (int i = 0; i < IN; i++)
            for (int o = 0; o < OUT; o++) {
                double ref = 0.5;
                for (int b = 0; b < B; b++) ref += (double)x[b * IN + i] * dy[b * OUT + o];
                size_t k = (size_t)i * OUT + o;
                ck_assert_close(g2[k], ref, 1e-5);
                ck_assert_close(g2[k], g1[k], 1e-5);
                ck_assert_msg(g2[k] == g3[k], "iş parçacığı sayısı dW'yu değiştirdi (%d,%d)", i, o);
            }
        /* eşiğin üstünde: seyrek yol vazgeçer, çıkışa dokunmaz; _auto GEMM'e döner */
        sparse_input(x, B * IN, 0.9f, &r);
        for (int k = 0; k < B * OUT; k++) y2[k] = 7.0f;
        ck_assert_int_eq(dense_forward_sparse(y2, x, W, bias, B, IN, OUT, work), 0);
        ck_assert_int_eq(dense_backward_dw_sparse(g2, dy, x, B, IN, OUT, work), 0);
        for (int k = 0; k < B * OUT; k++) ck_assert_float_eq(y2[k], 7.0f);
        dense_forward(y1, x, W, bias, B, IN, OUT);
        dense_forward_auto(y2, x, W, bias, B, IN, OUT, work);
        for (int k = 0; k < B * OUT; k++) ck_assert_float_eq(y2[k], y1[k]);
        free(x); free(W); free(bias); free(dy); free(y1); free(y2); free(y3);
        free(g1); free(g2); free(g3); free(work);
    }
    omp_set_num_threads(1);
}
END_TEST

/* ReLU + dropout birleşik (eğitimde net.c tek geçişte yapar) = katman katman ayrı ayrı:
 * aynı çıkış, aynı parametre ve giriş gradyanları (bit bit), aynı üreteç durumu. İki çift:
 * biri ağın ortasında, biri ilk katmanda (gradyan doğrudan dx'e). */
START_TEST(test_relu_dropout_fused_matches_layers) {
    Net net;
    net_init(&net, 1, 2, 5);
    net_relu(&net); net_dropout(&net, 0.25f);
    net_dense(&net, 9); net_relu(&net); net_dropout(&net, 0.4f);
    net_dense(&net, 3);
    net_build(&net, 6, 11);
    enum { B = 6, D = 10 };
    int y[B] = {0, 1, 2, 2, 1, 0};
    float x[B * D], probs[B * 3], dz[B * 3] = {0}, dx1[B * D] = {0}, dx2[B * D] = {0};
    Rng r; rng_seed(&r, 12);
    randn(x, B * D, &r, 1);
    Rng saved = net.rng;
    const float *z = net_forward(&net, x, B, 1);
    float z1[B * 3];
    memcpy(z1, z, sizeof z1);
    softmax_xent_forward(probs, z, y, B, 3);
    softmax_xent_backward(dz, probs, y, B, 3);
    net_zero_grad(&net);
    net_backward(&net, x, dz, B, dx1);
    float *g1 = malloc(net.nparams * sizeof(float));
    memcpy(g1, net.grads, net.nparams * sizeof(float));
    Rng after = net.rng;
    /* katman katman, birleştirmesiz */
    net.rng = saved;
    const float *cur = x;
    for (int i = 0; i < net.n; i++) {
        Layer *l = &net.L[i];
        layer_ops(l->kind)->forward(l, l->act, cur, net.params + l->w_off, net.params + l->b_off, B,
                                    1, &net.rng);
        cur = l->act;
    }
    for (int k = 0; k < B * 3; k++) ck_assert_float_eq(cur[k], z1[k]);
    ck_assert_uint_eq(rng_u32(&net.rng), rng_u32(&after));
    net_zero_grad(&net);
    static float bufs[2][6 * 10];
    const float *dcur = dz;
    for (int i = net.n - 1, t = 0; i >= 0; i--, t ^= 1) {
        Layer *l = &net.L[i];
        float *dinp = i ? bufs[t] : dx2;
        if (i) memset(dinp, 0, sizeof bufs[t]);
        layer_ops(l->kind)->backward(l, dinp, net.grads + l->w_off, net.grads + l->b_off, dcur,
                                     i ? net.L[i - 1].act : x, net.params + l->w_off, B);
        dcur = dinp;
    }
    for (size_t k = 0; k < net.nparams; k++) ck_assert_float_eq(net.grads[k], g1[k]);
    for (int k = 0; k < B * D; k++) ck_assert_float_eq(dx1[k], dx2[k]);
    free(g1);
    net_free(&net);
}
END_TEST

/* ---- bütün ağ: yumuşak aktivasyonlar + dropout (sabit maske), giriş ve parametre gradyanı ---- */
typedef struct { Net *net; float *x; int *y; int B; Rng saved; } NetCtx;
static double net_loss(void *q) {
    NetCtx *c = q;
    c->net->rng = c->saved; /* aynı dropout maskesi */
    const float *z = net_forward(c->net, c->x, c->B, 1);
    return softmax_xent_forward(NULL, z, c->y, c->B, (int)net_out_size(c->net));
}
START_TEST(test_net_backward_fd) {
    Net net;
    net_init(&net, 1, 3, 4);
    net_dense(&net, 7); net_tanh(&net); net_dropout(&net, 0.3f);
    net_dense(&net, 5); net_sigmoid(&net);
    net_dense(&net, 3);
    net_build(&net, 4, 3);
    int B = 4, y[4] = {0, 2, 1, 2};
    float x[4 * 12], probs[12], dz[12] = {0}, dx[4 * 12] = {0};
    Rng r; rng_seed(&r, 8);
    randn(x, 4 * 12, &r, 1);
    NetCtx c = {&net, x, y, B, net.rng};
    const float *z = net_forward(&net, x, B, 1);
    softmax_xent_forward(probs, z, y, B, 3);
    softmax_xent_backward(dz, probs, y, B, 3);
    net_zero_grad(&net);
    net_backward(&net, x, dz, B, dx);
    float *g = malloc(net.nparams * sizeof(float));
    memcpy(g, net.grads, net.nparams * sizeof(float));
    GC_OK(gradcheck(net_loss, &c, net.params, g, net.nparams, 1000, 1e-2, 2e-2, 1e-5));
    GC_OK(gradcheck(net_loss, &c, x, dx, 4 * 12, 1000, 1e-2, 2e-2, 1e-5));
    /* dondurulmuş katmanın gradyanı birikmez */
    net.L[0].frozen = 1;
    net_zero_grad(&net);
    net_forward(&net, x, B, 1);
    net_backward(&net, x, dz, B, NULL);
    for (size_t i = net.L[0].w_off; i < net.L[0].w_off + net.L[0].nparams; i++)
        ck_assert_float_eq(net.grads[i], 0.0f);
    free(g);
    net_free(&net);
}
END_TEST

/* LeakyReLU (tablodan eklenen tür): giriş ve parametre gradyanı sonlu farklarla, kaydet/yükle */
START_TEST(test_net_leaky_relu) {
    Net net;
    net_init(&net, 1, 2, 3);
    net_dense(&net, 6); net_leaky_relu(&net, 0.2f);
    net_dense(&net, 3);
    net_build(&net, 4, 11);
    int B = 4, y[4] = {2, 0, 1, 2};
    float x[4 * 6], probs[12], dz[12] = {0}, dx[4 * 6] = {0};
    Rng r; rng_seed(&r, 12);
    randn(x, 4 * 6, &r, 1);
    NetCtx c = {&net, x, y, B, net.rng};
    const float *z = net_forward(&net, x, B, 1);
    /* ileri geçiş: negatif girişler α ile ölçeklenir */
    const Layer *l0 = &net.L[0], *l1 = &net.L[1];
    int negs = 0;
    for (int i = 0; i < B * 6; i++) {
        float v = l0->act[i];
        ck_assert_float_eq(l1->act[i], v > 0 ? v : 0.2f * v);
        negs += v < 0;
    }
    ck_assert_int_gt(negs, 0);   /* negatif kol gerçekten sınanıyor */
    softmax_xent_forward(probs, z, y, B, 3);
    softmax_xent_backward(dz, probs, y, B, 3);
    net_zero_grad(&net);
    net_backward(&net, x, dz, B, dx);
    float *g = malloc(net.nparams * sizeof(float));
    memcpy(g, net.grads, net.nparams * sizeof(float));
    GC_OK(gradcheck(net_loss, &c, net.params, g, net.nparams, 1000, 1e-3, 2e-2, 1e-5));
    GC_OK(gradcheck(net_loss, &c, x, dx, 4 * 6, 1000, 1e-3, 2e-2, 1e-5));
    char d[128];
    net_describe(&net, d, sizeof d);
    ck_assert_str_eq(d, "dense(6) leaky_relu(0.20) dense(3)");
    /* kaydet / yükle: tür ve eğim dosyadan geri gelir */
    char err[256];
    mkdir("tests/out", 0755);
    ck_assert_msg(net_save(&net, "tests/out/leaky_relu.model", err, sizeof err) == 0, "%s", err);
    Net back;
    ck_assert_msg(net_load(&back, "tests/out/leaky_relu.model", 4, err, sizeof err) == 0, "%s", err);
    ck_assert_msg(net_same_arch(&net, &back, err, sizeof err), "%s", err);
    ck_assert_int_eq(memcmp(net.params, back.params, net.nparams * sizeof(float)), 0);
    net_free(&back);
    /* geçersiz eğim reddedilir (kod ya da dosya: aynı denetim) */
    ck_assert_int_eq(net_add(&net, LAYER_LEAKY_RELU, 0, 0, 0, 0, 1.5f, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "leaky_relu") != NULL, "%s", err);
    free(g);
    net_free(&net);
}
END_TEST

/* ---- katman tablosu ve mimari karşılaştırma ---- */
START_TEST(test_layer_table_complete) {
    /* Her LayerKind'ın bir satırı ve zorunlu işlevleri var; bilinmeyen tür NULL */
    for (int k = 1; k < LAYER_KIND_END; k++) {
        const LayerOps *o = layer_ops(k);
        ck_assert_msg(o && o->name && o->shape && o->forward && o->backward, "tür %d eksik", k);
    }
    ck_assert_ptr_null(layer_ops(0));
    ck_assert_ptr_null(layer_ops(LAYER_KIND_END));
    ck_assert_ptr_null(layer_ops(-3));
    char err[256] = "";
    Net n;
    net_init(&n, 1, 4, 4);
    ck_assert_int_eq(net_add(&n, 99, 0, 0, 0, 0, 0.0f, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "bilinmeyen katman türü 99") != NULL, "%s", err);
}
END_TEST

static void small_cnn(Net *n, int stride, int pad) {
    net_init(n, 1, 12, 12);
    net_conv2d(n, 4, 3, stride, pad);
    net_relu(n);
    net_flatten(n);
    net_dense(n, 3);
}
START_TEST(test_same_arch_sees_stride_and_padding) {
    /* Adımı ya da dolgusu farklı evrişim başka bir modeldir (kısa tanımları aynı olsa bile) */
    Net a, b, c, d;
    small_cnn(&a, 1, 0);
    small_cnn(&b, 1, 0);
    small_cnn(&c, 1, 1);
    small_cnn(&d, 2, 0);
    char err[512], da[256], dc[256];
    ck_assert(net_same_arch(&a, &b, err, sizeof err));
    ck_assert(!net_same_arch(&a, &c, err, sizeof err));
    ck_assert_msg(strstr(err, "dolgu 1") != NULL, "%s", err);
    ck_assert(!net_same_arch(&a, &d, err, sizeof err));
    ck_assert_msg(strstr(err, "adım 2") != NULL, "%s", err);
    /* Varsayılan adım/dolguda kısa tanım eskisi gibi (derslerin bastığı metin değişmez) */
    net_describe(&a, da, sizeof da);
    ck_assert_str_eq(da, "conv3x3(4) relu flatten dense(3)");
    net_describe(&c, dc, sizeof dc);
    ck_assert_str_eq(dc, "conv3x3(4, adım 1, dolgu 1) relu flatten dense(3)");
    /* Dropout oranı da mimarinin parçası */
    Net e, f;
    net_init(&e, 1, 4, 4); net_dense(&e, 3); net_dropout(&e, 0.2f);
    net_init(&f, 1, 4, 4); net_dense(&f, 3); net_dropout(&f, 0.5f);
    ck_assert(!net_same_arch(&e, &f, err, sizeof err));
}
END_TEST

/* ---- eniyileyiciler ---- */
START_TEST(test_optimizers_by_hand) {
    float p[2] = {1.0f, -2.0f}, g[2] = {0.5f, -1.0f};
    sgd_step(p, g, 2, 0.1f);
    ck_assert_close(p[0], 0.95, 1e-6);
    ck_assert_close(p[1], -1.9, 1e-6);
    Momentum m; momentum_init(&m, 2, 0.1f, 0.9f);
    float q[2] = {0, 0};
    momentum_step(&m, q, g);   /* v = g */
    momentum_step(&m, q, g);   /* v = 0.9 g + g = 1.9 g */
    ck_assert_close(q[0], -0.1 * (0.5 + 1.9 * 0.5), 1e-6);
    momentum_free(&m);
    /* Adam'ın ilk adımı: m̂ = g, v̂ = g², adım = lr · g/|g| = lr · işaret(g) */
    Adam a; adam_init(&a, 2, 0.01f);
    float w[2] = {0, 0};
    adam_step(&a, w, g);
    ck_assert_close(w[0], -0.01, 1e-5);
    ck_assert_close(w[1], 0.01, 1e-5);
    /* ikinci adım elle */
    float g2[2] = {0.1f, 0.1f};
    adam_step(&a, w, g2);
    double m1 = 0.9 * 0.1 * 0.5 + 0.1 * 0.1, v1 = 0.999 * 0.001 * 0.25 + 0.001 * 0.01;
    double mh = m1 / (1 - 0.81), vh = v1 / (1 - 0.999 * 0.999);
    ck_assert_close(w[0], -0.01 - 0.01 * mh / (sqrt(vh) + 1e-8), 1e-5);
    adam_free(&a);
}
END_TEST

/* ---- rng ---- */
START_TEST(test_rng) {
    Rng a, b; rng_seed(&a, 123); rng_seed(&b, 123);
    for (int i = 0; i < 100; i++) ck_assert_uint_eq(rng_u32(&a), rng_u32(&b));
    double s = 0, s2 = 0; int N = 100000;
    for (int i = 0; i < N; i++) { double z = rng_normal(&a); s += z; s2 += z * z; }
    ck_assert_close(s / N, 0.0, 0.02);
    ck_assert_close(s2 / N, 1.0, 0.02);
    int cnt[10] = {0};
    for (int i = 0; i < N; i++) { float u = rng_uniform(&a); ck_assert(u >= 0 && u < 1); cnt[rng_int(&a, 10)]++; }
    for (int k = 0; k < 10; k++) ck_assert_msg(abs(cnt[k] - N / 10) < 600, "kova %d: %d", k, cnt[k]);
    int perm[50], seen[50] = {0};
    for (int i = 0; i < 50; i++) perm[i] = i;
    rng_shuffle(&a, perm, 50);
    for (int i = 0; i < 50; i++) seen[perm[i]]++;
    for (int i = 0; i < 50; i++) ck_assert_int_eq(seen[i], 1);
}
END_TEST

/* ---- ölçütler ---- */
START_TEST(test_metrics) {
    /* 3 sınıf: elle hesaplanmış bir karmaşıklık matrisi */
    int cm[9] = {5, 1, 0,
                 2, 3, 1,
                 0, 0, 4};
    ClassMetrics per[3]; MetricsSummary s;
    metrics_from_confusion(cm, 3, per, &s);
    ck_assert_close(s.accuracy, 12.0 / 16.0, 1e-12);
    ck_assert_close(per[0].precision, 5.0 / 7.0, 1e-12);
    ck_assert_close(per[0].recall, 5.0 / 6.0, 1e-12);
    ck_assert_close(per[1].precision, 3.0 / 4.0, 1e-12);
    ck_assert_close(per[1].recall, 3.0 / 6.0, 1e-12);
    ck_assert_close(per[2].precision, 4.0 / 5.0, 1e-12);
    ck_assert_close(per[2].recall, 1.0, 1e-12);
    double f0 = 2 * (5.0 / 7) * (5.0 / 6) / (5.0 / 7 + 5.0 / 6);
    ck_assert_close(per[0].f1, f0, 1e-12);
    ck_assert_close(s.macro_recall, (5.0 / 6 + 0.5 + 1.0) / 3, 1e-12);
    ck_assert_int_eq(per[1].support, 6);
    int yt[3] = {0, 1, 2}, yp[3] = {1, 1, 2}, cm2[9] = {0};
    confusion_add(cm2, 3, yt, yp, 3);
    ck_assert_int_eq(cm2[1], 1);
    ck_assert_int_eq(cm2[4], 1);
    float v[4] = {0.1f, 0.7f, 0.7f, 0.2f};
    ck_assert_int_eq(argmax(v, 4), 1);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("nn");
    TCase *tc = tcase_create("katmanlar");
    tcase_add_test(tc, test_dense_grad);
    tcase_add_test(tc, test_gradcheck_can_fail);
    tcase_add_test(tc, test_activation_grads);
    tcase_add_test(tc, test_sigmoid_extremes);
    tcase_add_test(tc, test_softmax_and_xent_grads);
    tcase_add_test(tc, test_softmax_stable_and_sums_to_one);
    tcase_add_test(tc, test_bce_mse_grads);
    tcase_add_test(tc, test_dropout);
    tcase_add_test(tc, test_dropout_fast_matches_ref);
    tcase_add_test(tc, test_dense_sparse_matches_dense);
    tcase_add_test(tc, test_relu_dropout_fused_matches_layers);
    tcase_add_test(tc, test_net_backward_fd);
    tcase_add_test(tc, test_layer_table_complete);
    tcase_add_test(tc, test_net_leaky_relu);
    tcase_add_test(tc, test_same_arch_sees_stride_and_padding);
    tcase_add_test(tc, test_optimizers_by_hand);
    tcase_add_test(tc, test_rng);
    tcase_add_test(tc, test_metrics);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
