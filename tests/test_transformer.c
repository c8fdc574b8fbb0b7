/* test_transformer.c — Transformer katmanı (model/transformer): her gradyan (parametreler,
 * giriş, kodlayıcı çıktısı) sonlu farklarla; artık bağlantı/LayerNorm kapalı deney
 * biçimleri; biriktirme kuralı (iki geri geçiş = iki kat gradyan); GELU'lu ileri besleme
 * (ders 16) için aynı denetimler. */
#include "doaa.h"
#include "model/transformer.h"
#include "testutil.h"

enum { B = 2, T = 5, TK = 4, C = 8, NH = 2, FF = 12 };

typedef struct {
    TfLayerCfg cfg;
    Params P;
    TfLayerW W, G;
    TfLayerActs a;
    float x[B * T * C], enc[B * TK * C], R[B * T * C], y[B * T * C];
    float dx[B * T * C], denc[B * TK * C];
    unsigned char causal[T * T], epad[B * TK];
} Ctx;

static double loss_fn(void *p) {
    Ctx *c = p;
    tf_layer_forward(c->y, &c->a, &c->W, c->x, c->cfg.cross ? c->enc : NULL, B, T, TK, c->causal, NULL,
                     c->cfg.cross ? c->epad : NULL);
    double s = 0;
    for (int i = 0; i < B * T * C; i++) s += (double)c->y[i] * c->R[i];
    return s;
}

static int g_act = TF_ACT_RELU; /* sonraki setup_ctx'in ileri besleme aktivasyonu */

static void setup_ctx(Ctx *c, int cross, int residual, int norm, uint64_t seed) {
    memset(c, 0, sizeof *c);
    c->cfg = (TfLayerCfg){.C = C, .NH = NH, .FF = FF, .cross = cross, .residual = residual, .norm = norm,
                          .act = g_act};
    params_init(&c->P);
    tf_layer_params(&c->P, "k0", &c->cfg, &c->W, &c->G);
    params_alloc(&c->P);
    Rng r;
    rng_seed(&r, seed);
    tf_layer_init(&c->W, &c->cfg, &r);
    /* LN parametrelerini 1/0'dan uzaklaştır: γ, β'nın gradyanı da sınansın */
    for (size_t i = 0; i < c->P.n; i++) c->P.params[i] += 0.1f * (rng_uniform(&r) - 0.5f);
    for (int i = 0; i < B * T * C; i++) c->x[i] = rng_uniform(&r) * 2 - 1, c->R[i] = rng_uniform(&r) - 0.5f;
    for (int i = 0; i < B * TK * C; i++) c->enc[i] = rng_uniform(&r) * 2 - 1;
    causal_mask(c->causal, T);
    int lens[B] = {TK, TK - 1};
    padding_mask(c->epad, lens, B, TK);
    tf_acts_alloc(&c->a, &c->cfg, B, T, TK);
}

static void backward(Ctx *c) {
    loss_fn(c);
    tf_layer_backward(c->dx, c->cfg.cross ? c->denc : NULL, &c->G, c->R, &c->a, &c->W);
}

static void check_case(int cross, int residual, int norm) {
    Ctx *c = malloc(sizeof *c);
    setup_ctx(c, cross, residual, norm, 7 + cross * 2 + residual * 3 + norm * 5);
    params_zero_grad(&c->P);
    backward(c);
    /* float ileri geçiş: ε = 1e-2 ile merkezi fark, göreli 2e-2 (ReLU kırılmaları için
     * elemanların %98'i ve toplu göreli hata) */
    GradCheck g = gradcheck(loss_fn, c, c->P.params, c->P.grads, c->P.n, 400, 1e-3, 2e-2, 1e-3);
    ck_assert_uint_gt(g.checked, 100);
    ck_assert_msg(g.passed >= g.checked * 98 / 100 && g.rel_norm < 1e-2,
                  "parametreler (cross=%d res=%d norm=%d): %zu/%zu geçti, rel_norm %g, en kötü %zu: %g vs %g",
                  cross, residual, norm, g.passed, g.checked, g.rel_norm, g.worst_index, g.numeric, g.analytic);
    g = gradcheck(loss_fn, c, c->x, c->dx, B * T * C, 1000, 1e-3, 2e-2, 1e-3);
    ck_assert_uint_eq(g.checked, B * T * C);
    ck_assert_msg(g.passed >= g.checked * 98 / 100 && g.rel_norm < 1e-2, "dx: rel_norm %g", g.rel_norm);
    if (cross) {
        g = gradcheck(loss_fn, c, c->enc, c->denc, B * TK * C, 1000, 1e-3, 2e-2, 1e-3);
        ck_assert_msg(g.passed >= g.checked * 98 / 100 && g.rel_norm < 1e-2, "denc: rel_norm %g", g.rel_norm);
        /* dolgu konumundaki kodlayıcı çıktısına gradyan akmaz */
        for (int k = 0; k < C; k++) ck_assert_float_eq(c->denc[1 * TK * C + (TK - 1) * C + k], 0.0f);
    }
    /* Gradyanı bozunca denetim düşmeli (test geçmeye mahkûm değil) */
    c->P.grads[c->P.n / 2] += 1.0f;
    g = gradcheck(loss_fn, c, c->P.params, c->P.grads, c->P.n, c->P.n, 1e-3, 2e-2, 1e-3);
    ck_assert_uint_lt(g.passed, g.checked);
    tf_acts_free(&c->a);
    params_free(&c->P);
    free(c);
}

START_TEST(test_encoder_layer) { check_case(0, 1, 1); }
END_TEST
START_TEST(test_decoder_layer) { check_case(1, 1, 1); }
END_TEST
START_TEST(test_no_residual_no_norm) {
    check_case(1, 0, 1);
    check_case(1, 1, 0);
    check_case(0, 0, 0);
}
END_TEST

/* Biriktirme kuralı: sıfırlamadan iki geri geçiş, gradyanları tam iki katına çıkarır. */
START_TEST(test_accumulates) {
    Ctx *c = malloc(sizeof *c);
    setup_ctx(c, 1, 1, 1, 3);
    params_zero_grad(&c->P);
    backward(c);
    float *g1 = malloc(c->P.n * 4), dx1[B * T * C], de1[B * TK * C];
    memcpy(g1, c->P.grads, c->P.n * 4);
    memcpy(dx1, c->dx, sizeof dx1);
    memcpy(de1, c->denc, sizeof de1);
    backward(c);
    for (size_t i = 0; i < c->P.n; i++) ck_assert_float_eq_tol(c->P.grads[i], 2 * g1[i], 1e-5f * (1 + fabsf(g1[i])));
    for (int i = 0; i < B * T * C; i++) ck_assert_float_eq_tol(c->dx[i], 2 * dx1[i], 1e-5f * (1 + fabsf(dx1[i])));
    for (int i = 0; i < B * TK * C; i++) ck_assert_float_eq_tol(c->denc[i], 2 * de1[i], 1e-5f * (1 + fabsf(de1[i])));
    free(g1);
    tf_acts_free(&c->a);
    params_free(&c->P);
    free(c);
}
END_TEST

/* Adım adım çözme (KV önbelleği), tam ileri geçişle aynı sayıları vermeli. */
static void step_matches(int cross) {
    Ctx *c = malloc(sizeof *c);
    setup_ctx(c, cross, 1, 1, 11);
    loss_fn(c); /* c->y: tam ileri geçiş (nedensel maske) */
    TfCache kc;
    tf_cache_alloc(&kc, &c->cfg, B, T, TK);
    float xt[B * C], yt[B * C];
    if (cross) {
        /* önbelleğe bütün yığın; dolgu maskesi (B,TK) */
        tf_cache_set_encoder(&kc, &c->W, c->enc, B, TK, c->epad);
    }
    double worst = 0;
    for (int t = 0; t < T; t++) {
        for (int b = 0; b < B; b++) memcpy(xt + b * C, c->x + ((size_t)b * T + t) * C, C * 4);
        tf_layer_step(yt, &kc, &c->W, xt, B, t);
        for (int b = 0; b < B; b++)
            for (int k = 0; k < C; k++) {
                double d = fabs(yt[b * C + k] - c->y[((size_t)b * T + t) * C + k]);
                if (d > worst) worst = d;
            }
    }
    ck_assert_msg(worst < 1e-4, "adım adım çözme farkı %g", worst);
    tf_cache_free(&kc);
    tf_acts_free(&c->a);
    params_free(&c->P);
    free(c);
}
START_TEST(test_step_decoding) {
    step_matches(0);
    step_matches(1);
}
END_TEST

/* GELU'lu ileri besleme (ders 16'nın GPT'si): aktivasyon gerçekten GELU, gradyanlar
 * sonlu farklarla doğru, biriktirme kuralı ve KV önbellekli adım aynı. */
START_TEST(test_gelu_layer) {
    g_act = TF_ACT_GELU;
    Ctx *c = malloc(sizeof *c);
    setup_ctx(c, 0, 1, 1, 5);
    loss_fn(c);
    int neg = 0;
    for (int i = 0; i < B * T * FF; i++) {
        double h = c->a.h[i], want = 0.5 * h * (1 + erf(h / sqrt(2.0)));
        ck_assert_msg(fabs(c->a.hr[i] - want) < 1e-6, "GELU(%g) = %g, beklenen %g", h, c->a.hr[i], want);
        neg += h < -0.05; /* ReLU burada 0 verirdi, GELU vermez */
    }
    ck_assert_int_gt(neg, 10);
    tf_acts_free(&c->a);
    params_free(&c->P);
    free(c);
    check_case(0, 1, 1);
    check_case(1, 1, 1);
    step_matches(0);
    g_act = TF_ACT_RELU;
}
END_TEST

START_TEST(test_gelu_accumulates) {
    g_act = TF_ACT_GELU;
    Ctx *c = malloc(sizeof *c);
    setup_ctx(c, 0, 1, 1, 4);
    params_zero_grad(&c->P);
    backward(c);
    float *g1 = malloc(c->P.n * 4), dx1[B * T * C];
    memcpy(g1, c->P.grads, c->P.n * 4);
    memcpy(dx1, c->dx, sizeof dx1);
    backward(c);
    for (size_t i = 0; i < c->P.n; i++) ck_assert_float_eq_tol(c->P.grads[i], 2 * g1[i], 1e-5f * (1 + fabsf(g1[i])));
    for (int i = 0; i < B * T * C; i++) ck_assert_float_eq_tol(c->dx[i], 2 * dx1[i], 1e-5f * (1 + fabsf(dx1[i])));
    free(g1);
    tf_acts_free(&c->a);
    params_free(&c->P);
    free(c);
    g_act = TF_ACT_RELU;
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("transformer");
    TCase *tc = tcase_create("katman");
    tcase_add_test(tc, test_encoder_layer);
    tcase_add_test(tc, test_decoder_layer);
    tcase_add_test(tc, test_no_residual_no_norm);
    tcase_add_test(tc, test_accumulates);
    tcase_add_test(tc, test_step_decoding);
    tcase_add_test(tc, test_gelu_layer);
    tcase_add_test(tc, test_gelu_accumulates);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
