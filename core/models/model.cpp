#include "core/models/model.h"

#include "core/util/rng.h"
#include "core/util/rng_streams.h"

// GCC 12 reports -Wmaybe-uninitialized inside its own AVX-512 intrinsics headers when Eigen's
// kernels are inlined with -march=native (GCC PR 105593, fixed in GCC 13): not our code.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

namespace lrlab {

namespace {

/// Rows reserved when a Model is used without reserve(): enough for any minibatch while
/// keeping the workspace small for full-dataset evaluations (which then run in chunks).
constexpr int kDefaultChunk = 256;

// Row-major maps, so a batch X (n×in) times Wᵀ (W is PyTorch's out×in) is a plain GEMM and
// every buffer is the contiguous layout the caller and PyTorch use.
template <typename Scalar>
using RowMatrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename Scalar> using MatrixMap = Eigen::Map<RowMatrix<Scalar>>;
template <typename Scalar> using ConstMatrixMap = Eigen::Map<const RowMatrix<Scalar>>;
template <typename Scalar>
using RowVectorMap = Eigen::Map<Eigen::Matrix<Scalar, 1, Eigen::Dynamic>>;
template <typename Scalar>
using ConstRowVectorMap = Eigen::Map<const Eigen::Matrix<Scalar, 1, Eigen::Dynamic>>;
template <typename Scalar> using ColumnMap = Eigen::Map<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>>;

/// Workspaces start on a 64-byte boundary so Eigen's AVX-512 loops need no scalar prologue
/// (std::vector only guarantees 16 bytes). The vectors hold kAlignPad extra elements; the
/// aligned start is recomputed on each use, so copying a Model stays correct. Eigen's GEMM
/// packing also stores whole packets into the blocking buffers, which needs this alignment.
constexpr std::size_t kAlignBytes = 64;

template <typename Scalar> std::size_t paddedSize(std::size_t count)
{
    return count + kAlignBytes / sizeof(Scalar);
}

template <typename Scalar> Scalar* alignedData(std::vector<Scalar>& buffer)
{
    const auto address = reinterpret_cast<std::uintptr_t>(buffer.data());
    const std::uintptr_t aligned = (address + kAlignBytes - 1) & ~(kAlignBytes - 1);
    return reinterpret_cast<Scalar*>(aligned);
}

std::size_t product(int a, int b)
{
    return static_cast<std::size_t>(a) * static_cast<std::size_t>(b);
}

// Eigen's GEMM allocates its packing buffers (blocking space) on every product, on the stack
// below EIGEN_STACK_ALLOCATION_LIMIT (128 KB) and on the heap above it, which a 64-256-256-10
// MLP already exceeds. Eigen 3.4 lets a caller hand in the buffers through its level-3 blocking
// object, so the Model passes buffers sized in reserve() and no product allocates. This uses
// Eigen's internal (but stable within 3.4) GEMM entry point; other versions take the public
// expression path, which is correct but may allocate for large layers (tst_no_alloc tells).
#if EIGEN_VERSION_AT_LEAST(3, 4, 0) && !EIGEN_VERSION_AT_LEAST(3, 4, 90)
#define LRLAB_PREALLOCATED_GEMM 1
template <typename Scalar>
class PreallocatedBlocking : public Eigen::internal::level3_blocking<Scalar, Scalar>
{
public:
    PreallocatedBlocking(Eigen::Index kc, Eigen::Index mc, Eigen::Index nc, Scalar* blockA,
                         Scalar* blockB)
    {
        this->m_kc = kc;
        this->m_mc = mc;
        this->m_nc = nc;
        this->m_blockA = blockA;
        this->m_blockB = blockB;
    }
};
#else
#define LRLAB_PREALLOCATED_GEMM 0
#endif

/// res += lhs · rhs, res rows×cols row-major with row stride resStride; lhs rows×depth and rhs
/// depth×cols in storage orders LhsOrder and RhsOrder with outer strides lhsStride, rhsStride.
/// blockA and blockB are 64-byte aligned buffers of `capacity` elements each; a product
/// of depth d needs at most d·max(rows, cols) there (Eigen only shrinks the block sizes).
template <typename Scalar, int LhsOrder, int RhsOrder>
void gemmAdd(Eigen::Index rows, Eigen::Index cols, Eigen::Index depth, const Scalar* lhs,
             Eigen::Index lhsStride, const Scalar* rhs, Eigen::Index rhsStride, Scalar* res,
             Eigen::Index resStride, Scalar* blockA, Scalar* blockB, std::size_t capacity)
{
#if LRLAB_PREALLOCATED_GEMM
    // As Eigen's own dispatch does for a row-major destination: the product is run transposed
    // (cols×rows, column-major), so mc follows cols and nc follows rows.
    Eigen::Index kc = depth;
    Eigen::Index mc = cols;
    Eigen::Index nc = rows;
    Eigen::internal::computeProductBlockingSizes<Scalar, Scalar, 1>(kc, mc, nc, Eigen::Index(1));
    if (static_cast<std::size_t>(kc * mc) <= capacity &&
        static_cast<std::size_t>(kc * nc) <= capacity) {
        PreallocatedBlocking<Scalar> blocking(kc, mc, nc, blockA, blockB);
        Eigen::internal::general_matrix_matrix_product<Eigen::Index, Scalar, LhsOrder, false,
                                                       Scalar, RhsOrder, false, Eigen::RowMajor,
                                                       1>::run(rows, cols, depth, lhs, lhsStride,
                                                               rhs, rhsStride, res, 1, resStride,
                                                               Scalar(1), blocking, nullptr);
        return;
    }
#else
    (void)blockA;
    (void)blockB;
    (void)capacity;
#endif
    using Lhs = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, LhsOrder>;
    using Rhs = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, RhsOrder>;
    const Eigen::Map<const Lhs, 0, Eigen::OuterStride<>> a(lhs, rows, depth,
                                                           Eigen::OuterStride<>(lhsStride));
    const Eigen::Map<const Rhs, 0, Eigen::OuterStride<>> b(rhs, depth, cols,
                                                           Eigen::OuterStride<>(rhsStride));
    Eigen::Map<RowMatrix<Scalar>, 0, Eigen::OuterStride<>> c(res, rows, cols,
                                                             Eigen::OuterStride<>(resStride));
    c.noalias() += a * b;
}

} // namespace

template <typename Scalar> Model<Scalar>::Model(const ModelSpec& spec) : m_spec(spec)
{
    checkModelSpec(spec);
    std::vector<int> widths;
    widths.push_back(spec.inputs);
    widths.insert(widths.end(), spec.hidden.begin(), spec.hidden.end());
    widths.push_back(spec.outputs);
    int offset = 0;
    for (std::size_t i = 0; i + 1 < widths.size(); ++i) {
        LayerShape shape;
        shape.inputs = widths[i];
        shape.outputs = widths[i + 1];
        shape.weightOffset = offset;
        shape.biasOffset = offset + shape.outputs * shape.inputs;
        offset = shape.biasOffset + shape.outputs;
        m_layers.push_back(shape);
        m_maxWidth = std::max(m_maxWidth, shape.outputs);
    }
    m_parameterCount = offset;
}

template <typename Scalar> int Model<Scalar>::weightIndex(int layerIndex, int row, int col) const
{
    const LayerShape& shape = layer(layerIndex);
    return shape.weightOffset + row * shape.inputs + col;
}

template <typename Scalar> int Model<Scalar>::biasIndex(int layerIndex, int row) const
{
    return layer(layerIndex).biasOffset + row;
}

template <typename Scalar> void Model<Scalar>::initialize(std::uint64_t seed, Scalar* params) const
{
    Rng rng(seed, kStreamInit);
    for (const LayerShape& shape : m_layers) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(shape.inputs));
        // Weight and bias of a layer are contiguous and share the bound.
        const int count = shape.outputs * shape.inputs + shape.outputs;
        for (int i = 0; i < count; ++i)
            params[shape.weightOffset + i] = static_cast<Scalar>(rng.uniform(-bound, bound));
    }
}

template <typename Scalar> void Model<Scalar>::reserve(int maxBatch)
{
    if (maxBatch < 1)
        throw std::invalid_argument("reserve: maxBatch must be >= 1, got " +
                                    std::to_string(maxBatch));
    if (maxBatch <= m_maxBatch)
        return;
    m_activations.resize(m_layers.size());
    for (std::size_t l = 0; l < m_layers.size(); ++l)
        m_activations[l].assign(paddedSize<Scalar>(product(maxBatch, m_layers[l].outputs)),
                                Scalar(0));
    m_deltaA.assign(paddedSize<Scalar>(product(maxBatch, m_maxWidth)), Scalar(0));
    m_deltaB.assign(paddedSize<Scalar>(product(maxBatch, m_maxWidth)), Scalar(0));
    m_rowMax.assign(paddedSize<Scalar>(static_cast<std::size_t>(maxBatch)), Scalar(0));
    m_rowSum.assign(paddedSize<Scalar>(static_cast<std::size_t>(maxBatch)), Scalar(0));
    // GEMM packing buffers: a product of depth d packs at most d·max(rows, cols) elements per
    // side (see gemmAdd); the three products per layer have (rows, cols, depth) = (batch, out,
    // in), (out, in, batch) and (batch, in, out).
    std::size_t capacity = 0;
    for (const LayerShape& s : m_layers) {
        const std::size_t widest = static_cast<std::size_t>(std::max(s.inputs, s.outputs));
        capacity = std::max(
            {capacity, product(s.inputs, s.outputs), static_cast<std::size_t>(maxBatch) * widest});
    }
    m_blockA.assign(paddedSize<Scalar>(capacity), Scalar(0));
    m_blockB.assign(paddedSize<Scalar>(capacity), Scalar(0));
    m_blockCapacity = capacity;
    m_maxBatch = maxBatch;
}

template <typename Scalar> void Model<Scalar>::ensureReserved(int n)
{
    if (m_maxBatch == 0)
        reserve(std::min(n, kDefaultChunk));
}

template <typename Scalar>
void Model<Scalar>::checkArguments(int n, const int* labels, const Scalar* targets) const
{
    if (n < 1)
        throw std::invalid_argument("a batch needs at least one row, got " + std::to_string(n));
    if (!m_spec.isClassification()) {
        if (targets == nullptr)
            throw std::invalid_argument("a regression model needs targets");
        return;
    }
    if (labels == nullptr)
        throw std::invalid_argument("a classification model needs labels");
    const int classes = m_spec.loss == LossKind::BinaryCrossEntropy ? 2 : m_spec.outputs;
    for (int i = 0; i < n; ++i)
        if (labels[i] < 0 || labels[i] >= classes)
            throw std::out_of_range("label " + std::to_string(labels[i]) + " of row " +
                                    std::to_string(i) + " is outside 0.." +
                                    std::to_string(classes - 1));
}

template <typename Scalar>
Scalar* Model<Scalar>::forward(const Scalar* params, const Scalar* X, int m)
{
    const Scalar* input = X;
    const std::size_t last = m_layers.size() - 1;
    for (std::size_t l = 0; l <= last; ++l) {
        const LayerShape& s = m_layers[l];
        const ConstRowVectorMap<Scalar> b(params + s.biasOffset, s.outputs);
        MatrixMap<Scalar> z(alignedData(m_activations[l]), m, s.outputs);
        // z = 1·bᵀ + A·Wᵀ: the GEMM accumulates onto the broadcast bias. Wᵀ (in×out) is W's
        // row-major storage read as column-major.
        z.rowwise() = b;
        gemmAdd<Scalar, Eigen::RowMajor, Eigen::ColMajor>(
            m, s.outputs, s.inputs, input, s.inputs, params + s.weightOffset, s.inputs, z.data(),
            s.outputs, alignedData(m_blockA), alignedData(m_blockB), m_blockCapacity);
        // The activation as its own pass over the contiguous matrix: Eigen vectorizes it
        // linearly, whatever the width (fused with the broadcast it would go row by row).
        if (l != last) {
            if (m_spec.activation == Activation::Tanh)
                z.array() = z.array().tanh();
            else
                z.array() = z.array().max(Scalar(0));
        }
        input = z.data();
    }
    return alignedData(m_activations[last]);
}

template <typename Scalar>
double Model<Scalar>::head(const Scalar* logits, int m, const int* labels, const Scalar* targets,
                           Scalar* delta, Scalar scale, long* correct)
{
    double total = 0.0;
    switch (m_spec.loss) {
    case LossKind::CrossEntropy: {
        // log_softmax + nll: loss = logsumexp(z) − z_label with logsumexp = max + log Σ exp(z −
        // max), stable for any logits; dloss/dz = softmax(z) − onehot(label). Whole-matrix
        // passes rather than per-row loops: with 10 classes a row is shorter than one AVX-512
        // packet, so per-row exp() would run scalar.
        const int k = m_spec.outputs;
        const ConstMatrixMap<Scalar> z(logits, m, k);
        ColumnMap<Scalar> rowMax(alignedData(m_rowMax), m);
        ColumnMap<Scalar> rowSum(alignedData(m_rowSum), m);
        MatrixMap<Scalar> e(delta != nullptr ? delta : alignedData(m_deltaB), m, k);
        rowMax.noalias() = z.rowwise().maxCoeff();
        e.array() = z.array().colwise() - rowMax.array();
        e.array() = e.array().exp();
        rowSum.noalias() = e.rowwise().sum();
        for (int i = 0; i < m; ++i)
            total += static_cast<double>(rowMax[i]) - static_cast<double>(z(i, labels[i]));
        if (delta != nullptr) {
            // rowMax is spent: reuse it for scale / Σ (a plain buffer, so the broadcast below
            // does not evaluate the quotient into a heap temporary).
            rowMax.array() = scale / rowSum.array();
            e.array().colwise() *= rowMax.array();
            for (int i = 0; i < m; ++i)
                e(i, labels[i]) -= scale;
        }
        rowSum.array() = rowSum.array().log();
        for (int i = 0; i < m; ++i)
            total += static_cast<double>(rowSum[i]);
        if (correct != nullptr) {
            for (int i = 0; i < m; ++i) {
                const Scalar* row = logits + product(i, k);
                int best = 0; // first maximum, as torch.argmax
                for (int c = 1; c < k; ++c)
                    if (row[c] > row[best])
                        best = c;
                *correct += best == labels[i] ? 1 : 0;
            }
        }
        break;
    }
    case LossKind::BinaryCrossEntropy: {
        for (int i = 0; i < m; ++i) {
            const Scalar z = logits[i];
            const Scalar y = static_cast<Scalar>(labels[i]);
            const Scalar loss = std::max(z, Scalar(0)) - z * y + std::log1p(std::exp(-std::abs(z)));
            total += static_cast<double>(loss);
            if (delta != nullptr) {
                // sigmoid without overflow: exp of a non-positive argument only.
                Scalar sigmoid;
                if (z >= Scalar(0)) {
                    sigmoid = Scalar(1) / (Scalar(1) + std::exp(-z));
                } else {
                    const Scalar e = std::exp(z);
                    sigmoid = e / (Scalar(1) + e);
                }
                delta[i] = (sigmoid - y) * scale;
            }
            if (correct != nullptr)
                *correct += (z > Scalar(0)) == (labels[i] == 1) ? 1 : 0;
        }
        break;
    }
    case LossKind::MeanSquaredError: {
        for (int i = 0; i < m; ++i) {
            const Scalar diff = logits[i] - targets[i];
            total += static_cast<double>(diff) * static_cast<double>(diff);
            if (delta != nullptr)
                delta[i] = Scalar(2) * diff * scale;
        }
        break;
    }
    }
    return total;
}

template <typename Scalar>
Scalar Model<Scalar>::lossAndGradient(const Scalar* params, const Scalar* X, int n,
                                      const int* labels, const Scalar* targets, Scalar* grad)
{
    checkArguments(n, labels, targets);
    ensureReserved(n);
    Eigen::Map<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>>(grad, m_parameterCount).setZero();
    // The loss is the mean over all n rows, so every chunk's delta carries 1/n and the chunks'
    // gradients simply add up.
    const Scalar scale = Scalar(1) / static_cast<Scalar>(n);
    double total = 0.0;
    for (int first = 0; first < n; first += m_maxBatch) {
        const int m = std::min(m_maxBatch, n - first);
        const Scalar* x = X + product(first, m_spec.inputs);
        const Scalar* logits = forward(params, x, m);
        Scalar* delta = alignedData(m_deltaA);
        Scalar* deltaBelow = alignedData(m_deltaB);
        total += head(logits, m, labels != nullptr ? labels + first : nullptr,
                      targets != nullptr ? targets + first : nullptr, delta, scale, nullptr);
        for (std::size_t l = m_layers.size(); l-- > 0;) {
            const LayerShape& s = m_layers[l];
            const Scalar* input = l == 0 ? x : alignedData(m_activations[l - 1]);
            const ConstMatrixMap<Scalar> a(input, m, s.inputs);
            const ConstMatrixMap<Scalar> d(delta, m, s.outputs);
            RowVectorMap<Scalar> gb(grad + s.biasOffset, s.outputs);
            // dW += Dᵀ·A (Dᵀ is D's row-major storage read as column-major), db += Σ rows of D.
            gemmAdd<Scalar, Eigen::ColMajor, Eigen::RowMajor>(
                s.outputs, s.inputs, m, delta, s.outputs, input, s.inputs, grad + s.weightOffset,
                s.inputs, alignedData(m_blockA), alignedData(m_blockB), m_blockCapacity);
            gb.noalias() += d.colwise().sum();
            if (l == 0)
                break; // no gradient with respect to the data
            // D_below = D·W, then times the activation's derivative.
            MatrixMap<Scalar> below(deltaBelow, m, s.inputs);
            below.setZero();
            gemmAdd<Scalar, Eigen::RowMajor, Eigen::RowMajor>(
                m, s.inputs, s.outputs, delta, s.outputs, params + s.weightOffset, s.inputs,
                deltaBelow, s.inputs, alignedData(m_blockA), alignedData(m_blockB),
                m_blockCapacity);
            // a is the activation output: tanh' = 1 − a², relu' = [a > 0].
            if (m_spec.activation == Activation::Tanh)
                below.array() *= Scalar(1) - a.array().square();
            else
                below.array() = (a.array() > Scalar(0)).select(below.array(), Scalar(0));
            std::swap(delta, deltaBelow);
        }
    }
    return static_cast<Scalar>(total / static_cast<double>(n));
}

template <typename Scalar>
double Model<Scalar>::lossSum(const Scalar* params, const Scalar* X, int n, const int* labels,
                              const Scalar* targets, long* correct)
{
    checkArguments(n, labels, targets);
    ensureReserved(n);
    double total = 0.0;
    for (int first = 0; first < n; first += m_maxBatch) {
        const int m = std::min(m_maxBatch, n - first);
        const Scalar* logits = forward(params, X + product(first, m_spec.inputs), m);
        total += head(logits, m, labels != nullptr ? labels + first : nullptr,
                      targets != nullptr ? targets + first : nullptr, nullptr, Scalar(0), correct);
    }
    return total;
}

template <typename Scalar>
Scalar Model<Scalar>::loss(const Scalar* params, const Scalar* X, int n, const int* labels,
                           const Scalar* targets)
{
    return static_cast<Scalar>(lossSum(params, X, n, labels, targets, nullptr) /
                               static_cast<double>(n));
}

template <typename Scalar>
Evaluation Model<Scalar>::evaluate(const Scalar* params, const Scalar* X, int n, const int* labels,
                                   const Scalar* targets)
{
    long correct = 0;
    const double total = lossSum(params, X, n, labels, targets, &correct);
    Evaluation result;
    result.loss = total / static_cast<double>(n);
    result.accuracy = m_spec.isClassification()
                          ? static_cast<double>(correct) / static_cast<double>(n)
                          : std::numeric_limits<double>::quiet_NaN();
    return result;
}

template <typename Scalar>
void Model<Scalar>::predict(const Scalar* params, const Scalar* X, int n, Scalar* out)
{
    if (n < 1)
        return;
    ensureReserved(n);
    for (int first = 0; first < n; first += m_maxBatch) {
        const int m = std::min(m_maxBatch, n - first);
        const Scalar* outputs = forward(params, X + product(first, m_spec.inputs), m);
        std::copy(outputs, outputs + product(m, m_spec.outputs),
                  out + product(first, m_spec.outputs));
    }
}

template class Model<float>;
template class Model<double>;

} // namespace lrlab
