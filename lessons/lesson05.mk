# lesson05 — ince ayar ve yeniden eğitim.
# Varsayılan veri: Fashion-MNIST'ten iki sınıf (spor ayakkabı / bot), bir
# kullanıcının fotoğraf klasörü gibi sınıf başına bir alt klasörde PNG dosyaları.
# `make lesson05` bunu bir kez (birkaç saniyede) hazırlar; data/ git'e girmez.

FASHION_DIR  := /usr/share/datasets/fashion-mnist
AYAKKABI_OK  := data/ayakkabi/.hazir

build/tools/fashion_export: lessons/tools/fashion_export.c build/libdoaa.a $(COMMON_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< build/libdoaa.a $(LDLIBS)

$(AYAKKABI_OK): lessons/tools/fashion_export.c | build/tools/fashion_export
	./build/tools/fashion_export $(FASHION_DIR) data/ayakkabi data/ayakkabi_ornek
	@touch $@

lesson05: | $(AYAKKABI_OK)

# Öğrenci fotoğraf klasörü benzeri üretilmiş klasörler (renkli, karışık boy ve biçim;
# daire / üçgen): testler ve `make check-full` kullanır. Bkz. lessons/tools/photo_folder.c
build/tools/photo_folder: lessons/tools/photo_folder.c build/libdoaa.a $(COMMON_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< build/libdoaa.a $(LDLIBS)

lesson05: | build/tools/photo_folder
