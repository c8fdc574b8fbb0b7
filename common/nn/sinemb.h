/*
 * sinemb.h — sinüslü gömme (sinusoidal embedding): tek bir sayıyı (difüzyonun zaman
 * adımı t ya da bir koordinat) E boyutlu bir vektöre açmak.
 *
 * Lesson11'deki konumsal kodlamanın aynısı, ama tamsayı konum yerine herhangi bir
 * gerçel x için ve sin'ler önde, cos'lar arkada (PyTorch'taki yaygın yazım; bkz.
 * ../shared/bench/torch_models.py: sinusoid):
 *   h = E/2,  ω_i = 10000^(-i/h)   (i = 0..h-1)
 *   emb(x)[i]     = sin(s x ω_i)
 *   emb(x)[h + i] = cos(s x ω_i)
 * s bir ölçek: t = 0..T-1 için s = 1 yeter (hızlı frekanslar bitişik adımları
 * ayırır); [-2, 2] aralığındaki bir koordinat için s = 25 gibi büyük bir ölçek, küçük
 * konum farklarını da ağın görebileceği büyük açı farklarına çevirir.
 *
 * Öğrenilen parametre yoktur. Geri geçiş girişe göre türevdir (BİRİKTİRİR):
 *   d emb[i] / dx     =  s ω_i cos(s x ω_i)
 *   d emb[h+i] / dx   = -s ω_i sin(s x ω_i)
 *   dx[b] += Σ_j demb[b][j] · d emb[j]/dx
 * (Difüzyon eğitiminde x_t veridir, gradyanı gerekmez; geri geçiş burada yalnızca
 * tamlık ve sınama içindir.)
 *
 * KULLANIM
 *   sinemb_forward(emb, t, B, E, 1.0f, ld);   // emb satırı b: out + b*ld, E sütun
 *   Bir satırda birkaç gömmeyi yan yana koymak için ld (satır adımı) E'den büyük
 *   verilir: x1, x2 ve t'nin gömmeleri (B, 3E) bir matrise ld = 3E ile yazılır.
 *
 * SINIRLAR: E çift, 2 <= E <= 1024 olmalı (değilse die: programlama hatası).
 * ŞEKİLLER: x (B), out (B, ld) içinde ilk E sütun, dout aynı düzende.
 */
#ifndef DOAA_SINEMB_H
#define DOAA_SINEMB_H

void sinemb_forward(float *out, const float *x, int B, int E, float scale, int ld);
void sinemb_backward(float *dx, const float *dout, const float *x, int B, int E, float scale,
                     int ld);
#endif
