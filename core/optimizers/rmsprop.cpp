#include "core/optimizers/rmsprop.h"

#include "core/optimizers/exact_math.h"

#include <cmath>

namespace lrlab {

// Per element, as torch.optim.RMSprop 1.13 (_single_tensor_rmsprop, centered false) with ATen's
// rounding (exact_math.h). Python floats are cast to Scalar where ATen casts them.

template <typename Scalar>
Rmsprop<Scalar>::Rmsprop(const RmspropOptions& options) : m_options(options)
{
}

template <typename Scalar> void Rmsprop<Scalar>::reset(int dimension)
{
    m_squareAverage.setZero(dimension);                         // state['square_avg']
    m_buffer.setZero(m_options.momentum > 0.0 ? dimension : 0); // state['momentum_buffer']
}

template <typename Scalar>
void Rmsprop<Scalar>::step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
                           double learningRate)
{
    const Scalar weightDecay = static_cast<Scalar>(m_options.weightDecay);
    const Scalar alpha = static_cast<Scalar>(m_options.alpha);
    const Scalar oneMinusAlpha = static_cast<Scalar>(1.0 - m_options.alpha);
    const Scalar eps = static_cast<Scalar>(m_options.eps);
    const Scalar momentum = static_cast<Scalar>(m_options.momentum);
    const Scalar negLr = static_cast<Scalar>(-learningRate);
    const bool decay = m_options.weightDecay != 0.0;
    const bool useMomentum = m_options.momentum > 0.0;
    Scalar* theta = x.data();
    const Scalar* gradient = grad.data();
    Scalar* v = m_squareAverage.data();
    Scalar* buffer = m_buffer.data();
    const Eigen::Index n = x.size();
    for (Eigen::Index i = 0; i < n; ++i) {
        Scalar g = gradient[i];
        if (decay)
            g = detail::torchAdd(g, theta[i], weightDecay); // grad.add(param, alpha=wd)
        // square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
        v[i] = detail::torchAddcmul(v[i] * alpha, g, g, oneMinusAlpha);
        const Scalar avg = std::sqrt(v[i]) + eps; // square_avg.sqrt().add_(eps)
        if (useMomentum) {
            // buf.mul_(momentum).addcdiv_(grad, avg); param.add_(buf, alpha=-lr)
            buffer[i] = detail::torchAddcdiv(buffer[i] * momentum, g, avg, Scalar(1));
            theta[i] = detail::torchAdd(theta[i], buffer[i], negLr);
        } else {
            theta[i] = detail::torchAddcdiv(theta[i], g, avg, negLr); // addcdiv_(value=-lr)
        }
    }
}

template <typename Scalar> std::size_t Rmsprop<Scalar>::stateBytes() const
{
    return static_cast<std::size_t>(m_squareAverage.size() + m_buffer.size()) * sizeof(Scalar);
}

template class Rmsprop<double>;
template class Rmsprop<float>;

} // namespace lrlab
