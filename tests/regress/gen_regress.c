/* gen_regress.c — tests/regress/ altındaki kötü görüntü dosyalarını üretir (bir kez
 * çalıştırılıp çıktıları depoya konmuştur; `make check` bunları okuyuculara verir).
 *   cc -Icommon -I/usr/include/stb -o /tmp/gen tests/regress/gen_regress.c -lstb -lz
 *   /tmp/gen tests/regress
 * Her dosya, Debian bookworm'un stb_image 2.27'sindeki bir hatayı ya da bir kaynak
 * tüketme yolunu hedefler (bkz. tests/regress/README.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "stb_image_write.h"

static char g_dir[512];
static void put(const char *name, const void *d, size_t n) {
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", g_dir, name);
    FILE *f = fopen(p, "wb");
    if (!f || fwrite(d, 1, n, f) != n || fclose(f) != 0) {
        perror(p);
        exit(1);
    }
    printf("%s: %zu bayt\n", p, n);
}

static unsigned char g_jpg[65536];
static size_t g_jn;
static void jpg_sink(void *ctx, void *data, int size) {
    (void)ctx;
    memcpy(g_jpg + g_jn, data, (size_t)size);
    g_jn += (size_t)size;
}

/* PNG parçası (chunk): uzunluk, tür, veri, CRC-32 */
static size_t png_chunk(unsigned char *o, const char *type, const unsigned char *d, size_t n) {
    o[0] = n >> 24; o[1] = n >> 16; o[2] = n >> 8; o[3] = n;
    memcpy(o + 4, type, 4);
    if (n) memcpy(o + 8, d, n);
    uLong c = crc32(0, o + 4, (uInt)(n + 4));
    o[8 + n] = c >> 24; o[9 + n] = c >> 16; o[10 + n] = c >> 8; o[11 + n] = c;
    return 12 + n;
}

int main(int argc, char **argv) {
    snprintf(g_dir, sizeof g_dir, "%s", argc > 1 ? argv[1] : ".");
    /* 1. Radiance HDR, adı .jpg: RLE sayacı 0 olan satır; stb 2.27 sonsuza dek döner
     *    (CVE-2021-42715). */
    const char hdr[] = "#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 2 +X 8\n\x02\x02\x00\x08";
    put("hdr_rle_dongu.jpg", hdr, sizeof hdr - 1);
    /* 2. 16 bitlik PGM, adı .png: 3 kanala çevrilirken stb 2.27 belleğin dışını okur
     *    (CVE-2021-42716). */
    unsigned char pgm[64];
    int k = snprintf((char *)pgm, sizeof pgm, "P5\n4 4\n65535\n");
    for (int i = 0; i < 32; i++) pgm[k + i] = (unsigned char)(i * 7);
    put("pgm16.png", pgm, (size_t)k + 32);
    /* Geçerli küçük bir JPEG (16x16, gri desen) — aşağıdakilerin tabanı */
    unsigned char px[16 * 16];
    for (int i = 0; i < 256; i++) px[i] = (unsigned char)((i % 16) * 16);
    stbi_write_jpg_to_func(jpg_sink, NULL, 16, 16, 1, px, 90);
    /* 3. JPEG, ilk bölümü 654 kodlu bir Huffman tablosu (256'dan çok): stb 2.27 tablonun
     *    dışına yazar (stb #1289/#1291). */
    unsigned char dht[4 + 1 + 16 + 654];
    static const unsigned char counts[16] = {0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 99, 99, 99, 99, 255};
    size_t L = 2 + 1 + 16 + 654;
    dht[0] = 0xFF; dht[1] = 0xC4; dht[2] = (unsigned char)(L >> 8); dht[3] = (unsigned char)L;
    dht[4] = 0x00;
    memcpy(dht + 5, counts, 16);
    for (int i = 0; i < 654; i++) dht[21 + i] = (unsigned char)(i * 13);
    unsigned char *j3 = malloc(g_jn + sizeof dht);
    memcpy(j3, g_jpg, 2);
    memcpy(j3 + 2, dht, sizeof dht);
    memcpy(j3 + 2 + sizeof dht, g_jpg + 2, g_jn - 2);
    put("jpeg_dht_654.jpg", j3, g_jn + sizeof dht);
    free(j3);
    /* 4. JPEG'in başlığı (SOF0) 16384x16384 diyor: birkaç yüz bayt, eskiden 1,6 GB ve 14 s */
    unsigned char *j4 = malloc(g_jn);
    memcpy(j4, g_jpg, g_jn);
    for (size_t i = 2; i + 8 < g_jn; i++)
        if (j4[i] == 0xFF && j4[i + 1] == 0xC0) {
            j4[i + 5] = 0x40; j4[i + 6] = 0x00;   /* yükseklik 16384 */
            j4[i + 7] = 0x40; j4[i + 8] = 0x00;   /* genişlik 16384 */
            break;
        }
    put("jpeg_16384.jpg", j4, g_jn);
    /* 5. Kesik JPEG: ilk 100 bayt (görüntü başlığından önce biter); eskiden "PNG imzası bozuk" */
    put("jpeg_kesik.jpg", g_jpg, 100);
    free(j4);
    /* 6. PNG'nin başlığı (IHDR) 16000x16000 RGB diyor, verisi birkaç bayt */
    unsigned char png[256], ihdr[13] = {0, 0, 0x3E, 0x80, 0, 0, 0x3E, 0x80, 8, 2, 0, 0, 0};
    size_t pn = 0;
    memcpy(png, "\x89PNG\r\n\x1a\n", 8);
    pn = 8;
    pn += png_chunk(png + pn, "IHDR", ihdr, 13);
    unsigned char raw[64] = {0}, z[128];
    uLongf zn = sizeof z;
    compress(z, &zn, raw, sizeof raw);
    pn += png_chunk(png + pn, "IDAT", z, zn);
    pn += png_chunk(png + pn, "IEND", NULL, 0);
    put("png_16000.png", png, pn);
    return 0;
}
