#!/bin/sh
# deps.sh — eksik Debian paketlerini kurar (root ise) ya da kurulum komutunu yazar.
# Kullanım: sh common/setup/deps.sh paket1 paket2 ...
missing=""
for p in "$@"; do
    # Komut olarak gelen araçlar başka yoldan kurulmuş olabilir (ör. Node.js ile gelen npm).
    case "$p" in
        gcc|make|npm|pkg-config) command -v "$p" >/dev/null 2>&1 && continue ;;
    esac
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
    echo "Eksik paketler kuruluyor:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null || { echo "hata: apt-get update başarısız" >&2; exit 1; }
    apt-get install -y -q $missing || { echo "hata: paket kurulumu başarısız:$missing" >&2; exit 1; }
    exit 0
fi
echo "hata: şu paketler eksik:$missing" >&2
echo "Kurmak için şu komutu çalıştırın:" >&2
echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
exit 1
