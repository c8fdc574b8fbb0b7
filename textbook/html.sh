#!/bin/sh
# html.sh — Markdown bölümlerinden HTML baskısını üretir (textbook/html/).
# make textbook çağırır; önce bölümler (textbook/*.md) dokunmuş olmalı.
#   - pandoc (Debian paketi): Markdown -> tek başına HTML5 sayfası
#   - formüller: $...$ matematiği --mathml ile MathML olur (JavaScript ve ağ gerekmez;
#     Chromium 109+ ve Firefox MathML'i kendisi çizer)
#   - kod renklendirme: pandoc'un kendi (skylighting) renklendirmesi, CSS sayfanın içinde
#   - bağlantılar: textbook/html.lua .md -> .html, şekil ve kaynak yollarını düzeltir
# HTML sayfaları şekilleri ../runs/ altından gösterir: depo içinde çevrimdışı okunur.
set -eu
command -v pandoc >/dev/null 2>&1 || { echo "hata: pandoc yok (apt-get install pandoc)" >&2; exit 1; }
weave=build/textbook/weave
[ -x "$weave" ] || { echo "hata: $weave yok; önce 'make textbook-md'" >&2; exit 1; }
out=textbook/html
mkdir -p "$out"
rm -f "$out"/*.html
cp textbook/kitap.css "$out/kitap.css"
n=0
for md in $("$weave" --kok . --liste); do
    [ -f "textbook/$md" ] || { echo "hata: textbook/$md yok; önce 'make textbook-md'" >&2; exit 1; }
    baslik=$(sed -n 's/^# //p' "textbook/$md" | head -n 1)
    pandoc -f markdown-smart-fancy_lists -t html5 --standalone --mathml --toc --toc-depth=1 --shift-heading-level-by=-1 \
        --highlight-style=tango --lua-filter=textbook/html.lua --css=kitap.css \
        -V lang=tr \
        --metadata toc-title="Bu bölümde" \
        -o "$out/${md%.md}.html" "textbook/$md"
    n=$((n + 1))
done
cp "$out/00-icindekiler.html" "$out/index.html"
sh web/kitaba.sh "$out"   # "Rakam çiz" sayfası (bkz. web/web.mk)
echo "HTML baskısı: $out/index.html ($n sayfa)"
