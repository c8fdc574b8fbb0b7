# textbook.mk — ders kitabı kuralları (üst Makefile bu dosyayı içerir).
#
#   make textbook          Markdown bölümlerini (textbook/*.md) kayıtlı koşulardan yeniden
#                          dokur ve HTML baskısını (textbook/html/) pandoc ile üretir.
#                          Hiçbir şey eğitmez; temiz bir klonda bölümleri bayt bayt aynı üretir.
#   make textbook-md       yalnızca Markdown bölümleri (pandoc gerekmez)
#   make textbook-runs     dersleri derleyip gerçekten koşar, kayıtlarını textbook/runs/
#                          altına yazar (uzun sürer). Seçenekler:
#                            DERSLER="lesson02 lesson07"   yalnızca bu dersler
#                            KOSU_BAYRAK=--quick           kısa koşu (bölümde böyle yazılır)
#                          Bir dersin tam koşusu için özel bayraklar textbook/bayraklar.txt'te
#                          ("lessonNN --epochs 5" satırları); KOSU_BAYRAK verilirse o geçerlidir.
#   make textbook-check    HTML'i denetler (textbook/denetim.sh: <math> formüller, kod
#                          bloklarındaki her ./lessonNN komutu --help ile ayrıştırılır) ve
#                          başsız Chromium'da açıp ekran görüntüsü alır
#                          (build/textbook/ekran-*.png; BOLUM=02-mlp ile başka bir bölüm,
#                          YUKSEKLIK=9000 ile daha uzun sayfa); make check'in parçası değil.
#   make textbook-sozluk   sözlük kurallarını denetler (ihlalleri listeler)

TB_WEAVE   := build/textbook/weave
TB_CFLAGS  := -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra
DERSLER    ?= $(LESSONS)
KOSU_BAYRAK ?=

.PHONY: textbook textbook-md textbook-html textbook-runs textbook-check textbook-sozluk

# Dokuyucu modülleri (bkz. textbook/weave/weave.h); main.c dışındakiler testle de bağlanır.
TB_SRC     := $(wildcard textbook/weave/*.c)
TB_LIB_SRC := $(filter-out textbook/weave/main.c,$(TB_SRC))
TB_HDR     := textbook/weave/weave.h

$(TB_WEAVE): $(TB_SRC) $(TB_HDR)
	@mkdir -p $(@D)
	$(CC) $(TB_CFLAGS) -o $@ $(TB_SRC)

# Test programı dokuyucunun modüllerini (main.c hariç) kendisiyle birlikte derler.
build/tests/test_textbook: tests/test_textbook.c tests/testutil.h $(TB_LIB_SRC) $(TB_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests -o $@ $< $(TB_LIB_SRC) -lcheck -lsubunit -lrt -pthread $(LDLIBS)

build/asan/tests/test_textbook: tests/test_textbook.c tests/testutil.h $(TB_LIB_SRC) $(TB_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ASAN) -Itests -o $@ $< $(TB_LIB_SRC) -lcheck -lsubunit -lrt -pthread $(LDLIBS)

textbook-md: $(TB_WEAVE)
	@$(TB_WEAVE) --kok . --cikti textbook

textbook: textbook-md
	@sh common/setup/deps.sh pandoc
	@sh textbook/html.sh

textbook-html: $(TB_WEAVE)
	@sh textbook/html.sh

textbook-sozluk: $(TB_WEAVE)
	@$(TB_WEAVE) --kok . --sozluk-denetimi

textbook-runs: $(DERSLER) | $(MNIST_OK)
	@sh common/setup/deps.sh gnuplot-nox
	@for d in $(DERSLER); do \
	  b=$$(awk -v d=$$d '$$1 == d { $$1 = ""; sub(/^ /, ""); print }' textbook/bayraklar.txt 2>/dev/null); \
	  sh textbook/kayit.sh $$d $(if $(KOSU_BAYRAK),$(KOSU_BAYRAK),$$b) || exit 1; \
	done
	@$(MAKE) --no-print-directory textbook-md

textbook-check: textbook $(LESSONS)
	@sh common/setup/deps.sh chromium fonts-dejavu-core
	@sh textbook/denetim.sh
	@sh textbook/ekran.sh
