/* test_vae.c — VAE çekirdekleri (nn/latent) ve modeli (model/vae): her geri geçiş
 * sonlu farklarla, biriktirme kuralı (+=), örnekleme adımından geçen gradyan (sabit ε),
 * kapalı biçim KL'nin Monte Carlo tahminiyle uyuşması, kaydet/yükle ve bozuk dosyalar.
 * PyTorch eşliği tests/test_parity.c'dedir (fikstürler "latent" ve "vae"). */
#include <unistd.h>
#include "doaa.h"
#include "testutil.h"

static void fill(float *a, size_t n, Rng *r, float lo, float hi) {
    for (size_t i = 0; i < n; i++) a[i] = lo + (hi - lo) * rng_uniform(r);
}

/* ---- tek tek çekirdekler: kayıp = Σ c_i · çıktı_i (c rastgele) ---- */
enum { KB = 3, KD = 5, KJ = 4 };
typedef struct {
    float z[KB * KD], x[KB * KD];
    float mu[KB * KJ], lv[KB * KJ], eps[KB * KJ], c[KB * KJ];
} KCtx;

static double bce_loss(void *p) {
    KCtx *k = p;
    return bce_logits_sum_forward(NULL, k->z, k->x, KB, KD);
}
static double kl_loss_mu(void *p) {
    KCtx *k = p;
    return gauss_kl_forward(NULL, k->mu, k->lv, KB, KJ);
}
static double rp_loss(void *p) {
    KCtx *k = p;
    float z[KB * KJ];
    reparam_forward(z, k->mu, k->lv, k->eps, KB * KJ);
    double s = 0;
    for (int i = 0; i < KB * KJ; i++) s += (double)k->c[i] * z[i];
    return s;
}

START_TEST(test_kernels_gradcheck_and_accumulate) {
    KCtx k;
    Rng r;
    rng_seed(&r, 3);
    fill(k.z, KB * KD, &r, -4, 4);
    fill(k.x, KB * KD, &r, 0, 1);
    fill(k.mu, KB * KJ, &r, -2, 2);
    fill(k.lv, KB * KJ, &r, -2, 1);
    fill(k.c, KB * KJ, &r, -1, 1);
    for (int i = 0; i < KB * KJ; i++) k.eps[i] = rng_normal(&r);
    /* BCE toplamı: yığın ortalaması → ölçek 1/B */
    float dz[KB * KD], d0[KB * KD];
    fill(d0, KB * KD, &r, -1, 1);
    memcpy(dz, d0, sizeof dz);
    bce_logits_sum_backward(dz, k.z, k.x, KB, KD, 1.0f / KB);
    float g[KB * KD];
    for (int i = 0; i < KB * KD; i++) g[i] = dz[i] - d0[i]; /* eklenen kısım */
    GradCheck gc = gradcheck(bce_loss, &k, k.z, g, KB * KD, 1000, 1e-2, 1e-3, 1e-5);
    ck_assert_uint_eq(gc.checked, KB * KD);
    ck_assert_msg(gc.worst <= 1.0, "BCE en kötü %g (sayısal %g analitik %g)", gc.worst, gc.numeric,
                  gc.analytic);
    /* KL: μ ve lv'ye göre; önceden dolu gradyanlara EKLENMELİ */
    float dmu[KB * KJ], dlv[KB * KJ], m0[KB * KJ], l0[KB * KJ];
    fill(m0, KB * KJ, &r, -1, 1);
    fill(l0, KB * KJ, &r, -1, 1);
    memcpy(dmu, m0, sizeof dmu);
    memcpy(dlv, l0, sizeof dlv);
    gauss_kl_backward(dmu, dlv, k.mu, k.lv, KB * KJ, 1.0f / KB);
    for (int i = 0; i < KB * KJ; i++) dmu[i] -= m0[i], dlv[i] -= l0[i];
    gc = gradcheck(kl_loss_mu, &k, k.mu, dmu, KB * KJ, 1000, 1e-2, 1e-3, 1e-5);
    ck_assert_msg(gc.checked == KB * KJ && gc.worst <= 1.0, "KL/μ en kötü %g", gc.worst);
    gc = gradcheck(kl_loss_mu, &k, k.lv, dlv, KB * KJ, 1000, 1e-2, 1e-3, 1e-5);
    ck_assert_msg(gc.checked == KB * KJ && gc.worst <= 1.0, "KL/lv en kötü %g", gc.worst);
    /* yeniden parametreleme: dz = c */
    memcpy(dmu, m0, sizeof dmu);
    memcpy(dlv, l0, sizeof dlv);
    reparam_backward(dmu, dlv, k.c, k.lv, k.eps, KB * KJ);
    for (int i = 0; i < KB * KJ; i++) dmu[i] -= m0[i], dlv[i] -= l0[i];
    gc = gradcheck(rp_loss, &k, k.mu, dmu, KB * KJ, 1000, 1e-2, 1e-3, 1e-5);
    ck_assert_msg(gc.checked == KB * KJ && gc.worst <= 1.0, "reparam/μ en kötü %g", gc.worst);
    gc = gradcheck(rp_loss, &k, k.lv, dlv, KB * KJ, 1000, 1e-2, 1e-3, 1e-5);
    ck_assert_msg(gc.checked == KB * KJ && gc.worst <= 1.0, "reparam/lv en kötü %g", gc.worst);
    /* denetleyici yanlış bir gradyanı yakalar: lv türevinde ½ unutulursa */
    for (int i = 0; i < KB * KJ; i++) dlv[i] *= 2.0f;
    gc = gradcheck(rp_loss, &k, k.lv, dlv, KB * KJ, 1000, 1e-2, 1e-3, 1e-5);
    ck_assert_msg(gc.worst > 1.0, "bozuk gradyan geçmemeliydi");
}
END_TEST

START_TEST(test_bce_kl_values) {
    /* z = 0: σ = ½, her piksel ln 2 */
    float z[4] = {0, 0, 0, 0}, x[4] = {0, 1, 0.5f, 0.25f}, per[1];
    ck_assert_close(bce_logits_sum_forward(per, z, x, 1, 4), 4 * log(2.0), 1e-6);
    /* büyük logit: taşma yok, kayıp ≈ |z| */
    float zb[2] = {80.0f, -80.0f}, xb[2] = {0, 1};
    ck_assert_close(bce_logits_sum_forward(NULL, zb, xb, 1, 2), 160.0, 1e-5);
    /* KL: μ=0, σ=1 → 0; μ=0.5, σ²=0.25 → ½(0.25+0.25-1-ln 0.25) */
    float mu[2] = {0, 0.5f}, lv[2] = {0, logf(0.25f)};
    ck_assert_close(gauss_kl_forward(NULL, mu, lv, 1, 1), 0.0, 1e-9);
    ck_assert_close(gauss_kl_forward(NULL, mu + 1, lv + 1, 1, 1),
                    0.5 * (0.25 + 0.25 - 1 - log(0.25)), 1e-6);
    /* kapalı biçim = Monte Carlo E_q[log q(z) - log p(z)] */
    Rng r;
    rng_seed(&r, 11);
    double s = 0;
    int N = 200000;
    double m = 0.5, sd = 0.5;
    for (int i = 0; i < N; i++) {
        double e = rng_normal(&r), zz = m + sd * e;
        s += (-0.5 * e * e - log(sd)) - (-0.5 * zz * zz);
    }
    ck_assert_close(s / N, 0.5 * (0.25 + 0.25 - 1 - log(0.25)), 0.01);
}
END_TEST

/* ---- bütün model: sabit ε ile sonlu farklar ---- */
typedef struct {
    Vae *m;
    float *x, *eps;
    int B;
} MCtx;
static double model_loss(void *p) {
    MCtx *c = p;
    return vae_forward(c->m, c->x, c->B, c->m->variational ? c->eps : NULL);
}

static void check_model_grad(int variational) {
    Vae m;
    int D = 10, H = 6, J = 3, B = 4;
    vae_build(&m, D, H, J, variational, B);
    vae_init_torch(&m, 5);
    Rng r;
    rng_seed(&r, 9);
    float x[4 * 10], eps[4 * 3];
    fill(x, (size_t)B * D, &r, 0, 1);
    for (int i = 0; i < B * J; i++) eps[i] = rng_normal(&r);
    MCtx c = {&m, x, eps, B};
    model_loss(&c);
    params_zero_grad(&m.P);
    vae_backward(&m, x, B);
    /* biriktirme: ikinci geri geçiş gradyanı tam iki katına çıkarır */
    float *g1 = xmalloc(m.P.n * sizeof(float));
    memcpy(g1, m.P.grads, m.P.n * sizeof(float));
    vae_backward(&m, x, B);
    for (size_t i = 0; i < m.P.n; i++) ck_assert_float_eq_tol(m.P.grads[i], 2 * g1[i], 1e-6);
    GradCheck gc = gradcheck(model_loss, &c, m.P.params, g1, m.P.n, 100000, 1e-3, 2e-2, 1e-4);
    ck_assert_uint_eq(gc.checked, m.P.n);
    ck_assert_msg(gc.rel_norm < 1e-3, "%s: rel_norm %g", variational ? "VAE" : "AE", gc.rel_norm);
    ck_assert_msg(gc.passed >= gc.checked - 2, "%s: %zu/%zu geçti, en kötü %g (s %g a %g)",
                  variational ? "VAE" : "AE", gc.passed, gc.checked, gc.worst, gc.numeric,
                  gc.analytic);
    /* log σ² katmanının (fc22) gradyanı gerçekten sıfırdan farklı: örnekleme adımından geçiyor */
    if (variational) {
        double s = 0;
        for (int i = 0; i < H * J; i++) s += fabs(m.g.fc22w[i]);
        ck_assert(s > 0);
    }
    free(g1);
    vae_free(&m);
}

START_TEST(test_model_gradcheck_vae) { check_model_grad(1); }
END_TEST
START_TEST(test_model_gradcheck_ae) { check_model_grad(0); }
END_TEST

/* ---- kaydet / yükle ---- */
START_TEST(test_save_load_and_bad_files) {
    char dir[] = "/tmp/doaa_vae_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char p[300], q[300], err[512];
    snprintf(p, sizeof p, "%s/v.model", dir);
    Vae a, b;
    vae_build(&a, 16, 8, 2, 1, 4);
    vae_init_torch(&a, 1);
    ck_assert_msg(vae_save(&a, p, "deneme", err, sizeof err) == 0, "%s", err);
    ck_assert_msg(vae_load(&b, p, 1, 4, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(b.J, 2);
    ck_assert_int_eq(memcmp(a.P.params, b.P.params, a.P.n * 4), 0);
    vae_free(&b);
    /* AE beklenirken VAE dosyası: reddedilir, dosya adı mesajda */
    ck_assert_int_eq(vae_load(&b, p, 0, 4, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "v.model"), "%s", err);
    /* kesik dosya */
    snprintf(q, sizeof q, "%s/kesik.model", dir);
    FILE *in = fopen(p, "rb"), *out = fopen(q, "wb");
    char buf[200];
    ck_assert_int_eq((int)fread(buf, 1, sizeof buf, in), (int)sizeof buf);
    fwrite(buf, 1, sizeof buf, out);
    fclose(in), fclose(out);
    ck_assert_int_eq(vae_load(&b, q, -1, 4, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "kesik.model"), "%s", err);
    /* metin dosyası */
    snprintf(q, sizeof q, "%s/metin.txt", dir);
    out = fopen(q, "w");
    fputs("bu bir model değil\n", out);
    fclose(out);
    ck_assert_int_eq(vae_load(&b, q, -1, 4, err, sizeof err), -1);
    /* dev boyut isteyen ama küçük dosya: ayırmadan önce reddedilir */
    Params P;
    float *w = NULL;
    params_init(&P);
    params_add(&P, "fc1.weight", &w, NULL, 4);
    params_alloc(&P);
    CkptInt conf[] = {{"D", 60000}, {"H", 16000}, {"J", 1000}};
    snprintf(q, sizeof q, "%s/dev.model", dir);
    ck_assert_msg(ckpt_save(q, "vae", conf, 3, NULL, &P, err, sizeof err) == 0, "%s", err);
    params_free(&P);
    ck_assert_int_eq(vae_load(&b, q, 1, 4, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "dev.model") && strstr(err, "küçük"), "%s", err);
    vae_free(&a);
    snprintf(buf, sizeof buf, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(buf), 0);
}
END_TEST

/* ---- vae_train_epoch ve vae_decode_images ----
 * 4x4'lük 40 sentetik görüntü (çizgi desenleri). Ortak epoch döngüsü, elle yazılmış
 * (dersin eski) döngüsüyle bit bit aynı ağırlıkları vermeli; birkaç epoch kaybı düşürmeli. */
START_TEST(test_train_epoch_and_decode) {
    enum { N = 40, P = 16, BB = 8 };
    uint8_t pix[N * P];
    Rng g;
    rng_seed(&g, 5);
    for (int i = 0; i < N; i++)
        for (int k = 0; k < P; k++) /* satır i%4 ya da sütun i%4 parlak, biraz gri gürültü */
            pix[i * P + k] = (uint8_t)(((i & 4) ? k % 4 == i % 4 : k / 4 == i % 4) ? 230
                                                                             : rng_int(&g, 8));
    ImageSet set = {.images = pix, .labels = NULL, .n = N, .rows = 4, .cols = 4, .channels = 1};
    for (int variational = 0; variational <= 1; variational++) {
        Vae a, b;
        vae_build(&a, P, 6, 2, variational, BB);
        vae_build(&b, P, 6, 2, variational, BB);
        vae_init_torch(&a, 3);
        vae_init_torch(&b, 3);
        Adam oa, ob;
        adam_init(&oa, a.P.n, 1e-2f);
        adam_init(&ob, b.P.n, 1e-2f);
        Batcher ba, bb;
        batcher_init(&ba, &set, NULL, N, BB);
        batcher_init(&bb, &set, NULL, N, BB);
        Rng ra, rb;
        rng_seed(&ra, 9);
        rng_seed(&rb, 9);
        double first = 0, last = 0, rec, kl;
        for (int e = 0; e < 60; e++) {
            vae_train_epoch(&a, &oa, &ba, &ra, &rec, &kl);
            if (e == 0) first = rec + kl;
            last = rec + kl;
            /* elle: karıştır, her yığında ε çek, ileri, sıfırla, geri, Adam */
            float x[BB * P];
            int B;
            batcher_shuffle(&bb, &rb);
            while ((B = batcher_next(&bb, x, NULL, (Norm){.kind = NORM_MINMAX})) > 0) {
                for (int i = 0; i < B * b.J; i++) b.eps[i] = rng_normal(&rb);
                vae_forward(&b, x, B, variational ? b.eps : NULL);
                params_zero_grad(&b.P);
                vae_backward(&b, x, B);
                adam_step(&ob, b.P.params, b.P.grads);
            }
        }
        ck_assert_int_eq(memcmp(a.P.params, b.P.params, a.P.n * sizeof(float)), 0);
        ck_assert_msg(last < 0.85 * first, "kayıp düşmedi (%d): %g -> %g", variational, first, last);
        ck_assert_msg(variational ? kl > 0 : kl == 0, "KL %g", kl);
        /* vae_decode_images: max_batch'ten büyük n dilim dilim, σ(logit) */
        enum { NZ = 19 };
        float z[NZ * 2], img[NZ * P];
        for (int i = 0; i < NZ * 2; i++) z[i] = rng_normal(&g);
        vae_decode_images(&a, z, NZ, img);
        for (int i = 0; i < NZ; i++) {
            vae_decode(&b, z + 2 * i, 1);
            for (int k = 0; k < P; k++)
                ck_assert_float_eq_tol(img[i * P + k], 1.0f / (1.0f + expf(-b.logits[k])), 1e-6f);
        }
        batcher_free(&ba), batcher_free(&bb);
        adam_free(&oa), adam_free(&ob);
        vae_free(&a), vae_free(&b);
    }
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("vae");
    TCase *tc = tcase_create("cekirdek");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_kernels_gradcheck_and_accumulate);
    tcase_add_test(tc, test_bce_kl_values);
    tcase_add_test(tc, test_model_gradcheck_vae);
    tcase_add_test(tc, test_model_gradcheck_ae);
    tcase_add_test(tc, test_save_load_and_bad_files);
    tcase_add_test(tc, test_train_epoch_and_decode);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
