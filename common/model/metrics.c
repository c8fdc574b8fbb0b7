/* metrics.c — bkz. metrics.h */
#include "model/metrics.h"
#include <stdio.h>

void confusion_add(int *cm, int K, const int *y_true, const int *y_pred, int n) {
    for (int i = 0; i < n; i++) cm[y_true[i] * K + y_pred[i]]++;
}

static double ratio(double a, double b) { return b > 0 ? a / b : 0.0; }

void metrics_from_confusion(const int *cm, int K, ClassMetrics *per, MetricsSummary *s) {
    long diag = 0, total = 0;
    double sp = 0, sr = 0, sf = 0;
    for (int k = 0; k < K; k++) {
        long tp = cm[k * K + k], col = 0, row = 0;
        for (int i = 0; i < K; i++) {
            col += cm[i * K + k];
            row += cm[k * K + i];
        }
        double p = ratio((double)tp, (double)col), r = ratio((double)tp, (double)row);
        double f = ratio(2.0 * p * r, p + r);
        if (per) {
            per[k].precision = p;
            per[k].recall = r;
            per[k].f1 = f;
            per[k].support = (int)row;
        }
        sp += p;
        sr += r;
        sf += f;
        diag += tp;
        total += row;
    }
    if (s) {
        s->accuracy = ratio((double)diag, (double)total);
        s->macro_precision = sp / K;
        s->macro_recall = sr / K;
        s->macro_f1 = sf / K;
        s->total = (int)total;
    }
}

void confusion_print(const int *cm, int K, const char *const *names) {
    printf("%12s", "gerçek\\tahmin");
    for (int j = 0; j < K; j++) printf(" %5s", names ? names[j] : (char[2]){(char)('0' + j), 0});
    printf("\n");
    for (int i = 0; i < K; i++) {
        printf("%12s", names ? names[i] : (char[2]){(char)('0' + i), 0});
        for (int j = 0; j < K; j++) printf(" %5d", cm[i * K + j]);
        printf("\n");
    }
}
