/* test_parity.c — common/nn çekirdeklerini PyTorch'a karşı sınar (eşlik testi, parity).
 *
 * tests/parity/gen.py, PyTorch ile float64 hesapladığı küçük örnekleri (girişler,
 * parametreler, çıkışlar ve HER gradyan) tests/parity/fixtures/ altına yazar (.bin);
 * bu dosyalar depoya işlidir, bu test PyTorch istemez. Burada aynı girişler C
 * kütüphanesine verilir ve ileri geçişin çıkışı ile geri geçişin her gradyanı eleman
 * eleman karşılaştırılır. Gradyan denetimi (sonlu farklar) geri geçişin ileri geçişle
 * tutarlı olduğunu gösterir; ileri geçişin gerçekten ders kitabındaki formül olduğunu
 * ise ancak bağımsız bir uygulamayla karşılaştırmak gösterir.
 *
 * TOLERANS: C float32 hesaplar, PyTorch float64. Her eleman için
 *     |C - PyTorch| <= atol + rtol * |PyTorch|
 * istenir; çekirdeğe göre atol/rtol aşağıdaki TOL_* sabitleridir (toplama uzunluğu
 * arttıkça float32 yuvarlama hatası büyür; Winograd dönüşümleri hatayı biraz daha
 * büyütür). PARITY_VERBOSE=1 ile her karşılaştırmanın en büyük hatası yazdırılır.
 *
 * Biriktirme kuralı gereği (her geri geçiş verilen gradyanlara ekler; bkz.
 * common/README.md) her geri geçişten önce bütün gradyan tamponları sıfırlanır.
 *
 * Dosya biçimi: tests/parity/README.md (okuyucu her boyutu dosya boyuna karşı
 * doğrular; bozuk dosyalar için ayrı testler aşağıda). */
#include <errno.h>
#include <stdint.h>
#include "doaa.h"
#include "model/gpt.h"
#include "nn/act_extra.h"
#include "nn/activation.h"
#include "nn/attention.h"
#include "nn/bahdanau.h"
#include "nn/gru.h"
#include "nn/conv.h"
#include "nn/dense.h"
#include "nn/embed.h"
#include "nn/loss.h"
#include "nn/optim.h"
#include "testutil.h"

#define FIX_DIR "tests/parity/fixtures/"

/* (atol, rtol) çiftleri; ölçülen en büyük hatanın 3-10 katı (PARITY_VERBOSE=1 ile görün).
 * float32'nin bağıl duyarlığı 2^-24 ≈ 6e-8'dir. */
#define TOL_EXACT 1e-7, 1e-6      /* seçme/kopyalama işleri: max pooling, gömme (hata 0) */
#define TOL_ELEM 5e-7, 5e-6       /* eleman eleman işler: aktivasyonlar, kayıplar */
#define TOL_SUM 2e-6, 2e-5        /* kısa toplamlar: yoğun katman, LayerNorm, dikkat */
#define TOL_CONV 1e-5, 5e-5       /* evrişim (toplam uzunluğu C*k*k ve B*OH*OW) */
#define TOL_WINO 5e-5, 1e-4       /* Winograd: dönüşümler yuvarlama hatasını büyütür */
#define TOL_ADAM 5e-7, 5e-6       /* Adam: parametreler, birkaç adım sonra */
#define TOL_SINEMB 1e-5, 2e-5     /* sinüslü gömme: float32 açı a = x·s·ω (~200 rad) yuvarlanır */

/* ------------------------------------------------------------ fikstür okuyucu */

#define FX_MAGIC "DOAAPAR1"
#define FX_MAX_BYTES (1u << 20)  /* 1 MB: fikstürler küçüktür, büyüğü bozuktur */
#define FX_MAX_TENSORS 64
#define FX_MAX_DIM 4

typedef struct {
    char name[64];
    char type;            /* 'f' float32, 'd' float64, 'i' int32 */
    int ndim;
    uint32_t dims[FX_MAX_DIM];
    size_t n;             /* eleman sayısı */
    void *data;           /* float*, double* ya da int32_t* */
} FxTensor;

typedef struct {
    char path[256];
    int count;
    FxTensor t[FX_MAX_TENSORS];
} Fixture;

typedef struct {
    const unsigned char *p;
    size_t left;
} Cursor;

static int take(Cursor *c, void *dst, size_t n) {
    if (n > c->left) return 0;
    memcpy(dst, c->p, n);
    c->p += n;
    c->left -= n;
    return 1;
}

static uint32_t le32(const unsigned char *b) {
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static void fx_free(Fixture *fx) {
    for (int i = 0; i < fx->count; i++) free(fx->t[i].data);
    fx->count = 0;
}

#define FX_FAIL(...)                               \
    do {                                           \
        snprintf(err, errcap, __VA_ARGS__);        \
        free(buf);                                 \
        fx_free(fx);                               \
        return -1;                                 \
    } while (0)

/* path'i okur; 0 döner. Bozuksa -1 döner ve err'e dosyayı ve sorunu adlandıran
 * Türkçe bir ileti yazar. Hiçbir ayırma dosyada gerçekten duran bayttan büyük olamaz. */
static int fx_read(Fixture *fx, const char *path, char *err, size_t errcap) {
    unsigned char *buf = NULL;
    memset(fx, 0, sizeof *fx);
    snprintf(fx->path, sizeof fx->path, "%s", path);
    FILE *f = fopen(path, "rb");
    if (!f) FX_FAIL("%s: açılamadı (%s)", path, strerror(errno));
    long sz = -1;
    if (fseek(f, 0, SEEK_END) == 0) sz = ftell(f);
    if (sz < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        FX_FAIL("%s: boyu okunamadı", path);
    }
    if ((unsigned long)sz > FX_MAX_BYTES) {
        fclose(f);
        FX_FAIL("%s: %ld bayt, fikstür için çok büyük (en çok %u)", path, sz, FX_MAX_BYTES);
    }
    buf = malloc(sz ? (size_t)sz : 1);
    if (!buf) {
        fclose(f);
        FX_FAIL("%s: bellek yok", path);
    }
    size_t got = fread(buf, 1, (size_t)sz, f);
    fclose(f);
    if (got != (size_t)sz) FX_FAIL("%s: okunamadı", path);
    Cursor c = {buf, (size_t)sz};
    unsigned char hdr[12];
    if (!take(&c, hdr, 12) || memcmp(hdr, FX_MAGIC, 8) != 0)
        FX_FAIL("%s: eşlik fikstürü değil (başta \"%s\" yok)", path, FX_MAGIC);
    uint32_t count = le32(hdr + 8);
    if (count < 1 || count > FX_MAX_TENSORS)
        FX_FAIL("%s: tensör sayısı %u, 1..%d olmalı", path, count, FX_MAX_TENSORS);
    for (uint32_t i = 0; i < count; i++) {
        FxTensor *t = &fx->t[i];
        unsigned char len, tk[2];
        if (!take(&c, &len, 1) || len < 1 || len > 63 || !take(&c, t->name, len))
            FX_FAIL("%s: %u. tensörün adı bozuk ya da dosya kesik", path, i + 1);
        t->name[len] = '\0';
        for (int j = 0; j < len; j++) {
            char ch = t->name[j];
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'))
                FX_FAIL("%s: %u. tensörün adında geçersiz karakter", path, i + 1);
        }
        for (uint32_t j = 0; j < i; j++)
            if (strcmp(fx->t[j].name, t->name) == 0)
                FX_FAIL("%s: '%s' tensörü iki kez var", path, t->name);
        if (!take(&c, tk, 2)) FX_FAIL("%s: '%s' tensöründe dosya kesik", path, t->name);
        t->type = (char)tk[0];
        t->ndim = tk[1];
        if (t->type != 'f' && t->type != 'd' && t->type != 'i')
            FX_FAIL("%s: '%s' tensörünün türü '%c' bilinmiyor (f, d, i olmalı)", path, t->name,
                    t->type);
        if (t->ndim > FX_MAX_DIM)
            FX_FAIL("%s: '%s' tensörünün %d boyutu var, en çok %d", path, t->name, t->ndim,
                    FX_MAX_DIM);
        size_t esz = t->type == 'd' ? 8 : 4;
        size_t n = 1;
        for (int d = 0; d < t->ndim; d++) {
            unsigned char b4[4];
            if (!take(&c, b4, 4)) FX_FAIL("%s: '%s' tensöründe dosya kesik", path, t->name);
            t->dims[d] = le32(b4);
            if (t->dims[d] < 1) FX_FAIL("%s: '%s' tensörünün bir boyutu 0", path, t->name);
            /* taşma yok: n <= kalan bayt / esz olduğu sürece çarpılır */
            if (t->dims[d] > c.left / esz / n)
                FX_FAIL("%s: '%s' tensörü %u boyutunu istiyor, dosyada o kadar veri yok", path,
                        t->name, t->dims[d]);
            n *= t->dims[d];
        }
        if (n * esz > c.left)
            FX_FAIL("%s: '%s' tensörünün verisi kesik (%zu bayt gerek, %zu var)", path, t->name,
                    n * esz, c.left);
        t->n = n;
        t->data = malloc(n * esz);
        if (!t->data) FX_FAIL("%s: bellek yok", path);
        fx->count = (int)i + 1;
        const unsigned char *src = c.p;
        for (size_t e = 0; e < n; e++, src += esz) {
            if (t->type == 'd') {
                uint64_t u = (uint64_t)le32(src) | (uint64_t)le32(src + 4) << 32;
                memcpy((double *)t->data + e, &u, 8);
            } else {
                uint32_t u = le32(src);
                memcpy((char *)t->data + e * 4, &u, 4);
            }
        }
        c.p += n * esz;
        c.left -= n * esz;
    }
    if (c.left != 0) FX_FAIL("%s: sonda %zu fazla bayt var", path, c.left);
    free(buf);
    return 0;
}

static Fixture *fx_load(const char *name) {
    static Fixture fx;
    char path[256], err[512];
    snprintf(path, sizeof path, FIX_DIR "%s.bin", name);
    int rc = fx_read(&fx, path, err, sizeof err);
    ck_assert_msg(rc == 0, "%s", err);
    return &fx;
}

static FxTensor *fx_get(Fixture *fx, const char *name, char type, size_t n) {
    for (int i = 0; i < fx->count; i++) {
        FxTensor *t = &fx->t[i];
        if (strcmp(t->name, name) != 0) continue;
        ck_assert_msg(t->type == type, "%s: '%s' türü '%c', beklenen '%c'", fx->path, name,
                      t->type, type);
        ck_assert_msg(t->n == n, "%s: '%s' %zu eleman, bu şekil için %zu olmalı", fx->path, name,
                      t->n, n);
        return t;
    }
    ck_abort_msg("%s: '%s' tensörü yok", fx->path, name);
    return NULL;
}
static float *F32(Fixture *fx, const char *name, size_t n) { return fx_get(fx, name, 'f', n)->data; }
static double *F64(Fixture *fx, const char *name, size_t n) { return fx_get(fx, name, 'd', n)->data; }
static int *I32(Fixture *fx, const char *name, size_t n) { return fx_get(fx, name, 'i', n)->data; }
/* "dims" tensörü: yapılandırma tamsayıları; her biri 1..1000 olmalı (bayraklar 0..1) */
static const int *DIMS(Fixture *fx, size_t n) {
    int *d = I32(fx, "dims", n);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(d[i] >= 0 && d[i] <= 1000, "%s: dims[%zu] = %d makul değil", fx->path, i,
                      d[i]);
    return d;
}

/* ------------------------------------------------------------ karşılaştırma */

/* En kötü elemanın hata/izin oranını döndürür (> 1: tolerans aşıldı); msg'e onu yazar. */
static double worst(const float *got, const double *want, size_t n, double atol, double rtol,
                    char *msg, size_t cap) {
    double wr = 0, werr = 0;
    size_t wi = 0;
    for (size_t i = 0; i < n; i++) {
        double err = fabs((double)got[i] - want[i]);
        double r = isfinite(got[i]) ? err / (atol + rtol * fabs(want[i])) : INFINITY;
        if (r > wr || !(r == r)) {
            wr = r == r ? r : INFINITY;
            wi = i;
            werr = err;
        }
    }
    snprintf(msg, cap, "en kötü eleman [%zu]: C %.9g, PyTorch %.9g, fark %.3g (izin %.3g)", wi,
             n ? got[wi] : 0.0, n ? want[wi] : 0.0, werr, n ? atol + rtol * fabs(want[wi]) : 0.0);
    return wr;
}

static void expect_close(const char *what, const float *got, const double *want, size_t n,
                         double atol, double rtol) {
    char msg[256];
    double r = worst(got, want, n, atol, rtol, msg, sizeof msg);
    if (getenv("PARITY_VERBOSE")) printf("  %-28s oran %.3f  %s\n", what, r, msg);
    ck_assert_msg(r <= 1.0, "%s: PyTorch'tan farklı; %s", what, msg);
}

static void expect_scalar(const char *what, double got, double want, double atol, double rtol) {
    float g = (float)got;
    expect_close(what, &g, &want, 1, atol, rtol);
}

static float *zeros(size_t n) { return xcalloc(n ? n : 1, sizeof(float)); }

/* ------------------------------------------------------------ yoğun katman */

START_TEST(test_dense) {
    Fixture *fx = fx_load("dense");
    const int *d = DIMS(fx, 3);
    int B = d[0], IN = d[1], OUT = d[2];
    float *x = F32(fx, "x", B * IN), *W = F32(fx, "w", IN * OUT), *b = F32(fx, "b", OUT);
    float *dout = F32(fx, "dout", B * OUT);
    float *out = zeros(B * OUT), *dx = zeros(B * IN), *dW = zeros(IN * OUT), *db = zeros(OUT);
    dense_forward(out, x, W, b, B, IN, OUT);
    expect_close("dense/out", out, F64(fx, "out", B * OUT), B * OUT, TOL_SUM);
    dense_backward(dx, dW, db, dout, x, W, B, IN, OUT);
    expect_close("dense/dx", dx, F64(fx, "dx", B * IN), B * IN, TOL_SUM);
    expect_close("dense/dw", dW, F64(fx, "dw", IN * OUT), IN * OUT, TOL_SUM);
    expect_close("dense/db", db, F64(fx, "db", OUT), OUT, TOL_SUM);
    free(out), free(dx), free(dW), free(db);
    fx_free(fx);
}
END_TEST

/* ------------------------------------------------------------ evrişim */

/* Fikstürü üç yoldan geçirir: referans döngüler, hızlı sürüm (varsayılan parçalar) ve
 * hızlı sürüm (her örnek ayrı parça, 2 yuva: parça sınırları ve yuva birleştirme).
 * want_wino: bu şeklin hızlı sürümde Winograd'a gitmesi beklenir mi. */
static void check_conv(const char *name, int want_wino) {
    Fixture *fx = fx_load(name);
    const int *d = DIMS(fx, 8);
    int B = d[0], C = d[1], H = d[2], Wd = d[3], OC = d[4], k = d[5], s = d[6], p = d[7];
    ck_assert_msg(k >= 1 && s >= 1 && H + 2 * p >= k && Wd + 2 * p >= k, "%s: şekil geçersiz",
                  name);
    int OH = conv_out_dim(H, k, s, p), OW = conv_out_dim(Wd, k, s, p);
    size_t ni = (size_t)B * C * H * Wd, nw = (size_t)OC * C * k * k, no = (size_t)B * OC * OH * OW;
    ck_assert_msg(conv2d_uses_winograd(C, k, s) == want_wino,
                  "%s: bu şekil %s yoluna gitmeli", name, want_wino ? "Winograd" : "im2col");
    float *x = F32(fx, "x", ni), *W = F32(fx, "w", nw), *b = F32(fx, "b", OC);
    float *dout = F32(fx, "dout", no);
    double *w_out = F64(fx, "out", no), *w_dx = F64(fx, "dx", ni), *w_dw = F64(fx, "dw", nw),
           *w_db = F64(fx, "db", OC);
    float *out = zeros(no), *dx = zeros(ni), *dW = zeros(nw), *db = zeros(OC);
    char what[96];
    for (int path = 0; path < 3; path++) {
        const char *pname = path == 0 ? "ref" : path == 1 ? "hızlı" : "hızlı-parçalı";
        double tc[2] = {TOL_CONV}, tw[2] = {TOL_WINO};
        double atol = path > 0 && want_wino ? tw[0] : tc[0];
        double rtol = path > 0 && want_wino ? tw[1] : tc[1];
        float *work = NULL;
        if (path == 2) conv2d_set_tuning(1, 2);
        if (path > 0) work = xmalloc(conv2d_work_size(B, C, H, Wd, OC, k, s, p) * sizeof(float));
        memset(out, 0, no * sizeof(float));
        if (path == 0)
            conv2d_forward_ref(out, x, W, b, B, C, H, Wd, OC, k, s, p);
        else
            conv2d_forward(out, x, W, b, B, C, H, Wd, OC, k, s, p, work);
        snprintf(what, sizeof what, "%s/%s/out", name, pname);
        expect_close(what, out, w_out, no, atol, rtol);
        memset(dx, 0, ni * sizeof(float));
        memset(dW, 0, nw * sizeof(float));
        memset(db, 0, OC * sizeof(float));
        if (path == 0)
            conv2d_backward_ref(dx, dW, db, dout, x, W, B, C, H, Wd, OC, k, s, p);
        else
            conv2d_backward(dx, dW, db, dout, x, W, B, C, H, Wd, OC, k, s, p, work);
        snprintf(what, sizeof what, "%s/%s/dx", name, pname);
        expect_close(what, dx, w_dx, ni, atol, rtol);
        snprintf(what, sizeof what, "%s/%s/dw", name, pname);
        expect_close(what, dW, w_dw, nw, atol, rtol);
        snprintf(what, sizeof what, "%s/%s/db", name, pname);
        expect_close(what, db, w_db, OC, atol, rtol);
        free(work);
        conv2d_set_tuning(0, 0);
    }
    free(out), free(dx), free(dW), free(db);
    fx_free(fx);
}

START_TEST(test_conv_stride2_im2col) { check_conv("conv_s2", 0); }
END_TEST
START_TEST(test_conv_k5_im2col) { check_conv("conv_k5", 0); }
END_TEST
START_TEST(test_conv_winograd) { check_conv("conv_wino", 1); }
END_TEST
START_TEST(test_conv_winograd_nopad) { check_conv("conv_wino_p0", 1); }
END_TEST

/* Eğitimin birleşik yolu: max_pool(relu(conv(x))) tek geçişte */
START_TEST(test_conv_relu_pool) {
    Fixture *fx = fx_load("conv_relu_pool");
    const int *d = DIMS(fx, 9);
    int B = d[0], C = d[1], H = d[2], Wd = d[3], OC = d[4], k = d[5], s = d[6], p = d[7],
        pk = d[8];
    ck_assert(!conv2d_uses_winograd(C, k, s));
    int OH = conv_out_dim(H, k, s, p), OW = conv_out_dim(Wd, k, s, p);
    ck_assert(pk >= 1 && OH >= pk && OW >= pk);
    size_t ni = (size_t)B * C * H * Wd, nw = (size_t)OC * C * k * k;
    size_t np = (size_t)B * OC * (OH / pk) * (OW / pk);
    float *x = F32(fx, "x", ni), *W = F32(fx, "w", nw), *b = F32(fx, "b", OC);
    float *dout = F32(fx, "dout", np);
    float *pooled = zeros(np), *dx = zeros(ni), *dW = zeros(nw), *db = zeros(OC);
    float *y = zeros((size_t)B * OC * OH * OW);   /* ara tampon (Winograd yolu kullanır) */
    int *am = xcalloc(np, sizeof(int));
    float *work = xmalloc(conv2d_work_size(B, C, H, Wd, OC, k, s, p) * sizeof(float));
    conv2d_relu_pool_forward(pooled, am, y, x, W, b, B, C, H, Wd, OC, k, s, p, pk, work);
    expect_close("conv_relu_pool/out", pooled, F64(fx, "out", np), np, TOL_CONV);
    conv2d_relu_pool_backward(dx, dW, db, y, dout, am, pooled, x, W, B, C, H, Wd, OC, k, s, p, pk,
                              work);
    expect_close("conv_relu_pool/dx", dx, F64(fx, "dx", ni), ni, TOL_CONV);
    expect_close("conv_relu_pool/dw", dW, F64(fx, "dw", nw), nw, TOL_CONV);
    expect_close("conv_relu_pool/db", db, F64(fx, "db", OC), OC, TOL_CONV);
    free(pooled), free(dx), free(dW), free(db), free(am), free(work), free(y);
    fx_free(fx);
}
END_TEST

/* ------------------------------------------------------------ max pooling */

static void check_pool(const char *name) {
    Fixture *fx = fx_load(name);
    const int *d = DIMS(fx, 5);
    int B = d[0], C = d[1], H = d[2], Wd = d[3], k = d[4];
    ck_assert(k >= 1 && H >= k && Wd >= k);
    size_t ni = (size_t)B * C * H * Wd, no = (size_t)B * C * (H / k) * (Wd / k);
    float *x = F32(fx, "x", ni), *dout = F32(fx, "dout", no);
    float *out = zeros(no), *dx = zeros(ni);
    int *am = xcalloc(no, sizeof(int));
    char what[96];
    maxpool2d_forward(out, am, x, B, C, H, Wd, k);
    snprintf(what, sizeof what, "%s/out", name);
    expect_close(what, out, F64(fx, "out", no), no, TOL_EXACT);
    maxpool2d_backward(dx, dout, am, B, C, H, Wd, k);
    snprintf(what, sizeof what, "%s/dx", name);
    expect_close(what, dx, F64(fx, "dx", ni), ni, TOL_EXACT);
    memset(dx, 0, ni * sizeof(float));
    maxpool2d_relu_forward(out, am, x, B, C, H, Wd, k);
    snprintf(what, sizeof what, "%s/relu_out", name);
    expect_close(what, out, F64(fx, "relu_out", no), no, TOL_EXACT);
    maxpool2d_relu_backward(dx, dout, am, out, B, C, H, Wd, k);
    snprintf(what, sizeof what, "%s/relu_dx", name);
    expect_close(what, dx, F64(fx, "relu_dx", ni), ni, TOL_EXACT);
    free(out), free(dx), free(am);
    fx_free(fx);
}

START_TEST(test_maxpool2) { check_pool("maxpool2"); }
END_TEST
START_TEST(test_maxpool3) { check_pool("maxpool3"); }
END_TEST

/* ------------------------------------------------------------ aktivasyonlar */

START_TEST(test_activations) {
    Fixture *fx = fx_load("activation");
    const int *d = DIMS(fx, 3);
    int N = d[0], B = d[1], K = d[2];
    float tau = (float)F64(fx, "tau", 1)[0];
    float *x = F32(fx, "x", N), *dout = F32(fx, "dout", N);
    float *y = zeros(N), *dx = zeros(N);
    const char *names[3] = {"relu", "sigmoid", "tanh"};
    char key[64];
    for (int a = 0; a < 3; a++) {
        if (a == 0) relu_forward(y, x, N);
        if (a == 1) sigmoid_forward(y, x, N);
        if (a == 2) tanh_forward(y, x, N);
        snprintf(key, sizeof key, "%s_out", names[a]);
        expect_close(key, y, F64(fx, key, N), N, TOL_ELEM);
        memset(dx, 0, N * sizeof(float));
        if (a == 0) relu_backward(dx, dout, y, N);
        if (a == 1) sigmoid_backward(dx, dout, y, N);
        if (a == 2) tanh_backward(dx, dout, y, N);
        snprintf(key, sizeof key, "%s_dx", names[a]);
        expect_close(key, dx, F64(fx, key, N), N, TOL_ELEM);
    }
    size_t nz = (size_t)B * K;
    float *z = F32(fx, "z", nz), *dp = F32(fx, "dp", nz);
    float *p = zeros(nz), *dz = zeros(nz);
    softmax_forward(p, z, B, K);
    expect_close("softmax_out", p, F64(fx, "softmax_out", nz), nz, TOL_ELEM);
    softmax_backward(dz, dp, p, B, K);
    expect_close("softmax_dz", dz, F64(fx, "softmax_dz", nz), nz, TOL_ELEM);
    softmax_temp_forward(p, z, B, K, tau);
    expect_close("softmax_t_out", p, F64(fx, "softmax_t_out", nz), nz, TOL_ELEM);
    memset(dz, 0, nz * sizeof(float));
    softmax_temp_backward(dz, dp, p, B, K, tau);
    expect_close("softmax_t_dz", dz, F64(fx, "softmax_t_dz", nz), nz, TOL_ELEM);
    free(y), free(dx), free(p), free(dz);
    fx_free(fx);
}
END_TEST

/* ------------------------------------------------------------ üretken modellerin çekirdekleri */

START_TEST(test_genact) {
    Fixture *fx = fx_load("genact");
    const int *d = DIMS(fx, 3);
    int N = d[0], B = d[1], E = d[2];
    float *x = F32(fx, "x", N), *dout = F32(fx, "dout", N);
    float *y = zeros(N), *dx = zeros(N);
    leaky_relu_forward(y, x, N, 0.2f);
    expect_close("leaky_out", y, F64(fx, "leaky_out", N), N, TOL_ELEM);
    leaky_relu_backward(dx, dout, y, N, 0.2f);
    expect_close("leaky_dx", dx, F64(fx, "leaky_dx", N), N, TOL_ELEM);
    gelu_forward(y, x, N);
    expect_close("gelu_out", y, F64(fx, "gelu_out", N), N, TOL_ELEM);
    memset(dx, 0, N * sizeof(float));
    gelu_backward(dx, dout, x, N);
    expect_close("gelu_dx", dx, F64(fx, "gelu_dx", N), N, TOL_ELEM);
    const char *tags[2] = {"t", "c"};
    const float scales[2] = {1.0f, 25.0f};
    float *e = zeros((size_t)B * E), *dt = zeros(B);
    char key[64];
    for (int k = 0; k < 2; k++) {
        snprintf(key, sizeof key, "%s_x", tags[k]);
        float *t = F32(fx, key, B);
        snprintf(key, sizeof key, "%s_dout", tags[k]);
        float *de = F32(fx, key, (size_t)B * E);
        sinemb_forward(e, t, B, E, scales[k], E);
        snprintf(key, sizeof key, "%s_out", tags[k]);
        expect_close(key, e, F64(fx, key, (size_t)B * E), (size_t)B * E, TOL_SINEMB);
        memset(dt, 0, B * sizeof(float));
        sinemb_backward(dt, de, t, B, E, scales[k], E);
        snprintf(key, sizeof key, "%s_dx", tags[k]);
        expect_close(key, dt, F64(fx, key, B), B, TOL_SINEMB);
    }
    free(y), free(dx), free(e), free(dt);
    fx_free(fx);
}
END_TEST

/* ------------------------------------------------------------ kayıplar */

START_TEST(test_losses) {
    Fixture *fx = fx_load("loss");
    const int *d = DIMS(fx, 3);
    int B = d[0], K = d[1], N = d[2];
    size_t nz = (size_t)B * K;
    float *z = F32(fx, "logits", nz);
    int *y = I32(fx, "labels", B);
    for (int b = 0; b < B; b++) ck_assert(y[b] >= 0 && y[b] < K);
    float *p = zeros(nz), *dz = zeros(nz);
    double L = softmax_xent_forward(p, z, y, B, K);
    expect_scalar("xent/kayıp", L, F64(fx, "xent_loss", 1)[0], TOL_ELEM);
    expect_close("xent/probs", p, F64(fx, "xent_probs", nz), nz, TOL_ELEM);
    softmax_xent_backward(dz, p, y, B, K);
    expect_close("xent/dz", dz, F64(fx, "xent_dz", nz), nz, TOL_ELEM);

    float *pp = F32(fx, "p", N), *t = F32(fx, "t", N), *zz = F32(fx, "z", N);
    float *g = zeros(N);
    expect_scalar("bce/kayıp", bce_forward(pp, t, N), F64(fx, "bce_loss", 1)[0], TOL_ELEM);
    bce_backward(g, pp, t, N);
    expect_close("bce/dp", g, F64(fx, "bce_dp", N), N, TOL_ELEM);
    memset(g, 0, N * sizeof(float));
    expect_scalar("bce_logits/kayıp", bce_logits_forward(zz, t, N), F64(fx, "bcel_loss", 1)[0],
                  TOL_ELEM);
    bce_logits_backward(g, zz, t, N);
    expect_close("bce_logits/dz", g, F64(fx, "bcel_dz", N), N, TOL_ELEM);
    free(p), free(dz), free(g);
    fx_free(fx);
}
END_TEST

/* ------------------------------------------------------------ LayerNorm, gömme */

START_TEST(test_layernorm) {
    Fixture *fx = fx_load("layernorm");
    const int *d = DIMS(fx, 3);
    int B = d[0], T = d[1], C = d[2];
    size_t n = (size_t)B * T * C;
    float *x = F32(fx, "x", n), *g = F32(fx, "gamma", C), *be = F32(fx, "beta", C);
    float *dout = F32(fx, "dout", n);
    float *y = zeros(n), *mean = zeros(B * T), *rstd = zeros(B * T);
    float *dx = zeros(n), *dg = zeros(C), *db = zeros(C);
    layernorm_forward(y, mean, rstd, x, g, be, B, T, C);
    expect_close("layernorm/out", y, F64(fx, "out", n), n, TOL_SUM);
    layernorm_backward(dx, dg, db, dout, x, g, mean, rstd, B, T, C);
    expect_close("layernorm/dx", dx, F64(fx, "dx", n), n, TOL_SUM);
    expect_close("layernorm/dgamma", dg, F64(fx, "dgamma", C), C, TOL_SUM);
    expect_close("layernorm/dbeta", db, F64(fx, "dbeta", C), C, TOL_SUM);
    free(y), free(mean), free(rstd), free(dx), free(dg), free(db);
    fx_free(fx);
}
END_TEST

START_TEST(test_embedding) {
    Fixture *fx = fx_load("embedding");
    const int *d = DIMS(fx, 4);
    int B = d[0], T = d[1], V = d[2], C = d[3];
    int *ids = I32(fx, "ids", B * T);
    for (int i = 0; i < B * T; i++) ck_assert(ids[i] >= 0 && ids[i] < V);
    float *table = F32(fx, "table", V * C), *dout = F32(fx, "dout", B * T * C);
    float *out = zeros(B * T * C), *dt = zeros(V * C);
    embedding_forward(out, ids, table, B, T, V, C);
    expect_close("embedding/out", out, F64(fx, "out", B * T * C), B * T * C, TOL_EXACT);
    embedding_backward(dt, dout, ids, B, T, V, C);
    expect_close("embedding/dtable", dt, F64(fx, "dtable", V * C), V * C, TOL_ELEM);
    free(out), free(dt);
    fx_free(fx);
}
END_TEST

/* ------------------------------------------------------------ dikkat */

static void check_sdpa(const char *name) {
    Fixture *fx = fx_load(name);
    const int *d = DIMS(fx, 8);
    int B = d[0], Tq = d[1], Tk = d[2], HS = d[3], DV = d[4], causal = d[5], haspad = d[6],
        scaled = d[7];
    ck_assert(!causal || Tq == Tk);
    size_t nq = (size_t)B * Tq * HS, nk = (size_t)B * Tk * HS, nv = (size_t)B * Tk * DV,
           no = (size_t)B * Tq * DV;
    float *q = F32(fx, "q", nq), *k = F32(fx, "k", nk), *v = F32(fx, "v", nv);
    float *dout = F32(fx, "dout", no);
    unsigned char *mask = NULL, *kpad = NULL;
    if (causal) {
        mask = xmalloc((size_t)Tq * Tk);
        causal_mask(mask, Tq);
    }
    if (haspad) {
        int *len = I32(fx, "lengths", B);
        for (int b = 0; b < B; b++) ck_assert(len[b] >= 1 && len[b] <= Tk);
        kpad = xmalloc((size_t)B * Tk);
        padding_mask(kpad, len, B, Tk);
    }
    float *out = zeros(no), *att = zeros((size_t)B * Tq * Tk);
    float *dq = zeros(nq), *dk = zeros(nk), *dv = zeros(nv);
    float *work = zeros(sdpa_work_size(Tq, Tk));
    char what[96];
    sdpa_forward(out, att, q, k, v, B, Tq, Tk, HS, DV, mask, kpad, scaled);
    snprintf(what, sizeof what, "%s/out", name);
    expect_close(what, out, F64(fx, "out", no), no, TOL_SUM);
    sdpa_backward(dq, dk, dv, dout, att, q, k, v, B, Tq, Tk, HS, DV, scaled, work);
    snprintf(what, sizeof what, "%s/dq", name);
    expect_close(what, dq, F64(fx, "dq", nq), nq, TOL_SUM);
    snprintf(what, sizeof what, "%s/dk", name);
    expect_close(what, dk, F64(fx, "dk", nk), nk, TOL_SUM);
    snprintf(what, sizeof what, "%s/dv", name);
    expect_close(what, dv, F64(fx, "dv", nv), nv, TOL_SUM);
    free(mask), free(kpad), free(out), free(att), free(dq), free(dk), free(dv), free(work);
    fx_free(fx);
}

START_TEST(test_sdpa_causal) { check_sdpa("sdpa_causal"); }
END_TEST
START_TEST(test_sdpa_padding) { check_sdpa("sdpa_pad"); }
END_TEST
START_TEST(test_sdpa_causal_padding_unscaled) { check_sdpa("sdpa_causal_pad"); }
END_TEST

/* ------------------------------------------------------------ GRU (nn.GRU) */

/* T adımlık GRU, sıfır olmayan h0: çıktılar ve bütün gradyanlar PyTorch nn.GRU'ya karşı.
 * Kapı sırası (r, z, n) ya da r'nin b_hn'yi de çarpması yanlış olsaydı ileri geçiş
 * tutmazdı; sonlu fark testi (test_gru.c) bunu göremez. */
START_TEST(test_gru) {
    Fixture *fx = fx_load("gru");
    const int *d = DIMS(fx, 4);
    int T = d[0], B = d[1], I = d[2], H = d[3];
    size_t nx = (size_t)T * B * I, nh = (size_t)T * B * H, H3 = (size_t)3 * H;
    float *x = F32(fx, "x", nx), *h0 = F32(fx, "h0", (size_t)B * H), *dout = F32(fx, "dout", nh);
    GruW W = {F32(fx, "wih", H3 * I), F32(fx, "whh", H3 * H), F32(fx, "bih", H3),
              F32(fx, "bhh", H3)};
    GruW G = {zeros(H3 * I), zeros(H3 * H), zeros(H3), zeros(H3)};
    float *hs = zeros(nh), *cache = zeros((size_t)T * GRU_CACHE(B, H)), *ws = zeros(GRU_WS(B, H));
    float *dx = zeros(nx), *dh0 = zeros((size_t)B * H);
    gru_forward(hs, cache, x, h0, &W, T, B, I, H, ws);
    expect_close("gru/out", hs, F64(fx, "out", nh), nh, TOL_SUM);
    gru_backward(dx, dh0, &G, dout, x, h0, hs, cache, &W, T, B, I, H, ws);
    expect_close("gru/dx", dx, F64(fx, "dx", nx), nx, TOL_SUM);
    expect_close("gru/dh0", dh0, F64(fx, "dh0", (size_t)B * H), (size_t)B * H, TOL_SUM);
    expect_close("gru/dwih", G.wih, F64(fx, "dwih", H3 * I), H3 * I, TOL_SUM);
    expect_close("gru/dwhh", G.whh, F64(fx, "dwhh", H3 * H), H3 * H, TOL_SUM);
    expect_close("gru/dbih", G.bih, F64(fx, "dbih", H3), H3, TOL_SUM);
    expect_close("gru/dbhh", G.bhh, F64(fx, "dbhh", H3), H3, TOL_SUM);
    /* Karşılaştırma kapı sırasını ayırt ediyor: r ve z satırlarını değiştirmek (Keras'ın
     * z, r, n sırası) çıktıyı toleransın çok dışına iter */
    float *sw = xmalloc(H3 * I * sizeof(float));
    memcpy(sw, W.wih + (size_t)H * I, (size_t)H * I * sizeof(float));
    memcpy(sw + (size_t)H * I, W.wih, (size_t)H * I * sizeof(float));
    memcpy(sw + (size_t)2 * H * I, W.wih + (size_t)2 * H * I, (size_t)H * I * sizeof(float));
    GruW Ws = W;
    Ws.wih = sw;
    gru_forward(hs, cache, x, h0, &Ws, T, B, I, H, ws);
    char msg[256];
    ck_assert_msg(worst(hs, F64(fx, "out", nh), nh, TOL_SUM, msg, sizeof msg) > 10,
                  "kapı sırası değişti ama çıktı PyTorch'a yakın kaldı: %s", msg);
    free(sw);
    free(G.wih), free(G.whh), free(G.bih), free(G.bhh);
    free(hs), free(cache), free(ws), free(dx), free(dh0);
    fx_free(fx);
}
END_TEST

/* ------------------------------------------------------------ Bahdanau dikkati */

START_TEST(test_bahdanau) {
    Fixture *fx = fx_load("bahdanau");
    const int *d = DIMS(fx, 5);
    int S = d[0], B = d[1], H = d[2], HE = d[3], A = d[4];
    int *len = I32(fx, "lengths", B);
    for (int b = 0; b < B; b++) ck_assert(len[b] >= 1 && len[b] <= S);
    size_t ne = (size_t)S * B * HE;
    float *q = F32(fx, "q", (size_t)B * H), *enc = F32(fx, "enc", ne);
    float *dout = F32(fx, "dout", (size_t)B * HE);
    BahdanauW W = {F32(fx, "wa", (size_t)A * H), F32(fx, "ua", (size_t)A * HE), F32(fx, "ba", A),
                   F32(fx, "v", A)};
    BahdanauW G = {zeros((size_t)A * H), zeros((size_t)A * HE), zeros(A), zeros(A)};
    float *keys = zeros((size_t)S * B * A), *dkeys = zeros((size_t)S * B * A);
    float *ctx = zeros((size_t)B * HE), *alpha = zeros((size_t)B * S);
    float *u = zeros((size_t)B * S * A), *dq = zeros((size_t)B * H), *denc = zeros(ne);
    bahdanau_keys(keys, enc, &W, S, B, HE, A);
    bahdanau_forward(ctx, alpha, u, q, keys, enc, len, &W, S, B, H, HE, A);
    expect_close("bahdanau/out", ctx, F64(fx, "out", (size_t)B * HE), (size_t)B * HE, TOL_SUM);
    expect_close("bahdanau/alpha", alpha, F64(fx, "alpha", (size_t)B * S), (size_t)B * S, TOL_SUM);
    bahdanau_backward(dq, dkeys, denc, &G, dout, alpha, u, q, enc, len, &W, S, B, H, HE, A);
    bahdanau_keys_backward(denc, &G, dkeys, enc, &W, S, B, HE, A);
    expect_close("bahdanau/dq", dq, F64(fx, "dq", (size_t)B * H), (size_t)B * H, TOL_SUM);
    expect_close("bahdanau/denc", denc, F64(fx, "denc", ne), ne, TOL_SUM);
    expect_close("bahdanau/dwa", G.wa, F64(fx, "dwa", (size_t)A * H), (size_t)A * H, TOL_SUM);
    expect_close("bahdanau/dua", G.ua, F64(fx, "dua", (size_t)A * HE), (size_t)A * HE, TOL_SUM);
    expect_close("bahdanau/dba", G.ba, F64(fx, "dba", A), A, TOL_SUM);
    expect_close("bahdanau/dv", G.v, F64(fx, "dv", A), A, TOL_SUM);
    free(G.wa), free(G.ua), free(G.ba), free(G.v), free(keys), free(dkeys), free(ctx);
    free(alpha), free(u), free(dq), free(denc);
    fx_free(fx);
}
END_TEST

static const char *MHA_KEYS[8] = {"wq", "bq", "wk", "bk", "wv", "bv", "wo", "bo"};

static void check_mha(const char *name) {
    Fixture *fx = fx_load(name);
    const int *d = DIMS(fx, 9);
    int B = d[0], Tq = d[1], Tk = d[2], C = d[3], CKV = d[4], NH = d[5], causal = d[6],
        haspad = d[7], self = d[8];
    ck_assert(NH >= 1 && C % NH == 0);
    ck_assert(!self || (Tq == Tk && C == CKV));
    ck_assert(!causal || Tq == Tk);
    size_t nxq = (size_t)B * Tq * C, nxkv = (size_t)B * Tk * CKV;
    float *xq = F32(fx, "xq", nxq);
    float *xkv = self ? xq : F32(fx, "xkv", nxkv);
    float *dout = F32(fx, "dout", nxq);
    size_t np = mha_param_count(C, CKV);
    float *par = zeros(np), *grad = zeros(np);
    MhaParams P, G;
    mha_params_point(&P, par, C, CKV);
    mha_params_point(&G, grad, C, CKV);
    float **pp[8] = {&P.wq, &P.bq, &P.wk, &P.bk, &P.wv, &P.bv, &P.wo, &P.bo};
    float **gp[8] = {&G.wq, &G.bq, &G.wk, &G.bk, &G.wv, &G.bv, &G.wo, &G.bo};
    size_t sz[8] = {(size_t)C * C, C, (size_t)CKV * C, C, (size_t)CKV * C, C, (size_t)C * C, C};
    for (int i = 0; i < 8; i++) memcpy(*pp[i], F32(fx, MHA_KEYS[i], sz[i]), sz[i] * sizeof(float));
    unsigned char *mask = NULL, *kpad = NULL;
    if (causal) {
        mask = xmalloc((size_t)Tq * Tk);
        causal_mask(mask, Tq);
    }
    if (haspad) {
        int *len = I32(fx, "lengths", B);
        for (int b = 0; b < B; b++) ck_assert(len[b] >= 1 && len[b] <= Tk);
        kpad = xmalloc((size_t)B * Tk);
        padding_mask(kpad, len, B, Tk);
    }
    MhaActs a;
    mha_acts_alloc(&a, C, CKV, NH, B, Tq, Tk);
    float *out = zeros(nxq), *dxq = zeros(nxq), *dxkv = self ? dxq : zeros(nxkv);
    char what[96];
    mha_forward(out, &a, &P, xq, xkv, B, Tq, Tk, mask, kpad);
    snprintf(what, sizeof what, "%s/out", name);
    expect_close(what, out, F64(fx, "out", nxq), nxq, TOL_SUM);
    mha_backward(dxq, dxkv, &G, dout, &a, &P, xq, xkv);
    snprintf(what, sizeof what, "%s/dxq", name);
    expect_close(what, dxq, F64(fx, "dxq", nxq), nxq, TOL_SUM);
    if (!self) {
        snprintf(what, sizeof what, "%s/dxkv", name);
        expect_close(what, dxkv, F64(fx, "dxkv", nxkv), nxkv, TOL_SUM);
    }
    for (int i = 0; i < 8; i++) {
        char key[8];
        snprintf(key, sizeof key, "d%s", MHA_KEYS[i]);
        snprintf(what, sizeof what, "%s/%s", name, key);
        expect_close(what, *gp[i], F64(fx, key, sz[i]), sz[i], TOL_SUM);
    }
    mha_acts_free(&a);
    free(par), free(grad), free(mask), free(kpad), free(out), free(dxq);
    if (!self) free(dxkv);
    fx_free(fx);
}

START_TEST(test_mha_self_causal_padding) { check_mha("mha_self"); }
END_TEST
START_TEST(test_mha_cross_padding) { check_mha("mha_cross"); }
END_TEST

/* ------------------------------------------------------------ Adam */

START_TEST(test_adam) {
    Fixture *fx = fx_load("adam");
    const int *d = DIMS(fx, 2);
    int N = d[0], S = d[1];
    float lr = (float)F64(fx, "lr", 1)[0];
    float *theta = xmalloc(N * sizeof(float));
    memcpy(theta, F32(fx, "theta0", N), N * sizeof(float));
    float *grads = F32(fx, "grads", (size_t)S * N);
    double *want = F64(fx, "theta", (size_t)S * N);
    Adam opt;
    adam_init(&opt, N, lr);
    char what[64];
    for (int t = 0; t < S; t++) {
        adam_step(&opt, theta, grads + (size_t)t * N);
        snprintf(what, sizeof what, "adam/adım %d", t + 1);
        expect_close(what, theta, want + (size_t)t * N, N, TOL_ADAM);
    }
    adam_free(&opt);
    free(theta);
    fx_free(fx);
}
END_TEST

/* ------------------------------------------------------------ testin kendisi */

/* Karşılaştırma gerçekten yakalar mı: doğru C sonucundan küçük bir sapma
 * (toleransın birkaç katı) hata sayılmalı. */
START_TEST(test_compare_detects_perturbation) {
    Fixture *fx = fx_load("dense");
    const int *d = DIMS(fx, 3);
    int B = d[0], IN = d[1], OUT = d[2];
    float *out = zeros(B * OUT);
    dense_forward(out, F32(fx, "x", B * IN), F32(fx, "w", IN * OUT), F32(fx, "b", OUT), B, IN,
                  OUT);
    double *want = F64(fx, "out", B * OUT);
    char msg[256];
    ck_assert(worst(out, want, B * OUT, TOL_SUM, msg, sizeof msg) <= 1.0);
    out[B * OUT / 2] += 1e-3f;
    ck_assert_msg(worst(out, want, B * OUT, TOL_SUM, msg, sizeof msg) > 1.0,
                  "1e-3'lük sapma yakalanmadı");
    out[B * OUT / 2] = NAN;
    ck_assert(worst(out, want, B * OUT, TOL_SUM, msg, sizeof msg) > 1.0);
    free(out);
    fx_free(fx);
}
END_TEST

/* Bozuk fikstürler: okuyucu reddetmeli, dosyayı ve sorunu söylemeli, çökmemeli. */
static void put32(unsigned char *b, uint32_t v) {
    b[0] = v & 255, b[1] = v >> 8 & 255, b[2] = v >> 16 & 255, b[3] = v >> 24;
}

static void expect_reject(const char *tag, const unsigned char *bytes, size_t n, const char *has) {
    char path[128], err[512];
    mkdir("tests/out", 0755);
    snprintf(path, sizeof path, "tests/out/parity_%s.bin", tag);
    FILE *f = fopen(path, "wb");
    ck_assert(f != NULL);
    fwrite(bytes, 1, n, f);
    fclose(f);
    Fixture fx;
    int rc = fx_read(&fx, path, err, sizeof err);
    ck_assert_msg(rc == -1, "%s: bozuk dosya kabul edildi", tag);
    ck_assert_msg(strstr(err, path) != NULL, "%s: ileti dosyayı söylemiyor: %s", tag, err);
    ck_assert_msg(strstr(err, has) != NULL, "%s: ileti '%s' demiyor: %s", tag, has, err);
}

START_TEST(test_reader_rejects_bad_files) {
    /* geçerli bir dosya: tek tensör "a", float32, (2,3) */
    unsigned char ok[64];
    size_t n = 0;
    memcpy(ok, FX_MAGIC, 8), n = 8;
    put32(ok + n, 1), n += 4;
    ok[n++] = 1, ok[n++] = 'a', ok[n++] = 'f', ok[n++] = 2;
    put32(ok + n, 2), n += 4;
    put32(ok + n, 3), n += 4;
    size_t data_at = n;
    for (int i = 0; i < 6; i++) {
        float v = (float)i;
        memcpy(ok + n, &v, 4), n += 4;
    }
    char path[] = "tests/out/parity_ok.bin", err[512];
    mkdir("tests/out", 0755);
    FILE *f = fopen(path, "wb");
    ck_assert(f != NULL);
    fwrite(ok, 1, n, f);
    fclose(f);
    Fixture fx;
    ck_assert_msg(fx_read(&fx, path, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(fx.count, 1);
    ck_assert_float_eq(((float *)fx.t[0].data)[5], 5.0f);
    fx_free(&fx);

    unsigned char bad[64];
    memcpy(bad, ok, n), bad[0] = 'X';
    expect_reject("sihir", bad, n, "fikstürü değil");
    expect_reject("kesik", ok, n - 3, "veri");
    expect_reject("bos", ok, 0, "fikstürü değil");
    memcpy(bad, ok, n), put32(bad + data_at - 4, 0x40000000u);  /* 2 x 2^30 eleman */
    expect_reject("dev_boyut", bad, n, "veri yok");
    memcpy(bad, ok, n), put32(bad + data_at - 4, 0);
    expect_reject("sifir_boyut", bad, n, "boyutu 0");
    memcpy(bad, ok, n), put32(bad + 8, 100000);
    expect_reject("cok_tensor", bad, n, "tensör sayısı");
    memcpy(bad, ok, n), bad[14] = 'q';
    expect_reject("tur", bad, n, "bilinmiyor");
    memcpy(bad, ok, n), bad[15] = 9;
    expect_reject("boyut_sayisi", bad, n, "boyutu var");
    memcpy(bad, ok, n), bad[12] = 0;
    expect_reject("ad", bad, n, "adı bozuk");
    memcpy(bad, ok, n), bad[n] = 7;
    expect_reject("fazla", bad, n + 1, "fazla bayt");
    ck_assert(fx_read(&fx, "tests/out/parity_yok.bin", err, sizeof err) == -1);
    ck_assert(strstr(err, "açılamadı") != NULL);
}
END_TEST

/* ------------------------------------------------------------ VAE (lesson13) */

START_TEST(test_latent_kernels) {
    Fixture *fx = fx_load("latent");
    const int *d = DIMS(fx, 3);
    int B = d[0], D = d[1], J = d[2];
    size_t nD = (size_t)B * D, nJ = (size_t)B * J;
    float *z = F32(fx, "z", nD), *x = F32(fx, "x", nD), *mu = F32(fx, "mu", nJ);
    float *lv = F32(fx, "logvar", nJ), *eps = F32(fx, "eps", nJ), *dout = F32(fx, "dout", nJ);
    float *per = zeros(B), *g = zeros(nD), *gm = zeros(nJ), *gl = zeros(nJ), *zz = zeros(nJ);
    double rec = bce_logits_sum_forward(per, z, x, B, D);
    expect_scalar("latent/bce_toplamı", rec, F64(fx, "rec", 1)[0], TOL_SUM);
    expect_close("latent/bce_görüntü_başına", per, F64(fx, "rec_per", B), B, TOL_SUM);
    bce_logits_sum_backward(g, z, x, B, D, 1.0f / B);
    expect_close("latent/bce_dz", g, F64(fx, "rec_dz", nD), nD, TOL_ELEM);
    double kl = gauss_kl_forward(per, mu, lv, B, J);
    expect_scalar("latent/kl", kl, F64(fx, "kl", 1)[0], TOL_SUM);
    expect_close("latent/kl_görüntü_başına", per, F64(fx, "kl_per", B), B, TOL_SUM);
    gauss_kl_backward(gm, gl, mu, lv, nJ, 1.0f / B);
    expect_close("latent/kl_dmu", gm, F64(fx, "kl_dmu", nJ), nJ, TOL_ELEM);
    expect_close("latent/kl_dlogvar", gl, F64(fx, "kl_dlogvar", nJ), nJ, TOL_ELEM);
    memset(gm, 0, nJ * sizeof(float));
    memset(gl, 0, nJ * sizeof(float));
    reparam_forward(zz, mu, lv, eps, nJ);
    expect_close("latent/reparam_z", zz, F64(fx, "rp_z", nJ), nJ, TOL_ELEM);
    reparam_backward(gm, gl, dout, lv, eps, nJ);
    expect_close("latent/reparam_dmu", gm, F64(fx, "rp_dmu", nJ), nJ, TOL_ELEM);
    expect_close("latent/reparam_dlogvar", gl, F64(fx, "rp_dlogvar", nJ), nJ, TOL_ELEM);
    free(per), free(g), free(gm), free(gl), free(zz);
    fx_free(fx);
}
END_TEST

/* Bütün VAE (model/vae): PyTorch'un ağırlıkları ve ε'u ile ileri geçiş ve her gradyan. */
START_TEST(test_vae_model) {
    Fixture *fx = fx_load("vae");
    const int *d = DIMS(fx, 4);
    int D = d[0], H = d[1], J = d[2], B = d[3];
    Vae m;
    vae_build(&m, D, H, J, 1, B);
    /* Params tablosundaki "fc21.weight" fikstürde "fc21_w" (gradyanı "dfc21_w") */
    char keys[PARAMS_MAX][36];
    for (int t = 0; t < m.P.count; t++) {
        const char *tn = m.P.t[t].name, *dot = strchr(tn, '.');
        ck_assert_ptr_nonnull(dot);
        snprintf(keys[t], sizeof keys[t], "%.*s_%c", (int)(dot - tn), tn, dot[1]);
        size_t n = m.P.t[t].n;
        memcpy(m.P.params + m.P.t[t].off, F32(fx, keys[t], n), n * sizeof(float));
    }
    float *x = F32(fx, "x", (size_t)B * D), *eps = F32(fx, "eps", (size_t)B * J);
    double L = vae_forward(&m, x, B, eps);
    expect_scalar("vae/kayıp", L, F64(fx, "loss", 1)[0], TOL_SUM);
    expect_scalar("vae/yeniden", m.last_rec, F64(fx, "rec", 1)[0], TOL_SUM);
    expect_scalar("vae/kl", m.last_kl, F64(fx, "kl", 1)[0], TOL_SUM);
    ck_assert(m.last_kl > 0.05); /* KL terimi gerçekten sınanıyor */
    expect_close("vae/mu", m.mu, F64(fx, "mu", (size_t)B * J), (size_t)B * J, TOL_SUM);
    expect_close("vae/logvar", m.logvar, F64(fx, "logvar", (size_t)B * J), (size_t)B * J, TOL_SUM);
    expect_close("vae/logits", m.logits, F64(fx, "logits", (size_t)B * D), (size_t)B * D, TOL_SUM);
    params_zero_grad(&m.P);
    vae_backward(&m, x, B);
    for (int t = 0; t < m.P.count; t++) {
        char key[40], what[48];
        snprintf(key, sizeof key, "d%.30s", keys[t]);
        snprintf(what, sizeof what, "vae/%s", key);
        size_t n = m.P.t[t].n;
        expect_close(what, m.P.grads + m.P.t[t].off, F64(fx, key, n), n, TOL_SUM);
    }
    vae_free(&m);
    fx_free(fx);
}
END_TEST

/* ------------------------------------------------------------ GPT (ders 16) */

/* Bütün küçük GPT (model/gpt.h): 2 blok, bağlı çıkış, çapraz entropi. Parametreler Params
 * tablosunun adlarıyla (ör. "h0.attn" fikstürde "h0_attn", gradyanı "dh0_attn") doldurulur;
 * ileri geçişin ara çıktıları (blok çıkışları x1, x2), skorlar, kayıp ve HER parametre
 * gradyanı (E'nin girişten ve çıkıştan gelen iki payı dahil) PyTorch'unkilerle karşılaştırılır.
 * Sonra yığındaki ilk iki örnek yer değiştirip bir kez daha: sonuç satırlara göre değişmemeli
 * (yalnız yığın indisleri yanlış olan bir çekirdeği de yakalar). */
START_TEST(test_gpt_model) {
    Fixture *fx = fx_load("gpt");
    const int *d = DIMS(fx, 7);
    int B = d[0], T = d[1], V = d[2], C = d[3], NH = d[4], FF = d[5], NL = d[6];
    ck_assert_int_le(NL, GPT_MAXL);
    GptConfig cfg = {.V = V, .C = C, .NH = NH, .FF = FF, .NL = NL, .T = T};
    Gpt m;
    gpt_build(&m, &cfg, B, 1);
    char keys[PARAMS_MAX][40];
    for (int t = 0; t < m.P.count; t++) {
        snprintf(keys[t], sizeof keys[t], "%.38s", m.P.t[t].name);
        for (char *c = keys[t]; *c; c++)
            if (*c == '.') *c = '_';
        size_t n = m.P.t[t].n;
        memcpy(m.P.params + m.P.t[t].off, F32(fx, keys[t], n), n * sizeof(float));
    }
    const int *ids = I32(fx, "ids", (size_t)B * T), *tgt = I32(fx, "targets", (size_t)B * T);
    for (int i = 0; i < B * T; i++) ck_assert(ids[i] >= 0 && ids[i] < V && tgt[i] >= 0 && tgt[i] < V);
    size_t btc = (size_t)B * T * C, btv = (size_t)B * T * V;
    gpt_forward(&m, ids, B, T);
    for (int l = 1; l <= NL; l++) {
        char key[8], what[24];
        snprintf(key, sizeof key, "x%d", l);
        snprintf(what, sizeof what, "gpt/blok%d_çıkışı", l);
        expect_close(what, m.x[l], F64(fx, key, btc), btc, TOL_SUM);
    }
    expect_close("gpt/logits", m.logits, F64(fx, "logits", btv), btv, TOL_SUM);
    double L = gpt_loss(&m, tgt, 0);
    expect_scalar("gpt/kayıp", L, F64(fx, "loss", 1)[0], TOL_SUM);
    params_zero_grad(&m.P);
    gpt_backward(&m);
    for (int t = 0; t < m.P.count; t++) {
        char key[44], what[52];
        snprintf(key, sizeof key, "d%.38s", keys[t]);
        snprintf(what, sizeof what, "gpt/%s", key);
        size_t n = m.P.t[t].n;
        expect_close(what, m.P.grads + m.P.t[t].off, F64(fx, key, n), n, TOL_SUM);
    }
    /* yığın sırası önemsiz: örnekler yer değiştirince kayıp ve gradyanlar aynı */
    int *ids2 = xmalloc(sizeof(int) * (size_t)B * T), *tgt2 = xmalloc(sizeof(int) * (size_t)B * T);
    for (int b = 0; b < B; b++) {
        int src = b < 2 ? (B > 1 ? 1 - b : b) : b;
        memcpy(ids2 + (size_t)b * T, ids + (size_t)src * T, sizeof(int) * (size_t)T);
        memcpy(tgt2 + (size_t)b * T, tgt + (size_t)src * T, sizeof(int) * (size_t)T);
    }
    gpt_forward(&m, ids2, B, T);
    expect_scalar("gpt/kayıp (yer değişmiş yığın)", gpt_loss(&m, tgt2, 0), F64(fx, "loss", 1)[0], TOL_SUM);
    params_zero_grad(&m.P);
    gpt_backward(&m);
    expect_close("gpt/dwte (yer değişmiş yığın)", m.G.wte, F64(fx, "dwte", (size_t)V * C), (size_t)V * C,
                 TOL_SUM);
    free(ids2), free(tgt2);
    gpt_free(&m);
    fx_free(fx);
}
END_TEST

static Suite *parity_suite(void) {
    Suite *s = suite_create("parity");
    TCase *tc = tcase_create("pytorch");
    tcase_add_test(tc, test_dense);
    tcase_add_test(tc, test_gru);
    tcase_add_test(tc, test_bahdanau);
    tcase_add_test(tc, test_conv_stride2_im2col);
    tcase_add_test(tc, test_conv_k5_im2col);
    tcase_add_test(tc, test_conv_winograd);
    tcase_add_test(tc, test_conv_winograd_nopad);
    tcase_add_test(tc, test_conv_relu_pool);
    tcase_add_test(tc, test_maxpool2);
    tcase_add_test(tc, test_maxpool3);
    tcase_add_test(tc, test_activations);
    tcase_add_test(tc, test_genact);
    tcase_add_test(tc, test_losses);
    tcase_add_test(tc, test_layernorm);
    tcase_add_test(tc, test_embedding);
    tcase_add_test(tc, test_sdpa_causal);
    tcase_add_test(tc, test_sdpa_padding);
    tcase_add_test(tc, test_sdpa_causal_padding_unscaled);
    tcase_add_test(tc, test_mha_self_causal_padding);
    tcase_add_test(tc, test_mha_cross_padding);
    tcase_add_test(tc, test_adam);
    tcase_add_test(tc, test_latent_kernels);
    tcase_add_test(tc, test_vae_model);
    tcase_add_test(tc, test_gpt_model);
    tcase_add_test(tc, test_compare_detects_perturbation);
    tcase_add_test(tc, test_reader_rejects_bad_files);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(parity_suite)
