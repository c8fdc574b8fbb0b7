/* test_bahdanau.c — toplamsal dikkat: α satırları olasılık dağılımı, maskeli konumlar 0,
 * bütün gradyanlar (W_a, U_a, b_a, v, sorgu, kodlayıcı çıktıları) sonlu farklarla;
 * iki adımın anahtar gradyanı biriktirilerek (tek keys_backward). */
#include "testutil.h"
#include "core/rng.h"
#include "nn/bahdanau.h"
#include "nn/gradcheck.h"

enum { S = 5, B = 3, H = 4, HE = 6, A = 7, NT = 2 };

typedef struct {
    float block[A * H + A * HE + 2 * A], gblock[A * H + A * HE + 2 * A];
    BahdanauW W, G;
    float q[NT][B * H], dq[NT][B * H];
    float enc[S * B * HE], denc[S * B * HE];
    float keys[S * B * A], dkeys[S * B * A];
    float ctx[NT][B * HE], alpha[NT][B * S], u[NT][B * S * A];
    float R[NT][B * HE];
    int len[B];
} Fix;

static void point(BahdanauW *w, float *p) {
    w->wa = p;
    w->ua = p + A * H;
    w->ba = w->ua + A * HE;
    w->v = w->ba + A;
}

static double loss(void *ctx) {
    Fix *f = ctx;
    bahdanau_keys(f->keys, f->enc, &f->W, S, B, HE, A);
    double L = 0;
    for (int t = 0; t < NT; t++) {
        bahdanau_forward(f->ctx[t], f->alpha[t], f->u[t], f->q[t], f->keys, f->enc, f->len,
                         &f->W, S, B, H, HE, A);
        for (int i = 0; i < B * HE; i++) L += (double)f->ctx[t][i] * f->R[t][i];
    }
    return L;
}

static void grad(Fix *f) {
    loss(f);
    for (int t = NT - 1; t >= 0; t--)
        bahdanau_backward(f->dq[t], f->dkeys, f->denc, &f->G, f->R[t], f->alpha[t], f->u[t],
                          f->q[t], f->enc, f->len, &f->W, S, B, H, HE, A);
    bahdanau_keys_backward(f->denc, &f->G, f->dkeys, f->enc, &f->W, S, B, HE, A);
}

static Fix *fix_new(uint64_t seed) {
    Fix *f = calloc(1, sizeof *f);
    point(&f->W, f->block);
    point(&f->G, f->gblock);
    Rng r;
    rng_seed(&r, seed);
    bahdanau_init(&f->W, H, HE, A, &r);
    for (int i = 0; i < A; i++) f->W.ba[i] = 0.3f * rng_normal(&r);
    for (int i = 0; i < A; i++) f->W.v[i] *= 3.0f; /* keskin dağılımlar da denensin */
    for (int t = 0; t < NT; t++) {
        for (int i = 0; i < B * H; i++) f->q[t][i] = rng_normal(&r);
        for (int i = 0; i < B * HE; i++) f->R[t][i] = rng_normal(&r);
    }
    for (int i = 0; i < S * B * HE; i++) f->enc[i] = rng_normal(&r);
    f->len[0] = S;
    f->len[1] = 3; /* ikinci örneğin son iki konumu dolgu */
    f->len[2] = S;
    return f;
}

START_TEST(test_alpha_distribution) {
    Fix *f = fix_new(1);
    loss(f);
    for (int t = 0; t < NT; t++)
        for (int b = 0; b < B; b++) {
            double s = 0;
            for (int j = 0; j < S; j++) {
                ck_assert(f->alpha[t][b * S + j] >= 0);
                s += f->alpha[t][b * S + j];
            }
            ck_assert_close(s, 1.0, 1e-5);
        }
    ck_assert_float_eq(f->alpha[0][1 * S + 3], 0.0f);
    ck_assert_float_eq(f->alpha[0][1 * S + 4], 0.0f);
    /* Bağlam vektörü kodlayıcı çıktılarının α ağırlıklı ortalaması */
    double c = 0;
    for (int s = 0; s < S; s++) c += f->alpha[1][2 * S + s] * f->enc[(s * B + 2) * HE + 4];
    ck_assert_close(f->ctx[1][2 * HE + 4], c, 1e-5);
    free(f);
}
END_TEST

START_TEST(test_gradcheck) {
    Fix *f = fix_new(2);
    grad(f);
    struct { const char *n; float *p; float *g; size_t k; } t[] = {
        {"W_a", f->W.wa, f->G.wa, A * H},   {"U_a", f->W.ua, f->G.ua, A * HE},
        {"b_a", f->W.ba, f->G.ba, A},       {"v", f->W.v, f->G.v, A},
        {"q0", f->q[0], f->dq[0], B * H},   {"q1", f->q[1], f->dq[1], B * H},
        {"enc", f->enc, f->denc, S * B * HE},
    };
    for (int i = 0; i < 7; i++) {
        GradCheck g = gradcheck(loss, f, t[i].p, t[i].g, t[i].k, 200, 1e-3, 1e-2, 1e-3);
        ck_assert_int_eq((int)g.checked, (int)t[i].k);
        ck_assert_msg(g.worst <= 1.0, "%s: oran %g (eleman %zu: sayısal %g, analitik %g)", t[i].n,
                      g.worst, g.worst_index, g.numeric, g.analytic);
    }
    /* Maskeli konumların kodlayıcı çıktısı kaybı etkilemez: gradyanı tam 0 */
    for (int j = 0; j < HE; j++) ck_assert_float_eq(f->denc[(4 * B + 1) * HE + j], 0.0f);
    /* Biriktirme: ikinci geri geçiş gradyanları iki katına çıkarır */
    float v0 = f->G.v[2], u0 = f->G.ua[5];
    for (int t2 = NT - 1; t2 >= 0; t2--)
        bahdanau_backward(NULL, f->dkeys, NULL, &f->G, f->R[t2], f->alpha[t2], f->u[t2],
                          f->q[t2], f->enc, f->len, &f->W, S, B, H, HE, A);
    memset(f->dkeys, 0, sizeof f->dkeys);
    ck_assert_close(f->G.v[2], 2 * v0, 1e-5);
    ck_assert_float_eq_tol(f->G.ua[5], u0, 1e-6); /* dkeys sıfırlandı: U_a değişmedi */
    /* Denetleyici bozuk gradyanı yakalar */
    f->G.v[3] += 0.1f;
    memset(f->gblock, 0, sizeof f->gblock);
    memset(f->dkeys, 0, sizeof f->dkeys);
    grad(f);
    f->G.v[3] = f->G.v[3] * 1.3f + 0.05f;
    GradCheck bad = gradcheck(loss, f, f->W.v, f->G.v, A, A, 1e-3, 1e-2, 1e-3);
    ck_assert_msg(bad.worst > 1.0, "bozuk gradyan geçti (%g)", bad.worst);
    free(f);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("bahdanau");
    TCase *tc = tcase_create("bahdanau");
    tcase_add_test(tc, test_alpha_distribution);
    tcase_add_test(tc, test_gradcheck);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
