#pragma once

#include "core/optimizers/optimizer.h"

namespace lrlab {

/// Hyper-parameters of Lion.
struct LionOptions
{
    double beta1 = 0.9;       ///< interpolation for the update sign, default 0.9, range [0, 1)
    double beta2 = 0.99;      ///< momentum decay, default 0.99, range [0, 1)
    double weightDecay = 0.0; ///< decoupled decay, default 0, >= 0
};

/// Lion, "EvoLved Sign Momentum" (Chen et al., 2023), operation by operation as lucidrains'
/// lion-pytorch update_fn: θ = θ·(1 − lr·wd); u = sign(m·β1 + (1−β1)·g) (sign(0) = 0);
/// θ = θ + (−lr)·u; m = m·β2 + (1−β2)·g. Rounding as ATen's CPU kernels
/// (see exact_math.h). Not thread-safe.
template <typename Scalar> class Lion final : public Optimizer<Scalar>
{
public:
    using Vector = typename Optimizer<Scalar>::Vector;

    explicit Lion(const LionOptions& options);
    void reset(int dimension) override;
    void step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
              double learningRate) override;
    /// The momentum m (lion-pytorch keeps no step counter).
    std::size_t stateBytes() const override;

private:
    LionOptions m_options;
    Vector m_momentum; ///< m
};

extern template class Lion<double>;
extern template class Lion<float>;

} // namespace lrlab
