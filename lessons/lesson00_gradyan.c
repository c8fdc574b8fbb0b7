/*
 * lesson00 — Gradyan (gradient) inişi ve geri yayılım (backpropagation)
 *
 * Bir sinir ağı (neural network) nasıl öğrenir? Sonraki bütün derslerin altında aynı
 * üç fikir yatar. Modelin ne kadar yanıldığını tek bir sayıyla ölçeriz: kayıp (loss).
 * Bu sayının her parametreyle nasıl değiştiğini hesaplarız: gradyan. Sonra
 * parametreleri kaybı küçültecek yöne azar azar iteriz:
 * gradyan inişi (gradient descent). Bu ders üçünü, kafada tutulabilecek kadar
 * küçük modellerde, kâğıt kalemle denetlenebilen sayılarla gösterir. MNIST'e henüz
 * dokunmuyoruz: bütün veriler programın kendi ürettiği birkaç noktadır.
 *
 * Bu derste öğrenecekleriniz:
 *   - Bir modelin parametreleri ve kaybı: dört noktaya doğru uydurmak ve kaybı iki
 *     parametrenin üzerinde bir yüzey olarak görmek.
 *   - Gradyanı elle hesaplamak ve aynı sayıyı sonlu farklarla (finite differences)
 *     bulmak.
 *   - Gradyan inişi: θ ← θ − η∇L; yüzeyde yürünen yol.
 *   - Öğrenme oranı (learning rate) deneyi: çok küçük, uygun ve çok büyük η.
 *   - Bir hesap çizgesinde (computational graph), iki nöronda (neuron) ileri geçiş
 *     (forward pass) ve zincir kuralıyla (chain rule) geri yayılım.
 *   - Yığın (batch) ve epoch: iki sınıflı noktalarda lojistik regresyon
 *     (logistic regression).
 *   - Dar bir vadide üç eniyileyici (optimizer): SGD, momentum ve Adam.
 *
 * Çalıştırma:  make lesson00 && ./lesson00
 *              ./lesson00 --quick                (testlerin kullandığı kısa koşu)
 *              ./lesson00 --quiz                 (kendini sına)
 * Eniyileyicilerin kodu common/nn/optim.c'dedir (sgd_step, momentum_step, adam_step);
 * sonlu fark denetimi common/nn/gradcheck.c'dedir. Geri kalan her şey bu dosyada,
 * birkaç satırlık döngüler olarak durur.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doaa.h"

#define NSTEPS 7

/* Adım 1–4'ün verisi: dört nokta (x_i, y_i). Sayılar kâğıtta hesaplanabilsin diye küçük. */
#define NPTS 4
static const double PX[NPTS] = {0, 1, 2, 3};
static const double PY[NPTS] = {1, 3, 4, 6};

/* Doğru modelinin kaybı (formülü Adım 1'de). */
static double line_loss(double w, double b) {
    double s = 0;
    for (int i = 0; i < NPTS; i++) {
        double r = w * PX[i] + b - PY[i]; /* artık: tahmin - gerçek */
        s += r * r;
    }
    return s / NPTS;
}

/* Kaybın gradyanı, elle türetilmiş (Adım 2): ∂L/∂w = (2/N) Σ r_i x_i, ∂L/∂b = (2/N) Σ r_i. */
static void line_grad(double w, double b, double *gw, double *gb) {
    double sw = 0, sb = 0;
    for (int i = 0; i < NPTS; i++) {
        double r = w * PX[i] + b - PY[i];
        sw += r * PX[i];
        sb += r;
    }
    *gw = 2.0 * sw / NPTS;
    *gb = 2.0 * sb / NPTS;
}

/* Grafik yazıları için Türkçe ondalık: "%.3g" ile biçimler, noktayı virgül yapar
 * (terminal çıktısı C'nin noktasını kullanır; grafik yazıları Türkçe virgülü). */
static const char *tr_dec(char *buf, size_t n, const char *fmt, double v) {
    snprintf(buf, n, fmt, v);
    for (char *c = buf; *c; c++)
        if (*c == '.') *c = ',';
    return buf;
}

/*
 * Yüzey grafiği yardımcıları. Bir (u, v) ızgarasında fonksiyonun değeri .dat dosyasının
 * ilk bölümüne (index 0) yazılır; yollar sonraki bölümlere. gnuplot önce aynı değerli
 * noktaları birleştiren eğrileri bir tabloya çıkarır, sonra renkli zemin + eğriler +
 * yollar çizer.
 */
typedef double (*Surface)(double u, double v, const void *ctx);

static void write_grid(FILE *d, Surface f, const void *ctx, double u0, double u1, double v0,
                       double v1, int n) {
    for (int j = 0; j < n; j++) {
        double v = v0 + (v1 - v0) * j / (n - 1);
        for (int i = 0; i < n; i++) {
            double u = u0 + (u1 - u0) * i / (n - 1);
            fprintf(d, "%.5g %.5g %.6g\n", u, v, f(u, v, ctx));
        }
        fputc('\n', d);
    }
    fputs("\n\n", d); /* gnuplot'ta bir sonraki "index" */
}

/* Eğri tablosunu üreten gnuplot satırları ($C adlı veri bloğuna). */
static int contour_prelude(char *body, size_t cap, const char *dat, const char *levels) {
    return snprintf(body, cap,
                    "set contour base\nset cntrparam levels discrete %s\nunset surface\n"
                    "set table $C\nsplot '%s' index 0 using 1:2:3\nunset table\n"
                    "unset contour\nset surface\n"
                    "set logscale cb\nset palette defined (0 '#ffffff', 1 '#dbe9f6', "
                    "2 '#9ecae1', 3 '#4292c6')\nset cblabel 'kayıp (log ölçek)'\n"
                    "# renkli zemin (IMG) metin çiziminde gürültü olur; orada yalnızca eğriler\n"
                    "IMG = exists(\"ascii\") ? \"NaN notitle\" : "
                    "\"'%s' index 0 using 1:2:3 with image notitle\"\n",
                    levels, dat, dat);
}

static double line_surface(double w, double b, const void *ctx) {
    (void)ctx;
    return line_loss(w, b);
}

/*
 * Adım 1: Bir doğru, dört nokta ve kayıp yüzeyi
 *
 * Dört noktamız var: (0, 1), (1, 3), (2, 4), (3, 6). Bunlara bir doğru uydurmak
 * istiyoruz: $\hat y = w x + b$. Burada w eğim, b ise doğrunun x = 0'daki yüksekliği,
 * yani sabit terimdir (bias). w ve b modelin parametreleridir (İng. parameters): eğitim
 * dediğimiz şey, onlara iyi değerler bulmaktır.
 *
 * "İyi"yi tek bir sayıyla ölçeriz; bu sayıya kayıp (loss) denir. Burada kayıp ortalama
 * kare hatadır (mean squared error): her noktada tahmin ile gerçek değerin farkını
 * (artık) alır, karesini alır, ortalamasını buluruz:
 * $$L(w, b) = \frac{1}{N} \sum_{i=1}^{N} (w x_i + b - y_i)^2, \qquad N = 4.$$
 * Kâğıtta deneyin: w = 0, b = 0 iken tahminlerin hepsi 0'dır, artıklar −1, −3, −4, −6,
 * kareleri 1, 9, 16, 36, ortalaması 62 / 4 = 15,5.
 *
 * Her (w, b) çiftine bir kayıp düştüğü için kayıp, (w, b) düzleminin üzerinde bir
 * yüzeydir. Onu yukarıdan, haritadaki yükselti eğrileri gibi çiziyoruz: aynı kayba
 * sahip noktaları birleştiren eğriler, yani eş yükselti eğrileri (contour). Eğitim,
 * bu yüzeyin en alçak noktasını aramaktır. Bu küçük problemin en iyi doğrusu bir
 * formülle de bulunabilir (en küçük kareler):
 *     $$w^* = \sum_i (x_i-\bar x)(y_i-\bar y) \,/\, \sum_i (x_i-\bar x)^2, \qquad b^* = \bar y - w^* \bar x.$$
 * Onu yalnızca hedefi bilmek için hesaplıyoruz; sinir ağlarında böyle bir formül yoktur,
 * o yüzden yürüyerek arayacağız.
 */
static void step1_surface(double *L00, double *ws, double *bs, double *Ls, const LessonArgs *a) {
    step_banner(1, NSTEPS, "Bir doğru, dört nokta ve kayıp yüzeyi");
    printf("Model: ŷ = w·x + b. Kayıp: L(w, b) = (1/N) Σ (ŷ_i − y_i)², N = %d.\n", NPTS);
    printf("w = 0, b = 0 iken:\n");
    printf("    x    y    ŷ    artık (ŷ−y)  karesi\n");
    for (int i = 0; i < NPTS; i++) {
        double r = 0 * PX[i] + 0 - PY[i];
        printf("    %.0f    %.0f    0    %6.0f      %5.0f\n", PX[i], PY[i], r, r * r);
    }
    *L00 = line_loss(0, 0);
    printf("Ortalama: L(0, 0) = %.4g\n", *L00);
    double xm = 0, ym = 0, sxy = 0, sxx = 0;
    for (int i = 0; i < NPTS; i++) xm += PX[i] / NPTS, ym += PY[i] / NPTS;
    for (int i = 0; i < NPTS; i++) {
        sxy += (PX[i] - xm) * (PY[i] - ym);
        sxx += (PX[i] - xm) * (PX[i] - xm);
    }
    *ws = sxy / sxx;
    *bs = ym - *ws * xm;
    *Ls = line_loss(*ws, *bs);
    printf("En küçük kareler formülü: w* = %.4g / %.4g = %.4g, b* = %.4g − %.4g·%.4g = %.4g,\n"
           "en küçük kayıp L* = %.4g. Yüzeyin dibi burası; birazdan oraya yürüyeceğiz.\n",
           sxy, sxx, *ws, ym, *ws, xm, *bs, *Ls);
    int n = a->quick ? 61 : 121;
    double gmin = 1e30, gw = 0, gb = 0;
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) {
            double w = -0.5 + 4.0 * i / (n - 1), b = -1.5 + 5.0 * j / (n - 1);
            double l = line_loss(w, b);
            if (l < gmin) gmin = l, gw = w, gb = b;
        }
    printf("Denetim: %d×%d noktalık ızgaranın en küçük kaybı %.4g, (w, b) = (%.3g, %.3g)\n"
           "noktasında; formülün bulduğu dibe yakın.\n", n, n, gmin, gw, gb);
    Plot p;
    /* Şekil kayip_yuzeyi: Eş yükselti eğrileri eğik elipslerdir: kayıp, en iyi noktadan (kırmızı
     * yıldız) uzaklaştıkça her yönde büyür; siyah nokta inişin başlayacağı (0, 0) noktasıdır. */
    FILE *d = plot_begin(&p, "lesson00", "kayip_yuzeyi");
    write_grid(d, line_surface, NULL, -0.5, 3.5, -1.5, 3.5, n);
    fprintf(d, "0 0\n\n\n%.6g %.6g\n", *ws, *bs);
    char body[2048], num[32];
    int k = contour_prelude(body, sizeof body, "kayip_yuzeyi.dat",
                            "0.06,0.1,0.2,0.5,1,2,5,10,20,50");
    snprintf(body + k, sizeof body - k,
             "set title 'Kayıp yüzeyi L(w, b): eş yükselti eğrileri'\n"
             "set xlabel 'w (eğim)'\nset ylabel 'b (sabit terim)'\n"
             "set xrange [-0.5:3.5]\nset yrange [-1.5:3.5]\nset key top right opaque\n"
             "plot @IMG, "
             "$C using 1:2 with lines lc rgb 'gray30' notitle, "
             "'kayip_yuzeyi.dat' index 1 using 1:2 with points pt 7 ps 1.5 lc rgb 'black' "
             "title 'başlangıç (0, 0): L = 15,5', "
             "'kayip_yuzeyi.dat' index 2 using 1:2 with points pt 3 ps 2.5 lw 3 lc rgb '#d62728' "
             "title 'en iyi (w*, b*): L = %s'\n", tr_dec(num, sizeof num, "%.3g", *Ls));
    plot_finish(&p, body);
    plot_render(&p, a->ascii);
    printf("Grafik: plots/lesson00/kayip_yuzeyi.png — eğriler uzun, eğik elipsler: yüzey bir\n"
           "yönde dik, öbür yönde yayvan bir çanak.\n");
}

/*
 * Adım 2: Gradyan — elle ve sonlu farklarla
 *
 * Türev (İng. derivative), bir fonksiyonun girdisi çok az değiştiğinde çıktısının ne hızla
 * değiştiğidir; grafikte teğetin eğimi. İki parametremiz olduğu için iki kısmi türev
 * alırız: birini değiştirirken öbürünü sabit tutarız. İkisini yan yana yazınca
 * gradyan (gradient) vektörü çıkar: $\nabla L = (\partial L/\partial w, \partial L/\partial b)$.
 * Gradyan kaybın en hızlı arttığı yönü gösterir; tersi en hızlı azaldığı yöndür.
 *
 * Elle türetelim. r_i = w x_i + b − y_i artığı için $\partial r_i/\partial w = x_i$ ve
 * $\partial r_i/\partial b = 1$; r²'nin türevi 2r'dir. Zincir kuralıyla:
 * $$\frac{\partial L}{\partial w} = \frac{2}{N} \sum_i r_i x_i, \qquad \frac{\partial L}{\partial b} = \frac{2}{N} \sum_i r_i.$$
 * (0, 0) noktasında artıklar −1, −3, −4, −6:
 *     ∂L/∂w = (2/4)·(−1·0 − 3·1 − 4·2 − 6·3) = 0,5·(−29) = −14,5
 *     ∂L/∂b = (2/4)·(−1 − 3 − 4 − 6) = 0,5·(−14) = −7
 * İkisi de eksi: w'yu ya da b'yi biraz artırmak kaybı düşürür.
 *
 * Elle yapılan türevde hata yapmak kolaydır; onu türevin tanımıyla sınarız. Merkezi fark:
 * $$\frac{\partial L}{\partial w} \approx \frac{L(w+\varepsilon, b) - L(w-\varepsilon, b)}{2\varepsilon}$$
 * Tek yönlü fark (L(w+ε) − L(w)) / ε da türeve yaklaşır ama hatası ε ile orantılıdır;
 * merkezi farkın hatası ε² ile orantılıdır. Bütün dersler her elle yazılmış geri geçişi
 * bu yolla denetler (common/nn/gradcheck.c).
 */
typedef struct {
    float *theta; /* (2): w, b */
} LineCtx;

static double line_loss_ctx(void *p) {
    const LineCtx *c = p;
    return line_loss(c->theta[0], c->theta[1]);
}

static void step2_gradient(double *gw, double *gb, double *fd_central, double *fd_forward,
                           double *gc_worst, const LessonArgs *a) {
    step_banner(2, NSTEPS, "Gradyan: elle ve sonlu farklarla");
    line_grad(0, 0, gw, gb);
    printf("Elle türetilen formülle (0, 0) noktasında: ∂L/∂w = %.4g, ∂L/∂b = %.4g.\n", *gw,
           *gb);
    double eps = 0.01;
    *fd_central = (line_loss(eps, 0) - line_loss(-eps, 0)) / (2 * eps);
    *fd_forward = (line_loss(eps, 0) - line_loss(0, 0)) / eps;
    double fdb = (line_loss(0, eps) - line_loss(0, -eps)) / (2 * eps);
    printf("Sonlu farklar, ε = %.2g:\n", eps);
    printf("    merkezi fark  (L(ε, 0) − L(−ε, 0)) / 2ε = %.6f\n", *fd_central);
    printf("    tek yönlü fark (L(ε, 0) − L(0, 0)) / ε  = %.6f\n", *fd_forward);
    printf("    b için merkezi fark                       = %.6f\n", fdb);
    printf("b = 0 iken L(w, 0) = 3.5·w² − 14.5·w + 15.5; ikinci türevi 2·3.5 = 7.\n");
    printf("Tek yönlü farkın sapması %.4f, yani ε/2 × (ikinci türev 7) = %.4f.\n"
           "Merkezi fark bu ikinci dereceden kayıpta tam türevi verir (sapma %.1e,\n"
           "yalnızca yuvarlamadan).\n",
           *fd_forward - *gw, eps / 2 * 7, fabs(*fd_central - *gw));
    /* Aynı denetim, bütün derslerin kullandığı gradcheck ile (float parametreler, ε = 1e-3) */
    float theta[2] = {0.7f, -0.4f};
    double g2[2];
    line_grad(theta[0], theta[1], &g2[0], &g2[1]);
    float gf[2] = {(float)g2[0], (float)g2[1]};
    LineCtx ctx = {theta};
    GradCheck r = gradcheck(line_loss_ctx, &ctx, theta, gf, 2, 2, 1e-3, 1e-3, 1e-4);
    *gc_worst = r.worst;
    printf("Bütün derslerin kullandığı gradcheck (common/nn/gradcheck.c) başka bir\n"
           "noktada, (w, b) = (0.7, −0.4): %zu parametre denendi. Her parametre için\n"
           "oran = |analitik − sayısal| / izin verilen hata; ≤ 1 ise geçer. En kötü oran\n"
           "%.3f (analitik %.5f, sayısal %.5f).\n",
           r.checked, r.worst, r.analytic, r.numeric);
    /* Şekil: b = 0 kesitinde L(w, 0) = 3,5 w² − 14,5 w + 15,5 ve w = 0'daki teğet */
    Plot p;
    /* Şekil turev_teget: Kesik çizgi eğriye w = 0'da değen teğettir ve eğimi türevin değeridir;
     * eğim eksi olduğu için w'yi biraz artırmak kaybı düşürür. */
    FILE *d = plot_begin(&p, "lesson00", "turev_teget");
    for (int i = 0; i <= 100; i++) {
        double w = -1.0 + 5.0 * i / 100;
        fprintf(d, "%.4f %.6f %.6f\n", w, line_loss(w, 0), line_loss(0, 0) + *gw * w);
    }
    char body[1024], num[32];
    snprintf(body, sizeof body,
             "set title 'b = 0 kesiti: L(w, 0) ve w = 0 noktasındaki teğet'\n"
             "set xlabel 'w'\nset ylabel 'kayıp L(w, 0)'\nset grid\nset key top center\n"
             "set yrange [-5:35]\n"
             "plot 'turev_teget.dat' using 1:2 with lines lw 3 title 'L(w, 0)', "
             "'' using 1:3 with lines lw 2 dt 2 title 'teğet: eğim ∂L/∂w = %s', "
             "'-' using 1:2 with points pt 7 ps 1.5 lc rgb 'black' title 'w = 0: L = 15,5'\n"
             "0 15.5\ne\n", tr_dec(num, sizeof num, "%.1f", *gw));
    plot_finish(&p, body);
    plot_render(&p, a->ascii);
    printf("Grafik: plots/lesson00/turev_teget.png — teğetin eğimi türevdir.\n");
}

/*
 * Adım 3: Gradyan inişi — yüzeyde yokuş aşağı
 *
 * Gradyan yokuş yukarıyı gösteriyorsa, ters yönde küçük bir adım atarız. Gradyan
 * inişi (gradient descent) bunu tekrar tekrar yapar:
 * $$\theta \leftarrow \theta - \eta \nabla L(\theta), \qquad \theta = (w, b).$$
 * η (okunuşu: eta) öğrenme oranıdır (learning rate): adımın boyunu belirleyen küçük bir sayı.
 * İlk adımı elle atalım, η = 0,1:
 *     w₁ = 0 − 0,1·(−14,5) = 1,45      b₁ = 0 − 0,1·(−7) = 0,7
 * ve L(1,45; 0,7) = 0,46875: tek adımda 15,5'ten yarımın altına. Program aynı adımı
 * 100 kez atar; her adımın (w, b) noktasını yüzeyin üzerine çizeriz.
 */
#define GD_STEPS 100
static void step3_descent(double *w_end, double *b_end, double *L_end, double *L1, double ws,
                          double bs, const LessonArgs *a) {
    step_banner(3, NSTEPS, "Gradyan inişi: yüzeyde yokuş aşağı");
    const double eta = 0.1;
    double w = 0, b = 0, tw[GD_STEPS + 1], tb[GD_STEPS + 1], tl[GD_STEPS + 1];
    tw[0] = w, tb[0] = b, tl[0] = line_loss(w, b);
    for (int t = 1; t <= GD_STEPS; t++) {
        double gw, gb;
        line_grad(w, b, &gw, &gb);
        w -= eta * gw; /* θ ← θ − η ∇L */
        b -= eta * gb;
        tw[t] = w, tb[t] = b, tl[t] = line_loss(w, b);
    }
    *w_end = w, *b_end = b, *L_end = tl[GD_STEPS], *L1 = tl[1];
    printf("η = %.1f, başlangıç (0, 0).\n", eta);
    printf("    adım       w        b       kayıp\n");
    const int show[] = {0, 1, 2, 3, 5, 10, 20, 50, 100};
    for (int i = 0; i < 9; i++) {
        int t = show[i];
        printf("    %4d   %7.4f  %7.4f   %9.5f\n", t, tw[t], tb[t], tl[t]);
    }
    printf("Elle: w₁ = 0 − 0.1·(−14.5) = 1.45, b₁ = 0 − 0.1·(−7) = 0.7. Program da ilk\n"
           "adımda (%.4f, %.4f) noktasına gitti, kayıp %.5f.\n", tw[1], tb[1], tl[1]);
    printf("İki adımda kayıp 15.5'ten %.4f değerine indi. Sonraki %d adım kalan yolu\n"
           "çanağın yayvan ekseni boyunca yavaş yavaş aldı (grafiğin sağ yarısı):\n"
           "%d. adımda (w, b) = (%.4f, %.4f), formülün dibi (%.4f, %.4f).\n",
           tl[2], GD_STEPS - 2, GD_STEPS, w, b, ws, bs);
    Plot p;
    /* Şekil gradyan_inisi: Soldaki panelde yolun önce hızla vadinin tabanına indiğine, sağdaki
     * yakın çekimde ise tabanın yayvan yönünde en iyi noktaya doğru kısalan adımlarla ilerlediğine
     * bakın. */
    FILE *d = plot_begin(&p, "lesson00", "gradyan_inisi");
    int ng = a->quick ? 61 : 121;
    write_grid(d, line_surface, NULL, -0.5, 3.5, -1.5, 3.5, ng);          /* index 0 */
    for (int t = 0; t <= GD_STEPS; t++) fprintf(d, "%.6g %.6g\n", tw[t], tb[t]); /* 1 */
    fputs("\n\n", d);
    write_grid(d, line_surface, NULL, 1.35, 1.85, 0.55, 1.25, ng);        /* index 2: yakın */
    char body[4096];
    int k = contour_prelude(body, sizeof body, "gradyan_inisi.dat",
                            "0.06,0.1,0.2,0.5,1,2,5,10,20,50");
    k += snprintf(body + k, sizeof body - k,
                  "set contour base\nset cntrparam levels discrete "
                  "0.0505,0.052,0.055,0.06,0.07,0.08,0.1\nunset surface\n"
                  "set table $Z\nsplot 'gradyan_inisi.dat' index 2 using 1:2:3\nunset table\n"
                  "unset contour\nset surface\n"
                  "set multiplot layout 1,2 title 'Gradyan inişi, η = 0,1: %d adımın yolu'\n"
                  "set xlabel 'w (eğim)'\nset ylabel 'b (sabit terim)'\nunset colorbox\n"
                  "set key top right opaque font ',9'\n"
                  "set title 'bütün yüzey'\nset xrange [-0.5:3.5]\nset yrange [-1.5:3.5]\n"
                  "plot @IMG, "
                  "$C using 1:2 with lines lc rgb 'gray30' notitle, "
                  "'gradyan_inisi.dat' index 1 using 1:2 with linespoints pt 7 ps 0.6 lw 2 "
                  "lc rgb '#d62728' title 'gradyan inişinin yolu', "
                  "'-' using 1:2 with points pt 3 ps 2.5 lw 3 lc rgb 'black' "
                  "title 'en iyi (w*, b*)'\n%.6g %.6g\ne\n"
                  "set title 'dibin yakını (2. adımdan sonrası)'\n"
                  "set xrange [1.35:1.85]\nset yrange [0.55:1.25]\n"
                  "IMG2 = exists(\"ascii\") ? \"NaN notitle\" : "
                  "\"'gradyan_inisi.dat' index 2 using 1:2:3 with image notitle\"\n"
                  "plot @IMG2, "
                  "$Z using 1:2 with lines lc rgb 'gray30' notitle, "
                  "'gradyan_inisi.dat' index 1 using 1:2 with linespoints pt 7 ps 0.6 lw 2 "
                  "lc rgb '#d62728' title 'yol', "
                  "'-' using 1:2 with points pt 3 ps 2.5 lw 3 lc rgb 'black' "
                  "title 'en iyi'\n%.6g %.6g\ne\nunset multiplot\n",
                  GD_STEPS, ws, bs, ws, bs);
    plot_finish_size(&p, body, 1300, 540);
    plot_render(&p, a->ascii);
    printf("Grafik: plots/lesson00/gradyan_inisi.png\n");
}

/*
 * Adım 4: Öğrenme oranı bir deneydir
 *
 * η'yı seçmek eğitimin en önemli kararlarından biridir. Aynı 50 adımı üç η ile atalım:
 * 0,01 (çok küçük), 0,1 (uygun) ve 0,3 (çok büyük).
 *
 * Çok büyük η neden felakettir? Tek parametreli bir çanakta, $L = \frac{a}{2}\theta^2$,
 * gradyan aθ'dır ve bir adım θ ← (1 − ηa)·θ olur. |1 − ηa| < 1 ise θ her adımda
 * küçülür; ηa > 2 ise her adımda işaret değiştirip büyür: dipten öte yana, öncekinden
 * daha yükseğe sıçrarız. Buna ıraksama (divergence) denir. İki parametrede yüzeyin en
 * dik yönünün eğriliği (bu kaybın ikinci türevlerinden, 7, 3 ve 2'den, hesaplanan
 * a_max ≈ 8,41) sınırı belirler: η < 2 / a_max ≈ 0,238. Çok küçük η ise hiç
 * ıraksamaz ama dibe varamadan adımlar biter.
 */
#define LR_STEPS 50
static void step4_learning_rate(double Lend[3], double *limit, const LessonArgs *a) {
    step_banner(4, NSTEPS, "Öğrenme oranı deneyi: çok küçük, uygun, çok büyük");
    const double etas[3] = {0.01, 0.1, 0.3};
    float steps[LR_STEPS + 1], curves[3][LR_STEPS + 1];
    for (int e = 0; e < 3; e++) {
        double w = 0, b = 0;
        curves[e][0] = (float)line_loss(w, b);
        for (int t = 1; t <= LR_STEPS; t++) {
            double gw, gb;
            line_grad(w, b, &gw, &gb);
            w -= etas[e] * gw;
            b -= etas[e] * gb;
            curves[e][t] = (float)line_loss(w, b);
        }
        Lend[e] = curves[e][LR_STEPS];
    }
    for (int t = 0; t <= LR_STEPS; t++) steps[t] = (float)t;
    /* En dik yönün eğriliği: ikinci türevler matrisinin [[7, 3], [3, 2]] büyük özdeğeri */
    double hww = 0, hwb = 0, hbb = 2.0;
    for (int i = 0; i < NPTS; i++) hww += 2.0 * PX[i] * PX[i] / NPTS, hwb += 2.0 * PX[i] / NPTS;
    double tr = hww + hbb, det = hww * hbb - hwb * hwb;
    double amax = tr / 2 + sqrt(tr * tr / 4 - det);
    *limit = 2.0 / amax;
    printf("İkinci türevler: ∂²L/∂w² = %.3g, ∂²L/∂w∂b = %.3g, ∂²L/∂b² = %.3g; en dik yönün\n"
           "eğriliği a_max = %.3f, yani η < 2/a_max = %.3f olmalı.\n", hww, hwb, hbb, amax,
           *limit);
    printf("    adım  ");
    for (int e = 0; e < 3; e++) printf("   η = %-6g", etas[e]);
    printf("\n");
    const int show[] = {0, 1, 2, 5, 10, 20, 50};
    for (int i = 0; i < 7; i++) {
        int t = show[i];
        printf("    %4d  %12.4g %12.4g %12.4g\n", t, curves[0][t], curves[1][t], curves[2][t]);
    }
    /* Yorum her η için bu koşunun sayılarından: ıraksadı mı, dibe vardı mı? */
    double Lmin = line_loss(1.6, 1.1);
    int best = 0;
    for (int e = 1; e < 3; e++)
        if (Lend[e] < Lend[best]) best = e;
    for (int e = 0; e < 3; e++) {
        printf("η = %g: sınırın (%.3f) %s. ", etas[e], *limit,
               etas[e] < *limit ? "altında" : "üstünde");
        if (!(Lend[e] < curves[e][0])) {
            printf("Kayıp ilk adımda 15.5'ten %.4g oldu,\n%d adımda %.3g: ıraksadı.\n",
                   curves[e][1], LR_STEPS, Lend[e]);
        } else if (Lend[e] < 1.02 * Lmin) {
            int k = 0;
            while (k < LR_STEPS && curves[e][k] > 1.1 * Lmin) k++;
            printf("%d. adımda dibin %%10 yakınına indi,\n%d adımda kayıp %.4f.\n", k,
                   LR_STEPS, Lend[e]);
        } else {
            int k = 0;
            while (k < LR_STEPS && curves[best][k] > Lend[e]) k++;
            printf("%d adımda kayıp ancak %.4f oldu;\nη = %g bu kayba %d. adımda "
                   "inmişti. Güvenli ama yavaş.\n", LR_STEPS, Lend[e], etas[best], k);
        }
    }
    char lab[3][64], num[32];
    const char *kind[3];
    for (int e = 0; e < 3; e++)
        kind[e] = !(Lend[e] < curves[e][0]) ? "ıraksadı" : Lend[e] < 1.02 * Lmin ? "dibe vardı"
                                                                                : "yavaş";
    for (int e = 0; e < 3; e++)
        snprintf(lab[e], sizeof lab[e], "η = %s (%s)", tr_dec(num, sizeof num, "%g", etas[e]),
                 kind[e]);
    /* Şekil ogrenme_orani: Aynı 50 adımda üç öğrenme oranının kaybını log ölçekte karşılaştırın:
     * küçük η yavaş iner, fazla büyük η'da kayıp her adımda büyüyebilir; her eğrinin adı bu koşuda
     * ne olduğunu söyler. */
    plot_lines("lesson00", "ogrenme_orani", "Öğrenme oranı: aynı 50 adım, üç η", "adım",
               "kayıp (log ölçek)", LR_STEPS + 1, steps, 3,
               (const float *const[]){curves[0], curves[1], curves[2]},
               (const char *const[]){lab[0], lab[1], lab[2]}, 1, a->ascii);
    printf("Grafik: plots/lesson00/ogrenme_orani.png (dikey eksen logaritmik)\n");
}

/*
 * Adım 5: Hesap çizgesi ve geri yayılım — iki nöron
 *
 * Bir nöron (neuron) girişlerinin ağırlıklı toplamını alır, bir sabit terim ekler ve
 * sonucu bir aktivasyon (activation) fonksiyonundan geçirir. İki aktivasyon kullanıyoruz:
 *   - ReLU (doğrultulmuş doğrusal birim, rectified linear unit): ReLU(z) = max(0, z).
 *     Türevi z > 0 iken 1, z < 0 iken 0'dır: negatif girişte gradyanı geçirmez.
 *   - Sigmoid: $\sigma(z) = 1/(1+e^{-z})$, her sayıyı (0, 1) aralığına, bir olasılığa
 *     çevirir. Türevi $\sigma'(z) = \sigma(z)(1-\sigma(z))$.
 *
 * Ağımız: giriş x = (x₁, x₂) = (1, 2), etiketi (label), yani doğru cevap y = 1.
 *     $$z_1 = w_1 x_1 + w_2 x_2 + b_1, \quad h = \mathrm{ReLU}(z_1) \qquad \text{(gizli nöron)}$$
 *     $$z_2 = v h + c, \quad p = \sigma(z_2) \qquad \text{(çıkış nöronu: } y = 1 \text{ olasılığı)}$$
 *     $$L = -\left[\, y \ln p + (1-y) \ln(1-p) \,\right] \qquad \text{(kayıp)}$$
 * Kayıp, ikili çapraz entropidir (binary cross-entropy): doğru sınıfa verilen olasılığın
 * eksi logaritması; y = 1 iken L = −ln p. Parametreler w₁ = 0,5, w₂ = −0,25, b₁ = 0,5,
 * v = 2, c = −0,5. İleri geçiş soldan sağa değerleri hesaplar:
 * z₁ = 0,5 − 0,5 + 0,5 = 0,5; h = 0,5; z₂ = 2·0,5 − 0,5 = 0,5; p = σ(0,5) ≈ 0,6225;
 * L = −ln 0,6225 ≈ 0,474.
 *
 * Geri yayılım (backpropagation) sağdan sola gider. Her düğüm, kendinden sonrakinden
 * gelen üst gradyanı (upstream gradient) kendi yerel türeviyle çarpar; zincir kuralı
 * (chain rule) budur: a'dan sonra gelen düğüm u ise
 * $\frac{\partial L}{\partial a} = \frac{\partial L}{\partial u}\cdot\frac{\partial u}{\partial a}$.
 *     $$\frac{\partial L}{\partial p} = -\frac{y}{p} + \frac{1-y}{1-p}, \qquad \frac{\partial p}{\partial z_2} = p(1-p)$$
 *     $$\frac{\partial L}{\partial z_2} = \frac{\partial L}{\partial p}\cdot\frac{\partial p}{\partial z_2} = -y(1-p) + (1-y)p = p - y \approx -0{,}3775$$
 *     ∂L/∂v = ∂L/∂z₂ · h,   ∂L/∂c = ∂L/∂z₂ · 1,   ∂L/∂h = ∂L/∂z₂ · v
 *     ∂L/∂z₁ = ∂L/∂h · (z₁ > 0 ? 1 : 0)
 *     ∂L/∂w₁ = ∂L/∂z₁ · x₁,   ∂L/∂w₂ = ∂L/∂z₁ · x₂,   ∂L/∂b₁ = ∂L/∂z₁
 * Sigmoid ile ikili çapraz entropi birleşince türev "p − y" kadar sade çıkar;
 * lesson02'deki softmax + çapraz entropi de aynı biçimi verir: p − onehot(y).
 * Geri yayılım, her ara değerin gradyanını bir kez hesaplayıp yeniden kullandığı için
 * bütün parametrelerin gradyanını aşağı yukarı bir ileri geçiş kadar işle bulur.
 * Sonlu farklarla her birini denetliyoruz.
 */
enum { P_W1, P_W2, P_B1, P_V, P_C, NP_GRAPH };
static const char *GRAPH_NAMES[NP_GRAPH] = {"w₁", "w₂", "b₁", "v", "c"};

typedef struct {
    double x1, x2, y;
    double z1, h, z2, p, L;             /* ileri geçiş değerleri */
    double dz2, dh, dz1, dp;            /* ara düğümlerin gradyanları */
} Graph;

static void graph_forward(Graph *g, const float *th) {
    g->z1 = th[P_W1] * g->x1 + th[P_W2] * g->x2 + th[P_B1];
    g->h = g->z1 > 0 ? g->z1 : 0; /* ReLU */
    g->z2 = th[P_V] * g->h + th[P_C];
    g->p = 1.0 / (1.0 + exp(-g->z2)); /* sigmoid */
    g->L = -(g->y * log(g->p) + (1 - g->y) * log(1 - g->p));
}

/* Geri geçiş: grad'a ekler (+=), çağıran sıfırlar (bütün kütüphanenin kuralı). */
static void graph_backward(Graph *g, const float *th, float *grad) {
    g->dp = -g->y / g->p + (1 - g->y) / (1 - g->p);
    g->dz2 = g->p - g->y;              /* = dp · p(1−p) */
    grad[P_V] += (float)(g->dz2 * g->h);
    grad[P_C] += (float)g->dz2;
    g->dh = g->dz2 * th[P_V];
    g->dz1 = g->z1 > 0 ? g->dh : 0;   /* ReLU'nun türevi */
    grad[P_W1] += (float)(g->dz1 * g->x1);
    grad[P_W2] += (float)(g->dz1 * g->x2);
    grad[P_B1] += (float)g->dz1;
}

typedef struct {
    Graph *g;
    float *th;
} GraphCtx;

static double graph_loss(void *p) {
    GraphCtx *c = p;
    graph_forward(c->g, c->th);
    return c->g->L;
}

static void graph_plot(const Graph *g, const float *th, const float *grad, int ascii) {
    Plot p;
    /* Şekil hesap_cizgesi: Her kutuda üstte ileri geçişin değeri (mavi), altta kaybın o değere göre
     * gradyanı (kırmızı) durur; oklar ileri yönü gösterir, gradyanlar aynı okları sağdan sola
     * izler. */
    FILE *d = plot_begin(&p, "lesson00", "hesap_cizgesi");
    fprintf(d, "# hesap çizgesi: düğüm x y ileri_değer gradyan\n");
    fprintf(d, "z1 3.6 3 %.4f %.4f\nh 6.2 3 %.4f %.4f\nz2 8.8 3 %.4f %.4f\n", g->z1, g->dz1,
            g->h, g->dh, g->z2, g->dz2);
    fprintf(d, "p 11.4 3 %.4f %.4f\nL 13.8 3 %.4f 1\n", g->p, g->dp, g->L);
    char body[6144];
    int k = snprintf(body, sizeof body,
                     "set title 'İki nöronlu hesap çizgesi: ileri değerler (mavi) ve "
                     "geri gradyanlar ∂L/∂· (kırmızı)'\n"
                     "unset border\nunset tics\nunset key\nset xrange [0:15]\nset yrange [0:6]\n"
                     "set style fill solid 1.0 border lc rgb 'black'\n");
    /* düğümler: ad, x, y, ileri değer, gradyan */
    struct { const char *name; double x, y, val, grad; } nodes[] = {
        {"z_1 = w_1x_1+w_2x_2+b_1", 3.6, 3, g->z1, g->dz1},
        {"h = ReLU(z_1)", 6.2, 3, g->h, g->dh},
        {"z_2 = v h + c", 8.8, 3, g->z2, g->dz2},
        {"p = σ(z_2)", 11.4, 3, g->p, g->dp},
        {"L = −ln p", 13.8, 3, g->L, 1.0},
        {"w_1", 1.0, 5.2, th[P_W1], grad[P_W1]},
        {"w_2", 1.0, 3.9, th[P_W2], grad[P_W2]},
        {"b_1", 1.0, 2.6, th[P_B1], grad[P_B1]},
        {"v", 7.0, 5.3, th[P_V], grad[P_V]},
        {"c", 7.0, 0.8, th[P_C], grad[P_C]},
    };
    int nn = (int)(sizeof nodes / sizeof nodes[0]);
    for (int i = 0; i < nn; i++) {
        int main_node = i < 5;
        double wdt = main_node ? (i == 0 ? 2.3 : 2.1) : 1.5, hgt = 1.15;
        k += snprintf(body + k, sizeof body - k,
                      "set object %d rect center %.2f,%.2f size %.2f,%.2f fc rgb '%s' front\n",
                      i + 1, nodes[i].x, nodes[i].y, wdt, hgt, main_node ? "#eef3fb" : "#fdf6e3");
        k += snprintf(body + k, sizeof body - k,
                      "set label %d \"%s\" at %.2f,%.2f center front font ',%d'\n", 3 * i + 1,
                      nodes[i].name, nodes[i].x, nodes[i].y + 0.3, i == 0 ? 8 : 10);
        k += snprintf(body + k, sizeof body - k,
                      "set label %d \"%.4f\" at %.2f,%.2f center front tc rgb '#1f4e9c'\n",
                      3 * i + 2, nodes[i].val, nodes[i].x, nodes[i].y);
        k += snprintf(body + k, sizeof body - k,
                      "set label %d \"∂L: %.4f\" at %.2f,%.2f center front tc rgb '#c0392b'\n",
                      3 * i + 3, nodes[i].grad, nodes[i].x, nodes[i].y - 0.3);
    }
    /* oklar: parametreler ve giriş -> z1; zincir boyunca; v, c -> z2 */
    k += snprintf(body + k, sizeof body - k,
                  "set arrow from 1.75,5.0 to 2.45,3.4 head filled lw 1.5\n"
                  "set arrow from 1.75,3.9 to 2.45,3.1 head filled lw 1.5\n"
                  "set arrow from 1.75,2.6 to 2.45,2.8 head filled lw 1.5\n"
                  "set arrow from 4.75,3 to 5.15,3 head filled lw 1.5\n"
                  "set arrow from 7.25,3 to 7.75,3 head filled lw 1.5\n"
                  "set arrow from 9.85,3 to 10.35,3 head filled lw 1.5\n"
                  "set arrow from 12.45,3 to 12.75,3 head filled lw 1.5\n"
                  "set arrow from 7.4,4.7 to 8.3,3.6 head filled lw 1.5\n"
                  "set arrow from 7.4,1.4 to 8.3,2.4 head filled lw 1.5\n"
                  "set label 40 \"giriş x = (%.0f, %.0f)\" at 1.0,1.2 center\n"
                  "set label 41 \"etiket y = %.0f\" at 13.8,1.9 center\n"
                  "set label 42 \"ileri geçiş: soldan sağa →       "
                  "geri yayılım: sağdan sola ←\" at 7.5,0.15 center tc rgb 'gray30'\n"
                  "plot NaN\n",
                  g->x1, g->x2, g->y);
    plot_finish_size(&p, body, 1100, 520);
    plot_render(&p, ascii);
}

static void step5_backprop(double *p_out, double *L_out, double grad_out[NP_GRAPH],
                           double *gc_worst, const LessonArgs *a) {
    step_banner(5, NSTEPS, "Hesap çizgesi ve geri yayılım: iki nöron");
    Graph g = {.x1 = 1, .x2 = 2, .y = 1};
    float th[NP_GRAPH] = {0.5f, -0.25f, 0.5f, 2.0f, -0.5f}, grad[NP_GRAPH] = {0};
    graph_forward(&g, th);
    graph_backward(&g, th, grad);
    printf("İleri geçiş (soldan sağa):\n");
    printf("    z₁ = 0.5·1 + (−0.25)·2 + 0.5 = %.4f\n", g.z1);
    printf("    h  = ReLU(z₁)                = %.4f\n", g.h);
    printf("    z₂ = 2·h + (−0.5)            = %.4f\n", g.z2);
    printf("    p  = σ(z₂) = 1/(1+e^−z₂)     = %.4f\n", g.p);
    printf("    L  = −ln p  (y = 1)          = %.4f\n", g.L);
    printf("Geri yayılım (sağdan sola), her satır bir üst gradyan × bir yerel türev:\n");
    printf("    ∂L/∂p  = −y/p                = %.4f\n", g.dp);
    printf("    ∂L/∂z₂ = ∂L/∂p · p(1−p)      = %.4f   (= p − y)\n", g.dz2);
    printf("    ∂L/∂h  = ∂L/∂z₂ · v          = %.4f\n", g.dh);
    printf("    ∂L/∂z₁ = ∂L/∂h · 1 (z₁ > 0)  = %.4f\n", g.dz1);
    /* Her parametre için ayrı ayrı sonlu fark (gradcheck'i tek elemana uyguluyoruz) */
    GraphCtx ctx = {&g, th};
    printf("Parametrelerin gradyanları ve sonlu fark denetimi (ε = 1e-3):\n");
    printf("    param.  değer     geri yayılım   sonlu fark\n");
    double worst = 0;
    for (int i = 0; i < NP_GRAPH; i++) {
        GradCheck r = gradcheck(graph_loss, &ctx, &th[i], &grad[i], 1, 1, 1e-3, 1e-3, 1e-4);
        worst = fmax(worst, r.checked ? r.worst : INFINITY);
        printf("    ");
        term_pad(GRAPH_NAMES[i], 6);
        printf("  %6.3f     %9.5f     %9.5f\n", th[i], grad[i], r.numeric);
        grad_out[i] = grad[i];
    }
    graph_forward(&g, th); /* gradcheck parametreleri geri koydu; değerleri tazele */
    *gc_worst = worst;
    *p_out = g.p;
    *L_out = g.L;
    printf("En kötü oran %.3f (≤ 1 geçer): %s\n", worst,
           worst <= 1 ? "beş gradyanın beşi de sonlu farklarla uyuşuyor."
                      : "UYUŞMAYAN GRADYAN VAR!");
    printf("w₂'nin gradyanı w₁'inkinin iki katı (%.4f / %.4f): ∂L/∂w = ∂L/∂z₁ · x ve\n"
           "x₂ = 2, x₁ = 1. Gradyan hem hatayı hem de o ağırlığın gördüğü girişi taşır.\n",
           grad[P_W2], grad[P_W1]);
    graph_plot(&g, th, grad, a->ascii);
    printf("Grafik: plots/lesson00/hesap_cizgesi.png\n");
}

/*
 * Adım 6: Lojistik regresyon, yığınlar ve epoch'lar
 *
 * Şimdi bir "veri kümesi" (dataset) ile gerçek bir eğitim. Program iki sınıflı 200 nokta
 * üretir: sınıf 0 (−1, −0,5) çevresinde, sınıf 1 (1,2; 1) çevresinde, standart sapma 0,8;
 * iki bulut biraz iç içe. Model, Adım 5'in çıkış nöronunun ta kendisi, yalnızca girişi
 * noktanın iki koordinatı: $p = \sigma(w_1 x_1 + w_2 x_2 + b)$. Buna lojistik regresyon
 * (logistic regression) denir; p > 0,5 ise "sınıf 1" deriz ve p = 0,5 çizgisi bir
 * doğrudur (karar sınırı). Kayıp ikili çapraz entropinin (binary cross-entropy) örnekler
 * üzerindeki ortalamasıdır; Adım 5'ten her örnek için ∂L/∂z = p − y, dolayısıyla
 * $$\frac{\partial L}{\partial w_j} = \frac{1}{B}\sum_i (p_i - y_i)\, x_{ij}, \qquad \frac{\partial L}{\partial b} = \frac{1}{B}\sum_i (p_i - y_i).$$
 *
 * Gradyanı her adımda bütün veri üzerinden hesaplamak, veri milyonlarca örnek olunca
 * çok pahalıdır. Onun yerine her adımda küçük bir grup örnek alırız: yığın (batch,
 * mini-batch). Yığının gradyanı bütün verininkinin gürültülü bir tahminidir; adımlar
 * biraz zikzak çizer ama çok ucuzdur. Her adımda yeni bir rastgele yığın kullanan bu
 * yönteme stokastik gradyan inişi (stochastic gradient descent, SGD) denir.
 * Epoch, eğitim verisinin tamamından bir kez geçmektir (Türkçe kaynaklarda "dönem" de
 * denir): 200 nokta ve 20'lik yığınlarla bir epoch 10 adımdır. Her epoch başında
 * noktalar karıştırılır ki yığınlar her seferinde farklı olsun. Dersler boyunca
 * "10 epoch eğittik" dediğimizde bunu kastediyoruz.
 *
 * Doğruluk (accuracy) doğru sınıflanan noktaların oranıdır. Parametreleri
 * common/nn/optim.c'deki sgd_step günceller: θ ← θ − η g, η = 0,5.
 */
#define LR_N 200
#define LR_B 20
typedef struct {
    float x[LR_N][2], y[LR_N];
    const int *idx; /* değerlendirilen örnekler */
    int n;
    float *th;      /* (3): w1, w2, b */
} Logistic;

/* Ortalama ikili çapraz entropi; grad NULL değilse ortalama gradyanı EKLER. */
static double logistic_loss(const Logistic *m, const int *idx, int n, float *grad,
                            double *acc) {
    double L = 0;
    int correct = 0;
    for (int k = 0; k < n; k++) {
        int i = idx[k];
        double z = m->th[0] * m->x[i][0] + m->th[1] * m->x[i][1] + m->th[2];
        double p = 1.0 / (1.0 + exp(-z)), y = m->y[i];
        L -= y * log(p) + (1 - y) * log(1 - p);
        correct += (p > 0.5) == (y > 0.5);
        if (grad) {
            double dz = (p - y) / n; /* ∂L/∂z, yığın ortalaması */
            grad[0] += (float)(dz * m->x[i][0]);
            grad[1] += (float)(dz * m->x[i][1]);
            grad[2] += (float)dz;
        }
    }
    if (acc) *acc = (double)correct / n;
    return L / n;
}

static double logistic_loss_ctx(void *p) {
    const Logistic *m = p;
    return logistic_loss(m, m->idx, m->n, NULL, NULL);
}

#define LR_EPOCHS 15
static void step6_logistic(double *loss_first, double *loss_last, double *acc_last,
                           double *gc_worst, const LessonArgs *a) {
    step_banner(6, NSTEPS, "Lojistik regresyon: yığınlar ve epoch'lar");
    static Logistic m;
    Rng r;
    rng_seed(&r, (uint64_t)a->seed);
    for (int i = 0; i < LR_N; i++) {
        int c = i % 2;
        m.x[i][0] = (c ? 1.2f : -1.0f) + 0.8f * rng_normal(&r);
        m.x[i][1] = (c ? 1.0f : -0.5f) + 0.8f * rng_normal(&r);
        m.y[i] = (float)c;
    }
    int all[LR_N], order[LR_N];
    for (int i = 0; i < LR_N; i++) all[i] = order[i] = i;
    float th[3] = {0.3f, -0.2f, 0.1f}, g[3] = {0};
    m.th = th;
    /* Gradyan denetimi: ilk yığında, rastgele seçilmiş bir noktada */
    m.idx = all;
    m.n = LR_B;
    logistic_loss(&m, all, LR_B, g, NULL);
    GradCheck gc = gradcheck(logistic_loss_ctx, &m, th, g, 3, 3, 1e-3, 1e-3, 1e-4);
    *gc_worst = gc.worst;
    printf("%d nokta (%d'ü sınıf 0, %d'ü sınıf 1), yığın %d:\nbir epoch = %d/%d = %d adım.\n",
           LR_N, LR_N / 2, LR_N / 2, LR_B, LR_N, LR_B, LR_N / LR_B);
    printf("Gradyan denetimi (ilk yığın, 3 parametre): en kötü oran %.3f (≤ 1 geçer).\n",
           gc.worst);
    th[0] = th[1] = th[2] = 0; /* eğitim sıfırdan başlar: p = 0,5, kayıp ln 2 */
    const float eta = 0.5f;
    int nsteps = LR_EPOCHS * (LR_N / LR_B), s = 0;
    float *step_x = xmalloc((size_t)nsteps * sizeof(float));
    float *step_loss = xmalloc((size_t)nsteps * sizeof(float));
    double ep_loss[LR_EPOCHS + 1], ep_acc[LR_EPOCHS + 1], th1[3] = {0};
    ep_loss[0] = logistic_loss(&m, all, LR_N, NULL, &ep_acc[0]);
    *loss_first = ep_loss[0];
    printf("Başlangıç (w₁ = w₂ = b = 0): her nokta için p = 0.5, kayıp ln 2 = %.4f.\n",
           ep_loss[0]);
    printf("    epoch   adım   tüm verinin kaybı   doğruluk\n");
    printf("    %5d   %4d      %8.4f         %%%5.1f\n", 0, 0, ep_loss[0], 100 * ep_acc[0]);
    for (int e = 1; e <= LR_EPOCHS; e++) {
        rng_shuffle(&r, order, LR_N); /* her epoch başında karıştır */
        for (int b0 = 0; b0 < LR_N; b0 += LR_B) {
            g[0] = g[1] = g[2] = 0; /* gradyanları sıfırla, sonra biriktir */
            double bl = logistic_loss(&m, order + b0, LR_B, g, NULL);
            sgd_step(th, g, 3, eta); /* θ ← θ − η g */
            step_x[s] = (float)(s + 1) / (LR_N / LR_B);
            step_loss[s++] = (float)bl;
        }
        ep_loss[e] = logistic_loss(&m, all, LR_N, NULL, &ep_acc[e]);
        if (e == 1)
            for (int j = 0; j < 3; j++) th1[j] = th[j];
        if (e <= 3 || e % 5 == 0)
            printf("    %5d   %4d      %8.4f         %%%5.1f\n", e, e * (LR_N / LR_B),
                   ep_loss[e], 100 * ep_acc[e]);
    }
    *loss_last = ep_loss[LR_EPOCHS];
    *acc_last = ep_acc[LR_EPOCHS];
    float bmin = step_loss[0], bmax = step_loss[0];
    bmin = bmax = step_loss[nsteps / 2];
    for (int i = nsteps / 2; i < nsteps; i++)
        bmin = fminf(bmin, step_loss[i]), bmax = fmaxf(bmax, step_loss[i]);
    printf("%d epoch (%d adım) sonra: w₁ = %.3f, w₂ = %.3f, b = %.3f; kayıp %.4f,\n"
           "doğruluk %%%.1f. Bulutlar biraz iç içe: grafikte sınırın yanlış tarafında\n"
           "kalan noktalar görülüyor.\n",
           LR_EPOCHS, nsteps, th[0], th[1], th[2], *loss_last, 100 * *acc_last);
    printf("Yığın kayıpları gürültülü: son %d adımda %.3f ile %.3f arasında oynadı, tüm\n"
           "verinin kaybı ise düzgün indi: her yığın 200 noktanın yalnızca %d'sini görür.\n",
           nsteps - nsteps / 2, bmin, bmax, LR_B);
    Plot p;
    /* Şekil lojistik_regresyon: Solda kesik çizgi 1. epoch sonundaki, kalın çizgi son epoch'taki
     * karar sınırıdır; sağda ince çizgi yığın kaybının adımdan adıma oynamasını, noktalı eğri tüm
     * verinin kaybının düzgün inişini gösterir. */
    FILE *d = plot_begin(&p, "lesson00", "lojistik_regresyon");
    for (int i = 0; i < LR_N; i++)
        fprintf(d, "%.5f %.5f %d\n", m.x[i][0], m.x[i][1], (int)m.y[i]);
    fputs("\n\n", d);
    for (int i = 0; i < nsteps; i++) fprintf(d, "%.4f %.6f\n", step_x[i], step_loss[i]);
    fputs("\n\n", d);
    for (int e = 0; e <= LR_EPOCHS; e++) fprintf(d, "%d %.6f\n", e, ep_loss[e]);
    char body[3072];
    /* karar sınırı w1 x1 + w2 x2 + b = 0  =>  x2 = -(w1 x1 + b) / w2 */
    snprintf(body, sizeof body,
             "set multiplot layout 1,2\n"
             "set title 'Noktalar ve karar sınırı (p = 0,5)'\nset xlabel 'x_1'\nset ylabel 'x_2'\n"
             "set xrange [-3.5:4]\nset yrange [-3:3.5]\nset size ratio -1\nset grid\n"
             "set key bottom right opaque font ',9'\n"
             "plot 'lojistik_regresyon.dat' index 0 using 1:($3==0?$2:1/0) with points pt 7 "
             "ps 0.6 lc rgb '#1f77b4' title 'sınıf 0', "
             "'' index 0 using 1:($3==1?$2:1/0) with points pt 5 ps 0.6 lc rgb '#ff7f0e' "
             "title 'sınıf 1', "
             "-(%.6g*x+%.6g)/%.6g with lines lw 2 dt 2 lc rgb 'gray40' title '1. epoch sonu', "
             "-(%.6g*x+%.6g)/%.6g with lines lw 3 lc rgb 'black' title '%d. epoch sonu'\n"
             "set size noratio\nset title 'Kayıp: her yığın ve her epoch sonunda tüm veri'\n"
             "set xlabel 'epoch'\nset ylabel 'kayıp'\nset xrange [0:%d]\nset yrange [0:0.8]\n"
             "set key top right\n"
             "plot 'lojistik_regresyon.dat' index 1 using 1:2 with lines lc rgb '#9ecae1' "
             "title 'yığın kaybı (adım başına)', "
             "'' index 2 using 1:2 with linespoints pt 7 lw 2 lc rgb '#08519c' "
             "title 'tüm verinin kaybı'\nunset multiplot\n",
             th1[0], th1[2], th1[1], th[0], th[2], th[1], LR_EPOCHS, LR_EPOCHS);
    plot_finish_size(&p, body, 1200, 520);
    plot_render(&p, a->ascii);
    printf("Grafik: plots/lesson00/lojistik_regresyon.png\n");
    free(step_x);
    free(step_loss);
}

/*
 * Adım 7: Dar bir vadide SGD, momentum ve Adam
 *
 * Gerçek ağların kayıp yüzeylerinde sık görülen bir biçim dar vadidir: bir yönde çok
 * dik, öbür yönde neredeyse düz. Bunu iki parametreyle kuruyoruz:
 * $$L(\theta_1, \theta_2) = 0{,}05\,\theta_1^2 + 5\,\theta_2^2$$
 * θ₂ yönü θ₁ yönünden 100 kat daha eğri. Başlangıç (−8, 1), dip (0, 0). Üç eniyileyici
 * (optimizer), hepsi common/nn/optim.c'den; g gradyan, t adım sayısı:
 *   - SGD: $\theta \leftarrow \theta - \eta g$. (Burada veri yok, gradyan gürültüsüz;
 *     sgd_step düz gradyan inişini yapar.)
 *   - Momentum: $v \leftarrow \mu v + g$, $\theta \leftarrow \theta - \eta v$, μ = 0,9.
 *     Yokuş aşağı yuvarlanan bir top gibi hız biriktirir: vadi boyunca hep aynı yöne
 *     gösteren küçük gradyanlar üst üste eklenir ve top hızlanır. Ama hız frenlemeyi
 *     de geciktirir: top dibi geçip geri dönebilir.
 *   - Adam: $m \leftarrow \beta_1 m + (1-\beta_1) g$, $s \leftarrow \beta_2 s + (1-\beta_2) g^2$,
 *     $\hat m = m/(1-\beta_1^t)$, $\hat s = s/(1-\beta_2^t)$,
 *     $\theta \leftarrow \theta - \eta\, \hat m / (\sqrt{\hat s} + \epsilon)$;
 *     β₁ = 0,9, β₂ = 0,999, ε = 1e-8. (Kodda s'nin adı v'dir.) Her koordinatın adımını o
 *     koordinatın gradyan büyüklüğüne böler: dik yönde de düz yönde de adım ≈ η olur.
 * Kütüphanedeki kodun kendisi (common/nn/optim.c), her parametre i için:
 *     sgd_step:       params[i] -= lr * grads[i];
 *     momentum_step:  vel[i] = mu * vel[i] + grads[i];
 *                     params[i] -= lr * vel[i];
 *     adam_step:      m[i] = b1 * m[i] + (1 - b1) * g;
 *                     v[i] = b2 * v[i] + (1 - b2) * g * g;
 *                     mh = m[i] * c1;  vh = v[i] * c2;     (c1 = 1/(1-b1^t), c2 = 1/(1-b2^t))
 *                     params[i] -= lr * mh / (sqrtf(vh) + eps);
 * Karşılaştırma adil olsun diye her eniyileyiciye aynı yedi η'yı deniyoruz ve her biri
 * kendi en iyisiyle yarışıyor. Ölçü: kaybın başlangıcın binde birinin altına indiği
 * (vadinin dibine vardığı) ilk adım, en çok 300 adım. Sonra aynı vadiyi 45° döndürüp
 * yarışı tekrarlıyoruz: Adam'ın üstünlüğü, adımı koordinat koordinat ölçeklemesinden mi
 * geliyor? Vadi eksenlere paralel değilse bu ölçekleme dik ve düz yönü ayıramaz.
 */
#define NETA 7
#define VALLEY_MAX 300
static const float ETAS[NETA] = {0.001f, 0.003f, 0.01f, 0.03f, 0.1f, 0.3f, 1.0f};
enum { OPT_SGD, OPT_MOM, OPT_ADAM, NOPT };
static const char *OPT_NAMES[NOPT] = {"SGD", "momentum", "Adam"};

/* Vadi: eğik (rot = 1) ise aynı vadi 45° döndürülmüş. */
static void valley_grad(const float *th, float *g, int rot, double *L) {
    double u = th[0], v = th[1];
    if (rot) u = (th[0] + th[1]) * M_SQRT1_2, v = (th[1] - th[0]) * M_SQRT1_2;
    double gu = 0.1 * u, gv = 10.0 * v;
    if (L) *L = 0.05 * u * u + 5.0 * v * v;
    if (g) {
        if (rot) {
            g[0] = (float)((gu - gv) * M_SQRT1_2);
            g[1] = (float)((gu + gv) * M_SQRT1_2);
        } else {
            g[0] = (float)gu, g[1] = (float)gv;
        }
    }
}

static double valley_surface(double a, double b, const void *ctx) {
    (void)ctx;
    float th[2] = {(float)a, (float)b};
    double L;
    valley_grad(th, NULL, 0, &L);
    return L;
}

/* Bir eniyileyiciyi koşar; dibe varılan ilk adımı (varılmadıysa -1) döner. path (2*(n+1))
 * NULL değilse yol yazılır. Kayıp 1e6'yı aşarsa ıraksadı sayılır: *diverged = 1. */
static int valley_run(int opt, float eta, int rot, float *path, int npath, int *diverged) {
    float th[2] = {-8.0f, 1.0f}, g[2];
    if (rot) { /* aynı başlangıç, döndürülmüş */
        float a0 = th[0], b0 = th[1];
        th[0] = (float)((a0 - b0) * M_SQRT1_2);
        th[1] = (float)((a0 + b0) * M_SQRT1_2);
    }
    double L0, L;
    valley_grad(th, NULL, rot, &L0);
    Momentum mo;
    Adam ad;
    if (opt == OPT_MOM) momentum_init(&mo, 2, eta, 0.9f);
    if (opt == OPT_ADAM) adam_init(&ad, 2, eta);
    int first = -1;
    *diverged = 0;
    if (path) path[0] = th[0], path[1] = th[1];
    for (int t = 1; t <= VALLEY_MAX; t++) {
        valley_grad(th, g, rot, NULL);
        if (opt == OPT_SGD) sgd_step(th, g, 2, eta);
        else if (opt == OPT_MOM) momentum_step(&mo, th, g);
        else adam_step(&ad, th, g);
        valley_grad(th, NULL, rot, &L);
        if (path && t <= npath) path[2 * t] = th[0], path[2 * t + 1] = th[1];
        if (!isfinite(L) || L > 1e6) {
            *diverged = 1;
            if (path)
                for (int k = t + 1; k <= npath; k++) path[2 * k] = NAN, path[2 * k + 1] = NAN;
            break;
        }
        if (first < 0 && L < 1e-3 * L0) first = t;
    }
    if (opt == OPT_MOM) momentum_free(&mo);
    if (opt == OPT_ADAM) adam_free(&ad);
    return first;
}

#define NPATH 60
static void step7_valley(int best_steps[NOPT], float best_eta[NOPT], int rot_steps[NOPT],
                         const LessonArgs *a) {
    step_banner(7, NSTEPS, "Dar vadide SGD, momentum ve Adam");
    double L0;
    valley_grad((const float[]){-8.0f, 1.0f}, NULL, 0, &L0);
    printf("L(θ₁, θ₂) = 0.05·θ₁² + 5·θ₂², başlangıç (−8, 1), başlangıç kaybı %.2f.\n", L0);
    printf("Dibe varış adımı (kayıp < başlangıç/1000; '-' %d adımda varamadı,\n"
           "'ırak' ıraksadı):\n", VALLEY_MAX);
    printf("    η:        ");
    for (int e = 0; e < NETA; e++) printf(" %6g", ETAS[e]);
    printf("\n");
    for (int o = 0; o < NOPT; o++) {
        best_steps[o] = -1;
        best_eta[o] = ETAS[0];
        printf("    ");
        term_pad(OPT_NAMES[o], 10);
        for (int e = 0; e < NETA; e++) {
            int div, s = valley_run(o, ETAS[e], 0, NULL, 0, &div);
            if (div) printf("   ırak");
            else if (s < 0) printf(" %6s", "-");
            else printf(" %6d", s);
            if (s > 0 && (best_steps[o] < 0 || s < best_steps[o]))
                best_steps[o] = s, best_eta[o] = ETAS[e];
        }
        printf("\n");
    }
    for (int o = 0; o < NOPT; o++) {
        rot_steps[o] = -1;
        for (int e = 0; e < NETA; e++) {
            int div, s = valley_run(o, ETAS[e], 1, NULL, 0, &div);
            if (s > 0 && (rot_steps[o] < 0 || s < rot_steps[o])) rot_steps[o] = s;
        }
    }
    printf("Her birinin en iyisi: SGD %d adım (η = %g), momentum %d adım (η = %g),\n"
           "Adam %d adım (η = %g).\n", best_steps[0], best_eta[0], best_steps[1], best_eta[1],
           best_steps[2], best_eta[2]);
    int adam_first = best_steps[2] > 0 && best_steps[2] < best_steps[1] &&
                     best_steps[2] < best_steps[0];
    printf("%s", adam_first ? "Dibe ilk Adam vardı. " : "Bu koşuda dibe ilk varan Adam olmadı. ");
    printf("SGD'nin η'sı dik yönle kısıtlı (θ₂ yönünde eğrilik\n10, η < 2/10 = 0.2). "
           "η = %g ile düz yöndeki adım η·0.1·θ₁ = %g·θ₁: her adımda\nkalan yolun yalnızca "
           "%%%g'i.\n", best_eta[0], 0.1 * best_eta[0], 10.0 * best_eta[0]);
    printf("Aynı vadiyi 45° döndürünce (vadi artık eksenlere paralel değil) en iyi adımlar:\n"
           "SGD %d, momentum %d, Adam %d. SGD ve momentum her koordinata aynı işlemi\n"
           "uygular; döndürme onları etkilemez. Adam'ın koordinat koordinat bölmesi ise\n"
           "eksenlere paralel vadide tam işe yarıyor; eğik vadide momentum %s.\n",
           rot_steps[0], rot_steps[1], rot_steps[2],
           rot_steps[1] > 0 && (rot_steps[2] < 0 || rot_steps[1] < rot_steps[2])
               ? "öne geçiyor" : "öne geçemiyor");
    /* Şekil: üç panel, her eniyileyicinin en iyi η'sıyla ilk NPATH adımı */
    static float paths[NOPT][2 * (NPATH + 1)];
    for (int o = 0; o < NOPT; o++) {
        int div;
        valley_run(o, best_eta[o], 0, paths[o], NPATH, &div);
    }
    int tmax = 0;
    for (int t = 1; t <= NPATH; t++)
        if (paths[OPT_MOM][2 * t] > paths[OPT_MOM][2 * tmax]) tmax = t;
    if (fabsf(best_eta[0] * 10.0f - 1.0f) < 1e-6f)
        printf("Grafikte: SGD ilk adımda vadinin tabanına iniyor (η·10 = 1: θ₂ tek adımda\n"
               "sıfırlanıyor), sonra taban boyunca sürünüyor.");
    else
        printf("Grafikte: SGD taban boyunca sürünüyor.");
    printf(" Momentum vadiyi enine\nzikzaklarla kesiyor ve biriken hızla dibi geçip öbür "
           "yana taşıyor\n(%d. adımda θ₁ = %.2f), sonra geri dönüyor. Adam kıvrılarak ama "
           "doğrudan\ndibe gidiyor.\n", tmax, paths[OPT_MOM][2 * tmax]);
    Plot p;
    /* Şekil dar_vadi: Üç panel aynı dar vadide üç eniyileyicinin yolunu gösterir ve başlıkları dibe
     * kaç adımda varıldığını söyler; yolların şeklini karşılaştırın: dik eksende ne kadar
     * salındıklarına ve yayvan eksende ne hızla ilerlediklerine bakın. */
    FILE *d = plot_begin(&p, "lesson00", "dar_vadi");
    write_grid(d, valley_surface, NULL, -9, 3.5, -2.2, 2.2, a->quick ? 81 : 161);
    for (int o = 0; o < NOPT; o++) {
        for (int t = 0; t <= NPATH; t++) fprintf(d, "%.6g %.6g\n", paths[o][2 * t], paths[o][2 * t + 1]);
        fputs("\n\n", d);
    }
    char body[4096], num[32];
    int k = contour_prelude(body, sizeof body, "dar_vadi.dat",
                            "0.001,0.003,0.01,0.03,0.1,0.3,1,2,4,8");
    k += snprintf(body + k, sizeof body - k,
                  "set multiplot layout 1,3 title 'Dar vadi: L = 0,05 θ_1^2 + 5 θ_2^2, "
                  "her eniyileyici kendi en iyi η değeriyle, ilk %d adım'\n"
                  "set xrange [-9:3.5]\nset yrange [-2.2:2.2]\nset xlabel 'θ_1'\nset ylabel 'θ_2'\n"
                  "unset colorbox\nset key bottom right opaque font ',9'\n", NPATH);
    for (int o = 0; o < NOPT; o++)
        k += snprintf(body + k, sizeof body - k,
                      "set title '%s, η = %s: dibe %d. adımda'\n"
                      "plot @IMG, "
                      "$C using 1:2 with lines lc rgb 'gray30' notitle, "
                      "'dar_vadi.dat' index %d using 1:2 with linespoints pt 7 ps 0.5 lw 1.5 "
                      "lc rgb '#d62728' title 'yol'\n",
                      OPT_NAMES[o], tr_dec(num, sizeof num, "%g", best_eta[o]), best_steps[o],
                      o + 1);
    snprintf(body + k, sizeof body - k, "unset multiplot\n");
    plot_finish_size(&p, body, 1500, 480);
    plot_render(&p, a->ascii);
    printf("Grafik: plots/lesson00/dar_vadi.png\n");
}

/*
 * Özet
 *
 * Bir modeli eğitmek, kayıp yüzeyinde yokuş aşağı yürümektir. Gradyan hangi yönün
 * yokuş yukarı olduğunu söyler; onu elle türetir, sonlu farklarla sınarız. Öğrenme
 * oranı adımın boyudur: en dik yönün eğriliğine göre fazla büyükse ıraksarız, fazla
 * küçükse dibe varamadan adımlar biter. Geri yayılım, zincir kuralını hesap çizgesinde
 * sağdan sola uygulayarak bütün gradyanları tek geçişte bulur. Gerçek eğitimde her adım
 * bir yığının gradyanını kullanır; bir epoch bütün veriden bir kez geçmektir.
 * Eniyileyiciler adımı farklı atar: momentum hız biriktirir, Adam her koordinatı kendi
 * gradyan ölçeğine böler. lesson02 aynı parçaları 235 146 parametreli bir ağda kullanır.
 *
 * Alıştırmalar
 *   1. Adım 4'teki etas dizisinde 0,3'ü önce 0,2, sonra 0,25 yapın. Sınır 0,238 ise
 *      hangisi dibe varır, hangisi ıraksar? Tahmin edin, sonra çalıştırıp görün.
 *   2. Adım 5'te b₁'i −1 yapın (th dizisinin üçüncü elemanı). z₁ kaç olur? ReLU'nun
 *      türevine bakarak w₁, w₂ ve b₁'in gradyanlarını çalıştırmadan söyleyin.
 *   3. LR_B'yi 20'den 200'e çıkarın (bütün veri tek yığın). Bir epoch kaç adım olur,
 *      yığın kaybı eğrisindeki gürültüye ne olur?
 *   4. Adım 7'de momentum_init'in son argümanını (μ) 0,9'dan 0,5'e indirin. Grafikte
 *      dibi geçip geri dönme azalır mı? Dibe varış adımı nasıl değişir?
 */

/* Sınav: sayısal cevaplar çalışma anında hesaplanır. */
static int run_quiz(const LessonArgs *a) {
    static char e1[256], e2[256], e4[256];
    double gw, gb;
    line_grad(1, 0, &gw, &gb);
    snprintf(e1, sizeof e1, "Artıklar 1·x + 0 − y: −1, −2, −2, −3. ∂L/∂w = (2/4)·(−1·0 − 2·1 "
             "− 2·2 − 3·3) = 0.5·(−15) = %.4g.", gw);
    double gw0, gb0;
    line_grad(0, 0, &gw0, &gb0);
    double b1 = 0 - 0.05 * gb0;
    snprintf(e2, sizeof e2, "∂L/∂b (0, 0) noktasında %.4g; b₁ = 0 − 0.05·(%.4g) = %.4g.", gb0,
             gb0, b1);
    Graph g = {.x1 = 0, .x2 = 0, .y = 1};
    float th[NP_GRAPH] = {0, 0, 0, 0, (float)log(4.0)}; /* z₂ = ln 4 → p = 0,8 */
    graph_forward(&g, th);
    double dz = g.p - g.y;
    snprintf(e4, sizeof e4, "Sigmoid + ikili çapraz entropide ∂L/∂z = p − y = %.2f − 1 = %.4g.",
             g.p, dz);
    QuizQuestion qs[] = {
        {.q = "Noktalar x = (0, 1, 2, 3), y = (1, 3, 4, 6); L ortalama kare hata. "
              "w = 1, b = 0 iken ∂L/∂w kaçtır?",
         .answer = gw, .tol = 0.01, .explain = e1},
        {.q = "Aynı noktalarda (0, 0)'dan η = 0.05 ile bir gradyan inişi adımı atılıyor. "
              "Yeni b kaçtır? (yalnızca sayı; ondalık için nokta ya da virgül)",
         .answer = b1, .tol = 0.005, .explain = e2},
        {.q = "1000 örneklik bir eğitim verisi 50'lik yığınlarla eğitiliyor. Bir epoch kaç "
              "güncelleme adımıdır?",
         .choices = {"50 adım: her yığının boyu kadar", "1000 adım: her örnek için bir adım",
                     "50 000 adım: örnek sayısı × yığın boyu", "20 adım: 1000 / 50 yığın"},
         .correct = 3,
         .explain = "Epoch bütün verinin bir kez görülmesidir; her adım bir yığın işler, "
                    "1000 / 50 = 20 yığın vardır."},
        {.q = "Sigmoid çıkışlı bir nöron bir örnekte p = 0.8 veriyor, etiket y = 1, kayıp ikili "
              "çapraz entropi. ∂L/∂z kaçtır? (z sigmoidin girişi)",
         .answer = dz, .tol = 0.005, .explain = e4},
        {.q = "Öğrenme oranı, yüzeyin en dik yönü için 2/a sınırını aşarsa ne olur?",
         .choices = {"Kayıp her adımda büyür; parametreler dipten öte yana sıçrayıp ıraksar",
                     "Kayıp daha hızlı düşer ve eğitim daha derin bir noktada durur",
                     "Eğitim yavaşlar ama yeterince adımla yine aynı dibe varılır",
                     "Gradyan sıfıra iner ve parametreler olduğu yerde kalır"},
         .correct = 0,
         .explain = "Tek boyutta adım θ ← (1 − ηa)θ'dır; ηa > 2 ise |1 − ηa| > 1 ve θ her "
                    "adımda büyür (Adım 4'te η = 0.3)."},
        {.q = "ReLU(z) = max(0, z) fonksiyonunun z = −2 noktasındaki türevi kaçtır?",
         .choices = {"1, çünkü ReLU doğrusal bir fonksiyon", "−2, çünkü türev girişin kendisi",
                     "0, çünkü z < 0 iken ReLU sabit", "tanımsız, çünkü ReLU kırılıyor"},
         .correct = 2,
         .explain = "z < 0 bölgesinde ReLU hep 0'dır, eğimi 0'dır: gradyan bu nörondan "
                    "geçmez. Kırılma yalnızca z = 0'dadır."},
        {.q = "Sonlu fark denetiminde neden tek yönlü fark yerine merkezi fark kullanılır?",
         .choices = {"Merkezi fark tek yönlüden daha az fonksiyon hesabı gerektirir",
                     "Merkezi farkın hatası ε² ile, tek yönlününki ε ile küçülür",
                     "Tek yönlü fark yalnızca doğrusal fonksiyonlarda çalışır",
                     "Merkezi fark float yuvarlama hatasını tümüyle ortadan kaldırır"},
         .correct = 1,
         .explain = "Adım 2'de ε = 0.01 ile tek yönlü fark 0.035 saptı, merkezi fark "
                    "ikinci dereceden kayıpta tam türevi verdi. İki yanın da maliyeti "
                    "iki kayıp hesabıdır."},
        {.q = "Adım 5'in çizgesinde ∂L/∂w₂ hangi çarpımla bulunur?",
         .choices = {"∂L/∂z₁ · w₂ (üst gradyan × ağırlığın kendisi)",
                     "∂L/∂z₁ · x₂ (üst gradyan × ağırlığın çarptığı giriş)",
                     "∂L/∂h · b₁ (gizli nöronun gradyanı × sabit terim)",
                     "∂L/∂p · x₂ (çıkışın gradyanı × ağırlığın girişi)"},
         .correct = 1,
         .explain = "z₁ = w₁x₁ + w₂x₂ + b₁ olduğundan ∂z₁/∂w₂ = x₂; zincir kuralıyla "
                    "∂L/∂w₂ = ∂L/∂z₁ · x₂."},
        {.q = "Eksenlere paralel dar vadide Adam'ı dibe ilk ulaştıran neydi?",
         .choices = {"Her adımda öğrenme oranını kendiliğinden yarıya indirmesi",
                     "Gradyanı hiç kullanmayıp yalnızca kaybın değerine bakması",
                     "Momentum terimi olmadığı için zikzak çizmemesi",
                     "Her koordinatın adımını o koordinatın gradyan ölçeğine bölmesi"},
         .correct = 3,
         .explain = "m̂/√ŝ oranı her koordinatta ≈ ±1'dir; düz yön de dik yön de ≈ η'lık "
                    "adım alır. Vadi eğik olunca bu avantaj kayboldu (Adım 7)."},
    };
    return quiz_run("lesson00", qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson00", .title = "Gradyan inişi ve geri yayılım",
                         .default_epochs = 1, .default_threads = 1,
                         .extras = CLI_NO_DATA | CLI_NO_EPOCHS,
                         .extra_help = "Bu ders MNIST okumaz; bütün verisini kendisi üretir ve "
                                       "bir saniyede biter.\n--quick yalnızca grafiklerin "
                                       "ızgarasını seyrekleştirir; sayılar aynıdır.\n"});
    if (a.quiz) return run_quiz(&a);

    double L00, ws, bs, Ls, gw, gb, fdc, fdf, gc_line, w_end, b_end, L_end, L1, Llr[3], limit;
    double bp_p, bp_L, bp_grad[NP_GRAPH], gc_graph, lg_first, lg_last, lg_acc, gc_log;
    int best[NOPT], rot[NOPT];
    float best_eta[NOPT];
    step1_surface(&L00, &ws, &bs, &Ls, &a);
    step2_gradient(&gw, &gb, &fdc, &fdf, &gc_line, &a);
    step3_descent(&w_end, &b_end, &L_end, &L1, ws, bs, &a);
    step4_learning_rate(Llr, &limit, &a);
    step5_backprop(&bp_p, &bp_L, bp_grad, &gc_graph, &a);
    step6_logistic(&lg_first, &lg_last, &lg_acc, &gc_log, &a);
    step7_valley(best, best_eta, rot, &a);

    int adam_first = best[OPT_ADAM] > 0 && best[OPT_ADAM] < best[OPT_MOM] &&
                     best[OPT_ADAM] < best[OPT_SGD];
    printf("\nÖzet: elle gradyan (%.1f, %.1f) sonlu farklarla aynı; η = 0.1 ile %d adımda\n"
           "kayıp %.4f (dip %.4f); η = 0.3 ıraksadı (%.3g); lojistik regresyon\n"
           "%d epoch'ta %%%.1f; dar vadide dibe varış: SGD %d, momentum %d, Adam %d adım.\n",
           gw, gb, GD_STEPS, L_end, Ls, Llr[2], LR_EPOCHS, 100 * lg_acc, best[OPT_SGD],
           best[OPT_MOM], best[OPT_ADAM]);
    printf("SONUÇ: L0=%.4f w_opt=%.4f b_opt=%.4f L_opt=%.4f grad_w=%.4f grad_b=%.4f "
           "fd_merkezi=%.6f fd_tek_yonlu=%.6f gc_dogru=%.4f gd_L1=%.5f gd_w=%.4f gd_b=%.4f "
           "gd_L=%.5f lr_sinir=%.4f lr_kucuk_L=%.4f lr_iyi_L=%.4f lr_buyuk_L=%.4g "
           "bp_p=%.4f bp_L=%.4f bp_dw1=%.4f bp_dw2=%.4f bp_dv=%.4f gc_cizge=%.4f "
           "lojistik_L0=%.4f lojistik_L=%.4f lojistik_acc=%.4f gc_lojistik=%.4f "
           "vadi_sgd=%d vadi_momentum=%d vadi_adam=%d adam_ilk=%d egik_momentum=%d "
           "egik_adam=%d\n",
           L00, ws, bs, Ls, gw, gb, fdc, fdf, gc_line, L1, w_end, b_end, L_end, limit, Llr[0],
           Llr[1], Llr[2], bp_p, bp_L, bp_grad[P_W1], bp_grad[P_W2], bp_grad[P_V], gc_graph,
           lg_first, lg_last, lg_acc, gc_log, best[OPT_SGD], best[OPT_MOM], best[OPT_ADAM],
           adam_first, rot[OPT_MOM], rot[OPT_ADAM]);
    return 0;
}
