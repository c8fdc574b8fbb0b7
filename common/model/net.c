/* net.c — sıralı ağ, tek bloklu parametreler, kaydetme/yükleme (bkz. net.h). */
#include "model/net.h"
#include "model/ckpt.h"
#include <math.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include "model/layers.h"
#include "nn/conv.h"
#include "nn/dropout.h"
#include "core/util.h"

static const char *kind_name(int k) {
    const LayerOps *ops = layer_ops(k);
    return ops ? ops->name : "?";
}

void net_init(Net *net, int C, int H, int W) {
    memset(net, 0, sizeof *net);
    net->in_c = C;
    net->in_h = H;
    net->in_w = W;
}

size_t layer_out_size(const Layer *l) { return (size_t)l->out_c * l->out_h * l->out_w; }
size_t layer_in_size(const Layer *l) { return (size_t)l->in_c * l->in_h * l->in_w; }
size_t net_in_size(const Net *n) { return (size_t)n->in_c * n->in_h * n->in_w; }
size_t net_out_size(const Net *n) {
    return n->n ? layer_out_size(&n->L[n->n - 1]) : net_in_size(n);
}

int net_add(Net *net, int kind, int a, int b, int c, int d, float p, char *err, size_t errlen) {
    if (net->n >= NET_MAX_LAYERS) {
        snprintf(err, errlen, "en çok %d katman olabilir", NET_MAX_LAYERS);
        return -1;
    }
    Layer *l = &net->L[net->n];
    memset(l, 0, sizeof *l);
    l->kind = kind;
    l->a = a; l->b = b; l->c = c; l->d = d; l->p = p;
    if (net->n == 0) {
        l->in_c = net->in_c; l->in_h = net->in_h; l->in_w = net->in_w;
    } else {
        const Layer *q = &net->L[net->n - 1];
        l->in_c = q->out_c; l->in_h = q->out_h; l->in_w = q->out_w;
    }
    l->out_c = l->in_c; l->out_h = l->in_h; l->out_w = l->in_w;
    const LayerOps *ops = layer_ops(kind);
    if (!ops) {
        snprintf(err, errlen, "bilinmeyen katman türü %d", kind);
        return -1;
    }
    if (ops->shape(l, err, errlen) != 0) return -1;
    l->w_off = net->nparams;
    l->b_off = net->nparams + l->nparams - l->nbias;   /* bias'lar katmanın parametrelerinin sonunda */
    net->nparams += l->nparams;
    net->n++;
    return 0;
}

static void add_or_die(Net *net, int kind, int a, int b, int c, int d, float p) {
    char err[256];
    if (net_add(net, kind, a, b, c, d, p, err, sizeof err) != 0) die("ağ kurulamadı: %s", err);
}

void net_dense(Net *n, int out) { add_or_die(n, LAYER_DENSE, out, 0, 0, 0, 0.0f); }
void net_relu(Net *n) { add_or_die(n, LAYER_RELU, 0, 0, 0, 0, 0.0f); }
void net_sigmoid(Net *n) { add_or_die(n, LAYER_SIGMOID, 0, 0, 0, 0, 0.0f); }
void net_tanh(Net *n) { add_or_die(n, LAYER_TANH, 0, 0, 0, 0, 0.0f); }
void net_dropout(Net *n, float p) { add_or_die(n, LAYER_DROPOUT, 0, 0, 0, 0, p); }
void net_conv2d(Net *n, int oc, int k, int s, int p) { add_or_die(n, LAYER_CONV2D, oc, k, s, p, 0.0f); }
void net_maxpool2d(Net *n, int k) { add_or_die(n, LAYER_MAXPOOL2D, k, 0, 0, 0, 0.0f); }
void net_flatten(Net *n) { add_or_die(n, LAYER_FLATTEN, 0, 0, 0, 0, 0.0f); }
void net_leaky_relu(Net *n, float a) { add_or_die(n, LAYER_LEAKY_RELU, 0, 0, 0, 0, a); }

static void alloc_buffers(Net *net, int max_batch) {
    net->max_batch = max_batch;
    net->params = xcalloc(net->nparams, sizeof(float));
    net->grads = xcalloc(net->nparams, sizeof(float));
    size_t maxsz = net_in_size(net);
    for (int i = 0; i < net->n; i++) {
        Layer *l = &net->L[i];
        size_t o = layer_out_size(l);
        if (o > maxsz) maxsz = o;
        l->act = xcalloc((size_t)max_batch * o, sizeof(float));
        const LayerOps *ops = layer_ops(l->kind);
        l->aux_n = ops->aux ? ops->aux(l, max_batch) : 0;
        /* maxpool indisleri int olarak saklanır; int ile float aynı boyda */
        if (l->aux_n) l->aux = xcalloc(l->aux_n, sizeof(float));
    }
    for (int t = 0; t < 2; t++) net->dbuf[t] = xcalloc((size_t)max_batch * maxsz, sizeof(float));
    net->probs = xcalloc((size_t)max_batch * net_out_size(net), sizeof(float));
    net->dlogits = xcalloc((size_t)max_batch * net_out_size(net), sizeof(float));
    net->yf = xcalloc((size_t)max_batch, sizeof(float));
}

void net_build(Net *net, int max_batch, uint64_t seed) {
    alloc_buffers(net, max_batch);
    Rng r;
    rng_seed(&r, seed);
    for (int i = 0; i < net->n; i++) {
        Layer *l = &net->L[i];
        const LayerOps *ops = layer_ops(l->kind);
        if (ops->init) ops->init(l, net->params + l->w_off, net->params + l->b_off, &r);
    }
    rng_seed(&net->rng, seed ^ 0xD20Full);
}

void net_free(Net *net) {
    free(net->params);
    free(net->grads);
    for (int i = 0; i < net->n; i++) {
        free(net->L[i].act);
        free(net->L[i].aux);
    }
    free(net->dbuf[0]);
    free(net->dbuf[1]);
    free(net->probs);
    free(net->dlogits);
    free(net->yf);
    memset(net, 0, sizeof *net);
}

/* ReLU + max pooling birleştirmesi: ReLU'dan hemen sonra max pooling geliyorsa
 * eğitimde ikisi tek geçişte yapılır (maxpool2d_relu_*, bkz. nn/pool.h). ReLU artan
 * olduğundan max(relu(x)) = relu(max(x)): sonuç ve gradyanlar aynıdır, ama büyük
 * ReLU çıkışı (ders 04'te yığın başına 11 MB) ne yazılır ne okunur. */
static int relu_pool_fused(const Net *net, int i) {
    return net->fused && net->L[i].kind == LAYER_RELU && i + 1 < net->n &&
           net->L[i + 1].kind == LAYER_MAXPOOL2D;
}

/* ReLU + dropout birleştirmesi: eğitimde ReLU'dan hemen sonra dropout geliyorsa ikisi tek
 * geçişte yapılır (relu_dropout_*, bkz. nn/dropout.h): aynı maske, aynı sonuç ve
 * gradyanlar; ReLU'nun çıkışı yazılmaz, geri geçişte bir ara tampon ve iki geçiş azalır. */
static int relu_drop_fused(const Net *net, int i) {
    return net->fused && net->L[i].kind == LAYER_RELU && i + 1 < net->n &&
           net->L[i + 1].kind == LAYER_DROPOUT;
}

/* Evrişim + ReLU + max pooling üçlüsü: eğitimde tek çağrıyla yapılır
 * (conv2d_relu_pool_*, bkz. conv.h; yolu çağrının kendisi seçer). ReLU'nun büyük
 * çıkışı hiç yazılmaz; im2col yolunda evrişimin çıkışı da yazılmaz. */
static int conv_block_fused(const Net *net, int i) {
    return net->L[i].kind == LAYER_CONV2D && relu_pool_fused(net, i + 1);
}

const float *net_forward(Net *net, const float *x, int B, int train) {
    if (B > net->max_batch) die("net_forward: yığın %d, en çok %d olabilir", B, net->max_batch);
    net->fused = train;   /* değerlendirmede her katmanın çıkışı yazılsın (ör. öznitelik haritaları) */
    const float *cur = x;
    for (int i = 0; i < net->n; i++) {
        Layer *l = &net->L[i];
        const float *P = net->params;
        if (conv_block_fused(net, i)) {
            Layer *pl = &net->L[i + 2];
            conv2d_relu_pool_forward(pl->act, (int *)pl->aux, l->act, cur, P + l->w_off,
                                     P + l->b_off, B, l->in_c, l->in_h, l->in_w, l->a, l->b, l->c,
                                     l->d, pl->a, l->aux);
            cur = pl->act;
            i += 2;
            continue;
        }
        if (relu_pool_fused(net, i)) continue;   /* havuz katmanı ReLU'yu da yapacak */
        if (relu_drop_fused(net, i)) continue;   /* dropout katmanı ReLU'yu da yapacak */
        if (l->kind == LAYER_DROPOUT && i > 0 && relu_drop_fused(net, i - 1)) {
            relu_dropout_forward(l->act, l->aux, cur, (size_t)B * layer_out_size(l), l->p, &net->rng);
            cur = l->act;
            continue;
        }
        if (l->kind == LAYER_MAXPOOL2D && i > 0 && relu_pool_fused(net, i - 1)) {
            maxpool2d_relu_forward(l->act, (int *)l->aux, cur, B, l->in_c, l->in_h, l->in_w, l->a);
            cur = l->act;
            continue;
        }
        layer_ops(l->kind)->forward(l, l->act, cur, P + l->w_off, P + l->b_off, B, train, &net->rng);
        cur = l->act;
    }
    return cur;
}

void net_zero_grad(Net *net) { memset(net->grads, 0, net->nparams * sizeof(float)); }

void net_backward(Net *net, const float *x, const float *dlogits, int B, float *dx) {
    /* En alttaki eğitilebilir katman: ondan aşağıya gradyan taşımaya gerek yok. */
    int lowest = dx ? -1 : net->n;
    if (!dx)
        for (int i = 0; i < net->n; i++)
            if (net->L[i].nparams && !net->L[i].frozen) { lowest = i; break; }
    const float *dcur = dlogits;
    int t = 0;
    for (int i = net->n - 1; i >= 0 && i >= lowest; i--) {
        Layer *l = &net->L[i];
        const float *inp = i ? net->L[i - 1].act : x;
        int need_dinp = i > lowest;
        float *dinp = need_dinp ? (i == 0 ? dx : net->dbuf[t]) : NULL;
        if (i == 0 && dx) dinp = dx;
        const float *P = net->params;
        float *G = net->grads;
        int train = !l->frozen;
        if (l->kind == LAYER_MAXPOOL2D && i >= 2 && i - 2 >= lowest && conv_block_fused(net, i - 2)) {
            Layer *cl = &net->L[i - 2];
            const float *cin = i - 2 ? net->L[i - 3].act : x;
            int ctrain = !cl->frozen;
            float *cd = i - 2 > lowest ? (i - 2 == 0 ? dx : net->dbuf[t]) : NULL;
            if (cd && cd != dx) memset(cd, 0, (size_t)B * layer_in_size(cl) * sizeof(float));
            conv2d_relu_pool_backward(cd, ctrain ? G + cl->w_off : NULL, ctrain ? G + cl->b_off : NULL,
                                      cl->act, dcur, (const int *)l->aux, l->act, cin, P + cl->w_off, B,
                                      cl->in_c, cl->in_h, cl->in_w, cl->a, cl->b, cl->c, cl->d, l->a,
                                      cl->aux);
            if (!cd) break;
            dcur = cd;
            t ^= 1;
            i -= 2;
            continue;
        }
        if (relu_pool_fused(net, i)) continue;   /* geri geçişi havuz katmanında yapıldı */
        if (l->kind == LAYER_DROPOUT && i > 0 && relu_drop_fused(net, i - 1)) {
            /* dropout ve ondan önceki ReLU birlikte: gradyan doğrudan ReLU'nun girişine */
            const Layer *rl = &net->L[i - 1];
            float *rd = i - 1 > lowest ? (i - 1 == 0 ? dx : net->dbuf[t]) : NULL;
            if (!rd) break;
            if (rd != dx) memset(rd, 0, (size_t)B * layer_in_size(rl) * sizeof(float));
            relu_dropout_backward(rd, dcur, l->aux, l->act, (size_t)B * layer_out_size(l));
            dcur = rd;
            t ^= 1;
            i -= 1;
            continue;
        }
        /* Biriktirme kuralı: katmanlar dinp'e ekler; ara tampon burada bir kez sıfırlanır
         * (çağıranın dx'i sıfırlanmaz: ona eklenir). */
        if (dinp && dinp != dx) memset(dinp, 0, (size_t)B * layer_in_size(l) * sizeof(float));
        if (l->kind == LAYER_MAXPOOL2D && i > 0 && relu_pool_fused(net, i - 1)) {
            if (dinp) maxpool2d_relu_backward(dinp, dcur, (const int *)l->aux, l->act, B, l->in_c,
                                              l->in_h, l->in_w, l->a);
            if (!dinp) break;
            dcur = dinp;
            t ^= 1;
            continue;
        }
        layer_ops(l->kind)->backward(l, dinp, train ? G + l->w_off : NULL,
                                     train ? G + l->b_off : NULL, dcur, inp, P + l->w_off, B);
        if (!dinp) break;
        dcur = dinp;
        t ^= 1;
    }
}

void net_describe(const Net *net, char *buf, size_t len) {
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < net->n && k < len; i++) {
        const Layer *l = &net->L[i];
        const LayerOps *ops = layer_ops(l->kind);
        if (i) k += snprintf(buf + k, len - k, " ");
        if (k >= len) break;
        if (ops->describe) k += ops->describe(l, buf + k, len - k);
        else k += snprintf(buf + k, len - k, "%s", ops->name);
    }
}

static void fmt_thousands(size_t v, char *out) {
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%zu", v), k = 0;
    for (int i = 0; i < n; i++) {
        out[k++] = tmp[i];
        if ((n - i - 1) % 3 == 0 && i != n - 1) out[k++] = ' ';   /* binlik boşlukla: 235 146 */
    }
    out[k] = '\0';
}

void net_summary(const Net *net, FILE *out) {
    fprintf(out, "  %-4s %-12s %-18s %12s\n", "#", "katman", "çıkış şekli", "parametre");
    for (int i = 0; i < net->n; i++) {
        const Layer *l = &net->L[i];
        char shape[64], np[32];
        if (l->out_h == 1 && l->out_w == 1) snprintf(shape, sizeof shape, "(B, %d)", l->out_c);
        else snprintf(shape, sizeof shape, "(B, %d, %d, %d)", l->out_c, l->out_h, l->out_w);
        fmt_thousands(l->nparams, np);
        fprintf(out, "  %-4d %-12s %-18s %12s%s\n", i + 1, kind_name(l->kind), shape, np,
                l->frozen ? "  (donduruldu)" : "");
    }
    char tot[32];
    fmt_thousands(net->nparams, tot);
    fprintf(out, "  Toplam parametre: %s\n", tot);
}

/* ---- Kaydetme / yükleme ---- */

#define MODEL_MAGIC "DOAAMODL"
#define MODEL_VERSION 1u

typedef struct {
    unsigned char *p;
    size_t n, cap;
} Buf;

static void buf_put(Buf *b, const void *src, size_t n) {
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2;
        b->p = xrealloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, src, n);
    b->n += n;
}

static void put_u32(Buf *b, uint32_t v) {
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    buf_put(b, c, 4);
}
static void put_u64(Buf *b, uint64_t v) {
    put_u32(b, (uint32_t)v);
    put_u32(b, (uint32_t)(v >> 32));
}
static void put_f32(Buf *b, float f) {
    uint32_t u;
    memcpy(&u, &f, 4);
    put_u32(b, u);
}
static uint32_t get_u32(const unsigned char *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static float get_f32(const unsigned char *p) {
    uint32_t u = get_u32(p);
    float f;
    memcpy(&f, &u, 4);
    return f;
}

int net_check_writable(const char *path, char *err, size_t errlen) {
    return model_path_check_writable(path, err, errlen); /* bkz. model/ckpt.h */
}

int net_save(const Net *net, const char *path, char *err, size_t errlen) {
    if (net_check_writable(path, err, errlen) != 0) return -1;
    Buf b = {0};
    buf_put(&b, MODEL_MAGIC, 8);
    put_u32(&b, MODEL_VERSION);
    put_u32(&b, (uint32_t)net->n);
    put_u32(&b, (uint32_t)net->in_c);
    put_u32(&b, (uint32_t)net->in_h);
    put_u32(&b, (uint32_t)net->in_w);
    for (int i = 0; i < net->n; i++) {
        const Layer *l = &net->L[i];
        put_u32(&b, (uint32_t)l->kind);
        put_u32(&b, (uint32_t)l->a);
        put_u32(&b, (uint32_t)l->b);
        put_u32(&b, (uint32_t)l->c);
        put_u32(&b, (uint32_t)l->d);
        put_f32(&b, l->p);
    }
    uint32_t ml = (uint32_t)strnlen(net->meta, NET_META_MAX - 1);
    put_u32(&b, ml);
    buf_put(&b, net->meta, ml);
    put_u64(&b, net->nparams);
    for (size_t i = 0; i < net->nparams; i++) put_f32(&b, net->params[i]);
    put_u32(&b, (uint32_t)crc32(0L, b.p, (uInt)b.n));

    int rc = model_write_file(path, b.p, b.n, err, errlen);
    free(b.p);
    return rc;
}

int net_load(Net *net, const char *path, int max_batch, char *err, size_t errlen) {
    memset(net, 0, sizeof *net);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "model dosyası '%s' bir klasör, dosya değil", path);
        return -1;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "model dosyası '%s' açılamadı: %s", path, tr_strerror(errno));
        return -1;
    }
    if (fseek(f, 0, SEEK_END) != 0) {
        snprintf(err, errlen, "model dosyası '%s' okunamadı (bir klasör olabilir)", path);
        fclose(f);
        return -1;
    }
    long sz = ftell(f);
    if (sz < 0 || sz > (1L << 30)) {
        snprintf(err, errlen, "model dosyası '%s' okunamadı ya da çok büyük", path);
        fclose(f);
        return -1;
    }
    rewind(f);
    unsigned char *d = xmalloc((size_t)sz + 1);
    size_t got = fread(d, 1, (size_t)sz, f);
    fclose(f);
    int rc = -1;
    size_t n = got, pos = 0;
#define NEED(k, what)                                                                          \
    do {                                                                                       \
        if (pos + (k) > n) {                                                                   \
            snprintf(err, errlen, "model dosyası '%s' kesik: %s okunurken dosya bitti (%zu bayt)", \
                     path, what, n);                                                           \
            goto out;                                                                          \
        }                                                                                      \
    } while (0)
    if (got != (size_t)sz) {
        snprintf(err, errlen, "model dosyası '%s' okunamadı", path);
        goto out;
    }
    NEED(8, "imza");
    if (memcmp(d, MODEL_MAGIC, 8) != 0) {
        snprintf(err, errlen, "'%s' bir model dosyası değil (DOAAMODL imzası yok)", path);
        goto out;
    }
    pos = 8;
    NEED(20, "başlık");
    uint32_t ver = get_u32(d + pos), nl = get_u32(d + pos + 4);
    int C = (int)get_u32(d + pos + 8), H = (int)get_u32(d + pos + 12), W = (int)get_u32(d + pos + 16);
    pos += 20;
    if (ver != MODEL_VERSION) {
        snprintf(err, errlen, "model dosyası '%s' sürüm %u; bu program yalnızca sürüm %u okur", path,
                 ver, MODEL_VERSION);
        goto out;
    }
    if (nl < 1 || nl > NET_MAX_LAYERS) {
        snprintf(err, errlen, "model dosyası '%s': katman sayısı %u geçersiz", path, nl);
        goto out;
    }
    if (C < 1 || H < 1 || W < 1 || C > 4096 || H > 8192 || W > 8192) {
        snprintf(err, errlen, "model dosyası '%s': giriş şekli (%d,%d,%d) geçersiz", path, C, H, W);
        goto out;
    }
    net_init(net, C, H, W);
    for (uint32_t i = 0; i < nl; i++) {
        NEED(24, "katman tanımı");
        const unsigned char *q = d + pos;
        char lerr[256];
        if (net_add(net, (int)get_u32(q), (int)get_u32(q + 4), (int)get_u32(q + 8),
                    (int)get_u32(q + 12), (int)get_u32(q + 16), get_f32(q + 20), lerr,
                    sizeof lerr) != 0) {
            snprintf(err, errlen, "model dosyası '%s', katman %u: %s", path, i + 1, lerr);
            goto out;
        }
        pos += 24;
    }
    NEED(4, "meta uzunluğu");
    uint32_t ml = get_u32(d + pos);
    pos += 4;
    if (ml >= NET_META_MAX) {
        snprintf(err, errlen, "model dosyası '%s': meta alanı çok uzun (%u bayt)", path, ml);
        goto out;
    }
    NEED(ml, "meta");
    memcpy(net->meta, d + pos, ml);
    net->meta[ml] = '\0';
    pos += ml;
    NEED(8, "parametre sayısı");
    uint64_t np = (uint64_t)get_u32(d + pos) | ((uint64_t)get_u32(d + pos + 4) << 32);
    pos += 8;
    if (np != net->nparams) {
        snprintf(err, errlen,
                 "model dosyası '%s': %llu parametre içeriyor ama tanımlı mimari %zu gerektiriyor",
                 path, (unsigned long long)np, net->nparams);
        goto out;
    }
    if (n != pos + 4 * np + 4) {
        snprintf(err, errlen, "model dosyası '%s' %s: %zu bayt bekleniyordu, %zu bayt var", path,
                 n < pos + 4 * np + 4 ? "kesik" : "fazladan veri içeriyor", (size_t)(pos + 4 * np + 4), n);
        goto out;
    }
    uint32_t want = get_u32(d + n - 4), have = (uint32_t)crc32(0L, d, (uInt)(n - 4));
    if (want != have) {
        snprintf(err, errlen, "model dosyası '%s' bozuk: CRC-32 sağlaması tutmuyor", path);
        goto out;
    }
    alloc_buffers(net, max_batch);
    for (size_t i = 0; i < np; i++) {
        float v = get_f32(d + pos + 4 * i);
        if (!isfinite(v)) {
            snprintf(err, errlen, "model dosyası '%s': parametre %zu sonlu değil (NaN/sonsuz)", path, i);
            net_free(net);
            goto out;
        }
        net->params[i] = v;
    }
    rng_seed(&net->rng, 0xD20Full);
    rc = 0;
out:
#undef NEED
    if (rc != 0 && !net->params) memset(net, 0, sizeof *net);
    free(d);
    return rc;
}

/* Mimari: giriş şekli ve her katmanın kaydındaki bütün alanlar (tür, a, b, c, d, p). Yalnızca
 * kısa tanımları karşılaştırmak yetmez: adım ya da dolgusu farklı bir evrişim aynı
 * çıktı kanalı ve çekirdekle başka bir modeldir. */
int net_same_arch(const Net *a, const Net *b, char *err, size_t errlen) {
    int same = a->in_c == b->in_c && a->in_h == b->in_h && a->in_w == b->in_w && a->n == b->n;
    for (int i = 0; same && i < a->n; i++) {
        const Layer *x = &a->L[i], *y = &b->L[i];
        same = x->kind == y->kind && x->a == y->a && x->b == y->b && x->c == y->c &&
               x->d == y->d && fabsf(x->p - y->p) <= 1e-6f;
    }
    if (!same) {
        char da[512], db[512];
        net_describe(a, da, sizeof da);
        net_describe(b, db, sizeof db);
        snprintf(err, errlen, "mimari farklı: beklenen giriş (%d,%d,%d) %s; bulunan (%d,%d,%d) %s",
                 a->in_c, a->in_h, a->in_w, da, b->in_c, b->in_h, b->in_w, db);
        return 0;
    }
    return 1;
}
