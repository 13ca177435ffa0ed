// The model kernels for x86-64-v4 (AVX-512): 16-float vectors, 8×32 tiles in 16 of the 32 zmm
// registers. The -march flag of this file is set in core/CMakeLists.txt.
#define LRLAB_KERNEL_NAMESPACE x86_64_v4
#define LRLAB_KERNEL_VECTOR_BYTES 64
#define LRLAB_KERNEL_ROWS 8
#include "core/models/kernels_impl.h"
