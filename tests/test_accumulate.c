/* test_accumulate.c — biriktirme kuralı (bkz. common/README.md): her geri geçiş kendisine
 * verilen gradyanlara EKLER. Sınama: gradyanlar sıfırdan başlar, geri geçiş bir kez
 * çağrılır (g1), sıfırlamadan bir kez daha çağrılır; sonuç tam 2·g1 olmalı. Üzerine
 * yazan bir geri geçiş g1'de kalır ve yakalanır; her gradyanın sıfırdan farklı olduğu da
 * denetlenir (hiçbir şey yazmayan bir geri geçiş de geçemesin). Sonlu fark testleri
 * (test_nn, test_conv, test_attention, test_embed) formülü sınar; bu dosya sözleşmeyi. */
#include "doaa.h"
#include "nn/attention.h"
#include "nn/embed.h"
#include "testutil.h"

typedef struct {
    const char *name;
    float *g;
    size_t n;
} Slot;

static void fill(float *x, size_t n, Rng *r) {
    for (size_t i = 0; i < n; i++) x[i] = rng_normal(r);
}

/* 0: kurala uyuyor; 1: bir gradyan sıfır kaldı; 2: ikinci çağrı iki katı vermedi.
 * bad: uymayan gradyanın adı. */
static int doubles(Slot *s, int ns, void (*call)(void *), void *ctx, const char **bad) {
    float *snap[16];
    for (int i = 0; i < ns; i++) {
        memset(s[i].g, 0, s[i].n * sizeof(float));
        snap[i] = malloc(s[i].n * sizeof(float));
    }
    call(ctx);
    int rc = 0;
    for (int i = 0; i < ns && !rc; i++) {
        double mag = 0;
        for (size_t j = 0; j < s[i].n; j++) mag += fabs(s[i].g[j]);
        memcpy(snap[i], s[i].g, s[i].n * sizeof(float));
        if (!(mag > 0)) rc = 1, *bad = s[i].name;
    }
    if (!rc) call(ctx);
    for (int i = 0; i < ns && !rc; i++)
        for (size_t j = 0; j < s[i].n; j++) {
            double want = 2.0 * snap[i][j];
            if (fabs(s[i].g[j] - want) > 1e-6 * (1.0 + fabs(want))) {
                rc = 2, *bad = s[i].name;
                break;
            }
        }
    for (int i = 0; i < ns; i++) free(snap[i]);
    return rc;
}

#define EXPECT_DOUBLES(kernel, slots, call, ctx)                                              \
    do {                                                                                      \
        const char *_bad = "";                                                                \
        int _rc = doubles(slots, (int)(sizeof slots / sizeof slots[0]), call, ctx, &_bad);    \
        ck_assert_msg(_rc == 0, "%s: %s %s", kernel, _bad,                                    \
                      _rc == 1 ? "gradyanı sıfır kaldı" : "iki çağrıda iki katına çıkmadı");  \
    } while (0)

/* ---- sınayıcının kendisi: üzerine yazan bir geri geçişi yakalamalı ---- */
static void overwrite_kernel(void *p) {
    float *g = p;
    for (int i = 0; i < 4; i++) g[i] = (float)(i + 1);   /* "=": kuralı çiğner */
}
static void noop_kernel(void *p) { (void)p; }

START_TEST(test_checker_can_fail) {
    float g[4];
    Slot s[] = {{"g", g, 4}};
    const char *bad = "";
    ck_assert_int_eq(doubles(s, 1, overwrite_kernel, g, &bad), 2);
    ck_assert_int_eq(doubles(s, 1, noop_kernel, g, &bad), 1);
}
END_TEST

/* ---- yoğun katman ---- */
enum { DB = 3, DIN = 5, DOUT = 4 };
static struct {
    float x[DB * DIN], W[DIN * DOUT], dout[DB * DOUT], dx[DB * DIN], dW[DIN * DOUT], db[DOUT];
} D;
static void dense_call(void *p) {
    (void)p;
    dense_backward(D.dx, D.dW, D.db, D.dout, D.x, D.W, DB, DIN, DOUT);
}
START_TEST(test_dense) {
    Rng r;
    rng_seed(&r, 1);
    fill(D.x, sizeof D.x / 4, &r); fill(D.W, sizeof D.W / 4, &r); fill(D.dout, sizeof D.dout / 4, &r);
    Slot s[] = {{"dinp", D.dx, DB * DIN}, {"dW", D.dW, DIN * DOUT}, {"dbias", D.db, DOUT}};
    EXPECT_DOUBLES("dense_backward", s, dense_call, NULL);
}
END_TEST

/* ---- aktivasyonlar, softmax, dropout, kayıplar (elemanter) ---- */
enum { N = 13, SB = 2, SK = 5 };
static struct {
    float x[N], out[N], dout[N], dx[N], mask[N], y[N];
    int kind, lab[SB];
} A;
static void act_call(void *p) {
    (void)p;
    switch (A.kind) {
    case 0: relu_backward(A.dx, A.dout, A.out, N); break;
    case 1: sigmoid_backward(A.dx, A.dout, A.out, N); break;
    case 2: tanh_backward(A.dx, A.dout, A.out, N); break;
    case 3: softmax_backward(A.dx, A.dout, A.out, SB, SK); break;
    case 4: dropout_backward(A.dx, A.dout, A.mask, N); break;
    case 5: softmax_xent_backward(A.dx, A.out, A.lab, SB, SK); break;
    case 6: bce_backward(A.dx, A.out, A.y, N); break;
    case 7: bce_logits_backward(A.dx, A.x, A.y, N); break;
    case 8: mse_backward(A.dx, A.x, A.y, N); break;
    case 9: softmax_temp_backward(A.dx, A.dout, A.out, SB, SK, 0.7f); break;
    }
}
START_TEST(test_elementwise_and_losses) {
    static const char *names[] = {"relu_backward", "sigmoid_backward", "tanh_backward",
                                  "softmax_backward", "dropout_backward", "softmax_xent_backward",
                                  "bce_backward", "bce_logits_backward", "mse_backward",
                                  "softmax_temp_backward"};
    Rng r;
    rng_seed(&r, 2);
    for (int kind = 0; kind < 10; kind++) {
        A.kind = kind;
        fill(A.x, N, &r);
        fill(A.dout, N, &r);
        for (int i = 0; i < N; i++) A.y[i] = (float)(i % 2);
        A.lab[0] = 1; A.lab[1] = 4;
        if (kind == 0) relu_forward(A.out, A.x, N);
        else if (kind == 1 || kind == 6) sigmoid_forward(A.out, A.x, N);
        else if (kind == 2) tanh_forward(A.out, A.x, N);
        else if (kind == 3 || kind == 5) softmax_forward(A.out, A.x, SB, SK);
        else if (kind == 9) softmax_temp_forward(A.out, A.x, SB, SK, 0.7f);
        else if (kind == 4) dropout_forward(A.out, A.mask, A.x, N, 0.3f, 1, &r);
        size_t n = kind == 3 || kind == 5 || kind == 9 ? SB * SK : N;
        Slot s[] = {{"dinp", A.dx, n}};
        EXPECT_DOUBLES(names[kind], s, act_call, NULL);
    }
}
END_TEST

/* ---- gömme ve katman normalizasyonu ---- */
enum { EB = 2, ET = 3, EV = 4, EC = 5 };
static struct {
    float tab[EV * EC], dtab[EV * EC], x[EB * ET * EC], y[EB * ET * EC], dout[EB * ET * EC];
    float dx[EB * ET * EC], gamma[EC], beta[EC], dgamma[EC], dbeta[EC], mean[EB * ET], rstd[EB * ET];
    int ids[EB * ET];
} E;
static void emb_call(void *p) { (void)p; embedding_backward(E.dtab, E.dout, E.ids, EB, ET, EV, EC); }
static void ln_call(void *p) {
    (void)p;
    layernorm_backward(E.dx, E.dgamma, E.dbeta, E.dout, E.x, E.gamma, E.mean, E.rstd, EB, ET, EC);
}
START_TEST(test_embed_layernorm) {
    Rng r;
    rng_seed(&r, 3);
    fill(E.x, EB * ET * EC, &r); fill(E.dout, EB * ET * EC, &r); fill(E.gamma, EC, &r);
    fill(E.beta, EC, &r);
    for (int i = 0; i < EB * ET; i++) E.ids[i] = i % EV;
    Slot s1[] = {{"dtable", E.dtab, EV * EC}};
    EXPECT_DOUBLES("embedding_backward", s1, emb_call, NULL);
    layernorm_forward(E.y, E.mean, E.rstd, E.x, E.gamma, E.beta, EB, ET, EC);
    Slot s2[] = {{"dinp", E.dx, EB * ET * EC}, {"dgamma", E.dgamma, EC}, {"dbeta", E.dbeta, EC}};
    EXPECT_DOUBLES("layernorm_backward", s2, ln_call, NULL);
}
END_TEST

/* ---- ölçekli nokta çarpım dikkati ve çok başlı dikkat ---- */
enum { AB = 2, TQ = 3, TK = 4, HS = 3, C = 6, CKV = 5, NH = 2 };
static struct {
    float q[AB * TQ * HS], k[AB * TK * HS], v[AB * TK * HS], out[AB * TQ * HS], att[AB * TQ * TK];
    float dout[AB * TQ * C], dq[AB * TQ * HS], dk[AB * TK * HS], dv[AB * TK * HS], work[TQ * TK];
    float xq[AB * TQ * C], xkv[AB * TK * CKV], y[AB * TQ * C], dxq[AB * TQ * C], dxkv[AB * TK * CKV];
    float *par, *grad;
    MhaParams P, G;
    MhaActs acts;
} S;
static void sdpa_call(void *p) {
    (void)p;
    sdpa_backward(S.dq, S.dk, S.dv, S.dout, S.att, S.q, S.k, S.v, AB, TQ, TK, HS, HS, 1, S.work);
}
static void mha_call(void *p) {
    (void)p;
    mha_backward(S.dxq, S.dxkv, &S.G, S.dout, &S.acts, &S.P, S.xq, S.xkv);
}
START_TEST(test_sdpa_mha) {
    Rng r;
    rng_seed(&r, 4);
    fill(S.q, sizeof S.q / 4, &r); fill(S.k, sizeof S.k / 4, &r); fill(S.v, sizeof S.v / 4, &r);
    fill(S.dout, sizeof S.dout / 4, &r);
    ck_assert_uint_ge(sizeof S.work / 4, sdpa_work_size(TQ, TK));
    sdpa_forward(S.out, S.att, S.q, S.k, S.v, AB, TQ, TK, HS, HS, NULL, NULL, 1);
    Slot s1[] = {{"dq", S.dq, sizeof S.dq / 4}, {"dk", S.dk, sizeof S.dk / 4}, {"dv", S.dv, sizeof S.dv / 4}};
    EXPECT_DOUBLES("sdpa_backward", s1, sdpa_call, NULL);

    size_t np = mha_param_count(C, CKV);
    S.par = malloc(np * 4);
    S.grad = malloc(np * 4);
    mha_params_point(&S.P, S.par, C, CKV);
    mha_params_point(&S.G, S.grad, C, CKV);
    mha_params_init(&S.P, C, CKV, &r);
    for (int i = 0; i < C; i++) S.P.bq[i] = S.P.bv[i] = 0.1f * (float)i;
    fill(S.xq, sizeof S.xq / 4, &r); fill(S.xkv, sizeof S.xkv / 4, &r);
    mha_acts_alloc(&S.acts, C, CKV, NH, AB, TQ, TK);
    mha_forward(S.y, &S.acts, &S.P, S.xq, S.xkv, AB, TQ, TK, NULL, NULL);
    /* b_K'nın gradyanı kuramsal olarak sıfırdır (softmax kaydırmaya duyarsız): o dilim hariç */
    size_t obk = (size_t)(S.G.bk - S.grad);
    Slot s2[] = {{"parametreler (W_Q..b_Q)", S.grad, obk},
                 {"parametreler (W_V..b_O)", S.G.wv, np - obk - C},
                 {"dxq", S.dxq, sizeof S.dxq / 4},
                 {"dxkv", S.dxkv, sizeof S.dxkv / 4}};
    EXPECT_DOUBLES("mha_backward", s2, mha_call, NULL);
    mha_acts_free(&S.acts);
    free(S.par);
    free(S.grad);
}
END_TEST

/* ---- evrişim (her yol) ve havuzlama ---- */
typedef struct {
    int B, Cc, H, W, OC, k, s, p, pk, path;   /* path: 0 referans, 1 hızlı, 2 birleşik */
    float *x, *Wt, *bias, *out, *dout, *dx, *dW, *db, *work, *pooled, *y;
    int *arg;
} ConvCase;
static void conv_call(void *p) {
    ConvCase *c = p;
    if (c->path == 0)
        conv2d_backward_ref(c->dx, c->dW, c->db, c->dout, c->x, c->Wt, c->B, c->Cc, c->H, c->W,
                            c->OC, c->k, c->s, c->p);
    else if (c->path == 1)
        conv2d_backward(c->dx, c->dW, c->db, c->dout, c->x, c->Wt, c->B, c->Cc, c->H, c->W, c->OC,
                        c->k, c->s, c->p, c->work);
    else
        conv2d_relu_pool_backward(c->dx, c->dW, c->db, c->y, c->dout, c->arg, c->pooled, c->x,
                                  c->Wt, c->B, c->Cc, c->H, c->W, c->OC, c->k, c->s, c->p, c->pk,
                                  c->work);
}
START_TEST(test_conv_paths) {
    /* im2col (C=2, adım 1, dolgu 1), im2col (adım 2) ve Winograd (3x3, adım 1, C >= 8) */
    const int shp[3][8] = {{2, 2, 6, 6, 3, 3, 1, 1}, {2, 3, 7, 6, 4, 3, 2, 1}, {2, 9, 6, 6, 5, 3, 1, 1}};
    static const char *names[3] = {"conv2d_backward_ref", "conv2d_backward",
                                   "conv2d_relu_pool_backward"};
    for (int si = 0; si < 3; si++)
        for (int path = 0; path < 3; path++) {
            ConvCase c = {.B = shp[si][0], .Cc = shp[si][1], .H = shp[si][2], .W = shp[si][3],
                          .OC = shp[si][4], .k = shp[si][5], .s = shp[si][6], .p = shp[si][7],
                          .pk = 2, .path = path};
            int OH = conv_out_dim(c.H, c.k, c.s, c.p), OW = conv_out_dim(c.W, c.k, c.s, c.p);
            size_t ni = (size_t)c.B * c.Cc * c.H * c.W, nw = (size_t)c.OC * c.Cc * c.k * c.k;
            size_t no = (size_t)c.B * c.OC * OH * OW, npl = (size_t)c.B * c.OC * (OH / 2) * (OW / 2);
            Rng r;
            rng_seed(&r, 10 + si);
            c.x = malloc(ni * 4); c.Wt = malloc(nw * 4); c.bias = malloc(c.OC * 4);
            c.dout = malloc(no * 4); c.dx = malloc(ni * 4); c.dW = malloc(nw * 4);
            c.db = malloc(c.OC * 4); c.pooled = malloc(npl * 4); c.arg = malloc(npl * sizeof(int));
            c.y = malloc(no * 4);
            c.work = malloc(conv2d_work_size(c.B, c.Cc, c.H, c.W, c.OC, c.k, c.s, c.p) * 4);
            fill(c.x, ni, &r); fill(c.Wt, nw, &r); fill(c.bias, c.OC, &r); fill(c.dout, no, &r);
            if (path == 2)
                conv2d_relu_pool_forward(c.pooled, c.arg, c.y, c.x, c.Wt, c.bias, c.B, c.Cc, c.H, c.W,
                                         c.OC, c.k, c.s, c.p, c.pk, c.work);
            Slot s[] = {{"dinp", c.dx, ni}, {"dW", c.dW, nw}, {"dbias", c.db, (size_t)c.OC}};
            EXPECT_DOUBLES(names[path], s, conv_call, &c);
            free(c.x); free(c.Wt); free(c.bias); free(c.dout); free(c.dx); free(c.dW); free(c.db);
            free(c.pooled); free(c.arg); free(c.work); free(c.y);
        }
}
END_TEST

enum { PB = 2, PC = 3, PH = 6, PW = 4, PK = 2, PN = PB * PC * (PH / PK) * (PW / PK) };
static struct {
    float x[PB * PC * PH * PW], out[PN], dout[PN], dx[PB * PC * PH * PW];
    int arg[PN], relu;
} Pl;
static void pool_call(void *p) {
    (void)p;
    if (Pl.relu) maxpool2d_relu_backward(Pl.dx, Pl.dout, Pl.arg, Pl.out, PB, PC, PH, PW, PK);
    else maxpool2d_backward(Pl.dx, Pl.dout, Pl.arg, PB, PC, PH, PW, PK);
}
START_TEST(test_pool) {
    Rng r;
    rng_seed(&r, 5);
    fill(Pl.x, sizeof Pl.x / 4, &r);
    fill(Pl.dout, PN, &r);
    for (Pl.relu = 0; Pl.relu < 2; Pl.relu++) {
        if (Pl.relu) maxpool2d_relu_forward(Pl.out, Pl.arg, Pl.x, PB, PC, PH, PW, PK);
        else maxpool2d_forward(Pl.out, Pl.arg, Pl.x, PB, PC, PH, PW, PK);
        Slot s[] = {{"dinp", Pl.dx, sizeof Pl.dx / 4}};
        EXPECT_DOUBLES(Pl.relu ? "maxpool2d_relu_backward" : "maxpool2d_backward", s, pool_call, NULL);
    }
}
END_TEST

/* ---- bütün ağ: parametre gradyanları ve giriş gradyanı dx ---- */
static struct {
    Net net;
    float x[3 * 64], dz[3 * 4], dx[3 * 64];
} Nt;
static void net_call(void *p) {
    (void)p;
    net_backward(&Nt.net, Nt.x, Nt.dz, 3, Nt.dx);
}
START_TEST(test_net) {
    net_init(&Nt.net, 1, 8, 8);
    net_conv2d(&Nt.net, 4, 3, 1, 1); net_relu(&Nt.net); net_maxpool2d(&Nt.net, 2);
    net_flatten(&Nt.net); net_dense(&Nt.net, 6); net_leaky_relu(&Nt.net, 0.1f);
    net_dense(&Nt.net, 6); net_tanh(&Nt.net); net_dropout(&Nt.net, 0.2f);
    net_dense(&Nt.net, 4); net_sigmoid(&Nt.net);
    net_build(&Nt.net, 3, 7);
    Rng r;
    rng_seed(&r, 6);
    fill(Nt.x, sizeof Nt.x / 4, &r);
    fill(Nt.dz, sizeof Nt.dz / 4, &r);
    for (int train = 0; train < 2; train++) {   /* katman katman ve birleşik yollar */
        net_forward(&Nt.net, Nt.x, 3, train);
        Slot s[] = {{"net.grads", Nt.net.grads, Nt.net.nparams}, {"dx", Nt.dx, sizeof Nt.dx / 4}};
        EXPECT_DOUBLES(train ? "net_backward (eğitim kipi)" : "net_backward", s, net_call, NULL);
    }
    net_free(&Nt.net);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("accumulate");
    TCase *tc = tcase_create("biriktirme");
    tcase_add_test(tc, test_checker_can_fail);
    tcase_add_test(tc, test_dense);
    tcase_add_test(tc, test_elementwise_and_losses);
    tcase_add_test(tc, test_embed_layernorm);
    tcase_add_test(tc, test_sdpa_mha);
    tcase_add_test(tc, test_conv_paths);
    tcase_add_test(tc, test_pool);
    tcase_add_test(tc, test_net);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
