#include "core/optimizers/adam.h"

#include "core/optimizers/adam_update.h"

#include <cmath>

namespace lrlab {

// Per element, as torch.optim.Adam / AdamW 1.13 (_single_tensor_adam(w), amsgrad false) with
// ATen's rounding: the constants and the element update of adam_update.h.

template <typename Scalar> Adam<Scalar>::Adam(const AdamOptions& options) : m_options(options) {}

template <typename Scalar> void Adam<Scalar>::reset(int dimension)
{
    m_first.setZero(dimension);
    m_second.setZero(dimension);
    m_step = 0;
}

template <typename Scalar>
void Adam<Scalar>::step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
                        double learningRate)
{
    ++m_step; // step_t += 1
    const detail::AdamCoefficients<Scalar> c(m_options.beta1, m_options.beta2, m_options.eps,
                                             m_options.weightDecay, m_step, learningRate);
    using detail::AdamDecay;
    // AdamW's decay is applied even when weight_decay is 0 (× 1), Adam's only when it is not 0.
    const AdamDecay decay = m_options.decoupled            ? AdamDecay::Decoupled
                            : m_options.weightDecay != 0.0 ? AdamDecay::Coupled
                                                           : AdamDecay::None;
    Scalar* theta = x.data();
    const Scalar* gradient = grad.data();
    Scalar* m = m_first.data();
    Scalar* v = m_second.data();
    const Eigen::Index n = x.size();
    for (Eigen::Index i = 0; i < n; ++i)
        detail::adamUpdate(theta[i], gradient[i], m[i], v[i], c, decay);
}

template <typename Scalar> std::size_t Adam<Scalar>::stateBytes() const
{
    return static_cast<std::size_t>(m_first.size() + m_second.size()) * sizeof(Scalar) +
           sizeof(m_step);
}

template class Adam<double>;
template class Adam<float>;

} // namespace lrlab
