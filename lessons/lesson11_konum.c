/*
 * lesson11 — Konumsal kodlama (positional encoding): dikkate (attention) sıra bilgisi vermek
 *
 * Bu derste öğrenecekleriniz:
 *   - Sinüslü konumsal kodlama (kısaca PE) tablosunun nasıl kurulduğu ve neden her sütun
 *     çiftinin farklı hızda dönen bir (sin, cos) "saat kolu" olduğu.
 *   - İki konumun kodlamalarının nokta çarpımının (benzerliğinin) yalnızca
 *     aralarındaki uzaklığa bağlı olduğu; konum ne olursa olsun aynı eğri.
 *   - Göreli konum özelliği: PE(pos+k) = M_k · PE(pos), ve M_k'nın pos'tan
 *     bağımsız tek bir döndürme matrisi olduğu (sayısal olarak, hatasıyla).
 *   - Sıra körlüğü: konumsal kodlama olmadan öz dikkat (self-attention) kelimelerin
 *     sırasını hiç görmez; girişin satırlarını karıştırırsanız çıkışın satırları
 *     aynı biçimde karışır (permütasyona eş değişkenlik, permutation equivariance).
 *     Kodlamayı ekleyince bu simetri bozulur.
 *
 * Çalıştırma:  make lesson11 && ./lesson11      (eğitim yok; --quick aynı koşuyu verir)
 *              ./lesson11 --quiz                (sınav)
 * Matematik common/ altında: embed.c (posenc_*, embedding_*), attention.c (mha_*).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nn/attention.h"
#include "doaa.h"
#include "nn/embed.h"

#define NSTEPS 4
#define PT 128   /* tablodaki konum sayısı (T) */
#define PC 64    /* kodlama genişliği (C) */

/*
 * Adım 1: Sinüslü tablo
 *
 * Dikkat mekanizması bir kümeye bakar gibi bakar: "Ali bankadan kredi çekti" ile
 * "kredi Ali çekti bankadan" onun için aynı kelime torbasıdır. Sırayı öğretmek
 * için her konuma bir vektör ayırıp kelimenin gömmesine (embedding) ekleriz; bu
 * vektöre o konumun kodu, tabloya konumsal kodlama (positional encoding, PE) denir:
 *     $$PE(pos, 2i) = \sin(pos \cdot \omega_i), \qquad PE(pos, 2i+1) = \cos(pos \cdot \omega_i),$$
 *     $$\omega_i = 1 / 10000^{2i/C}$$
 * i = 0 çifti her konumda 1 radyan döner (dalga boyu 2π ≈ 6,3 konum), son çift
 * ise neredeyse hiç dönmez (dalga boyu 2π · 10000^((C-2)/C)). Hızlı kollar yakın
 * konumları, yavaş kollar uzak konumları ayırır; birlikte her konum eşsiz bir
 * "parmak izi" alır. Öğrenilen bir parametre yoktur: tablo bir kez hesaplanır.
 */
static void step1_table(const float *pe, int ascii) {
    step_banner(1, NSTEPS, "Sinüslü konumsal kodlama tablosu");
    printf("PE: konumsal kodlama tablosu; PE(pos) pos konumunun %d sayılık kodudur.\n", PC);
    printf("Tablo: %d konum x %d sütun (%d frekans çifti; sütunlar 0'dan sayılır).\n"
           "Birkaç değer:\n",
           PT, PC, PC / 2);
    int show[] = {0, 1, 2, 50};
    for (int s = 0; s < 4; s++) {
        int pos = show[s];
        printf("  PE(%3d) = [", pos);
        for (int c = 0; c < 5; c++) printf("%s%+.4f", c ? ", " : "", pe[pos * PC + c]);
        printf(", ..., %+.4f, %+.4f]\n", pe[pos * PC + PC - 2], pe[pos * PC + PC - 1]);
    }
    double lam0 = 2 * M_PI / posenc_freq(0, PC), lam1 = 2 * M_PI / posenc_freq(1, PC);
    double lamL = 2 * M_PI / posenc_freq(PC / 2 - 1, PC);
    printf("Dalga boyları: çift 0 -> %.2f konum, çift 1 -> %.2f konum,\nson çift -> %.0f konum.\n",
           lam0, lam1, lamL);
    printf("PE(0)'da tüm sinüsler 0, tüm kosinüsler 1'dir;\nPE(1)'in ilk iki değeri sin(1) = %.4f "
           "ve cos(1) = %.4f.\n", sin(1.0), cos(1.0));

    Plot p;
    /* Şekil pe_tablosu: Her satır bir konumun kodlamasıdır: soldaki sütun çiftleri konumdan konuma
     * hızla, sağdakiler çok yavaş değişir; böylece her konum kendine özgü bir renk deseni alır. */
    FILE *d = plot_begin(&p, "lesson11", "pe_tablosu");
    for (int pos = 0; pos < PT; pos++) {
        for (int c = 0; c < PC; c++) fprintf(d, "%s%.5f", c ? " " : "", pe[pos * PC + c]);
        fputc('\n', d);
    }
    char body[1024];
    snprintf(body, sizeof body,
             "set title 'Sinüslü konumsal kodlama PE(pos, c)'\n"
             "set xlabel 'sütun c (soldaki çiftler hızlı, sağdakiler yavaş döner)'\n"
             "set ylabel 'konum pos'\n"
             "set xrange [-0.5:%d.5]\nset yrange [%d.5:-0.5]\n"
             "set palette defined (-1 '#b2182b', 0 '#f7f7f7', 1 '#2166ac')\n"
             "set cbrange [-1:1]\nunset key\n"
             "plot 'pe_tablosu.dat' matrix with image\n",
             PC - 1, PT - 1);
    plot_finish_size(&p, body, 700, 800);
    plot_render(&p, ascii);
    printf("Isı haritası (heatmap): %s\n(satır = konum, sütun = boyut).\n", plot_png_path(&p));
}

/*
 * Adım 2: Benzerlik yalnızca uzaklığa bağlı
 *
 * İki konumun kodlamalarının nokta çarpımı, trigonometrinin
 * sin a sin b + cos a cos b = cos(a - b) özdeşliğiyle:
 *     $$PE(p) \cdot PE(p+k) = \sum_i \cos(k \cdot \omega_i)$$
 * p yok oluyor! Benzerlik yalnızca k uzaklığının fonksiyonudur; k = 0'da C/2
 * (her çift 1 katkı verir) ve k büyüdükçe (dalgalanarak) azalır. Dikkatin
 * skoru da bir nokta çarpımıdır: model "iki kelime ne kadar uzak?" bilgisini
 * bu yolla kolayca okuyabilir. Aşağıda üç farklı başlangıç p için eğriyi
 * çiziyoruz; üst üste binmeleri gerekir.
 */
#define NK 61
static void step2_similarity(const float *pe, int ascii, double *dev, double *s0, double *s1,
                             double *s10) {
    step_banner(2, NSTEPS, "Konumların benzerliği ve uzaklık");
    int ps[3] = {0, 20, 60};
    static float sim[3][NK];
    *dev = 0;
    for (int k = 0; k < NK; k++) {
        for (int s = 0; s < 3; s++) {
            double dot = 0;
            for (int c = 0; c < PC; c++) dot += (double)pe[ps[s] * PC + c] * pe[(ps[s] + k) * PC + c];
            sim[s][k] = (float)dot;
            *dev = fmax(*dev, fabs(dot - sim[0][k]));
        }
    }
    *s0 = sim[0][0];
    *s1 = sim[0][1];
    *s10 = sim[0][10];
    printf("PE(p)·PE(p+k), p = 0 için: k=0 -> %.3f (C/2 = %d), k=1 -> %.3f,\nk=5 -> %.3f, "
           "k=10 -> %.3f, k=60 -> %.3f\n", sim[0][0], PC / 2, sim[0][1], sim[0][5], sim[0][10],
           sim[0][60]);
    printf("p = 0, 20 ve 60 eğrileri arasındaki en büyük fark: %.2e\n(float yuvarlaması kadar).\n",
           *dev);
    printf("Yani benzerlik konumun kendisine değil, yalnızca aradaki k uzaklığına bağlı.\n");
    /* Üç eğri tam çakışır; biri ötekini gizlemesin diye üst panelde üçü de farklı biçimde
     * (kalın çizgi, kesik çizgi, yalnızca işaret) çizilir, alt panel p = 20 ve p = 60
     * eğrilerinin p = 0'dan farkını kendi ölçeğinde gösterir. */
    Plot p;
    /* Şekil benzerlik_uzaklik: Üst panelde üç eğri üst üste biner (kalın çizgi p = 0, kesik çizgi p
     * = 20, işaretler p = 60): benzerlik k büyüdükçe dalgalanarak azalır ve başlangıç konumuna
     * bağlı değildir; alt panel eğriler arasındaki farkın yalnızca float yuvarlaması kadar olduğunu
     * gösterir. */
    FILE *d = plot_begin(&p, "lesson11", "benzerlik_uzaklik");
    fprintf(d, "# k p=0 p=20 p=60 (p=20)-(p=0) (p=60)-(p=0)\n");
    for (int k = 0; k < NK; k++)
        fprintf(d, "%d %.7g %.7g %.7g %.3g %.3g\n", k, sim[0][k], sim[1][k], sim[2][k],
                (double)sim[1][k] - sim[0][k], (double)sim[2][k] - sim[0][k]);
    plot_finish_size(&p,
                     "set lmargin 11\n"
                     "set multiplot layout 2,1 title 'Konum kodlamalarının benzerliği "
                     "PE(p)·PE(p+k): üç eğri çakışıyor'\n"
                     "set size 1,0.62\nset origin 0,0.34\nset grid\n"
                     "set ylabel 'nokta çarpım'\nset key top right box opaque\n"
                     "plot 'benzerlik_uzaklik.dat' using 1:2 with lines lw 6 lc rgb '#9ecae1' "
                     "title 'p = 0', '' using 1:3 with lines lw 2 dt 2 lc rgb '#08519c' "
                     "title 'p = 20', '' using 1:4 with points pt 6 ps 1.2 lc rgb '#b2182b' "
                     "title 'p = 60'\n"
                     "set size 1,0.34\nset origin 0,0\nset xlabel 'uzaklık k'\n"
                     "set ylabel 'fark'\nset format y '%.0e'\nunset key\n"
                     "set title 'p = 20 (dolu işaret) ve p = 60 (boş işaret) eğrilerinin "
                     "p = 0 eğrisinden farkı' font ',10'\n"
                     "plot 'benzerlik_uzaklik.dat' using 1:5 with linespoints pt 7 ps 0.6 "
                     "lc rgb '#08519c' title 'p = 20', '' using 1:6 with points pt 6 "
                     "lc rgb '#b2182b' title 'p = 60'\nunset multiplot\n",
                     860, 640);
    plot_render(&p, ascii);
    printf("Grafik: plots/lesson11/benzerlik_uzaklik.png (üç eğri üst üste; altta farkları).\n");

    /* Tüm konum çiftlerinin benzerlik matrisi: köşegenlere paralel şeritler
     * (Toeplitz yapısı) "yalnızca uzaklık önemli" demenin resmidir. */
    enum { TS = 48 };
    static float S[TS * TS];
    for (int a = 0; a < TS; a++)
        for (int b = 0; b < TS; b++) {
            double dot = 0;
            for (int c = 0; c < PC; c++) dot += (double)pe[a * PC + c] * pe[b * PC + c];
            S[a * TS + b] = (float)dot;
        }
    /* Şekil benzerlik_matrisi: Bütün konum çiftlerinin nokta çarpımı: renk her köşegen boyunca aynı
     * kalır, yani iki konumun benzerliği yalnızca aralarındaki uzaklığa bağlıdır. */
    plot_heatmap("lesson11", "benzerlik_matrisi", "PE(a)·PE(b): her köşegen boyunca sabit", TS,
                 TS, S, NULL, NULL, "konum b", "konum a", 0, ascii);
    printf("Isı haritası: plots/lesson11/benzerlik_matrisi.png (%dx%d konum).\n", TS, TS);
}

/*
 * Adım 3: Göreli konum — PE(pos+k) = M_k · PE(pos)
 *
 * Her (sin, cos) çifti birim çember üzerinde bir noktadır. pos'u k artırmak bu
 * noktayı k·ω_i açısı kadar döndürür; döndürme doğrusal bir işlemdir:
 *     [sin((p+k)ω)]   [ cos kω   sin kω ] [sin pω]
 *     [cos((p+k)ω)] = [-sin kω   cos kω ] [cos pω]
 * Bütün çiftlerin 2x2 döndürmeleri yan yana dizilince (C,C) boyutunda blok
 * köşegen bir M_k çıkar ve içinde pos GEÇMEZ. Yani "k adım sonrası" her konumda
 * aynı doğrusal dönüşümdür; bir dikkat katmanının W_Q, W_K matrisleri böyle bir
 * dönüşümü öğrenerek "benden 1 sonraki kelimeye bak" diyebilir (lesson09'daki
 * maskesiz model tam olarak bunu yapmıştı: dikkatini bir sağdaki harfe veriyordu).
 * Aşağıda M_k'yı yalnızca k'dan kurup 0..T-k-1 konumlarının HEPSİNE uyguluyoruz.
 * Isı haritası M_5'in sol üst köşesini gösterir (M_1'in yavaş çiftlerindeki
 * döndürmeler gözle seçilemeyecek kadar küçüktür; k = 5'te bloklar daha belirgin).
 */
static double step3_shift(const float *pe, int ascii) {
    step_banner(3, NSTEPS, "Göreli konum: PE(pos+k) = M_k · PE(pos)");
    static float M[PC * PC];
    int ks[] = {1, 5, 20, 50};
    double worst_all = 0;
    for (size_t kk = 0; kk < sizeof ks / sizeof ks[0]; kk++) {
        int k = ks[kk];
        posenc_shift_matrix(M, k, PC);
        double worst = 0;
        int npos = 0;
        for (int pos = 0; pos + k < PT; pos++, npos++)
            for (int r = 0; r < PC; r++) {
                double s = 0;
                for (int c = 0; c < PC; c++) s += (double)M[r * PC + c] * pe[pos * PC + c];
                worst = fmax(worst, fabs(s - pe[(pos + k) * PC + r]));
            }
        worst_all = fmax(worst_all, worst);
        printf("k = %2d: aynı M_k, %3d konumda; en büyük |M_k·PE(pos) - PE(pos+k)| = %.2e\n",
               k, npos, worst);
        if (k == 1)
            printf("        M_1'in ilk 2x2 bloğu: [[%+.4f, %+.4f], [%+.4f, %+.4f]]\n"
                   "                            = [[cos 1, sin 1], [-sin 1, cos 1]]\n",
                   M[0], M[1], M[PC], M[PC + 1]);
    }
    printf("Hata float yuvarlaması düzeyinde: M_k konumdan bağımsız, tek bir döndürme.\n");
    /* M_5'in sol üst köşesi: 2x2 döndürme blokları köşegende, gerisi sıfır */
    enum { SHOW = 16 };
    static float Ms[SHOW * SHOW];
    posenc_shift_matrix(M, 5, PC);
    for (int r = 0; r < SHOW; r++)
        for (int c = 0; c < SHOW; c++) Ms[r * SHOW + c] = M[r * PC + c];
    Plot p;
    /* Şekil kaydirma_matrisi: Kaydırma matrisinin sol üst köşesi: sıfır olmayan değerler yalnızca
     * köşegendeki 2x2 bloklardadır ve her blok bir sin-cos çiftini kendi açısıyla döndürür; öteki
     * her yer 0'dır. */
    FILE *d = plot_begin(&p, "lesson11", "kaydirma_matrisi");
    for (int r = 0; r < SHOW; r++) {
        for (int c = 0; c < SHOW; c++) fprintf(d, "%s%.4f", c ? " " : "", Ms[r * SHOW + c]);
        fputc('\n', d);
    }
    char body[1024];
    snprintf(body, sizeof body,
             "set title 'M_5 matrisinin sol üst %dx%d köşesi (2x2 döndürme blokları)'\n"
             "set xlabel 'sütun'\nset ylabel 'satır'\n"
             "set xrange [-0.5:%d.5]\nset yrange [%d.5:-0.5]\n"
             "set palette defined (-1 '#b2182b', 0 '#f7f7f7', 1 '#2166ac')\n"
             "set cbrange [-1:1]\nunset key\n"
             "plot 'kaydirma_matrisi.dat' matrix with image, "
             "'' matrix using 1:2:($3 != 0 ? sprintf('%%.2f', $3) : '') with labels font ',8'\n",
             SHOW, SHOW, SHOW - 1, SHOW - 1);
    plot_finish_size(&p, body, 700, 650);
    plot_render(&p, ascii);
    printf("Isı haritası: %s\n(M_5'in sol üst %dx%d köşesi: köşegende 2x2 döndürme blokları, "
           "gerisi 0).\n", plot_png_path(&p), SHOW, SHOW);
    return worst_all;
}

/*
 * Adım 4: Sıra körlüğü — konumsal kodlamasız öz dikkat permütasyona eş değişkendir
 *
 * Öz dikkatin her adımı ya satır satır bir işlemdir (Q, K, V izdüşümleri (projection), çıkış
 * izdüşümü) ya da satırların sırasından bağımsız bir toplamdır (softmax'ın
 * paydası, Σ_j a_ij v_j). Girişin satırlarını bir π permütasyonuyla karıştırırsak
 * (X' = P X) çıkış da aynı biçimde karışır: Y' = P Y. Yani "kredi" kelimesinin
 * çıktı vektörü, cümlenin neresinde durursa dursun AYNIDIR: model sırayı göremez.
 * Konumsal kodlamayı ekleyince (X + PE) her satır artık konumunu da taşır;
 * karıştırılan kelime yeni konumunun kodunu alır ve simetri bozulur.
 * Deney: eğitilmemiş (rastgele başlatılmış) 4 başlı bir öz dikkat katmanı; sonuç
 * her ağırlık için geçerli olduğundan eğitim gerekmez.
 */
#define NW 5
static const char *WORDS[NW] = {"Ali", "dün", "bankadan", "kredi", "çekti"};

/* UTF-8 bir kelimeyi ekranda width harf genişliğine tamamlar ("ç" iki bayttır ama tek harftir). */
static void print_padded(const char *s, int width) {
    int n = 0;
    for (const char *c = s; *c; c++) n += ((unsigned char)*c & 0xC0) != 0x80;
    printf("%s%*s", s, width > n ? width - n : 0, "");
}

/* Y (1,T,C) = MHA(X (1,T,C)), maske yok */
static void attend(float *Y, const float *X, MhaActs *acts, const MhaParams *P) {
    mha_forward(Y, acts, P, X, X, 1, NW, NW, NULL, NULL);
}

/* max_t |Y'[t] - Y[π(t)]| ; pe NULL değilse iki girişe de konumlarının kodu eklenir.
 * rowdiff (T) NULL değilse her satırın en büyük farkı yazılır. */
static double perm_diff(const float *emb, const int *perm, const float *pe, MhaActs *acts,
                        const MhaParams *P, float *rowdiff) {
    static float X[NW * PC], Xp[NW * PC], Y[NW * PC], Yp[NW * PC];
    for (int t = 0; t < NW; t++)
        for (int c = 0; c < PC; c++) {
            X[t * PC + c] = emb[t * PC + c];
            Xp[t * PC + c] = emb[perm[t] * PC + c];  /* t. yerde artık perm[t]. kelime var */
        }
    if (pe) {
        posenc_add(X, pe, 1, NW, PC);
        posenc_add(Xp, pe, 1, NW, PC);
    }
    attend(Y, X, acts, P);
    attend(Yp, Xp, acts, P);
    double worst = 0;
    for (int t = 0; t < NW; t++) {
        double w = 0;
        for (int c = 0; c < PC; c++) w = fmax(w, fabs(Yp[t * PC + c] - Y[perm[t] * PC + c]));
        if (rowdiff) rowdiff[t] = (float)w;
        worst = fmax(worst, w);
    }
    return worst;
}

static void step4_order(const float *pe, const LessonArgs *a, double *d_nope, double *d_pe) {
    step_banner(4, NSTEPS, "Sıra körlüğü: permütasyon deneyi");
    Rng rng;
    rng_seed(&rng, (uint64_t)a->seed);
    int NH = 4;
    size_t np = mha_param_count(PC, PC);
    float *block = xcalloc(np, sizeof(float));
    MhaParams P;
    mha_params_point(&P, block, PC, PC);
    mha_params_init(&P, PC, PC, &rng);
    MhaActs acts;
    mha_acts_alloc(&acts, PC, PC, NH, 1, NW, NW);
    float emb[NW * PC];  /* (T,C) kelime gömmeleri: her kelimeye rastgele bir vektör */
    embedding_init(emb, NW, PC, 1.0f, &rng);

    /* Ayrıntılı örnek: "kredi çekti Ali dün bankadan" */
    int perm[NW] = {3, 4, 0, 1, 2};
    float row_nope[NW], row_pe[NW];
    double dn = perm_diff(emb, perm, NULL, &acts, &P, row_nope);
    double dp = perm_diff(emb, perm, pe, &acts, &P, row_pe);
    printf("Cümle: \"Ali dün bankadan kredi çekti\"\n-> karıştırılmış: \"");
    for (int t = 0; t < NW; t++) printf("%s%s", t ? " " : "", WORDS[perm[t]]);
    printf("\"\n%d başlı öz dikkat, C = %d, %zu parametre; rastgele başlatıldı,\n"
           "tohum (seed) %d.\n", NH, PC, np,
           a->seed);
    printf("Her kelimenin çıktısı iki cümlede ne kadar değişti? (max |y' - y|)\n");
    printf("  %-10s %14s %14s\n", "kelime", "PE yok", "PE var");
    for (int t = 0; t < NW; t++) {
        printf("  ");
        print_padded(WORDS[perm[t]], 10);
        printf(" %14.2e %14.4f\n", row_nope[t], row_pe[t]);
    }

    /* Daha fazla kanıt: 30 rastgele permütasyonun en kötüsü */
    *d_nope = dn;
    *d_pe = dp;
    double min_pe = dp;
    for (int trial = 0; trial < 30; trial++) {
        int pr[NW];
        for (int t = 0; t < NW; t++) pr[t] = t;
        rng_shuffle(&rng, pr, NW);
        int ident = 1;
        for (int t = 0; t < NW; t++) ident &= pr[t] == t;
        if (ident) continue;  /* hiç karışmamışsa fark zaten 0 olur; sayma */
        *d_nope = fmax(*d_nope, perm_diff(emb, pr, NULL, &acts, &P, NULL));
        double x = perm_diff(emb, pr, pe, &acts, &P, NULL);
        *d_pe = fmax(*d_pe, x);
        min_pe = fmin(min_pe, x);
    }
    printf("30 rastgele permütasyon daha: PE yokken en büyük fark %.2e\n(yalnızca yuvarlama), "
           "PE varken en büyük fark %.4f, en küçüğü %.4f\n(her permütasyonda açıkça > 0).\n",
           *d_nope, *d_pe, min_pe);
    printf("PE olmadan \"kredi\" kelimesinin çıktısı cümlenin başında da sonunda da aynı;\n"
           "kodlama eklenince model kelimenin nerede durduğunu görür.\n");
    *d_pe = min_pe;  /* iddia "her permütasyonda > 0" olduğundan en küçüğü raporlanır */

    /* Doğrusal eksen, çubuklar 0'dan: "PE yok" çubukları yuvarlama kadar olduğundan görünmez
     * kalır; her çubuğun değeri üstüne yazılır (log eksende çubuk boyu eksenin keyfi alt
     * sınırına bağlı olurdu). */
    Plot p;
    /* Şekil siralama_farki: Kelimeler karıştırılınca PE varken her kelimenin çıktısı açıkça değişir
     * (kırmızı çubuklar), PE yokken fark yalnızca float yuvarlaması kadardır: mavi çubuklar
     * görünmeyecek kadar kısadır, değerleri üstlerinde yazar. */
    FILE *d = plot_begin(&p, "lesson11", "siralama_farki");
    for (int t = 0; t < NW; t++) fprintf(d, "%d \"%s\" %.6g %.6g\n", t, WORDS[perm[t]], row_nope[t], row_pe[t]);
    plot_finish(&p,
                "set title 'Karıştırılmış cümlede her kelimenin çıktı farkı max|y′ − y|'\n"
                "set ylabel 'fark (doğrusal, 0’dan)'\nset xlabel 'karıştırılmış cümledeki kelime'\n"
                "set style fill solid 0.8\nset boxwidth 0.38\nset grid ytics\n"
                "set key outside top center horizontal\n"
                "set xrange [-0.6:4.6]\nset yrange [0:*]\nset offsets 0,0,graph 0.12,0\n"
                "plot 'siralama_farki.dat' using ($1-0.2):3:xtic(2) with boxes lc rgb '#2166ac' "
                "title 'PE yok (≈ 0)', '' using ($1+0.2):4 with boxes lc rgb '#b2182b' "
                "title 'PE var', '' using ($1-0.2):3:(sprintf('%.0e', $3)) with labels "
                "offset 0,0.8 font ',9' notitle, '' using ($1+0.2):4:(sprintf('%.2f', $4)) "
                "with labels offset 0,0.8 font ',9' notitle\n");
    plot_render(&p, a->ascii);
    printf("Grafik: %s\n", plot_png_path(&p));
    mha_acts_free(&acts);
    free(block);
}

/* Sınav: sayısal cevaplar çalışma anında kütüphaneyle hesaplanır. */
static int run_quiz(const LessonArgs *a) {
    static char e1[256], e2[256], e3[256], e6[256];
    float pe4[3 * 4];
    posenc_sinusoid(pe4, 3, 4);  /* C = 4, pos = 0..2 */
    snprintf(e1, sizeof e1,
             "C = 4 iken ω_1 = 1/10000^(2/4) = 0.01; sütun 2 (1. çiftin sinüsü) = sin(2 · 0.01) = "
             "%.5f.", pe4[2 * 4 + 2]);
    float pe8[2 * 8];
    posenc_sinusoid(pe8, 2, 8);
    double dot0 = 0;
    for (int c = 0; c < 8; c++) dot0 += (double)pe8[1 * 8 + c] * pe8[1 * 8 + c];
    snprintf(e2, sizeof e2,
             "Her çift sin² + cos² = 1 katkı verir; C = 8'de 4 çift: PE(p)·PE(p) = %.4f, p ne olursa olsun.",
             dot0);
    double lam = 2 * M_PI / posenc_freq(1, 4);
    snprintf(e3, sizeof e3, "Dalga boyu 2π/ω; C = 4'te son çiftin ω'sı 0.01: 2π/0.01 = %.1f konum.", lam);
    float M1[4 * 4];
    posenc_shift_matrix(M1, 1, 4);
    snprintf(e6, sizeof e6, "M_1'in (0,0) elemanı cos(1 · ω_0) = cos(1) = %.4f.", M1[0]);
    QuizQuestion qs[] = {
        {.q = "C = 4 için PE(pos = 2, sütun 2) değeri kaçtır? (sütunlar ve konumlar 0'dan sayılır: "
              "sütun 0 ve 1 ilk çift, sütun 2 ikinci çiftin sinüsü; 4 ondalık)",
         .answer = pe4[2 * 4 + 2],
         .tol = 5e-4, .explain = e1},
        {.q = "C = 8 için bir konumun kodlamasının kendisiyle nokta çarpımı PE(p)·PE(p) kaçtır?",
         .answer = dot0, .tol = 1e-3, .explain = e2},
        {.q = "C = 4 iken en yavaş (son) frekans çiftinin dalga boyu kaç konumdur? (1 ondalık)",
         .answer = lam, .tol = 0.1, .explain = e3},
        {.q = "Konumsal kodlama olmadan öz dikkate verilen kelimelerin sırasını karıştırırsak ne olur?",
         .choices = {"Çıktı tamamen değişir, kelimeler yeni anlam kazanır",
                     "Çıktının satırları aynı biçimde karışır; her kelimenin çıktısı aynı kalır",
                     "Çıktı sıfır olur", "Softmax tanımsız olur"},
         .correct = 1,
         .explain = "İzdüşümler satır satırdır, Σ_j a_ij v_j toplamı sıradan bağımsızdır: öz dikkat "
                    "permütasyona eş değişkendir, sırayı göremez."},
        {.q = "PE(pos+k) = M_k · PE(pos) eşitliğindeki M_k neye bağlıdır?",
         .choices = {"Yalnızca k'ya (ve C'ye)", "pos ve k'ya", "Yalnızca pos'a",
                     "Eğitimle öğrenilen ağırlıklara"},
         .correct = 0,
         .explain = "Her çift için 2x2 döndürme [[cos kω, sin kω], [-sin kω, cos kω]]; içinde pos yok."},
        {.q = "C = 4 için M_1 matrisinin sol üst (0,0) elemanı kaçtır? (4 ondalık)", .answer = M1[0],
         .tol = 5e-4, .explain = e6},
        {.q = "Neden her frekans için hem sinüs hem kosinüs kullanılır?",
         .choices = {"Değerleri [0, 1] aralığında tutmak için",
                     "Tablonun iki kat büyük olması eğitimi hızlandırdığı için",
                     "Kaydırma (pos -> pos+k) ancak ikisi birlikteyken doğrusal bir döndürme olur",
                     "Kosinüs, sinüsün türevi olduğu için"},
         .correct = 2,
         .explain = "sin((p+k)ω) hem sin(pω)'ya hem cos(pω)'ya bağlıdır; çift birlikte bir çember "
                    "noktasıdır ve kaydırma onu döndürür."},
        {.q = "Konumsal kodlama kelime gömmesine nasıl katılır (bu derste)?",
         .choices = {"Çarpılarak", "Toplanarak: x = gömme + PE", "Yerine geçerek",
                     "Yalnızca çıkış katmanına verilerek"},
         .correct = 1,
         .explain = "Aynı C genişliğindeki iki vektör toplanır; model ikisini de aynı vektörden okur."},
    };
    return quiz_run("lesson11", qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson11", .title = "Konumsal kodlama (positional encoding)",
                         .default_epochs = 1, .extras = CLI_NO_DATA | CLI_NO_EPOCHS});
    if (a.quiz) return run_quiz(&a);
    /* Bu derste eğitim yok; --quick aynı (kısa) koşuyu verir. */
    static float pe[PT * PC];
    posenc_sinusoid(pe, PT, PC);
    step1_table(pe, a.ascii);
    double dev, s0, s1, s10;
    step2_similarity(pe, a.ascii, &dev, &s0, &s1, &s10);
    double shift_err = step3_shift(pe, a.ascii);
    double d_nope, d_pe;
    step4_order(pe, &a, &d_nope, &d_pe);
    printf("\nÖzet: kaydırma hatası %.2e, benzerlik konumdan bağımsız (sapma %.2e),\n"
           "PE yokken sıra farkı %.2e, PE varken en az %.3f.\n",
           shift_err, dev, d_nope, d_pe);
    printf("SONUÇ: kaydirma_hata=%.3e benzerlik_sapma=%.3e benzerlik_k0=%.4f benzerlik_k1=%.4f "
           "benzerlik_k10=%.4f sira_farki_pe_yok=%.3e sira_farki_pe_var=%.4f C=%d T=%d\n",
           shift_err, dev, s0, s1, s10, d_nope, d_pe, PC, PT);
    return 0;
}
