/* fuzz_image.c — görüntü okuyucu (image_decode_mem: biçim denetimi, JPEG DHT denetimi,
 * boyut sınırı, stb_image 2.27 — burada ASan'la derlenmiş kaynağından) ve başarılı
 * çözümde boyutlandırma. İstenen kanal sayısı girdinin boyundan seçilir. */
#include "fuzz.h"
#include "data/image.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    image_set_max_pixels(1L << 20);   /* 1 milyon piksel: girdi başına süre kısa kalsın */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
    static const int wants[3] = {0, 1, 3};
    Image im, rs;
    char err[1024];
    if (image_decode_mem("fuzz", d, n, wants[n % 3], &im, err, sizeof err) == 0) {
        if (im.w < 1 || im.h < 1 || im.c < 1 || im.c > 4) abort();
        if (image_resize(&im, 7, 5, &rs, err, sizeof err) == 0) image_free(&rs);
        image_free(&im);
    }
    return 0;
}
