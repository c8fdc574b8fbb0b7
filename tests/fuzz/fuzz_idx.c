/* fuzz_idx.c — IDX okuyucu (idx_load): girdi hem düz dosya olarak hem de gzip ile
 * sıkıştırılıp okunur (başlığın söylediği ile dosyanın tutabileceği denetimi, iki yol). */
#include "fuzz.h"
#include "data/idx.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
    const char *plain = fuzz_path("idx"), *gz = fuzz_path("idx_gz");
    fuzz_write(plain, d, n);
    IdxArray a;
    char err[1024];
    if (idx_load(plain, &a, err, sizeof err) == 0) {
        if (a.size == 0 || !a.data) abort();
        idx_free(&a);
    } else if (!strstr(err, plain)) {
        abort();   /* hata dosyanın adını söylemeli */
    }
    gzFile g = gzopen(gz, "wb1");
    if (!g) abort();
    if (n) gzwrite(g, d, (unsigned)n);
    gzclose(g);
    if (idx_load(gz, &a, err, sizeof err) == 0) idx_free(&a);
    return 0;
}
