/* predict.c — fotoğraftan rakam tahmini (bkz. predict.h). */
#include "lesson/predict.h"
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "nn/activation.h"
#include "data/handwriting.h"
#include "data/image.h"
#include "data/imgfolder.h"
#include "lesson/show.h"
#include "core/util.h"

int predict_digit_photo(const char *model_path, const Net *expect, const char *photo,
                        const char *plot_dir, const char *train_cmd) {
    char err[1024];
    if (predict_check_model_path(model_path, train_cmd, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\n", err);
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

int predict_check_model_path(const char *path, const char *train_cmd, char *err, size_t errlen) {
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT)
            snprintf(err, errlen, "model dosyası '%s' yok. Önce modeli eğitin: %s", path, train_cmd);
        else
            snprintf(err, errlen, "model dosyası '%s' açılamadı: %s", path, tr_strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "'%s' bir klasör, model dosyası değil: --model bir dosyanın yolunu "
                 "almalı (ör. %s/model.model); modeli üretmek için: %s", path, path, train_cmd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "'%s' sıradan bir dosya değil; --model bir model dosyası almalı", path);
        return -1;
    }
    return 0;
}

/* "0.1,0.2,0.3" -> v[0..n); tam n sayı ve her biri sonlu olmalı. */
static int parse_floats(const char *s, float *v, int n, char end) {
    for (int i = 0; i < n; i++) {
        char *e;
        v[i] = strtof(s, &e);
        if (e == s || !isfinite(v[i])) return -1;
        if (*e != (i + 1 < n ? ',' : end)) return -1;
        s = e + 1;
    }
    return 0;
}

int binary_meta_parse(const char *meta, BinaryModelInfo *mi, char *err, size_t errlen) {
    memset(mi, 0, sizeof *mi);
    mi->seed = 42;
    mi->val_frac = BINARY_VAL_FRAC;
    mi->squash = 1;                           /* eski dosyalar: gerilerek boyutlandırıldı */
    mi->norm = (Norm){.kind = NORM_MINMAX};
    int have = 0;
    const char *p = meta;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char line[600];
        if (n >= sizeof line) n = sizeof line - 1;
        memcpy(line, p, n);
        line[n] = '\0';
        if (strncmp(line, "classes=", 8) == 0) {
            char *v = line + 8, *comma = strchr(v, ',');
            if (!comma || strchr(comma + 1, ',') || comma == v || !comma[1]) {
                snprintf(err, errlen, "sınıf listesi '%.200s' iki sınıf içermiyor", v);
                return -1;
            }
            *comma = '\0';
            if (strlen(v) >= sizeof mi->names[0] || strlen(comma + 1) >= sizeof mi->names[1]) {
                snprintf(err, errlen, "sınıf adları çok uzun");
                return -1;
            }
            memcpy(mi->names[0], v, strlen(v) + 1);
            memcpy(mi->names[1], comma + 1, strlen(comma + 1) + 1);
            have = 1;
        } else if (strncmp(line, "images=", 7) == 0) {
            snprintf(mi->images, sizeof mi->images, "%.*s", (int)sizeof mi->images - 1, line + 7);
        } else if (strncmp(line, "seed=", 5) == 0) {
            mi->seed = strtoull(line + 5, NULL, 10);
        } else if (strncmp(line, "val=", 4) == 0) {
            mi->val_frac = strtof(line + 4, NULL);
            if (!(mi->val_frac > 0.0f && mi->val_frac < 1.0f)) mi->val_frac = BINARY_VAL_FRAC;
        } else if (strncmp(line, "fit=", 4) == 0) {
            if (strcmp(line + 4, "pad") == 0) mi->squash = 0;
            else if (strcmp(line + 4, "squash") == 0) mi->squash = 1;
            else {
                snprintf(err, errlen, "boyutlandırma 'fit=%.100s' bilinmiyor (pad ya da squash)",
                         line + 4);
                return -1;
            }
        } else if (strncmp(line, "norm=", 5) == 0) {
            if (strcmp(line + 5, "minmax") == 0) {
                mi->norm.kind = NORM_MINMAX;
            } else if (strncmp(line + 5, "channel:", 8) == 0) {
                const char *v = line + 13, *slash = strchr(v, '/');
                int nc = 1;
                for (const char *q = v; slash && q < slash; q++) nc += *q == ',';
                mi->norm.kind = NORM_CHANNEL;
                mi->channels = nc;
                if (!slash || nc > 3 || parse_floats(v, mi->norm.ch_mean, nc, '/') != 0 ||
                    parse_floats(slash + 1, mi->norm.ch_std, nc, '\0') != 0) {
                    snprintf(err, errlen, "normalizasyon satırı 'norm=%.200s' bozuk", line + 5);
                    return -1;
                }
                for (int c = 0; c < nc; c++)
                    if (!(mi->norm.ch_std[c] > 0.0f) || fabsf(mi->norm.ch_mean[c]) > 1.0f) {
                        snprintf(err, errlen, "normalizasyon satırında geçersiz değer (ortalama "
                                 "%g, sapma %g)", (double)mi->norm.ch_mean[c],
                                 (double)mi->norm.ch_std[c]);
                        return -1;
                    }
            } else {
                snprintf(err, errlen, "normalizasyon 'norm=%.100s' bilinmiyor", line + 5);
                return -1;
            }
        }
        p += n + (eol ? 1 : 0);
        if (!eol) break;
    }
    if (!have) {
        snprintf(err, errlen, "sınıf adları (classes=...) yok");
        return -1;
    }
    return 0;
}

int binary_meta_format(const BinaryModelInfo *mi, char *buf, size_t len) {
    char norm[256] = "minmax";
    if (mi->norm.kind == NORM_CHANNEL) {
        int C = mi->channels, k;
        if (C < 1 || C > 3) return -1;
        k = snprintf(norm, sizeof norm, "channel:");
        for (int c = 0; c < C; c++)
            k += snprintf(norm + k, sizeof norm - k, "%.6f%c", (double)mi->norm.ch_mean[c],
                          c + 1 < C ? ',' : '/');
        for (int c = 0; c < C; c++)
            k += snprintf(norm + k, sizeof norm - k, "%.6f%s", (double)mi->norm.ch_std[c],
                          c + 1 < C ? "," : "");
    }
    for (int with_images = 1; with_images >= 0; with_images--) {
        int k = snprintf(buf, len, "classes=%s,%s\n%s%s%sseed=%llu\nval=%.2f\nfit=%s\nnorm=%s",
                         mi->names[0], mi->names[1], with_images ? "images=" : "",
                         with_images ? mi->images : "", with_images ? "\n" : "",
                         (unsigned long long)mi->seed, (double)mi->val_frac,
                         mi->squash ? "squash" : "pad", norm);
        if (k >= 0 && (size_t)k < len) return k;
    }
    return -1;
}

int binary_model_load(const char *path, int max_batch, Net *net, BinaryModelInfo *mi,
                      const char *train_cmd, char *err, size_t errlen) {
    char e[1024];
    if (predict_check_model_path(path, train_cmd, err, errlen) != 0) return -1;
    if (net_load(net, path, max_batch, e, sizeof e) != 0) {
        snprintf(err, errlen, "%s\nModeli üretmek ya da yeniden üretmek için %s'i çalıştırın "
                 "(--quick ile kısa deneme modeli), ya da başka bir --model verin.", e, train_cmd);
        return -1;
    }
    if (net_out_size(net) != 1) {
        char d[512];
        net_describe(net, d, sizeof d);
        snprintf(err, errlen, "model dosyası '%s' bu derse ait değil: ağın %zu çıkışı var, ikili "
                 "sınıflandırıcının tek çıkışı olmalı (mimari: %s). Önce %s ile bir model eğitin.",
                 path, net_out_size(net), d, train_cmd);
        net_free(net);
        return -1;
    }
    if (net->in_c != 1 && net->in_c != 3) {
        snprintf(err, errlen, "model dosyası '%s': giriş %d kanallı; 1 (gri) ya da 3 (renkli) olmalı",
                 path, net->in_c);
        net_free(net);
        return -1;
    }
    int bad = binary_meta_parse(net->meta, mi, e, sizeof e) != 0;
    if (!bad && mi->norm.kind == NORM_CHANNEL && mi->channels != net->in_c) {
        snprintf(e, sizeof e, "normalizasyon %d kanal için, ağın girişi %d kanallı", mi->channels,
                 net->in_c);
        bad = 1;
    }
    if (bad) {
        snprintf(err, errlen, "model dosyası '%s' bu derse ait değil: %s", path, e);
        net_free(net);
        return -1;
    }
    return 0;
}

int binary_input_load(const Net *net, const BinaryModelInfo *mi, const char *file, float *x,
                      char *err, size_t errlen) {
    int C = net->in_c, H = net->in_h, W = net->in_w, HW = H * W;
    uint8_t *u8 = xmalloc((size_t)C * HW);
    int rc = imgfolder_read_image(file, C, H, W, mi->squash, u8, err, errlen);
    if (rc == 0)
        for (int c = 0; c < C; c++)
            for (int i = 0; i < HW; i++)
                x[(size_t)c * HW + i] = norm_pixel_ch(mi->norm, c, u8[(size_t)c * HW + i]);
    free(u8);
    return rc;
}

float binary_p1(Net *net, const float *x) {
    const float *z = net_forward(net, x, 1, 0);
    return 1.0f / (1.0f + expf(-z[0]));
}

int binary_print(const char *file, float p1, const BinaryModelInfo *mi, float *conf) {
    int k = p1 >= 0.5f;
    *conf = k ? p1 : 1.0f - p1;
    printf("%s: Bu görüntü %%%.0f güvenle bir %s.\n", file, 100.0 * *conf, mi->names[k]);
    return k;
}
