/*
 * bench.c — hız ve bellek ölçümü (make bench). Zamanlı test değil: yalnızca ölçer ve yazar.
 *
 *   build/bench mlp|cnn DATA EPOCHS THREADS  -> bir modeli tüm 60 000 örnekle eğitir,
 *        epoch başına en kısa süreyi, test doğruluğunu ve en yüksek belleği yazar
 *        (../shared/bench/torch_mnist.py ile aynı iş: aynı model, Adam 1e-3, yığın 128).
 *   build/bench gemm THREADS               -> derslerin GEMM şekillerinde GFLOP/s,
 *        kendi gemm'imiz ile OpenBLAS (cblas_sgemm) yan yana.
 *        THREADS "auto" ise dersin varsayılanı: bütün çekirdekler, makine meşgulse azalır.
 *   build/bench rss KOMUT...               -> komutu çalıştırır, en yüksek belleğini yazar.
 *   build/bench vae STEPS THREADS          -> lesson13'ün VAE eğitim adımı (784-400-20-400-784,
 *        yığın 128, ileri + geri + Adam) rastgele [0,1] yığınlarla; 3 ısınma adımından sonra
 *        STEPS adımın ortalaması: "RESULT model=vae sec_per_step=S params=P"
 *        (../shared/bench/torch_models.py vae ile aynı iş).
 */
#include <cblas.h>
#undef I   /* cblas.h <complex.h>'i çekiyor; I makrosu common/ içindeki I (girdi boyutu) adlarıyla çakışır */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <omp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "doaa.h"

static int train_bench(const char *kind, const char *dir, int epochs) {
    Mnist m;
    mnist_load(dir, &m);
    Net net;
    int cnn = strcmp(kind, "cnn") == 0;
    if (cnn) models_mnist_cnn(&net, 1, 28, 28, 10, 128, 1);
    else models_mnist_mlp(&net, 0.2f, 128, 1);
    Adam opt;
    adam_init(&opt, net.nparams, 1e-3f);
    TrainConfig cfg = train_config_default();
    cfg.epochs = epochs;
    cfg.quiet = 1;
    static TrainHistory h;
    train_classifier(&net, &opt, &m.train, NULL, m.train.n, NULL, NULL, 0, &cfg, &h);
    double best = h.epoch_s[0];
    for (int e = 1; e < h.epochs_run; e++)
        if (h.epoch_s[e] < best) best = h.epoch_s[e];
    float loss, acc;
    evaluate(&net, &m.test, NULL, m.test.n, cfg.norm, cfg.loss, &loss, &acc, NULL, NULL);
    printf("RESULT model=%s epochs=%d sec_per_epoch=%.3f test_acc=%.4f rss_mb=%.1f\n", kind,
           epochs, best, acc, peak_rss_kb() / 1024.0);
    adam_free(&opt);
    net_free(&net);
    mnist_free(&m);
    return 0;
}

static int gemm_bench(void) {
    static const int sh[][5] = {
        /* ta tb M N K — lesson02 MLP: ileri, dW, dX; lesson04 CNN conv2 (yığın im2col) */
        {0, 0, 128, 256, 784}, {1, 0, 784, 256, 128}, {0, 1, 128, 784, 256},
        {0, 0, 128, 128, 256}, {0, 0, 64, 1408, 288}, {0, 0, 512, 512, 512}};
    printf("%-22s %12s %12s %8s\n", "şekil (ta tb M N K)", "bizim GF/s", "OpenBLAS", "oran");
    double geo = 0;
    int n = (int)(sizeof sh / sizeof sh[0]);
    for (int s = 0; s < n; s++) {
        int ta = sh[s][0], tb = sh[s][1], M = sh[s][2], N = sh[s][3], K = sh[s][4];
        float *A = xmalloc((size_t)M * K * 4), *B = xmalloc((size_t)K * N * 4), *C = xmalloc((size_t)M * N * 4);
        Rng r;
        rng_seed(&r, 1);
        for (long i = 0; i < (long)M * K; i++) A[i] = rng_uniform(&r);
        for (long i = 0; i < (long)K * N; i++) B[i] = rng_uniform(&r);
        int lda = ta ? M : K, ldb = tb ? K : N;
        double fl = 2.0 * M * N * K, t_ours = 1e9, t_blas = 1e9;
        int reps = (int)(2e9 / fl) + 1;
        for (int trial = 0; trial < 3; trial++) {
            double t = now_sec();
            for (int i = 0; i < reps; i++) gemm(ta, tb, M, N, K, 1, A, lda, B, ldb, 0, C, N);
            t = (now_sec() - t) / reps;
            if (t < t_ours) t_ours = t;
            t = now_sec();
            for (int i = 0; i < reps; i++)
                cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                            M, N, K, 1, A, lda, B, ldb, 0, C, N);
            t = (now_sec() - t) / reps;
            if (t < t_blas) t_blas = t;
        }
        char name[64];
        snprintf(name, sizeof name, "%d %d %dx%dx%d", ta, tb, M, N, K);
        printf("%-22s %12.1f %12.1f %8.2f\n", name, fl / t_ours / 1e9, fl / t_blas / 1e9, t_blas / t_ours);
        geo += log(t_blas / t_ours);
        free(A); free(B); free(C);
    }
    printf("GEMM_RESULT geomean_ratio=%.3f\n", exp(geo / n));
    return 0;
}

static int rss_of(char **argv) {
    pid_t p = fork();
    if (p < 0) die("fork başarısız");
    if (p == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    int st;
    struct rusage ru;
    if (wait4(p, &st, 0, &ru) < 0) die("wait4 başarısız");
    printf("RSS_RESULT rss_mb=%.1f exit=%d\n", ru.ru_maxrss / 1024.0, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

static int vae_bench(int steps) {
    Vae m;
    int B = 128;
    vae_build(&m, 784, 400, 20, 1, B);
    vae_init_torch(&m, 1);
    Adam opt;
    adam_init(&opt, m.P.n, 1e-3f);
    Rng r;
    rng_seed(&r, 1);
    float *x = xmalloc((size_t)B * 784 * sizeof(float));
    double t0 = 0;
    for (int s = 0; s < steps + 3; s++) {
        if (s == 3) t0 = now_sec(); /* ısınma bitti */
        for (int i = 0; i < B * 784; i++) x[i] = rng_uniform(&r);
        for (int i = 0; i < B * 20; i++) m.eps[i] = rng_normal(&r);
        vae_forward(&m, x, B, m.eps);
        params_zero_grad(&m.P);
        vae_backward(&m, x, B);
        adam_step(&opt, m.P.params, m.P.grads);
    }
    printf("RESULT model=vae sec_per_step=%.6f params=%zu\n", (now_sec() - t0) / steps, m.P.n);
    free(x);
    adam_free(&opt);
    vae_free(&m);
    return 0;
}

/* İŞ_PARÇACIĞI "auto" ise dersin varsayılanı gibi: bütün çekirdekler, makine meşgulse
 * kendiliğinden azalır (core/threads.h); bir sayıysa tam o kadar. */
static void set_threads_arg(const char *s) {
    if (!strcmp(s, "auto")) threads_auto_begin(omp_get_num_procs());
    else omp_set_num_threads(atoi(s));
}

int main(int argc, char **argv) {
    if (argc >= 4 && !strcmp(argv[1], "vae")) {
        set_threads_arg(argv[3]);
        return vae_bench(atoi(argv[2]));
    }
    if (argc >= 5 && (!strcmp(argv[1], "mlp") || !strcmp(argv[1], "cnn"))) {
        set_threads_arg(argv[4]);
        return train_bench(argv[1], argv[2], atoi(argv[3]));
    }
    if (argc >= 3 && !strcmp(argv[1], "gemm")) {
        omp_set_num_threads(atoi(argv[2]));
        openblas_set_num_threads(atoi(argv[2]));
        return gemm_bench();
    }
    if (argc >= 3 && !strcmp(argv[1], "rss")) return rss_of(argv + 2);
    fprintf(stderr, "kullanım: bench mlp|cnn VERİ EPOCH İŞ_PARÇACIĞI | bench gemm İŞ_PARÇACIĞI | bench vae ADIM İŞ_PARÇACIĞI | bench rss KOMUT...\n");
    return 2;
}
