#!/bin/sh
# tests/fuzz/run.sh SANİYE HEDEF... — her bulanık sınama hedefini sırayla, SANİYE saniye çalıştırır.
# Girdi havuzu (corpus) build/fuzz/corpus/<hedef>/ (başlangıcı tests/fuzz/seeds.c üretir; elle
# yapılamayan birkaç küçük örnek, ör. progresif JPEG, tests/fuzz/seeds/<hedef>/ altında), çökme
# ve sızıntı girdileri build/fuzz/artifacts/ altına yazılır. Sınırlar: girdi başına 30 s (makine
# yüklüyken ASan'lı bir girdi birkaç saniye sürebilir),
# tek ayırma en çok FUZZ_MALLOC_MB (256 MB), süreç belleği en çok FUZZ_RSS_MB (2048 MB).
# Bulunan bir girdi düzeltilince tests/regress/ altına konmalıdır (bkz. README orada).
secs=$1; shift
malloc_mb=${FUZZ_MALLOC_MB:-256}
rss_mb=${FUZZ_RSS_MB:-2048}
mkdir -p build/fuzz/corpus build/fuzz/artifacts
build/fuzz/seeds build/fuzz/corpus || exit 1
fail=0
for t in "$@"; do
    name=$(basename "$t")
    sub=${name#fuzz_}
    mkdir -p "build/fuzz/corpus/$sub"
    [ -d "tests/fuzz/seeds/$sub" ] && cp tests/fuzz/seeds/"$sub"/* "build/fuzz/corpus/$sub/"
    log="build/fuzz/$name.log"
    echo "== $name: $secs s (corpus build/fuzz/corpus/$sub, günlük $log)"
    nice -n 10 "$t" -max_total_time="$secs" -timeout=30 -rss_limit_mb="$rss_mb" \
        -malloc_limit_mb="$malloc_mb" -max_len=65536 -close_fd_mask=3 -print_final_stats=1 \
        -artifact_prefix="build/fuzz/artifacts/$name-" "build/fuzz/corpus/$sub" >"$log" 2>&1
    rc=$?
    grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$log" | tail -n 3
    if [ $rc -ne 0 ]; then
        echo "   HATA (çıkış $rc):"
        grep -E "ERROR|SUMMARY|Test unit written|runtime error" "$log" | head -n 5
        fail=$((fail + 1))
    fi
done
echo "fuzz: $(($# - fail)) passed, $fail failed"
[ $fail -eq 0 ]
