#!/bin/sh
# run.sh — test programlarını sırayla çalıştırır, Check'in özet satırlarını toplar.
# Kullanım: sh tests/run.sh ETİKET BIN_DİZİNİ test1 test2 ...
# Son satır: "<etiket>: N passed, M failed" (CI bu satırı okur).
label=$1; shift
bindir=$1; shift
export DOAA_BIN="${DOAA_BIN:-$bindir}"
export CK_DEFAULT_TIMEOUT="${CK_DEFAULT_TIMEOUT:-300}"
pass=0; fail=0; badbins=""
mkdir -p tests/out
for t in "$@"; do
    name=$(basename "$t")
    log="tests/out/$label-$name.log"
    t0=$(date +%s%N)
    "$t" >"$log" 2>&1
    rc=$?
    sec=$(( ($(date +%s%N) - t0) / 100000000 ))
    sec="$((sec / 10)).$((sec % 10)) s"
    line=$(grep -E '^[0-9]+%: Checks: [0-9]+' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "[$label] $name: Check özeti yok (çıkış kodu $rc) — günlük: $log"
        tail -n 20 "$log"
        fail=$((fail + 1)); badbins="$badbins $name"
        continue
    fi
    n=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
    f=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
    e=$(echo "$line" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
    bad=$((f + e))
    pass=$((pass + n - bad)); fail=$((fail + bad))
    echo "[$label] $name: $line ($sec)"
    if [ "$bad" -ne 0 ] || [ "$rc" -ne 0 ]; then
        grep -E ':[EF]:' "$log" | head -n 20
        [ "$bad" -eq 0 ] && fail=$((fail + 1))
        badbins="$badbins $name"
    fi
done
echo "$label: $pass passed, $fail failed"
[ "$fail" -eq 0 ] || { echo "başarısız:$badbins"; exit 1; }
