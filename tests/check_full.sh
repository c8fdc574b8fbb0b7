#!/bin/sh
# check_full.sh — make check-full: dersleri tam uzunlukta koşar ve başlık sonuçlarını doğrular.
# Her dersin çıktısı tests/out/full-lessonNN.txt'ye yazılır.
set -u
mkdir -p tests/out
pass=0; fail=0
# ders  anahtar  sınır  [yön]   (SONUÇ satırındaki değer en az bu olmalı; yön "max" ise en çok)
claims='lesson00 adam_ilk 1
lesson00 lojistik_acc 0.90
lesson02 test_acc 0.980
lesson04 test_acc 0.992
lesson05 val_acc 0.90
lesson14 pac_ring_min 8
lesson14 pac_grid_modes 24.8
lesson14 pac_ring_hq 0.90
lesson14 pac_grid_hq 0.90
lesson15 flag_ed 0.02 max
lesson15 flag_prec 0.90
lesson15 flag_rec 0.90'
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
        if [ "${dir:-}" = max ]; then
            if [ -z "$v" ] || ! awk -v v="$v" -v m="$min" 'BEGIN { exit !(v <= m) }'; then
                echo "$l: $key=$v, en çok $min olmalıydı"
                exit 1
            fi
            echo "$l: $key=$v <= $min"
            continue
        fi
        if [ -z "$v" ] || ! awk -v v="$v" -v m="$min" 'BEGIN { exit !(v >= m) }'; then
            echo "$l: $key=$v, en az $min olmalıydı"
            exit 1
        fi
        echo "$l: $key=$v >= $min"
    done || ok=0
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "check-full: $pass passed, $fail failed"
[ $fail -eq 0 ]
