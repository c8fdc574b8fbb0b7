# Derin Öğrenme Adım Adım — derleme, kurulum, testler.
#
#   make               tüm dersleri derler (eksik paketleri kurar, MNIST'i indirir)
#   make lesson02      tek bir dersi derler: ./lesson02
#   make quiz02        dersin sınavını etkileşimli çalıştırır
#   make check         birim testleri + derslerin --quick koşuları + AVX2 genişliğinde
#                      çekirdek testleri + ASan/UBSan turu
#   make check-full    dersleri tam uzunlukta koşar, başlık sonuçlarını doğrular
#   make bench         hız ve bellek ölçümü (PyTorch ile yan yana)
#   make plots         plots/ altındaki tüm gnuplot betiklerini yeniden çizer
#
# Derleyici bayrakları: C11, -O2 -march=native (makinenin tüm vektör komutları),
# -ffp-contract=fast (a*b+c tek FMA komutu olabilir; sonuçlar bit düzeyinde
# tekrarlanabilir kalır, yalnızca referans döngüden ~1e-6 farklı olabilir), OpenMP.
# -fno-math-errno: sqrtf/expf errno yazmaz, döngüler vektörleşebilir (errno'ya bakmayız).
# -mprefer-vector-width=512: derleyicinin kendisi vektörleştirdiği döngülerde de AVX-512'nin
# 16 şeridini kullanır (varsayılanı 8'dir); AVX-512'siz makinede etkisizdir.
# -fvect-cost-model=cheap (yalnız GCC; derleyici tanımazsa eklenmez): -O2'nin "çok ucuz"
# maliyet modeli, uzunluğu derlemede bilinmeyen döngüleri (artık toplamı, ReLU, kopyalar)
# hiç vektörleştirmez; "ucuz" model vektörleştirir. Float toplamların sırası değişmez
# (-ffast-math yok): sonuçlar bit bit aynı kalır. lesson12'nin eğitim adımı ~%15 kısaldı.

# Derleme çekirdek sayısı kadar paralel koşar (make -jN verilmediyse). Testler yine
# sırayla koşar: check'in tarifi satır satır ilerler.
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 1)
endif

CC      ?= gcc
CFLAGS  ?= -O2 -march=native
CFLAGS  += -std=c11 -D_GNU_SOURCE -ffp-contract=fast -fno-math-errno -mprefer-vector-width=512 \
           -fopenmp -Wall -Wextra \
           -Icommon -I/usr/include/stb
ifeq ($(shell $(CC) -fvect-cost-model=cheap -E -x c /dev/null >/dev/null 2>&1 && echo y),y)
CFLAGS  += -fvect-cost-model=cheap
endif
LDLIBS  := -lstb -lz -lm
ASAN    := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# Derleme ve testler için gereken Debian paketleri
PKGS := gcc make pkg-config check gnuplot-nox libstb-dev zlib1g-dev npm dataset-fashion-mnist
BENCH_PKGS := python3-torch python3-numpy libopenblas-dev

DATA  := data/mnist
MNIST_OK := $(DATA)/.dogrulandi

# common/ katmanlara ayrılmıştır (bkz. common/README.md): core/ nn/ model/ data/ lesson/
COMMON_SRC := $(wildcard common/*/*.c)
COMMON_HDR := $(wildcard common/*.h common/*/*.h)
COMMON_OBJ := $(COMMON_SRC:common/%.c=build/common/%.o)
ASAN_OBJ   := $(COMMON_SRC:common/%.c=build/asan/common/%.o)
# Başlık bağımlılıkları derleyiciden (-MMD -MP): bir başlık değişince yalnızca onu
# içeren nesneler yeniden derlenir.
DEPFLAGS   := -MMD -MP

LESSON_SRC := $(wildcard lessons/lesson[0-9][0-9]*.c)
LESSONS    := $(sort $(foreach f,$(LESSON_SRC),$(firstword $(subst _, ,$(basename $(notdir $(f)))))))

TEST_SRC   := $(wildcard tests/test_*.c)
TESTS      := $(TEST_SRC:tests/%.c=build/tests/%)
# ASan turunda derslerin uzun eğitim koşuları (test_lesson*) atlanır.
ASAN_TESTS := $(patsubst tests/%.c,build/asan/tests/%,$(filter-out tests/test_lesson%,$(TEST_SRC)))

.PHONY: all deps data check check-avx2 check-layers check-unit check-asan check-full bench plots clean help
.DEFAULT_GOAL := all

all: $(LESSONS)

help:
	@sed -n '3,11p' Makefile | sed 's/^# //'

deps:
	@sh common/setup/deps.sh $(PKGS)

data: $(MNIST_OK)

$(MNIST_OK): common/setup/fetch_mnist.sh | deps
	@sh common/setup/fetch_mnist.sh $(DATA) && touch $@

build/common/%.o: common/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

build/libdoaa.a: $(COMMON_OBJ)
	@rm -f $@
	ar rcs $@ $^

build/asan/common/%.o: common/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ASAN) $(DEPFLAGS) -c -o $@ $<

build/asan/libdoaa.a: $(ASAN_OBJ)
	@rm -f $@
	ar rcs $@ $^

# AVX2 derlemesi yalnızca çekirdekleri (core/, nn/) yeniden derler; data/, model/, lesson/
# nesneleri normal derlemeden alınır (vektör çekirdeği yok, make check'i uzatmasın).
AVX2_FLAGS := -mno-avx512f -Wno-psabi
AVX2_SRC   := $(filter common/core/% common/nn/%,$(COMMON_SRC))
AVX2_OBJ   := $(AVX2_SRC:common/%.c=build/avx2/common/%.o)
AVX2_REST  := $(filter-out build/common/core/% build/common/nn/%,$(COMMON_OBJ))
AVX2_TESTS := $(addprefix build/avx2/tests/,test_gemm test_conv test_nn test_parity test_accumulate \
                                            test_attention test_embed)

build/avx2/common/%.o: common/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(AVX2_FLAGS) $(DEPFLAGS) -c -o $@ $<

build/avx2/libdoaa.a: $(AVX2_OBJ) $(AVX2_REST)
	@rm -f $@
	ar rcs $@ $^

build/avx2/tests/%: tests/%.c tests/testutil.h build/avx2/libdoaa.a $(COMMON_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(AVX2_FLAGS) -Itests -o $@ $< build/avx2/libdoaa.a -lcheck -lsubunit -lrt -pthread $(LDLIBS)

# Her ders: lessons/lessonNN*.c + ortak kütüphane -> ./lessonNN
define LESSON_RULE
$(1): $$(wildcard lessons/$(1)*.c) build/libdoaa.a $$(COMMON_HDR) | deps $$(MNIST_OK)
	$$(CC) $$(CFLAGS) -o $$@ $$(filter %.c,$$^) build/libdoaa.a $$(LDLIBS)
build/asan/$(1): $$(wildcard lessons/$(1)*.c) build/asan/libdoaa.a $$(COMMON_HDR) | deps
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(ASAN) -o $$@ $$(filter %.c,$$^) build/asan/libdoaa.a $$(LDLIBS)
quiz$(patsubst lesson%,%,$(1)): $(1)
	./$(1) --quiz
endef
$(foreach l,$(LESSONS),$(eval $(call LESSON_RULE,$(l))))

build/tests/%: tests/%.c tests/testutil.h build/libdoaa.a $(COMMON_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests -o $@ $< build/libdoaa.a -lcheck -lsubunit -lrt -pthread $(LDLIBS)

build/asan/tests/%: tests/%.c tests/testutil.h build/asan/libdoaa.a $(COMMON_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ASAN) -Itests -o $@ $< build/asan/libdoaa.a -lcheck -lsubunit -lrt -pthread $(LDLIBS)

# Testler: normal derleme (birim + derslerin --quick koşuları), AVX2 derlemesi ve
# aynı birim testleri ve kötü girdi testleri AddressSanitizer/UBSan ile; hepsi önce
# derlenir, sonra tests/lanes.sh iki şeritte (dersleri koşanlar / birim testleri) koşar.
check: $(LESSONS) $(TESTS) $(AVX2_TESTS) $(ASAN_TESTS) $(addprefix build/asan/,$(LESSONS)) $(MNIST_OK)
	@sh tests/layers.sh
	@sh tests/lanes.sh "$(TESTS)" "$(AVX2_TESTS)" "$(ASAN_TESTS)"

check-layers:
	@sh tests/layers.sh

# İkinci vektör genişliği: makine AVX-512'li olsa da çekirdekler (core/simd.h) -mno-avx512f
# ile 8 şeritlik AVX2 yoluyla ayrı bir dizinde derlenir ve çekirdek testleri (referansa
# karşı, iş parçacığı sayısından bağımsızlık, eşlik fikstürleri) orada da koşar: iki yol
# da çürümez. AVX-512'siz makinede bu derleme normal derlemeyle aynıdır.
check-avx2: $(AVX2_TESTS)
	@sh tests/run.sh avx2 build/avx2 $(AVX2_TESTS)

check-asan: $(ASAN_TESTS) $(addprefix build/asan/,$(LESSONS)) $(MNIST_OK)
	@DOAA_BIN=build/asan ASAN_OPTIONS=detect_leaks=1 sh tests/run.sh asan build/asan $(ASAN_TESTS)

check-full: $(LESSONS) $(MNIST_OK)
	@sh tests/check_full.sh $(LESSONS)

bench: $(LESSONS) $(MNIST_OK) build/bench build/bench_gan2d build/bench_ddpm2d
	@sh common/setup/deps.sh $(BENCH_PKGS) || true
	@sh tests/bench.sh

build/bench: tests/bench.c lessons/lesson12_transformer.c build/libdoaa.a $(COMMON_HDR) | deps
	@sh common/setup/deps.sh $(BENCH_PKGS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests -o $@ $< build/libdoaa.a $(LDLIBS) -lopenblas

# Üretken derslerin eğitim adımı (make bench): dersin kaynağını içerir, ders değişince yeniden derlenir.
build/bench_gan2d: tests/bench_gan2d.c lessons/lesson14_gan.c build/libdoaa.a $(COMMON_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< build/libdoaa.a $(LDLIBS)

build/bench_ddpm2d: tests/bench_ddpm2d.c lessons/lesson15_difuzyon.c build/libdoaa.a $(COMMON_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< build/libdoaa.a $(LDLIBS)

plots:
	@for gp in plots/*/*.gp; do \
	  [ -f "$$gp" ] || continue; \
	  (cd "$$(dirname "$$gp")" && gnuplot "$$(basename "$$gp")") || exit 1; \
	  echo "çizildi: $${gp%.gp}.png"; \
	done

clean:
	rm -rf build $(LESSONS) tests/out

-include $(COMMON_OBJ:.o=.d) $(ASAN_OBJ:.o=.d) $(AVX2_OBJ:.o=.d)

# Derslerin ek kuralları (ör. veri hazırlama) ve ders kitabı kuralları
-include $(wildcard lessons/*.mk) $(wildcard textbook/*.mk) textbook/web/web.mk

# Eşlik (parity) fikstürlerini PyTorch (Debian'ın python3-torch'u, float64) ile yeniden
# üretir: tests/parity/fixtures/*.bin. `make check` PyTorch istemez: fikstürler depoya
# işlidir ve tests/test_parity.c onları okur. Biçim: tests/parity/README.md.
PARITY_PY ?= /usr/bin/python3
.PHONY: parity
parity:
	@sh common/setup/deps.sh python3-torch
	$(PARITY_PY) tests/parity/gen.py tests/parity/fixtures

# Bulanık sınama (fuzzing; `make check`in parçası değil): her okuyucu için bir libFuzzer
# hedefi (tests/fuzz/fuzz_*.c), Debian'ın clang-14'üyle ASan/UBSan ve kapsama ölçümüyle; stb de
# kaynağından derlenir (tests/fuzz/stb_impl.c). Her hedef FUZZ_SECONDS saniye koşar:
#   make fuzz                  (varsayılan 600 s/hedef)   make fuzz FUZZ_SECONDS=120
FUZZ_SECONDS ?= 600
FUZZ_CC      ?= clang-14
FUZZ_CFLAGS  := -g -O1 -std=c11 -D_GNU_SOURCE -Icommon -I/usr/include/stb -fno-omit-frame-pointer \
                -fsanitize=address,undefined -fno-sanitize-recover=undefined -Wno-unknown-pragmas -Wno-psabi
FUZZ_OBJ     := $(COMMON_SRC:common/%.c=build/fuzz/common/%.o) build/fuzz/stb_impl.o
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

build/fuzz/common/%.o: common/%.c | deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(DEPFLAGS) -c -o $@ $<
build/fuzz/stb_impl.o: tests/fuzz/stb_impl.c | deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -w -c -o $@ $<
build/fuzz/libdoaa.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h build/fuzz/libdoaa.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< build/fuzz/libdoaa.a -lz -lm
build/fuzz/seeds: tests/fuzz/seeds.c build/libdoaa.a $(COMMON_HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< build/libdoaa.a $(LDLIBS)

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_TARGETS) build/fuzz/seeds
fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

-include $(FUZZ_OBJ:.o=.d)
