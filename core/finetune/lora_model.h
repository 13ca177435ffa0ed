#pragma once

#include "core/models/model.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace lrlab {

/// Settings of the LoRA adapters (Hu et al., 2021, "LoRA: Low-Rank Adaptation of Large
/// Language Models"). Defaults are PEFT's LoraConfig defaults (r = 8, lora_alpha = 8).
struct LoraOptions
{
    int rank = 8;       ///< r >= 1 (clamped by nothing: r may exceed min(in, out))
    double alpha = 8.0; ///< α > 0; the update is scaled by α/r
    /// Adapt the output layer too. Off by default: the issue adapts "each hidden weight", i.e.
    /// the layers before the output layer, and keeps the head frozen.
    bool adaptOutputLayer = false;
};

/// Random stream of the LoRA A initialization, Rng(seed, kStreamLoraInit); far from the
/// numbers of core/util/rng_streams.h so it never collides with a stream added there.
inline constexpr std::uint64_t kStreamLoraInit = 0x4c6f5241; // "LoRA"

/// One adapted layer: its index and where its A (rank×in, row-major) and B (out×rank,
/// row-major) start in the trainable vector.
struct LoraAdapter
{
    int layer = 0;
    int inputs = 0;
    int outputs = 0;
    int aOffset = 0;
    int bOffset = 0;
};

/// A model with LoRA adapters: each adapted weight W (out×in) of a frozen base parameter
/// vector becomes W' = W + (α/r)·B·A, with A (r×in) and B (out×r) the only trainable
/// parameters; every bias and every non-adapted layer stays frozen. The trainable vector holds,
/// for each adapted layer in order, A then B, row-major.
///
/// Forward and backward run through the merged weights: each call writes W' into a merged
/// parameter vector (a member buffer), runs the base Model's lossAndGradient on it and chains
/// the weight gradient G = ∂L/∂W' into ∂L/∂A = (α/r)·Bᵀ·G and ∂L/∂B = (α/r)·G·Aᵀ. This is
/// exact (the same function as the unmerged form) and costs one r-rank GEMM per layer.
///
/// Holds its own copy of the base parameters (never modified) and workspaces: not
/// thread-safe, one instance per thread (copies are independent). After reserve() nothing
/// allocates.
template <typename Scalar> class LoraModel
{
public:
    using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

    /// spec: the base model's shape; base: its parameters (spec's parameterCount() values).
    /// Throws std::invalid_argument for a wrong base length, rank < 1, α <= 0, or a model
    /// without hidden layers when the output layer is not adapted (nothing to train).
    LoraModel(const ModelSpec& spec, std::vector<Scalar> base, const LoraOptions& options);

    /// Number of trainable parameters: Σ over adapted layers of r·(in + out).
    int parameterCount() const { return m_parameterCount; }
    /// Length of the base (and merged) parameter vector.
    int baseParameterCount() const { return m_model.parameterCount(); }
    const std::vector<Scalar>& baseParameters() const { return m_base; }
    const LoraOptions& options() const { return m_options; }
    const std::vector<LoraAdapter>& adapters() const { return m_adapters; }
    /// α/r, rounded to Scalar.
    Scalar scale() const { return m_scale; }
    /// The base model (shape queries; also scratch for evaluations of merged vectors).
    Model<Scalar>& baseModel() { return m_model; }

    /// The trainable count of a LoRA setup without building one (same rules as the constructor).
    static int countParameters(const ModelSpec& spec, const LoraOptions& options);

    /// Writes the initial adapters: A uniform in ±1/√in (PEFT's default: kaiming_uniform_ with
    /// a = √5, i.e. nn.Linear's weight init, fan_in = in), drawn in vector order from
    /// Rng(seed, kStreamLoraInit) in double and rounded once; B = 0, so W' = W at the start.
    void initialize(std::uint64_t seed, Scalar* trainable) const;

    /// Writes the merged parameter vector: the base with each adapted W replaced by
    /// W + (α/r)·B·A (computed as one GEMM into W with factor α/r).
    void merge(const Scalar* trainable, Scalar* merged) const;

    /// Allocates the workspaces for batches of up to maxBatch rows (see Model::reserve()).
    void reserve(int maxBatch) { m_model.reserve(maxBatch); }

    /// Mean loss of the rows at the merged weights and its gradient with respect to the
    /// trainable vector, into grad[0..parameterCount()). Arguments as Model::lossAndGradient().
    Scalar lossAndGradient(const Scalar* trainable, const Scalar* X, int n, const int* labels,
                           const Scalar* targets, Scalar* grad);
    /// Mean loss only, at the merged weights.
    Scalar loss(const Scalar* trainable, const Scalar* X, int n, const int* labels,
                const Scalar* targets);
    /// Mean loss and accuracy at the merged weights.
    Evaluation evaluate(const Scalar* trainable, const Scalar* X, int n, const int* labels,
                        const Scalar* targets);
    /// The outputs at the merged weights (see Model::predict()).
    void predict(const Scalar* trainable, const Scalar* X, int n, Scalar* out);

private:
    Model<Scalar> m_model;
    std::vector<Scalar> m_base;
    LoraOptions m_options;
    Scalar m_scale = 1;
    std::vector<LoraAdapter> m_adapters;
    int m_parameterCount = 0;
    Vector m_merged;   ///< the merged parameter vector of the last call (aligned storage)
    Vector m_fullGrad; ///< the base model's gradient at the merged vector
};

extern template class LoraModel<float>;
extern template class LoraModel<double>;

} // namespace lrlab
