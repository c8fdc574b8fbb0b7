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

/* stb_image'in kısa İngilizce gerekçelerinin Türkçesi (en sık görülenler). Biçimi biz
 * baştaki baytlardan (magic) belirlediğimiz için, başka bir biçimin denemesinden kalan
 * gerekçe (ör. kesik bir JPEG'de "bad png sig") kullanılmaz: bkz. decode_reason. */
static const char *tr_reason(const char *r) {
    static const char *const map[][2] = {
        {"can't fopen", "dosya açılamadı"},
        {"outofmem", "bellek yetmedi"},
        {"outofdata", "dosya kesik: veri beklenenden önce bitti"},
        {"truncated", "dosya kesik"},
        {"first not IHDR", "PNG başlığı (IHDR) bozuk"},
        {"bad IHDR len", "PNG başlığı (IHDR) bozuk"},
        {"no IDAT", "PNG'de görüntü verisi (IDAT) yok"},
        {"bad zlib header", "PNG'nin sıkıştırılmış verisi bozuk"},
        {"bad huffman code", "sıkıştırılmış veri bozuk"},
        {"corrupt", "dosya bozuk"},
        {"bad SOF len", "JPEG başlığı bozuk"},
        {"no SOF", "JPEG'de görüntü başlığı (SOF) yok: dosya kesik ya da bozuk"},
        {"not BMP", "BMP başlığı bozuk"},
        {"bad BMP", "BMP başlığı bozuk"},
        {"too large", "görüntü çok büyük"},
        {"0-pixel image", "görüntünün boyu sıfır"},
    };
    if (!r) return "bilinmeyen neden";
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(r, map[i][0]) == 0) return map[i][1];
    return "dosya bozuk ya da kesik";
}

/* ---- Biçim denetimi: yalnızca bir öğrencinin kastettiği biçimler ----
 * stb_image 2.27 (Debian bookworm) HDR çözücüsünde sonsuz döngü (CVE-2021-42715), 16 bitlik
 * PGM'de bellek taşması (CVE-2021-42716) ve JPEG Huffman tablolarında taşma (stb #1289,
 * #1291) taşır. Biçimi dosyanın ilk baytlarından (magic bytes, uzantıdan değil) belirleriz;
 * HDR, PNM (PGM/PPM), PSD ve PIC stb'ye hiç verilmez. stb biçimleri sırayla dener (JPEG,
 * PNG, BMP, GIF, PSD, PIC, PNM, HDR, TGA): kabul ettiğimiz baytlar reddettiğimiz
 * çözücülere ulaşamaz. JPEG'in Huffman tabloları (DHT) stb'den önce bizde denetlenir. */
typedef enum { FMT_UNKNOWN, FMT_PNG, FMT_JPEG, FMT_BMP, FMT_GIF, FMT_TGA, FMT_REFUSED } ImgFormat;
static const char *const fmt_name[] = {"?", "PNG", "JPEG", "BMP", "GIF", "TGA", "?"};

static long g_max_pixels = IMAGE_MAX_PIXELS;
void image_set_max_pixels(long n) { g_max_pixels = n > 0 ? n : IMAGE_MAX_PIXELS; }

/* Tanınan ama reddedilen biçimin adı (NULL: değil). */
static const char *refused_format(const uint8_t *b, size_t n) {
    if (n >= 2 && b[0] == '#' && b[1] == '?') return "Radiance HDR";
    if (n >= 2 && b[0] == 'P' && b[1] >= '1' && b[1] <= '7') return "PNM (PGM/PPM/PBM)";
    if (n >= 4 && memcmp(b, "8BPS", 4) == 0) return "Photoshop PSD";
    if (n >= 4 && memcmp(b, "\x53\x80\xF6\x34", 4) == 0) return "Softimage PIC";
    return NULL;
}

static ImgFormat sniff_format(const uint8_t *b, size_t n) {
    if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0) return FMT_PNG;
    if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return FMT_JPEG;
    if (n >= 2 && b[0] == 'B' && b[1] == 'M') return FMT_BMP;
    if (n >= 6 && (memcmp(b, "GIF87a", 6) == 0 || memcmp(b, "GIF89a", 6) == 0)) return FMT_GIF;
    if (refused_format(b, n)) return FMT_REFUSED;
    /* TGA'nın imzası yok; stb'nin kendi sınaması gibi başlığın alanlarına bakarız:
     * renk haritası türü 0/1, görüntü türü 1,2,3,9,10,11, boyutlar >= 1, bit derinliği. */
    if (n >= 18 && b[1] <= 1) {
        int type = b[2], bpp = b[16];
        int w = b[12] | b[13] << 8, h = b[14] | b[15] << 8;
        int type_ok = b[1] == 1 ? (type == 1 || type == 9)
                                : (type == 2 || type == 3 || type == 10 || type == 11);
        if (type_ok && w >= 1 && h >= 1 &&
            (bpp == 8 || bpp == 15 || bpp == 16 || bpp == 24 || bpp == 32))
            return FMT_TGA;
    }
    return FMT_UNKNOWN;
}

/* JPEG'in bölümlerini (segment) stb_image'in okuduğu sırayla yürür ve her Huffman tablosunu
 * (DHT) denetler: sınıf <= 1, tablo no <= 3, kod sayılarının toplamı <= 256 (stb 2.27 bunu
 * denetlemez ve 256'lık dizinin dışına yazar), tablo bölümün içine sığmalı. Entropi
 * kodlu veride 0xFF 0x00 (dolgu) ve 0xFF 0xD0-D7 (yeniden başlama) işaret değildir.
 * Her tarama (SOS) yalnızca önceden tanımlanmış tabloları kullanabilir (aşağıda).
 * 0: sorun yok; -1: why'a Türkçe neden yazılır. */
int image_jpeg_check(const uint8_t *b, size_t n, char *why, size_t whylen) {
    size_t i = 2;
    int in_scan = 0, progressive = 0;
    unsigned defined = 0;   /* bit 4*sınıf + no: o Huffman tablosu bir DHT'de tanımlandı */
    while (i < n) {
        if (in_scan) {
            while (i + 1 < n) {
                if (b[i] == 0xFF) {
                    uint8_t m = b[i + 1];
                    if (m == 0x00 || (m >= 0xD0 && m <= 0xD7)) { i += 2; continue; }
                    if (m != 0xFF) break;
                }
                i++;
            }
            if (i + 1 >= n) return 0;   /* veri bitti: stb kalanını sıfırla doldurur */
            in_scan = 0;
        }
        if (b[i] != 0xFF) { i++; continue; }   /* stb de işaret bulana dek bayt atlar */
        while (i < n && b[i] == 0xFF) i++;
        if (i >= n) return 0;
        uint8_t m = b[i++];
        if (m == 0xD9) return 0;                              /* EOI: stb burada durur */
        if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) continue;   /* uzunluksuz */
        if (i + 2 > n) return 0;
        size_t len = (size_t)b[i] << 8 | b[i + 1];
        if (len < 2) {
            snprintf(why, whylen, "JPEG bölümü (0xFF%02X) uzunluğu %zu geçersiz", m, len);
            return -1;
        }
        size_t end = i + len;
        if (m == 0xC4) {
            if (end > n) {
                snprintf(why, whylen, "Huffman tablosu (DHT) dosyanın sonunu aşıyor (kesik dosya)");
                return -1;
            }
            size_t p = i + 2;
            while (p < end) {
                if (p + 17 > end) {
                    snprintf(why, whylen, "Huffman tablosu (DHT) bölümü kısa");
                    return -1;
                }
                int tc = b[p] >> 4, th = b[p] & 15, sum = 0;
                for (int k = 1; k <= 16; k++) sum += b[p + k];
                if (tc > 1 || th > 3) {
                    snprintf(why, whylen, "Huffman tablosu (DHT) türü %d/%d geçersiz", tc, th);
                    return -1;
                }
                defined |= 1u << (4 * tc + th);
                if (sum > 256) {
                    snprintf(why, whylen,
                             "Huffman tablosunda (DHT) %d kod var; en çok 256 olabilir "
                             "(bozuk ya da kötü niyetli dosya)", sum);
                    return -1;
                }
                p += 17 + (size_t)sum;
                if (p > end) {
                    snprintf(why, whylen, "Huffman tablosu (DHT) bölümüne sığmıyor");
                    return -1;
                }
            }
        }
        if (m == 0xC2 || m == 0xC6 || m == 0xCA || m == 0xCE) progressive = 1;
        if (m == 0xDA) {
            /* SOS: taramanın her bileşeni bir DC ve bir AC Huffman tablosu seçer. Hiç
             * tanımlanmamış bir tablo seçilirse stb 2.27 ilklenmemiş belleği tablo diye
             * okur ve 257'lik dizinin dışına taşar (stb #1289/#1291; bazı derlemelerde
             * çökme). İlerlemeli (progressive) JPEG'de DC taraması (Ss = 0) yalnızca ilk
             * geçişte (Ah = 0) DC tablosunu, AC taraması (Ss > 0) AC tablosunu kullanır. */
            if (end > n || len < 3 || len < 6 + 2 * (size_t)b[i + 2]) {
                snprintf(why, whylen, "tarama başlığı (SOS) kısa ya da kesik");
                return -1;
            }
            int ns = b[i + 2];
            size_t q = i + 3 + 2 * (size_t)ns;
            int ss = b[q], ah = b[q + 2] >> 4;
            for (int c = 0; c < ns; c++) {
                int td = b[i + 4 + 2 * c] >> 4, ta = b[i + 4 + 2 * c] & 15;
                int need_dc = progressive ? (ss == 0 && ah == 0) : 1;
                int need_ac = progressive ? ss > 0 : 1;
                if ((need_dc && (td > 3 || !(defined >> td & 1u))) ||
                    (need_ac && (ta > 3 || !(defined >> (4 + ta) & 1u)))) {
                    snprintf(why, whylen,
                             "tarama (SOS) tanımlanmamış bir Huffman tablosu kullanıyor "
                             "(DC %d, AC %d)", td, ta);
                    return -1;
                }
            }
        }
        i = end;
        if (m == 0xDA) in_scan = 1;   /* SOS: başlığın ardından entropi kodlu veri */
    }
    return 0;
}

/* stb'nin hatasını, biçimini bildiğimiz dosya için yazar: stb her biçimin sınamasını
 * sırayla dener ve kesik bir JPEG'de son kalan gerekçe "unknown image type" (ya da başka
 * bir biçiminki) olur; bunu göstermeyiz. */
static void decode_error(const char *name, ImgFormat fmt, char *err, size_t errlen) {
    const char *r = stbi_failure_reason();
    if (!r || strcmp(r, "unknown image type") == 0 || strcmp(r, "bad png sig") == 0 ||
        strcmp(r, "not BMP") == 0 || strcmp(r, "not GIF") == 0 || strcmp(r, "no SOI") == 0)
        snprintf(err, errlen, "'%s' %s olarak okunamadı: dosya bozuk ya da kesik", name,
                 fmt_name[fmt]);
    else
        snprintf(err, errlen, "'%s' %s olarak okunamadı: %s (stb_image: %s)", name,
                 fmt_name[fmt], tr_reason(r), r);
}

/* PNG'nin parçalarını (chunk) yürür: her parçanın uzunluğu dosyada kalan baytlara sığmalı.
 * stb_image 2.27, IDAT'ın başlıktaki uzunluğu kadar belleği veri gelmeden ayırır: 88 baytlık
 * bir PNG 1 GB'lık bir realloc çağırtıyordu (bulanık sınama, fuzz-image-png-idat-1gb). */
static int png_check(const uint8_t *b, size_t n, char *why, size_t whylen) {
    size_t p = 8;
    while (p + 8 <= n) {
        uint32_t len = (uint32_t)b[p] << 24 | (uint32_t)b[p + 1] << 16 | (uint32_t)b[p + 2] << 8 |
                       b[p + 3];
        char type[5];
        for (int k = 0; k < 4; k++) {
            uint8_t ch = b[p + 4 + k];
            type[k] = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ? (char)ch : '?';
        }
        type[4] = '\0';
        if ((uint64_t)len + 12 > n - p) {
            snprintf(why, whylen,
                     "'%s' parçası %u bayt diyor, dosyada %zu bayt kalmış (dosya kesik ya da bozuk)",
                     type, len, n - p < 12 ? 0 : n - p - 12);
            return -1;
        }
        if (memcmp(b + p + 4, "IEND", 4) == 0) return 0;
        p += 12 + (size_t)len;
    }
    return 0;
}

/* Yol gerçekten okunabilir bir dosya mı? Değilse err'i doldurur; boyunu *size'a yazar. */
static int check_file(const char *path, long long *size, char *err, size_t errlen) {
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
    if ((unsigned long long)st.st_size > IMAGE_MAX_FILE_BYTES) {
        snprintf(err, errlen, "görüntü dosyası '%s' %lld MB; en çok %d MB okunur", path,
                 (long long)st.st_size >> 20, (int)(IMAGE_MAX_FILE_BYTES >> 20));
        return -1;
    }
    *size = (long long)st.st_size;
    return 0;
}

/* Dosyanın tamamını belleğe okur (boyu check_file'da sınırlandı). */
static uint8_t *read_whole(const char *path, size_t *n, char *err, size_t errlen) {
    long long size;
    if (check_file(path, &size, err, errlen) != 0) return NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "görüntü dosyası '%s' açılamadı: %s", path, tr_strerror(errno));
        return NULL;
    }
    uint8_t *buf = xmalloc((size_t)size);
    size_t got = fread(buf, 1, (size_t)size, f);
    fclose(f);
    if (got != (size_t)size) {
        free(buf);
        snprintf(err, errlen, "görüntü dosyası '%s' okunamadı (%zu/%lld bayt)", path, got, size);
        return NULL;
    }
    *n = got;
    return buf;
}

/* Bellekteki dosyanın biçimini ve boyutlarını denetler (çözmeden). */
static int info_mem(const char *name, const uint8_t *b, size_t n, ImgFormat *fmt, int *w, int *h,
                    int *c, char *err, size_t errlen) {
    *fmt = sniff_format(b, n);
    if (*fmt == FMT_REFUSED) {
        snprintf(err, errlen,
                 "'%s' bir %s dosyası; yalnızca PNG, JPEG, BMP, GIF ve TGA okunur (dosya adının "
                 "uzantısı değil, içeriği belirler)", name, refused_format(b, n));
        return -1;
    }
    if (*fmt == FMT_UNKNOWN) {
        snprintf(err, errlen,
                 "'%s' tanınan bir görüntü değil: ilk baytları PNG, JPEG, BMP, GIF ya da TGA "
                 "dosyasına benzemiyor", name);
        return -1;
    }
    if (n > (size_t)INT32_MAX) {   /* stb uzunluğu int alır; check_file zaten sınırlar */
        snprintf(err, errlen, "'%s' çok büyük", name);
        return -1;
    }
    char why[256];
    if (*fmt == FMT_JPEG && image_jpeg_check(b, n, why, sizeof why) != 0) {
        snprintf(err, errlen, "'%s' bozuk bir JPEG: %s", name, why);
        return -1;
    }
    if (*fmt == FMT_PNG && png_check(b, n, why, sizeof why) != 0) {
        snprintf(err, errlen, "'%s' bozuk bir PNG: %s", name, why);
        return -1;
    }
    if (!stbi_info_from_memory(b, (int)n, w, h, c)) {
        decode_error(name, *fmt, err, errlen);
        return -1;
    }
    if (*w < 1 || *h < 1 || *w > IMAGE_MAX_SIDE || *h > IMAGE_MAX_SIDE ||
        (long long)*w * *h > g_max_pixels) {
        snprintf(err, errlen,
                 "'%s': görüntü boyutu %dx%d (%lld piksel) desteklenmiyor: kenar en çok %d, "
                 "toplam en çok %ld piksel (önce küçültün)", name, *w, *h, (long long)*w * *h,
                 IMAGE_MAX_SIDE, g_max_pixels);
        return -1;
    }
    /* Bir biçim bir baytı belli bir sayıdan çok piksele açamaz: PNG'nin deflate'i en çok
     * ~1032 kat (1 bitlik gri PNG'de bayt başına 8 piksel: ~8300), GIF'in LZW'si ~2700,
     * JPEG ~512 (progresif, yalnız DC), BMP ve TGA'nın RLE'si ~128. 1 KB'lık bir TGA
     * 1536x1277 "söylüyorsa" kesik ya da bozuktur: çözüp MB'larca çöp üretmeyiz. */
    static const long long max_ratio[] = {1, 8448, 1024, 256, 4096, 256, 1};
    if ((long long)*w * *h > (long long)n * max_ratio[*fmt]) {
        snprintf(err, errlen,
                 "'%s': başlık %dx%d diyor ama dosya yalnızca %zu bayt; bu kadar veri o kadar "
                 "pikseli taşıyamaz (%s dosyası kesik ya da bozuk)", name, *w, *h, n,
                 fmt_name[*fmt]);
        return -1;
    }
    return 0;
}

int image_info(const char *path, int *w, int *h, int *c, char *err, size_t errlen) {
    size_t n;
    uint8_t *b = read_whole(path, &n, err, errlen);
    if (!b) return -1;
    ImgFormat fmt;
    int rc = info_mem(path, b, n, &fmt, w, h, c, err, errlen);
    free(b);
    return rc;
}

int image_decode_mem(const char *name, const uint8_t *buf, size_t n, int want_c, Image *out,
                     char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    if (want_c != 0 && want_c != 1 && want_c != 3) {
        snprintf(err, errlen, "image_load: kanal sayısı %d desteklenmiyor (0, 1 ya da 3)", want_c);
        return -1;
    }
    ImgFormat fmt;
    int w, h, c;
    if (info_mem(name, buf, n, &fmt, &w, &h, &c, err, errlen) != 0) return -1;
    int w2, h2, c2;
    uint8_t *px = stbi_load_from_memory(buf, (int)n, &w2, &h2, &c2, want_c);
    if (!px) {
        decode_error(name, fmt, err, errlen);
        return -1;
    }
    if (w2 != w || h2 != h || c2 < 1 || c2 > 4) {   /* başlık ile çözülen tutmalı */
        stbi_image_free(px);
        snprintf(err, errlen, "'%s': başlık %dx%d diyor, çözülen görüntü %dx%d", name, w, h, w2,
                 h2);
        return -1;
    }
    out->w = w;
    out->h = h;
    out->c = want_c ? want_c : c2;
    /* stb'nin belleğini kendi belleğimize taşırız: image_free tek bir free() olsun. */
    size_t sz = (size_t)w * h * out->c;
    out->px = xmalloc(sz);
    memcpy(out->px, px, sz);
    stbi_image_free(px);
    return 0;
}

int image_load(const char *path, int want_c, Image *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    size_t n;
    uint8_t *b = read_whole(path, &n, err, errlen);
    if (!b) return -1;
    int rc = image_decode_mem(path, b, n, want_c, out, err, errlen);
    free(b);
    return rc;
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
