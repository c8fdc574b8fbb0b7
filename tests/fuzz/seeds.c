/* seeds.c — bulanık sınama hedeflerinin başlangıç girdileri (corpus): her okuyucu için
 * birkaç geçerli dosya, kendi yazıcılarımızla üretilir (depoya ikili dosya girmez).
 *   build/fuzz/seeds DİZİN   ->  DİZİN/idx, image, handwriting, quiz, model, ckpt */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include "doaa.h"
#include "stb_image_write.h"

static char g_root[512];

static const char *path(const char *sub, const char *name) {
    static char p[1024];
    snprintf(p, sizeof p, "%s/%s", g_root, sub);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/%s/%s", g_root, sub, name);
    return p;
}
static void put(const char *sub, const char *name, const void *d, size_t n) {
    FILE *f = fopen(path(sub, name), "wb");
    if (!f || (n && fwrite(d, 1, n, f) != n) || fclose(f) != 0) die("'%s' yazılamadı", name);
}
static void put_file(const char *sub, const char *name, const char *from) {
    FILE *f = fopen(from, "rb");
    if (!f) return;
    static unsigned char b[1 << 16];
    size_t n = fread(b, 1, sizeof b, f);
    fclose(f);
    put(sub, name, b, n);
}

int main(int argc, char **argv) {
    if (argc != 2) die("kullanım: seeds DİZİN");
    snprintf(g_root, sizeof g_root, "%s", argv[1]);
    mkdir(g_root, 0755);
    char err[512];
    /* IDX: 3 görüntülük 2x2, 5 etiket, 2 boyutlu */
    unsigned char idx3[16 + 12] = {0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2};
    for (int i = 0; i < 12; i++) idx3[16 + i] = (unsigned char)(i * 20);
    put("idx", "images.idx", idx3, sizeof idx3);
    unsigned char idx1[8 + 5] = {0, 0, 8, 1, 0, 0, 0, 5, 1, 2, 3, 4, 9};
    put("idx", "labels.idx", idx1, sizeof idx1);
    unsigned char idx2[12 + 6] = {0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6};
    put("idx", "matrix.idx", idx2, sizeof idx2);
    /* Görüntüler: her biçimden küçük örnekler */
    unsigned char px[24 * 17 * 4];
    for (size_t i = 0; i < sizeof px; i++) px[i] = (unsigned char)((i * 37) ^ (i >> 3));
    stbi_write_png(path("image", "g.png"), 5, 4, 1, px, 5);
    stbi_write_png(path("image", "rgb.png"), 9, 7, 3, px, 27);
    stbi_write_png(path("image", "rgba.png"), 6, 6, 4, px, 24);
    stbi_write_jpg(path("image", "g.jpg"), 8, 8, 1, px, 50);
    stbi_write_jpg(path("image", "rgb.jpg"), 17, 9, 3, px, 75);
    stbi_write_bmp(path("image", "rgb.bmp"), 7, 5, 3, px);
    stbi_write_bmp(path("image", "rgba.bmp"), 4, 3, 4, px);
    stbi_write_tga_with_rle = 0;
    stbi_write_tga(path("image", "raw.tga"), 6, 4, 3, px);
    stbi_write_tga_with_rle = 1;
    stbi_write_tga(path("image", "rle.tga"), 6, 4, 4, px);
    static const unsigned char gif[] = "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00"
                                       ",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;";
    put("image", "1x1.gif", gif, sizeof gif - 1);
    static const char *reg[] = {"hdr_rle_dongu.jpg", "pgm16.png", "jpeg_dht_654.jpg",
                                "jpeg_16384.jpg", "jpeg_kesik.jpg", "png_16000.png"};
    for (size_t i = 0; i < sizeof reg / sizeof reg[0]; i++) {
        char from[256];
        snprintf(from, sizeof from, "tests/regress/%s", reg[i]);
        put_file("image", reg[i], from);
    }
    /* El yazısı: 4 bayt (genişlik-1, yükseklik-1; büyük-sonlu) + açık kağıtta koyu bir "1" */
    unsigned char hw[4 + 40 * 30];
    hw[0] = 0; hw[1] = 39; hw[2] = 0; hw[3] = 29;
    for (int y = 0; y < 30; y++)
        for (int x = 0; x < 40; x++)
            hw[4 + y * 40 + x] = (x >= 18 && x <= 21 && y >= 5 && y <= 25) ? 20 : 220;
    put("handwriting", "bir.raw", hw, sizeof hw);
    /* Sınav cevapları (hedefteki 3 soru: c, 0.25, -1500.5) */
    put("quiz", "dogru.txt", "c\n0,25\n-1500.5\n", 15);
    put("quiz", "bom.txt", "\xEF\xBB\xBF# cevaplar\r\nC)\r\n0.25\r\n-1500\r\n", 34);
    put("quiz", "yanlis.txt", "a\n1e300\nnan\n", 12);
    /* Model dosyaları: küçük MLP ve CNN */
    Net n1;
    net_init(&n1, 1, 4, 4);
    net_dense(&n1, 5);
    net_relu(&n1);
    net_dropout(&n1, 0.5f);
    net_dense(&n1, 3);
    net_build(&n1, 1, 1);
    if (net_save(&n1, path("model", "mlp.model"), err, sizeof err) != 0) die("%s", err);
    net_free(&n1);
    net_init(&n1, 1, 8, 8);
    net_conv2d(&n1, 2, 3, 1, 1);
    net_relu(&n1);
    net_maxpool2d(&n1, 2);
    net_flatten(&n1);
    net_dense(&n1, 4);
    net_sigmoid(&n1);
    net_dense(&n1, 2);
    net_tanh(&n1);
    net_build(&n1, 1, 2);
    if (net_save(&n1, path("model", "cnn.model"), err, sizeof err) != 0) die("%s", err);
    net_free(&n1);
    /* Checkpoint: tür "fuzz", n1=3, n2=5 */
    Params P;
    float *a, *b;
    params_init(&P);
    params_add(&P, "a", &a, NULL, 3);
    params_add(&P, "b", &b, NULL, 5);
    params_alloc(&P);
    for (int i = 0; i < 3; i++) a[i] = 0.5f * (float)i;
    for (int i = 0; i < 5; i++) b[i] = -1.0f + (float)i;
    CkptInt conf[3] = {{"n1", 3}, {"n2", 5}, {"V", 96}};
    if (ckpt_save(path("ckpt", "k.ckpt"), "fuzz", conf, 3, "meta: ağırlıklar", &P, err,
                  sizeof err) != 0)
        die("%s", err);
    params_free(&P);
    return 0;
}
