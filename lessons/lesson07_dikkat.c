/*
 * lesson07 — Ölçekli nokta çarpım dikkati (scaled dot-product attention)
 *
 * Bu derste öğrenecekleriniz:
 *   - Sorgu (query, Q), anahtar (key, K) ve değer (value, V) nedir; "Ali bankadan
 *     kredi çekti" cümlesinde "çekti" kelimesi hangi kelimelere neden bakar?
 *   - Dikkatin dört adımı, elle izlenebilecek 4 boyutlu vektörlerle:
 *     nokta çarpımlar Q Kᵀ, √d_k ile ölçekleme, softmax, ağırlıklı toplam A V.
 *   - Dikkat matrisini tablo ve ısı haritası (heatmap) olarak okumak.
 *   - Neden √d_k? (d_k: sorgu ve anahtar vektörlerinin boyu.) Rastgele q, k için
 *     q·k'nın varyansının d_k ile doğrusal büyüdüğünü ve ölçeklenmezse softmax'ın
 *     doyduğunu (tek bir konuma ~1 ağırlık) ve gradyanın (gradient) söndüğünü
 *     bir deneyle görmek.
 *
 * Çalıştırma:  make lesson07 && ./lesson07      (tam deney)
 *              ./lesson07 --quick                (daha az örnekle, testlerin kullandığı)
 *              ./lesson07 --quiz                 (kendini sına)
 * Dikkatin kendisi common/nn/attention.c'dedir (sdpa_forward, softmax_temp_forward);
 * bu dosya onları bir ders sırasıyla çağırır.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"
#include "nn/attention.h"

#define NSTEPS 7
#define T 4 /* cümledeki kelime sayısı */
#define D 4 /* gömme (embedding) boyu = d_k */

static const char *WORDS[T] = {"Ali", "bankadan", "kredi", "çekti"};
static const char *FEATS[D] = {"kişi", "para", "eylem", "nesne"};

/* m (r,c) matrisini satır ve sütun adlarıyla tablo olarak basar. */
static void print_table(const char *corner, const char *const *rown, const char *const *coln,
                        const float *m, int r, int c) {
    printf("    ");
    term_pad(corner, 11);
    for (int j = 0; j < c; j++) {
        printf(" ");
        term_rpad(coln[j], 9);
    }
    printf("\n");
    for (int i = 0; i < r; i++) {
        printf("    ");
        term_pad(rown[i], 11);
        for (int j = 0; j < c; j++) printf(" %9.4f", m[i * c + j]);
        printf("\n");
    }
}

/*
 * Adım 1: Cümle ve elle seçilmiş gömmeler
 *
 * Bir sinir ağı (neural network) kelimeyi sayılardan oluşan bir vektör olarak görür: gömme
 * (embedding). Gerçek bir modelde bu vektörler öğrenilir ve yüzlerce boyutludur;
 * burada elle izleyebilmek için her kelimeye 4 sayı veriyoruz ve her boyuta bir
 * anlam yüklüyoruz: kişi, para, eylem, nesne. "çekti" belirsiz bir fiildir
 * (halat çekmek, fotoğraf çekmek, para çekmek...); gömmesinde eylem boyutu
 * yüksek, para boyutu orta düzeydedir. Anlamını cümlenin geri kalanından
 * öğrenmesi gerekir: dikkatin işi budur.
 */
static const float X[T * D] = {
    1.0f, 0.0f, 0.0f, 0.2f, /* Ali      */
    0.0f, 1.0f, 0.0f, 0.6f, /* bankadan */
    0.0f, 0.9f, 0.1f, 0.8f, /* kredi    */
    0.2f, 0.5f, 1.0f, 0.0f, /* çekti    */
};

static void step1_embeddings(void) {
    step_banner(1, NSTEPS, "Cümle ve elle seçilmiş 4 boyutlu gömmeler");
    printf("Cümle: \"Ali bankadan kredi çekti\" — %d kelime, her biri %d boyutlu bir vektör.\n",
           T, D);
    print_table("kelime", WORDS, FEATS, X, T, D);
    printf("'çekti' vektöründe eylem = %.1f, para = %.1f: bir fiil, ama hangi anlamda?\n",
           X[3 * D + 2], X[3 * D + 1]);
}

/*
 * Adım 2: Sorgu, anahtar ve değer izdüşümleri (projection)
 *
 * Her kelime üç ayrı rol oynar (bir arama motorundaki gibi):
 *   sorgu  q = x W_Q   "ben ne arıyorum?"
 *   anahtar k = x W_K   "bende ne var, beni hangi aramalar bulmalı?"
 *   değer  v = x W_V   "beni bulan, benden ne alır?"
 * Bir vektörü bir matrisle çarpıp başka bir uzaya taşımaya izdüşüm diyoruz.
 * Cümlenin tamamı için matris olarak: Q = X W_Q, K = X W_K, V = X W_V, her biri
 * (T, d_k) = (4, 4); d_k, her sorgu ve anahtar vektörünün boyudur (burada 4).
 * Gerçek modelde W'ler öğrenilir. Burada izlemesi kolay olsun diye W_K = W_V = I
 * (birim matris (identity matrix): köşegeni 1, geri kalanı 0; x I = x, yani
 * anahtar ve değer kelimenin kendisi) aldık ve
 * W_Q'yu elle kurduk: bir eylem, para ve nesne bilgisi arar; bir kişi eylemi
 * arar; para kelimeleri kişiyi ve eylemi arar.
 */
static const float WQ[D * D] = {
    /*          kişi  para  eylem nesne   <- sorgunun aradığı özellik */
    /* kişi  */ 0.0f, 0.0f, 1.0f, 0.0f,
    /* para  */ 0.5f, 0.0f, 0.5f, 0.0f,
    /* eylem */ 0.0f, 2.0f, 0.0f, 1.0f,
    /* nesne */ 0.0f, 0.0f, 0.0f, 0.0f,
};

static void step2_qkv(float *Q, float *K, float *V) {
    step_banner(2, NSTEPS, "Sorgu, anahtar, değer: Q = X W_Q, K = X W_K, V = X W_V");
    float I[D * D] = {0};
    for (int i = 0; i < D; i++) I[i * D + i] = 1.0f;
    /* Üç izdüşüm de bias'sız yoğun katmandır (bkz. dense.h): T satır, D giriş, D çıkış. */
    dense_forward(Q, X, WQ, NULL, T, D, D);
    dense_forward(K, X, I, NULL, T, D, D);
    dense_forward(V, X, I, NULL, T, D, D);
    printf("W_Q (satır: girişin özelliği, sütun: sorgunun aradığı özellik):\n");
    print_table("W_Q", FEATS, FEATS, WQ, D, D);
    printf("Q = X W_Q:\n");
    print_table("sorgu", WORDS, FEATS, Q, T, D);
    printf("K = V = X (W_K = W_V = birim matris: köşegeni 1, gerisi 0, x I = x).\n");
    printf("Her sorgu ve anahtar d_k = %d sayılık bir vektör.\n", D);
    printf("'çekti'nin sorgusu: para %.2f, nesne %.2f — para ve nesne bilgisi taşıyan\n"
           "kelimeleri arıyor.\n",
           Q[3 * D + 1], Q[3 * D + 3]);
}

/*
 * Adım 3: Nokta çarpımlar ve ölçekleme
 *
 * i. kelimenin j. kelimeye ilgisi, sorgusuyla anahtarının nokta çarpımıdır:
 *   $$S_{ij} = q_i \cdot k_j = \sum_d Q_{id} K_{jd}, \qquad \text{matris olarak } S = Q K^\top \; (T \times T)$$
 * İki vektör aynı yönü gösteriyorsa çarpım büyük, dikse 0'dır. Sonra d_k = 4
 * için √d_k = 2'ye bölüyoruz (nedenini 6. ve 7. adımlar gösteriyor).
 */
static void step3_scores(const float *Q, const float *K, float *S, float *Ss) {
    step_banner(3, NSTEPS, "Nokta çarpımlar S = Q Kᵀ ve ölçekleme S / √d_k");
    /* S (T,T) = Q (T,D) · Kᵀ: gemm'in ikinci matrisi devrik (transB = 1) */
    gemm(0, 1, T, T, D, 1.0f, Q, D, K, D, 0.0f, S, T);
    float s = 1.0f / sqrtf((float)D);
    for (int i = 0; i < T * T; i++) Ss[i] = S[i] * s;
    printf("Ham skorlar (logits) S = Q Kᵀ (satır: soran kelime, sütun: bakılan kelime):\n");
    print_table("S", WORDS, WORDS, S, T, T);
    printf("Ölçeklenmiş skorlar S / √%d = S / %.0f:\n", D, 1.0f / s);
    print_table("S/√d_k", WORDS, WORDS, Ss, T, T);
    printf("Örnek: q(çekti)·k(kredi) = %.2f·%.2f + %.2f·%.2f + %.2f·%.2f + %.2f·%.2f\n"
           "                         = %.4f\n",
           Q[3 * D + 0], K[2 * D + 0], Q[3 * D + 1], K[2 * D + 1],
           Q[3 * D + 2], K[2 * D + 2], Q[3 * D + 3], K[2 * D + 3], S[3 * T + 2]);
}

/*
 * Adım 4: Softmax — skorlardan ağırlıklara
 *
 * Her satırın skorlarını, toplamı 1 olan pozitif ağırlıklara çeviriyoruz:
 *   $$A_{ij} = \frac{e^{S_{ij}}}{\sum_{j'} e^{S_{ij'}}}$$
 * A_ij, "i kelimesi j kelimesine ne kadar dikkat ediyor" demektir. Aynı hesabı
 * kütüphanenin tek çağrısı sdpa_forward da yapar (ölçekleme + softmax + A V);
 * adım adım sonucumuzun onunla aynı olduğunu da denetliyoruz.
 */
static void step4_softmax(const float *Ss, float *A, const float *Q, const float *K,
                          const float *V, float *O_lib, float *A_lib, const LessonArgs *a,
                          float *maxdiff) {
    step_banner(4, NSTEPS, "Softmax: her satır toplamı 1 olan dikkat ağırlıkları");
    softmax_temp_forward(A, Ss, T, T, 1.0f);
    printf("Dikkat ağırlıkları A = softmax(S/√d_k):\n");
    print_table("A", WORDS, WORDS, A, T, T);
    for (int i = 0; i < T; i++) {
        double sum = 0;
        for (int j = 0; j < T; j++) sum += A[i * T + j];
        int k = argmax(A + i * T, T);
        printf("  '%s' satırının toplamı %.6f;\n    en çok '%s' kelimesine bakıyor (%%%.1f).\n",
               WORDS[i], sum, WORDS[k], 100.0 * A[i * T + k]);
    }
    const float *c = A + 3 * T;
    printf("'çekti' dikkatinin %%%.1f kadarını 'bankadan' ve 'kredi' kelimelerine veriyor\n"
           "(Ali %%%.1f, kendisi %%%.1f).\n",
           100.0 * (c[1] + c[2]), 100.0 * c[0], 100.0 * c[3]);
    sdpa_forward(O_lib, A_lib, Q, K, V, 1, T, T, D, D, NULL, NULL, 1);
    float md = 0;
    for (int i = 0; i < T * T; i++) md = fmaxf(md, fabsf(A[i] - A_lib[i]));
    *maxdiff = md;
    printf("Kütüphanenin sdpa_forward'ıyla en büyük fark: %.2e (aynı hesap).\n", md);
    /* Şekil dikkat_isi_haritasi: Her satır bir kelimenin sorgusunun dört anahtara dağıttığı
     * ağırlıklardır ve toplamı 1'dir; her satırda en koyu hücreyi, yani o kelimenin en çok hangi
     * kelimeye baktığını bulun. */
    plot_heatmap("lesson07", "dikkat_isi_haritasi",
                 "Dikkat ağırlıkları: Ali bankadan kredi çekti", T, T, A, WORDS, WORDS,
                 "bakılan kelime (anahtar)", "soran kelime (sorgu)", 1, a->ascii);
    printf("Isı haritası: plots/lesson07/dikkat_isi_haritasi.png\n");
}

/*
 * Adım 5: Ağırlıklı toplam — bağlamlı yeni vektörler
 *
 * Her kelimenin yeni vektörü, bütün kelimelerin değerlerinin dikkat ağırlıklarıyla
 * ağırlıklı ortalamasıdır:  o_i = Σ_j A_ij v_j,   matris olarak O = A V  (T,d_k).
 * "çekti" artık yalnızca bir eylem değil; bankadan ve krediden para ve nesne
 * bilgisi almış bir eylem: "kredi çekmek".
 * Kütüphanedeki hâli: bkz. common/nn/attention.c: sdpa_forward, sdpa_backward.
 */
static void step5_weighted_sum(const float *A, const float *V, float *O, const float *O_lib) {
    step_banner(5, NSTEPS, "Ağırlıklı toplam O = A V: bağlamı içeren vektörler");
    gemm(0, 0, T, D, T, 1.0f, A, T, V, D, 0.0f, O, D);
    print_table("O = A V", WORDS, FEATS, O, T, D);
    float md = 0;
    for (int i = 0; i < T * D; i++) md = fmaxf(md, fabsf(O[i] - O_lib[i]));
    printf("'çekti' önce  : kişi %.2f  para %.2f  eylem %.2f  nesne %.2f\n", X[12], X[13], X[14],
           X[15]);
    printf("'çekti' sonra : kişi %.2f  para %.2f  eylem %.2f  nesne %.2f\n", O[12], O[13], O[14],
           O[15]);
    printf("Para bilgisi %.2f → %.2f, nesne %.2f → %.2f:\nfiil bağlamını aldı (\"kredi çekmek\").\n",
           X[13], O[13], X[15], O[15]);
    printf("sdpa_forward çıktısıyla en büyük fark: %.2e.\n", md);
}

/*
 * Adım 6: Neden √d_k? Nokta çarpımın varyansı
 *
 * q ve k'nın d_k elemanı bağımsız, ortalaması 0, varyansı 1 olsun. q·k = Σ q_d k_d,
 * d_k tane bağımsız terimin toplamıdır; her terimin varyansı E[q²]E[k²] = 1'dir.
 * Bağımsız terimlerin varyansları toplanır:  Var(q·k) = d_k.
 * Yani d_k = 512'de skorların standart sapması √512 ≈ 22,6'dır. √d_k'ya bölmek
 * varyansı her boyutta 1'e çeker:  Var(q·k / √d_k) = d_k / d_k = 1.
 * Deney: her d_k için N tane rastgele (q, k) çifti çekip örnek varyansını ölçüyoruz
 * ve log(varyans)'ı log(d_k)'ya karşı bir doğruya oturtuyoruz (eğim ≈ 1 beklenir).
 */
#define NDK 9
static const int DKS[NDK] = {2, 4, 8, 16, 32, 64, 128, 256, 512};

typedef struct {
    float var_raw[NDK], var_scaled[NDK];
    double slope, ratio_512_8;
    float maxw_raw[NDK], maxw_scaled[NDK], grad_raw[NDK], grad_scaled[NDK];
} Experiment;

static void plot_logx(const char *step, const char *title, const char *ylabel, const float *y1,
                      const float *y2, int logy, int ascii) {
    Plot p;
    FILE *d = plot_begin(&p, "lesson07", step);
    for (int i = 0; i < NDK; i++) fprintf(d, "%d %.8g %.8g\n", DKS[i], y1[i], y2[i]);
    char body[1024];
    snprintf(body, sizeof body,
             "set title '%s'\nset xlabel 'd_k (vektör boyu)'\nset ylabel '%s'\n"
             "set logscale x 2\n%sset grid\nset key top left\n"
             "plot '%s.dat' using 1:2 with linespoints lw 2 pt 7 title 'ölçeksiz: q·k', "
             "'' using 1:3 with linespoints lw 2 pt 5 title 'ölçekli: q·k / √d_k'\n",
             title, ylabel, logy ? "set logscale y 2\n" : "set yrange [0:1.05]\n", step);
    plot_finish(&p, body);
    plot_render(&p, ascii);
}

static void step6_variance(Experiment *e, const LessonArgs *a) {
    step_banner(6, NSTEPS, "Neden √d_k? q·k'nın varyansı d_k ile büyür");
    int N = a->quick ? 4000 : 40000;
    Rng r;
    rng_seed(&r, (uint64_t)a->seed);
    float *q = xmalloc(512 * sizeof(float)), *k = xmalloc(512 * sizeof(float));
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    printf("Her d_k için %d rastgele (q, k) çifti, elemanlar N(0,1):\n", N);
    printf("    d_k   Var(q·k)   Var(q·k/√d_k)\n");
    for (int i = 0; i < NDK; i++) {
        int d = DKS[i];
        double m = 0, m2 = 0;
        for (int n = 0; n < N; n++) {
            for (int j = 0; j < d; j++) q[j] = rng_normal(&r), k[j] = rng_normal(&r);
            double dot = 0;
            for (int j = 0; j < d; j++) dot += (double)q[j] * k[j];
            m += dot;
            m2 += dot * dot;
        }
        m /= N;
        double var = m2 / N - m * m;
        e->var_raw[i] = (float)var;
        e->var_scaled[i] = (float)(var / d); /* (q·k/√d)'nin varyansı = Var(q·k)/d */
        printf("    %3d  %9.3f   %9.4f\n", d, var, var / d);
        double lx = log2((double)d), ly = log2(var);
        sx += lx; sy += ly; sxx += lx * lx; sxy += lx * ly;
    }
    e->slope = (NDK * sxy - sx * sy) / (NDK * sxx - sx * sx);
    e->ratio_512_8 = e->var_raw[NDK - 1] / e->var_raw[2];
    int imin = 0, imax = 0;   /* ölçekli varyansın en küçüğü ve en büyüğü (tablonun tamamında) */
    for (int i = 1; i < NDK; i++) {
        if (e->var_scaled[i] < e->var_scaled[imin]) imin = i;
        if (e->var_scaled[i] > e->var_scaled[imax]) imax = i;
    }
    printf("log₂ Var(q·k) = a + b·log₂ d_k doğrusunun eğimi b = %.3f\n(kuram: 1, yani Var ∝ d_k).\n",
           e->slope);
    printf("Var(512) / Var(8) = %.1f (kuram: 512/8 = 64).\nÖlçekli varyans %.4f (d_k = %d) ile "
           "%.4f (d_k = %d) arasında (kuram: 1).\n",
           e->ratio_512_8, e->var_scaled[imin], DKS[imin], e->var_scaled[imax], DKS[imax]);
    /* Şekil varyans: İki eksen de log ölçekli: ölçeksiz nokta çarpımın varyansı vektör boyuyla
     * birlikte düz bir çizgi gibi büyür, √d_k ile bölünen ise 1 dolayında sabit kalır. */
    plot_logx("varyans", "Nokta çarpımın varyansı", "varyans (log ölçek)", e->var_raw,
              e->var_scaled, 1, a->ascii);
    printf("Grafik: plots/lesson07/varyans.png\n");
    free(q);
    free(k);
}

/*
 * Adım 7: Doyan softmax ve sönen gradyan
 *
 * Bir sorgu 16 anahtara bakıyor. Skorların yayılımı büyükse softmax'ın en büyük
 * skora verdiği ağırlık 1'e yaklaşır: dikkat tek bir konuma kilitlenir (doyma,
 * saturation). Doymuş softmax'ın türevi p_i(1 - p_i) gibi terimlerdir ve ~0'dır:
 * gradyan geçmez, model öğrenemez.
 *
 * Geri yayılımda (backpropagation) softmax'a yukarıdan, yani sonraki katmanlardan,
 * kaybın (loss) ağırlıklara göre türevi dL/dA gelir; buna üst gradyan (upstream gradient)
 * diyoruz. Softmax onu skorlara göre türeve çevirir:
 *   $$dS_j = p_j \Big(g_j - \sum_i p_i g_i\Big), \qquad g = \frac{dL}{dA},\; p = \text{softmax çıktısı}$$
 * Bir p_j 1'e, ötekiler 0'a yakınsa her dS_j ~0 olur. "Gradyan boyu" dediğimiz,
 * bu vektörün uzunluğu (Öklid normu) ‖dS‖ = √(Σ_j dS_j²): ne kadar öğrenme
 * sinyali geçtiğinin ölçüsü.
 * Deney: her d_k için rastgele q ve 16 anahtarla sdpa_forward'ı ölçekli ve
 * ölçeksiz çağırıp en büyük ağırlığın ortalamasını ölçüyoruz; sonra rastgele
 * (N(0,1)) bir üst gradyanı softmax'tan geriye geçirip ‖dS‖'nin ortalamasını.
 */
#define NKEYS 16
static void step7_saturation(Experiment *e, const LessonArgs *a) {
    step_banner(7, NSTEPS, "Ölçeklenmeyen skorlarda softmax doyar, gradyan söner");
    int trials = a->quick ? 500 : 4000, chunk = 250;
    Rng r;
    rng_seed(&r, (uint64_t)a->seed + 1);
    float *q = xmalloc((size_t)chunk * 512 * sizeof(float));
    float *k = xmalloc((size_t)chunk * NKEYS * 512 * sizeof(float));
    float *v = xcalloc((size_t)chunk * NKEYS, sizeof(float));
    float *out = xmalloc((size_t)chunk * sizeof(float));
    float *att = xmalloc((size_t)chunk * NKEYS * sizeof(float));
    float *up = xmalloc((size_t)chunk * NKEYS * sizeof(float));
    float *dS = xmalloc((size_t)chunk * NKEYS * sizeof(float));
    printf("Her d_k için %d deneme, %d anahtar. Ortalama en büyük ağırlık ve softmax'tan\n"
           "geriye geçen gradyanın boyu ‖dS‖ (rastgele bir üst gradyan dL/dA softmax'tan\n"
           "geçirildi):\n",
           trials, NKEYS);
    printf("    d_k   en büyük ağırlık        gradyan boyu\n");
    printf("          ölçeksiz   ölçekli      ölçeksiz   ölçekli\n");
    for (int i = 0; i < NDK; i++) {
        int d = DKS[i];
        double mw[2] = {0, 0}, gn[2] = {0, 0};
        for (int done = 0; done < trials; done += chunk) {
            int B = trials - done < chunk ? trials - done : chunk;
            for (size_t j = 0; j < (size_t)B * d; j++) q[j] = rng_normal(&r);
            for (size_t j = 0; j < (size_t)B * NKEYS * d; j++) k[j] = rng_normal(&r);
            for (size_t j = 0; j < (size_t)B * NKEYS; j++) up[j] = rng_normal(&r);
            for (int sc = 0; sc < 2; sc++) {
                /* q (B,1,d), k (B,16,d), v (B,16,1) -> att (B,1,16) */
                sdpa_forward(out, att, q, k, v, B, 1, NKEYS, d, 1, NULL, NULL, sc);
                memset(dS, 0, (size_t)B * NKEYS * sizeof(float));   /* geri geçiş ekler */
                softmax_temp_backward(dS, up, att, B, NKEYS, 1.0f);
                for (int b = 0; b < B; b++) {
                    const float *row = att + (size_t)b * NKEYS, *g = dS + (size_t)b * NKEYS;
                    mw[sc] += row[argmax(row, NKEYS)];
                    double n2 = 0;
                    for (int j = 0; j < NKEYS; j++) n2 += (double)g[j] * g[j];
                    gn[sc] += sqrt(n2);
                }
            }
        }
        e->maxw_raw[i] = (float)(mw[0] / trials);
        e->maxw_scaled[i] = (float)(mw[1] / trials);
        e->grad_raw[i] = (float)(gn[0] / trials);
        e->grad_scaled[i] = (float)(gn[1] / trials);
        printf("    %3d   %8.4f  %8.4f     %8.5f  %8.5f\n", d, e->maxw_raw[i], e->maxw_scaled[i],
               e->grad_raw[i], e->grad_scaled[i]);
    }
    int L = NDK - 1;
    printf("d_k = 512 iken ölçeksiz dikkat ağırlığın ortalama %%%.1f kadarını tek\n"
           "anahtara veriyor; ölçekli dikkatte bu oran %%%.1f (ağırlıklar 16 anahtara\n"
           "eşit, yani düzgün dağılım (uniform) olsaydı %%%.2f).\n",
           100.0 * e->maxw_raw[L], 100.0 * e->maxw_scaled[L], 100.0 / NKEYS);
    printf("Softmax'tan geçen gradyanın boyu ölçeksizde %.4f, ölçeklide %.4f:\n%.1f kat fark.\n",
           e->grad_raw[L], e->grad_scaled[L], e->grad_scaled[L] / fmax(e->grad_raw[L], 1e-12));
    /* Şekil en_buyuk_agirlik: Ölçeksiz skorlarla en büyük dikkat ağırlığının d_k büyüdükçe 1'e
     * yaklaştığına (softmax doyar, dikkat tek anahtara kilitlenir), ölçekli skorlarla ise düşük ve
     * sabit kaldığına bakın. */
    plot_logx("en_buyuk_agirlik", "Softmax doygunluğu: en büyük dikkat ağırlığı (16 anahtar)",
              "ortalama en büyük ağırlık", e->maxw_raw, e->maxw_scaled, 0, a->ascii);
    /* Şekil gradyan_boyu: Softmax'tan geriye geçen gradyanın boyu: ölçeksiz skorlarda d_k büyüdükçe
     * küçülür, ölçeklide aşağı yukarı sabit kalır; bu, doymuş softmax'ın öğrenmeyi neden
     * yavaşlattığını gösterir. */
    plot_logx("gradyan_boyu", "Softmax üzerinden geriye geçen gradyanın boyu", "ortalama ‖dS‖ (log ölçek)",
              e->grad_raw, e->grad_scaled, 1, a->ascii);
    printf("Grafikler: plots/lesson07/en_buyuk_agirlik.png, plots/lesson07/gradyan_boyu.png\n");
    free(q); free(k); free(v); free(out); free(att); free(up); free(dS);
}

/* Sınav: sayısal cevaplar kütüphaneyle çalışma anında hesaplanır. */
static int run_quiz(const LessonArgs *a) {
    static char e1[256], e3[256], e5[256], e7[256];
    /* S1: iki anahtar, ölçekli skorlar [2, 0] -> ilk ağırlık */
    float z1[2] = {2.0f, 0.0f}, p1[2];
    softmax_temp_forward(p1, z1, 1, 2, 1.0f);
    snprintf(e1, sizeof e1, "e² / (e² + e⁰) = %.4f.", p1[0]);
    /* S3: q=[1,0,1,0], k=[1,1,1,1], d_k=4 -> ölçekli skor, sdpa'nın kullandığı gemm ile */
    float q3[4] = {1, 0, 1, 0}, k3[4] = {1, 1, 1, 1}, s3;
    gemm(0, 1, 1, 1, 4, 1.0f / sqrtf(4.0f), q3, 4, k3, 4, 0.0f, &s3, 1);
    snprintf(e3, sizeof e3, "q·k = 1+0+1+0 = 2; √4 = 2'ye bölünce %.4g.", s3);
    /* S5: değerler v1=[1,0], v2=[0,1]; skorlar ağırlık [0.75, 0.25] verecek biçimde */
    float qq[1] = {1.0f}, kk[2] = {(float)log(3.0), 0.0f}, vv[4] = {1, 0, 0, 1}, o5[2], a5[2];
    sdpa_forward(o5, a5, qq, kk, vv, 1, 1, 2, 1, 2, NULL, NULL, 0);
    snprintf(e5, sizeof e5,
             "Ağırlıklar [%.2f, %.2f]; çıktı = %.2f·[1,0] + %.2f·[0,1], ilk elemanı %.4f.", a5[0],
             a5[1], a5[0], a5[1], o5[0]);
    /* S7: dersteki çekti -> kredi ağırlığı */
    float Q[T * D], S[T * T], A[T * T]; /* W_K = birim matris: K = X */
    dense_forward(Q, X, WQ, NULL, T, D, D);
    gemm(0, 1, T, T, D, 1.0f / sqrtf((float)D), Q, D, X, D, 0.0f, S, T);
    softmax_temp_forward(A, S, T, T, 1.0f);
    snprintf(e7, sizeof e7, "4. adımdaki tablonun 'çekti' satırı, 'kredi' sütunu: %.4f.",
             A[3 * T + 2]);
    QuizQuestion qs[] = {
        {.q = "Bir sorgunun iki anahtara ölçeklenmiş skorları [2, 0]. Softmax'tan sonra ilk "
              "anahtarın ağırlığı kaçtır? (4 ondalık)",
         .answer = p1[0], .tol = 5e-4, .explain = e1},
        {.q = "Skorları neden √d_k'ya böleriz?",
         .choices = {"Hesabı hızlandırmak için",
                     "q·k'nın varyansı d_k ile büyür; bölmezsek softmax doyar ve gradyan söner",
                     "Ağırlıkların toplamını 1 yapmak için",
                     "Negatif skorlardan kurtulmak için"},
         .correct = 1,
         .explain = "Var(q·k) = d_k'dır; √d_k'ya bölmek varyansı 1'e çeker. Toplamı 1 yapan "
                    "softmax'tır, ölçekleme değil."},
        {.q = "q = [1, 0, 1, 0], k = [1, 1, 1, 1], d_k = 4. Ölçeklenmiş skor q·k/√d_k kaçtır?",
         .answer = s3, .tol = 1e-3, .explain = e3},
        {.q = "\"Ben ne arıyorum?\" sorusunu hangi vektör temsil eder?",
         .choices = {"Sorgu (query, Q)", "Anahtar (key, K)", "Değer (value, V)",
                     "Dikkat ağırlığı (A)"},
         .correct = 0,
         .explain = "Sorgu aranan şeydir; anahtarlarla nokta çarpımı ilgiyi ölçer, değerler ise "
                    "bulunan kelimeden alınan bilgidir."},
        {.q = "İki değer vektörü v1 = [1, 0] ve v2 = [0, 1], dikkat ağırlıkları 0.75 ve 0.25. "
              "Çıktı vektörünün ilk elemanı kaçtır?",
         .answer = o5[0], .tol = 1e-3, .explain = e5},
        {.q = "q ve k'nın elemanları bağımsız ve N(0,1) ise, d_k = 64 için q·k'nın varyansı "
              "yaklaşık kaçtır?",
         .choices = {"1", "8", "64", "4096"}, .correct = 2,
         .explain = "64 bağımsız terimin her birinin varyansı 1; toplamın varyansı 64, standart "
                    "sapması 8'dir. √64 = 8'e bölünce varyans 1 olur."},
        {.q = "Dersteki örnekte 'çekti' kelimesinin 'kredi' kelimesine verdiği dikkat ağırlığı "
              "kaçtır? (4 ondalık; ./lesson07 çıktısına bakabilirsiniz)",
         .answer = A[3 * T + 2], .tol = 2e-3, .explain = e7},
        {.q = "3 kelimelik bir sorgu dizisi 5 kelimelik bir anahtar dizisine bakıyor. Dikkat "
              "matrisi A'nın şekli nedir?",
         .choices = {"(5, 3)", "(3, 3)", "(3, 5)", "(5, 5)"}, .correct = 2,
         .explain = "Her sorgu satırı, her anahtar bir sütundur: (Tq, Tk) = (3, 5). Her satırın "
                    "toplamı 1'dir."},
    };
    return quiz_run("lesson07", qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson07", .title = "Ölçekli nokta çarpım dikkati",
                         .default_epochs = 1, .extras = CLI_NO_DATA | CLI_NO_EPOCHS});
    if (a.quiz) return run_quiz(&a);

    float Q[T * D], K[T * D], V[T * D], S[T * T], Ss[T * T], A[T * T];
    float O[T * D], O_lib[T * D], A_lib[T * T], maxdiff;
    Experiment e;
    step1_embeddings();
    step2_qkv(Q, K, V);
    step3_scores(Q, K, S, Ss);
    step4_softmax(Ss, A, Q, K, V, O_lib, A_lib, &a, &maxdiff);
    step5_weighted_sum(A, V, O, O_lib);
    step6_variance(&e, &a);
    step7_saturation(&e, &a);

    int L = NDK - 1;
    float vs_min = e.var_scaled[0], vs_max = e.var_scaled[0];
    for (int i = 1; i < NDK; i++) {
        vs_min = fminf(vs_min, e.var_scaled[i]);
        vs_max = fmaxf(vs_max, e.var_scaled[i]);
    }
    const float *c = A + 3 * T;
    printf("\nÖzet: 'çekti' dikkatinin %%%.0f kadarı 'bankadan' ve 'kredi' kelimelerine gitti;\n"
           "Var(q·k) eğimi %.2f; d_k = 512 iken en büyük ağırlık ölçeksiz %.3f,\n"
           "ölçekli %.3f.\n",
           100.0 * (c[1] + c[2]), e.slope, e.maxw_raw[L], e.maxw_scaled[L]);
    printf("SONUÇ: cekti_kredi=%.4f cekti_bankadan=%.4f cekti_ali=%.4f cekti_kendi=%.4f "
           "sdpa_fark=%.3g var_egim=%.4f var_oran_512_8=%.3f var_olcekli_min=%.4f "
           "var_olcekli_max=%.4f maxw_olceksiz_512=%.4f maxw_olcekli_512=%.4f "
           "maxw_olceksiz_2=%.4f grad_olceksiz_512=%.6f grad_olcekli_512=%.6f\n",
           c[2], c[1], c[0], c[3], maxdiff, e.slope, e.ratio_512_8, vs_min, vs_max,
           e.maxw_raw[L], e.maxw_scaled[L], e.maxw_raw[0], e.grad_raw[L], e.grad_scaled[L]);
    return 0;
}
