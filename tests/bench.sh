#!/bin/sh
# bench.sh — make bench: C dersleri ile PyTorch'u aynı makinede, aynı koşuda, sırayla
# (C, PyTorch, C, PyTorch, ...) ölçer; her çiftin oranını alır ve oranların ortancasını
# (median) yazar. Zamanlı bir test değildir: yalnızca ölçer ve yazar.
#
# Adil bir karşılaştırma için:
#   - PyTorch (Debian python3-torch) BLAS'ı libblas.so.3 üzerinden yükler; bu bağ
#     OpenBLAS'a gitmiyorsa (ör. yalnızca başvuru BLAS'ı kuruluysa) PyTorch'un MLP'si
#     ~8 kat yavaş olur. Betik bağın hedefini yazar; root ise OpenBLAS'a çevirir.
#   - Bu makinelerde eski OpenBLAS sürümleri için OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE
#     tanımlı olabilir; bir kullanıcının makinesinde yoktur ve OpenBLAS'ı AVX-512
#     çekirdeklerinden alıkoyar. Rakip komutlar (PyTorch ve OpenBLAS GEMM) bu iki
#     değişken kaldırılarak koşulur; testlerin ve CI'nin ortamına dokunulmaz.
#
# Ortam: BENCH_EPOCHS (varsayılan 1), BENCH_PAIRS (varsayılan 3: C/PyTorch çifti sayısı),
#        BENCH_THREADS (varsayılan "1 $(nproc)"), BENCH_MODELS (varsayılan "mlp cnn"),
#        BENCH_BUSY=0 meşgul makine ölçümünü atlar; BENCH_BUSY_MODELS (varsayılan "mlp cnn"),
#        BENCH_BUSY_PAIRS (varsayılan 3: boşta / meşgulken varsayılan / meşgulken --threads 1),
#        BENCH_SECTIONS (varsayılan "mnist vae seq2seq gpt gan2d ddpm2d gemm profil busy"):
#        yalnız bu bölümler ("profil": MLP epoch'unun parça parça dökümü, seyrek giriş yolu
#        ile GEMM yan yana, katmanların tepe hıza oranı; tek iş parçacığı),
#        BENCH_SEQ_STEPS (varsayılan 20): seq2seq bölümünde ölçülen eğitim adımı,
#        BENCH_SHARED: rakip betiklerin klasörü (varsayılan ../shared/bench).
#        GPT bölümünün ayarları tests/bench_gpt.sh'de.
set -u
SECTIONS=${BENCH_SECTIONS:-"mnist vae seq2seq gpt gan2d ddpm2d gemm profil busy"}
has() { case " $SECTIONS " in *" $1 "*) return 0 ;; esac; return 1; }
E=${BENCH_EPOCHS:-1}
P=${BENCH_PAIRS:-3}
BP=${BENCH_BUSY_PAIRS:-3}
THREADS=${BENCH_THREADS:-"1 $(nproc)"}
MODELS=${BENCH_MODELS:-"mlp cnn"}
D=data/mnist
SHARED=${BENCH_SHARED:-../shared/bench}
TORCH=$SHARED/torch_mnist.py
PEER="env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE"

echo "Makine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) çekirdek"
vec=8
grep -q ' avx512f' /proc/cpuinfo && vec=16
echo "Vektör genişliği (işlemci): $vec şerit float ($( [ $vec = 16 ] && echo AVX-512 || echo AVX2))"
echo "Tarih: $(date -u '+%Y-%m-%d %H:%M UTC'); epoch: $E; çift: $P; iş parçacığı: $THREADS"

# ---- PyTorch'un yükleyeceği BLAS ----
alt=libblas.so.3-x86_64-linux-gnu
target=$(update-alternatives --query $alt 2>/dev/null | sed -n 's/^Value: //p')
ob=$(update-alternatives --query $alt 2>/dev/null | sed -n 's/^Alternative: \(.*openblas.*\)/\1/p' | head -n 1)
case "$target" in
    *openblas*) ;;
    *)
        if [ -n "$ob" ] && [ "$(id -u)" = 0 ]; then
            echo "libblas.so.3 -> $target (OpenBLAS değil); OpenBLAS'a çevriliyor: $ob"
            update-alternatives --set $alt "$ob" >/dev/null && target=$ob
        elif [ -n "$ob" ]; then
            echo "uyarı: libblas.so.3 OpenBLAS'a gitmiyor ($target); PyTorch yavaş ölçülür. Düzeltmek için:"
            echo "    sudo update-alternatives --set $alt $ob"
        else
            echo "uyarı: OpenBLAS kurulu değil (libopenblas0); PyTorch başvuru BLAS'ıyla ölçülür"
        fi ;;
esac
echo "libblas.so.3 -> $(readlink -f "$target" 2>/dev/null || echo "$target")"

have_torch=0
if [ -f "$TORCH" ] && /usr/bin/python3 -c 'import torch' 2>/dev/null; then have_torch=1; fi
if [ $have_torch = 1 ]; then
    # Rakibin ortamında OpenBLAS hangi çekirdeği seçiyor? (PyTorch'un yüklediği kütüphane)
    $PEER /usr/bin/python3 - <<'EOF' 2>/dev/null || echo "OpenBLAS yapılandırması okunamadı"
import ctypes, torch
for name in ("libblas.so.3", "libopenblas.so.0"):
    try:
        lib = ctypes.CDLL(name)
        lib.openblas_get_config.restype = ctypes.c_char_p
        lib.openblas_get_corename.restype = ctypes.c_char_p
        print(f"PyTorch {torch.__version__} BLAS ({name}): {lib.openblas_get_config().decode()}, "
              f"çekirdek {lib.openblas_get_corename().decode()}")
        break
    except (OSError, AttributeError):
        continue
else:
    print("PyTorch'un BLAS'ı OpenBLAS değil")
EOF
else
    echo "uyarı: python3-torch ya da $TORCH yok; yalnızca C ölçülecek"
fi

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | tail -n 1; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) printf "%.3f", a[(NR + 1) / 2]; else printf "%.3f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

has mnist || MODELS=""
for T in $THREADS; do
    for model in $MODELS; do
        echo
        echo "== $model, $T iş parçacığı: tüm 60 000 örnekle $E epoch (C ve PyTorch sırayla, $P çift) =="
        ratios="" cs="" ts="" crss="" trss=""
        for i in $(seq 1 "$P"); do
            c=$(build/bench rss build/bench $model $D $E $T | tr '\n' ' ')
            c_s=$(field "$c" sec_per_epoch); c_acc=$(field "$c" test_acc); c_rss=$(field "$c" rss_mb)
            line="  çift $i: C ${c_s} s (doğruluk ${c_acc}, ${c_rss} MB)"
            cs="$cs $c_s"; crss="$crss $c_rss"
            if [ $have_torch = 1 ]; then
                t=$(build/bench rss $PEER /usr/bin/python3 $TORCH $model $D $E $T 2>/dev/null | tr '\n' ' ')
                t_s=$(field "$t" sec_per_epoch); t_acc=$(field "$t" test_acc); t_rss=$(field "$t" rss_mb)
                r=$(awk -v a="$c_s" -v b="$t_s" 'BEGIN { if (b > 0) printf "%.3f", a / b }')
                ratios="$ratios $r"; ts="$ts $t_s"; trss="$trss $t_rss"
                line="$line | PyTorch ${t_s} s (doğruluk ${t_acc}, ${t_rss} MB) | oran $r"
            fi
            echo "$line"
        done
        if [ $have_torch = 1 ]; then
            echo "BENCH model=$model threads=$T c_epoch_s=$(echo "$cs" | median) torch_epoch_s=$(echo "$ts" | median) ratio_median=$(echo "$ratios" | median) c_rss_mb=$(echo "$crss" | median) torch_rss_mb=$(echo "$trss" | median)"
        else
            echo "BENCH model=$model threads=$T c_epoch_s=$(echo "$cs" | median) c_rss_mb=$(echo "$crss" | median)"
        fi
    done
done

# step_pairs MODEL T "C KOMUTU" "RAKİP BAYRAKLARI": bir eğitim adımı, C ve PyTorch sırayla $P
# çift; her çiftin oranı ve ortancalar "BENCH model=..." satırında.
step_pairs() {
    ratios="" cs="" ts=""
    for i in $(seq 1 "$P"); do
        c_s=$(field "$($3 | tr '\n' ' ')" sec_per_step)
        cs="$cs $c_s"; line="  çift $i: C ${c_s} s/adım"
        if [ $have_torch = 1 ] && [ -f "$TM" ]; then
            t_s=$(field "$($PEER /usr/bin/python3 $TM $1 --threads "$2" $4 2>/dev/null | tr '\n' ' ')" sec_per_step)
            r=$(awk -v a="$c_s" -v b="$t_s" 'BEGIN { if (b > 0) printf "%.3f", a / b }')
            ratios="$ratios $r"; ts="$ts $t_s"
            line="$line | PyTorch ${t_s} s/adım | oran $r"
        fi
        echo "$line"
    done
    if [ $have_torch = 1 ] && [ -f "$TM" ]; then
        echo "BENCH model=$1 threads=$2 c_step_s=$(echo "$cs" | median) torch_step_s=$(echo "$ts" | median) ratio_median=$(echo "$ratios" | median)"
    else
        echo "BENCH model=$1 threads=$2 c_step_s=$(echo "$cs" | median)"
    fi
}

echo
# ---- lesson13'ün VAE'si: bir eğitim adımı (torch_models.py vae ile aynı iş) ----
TM=$SHARED/torch_models.py
has vae && for T in $THREADS; do
    echo "== vae (lesson13), $T iş parçacığı: 784-400-20-400-784, yığın 128, 200 adım ($P çift) =="
    step_pairs vae "$T" "build/bench vae 200 $T" "--steps 200"
done

# ---- lesson14'ün GAN'ı ve lesson15'in DDPM'i: bir eğitim adımı (torch_models.py gan2d|ddpm2d) ----
# lesson14: sade GAN adımı (G: z(2)-H-H-H-2, D: 2-H-H-H-1, bir D + bir G adımı; PyTorch'un işiyle
# aynı: ham girişli, paketsiz D). lesson15: gürültü tahmincisi (gömme E, gizli H, T adım).
# C tarafı dersin kendi adım fonksiyonu (tests/bench_gan2d.c, tests/bench_ddpm2d.c).
GAN_H=128 GAN_B=256 DDPM_H=128 DDPM_E=64 DDPM_B=256 DDPM_T=200
for model in gan2d ddpm2d; do
    has $model || continue
    if [ $model = gan2d ]; then
        cargs="$GAN_H $GAN_B"; targs="--hidden $GAN_H --batch $GAN_B"
        desc="lesson14: G z(2)-$GAN_H-$GAN_H-$GAN_H-2, D 2-$GAN_H-$GAN_H-$GAN_H-1, yığın $GAN_B"
    else
        cargs="$DDPM_H $DDPM_E $DDPM_B $DDPM_T"
        targs="--hidden $DDPM_H --emb $DDPM_E --batch $DDPM_B --T $DDPM_T"
        desc="lesson15: gömme 3x$DDPM_E, gizli $DDPM_H, 3 artık blok, yığın $DDPM_B, T = $DDPM_T"
    fi
    for T in $THREADS; do
        echo
        echo "== $model ($desc), $T iş parçacığı, 500 adım ($P çift) =="
        step_pairs $model "$T" "build/bench_$model 500 $T $cargs" "--steps 500 $targs"
    done
done

# ---- lesson16'nın GPT'si: eğitim adımı ve üretim (ayrı betik; check-full da kullanır) ----
has gpt && BENCH_PAIRS=$P BENCH_THREADS=$THREADS BENCH_TORCH_MODELS=${BENCH_TORCH_MODELS:-$SHARED/torch_models.py} sh tests/bench_gpt.sh

# ---- lesson06'nın dikkatli GRU'su ve lesson12'nin Transformer'ı: bir eğitim adımı ----
# Derslerin yapılandırması (ters çevirme, 13 simgelik sözlük, yığın 32, en uzun dizi L = 40:
# kaynak ve hedef 41 simge). torch_models.py'nin Bahdanau dikkatinde gizli boy H'dir (A için
# bayrak yok); aynı işi ölçmek için C de A = H = 128 ile koşar (ders 06: A = 64).
# Transformer'da PyTorch son-normalizasyonludur (nn.Transformer), bizimki ön-normalizasyonlu;
# parametre sayısı aynıdır (170 189).
SL=40
SQ=${BENCH_SEQ_STEPS:-20}
seq_peer_args() {
    case $1 in
        gru_seq2seq) echo "--vocab 13 --emb 16 --hidden 128 --batch 32 --attention 1 --src_len $((SL + 1)) --tgt_len $((SL + 1))" ;;
        transformer) echo "--vocab 13 --d_model 64 --heads 4 --layers 2 --ffn 128 --batch 32 --src_len $((SL + 1)) --tgt_len $((SL + 1))" ;;
    esac
}
has seq2seq && for T in $THREADS; do
    for model in gru_seq2seq transformer; do
        echo
        echo "== $model (lesson$([ $model = transformer ] && echo 12 || echo 06)), $T iş parçacığı: bir eğitim adımı, L = $SL, yığın 32, $SQ adım ($P çift) =="
        ratios="" cs="" ts="" crss="" trss=""
        for i in $(seq 1 "$P"); do
            if [ $model = gru_seq2seq ]; then cargs="$SQ $T $SL 128"; else cargs="$SQ $T $SL"; fi
            c=$(build/bench rss build/bench $model $cargs | tr '\n' ' ')
            c_s=$(field "$c" sec_per_step); c_rss=$(field "$c" rss_mb)
            cs="$cs $c_s"; crss="$crss $c_rss"; line="  çift $i: C ${c_s} s/adım (${c_rss} MB)"
            if [ $have_torch = 1 ] && [ -f "$TM" ]; then
                t=$(build/bench rss $PEER /usr/bin/python3 $TM $model --steps "$SQ" --threads "$T" $(seq_peer_args $model) 2>/dev/null | tr '\n' ' ')
                t_s=$(field "$t" sec_per_step); t_rss=$(field "$t" rss_mb)
                r=$(awk -v a="$c_s" -v b="$t_s" 'BEGIN { if (b > 0) printf "%.3f", a / b }')
                ratios="$ratios $r"; ts="$ts $t_s"; trss="$trss $t_rss"
                line="$line | PyTorch ${t_s} s/adım (${t_rss} MB) | oran $r"
            fi
            echo "$line"
        done
        if [ $have_torch = 1 ] && [ -f "$TM" ]; then
            echo "BENCH model=$model threads=$T c_step_s=$(echo "$cs" | median) torch_step_s=$(echo "$ts" | median) ratio_median=$(echo "$ratios" | median) c_rss_mb=$(echo "$crss" | median) torch_rss_mb=$(echo "$trss" | median)"
        else
            echo "BENCH model=$model threads=$T c_step_s=$(echo "$cs" | median) c_rss_mb=$(echo "$crss" | median)"
        fi
    done
done

echo
has gemm && echo "== GEMM: derslerin şekillerinde, OpenBLAS ile yan yana (OpenBLAS kullanıcı ortamında) ==" &&
for T in $THREADS; do
    echo "-- $T iş parçacığı --"
    $PEER build/bench gemm "$T"
done

# ---- Profil: zaman nereye gidiyor (tek iş parçacığı, işlemci zamanı) ----
if has profil; then
    echo
    echo "== Profil: lesson02 MLP epoch'u parça parça; seyrek giriş yolu; katmanlar =="
    build/bench mlpprof "$D" 2
    build/bench sparse "$D"
    build/bench layers 1
fi

# ---- Meşgul makine: başka bir işlem bir çekirdeği tüketirken ----
# Dersler --threads verilmeden "auto" kipte çalışır (core/threads.h): bütün çekirdekler, ama
# başka bir program bir çekirdeği tutarsa bir saniye içinde tek iş parçacığına inerler.
# Hedef: meşgulken varsayılan kip ≤ 2.5 × boştaki süre ve ≤ meşgulken --threads 1.
# "sabit N" satırı eski davranışı (kendiliğinden ayar olmadan N iş parçacığı) gösterir.
if has busy && [ "${BENCH_BUSY:-1}" != 0 ] && [ "$(nproc)" -ge 2 ]; then
    N=$(nproc)
    for model in ${BENCH_BUSY_MODELS:-mlp cnn}; do
        echo
        echo "== Meşgul makine: bir 'yes > /dev/null' çalışırken $model epoch'u =="
        # Bu makinede aynı komutun süresi dakikadan dakikaya %30'a dek oynar: her çiftte
        # boşta varsayılan kip, sonra (bir 'yes' çalışırken) varsayılan kip ve --threads 1
        # sırayla koşulur; çift başına oranların ortancası alınır ($BP çift).
        ids="" bs="" b1s="" sr="" vr=""
        for i in $(seq "$BP"); do
            a=$(field "$(build/bench $model $D 1 auto | tr '\n' ' ')" sec_per_epoch)
            yes >/dev/null &
            ypid=$!
            b=$(field "$(build/bench $model $D 1 auto | tr '\n' ' ')" sec_per_epoch)
            b1=$(field "$(build/bench $model $D 1 1 | tr '\n' ' ')" sec_per_epoch)
            [ "$i" = 1 ] && busyN=$(field "$(build/bench $model $D 1 "$N" | tr '\n' ' ')" sec_per_epoch)
            kill "$ypid" 2>/dev/null
            wait "$ypid" 2>/dev/null
            echo "  çift $i: boşta $a s | meşgulken varsayılan $b s | meşgulken --threads 1 $b1 s"
            ids="$ids $a" bs="$bs $b" b1s="$b1s $b1"
            sr="$sr $(awk -v x="$b" -v y="$a" 'BEGIN { if (y > 0) printf "%.3f", x / y }')"
            vr="$vr $(awk -v x="$b" -v y="$b1" 'BEGIN { if (y > 0) printf "%.3f", x / y }')"
        done
        idle=$(echo "$ids" | median) busy=$(echo "$bs" | median) busy1=$(echo "$b1s" | median)
        echo "ortancalar: boşta varsayılan $idle s; meşgulken varsayılan $busy s; meşgulken"
        echo "--threads 1 $busy1 s; meşgulken sabit $N iş parçacığı (1. çift) $busyN s"
        echo "BUSY model=$model idle_s=$idle busy_s=$busy busy_1thread_s=$busy1 busy_fixed${N}_s=$busyN slowdown_median=$(echo "$sr" | median) vs_1thread_median=$(echo "$vr" | median)"
    done
fi
