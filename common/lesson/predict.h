/*
 * predict.h — kendi çektiğiniz bir rakam fotoğrafını kaydedilmiş bir modelle okumak.
 *
 * lesson02 (MLP) ve lesson04 (CNN) aynı "--predict FOTO" akışını kullanır:
 *   1. model dosyasını yükle; mimarisi beklenenle aynı mı bak (değilse hangi dersin
 *      modeli gerektiğini söyle),
 *   2. fotoğrafı MNIST'in hazırlandığı gibi 28x28'e çevir (bkz. handwriting.h) ve
 *      hazırlığın her kararını yaz,
 *   3. ağın gördüğü 28x28 görüntüyü terminale çiz ve PNG olarak kaydet,
 *   4. softmax olasılıklarını büyükten küçüğe yaz; son satır
 *      "SONUÇ: digit=D prob=P".
 *
 * KULLANIM
 *   Net want; models_mnist_mlp(&want, 0.2f, 1, 1);
 *   return predict_digit_photo("data/models/lesson02_mlp.model", &want, "foto.jpg",
 *                              "plots/lesson02", "./lesson02");
 * Dönüş: çıkış kodu (0 başarılı, 1 hata; hata Türkçe ve dosya adıyla stderr'e yazılır).
 */
#ifndef DOAA_PREDICT_H
#define DOAA_PREDICT_H
#include "model/net.h"

int predict_digit_photo(const char *model_path, const Net *expect, const char *photo,
                        const char *plot_dir, const char *train_cmd);
#endif
