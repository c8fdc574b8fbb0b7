/*
 * lesson05 — İnce ayar (fine-tuning) ve yeniden eğitim
 *
 * Bu derste öğrenecekleriniz:
 *   - Kendi görüntü klasörünüzden bir veri kümesi (dataset) kurmak: her sınıf bir
 *     alt klasör (kedi/, kopek/ ...), okunamayan dosyalar atlanır ve sayılır,
 *     eğitim/doğrulama (validation) ayrımı bir tohumla (seed) her seferinde aynıdır;
 *     her boydaki fotoğraf en-boy oranı (aspect ratio) korunarak, boşluklara dolgu
 *     (padding) konarak aynı boya getirilir.
 *   - Kanal başına normalizasyon (normalization) ve veri artırma
 *     (data augmentation): çevirme, döndürme, yakınlaştırma, kaydırma, renk;
 *     her birini resimde görmek.
 *   - Birkaç yüz görüntüye uygun küçük bir ağ: evrişim (convolution) blokları,
 *     genel havuzlama (global pooling), tek çıkış, sigmoid ve
 *     ikili çapraz entropi (binary cross-entropy); epoch değil adım sayısıyla
 *     eğitmek, doğrulamaya bakarak
 *     durmak ve sonucu şans düzeyiyle karşılaştırmak: öğrenemeyen model sonuç
 *     diye sunulmaz.
 *   - Tek bir görüntü dosyasını tahmin etmek: "Bu görüntü %93 güvenle bir bot".
 *   - Yanlış tahmin edilen tek bir görüntüyle yeniden eğitmenin bedeli: felaket
 *     unutma (catastrophic forgetting) — ve çaresi: düzeltilen örneği eski
 *     verilerden bir "tekrar oynatma" (replay) yığınıyla (batch) karıştırmak.
 *   - Transfer öğrenme (transfer learning): lesson04'te rakamlarla eğitilmiş
 *     evrişim (convolution) katmanlarını dondurup giysiler için yalnızca yeni bir "baş"
 *     (head) eğitmek; aynı ağı sıfırdan eğitmekle karşılaştırmak.
 *
 * Çalıştırma:
 *   make lesson05 && ./lesson05           Fashion-MNIST'ten spor ayakkabı / bot klasörü
 *   ./lesson05 --images kedi_kopek        kendi klasörünüz (kedi_kopek/kedi, kedi_kopek/kopek)
 *   make build/tools/photo_folder && ./build/tools/photo_folder data/sekil
 *   ./lesson05 --images data/sekil        üretilmiş renkli bir "fotoğraf" klasörü (daire/üçgen)
 *   ./lesson05 --predict foto.jpg         kaydedilen modelle tek bir dosyayı sınıflandır
 *   ./lesson05 --predict foto.jpg --label kedi
 *                                         tahmin yanlışsa modeli düzelt ve kaydet
 *   ./lesson05 --quick                    birkaç saniyelik küçük deneme
 * Kodun matematiği common/ altındadır: imgfolder.c (klasör), image.c (dosyalar),
 * augment.c (artırma), conv.c (evrişim), train.c (eğitim), net.c (kaydet/yükle);
 * tek dosya tahmini ve model meta'sı lesson/predict.c'de.
 * Çıkış kodu: 0 başarılı; 3 model şans düzeyinde kaldı (uyarı, model kaydedilmedi).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"

#define NSTEPS 8
#define LESSON "lesson05"
#define DEFAULT_IMAGES "data/ayakkabi"
#define FASHION_DIR "/usr/share/datasets/fashion-mnist"
#define VAL_FRAC 0.2f
#define QUICK_PER_CLASS 200  /* --quick: her sınıftan en çok bu kadar görüntü */
#define BATCH 32
#define MAX_BATCH 64
#define LR 3e-3f             /* Adam'ın başlangıç öğrenme oranı (learning rate) η_0 */
#define TRAIN_STEPS 1200     /* adım bütçesi (Adım 4); klasör küçükse daha çok epoch demektir */
#define QUICK_STEPS 300      /* --quick */
#define QUICK_SIDE 32        /* --quick: fotoğraflar 64x64 yerine 32x32 (dört kat az hesap) */
#define PATIENCE_STEPS 300   /* doğrulama kaybı (loss) bu kadar adım iyileşmezse dur */
#define QUICK_PATIENCE 200
#define RETRAIN_STEPS 10     /* yeniden eğitim adımı (Keras örneğindeki fit(epochs=5)'in karşılığı) */
#define REPLAY_COPIES 4      /* tekrar oynatma yığınında düzeltilen örneğin kopyası */
#define REPLAY_OLD 28        /* ... ve eski eğitim verisinden rastgele (artırılmış) örnek */

static const char *model_path(const LessonArgs *a) {
    return a->model ? a->model
           : a->quick ? MODEL_DIR "/lesson05_ikili_quick.model"
                      : MODEL_DIR "/lesson05_ikili.model";
}

/* Eğitimde ve düzeltmede kullanılan artırma (Adım 2'de anlatılıyor): Keras örneğindeki
 * RandomFlip, RandomRotation, RandomZoom, RandomTranslation ve renk oynatmanın karşılığı. */
static AugmentConfig train_augment(void) {
    AugmentConfig ac = augment_config_default();
    ac.flip = 1;
    ac.rotate_deg = 15.0f;
    ac.zoom = 0.15f;
    ac.shift = 0.1f;
    ac.contrast = 0.2f;
    ac.brightness = 0.2f;
    ac.channel_shuffle = 1;
    return ac;
}

/* Oranı Türkçe yüzde yazımıyla verir: pct(0.9731, 2) -> "%97.31". Dönen tampon dönerek
 * yeniden kullanılır (aynı printf'te en çok 8 çağrı). */
static const char *pct(double frac, int prec) {
    static char buf[8][32];
    static int k;
    char *b = buf[k++ & 7];
    snprintf(b, sizeof buf[0], "%%%.*f", prec, 100.0 * frac);
    return b;
}

static void load_model_or_die(const char *path, Net *net, BinaryModelInfo *mi) {
    char err[2048];
    if (binary_model_load(path, MAX_BATCH, net, mi, "./" LESSON, err, sizeof err) != 0)
        die("%s", err);
}

/*
 * Adım 1: Klasörden veri kümesi
 *
 * Keras'ın image_dataset_from_directory'si gibi: her alt klasör bir sınıf, sınıf
 * adları klasör adları ve sıralı (bot = 0, spor_ayakkabi = 1). Her dosya okunur,
 * tek bir şekle getirilir (gri ya da renkli, H x W; fotoğraflar için 64x64) ve
 * bellekte uint8 CHW olarak durur. Okunamayan dosyalar (metin dosyası, yarım
 * inmiş JPEG) eğitimi durdurmaz: atlanır ve sayılır.
 * Boyutlandırmada en-boy oranı (aspect ratio) korunur. w x h'lik bir fotoğraf
 *   s = min(W/w, H/h)
 * ölçeğiyle küçültülür: uzun kenar kutuya tam oturur, kısa kenarın iki yanında
 * kalan şeritler fotoğrafın kenar piksellerinin ortalama rengiyle doldurulur
 * (dolgu, padding). Gerseydik, 300x120'lik bir fotoğraftaki daire 64x64'te
 * yatık bir elips olurdu: ağın öğrenmesi gereken şekil, fotoğrafın oranına göre
 * değişirdi. Verinin %20'si doğrulamaya ayrılır; ayrım her sınıfta ayrı ve
 * tohumludur: aynı --seed her zaman aynı ayrımı verir.
 */
typedef struct {
    ImageFolder f;
    int *tr, ntr, *va, nva;
    const char *dir;
    Norm norm;          /* Adım 2: eğitim görüntülerinden kanal başına ortalama ve sapma */
} Data;

static void step1_load(Data *d, const LessonArgs *a) {
    step_banner(1, NSTEPS, "Görüntü klasörünü oku, eğitim/doğrulama olarak ayır");
    d->dir = a->images ? a->images : DEFAULT_IMAGES;
    char err[1024];
    ImgFolderOpts o = {.max_per_class = a->quick ? QUICK_PER_CLASS : 0,
                       .auto_side = a->quick ? QUICK_SIDE : 0};
    if (imgfolder_load(d->dir, &o, &d->f, err, sizeof err) != 0) die("%s", err);
    if (d->f.nclasses != 2)
        die("'%s' klasöründe %d sınıf var; bu ders ikili sınıflandırma yapar: tam iki sınıf "
            "klasörü olmalı", d->dir, d->f.nclasses);
    imgfolder_split(&d->f, VAL_FRAC, (uint64_t)a->seed, &d->tr, &d->ntr, &d->va, &d->nva);
    if (d->ntr < 1 || d->nva < 1)
        die("'%s' klasöründe çok az görüntü var (%d): eğitim ve doğrulama için her sınıfta en az "
            "2 okunabilir görüntü olmalı", d->dir, d->f.set.n);
    const ImageSet *s = &d->f.set;
    printf("'%s': %d dosya denendi, %d görüntü okundu, %d dosya atlandı.\n", d->dir, d->f.nfiles,
           s->n, d->f.skipped);
    if (d->f.skipped) printf("İlk atlanan: %s\n", d->f.first_skip);
    for (int k = 0; k < 2; k++)
        printf("  sınıf %d = '%s': %d görüntü\n", k, d->f.class_names[k], d->f.class_counts[k]);
    printf("Her görüntü %d kanal (%s), %dx%d piksel; bellekte %.1f MB.\n(Boyu farklı olanlar "
           "oranı korunarak küçültüldü, boşluklar kenar rengiyle.)\n", s->channels,
           s->channels == 1 ? "gri" : "renkli", s->rows, s->cols,
           (double)s->n * s->channels * s->rows * s->cols / 1e6);
    printf("Eğitim: %d, doğrulama: %d görüntü (tohum %d, doğrulama payı %s).\n", d->ntr, d->nva,
           a->seed, pct(VAL_FRAC, 0));
    /* Her sınıftan 8 eğitim görüntüsü: üst satır sınıf 0, alt satır sınıf 1 */
    int C = s->channels, H = s->rows, W = s->cols, D = C * H * W, cnt[2] = {0, 0};
    uint8_t *tiles = xcalloc((size_t)16 * D, 1);
    for (int i = 0; i < d->ntr; i++) {
        int y = s->labels[d->tr[i]];
        if (cnt[y] < 8) memcpy(tiles + (size_t)(y * 8 + cnt[y]++) * D, s->images + (size_t)d->tr[i] * D, D);
    }
    char png[256];
    /* Şekil ornekler: Üst satır birinci, alt satır ikinci sınıfın eğitim görüntüleridir; iki sınıfı
     * ayıran biçim farkına ve bir sınıfın kendi içinde ne kadar çeşitli olduğuna bakın. */
    snprintf(png, sizeof png, "plots/%s/ornekler.png", LESSON);
    mkdir_p("plots/" LESSON);
    if (image_write_grid(png, tiles, 16, C, H, W, 2, 8, 2, H < 48 ? 3 : 1, err, sizeof err) != 0)
        die("%s", err);
    free(tiles);
    printf("Örnekler: %s\n(üst satır '%s', alt satır '%s')\n", png, d->f.class_names[0],
           d->f.class_names[1]);
}

/*
 * Adım 2: Kanal başına normalizasyon ve veri artırma (data augmentation)
 *
 * Normalizasyon: lesson01'de piksel/255 ile [0,1]'e indirdik. Renkli
 * fotoğraflarda kanalların ortalaması ve yayılımı farklıdır (yeşil bir çimen
 * klasöründe G kanalı hep yüksektir); ağın ilk katmanı her kanalı ortalaması 0,
 * yayılımı 1 olan sayılar olarak görürse öğrenme oranı her kanal için aynı işi
 * görür. Kanal c için, YALNIZCA eğitim görüntülerinin bütün piksellerinden:
 *   $\mu_c = \frac{1}{N}\sum_i \frac{p_i}{255}$,
 *   $\sigma_c = \sqrt{\frac{1}{N}\sum_i (\frac{p_i}{255} - \mu_c)^2}$,
 *   $x = (p/255 - \mu_c) / \sigma_c$
 * Doğrulama görüntüleri ve --predict aynı μ_c, σ_c ile normalize edilir: ikisi de
 * model dosyasının meta alanına yazılır (norm=channel:...).
 *
 * Artırma: her epoch'ta her eğitim görüntüsü rastgele biraz değiştirilir; etiket
 * (label) aynı kalır. Model böylece aynı görüntüleri ezberlemek yerine nesnenin
 * kendisini öğrenir; 240 görüntülük bir klasörde bu, elimizdeki en ucuz "yeni
 * veri"dir. Dönüşümler (common/data/augment.c):
 *   çevirme       out[y][x] = in[y][W-1-x]           (0,5 olasılıkla)
 *   döndürme      ±15°, yakınlaştırma ölçek 0,85..1,15, kaydırma ±%10
 *   üçü birlikte tek bir afin dönüşümdür; her çıkış pikseli girişteki
 *   kaynağından çift doğrusal ara değerlemeyle (bilinear interpolation) okunur:
 *   kaynak nokta dört pikselin arasına düşer, değeri onların uzaklığa göre
 *   ağırlıklı ortalamasıdır. Bu doğrusal bir işlemdir: normalizasyondan önce ya
 *   da sonra yapılması sonucu değiştirmez.
 *   renk          kanallar rastgele sırayla yer değiştirir (out[c] = in[π(c)]:
 *                 kırmızı bir daire mavi ya da yeşil olur), sonra
 *                 out = c·in + o, c ∈ [0,8; 1,2] kontrast, o ∈ [-0,2; 0,2] parlaklık
 *                 (normalize birimde, yani σ'nın beşte biri).
 *   Renk artırması bir varsayımdır: sınıfı renk belirlemiyor (her renkten kedi,
 *   her renkten daire olabilir). Klasörünüzde sınıfı renk belirliyorsa
 *   (olgun/ham domates) train_augment'te channel_shuffle'ı kapatın.
 * Resimde her satır bir işlem, her sütun aynı görüntü.
 */
static void step2_prepare(Data *d, const LessonArgs *a) {
    step_banner(2, NSTEPS, "Kanal başına normalizasyon; veri artırma");
    const ImageSet *s = &d->f.set;
    int C = s->channels, H = s->rows, W = s->cols, D = C * H * W, n = d->ntr < 8 ? d->ntr : 8;
    d->norm = (Norm){.kind = NORM_CHANNEL};
    imageset_channel_stats(s, d->tr, d->ntr, d->norm.ch_mean, d->norm.ch_std);
    const char *cname[3] = {"R", "G", "B"};
    printf("Eğitim görüntülerinden kanal başına ortalama μ ve standart sapma σ\n"
           "([0,1] ölçeğinde):\n");
    for (int c = 0; c < C; c++)
        printf("  %s: μ = %.4f, σ = %.4f\n", C == 1 ? "gri" : cname[c],
               (double)d->norm.ch_mean[c], (double)d->norm.ch_std[c]);
    float *chk = xmalloc((size_t)d->ntr * D * sizeof(float));
    batch_fill(chk, NULL, s, d->tr, d->ntr, d->norm);
    double m0 = 0, v0 = 0;
    for (size_t i = 0; i < (size_t)d->ntr * H * W; i++) m0 += chk[i];
    m0 /= (double)d->ntr * H * W;
    for (size_t i = 0; i < (size_t)d->ntr * H * W; i++) v0 += (chk[i] - m0) * (chk[i] - m0);
    v0 /= (double)d->ntr * H * W;
    free(chk);
    printf("Normalizasyondan sonra eğitim görüntülerinde ilk kanalın ortalaması %.4f,\n"
           "standart sapması %.4f (0 ve 1 olmalı).\n", m0, sqrt(v0));

    int rows = 7;
    float *tiles = xmalloc((size_t)rows * n * D * sizeof(float));
    batch_fill(tiles, NULL, s, d->tr, n, (Norm){.kind = NORM_MINMAX});   /* satır 0: orijinal */
    AugmentConfig all = train_augment(), only[5];
    for (int k = 0; k < 5; k++) only[k] = augment_config_default();
    only[0].flip = 1;
    only[1].rotate_deg = 2 * all.rotate_deg;   /* resimde açıkça görünsün diye eğitimdekinin iki katı */
    only[2].zoom = 0.2f;
    only[3].shift = 0.15f;
    only[4].channel_shuffle = all.channel_shuffle;
    only[4].contrast = all.contrast;
    only[4].brightness = all.brightness;
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 2);
    for (int k = 0; k < rows - 1; k++) {
        float *row = tiles + (size_t)(k + 1) * n * D;
        memcpy(row, tiles, (size_t)n * D * sizeof(float));
        augment_batch(row, n, C, H, W, &r, k < 5 ? &only[k] : &all);
    }
    char png[256], err[1024];
    /* Şekil artirma: İlk satır özgün görüntülerdir; sonraki beş satırda her biri tek bir dönüşüm
     * uygular (yatay çevirme, döndürme, yakınlaştırma, kaydırma, renk ve parlaklık), son satır
     * eğitimde kullanılan hepsini birden; nesnenin hep tanınır kaldığına bakın. */
    snprintf(png, sizeof png, "plots/%s/artirma.png", LESSON);
    if (image_write_grid_f(png, tiles, rows * n, C, H, W, rows, n, 2, H < 48 ? 3 : 1, err,
                           sizeof err) != 0)
        die("%s", err);
    /* Geometrik dönüşümler değer aralığını korur mu? Çift doğrusal ağırlıkların toplamı 1. */
    float lo = 1e9f, hi = -1e9f;
    for (size_t i = (size_t)n * D; i < (size_t)5 * n * D; i++) {
        lo = fminf(lo, tiles[i]);
        hi = fmaxf(hi, tiles[i]);
    }
    printf("Resim: %s\n  satır 1 orijinal, 2 yatay çevirme (0.5 olasılıkla), 3 döndürme (±%.0f°),\n"
           "  4 yakınlaştırma (ölçek %.1f..%.1f), 5 kaydırma (±%s), 6 renk (kanal karıştırma,\n"
           "  kontrast ×%.1f..%.1f, parlaklık ±%.1f), 7 eğitimde kullanılan karışım (hepsi;\n"
           "  döndürme ±%.0f°, ölçek %.2f..%.2f, kaydırma ±%s).\n",
           png, only[1].rotate_deg, 1 - only[2].zoom, 1 + only[2].zoom, pct(only[3].shift, 0),
           1 - all.contrast, 1 + all.contrast, all.brightness, all.rotate_deg, 1 - all.zoom,
           1 + all.zoom, pct(all.shift, 0));
    printf("Geometrik dönüşümlerden sonra piksellerin aralığı [%.3f, %.3f]:\n"
           "girişin [0, 1] aralığında kaldı.\n", lo, hi);
    free(tiles);
}

/*
 * Adım 3: İkili sınıflandırıcıyı kur
 *
 * Çıkışta TEK bir sayı z (ham skor, logit) var. Sınıf 1'in olasılığı
 *   $p = \sigma(z) = 1 / (1 + e^{-z})$,
 * sınıf 0'ınki 1 - p. Kayıp (loss) ikili çapraz entropidir (binary cross-entropy):
 *   $L = -[\,y \log p + (1-y) \log(1-p)\,]$
 * Sigmoid ile birlikte kararlı biçimde hesaplanır (train.h: LOSS_BCE_LOGIT) ve
 * türevi sadedir: dL/dz = p - y. Eğitilmemiş ağ için z ≈ 0, p ≈ 0,5, dolayısıyla
 * L ≈ -log 0,5 = ln 2 ≈ 0,693: ilk ölçümümüz bunu doğrulamalı. Doğruluk (accuracy)
 * ise p >= 0,5 kararının doğru çıktığı görüntülerin payıdır.
 *
 * Mimari küçük bir klasöre göre seçilir. lesson04'ün ağı 64x64 renkli girişte
 * flatten'dan sonra 12 544 sayıyı 128 çıkışa bağlar: tek katmanda 1,6 milyon
 * ağırlık, elde ise 240 görüntü. Bu kadar serbestlik, şekli öğrenmeden önce
 * görüntüleri ezberlemeye yeter. Onun yerine:
 *   - evrişim blokları: 3x3 evrişim (dolgu 1: kenar pikselleri de merkezde
 *     görülür, boy korunur) -> ReLU -> 2x2 max pooling; her blokta boy yarıya
 *     iner, kanal iki katına çıkar. 64x64'te dört blok (8, 16, 32, 64 kanal):
 *     4x4x64; 28x28 Fashion-MNIST'te iki blok (32, 64): 7x7x64.
 *   - genel en büyük havuzlama (global max pooling): her kanalın 4x4 haritasındaki
 *     en büyük değer; kanal k için $g_k = \max_{i,j} a_{k,i,j}$. "Bu desen resmin
 *     BİR yerinde var mı?" sorusunun cevabıdır ve nesnenin nerede durduğundan
 *     bağımsızdır. (Bir pencerenin bütün haritayı kapladığı bir maxpool katmanı.)
 *   - baş: tek bir yoğun katman (dense); 64 sayıdan tek logite, 65 parametre.
 * 64x64 renkli girişte toplam ~24 bin parametre: lesson04'ün ağının %1,5'i.
 * Son katman sıfırdan başlar: z = 0, p = 0,5; ilk kayıp tam ln 2 olur ve ağ
 * hiçbir sınıfa yatkın başlamaz.
 */
static void build_model(Net *net, int C, int H, int W, uint64_t seed) {
    net_init(net, C, H, W);
    /* blok sayısı: kenar 8'in altına inmeden en çok 4 (64 -> 4 blok, 32 -> 3, 28 -> 2) */
    int nb = 0;
    for (int side = H < W ? H : W; nb < 4 && side >= 8; side /= 2) nb++;
    for (int b = 0, ch = 64 >> (nb - 1); b < nb; b++, ch *= 2) {   /* son blok hep 64 kanal */
        net_conv2d(net, ch, 3, 1, 1);
        net_relu(net);
        net_maxpool2d(net, 2);
    }
    const Layer *last = &net->L[net->n - 1];
    net_maxpool2d(net, last->out_h < last->out_w ? last->out_h : last->out_w);   /* genel havuz */
    net_flatten(net);
    net_dense(net, 1);
    net_build(net, MAX_BATCH, seed);
    /* Son katman sıfırdan başlar: z = 0, p = 0,5, ilk kayıp tam ln 2 (hiçbir sınıfa yatkın değil) */
    const Layer *out = &net->L[net->n - 1];
    memset(net->params + out->w_off, 0, out->nparams * sizeof(float));
}

static float step3_model(Net *net, Data *d, const LessonArgs *a) {
    step_banner(3, NSTEPS, "İkili sınıflandırıcı: küçük CNN, genel havuzlama, tek çıkış");
    const ImageSet *s = &d->f.set;
    build_model(net, s->channels, s->rows, s->cols, (uint64_t)a->seed);
    net_summary(net, stdout);
    float loss, acc;
    evaluate(net, s, d->va, d->nva, d->norm, LOSS_BCE_LOGIT, &loss, &acc, NULL, NULL);
    printf("Eğitimden önce doğrulama kaybı %.4f (beklenen ≈ ln 2 = %.4f),\ndoğruluk %s.\n",
           loss, log(2.0), pct(acc, 1));
    return loss;
}

/*
 * Adım 4: Adım sayısıyla eğit, doğrulamaya bakarak dur, şansla karşılaştır
 *
 * Ne kadar eğitmeli? Ağırlıkları değiştiren şey adımdır (step: bir yığının
 * gradyanıyla (gradient) bir Adam güncellemesi), epoch değil. 3000 görüntülük bir klasörde
 * 10 epoch = 750 adım; 240 görüntülük bir klasörde 10 epoch yalnızca 80 adım
 * olurdu ve ağ hiçbir şey öğrenmeden dururdu. Bu yüzden bir adım bütçesi
 * seçeriz (S = 1200; --quick'te 300) ve epoch sayısını ondan hesaplarız:
 *   $E = \lceil S / \lceil N_{eğitim} / B \rceil \rceil$   (B = 32 yığın)
 * 240 görüntüde E = 150, 2400 görüntüde E = 16.
 * Öğrenme oranı kosinüs eğrisiyle iner:
 *   $\eta_e = \eta_0 \cdot \frac{1 + \cos(\pi e / E)}{2}$,  η_0 = 3e-3,
 * son epoch'lar küçük adımlarla ince ayar yapar. (η_0, lesson04'ün 1e-3'ünden
 * büyük: ağ küçük ve kosinüs eğrisi sonunda zaten küçültüyor; 240 görüntülük
 * üretilmiş klasörde doğrulama doğruluğu 1e-3 ile %93,3, 3e-3 ile %96,7 ölçtük.)
 * Doğrulamaya dayalı durdurma (early stopping): her epoch sonunda doğrulama
 * kaybı ölçülür; en iyisinin ağırlıkları saklanır. Kayıp P adımdır (P = 300)
 * iyileşmiyorsa eğitim durur; durunca da bütçe bitince de en iyi ağırlıklara
 * dönülür. Doğrulama kümesi böylece bir seçim yapar: hangi epoch'un kalacağını.
 * Bu yüzden raporlanan doğruluk biraz iyimserdir. (Ayrı bir test kümesi olsaydı seçimde
 * onu hiç kullanmazdık; küçük bir klasörde ona ayıracak görüntü yok.)
 * Öğrendi mi? Hep çoğunluk sınıfını söyleyen bir model doğrulamada
 * $p_0$ = çoğunluk sınıfının payı kadar doğruluk alır (şans düzeyi). n doğrulama
 * görüntüsünde rastgele tahminin doğruluğu yaklaşık $\sigma_0 = \sqrt{p_0(1-p_0)/n}$
 * kadar oynar. Doğruluk $p_0 + 2\sigma_0$'ı geçmiyorsa modelin bir şey öğrendiğini
 * söyleyemeyiz: ders bunu açıkça yazar, modeli kaydetmez, tahmin ve yeniden
 * eğitim adımlarını atlar ve sıfır olmayan bir çıkış koduyla biter.
 */
typedef struct {
    int steps, epochs, spe, patience, best_epoch;
    float val_acc, val_loss, chance, threshold;
    int learned;
} TrainResult;

static void step4_train(Net *net, Data *d, const LessonArgs *a, TrainHistory *h, TrainResult *res) {
    step_banner(4, NSTEPS, "Adım bütçesiyle eğit, doğrulamayla dur, şansla karşılaştır");
    int spe = (d->ntr + BATCH - 1) / BATCH, S = a->quick ? QUICK_STEPS : TRAIN_STEPS;
    int E = a->epochs_given ? a->epochs : (S + spe - 1) / spe;
    if (E > TRAIN_MAX_EPOCHS) E = TRAIN_MAX_EPOCHS;
    int P = ((a->quick ? QUICK_PATIENCE : PATIENCE_STEPS) + spe - 1) / spe;
    printf("%d eğitim görüntüsü, yığın %d: epoch başına %d adım.\nBütçe %d adım -> %d epoch%s;\n"
           "doğrulama kaybı %d epoch (%d adım) iyileşmezse durulur.\n", d->ntr, BATCH, spe,
           a->epochs_given ? E * spe : S, E, a->epochs_given ? " (--epochs ile)" : "", P, P * spe);
    TrainConfig cfg = train_config_default();
    cfg.epochs = 1;   /* döngü burada: her epoch'tan sonra durma kararını biz veririz */
    cfg.batch = BATCH;
    cfg.loss = LOSS_BCE_LOGIT;
    cfg.norm = d->norm;
    cfg.quiet = 1;
    AugmentConfig ac = train_augment();
    cfg.augment = augment_batch;
    cfg.augment_ctx = &ac;
    Adam opt;
    adam_init(&opt, net->nparams, LR);
    float *best = xmalloc(net->nparams * sizeof(float));
    memset(h, 0, sizeof *h);
    float best_loss = INFINITY;
    int since = 0, every = E / 10 > 1 ? E / 10 : 1;
    double t0 = now_sec();
    for (int e = 0; e < E; e++) {
        opt.lr = 0.5f * LR * (1.0f + cosf(3.14159265f * (float)e / (float)E));
        cfg.seed = (uint64_t)a->seed * 1000003u + (uint64_t)e;   /* her epoch başka karıştırma */
        TrainHistory h1;
        train_classifier(net, &opt, &d->f.set, d->tr, d->ntr, &d->f.set, d->va, d->nva, &cfg, &h1);
        h->loss[e] = h1.loss[0];
        h->acc[e] = h1.acc[0];
        h->val_loss[e] = h1.val_loss[0];
        h->val_acc[e] = h1.val_acc[0];
        h->epochs_run = e + 1;
        int improved = h->val_loss[e] < best_loss;
        if (improved) {
            best_loss = h->val_loss[e];
            h->best_epoch = e + 1;
            memcpy(best, net->params, net->nparams * sizeof(float));
            since = 0;
        } else since++;
        int stop = since >= P;
        if ((e + 1) % every == 0 || e == 0 || e + 1 == E || stop)
            printf("  epoch %3d, adım %5d: kayıp %.4f, doğrulama kaybı %.4f, doğruluk %5s%s\n",
                   e + 1, (e + 1) * spe, h->loss[e], h->val_loss[e], pct(h->val_acc[e], 1),
                   improved ? " *" : "");
        fflush(stdout);
        if (stop) {
            printf("Durduruldu: doğrulama kaybı %d epoch'tur iyileşmedi.\n", P);
            break;
        }
    }
    memcpy(net->params, best, net->nparams * sizeof(float));
    free(best);
    adam_free(&opt);
    int n = h->epochs_run, be = h->best_epoch;
    res->spe = spe;
    res->epochs = n;
    res->steps = n * spe;
    res->best_epoch = be;
    res->patience = P;
    res->val_loss = h->val_loss[be - 1];
    res->val_acc = h->val_acc[be - 1];
    printf("%d epoch (%d adım) %.0f saniyede. En iyi doğrulama kaybı %d. epoch'ta\n"
           "(* işaretli satırlar yeni en iyi): kayıp %.4f, doğruluk %s.\n"
           "Bu epoch'un ağırlıkları kullanılır.\n", n, res->steps, now_sec() - t0, be,
           res->val_loss, pct(res->val_acc, 2));
    float ep[TRAIN_MAX_EPOCHS];
    for (int e = 0; e < n; e++) ep[e] = (float)(e + 1);
    /* Şekil kayip_egrisi: Eğitim kaybı artırılmış görüntülerle ölçüldüğü için doğrulamanınkinden
     * yüksek olabilir; iki eğrinin epoch'lar boyunca birlikte inip inmediğine bakın. */
    plot_lines(LESSON, "kayip_egrisi", "İkili çapraz entropi kaybı", "epoch", "kayıp", n, ep, 2,
               (const float *const[]){h->loss, h->val_loss},
               (const char *const[]){"eğitim (artırılmış)", "doğrulama"}, 0, a->ascii);
    /* Şekil dogruluk_egrisi: Doğrulama doğruluğunun epoch'lar boyunca nasıl yükseldiğine ve
     * artırılmış görüntülerle ölçülen eğitim doğruluğuyla arasındaki farka bakın. */
    plot_lines(LESSON, "dogruluk_egrisi", "Doğruluk", "epoch", "doğruluk", n, ep, 2,
               (const float *const[]){h->acc, h->val_acc},
               (const char *const[]){"eğitim (artırılmış)", "doğrulama"}, 0, a->ascii);
    printf("Grafikler: plots/%s/kayip_egrisi.png, plots/%s/dogruluk_egrisi.png\n", LESSON, LESSON);
    /* Şans düzeyi: doğrulamadaki çoğunluk sınıfının payı ve onun rastgele oynaması */
    int n1 = 0;
    for (int i = 0; i < d->nva; i++) n1 += d->f.set.labels[d->va[i]] == 1;
    float p0 = (float)(n1 > d->nva - n1 ? n1 : d->nva - n1) / (float)d->nva;
    res->chance = p0;
    res->threshold = p0 + 2.0f * sqrtf(p0 * (1.0f - p0) / (float)d->nva);
    res->learned = res->val_acc > res->threshold;
    printf("Şans düzeyi p0 = %s (doğrulamadaki çoğunluk sınıfı), n = %d,\n"
           "eşik p0 + 2σ0 = %s; doğrulama doğruluğu %s:\n%s.\n", pct(p0, 1), d->nva,
           pct(res->threshold, 1), pct(res->val_acc, 2),
           res->learned ? "şansın üstünde, model öğrendi" : "ŞANS DÜZEYİNDE");
    if (!res->learned) return;
    BinaryModelInfo mi = {.seed = (uint64_t)a->seed, .val_frac = VAL_FRAC, .squash = 0,
                          .norm = d->norm, .channels = d->f.set.channels};
    snprintf(mi.names[0], sizeof mi.names[0], "%s", d->f.class_names[0]);
    snprintf(mi.names[1], sizeof mi.names[1], "%s", d->f.class_names[1]);
    snprintf(mi.images, sizeof mi.images, "%s", d->dir);
    char err[1024];
    if (strlen(d->f.class_names[0]) >= sizeof mi.names[0] ||
        strlen(d->f.class_names[1]) >= sizeof mi.names[1] ||
        binary_meta_format(&mi, net->meta, sizeof net->meta) < 0)
        die("sınıf adları model dosyasına sığmayacak kadar uzun");
    if (mkdir_p(MODEL_DIR) != 0) die("'%s' klasörü oluşturulamadı", MODEL_DIR);
    const char *path = model_path(a);
    if (net_save(net, path, err, sizeof err) != 0) die("%s", err);
    printf("Model kaydedildi: %s\n(sınıflar %s, %s; normalizasyon ve dolgu meta alanında)\n",
           path, mi.names[0], mi.names[1]);
}

/* Model şans düzeyinde kaldı: sonucu sonuç gibi sunma, ne yapılacağını söyle. */
static int report_not_learned(const Data *d, const TrainResult *r) {
    printf("\n!!! UYARI: Model bu klasörden bir şey ÖĞRENEMEDİ.\n"
           "Doğrulama doğruluğu %s; her görüntüye hep aynı sınıfı söylemek %s verirdi\n"
           "(eşik %s). Bu model kaydedilmedi; tahmin ve yeniden eğitim adımları atlandı.\n"
           "Kontrol edin:\n"
           "  - Her sınıfta yeterince görüntü var mı? (şimdi %d ve %d; yüzlercesi iyi)\n"
           "  - İki sınıf gözle ayırt edilebiliyor mu? Klasörler karışmış ya da aynı\n"
           "    görüntüler iki sınıfta birden olabilir: plots/%s/ornekler.png\n"
           "  - Eğitim yetti mi? Kayıp hâlâ düşüyorsa daha uzun eğitin (--epochs %d).\n",
           pct(r->val_acc, 1), pct(r->chance, 1), pct(r->threshold, 1), d->f.class_counts[0],
           d->f.class_counts[1], LESSON, r->epochs * 3);
    printf("SONUÇ: ogrendi=0 val_acc=%.4f chance=%.4f threshold=%.4f val_loss=%.4f skipped=%d "
           "images=%d classes=%d epochs=%d steps=%d\n", r->val_acc, r->chance, r->threshold,
           r->val_loss, d->f.skipped, d->f.set.n, d->f.nclasses, r->epochs, r->steps);
    return 3;
}

/*
 * Adım 5: Kaydedilen modelle tek bir dosyayı tahmin et
 *
 * ./lesson05 --predict DOSYA'nın yaptığı budur (common/lesson/predict.c): modeli
 * dosyadan kur, görüntüyü eğitimdeki gibi hazırla (kanal, oran korunarak
 * boyutlandırma, meta'daki μ_c ve σ_c ile normalizasyon),
 * ileri geçiş (forward pass), p = sigmoid(z). p >= 0,5 ise sınıf 1, değilse sınıf 0; güven seçilen
 * sınıfın olasılığıdır. Burada doğrulama kümesinden modelin yanıldığı
 * görüntülerden karara en yakın olanı (p'si 0,5'e en yakın; yanlış yoksa en az
 * emin olunan doğruyu) seçiyoruz: Adım 6 onu düzeltecek. Çok emin yanılınan bir
 * görüntü çoğu zaman etiketi şüpheli ya da sınıfına hiç benzemeyen bir örnektir;
 * onu "düzeltmek" için ağı epey bükmek gerekir.
 */
static int step5_predict(Data *d, const LessonArgs *a, int *pick) {
    step_banner(5, NSTEPS, "Kaydedilen modeli yükle ve tek bir dosyayı tahmin et");
    Net net;
    BinaryModelInfo mi;
    load_model_or_die(model_path(a), &net, &mi);
    const ImageSet *s = &d->f.set;
    float *probs = xmalloc((size_t)d->nva * sizeof(float));
    int *pred = xmalloc((size_t)d->nva * sizeof(int));
    float loss, acc;
    evaluate(&net, s, d->va, d->nva, mi.norm, LOSS_BCE_LOGIT, &loss, &acc, pred, probs);
    /* Yanlışlar arasından karara en yakın olanı (|p - 0,5| en küçük); yanlış yoksa doğrular
     * arasından en az emin olunanı seç. */
    int wrong = 0, best = 0;
    float best_margin = 2.0f;
    for (int i = 0; i < d->nva; i++) wrong += pred[i] != s->labels[d->va[i]];
    for (int i = 0; i < d->nva; i++) {
        float m = fabsf(probs[i] - 0.5f);
        if ((!wrong || pred[i] != s->labels[d->va[i]]) && m < best_margin) {
            best_margin = m;
            best = i;
        }
    }
    *pick = best;
    const char *file = d->f.paths[d->va[best]];
    printf("Yüklenen modelin doğrulama doğruluğu %s (%d/%d yanlış).\n", pct(acc, 2), wrong, d->nva);
    float *x = xmalloc(net_in_size(&net) * sizeof(float));
    char err[1024];
    if (binary_input_load(&net, &mi, file, x, err, sizeof err) != 0) die("%s", err);
    float conf, p1 = binary_p1(&net, x);
    int k = binary_print(file, p1, &mi, &conf);
    int y = s->labels[d->va[best]];
    printf("Gerçek sınıf: %s — tahmin %s.\n(Aynısı: ./lesson05%s --predict %s)\n", mi.names[y],
           k == y ? "doğru (yanlış tahmin yoktu; en az emin olunan seçildi)" : "YANLIŞ",
           a->quick ? " --quick" : "", file);
    free(x);
    free(probs);
    free(pred);
    net_free(&net);
    return wrong;
}

/*
 * Adım 6: Yanlış tahminle yeniden eğitim — unutma ve tekrar oynatma
 *
 * Keras örneğindeki gibi modeli YALNIZCA düzeltilen görüntüyle birkaç adım
 * eğitirsek o görüntüyü öğrenir; ama her adımın gradyanı (gradient) tek bir örnekten
 * gelir ve bütün ağırlıkları o örneğe doğru çeker. Ağ, eskiden bildiklerini
 * bozar: buna felaket unutma (catastrophic forgetting) denir. Ölçüsü, düzeltme
 * boyunca doğrulama doğruluğudur.
 * Çaresi tekrar oynatma (replay, rehearsal): her adımda yığının içine eski
 * eğitim verisinden rastgele örnekler koymak. Burada yığın = düzeltilen
 * örneğin 4 kopyası + 28 eski (artırılmış) örnek: yeni örnek kaybın 1/8'i olur.
 * Gradyan artık "yeni örneği
 * öğren AMA eskileri de doğru tut" der. İki yöntem aynı başlangıçtan, aynı adım
 * sayısıyla (10 Adam adımı, η = η_0 = 3e-3, eğitimdeki gibi) çalışır; düzeltilen görüntü doğrulama
 * ölçümünden çıkarılır.
 */
typedef struct {
    float val_acc[RETRAIN_STEPS + 1];
    float p_true[RETRAIN_STEPS + 1];   /* düzeltilen görüntünün doğru sınıfının olasılığı */
} RetrainLog;

static float p_true_of(Net *net, const float *x1, int y1) {
    float p = binary_p1(net, x1);
    return y1 ? p : 1.0f - p;
}

/* x1 (D) düzeltilen görüntü, y1 doğru sınıfı. replay=0: yalnızca x1; 1: x1 kopyaları + eski. */
static void retrain(Net *net, const float *x1, int y1, const ImageSet *s, Norm nm, const int *tr,
                    int ntr, const int *va, int nva, int replay, uint64_t seed, RetrainLog *log) {
    size_t D = net_in_size(net);
    int B = replay ? REPLAY_COPIES + REPLAY_OLD : 1;
    float *x = xmalloc((size_t)B * D * sizeof(float));
    int y[REPLAY_COPIES + REPLAY_OLD], old[REPLAY_OLD];
    Adam opt;
    adam_init(&opt, net->nparams, LR);
    Rng r;
    rng_seed(&r, seed);
    AugmentConfig ac = train_augment();
    evaluate(net, s, va, nva, nm, LOSS_BCE_LOGIT, NULL, &log->val_acc[0], NULL, NULL);
    log->p_true[0] = p_true_of(net, x1, y1);
    for (int t = 1; t <= RETRAIN_STEPS; t++) {
        int nc = replay ? REPLAY_COPIES : 1;
        for (int c = 0; c < nc; c++) {
            memcpy(x + (size_t)c * D, x1, D * sizeof(float));
            y[c] = y1;
        }
        if (replay) {
            for (int j = 0; j < REPLAY_OLD; j++) old[j] = tr[rng_int(&r, ntr)];
            batch_fill(x + (size_t)nc * D, y + nc, s, old, REPLAY_OLD, nm);
            augment_batch(x + (size_t)nc * D, REPLAY_OLD, net->in_c, net->in_h, net->in_w, &r, &ac);
        }
        train_step(net, &opt, x, y, B, LOSS_BCE_LOGIT, NULL);
        evaluate(net, s, va, nva, nm, LOSS_BCE_LOGIT, NULL, &log->val_acc[t], NULL, NULL);
        log->p_true[t] = p_true_of(net, x1, y1);
    }
    adam_free(&opt);
    free(x);
}

/* İki yöntemi aynı başlangıçtan çalıştırır; sonunda net'te tekrar oynatmalı sonuç kalır. */
static void compare_retrain(Net *net, const float *x1, int y1, const ImageSet *s, Norm nm,
                            const int *tr, int ntr, const int *va, int nva, uint64_t seed,
                            const char *plot_step, int ascii, RetrainLog *naive, RetrainLog *rep) {
    float *p0 = xmalloc(net->nparams * sizeof(float));
    memcpy(p0, net->params, net->nparams * sizeof(float));
    retrain(net, x1, y1, s, nm, tr, ntr, va, nva, 0, seed, naive);
    memcpy(net->params, p0, net->nparams * sizeof(float));
    retrain(net, x1, y1, s, nm, tr, ntr, va, nva, 1, seed, rep);
    free(p0);
    float st[RETRAIN_STEPS + 1];
    for (int t = 0; t <= RETRAIN_STEPS; t++) st[t] = (float)t;
    /* Şekil yeniden_egitim: Düz çizgiler doğrulama doğruluğu, kesik çizgiler düzeltilen görüntüde
     * doğru sınıfın olasılığıdır: yalnız o tek örnekle eğitmek onu düzeltirken doğrulama
     * doğruluğunu düşürür mü, eski örnekleri tekrar oynatmak bunu önler mi, ona bakın. */
    plot_lines_below(LESSON, plot_step, "Yeniden eğitim: doğrulama doğruluğu ve düzeltilen görüntü",
               "yeniden eğitim adımı (Adam, η = 3e-3)", "doğruluk / olasılık", RETRAIN_STEPS + 1, st, 4,
               (const float *const[]){naive->val_acc, rep->val_acc, naive->p_true, rep->p_true},
               (const char *const[]){"yalnız tek örnek: doğrulama doğruluğu",
                                     "tekrar oynatma: doğrulama doğruluğu",
                                     "yalnız tek örnek: p(doğru sınıf)",
                                     "tekrar oynatma: p(doğru sınıf)"},
               (const char *const[]){PLOT_RED, PLOT_GREEN, PLOT_RED_DASH, PLOT_GREEN_DASH}, 0.0f,
               1.02f, ascii);
    printf("                         doğrulama doğruluğu     p(doğru sınıf),\n"
           "                                                 düzeltilen görüntüde\n");
    printf("  başlangıç                    %7s                 %.3f\n", pct(naive->val_acc[0], 2),
           naive->p_true[0]);
    printf("  yalnız tek örnek (%2d adım)   %7s (%+.2f puan)   %.3f\n", RETRAIN_STEPS,
           pct(naive->val_acc[RETRAIN_STEPS], 2),
           100.0 * (naive->val_acc[RETRAIN_STEPS] - naive->val_acc[0]), naive->p_true[RETRAIN_STEPS]);
    printf("  tekrar oynatma (%2d adım)     %7s (%+.2f puan)   %.3f\n", RETRAIN_STEPS,
           pct(rep->val_acc[RETRAIN_STEPS], 2),
           100.0 * (rep->val_acc[RETRAIN_STEPS] - rep->val_acc[0]), rep->p_true[RETRAIN_STEPS]);
    float worst = 1.0f;
    for (int t = 0; t <= RETRAIN_STEPS; t++) worst = fminf(worst, naive->val_acc[t]);
    printf("Tek örnekle eğitimde doğrulama doğruluğunun en düşük değeri: %s.\n"
           "Grafik: plots/%s/%s.png\n",
           pct(worst, 2), LESSON, plot_step);
}

static void step6_retrain(Net *net, Data *d, const LessonArgs *a, int pick, RetrainLog *naive,
                          RetrainLog *rep) {
    step_banner(6, NSTEPS, "Yanlış tahminle yeniden eğitim: unutma ve tekrar oynatma");
    const ImageSet *s = &d->f.set;
    int id = d->va[pick], y1 = s->labels[id];
    size_t D = net_in_size(net);
    float *x1 = xmalloc(D * sizeof(float));
    batch_fill(x1, NULL, s, &id, 1, d->norm);
    /* Düzeltilen görüntü doğrulama ölçümünden çıkarılır */
    int *va = xmalloc((size_t)d->nva * sizeof(int)), nva = 0;
    for (int i = 0; i < d->nva; i++)
        if (i != pick) va[nva++] = d->va[i];
    printf("Düzeltilen görüntü: %s\n(doğru sınıf '%s'); doğrulama: kalan %d görüntü.\n",
           d->f.paths[id], d->f.class_names[y1], nva);
    compare_retrain(net, x1, y1, s, d->norm, d->tr, d->ntr, va, nva, (uint64_t)a->seed + 6, "yeniden_egitim",
                    a->ascii, naive, rep);
    printf("Bu adımın sonuçları kaydedilmedi; düzeltmeyi modele kaydeden komut:\n"
           "  ./lesson05 --predict DOSYA --label SINIF\n");
    free(va);
    free(x1);
}

/*
 * Adım 7: Transfer öğrenme — lesson04'ün evrişim katmanlarını yeniden kullan
 *
 * lesson04'ün ağı 60 000 el yazısı rakamla eğitildi. İlk evrişim katmanları
 * kenar, çizgi, köşe gibi genel desenleri bulur; bunlar giysiler için de
 * işe yarayabilir. Deney: Fashion-MNIST'in 10 sınıfından yalnızca küçük bir
 * eğitim altkümesi (500 görüntü) var. Üç ağ, aynı veri ve aynı epoch sayısı:
 *   transfer:     evrişim katmanlarının ağırlıkları lesson04'ten kopyalanır ve
 *                 dondurulur (Layer.frozen: gradyanları hesaplanmaz, Adam onları
 *                 değiştirmez); yalnızca yeni baş (dense 128 - ReLU - dense 10) eğitilir.
 *   + ince ayar:  epoch'ların ilk yarısı transferle aynı; sonra bütün katmanlar
 *                 çözülür ve 10 kat küçük öğrenme oranıyla (η = 1e-4) birlikte eğitilir.
 *                 Küçük η, rakamlardan öğrenilmiş filtreleri silmeden giysilere uydurur.
 *   sıfırdan:     aynı mimari, rastgele başlatılmış, her katman baştan eğitilir.
 * Doğruluk Fashion-MNIST test kümesinden 2000 görüntüde ölçülür. Neye bakmalı: transfer
 * ilk epoch'larda önde başlar (filtreler hazır, yalnızca baş öğrenir). Epoch'lar
 * arttıkça sıfırdan eğitilen ağ yetişebilir: 500 görüntü ve 20 epoch, küçük bir CNN'in
 * kendi filtrelerini bulmasına yetebilir. Transferin kazancı veri ya da zaman azken
 * büyüktür; sonucun ne olduğunu bu koşunun sayıları söyler.
 */
/* Kaynak ağın flatten'a kadarki katmanlarıyla (aynı tanım) yeni bir ağ + yeni baş. */
static void build_transfer_net(Net *dst, const Net *src, uint64_t seed) {
    char err[256];
    net_init(dst, src->in_c, src->in_h, src->in_w);
    for (int i = 0; i < src->n && src->L[i].kind != LAYER_FLATTEN; i++) {
        const Layer *l = &src->L[i];
        if (net_add(dst, l->kind, l->a, l->b, l->c, l->d, l->p, err, sizeof err) != 0)
            die("transfer ağı kurulamadı: %s", err);
    }
    net_flatten(dst);
    net_dense(dst, 128);
    net_relu(dst);
    net_dropout(dst, 0.5f);
    net_dense(dst, 10);
    net_build(dst, 128, seed);
}

static void step7_transfer(const LessonArgs *a, float *tr_acc, float *ft_acc, float *sc_acc,
                           float *tr_ep1, float *sc_ep1) {
    step_banner(7, NSTEPS, "Transfer öğrenme: lesson04'ün evrişim katmanları + yeni baş");
    Net src;
    const char *from;
    lesson04_cnn_get(&src, a, 128, &from); /* yoksa kısa bir tane eğitir (lesson/judge.h) */
    int nconv = 0, has_flat = 0;
    for (int i = 0; i < src.n && src.L[i].kind != LAYER_FLATTEN; i++) nconv += src.L[i].kind == LAYER_CONV2D;
    for (int i = 0; i < src.n; i++) has_flat |= src.L[i].kind == LAYER_FLATTEN;
    if (src.in_c != 1 || src.in_h != 28 || src.in_w != 28 || !nconv || !has_flat) {
        char dsc[512];
        net_describe(&src, dsc, sizeof dsc);
        die("'%s' transfer için uygun değil: 1x28x28 girişli ve flatten'dan önce evrişim "
            "katmanları olan bir CNN bekleniyordu, bulunan (%d,%d,%d) %s", from, src.in_c,
            src.in_h, src.in_w, dsc);
    }
    int ntrain = a->quick ? 200 : 500, nval = a->quick ? 300 : 2000;
    Mnist fm;
    mnist_load_checked(&fm, FASHION_DIR, ntrain, nval);
    int E = a->quick ? 4 : 20, E1 = E / 2, E2 = E - E1;
    int *all = xmalloc((size_t)fm.train.n * sizeof(int));
    for (int i = 0; i < fm.train.n; i++) all[i] = i;
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 7);
    rng_shuffle(&r, all, fm.train.n);
    Net tnet, fnet, snet;
    build_transfer_net(&tnet, &src, (uint64_t)a->seed + 70);
    build_transfer_net(&fnet, &src, (uint64_t)a->seed + 70);
    build_transfer_net(&snet, &src, (uint64_t)a->seed + 70);   /* aynı baş başlangıcı */
    int frozen = 0;
    for (int i = 0; i < tnet.n; i++)
        if (tnet.L[i].kind == LAYER_CONV2D) {
            const Layer *l = &tnet.L[i];
            memcpy(tnet.params + l->w_off, src.params + src.L[i].w_off, l->nparams * sizeof(float));
            tnet.L[i].frozen = 1;
            frozen += (int)l->nparams;
        }
    printf("Kaynak: %s.\nKopyalanan ve dondurulan evrişim parametresi: %d; eğitilen baş: %zu.\n",
           from, frozen, tnet.nparams - (size_t)frozen);
    net_summary(&tnet, stdout);
    printf("Fashion-MNIST: %d eğitim görüntüsü (10 sınıf, rastgele), %d test görüntüsü,\n"
           "%d epoch (ince ayar: %d donmuş + %d çözülmüş).\n", ntrain, nval, E, E1, E2);
    TrainConfig cfg = train_config_default();
    cfg.batch = BATCH;
    cfg.seed = (uint64_t)a->seed + 7;
    cfg.quiet = 1;
    TrainHistory h1, h2, hf, hs;
    Adam o1, of, os;
    adam_init(&o1, tnet.nparams, 1e-3f);
    /* transfer: E1 epoch, sonra donmuş haliyle E2 epoch daha (Adam durumu sürer) */
    cfg.epochs = E1;
    train_classifier(&tnet, &o1, &fm.train, all, ntrain, &fm.test, NULL, nval, &cfg, &h1);
    memcpy(fnet.params, tnet.params, tnet.nparams * sizeof(float));   /* ince ayarın başlangıcı */
    cfg.epochs = E2;
    cfg.seed += 1;
    train_classifier(&tnet, &o1, &fm.train, all, ntrain, &fm.test, NULL, nval, &cfg, &h2);
    /* + ince ayar: aynı noktadan, hiçbir katman donmuş değil, η = 1e-4 */
    adam_init(&of, fnet.nparams, 1e-4f);
    train_classifier(&fnet, &of, &fm.train, all, ntrain, &fm.test, NULL, nval, &cfg, &hf);
    /* sıfırdan: E epoch */
    cfg.epochs = E;
    cfg.seed = (uint64_t)a->seed + 7;
    adam_init(&os, snet.nparams, 1e-3f);
    train_classifier(&snet, &os, &fm.train, all, ntrain, &fm.test, NULL, nval, &cfg, &hs);
    float tv[TRAIN_MAX_EPOCHS], fv[TRAIN_MAX_EPOCHS];
    for (int e = 0; e < E; e++) {
        tv[e] = e < E1 ? h1.val_acc[e] : h2.val_acc[e - E1];
        fv[e] = e < E1 ? h1.val_acc[e] : hf.val_acc[e - E1];
    }
    /* İki transfer eğrisi ilk E1 epoch'ta aynıdır (ince ayar o noktadan ayrılır) ve sonra da
     * birbirine çok yakın kalır: üst panelde biri düz, öteki kesik ve farklı işaretli çizilir;
     * alt panel aradaki farkı (yüzde puan) kendi ölçeğinde gösterir, çakışma gizlenmesin. */
    Plot p;
    /* Şekil transfer: Üst panelde iki transfer eğrisi ilk epoch'larda tam çakışır (ince ayar aynı
     * noktadan başlar; kesik yeşil çizgi düz mavinin üstündedir), sıfırdan eğitilen ağ ise daha
     * aşağıdan başlar; alt panel ince ayarın donmuş transferden farkını yüzde puan olarak büyütür,
     * ayrıldıkları epoch'a ve farkın boyuna bakın. */
    FILE *d = plot_begin(&p, LESSON, "transfer");
    fprintf(d, "# epoch transfer ince_ayar sıfırdan fark_yüzde_puan(ince_ayar-transfer)\n");
    for (int e = 0; e < E; e++)
        fprintf(d, "%d %.6g %.6g %.6g %.6g\n", e + 1, (double)tv[e], (double)fv[e],
                (double)hs.val_acc[e], 100.0 * ((double)fv[e] - tv[e]));
    char body[2048];
    snprintf(body, sizeof body,
             "set lmargin 10\nset multiplot layout 2,1 title 'Fashion-MNIST, 10 sınıf, "
             "küçük eğitim altkümesi: test doğruluğu'\n"
             "set size 1,0.60\nset origin 0,0.34\nset grid\nset xrange [0.5:%d.5]\nset xtics %d\n"
             "set ylabel 'doğruluk'\nset yrange [0:1.02]\nset key bottom right box opaque\n"
             "set arrow 1 from %d.5, graph 0 to %d.5, graph 1 nohead dt 3 lc rgb '#777777'\n"
             "plot 'transfer.dat' using 1:2 with linespoints lw 3 pt 7 ps 1.0 %s "
             "title 'transfer (donmuş evrişim)', "
             "'' using 1:3 with linespoints lw 2 pt 6 ps 1.6 %s "
             "title 'transfer + ince ayar (η = 1e-4)', "
             "'' using 1:4 with linespoints lw 2 pt 5 ps 0.8 %s title 'sıfırdan'\n"
             "set size 1,0.34\nset origin 0,0\nset xlabel 'epoch'\n"
             "set ylabel 'fark (yüzde puan)'\nset yrange [*:*]\nunset key\n"
             "set title 'ince ayar − donmuş transfer (kesik çizgi: ince ayarın başladığı yer)' "
             "font ',10'\n"
             "plot 'transfer.dat' using 1:5 with linespoints lw 2 pt 6 %s, 0 with lines "
             "lc rgb '#555555' notitle\nunset multiplot\n",
             E, E > 10 ? 2 : 1, E1, E1, PLOT_BLUE, PLOT_GREEN_DASH, PLOT_RED, PLOT_GREEN);
    plot_finish_size(&p, body, 860, 680);
    plot_render(&p, a->ascii);
    *tr_acc = tv[E - 1];
    *ft_acc = fv[E - 1];
    *sc_acc = hs.val_acc[E - 1];
    *tr_ep1 = tv[0];
    *sc_ep1 = hs.val_acc[0];
    printf("Test doğruluğu, epoch:     1      %2d      %2d\n", E1, E);
    printf("  transfer (donmuş)     %6s  %6s  %6s\n", pct(tv[0], 1), pct(tv[E1 - 1], 1),
           pct(*tr_acc, 1));
    printf("  transfer + ince ayar  %6s  %6s  %6s\n", pct(fv[0], 1), pct(fv[E1 - 1], 1),
           pct(*ft_acc, 1));
    printf("  sıfırdan              %6s  %6s  %6s\n", pct(hs.val_acc[0], 1),
           pct(hs.val_acc[E1 - 1], 1), pct(*sc_acc, 1));
    printf("Sıfırdana göre fark: ilk epoch'ta transfer %+.1f puan; son epoch'ta transfer\n"
           "%+.1f, ince ayar %+.1f puan. Grafik: plots/%s/transfer.png\n", 100.0 * (*tr_ep1 - *sc_ep1),
           100.0 * (*tr_acc - *sc_acc), 100.0 * (*ft_acc - *sc_acc), LESSON);
    adam_free(&o1);
    adam_free(&of);
    adam_free(&os);
    net_free(&tnet);
    net_free(&fnet);
    net_free(&snet);
    net_free(&src);
    free(all);
    mnist_free(&fm);
}

/* ---- --predict DOSYA [--label SINIF] ----
 * Tahmin common/lesson/predict.c'dedir; yanlışsa düzeltme, Adım 6'daki tekrar oynatmayla. */

static int run_predict(const LessonArgs *a) {
    const char *path = model_path(a);
    Net net;
    BinaryModelInfo mi;
    char err[1024];
    load_model_or_die(path, &net, &mi);
    int want = -1;
    if (a->label) {   /* etiketi görüntüyü yüklemeden önce doğrula */
        for (int k = 0; k < 2; k++)
            if (strcmp(a->label, mi.names[k]) == 0) want = k;
        if (want < 0)
            die("--label '%s' bu modelin sınıflarından biri değil (model '%s': %s, %s)", a->label,
                path, mi.names[0], mi.names[1]);
    }
    float *x = xmalloc(net_in_size(&net) * sizeof(float));
    if (binary_input_load(&net, &mi, a->predict, x, err, sizeof err) != 0) die("%s", err);
    printf("Model: %s (sınıflar: %s, %s; giriş %dx%dx%d)\n", path, mi.names[0], mi.names[1],
           net.in_c, net.in_h, net.in_w);
    float conf, p1 = binary_p1(&net, x);
    int k = binary_print(a->predict, p1, &mi, &conf);
    if (!a->label || k == want) {
        if (!a->label)
            printf("SONUÇ: tahmin=%d sinif=%s guven=%.4f p1=%.4f\n", k, mi.names[k], conf, p1);
        else
            printf("Tahmin doğru (etiket '%s'); yeniden eğitime gerek yok. Model dosyasına "
                   "dokunulmadı.\nSONUÇ: tahmin=%d guven=%.4f dogru=1 retrained=0\n", a->label, k,
                   conf);
        free(x);
        net_free(&net);
        return 0;
    }
    printf("Tahmin YANLIŞ (tahmin '%s', doğrusu '%s'). Model yeniden eğitilecek.\n", mi.names[k],
           mi.names[want]);
    /* Doğrulama ve tekrar oynatma için eğitim klasörü: --images, yoksa modelin meta'sındaki */
    const char *dir = a->images ? a->images : mi.images[0] ? mi.images : DEFAULT_IMAGES;
    ImageFolder f;
    ImgFolderOpts o = {.channels = net.in_c, .height = net.in_h, .width = net.in_w,
                       .max_per_class = a->quick ? QUICK_PER_CLASS : 0, .squash = mi.squash};
    if (imgfolder_load(dir, &o, &f, err, sizeof err) != 0) die("%s", err);
    if (f.nclasses != 2 || strcmp(f.class_names[0], mi.names[0]) != 0 ||
        strcmp(f.class_names[1], mi.names[1]) != 0)
        die("'%s' klasörünün sınıfları modelinkilerle ('%s': %s, %s) aynı değil", dir, path,
            mi.names[0], mi.names[1]);
    int *tr, *va, ntr, nva;
    imgfolder_split(&f, mi.val_frac, mi.seed, &tr, &ntr, &va, &nva);
    if (ntr < 1 || nva < 1)
        die("'%s' klasöründe çok az görüntü var (%d): tekrar oynatma ve doğrulama için her sınıfta "
            "en az 2 okunabilir görüntü olmalı; model dosyasına dokunulmadı", dir, f.set.n);
    printf("Eski veri: '%s' (%d eğitim, %d doğrulama görüntüsü; %d dosya atlandı).\n", dir, ntr, nva,
           f.skipped);
    RetrainLog naive, rep;
    compare_retrain(&net, x, want, &f.set, mi.norm, tr, ntr, va, nva, (uint64_t)a->seed + 6,
                    "duzeltme", a->ascii, &naive, &rep);
    /* Tekrar oynatmalı sonucu kaydet: net_save önce geçici dosyaya yazar, sonra rename eder */
    if (net_save(&net, path, err, sizeof err) != 0) die("%s", err);
    float c2, p2 = binary_p1(&net, x);
    printf("Tekrar oynatmalı model kaydedildi: %s\nYeniden tahmin: ", path);
    int k2 = binary_print(a->predict, p2, &mi, &c2);
    printf("SONUÇ: tahmin=%d dogru=0 retrained=1 yeni_tahmin=%d val_acc_once=%.4f naive_val_acc=%.4f "
           "replay_val_acc=%.4f p_once=%.4f p_naive=%.4f p_replay=%.4f skipped=%d\n",
           k, k2, naive.val_acc[0], naive.val_acc[RETRAIN_STEPS], rep.val_acc[RETRAIN_STEPS],
           naive.p_true[0], naive.p_true[RETRAIN_STEPS], rep.p_true[RETRAIN_STEPS], f.skipped);
    free(tr);
    free(va);
    imgfolder_free(&f);
    free(x);
    net_free(&net);
    return 0;
}

/* ---- Sınav: sayısal cevaplar kütüphaneyle çalışma anında hesaplanır ---- */
static int run_quiz(const LessonArgs *a) {
    static char e1[256], e2[256], e3[256], e6[256];
    float z1 = 1.5f, p1;
    sigmoid_forward(&p1, &z1, 1);
    snprintf(e1, sizeof e1, "p = sigmoid(1.5) = 1/(1+e^-1.5) = %.4f; bu sınıf 1'in olasılığıdır.", p1);
    float pp = 0.8f, yy = 1.0f;
    double l2 = bce_forward(&pp, &yy, 1);
    snprintf(e2, sizeof e2, "L = -[1·log 0.8 + 0·log 0.2] = -ln 0.8 = %.4f.", l2);
    float z0 = 0.0f, y0 = 1.0f;
    double l3 = bce_logits_forward(&z0, &y0, 1);
    snprintf(e3, sizeof e3, "z = 0 ise p = 0.5 ve L = -ln 0.5 = ln 2 = %.4f (y'den bağımsız).", l3);
    Net n;
    net_init(&n, 3, 64, 64);
    net_conv2d(&n, 32, 3, 1, 0);
    double np6 = (double)n.L[0].nparams;
    snprintf(e6, sizeof e6, "Her filtre 3 kanal x 3 x 3 = 27 ağırlık + 1 bias; 32 filtre: 32·28 = %.0f.",
             np6);
    QuizQuestion qs[] = {
        {.q = "İkili sınıflandırıcının tek çıkışı (logit) z = 1.5. Sınıf 1'in olasılığı kaçtır? "
              "(4 ondalık)", .answer = p1, .tol = 5e-4, .explain = e1},
        {.q = "Gerçek sınıf y = 1 ve model p = 0.8 veriyor. İkili çapraz entropi kaybı kaçtır? "
              "(4 ondalık)", .answer = l2, .tol = 5e-4, .explain = e2},
        {.q = "Eğitilmemiş ikili sınıflandırıcı z ≈ 0 veriyor. Kayıp yaklaşık kaçtır? (4 ondalık)",
         .answer = l3, .tol = 5e-4, .explain = e3},
        {.q = "Model tek bir yanlış görüntüyle 10 adım eğitildi ve doğrulama doğruluğu düştü. Bunun "
              "adı nedir?",
         .choices = {"Aşırı öğrenme (overfitting) değil, yetersiz öğrenme",
                     "Felaket unutma (catastrophic forgetting)", "Gradyan patlaması",
                     "Veri sızıntısı (data leakage)"},
         .correct = 1,
         .explain = "Her adımın gradyanı tek örnekten gelir ve ağırlıkları yalnızca ona göre "
                    "değiştirir; eski örneklerde öğrenilen bozulur."},
        {.q = "Tekrar oynatma (replay) yöntemi unutmayı nasıl azaltır?",
         .choices = {"Öğrenme oranını sıfıra indirir",
                     "Düzeltilen örneği eski eğitim örnekleriyle aynı yığında eğitir",
                     "Modeli her adımda baştan başlatır", "Doğrulama kümesiyle eğitir"},
         .correct = 1,
         .explain = "Eski örnekler de kayba girdiği için gradyan yeni örneği öğretirken eskileri "
                    "bozan yönlerden kaçınır."},
        {.q = "3 kanallı (renkli) girişte 32 filtreli 3x3 evrişim katmanının (bias'lar dahil) kaç "
              "parametresi vardır?", .answer = np6, .tol = 0.5, .explain = e6},
        {.q = "Transfer öğrenmede lesson04'ün evrişim katmanlarını neden donduruyoruz?",
         .choices = {"Donmuş katmanlar daha hızlı ileri geçiş yapar",
                     "Az veriyle eğitirken genel desen bulucuları (kenar, köşe) bozulmasın ve "
                     "yalnızca yeni baş öğrensin diye",
                     "Çünkü evrişim katmanlarının gradyanı hesaplanamaz",
                     "Model dosyası küçülsün diye"},
         .correct = 1,
         .explain = "500 görüntüyle bütün ağı eğitmek ezberlemeye açıktır; dondurulan katmanlar 60 000 "
                    "rakamdan öğrenilmiş özellikleri korur."},
        {.q = "El yazısı RAKAMLAR (MNIST) için hangi artırma zararlı olabilir?",
         .choices = {"±10° döndürme", "%10 kaydırma", "Yatay çevirme", "%10 yakınlaştırma"},
         .correct = 2,
         .explain = "Aynada çevrilen 2, 3, 7 artık o rakam gibi görünmez: etiket değişir. Ayakkabı ya "
                    "da kedi fotoğrafında çevirme etiketi değiştirmez."},
    };
    int rc = quiz_run(LESSON, qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
    net_free(&n);
    return rc;
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = LESSON, .title = "İnce ayar (fine-tuning) ve yeniden eğitim",
                         .default_epochs = 0,   /* adım bütçesinden hesaplanır (Adım 4) */
                         .epochs_help = "epoch sayısı; verilmezse klasörün boyuna göre adım "
                                        "bütçesinden hesaplanır",
                         .extras = CLI_PREDICT | CLI_LABEL | CLI_IMAGES | CLI_MODEL,
                         .extra_help = "\nVarsayılan klasör " DEFAULT_IMAGES " (make ile hazırlanır); "
                                       "kendi klasörünüz: --images DİZİN\n(her sınıf bir alt klasör, ör. "
                                       "DİZİN/kedi ve DİZİN/kopek; renkli, her boyda görüntü).\n"
                                       "Çıkış kodu 3: model şans düzeyinde kaldı (uyarı verilir, "
                                       "model kaydedilmez).\n"});
    if (a.quiz) return run_quiz(&a);
    if (a.predict) return run_predict(&a);

    Data d;
    Net net;
    TrainHistory h;
    TrainResult tres;
    RetrainLog naive, rep;
    float tr_acc, ft_acc, sc_acc, tr_ep1, sc_ep1;
    step1_load(&d, &a);
    step2_prepare(&d, &a);
    float l0 = step3_model(&net, &d, &a);
    step4_train(&net, &d, &a, &h, &tres);
    if (!tres.learned) {
        int rc = report_not_learned(&d, &tres);
        net_free(&net);
        imgfolder_free(&d.f);
        free(d.tr);
        free(d.va);
        return rc;
    }
    int pick, wrong = step5_predict(&d, &a, &pick);
    step6_retrain(&net, &d, &a, pick, &naive, &rep);
    step7_transfer(&a, &tr_acc, &ft_acc, &sc_acc, &tr_ep1, &sc_ep1);

    step_banner(8, NSTEPS, "Özet");
    float worst = 1.0f;
    for (int t = 0; t <= RETRAIN_STEPS; t++) worst = fminf(worst, naive.val_acc[t]);
    printf("Klasör '%s': %d görüntü, %d atlanan dosya.\n%d adım (%d epoch) eğitim, en iyi "
           "doğrulama doğruluğu %s (şans %s).\n", d.dir, d.f.set.n, d.f.skipped, tres.steps,
           tres.epochs, pct(tres.val_acc, 2), pct(tres.chance, 1));
    printf("Yeniden eğitim: tek örnekle doğrulama %s -> %s (en düşük %s),\n"
           "tekrar oynatmayla -> %s.\n", pct(naive.val_acc[0], 2), pct(naive.val_acc[RETRAIN_STEPS], 2),
           pct(worst, 2), pct(rep.val_acc[RETRAIN_STEPS], 2));
    printf("Transfer öğrenme %s, transfer + ince ayar %s, sıfırdan %s\n(Fashion-MNIST, "
           "10 sınıf, küçük altküme;\nilk epoch: transfer %s / sıfırdan %s).\n", pct(tr_acc, 1),
           pct(ft_acc, 1), pct(sc_acc, 1), pct(tr_ep1, 1), pct(sc_ep1, 1));
    printf("SONUÇ: ogrendi=1 val_acc=%.4f val_loss=%.4f chance=%.4f skipped=%d images=%d "
           "classes=%d epochs=%d steps=%d initial_loss=%.4f val_wrong=%d retrain_before=%.4f naive_val_acc=%.4f naive_min=%.4f "
           "replay_val_acc=%.4f replay_kayip=%.4f naive_p=%.4f replay_p=%.4f transfer_acc=%.4f "
           "finetune_acc=%.4f scratch_acc=%.4f transfer_ep1=%.4f scratch_ep1=%.4f\n",
           tres.val_acc, tres.val_loss, tres.chance, d.f.skipped, d.f.set.n, d.f.nclasses,
           tres.epochs, tres.steps, l0, wrong,
           naive.val_acc[0], naive.val_acc[RETRAIN_STEPS], worst, rep.val_acc[RETRAIN_STEPS],
           naive.val_acc[0] - rep.val_acc[RETRAIN_STEPS], naive.p_true[RETRAIN_STEPS], rep.p_true[RETRAIN_STEPS], tr_acc, ft_acc, sc_acc, tr_ep1,
           sc_ep1);
    net_free(&net);
    imgfolder_free(&d.f);
    free(d.tr);
    free(d.va);
    return 0;
}
