/*
 * doaa.h — "Derin Öğrenme Adım Adım" ortak kütüphanesinin tamamı tek başlıkta.
 * Her dosyanın kılavuzu kendi başlığının en üstündedir.
 */
#ifndef DOAA_H
#define DOAA_H
#include "nn/activation.h"
#include "nn/attention.h"
#include "data/augment.h"
#include "lesson/cli.h"
#include "nn/conv.h"
#include "nn/pool.h"
#include "data/data.h"
#include "nn/dense.h"
#include "nn/dropout.h"
#include "nn/embed.h"
#include "core/gemm.h"
#include "nn/gradcheck.h"
#include "data/handwriting.h"
#include "data/idx.h"
#include "data/image.h"
#include "data/imgfolder.h"
#include "nn/loss.h"
#include "model/metrics.h"
#include "model/models.h"
#include "model/ckpt.h"
#include "model/net.h"
#include "model/params.h"
#include "nn/optim.h"
#include "lesson/predict.h"
#include "lesson/plot.h"
#include "core/progress.h"
#include "lesson/quiz.h"
#include "core/rng.h"
#include "lesson/show.h"
#include "model/train.h"
#include "core/util.h"
#endif
