/* main.c — weave komutu: bayraklar ve kitabın yazılması (bkz. weave.h). */
#include "weave.h"

static void usage(FILE *f) {
    fprintf(f,
            "weave — derslerden ve kayıtlı koşulardan Markdown ders kitabı üretir.\n\n"
            "Kullanım:\n"
            "  weave [--kok DİZİN] [--cikti DİZİN]    kitabı yazar (varsayılan: . ve KÖK/textbook)\n"
            "  weave --liste [--kok DİZİN]            bölüm dosyalarını okuma sırasıyla yazar\n"
            "  weave --sozluk-denetimi [--kok DİZİN]  sözlük kurallarını denetler (ihlal: çıkış 1)\n"
            "  weave --help                           bu yardım\n");
}

int main(int argc, char **argv) {
    const char *root = ".", *out = NULL;
    int list = 0, check = 0;
    static const struct option opts[] = {{"kok", required_argument, 0, 'k'},
                                          {"cikti", required_argument, 0, 'o'},
                                          {"liste", no_argument, 0, 'l'},
                                          {"sozluk-denetimi", no_argument, 0, 's'},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'k': root = optarg; break;
        case 'o': out = optarg; break;
        case 'l': list = 1; break;
        case 's': check = 1; break;
        case 'h': usage(stdout); return 0;
        default:
            fprintf(stderr, "hata: bilinmeyen ya da eksik değerli bayrak '%s'\n", argv[optind - 1]);
            usage(stderr);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "hata: beklenmeyen argüman '%s'\n", argv[optind]);
        return 2;
    }
    Book b;
    Str viol = {0};
    int nviol = 0;
    if (wv_build_book(root, &b, &viol, &nviol) != 0) {
        fprintf(stderr, "hata: %s\n", wv_err);
        return 1;
    }
    int rc = 0;
    if (list) {
        printf("%s\n", INDEX_MD); /* içindekiler önce gelir */
        for (int i = 0; i < b.n; i++)
            if (strcmp(b.names[i], INDEX_MD)) printf("%s\n", b.names[i]);
    } else if (check) {
        if (nviol) {
            fprintf(stderr, "Sözlük kuralı ihlalleri (%d):\n%s", nviol, viol.s ? viol.s : "");
            rc = 1;
        } else {
            printf("Sözlük kuralları: ihlal yok.\n");
        }
    } else {
        char od[4096];
        if (!out) snprintf(od, sizeof od, "%s/textbook", root), out = od;
        if (wv_write_book(&b, out) != 0) {
            fprintf(stderr, "hata: %s\n", wv_err);
            rc = 1;
        } else {
            printf("kitap yazıldı: %s (%d dosya)\n", out, b.n);
            if (nviol) fprintf(stderr, "uyarı: %d sözlük kuralı ihlali var (weave --sozluk-denetimi)\n", nviol);
        }
    }
    free(viol.s);
    wv_free_book(&b);
    return rc;
}
