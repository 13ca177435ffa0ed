#include "core/optimizers/adagrad.h"

#include "core/optimizers/exact_math.h"
#include "core/util/target_clones.h"

#include <cmath>

namespace lrlab {

// Per element, as torch.optim.Adagrad 1.13 (_single_tensor_adagrad, lr_decay 0, initial
// accumulator 0) with ATen's rounding (exact_math.h). clr is computed in double like Python.

template <typename Scalar>
Adagrad<Scalar>::Adagrad(const AdagradOptions& options) : m_options(options)
{
}

template <typename Scalar> void Adagrad<Scalar>::reset(int dimension)
{
    m_sum.setZero(dimension); // initial_accumulator_value 0
    m_step = 0;
}

namespace {

template <typename Scalar> struct AdagradCoefficients
{
    Scalar weightDecay, eps, negClr;
    bool decay;
};

template <typename Scalar>
inline void adagradElements(Scalar* theta, const Scalar* gradient, Scalar* sum, Eigen::Index n,
                            const AdagradCoefficients<Scalar>& c)
{
    for (Eigen::Index i = 0; i < n; ++i) {
        Scalar g = gradient[i];
        if (c.decay)
            g = detail::torchAdd(g, theta[i], c.weightDecay);        // grad.add(param, alpha=wd)
        sum[i] = detail::torchAddcmul(sum[i], g, g, Scalar(1));      // state_sum.addcmul_(g, g)
        const Scalar std = std::sqrt(sum[i]) + c.eps;                // state_sum.sqrt().add_(eps)
        theta[i] = detail::torchAddcdiv(theta[i], g, std, c.negClr); // addcdiv_(value=-clr)
    }
}

// One clone per CPU level (target_clones.h): fma is an instruction there.
LRLAB_TARGET_CLONES void adagradElementsOf(float* theta, const float* gradient, float* sum,
                                           Eigen::Index n, const AdagradCoefficients<float>& c)
{
    adagradElements(theta, gradient, sum, n, c);
}

LRLAB_TARGET_CLONES void adagradElementsOf(double* theta, const double* gradient, double* sum,
                                           Eigen::Index n, const AdagradCoefficients<double>& c)
{
    adagradElements(theta, gradient, sum, n, c);
}

} // namespace

template <typename Scalar>
void Adagrad<Scalar>::step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
                           double learningRate)
{
    ++m_step; // step_t += 1
    // clr = lr / (1 + (step - 1) * lr_decay) with lr_decay 0, kept for the operation order.
    const double lrDecay = 0.0;
    const double clr = learningRate / (1.0 + (static_cast<double>(m_step) - 1.0) * lrDecay);
    const AdagradCoefficients<Scalar> c{static_cast<Scalar>(m_options.weightDecay),
                                        static_cast<Scalar>(m_options.eps),
                                        static_cast<Scalar>(-clr), m_options.weightDecay != 0.0};
    adagradElementsOf(x.data(), grad.data(), m_sum.data(), x.size(), c);
}

template <typename Scalar> std::size_t Adagrad<Scalar>::stateBytes() const
{
    return static_cast<std::size_t>(m_sum.size()) * sizeof(Scalar) + sizeof(m_step);
}

template class Adagrad<double>;
template class Adagrad<float>;

} // namespace lrlab
