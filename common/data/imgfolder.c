/* imgfolder.c — sınıf başına bir alt klasör: görüntü kümesi (bkz. imgfolder.h). */
#include "data/imgfolder.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "data/image.h"
#include "core/rng.h"
#include "core/util.h"

/* Büyüyen bir ad listesi */
typedef struct {
    char **v;
    int n, cap;
} StrList;

static void sl_push(StrList *l, const char *s) {
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->v = xrealloc(l->v, (size_t)l->cap * sizeof(char *));
    }
    size_t k = strlen(s) + 1;
    l->v[l->n] = xmalloc(k);
    memcpy(l->v[l->n++], s, k);
}

static void sl_free(StrList *l) {
    for (int i = 0; i < l->n; i++) free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *a, const char *b) {
    size_t na = strlen(a), nb = strlen(b);
    char *s = xmalloc(na + nb + 2);
    memcpy(s, a, na);
    s[na] = '/';
    memcpy(s + na + 1, b, nb + 1);
    return s;
}

/* dir içindeki (gizli olmayan) girdiler; want_dir: klasörler mi dosyalar mı. */
static int list_dir(const char *dir, int want_dir, StrList *out, char *err, size_t errlen) {
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "'%s' klasörü açılamadı: %s", dir, tr_strerror(errno));
        return -1;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char *p = join(dir, e->d_name);
        struct stat st;
        int ok = stat(p, &st) == 0 && (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
        free(p);
        if (ok) sl_push(out, e->d_name);
    }
    closedir(d);
    if (out->n > 1) qsort(out->v, (size_t)out->n, sizeof(char *), cmp_str);
    return 0;
}

/* Bir aday dosya: sınıfı ve başlıktan okunan şekli */
typedef struct {
    char *path;
    int cls, w, h, c;
} Cand;

static void note_skip(ImageFolder *f, const ImgFolderOpts *o, const char *msg) {
    if (f->skipped == 0) snprintf(f->first_skip, sizeof f->first_skip, "%s", msg);
    f->skipped++;
    if (!o->quiet && f->skipped <= IMGFOLDER_WARN_MAX) warnf("atlandı: %s", msg);
}

int imgfolder_load(const char *dir, const ImgFolderOpts *opts, ImageFolder *f, char *err,
                   size_t errlen) {
    memset(f, 0, sizeof *f);
    ImgFolderOpts o = opts ? *opts : (ImgFolderOpts){0};
    if (o.channels != 0 && o.channels != 1 && o.channels != 3) {
        snprintf(err, errlen, "görüntü klasörü '%s': kanal sayısı %d desteklenmiyor (1 ya da 3)",
                 dir, o.channels);
        return -1;
    }
    if (o.height < 0 || o.width < 0 || o.height > 1024 || o.width > 1024 ||
        (o.height == 0) != (o.width == 0)) {
        snprintf(err, errlen, "görüntü klasörü '%s': boyut %dx%d geçersiz", dir, o.height, o.width);
        return -1;
    }
    struct stat st;
    if (stat(dir, &st) != 0) {
        snprintf(err, errlen, "görüntü klasörü '%s' bulunamadı: %s", dir, tr_strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "'%s' bir klasör değil; içinde her sınıf için bir alt klasör olan "
                 "bir klasör bekleniyordu", dir);
        return -1;
    }
    /* 1. Sınıf klasörleri */
    StrList classes = {0};
    if (list_dir(dir, 1, &classes, err, errlen) != 0) return -1;
    if (classes.n == 0) {
        snprintf(err, errlen, "'%s' klasöründe hiç alt klasör yok: her sınıf için bir alt klasör "
                 "olmalı (ör. %s/kedi/ ve %s/kopek/)", dir, dir, dir);
        sl_free(&classes);
        return -1;
    }
    if (classes.n == 1) {
        snprintf(err, errlen, "'%s' klasöründe yalnızca bir sınıf ('%s') var; sınıflandırma için "
                 "en az iki sınıf klasörü gerekir", dir, classes.v[0]);
        sl_free(&classes);
        return -1;
    }
    if (classes.n > IMGFOLDER_MAX_CLASSES) {
        snprintf(err, errlen, "'%s' klasöründe %d sınıf var; en çok %d desteklenir", dir,
                 classes.n, IMGFOLDER_MAX_CLASSES);
        sl_free(&classes);
        return -1;
    }
    for (int k = 0; k < classes.n; k++)
        if (strpbrk(classes.v[k], ",\n\r")) {
            snprintf(err, errlen, "'%s/%s': sınıf klasörünün adında virgül ya da satır sonu "
                     "olamaz (sınıf adları model dosyasına virgülle ayrılarak yazılır)", dir,
                     classes.v[k]);
            sl_free(&classes);
            return -1;
        }
    /* 2. Dosyaları listele ve başlıklarını oku (hızlı: yalnızca boyut ve kanal) */
    Cand *cand = NULL;
    int nc = 0, cap = 0, any_colour = 0, same = 1, w0 = 0, h0 = 0;
    for (int k = 0; k < classes.n; k++) {
        char *cdir = join(dir, classes.v[k]);
        StrList files = {0};
        if (list_dir(cdir, 0, &files, err, errlen) != 0) {
            free(cdir);
            for (int i = 0; i < nc; i++) free(cand[i].path);
            free(cand);
            sl_free(&classes);
            return -1;
        }
        int taken = 0;
        for (int i = 0; i < files.n; i++) {
            if (o.max_per_class > 0 && taken >= o.max_per_class) break;
            char *p = join(cdir, files.v[i]);
            f->nfiles++;
            int w, h, c;
            char e2[600];
            if (image_info(p, &w, &h, &c, e2, sizeof e2) != 0) {
                note_skip(f, &o, e2);
                free(p);
                continue;
            }
            if (nc == cap) {
                cap = cap ? 2 * cap : 256;
                cand = xrealloc(cand, (size_t)cap * sizeof *cand);
            }
            cand[nc++] = (Cand){p, k, w, h, c};
            taken++;
            if (c >= 3) any_colour = 1;
            if (nc == 1) {
                w0 = w;
                h0 = h;
            } else if (w != w0 || h != h0) same = 0;
        }
        sl_free(&files);
        free(cdir);
    }
    /* 3. Şekli seç */
    int C = o.channels ? o.channels : (any_colour ? 3 : 1);
    int H = o.height, W = o.width;
    if (H == 0) {
        int side = o.auto_side > 0 && o.auto_side <= 1024 ? o.auto_side : IMGFOLDER_AUTO_SIDE;
        if (nc > 0 && same && w0 <= side && h0 <= side) {
            H = h0;
            W = w0;
        } else {
            H = W = side;
        }
    }
    /* 4. Oku, çevir, boyutlandır */
    size_t D = (size_t)C * H * W;
    f->set.images = xmalloc((nc ? (size_t)nc : 1) * D);
    f->set.labels = xmalloc((nc ? (size_t)nc : 1) * sizeof(int));
    f->paths = xmalloc((nc ? (size_t)nc : 1) * sizeof(char *));
    f->set.channels = C;
    f->set.rows = H;
    f->set.cols = W;
    f->nclasses = classes.n;
    f->class_counts = xcalloc((size_t)classes.n, sizeof(int));
    int n = 0;
    for (int i = 0; i < nc; i++) {
        char e2[600];
        if (imgfolder_read_image(cand[i].path, C, H, W, o.squash, f->set.images + (size_t)n * D,
                                 e2, sizeof e2) != 0) {
            note_skip(f, &o, e2);   /* başlığı sağlam ama verisi kesik/bozuk dosya */
            free(cand[i].path);
            continue;
        }
        f->set.labels[n] = cand[i].cls;
        f->paths[n] = cand[i].path;
        f->class_counts[cand[i].cls]++;
        n++;
    }
    free(cand);
    f->set.n = n;
    f->class_names = classes.v;   /* sahipliği devral */
    if (!o.quiet && f->skipped > IMGFOLDER_WARN_MAX)
        warnf("... ve %d dosya daha atlandı (toplam %d)", f->skipped - IMGFOLDER_WARN_MAX,
              f->skipped);
    for (int k = 0; k < f->nclasses; k++)
        if (f->class_counts[k] == 0) {
            snprintf(err, errlen, "'%s/%s' sınıf klasöründe okunabilir görüntü yok "
                     "(%d dosya atlandı)", dir, f->class_names[k], f->skipped);
            imgfolder_free(f);
            return -1;
        }
    return 0;
}

int imgfolder_read_image(const char *path, int C, int H, int W, int squash, uint8_t *dst,
                         char *err, size_t errlen) {
    if (squash) return image_load_chw(path, C, H, W, dst, err, errlen);
    Image im, rs;
    if (image_load(path, C, &im, err, errlen) != 0) return -1;
    if (im.w == W && im.h == H) {
        image_to_chw(&im, dst);
        image_free(&im);
        return 0;
    }
    /* Sığdırma ölçeği s = min(W/w, H/h): uzun kenar kutuya tam oturur, kısa kenar kısalır */
    double s = (double)W / im.w < (double)H / im.h ? (double)W / im.w : (double)H / im.h;
    int fw = (int)(im.w * s + 0.5), fh = (int)(im.h * s + 0.5);
    if (fw < 1) fw = 1;
    if (fh < 1) fh = 1;
    if (fw > W) fw = W;
    if (fh > H) fh = H;
    /* Dolgu rengi: kenar piksellerinin ortalaması (arka plana en yakın tahmin) */
    double sum[4] = {0, 0, 0, 0};
    long cnt = 0;
    for (int y = 0; y < im.h; y++)
        for (int x = 0; x < im.w; x++) {
            if (y != 0 && y != im.h - 1 && x != 0 && x != im.w - 1) {
                x = im.w - 2;   /* satırın içini atla */
                continue;
            }
            for (int c = 0; c < im.c; c++) sum[c] += im.px[((size_t)y * im.w + x) * im.c + c];
            cnt++;
        }
    if (image_resize(&im, fw, fh, &rs, err, errlen) != 0) {
        image_free(&im);
        return -1;
    }
    int ox = (W - fw) / 2, oy = (H - fh) / 2;
    for (int c = 0; c < C; c++) {
        uint8_t fill = (uint8_t)(sum[c] / (cnt ? cnt : 1) + 0.5);
        uint8_t *plane = dst + (size_t)c * H * W;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                int sx = x - ox, sy = y - oy;
                plane[(size_t)y * W + x] = (sx >= 0 && sy >= 0 && sx < fw && sy < fh)
                                               ? rs.px[((size_t)sy * fw + sx) * rs.c + c]
                                               : fill;
            }
    }
    image_free(&im);
    image_free(&rs);
    return 0;
}

void imgfolder_free(ImageFolder *f) {
    for (int k = 0; k < f->nclasses; k++) free(f->class_names ? f->class_names[k] : NULL);
    free(f->class_names);
    for (int i = 0; i < f->set.n; i++) free(f->paths[i]);
    free(f->paths);
    free(f->class_counts);
    free(f->set.images);
    free(f->set.labels);
    memset(f, 0, sizeof *f);
}

void imgfolder_split(const ImageFolder *f, float val_frac, uint64_t seed, int **tr, int *ntr,
                     int **va, int *nva) {
    int n = f->set.n;
    *tr = xmalloc((size_t)(n ? n : 1) * sizeof(int));
    *va = xmalloc((size_t)(n ? n : 1) * sizeof(int));
    *ntr = *nva = 0;
    if (val_frac < 0.0f) val_frac = 0.0f;
    if (val_frac >= 1.0f) val_frac = 0.99f;
    int *ids = xmalloc((size_t)(n ? n : 1) * sizeof(int));
    Rng r;
    rng_seed(&r, seed);
    for (int k = 0; k < f->nclasses; k++) {
        int m = 0;
        for (int i = 0; i < n; i++)
            if (f->set.labels[i] == k) ids[m++] = i;
        rng_shuffle(&r, ids, m);
        int nv = (int)(val_frac * (float)m + 0.5f);
        if (val_frac > 0.0f && m >= 2) {
            if (nv < 1) nv = 1;
            if (nv > m - 1) nv = m - 1;
        }
        for (int i = 0; i < m; i++) {
            if (i < nv) (*va)[(*nva)++] = ids[i];
            else (*tr)[(*ntr)++] = ids[i];
        }
    }
    free(ids);
}

int imgfolder_class_index(const ImageFolder *f, const char *name) {
    for (int k = 0; k < f->nclasses; k++)
        if (strcmp(f->class_names[k], name) == 0) return k;
    return -1;
}

int imgfolder_classes_meta(const ImageFolder *f, char *buf, size_t len) {
    size_t k = 0;
    int w = snprintf(buf, len, "classes=");
    if (w < 0 || (size_t)w >= len) return -1;
    k = (size_t)w;
    for (int i = 0; i < f->nclasses; i++) {
        w = snprintf(buf + k, len - k, "%s%s", i ? "," : "", f->class_names[i]);
        if (w < 0 || (size_t)w >= len - k) return -1;
        k += (size_t)w;
    }
    return (int)k;
}
