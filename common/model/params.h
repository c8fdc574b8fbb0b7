/*
 * params.h — herhangi bir model için tek parametre bloğu (karpathy/llm.c düzeni).
 *
 * NEDEN
 *   Bir modelin bütün ağırlıkları tek bir bitişik float dizisinde, gradyanları
 *   da AYNI DÜZENDE ikinci bir dizide durursa: gradyanları sıfırlamak, Adam
 *   adımı, gradyan kırpma, kaydetme ve yükleme birer döngü olur. Her tensörün
 *   adı ve boyu bir tabloda durduğundan kayıt dosyası da kendini anlatır.
 *
 * KULLANIM
 *   Model kendi adlı işaretçilerini bir yapıda tutar (her birinin şekli yorumda):
 *
 *     typedef struct {
 *         float *wte;   // (V, C)   simge gömmeleri
 *         float *w1;    // (C, 4C)  ileri besleme
 *         float *b1;    // (4C)
 *     } MyW;
 *     MyW W, G;                                   // ağırlıklar ve gradyanları
 *     Params P;
 *     params_init(&P);
 *     params_add(&P, "wte", &W.wte, &G.wte, (size_t)V * C);
 *     params_add(&P, "w1",  &W.w1,  &G.w1,  (size_t)C * 4 * C);
 *     params_add(&P, "b1",  &W.b1,  &G.b1,  (size_t)4 * C);
 *     params_alloc(&P);   // tek ayırma; W.* ve G.* artık bloğun içini gösterir
 *     ...
 *     params_zero_grad(&P);                        // adım başında bir kez
 *     adam_step(&opt, P.params, P.grads);          // eniyileyici tüm bloğu görür
 *     params_free(&P);
 *
 *   params_add, params_alloc'tan önce istendiği kadar çağrılır; sıra = bellekteki
 *   sıra = kayıt dosyasındaki sıra. Katman katman dilimler için params_offset.
 *
 * BİRİKTİRME KURALI (bkz. common/README.md)
 *   Her geri geçiş, kendisine verilen gradyan dizilerine EKLER (+=). Çağıran
 *   gradyanları adım başında bir kez sıfırlar (params_zero_grad).
 */
#ifndef DOAA_PARAMS_H
#define DOAA_PARAMS_H
#include <stddef.h>

#define PARAMS_MAX 256
#define PARAMS_NAME_MAX 48

typedef struct {
    char name[PARAMS_NAME_MAX];
    size_t off, n;          /* bloktaki başlangıç ve eleman sayısı */
    float **p, **g;         /* params_alloc'un dolduracağı işaretçiler (NULL olabilir) */
} ParamTensor;

typedef struct {
    ParamTensor t[PARAMS_MAX];
    int count;
    size_t n;               /* toplam eleman sayısı */
    float *params, *grads;  /* (n) tek blok; params_alloc'tan sonra geçerli */
} Params;

void params_init(Params *P);
/* Bir tensör ekler; bloktaki başlangıç konumunu döndürür. p ve g (NULL olabilir)
 * params_alloc'ta bloğun ilgili yerini gösterecek biçimde doldurulur.
 * Aynı ad iki kez, boş ad ya da PARAMS_MAX'tan fazla tensör programlama hatasıdır (abort). */
size_t params_add(Params *P, const char *name, float **p, float **g, size_t n);
/* Parametre ve gradyan bloklarını sıfırlanmış olarak ayırır, işaretçileri doldurur. */
void params_alloc(Params *P);
void params_zero_grad(Params *P);
void params_free(Params *P);
/* Adı verilen tensörün konumu (yoksa (size_t)-1). */
size_t params_offset(const Params *P, const char *name);
/* Kısa özet: "12 tensör, 1 234 567 parametre (4.7 MB)" */
void params_describe(const Params *P, char *buf, size_t len);
#endif
