/* params.c — tek parametre bloğu; kılavuz params.h'de. */
#include "model/params.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

void params_init(Params *P) { memset(P, 0, sizeof *P); }

size_t params_add(Params *P, const char *name, float **p, float **g, size_t n) {
    if (P->params) die("params_add: '%s' params_alloc'tan sonra eklenemez", name);
    if (!name || !*name || strlen(name) >= PARAMS_NAME_MAX)
        die("params_add: tensör adı boş ya da %d karakterden uzun", PARAMS_NAME_MAX - 1);
    if (P->count >= PARAMS_MAX) die("params_add: en fazla %d tensör", PARAMS_MAX);
    for (int i = 0; i < P->count; i++)
        if (strcmp(P->t[i].name, name) == 0) die("params_add: '%s' adı iki kez kullanıldı", name);
    ParamTensor *t = &P->t[P->count++];
    snprintf(t->name, sizeof t->name, "%s", name);
    t->off = P->n;
    t->n = n;
    t->p = p;
    t->g = g;
    P->n += n;
    return t->off;
}

void params_alloc(Params *P) {
    size_t n = P->n ? P->n : 1;
    P->params = xcalloc(n, sizeof(float));
    P->grads = xcalloc(n, sizeof(float));
    for (int i = 0; i < P->count; i++) {
        ParamTensor *t = &P->t[i];
        if (t->p) *t->p = P->params + t->off;
        if (t->g) *t->g = P->grads + t->off;
    }
}

void params_zero_grad(Params *P) {
    if (P->grads) memset(P->grads, 0, P->n * sizeof(float));
}

void params_free(Params *P) {
    free(P->params);
    free(P->grads);
    P->params = P->grads = NULL;
}

size_t params_offset(const Params *P, const char *name) {
    for (int i = 0; i < P->count; i++)
        if (strcmp(P->t[i].name, name) == 0) return P->t[i].off;
    return (size_t)-1;
}

void params_describe(const Params *P, char *buf, size_t len) {
    snprintf(buf, len, "%d tensör, %zu parametre (%.1f MB)", P->count, P->n,
             (double)P->n * 4.0 / 1e6);
}
