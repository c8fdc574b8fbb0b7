/* test_lesson03.c — lesson03 (metrikler): --quick koşusunun iç tutarlılığı, metriklerin
 * bağımsız yeniden sayımı, aşırı öğrenme iddiası, bozuk/yanlış model dosyaları, eksik
 * modelin eğitilmesi, sınav ve bayraklar. */
#include <limits.h>
#include <unistd.h>
#include "doaa.h"
#include "testutil.h"

#define QUICK_MODEL "data/models/lesson02_mlp_quick.model"
static char out[1 << 20];
static int rc_quick = -1;

static void run_quick(void) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --quick", bin_path("lesson03"));
    rc_quick = run_cmd(cmd, out, sizeof out);
}

START_TEST(test_quick_runs) {
    ck_assert_msg(rc_quick == 0, "lesson03 --quick çıkış kodu %d\n%s", rc_quick, out);
    check_fits_80("lesson03", out); /* terminal çıktısı 80 sütuna sığar */
    ck_assert_ptr_nonnull(strstr(out, "=== Adım 6/6"));
    ck_assert_ptr_nonnull(strstr(out, "model=" QUICK_MODEL));
    ck_assert(access("plots/lesson03/karmasiklik_matrisi.gp", R_OK) == 0);
    ck_assert(access("plots/lesson03/yanlislar.dat", R_OK) == 0);
    ck_assert(access("plots/lesson03/asiri_ogrenme.dat", R_OK) == 0);
}
END_TEST

START_TEST(test_internal_consistency) {
    double n = sonuc_get(out, "test_n"), tot = sonuc_get(out, "cm_total"),
           diag = sonuc_get(out, "cm_diag"), acc = sonuc_get(out, "test_acc");
    ck_assert_int_eq((int)n, 10000);
    ck_assert_int_eq((int)tot, (int)n);   /* matrisin toplamı = test örneği sayısı */
    ck_assert_close(acc, diag / tot, 1e-6);   /* doğruluk = köşegen / toplam */
    ck_assert_close(sonuc_get(out, "eval_acc"), acc, 1e-5);   /* evaluate() ile aynı */
    ck_assert_int_eq((int)sonuc_get(out, "misclassified"), (int)(tot - diag));
    const char *keys[] = {"macro_precision", "macro_recall", "macro_f1", "worst_f1"};
    for (int i = 0; i < 4; i++) {
        double v = sonuc_get(out, keys[i]);
        ck_assert_msg(v >= 0.0 && v <= 1.0, "%s = %g, [0,1] dışında", keys[i], v);
    }
    ck_assert(sonuc_get(out, "worst_f1") <= sonuc_get(out, "macro_f1"));
    ck_assert_msg(acc > 0.85, "hızlı modelin test doğruluğu %g", acc);
}
END_TEST

/* Modeli burada ayrıca yükleyip tahminleri ve ölçütleri metrics.c'yi kullanmadan say */
START_TEST(test_independent_recount) {
    Net net;
    char err[512];
    ck_assert_msg(net_load(&net, QUICK_MODEL, 500, err, sizeof err) == 0, "%s", err);
    Mnist m;
    mnist_load("data/mnist", &m);
    static float x[500 * 784];
    long cm[10][10] = {{0}};
    for (int s = 0; s < m.test.n; s += 500) {
        int B = m.test.n - s < 500 ? m.test.n - s : 500;
        for (int i = 0; i < B * 784; i++) x[i] = m.test.images[(size_t)s * 784 + i] / 255.0f;
        const float *z = net_forward(&net, x, B, 0);
        for (int b = 0; b < B; b++) {
            int best = 0;
            for (int k = 1; k < 10; k++)
                if (z[b * 10 + k] > z[b * 10 + best]) best = k;
            cm[m.test.labels[s + b]][best]++;
        }
    }
    double sp = 0, sr = 0, sf = 0;
    long diag = 0;
    for (int k = 0; k < 10; k++) {
        long row = 0, col = 0;
        for (int i = 0; i < 10; i++) {
            row += cm[k][i];
            col += cm[i][k];
        }
        double P = col ? (double)cm[k][k] / col : 0, R = row ? (double)cm[k][k] / row : 0;
        sp += P;
        sr += R;
        sf += P + R > 0 ? 2 * P * R / (P + R) : 0;
        diag += cm[k][k];
    }
    ck_assert_close(sonuc_get(out, "test_acc"), (double)diag / m.test.n, 1e-6);
    ck_assert_close(sonuc_get(out, "macro_precision"), sp / 10, 1e-5);
    ck_assert_close(sonuc_get(out, "macro_recall"), sr / 10, 1e-5);
    ck_assert_close(sonuc_get(out, "macro_f1"), sf / 10, 1e-5);

    /* Adım 3'ün cümleleri: en sık ve ikinci en sık karışıklık gerçek sayılarla
     * (eşitlikte satır sırasıyla ilk gelen) */
    int t0 = -1, p0 = -1, t1 = -1, p1 = -1;
    for (int t = 0; t < 10; t++)
        for (int p = 0; p < 10; p++)
            if (t != p && (t0 < 0 || cm[t][p] > cm[t0][p0])) { t0 = t; p0 = p; }
    for (int t = 0; t < 10; t++)
        for (int p = 0; p < 10; p++)
            if (t != p && !(t == t0 && p == p0) && (t1 < 0 || cm[t][p] > cm[t1][p1])) {
                t1 = t;
                p1 = p;
            }
    char want[256];
    snprintf(want, sizeof want, "En sık karışıklık: gerçek %d, tahmin %d (%ld kez).", t0, p0,
             cm[t0][p0]);
    ck_assert_msg(strstr(out, want) != NULL, "çıktıda yok: %s", want);
    if (cm[t1][p1] == cm[t0][p0])
        snprintf(want, sizeof want, "Aynı sayıyla bir de: gerçek %d, tahmin %d", t1, p1);
    else
        snprintf(want, sizeof want, "İkinci sırada: gerçek %d, tahmin %d (%ld kez)", t1, p1,
                 cm[t1][p1]);
    ck_assert_msg(strstr(out, want) != NULL, "çıktıda yok: %s", want);
    mnist_free(&m);
    net_free(&net);
}
END_TEST

START_TEST(test_overfitting_claim) {
    double gn = sonuc_get(out, "overfit_gap_nodrop"), gd = sonuc_get(out, "overfit_gap_drop");
    ck_assert_msg(gn > gd, "dropoutsuz açık %g, dropoutlu açıktan %g büyük değil", gn, gd);
    ck_assert(gn > 0.05);   /* 500 görüntüyü ezberleyen model gerçekten açık verir */
    ck_assert(sonuc_get(out, "overfit_loss_gap_nodrop") > sonuc_get(out, "overfit_loss_gap_drop"));
    /* dropoutsuz koşuda doğrulama kaybının en iyisi sonda değil, ortalarda */
    ck_assert(sonuc_get(out, "nodrop_best_epoch") < sonuc_get(out, "nodrop_epochs"));
    ck_assert(sonuc_get(out, "drop_epochs") <= sonuc_get(out, "nodrop_epochs"));
}
END_TEST

/* Geçici klasörde kötü model dosyaları üretir; ders her birini Türkçe, dosya adlı bir
 * hatayla ve sıfırdan farklı (ama çökme olmayan) bir kodla reddetmeli. */
static void expect_reject(const char *path, const char *must_contain) {
    char cmd[1024], buf[8192];
    snprintf(cmd, sizeof cmd, "%s --quick --model '%s'", bin_path("lesson03"), path);
    int rc = run_cmd(cmd, buf, sizeof buf);
    ck_assert_msg(rc != 0 && rc < 128, "'%s': çıkış kodu %d\n%s", path, rc, buf);
    ck_assert_msg(strstr(buf, "hata:") && strstr(buf, path), "'%s': hata mesajı dosyayı anmıyor\n%s",
                  path, buf);
    if (must_contain)
        ck_assert_msg(strstr(buf, must_contain) != NULL, "'%s': '%s' bekleniyordu\n%s", path,
                      must_contain, buf);
    ck_assert_ptr_null(strstr(buf, "SONUÇ:"));
}

static size_t read_all(const char *path, unsigned char **data) {
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    *data = malloc((size_t)n);
    ck_assert_int_eq(fread(*data, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return (size_t)n;
}

static void write_all(const char *path, const unsigned char *d, size_t n) {
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fwrite(d, 1, n, f), n);
    fclose(f);
}

START_TEST(test_bad_model_files) {
    mkdir_p("tests/out");
    char dir[] = "tests/out/lesson03_modeller_XXXXXX", p[512];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    unsigned char *d;
    size_t n = read_all(QUICK_MODEL, &d);

    snprintf(p, sizeof p, "%s/kesik.model", dir);   /* yarısı kesik */
    write_all(p, d, n / 2);
    expect_reject(p, "kesik");
    expect_reject(p, "Doğru bir model dosyası verin");   /* ne yapılacağını da söyler */

    snprintf(p, sizeof p, "%s/bozuk.model", dir);   /* ağırlıkların ortasında bir bayt değişmiş */
    d[n / 2] ^= 0x5A;
    write_all(p, d, n);
    d[n / 2] ^= 0x5A;
    expect_reject(p, "CRC");

    snprintf(p, sizeof p, "%s/bos.model", dir);     /* boş dosya */
    write_all(p, d, 0);
    expect_reject(p, NULL);

    snprintf(p, sizeof p, "%s/metin.model", dir);   /* model olmayan bir dosya */
    write_all(p, (const unsigned char *)"merhaba dünya\n", 15);
    expect_reject(p, "DOAAMODL");

    Net net;   /* geçerli ama bu derse uymayan mimariler */
    char err[512];
    net_init(&net, 1, 28, 28);
    net_dense(&net, 5);
    net_build(&net, 1, 1);
    snprintf(p, sizeof p, "%s/bes_sinif.model", dir);
    ck_assert_msg(net_save(&net, p, err, sizeof err) == 0, "%s", err);
    net_free(&net);
    expect_reject(p, "uymuyor");

    net_init(&net, 3, 32, 32);
    net_dense(&net, 10);
    net_build(&net, 1, 1);
    snprintf(p, sizeof p, "%s/renkli.model", dir);
    ck_assert_msg(net_save(&net, p, err, sizeof err) == 0, "%s", err);
    net_free(&net);
    expect_reject(p, "uymuyor");

    snprintf(p, sizeof p, "%s/boyle-bir-dosya-yok.model", dir);   /* --model ile verilip yok */
    expect_reject(p, "bulunamadı");
    free(d);
    snprintf(p, sizeof p, "rm -rf '%s'", dir);
    ck_assert_int_eq(run_cmd(p, NULL, 0), 0);
}
END_TEST

/* Varsayılan model hiç yoksa ders onu eğitip kaydetmeli (boş bir çalışma klasöründe) */
START_TEST(test_trains_missing_model) {
    char cwd[1024], dir[] = "tests/out/lesson03_bos_XXXXXX", cmd[3000];
    static char buf[1 << 20];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    char *bin = realpath(bin_path("lesson03"), NULL);
    ck_assert_ptr_nonnull(bin);
    mkdir_p("tests/out");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' --quick --data '%s/data/mnist'", dir, bin, cwd);
    free(bin);
    int rc = run_cmd(cmd, buf, sizeof buf);
    ck_assert_msg(rc == 0, "çıkış kodu %d\n%s", rc, buf);
    ck_assert_ptr_nonnull(strstr(buf, "bulunamadı"));
    ck_assert_int_eq((int)sonuc_get(buf, "trained"), 1);
    ck_assert(sonuc_get(buf, "test_acc") > 0.85);
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/" QUICK_MODEL, dir);
    Net net;
    char err[512];
    ck_assert_msg(net_load(&net, path, 1, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq((int)net_out_size(&net), 10);
    net_free(&net);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(run_cmd(cmd, NULL, 0), 0);
}
END_TEST

START_TEST(test_quiz_answers) {
    char cmd[512], buf[8192];
    snprintf(cmd, sizeof cmd, "%s --quiz --answers tests/answers/lesson03.txt", bin_path("lesson03"));
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 0);
    ck_assert(sonuc_get(buf, "quiz_toplam") >= 6);
    ck_assert_double_eq(sonuc_get(buf, "quiz_dogru"), sonuc_get(buf, "quiz_toplam"));

    mkdir_p("tests/out");
    char f[] = "tests/out/lesson03_cevap_XXXXXX";
    int fd = mkstemp(f);
    ck_assert(fd >= 0);
    FILE *fp = fdopen(fd, "w");   /* 1. soruda kesinlik yerine duyarlılık (30/40) */
    fputs("0.75\n0.9\n0.84\n0.8\n0.82\n0\nb\nc\nb\n", fp);
    fclose(fp);
    snprintf(cmd, sizeof cmd, "%s --quiz --answers %s", bin_path("lesson03"), f);
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 1);
    ck_assert_ptr_nonnull(strstr(buf, "Soru 1: YANLIŞ"));

    fp = fopen(f, "w");   /* 4. soru oran ister (0.8); yüzde olarak 80 yanlış. 9. soru: duyarlılık */
    fputs("0.71\n0.9\n0.84\n80\n0.82\n0\nb\nc\na\n", fp);
    fclose(fp);
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 1);
    ck_assert_ptr_nonnull(strstr(buf, "Soru 4: YANLIŞ"));
    ck_assert_ptr_nonnull(strstr(buf, "Soru 9: YANLIŞ"));
    ck_assert_ptr_null(strstr(buf, "Soru 1: YANLIŞ"));

    fp = fopen(f, "w");   /* 9 soruya 3 cevap */
    fputs("0.71\n0.9\nz\n", fp);
    fclose(fp);
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 2);
    ck_assert_ptr_nonnull(strstr(buf, f));
    unlink(f);
}
END_TEST

START_TEST(test_flags) {
    char cmd[512], buf[4096];
    snprintf(cmd, sizeof cmd, "%s --bilinmeyen", bin_path("lesson03"));
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 2);
    ck_assert_ptr_nonnull(strstr(buf, "bilinmeyen bayrak"));
    snprintf(cmd, sizeof cmd, "%s --model", bin_path("lesson03"));
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 2);
    snprintf(cmd, sizeof cmd, "%s --help", bin_path("lesson03"));
    ck_assert_int_eq(run_cmd(cmd, buf, sizeof buf), 0);
    ck_assert_ptr_nonnull(strstr(buf, "--model"));
    ck_assert_ptr_nonnull(strstr(buf, "Not: bu derste --epochs"));
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("lesson03");
    TCase *tc = tcase_create("metrikler");
    tcase_add_unchecked_fixture(tc, run_quick, NULL);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_quick_runs);
    tcase_add_test(tc, test_internal_consistency);
    tcase_add_test(tc, test_independent_recount);
    tcase_add_test(tc, test_overfitting_claim);
    tcase_add_test(tc, test_bad_model_files);
    tcase_add_test(tc, test_trains_missing_model);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_flags);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
