/* train.c — eğitim adımı, epoch döngüsü ve değerlendirme (bkz. train.h). */
#include "model/train.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "nn/activation.h"
#include "nn/loss.h"
#include "model/metrics.h"
#include "core/progress.h"
#include "core/util.h"

TrainConfig train_config_default(void) {
    TrainConfig c;
    memset(&c, 0, sizeof c);
    c.epochs = 10;
    c.batch = 128;
    c.norm.kind = NORM_MINMAX;
    c.loss = LOSS_SOFTMAX_XENT;
    c.seed = 42;
    return c;
}

/* Kayıp ve çıkış gradyanı; dönüş: ortalama kayıp. correct: doğru tahmin sayısı.
 * Tamponlar ağındır (net->probs, net->dlogits, net->yf; net_build ayırır, net_free
 * bırakır): adımda bellek ayrılmaz, statik tampon da yoktur. */
static float loss_and_grad(Net *net, const float *z, const int *y, int B, int K, LossKind lk,
                           float *dz, float *probs, int *correct) {
    float *g_y = net->yf;
    float loss;
    int ok = 0;
    if (lk == LOSS_BCE_LOGIT) {
        for (int b = 0; b < B; b++) g_y[b] = (float)y[b];
        loss = bce_logits_forward(z, g_y, (size_t)B);
        if (dz) bce_logits_backward(dz, z, g_y, (size_t)B);
        for (int b = 0; b < B; b++) {
            float p = 1.0f / (1.0f + expf(-z[b]));
            if (probs) probs[b] = p;
            ok += (p >= 0.5f) == (y[b] == 1);
        }
    } else {
        loss = softmax_xent_forward(probs, z, y, B, K);
        if (dz) softmax_xent_backward(dz, probs, y, B, K);
        for (int b = 0; b < B; b++) ok += argmax(probs + (size_t)b * K, K) == y[b];
    }
    if (correct) *correct = ok;
    return loss;
}

float train_step(Net *net, Adam *opt, const float *x, const int *y, int B, LossKind lk,
                 int *correct) {
    int K = (int)net_out_size(net);
    const float *z = net_forward(net, x, B, 1);                                    /* 1 */
    memset(net->dlogits, 0, (size_t)B * K * sizeof(float));   /* geri geçişler ekler */
    float loss = loss_and_grad(net, z, y, B, K, lk, net->dlogits, net->probs, correct); /* 2 */
    net_zero_grad(net);
    net_backward(net, x, net->dlogits, B, NULL);                                   /* 3 */
    adam_step(opt, net->params, net->grads);                                       /* 4 */
    return loss;
}

void evaluate(Net *net, const ImageSet *s, const int *idx, int n, Norm norm, LossKind lk,
              float *loss, float *acc, int *pred, float *probs) {
    int K = (int)net_out_size(net), MB = net->max_batch;
    size_t D = net_in_size(net);
    float *x = xmalloc((size_t)MB * D * sizeof(float));
    int *y = xmalloc((size_t)MB * sizeof(int)), *ids = xmalloc((size_t)MB * sizeof(int));
    double tot = 0.0;
    long ok = 0;
    for (int start = 0; start < n; start += MB) {
        int B = n - start < MB ? n - start : MB;
        for (int b = 0; b < B; b++) ids[b] = idx ? idx[start + b] : start + b;
        batch_fill(x, y, s, ids, B, norm);
        const float *z = net_forward(net, x, B, 0);
        int c;
        tot += (double)loss_and_grad(net, z, y, B, K, lk, NULL, net->probs, &c) * B;
        ok += c;
        for (int b = 0; b < B; b++) {
            const float *p = net->probs + (size_t)b * (lk == LOSS_BCE_LOGIT ? 1 : K);
            if (pred) pred[start + b] = lk == LOSS_BCE_LOGIT ? (p[0] >= 0.5f) : argmax(p, K);
            if (probs)
                memcpy(probs + (size_t)(start + b) * (lk == LOSS_BCE_LOGIT ? 1 : K), p,
                       (size_t)(lk == LOSS_BCE_LOGIT ? 1 : K) * sizeof(float));
        }
    }
    if (loss) *loss = n ? (float)(tot / n) : 0.0f;
    if (acc) *acc = n ? (float)ok / (float)n : 0.0f;
    free(x);
    free(y);
    free(ids);
}

void train_classifier(Net *net, Adam *opt, const ImageSet *tr, const int *tr_idx, int ntr,
                      const ImageSet *va, const int *va_idx, int nva, const TrainConfig *cfg,
                      TrainHistory *h) {
    memset(h, 0, sizeof *h);
    if (cfg->epochs > TRAIN_MAX_EPOCHS) die("en çok %d epoch desteklenir", TRAIN_MAX_EPOCHS);
    if (cfg->batch > net->max_batch) die("yığın boyu %d, ağın en büyük yığınından (%d) büyük",
                                         cfg->batch, net->max_batch);
    size_t D = net_in_size(net);
    float *x = xmalloc((size_t)cfg->batch * D * sizeof(float));
    int *y = xmalloc((size_t)cfg->batch * sizeof(int));
    Batcher bt;
    batcher_init(&bt, tr, tr_idx, ntr, cfg->batch);
    Rng rng;
    rng_seed(&rng, cfg->seed);
    float lr0 = opt->lr, best = INFINITY;
    int since_best = 0;
    float *best_params = cfg->patience > 0 ? xmalloc(net->nparams * sizeof(float)) : NULL;
    for (int e = 0; e < cfg->epochs; e++) {
        batcher_shuffle(&bt, &rng);
        /* Kosinüs çizelgesi: lr_e = lr0 · (1 + cos(π e / E)) / 2 — ilk epoch'ta lr0,
         * sona doğru yumuşakça sıfıra iner; son epoch'lar ince ayar gibi çalışır. */
        if (cfg->cosine) opt->lr = 0.5f * lr0 * (1.0f + cosf(3.14159265f * (float)e / (float)cfg->epochs));
        Progress pr;
        if (!cfg->quiet) progress_begin(&pr, e + 1, cfg->epochs, batcher_steps(&bt));
        double t0 = now_sec(), sum_loss = 0.0;
        long seen = 0, ok = 0;
        int B, step = 0;
        while ((B = batcher_next(&bt, x, y, cfg->norm)) > 0) {
            if (cfg->augment) cfg->augment(x, B, net->in_c, net->in_h, net->in_w, &rng, cfg->augment_ctx);
            int c;
            float l = train_step(net, opt, x, y, B, cfg->loss, &c);
            sum_loss += (double)l * B;
            seen += B;
            ok += c;
            step++;
            if (!cfg->quiet) progress_step(&pr, step, (float)(sum_loss / seen), (float)ok / seen);
        }
        h->epoch_s[e] = now_sec() - t0;   /* yalnızca eğitim süresi */
        h->loss[e] = (float)(sum_loss / seen);
        h->acc[e] = (float)ok / seen;
        h->val_loss[e] = h->val_acc[e] = -1.0f;
        if (va && nva > 0)
            evaluate(net, va, va_idx, nva, cfg->norm, cfg->loss, &h->val_loss[e], &h->val_acc[e],
                     NULL, NULL);
        if (!cfg->quiet) progress_end(&pr, h->loss[e], h->acc[e], h->val_loss[e], h->val_acc[e]);
        h->epochs_run = e + 1;
        float vl = h->val_loss[e] >= 0 ? h->val_loss[e] : h->loss[e];
        if (vl < best) {
            best = vl;
            h->best_epoch = e + 1;
            since_best = 0;
            if (best_params) memcpy(best_params, net->params, net->nparams * sizeof(float));
        } else if (cfg->patience > 0 && ++since_best >= cfg->patience) {
            if (!cfg->quiet)
                printf("Erken durdurma: doğrulama kaybı %d epoch'tur iyileşmedi; en iyi epoch (%d.) "
                       "ağırlıklarına dönülüyor.\n", cfg->patience, h->best_epoch);
            memcpy(net->params, best_params, net->nparams * sizeof(float));
            break;
        }
    }
    opt->lr = lr0;
    free(best_params);
    free(x);
    free(y);
    batcher_free(&bt);
}
