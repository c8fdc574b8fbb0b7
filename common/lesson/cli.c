/* cli.c — getopt_long ile ortak bayraklar (bkz. cli.h). */
#include "lesson/cli.h"
#include "core/threads.h"
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

long cli_parse_long(const char *flag, const char *s, long lo, long hi) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end != '\0') {
        fprintf(stderr, "hata: %s için bir tam sayı bekleniyordu, '%s' verildi\n", flag, s);
        exit(2);
    }
    if (v < lo || v > hi) {
        fprintf(stderr, "hata: %s değeri %ld ile %ld arasında olmalı, %ld verildi\n", flag, lo,
                hi, v);
        exit(2);
    }
    return v;
}

int cli_take_long(int *argc, char **argv, const char *name, long lo, long hi, long *val) {
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], name) != 0) continue;
        if (i + 1 >= *argc) {
            fprintf(stderr, "hata: %s bir sayı bekliyor\n", name);
            exit(2);
        }
        *val = cli_parse_long(name, argv[i + 1], lo, hi);
        for (int j = i; j + 2 <= *argc; j++) argv[j] = argv[j + 2];
        *argc -= 2;
        return 1;
    }
    return 0;
}

static void usage(const CliSpec *s, FILE *out) {
    fprintf(out,
            "%s — %s\n\n"
            "Kullanım: ./%s [SEÇENEKLER]\n\n"
            "  --quick          kısa koşu: küçük bir alt kümeyle (testler bunu kullanır)\n",
            s->name, s->title, s->name);
    if (!(s->extras & CLI_NO_EPOCHS) && s->default_epochs > 0)
        fprintf(out, "  --epochs N       %s (varsayılan %d)\n",
                s->epochs_help ? s->epochs_help : "eğitim turu (epoch) sayısı", s->default_epochs);
    else if (!(s->extras & CLI_NO_EPOCHS))   /* ders epoch sayısını kendisi hesaplar */
        fprintf(out, "  --epochs N       %s\n",
                s->epochs_help ? s->epochs_help : "eğitim turu (epoch) sayısı");
    fprintf(out,
            "  --seed N         rastgele tohum (seed) (varsayılan %d)\n"
            "  --threads N      iş parçacığı sayısı (varsayılan: %s)\n",
            s->default_seed ? s->default_seed : 42,
            s->default_threads == 1 ? "1, bu dersin matrisleri küçük"
                                     : "boştaki çekirdekler");
    if (!(s->extras & CLI_NO_DATA))
        fprintf(out, "  --data DİZİN     MNIST biçimli dört IDX dosyasının klasörü (data/mnist)\n");
    fprintf(out,
            "  --quiz           dersin sınavını çöz\n"
            "  --answers DOSYA  sınavı bu cevap dosyasıyla notlandır (--quiz ile)\n"
            "  --ascii          grafikleri terminalde metin olarak da göster\n");
    if (s->extras & CLI_PREDICT)
        fprintf(out, "  --predict DOSYA  bir görüntü dosyasını sınıflandır\n");
    if (s->extras & CLI_LABEL)
        fprintf(out, "  --label SINIF    --predict ile: doğru sınıf; tahmin yanlışsa yeniden eğit\n");
    if (s->extras & CLI_IMAGES)
        fprintf(out, "  --images DİZİN   her sınıfı bir alt klasör olan görüntü klasörü\n");
    if (s->extras & CLI_MODEL) fprintf(out, "  --model DOSYA    model dosyasının yolu\n");
    if (s->extras & CLI_TRANSLATE)
        fprintf(out, "  --translate METİN  eğitilmiş modelle (--model) kendi girdinizi çevirin\n");
    fprintf(out, "  -h, --help       bu yardımı göster\n");
    if (s->extra_help) {
        fputc('\n', out);
        fputs(s->extra_help, out);
    }
}

void cli_parse(int argc, char **argv, LessonArgs *a, const CliSpec *s) {
    memset(a, 0, sizeof *a);
    a->epochs = s->default_epochs;
    a->seed = s->default_seed ? s->default_seed : 42;
    a->data_dir = "data/mnist";
    enum { O_QUICK = 256, O_EPOCHS, O_SEED, O_THREADS, O_DATA, O_QUIZ, O_ANSWERS, O_ASCII,
           O_PREDICT, O_LABEL, O_IMAGES, O_MODEL, O_TRANSLATE };
    static const struct option opts[] = {
        {"quick", no_argument, 0, O_QUICK},       {"epochs", required_argument, 0, O_EPOCHS},
        {"seed", required_argument, 0, O_SEED},   {"threads", required_argument, 0, O_THREADS},
        {"data", required_argument, 0, O_DATA},   {"quiz", no_argument, 0, O_QUIZ},
        {"answers", required_argument, 0, O_ANSWERS}, {"ascii", no_argument, 0, O_ASCII},
        {"predict", required_argument, 0, O_PREDICT}, {"label", required_argument, 0, O_LABEL},
        {"images", required_argument, 0, O_IMAGES}, {"model", required_argument, 0, O_MODEL},
        {"translate", required_argument, 0, O_TRANSLATE},
        {"help", no_argument, 0, 'h'},            {0, 0, 0, 0}};
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        int need = 0;
        switch (c) {
        case O_QUICK: a->quick = 1; break;
        case O_EPOCHS:
            if (s->extras & CLI_NO_EPOCHS) {
                fprintf(stderr, "hata: --epochs bu derste kullanılmıyor (ders eğitim yapmıyor)\n");
                exit(2);
            }
            a->epochs = (int)cli_parse_long("--epochs", optarg, 1, 100000);
            a->epochs_given = 1;
            break;
        case O_SEED: a->seed = (int)cli_parse_long("--seed", optarg, 0, 2147483647L); break;
        case O_THREADS:
            a->threads = (int)cli_parse_long("--threads", optarg, 1, 1024);
            a->threads_given = 1;
            break;
        case O_DATA:
            if (s->extras & CLI_NO_DATA) {
                fprintf(stderr, "hata: --data bu derste kullanılmıyor (ders MNIST okumuyor)\n");
                exit(2);
            }
            a->data_dir = optarg;
            break;
        case O_QUIZ: a->quiz = 1; break;
        case O_ANSWERS: a->answers = optarg; break;
        case O_ASCII: a->ascii = 1; break;
        case O_PREDICT: need = CLI_PREDICT; a->predict = optarg; break;
        case O_LABEL: need = CLI_LABEL; a->label = optarg; break;
        case O_IMAGES: need = CLI_IMAGES; a->images = optarg; break;
        case O_MODEL: need = CLI_MODEL; a->model = optarg; break;
        case O_TRANSLATE: need = CLI_TRANSLATE; a->translate = optarg; break;
        case 'h': usage(s, stdout); exit(0);
        case ':':
            fprintf(stderr, "hata: '%s' bayrağı bir değer ister\n", argv[optind - 1]);
            fprintf(stderr, "Yardım için: ./%s --help\n", s->name);
            exit(2);
        default:
            fprintf(stderr, "hata: bilinmeyen bayrak '%s'\n", argv[optind - 1]);
            fprintf(stderr, "Yardım için: ./%s --help\n", s->name);
            exit(2);
        }
        if (need && !(s->extras & need)) {
            const char *nm = need == CLI_PREDICT ? "--predict" : need == CLI_LABEL ? "--label"
                           : need == CLI_IMAGES ? "--images" : need == CLI_MODEL ? "--model"
                           : "--translate";
            fprintf(stderr, "hata: %s bayrağı bu derste kullanılmıyor\n", nm);
            fprintf(stderr, "Yardım için: ./%s --help\n", s->name);
            exit(2);
        }
    }
    if (optind < argc) {
        fprintf(stderr, "hata: beklenmeyen argüman '%s'\n", argv[optind]);
        fprintf(stderr, "Yardım için: ./%s --help\n", s->name);
        exit(2);
    }
    if (a->answers && !a->quiz) a->quiz = 1;
    if (a->label && !a->predict) {
        fprintf(stderr, "hata: --label yalnızca --predict ile birlikte kullanılır\n");
        exit(2);
    }
    if (!a->threads_given && s->default_threads > 0) a->threads = s->default_threads;
#ifdef _OPENMP
    if (a->threads > 0) {
        omp_set_num_threads(a->threads);
    } else {
        /* Varsayılan: bütün çekirdekler, ama makine meşgulse kendiliğinden azalır
         * (bkz. core/threads.h). OMP_NUM_THREADS verilmişse ona dokunmayız. */
        a->threads = omp_get_max_threads();
        if (!getenv("OMP_NUM_THREADS")) threads_auto_begin(a->threads);
    }
#else
    a->threads = 1;
#endif
}
