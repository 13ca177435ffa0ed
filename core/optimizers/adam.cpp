#include "core/optimizers/adam.h"

#include "core/optimizers/exact_math.h"

#include <cmath>

namespace lrlab {

// Per element, as torch.optim.Adam / AdamW 1.13 (_single_tensor_adam(w), amsgrad false) with
// ATen's rounding (exact_math.h). Everything Python computes on floats (1 - beta ** step,
// lr / bc1, math.sqrt(bc2), 1 - lr * wd, 1 - beta) is computed here in double first and cast
// to Scalar only where ATen casts it.

template <typename Scalar>
Adam<Scalar>::Adam(const AdamOptions& options) : m_options(options)
{
}

template <typename Scalar>
void Adam<Scalar>::reset(int dimension)
{
    m_first.setZero(dimension);
    m_second.setZero(dimension);
    m_step = 0;
}

template <typename Scalar>
void Adam<Scalar>::step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
                        double learningRate)
{
    ++m_step;  // step_t += 1
    // Python: step = step_t.item() (a float); bias_correction = 1 - beta ** step.
    const double step = static_cast<double>(m_step);
    const double biasCorrection1 = 1.0 - std::pow(m_options.beta1, step);
    const double biasCorrection2 = 1.0 - std::pow(m_options.beta2, step);
    const double stepSize = learningRate / biasCorrection1;
    const double biasCorrection2Sqrt = std::sqrt(biasCorrection2);

    const bool decoupled = m_options.decoupled;
    const bool coupledDecay = !decoupled && m_options.weightDecay != 0.0;
    // AdamW: param.mul_(1 - lr * weight_decay), applied even when weight_decay is 0 (× 1).
    const Scalar decayFactor = static_cast<Scalar>(1.0 - learningRate * m_options.weightDecay);
    const Scalar weightDecay = static_cast<Scalar>(m_options.weightDecay);
    const Scalar beta1 = static_cast<Scalar>(m_options.beta1);
    const Scalar beta2 = static_cast<Scalar>(m_options.beta2);
    const Scalar oneMinusBeta1 = static_cast<Scalar>(1.0 - m_options.beta1);
    const Scalar oneMinusBeta2 = static_cast<Scalar>(1.0 - m_options.beta2);
    const Scalar bc2Sqrt = static_cast<Scalar>(biasCorrection2Sqrt);
    const Scalar eps = static_cast<Scalar>(m_options.eps);
    const Scalar negStepSize = static_cast<Scalar>(-stepSize);

    Scalar* theta = x.data();
    const Scalar* gradient = grad.data();
    Scalar* m = m_first.data();
    Scalar* v = m_second.data();
    const Eigen::Index n = x.size();
    for (Eigen::Index i = 0; i < n; ++i) {
        Scalar g = gradient[i];
        if (decoupled)
            theta[i] = theta[i] * decayFactor;
        else if (coupledDecay)
            g = detail::torchAdd(g, theta[i], weightDecay);  // grad.add(param, alpha=wd)
        m[i] = detail::torchAdd(m[i] * beta1, g, oneMinusBeta1);  // mul_(β1).add_(g, 1 - β1)
        // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        v[i] = detail::torchAddcmul(v[i] * beta2, g, g, oneMinusBeta2);
        const Scalar denom = std::sqrt(v[i]) / bc2Sqrt + eps;  // (v.sqrt() / bc2s).add_(eps)
        theta[i] = detail::torchAddcdiv(theta[i], m[i], denom, negStepSize);
    }
}

template <typename Scalar>
std::size_t Adam<Scalar>::stateBytes() const
{
    return static_cast<std::size_t>(m_first.size() + m_second.size()) * sizeof(Scalar) +
           sizeof(m_step);
}

template class Adam<double>;
template class Adam<float>;

}  // namespace lrlab
