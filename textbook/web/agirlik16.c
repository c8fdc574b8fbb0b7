/*
 * agirlik16.c — sayfanın indirdiği modeller: ağırlıklar float16 hassasiyetine yuvarlanır.
 *
 *   build/web/agirlik16 GİRİŞ.model ÇIKIŞ.model     (lesson02, lesson04: net_load/net_save)
 *   build/web/agirlik16 GİRİŞ.ckpt ÇIKIŞ.ckpt       (lesson16'nın GPT'si: gpt_load/gpt_save)
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
#include <string.h>
#include "model/gpt.h"
#include "model/net.h"
#include "data/charcorpus.h"
#include "core/util.h"

/* w[0..n) yerinde float16 hassasiyetine; dönüş en büyük göreli değişim (-1: sığmayan değer) */
static double round16(float *w, size_t n, const char *path) {
    double maxrel = 0;
    for (size_t i = 0; i < n; i++) {
        float r = (float)(_Float16)w[i];
        if (!isfinite(r)) {
            fprintf(stderr, "hata: '%s': parametre %zu (%g) float16'ya sığmıyor\n", path, i, w[i]);
            return -1;
        }
        if (fabsf(w[i]) > 1e-4f && fabs((double)(r - w[i]) / w[i]) > maxrel)
            maxrel = fabs((double)(r - w[i]) / w[i]);
        w[i] = r;
    }
    return maxrel;
}

static int ends_with(const char *s, const char *t) {
    size_t a = strlen(s), b = strlen(t);
    return a >= b && !strcmp(s + a - b, t);
}

static int do_gpt(const char *in, const char *out) {
    Gpt m;
    char err[1024], dname[16];
    static uint32_t vocab[CHARVOCAB_MAX];
    if (gpt_load(&m, in, 1, dname, vocab, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\n", err);
        return 1;
    }
    double maxrel = round16(m.P.params, m.P.n, in);
    int rc = maxrel < 0;
    if (!rc && gpt_save(&m, out, dname, vocab, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\n", err);
        rc = 1;
    }
    if (!rc)
        printf("%s -> %s: %zu parametre float16'ya yuvarlandı (en büyük göreli değişim %.2e)\n", in,
               out, m.P.n, maxrel);
    gpt_free(&m);
    return rc;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "kullanım: %s GİRİŞ.model ÇIKIŞ.model\n", argv[0]);
        return 2;
    }
    if (ends_with(argv[1], ".ckpt")) return do_gpt(argv[1], argv[2]);
    Net net;
    char err[1024];
    if (net_load(&net, argv[1], 1, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\n", err);
        return 1;
    }
    double maxrel = round16(net.params, net.nparams, argv[1]);
    if (maxrel < 0) {
        net_free(&net);
        return 1;
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
