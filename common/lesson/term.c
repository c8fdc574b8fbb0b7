/* term.c — UTF-8 sütun sayımı ve hizalama (bkz. term.h). */
#include "lesson/term.h"

#include <string.h>

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

/* Bir satırı (içinde '\n' yok) sözcük sınırlarından böler. col: satırda şimdiye dek
 * kullanılan sütun (önek dahil). Sözcükler arasındaki tek boşluk satır sonunda yutulur;
 * width'ten uzun tek bir sözcük bölünmez, kendi satırına taşar. */
static void wrap_line(FILE *out, const char *s, const char *end, int col, int indent, int width) {
    int at_start = 1; /* satırda henüz metin yok (önek/girinti sayılmaz) */
    while (s < end) {
        const char *sp = s; /* sözcükten önceki boşluklar */
        while (s < end && *s == ' ') s++;
        const char *w = s;
        while (s < end && *s != ' ') s++;
        int nsp = term_cols_n(sp, (int)(w - sp)), nw = term_cols_n(w, (int)(s - w));
        if (w == s) break; /* satır sonundaki boşluklar basılmaz */
        if (!at_start && col + nsp + nw > width) {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
            nsp = 0;
        }
        fprintf(out, "%.*s%.*s", nsp ? (int)(w - sp) : 0, sp, (int)(s - w), w);
        col += nsp + nw;
        at_start = 0;
    }
}

void term_wrap(FILE *out, const char *prefix, const char *text, int indent, int width) {
    fputs(prefix, out);
    int col = term_cols(prefix);
    for (;;) {
        const char *nl = strchr(text, '\n');
        const char *end = nl ? nl : text + strlen(text);
        wrap_line(out, text, end, col, indent, width);
        fputc('\n', out);
        if (!nl) break;
        text = nl + 1;
        fprintf(out, "%*s", indent, "");
        col = indent;
    }
}
