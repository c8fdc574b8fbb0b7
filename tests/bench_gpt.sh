#!/bin/sh
# bench_gpt.sh — lesson16'nın GPT'si: bir eğitim adımı ve üretim, C (build/bench gpt) ile
# PyTorch (torch_models.py gpt) sırayla, çift çift; oranların ortancası. make bench bunu
# çağırır; make check-full (tests/check_full.sh) hedefleri denetlemek için --hedef ile çağırır:
# eğitim adımı oranı <= 0.5 ve KV önbellekli üretim >= 10 x PyTorch (ortancalar); değilse çıkış 1.
# Makine meşgulken duvar saati süreleri yalnızca gösterge niteliğindedir (RESULT satırlarında
# cpu_* alanları işlemci süresiyle aynı ölçümleri verir).
# BENCH_CPU=1: duvar saati yerine işlemci süresi (meşgul makinede daha kararlı): C'nin cpu_*
# alanları; PyTorch betiği time.perf_counter yerine time.process_time ile koşulur (betiğin
# kendisi değişmez). İkisi de sürecin bütün iş parçacıklarının işlemci süresini sayar; bu
# yüzden yalnız 1 iş parçacığında anlamlıdır (meşgul makinede bekleyen iş parçacıkları
# dönerek (spin) işlemci yer: BENCH_CPU=1 BENCH_THREADS=1 kullanın).
# Ortam: BENCH_PAIRS (3), BENCH_THREADS ("1 $(nproc)"), BENCH_GPT="V C NH NL T B",
#        BENCH_GPT_STEPS (20), BENCH_TORCH_MODELS (../shared/bench/torch_models.py).
set -u
P=${BENCH_PAIRS:-3}
THREADS=${BENCH_THREADS:-"1 $(nproc)"}
PEER="env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE"
check=0
[ "${1:-}" = "--hedef" ] && check=1
[ -x build/bench ] || make -s build/bench >/dev/null || exit 2
have_torch=0
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then have_torch=1; fi
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | tail -n 1; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) printf "%.3f", a[(NR + 1) / 2]; else printf "%.3f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Yapılandırma lesson16'nın düz metin ayarı (setup_for, --data text): V = sözlük, C, NH, NL,
# T (bağlam), B (yığın); FF = 4C (PyTorch tarafı da 4C). Üretim: GEN simge, sıcaklık 1.
# Oranlar: eğitim adımı C/PyTorch (hedef <= 0.5); üretim C'nin KV önbellekli simge/s'si /
# PyTorch döngüsününki (her simgede bütün bağlamı yeniden hesaplar; hedef >= 10);
# C'nin önbelleksiz sayısı da yazılır.
GPT_V=$(sed -n 2p data/gpt/text_vocab.txt 2>/dev/null)  # 1. satır başlık, 2. satır simge sayısı
GPT_CFG=${BENCH_GPT:-"${GPT_V:-110} 128 4 4 64 32"}
GPT_GEN=200
GPT_STEPS=${BENCH_GPT_STEPS:-20}
TMG=${BENCH_TORCH_MODELS:-../shared/bench/torch_models.py}
CPU=${BENCH_CPU:-0}
pre=""; [ "$CPU" = 1 ] && pre="cpu_"
torch_run() { # torch_models.py'yi koşar; BENCH_CPU=1 ise saat işlemci süresidir
    if [ "$CPU" = 1 ]; then
        $PEER /usr/bin/python3 -c 'import runpy, sys, time
time.perf_counter = time.process_time
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")' "$@"
    else
        $PEER /usr/bin/python3 "$@"
    fi
}
set -- $GPT_CFG
fail=0
for T in $THREADS; do
    echo
    echo "== gpt (lesson16), $T iş parçacığı: V=$1 C=$2 NH=$3 NL=$4 T=$5 B=$6 =="
    echo "   ($GPT_STEPS eğitim adımı, $GPT_GEN simge üretim, $P çift$([ "$CPU" = 1 ] && echo ", işlemci süresi"))"
    rs="" rg="" rn="" cs="" ts="" cg="" cn="" tg=""
    for i in $(seq 1 "$P"); do
        c=$(build/bench gpt "$GPT_STEPS" "$T" "$1" "$2" "$3" "$4" "$5" "$6" "$GPT_GEN" | tr '\n' ' ')
        c_s=$(field "$c" ${pre}sec_per_step); c_g=$(field "$c" ${pre}gen_tok_per_s)
        c_n=$(field "$c" ${pre}gen_nocache_tok_per_s)
        cs="$cs $c_s"; cg="$cg $c_g"; cn="$cn $c_n"
        line="  çift $i: C ${c_s} s/adım, üretim ${c_g} simge/s (önbelleksiz ${c_n})"
        line2=""
        if [ $have_torch = 1 ] && [ -f "$TMG" ]; then
            t=$(torch_run "$TMG" gpt --vocab "$1" --n_embd "$2" --n_head "$3" --n_layer "$4" \
                --block "$5" --batch "$6" --gen "$GPT_GEN" --steps "$GPT_STEPS" --threads "$T" 2>/dev/null | tr '\n' ' ')
            t_s=$(field "$t" sec_per_step); t_g=$(field "$t" gen_tok_per_s)
            ts="$ts $t_s"; tg="$tg $t_g"
            r=$(awk -v a="$c_s" -v b="$t_s" 'BEGIN { if (b > 0) printf "%.3f", a / b }')
            g=$(awk -v a="$c_g" -v b="$t_g" 'BEGIN { if (b > 0) printf "%.1f", a / b }')
            n=$(awk -v a="$c_n" -v b="$t_g" 'BEGIN { if (b > 0) printf "%.1f", a / b }')
            rs="$rs $r"; rg="$rg $g"; rn="$rn $n"
            line="$line
          PyTorch ${t_s} s/adım, üretim ${t_g} simge/s"
            line2="          oran: adım $r, üretim x$g (önbelleksiz x$n)"
        fi
        echo "$line"
        [ -n "$line2" ] && echo "$line2"
    done
    if [ $have_torch = 1 ] && [ -f "$TMG" ]; then
        echo "BENCH model=gpt clock=$([ "$CPU" = 1 ] && echo cpu || echo wall) threads=$T c_step_s=$(echo "$cs" | median) torch_step_s=$(echo "$ts" | median) ratio_median=$(echo "$rs" | median) c_gen_tok_s=$(echo "$cg" | median) c_gen_nocache_tok_s=$(echo "$cn" | median) torch_gen_tok_s=$(echo "$tg" | median) gen_speedup_median=$(echo "$rg" | median) gen_nocache_speedup_median=$(echo "$rn" | median)"
        if [ $check = 1 ]; then
            rm_=$(echo "$rs" | median); gm_=$(echo "$rg" | median)
            if awk -v r="$rm_" -v g="$gm_" 'BEGIN { exit !(r <= 0.5 && g >= 10) }'; then
                echo "gpt hedefleri ($T iş parçacığı): adım oranı $rm_ <= 0.5, üretim x$gm_ >= 10"
            else
                echo "gpt hedefleri ($T iş parçacığı) TUTMADI: adım oranı $rm_ (<= 0.5), üretim x$gm_ (>= 10)"
                fail=1
            fi
        fi
    else
        echo "BENCH model=gpt clock=$([ "$CPU" = 1 ] && echo cpu || echo wall) threads=$T c_step_s=$(echo "$cs" | median) c_gen_tok_s=$(echo "$cg" | median) c_gen_nocache_tok_s=$(echo "$cn" | median)"
        [ $check = 1 ] && { echo "gpt hedefleri: PyTorch yok, karşılaştırılamadı"; fail=1; }
    fi
done
exit $fail
