/*
 * metrics.h — sınıflandırma ölçütleri (metrics).
 *
 * Karmaşıklık matrisi (confusion matrix) cm (K,K): cm[gerçek][tahmin] sayısı.
 * Köşegen doğru tahminlerdir. Bir k sınıfı için:
 *   TP = cm[k][k]                     (doğru pozitif)
 *   FP = Σ_i cm[i][k] - TP            (k dedik ama değildi)
 *   FN = Σ_j cm[k][j] - TP            (k'ydı ama başka dedik)
 *   kesinlik (precision) = TP / (TP + FP)   "k dediğimizde ne sıklıkla haklıyız?"
 *   duyarlılık (recall)  = TP / (TP + FN)   "gerçek k'lerin ne kadarını bulduk?"
 *   F1 = 2 P R / (P + R)                    (ikisinin harmonik ortalaması)
 * Makro ortalama (macro average): sınıfların ölçütlerinin düz ortalaması
 * (her sınıf eşit ağırlıkta). Doğruluk (accuracy) = köşegen toplamı / tüm örnekler.
 * Paydası 0 olan bir oran 0 kabul edilir.
 */
#ifndef DOAA_METRICS_H
#define DOAA_METRICS_H

typedef struct {
    double precision, recall, f1;
    int support;   /* o sınıftan gerçek örnek sayısı */
} ClassMetrics;

typedef struct {
    double accuracy, macro_precision, macro_recall, macro_f1;
    int total;
} MetricsSummary;

/* argmax (en büyük elemanın indisi) core/util.h'dedir. */
/* cm (K,K) += çiftler */
void confusion_add(int *cm, int K, const int *y_true, const int *y_pred, int n);
/* per (K) NULL olabilir */
void metrics_from_confusion(const int *cm, int K, ClassMetrics *per, MetricsSummary *sum);
/* Karmaşıklık matrisini metin tablo olarak yazar. */
void confusion_print(const int *cm, int K, const char *const *names);
#endif
