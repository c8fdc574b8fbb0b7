/* seq2seq.c — GRU kodlayıcı–kod çözücü, isteğe bağlı Bahdanau dikkati (bkz. seq2seq.h). */
#include "model/seq2seq.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "data/seqtask.h"
#include "nn/dense.h"

#define HC(m) ((m)->c.A > 0 ? (m)->c.H : 0)
#define HO(m) ((m)->c.H + HC(m))
#define EI(m) ((m)->c.E + HC(m))

static void add_gru(Params *P, const char *pre, GruW *W, GruW *G, int I, int H) {
    char n[PARAMS_NAME_MAX];
    snprintf(n, sizeof n, "%s.wih", pre);
    params_add(P, n, &W->wih, &G->wih, (size_t)3 * H * I);
    snprintf(n, sizeof n, "%s.whh", pre);
    params_add(P, n, &W->whh, &G->whh, (size_t)3 * H * H);
    snprintf(n, sizeof n, "%s.bih", pre);
    params_add(P, n, &W->bih, &G->bih, (size_t)3 * H);
    snprintf(n, sizeof n, "%s.bhh", pre);
    params_add(P, n, &W->bhh, &G->bhh, (size_t)3 * H);
}

void seq2seq_build(Seq2Seq *m, Seq2SeqConfig c) {
    memset(m, 0, sizeof *m);
    m->c = c;
    Params *P = &m->P;
    Seq2SeqW *W = &m->W, *G = &m->G;
    params_init(P);
    params_add(P, "src_emb", &W->src_emb, &G->src_emb, (size_t)c.Vs * c.E);
    params_add(P, "tgt_emb", &W->tgt_emb, &G->tgt_emb, (size_t)c.Vt * c.E);
    add_gru(P, "enc", &W->enc, &G->enc, c.E, c.H);
    add_gru(P, "dec", &W->dec, &G->dec, EI(m), c.H);
    if (c.A > 0) {
        params_add(P, "att.wa", &W->att.wa, &G->att.wa, (size_t)c.A * c.H);
        params_add(P, "att.ua", &W->att.ua, &G->att.ua, (size_t)c.A * c.H);
        params_add(P, "att.ba", &W->att.ba, &G->att.ba, (size_t)c.A);
        params_add(P, "att.v", &W->att.v, &G->att.v, (size_t)c.A);
    }
    params_add(P, "out.w", &W->wout, &G->wout, (size_t)HO(m) * c.Vt);
    params_add(P, "out.b", &W->bout, &G->bout, (size_t)c.Vt);
    params_alloc(P);
}

void seq2seq_init(Seq2Seq *m, Rng *r) {
    const Seq2SeqConfig *c = &m->c;
    /* Gömmeler N(0, 1) (PyTorch nn.Embedding gibi), GRU'lar U(±1/√H), çıkış Glorot */
    for (size_t i = 0; i < (size_t)c->Vs * c->E; i++) m->W.src_emb[i] = rng_normal(r);
    for (size_t i = 0; i < (size_t)c->Vt * c->E; i++) m->W.tgt_emb[i] = rng_normal(r);
    gru_init(&m->W.enc, c->E, c->H, r);
    gru_init(&m->W.dec, EI(m), c->H, r);
    if (c->A > 0) bahdanau_init(&m->W.att, c->H, c->H, c->A, r);
    dense_init_glorot(m->W.wout, m->W.bout, HO(m), c->Vt, r);
}

static void free_acts(Seq2Seq *m) {
    float **f[] = {&m->xs, &m->hs, &m->ecache, &m->keys, &m->ctx, &m->st, &m->dcache, &m->xin,
                   &m->alpha, &m->u, &m->o, &m->logits, &m->dlogits, &m->dout, &m->dst,
                   &m->dctx, &m->dxin, &m->dkeys, &m->dhs, &m->dxs, &m->ws};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        free(*f[i]);
        *f[i] = NULL;
    }
    free(m->srcT); free(m->dinT); free(m->tgtT);
    m->srcT = m->dinT = m->tgtT = NULL;
}

void seq2seq_free(Seq2Seq *m) {
    free_acts(m);
    params_free(&m->P);
}

/* Ara değerleri en az (B,S,T) için ayırır. */
static void ensure(Seq2Seq *m, int B, int S, int T) {
    if (B <= m->capB && S <= m->capS && T <= m->capT) return;
    free_acts(m);
    if (B < m->capB) B = m->capB;
    if (S < m->capS) S = m->capS;
    if (T < m->capT) T = m->capT;
    m->capB = B; m->capS = S; m->capT = T;
    const int E = m->c.E, H = m->c.H, A = m->c.A > 0 ? m->c.A : 1, V = m->c.Vt;
    size_t b = (size_t)B;
#define AL(p, n) (p) = xcalloc((n), sizeof *(p))
    AL(m->srcT, (size_t)S * b); AL(m->dinT, (size_t)T * b); AL(m->tgtT, (size_t)T * b);
    AL(m->xs, (size_t)S * b * E); AL(m->hs, (size_t)S * b * H);
    AL(m->ecache, (size_t)S * GRU_CACHE(B, H)); AL(m->keys, (size_t)S * b * A);
    AL(m->ctx, (size_t)T * b * H); AL(m->st, (size_t)(T + 1) * b * H);
    AL(m->dcache, (size_t)T * GRU_CACHE(B, H)); AL(m->xin, (size_t)T * b * EI(m));
    AL(m->alpha, (size_t)T * b * S); AL(m->u, (size_t)T * b * S * A);
    AL(m->o, (size_t)T * b * HO(m)); AL(m->logits, (size_t)T * b * V);
    AL(m->dlogits, (size_t)T * b * V); AL(m->dout, (size_t)T * b * HO(m));
    AL(m->dst, (size_t)(T + 1) * b * H); AL(m->dctx, (size_t)T * b * H);
    AL(m->dxin, (size_t)T * b * EI(m)); AL(m->dkeys, (size_t)S * b * A);
    AL(m->dhs, (size_t)S * b * H); AL(m->dxs, (size_t)S * b * E);
    AL(m->ws, GRU_WS(B, H));
#undef AL
}

/* Kodlayıcı: kaynak simgelerinden h_1..h_S (ve dikkat varsa anahtarlar). */
static void encode(Seq2Seq *m, const int *src, int S, int B) {
    const int E = m->c.E, H = m->c.H;
    for (int b = 0; b < B; b++)
        for (int s = 0; s < S; s++) {
            int id = src[(size_t)b * S + s];
            m->srcT[(size_t)s * B + b] = id;
            memcpy(m->xs + ((size_t)s * B + b) * E, m->W.src_emb + (size_t)id * E,
                   (size_t)E * sizeof(float));
        }
    gru_forward(m->hs, m->ecache, m->xs, NULL, &m->W.enc, S, B, E, H, m->ws);
    if (m->c.A > 0) bahdanau_keys(m->keys, m->hs, &m->W.att, S, B, H, m->c.A);
    /* s_0 = h_S: kaynağın tamamı kod çözücüye bu tek vektörle geçer */
    memcpy(m->st, m->hs + (size_t)(S - 1) * B * H, (size_t)B * H * sizeof(float));
}

/* Kod çözücünün t. adımı: din_t (B) simgeleri, st[t] -> st[t+1], o[t]. */
static void decode_step(Seq2Seq *m, int t, const int *ids, int S, int B) {
    const int E = m->c.E, H = m->c.H, ei = EI(m), ho = HO(m);
    const size_t BH = (size_t)B * H;
    float *xin = m->xin + (size_t)t * B * ei, *ctx = m->ctx + t * BH;
    if (m->c.A > 0)
        /* c_t = Σ_s α_ts h_s ; sorgu bir önceki durum s_{t-1} */
        bahdanau_forward(ctx, m->alpha + (size_t)t * B * S, m->u + (size_t)t * B * S * m->c.A,
                         m->st + t * BH, m->keys, m->hs, NULL, &m->W.att, S, B, H, H, m->c.A);
    for (int b = 0; b < B; b++) {
        /* girdi = [E_tgt[y_{t-1}] ; c_t] */
        memcpy(xin + (size_t)b * ei, m->W.tgt_emb + (size_t)ids[b] * E, (size_t)E * sizeof(float));
        if (m->c.A > 0) memcpy(xin + (size_t)b * ei + E, ctx + (size_t)b * H, (size_t)H * sizeof(float));
    }
    gru_cell_forward(m->st + (t + 1) * BH, m->dcache + (size_t)t * GRU_CACHE(B, H), xin,
                     m->st + t * BH, &m->W.dec, B, ei, H, m->ws);
    /* çıkış katmanının girdisi o_t = [s_t ; c_t] */
    for (int b = 0; b < B; b++) {
        float *o = m->o + ((size_t)t * B + b) * ho;
        memcpy(o, m->st + (t + 1) * BH + (size_t)b * H, (size_t)H * sizeof(float));
        if (m->c.A > 0) memcpy(o + H, ctx + (size_t)b * H, (size_t)H * sizeof(float));
    }
}

double seq2seq_forward(Seq2Seq *m, const int *src, int S, const int *din, const int *tgt, int T,
                       int B) {
    ensure(m, B, S, T);
    m->B = B; m->S = S; m->T = T;
    const int V = m->c.Vt;
    encode(m, src, S, B);
    for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++) {
            m->dinT[(size_t)t * B + b] = din[(size_t)b * T + t];
            m->tgtT[(size_t)t * B + b] = tgt[(size_t)b * T + t];
        }
    for (int t = 0; t < T; t++) decode_step(m, t, m->dinT + (size_t)t * B, S, B);
    /* Bütün adımların çıkışı tek GEMM'de: logits (T*B, Vt) */
    dense_forward(m->logits, m->o, m->W.wout, m->W.bout, T * B, HO(m), V);
    /* softmax + çapraz entropi; PAD hedefleri kayba girmez */
    double L = 0;
    int ntok = 0;
    for (int i = 0; i < T * B; i++) ntok += m->tgtT[i] != SEQ_PAD;
    m->ntok = ntok;
    for (int i = 0; i < T * B; i++) {
        float *z = m->logits + (size_t)i * V, *dz = m->dlogits + (size_t)i * V;
        int y = m->tgtT[i];
        float mx = z[0], s = 0;
        for (int k = 1; k < V; k++) mx = z[k] > mx ? z[k] : mx;
        for (int k = 0; k < V; k++) s += z[k] = expf(z[k] - mx);
        for (int k = 0; k < V; k++) z[k] /= s;
        if (y == SEQ_PAD) {
            memset(dz, 0, (size_t)V * sizeof(float));
            continue;
        }
        L -= log(fmax(z[y], 1e-30));
        /* dL/dz = (p − onehot(y)) / simge sayısı */
        for (int k = 0; k < V; k++) dz[k] = (z[k] - (k == y)) / (float)ntok;
    }
    return ntok ? L / ntok : 0.0;
}

void seq2seq_backward(Seq2Seq *m) {
    const int B = m->B, S = m->S, T = m->T, E = m->c.E, H = m->c.H, V = m->c.Vt, A = m->c.A;
    const int ei = EI(m), ho = HO(m);
    const size_t BH = (size_t)B * H;
    memset(m->dout, 0, (size_t)T * B * ho * sizeof(float));
    dense_backward(m->dout, m->G.wout, m->G.bout, m->dlogits, m->o, m->W.wout, T * B, ho, V);
    memset(m->dst, 0, (size_t)(T + 1) * BH * sizeof(float));
    memset(m->dctx, 0, (size_t)T * BH * sizeof(float));
    memset(m->dxin, 0, (size_t)T * B * ei * sizeof(float));
    memset(m->dhs, 0, (size_t)S * BH * sizeof(float));
    if (A > 0) memset(m->dkeys, 0, (size_t)S * B * A * sizeof(float));
    /* o_t = [s_t ; c_t] */
    for (int t = 0; t < T; t++)
        for (int b = 0; b < B; b++) {
            const float *d = m->dout + ((size_t)t * B + b) * ho;
            float *ds = m->dst + (t + 1) * BH + (size_t)b * H;
            for (int j = 0; j < H; j++) ds[j] += d[j];
            if (A > 0) {
                float *dc = m->dctx + t * BH + (size_t)b * H;
                for (int j = 0; j < H; j++) dc[j] += d[H + j];
            }
        }
    /* Zamanda geri: t. adımın geri geçişi s_t'nin bütün gradyanı toplandıktan sonra */
    for (int t = T - 1; t >= 0; t--) {
        float *xin = m->xin + (size_t)t * B * ei, *dxin = m->dxin + (size_t)t * B * ei;
        gru_cell_backward(dxin, m->dst + t * BH, &m->G.dec, m->dst + (t + 1) * BH,
                          m->dcache + (size_t)t * GRU_CACHE(B, H), xin, m->st + t * BH,
                          &m->W.dec, B, ei, H, m->ws);
        for (int b = 0; b < B; b++) {
            const float *d = dxin + (size_t)b * ei;
            /* gömme: E_tgt[y_{t-1}] satırına eklenir */
            float *ge = m->G.tgt_emb + (size_t)m->dinT[(size_t)t * B + b] * E;
            for (int j = 0; j < E; j++) ge[j] += d[j];
            if (A > 0) {
                float *dc = m->dctx + t * BH + (size_t)b * H;
                for (int j = 0; j < H; j++) dc[j] += d[E + j];
            }
        }
        if (A > 0)
            bahdanau_backward(m->dst + t * BH, m->dkeys, m->dhs, &m->G.att, m->dctx + t * BH,
                              m->alpha + (size_t)t * B * S, m->u + (size_t)t * B * S * A,
                              m->st + t * BH, m->hs, NULL, &m->W.att, S, B, H, H, A);
    }
    if (A > 0) bahdanau_keys_backward(m->dhs, &m->G.att, m->dkeys, m->hs, &m->W.att, S, B, H, A);
    /* s_0 = h_S */
    for (size_t k = 0; k < BH; k++) m->dhs[(size_t)(S - 1) * BH + k] += m->dst[k];
    memset(m->dxs, 0, (size_t)S * B * E * sizeof(float));
    gru_backward(m->dxs, NULL, &m->G.enc, m->dhs, m->xs, NULL, m->hs, m->ecache, &m->W.enc, S, B,
                 E, H, m->ws);
    for (int s = 0; s < S; s++)
        for (int b = 0; b < B; b++) {
            const float *d = m->dxs + ((size_t)s * B + b) * E;
            float *ge = m->G.src_emb + (size_t)m->srcT[(size_t)s * B + b] * E;
            for (int j = 0; j < E; j++) ge[j] += d[j];
        }
}

void seq2seq_greedy(Seq2Seq *m, const int *src, int S, int B, int Tmax, int *out, float *alpha) {
    ensure(m, B, S, Tmax);
    const int V = m->c.Vt, ho = HO(m);
    encode(m, src, S, B);
    int *prev = xmalloc((size_t)B * sizeof(int)), *done = xcalloc((size_t)B, sizeof(int));
    for (int b = 0; b < B; b++) prev[b] = SEQ_BOS;
    if (alpha) memset(alpha, 0, (size_t)B * Tmax * S * sizeof(float));
    for (int t = 0; t < Tmax; t++) {
        decode_step(m, t, prev, S, B);
        float *lg = m->logits + (size_t)t * B * V;
        dense_forward(lg, m->o + (size_t)t * B * ho, m->W.wout, m->W.bout, B, ho, V);
        int alive = 0;
        for (int b = 0; b < B; b++) {
            int k = SEQ_EOS; /* PAD ve BOS hiçbir zaman çıktı değildir */
            for (int j = SEQ_EOS + 1; j < V; j++)
                if (lg[(size_t)b * V + j] > lg[(size_t)b * V + k]) k = j;
            out[(size_t)b * Tmax + t] = done[b] ? SEQ_PAD : k;
            if (alpha && m->c.A > 0 && !done[b])
                memcpy(alpha + ((size_t)b * Tmax + t) * S, m->alpha + ((size_t)t * B + b) * S,
                       (size_t)S * sizeof(float));
            if (k == SEQ_EOS) done[b] = 1;
            alive += !done[b];
            prev[b] = k; /* kendi tahmini bir sonraki adımın girdisi */
        }
        if (!alive) {
            for (int t2 = t + 1; t2 < Tmax; t2++)
                for (int b = 0; b < B; b++) out[(size_t)b * Tmax + t2] = SEQ_PAD;
            break;
        }
    }
    free(prev);
    free(done);
}

double seq2seq_beam(Seq2Seq *m, const int *src, int S, int K, int Tmax, int *out) {
    ensure(m, K, S, Tmax);
    const int V = m->c.Vt, ho = HO(m), H = m->c.H;
    const size_t BH = (size_t)K * H;
    int *srcK = xmalloc((size_t)K * S * sizeof(int));
    for (int k = 0; k < K; k++) memcpy(srcK + (size_t)k * S, src, (size_t)S * sizeof(int));
    encode(m, srcK, S, K);
    free(srcK);
    int *hist = xcalloc((size_t)K * Tmax, sizeof(int)), *nhist = xcalloc((size_t)K * Tmax, sizeof(int));
    int *prev = xmalloc((size_t)K * sizeof(int)), *fin = xcalloc((size_t)K, sizeof(int));
    int *nfin = xmalloc((size_t)K * sizeof(int)), *par = xmalloc((size_t)K * sizeof(int));
    int *tok = xmalloc((size_t)K * sizeof(int));
    double *lp = xmalloc((size_t)K * sizeof(double)), *nlp = xmalloc((size_t)K * sizeof(double));
    float *tmp = xmalloc(BH * sizeof(float));
    /* başta tek ışın: aynı başlangıcın K kopyası aynı adayları üretmesin */
    for (int k = 0; k < K; k++) {
        prev[k] = SEQ_BOS;
        lp[k] = k == 0 ? 0.0 : -INFINITY;
    }
    int t = 0;
    for (; t < Tmax; t++) {
        int all = 1;
        for (int k = 0; k < K; k++) all &= fin[k] || lp[k] == -INFINITY;
        if (all) break;
        decode_step(m, t, prev, S, K);
        float *lg = m->logits + (size_t)t * K * V;
        dense_forward(lg, m->o + (size_t)t * K * ho, m->W.wout, m->W.bout, K, ho, V);
        /* en iyi K aday: (ışın, simge) çiftleri; biten ışın kendini bir aday olarak taşır */
        int n = 0;
        for (int c = 0; c < K; c++) nlp[c] = -INFINITY;
        for (int k = 0; k < K; k++) {
            if (lp[k] == -INFINITY) continue;
            const float *z = lg + (size_t)k * V;
            float mx = z[0];
            for (int j = 1; j < V; j++) mx = z[j] > mx ? z[j] : mx;
            double se = 0;
            for (int j = 0; j < V; j++) se += exp((double)z[j] - mx);
            double lse = mx + log(se);
            for (int j = 0; j < (fin[k] ? 1 : V); j++) {
                double sc = fin[k] ? lp[k] : lp[k] + (double)z[j] - lse;
                if (!fin[k] && (j == SEQ_PAD || j == SEQ_BOS)) continue;
                /* sıralı ekleme: nlp azalan sırada K aday */
                int pos = n < K ? n : K;
                while (pos > 0 && sc > nlp[pos - 1]) pos--;
                if (pos >= K) continue;
                int last = n < K ? n : K - 1;
                for (int q = last; q > pos; q--) {
                    nlp[q] = nlp[q - 1]; par[q] = par[q - 1]; tok[q] = tok[q - 1];
                    nfin[q] = nfin[q - 1];
                }
                nlp[pos] = sc; par[pos] = k; tok[pos] = fin[k] ? SEQ_PAD : j;
                nfin[pos] = fin[k] || j == SEQ_EOS;
                if (n < K) n++;
            }
        }
        /* ışınları yeni sıraya diz: geçmiş ve kod çözücü durumu s_{t+1} ebeveynden */
        float *st1 = m->st + (size_t)(t + 1) * BH;
        memcpy(tmp, st1, BH * sizeof(float));
        for (int c = 0; c < K; c++) {
            if (c >= n) { nlp[c] = -INFINITY; nfin[c] = 0; par[c] = 0; tok[c] = SEQ_PAD; }
            memcpy(nhist + (size_t)c * Tmax, hist + (size_t)par[c] * Tmax, (size_t)Tmax * sizeof(int));
            nhist[(size_t)c * Tmax + t] = tok[c];
            memcpy(st1 + (size_t)c * H, tmp + (size_t)par[c] * H, (size_t)H * sizeof(float));
            prev[c] = tok[c] == SEQ_PAD ? SEQ_EOS : tok[c];
        }
        int *sw = hist; hist = nhist; nhist = sw;
        memcpy(lp, nlp, (size_t)K * sizeof(double));
        memcpy(fin, nfin, (size_t)K * sizeof(int));
    }
    /* en yüksek puanlı biten ışın (hiçbiri bitmediyse en yüksek puanlı) */
    int best = -1;
    for (int k = 0; k < K; k++)
        if (fin[k] && lp[k] > -INFINITY && (best < 0 || lp[k] > lp[best])) best = k;
    if (best < 0) best = 0;
    for (int i = 0; i < Tmax; i++) out[i] = i < t ? hist[(size_t)best * Tmax + i] : SEQ_PAD;
    double r = lp[best];
    free(hist); free(nhist); free(prev); free(fin); free(nfin); free(par); free(tok);
    free(lp); free(nlp); free(tmp);
    return r;
}

int seq2seq_save(const Seq2Seq *m, const char *path, const CkptInt *extra, int nextra,
                 const char *meta, char *err, size_t errlen) {
    CkptInt conf[CKPT_MAX_CONF];
    const char *k[5] = {"Vs", "Vt", "E", "H", "A"};
    int v[5] = {m->c.Vs, m->c.Vt, m->c.E, m->c.H, m->c.A};
    int n = 0;
    for (int i = 0; i < 5; i++, n++) {
        snprintf(conf[n].key, sizeof conf[n].key, "%s", k[i]);
        conf[n].val = v[i];
    }
    for (int i = 0; i < nextra && n < CKPT_MAX_CONF; i++) conf[n++] = extra[i];
    return ckpt_save(path, "seq2seq-gru", conf, n, meta, &m->P, err, errlen);
}

int seq2seq_load(Seq2Seq *m, const char *path, CkptInt *extra, const int64_t *lo,
                 const int64_t *hi, int nextra, char *err, size_t errlen) {
    Ckpt c;
    if (ckpt_open(&c, path, "seq2seq-gru", err, errlen) != 0) return -1;
    int64_t Vs, Vt, E, H, A;
    if (ckpt_get_int(&c, "Vs", 4, SEQ_VOCAB_MAX, &Vs, err, errlen) != 0 ||
        ckpt_get_int(&c, "Vt", 4, SEQ_VOCAB_MAX, &Vt, err, errlen) != 0 ||
        ckpt_get_int(&c, "E", 1, 1024, &E, err, errlen) != 0 ||
        ckpt_get_int(&c, "H", 1, 2048, &H, err, errlen) != 0 ||
        ckpt_get_int(&c, "A", 0, 2048, &A, err, errlen) != 0) {
        ckpt_close(&c);
        return -1;
    }
    for (int i = 0; i < nextra; i++)
        if (ckpt_get_int(&c, extra[i].key, lo[i], hi[i], &extra[i].val, err, errlen) != 0) {
            ckpt_close(&c);
            return -1;
        }
    seq2seq_build(m, (Seq2SeqConfig){.Vs = (int)Vs, .Vt = (int)Vt, .E = (int)E, .H = (int)H,
                                     .A = (int)A});
    if (ckpt_read_params(&c, &m->P, err, errlen) != 0) {
        ckpt_close(&c);
        seq2seq_free(m);
        return -1;
    }
    ckpt_close(&c);
    return 0;
}
