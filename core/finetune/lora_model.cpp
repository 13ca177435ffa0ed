#include "core/finetune/lora_model.h"

#include "core/util/rng.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace lrlab {

namespace {

template <typename Scalar>
using RowMajor = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename Scalar> using MapMatrix = Eigen::Map<RowMajor<Scalar>>;
template <typename Scalar> using ConstMapMatrix = Eigen::Map<const RowMajor<Scalar>>;

void checkOptions(const ModelSpec& spec, const LoraOptions& options)
{
    if (options.rank < 1)
        throw std::invalid_argument("lora rank must be >= 1, got " + std::to_string(options.rank));
    if (!(options.alpha > 0.0) || !std::isfinite(options.alpha))
        throw std::invalid_argument("lora alpha must be > 0");
    if (spec.hidden.empty() && !options.adaptOutputLayer)
        throw std::invalid_argument("lora: the model has no hidden layer to adapt");
}

} // namespace

template <typename Scalar>
int LoraModel<Scalar>::countParameters(const ModelSpec& spec, const LoraOptions& options)
{
    checkOptions(spec, options);
    const Model<Scalar> model(spec);
    const int adapted = model.layerCount() - (options.adaptOutputLayer ? 0 : 1);
    int count = 0;
    for (int l = 0; l < adapted; ++l)
        count += options.rank * (model.layer(l).inputs + model.layer(l).outputs);
    return count;
}

template <typename Scalar>
LoraModel<Scalar>::LoraModel(const ModelSpec& spec, std::vector<Scalar> base,
                             const LoraOptions& options)
    : m_model(spec), m_base(std::move(base)), m_options(options)
{
    checkOptions(spec, options);
    if (static_cast<int>(m_base.size()) != m_model.parameterCount())
        throw std::invalid_argument("lora: the base vector has " + std::to_string(m_base.size()) +
                                    " values, the model " +
                                    std::to_string(m_model.parameterCount()));
    m_scale = static_cast<Scalar>(options.alpha / options.rank);
    const int adapted = m_model.layerCount() - (options.adaptOutputLayer ? 0 : 1);
    int offset = 0;
    for (int l = 0; l < adapted; ++l) {
        LoraAdapter a;
        a.layer = l;
        a.inputs = m_model.layer(l).inputs;
        a.outputs = m_model.layer(l).outputs;
        a.aOffset = offset;
        a.bOffset = offset + options.rank * a.inputs;
        offset = a.bOffset + a.outputs * options.rank;
        m_adapters.push_back(a);
    }
    m_parameterCount = offset;
    m_merged.resize(m_model.parameterCount());
    m_fullGrad.resize(m_model.parameterCount());
}

template <typename Scalar>
void LoraModel<Scalar>::initialize(std::uint64_t seed, Scalar* trainable) const
{
    Rng rng(seed, kStreamLoraInit);
    const int r = m_options.rank;
    for (const LoraAdapter& a : m_adapters) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(a.inputs));
        for (int i = 0; i < r * a.inputs; ++i)
            trainable[a.aOffset + i] = static_cast<Scalar>(rng.uniform(-bound, bound));
        std::fill(trainable + a.bOffset, trainable + a.bOffset + a.outputs * r, Scalar(0));
    }
}

template <typename Scalar>
void LoraModel<Scalar>::merge(const Scalar* trainable, Scalar* merged) const
{
    std::copy(m_base.begin(), m_base.end(), merged);
    const int r = m_options.rank;
    for (const LoraAdapter& a : m_adapters) {
        MapMatrix<Scalar> w(merged + m_model.layer(a.layer).weightOffset, a.outputs, a.inputs);
        const ConstMapMatrix<Scalar> A(trainable + a.aOffset, r, a.inputs);
        const ConstMapMatrix<Scalar> B(trainable + a.bOffset, a.outputs, r);
        w.noalias() += m_scale * (B * A);
    }
}

template <typename Scalar>
Scalar LoraModel<Scalar>::lossAndGradient(const Scalar* trainable, const Scalar* X, int n,
                                          const int* labels, const Scalar* targets, Scalar* grad)
{
    merge(trainable, m_merged.data());
    const Scalar value =
        m_model.lossAndGradient(m_merged.data(), X, n, labels, targets, m_fullGrad.data());
    const int r = m_options.rank;
    for (const LoraAdapter& a : m_adapters) {
        // W' = W + s·B·A  ⇒  ∂L/∂A = s·Bᵀ·G, ∂L/∂B = s·G·Aᵀ with G = ∂L/∂W'.
        const ConstMapMatrix<Scalar> G(m_fullGrad.data() + m_model.layer(a.layer).weightOffset,
                                       a.outputs, a.inputs);
        const ConstMapMatrix<Scalar> A(trainable + a.aOffset, r, a.inputs);
        const ConstMapMatrix<Scalar> B(trainable + a.bOffset, a.outputs, r);
        MapMatrix<Scalar> dA(grad + a.aOffset, r, a.inputs);
        MapMatrix<Scalar> dB(grad + a.bOffset, a.outputs, r);
        dA.noalias() = m_scale * (B.transpose() * G);
        dB.noalias() = m_scale * (G * A.transpose());
    }
    return value;
}

template <typename Scalar>
Scalar LoraModel<Scalar>::loss(const Scalar* trainable, const Scalar* X, int n, const int* labels,
                               const Scalar* targets)
{
    merge(trainable, m_merged.data());
    return m_model.loss(m_merged.data(), X, n, labels, targets);
}

template <typename Scalar>
Evaluation LoraModel<Scalar>::evaluate(const Scalar* trainable, const Scalar* X, int n,
                                       const int* labels, const Scalar* targets)
{
    merge(trainable, m_merged.data());
    return m_model.evaluate(m_merged.data(), X, n, labels, targets);
}

template <typename Scalar>
void LoraModel<Scalar>::predict(const Scalar* trainable, const Scalar* X, int n, Scalar* out)
{
    merge(trainable, m_merged.data());
    m_model.predict(m_merged.data(), X, n, out);
}

template class LoraModel<float>;
template class LoraModel<double>;

} // namespace lrlab
