#!/bin/sh
# html.sh — Markdown bölümlerinden HTML baskısını üretir (textbook/html/).
# make textbook çağırır; önce bölümler (textbook/*.md) dokunmuş olmalı.
#   - pandoc (Debian paketi): Markdown -> tek başına HTML5 sayfası
#   - formüller: $...$ matematiği --mathml ile MathML olur (Chromium 109+ ve Firefox MathML'i
#     kendisi çizer; ağ gerekmez)
#   - kod renklendirme: pandoc'un kendi (skylighting) renklendirmesi, CSS sayfanın içinde
#   - bağlantılar, şekil başlıkları, ders göndermeleri, arama dizini: textbook/html.lua
#   - okuma yardımları (kitap.js, ağ ve sunucu gerekmez): bölüm içindekileri geniş ekranda
#     yanda sabit, arama kutusu (arama-dizin.js: make textbook anında üretilen dizin), kod
#     bloklarında kopyala düğmesi; karanlık tema ve baskı görünümü kitap.css'te
#   - kitap.html: bütün kitap tek sayfada (yazdırmak ya da PDF'e kaydetmek için)
# HTML sayfaları şekilleri ../runs/ altından gösterir: depo içinde çevrimdışı okunur.
set -eu
command -v pandoc >/dev/null 2>&1 || { echo "hata: pandoc yok (apt-get install pandoc)" >&2; exit 1; }
weave=build/textbook/weave
[ -x "$weave" ] || { echo "hata: $weave yok; önce 'make textbook-md'" >&2; exit 1; }
out=textbook/html
mkdir -p "$out"
rm -f "$out"/*.html

# Sayfaların yanına kopyalanan duran dosyalar (başka bir sayfa ya da dosya eklenecekse buraya).
cp textbook/kitap.css "$out/kitap.css"
cp textbook/kitap.js "$out/kitap.js"

bolumler=$("$weave" --kok . --liste)
KITAP_BOLUMLER=$(for md in $bolumler; do printf '%s ' "${md%.md}"; done)
export KITAP_BOLUMLER
dizin=$(mktemp "${TMPDIR:-/tmp}/kitap-dizin.XXXXXX")
trap 'rm -f "$dizin"' EXIT INT TERM
# Her sayfada ortak: üstte arama kutusu, sonda betikler
ust='<div class="arama" role="search"><input id="arama-kutusu" type="search" placeholder="Kitapta ara…" aria-label="Kitapta ara" autocomplete="off"><a class="tek-sayfa" href="kitap.html" title="Bütün kitap tek sayfada (yazdırmak için)">tek sayfa</a><ol id="arama-sonuc" hidden></ol></div>'
alt='<script src="arama-dizin.js"></script><script src="kitap.js"></script>'
printf '%s\n' "$ust" >"$dizin.ust"
printf '%s\n' "$alt" >"$dizin.alt"
trap 'rm -f "$dizin" "$dizin.ust" "$dizin.alt"' EXIT INT TERM
ortak="-f markdown-smart-fancy_lists -t html5 --standalone --mathml --highlight-style=tango
       --lua-filter=textbook/html.lua --css=kitap.css -V lang=tr
       --include-before-body=$dizin.ust --include-after-body=$dizin.alt"
n=0
for md in $bolumler; do
    [ -f "textbook/$md" ] || { echo "hata: textbook/$md yok; önce 'make textbook-md'" >&2; exit 1; }
    # shellcheck disable=SC2086
    KITAP_DIZIN=$dizin pandoc $ortak --toc --toc-depth=1 --shift-heading-level-by=-1 \
        --metadata toc-title="Bu bölümde" \
        -o "$out/${md%.md}.html" "textbook/$md"
    n=$((n + 1))
done
cp "$out/00-icindekiler.html" "$out/index.html"

# Arama dizini: html.lua'nın her bölüm için yazdığı JSON nesneleri tek bir betikte
{ printf 'window.KITAP_DIZIN = [\n'; cat "$dizin"; printf '];\n'; } >"$out/arama-dizin.js"

# Bütün kitap tek sayfada: bölümler sırayla, her birinin başında adıyla bir çapa
tek=$(mktemp "${TMPDIR:-/tmp}/kitap-tek.XXXXXX")
trap 'rm -f "$dizin" "$dizin.ust" "$dizin.alt" "$tek"' EXIT INT TERM
for md in $bolumler; do
    printf '\n<div id="%s"></div>\n\n' "${md%.md}"
    cat "textbook/$md"
    printf '\n'
done >"$tek"
# shellcheck disable=SC2086
KITAP_TEK=1 pandoc $ortak --toc --toc-depth=1 \
    --metadata title="Derin Öğrenme Adım Adım — bütün kitap" --metadata toc-title="İçindekiler" \
    -o "$out/kitap.html" "$tek"
sh textbook/web/kitaba.sh "$out"   # "Rakam çiz" ve "Ad üret" sayfaları (bkz. textbook/web/web.mk)
echo "HTML baskısı: $out/index.html ($n sayfa; bütün kitap tek sayfada: $out/kitap.html)"
