/* test_gemm.c — hızlı GEMM, düz referansa karşı: tüm devrik durumları, tek sayılı
 * şekiller, alpha/beta, dersin şekilleri ve iş parçacığı sayısından bağımsızlık. */
#include <omp.h>
#include "doaa.h"
#include "testutil.h"

static void fill(float *x, size_t n, Rng *r) {
    for (size_t i = 0; i < n; i++) x[i] = rng_uniform(r) * 2.0f - 1.0f;
}

static void check_case(int ta, int tb, int M, int N, int K, float alpha, float beta) {
    Rng r;
    rng_seed(&r, (uint64_t)(M * 131 + N * 17 + K + ta * 7 + tb * 3));
    int lda = (ta ? M : K) + 3, ldb = (tb ? K : N) + 1, ldc = N + 2; /* boşluklu satırlar */
    size_t na = (size_t)(ta ? K : M) * lda, nb = (size_t)(tb ? N : K) * ldb, nc = (size_t)M * ldc;
    float *A = malloc(na * 4), *B = malloc(nb * 4), *C1 = malloc(nc * 4), *C2 = malloc(nc * 4);
    fill(A, na, &r);
    fill(B, nb, &r);
    fill(C1, nc, &r);
    memcpy(C2, C1, nc * 4);
    gemm_ref(ta, tb, M, N, K, alpha, A, lda, B, ldb, beta, C1, ldc);
    gemm(ta, tb, M, N, K, alpha, A, lda, B, ldb, beta, C2, ldc);
    double worst = 0;
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) {
            double d = fabs(C1[(size_t)i * ldc + j] - C2[(size_t)i * ldc + j]);
            if (d > worst) worst = d;
        }
    /* Satır sonundaki boşluklar (j >= N) değişmemeli */
    ck_assert_msg(worst <= 1e-4 * (1 + sqrt((double)K)), "ta=%d tb=%d M=%d N=%d K=%d: fark %g", ta,
                  tb, M, N, K, worst);
    free(A); free(B); free(C1); free(C2);
}

START_TEST(test_all_transposes_odd_shapes) {
    const int shapes[][3] = {{1, 1, 1}, {7, 5, 3}, {13, 17, 19}, {6, 16, 1}, {37, 61, 300},
                             {100, 3, 513}, {5, 4099, 9},
                             /* mikro-karenin kenarları (AVX-512'de 12, 8, 4 satırlık
                              * çekirdekler; AVX2'de 6, 4, 2): tam ve eksik şeritler */
                             {20, 33, 40}, {8, 64, 17}, {16, 32, 5}, {24, 47, 70}, {4, 16, 8},
                             /* A'nın paketlendiği (N > PACK_A_MIN_N = 1024) ve paketlenmediği
                              * yollar, K birkaç dilimde (K > 384: sonraki dilimler C'ye ekler) */
                             {37, 1030, 300}, {13, 1100, 800}, {29, 70, 800}, {5, 1025, 2}};
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
        for (int ta = 0; ta < 2; ta++)
            for (int tb = 0; tb < 2; tb++)
                check_case(ta, tb, shapes[s][0], shapes[s][1], shapes[s][2], 1.0f, 0.0f);
}
END_TEST

START_TEST(test_alpha_beta) {
    for (int ta = 0; ta < 2; ta++)
        for (int tb = 0; tb < 2; tb++) {
            check_case(ta, tb, 23, 29, 31, 0.5f, 1.0f);
            check_case(ta, tb, 23, 29, 31, -2.0f, 0.25f);
            check_case(ta, tb, 23, 1029, 31, -2.0f, 0.25f);  /* A paketli yol */
            check_case(ta, tb, 23, 29, 900, 0.5f, 1.0f);     /* paketsiz, K üç dilim */
        }
}
END_TEST

START_TEST(test_lesson_shapes) {
    /* lesson02'nin MLP'si: ileri (128x784 * 784x256), dW (X^T dY), dX (dY W^T) */
    check_case(0, 0, 128, 256, 784, 1.0f, 1.0f);
    check_case(1, 0, 784, 256, 128, 1.0f, 1.0f);
    check_case(0, 1, 128, 784, 256, 1.0f, 0.0f);
    check_case(0, 0, 128, 10, 128, 1.0f, 1.0f);
}
END_TEST

START_TEST(test_beta_zero_ignores_nan) {
    /* beta == 0 iken C'deki eski değerler (NaN bile olsa) okunmamalı */
    float A[6] = {1, 2, 3, 4, 5, 6}, B[6] = {1, 0, 0, 1, 1, 1}, C[4] = {NAN, NAN, NAN, NAN};
    gemm(0, 0, 2, 2, 3, 1.0f, A, 3, B, 2, 0.0f, C, 2);
    ck_assert_float_eq(C[0], 4.0f);
    ck_assert_float_eq(C[1], 5.0f);
    ck_assert_float_eq(C[2], 10.0f);
    ck_assert_float_eq(C[3], 11.0f);
}
END_TEST

START_TEST(test_thread_count_independent) {
    int M = 130, N = 70, K = 300;
    Rng r;
    rng_seed(&r, 5);
    float *A = malloc((size_t)M * K * 4), *B = malloc((size_t)K * N * 4);
    float *C1 = malloc((size_t)M * N * 4), *C2 = malloc((size_t)M * N * 4);
    fill(A, (size_t)M * K, &r);
    fill(B, (size_t)K * N, &r);
    omp_set_num_threads(1);
    gemm(0, 0, M, N, K, 1.0f, A, K, B, N, 0.0f, C1, N);
    omp_set_num_threads(2);
    gemm(0, 0, M, N, K, 1.0f, A, K, B, N, 0.0f, C2, N);
    ck_assert_int_eq(memcmp(C1, C2, (size_t)M * N * 4), 0);
    free(A); free(B); free(C1); free(C2);
}
END_TEST

/* Paralel bölgenin içinden çağrılan gemm (ör. dikkatin baş başına çarpımları): her iş
 * parçacığı kendi tamponunu kullanır; şekiller iş parçacığına ve tura göre değişir, tampon
 * büyür. Sonuçlar dışarıda gemm_ref ile karşılaştırılır. */
START_TEST(test_nested_calls) {
    enum { NT = 4, ROUNDS = 3 };
    Rng r;
    rng_seed(&r, 9);
    int M[NT][ROUNDS], N[NT][ROUNDS], K[NT][ROUNDS];
    float *A[NT][ROUNDS], *B[NT][ROUNDS], *C[NT][ROUNDS];
    for (int t = 0; t < NT; t++)
        for (int k = 0; k < ROUNDS; k++) {
            M[t][k] = 5 + 23 * t + 17 * k, N[t][k] = 7 + 31 * k + 3 * t, K[t][k] = 9 + 40 * k + t;
            A[t][k] = malloc((size_t)M[t][k] * K[t][k] * 4);
            B[t][k] = malloc((size_t)N[t][k] * K[t][k] * 4);
            C[t][k] = malloc((size_t)M[t][k] * N[t][k] * 4);
            fill(A[t][k], (size_t)M[t][k] * K[t][k], &r);
            fill(B[t][k], (size_t)N[t][k] * K[t][k], &r);
        }
    omp_set_num_threads(2);
#pragma omp parallel for schedule(static, 1)
    for (int t = 0; t < NT; t++)
        for (int k = 0; k < ROUNDS; k++)
            gemm(t & 1, 1, M[t][k], N[t][k], K[t][k], 1.0f, A[t][k], (t & 1) ? M[t][k] : K[t][k],
                 B[t][k], K[t][k], 0.0f, C[t][k], N[t][k]);
    for (int t = 0; t < NT; t++)
        for (int k = 0; k < ROUNDS; k++) {
            int m = M[t][k], n = N[t][k], kk = K[t][k];
            float *R = malloc((size_t)m * n * 4);
            gemm_ref(t & 1, 1, m, n, kk, 1.0f, A[t][k], (t & 1) ? m : kk, B[t][k], kk, 0.0f, R, n);
            for (int i = 0; i < m * n; i++)
                ck_assert_msg(fabsf(R[i] - C[t][k][i]) <= 1e-4f * (1 + sqrtf((float)kk)),
                              "t=%d tur=%d: %d. eleman %g, beklenen %g", t, k, i, C[t][k][i], R[i]);
            free(R);
            free(A[t][k]), free(B[t][k]), free(C[t][k]);
        }
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("gemm");
    TCase *tc = tcase_create("çekirdek");
    tcase_add_test(tc, test_all_transposes_odd_shapes);
    tcase_add_test(tc, test_alpha_beta);
    tcase_add_test(tc, test_lesson_shapes);
    tcase_add_test(tc, test_beta_zero_ignores_nan);
    tcase_add_test(tc, test_thread_count_independent);
    tcase_add_test(tc, test_nested_calls);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
