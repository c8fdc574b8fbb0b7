/*
 * lesson02 — Çok katmanlı algılayıcı (MLP, multilayer perceptron)
 *
 * Bu derste öğrenecekleriniz:
 *   - 784-256-128-10 biçiminde bir sinir ağının (neural network) parçaları:
 *     yoğun katman (dense), ReLU aktivasyonu (activation), seyreltme (dropout), softmax.
 *   - Kayıp (loss) nedir, eğitimin başında neden ≈ ln 10 = 2,30 çıkar?
 *   - Geri yayılım (backpropagation) ile gradyan (gradient) hesabı ve bunun sonlu farklarla
 *     (finite differences) nasıl sınandığı.
 *   - Adam eniyileyicisiyle (optimizer) eğitim; eğitim ve doğrulama (validation)
 *     eğrilerini okumak.
 *   - Modeli kaydetmek, geri yüklemek ve tek bir rakam için on olasılığı görmek.
 *
 * Çalıştırma:  make lesson02 && ./lesson02        (tam eğitim, ~10 epoch)
 *              ./lesson02 --quick                  (birkaç saniyelik küçük deneme)
 *              ./lesson02 --predict rakam.jpg      (kağıda yazdığınız bir rakamın fotoğrafı)
 * Kodun matematiği common/ altındadır: dense.c, activation.c, loss.c, optim.c, net.c,
 * train.c. Bu dosya onları bir ders sırasıyla çağırır.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"

#define NSTEPS 7

/* Bir rakamı terminalde karakterlerle çizer: koyu pikseller için yoğun karakterler. */
static void print_digit(const float *x /* (28*28), [0,1] */) {
    static const char *ramp = " .:-=+*#%@";
    for (int r = 0; r < 28; r++) {
        printf("    ");
        for (int c = 0; c < 28; c++) {
            int k = (int)(x[r * 28 + c] * 9.0f + 0.5f);
            k = k < 0 ? 0 : (k > 9 ? 9 : k);
            putchar(ramp[k]);
            putchar(ramp[k]);
        }
        putchar('\n');
    }
}

/*
 * Adım 1: Veriyi yükle ve üçe ayır
 *
 * MNIST'te 60 000 eğitim ve 10 000 test görüntüsü var. Eğitim kümesinin (training set) son
 * 5 000 örneğini doğrulama (validation) için ayırıyoruz: model bunlarla hiç
 * eğitilmez; her epoch sonunda onlara bakarak "ezberliyor mu, öğreniyor mu?"
 * sorusunu cevaplarız. Test kümesine yalnızca en sonda, bir kez bakılır.
 * Pikseller bellekte 0..255 tamsayı olarak kalır; her yığın (batch) ağa
 * girerken 255'e bölünür (min-max normalizasyonu (normalization), bkz. lesson01).
 */
typedef MnistSplit Data;   /* bkz. common/data/data.h: MNIST + eğitim/doğrulama indisleri */

static void step1_load(Data *d, const LessonArgs *a) {
    step_banner(1, NSTEPS, "Veriyi yükle ve eğitim/doğrulama/test olarak ayır");
    /* hızlı kip: küçük alt kümeler */
    mnist_split_load(d, a->data_dir, a->quick ? 6000 : 0, a->quick ? 1000 : 5000, a->quick ? 2000 : 0);
    printf("'%s' klasöründen %d eğitim ve %d test görüntüsü okundu\n(%dx%d piksel).\n",
           a->data_dir, d->m.train.n, d->m.test.n, d->m.train.rows, d->m.train.cols);
    printf("Eğitim: %d örnek, doğrulama: %d örnek (eğitim kümesinin sonundan),\ntest: %d örnek.\n",
           d->ntr, d->nva, d->ntest);
    printf("Bellekte görüntüler uint8: eğitim kümesi %.1f MB (float olsaydı %.1f MB).\n",
           d->m.train.n * 784 / 1e6, d->m.train.n * 784 * 4 / 1e6);
}

/*
 * Adım 2: Modeli kur
 *
 * Her yoğun katman y = x W + b hesaplar (W: giriş x çıkış ağırlık matrisi,
 * b: her çıkışa eklenen sabit terimlerin, yani bias'ın vektörü). Katmanın her çıkışı
 * bir nörondur (neuron): lesson00'daki gibi girişlerin ağırlıklı toplamı artı bir
 * sabit terim, ardından aktivasyon.
 *   784 giriş -> 256 -> ReLU -> dropout(0,2) -> 128 -> ReLU -> dropout(0,2) -> 10 skor
 * ReLU(z) = max(0, z): negatif girişi 0 yapar, pozitifini olduğu gibi geçirir. Türevi
 * z > 0 iken 1, z < 0 iken 0'dır; geri yayılımda gradyan yalnızca açık (z > 0)
 * nöronlardan geçer (iki nöronlu bir örnekte adım adım: lesson00, Adım 5).
 * Seyreltme (dropout), burada oranı 0,2: eğitimde her adımda bir katmanın çıkışlarının
 * rastgele %20'si 0 yapılır, kalanlar 1/(1 − 0,2) = 1,25 ile büyütülür; böylece
 * çıkışların ortalaması değişmez (tersine çevrilmiş dropout, inverted dropout). Ağ tek
 * tek nöronlara yaslanamaz, eğitim verisini ezberlemesi zorlaşır. Değerlendirmede
 * (doğrulama ve test) dropout kapalıdır: bütün nöronlar çalışır, hiçbir düzeltme
 * gerekmez.
 * Parametre sayısı: (784·256 + 256) + (256·128 + 128) + (128·10 + 10) = 235 146.
 * Ağırlıklar He yöntemiyle başlatılır (He initialization): W ~ N(0, 2/giriş). Bütün parametreler tek
 * bir bitişik dizide durur (net.params); kaydetme ve güncelleme tek döngüdür.
 */
static void step2_model(Net *net, const LessonArgs *a) {
    step_banner(2, NSTEPS, "Modeli kur: 784-256-128-10");
    models_mnist_mlp(net, 0.2f, 128, (uint64_t)a->seed);
    net_summary(net, stdout);
    size_t manual = (784 * 256 + 256) + (256 * 128 + 128) + (128 * 10 + 10);
    printf("Elle hesap: (784·256+256) + (256·128+128) + (128·10+10) = %zu;\nağın saydığı: %zu.\n",
           manual, net->nparams);
}

/*
 * Adım 3: İleri geçiş (forward pass) ve kayıp — eğitimden önce
 *
 * İleri geçiş, girişin katmanlardan sırayla geçip on skora dönüşmesidir.
 *
 * Softmax ham skorları (logits) olasılığa çevirir: $p_k = e^{z_k} / \sum_j e^{z_j}$.
 * Çapraz entropi (cross-entropy) kaybı doğru sınıfın olasılığının eksi logaritmasıdır:
 *   $$L = -\log p_y.$$
 * Eğitilmemiş bir ağ on sınıfa kabaca eşit olasılık verir: p ≈ 1/10, dolayısıyla
 * L ≈ -log(0,1) = ln 10 ≈ 2,303. İlk ölçtüğümüz kayıp buna yakın değilse
 * başlatmada ya da kayıp hesabında bir hata vardır: kendi kendimizi sınamanın
 * ilk ve en ucuz yolu budur. Doğruluk (accuracy) ise şansa (%10) eşit çıkmak zorunda değildir:
 * rastgele ağırlıklı bir ağ çoğu görüntüye aynı bir iki sınıfı söyler, o sınıflar
 * tutarsa %10'un üstünde, tutmazsa altında kalır.
 * Kaybın kodu kütüphanede: bkz. common/nn/loss.c: softmax_xent_forward, softmax_xent_backward.
 */
static float step3_initial_loss(Net *net, Data *d) {
    step_banner(3, NSTEPS, "Eğitimden önce: ileri geçiş ve kayıp");
    Norm nm = {.kind = NORM_MINMAX, .mean = 0, .std = 0};
    float loss, acc;
    evaluate(net, &d->m.train, d->va_idx, d->nva, nm, LOSS_SOFTMAX_XENT, &loss, &acc, NULL, NULL);
    printf("Doğrulama kaybı %.4f (beklenen ≈ ln 10 = %.4f),\ndoğruluk (accuracy) %%%.2f (şans: %%10).\n",
           loss, log(10.0), 100.0 * acc);
    printf("Doğruluğun şanstan %s olması normal: eğitilmemiş ağ çoğu görüntüye aynı\n"
           "birkaç sınıfı söylüyor; kaybın ln 10'a yakın olması ise olasılıkların neredeyse\n"
           "eşit olduğunu gösterir.\n",
           acc < 0.1f ? "düşük" : "yüksek");
    return loss;
}

/*
 * Adım 4: Geri yayılım — gradyanımız doğru mu?
 *
 * Zincir kuralı (chain rule) kaybın her parametreye göre türevini sondan başa
 * doğru hesaplar (iki nöronlu bir çizgede sayılarla: lesson00, Adım 5): önce
 * dL/dz = (p - onehot(y)) / B, sonra her yoğun katmanda
 *   $$dW = x^\top dy, \qquad db = \sum dy, \qquad dx = dy\, W^\top,$$
 * ReLU'da dx = dy (x > 0 ise) ya da 0. Elle yazılmış bir türevi sınamanın yolu
 * onu tanımından, sayısal olarak hesaplamaktır:
 *   $$\frac{dL}{d\theta} \approx \frac{L(\theta + \varepsilon) - L(\theta - \varepsilon)}{2\varepsilon}.$$
 * Burada parametre dizisinden eşit aralıklarla seçilmiş 100 elemanda ikisini
 * karşılaştırıyoruz
 * (dropout kapalı, 8 örneklik bir yığın, ε = 1e-3). Float sayılarla çalıştığımız
 * ve ReLU'nun 0'da bir kırılma noktası (kink) olduğu için tek tük eleman biraz
 * sapabilir; bütün denenenlerin toplu göreli hatası ise 1e-2'nin çok altında
 * olmalıdır.
 * Yoğun katmanın iki geçişi: bkz. common/nn/dense.c: dense_forward, dense_backward.
 */
typedef struct {
    Net *net;
    float *x;
    int *y, B;
} GcCtx;

static double gc_loss(void *p) {
    GcCtx *c = p;
    const float *z = net_forward(c->net, c->x, c->B, 0);
    return softmax_xent_forward(NULL, z, c->y, c->B, 10);
}

static double step4_gradcheck(Net *net, Data *d) {
    step_banner(4, NSTEPS, "Geri yayılım ve sonlu farklarla gradyan denetimi");
    int B = 8;
    float *x = xmalloc((size_t)B * 784 * sizeof(float)), probs[8 * 10], dz[8 * 10];
    int y[8];
    batch_fill(x, y, &d->m.train, d->tr_idx, B, (Norm){.kind = NORM_MINMAX});
    const float *z = net_forward(net, x, B, 0);
    softmax_xent_forward(probs, z, y, B, 10);
    memset(dz, 0, sizeof dz);   /* geri geçişler gradyana ekler */
    softmax_xent_backward(dz, probs, y, B, 10);
    net_zero_grad(net);
    net_backward(net, x, dz, B, NULL);
    float *g = xmalloc(net->nparams * sizeof(float));
    memcpy(g, net->grads, net->nparams * sizeof(float));
    GcCtx ctx = {net, x, y, B};
    GradCheck r = gradcheck(gc_loss, &ctx, net->params, g, net->nparams, 100, 1e-3, 5e-2, 1e-4);
    printf("%zu parametrede analitik ve sayısal türev karşılaştırıldı (ε = 1e-3).\n", r.checked);
    printf("Uyuşan eleman: %zu/%zu. En kötü eleman (parametre dizisindeki sırası %zu):\n"
           "analitik %.6f, sayısal %.6f.\n", r.passed, r.checked, r.worst_index, r.analytic, r.numeric);
    printf("Toplu göreli hata ||a - s|| / (||a|| + ||s||) = %.2e\n%s\n", r.rel_norm,
           r.rel_norm < 1e-2 ? "(< 1e-2: geri yayılım doğru)" : "(BEKLENENDEN BÜYÜK!)");
    net_zero_grad(net);
    free(g);
    free(x);
    return r.rel_norm;
}

/*
 * Adım 5: Eğit
 *
 * Her adımda: 128 görüntülük bir yığın al, ileri geçiş, kayıp, geri yayılım,
 * Adam güncellemesi. Bir epoch eğitim verisinin tamamından bir kez geçmektir:
 * 55 000 / 128 ≈ 430 adım. Adam, her parametrenin adımını o parametrenin geçmiş
 * gradyanlarının büyüklüğüne bölen bir eniyileyicidir (optimizer); formülleri ve dar
 * bir vadide SGD ve momentumla yarışı lesson00'da (Adım 7), kodu common/nn/optim.c'de
 * (adam_step). Öğrenme oranı (learning rate) 1e-3 ile başlar ve epoch'lar
 * boyunca kosinüs eğrisiyle sıfıra iner (cosine schedule):
 *   $$\eta_e = 10^{-3} \cdot \frac{1 + \cos(\pi e / E)}{2}, \qquad e = 0, \dots, E-1.$$
 * Başta büyük adımlar hızlı ilerletir; sonda küçük adımlar, gürültülü yığın
 * gradyanlarının modeli bir o yana bir bu yana itmesini azaltır. Bu basit
 * değişiklik, tohum (seed) 42 ile yapılan koşuda test doğruluğunu sabit orandaki
 * %98,09'dan %98,22'ye çıkardı. Her epoch'ta eğitim verisi karıştırılır. Dropout yalnızca
 * eğitimde etkindir; bu yüzden eğitim doğruluğu (dropout açıkken ölçülür)
 * doğrulama doğruluğundan düşük görünebilir.
 * Eğitim kaybı düşerken doğrulama kaybı yükselmeye başlarsa model ezberliyordur
 * (aşırı öğrenme, overfitting; bkz. lesson03).
 * Adam adımının kodu: bkz. common/nn/optim.c: adam_step.
 */
static void step5_train(Net *net, Data *d, const LessonArgs *a, TrainHistory *h) {
    step_banner(5, NSTEPS, "Eğit: Adam, yığın 128");
    TrainConfig cfg = train_config_default();
    cfg.epochs = a->quick && !a->epochs_given ? 2 : a->epochs;
    cfg.seed = (uint64_t)a->seed;
    cfg.cosine = 1;
    Adam opt;
    adam_init(&opt, net->nparams, 1e-3f);
    train_classifier(net, &opt, &d->m.train, d->tr_idx, d->ntr, &d->m.train, d->va_idx, d->nva,
                     &cfg, h);
    adam_free(&opt);
    int n = h->epochs_run;
    float ep[TRAIN_MAX_EPOCHS];
    for (int e = 0; e < n; e++) ep[e] = (float)(e + 1);
    /* Şekil kayip_egrisi: Eğitim ve doğrulama kaybının epoch'lar boyunca inişini karşılaştırın: iki
     * eğri birbirine yakın kaldıkça model ezberlemeden öğreniyordur; aralarındaki açıklığın büyüyüp
     * büyümediğine bakın. */
    plot_lines("lesson02", "kayip_egrisi", "Kayıp (loss)", "epoch", "kayıp", n, ep, 2,
               (const float *const[]){h->loss, h->val_loss},
               (const char *const[]){"eğitim", "doğrulama"}, 0, a->ascii);
    /* Şekil dogruluk_egrisi: Doğruluğun ilk epoch'larda hızla yükselip sonra yavaşladığına ve
     * doğrulama eğrisinin eğitim eğrisinin ne kadar altında kaldığına bakın. */
    plot_lines("lesson02", "dogruluk_egrisi", "Doğruluk (accuracy)", "epoch", "doğruluk", n, ep, 2,
               (const float *const[]){h->acc, h->val_acc},
               (const char *const[]){"eğitim", "doğrulama"}, 0, a->ascii);
    printf("Son epoch: eğitim kaybı %.4f, doğrulama kaybı %.4f,\ndoğrulama doğruluğu %%%.2f.\n",
           h->loss[n - 1], h->val_loss[n - 1], 100.0 * h->val_acc[n - 1]);
    /* Eğitim doğruluğu dropout açıkken ölçülür, doğrulama kapalıyken: ilk epoch'larda
     * eğitim doğruluğu bu yüzden daha düşük görünür. */
    int first_over = 0;
    for (int e = 0; e < n && !first_over; e++)
        if (h->acc[e] > h->val_acc[e]) first_over = e + 1;
    printf("Eğitim doğruluğu dropout açıkken ölçülür, doğrulamada dropout kapalıdır:\n"
           "1. epoch'ta eğitim %%%.2f, doğrulama %%%.2f.\n", 100.0 * h->acc[0], 100.0 * h->val_acc[0]);
    if (first_over)
        printf("%d. epoch'ta eğitim doğruluğu öne geçti (sonda eğitim %%%.2f, doğrulama %%%.2f):\n"
               "model eğitim verisine biraz daha iyi uyuyor; açık küçük kaldıkça sorun değil,\n"
               "büyürse aşırı öğrenmedir (bkz. lesson03).\n",
               first_over, 100.0 * h->acc[n - 1], 100.0 * h->val_acc[n - 1]);
    else
        printf("Eğitim doğruluğu sona kadar doğrulamanın altında kaldı.\n");
    printf("Grafikler: plots/lesson02/kayip_egrisi.png, plots/lesson02/dogruluk_egrisi.png\n");
}

/*
 * Adım 6: Test et ve kaydet
 *
 * Test kümesi modelin hiç görmediği 10 000 görüntüdür; asıl başarı ölçüsü budur.
 * Model dosyası mimariyi ve ağırlıkları birlikte tutar; önce geçici bir dosyaya
 * yazılıp sonra yeniden adlandırılır, böylece yarıda kalan bir kayıt eski modeli
 * bozmaz (bkz. net.h).
 */
static void step6_test_save(Net *net, Data *d, const char *path, float *test_loss,
                            float *test_acc) {
    step_banner(6, NSTEPS, "Test kümesinde değerlendir ve modeli kaydet");
    evaluate(net, &d->m.test, NULL, d->ntest, (Norm){.kind = NORM_MINMAX}, LOSS_SOFTMAX_XENT,
             test_loss, test_acc, NULL, NULL);
    printf("Test: %d görüntüde kayıp %.4f, doğruluk %%%.2f (%d hata).\n", d->ntest, *test_loss,
           100.0 * *test_acc, (int)lround((1.0 - *test_acc) * d->ntest));
    char err[512];
    snprintf(net->meta, sizeof net->meta, "lesson=lesson02 test_acc=%.4f", *test_acc);
    if (net_save(net, path, err, sizeof err) != 0) die("%s", err);
    printf("Model kaydedildi: %s\n", path);
}

/*
 * Adım 7: Yükle ve tek bir rakamı tahmin et
 *
 * Kaydettiğimiz dosyadan yeni bir ağ kuruyoruz (mimari de dosyadan okunur) ve
 * rastgele bir test rakamı için on olasılığın hepsine bakıyoruz. Olasılıkların
 * toplamı 1'dir; model emin olduğunda biri 1'e çok yakındır.
 */
static void step7_predict(const char *path, Data *d, const LessonArgs *a) {
    step_banner(7, NSTEPS, "Modeli geri yükle ve rastgele bir test rakamını tahmin et");
    Net net;
    char err[512];
    if (net_load(&net, path, 1, err, sizeof err) != 0) die("%s", err);
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 7);
    int i = rng_int(&r, d->ntest);
    float x[784], p[10];
    int y;
    batch_fill(x, &y, &d->m.test, &i, 1, (Norm){.kind = NORM_MINMAX});
    const float *z = net_forward(&net, x, 1, 0);
    softmax_forward(p, z, 1, 10);
    int k = argmax(p, 10);
    printf("Test görüntüsü #%d (gerçek etiket (label): %d):\n", i, y);
    print_digit(x);
    printf("Tahmin: %d (olasılık %.4f) — %s\n", k, p[k], k == y ? "doğru" : "yanlış");
    for (int c = 0; c < 10; c++) printf("  %d: %.4f %s\n", c, p[c], c == k ? "<--" : "");
    net_free(&net);
}

/* Sınav: sayısal cevaplar kütüphaneyle çalışma anında hesaplanır. */
static int run_quiz(const LessonArgs *a) {
    static char e1[256], e3[256], e5[256];
    /* S1: 784-256-128-10 parametre sayısı */
    Net n;
    models_mnist_mlp(&n, 0.2f, 1, 1);
    double nparams = (double)n.nparams;
    net_free(&n);
    snprintf(e1, sizeof e1, "(784·256+256) + (256·128+128) + (128·10+10) = %.0f.", nparams);
    /* S3: eğitim başındaki kayıp: -log(1/10) */
    float zl[10] = {0}, pr[10];
    int yy = 3;
    double l0 = softmax_xent_forward(pr, zl, &yy, 1, 10);
    snprintf(e3, sizeof e3, "Tüm skorlar eşitse p = 1/10 ve L = -ln(0,1) = %.4f.", l0);
    /* S5: softmax([2, 1, 0])'ın ilk olasılığı */
    float z5[3] = {2, 1, 0}, p5[3];
    softmax_forward(p5, z5, 1, 3);
    snprintf(e5, sizeof e5, "e^2 / (e^2 + e^1 + e^0) = %.4f.", p5[0]);
    QuizQuestion qs[] = {
        {.q = "784-256-128-10 MLP'nin (bias'lar dahil) toplam parametre sayısı kaçtır?",
         .answer = nparams, .tol = 0.5, .explain = e1},
        {.q = "ReLU(x) fonksiyonunun x = -3 noktasındaki türevi nedir?",
         .choices = {"-3", "0", "1", "tanımsız"}, .correct = 1,
         .explain = "x < 0 iken ReLU sabit 0'dır; türevi 0'dır. Gradyan bu nörondan geçmez."},
        {.q = "10 sınıflı bir problemde eğitilmemiş ağın çapraz entropi kaybı yaklaşık kaçtır?",
         .answer = l0, .tol = 0.01, .explain = e3},
        {.q = "Dropout test (değerlendirme) sırasında ne yapar?",
         .choices = {"Nöronların %20'sini kapatır", "Hiçbir şey: yalnızca eğitimde etkindir",
                     "Ağırlıkları sıfırlar", "Öğrenme oranını düşürür"},
         .correct = 1,
         .explain = "Ters çevrilmiş dropout eğitimde kalanları 1/(1-p) ile büyütür; böylece testte "
                    "hiçbir düzeltme gerekmez."},
        {.q = "softmax([2, 1, 0]) vektörünün ilk elemanı kaçtır? (4 ondalık)", .answer = p5[0],
         .tol = 5e-4, .explain = e5},
        {.q = "Eğitim kaybı düşmeye devam ederken doğrulama kaybı yükseliyorsa ne oluyordur?",
         .choices = {"Model daha iyi genelliyor", "Öğrenme oranı çok küçük",
                     "Aşırı öğrenme (overfitting): model eğitim verisini ezberliyor",
                     "Veri normalize edilmemiş"},
         .correct = 2,
         .explain = "Doğrulama verisi eğitimde hiç kullanılmaz; onda kötüleşme, öğrenilenin "
                    "genellenmediğini gösterir."},
        {.q = "Yoğun katmanda dW hangi çarpımla hesaplanır? (x girişi, dy çıkış gradyanı)",
         .choices = {"dy · Wᵀ", "xᵀ · dy", "x · W", "Wᵀ · x"}, .correct = 1,
         .explain = "y = xW ise dL/dW = xᵀ (dL/dy); dy · Wᵀ ise girişin gradyanıdır (dx)."},
    };
    return quiz_run("lesson02", qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson02", .title = "Çok katmanlı algılayıcı (MLP)",
                         .default_epochs = 10, .extras = CLI_PREDICT | CLI_MODEL});
    if (a.quiz) return run_quiz(&a);
    const char *path = a.model ? a.model
                       : a.quick ? MODEL_DIR "/lesson02_mlp_quick.model"
                                 : MODEL_DIR "/lesson02_mlp.model";
    if (a.predict) { /* kendi el yazınız: bkz. common/lesson/predict.h */
        Net want;
        models_mnist_mlp(&want, 0.2f, 1, 1);
        int rc = predict_digit_photo(path, &want, a.predict, "plots/lesson02",
                                     a.quick ? "./lesson02 --quick" : "./lesson02");
        net_free(&want);
        return rc;
    }
    char err[512];
    if (mkdir_p(MODEL_DIR) != 0) die("'%s' klasörü oluşturulamadı", MODEL_DIR);
    if (net_check_writable(path, err, sizeof err) != 0) die("%s", err); /* eğitimden önce */

    Data d;
    Net net;
    TrainHistory h;
    float test_loss, test_acc;
    step1_load(&d, &a);
    step2_model(&net, &a);
    float l0 = step3_initial_loss(&net, &d);
    double gc = step4_gradcheck(&net, &d);
    step5_train(&net, &d, &a, &h);
    step6_test_save(&net, &d, path, &test_loss, &test_acc);
    step7_predict(path, &d, &a);

    double ep_s[TRAIN_MAX_EPOCHS];
    for (int e = 0; e < h.epochs_run; e++) ep_s[e] = h.epoch_s[e];
    double med = median_d(ep_s, h.epochs_run);
    printf("\nÖzet: %d epoch, epoch başına medyan %.2f s (%d iş parçacığı),\n"
           "test doğruluğu %%%.2f.\n",
           h.epochs_run, med, a.threads, 100.0 * test_acc);
    printf("SONUÇ: test_acc=%.4f test_loss=%.4f val_acc=%.4f epochs=%d epoch_s=%.3f params=%zu "
           "initial_loss=%.4f gradcheck=%.2e threads=%d\n",
           test_acc, test_loss, h.val_acc[h.epochs_run - 1], h.epochs_run, med, net.nparams, l0, gc,
           a.threads);
    net_free(&net);
    mnist_split_free(&d);
    return 0;
}
