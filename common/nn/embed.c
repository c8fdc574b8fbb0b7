/* embed.c — gömme, katman normalizasyonu, sinüslü konumsal kodlama (bkz. embed.h). */
#include "nn/embed.h"
#include <math.h>
#include <stddef.h>
#include "core/util.h"

/* Bir id'nin tabloda bir satırı var mı? Yoksa hangi konumda ne geldiğini söyle. */
static void check_id(int id, int V, int b, int t, const char *fn) {
    if (id < 0 || id >= V)
        die("%s: ids[%d][%d] = %d, sözlük boyu V = %d (geçerli aralık 0..%d)", fn, b, t, id, V,
            V - 1);
}

/* ---- gömme ---- */

void embedding_forward(float *out, const int *ids, const float *table, int B, int T, int V, int C) {
    for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++) {
            int id = ids[b * T + t];
            check_id(id, V, b, t, "embedding_forward");
            const float *row = table + (size_t)id * C;     /* tablonun id'nci satırı */
            float *o = out + ((size_t)b * T + t) * C;
            for (int c = 0; c < C; c++) o[c] = row[c];
        }
}

void embedding_backward(float *dtable, const float *dout, const int *ids, int B, int T, int V,
                        int C) {
    for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++) {
            int id = ids[b * T + t];
            check_id(id, V, b, t, "embedding_backward");
            float *drow = dtable + (size_t)id * C;         /* aynı satıra geri ekle */
            const float *d = dout + ((size_t)b * T + t) * C;
            for (int c = 0; c < C; c++) drow[c] += d[c];
        }
}

void embedding_init(float *table, int V, int C, float std, Rng *rng) {
    for (size_t i = 0; i < (size_t)V * C; i++) table[i] = std * rng_normal(rng);
}

/* ---- katman normalizasyonu ---- */

/* Düz sürümler (başvuru; testler hızlı sürümü bunlara karşı sınar): satır satır, ara
 * toplamlar double. */
void layernorm_forward_ref(float *out, float *mean, float *rstd, const float *inp,
                           const float *gamma, const float *beta, int B, int T, int C) {
    for (size_t r = 0; r < (size_t)B * T; r++) {
        const float *x = inp + r * C;
        float *y = out + r * C;
        /* Ortalama ve varyans double ile toplanır: C büyükse float toplamı kayar. */
        double m = 0.0;
        for (int c = 0; c < C; c++) m += x[c];
        m /= C;
        double v = 0.0;
        for (int c = 0; c < C; c++) v += ((double)x[c] - m) * ((double)x[c] - m);
        v /= C;
        float s = (float)(1.0 / sqrt(v + (double)LN_EPS));
        for (int c = 0; c < C; c++) {
            float xhat = (float)((double)x[c] - m) * s;
            y[c] = gamma[c] * xhat + beta[c];
        }
        mean[r] = (float)m;
        rstd[r] = s;
    }
}

void layernorm_backward_ref(float *dinp, float *dgamma, float *dbeta, const float *dout,
                            const float *inp, const float *gamma, const float *mean,
                            const float *rstd, int B, int T, int C) {
    for (size_t r = 0; r < (size_t)B * T; r++) {
        const float *x = inp + r * C, *dy = dout + r * C;
        float m = mean[r], s = rstd[r];
        /* İki ortalama: mean(g) ve mean(g ⊙ x̂), g = dy ⊙ gamma */
        double g_mean = 0.0, gx_mean = 0.0;
        for (int c = 0; c < C; c++) {
            float xhat = (x[c] - m) * s;
            float g = dy[c] * gamma[c];
            g_mean += g;
            gx_mean += (double)g * xhat;
            if (dbeta) dbeta[c] += dy[c];
            if (dgamma) dgamma[c] += dy[c] * xhat;
        }
        g_mean /= C;
        gx_mean /= C;
        if (!dinp) continue;
        float *dx = dinp + r * C;
        for (int c = 0; c < C; c++) {
            float xhat = (x[c] - m) * s;
            float g = dy[c] * gamma[c];
            dx[c] += s * (g - (float)g_mean - xhat * (float)gx_mean);
        }
    }
}

/* Hızlı sürümler: aynı formüller, satır içi toplamlar float ve `omp simd` ile şerit şerit
 * (her şerit C/SIMD_W terim toplar; C = 64..768'de göreli hata ~1e-7). Ortalama ve varyans
 * iki geçişte (önce m, sonra Σ(x-m)²): tek geçişli Σx² - m² formülünün sayısal kaybı yok.
 * -O2'nin ucuz maliyet modeli bu döngüleri kendiliğinden vektörleştirmiyordu (double
 * toplamlar ve gradyanlara koşullu yazmalar). */
void layernorm_forward(float *out, float *mean, float *rstd, const float *inp, const float *gamma,
                       const float *beta, int B, int T, int C) {
    for (size_t r = 0; r < (size_t)B * T; r++) {
        const float *x = inp + r * C;
        float *y = out + r * C;
        float m = 0.0f, v = 0.0f;
#pragma omp simd reduction(+ : m)
        for (int c = 0; c < C; c++) m += x[c];
        m /= C;
#pragma omp simd reduction(+ : v)
        for (int c = 0; c < C; c++) v += (x[c] - m) * (x[c] - m);
        v /= C;
        float s = 1.0f / sqrtf(v + LN_EPS);
#pragma omp simd
        for (int c = 0; c < C; c++) y[c] = gamma[c] * ((x[c] - m) * s) + beta[c];
        mean[r] = m;
        rstd[r] = s;
    }
}

void layernorm_backward(float *dinp, float *dgamma, float *dbeta, const float *dout,
                        const float *inp, const float *gamma, const float *mean, const float *rstd,
                        int B, int T, int C) {
    for (size_t r = 0; r < (size_t)B * T; r++) {
        const float *x = inp + r * C, *dy = dout + r * C;
        float m = mean[r], s = rstd[r];
        /* İki ortalama: mean(g) ve mean(g ⊙ x̂), g = dy ⊙ gamma */
        float g_mean = 0.0f, gx_mean = 0.0f;
#pragma omp simd reduction(+ : g_mean, gx_mean)
        for (int c = 0; c < C; c++) {
            float g = dy[c] * gamma[c];
            g_mean += g;
            gx_mean += g * ((x[c] - m) * s);
        }
        g_mean /= C;
        gx_mean /= C;
        if (dbeta) {
#pragma omp simd
            for (int c = 0; c < C; c++) dbeta[c] += dy[c];
        }
        if (dgamma) {
#pragma omp simd
            for (int c = 0; c < C; c++) dgamma[c] += dy[c] * ((x[c] - m) * s);
        }
        if (!dinp) continue;
        float *dx = dinp + r * C;
#pragma omp simd
        for (int c = 0; c < C; c++)
            dx[c] += s * (dy[c] * gamma[c] - g_mean - ((x[c] - m) * s) * gx_mean);
    }
}

/* ---- sinüslü konumsal kodlama ---- */

double posenc_freq(int i, int C) { return 1.0 / pow(10000.0, (2.0 * i) / (double)C); }

void posenc_sinusoid(float *pe, int T, int C) {
    for (int pos = 0; pos < T; pos++)
        for (int c = 0; c < C; c++) {
            double w = posenc_freq(c / 2, C);  /* 2i ve 2i+1 aynı frekansı paylaşır */
            double a = pos * w;
            pe[(size_t)pos * C + c] = (float)(c % 2 == 0 ? sin(a) : cos(a));
        }
}

void posenc_add(float *x, const float *pe, int B, int T, int C) {
    for (int b = 0; b < B; b++)
        for (size_t i = 0; i < (size_t)T * C; i++) x[(size_t)b * T * C + i] += pe[i];
}

void posenc_shift_matrix(float *M, int k, int C) {
    if (C % 2 != 0)
        die("posenc_shift_matrix: C = %d tek; kaydırma matrisi yalnızca çift C için vardır", C);
    for (size_t i = 0; i < (size_t)C * C; i++) M[i] = 0.0f;
    for (int i = 0; i < C / 2; i++) {
        double a = k * posenc_freq(i, C);
        float co = (float)cos(a), si = (float)sin(a);
        int r = 2 * i;  /* (r, r+1) çiftinin 2x2 bloğu */
        M[(size_t)r * C + r] = co;
        M[(size_t)r * C + r + 1] = si;
        M[(size_t)(r + 1) * C + r] = -si;
        M[(size_t)(r + 1) * C + r + 1] = co;
    }
}
