/* test_genact.c — üretken modellerin çekirdekleri (nn/act_extra, nn/sinemb):
 * geri geçişler sonlu farklarla, biriktirme kuralı (+=), satır adımı (ld).
 * PyTorch eşliği tests/test_parity.c'de (fikstür tests/parity/fixtures/genact.bin). */
#include "doaa.h"
#include "nn/act_extra.h"
#include "nn/sinemb.h"
#include "testutil.h"

#define GC_OK(r) ck_assert_msg((r).checked > 0 && (r).worst <= 1.0, \
    "gradyan uyuşmuyor: #%zu analitik %g sayısal %g oran %g (denenen %zu)", (r).worst_index, \
    (r).analytic, (r).numeric, (r).worst, (r).checked)

static double dotR(const float *out, const float *R, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += (double)out[i] * R[i];
    return s;
}

enum { AN = 23 };
typedef struct { float x[AN], out[AN], R[AN]; int kind; } ACtx;
static void afwd(ACtx *c) {
    if (c->kind == 0) leaky_relu_forward(c->out, c->x, AN, 0.2f);
    else gelu_forward(c->out, c->x, AN);
}
static double aloss(void *p) { ACtx *c = p; afwd(c); return dotR(c->out, c->R, AN); }

START_TEST(test_act_grads_accumulate) {
    for (int kind = 0; kind < 2; kind++) {
        ACtx c; c.kind = kind;
        Rng r; rng_seed(&r, 11 + kind);
        for (int i = 0; i < AN; i++) {
            float v = 2.0f * rng_normal(&r);
            if (kind == 0 && fabsf(v) < 0.05f) v = 0.3f;  /* 0'daki kırılmadan uzak */
            c.x[i] = v;
            c.R[i] = rng_normal(&r);
        }
        afwd(&c);
        /* Biriktirme: dx önceden 1 ile dolu; geri geçiş üstüne eklemeli. */
        float dx[AN], g[AN];
        for (int i = 0; i < AN; i++) dx[i] = 1.0f;
        if (kind == 0) leaky_relu_backward(dx, c.R, c.out, AN, 0.2f);
        else gelu_backward(dx, c.R, c.x, AN);
        for (int i = 0; i < AN; i++) g[i] = dx[i] - 1.0f;
        GC_OK(gradcheck(aloss, &c, c.x, g, AN, 100, 1e-3, 1e-2, 1e-4));
        /* Yerinde LeakyReLU (out == inp) aynı sonucu verir */
        if (kind == 0) {
            float y[AN];
            afwd(&c);  /* gradcheck son olarak kaydırılmış girişle çağırdı */
            memcpy(y, c.x, sizeof y);
            leaky_relu_forward(y, y, AN, 0.2f);
            for (int i = 0; i < AN; i++) ck_assert_float_eq(y[i], c.out[i]);
        }
    }
}
END_TEST

enum { SB = 4, SE = 10, SLD = 13 };
typedef struct { float x[SB], out[SB * SLD], R[SB * SLD]; float scale; } SCtx;
static double sloss(void *p) {
    SCtx *c = p;
    sinemb_forward(c->out, c->x, SB, SE, c->scale, SLD);
    double s = 0;
    for (int b = 0; b < SB; b++) s += dotR(c->out + b * SLD, c->R + b * SLD, SE);
    return s;
}
START_TEST(test_sinemb_grad_and_stride) {
    for (int k = 0; k < 2; k++) {
        SCtx c;
        c.scale = k ? 25.0f : 1.0f;
        Rng r; rng_seed(&r, 21 + k);
        for (int b = 0; b < SB; b++) c.x[b] = k ? rng_normal(&r) : 50.0f * rng_uniform(&r);
        for (int i = 0; i < SB * SLD; i++) { c.R[i] = rng_normal(&r); c.out[i] = -7.0f; }
        sinemb_forward(c.out, c.x, SB, SE, c.scale, SLD);
        /* ld > E: satırların son sütunlarına dokunulmaz */
        for (int b = 0; b < SB; b++)
            for (int j = SE; j < SLD; j++) ck_assert_float_eq(c.out[b * SLD + j], -7.0f);
        float dx[SB] = {0.5f, 0.5f, 0.5f, 0.5f}, g[SB];
        sinemb_backward(dx, c.R, c.x, SB, SE, c.scale, SLD);
        for (int b = 0; b < SB; b++) g[b] = dx[b] - 0.5f;
        GC_OK(gradcheck(sloss, &c, c.x, g, SB, 10, k ? 1e-4 : 1e-3, 2e-2, 1e-3));
    }
}
END_TEST

START_TEST(test_gelu_not_tanh_approx) {
    /* Tam (erf'li) GELU, tanh yaklaşımından ölçülebilir biçimde farklıdır: eşlik testi
     * (TOL_ELEM) yanlış formülü yakalayabilir. */
    float x = 1.5f, y, ex = 0.5f * x * (1 + tanhf(0.7978845608f * (x + 0.044715f * x * x * x)));
    gelu_forward(&y, &x, 1);
    ck_assert_msg(fabsf(y - ex) > 1e-5f && fabsf(y - ex) < 1e-2f, "tam %g, tanh %g", y, ex);
}
END_TEST

/* GELU'nun hızlı erf ve exp'i double başvuruya karşı: bütün aralıkta mutlak/göreli hata
 * küçük; GELU ve türevi de double formülle aynı. */
START_TEST(test_gelu_fast_math) {
    double we = 0, wx = 0, wf = 0, wd = 0;
    for (int i = -200000; i <= 200000; i++) {
        float x = (float)i * 5e-5f; /* [-10, 10] */
        double e = fabs(act_erf(x) - erf((double)x));
        if (e > we) we = e;
        float y = -(float)(i < 0 ? -i : i) * 4.4e-4f; /* [-88, 0] */
        double ex = exp((double)(y < -87.0f ? -87.0f : y));
        double r = fabs(act_exp_neg(y) - ex) / ex;
        if (r > wx) wx = r;
        float g, d = 0, one = 1;
        gelu_forward(&g, &x, 1);
        gelu_backward(&d, &one, &x, 1);
        double Phi = 0.5 * (1 + erf(x / sqrt(2.0))), phi = exp(-0.5 * (double)x * x) / sqrt(2 * M_PI);
        double eg = fabs(g - x * Phi) / (1 + fabs(x * Phi)), ed = fabs(d - (Phi + x * phi));
        if (eg > wf) wf = eg;
        if (ed > wd) wd = ed;
    }
    ck_assert_msg(we < 5e-7, "erf en kötü mutlak hata %g", we);
    ck_assert_msg(wx < 5e-7, "exp en kötü göreli hata %g", wx);
    ck_assert_msg(wf < 3e-6, "GELU en kötü hata %g", wf); /* -O1 (ASan) ile ~1,1e-6 */
    ck_assert_msg(wd < 3e-6, "GELU türevi en kötü hata %g", wd);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("genact");
    TCase *tc = tcase_create("çekirdekler");
    tcase_add_test(tc, test_act_grads_accumulate);
    tcase_add_test(tc, test_sinemb_grad_and_stride);
    tcase_add_test(tc, test_gelu_not_tanh_approx);
    tcase_add_test(tc, test_gelu_fast_math);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
