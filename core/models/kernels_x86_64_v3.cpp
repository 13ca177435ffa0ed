// The model kernels for x86-64-v3 (AVX2): 8-float vectors, 4×16 tiles in 8 of the 16 ymm registers.
// The -march flag of this file is set in core/CMakeLists.txt.
#define LRLAB_KERNEL_NAMESPACE x86_64_v3
#define LRLAB_KERNEL_VECTOR_BYTES 32
#define LRLAB_KERNEL_ROWS 4
#include "core/models/kernels_impl.h"
