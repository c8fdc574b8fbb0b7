/* fuzz_model.c — model dosyası (net_load; DOAAMODL biçimi). Sağlama (CRC-32) çoğu girdide
 * düzeltilir (bkz. fuzz.h). Kabul edilen model bir kez ileri geçirilir: okuyucunun kabul
 * ettiği her mimari kendi içinde tutarlı olmalı. */
#include "fuzz.h"
#include "model/net.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
    uint8_t *f = fuzz_fix_crc(d, n);
    const char *p = fuzz_path("model");
    fuzz_write(p, f, n);
    free(f);
    Net net;
    char err[1024];
    if (net_load(&net, p, 1, err, sizeof err) == 0) {
        size_t in = net_in_size(&net);
        if (in < 1 || in > (1u << 24)) abort();
        float *x = calloc(in, sizeof(float));
        if (!x) abort();
        net_forward(&net, x, 1, 0);
        free(x);
        net_free(&net);
    }
    return 0;
}
