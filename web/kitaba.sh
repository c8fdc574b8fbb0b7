#!/bin/sh
# kitaba.sh — "Rakam çiz" sayfasını HTML baskısına kopyalar (textbook/html.sh çağırır).
#   ÇIKTI/rakam-ciz.html                 sayfa (kitabın kitap.css'ini kullanır)
#   ÇIKTI/rakam/rakam.wasm               common/'un çıkarım yolu (make wasm)
#   ÇIKTI/rakam/*.model.gz               lesson02 MLP ve lesson04 CNN (web/modeller/)
#   ÇIKTI/rakam/{rakam,sayfa,cizgiler}.js
# Kullanım: sh web/kitaba.sh textbook/html
set -eu
out=${1:?kullanım: sh web/kitaba.sh ÇIKTI_KLASÖRÜ}
if [ ! -f build/web/rakam.wasm ]; then
    echo "uyarı: build/web/rakam.wasm yok ('make wasm'); Rakam çiz sayfası kitaba eklenmedi" >&2
    exit 0
fi
mkdir -p "$out/rakam"
cp web/rakam-ciz.html "$out/rakam-ciz.html"
cp web/rakam.js web/sayfa.js web/cizgiler.js build/web/rakam.wasm web/modeller/*.model.gz "$out/rakam/"
boy=$(cat "$out"/rakam/rakam.wasm "$out"/rakam/*.model.gz | wc -c)
echo "Rakam çiz sayfası: $out/rakam-ciz.html (wasm + modeller $boy bayt)"
