/*
 * lesson08 — Softmax ve sıcaklık (temperature)
 *
 * Bu derste öğrenecekleriniz:
 *   - Softmax ham skorları (logits) olasılığa nasıl çevirir; sıcaklık τ ile
 *     bölmek dağılımı nasıl sivriltir (τ < 1) ya da düzleştirir (τ > 1)?
 *   - Entropi (entropy, belirsizliğin ölçüsü) sıcaklıkla nasıl değişir: τ → 0'da 0,
 *     τ → ∞'da ln K.
 *   - Düz softmax (naive softmax; formülün olduğu gibi hesaplanması) büyük
 *     skorlarda neden inf/NaN üretir ve en büyük skoru çıkarmak bunu neden sonucu
 *     değiştirmeden çözer.
 *   - Bir dağılımdan örnekleme (sampling): 10 000 çekilişin sıklıkları olasılıklara
 *     ne kadar yakın? Toplam değişim uzaklığı (total variation, TV) ve ki-kare
 *     (chi-square, χ²).
 *   - Dikkatteki (attention; lesson07) √d_k ölçeklemesinin aslında τ = √d_k
 *     sıcaklığı olduğu.
 *
 * Çalıştırma:  make lesson08 && ./lesson08
 *              ./lesson08 --quick                (testlerin kullandığı kısa koşu)
 *              ./lesson08 --quiz                 (kendini sına)
 * Sıcaklıklı softmax ve entropi common/nn/attention.c'dedir (softmax_temp_forward, entropy).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"
#include "nn/attention.h"

#define NSTEPS 5
#define K 5 /* aday kelime sayısı */

static const char *WORDS[K] = {"çekti", "aldı", "ödedi", "istedi", "yedi"};
/* "Ali bankadan kredi ___" cümlesinin boşluğu için bir dil modelinin verebileceği skorlar */
static const float LOGITS[K] = {3.0f, 2.2f, 1.5f, 1.0f, -1.0f};

#define NTEMP 5
static const float TEMPS[NTEMP] = {0.25f, 0.5f, 1.0f, 2.0f, 5.0f};

/* Toplam değişim uzaklığı (total variation): TV(p, q) = ½ Σ |p_i - q_i|, 0..1 arası. */
static double total_variation(const double *p, const float *q, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += fabs(p[i] - (double)q[i]);
    return 0.5 * s;
}

/*
 * Adım 1: Bir skor vektörü, beş sıcaklık
 *
 * "Ali bankadan kredi ___" boşluğu için beş aday kelimenin skorları (logits)
 * z = [3.0, 2.2, 1.5, 1.0, -1.0]. Sıcaklıklı softmax:
 *   $$p_i = \frac{e^{z_i/\tau}}{\sum_j e^{z_j/\tau}}$$
 * τ = 1 sıradan softmax'tır. τ < 1 skorların farkını büyütür: dağılım en büyük
 * skora yığılır (daha "emin", ama daha tekrarlı ve sıkıcı metin). τ > 1 farkları
 * küçültür: dağılım düzleşir ve her adayın eşit olasılık aldığı düzgün dağılıma
 * (uniform) yaklaşır (daha "yaratıcı", daha rastgele metin). Sıralama hiçbir
 * zaman değişmez.
 */
static void step1_temperatures(float P[NTEMP][K], const LessonArgs *a) {
    step_banner(1, NSTEPS, "Bir skor vektörünün beş sıcaklıktaki softmax'ı");
    printf("Skorlar (logits): ");
    for (int i = 0; i < K; i++) printf("%s=%.1f ", WORDS[i], LOGITS[i]);
    printf("\n    τ     ");
    for (int i = 0; i < K; i++) {
        printf(" ");
        term_rpad(WORDS[i], 8);
    }
    printf("\n");
    for (int t = 0; t < NTEMP; t++) {
        softmax_temp_forward(P[t], LOGITS, 1, K, TEMPS[t]);
        printf("    %-5.2f ", TEMPS[t]);
        for (int i = 0; i < K; i++) printf(" %8.4f", P[t][i]);
        printf("\n");
    }
    printf("τ = %.2f iken 'çekti' olasılığı %.4f; τ = %.0f iken %.4f\n(düzgün dağılım, yani "
           "hepsi eşit olsaydı %.2f).\n",
           TEMPS[0], P[0][0], TEMPS[NTEMP - 1], P[NTEMP - 1][0], 1.0 / K);
    printf("'yedi' (anlamsız aday) τ = %.2f iken %.2e, τ = %.0f iken %.4f:\nyüksek sıcaklık "
           "saçma adaylara da şans verir.\n",
           TEMPS[0], P[0][K - 1], TEMPS[NTEMP - 1], P[NTEMP - 1][K - 1]);
    Plot p;
    /* Şekil sicaklik_dagilimlari: Aynı skorların beş sıcaklıkta verdiği olasılıklar: küçük τ'da
     * olasılığın neredeyse hepsinin en yüksek skorlu kelimede toplandığına, τ büyüdükçe çubukların
     * eşitlendiğine bakın. */
    FILE *d = plot_begin(&p, "lesson08", "sicaklik_dagilimlari");
    for (int i = 0; i < K; i++) {
        fprintf(d, "\"%s\"", WORDS[i]);
        for (int t = 0; t < NTEMP; t++) fprintf(d, " %.6f", P[t][i]);
        fprintf(d, "\n");
    }
    char body[1024];
    int n = snprintf(body, sizeof body,
                     "set title 'Sıcaklıklı softmax: Ali bankadan kredi ...'\n"
                     "set ylabel 'olasılık'\nset xlabel 'aday kelime'\nset yrange [0:1]\n"
                     "set style data histograms\nset style histogram clustered gap 1\n"
                     "set style fill solid 0.85 border -1\nset boxwidth 0.9\nset grid ytics\n"
                     "set key top right title 'sıcaklık'\nplot ");
    for (int t = 0; t < NTEMP; t++)
        n += snprintf(body + n, sizeof body - n, "%s'sicaklik_dagilimlari.dat' using %d:xtic(1) "
                      "title 'τ = %g'", t ? ", " : "", t + 2, TEMPS[t]);
    snprintf(body + n, sizeof body - n, "\n");
    plot_finish(&p, body);
    plot_render(&p, a->ascii);
    printf("Grafik: plots/lesson08/sicaklik_dagilimlari.png\n");
}

/*
 * Adım 2: Entropi ve sıcaklık
 *
 * Entropi bir dağılımın belirsizliğini ölçer: $H(p) = -\sum_i p_i \ln p_i$.
 * Birimi nat'tır (nat): logaritma doğal logaritma ln olduğunda böyle denir
 * (log₂ ile aynı ölçü "bit" olur; 1 nat ≈ 1,443 bit).
 * Tek bir kelimeye 1 veren dağılımda H = 0 (hiç belirsizlik yok); K kelimeye eşit
 * olasılık verende H = ln K, olabilecek en büyük değer. τ'yu 0,05'ten 50'ye
 * çıkardıkça entropinin 0'dan ln 5 = 1,609'a monoton biçimde (hiç azalmadan)
 * arttığını görüyoruz.
 */
#define NH_T 41
static void step2_entropy(double *H_low, double *H_high, int *monotone, const LessonArgs *a) {
    step_banner(2, NSTEPS, "Entropi sıcaklıkla artar: 0'dan ln K'ya");
    float taus[NH_T], Hs[NH_T], pmax[NH_T], lnK[NH_T], p[K];
    *monotone = 1;
    for (int i = 0; i < NH_T; i++) {
        taus[i] = 0.05f * powf(1000.0f, (float)i / (NH_T - 1)); /* 0,05 .. 50, log aralıklı */
        softmax_temp_forward(p, LOGITS, 1, K, taus[i]);
        Hs[i] = (float)entropy(p, K);
        float m = p[0];
        for (int k = 1; k < K; k++) m = fmaxf(m, p[k]);
        pmax[i] = m;
        lnK[i] = (float)log((double)K);
        if (i > 0 && Hs[i] < Hs[i - 1]) *monotone = 0;
    }
    *H_low = Hs[0];
    *H_high = Hs[NH_T - 1];
    printf("Entropi H(p) = -Σ p_i ln p_i, birimi nat\n(doğal logaritmayla ölçülen belirsizlik).\n");
    printf("    τ        H(p)     en büyük p\n");
    for (int i = 0; i < NH_T; i += 8)
        printf("    %-7.3f  %.4f   %.4f\n", taus[i], Hs[i], pmax[i]);
    printf("τ = %.2f iken H = %.4f (≈ 0: neredeyse kesin), τ = %.0f iken H = %.4f\n"
           "(ln %d = %.4f: neredeyse düzgün dağılım).\n",
           taus[0], *H_low, taus[NH_T - 1], *H_high, K, log((double)K));
    printf("41 noktanın hepsinde entropi bir öncekinden %s.\n",
           *monotone ? "büyük ya da eşit (monoton artış)" : "HER ZAMAN büyük değil!");
    Plot pl;
    /* Şekil entropi: Sıcaklık log ölçekte arttıkça entropinin 0'dan ln 5 sınırına (düz çizgi,
     * düzgün dağılım) çıktığına, en büyük olasılığın ise 1'den 1/5'e indiğine bakın; iki eğri aynı
     * olayın iki yüzüdür. */
    FILE *d = plot_begin(&pl, "lesson08", "entropi");
    for (int i = 0; i < NH_T; i++)
        fprintf(d, "%.6g %.6f %.6f %.6f\n", taus[i], Hs[i], pmax[i], lnK[i]);
    plot_finish(&pl, "set title 'Entropi ve sıcaklık'\nset xlabel 'sıcaklık τ (log ölçek)'\n"
                     "set ylabel 'değer'\nset logscale x 10\nset xrange [0.05:50]\nset grid\nset key below height 1\n"
                     "set yrange [0:1.8]\n"
                     "plot 'entropi.dat' using 1:2 with lines lw 3 title 'entropi H(p) (nat)', "
                     "'' using 1:3 with lines lw 2 dt 2 title 'en büyük olasılık', "
                     "'' using 1:4 with lines lw 1 lc rgb 'gray40' title 'ln 5 (düzgün dağılım)'\n");
    plot_render(&pl, a->ascii);
    printf("Grafik: plots/lesson08/entropi.png\n");
}

/*
 * Adım 3: Taşma — düz softmax neden NaN verir?
 *
 * float en fazla ~3,4·10^38 tutar; e^89 bunu aşar. Düz (naive) formül
 * e^1000 / (e^1000 + e^1001 + e^1002) = inf / inf = NaN (sayı değil) verir.
 * Çok negatif skorlarda ters sorun: e^-1000 = 0 ve 0/0 = NaN.
 * Çözüm: her skordan en büyüğünü çıkarmak. Pay ve payda aynı e^-m ile çarpıldığı
 * için sonuç değişmez, ama artık en büyük üs e^0 = 1'dir:
 *   $$\mathrm{softmax}(z) = \mathrm{softmax}(z - m), \qquad m = \max_i z_i$$
 */
static void naive_softmax(float *p, const float *z, int n) {
    float sum = 0;
    for (int i = 0; i < n; i++) sum += expf(z[i]);
    for (int i = 0; i < n; i++) p[i] = expf(z[i]) / sum;
}

static void step3_overflow(int *nan_count, float *stable_sum, float *stable_p3) {
    step_banner(3, NSTEPS, "Taşma: düz softmax ve en büyüğü çıkaran softmax");
    const float cases[3][3] = {{1000, 1001, 1002}, {-1000, -1001, -1002}, {0, 1, 2}};
    *nan_count = 0;
    float ref[3];
    softmax_temp_forward(ref, cases[2], 1, 3, 1.0f);
    for (int c = 0; c < 3; c++) {
        float pn[3], ps[3];
        naive_softmax(pn, cases[c], 3);
        softmax_temp_forward(ps, cases[c], 1, 3, 1.0f);
        printf("  z = [%g, %g, %g]\n", cases[c][0], cases[c][1], cases[c][2]);
        printf("    düz softmax      : [%g, %g, %g]   (e^%g = %g)\n", pn[0], pn[1], pn[2],
               cases[c][0], expf(cases[c][0]));
        printf("    m'yi çıkararak   : [%.4f, %.4f, %.4f]\n", ps[0], ps[1], ps[2]);
        if (c < 2)
            for (int i = 0; i < 3; i++) *nan_count += isnan(pn[i]) ? 1 : 0;
        if (c == 0) {
            *stable_sum = ps[0] + ps[1] + ps[2];
            *stable_p3 = ps[2];
        }
    }
    printf("İlk iki vektörde düz softmax %d/6 NaN üretti. Kararlı sürüm üçünde de aynı\n"
           "dağılımı verdi: z'ye sabit eklemek (1000 ya da -1000) olasılıkları değiştirmez.\n",
           *nan_count);
    printf("[1000, 1001, 1002] için son olasılık %.4f = e² / (1 + e + e²) = %.4f.\n", *stable_p3,
           exp(2.0) / (1 + exp(1.0) + exp(2.0)));
}

/*
 * Adım 4: Örnekleme — 10 000 çekiliş, sıklıklar olasılıklara yaklaşır
 *
 * Bir dil modeli metin üretirken her adımda olasılıklardan bir kelime çeker.
 * Ters birikimli dağılım yöntemi: u ~ U[0,1) çek, birikimli toplamı u'yu ilk
 * aşan kelimeyi seç (p = [0.5, 0.3, 0.2] ise u < 0.5 → 1., u < 0.8 → 2., değilse 3.).
 * Her sıcaklıkta N = 10 000 çekilişin sıklıklarını olasılıklarla iki ölçüyle
 * karşılaştırıyoruz:
 *   toplam değişim uzaklığı  TV = ½ Σ |f_i - p_i|   (0: aynı, 1: hiç örtüşmez)
 *   ki-kare                  χ² = Σ (n_i - N p_i)² / (N p_i)
 * (f_i sıklık, n_i sayım, N p_i beklenen sayım.) Örnekler gerçekten p'den geliyorsa
 * χ² rastgele dalgalanır ve ortalaması serbestlik derecesine (degrees of freedom)
 * eşittir: K - 1 = 4. Beş sayımın toplamı N'ye eşit olmak zorunda olduğundan
 * yalnızca dördü serbestçe değişebilir. Bu dağılımda χ²'nin 18,47'yi aşma olasılığı
 * yalnızca binde birdir (%0,1); bu eşiği aşan bir sonuç "örnekler bu dağılımdan
 * gelmiyor" der. Ölçünün işe yaradığını görmek için τ = 0,5 örneklerini bilerek
 * yanlış dağılımla (τ = 2) da karşılaştırıyoruz.
 */
static int sample_categorical(const float *p, int n, Rng *r) {
    float u = rng_uniform(r), c = 0;
    for (int i = 0; i < n; i++) {
        c += p[i];
        if (u < c) return i;
    }
    return n - 1; /* float yuvarlaması birikimli toplamı 1'in biraz altında bırakabilir */
}

#define NS_T 3
static void step4_sampling(double *tv, double *chi2, double *chi2_wrong, const LessonArgs *a) {
    step_banner(4, NSTEPS, "Örnekleme: 10 000 çekiliş ve olasılıklar");
    const float st[NS_T] = {0.5f, 1.0f, 2.0f};
    const int N = 10000;
    Rng r;
    rng_seed(&r, (uint64_t)a->seed);
    float P[NS_T][K];
    double F[NS_T][K];
    int counts0[K] = {0};
    printf("Toplam değişim uzaklığı: TV = ½ Σ |sıklık - olasılık|; 0 aynı, 1 hiç örtüşmüyor.\n"
           "Ki-kare: χ² = Σ (sayım - beklenen)² / beklenen. Örnekler dağılımdan\n"
           "geliyorsa ortalaması serbestlik derecesine (K - 1 = %d; toplam sabit olduğundan\n"
           "%d sayımdan %d'ü serbest) eşittir; 18.47'yi aşma olasılığı yalnızca %%0.1:\n"
           "aşarsa örnekler bu dağılımdan gelmiyor demektir.\n", K - 1, K, K - 1);
    for (int t = 0; t < NS_T; t++) {
        softmax_temp_forward(P[t], LOGITS, 1, K, st[t]);
        int cnt[K] = {0};
        for (int n = 0; n < N; n++) cnt[sample_categorical(P[t], K, &r)]++;
        chi2[t] = 0;
        for (int i = 0; i < K; i++) {
            F[t][i] = (double)cnt[i] / N;
            double e = N * (double)P[t][i];
            chi2[t] += (cnt[i] - e) * (cnt[i] - e) / e;
            if (t == 0) counts0[i] = cnt[i];
        }
        tv[t] = total_variation(F[t], P[t], K);
        printf("  τ = %.1f:\n    kelime     olasılık  sayım   sıklık\n", st[t]);
        for (int i = 0; i < K; i++) {
            printf("    ");
            term_pad(WORDS[i], 9);
            printf("  %.4f  %5d   %.4f\n", P[t][i], cnt[i], F[t][i]);
        }
        printf("    TV = %.4f, χ² = %.2f\n    (serbestlik derecesi 4; %%0.1 eşiği 18.47: %s)\n", tv[t],
               chi2[t], chi2[t] < 18.47 ? "örnekler dağılımla uyumlu" : "UYUMSUZ");
    }
    *chi2_wrong = 0;
    for (int i = 0; i < K; i++) {
        double e = N * (double)P[2][i];
        *chi2_wrong += (counts0[i] - e) * (counts0[i] - e) / e;
    }
    printf("Karşılaştırma: τ = 0.5 örneklerini τ = 2 olasılıklarıyla sınasaydık χ² = %.0f\n"
           "olurdu — yanlış dağılımı hemen yakalar.\n", *chi2_wrong);
    Plot p;
    /* Şekil ornekleme: Her panel bir sıcaklıkta softmax olasılıklarını ve 10 000 çekilişte gözlenen
     * sıklıkları yan yana koyar; çubuk çiftlerinin ne kadar yakın olduğuna ve başlıktaki TV
     * uzaklığına bakın. */
    FILE *d = plot_begin(&p, "lesson08", "ornekleme");
    for (int i = 0; i < K; i++) {
        fprintf(d, "\"%s\"", WORDS[i]);
        for (int t = 0; t < NS_T; t++) fprintf(d, " %.6f %.6f", P[t][i], F[t][i]);
        fprintf(d, "\n");
    }
    char body[2048];
    int n = snprintf(body, sizeof body,
                     "set multiplot layout 1,3 title 'Örnekleme: 10 000 çekilişin sıklıkları "
                     "ve olasılıklar'\n"
                     "set style data histograms\nset style histogram clustered gap 1\n"
                     "set style fill solid 0.85 border -1\nset boxwidth 0.9\nset yrange [0:0.9]\n"
                     "set grid ytics\nset key top right\nset xtics rotate by -30\n"
                     "set ylabel 'olasılık / gözlenen sıklık'\n");
    for (int t = 0; t < NS_T; t++)
        n += snprintf(body + n, sizeof body - n,
                      "set title 'τ = %g   (TV = %.4f, χ² = %.1f)'\n"
                      "plot 'ornekleme.dat' using %d:xtic(1) title 'olasılık', '' using %d "
                      "title 'gözlenen sıklık'\n%s",
                      st[t], tv[t], chi2[t], 2 + 2 * t, 3 + 2 * t, t == 0 ? "unset ylabel\n" : "");
    snprintf(body + n, sizeof body - n, "unset multiplot\n");
    plot_finish_size(&p, body, 1300, 480);
    plot_render(&p, a->ascii);
    printf("Grafik: plots/lesson08/ornekleme.png\n");
}

/*
 * Adım 5: Dikkatteki ölçekleme bir sıcaklıktır
 *
 * lesson07'de skorları √d_k'ya bölüp softmax aldık: softmax(q·k / √d_k). Bu,
 * ölçeklenmemiş skorların τ = √d_k sıcaklıklı softmax'ıdır. d_k büyüdükçe ham
 * skorlar büyür; sıcaklığı da √d_k ile artırmak dağılımı aynı "keskinlikte" tutar.
 * Denetim: rastgele q, k ile sdpa_forward(ölçekli) ağırlıkları ile ham skorların
 * softmax_temp_forward(τ = √d_k) sonucunu karşılaştırıyoruz.
 */
static double step5_attention_temperature(const LessonArgs *a) {
    step_banner(5, NSTEPS, "Dikkatteki √d_k ölçeklemesi = τ = √d_k sıcaklığı");
    enum { TQ = 3, TK = 6, DK = 16 };
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 5);
    float q[TQ * DK], k[TK * DK], v[TK] = {0}, out[TQ], att[TQ * TK], S[TQ * TK], P[TQ * TK];
    for (int i = 0; i < TQ * DK; i++) q[i] = rng_normal(&r);
    for (int i = 0; i < TK * DK; i++) k[i] = rng_normal(&r);
    sdpa_forward(out, att, q, k, v, 1, TQ, TK, DK, 1, NULL, NULL, 1);
    gemm(0, 1, TQ, TK, DK, 1.0f, q, DK, k, DK, 0.0f, S, TK); /* ham skorlar Q Kᵀ */
    float tau = sqrtf((float)DK);
    softmax_temp_forward(P, S, TQ, TK, tau);
    double md = 0;
    for (int i = 0; i < TQ * TK; i++) md = fmax(md, fabs((double)P[i] - att[i]));
    printf("d_k = %d, τ = √%d = %.0f. İlk sorgunun (query) satırı:\n", DK, DK, tau);
    printf("    ham skorlar      :");
    for (int j = 0; j < TK; j++) printf(" %7.3f", S[j]);
    printf("\n    sdpa (ölçekli)   :");
    for (int j = 0; j < TK; j++) printf(" %7.4f", att[j]);
    printf("\n    softmax(τ = %.0f)   :", tau);
    for (int j = 0; j < TK; j++) printf(" %7.4f", P[j]);
    printf("\nİki yolun en büyük farkı %.2e: aynı hesap.\n", md);
    return md;
}

/* Sınav: sayısal cevaplar kütüphaneyle çalışma anında hesaplanır. */
static int run_quiz(const LessonArgs *a) {
    static char e1[256], e2[256], e5[256], e7[256];
    float z[3] = {1, 2, 3}, p1[3], p2[3];
    softmax_temp_forward(p1, z, 1, 3, 1.0f);
    softmax_temp_forward(p2, z, 1, 3, 2.0f);
    snprintf(e1, sizeof e1, "e³ / (e¹ + e² + e³) = %.4f.", p1[2]);
    snprintf(e2, sizeof e2, "z/2 = [0.5, 1, 1.5]; e^1.5 / (e^0.5 + e^1 + e^1.5) = %.4f: "
             "sıcaklık arttı, en büyük olasılık düştü.", p2[2]);
    float u[4] = {0.25f, 0.25f, 0.25f, 0.25f};
    double h4 = entropy(u, 4);
    snprintf(e5, sizeof e5, "H = -4 · 0.25 · ln 0.25 = ln 4 = %.4f nat.", h4);
    double pp[2] = {0.5, 0.5};
    float qq[2] = {0.7f, 0.3f};
    double tv = total_variation(pp, qq, 2);
    snprintf(e7, sizeof e7, "½ (|0.5 - 0.7| + |0.5 - 0.3|) = %.4f.", tv);
    QuizQuestion qs[] = {
        {.q = "softmax([1, 2, 3]) vektörünün son elemanı kaçtır (τ = 1)? (4 ondalık)",
         .answer = p1[2], .tol = 5e-4, .explain = e1},
        {.q = "Aynı skorlar [1, 2, 3] için τ = 2 sıcaklığında son olasılık kaçtır? (4 ondalık)",
         .answer = p2[2], .tol = 5e-4, .explain = e2},
        {.q = "Sıcaklık τ → 0 giderken softmax neye yaklaşır?",
         .choices = {"Düzgün dağılıma (hepsi 1/K)",
                     "En büyük skorun 1, diğerlerinin 0 olduğu vektöre (argmax)",
                     "Sıfır vektörüne", "NaN'a"},
         .correct = 1,
         .explain = "Skor farkları 1/τ ile büyür; en büyük skor dışındaki bütün e^((z_i-m)/τ) "
                    "terimleri 0'a gider."},
        {.q = "float ile düz formül e^z_i / Σ e^z_j, z = [1000, 1001, 1002] için ne verir?",
         .choices = {"[0.09 0.24 0.67]", "[0 0 1]", "NaN (inf / inf)", "[1/3 1/3 1/3]"},
         .correct = 2,
         .explain = "e^1000 float'ta inf'tir; inf / inf tanımsızdır (NaN). En büyüğü çıkarınca "
                    "doğru sonuç [0.09 0.24 0.67] bulunur."},
        {.q = "Dört kelimeye eşit olasılık veren dağılımın entropisi kaç nat'tır? (4 ondalık)",
         .answer = h4, .tol = 5e-4, .explain = e5},
        {.q = "Bütün skorlardan en büyük skoru çıkarmak olasılıkları nasıl etkiler?",
         .choices = {"En büyük olasılığı 0 yapar", "Hiç değiştirmez; yalnızca taşmayı önler",
                     "Olasılıkların toplamını 0 yapar", "Sıcaklığı değiştirir"},
         .correct = 1,
         .explain = "softmax(z - m) = softmax(z): pay ve payda aynı e^-m ile çarpılır."},
        {.q = "p = [0.5, 0.5] ve q = [0.7, 0.3] dağılımları arasındaki toplam değişim uzaklığı "
              "(TV) kaçtır?",
         .answer = tv, .tol = 1e-3, .explain = e7},
        {.q = "Ölçekli dikkat softmax(q·k / √d_k), ham skorların hangi sıcaklıktaki "
              "softmax'ıdır?",
         .choices = {"τ = 1", "τ = d_k", "τ = √d_k", "τ = 1/√d_k"}, .correct = 2,
         .explain = "z/τ ile z/√d_k aynı şeydir: τ = √d_k. (5. adımda iki yolun farkı ~0 çıktı.)"},
    };
    return quiz_run("lesson08", qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson08", .title = "Softmax ve sıcaklık", .default_epochs = 1,
                         .extras = CLI_NO_DATA | CLI_NO_EPOCHS});
    if (a.quiz) return run_quiz(&a);

    float P[NTEMP][K], stable_sum = 0, stable_p3 = 0;
    double H_low, H_high, tv[NS_T], chi2[NS_T], chi2_wrong;
    int monotone, nan_count;
    step1_temperatures(P, &a);
    step2_entropy(&H_low, &H_high, &monotone, &a);
    step3_overflow(&nan_count, &stable_sum, &stable_p3);
    step4_sampling(tv, chi2, &chi2_wrong, &a);
    double sdpa_diff = step5_attention_temperature(&a);

    double tv_max = fmax(tv[0], fmax(tv[1], tv[2])), chi2_max = fmax(chi2[0], fmax(chi2[1], chi2[2]));
    printf("\nÖzet: τ = %.2f → en büyük olasılık %.3f, τ = %.0f → %.3f; entropi %.3f → %.3f;\n"
           "düz softmax %d NaN; örneklemede en büyük TV %.4f, en büyük χ² %.2f.\n",
           TEMPS[0], P[0][0], TEMPS[NTEMP - 1], P[NTEMP - 1][0], H_low, H_high, nan_count, tv_max,
           chi2_max);
    printf("SONUÇ: pmax_t025=%.4f pmax_t5=%.4f H_dusuk=%.5f H_yuksek=%.5f lnK=%.5f "
           "H_monoton=%d naive_nan=%d kararli_toplam=%.6f kararli_p3=%.5f tv_t05=%.5f "
           "tv_t1=%.5f tv_t2=%.5f tv_max=%.5f chi2_t05=%.3f chi2_t1=%.3f chi2_t2=%.3f "
           "chi2_max=%.3f chi2_yanlis=%.1f sdpa_tau_fark=%.3g\n",
           P[0][0], P[NTEMP - 1][0], H_low, H_high, log((double)K), monotone, nan_count,
           stable_sum, stable_p3, tv[0], tv[1], tv[2], tv_max, chi2[0], chi2[1], chi2[2],
           chi2_max, chi2_wrong, sdpa_diff);
    return 0;
}
