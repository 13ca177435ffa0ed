#include "core/finetune/finetune_model.h"

#include <algorithm>
#include <stdexcept>

namespace lrlab {

const std::vector<std::string>& fineTuneMethodNames()
{
    static const std::vector<std::string> names{"full", "lora", "head"};
    return names;
}

std::string fineTuneMethodName(FineTuneMethod method)
{
    return fineTuneMethodNames()[static_cast<std::size_t>(method)];
}

FineTuneMethod parseFineTuneMethod(const std::string& name)
{
    const auto& names = fineTuneMethodNames();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name)
            return static_cast<FineTuneMethod>(i);
    throw std::invalid_argument("unknown method \"" + name + "\" (expected full, lora or head)");
}

template <typename Scalar>
int FineTuneModel<Scalar>::countTrainable(const ModelSpec& spec, FineTuneMethod method,
                                          const LoraOptions& lora)
{
    const Model<Scalar> model(spec);
    switch (method) {
    case FineTuneMethod::Full:
        return model.parameterCount();
    case FineTuneMethod::Head:
        return model.parameterCount() - model.layer(model.layerCount() - 1).weightOffset;
    case FineTuneMethod::Lora:
        return LoraModel<Scalar>::countParameters(spec, lora);
    }
    return 0;
}

template <typename Scalar>
FineTuneModel<Scalar>::FineTuneModel(const ModelSpec& spec, std::vector<Scalar> pretrained,
                                     FineTuneMethod method, const LoraOptions& lora)
    : m_method(method), m_model(spec), m_pretrained(std::move(pretrained))
{
    const int p = m_model.parameterCount();
    if (static_cast<int>(m_pretrained.size()) != p)
        throw std::invalid_argument("fine-tuning: the pre-trained vector has " +
                                    std::to_string(m_pretrained.size()) + " values, the model " +
                                    std::to_string(p));
    m_headOffset = m_model.layer(m_model.layerCount() - 1).weightOffset;
    if (method == FineTuneMethod::Lora) {
        m_lora = std::make_unique<LoraModel<Scalar>>(spec, m_pretrained, lora);
        m_trainableCount = m_lora->parameterCount();
    } else {
        m_trainableCount = method == FineTuneMethod::Full ? p : p - m_headOffset;
        m_merged.resize(p);
        m_fullGrad.resize(p);
    }
}

template <typename Scalar>
void FineTuneModel<Scalar>::initialize(std::uint64_t seed, Scalar* trainable) const
{
    switch (m_method) {
    case FineTuneMethod::Full:
        std::copy(m_pretrained.begin(), m_pretrained.end(), trainable);
        break;
    case FineTuneMethod::Head:
        std::copy(m_pretrained.begin() + m_headOffset, m_pretrained.end(), trainable);
        break;
    case FineTuneMethod::Lora:
        m_lora->initialize(seed, trainable);
        break;
    }
}

template <typename Scalar>
void FineTuneModel<Scalar>::merge(const Scalar* trainable, Scalar* merged) const
{
    switch (m_method) {
    case FineTuneMethod::Full:
        std::copy(trainable, trainable + m_trainableCount, merged);
        break;
    case FineTuneMethod::Head:
        std::copy(m_pretrained.begin(), m_pretrained.begin() + m_headOffset, merged);
        std::copy(trainable, trainable + m_trainableCount, merged + m_headOffset);
        break;
    case FineTuneMethod::Lora:
        m_lora->merge(trainable, merged);
        break;
    }
}

template <typename Scalar> void FineTuneModel<Scalar>::reserve(int maxBatch)
{
    if (m_lora)
        m_lora->reserve(maxBatch);
    else
        m_model.reserve(maxBatch);
}

template <typename Scalar>
Scalar FineTuneModel<Scalar>::lossAndGradient(const Scalar* trainable, const Scalar* X, int n,
                                              const int* labels, const Scalar* targets,
                                              Scalar* grad)
{
    switch (m_method) {
    case FineTuneMethod::Full:
        return m_model.lossAndGradient(trainable, X, n, labels, targets, grad);
    case FineTuneMethod::Head: {
        // The body's gradient is computed and dropped: a head-only backward pass would save
        // one small GEMM, not worth a second code path through Model.
        merge(trainable, m_merged.data());
        const Scalar value =
            m_model.lossAndGradient(m_merged.data(), X, n, labels, targets, m_fullGrad.data());
        std::copy(m_fullGrad.data() + m_headOffset, m_fullGrad.data() + m_fullGrad.size(), grad);
        return value;
    }
    case FineTuneMethod::Lora:
        return m_lora->lossAndGradient(trainable, X, n, labels, targets, grad);
    }
    return Scalar(0);
}

template <typename Scalar>
Evaluation FineTuneModel<Scalar>::evaluate(const Scalar* trainable, const Scalar* X, int n,
                                           const int* labels, const Scalar* targets)
{
    switch (m_method) {
    case FineTuneMethod::Full:
        return m_model.evaluate(trainable, X, n, labels, targets);
    case FineTuneMethod::Head:
        merge(trainable, m_merged.data());
        return m_model.evaluate(m_merged.data(), X, n, labels, targets);
    case FineTuneMethod::Lora:
        return m_lora->evaluate(trainable, X, n, labels, targets);
    }
    return {};
}

template class FineTuneModel<float>;
template class FineTuneModel<double>;

} // namespace lrlab
