/*
 * dense.h — yoğun (tam bağlı, fully connected) katman.
 *
 * İleri geçiş (forward), bir yığındaki her örnek için:
 *   out[b][o] = Σ_i inp[b][i] * W[i][o] + bias[o]       ya da matrisle:  Y = X W + b
 * Geri geçiş (backward), zincir kuralıyla; dout = dL/dY verildiğinde:
 *   dW    = X^T dout      (IN,OUT)   her ağırlık, bağladığı giriş kadar suçludur
 *   dbias = Σ_b dout[b]   (OUT)
 *   dinp  = dout W^T      (B,IN)     hata bir önceki katmana geri akar
 * Üçü de GEMM'dir (bkz. gemm.h).
 *
 * BİRİKTİRME KURALI (bütün geri geçişlerde aynı, bkz. common/README.md)
 *   dinp, dW ve dbias'a EKLENİR (+=), üzerine yazılmaz: aynı tensör birden çok yerde
 *   kullanılırsa (artık bağlantı, paylaşılan ağırlık) gradyanlar kendiliğinden
 *   toplanır. Çağıran, gradyanları adımda bir kez sıfırlar.
 *   dW/dbias NULL ise o gradyan atlanır (dondurulmuş katman); dinp NULL ise
 *   hesaplanmaz (ilk katmanın girişine gradyan gerekmez).
 *
 * Şekiller: inp (B,IN), W (IN,OUT), bias (OUT), out (B,OUT).
 *
 * SEYREK GİRİŞ (sparse input)
 *   MNIST gibi görüntülerde girişin çoğu tam sıfırdır (MNIST'te piksellerin ~%81'i: siyah
 *   arka plan). Sıfır bir girişin bütün çarpımları 0'dır: Y = X W'da x[b][i] = 0 ise W'nun
 *   i. satırı o örneğe hiçbir şey katmaz; dW = X^T dout'ta da dW'nun i. satırına o örnekten
 *   hiçbir şey gelmez. Seyrek yol bu çarpımları atlar, gerisini aynen yapar:
 *     ileri:  out[b] = bias + Σ_{i: x[b][i] ≠ 0} x[b][i] · W[i]        (W'nun satırları)
 *     dW:     dW[i] += Σ_{b: x[b][i] ≠ 0} x[b][i] · dout[b]
 *   Yığının sıfır olmayan öğeleri önce satır satır (CSR: değer + sütun) ve dW için sütun
 *   sütun (CSC) toplanır; çıkışlar, L1 önbelleğe sığan şeritler ve bloklar hâlinde vektör
 *   yazmaçlarında birikir (ayrıntı dense.c'de, "Bloklama"). Matematik
 *   aynıdır; yalnızca toplama sırası GEMM'inkinden farklı olduğu için sonuç son
 *   bitlerde (float yuvarlamasında) değişebilir. dinp = dout W^T girişe bakmaz, GEMM'le
 *   kalır (ilk katmanda zaten hesaplanmaz).
 *   Yol kendiliğinden seçilir: yığında sıfır olmayanların oranı DENSE_SPARSE_MAX_DENSITY'yi
 *   (%25) aşmıyorsa seyrek, aşıyorsa GEMM. Eşik bu makinede ölçüldü (bench sparse, 784->256,
 *   yığın 128, tek iş parçacığı): MNIST'in %19'unda ileri 0,14 ms / GEMM 0,28 ms, dW 0,15 /
 *   0,27 ms; %36'da ~0,24 / 0,28 ms; ~%40'ta başa baş. Seyrek yol bir çarpım başına GEMM'den
 *   ~2,5–3 kat yavaş (W'nun satırları her örnek için yeniden okunur, dizinler dolaşılır,
 *   kısa döngüler dal tahminini şaşırtır), bu yüzden ancak çarpımların çoğu atlanınca
 *   kazanır. Eşik başa baş noktasının epey altında: küçük katmanlarda (256->128) dizinleri
 *   kurmanın payı büyük; lesson02'nin gizli katman girişleri (ReLU + dropout, ~%33–45 dolu)
 *   %35 eşikle zaman zaman seyrek yola girip epoch'u ~20 ms yavaşlatıyordu. Oran ilk 8
 *   satırdan sonra eşiği aşmışsa tarama erken bırakılır. Sonuç iş parçacığı sayısından
 *   bağımsızdır.
 *   Sıfır sayılan yalnızca tam 0'dır; W'da sonsuz varsa GEMM 0·∞ = NaN verir, seyrek yol
 *   o çarpımı yapmaz (eğitimde W sonlu kalır; ckpt NaN/sonsuz yüklemez).
 *
 * Başlatma (initialization): He/Kaiming — W ~ N(0, 2/IN). ReLU yarı değerleri
 * sıfırladığı için varyansı 2 ile çarpmak sinyalin katmanlar boyunca sönmesini önler.
 */
#ifndef DOAA_DENSE_H
#define DOAA_DENSE_H
#include <stddef.h>
#include "core/rng.h"

void dense_forward(float *out, const float *inp, const float *W, const float *bias, int B, int IN,
                   int OUT);
void dense_backward(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                    const float *W, int B, int IN, int OUT);
/* Seyrek yol: yığındaki sıfır olmayan öğelerin oranı bunu aşmıyorsa kullanılır. */
#define DENSE_SPARSE_MAX_DENSITY 0.25
/* Seyrek yolun çalışma alanı (float sayısı), B satır x IN girişlik yığın için. */
size_t dense_sparse_work_floats(int B, int IN);
/* Yolu yoğunluğa göre seçen ileri/geri geçiş: work NULL ise ya da giriş yeterince seyrek
 * değilse dense_forward/dense_backward'ın (GEMM) aynısı. Biriktirme kuralı aynıdır. */
void dense_forward_auto(float *out, const float *inp, const float *W, const float *bias, int B,
                        int IN, int OUT, void *work);
void dense_backward_auto(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                         const float *W, int B, int IN, int OUT, void *work);
/* Seyrek yolun kendisi (testler için ayrı): 1 = yapıldı, 0 = giriş yeterince seyrek değil
 * (hiçbir şey yazılmadı). dense_backward_dw_sparse yalnızca dW'ya ekler. */
int dense_forward_sparse(float *out, const float *inp, const float *W, const float *bias, int B,
                         int IN, int OUT, void *work);
int dense_backward_dw_sparse(float *dW, const float *dout, const float *inp, int B, int IN, int OUT,
                             void *work);
/* W (IN,OUT) ~ N(0, 2/IN) (He), bias = 0 */
void dense_init_he(float *W, float *bias, int IN, int OUT, Rng *rng);
/* W ~ U(-a, a), a = sqrt(6/(IN+OUT)) (Glorot/Xavier; tanh/sigmoid için) */
void dense_init_glorot(float *W, float *bias, int IN, int OUT, Rng *rng);
#endif
