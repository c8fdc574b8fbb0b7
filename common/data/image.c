/* image.c — stb_image ile okuma, boyutlandırma ve PNG yazma (bkz. image.h).
 * stb'nin gerçekleştirimleri -lstb içinde derlenmiş durumda; burada yalnızca
 * başlıkları kullanıyoruz (STB_*_IMPLEMENTATION tanımlanmaz). */
#include "data/image.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "stb_image.h"
#include "stb_image_resize.h"
#include "stb_image_write.h"
#include "core/util.h"

/* stb_image'in kısa İngilizce gerekçelerinin Türkçesi (en sık görülenler). */
static const char *tr_reason(const char *r) {
    static const char *const map[][2] = {
        {"can't fopen", "dosya açılamadı"},
        {"unknown image type", "tanınan bir görüntü biçimi değil (PNG, JPEG, BMP, GIF, TGA ...)"},
        {"outofmem", "bellek yetmedi"},
        {"outofdata", "dosya kesik: veri beklenenden önce bitti"},
        {"truncated", "dosya kesik"},
        {"bad png sig", "PNG imzası bozuk"},
        {"first not IHDR", "PNG başlığı (IHDR) bozuk"},
        {"bad IHDR len", "PNG başlığı (IHDR) bozuk"},
        {"no IDAT", "PNG'de görüntü verisi (IDAT) yok"},
        {"bad zlib header", "PNG'nin sıkıştırılmış verisi bozuk"},
        {"bad huffman code", "sıkıştırılmış veri bozuk"},
        {"corrupt", "dosya bozuk"},
        {"no SOI", "JPEG imzası (SOI) yok"},
        {"bad SOF len", "JPEG başlığı bozuk"},
        {"not BMP", "BMP başlığı bozuk"},
        {"bad BMP", "BMP başlığı bozuk"},
        {"too large", "görüntü çok büyük"},
        {"0-pixel image", "görüntünün boyu sıfır"},
    };
    if (!r) return "bilinmeyen neden";
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(r, map[i][0]) == 0) return map[i][1];
    return "görüntü çözülemedi";
}

/* Yol gerçekten okunabilir bir dosya mı? Değilse err'i doldurur. */
static int check_file(const char *path, char *err, size_t errlen) {
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "görüntü dosyası '%s' açılamadı: %s", path, tr_strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "'%s' bir klasör; bir görüntü dosyası bekleniyordu", path);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "'%s' sıradan bir dosya değil", path);
        return -1;
    }
    if (st.st_size == 0) {
        snprintf(err, errlen, "görüntü dosyası '%s' boş (0 bayt)", path);
        return -1;
    }
    return 0;
}

int image_info(const char *path, int *w, int *h, int *c, char *err, size_t errlen) {
    if (check_file(path, err, errlen) != 0) return -1;
    if (!stbi_info(path, w, h, c)) {
        const char *r = stbi_failure_reason();
        snprintf(err, errlen, "'%s' bir görüntü olarak okunamadı: %s (stb_image: %s)", path,
                 tr_reason(r), r ? r : "?");
        return -1;
    }
    if (*w < 1 || *h < 1 || *w > IMAGE_MAX_SIDE || *h > IMAGE_MAX_SIDE) {
        snprintf(err, errlen, "'%s': görüntü boyutu %dx%d desteklenmiyor (en çok %dx%d)", path, *w,
                 *h, IMAGE_MAX_SIDE, IMAGE_MAX_SIDE);
        return -1;
    }
    return 0;
}

int image_load(const char *path, int want_c, Image *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    if (want_c != 0 && want_c != 1 && want_c != 3) {
        snprintf(err, errlen, "image_load: kanal sayısı %d desteklenmiyor (0, 1 ya da 3)", want_c);
        return -1;
    }
    int w, h, c;
    if (image_info(path, &w, &h, &c, err, errlen) != 0) return -1;
    uint8_t *px = stbi_load(path, &w, &h, &c, want_c);
    if (!px) {
        const char *r = stbi_failure_reason();
        snprintf(err, errlen, "'%s' bir görüntü olarak okunamadı: %s (stb_image: %s)", path,
                 tr_reason(r), r ? r : "?");
        return -1;
    }
    out->w = w;
    out->h = h;
    out->c = want_c ? want_c : c;
    /* stb'nin belleğini kendi belleğimize taşırız: image_free tek bir free() olsun. */
    size_t n = (size_t)w * h * out->c;
    out->px = xmalloc(n);
    memcpy(out->px, px, n);
    stbi_image_free(px);
    return 0;
}

void image_free(Image *im) {
    free(im->px);
    memset(im, 0, sizeof *im);
}

int image_resize(const Image *in, int w, int h, Image *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    if (w < 1 || h < 1 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE || !in->px) {
        snprintf(err, errlen, "image_resize: hedef boyut %dx%d geçersiz", w, h);
        return -1;
    }
    out->px = xmalloc((size_t)w * h * in->c);
    out->w = w;
    out->h = h;
    out->c = in->c;
    if (in->w == w && in->h == h) {
        memcpy(out->px, in->px, (size_t)w * h * in->c);
        return 0;
    }
    if (!stbir_resize_uint8(in->px, in->w, in->h, 0, out->px, w, h, 0, in->c)) {
        snprintf(err, errlen, "görüntü %dx%d boyutundan %dx%d boyutuna getirilemedi", in->w,
                 in->h, w, h);
        image_free(out);
        return -1;
    }
    return 0;
}

void image_to_chw(const Image *im, uint8_t *dst) {
    size_t hw = (size_t)im->w * im->h;
    for (int ch = 0; ch < im->c; ch++)
        for (size_t i = 0; i < hw; i++) dst[ch * hw + i] = im->px[i * im->c + ch];
}

void image_from_chw(const uint8_t *src, int c, int h, int w, uint8_t *dst) {
    size_t hw = (size_t)w * h;
    for (int ch = 0; ch < c; ch++)
        for (size_t i = 0; i < hw; i++) dst[i * c + ch] = src[ch * hw + i];
}

int image_load_chw(const char *path, int C, int H, int W, uint8_t *dst, char *err, size_t errlen) {
    Image im, rs;
    if (image_load(path, C, &im, err, errlen) != 0) return -1;
    int rc = image_resize(&im, W, H, &rs, err, errlen);
    image_free(&im);
    if (rc != 0) return -1;
    image_to_chw(&rs, dst);
    image_free(&rs);
    return 0;
}

int image_write_png(const char *path, const uint8_t *px, int w, int h, int c, char *err,
                    size_t errlen) {
    if (w < 1 || h < 1 || (c != 1 && c != 3 && c != 4)) {
        snprintf(err, errlen, "PNG '%s': şekil %dx%dx%d yazılamaz", path, w, h, c);
        return -1;
    }
    char tmp[1100];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        snprintf(err, errlen, "dosya adı çok uzun: '%s'", path);
        return -1;
    }
    errno = 0;
    if (!stbi_write_png(tmp, w, h, c, px, w * c)) {
        int e = errno;
        remove(tmp);
        snprintf(err, errlen, "PNG '%s' yazılamadı: %s", path,
                 e ? tr_strerror(e) : "stb_image_write başarısız oldu");
        return -1;
    }
    if (rename(tmp, path) != 0) {
        int e = errno;
        remove(tmp);
        snprintf(err, errlen, "PNG '%s' yerine konamadı: %s", path, tr_strerror(e));
        return -1;
    }
    return 0;
}

/* Ortak ızgara çizici: get(i, ch, y, x) döşeme pikselini 0..255 verir. */
typedef uint8_t (*TileGet)(const void *tiles, size_t off);
static uint8_t get_u8(const void *t, size_t off) { return ((const uint8_t *)t)[off]; }
static uint8_t get_f(const void *t, size_t off) {
    float v = ((const float *)t)[off];
    if (!(v > 0.0f)) return 0;   /* NaN da 0 olur */
    if (v >= 1.0f) return 255;
    return (uint8_t)(v * 255.0f + 0.5f);
}

static int write_grid(const char *path, const void *tiles, TileGet get, int n, int C, int th,
                      int tw, int rows, int cols, int spacing, int scale, char *err,
                      size_t errlen) {
    if (C != 1 && C != 3) {
        snprintf(err, errlen, "ızgara '%s': kanal sayısı %d (1 ya da 3 olmalı)", path, C);
        return -1;
    }
    if (n < 0 || th < 1 || tw < 1 || rows < 1 || cols < 1 || spacing < 0 || scale < 1 ||
        (long)cols * (tw * scale + spacing) > IMAGE_MAX_SIDE ||
        (long)rows * (th * scale + spacing) > IMAGE_MAX_SIDE) {
        snprintf(err, errlen, "ızgara '%s': geçersiz ölçüler (%d döşeme %dx%d, %dx%d ızgara)", path,
                 n, th, tw, rows, cols);
        return -1;
    }
    int cw = tw * scale, chh = th * scale;
    int W = cols * cw + (cols + 1) * spacing, H = rows * chh + (rows + 1) * spacing;
    uint8_t *img = xmalloc((size_t)W * H * C);
    memset(img, 200, (size_t)W * H * C);   /* açık gri boşluklar */
    size_t tsz = (size_t)C * th * tw;
    for (int i = 0; i < n && i < rows * cols; i++) {
        int r = i / cols, k = i % cols;
        int oy = spacing + r * (chh + spacing), ox = spacing + k * (cw + spacing);
        for (int y = 0; y < chh; y++)
            for (int x = 0; x < cw; x++)
                for (int ch = 0; ch < C; ch++) {
                    size_t off = i * tsz + (size_t)ch * th * tw + (size_t)(y / scale) * tw + x / scale;
                    img[((size_t)(oy + y) * W + ox + x) * C + ch] = get(tiles, off);
                }
    }
    int rc = image_write_png(path, img, W, H, C, err, errlen);
    free(img);
    return rc;
}

int image_write_grid(const char *path, const uint8_t *tiles, int n, int C, int th, int tw,
                     int rows, int cols, int spacing, int scale, char *err, size_t errlen) {
    return write_grid(path, tiles, get_u8, n, C, th, tw, rows, cols, spacing, scale, err, errlen);
}

int image_write_grid_f(const char *path, const float *tiles, int n, int C, int th, int tw,
                       int rows, int cols, int spacing, int scale, char *err, size_t errlen) {
    return write_grid(path, tiles, get_f, n, C, th, tw, rows, cols, spacing, scale, err, errlen);
}
