/* gpt.c — bkz. gpt.h */
#include "model/gpt.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "core/gemm.h"
#include "core/threads.h"
#include "core/util.h"
#include "model/ckpt.h"
#include "nn/attention.h"
#include "nn/embed.h"

static void mark(unsigned char *d, const float *base, const float *p, size_t n) {
    memset(d + (p - base), 1, n);
}

void gpt_build(Gpt *m, const GptConfig *c, int maxB, uint64_t seed) {
    memset(m, 0, sizeof *m);
    if (c->NL < 1 || c->NL > GPT_MAXL || c->C % c->NH) die("gpt_build: geçersiz yapılandırma");
    m->cfg = *c;
    int V = c->V, C = c->C, T = c->T;
    m->lcfg = (TfLayerCfg){.C = C, .NH = c->NH, .FF = c->FF, .cross = 0, .residual = 1, .norm = 1,
                           .act = TF_ACT_GELU};
    Params *P = &m->P;
    params_init(P);
    params_add(P, "wte", &m->W.wte, &m->G.wte, (size_t)V * C);
    params_add(P, "wpe", &m->W.wpe, &m->G.wpe, (size_t)T * C);
    for (int l = 0; l < c->NL; l++) {
        char name[16];
        snprintf(name, sizeof name, "h%d", l);
        tf_layer_params(P, name, &m->lcfg, &m->W.h[l], &m->G.h[l]);
    }
    params_add(P, "lnf_g", &m->W.lnf_g, &m->G.lnf_g, C);
    params_add(P, "lnf_b", &m->W.lnf_b, &m->G.lnf_b, C);
    params_alloc(P);
    Rng r;
    rng_seed(&r, seed);
    /* GPT-2 gibi: gömmeler N(0, 0,02²); küçük başlangıç skorları -> kayıp ≈ ln V */
    embedding_init(m->W.wte, V, C, 0.02f, &r);
    embedding_init(m->W.wpe, T, C, 0.02f, &r);
    for (int l = 0; l < c->NL; l++) tf_layer_init(&m->W.h[l], &m->lcfg, &r);
    for (int i = 0; i < C; i++) m->W.lnf_g[i] = 1.0f;
    /* Ağırlık azaltma maskesi: yalnız matrisler (gömmeler, W_Q/K/V/O, W1, W2) */
    m->decay = xcalloc(P->n, 1);
    mark(m->decay, P->params, m->W.wte, (size_t)V * C);
    mark(m->decay, P->params, m->W.wpe, (size_t)T * C);
    for (int l = 0; l < c->NL; l++) {
        MhaParams mp;
        mha_params_point(&mp, m->W.h[l].attn, C, C);
        mark(m->decay, P->params, mp.wq, (size_t)C * C);
        mark(m->decay, P->params, mp.wk, (size_t)C * C);
        mark(m->decay, P->params, mp.wv, (size_t)C * C);
        mark(m->decay, P->params, mp.wo, (size_t)C * C);
        mark(m->decay, P->params, m->W.h[l].w1, (size_t)C * c->FF);
        mark(m->decay, P->params, m->W.h[l].w2, (size_t)C * c->FF);
    }
    m->maxB = maxB;
    size_t btc = (size_t)maxB * T * C, btv = (size_t)maxB * T * V;
    for (int l = 0; l < c->NL; l++) tf_acts_alloc(&m->a[l], &m->lcfg, maxB, T, T);
    for (int l = 0; l <= c->NL; l++) m->x[l] = xcalloc(btc, 4);
    m->lnf = xcalloc(btc, 4), m->dA = xcalloc(btc, 4), m->dB = xcalloc(btc, 4);
    m->mf = xcalloc((size_t)maxB * T, 4), m->rf = xcalloc((size_t)maxB * T, 4);
    m->logits = xcalloc(btv, 4), m->dlogits = xcalloc(btv, 4);
    m->ids = xcalloc((size_t)maxB * T, sizeof(int));
    m->causal = xmalloc((size_t)T * T);
}

void gpt_free(Gpt *m) {
    for (int l = 0; l < m->cfg.NL; l++) tf_acts_free(&m->a[l]);
    for (int l = 0; l <= m->cfg.NL; l++) free(m->x[l]);
    free(m->lnf), free(m->dA), free(m->dB), free(m->mf), free(m->rf), free(m->logits), free(m->dlogits);
    free(m->ids), free(m->causal), free(m->decay);
    params_free(&m->P);
    memset(m, 0, sizeof *m);
}

void gpt_forward(Gpt *m, const int *ids, int B, int T) {
    const GptConfig *c = &m->cfg;
    int C = c->C, V = c->V;
    if (B < 1 || B > m->maxB || T < 1 || T > c->T) die("gpt_forward: B=%d T=%d sınır dışı", B, T);
    m->B = B, m->T = T;
    memcpy(m->ids, ids, (size_t)B * T * sizeof(int));
    /* x0 (B,T,C) = E[id] + P[t] */
    embedding_forward(m->x[0], ids, m->W.wte, B, T, V, C);
    posenc_add(m->x[0], m->W.wpe, B, T, C);
    causal_mask(m->causal, T);
    for (int l = 0; l < c->NL; l++)
        tf_layer_forward(m->x[l + 1], &m->a[l], &m->W.h[l], m->x[l], NULL, B, T, 0, m->causal, NULL, NULL);
    layernorm_forward(m->lnf, m->mf, m->rf, m->x[c->NL], m->W.lnf_g, m->W.lnf_b, B, T, C);
    /* z (BT,V) = h (BT,C) · E^T   (E (V,C)) */
    gemm(0, 1, B * T, V, C, 1.0f, m->lnf, C, m->W.wte, C, 0.0f, m->logits, V);
}

double gpt_loss(Gpt *m, const int *targets, int from) {
    int B = m->B, T = m->T, V = m->cfg.V;
    long cnt = (long)B * (T - from);
    if (from < 0 || from >= T) die("gpt_loss: from=%d", from);
    double L = 0;
    for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++) {
            size_t i = (size_t)b * T + t;
            const float *z = m->logits + i * V;
            float *d = m->dlogits + i * V;
            if (t < from) {
                memset(d, 0, (size_t)V * sizeof(float));
                continue;
            }
            float mx = z[0];
            for (int v = 1; v < V; v++) mx = z[v] > mx ? z[v] : mx;
            double s = 0;
            for (int v = 0; v < V; v++) s += exp((double)z[v] - mx);
            int y = targets[i];
            L += log(s) - ((double)z[y] - mx);
            /* ∂L/∂z_v = (p_v - [v = y]) / sayı */
            for (int v = 0; v < V; v++) d[v] = (float)((exp((double)z[v] - mx) / s - (v == y)) / cnt);
        }
    return L / cnt;
}

void gpt_backward(Gpt *m) {
    const GptConfig *c = &m->cfg;
    int B = m->B, T = m->T, C = c->C, V = c->V, BT = B * T;
    size_t btc = (size_t)BT * C;
    float *dh = m->dA, *dcur = m->dB;
    /* z = h E^T:  dh = dz E ;  dE += dz^T h */
    gemm(0, 0, BT, C, V, 1.0f, m->dlogits, V, m->W.wte, C, 0.0f, dh, C);
    gemm(1, 0, V, C, BT, 1.0f, m->dlogits, V, m->lnf, C, 1.0f, m->G.wte, C);
    memset(dcur, 0, btc * sizeof(float));
    layernorm_backward(dcur, m->G.lnf_g, m->G.lnf_b, dh, m->x[c->NL], m->W.lnf_g, m->mf, m->rf, B, T, C);
    float *dnext = dh;
    for (int l = c->NL - 1; l >= 0; l--) {
        memset(dnext, 0, btc * sizeof(float));
        tf_layer_backward(dnext, NULL, &m->G.h[l], dcur, &m->a[l], &m->W.h[l]);
        float *t = dcur;
        dcur = dnext;
        dnext = t;
    }
    /* x0 = E[id] + P[t] */
    embedding_backward(m->G.wte, dcur, m->ids, B, T, V, C);
    for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++)
            for (int i = 0; i < C; i++) m->G.wpe[(size_t)t * C + i] += dcur[((size_t)b * T + t) * C + i];
}

double gpt_loss_backward_split(Gpt *m, Gpt *rep, const int *x, const int *y, int B, int T) {
    int B1 = B / 2, B2 = B - B1;
    if (B1 < 1 || B1 > m->maxB || B2 > rep->maxB || rep->P.n != m->P.n || memcmp(&rep->cfg, &m->cfg, sizeof m->cfg))
        die("gpt_loss_backward_split: B=%d, modeller uyumsuz", B);
    memcpy(rep->P.params, m->P.params, m->P.n * sizeof(float));
    params_zero_grad(&rep->P);
    Gpt *mm[2] = {m, rep};
    int bb[2] = {B1, B2};
    double L[2];
    int nt = 1;
#ifdef _OPENMP
    threads_adapt(); /* paralel bölgenin içinde gemm bunu yapamaz: burada, dışarıda */
    nt = omp_get_max_threads() >= 2 ? 2 : 1;
#endif
#pragma omp parallel for num_threads(nt) schedule(static, 1)
    for (int h = 0; h < 2; h++) {
        Gpt *g = mm[h];
        size_t off = (size_t)(h ? B1 : 0) * T;
        gpt_forward(g, x + off, bb[h], T);
        L[h] = gpt_loss(g, y + off, 0);
        /* yarının ortalama kaybının gradyanı x B_h/B = bütün yığının ortalamasına payı */
        float k = (float)bb[h] / (float)B, *d = g->dlogits;
        size_t n = (size_t)bb[h] * T * g->cfg.V;
        for (size_t i = 0; i < n; i++) d[i] *= k;
        gpt_backward(g);
    }
    float *gm = m->P.grads;
    const float *gr = rep->P.grads;
    for (size_t i = 0; i < m->P.n; i++) gm[i] += gr[i];
    return (L[0] * B1 + L[1] * B2) / B;
}

void gpt_cache_alloc(GptCache *k, const Gpt *m) {
    memset(k, 0, sizeof *k);
    for (int l = 0; l < m->cfg.NL; l++) tf_cache_alloc(&k->kc[l], &m->lcfg, 1, m->cfg.T, 1);
    k->x = xcalloc((size_t)m->cfg.C, 4);
    k->h = xcalloc((size_t)m->cfg.C, 4);
}
void gpt_cache_free(GptCache *k, const Gpt *m) {
    for (int l = 0; l < m->cfg.NL; l++) tf_cache_free(&k->kc[l]);
    free(k->x), free(k->h);
}
void gpt_cache_reset(GptCache *k) { k->pos = 0; }

void gpt_step(const Gpt *m, GptCache *k, int id, float *logits) {
    const GptConfig *c = &m->cfg;
    int C = c->C;
    if (k->pos >= c->T) die("gpt_step: bağlam dolu (%d konum)", c->T);
    if (id < 0 || id >= c->V) die("gpt_step: simge %d sözlük dışı", id);
    for (int i = 0; i < C; i++) k->x[i] = m->W.wte[(size_t)id * C + i] + m->W.wpe[(size_t)k->pos * C + i];
    for (int l = 0; l < c->NL; l++) tf_layer_step(k->x, &k->kc[l], &m->W.h[l], k->x, 1, k->pos);
    float mean, rstd;
    layernorm_forward(k->h, &mean, &rstd, k->x, m->W.lnf_g, m->W.lnf_b, 1, 1, C);
    for (int v = 0; v < c->V; v++) { /* z_v = h · E[v]  (tek satır: gemm'siz) */
        const float *e = m->W.wte + (size_t)v * C;
        float z = 0;
#pragma omp simd reduction(+ : z)
        for (int i = 0; i < C; i++) z += k->h[i] * e[i];
        logits[v] = z;
    }
    k->pos++;
}

int gpt_save(const Gpt *m, const char *path, const char *data_name, const uint32_t *vocab, char *err,
             size_t errlen) {
    const GptConfig *c = &m->cfg;
    /* act: ileri beslemenin aktivasyonu (1 = GELU); ReLU'lu eski kayıtlar yüklenmez */
    CkptInt conf[] = {{"V", c->V},   {"C", c->C}, {"NH", c->NH},        {"FF", c->FF},
                      {"NL", c->NL}, {"T", c->T}, {"act", TF_ACT_GELU}};
    size_t cap = 32 + (size_t)c->V * 9;
    char *meta = xmalloc(cap);
    size_t k = (size_t)snprintf(meta, cap, "veri=%s\n", data_name);
    for (int i = 0; i < c->V; i++) k += (size_t)snprintf(meta + k, cap - k, "U+%04X ", (unsigned)vocab[i]);
    int rc = ckpt_save(path, "gpt-char", conf, 7, meta, &m->P, err, errlen);
    free(meta);
    return rc;
}

int gpt_load(Gpt *m, const char *path, int maxB, char *data_name, uint32_t *vocab, char *err,
             size_t errlen) {
    Ckpt ck;
    if (ckpt_open(&ck, path, "gpt-char", err, errlen) != 0) return -1;
    const char *keys[7] = {"V", "C", "NH", "FF", "NL", "T", "act"};
    int64_t v[7], lo[7] = {2, 4, 1, 4, 1, 2, TF_ACT_GELU}, hi[7] = {512, 1024, 64, 8192, GPT_MAXL, 1024, TF_ACT_GELU};
    for (int i = 0; i < 7; i++)
        if (ckpt_get_int(&ck, keys[i], lo[i], hi[i], &v[i], err, errlen) != 0) {
            ckpt_close(&ck);
            return -1;
        }
    if (v[1] % v[2] != 0) {
        snprintf(err, errlen, "model dosyası '%s': C=%lld, NH=%lld'ye bölünmüyor", path, (long long)v[1],
                 (long long)v[2]);
        ckpt_close(&ck);
        return -1;
    }
    /* meta: "veri=<ad>\n" + V tane "U+XXXX " */
    const char *p = ck.meta ? ck.meta : "";
    int ok = !strncmp(p, "veri=", 5);
    if (ok) {
        p += 5;
        int n = 0;
        while (*p && *p != '\n' && n < 15) data_name[n++] = *p++;
        data_name[n] = 0;
        ok = *p == '\n' && n > 0;
        p++;
        for (int i = 0; ok && i < v[0]; i++) {
            unsigned cp;
            int used = 0;
            ok = sscanf(p, "U+%x %n", &cp, &used) == 1 && used > 0 && cp <= 0x10FFFF &&
                 (i == 0 || cp > vocab[i - 1]);
            vocab[i] = cp;
            p += used;
        }
        ok = ok && *p == 0;
    }
    if (!ok) {
        snprintf(err, errlen, "model dosyası '%s': meta bilgisi (veri adı ve %lld simgelik sözlük) bozuk", path,
                 (long long)v[0]);
        ckpt_close(&ck);
        return -1;
    }
    GptConfig c = {.V = (int)v[0], .C = (int)v[1], .NH = (int)v[2], .FF = (int)v[3], .NL = (int)v[4],
                   .T = (int)v[5]};
    gpt_build(m, &c, maxB, 1);
    int rc = ckpt_read_params(&ck, &m->P, err, errlen);
    ckpt_close(&ck);
    if (rc != 0) gpt_free(m);
    return rc;
}
