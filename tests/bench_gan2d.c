/*
 * bench_gan2d.c — make bench için lesson14'ün GAN eğitim adımı (zamanlı test değil).
 *
 *   build/bench_gan2d STEPS THREADS H B -> lesson14'ün gan_step'i, sade GAN yapılandırmasıyla
 *        (G: z(2)-H-H-H-2, D: 2-H-H-H-1, paket 1, bir D + bir G adımı, Adam): ızgara verisi,
 *        ileri + geri + iki Adam güncellemesi. 3 ısınma adımından sonra STEPS adımın ortalaması:
 *        "RESULT model=gan2d sec_per_step=S params=P"
 *        (../shared/bench/torch_models.py gan2d --hidden H --batch B ile aynı iş; PyTorch
 *        tarafı ReLU; bizde G ReLU, D LeakyReLU: maliyet aynı).
 * Dersin kodunu olduğu gibi kullanmak için lesson14'ü içerir (main'i yeniden adlandırılır).
 */
#define main lesson14_main
#include "../lessons/lesson14_gan.c"
#undef main

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "kullanım: bench_gan2d ADIM İŞ_PARÇACIĞI H B\n");
        return 2;
    }
    int steps = (int)cli_parse_long("ADIM", argv[1], 1, 1000000);
    int threads = (int)cli_parse_long("İŞ_PARÇACIĞI", argv[2], 1, 1024);
    int H = (int)cli_parse_long("H", argv[3], 4, 1024), B = (int)cli_parse_long("B", argv[4], 8, 4096);
#ifdef _OPENMP
    omp_set_num_threads(threads);
#endif
    GanConf c = {.H = H, .B = B, .pack = 1, .lr = 1e-4f, .steps = steps, .grelu = 1};
    Gan g;
    gan_build(&g, &c);
    Rng r;
    rng_seed(&r, 1);
    mlp_init(&g.G, &r);
    mlp_init(&g.D, &r);
    Mix d;
    mix_grid(&d);
    double t0 = 0, ld, lg;
    for (int i = 0; i < steps + 3; i++) {
        if (i == 3) t0 = now_sec(); /* ısınma bitti */
        gan_step(&g, &d, &r, &ld, &lg);
    }
    printf("RESULT model=gan2d sec_per_step=%.6f params=%zu\n", (now_sec() - t0) / steps,
           g.G.P.n + g.D.P.n);
    gan_free(&g);
    return 0;
}
