/* fuzz.h — bulanık sınama (fuzzing) hedeflerinin ortak yardımcıları (libFuzzer).
 * Her hedef bir okuyucuya rastgele baytlar verir; okuyucu ya kabul etmeli ya da -1
 * ve bir hata mesajıyla dönmeli: çökme, sızıntı, takılma, sınırsız ayırma yok.
 * Okuyucuların çoğu dosya yolu alır: girdi önce süreç başına bir geçici dosyaya yazılır. */
#ifndef DOAA_FUZZ_H
#define DOAA_FUZZ_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* /tmp altında bu sürece özgü bir yol (tag: "idx", "model" ...) */
static inline const char *fuzz_path(const char *tag) {
    static char p[4][128];
    static int k;
    char *b = p[k++ & 3];
    snprintf(b, sizeof p[0], "/tmp/doaa_fuzz_%s_%d", tag, (int)getpid());
    return b;
}

static inline void fuzz_write(const char *path, const uint8_t *d, size_t n) {
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (n && fwrite(d, 1, n, f) != n) abort();
    if (fclose(f) != 0) abort();
}

/* Model/checkpoint dosyalarının son 4 baytı önceki her şeyin CRC-32'sidir (küçük-sonlu).
 * Rastgele baytlar sağlamadan hiç geçemezdi: girdilerin çoğunda sağlama düzeltilir, böylece
 * bulanıklaştırıcı sağlamanın ardındaki ayrıştırmayı da dener; n % 8 == 0 olanlarda
 * düzeltilmez (sağlama hatası yolu). out, n baytlık bir kopya olur. */
static inline uint8_t *fuzz_fix_crc(const uint8_t *d, size_t n) {
    uint8_t *o = malloc(n ? n : 1);
    if (!o) abort();
    if (n) memcpy(o, d, n);
    if (n >= 4 && n % 8 != 0) {
        uint32_t c = (uint32_t)crc32(0L, o, (uInt)(n - 4));
        o[n - 4] = (uint8_t)c;
        o[n - 3] = (uint8_t)(c >> 8);
        o[n - 2] = (uint8_t)(c >> 16);
        o[n - 1] = (uint8_t)(c >> 24);
    }
    return o;
}
#endif
