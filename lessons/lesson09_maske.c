/*
 * lesson09 — Maskeleme (masking): dolgu maskesi (padding mask) ve geleceği görmeme kuralı
 *
 * Bu derste öğrenecekleriniz:
 *   - Farklı uzunluktaki cümleleri tek bir yığına (batch) koymak için dolgu
 *     (padding) ve dikkatin (attention) dolguya bakmasını engelleyen dolgu maskesi.
 *   - Nedensel maske (causal mask): t konumu yalnızca 0..t konumlarına bakar.
 *     Maskeli skorlar -∞ olur, softmax onlara TAM OLARAK 0 ağırlık verir.
 *   - Sızıntı (leak) deneyi: küçük bir sonraki-harf modelini bir kez maskeyle,
 *     bir kez maskesiz eğitiyoruz. Model: gömme (embedding), konumsal kodlama
 *     (positional encoding), öz dikkat (self-attention) ve doğrusal bir çıkış;
 *     ayrıntıları sonraki derslerde gelen parçaları 5. adımda kısaca tanıtıyoruz.
 *     Maskesiz model eğitimde kopya çeker (t konumu cevabı, yani t+1 harfini
 *     görür) ve kaybı (loss) sıfıra yaklaşır; ama metin üretirken gelecek elde
 *     olmadığından çöker. Maskeli model dürüst öğrenir ve metni üretebilir.
 *   - "Dürüst" (otoregresif, autoregressive) değerlendirme: her konumda modele
 *     yalnızca geçmişi verip bir sonraki harfi sormak.
 *
 * Çalıştırma:  make lesson09 && ./lesson09        (tam eğitim)
 *              ./lesson09 --quick                  (daha kısa eğitim)
 *              ./lesson09 --quiz                   (sınav)
 * Matematik common/ altında: attention.c (maskeler, mha_*), embed.c (gömme, LayerNorm,
 * konumsal kodlama), dense.c, loss.c, optim.c.
 * Her geri geçişin gradyanı (gradient) elle yazılmıştır ve testlerde sınanır.
 */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nn/attention.h"
#include "doaa.h"
#include "nn/embed.h"

#define NSTEPS 8

/* ======================================================================
 * Birinci bölüm: maskeleri görmek (kelime düzeyinde küçük bir yığın)
 * ==================================================================== */

#define NS 4    /* cümle sayısı (B) */
#define WT 5    /* en uzun cümlenin kelime sayısı (T) */
static const char *SENTENCES[NS] = {"Ali bankadan kredi çekti", "Çay demlendi",
                                    "Yarın hava çok güzel olacak", "Kedi pencerede uyudu"};

typedef struct {
    char words[NS][WT][32];   /* dolgu yerinde "<pad>" */
    int ids[NS * WT];         /* (B,T) kelime numaraları, 0 = <pad> */
    int lengths[NS];          /* (B) */
    char vocab[32][32];       /* numara -> kelime */
    int V;
} WordBatch;

/*
 * Adım 1: Cümleleri simgelere (token) ayır ve doldur
 *
 * Bir yığındaki her örnek aynı T uzunluğunda olmalıdır; yoksa (B,T,C) şeklinde
 * bitişik bir tensör kuramayız. Kısa cümlelerin sonunu özel bir <pad> (dolgu)
 * simgesiyle doldururuz. Burada simgeler kelimelerdir (boşluktan bölüyoruz);
 * her farklı kelimeye bir numara verilir, <pad> = 0.
 */
static void step1_tokenize(WordBatch *wb) {
    step_banner(1, NSTEPS, "Cümleleri kelimelere ayır ve <pad> ile doldur");
    memset(wb, 0, sizeof *wb);
    snprintf(wb->vocab[0], sizeof wb->vocab[0], "<pad>");
    wb->V = 1;
    for (int b = 0; b < NS; b++) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s", SENTENCES[b]);
        int t = 0;
        for (char *w = strtok(buf, " "); w && t < WT; w = strtok(NULL, " "), t++) {
            snprintf(wb->words[b][t], sizeof wb->words[b][t], "%s", w);
            int id = -1;
            for (int v = 1; v < wb->V; v++)
                if (strcmp(wb->vocab[v], w) == 0) id = v;
            if (id < 0) {
                id = wb->V++;
                snprintf(wb->vocab[id], sizeof wb->vocab[id], "%s", w);
            }
            wb->ids[b * WT + t] = id;
        }
        wb->lengths[b] = t;
        for (; t < WT; t++) {
            snprintf(wb->words[b][t], sizeof wb->words[b][t], "<pad>");
            wb->ids[b * WT + t] = 0;
        }
    }
    printf("%d cümle, en uzunu %d kelime: yığın şekli (B,T) = (%d,%d),\nsözlük (vocabulary) %d kelime "
           "(<pad> dahil). Parantezde cümlenin uzunluğu:\n",
           NS, WT, NS, WT, wb->V);
    for (int b = 0; b < NS; b++) {
        printf("  cümle %d (%d): ", b, wb->lengths[b]);
        for (int t = 0; t < WT; t++) {
            char cell[48];
            snprintf(cell, sizeof cell, "%s=%d", wb->words[b][t], wb->ids[b * WT + t]);
            term_pad(cell, t + 1 < WT ? 13 : 0);
        }
        printf("\n");
    }
    int npad = 0;
    for (int b = 0; b < NS; b++) npad += WT - wb->lengths[b];
    printf("%d hücreden %d tanesi dolgu:\ndikkat bunlara bakmamalı, kayıp bunlarda hesaplanmamalı.\n",
           NS * WT, npad);
}

/*
 * Adım 2: Dolgu maskesi (padding mask)
 *
 * mask[b][t] = 1 ise t konumu gerçek bir kelime, 0 ise dolgudur. Dikkatte bu maske
 * ANAHTARLARA (keys) uygulanır: hiçbir sorgu (query) dolguya bakmaz. Dolgu konumlarının
 * kendi çıktıları yine hesaplanır ama kullanılmaz (kayıpta atlanır).
 */
static void step2_padding(const WordBatch *wb, unsigned char *pmask, int ascii) {
    step_banner(2, NSTEPS, "Dolgu maskesi (padding mask)");
    padding_mask(pmask, wb->lengths, NS, WT);
    for (int b = 0; b < NS; b++) {
        printf("  cümle %d: ", b);
        for (int t = 0; t < WT; t++) printf("%d ", pmask[b * WT + t]);
        printf("  (%d gerçek kelime)\n", wb->lengths[b]);
    }
    Plot p;
    /* Şekil dolgu_maskesi: Her satır yığındaki bir cümledir: mavi hücreler gerçek kelimeler, gri
     * hücreler cümleleri aynı uzunluğa getiren <pad> dolgusudur; dolgu maskesi yalnızca mavi
     * hücrelere bakılmasına izin verir. */
    FILE *d = plot_begin(&p, "lesson09", "dolgu_maskesi");
    for (int b = 0; b < NS; b++) {
        for (int t = 0; t < WT; t++) fprintf(d, "%d %d %d \"%s\"\n", t, b, pmask[b * WT + t], wb->words[b][t]);
        fputc('\n', d);
    }
    char body[1024];
    snprintf(body, sizeof body,
             "set title 'Dolgu maskesi: 1 = gerçek kelime, 0 = <pad>'\n"
             "set xlabel 'konum t'\nset ylabel 'cümle b'\n"
             "set xrange [-0.5:%d.5]\nset yrange [%d.5:-0.5]\nset xtics 1\nset ytics 1\n"
             "set palette defined (0 '#eeeeee', 1 '#6baed6')\nset cbrange [0:1]\nunset colorbox\n"
             "unset key\n"
             "plot 'dolgu_maskesi.dat' using 1:2:3 with image, '' using 1:2:4 with labels font ',11'\n",
             WT - 1, NS - 1);
    plot_finish_size(&p, body, 800, 400);
    plot_render(&p, ascii);
    printf("Isı haritası (heatmap): %s\n", plot_png_path(&p));
}

/*
 * Adım 3: Nedensel maske (causal mask) ve iki maskenin birleşimi
 *
 * Bir dil modeli metni soldan sağa üretir: t konumundayken t+1, t+2, ... henüz
 * yazılmamıştır. Eğitimde bütün cümleyi bir kerede verdiğimiz için, modelin
 * "geleceğe" bakmasını maske ile yasaklarız: mask[i][j] = 1 yalnızca j <= i
 * iken. Şekli alt üçgendir. Dolguyla birlikte: i sorgusu j anahtarına ancak
 * j <= i VE j gerçek bir kelimeyse bakabilir.
 */
static void step3_causal(const WordBatch *wb, const unsigned char *pmask, unsigned char *cmask,
                         int ascii) {
    step_banner(3, NSTEPS, "Nedensel maske (causal mask) ve birleşik maske");
    causal_mask(cmask, WT);
    int b = 2;  /* en uzun cümle: maskenin tamamı görünsün */
    const char *lab[WT];
    for (int t = 0; t < WT; t++) lab[t] = wb->words[b][t];
    float m[WT * WT];
    int ones = 0;
    for (int i = 0; i < WT * WT; i++) m[i] = cmask[i], ones += cmask[i];
    printf("Nedensel maske (%dx%d): %d hücre açık = 1+2+...+%d;\nköşegenin üstü (gelecek) kapalı.\n",
           WT, WT, ones, WT);
    for (int i = 0; i < WT; i++) {
        printf("  ");
        term_pad(lab[i], 8);
        printf(" bakabilir: ");
        for (int j = 0; j <= i; j++) printf("%s%s", j ? ", " : "", lab[j]);
        printf("\n");
    }
    /* Şekil nedensel_maske: Satırdaki kelime yalnızca 1 yazan hücrelere bakabilir: alt üçgen dolu,
     * üst üçgen boştur, yani hiçbir kelime kendinden sonrakini göremez. */
    plot_heatmap("lesson09", "nedensel_maske",
                 "Nedensel maske: satırdaki kelime yalnızca kendisine ve soluna bakar", WT, WT, m,
                 lab, lab, "bakılan kelime (anahtar j)", "bakan kelime (sorgu i)", 1, ascii);
    printf("Isı haritası: plots/lesson09/nedensel_maske.png\n");

    /* Birleşik maske: dolgulu bir cümle için */
    b = 3;
    for (int t = 0; t < WT; t++) lab[t] = wb->words[b][t];
    ones = 0;
    for (int i = 0; i < WT; i++)
        for (int j = 0; j < WT; j++) {
            m[i * WT + j] = (float)(cmask[i * WT + j] && pmask[b * WT + j]);
            ones += (int)m[i * WT + j];
        }
    printf("Cümle %d (\"%s\", %d kelime + %d dolgu):\nnedensel VE dolgu maskesi %d hücre açık.\n", b,
           SENTENCES[b], wb->lengths[b], WT - wb->lengths[b], ones);
    /* Şekil birlesik_maske: İki maske birlikte: nedensel üçgenden ayrıca <pad> sütunları da
     * silinir; dolgu satırları bile yalnızca gerçek kelimelere bakar. */
    plot_heatmap("lesson09", "birlesik_maske", "Nedensel ve dolgu maskesi birlikte", WT, WT, m,
                 lab, lab, "anahtar j", "sorgu i", 1, ascii);
    printf("Isı haritası: plots/lesson09/birlesik_maske.png\n(<pad> sütunları tamamen kapalı).\n");
}

/*
 * Adım 4: Maske dikkat ağırlıklarını nasıl değiştirir?
 *
 * Dikkat skorları $S = Q K^\top / \sqrt{d}$'dir. Maskeli her (i,j) hücresine -∞ yazılır:
 *   $A_{ij} = \frac{m_{ij}\, e^{S_{ij}}}{\sum_{j'} m_{ij'}\, e^{S_{ij'}}}, \qquad m_{ij} \in \{0, 1\}$
 * softmax'ta e^-∞ = 0 olduğundan o hücrenin ağırlığı yaklaşık değil, TAM OLARAK
 * sıfırdır ve satırın geri kalanı yine toplamı 1 olacak biçimde paylaşılır.
 * Rastgele Q, K, V ile deneyelim; ölçülecek iki şey: satır toplamları ve
 * maskeli hücrelere giden toplam ağırlık.
 */
static double step4_weights(const WordBatch *wb, const unsigned char *pmask,
                            const unsigned char *cmask, const LessonArgs *a) {
    step_banner(4, NSTEPS, "Maskeli dikkat ağırlıkları");
    enum { HS = 8 };
    Rng rng;
    rng_seed(&rng, (uint64_t)a->seed + 9);
    static float q[NS * WT * HS], k[NS * WT * HS], v[NS * WT * HS], o[NS * WT * HS],
        att[NS * WT * WT];
    for (int i = 0; i < NS * WT * HS; i++) {
        q[i] = rng_normal(&rng);
        k[i] = rng_normal(&rng);
        v[i] = rng_normal(&rng);
    }
    sdpa_forward(o, att, q, k, v, NS, WT, WT, HS, HS, cmask, pmask, 1);
    double leak = 0, worst_row = 0;
    int masked_cells = 0;
    for (int b = 0; b < NS; b++)
        for (int i = 0; i < WT; i++) {
            double rs = 0;
            for (int j = 0; j < WT; j++) {
                float w = att[(b * WT + i) * WT + j];
                rs += w;
                if (!(cmask[i * WT + j] && pmask[b * WT + j])) leak += w, masked_cells++;
            }
            worst_row = fmax(worst_row, fabs(rs - 1.0));
        }
    printf("%d cümle x %d sorgu satırı: satır toplamları 1'den en fazla %.1e sapıyor.\n", NS, WT,
           worst_row);
    printf("Maskeli %d hücreye giden toplam ağırlık: %g (tam sıfır).\n", masked_cells, leak);
    int b = 3;
    printf("Cümle %d için ağırlıklar (satır = sorgu):\n", b);
    const char *lab[WT];
    for (int t = 0; t < WT; t++) lab[t] = wb->words[b][t];
    for (int i = 0; i < WT; i++) {
        printf("  ");
        term_pad(lab[i], 10);
        for (int j = 0; j < WT; j++) printf(" %.3f", att[(b * WT + i) * WT + j]);
        printf("\n");
    }
    /* Şekil maskeli_agirliklar: Rastgele Q ve K ile hesaplanan dikkat ağırlıkları: maskenin
     * kapattığı hücrelerin tam 0 olduğuna ve her satırın kalan hücrelerinin toplamının 1 olduğuna
     * bakın. */
    plot_heatmap("lesson09", "maskeli_agirliklar",
                 "Maskeli dikkat ağırlıkları (rastgele Q, K): kapalı hücreler tam 0", WT, WT,
                 att + b * WT * WT, lab, lab, "anahtar j", "sorgu i", 1, a->ascii);
    printf("Isı haritası: plots/lesson09/maskeli_agirliklar.png\n");
    return leak;
}

/* ======================================================================
 * İkinci bölüm: sızıntı deneyi (harf düzeyinde küçük bir dil modeli)
 * ==================================================================== */

/* Eğitim metni: küçük harfli, kısa Türkçe cümleler. Model bunu ezberlemeye çalışır. */
static const char *TEXT =
    "ali sabah erkenden kalktı. ayşe çayı demledi. kedi pencerenin önünde uyudu. "
    "ali ekmek almaya çıktı. ayşe kahvaltıyı hazırladı. kedi sütünü içti. "
    "yağmur yağınca ali şemsiyesini aldı. ayşe bahçede kitap okudu. kedi yine uyudu. "
    "akşam olunca herkes sofraya oturdu. ";

#define MAXV 64
typedef struct {
    int *ids, n;              /* metnin harf numaraları (n) */
    char sym[MAXV][5];        /* numara -> UTF-8 harf */
    int V;
} CharText;

/* UTF-8 metni harflere (Unicode kod noktalarına) böler; her farklı harfe bir numara. */
static void char_tokenize(CharText *ct, const char *s) {
    memset(ct, 0, sizeof *ct);
    ct->ids = xmalloc(strlen(s) * sizeof(int));
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int len = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : 4;
        char ch[5] = {0};
        for (int i = 0; i < len; i++) {
            if (!p[i]) die("eğitim metni geçersiz UTF-8 içeriyor");
            ch[i] = (char)p[i];
        }
        int id = -1;
        for (int v = 0; v < ct->V; v++)
            if (strcmp(ct->sym[v], ch) == 0) id = v;
        if (id < 0) {
            if (ct->V == MAXV) die("eğitim metninde %d'den fazla farklı harf var", MAXV);
            id = ct->V++;
            memcpy(ct->sym[id], ch, 5);
        }
        ct->ids[ct->n++] = id;
        p += len;
    }
}

/*
 * Model (bütün parametreler tek blokta, bkz. net.h):
 *   x = tok[id] + PE                    (B,T,C)   gömme + konumsal kodlama (PE)
 *   a = MHA(x, maske)                   (B,T,C)   tek çok başlı öz dikkat katmanı
 *   h = x + a                           (B,T,C)   artık bağlantı (residual connection)
 *   n = LayerNorm(h)                    (B,T,C)   katman normalizasyonu (layer normalization)
 *   z = n W + b                         (B,T,V)   her konumda bir sonraki harfin skorları
 *   L = ortalama softmax çapraz entropi (cross-entropy); hedef: bir sonraki harf
 */
typedef struct {
    int V, C, NH, T, maxB;
    Params prm;                                 /* tek blok: prm.params, prm.grads (prm.n) */
    float *tok, *ln_g, *ln_b, *wh, *bh;       /* (V,C), (C), (C), (C,V), (V) */
    float *dtok, *dln_g, *dln_b, *dwh, *dbh;  /* aynı düzende gradyanlar */
    MhaParams P, G;
    MhaActs acts;
    float *pe;                                  /* (T,C) sabit tablo */
    unsigned char *cmask;                       /* (T,T) */
    /* ileri geçişin (forward pass) sakladıkları */
    float *x, *a, *h, *nrm, *mean, *rstd, *logits, *probs;
    /* geri geçiş tamponları */
    float *dlogits, *dn, *dh, *dx;
    int B, L, masked;         /* son ileri geçiş */
} Lm;

static void lm_init(Lm *m, int V, int C, int NH, int T, int maxB, uint64_t seed) {
    memset(m, 0, sizeof *m);
    m->V = V; m->C = C; m->NH = NH; m->T = T; m->maxB = maxB;
    /* Parametre bloğu (model/params.h): her tensör bir satır; sıra = bellekteki sıra */
    params_init(&m->prm);
    params_add(&m->prm, "tok", &m->tok, &m->dtok, (size_t)V * C);
    models_mha_params_add(&m->prm, "attn", &m->P, &m->G, C, C);
    params_add(&m->prm, "ln_g", &m->ln_g, &m->dln_g, C);
    params_add(&m->prm, "ln_b", &m->ln_b, &m->dln_b, C);
    params_add(&m->prm, "wh", &m->wh, &m->dwh, (size_t)C * V);
    params_add(&m->prm, "bh", &m->bh, &m->dbh, V);
    params_alloc(&m->prm);
    Rng rng;
    rng_seed(&rng, seed);
    embedding_init(m->tok, V, C, 1.0f, &rng);
    mha_params_init(&m->P, C, C, &rng);
    for (int c = 0; c < C; c++) m->ln_g[c] = 1.0f, m->ln_b[c] = 0.0f;
    dense_init_glorot(m->wh, m->bh, C, V, &rng);
    mha_acts_alloc(&m->acts, C, C, NH, maxB, T, T);
    m->pe = xmalloc((size_t)T * C * sizeof(float));
    posenc_sinusoid(m->pe, T, C);
    m->cmask = xmalloc((size_t)T * T);
    size_t btc = (size_t)maxB * T * C, btv = (size_t)maxB * T * V, bt = (size_t)maxB * T;
    m->x = xmalloc(btc * 4); m->a = xmalloc(btc * 4); m->h = xmalloc(btc * 4);
    m->nrm = xmalloc(btc * 4); m->mean = xmalloc(bt * 4); m->rstd = xmalloc(bt * 4);
    m->logits = xmalloc(btv * 4); m->probs = xmalloc(btv * 4);
    m->dlogits = xmalloc(btv * 4); m->dn = xmalloc(btc * 4); m->dh = xmalloc(btc * 4);
    m->dx = xmalloc(btc * 4);
}

static void lm_free(Lm *m) {
    params_free(&m->prm); mha_acts_free(&m->acts); free(m->pe); free(m->cmask);
    free(m->x); free(m->a); free(m->h); free(m->nrm); free(m->mean); free(m->rstd);
    free(m->logits); free(m->probs); free(m->dlogits); free(m->dn); free(m->dh); free(m->dx);
}

/* ids (B,L) -> m->logits (B,L,V); L <= T. masked: nedensel maske kullanılsın mı? */
static void lm_forward(Lm *m, const int *ids, int B, int L, int masked) {
    int C = m->C;
    m->B = B; m->L = L; m->masked = masked;
    embedding_forward(m->x, ids, m->tok, B, L, m->V, C);
    posenc_add(m->x, m->pe, B, L, C);   /* pe'nin ilk L satırı */
    if (masked) causal_mask(m->cmask, L);
    mha_forward(m->a, &m->acts, &m->P, m->x, m->x, B, L, L, masked ? m->cmask : NULL, NULL);
    size_t nn = (size_t)B * L * C;
    for (size_t i = 0; i < nn; i++) m->h[i] = m->x[i] + m->a[i];
    layernorm_forward(m->nrm, m->mean, m->rstd, m->h, m->ln_g, m->ln_b, B, L, C);
    dense_forward(m->logits, m->nrm, m->wh, m->bh, B * L, C, m->V);
}

/* Ortalama kayıp; targets (B,L). */
static float lm_loss(Lm *m, const int *targets) {
    return softmax_xent_forward(m->probs, m->logits, targets, m->B * m->L, m->V);
}

/* Geri geçiş, sondan başa; gradyanlar m->prm.grads'a EKLENİR. lm_loss'tan sonra çağrılır. */
static void lm_backward(Lm *m, const int *ids, const int *targets) {
    int B = m->B, L = m->L, C = m->C, V = m->V;
    size_t btc = (size_t)B * L * C;
    /* Biriktirme kuralı: her geri geçiş kendi gradyan tamponuna ekler; ara
     * tamponlar burada bir kez sıfırlanır. */
    memset(m->dlogits, 0, (size_t)B * L * V * sizeof(float));
    memset(m->dn, 0, btc * sizeof(float));
    memset(m->dh, 0, btc * sizeof(float));
    memset(m->dx, 0, btc * sizeof(float));
    softmax_xent_backward(m->dlogits, m->probs, targets, B * L, V);
    dense_backward(m->dn, m->dwh, m->dbh, m->dlogits, m->nrm, m->wh, B * L, C, V);
    layernorm_backward(m->dh, m->dln_g, m->dln_b, m->dn, m->h, m->ln_g, m->mean, m->rstd, B, L, C);
    /* h = x + a: artık bağlantı gradyanı x'e doğrudan geçirir (dx += dh), a'ya da
     * aynısını; mha_backward kendi katkısını aynı dx'e ekler: ara tampon gerekmez. */
    for (size_t i = 0; i < btc; i++) m->dx[i] += m->dh[i];
    mha_backward(m->dx, m->dx, &m->G, m->dh, &m->acts, &m->P, m->x, m->x);
    /* PE sabittir; gradyan yalnızca gömme tablosuna gider */
    embedding_backward(m->dtok, m->dx, ids, B, L, V, C);
}

/* Metnin s konumundan başlayan L uzunluğunda pencere: giriş ve bir kaydırılmış hedef. */
static void window(const CharText *ct, int s, int L, int *in, int *tg) {
    for (int t = 0; t < L; t++) {
        in[t] = ct->ids[s + t];
        tg[t] = ct->ids[s + t + 1];
    }
}

/*
 * Adım 5: Küçük dil modeli ve gradyan denetimi
 *
 * Her konum bir sonraki harfi tahmin eder: girdi "ali sabah", hedef "li sabah ".
 * Maskesiz modelde t konumunun dikkati t+1 konumunu görebilir — orada duran harf
 * tam da t'nin cevabıdır.
 *
 * Modelin parçalarından ikisi bu derste ilk kez geçiyor; ayrıntıları ileride:
 *   - çok başlı öz dikkat (multi-head attention, MHA): lesson07'deki dikkat NH kez,
 *     her biri C/NH boyutlu ayrı bir izdüşümde (projection) hesaplanır, sonuçlar yan yana eklenip
 *     bir çıkış matrisinden geçer. Her baş başka bir ilişkiye bakabilir (lesson10).
 *   - konumsal kodlama (PE): dikkat kelimelerin sırasını bilmez; her konumun
 *     vektörüne o konuma özgü sabit bir sinüs/kosinüs deseni eklenir (lesson11).
 *     lesson11'de göreceğimiz gibi PE(t+1) = M_1 PE(t) olduğundan "bir sağımdakine
 *     bak" demek, W_Q ve W_K'nın öğrenebileceği basit bir kuraldır.
 * ve iki küçük yardımcı:
 *   - artık bağlantı (residual connection): h = x + a. Dikkatin çıktısı girdinin
 *     yerine geçmez, üstüne eklenir; dikkat yalnızca bir düzeltme öğrenir ve
 *     gradyan x'e doğrudan (dikkatin içinden geçmeden) akar.
 *   - katman normalizasyonu (layer normalization, LayerNorm): her konumun C sayısı
 *     ortalaması 0, standart sapması 1 olacak biçimde ölçeklenir, sonra öğrenilen
 *     γ ve β ile kaydırılır: n = γ (h - μ) / σ + β. Ölçek eğitim boyunca kaymaz,
 *     öğrenme kararlı kalır (formülleri ve geri geçişi common/nn/embed.h'de).
 *
 * Eğitmeden önce elle yazdığımız geri geçişi sonlu farklarla (finite differences)
 * sınıyoruz; iki modelde de (maskeli ve maskesiz) her parametre grubundan örnekler.
 * Her denenen parametre için
 *   oran = |sayısal - analitik| / (atol + rtol · max(|sayısal|, |analitik|))
 * hesaplanır; oran <= 1 ise eleman geçer (atol küçük gradyanlarda, rtol büyüklerde
 * belirleyicidir).
 */
typedef struct {
    Lm *m;
    const int *in, *tg;
    int B, L, masked;
} GcCtx;

static double gc_loss(void *p) {
    GcCtx *c = p;
    lm_forward(c->m, c->in, c->B, c->L, c->masked);
    return lm_loss(c->m, c->tg);
}

static double step5_model(const CharText *ct, const LessonArgs *a, int C, int NH, int T,
                          size_t *checked_out) {
    step_banner(5, NSTEPS, "Küçük dil modeli ve gradyan denetimi");
    printf("Eğitim metni: %d harf, %d farklı simge (boşluk ve nokta dahil):\n  \"", ct->n, ct->V);
    for (int i = 0; i < 60; i++) printf("%s", ct->sym[ct->ids[i]]);
    printf("...\"\n");
    printf("Model: gömme (%d,%d) + konumsal kodlama (PE) -> %d başlı öz dikkat\n"
           "       -> artık bağlantı + LayerNorm -> doğrusal (%d,%d).\n", ct->V, C, NH, C, ct->V);
    printf("  %d başlı öz dikkat: dikkat %d kez, her biri %d boyutlu ayrı bir izdüşümde\n"
           "    (ayrıntısı lesson10'da).\n", NH, NH, C / NH);
    printf("  konumsal kodlama (PE): her konuma sabit bir sinüs/kosinüs vektörü eklenir;\n"
           "    dikkat sırayı ancak böyle bilir (ayrıntısı lesson11'de).\n");
    printf("  artık bağlantı: h = x + dikkat(x); dikkat girdinin üstüne bir düzeltme ekler.\n");
    printf("  LayerNorm, yani katman normalizasyonu: her konumun %d sayısını ortalama 0,\n"
           "    sapma 1'e getirip öğrenilen γ, β ile ölçekler; eğitim kararlı kalır.\n", C);
    Lm m;
    lm_init(&m, ct->V, C, NH, T, 2, (uint64_t)a->seed);
    printf("Parametreler tek blokta: %zu sayı\n(gömme %d, dikkat %zu, LayerNorm %d, çıkış %d).\n", m.prm.n,
           ct->V * C, mha_param_count(C, C), 2 * C, C * ct->V + ct->V);
    enum { GB = 2, GL = 7 };
    int in[GB * GL], tg[GB * GL];
    window(ct, 3, GL, in, tg);
    window(ct, 40, GL, in + GL, tg + GL);
    double worst = 0, rtol = 2e-2, atol = 2e-4;
    size_t checked = 0;
    printf("Gradyan denetimi: her denenen parametrede sayısal türev (L(θ+ε) - L(θ-ε)) / 2ε\n"
           "ile analitik türev karşılaştırılır;\noran = |sayısal - analitik| / (atol + rtol · "
           "max(|sayısal|, |analitik|)),\natol = %g, rtol = %g; oran <= 1 geçer.\n", atol, rtol);
    for (int masked = 1; masked >= 0; masked--) {
        GcCtx c = {&m, in, tg, GB, GL, masked};
        params_zero_grad(&m.prm);
        gc_loss(&c);
        lm_backward(&m, in, tg);
        /* Gradyanı bir kopyaya al: gradcheck ileri geçişi tekrar tekrar çağırır */
        float *g = xmalloc(m.prm.n * sizeof(float));
        memcpy(g, m.prm.grads, m.prm.n * sizeof(float));
        GradCheck r = gradcheck(gc_loss, &c, m.prm.params, g, m.prm.n, 400, 1e-2, rtol, atol);
        printf("  %s model: %zu parametre denendi, %zu geçti; en kötü oran %.3f\n"
               "    (o parametrede sayısal %.3e, analitik %.3e)\n",
               masked ? "maskeli " : "maskesiz", r.checked, r.passed, r.worst, r.numeric,
               r.analytic);
        worst = fmax(worst, r.worst);
        checked += r.checked;
        free(g);
    }
    lm_free(&m);
    *checked_out = checked;
    return worst;
}

/*
 * Adım 6: Eğitim — maskeli ve maskesiz
 *
 * İki model aynı tohumla (seed), aynı başlangıç ağırlıklarıyla ve aynı pencerelerle
 * eğitilir; tek fark nedensel maskedir. Her adımda metinden rastgele B tane
 * T harflik pencere seçilir; Adam eniyileyicisi (optimizer, bkz. optim.h) parametre
 * bloğunu tek döngüde günceller. Eğitim kaybı, "cevap anahtarı" görülerek
 * hesaplanan kayıptır; maskesiz modelde ona güvenmemeyi öğreneceğiz.
 */
typedef struct {
    float *loss;   /* (steps) her adımın kaybı */
    float final;   /* son adımların ortalaması */
} TrainLog;

static void train(Lm *m, const CharText *ct, int masked, int steps, int B, float lr,
                  uint64_t seed, TrainLog *log) {
    Adam opt;
    adam_init(&opt, m->prm.n, lr);
    Rng rng;
    rng_seed(&rng, seed);
    int T = m->T;
    int *in = xmalloc((size_t)B * T * sizeof(int)), *tg = xmalloc((size_t)B * T * sizeof(int));
    log->loss = xmalloc((size_t)steps * sizeof(float));
    double tail = 0;
    int ntail = steps / 10 > 0 ? steps / 10 : 1;
    for (int s = 0; s < steps; s++) {
        for (int b = 0; b < B; b++) window(ct, rng_int(&rng, ct->n - T - 1), T, in + b * T, tg + b * T);
        params_zero_grad(&m->prm);
        lm_forward(m, in, B, T, masked);
        float L = lm_loss(m, tg);
        lm_backward(m, in, tg);
        adam_step(&opt, m->prm.params, m->prm.grads);
        log->loss[s] = L;
        if (s >= steps - ntail) tail += L;
    }
    log->final = (float)(tail / ntail);
    adam_free(&opt);
    free(in);
    free(tg);
}

static void step6_train(Lm *mm, Lm *mu, const CharText *ct, int steps, int B, float lr,
                        const LessonArgs *a, TrainLog *lm_, TrainLog *lu) {
    step_banner(6, NSTEPS, "Eğitim: maskeli ve maskesiz");
    double t0 = now_sec();
    train(mm, ct, 1, steps, B, lr, (uint64_t)a->seed + 1, lm_);
    double t1 = now_sec();
    train(mu, ct, 0, steps, B, lr, (uint64_t)a->seed + 1, lu);
    double t2 = now_sec();
    printf("%d adım, yığın %d pencere x %d harf, Adam,\nöğrenme oranı (learning rate) η = %g, %d iş "
           "parçacığı.\n",
           steps, B, mm->T, lr, a->threads);
    int ntail = steps / 10 > 0 ? steps / 10 : 1;
    printf("  maskeli : ilk kayıp %.3f -> son %d adımın (%%10) ortalaması %.4f  (%.1f s)\n",
           lm_->loss[0], ntail, lm_->final, t1 - t0);
    printf("  maskesiz: ilk kayıp %.3f -> son %d adımın (%%10) ortalaması %.4f  (%.1f s)\n",
           lu->loss[0], ntail, lu->final, t2 - t1);
    printf("Hiçbir şey bilmeyen (tüm skorları eşit) bir modelin kaybı ln %d = %.3f olurdu;\n"
           "rastgele başlangıç ondan biraz kötü başlıyor.\n", ct->V, log(ct->V));
    printf("Maskesiz model eğitimde %.1f kat daha düşük kayıp gösteriyor —\ndaha mı iyi öğrendi?\n",
           lm_->final / fmax(lu->final, 1e-9));
    /* Her adımın kaybı gürültülüdür (her adımda başka pencereler): ince çizgiyle ham değerler,
     * kalın çizgiyle son MA adımın kayan ortalaması. */
    enum { MA = 25 };
    Plot p;
    /* Şekil egitim_kaybi: Log ölçekte iki modelin eğitim kaybı: maskesiz modelin kaybının
     * maskeliden çok daha aşağı indiğine bakın; bu bir başarı değil, geleceği görüp kopya çekmenin
     * izidir. */
    FILE *d = plot_begin(&p, "lesson09", "egitim_kaybi");
    fprintf(d, "# adım maskeli maskesiz maskeli_ort maskesiz_ort (son %d adımın ortalaması)\n", MA);
    double sm = 0, su = 0;
    for (int s = 0; s < steps; s++) {
        sm += lm_->loss[s];
        su += lu->loss[s];
        if (s >= MA) sm -= lm_->loss[s - MA], su -= lu->loss[s - MA];
        int w = s + 1 < MA ? s + 1 : MA;
        fprintf(d, "%d %.6g %.6g %.6g %.6g\n", s + 1, lm_->loss[s], lu->loss[s], sm / w, su / w);
    }
    plot_finish(&p, "set title 'Eğitim kaybı: maskeli ve maskesiz'\nset xlabel 'adım'\n"
                    "set ylabel 'kayıp (log ölçek)'\nset logscale y\nset grid\n"
                    "set key below height 1\n"
                    "plot 'egitim_kaybi.dat' using 1:2 with lines lw 1 lc rgb '#9ecae1' "
                    "title 'maskeli (her adım)', "
                    "'' using 1:3 with lines lw 1 lc rgb '#fdae6b' title 'maskesiz (her adım)', "
                    "'' using 1:4 with lines lw 3 lc rgb '#2171b5' "
                    "title 'maskeli (son 25 adımın ortalaması)', "
                    "'' using 1:5 with lines lw 3 lc rgb '#d94801' "
                    "title 'maskesiz (son 25 adımın ortalaması)'\n");
    plot_render(&p, a->ascii);
    printf("Grafik: %s\n(ince: her adım, kalın: son %d adımın ortalaması)\n", plot_png_path(&p), MA);
}

/*
 * Adım 7: Dürüst değerlendirme — gelecek yokken ne kadar iyi?
 *
 * Metin üretirken model t+1 harfini henüz bilmez. Bunu taklit etmek için her
 * konum p = 0..T-1 için modele YALNIZCA ilk p+1 harfi veririz ve son konumun
 * tahminine bakarız (otoregresif değerlendirme). Maskeli modelde bu, eğitimdeki
 * hesabın aynısıdır (maske zaten geleceği gizliyordu); maskesiz modelde ise
 * kopya çektiği harf artık yoktur. Not: maskesiz model eğitimde de her pencerenin
 * SON konumunda kopya çekemez (sağında harf yok); yani dürüst tahmini yalnızca
 * 1/T oranında görmüştür. İki ölçü: ortalama kayıp ve doğruluk (accuracy), yani en
 * olası harfin gerçekten sıradaki harf olma oranı. Grafik kaybı konuma göre gösterir.
 *
 * Dikkat: değerlendirme pencereleri EĞİTİM metninden alınır. Bu küçük metni iki
 * model de ezberlemeye çalıştı; burada sorduğumuz "yeni metne genelliyor mu?" değil,
 * "gelecek gizlenince, eğitimde öğrendiğini kullanabiliyor mu?" sorusudur. Maskeli
 * modelin yüksek doğruluğu ezberin başarısıdır, dil bilgisinin değil.
 */
typedef struct {
    double honest_loss, honest_acc;   /* dürüst (önek) değerlendirme */
    double tf_loss;                   /* aynı pencerelerde tam pencereyle (eğitimdeki gibi) */
    float *per_pos;                   /* (T) konuma göre dürüst kayıp */
} EvalRes;

static void lm_evaluate(Lm *m, const CharText *ct, int masked, int nwin, EvalRes *r) {
    int T = m->T;
    int *in = xmalloc((size_t)nwin * T * sizeof(int)), *tg = xmalloc((size_t)nwin * T * sizeof(int));
    int *pin = xmalloc((size_t)nwin * T * sizeof(int)), *ptg = xmalloc((size_t)nwin * sizeof(int));
    int span = ct->n - T - 1;
    for (int w = 0; w < nwin; w++) window(ct, (int)((long)w * span / nwin), T, in + w * T, tg + w * T);
    /* Eğitimdeki gibi: tam pencere, bütün konumlar birden */
    lm_forward(m, in, nwin, T, masked);
    r->tf_loss = lm_loss(m, tg);
    /* Dürüst: her p için yalnızca önek (0..p) */
    r->per_pos = xmalloc((size_t)T * sizeof(float));
    double tot = 0;
    long right = 0;
    float *last = xmalloc((size_t)nwin * m->V * sizeof(float));
    for (int p = 0; p < T; p++) {
        int L = p + 1;
        for (int w = 0; w < nwin; w++) {
            memcpy(pin + w * L, in + w * T, (size_t)L * sizeof(int));
            ptg[w] = tg[w * T + p];
        }
        lm_forward(m, pin, nwin, L, masked);
        for (int w = 0; w < nwin; w++) {
            const float *z = m->logits + ((size_t)w * L + p) * m->V;   /* son konum */
            memcpy(last + (size_t)w * m->V, z, (size_t)m->V * sizeof(float));
            int best = 0;
            for (int v = 1; v < m->V; v++)
                if (z[v] > z[best]) best = v;
            right += best == ptg[w];
        }
        float lp = softmax_xent_forward(NULL, last, ptg, nwin, m->V);
        r->per_pos[p] = lp;
        tot += lp;
    }
    r->honest_loss = tot / T;
    r->honest_acc = (double)right / ((double)nwin * T);
    free(in); free(tg); free(pin); free(ptg); free(last);
}

/* Dikkat ağırlıklarına bakar: her başın i -> i+1 (bir sağdaki harf) ağırlığını metnin
 * ilk penceresinde ortalar; en çok sağa bakan başın ilk SHOWN harflik haritasını çizer.
 * Dönüş: o başın i -> i+1 payı; *head hangi baş olduğunu söyler. */
static double attention_view(Lm *m, const CharText *ct, int masked, const char *step,
                             const char *title, int ascii, int *head) {
    enum { SHOWN = 16 };
    int T = m->T, NH = m->NH;
    int *in = xmalloc((size_t)T * sizeof(int)), *tg = xmalloc((size_t)T * sizeof(int));
    window(ct, 0, T, in, tg);
    lm_forward(m, in, 1, T, masked);
    const float *att = m->acts.att;  /* (1,NH,T,T) */
    double best = -1;
    *head = 0;
    for (int h = 0; h < NH; h++) {
        double next = 0;
        for (int i = 0; i + 1 < T; i++) next += att[((size_t)h * T + i) * T + i + 1] / (T - 1);
        if (next > best) best = next, *head = h;
    }
    static float show[SHOWN * SHOWN];
    for (int i = 0; i < SHOWN; i++)
        for (int j = 0; j < SHOWN; j++) show[i * SHOWN + j] = att[((size_t)*head * T + i) * T + j];
    static char labs[SHOWN][8];
    const char *lab[SHOWN];
    for (int t = 0; t < SHOWN; t++) {
        const char *c = ct->sym[in[t]];
        snprintf(labs[t], sizeof labs[t], "%s", strcmp(c, " ") == 0 ? "␣" : c);
        lab[t] = labs[t];
    }
    char full[256];
    snprintf(full, sizeof full, "%s, baş %d", title, *head);
    /* Şekil dikkat_maskesiz, dikkat_maskeli: Maskesiz modelde koyu hücrelerin köşegenin hemen
     * sağında, yani sorgudan bir sonraki harfte, tahmin edilecek harfin kendisinde durduğuna;
     * maskeli modelde hepsinin köşegende ya da solunda kaldığına bakın. */
    plot_heatmap("lesson09", step, full, SHOWN, SHOWN, show, lab, lab, "bakılan harf (anahtar j)",
                 "bakan harf (sorgu i)", 0, ascii);
    free(in);
    free(tg);
    return best;
}

static double step7_evaluate(Lm *mm, Lm *mu, const CharText *ct, const LessonArgs *a,
                             EvalRes *em, EvalRes *eu) {
    step_banner(7, NSTEPS, "Dürüst değerlendirme: yalnızca geçmiş verildiğinde");
    int nwin = 24, T = mm->T;
    lm_evaluate(mm, ct, 1, nwin, em);
    lm_evaluate(mu, ct, 0, nwin, eu);
    printf("%d pencere x %d konum; her konumda modele yalnızca o ana kadarki harfler\nverildi. "
           "Pencereler eğitim metninden: ölçtüğümüz, ezberlenen metnin gelecek\ngizlenince "
           "hatırlanıp hatırlanmadığı (yeni metne genelleme değil).\n", nwin, T);
    printf("  ");
    term_pad("model", 10);
    term_pad("tam pencere kaybı", 20);
    term_pad("dürüst kayıp", 15);
    printf("dürüst doğruluk\n");
    printf("  %-10s%-20.4f%-15.4f%%%.1f\n", "maskeli", em->tf_loss, em->honest_loss,
           100 * em->honest_acc);
    printf("  %-10s%-20.4f%-15.4f%%%.1f\n", "maskesiz", eu->tf_loss, eu->honest_loss,
           100 * eu->honest_acc);
    printf("Maskeli modelde iki kayıp aynı (fark %.1e):\nmaske eğitimde de geleceği gizliyordu.\n",
           fabs(em->tf_loss - em->honest_loss));
    printf("Maskesiz modelde dürüst kayıp %.0f kat büyük:\nkopya kâğıdı elinden alınınca bilemiyor.\n",
           eu->honest_loss / fmax(eu->tf_loss, 1e-9));
    printf("Maskesiz modelin dürüst kaybı son konumda %.3f, ilk konumda %.3f.\nSon konum, maskesiz "
           "modelin eğitimde de kopya çekemediği (sağında harf yok),\nyani gerçekten öğrendiği tek "
           "konumdur.\n", eu->per_pos[T - 1], eu->per_pos[0]);
    float xs[64];
    for (int p = 0; p < T; p++) xs[p] = (float)p;
    const float *ys[2] = {em->per_pos, eu->per_pos};
    const char *names[2] = {"maskeli", "maskesiz"};
    /* Şekil durust_kayip: Yalnızca geçmişi gören dürüst değerlendirmede maskesiz modelin kaybının
     * maskeli modelinkinden çok yüksek olduğuna bakın: eğitimde kopya çektiği için gelecek
     * gizlenince tahmin edemez. */
    plot_lines("lesson09", "durust_kayip", "Dürüst (yalnızca geçmiş) kayıp, konuma göre",
               "konum p (önek uzunluğu - 1)", "kayıp", T, xs, 2, ys, names, 0, a->ascii);
    printf("Grafik: plots/lesson09/durust_kayip.png\n");

    /* Kopyanın kanıtı: maskesiz model dikkatini nereye veriyor? */
    int hu, hm;
    double nu = attention_view(mu, ct, 0, "dikkat_maskesiz", "Maskesiz modelin dikkati",
                               a->ascii, &hu);
    double nm = attention_view(mm, ct, 1, "dikkat_maskeli", "Maskeli modelin dikkati", a->ascii,
                               &hm);
    printf("Dikkatin bir sağdaki harfe (i -> i+1) giden payı, en çok sağa bakan başta:\n"
           "  maskesiz (baş %d): %%%.1f    maskeli (baş %d): %%%.1f (maske orayı kapatır)\n",
           hu, 100 * nu, hm, 100 * nm);
    printf("Maskesiz model \"bir sonraki harf ne?\" sorusunu sağındaki harfe bakarak\ncevaplamayı "
           "öğrenmiş.\nIsı haritaları: plots/lesson09/dikkat_maskesiz.png, dikkat_maskeli.png\n");
    return nu;
}

/*
 * Adım 8: Metin üretimi (generation)
 *
 * Bir başlangıç (prompt) verip her adımda en olası harfi seçer (açgözlü,
 * greedy), onu sona ekleyip tekrar sorarız; pencere T harfi aşınca en eski harf
 * düşer. Kaliteyi iki sayıyla ölçüyoruz:
 *   eşleşme  — üretilen i. harf, eğitim metninin gerçek devamındaki i. harfle
 *              aynı mı? (katı: bir harf kayarsa sonrası da "yanlış" sayılır)
 *   geçerlilik — üretilen her harf, kendinden önceki NG-1 harfle birlikte
 *              eğitim metninde herhangi bir yerde geçiyor mu? (metnin "dilinde"
 *              mi konuşuyor; kaymaya dayanıklı)
 * Başlangıçlar ve "gerçek devam" da eğitim metnindendir: yüksek eşleşme, modelin bu
 * küçük metni ezberlediğini ve ezberini gelecek olmadan da kullanabildiğini gösterir;
 * yeni metin yazabildiğini değil.
 */
#define NG 4
static int ngram_in_text(const CharText *ct, const int *g /* (NG) */) {
    for (int s = 0; s + NG <= ct->n; s++)
        if (memcmp(ct->ids + s, g, NG * sizeof(int)) == 0) return 1;
    return 0;
}

typedef struct {
    double match, valid;   /* eşleşme ve geçerlilik oranları */
    int first_err;         /* ilk yanlış harfin sırası (0'dan), hepsi doğruysa ngen */
} GenRes;

/* out: üretilen metin (UTF-8). start: başlangıcın metindeki yeri, plen harf. */
static void generate(Lm *m, const CharText *ct, int start, int plen, int ngen, int masked,
                     char *out, size_t outcap, GenRes *r) {
    int T = m->T;
    int *ctx = xmalloc((size_t)(plen + ngen) * sizeof(int));
    memcpy(ctx, ct->ids + start, (size_t)plen * sizeof(int));
    int n = plen, right = 0, valid = 0;
    r->first_err = -1;
    size_t k = 0;
    out[0] = '\0';
    for (int g = 0; g < ngen; g++) {
        int L = n < T ? n : T;
        lm_forward(m, ctx + n - L, 1, L, masked);   /* yalnızca geçmiş: gelecek yok */
        const float *z = m->logits + (size_t)(L - 1) * m->V;
        int best = 0;
        for (int v = 1; v < m->V; v++)
            if (z[v] > z[best]) best = v;
        ctx[n++] = best;
        int truth = ct->ids[(start + plen + g) % ct->n];
        if (best == truth) right++;
        else if (r->first_err < 0) r->first_err = g;
        valid += ngram_in_text(ct, ctx + n - NG);
        k += (size_t)snprintf(out + k, outcap - k, "%s", ct->sym[best]);
        if (k >= outcap) k = outcap - 1;
    }
    if (r->first_err < 0) r->first_err = ngen;
    r->match = (double)right / ngen;
    r->valid = (double)valid / ngen;
    free(ctx);
}

/* Metnin ids[from..from+n) parçasını UTF-8 olarak buf'a yazar. */
static void ids_to_str(const CharText *ct, int from, int n, char *buf, size_t cap) {
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && k < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, "%s", ct->sym[ct->ids[(from + i) % ct->n]]);
}

static void first_err_str(const GenRes *r, int ngen, char *buf, size_t cap) {
    if (r->first_err >= ngen) snprintf(buf, cap, "hiç hata yok");
    else snprintf(buf, cap, "ilk hata %d. harfte", r->first_err + 1);
}

static void step8_generate(Lm *mm, Lm *mu, const CharText *ct, GenRes *gm_avg, GenRes *gu_avg) {
    step_banner(8, NSTEPS, "Metin üretimi: kendi çıktısını besleyerek");
    /* Başlangıçlar: metnin 1., 4., 7. ve 10. cümlelerinin ilk PL harfi */
    enum { NP = 4, PL = 10, NGEN = 60 };
    int want[NP] = {0, 3, 6, 9}, starts[NP], ns = 0, sent = 0;
    for (int i = 0; i < ct->n && ns < NP; i++) {
        int at_start = i == 0 || (strcmp(ct->sym[ct->ids[i - 1]], " ") == 0 && i >= 2 &&
                                  strcmp(ct->sym[ct->ids[i - 2]], ".") == 0);
        if (!at_start) continue;
        if (sent == want[ns]) starts[ns++] = i;
        sent++;
    }
    if (ns < NP) die("eğitim metninde %d cümle başlangıcı bulunamadı", NP);
    memset(gm_avg, 0, sizeof *gm_avg);
    memset(gu_avg, 0, sizeof *gu_avg);
    printf("Her başlangıçtan %d harf, her adımda en olası harf seçilerek (greedy) üretildi.\n", NGEN);
    for (int p = 0; p < NP; p++) {
        char prompt[128], truth[512], gm[512], gu[512];
        GenRes rm, ru;
        ids_to_str(ct, starts[p], PL, prompt, sizeof prompt);
        ids_to_str(ct, starts[p] + PL, NGEN, truth, sizeof truth);
        generate(mm, ct, starts[p], PL, NGEN, 1, gm, sizeof gm, &rm);
        generate(mu, ct, starts[p], PL, NGEN, 0, gu, sizeof gu, &ru);
        printf("\nBaşlangıç %d: \"%s\"\n", p + 1, prompt);
        printf("  gerçek devam: \"%s\"\n", truth);
        char fm[48], fu[48];
        first_err_str(&rm, NGEN, fm, sizeof fm);
        first_err_str(&ru, NGEN, fu, sizeof fu);
        printf("  maskeli     : \"%s\"\n                (eşleşme %%%.0f, geçerlilik %%%.0f, %s)\n", gm,
               100 * rm.match, 100 * rm.valid, fm);
        printf("  maskesiz    : \"%s\"\n                (eşleşme %%%.0f, geçerlilik %%%.0f, %s)\n", gu,
               100 * ru.match, 100 * ru.valid, fu);
        gm_avg->match += rm.match / NP; gm_avg->valid += rm.valid / NP;
        gu_avg->match += ru.match / NP; gu_avg->valid += ru.valid / NP;
    }
    printf("\nOrtalama (%d başlangıç): maskeli eşleşme %%%.1f, geçerlilik %%%.1f;\n"
           "maskesiz eşleşme %%%.1f, geçerlilik %%%.1f.\n",
           NP, 100 * gm_avg->match, 100 * gm_avg->valid, 100 * gu_avg->match, 100 * gu_avg->valid);
    printf("(Geçerlilik: üretilen harf, önceki %d harfle birlikte eğitim metninde\ngeçiyor mu.)\n",
           NG - 1);
    printf("Üretirken en sondaki harfin sağında hiçbir şey yoktur. Maskesiz model\n"
           "eğitimde cevabı hep sağdan okuduğu için burada tutunacak bir şey bulamaz;\n"
           "maskeli model ise eğitimde de yalnızca geçmişi gördüğünden üretimde aynı\n"
           "koşulda çalışır.\n");
    printf("Not: başlangıçlar ve gerçek devam eğitim metninden. Maskeli modelin %%%.1f\n"
           "eşleşmesi bu küçük metni ezberlediğini gösterir; yeni metin yazabildiğini değil.\n"
           "Maskesiz model ise aynı metinle eğitildiği hâlde onu gelecek olmadan üretemiyor\n"
           "(%%%.1f).\n",
           100 * gm_avg->match, 100 * gu_avg->match);
}

/* Sınav: sayısal cevaplar çalışma anında kütüphaneyle hesaplanır. */
static int run_quiz(const LessonArgs *a) {
    static char e1[256], e2[256], e5[256], e6[256];
    unsigned char cm[6 * 6];
    causal_mask(cm, 6);
    int open = 0;
    for (int i = 0; i < 36; i++) open += cm[i];
    snprintf(e1, sizeof e1, "Alt üçgen ve köşegen: 1 + 2 + ... + 6 = %d hücre.", open);
    /* S2: skorlar [2, 1, 3], üçüncüsü maskeli */
    float s2[3] = {2.0f, 1.0f, -INFINITY}, p2[3];
    softmax_temp_forward(p2, s2, 1, 3, 1.0f);
    snprintf(e2, sizeof e2,
             "Maskeli skor -∞ olur ve ağırlığı 0'dır; kalanlar: e^2 / (e^2 + e^1) = %.4f.", p2[0]);
    /* S5: uzunluklar 3, 5, 2 ve T = 5 -> dolgu hücresi sayısı */
    int lens[3] = {3, 5, 2};
    unsigned char pm[3 * 5];
    padding_mask(pm, lens, 3, 5);
    int pads = 0;
    for (int i = 0; i < 15; i++) pads += !pm[i];
    snprintf(e5, sizeof e5, "(5-3) + (5-5) + (5-2) = %d dolgu hücresi.", pads);
    /* S6: V harfli sözlükte hiçbir şey bilmeyen modelin kaybı ln V; V = 30 */
    float z6[30] = {0};
    int y6 = 7;
    double l6 = softmax_xent_forward(NULL, z6, &y6, 1, 30);
    snprintf(e6, sizeof e6, "Tüm skorlar eşitse p = 1/30, kayıp -ln(1/30) = ln 30 = %.4f.", l6);
    QuizQuestion qs[] = {
        {.q = "T = 6 için nedensel maskede kaç hücre açıktır (1)?", .answer = open, .tol = 0.5,
         .explain = e1},
        {.q = "Skorlar [2, 1, 3], üçüncü konum maskeli. Softmax sonrası birinci ağırlık kaçtır? (4 ondalık)",
         .answer = p2[0], .tol = 5e-4, .explain = e2},
        {.q = "Maskesiz eğitilen sonraki-harf modelinin eğitim kaybı neden sıfıra yaklaşır?",
         .choices = {"Model dili çok iyi öğrenmiştir",
                     "t konumu, cevabı olan t+1 harfini görüp kopyalayabilir",
                     "Öğrenme oranı (learning rate) çok büyüktür", "Dolgu maskesi eksiktir"},
         .correct = 1,
         .explain = "Hedef dizisi girdinin bir kaydırılmışıdır; maskesiz dikkat sağdaki harfe "
                    "bakarak cevabı okur. Üretimde o harf yoktur."},
        {.q = "Maskeli bir konumun skoruna neden 0 değil de -∞ yazılır?",
         .choices = {"0 yazmak da aynı sonucu verir",
                     "e^0 = 1 olduğundan 0 skor yine ağırlık alır; e^-∞ = 0 ise tam sıfır verir",
                     "-∞ gradyanı büyütür", "Bellekten tasarruf için"},
         .correct = 1,
         .explain = "Softmax skorların üsselini alır; yalnızca -∞ tam sıfır ağırlık verir."},
        {.q = "T = 5 ve cümle uzunlukları 3, 5, 2 olan bir yığında kaç dolgu (<pad>) hücresi vardır?",
         .answer = pads, .tol = 0.5, .explain = e5},
        {.q = "30 harflik bir sözlükte eğitilmemiş (tüm skorları eşit) modelin kaybı kaçtır? (4 ondalık)",
         .answer = l6, .tol = 5e-4, .explain = e6},
        {.q = "Dolgu maskesi dikkatte nereye uygulanır?",
         .choices = {"Sorgulara (satırlara): dolgu konumunun çıktısı silinir",
                     "Anahtarlara (sütunlara): hiçbir sorgu dolguya bakmaz",
                     "Yalnızca kayıp fonksiyonuna", "Gömme tablosuna"},
         .correct = 1,
         .explain = "Dolgu sütunları kapatılır; dolgu satırlarının çıktıları hesaplanır ama kayıpta "
                    "kullanılmaz."},
    };
    return quiz_run("lesson09", qs, (int)(sizeof qs / sizeof qs[0]), a->answers);
}

int main(int argc, char **argv) {
    LessonArgs a;
    cli_parse(argc, argv, &a,
              &(CliSpec){.name = "lesson09", .title = "Maskeleme: dolgu ve nedensel maske",
                         .default_epochs = 1,
                         /* Bu dersin matrisleri küçüktür (en büyüğü 384x32): iş parçacıklarını
                          * her çarpımda eşitlemenin maliyeti hesabın kendisini aşar. */
                         .default_threads = 1, .extras = CLI_NO_DATA,
                         .epochs_help = "eğitim adımı çarpanı: N x 1500 adım (bu derste epoch yok)",
                         .extra_help = "  Not: bu derste epoch yoktur (her adım metinden rastgele "
                                       "pencereler çeker);\n        --epochs N eğitim adımı "
                                       "sayısını N katına çıkarır (N = 1: 1500 adım,\n        "
                                       "--quick ile 500).\n"});
    if (a.quiz) return run_quiz(&a);

    /* Birinci bölüm: maskeler */
    WordBatch wb;
    unsigned char pmask[NS * WT], cmask[WT * WT];
    step1_tokenize(&wb);
    step2_padding(&wb, pmask, a.ascii);
    step3_causal(&wb, pmask, cmask, a.ascii);
    double leak = step4_weights(&wb, pmask, cmask, &a);

    /* İkinci bölüm: sızıntı deneyi */
    enum { C = 32, NH = 2, T = 24, B = 16 };
    int steps = (a.quick ? 500 : 1500) * a.epochs;
    float lr = 1e-2f;
    CharText ct;
    char_tokenize(&ct, TEXT);
    size_t gchecked;
    double gworst = step5_model(&ct, &a, C, NH, T, &gchecked);

    Lm mm, mu;  /* maskeli, maskesiz: aynı tohum, aynı başlangıç ağırlıkları */
    lm_init(&mm, ct.V, C, NH, T, 64, (uint64_t)a.seed);
    lm_init(&mu, ct.V, C, NH, T, 64, (uint64_t)a.seed);
    TrainLog lm_, lu;
    step6_train(&mm, &mu, &ct, steps, B, lr, &a, &lm_, &lu);
    EvalRes em, eu;
    double next_w = step7_evaluate(&mm, &mu, &ct, &a, &em, &eu);
    double same = fabs(em.tf_loss - em.honest_loss);
    GenRes gm, gu;
    step8_generate(&mm, &mu, &ct, &gm, &gu);
    printf("\nÖzet: maskesiz model eğitimde daha düşük kayıp (%.4f < %.4f) gösterdi\nama gelecek "
           "gizlenince dürüst doğruluğu %%%.1f (maskeli %%%.1f).\n",
           lu.final, lm_.final, 100 * eu.honest_acc, 100 * em.honest_acc);
    printf("SONUÇ: maskeli_egitim_kaybi=%.4f maskesiz_egitim_kaybi=%.4f maskeli_durust_kayip=%.4f "
           "maskesiz_durust_kayip=%.4f maskeli_durust_dogruluk=%.4f maskesiz_durust_dogruluk=%.4f "
           "maskeli_uretim_eslesme=%.4f maskesiz_uretim_eslesme=%.4f maskeli_uretim_gecerlilik=%.4f "
           "maskesiz_uretim_gecerlilik=%.4f maskeli_kayip_farki=%.2e "
           "maskeli_agirlik=%g maskesiz_sag_komsu_dikkati=%.4f grad_worst=%.4f grad_checked=%zu adim=%d "
           "maskesiz_ilk_konum_kaybi=%.4f maskesiz_son_konum_kaybi=%.4f\n",
           lm_.final, lu.final, em.honest_loss, eu.honest_loss, em.honest_acc, eu.honest_acc,
           gm.match, gu.match, gm.valid, gu.valid, same, leak, next_w, gworst, gchecked, steps,
           eu.per_pos[0], eu.per_pos[T - 1]);
    free(lm_.loss); free(lu.loss); free(em.per_pos); free(eu.per_pos); free(ct.ids);
    lm_free(&mm);
    lm_free(&mu);
    return 0;
}
