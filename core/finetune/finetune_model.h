#pragma once

#include "core/finetune/lora_model.h"
#include "core/models/model.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lrlab {

/// Which parameters a fine-tuning run trains.
enum class FineTuneMethod {
    Full, ///< every weight and bias of the pre-trained model
    Lora, ///< LoRA adapters A, B of the hidden weights only (LoraModel); everything else frozen
    Head  ///< the output layer's weight and bias only (linear probe); the body frozen
};

/// Names "full", "lora", "head" in enum order.
const std::vector<std::string>& fineTuneMethodNames();
std::string fineTuneMethodName(FineTuneMethod method);
/// Throws std::invalid_argument for an unknown name.
FineTuneMethod parseFineTuneMethod(const std::string& name);

/// A pre-trained model seen through one fine-tuning method: a trainable vector θ_t (full: all
/// parameters in the model's layout; head: the output layer's weight then bias; lora: the
/// adapters as LoraModel lays them out) mapped to the model's full parameter vector by merge().
/// lossAndGradient() returns the gradient with respect to θ_t only, so any lrlab optimizer
/// trains θ_t directly and the frozen part cannot move.
///
/// Owns a copy of the pre-trained vector and its workspaces: not thread-safe, one instance a
/// run. After reserve() nothing allocates.
template <typename Scalar> class FineTuneModel
{
public:
    using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

    /// Throws std::invalid_argument for a pretrained vector of the wrong length or bad LoRA
    /// options (LoRA only).
    FineTuneModel(const ModelSpec& spec, std::vector<Scalar> pretrained, FineTuneMethod method,
                  const LoraOptions& lora = {});

    FineTuneMethod method() const { return m_method; }
    /// Length of θ_t.
    int trainableCount() const { return m_trainableCount; }
    /// Length of the model's full parameter vector.
    int parameterCount() const { return m_model.parameterCount(); }
    const std::vector<Scalar>& pretrained() const { return m_pretrained; }

    /// The trainable count of a method without building the model: full = Σ out·in + out;
    /// head = the output layer's out·in + out; lora = LoraModel::countParameters().
    static int countTrainable(const ModelSpec& spec, FineTuneMethod method,
                              const LoraOptions& lora = {});

    /// The starting θ_t: full and head copy the pre-trained values (so merge() gives the
    /// pre-trained vector exactly); lora draws A and zeroes B (LoraModel::initialize()).
    void initialize(std::uint64_t seed, Scalar* trainable) const;
    /// Writes the model's full parameter vector for θ_t.
    void merge(const Scalar* trainable, Scalar* merged) const;

    void reserve(int maxBatch);
    /// Mean loss at merge(θ_t) and its gradient with respect to θ_t into grad[0..trainableCount()).
    Scalar lossAndGradient(const Scalar* trainable, const Scalar* X, int n, const int* labels,
                           const Scalar* targets, Scalar* grad);
    /// Mean loss and accuracy at merge(θ_t).
    Evaluation evaluate(const Scalar* trainable, const Scalar* X, int n, const int* labels,
                        const Scalar* targets);

private:
    FineTuneMethod m_method;
    Model<Scalar> m_model;
    std::vector<Scalar> m_pretrained;
    std::unique_ptr<LoraModel<Scalar>> m_lora;
    int m_trainableCount = 0;
    int m_headOffset = 0; ///< head: first index of the output layer in the full vector
    Vector m_merged;
    Vector m_fullGrad;
};

extern template class FineTuneModel<float>;
extern template class FineTuneModel<double>;

} // namespace lrlab
