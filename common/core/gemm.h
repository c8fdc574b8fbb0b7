/*
 * gemm.h — genel matris çarpımı (GEneral Matrix Multiply).
 *
 *   C = alpha * op(A) * op(B) + beta * C
 *
 * Tüm matrisler satır öncelikli (row-major) saklanır. op(X) ya X'in kendisi
 * ya da devriğidir (transpose, X^T):
 *   op(A) boyutu (M,K):  transA==0 ise A (M,K), lda >= K
 *                         transA==1 ise A (K,M), lda >= M
 *   op(B) boyutu (K,N):  transB==0 ise B (K,N), ldb >= N
 *                         transB==1 ise B (N,K), ldb >= K
 *   C (M,N), ldc >= N.    beta == 0 ise C'nin eski içeriği hiç okunmaz.
 *
 * İKİ SÜRÜM
 *   gemm_ref  — üç iç içe döngü. Yavaş ama doğruluğu bir bakışta görülür;
 *               testler hızlı sürümü buna karşı sınar.
 *   gemm      — hızlı sürüm: A ve B'yi önbelleğe sığan bloklara "paketler"
 *               (packing), bir mikro-çekirdek (micro-kernel; AVX2'de 6x16,
 *               AVX-512'de 12x32'lik kare) ile
 *               yazmaçlarda (register) biriktirir, blokları OpenMP ile
 *               çekirdeklere dağıtır. Her C elemanını tek bir iş parçacığı aynı
 *               sırayla hesaplar: sonuç iş parçacığı sayısından bağımsızdır.
 *
 * Derin öğrenmede işin neredeyse tamamı buradadır: yoğun katman (dense) ileri
 * geçişi Y = X W, geri geçişi dW = X^T dY ve dX = dY W^T — üçü de GEMM.
 */
#ifndef DOAA_GEMM_H
#define DOAA_GEMM_H

void gemm_ref(int transA, int transB, int M, int N, int K, float alpha,
              const float *A, int lda, const float *B, int ldb, float beta,
              float *C, int ldc);

void gemm(int transA, int transB, int M, int N, int K, float alpha,
          const float *A, int lda, const float *B, int ldb, float beta,
          float *C, int ldc);
#endif
