/* test_badinput.c — kullanıcının verebileceği bozuk girdiler, derslerin kendisiyle:
 * kesik/bozuk IDX klasörü, bozuk model dosyası, hatalı bayraklar. `make check`
 * bunu ikinci kez ASan/UBSan derlemeleriyle (DOAA_BIN=build/asan) çalıştırır:
 * her durumda Türkçe bir hata, sıfır olmayan çıkış ve çökme olmaması beklenir. */
#include <glob.h>
#include <unistd.h>
#include <zlib.h>
#include "doaa.h"
#include "testutil.h"

static char out[1 << 16];
static char dir[256];

static void setup(void) {
    snprintf(dir, sizeof dir, "/tmp/doaa_bad_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}
static void teardown(void) {
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Gerçek MNIST dosyalarını kopyalar; 'which' dosyasını ($F) 'how' kabuk komutuyla bozar. */
static void make_data(const char *which, const char *how) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/d' && for f in train-images-idx3-ubyte train-labels-idx1-ubyte "
             "t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do cp data/mnist/$f '%s/d/'; done && "
             "cd '%s/d' && F=%s && %s",
             dir, dir, dir, which, how);
    ck_assert_int_eq(system(cmd), 0);
}

static int run_lesson(const char *lesson, const char *args) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s %s", bin_path(lesson), args);
    return run_cmd(cmd, out, sizeof out);
}

static void expect_fail(int rc, const char *needle) {
    ck_assert_msg(rc != 0 && rc < 128, "çıkış kodu %d (çökme ya da başarı):\n%s", rc, out);
    ck_assert_msg(strstr(out, "hata:") != NULL, "Türkçe hata satırı yok:\n%s", out);
    ck_assert_msg(strstr(out, needle) != NULL, "'%s' bekleniyordu:\n%s", needle, out);
    ck_assert_msg(strstr(out, "AddressSanitizer") == NULL && strstr(out, "runtime error") == NULL,
                  "temizleyici (sanitizer) hata buldu:\n%s", out);
}

START_TEST(test_truncated_idx) {
    make_data("train-images-idx3-ubyte", "truncate -s 1000000 $F");
    char args[512];
    snprintf(args, sizeof args, "--quick --data '%s/d'", dir);
    expect_fail(run_lesson("lesson02", args), "train-images-idx3-ubyte");
}
END_TEST

START_TEST(test_wrong_magic_idx) {
    make_data("t10k-labels-idx1-ubyte", "printf 'XY' | dd conv=notrunc bs=1 seek=0 of=$F 2>/dev/null");
    char args[512];
    snprintf(args, sizeof args, "--quick --data '%s/d'", dir);
    expect_fail(run_lesson("lesson02", args), "IDX dosyası değil");
}
END_TEST

START_TEST(test_swapped_files) {
    /* etiket dosyası yerine görüntü dosyası: boyut sayısı tutmaz */
    make_data("train-labels-idx1-ubyte", "cp t10k-images-idx3-ubyte $F");
    char args[512];
    snprintf(args, sizeof args, "--quick --data '%s/d'", dir);
    expect_fail(run_lesson("lesson02", args), "1 boyutlu olmalı");
}
END_TEST

/* dir/alt içine geçerli bir IDX kümesi yazar: ntr eğitim ve nte test görüntüsü, her biri
 * rows x cols. Pikseller ve etiketler basit bir desenden: biçim doğru, boyutlar farklı. */
static void write_idx(const char *path, int ndim, const int *dims) {
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    unsigned char h[4] = {0, 0, 8, (unsigned char)ndim};
    fwrite(h, 1, 4, f);
    size_t total = 1;
    for (int i = 0; i < ndim; i++) {
        unsigned char d[4] = {dims[i] >> 24, dims[i] >> 16, dims[i] >> 8, dims[i]};
        fwrite(d, 1, 4, f);
        total *= (size_t)dims[i];
    }
    for (size_t i = 0; i < total; i++) fputc(ndim == 1 ? (int)(i % 10) : (int)(i * 37 % 256), f);
    ck_assert_int_eq(fclose(f), 0);
}
static void make_idx_set(const char *sub, int ntr, int nte, int rows, int cols) {
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, sub);
    ck_assert_int_eq(mkdir(p, 0755), 0);
    const char *names[4] = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};
    int im[2][3] = {{ntr, rows, cols}, {nte, rows, cols}}, lb[2][1] = {{ntr}, {nte}};
    for (int k = 0; k < 2; k++) {
        snprintf(p, sizeof p, "%s/%s/%s", dir, sub, names[2 * k]);
        write_idx(p, 3, im[k]);
        snprintf(p, sizeof p, "%s/%s/%s", dir, sub, names[2 * k + 1]);
        write_idx(p, 1, lb[k]);
    }
}

/* Geçerli ama MNIST'ten farklı kümeler: 32x32 görüntüler (eskiden batch_fill 28x28'lik
 * tamponun dışına yazıyordu) ve yalnızca 100 görüntü (eskiden sabit "ilk 5000 görüntü"
 * kümenin dışını okuyup SEGV veriyordu). Her ders açık bir Türkçe hatayla durmalı. */
START_TEST(test_idx_wrong_size_and_count) {
    make_idx_set("k32", 7000, 2000, 32, 32);
    make_idx_set("k100", 100, 100, 28, 28);
    const char *lessons[] = {"lesson01", "lesson02", "lesson03", "lesson04"};
    char args[512];
    for (int i = 0; i < 4; i++) {
        /* lesson03'te veri denetimi, eksik modeli eğitmeden önce gelir. */
        snprintf(args, sizeof args, "--quick --threads 1 --data '%s/k32'", dir);
        expect_fail(run_lesson(lessons[i], args), "28x28");
        snprintf(args, sizeof args, "--quick --threads 1 --data '%s/k100'", dir);
        expect_fail(run_lesson(lessons[i], args), "100");
        ck_assert_msg(strstr(out, "en az") != NULL, "%s: 'en az' yok:\n%s", lessons[i], out);
    }
}
END_TEST

/* Başlığı yalan söyleyen .gz: 60 baytlık bir dosya 4 GB ya da 47 MB "söylüyor". Ders
 * açmaya başlamadan durmalı. ASan turunda büyük bir ayırma (allocation) 64 MB sınırıyla
 * yakalanır (eskiden malloc(4 294 967 296)). */
START_TEST(test_idx_gz_header_lies) {
    static const unsigned char hdrs[2][16] = {{0, 0, 8, 3, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0},
                                              {0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0, 0, 28, 0, 0, 0, 28}};
    static const char *need[2] = {"aşıyor", "gzip"};
    for (int k = 0; k < 2; k++) {
        char sub[32], p[512], args[700];
        snprintf(sub, sizeof sub, "gz%d", k);
        make_idx_set(sub, 100, 100, 28, 28);
        snprintf(p, sizeof p, "%s/%s/train-images-idx3-ubyte", dir, sub);
        ck_assert_int_eq(remove(p), 0);
        strcat(p, ".gz");
        gzFile g = gzopen(p, "wb9");
        gzwrite(g, hdrs[k], 16);
        unsigned char z[64] = {0};
        gzwrite(g, z, sizeof z);
        ck_assert_int_eq(gzclose(g), Z_OK);
        snprintf(args, sizeof args,
                 "--quick --threads 1 --data '%s/%s'", dir, sub);
        char cmd[1024];
        snprintf(cmd, sizeof cmd,
                 "ASAN_OPTIONS=detect_leaks=0:max_allocation_size_mb=64:allocator_may_return_null=0 "
                 "timeout 60 %s %s", bin_path("lesson02"), args);
        expect_fail(run_cmd(cmd, out, sizeof out), need[k]);
        ck_assert_msg(strstr(out, "train-images-idx3-ubyte.gz") != NULL, "dosya adı yok:\n%s", out);
    }
}
END_TEST

/* tests/regress/ altındaki kötü görüntüler derslerin --predict yoluna (el yazısı hazırlığı,
 * common/lesson/predict.c) verilir: her biri 20 s içinde (eskiden HDR sonsuz döngü,
 * 16384x16384 JPEG 30 s+ ve 1 GB) Türkçe bir hatayla, çökmeden reddedilmeli. Model bu
 * testte rastgele ağırlıklarla üretilir: tahmin değil, dosyanın okunması sınanıyor. */
START_TEST(test_predict_regress_images) {
    static const char *files[] = {"hdr_rle_dongu.jpg", "pgm16.png", "jpeg_dht_654.jpg",
                                  "jpeg_16384.jpg", "jpeg_kesik.jpg", "png_16000.png"};
    char err[512], model[2][300], cmd[1500];
    Net net;
    models_mnist_cnn(&net, 1, 28, 28, 10, 1, 1);
    snprintf(model[0], sizeof model[0], "%s/cnn.model", dir);
    ck_assert_msg(net_save(&net, model[0], err, sizeof err) == 0, "%s", err);
    net_free(&net);
    models_mnist_mlp(&net, 0.2f, 1, 1);
    snprintf(model[1], sizeof model[1], "%s/mlp.model", dir);
    ck_assert_msg(net_save(&net, model[1], err, sizeof err) == 0, "%s", err);
    net_free(&net);
    const char *lessons[2] = {"lesson04", "lesson02"};
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
            snprintf(cmd, sizeof cmd, "timeout 20 %s --predict tests/regress/%s --model '%s'",
                     bin_path(lessons[l]), files[i], model[l]);
            expect_fail(run_cmd(cmd, out, sizeof out), files[i]);
        }
    /* Bulanık sınamanın bulduğu görüntüler (tests/regress/fuzz-image-*): geçerli bir görüntü
     * olabilirler (tahmin edilir) ya da reddedilirler; çökme, takılma ya da temizleyici
     * bulgusu olmamalı. */
    glob_t g;
    if (glob("tests/regress/fuzz-image-*", 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++) {
            snprintf(cmd, sizeof cmd, "timeout 20 %s --predict '%s' --model '%s'",
                     bin_path("lesson04"), g.gl_pathv[i], model[0]);
            int rc = run_cmd(cmd, out, sizeof out);
            ck_assert_msg(rc == 0 || rc == 1, "%s: çıkış %d\n%s", g.gl_pathv[i], rc, out);
            ck_assert_msg(!strstr(out, "AddressSanitizer") && !strstr(out, "runtime error"),
                          "%s: temizleyici bulgusu\n%s", g.gl_pathv[i], out);
        }
        globfree(&g);
    }
}
END_TEST

/* Not Defteri'nde kaydedilmiş cevap dosyası: başında UTF-8 BOM, satır sonları CRLF.
 * Eskiden 1. satırda reddediliyordu. */
START_TEST(test_quiz_answers_bom) {
    FILE *in = fopen("tests/answers/lesson01.txt", "r");
    ck_assert_ptr_nonnull(in);
    char path[400], line[512];
    snprintf(path, sizeof path, "%s/cevap_bom.txt", dir);
    FILE *o = fopen(path, "wb");
    ck_assert_ptr_nonnull(o);
    fputs("\xEF\xBB\xBF", o);
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\n")] = '\0';
        fprintf(o, "%s\r\n", line);
    }
    fclose(in);
    ck_assert_int_eq(fclose(o), 0);
    int rc = quiz_grade_file("lesson01", path, out, sizeof out);
    ck_assert_msg(rc == 0, "BOM'lu cevap dosyası: çıkış %d\n%s", rc, out);
    ck_assert_int_eq((int)sonuc_get(out, "quiz_dogru"), (int)sonuc_get(out, "quiz_toplam"));
}
END_TEST

START_TEST(test_missing_and_flags) {
    char args[512];
    snprintf(args, sizeof args, "--quick --data '%s/bos'", dir);
    expect_fail(run_lesson("lesson02", args), "bulunamadı");
    expect_fail(run_lesson("lesson02", "--epochs -3"), "--epochs");
    expect_fail(run_lesson("lesson02", "--quiz --answers /tmp/doaa_yok_cevap.txt"), "doaa_yok_cevap.txt");
}
END_TEST

/* lesson06 --translate: küçük ama geçerli bir sayı modeli kurup bozuk kopyalarını ve
 * bozuk girdileri dener. */
static void make_seq2seq(const char *path) {
    SeqTask t;
    seqtask_init(&t, SEQ_NUMBER, 0, 1, 9);
    Seq2Seq m;
    seq2seq_build(&m, (Seq2SeqConfig){.Vs = t.src.n, .Vt = t.tgt.n, .E = 4, .H = 8, .A = 4});
    Rng r;
    rng_seed(&r, 1);
    seq2seq_init(&m, &r);
    CkptInt ex[3] = {{"gorev", SEQ_NUMBER}, {"min_len", 1}, {"max_len", 9}};
    char err[512];
    ck_assert_msg(seq2seq_save(&m, path, ex, 3, "test", err, sizeof err) == 0, "%s", err);
    seq2seq_free(&m);
    seqtask_free(&t);
}

START_TEST(test_lesson06_translate) {
    char path[400], args[1024], cmd[1200];
    snprintf(path, sizeof path, "%s/s2s.model", dir);
    make_seq2seq(path);
    /* geçerli model ve girdi: çalışır (eğitilmemiş model, çıktısı önemli değil) */
    snprintf(cmd, sizeof cmd, "%s --model '%s' --translate '12 345'", bin_path("lesson06"), path);
    int rc = run_cmd(cmd, out, sizeof out);
    ck_assert_msg(rc == 0, "geçerli model: çıkış %d\n%s", rc, out);
    snprintf(args, sizeof args, "--model '%s' --translate '12x'", path);
    expect_fail(run_lesson("lesson06", args), "rakam değil");
    snprintf(args, sizeof args, "--model '%s' --translate '1234567890'", path);
    expect_fail(run_lesson("lesson06", args), "en çok 9 rakam");
    snprintf(args, sizeof args, "--model '%s' --translate \"$(printf '1\\377')\"", path);
    expect_fail(run_lesson("lesson06", args), "UTF-8");
    /* kesik model dosyası */
    snprintf(cmd, sizeof cmd, "cp '%s' '%s/kesik.model' && truncate -s 300 '%s/kesik.model'", path,
             dir, dir);
    ck_assert_int_eq(system(cmd), 0);
    snprintf(args, sizeof args, "--model '%s/kesik.model' --translate 12", dir);
    expect_fail(run_lesson("lesson06", args), "kesik.model");
    /* bir baytı bozulmuş model (CRC tutmaz) */
    snprintf(cmd, sizeof cmd,
             "cp '%s' '%s/bozuk.model' && printf 'Z' | dd conv=notrunc bs=1 seek=200 "
             "of='%s/bozuk.model' 2>/dev/null", path, dir, dir);
    ck_assert_int_eq(system(cmd), 0);
    snprintf(args, sizeof args, "--model '%s/bozuk.model' --translate 12", dir);
    expect_fail(run_lesson("lesson06", args), "bozuk.model");
    /* model yok */
    snprintf(args, sizeof args, "--model '%s/yok.model' --translate 12", dir);
    expect_fail(run_lesson("lesson06", args), "yok.model");
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("kötü girdi");
    TCase *tc = tcase_create("dersler");
    tcase_set_timeout(tc, 300);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_truncated_idx);
    tcase_add_test(tc, test_wrong_magic_idx);
    tcase_add_test(tc, test_swapped_files);
    tcase_add_test(tc, test_missing_and_flags);
    tcase_add_test(tc, test_idx_wrong_size_and_count);
    tcase_add_test(tc, test_idx_gz_header_lies);
    tcase_add_test(tc, test_predict_regress_images);
    tcase_add_test(tc, test_quiz_answers_bom);
    tcase_add_test(tc, test_lesson06_translate);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
