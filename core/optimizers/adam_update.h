#pragma once

#include "core/optimizers/exact_math.h"

#include <cmath>
#include <cstdint>

namespace lrlab::detail {

/// The per-step constants of torch.optim.Adam 1.13 (_single_tensor_adam, amsgrad false), shared
/// by Adam/AdamW and Adam8bit so both update elements identically. Everything Python computes on
/// floats (1 − β^step, lr / bc1, math.sqrt(bc2), 1 − lr·wd, 1 − β) is computed in double first
/// and cast to Scalar only where ATen casts it.
template <typename Scalar> struct AdamCoefficients
{
    AdamCoefficients(double beta1In, double beta2In, double epsIn, double weightDecayIn,
                     std::int64_t step, double learningRate)
    {
        // Python: step = step_t.item() (a float); bias_correction = 1 - beta ** step.
        const double t = static_cast<double>(step);
        const double biasCorrection1 = 1.0 - std::pow(beta1In, t);
        const double biasCorrection2 = 1.0 - std::pow(beta2In, t);
        const double stepSize = learningRate / biasCorrection1;
        beta1 = static_cast<Scalar>(beta1In);
        beta2 = static_cast<Scalar>(beta2In);
        oneMinusBeta1 = static_cast<Scalar>(1.0 - beta1In);
        oneMinusBeta2 = static_cast<Scalar>(1.0 - beta2In);
        bc2Sqrt = static_cast<Scalar>(std::sqrt(biasCorrection2));
        eps = static_cast<Scalar>(epsIn);
        negStepSize = static_cast<Scalar>(-stepSize);
        weightDecay = static_cast<Scalar>(weightDecayIn);
        // AdamW: param.mul_(1 - lr * weight_decay).
        decayFactor = static_cast<Scalar>(1.0 - learningRate * weightDecayIn);
    }

    Scalar beta1, beta2, oneMinusBeta1, oneMinusBeta2, bc2Sqrt, eps, negStepSize;
    Scalar weightDecay; ///< AdamDecay::Coupled: g += wd·θ
    Scalar decayFactor; ///< AdamDecay::Decoupled: θ *= 1 − lr·wd
};

/// How Adam applies weight decay: not at all, coupled as Adam's (g += wd·θ) or decoupled as
/// AdamW's (θ *= 1 − lr·wd before the update, applied even when wd is 0).
enum class AdamDecay { None, Coupled, Decoupled };

/// One element of Adam's update: the weight decay, the moments m and v, then θ, with ATen's
/// rounding (exact_math.h).
template <typename Scalar>
inline void adamUpdate(Scalar& theta, Scalar g, Scalar& m, Scalar& v,
                       const AdamCoefficients<Scalar>& c, AdamDecay decay)
{
    if (decay == AdamDecay::Decoupled)
        theta = theta * c.decayFactor; // param.mul_(1 - lr * weight_decay)
    else if (decay == AdamDecay::Coupled)
        g = torchAdd(g, theta, c.weightDecay);             // grad.add(param, alpha=weight_decay)
    m = torchAdd(m * c.beta1, g, c.oneMinusBeta1);         // exp_avg.mul_(β1).add_(g, 1 - β1)
    v = torchAddcmul(v * c.beta2, g, g, c.oneMinusBeta2);  // exp_avg_sq.mul_(β2).addcmul_(...)
    const Scalar denom = std::sqrt(v) / c.bc2Sqrt + c.eps; // (v.sqrt() / bc2s).add_(eps)
    theta = torchAddcdiv(theta, m, denom, c.negStepSize);
}

} // namespace lrlab::detail
