/*
 * doaa.h — "Derin Öğrenme Adım Adım" ortak kütüphanesinin tamamı tek başlıkta.
 * Her dosyanın kılavuzu kendi başlığının en üstündedir.
 */
#ifndef DOAA_H
#define DOAA_H
#include "activation.h"
#include "attention.h"
#include "augment.h"
#include "cli.h"
#include "conv.h"
#include "data.h"
#include "dense.h"
#include "dropout.h"
#include "embed.h"
#include "gemm.h"
#include "gradcheck.h"
#include "handwriting.h"
#include "idx.h"
#include "image.h"
#include "imgfolder.h"
#include "loss.h"
#include "metrics.h"
#include "models.h"
#include "net.h"
#include "optim.h"
#include "predict.h"
#include "plot.h"
#include "progress.h"
#include "quiz.h"
#include "rng.h"
#include "show.h"
#include "tensor.h"
#include "train.h"
#include "util.h"
#endif
