/*
 * agirlik16.c — sayfanın indirdiği modeller: ağırlıklar float16 hassasiyetine yuvarlanır.
 *
 *   build/web/agirlik16 GİRİŞ.model ÇIKIŞ.model
 *
 * Sayfa iki modeli (lesson02'nin MLP'si ~235 bin, lesson04'ün CNN'i ~225 bin parametre)
 * indirir; float32 olarak ikisi 1,8 MB eder. Her ağırlık en yakın float16 değerine
 * yuvarlanır (_Float16: 11 bitlik anlamlı kısım, göreli hata ≤ 2^-11 ≈ 0,05%) ve yine
 * float32 olarak, aynı model biçimiyle (net_save) yazılır: dosya her programın
 * okuyabildiği sıradan bir model dosyasıdır. Anlamlı kısmın son 13 biti sıfır olduğundan
 * gzip dosyayı yarıdan aza indirir (make web-models .gz'yi de yazar). Yuvarlamanın
 * doğruluğa etkisini make web-models yazdırır (10 000 test görüntüsünde).
 */
#include <math.h>
#include <stdio.h>
#include "model/net.h"
#include "core/util.h"

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "kullanım: %s GİRİŞ.model ÇIKIŞ.model\n", argv[0]);
        return 2;
    }
    Net net;
    char err[1024];
    if (net_load(&net, argv[1], 1, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\n", err);
        return 1;
    }
    double maxrel = 0;
    for (size_t i = 0; i < net.nparams; i++) {
        float w = net.params[i], r = (float)(_Float16)w;
        if (!isfinite(r)) {
            fprintf(stderr, "hata: '%s': parametre %zu (%g) float16'ya sığmıyor\n", argv[1], i, w);
            net_free(&net);
            return 1;
        }
        if (fabsf(w) > 1e-4f && fabs((double)(r - w) / w) > maxrel) maxrel = fabs((double)(r - w) / w);
        net.params[i] = r;
    }
    if (net_save(&net, argv[2], err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\n", err);
        net_free(&net);
        return 1;
    }
    printf("%s -> %s: %zu parametre float16'ya yuvarlandı (en büyük göreli değişim %.2e)\n",
           argv[1], argv[2], net.nparams, maxrel);
    net_free(&net);
    return 0;
}
