/*
 * sample.h — bir dil modelinin sonraki simge dağılımından örnek çekmek (sampling).
 *
 * Model her adımda V simgelik bir skor vektörü (logits z) verir. Ondan bir simge
 * seçmenin yolları:
 *   AÇGÖZLÜ (greedy)   en büyük skorlu simge: $\arg\max_v z_v$. Hep aynı metni yazar.
 *   SICAKLIK (temperature) T: $p_v = e^{z_v/T} / \sum_u e^{z_u/T}$. T < 1 dağılımı
 *                      sivriltir (güvenli, tekdüze), T > 1 düzleştirir (yaratıcı,
 *                      hatalı). T → 0'da bütün olasılık en büyük skora toplanır:
 *                      açgözlü seçimin aynısı (T = 0 tam olarak açgözlüdür).
 *   EN İYİ k (top-k)   yalnızca en olası k simge kalır, olasılıkları yeniden
 *                      toplamı 1 olacak biçimde ölçeklenir (Fan vd. 2018).
 *   ÇEKİRDEK (top-p, nucleus)  olasılıklar büyükten küçüğe sıralanır; birikimli
 *                      toplamı p'ye ulaşan en küçük küme kalır (Holtzman vd. 2020).
 *                      Dağılım sivriyse küme küçük, düzse büyüktür: k gibi sabit
 *                      değil, dağılıma göre uyarlanır.
 * Sıra: önce sıcaklık, sonra top-k, sonra top-p, sonra yeniden ölçekleme.
 *
 * KULLANIM
 *   sample_probs(p, logits, V, 0.8f, 0, 0.9f);   // T = 0,8, top-k yok, top-p = 0,9
 *   int v = sample_pick(p, V, rng_uniform(&r));   // u ∈ [0,1) ile ters CDF
 *
 * SINIRLAR
 *   V <= SAMPLE_VMAX. temperature < 0, top_p ∉ [0,1] ya da top_k < 0 programlama
 *   hatasıdır (abort); kullanıcı bayraklarını ders doğrular. top_k = 0 ve
 *   top_p = 0 ya da 1: o süzgeç yok.
 */
#ifndef DOAA_SAMPLE_H
#define DOAA_SAMPLE_H

#define SAMPLE_VMAX 4096

/* En büyük skorun indisi (eşitlikte en küçük indis). */
int sample_argmax(const float *logits, int V);
/* probs (V) = süzülmüş ve yeniden ölçeklenmiş dağılım. temperature = 0: açgözlü (one-hot).
 * Dönüş: olasılığı sıfır olmayan simge sayısı. */
int sample_probs(float *probs, const float *logits, int V, float temperature, int top_k, float top_p);
/* Ters CDF: birikimli toplamı u'yu aşan ilk simge (u ∈ [0,1)). */
int sample_pick(const float *probs, int V, float u);
#endif
