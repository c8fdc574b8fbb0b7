/* conv.c — evrişim ve havuzlama (bkz. conv.h). Hızlı sürüm: im2col + GEMM. */
#include "conv.h"
#include <float.h>
#include <string.h>
#include "gemm.h"

void conv2d_forward_ref(float *out, const float *inp, const float *W, const float *bias, int B,
                        int C, int H, int Wd, int OC, int k, int s, int p) {
    int OH = conv_out_dim(H, k, s, p), OW = conv_out_dim(Wd, k, s, p);
    for (int b = 0; b < B; b++)
        for (int o = 0; o < OC; o++)
            for (int y = 0; y < OH; y++)
                for (int x = 0; x < OW; x++) {
                    float acc = bias ? bias[o] : 0.0f;
                    for (int c = 0; c < C; c++)
                        for (int i = 0; i < k; i++)
                            for (int j = 0; j < k; j++) {
                                int h = y * s + i - p, w = x * s + j - p;
                                if (h < 0 || h >= H || w < 0 || w >= Wd) continue;
                                acc += W[((o * C + c) * k + i) * k + j] *
                                       inp[(((size_t)b * C + c) * H + h) * Wd + w];
                            }
                    out[(((size_t)b * OC + o) * OH + y) * OW + x] = acc;
                }
}

void conv2d_backward_ref(float *dinp, float *dW, float *dbias, const float *dout,
                         const float *inp, const float *W, int B, int C, int H, int Wd, int OC,
                         int k, int s, int p) {
    int OH = conv_out_dim(H, k, s, p), OW = conv_out_dim(Wd, k, s, p);
    if (dinp) memset(dinp, 0, (size_t)B * C * H * Wd * sizeof(float));
    for (int b = 0; b < B; b++)
        for (int o = 0; o < OC; o++)
            for (int y = 0; y < OH; y++)
                for (int x = 0; x < OW; x++) {
                    float g = dout[(((size_t)b * OC + o) * OH + y) * OW + x];
                    if (dbias) dbias[o] += g;
                    for (int c = 0; c < C; c++)
                        for (int i = 0; i < k; i++)
                            for (int j = 0; j < k; j++) {
                                int h = y * s + i - p, w = x * s + j - p;
                                if (h < 0 || h >= H || w < 0 || w >= Wd) continue;
                                size_t ii = (((size_t)b * C + c) * H + h) * Wd + w;
                                size_t wi = ((size_t)(o * C + c) * k + i) * k + j;
                                dW[wi] += g * inp[ii];
                                if (dinp) dinp[ii] += g * W[wi];
                            }
                }
}

/* im2col: bir örneğin (C,H,W) girişini (C*k*k, OH*OW) sütun matrisine açar.
 * Böylece evrişim tek bir GEMM olur: out (OC, OH*OW) = W (OC, C*k*k) * col. */
static void im2col(float *col, const float *img, int C, int H, int Wd, int k, int s, int p,
                   int OH, int OW) {
    for (int c = 0; c < C; c++)
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) {
                float *row = col + (size_t)((c * k + i) * k + j) * OH * OW;
                for (int y = 0; y < OH; y++) {
                    int h = y * s + i - p;
                    for (int x = 0; x < OW; x++) {
                        int w = x * s + j - p;
                        row[y * OW + x] = (h >= 0 && h < H && w >= 0 && w < Wd)
                                              ? img[((size_t)c * H + h) * Wd + w]
                                              : 0.0f;
                    }
                }
            }
}

/* col2im: im2col'un tersi (toplayarak); geri geçişte dinp'i kurar. */
static void col2im(float *img, const float *col, int C, int H, int Wd, int k, int s, int p,
                   int OH, int OW) {
    memset(img, 0, (size_t)C * H * Wd * sizeof(float));
    for (int c = 0; c < C; c++)
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) {
                const float *row = col + (size_t)((c * k + i) * k + j) * OH * OW;
                for (int y = 0; y < OH; y++) {
                    int h = y * s + i - p;
                    if (h < 0 || h >= H) continue;
                    for (int x = 0; x < OW; x++) {
                        int w = x * s + j - p;
                        if (w >= 0 && w < Wd) img[((size_t)c * H + h) * Wd + w] += row[y * OW + x];
                    }
                }
            }
}

size_t conv2d_work_size(int B, int C, int H, int Wd, int OC, int k, int s, int p) {
    (void)B;
    (void)OC;
    int OH = conv_out_dim(H, k, s, p), OW = conv_out_dim(Wd, k, s, p);
    return (size_t)C * k * k * OH * OW;
}

void conv2d_forward(float *out, const float *inp, const float *W, const float *bias, int B, int C,
                    int H, int Wd, int OC, int k, int s, int p, float *work) {
    int OH = conv_out_dim(H, k, s, p), OW = conv_out_dim(Wd, k, s, p);
    int K = C * k * k, N = OH * OW;
    for (int b = 0; b < B; b++) {
        float *o = out + (size_t)b * OC * N;
        im2col(work, inp + (size_t)b * C * H * Wd, C, H, Wd, k, s, p, OH, OW);
        for (int oc = 0; oc < OC; oc++)
            for (int n = 0; n < N; n++) o[(size_t)oc * N + n] = bias ? bias[oc] : 0.0f;
        gemm(0, 0, OC, N, K, 1.0f, W, K, work, N, 1.0f, o, N);
    }
}

void conv2d_backward(float *dinp, float *dW, float *dbias, const float *dout, const float *inp,
                     const float *W, int B, int C, int H, int Wd, int OC, int k, int s, int p,
                     float *work) {
    int OH = conv_out_dim(H, k, s, p), OW = conv_out_dim(Wd, k, s, p);
    int K = C * k * k, N = OH * OW;
    for (int b = 0; b < B; b++) {
        const float *g = dout + (size_t)b * OC * N;
        if (dbias)
            for (int oc = 0; oc < OC; oc++)
                for (int n = 0; n < N; n++) dbias[oc] += g[(size_t)oc * N + n];
        /* dW (OC,K) += dout_b (OC,N) * col^T (N,K) */
        im2col(work, inp + (size_t)b * C * H * Wd, C, H, Wd, k, s, p, OH, OW);
        gemm(0, 1, OC, K, N, 1.0f, g, N, work, N, 1.0f, dW, K);
        if (dinp) {
            /* dcol (K,N) = W^T (K,OC) * dout_b (OC,N); sonra col2im */
            gemm(1, 0, K, N, OC, 1.0f, W, K, g, N, 0.0f, work, N);
            col2im(dinp + (size_t)b * C * H * Wd, work, C, H, Wd, k, s, p, OH, OW);
        }
    }
}

void maxpool2d_forward(float *out, int *argmax, const float *inp, int B, int C, int H, int Wd,
                       int k) {
    int OH = H / k, OW = Wd / k;
    for (int bc = 0; bc < B * C; bc++) {
        const float *src = inp + (size_t)bc * H * Wd;
        for (int y = 0; y < OH; y++)
            for (int x = 0; x < OW; x++) {
                float best = -FLT_MAX;
                int bi = 0;
                for (int i = 0; i < k; i++)
                    for (int j = 0; j < k; j++) {
                        int idx = (y * k + i) * Wd + x * k + j;
                        if (src[idx] > best) {
                            best = src[idx];
                            bi = idx;
                        }
                    }
                size_t o = ((size_t)bc * OH + y) * OW + x;
                out[o] = best;
                argmax[o] = bi;
            }
    }
}

void maxpool2d_backward(float *dinp, const float *dout, const int *argmax, int B, int C, int H,
                        int Wd, int k) {
    int OH = H / k, OW = Wd / k;
    memset(dinp, 0, (size_t)B * C * H * Wd * sizeof(float));
    for (int bc = 0; bc < B * C; bc++)
        for (int o = 0; o < OH * OW; o++)
            dinp[(size_t)bc * H * Wd + argmax[(size_t)bc * OH * OW + o]] +=
                dout[(size_t)bc * OH * OW + o];
}
