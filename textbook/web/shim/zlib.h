/* zlib.h (yalnızca WebAssembly derlemesi için) — common/'un zlib'den kullandığı tek işlev
 * crc32'dir (model dosyalarının sağlaması). Tarayıcıda zlib yok; aynı CRC-32 (IEEE 802.3,
 * ters çevrilmiş polinom 0xEDB88320) textbook/web/wasm_libs.c'de yazılıdır. */
#ifndef DOAA_WASM_ZLIB_SHIM_H
#define DOAA_WASM_ZLIB_SHIM_H
typedef unsigned int uInt;
typedef unsigned long uLong;
uLong crc32(uLong crc, const unsigned char *buf, uInt len);
#endif
