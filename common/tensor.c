/* tensor.c — bkz. tensor.h */
#include "tensor.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

Tensor tensor_new(int ndim, const int *shape) {
    Tensor t;
    memset(&t, 0, sizeof t);
    if (ndim < 1 || ndim > TENSOR_MAX_DIMS) die("tensor_new: %d boyut desteklenmiyor", ndim);
    t.ndim = ndim;
    size_t n = 1;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] <= 0) die("tensor_new: geçersiz boyut %d", shape[i]);
        t.shape[i] = shape[i];
        n *= (size_t)shape[i];
    }
    t.data = xcalloc(n, sizeof(float));
    return t;
}

void tensor_free(Tensor *t) {
    free(t->data);
    memset(t, 0, sizeof *t);
}

size_t tensor_numel(const Tensor *t) {
    size_t n = t->ndim ? 1 : 0;
    for (int i = 0; i < t->ndim; i++) n *= (size_t)t->shape[i];
    return n;
}

void tensor_fill(Tensor *t, float v) {
    size_t n = tensor_numel(t);
    for (size_t i = 0; i < n; i++) t->data[i] = v;
}

const char *tensor_shape_str(const Tensor *t, char *buf, size_t len) {
    size_t k = 0;
    k += (size_t)snprintf(buf + k, len - k, "(");
    for (int i = 0; i < t->ndim && k < len; i++)
        k += (size_t)snprintf(buf + k, len - k, "%s%d", i ? ", " : "", t->shape[i]);
    if (k < len) snprintf(buf + k, len - k, ")");
    return buf;
}

void array_stats(const float *x, size_t n, float *mn, float *mx, double *mean, double *std) {
    float lo = n ? x[0] : 0.0f, hi = lo;
    double s = 0.0, s2 = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (x[i] < lo) lo = x[i];
        if (x[i] > hi) hi = x[i];
        s += x[i];
        s2 += (double)x[i] * x[i];
    }
    double m = n ? s / (double)n : 0.0;
    double var = n ? s2 / (double)n - m * m : 0.0;
    if (mn) *mn = lo;
    if (mx) *mx = hi;
    if (mean) *mean = m;
    if (std) *std = var > 0 ? sqrt(var) : 0.0;
}
