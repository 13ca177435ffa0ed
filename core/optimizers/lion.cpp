#include "core/optimizers/lion.h"

#include "core/optimizers/exact_math.h"

namespace lrlab {

// Per element, lion-pytorch's update_fn with ATen's rounding (exact_math.h):
//   p.data.mul_(1 - lr * wd)
//   update = exp_avg.clone().mul_(beta1).add(grad, alpha=1 - beta1).sign_()
//   p.add_(update, alpha=-lr)
//   exp_avg.mul_(beta2).add_(grad, alpha=1 - beta2)

template <typename Scalar> Lion<Scalar>::Lion(const LionOptions& options) : m_options(options) {}

template <typename Scalar> void Lion<Scalar>::reset(int dimension)
{
    m_momentum.setZero(dimension); // state['exp_avg'] = zeros_like(p)
}

template <typename Scalar>
void Lion<Scalar>::step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
                        double learningRate)
{
    const Scalar decay = static_cast<Scalar>(1.0 - learningRate * m_options.weightDecay);
    const Scalar beta1 = static_cast<Scalar>(m_options.beta1);
    const Scalar beta2 = static_cast<Scalar>(m_options.beta2);
    const Scalar oneMinusBeta1 = static_cast<Scalar>(1.0 - m_options.beta1);
    const Scalar oneMinusBeta2 = static_cast<Scalar>(1.0 - m_options.beta2);
    const Scalar negLr = static_cast<Scalar>(-learningRate);
    Scalar* theta = x.data();
    const Scalar* g = grad.data();
    Scalar* m = m_momentum.data();
    const Eigen::Index n = x.size();
    for (Eigen::Index i = 0; i < n; ++i) {
        theta[i] = theta[i] * decay;
        const Scalar interpolated = detail::torchAdd(m[i] * beta1, g[i], oneMinusBeta1);
        const Scalar update = detail::torchSign(interpolated);
        theta[i] = detail::torchAdd(theta[i], update, negLr);
        m[i] = detail::torchAdd(m[i] * beta2, g[i], oneMinusBeta2);
    }
}

template <typename Scalar> std::size_t Lion<Scalar>::stateBytes() const
{
    return static_cast<std::size_t>(m_momentum.size()) * sizeof(Scalar);
}

template class Lion<double>;
template class Lion<float>;

} // namespace lrlab
