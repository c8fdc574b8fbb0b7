/*
 * bahdanau.h — toplamsal dikkat (additive attention; Bahdanau, Cho, Bengio 2015):
 * kod çözücünün (decoder) her adımda kaynak dizinin hangi konumlarına bakacağını
 * kendisinin seçmesi. İleri ve geri geçiş, sonlu farklarla sınanmış
 * (tests/test_bahdanau.c).
 *
 * HARFLER
 *   B yığın, S kaynak uzunluğu, H kod çözücü durumunun boyu (sorgu, query),
 *   HE kodlayıcı (encoder) çıktılarının boyu, A dikkat gizli katmanının boyu.
 *   Kodlayıcı çıktıları ZAMAN ÖNCELİKLİ: enc (S,B,HE) (bkz. gru.h).
 *
 * FORMÜLLER (kod çözücünün t. adımı; q = s_{t-1} bir önceki durum)
 *   k_s   = U_a h_s                         (A)   anahtar: her kaynak konumu için BİR KEZ
 *   e_s   = vᵀ tanh(W_a q + b_a + k_s)      skor: "q, h_s ile ne kadar uyuşuyor?"
 *   α     = softmax_s(e)                    (S)   hizalama (alignment): toplamı 1
 *   c     = Σ_s α_s h_s                     (HE)  bağlam vektörü (context vector)
 *   Nokta çarpım dikkatinden (ders 07) farkı: skor q·k değil, küçük bir tek gizli
 *   katmanlı ağın (tanh) çıktısıdır; q ile h_s farklı boyda olabilir.
 *
 * GERİ GEÇİŞ (dc = dL/dc verildiğinde; u_s = tanh(...) önbellekte)
 *   dα_s  = dc · h_s                 dh_s += α_s dc
 *   de_s  = α_s (dα_s − Σ_j α_j dα_j)               (softmax geri geçişi)
 *   dv   += Σ_s de_s u_s             dp_s = de_s v ⊙ (1 − u_s²)
 *   dq'  = Σ_s dp_s:  dW_a += dq'ᵀ q,  db_a += dq',  dq += dq' W_a
 *   dk_s += dp_s;  sonra anahtarların geri geçişi: dU_a += dkᵀ h,  dh += dk U_a
 *   BİRİKTİRME KURALI: her gradyana EKLENİR (+=).
 *
 * KULLANIM (bir dizi için)
 *   bahdanau_keys(keys, enc, &W, S, B, HE, A);          // (S,B,A), bir kez
 *   her adım t:  bahdanau_forward(ctx, alpha_t, u_t, q, keys, enc, NULL, &W, S, B, H, HE, A);
 *   geri, t azalarak: bahdanau_backward(dq, dkeys, denc, &G, dctx, alpha_t, u_t, q, enc,
 *                                       NULL, &W, S, B, H, HE, A);
 *   en sonda:    bahdanau_keys_backward(denc, &G, dkeys, enc, &W, S, B, HE, A);
 *   len (B) NULL değilse s >= len[b] konumları maskelenir (α = 0).
 *   Önbellek: alpha (B,S), u (B,S,A) — her adım için ayrı.
 */
#ifndef DOAA_BAHDANAU_H
#define DOAA_BAHDANAU_H
#include <stddef.h>

#include "core/rng.h"

typedef struct {
    float *wa; /* (A,H)  sorgu izdüşümü */
    float *ua; /* (A,HE) anahtar izdüşümü */
    float *ba; /* (A) */
    float *v;  /* (A)    skor vektörü */
} BahdanauW;

/* keys (S,B,A) = enc U_aᵀ */
void bahdanau_keys(float *keys, const float *enc, const BahdanauW *W, int S, int B, int HE,
                   int A);
/* ctx (B,HE), alpha (B,S), u (B,S,A); q (B,H) */
void bahdanau_forward(float *ctx, float *alpha, float *u, const float *q, const float *keys,
                      const float *enc, const int *len, const BahdanauW *W, int S, int B, int H,
                      int HE, int A);
/* dq (B,H) +=, dkeys (S,B,A) +=, denc (S,B,HE) +=, G +=. dq/denc NULL olabilir. */
void bahdanau_backward(float *dq, float *dkeys, float *denc, BahdanauW *G, const float *dctx,
                       const float *alpha, const float *u, const float *q, const float *enc,
                       const int *len, const BahdanauW *W, int S, int B, int H, int HE, int A);
/* dU_a += dkeysᵀ enc, denc += dkeys U_a */
void bahdanau_keys_backward(float *denc, BahdanauW *G, const float *dkeys, const float *enc,
                            const BahdanauW *W, int S, int B, int HE, int A);
/* W_a, U_a, v ~ U(-1/√fan_in, 1/√fan_in), b_a = 0 */
void bahdanau_init(BahdanauW *W, int H, int HE, int A, Rng *r);
size_t bahdanau_param_count(int H, int HE, int A);
#endif
