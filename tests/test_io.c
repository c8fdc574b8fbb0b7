/* test_io.c — dosya girdileri: IDX okuyucu (düz ve .gz; bozuk, kesik, uzun dosyalar),
 * gerçek MNIST, model dosyası kaydet/yükle ve bozulmaları, sınav cevap dosyaları,
 * yığınlama ve normalizasyon. */
#include <glob.h>
#include <unistd.h>
#include <zlib.h>
#include "doaa.h"
#include "testutil.h"

static char tmpdir[256];

static void setup(void) {
    snprintf(tmpdir, sizeof tmpdir, "/tmp/doaa_io_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}
static void teardown(void) {
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}
static const char *tmp(const char *name) {
    static char b[4][512];
    static int k;
    char *p = b[k++ & 3];
    snprintf(p, 512, "%s/%s", tmpdir, name);
    return p;
}
static void write_bytes(const char *path, const void *d, size_t n) {
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(d, 1, n, f), n);
    fclose(f);
}
/* 3 görüntülük 2x2 bir IDX3 dosyası (+ isteğe bağlı fazla/eksik bayt) */
static size_t make_idx3(unsigned char *buf, int n, int extra) {
    unsigned char h[16] = {0, 0, 8, 3, 0, 0, 0, (unsigned char)n, 0, 0, 0, 2, 0, 0, 0, 2};
    memcpy(buf, h, 16);
    for (int i = 0; i < n * 4 + extra; i++) buf[16 + i] = (unsigned char)(i * 20);
    return 16 + (size_t)(n * 4 + extra);
}

START_TEST(test_idx_ok_plain_and_gz) {
    unsigned char buf[64];
    size_t n = make_idx3(buf, 3, 0);
    write_bytes(tmp("a.idx"), buf, n);
    gzFile g = gzopen(tmp("a.idx.gz"), "wb");
    gzwrite(g, buf, (unsigned)n);
    gzclose(g);
    const char *paths[2] = {tmp("a.idx"), tmp("a.idx.gz")};
    for (int i = 0; i < 2; i++) {
        IdxArray a; char err[512];
        ck_assert_msg(idx_load(paths[i], &a, err, sizeof err) == 0, "%s", err);
        ck_assert_int_eq(a.ndim, 3);
        ck_assert_int_eq(a.dims[0], 3);
        ck_assert_uint_eq(a.size, 12);
        ck_assert_int_eq(a.data[11], 220);
        idx_free(&a);
    }
}
END_TEST

static void expect_idx_error(const void *d, size_t n, const char *name, const char *needle) {
    write_bytes(tmp(name), d, n);
    IdxArray a; char err[512];
    ck_assert_int_eq(idx_load(tmp(name), &a, err, sizeof err), -1);
    ck_assert_msg(strstr(err, name) != NULL, "hata dosya adını söylemeli: %s", err);
    ck_assert_msg(strstr(err, needle) != NULL, "'%s' bekleniyordu: %s", needle, err);
}

START_TEST(test_idx_bad_inputs) {
    unsigned char buf[64];
    size_t n = make_idx3(buf, 3, 0);
    expect_idx_error(buf, n - 5, "kesik.idx", "uyuşmuyor");            /* kesik veri */
    size_t m = make_idx3(buf, 3, 4);
    expect_idx_error(buf, m, "uzun.idx", "uyuşmuyor");                 /* fazla veri */
    make_idx3(buf, 3, 0);
    buf[0] = 0x12;
    expect_idx_error(buf, n, "sihir.idx", "IDX dosyası değil");        /* yanlış sihirli sayı */
    make_idx3(buf, 3, 0);
    buf[2] = 0x0D;
    expect_idx_error(buf, n, "tur.idx", "veri türü");                  /* float türü desteklenmez */
    make_idx3(buf, 3, 0);
    buf[3] = 9;
    expect_idx_error(buf, n, "boyut.idx", "boyut sayısı");
    expect_idx_error(buf, 2, "cokkisa.idx", "çok kısa");
    make_idx3(buf, 3, 0);
    expect_idx_error(buf, 10, "baslik.idx", "başlık");                 /* başlık yarıda */
    make_idx3(buf, 3, 0);
    buf[7] = 0;                                                          /* sıfır boyut */
    expect_idx_error(buf, n, "sifir.idx", "geçersiz");
    /* .gz içinde kesik veri */
    make_idx3(buf, 3, 0);
    gzFile g = gzopen(tmp("kesik.idx.gz"), "wb");
    gzwrite(g, buf, (unsigned)(n - 3));
    gzclose(g);
    IdxArray a; char err[512];
    ck_assert_int_eq(idx_load(tmp("kesik.idx.gz"), &a, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "kesik") != NULL, "%s", err);
    ck_assert_int_eq(idx_load(tmp("yok.idx"), &a, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "yok.idx") && strstr(err, "böyle bir dosya"), "%s", err);
}
END_TEST

/* Başlığı yalan söyleyen dosyalar: sayılar dosyanın gerçek boyuna ve bir üst sınıra karşı
 * denetlenir; gzip'te sözden fazlası açılmaz. Eskiden 57 baytlık bir .gz malloc(4 294 967 296)
 * çağırtıyordu, 3 MB'lık bir .gz 3 GB bellek ve 45 s alıyordu. */
static void write_gz_idx(const char *path, const unsigned char *hdr, size_t hn, size_t nzero,
                         size_t nrand) {
    gzFile g = gzopen(path, "wb9");
    ck_assert_ptr_nonnull(g);
    gzwrite(g, hdr, (unsigned)hn);
    static unsigned char blk[1 << 16];
    memset(blk, 0, sizeof blk);
    for (size_t left = nzero; left > 0;) {
        unsigned k = left > sizeof blk ? (unsigned)sizeof blk : (unsigned)left;
        gzwrite(g, blk, k);
        left -= k;
    }
    uint32_t x = 12345;
    for (size_t left = nrand; left > 0;) {
        unsigned k = left > sizeof blk ? (unsigned)sizeof blk : (unsigned)left;
        for (unsigned i = 0; i < k; i++) blk[i] = (unsigned char)((x = x * 1664525u + 1013904223u) >> 24);
        gzwrite(g, blk, k);
        left -= k;
    }
    ck_assert_int_eq(gzclose(g), Z_OK);
}

START_TEST(test_idx_header_lies) {
    IdxArray a;
    char err[512];
    /* 104 baytlık düz dosya 65536x256x256 (4 GB) diyor: üst sınır */
    unsigned char big[104] = {0, 0, 8, 3, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0};
    expect_idx_error(big, sizeof big, "dev.idx", "aşıyor");
    /* 104 baytlık düz dosya 60000x28x28 (47 MB) diyor: gerçek boyla tutmuyor */
    unsigned char mn[104] = {0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0, 0, 28, 0, 0, 0, 28};
    expect_idx_error(mn, sizeof mn, "yalan.idx", "uyuşmuyor");
    /* aynı başlık küçük bir .gz'de: 47 MB, birkaç düzine bayttan açılamaz */
    write_gz_idx(tmp("yalan.idx.gz"), mn, 16, 64, 0);
    ck_assert_int_eq(idx_load(tmp("yalan.idx.gz"), &a, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "yalan.idx.gz") && strstr(err, "gzip") && strstr(err, "47040000"),
                  "%s", err);
    /* 4 GB diyen .gz: başlıkta durur */
    write_gz_idx(tmp("dev.idx.gz"), big, 16, 64, 0);
    ck_assert_int_eq(idx_load(tmp("dev.idx.gz"), &a, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "dev.idx.gz") && strstr(err, "aşıyor"), "%s", err);
    /* sıkıştırma bombası: başlık 1000x100x100 (10 MB) diyor, akış 200 MB sıfır: sözden
     * sonraki ilk baytta durulur (200 MB açılmaz) */
    unsigned char bomb[16] = {0, 0, 8, 3, 0, 0, 0x03, 0xE8, 0, 0, 0, 100, 0, 0, 0, 100};
    write_gz_idx(tmp("bomba.idx.gz"), bomb, 16, (size_t)200 << 20, 0);
    double t0 = now_sec();
    ck_assert_int_eq(idx_load(tmp("bomba.idx.gz"), &a, err, sizeof err), -1);
    double dt = now_sec() - t0;
    ck_assert_msg(strstr(err, "bomba.idx.gz") && strstr(err, "fazla veri"), "%s", err);
    ck_assert_msg(dt < 2.0, "bomba %.2f s sürdü (200 MB açılmamalı)", dt);
    /* başlık 100x1000x1000 (100 MB) diyor, 1 MB rastgele veri var (oran sınırının içinde):
     * veri kesik; bellek söze göre değil gelen veriye göre büyür */
    unsigned char cut[16] = {0, 0, 8, 3, 0, 0, 0, 100, 0, 0, 0x03, 0xE8, 0, 0, 0x03, 0xE8};
    write_gz_idx(tmp("az.idx.gz"), cut, 16, 0, (size_t)1 << 20);
    ck_assert_int_eq(idx_load(tmp("az.idx.gz"), &a, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "az.idx.gz") && strstr(err, "kesik") && strstr(err, "1048576"), "%s",
                  err);
}
END_TEST

START_TEST(test_imageset_mismatch) {
    unsigned char buf[64];
    size_t n = make_idx3(buf, 3, 0);
    write_bytes(tmp("im"), buf, n);
    unsigned char lab[8 + 2] = {0, 0, 8, 1, 0, 0, 0, 2, 1, 2};   /* 2 etiket, 3 görüntü */
    write_bytes(tmp("lb"), lab, sizeof lab);
    ImageSet s; char err[512];
    ck_assert_int_eq(imageset_load(tmp("im"), tmp("lb"), &s, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "eşit olmalı"), "%s", err);
    unsigned char lab2[8 + 3] = {0, 0, 8, 1, 0, 0, 0, 3, 1, 12, 3}; /* etiket 12 */
    write_bytes(tmp("lb2"), lab2, sizeof lab2);
    ck_assert_int_eq(imageset_load(tmp("im"), tmp("lb2"), &s, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "0–9"), "%s", err);
}
END_TEST

START_TEST(test_real_mnist_and_batches) {
    Mnist m;
    mnist_load("data/mnist", &m);
    ck_assert_int_eq(m.train.n, 60000);
    ck_assert_int_eq(m.test.n, 10000);
    ck_assert_int_eq(m.train.rows, 28);
    ck_assert_int_eq(m.nclasses, 10);
    /* Bilinen sayım: eğitim kümesinde 5421 tane 5 (LeCun'un yayımladığı dağılım) */
    int c5 = 0;
    for (int i = 0; i < m.train.n; i++) c5 += m.train.labels[i] == 5;
    ck_assert_int_eq(c5, 5421);
    ck_assert_int_eq(m.train.labels[0], 5);
    /* Yığınlar tüm örnekleri bir kez verir; normalizasyon aralıkları */
    Batcher bt;
    batcher_init(&bt, &m.test, NULL, 1000, 128);
    Rng r; rng_seed(&r, 1);
    batcher_shuffle(&bt, &r);
    static float x[128 * 784];
    int y[128], seen = 0, B;
    float lo = 1e9f, hi = -1e9f;
    while ((B = batcher_next(&bt, x, y, (Norm){.kind = NORM_MINMAX})) > 0) {
        for (int i = 0; i < B * 784; i++) { if (x[i] < lo) lo = x[i]; if (x[i] > hi) hi = x[i]; }
        seen += B;
    }
    ck_assert_int_eq(seen, 1000);
    ck_assert_int_eq(batcher_steps(&bt), 8);
    ck_assert_float_eq(lo, 0.0f);
    ck_assert_float_eq(hi, 1.0f);
    double mean, std;
    imageset_pixel_stats(&m.train, &mean, &std);
    ck_assert_close(mean, 0.1307, 1e-3);   /* yaygın bilinen MNIST ortalaması */
    ck_assert_close(std, 0.3081, 1e-3);
    int idx[2] = {0, 1}; float z[2 * 784];
    batch_fill(z, y, &m.train, idx, 2, (Norm){.kind = NORM_ZSCORE, .mean = (float)mean, .std = (float)std});
    ck_assert_close(z[0], (0.0 - mean) / std, 1e-5);
    batcher_free(&bt);
    mnist_free(&m);
}
END_TEST

/* ---- model dosyaları ---- */
static void small_net(Net *n) {
    net_init(n, 1, 4, 4);
    net_dense(n, 6); net_relu(n); net_dropout(n, 0.1f); net_dense(n, 3);
    net_build(n, 2, 7);
}
static long fsize(const char *p) { FILE *f = fopen(p, "rb"); fseek(f, 0, SEEK_END); long s = ftell(f); fclose(f); return s; }

START_TEST(test_model_roundtrip) {
    Net a, b; char err[512];
    small_net(&a);
    snprintf(a.meta, sizeof a.meta, "classes=kedi,köpek");
    ck_assert_msg(net_save(&a, tmp("m.model"), err, sizeof err) == 0, "%s", err);
    ck_assert(!file_exists(tmp("m.model.tmp")));
    ck_assert_msg(net_load(&b, tmp("m.model"), 2, err, sizeof err) == 0, "%s", err);
    ck_assert(net_same_arch(&a, &b, err, sizeof err));
    ck_assert_uint_eq(a.nparams, b.nparams);
    ck_assert_int_eq(memcmp(a.params, b.params, a.nparams * 4), 0);
    ck_assert_str_eq(b.meta, "classes=kedi,köpek");
    float x[16]; for (int i = 0; i < 16; i++) x[i] = (float)i / 16;
    const float *za = net_forward(&a, x, 1, 0);
    float z0 = za[0];
    ck_assert_float_eq(net_forward(&b, x, 1, 0)[0], z0);
    net_free(&a); net_free(&b);
}
END_TEST

START_TEST(test_model_corrupt) {
    Net a, b; char err[512];
    small_net(&a);
    ck_assert(net_save(&a, tmp("m.model"), err, sizeof err) == 0);
    long n = fsize(tmp("m.model"));
    unsigned char *d = malloc((size_t)n);
    FILE *f = fopen(tmp("m.model"), "rb"); ck_assert_uint_eq(fread(d, 1, (size_t)n, f), (size_t)n); fclose(f);
    struct { const char *name; long len; int flip; const char *needle; } cases[] = {
        {"kesik.model", n - 10, -1, "kesik"},
        {"bas.model", 5, -1, "kesik"},
        {"crc.model", n, (int)(n - 20), "CRC"},
        {"imza.model", n, 0, "model dosyası değil"},
        {"surum.model", n, 8, "sürüm"},
        {"katman.model", n, 12, "katman sayısı"},
        {"tur.model", n, 28, "katman 1"},
        {"genislik.model", n, 32, "parametre içeriyor"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unsigned char *c = malloc((size_t)n);
        memcpy(c, d, (size_t)n);
        if (cases[i].flip >= 0) c[cases[i].flip] ^= 0x5A;
        write_bytes(tmp(cases[i].name), c, (size_t)cases[i].len);
        free(c);
        ck_assert_int_eq(net_load(&b, tmp(cases[i].name), 1, err, sizeof err), -1);
        ck_assert_msg(strstr(err, cases[i].name) && strstr(err, cases[i].needle),
                      "%s: '%s' bekleniyordu: %s", cases[i].name, cases[i].needle, err);
    }
    ck_assert_int_eq(net_load(&b, tmp("yok.model"), 1, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "yok.model"), "%s", err);
    ck_assert_int_eq(net_load(&b, tmpdir, 1, err, sizeof err), -1);   /* klasör */
    /* başka mimari: yükleyici kabul eder ama net_same_arch farkı söyler */
    Net c; net_init(&c, 1, 4, 4); net_dense(&c, 5); net_relu(&c); net_dense(&c, 3); net_build(&c, 1, 1);
    ck_assert(!net_same_arch(&a, &c, err, sizeof err));
    ck_assert_msg(strstr(err, "mimari farklı"), "%s", err);
    /* yazılamayan yere kaydetme: hata, eski dosya dokunulmadan kalır */
    ck_assert_int_eq(net_save(&a, "/nonexistent_dir_doaa/m.model", err, sizeof err), -1);
    ck_assert_msg(strstr(err, "/nonexistent_dir_doaa/m.model"), "%s", err);
    net_free(&a); net_free(&c); free(d);
}
END_TEST

/* ---- sınav cevapları ---- */
START_TEST(test_quiz_answers) {
    QuizQuestion qs[2] = {
        {.q = "s1", .choices = {"x", "y", "z"}, .correct = 2},
        {.q = "s2", .answer = 0.25, .tol = 1e-3},
    };
    char msg[256];
    ck_assert_int_eq(quiz_check_answer(&qs[0], "c", msg, sizeof msg), 1);
    ck_assert_int_eq(quiz_check_answer(&qs[0], " C) ", msg, sizeof msg), 1);
    ck_assert_int_eq(quiz_check_answer(&qs[0], "a", msg, sizeof msg), 0);
    ck_assert_int_eq(quiz_check_answer(&qs[0], "d", msg, sizeof msg), -1);
    ck_assert_int_eq(quiz_check_answer(&qs[1], "0,25", msg, sizeof msg), 1);
    ck_assert_int_eq(quiz_check_answer(&qs[1], "0.2501", msg, sizeof msg), 1);
    ck_assert_int_eq(quiz_check_answer(&qs[1], "0.3", msg, sizeof msg), 0);
    ck_assert_int_eq(quiz_check_answer(&qs[1], "abc", msg, sizeof msg), -1);
    FILE *f = fopen(tmp("ok.txt"), "w"); fputs("# cevaplar\nc\n\n0,25\n", f); fclose(f);
    ck_assert_int_eq(quiz_run("t", qs, 2, tmp("ok.txt")), 0);
    f = fopen(tmp("yanlis.txt"), "w"); fputs("a\n0.25\n", f); fclose(f);
    ck_assert_int_eq(quiz_run("t", qs, 2, tmp("yanlis.txt")), 1);
    f = fopen(tmp("eksik.txt"), "w"); fputs("c\n", f); fclose(f);
    ck_assert_int_eq(quiz_run("t", qs, 2, tmp("eksik.txt")), 2);
    f = fopen(tmp("fazla.txt"), "w"); fputs("c\n1\n2\n", f); fclose(f);
    ck_assert_int_eq(quiz_run("t", qs, 2, tmp("fazla.txt")), 2);
    ck_assert_int_eq(quiz_run("t", qs, 2, tmp("yok.txt")), 2);
    /* UTF-8 BOM'lu (Not Defteri) ve Windows satır sonlu (CRLF) dosya kabul edilir */
    f = fopen(tmp("bom.txt"), "w"); fputs("\xEF\xBB\xBF" "c\r\n0,25\r\n", f); fclose(f);
    ck_assert_int_eq(quiz_run("t", qs, 2, tmp("bom.txt")), 0);
    /* BOM'dan hemen sonra yorum satırı */
    f = fopen(tmp("bom2.txt"), "w"); fputs("\xEF\xBB\xBF# cevaplar\nc\n0.25\n", f); fclose(f);
    ck_assert_int_eq(quiz_run("t", qs, 2, tmp("bom2.txt")), 0);
    /* klasör, cevap dosyası olarak */
    ck_assert_int_eq(quiz_run("t", qs, 2, tmpdir), 2);
}
END_TEST

/* tests/regress/fuzz-<hedef>-* : bulanık sınamanın (tests/fuzz/) bulduğu girdiler, hedefin
 * okuyucusuna aynı biçimde verilir (ASan turunda da). Okuyucu kabul edebilir ya da
 * hata dönebilir; çökmemeli, sızdırmamalı. Dosya yoksa sınanacak bir şey yok demektir. */
static size_t read_all(const char *p, uint8_t **out) {
    FILE *f = fopen(p, "rb");
    ck_assert_ptr_nonnull(f);
    size_t cap = 1 << 16, n = 0, r;
    uint8_t *b = malloc(cap);
    while ((r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) b = realloc(b, cap *= 2);
    }
    fclose(f);
    *out = b;
    return n;
}
static void fix_crc(uint8_t *o, size_t n) {   /* tests/fuzz/fuzz.h'deki gibi */
    if (n >= 4 && n % 8 != 0) {
        uint32_t c = (uint32_t)crc32(0L, o, (uInt)(n - 4));
        o[n - 4] = (uint8_t)c; o[n - 3] = (uint8_t)(c >> 8);
        o[n - 2] = (uint8_t)(c >> 16); o[n - 1] = (uint8_t)(c >> 24);
    }
}

START_TEST(test_fuzz_regressions) {
    glob_t g;
    int count = 0;
    char err[1024];
    if (glob("tests/regress/fuzz-*", 0, NULL, &g) != 0) return;
    for (size_t i = 0; i < g.gl_pathc; i++) {
        const char *p = g.gl_pathv[i], *base = strrchr(p, '/') + 1;
        uint8_t *d;
        size_t n = read_all(p, &d);
        count++;
        if (strncmp(base, "fuzz-idx-", 9) == 0) {
            IdxArray a;
            if (idx_load(p, &a, err, sizeof err) == 0) idx_free(&a);
            gzFile z = gzopen(tmp("r.gz"), "wb1");
            gzwrite(z, d, (unsigned)n);
            gzclose(z);
            if (idx_load(tmp("r.gz"), &a, err, sizeof err) == 0) idx_free(&a);
        } else if (strncmp(base, "fuzz-image-", 11) == 0) {
            static const int wants[3] = {0, 1, 3};
            Image im, rs;
            if (image_decode_mem(p, d, n, wants[n % 3], &im, err, sizeof err) == 0) {
                if (image_resize(&im, 7, 5, &rs, err, sizeof err) == 0) image_free(&rs);
                image_free(&im);
            }
        } else if (strncmp(base, "fuzz-handwriting-", 17) == 0 && n >= 5) {
            int w = 1 + ((d[0] << 8 | d[1]) % 1100), h = 1 + ((d[2] << 8 | d[3]) % 1100);
            uint8_t *gray = malloc((size_t)w * h), o[784];
            for (size_t k = 0; k < (size_t)w * h; k++) gray[k] = d[4 + k % (n - 4)];
            handwriting_from_gray(p, gray, w, h, o, NULL, err, sizeof err);
            free(gray);
        } else if (strncmp(base, "fuzz-quiz-", 10) == 0) {
            QuizQuestion qs[3] = {
                {.q = "s1", .choices = {"x", "y", "z", "t"}, .correct = 2},
                {.q = "s2", .answer = 0.25, .tol = 1e-3},
                {.q = "s3", .answer = -1500.5, .tol = 0.5, .explain = "e"},
            };
            int rc = quiz_run("t", qs, 3, p);
            ck_assert_msg(rc >= 0 && rc <= 2, "%s: %d", p, rc);
        } else if (strncmp(base, "fuzz-model-", 11) == 0) {
            fix_crc(d, n);
            write_bytes(tmp("r.model"), d, n);
            Net net;
            if (net_load(&net, tmp("r.model"), 1, err, sizeof err) == 0) {
                float *x = calloc(net_in_size(&net), sizeof(float));
                net_forward(&net, x, 1, 0);
                free(x);
                net_free(&net);
            }
        } else if (strncmp(base, "fuzz-ckpt-", 10) == 0) {
            fix_crc(d, n);
            write_bytes(tmp("r.ckpt"), d, n);
            Ckpt c;
            if (ckpt_open(&c, tmp("r.ckpt"), NULL, err, sizeof err) == 0) {
                int64_t n1, n2;
                if (ckpt_get_int(&c, "n1", 1, 4096, &n1, err, sizeof err) == 0 &&
                    ckpt_get_int(&c, "n2", 1, 4096, &n2, err, sizeof err) == 0) {
                    Params P;
                    float *a, *b;
                    params_init(&P);
                    params_add(&P, "a", &a, NULL, (size_t)n1);
                    params_add(&P, "b", &b, NULL, (size_t)n2);
                    params_alloc(&P);
                    ckpt_read_params(&c, &P, err, sizeof err);
                    params_free(&P);
                }
                ckpt_close(&c);
            }
        } else {
            ck_abort_msg("%s: bilinmeyen hedef öneki", p);
        }
        free(d);
    }
    globfree(&g);
    printf("bulanık sınama girdisi: %d dosya\n", count);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("io");
    TCase *tc = tcase_create("dosyalar");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_idx_ok_plain_and_gz);
    tcase_add_test(tc, test_idx_bad_inputs);
    tcase_add_test(tc, test_idx_header_lies);
    tcase_add_test(tc, test_imageset_mismatch);
    tcase_add_test(tc, test_real_mnist_and_batches);
    tcase_add_test(tc, test_model_roundtrip);
    tcase_add_test(tc, test_model_corrupt);
    tcase_add_test(tc, test_quiz_answers);
    tcase_add_test(tc, test_fuzz_regressions);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
