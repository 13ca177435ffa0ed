#pragma once

#include "core/models/model_spec.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lrlab {

/// Mean loss and accuracy of a model over a set of rows.
struct Evaluation
{
    double loss = 0.0;     ///< mean loss over the rows (accumulated in double)
    double accuracy = 0.0; ///< fraction of rows classified correctly; NaN for regression
};

/// One layer's place in the flat parameter vector (PyTorch nn.Linear order: weight out×in
/// row-major, then bias out).
struct LayerShape
{
    int inputs = 0;
    int outputs = 0;
    int weightOffset = 0; ///< index of weight(0, 0)
    int biasOffset = 0;   ///< index of bias(0) = weightOffset + outputs·inputs
};

/// A feed-forward model of docs/semantics.md §2.2 (linreg, logreg, softmax, mlp) evaluated on a
/// flat parameter vector that the caller owns, in the layout of PyTorch's nn.Linear sequence.
/// Scalar is float for training (like PyTorch's float32) and double for gradient checks.
///
/// Batches are row-major n×inputs buffers of Scalar. The forward and backward passes are
/// batched GEMMs and element-wise passes of the fixed-order kernels (kernels.h, chosen for the
/// CPU at run time, bit-identical on every CPU) over workspaces sized by reserve(); after
/// reserve(maxBatch) nothing in lossAndGradient(), loss() or evaluate() allocates. Batches larger
/// than the reserved size are processed in chunks of maxBatch rows (same results up to summation
/// order). Without a reserve() call the first call reserves min(n, 256) rows.
///
/// The workspaces make a Model stateful: not thread-safe, one instance per thread (copying is
/// cheap and gives an independent instance). The parameters are never stored.
template <typename Scalar> class Model
{
public:
    /// Checks the spec (checkModelSpec) and lays out the parameter vector. Does not reserve.
    explicit Model(const ModelSpec& spec);

    const ModelSpec& spec() const { return m_spec; }
    /// Length of the parameter vector: Σ over layers of out·in + out.
    int parameterCount() const { return m_parameterCount; }
    /// Number of linear layers (hidden layers + 1).
    int layerCount() const { return static_cast<int>(m_layers.size()); }
    /// Shape and offsets of layer `layer`, 0 = the one reading the input.
    const LayerShape& layer(int layer) const { return m_layers[static_cast<std::size_t>(layer)]; }
    /// Index of weight(row = output unit, col = input unit) of `layer` in the parameter vector.
    int weightIndex(int layer, int row, int col) const;
    /// Index of bias(row) of `layer` in the parameter vector.
    int biasIndex(int layer, int row) const;

    /// Writes the seeded initialization into params[0..parameterCount()): every weight and bias
    /// of a layer uniform in ±1/√fan_in (fan_in = the layer's inputs; PyTorch's nn.Linear
    /// default), drawn in parameter-vector order as Rng(seed, kStreamInit).uniform(−b, b) in
    /// double and rounded once to Scalar.
    void initialize(std::uint64_t seed, Scalar* params) const;

    /// Allocates every workspace (activations, deltas) for batches of up to maxBatch rows.
    /// Call once before the hot loop; maxBatch >= 1. Calling again with a smaller size keeps
    /// the larger buffers.
    void reserve(int maxBatch);
    /// The batch size the workspaces hold (0 before reserve()).
    int reservedBatch() const { return m_maxBatch; }

    /// The mean loss of the n rows of X (row-major n×inputs) and its exact gradient (backprop)
    /// into grad[0..parameterCount()). labels (classification: 0..outputs−1; logreg: 0 or 1) or
    /// targets (regression) hold one value a row; the unused one may be null. Throws
    /// std::invalid_argument when n < 1 or the needed labels/targets pointer is null, and
    /// std::out_of_range for a label outside the classes.
    Scalar lossAndGradient(const Scalar* params, const Scalar* X, int n, const int* labels,
                           const Scalar* targets, Scalar* grad);

    /// The mean loss only (the forward pass): the fast path of landscape grids and LR-finder
    /// validation. Same arguments and errors as lossAndGradient().
    Scalar loss(const Scalar* params, const Scalar* X, int n, const int* labels,
                const Scalar* targets);

    /// Mean loss and accuracy (classification: argmax of the logits, the first maximum on ties;
    /// logreg: class 1 when the logit is > 0), no gradient. NaN accuracy for regression.
    Evaluation evaluate(const Scalar* params, const Scalar* X, int n, const int* labels,
                        const Scalar* targets);

    /// Writes the model's outputs for the n rows of X into out (row-major n×outputs): the logits
    /// for classification (softmax/sigmoid not applied), the predictions for regression.
    void predict(const Scalar* params, const Scalar* X, int n, Scalar* out);

private:
    /// Runs the layers on rows [0, m) of X; returns the output buffer (m×outputs, row-major).
    Scalar* forward(const Scalar* params, const Scalar* X, int m);
    /// Loss head on the m rows of logits whose first row is row `first` of the whole set. Returns
    /// the sum of the per-row losses; writes dLoss/dlogits · scale into delta when non-null and
    /// adds the number of correct rows to *correct when non-null.
    double head(const Scalar* logits, int m, const int* labels, const Scalar* targets,
                Scalar* delta, Scalar scale, long* correct);
    /// The summed loss over all n rows, chunk by chunk (loss() and evaluate()), adding the
    /// correct rows to *correct when non-null.
    double lossSum(const Scalar* params, const Scalar* X, int n, const int* labels,
                   const Scalar* targets, long* correct);
    void checkArguments(int n, const int* labels, const Scalar* targets) const;
    void ensureReserved(int n);

    ModelSpec m_spec;
    std::vector<LayerShape> m_layers;
    int m_parameterCount = 0;
    int m_maxWidth = 0; ///< widest layer output (or input of a hidden layer)
    int m_maxBatch = 0;
    // Workspaces, each used from its 64-byte aligned start (see model.cpp).
    std::vector<std::vector<Scalar>> m_activations; ///< per layer: maxBatch×outputs
    std::vector<Scalar> m_deltaA;                   ///< maxBatch×maxWidth ping-pong buffers
    std::vector<Scalar> m_deltaB;
    std::vector<Scalar> m_rowMax;        ///< maxBatch: cross-entropy row maxima
    std::vector<Scalar> m_rowSum;        ///< maxBatch: Σ exp(z − max) per row
    std::vector<Scalar> m_gemmWorkspace; ///< the GEMMs' packed operands (kernels.h)
};

extern template class Model<float>;
extern template class Model<double>;

} // namespace lrlab
