/*
 * lesson12 — Transformer: kodlayıcı (encoder) – kod çözücü (decoder), dikkat (attention)
 *            ve çapraz dikkat (cross-attention)
 *
 * Bu derste öğrenecekleriniz:
 *   - Ders 07–11'in parçalarının — maske, konumsal kodlama (positional encoding),
 *     ölçekli nokta çarpım dikkati (scaled dot-product attention),
 *     çok başlı dikkat (multi-head attention) — bir Transformer'da nasıl birleştiği.
 *     Kodlayıcı katmanı = öz dikkat (self-attention) + ileri besleme ağı (feed-forward
 *     network); kod çözücü katmanı = nedensel maskeli (causal mask) öz dikkat +
 *     çapraz dikkat + ileri besleme ağı. Her alt katmanın etrafında artık bağlantı
 *     (residual connection) ve katman normalizasyonu (layer normalization, LayerNorm)
 *     vardır. Dikkat hep aynı formüldür; değişen, sorgu (query), anahtar (key) ve
 *     değer vektörlerinin nereden geldiğidir.
 *   - Ders 06'nın GRU'su kaynağı tek bir vektöre sıkıştırıyordu (darboğaz,
 *     bottleneck); Transformer'ın kod çözücüsü her adımda kaynağın HER konumuna
 *     çapraz dikkatle bakar. Uzun dizilerde farkı doğruluk (accuracy) – uzunluk
 *     eğrisinde görmek.
 *   - Öğrenme oranı (learning rate) ısınması (warmup) ve kosinüs azalması; gradyan
 *     (gradient) kırpma.
 *   - Artık bağlantı ve LayerNorm'un neden gerektiği: daha derin bir modeli (6+6 katman)
 *     onlarla ve onlarsız eğitip kayıp (loss) eğrilerini ve katman katman gradyan
 *     büyüklüğünü ölçmek. (Eğitimin her adımı 32 dizilik bir yığınla (batch) atılır.)
 *   - Üretirken (çıkarım, inference) KV önbelleği (KV cache) ile adım adım çözme
 *     (decoding).
 *
 * Görevler ders 06 ile aynıdır ve aynı sabit test kümesi kullanılır (common/data/seqtask.h):
 *   1) 5..40 harflik rastgele dizileri TERS ÇEVİRME ("abcç" -> "çcba"),
 *   2) rakamla yazılmış sayıyı TÜRKÇE OKUNUŞUNA çevirme
 *      ("1 234 567" -> "bir milyon iki yüz otuz dört bin beş yüz altmış yedi").
 * Her karakter bir simgedir (token); simgeler gömme (embedding) tablolarından
 * vektörlere çevrilir. Bir görevin bütün simgeleri onun sözlüğüdür (vocabulary).
 *
 * Çalıştırma:  make lesson12 && ./lesson12         (tam eğitim, birkaç dakika)
 *              ./lesson12 --quick                   (kısa eğitim, testlerin kullandığı)
 *              ./lesson12 --translate "1 234"       (eğitilmiş modelle kendi sayınız)
 *              ./lesson12 --quiz                    (kendini sına)
 * Katmanın ileri/geri geçişi ve KV önbelleği common/model/transformer.c'dedir.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "doaa.h"
#include "data/seqtask.h"
#include "model/transformer.h"
#include "nn/attention.h"

#define NSTEPS 7
#define MAXL 8         /* en çok katman, her yanda */
#define BATCH 32
#ifndef MODEL_C
#define MODEL_C 64     /* model genişliği d_model */
#endif
#define MODEL_NH 4     /* baş sayısı */
#define MODEL_FF 128   /* ileri besleme ağının gizli genişliği */
#ifndef MODEL_NL
#define MODEL_NL 2     /* her yanda katman sayısı */
#endif
#ifndef REV_STEPS
#define REV_STEPS 4000 /* ters çevirme eğitim adımı */
#endif
#define REV_NSYM 10    /* ters çevirme alfabesi: Türk alfabesinin ilk 10 harfi (ders 06 ile aynı) */
#define REV_MIN 5
#define REV_MAX 40
#define NUM_MAX 9      /* sayı görevi: 1..9 rakam (ders 06 ile aynı) */
#define TEST_PER_LEN 100 /* test kümesinde her uzunluktan örnek (ders 06 ile aynı) */
#define VAL_PER_LEN 50   /* doğrulama (validation) kümesinde her uzunluktan örnek */
#define LR_FLOOR 0.1f      /* kosinüs azalmasının sonu f: η_max'ın bu katı (Adım 3) */
#define REV_LR_FLOOR 0.01f /* ters çevirmede f (doğrulamada seçildi, Adım 3) */
#ifndef REV_EXTRA
#define REV_EXTRA 8      /* ters çevirmede eğitim uzunluğu test uzunluğunu bu kadar aşar */
#endif

/* ======================================================================
 * Model: gömmeler + NL kodlayıcı katmanı + NL kod çözücü katmanı + çıkış
 * ====================================================================== */
typedef struct {
    int Vs, Vt;        /* kaynak ve hedef sözlük boyu */
    int C, NH, FF, NL; /* genişlik, baş, ileri besleme genişliği, her yandaki katman sayısı */
    int S, T;          /* en uzun kaynak / hedef (EOS dahil) */
    int residual, norm;
    int XL;            /* çapraz dikkat yalnız en üstteki XL kod çözücü katmanında (Adım 5) */
} TfConfig;

typedef struct {
    float *src_emb;            /* (Vs,C) kaynak simge gömmeleri */
    float *tgt_emb;            /* (Vt,C) hedef simge gömmeleri */
    TfLayerW enc[MAXL];        /* kodlayıcı katmanları */
    TfLayerW dec[MAXL];        /* kod çözücü katmanları */
    float *lne_g, *lne_b;      /* (C) kodlayıcının son LayerNorm'u */
    float *lnd_g, *lnd_b;      /* (C) kod çözücünün son LayerNorm'u */
    float *w_out, *b_out;      /* (C,Vt), (Vt) simge skorları */
} TfW;

typedef struct {
    TfConfig cfg;
    Params P;
    TfW W, G;
    TfLayerCfg ecfg, dcfg, dcfg_nx; /* kodlayıcı; çapraz dikkatli / dikkatsiz kod çözücü katmanı */
    TfLayerActs ea[MAXL], da[MAXL];
    int maxB, B, S, T;          /* son ileri geçişin (forward pass) boyutları */
    float *pe;                  /* (max(S,T), C) sinüslü konumsal kodlama */
    float *xe[MAXL + 1];        /* (B,S,C) kodlayıcı katman girdileri/çıktıları */
    float *xd[MAXL + 1];        /* (B,T,C) kod çözücü için aynısı */
    float *enc, *me, *re;       /* (B,S,C) kodlayıcı çıktısı (son LN sonrası); LN ortalama, 1/std */
    float *dec, *md, *rd;       /* (B,T,C) kod çözücü çıktısı; LN */
    float *logits;              /* (B,T,Vt) */
    float *dlogits;             /* (B,T,Vt) */
    float *dA, *dB, *ddec, *denc, *dE; /* geri geçiş tamponları */
    unsigned char *causal;      /* (T,T) */
    int *src, *din;             /* son ileri geçişin simgeleri (B,S), (B,T) */
    /* kayıp için sıkıştırılmış satırlar */
    float *pk_logits, *pk_probs, *pk_d;
    int *pk_lab, *pk_row;
} Tf;

/* l. kod çözücü katmanında çapraz dikkat var mı? (en üstteki XL katmanda) */
static int has_cross(const TfConfig *c, int l) { return l >= c->NL - c->XL; }
static const TfLayerCfg *dec_cfg(const Tf *m, int l) {
    return has_cross(&m->cfg, l) ? &m->dcfg : &m->dcfg_nx;
}

static void tf_build(Tf *m, const TfConfig *cfg, int maxB, uint64_t seed) {
    memset(m, 0, sizeof *m);
    m->cfg = *cfg;
    if (m->cfg.XL <= 0 || m->cfg.XL > cfg->NL) m->cfg.XL = cfg->NL;
    int C = cfg->C, S = cfg->S, T = cfg->T;
    m->ecfg = (TfLayerCfg){.C = C, .NH = cfg->NH, .FF = cfg->FF, .cross = 0,
                           .residual = cfg->residual, .norm = cfg->norm};
    m->dcfg = m->ecfg;
    m->dcfg.cross = 1;
    m->dcfg_nx = m->ecfg;
    Params *P = &m->P;
    params_init(P);
    params_add(P, "src_emb", &m->W.src_emb, &m->G.src_emb, (size_t)cfg->Vs * C);
    params_add(P, "tgt_emb", &m->W.tgt_emb, &m->G.tgt_emb, (size_t)cfg->Vt * C);
    for (int l = 0; l < cfg->NL; l++) {
        char name[16];
        snprintf(name, sizeof name, "enc%d", l);
        tf_layer_params(P, name, &m->ecfg, &m->W.enc[l], &m->G.enc[l]);
    }
    for (int l = 0; l < cfg->NL; l++) {
        char name[16];
        snprintf(name, sizeof name, "dec%d", l);
        tf_layer_params(P, name, dec_cfg(m, l), &m->W.dec[l], &m->G.dec[l]);
    }
    params_add(P, "lne_g", &m->W.lne_g, &m->G.lne_g, C);
    params_add(P, "lne_b", &m->W.lne_b, &m->G.lne_b, C);
    params_add(P, "lnd_g", &m->W.lnd_g, &m->G.lnd_g, C);
    params_add(P, "lnd_b", &m->W.lnd_b, &m->G.lnd_b, C);
    params_add(P, "w_out", &m->W.w_out, &m->G.w_out, (size_t)C * cfg->Vt);
    params_add(P, "b_out", &m->W.b_out, &m->G.b_out, cfg->Vt);
    params_alloc(P);
    Rng r;
    rng_seed(&r, seed);
    /* Gömmeler N(0, 1): sinüslü kodlamanın [-1, 1] değerleriyle aynı ölçekte */
    embedding_init(m->W.src_emb, cfg->Vs, C, 1.0f, &r);
    embedding_init(m->W.tgt_emb, cfg->Vt, C, 1.0f, &r);
    for (int l = 0; l < cfg->NL; l++) tf_layer_init(&m->W.enc[l], &m->ecfg, &r);
    for (int l = 0; l < cfg->NL; l++) tf_layer_init(&m->W.dec[l], dec_cfg(m, l), &r);
    for (int c = 0; c < C; c++) m->W.lne_g[c] = m->W.lnd_g[c] = 1.0f;
    dense_init_glorot(m->W.w_out, m->W.b_out, C, cfg->Vt, &r);

    m->maxB = maxB;
    int TM = S > T ? S : T;
    m->pe = xmalloc((size_t)TM * C * sizeof(float));
    posenc_sinusoid(m->pe, TM, C);
    size_t bsc = (size_t)maxB * S * C, btc = (size_t)maxB * T * C, btv = (size_t)maxB * T * cfg->Vt;
    for (int l = 0; l < cfg->NL; l++) {
        tf_acts_alloc(&m->ea[l], &m->ecfg, maxB, S, S);
        tf_acts_alloc(&m->da[l], dec_cfg(m, l), maxB, T, S);
    }
    for (int l = 0; l <= cfg->NL; l++) m->xe[l] = xcalloc(bsc, 4), m->xd[l] = xcalloc(btc, 4);
    m->enc = xcalloc(bsc, 4), m->denc = xcalloc(bsc, 4), m->dE = xcalloc(bsc, 4);
    m->me = xcalloc((size_t)maxB * S, 4), m->re = xcalloc((size_t)maxB * S, 4);
    m->dec = xcalloc(btc, 4), m->ddec = xcalloc(btc, 4);
    m->dA = xcalloc(btc > bsc ? btc : bsc, 4), m->dB = xcalloc(btc > bsc ? btc : bsc, 4);
    m->md = xcalloc((size_t)maxB * T, 4), m->rd = xcalloc((size_t)maxB * T, 4);
    m->logits = xcalloc(btv, 4), m->dlogits = xcalloc(btv, 4);
    m->pk_logits = xcalloc(btv, 4), m->pk_probs = xcalloc(btv, 4), m->pk_d = xcalloc(btv, 4);
    m->pk_lab = xcalloc((size_t)maxB * T, sizeof(int)), m->pk_row = xcalloc((size_t)maxB * T, sizeof(int));
    m->src = xcalloc((size_t)maxB * S, sizeof(int)), m->din = xcalloc((size_t)maxB * T, sizeof(int));
    m->causal = xmalloc((size_t)T * T);
    causal_mask(m->causal, T);
}

static void tf_free(Tf *m) {
    for (int l = 0; l < m->cfg.NL; l++) tf_acts_free(&m->ea[l]), tf_acts_free(&m->da[l]);
    for (int l = 0; l <= m->cfg.NL; l++) free(m->xe[l]), free(m->xd[l]);
    float *f[] = {m->pe, m->enc, m->denc, m->dE, m->me, m->re, m->dec, m->ddec, m->dA, m->dB, m->md,
                  m->rd, m->logits, m->dlogits, m->pk_logits, m->pk_probs, m->pk_d};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) free(f[i]);
    free(m->pk_lab), free(m->pk_row), free(m->src), free(m->din), free(m->causal);
    params_free(&m->P);
}

/* Gömme + konum: x (B,T,C) = emb[ids] + PE */
static void embed_pos(float *x, const int *ids, const float *emb, const float *pe, int B, int T, int V,
                      int C) {
    embedding_forward(x, ids, emb, B, T, V, C);
    posenc_add(x, pe, B, T, C);
}

/* Kodlayıcı: src (B,S) -> m->enc (B,S,C). Bütün kaynaklar aynı uzunlukta: dolgu (padding) yok. */
static void tf_encode(Tf *m, const int *src, int B, int S) {
    const TfConfig *c = &m->cfg;
    m->B = B, m->S = S;
    memcpy(m->src, src, (size_t)B * S * sizeof(int));
    embed_pos(m->xe[0], src, m->W.src_emb, m->pe, B, S, c->Vs, c->C);
    for (int l = 0; l < c->NL; l++)
        tf_layer_forward(m->xe[l + 1], &m->ea[l], &m->W.enc[l], m->xe[l], NULL, B, S, 0, NULL, NULL, NULL);
    if (c->norm) layernorm_forward(m->enc, m->me, m->re, m->xe[c->NL], m->W.lne_g, m->W.lne_b, B, S, c->C);
    else memcpy(m->enc, m->xe[c->NL], (size_t)B * S * c->C * sizeof(float));
}

/* Öğretmen zorlamalı (teacher forcing) tam ileri geçiş: din (B,T) = BOS + hedefin
 * bir kaydırılmışı -> logits (B,T,Vt). */
static void tf_forward(Tf *m, const int *src, int S, const int *din, int B, int T) {
    const TfConfig *c = &m->cfg;
    tf_encode(m, src, B, S);
    m->T = T;
    memcpy(m->din, din, (size_t)B * T * sizeof(int));
    embed_pos(m->xd[0], din, m->W.tgt_emb, m->pe, B, T, c->Vt, c->C);
    /* nedensel maske (causal mask) (T,T): tam boy maskenin sol üst köşesi değil, T'ye göre yeniden */
    causal_mask(m->causal, T);
    for (int l = 0; l < c->NL; l++)
        tf_layer_forward(m->xd[l + 1], &m->da[l], &m->W.dec[l], m->xd[l], has_cross(c, l) ? m->enc : NULL,
                         B, T, S, m->causal, NULL, NULL);
    if (c->norm) layernorm_forward(m->dec, m->md, m->rd, m->xd[c->NL], m->W.lnd_g, m->W.lnd_b, B, T, c->C);
    else memcpy(m->dec, m->xd[c->NL], (size_t)B * T * c->C * sizeof(float));
    dense_forward(m->logits, m->dec, m->W.w_out, m->W.b_out, B * T, c->C, c->Vt);
}

/* Kayıp: PAD olmayan hedef konumlarının ortalama çapraz entropisi (cross-entropy);
 * dlogits'i de yazar. Ayrıca simge doğruluğunu döndürür. */
static double tf_loss(Tf *m, const int *tgt, double *tok_acc) {
    int B = m->B, T = m->T, V = m->cfg.Vt, n = 0, right = 0;
    for (int i = 0; i < B * T; i++) {
        if (tgt[i] == SEQ_PAD) continue;
        memcpy(m->pk_logits + (size_t)n * V, m->logits + (size_t)i * V, V * sizeof(float));
        m->pk_lab[n] = tgt[i];
        m->pk_row[n++] = i;
    }
    double L = softmax_xent_forward(m->pk_probs, m->pk_logits, m->pk_lab, n, V);
    memset(m->pk_d, 0, (size_t)n * V * sizeof(float)); /* geri geçişler ekler: önce sıfır */
    softmax_xent_backward(m->pk_d, m->pk_probs, m->pk_lab, n, V);
    memset(m->dlogits, 0, (size_t)B * T * V * sizeof(float));
    for (int k = 0; k < n; k++) {
        memcpy(m->dlogits + (size_t)m->pk_row[k] * V, m->pk_d + (size_t)k * V, V * sizeof(float));
        const float *p = m->pk_probs + (size_t)k * V;
        int best = 0;
        for (int v = 1; v < V; v++)
            if (p[v] > p[best]) best = v;
        right += best == m->pk_lab[k];
    }
    if (tok_acc) *tok_acc = n ? (double)right / n : 0;
    return L;
}

/* Geri geçiş: m->dlogits'ten bütün parametre gradyanlarına (P.grads'a EKLENİR).
 * Biriktirme kuralı sayesinde kod çözücünün her katmanı aynı denc tamponuna ekler. */
static void tf_backward(Tf *m) {
    const TfConfig *c = &m->cfg;
    int B = m->B, S = m->S, T = m->T, C = c->C;
    size_t btc = (size_t)B * T * C, bsc = (size_t)B * S * C;
    memset(m->ddec, 0, btc * sizeof(float));
    dense_backward(m->ddec, m->G.w_out, m->G.b_out, m->dlogits, m->dec, m->W.w_out, B * T, C, c->Vt);
    float *dcur = m->dA, *dnext = m->dB;
    memset(dcur, 0, btc * sizeof(float));
    if (c->norm)
        layernorm_backward(dcur, m->G.lnd_g, m->G.lnd_b, m->ddec, m->xd[c->NL], m->W.lnd_g, m->md, m->rd, B, T, C);
    else
        memcpy(dcur, m->ddec, btc * sizeof(float));
    memset(m->denc, 0, bsc * sizeof(float));
    for (int l = c->NL - 1; l >= 0; l--) {
        memset(dnext, 0, btc * sizeof(float));
        tf_layer_backward(dnext, has_cross(c, l) ? m->denc : NULL, &m->G.dec[l], dcur, &m->da[l], &m->W.dec[l]);
        float *t = dcur; dcur = dnext; dnext = t;
    }
    embedding_backward(m->G.tgt_emb, dcur, m->din, B, T, c->Vt, C);
    /* kodlayıcı */
    memset(dcur, 0, bsc * sizeof(float));
    if (c->norm)
        layernorm_backward(dcur, m->G.lne_g, m->G.lne_b, m->denc, m->xe[c->NL], m->W.lne_g, m->me, m->re, B, S, C);
    else
        memcpy(dcur, m->denc, bsc * sizeof(float));
    for (int l = c->NL - 1; l >= 0; l--) {
        memset(dnext, 0, bsc * sizeof(float));
        tf_layer_backward(dnext, NULL, &m->G.enc[l], dcur, &m->ea[l], &m->W.enc[l]);
        float *t = dcur; dcur = dnext; dnext = t;
    }
    embedding_backward(m->G.src_emb, dcur, m->src, B, S, c->Vs, C);
}

/* ======================================================================
 * Çözme: KV önbelleğiyle açgözlü çözme (greedy decoding) — her adımda en olası simge
 * ====================================================================== */
typedef struct {
    TfCache kc[MAXL];
    float *x, *h, *logit;    /* (B,C), (B,C), (B,Vt) */
    float mean[256], rstd[256];
    int maxB;
} Decoder;

static void decoder_init(Decoder *d, const Tf *m, int maxB) {
    memset(d, 0, sizeof *d);
    for (int l = 0; l < m->cfg.NL; l++) tf_cache_alloc(&d->kc[l], dec_cfg(m, l), maxB, m->cfg.T, m->cfg.S);
    d->x = xcalloc((size_t)maxB * m->cfg.C, 4);
    d->h = xcalloc((size_t)maxB * m->cfg.C, 4);
    d->logit = xcalloc((size_t)maxB * m->cfg.Vt, 4);
    d->maxB = maxB;
}
static void decoder_free(Decoder *d, const Tf *m) {
    for (int l = 0; l < m->cfg.NL; l++) tf_cache_free(&d->kc[l]);
    free(d->x), free(d->h), free(d->logit);
}

/* src (B,S) -> out (B,T) simgeler (EOS'tan sonra PAD). catt NULL değilse
 * (T, NL, NH, S): 0. örneğin her kod çözücü katmanındaki çapraz dikkat ağırlıkları. */
static void greedy_decode(Tf *m, Decoder *d, const int *src, int B, int S, int *out, float *catt) {
    const TfConfig *c = &m->cfg;
    int C = c->C, V = c->Vt, T = c->T;
    if (B > d->maxB || B > 256) die("greedy_decode: B=%d çok büyük", B);
    tf_encode(m, src, B, S);
    for (int l = 0; l < c->NL; l++)
        if (has_cross(c, l)) tf_cache_set_encoder(&d->kc[l], &m->W.dec[l], m->enc, B, S, NULL);
    int *prev = xmalloc((size_t)B * sizeof(int)), *done = xcalloc((size_t)B, sizeof(int));
    for (int b = 0; b < B; b++) prev[b] = SEQ_BOS;
    for (int t = 0; t < T; t++) {
        embed_pos(d->x, prev, m->W.tgt_emb, m->pe + (size_t)t * C, B, 1, V, C);
        for (int l = 0; l < c->NL; l++) tf_layer_step(d->x, &d->kc[l], &m->W.dec[l], d->x, B, t);
        if (catt)
            for (int l = 0; l < c->NL; l++)
                if (has_cross(c, l)) memcpy(catt + ((size_t)t * c->NL + l) * c->NH * S, d->kc[l].catt, (size_t)c->NH * S * 4);
        const float *h = d->x;
        if (c->norm) {
            layernorm_forward(d->h, d->mean, d->rstd, d->x, m->W.lnd_g, m->W.lnd_b, B, 1, C);
            h = d->h;
        }
        dense_forward(d->logit, h, m->W.w_out, m->W.b_out, B, C, V);
        int all = 1;
        for (int b = 0; b < B; b++) {
            int best = SEQ_PAD;
            if (!done[b]) {
                const float *z = d->logit + (size_t)b * V;
                best = 0;
                for (int v = 1; v < V; v++)
                    if (z[v] > z[best]) best = v;
                if (best == SEQ_EOS) done[b] = 1;
            }
            out[(size_t)b * T + t] = best;
            prev[b] = best == SEQ_PAD ? SEQ_EOS : best;
            all &= done[b];
        }
        if (all) {
            for (int u = t + 1; u < T; u++)
                for (int b = 0; b < B; b++) out[(size_t)b * T + u] = SEQ_PAD;
            break;
        }
    }
    free(prev), free(done);
}

/* UTF-8 metnin karakter sayısı (her karakter bir simge): terminal sütunu için */
static int utf8_len(const char *s) {
    int n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* İki dizi EOS'a kadar aynı mı? (tam eşleşme, exact match) */
static int same_seq(const int *a, const int *b, int n) {
    for (int i = 0; i < n; i++) {
        if (a[i] != b[i]) return 0;
        if (a[i] == SEQ_EOS) return 1;
    }
    return 1;
}

/* Test kümesinde L'ye göre tam eşleşme oranı: acc[L] (yoksa -1). */
static double seq_evaluate(Tf *m, Decoder *d, const SeqSet *ts, int minL, int maxL, double *acc) {
    int T = m->cfg.T;
    int *out = xmalloc((size_t)d->maxB * T * sizeof(int));
    long right = 0, total = 0;
    for (int L = minL; L <= maxL; L++) {
        int first, count;
        seqset_range(ts, L, &first, &count);
        acc[L] = -1;
        if (count == 0) continue;
        int ok = 0;
        for (int i = 0; i < count; i += d->maxB) {
            int B = count - i < d->maxB ? count - i : d->maxB;
            int S = ts->src_len[first + i];
            /* aynı L'deki kaynaklar aynı uzunluktadır: satırları S genişliğine sıkıştır */
            int *src = xmalloc((size_t)B * S * sizeof(int));
            for (int b = 0; b < B; b++)
                memcpy(src + (size_t)b * S, ts->src + (size_t)(first + i + b) * ts->src_cap, S * sizeof(int));
            greedy_decode(m, d, src, B, S, out, NULL);
            for (int b = 0; b < B; b++)
                ok += same_seq(out + (size_t)b * T, ts->tgt + (size_t)(first + i + b) * ts->tgt_cap,
                               T < ts->tgt_cap ? T : ts->tgt_cap);
            free(src);
        }
        acc[L] = (double)ok / count;
        right += ok;
        total += count;
    }
    free(out);
    return total ? (double)right / total : 0;
}

/* ======================================================================
 * Eğitim: Adam, ısınma + kosinüs öğrenme oranı, gradyan kırpma (gradient clipping)
 * ====================================================================== */
/* Öğrenme oranı: ilk W adımda 0'dan lr_max'a doğrusal ısınma, sonra kosinüsle lr_floor·lr_max'a. */
static float lr_at(int s, int steps, int warm, float lr_max, float lr_floor) {
    if (s < warm) return lr_max * (float)(s + 1) / (float)warm;
    double p = (double)(s - warm) / (double)(steps - warm > 1 ? steps - warm : 1);
    return lr_max * (float)(lr_floor + (1.0 - lr_floor) * 0.5 * (1.0 + cos(M_PI * p)));
}

typedef struct {
    int steps, warm;
    float lr, floor;    /* tepe öğrenme oranı; kosinüsün sonu floor·lr */
    float *loss;        /* (steps) */
    float *gnorm;       /* (steps) kırpmadan önceki gradyan normu */
    double seconds;
    double tok_acc;     /* son yığının simge doğruluğu */
} TrainLog;

/* Bir katmanın parametrelerinin gradyan normu: "<ad>." ile başlayan tensörler */
static double group_norm(const Params *P, const char *prefix) {
    double s = 0;
    size_t k = strlen(prefix);
    for (int i = 0; i < P->count; i++) {
        if (strncmp(P->t[i].name, prefix, k) != 0 || P->t[i].name[k] != '.') continue;
        const float *g = P->grads + P->t[i].off;
        for (size_t j = 0; j < P->t[i].n; j++) s += (double)g[j] * g[j];
    }
    return sqrt(s);
}

/* Yığının uzunluğu L, L ile orantılı olasılıkla seçilir: P(L) = L / Σ L'. Uzun diziler
 * daha sık gelir; yine de p. konum yalnızca L ≥ p olan yığınlarda bulunur, yani en son
 * konumlar en seyrek eğitilenlerdir (Adım 4: kenar etkisi, edge effect). */
static int sample_len(Rng *r, int minL, int maxL) {
    int total = 0;
    for (int L = minL; L <= maxL; L++) total += L;
    int u = rng_int(r, total);
    for (int L = minL; L <= maxL; L++) {
        if (u < L) return L;
        u -= L;
    }
    return maxL;
}

/* layer_gn NULL değilse ilk 'probe' adımda her kodlayıcı katmanının gradyan normu
 * ortalanır: layer_gn[l] (l = 0..NL-1). */
static void train(Tf *m, SeqTask *task, int minL, int maxL, TrainLog *lg, uint64_t seed,
                  double *layer_gn, int probe) {
    Adam opt;
    adam_init(&opt, m->P.n, lg->lr);
    Rng r;
    rng_seed(&r, seed);
    int Tm = seqtask_tgt_cap(task), Sm = seqtask_src_cap(task);
    int *src = xmalloc((size_t)BATCH * Sm * sizeof(int)), *tgt = xmalloc((size_t)BATCH * Tm * sizeof(int));
    int *din = xmalloc((size_t)BATCH * Tm * sizeof(int)), tlen[BATCH];
    lg->loss = xcalloc((size_t)lg->steps, sizeof(float));
    lg->gnorm = xcalloc((size_t)lg->steps, sizeof(float));
    if (layer_gn)
        for (int l = 0; l < m->cfg.NL; l++) layer_gn[l] = 0;
    double t0 = now_sec();
    for (int s = 0; s < lg->steps; s++) {
        int L = sample_len(&r, minL, maxL);
        int S = seqtask_batch(task, &r, BATCH, L, src, tgt, tlen);
        /* Yığının en uzun hedefi kadar konum yeter (sonrası hep PAD) */
        int T = 0;
        for (int b = 0; b < BATCH; b++)
            if (tlen[b] > T) T = tlen[b];
        int *tg = xmalloc((size_t)BATCH * T * sizeof(int));
        for (int b = 0; b < BATCH; b++) memcpy(tg + (size_t)b * T, tgt + (size_t)b * Tm, T * sizeof(int));
        seq_shift_right(din, tg, BATCH, T);
        tf_forward(m, src, S, din, BATCH, T);
        lg->loss[s] = (float)tf_loss(m, tg, &lg->tok_acc);
        free(tg);
        params_zero_grad(&m->P);
        tf_backward(m);
        if (layer_gn && s < probe)
            for (int l = 0; l < m->cfg.NL; l++) {
                char name[16];
                snprintf(name, sizeof name, "enc%d", l);
                layer_gn[l] += group_norm(&m->P, name) / probe;
            }
        /* Gradyan kırpma: norm 1'i aşarsa gradyanı 1'e ölçekle */
        double gn = 0;
        for (size_t i = 0; i < m->P.n; i++) gn += (double)m->P.grads[i] * m->P.grads[i];
        gn = sqrt(gn);
        lg->gnorm[s] = (float)gn;
        if (gn > 1.0)
            for (size_t i = 0; i < m->P.n; i++) m->P.grads[i] *= (float)(1.0 / gn);
        opt.lr = lr_at(s, lg->steps, lg->warm, lg->lr, lg->floor);
        adam_step(&opt, m->P.params, m->P.grads);
    }
    lg->seconds = now_sec() - t0;
    free(src), free(tgt), free(din);
    adam_free(&opt);
}

static void log_free(TrainLog *lg) { free(lg->loss), free(lg->gnorm); }

/* Son n adımın ortalama kaybı */
static double tail_loss(const TrainLog *lg, int n) {
    if (n > lg->steps) n = lg->steps;
    double s = 0;
    for (int i = lg->steps - n; i < lg->steps; i++) s += lg->loss[i];
    return s / n;
}

/* Kayıp eğrisini (kayan ortalama) bir .dat dosyasının sütunu için hazırlar */
static void smooth(const float *x, float *y, int n, int w) {
    double s = 0;
    for (int i = 0; i < n; i++) {
        s += x[i];
        if (i >= w) s -= x[i - w];
        y[i] = (float)(s / (i + 1 < w ? i + 1 : w));
    }
}

/* ======================================================================
 * Çapraz dikkatin hizalaması (alignment): ortak tanım common/data/seqtask.h'de
 * ====================================================================== */
/* Adaylar: her katmanın her başı, her katmanın başlarının ortalaması ve bütün katmanların
 * ve başların ortalaması. Sıra: aday (l, h) = l·(NH+1) + h (h = NH: başların ortalaması),
 * sonuncusu (NL·(NH+1)) hepsinin ortalaması. */
static int align_ncand(const Tf *m) { return m->cfg.NL * (m->cfg.NH + 1) + 1; }

/* Öğretmen zorlamasıyla (teacher forcing: kod çözücünün girdisi doğru hedef) kümenin her örneğinde kod
 * çözücünün çapraz dikkat ağırlıklarını okur ve her aday için seqtask_align_hits'i
 * biriktirir: hits (align_ncand). */
static void cross_align(Tf *m, const SeqTask *task, const SeqSet *ts, SeqAlignHits *hits) {
    int NL = m->cfg.NL, NH = m->cfg.NH, nc = align_ncand(m);
    memset(hits, 0, (size_t)nc * sizeof *hits);
    int *al = xmalloc((size_t)ts->tgt_cap * sizeof(int));
    float *avg = xmalloc((size_t)ts->tgt_cap * ts->src_cap * sizeof(float));
    float *all = xmalloc((size_t)ts->tgt_cap * ts->src_cap * sizeof(float));
    int *src = xmalloc((size_t)BATCH * ts->src_cap * sizeof(int));
    int *tg = xmalloc((size_t)BATCH * ts->tgt_cap * sizeof(int));
    int *din = xmalloc((size_t)BATCH * ts->tgt_cap * sizeof(int));
    for (int i0 = 0; i0 < ts->n;) {
        /* aynı L'deki (aynı kaynak genişliğindeki) en çok BATCH örnek */
        int B = 0, S = ts->src_len[i0], T = 0;
        while (i0 + B < ts->n && B < BATCH && ts->len[i0 + B] == ts->len[i0]) {
            if (ts->tgt_len[i0 + B] > T) T = ts->tgt_len[i0 + B];
            B++;
        }
        for (int b = 0; b < B; b++) {
            memcpy(src + (size_t)b * S, ts->src + (size_t)(i0 + b) * ts->src_cap, (size_t)S * sizeof(int));
            memcpy(tg + (size_t)b * T, ts->tgt + (size_t)(i0 + b) * ts->tgt_cap, (size_t)T * sizeof(int));
        }
        seq_shift_right(din, tg, B, T);
        tf_forward(m, src, S, din, B, T);
        for (int b = 0; b < B; b++) {
            int na = seqtask_align(task, src + (size_t)b * S, S, al, ts->tgt_cap);
            memset(all, 0, (size_t)T * S * sizeof(float));
            int nx = m->cfg.XL;
            for (int l = NL - nx; l < NL; l++) {
                const float *att = m->da[l].ca.att; /* (B,NH,T,S) */
                memset(avg, 0, (size_t)T * S * sizeof(float));
                for (int h = 0; h < NH; h++) {
                    const float *ah = att + ((size_t)b * NH + h) * T * S;
                    seqtask_align_hits(task, al, na, ah, (size_t)S, S, &hits[l * (NH + 1) + h]);
                    for (size_t k = 0; k < (size_t)T * S; k++) avg[k] += ah[k] / NH;
                }
                seqtask_align_hits(task, al, na, avg, (size_t)S, S, &hits[l * (NH + 1) + NH]);
                for (size_t k = 0; k < (size_t)T * S; k++) all[k] += avg[k] / nx;
            }
            seqtask_align_hits(task, al, na, all, (size_t)S, S, &hits[nc - 1]);
        }
        i0 += B;
    }
    free(al), free(avg), free(all), free(src), free(tg), free(din);
}

/* Karar satırı ölçüsü (başlık ölçüsü) ve sözcüğün bütün satırlarını toplayan ölçü (ders 06'nınki) */
static double hit_rate(const SeqAlignHits *h) { return h->dwords ? (double)h->dhit / h->dwords : 0; }
static double word_rate(const SeqAlignHits *h) { return h->words ? (double)h->hit / h->words : 0; }

/* ======================================================================
 * Adımlar
 * ====================================================================== */

/*
 * Adım 1: Görevler ve veri
 *
 * Ders 06'daki iki görev, aynı üreteç ve aynı SABİT test kümesiyle (test kümesinin
 * tohumu (seed) --seed'den bağımsızdır; test kaynakları eğitimde hiç görülmez). Ters
 * çevirmede uzunluk arttıkça GRU'nun tek bir gizli durum vektörüne (darboğaz)
 * sığdırması gereken bilgi artar; çapraz dikkat bu darboğazı ortadan kaldırır.
 * Simgeler (token) Unicode kod noktalarıdır: "ğ" tek simgedir.
 */
static void step1_data(SeqTask *rev, SeqTask *num, Rng *r) {
    step_banner(1, NSTEPS, "Görevler: ters çevirme ve sayının Türkçe okunuşu");
    char s[512], t[512];
    printf("Ters çevirme: %d harflik alfabe, uzunluk %d..%d. Örnekler:\n", rev->nsym, rev->min_len, rev->max_len);
    int lens[3] = {rev->min_len, (rev->min_len + rev->max_len) / 2, rev->max_len};
    for (int i = 0; i < 3; i++) {
        seqtask_sample_text(rev, r, lens[i], s, sizeof s, t, sizeof t);
        printf("  %-2d  %s\n      -> %s\n", lens[i], s, t);
    }
    printf("Sayı -> Türkçe: 1..%d rakam; kaynak sözlüğü %d, hedef sözlüğü %d simge. "
           "Örnekler:\n", NUM_MAX, num->src.n, num->tgt.n);
    int nl[3] = {3, (num->max_len + 3) / 2, num->max_len};
    for (int i = 0; i < 3; i++) {
        seqtask_sample_text(num, r, nl[i], s, sizeof s, t, sizeof t);
        printf("  %s\n      -> %s\n", s, t);
    }
    printf("En uzun hedef %d simge (EOS dahil): kaynak 16 karakteri geçmezken çıktı\n"
           "100 harfi aşabilir; kelime sırası da değişir (\"bin\" grubun sonuna gelir).\n",
           seqtask_tgt_cap(num));
}

/*
 * Adım 2: Transformer katmanı ve gradyan denetimi
 *
 * Bir kodlayıcı katmanı (ön-normalizasyon, pre-norm):
 *   $x_1 = x + \mathrm{MHA}(\mathrm{LN}_1(x))$,
 *   $y = x_1 + W_2\,\mathrm{ReLU}(W_1\,\mathrm{LN}_2(x_1) + b_1) + b_2$.
 * Kod çözücü katmanı araya çapraz dikkati ekler:
 *   $x_2 = x_1 + \mathrm{MHA}(\mathrm{LN}(x_1), e)$, e = kodlayıcı çıktısı;
 * sorgular (query) kod çözücüden, anahtar ve değerler (key, value) kodlayıcıdan gelir.
 * Öz dikkatte nedensel maske (ders 09) vardır: t. konum, üretirken henüz yazılmamış
 * t+1.. konumlarını göremez. 2017'deki özgün makale LN'yi alt katmandan SONRA
 * koyar (son-normalizasyon, post-norm): $y = \mathrm{LN}(x + \mathrm{Alt}(x))$. Biz ön
 * normalizasyonu seçiyoruz: artık yol x'ten y'ye hiç dokunulmadan aktığı için derin
 * yığınlar daha kararlı eğitilir. Yığının sonuna bir LN daha konur.
 * Geri geçiş elle yazılmıştır (common/model/transformer.c); eğitmeden önce bütün
 * modelin gradyanını sonlu farklarla (finite differences) denetliyoruz.
 */
typedef struct {
    Tf *m;
    int *src, *din, *tgt, B, S, T;
} GcCtx;
static double gc_loss(void *p) {
    GcCtx *c = p;
    tf_forward(c->m, c->src, c->S, c->din, c->B, c->T);
    return tf_loss(c->m, c->tgt, NULL);
}
static double step2_layer(const TfConfig *cfg, const LessonArgs *a) {
    step_banner(2, NSTEPS, "Transformer katmanı: parametreler ve gradyan denetimi");
    Tf m;
    tf_build(&m, cfg, BATCH, (uint64_t)a->seed);
    size_t ne = 0, nd = 0;
    for (int i = 0; i < m.P.count; i++) {
        if (!strncmp(m.P.t[i].name, "enc0.", 5)) ne += m.P.t[i].n;
        if (!strncmp(m.P.t[i].name, "dec0.", 5)) nd += m.P.t[i].n;
    }
    printf("C = %d, baş NH = %d, ileri besleme FF = %d, her yanda %d katman.\n", cfg->C, cfg->NH,
           cfg->FF, cfg->NL);
    printf("  kodlayıcı katmanı   %7zu parametre: dikkat 4C²+4C = %zu,\n"
           "                                  FF 2·C·FF+FF+C = %d, LN 4C\n",
           ne, mha_param_count(cfg->C, cfg->C), 2 * cfg->C * cfg->FF + cfg->FF + cfg->C);
    printf("  kod çözücü katmanı  %7zu parametre (çapraz dikkat ve bir LN daha)\n", nd);
    printf("  bütün model         %7zu parametre\n", m.P.n);
    tf_free(&m);
    /* Küçük bir modelde sonlu fark denetimi */
    TfConfig small = *cfg;
    small.C = 8, small.NH = 2, small.FF = 16, small.NL = 2, small.S = 6, small.T = 7;
    tf_build(&m, &small, 2, (uint64_t)a->seed + 1);
    int src[12], din[14], tgt[14];
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 2);
    for (int i = 0; i < 12; i++) src[i] = SEQ_NSPECIAL + rng_int(&r, small.Vs - SEQ_NSPECIAL);
    for (int i = 0; i < 14; i++) tgt[i] = SEQ_NSPECIAL + rng_int(&r, small.Vt - SEQ_NSPECIAL);
    tgt[6] = SEQ_EOS, tgt[12] = SEQ_EOS, tgt[13] = SEQ_PAD;
    seq_shift_right(din, tgt, 2, 7);
    GcCtx c = {&m, src, din, tgt, 2, 6, 7};
    gc_loss(&c);
    params_zero_grad(&m.P);
    tf_backward(&m);
    float *g = xmalloc(m.P.n * sizeof(float));
    memcpy(g, m.P.grads, m.P.n * sizeof(float));
    GradCheck res = gradcheck(gc_loss, &c, m.P.params, g, m.P.n, 600, 1e-3, 2e-2, 1e-3);
    printf("Küçük bir modelde (C = 8, %zu parametre) %zu parametrenin türevi sonlu\n"
           "farklarla denetlendi: %zu tanesi uyumlu, toplu göreli hata %.1e.\n%s\n", m.P.n, res.checked,
           res.passed, res.rel_norm,
           res.rel_norm < 1e-2 ? "Geri geçiş doğru." : "UYARI: türevler uyuşmuyor!");
    free(g);
    tf_free(&m);
    return res.rel_norm;
}

/*
 * Adım 3: Öğrenme oranı ısınması
 *
 * Eğitimin başında parametreler rastgeledir; Adam'ın ikinci moment tahmini (v)
 * henüz birkaç gradyanın ortalamasıdır ve güvenilmezdir. İlk adımlar büyük bir
 * öğrenme oranıyla atılırsa dikkat skorları bir anda doyabilir. Bu yüzden oran ilk
 * W adımda 0'dan doğrusal olarak büyür, sonra kosinüs eğrisiyle azalır:
 *   $\eta(s) = \eta_{max}\,\frac{s+1}{W}$  (s < W),
 *   $\eta(s) = \eta_{max}\,\left(f + (1 - f) \cdot \tfrac{1}{2}(1 + \cos(\pi p))\right)$,
 *   $p = \frac{s - W}{S - W}$; eğitimin sonunda $\eta = f\,\eta_{max}$.
 * Sayı görevinde ve Adım 6'da f = 0,1. Ters çevirmede f = 0,01: L = 40'ın %99 hedefi
 * son bir iki yanlışla kaçıyordu; 4000 adımlık bir denemede f = 0,01 doğrulama kümesinin
 * tamamında tam eşleşmeyi %98,5'ten %99,1'e çıkardı (L = 40'ta ikisi de %98). Başka
 * bir denemede adımı 5000'e çıkarmak (f = 0,1) yardım etmedi: doğrulamada L = 40 %96.
 * Sondaki küçük adımlar Adam'ın gürültüsünü azaltır; kayıp çukurun dibine iner.
 * Ayrıca her adımda gradyan normu 1'i aşarsa gradyan 1'e ölçeklenir (kırpma,
 * gradient clipping; ders 06): tek bir kötü yığın modeli uçuruma atmasın.
 */
static void step3_warmup(int steps, int warm, float lr, float lr_floor, const LessonArgs *a) {
    step_banner(3, NSTEPS, "Öğrenme oranı: ısınma ve kosinüs azalması");
    int n = steps;
    float *x = xmalloc(n * sizeof(float)), *y = xmalloc(n * sizeof(float));
    for (int s = 0; s < n; s++) x[s] = (float)s, y[s] = lr_at(s, steps, warm, lr, lr_floor);
    const float *ys[1] = {y};
    const char *names[1] = {"öğrenme oranı"};
    /* Şekil isinma: Öğrenme oranı ilk adımlarda sıfırdan tepe değerine doğrusal olarak çıkar
     * (ısınma), sonra kosinüs eğrisiyle yavaşça küçük bir değere iner. */
    plot_lines("lesson12", "isinma", "Öğrenme oranı: ısınma + kosinüs", "adım", "η", n, x, 1, ys,
               names, 0, a->ascii);
    printf("Ters çevirme: η_max = %g, ısınma W = %d adım, toplam %d adım, f = %g:\n"
           "η(0) = %.2e, η(%d) = %.2e, η(%d) = %.2e.\n",
           lr, warm, steps, lr_floor, y[0], warm - 1, y[warm - 1], steps - 1, y[steps - 1]);
    printf("Şekil: plots/lesson12/isinma.png\n");
    free(x), free(y);
}

/* Yazdırma: bir satırı kısaltılmış UTF-8 metin olarak (terminal 80 sütun) */
static void print_clip(const char *label, const char *s, int w) {
    printf("%s", label);
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80 && ++n > w) {
            printf("…");
            break;
        }
        putchar(*p);
    }
    putchar('\n');
}

/* Bir örneğin çapraz dikkat ısı haritası (heatmap). catt (T, NL, NH, S), çapraz dikkat
 * l0..NL-1 katmanlarında; words = 1: satırın adı harf harf değil, sözcüğün ilk harfinin
 * satırında bütün sözcük (50'yi aşkın satırın adları üst üste binmesin); layer < 0: bu katmanların,
 * head < 0: başların ortalaması. rows: üretilen simgeler, cols: kaynak simgeleri. */
static void cross_heatmap(const char *step, const char *title, const float *catt, int l0, int NL, int NH,
                          int layer, int head, int rows, int S, const SeqVocab *sv, const int *src,
                          const SeqVocab *tv, const int *out, int words, int ascii) {
    float *h = xcalloc((size_t)rows * S, sizeof(float));
    for (int t = 0; t < rows; t++)
        for (int j = 0; j < S; j++) {
            float v = 0;
            int n = 0;
            for (int l = l0; l < NL; l++)
                for (int k = 0; k < NH; k++)
                    if ((layer < 0 || l == layer) && (head < 0 || k == head)) {
                        v += catt[(((size_t)t * NL + l) * NH + k) * S + j];
                        n++;
                    }
            h[(size_t)t * S + j] = v / n;
        }
    char **rl = xcalloc((size_t)rows, sizeof(char *)), **cl = xcalloc((size_t)S, sizeof(char *));
    for (int t = 0; t < rows; t++) {
        rl[t] = xcalloc(64, 1);
        if (out[t] == SEQ_EOS) strcpy(rl[t], "EOS");
        else if (!words && tv->cp[out[t]] == ' ') strcpy(rl[t], "␣");
        else if (!words) utf8_encode(tv->cp[out[t]], rl[t]);
        else if (tv->cp[out[t]] != ' ' && (t == 0 || tv->cp[out[t - 1]] == ' ')) {
            /* sözcüğün ilk harfinin satırına bütün sözcük; öbür satırlar etiketsiz */
            int k = 0;
            for (int u = t; u < rows && out[u] >= SEQ_NSPECIAL && tv->cp[out[u]] != ' ' && k < 56; u++)
                k += utf8_encode(tv->cp[out[u]], rl[t] + k);
        }
    }
    for (int j = 0; j < S; j++) {
        cl[j] = xcalloc(8, 1);
        if (src[j] == SEQ_EOS) strcpy(cl[j], "EOS");
        else if (sv->cp[src[j]] == ' ') strcpy(cl[j], "␣");
        else utf8_encode(sv->cp[src[j]], cl[j]);
    }
    plot_heatmap("lesson12", step, title, rows, S, h, (const char *const *)rl, (const char *const *)cl,
                 "kaynak simgesi", "üretilen simge", 0, ascii);
    for (int t = 0; t < rows; t++) free(rl[t]);
    for (int j = 0; j < S; j++) free(cl[j]);
    free(rl), free(cl), free(h);
}

/*
 * Adım 4: Ters çevirmeyi öğrenmek
 *
 * Her adımda 32 yeni dizi; uzunluk L her yığında, L ile orantılı olasılıkla seçilir
 * (yığının içindeki diziler aynı uzunluktadır, dolgu gerekmez). Kayıp, hedefin her simgesinde
 * çapraz entropidir; kod çözücü öğretmen zorlamasıyla (teacher forcing) eğitilir:
 * girdisi doğru hedefin bir kaydırılmışıdır (BOS, y_1, ..., y_{T-1}).
 * Değerlendirme gerçek kullanımdaki gibidir: model kendi ürettiği simgeyi bir sonraki
 * adıma girdi olarak alır (açgözlü çözme, greedy decoding) ve bir dizi ancak bütün
 * simgeleri doğruysa doğru sayılır (tam eşleşme, exact match).
 * Üretirken KV önbelleği kullanılır: her adımda yalnızca yeni konum hesaplanır.
 *
 * Kenar etkisi (edge effect). Kaynağın ve hedefin p. konumu yalnızca L ≥ p olan
 * yığınlarda bulunur: $P(L \ge p) = \sum_{L \ge p} L / \sum_L L$. Eğitim uzunlukları
 * test kümesininkiyle aynı (5..40) olsaydı 40. konum yığınların yalnız ~%5'inde görülürdü;
 * model o konumların konumsal kodlamasını (ve EOS'un 41. konuma gelişini) az görür ve
 * tam da en uzun dizilerde şaşırır. Bu dersin önceki bir sürümü tam böyle eğitilmişti:
 * L = 35'te %99 doğruyken L = 40'ta %52'de kalmıştı. Çare, en uzun test uzunluğunu
 * eğitimin kenarı olmaktan çıkarmaktır: eğitim dizileri test uzunluğunun 8 ötesine
 * (5..48) uzanır; 40. konum artık yığınların ~%34'ünde bulunur. Bedeli: aynı 4000
 * adımda ortalama dizi uzar (her adım ~%20 daha uzun sürer) ve kısa diziler daha
 * seyrek gelir; sonuç L = 40'ta büyük bir kazanç, ama %99 için bu adım sayısı
 * yetmeyebilir (bu koşunun sayıları aşağıda). Test kümesi değişmez
 * (hep 5..40); karar doğrulama kümesinde verilir ve sınanır: test
 * kümesinin ve doğrulama kümesinin dizileri eğitimde hiç görülmez (seqtask_exclude).
 */
static void step4_reverse(Tf *m, SeqTask *rev, SeqTask *rev_tr, const SeqSet *ts, const SeqSet *vs,
                          TrainLog *lg, double *acc, double *em_all, double *em_val_max,
                          const LessonArgs *a, int maxL) {
    step_banner(4, NSTEPS, "Ters çevirme: eğitim ve uzunluğa göre doğruluk");
    train(m, rev_tr, REV_MIN, rev_tr->max_len, lg, (uint64_t)a->seed + 10, NULL, 0);
    /* p = maxL konumunun yığınlarda bulunma olasılığı: eğitim 5..maxL olsaydı ve şimdi */
    double at_edge = 0, now = 0, sum_edge = 0, sum_now = 0;
    for (int L = REV_MIN; L <= rev_tr->max_len; L++) {
        if (L <= maxL) sum_edge += L, at_edge += L >= maxL ? L : 0;
        sum_now += L, now += L >= maxL ? L : 0;
    }
    printf("Eğitim uzunlukları %d..%d (test %d..%d): %d. konumun bir yığında bulunma\n"
           "olasılığı %%%.0f (eğitim %d..%d olsaydı %%%.1f olurdu: en uzun test dizisi\n"
           "eğitimin kenarında kalırdı).\n", REV_MIN, rev_tr->max_len, REV_MIN, maxL, maxL, 100 * now / sum_now, REV_MIN,
           maxL, 100 * at_edge / sum_edge);
    printf("%d adım x %d dizi, %.1f s. Kayıp: başta %.3f (ln %d = %.3f: rastgele\n"
           "tahmin), son 50 adımda %.4f.\n", lg->steps, BATCH, lg->seconds, lg->loss[0], rev->tgt.n,
           log((double)rev->tgt.n), tail_loss(lg, 50));
    Decoder d;
    decoder_init(&d, m, BATCH);
    double vacc[SEQ_MAX_LEN + 1];
    double vall = seq_evaluate(m, &d, vs, REV_MIN, maxL, vacc);
    printf("Doğrulama kümesinde tam eşleşme: L = %d için %%%.1f, bütün küme %%%.2f.\n", maxL,
           100 * vacc[maxL], 100 * vall);
    double t0 = now_sec();
    double all = seq_evaluate(m, &d, ts, REV_MIN, maxL, acc);
    printf("Sabit test kümesinde (uzunluk başına %d dizi, açgözlü çözme, %.1f s)\ntam eşleşme:\n",
           ts->n / (maxL - REV_MIN + 1), now_sec() - t0);
    for (int L = REV_MIN; L <= maxL; L++) {
        if (acc[L] < 0) continue;
        if (L == REV_MIN || L % 5 == 0 || L > maxL - 5) printf("  L = %2d: %%%.1f\n", L, 100 * acc[L]);
    }
    printf("Bütün test kümesi: %%%.2f.\n", 100 * all);
    if (maxL == REV_MAX)
        printf("En uzun test uzunluğunda (L = %d) hedef %%99: %s (%%%.0f).\n", maxL,
               acc[maxL] >= 0.99 ? "tuttu" : "TUTMADI", 100 * acc[maxL]);
    *em_all = all, *em_val_max = vacc[maxL];
    /* Bir örneğin çapraz dikkati: ters çevirmede ters köşegen beklenir */
    int first, count, L = maxL < 12 ? maxL : 12;
    seqset_range(ts, L, &first, &count);
    if (count > 0) {
        int S = ts->src_len[first], T = m->cfg.T;
        int *out = xmalloc((size_t)T * sizeof(int));
        float *catt = xcalloc((size_t)T * m->cfg.NL * m->cfg.NH * S, sizeof(float));
        greedy_decode(m, &d, ts->src + (size_t)first * ts->src_cap, 1, S, out, catt);
        char s[256], o[256];
        seqvocab_decode(&rev->src, ts->src + (size_t)first * ts->src_cap, S, s, sizeof s);
        seqvocab_decode(&rev->tgt, out, T, o, sizeof o);
        printf("Örnek: %s -> %s\n", s, o);
        int rows = 0;
        while (rows < T && out[rows] != SEQ_EOS) rows++;
        /* Şekil capraz_dikkat_ters: Her satır üretilen bir simgenin kaynağa dağıttığı çapraz
         * dikkattir: koyu hücrelerin bir köşegen boyunca dizildiğine, yani her çıktı simgesinin
         * ters sıradaki kaynak simgesine baktığına dikkat edin. */
        cross_heatmap("capraz_dikkat_ters", "Ters çevirmede çapraz dikkat (katmanların ve başların ortalaması)",
                      catt, m->cfg.NL - m->cfg.XL, m->cfg.NL, m->cfg.NH, -1, -1, rows + 1, S, &rev->src,
                      ts->src + (size_t)first * ts->src_cap, &rev->tgt, out, 0, a->ascii);
        printf("Çapraz dikkat ısı haritası: plots/lesson12/capraz_dikkat_ters.png\n"
               "t. çıktı harfi kaynağın (L-1-t). harfine bakar: ters köşegen.\n");
        free(out), free(catt);
    }
    decoder_free(&d, m);
}

/*
 * Adım 5: Türkçe okunuş ve çapraz dikkatin hizalaması
 *
 * Sayı görevinde çıktı kaynaktan çok daha uzundur ve sıra değişir: "5 120" ->
 * "beş bin yüz yirmi". Çapraz dikkat, her çıktı harfini üretirken kaynağın hangi
 * rakamına baktığını gösterir. Görev kurallıdır: "yüz yirmi"nin "yüz"ü yüzler
 * basamağından, "yirmi"si onlar basamağından gelir; "iki yüz"ün iki sözcüğü de yüzler
 * basamağını okur. "bin", "milyon" gibi ölçek sözcükleri tek bir rakamı çevirmez
 * (grubun yerini söyler), onlar sayılmaz; 1 000'deki tek "bin" ise 1'i okur.
 *
 * Ölçü (common/data/seqtask.h: seqtask_align_hits). Kod çözücü doğru hedefi girdi
 * olarak alır (öğretmen zorlaması) ki her örneğin her sözcüğü ölçülebilsin; model hizayı
 * hiç görmedi, yalnızca kaybı azalttı. Ders 06'nın ölçüsü kaynağa bağlı her sözcüğün
 * BÜTÜN harflerinin dikkat satırlarını toplar ve toplamın en büyük olduğu konuma bakar.
 * Transformer'da bu ölçü %70 dolayında kalır; yanlışlara tek tek bakınca nedeni
 * görülür: "54" -> "elli dört"ün "dört"ü, "812" -> "sekiz yüz on iki"nin "yüz"ü
 * dikkatini rakama değil kaynağın sonundaki EOS'a verir. Bir sözcüğün yalnız İLK harfi
 * kaynağa bakmayı gerektirir: "s" yazılırken hangi rakamın okunacağına karar verilir;
 * "ekiz" artık kod çözücünün kendi yazdığı ön ekten (öz dikkat) bellidir, o satırların
 * kaynaktan öğreneceği bir şey yoktur. Softmax ağırlıkları yine de 1'e tamamlanmak
 * zorundadır; dikkat bilgi taşımayan bir simgeye, EOS'a "park eder": EOS bir dikkat
 * çukurudur (attention sink). "iki yüz"ün "yüz"ü de, yüzler basamağı "iki" diye okunduktan sonra
 * kesinleşmiştir: "bin" gibi yeri söyler, yeni bir rakam okumaz. Bu yüzden başlık
 * ölçüsü KARAR SATIRIDIR: sözcüğün ilk harfinin satırında en büyük ağırlık sözcüğün
 * okuduğu rakamda mı; bir önceki sözcükle aynı rakama bağlı sözcük ("iki yüz"ün "yüz"ü)
 * sayılmaz. Ders 06'nın ölçüsü de aynı aday için yazdırılır.
 *
 * Hangi dikkate bakılacak? Transformer'da her kod çözücü katmanının her başının ayrı
 * bir çapraz dikkat haritası vardır (burada 2 x 4 = 8). Kodlayıcının öz dikkati
 * konumları birbirine karıştırdığı için kodlayıcı çıktısının j. konumu yalnız j.
 * rakamı taşımaz; bir katman rakama değil komşusuna bakarak da doğru okuyabilir, ve
 * katmanlar farklı işler üstlenir. Aday ölçüler: her katmanın her başı, her katmanın
 * başlarının ortalaması ve bütün katmanların ve başların ortalaması. (Çapraz dikkati
 * yalnız en üstteki katmana koymak, TfConfig.XL = 1, de denendi: doğrulamada ders 06'nın
 * ölçüsü %72'den %71,5'e indi; ders iki katmanda da çapraz dikkatle kalır.) En iyisini
 * TEST kümesinde seçmek test sonucunu iyimser yapardı; seçim DOĞRULAMA kümesinde yapılır,
 * test kümesinde yalnız
 * seçilen ölçü bir kez ölçülür ve yazılır.
 */
static void step5_number(Tf *m, SeqTask *num, const SeqSet *ts, const SeqSet *vs, TrainLog *lg,
                         double *acc, double *em_all, double *align_rate, double *align_val,
                         const LessonArgs *a) {
    step_banner(5, NSTEPS, "Sayıdan Türkçe okunuşa: eğitim, doğruluk ve hizalama");
    train(m, num, 1, num->max_len, lg, (uint64_t)a->seed + 20, NULL, 0);
    printf("%d adım x %d sayı, %.1f s. Kayıp: başta %.3f, son 50 adımda %.4f.\n", lg->steps, BATCH,
           lg->seconds, lg->loss[0], tail_loss(lg, 50));
    Decoder d;
    decoder_init(&d, m, BATCH);
    for (int L = 0; L <= NUM_MAX; L++) acc[L] = -1;
    double all = seq_evaluate(m, &d, ts, 1, num->max_len, acc);
    printf("Sabit test kümesinde tam eşleşme:");
    for (int L = 1; L <= num->max_len; L++)
        if (acc[L] >= 0) printf("%s%d rakam %%%.0f", L == 1 || L == 6 ? "\n  " : ", ", L, 100 * acc[L]);
    printf("\nBütün test kümesi: %%%.2f.\n", 100 * all);
    /* Tek rakamlı sayılar yalnız 10 tanedir (0..9): yarısı testte, dörtte biri doğrulamada;
     * eğitim geri kalanları TEK BAŞINA görür (rakamların kendisini uzun sayıların içinde
     * görür). 0'ın okunuşu "sıfır" ise yalnız 0 sayısında geçer. */
    int f1, n1t, n1v, zero = 0;
    seqset_range(ts, 1, &f1, &n1t);
    for (int i = 0; i < n1t; i++) {
        int id = ts->src[(size_t)(f1 + i) * ts->src_cap];
        zero |= id >= SEQ_NSPECIAL && num->src.cp[id] == '0';
    }
    seqset_range(vs, 1, &f1, &n1v);
    if (n1t > 0 && acc[1] < 0.9) {
        printf("1 rakamlı sayılar yalnız 10 tane: %d tanesi testte, %d tanesi doğrulamada;\n"
               "eğitim kalan %d tanesini tek başına gördü. Testteki yanlışlar:", n1t, n1v,
               10 - n1t - n1v);
        seqset_range(ts, 1, &f1, &n1t);
        int *o1 = xmalloc((size_t)m->cfg.T * sizeof(int)), col = 80;
        for (int i = 0; i < n1t; i++) {
            const int *s1 = ts->src + (size_t)(f1 + i) * ts->src_cap;
            greedy_decode(m, &d, s1, 1, ts->src_len[f1 + i], o1, NULL);
            if (same_seq(o1, ts->tgt + (size_t)(f1 + i) * ts->tgt_cap, m->cfg.T)) continue;
            char a1[8], b1[128];
            seqvocab_decode(&num->src, s1, ts->src_len[f1 + i], a1, sizeof a1);
            seqvocab_decode(&num->tgt, o1, m->cfg.T, b1, sizeof b1);
            int w = (int)strlen(a1) + utf8_len(b1) + 6;
            if (col + w > 78) printf("\n "), col = 1;
            printf(" %s -> %s;", a1, b1);
            col += w;
        }
        free(o1);
        printf("\nModel tek rakamı daha uzun bir sayının parçası gibi okuyabilir.%s\n",
               zero ? " 0'ın okunuşu\n\"sıfır\" ise eğitimde hiç geçmez: o test örneği öğrenilemez." : "");
    }
    *em_all = all;
    /* Örnek ve ısı haritaları */
    int NL = m->cfg.NL, NH = m->cfg.NH, T = m->cfg.T;
    int first, count;
    seqset_range(ts, num->max_len < 7 ? num->max_len : 7, &first, &count);
    if (count > 0) {
        const int *src = ts->src + (size_t)first * ts->src_cap;
        int S = ts->src_len[first];
        int *out = xmalloc((size_t)T * sizeof(int));
        float *catt = xcalloc((size_t)T * NL * NH * S, sizeof(float));
        greedy_decode(m, &d, src, 1, S, out, catt);
        char stext[64], o[512];
        seqvocab_decode(&num->src, src, S, stext, sizeof stext);
        seqvocab_decode(&num->tgt, out, T, o, sizeof o);
        printf("Örnek: %s (%s)\n", stext,
               same_seq(out, ts->tgt + (size_t)first * ts->tgt_cap, T) ? "doğru çevrildi" : "YANLIŞ çevrildi");
        print_clip("    -> ", o, 72);
        int rows = 0;
        while (rows < T && out[rows] != SEQ_EOS) rows++;
        /* Şekil capraz_dikkat_sayi: Okunuşun simgeleri üretilirken dikkatin rakamlar üzerinde
         * soldan sağa ilerlediğine bakın (her sözcük ilk harfinin satırında yazılıdır): bir
         * sözcüğün ilk harfinin satırında koyu hücre o sözcüğün rakamındadır; sözcüğün öbür
         * harfleri çoğu zaman EOS sütununa bakar. */
        cross_heatmap("capraz_dikkat_sayi", "Sayı -> okunuş: çapraz dikkat (katmanların ve başların ortalaması)",
                      catt, NL - m->cfg.XL, NL, NH, -1, -1, rows, S, &num->src, src, &num->tgt, out, 1, a->ascii);
        for (int l = NL - m->cfg.XL; l < NL; l++)
            for (int h = 0; h < NH; h++) {
                char step[48], title[96];
                /* Şekil capraz_dikkat_sayi_k*: Tek bir katmanın tek bir başının çapraz dikkati:
                 * başları karşılaştırın, bazıları ortalamadaki köşegeni izler, bazıları başka
                 * simgelere (ör. EOS) yoğunlaşır. */
                snprintf(step, sizeof step, "capraz_dikkat_sayi_k%d_bas%d", l, h);
                snprintf(title, sizeof title, "Çapraz dikkat, %d. katmanın %d. başı", l, h);
                cross_heatmap(step, title, catt, NL - m->cfg.XL, NL, NH, l, h, rows, S, &num->src, src, &num->tgt, out, 1, 0);
            }
        printf("Isı haritaları: plots/lesson12/capraz_dikkat_sayi.png ve her katmanın her\n"
               "başı için capraz_dikkat_sayi_k<katman>_bas<baş>.png.\n");
        free(out), free(catt);
    }
    decoder_free(&d, m);
    /* Hizalama: önce doğrulama kümesinde bütün adaylar, sonra seçilenin testteki değeri */
    int nc = align_ncand(m);
    SeqAlignHits *hv = xcalloc((size_t)nc, sizeof *hv), *ht = xcalloc((size_t)nc, sizeof *ht);
    cross_align(m, num, vs, hv);
    cross_align(m, num, ts, ht);
    printf("Hizalama, doğrulama kümesinde (%ld sözcük): sözcüğün seçildiği satırda (ilk\n"
           "harfi) en büyük çapraz dikkat ağırlığı okuduğu rakamda mı? (isabet yüzdesi)\n"
           "  katman ", hv[nc - 1].dwords);
    for (int h = 0; h < NH; h++) printf("  baş %d ", h);
    printf("  başların ortalaması\n");
    int best = nc - 1;
    for (int l = NL - m->cfg.XL; l < NL; l++) {
        printf("  %4d   ", l);
        for (int h = 0; h <= NH; h++) {
            int c = l * (NH + 1) + h;
            printf(h < NH ? " %6.1f " : "   %6.1f\n", 100 * hit_rate(&hv[c]));
            if (hit_rate(&hv[c]) > hit_rate(&hv[best])) best = c;
        }
    }
    if (m->cfg.XL > 1)
        printf("  bütün katmanların ve başların ortalaması: %%%.1f\n", 100 * hit_rate(&hv[nc - 1]));
    *align_rate = hit_rate(&ht[best]);
    *align_val = hit_rate(&hv[best]);
    char which[64];
    if (best == nc - 1) snprintf(which, sizeof which, "bütün katmanların ortalaması");
    else if (best % (NH + 1) == NH) snprintf(which, sizeof which, "%d. katmanın baş ortalaması", best / (NH + 1));
    else snprintf(which, sizeof which, "%d. katmanın %d. başı", best / (NH + 1), best % (NH + 1));
    printf("Doğrulamada en iyi ölçü: %s.\nTest kümesinde (%ld sözcük) bu ölçüyle isabet %%%.1f.\n",
           which, ht[best].dwords, 100 * *align_rate);
    printf("Bütün harflerin satırları toplanıp \"yüz\" de sayılınca (ders 06'nın ölçüsü), aynı\n"
           "adayla test: %%%.1f; komşu konum dahil %%%.1f, tam bir sağda %%%.1f.\n",
           100 * word_rate(&ht[best]), 100.0 * ht[best].near / (ht[best].words ? ht[best].words : 1),
           100.0 * ht[best].right / (ht[best].words ? ht[best].words : 1));
    free(hv), free(ht);
}

/*
 * Adım 6: Artık bağlantılar ve LayerNorm olmadan
 *
 * Bir katmanın çıktısı $y = x + F(x)$ ise $\partial y / \partial x = I + \partial F/\partial x$:
 * gradyan, F ne yaparsa yapsın, birim matris (identity matrix) yoluyla aşağı katmanlara eksilmeden
 * ulaşır. Artık bağlantı yoksa gradyan her katmanda $\partial F/\partial x$ ile çarpılır;
 * katman sayısı arttıkça bu çarpım sönebilir ya da patlayabilir. LayerNorm da her
 * alt katmanın girdisini ortalaması 0, varyansı 1 olacak biçimde tutar.
 * Deney: her yanda 6 katmanlı daha derin bir model, kısa ters çevirme dizilerinde,
 * (a) artık bağlantı + LayerNorm ile, (b) ikisi de olmadan, aynı adım sayısıyla.
 * İlk adımlarda her kodlayıcı katmanının gradyan normunu da ölçüyoruz.
 */
static void step6_residual(const TfConfig *base, SeqTask *rev, int steps, const LessonArgs *a,
                           double *ratio_out, double *loss_with, double *loss_without) {
    step_banner(6, NSTEPS, "Derin yığın: artık bağlantı ve LayerNorm ile / olmadan");
    TfConfig cfg = *base;
    cfg.C = 32, cfg.NH = 4, cfg.FF = 128, cfg.NL = 6;
    TrainLog lg[2];
    double gn[2][MAXL];
    const char *names[2] = {"artık + LayerNorm", "ikisi de yok"};
    int maxL = 12;
    for (int v = 0; v < 2; v++) {
        cfg.residual = cfg.norm = v == 0;
        Tf m;
        tf_build(&m, &cfg, BATCH, (uint64_t)a->seed + 30);
        memset(&lg[v], 0, sizeof lg[v]);
        lg[v].steps = steps, lg[v].warm = steps / 10 + 1, lg[v].lr = 1e-3f, lg[v].floor = LR_FLOOR;
        train(&m, rev, REV_MIN, maxL, &lg[v], (uint64_t)a->seed + 31, gn[v], 20);
        printf("%-18s %d adım, %.1f s: kayıp başta %.3f, son 20 adımda %.4f\n", names[v], steps,
               lg[v].seconds, lg[v].loss[0], tail_loss(&lg[v], 20));
        tf_free(&m);
    }
    printf("İlk 20 adımda kodlayıcı katmanlarının ortalama gradyan normu (0 = en alttaki):\n");
    printf("  katman   artık + LN     hiçbiri\n");
    for (int l = 0; l < cfg.NL; l++) printf("  %4d     %9.2e   %9.2e\n", l, gn[0][l], gn[1][l]);
    /* alttaki ile üstteki katmanın gradyan oranı */
    double r0 = gn[0][0] / (gn[0][cfg.NL - 1] + 1e-30), r1 = gn[1][0] / (gn[1][cfg.NL - 1] + 1e-30);
    printf("En alttaki / en üstteki katman gradyan oranı: artık + LN ile %.2f,\nolmadan %.2e.\n", r0, r1);
    *ratio_out = r1;
    *loss_with = tail_loss(&lg[0], 20);
    *loss_without = tail_loss(&lg[1], 20);
    float *x = xmalloc(steps * sizeof(float)), *y0 = xmalloc(steps * sizeof(float)),
          *y1 = xmalloc(steps * sizeof(float));
    for (int s = 0; s < steps; s++) x[s] = (float)s;
    smooth(lg[0].loss, y0, steps, 20);
    smooth(lg[1].loss, y1, steps, 20);
    const float *ys[2] = {y0, y1};
    /* Şekil artik_baglanti: Aynı 6+6 katmanlı model artık bağlantı ve LayerNorm ile ve ikisi
     * olmadan: hangi eğrinin indiğine, hangisinin başladığı yerde takılı kaldığına bakın. */
    plot_lines("lesson12", "artik_baglanti", "6+6 katman: eğitim kaybı (20 adımlık ortalama)", "adım",
               "kayıp", steps, x, 2, ys, names, 1, a->ascii);
    float lx[MAXL], g0[MAXL], g1[MAXL];
    for (int l = 0; l < cfg.NL; l++) lx[l] = (float)l, g0[l] = (float)gn[0][l], g1[l] = (float)gn[1][l];
    const float *gs[2] = {g0, g1};
    /* Şekil katman_gradyani: Log ölçekte her kodlayıcı katmanının gradyan normu: artık bağlantı
     * olmadan alt katmanlara, 0'a doğru, ulaşan gradyanın ne kadar küçüldüğüne bakın. */
    plot_lines("lesson12", "katman_gradyani", "Kodlayıcı katmanlarının gradyan normu (ilk 20 adım)",
               "katman (0 = en alt)", "||∇||", cfg.NL, lx, 2, gs, names, 1, a->ascii);
    printf("Şekiller: plots/lesson12/artik_baglanti.png, katman_gradyani.png\n");
    free(x), free(y0), free(y1);
    log_free(&lg[0]), log_free(&lg[1]);
}

/*
 * Adım 7: Üç model tek şekilde
 *
 * Ders 06 GRU'yu dikkatli ve dikkatsiz eğitip uzunluğa göre sonuçlarını
 * plots/lesson06/dogruluk_uzunluk.dat dosyasına yazar (ders 06'yı çalıştırdıysanız).
 * Aynı sabit test kümesinde üç modelin uzunluğa göre tam eşleşme oranını yan yana
 * koyuyoruz; parametre sayıları ve eğitim süreleri tabloda.
 */
typedef struct {
    int have;
    char name[2][32];
    long params[2];
    double sec[2];
    double acc[2][REV_MAX + 1];
} L06Results;

/* Ders 06'nın yazdığı plots/lesson06/dogruluk_uzunluk.dat: "L dikkatsiz% dikkatli%" satırları
 * ve "# model AD PARAMETRE SANİYE" yorum satırları. Dosya yoksa ya da bozuksa have = 0. */
static void read_lesson06(L06Results *r) {
    memset(r, 0, sizeof *r);
    for (int i = 0; i < 2; i++)
        for (int L = 0; L <= REV_MAX; L++) r->acc[i][L] = -1;
    FILE *f = fopen("plots/lesson06/dogruluk_uzunluk.dat", "r");
    if (!f) return;
    char line[256];
    int nm = 0, rows = 0;
    while (fgets(line, sizeof line, f)) {
        char name[32];
        long p;
        double s, a0, a1;
        int L;
        if (sscanf(line, "# model %31s %ld %lf", name, &p, &s) == 3 && nm < 2) {
            snprintf(r->name[nm], sizeof r->name[nm], "%s", name);
            r->params[nm] = p, r->sec[nm++] = s;
        } else if (line[0] != '#' && sscanf(line, "%d %lf %lf", &L, &a0, &a1) == 3 && L >= 0 &&
                   L <= REV_MAX && a0 >= 0 && a0 <= 100 && a1 >= 0 && a1 <= 100) {
            r->acc[0][L] = a0 / 100, r->acc[1][L] = a1 / 100;
            rows++;
        }
    }
    fclose(f);
    /* Yalnız tam koşunun sonuçları karşılaştırılır: --quick kısa dizilerle çalışır ve
     * en uzun L'yi içermez. */
    r->have = rows > 0 && r->acc[0][REV_MAX] >= 0 && r->acc[1][REV_MAX] >= 0;
}

/* Dönüş: L >= 20 uzunluklarında Transformer'ın dikkatsiz GRU'yu geçtiği en küçük fark
 * (ders 06'nın tam koşusu yoksa NAN). */
static double step7_compare(const double *acc, int maxL, size_t params, double sec, const LessonArgs *a) {
    step_banner(7, NSTEPS, "GRU, dikkatli GRU ve Transformer: uzunluğa göre doğruluk");
    L06Results r;
    read_lesson06(&r);
    if (maxL != REV_MAX) r.have = 0; /* --quick: kısa diziler, karşılaştırma yok */
    Plot p;
    /* Şekil uc_model: Ters çevirmede üç modelin tam eşleşmesi dizi uzunluğuna göre: dikkatsiz
     * GRU'nun uzun dizilerde çöktüğü yerde dikkatli modellerin ne kadar yüksek kaldığına bakın. */
    FILE *d = plot_begin(&p, "lesson12", "uc_model");
    fprintf(d, "# L transformer gru gru_dikkat (tam eşleşme; -1 = ölçülmedi)\n");
    for (int L = REV_MIN; L <= maxL; L++)
        fprintf(d, "%d %g %g %g\n", L, acc[L], r.have ? r.acc[0][L] : -1, r.have ? r.acc[1][L] : -1);
    plot_finish(&p, "set title 'Ters çevirme: uzunluğa göre tam eşleşme'\n"
                    "set xlabel 'dizi uzunluğu L'\nset ylabel 'tam eşleşme'\nset yrange [0:1.05]\n"
                    "set key bottom left\nset datafile missing '-1'\n"
                    "plot 'uc_model.dat' u 1:($2<0?NaN:$2) w lp t 'Transformer', "
                    "'' u 1:($3<0?NaN:$3) w lp t 'GRU, dikkatsiz', "
                    "'' u 1:($4<0?NaN:$4) w lp t 'GRU + Bahdanau dikkati'\n");
    plot_render(&p, a->ascii);
    printf("  model                 parametre   eğitim süresi   L=20    L=%d\n", maxL);
    if (r.have)
        for (int i = 0; i < 2; i++) {
            char ps[32] = "—", ss[32] = "—";
            if (r.params[i] > 0) snprintf(ps, sizeof ps, "%ld", r.params[i]);
            if (r.sec[i] > 0) snprintf(ss, sizeof ss, "%.1f s", r.sec[i]);
            printf("  %-20s %10s   %11s     %%%-5.0f  %%%.0f\n", i ? "GRU + dikkat" : "GRU, dikkatsiz", ps, ss,
                   100 * r.acc[i][20], 100 * r.acc[i][REV_MAX]);
        }
    printf("  %-20s %10zu   %9.1f s     %%%-5.0f  %%%.0f\n", "Transformer", params, sec,
           100 * acc[20 < maxL ? 20 : maxL], 100 * acc[maxL]);
    if (!r.have)
        printf("(GRU sonuçları yok: ./lesson06'nın tam koşusu (--quick değil) bu dersten önce\n"
               "çalıştırılırsa aynı tabloda ve şekilde görünür.)\n");
    double margin = NAN;
    if (r.have)
        for (int L = 20; L <= maxL; L++)
            if (acc[L] >= 0 && r.acc[0][L] >= 0 && !(acc[L] - r.acc[0][L] >= margin))
                margin = acc[L] - r.acc[0][L];
    if (!isnan(margin))
        printf("L >= 20'nin her uzunluğunda Transformer dikkatsiz GRU'dan en az %.0f puan önde.\n",
               100 * margin);
    printf("Şekil: plots/lesson12/uc_model.png\n");
    return margin;
}

/* ======================================================================
 * Kaydetme, yükleme ve --translate
 * ====================================================================== */
static int save_model(const Tf *m, int maxlen, const char *path, char *err, size_t errlen) {
    const TfConfig *c = &m->cfg;
    CkptInt conf[] = {{"task", SEQ_NUMBER}, {"maxlen", maxlen}, {"Vs", c->Vs}, {"Vt", c->Vt}, {"C", c->C}, {"NH", c->NH},
                      {"FF", c->FF}, {"NL", c->NL}, {"S", c->S}, {"T", c->T}, {"XL", c->XL}};
    return ckpt_save(path, "transformer-seq2seq", conf, (int)(sizeof conf / sizeof *conf), NULL, &m->P,
                     err, errlen);
}

static int load_model(Tf *m, const SeqTask *num, const char *path, char *err, size_t errlen) {
    Ckpt ck;
    if (ckpt_open(&ck, path, "transformer-seq2seq", err, errlen) != 0) return -1;
    int64_t v[9];
    const char *keys[9] = {"task", "Vs", "Vt", "C", "NH", "FF", "NL", "S", "T"};
    int64_t lo[9] = {SEQ_NUMBER, 1, 1, 4, 1, 4, 1, 2, 2}, hi[9] = {SEQ_NUMBER, SEQ_VOCAB_MAX, SEQ_VOCAB_MAX, 1024, 64, 8192, MAXL, 4096, 4096};
    for (int i = 0; i < 9; i++)
        if (ckpt_get_int(&ck, keys[i], lo[i], hi[i], &v[i], err, errlen) != 0) {
            ckpt_close(&ck);
            return -1;
        }
    if (v[1] != num->src.n || v[2] != num->tgt.n || v[7] != seqtask_src_cap(num) ||
        v[8] != seqtask_tgt_cap(num) || v[3] % v[4] != 0) {
        snprintf(err, errlen, "model dosyası '%s': sözlük ya da boyutlar bu dersin sayı göreviyle uyuşmuyor", path);
        ckpt_close(&ck);
        return -1;
    }
    /* Dosya bu boyutlardaki bir modeli taşıyabilir mi? Her katmanın en az 2·C·FF + 8·C²
     * ağırlığı var (iki yanda); başlığın sayılarına güvenip büyük bellek ayırmadan önce. */
    double need = 2.0 * (double)v[6] * (2.0 * (double)v[3] * (double)v[5] + 4.0 * (double)v[3] * (double)v[3]) * 4.0;
    if (need > (double)ck.size) {
        snprintf(err, errlen, "model dosyası '%s' (%zu bayt) başlığındaki boyutlar (C=%lld, FF=%lld, %lld katman) için çok küçük",
                 path, ck.size, (long long)v[3], (long long)v[5], (long long)v[6]);
        ckpt_close(&ck);
        return -1;
    }
    /* XL (çapraz dikkatli katman sayısı) eski dosyalarda yoktur: o zaman her katmanda */
    int64_t xl = v[6];
    for (int i = 0; i < ck.nconf; i++)
        if (strcmp(ck.conf[i].key, "XL") == 0 && ckpt_get_int(&ck, "XL", 1, v[6], &xl, err, errlen) != 0) {
            ckpt_close(&ck);
            return -1;
        }
    TfConfig c = {.Vs = (int)v[1], .Vt = (int)v[2], .C = (int)v[3], .NH = (int)v[4], .FF = (int)v[5],
                  .NL = (int)v[6], .S = (int)v[7], .T = (int)v[8], .residual = 1, .norm = 1, .XL = (int)xl};
    tf_build(m, &c, 1, 1);
    int rc = ckpt_read_params(&ck, &m->P, err, errlen);
    ckpt_close(&ck);
    if (rc != 0) tf_free(m);
    return rc;
}

static int translate(const char *path, const char *text) {
    /* Model hangi rakam sayısına kadar eğitildi? (--quick daha kısa sayılarla eğitir) */
    char err[512], norm[64];
    Ckpt ck;
    int64_t maxlen;
    if (ckpt_open(&ck, path, "transformer-seq2seq", err, sizeof err) != 0 ||
        ckpt_get_int(&ck, "maxlen", 1, NUM_MAX, &maxlen, err, sizeof err) != 0) {
        ckpt_close(&ck);
        fprintf(stderr, "hata: %s\nÖnce modeli eğitin: ./lesson12 (model %s dosyasına kaydedilir)\n", err, path);
        return 1;
    }
    ckpt_close(&ck);
    SeqTask num;
    seqtask_init(&num, SEQ_NUMBER, 0, 1, (int)maxlen);
    if (seq_number_normalize(text, (int)maxlen, norm, sizeof norm, err, sizeof err) != 0) {
        fprintf(stderr, "hata: --translate \"%s\": %s\n", text, err);
        seqtask_free(&num);
        return 2;
    }
    Tf m;
    if (load_model(&m, &num, path, err, sizeof err) != 0) {
        fprintf(stderr, "hata: %s\nÖnce modeli eğitin: ./lesson12 (model %s dosyasına kaydedilir)\n", err, path);
        seqtask_free(&num);
        return 1;
    }
    int src[64];
    int S = seqvocab_encode(&num.src, norm, src, 64, err, sizeof err);
    if (S < 0) {
        fprintf(stderr, "hata: --translate \"%s\": %s\n", text, err);
        tf_free(&m);
        seqtask_free(&num);
        return 2;
    }
    Decoder d;
    decoder_init(&d, &m, 1);
    int *out = xmalloc((size_t)m.cfg.T * sizeof(int));
    greedy_decode(&m, &d, src, 1, S, out, NULL);
    char o[1024], want[1024];
    seqvocab_decode(&num.tgt, out, m.cfg.T, o, sizeof o);
    seqtask_target_text(&num, norm, want, sizeof want);
    printf("%s\n-> %s\n", norm, o);
    printf("%s\n", strcmp(o, want) == 0 ? "(doğru)" : "(yanlış; doğrusu aşağıda)");
    if (strcmp(o, want) != 0) printf("   %s\n", want);
    free(out);
    decoder_free(&d, &m);
    tf_free(&m);
    seqtask_free(&num);
    return 0;
}

/* ======================================================================
 * Sınav
 * ====================================================================== */
static int run_quiz(const LessonArgs *a) {
    int C = MODEL_C, FF = MODEL_FF;
    double att = (double)mha_param_count(C, C);
    static QuizQuestion qs[7];
    qs[0] = (QuizQuestion){.q = "Kod çözücünün çapraz dikkatinde sorgu (query), anahtar (key) ve değer nereden gelir?",
                           .choices = {"üçü de kod çözücüden", "sorgu kod çözücüden; anahtar ve değer kodlayıcı çıktısından",
                                       "sorgu kodlayıcıdan; anahtar ve değer kod çözücüden", "üçü de kodlayıcıdan", NULL},
                           .correct = 1,
                           .explain = "Kod çözücü 'ne arıyorum?' diye sorar (Q), kaynağın her konumu kendini anahtar ve değerle sunar."};
    qs[1] = (QuizQuestion){.q = "Kod çözücünün ÖZ dikkatinde neden nedensel maske kullanılır?",
                           .choices = {"hesabı hızlandırmak için", "üretirken henüz yazılmamış simgeler yoktur; eğitimde de onlara bakmamalı",
                                       "dolgu (PAD) simgelerini gizlemek için", "kodlayıcıyı gizlemek için", NULL},
                           .correct = 1,
                           .explain = "Öğretmen zorlamasıyla bütün hedef girdi olarak verilir; maske olmasa t. konum t+1'i kopyalardı."};
    qs[2] = (QuizQuestion){.q = "C = 64 için bir çok başlı dikkat bloğunun (W_Q, W_K, W_V, W_O ve bias'lar) parametre sayısı kaçtır?",
                           .answer = att, .tol = 0.5,
                           .explain = "4·C·C + 4·C = 4·4096 + 256 = 16 640; baş sayısından bağımsızdır (ders 10)."};
    qs[3] = (QuizQuestion){.q = "C = 64, FF = 128 için bir ileri besleme ağının (W1, b1, W2, b2) parametre sayısı kaçtır?",
                           .answer = 2.0 * C * FF + FF + C, .tol = 0.5,
                           .explain = "C·FF + FF + FF·C + C = 8192 + 128 + 8192 + 64 = 16 576."};
    qs[4] = (QuizQuestion){.q = "y = x + F(x) artık bağlantısında ∂y/∂x nedir?",
                           .choices = {"∂F/∂x", "I + ∂F/∂x", "I", "(∂F/∂x)²", NULL},
                           .correct = 1,
                           .explain = "Birim matris terimi gradyanın F'den bağımsız olarak alttaki katmanlara ulaşmasını sağlar (Adım 6)."};
    qs[5] = (QuizQuestion){.q = "Isınma W = 100 adım ve η_max = 0,002 ise 50. adımdaki (s = 49) öğrenme oranı kaçtır?",
                           .answer = lr_at(49, 1000, 100, 0.002f, LR_FLOOR), .tol = 1e-6,
                           .explain = "η = η_max·(s+1)/W = 0,002·50/100 = 0,001."};
    qs[6] = (QuizQuestion){.q = "KV önbelleği (KV cache) üretirken neyi saklar?",
                           .choices = {"her konumun çıktı olasılıklarını", "her katmanda önceki konumların anahtar ve değer izdüşümlerini (projection)",
                                       "kodlayıcının girdisini", "gradyanları", NULL},
                           .correct = 1,
                           .explain = "Nedensel maske sayesinde eski konumların K ve V'si değişmez; her adımda yalnız yeni konum hesaplanır."};
    return quiz_run("lesson12", qs, 7, a->answers);
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson12", .title = "Transformer: kodlayıcı–kod çözücü ve çapraz dikkat",
                         .default_epochs = 1, .extras = CLI_MODEL | CLI_NO_DATA | CLI_NO_EPOCHS | CLI_TRANSLATE,
                         .extra_help = "Tam koşu birkaç dakika sürer; --quick birkaç saniye.\n"
                                       "--translate \"1 234\": eğitilmiş sayı modeliyle (--model) kendi sayınızın okunuşu.\n"});
    if (a.quiz) return run_quiz(&a);
    const char *path = a.model ? a.model
                       : a.quick ? MODEL_DIR "/lesson12_sayi_quick.ckpt" : MODEL_DIR "/lesson12_sayi.ckpt";
    if (a.translate) return translate(path, a.translate);
    char err[512];
    if (mkdir_p(MODEL_DIR) != 0) die("'%s' klasörü oluşturulamadı", MODEL_DIR);
    if (model_path_check_writable(path, err, sizeof err) != 0) die("%s", err); /* eğitimden önce */

    int maxL = a.quick ? 12 : REV_MAX;
    int per_len = a.quick ? 8 : TEST_PER_LEN;
    /* --quick: kısa diziler ve az adım (testler iddiaları bunun üzerinde sınar) */
    int num_max = a.quick ? 6 : NUM_MAX;
    int steps_rev = a.quick ? 150 : REV_STEPS, steps_num = a.quick ? 60 : 2000, steps_deep = a.quick ? 40 : 300;
    double t_start = now_sec();

    SeqTask rev, rev_tr, num;
    seqtask_init(&rev, SEQ_REVERSE, REV_NSYM, REV_MIN, maxL);
    /* Eğitim test uzunluğunun ötesine (maxL + REV_EXTRA) uzanır: Adım 4'e bakın */
    seqtask_init(&rev_tr, SEQ_REVERSE, REV_NSYM, REV_MIN, maxL + (a.quick ? 0 : REV_EXTRA));
    seqtask_init(&num, SEQ_NUMBER, 0, 1, num_max);
    SeqSet rts, nts, rvs, nvs;
    seqtask_testset(&rev, per_len, &rts);
    seqtask_testset(&num, per_len, &nts);
    seqtask_valset(&rev, a.quick ? 8 : VAL_PER_LEN, &rvs);
    seqtask_valset(&num, a.quick ? 8 : VAL_PER_LEN, &nvs);
    seqtask_exclude(&rev_tr, &rts);
    seqtask_exclude(&rev_tr, &rvs);
    Rng r;
    rng_seed(&r, (uint64_t)a.seed);
    step1_data(&rev, &num, &r);

    TfConfig rc = {.Vs = rev.src.n, .Vt = rev.tgt.n, .C = MODEL_C, .NH = MODEL_NH, .FF = MODEL_FF, .NL = MODEL_NL,
                   .S = seqtask_src_cap(&rev_tr), .T = seqtask_tgt_cap(&rev_tr), .residual = 1, .norm = 1};
    double gc = step2_layer(&rc, &a);
    int warm = a.quick ? 10 : 100;
    float lr = 2e-3f;
    step3_warmup(steps_rev, warm, lr, REV_LR_FLOOR, &a);

    Tf mr;
    tf_build(&mr, &rc, BATCH, (uint64_t)a.seed + 5);
    TrainLog lr_rev = {.steps = steps_rev, .warm = warm, .lr = lr, .floor = REV_LR_FLOOR};
    double acc_rev[REV_MAX + 1];
    double rev_em, rev_val_max;
    step4_reverse(&mr, &rev, &rev_tr, &rts, &rvs, &lr_rev, acc_rev, &rev_em, &rev_val_max, &a, maxL);

    TfConfig nc = rc;
    nc.Vs = num.src.n, nc.Vt = num.tgt.n, nc.S = seqtask_src_cap(&num), nc.T = seqtask_tgt_cap(&num);
    Tf mn;
    tf_build(&mn, &nc, BATCH, (uint64_t)a.seed + 6);
    TrainLog lr_num = {.steps = steps_num, .warm = warm, .lr = lr, .floor = LR_FLOOR};
    double acc_num[NUM_MAX + 1], num_em = 0, align_rate = 0, align_val = 0;
    step5_number(&mn, &num, &nts, &nvs, &lr_num, acc_num, &num_em, &align_rate, &align_val, &a);
    if (save_model(&mn, num_max, path, err, sizeof err) != 0) die("%s", err);
    printf("Sayı modeli kaydedildi: %s\n(deneyin: ./lesson12%s --translate \"2 026\")\n", path,
           a.quick ? " --quick" : "");

    double gratio, lw, lwo;
    step6_residual(&rc, &rev, steps_deep, &a, &gratio, &lw, &lwo);
    double margin = step7_compare(acc_rev, maxL, mr.P.n, lr_rev.seconds, &a);

    /* Toplam sonuçlar */
    double rev_all = 0, num_all = 0;
    int nr = 0, nn = 0;
    for (int L = REV_MIN; L <= maxL; L++)
        if (acc_rev[L] >= 0) rev_all += acc_rev[L], nr++;
    for (int L = 1; L <= num_max; L++)
        if (acc_num[L] >= 0) num_all += acc_num[L], nn++;
    char marg[48] = "";
    if (!isnan(margin)) snprintf(marg, sizeof marg, " tf_minus_gru_min=%.4f", margin);
    printf("\nSONUÇ: gradcheck_rel=%.2e rev_loss0=%.4f rev_loss_end=%.4f rev_acc_maxlen=%.4f "
           "rev_acc_val_maxlen=%.4f rev_acc_l20=%.4f rev_acc_mean=%.4f rev_em=%.4f num_acc=%.4f "
           "num_em=%.4f align=%.4f align_val=%.4f deep_loss_res=%.4f deep_loss_nores=%.4f%s "
           "params=%zu seconds=%.1f cpu_seconds=%.1f\n",
           gc, lr_rev.loss[0], tail_loss(&lr_rev, 20), acc_rev[maxL], rev_val_max,
           acc_rev[20 < maxL ? 20 : maxL], nr ? rev_all / nr : 0, rev_em, nn ? num_all / nn : 0, num_em,
           align_rate, align_val, lw, lwo, marg, mr.P.n, now_sec() - t_start,
           (double)clock() / CLOCKS_PER_SEC);
    (void)gratio;
    log_free(&lr_rev), log_free(&lr_num);
    tf_free(&mr), tf_free(&mn);
    seqset_free(&rts), seqset_free(&nts), seqset_free(&rvs), seqset_free(&nvs);
    seqtask_free(&rev), seqtask_free(&rev_tr), seqtask_free(&num);
    return 0;
}
