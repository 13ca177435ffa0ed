#include "core/optimizers/sgd.h"

#include "core/optimizers/exact_math.h"
#include "core/util/target_clones.h"

namespace lrlab {

// Per element, as torch.optim.SGD 1.13 (_single_tensor_sgd) with ATen's rounding (exact_math.h).
// Python floats are cast to Scalar where ATen casts them (Scalar::to<scalar_t>()).

namespace {

/// One step's settings of the element loop.
template <typename Scalar> struct SgdElements
{
    Scalar weightDecay, momentum, negLr;
    bool decay, useMomentum, firstBuffer, nesterov;
};

/// The element loop for one combination of the step's switches. They are template arguments so
/// that each combination is a straight loop the compiler vectorizes (the arrays never overlap);
/// every element goes through the same operations as with run-time switches.
template <bool Decay, bool Momentum, bool FirstBuffer, bool Nesterov, typename Scalar>
inline void sgdLoop(const SgdElements<Scalar>& e, Scalar* __restrict theta,
                    const Scalar* __restrict g, Scalar* __restrict buffer, Eigen::Index n)
{
    const Scalar weightDecay = e.weightDecay, momentum = e.momentum, negLr = e.negLr;
    for (Eigen::Index i = 0; i < n; ++i) {
        Scalar d = g[i];
        if constexpr (Decay)
            d = detail::torchAdd(d, theta[i], weightDecay); // d_p.add(param, alpha=wd)
        if constexpr (Momentum) {
            Scalar b;
            if constexpr (FirstBuffer)
                b = d; // torch.clone(d_p)
            else
                b = buffer[i] * momentum + d; // mul_(μ).add_(d_p, alpha=1 - 0)
            buffer[i] = b;
            if constexpr (Nesterov)
                d = detail::torchAdd(d, b, momentum); // d_p.add(buf, alpha=μ)
            else
                d = b;
        }
        theta[i] = detail::torchAdd(theta[i], d, negLr); // param.add_(d_p, alpha=-lr)
    }
}

template <bool Decay, typename Scalar>
inline void sgdMomentumLoops(const SgdElements<Scalar>& e, Scalar* theta, const Scalar* g,
                             Scalar* buffer, Eigen::Index n)
{
    if (!e.useMomentum)
        sgdLoop<Decay, false, false, false>(e, theta, g, buffer, n);
    else if (e.firstBuffer)
        e.nesterov ? sgdLoop<Decay, true, true, true>(e, theta, g, buffer, n)
                   : sgdLoop<Decay, true, true, false>(e, theta, g, buffer, n);
    else
        e.nesterov ? sgdLoop<Decay, true, false, true>(e, theta, g, buffer, n)
                   : sgdLoop<Decay, true, false, false>(e, theta, g, buffer, n);
}

template <typename Scalar>
inline void sgdElements(const SgdElements<Scalar>& e, Scalar* theta, const Scalar* g,
                        Scalar* buffer, Eigen::Index n)
{
    if (e.decay)
        sgdMomentumLoops<true>(e, theta, g, buffer, n);
    else
        sgdMomentumLoops<false>(e, theta, g, buffer, n);
}

LRLAB_TARGET_CLONES void sgdElementsOf(const SgdElements<float>& e, float* theta, const float* g,
                                       float* buffer, Eigen::Index n)
{
    sgdElements(e, theta, g, buffer, n);
}

LRLAB_TARGET_CLONES void sgdElementsOf(const SgdElements<double>& e, double* theta, const double* g,
                                       double* buffer, Eigen::Index n)
{
    sgdElements(e, theta, g, buffer, n);
}

} // namespace

template <typename Scalar> Sgd<Scalar>::Sgd(const SgdOptions& options) : m_options(options) {}

template <typename Scalar> void Sgd<Scalar>::reset(int dimension)
{
    m_buffer.setZero(m_options.momentum != 0.0 ? dimension : 0);
    m_hasBuffer = false;
}

template <typename Scalar>
void Sgd<Scalar>::step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
                       double learningRate)
{
    SgdElements<Scalar> e;
    e.weightDecay = static_cast<Scalar>(m_options.weightDecay);
    e.momentum = static_cast<Scalar>(m_options.momentum);
    e.negLr = static_cast<Scalar>(-learningRate);
    e.decay = m_options.weightDecay != 0.0;
    e.useMomentum = m_options.momentum != 0.0;
    e.firstBuffer = e.useMomentum && !m_hasBuffer;
    e.nesterov = m_options.nesterov;
    sgdElementsOf(e, x.data(), grad.data(), m_buffer.data(), x.size());
    m_hasBuffer = e.useMomentum;
}

template <typename Scalar> std::size_t Sgd<Scalar>::stateBytes() const
{
    return static_cast<std::size_t>(m_buffer.size()) * sizeof(Scalar);
}

template class Sgd<double>;
template class Sgd<float>;

} // namespace lrlab
