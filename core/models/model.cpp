#include "core/models/model.h"

#include "core/util/rng.h"
#include "core/util/rng_streams.h"

#include "core/models/fixed_math.h"
#include "core/models/kernels.h"

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

/// Workspaces start on a 64-byte boundary so the kernels' vector loads of whole rows are aligned
/// when the row length allows (std::vector only guarantees 16 bytes). The vectors hold
/// kAlignBytes extra bytes; the aligned start is recomputed on each use, so copying a Model stays
/// correct.
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

// Scalar elementary functions of the loss heads: for float the fixed-order ones (same bits on
// every CPU, fixed_math.h), for double (gradient checks) libm's.
float expOf(float x)
{
    return fixedmath::expFloat(x);
}
double expOf(double x)
{
    return std::exp(x);
}
float log1pOf(float x)
{
    return static_cast<float>(fixedmath::log1pDouble(x));
}
double log1pOf(double x)
{
    return std::log1p(x);
}

} // namespace

template <typename Scalar> Model<Scalar>::Model(const ModelSpec& spec) : m_spec(spec)
{
    checkModelSpec(spec);
    kernels::activeKernels(); // a bad LRLAB_KERNEL_TARGET fails here, in the caller's thread
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
    // The GEMMs' packed operands; the three products per layer have (rows, cols, depth) =
    // (batch, out, in), (out, in, batch) and (batch, in, out).
    std::size_t workspace = 0;
    for (const LayerShape& s : m_layers)
        workspace = std::max({workspace, kernels::gemmWorkspaceSize(maxBatch, s.outputs, s.inputs),
                              kernels::gemmWorkspaceSize(s.outputs, s.inputs, maxBatch),
                              kernels::gemmWorkspaceSize(maxBatch, s.inputs, s.outputs)});
    m_gemmWorkspace.assign(paddedSize<Scalar>(workspace), Scalar(0));
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
    const kernels::KernelTable<Scalar>& k = kernels::activeTable<Scalar>();
    const Scalar* input = X;
    const std::size_t last = m_layers.size() - 1;
    for (std::size_t l = 0; l <= last; ++l) {
        const LayerShape& s = m_layers[l];
        const Scalar* bias = params + s.biasOffset;
        Scalar* z = alignedData(m_activations[l]);
        // z = 1·bᵀ + A·Wᵀ: the GEMM accumulates onto the broadcast bias. Wᵀ (in×out) is W's
        // row-major storage read with swapped strides.
        for (int i = 0; i < m; ++i)
            std::copy(bias, bias + s.outputs, z + product(i, s.outputs));
        k.gemmAccumulate(m, s.outputs, s.inputs, {input, s.inputs, 1},
                         {params + s.weightOffset, 1, s.inputs}, z, s.outputs,
                         alignedData(m_gemmWorkspace));
        if (l != last) {
            if (m_spec.activation == Activation::Tanh)
                k.tanhInPlace(z, product(m, s.outputs));
            else
                k.reluInPlace(z, product(m, s.outputs));
        }
        input = z;
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
        // max), stable for any logits; dloss/dz = softmax(z) − onehot(label). Sums run in class
        // order, so they do not depend on the vector width; exp runs over the whole block.
        const int k = m_spec.outputs;
        Scalar* rowMax = alignedData(m_rowMax);
        Scalar* rowSum = alignedData(m_rowSum);
        Scalar* e = delta != nullptr ? delta : alignedData(m_deltaB);
        for (int i = 0; i < m; ++i) {
            const Scalar* row = logits + product(i, k);
            Scalar best = row[0];
            for (int c = 1; c < k; ++c)
                best = row[c] > best ? row[c] : best;
            rowMax[i] = best;
            for (int c = 0; c < k; ++c)
                e[product(i, k) + static_cast<std::size_t>(c)] = row[c] - best;
        }
        const kernels::KernelTable<Scalar>& kernel = kernels::activeTable<Scalar>();
        kernel.expInPlace(e, product(m, k));
        for (int i = 0; i < m; ++i) {
            const Scalar* row = e + product(i, k);
            Scalar sum = row[0];
            for (int c = 1; c < k; ++c)
                sum += row[c];
            rowSum[i] = sum;
        }
        if (delta != nullptr) {
            for (int i = 0; i < m; ++i) {
                Scalar* row = e + product(i, k);
                const Scalar ratio = scale / rowSum[i];
                for (int c = 0; c < k; ++c)
                    row[c] *= ratio;
                row[labels[i]] -= scale;
            }
        }
        kernel.logInPlace(rowSum, static_cast<std::size_t>(m)); // Σ is spent: log Σ in place
        for (int i = 0; i < m; ++i)
            total += static_cast<double>(rowMax[i]) -
                     static_cast<double>(logits[product(i, k) + labels[i]]) +
                     static_cast<double>(rowSum[i]);
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
            const Scalar loss = std::max(z, Scalar(0)) - z * y + log1pOf(expOf(-std::abs(z)));
            total += static_cast<double>(loss);
            if (delta != nullptr) {
                // sigmoid without overflow: exp of a non-positive argument only.
                Scalar sigmoid;
                if (z >= Scalar(0)) {
                    sigmoid = Scalar(1) / (Scalar(1) + expOf(-z));
                } else {
                    const Scalar e = expOf(z);
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
    const kernels::KernelTable<Scalar>& k = kernels::activeTable<Scalar>();
    std::fill(grad, grad + m_parameterCount, Scalar(0));
    // The loss is the mean over all n rows, so every chunk's delta carries 1/n and the chunks'
    // gradients simply add up.
    const Scalar scale = Scalar(1) / static_cast<Scalar>(n);
    double total = 0.0;
    Scalar* workspace = alignedData(m_gemmWorkspace);
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
            // dW += Dᵀ·A (Dᵀ is D read with swapped strides), db += Σ rows of D.
            k.gemmAccumulate(s.outputs, s.inputs, m, {delta, 1, s.outputs}, {input, s.inputs, 1},
                             grad + s.weightOffset, s.inputs, workspace);
            k.columnSumsAccumulate(delta, m, s.outputs, grad + s.biasOffset);
            if (l == 0)
                break; // no gradient with respect to the data
            // D_below = D·W, then times the activation's derivative.
            std::fill(deltaBelow, deltaBelow + product(m, s.inputs), Scalar(0));
            k.gemmAccumulate(m, s.inputs, s.outputs, {delta, s.outputs, 1},
                             {params + s.weightOffset, s.inputs, 1}, deltaBelow, s.inputs,
                             workspace);
            // input is the activation output: tanh' = 1 − a², relu' = [a > 0].
            if (m_spec.activation == Activation::Tanh)
                k.tanhBackward(deltaBelow, input, product(m, s.inputs));
            else
                k.reluBackward(deltaBelow, input, product(m, s.inputs));
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
