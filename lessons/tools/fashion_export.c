/*
 * fashion_export.c — lesson05'in varsayılan veri kümesini hazırlar.
 *
 * Fashion-MNIST'ten (Zalando, 28x28 gri giysi görüntüleri; Debian paketi
 * dataset-fashion-mnist) iki sınıfı, bir kullanıcının kendi fotoğraf klasörü
 * gibi, sınıf başına bir alt klasöre PNG dosyaları olarak yazar:
 *   ÇIKIŞ/spor_ayakkabi/00000.png ...   (etiket 7, "sneaker")
 *   ÇIKIŞ/bot/00000.png ...             (etiket 9, "ankle boot")
 * Eğitim kümesinin her sınıftan ilk N görüntüsü (varsayılan 1500) kullanılır.
 * ÖRNEK klasörüne test kümesinden (eğitimde hiç görülmeyen) birkaç görüntü,
 * adında sınıfıyla yazılır (ör. bot_0003.png): `./lesson05 --predict` için.
 *
 * Kullanım: fashion_export FASHION_DİZİNİ ÇIKIŞ ÖRNEK [N]
 */
#include <stdlib.h>
#include "doaa.h"

static const struct {
    int label;
    const char *name;
} CLASSES[2] = {{7, "spor_ayakkabi"}, {9, "bot"}};

#define SAMPLES_PER_CLASS 10

static void load_pair(const char *dir, const char *split, ImageSet *s) {
    char ip[1024], lp[1024], err[1024];
    snprintf(ip, sizeof ip, "%s/%s-images-idx3-ubyte.gz", dir, split);
    snprintf(lp, sizeof lp, "%s/%s-labels-idx1-ubyte.gz", dir, split);
    if (imageset_load(ip, lp, s, err, sizeof err) != 0)
        die("%s\nFashion-MNIST için: sudo apt-get install dataset-fashion-mnist", err);
}

/* set'ten etiketi 'label' olan ilk 'count' görüntüyü dir/önek%0Nd.png olarak yazar. */
static int export_class(const ImageSet *s, int label, int count, const char *dir,
                        const char *prefix, int digits) {
    char path[1200], err[1400];
    if (mkdir_p(dir) != 0) die("'%s' klasörü oluşturulamadı", dir);
    int D = s->rows * s->cols, k = 0;
    for (int i = 0; i < s->n && k < count; i++) {
        if (s->labels[i] != label) continue;
        snprintf(path, sizeof path, "%s/%s%0*d.png", dir, prefix, digits, k);
        if (image_write_png(path, s->images + (size_t)i * D, s->cols, s->rows, 1, err, sizeof err) != 0)
            die("%s", err);
        k++;
    }
    return k;
}

int main(int argc, char **argv) {
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "Kullanım: %s FASHION_DİZİNİ ÇIKIŞ ÖRNEK [N]\n", argv[0]);
        return 2;
    }
    int n = argc == 5 ? (int)cli_parse_long("N", argv[4], 1, 6000) : 1500;
    double t0 = now_sec();
    ImageSet tr, te;
    load_pair(argv[1], "train", &tr);
    load_pair(argv[1], "t10k", &te);
    int total = 0;
    for (int c = 0; c < 2; c++) {
        char dir[1100], prefix[64];
        snprintf(dir, sizeof dir, "%s/%s", argv[2], CLASSES[c].name);
        total += export_class(&tr, CLASSES[c].label, n, dir, "", 5);
        snprintf(prefix, sizeof prefix, "%s_", CLASSES[c].name);
        export_class(&te, CLASSES[c].label, SAMPLES_PER_CLASS, argv[3], prefix, 4);
    }
    printf("Fashion-MNIST: %d görüntü '%s' altına (spor_ayakkabi/, bot/), %d örnek '%s' altına "
           "yazıldı (%.1f s)\n", total, argv[2], 2 * SAMPLES_PER_CLASS, argv[3], now_sec() - t0);
    imageset_free(&tr);
    imageset_free(&te);
    return 0;
}
