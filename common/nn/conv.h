/*
 * conv.h — 2B evrişim (convolution), NCHW; max pooling için bkz. pool.h.
 *
 * EVRİŞİM
 *   Küçük bir filtre (çekirdek, kernel) görüntü üzerinde kaydırılır; her konumda
 *   filtre ile altındaki yama (patch) eleman eleman çarpılıp toplanır:
 *     out[b][o][y][x] = bias[o] + Σ_c Σ_i Σ_j W[o][c][i][j] * inp[b][c][y*s+i-p][x*s+j-p]
 *   (görüntü dışına taşan konumlar 0 sayılır: sıfır dolgu, zero padding)
 *   Çıkış boyu: OH = (H + 2p - k)/s + 1,  OW = (W + 2p - k)/s + 1
 *   Aynı filtre her konumda kullanılır (ağırlık paylaşımı, weight sharing): 3x3'lük
 *   bir filtrenin 9 ağırlığı, görüntü ne kadar büyük olursa olsun 9 ağırlıktır.
 *
 * GERİ GEÇİŞ (zincir kuralı; dout = dL/dout)
 *   dW[o][c][i][j]   = Σ_b,y,x dout[b][o][y][x] * inp[b][c][y*s+i-p][x*s+j-p]
 *   dbias[o]         = Σ_b,y,x dout[b][o][y][x]
 *   dinp[b][c][h][w] = Σ (o,i,j: h = y*s+i-p, w = x*s+j-p) dout[b][o][y][x] * W[o][c][i][j]
 *   Yani dW, girdi yamalarının gradyanla ağırlıklı toplamıdır; dinp ise gradyanın
 *   ters çevrilmiş filtreyle "geri yayılmasıdır" (her girdi pikseli, dokunduğu
 *   bütün çıkışlardan pay alır).
 *
 * ŞEKİLLER
 *   inp (B,C,H,W), W (OC,C,k,k), bias (OC), out (B,OC,OH,OW), dout (B,OC,OH,OW)
 *   BİRİKTİRME KURALI (bütün geri geçişlerde aynı, bkz. common/README.md): dinp,
 *   dW ve dbias'a EKLENİR (+=); çağıran adımda bir kez sıfırlar. dinp, dW ya da
 *   dbias NULL ise o gradyan hesaplanmaz (dondurulmuş katman: dW = dbias = NULL;
 *   ilk katman: dinp = NULL). bias NULL ise 0 sayılır.
 *
 * DOSYALAR (ders 04'ün adımlarıyla aynı sırada)
 *   conv.c          conv2d_forward_ref / conv2d_backward_ref: yukarıdaki formüllerin düz
 *                   döngüleri. Yavaş ama her satırı formülün kendisidir; testler hızlı
 *                   yolları bunlara karşı sınar. Hızlı yolların seçimi de buradadır.
 *   conv_im2col.c   İM2COL yolu (aşağıda 1-5 ve 7)
 *   conv_winograd.c WINOGRAD yolu (aşağıda 6): 3x3, adım 1, en az 8 giriş kanalı
 *   conv_direct.c   DOĞRUDAN yol (aşağıda 8): 3x3, adım 1, tek giriş kanalı
 *   pool.c          max pooling (pool.h)
 *   core/simd.h     iki yolun (ve gemm.c'nin) ortak vektör yardımcıları ve 6x16 mikro-çekirdeği
 *
 *   conv2d_forward / conv2d_backward: hızlı sürüm; şekle göre yolu kendisi seçer.
 *   İM2COL, "im2col + matris çarpımı":
 *     1. im2col: her çıkış konumunun yamasını (C*k*k sayı) bir sütuna açarız;
 *        nb örneklik bir parça (chunk) için col (C*k*k, nb*OH*OW) matrisi çıkar.
 *     2. Evrişim tek bir matris çarpımı olur:  Y (OC, nb*OH*OW) = W (OC, C*k*k) * col
 *        Geri geçiş de iki çarpımdır:  dW += dY * col^T,   dcol = W^T * dY
 *        ve dcol'u col2im ile (üst üste binen yamaları toplayarak) dinp'e geri katlarız.
 *     3. Çarpımları evrişime özel küçük "mikro-çekirdekler" yapar (gemm.c'deki
 *        fikrin aynısı, core/simd.h'deki tile6x16: 6x16'lık bir çıkış karesi 12 vektör
 *        yazmacında birikir).
 *        col'un satırları zaten bitişik olduğundan paketleme (packing) gerekmez;
 *        ileri geçiş sonucu doğrudan (B,OC,OH,OW) düzenine, bias eklenerek yazılır.
 *     4. Yığın, önbelleğe (L2) sığan parçalara bölünür; parçalar sabit sayıda (4)
 *        "yuvaya" dağıtılır ve yuvalar OpenMP ile çekirdeklerde çalışır. Bir yuva
 *        parçalarını sırayla aynı tamponda işler (tampon önbellekte sıcak kalır).
 *        Her yuvanın dW katkısı ayrı tamponda toplanır ve yuva sırasıyla
 *        birleştirilir: sonuç iş parçacığı sayısından bağımsızdır.
 *     5. Geri geçiş, dW için im2col'u yeniden yapar (önbellekte ucuzdur; bütün
 *        yığının sütunlarını saklamak bellekte 18 MB yazıp okumak demekti ve daha
 *        yavaştı). Bellek yığın boyuyla büyümez: en çok 4 parçalık tampon.
 *   WINOGRAD
 *     6. 3x3'lük, adımı 1 olan ve en az 8 giriş kanallı evrişimler (ders 04'ün ikinci
 *        katmanı) Winograd F(4x4,3x3) ile hesaplanır: 4x4'lük çıkış karesi başına
 *        çarpma sayısı 144'ten 36'ya iner (bkz. conv_winograd.c). Aynı plan,
 *        parçalar ve yuvalar; geri geçiş dönüşümlerin devriğidir. Dönüşümler 16 kanalı
 *        birlikte işler: parçanın girişi önce "kanal en içte" (NHWC) düzene devrilir.
 *   BİRLEŞİK
 *     7. Eğitimde ağ, "evrişim → ReLU → max pooling" dizisini tek çağrıyla yapar
 *        (conv2d_relu_pool_*, aşağıda); yolu çağrı seçer. im2col yolunda evrişimin
 *        parça çıkışı önbellekteyken havuzlanır, büyük ara çıktı belleğe yazılmaz;
 *        Winograd ve doğrudan yollarda evrişim çıkışı "kanal en içte" bir parça
 *        tamponundadır ve 2x2 havuz ReLU ile birlikte oradan, 16 kanal birlikte alınır
 *        (başka pencere boyunda: y tamponu + maxpool2d_relu_forward).
 *   DOĞRUDAN
 *     8. Tek giriş kanallı 3x3 evrişimde (ders 04'ün ilk katmanı) im2col'un matris
 *        çarpımının toplama boyu yalnızca 9'dur: mikro-çekirdek işinin çoğunu
 *        toplayıcıları sıfırlayıp yazmaya harcar. conv_direct.c çıkış kanallarını
 *        vektör şeritlerine dizer, 9 x 32 filtre değeri yazmaçlarda durur. Geri geçiş
 *        yalnızca dW ve dbias'tır (ilk katman); dinp istenirse aynı şekil im2col'a gider.
 *   Hızlı yolların hepsinde sonuç iş parçacığı sayısından bağımsızdır ve değerlendirme
 *   kipindeki katman katman hesap (conv2d_forward + maxpool2d_relu_forward) birleşik
 *   yolla bit düzeyinde aynı çıkışı verir (testler: test_conv).
 *   work: conv2d_work_size(B,...) float'lık tampon (ağ her evrişim katmanı için bir
 *   tane ayırır; B en büyük yığındır, daha küçük yığınlar da aynı tamponla çalışır).
 *
 * KULLANIM
 *   float *work = xmalloc(conv2d_work_size(B, C, H, W, OC, k, s, p) * sizeof(float));
 *   conv2d_forward(out, inp, Wt, bias, B, C, H, W, OC, k, s, p, work);
 *   conv2d_backward(dinp, dWt, dbias, dout, inp, Wt, B, C, H, W, OC, k, s, p, work);
 *   (conv2d_forward/backward'da work ileri ve geri geçiş arasında bir şey taşımaz; aynı
 *   tampon ikisinde de kullanılır. Birleşik conv2d_relu_pool_* için aşağıya bakın.)
 */
#ifndef DOAA_CONV_H
#define DOAA_CONV_H
#include <stddef.h>
#include "nn/pool.h"

static inline int conv_out_dim(int H, int k, int s, int p) { return (H + 2 * p - k) / s + 1; }

/* Referans (düz döngü). out (B,OC,OH,OW) <- inp (B,C,H,W), W (OC,C,k,k), bias (OC) */
void conv2d_forward_ref(float *out, const float *inp, const float *W, const float *bias, int B,
                        int C, int H, int Wd, int OC, int k, int s, int p);
/* Referans geri geçiş. dinp (B,C,H,W), dW (OC,C,k,k), dbias (OC) eklenir. */
void conv2d_backward_ref(float *dinp, float *dW, float *dbias, const float *dout,
                         const float *inp, const float *W, int B, int C, int H, int Wd, int OC,
                         int k, int s, int p);

/* Hızlı sürümün geçici tamponunun boyu (float sayısı), en çok B örneklik yığın için. */
size_t conv2d_work_size(int B, int C, int H, int Wd, int OC, int k, int s, int p);
/* Hızlı ileri geçiş; yolu şekle göre seçer (im2col ya da Winograd). Şekiller referansla aynı. */
void conv2d_forward(float *out, const float *inp, const float *W, const float *bias, int B, int C,
                    int H, int Wd, int OC, int k, int s, int p, float *work);
/* Hızlı geri geçiş (work: geçici tampon, ileri geçişten bir şey beklemez). */
void conv2d_backward(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                     const float *W, int B, int C, int H, int Wd, int OC, int k, int s, int p,
                     float *work);

/* Parça boyu (float sayısı) ve yuva sayısı; 0 = varsayılan. Yalnızca testler ve
 * ölçümler için: tamponları AYIRMADAN ÖNCE çağrılmalı (work boyunu değiştirir). */
void conv2d_set_tuning(size_t chunk_floats, int slots);

/* Bu şekil Winograd yolundan mı geçer? (3x3, adım 1, C >= 8; bilgi için: ders 04 basar) */
int conv2d_uses_winograd(int C, int k, int s);

/* Evrişim + ReLU + max pooling, eğitim için tek çağrıda; yolu kendisi seçer (bkz. 7).
 * Geri geçiş dout yerine havuz çıkışının gradyanını (dpooled) alır. pk: havuz penceresi.
 * pooled, argmax, dpooled (B, OC, OH/pk, OW/pk); diğer şekiller conv2d ile aynı.
 * y (B,OC,OH,OW): ara tampon; her zaman verilmeli (pk = 2'de ileri geçiş ona dokunmaz;
 * başka pencerede Winograd ve doğrudan yol ileri geçişte evrişim çıkışını orada tutar;
 * doğrudan yolun giriş gradyanı istenirse geri geçiş evrişim çıkışının gradyanını orada kurar).
 * Geri geçiş de biriktirme kuralına uyar: dinp, dW, dbias'a eklenir.
 * Geri geçiş, aynı girdilerle hemen önce yapılmış ileri geçişin çıktılarını (pooled,
 * argmax, y) ve work'te bıraktığını okur (Winograd yolu, pk = 2: girişin dönüşümü V);
 * arada work başka bir çağrıda kullanılmamalı.
 * argmax'ın düzeni yola özgüdür (yalnızca geri geçiş okur): conv2d_relu_pool_argmax_nhwc
 * 1 dönerse argmax'ın ilk B*OC*PN baytı (PN = OH/2 * OW/2) int8_t'dir: her örnek için
 * "kanal en içte" (PN, OC), pencere içindeki konum dy*2 + dx, ReLU kapısı kapalı (havuz
 * çıkışı 0) pencerelerde -1 — geri geçiş onu devirmeden okur; yoksa
 * maxpool2d_relu_forward'unki gibi (OC, OH/pk, OW/pk) int, düzlemdeki indis. */
int conv2d_relu_pool_argmax_nhwc(int C, int k, int s, int OC, int pk);
void conv2d_relu_pool_forward(float *pooled, int *argmax, float *y, const float *inp,
                              const float *W, const float *bias, int B, int C, int H, int Wd,
                              int OC, int k, int s, int p, int pk, float *work);
void conv2d_relu_pool_backward(float *dinp, float *dW, float *dbias, float *y,
                               const float *dpooled, const int *argmax, const float *pooled,
                               const float *inp, const float *W, int B, int C, int H, int Wd,
                               int OC, int k, int s, int p, int pk, float *work);
#endif
