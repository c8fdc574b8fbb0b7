/* show.c — rakamları metin resim olarak basmak (bkz. show.h). */
#include "lesson/show.h"
#include <string.h>
#include "lesson/term.h"

static const char RAMP[] = " .:-=+*#%@";

char show_pixel_char(uint8_t p) { return RAMP[(p * 10) / 256]; }

/* Başlığı en çok maxw ekran karakteri olacak şekilde (harf ortasından bölmeden)
 * keser ve sağını boşlukla doldurur. */
static void print_cap(FILE *out, const char *cap, int maxw) {
    int n = (int)strlen(cap), used = 0, w = 0;
    while (used < n) {
        int len = 1;
        unsigned char c = (unsigned char)cap[used];
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        if (used + len > n || w + 1 > maxw) break;
        used += len;
        w++;
    }
    fwrite(cap, 1, (size_t)used, out);
    for (int k = term_cols_n(cap, used); k < maxw; k++) fputc(' ', out);
}

void show_digits(FILE *out, const uint8_t *const *imgs, const char *const *caps, int n, int rows,
                 int cols) {
    const char *gap = "  ";
    if (caps) {
        for (int i = 0; i < n; i++) {
            if (i) fputs(gap, out);
            print_cap(out, caps[i] ? caps[i] : "", cols + 2);
        }
        fputc('\n', out);
    }
    for (int i = 0; i < n; i++) {   /* üst çerçeve */
        if (i) fputs(gap, out);
        fputc('+', out);
        for (int c = 0; c < cols; c++) fputc('-', out);
        fputc('+', out);
    }
    fputc('\n', out);
    for (int r = 0; r < rows; r += 2) {   /* bir metin satırı = iki piksel satırı */
        for (int i = 0; i < n; i++) {
            if (i) fputs(gap, out);
            fputc('|', out);
            for (int c = 0; c < cols; c++) {
                int p = imgs[i][r * cols + c];
                if (r + 1 < rows && imgs[i][(r + 1) * cols + c] > p) p = imgs[i][(r + 1) * cols + c];
                fputc(show_pixel_char((uint8_t)p), out);
            }
            fputc('|', out);
        }
        fputc('\n', out);
    }
    for (int i = 0; i < n; i++) {   /* alt çerçeve */
        if (i) fputs(gap, out);
        fputc('+', out);
        for (int c = 0; c < cols; c++) fputc('-', out);
        fputc('+', out);
    }
    fputc('\n', out);
}
