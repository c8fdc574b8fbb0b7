#!/bin/sh
# check_full.sh — make check-full: dersleri tam uzunlukta koşar ve başlık sonuçlarını doğrular.
# Her dersin çıktısı tests/out/full-lessonNN.txt'ye yazılır.
set -u
mkdir -p tests/out
pass=0; fail=0
# ders  anahtar  sınır   (SONUÇ satırındaki değer en az bu olmalı; sınır "<=" ile
# başlıyorsa en çok bu olmalı)
claims='lesson00 adam_ilk 1
lesson00 lojistik_acc 0.90
lesson02 test_acc 0.980
lesson04 test_acc 0.992
lesson05 val_acc 0.90
lesson05 replay_kayip <=0.05
lesson13 nelbo20 <=106
lesson13 nelbo2 <=160
lesson13 kl20_min 5
lesson13 kl2_min 2
lesson13 active20 10
lesson13 conf_vae 0.25
lesson13 conf_ae <=0.05
lesson13 classes_vae 8
lesson06 em_att_L20 0.99
lesson06 fark_Lmax 0.20
lesson06 sayi_em 0.95
lesson06 hizalama_komsu 0.90
lesson06 sayi_hizalama 0.80
lesson06 gradcheck_oran <=1
lesson06 sure_toplam <=600
lesson12 rev_acc_maxlen 0.99
lesson12 num_em 0.95
lesson12 align 0.90
lesson12 tf_minus_gru_min 0.01
lesson12 seconds <=600
lesson14 pac_ring_min 8
lesson14 pac_grid_modes 24.8
lesson14 pac_ring_hq 0.90
lesson14 pac_grid_hq 0.90
lesson14 mnist_conf 0.70
lesson14 mnist_classes 8
lesson14 seconds <=600
lesson15 flag_ed <=0.02
lesson15 flag_prec 0.90
lesson15 flag_rec 0.90
lesson15 mnist_conf 0.70
lesson15 mnist_classes 8
lesson15 seconds <=600
lesson16 test_loss <=1.90
lesson16 novel 0.80
lesson16 seconds <=600'
for l in "$@"; do
    out="tests/out/full-$l.txt"
    echo "== $l (tam koşu) =="
    t0=$(date +%s)
    if ! ./$l >"$out" 2>&1; then
        echo "$l: BAŞARISIZ (çıkış kodu sıfır değil) — $out"
        tail -n 5 "$out"
        fail=$((fail + 1)); continue
    fi
    line=$(grep 'SONUÇ:' "$out" | tail -n 1)
    echo "$line  ($(( $(date +%s) - t0 )) s)"
    ok=1
    echo "$claims" | while read -r lesson key min dir; do
        [ "$lesson" = "$l" ] || continue
        v=$(echo "$line" | tr ' ' '\n' | sed -n "s/^$key=//p")
        case "$min" in
        '<='*) max=${min#<=}
            if [ -z "$v" ] || ! awk -v v="$v" -v m="$max" 'BEGIN { exit !(v <= m) }'; then
                echo "$l: $key=$v, en çok $max olmalıydı"
                exit 1
            fi
            echo "$l: $key=$v <= $max" ;;
        *)
            if [ -z "$v" ] || ! awk -v v="$v" -v m="$min" 'BEGIN { exit !(v >= m) }'; then
                echo "$l: $key=$v, en az $min olmalıydı"
                exit 1
            fi
            echo "$l: $key=$v >= $min" ;;
        esac
    done || ok=0
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
# lesson05 bir öğrencinin fotoğraf klasöründe: üretilmiş renkli, karışık boy ve biçimli
# 300 görüntü (daire / üçgen) varsayılan koşuda >= %90 doğrulama doğruluğuna ulaşmalı;
# iki sınıfı aynı görüntüler olan klasörde ders şans düzeyi uyarısı vermeli (çıkış 3).
case " $* " in *" lesson05 "*)
    make -s build/tools/photo_folder >/dev/null
    d=tests/out/foto_klasor
    rm -rf "$d"
    ./build/tools/photo_folder "$d/sekil" >/dev/null && ./build/tools/photo_folder "$d/ayni" --ayni >/dev/null
    for kind in sekil ayni; do
        out="tests/out/full-lesson05-$kind.txt"
        echo "== lesson05 --images $d/$kind (tam koşu) =="
        t0=$(date +%s)
        ./lesson05 --images "$d/$kind" --model "$d/$kind.model" >"$out" 2>&1
        rc=$?
        line=$(grep 'SONUÇ:' "$out" | tail -n 1)
        echo "$line  (çıkış $rc, $(( $(date +%s) - t0 )) s)"
        v=$(echo "$line" | tr ' ' '\n' | sed -n "s/^val_acc=//p")
        if [ $kind = sekil ]; then
            if [ $rc -eq 0 ] && [ -n "$v" ] && awk -v v="$v" 'BEGIN { exit !(v >= 0.90) }'; then
                echo "lesson05 fotoğraf klasörü: val_acc=$v >= 0.90"; pass=$((pass + 1))
            else
                echo "lesson05 fotoğraf klasörü: val_acc=$v (çıkış $rc), en az 0.90 olmalıydı"; fail=$((fail + 1))
            fi
        else
            if [ $rc -eq 3 ] && grep -q 'ÖĞRENEMEDİ' "$out" && [ ! -e "$d/$kind.model" ]; then
                echo "lesson05 aynı sınıflar: şans düzeyi uyarısı verildi, model kaydedilmedi"; pass=$((pass + 1))
            else
                echo "lesson05 aynı sınıflar: uyarı yok ya da model kaydedildi (çıkış $rc)"; fail=$((fail + 1))
            fi
        fi
    done ;;
esac
# lesson16 (küçük GPT) düz metin derlemiyle de koşar: doğrulama kaybı en iyi n-gram'ınkinin
# en az 0,1 altında olmalı (adlar derleminin hedefleri yukarıdaki claims'te).
case " $* " in *" lesson16 "*)
    out="tests/out/full-lesson16-text.txt"
    echo "== lesson16 --data text (tam koşu) =="
    t0=$(date +%s)
    ./lesson16 --data text >"$out" 2>&1
    line=$(grep 'SONUÇ:' "$out" | tail -n 1)
    echo "$line  ($(( $(date +%s) - t0 )) s)"
    g=$(echo "$line" | tr ' ' '\n' | sed -n "s/^gpt_minus_ngram=//p")
    if [ -n "$g" ] && awk -v g="$g" 'BEGIN { exit !(g <= -0.1) }'; then
        echo "lesson16 metin: gpt_minus_ngram=$g <= -0.1"; pass=$((pass + 1))
    else
        echo "lesson16 metin: gpt_minus_ngram=$g, en çok -0.1 olmalıydı"; fail=$((fail + 1))
    fi
    # tam koşu (veri, sayım modelleri, eğitim, üretim) en çok 10 dakika
    s=$(echo "$line" | tr ' ' '\n' | sed -n "s/^seconds=//p")
    if [ -n "$s" ] && awk -v s="$s" 'BEGIN { exit !(s <= 600) }'; then
        echo "lesson16 metin: seconds=$s <= 600"; pass=$((pass + 1))
    else
        echo "lesson16 metin: seconds=$s, en çok 600 olmalıydı"; fail=$((fail + 1))
    fi
    # hız: eğitim adımı <= 0,5 x PyTorch, KV önbellekli üretim >= 10 x PyTorch (tests/bench_gpt.sh)
    echo "== lesson16 GPT hızı: C ile PyTorch (tests/bench_gpt.sh --hedef) =="
    if sh tests/bench_gpt.sh --hedef >tests/out/full-lesson16-bench.txt 2>&1; then
        grep 'hedefleri' tests/out/full-lesson16-bench.txt; pass=$((pass + 1))
    else
        grep 'hedefleri\|BENCH' tests/out/full-lesson16-bench.txt; fail=$((fail + 1))
    fi ;;
esac
echo "check-full: $pass passed, $fail failed"
[ $fail -eq 0 ]
