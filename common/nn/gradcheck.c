/* gradcheck.c — bkz. gradcheck.h */
#include "nn/gradcheck.h"
#include <math.h>

GradCheck gradcheck(GradLossFn f, void *ctx, float *param, const float *grad, size_t n,
                    size_t max_checks, double eps, double rtol, double atol) {
    GradCheck r = {0, 0.0, 0, 0.0, 0.0, 0, 0.0, 0.0, 0.0, 0.0};
    double sd = 0.0, sa = 0.0, sn = 0.0;
    if (n == 0 || max_checks == 0) return r;
    /* Eşit aralıklı tam max_checks indis (n küçükse hepsi): i_k = floor(k n / m) */
    size_t m = n < max_checks ? n : max_checks;
    for (size_t kk = 0; kk < m; kk++) {
        size_t i = (size_t)((double)kk * (double)n / (double)m);
        float v = param[i];
        param[i] = (float)(v + eps);
        double fp = f(ctx);
        param[i] = (float)(v - eps);
        double fm = f(ctx);
        param[i] = v;
        /* float'a yuvarlanan gerçek adım boyunu kullan */
        double h = (double)(float)(v + eps) - (double)(float)(v - eps);
        double num = (fp - fm) / h, ana = grad[i];
        double denom = atol + rtol * fmax(fabs(num), fabs(ana));
        double ratio = fabs(num - ana) / denom;
        if (ratio > r.worst || r.checked == 0) {
            r.worst = ratio;
            r.worst_index = i;
            r.numeric = num;
            r.analytic = ana;
        }
        r.checked++;
        if (ratio <= 1.0) r.passed++;
        sd += (num - ana) * (num - ana);
        sa += ana * ana;
        sn += num * num;
    }
    r.rel_norm = (sa + sn) > 0 ? sqrt(sd) / (sqrt(sa) + sqrt(sn)) : 0.0;
    r.sq_diff = sd;
    r.sq_analytic = sa;
    r.sq_numeric = sn;
    return r;
}
