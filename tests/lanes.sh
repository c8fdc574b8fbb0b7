#!/bin/sh
# lanes.sh — make check'in testlerini iki şeritte (lane) aynı anda koşar.
# Kullanım: sh tests/lanes.sh "NORMAL_TESTLER" "AVX2_TESTLER" "ASAN_TESTLER"
#
# Testler tek iş parçacığında sırayla koşunca 2 çekirdekli makinede bir çekirdek
# boş kalıyordu ve make check CI'nin 5 dakikalık sınırına yaklaşmıştı. Şerit A
# dersleri çalıştıran testleri (aynı plots/lessonNN/ ve tests/out/ dosyalarına
# yazarlar) SIRAYLA koşar: önce normal, sonra ASan derlemesiyle. Şerit B ders
# çalıştırmayan birim testlerini koşar (normal, AVX2, ASan). Böylece aynı dersin
# dosyalarına hiçbir zaman iki süreç birden yazmaz.
# Son satırlar run.sh'ınkiyle aynı biçimde: "<etiket>: N passed, M failed".
normal=$1 avx2=$2 asan=$3
mkdir -p tests/out
rm -f tests/out/lane-a.rc tests/out/lane-b.rc

# Şerit A'ya giden testler: dersleri (ya da onların ASan derlemesini) çalıştıranlar.
lane_a() {
    case $(basename "$1") in
        test_lesson* | test_genbad | test_badinput | test_imgfolder) return 0 ;;
    esac
    return 1
}

na= nb= aa= ab=
for t in $normal; do if lane_a "$t"; then na="$na $t"; else nb="$nb $t"; fi; done
for t in $asan; do if lane_a "$t"; then aa="$aa $t"; else ab="$ab $t"; fi; done

asan_env='DOAA_BIN=build/asan ASAN_OPTIONS=detect_leaks=1'
(
    rc=0
    sh tests/run.sh normal . $na || rc=1
    env $asan_env sh tests/run.sh asan build/asan $aa || rc=1
    echo $rc > tests/out/lane-a.rc
) 2>&1 | tee tests/out/lane-a.txt &
(
    rc=0
    sh tests/run.sh normal . $nb || rc=1
    sh tests/run.sh avx2 build/avx2 $avx2 || rc=1
    env $asan_env sh tests/run.sh asan build/asan $ab || rc=1
    echo $rc > tests/out/lane-b.rc
) 2>&1 | tee tests/out/lane-b.txt &
wait

# İki şeridin özetlerini etiket başına topla.
status=0
for label in normal avx2 asan; do
    sed -n "s/^$label: \([0-9]*\) passed, \([0-9]*\) failed\$/\1 \2/p" \
        tests/out/lane-a.txt tests/out/lane-b.txt |
        awk -v l="$label" '{p += $1; f += $2} END {print l ": " p " passed, " f " failed"}'
done
for lane in a b; do
    [ "$(cat tests/out/lane-$lane.rc 2>/dev/null)" = 0 ] || {
        echo "şerit $lane başarısız (günlük: tests/out/lane-$lane.txt)"
        status=1
    }
done
exit $status
