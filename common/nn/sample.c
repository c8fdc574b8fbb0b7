/* sample.c — bkz. sample.h */
#include "nn/sample.h"
#include <math.h>
#include <stdlib.h>

int sample_argmax(const float *logits, int V) {
    int best = 0;
    for (int v = 1; v < V; v++)
        if (logits[v] > logits[best]) best = v;
    return best;
}

int sample_probs(float *probs, const float *logits, int V, float temperature, int top_k, float top_p) {
    if (V < 1 || V > SAMPLE_VMAX || !(temperature >= 0) || top_k < 0 || !(top_p >= 0 && top_p <= 1))
        abort();
    if (temperature == 0.0f) { /* açgözlü */
        int b = sample_argmax(logits, V);
        for (int v = 0; v < V; v++) probs[v] = v == b;
        return 1;
    }
    /* sıcaklıklı softmax: en büyük skoru çıkarmak taşmayı önler */
    float mx = logits[sample_argmax(logits, V)];
    double s = 0;
    for (int v = 0; v < V; v++) s += probs[v] = expf((logits[v] - mx) / temperature);
    for (int v = 0; v < V; v++) probs[v] = (float)(probs[v] / s);
    if (top_k == 0 && (top_p == 0 || top_p == 1)) return V;
    /* olasılığa göre azalan sıra (V küçük: araya sokma sıralaması) */
    int idx[SAMPLE_VMAX];
    for (int v = 0; v < V; v++) {
        int j = v;
        while (j > 0 && probs[idx[j - 1]] < probs[v]) idx[j] = idx[j - 1], j--;
        idx[j] = v;
    }
    int keep = V;
    if (top_k > 0 && top_k < keep) keep = top_k;
    if (top_p > 0 && top_p < 1) {
        double c = 0;
        int k = 0;
        while (k < keep) {
            c += probs[idx[k++]];
            if (c >= top_p) break;
        }
        keep = k;
    }
    double kept = 0;
    for (int i = 0; i < keep; i++) kept += probs[idx[i]];
    for (int i = keep; i < V; i++) probs[idx[i]] = 0;
    for (int i = 0; i < keep; i++) probs[idx[i]] = (float)(probs[idx[i]] / kept);
    return keep;
}

int sample_pick(const float *probs, int V, float u) {
    double c = 0;
    int last = 0;
    for (int v = 0; v < V; v++) {
        if (probs[v] <= 0) continue;
        c += probs[v];
        last = v;
        if (u < c) return v;
    }
    return last; /* yuvarlama: u birikimli toplamı aşarsa son olası simge */
}
