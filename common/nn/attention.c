/* attention.c — sıcaklıklı softmax, maskeler, ölçekli nokta çarpım dikkati ve
 * çok başlı dikkat; her ileri geçişin altında kendi geri geçişi (bkz. attention.h). */
#include "nn/attention.h"
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include "nn/dense.h"
#include "nn/fastmath.h"
#include "core/gemm.h"
#include "core/simd.h"
#include "core/util.h"

/* ---------------------------------------------------------------------------
 * 1) Sıcaklıklı softmax
 * ------------------------------------------------------------------------- */

static void check_temperature(float t) {
    if (!(t > 0.0f) || !isfinite(t))
        die("softmax sıcaklığı sonlu ve pozitif olmalı, %g verildi", (double)t);
}

/* Bir satır: p[0..K) = softmax(z[0..K) / τ). Makinenin genişliğinde vektörlerle (SIMD_W
 * şerit, core/simd.h): en büyük skor, e^((z - m)/τ) ve toplam şerit şerit; K'nın SIMD_W'ye
 * bölünmeyen kuyruğu -inf ile doldurulmuş bir vektörde hesaplanır (e^-inf = 0, toplama bir
 * şey katmaz). Toplam float şeritlerde tutulur (K = 41'de 3 terim/şerit; terimler <= 1,
 * toplam >= 1: göreli hata ~K·2^-24). Düz karşılığı activation.h'deki softmax_forward'dır;
 * testler ikisini karşılaştırır. */
static void softmax_row(float *p, const float *z, int K, float inv_t) {
    int nv = K / SIMD_W, tail = K - nv * SIMD_W;
    float zt[SIMD_W];                       /* kuyruk, -inf ile doldurulmuş */
    for (int i = 0; i < SIMD_W; i++) zt[i] = i < tail ? z[nv * SIMD_W + i] : -INFINITY;
    vf vm = ldv(zt);
    for (int v = 0; v < nv; v++) vm = vmax(vm, ldv(z + v * SIMD_W));
    float m = hmaxv(vm);
    if (m == -INFINITY) {
        /* Satırın tamamı maskeli: bakılacak konum yok, ağırlıkların hepsi 0. */
        for (int i = 0; i < K; i++) p[i] = 0.0f;
        return;
    }
    /* (z - m) <= 0 olduğundan e^(...) <= 1: taşma yok. τ çok küçükse (z - m)/τ -> -inf
     * ve e^-inf = 0: en büyük skor 1 alır (tek-sıcak). */
    vf sum = exp_neg0_v((ldv(zt) - m) * inv_t), et = sum;
    for (int v = 0; v < nv; v++) {
        vf e = exp_neg0_v((ldv(z + v * SIMD_W) - m) * inv_t);
        stv(p + v * SIMD_W, e);
        sum += e;
    }
    float inv = 1.0f / hsumv(sum);  /* toplam >= 1: en büyük terim e^0 */
    for (int v = 0; v < nv; v++) stv(p + v * SIMD_W, ldv(p + v * SIMD_W) * inv);
    float pt[SIMD_W];
    stv(pt, et * inv);
    for (int i = 0; i < tail; i++) p[nv * SIMD_W + i] = pt[i];
}

void softmax_temp_forward(float *probs, const float *logits, int rows, int K, float temperature) {
    check_temperature(temperature);
    float inv_t = 1.0f / temperature;
    for (int r = 0; r < rows; r++)
        softmax_row(probs + (size_t)r * K, logits + (size_t)r * K, K, inv_t); /* (K) */
}

/* Σ_i a[i] b[i], şerit şerit float toplayıcılarla (kuyruk ayrı) */
static float dot_row(const float *a, const float *b, int K) {
    vf acc = {0};
    int i = 0;
    for (; i + SIMD_W <= K; i += SIMD_W) acc += ldv(a + i) * ldv(b + i);
    float s = hsumv(acc);
    for (; i < K; i++) s += a[i] * b[i];
    return s;
}

void softmax_temp_backward(float *dlogits, const float *dprobs, const float *probs, int rows,
                           int K, float temperature) {
    check_temperature(temperature);
    float inv_t = 1.0f / temperature;
    for (int r = 0; r < rows; r++) {
        const float *p = probs + (size_t)r * K, *dp = dprobs + (size_t)r * K;  /* (K) */
        float *dz = dlogits + (size_t)r * K;                                     /* (K) */
        float dot = dot_row(dp, p, K);
#pragma omp simd
        for (int i = 0; i < K; i++) dz[i] += inv_t * p[i] * (dp[i] - dot);
    }
}

double entropy(const float *p, int K) {
    double h = 0.0;
    for (int i = 0; i < K; i++)
        if (p[i] > 0.0f) h -= (double)p[i] * log((double)p[i]);
    return h;
}

/* ---------------------------------------------------------------------------
 * 2) Maskeler
 * ------------------------------------------------------------------------- */

void causal_mask(unsigned char *mask, int T) {
    for (int i = 0; i < T; i++)
        for (int j = 0; j < T; j++) mask[(size_t)i * T + j] = (unsigned char)(j <= i);
}

void padding_mask(unsigned char *mask, const int *lengths, int B, int T) {
    for (int b = 0; b < B; b++) {
        if (lengths[b] < 0 || lengths[b] > T)
            die("padding_mask: %d. cümlenin uzunluğu %d, 0..%d aralığında olmalı", b,
                lengths[b], T);
        for (int t = 0; t < T; t++) mask[(size_t)b * T + t] = (unsigned char)(t < lengths[b]);
    }
}

/* ---------------------------------------------------------------------------
 * 3) Ölçekli nokta çarpım dikkati
 * ------------------------------------------------------------------------- */

static float sdpa_scale(int HS, int scaled) { return scaled ? 1.0f / sqrtf((float)HS) : 1.0f; }
/* Paralel bölge açmaya değer mi? (~1 milyon çarp-topla; zaten paralel bölgedeysek hayır) */
static int sdpa_par(int B, int Tq, int Tk, int D) {
    return B > 1 && (double)B * Tq * Tk * D >= 1048576.0 && !omp_in_parallel();
}

void sdpa_forward(float *out, float *att, const float *q, const float *k, const float *v, int B,
                  int Tq, int Tk, int HS, int DV, const unsigned char *mask,
                  const unsigned char *kpad, int scaled) {
    float s = sdpa_scale(HS, scaled);
    /* Örnekler (b: yığın x baş) birbirinden bağımsız: iş yeterince büyükse iş parçacıklarına
     * dağıtılır. Her b'yi tek iş parçacığı aynı sırayla hesaplar: sonuç iş parçacığı
     * sayısından bağımsızdır. */
#pragma omp parallel for schedule(static) if (sdpa_par(B, Tq, Tk, HS + DV))
    for (int b = 0; b < B; b++) {
        const float *qb = q + (size_t)b * Tq * HS;  /* (Tq,HS) */
        const float *kb = k + (size_t)b * Tk * HS;  /* (Tk,HS) */
        const float *vb = v + (size_t)b * Tk * DV;  /* (Tk,DV) */
        float *ab = att + (size_t)b * Tq * Tk;      /* (Tq,Tk) */
        float *ob = out + (size_t)b * Tq * DV;      /* (Tq,DV) */
        /* S = s · Q K^T */
        gemm(0, 1, Tq, Tk, HS, s, qb, HS, kb, HS, 0.0f, ab, Tk);
        /* Maskeli konumlar -inf: softmax'ta e^-inf = 0, yani tam olarak 0 ağırlık. */
        for (int i = 0; i < Tq; i++)
            for (int j = 0; j < Tk; j++) {
                int see = (!mask || mask[(size_t)i * Tk + j]) && (!kpad || kpad[(size_t)b * Tk + j]);
                if (!see) ab[(size_t)i * Tk + j] = -INFINITY;
            }
        /* A = softmax(S), satır satır (yerinde) */
        softmax_temp_forward(ab, ab, Tq, Tk, 1.0f);
        /* O = A V */
        gemm(0, 0, Tq, DV, Tk, 1.0f, ab, Tk, vb, DV, 0.0f, ob, DV);
    }
}

/* Softmax geri geçişi yerinde: dA'nın üzerine dS = A ⊙ (dA - Σ dA·A) yazılır.
 * Yalnızca sdpa_backward'ın kendi ara tamponunda kullanılır (dışarıya verilen
 * gradyanlar biriktirme kuralına uyar). */
static void softmax_backward_inplace(float *dA, const float *A, int rows, int K) {
    for (int r = 0; r < rows; r++) {
        const float *p = A + (size_t)r * K;  /* (K) */
        float *d = dA + (size_t)r * K;       /* (K) */
        float dot = dot_row(d, p, K);
#pragma omp simd
        for (int i = 0; i < K; i++) d[i] = p[i] * (d[i] - dot);
    }
}

size_t sdpa_work_size(int Tq, int Tk) { return (size_t)Tq * Tk; }

void sdpa_backward(float *dq, float *dk, float *dv, const float *dout, const float *att,
                   const float *q, const float *k, const float *v, int B, int Tq, int Tk, int HS,
                   int DV, int scaled, float *work) {
    float s = sdpa_scale(HS, scaled);
    int par = sdpa_par(B, Tq, Tk, 2 * HS + 2 * DV);
    /* İleri geçişteki gibi örnekler iş parçacıklarına dağıtılabilir; her iş parçacığının
     * kendi dS tamponu olur (ilki çağıranın work'ü). Her b'nin gradyanları ayrı yerlerdir. */
#pragma omp parallel if (par)
    {
        int tid = omp_get_thread_num();
        float *dS = tid == 0 ? work : xmalloc(sdpa_work_size(Tq, Tk) * sizeof(float)); /* (Tq,Tk) */
#pragma omp for schedule(static)
        for (int b = 0; b < B; b++) {
            const float *qb = q + (size_t)b * Tq * HS;     /* (Tq,HS) */
            const float *kb = k + (size_t)b * Tk * HS;     /* (Tk,HS) */
            const float *vb = v + (size_t)b * Tk * DV;     /* (Tk,DV) */
            const float *ab = att + (size_t)b * Tq * Tk;   /* (Tq,Tk) */
            const float *dob = dout + (size_t)b * Tq * DV; /* (Tq,DV) */
            /* dV += A^T dO   (beta = 1: biriktirme kuralı) */
            if (dv) gemm(1, 0, Tk, DV, Tq, 1.0f, ab, Tk, dob, DV, 1.0f, dv + (size_t)b * Tk * DV, DV);
            if (!dq && !dk) continue;
            /* dA = dO V^T, sonra softmax geri geçişi: dS = A ⊙ (dA - Σ dA·A) */
            gemm(0, 1, Tq, Tk, DV, 1.0f, dob, DV, vb, DV, 0.0f, dS, Tk);
            softmax_backward_inplace(dS, ab, Tq, Tk);
            /* dQ += s · dS K,   dK += s · dS^T Q */
            if (dq) gemm(0, 0, Tq, HS, Tk, s, dS, Tk, kb, HS, 1.0f, dq + (size_t)b * Tq * HS, HS);
            if (dk) gemm(1, 0, Tk, HS, Tq, s, dS, Tk, qb, HS, 1.0f, dk + (size_t)b * Tk * HS, HS);
        }
        if (tid != 0) free(dS);
    }
}

/* ---------------------------------------------------------------------------
 * 4) Çok başlı dikkat
 * ------------------------------------------------------------------------- */

void split_heads(float *dst, const float *src, int B, int T, int NH, int HS) {
    for (int b = 0; b < B; b++)
        for (int h = 0; h < NH; h++)
            for (int t = 0; t < T; t++)
                memcpy(dst + (((size_t)b * NH + h) * T + t) * HS,
                       src + ((size_t)b * T + t) * NH * HS + (size_t)h * HS, HS * sizeof(float));
}

void merge_heads(float *dst, const float *src, int B, int T, int NH, int HS) {
    for (int b = 0; b < B; b++)
        for (int h = 0; h < NH; h++)
            for (int t = 0; t < T; t++)
                memcpy(dst + ((size_t)b * T + t) * NH * HS + (size_t)h * HS,
                       src + (((size_t)b * NH + h) * T + t) * HS, HS * sizeof(float));
}

size_t mha_param_count(int C, int CKV) {
    return 2 * (size_t)C * C + 2 * (size_t)CKV * C + 4 * (size_t)C;
}

void mha_params_point(MhaParams *p, float *block, int C, int CKV) {
    float *x = block;
    p->wq = x; x += (size_t)C * C;
    p->bq = x; x += C;
    p->wk = x; x += (size_t)CKV * C;
    p->bk = x; x += C;
    p->wv = x; x += (size_t)CKV * C;
    p->bv = x; x += C;
    p->wo = x; x += (size_t)C * C;
    p->bo = x;
}

void mha_params_init(MhaParams *p, int C, int CKV, Rng *rng) {
    dense_init_glorot(p->wq, p->bq, C, C, rng);
    dense_init_glorot(p->wk, p->bk, CKV, C, rng);
    dense_init_glorot(p->wv, p->bv, CKV, C, rng);
    dense_init_glorot(p->wo, p->bo, C, C, rng);
}

void mha_acts_alloc(MhaActs *a, int C, int CKV, int NH, int maxB, int maxTq, int maxTk) {
    if (NH <= 0 || C <= 0 || CKV <= 0 || C % NH != 0)
        die("çok başlı dikkat: model genişliği C=%d baş sayısı NH=%d'ye tam bölünmeli", C, NH);
    memset(a, 0, sizeof *a);
    a->C = C; a->CKV = CKV; a->NH = NH; a->HS = C / NH;
    a->maxB = maxB; a->maxTq = maxTq; a->maxTk = maxTk;
    size_t nq = (size_t)maxB * maxTq * C, nk = (size_t)maxB * maxTk * C;
    size_t natt = (size_t)maxB * NH * maxTq * maxTk;
    size_t nproj = nq > nk ? nq : nk;
    size_t ndatt = sdpa_work_size(maxTq, maxTk);
    /* q k v qh kh vh att oh cat dcat doh dqh dkh dvh dproj datt */
    size_t total = nq + 2 * nk + nq + 2 * nk + natt + nq + nq + 3 * nq + 2 * nk + nproj + ndatt;
    float *x = a->mem = xcalloc(total, sizeof(float));
    a->q = x; x += nq;   a->k = x; x += nk;   a->v = x; x += nk;
    a->qh = x; x += nq;  a->kh = x; x += nk;  a->vh = x; x += nk;
    a->att = x; x += natt;
    a->oh = x; x += nq;  a->cat = x; x += nq;
    a->dcat = x; x += nq; a->doh = x; x += nq; a->dqh = x; x += nq;
    a->dkh = x; x += nk;  a->dvh = x; x += nk;
    a->dproj = x; x += nproj;
    a->datt = x;
    a->kpad_h = xcalloc((size_t)maxB * NH * maxTk, 1);
}

void mha_acts_free(MhaActs *a) {
    free(a->mem);
    free(a->kpad_h);
    memset(a, 0, sizeof *a);
}

void mha_forward(float *out, MhaActs *a, const MhaParams *p, const float *xq, const float *xkv,
                 int B, int Tq, int Tk, const unsigned char *mask, const unsigned char *kpad) {
    if (B > a->maxB || Tq > a->maxTq || Tk > a->maxTk || B <= 0 || Tq <= 0 || Tk <= 0)
        die("mha_forward: boyutlar (B=%d, Tq=%d, Tk=%d) ayrılan tamponu (%d, %d, %d) aşıyor", B,
            Tq, Tk, a->maxB, a->maxTq, a->maxTk);
    int C = a->C, CKV = a->CKV, NH = a->NH, HS = a->HS;
    a->B = B; a->Tq = Tq; a->Tk = Tk;
    /* Doğrusal izdüşümler: her konum (satır) ayrı ayrı, B*T satırlık bir yoğun katman */
    dense_forward(a->q, xq, p->wq, p->bq, B * Tq, C, C);    /* (B,Tq,C) */
    dense_forward(a->k, xkv, p->wk, p->bk, B * Tk, CKV, C); /* (B,Tk,C) */
    dense_forward(a->v, xkv, p->wv, p->bv, B * Tk, CKV, C); /* (B,Tk,C) */
    /* Başlara böl: (B,T,C) -> (B,NH,T,HS) */
    split_heads(a->qh, a->q, B, Tq, NH, HS);
    split_heads(a->kh, a->k, B, Tk, NH, HS);
    split_heads(a->vh, a->v, B, Tk, NH, HS);
    /* Dolgu maskesi her baş için aynı: (B,Tk) -> (B*NH,Tk) */
    if (kpad)
        for (int b = 0; b < B; b++)
            for (int h = 0; h < NH; h++)
                memcpy(a->kpad_h + ((size_t)b * NH + h) * Tk, kpad + (size_t)b * Tk, (size_t)Tk);
    /* B*NH bağımsız ölçekli nokta çarpım dikkati */
    sdpa_forward(a->oh, a->att, a->qh, a->kh, a->vh, B * NH, Tq, Tk, HS, HS, mask,
                 kpad ? a->kpad_h : NULL, 1);
    /* Birleştir ve çıkış izdüşümü W_O */
    merge_heads(a->cat, a->oh, B, Tq, NH, HS);               /* (B,Tq,C) */
    dense_forward(out, a->cat, p->wo, p->bo, B * Tq, C, C);  /* (B,Tq,C) */
}

void mha_backward(float *dxq, float *dxkv, MhaParams *g, const float *dout, MhaActs *a,
                  const MhaParams *p, const float *xq, const float *xkv) {
    int B = a->B, Tq = a->Tq, Tk = a->Tk, C = a->C, CKV = a->CKV, NH = a->NH, HS = a->HS;
    /* İç gradyan tamponları bu çağrıya aittir: biriktirme kuralı gereği önce sıfırlanır. */
    memset(a->dcat, 0, (size_t)B * Tq * C * sizeof(float));
    memset(a->dqh, 0, (size_t)B * Tq * C * sizeof(float));
    memset(a->dkh, 0, (size_t)B * Tk * C * sizeof(float));
    memset(a->dvh, 0, (size_t)B * Tk * C * sizeof(float));
    /* Çıkış izdüşümü: dW_O += cat^T dout, db_O += Σ dout, dcat += dout W_O^T */
    dense_backward(a->dcat, g->wo, g->bo, dout, a->cat, p->wo, B * Tq, C, C);
    /* merge_heads'in geri geçişi split_heads'tir */
    split_heads(a->doh, a->dcat, B, Tq, NH, HS);
    sdpa_backward(a->dqh, a->dkh, a->dvh, a->doh, a->att, a->qh, a->kh, a->vh, B * NH, Tq, Tk, HS,
                  HS, 1, a->datt);
    /* Üç izdüşüm giriş gradyanlarını doğrudan dxq / dxkv'ye ekler (öz dikkatte ikisi
     * aynı tampondur: X üç yerde kullanıldığı için üç katkı toplanır). */
    merge_heads(a->dproj, a->dqh, B, Tq, NH, HS);
    dense_backward(dxq, g->wq, g->bq, a->dproj, xq, p->wq, B * Tq, C, C);
    merge_heads(a->dproj, a->dkh, B, Tk, NH, HS);
    dense_backward(dxkv, g->wk, g->bk, a->dproj, xkv, p->wk, B * Tk, CKV, C);
    merge_heads(a->dproj, a->dvh, B, Tk, NH, HS);
    dense_backward(dxkv, g->wv, g->bv, a->dproj, xkv, p->wv, B * Tk, CKV, C);
}
