/* test_web.c — ders kitabının "Rakam çiz" sayfası (textbook/web/): tuvaldeki rakamı okuma ve
 * WebAssembly eşliği.
 *   - okunamaz kuralı (lesson/drawpad.h): boş tuval, düz gri tuval, tek nokta, karalama
 *     "okuyamıyorum" der; tek düz çizgi 1 okunur;
 *   - sayfanın indirdiği modeller (textbook/web/modeller/ altındaki .model.gz, float16'ya yuvarlanmış
 *     lesson02 MLP ve lesson04 CNN): MNIST test rakamları tuvale büyütülüp (koyu mürekkep,
 *     beyaz zemin) sayfanın yolundan geçirilince okunuyor;
 *   - bozuk model dosyası (net_load; wasm'da da o okur): Türkçe hata, adı mesajda, çökme yok;
 *   - eşlik: build/web/rakam.wasm (node ile, textbook/web/esleme.js) 10 000 test görüntüsünde
 *     yerel programla aynı en olası sınıfı ve ≤ 1e-4 farklı logitleri veriyor; tuval yolu
 *     (hazırlık + sınıflandırma) aynı kararı ve olasılıkları veriyor. node ya da wasm yoksa
 *     (ör. root olmayan bir kurulumda paketler kurulamadıysa) bu sınama atlandığını söyler;
 *     ASan turunda (yavaş) yalnızca ilk üç bölüm koşar;
 *   - Ad üret: lesson16'nın GPT'si wasm'da ve yerelde aynı tohumlarla aynı 40 adı üretiyor. */
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>
#include "doaa.h"
#include "lesson/drawpad.h"
#include "testutil.h"
/* "Ad üret" sayfasının C kodu (wasm'daki) yerel olarak da derlenir: eşlik sınaması */
#include "../textbook/web/adlar.c"

#define S 280 /* sayfadaki tuvalin kenarı (piksel) */
#define MNIST_DIR "data/mnist"

/* Beyaz tuval */
static uint8_t *canvas_new(void) {
    uint8_t *g = malloc(S * S);
    memset(g, 255, S * S);
    return g;
}
/* Kalın kalem: (x0,y0)-(x1,y1) doğrusu boyunca r yarıçaplı siyah daireler */
static void stroke(uint8_t *g, float x0, float y0, float x1, float y1, float r) {
    float len = hypotf(x1 - x0, y1 - y0);
    int steps = (int)len + 1;
    for (int s = 0; s <= steps; s++) {
        float cx = x0 + (x1 - x0) * s / steps, cy = y0 + (y1 - y0) * s / steps;
        for (int y = (int)(cy - r); y <= (int)(cy + r) + 1; y++)
            for (int x = (int)(cx - r); x <= (int)(cx + r) + 1; x++)
                if (x >= 0 && y >= 0 && x < S && y < S && hypotf(x - cx, y - cy) <= r) g[y * S + x] = 0;
    }
}

static unsigned char *read_gz(const char *path, size_t *n) {
    gzFile f = gzopen(path, "rb");
    ck_assert_msg(f != NULL, "%s açılamadı", path);
    size_t cap = 1 << 20, len = 0;
    unsigned char *d = malloc(cap);
    int r;
    while ((r = gzread(f, d + len, (unsigned)(cap - len))) > 0) {
        len += (size_t)r;
        if (len == cap) d = realloc(d, cap *= 2);
    }
    gzclose(f);
    *n = len;
    return d;
}
static void write_bytes(const char *path, const void *d, size_t n) {
    mkdir("tests/out", 0755);
    FILE *f = fopen(path, "wb");
    ck_assert_msg(f != NULL, "%s yazılamadı", path);
    ck_assert_uint_eq(fwrite(d, 1, n, f), n);
    fclose(f);
}
/* textbook/web/modeller/NAME.model.gz -> tests/out/web_NAME.model -> net_load (sayfadaki gibi) */
static void load_web_model(Net *net, const char *name, int max_batch) {
    char gz[256], path[256], err[1024];
    snprintf(gz, sizeof gz, "textbook/web/modeller/%s.model.gz", name);
    snprintf(path, sizeof path, "tests/out/web_%s.model", name);
    size_t n;
    unsigned char *d = read_gz(gz, &n);
    write_bytes(path, d, n);
    free(d);
    ck_assert_msg(net_load(net, path, max_batch, err, sizeof err) == 0, "%s", err);
}
static uint8_t *read_raw(const char *path, long off, size_t n) {
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "%s açılamadı", path);
    uint8_t *d = malloc(n);
    ck_assert(fseek(f, off, SEEK_SET) == 0);
    ck_assert_uint_eq(fread(d, 1, n, f), n);
    fclose(f);
    return d;
}
/* 28x28 MNIST görüntüsü -> tuval: 10 kat (en yakın komşu), ters (koyu mürekkep) */
static void mnist_canvas(const uint8_t *img, uint8_t *g) {
    for (int y = 0; y < S; y++)
        for (int x = 0; x < S; x++) g[y * S + x] = (uint8_t)(255 - img[(y / 10) * 28 + x / 10]);
}

START_TEST(test_unreadable) {
    DrawResult r;
    uint8_t *g = canvas_new();
    ck_assert_int_eq(drawpad_prepare(g, S, S, &r), DRAW_EMPTY);
    ck_assert_msg(strstr(r.err, "tuval") != NULL, "hata metni: %s", r.err);
    memset(g, 128, S * S);
    ck_assert_int_eq(drawpad_prepare(g, S, S, &r), DRAW_EMPTY);
    /* tek nokta: kalemin bir dokunuşu */
    memset(g, 255, S * S);
    stroke(g, 140, 140, 140, 140, 11);
    ck_assert_int_eq(drawpad_prepare(g, S, S, &r), DRAW_DOT);
    /* kısa bir leke (uzunluğu kalınlığın iki katı) */
    memset(g, 255, S * S);
    stroke(g, 130, 140, 152, 140, 11);
    ck_assert_int_eq(drawpad_prepare(g, S, S, &r), DRAW_DOT);
    /* karalama: 220x220'lik alana 40 rastgele kalın çizgi */
    memset(g, 255, S * S);
    Rng rng;
    rng_seed(&rng, 7);
    float px = 140, py = 140;
    for (int i = 0; i < 40; i++) {
        float nx = 30 + 220 * rng_uniform(&rng), ny = 30 + 220 * rng_uniform(&rng);
        stroke(g, px, py, nx, ny, 11);
        px = nx;
        py = ny;
    }
    ck_assert_int_eq(drawpad_prepare(g, S, S, &r), DRAW_SCRIBBLE);
    ck_assert_msg(r.ink > DRAW_MAX_INK, "mürekkep oranı %.3f", (double)r.ink);
    /* metinler Türkçe ve boş değil */
    for (int v = DRAW_OK; v <= DRAW_UNSURE; v++) ck_assert(strlen(drawpad_verdict_text(v)) > 3);
    free(g);
}
END_TEST

/* Sayfanın modelleri: tek düz çizgi 1; MNIST test rakamları tuvalden okunuyor */
START_TEST(test_canvas_digits) {
    static const char *names[2] = {"lesson02_mlp", "lesson04_cnn"};
    const int N = 300;
    uint8_t *imgs = read_raw(MNIST_DIR "/t10k-images-idx3-ubyte", 16, (size_t)N * 784);
    uint8_t *labs = read_raw(MNIST_DIR "/t10k-labels-idx1-ubyte", 8, (size_t)N);
    uint8_t *g = canvas_new();
    DrawResult r;
    for (int m = 0; m < 2; m++) {
        Net net;
        load_web_model(&net, names[m], 1);
        memset(g, 255, S * S);
        stroke(g, 140, 40, 140, 240, 10);
        ck_assert_int_eq(drawpad_prepare(g, S, S, &r), DRAW_OK);
        drawpad_classify(&net, &r);
        ck_assert_msg(r.digit == 1 && r.verdict == DRAW_OK, "%s: düz çizgi %d okundu (%.2f)",
                      names[m], r.digit, (double)r.top);
        int ok = 0, right = 0;
        for (int i = 0; i < N; i++) {
            mnist_canvas(imgs + (size_t)i * 784, g);
            if (drawpad_prepare(g, S, S, &r) == DRAW_OK) drawpad_classify(&net, &r);
            if (r.verdict != DRAW_OK) continue;
            ok++;
            right += r.digit == labs[i];
        }
        printf("%s: %d tuvalin %d'i okundu, %d'i doğru\n", names[m], N, ok, right);
        ck_assert_msg(ok >= N * 95 / 100, "%s: yalnızca %d/%d okundu", names[m], ok, N);
        ck_assert_msg(right >= ok * 95 / 100, "%s: okunan %d tuvalin %d'i doğru", names[m], ok, right);
        net_free(&net);
    }
    free(g);
    free(imgs);
    free(labs);
}
END_TEST

/* Sayfanın model dosyası bozuk gelirse (kesik indirme, bir bit, boş, başka bir dosya): wasm'ın
 * da kullandığı net_load Türkçe hata verir, dosyanın adı mesajda, çökme yok. */
START_TEST(test_bad_model_bytes) {
    Net net;
    char err[1024];
    size_t n;
    unsigned char *d = read_gz("textbook/web/modeller/lesson02_mlp.model.gz", &n);
    write_bytes("tests/out/web_kesik.model", d, n / 2);
    ck_assert_int_eq(net_load(&net, "tests/out/web_kesik.model", 1, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "web_kesik.model") && strstr(err, "kesik"), "%s", err);
    d[n / 2] ^= 0x40; /* bir ağırlığın bir biti */
    write_bytes("tests/out/web_bozuk.model", d, n);
    ck_assert_int_eq(net_load(&net, "tests/out/web_bozuk.model", 1, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "CRC-32"), "%s", err);
    write_bytes("tests/out/web_bos.model", d, 0);
    ck_assert_int_eq(net_load(&net, "tests/out/web_bos.model", 1, err, sizeof err), -1);
    memcpy(d, "PNG\r\n\x1a\n\0", 8);
    write_bytes("tests/out/web_resim.model", d, n);
    ck_assert_int_eq(net_load(&net, "tests/out/web_resim.model", 1, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "DOAAMODL"), "%s", err);
    free(d);
}
END_TEST

/* Eşlik: yerel logitler ve tuval olasılıkları dosyaya, node ile wasm aynısını hesaplar */
static void write_f32(const char *path, const float *v, size_t n) {
    FILE *f = fopen(path, "wb");
    ck_assert_msg(f != NULL, "%s yazılamadı", path);
    ck_assert_uint_eq(fwrite(v, sizeof(float), n, f), n);
    fclose(f);
}
static int have_node_and_wasm(void) {
    char out[256];
    if (run_cmd("node --version", out, sizeof out) != 0) {
        printf("eşlik sınaması atlandı: node yok (apt-get install nodejs)\n");
        return 0;
    }
    if (access("build/web/rakam.wasm", R_OK) != 0) {
        printf("eşlik sınaması atlandı: build/web/rakam.wasm yok (make wasm)\n");
        return 0;
    }
    return 1;
}
START_TEST(test_wasm_parity) {
    static const char *names[2] = {"lesson02_mlp", "lesson04_cnn"};
    if (!have_node_and_wasm()) return;
    const int N = 10000, NC = 200, B = 100;
    uint8_t *imgs = read_raw(MNIST_DIR "/t10k-images-idx3-ubyte", 16, (size_t)N * 784);
    float *x = malloc((size_t)B * 784 * sizeof(float));
    float *logits = malloc((size_t)N * 10 * sizeof(float));
    float *can = malloc((size_t)NC * 11 * sizeof(float));
    uint8_t *g = canvas_new();
    mkdir("tests/out", 0755);
    for (int m = 0; m < 2; m++) {
        Net net;
        load_web_model(&net, names[m], B);
        for (int s = 0; s < N; s += B) {
            for (int i = 0; i < B * 784; i++) x[i] = imgs[(size_t)s * 784 + i] / 255.0f;
            memcpy(logits + (size_t)s * 10, net_forward(&net, x, B, 0), (size_t)B * 10 * sizeof(float));
        }
        DrawResult r;
        for (int i = 0; i < NC; i++) {
            mnist_canvas(imgs + (size_t)i * 784, g);
            if (drawpad_prepare(g, S, S, &r) != DRAW_EMPTY) drawpad_classify(&net, &r); /* rk_read gibi */
            can[i * 11] = (float)r.verdict;
            memcpy(can + i * 11 + 1, r.probs, 10 * sizeof(float));
        }
        net_free(&net);
        char lp[128], cp[128], cmd[1024], out[4096];
        snprintf(lp, sizeof lp, "tests/out/web_%s_logit.f32", names[m]);
        snprintf(cp, sizeof cp, "tests/out/web_%s_tuval.f32", names[m]);
        write_f32(lp, logits, (size_t)N * 10);
        write_f32(cp, can, (size_t)NC * 11);
        snprintf(cmd, sizeof cmd, "node textbook/web/esleme.js build/web/rakam.wasm textbook/web/modeller/%s.model.gz "
                 "%s %s " MNIST_DIR, names[m], lp, cp);
        int rc = run_cmd(cmd, out, sizeof out);
        printf("%s: %s", names[m], out);
        ck_assert_msg(rc == 0, "%s: çıkış %d\n%s", cmd, rc, out);
        ck_assert_int_eq((int)sonuc_get(out, "n"), N);
        ck_assert_int_eq((int)sonuc_get(out, "argmax_agree"), N);
        ck_assert_msg(sonuc_get(out, "max_dlogit") <= 1e-4, "%s: logit farkı %g", names[m],
                      sonuc_get(out, "max_dlogit"));
        ck_assert_int_eq((int)sonuc_get(out, "canvas_verdict_agree"), NC);
        ck_assert_int_eq((int)sonuc_get(out, "canvas_argmax_agree"), NC);
        ck_assert_msg(sonuc_get(out, "canvas_max_dprob") <= 1e-4, "%s: tuval olasılık farkı %g",
                      names[m], sonuc_get(out, "canvas_max_dprob"));
    }
    free(g);
    free(can);
    free(logits);
    free(x);
    free(imgs);
}
END_TEST

/* Ad üret: wasm ve yerel program aynı tohumlarla aynı adları üretir (lesson16'nın GPT'si) */
START_TEST(test_names_parity) {
    if (!have_node_and_wasm()) return;
    if (access("build/web/adlar.wasm", R_OK) != 0) {
        printf("ad eşliği atlandı: build/web/adlar.wasm yok (make wasm)\n");
        return;
    }
    size_t n;
    unsigned char *d = read_gz("textbook/web/modeller/lesson16_names.ckpt.gz", &n);
    write_bytes("tests/out/web_adlar.ckpt", d, n);
    free(d);
    ck_assert_msg(ad_load_path("tests/out/web_adlar.ckpt") == 0, "%s", ad_error());
    const int N = 40;
    static char out[16384], want[16384];
    want[0] = '\0';
    for (int i = 1; i <= N; i++) {
        strcat(want, ad_sample(1.0f, (unsigned)i));
        strcat(want, "\n");
    }
    int rc = run_cmd("node textbook/web/esleme.js --adlar build/web/adlar.wasm tests/out/web_adlar.ckpt 40 1.0",
                     out, sizeof out);
    ck_assert_msg(rc == 0, "node: çıkış %d\n%s", rc, out);
    ck_assert_msg(strcmp(out, want) == 0, "wasm adları yerelden farklı:\n%s\n---\n%s", out, want);
    printf("ad eşliği: %d ad aynı (ilki %.*s)\n", N, (int)strcspn(want, "\n"), want);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("web");
    TCase *tc = tcase_create("web");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_unreadable);
    tcase_add_test(tc, test_canvas_digits);
    tcase_add_test(tc, test_bad_model_bytes);
    const char *bin = getenv("DOAA_BIN");
    if (!(bin && strstr(bin, "asan"))) {
        tcase_add_test(tc, test_wasm_parity);
        tcase_add_test(tc, test_names_parity);
    }
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
