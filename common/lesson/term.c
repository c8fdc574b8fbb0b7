/* term.c — UTF-8 sütun sayımı ve hizalama (bkz. term.h). */
#include "lesson/term.h"

int term_cols_n(const char *s, int nbytes) {
    int w = 0;
    for (int i = 0; i < nbytes; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) w++;
    return w;
}

int term_cols(const char *s) {
    int cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80) cols++;
    return cols;
}

void term_fpad(FILE *out, const char *s, int w) {
    fputs(s, out);
    for (int cols = term_cols(s); cols < w; cols++) fputc(' ', out);
}

void term_pad(const char *s, int w) { term_fpad(stdout, s, w); }

void term_rpad(const char *s, int w) {
    for (int cols = term_cols(s); cols < w; cols++) putchar(' ');
    fputs(s, stdout);
}
