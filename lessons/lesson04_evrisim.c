/*
 * lesson04 — Evrişimli sinir ağı (CNN, convolutional neural network)
 *
 * Bu derste öğrenecekleriniz:
 *   - Evrişim (convolution) nedir: küçük bir filtrenin görüntü üzerinde kaydırılması.
 *     6x6'lık bir örneği ve 3x3'lük bir kenar filtresini kâğıt üzerinde hesaplayıp
 *     programın sonucuyla karşılaştırmak; ReLU ve en büyük değer havuzlama (max pooling).
 *   - Ağırlık paylaşımı (weight sharing): CNN'in MLP'den daha az parametreyle neden
 *     daha iyi sonuç verdiği; çıkış boylarının katman katman hesabı (28 -> 26 -> 13 -> 11 -> 5).
 *   - Evrişimi hızlı yapmak: im2col + matris çarpımı ve 3x3 filtreler için Winograd; düz
 *     döngüyle aynı sonuç, kat kat hız.
 *   - MNIST'te %99'un üstü: eğitim, öğrenilen ilk katman filtreleri ve bir rakamın
 *     öznitelik haritaları (feature maps) resim olarak.
 *   - Veri artırma (data augmentation): aynı modeli döndürülmüş, yakınlaştırılmış,
 *     kaydırılmış rakamlarla eğitmek ve iki eğriyi karşılaştırmak.
 *   - Kendi el yazınız: kâğıda bir rakam yazın, fotoğrafını çekin,
 *     ./lesson04 --predict foto.jpg — fotoğraf MNIST'in hazırlandığı gibi hazırlanır
 *     (bkz. common/data/handwriting.h) ve ağ onu okur.
 *
 * Çalıştırma:  make lesson04 && ./lesson04            (tam eğitim: iki model x 15 epoch, ~6 dakika)
 *              ./lesson04 --quick                      (birkaç saniyelik küçük deneme)
 *              ./lesson04 --predict rakam.jpg          (kaydedilen modelle bir fotoğrafı oku)
 * Kodun matematiği common/ altındadır: conv.c (evrişim, havuzlama), net.c, train.c,
 * augment.c (artırma), handwriting.c (fotoğraftan 28x28'e). Bu dosya onları ders sırasıyla çağırır.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"

#define NSTEPS 8
#define LESSON "lesson04"
#define PLOT_DIR "plots/lesson04"

static const char *model_path(const LessonArgs *a) {
    return a->model ? a->model
           : a->quick ? MODEL_DIR "/lesson04_cnn_quick.model"
                      : MODEL_DIR "/lesson04_cnn.model";
}

/* (rows, cols) matrisini sağa hizalı sayılarla basar. */
static void print_matrix(const char *title, const float *m, int rows, int cols) {
    printf("  %s (%dx%d):\n", title, rows, cols);
    for (int r = 0; r < rows; r++) {
        printf("    ");
        for (int c = 0; c < cols; c++) printf("%5g", (double)m[r * cols + c]);
        putchar('\n');
    }
}

/*
 * Adım 1: Evrişim elle — 6x6 bir görüntü, 3x3 bir filtre
 *
 * Evrişim katmanı küçük bir filtreyi (çekirdek, kernel) görüntünün her konumuna
 * koyar, altındaki 3x3'lük yamayla (patch) eleman eleman çarpar ve toplar:
 *     $$\text{çıkış}[y][x] = \sum_{i=0}^{2} \sum_{j=0}^{2} K[i][j] \cdot \text{görüntü}[y+i][x+j]$$
 * Filtre her seferinde bir piksel kayar: kaydırma adımı (stride) 1. Dolgu (padding)
 * yoksa 6x6'lık görüntüde filtre 4x4 konuma sığar: çıkış boyu (6 - 3)/1 + 1 = 4.
 * Genel formül: (H + 2·dolgu - k)/adım + 1. Aşağıdaki filtrenin sol sütunu -1, sağ sütunu +1: soldan sağa
 * parlaklık artan yerde (mürekkebin sol kenarı) büyük pozitif, azalan yerde (sağ
 * kenar) büyük negatif bir sayı verir — bir "dikey kenar bulucu".
 * Ardından ReLU negatifleri sıfırlar ve 2x2 en büyük değer havuzlama (max pooling)
 * her 2x2 bloktan en büyüğünü tutar: harita 4x4'ten 2x2'ye küçülür, "burada bir
 * sol kenar var" bilgisi kalır, tam konumu biraz bulanıklaşır (küçük kaymalara dayanıklılık).
 * Eğitimde filtrelerin sayılarını biz yazmayız: ağ onları gradyan (gradient) inişiyle öğrenir
 * (iki parametreli bir yüzeyde adım adım: lesson00).
 */
static void step1_by_hand(void) {
    step_banner(1, NSTEPS, "Evrişim elle: 6x6 görüntü, 3x3 dikey kenar filtresi");
    static const float img[36] = {0, 0, 1, 2, 1, 0,   0, 0, 2, 3, 1, 0,   0, 1, 3, 2, 0, 0,
                                  0, 2, 3, 1, 0, 0,   1, 3, 2, 0, 0, 0,   2, 3, 1, 0, 0, 0};
    static const float K[9] = {-1, 0, 1, -1, 0, 1, -1, 0, 1};
    float out[16], rel[16], pool[4];
    int arg[4];
    conv2d_forward_ref(out, img, K, NULL, 1, 1, 6, 6, 1, 3, 1, 0);
    print_matrix("Görüntü (bir çapraz çizgi; 0 = kâğıt, 3 = koyu mürekkep)", img, 6, 6);
    print_matrix("Filtre K (dikey kenar: sağ sütun - sol sütun)", K, 3, 3);
    print_matrix("Evrişim çıkışı (conv2d_forward_ref ile)", out, 4, 4);
    /* (0,1) konumunun hesabını terim terim yaz: okur kâğıt üzerinde doğrulayabilsin */
    printf("  Örnek: çıkış[0][1] = ");
    float s = 0;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            float k = K[i * 3 + j], v = img[i * 6 + 1 + j];
            s += k * v;
            printf("%s(%g·%g)", i || j ? (i && !j ? "\n                       + " : " + ") : "",
                   (double)k, (double)v);
        }
    printf(" = %g\n", (double)s);
    printf("  Program da çıkış[0][1] = %g buldu.\n", (double)out[1]);
    relu_forward(rel, out, 16);
    maxpool2d_forward(pool, arg, rel, 1, 1, 4, 4, 2);
    print_matrix("ReLU(çıkış): negatifler 0 olur", rel, 4, 4);
    print_matrix("2x2 max pooling", pool, 2, 2);
    int neg = 0;
    float mn = out[0], mx = out[0];
    for (int i = 0; i < 16; i++) {
        neg += out[i] < 0;
        if (out[i] < mn) mn = out[i];
        if (out[i] > mx) mx = out[i];
    }
    printf("Filtre en büyük tepkiyi (%g) çizginin sol kenarında, en küçüğü (%g) sağ\n"
           "kenarında verdi; %d konum negatifti ve ReLU onları sildi.\n", (double)mx, (double)mn, neg);
    printf("Havuzlamadan sonra 16 sayı 4'e indi; sol üst bloğun en büyüğü %g, (%d,%d)\n"
           "konumundan geldi (geri geçişte gradyan yalnızca oraya gider).\n", (double)pool[0],
           arg[0] / 4, arg[0] % 4);
}

/*
 * Adım 2: Veriyi yükle
 *
 * lesson02'deki gibi: 60 000 eğitim görüntüsünün son 5 000'i doğrulama
 * (validation), 10 000 test görüntüsüne yalnızca en sonda bakılır. Pikseller
 * 255'e bölünür. Evrişim katmanı girişi (C,H,W) = (1,28,28) biçiminde görür:
 * aynı 784 sayı, ama artık komşuluk bilgisiyle (hangi piksel hangisinin yanında).
 */
typedef MnistSplit Data;   /* bkz. common/data/data.h: MNIST + eğitim/doğrulama indisleri */

static void step2_load(Data *d, const LessonArgs *a) {
    step_banner(2, NSTEPS, "Veriyi yükle: eğitim / doğrulama / test");
    mnist_split_load(d, a->data_dir, a->quick ? 4000 : 0, a->quick ? 1000 : 5000, a->quick ? 2000 : 0);
    printf("'%s': %d eğitim, %d test görüntüsü.\nKullanılan: eğitim %d, doğrulama %d, test %d.\n",
           a->data_dir, d->m.train.n, d->m.test.n, d->ntr, d->nva, d->ntest);
}

/*
 * Adım 3: Modeli kur — ve MLP ile karşılaştır
 *
 *   giriş (1,28,28)
 *   -> conv 3x3, 32 filtre -> ReLU -> max pool 2   (32,26,26) -> (32,13,13)
 *   -> conv 3x3, 64 filtre -> ReLU -> max pool 2   (64,11,11) -> (64,5,5)
 *   -> dropout 0,25 -> düzleştir (net_flatten) 1600 -> dense 128 -> ReLU -> dropout 0,5 -> dense 10
 * Bir evrişim katmanının parametresi: filtre sayısı x (giriş kanalı x 3 x 3) + bias.
 *   birinci katman: 32 x (1·9) + 32 = 320;   ikinci katman: 64 x (32·9) + 64 = 18 496.
 * Aynı 3x3 filtre görüntünün 26x26 = 676 konumunun hepsinde kullanılır (ağırlık
 * paylaşımı). MLP'nin ilk katmanı ise her piksel için ayrı ağırlık tutar: 784 x 256.
 * Parametre az, ama hesap çok: her filtre her konumda çalışır. Çarpma-toplama
 * (MAC) sayısını da yan yana koyuyoruz.
 */
static size_t layer_macs(const Layer *l) {
    if (l->kind == LAYER_CONV2D)
        return (size_t)l->out_c * l->out_h * l->out_w * l->in_c * l->b * l->b;
    if (l->kind == LAYER_DENSE) return layer_in_size(l) * (size_t)l->a;
    return 0;
}

static size_t net_macs(const Net *n) {
    size_t s = 0;
    for (int i = 0; i < n->n; i++) s += layer_macs(&n->L[i]);
    return s;
}

static void step3_model(Net *net, const LessonArgs *a, size_t *mlp_params) {
    step_banner(3, NSTEPS, "Modeli kur: iki evrişim bloğu + yoğun katmanlar (dense)");
    models_mnist_cnn(net, 1, 28, 28, 10, 128, (uint64_t)a->seed);
    net_summary(net, stdout);
    Net mlp;
    models_mnist_mlp(&mlp, 0.2f, 1, 1);
    *mlp_params = mlp.nparams;
    const Layer *c1 = &net->L[0], *c2 = &net->L[3];
    printf("Evrişim katmanları: %zu + %zu = %zu parametre; yoğun katmanlar: %zu.\n", c1->nparams,
           c2->nparams, c1->nparams + c2->nparams, net->nparams - c1->nparams - c2->nparams);
    printf("Çıkış boyları: 28, evrişimden sonra %d, havuzlamadan sonra %d,\n"
           "evrişimden sonra %d, havuzlamadan sonra %d; "
           "düzleştirince %d x %d x %d = %zu sayı.\n", c1->out_h, net->L[2].out_h, c2->out_h,
           net->L[5].out_h, net->L[5].out_c, net->L[5].out_h, net->L[5].out_w,
           layer_out_size(&net->L[5]));
    /* (Türkçe harfler UTF-8'de iki bayttır; sütunları elle hizalıyoruz.) */
    printf("  model                           parametre   görüntü başına\n"
           "                                              çarpma-toplama (MAC)\n");
    printf("  %-29s %11zu %14zu\n", "lesson02 MLP (784-256-128-10)", mlp.nparams, net_macs(&mlp));
    printf("  %-29s %11zu %14zu\n", "bu dersin CNN'i", net->nparams, net_macs(net));
    printf("CNN'in parametresi MLP'ninkinin %.2f katı, hesabı ise %.1f katı.\n",
           (double)net->nparams / mlp.nparams, (double)net_macs(net) / net_macs(&mlp));
    net_free(&mlp);
}

/*
 * Adım 4: Evrişimi hızlı yapmak — im2col + matris çarpımı, Winograd
 *
 * Düz döngüyle evrişim yedi iç içe döngüdür ve yavaştır. Hızlı yol: her çıkış
 * konumunun 3x3xC'lik yamasını bir SÜTUN olarak yan yana dizmek (im2col). Yamaların
 * matrisi col (C·9, konum sayısı) olur ve bütün filtreler aynı anda tek bir matris
 * çarpımıyla uygulanır:  Y (64, konum) = W (64, C·9) · col.
 * Matris çarpımı önbelleği (cache) ve vektör komutlarını (AVX/FMA) iyi kullanır; yığın (batch)
 * önbelleğe sığan parçalara bölünüp çekirdeklere dağıtılır (bkz. common/nn/conv.h).
 *
 * 3x3'lük filtrelerde bir adım daha atılabilir: Winograd yöntemi 4x4'lük bir çıkış
 * karesini, 6x6'lık giriş karesini ve filtreyi sabit matrislerle dönüştürüp eleman
 * eleman çarparak üretir; çarpma sayısı 16·9 = 144'ten 36'ya iner. common/nn/conv.c
 * ikinci katman gibi şekillerde (3x3, adım 1, en az 8 giriş kanalı) bunu kullanır.
 * İlk katmanda (tek kanal) yama yalnızca 9 sayıdır; orada filtreleri yazmaçlarda tutan
 * doğrudan bir döngü daha hızlıdır (common/nn/conv_direct.c).
 * Burada ikinci evrişim katmanının şekliyle düz döngüyü hızlı yolla karşılaştırıyoruz:
 * sonuçlar (float yuvarlaması dışında) aynı mı, hız farkı ne?
 * Hızlandırılmamış düz hâli: bkz. common/nn/conv.c: conv2d_forward_ref, conv2d_backward_ref.
 */
static double step4_fast_conv(const LessonArgs *a, double *ratio) {
    step_banner(4, NSTEPS, "Hızlı evrişim: im2col / Winograd, düz döngüye karşı");
    int B = a->quick ? 8 : 64, C = 32, H = 13, OC = 64;
    int OH = conv_out_dim(H, 3, 1, 0);
    size_t ni = (size_t)B * C * H * H, no = (size_t)B * OC * OH * OH, nw = (size_t)OC * C * 9;
    float *x = xmalloc(ni * 4), *W = xmalloc(nw * 4), *bias = xmalloc(OC * 4);
    float *y1 = xmalloc(no * 4), *y2 = xmalloc(no * 4);
    float *work = xmalloc(conv2d_work_size(B, C, H, H, OC, 3, 1, 0) * sizeof(float));
    Rng r;
    rng_seed(&r, (uint64_t)a->seed);
    for (size_t i = 0; i < ni; i++) x[i] = rng_uniform(&r);
    for (size_t i = 0; i < nw; i++) W[i] = 0.1f * rng_normal(&r);
    for (int i = 0; i < OC; i++) bias[i] = 0.01f * i;
    double t0 = now_sec();
    conv2d_forward_ref(y1, x, W, bias, B, C, H, H, OC, 3, 1, 0);
    double t_ref = now_sec() - t0;
    conv2d_forward(y2, x, W, bias, B, C, H, H, OC, 3, 1, 0, work); /* ilk çağrı: önbellekler ısınsın */
    int reps = 5;
    t0 = now_sec();
    for (int k = 0; k < reps; k++) conv2d_forward(y2, x, W, bias, B, C, H, H, OC, 3, 1, 0, work);
    double t_fast = (now_sec() - t0) / reps;
    double diff = 0;
    for (size_t i = 0; i < no; i++) diff = fmax(diff, fabs((double)y1[i] - y2[i]));
    double flop = 2.0 * no * C * 9;
    *ratio = t_ref / t_fast;
    printf("%d görüntü, (%d,%d,%d) -> (%d,%d,%d), %.0f milyon çarpma-toplama:\n", B, C, H, H, OC,
           OH, OH, flop / 2e6);
    printf("  düz döngü (tek iş parçacığı): %8.2f ms  (%.2f GFLOP/s)\n", 1e3 * t_ref, flop / t_ref / 1e9);
    printf("  hızlı yol, %s (%d iş parçacığı): %8.2f ms\n"
           "  (düz evrişimin işine göre %.1f GFLOP/s)\n",
           conv2d_uses_winograd(C, 3, 1) ? "Winograd F(4x4,3x3)" : "im2col + çekirdek", a->threads,
           1e3 * t_fast, flop / t_fast / 1e9);
    printf("Hızlı sürüm %.0f kat hızlı; iki sonucun en büyük farkı %.2e\n(float yuvarlaması).\n",
           *ratio, diff);
    free(x); free(W); free(bias); free(y1); free(y2); free(work);
    return diff;
}

/*
 * Adım 5: Eğit
 *
 * lesson02'deki döngünün aynısı: yığın 128, Adam eniyileyicisi (optimizer);
 * öğrenme oranı (learning rate) 1e-3 ile başlar ve epoch'lar boyunca kosinüs eğrisiyle
 * sıfıra iner; kayıp (loss) çapraz entropidir (cross-entropy). Varsayılan 15 epoch: 12 epoch'ta test doğruluğu
 * (accuracy) iki koşuda %99,26 ve %99,36 çıktı (yalnızca toplama sırası farklıydı);
 * 15 epoch'ta %99,37 ve %99,43 (yine yalnızca toplama sırası farklı) — küçük öğrenme oranlı son
 * epoch'lar sonucu oturtuyor.
 * Geri yayılım (backpropagation) evrişim katmanından da geçer (formüller conv.h'de;
 * testler onları sonlu farklarla (finite differences) sınar):
 *   dW = Σ dY · yama,   dX = dY'nin ters çevrilmiş filtrelerle "geri evrişimi".
 * Havuzlamada gradyan yalnızca en büyük değerin geldiği piksele gider.
 */
static void train_model(Net *net, Data *d, const LessonArgs *a, const AugmentConfig *aug,
                        TrainHistory *h) {
    TrainConfig cfg = train_config_default();
    cfg.epochs = a->quick && !a->epochs_given ? 2 : a->epochs;
    cfg.seed = (uint64_t)a->seed;
    cfg.cosine = 1;
    if (aug) {
        cfg.augment = augment_batch;
        cfg.augment_ctx = (void *)aug;
    }
    Adam opt;
    adam_init(&opt, net->nparams, 1e-3f);
    train_classifier(net, &opt, &d->m.train, d->tr_idx, d->ntr, &d->m.train, d->va_idx, d->nva,
                     &cfg, h);
    adam_free(&opt);
}

static double median_epoch(const TrainHistory *h) {
    double s[TRAIN_MAX_EPOCHS];
    for (int e = 0; e < h->epochs_run; e++) s[e] = h->epoch_s[e];
    return median_d(s, h->epochs_run);
}

static void step5_train(Net *net, Data *d, const LessonArgs *a, TrainHistory *h) {
    step_banner(5, NSTEPS, "Eğit: Adam, yığın 128, kosinüs öğrenme oranı");
    train_model(net, d, a, NULL, h);
    int n = h->epochs_run;
    printf("Son epoch: eğitim kaybı %.4f, doğrulama kaybı %.4f,\ndoğrulama doğruluğu %.2f%%; "
           "epoch başına medyan %.2f s (%d iş parçacığı).\n", h->loss[n - 1], h->val_loss[n - 1],
           100.0 * h->val_acc[n - 1], median_epoch(h), a->threads);
}

/*
 * Adım 6: Ağ ne öğrendi? Filtreler ve öznitelik haritaları
 *
 * İlk katmanın 32 filtresi 3x3'lük sayı tablolarıdır; onları resim olarak çiziyoruz
 * (gri = 0, beyaz = pozitif, siyah = negatif). Çoğu bir yöndeki kenarı ya da
 * çizgiyi arar. Bir rakamı ağdan geçirince her filtre bir "öznitelik haritası"
 * (feature map) üretir: o filtrenin aradığı desen rakamın neresinde var? İlk
 * katmanın haritaları hâlâ rakama benzer (kenarlar, çizgiler); ikinci katmanınkiler
 * daha küçük ve daha soyuttur (köşeler, eğriler, "burada bir halka var").
 */
static void save_grid(const char *path, const float *tiles, int n, int th, int tw, int rows,
                      int cols, int scale) {
    char err[512];
    if (image_write_grid_f(path, tiles, n, 1, th, tw, rows, cols, 2, scale, err, sizeof err) != 0)
        warnf("%s", err);
}

/* İlk katmanın filtreleri (nf tane 3x3, W1 (nf, 9)) büyük, numaralı kareler olarak: her filtre
 * kendi en büyük mutlak ağırlığına bölünür; gri 0, beyaz +1, siyah −1 (renk çubuğu). gnuplot
 * yoksa aynı ızgara düz bir PNG olarak yazılır (ft: 0..1'e taşınmış değerler). */
static void plot_filters(const float *W1, const float *ft, int nf, int ascii) {
    if (!plot_have_gnuplot()) {
        save_grid(PLOT_DIR "/filtreler.png", ft, nf, 3, 3, 4, 8, 16);
        return;
    }
    Plot p;
    /* Şekil filtreler: Her kare bir filtrenin 3x3 ağırlığıdır (beyaz artı, siyah eksi, gri 0); açık
     * ve koyu hücreleri yan yana duran bir filtre, o yöndeki bir kenara, yani parlaklık değişimine,
     * en güçlü tepkiyi verir; hücrelerin dizilişinin filtreden filtreye değiştiğine bakın. */
    FILE *d = plot_begin(&p, LESSON, "filtreler");
    fprintf(d, "# x y ağırlık/en_büyük|ağırlık| "
               "(filtre f: sütun f%%8, satır f/8; 4 birim aralıkla)\n");
    char lab[64 * 64] = "";
    size_t ln = 0;
    for (int f = 0; f < nf; f++) {
        float m = 1e-12f;
        for (int k = 0; k < 9; k++) m = fmaxf(m, fabsf(W1[f * 9 + k]));
        int c0 = (f % 8) * 4, r0 = (f / 8) * 4;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                fprintf(d, "%d %d %.4f\n", c0 + j, -(r0 + i), W1[f * 9 + i * 3 + j] / m);
        if (f < 64 && ln < sizeof lab)
            ln += (size_t)snprintf(lab + ln, sizeof lab - ln,
                                   "set label %d '%d' at %d,%d center font ',11'\n", f + 1, f + 1,
                                   c0 + 1, -r0 + 1);
    }
    /* ikinci blok (index 1): her filtrenin çerçevesi (beyaz hücreler zeminde kaybolmasın) */
    fprintf(d, "\n\n");
    for (int f = 0; f < nf; f++) fprintf(d, "%d %d\n", (f % 8) * 4 + 1, -(f / 8) * 4 - 1);
    char body[64 * 64 + 1024];
    snprintf(body, sizeof body,
             "set title 'İlk evrişim katmanının %d filtresi (3x3; her biri kendi en büyük "
             "|ağırlığına| bölünmüş)'\n"
             "unset xtics\nunset ytics\nunset border\nunset key\nset size ratio -1\n"
             "set xrange [-0.8:%d.8]\nset yrange [%d.8:1.8]\n"
             "set palette gray\nset cbrange [-1:1]\nset cbtics ('−1' -1, '0' 0, '+1' 1)\n"
             "set cblabel 'ağırlık / en büyük |ağırlık|'\n%s"
             "plot 'filtreler.dat' index 0 using 1:2:($1-0.5):($1+0.5):($2-0.5):($2+0.5):3 "
             "with boxxyerror fs solid 1.0 noborder fc palette, "
             "'' index 1 using 1:2:($1-1.5):($1+1.5):($2-1.5):($2+1.5) "
             "with boxxyerror lc rgb '#777777' lw 1.5 fs empty\n",
             nf, 8 * 4 - 2, -((nf + 7) / 8 * 4 - 2) - 1, lab);
    plot_finish_size(&p, body, 900, 560);
    plot_render(&p, ascii);
}

static void step6_filters(Net *net, Data *d, const LessonArgs *a, int *shown_label) {
    step_banner(6, NSTEPS, "Öğrenilen filtreler ve bir rakamın öznitelik haritaları");
    if (mkdir_p(PLOT_DIR) != 0) die("'%s' klasörü oluşturulamadı", PLOT_DIR);
    const Layer *c1 = &net->L[0];
    const float *W1 = net->params + c1->w_off;
    int nf = c1->a;
    /* Filtreler: her biri kendi en büyük mutlak değerine bölünür, 0 gri (0,5) olur */
    float *ft = xmalloc((size_t)nf * 9 * sizeof(float));
    for (int f = 0; f < nf; f++) {
        float m = 1e-12f;
        for (int k = 0; k < 9; k++) m = fmaxf(m, fabsf(W1[f * 9 + k]));
        for (int k = 0; k < 9; k++) ft[f * 9 + k] = 0.5f + 0.5f * W1[f * 9 + k] / m;
    }
    plot_filters(W1, ft, nf, a->ascii);
    /* Bir test rakamı: ağdan geçir, ReLU'dan sonraki haritaları al */
    int idx = 0;
    float x[784];
    int y;
    batch_fill(x, &y, &d->m.test, &idx, 1, (Norm){.kind = NORM_MINMAX});
    *shown_label = y;
    net_forward(net, x, 1, 0);
    const Layer *r1 = &net->L[1], *r2 = &net->L[4];
    int maps[2] = {r1->out_c, r2->out_c}, side[2] = {r1->out_h, r2->out_h};
    const float *acts[2] = {r1->act, r2->act};
    /* Şekil oznitelik_1, oznitelik_2: Her kare, sınanan rakamın bir filtreden (evrişim + ReLU)
     * geçmiş hâlidir, en parlak yer o filtrenin en güçlü tepki verdiği yerdir: 1. katmanın
     * haritalarında rakamın kenarlarının farklı yönlerde seçildiğine, 2. katmanınkilerde daha küçük
     * ve seçici lekelerin kaldığına bakın. */
    const char *names[2] = {PLOT_DIR "/oznitelik_1.png", PLOT_DIR "/oznitelik_2.png"};
    int active[2] = {0, 0};
    for (int L = 0; L < 2; L++) {
        size_t hw = (size_t)side[L] * side[L];
        float *t = xmalloc((size_t)maps[L] * hw * sizeof(float));
        for (int f = 0; f < maps[L]; f++) {
            float m = 0;
            for (size_t i = 0; i < hw; i++) m = fmaxf(m, acts[L][f * hw + i]);
            active[L] += m > 0;
            for (size_t i = 0; i < hw; i++) t[f * hw + i] = m > 0 ? acts[L][f * hw + i] / m : 0;
        }
        save_grid(names[L], t, maps[L], side[L], side[L], maps[L] / 8, 8, L ? 6 : 3);
        if (a->ascii && L == 0) { /* ilk dört haritayı metin olarak da göster */
            uint8_t img[4][26 * 26];
            const uint8_t *ptr[4];
            const char *caps[4] = {"harita 1", "harita 2", "harita 3", "harita 4"};
            for (int f = 0; f < 4; f++) {
                for (size_t i = 0; i < hw; i++) img[f][i] = (uint8_t)lroundf(255 * t[f * hw + i]);
                ptr[f] = img[f];
            }
            show_digits(stdout, ptr, caps, 3, side[0], side[0]);
        }
        free(t);
    }
    /* Şekil rakam: Öznitelik haritalarının çıkarıldığı test rakamı, ağın gördüğü 28x28 piksel
     * olarak. */
    save_grid(PLOT_DIR "/rakam.png", x, 1, 28, 28, 1, 1, 6);
    printf("Filtreler: %s\n(%d filtre, 3x3, numaralı; beyaz artı, siyah eksi).\n",
           PLOT_DIR "/filtreler.png", nf);
    printf("Test rakamı #0, etiketi (label) %d: %s\n", y, PLOT_DIR "/rakam.png");
    /* sayıdan sonraki ek okunuşa uyar ("32'si", "63'ü"): lesson/ek.h */
    printf("1. evrişim + ReLU: %d haritanın %d'%s bu rakamda bir yerde etkin (26x26):\n%s\n",
           maps[0], active[0], tr_ek_int(active[0], EK_IYELIK), names[0]);
    printf("2. evrişim + ReLU: %d haritanın %d'%s etkin (11x11):\n%s\n", maps[1], active[1],
           tr_ek_int(active[1], EK_IYELIK), names[1]);
    if (a->ascii) {
        printf("İlk dört filtrenin sayıları:\n");
        for (int f = 0; f < 4; f++) {
            char t[32];
            snprintf(t, sizeof t, "filtre %d", f + 1);
            print_matrix(t, W1 + f * 9, 3, 3);
        }
    }
    free(ft);
}

/*
 * Adım 7: Veri artırma — aynı model, oynatılmış rakamlarla
 *
 * Her yığındaki her rakam eğitimden önce rastgele biraz döndürülür (±10°),
 * yakınlaştırılır/uzaklaştırılır (±%10) ve kaydırılır (±%10); dışarıda kalan
 * yerler siyah (0) dolar. Yatay çevirme KULLANILMAZ: aynadaki 2 bir rakam değildir
 * (common/data/augment.h). Model her epoch'ta aynı rakamın biraz farklı bir hâlini
 * görür; ezberlemesi zorlaşır. Bedeli: eğitim verisi "zorlaştığı" için eğitim
 * doğruluğu daha düşük görünür ve öğrenme biraz yavaşlar. Kazancı genelde
 * doğrulama ve test doğruluğundadır — ve kâğıda yazılmış, MNIST kadar düzgün
 * ortalanmamış rakamlarda.
 */
static void step7_augment(Data *d, const LessonArgs *a, const TrainHistory *h0, Net *aug_net,
                          TrainHistory *h1) {
    step_banner(7, NSTEPS, "Veri artırma: aynı model, oynatılmış rakamlarla");
    AugmentConfig ac = augment_config_default();
    ac.rotate_deg = 10.0f;
    ac.zoom = 0.1f;
    ac.shift = 0.1f;
    ac.fill = AUG_FILL_CONST;
    ac.fill_value = 0.0f;
    /* Birkaç artırılmış örneği resim olarak göster */
    float ex[16 * 784];
    int ids[16], yy[16];
    for (int i = 0; i < 16; i++) ids[i] = i / 4; /* 4 rakam, her biri 4 kez */
    batch_fill(ex, yy, &d->m.train, ids, 16, (Norm){.kind = NORM_MINMAX});
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 3);
    for (int i = 0; i < 16; i++)
        if (i % 4) augment_batch(ex + (size_t)i * 784, 1, 1, 28, 28, &r, &ac);
    /* Şekil artirma_ornekleri: Her satır bir eğitim rakamıdır: ilk sütunda özgün görüntü, yanında
     * aynı rakamın rastgele döndürülmüş, yakınlaştırılmış ya da kaydırılmış üç kopyası; rakamın
     * okunur ve etiketinin doğru kaldığına bakın. */
    save_grid(PLOT_DIR "/artirma_ornekleri.png", ex, 16, 28, 28, 4, 4, 3);
    printf("Örnekler (her satırda solda özgün, sağda üç artırılmış hâli):\n%s\n",
           PLOT_DIR "/artirma_ornekleri.png");
    models_mnist_cnn(aug_net, 1, 28, 28, 10, 128, (uint64_t)a->seed);
    train_model(aug_net, d, a, &ac, h1);
    int n = h0->epochs_run < h1->epochs_run ? h0->epochs_run : h1->epochs_run;
    float ep[TRAIN_MAX_EPOCHS];
    for (int e = 0; e < n; e++) ep[e] = (float)(e + 1);
    /* %99'un üstündeki farklar doğruluk ekseninde görünmez: hata oranını (%) log ölçekte çiz */
    float er[4][TRAIN_MAX_EPOCHS];
    const float *accs[4] = {h0->acc, h0->val_acc, h1->acc, h1->val_acc};
    for (int s = 0; s < 4; s++)
        for (int e = 0; e < n; e++) er[s][e] = 100.0f * (1.0f - accs[s][e]);
    /* Şekil hata_orani: Hata oranı log ölçekte: artırmalı modelin eğitim hatasının artırmasız
     * olanınkinden yukarıda kalışına ve iki modelin doğrulama hatalarının birbirine göre nerede
     * durduğuna bakın. */
    plot_lines(LESSON, "hata_orani", "Hata oranı (%, log ölçek): artırmasız ve artırmalı", "epoch",
               "hata (%)", n, ep, 4, (const float *const[]){er[0], er[1], er[2], er[3]},
               (const char *const[]){"eğitim (artırmasız)", "doğrulama (artırmasız)",
                                     "eğitim (artırmalı)", "doğrulama (artırmalı)"},
               1, a->ascii);
    /* Şekil kayip_egrisi: Aynı karşılaştırma kayıpla: eğitim ve doğrulama eğrileri arasındaki
     * açıklığın artırmasız modelde mi artırmalıda mı büyük olduğuna bakın. */
    plot_lines(LESSON, "kayip_egrisi", "Kayıp: artırmasız ve artırmalı", "epoch", "kayıp", n, ep, 4,
               (const float *const[]){h0->loss, h0->val_loss, h1->loss, h1->val_loss},
               (const char *const[]){"eğitim (artırmasız)", "doğrulama (artırmasız)",
                                     "eğitim (artırmalı)", "doğrulama (artırmalı)"},
               1, a->ascii);
    int e = n - 1;
    printf("Son epoch (%d): eğitim doğruluğu artırmasız %.2f%%, artırmalı %.2f%%;\ndoğrulama "
           "doğruluğu artırmasız %.2f%%, artırmalı %.2f%%.\n", n, 100.0 * h0->acc[e],
           100.0 * h1->acc[e], 100.0 * h0->val_acc[e], 100.0 * h1->val_acc[e]);
    printf("Grafikler: %s/hata_orani.png, %s/kayip_egrisi.png\n", PLOT_DIR, PLOT_DIR);
}

/*
 * Adım 8: Test et, kaydet, lesson02 ile karşılaştır
 *
 * İki modeli de test kümesinde ölçüyoruz; doğrulama doğruluğu yüksek olanı
 * (test kümesine bakmadan seçilmiş olan) kaydediyoruz — --predict onu kullanır.
 * lesson02'nin kaydedilmiş modeli varsa onun parametre sayısını ve dosyaya
 * yazılmış test doğruluğunu okuyup yan yana koyuyoruz.
 */
typedef struct {
    float loss, acc;
} TestRes;

static void read_lesson02(size_t *params, double *acc) {
    *params = 0;
    *acc = -1;
    const char *p = MODEL_DIR "/lesson02_mlp.model";
    if (!file_exists(p)) return;
    Net n;
    char err[512];
    if (net_load(&n, p, 1, err, sizeof err) != 0) {
        printf("(%s okunamadı: %s)\n", p, err);
        return;
    }
    *params = n.nparams;
    const char *t = strstr(n.meta, "test_acc=");
    if (t) *acc = atof(t + 9);
    net_free(&n);
}

static const Net *step8_test_save(Net *net, Net *aug_net, const TrainHistory *h0,
                                  const TrainHistory *h1, Data *d, const LessonArgs *a,
                                  size_t mlp_params, TestRes *r0, TestRes *r1, int *saved_aug) {
    step_banner(8, NSTEPS, "Test et, kaydet ve lesson02 ile karşılaştır");
    Norm nm = {.kind = NORM_MINMAX, .mean = 0, .std = 0};
    evaluate(net, &d->m.test, NULL, d->ntest, nm, LOSS_SOFTMAX_XENT, &r0->loss, &r0->acc, NULL, NULL);
    evaluate(aug_net, &d->m.test, NULL, d->ntest, nm, LOSS_SOFTMAX_XENT, &r1->loss, &r1->acc, NULL,
             NULL);
    printf("Test (%d görüntü): artırmasız %.2f%% (%d hata, kayıp %.4f);\nartırmalı %.2f%% (%d hata, "
           "kayıp %.4f).\n", d->ntest, 100.0 * r0->acc, (int)lround((1 - r0->acc) * d->ntest),
           r0->loss, 100.0 * r1->acc, (int)lround((1 - r1->acc) * d->ntest), r1->loss);
    int e0 = h0->epochs_run - 1, e1 = h1->epochs_run - 1;
    *saved_aug = h1->val_acc[e1] > h0->val_acc[e0];
    const Net *best = *saved_aug ? aug_net : net;
    const TestRes *rb = *saved_aug ? r1 : r0;
    Net *bw = (Net *)best;
    snprintf(bw->meta, sizeof bw->meta, "lesson=lesson04 test_acc=%.4f augment=%d", rb->acc, *saved_aug);
    char err[512];
    if (mkdir_p(MODEL_DIR) != 0) die("'%s' klasörü oluşturulamadı", MODEL_DIR);
    if (net_save(best, model_path(a), err, sizeof err) != 0) die("%s", err);
    printf("Doğrulama doğruluğu daha yüksek olan %s model kaydedildi:\n%s\n",
           *saved_aug ? "artırmalı" : "artırmasız", model_path(a));
    size_t p2;
    double acc2;
    read_lesson02(&p2, &acc2);
    printf("  model                     parametre   test doğruluğu   epoch süresi (s)\n");
    if (p2 && acc2 >= 0)
        printf("  %-24s %10zu %15.2f%% %18s\n", "lesson02 MLP (kayıtlı)", p2, 100.0 * acc2, "-");
    else
        printf("  %-24s %10zu %16s %18s\n  (doğruluğu ./lesson02 çalıştırılınca dolar)\n",
               "lesson02 MLP", mlp_params, "?", "-");
    printf("  %-24s %10zu %15.2f%% %18.2f\n", "CNN (artırmasız)", net->nparams, 100.0 * r0->acc,
           median_epoch(h0));
    printf("  %-24s %10zu %15.2f%% %18.2f\n", "CNN (artırmalı)", aug_net->nparams, 100.0 * r1->acc,
           median_epoch(h1));
    if (p2 && acc2 >= 0) {
        double e2 = 100.0 * (1 - acc2), eb = 100.0 * (1 - rb->acc);
        printf("Test hatası: lesson02'nin MLP'si %%%.2f, kaydedilen CNN %%%.2f (%s).\n", e2, eb,
               eb < e2 ? "daha az hata" : "daha çok hata");
        if (a->quick)
            printf("(--quick: CNN yalnızca %d örnekle %d epoch eğitildi;\nMLP'ninki tam eğitimdi.)",
                   d->ntr, h0->epochs_run);
        else if (eb < e2)
            printf("Hatalar %.1f kat azaldı.", e2 / eb);
        putchar('\n');
    }
    printf("Kendi rakamınızı okutmak için: kâğıda koyu bir kalemle tek bir rakam yazın,\n"
           "fotoğrafını çekin ve\n    ./lesson04 %s--predict foto.jpg\n", a->quick ? "--quick " : "");
    return best;
}

/* ---- --predict: bir fotoğrafı oku (akış common/lesson/predict.c'de, lesson02 ile ortak) ---- */

static int predict_file(const LessonArgs *a) {
    Net want;
    models_mnist_cnn(&want, 1, 28, 28, 10, 1, 1);
    int rc = predict_digit_photo(model_path(a), &want, a->predict, PLOT_DIR,
                                 a->quick ? "./lesson04 --quick" : "./lesson04");
    net_free(&want);
    return rc;
}

/* ---- Sınav: sayısal cevaplar kütüphaneyle çalışma anında hesaplanır ---- */

static int run_quiz(const LessonArgs *a) {
    static char e1[256], e2[256], e3[320], e4[256];
    /* S1: 28x28 girişte 3x3 evrişim (adım 1, dolgu yok) */
    int s1 = conv_out_dim(28, 3, 1, 0);
    snprintf(e1, sizeof e1, "(28 - 3)/1 + 1 = %d. Dolgu yoksa filtre kenardaki 1'er pikseli "
             "merkez olarak kullanamaz.", s1);
    /* S2: 32 kanallı girişte 64 filtreli 3x3 evrişimin parametresi */
    Net n;
    net_init(&n, 32, 13, 13);
    net_conv2d(&n, 64, 3, 1, 0);
    double s2 = (double)n.nparams;
    snprintf(e2, sizeof e2, "64 filtre x (32 kanal x 3 x 3) + 64 bias = %.0f.", s2);
    /* S3: bir yamanın bir filtreyle evrişimi */
    const float patch[9] = {1, 2, 0, 0, 1, 3, 2, 0, 1}, K[9] = {0, -1, 0, -1, 4, -1, 0, -1, 0};
    float o3;
    conv2d_forward_ref(&o3, patch, K, NULL, 1, 1, 3, 3, 1, 3, 1, 0);
    snprintf(e3, sizeof e3, "Eleman eleman çarpıp topla: 4·1 - 2 - 0 - 3 - 0 = %g (köşeler 0 ile "
             "çarpılır). Bu filtre bir 'Laplace' filtresidir: pikselin komşularından ne kadar "
             "farklı olduğunu ölçer.", (double)o3);
    /* S5: adım 2, dolgu 1 */
    int s5 = conv_out_dim(28, 3, 2, 1);
    snprintf(e4, sizeof e4, "(28 + 2·1 - 3)/2 + 1 = %d (tam sayı bölmesi).", s5);
    QuizQuestion qs[] = {
        {.q = "28x28'lik bir görüntüye dolgusuz (padding 0), kaydırma adımı 1 olan 3x3'lük evrişim "
              "uygulanınca çıkış kaç x kaç olur? (yalnızca kenar uzunluğunu, ör. 10x10 için 10 yazın)",
         .answer = s1, .tol = 0.5, .explain = e1},
        {.q = "32 kanallı bir girişe 64 filtreli 3x3'lük bir evrişim katmanı uygulanıyor. "
              "Katmanın (bias'lar dahil) parametre sayısı kaçtır?",
         .answer = s2, .tol = 0.5, .explain = e2},
        {.q = "3x3'lük yama [1 2 0; 0 1 3; 2 0 1] ile filtre [0 -1 0; -1 4 -1; 0 -1 0] "
              "evrişiminin, bias olmadan, sonucu kaçtır?",
         .answer = o3, .tol = 1e-3, .explain = e3},
        {.q = "Bu dersin CNN'i MLP'den daha az parametreyle daha iyi sonuç veriyor. Bunun "
              "başlıca nedeni nedir?",
         .choices = {"CNN daha büyük bir öğrenme oranıyla eğitildiği için her adımda daha çok "
                     "ilerliyor",
                     "Aynı küçük filtre her konumda kullanılıyor (ağırlık paylaşımı) ve komşu "
                     "pikseller birlikte işleniyor",
                     "CNN'de dropout olmadığı için ağ eğitim verisindeki bütün bilgiyi "
                     "kullanabiliyor",
                     "CNN ReLU yerine sigmoid kullandığı için olasılıkları daha iyi ayarlıyor"},
         .correct = 1,
         .explain = "Bir 3x3 filtre görüntünün her konumunda aynı desene bakar: bir kenarı "
                    "öğrenmek için her konumda ayrı ağırlık gerekmez ve görüntünün 2B yapısı korunur."},
        {.q = "28x28'lik girişe kaydırma adımı 2, dolgusu 1 olan 3x3'lük evrişim uygulanırsa "
              "çıkış kaç x kaç olur? (yalnızca kenar uzunluğunu yazın)",
         .answer = s5, .tol = 0.5, .explain = e4},
        {.q = "2x2 max pooling'in geri geçişinde bir pencerenin gradyanı nereye gider?",
         .choices = {"Pencerenin dört pikseline eşit bölünür",
                     "Yalnızca pencerenin en büyük değerinin geldiği piksele",
                     "Hiçbir yere: havuzlamanın gradyanı yoktur", "Pencerenin sol üst pikseline"},
         .correct = 1,
         .explain = "out = max(a,b,c,d) yalnızca en büyüğe bağlıdır; ileri geçişte (forward pass) onun yeri "
                    "(argmax) saklanır ve gradyan oraya yazılır, diğerleri 0 alır."},
        {.q = "El yazısı rakamlarla eğitimde aşağıdaki veri artırmalardan hangisi UYGUN DEĞİLDİR?",
         .choices = {"±10° döndürme", "±%10 yakınlaştırma", "Yatay çevirme (ayna görüntüsü)",
                     "Birkaç piksel kaydırma"},
         .correct = 2,
         .explain = "Aynadaki bir 2 ya da 7 artık o rakam değildir; etiketi bozan bir dönüşüm "
                    "modele yanlış şey öğretir. Küçük dönme, ölçek ve kayma ise etiketi korur."},
        {.q = "Kâğıttaki bir rakamın fotoğrafını MNIST modeline vermeden önce neden ters "
              "çevirip 20x20'ye sığdırıp kütle merkezine göre ortalıyoruz?",
         .choices = {"Dosyayı küçültmek için",
                     "MNIST rakamları böyle hazırlandı; model yalnızca bu biçimi gördü",
                     "Renkli fotoğrafları griye çevirmek için", "Ağın daha hızlı çalışması için"},
         .correct = 1,
         .explain = "MNIST'te rakamlar siyah zeminde beyazdır, 20x20'lik kutuya sığdırılmış ve "
                    "kütle merkezi ortada olacak biçimde 28x28'e yerleştirilmiştir. Başka türlü "
                    "hazırlanmış bir girdi, modelin hiç görmediği bir dağılımdan gelir."},
    };
    net_free(&n);
    return quiz_run(LESSON, qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = LESSON, .title = "Evrişimli sinir ağı (CNN) ve kendi el yazınız",
                         .default_epochs = 15, .extras = CLI_PREDICT | CLI_MODEL,
                         .extra_help = "\nÖrnek: ./lesson04 --predict rakam.jpg   (önce ./lesson04 "
                                       "ile modeli eğitin)\n"});
    if (a.quiz) return run_quiz(&a);
    if (a.predict) return predict_file(&a);

    Data d;
    Net net, aug_net;
    TrainHistory h0, h1;
    TestRes r0, r1;
    size_t mlp_params;
    double ratio;
    int label, saved_aug;
    step1_by_hand();
    step2_load(&d, &a);
    step3_model(&net, &a, &mlp_params);
    double diff = step4_fast_conv(&a, &ratio);
    step5_train(&net, &d, &a, &h0);
    step6_filters(&net, &d, &a, &label);
    step7_augment(&d, &a, &h0, &aug_net, &h1);
    const Net *best = step8_test_save(&net, &aug_net, &h0, &h1, &d, &a, mlp_params, &r0, &r1, &saved_aug);
    const TestRes *rb = saved_aug ? &r1 : &r0;

    double med = median_epoch(&h0);
    printf("\nÖzet: %d epoch, epoch başına medyan %.2f s (%d iş parçacığı);\ntest doğruluğu "
           "artırmasız %.2f%%, artırmalı %.2f%%; kaydedilen: %s.\n", h0.epochs_run, med, a.threads,
           100.0 * r0.acc, 100.0 * r1.acc, saved_aug ? "artırmalı" : "artırmasız");
    printf("SONUÇ: test_acc=%.4f test_loss=%.4f epoch_s=%.3f params=%zu epochs=%d test_acc_noaug=%.4f "
           "test_acc_aug=%.4f saved_aug=%d conv_speedup=%.1f conv_maxdiff=%.2e mlp_params=%zu "
           "threads=%d\n",
           rb->acc, rb->loss, med, best->nparams, h0.epochs_run, r0.acc, r1.acc, saved_aug, ratio,
           diff, mlp_params, a.threads);
    net_free(&net);
    net_free(&aug_net);
    mnist_split_free(&d);
    return 0;
}
