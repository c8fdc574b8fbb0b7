/*
 * adlar.c — ders kitabının "Ad üret" sayfası için WebAssembly arayüzü: lesson16'nın
 * karakter düzeyindeki GPT'si (common/model/gpt.c; köy ve mahalle adlarıyla eğitilmiş)
 * Türkçe "gibi" yer adları uydurur.
 *
 * Model dosyası, lesson16'nın kaydettiği .ckpt'nin aynısıdır ve common/'un kendi yükleyicisiyle
 * (gpt_load -> ckpt_load) okunur: JavaScript dosyayı bellekte bir "/model.ckpt" dosyası
 * olarak sunar (textbook/web/adlar.js'deki küçük WASI dosya sistemi).
 *   ad_load()                     "/model.ckpt"yi yükler (0 / -1; ad_error() Türkçe neden;
 *                                 yerel derlemede ad_load_path(yol))
 *   ad_sample(sıcaklık, tohum)    bir ad üretir ('\n' görünce durur); UTF-8 metin döner
 * Üretim lesson16'nın --prompt kipindeki gibidir: ad başı simgesi '\n', ardından her adımda
 * softmax(z / sıcaklık)'tan bir karakter (common/nn/sample.c), KV önbelleğiyle (gpt_step).
 */
#include <stdlib.h>
#include <string.h>
#include "core/rng.h"
#include "data/charcorpus.h"
#include "model/gpt.h"
#include "nn/sample.h"

#ifdef __wasm__
#define AD_EXPORT(name) __attribute__((export_name(#name), visibility("default")))
#else
#define AD_EXPORT(name)   /* yerel derleme: tests/test_web.c eşlik için aynı kodu çağırır */
#endif
#define AD_MAX 40   /* bir adın en çok karakter sayısı */

static Gpt g_m;
static GptCache g_kc;
static CharVocab g_voc;
static int g_loaded, g_nl;
static char g_err[1024], g_out[AD_MAX * 4 + 1];

AD_EXPORT(ad_error) const char *ad_error(void) { return g_err; }

int ad_load_path(const char *path) {
    char dname[16];
    static uint32_t vocab[CHARVOCAB_MAX];
    if (gpt_load(&g_m, path, 1, dname, vocab, g_err, sizeof g_err) != 0) return -1;
    g_voc.V = g_m.cfg.V;
    memcpy(g_voc.cp, vocab, (size_t)g_voc.V * sizeof(uint32_t));
    g_nl = charvocab_id(&g_voc, '\n');
    if (strcmp(dname, "names") != 0 || g_nl < 0) {
        snprintf(g_err, sizeof g_err, "model.ckpt adlar derlemiyle eğitilmemiş (veri=%s)", dname);
        gpt_free(&g_m);
        return -1;
    }
    gpt_cache_alloc(&g_kc, &g_m);
    g_loaded = 1;
    return 0;
}
/* Tarayıcıda model, JavaScript'in bellekte sunduğu "/model.ckpt" dosyasıdır (textbook/web/rakam.js). */
AD_EXPORT(ad_load) int ad_load(void) { return ad_load_path("/model.ckpt"); }

AD_EXPORT(ad_sample) const char *ad_sample(float temperature, unsigned int seed) {
    g_out[0] = '\0';
    if (!g_loaded) return g_out;
    int V = g_m.cfg.V, ids[AD_MAX], n = 0;
    float *logits = malloc((size_t)V * sizeof(float)), *p = malloc((size_t)V * sizeof(float));
    Rng r;
    rng_seed(&r, seed);
    gpt_cache_reset(&g_kc);
    gpt_step(&g_m, &g_kc, g_nl, logits);
    while (n < AD_MAX && g_kc.pos < g_m.cfg.T) {
        sample_probs(p, logits, V, temperature, 0, 0.0f);
        int id = sample_pick(p, V, rng_uniform(&r));
        if (id == g_nl) break;
        ids[n++] = id;
        if (g_kc.pos < g_m.cfg.T) gpt_step(&g_m, &g_kc, id, logits);
    }
    charvocab_decode(&g_voc, ids, n, g_out, sizeof g_out);
    free(logits);
    free(p);
    return g_out;
}
