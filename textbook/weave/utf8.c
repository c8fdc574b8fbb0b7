/* utf8.c — UTF-8 kod noktaları, Türkçe küçük harfe indirme ve Türkçe alfabe sırası. */
#include "weave.h"

/* s'den bir kod noktası okur, *len bayt sayısı. Bozuk bayt: kendisi, 1 bayt. */
uint32_t u8_get(const char *s, int *len) {
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) { *len = 1; return u[0]; }
    if ((u[0] & 0xE0) == 0xC0 && (u[1] & 0xC0) == 0x80) {
        *len = 2;
        return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
    if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        *len = 3;
        return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
    if ((u[0] & 0xF8) == 0xF0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
        (u[3] & 0xC0) == 0x80) {
        *len = 4;
        return ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
               ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    }
    *len = 1;
    return u[0];
}

/* Türkçe küçük harfe indirme: I -> ı, İ -> i, Ç -> ç, Ğ -> ğ, Ö -> ö, Ş -> ş, Ü -> ü. */
uint32_t tr_fold(uint32_t c) {
    if (c == 'I') return 0x131;
    if (c >= 'A' && c <= 'Z') return c + 32;
    switch (c) {
    case 0x130: return 'i';
    case 0xC7: return 0xE7;
    case 0x11E: return 0x11F;
    case 0xD6: return 0xF6;
    case 0x15E: return 0x15F;
    case 0xDC: return 0xFC;
    case 0xC2: return 0xE2;
    case 0xCE: return 0xEE;
    case 0xDB: return 0xFB;
    default: return c;
    }
}

/* Harf mi? (ASCII harf/rakam/_ ya da ASCII dışı her kod noktası — Türkçe harfler dahil) */
int is_wordc(uint32_t c) { return c >= 0x80 || isalnum((int)c) || c == '_'; }

/* Türkçe alfabe sırası: a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z */
static int tr_rank(uint32_t c) {
    static const uint32_t abc[] = {'a', 'b', 'c', 0xE7, 'd', 'e', 'f', 'g', 0x11F, 'h', 0x131,
                                   'i', 'j', 'k', 'l', 'm', 'n', 'o', 0xF6, 'p', 'q', 'r', 's',
                                   0x15F, 't', 'u', 0xFC, 'v', 'w', 'x', 'y', 'z'};
    c = tr_fold(c);
    for (int i = 0; i < (int)(sizeof abc / sizeof abc[0]); i++)
        if (abc[i] == c) return 1000 + i;
    if (c == 0xE2) return 1000; /* â ~ a */
    if (c == 0xEE) return 1011; /* î ~ i */
    if (c == 0xFB) return 1025; /* û ~ u */
    return (int)c < 1000 ? (int)c : 2000 + (int)c;
}

/* Türkçe alfabe sırasıyla karşılaştırma (sözlük bölümü için). */
int wv_tr_cmp(const char *a, const char *b) {
    while (*a && *b) {
        int la, lb;
        int ra = tr_rank(u8_get(a, &la)), rb = tr_rank(u8_get(b, &lb));
        if (ra != rb) return ra < rb ? -1 : 1;
        a += la;
        b += lb;
    }
    return (*a != 0) - (*b != 0);
}
