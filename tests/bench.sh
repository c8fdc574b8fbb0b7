#!/bin/sh
# bench.sh — make bench: C dersleri ile PyTorch'u aynı makinede, aynı koşuda yan yana ölçer.
# Ortam: BENCH_EPOCHS (varsayılan 2; epoch başına en kısa süre alınır), BENCH_THREADS (varsayılan nproc).
set -u
E=${BENCH_EPOCHS:-2}
T=${BENCH_THREADS:-$(nproc)}
D=data/mnist
TORCH=../shared/bench/torch_mnist.py
echo "Makine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) çekirdek; iş parçacığı: $T; epoch: $E"
echo "Tarih: $(date -u '+%Y-%m-%d %H:%M UTC')"
have_torch=0
if [ -f "$TORCH" ] && /usr/bin/python3 -c 'import torch' 2>/dev/null; then have_torch=1; fi
[ $have_torch = 1 ] || echo "uyarı: python3-torch ya da $TORCH yok; yalnızca C ölçülecek"

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | tail -n 1; }

for model in mlp cnn; do
    echo
    echo "== $model: tüm 60 000 örnekle eğitim =="
    c=$(build/bench rss build/bench $model $D $E $T | tr '\n' ' ')
    c_s=$(field "$c" sec_per_epoch); c_acc=$(field "$c" test_acc); c_rss=$(field "$c" rss_mb)
    echo "C:       epoch ${c_s} s, test doğruluğu ${c_acc}, en yüksek bellek ${c_rss} MB"
    if [ $have_torch = 1 ]; then
        t=$(build/bench rss /usr/bin/python3 $TORCH $model $D $E $T 2>/dev/null | tr '\n' ' ')
        t_s=$(field "$t" sec_per_epoch); t_acc=$(field "$t" test_acc); t_rss=$(field "$t" rss_mb)
        echo "PyTorch: epoch ${t_s} s, test doğruluğu ${t_acc}, en yüksek bellek ${t_rss} MB"
        ratio=$(awk -v a="$c_s" -v b="$t_s" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "?" }')
        echo "BENCH model=$model c_epoch_s=$c_s torch_epoch_s=$t_s ratio=$ratio c_rss_mb=$c_rss torch_rss_mb=$t_rss"
    else
        echo "BENCH model=$model c_epoch_s=$c_s c_rss_mb=$c_rss"
    fi
done
echo
echo "== vae (lesson13): bir eğitim adımı, 784-400-20-400-784, yığın 128 =="
c=$(build/bench vae 200 $T | tr '\n' ' ')
c_s=$(field "$c" sec_per_step)
echo "C:       adım ${c_s} s"
if [ $have_torch = 1 ] && [ -f ../shared/bench/torch_models.py ]; then
    t=$(/usr/bin/python3 ../shared/bench/torch_models.py vae --steps 200 --threads $T 2>/dev/null | tr '\n' ' ')
    t_s=$(field "$t" sec_per_step)
    ratio=$(awk -v a="$c_s" -v b="$t_s" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "?" }')
    echo "PyTorch: adım ${t_s} s"
    echo "BENCH model=vae c_step_s=$c_s torch_step_s=$t_s ratio=$ratio"
else
    echo "BENCH model=vae c_step_s=$c_s"
fi

echo
echo "== GEMM: derslerin şekillerinde, OpenBLAS ile yan yana =="
build/bench gemm $T
