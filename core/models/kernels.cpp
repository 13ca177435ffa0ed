#include "core/models/kernels.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

namespace lrlab::kernels {

namespace baseline {
KernelSet makeKernelSet(Target target);
}
namespace x86_64_v3 {
KernelSet makeKernelSet(Target target);
}
namespace x86_64_v4 {
KernelSet makeKernelSet(Target target);
}

namespace {

constexpr Target kAllTargets[] = {Target::Baseline, Target::X86_64_V3, Target::X86_64_V4};

/// The target LRLAB_KERNEL_TARGET names, or the best one this CPU supports when it is unset.
Target requestedTarget()
{
    const char* requested = std::getenv("LRLAB_KERNEL_TARGET");
    if (requested == nullptr || *requested == '\0') {
        for (const Target target : {Target::X86_64_V4, Target::X86_64_V3})
            if (cpuSupports(target))
                return target;
        return Target::Baseline;
    }
    for (const Target target : kAllTargets)
        if (std::strcmp(requested, targetName(target)) == 0)
            return target;
    throw std::runtime_error(std::string("LRLAB_KERNEL_TARGET=") + requested +
                             " is not a kernel target; use baseline, x86-64-v3 or x86-64-v4");
}

std::atomic<const KernelSet*> g_active{nullptr};

} // namespace

std::size_t gemmWorkspaceSize(int rows, int cols, int depth)
{
    // Rows padded to the largest micro-kernel height (8), columns to the widest column sliver
    // (two 64-byte vectors of float: 32).
    const std::size_t paddedRows = static_cast<std::size_t>(rows) + 8;
    const std::size_t paddedCols = static_cast<std::size_t>(cols) + 32;
    return (paddedRows + paddedCols) * static_cast<std::size_t>(depth > 0 ? depth : 0);
}

const char* targetName(Target target)
{
    switch (target) {
    case Target::Baseline:
        return "baseline";
    case Target::X86_64_V3:
        return "x86-64-v3";
    case Target::X86_64_V4:
        return "x86-64-v4";
    }
    return "unknown";
}

bool cpuSupports(Target target)
{
#if defined(__x86_64__) && defined(__GNUC__)
    // libgcc's checks include the OS's support for the AVX and AVX-512 register state (XCR0).
    __builtin_cpu_init();
    switch (target) {
    case Target::Baseline:
        return true;
    case Target::X86_64_V3:
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
               __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") &&
               __builtin_cpu_supports("avx");
    case Target::X86_64_V4:
        return cpuSupports(Target::X86_64_V3) && __builtin_cpu_supports("avx512f") &&
               __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512cd") &&
               __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
    }
    return false;
#else
    return target == Target::Baseline;
#endif
}

const KernelSet& kernelSet(Target target)
{
    if (!cpuSupports(target))
        throw std::runtime_error(
            std::string("this CPU cannot run the ") + targetName(target) +
            " kernels (LRLAB_KERNEL_TARGET); it supports up to " +
            targetName(cpuSupports(Target::X86_64_V3) ? Target::X86_64_V3 : Target::Baseline));
    // Each set is made on first use, after the check: the makers are compiled for their target,
    // so running the x86-64-v4 one on an older CPU would already be an illegal instruction.
    switch (target) {
    case Target::X86_64_V3: {
        static const KernelSet v3 = x86_64_v3::makeKernelSet(Target::X86_64_V3);
        return v3;
    }
    case Target::X86_64_V4: {
        static const KernelSet v4 = x86_64_v4::makeKernelSet(Target::X86_64_V4);
        return v4;
    }
    case Target::Baseline:
        break;
    }
    static const KernelSet base = baseline::makeKernelSet(Target::Baseline);
    return base;
}

const KernelSet& activeKernels()
{
    const KernelSet* active = g_active.load(std::memory_order_acquire);
    if (active == nullptr) {
        active = &kernelSet(requestedTarget());
        g_active.store(active, std::memory_order_release);
    }
    return *active;
}

void setActiveTarget(Target target)
{
    g_active.store(&kernelSet(target), std::memory_order_release);
}

} // namespace lrlab::kernels
