#include "core/optimizers/sgd.h"

#include "core/optimizers/exact_math.h"

namespace lrlab {

// Per element, as torch.optim.SGD 1.13 (_single_tensor_sgd) with ATen's rounding (exact_math.h).
// Python floats are cast to Scalar where ATen casts them (Scalar::to<scalar_t>()).

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
    const Scalar weightDecay = static_cast<Scalar>(m_options.weightDecay);
    const Scalar momentum = static_cast<Scalar>(m_options.momentum);
    const Scalar negLr = static_cast<Scalar>(-learningRate);
    const bool decay = m_options.weightDecay != 0.0;
    const bool useMomentum = m_options.momentum != 0.0;
    const bool firstBuffer = useMomentum && !m_hasBuffer;
    Scalar* theta = x.data();
    const Scalar* g = grad.data();
    Scalar* buffer = m_buffer.data();
    const Eigen::Index n = x.size();
    for (Eigen::Index i = 0; i < n; ++i) {
        Scalar d = g[i];
        if (decay)
            d = detail::torchAdd(d, theta[i], weightDecay); // d_p.add(param, alpha=wd)
        if (useMomentum) {
            if (firstBuffer)
                buffer[i] = d; // torch.clone(d_p)
            else
                buffer[i] = buffer[i] * momentum + d; // mul_(μ).add_(d_p, alpha=1 - 0)
            if (m_options.nesterov)
                d = detail::torchAdd(d, buffer[i], momentum); // d_p.add(buf, alpha=μ)
            else
                d = buffer[i];
        }
        theta[i] = detail::torchAdd(theta[i], d, negLr); // param.add_(d_p, alpha=-lr)
    }
    m_hasBuffer = useMomentum;
}

template <typename Scalar> std::size_t Sgd<Scalar>::stateBytes() const
{
    return static_cast<std::size_t>(m_buffer.size()) * sizeof(Scalar);
}

template class Sgd<double>;
template class Sgd<float>;

} // namespace lrlab
