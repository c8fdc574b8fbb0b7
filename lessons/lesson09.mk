# lesson09.mk — test_lesson09 bağlama (link) düzeltmesi.
# Makefile testleri "... -lm -lcheck" sırasıyla bağlar; libcheck.a floor()'u kullanır
# ama -lm ondan önce geldiği ve test kendisi libm çağırmadığı için (--as-needed)
# floor bulunamaz. Check'ten sonra bir -lm daha eklemek bunu çözer. Makefile'daki
# test kuralı "-lcheck ... -lm" sırasına geçerse bu dosya silinebilir.
build/tests/test_lesson09 build/asan/tests/test_lesson09: LDLIBS += -lcheck -lm
