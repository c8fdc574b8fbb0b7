/* test_gru.c — GRU: hücrenin ve T adımlık dizinin geri geçişi sonlu farklarla
 * (her parametre, girdi ve başlangıç durumu), biriktirme kuralı (+=), denetleyicinin
 * bozuk bir gradyanı yakalaması, ve PyTorch nn.GRU ile eşlik (çıktılar ve bütün
 * gradyanlar): tests/test_parity.c, fikstür tests/parity/gen.py. */
#include "testutil.h"
#include "core/rng.h"
#include "nn/gradcheck.h"
#include "nn/gru.h"

typedef struct {
    int T, B, I, H;
    float *block, *gblock;  /* [wih whh bih bhh] ve gradyanları */
    GruW W, G;
    float *x, *h0, *R;      /* (T,B,I), (B,H), (T,B,H) */
    float *dx, *dh0;
    float *hs, *cache, *ws;
} Fix;

static void point(GruW *w, float *p, int I, int H) {
    w->wih = p;
    w->whh = w->wih + (size_t)3 * H * I;
    w->bih = w->whh + (size_t)3 * H * H;
    w->bhh = w->bih + (size_t)3 * H;
}

static void fix_init(Fix *f, int T, int B, int I, int H, uint64_t seed) {
    f->T = T; f->B = B; f->I = I; f->H = H;
    size_t n = gru_param_count(I, H);
    f->block = calloc(n, sizeof(float));
    f->gblock = calloc(n, sizeof(float));
    point(&f->W, f->block, I, H);
    point(&f->G, f->gblock, I, H);
    Rng r;
    rng_seed(&r, seed);
    gru_init(&f->W, I, H, &r);
    /* büyütülmüş ağırlıklar: kapılar doymuş bölgelere de girsin */
    for (size_t i = 0; i < n; i++) f->block[i] *= 2.0f;
    f->x = malloc((size_t)T * B * I * sizeof(float));
    f->h0 = malloc((size_t)B * H * sizeof(float));
    f->R = malloc((size_t)T * B * H * sizeof(float));
    for (int i = 0; i < T * B * I; i++) f->x[i] = rng_normal(&r);
    for (int i = 0; i < B * H; i++) f->h0[i] = 0.8f * rng_normal(&r);
    for (int i = 0; i < T * B * H; i++) f->R[i] = rng_normal(&r);
    f->dx = calloc((size_t)T * B * I, sizeof(float));
    f->dh0 = calloc((size_t)B * H, sizeof(float));
    f->hs = malloc((size_t)T * B * H * sizeof(float));
    f->cache = malloc((size_t)T * GRU_CACHE(B, H) * sizeof(float));
    f->ws = malloc(GRU_WS(B, H) * sizeof(float));
}

static void fix_free(Fix *f) {
    free(f->block); free(f->gblock); free(f->x); free(f->h0); free(f->R); free(f->dx);
    free(f->dh0); free(f->hs); free(f->cache); free(f->ws);
}

/* L = Σ hs ⊙ R */
static double seq_loss(void *ctx) {
    Fix *f = ctx;
    gru_forward(f->hs, f->cache, f->x, f->h0, &f->W, f->T, f->B, f->I, f->H, f->ws);
    double L = 0;
    for (int i = 0; i < f->T * f->B * f->H; i++) L += (double)f->hs[i] * f->R[i];
    return L;
}

static void seq_grad(Fix *f) {
    seq_loss(f);
    gru_backward(f->dx, f->dh0, &f->G, f->R, f->x, f->h0, f->hs, f->cache, &f->W, f->T, f->B,
                 f->I, f->H, f->ws);
}

static void check_all(Fix *f, const char *what) {
    size_t n = gru_param_count(f->I, f->H);
    struct { const char *name; float *p; float *g; size_t n; } t[] = {
        {"parametreler", f->block, f->gblock, n},
        {"x", f->x, f->dx, (size_t)f->T * f->B * f->I},
        {"h0", f->h0, f->dh0, (size_t)f->B * f->H},
    };
    for (int i = 0; i < 3; i++) {
        GradCheck g = gradcheck(seq_loss, f, t[i].p, t[i].g, t[i].n, 400, 1e-3, 1e-2, 1e-3);
        ck_assert_msg(g.checked == (t[i].n < 400 ? t[i].n : 400), "%s/%s: %zu eleman denendi",
                      what, t[i].name, g.checked);
        ck_assert_msg(g.worst <= 1.0, "%s/%s: en kötü oran %g (eleman %zu: sayısal %g, analitik %g)",
                      what, t[i].name, g.worst, g.worst_index, g.numeric, g.analytic);
    }
}

/* Tek hücre (T = 1) ve başlangıç durumu verilmiş: bütün gradyanlar */
START_TEST(test_cell_gradcheck) {
    Fix f;
    fix_init(&f, 1, 3, 5, 4, 11);
    seq_grad(&f);
    check_all(&f, "hücre");
    fix_free(&f);
}
END_TEST

/* 7 adımlık dizi: BPTT, durum gradyanı adımlar boyunca geri akar */
START_TEST(test_sequence_gradcheck) {
    Fix f;
    fix_init(&f, 7, 2, 3, 5, 12);
    seq_grad(&f);
    check_all(&f, "dizi");
    /* Yalnızca SON çıktıya bağlı kayıp da ilk girdiye gradyan taşımalı (x_0 -> h_6) */
    Fix g;
    fix_init(&g, 7, 2, 3, 5, 12);
    for (int i = 0; i < 6 * 2 * 5; i++) g.R[i] = 0;
    seq_grad(&g);
    double s = 0;
    for (int i = 0; i < 2 * 3; i++) s += fabs(g.dx[i]);
    ck_assert_msg(s > 1e-6, "ilk adımın girdisine gradyan ulaşmadı: %g", s);
    fix_free(&f);
    fix_free(&g);
}
END_TEST

/* h0 = NULL (sıfır durum) yolu ve biriktirme kuralı: iki geri geçiş = 2 katı */
START_TEST(test_accumulate_and_null_h0) {
    Fix f;
    fix_init(&f, 4, 2, 3, 4, 13);
    size_t n = gru_param_count(3, 4);
    memset(f.h0, 0, 2 * 4 * sizeof(float));
    seq_grad(&f);
    float *g1 = malloc(n * sizeof(float)), *hs1 = malloc(4 * 2 * 4 * sizeof(float));
    memcpy(g1, f.gblock, n * sizeof(float));
    memcpy(hs1, f.hs, 4 * 2 * 4 * sizeof(float));
    /* Aynı şey h0 = NULL ile: aynı çıktılar, aynı parametre gradyanı */
    memset(f.gblock, 0, n * sizeof(float));
    gru_forward(f.hs, f.cache, f.x, NULL, &f.W, 4, 2, 3, 4, f.ws);
    for (int i = 0; i < 4 * 2 * 4; i++) ck_assert_float_eq_tol(f.hs[i], hs1[i], 1e-6);
    gru_backward(NULL, NULL, &f.G, f.R, f.x, NULL, f.hs, f.cache, &f.W, 4, 2, 3, 4, f.ws);
    for (size_t i = 0; i < n; i++) ck_assert_float_eq_tol(f.gblock[i], g1[i], 1e-5);
    gru_backward(NULL, NULL, &f.G, f.R, f.x, NULL, f.hs, f.cache, &f.W, 4, 2, 3, 4, f.ws);
    for (size_t i = 0; i < n; i++) ck_assert_float_eq_tol(f.gblock[i], 2 * g1[i], 1e-5);
    free(g1);
    free(hs1);
    fix_free(&f);
}
END_TEST

/* Denetleyici gerçekten yakalıyor: n kapısının bias'ında r çarpanını unutan bir
 * gradyan (tek elemanı bozulmuş) geçmemeli. */
START_TEST(test_checker_catches_bug) {
    Fix f;
    fix_init(&f, 3, 2, 3, 4, 14);
    seq_grad(&f);
    f.G.bhh[2 * 4 + 1] *= 1.5f;
    f.G.bhh[2 * 4 + 1] += 0.05f;
    GradCheck g = gradcheck(seq_loss, &f, f.W.bhh, f.G.bhh, 12, 12, 1e-3, 1e-2, 1e-3);
    ck_assert_int_eq((int)g.checked, 12);
    ck_assert_msg(g.worst > 1.0, "bozuk gradyan geçti (oran %g)", g.worst);
    fix_free(&f);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("gru");
    TCase *tc = tcase_create("gru");
    tcase_add_test(tc, test_cell_gradcheck);
    tcase_add_test(tc, test_sequence_gradcheck);
    tcase_add_test(tc, test_accumulate_and_null_h0);
    tcase_add_test(tc, test_checker_catches_bug);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
