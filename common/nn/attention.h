/*
 * attention.h — dikkat (attention): sıcaklıklı softmax, maskeler, ölçekli nokta
 * çarpım dikkati ve çok başlı dikkat (multi-head attention); her ileri geçişin
 * elle yazılmış geri geçişi hemen yanında.
 *
 * HARFLER (bu dosyanın her yerinde aynı anlamda)
 *   B   yığın (batch) boyu
 *   T   dizi uzunluğu; sorgu ve anahtar dizileri farklıysa Tq (sorgu) ve Tk (anahtar/değer)
 *   C   model genişliği (d_model): bir konumun vektör boyu
 *   CKV çapraz dikkatte anahtar/değer girdisinin genişliği (öz dikkatte CKV = C)
 *   NH  baş (head) sayısı
 *   HS  baş boyu (head size) = C / NH; tek başlı dikkatte HS = d_k
 *   DV  değer (value) vektörünün boyu (çoğunlukla DV = HS)
 *   K   softmax'ın bir satırındaki eleman sayısı
 *
 * 1) SICAKLIKLI SOFTMAX (softmax with temperature)
 *   p_i = e^((z_i - m)/τ) / Σ_j e^((z_j - m)/τ),   m = max_j z_j,  τ > 0
 *   τ küçüldükçe dağılım en büyük skora yığılır (τ → 0: argmax'ın tek-sıcak
 *   vektörü), τ büyüdükçe düzleşir (τ → ∞: tekdüze dağılım 1/K).
 *   m'yi çıkarmak sonucu değiştirmez ama e^(büyük sayı) taşmasını önler; en büyük
 *   terim e^0 = 1 olduğundan payda hiçbir zaman 0 ya da inf olmaz.
 *   Geri geçiş: dz_i = (1/τ) p_i (dp_i - Σ_j dp_j p_j)
 *   -INFINITY olan skorlar (maskeli konumlar) TAM OLARAK 0 ağırlık alır.
 *   SATIRIN TAMAMI -INFINITY ise: satır tümüyle SIFIR olur (NaN değil). Bu
 *   durumda "bakılacak hiçbir konum yok" demektir; dikkat çıktısı sıfır vektördür
 *   ve geri geçişte o satırdan gradyan akmaz.
 *
 * 2) MASKELER (1 = bakılabilir, 0 = maskeli; unsigned char)
 *   causal_mask (T,T): i konumu yalnızca j <= i konumlarına bakar (geleceği görmeme
 *       kuralı; kod çözücü/decoder, bir sonraki kelimeyi tahmin ederken kullanır).
 *   padding_mask (B,T): lengths[b] uzunluğundaki bir cümlede t < lengths[b] gerçek
 *       kelime, gerisi dolgu (padding). Dolguya hiç bakılmamalı.
 *
 * 3) ÖLÇEKLİ NOKTA ÇARPIM DİKKATİ (scaled dot-product attention)
 *   S = Q K^T · s          (Tq,Tk)   s = 1/√HS (scaled=1) ya da 1 (scaled=0)
 *   S_ij = -inf            maskeli her (i,j) için
 *   A = softmax(S)         (Tq,Tk)   satır satır; her satırın toplamı 1
 *   O = A V                (Tq,DV)
 *   Neden √HS? q ve k'nın elemanları ortalaması 0, varyansı 1 ise q·k, HS tane
 *   bağımsız terimin toplamıdır: varyansı HS olur. Skorlar büyüdükçe softmax
 *   doyar (tek bir konum ~1 alır) ve gradyanı söner. √HS'ye bölmek varyansı 1'e
 *   çeker. Not: s ile çarpmak, τ = √HS sıcaklıklı softmax ile aynı şeydir.
 *   Geri geçiş (dO verildiğinde):
 *     dV = A^T dO            (Tk,DV)
 *     dA = dO V^T            (Tq,Tk)
 *     dS = A ⊙ (dA - Σ_j dA_ij A_ij)   (softmax geri geçişi; maskeli yerde A=0 → dS=0)
 *     dQ = s · dS K          (Tq,HS)
 *     dK = s · dS^T Q        (Tk,HS)
 *   Çarpımların hepsi gemm (bkz. gemm.h).
 *
 * 4) ÇOK BAŞLI DİKKAT (multi-head attention)
 *   Q = Xq W_Q + b_Q   (B,Tq,C)      K = Xkv W_K + b_K   (B,Tk,C)
 *   V = Xkv W_V + b_V  (B,Tk,C)      (doğrusal izdüşümler: dense_forward, B*T satır)
 *   Başlara böl: C sütunu NH parçaya ayrılır, h. baş [h*HS, (h+1)*HS) sütunlarını
 *   alır: (B,T,C) -> (B,NH,T,HS)  (split_heads)
 *   Her baş kendi ölçekli nokta çarpım dikkatini yapar: (B*NH) bağımsız dikkat.
 *   Birleştir (concat): (B,NH,Tq,HS) -> (B,Tq,C)  (merge_heads)
 *   Çıkış izdüşümü: Y = concat W_O + b_O  (B,Tq,C)
 *   Öz dikkat (self-attention): Xq = Xkv (aynı dizi). Çapraz dikkat (cross-
 *   attention): sorgu bir diziden (ör. kod çözücü), anahtar/değer başka diziden
 *   (ör. kodlayıcı/encoder çıktısı), Tq ≠ Tk ve CKV ≠ C olabilir.
 *   Parametre sayısı NH'den bağımsızdır: 3 izdüşüm + çıkış = C*C + 2*CKV*C + C*C
 *   ağırlık ve 4*C bias. Başlar parametreyi çoğaltmaz, bölüştürür.
 *
 * PARAMETRELER TEK BLOKTA (bkz. net.h, karpathy/llm.c)
 *   MhaParams, tek bir float dizisinin içine çevrilmiş işaretçilerdir; sıra:
 *   wq (C,C) bq (C) wk (CKV,C) bk (C) wv (CKV,C) bv (C) wo (C,C) bo (C).
 *   Gradyanlar aynı düzende ikinci bir dizide durur; eniyileyici tek döngüdür.
 *
 * BİRİKTİRME KURALI (bütün kütüphanede aynı, bkz. common/README.md)
 *   Her geri geçiş kendisine verilen gradyanlara EKLER (+=): softmax_temp_backward
 *   dlogits'e, sdpa_backward dq/dk/dv'ye, mha_backward parametre gradyanlarına ve
 *   giriş gradyanlarına (dxq, dxkv). Çağıran adımda bir kez sıfırlar. Öz dikkatte
 *   aynı X üç izdüşümde kullanıldığı için dxq ve dxkv olarak aynı tamponu vermek
 *   doğrudur: katkılar kendiliğinden toplanır. Artık bağlantıda (h = x + a) da
 *   ara tampon gerekmez: dx'e önce dh eklenir, sonra mha_backward aynı dx'e ekler.
 *
 * KULLANIM (öz dikkat, nedensel maske)
 *   size_t n = mha_param_count(C, C);
 *   float *par = xcalloc(n, 4), *grad = xcalloc(n, 4);
 *   MhaParams P, G; mha_params_point(&P, par, C, C); mha_params_point(&G, grad, C, C);
 *   mha_params_init(&P, C, C, &rng);
 *   MhaActs a; mha_acts_alloc(&a, C, C, NH, Bmax, T, T);
 *   unsigned char *m = xmalloc(T*T); causal_mask(m, T);
 *   mha_forward(y, &a, &P, x, x, B, T, T, m, NULL);          // y (B,T,C)
 *   ... dy = dL/dy ...
 *   memset(grad, 0, n*4); memset(dx, 0, B*T*C*4);   // adımda bir kez
 *   mha_backward(dx, dx, &G, dy, &a, &P, x, x);      // dx += ..., grad += ...
 *
 * SINIRLAR
 *   Sayılar float; softmax'ın paydası ve geri geçişteki Σ dA·A vektör şeritlerinde
 *   float toplanır (satırdaki terim sayısı küçük, terimler sınırlı). Her dikkat satırı
 *   Tk uzunluğunda tamamen bellekte tutulur (T*T bellek); çok uzun diziler için
 *   değil, öğretmek için yazıldı. C, NH'ye tam bölünmelidir (değilse die()).
 */
#ifndef DOAA_ATTENTION_H
#define DOAA_ATTENTION_H
#include <stddef.h>
#include "core/rng.h"

/* ---- 1) sıcaklıklı softmax ---- */

/* probs (rows,K) = softmax(logits (rows,K) / τ). Yerinde çağrılabilir (probs == logits).
 * temperature <= 0 ya da NaN ise die(). Tamamı -inf olan satır: sıfırlar. */
void softmax_temp_forward(float *probs, const float *logits, int rows, int K, float temperature);
/* dlogits (rows,K) += (1/τ) p ⊙ (dprobs - Σ dprobs·p)   (yerinde çağrılamaz) */
void softmax_temp_backward(float *dlogits, const float *dprobs, const float *probs, int rows,
                           int K, float temperature);
/* Bir dağılımın entropisi (nat): H = -Σ p ln p   (p = 0 terimleri 0 sayılır) */
double entropy(const float *p, int K);

/* ---- 2) maskeler ---- */

/* mask (T,T): mask[i*T+j] = (j <= i) */
void causal_mask(unsigned char *mask, int T);
/* mask (B,T): mask[b*T+t] = (t < lengths[b]); lengths (B), 0 <= lengths[b] <= T */
void padding_mask(unsigned char *mask, const int *lengths, int B, int T);

/* ---- 3) ölçekli nokta çarpım dikkati ---- */

/* out (B,Tq,DV), att (B,Tq,Tk) ağırlıklar (geri geçiş için saklanır),
 * q (B,Tq,HS), k (B,Tk,HS), v (B,Tk,DV),
 * mask (Tq,Tk) ya da NULL (tüm yığında aynı; ör. nedensel maske),
 * kpad (B,Tk) ya da NULL (anahtar dolgu maskesi; ör. padding_mask çıktısı),
 * scaled: 1 ise skorlar 1/√HS ile çarpılır, 0 ise çarpılmaz. */
void sdpa_forward(float *out, float *att, const float *q, const float *k, const float *v, int B,
                  int Tq, int Tk, int HS, int DV, const unsigned char *mask,
                  const unsigned char *kpad, int scaled);
/* dout (B,Tq,DV) -> dq (B,Tq,HS), dk (B,Tk,HS), dv (B,Tk,DV) EKLENİR (NULL olan atlanır).
 * att, ileri geçişin yazdığı ağırlıklardır (maske bilgisi onun sıfırlarındadır).
 * work: sdpa_work_size(Tq,Tk) float'lık ara tampon (dS); çağrılar arasında bir şey
 * taşımaz. Geri geçiş bellek ayırmaz. */
size_t sdpa_work_size(int Tq, int Tk);
void sdpa_backward(float *dq, float *dk, float *dv, const float *dout, const float *att,
                   const float *q, const float *k, const float *v, int B, int Tq, int Tk, int HS,
                   int DV, int scaled, float *work);

/* ---- 4) çok başlı dikkat ---- */

/* dst (B,NH,T,HS) <- src (B,T,NH*HS) */
void split_heads(float *dst, const float *src, int B, int T, int NH, int HS);
/* dst (B,T,NH*HS) <- src (B,NH,T,HS)   (split_heads'in tersi; geri geçişi de odur) */
void merge_heads(float *dst, const float *src, int B, int T, int NH, int HS);

typedef struct {
    float *wq, *bq;  /* (C,C), (C)   sorgu izdüşümü */
    float *wk, *bk;  /* (CKV,C), (C) anahtar izdüşümü */
    float *wv, *bv;  /* (CKV,C), (C) değer izdüşümü */
    float *wo, *bo;  /* (C,C), (C)   çıkış izdüşümü W_O */
} MhaParams;

/* Tek bloktaki float sayısı: 2*C*C + 2*CKV*C + 4*C */
size_t mha_param_count(int C, int CKV);
/* İşaretçileri block'un içine çevirir (yukarıdaki sırayla). */
void mha_params_point(MhaParams *p, float *block, int C, int CKV);
/* Glorot başlatma (tüm W'ler), bias'lar 0. */
void mha_params_init(MhaParams *p, int C, int CKV, Rng *rng);

/* İleri geçişin geri geçiş için sakladıkları ve geri geçişin ara tamponları
 * (hepsi tek bir blokta). Boyutlar en büyük B, Tq, Tk içindir. */
typedef struct {
    int C, CKV, NH, HS;          /* yapı */
    int maxB, maxTq, maxTk;      /* ayrılan en büyük boyutlar */
    int B, Tq, Tk;               /* son ileri geçişin boyutları */
    float *q, *k, *v;            /* (B,Tq,C), (B,Tk,C), (B,Tk,C) izdüşümler; h. baş
                                    [h·HS, (h+1)·HS) sütunlarıdır (kopyalanmaz) */
    float *att;                  /* (B,NH,Tq,Tk) her başın dikkat ağırlıkları */
    float *cat;                  /* (B,Tq,C) başların çıktıları yan yana (W_O'nun girişi) */
    /* geri geçiş tamponları (mha_backward'a ait; üzerlerine yazılır) */
    float *dcat, *dq;            /* (B,Tq,C) */
    float *dk, *dv;              /* (B,Tk,C) */
    float *datt;                 /* (Tq,Tk) sdpa_backward'ın ara tamponu (dS) */
    float *mem;                  /* float tamponların hepsinin durduğu tek blok */
} MhaActs;

/* C % NH != 0 ise die(). */
void mha_acts_alloc(MhaActs *a, int C, int CKV, int NH, int maxB, int maxTq, int maxTk);
void mha_acts_free(MhaActs *a);

/* out (B,Tq,C) = MHA(xq (B,Tq,C), xkv (B,Tk,CKV)); mask (Tq,Tk)|NULL, kpad (B,Tk)|NULL.
 * Boyutlar mha_acts_alloc'takileri aşarsa die(). */
void mha_forward(float *out, MhaActs *a, const MhaParams *p, const float *xq, const float *xkv,
                 int B, int Tq, int Tk, const unsigned char *mask, const unsigned char *kpad);
/* dout (B,Tq,C) -> gradyanlar EKLENİR: g (parametreler, MhaParams düzeninde),
 * dxq (B,Tq,C), dxkv (B,Tk,CKV); dxq/dxkv NULL olabilir, ikisi aynı tampon olabilir.
 * xq, xkv ileri geçişe verilenlerin aynısı olmalı. */
void mha_backward(float *dxq, float *dxkv, MhaParams *g, const float *dout, MhaActs *a,
                  const MhaParams *p, const float *xq, const float *xkv);
#endif
