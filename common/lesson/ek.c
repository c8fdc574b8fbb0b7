/* ek.c — sayıdan sonra gelen Türkçe ek (bkz. ek.h). */
#include "lesson/ek.h"
#include <stdio.h>
#include <string.h>

static const char *const BIRLER[10] = {"", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"};
static const char *const ONLAR[10] = {"", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan"};

/* Rakam dizisinin [b, e) okunuşunun son sözcüğü: en sağdaki sıfır olmayan rakamın basamağı. */
static const char *last_word_digits(const char *b, const char *e) {
    int p = 0;
    for (const char *q = e; q > b; q--, p++) {
        int d = q[-1] - '0';
        if (d == 0) continue;
        if (p == 0) return BIRLER[d];
        if (p == 1) return ONLAR[d];
        if (p == 2) return "yüz";
        if (p < 6) return "bin";
        if (p < 9) return "milyon";
        return "milyar";
    }
    return "sıfır";
}

const char *tr_son_sozcuk(const char *num) {
    const char *s = num;
    while (*s == ' ' || *s == '-' || *s == '+' || *s == '%') s++;
    const char *ib = s, *ie = s;
    while ((*ie >= '0' && *ie <= '9') || *ie == ' ') ie++; /* "1 234" gibi binlik boşluklar */
    if (*ie == '.' || *ie == ',') {
        const char *fb = ie + 1, *fe = fb;
        while (*fe >= '0' && *fe <= '9') fe++;
        int nz = 0;
        for (const char *q = fb; q < fe; q++) nz |= *q != '0';
        if (nz) return last_word_digits(fb, fe);
    }
    /* binlik boşlukları atlayarak tam kısım */
    char buf[64];
    size_t n = 0;
    for (const char *q = ib; q < ie && n < sizeof buf; q++)
        if (*q != ' ') buf[n++] = *q;
    return last_word_digits(buf, buf + n);
}

const char *tr_ek(const char *num, EkTur t) {
    const char *w = tr_son_sozcuk(num);
    /* son ünlü: kalın/ince, düz/yuvarlak (UTF-8'de ı ö ü iki bayt) */
    int back = 0, round = 0, vowel_end = 0;
    size_t n = strlen(w);
    for (size_t i = 0; i < n;) {
        int v = 0;
        if (w[i] == 'a') v = 1, back = 1, round = 0;
        else if (w[i] == 'e' || w[i] == 'i') v = 1, back = 0, round = 0;
        else if (w[i] == 'o' || w[i] == 'u') v = 1, back = 1, round = 1;
        else if (!strncmp(w + i, "ı", 2)) v = 2, back = 1, round = 0;
        else if (!strncmp(w + i, "ö", 2) || !strncmp(w + i, "ü", 2)) v = 2, back = 0, round = 1;
        size_t len = v == 2 || ((unsigned char)w[i] >= 0x80) ? 2 : 1;
        vowel_end = v != 0 && i + len == n;
        i += len;
    }
    /* [tür][ünlüyle bitiyor mu][kalın mı][yuvarlak mı]; aynı printf'te iki kez çağrılabilsin
     * diye sabit dizgiler döner */
    static const char *const EK[4][2][2][2] = {
        {{{"i", "ü"}, {"ı", "u"}}, {{"si", "sü"}, {"sı", "su"}}},
        {{{"i", "ü"}, {"ı", "u"}}, {{"yi", "yü"}, {"yı", "yu"}}},
        {{{"in", "ün"}, {"ın", "un"}}, {{"nin", "nün"}, {"nın", "nun"}}},
        {{{"e", "e"}, {"a", "a"}}, {{"ye", "ye"}, {"ya", "ya"}}},
    };
    return EK[t][vowel_end][back][round];
}

const char *tr_ek_int(long n, EkTur t) {
    char b[32];
    snprintf(b, sizeof b, "%ld", n);
    return tr_ek(b, t);
}

const char *tr_ek_f(double x, int decimals, EkTur t) {
    char b[64];
    snprintf(b, sizeof b, "%.*f", decimals, x);
    return tr_ek(b, t);
}
