#pragma once

// LRLAB_TARGET_CLONES marks an element loop (an optimizer's update, the landscape's per-row
// loops) to be compiled also for x86-64-v3 and x86-64-v4 (GCC function multi-versioning: the
// loader picks the clone for the CPU), so it runs on wide vectors in the portable build. There
// std::fma is one instruction instead of a call into libm, which the portable (baseline) build
// would otherwise make for every element. fma, sqrt and the basic operations are correctly
// rounded, so every clone computes the same numbers. flatten inlines the element update into each
// clone; the inline functions' own out-of-line copies stay baseline code.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define LRLAB_TARGET_CLONES                                                                        \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"), flatten))
#else
#define LRLAB_TARGET_CLONES __attribute__((flatten))
#endif
