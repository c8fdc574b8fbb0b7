/* sys/resource.h (yalnızca WebAssembly derlemesi için) — WASI'de süreç kaynakları yok.
 * common/core/util.c'nin peak_rss_kb'si için getrusage bildirilir; textbook/web/wasm_libs.c'deki
 * karşılığı -1 döner (ölçülemez). */
#ifndef DOAA_WASM_SYS_RESOURCE_SHIM_H
#define DOAA_WASM_SYS_RESOURCE_SHIM_H
#include <sys/time.h>
#define RUSAGE_SELF 0
struct rusage {
    struct timeval ru_utime, ru_stime;
    long ru_maxrss;
};
int getrusage(int who, struct rusage *ru);
#endif
