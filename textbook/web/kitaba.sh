#!/bin/sh
# kitaba.sh — "Rakam çiz" sayfasını HTML baskısına kopyalar (textbook/html.sh çağırır).
#   ÇIKTI/rakam-ciz.html                 sayfa (kitabın kitap.css'ini kullanır)
#   ÇIKTI/rakam/rakam.wasm               common/'un çıkarım yolu (make wasm)
#   ÇIKTI/rakam/*.model.gz               lesson02 MLP ve lesson04 CNN (textbook/web/modeller/)
#   ÇIKTI/rakam/{rakam,sayfa,cizgiler}.js
#   ÇIKTI/ad-uret.html, ÇIKTI/rakam/adlar.wasm, lesson16_names.ckpt.gz   "Ad üret" (lesson16)
# Kullanım: sh textbook/web/kitaba.sh textbook/html
set -eu
out=${1:?kullanım: sh textbook/web/kitaba.sh ÇIKTI_KLASÖRÜ}
if [ ! -f build/web/rakam.wasm ]; then
    echo "uyarı: build/web/rakam.wasm yok ('make wasm'); Rakam çiz sayfası kitaba eklenmedi" >&2
    exit 0
fi
mkdir -p "$out/rakam"
cp textbook/web/rakam-ciz.html "$out/rakam-ciz.html"
cp textbook/web/rakam.js textbook/web/sayfa.js textbook/web/cizgiler.js build/web/rakam.wasm textbook/web/modeller/*.model.gz "$out/rakam/"
adlar=0
if [ -f build/web/adlar.wasm ] && [ -f textbook/web/modeller/lesson16_names.ckpt.gz ]; then
    cp textbook/web/ad-uret.html "$out/ad-uret.html"
    cp build/web/adlar.wasm textbook/web/modeller/lesson16_names.ckpt.gz "$out/rakam/"
    adlar=1
fi
# Ders 02 ve 04'ten sayfaya bağlantı (yalnızca HTML baskısında: sayfa orada çalışır).
# İçindekiler kutusunun (nav) ardına ve sayfanın sonuna birer kutu eklenir; bölümlerin
# Markdown'ı ve dersler değişmez.
bagla() { # bagla BÖLÜM.html METİN
    f="$out/$1"
    [ -f "$f" ] || { echo "uyarı: $f yok; Rakam çiz bağlantısı eklenmedi" >&2; return 0; }
    grep -q 'class="rakam-ciz"' "$f" && return 0   # zaten eklenmiş
    kutu="<blockquote class=\"rakam-ciz\"><p>✎ $2</p></blockquote>"
    awk -v kutu="$kutu" '
        !ust && /<\/nav>/ { print; print kutu; ust = 1; next }
        /<\/body>/ { print kutu }
        { print }' "$f" > "$f.tmp" && mv "$f.tmp" "$f"
}
r='<a href="rakam-ciz.html">Rakam çiz</a>'
a='<a href="ad-uret.html">Ad üret</a>'
bagla 02-mlp.html "Bu dersin MLP'sini tarayıcıda kendi çizdiğin rakamlarla dene: $r"
bagla 04-evrisim.html "Bu dersin CNN'ini ve ilk katmanının öznitelik haritalarını kendi çizdiğin rakamlarla gör: $r"
[ $adlar = 1 ] && bagla 16-gpt.html "Bu dersin GPT'sine tarayıcıda, istediğin sıcaklıkta ad ürettir: $a"
ek="Ek: derslerin ağları tarayıcıda — $r (Ders 02'nin MLP'si, Ders 04'ün CNN'i)"
[ $adlar = 1 ] && ek="$ek · $a (Ders 16'nın GPT'si)"
for f in index.html 00-icindekiler.html; do bagla "$f" "$ek"; done
boy=$(cat "$out"/rakam/rakam.wasm "$out"/rakam/*.model.gz | wc -c)
echo "Rakam çiz sayfası: $out/rakam-ciz.html (wasm + modeller $boy bayt)"
if [ $adlar = 1 ]; then
    boy=$(cat "$out"/rakam/adlar.wasm "$out"/rakam/lesson16_names.ckpt.gz | wc -c)
    echo "Ad üret sayfası: $out/ad-uret.html (wasm + model $boy bayt)"
fi
