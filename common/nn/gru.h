/*
 * gru.h — kapılı yinelemeli birim (Gated Recurrent Unit, GRU; Cho ve ark., 2014):
 * tek adım (hücre, cell) ve T adımlık dizi, ileri ve geri geçiş (zamanda geri
 * yayılım, backpropagation through time, BPTT). PyTorch nn.GRU ile aynı formüller,
 * aynı ağırlık düzeni: bir nn.GRU'nun weight_ih_l0, weight_hh_l0, bias_ih_l0,
 * bias_hh_l0 tensörleri buraya olduğu gibi kopyalanabilir (eşlik testi: tests/test_parity.c, fikstür tests/parity/gen.py).
 *
 * HARFLER
 *   B yığın (batch), T adım sayısı, I girdi boyu, H gizli durum (hidden state) boyu.
 *   Dizi tensörleri ZAMAN ÖNCELİKLİDİR (PyTorch'un batch_first=False düzeni):
 *   x (T,B,I), hs (T,B,H): t. adımın dilimi x + t*B*I bitişik bir (B,I) matristir.
 *
 * FORMÜLLER (σ: sigmoid, ⊙: eleman eleman çarpım; kapılar r, z, n sırasıyla)
 *   r  = σ(W_ir x + b_ir + W_hr h + b_hr)          sıfırlama kapısı (reset gate)
 *   z  = σ(W_iz x + b_iz + W_hz h + b_hz)          güncelleme kapısı (update gate)
 *   n  = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)) aday durum (candidate)
 *   h' = (1 − z) ⊙ n + z ⊙ h
 *   z ≈ 1 iken h' ≈ h: durum adımlar boyunca olduğu gibi taşınır, gradyan da
 *   sönmeden geri akar (basit RNN'deki tanh zincirinin sönen gradyanına çare).
 *   Dikkat: r, b_hn'yi de çarpar (PyTorch kuralı; Cho'nun makalesinde r, W h'den
 *   ÖNCE uygulanır). Bu ayrıntı gradyan testinden geçer ama PyTorch ile eşlik
 *   (parity) testinden geçmezdi — eşlik testi bu yüzden var.
 *
 * AĞIRLIKLAR (GruW: işaretçiler bir Params bloğunun içini gösterir)
 *   wih (3H,I) = [W_ir; W_iz; W_in] satır satır, whh (3H,H) = [W_hr; W_hz; W_hn],
 *   bih (3H), bhh (3H). İleri geçişte gi = x wihᵀ + bih, gh = h whhᵀ + bhh (GEMM).
 *
 * GERİ GEÇİŞ (dh' = dL/dh' verildiğinde; a_r, a_z, a_n kapıların aktivasyon öncesi)
 *   dn   = dh' ⊙ (1 − z)          dz = dh' ⊙ (h − n)        dh += dh' ⊙ z
 *   da_n = dn ⊙ (1 − n²)          da_z = dz ⊙ z(1 − z)
 *   dr   = da_n ⊙ gh_n            da_r = dr ⊙ r(1 − r)       (gh_n = W_hn h + b_hn)
 *   dgi  = [da_r, da_z, da_n]     dgh = [da_r, da_z, da_n ⊙ r]
 *   dwih += dgiᵀ x   dbih += Σ_b dgi   dx += dgi wih
 *   dwhh += dghᵀ h   dbhh += Σ_b dgh   dh += dgh whh
 *   BİRİKTİRME KURALI: her geri geçiş gradyanlara EKLER (+=); çağıran adım başında
 *   bir kez sıfırlar. dx ya da dh NULL ise o gradyan hesaplanmaz.
 *
 * KULLANIM (kodlayıcı: bütün dizi)
 *   float *hs = malloc(T*B*H), *cache = malloc(T*GRU_CACHE(B,H)), *ws = malloc(GRU_WS(B,H));
 *   gru_forward(hs, cache, x, NULL, &W, T, B, I, H, ws);            // h0 = 0
 *   ... dhs (T,B,H) = kaybın her çıktıya göre gradyanı ...
 *   gru_backward(dx, NULL, &G, dhs, x, NULL, hs, cache, &W, T, B, I, H, ws);
 * Adım adım (her adımın girdisi bir öncekinin çıktısına bağlıysa: dikkatli kod
 * çözücü, açgözlü çözme): gru_cell_forward / gru_cell_backward, önbellek adım başına
 * GRU_CACHE(B,H) float.
 */
#ifndef DOAA_GRU_H
#define DOAA_GRU_H
#include <stddef.h>
#include "core/rng.h"

typedef struct {
    float *wih; /* (3H,I) */
    float *whh; /* (3H,H) */
    float *bih; /* (3H) */
    float *bhh; /* (3H) */
} GruW;

/* Bir adımın önbelleği: [r | z | n | gh_n], her biri (B,H) */
#define GRU_CACHE(B, H) ((size_t)4 * (B) * (H))
/* Çalışma alanı (workspace): gi, gh (B,3H) ve iki (B,H) tampon */
#define GRU_WS(B, H) ((size_t)8 * (B) * (H))

/* Tek adım. x (B,I), h (B,H) önceki durum (NULL = sıfır), hout (B,H). h ile hout aynı
 * dizi OLAMAZ (geri geçiş h'yi okur). */
void gru_cell_forward(float *hout, float *cache, const float *x, const float *h, const GruW *W,
                      int B, int I, int H, float *ws);
/* Tek adımın geri geçişi: dh_out (B,H) = dL/dh'. dx (B,I) += , dh (B,H) += , G += . */
void gru_cell_backward(float *dx, float *dh, GruW *G, const float *dh_out, const float *cache,
                       const float *x, const float *h, const GruW *W, int B, int I, int H,
                       float *ws);
/* T adım: x (T,B,I), h0 (B,H) ya da NULL, hs (T,B,H), cache T*GRU_CACHE(B,H). */
void gru_forward(float *hs, float *cache, const float *x, const float *h0, const GruW *W, int T,
                 int B, int I, int H, float *ws);
/* BPTT: dhs (T,B,H) her çıktının gradyanı (değişmez). dx (T,B,I) += , dh0 (B,H) += . */
void gru_backward(float *dx, float *dh0, GruW *G, const float *dhs, const float *x,
                  const float *h0, const float *hs, const float *cache, const GruW *W, int T,
                  int B, int I, int H, float *ws);
/* PyTorch'un başlatması: her ağırlık ve bias U(-1/√H, 1/√H). */
void gru_init(GruW *W, int I, int H, Rng *r);
/* Parametre sayısı: 3H(I + H + 2) */
size_t gru_param_count(int I, int H);
#endif
