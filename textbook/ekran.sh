#!/bin/sh
# ekran.sh — HTML baskısını başsız Chromium'da açıp ekran görüntüsü alır:
#   build/textbook/ekran-icindekiler-G.png   içindekiler sayfası
#   build/textbook/ekran-sozluk-G.png        sözlük
#   build/textbook/ekran-<bölüm>-G.png       bölümler (BOLUM="02-mlp 11-konum"; varsayılan 02 04 07 09)
# G: pencere genişliği, 1280 (masaüstü) ve 390 (telefon).
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
# BOLUM="02-mlp 04-evrisim" (boşlukla birden çok); varsayılan: sorunun istediği bölümler
bolumler=${BOLUM:-"02-mlp 04-evrisim 07-dikkat 09-maske"}
cek() { # cek SAYFA.html ÇIKTI.png GENİŞLİK YÜKSEKLİK
    [ -f "$html/$1" ] || { echo "uyarı: $html/$1 yok, atlandı" >&2; return 0; }
    "$tarayici" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profil" --hide-scrollbars --window-size="$3,$4" \
        --screenshot="$2" "file://$(pwd)/$html/$1" >/dev/null 2>&1 || {
        echo "hata: chromium '$1' sayfasının görüntüsünü alamadı" >&2; exit 1; }
    [ -s "$2" ] || { echo "hata: $2 boş" >&2; exit 1; }
    echo "ekran görüntüsü: $2"
}
# masaüstü (1280 px) ve telefon (390 px) genişliğinde
for g in 1280 390; do
    cek 00-icindekiler.html "$out/ekran-icindekiler-$g.png" "$g" 2400
    cek 99-sozluk.html "$out/ekran-sozluk-$g.png" "$g" 2400
    for b in $bolumler; do
        cek "$b.html" "$out/ekran-$b-$g.png" "$g" "${YUKSEKLIK:-5000}"
    done
done
