#!/bin/sh
# ekran.sh — HTML baskısını başsız Chromium'da açıp ekran görüntüsü alır:
#   build/textbook/ekran-icindekiler.png   içindekiler sayfası
#   build/textbook/ekran-<bölüm>.png        bir bölüm (BOLUM=11-konum; yoksa kaydı olan ilk bölüm)
# Görüntülere bakarak şekillerin, formüllerin, Türkçe harflerin ve bağlantıların doğru
# göründüğü denetlenir. Ağa çıkılmaz; her seferinde yeni ve boş bir profil kullanılır.
set -eu
html=textbook/html
[ -f "$html/index.html" ] || { echo "hata: $html/index.html yok; önce 'make textbook'" >&2; exit 1; }
tarayici=$(command -v chromium || command -v chromium-browser || true)
[ -n "$tarayici" ] || { echo "hata: chromium yok (apt-get install chromium)" >&2; exit 1; }
out=build/textbook
mkdir -p "$out"
profil=$(mktemp -d "${TMPDIR:-/tmp}/ekran.XXXXXX")
trap 'rm -rf "$profil"' EXIT INT TERM
bolum=${BOLUM:-}
if [ -z "$bolum" ]; then
    for d in textbook/runs/lesson*/; do
        [ -d "$d" ] || continue
        n=$(basename "$d" | sed 's/lesson//')
        f=$(ls textbook/"$n"-*.md 2>/dev/null | head -n 1)
        [ -n "$f" ] && { bolum=$(basename "$f" .md); break; }
    done
fi
[ -n "$bolum" ] || bolum=$(ls "$html" | grep -E '^[0-9][0-9]-' | grep -v '^00-' | head -n 1 | sed 's/\.html$//')
cek() { # cek SAYFA.html ÇIKTI.png YÜKSEKLİK
    "$tarayici" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profil" --hide-scrollbars --window-size=1200,"$3" \
        --screenshot="$2" "file://$(pwd)/$html/$1" >/dev/null 2>&1 || {
        echo "hata: chromium '$1' sayfasının görüntüsünü alamadı" >&2; exit 1; }
    [ -s "$2" ] || { echo "hata: $2 boş" >&2; exit 1; }
    echo "ekran görüntüsü: $2"
}
cek 00-icindekiler.html "$out/ekran-icindekiler.png" 2400
cek "$bolum.html" "$out/ekran-$bolum.png" "${YUKSEKLIK:-5000}"
