/*
 * bench.c — hız ve bellek ölçümü (make bench). Zamanlı test değil: yalnızca ölçer ve yazar.
 *
 *   build/bench mlp|cnn DATA EPOCHS THREADS  -> bir modeli tüm 60 000 örnekle eğitir,
 *        epoch başına en kısa süreyi, test doğruluğunu ve en yüksek belleği yazar
 *        (../shared/bench/torch_mnist.py ile aynı iş: aynı model, Adam 1e-3, yığın 128).
 *   build/bench gemm THREADS               -> derslerin GEMM şekillerinde GFLOP/s,
 *        kendi gemm'imiz ile OpenBLAS (cblas_sgemm) yan yana.
 *        THREADS "auto" ise dersin varsayılanı: bütün çekirdekler, makine meşgulse azalır.
 *   build/bench peak                       -> tek çekirdeğin ölçülen tepe FMA hızı (GFLOP/s).
 *   build/bench mlpprof DATA [EPOCHS]      -> lesson02 MLP'sinin epoch'u parça parça (tek iş
 *        parçacığı, işlemci zamanı): yığın, her katmanın ileri/geri geçişi, kayıp, Adam.
 *   build/bench layers THREADS             -> lesson04 CNN ve lesson02 MLP katmanları tek tek:
 *        ileri/geri ms, etkin GFLOP/s, tepeye oranı.
 *   build/bench rss KOMUT...               -> komutu çalıştırır, en yüksek belleğini yazar.
 *   build/bench vae STEPS THREADS          -> lesson13'ün VAE eğitim adımı (784-400-20-400-784,
 *        yığın 128, ileri + geri + Adam) rastgele [0,1] yığınlarla; 3 ısınma adımından sonra
 *        STEPS adımın ortalaması: "RESULT model=vae sec_per_step=S params=P"
 *        (../shared/bench/torch_models.py vae ile aynı iş).
 *   build/bench gpt STEPS THREADS V C NH NL T B GEN -> lesson16'nın GPT'si (FF = 4C):
 *        bir eğitim adımı (ileri + geri + kırpma + AdamW) rastgele simgelerle, 3 ısınma
 *        adımından sonra STEPS adımın ortalaması; sonra GEN simgelik üretim (sıcaklık 1)
 *        KV önbelleğiyle ve önbelleksiz (her simgede son en çok T simgenin tamamı yeniden
 *        hesaplanır — torch_models.py gpt'nin döngüsü gibi):
 *        "RESULT model=gpt sec_per_step=S params=P tok_per_s=.. gen_tok_per_s=..
 *         gen_nocache_tok_per_s=.."
 *   build/bench gru_seq2seq STEPS THREADS L A -> lesson06'nın dikkatli GRU kodlayıcı–kod
 *        çözücüsünün bir eğitim adımı (E = 16, H = 128, dikkat gizli boyu A, yığın 32,
 *        ters çevirme sözlüğü 13 simge, kaynak ve hedef L+1 simge, öğretmen zorlaması,
 *        ileri + geri + Adam): "RESULT model=gru_seq2seq sec_per_step=S params=P".
 *   build/bench transformer STEPS THREADS L -> lesson12'nin Transformer'ının bir eğitim
 *        adımı (C = 64, 4 baş, FF = 128, her yanda 2 katman, yığın 32, aynı sözlük ve
 *        uzunluklar). Model dersin kendi kodudur: lessons/lesson12_transformer.c buraya
 *        eklenir (main'i lesson12_main adını alır).
 */
#include <cblas.h>
#undef I   /* cblas.h <complex.h>'i çekiyor; I makrosu common/ içindeki I (girdi boyutu) adlarıyla çakışır */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <omp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "doaa.h"
#include "core/simd.h"
#include "model/gpt.h"
#include "model/layers.h"
#include "nn/sample.h"

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

/* lesson02 MLP'sinin bir epoch'u parça parça (bench mlpprof VERİ): train_step'in işi elle,
 * her parçanın çevresinde iş parçacığının işlemci zamanı (yük altında da anlamlı; tek iş
 * parçacığı için). Parçalar: yığın doldurma, her katmanın ileri geçişi, kayıp ve çıkış
 * gradyanı, gradyanları sıfırlama, her katmanın geri geçişi (ara tamponun sıfırlanmasıyla),
 * Adam. Sonuç train_step ile aynıdır (aynı çağrılar, aynı sıra). */
static double thread_sec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}
/* UTF-8 metni en az w sütuna tamamlar (printf'in %-30s'i baytı sayar, harfi değil). */
static void print_row(const char *label, double ms) {
    int cols = 0;
    for (const char *q = label; *q; q++) cols += ((unsigned char)*q & 0xC0) != 0x80;
    printf("  %s%*s %8.1f ms\n", label, cols < 30 ? 30 - cols : 0, "", ms);
}
static int mlp_profile(const char *dir, int epochs) {
    Mnist m;
    mnist_load(dir, &m);
    Net net;
    models_mnist_mlp(&net, 0.2f, 128, 1);
    Adam opt;
    adam_init(&opt, net.nparams, 1e-3f);
    TrainConfig cfg = train_config_default();
    int Bmax = cfg.batch, K = (int)net_out_size(&net), nl = net.n;
    float *x = xmalloc((size_t)Bmax * net_in_size(&net) * sizeof(float));
    int *y = xmalloc((size_t)Bmax * sizeof(int));
    Batcher bt;
    batcher_init(&bt, &m.train, NULL, m.train.n, Bmax);
    Rng rng;
    rng_seed(&rng, cfg.seed);
    enum { P_BATCH, P_LOSS, P_ZERO, P_ADAM, P_FWD0 };
    double t[P_FWD0 + 2 * NET_MAX_LAYERS];
    double best_total = 1e9, best[P_FWD0 + 2 * NET_MAX_LAYERS];
    for (int e = 0; e < epochs; e++) {
        memset(t, 0, sizeof t);
        batcher_shuffle(&bt, &rng);
        int B;
        double c = thread_sec(), c0 = c, c1;
#define LAP(slot) (c1 = thread_sec(), t[slot] += c1 - c, c = c1)
        while ((B = batcher_next(&bt, x, y, cfg.norm)) > 0) {
            LAP(P_BATCH);
            const float *cur = x;
            for (int i = 0; i < nl; i++) {
                Layer *l = &net.L[i];
                layer_ops(l->kind)->forward(l, l->act, cur, net.params + l->w_off,
                                            net.params + l->b_off, B, 1, &net.rng);
                cur = l->act;
                LAP(P_FWD0 + i);
            }
            memset(net.dlogits, 0, (size_t)B * K * sizeof(float));
            softmax_xent_forward(net.probs, cur, y, B, K);
            softmax_xent_backward(net.dlogits, net.probs, y, B, K);
            LAP(P_LOSS);
            net_zero_grad(&net);
            LAP(P_ZERO);
            const float *dcur = net.dlogits;
            for (int i = nl - 1, tb = 0; i >= 0; i--, tb ^= 1) {
                Layer *l = &net.L[i];
                float *dinp = i ? net.dbuf[tb] : NULL;
                if (dinp) memset(dinp, 0, (size_t)B * layer_in_size(l) * sizeof(float));
                layer_ops(l->kind)->backward(l, dinp, net.grads + l->w_off, net.grads + l->b_off,
                                             dcur, i ? net.L[i - 1].act : x,
                                             net.params + l->w_off, B);
                dcur = dinp;
                LAP(P_FWD0 + nl + i);
            }
            adam_step(&opt, net.params, net.grads);
            LAP(P_ADAM);
        }
#undef LAP
        if (c - c0 < best_total) {
            best_total = c - c0;
            memcpy(best, t, sizeof t);
        }
    }
    /* Aynı iş train_step ile (net_forward/net_backward'ın birleştirmeleriyle: ReLU + dropout
     * tek geçiş): derslerin gerçekten koştuğu yol. */
    double best_step = 1e9;
    for (int e = 0; e < epochs; e++) {
        batcher_shuffle(&bt, &rng);
        int B;
        double c0 = thread_sec(), tfill = 0;
        for (;;) {
            double cf = thread_sec();
            if ((B = batcher_next(&bt, x, y, cfg.norm)) <= 0) break;
            tfill += thread_sec() - cf;
            train_step(&net, &opt, x, y, B, cfg.loss, NULL);
        }
        double tt = thread_sec() - c0;
        if (tt < best_step) best_step = tt;
        (void)tfill;
    }
    float loss, acc;
    evaluate(&net, &m.test, NULL, m.test.n, cfg.norm, cfg.loss, &loss, &acc, NULL, NULL);
    printf("lesson02 MLP, bir epoch (%d yığın), iş parçacığı işlemci zamanı, %d epoch'un en iyisi\n",
           batcher_steps(&bt), epochs);
    print_row("yığın doldurma (batch_fill)", 1e3 * best[P_BATCH]);
    char name[64], desc[32];
    for (int i = 0; i < nl; i++) {
        layer_ops(net.L[i].kind)->describe ? layer_ops(net.L[i].kind)->describe(&net.L[i], desc, sizeof desc)
                                           : snprintf(desc, sizeof desc, "%s", layer_ops(net.L[i].kind)->name);
        snprintf(name, sizeof name, "ileri %d %s", i + 1, desc);
        print_row(name, 1e3 * best[P_FWD0 + i]);
    }
    print_row("kayıp + çıkış gradyanı", 1e3 * best[P_LOSS]);
    print_row("gradyanları sıfırlama", 1e3 * best[P_ZERO]);
    for (int i = nl - 1; i >= 0; i--) {
        layer_ops(net.L[i].kind)->describe ? layer_ops(net.L[i].kind)->describe(&net.L[i], desc, sizeof desc)
                                           : snprintf(desc, sizeof desc, "%s", layer_ops(net.L[i].kind)->name);
        snprintf(name, sizeof name, "geri %d %s", i + 1, desc);
        print_row(name, 1e3 * best[P_FWD0 + nl + i]);
    }
    print_row("Adam", 1e3 * best[P_ADAM]);
    print_row("TOPLAM", 1e3 * best_total);
    print_row("train_step ile (birleşik)", 1e3 * best_step);
    printf("  test doğruluğu %.4f\n", acc);
    free(x);
    free(y);
    batcher_free(&bt);
    adam_free(&opt);
    net_free(&net);
    mnist_free(&m);
    return 0;
}

/* Seyrek giriş yolu ile GEMM yan yana (bench sparse VERİ): lesson02'nin ilk katmanı
 * (784 -> 256, yığın 128) gerçek MNIST yığınlarıyla; girişin sıfır olmayan oranını
 * yapay olarak artırarak (sıfırları küçük değerlerle doldurarak) eşiğin nerede olması
 * gerektiğini de gösterir. İş parçacığı işlemci zamanı, tek iş parçacığı. */
static float *rnd(size_t n, Rng *r);
static int sparse_bench(const char *dir) {
    Mnist m;
    mnist_load(dir, &m);
    enum { B = 128, IN = 784, OUT = 256 };
    Rng r;
    rng_seed(&r, 7);
    float *x = xmalloc(sizeof(float) * B * IN), *W = rnd((size_t)IN * OUT, &r);
    float *bias = rnd(OUT, &r), *y = xmalloc(sizeof(float) * B * OUT);
    float *dy = rnd((size_t)B * OUT, &r), *dW = xcalloc((size_t)IN * OUT, sizeof(float));
    void *work = xmalloc(dense_sparse_work_floats(B, IN) * sizeof(float));
    int idx[B];
    for (int b = 0; b < B; b++) idx[b] = rng_int(&r, m.train.n);
    Norm nm = {.kind = NORM_MINMAX};
    printf("ilk katman 784->256, yığın 128, tek iş parçacığı, çağrı başına ms\n");
    printf("%10s %10s %10s %10s %10s\n", "yoğunluk", "GEMM ileri", "seyrek", "GEMM dW", "seyrek dW");
    static const float fill[] = {0.0f, 0.1f, 0.2f, 0.3f, 0.5f};
    for (size_t f = 0; f < sizeof fill / sizeof fill[0]; f++) {
        batch_fill(x, NULL, &m.train, idx, B, nm);
        for (int i = 0; i < B * IN; i++)
            if (x[i] == 0.0f && rng_uniform(&r) < fill[f]) x[i] = 0.5f;
        long nz = 0;
        for (int i = 0; i < B * IN; i++) nz += x[i] != 0.0f;
        double t[4];
        for (int k = 0; k < 4; k++) {
            double best = 1e9;
            for (int trial = 0; trial < 7; trial++) {
                double c = thread_sec();
                for (int rep = 0; rep < 20; rep++) {
                    if (k == 0) dense_forward(y, x, W, bias, B, IN, OUT);
                    else if (k == 1) { if (!dense_forward_sparse(y, x, W, bias, B, IN, OUT, work)) break; }
                    else if (k == 2) dense_backward(NULL, dW, NULL, dy, x, W, B, IN, OUT);
                    else if (!dense_backward_dw_sparse(dW, dy, x, B, IN, OUT, work)) break;
                }
                c = (thread_sec() - c) / 20;
                if (c < best) best = c;
            }
            t[k] = best;
        }
        /* eşiğin üstünde seyrek yol çalışmaz ("-") */
        char s1[16] = "-", s3[16] = "-";
        if ((double)nz / (B * IN) <= DENSE_SPARSE_MAX_DENSITY) {
            snprintf(s1, sizeof s1, "%.3f", 1e3 * t[1]);
            snprintf(s3, sizeof s3, "%.3f", 1e3 * t[3]);
        }
        printf("%9.1f%% %10.3f %10s %10.3f %10s\n", 100.0 * nz / (B * IN), 1e3 * t[0], s1,
               1e3 * t[2], s3);
    }
    free(x); free(W); free(bias); free(y); free(dy); free(dW); free(work);
    mnist_free(&m);
    return 0;
}

/* Tek iş parçacığında süre, sürecin harcadığı işlemci zamanıyla ölçülür: makine başka
 * işlerle yüklüyken duvar saati beklemeyi de sayar (iki taraf için de). */
static int g_cpu_clock;
static double bench_sec(void) {
    if (!g_cpu_clock) return now_sec();
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int gemm_bench(void) {
    static const int sh[][5] = {
        /* ta tb M N K — lesson02 MLP: ileri, dW, dX; lesson04 CNN conv2 (yığın im2col) */
        {0, 0, 128, 256, 784}, {1, 0, 784, 256, 128}, {0, 1, 128, 784, 256},
        {0, 0, 128, 128, 256}, {0, 0, 64, 1408, 288}, {0, 0, 512, 512, 512}};
    printf("GEMM, %d şeritlik vektörler, süre: %s\n", SIMD_W,
           g_cpu_clock ? "işlemci zamanı (1 iş parçacığı)" : "duvar saati");
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
        /* Isınma (ölçülmez): C'nin sayfalarına ilk dokunuş, paket tamponlarının ayrılması,
         * OpenBLAS'ın ilk çağrı hazırlığı ilk şeklin ilk denemesine yazılmasın. */
        gemm(ta, tb, M, N, K, 1, A, lda, B, ldb, 0, C, N);
        cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                    M, N, K, 1, A, lda, B, ldb, 0, C, N);
        for (int trial = 0; trial < 5; trial++) {
            double t = bench_sec();
            for (int i = 0; i < reps; i++) gemm(ta, tb, M, N, K, 1, A, lda, B, ldb, 0, C, N);
            t = (bench_sec() - t) / reps;
            if (t < t_ours) t_ours = t;
            t = bench_sec();
            for (int i = 0; i < reps; i++)
                cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                            M, N, K, 1, A, lda, B, ldb, 0, C, N);
            t = (bench_sec() - t) / reps;
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

/* bu iş parçacığının harcadığı işlemci zamanı (yüklü makinede duvar saatinden adil) */
static double cpu_sec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* Makinenin tek çekirdekteki tepe FMA hızı: 24 bağımsız vektör toplayıcı (gecikmeyi
 * örter), bellek erişimi yok. Çekirdek saatinin ve FMA birimlerinin ölçülen çarpımı. */
static double peak_gflops(void);
static int peak_bench(void) {
    printf("PEAK_RESULT lanes=%d gflops=%.1f (1 iş parçacığı)\n", SIMD_W, peak_gflops());
    return 0;
}

static double peak_gflops(void) {
    vf acc[24], x = {0}, y = {0};
    for (int j = 0; j < SIMD_W; j++) { x[j] = 1.0f + 1e-7f * j; y[j] = 1e-7f; }
    for (int i = 0; i < 24; i++) acc[i] = x * (float)i;
    long iters = 20000000;
    double best = 1e9;
    for (int trial = 0; trial < 3; trial++) {
        double t = cpu_sec();
        for (long it = 0; it < iters; it++) {
#pragma GCC unroll 24
            for (int i = 0; i < 24; i++) acc[i] = acc[i] * x + y;
            __asm__ volatile("" : "+v"(x));
        }
        t = cpu_sec() - t;
        if (t < best) best = t;
    }
    float sink = 0;
    for (int i = 0; i < 24; i++) sink += acc[i][0];
    if (sink != sink) printf("(NaN)\n");   /* sonuç kullanılır: döngü silinmez */
    return 2.0 * SIMD_W * 24 * iters / best / 1e9;
}

/* Katman katman ölçüm: lesson04 CNN'inin ve lesson02 MLP'sinin katmanları, yığın 128,
 * ileri ve geri geçiş ayrı; ms/çağrı, etkin GFLOP/s (doğrudan evrişimin ve GEMM'in çarpma
 * sayısıyla; Winograd daha azını yapar) ve ölçülen tepe FMA hızına oranı. */
static double time_calls(void (*fn)(void *), void *arg) {
    double best = 1e9;
    for (int trial = 0; trial < 5; trial++) {
        int reps = 5;
        double t = bench_sec();
        for (int i = 0; i < reps; i++) fn(arg);
        t = (bench_sec() - t) / reps;
        if (t < best) best = t;
    }
    return best;
}

typedef struct {
    int B, C, H, W, OC, pool, dinp;   /* evrişim: C->OC, HxW giriş; dense: C->OC */
    float *x, *w, *b, *y, *pooled, *dpooled, *dx, *dw, *db, *work;
    int *argmax;
} LayerArgs;

static void conv_fwd(void *p) {
    LayerArgs *a = p;
    conv2d_relu_pool_forward(a->pooled, a->argmax, a->y, a->x, a->w, a->b, a->B, a->C, a->H, a->W,
                             a->OC, 3, 1, 0, 2, a->work);
}
static void conv_bwd(void *p) {
    LayerArgs *a = p;
    conv2d_relu_pool_backward(a->dinp ? a->dx : NULL, a->dw, a->db, a->y, a->dpooled, a->argmax,
                              a->pooled, a->x, a->w, a->B, a->C, a->H, a->W, a->OC, 3, 1, 0, 2,
                              a->work);
}
static void dense_fwd(void *p) {
    LayerArgs *a = p;
    dense_forward(a->y, a->x, a->w, a->b, a->B, a->C, a->OC);
}
static void dense_bwd(void *p) {
    LayerArgs *a = p;
    dense_backward(a->dinp ? a->dx : NULL, a->dw, a->db, a->dpooled, a->x, a->w, a->B, a->C, a->OC);
}

static float *rnd(size_t n, Rng *r) {
    float *x = xmalloc(n * sizeof(float));
    for (size_t i = 0; i < n; i++) x[i] = rng_uniform(r) - 0.5f;
    return x;
}

static int layers_bench(int threads) {
    double peak = peak_gflops() * threads;
    printf("Katmanlar, yığın 128, %d şeritlik vektörler, %d iş parçacığı, tepe ~%.0f GFLOP/s\n",
           SIMD_W, threads, peak);
    printf("%-28s %9s %9s %8s %8s\n", "katman", "ileri ms", "geri ms", "GFLOP/s", "tepe %");
    static const struct { const char *name; int conv, C, H, OC, dinp; } L[] = {
        {"cnn evr1 1->32 28x28 (doğr.)", 1, 1, 28, 32, 0},
        {"cnn evr2 32->64 13x13 (Wino)", 1, 32, 13, 64, 1},
        {"cnn dense 1600->128", 0, 1600, 0, 128, 1},
        {"cnn dense 128->10", 0, 128, 0, 10, 1},
        {"mlp dense 784->256", 0, 784, 0, 256, 0},
        {"mlp dense 256->128", 0, 256, 0, 128, 1},
        {"mlp dense 128->10", 0, 128, 0, 10, 1}};
    Rng r;
    rng_seed(&r, 3);
    for (size_t l = 0; l < sizeof L / sizeof L[0]; l++) {
        LayerArgs a = {0};
        a.B = 128; a.C = L[l].C; a.H = a.W = L[l].H; a.OC = L[l].OC; a.dinp = L[l].dinp;
        double fl;   /* ileri geçişin çarpma-toplama sayısı x 2 */
        size_t nin, nout, nw;
        if (L[l].conv) {
            int OH = a.H - 2;
            nin = (size_t)a.B * a.C * a.H * a.W;
            nout = (size_t)a.B * a.OC * OH * OH;
            nw = (size_t)a.OC * a.C * 9;
            fl = 2.0 * nout * a.C * 9;
            a.work = xmalloc(conv2d_work_size(a.B, a.C, a.H, a.W, a.OC, 3, 1, 0) * sizeof(float));
            a.pooled = rnd(nout / 4, &r);
            a.dpooled = rnd(nout / 4, &r);
            a.argmax = xmalloc(nout / 4 * sizeof(int));
        } else {
            nin = (size_t)a.B * a.C;
            nout = (size_t)a.B * a.OC;
            nw = (size_t)a.C * a.OC;
            fl = 2.0 * a.B * a.C * a.OC;
            a.dpooled = rnd(nout, &r);
        }
        a.x = rnd(nin, &r); a.dx = rnd(nin, &r); a.y = rnd(nout, &r);
        a.w = rnd(nw, &r); a.dw = rnd(nw, &r); a.b = rnd(a.OC, &r); a.db = rnd(a.OC, &r);
        double tf = time_calls(L[l].conv ? conv_fwd : dense_fwd, &a);
        double tb = time_calls(L[l].conv ? conv_bwd : dense_bwd, &a);
        double flb = fl * (a.dinp ? 2 : 1);
        double g = (fl + flb) / (tf + tb) / 1e9;
        printf("%-28s %9.3f %9.3f %8.1f %7.0f%%\n", L[l].name, tf * 1e3, tb * 1e3, g, 100 * g / peak);
        free(a.x); free(a.dx); free(a.y); free(a.w); free(a.dw); free(a.b); free(a.db);
        free(a.work); free(a.pooled); free(a.dpooled); free(a.argmax);
    }
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

/* ---- lesson16: GPT ---- */
/* Sürecin işlemci süresi (s): makine meşgulken duvar saatinden ayrı olarak yazılır. */
static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}
static double g_cpu_gen; /* son üretimin işlemci süresi */
/* Önbellekle üretim (ders 16'daki gibi): bağlam dolunca son T/2 simgeyle yeniden doldurulur. */
static double gpt_gen_cache(const Gpt *m, int gen, Rng *r) {
    int V = m->cfg.V, T = m->cfg.T, n = 1;
    int *h = xcalloc((size_t)gen + 1, sizeof(int));
    float *z = xmalloc((size_t)V * 4), *p = xmalloc((size_t)V * 4);
    GptCache kc;
    gpt_cache_alloc(&kc, m);
    double t0 = now_sec(), c0 = cpu_now();
    gpt_cache_reset(&kc);
    gpt_step(m, &kc, h[0], z);
    for (int k = 0; k < gen; k++) {
        sample_probs(p, z, V, 1.0f, 0, 0.0f);
        h[n++] = sample_pick(p, V, rng_uniform(r));
        if (k + 1 == gen) break;
        if (kc.pos == T) {
            gpt_cache_reset(&kc);
            for (int i = n - T / 2; i < n; i++) gpt_step(m, &kc, h[i], z);
        } else {
            gpt_step(m, &kc, h[n - 1], z);
        }
    }
    double tok_s = gen / (now_sec() - t0);
    g_cpu_gen = cpu_now() - c0;
    gpt_cache_free(&kc, m);
    free(h), free(z), free(p);
    return tok_s;
}
/* Önbelleksiz: her simgede son en çok T simgenin tam ileri geçişi. */
static double gpt_gen_nocache(Gpt *m, int gen, Rng *r) {
    int V = m->cfg.V, T = m->cfg.T, n = 1;
    int *h = xcalloc((size_t)gen + 1, sizeof(int));
    float *p = xmalloc((size_t)V * 4);
    double t0 = now_sec(), c0 = cpu_now();
    for (int k = 0; k < gen; k++) {
        int len = n < T ? n : T;
        gpt_forward(m, h + n - len, 1, len);
        sample_probs(p, m->logits + (size_t)(len - 1) * V, V, 1.0f, 0, 0.0f);
        h[n++] = sample_pick(p, V, rng_uniform(r));
    }
    double tok_s = gen / (now_sec() - t0);
    g_cpu_gen = cpu_now() - c0;
    free(h), free(p);
    return tok_s;
}
static int gpt_bench(int steps, int V, int C, int NH, int NL, int T, int B, int gen) {
    if (steps < 1 || V < 2 || V > 512 || C < 4 || NH < 1 || C % NH || NL < 1 || NL > GPT_MAXL || T < 2 ||
        T > 1024 || B < 1 || B > 4096 || gen < 1 || gen > 1000000)
        die("bench gpt: geçersiz yapılandırma");
    GptConfig cfg = {.V = V, .C = C, .NH = NH, .FF = 4 * C, .NL = NL, .T = T};
    Gpt m, mg;
    gpt_build(&m, &cfg, B, 1);
    Adam opt;
    adam_init(&opt, m.P.n, 1e-3f);
    Rng r;
    rng_seed(&r, 1);
    int *x = xmalloc((size_t)B * (T + 1) * sizeof(int)), *in = xmalloc((size_t)B * T * sizeof(int)),
        *tg = xmalloc((size_t)B * T * sizeof(int));
    double t0 = 0, c0 = 0;
    for (int s = 0; s < steps + 3; s++) {
        if (s == 3) t0 = now_sec(), c0 = cpu_now(); /* ısınma bitti */
        for (int i = 0; i < B * (T + 1); i++) x[i] = rng_int(&r, V);
        for (int b = 0; b < B; b++)
            for (int t = 0; t < T; t++)
                in[b * T + t] = x[b * (T + 1) + t], tg[b * T + t] = x[b * (T + 1) + t + 1];
        gpt_forward(&m, in, B, T);
        gpt_loss(&m, tg, 0);
        params_zero_grad(&m.P);
        gpt_backward(&m);
        grad_clip_norm(m.P.grads, m.P.n, 1.0);
        adamw_step(&opt, m.P.params, m.P.grads, 0.1f, m.decay);
    }
    double sec = (now_sec() - t0) / steps, csec = (cpu_now() - c0) / steps;
    /* Üretim: tek dizi (B = 1), eğitilmiş ağırlıklarla */
    gpt_build(&mg, &cfg, 1, 1);
    memcpy(mg.P.params, m.P.params, m.P.n * sizeof(float));
    double gc = gpt_gen_cache(&mg, gen, &r), cc = g_cpu_gen;
    double gn = gpt_gen_nocache(&mg, gen, &r), cn = g_cpu_gen;
    /* cpu_*: işlemci süresiyle (bütün iş parçacıklarının toplamı); meşgul makinede bilgi için */
    printf("RESULT model=gpt sec_per_step=%.6f params=%zu tok_per_s=%.0f gen_tok_per_s=%.0f "
           "gen_nocache_tok_per_s=%.0f cpu_sec_per_step=%.6f cpu_gen_tok_per_s=%.0f "
           "cpu_gen_nocache_tok_per_s=%.0f\n",
           sec, m.P.n, B * T / sec, gc, gn, csec, gen / cc, gen / cn);
    free(x), free(in), free(tg);
    adam_free(&opt);
    gpt_free(&m), gpt_free(&mg);
    return 0;
}

/* lesson12'nin modeli (Tf, tf_forward, tf_loss, tf_backward) dersin kendi kodundan */
#define main lesson12_main
#include "../lessons/lesson12_transformer.c"
#undef main

/* Rastgele bir ters çevirme yığını: src (B,S), hedef (B,T) = tersi + EOS, din = BOS + hedef */
static void random_reverse_batch(Rng *r, int B, int L, int V, int *src, int *tgt, int *din) {
    for (int b = 0; b < B; b++) {
        for (int i = 0; i < L; i++) src[b * (L + 1) + i] = SEQ_NSPECIAL + rng_int(r, V - SEQ_NSPECIAL);
        src[b * (L + 1) + L] = SEQ_EOS;
        for (int i = 0; i < L; i++) tgt[b * (L + 1) + i] = src[b * (L + 1) + L - 1 - i];
        tgt[b * (L + 1) + L] = SEQ_EOS;
    }
    seq_shift_right(din, tgt, B, L + 1);
}

static int gru_seq2seq_bench(int steps, int L, int A) {
    const int B = 32, V = 13, S = L + 1;
    Seq2Seq m;
    seq2seq_build(&m, (Seq2SeqConfig){.Vs = V, .Vt = V, .E = 16, .H = 128, .A = A});
    Rng r;
    rng_seed(&r, 1);
    seq2seq_init(&m, &r);
    Adam opt;
    adam_init(&opt, m.P.n, 3e-3f);
    int *src = xmalloc((size_t)B * S * sizeof(int)), *tgt = xmalloc((size_t)B * S * sizeof(int));
    int *din = xmalloc((size_t)B * S * sizeof(int));
    double t0 = 0, c0 = 0;
    for (int s = 0; s < steps + 3; s++) {
        if (s == 3) t0 = now_sec(), c0 = cpu_now(); /* ısınma bitti */
        random_reverse_batch(&r, B, L, V, src, tgt, din);
        params_zero_grad(&m.P);
        seq2seq_forward(&m, src, S, din, tgt, S, B);
        seq2seq_backward(&m);
        adam_step(&opt, m.P.params, m.P.grads);
    }
    printf("RESULT model=gru_seq2seq sec_per_step=%.6f cpu_sec_per_step=%.6f params=%zu\n",
           (now_sec() - t0) / steps, (cpu_now() - c0) / steps, m.P.n);
    free(src), free(tgt), free(din);
    adam_free(&opt);
    seq2seq_free(&m);
    return 0;
}

static int transformer_bench(int steps, int L) {
    const int B = BATCH, V = 13, S = L + 1;
    TfConfig c = {.Vs = V, .Vt = V, .C = MODEL_C, .NH = MODEL_NH, .FF = MODEL_FF, .NL = MODEL_NL,
                  .S = S, .T = S, .residual = 1, .norm = 1};
    Tf m;
    tf_build(&m, &c, B, 1);
    Adam opt;
    adam_init(&opt, m.P.n, 2e-3f);
    Rng r;
    rng_seed(&r, 1);
    int *src = xmalloc((size_t)B * S * sizeof(int)), *tgt = xmalloc((size_t)B * S * sizeof(int));
    int *din = xmalloc((size_t)B * S * sizeof(int));
    double t0 = 0, c0 = 0;
    for (int s = 0; s < steps + 3; s++) {
        if (s == 3) t0 = now_sec(), c0 = cpu_now(); /* ısınma bitti */
        random_reverse_batch(&r, B, L, V, src, tgt, din);
        tf_forward(&m, src, S, din, B, S);
        tf_loss(&m, tgt, NULL);
        params_zero_grad(&m.P);
        tf_backward(&m);
        adam_step(&opt, m.P.params, m.P.grads);
    }
    printf("RESULT model=transformer sec_per_step=%.6f cpu_sec_per_step=%.6f params=%zu\n",
           (now_sec() - t0) / steps, (cpu_now() - c0) / steps, m.P.n);
    free(src), free(tgt), free(din);
    adam_free(&opt);
    tf_free(&m);
    return 0;
}

/* İŞ_PARÇACIĞI "auto" ise dersin varsayılanı gibi: bütün çekirdekler, makine meşgulse
 * kendiliğinden azalır (core/threads.h); bir sayıysa tam o kadar. */
static void set_threads_arg(const char *s) {
    if (!strcmp(s, "auto")) threads_auto_begin(omp_get_num_procs());
    else omp_set_num_threads(atoi(s));
}

int main(int argc, char **argv) {
    if (argc >= 11 && !strcmp(argv[1], "gpt")) {
        set_threads_arg(argv[3]);
        return gpt_bench(atoi(argv[2]), atoi(argv[4]), atoi(argv[5]), atoi(argv[6]), atoi(argv[7]),
                         atoi(argv[8]), atoi(argv[9]), atoi(argv[10]));
    }
    if (argc >= 6 && !strcmp(argv[1], "gru_seq2seq")) {
        set_threads_arg(argv[3]);
        return gru_seq2seq_bench(atoi(argv[2]), atoi(argv[4]), atoi(argv[5]));
    }
    if (argc >= 5 && !strcmp(argv[1], "transformer")) {
        set_threads_arg(argv[3]);
        return transformer_bench(atoi(argv[2]), atoi(argv[4]));
    }
    if (argc >= 4 && !strcmp(argv[1], "vae")) {
        set_threads_arg(argv[3]);
        return vae_bench(atoi(argv[2]));
    }
    if (argc >= 3 && !strcmp(argv[1], "sparse")) {
        omp_set_num_threads(1);
        return sparse_bench(argv[2]);
    }
    if (argc >= 3 && !strcmp(argv[1], "mlpprof")) {
        omp_set_num_threads(1);
        return mlp_profile(argv[2], argc >= 4 ? atoi(argv[3]) : 3);
    }
    if (argc >= 5 && (!strcmp(argv[1], "mlp") || !strcmp(argv[1], "cnn"))) {
        set_threads_arg(argv[4]);
        return train_bench(argv[1], argv[2], atoi(argv[3]));
    }
    if (argc >= 3 && !strcmp(argv[1], "gemm")) {
        omp_set_num_threads(atoi(argv[2]));
        openblas_set_num_threads(atoi(argv[2]));
        g_cpu_clock = atoi(argv[2]) == 1;
        return gemm_bench();
    }
    if (argc >= 2 && !strcmp(argv[1], "peak")) return peak_bench();
    if (argc >= 3 && !strcmp(argv[1], "layers")) {
        omp_set_num_threads(atoi(argv[2]));
        g_cpu_clock = atoi(argv[2]) == 1;
        return layers_bench(atoi(argv[2]));
    }
    if (argc >= 3 && !strcmp(argv[1], "rss")) return rss_of(argv + 2);
    fprintf(stderr, "kullanım: bench mlp|cnn VERİ EPOCH İŞ_PARÇACIĞI | bench gemm İŞ_PARÇACIĞI | "
                    "bench layers İŞ_PARÇACIĞI | bench mlpprof VERİ [EPOCH] | bench peak | bench vae ADIM İŞ_PARÇACIĞI | "
                    "bench gpt ADIM İŞ_PARÇACIĞI V C NH NL T B ÜRETİM | "
                    "bench gru_seq2seq ADIM İŞ_PARÇACIĞI L A | "
                    "bench transformer ADIM İŞ_PARÇACIĞI L | bench rss KOMUT...\n");
    return 2;
}
