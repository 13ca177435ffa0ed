// The model kernels for plain x86-64 (SSE2): 4-float vectors, 4×8 register tiles of 8 of the 16 xmm
// registers. The -march flag of this file is set in core/CMakeLists.txt.
#define LRLAB_KERNEL_NAMESPACE baseline
#define LRLAB_KERNEL_VECTOR_BYTES 16
#define LRLAB_KERNEL_ROWS 4
#include "core/models/kernels_impl.h"
