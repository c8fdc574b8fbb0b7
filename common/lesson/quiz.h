/*
 * quiz.h — derslerin sonundaki kendini sınama (quiz) çalıştırıcısı.
 *
 * Bir soru ya çoktan seçmelidir (choices dolu, correct = doğru şıkkın sırası,
 * 0 = a) ya da sayısaldır (choices[0] == NULL, answer ± tol kabul edilir).
 * Sayısal cevaplar ders tarafından ÇALIŞMA ANINDA kütüphaneyle hesaplanır;
 * kaynakta elle yazılmaz.
 *
 * İKİ KİP
 *   quiz_run(..., NULL)       soruları sorar, cevapları stdin'den okur,
 *                              her cevabı açıklar, puanı yazar.
 *   quiz_run(..., "c.txt")    cevap dosyasını etkileşimsiz notlandırır.
 * Cevap dosyası: her satırda bir cevap, sırayla ("b", "0,25" ya da "0.25");
 * boş satırlar ve '#' ile başlayanlar atlanır.
 * Dönüş: 0 = hepsi doğru, 1 = en az biri yanlış, 2 = cevap dosyası hatalı
 * (hata mesajı dosya adını ve satırı söyler).
 */
#ifndef DOAA_QUIZ_H
#define DOAA_QUIZ_H

#define QUIZ_MAX_CHOICES 6

typedef struct {
    const char *q;                            /* soru metni */
    const char *choices[QUIZ_MAX_CHOICES];    /* NULL ile biten şıklar; sayısalda ilk NULL */
    int correct;                              /* doğru şık (0 = a) */
    double answer;                            /* sayısal sorunun doğru cevabı */
    double tol;                               /* sayısal soruda kabul edilen mutlak hata */
    const char *explain;                      /* cevabın açıklaması */
} QuizQuestion;

int quiz_run(const char *lesson, const QuizQuestion *qs, int n, const char *answers_path);

/* Tek bir cevabı değerlendirir: 1 doğru, 0 yanlış, -1 biçim hatası (msg doldurulur). */
int quiz_check_answer(const QuizQuestion *q, const char *text, char *msg, int msglen);
#endif
