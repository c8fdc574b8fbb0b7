/* stb_impl.c — bulanık sınamada stb kütüphanelerinin gerçekleştirimi bu çeviri biriminde
 * derlenir (Debian'ın -lstb'si yerine): aynı 2.27 kaynağı, ama AddressSanitizer/UBSan ve
 * kapsama (coverage) ölçümüyle. Böylece stb'nin içindeki hatalar da görülür. */
#define STB_IMAGE_IMPLEMENTATION
#include "stb_image.h"
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include "stb_image_resize.h"
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include "stb_image_write.h"
