/* drawpad.c — tuvalde çizilen rakamı okumak (bkz. drawpad.h). */
#include "lesson/drawpad.h"
#include <string.h>
#include "nn/activation.h"

DrawVerdict drawpad_prepare(const uint8_t *gray, int w, int h, DrawResult *r) {
    memset(r, 0, sizeof *r);
    r->digit = -1;
    if (handwriting_from_gray("tuval", gray, w, h, r->img, &r->info, r->err, sizeof r->err) != 0)
        return r->verdict = DRAW_EMPTY;
    for (int i = 0; i < HW_SIDE * HW_SIDE; i++) r->x[i] = r->img[i] / 255.0f;
    int bw = r->info.bx1 - r->info.bx0, bh = r->info.by1 - r->info.by0;
    float side = (float)(bw > bh ? bw : bh);
    if (side < DRAW_DOT_RATIO * r->info.stroke) return r->verdict = DRAW_DOT;
    /* Ham tuvalde mürekkep (koyu kalem, v < 128) ve kutusu */
    long n = 0;
    int x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            int v = gray[(size_t)y * w + x];
            if (v >= 128) continue;
            n++;
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
        }
    if (n == 0) return r->verdict = DRAW_EMPTY;
    long L = (x1 - x0 > y1 - y0 ? x1 - x0 : y1 - y0) + 1;
    r->ink = (float)((double)n / ((double)L * L));
    /* Hazırlık kâğıdı çoğunluk sayar: tuvalin yarısından çoğu koyuysa kutbu ters bulur
     * (ters çevirmez, beyaz zemini mürekkep sanar). Tuvalde bu ancak bir karalamadır. */
    if (!r->info.inverted) return r->verdict = DRAW_SCRIBBLE;
    if (r->ink > DRAW_MAX_INK) return r->verdict = DRAW_SCRIBBLE;
    return r->verdict = DRAW_OK;
}

void drawpad_classify(Net *net, DrawResult *r) {
    const float *z = net_forward(net, r->x, 1, 0);
    memcpy(r->logits, z, sizeof r->logits);
    softmax_forward(r->probs, r->logits, 1, 10);
    r->digit = 0;
    for (int k = 1; k < 10; k++)
        if (r->probs[k] > r->probs[r->digit]) r->digit = k;
    r->top = r->probs[r->digit];
    if (r->verdict == DRAW_OK && r->top < DRAW_MIN_TOP) r->verdict = DRAW_UNSURE;
}

const char *drawpad_verdict_text(DrawVerdict v) {
    switch (v) {
    case DRAW_OK: return "okundu";
    case DRAW_EMPTY: return "Tuval boş: bir rakam çizin.";
    case DRAW_DOT: return "Bu bir nokta ya da kısa bir çizgi; rakam olarak okuyamıyorum.";
    case DRAW_SCRIBBLE: return "Bu bir karalama gibi: mürekkep kutusunun çoğunu kaplıyor; okuyamıyorum. (Çok küçük yazdıysanız daha büyük yazın.)";
    case DRAW_UNSURE: return "Emin değilim: ağ hiçbir rakama yeterince güvenmiyor.";
    }
    return "?";
}
