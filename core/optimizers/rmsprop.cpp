#include "core/optimizers/rmsprop.h"

#include "core/optimizers/exact_math.h"
#include "core/util/target_clones.h"

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

namespace {

template <typename Scalar> struct RmspropCoefficients
{
    Scalar weightDecay, alpha, oneMinusAlpha, eps, momentum, negLr;
    bool decay, useMomentum;
};

template <typename Scalar>
inline void rmspropElements(Scalar* theta, const Scalar* gradient, Scalar* v, Scalar* buffer,
                            Eigen::Index n, const RmspropCoefficients<Scalar>& c)
{
    for (Eigen::Index i = 0; i < n; ++i) {
        Scalar g = gradient[i];
        if (c.decay)
            g = detail::torchAdd(g, theta[i], c.weightDecay); // grad.add(param, alpha=wd)
        // square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
        v[i] = detail::torchAddcmul(v[i] * c.alpha, g, g, c.oneMinusAlpha);
        const Scalar avg = std::sqrt(v[i]) + c.eps; // square_avg.sqrt().add_(eps)
        if (c.useMomentum) {
            // buf.mul_(momentum).addcdiv_(grad, avg); param.add_(buf, alpha=-lr)
            buffer[i] = detail::torchAddcdiv(buffer[i] * c.momentum, g, avg, Scalar(1));
            theta[i] = detail::torchAdd(theta[i], buffer[i], c.negLr);
        } else {
            theta[i] = detail::torchAddcdiv(theta[i], g, avg, c.negLr); // addcdiv_(value=-lr)
        }
    }
}

// One clone per CPU level (target_clones.h): fma is an instruction there.
LRLAB_TARGET_CLONES void rmspropElementsOf(float* theta, const float* gradient, float* v,
                                           float* buffer, Eigen::Index n,
                                           const RmspropCoefficients<float>& c)
{
    rmspropElements(theta, gradient, v, buffer, n, c);
}

LRLAB_TARGET_CLONES void rmspropElementsOf(double* theta, const double* gradient, double* v,
                                           double* buffer, Eigen::Index n,
                                           const RmspropCoefficients<double>& c)
{
    rmspropElements(theta, gradient, v, buffer, n, c);
}

} // namespace

template <typename Scalar>
void Rmsprop<Scalar>::step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
                           double learningRate)
{
    const RmspropCoefficients<Scalar> c{static_cast<Scalar>(m_options.weightDecay),
                                        static_cast<Scalar>(m_options.alpha),
                                        static_cast<Scalar>(1.0 - m_options.alpha),
                                        static_cast<Scalar>(m_options.eps),
                                        static_cast<Scalar>(m_options.momentum),
                                        static_cast<Scalar>(-learningRate),
                                        m_options.weightDecay != 0.0,
                                        m_options.momentum > 0.0};
    rmspropElementsOf(x.data(), grad.data(), m_squareAverage.data(), m_buffer.data(), x.size(), c);
}

template <typename Scalar> std::size_t Rmsprop<Scalar>::stateBytes() const
{
    return static_cast<std::size_t>(m_squareAverage.size() + m_buffer.size()) * sizeof(Scalar);
}

template class Rmsprop<double>;
template class Rmsprop<float>;

} // namespace lrlab
