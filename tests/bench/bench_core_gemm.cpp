// The floor under a model run's time: the eight GEMMs of one training step of the explorer's
// digits MLP 64-32-10 (batch 32; forward, weight gradients, input gradients) through the model's
// fixed-order kernels, against this core's peak of separate multiplies and adds (no FMA, as the
// kernels, so that every CPU gives the same bits) measured in the same run by a register-only
// loop. Prints a table; figures as JSON lines (bench_figures.h). Uses only the kernels' API.
#include "core/models/kernels.h"
#include "tests/bench/bench_figures.h"
#include "tests/bench/bench_timing.h"

#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

namespace {

/// Multiply-adds per second of 12 independent accumulators of `Bytes`-wide float vectors, each
/// step a separate multiply and add (the kernels' arithmetic), over `iterations` steps.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define LRLAB_PEAK_LOOP(name, arch, bytes)                                                         \
    __attribute__((target("arch=" arch), noinline)) double name(long iterations)                   \
    {                                                                                              \
        typedef float V __attribute__((vector_size(bytes)));                                       \
        V acc[12];                                                                                 \
        V x[12];                                                                                   \
        V b = V{} + 1.0000001f;                                                                    \
        for (int i = 0; i < 12; ++i) {                                                             \
            acc[i] = V{} + static_cast<float>(i);                                                  \
            x[i] = V{} + (0.5f + static_cast<float>(i));                                           \
        }                                                                                          \
        const auto start = std::chrono::steady_clock::now();                                       \
        for (long it = 0; it < iterations; ++it) {                                                 \
            _Pragma("GCC unroll 12") for (int i = 0; i < 12; ++i) acc[i] = acc[i] + x[i] * b;      \
            asm volatile("" : "+v"(b));                                                            \
        }                                                                                          \
        const double seconds =                                                                     \
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();       \
        float sink = 0.0F;                                                                         \
        for (int i = 0; i < 12; ++i)                                                               \
            sink += acc[i][0];                                                                     \
        asm volatile("" : : "x"(sink));                                                            \
        return static_cast<double>(iterations) * 12.0 * (bytes / 4) / seconds;                     \
    }
LRLAB_PEAK_LOOP(peakV4, "x86-64-v4", 64)
LRLAB_PEAK_LOOP(peakV3, "x86-64-v3", 32)
#endif

double peakMultiplyAdds()
{
    using lrlab::kernels::Target;
    constexpr long kIterations = 20000000;
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
    const Target target = lrlab::kernels::activeKernels().target;
    if (target == Target::X86_64_V4)
        return peakV4(kIterations);
    if (target == Target::X86_64_V3)
        return peakV3(kIterations);
#endif
    return 0.0; // baseline: not measured
}

struct Shape
{
    const char* name;
    int rows, cols, depth;
    bool aTransposed, bTransposed; // read with swapped strides, as the model does
};

} // namespace

int main()
{
    using namespace lrlab::kernels;
    const KernelTable<float>& k = activeTable<float>();
    // Model::lossAndGradient's GEMMs for 64 → 64 → 32 → 10, batch 32 (bias and activations
    // aside): three forward products with Wᵀ, three weight gradients Dᵀ·A, two input gradients
    // D·W (none for the data).
    const Shape shapes[] = {
        {"forward 64->64: 32x64x64, B = W1^T", 32, 64, 64, false, true},
        {"forward 64->32: 32x32x64, B = W2^T", 32, 32, 64, false, true},
        {"forward 32->10: 32x10x32, B = W3^T", 32, 10, 32, false, true},
        {"dW3: 10x32x32, A = D^T", 10, 32, 32, true, false},
        {"dX3: 32x32x10, B = W3", 32, 32, 10, false, false},
        {"dW2: 32x64x32, A = D^T", 32, 64, 32, true, false},
        {"dX2: 32x64x32, B = W2", 32, 64, 32, false, false},
        {"dW1: 64x64x32, A = D^T", 64, 64, 32, true, false},
    };
    std::vector<float> a(64 * 64), b(64 * 64), c(64 * 64);
    std::vector<float> workspace(gemmWorkspaceSize(64, 64, 64));
    std::mt19937 generator(1);
    std::uniform_real_distribution<float> uniform(-1.0F, 1.0F);
    for (float& v : a)
        v = uniform(generator);
    for (float& v : b)
        v = uniform(generator);

    std::printf("Training-step GEMMs of the digits MLP 64-32-10, batch 32 (%s kernels)\n\n",
                targetName(activeKernels().target));
    std::printf("%-38s %10s %10s\n", "product (rows x cols x depth)", "us", "GMAC/s");
    constexpr int kCalls = 20000;
    double stepSeconds = 0.0;
    double stepMultiplyAdds = 0.0;
    for (const Shape& s : shapes) {
        const MatrixView<float> av = s.aTransposed ? MatrixView<float>{a.data(), 1, s.rows}
                                                   : MatrixView<float>{a.data(), s.depth, 1};
        const MatrixView<float> bv = s.bTransposed ? MatrixView<float>{b.data(), 1, s.depth}
                                                   : MatrixView<float>{b.data(), s.cols, 1};
        const double seconds = lrlab::bench::medianSeconds(
                                   5,
                                   [&] {
                                       for (int call = 0; call < kCalls; ++call)
                                           k.gemmAccumulate(s.rows, s.cols, s.depth, av, bv,
                                                            c.data(), s.cols, workspace.data());
                                   },
                                   1) /
                               kCalls;
        const double multiplyAdds = static_cast<double>(s.rows) * s.cols * s.depth;
        std::printf("%-38s %10.3f %10.1f\n", s.name, seconds * 1e6, multiplyAdds / seconds * 1e-9);
        stepSeconds += seconds;
        stepMultiplyAdds += multiplyAdds;
    }
    const double peak = peakMultiplyAdds();
    const double stepRate = stepMultiplyAdds / stepSeconds;
    std::printf("%-38s %10.3f %10.1f\n", "all eight (one step)", stepSeconds * 1e6,
                stepRate * 1e-9);
    std::printf("%-38s %10s %10.1f\n", "this core's multiply + add peak", "", peak * 1e-9);
    std::printf("\n3000 steps: GEMMs %.1f ms; at the peak %.1f ms\n", stepSeconds * 3000 * 1e3,
                peak > 0.0 ? stepMultiplyAdds * 3000 / peak * 1e3 : 0.0);

    using lrlab::bench::emitFigure;
    emitFigure("core_gemm.step_gemms_us", stepSeconds * 1e6, "us",
               "the eight GEMMs of one digits MLP 64-32-10 training step, batch 32");
    emitFigure("core_gemm.step_gemms_gmacs", stepRate * 1e-9, "GMAC/s",
               "their multiply-adds per second");
    if (peak > 0.0) {
        emitFigure("core_gemm.peak_gmacs", peak * 1e-9, "GMAC/s",
                   "this core's peak of separate float multiplies and adds (same run)");
        emitFigure("core_gemm.step_gemms_share_of_peak", stepRate / peak, "ratio",
                   "the step's GEMM rate / the core's peak");
        emitFigure("core_gemm.run3000_gemms_at_peak_ms", stepMultiplyAdds * 3000 / peak * 1e3, "ms",
                   "a 3000-step run's GEMMs at the core's peak (the floor of its compute)");
    }
    emitFigure("core_gemm.run3000_gemms_ms", stepSeconds * 3000 * 1e3, "ms",
               "a 3000-step run's GEMMs at the measured rate");
    return 0;
}
