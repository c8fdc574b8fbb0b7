#!/bin/sh
# kayit.sh — bir dersi gerçekten koşar ve ders kitabı için kaydını tutar.
#
# Kullanım (depo kökünden; ./lessonNN önceden derlenmiş olmalı):
#   sh textbook/kayit.sh lessonNN [dersin bayrakları...]
#   sh textbook/kayit.sh lesson02              # tam uzunlukta koşu
#   sh textbook/kayit.sh lesson02 --quick      # kısa koşu (bölümde böyle olduğu yazılır)
#
# textbook/runs/lessonNN/ altına yazar (koşu başarıyla biterse eskisinin yerine geçer):
#   output.txt    programın standart çıktısı (yürüyüş metni, SONUÇ satırı dahil)
#   quiz.txt      `./lessonNN --quiz` çıktısı; girdiye yalnızca '?' satırları verilir:
#                 her soru geçersiz cevapla birkaç kez sorulur, sonra sınav doğru cevabı ve
#                 açıklamayı yazar. Böylece soru metinleri kaynakta ikinci kez yazılmaz ve
#                 hiçbir cevap dosyasına bağımlı kalınmaz.
#   *.png         plots/lessonNN/ altında bu koşuda çizilen şekiller
#   sekiller.txt  her şeklin hangi adımda çizildiği: "k dosya.png". Çıktı satır satır
#                 okunur; her "=== Adım k/n ===" satırında plots/lessonNN/ altında o ana dek
#                 yeni yazılmış PNG'ler bir önceki adıma yazılır (step_banner stdout'u
#                 boşalttığı için bu sıra güvenilirdir).
#   kayit.txt     komut, tarih, makine (uname -m), işlemci modeli, çekirdek sayısı, süre,
#                 git sürümü, ilk kaynağın cksum değeri (kaynak_cksum, eski okuyucular için)
#                 ve koşunun dayandığı her dosya için bir "dosya_cksum: SAYI YOL" satırı:
#                 dersin bütün lessons/lessonNN*.c dosyaları ve kullandığı common/ modülleri
#                 (./lessonNN'e bağlanmış build/libdoaa.a üyelerinin .c ve .h dosyaları; nm
#                 ile bulunur). Kitap, bunlardan biri sonradan değişirse adını verip uyarır.
set -u
ders=${1:?kullanım: sh textbook/kayit.sh lessonNN [bayraklar]}
shift
case $ders in
    lesson[0-9][0-9]) ;;
    *) echo "hata: ders adı lessonNN biçiminde olmalı, '$ders' verildi" >&2; exit 2 ;;
esac
[ -x "./$ders" ] || { echo "hata: ./$ders yok; önce 'make $ders'" >&2; exit 1; }
src=$(ls lessons/"$ders"*.c 2>/dev/null | head -n 1)
[ -n "$src" ] || { echo "hata: lessons/$ders*.c bulunamadı" >&2; exit 1; }
for f in lessons/"$ders"*.c; do
    [ "./$ders" -nt "$f" ] || { echo "hata: ./$ders, $f dosyasından eski; önce 'make $ders'" >&2; exit 1; }
done
command -v gnuplot >/dev/null 2>&1 || { echo "hata: gnuplot yok; şekiller çizilemez" >&2; exit 1; }

# Dersin kullandığı common/ modülleri: ikilide tanımlı genel simgelerden biri bir arşiv
# üyesinde tanımlıysa, bağlayıcı o üyeyi (bütünüyle) ikiliye katmıştır.
lib=build/libdoaa.a
[ -f "$lib" ] || { echo "hata: $lib yok; önce 'make $ders'" >&2; exit 1; }
command -v nm >/dev/null 2>&1 || { echo "hata: nm yok (binutils paketi)" >&2; exit 1; }
uyeler=$({ nm -g --defined-only "$lib" 2>/dev/null; echo "=== ikili"; nm -g --defined-only "./$ders"; } |
    awk '/^=== ikili/ { bin = 1; next }
         !bin && /:$/ { m = substr($0, 1, length($0) - 1); next }
         !bin && NF == 3 { def[$3] = m; next }
         bin && NF == 3 && ($3 in def) { used[def[$3]] = 1 }
         END { for (m in used) print m }' | sort)
[ -n "$uyeler" ] || { echo "hata: ./$ders içinde $lib üyesi bulunamadı (nm çıktısı boş)" >&2; exit 1; }
dosyalar=$(ls lessons/"$ders"*.c)
ortak=""
for u in $uyeler; do
    for f in common/*/"${u%.o}".c common/*/"${u%.o}".h; do
        [ -f "$f" ] && ortak="$ortak $f"
    done
done
ortak=$(printf '%s\n' $ortak | sort -u)
for f in $ortak; do
    [ "./$ders" -nt "$f" ] || { echo "hata: ./$ders, $f dosyasından eski; önce 'make $ders'" >&2; exit 1; }
done
dosyalar="$dosyalar $ortak"

hedef=textbook/runs/$ders
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kayit.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
yeni=$tmp/kayit
mkdir -p "$yeni"
plots=plots/$ders
rm -rf "$plots"            # eski koşuların şekilleri karışmasın (plots/ git'te değil)
mkdir -p "$plots"

# Son damgadan sonra yazılmış PNG'ler (nanosaniye çözünürlüklü find -newer; yazılma sırasıyla)
yeni_sekiller() {
    touch "$tmp/damga.yeni"
    find "$plots" -maxdepth 1 -name '*.png' -newer "$tmp/damga" ! -newer "$tmp/damga.yeni" \
        -printf '%T@ %f\n' | sort -n | while read -r _ f; do echo "$1 $f"; done >>"$yeni/sekiller.txt"
    mv "$tmp/damga.yeni" "$tmp/damga"
}
touch "$tmp/damga"
: >"$yeni/sekiller.txt"
: >"$yeni/output.txt"
bas=$(date +%s)
echo "koşuluyor: ./$ders $*"
# Şekilleri adımlara bağla: her başlık satırında, son damgadan yeni PNG'ler önceki adımındır.
{ "./$ders" "$@" 2>"$tmp/stderr.txt"; echo $? >"$tmp/rc"; } | {
    adim=0
    while IFS= read -r satir; do
        printf '%s\n' "$satir" >>"$yeni/output.txt"
        case $satir in
        "=== Adım "*/*": "*" ===")
            yeni_sekiller "$adim"
            adim=$(printf '%s\n' "$satir" | sed -E 's/^=== Adım ([0-9]+)\/.*/\1/')
            ;;
        esac
    done
    yeni_sekiller "$adim"
}
son=$(date +%s)
rc=$(cat "$tmp/rc" 2>/dev/null || echo 1)
if [ "$rc" -ne 0 ]; then
    echo "hata: ./$ders $* çıkış kodu $rc ile bitti; kayıt değiştirilmedi. stderr:" >&2
    tail -n 20 "$tmp/stderr.txt" >&2
    exit 1
fi
# Aynı şekil iki adımda yeniden çizildiyse son adımda kalsın.
awk '{ step[$2] = $1; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
     END { for (i = 1; i <= n; i++) print step[order[i]], order[i] }' \
    "$yeni/sekiller.txt" >"$tmp/s.txt" && mv "$tmp/s.txt" "$yeni/sekiller.txt"
for f in "$plots"/*.png; do
    [ -f "$f" ] && cp "$f" "$yeni/"
done

echo "sınav metni alınıyor: ./$ders --quiz (geçersiz cevaplarla)"
yes '?' | timeout 120 "./$ders" --quiz >"$yeni/quiz.txt" 2>"$tmp/quiz_stderr.txt"
grep -q '^Soru 1/' "$yeni/quiz.txt" || {
    echo "uyarı: ./$ders --quiz soru yazmadı; sınav bölümü boş kalacak" >&2
    rm -f "$yeni/quiz.txt"
}

kisa=hayır
for b in "$@"; do [ "$b" = "--quick" ] && kisa=evet; done
islemci=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
[ -n "$islemci" ] || islemci=$(uname -p)
gitsurum=$(git rev-parse --short HEAD 2>/dev/null || echo bilinmiyor)
git diff --quiet HEAD -- $dosyalar 2>/dev/null || gitsurum="$gitsurum + kaydedilmemiş değişiklik"
{
    echo "ders: $ders"
    echo "komut: ./$ders${*:+ $*}"
    echo "kisa: $kisa"
    echo "tarih: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "makine: $(uname -m)"
    echo "islemci: $islemci"
    echo "cekirdek: $(nproc 2>/dev/null || echo ?)"
    echo "sure_sn: $((son - bas))"
    echo "git: $gitsurum"
    echo "kaynak: $src"
    echo "kaynak_cksum: $(cksum <"$src" | cut -d' ' -f1)"
    for f in $dosyalar; do
        echo "dosya_cksum: $(cksum <"$f" | cut -d' ' -f1) $f"
    done
} >"$yeni/kayit.txt"

rm -rf "$hedef.eski"
[ -d "$hedef" ] && mv "$hedef" "$hedef.eski"
mkdir -p "$(dirname "$hedef")"
mv "$yeni" "$hedef" && rm -rf "$hedef.eski"
echo "kaydedildi: $hedef ($(ls "$hedef" | wc -l) dosya, $((son - bas)) sn)"
