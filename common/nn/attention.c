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

/* Örnek bh'nin (Tq,HS) matrisinin başlangıcı: bh = b*NH + h. Matrisin satırları ld adımla
 * durur. Bitişik düzende (NH = 1, ld = HS) bu bh*T*HS'dir; çok başlı dikkatte (ld = C)
 * b. örneğin h. başı, (B,T,C) tamponunda [h·HS, (h+1)·HS) sütunlarıdır: başlara bölmek
 * kopyalamadan, yalnızca satır adımıyla okumaktır. */
static inline size_t head_at(int bh, int NH, int T, int ld, int HS) {
    return (size_t)(bh / NH) * T * ld + (size_t)(bh % NH) * HS;
}

/* Satır adımlı iç sürüm: BH = B*NH örnek; q/k/v/out satır adımları ldq/ldk/ldv/ldo;
 * kpad (B,Tk) her başa aynı uygulanır (bh / NH. satırı). */
static void sdpa_forward_strided(float *out, float *att, const float *q, const float *k,
                                 const float *v, int BH, int NH, int Tq, int Tk, int HS, int DV,
                                 int ldq, int ldk, int ldv, int ldo, const unsigned char *mask,
                                 const unsigned char *kpad, int scaled) {
    float s = sdpa_scale(HS, scaled);
    /* Örnekler (b: yığın x baş) birbirinden bağımsız: iş yeterince büyükse iş parçacıklarına
     * dağıtılır. Her b'yi tek iş parçacığı aynı sırayla hesaplar: sonuç iş parçacığı
     * sayısından bağımsızdır. */
#pragma omp parallel for schedule(static) if (sdpa_par(BH, Tq, Tk, HS + DV))
    for (int b = 0; b < BH; b++) {
        const float *qb = q + head_at(b, NH, Tq, ldq, HS);  /* (Tq,HS) */
        const float *kb = k + head_at(b, NH, Tk, ldk, HS);  /* (Tk,HS) */
        const float *vb = v + head_at(b, NH, Tk, ldv, DV);  /* (Tk,DV) */
        float *ab = att + (size_t)b * Tq * Tk;              /* (Tq,Tk) */
        float *ob = out + head_at(b, NH, Tq, ldo, DV);      /* (Tq,DV) */
        const unsigned char *kp = kpad ? kpad + (size_t)(b / NH) * Tk : NULL;
        /* S = s · Q K^T */
        gemm(0, 1, Tq, Tk, HS, s, qb, ldq, kb, ldk, 0.0f, ab, Tk);
        /* Maskeli konumlar -inf: softmax'ta e^-inf = 0, yani tam olarak 0 ağırlık. */
        if (mask || kp)
            for (int i = 0; i < Tq; i++)
                for (int j = 0; j < Tk; j++) {
                    int see = (!mask || mask[(size_t)i * Tk + j]) && (!kp || kp[j]);
                    if (!see) ab[(size_t)i * Tk + j] = -INFINITY;
                }
        /* A = softmax(S), satır satır (yerinde) */
        softmax_temp_forward(ab, ab, Tq, Tk, 1.0f);
        /* O = A V */
        gemm(0, 0, Tq, DV, Tk, 1.0f, ab, Tk, vb, ldv, 0.0f, ob, ldo);
    }
}

void sdpa_forward(float *out, float *att, const float *q, const float *k, const float *v, int B,
                  int Tq, int Tk, int HS, int DV, const unsigned char *mask,
                  const unsigned char *kpad, int scaled) {
    sdpa_forward_strided(out, att, q, k, v, B, 1, Tq, Tk, HS, DV, HS, HS, DV, DV, mask, kpad,
                         scaled);
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

/* Satır adımlı iç sürüm. dq/dk/dv, q/k/v ile aynı düzende (aynı satır adımı); dout, out'un
 * düzeninde (ldo). beta = 1: gradyanlar eklenir (genel kural); beta = 0: üzerine yazılır
 * (yalnız mha_backward'ın kendi ara tamponları için: her baş kendi bölgesine bir kez
 * yazdığı için önceden sıfırlamak gerekmez). */
static void sdpa_backward_strided(float *dq, float *dk, float *dv, const float *dout,
                                  const float *att, const float *q, const float *k,
                                  const float *v, int BH, int NH, int Tq, int Tk, int HS, int DV,
                                  int ldq, int ldk, int ldv, int ldo, int scaled, float *work,
                                  float beta) {
    float s = sdpa_scale(HS, scaled);
    int par = sdpa_par(BH, Tq, Tk, 2 * HS + 2 * DV);
    /* İleri geçişteki gibi örnekler iş parçacıklarına dağıtılabilir; her iş parçacığının
     * kendi dS tamponu olur (ilki çağıranın work'ü). Her b'nin gradyanları ayrı yerlerdir. */
#pragma omp parallel if (par)
    {
        int tid = omp_get_thread_num();
        float *dS = tid == 0 ? work : xmalloc(sdpa_work_size(Tq, Tk) * sizeof(float)); /* (Tq,Tk) */
#pragma omp for schedule(static)
        for (int b = 0; b < BH; b++) {
            size_t oq = head_at(b, NH, Tq, ldq, HS), ok = head_at(b, NH, Tk, ldk, HS);
            size_t ov = head_at(b, NH, Tk, ldv, DV);
            const float *qb = q + oq, *kb = k + ok, *vb = v + ov;   /* (Tq,HS) (Tk,HS) (Tk,DV) */
            const float *ab = att + (size_t)b * Tq * Tk;            /* (Tq,Tk) */
            const float *dob = dout + head_at(b, NH, Tq, ldo, DV);  /* (Tq,DV) */
            /* dV += A^T dO */
            if (dv) gemm(1, 0, Tk, DV, Tq, 1.0f, ab, Tk, dob, ldo, beta, dv + ov, ldv);
            if (!dq && !dk) continue;
            /* dA = dO V^T, sonra softmax geri geçişi: dS = A ⊙ (dA - Σ dA·A) */
            gemm(0, 1, Tq, Tk, DV, 1.0f, dob, ldo, vb, ldv, 0.0f, dS, Tk);
            softmax_backward_inplace(dS, ab, Tq, Tk);
            /* dQ += s · dS K,   dK += s · dS^T Q */
            if (dq) gemm(0, 0, Tq, HS, Tk, s, dS, Tk, kb, ldk, beta, dq + oq, ldq);
            if (dk) gemm(1, 0, Tk, HS, Tq, s, dS, Tk, qb, ldq, beta, dk + ok, ldk);
        }
        if (tid != 0) free(dS);
    }
}

void sdpa_backward(float *dq, float *dk, float *dv, const float *dout, const float *att,
                   const float *q, const float *k, const float *v, int B, int Tq, int Tk, int HS,
                   int DV, int scaled, float *work) {
    /* beta = 1: biriktirme kuralı */
    sdpa_backward_strided(dq, dk, dv, dout, att, q, k, v, B, 1, Tq, Tk, HS, DV, HS, HS, DV, DV,
                          scaled, work, 1.0f);
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
    size_t ndatt = sdpa_work_size(maxTq, maxTk);
    /* q k v att cat dcat dq dk dv datt */
    size_t total = nq + 2 * nk + natt + nq + nq + nq + 2 * nk + ndatt;
    float *x = a->mem = xcalloc(total, sizeof(float));
    a->q = x; x += nq;   a->k = x; x += nk;   a->v = x; x += nk;
    a->att = x; x += natt;
    a->cat = x; x += nq;
    a->dcat = x; x += nq; a->dq = x; x += nq;
    a->dk = x; x += nk;   a->dv = x; x += nk;
    a->datt = x;
}

void mha_acts_free(MhaActs *a) {
    free(a->mem);
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
    /* B*NH bağımsız ölçekli nokta çarpım dikkati. h. baş Q, K, V'nin [h·HS, (h+1)·HS)
     * sütunlarıdır (split_heads'in böldüğü gibi); kopyalamak yerine satır adımı C ile
     * okunur ve her başın çıktısı cat'in aynı sütunlarına yazılır (merge_heads gibi). */
    sdpa_forward_strided(a->cat, a->att, a->q, a->k, a->v, B * NH, NH, Tq, Tk, HS, HS, C, C, C,
                         C, mask, kpad, 1);
    /* Çıkış izdüşümü W_O */
    dense_forward(out, a->cat, p->wo, p->bo, B * Tq, C, C);  /* (B,Tq,C) */
}

void mha_backward(float *dxq, float *dxkv, MhaParams *g, const float *dout, MhaActs *a,
                  const MhaParams *p, const float *xq, const float *xkv) {
    int B = a->B, Tq = a->Tq, Tk = a->Tk, C = a->C, CKV = a->CKV, NH = a->NH, HS = a->HS;
    /* Çıkış izdüşümü: dW_O += cat^T dout, db_O += Σ dout; dcat = dout W_O^T bu çağrının
     * kendi ara tamponudur: üzerine yazılır (beta = 0, önceden sıfırlamak gerekmez). */
    dense_backward(NULL, g->wo, g->bo, dout, a->cat, p->wo, B * Tq, C, C);
    gemm(0, 1, B * Tq, C, C, 1.0f, dout, C, p->wo, C, 0.0f, a->dcat, C);
    /* Her başın dQ, dK, dV'si (B,T,C) tamponlarının kendi sütunlarına yazılır (beta = 0:
     * her sütun bloğu bir kez yazılır). */
    sdpa_backward_strided(a->dq, a->dk, a->dv, a->dcat, a->att, a->q, a->k, a->v, B * NH, NH, Tq,
                          Tk, HS, HS, C, C, C, C, 1, a->datt, 0.0f);
    /* Üç izdüşüm giriş gradyanlarını doğrudan dxq / dxkv'ye ekler (öz dikkatte ikisi
     * aynı tampondur: X üç yerde kullanıldığı için üç katkı toplanır). */
    dense_backward(dxq, g->wq, g->bq, a->dq, xq, p->wq, B * Tq, C, C);
    dense_backward(dxkv, g->wk, g->bk, a->dk, xkv, p->wk, B * Tk, CKV, C);
    dense_backward(dxkv, g->wv, g->bv, a->dv, xkv, p->wv, B * Tk, CKV, C);
}
