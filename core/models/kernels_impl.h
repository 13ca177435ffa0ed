// The fixed-order kernels, compiled once per target: kernels_baseline.cpp, kernels_x86_64_v3.cpp
// and kernels_x86_64_v4.cpp each define
//   LRLAB_KERNEL_NAMESPACE       the target's namespace inside lrlab::kernels,
//   LRLAB_KERNEL_VECTOR_BYTES    the vector register width (16, 32, 64),
//   LRLAB_KERNEL_ROWS            rows of the GEMM micro-kernel (register blocking),
// include this file, and are compiled with that target's -march. Everything here has internal
// linkage (an unnamed namespace) and uses no inline function of the standard library or Eigen,
// so no AVX code can be picked by the linker for another target's use (ODR).
//
// The GEMM is a BLIS-style micro-kernel (Van Zee & van de Geijn, "BLIS: A Framework for Rapidly
// Instantiating BLAS Functionality", ACM TOMS 2015): B is packed into one- or two-vector-wide
// column slivers (zero-padded; a full sliver of a B whose rows are contiguous is read in place,
// which saves the copy that dominates the small GEMMs of a training step), A is read in place a
// LRLAB_KERNEL_ROWS-row panel at a time (the layers are too narrow for packing A to pay off), and a
// register tile of accumulators runs over the whole depth. Unlike BLIS (and Eigen) the depth is
// never split and each accumulator adds its products in depth order with a separate multiply and
// add, vectorized only across independent output columns; so every output element is the same
// sum on every target.

#include "core/models/fixed_math.h"
#include "core/models/kernels.h"

#include <cmath>

namespace lrlab::kernels::LRLAB_KERNEL_NAMESPACE {
namespace {

template <typename Scalar> struct Vector;
template <> struct Vector<float>
{
    typedef float type __attribute__((vector_size(LRLAB_KERNEL_VECTOR_BYTES)));
};
template <> struct Vector<double>
{
    typedef double type __attribute__((vector_size(LRLAB_KERNEL_VECTOR_BYTES)));
};

constexpr int kRows = LRLAB_KERNEL_ROWS;

/// One register tile: c (Rows × Columns·width, row stride ldc) += A · B over depth, where row r
/// of A is aRows[r][p·aColStride] and row p of B (Columns·width elements) starts at
/// b + p·bRowStride: a packed sliver, or B itself when its rows are contiguous.
template <typename Scalar, int Rows, int Columns>
inline void microKernel(int depth, const Scalar* const* aRows, std::ptrdiff_t aColStride,
                        const Scalar* b, std::ptrdiff_t bRowStride, Scalar* c, std::ptrdiff_t ldc)
{
    using V = typename Vector<Scalar>::type;
    constexpr int width = sizeof(V) / sizeof(Scalar);
    V acc[Rows][Columns];
#pragma GCC unroll 16
    for (int r = 0; r < Rows; ++r)
#pragma GCC unroll 4
        for (int v = 0; v < Columns; ++v)
            __builtin_memcpy(&acc[r][v], c + r * ldc + v * width, sizeof(V));
    const Scalar* rows[Rows];
#pragma GCC unroll 16
    for (int r = 0; r < Rows; ++r)
        rows[r] = aRows[r];
    for (int p = 0; p < depth; ++p) {
        V bp[Columns];
#pragma GCC unroll 4
        for (int v = 0; v < Columns; ++v)
            __builtin_memcpy(&bp[v], b + p * bRowStride + v * width, sizeof(V));
        const std::ptrdiff_t offset = p * aColStride;
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) {
            const Scalar ar = rows[r][offset];
#pragma GCC unroll 4
            for (int v = 0; v < Columns; ++v)
                acc[r][v] = acc[r][v] + ar * bp[v]; // -ffp-contract=off: never an FMA
        }
    }
#pragma GCC unroll 16
    for (int r = 0; r < Rows; ++r)
#pragma GCC unroll 4
        for (int v = 0; v < Columns; ++v)
            __builtin_memcpy(c + r * ldc + v * width, &acc[r][v], sizeof(V));
}

/// microKernel for the first rowCount (1..kRows) rows of a tile: the full tile, or a tile of
/// exactly the rows left at the bottom edge (no padding rows computed and thrown away).
template <typename Scalar, int Columns, int Rows = kRows>
inline void tileKernel(int rowCount, int depth, const Scalar* const* aRows,
                       std::ptrdiff_t aColStride, const Scalar* b, std::ptrdiff_t bRowStride,
                       Scalar* c, std::ptrdiff_t ldc)
{
    if constexpr (Rows > 1) {
        if (rowCount < Rows) {
            tileKernel<Scalar, Columns, Rows - 1>(rowCount, depth, aRows, aColStride, b, bRowStride,
                                                  c, ldc);
            return;
        }
    }
    microKernel<Scalar, Rows, Columns>(depth, aRows, aColStride, b, bRowStride, c, ldc);
}

typedef float Float8 __attribute__((vector_size(32)));
typedef int Index8 __attribute__((vector_size(32)));

/// out[k·outStride + j] = in[j·inStride + k] for j, k < 8: an 8×8 block transposed in registers
/// (three rounds of shuffles). Copies only; the values are not touched.
inline void transpose8x8(const float* in, std::ptrdiff_t inStride, float* out,
                         std::ptrdiff_t outStride)
{
    Float8 r[8];
    for (int j = 0; j < 8; ++j)
        __builtin_memcpy(&r[j], in + j * inStride, sizeof(Float8));
    const Index8 low = {0, 8, 1, 9, 4, 12, 5, 13}, high = {2, 10, 3, 11, 6, 14, 7, 15};
    const Index8 pairsLow = {0, 1, 8, 9, 4, 5, 12, 13}, pairsHigh = {2, 3, 10, 11, 6, 7, 14, 15};
    const Index8 halvesLow = {0, 1, 2, 3, 8, 9, 10, 11}, halvesHigh = {4, 5, 6, 7, 12, 13, 14, 15};
    Float8 t[8], u[8];
    for (int k = 0; k < 8; k += 2) {
        t[k] = __builtin_shuffle(r[k], r[k + 1], low);
        t[k + 1] = __builtin_shuffle(r[k], r[k + 1], high);
    }
    for (int k = 0; k < 8; k += 4) {
        u[k] = __builtin_shuffle(t[k], t[k + 2], pairsLow);
        u[k + 1] = __builtin_shuffle(t[k], t[k + 2], pairsHigh);
        u[k + 2] = __builtin_shuffle(t[k + 1], t[k + 3], pairsLow);
        u[k + 3] = __builtin_shuffle(t[k + 1], t[k + 3], pairsHigh);
    }
    // u[0..3] hold columns 0..3 (and 4..7 in their high halves) of rows 0..3; u[4..7] of rows 4..7.
    for (int k = 0; k < 4; ++k) {
        const Float8 first = __builtin_shuffle(u[k], u[k + 4], halvesLow);
        const Float8 second = __builtin_shuffle(u[k], u[k + 4], halvesHigh);
        __builtin_memcpy(out + k * outStride, &first, sizeof(Float8));
        __builtin_memcpy(out + (k + 4) * outStride, &second, sizeof(Float8));
    }
}

/// Packs columns first..first+count−1 of a B stored transposed (rowStride 1: its columns are
/// contiguous) into out (depth × sliver); 8×8 blocks through transpose8x8 for float. Returns
/// the columns done, a multiple of 8 (the caller copies the rest).
template <typename Scalar>
int packTransposedBlocks(const MatrixView<Scalar>&, int, int, int, Scalar*, int)
{
    return 0;
}
template <>
int packTransposedBlocks<float>(const MatrixView<float>& b, int first, int count, int depth,
                                float* out, int sliver)
{
    if (b.rowStride != 1 || depth < 8)
        return 0;
    int j0 = 0;
    for (; j0 + 8 <= count; j0 += 8) {
        const float* columns = b.data + (first + j0) * b.colStride;
        int p0 = 0;
        for (; p0 + 8 <= depth; p0 += 8)
            transpose8x8(columns + p0, b.colStride, out + p0 * sliver + j0, sliver);
        for (int j = 0; j < 8; ++j)
            for (int p = p0; p < depth; ++p)
                out[p * sliver + j0 + j] = columns[j * b.colStride + p];
    }
    return j0;
}

/// The GEMM with column slivers of Columns vectors (see KernelTable::gemmAccumulate). A is read
/// in place (each element once per column sliver); B is packed into zero-padded slivers, read
/// once per row panel.
template <typename Scalar, int Columns>
void gemmPanels(int rows, int cols, int depth, MatrixView<Scalar> a, MatrixView<Scalar> b,
                Scalar* c, std::ptrdiff_t ldc, Scalar* workspace)
{
    constexpr int width = sizeof(typename Vector<Scalar>::type) / sizeof(Scalar);
    constexpr int sliver = Columns * width;
    const int colPanels = (cols + sliver - 1) / sliver;
    const std::ptrdiff_t bPanelSize = static_cast<std::ptrdiff_t>(depth) * sliver;
    Scalar* packedB = workspace;
    // A full sliver of a B with contiguous rows is read in place (its rows are bRowStride apart);
    // the others are packed.
    const auto inPlace = [&](int panel) {
        return b.colStride == 1 && (panel + 1) * sliver <= cols;
    };
    for (int panel = 0; panel < colPanels; ++panel) {
        Scalar* out = packedB + panel * bPanelSize;
        const int first = panel * sliver;
        const int count = cols - first < sliver ? cols - first : sliver;
        if (inPlace(panel))
            continue;
        if (b.colStride == 1) { // rows of B are contiguous: copy them
            for (int p = 0; p < depth; ++p) {
                const Scalar* row = b.data + p * b.rowStride + first;
                Scalar* dst = out + p * sliver;
                for (int j = 0; j < count; ++j)
                    dst[j] = row[j];
                for (int j = count; j < sliver; ++j)
                    dst[j] = Scalar(0);
            }
            continue;
        }
        // A transposed B (the forward pass's Wᵀ): read its columns contiguously, write strided.
        for (int j = packTransposedBlocks(b, first, count, depth, out, sliver); j < count; ++j) {
            const Scalar* column = b.data + (first + j) * b.colStride;
            for (int p = 0; p < depth; ++p)
                out[p * sliver + j] = column[p * b.rowStride];
        }
        for (int p = 0; p < depth; ++p)
            for (int j = count; j < sliver; ++j)
                out[p * sliver + j] = Scalar(0);
    }
    // Column slivers outside, row panels inside: one B sliver stays in cache while A streams.
    alignas(64) Scalar edge[kRows * sliver];
    const Scalar* aRows[kRows];
    for (int colPanel = 0; colPanel < colPanels; ++colPanel) {
        const int j0 = colPanel * sliver;
        const int colCount = cols - j0 < sliver ? cols - j0 : sliver;
        const bool direct = inPlace(colPanel);
        const Scalar* bPanel = direct ? b.data + j0 : packedB + colPanel * bPanelSize;
        const std::ptrdiff_t bRowStride = direct ? b.rowStride : sliver;
        for (int i0 = 0; i0 < rows; i0 += kRows) {
            const int rowCount = rows - i0 < kRows ? rows - i0 : kRows;
            for (int r = 0; r < rowCount; ++r)
                aRows[r] = a.data + (i0 + r) * a.rowStride;
            Scalar* tile = c + i0 * ldc + j0;
            if (colCount == sliver) {
                tileKernel<Scalar, Columns>(rowCount, depth, aRows, a.colStride, bPanel, bRowStride,
                                            tile, ldc);
                continue;
            }
            // A tile at the right edge runs in a local copy; the padding columns are discarded.
            for (int r = 0; r < rowCount; ++r)
                for (int j = 0; j < sliver; ++j)
                    edge[r * sliver + j] = j < colCount ? tile[r * ldc + j] : Scalar(0);
            tileKernel<Scalar, Columns>(rowCount, depth, aRows, a.colStride, bPanel, bRowStride,
                                        edge, sliver);
            for (int r = 0; r < rowCount; ++r)
                for (int j = 0; j < colCount; ++j)
                    tile[r * ldc + j] = edge[r * sliver + j];
        }
    }
}

template <typename Scalar>
void gemmAccumulate(int rows, int cols, int depth, MatrixView<Scalar> a, MatrixView<Scalar> b,
                    Scalar* c, std::ptrdiff_t ldc, Scalar* workspace)
{
    if (rows <= 0 || cols <= 0)
        return;
    constexpr int width = sizeof(typename Vector<Scalar>::type) / sizeof(Scalar);
    // Two vectors of columns keep more accumulators busy; narrow layers (the 10 classes) use
    // one so that less of the tile is padding.
    if (cols <= width)
        gemmPanels<Scalar, 1>(rows, cols, depth, a, b, c, ldc, workspace);
    else
        gemmPanels<Scalar, 2>(rows, cols, depth, a, b, c, ldc, workspace);
}

// exp and tanh of float, vectorized over doubles: the operations of fixedmath::expFloat and
// fixedmath::tanhFloat one for one, so each element gets the same bits as the scalar functions
// (which also handle the tail). GCC does not vectorize the scalar loops itself (the selects).
typedef double DoubleVector __attribute__((vector_size(LRLAB_KERNEL_VECTOR_BYTES)));
typedef unsigned long long BitsVector __attribute__((vector_size(LRLAB_KERNEL_VECTOR_BYTES)));
constexpr int kDoubles = LRLAB_KERNEL_VECTOR_BYTES / 8;

inline DoubleVector splat(double value)
{
    return DoubleVector{} + value;
}

inline DoubleVector loadFloats(const float* x)
{
    DoubleVector d;
    for (int k = 0; k < kDoubles; ++k)
        d[k] = x[k];
    return d;
}

inline void storeFloats(float* x, DoubleVector d)
{
    for (int k = 0; k < kDoubles; ++k)
        x[k] = static_cast<float>(d[k]);
}

/// fixedmath::powerOfTwo per element.
inline DoubleVector powerOfTwo(DoubleVector shifted)
{
    return reinterpret_cast<DoubleVector>((reinterpret_cast<BitsVector>(shifted) + 1023ULL) << 52);
}

/// fixedmath::expm1Tail per element.
inline DoubleVector expm1Tail(DoubleVector r)
{
    DoubleVector p = splat(1.0 / 479001600.0);
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    return p * r * r;
}

typedef float FloatVector __attribute__((vector_size(LRLAB_KERNEL_VECTOR_BYTES)));
constexpr int kFloats = LRLAB_KERNEL_VECTOR_BYTES / 4;

void tanhFloat(float* x, std::size_t n)
{
    std::size_t i = 0;
    for (; i + kFloats <= n; i += kFloats) {
        FloatVector v;
        __builtin_memcpy(&v, x + i, sizeof v);
        const FloatVector result = fixedmath::tanhApproximation(v);
        __builtin_memcpy(x + i, &result, sizeof result);
    }
    for (; i < n; ++i)
        x[i] = fixedmath::tanhFloat(x[i]);
}

/// x = log(x) for float x (fixedmath::logDouble, rounded to float). A vector holding a lane that
/// is not a positive finite number goes through the scalar function, which handles those.
void logFloat(float* x, std::size_t n)
{
    using namespace fixedmath;
    std::size_t i = 0;
    for (; i + kDoubles <= n; i += kDoubles) {
        const DoubleVector d = loadFloats(x + i);
        bool ordinary = true;
        for (int k = 0; k < kDoubles; ++k)
            ordinary = ordinary && d[k] > 0.0 && d[k] <= 1.7976931348623157e308;
        if (!ordinary) {
            for (int k = 0; k < kDoubles; ++k)
                x[i + k] = static_cast<float>(logDouble(x[i + k]));
            continue;
        }
        const BitsVector bits = reinterpret_cast<BitsVector>(d);
        // The biased exponent as a double: its bits under 2^52's exponent, minus 2^52.
        const DoubleVector biased =
            reinterpret_cast<DoubleVector>(((bits >> 52) & 0x7ffULL) | 0x4330000000000000ULL) -
            4503599627370496.0;
        DoubleVector m =
            reinterpret_cast<DoubleVector>((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);
        DoubleVector exponent = biased - 1023.0;
        const auto large = m > 1.4142135623730951;
        m = large ? m * 0.5 : m;
        exponent = large ? exponent + 1.0 : exponent;
        const DoubleVector s = (m - 1.0) / (m + 1.0);
        const DoubleVector s2 = s * s;
        DoubleVector p = splat(1.0 / 23.0);
        p = p * s2 + 1.0 / 21.0;
        p = p * s2 + 1.0 / 19.0;
        p = p * s2 + 1.0 / 17.0;
        p = p * s2 + 1.0 / 15.0;
        p = p * s2 + 1.0 / 13.0;
        p = p * s2 + 1.0 / 11.0;
        p = p * s2 + 1.0 / 9.0;
        p = p * s2 + 1.0 / 7.0;
        p = p * s2 + 1.0 / 5.0;
        p = p * s2 + 1.0 / 3.0;
        const DoubleVector logM = 2.0 * s + 2.0 * s * s2 * p;
        storeFloats(x + i, exponent * kLn2 + logM);
    }
    for (; i < n; ++i)
        x[i] = static_cast<float>(logDouble(x[i]));
}

void logDoubles(double* x, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        x[i] = ::log(x[i]);
}

void tanhDouble(double* x, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        x[i] = ::tanh(x[i]);
}

void expFloat(float* x, std::size_t n)
{
    using namespace fixedmath;
    std::size_t i = 0;
    for (; i + kDoubles <= n; i += kDoubles) {
        DoubleVector d = loadFloats(x + i);
        d = d > 89.0 ? splat(89.0) : d;
        d = d < -104.0 ? splat(-104.0) : d;
        const DoubleVector shifted = d * kLog2e + kRoundShift;
        const DoubleVector k = shifted - kRoundShift;
        const DoubleVector r = (d - k * kLn2Hi) - k * kLn2Lo;
        const DoubleVector er = 1.0 + (r + expm1Tail(r));
        storeFloats(x + i, er * powerOfTwo(shifted));
    }
    for (; i < n; ++i)
        x[i] = fixedmath::expFloat(x[i]);
}

void expDouble(double* x, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        x[i] = ::exp(x[i]);
}

template <typename Scalar> void reluInPlace(Scalar* x, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        x[i] = x[i] > Scalar(0) ? x[i] : Scalar(0);
}

template <typename Scalar> void tanhBackward(Scalar* delta, const Scalar* activation, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        delta[i] = delta[i] * (Scalar(1) - activation[i] * activation[i]);
}

template <typename Scalar> void reluBackward(Scalar* delta, const Scalar* activation, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        delta[i] = activation[i] > Scalar(0) ? delta[i] : Scalar(0);
}

template <typename Scalar>
void columnSumsAccumulate(const Scalar* m, int rows, int cols, Scalar* sums)
{
    for (int i = 0; i < rows; ++i) {
        const Scalar* row = m + static_cast<std::ptrdiff_t>(i) * cols;
        for (int j = 0; j < cols; ++j)
            sums[j] = sums[j] + row[j];
    }
}

} // namespace

/// This target's kernels.
KernelSet makeKernelSet(Target target)
{
    KernelSet set;
    set.target = target;
    set.single.gemmAccumulate = &gemmAccumulate<float>;
    set.single.tanhInPlace = &tanhFloat;
    set.single.reluInPlace = &reluInPlace<float>;
    set.single.expInPlace = &expFloat;
    set.single.logInPlace = &logFloat;
    set.single.tanhBackward = &tanhBackward<float>;
    set.single.reluBackward = &reluBackward<float>;
    set.single.columnSumsAccumulate = &columnSumsAccumulate<float>;
    set.dual.gemmAccumulate = &gemmAccumulate<double>;
    set.dual.tanhInPlace = &tanhDouble;
    set.dual.reluInPlace = &reluInPlace<double>;
    set.dual.expInPlace = &expDouble;
    set.dual.logInPlace = &logDoubles;
    set.dual.tanhBackward = &tanhBackward<double>;
    set.dual.reluBackward = &reluBackward<double>;
    set.dual.columnSumsAccumulate = &columnSumsAccumulate<double>;
    return set;
}

} // namespace lrlab::kernels::LRLAB_KERNEL_NAMESPACE
