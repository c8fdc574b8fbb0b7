/* wasm_libs.c — WebAssembly derlemesinde sistem kütüphanelerinin yerine geçenler.
 * Yerel derlemede bunlar -lz ve -lstb'den gelir; wasm'da aynı kaynaklar buradan derlenir.
 *   crc32: zlib'inkiyle aynı sonuç (tablosuz, bit bit; model başına bir kez çalışır)
 *   getrusage, mkstemp, fchmod: WASI'de yok; -1 döner (tarayıcıda ölçüm ve dosya yazma yok)
 *   threads_adapt: boş (tek iş parçacığı; core/threads.c derlenmez)
 *   stb_image_resize: handwriting.c'nin 20x20'ye küçültmesi (Debian'ın libstb-dev başlığı) */
#include <errno.h>
#include <stddef.h>
#include <sys/resource.h>
#include "zlib.h"

/* Tarayıcıda süreç kaynağı ve dosyaya yazma yok (bkz. shim/sys/resource.h, shim/wasm_compat.h) */
int getrusage(int who, struct rusage *ru) {
    (void)who;
    (void)ru;
    errno = ENOTSUP;
    return -1;
}
int mkstemp(char *tmpl) {
    (void)tmpl;
    errno = ENOTSUP;
    return -1;
}
int fchmod(int fd, mode_t mode) {
    (void)fd;
    (void)mode;
    errno = ENOTSUP;
    return -1;
}

uLong crc32(uLong crc, const unsigned char *buf, uInt len) {
    unsigned int c = (unsigned int)crc ^ 0xFFFFFFFFu;
    for (uInt i = 0; i < len; i++) {
        c ^= buf[i];
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

/* core/threads.c'nin yerine: tarayıcıda tek iş parçacığı var, uyarlanacak bir sayı yok.
 * (threads.c /proc/stat okur ve saat ister; gemm her çağrıda threads_adapt'ı çağırır, o da
 * threads_auto_begin çağrılmadıkça hiçbir şey yapmaz — burada hiç çağrılmaz.) */
void threads_adapt(void) {}

#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include "stb_image_resize.h"
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_HDR
#define STBI_NO_LINEAR
#include "stb_image.h"
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include "stb_image_write.h"
