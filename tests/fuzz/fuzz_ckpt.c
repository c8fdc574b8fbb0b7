/* fuzz_ckpt.c — checkpoint (ckpt_open, ckpt_get_int, ckpt_read_params; DOAACKPT biçimi).
 * Model, boyutlarını dosyadaki "n1", "n2" sayılarından kurar (dersler gibi); sağlama çoğu
 * girdide düzeltilir (bkz. fuzz.h). */
#include "fuzz.h"
#include "model/ckpt.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
    uint8_t *f = fuzz_fix_crc(d, n);
    const char *p = fuzz_path("ckpt");
    fuzz_write(p, f, n);
    free(f);
    Ckpt c;
    char err[1024];
    if (ckpt_open(&c, p, NULL, err, sizeof err) != 0) return 0;
    int64_t n1, n2;
    if (ckpt_get_int(&c, "n1", 1, 4096, &n1, err, sizeof err) == 0 &&
        ckpt_get_int(&c, "n2", 1, 4096, &n2, err, sizeof err) == 0) {
        Params P;
        float *a, *b;
        params_init(&P);
        params_add(&P, "a", &a, NULL, (size_t)n1);
        params_add(&P, "b", &b, NULL, (size_t)n2);
        params_alloc(&P);
        ckpt_read_params(&c, &P, err, sizeof err);
        params_free(&P);
    }
    ckpt_close(&c);
    return 0;
}
