/*
 * embed.h — dizilerin girişi: gömme (embedding) tablosu, katman normalizasyonu
 * (layer normalization) ve sinüslü konumsal kodlama (positional encoding).
 *
 * Harfler (bütün kütüphanede aynı): B yığın (batch) boyu, T dizi uzunluğu (kaç simge /
 * token), C kanal (her simgenin vektör genişliği), V sözlük (vocabulary) boyu.
 *
 * 1) GÖMME (embedding)
 *   Bir metni sinir ağına vermek için her simgeye (harf, kelime) 0..V-1 arası bir
 *   numara (id) verilir. Numara bir büyüklük değildir ('b' = 2, 'a' = 1'in iki
 *   katı değil), bu yüzden her numaraya öğrenilen bir vektör atanır: tablo
 *   table (V,C)'nin id'nci satırı. İleri geçiş bir "toplama" (gather) işidir:
 *       out[b][t][:] = table[ids[b][t]][:]
 *   Bu, one-hot vektörü tabloyla çarpmakla aynıdır ama çarpmaya gerek yoktur.
 *   Geri geçiş aynı satırlara "dağıtarak ekler" (scatter-add):
 *       dtable[ids[b][t]][:] += dout[b][t][:]
 *   Bir simge dizide birkaç kez geçiyorsa gradyanları toplanır (+=).
 *
 * 2) KATMAN NORMALİZASYONU (layer normalization, Ba ve ark. 2016)
 *   Her satırı (her simgenin C'lik vektörünü) kendi içinde ortalama 0, varyans 1'e
 *   çeker, sonra öğrenilen ölçek gamma ve kaydırma beta uygular:
 *       μ = (1/C) Σ_c x_c      σ² = (1/C) Σ_c (x_c - μ)²      rstd = 1/√(σ² + ε)
 *       x̂_c = (x_c - μ)·rstd    y_c = gamma_c · x̂_c + beta_c      (ε = LN_EPS)
 *   İleri geçiş μ ve rstd'yi saklar; geri geçiş onları kullanır:
 *       dbeta_c  += Σ_satırlar dy_c
 *       dgamma_c += Σ_satırlar dy_c · x̂_c
 *       g_c = dy_c · gamma_c
 *       dx_c = rstd · ( g_c - mean(g) - x̂_c · mean(g ⊙ x̂) )
 *   Son satırın iki çıkarma terimi, μ ve σ'nın da x'e bağlı olmasından gelir:
 *   bir x_c'yi değiştirmek satırın ortalamasını ve yayılımını da değiştirir.
 *
 * 3) SİNÜSLÜ KONUMSAL KODLAMA (Vaswani ve ark. 2017)
 *   Dikkat (attention) simgelerin sırasını görmez; sırayı vektörün içine yazarız.
 *   i = 0, 1, ..., frekans çiftinin sırası; ω_i = 1 / 10000^(2i/C):
 *       PE(pos, 2i)   = sin(pos · ω_i)
 *       PE(pos, 2i+1) = cos(pos · ω_i)
 *   Düşük sütunlar hızlı, yüksek sütunlar yavaş döner (saatin saniye, dakika ve
 *   akrep kolları gibi). Her (sin, cos) çifti bir çember üzerinde bir noktadır;
 *   pos'u k artırmak o noktayı k·ω_i açısı kadar döndürür:
 *       [PE(pos+k,2i) ]   [ cos kω_i   sin kω_i ] [PE(pos,2i)  ]
 *       [PE(pos+k,2i+1)] = [ -sin kω_i  cos kω_i ] [PE(pos,2i+1)]
 *   Bu M_k matrisi pos'a bağlı değildir: "k adım ötesi" her konumda aynı doğrusal
 *   dönüşümdür. posenc_shift_matrix() onu (C,C) blok köşegen matris olarak kurar.
 *   C tekse son sütun (2i = C-1) yalnızca sinüs taşır, eşi olan kosinüs yoktur;
 *   o sütun PE(pos)'un doğrusal bir fonksiyonu olamaz, bu yüzden
 *   posenc_shift_matrix() çift C ister (tek C'de die()).
 *
 * KULLANIM
 *   embedding_forward(x, ids, tok, B, T, V, C);     // x (B,T,C)
 *   posenc_sinusoid(pe, T, C);  posenc_add(x, pe, B, T, C);
 *   layernorm_forward(y, mean, rstd, x, gamma, beta, B, T, C);
 *   ... geri geçiş, sondan başa:
 *   layernorm_backward(dx, dgamma, dbeta, dy, x, gamma, mean, rstd, B, T, C);
 *   embedding_backward(dtok, dx, ids, B, T, V, C);  // (PE sabit: gradyanı yok)
 *
 * SINIRLAR
 *   embedding_forward/backward, ids içinde [0, V) dışında bir numara görürse
 *   numarayı ve konumu söyleyip die() ile durur (sessizce yanlış satır okumaz).
 *   BİRİKTİRME KURALI (bkz. common/README.md): bütün gradyanlar (dtable, dgamma,
 *   dbeta ve dinp) EKLENİR (+=); çağıran adımda bir kez sıfırlar. NULL verilen
 *   gradyan hesaplanmaz. Hepsi tek iş
 *   parçacıklı, düz döngülerdir: bu işlemler GEMM'in yanında ucuzdur.
 */
#ifndef DOAA_EMBED_H
#define DOAA_EMBED_H
#include "core/rng.h"

#define LN_EPS 1e-5f

/* ---- gömme ---- */
/* out (B,T,C) = table (V,C)[ids (B,T)] */
void embedding_forward(float *out, const int *ids, const float *table, int B, int T, int V, int C);
/* dtable (V,C) += dout (B,T,C) her satır kendi id'sine; ids (B,T) */
void embedding_backward(float *dtable, const float *dout, const int *ids, int B, int T, int V,
                        int C);
/* table (V,C) ~ N(0, std²) */
void embedding_init(float *table, int V, int C, float std, Rng *rng);

/* ---- katman normalizasyonu ---- */
/* inp, out (B,T,C); gamma, beta (C); mean, rstd (B,T) geri geçiş için saklanır. */
void layernorm_forward(float *out, float *mean, float *rstd, const float *inp, const float *gamma,
                       const float *beta, int B, int T, int C);
/* dout, inp (B,T,C); gamma (C); mean, rstd (B,T) ileri geçişten.
 * dinp (B,T,C), dgamma, dbeta (C) EKLENİR (NULL olan atlanır). */
void layernorm_backward(float *dinp, float *dgamma, float *dbeta, const float *dout,
                        const float *inp, const float *gamma, const float *mean, const float *rstd,
                        int B, int T, int C);
/* Düz başvuru sürümleri (double ara toplamlar, vektörsüz): testler hızlıları bunlara karşı
 * sınar. Arayüz ve biriktirme kuralı aynı. */
void layernorm_forward_ref(float *out, float *mean, float *rstd, const float *inp,
                           const float *gamma, const float *beta, int B, int T, int C);
void layernorm_backward_ref(float *dinp, float *dgamma, float *dbeta, const float *dout,
                            const float *inp, const float *gamma, const float *mean,
                            const float *rstd, int B, int T, int C);

/* ---- sinüslü konumsal kodlama ---- */
/* ω_i = 1 / 10000^(2i/C), i = 0 .. (C+1)/2 - 1 */
double posenc_freq(int i, int C);
/* pe (T,C): pe[pos][2i] = sin(pos ω_i), pe[pos][2i+1] = cos(pos ω_i) */
void posenc_sinusoid(float *pe, int T, int C);
/* x (B,T,C) += pe (T,C) her yığın örneğine aynı tablo */
void posenc_add(float *x, const float *pe, int B, int T, int C);
/* M (C,C): PE(pos+k) = M · PE(pos) sağlayan blok köşegen döndürme matrisi; C çift
 * olmalı, k negatif de olabilir. */
void posenc_shift_matrix(float *M, int k, int C);
#endif
