#!/bin/sh
# check_full.sh — make check-full: dersleri tam uzunlukta koşar ve başlık sonuçlarını doğrular.
# Her dersin çıktısı tests/out/full-lessonNN.txt'ye yazılır.
set -u
mkdir -p tests/out
pass=0; fail=0
# ders  anahtar  en_az   (SONUÇ satırındaki değer en az bu olmalı)
claims='lesson00 adam_ilk 1
lesson00 lojistik_acc 0.90
lesson02 test_acc 0.980
lesson04 test_acc 0.992
lesson05 val_acc 0.90'
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
    echo "$claims" | while read -r lesson key min; do
        [ "$lesson" = "$l" ] || continue
        v=$(echo "$line" | tr ' ' '\n' | sed -n "s/^$key=//p")
        if [ -z "$v" ] || ! awk -v v="$v" -v m="$min" 'BEGIN { exit !(v >= m) }'; then
            echo "$l: $key=$v, en az $min olmalıydı"
            exit 1
        fi
        echo "$l: $key=$v >= $min"
    done || ok=0
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
# lesson16 (küçük GPT): adlarda test kaybı < 1,90 nat/karakter ve üretilen 1000 addan
# en az %80'i yeni; düz metinde doğrulama kaybı en iyi n-gram'ın en az 0,1 altında.
for l in "$@"; do
    [ "$l" = lesson16 ] || continue
    for d in names text; do
        out="tests/out/full-lesson16-$d.txt"
        [ $d = names ] && cp tests/out/full-lesson16.txt "$out" 2>/dev/null || ./lesson16 --data $d >"$out" 2>&1
        line=$(grep 'SONUÇ:' "$out" | tail -n 1)
        get() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
        if [ $d = names ]; then
            ok=$(awk -v t="$(get test_loss)" -v n="$(get novel)" 'BEGIN { print (t != "" && t < 1.90 && n >= 0.80) }')
            echo "lesson16 adlar: test_loss=$(get test_loss) (< 1.90) novel=$(get novel) (>= 0.80)"
        else
            ok=$(awk -v g="$(get gpt_minus_ngram)" 'BEGIN { print (g != "" && g <= -0.1) }')
            echo "lesson16 metin: val_loss=$(get val_loss) ngram_best=$(get ngram_best) fark=$(get gpt_minus_ngram) (<= -0.1)"
        fi
        if [ "$ok" = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "lesson16 --data $d: hedef tutmadı"; fi
    done
done
echo "check-full: $pass passed, $fail failed"
[ $fail -eq 0 ]
