#pragma once

#include <cstddef>

// The model's hot loops (GEMMs, activations, exp, bias sums) as fixed-order kernels built for
// several x86-64 levels and chosen at run time. Every kernel computes each output element with
// the same sequence of IEEE operations whatever the target, vector width or cache size (no FMA,
// no horizontal sums, no depth blocking), so all targets give bit-identical results and a
// portable binary reproduces a -march=native one exactly.

namespace lrlab::kernels {

/// The instruction-set levels the kernels are compiled for (x86-64 psABI micro-architecture
/// levels). Baseline is plain x86-64 (SSE2); on other architectures only Baseline exists.
enum class Target { Baseline, X86_64_V3, X86_64_V4 };

/// Read-only matrix operand: element (row, col) is data[row·rowStride + col·colStride].
template <typename Scalar> struct MatrixView
{
    const Scalar* data = nullptr;
    std::ptrdiff_t rowStride = 0;
    std::ptrdiff_t colStride = 0;
};

/// The kernels of one target for one scalar type. n counts elements.
template <typename Scalar> struct KernelTable
{
    /// c (rows×cols, row-major, row stride ldc) += a (rows×depth) · b (depth×cols). For each
    /// element, starting from its value in c, the products a(i,p)·b(p,j) are rounded and added
    /// one at a time in the order p = 0..depth−1 (no FMA). workspace holds at least
    /// gemmWorkspaceSize(rows, cols, depth) elements (the packed operands).
    void (*gemmAccumulate)(int rows, int cols, int depth, MatrixView<Scalar> a,
                           MatrixView<Scalar> b, Scalar* c, std::ptrdiff_t ldc, Scalar* workspace);
    /// x = tanh(x) (float: fixedmath::tanhFloat, Eigen's approximation; double: libm tanh).
    void (*tanhInPlace)(Scalar* x, std::size_t n);
    /// x = max(x, 0).
    void (*reluInPlace)(Scalar* x, std::size_t n);
    /// x = exp(x) (float: fixedmath::expFloat; double: libm exp).
    void (*expInPlace)(Scalar* x, std::size_t n);
    /// x = log(x) (float: fixedmath::logDouble rounded to float; double: libm log).
    void (*logInPlace)(Scalar* x, std::size_t n);
    /// delta = delta · (1 − a·a): the tanh derivative from the activation output a.
    void (*tanhBackward)(Scalar* delta, const Scalar* activation, std::size_t n);
    /// delta = a > 0 ? delta : 0: the ReLU derivative from the activation output a.
    void (*reluBackward)(Scalar* delta, const Scalar* activation, std::size_t n);
    /// sums[j] += m(0,j) + m(1,j) + … + m(rows−1,j), added in row order; m is rows×cols
    /// row-major.
    void (*columnSumsAccumulate)(const Scalar* m, int rows, int cols, Scalar* sums);
};

/// The kernels of one target for both scalar types (made by kernels_<target>.cpp).
struct KernelSet
{
    Target target = Target::Baseline;
    KernelTable<float> single;
    KernelTable<double> dual;
};

/// Elements of workspace gemmAccumulate needs for a rows×cols×depth product (any target).
std::size_t gemmWorkspaceSize(int rows, int cols, int depth);

/// "baseline", "x86-64-v3" or "x86-64-v4" (the names LRLAB_KERNEL_TARGET takes).
const char* targetName(Target target);
/// Whether this CPU (and OS) can run target's kernels.
bool cpuSupports(Target target);
/// The kernels of target; throws std::runtime_error naming the target when the CPU lacks it.
const KernelSet& kernelSet(Target target);

/// The kernels in use: chosen on the first call, the best target the CPU supports unless the
/// environment variable LRLAB_KERNEL_TARGET names one (baseline, x86-64-v3, x86-64-v4). Throws
/// std::runtime_error for an unknown name or a target this CPU lacks (and again on every call
/// until the variable is fixed).
const KernelSet& activeKernels();
/// Makes target's kernels the active ones for the whole process (tests compare targets with
/// it); throws like kernelSet(). Not synchronized with models running in other threads.
void setActiveTarget(Target target);

template <typename Scalar> const KernelTable<Scalar>& activeTable();
template <> inline const KernelTable<float>& activeTable<float>()
{
    return activeKernels().single;
}
template <> inline const KernelTable<double>& activeTable<double>()
{
    return activeKernels().dual;
}

} // namespace lrlab::kernels
