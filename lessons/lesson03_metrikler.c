/*
 * lesson03_metrikler.c — Ders 3: Eğitim metrikleri ve aşırı öğrenme (overfitting)
 *
 * Bu derste öğrenecekleriniz:
 *   - kaydedilmiş bir modeli (lesson02'nin MLP'si) yükleyip test kümesinde ölçmek;
 *   - doğruluk (accuracy) tek başına neden yetmez; karmaşıklık matrisi
 *     (confusion matrix) hangi rakamların birbirine karıştığını gösterir;
 *   - sınıf başına kesinlik (precision), duyarlılık (recall), F1 ve bunların
 *     makro ortalaması (macro average);
 *   - modelin yanıldığı rakamlara bakmak: hatalar çoğu zaman anlaşılırdır;
 *   - aşırı öğrenme: küçük bir eğitim kümesinde (training set) eğitim kaybı (loss)
 *     sıfıra inerken modelin eğitimde görmediği doğrulama (validation) görüntülerindeki
 *     kayıp yükselir; dropout ve erken durdurma (early stopping) aradaki açığı (gap)
 *     daraltır.
 *
 * Çalıştırma:  make lesson03 && ./lesson03     (önce ./lesson02 modeli kaydetmiş olmalı;
 *                                               yoksa ders modeli kendisi eğitir)
 *              ./lesson03 --quick              (hızlı model ve küçük deney; testler bunu kullanır)
 *              ./lesson03 --model DOSYA        (başka bir model dosyasını değerlendir)
 *              ./lesson03 --quiz               (dersin sınavı)
 * Grafikler plots/lesson03/ altına yazılır.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "doaa.h"
#include "lesson/show.h"

#define NSTEPS 6
#define K 10
static const char *L = "lesson03";
static const Norm MINMAX = {.kind = NORM_MINMAX, .mean = 0.0f, .std = 1.0f};   /* lesson02 böyle eğitir */

/* UTF-8 metnin karakter sayısı (tablo hizası için) */
static int utf8_len(const char *s) {
    int n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Olasılığı yüzde olarak yazar: "%97.31". %100'e yuvarlanacak ama 1 olmayan değer ">%99.99"
 * olur; float'ta tam 1'e yuvarlanmış olasılık "≈%100" (diğer sınıfların payı float'a
 * sığmayacak kadar küçük). */
static const char *fmt_pct(char *buf, size_t n, double p) {
    if (p >= 1.0) snprintf(buf, n, "≈%%100");
    else if (p >= 0.99995) snprintf(buf, n, ">%%99.99");
    else snprintf(buf, n, "%%%.2f", 100.0 * p);
    return buf;
}

/* lesson02'nin modeli yoksa aynı tarifle (models_mnist_mlp, Adam, kosinüs eğrisiyle inen
 * öğrenme oranı (learning rate), min-max) burada eğitip kaydeder. */
static void train_missing_model(const char *path, const Mnist *m, int quick, uint64_t seed) {
    int nval = quick ? 1000 : 5000, ntr = quick ? 6000 : m->train.n - nval;
    int *tr = xmalloc((size_t)ntr * sizeof(int)), *va = xmalloc((size_t)nval * sizeof(int));
    for (int i = 0; i < ntr; i++) tr[i] = i;
    for (int i = 0; i < nval; i++) va[i] = m->train.n - nval + i;
    Net net;
    models_mnist_mlp(&net, 0.2f, 128, seed);
    Adam opt;
    adam_init(&opt, net.nparams, 1e-3f);
    TrainConfig cfg = train_config_default();
    cfg.epochs = quick ? 2 : 10;
    cfg.seed = seed;
    cfg.cosine = 1;
    TrainHistory h;
    printf("lesson02'nin tarifiyle eğitiliyor: %d eğitim,\n%d doğrulama görüntüsü, %d epoch.\n", ntr,
           nval, cfg.epochs);
    train_classifier(&net, &opt, &m->train, tr, ntr, &m->train, va, nval, &cfg, &h);
    char err[512];
    if (mkdir_p(MODEL_DIR) != 0) die("'%s' klasörü oluşturulamadı", MODEL_DIR);
    snprintf(net.meta, sizeof net.meta, "lesson=lesson03 (lesson02 tarifi) norm=minmax");
    if (net_save(&net, path, err, sizeof err) != 0) die("%s", err);
    printf("Model kaydedildi: %s\n", path);
    adam_free(&opt);
    net_free(&net);
    free(tr);
    free(va);
}

/* Karmaşıklık matrisinin ısı haritası (heatmap): renk log(1+sayı), hücrede sayının kendisi.
 * cm (K,K): cm[gerçek][tahmin] */
static void plot_confusion(const int *cm, int ascii) {
    Plot p;
    /* Şekil karmasiklik_matrisi: Köşegendeki koyu hücreler doğru tahminlerdir; köşegen dışındaki
     * sayılar hangi rakamın hangisiyle karıştırıldığını söyler, en büyüklerini arayın (renk log
     * ölçekli olduğundan küçük sayılar da görünür). */
    FILE *d = plot_begin(&p, L, "karmasiklik_matrisi");
    int mx = 1;
    for (int i = 0; i < K * K; i++) mx = cm[i] > mx ? cm[i] : mx;
    fprintf(d, "# tahmin gerçek sayı log10(1+sayı)\n");
    for (int t = 0; t < K; t++) {   /* gnuplot 'with image' için: her satır bir tarama çizgisi */
        for (int pr = 0; pr < K; pr++)
            fprintf(d, "%d %d %d %.5f\n", pr, t, cm[t * K + pr], log10(1.0 + cm[t * K + pr]));
        fputc('\n', d);
    }
    char body[2048];
    snprintf(body, sizeof body,
             "set title 'Karmaşıklık matrisi (test kümesi): satır = gerçek, sütun = tahmin'\n"
             "set xlabel 'tahmin edilen rakam'\nset ylabel 'gerçek rakam'\n"
             "set xrange [-0.5:9.5]\nset yrange [9.5:-0.5]\nset xtics 0,1,9\nset ytics 0,1,9\n"
             "set size ratio -1\nunset key\n"
             "set palette defined (0 '#ffffff', 1 '#bee3f8', 2 '#4299e1', 3 '#1a365d')\n"
             "set cbrange [0:%.4f]\nset cblabel 'log10(1 + sayı)'\n"
             "plot 'karmasiklik_matrisi.dat' using 1:2:4 with image, "
             "'' using 1:2:($4 > %.4f ? sprintf('%%d', $3) : '') with labels tc rgb 'white' font ',10', "
             "'' using 1:2:($4 <= %.4f && $3 > 0 ? sprintf('%%d', $3) : '') with labels tc rgb 'black' font ',10'\n",
             log10(1.0 + mx), 0.6 * log10(1.0 + mx), 0.6 * log10(1.0 + mx));
    plot_finish_size(&p, body, 760, 680);
    plot_render(&p, ascii);
    printf("Isı haritası: %s\n", plot_png_path(&p));
}

/* Yanlış sınıflanan görüntülerin galerisi: gnuplot multiplot, her panelin başlığında
 * "gerçek → tahmin (olasılık)". ids (n) test indisleri, pred (N), probs (N,K). */
static void plot_gallery(const ImageSet *s, const int *ids, int n, const int *pred,
                         const float *probs, int ascii) {
    Plot p;
    /* Şekil yanlislar: Her görüntünün üstünde gerçek → tahmin ve modelin tahmine verdiği olasılık
     * yazar; hangilerini bir insanın da karıştırabileceğine, hangilerinin açıkça yanlış olduğuna
     * bakın. */
    FILE *d = plot_begin(&p, L, "yanlislar");
    int D = s->rows * s->cols;
    for (int i = 0; i < n; i++) {   /* her görüntü bir matris bloğu (index i) */
        const uint8_t *img = s->images + (size_t)ids[i] * D;
        for (int r = 0; r < s->rows; r++) {
            for (int c = 0; c < s->cols; c++) fprintf(d, "%s%d", c ? " " : "", img[r * s->cols + c]);
            fputc('\n', d);
        }
        fprintf(d, "\n\n");
    }
    int cols = 8, rows = (n + cols - 1) / cols;
    size_t cap = 4096 + (size_t)n * 200;
    char *body = xmalloc(cap);
    int k = snprintf(body, cap,
                     "set multiplot layout %d,%d title 'Modelin en emin olduğu %d hata: "
                     "gerçek → tahmin (tahminin olasılığı)' font ',13' "
                     "margins 0.01,0.99,0.01,%.3f spacing 0.01,%.3f\n"
                     "set palette gray\nunset colorbox\nunset tics\nunset border\nunset key\n"
                     "set size ratio -1\nset xrange [-0.5:%d.5]\nset yrange [%d.5:-0.5]\n"
                     "set cbrange [0:255]\n",
                     rows, cols, n, 1.0 - 50.0 / (170 * rows + 60), 28.0 / (170 * rows + 60),
                     s->cols - 1, s->rows - 1);
    for (int i = 0; i < n; i++) {
        int id = ids[i];
        char pct[32];
        k += snprintf(body + k, cap - k,
                      "set title '%d → %d  (%s)' font ',12'\n"
                      "plot 'yanlislar.dat' index %d matrix with image\n",
                      s->labels[id], pred[id],
                      fmt_pct(pct, sizeof pct, probs[(size_t)id * K + pred[id]]), i);
    }
    snprintf(body + k, cap - k, "unset multiplot\n");
    plot_finish_size(&p, body, 1200, 170 * rows + 60);
    free(body);
    plot_render(&p, ascii);
    printf("Galeri: %s\n", plot_png_path(&p));
}

/* Aşırı öğrenme deneyinin bir koşusu */
typedef struct {
    const char *name;
    float dropout;
    int patience;
    TrainHistory h;
    float tr_loss, tr_acc, va_loss, va_acc;   /* eğitimden sonra, dropout kapalı ölçüm */
} OverfitRun;

static void overfit_run(OverfitRun *r, const Mnist *m, const int *tr, int ntr, const int *va,
                        int nva, int epochs, uint64_t seed) {
    Net net;
    models_mnist_mlp(&net, r->dropout, 64, seed);   /* iki koşuda aynı başlangıç ağırlıkları */
    Adam opt;
    adam_init(&opt, net.nparams, 1e-3f);
    TrainConfig cfg = train_config_default();
    cfg.epochs = epochs;
    cfg.batch = 32;
    cfg.patience = r->patience;
    cfg.seed = seed;
    cfg.quiet = 1;
    train_classifier(&net, &opt, &m->train, tr, ntr, &m->train, va, nva, &cfg, &r->h);
    evaluate(&net, &m->train, tr, ntr, MINMAX, LOSS_SOFTMAX_XENT, &r->tr_loss, &r->tr_acc, NULL,
             NULL);
    evaluate(&net, &m->train, va, nva, MINMAX, LOSS_SOFTMAX_XENT, &r->va_loss, &r->va_acc, NULL,
             NULL);
    adam_free(&opt);
    net_free(&net);
}

/* ---------------------------------------------------------------------------
 * Sınav: cevaplar metrics_from_confusion ile çalışma anında hesaplanır.
 * ------------------------------------------------------------------------- */
static int run_quiz(const LessonArgs *a) {
    /* 3 sınıflı örnek: cm[gerçek][tahmin], sınıflar kedi, köpek, kuş */
    static const int cm3[9] = {40, 10, 0,
                               5, 30, 5,
                               0, 2, 18};
    const char *names[3] = {"kedi", "köpek", "kuş"};
    ClassMetrics per[3];
    MetricsSummary sum;
    metrics_from_confusion(cm3, 3, per, &sum);
    static char table[512], q1[768], q2[768], q3[768], q4[768], q5[768];
    /* satırlar gerçek sınıf, sütunlar tahmin; UTF-8 adlar elle hizalanır */
    int n = snprintf(table, sizeof table, "\n    gerçek \\ tahmin");
    for (int j = 0; j < 3; j++) {
        for (int w = utf8_len(names[j]); w < 7; w++) n += snprintf(table + n, sizeof table - n, " ");
        n += snprintf(table + n, sizeof table - n, "%s", names[j]);
    }
    n += snprintf(table + n, sizeof table - n, "\n");
    for (int i = 0; i < 3; i++) {
        n += snprintf(table + n, sizeof table - n, "    %s", names[i]);
        for (int w = utf8_len(names[i]); w < 15; w++) n += snprintf(table + n, sizeof table - n, " ");
        n += snprintf(table + n, sizeof table - n, "%7d%7d%7d\n", cm3[i * 3], cm3[i * 3 + 1],
                      cm3[i * 3 + 2]);
    }
    snprintf(q1, sizeof q1, "Aşağıdaki karmaşıklık matrisine göre 'köpek' sınıfının kesinliği "
                            "(precision) kaçtır? (iki ondalık)%s", table);
    snprintf(q2, sizeof q2, "Aynı matriste 'kuş' sınıfının duyarlılığı (recall) kaçtır?%s", table);
    snprintf(q3, sizeof q3, "Aynı matriste 'kedi' sınıfının F1 skoru kaçtır? (iki ondalık)%s", table);
    snprintf(q4, sizeof q4, "Aynı matriste modelin doğruluğu (accuracy) kaçtır? (0 ile 1 "
                            "arasında bir oran olarak, ör. 0.75)%s", table);
    snprintf(q5, sizeof q5, "Aynı matriste makro ortalama duyarlılık (macro recall) kaçtır? "
                            "(iki ondalık)%s", table);
    /* Dengesiz veri: 1000 kişiden 10'u hasta; model herkese "sağlam" diyor */
    static const int cm2[4] = {990, 0, 10, 0};
    ClassMetrics per2[2];
    MetricsSummary sum2;
    metrics_from_confusion(cm2, 2, per2, &sum2);
    static char q6[512];
    snprintf(q6, sizeof q6, "1000 kişinin %d'u hasta. Model herkese 'sağlam' diyor; doğruluğu "
                            "%%%.0f. Hasta sınıfının duyarlılığı (recall) kaçtır?",
             cm2[2] + cm2[3], 100.0 * sum2.accuracy);
    QuizQuestion qs[] = {
        {.q = q1, .answer = per[1].precision, .tol = 0.01,
         .explain = "Kesinlik = TP / (TP + FP): 'köpek' SÜTUNUNA bakılır. 30 / (10 + 30 + 2) = "
                    "30/42 ≈ 0.71. Köpek dediklerimizin %71'i gerçekten köpek."},
        {.q = q2, .answer = per[2].recall, .tol = 0.01,
         .explain = "Duyarlılık = TP / (TP + FN): 'kuş' SATIRINA bakılır. 18 / (0 + 2 + 18) = 0.90."},
        {.q = q3, .answer = per[0].f1, .tol = 0.01,
         .explain = "P = 40/45 ≈ 0.889, R = 40/50 = 0.8; F1 = 2PR/(P+R) ≈ 0.84. F1, ikisinin "
                    "harmonik ortalamasıdır: biri düşükse F1 de düşük olur."},
        {.q = q4, .answer = sum.accuracy, .tol = 0.005,
         .explain = "Köşegen toplamı / tüm örnekler = (40 + 30 + 18) / 110 = 88/110 = 0.80. "
                    "Yüzde olarak %80; ama soru 0 ile 1 arasında bir oran istedi."},
        {.q = q5, .answer = sum.macro_recall, .tol = 0.01,
         .explain = "Sınıf başına duyarlılıklar 0.80, 0.75, 0.90; düz ortalamaları ≈ 0.82. Makro "
                    "ortalamada her sınıf, kaç örneği olursa olsun, eşit ağırlık taşır."},
        {.q = q6, .answer = per2[1].recall, .tol = 0.001,
         .explain = "Hiçbir hastayı bulamadı: TP = 0, duyarlılık 0. Dengesiz verilerde yüksek "
                    "doğruluk yanıltıcıdır; sınıf başına ölçütlere bakılmalıdır."},
        {.q = "Hangisi aşırı öğrenmenin (overfitting) tipik işaretidir?",
         .choices = {"Eğitim ve doğrulama kaybı birlikte düşüyor",
                     "Eğitim kaybı düşmeye devam ederken doğrulama kaybı yükselmeye başlıyor",
                     "Eğitim kaybı doğrulama kaybından büyük",
                     "Doğruluk her epoch'ta aynı kalıyor"},
         .correct = 1,
         .explain = "Model eğitim örneklerini ezberliyor; ezber, görmediği veriye genellenmiyor. "
                    "Bu derste 1000 görüntüyle eğitilen modelde bunu gördük."},
        {.q = "Erken durdurma (early stopping, sabır = 5) ne yapar?",
         .choices = {"5. epoch'ta eğitimi her zaman durdurur",
                     "Eğitim kaybı 5 epoch düşmezse öğrenme oranını 5'e böler",
                     "Doğrulama kaybı 5 epoch boyunca iyileşmezse durur ve en iyi epoch'un "
                     "ağırlıklarına döner",
                     "Her 5 epoch'ta bir dropout oranını artırır"},
         .correct = 2,
         .explain = "Doğrulama kaybını izler; en iyi ağırlıkları saklar ve sabrı tükenince onlara "
                    "döner (bkz. common/model/train.c)."},
        {.q = "Bir e-posta süzgeci 'spam' ve 'normal' diye iki sınıf ayırıyor. Önemli bir normal "
              "e-postanın spam klasörüne düşmesi çok pahalı; birkaç spam'in gelen kutusuna "
              "sızması ise dert değil. En çok hangi ölçüte bakmalısınız?",
         .choices = {"spam sınıfının duyarlılığına (recall)",
                     "spam sınıfının kesinliğine (precision)",
                     "yalnızca doğruluğa (accuracy)",
                     "eğitim kaybına"},
         .correct = 1,
         .explain = "Pahalı hata, spam DEMEMİZ ama yanılmamız: spam sınıfının yanlış pozitifleri "
                    "(FP). Kesinlik = TP / (TP + FP) tam bunu ölçer: 'spam dediklerimizin ne "
                    "kadarı gerçekten spam?'. Duyarlılık ise kaçırılan spam'leri (FN) sayar; "
                    "onlar burada ucuz."},
    };
    return quiz_run(L, qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson03",
                         .title = "Eğitim metrikleri: karmaşıklık matrisi, kesinlik, duyarlılık, "
                                  "F1 ve aşırı öğrenme",
                         .default_epochs = 60, .extras = CLI_MODEL,
                         .extra_help = "                   (verilmezse lesson02'nin kaydettiği "
                                       "data/models/lesson02_mlp.model;\n"
                                       "                   --quick ile lesson02_mlp_quick.model)\n"
                                       "  Not: bu derste --epochs, 6. adımdaki aşırı öğrenme "
                                       "deneyinin en çok epoch sayısıdır.\n"});
    if (a.quiz) return run_quiz(&a);
    progress_force_plain(1);

/*
 * Adım 1: Modeli yükle
 *
 * lesson02 eğittiği MLP'yi data/models/lesson02_mlp.model dosyasına kaydetti
 * (--quick ile lesson02_mlp_quick.model). Dosya mimariyi ve ağırlıkları birlikte
 * taşır; yükleyici imzayı, sürümü, katmanları, uzunluğu ve CRC-32 sağlamasını
 * denetler. Bozuk ya da kesik bir dosya, dosya adını söyleyen bir hatayla
 * reddedilir. Bu ders 28x28 gri bir görüntüden 10 sınıf skoru üreten her modeli
 * değerlendirebilir; girişi ya da çıkışı farklı bir model de reddedilir.
 * Varsayılan dosya hiç yoksa (lesson02 henüz çalışmadıysa) modeli aynı tarifle
 * burada eğitir ve söyleriz.
 */
    step_banner(1, NSTEPS, "Modeli yükle");
    const char *path = a.model ? a.model
                       : a.quick ? MODEL_DIR "/lesson02_mlp_quick.model"
                                 : MODEL_DIR "/lesson02_mlp.model";
    Mnist m;
    int have_mnist = 0, trained = 0;
    /* --data ile gelen kümede bulunması gerekenler: eksik modelin eğitimi (quick: 6000
     * eğitim + 1000 doğrulama; tam: 5000 doğrulama + en az 1 eğitim) ve adım 6'nın ayrık
     * eğitim ve doğrulama alt kümeleri (quick: 500 + 1000, tam: 1000 + 2000). */
    int need_train = a.quick ? 7000 : 5001;
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT) {   /* yok; klasör vb. durumları net_load söyler */
        if (a.model) die("model dosyası '%s' bulunamadı", path);
        printf("'%s' bulunamadı:\nlesson02 henüz çalıştırılmamış. Model şimdi burada eğitiliyor\n"
               "(aynısını ./lesson02%s yapar).\n", path, a.quick ? " --quick" : "");
        mnist_load_checked(&m, a.data_dir, need_train, 1);
        have_mnist = 1;
        train_missing_model(path, &m, a.quick, (uint64_t)a.seed);
        trained = 1;
    }
    Net net;
    char err[1024];
    if (net_load(&net, path, 256, err, sizeof err) != 0) {
        if (a.model) die("%s\nDoğru bir model dosyası verin ya da --model'i bırakın "
                         "(lesson02'nin modeli kullanılır).", err);
        die("%s\nModeli yeniden üretmek için: ./lesson02%s (ya da dosyayı silin; bu ders onu "
            "kendisi eğitir).", err, a.quick ? " --quick" : "");
    }
    if (net.in_c != 1 || net.in_h != 28 || net.in_w != 28 || net_out_size(&net) != K) {
        char desc[512];
        net_describe(&net, desc, sizeof desc);
        die("model dosyası '%s' bu derse uymuyor: 28x28 gri görüntü (1,28,28) alıp %d sınıf skoru "
            "veren bir model gerekiyor; dosyadaki modelin girişi (%d,%d,%d), çıkışı %zu (%s)",
            path, K, net.in_c, net.in_h, net.in_w, net_out_size(&net), desc);
    }
    printf("Yüklendi: %s%s\n", path, trained ? " (az önce eğitildi)" : "");
    net_summary(&net, stdout);
    if (net.meta[0]) printf("Dosyadaki not (meta): %s\n", net.meta);
    if (!have_mnist) mnist_load_checked(&m, a.data_dir, a.quick ? 1500 : 3000, 1);

/*
 * Adım 2: Test kümesinde tahmin ve doğruluk
 *
 * Her test görüntüsü için ağ 10 olasılık verir (softmax); tahmin, en büyük
 * olasılığın sırasıdır (argmax). Doğruluk:
 *   doğruluk = doğru tahmin sayısı / tüm örnekler
 * Tek bir sayıdır ve "hangi sınıflarda" yanıldığımızı söylemez; sonraki adımlar
 * bunun için.
 */
    step_banner(2, NSTEPS, "Test kümesinde tahmin ve doğruluk");
    int N = m.test.n;
    int *pred = xmalloc((size_t)N * sizeof(int));
    float *probs = xmalloc((size_t)N * K * sizeof(float));
    float test_loss, eval_acc;
    double t0 = now_sec();
    evaluate(&net, &m.test, NULL, N, MINMAX, LOSS_SOFTMAX_XENT, &test_loss, &eval_acc, pred, probs);
    int correct = 0;
    for (int i = 0; i < N; i++) correct += pred[i] == m.test.labels[i];
    printf("%d test görüntüsü %.2f saniyede sınıflandı\n(girdi min-max ile [0,1]'e ölçeklendi).\n",
           N, now_sec() - t0);
    printf("Doğru: %d, yanlış: %d -> doğruluk = %d / %d = %.4f (%%%.2f);\nortalama kayıp %.4f\n",
           correct, N - correct, correct, N, (double)correct / N, 100.0 * correct / N, test_loss);

/*
 * Adım 3: Karmaşıklık matrisi
 *
 * K x K'lık bir tablo: cm[gerçek][tahmin] = o çiftten kaç örnek var. Köşegen
 * doğru tahminlerdir; köşegen dışındaki her hücre belirli bir karışıklıktır
 * (ör. "gerçek 4, tahmin 9"). Satır toplamı o sınıfın test örneği sayısıdır,
 * bütün hücrelerin toplamı test kümesinin büyüklüğü. Isı haritasında renk
 * log ölçektedir: yoksa köşegendeki ~1000'ler yanında 5'ler, 10'lar görünmez.
 */
    step_banner(3, NSTEPS, "Karmaşıklık matrisi (confusion matrix)");
    int cm[K * K] = {0};
    confusion_add(cm, K, m.test.labels, pred, N);
    confusion_print(cm, K, NULL);
    long cm_total = 0, cm_diag = 0;
    int top[2] = {-1, -1};   /* köşegen dışındaki en büyük iki hücrenin indisi (t*K + p) */
    for (int t = 0; t < K; t++)
        for (int p = 0; p < K; p++) {
            int c = t * K + p;
            cm_total += cm[c];
            if (t == p) { cm_diag += cm[c]; continue; }
            if (top[0] < 0 || cm[c] > cm[top[0]]) { top[1] = top[0]; top[0] = c; }
            else if (top[1] < 0 || cm[c] > cm[top[1]]) top[1] = c;
        }
    printf("Hücrelerin toplamı %ld (= test örneği sayısı), köşegen %ld;\n%ld / %ld = %.4f doğruluktur.\n",
           cm_total, cm_diag, cm_diag, cm_total, (double)cm_diag / cm_total);
    if (top[0] >= 0 && cm[top[0]] > 0) {
        int t0c = top[0] / K, p0c = top[0] % K, t1c = top[1] / K, p1c = top[1] % K;
        printf("En sık karışıklık: gerçek %d, tahmin %d (%d kez).\n", t0c, p0c, cm[top[0]]);
        int reverse_second = t1c == p0c && p1c == t0c;
        if (cm[top[1]] > 0 && cm[top[1]] == cm[top[0]])
            printf("Aynı sayıyla bir de: gerçek %d, tahmin %d%s.\n", t1c, p1c,
                   reverse_second ? " (aynı çiftin ters yönü)" : "");
        else if (cm[top[1]] > 0)
            printf("İkinci sırada: gerçek %d, tahmin %d (%d kez)%s.\n", t1c, p1c, cm[top[1]],
                   reverse_second ? " — aynı çiftin ters yönü" : "");
        else
            printf("\n");
        if (!reverse_second)
            printf("Karışıklık simetrik olmak zorunda değil: ters yönde (gerçek %d, tahmin %d) "
                   "%d kez.\n", p0c, t0c, cm[p0c * K + t0c]);
    }
    plot_confusion(cm, a.ascii);

/*
 * Adım 4: Kesinlik, duyarlılık, F1
 *
 * Bir k sınıfı için üç sayı sayarız (bkz. common/model/metrics.h):
 *   TP (doğru pozitif, true positive)  = cm[k][k]: gerçek k, tahmin k
 *   FP (yanlış pozitif, false positive) = k sütununun geri kalanı: k dedik, değildi
 *   FN (yanlış negatif, false negative) = k satırının geri kalanı: k'ydı, kaçırdık
 * Bunlardan:
 *   kesinlik  P = TP / (TP + FP)   "k dediğimizde ne sıklıkla haklıyız?"
 *   duyarlılık R = TP / (TP + FN)  "gerçek k'lerin ne kadarını bulduk?"
 *   $$F_1 = \frac{2 P R}{P + R} \qquad \text{(harmonik ortalama: ikisi de yüksekse yüksek)}$$
 * Makro ortalama, on sınıfın ölçütlerinin düz ortalamasıdır: her sınıf, kaç
 * örneği olursa olsun, eşit ağırlık taşır. Doğrulukta ise her ÖRNEK eşit
 * ağırlıktadır. Sınıflar dengeliyse (her sınıfın örnek sayısı yakınsa) iki
 * ortalama yakın çıkar; dengesiz veride az örnekli sınıfların kötü sonucu
 * doğrulukta kaybolur, makro ölçütlerde görünür.
 */
    step_banner(4, NSTEPS, "Kesinlik (precision), duyarlılık (recall), F1");
    ClassMetrics per[K];
    MetricsSummary sum;
    metrics_from_confusion(cm, K, per, &sum);
    printf("sınıf  kesinlik  duyarlılık      F1   örnek\n");
    int worst = 0, best = 0;
    for (int k = 0; k < K; k++) {
        printf("  %d     %.4f      %.4f  %.4f   %5d\n", k, per[k].precision, per[k].recall,
               per[k].f1, per[k].support);
        if (per[k].f1 < per[worst].f1) worst = k;
        if (per[k].f1 > per[best].f1) best = k;
    }
    printf("makro   %.4f      %.4f  %.4f   %5d\n", sum.macro_precision, sum.macro_recall,
           sum.macro_f1, sum.total);
    {
        long tp = cm[worst * K + worst], col = 0, row = 0;
        for (int i = 0; i < K; i++) {
            col += cm[i * K + worst];
            row += cm[worst * K + i];
        }
        printf("F1'i en düşük sınıf %d: doğru pozitif TP = %ld, yanlış pozitif FP = %ld,\nyanlış "
               "negatif FN = %ld\n  -> P = TP/(TP+FP) = %ld/%ld = %.4f, R = TP/(TP+FN) = %ld/%ld = "
               "%.4f.\n", worst, tp, col - tp, row - tp, tp, col, per[worst].precision, tp, row,
               per[worst].recall);
        printf("F1'i en yüksek sınıf %d (%.4f).\n", best, per[best].f1);
        int smin = per[0].support, smax = per[0].support;
        for (int k = 1; k < K; k++) {
            if (per[k].support < smin) smin = per[k].support;
            if (per[k].support > smax) smax = per[k].support;
        }
        printf("Sınıf başına test örneği %d ile %d arasında\n(en çok / en az = %.2f)%s\n", smin, smax,
               (double)smax / smin,
               (double)smax / smin < 1.5 ? ": sınıflar dengeli." : ": sınıflar dengesiz.");
        printf("Doğruluk her örneği, makro F1 her sınıfı eşit sayar; burada doğruluk %.4f,\n"
               "makro F1 %.4f (fark %.4f)%s\n", sum.accuracy, sum.macro_f1, fabs(sum.accuracy - sum.macro_f1),
               (double)smax / smin < 1.5 && fabs(sum.accuracy - sum.macro_f1) < 0.02
                   ? ": dengeli veride beklendiği gibi yakınlar."
                   : ".");
    }
    /* Ölçütlerin hepsi 1'e yakın; çubukları 1'e yakın bir yerden başlayan bir eksende çizmek
     * farkları olduğundan büyük gösterir. Onun yerine hatayı (1 − ölçüt) 0'dan başlayan bir
     * eksende çiziyoruz: çubuğun boyu, o sınıfta kaçırılan payın kendisidir. */
    Plot p;
    /* Şekil sinif_metrikleri: Çubuklar her rakamın hatasıdır (1 − ölçüt, eksen 0'dan başlar): uzun
     * çubuk modelin o rakamda zorlandığını gösterir; bir sınıfın kesinlik ve duyarlılık hatalarının
     * birbirinden ne kadar farklı olabildiğine bakın. */
    FILE *d = plot_begin(&p, L, "sinif_metrikleri");
    fprintf(d, "# rakam 1-kesinlik 1-duyarlılık 1-F1 (yüzde)\n");
    for (int k = 0; k < K; k++)
        fprintf(d, "%d %.4f %.4f %.4f\n", k, 100.0 * (1.0 - per[k].precision),
                100.0 * (1.0 - per[k].recall), 100.0 * (1.0 - per[k].f1));
    plot_finish(&p, "set title 'Sınıf başına hata: 100 × (1 − ölçüt), test kümesi'\n"
                    "set xlabel 'rakam'\nset ylabel 'hata (%, 0 en iyisi)'\n"
                    "set yrange [0:*]\nset grid ytics\n"
                    "set style data histograms\nset style histogram clustered gap 1\n"
                    "set style fill solid 0.8 border -1\nset key outside right\n"
                    "plot 'sinif_metrikleri.dat' using 2:xtic(1) title '1 − kesinlik' "
                    "lc rgb '#2b6cb0', '' using 3 title '1 − duyarlılık' lc rgb '#dd6b20', "
                    "'' using 4 title '1 − F1' lc rgb '#2f855a'\n");
    plot_render(&p, a.ascii);
    printf("Grafik: %s\n(çubuk: hata = 1 − ölçüt, yüzde; eksen 0'dan başlar)\n",
           plot_png_path(&p));

/*
 * Adım 5: Yanlış sınıflanan rakamlar
 *
 * Hatalara gözle bakmak, sayıların söyleyemediğini söyler: bazı "hatalar"
 * insanın da zorlanacağı karalamalardır, bazıları etiket (label) hatasıdır, bazıları
 * ise modelin gerçekten öğrenemediği biçimlerdir. Modelin EN EMİN olduğu
 * hataları (tahmin ettiği sınıfa verdiği olasılık en yüksek olanlar) seçiyoruz.
 */
    step_banner(5, NSTEPS, "Yanlış sınıflanan rakamlar");
    int nwrong = 0;
    int *wrong = xmalloc((size_t)N * sizeof(int));
    for (int i = 0; i < N; i++)
        if (pred[i] != m.test.labels[i]) wrong[nwrong++] = i;
    /* güvene göre azalan sıraya diz (yerleştirmeli sıralama; birkaç yüz öğe) */
    for (int i = 1; i < nwrong; i++) {
        int v = wrong[i], j = i;
        float pv = probs[(size_t)v * K + pred[v]];
        while (j > 0 && probs[(size_t)wrong[j - 1] * K + pred[wrong[j - 1]]] < pv) {
            wrong[j] = wrong[j - 1];
            j--;
        }
        wrong[j] = v;
    }
    printf("%d test görüntüsünün %d tanesi yanlış sınıflandı.\n", N, nwrong);
    int ng = nwrong < 32 ? nwrong : 32;
    if (ng > 0) {
        int ns = ng < 3 ? ng : 3;
        const uint8_t *imgs[3];
        char capb[3][64];
        const char *caps[3];
        for (int i = 0; i < ns; i++) {
            int id = wrong[i];
            imgs[i] = m.test.images + (size_t)id * 784;
            char pct[32];
            snprintf(capb[i], sizeof capb[i], "#%d: %d → %d (%s)", id, m.test.labels[id],
                     pred[id], fmt_pct(pct, sizeof pct, probs[(size_t)id * K + pred[id]]));
            caps[i] = capb[i];
        }
        printf("En emin olunan %d hata (test indisi: gerçek → tahmin (olasılık)):\n", ns);
        for (int i = 0; i < ns; i += 2) /* yan yana en çok ikisi: 80 sütuna sığsın */
            show_digits(stdout, imgs + i, caps + i, ns - i < 2 ? ns - i : 2, 28, 28);
        plot_gallery(&m.test, wrong, ng, pred, probs, a.ascii);
        printf("Galeride en emin olunan %d hata var; başlıklar 'gerçek → tahmin (olasılık)'.\n", ng);
    }

/*
 * Adım 6: Aşırı öğrenme deneyi — dropout ve erken durdurma
 *
 * Aynı MLP'yi yalnızca küçük bir eğitim kümesiyle (ör. 1000 görüntü) iki kez
 * eğitiyoruz; doğrulama (validation) için eğitim kümesinin sonundan ayrı
 * görüntüler kullanıyoruz (test kümesine dokunmuyoruz):
 *   A) dropout yok, erken durdurma yok, çok epoch: model örnekleri ezberler,
 *      eğitim kaybı sıfıra yaklaşırken doğrulama kaybı bir noktadan sonra artar;
 *   B) dropout 0,5 + erken durdurma (sabır birkaç epoch): doğrulama kaybı
 *      iyileşmeyi bırakınca durur ve en iyi epoch'un ağırlıklarına döner.
 * Açık (gap) = eğitim doğruluğu - doğrulama doğruluğu (ikisi de eğitimden sonra,
 * dropout kapalı ölçülür). Açık ne kadar büyükse model o kadar ezberlemiştir.
 * Not: grafikteki eğitim eğrisi epoch boyunca (B'de dropout açıkken) ölçülür.
 */
    step_banner(6, NSTEPS, "Aşırı öğrenme: dropout ve erken durdurma");
    int ntr = a.quick ? 500 : 1000, nva = a.quick ? 1000 : 2000;
    int epochs = a.quick && !a.epochs_given ? 20 : a.epochs, patience = a.quick ? 3 : 5;
    if (epochs > TRAIN_MAX_EPOCHS) die("--epochs en çok %d olabilir", TRAIN_MAX_EPOCHS);
    int *tr = xmalloc((size_t)ntr * sizeof(int)), *va = xmalloc((size_t)nva * sizeof(int));
    for (int i = 0; i < ntr; i++) tr[i] = i;
    for (int i = 0; i < nva; i++) va[i] = m.train.n - nva + i;
    printf("Eğitim: ilk %d görüntü; doğrulama: son %d görüntü;\nAdam, yığın (batch) 32, en çok %d "
           "epoch.\n", ntr, nva, epochs);
    static OverfitRun runs[2];
    runs[0] = (OverfitRun){.name = "A: dropout yok", .dropout = 0.0f, .patience = 0};
    runs[1] = (OverfitRun){.name = "B: dropout 0.5 + erken durdurma", .dropout = 0.5f,
                           .patience = patience};
    for (int r = 0; r < 2; r++) {
        t0 = now_sec();
        overfit_run(&runs[r], &m, tr, ntr, va, nva, epochs, (uint64_t)a.seed);
        const TrainHistory *h = &runs[r].h;
        printf("%s: %d epoch (%.1f s);\n   en iyi doğrulama kaybı %d. epoch'ta (%.4f)%s\n",
               runs[r].name, h->epochs_run, now_sec() - t0, h->best_epoch,
               h->val_loss[h->best_epoch - 1],
               runs[r].patience && h->epochs_run < epochs ? ",\n   erken durdu ve o ağırlıklara döndü"
               : "");
        printf("   eğitim: kayıp %.4f, doğruluk %.4f | doğrulama: kayıp %.4f,\n"
               "   doğruluk %.4f | açık %.4f\n", runs[r].tr_loss, runs[r].tr_acc, runs[r].va_loss, runs[r].va_acc,
               runs[r].tr_acc - runs[r].va_acc);
    }
    const TrainHistory *hA = &runs[0].h, *hB = &runs[1].h;
    int memorized = hA->val_loss[hA->epochs_run - 1] > hA->val_loss[hA->best_epoch - 1];
    printf("A'da eğitim kaybı ilk epoch'taki %.4f değerinden son epoch'ta %.4f değerine\n"
           "indi; doğrulama kaybı ise %d. epoch'taki en düşük değeri %.4f iken son epoch'ta\n"
           "%.4f oldu%s\nEğitim-doğrulama doğruluk açığı: A'da %.4f, B'de %.4f.\nKayıp açığı "
           "(doğrulama - eğitim): A'da %.4f, B'de %.4f.\n",
           hA->loss[0], hA->loss[hA->epochs_run - 1], hA->best_epoch,
           hA->val_loss[hA->best_epoch - 1], hA->val_loss[hA->epochs_run - 1],
           memorized ? ": model ezberledi." : ".",
           runs[0].tr_acc - runs[0].va_acc, runs[1].tr_acc - runs[1].va_acc,
           runs[0].va_loss - runs[0].tr_loss, runs[1].va_loss - runs[1].tr_loss);
    /* Şekil asiri_ogrenme: Solda kayıp (log ölçek), sağda doğruluk: A'nın eğitim kaybı düşmeyi
     * sürdürürken doğrulama kaybının ondan ayrılışına (aşırı öğrenme) ve B'nin kesik dikey
     * çizgideki en iyi epoch'ta durmasına bakın. */
    d = plot_begin(&p, L, "asiri_ogrenme");
    for (int r = 0; r < 2; r++) {
        fprintf(d, "# %s: epoch eğitim_kaybı doğrulama_kaybı eğitim_doğruluğu doğrulama_doğruluğu\n",
                runs[r].name);
        for (int e = 0; e < runs[r].h.epochs_run; e++)
            fprintf(d, "%d %.6g %.6g %.6g %.6g\n", e + 1, runs[r].h.loss[e], runs[r].h.val_loss[e],
                    runs[r].h.acc[e], runs[r].h.val_acc[e]);
        fprintf(d, "\n\n");
    }
    char body2[3072];
    snprintf(body2, sizeof body2,
             "set multiplot layout 1,2 title 'Aşırı öğrenme: %d eğitim görüntüsü (A: dropout yok; "
             "B: dropout 0.5 + erken durdurma, sabır %d)'\n"
             "set grid\nset xlabel 'epoch'\nset xrange [0:%d]\nset key top right\n"
             "set arrow 1 from %d, graph 0 to %d, graph 1 nohead dt 2 lc rgb '#555555'\n"
             "set label 1 'B en iyi' at %d, graph 0.04 offset 0.5,0 font ',9'\n"
             "set title 'kayıp (log ölçek)'\nset ylabel 'kayıp'\nset logscale y\n"
             "plot 'asiri_ogrenme.dat' index 0 using 1:2 with lines lw 2 lc rgb '#2b6cb0' title 'A eğitim', "
             "'' index 0 using 1:3 with lines lw 2 dt 2 lc rgb '#2b6cb0' title 'A doğrulama', "
             "'' index 1 using 1:2 with lines lw 2 lc rgb '#dd6b20' title 'B eğitim', "
             "'' index 1 using 1:3 with lines lw 2 dt 2 lc rgb '#dd6b20' title 'B doğrulama'\n"
             "unset logscale y\nset title 'doğruluk (çizgiler soldaki gibi)'\nset ylabel 'doğruluk'\nunset key\n"
             "plot 'asiri_ogrenme.dat' index 0 using 1:4 with lines lw 2 lc rgb '#2b6cb0' title 'A eğitim', "
             "'' index 0 using 1:5 with lines lw 2 dt 2 lc rgb '#2b6cb0' title 'A doğrulama', "
             "'' index 1 using 1:4 with lines lw 2 lc rgb '#dd6b20' title 'B eğitim', "
             "'' index 1 using 1:5 with lines lw 2 dt 2 lc rgb '#dd6b20' title 'B doğrulama'\n"
             "unset multiplot\n",
             ntr, patience, epochs, hB->best_epoch, hB->best_epoch, hB->best_epoch);
    plot_finish_size(&p, body2, 1200, 480);
    plot_render(&p, a.ascii);
    printf("Grafik: %s\n(düz çizgi eğitim, kesikli çizgi doğrulama)\n", plot_png_path(&p));

    printf("\nSONUÇ: test_n=%d test_acc=%.6f eval_acc=%.6f test_loss=%.4f cm_total=%ld cm_diag=%ld "
           "misclassified=%d macro_precision=%.6f macro_recall=%.6f macro_f1=%.6f worst_class=%d "
           "worst_f1=%.4f overfit_gap_nodrop=%.4f overfit_gap_drop=%.4f "
           "overfit_loss_gap_nodrop=%.4f overfit_loss_gap_drop=%.4f nodrop_epochs=%d "
           "drop_epochs=%d drop_best_epoch=%d nodrop_best_epoch=%d trained=%d model=%s\n",
           N, sum.accuracy, eval_acc, test_loss, cm_total, cm_diag, nwrong, sum.macro_precision,
           sum.macro_recall, sum.macro_f1, worst, per[worst].f1, runs[0].tr_acc - runs[0].va_acc,
           runs[1].tr_acc - runs[1].va_acc, runs[0].va_loss - runs[0].tr_loss,
           runs[1].va_loss - runs[1].tr_loss, hA->epochs_run, hB->epochs_run, hB->best_epoch,
           hA->best_epoch, trained, path);
    free(tr);
    free(va);
    free(wrong);
    free(pred);
    free(probs);
    net_free(&net);
    mnist_free(&m);
    return 0;
}
