#include "core/optimizers/lion.h"

#include "core/optimizers/exact_math.h"
#include "core/util/target_clones.h"

namespace lrlab {

// Per element, lion-pytorch's update_fn with ATen's rounding (exact_math.h):
//   p.data.mul_(1 - lr * wd)
//   update = exp_avg.clone().mul_(beta1).add(grad, alpha=1 - beta1).sign_()
//   p.add_(update, alpha=-lr)
//   exp_avg.mul_(beta2).add_(grad, alpha=1 - beta2)

namespace {

template <typename Scalar> struct LionCoefficients
{
    Scalar decay, beta1, beta2, oneMinusBeta1, oneMinusBeta2, negLr;
};

template <typename Scalar>
inline void lionElements(Scalar* theta, const Scalar* g, Scalar* m, Eigen::Index n,
                         const LionCoefficients<Scalar>& c)
{
    for (Eigen::Index i = 0; i < n; ++i) {
        theta[i] = theta[i] * c.decay;
        const Scalar interpolated = detail::torchAdd(m[i] * c.beta1, g[i], c.oneMinusBeta1);
        const Scalar update = detail::torchSign(interpolated);
        theta[i] = detail::torchAdd(theta[i], update, c.negLr);
        m[i] = detail::torchAdd(m[i] * c.beta2, g[i], c.oneMinusBeta2);
    }
}

// One clone per CPU level (target_clones.h): the fma of torchAdd is an instruction there.
LRLAB_TARGET_CLONES void lionElementsOf(float* theta, const float* g, float* m, Eigen::Index n,
                                        const LionCoefficients<float>& c)
{
    lionElements(theta, g, m, n, c);
}

LRLAB_TARGET_CLONES void lionElementsOf(double* theta, const double* g, double* m, Eigen::Index n,
                                        const LionCoefficients<double>& c)
{
    lionElements(theta, g, m, n, c);
}

} // namespace

template <typename Scalar> Lion<Scalar>::Lion(const LionOptions& options) : m_options(options) {}

template <typename Scalar> void Lion<Scalar>::reset(int dimension)
{
    m_momentum.setZero(dimension); // state['exp_avg'] = zeros_like(p)
}

template <typename Scalar>
void Lion<Scalar>::step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
                        double learningRate)
{
    const LionCoefficients<Scalar> c{
        static_cast<Scalar>(1.0 - learningRate * m_options.weightDecay),
        static_cast<Scalar>(m_options.beta1),
        static_cast<Scalar>(m_options.beta2),
        static_cast<Scalar>(1.0 - m_options.beta1),
        static_cast<Scalar>(1.0 - m_options.beta2),
        static_cast<Scalar>(-learningRate)};
    lionElementsOf(x.data(), grad.data(), m_momentum.data(), x.size(), c);
}

template <typename Scalar> std::size_t Lion<Scalar>::stateBytes() const
{
    return static_cast<std::size_t>(m_momentum.size()) * sizeof(Scalar);
}

template class Lion<double>;
template class Lion<float>;

} // namespace lrlab
