/*
 * gradcheck.h — sonlu farklarla (finite differences) gradyan denetimi.
 *
 * Elle yazdığımız her geri geçiş (backward) bir iddiadır: "kaybın bu parametreye
 * göre türevi budur". Sınamanın en dürüst yolu, türevi tanımından sayısal olarak
 * hesaplamaktır (merkezi fark):
 *     dL/dθ_i ≈ ( L(θ_i + ε) - L(θ_i - ε) ) / (2ε)
 * ve analitik gradyanla karşılaştırmaktır. Hata ölçüsü (her eleman için):
 *     oran = |sayısal - analitik| / (atol + rtol * max(|sayısal|, |analitik|))
 * oran <= 1 ise eleman geçer. Test, en az bir elemanın gerçekten denendiğini de
 * doğrulamalıdır (checked > 0): hiçbir şeyi sınamayan bir test geçmemeli.
 *
 * KULLANIM
 *   double loss(void *ctx) { ... ileri geçiş, kaybı döndür ... }
 *   GradCheck r = gradcheck(loss, ctx, param, grad, n, 200, 1e-2, 1e-2, 1e-3);
 *   ck_assert(r.checked > 0 && r.worst <= 1.0);
 * max_checks < n ise indisler eşit aralıklı seçilir.
 *
 * ReLU gibi kırılma noktası (kink) olan fonksiyonlarda θ ± ε noktaları kırılmanın
 * iki yanına düşerse sayısal türev yanılır; böyle tek tük elemanlar için toplu
 * göreli hata (rel_norm) daha anlamlı bir özettir.
 */
#ifndef DOAA_GRADCHECK_H
#define DOAA_GRADCHECK_H
#include <stddef.h>

typedef double (*GradLossFn)(void *ctx);

typedef struct {
    size_t checked;     /* denenen eleman sayısı */
    double worst;       /* en kötü oran (<= 1 geçer) */
    size_t worst_index;
    double numeric, analytic; /* en kötü elemanın değerleri */
    size_t passed;      /* oranı <= 1 olan eleman sayısı */
    double rel_norm;    /* ||a - s|| / (||a|| + ||s||): denenen elemanlar üzerinden toplu
                           göreli hata (tek tük ReLU kırılma noktalarına daha az duyarlı) */
    double sq_diff, sq_analytic, sq_numeric; /* Σ(s − a)², Σa², Σs²: birkaç tensörün toplu
                                                göreli hatasını birleştirmek için */
} GradCheck;

GradCheck gradcheck(GradLossFn f, void *ctx, float *param, const float *grad, size_t n,
                    size_t max_checks, double eps, double rtol, double atol);
#endif
