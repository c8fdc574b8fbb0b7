/*
 * seq2seq.h — GRU kodlayıcı–kod çözücü (encoder–decoder; Sutskever ve ark. 2014,
 * Cho ve ark. 2014), isteğe bağlı Bahdanau dikkatiyle (Bahdanau ve ark. 2015).
 * Ders 06'nın modeli; ders 12 Transformer'ı bununla karşılaştırır.
 *
 * HARFLER
 *   B yığın, S kaynak uzunluğu (EOS dahil), T hedef uzunluğu (EOS dahil),
 *   Vs / Vt kaynak / hedef sözlüğü, E gömme (embedding) boyu, H GRU durumu,
 *   A dikkat gizli boyu (A = 0: dikkat YOK), HC = A > 0 ? H : 0 (bağlam boyu),
 *   HO = H + HC (çıkış katmanının girdisi).
 *
 * MODEL
 *   Kodlayıcı:  x_s = E_src[src_s]            h_s = GRU_enc(x_s, h_{s-1}),  h_0 = 0
 *   Kod çözücü: s_0 = h_S  (kaynağın TAMAMI bu tek vektörde: darboğaz, bottleneck)
 *     t = 1..T:  c_t = Σ_s α_ts h_s,  α_t = Bahdanau(s_{t-1}, h_1..h_S)   (A > 0 ise)
 *                s_t = GRU_dec([E_tgt[y_{t-1}] ; c_t], s_{t-1})          (y_0 = BOS)
 *                p(y_t | ...) = softmax(W_out [s_t ; c_t] + b_out)
 *   Eğitimde y_{t-1} DOĞRU önceki simgedir (öğretmen zorlaması, teacher forcing);
 *   çözmede (seq2seq_greedy) modelin kendi önceki tahmini.
 *
 * PARAMETRELER (tek Params bloğu; adlar kayıt dosyasındaki adlardır)
 *   src_emb (Vs,E)  tgt_emb (Vt,E)
 *   enc.wih (3H,E) enc.whh (3H,H) enc.bih enc.bhh (3H)          (bkz. nn/gru.h)
 *   dec.wih (3H,E+HC) dec.whh (3H,H) dec.bih dec.bhh (3H)
 *   att.wa (A,H) att.ua (A,H) att.ba (A) att.v (A)               (A > 0 ise; nn/bahdanau.h)
 *   out.w (HO,Vt) out.b (Vt)                                     (nn/dense.h düzeni)
 *
 * KULLANIM
 *   Seq2Seq m;
 *   seq2seq_build(&m, (Seq2SeqConfig){.Vs = 23, .Vt = 23, .E = 32, .H = 128, .A = 64});
 *   seq2seq_init(&m, &rng);
 *   params_zero_grad(&m.P);
 *   double L = seq2seq_forward(&m, src, S, din, tgt, T, B);  // ortalama kayıp / simge
 *   seq2seq_backward(&m);                                    // m.P.grads'a EKLER
 *   adam_step(&opt, m.P.params, m.P.grads);
 *   seq2seq_greedy(&m, src, S, B, Tmax, out, alpha);         // açgözlü çözme
 *   seq2seq_save(&m, "model.bin", extra, nextra, err, sizeof err);
 *   seq2seq_free(&m);
 *
 *   src (B,S), din (B,T), tgt (B,T), out (B,Tmax) simgeler YIĞIN öncelikli (seqtask
 *   düzeni); içeride zaman öncelikliye (S,B,·) çevrilir. tgt'deki PAD konumları
 *   kayba girmez. Bir yığındaki bütün kaynaklar aynı uzunluktadır (seqtask_batch);
 *   kodlayıcıda maske yoktur.
 *
 * SINIRLAR
 *   Tek katmanlı, tek yönlü kodlayıcı. Ara değerler ilk çağrıda en büyük (B,S,T)
 *   için ayrılır, daha büyüğü gelirse büyütülür.
 */
#ifndef DOAA_SEQ2SEQ_H
#define DOAA_SEQ2SEQ_H
#include <stddef.h>

#include "core/rng.h"
#include "model/ckpt.h"
#include "model/params.h"
#include "nn/bahdanau.h"
#include "nn/gru.h"

typedef struct {
    int Vs, Vt, E, H, A; /* A = 0: dikkatsiz */
} Seq2SeqConfig;

typedef struct {
    float *src_emb, *tgt_emb; /* (Vs,E), (Vt,E) */
    GruW enc, dec;
    BahdanauW att;
    float *wout, *bout;       /* (HO,Vt), (Vt) */
} Seq2SeqW;

typedef struct {
    Seq2SeqConfig c;
    Params P;
    Seq2SeqW W, G;            /* ağırlıklar ve gradyanları (P'nin içinde) */
    /* ara değerler (ileri geçişin sakladıkları) */
    int capB, capS, capT;
    int B, S, T;              /* son ileri geçişin boyları */
    int *srcT, *dinT, *tgtT;  /* (S,B), (T,B), (T,B) zaman öncelikli simgeler */
    float *xs, *hs, *ecache;  /* (S,B,E), (S,B,H), S*GRU_CACHE */
    float *keys, *ctx;        /* (S,B,A), (T,B,H) */
    float *st, *dcache;       /* (T+1,B,H) kod çözücü durumları, T*GRU_CACHE */
    float *xin, *alpha, *u;   /* (T,B,E+HC), (T,B,S), (T,B,S,A) */
    float *o, *logits;        /* (T,B,HO), (T,B,Vt) (ileri geçişten sonra: olasılıklar) */
    float *dlogits, *dout, *dst, *dctx, *dxin, *dkeys, *dhs, *dxs;
    float *ws;
    double ntok;              /* kayba giren simge sayısı */
} Seq2Seq;

void seq2seq_build(Seq2Seq *m, Seq2SeqConfig c);
void seq2seq_init(Seq2Seq *m, Rng *r);
void seq2seq_free(Seq2Seq *m);
/* Öğretmen zorlamalı ileri geçiş + kayıp (PAD olmayan hedeflerin ortalama çapraz
 * entropisi, nat). Geri geçiş için dlogits'i de hazırlar. */
double seq2seq_forward(Seq2Seq *m, const int *src, int S, const int *din, const int *tgt, int T,
                       int B);
/* Son ileri geçişin geri geçişi; gradyanlar m->P.grads'a EKLENİR. */
void seq2seq_backward(Seq2Seq *m);
/* Açgözlü çözme: her adımda en olası simge. out (B,Tmax): EOS'tan sonrası PAD.
 * alpha NULL değilse (B,Tmax,S) hizalamalar yazılır (dikkatsiz modelde 0). */
void seq2seq_greedy(Seq2Seq *m, const int *src, int S, int B, int Tmax, int *out, float *alpha);
/* Işın araması (beam search), TEK kaynak için: her adımda en olası K kısmi çıktı (ışın)
 * tutulur; bir ışının puanı simge log-olasılıklarının toplamıdır. EOS üreten ışın biter ve
 * puanıyla bekler; bütün ışınlar bitince (ya da Tmax adımda) en yüksek puanlı biten ışın
 * seçilir. K = 1 açgözlü çözmenin aynısıdır. out (Tmax): EOS'tan sonrası PAD.
 * Dönüş: seçilen çıktının log-olasılığı. */
double seq2seq_beam(Seq2Seq *m, const int *src, int S, int K, int Tmax, int *out);
/* Kayıt: tür "seq2seq-gru"; yapılandırma Vs Vt E H A + extra (ör. görev bilgisi). */
int seq2seq_save(const Seq2Seq *m, const char *path, const CkptInt *extra, int nextra,
                 const char *meta, char *err, size_t errlen);
/* Yükler: modeli dosyadaki boylarla kurar. extra[i].key verilen anahtarlar okunur
 * (her biri [lo_i, hi_i] içinde olmalı). 0 / -1 (err). */
int seq2seq_load(Seq2Seq *m, const char *path, CkptInt *extra, const int64_t *lo,
                 const int64_t *hi, int nextra, char *err, size_t errlen);
#endif
