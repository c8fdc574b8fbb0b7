/*
 * threads.h — meşgul makinede iş parçacığı sayısını kendiliğinden ayarlamak.
 *
 * NEDEN
 *   OpenMP paralel bölgenin sonunda her iş parçacığını bir engelde (barrier)
 *   bekletir. Beklerken iş parçacığı uyumaz, bir süre "döner" (spin-wait):
 *   ortağı birkaç mikrosaniyede gelecekse uyuyup uyanmaktan ucuzdur. Ama 2
 *   çekirdekli bir makinede başka bir program (ör. tarayıcı) bir çekirdeği
 *   tutuyorsa, ortak iş parçacığı işletim sisteminin sırasını bekler
 *   (milisaniyeler); dönen iş parçacığı da boşa çekirdek yakar. Sonuç: 2 iş
 *   parçacığıyla bir epoch, 1 iş parçacığıyla olandan kat kat uzun sürer.
 *
 * ÇÖZÜM
 *   Ders --threads verilmeden çalışıyorsa (kendiliğinden kip), yarım saniyede
 *   bir /proc/stat'tan makinenin meşgul zamanını okuruz ve bizim sürecin
 *   harcadığı işlemci zamanını (CLOCK_PROCESS_CPUTIME_ID) ondan çıkarırız:
 *
 *     başkaları = (Δmeşgul_makine − Δbizim) / Δduvar_saati    (çekirdek cinsinden)
 *     boş       = çekirdek_sayısı − başkaları
 *     iş parçacığı = sınırla(⌊boş + 0.4⌋, 1, en_çok)
 *
 *   Böylece başka bir program bir çekirdeği doldurduğunda yarım saniye içinde
 *   tek iş parçacığına ineriz; o program bitince yeniden bütün çekirdeklere
 *   çıkarız. İlk kararı başlarken /proc/stat'ın "procs_running" satırından
 *   (o an çalışmaya hazır iş parçacıkları, 10 ms'lik ortalama) veririz.
 *   Sonuçlar değişmez: çekirdeklerimiz iş parçacığı sayısından
 *   bağımsız sonuç verir (testler bunu sınar).
 *
 *   threads_adapt() çok ucuzdur (bir saat okuması); gemm() her çağrıda onu
 *   çağırır, asıl ölçüm yarım saniyede bir yapılır. Paralel bölgenin içinden
 *   çağrılırsa hiçbir şey yapmaz.
 */
#ifndef DOAA_THREADS_H
#define DOAA_THREADS_H

/* Kendiliğinden kipi başlatır: en çok max_threads iş parçacığı (>= 1). */
void threads_auto_begin(int max_threads);
/* Kendiliğinden kipi kapatır; iş parçacığı sayısını en çoğa geri koyar. */
void threads_auto_end(void);
/* Kip açıksa ve son ölçümden bu yana en az yarım saniye geçtiyse ölçüp
 * omp_set_num_threads ile ayarlar. Kapalıysa hiçbir şey yapmaz. */
void threads_adapt(void);
/* Şu an kullanılan iş parçacığı sayısı. */
int threads_current(void);

/* Karar kuralı, test edilebilsin diye ayrı: ncpu çekirdekli makinede
 * başkalarının kullandığı çekirdek sayısı others iken kaç iş parçacığı? */
int threads_choose(int ncpu, double others, int max_threads);
#endif
