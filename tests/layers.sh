#!/bin/sh
# layers.sh — common/ katman kuralını denetler: bir klasör yalnızca kendinden
# aşağıdaki katmanları içerebilir (bkz. common/README.md).
#   core/   hiçbir şeye
#   nn/     core/
#   data/   core/
#   model/  core/ nn/ data/ (eğitim döngüsü veri yığınlarını okur)
#   lesson/ hepsine
# Kural bozulursa hangi dosyanın hangi başlığı içerdiğini yazar ve 1 ile çıkar.
cd "$(dirname "$0")/.." || exit 2
allowed() {
    case $1 in
        core) echo "core" ;;
        nn) echo "core nn" ;;
        data) echo "core data" ;;
        model) echo "core nn data model" ;;
        lesson) echo "core nn data model lesson" ;;
        *) echo "" ;;
    esac
}
bad=0 n=0
for f in common/*/*.c common/*/*.h; do
    [ -f "$f" ] || continue
    layer=$(basename "$(dirname "$f")")
    ok=$(allowed "$layer")
    if [ -z "$ok" ]; then
        echo "katman hatası: $f bilinmeyen bir klasörde (core nn data model lesson olmalı)" >&2
        bad=1
        continue
    fi
    n=$((n + 1))
    # "klasör/ad.h" biçimindeki her yerel #include
    for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([a-z_]*\)\/[^"]*".*/\1/p' "$f"); do
        case " $ok " in
            *" $inc "*) ;;
            *) echo "katman hatası: $f ($layer/) üst katmandaki $inc/ başlığını içeriyor" >&2; bad=1 ;;
        esac
    done
    # Klasörsüz yerel #include (stb dışında) kuralı gizler: klasörüyle yazılmalı.
    for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"/]*\)".*/\1/p' "$f"); do
        case $inc in
            stb_*) ;;
            *) echo "katman hatası: $f \"$inc\" içeriyor; klasörüyle yazın (ör. \"core/$inc\")" >&2; bad=1 ;;
        esac
    done
done
if [ $bad -ne 0 ]; then
    echo "layers: 0 passed, 1 failed"
    exit 1
fi
echo "katman denetimi: $n dosya kurala uyuyor"
