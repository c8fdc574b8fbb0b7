/*
 * bench_ddpm2d.c — make bench için lesson15'in DDPM eğitim adımı (zamanlı test değil).
 *
 *   build/bench_ddpm2d STEPS THREADS H E B T -> lesson15'in gürültü tahmincisi (sinüslü gömme
 *        3·E -> H, 3 artık blok, -> 2) ile ddpm_train_step: rastgele x_0, t, ε; ileri + geri +
 *        Adam. 3 ısınma adımından sonra STEPS adımın ortalaması:
 *        "RESULT model=ddpm2d sec_per_step=S params=P"
 *        (../shared/bench/torch_models.py ddpm2d --hidden H --emb E --batch B --T T ile aynı iş).
 * Dersin kodunu olduğu gibi kullanmak için lesson15'i içerir (main'i yeniden adlandırılır).
 */
#define main lesson15_main
#include "../lessons/lesson15_difuzyon.c"
#undef main

int main(int argc, char **argv) {
    if (argc < 7) {
        fprintf(stderr, "kullanım: bench_ddpm2d ADIM İŞ_PARÇACIĞI H E B T\n");
        return 2;
    }
    int steps = (int)cli_parse_long("ADIM", argv[1], 1, 1000000);
    int threads = (int)cli_parse_long("İŞ_PARÇACIĞI", argv[2], 1, 1024);
    int H = (int)cli_parse_long("H", argv[3], 4, 1024), E = (int)cli_parse_long("E", argv[4], 2, 512);
    int B = (int)cli_parse_long("B", argv[5], 1, 4096), T = (int)cli_parse_long("T", argv[6], 10, TMAX);
#ifdef _OPENMP
    omp_set_num_threads(threads);
#endif
    Denoiser m;
    den_build(&m, E, H, B);
    Rng r;
    rng_seed(&r, 1);
    den_init(&m, &r);
    Schedule s;
    schedule_linear(&s, T, 1e-4 * 1000.0 / T, 0.02 * 1000.0 / T);
    enum { ND = 4096 };
    float *data = xmalloc(sizeof(float) * 2 * ND);
    for (int i = 0; i < 2 * ND; i++) data[i] = rng_normal(&r);
    Batch bt = {xmalloc(sizeof(float) * 2 * B), xmalloc(sizeof(float) * 2 * B),
                xmalloc(sizeof(float) * 2 * B), xmalloc(sizeof(int) * B)};
    Adam opt;
    adam_init(&opt, m.P.n, 1e-3f);
    double t0 = 0;
    for (int i = 0; i < steps + 3; i++) {
        if (i == 3) t0 = now_sec(); /* ısınma bitti */
        ddpm_train_step(&m, &opt, &s, data, ND, B, &bt, &r);
    }
    printf("RESULT model=ddpm2d sec_per_step=%.6f params=%zu\n", (now_sec() - t0) / steps, m.P.n);
    free(data), free(bt.x), free(bt.eps), free(bt.dout), free(bt.t);
    adam_free(&opt);
    den_free(&m);
    return 0;
}
