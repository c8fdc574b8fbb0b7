/*
 * photo_folder.c — lesson05'i bir öğrencinin fotoğraf klasörü gibi bir klasörde
 * denemek için üretilmiş (generated) görüntü klasörü.
 *
 * Her görüntü renkli bir "fotoğraf": dokulu, iki renk arasında eğimli bir arka
 * plan (dalgalı desen, lekeler), üstünde ilgisiz karmaşa (clutter: rastgele
 * renkli çizgiler ve küçük dikdörtgenler), ortada bir yerde tek bir nesne ve
 * her pikselde Gauss gürültüsü. Boyutlar 64x64 ile 300x240 arası, en-boy oranı
 * fotoğraf makinelerininki gibi (1:1, 4:3, 3:2, 16:9, dikey 3:4, 2:3); dosyalar sırayla PNG, JPEG ve BMP (stb_image_write).
 *   ÇIKIŞ/daire/ ...   nesne bir daire (rastgele renk, konum ve boy)
 *   ÇIKIŞ/ucgen/ ...   nesne bir üçgen (rastgele renk, konum, boy ve açı)
 * Bir insan iki sınıfı bir bakışta ayırır; renk, konum ve boy iki sınıfta aynı
 * dağılımdan gelir: sınıfı yalnızca şekil söyler. Bir öğrencinin klasöründe
 * olabilecek iki kötü dosya da eklenir: daire/notlar.txt (metin) ve
 * ucgen/bozuk.png (PNG imzası doğru, gerisi çöp).
 * --ayni ile iki sınıf klasörüne AYNI görüntüler yazılır (her biri karışık
 * daire ve üçgen): bu klasörden öğrenilecek bir şey yoktur (şans düzeyi testi).
 *
 * Kullanım: photo_folder ÇIKIŞ [--n SINIF_BAŞINA] [--seed S] [--ayni] [--max KENAR]
 *   --n     her sınıftan görüntü sayısı (varsayılan 150: toplam 300)
 *   --max   en uzun kenar üst sınırı (varsayılan 300; küçük testler için 96 gibi)
 * Her şey tohumludur: aynı bayraklar, bayt bayt aynı klasör.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"
#include "stb_image_write.h"

typedef struct {
    float r, g, b;
} Rgb;

static float clampf(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }

static Rgb rand_rgb(Rng *r) {
    return (Rgb){rng_uniform(r) * 255, rng_uniform(r) * 255, rng_uniform(r) * 255};
}

static float rgb_dist(Rgb a, Rgb b) {
    return sqrtf((a.r - b.r) * (a.r - b.r) + (a.g - b.g) * (a.g - b.g) + (a.b - b.b) * (a.b - b.b));
}

/* Nesne: kind 0 daire, 1 üçgen. Merkez (cx,cy), yarıçap rad (üçgen için çevrel
 * çember), açı ang. coverage(x,y): piksel merkezinin şeklin içinde olup olmadığı. */
typedef struct {
    int kind;
    float cx, cy, rad, ang;
    float vx[3], vy[3];
} Shape;

static int inside(const Shape *s, float x, float y) {
    if (s->kind == 0) return (x - s->cx) * (x - s->cx) + (y - s->cy) * (y - s->cy) <= s->rad * s->rad;
    /* üçgen: üç kenarın hepsinin aynı yanında */
    int neg = 0, pos = 0;
    for (int i = 0; i < 3; i++) {
        int j = (i + 1) % 3;
        float c = (s->vx[j] - s->vx[i]) * (y - s->vy[i]) - (s->vy[j] - s->vy[i]) * (x - s->vx[i]);
        neg |= c < 0;
        pos |= c > 0;
    }
    return !(neg && pos);
}

static void shape_init(Shape *s, int kind, int W, int H, Rng *r) {
    int m = W < H ? W : H;
    s->kind = kind;
    s->rad = m * (0.22f + 0.2f * rng_uniform(r));             /* çap: en kısa kenarın %44..%84'ü */
    s->cx = s->rad + rng_uniform(r) * (W - 2 * s->rad);
    s->cy = s->rad + rng_uniform(r) * (H - 2 * s->rad);
    s->ang = rng_uniform(r) * 6.2831853f;
    for (int i = 0; i < 3; i++) {
        /* biraz düzensiz bir üçgen: köşeler 120° ± 15° aralıklı */
        float a = s->ang + i * 2.0943951f + (rng_uniform(r) - 0.5f) * 0.5f;
        s->vx[i] = s->cx + s->rad * cosf(a);
        s->vy[i] = s->cy + s->rad * sinf(a);
    }
}

/* Bir görüntü: (H,W,3) uint8. kind 0/1. */
static uint8_t *render(int W, int H, int kind, Rng *r) {
    float *img = malloc((size_t)W * H * 3 * sizeof(float));
    if (!img) die("bellek yetmedi");
    /* 1. arka plan: iki renk arasında eğim + dalgalı doku + birkaç yumuşak leke */
    Rgb c0 = rand_rgb(r), c1 = rand_rgb(r);
    float gdir = rng_uniform(r) * 6.2831853f, gx = cosf(gdir), gy = sinf(gdir);
    float fx = 0.02f + 0.15f * rng_uniform(r), fy = 0.02f + 0.15f * rng_uniform(r);
    float amp = 10 + 25 * rng_uniform(r), ph = rng_uniform(r) * 6.28f;
    int nblob = 2 + rng_int(r, 4);
    float bx[6], by[6], br[6], bs[6];
    for (int k = 0; k < nblob; k++) {
        bx[k] = rng_uniform(r) * W;
        by[k] = rng_uniform(r) * H;
        br[k] = (0.1f + 0.3f * rng_uniform(r)) * (W < H ? W : H);
        bs[k] = (rng_uniform(r) - 0.5f) * 80;
    }
    float diag = sqrtf((float)W * W + (float)H * H);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            float t = clampf(0.5f + ((x - W / 2.0f) * gx + (y - H / 2.0f) * gy) / diag, 0, 1);
            float tex = amp * sinf(fx * x + ph) * sinf(fy * y + 0.7f * ph);
            float blob = 0;
            for (int k = 0; k < nblob; k++) {
                float d2 = ((x - bx[k]) * (x - bx[k]) + (y - by[k]) * (y - by[k])) / (br[k] * br[k]);
                blob += bs[k] * expf(-d2);
            }
            float *p = img + ((size_t)y * W + x) * 3;
            p[0] = c0.r + t * (c1.r - c0.r) + tex + blob;
            p[1] = c0.g + t * (c1.g - c0.g) + tex * 0.8f + blob;
            p[2] = c0.b + t * (c1.b - c0.b) - tex * 0.5f + blob;
        }
    /* 2. karmaşa: rastgele çizgiler ve küçük dikdörtgenler (nesneden önce: nesne üstte) */
    int nclut = 2 + rng_int(r, 5);
    for (int k = 0; k < nclut; k++) {
        Rgb c = rand_rgb(r);
        if (rng_uniform(r) < 0.5f) {   /* çizgi */
            float x0 = rng_uniform(r) * W, y0 = rng_uniform(r) * H;
            float x1 = rng_uniform(r) * W, y1 = rng_uniform(r) * H, th = 1 + 2 * rng_uniform(r);
            int steps = (int)(fabsf(x1 - x0) + fabsf(y1 - y0)) + 1;
            for (int s = 0; s <= steps; s++) {
                float xx = x0 + (x1 - x0) * s / steps, yy = y0 + (y1 - y0) * s / steps;
                for (int dy = -(int)th; dy <= (int)th; dy++)
                    for (int dx = -(int)th; dx <= (int)th; dx++) {
                        int px = (int)xx + dx, py = (int)yy + dy;
                        if (px < 0 || py < 0 || px >= W || py >= H) continue;
                        float *p = img + ((size_t)py * W + px) * 3;
                        p[0] = c.r, p[1] = c.g, p[2] = c.b;
                    }
            }
        } else {   /* küçük dikdörtgen */
            int m = W < H ? W : H;
            int rw = 3 + rng_int(r, m / 6 + 1), rh = 3 + rng_int(r, m / 6 + 1);
            int x0 = rng_int(r, W), y0 = rng_int(r, H);
            for (int y = y0; y < y0 + rh && y < H; y++)
                for (int x = x0; x < x0 + rw && x < W; x++) {
                    float *p = img + ((size_t)y * W + x) * 3;
                    p[0] = c.r, p[1] = c.g, p[2] = c.b;
                }
        }
    }
    /* 3. nesne: rengi, altındaki arka planın ortalamasından belirgin uzak */
    Shape s;
    shape_init(&s, kind, W, H, r);
    Rgb bg = {0, 0, 0};
    int nb = 0;
    for (int y = (int)(s.cy - s.rad); y <= (int)(s.cy + s.rad); y++)
        for (int x = (int)(s.cx - s.rad); x <= (int)(s.cx + s.rad); x++) {
            if (x < 0 || y < 0 || x >= W || y >= H) continue;
            const float *p = img + ((size_t)y * W + x) * 3;
            bg.r += p[0], bg.g += p[1], bg.b += p[2];
            nb++;
        }
    bg.r /= nb, bg.g /= nb, bg.b /= nb;
    Rgb oc = rand_rgb(r);
    for (int tries = 0; tries < 50 && rgb_dist(oc, bg) < 120; tries++) oc = rand_rgb(r);
    /* 2x2 alt örnekleme: kenarlar yumuşak (kenar yumuşatma, anti-aliasing) */
    for (int y = (int)(s.cy - s.rad) - 1; y <= (int)(s.cy + s.rad) + 1; y++)
        for (int x = (int)(s.cx - s.rad) - 1; x <= (int)(s.cx + s.rad) + 1; x++) {
            if (x < 0 || y < 0 || x >= W || y >= H) continue;
            int cov = 0;
            for (int sy = 0; sy < 2; sy++)
                for (int sx = 0; sx < 2; sx++) cov += inside(&s, x + 0.25f + 0.5f * sx, y + 0.25f + 0.5f * sy);
            if (!cov) continue;
            float a = cov / 4.0f;
            float *p = img + ((size_t)y * W + x) * 3;
            p[0] = p[0] * (1 - a) + oc.r * a;
            p[1] = p[1] * (1 - a) + oc.g * a;
            p[2] = p[2] * (1 - a) + oc.b * a;
        }
    /* 4. gürültü ve uint8 */
    float sigma = 4 + 8 * rng_uniform(r);
    uint8_t *out = malloc((size_t)W * H * 3);
    if (!out) die("bellek yetmedi");
    for (size_t i = 0; i < (size_t)W * H * 3; i++)
        out[i] = (uint8_t)lroundf(clampf(img[i] + sigma * rng_normal(r), 0, 255));
    free(img);
    return out;
}

static void write_image(const char *path, int fmt, const uint8_t *px, int W, int H) {
    int ok = fmt == 0   ? stbi_write_png(path, W, H, 3, px, W * 3)
             : fmt == 1 ? stbi_write_jpg(path, W, H, 3, px, 85)
                        : stbi_write_bmp(path, W, H, 3, px);
    if (!ok) die("'%s' yazılamadı", path);
}

static void write_text(const char *path, const void *data, size_t n) {
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, n, f) != n) die("'%s' yazılamadı", path);
    fclose(f);
}

int main(int argc, char **argv) {
    if (argc < 2 || argv[1][0] == '-') {
        fprintf(stderr, "kullanım: %s ÇIKIŞ [--n SINIF_BAŞINA] [--seed S] [--ayni] [--max KENAR]\n",
                argv[0]);
        return 2;
    }
    const char *outdir = argv[1];
    int n = 150, same = 0, maxside = 300;
    unsigned long long seed = 1;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--n") && i + 1 < argc) n = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--max") && i + 1 < argc) maxside = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--ayni")) same = 1;
        else {
            fprintf(stderr, "hata: bilinmeyen bayrak '%s'\n", argv[i]);
            return 2;
        }
    }
    if (n < 2 || n > 100000 || maxside < 64 || maxside > 2000) {
        fprintf(stderr, "hata: --n 2..100000, --max 64..2000 olmalı\n");
        return 2;
    }
    const char *cls[2] = {"daire", "ucgen"};
    const char *ext[3] = {"png", "jpg", "bmp"};
    char path[2048];
    for (int k = 0; k < 2; k++) {
        snprintf(path, sizeof path, "%s/%s", outdir, cls[k]);
        if (mkdir_p(path) != 0) die("'%s' klasörü oluşturulamadı", path);
    }
    Rng r;
    rng_seed(&r, seed);
    for (int i = 0; i < n; i++)
        for (int k = 0; k < 2; k++) {
            /* --ayni: iki klasöre aynı görüntü (i'ye göre daire ya da üçgen) */
            int kind = same ? (i & 1) : k;
            if (same && k == 1) continue;
            /* fotoğraf makinelerinin oranları: 1:1, 4:3, 3:2, 16:9 ve dikey 3:4, 2:3 */
            static const float aspect[6] = {1.0f, 4.0f / 3, 1.5f, 16.0f / 9, 0.75f, 2.0f / 3};
            float asp = aspect[rng_int(&r, 6)];
            int W = 64 + rng_int(&r, maxside - 63);
            int H = (int)lroundf(W / asp), hmax = maxside * 4 / 5 > 64 ? maxside * 4 / 5 : 64;
            if (H > hmax) {
                H = hmax;
                W = (int)lroundf(H * asp);
            }
            if (H < 64) {
                H = 64;
                W = (int)lroundf(H * asp);
            }
            if (W < 64) W = 64;
            int fmt = (i + k) % 3;
            uint8_t *px = render(W, H, kind, &r);
            for (int c = 0; c < (same ? 2 : 1); c++) {
                snprintf(path, sizeof path, "%s/%s/%04d.%s", outdir, cls[same ? c : k], i, ext[fmt]);
                write_image(path, fmt, px, W, H);
            }
            free(px);
        }
    /* Öğrencinin klasöründe olabilecek iki okunamayan dosya */
    const char note[] = "Bu klasöre fotoğraflar konacak.\n";
    snprintf(path, sizeof path, "%s/daire/notlar.txt", outdir);
    write_text(path, note, sizeof note - 1);
    unsigned char bad[64] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    for (int i = 8; i < 64; i++) bad[i] = (unsigned char)(i * 37 + 11);
    snprintf(path, sizeof path, "%s/ucgen/bozuk.png", outdir);
    write_text(path, bad, sizeof bad);
    printf("%s: %d x 2 görüntü%s (PNG/JPEG/BMP, 64..%d piksel) + notlar.txt + bozuk.png\n", outdir,
           n, same ? " (iki sınıfta AYNI görüntüler)" : "", maxside);
    return 0;
}
