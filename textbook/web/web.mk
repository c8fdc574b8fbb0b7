# web.mk — ders kitabının "Rakam çiz" ve "Ad üret" sayfaları (textbook/web/): common/'un C kodu
# WebAssembly'ye (üst Makefile bu dosyayı içerir).
#
#   make wasm          build/web/rakam.wasm: çıkarım yolu (yoğun, evrişim, havuzlama,
#                      etkinlikler, model yükleme, MNIST biçimine hazırlık) + textbook/web/rakam.c;
#                      build/web/adlar.wasm: lesson16'nın GPT'si (gpt, transformer, örnekleme).
#                      Debian'ın clang'ı (--target=wasm32-wasi), wasi-libc ve lld'si; eksik
#                      paketler kurulur (root) ya da kurulum komutu yazılır.
#   make web-models    textbook/web/modeller/: lesson02, lesson04 (ve lesson16) kaydettiği modeller
#                      (data/models/) ağırlıkları float16 hassasiyetine yuvarlanarak (sayfa
#                      sıkıştırılmış halini indirir; boyut yarıdan aza iner). Önce
#                      ./lesson02 ve ./lesson04 ile eğitin.
#   make web-check     yalnızca tests/test_web: wasm ile yerel programın eşliği (10 000 MNIST
#                      test görüntüsünde aynı en olası sınıf, logit farkı ≤ 1e-4; node ile)
#                      ve okunamaz kuralı (make check de çalıştırır)
#   make textbook      sayfaları textbook/html/'e kopyalar (textbook/web/kitaba.sh)
#   make textbook-check  sayfalar başsız Chromium'da sınanır (textbook/web/tarayici.js)

WASM_PKGS   := clang lld wasi-libc libclang-rt-14-dev-wasm32 nodejs
WASM_CC     ?= clang-14
# textbook/web/shim: wasi-libc'de olmayan zlib.h (crc32), sys/resource.h ve mkstemp/fchmod bildirimleri
WASM_CFLAGS := --target=wasm32-wasi -O2 -msimd128 -std=c11 -D_GNU_SOURCE \
               -Wall -Wno-unknown-pragmas -Wno-unused-variable \
               -Icommon -Itextbook/web/shim -include textbook/web/shim/wasm_compat.h -I/usr/include/stb
# Çıkarımın gerektirdiği common/ dosyaları (eğitim, veri kümeleri, terminal yok)
WASM_COMMON := core/util core/rng core/gemm nn/activation nn/conv nn/conv_im2col \
               nn/conv_winograd nn/conv_direct nn/pool nn/dense nn/dropout model/net \
               model/layers model/ckpt \
               data/handwriting data/image lesson/drawpad
WASM_OBJ    := $(WASM_COMMON:%=build/web/common/%.o) build/web/rakam.o build/web/wasm_libs.o
WASM_EXPORTS := rk_buf rk_free rk_error rk_load rk_read rk_img rk_probs rk_logits rk_digit \
                rk_top rk_ink rk_verdict_text rk_fmaps rk_fmap_c rk_fmap_h rk_fmap_w rk_forward

.PHONY: wasm wasm-deps web-models web-check

wasm-deps:
	@sh common/setup/deps.sh $(WASM_PKGS)

wasm: build/web/rakam.wasm

build/web/common/%.o: common/%.c $(COMMON_HDR) $(wildcard textbook/web/shim/*.h textbook/web/shim/*/*.h) | wasm-deps
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -c -o $@ $<
build/web/%.o: textbook/web/%.c $(wildcard textbook/web/shim/*.h textbook/web/shim/*/*.h) $(COMMON_HDR) | wasm-deps
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -w -c -o $@ $<

# Tepkici (reactor) modülü: main yok; JS önce _initialize'ı, sonra rk_* işlevlerini çağırır.
build/web/rakam.wasm: $(WASM_OBJ)
	$(WASM_CC) --target=wasm32-wasi -mexec-model=reactor -O2 -o $@ $(WASM_OBJ) \
	    -Wl,--strip-all -Wl,--gc-sections \
	    -Wl,-z,stack-size=1048576 -Wl,--initial-memory=16777216
	@echo "wasm: $@ ($$(wc -c < $@) bayt)"

# Yerel araç: ağırlıkları float16 hassasiyetine yuvarlar (bkz. textbook/web/agirlik16.c)
build/web/agirlik16: textbook/web/agirlik16.c build/libdoaa.a $(COMMON_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< build/libdoaa.a $(LDLIBS)

web-models: build/web/agirlik16
	@for m in lesson02_mlp lesson04_cnn; do \
	  [ -f data/models/$$m.model ] || { echo "hata: data/models/$$m.model yok; önce ./$${m%%_*} ile eğitin" >&2; exit 1; }; \
	done
	@mkdir -p textbook/web/modeller build/web
	@for m in lesson02_mlp lesson04_cnn; do \
	  build/web/agirlik16 data/models/$$m.model build/web/$$m.model || exit 1; \
	  gzip -9nc build/web/$$m.model > textbook/web/modeller/$$m.model.gz || exit 1; \
	  echo "  textbook/web/modeller/$$m.model.gz: $$(wc -c < textbook/web/modeller/$$m.model.gz) bayt"; \
	done
	@if [ -f data/models/lesson16_names.ckpt ]; then \
	  build/web/agirlik16 data/models/lesson16_names.ckpt build/web/lesson16_names.ckpt && \
	  gzip -9nc build/web/lesson16_names.ckpt > textbook/web/modeller/lesson16_names.ckpt.gz && \
	  echo "  textbook/web/modeller/lesson16_names.ckpt.gz: $$(wc -c < textbook/web/modeller/lesson16_names.ckpt.gz) bayt"; \
	else echo "uyarı: data/models/lesson16_names.ckpt yok (./lesson16); Ad üret modeli güncellenmedi"; fi

# make textbook-check: sayfa başsız Chromium'da bir kullanıcı gibi sınanır (textbook/web/tarayici.js):
# rakam yolları işaretçi olaylarıyla çizilir, gösterilen rakam denetlenir; ekran görüntüsü
# build/textbook/ekran-rakam-ciz.png
.PHONY: rakam-sinama
textbook-check: rakam-sinama
rakam-sinama: textbook
	@sh common/setup/deps.sh chromium nodejs
	@node textbook/web/tarayici.js textbook/html build/textbook/ekran-rakam-ciz.png

# make check: test_web wasm'ı node ile yerel programla karşılaştırır; make textbook sayfayı
# kitaba kopyalar (textbook/html.sh -> textbook/web/kitaba.sh). İkisi de önce wasm'ı derler: root ise
# eksik paketler (nodejs, clang, lld, wasi-libc) kurulur; değilse node ve wasi-libc zaten
# varsa derlenir, yoksa test_web eşlik sınamasını atladığını, kitap sayfayı eklemediğini yazar.
WEB_OK := $(shell if [ "$$(id -u)" = 0 ] || { command -v node && [ -d /usr/lib/wasm32-wasi ]; } >/dev/null 2>&1; then echo 1; fi)
ifeq ($(WEB_OK),1)
check: build/web/rakam.wasm build/web/adlar.wasm
textbook textbook-html: build/web/rakam.wasm build/web/adlar.wasm
endif

web-check: build/tests/test_web build/web/rakam.wasm build/web/adlar.wasm
	./build/tests/test_web

# "Ad üret" bölümü: lesson16'nın GPT'si (ayrı modül: rakam sayfası küçük kalsın)
ADLAR_COMMON := core/util core/rng core/gemm nn/activation nn/act_extra nn/attention nn/dense nn/embed \
                nn/sample model/params model/ckpt model/gpt model/transformer data/charcorpus
ADLAR_OBJ    := $(ADLAR_COMMON:%=build/web/common/%.o) build/web/adlar.o build/web/wasm_libs.o
build/web/adlar.wasm: $(ADLAR_OBJ)
	$(WASM_CC) --target=wasm32-wasi -mexec-model=reactor -O2 -o $@ $(ADLAR_OBJ) \
	    -Wl,--strip-all -Wl,--gc-sections -Wl,-z,stack-size=1048576
	@echo "wasm: $@ ($$(wc -c < $@) bayt)"
wasm: build/web/adlar.wasm

# test_web "Ad üret"in C kodunu (textbook/web/adlar.c) yerel olarak da derler
build/tests/test_web build/asan/tests/test_web: textbook/web/adlar.c
