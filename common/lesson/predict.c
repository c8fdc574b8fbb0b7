/* predict.c — fotoğraftan rakam tahmini (bkz. predict.h). */
#include "lesson/predict.h"
#include <stdio.h>
#include "nn/activation.h"
#include "data/handwriting.h"
#include "data/image.h"
#include "lesson/show.h"
#include "core/util.h"

int predict_digit_photo(const char *model_path, const Net *expect, const char *photo,
                        const char *plot_dir, const char *train_cmd) {
    char err[1024];
    if (!file_exists(model_path)) {
        fprintf(stderr, "hata: model dosyası '%s' yok. Önce modeli eğitin: %s\n", model_path,
                train_cmd);
        return 1;
    }
    Net net;
    if (net_load(&net, model_path, 1, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\nModeli yeniden üretmek için: %s\n", err, train_cmd);
        return 1;
    }
    if (!net_same_arch(expect, &net, err, sizeof err)) {
        fprintf(stderr, "hata: '%s' bu dersin modeli değil (%s). Bu dersin modelini üretmek "
                "için: %s\n", model_path, err, train_cmd);
        net_free(&net);
        return 1;
    }
    uint8_t img[784];
    HandwritingInfo info;
    if (handwriting_prepare(photo, img, &info, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\n", err);
        net_free(&net);
        return 1;
    }
    printf("Fotoğraf: %s (%dx%d)%s\n", photo, info.src_w, info.src_h,
           info.work_w != info.src_w ? " — işlemek için küçültüldü" : "");
    printf("Hazırlık: kâğıt parlaklığı (ortanca) %.0f -> %s; Otsu eşiği %d (mürekkep-kâğıt farkı "
           "%.0f); %d parçadan %d tanesi rakam sayıldı;\n", (double)info.median,
           info.inverted ? "koyu mürekkep açık kâğıtta, renkler ters çevrildi"
                         : "açık mürekkep koyu zeminde, ters çevrilmedi",
           info.threshold, (double)info.contrast, info.ncomponents, info.nkept);
    printf("  rakamın kutusu (%d,%d)-(%d,%d), çizgi kalınlığı ≈ %.1f piksel%s; 20x20'ye %dx%d "
           "olarak sığdı, kütle merkezi (%.1f, %.1f).\n", info.bx0, info.by0, info.bx1, info.by1,
           (double)info.stroke, info.dilate ? " (inceydi, kalınlaştırıldı)" : "", info.fit_w,
           info.fit_h, (double)info.com_x, (double)info.com_y);
    const uint8_t *ptr[1] = {img};
    const char *cap[1] = {"ağın gördüğü 28x28"};
    show_digits(stdout, ptr, cap, 1, 28, 28);
    char png[512];
    snprintf(png, sizeof png, "%s/tahmin_girdisi.png", plot_dir);
    if (mkdir_p(plot_dir) != 0 || image_write_png(png, img, 28, 28, 1, err, sizeof err) != 0)
        warnf("ağın gördüğü görüntü yazılamadı: %s", err);
    else
        printf("Ağın gördüğü 28x28 görüntü: %s\n", png);
    float x[784], p[10];
    for (int i = 0; i < 784; i++) x[i] = img[i] / 255.0f;
    const float *z = net_forward(&net, x, 1, 0);
    softmax_forward(p, z, 1, 10);
    int order[10];
    for (int i = 0; i < 10; i++) order[i] = i;
    for (int i = 0; i < 10; i++) /* olasılığa göre sırala */
        for (int j = i + 1; j < 10; j++)
            if (p[order[j]] > p[order[i]]) {
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
    int k = order[0];
    printf("Tahmin: %d (olasılık %.4f)\n", k, p[k]);
    printf("Diğerleri:");
    for (int i = 1; i < 10; i++) printf(" %d: %.4f%s", order[i], p[order[i]], i < 9 ? "," : "\n");
    if (p[k] < 0.6f)
        printf("Model emin değil: rakamı daha kalın bir kalemle, tek başına ve kâğıdı düz "
               "tutarak yeniden çekmeyi deneyin.\n");
    net_free(&net);
    printf("SONUÇ: digit=%d prob=%.4f\n", k, p[k]);
    return 0;
}
