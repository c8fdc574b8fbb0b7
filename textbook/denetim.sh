#!/bin/sh
# denetim.sh — HTML baskısının denetimi (make textbook-check çağırır; önce make textbook).
#   1. Formüller: Markdown'ında $...$ matematiği olan her sayfada en az bir <math> öğesi.
#   2. Komutlar: HTML'in kod parçalarında (<code>, <pre>) "./lessonNN" ile başlayan her komut
#      kopyalanıp çalıştırılabilir olmalı: tire bozulması ("–predict", "—quick") yok ve
#      komut, sonuna --help eklenip POSIXLY_CORRECT=1 ile (ilk tanınmayan sözcükte durur)
#      çalıştırılınca bayrakları ayrıştırıp 0 ile çıkar. Eğitim başlamaz: --help ayrıştırmanın
#      sonunda yardımı yazıp çıkar; ondan önceki her bayrak ve değer denetlenmiş olur.
#      Metnin geri kalanında da "–" ardından harf (bozulmuş "--bayrak") olmamalı.
# Dersler derlenmiş olmalı (./lessonNN; make textbook-check derler).
set -u
html=textbook/html
[ -f "$html/index.html" ] || { echo "hata: $html/index.html yok; önce 'make textbook'" >&2; exit 1; }
hata=0
# 1. formüller
for md in textbook/[0-9][0-9]-*.md; do
    ad=$(basename "$md" .md)
    # kod bloklarının (```) içi sayılmaz: gnuplot'un $1'i formül değildir
    if awk '/^```/ { kod = !kod; next } !kod' "$md" | grep -q '\$[^ $][^$]*[^ $]\$\|\$\$'; then
        n=$(grep -o '<math' "$html/$ad.html" | wc -l)
        if [ "$n" -eq 0 ]; then
            echo "HATA: $html/$ad.html: Markdown'da formül var ama hiç <math> öğesi yok" >&2
            hata=1
        fi
    fi
done
toplam=$(cat "$html"/[0-9][0-9]-*.html | grep -o '<math' | wc -l)
echo "formüller: $toplam <math> öğesi"
[ "$toplam" -gt 0 ] || { echo "HATA: HTML'de hiç <math> öğesi yok" >&2; hata=1; }
# 2. tire bozulması metinde de: "--predict" pandoc'un smart uzantısıyla "–predict" olur.
#    Bozulmuş bayrak sözcük başındadır (boşluk, satır başı ya da etiket sonrası); iki sözcük
#    arasındaki gerçek yarım çizgi ("kodlayıcı–kod çözücü") bayrak değildir.
for f in "$html"/*.html; do
    if grep -q -- '\(^\|[ (>]\)–[a-zA-Z]' "$f"; then
        echo "HATA: $f: «–» ardından harf (bozulmuş bayrak?): $(grep -o -- '.\{0,20\}\(^\|[ (>]\)–[a-zA-Z]\{1,12\}' "$f" | head -n 1)" >&2
        hata=1
    fi
done
# 3. komutlar: kod parçalarının metni (etiketler silinir, HTML varlıkları çözülür)
liste=$(mktemp "${TMPDIR:-/tmp}/komutlar.XXXXXX")
trap '[ -n "${KOMUT_LISTESI:-}" ] && cp "$liste" "$KOMUT_LISTESI"; rm -f "$liste"' EXIT INT TERM
for f in "$html"/[0-9][0-9]-*.html; do
    awk -v F="$(basename "$f")" '
        { line = $0 }
        /<pre/ { inpre = 1; ccode = ($0 ~ /<pre class="sourceCode c/) }
        {
            t = line
            # satır içi <code>...</code> parçaları
            while (match(t, /<code>[^<]*<\/code>/)) {
                c = substr(t, RSTART + 6, RLENGTH - 13)
                if (c ~ /^\.\/lesson[0-9][0-9]/) print F "\t" c
                t = substr(t, RSTART + RLENGTH)
            }
            # kod bloklarında (C kaynağı hariç) satır başındaki komutlar; önlerinde
            # "Çalıştırma:" etiketi ve "make lessonNN &&" olabilir
            if (inpre && !ccode) {
                s = line
                gsub(/<[^>]*>/, "", s)
                gsub(/&quot;/, "\"", s)   # noktalı virgülle kesmeden önce: &quot; ayraç değil
                sub(/^[ \t]*(Çalıştırma:)?[ \t]*(make lesson[0-9][0-9] &amp;&amp;)?[ \t]*/, "", s)
                if (s ~ /^\.\/lesson[0-9][0-9]/) {
                    sub(/  .*/, "", s); sub(/ *[(;|].*/, "", s); sub(/ *&amp;.*/, "", s)
                    print F "\t" s
                }
            }
        }
        /<\/pre>/ { inpre = 0 }
    ' "$f"
done | sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/[.,:;]*$//' | sort -u > "$liste"
n=0
while IFS="$(printf '\t')" read -r sayfa komut; do
    n=$((n + 1))
    case "$komut" in
    *–*|*—*)
        echo "HATA: $sayfa: komutta tire bozulmuş: «$komut»" >&2
        hata=1
        continue ;;
    esac
    prog=$(printf '%s' "$komut" | cut -d' ' -f1)
    if [ ! -x "$prog" ]; then
        echo "HATA: $sayfa: «$komut»: $prog yok (make ${prog#./})" >&2
        hata=1
        continue
    fi
    # shellcheck disable=SC2086
    if ! cikti=$(eval "POSIXLY_CORRECT=1 $komut --help" 2>&1 </dev/null); then
        echo "HATA: $sayfa: «$komut» ayrıştırılamadı:" >&2
        printf '%s\n' "$cikti" | head -n 3 | sed 's/^/    /' >&2
        hata=1
    fi
done < "$liste"
echo "komutlar: $n komut denendi"
[ "$n" -gt 0 ] || { echo "HATA: HTML'de hiç ./lesson komutu bulunamadı" >&2; hata=1; }
[ "$hata" -eq 0 ] && echo "HTML denetimi: tamam"
exit "$hata"
