/* wasm_compat.h (yalnızca WebAssembly derlemesi için; -include ile her dosyanın başına) —
 * wasi-libc'de olmayan, common/'un dosya yazma yollarının çağırdığı POSIX işlevleri.
 * Tarayıcıda dosyaya yazılmaz: textbook/web/wasm_libs.c'deki karşılıkları -1 döner (errno ENOTSUP). */
#ifndef DOAA_WASM_COMPAT_H
#define DOAA_WASM_COMPAT_H
#include <sys/types.h>
int mkstemp(char *tmpl);
int fchmod(int fd, mode_t mode);
#endif
