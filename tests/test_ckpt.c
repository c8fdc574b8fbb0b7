/* test_ckpt.c — parametre bloğu (model/params) ve genel model kaydı (model/ckpt):
 * gidiş-dönüş, bozuk/kesik/yanlış türde dosyalar, başka bir dosyanın üzerine
 * yazmayı reddetme, geride geçici dosya bırakmama. */
#include <dirent.h>
#include <unistd.h>
#include <zlib.h>
#include "doaa.h"
#include "testutil.h"

static char tmpdir[256];
static void setup(void) {
    snprintf(tmpdir, sizeof tmpdir, "/tmp/doaa_ckpt_XXXXXX");
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
static int count_files(void) {
    DIR *d = opendir(tmpdir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.') n++;
    closedir(d);
    return n;
}

typedef struct {
    float *w; /* (3,4) */
    float *b; /* (4) */
} Toy;

static void toy_build(Params *P, Toy *W, Toy *G, int in, int out) {
    params_init(P);
    params_add(P, "w", &W->w, &G->w, (size_t)in * out);
    params_add(P, "b", &W->b, &G->b, (size_t)out);
    params_alloc(P);
}

START_TEST(test_params_layout) {
    Params P;
    Toy W, G;
    toy_build(&P, &W, &G, 3, 4);
    ck_assert_uint_eq(P.n, 16);
    ck_assert_ptr_eq(W.w, P.params);
    ck_assert_ptr_eq(W.b, P.params + 12);
    ck_assert_ptr_eq(G.b, P.grads + 12);
    ck_assert_uint_eq(params_offset(&P, "b"), 12);
    ck_assert_uint_eq(params_offset(&P, "yok"), (size_t)-1);
    G.b[1] = 3.0f;
    params_zero_grad(&P);
    ck_assert_float_eq(G.b[1], 0.0f);
    params_free(&P);
}
END_TEST

static void save_toy(const char *path, float fill) {
    Params P;
    Toy W, G;
    toy_build(&P, &W, &G, 3, 4);
    for (size_t i = 0; i < P.n; i++) P.params[i] = fill + (float)i;
    CkptInt conf[2] = {{"IN", 3}, {"OUT", 4}};
    char err[512];
    int rc = ckpt_save(path, "oyuncak", conf, 2, "sinif=a,b", &P, err, sizeof err);
    ck_assert_msg(rc == 0, "%s", err);
    params_free(&P);
}

START_TEST(test_roundtrip) {
    const char *path = tmp("m.ckpt");
    save_toy(path, 0.5f);
    ck_assert_int_eq(count_files(), 1); /* geride geçici dosya yok */
    Ckpt c;
    char err[512];
    ck_assert_msg(ckpt_open(&c, path, "oyuncak", err, sizeof err) == 0, "%s", err);
    int64_t in, out;
    ck_assert_int_eq(ckpt_get_int(&c, "IN", 1, 100, &in, err, sizeof err), 0);
    ck_assert_int_eq(ckpt_get_int(&c, "OUT", 1, 100, &out, err, sizeof err), 0);
    ck_assert_str_eq(c.meta, "sinif=a,b");
    ck_assert_int_eq(ckpt_get_int(&c, "IN", 5, 100, &in, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "IN = 3"));
    ck_assert_int_eq(ckpt_get_int(&c, "YOK", 0, 1, &in, err, sizeof err), -1);
    Params P;
    Toy W, G;
    toy_build(&P, &W, &G, 3, 4);
    ck_assert_msg(ckpt_read_params(&c, &P, err, sizeof err) == 0, "%s", err);
    ck_assert_float_eq(W.w[0], 0.5f);
    ck_assert_float_eq(W.b[3], 15.5f);
    ckpt_close(&c);
    params_free(&P);
    /* üstüne yeniden yazmak (bizim dosyamız) serbest */
    save_toy(path, 1.0f);
    ck_assert_int_eq(count_files(), 1);
}
END_TEST

START_TEST(test_wrong_shape_and_kind) {
    const char *path = tmp("m.ckpt");
    save_toy(path, 0.0f);
    Ckpt c;
    char err[512];
    ck_assert_int_eq(ckpt_open(&c, path, "gpt", err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "oyuncak"));
    ck_assert_int_eq(ckpt_open(&c, path, NULL, err, sizeof err), 0);
    Params P;
    Toy W, G;
    toy_build(&P, &W, &G, 4, 4); /* başka boyut */
    ck_assert_int_eq(ckpt_read_params(&c, &P, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "'w'"));
    ckpt_close(&c);
    params_free(&P);
}
END_TEST

START_TEST(test_corrupt_truncated) {
    const char *path = tmp("m.ckpt");
    save_toy(path, 0.0f);
    FILE *f = fopen(path, "rb");
    unsigned char buf[4096];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    char err[512];
    Ckpt c;
    /* her kesik uzunluk ve her tek bayt bozulması reddedilir, çökme yok */
    for (size_t k = 0; k < n; k++) {
        f = fopen(path, "wb");
        fwrite(buf, 1, k, f);
        fclose(f);
        ck_assert_int_eq(ckpt_open(&c, path, "oyuncak", err, sizeof err), -1);
    }
    for (size_t k = 0; k < n; k++) {
        buf[k] ^= 0x40;
        f = fopen(path, "wb");
        fwrite(buf, 1, n, f);
        fclose(f);
        ck_assert_int_eq(ckpt_open(&c, path, "oyuncak", err, sizeof err), -1);
        buf[k] ^= 0x40;
    }
    /* devasa bir uzunluk alanı: CRC doğru olsa da sınır denetimi yakalar */
    unsigned char evil[64] = "DOAACKPT";
    evil[8] = 1;                                                      /* sürüm 1 */
    evil[12] = 0xff, evil[13] = 0xff, evil[14] = 0xff, evil[15] = 0x7f; /* tür adı uzunluğu */
    uint32_t crc = (uint32_t)crc32(0L, evil, 16);
    memcpy(evil + 16, &crc, 4);
    f = fopen(path, "wb");
    fwrite(evil, 1, 20, f);
    fclose(f);
    ck_assert_int_eq(ckpt_open(&c, path, NULL, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "tür adı"));
    /* klasör */
    ck_assert_int_eq(ckpt_open(&c, tmpdir, NULL, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "klasör"));
}
END_TEST

START_TEST(test_refuse_overwrite) {
    const char *photo = tmp("foto.png");
    write_text_file(photo, "\x89PNG bu bir fotoğraf");
    Params P;
    Toy W, G;
    toy_build(&P, &W, &G, 3, 4);
    char err[512];
    ck_assert_int_eq(ckpt_save(photo, "oyuncak", NULL, 0, NULL, &P, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "model dosyası değil"));
    FILE *f = fopen(photo, "rb");
    char b[8] = {0};
    ck_assert_int_eq((int)fread(b, 1, 4, f), 4);
    fclose(f);
    ck_assert_int_eq(memcmp(b, "\x89PNG", 4), 0); /* dosya yerinde */
    /* kullanıcının "X.tmp" dosyası ne kullanılır ne silinir */
    const char *m = tmp("m.ckpt"), *mt = tmp("m.ckpt.tmp");
    write_text_file(mt, "kullanıcının notu");
    ck_assert_msg(ckpt_save(m, "oyuncak", NULL, 0, NULL, &P, err, sizeof err) == 0, "%s", err);
    f = fopen(mt, "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(fgets(b, sizeof b, f));
    fclose(f);
    ck_assert_int_eq(memcmp(b, "kullan", 6), 0);
    /* olmayan klasör, klasörün kendisi */
    ck_assert_int_eq(ckpt_save(tmp("yok/m.ckpt"), "oyuncak", NULL, 0, NULL, &P, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "klasörü yok"));
    ck_assert_int_eq(ckpt_save(tmpdir, "oyuncak", NULL, 0, NULL, &P, err, sizeof err), -1);
    params_free(&P);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("ckpt");
    TCase *tc = tcase_create("ckpt");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_params_layout);
    tcase_add_test(tc, test_roundtrip);
    tcase_add_test(tc, test_wrong_shape_and_kind);
    tcase_add_test(tc, test_corrupt_truncated);
    tcase_add_test(tc, test_refuse_overwrite);
    suite_add_tcase(s, tc);
    return s;
}
TEST_MAIN(suite)
