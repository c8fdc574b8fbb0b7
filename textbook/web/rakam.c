/*
 * rakam.c — ders kitabının "Rakam çiz" sayfası için WebAssembly arayüzü.
 *
 * common/'un C kodu (yoğun katman, evrişim, havuzlama, etkinlikler, model yükleme,
 * MNIST biçimine hazırlık) olduğu gibi wasm'a derlenir; bu dosya yalnızca JavaScript'in
 * çağırdığı küçük işlevleri dışa açar (export). Aynı dosya yerel olarak da derlenir
 * (tests/test_web.c ve eşlik sınaması): tarayıcıdaki ve terminaldeki program aynıdır.
 *
 * İKİ AĞ (yuva, slot): 0 = lesson02'nin MLP'si, 1 = lesson04'ün CNN'i.
 *   rk_buf(n)                       wasm belleğinde n baytlık yer (JS buraya kopyalar)
 *   rk_load(yuva, yığın)            model dosyasını (JS'nin bellekte sunduğu /lesson02_mlp.model
 *                                   ya da /lesson04_cnn.model) net_load ile yükler
 *                                   (0 / -1; rk_error() Türkçe neden)
 *   rk_read(yuva, gri, w, h)        tuvalin gri piksellerini okur: karar (DrawVerdict);
 *                                   sonra rk_img() 28x28, rk_probs() 10 olasılık, rk_digit()
 *   rk_fmaps(yuva)                  ilk evrişim katmanının ReLU sonrası öznitelik haritaları
 *                                   (rk_fmap_c/h/w şekli; MLP'de 0)
 *   rk_forward(yuva, x, B)          (B,784) girişten (B,10) logit (eşlik sınaması için)
 */
#include <stdlib.h>
#include <string.h>
#include "lesson/drawpad.h"
#include "model/net.h"

#ifdef __wasm__
#define RK_EXPORT(name) __attribute__((export_name(#name), visibility("default")))
#else
#define RK_EXPORT(name)
#endif

#define RK_SLOTS 2
static Net g_net[RK_SLOTS];
static int g_loaded[RK_SLOTS];
static char g_err[1024];
static DrawResult g_r;

RK_EXPORT(rk_buf) void *rk_buf(int n) { return n > 0 ? malloc((size_t)n) : NULL; }
RK_EXPORT(rk_free) void rk_free(void *p) { free(p); }
RK_EXPORT(rk_error) const char *rk_error(void) { return g_err; }

static Net *slot_net(int slot) {
    if (slot < 0 || slot >= RK_SLOTS || !g_loaded[slot]) {
        snprintf(g_err, sizeof g_err, "yuva %d'de yüklü model yok", slot);
        return NULL;
    }
    return &g_net[slot];
}

/* Model, JavaScript'in bellekte sunduğu dosyadır ("/lesson02_mlp.model" ya da
 * "/lesson04_cnn.model", bkz. rakam.js): common/'un kendi yükleyicisi net_load okur. */
RK_EXPORT(rk_load) int rk_load(int slot, int max_batch) {
    if (slot < 0 || slot >= RK_SLOTS || max_batch < 1) {
        snprintf(g_err, sizeof g_err, "rk_load: geçersiz argüman");
        return -1;
    }
    if (g_loaded[slot]) net_free(&g_net[slot]);
    g_loaded[slot] = 0;
    const char *name = slot == 0 ? "/lesson02_mlp.model" : "/lesson04_cnn.model";
    if (net_load(&g_net[slot], name, max_batch, g_err, sizeof g_err) != 0) return -1;
    if (g_net[slot].in_c != 1 || g_net[slot].in_h != 28 || g_net[slot].in_w != 28 ||
        net_out_size(&g_net[slot]) != 10) {
        snprintf(g_err, sizeof g_err, "%s: 1x28x28 girişli, 10 çıkışlı bir rakam modeli değil", name);
        net_free(&g_net[slot]);
        return -1;
    }
    g_loaded[slot] = 1;
    return 0;
}

RK_EXPORT(rk_read) int rk_read(int slot, const unsigned char *gray, int w, int h) {
    Net *net = slot_net(slot);
    if (!net) return -1;
    /* Okunamaz (nokta, karalama) girdide de ağın ham cevabı hesaplanır: sayfa onu
     * soluk gösterir ("ağ her girdiye bir cevap verir"); karar yine okunamaz kalır. */
    if (drawpad_prepare(gray, w, h, &g_r) != DRAW_EMPTY) drawpad_classify(net, &g_r);
    return (int)g_r.verdict;
}

RK_EXPORT(rk_img) const unsigned char *rk_img(void) { return g_r.img; }
RK_EXPORT(rk_probs) const float *rk_probs(void) { return g_r.probs; }
RK_EXPORT(rk_logits) const float *rk_logits(void) { return g_r.logits; }
RK_EXPORT(rk_digit) int rk_digit(void) { return g_r.digit; }
RK_EXPORT(rk_top) float rk_top(void) { return g_r.top; }
RK_EXPORT(rk_ink) float rk_ink(void) { return g_r.ink; }
RK_EXPORT(rk_verdict_text) const char *rk_verdict_text(int v) {
    return drawpad_verdict_text((DrawVerdict)v);
}

/* İlk evrişim katmanının ardındaki ReLU'nun çıkışı (son ileri geçişin ilk örneği). */
static const Layer *first_conv_relu(int slot) {
    Net *net = slot_net(slot);
    if (!net || net->n < 2 || net->L[0].kind != LAYER_CONV2D || net->L[1].kind != LAYER_RELU)
        return NULL;
    return &net->L[1];
}
RK_EXPORT(rk_fmaps) const float *rk_fmaps(int slot) {
    const Layer *l = first_conv_relu(slot);
    return l ? l->act : NULL;
}
RK_EXPORT(rk_fmap_c) int rk_fmap_c(int slot) {
    const Layer *l = first_conv_relu(slot);
    return l ? l->out_c : 0;
}
RK_EXPORT(rk_fmap_h) int rk_fmap_h(int slot) {
    const Layer *l = first_conv_relu(slot);
    return l ? l->out_h : 0;
}
RK_EXPORT(rk_fmap_w) int rk_fmap_w(int slot) {
    const Layer *l = first_conv_relu(slot);
    return l ? l->out_w : 0;
}

RK_EXPORT(rk_forward) const float *rk_forward(int slot, const float *x, int B) {
    Net *net = slot_net(slot);
    if (!net || B < 1 || B > net->max_batch) return NULL;
    return net_forward(net, x, B, 0);
}
