/* handwriting.c — bir rakam fotoğrafını MNIST biçimine getirmek (bkz. handwriting.h). */
#include "data/handwriting.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "data/image.h"
#include "core/util.h"

#define HW_GRID 8             /* zemin tahmini için hücre ızgarası (8x8) */
#define HW_BG_PERCENTILE 0.30 /* hücrenin zemin düzeyi: değerlerinin %30'luk dilimi */
#define HW_SPECK_FRAC 0.05    /* en büyük parçanın bu oranından küçük parçalar leke sayılır */

int handwriting_center_of_mass(const uint8_t *img, int w, int h, float *cx, float *cy) {
    double s = 0, sx = 0, sy = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            double v = img[(size_t)y * w + x];
            s += v;
            sx += v * x;
            sy += v * y;
        }
    if (s <= 0) return -1;
    *cx = (float)(sx / s);
    *cy = (float)(sy / s);
    return 0;
}

/* hist (256) içinde toplamın q oranına ulaşılan en küçük değer */
static int hist_quantile(const long *hist, long total, double q) {
    long need = (long)ceil(q * (double)total), acc = 0;
    if (need < 1) need = 1;
    for (int v = 0; v < 256; v++) {
        acc += hist[v];
        if (acc >= need) return v;
    }
    return 255;
}

/* Otsu: sınıflar arası varyansı en büyük yapan eşik (sınıf 0: <= t, sınıf 1: > t).
 * mu0, mu1: sınıf ortalamaları; w1: sınıf 1'in oranı. */
static int otsu(const long *hist, long total, double *mu0, double *mu1, double *w1) {
    double sum = 0;
    for (int v = 0; v < 256; v++) sum += (double)v * hist[v];
    double best = -1, s0 = 0;
    long n0 = 0;
    int bt = 0;
    *mu0 = *mu1 = *w1 = 0;
    for (int t = 0; t < 255; t++) {
        n0 += hist[t];
        s0 += (double)t * hist[t];
        long n1 = total - n0;
        if (n0 == 0 || n1 == 0) continue;
        double m0 = s0 / n0, m1 = (sum - s0) / n1;
        double sb = (double)n0 * (double)n1 * (m0 - m1) * (m0 - m1);
        if (sb > best) {
            best = sb;
            bt = t;
            *mu0 = m0;
            *mu1 = m1;
            *w1 = (double)n1 / (double)total;
        }
    }
    return bt;
}

/* n pikselli bir eksende G hücre: hücre merkezleri (g + 0,5)·n/G konumunda. i pikselinin
 * iki komşu hücresini (*a, *b) ve b'nin ağırlığını döndürür (kenarlarda tek hücre). */
static float cell_pos(int i, int n, int G, int *a, int *b) {
    float f = ((float)i + 0.5f) * G / n - 0.5f;
    int i0 = (int)floorf(f);
    if (i0 < 0) {
        *a = *b = 0;
        return 0.0f;
    }
    if (i0 >= G - 1) {
        *a = *b = G - 1;
        return 0.0f;
    }
    *a = i0;
    *b = i0 + 1;
    return f - i0;
}

/* Zemin haritası: HW_GRID x HW_GRID hücrenin %30'luk dilimleri, her hücre 3x3
 * komşuluğunun en küçüğüyle değiştirilir (kalın bir çizginin kapladığı hücre,
 * komşusunun kağıt düzeyini alır), sonra piksellere çift doğrusal aradeğerleme. */
static void background_map(const uint8_t *v, int w, int h, float *bg) {
    int G = (w >= 2 * HW_GRID && h >= 2 * HW_GRID) ? HW_GRID : 1;
    float cell[HW_GRID][HW_GRID], mn[HW_GRID][HW_GRID];
    for (int gy = 0; gy < G; gy++)
        for (int gx = 0; gx < G; gx++) {
            int x0 = gx * w / G, x1 = (gx + 1) * w / G, y0 = gy * h / G, y1 = (gy + 1) * h / G;
            long hist[256] = {0};
            for (int y = y0; y < y1; y++)
                for (int x = x0; x < x1; x++) hist[v[(size_t)y * w + x]]++;
            cell[gy][gx] = (float)hist_quantile(hist, (long)(x1 - x0) * (y1 - y0), HW_BG_PERCENTILE);
        }
    for (int gy = 0; gy < G; gy++)
        for (int gx = 0; gx < G; gx++) {
            float m = cell[gy][gx];
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) {
                    int yy = gy + dy, xx = gx + dx;
                    if (yy >= 0 && yy < G && xx >= 0 && xx < G && cell[yy][xx] < m) m = cell[yy][xx];
                }
            mn[gy][gx] = m;
        }
    for (int y = 0; y < h; y++) {
        int ya, yb;
        float ty = cell_pos(y, h, G, &ya, &yb);
        for (int x = 0; x < w; x++) {
            int xa, xb;
            float tx = cell_pos(x, w, G, &xa, &xb);
            float top = mn[ya][xa] * (1 - tx) + mn[ya][xb] * tx;
            float bot = mn[yb][xa] * (1 - tx) + mn[yb][xb] * tx;
            bg[(size_t)y * w + x] = top * (1 - ty) + bot * ty;
        }
    }
}

typedef struct {
    long area;
    int x0, y0, x1, y1, border;
} Comp;

/* 8-komşulukla bağlı parçalar. label (w*h): 0 = mürekkep değil, k >= 1 parça no.
 * Dönüş: parça sayısı; parçaların bilgisi *out_comps'a (yeni ayrılan dizi) yazılır. */
static int components(const uint8_t *mask, int w, int h, int *label, Comp **out_comps) {
    size_t n = (size_t)w * h;
    int *stack = xmalloc(n * sizeof(int));
    int cap = 64, nc = 0;
    Comp *cs = xmalloc((size_t)cap * sizeof(Comp));
    memset(label, 0, n * sizeof(int));
    for (size_t i = 0; i < n; i++) {
        if (!mask[i] || label[i]) continue;
        if (nc == cap) {
            cap *= 2;
            cs = xrealloc(cs, (size_t)cap * sizeof(Comp));
        }
        Comp c = {0, w, h, -1, -1, 0};
        int id = nc + 1;
        size_t sp = 0;
        stack[sp++] = (int)i;
        label[i] = id;
        while (sp) {
            int p = stack[--sp], x = p % w, y = p / w;
            c.area++;
            if (x < c.x0) c.x0 = x;
            if (y < c.y0) c.y0 = y;
            if (x > c.x1) c.x1 = x;
            if (y > c.y1) c.y1 = y;
            if (x == 0 || y == 0 || x == w - 1 || y == h - 1) c.border = 1;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) {
                    int xx = x + dx, yy = y + dy;
                    if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
                    size_t q = (size_t)yy * w + xx;
                    if (mask[q] && !label[q]) {
                        label[q] = id;
                        stack[sp++] = (int)q;
                    }
                }
        }
        cs[nc++] = c;
    }
    free(stack);
    *out_comps = cs;
    return nc;
}

/* Tek bir satırın kayan pencere en büyüğü: out[x] = max(in[x-r .. x+r]) (dışarısı 0).
 * van Herk / Gil-Werman yöntemi: satır 2r+1'lik bloklara bölünür; her pencere en çok iki
 * bloğa değer ve bloğun sağa doğru (g) ve sola doğru (hh) birikimli en büyükleriyle iki
 * karşılaştırmada bulunur. Süre r'den bağımsız: O(L) (saf yöntem O(L·r); r 128'e
 * çıkabildiği için 1024x1024'lük bir görüntüde ASan'la 10 s'yi aşıyordu). */
static void max_line(const uint8_t *in, int L, int r, uint8_t *out, uint8_t *P, uint8_t *g,
                     uint8_t *hh) {
    int K = 2 * r + 1, N = L + 2 * r;
    memset(P, 0, (size_t)r);
    memcpy(P + r, in, (size_t)L);
    memset(P + r + L, 0, (size_t)r);
    for (int i = 0; i < N; i++) g[i] = (i % K == 0 || g[i - 1] < P[i]) ? P[i] : g[i - 1];
    for (int i = N - 1; i >= 0; i--)
        hh[i] = (i == N - 1 || (i + 1) % K == 0 || hh[i + 1] < P[i]) ? P[i] : hh[i + 1];
    for (int x = 0; x < L; x++) out[x] = hh[x] > g[x + K - 1] ? hh[x] : g[x + K - 1];
}

/* Kare en büyük değer süzgeci (dilation), yarıçap r, yerinde: önce satırlar, sonra sütunlar. */
static void max_filter(uint8_t *img, int w, int h, int r) {
    int m = w > h ? w : h;
    size_t N = (size_t)m + 2 * (size_t)r;
    uint8_t *buf = xmalloc(5 * N), *line = buf, *res = buf + N, *P = buf + 2 * N,
            *g = buf + 3 * N, *hh = buf + 4 * N;
    for (int y = 0; y < h; y++) {
        uint8_t *row = img + (size_t)y * w;
        max_line(row, w, r, res, P, g, hh);
        memcpy(row, res, (size_t)w);
    }
    for (int x = 0; x < w; x++) {
        for (int y = 0; y < h; y++) line[y] = img[(size_t)y * w + x];
        max_line(line, h, r, res, P, g, hh);
        for (int y = 0; y < h; y++) img[(size_t)y * w + x] = res[y];
    }
    free(buf);
}

int handwriting_from_gray(const char *name, const uint8_t *gray, int w, int h, uint8_t *out,
                          HandwritingInfo *info, char *err, size_t errlen) {
    HandwritingInfo I;
    memset(&I, 0, sizeof I);
    I.src_w = w;
    I.src_h = h;
    if (w < 1 || h < 1) {
        snprintf(err, errlen, "'%s': görüntünün boyu %dx%d geçersiz", name, w, h);
        return -1;
    }
    /* 1. Çok büyükse küçült (stb_image_resize alan ortalaması alır: gürültü de azalır) */
    Image src = {(uint8_t *)gray, w, h, 1}, work;
    int W = w, H = h;
    if (w > HW_WORK_SIDE || h > HW_WORK_SIDE) {
        double s = (double)HW_WORK_SIDE / (w > h ? w : h);
        W = (int)lround(w * s);
        H = (int)lround(h * s);
        if (W < 1) W = 1;
        if (H < 1) H = 1;
        char e2[256];
        if (image_resize(&src, W, H, &work, e2, sizeof e2) != 0) {
            snprintf(err, errlen, "'%s': %s", name, e2);
            return -1;
        }
    } else {
        work.px = xmalloc((size_t)w * h);
        memcpy(work.px, gray, (size_t)w * h);
        work.w = w;
        work.h = h;
        work.c = 1;
    }
    I.work_w = W;
    I.work_h = H;
    size_t n = (size_t)W * H;
    uint8_t *v = work.px;

    /* 2. Kutup: ortanca parlaklık kağıdın rengidir */
    long hist[256] = {0};
    for (size_t i = 0; i < n; i++) hist[v[i]]++;
    I.median = (float)hist_quantile(hist, (long)n, 0.5);
    I.inverted = I.median >= 128.0f;
    if (I.inverted)
        for (size_t i = 0; i < n; i++) v[i] = (uint8_t)(255 - v[i]);

    /* 3. Zemini çıkar */
    float *bg = xmalloc(n * sizeof(float));
    background_map(v, W, H, bg);
    uint8_t *d = xmalloc(n); /* v' = max(0, v - zemin) */
    memset(hist, 0, sizeof hist);
    for (size_t i = 0; i < n; i++) {
        float t = (float)v[i] - bg[i];
        int q = t <= 0 ? 0 : (int)lroundf(t);
        d[i] = (uint8_t)(q > 255 ? 255 : q);
        hist[d[i]]++;
    }
    free(bg);

    /* 4. Otsu eşiği; iki sınıf yeterince ayrışmıyorsa mürekkep yok */
    double mu0, mu1, w1;
    I.threshold = otsu(hist, (long)n, &mu0, &mu1, &w1);
    I.contrast = (float)(mu1 - mu0);
    int rc = -1;
    uint8_t *mask = NULL, *crop = NULL;
    int *label = NULL;
    Comp *cs = NULL;
    Image fit = {0};
    if (w1 <= 0 || I.contrast < HW_MIN_CONTRAST) {
        snprintf(err, errlen,
                 "'%s': görüntüde rakam bulunamadı (mürekkep ile kağıt arasındaki fark %.0f gri "
                 "düzey, en az %.0f gerekir); boş bir kağıt ya da çok soluk bir fotoğraf olabilir",
                 name, (double)I.contrast, (double)HW_MIN_CONTRAST);
        goto out;
    }
    if (w1 > 0.5) {
        snprintf(err, errlen,
                 "'%s': görüntünün %.0f%%'i mürekkep gibi görünüyor; rakam kağıdın küçük bir "
                 "bölümü olmalı (kağıdı daha uzaktan ya da daha düz ışıkta çekin)",
                 name, 100.0 * w1);
        goto out;
    }

    /* 5. Bağlı parçalar: lekeleri ve kenara değenleri at */
    mask = xmalloc(n);
    for (size_t i = 0; i < n; i++) mask[i] = d[i] > I.threshold;
    label = xmalloc(n * sizeof(int));
    int nc = components(mask, W, H, label, &cs);
    I.ncomponents = nc;
    long maxa = 0;
    int largest = -1;
    for (int c = 0; c < nc; c++)
        if (cs[c].area > maxa) {
            maxa = cs[c].area;
            largest = c;
        }
    long maxin = 0; /* kenara değmeyenlerin en büyüğü */
    for (int c = 0; c < nc; c++)
        if (!cs[c].border && cs[c].area > maxin) maxin = cs[c].area;
    uint8_t *keep = xcalloc((size_t)nc + 1, 1);
    for (int c = 0; c < nc; c++)
        if (maxin > 0 ? (!cs[c].border && cs[c].area >= HW_SPECK_FRAC * maxin) : c == largest) {
            keep[c + 1] = 1;
            I.nkept++;
        }
    int bx0 = W, by0 = H, bx1 = -1, by1 = -1;
    long area = 0, perim = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            size_t i = (size_t)y * W + x;
            mask[i] = keep[label[i]];
            if (!mask[i]) continue;
            area++;
            if (x < bx0) bx0 = x;
            if (y < by0) by0 = y;
            if (x > bx1) bx1 = x;
            if (y > by1) by1 = y;
        }
    free(keep);
    for (int y = by0; y <= by1; y++)
        for (int x = bx0; x <= bx1; x++) {
            size_t i = (size_t)y * W + x;
            if (!mask[i]) continue;
            if (x == 0 || y == 0 || x == W - 1 || y == H - 1 || !mask[i - 1] || !mask[i + 1] ||
                !mask[i - W] || !mask[i + W])
                perim++;
        }
    if (area < 4) {
        snprintf(err, errlen, "'%s': görüntüde rakam bulunamadı (yalnızca %ld piksellik leke)",
                 name, area);
        goto out;
    }
    I.bx0 = bx0;
    I.by0 = by0;
    I.bx1 = bx1 + 1;
    I.by1 = by1 + 1;

    /* 6. Kontrast: mürekkebin %90'lık dilimi 255 olsun */
    memset(hist, 0, sizeof hist);
    for (size_t i = 0; i < n; i++)
        if (mask[i]) hist[d[i]]++;
    int ink = hist_quantile(hist, area, 0.90);
    if (ink < 1) ink = 1;

    /* 7. Çizgi kalınlığı ve gerekirse kalınlaştırma yarıçapı */
    int bw = bx1 - bx0 + 1, bh = by1 - by0 + 1, side = bw > bh ? bw : bh;
    I.stroke = perim > 0 ? 2.0f * (float)area / (float)perim : 1.0f;
    float scale = (float)HW_BOX / (float)side;
    int r = 0;
    if (I.stroke * scale < HW_MIN_STROKE) {
        r = (int)ceilf((HW_MIN_STROKE / scale - I.stroke) / 2.0f);
        if (r > side / 8) r = side / 8;
        if (r < 0) r = 0;
    }
    I.dilate = r;
    /* Kırpılan bölge: kutu + r + 1 piksel (komşu gri kenarlar ve kalınlaşma için) */
    int m = r + 1;
    int cx0 = bx0 - m < 0 ? 0 : bx0 - m, cy0 = by0 - m < 0 ? 0 : by0 - m;
    int cx1 = bx1 + m >= W ? W - 1 : bx1 + m, cy1 = by1 + m >= H ? H - 1 : by1 + m;
    int cw = cx1 - cx0 + 1, ch = cy1 - cy0 + 1;
    crop = xcalloc((size_t)cw * ch, 1);
    for (int y = cy0; y <= cy1; y++)
        for (int x = cx0; x <= cx1; x++) {
            /* mürekkep pikseli ya da ona 8-komşu bir piksel: gri değeriyle tut */
            int near = 0;
            for (int dy = -1; dy <= 1 && !near; dy++)
                for (int dx = -1; dx <= 1 && !near; dx++) {
                    int xx = x + dx, yy = y + dy;
                    if (xx >= 0 && yy >= 0 && xx < W && yy < H && mask[(size_t)yy * W + xx]) near = 1;
                }
            if (!near) continue;
            int val = (int)lround(d[(size_t)y * W + x] * 255.0 / ink);
            crop[(size_t)(y - cy0) * cw + (x - cx0)] = (uint8_t)(val > 255 ? 255 : val);
        }
    if (r > 0) max_filter(crop, cw, ch, r);
    /* Sıfır olmayan bölgenin sıkı kutusu */
    int tx0 = cw, ty0 = ch, tx1 = -1, ty1 = -1;
    for (int y = 0; y < ch; y++)
        for (int x = 0; x < cw; x++)
            if (crop[(size_t)y * cw + x]) {
                if (x < tx0) tx0 = x;
                if (y < ty0) ty0 = y;
                if (x > tx1) tx1 = x;
                if (y > ty1) ty1 = y;
            }
    int tw = tx1 - tx0 + 1, th = ty1 - ty0 + 1;
    Image tight = {xmalloc((size_t)tw * th), tw, th, 1};
    for (int y = 0; y < th; y++)
        memcpy(tight.px + (size_t)y * tw, crop + (size_t)(ty0 + y) * cw + tx0, (size_t)tw);

    /* 8. 20x20 kutuya sığdır: uzun kenar 20, oran korunur */
    int fw, fh;
    if (tw >= th) {
        fw = HW_BOX;
        fh = (int)lround((double)th * HW_BOX / tw);
    } else {
        fh = HW_BOX;
        fw = (int)lround((double)tw * HW_BOX / th);
    }
    if (fw < 1) fw = 1;
    if (fh < 1) fh = 1;
    char e2[256];
    int ok = image_resize(&tight, fw, fh, &fit, e2, sizeof e2);
    image_free(&tight);
    if (ok != 0) {
        snprintf(err, errlen, "'%s': %s", name, e2);
        goto out;
    }
    I.fit_w = fw;
    I.fit_h = fh;

    /* 9. Kütle merkezi (14,14)'e gelecek biçimde 28x28'e yerleştir */
    float mx, my;
    if (handwriting_center_of_mass(fit.px, fw, fh, &mx, &my) != 0) {
        snprintf(err, errlen, "'%s': rakam küçültülünce kayboldu (çok ince ya da çok küçük)", name);
        goto out;
    }
    int ox = (int)lroundf(HW_SIDE / 2.0f - mx), oy = (int)lroundf(HW_SIDE / 2.0f - my);
    if (ox < 0) ox = 0;
    if (oy < 0) oy = 0;
    if (ox > HW_SIDE - fw) ox = HW_SIDE - fw;
    if (oy > HW_SIDE - fh) oy = HW_SIDE - fh;
    I.off_x = ox;
    I.off_y = oy;
    memset(out, 0, HW_SIDE * HW_SIDE);
    int mxv = 0;
    for (int y = 0; y < fh; y++)
        for (int x = 0; x < fw; x++) {
            uint8_t p = fit.px[(size_t)y * fw + x];
            out[(oy + y) * HW_SIDE + ox + x] = p;
            if (p > mxv) mxv = p;
        }
    if (mxv > 0 && mxv < 255) /* küçültme en parlak pikseli de soldurduysa yeniden ger */
        for (int i = 0; i < HW_SIDE * HW_SIDE; i++) out[i] = (uint8_t)((out[i] * 255 + mxv / 2) / mxv);
    handwriting_center_of_mass(out, HW_SIDE, HW_SIDE, &I.com_x, &I.com_y);
    rc = 0;
out:
    if (info) *info = I;
    image_free(&fit);
    free(crop);
    free(cs);
    free(label);
    free(mask);
    free(d);
    free(work.px);
    return rc;
}

int handwriting_prepare(const char *path, uint8_t *out, HandwritingInfo *info, char *err,
                        size_t errlen) {
    Image im;
    if (image_load(path, 0, &im, err, errlen) != 0) {
        if (info) memset(info, 0, sizeof *info);
        return -1;
    }
    /* Griye çevir. Saydam (alfa kanallı) bir çizim beyaz bir kâğıdın üstüne konur:
     * saydam zemin siyah okunursa koyu mürekkeple ayırt edilemezdi. */
    size_t n = (size_t)im.w * im.h;
    uint8_t *g = xmalloc(n);
    for (size_t i = 0; i < n; i++) {
        const uint8_t *p = im.px + i * im.c;
        int v = im.c >= 3 ? (p[0] * 77 + p[1] * 150 + p[2] * 29) >> 8 : p[0]; /* parlaklık (luma) */
        if (im.c == 2 || im.c == 4) {
            int a = p[im.c - 1];
            v = (v * a + 255 * (255 - a) + 127) / 255;
        }
        g[i] = (uint8_t)v;
    }
    int rc = handwriting_from_gray(path, g, im.w, im.h, out, info, err, errlen);
    free(g);
    image_free(&im);
    return rc;
}
