/* test_embed.c — gömme, katman normalizasyonu ve konumsal kodlama (common/nn/embed.h):
 * her geri geçiş sonlu farklarla; denetleyicinin yanlış gradyanı yakaladığı; LN
 * çıktısının satır istatistikleri; PE'nin bilinen değerleri ve kaydırma özelliği. */
#include "doaa.h"
#include "nn/embed.h"
#include "testutil.h"

static void fill(float *x, size_t n, Rng *r, float scale) {
    for (size_t i = 0; i < n; i++) x[i] = scale * (rng_uniform(r) * 2.0f - 1.0f);
}

/* ---------------- gömme ---------------- */

enum { EB = 2, ET = 5, EV = 7, EC = 4 };

typedef struct {
    int ids[EB * ET];
    float table[EV * EC];
    float w[EB * ET * EC];   /* kayıp = Σ w ⊙ out: her çıkışa farklı bir ağırlık */
    float out[EB * ET * EC];
} EmbCtx;

static double emb_loss(void *p) {
    EmbCtx *c = p;
    embedding_forward(c->out, c->ids, c->table, EB, ET, EV, EC);
    double L = 0;
    for (int i = 0; i < EB * ET * EC; i++) L += (double)c->w[i] * c->out[i];
    return L;
}

START_TEST(test_embedding_forward_gathers_rows) {
    EmbCtx c;
    Rng r;
    rng_seed(&r, 1);
    fill(c.table, EV * EC, &r, 1.0f);
    for (int i = 0; i < EB * ET; i++) c.ids[i] = (i * 3) % EV;
    embedding_forward(c.out, c.ids, c.table, EB, ET, EV, EC);
    for (int i = 0; i < EB * ET; i++)
        for (int k = 0; k < EC; k++)
            ck_assert_float_eq(c.out[i * EC + k], c.table[c.ids[i] * EC + k]);
}
END_TEST

START_TEST(test_embedding_backward_gradcheck) {
    EmbCtx c;
    Rng r;
    rng_seed(&r, 2);
    fill(c.table, EV * EC, &r, 1.0f);
    fill(c.w, EB * ET * EC, &r, 1.0f);
    /* Tekrarlanan id'ler (3 ve 5 birkaç kez) ve hiç geçmeyen bir id (6) */
    int ids[EB * ET] = {3, 1, 3, 0, 5, 5, 2, 3, 4, 5};
    memcpy(c.ids, ids, sizeof ids);
    float dtable[EV * EC] = {0};
    embedding_backward(dtable, c.w, c.ids, EB, ET, EV, EC);  /* dL/dout = w */
    GradCheck g = gradcheck(emb_loss, &c, c.table, dtable, EV * EC, 1000, 1e-2, 1e-3, 1e-4);
    ck_assert_uint_eq(g.checked, EV * EC);
    ck_assert_msg(g.worst <= 1.0, "dtable: en kötü oran %g (sayısal %g, analitik %g)", g.worst,
                  g.numeric, g.analytic);
    /* Hiç geçmeyen id'nin satırı sıfır kalmalı; üç kez geçen 3'ün satırı üç katkının toplamı */
    for (int k = 0; k < EC; k++) ck_assert_float_eq(dtable[6 * EC + k], 0.0f);
    for (int k = 0; k < EC; k++)
        ck_assert_float_eq_tol(dtable[3 * EC + k], c.w[0 * EC + k] + c.w[2 * EC + k] + c.w[7 * EC + k],
                               1e-6f);
}
END_TEST

START_TEST(test_embedding_bad_id_dies) {
    float table[EV * EC] = {0}, out[EC];
    int ids[1] = {EV};  /* bir fazla: tabloda böyle bir satır yok */
    embedding_forward(out, ids, table, 1, 1, EV, EC);
}
END_TEST

/* ---------------- katman normalizasyonu ---------------- */

enum { LB = 2, LT = 3, LC = 8 };

typedef struct {
    float x[LB * LT * LC], gamma[LC], beta[LC], w[LB * LT * LC];
    float out[LB * LT * LC], mean[LB * LT], rstd[LB * LT];
} LnCtx;

static double ln_loss(void *p) {
    LnCtx *c = p;
    layernorm_forward(c->out, c->mean, c->rstd, c->x, c->gamma, c->beta, LB, LT, LC);
    double L = 0;
    for (int i = 0; i < LB * LT * LC; i++) L += (double)c->w[i] * c->out[i];
    return L;
}

static void ln_setup(LnCtx *c, uint64_t seed) {
    Rng r;
    rng_seed(&r, seed);
    fill(c->x, LB * LT * LC, &r, 2.0f);
    for (int i = 0; i < LB * LT * LC; i++) c->x[i] += (float)(i % LC == 0 ? 3 : 0); /* kaymış satırlar */
    fill(c->gamma, LC, &r, 1.0f);
    for (int k = 0; k < LC; k++) c->gamma[k] += 1.0f;
    fill(c->beta, LC, &r, 0.5f);
    fill(c->w, LB * LT * LC, &r, 1.0f);
}

START_TEST(test_layernorm_backward_gradcheck) {
    LnCtx c;
    ln_setup(&c, 3);
    float dx[LB * LT * LC] = {0}, dgamma[LC] = {0}, dbeta[LC] = {0};
    ln_loss(&c);
    layernorm_backward(dx, dgamma, dbeta, c.w, c.x, c.gamma, c.mean, c.rstd, LB, LT, LC);
    GradCheck g = gradcheck(ln_loss, &c, c.x, dx, LB * LT * LC, 1000, 1e-3, 1e-2, 1e-3);
    ck_assert_uint_eq(g.checked, LB * LT * LC);
    ck_assert_msg(g.worst <= 1.0, "dx: en kötü oran %g (sayısal %g, analitik %g)", g.worst,
                  g.numeric, g.analytic);
    g = gradcheck(ln_loss, &c, c.gamma, dgamma, LC, 1000, 1e-3, 1e-2, 1e-3);
    ck_assert_uint_eq(g.checked, LC);
    ck_assert_msg(g.worst <= 1.0, "dgamma: en kötü oran %g", g.worst);
    g = gradcheck(ln_loss, &c, c.beta, dbeta, LC, 1000, 1e-3, 1e-2, 1e-3);
    ck_assert_uint_eq(g.checked, LC);
    ck_assert_msg(g.worst <= 1.0, "dbeta: en kötü oran %g", g.worst);
}
END_TEST

START_TEST(test_gradcheck_catches_wrong_layernorm_grad) {
    /* Sık yapılan hata: μ ve σ'nın x'e bağlı olduğunu unutup dx = rstd·gamma·dy yazmak.
     * Denetleyici bunu yakalamalı; yakalamıyorsa yukarıdaki geçiş bir şey kanıtlamaz. */
    LnCtx c;
    ln_setup(&c, 4);
    ln_loss(&c);
    float dx_wrong[LB * LT * LC];
    for (int r = 0; r < LB * LT; r++)
        for (int k = 0; k < LC; k++)
            dx_wrong[r * LC + k] = c.rstd[r] * c.gamma[k] * c.w[r * LC + k];
    GradCheck g = gradcheck(ln_loss, &c, c.x, dx_wrong, LB * LT * LC, 1000, 1e-3, 1e-2, 1e-3);
    ck_assert_uint_gt(g.checked, 0);
    ck_assert_msg(g.worst > 1.0, "yanlış gradyan geçti: en kötü oran %g", g.worst);
}
END_TEST

START_TEST(test_layernorm_rows_normalized) {
    /* gamma = 1, beta = 0 iken her satırın ortalaması ≈ 0, varyansı ≈ 1 olmalı;
     * girişin ölçeği ve kayması ne olursa olsun. */
    enum { B = 3, T = 4, C = 64 };
    static float x[B * T * C], y[B * T * C], mean[B * T], rstd[B * T], gamma[C], beta[C];
    Rng r;
    rng_seed(&r, 5);
    for (int i = 0; i < B * T * C; i++) x[i] = 10.0f * rng_normal(&r) + 50.0f * (float)(i / C % 3);
    for (int k = 0; k < C; k++) gamma[k] = 1.0f, beta[k] = 0.0f;
    layernorm_forward(y, mean, rstd, x, gamma, beta, B, T, C);
    for (int row = 0; row < B * T; row++) {
        double m = 0, v = 0, mx = 0;
        for (int k = 0; k < C; k++) m += y[row * C + k], mx += x[row * C + k];
        m /= C;
        mx /= C;
        for (int k = 0; k < C; k++) v += (y[row * C + k] - m) * (y[row * C + k] - m);
        v /= C;
        ck_assert_msg(fabs(m) < 1e-5, "satır %d ortalaması %g", row, m);
        ck_assert_msg(fabs(v - 1.0) < 1e-4, "satır %d varyansı %g", row, v);
        ck_assert_float_eq_tol(mean[row], (float)mx, 1e-3f);  /* saklanan μ doğru */
    }
}
END_TEST

/* Hızlı (float şeritler, omp simd) sürümler düz başvurulara (double) uyar: çeşitli C (kuyruklu,
 * tek sayılı, büyük), kaymış ve ölçekli girişler; geri geçiş biriktirir (+=). */
START_TEST(test_layernorm_fast_matches_ref) {
    const int Cs[] = {1, 5, 16, 37, 64, 100, 768};
    Rng r;
    rng_seed(&r, 21);
    for (size_t ci = 0; ci < sizeof Cs / sizeof *Cs; ci++) {
        int C = Cs[ci], R = 6;
        size_t n = (size_t)R * C;
        float *x = malloc(n * 4), *dy = malloc(n * 4), *g = malloc(C * 4), *bb = malloc(C * 4);
        float *y1 = malloc(n * 4), *y2 = malloc(n * 4), *dx1 = malloc(n * 4), *dx2 = malloc(n * 4);
        float *dg1 = malloc(C * 4), *dg2 = malloc(C * 4), *db1 = malloc(C * 4), *db2 = malloc(C * 4);
        float m1[6], m2[6], s1[6], s2[6];
        for (size_t i = 0; i < n; i++) {
            x[i] = 3.0f * rng_normal(&r) + 20.0f * (float)(i / C % 3);
            dy[i] = rng_normal(&r);
            dx1[i] = dx2[i] = 0.5f;
        }
        for (int k = 0; k < C; k++) {
            g[k] = 1.0f + 0.3f * rng_normal(&r), bb[k] = 0.1f * rng_normal(&r);
            dg1[k] = dg2[k] = db1[k] = db2[k] = -0.25f;
        }
        layernorm_forward_ref(y1, m1, s1, x, g, bb, 2, 3, C);
        layernorm_forward(y2, m2, s2, x, g, bb, 2, 3, C);
        for (size_t i = 0; i < n; i++)
            ck_assert_msg(fabsf(y1[i] - y2[i]) <= 2e-5f, "C=%d y[%zu]: %g, düz %g", C, i, y2[i], y1[i]);
        for (int i = 0; i < R; i++) {
            ck_assert_float_eq_tol(m1[i], m2[i], 1e-4f * (1 + fabsf(m1[i])));
            ck_assert_float_eq_tol(s1[i], s2[i], 1e-5f * s1[i] + 1e-6f);
        }
        layernorm_backward_ref(dx1, dg1, db1, dy, x, g, m1, s1, 2, 3, C);
        layernorm_backward(dx2, dg2, db2, dy, x, g, m1, s1, 2, 3, C);
        for (size_t i = 0; i < n; i++)
            ck_assert_msg(fabsf(dx1[i] - dx2[i]) <= 1e-4f * (1 + fabsf(dx1[i])), "C=%d dx[%zu]: %g, düz %g",
                          C, i, dx2[i], dx1[i]);
        for (int k = 0; k < C; k++) {
            ck_assert_float_eq_tol(dg1[k], dg2[k], 1e-4f);
            ck_assert_float_eq_tol(db1[k], db2[k], 1e-5f);
        }
        free(x), free(dy), free(g), free(bb), free(y1), free(y2), free(dx1), free(dx2);
        free(dg1), free(dg2), free(db1), free(db2);
    }
}
END_TEST

/* ---------------- konumsal kodlama ---------------- */

START_TEST(test_posenc_known_values) {
    /* Değerleri PE'nin tanımından, kütüphaneden bağımsız ve farklı bir yazımla hesapla:
     * ω_i = exp(-ln(10000) · 2i / C). */
    enum { T = 50, C = 16 };
    static float pe[T * C];
    posenc_sinusoid(pe, T, C);
    /* pos = 0: sinüsler 0, kosinüsler 1 */
    for (int k = 0; k < C; k++) ck_assert_float_eq(pe[k], k % 2 == 0 ? 0.0f : 1.0f);
    /* pos = 1, ilk çift ω_0 = 1: sin(1) = 0.8414709848, cos(1) = 0.5403023059 */
    ck_assert_float_eq_tol(pe[1 * C + 0], 0.8414709848f, 1e-6f);
    ck_assert_float_eq_tol(pe[1 * C + 1], 0.5403023059f, 1e-6f);
    /* C = 16 için ω_4 = 10000^(-8/16) = 0.01: pos = 30 -> sin(0.3), cos(0.3) */
    ck_assert_float_eq_tol(pe[30 * C + 8], 0.2955202067f, 1e-6f);
    ck_assert_float_eq_tol(pe[30 * C + 9], 0.9553364891f, 1e-6f);
    int poss[] = {0, 1, 7, 23, 49};
    for (size_t n = 0; n < sizeof poss / sizeof poss[0]; n++)
        for (int i = 0; i < C / 2; i++) {
            double w = exp(-log(10000.0) * 2.0 * i / C), a = poss[n] * w;
            ck_assert_float_eq_tol(pe[poss[n] * C + 2 * i], (float)sin(a), 1e-6f);
            ck_assert_float_eq_tol(pe[poss[n] * C + 2 * i + 1], (float)cos(a), 1e-6f);
        }
    /* Tek C: son sütun yalnızca sinüstür */
    float pe5[3 * 5];
    posenc_sinusoid(pe5, 3, 5);
    ck_assert_float_eq_tol(pe5[2 * 5 + 4], (float)sin(2.0 * exp(-log(10000.0) * 4.0 / 5)), 1e-6f);
}
END_TEST

START_TEST(test_posenc_add_every_batch) {
    enum { B = 3, T = 4, C = 6 };
    float pe[T * C], x[B * T * C], x0[B * T * C];
    Rng r;
    rng_seed(&r, 6);
    fill(x, B * T * C, &r, 1.0f);
    memcpy(x0, x, sizeof x);
    posenc_sinusoid(pe, T, C);
    posenc_add(x, pe, B, T, C);
    for (int b = 0; b < B; b++)
        for (int i = 0; i < T * C; i++)
            ck_assert_float_eq_tol(x[b * T * C + i], x0[b * T * C + i] + pe[i], 1e-6f);
}
END_TEST

START_TEST(test_posenc_shift_is_fixed_linear_map) {
    /* PE(pos+k) = M_k PE(pos), aynı M_k her pos için. Kütüphanenin formülüne
     * güvenmeden sına: her frekans çifti için 2x2 matrisi İKİ konumdan (p0, p0+1)
     * veriyle çöz, sonra başka birçok pos'ta aynı matrisin tuttuğunu göster.
     * Ayrıca çözülen matris posenc_shift_matrix ile aynı olmalı. */
    enum { T = 128, C = 32 };
    static float pe[T * C], M[C * C];
    posenc_sinusoid(pe, T, C);
    int ks[] = {1, 3, 10, 25};
    int p0 = 2;
    for (size_t kk = 0; kk < sizeof ks / sizeof ks[0]; kk++) {
        int k = ks[kk];
        posenc_shift_matrix(M, k, C);
        for (int i = 0; i < C / 2; i++) {
            int c = 2 * i;
            /* X = [PE(p0) PE(p0+1)] (2x2, sütunlar konumlar), Y = [PE(p0+k) PE(p0+1+k)]; A = Y X^-1 */
            double x11 = pe[p0 * C + c], x21 = pe[p0 * C + c + 1];
            double x12 = pe[(p0 + 1) * C + c], x22 = pe[(p0 + 1) * C + c + 1];
            double y11 = pe[(p0 + k) * C + c], y21 = pe[(p0 + k) * C + c + 1];
            double y12 = pe[(p0 + 1 + k) * C + c], y22 = pe[(p0 + 1 + k) * C + c + 1];
            double det = x11 * x22 - x12 * x21;
            if (fabs(det) < 1e-3) continue;  /* çok yavaş frekans: iki konum ayırt edilemez */
            double a11 = (y11 * x22 - y12 * x21) / det, a12 = (-y11 * x12 + y12 * x11) / det;
            double a21 = (y21 * x22 - y22 * x21) / det, a22 = (-y21 * x12 + y22 * x11) / det;
            /* Çözülen matris kütüphaneninkiyle aynı */
            ck_assert_float_eq_tol(M[c * C + c], (float)a11, 2e-3f);
            ck_assert_float_eq_tol(M[c * C + c + 1], (float)a12, 2e-3f);
            ck_assert_float_eq_tol(M[(c + 1) * C + c], (float)a21, 2e-3f);
            ck_assert_float_eq_tol(M[(c + 1) * C + c + 1], (float)a22, 2e-3f);
            /* ... ve başka konumlarda da tutuyor */
            for (int pos = 0; pos + k < T; pos += 7) {
                double s = pe[pos * C + c], co = pe[pos * C + c + 1];
                ck_assert_float_eq_tol(pe[(pos + k) * C + c], (float)(a11 * s + a12 * co), 3e-3f);
                ck_assert_float_eq_tol(pe[(pos + k) * C + c + 1], (float)(a21 * s + a22 * co), 3e-3f);
            }
        }
        /* Kütüphanenin M_k'sı tam PE vektörüne uygulanınca her pos'ta PE(pos+k)'yı verir */
        double worst = 0;
        for (int pos = 0; pos + k < T; pos++)
            for (int row = 0; row < C; row++) {
                double s = 0;
                for (int col = 0; col < C; col++) s += (double)M[row * C + col] * pe[pos * C + col];
                worst = fmax(worst, fabs(s - pe[(pos + k) * C + row]));
            }
        ck_assert_msg(worst < 1e-5, "k=%d: en büyük hata %g", k, worst);
    }
    /* Negatif k: geri kaydırma, M_{-k} = M_k^T (döndürmenin tersi devriğidir) */
    static float Mneg[C * C];
    posenc_shift_matrix(M, 5, C);
    posenc_shift_matrix(Mneg, -5, C);
    for (int a = 0; a < C; a++)
        for (int b = 0; b < C; b++) ck_assert_float_eq_tol(Mneg[a * C + b], M[b * C + a], 1e-7f);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("embed");
    TCase *tc = tcase_create("gömme-ln-pe");
    tcase_add_test(tc, test_embedding_forward_gathers_rows);
    tcase_add_test(tc, test_embedding_backward_gradcheck);
    tcase_add_exit_test(tc, test_embedding_bad_id_dies, 1);
    tcase_add_test(tc, test_layernorm_backward_gradcheck);
    tcase_add_test(tc, test_gradcheck_catches_wrong_layernorm_grad);
    tcase_add_test(tc, test_layernorm_rows_normalized);
    tcase_add_test(tc, test_layernorm_fast_matches_ref);
    tcase_add_test(tc, test_posenc_known_values);
    tcase_add_test(tc, test_posenc_add_every_batch);
    tcase_add_test(tc, test_posenc_shift_is_fixed_linear_map);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
