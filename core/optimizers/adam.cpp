#include "core/optimizers/adam.h"

#include "core/optimizers/adam_update.h"
#include "core/util/target_clones.h"

#include <cmath>

namespace lrlab {

// Per element, as torch.optim.Adam / AdamW 1.13 (_single_tensor_adam(w), amsgrad false) with
// ATen's rounding: the constants and the element update of adam_update.h.

namespace {

template <typename Scalar>
inline void adamElements(Scalar* theta, const Scalar* gradient, Scalar* m, Scalar* v,
                         Eigen::Index n, const detail::AdamCoefficients<Scalar>& c,
                         detail::AdamDecay decay)
{
    for (Eigen::Index i = 0; i < n; ++i)
        detail::adamUpdate(theta[i], gradient[i], m[i], v[i], c, decay);
}

LRLAB_TARGET_CLONES void adamElementsOf(float* theta, const float* gradient, float* m, float* v,
                                        Eigen::Index n, const detail::AdamCoefficients<float>& c,
                                        detail::AdamDecay decay)
{
    adamElements(theta, gradient, m, v, n, c, decay);
}

LRLAB_TARGET_CLONES void adamElementsOf(double* theta, const double* gradient, double* m, double* v,
                                        Eigen::Index n, const detail::AdamCoefficients<double>& c,
                                        detail::AdamDecay decay)
{
    adamElements(theta, gradient, m, v, n, c, decay);
}

} // namespace

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
    adamElementsOf(x.data(), grad.data(), m_first.data(), m_second.data(), x.size(), c, decay);
}

template <typename Scalar> std::size_t Adam<Scalar>::stateBytes() const
{
    return static_cast<std::size_t>(m_first.size() + m_second.size()) * sizeof(Scalar) +
           sizeof(m_step);
}

template class Adam<double>;
template class Adam<float>;

} // namespace lrlab
