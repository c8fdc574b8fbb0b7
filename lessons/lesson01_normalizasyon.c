/*
 * lesson01_normalizasyon.c — Ders 1: MNIST'i tanımak ve veriyi normalize etmek
 *
 * Bu derste öğrenecekleriniz:
 *   - MNIST veri kümesinin (dataset) yapısı: kaç görüntü, hangi şekil (shape),
 *     sınıflar dengeli mi, pikseller hangi değerleri alıyor;
 *   - rakamlara bakmak: terminalde metin (ASCII) çizimi ve 10x10'luk bir PNG ızgarası;
 *   - min-max normalizasyonu (normalization):  x' = (x - min) / (max - min)   -> [0,1]
 *   - z-score standardizasyonu: x' = (x - μ) / σ; μ ve σ EĞİTİM kümesinden
 *     (training set) hesaplanır;
 *   - etiketlerin (label) one-hot kodlaması: 5 -> [0 0 0 0 0 1 0 0 0 0];
 *   - neden önemli: aynı ağı, aynı tohum (seed; rastgele üretecin başlangıç sayısı)
 *     ve aynı başlangıç ağırlıklarıyla ham (0–255) ve normalize girişle eğitip
 *     kayıp (loss) eğrilerini karşılaştırmak.
 *
 * Çalıştırma:  make lesson01 && ./lesson01        (tam ders: üç küçük ağ eğitilir)
 *              ./lesson01 --quick                 (daha küçük deney; testler bunu kullanır)
 *              ./lesson01 --ascii                 (grafikleri terminalde de çizer)
 *              ./lesson01 --quiz                  (dersin sınavı)
 * Grafikler ve görüntüler plots/lesson01/ altına yazılır.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"
#include "lesson/show.h"

#define NSTEPS 7
#define K 10   /* sınıf sayısı */

/* Bir kümenin piksel istatistikleri (normalizasyondan sonraki değerler üzerinden) */
typedef struct {
    double min, max, mean, std;
    double zero_frac;   /* değeri, ham 0 pikselin dönüşmüş hâline eşit olanların oranı */
} PixStats;

#define HIST_BINS 64   /* 256 düzey / 64 = her kutuda tam 4 piksel düzeyi */

/*
 * Kümenin TÜM görüntülerini kütüphanenin normalizasyon yolundan (batch_fill)
 * geçirir ve çıkan float değerlerin istatistiğini ve histogramını (HIST_BINS
 * kutu, [lo,hi] aralığında) toplar. lo/hi, ham -0,5 ve 255,5 düzeylerinin
 * dönüşmüş hâlidir (hist_range): böylece her ölçekte her kutu aynı 4 ham düzeyi
 * toplar ve üç histogram birebir karşılaştırılabilir. Görüntüler 1000'lik parçalar halinde
 * dönüştürülür; 60000 görüntünün float kopyası (188 MB) hiç oluşmaz.
 * hist (HIST_BINS) NULL olabilir.
 */
static PixStats pass_stats(const ImageSet *s, Norm norm, double lo, double hi, long *hist) {
    enum { CHUNK = 1000 };
    int D = s->rows * s->cols;
    float *x = xmalloc((size_t)CHUNK * D * sizeof(float));
    int ids[CHUNK];
    float zero = norm_pixel(norm, 0);
    double sum = 0, sum2 = 0;
    long nzero = 0;
    PixStats st = {INFINITY, -INFINITY, 0, 0, 0};
    if (hist) memset(hist, 0, HIST_BINS * sizeof(long));
    for (int start = 0; start < s->n; start += CHUNK) {
        int B = s->n - start < CHUNK ? s->n - start : CHUNK;
        for (int b = 0; b < B; b++) ids[b] = start + b;
        batch_fill(x, NULL, s, ids, B, norm);   /* x (B, D) normalize edilmiş */
        for (size_t i = 0; i < (size_t)B * D; i++) {
            double v = x[i];
            if (v < st.min) st.min = v;
            if (v > st.max) st.max = v;
            sum += v;
            sum2 += v * v;
            nzero += x[i] == zero;
            if (hist) {
                int k = (int)((v - lo) / (hi - lo) * HIST_BINS);
                hist[k < 0 ? 0 : k >= HIST_BINS ? HIST_BINS - 1 : k]++;
            }
        }
    }
    double N = (double)s->n * D;
    st.mean = sum / N;
    st.std = sqrt(fmax(sum2 / N - st.mean * st.mean, 0.0));
    st.zero_frac = nzero / N;
    free(x);
    return st;
}

/* UTF-8 metnin karakter sayısı (tabloları hizalamak için; 'ö' iki bayttır ama tek karakter) */
static int utf8_len(const char *s) {
    int n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Genel min-max ölçekleme: [lo, hi] aralığındaki v'yi [0,1]'e taşır. */
static double minmax_scale(double v, double lo, double hi) { return (v - lo) / (hi - lo); }

/* one_hot (K) <- y etiketinin one-hot kodu */
static void one_hot(int y, float *out) {
    for (int k = 0; k < K; k++) out[k] = k == y ? 1.0f : 0.0f;
}

/* Histogram aralığı: ham -0,5 ve 255,5 düzeylerinin bu normalizasyondaki karşılığı
 * (dönüşüm doğrusal olduğu için kutular her ölçekte aynı ham düzeyleri toplar). */
static void hist_range(Norm n, double *lo, double *hi) {
    double a = -0.5, b = 255.5;
    if (n.kind != NORM_RAW) { a /= 255.0; b /= 255.0; }
    if (n.kind == NORM_ZSCORE) { a = (a - n.mean) / n.std; b = (b - n.mean) / n.std; }
    *lo = a;
    *hi = b;
}

/* Histogramı .dat'a yazar: kutu merkezi ve sayı */
static void write_hist(FILE *d, const long *hist, double lo, double hi) {
    for (int k = 0; k < HIST_BINS; k++)
        fprintf(d, "%.6g %ld\n", lo + (k + 0.5) * (hi - lo) / HIST_BINS, hist[k]);
}

/* Küçük deney ağı: 784-64-10, aynı tohumla her seferinde aynı başlangıç ağırlıkları */
static void build_small_net(Net *net, int max_batch, uint64_t seed) {
    net_init(net, 1, 28, 28);
    net_dense(net, 64);
    net_relu(net);
    net_dense(net, K);
    net_build(net, max_batch, seed);
}

typedef struct {
    const char *name;
    Norm norm;
    float curve[1024];   /* her log_every adımın ortalama eğitim kaybı */
    int npts;
    float first_loss;    /* ilk yığının (batch) kaybı (ağ henüz hiçbir şey öğrenmemişken) */
    float last_loss;     /* eğrinin son noktası: son log_every adımın ortalama eğitim kaybı */
    float test_loss, test_acc;
    double wrong_loss;   /* yanlış tahmin edilen test görüntülerinin ortalama kaybı */
} Variant;

/* Aynı ağı, aynı tohumla, verilen normalizasyonla eğitir; eğri ve test sonuçlarını doldurur. */
static void run_variant(Variant *v, const Mnist *m, int ntr, int nte, int epochs, int batch,
                        int log_every, uint64_t seed) {
    Net net;
    build_small_net(&net, batch, seed);
    Adam opt;
    adam_init(&opt, net.nparams, 1e-3f);
    Batcher bt;
    batcher_init(&bt, &m->train, NULL, ntr, batch);   /* ilk ntr eğitim görüntüsü */
    Rng rng;
    rng_seed(&rng, seed);
    float *x = xmalloc((size_t)batch * 784 * sizeof(float));
    int *y = xmalloc((size_t)batch * sizeof(int));
    double win = 0;
    int inwin = 0, step = 0, B;
    v->npts = 0;
    for (int e = 0; e < epochs; e++) {
        batcher_shuffle(&bt, &rng);
        while ((B = batcher_next(&bt, x, y, v->norm)) > 0) {
            float l = train_step(&net, &opt, x, y, B, LOSS_SOFTMAX_XENT, NULL);
            if (step == 0) v->first_loss = l;
            step++;
            win += l;
            if (++inwin == log_every) {
                if (v->npts < 1024) v->curve[v->npts++] = (float)(win / inwin);
                win = 0;
                inwin = 0;
            }
        }
    }
    v->last_loss = v->npts ? v->curve[v->npts - 1] : v->first_loss;
    int *pred = xmalloc((size_t)nte * sizeof(int));
    float *probs = xmalloc((size_t)nte * K * sizeof(float));   /* (nte, K) */
    evaluate(&net, &m->test, NULL, nte, v->norm, LOSS_SOFTMAX_XENT, &v->test_loss, &v->test_acc,
             pred, probs);
    /* Yanlışların ortalama kaybı = (toplam kayıp - doğruların kaybı) / yanlış sayısı.
     * Doğru tahminlerde p[y] en büyük olasılıktır (>= 1/K), -log p[y] float'ta da kesindir;
     * yanlışlarda p[y] float'ın altına düşüp 0 olabilir, o yüzden onları toplamdan çıkarırız
     * (toplam kayıp evaluate'te ham skorlardan (logits), taşmadan hesaplanır). */
    double correct_sum = 0;
    int nwrong = 0;
    for (int i = 0; i < nte; i++) {
        int yi = m->test.labels[i];
        if (pred[i] == yi) correct_sum += -log((double)probs[(size_t)i * K + yi]);
        else nwrong++;
    }
    v->wrong_loss = nwrong ? ((double)v->test_loss * nte - correct_sum) / nwrong : 0.0;
    free(pred);
    free(probs);
    free(x);
    free(y);
    batcher_free(&bt);
    adam_free(&opt);
    net_free(&net);
}

/* ---------------------------------------------------------------------------
 * Sınav: sayısal cevaplar bu çalıştırmada veriden ve yukarıdaki fonksiyonlardan
 * hesaplanır.
 * ------------------------------------------------------------------------- */
static int run_quiz(const LessonArgs *a) {
    Mnist m;
    mnist_load_checked(&m, a->data_dir, 1, 1);
    int count5 = 0;
    for (int i = 0; i < m.train.n; i++) count5 += m.train.labels[i] == 5;
    double mu, sigma;
    imageset_pixel_stats(&m.train, &mu, &sigma);
    Norm raw = {.kind = NORM_RAW, .mean = 0, .std = 1}, mm = {.kind = NORM_MINMAX, .mean = 0, .std = 1}, zs = {.kind = NORM_ZSCORE, .mean = (float)mu, .std = (float)sigma};
    PixStats st = pass_stats(&m.train, raw, 0, 1, NULL);

    static char q4[256], q8[256], oh[4][64];
    snprintf(q4, sizeof q4,
             "Eğitim kümesinde [0,1] ölçeğinde piksel ortalaması μ = %.4f, standart sapması "
             "σ = %.4f. Siyah bir piksel (ham değer 0) z-score standardizasyonundan sonra kaç "
             "olur? (iki ondalık yeter)", mu, sigma);
    snprintf(q8, sizeof q8, "MNIST eğitim kümesindeki piksellerin yüzde kaçı tam olarak 0 "
                            "(siyah)? (yüzde olarak, ör. 12.5)");
    /* One-hot şıkları one_hot() ile üretilir: a) 2'nin kodu (birden saymak hatası),
     * b) 3'ün kodu, c) 1 yerine 3 yazılmış, d) tersi. */
    for (int c = 0; c < 4; c++) {
        float v[K];
        one_hot(c == 0 ? 2 : 3, v);
        for (int k = 0; k < K; k++) {
            if (c == 2) v[k] *= 3.0f;
            if (c == 3) v[k] = 1.0f - v[k];
        }
        int n = snprintf(oh[c], sizeof oh[c], "[");
        for (int k = 0; k < K; k++) n += snprintf(oh[c] + n, sizeof oh[c] - n, "%s%g", k ? " " : "", v[k]);
        snprintf(oh[c] + n, sizeof oh[c] - n, "]");
    }
    QuizQuestion qs[] = {
        {.q = "MNIST pikselleri 0 ile 255 arasındadır. Değeri 128 olan bir piksel min-max "
              "normalizasyonundan (x/255) sonra kaç olur? (üç ondalık)",
         /* üç ondalık: 0.502 kabul, 0.5 ya da 0.503 değil */
         .answer = norm_pixel(mm, 128), .tol = 0.0005,
         .explain = "Min-max: (x - min)/(max - min) = (128 - 0)/(255 - 0) ≈ 0.502."},
        {.q = "Pikselleri 10 ile 210 arasında değişen bir görüntüde değeri 60 olan piksel "
              "min-max normalizasyonundan sonra kaç olur?",
         .answer = minmax_scale(60, 10, 210), .tol = 0.002,
         .explain = "(60 - 10)/(210 - 10) = 50/200 = 0.25. En küçük değer 0'a, en büyük 1'e gider."},
        {.q = "MNIST eğitim kümesinde etiketi 5 olan kaç görüntü var? (dersin 1. adımındaki "
              "tabloya bakabilirsiniz)",
         .answer = count5, .tol = 0.5,
         .explain = "Sınıf sayımı: 5 en az örneği olan sınıftır; yine de sınıflar kabaca dengelidir "
                    "(her biri %9–11)."},
        {.q = q4, .answer = norm_pixel(zs, 0), .tol = 0.01,
         .explain = "z = (0 - μ)/σ = -μ/σ. Zemin pikselleri sıfırın biraz altına iner; mürekkep "
                    "pikselleri +2.8 civarına çıkar."},
        {.q = "z-score için kullanılan μ ve σ hangi veriden hesaplanmalıdır?",
         .choices = {"Test kümesinden", "Eğitim kümesinden; aynı değerler test verisine de uygulanır",
                     "Eğitim ve test birleşiminden", "Her yığından (batch) ayrı ayrı"},
         .correct = 1,
         .explain = "Test kümesi modelin hiç görmediği veriyi temsil eder; istatistiğini "
                    "kullanmak bilgi sızıntısıdır (data leakage). Eğitimden hesaplanan μ, σ "
                    "saklanır ve tahmin anında da aynen kullanılır."},
        {.q = "10 sınıflı bir problemde 3 etiketinin one-hot kodlaması hangisidir?",
         .choices = {oh[0], oh[1], oh[2], oh[3]}, .correct = 1,
         .explain = "Sınıf sayısı kadar elemanlı bir vektör; yalnızca etiketin sırasındaki (0'dan "
                    "sayarak 3.) eleman 1, diğerleri 0."},
        {.q = "Aynı ağ ham (0–255) girişle eğitildiğinde ilk kayıp neden çok büyük çıkar?",
         .choices = {"Çünkü ham veride daha çok sınıf vardır",
                     "Çünkü ağırlıklar 0–1 ölçeğine göre başlatılır; 255 kat büyük girişle ham "
                     "skorlar (logits) devleşir ve softmax çok emin ama yanlış tahminler yapar",
                     "Çünkü ham veride etiketler one-hot değildir",
                     "Çünkü Adam ham veriyle çalışmaz"},
         .correct = 1,
         .explain = "Kayıp -log p[doğru sınıf] olduğundan, çok emin yanlış bir tahmin yüzlerce "
                    "birimlik kayıp verir. Giriş ölçeği ağın her katmanına taşınır."},
        {.q = q8, .answer = 100.0 * st.zero_frac, .tol = 0.5,
         .explain = "Rakamlar siyah zemin üzerine beyaz mürekkeptir; 28x28 görüntünün büyük kısmı "
                    "zemindir. Bu yüzden ortalama (≈33) maksimumdan (255) çok küçüktür."},
    };
    int rc = quiz_run("lesson01", qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
    mnist_free(&m);
    return rc;
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson01", .title = "Veriyi tanımak ve normalizasyon",
                         .default_epochs = 5});
    if (a.quiz) return run_quiz(&a);
    const char *L = "lesson01";
    progress_force_plain(1);

/*
 * Adım 1: Veriyi yükle, şekillere ve sınıflara bak
 *
 * MNIST, 28x28 piksellik gri tonlu el yazısı rakam görüntülerinden oluşur:
 * 60000 eğitim (training) ve 10000 test görüntüsü. Her görüntünün bir etiketi
 * (label) vardır: 0..9. Görüntüler bellekte (N, 28, 28) şekilli uint8 dizidir;
 * bir ağa verirken her görüntüyü 784 uzunluğunda bir vektöre "düzleştiririz"
 * (flatten). Sınıfların dengeli olup olmadığına da bakarız: bir sınıf çok azsa
 * doğruluk (accuracy) tek başına yanıltıcı olabilir.
 */
    Mnist m;
    /* Dosya hatası varsa başlıktan önce söylensin; adım 7'nin eğitim ve test alt
     * kümeleri (ntr, nte) kümede bulunmalı. */
    int ntr = a.quick ? 5000 : 10000, nte_min = a.quick ? 2000 : 1;
    mnist_load_checked(&m, a.data_dir, ntr, nte_min);
    step_banner(1, NSTEPS, "Veriyi yükle: şekiller ve sınıf dağılımı");
    int D = m.train.rows * m.train.cols;
    printf("Eğitim görüntüleri: (%d, %d, %d) uint8, etiketler: (%d)\n", m.train.n, m.train.rows,
           m.train.cols, m.train.n);
    printf("Test görüntüleri:   (%d, %d, %d) uint8, etiketler: (%d)\n", m.test.n, m.test.rows,
           m.test.cols, m.test.n);
    printf("Ağa giriş olarak her görüntü %dx%d = %d sayılık bir vektöre düzleştirilir.\n",
           m.train.rows, m.train.cols, D);
    int ctr[K] = {0}, cte[K] = {0};
    for (int i = 0; i < m.train.n; i++) ctr[m.train.labels[i]]++;
    for (int i = 0; i < m.test.n; i++) cte[m.test.labels[i]]++;
    int cmin = 0, cmax = 0;
    printf("\nsınıf   eğitim  (%%)      test  (%%)\n");
    for (int k = 0; k < K; k++) {
        printf("  %d    %6d  %5.2f    %6d  %5.2f\n", k, ctr[k], 100.0 * ctr[k] / m.train.n, cte[k],
               100.0 * cte[k] / m.test.n);
        if (ctr[k] < ctr[cmin]) cmin = k;
        if (ctr[k] > ctr[cmax]) cmax = k;
    }
    printf("En az örneği olan sınıf %d (%d), en çok olan %d (%d): oran %.2f.\nSınıflar kabaca "
           "dengeli;\nbu yüzden doğruluk (accuracy) burada anlamlı bir ölçüttür.\n",
           cmin, ctr[cmin], cmax, ctr[cmax], (double)ctr[cmax] / ctr[cmin]);
    Plot p;
    /* Şekil sinif_dagilimi: Her rakam için eğitim ve test kümesindeki payı yan yana çizilir; iki
     * çubuğun boylarının birbirine ne kadar yakın olduğuna ve hiçbir sınıfın ötekilerden çok küçük
     * kalmadığına bakın. */
    FILE *d = plot_begin(&p, L, "sinif_dagilimi");
    for (int k = 0; k < K; k++)
        fprintf(d, "%d %.4f %.4f\n", k, 100.0 * ctr[k] / m.train.n, 100.0 * cte[k] / m.test.n);
    plot_finish(&p, "set title 'MNIST sınıf dağılımı'\nset xlabel 'rakam'\n"
                    "set ylabel 'kümedeki payı (%)'\nset yrange [0:*]\nset grid ytics\n"
                    "set style data histograms\nset style histogram clustered gap 1\n"
                    "set style fill solid 0.8 border -1\nset key top right\n"
                    "plot 'sinif_dagilimi.dat' using 2:xtic(1) title 'eğitim' lc rgb '#2b6cb0', "
                    "'' using 3 title 'test' lc rgb '#dd6b20'\n");
    plot_render(&p, a.ascii);
    printf("Grafik: %s\n", plot_png_path(&p));

/*
 * Adım 2: Rakamlara bak
 *
 * Sayılara geçmeden önce veriye gözle bakmak iyi bir alışkanlıktır: etiketler
 * doğru mu, görüntüler ters mi, zemin siyah mı beyaz mı? Önce terminalde metin
 * (ASCII) çizimi olarak ilk üç eğitim görüntüsünü, sonra her satırı bir rakam olan
 * 10x10'luk bir PNG ızgarasını (her sınıfın ilk 10 örneği) çiziyoruz.
 */
    step_banner(2, NSTEPS, "Rakamlara bak: metin (ASCII) çizimi ve PNG ızgarası");
    const uint8_t *three[3];
    char capbuf[3][32];
    const char *caps[3];
    for (int i = 0; i < 3; i++) {
        three[i] = m.train.images + (size_t)i * D;
        snprintf(capbuf[i], sizeof capbuf[i], "örnek %d: etiket %d", i, m.train.labels[i]);
        caps[i] = capbuf[i];
    }
    /* yan yana en çok ikisi: üç kutu 80 sütuna sığmaz */
    show_digits(stdout, three, caps, 2, m.train.rows, m.train.cols);
    show_digits(stdout, three + 2, caps + 2, 1, m.train.rows, m.train.cols);
    uint8_t *grid = xmalloc((size_t)K * 10 * D);   /* (100, 28, 28): satır k = k rakamları */
    int filled[K] = {0};
    for (int i = 0; i < m.train.n; i++) {
        int y = m.train.labels[i];
        if (filled[y] < 10)
            memcpy(grid + (size_t)(y * 10 + filled[y]++) * D, m.train.images + (size_t)i * D, D);
    }
    /* Şekil rakamlar: Her satır bir rakamın eğitim kümesinden on örneğidir; aynı rakamın eğim,
     * kalınlık ve yazılış bakımından ne kadar farklı olabildiğine bakın. */
    const char *grid_png = "plots/lesson01/rakamlar.png";
    char err[512];
    if (mkdir_p("plots/lesson01") != 0) die("'plots/lesson01' klasörü oluşturulamadı");
    if (image_write_grid(grid_png, grid, K * 10, 1, m.train.rows, m.train.cols, K, 10, 4, 2, err,
                         sizeof err) != 0)
        die("%s", err);
    free(grid);
    printf("PNG ızgarası: %s\n(satır k = k rakamının eğitim kümesindeki ilk 10 örneği)\n", grid_png);
    printf("Zemin siyah (0), mürekkep beyaz (255'e yakın);\nkenarlar gri tonlu (yumuşatılmış).\n");

/*
 * Adım 3: Piksel istatistikleri
 *
 * Her piksel 0 (siyah) ile 255 (beyaz) arasında bir tam sayıdır (uint8). Bütün
 * eğitim kümesi üzerinden en küçük, en büyük değeri, ortalamayı
 *   $$\mu = \frac{1}{N} \sum_i x_i$$
 * ve standart sapmayı
 *   $$\sigma = \sqrt{\frac{1}{N} \sum_i (x_i - \mu)^2} = \sqrt{\frac{1}{N} \sum_i x_i^2 - \mu^2}$$
 * hesaplıyoruz (N = 60000 x 784 piksel). Histogram, değerlerin nasıl
 * dağıldığını gösterir; sıfırlar çok baskın olduğu için y ekseni logaritmiktir.
 */
    step_banner(3, NSTEPS, "Piksel istatistikleri (ham 0–255 değerler)");
    Norm raw = {.kind = NORM_RAW, .mean = 0.0f, .std = 1.0f};
    long hraw[HIST_BINS];
    double rlo, rhi;
    hist_range(raw, &rlo, &rhi);
    PixStats sr = pass_stats(&m.train, raw, rlo, rhi, hraw);
    printf("Eğitim kümesi, %ld piksel üzerinden:\n", (long)m.train.n * D);
    printf("  en küçük = %.0f, en büyük = %.0f\n", sr.min, sr.max);
    printf("  ortalama μ = %.4f, standart sapma σ = %.4f\n", sr.mean, sr.std);
    printf("  tam 0 (siyah) olan piksellerin oranı: %%%.2f\n", 100.0 * sr.zero_frac);
    printf("Görüntünün büyük kısmı zemin olduğu için ortalama (%.1f) en büyük değerin (%.0f)\n"
           "çok altında; dağılım iki uçta yığılıyor: zemin 0'da, mürekkebin içi 255'e yakın.\n",
           sr.mean, sr.max);
    /* Şekil histogram_ham: Dikey eksen log ölçekli: piksellerin büyük çoğunluğu iki uç kutuda,
     * zeminin 0'ında ve mürekkebin 255'e yakın değerlerinde toplanır; aradaki değerler çok daha
     * seyrektir. */
    d = plot_begin(&p, L, "histogram_ham");
    write_hist(d, hraw, rlo, rhi);
    plot_finish(&p, "set title 'Ham piksel değerlerinin histogramı (eğitim kümesi; 64 kutu, her biri 4 değer)'\n"
                    "set xlabel 'piksel değeri (0–255)'\nset ylabel 'piksel sayısı'\n"
                    "set logscale y\nset format y '10^{%L}'\nset grid\nset style fill solid 0.7\nset boxwidth 0.9 relative\n"
                    "set xrange [-0.5:255.5]\nunset key\n"
                    "plot 'histogram_ham.dat' using 1:2 with boxes lc rgb '#2b6cb0'\n");
    plot_render(&p, a.ascii);
    printf("Grafik: %s\n", plot_png_path(&p));

/*
 * Adım 4: Min-max normalizasyonu
 *
 *   $$x' = \frac{x - \min}{\max - \min}$$
 * Değerleri [0,1] aralığına taşır; MNIST'te min = 0, max = 255 olduğundan bu
 * x' = x / 255 demektir. Şekil (histogramın biçimi) değişmez, yalnızca ölçek.
 * Neden? Ağın başlangıç ağırlıkları girişlerin 1 civarında olduğu varsayımıyla
 * seçilir (He başlatması, He initialization: rastgele ağırlıkların ölçeği katmanın
 * giriş sayısına göre ayarlanır); 0–255 girişler her katmanın çıkışını yüzlerce kat
 * büyütür. Dönüşümü kütüphanenin yığın (batch: ağa birlikte verilen görüntü grubu)
 * doldurma yolundan (batch_fill, NORM_MINMAX) geçirip bütün eğitim kümesinin
 * sonucunu ölçüyoruz.
 */
    step_banner(4, NSTEPS, "Min-max normalizasyonu: [0,1] aralığı");
    Norm mm = {.kind = NORM_MINMAX, .mean = 0.0f, .std = 1.0f};
    long hmm[HIST_BINS];
    double mlo, mhi;
    hist_range(mm, &mlo, &mhi);
    PixStats sm = pass_stats(&m.train, mm, mlo, mhi, hmm);
    printf("x' = (x - %.0f) / (%.0f - %.0f):\nörnek pikseller 0 -> %.4f, 128 -> %.4f, 255 -> %.4f\n",
           sr.min, sr.max, sr.min, minmax_scale(0, sr.min, sr.max),
           minmax_scale(128, sr.min, sr.max), minmax_scale(255, sr.min, sr.max));
    printf("Dönüşümden sonra eğitim kümesi: en küçük = %.4f, en büyük = %.4f,\nμ = %.4f, σ = %.4f\n",
           sm.min, sm.max, sm.mean, sm.std);
    printf("Ortalama ve sapma da 255'e bölündü (%.4f / 255 = %.4f):\nölçek değişti, biçim aynı.\n",
           sr.mean, sr.mean / 255.0);

/*
 * Adım 5: z-score standardizasyonu
 *
 *   $$x' = \frac{x/255 - \mu}{\sigma}$$
 * Burada μ ve σ, EĞİTİM kümesinin [0,1] ölçeğindeki ortalaması ve standart sapmasıdır.
 * Sonuçta eğitim verisinin ortalaması 0, standart sapması 1 olur. Test verisine
 * AYNI μ ve σ uygulanır (kendi istatistiği değil): model tahmin anında yalnızca
 * eğitimden öğrendiklerini bilebilir; test istatistiğini kullanmak bir bilgi
 * sızıntısıdır (data leakage). Bu yüzden test kümesinin ortalaması tam 0 çıkmaz,
 * ama çok yakın olur. Sonra üç hâlin histogramını yan yana çiziyoruz.
 */
    step_banner(5, NSTEPS, "z-score standardizasyonu: ortalama 0, standart sapma 1");
    double mu, sigma;
    imageset_pixel_stats(&m.train, &mu, &sigma);
    Norm zs = {.kind = NORM_ZSCORE, .mean = (float)mu, .std = (float)sigma};
    double zlo, zhi;
    hist_range(zs, &zlo, &zhi);
    long hzs[HIST_BINS];
    PixStats sz = pass_stats(&m.train, zs, zlo, zhi, hzs);
    PixStats szt = pass_stats(&m.test, zs, zlo, zhi, NULL);
    printf("Eğitim kümesinden: μ = %.4f, σ = %.4f  ([0,1] ölçeğinde)\n", mu, sigma);
    printf("Örnek pikseller: 0 -> %.4f, 128 -> %.4f, 255 -> %.4f\n", norm_pixel(zs, 0),
           norm_pixel(zs, 128), norm_pixel(zs, 255));
    printf("Eğitim kümesi dönüşümden sonra: ortalama = %.6f, standart sapma = %.6f\n", sz.mean,
           sz.std);
    printf("Test kümesi (eğitimin μ, σ'sı ile):  ortalama = %.4f, standart sapma = %.4f\n",
           szt.mean, szt.std);
    printf("Test kümesinin ortalaması ve sapması 0 ve 1'e yakın ama tam değil:\n"
           "olması gereken de bu.\n");
    /* Şekil histogram_karsilastirma: Üç panelde histogramın şekli aynı kalır, yalnızca yatay
     * eksenin sayıları değişir: normalizasyon pikselleri yeniden ölçekler ve kaydırır, aralarındaki
     * sırayı ve dağılımı bozmaz. */
    d = plot_begin(&p, L, "histogram_karsilastirma");
    fprintf(d, "# blok 0: ham, blok 1: min-max, blok 2: z-score (kutu merkezi, sayı)\n");
    write_hist(d, hraw, rlo, rhi);
    fprintf(d, "\n\n");
    write_hist(d, hmm, mlo, mhi);
    fprintf(d, "\n\n");
    write_hist(d, hzs, zlo, zhi);
    char body[2048];
    snprintf(body, sizeof body,
             "set multiplot layout 1,3 title 'Aynı pikseller, üç ölçek (eğitim kümesi, %d kutu)'\n"
             "set logscale y\nset format y '10^{%%L}'\nset grid\nset style fill solid 0.7\nset boxwidth 0.9 relative\n"
             "unset key\nset ylabel 'piksel sayısı'\n"
             "set title 'ham (0–255)'\nset xlabel 'x'\nset xrange [%g:%g]\n"
             "plot 'histogram_karsilastirma.dat' index 0 using 1:2 with boxes lc rgb '#2b6cb0'\n"
             "unset ylabel\n"
             "set title 'min-max: x/255'\nset xlabel 'x′ ∈ [0,1]'\nset xrange [%g:%g]\n"
             "plot '' index 1 using 1:2 with boxes lc rgb '#2f855a'\n"
             "set title 'z-score: (x/255 - %.3f)/%.3f'\nset xlabel 'x′ (ortalama 0, σ 1)'\n"
             "set xrange [%g:%g]\n"
             "plot '' index 2 using 1:2 with boxes lc rgb '#c05621'\n"
             "unset multiplot\n",
             HIST_BINS, rlo, rhi, mlo, mhi, mu, sigma, zlo, zhi);
    plot_finish_size(&p, body, 1200, 420);
    plot_render(&p, a.ascii);
    printf("Grafik: %s\n(üç histogramın biçimi aynı; yalnızca x ekseni kaydı ve ölçeklendi)\n",
           plot_png_path(&p));

/*
 * Adım 6: Etiketler için one-hot kodlama
 *
 * Ağın çıkışı K = 10 sayıdır (her sınıf için bir skor); softmax bunları
 * olasılıklara çevirir. Hedefi de aynı biçimde yazarız: doğru sınıfın yeri 1,
 * diğerleri 0. Çapraz entropi kaybı (cross-entropy)
 *   $$L = -\sum_k t_k \log p_k$$
 * one-hot t ile tek terime iner: L = -log p[y]. Bu yüzden kütüphanemiz etiketi
 * tam sayı olarak saklar ve one-hot vektörü hiç kurmadan aynı sonucu hesaplar
 * (bkz. common/nn/loss.h); burada yalnızca neye karşılık geldiğini gösteriyoruz.
 */
    step_banner(6, NSTEPS, "Etiketler için one-hot kodlama");
    for (int i = 0; i < 3; i++) {
        float oh[K];
        one_hot(m.train.labels[i], oh);
        printf("örnek %d: etiket %d -> [", i, m.train.labels[i]);
        for (int k = 0; k < K; k++) printf("%s%g", k ? " " : "", oh[k]);
        printf("]\n");
    }
    printf("Etiket matrisi (%d, %d) olur; her satırın toplamı 1.\n", m.train.n, K);

/*
 * Adım 7: Neden önemli? Ham ve normalize girişle aynı eğitim
 *
 * Aynı küçük ağı (784-64-10, ReLU), aynı tohumla (aynı başlangıç ağırlıkları,
 * aynı yığın sırası), aynı eniyileyiciyle (optimizer; her adımda ağırlıkları
 * kaybı azaltacak yönde güncelleyen kural, burada Adam) ve aynı öğrenme oranıyla
 * (learning rate; her güncellemenin adım büyüklüğü, burada 0,001) üç kez
 * eğitiyoruz; tek fark girişin ölçeği: ham 0–255, min-max [0,1], z-score.
 *
 * Kaybı her birkaç adımda bir, o aradaki yığınların ortalaması olarak kaydedip
 * üç eğriyi aynı grafiğe (logaritmik y) çiziyoruz; tablodaki "son eğitim kaybı"
 * bu eğrinin son noktasıdır. Ham girişte ilk katmanın çıktıları yüzlerce kat
 * büyük olduğundan ilk tahminler "çok emin ve yanlış" olur ve kayıp çok yüksek
 * başlar; Adam her adımı sınırlasa da ağ bu kötü başlangıçtan yavaş toparlanır.
 *
 * Tabloda iki şeye daha bakıyoruz:
 *   - z-score'un ilk kaybı min-max'inkinden de yüksek olabilir: z-score'da zemin
 *     pikselleri 0 değil -0,42'dir, yani 784 girişin hepsi ilk katmana katkı
 *     verir ve girişin ortalama karesi E[x²] 1'dir (min-max'te ~0,11). Başlangıç
 *     skorları daha uçta olur; ağ bunu birkaç adımda toparlar.
 *   - ham ağın test kaybı eğitim kaybından çok büyük çıkar. Ölçtüğümüz "yanlışların
 *     kaybı" (yanlış tahmin edilen test görüntülerinde -log p[doğru sınıf]
 *     ortalaması) bunun nedenini gösterir: dev skorlar yüzünden ağ yanlışlarında
 *     bile çok emindir ve her yanlış ortalamaya pahalıya yazılır.
 *
 * Bu adımda ağı bir araç olarak kullanıyoruz. Nasıl öğrendiğini (kayıp, gradyan
 * (gradient), gradyan inişi (gradient descent), yığın, epoch, Adam) lesson00 küçük
 * örneklerle, kâğıt kalemle denetlenebilen sayılarla anlatır; ağın katmanlarını ve
 * ReLU'yu lesson02 kurar. Burada bilmeniz gereken: bir epoch, eğitim verisinin
 * tamamından bir kez geçmektir; her adımda bir yığının kaybı hesaplanır ve ağırlıklar
 * kaybı azaltacak yönde biraz itilir.
 */
    step_banner(7, NSTEPS, "Neden önemli: ham ve normalize girişle aynı ağı eğitmek");
    int nte = a.quick ? 2000 : m.test.n;
    int epochs = a.quick && !a.epochs_given ? 2 : a.epochs, batch = 64;
    int steps = epochs * ((ntr + batch - 1) / batch);
    int log_every = steps / 40 > 1 ? steps / 40 : 1;
    if (steps / log_every > 1024) log_every = steps / 1024 + 1;
    printf("Ağ 784-64-10, eniyileyici Adam, öğrenme oranı 0.001, yığın (batch) %d,\n%d eğitim "
           "görüntüsü, %d epoch (%d adım), tohum %d.\nTest: ilk %d test görüntüsü.\n", batch, ntr,
           epochs, steps, a.seed, nte);
    printf("\n                 ilk yığın  son eğitim    test      test      yanlışların\n"
           "                   kaybı      kaybı*      kaybı   doğruluğu      kaybı\n");
    static Variant vs[3];
    vs[0] = (Variant){.name = "ham (0–255)", .norm = raw};
    vs[1] = (Variant){.name = "min-max [0,1]", .norm = mm};
    vs[2] = (Variant){.name = "z-score", .norm = zs};
    for (int i = 0; i < 3; i++) {
        double t0 = now_sec();
        run_variant(&vs[i], &m, ntr, nte, epochs, batch, log_every, (uint64_t)a.seed);
        printf("  %s", vs[i].name);
        for (int w = utf8_len(vs[i].name); w < 15; w++) putchar(' ');
        char acc[16];
        snprintf(acc, sizeof acc, "%%%.2f", 100.0 * vs[i].test_acc);
        printf("%9.3f   %8.4f   %8.4f    %7s   %9.3f  (%.1f s)\n", vs[i].first_loss,
               vs[i].last_loss, vs[i].test_loss, acc, vs[i].wrong_loss, now_sec() - t0);
    }
    printf("* son eğitim kaybı: eğrinin son noktası, son %d adımın (yığının) ortalama kaybı.\n",
           log_every);
    /* Şekil kayip_karsilastirma: Aynı ağın üç giriş ölçeğiyle eğitim kaybını log ölçekte
     * karşılaştırın: ham piksellerle başlayan eğrinin ne kadar yukarıdan başladığına ve sonda öteki
     * ikisine yetişip yetişmediğine bakın. */
    d = plot_begin(&p, L, "kayip_karsilastirma");
    fprintf(d, "1 %.6g %.6g %.6g\n", vs[0].first_loss, vs[1].first_loss, vs[2].first_loss);
    for (int j = 0; j < vs[0].npts; j++)
        fprintf(d, "%d %.6g %.6g %.6g\n", (j + 1) * log_every, vs[0].curve[j], vs[1].curve[j],
                vs[2].curve[j]);
    plot_finish(&p, "set title 'Aynı ağ, aynı başlangıç: giriş ölçeğinin etkisi'\n"
                    "set xlabel 'adım (yığın)'\nset ylabel 'eğitim kaybı (log ölçek)'\n"
                    "set logscale y\nset grid\n"
                    /* açıklama sağ üstte, eğrilerin üstündeki boşlukta: eksen adını örtmesin */
                    "set key top right box opaque\n"
                    "plot 'kayip_karsilastirma.dat' using 1:2 with linespoints lw 2 title 'ham (0–255)', "
                    "'' using 1:3 with linespoints lw 2 title 'min-max [0,1]', "
                    "'' using 1:4 with linespoints lw 2 title 'z-score'\n");
    plot_render(&p, a.ascii);
    printf("Grafik: %s\n", plot_png_path(&p));
    printf("Ham giriş ilk yığında %.1f kat daha büyük bir kayıpla başladı; %d adım sonunda\n"
           "test kaybı ham %.4f, min-max %.4f (%.1f kat daha küçük). Giriş ölçeğini\n"
           "düzeltmek, aynı ağı ve aynı eğitim süresini çok daha iyi kullanmamızı sağladı.\n",
           vs[0].first_loss / vs[1].first_loss, steps, vs[0].test_loss, vs[1].test_loss,
           vs[0].test_loss / vs[1].test_loss);
    /* İki soru: z-score neden min-max'ten yüksek başladı, ham ağın test kaybı neden büyük? */
    double ex2_mm = sm.std * sm.std + sm.mean * sm.mean, ex2_zs = sz.std * sz.std + sz.mean * sz.mean;
    if (vs[2].first_loss > vs[1].first_loss)
        printf("z-score, min-max'ten de yüksek başladı (%.3f > %.3f): zemin pikselleri\n"
               "0 değil %.2f, yani 784 girişin hepsi ilk katmana katkı verir; girişin ortalama\n"
               "karesi E[x²] %.3f (min-max'te %.3f). Başlangıç skorları daha uçta, kayıp\n"
               "rastgele tahminin ln 10 = %.3f değerinden daha uzakta başlar; eğri birkaç\n"
               "adımda toparlanıyor.\n", vs[2].first_loss, vs[1].first_loss, norm_pixel(zs, 0), ex2_zs,
               ex2_mm, log(10.0));
    else
        printf("z-score ile min-max yakın başladı (%.3f ve %.3f; rastgele tahminin kaybı "
               "ln 10 = %.3f).\n", vs[2].first_loss, vs[1].first_loss, log(10.0));
    /* test kaybının ne kadarı yanlışlardan: (yanlış oranı x yanlışların kaybı) / test kaybı */
    double share_raw = (1.0 - vs[0].test_acc) * vs[0].wrong_loss / vs[0].test_loss;
    printf("Ham ağın son eğitim kaybı %.4f, test kaybı %.4f. Eğitim kaybı ağın %d kez\n"
           "gördüğü görüntülerden, test kaybı hiç görmediklerinden ölçülür; bu yüzden test\n"
           "kaybı genellikle büyüktür.\n", vs[0].last_loss, vs[0].test_loss, epochs);
    if (vs[0].wrong_loss > vs[1].wrong_loss)
        printf("Ham ağda fark daha da büyür, çünkü ağ yanlışlarında bile çok emin: yanlış\n"
               "tahmin edilen test görüntülerinin ortalama kaybı ham ağda %.2f, min-max'te\n"
               "%.2f. Bu yanlışlar test görüntülerinin %%%.1f kadarı, ama ham ağın test\n"
               "kaybına katkıları %%%.1f.\n", vs[0].wrong_loss, vs[1].wrong_loss, 100.0 * (1.0 - vs[0].test_acc),
               100.0 * share_raw);
    else
        printf("Yanlış tahmin edilen test görüntülerinin ortalama kaybı ham ağda %.2f, "
               "min-max'te %.2f.\n", vs[0].wrong_loss, vs[1].wrong_loss);

    printf("\nSONUÇ: train_n=%d test_n=%d classes=%d pixel_min=%.0f pixel_max=%.0f "
           "pixel_mean=%.4f pixel_std=%.4f zero_frac=%.4f mu=%.6f sigma=%.6f "
           "minmax_min=%.6f minmax_max=%.6f minmax_mean=%.6f zscore_mean=%.6f zscore_std=%.6f "
           "zscore_test_mean=%.6f zscore_test_std=%.6f raw_first_loss=%.4f norm_first_loss=%.4f "
           "raw_loss=%.4f norm_loss=%.4f zscore_loss=%.4f raw_acc=%.4f norm_acc=%.4f "
           "zscore_acc=%.4f raw_wrong_loss=%.4f norm_wrong_loss=%.4f raw_last_loss=%.4f\n",
           m.train.n, m.test.n, m.nclasses, sr.min, sr.max, sr.mean, sr.std, sr.zero_frac, mu,
           sigma, sm.min, sm.max, sm.mean, sz.mean, sz.std, szt.mean, szt.std, vs[0].first_loss,
           vs[1].first_loss, vs[0].test_loss, vs[1].test_loss, vs[2].test_loss, vs[0].test_acc,
           vs[1].test_acc, vs[2].test_acc, vs[0].wrong_loss, vs[1].wrong_loss, vs[0].last_loss);
    mnist_free(&m);
    return 0;
}
