/* fuzz_handwriting.c — el yazısı hazırlığı (handwriting_from_gray): ilk 4 bayt genişlik
 * ve yükseklik (1..1100; HW_WORK_SIDE'dan büyükler küçültme yolunu da sınar), kalanı
 * gri pikseller (kısa girdide tekrarlanır). */
#include "fuzz.h"
#include "data/handwriting.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
    if (n < 5) return 0;
    int w = 1 + ((d[0] << 8 | d[1]) % 1100), h = 1 + ((d[2] << 8 | d[3]) % 1100);
    size_t np = (size_t)w * h, m = n - 4;
    uint8_t *g = malloc(np);
    if (!g) abort();
    for (size_t i = 0; i < np; i++) g[i] = d[4 + i % m];
    uint8_t out[HW_SIDE * HW_SIDE];
    HandwritingInfo info;
    char err[1024];
    if (handwriting_from_gray("fuzz", g, w, h, out, &info, err, sizeof err) == 0) {
        if (info.fit_w < 1 || info.fit_w > HW_BOX || info.fit_h < 1 || info.fit_h > HW_BOX) abort();
        if (info.off_x < 0 || info.off_y < 0 || info.off_x + info.fit_w > HW_SIDE ||
            info.off_y + info.fit_h > HW_SIDE)
            abort();
    }
    free(g);
    return 0;
}
