#pragma once

#include "core/optimizers/optimizer.h"

namespace lrlab {

/// Hyper-parameters of Rmsprop (torch.optim.RMSprop, centered false).
struct RmspropOptions
{
    double alpha = 0.99;      ///< smoothing constant α, default 0.99, range [0, 1)
    double eps = 1e-8;        ///< added to √v, default 1e-8, > 0
    double momentum = 0.0;    ///< momentum on g/(√v + eps), default 0, range [0, 1)
    double weightDecay = 0.0; ///< L2 coefficient added to the gradient, default 0, >= 0
};

/// RMSprop (Tieleman & Hinton, 2012, lecture 6.5), operation by operation as
/// torch.optim.RMSprop 1.13 (single-tensor path, centered false):
/// g = g + wd·θ; v = v·α + ((1−α)·g)·g; a = √v + eps;
/// momentum: b = b·μ + (1·g)/a, θ = θ + (−lr)·b; else θ = θ + ((−lr)·g)/a.
/// Rounding as ATen's CPU kernels (see exact_math.h): bit-identical to torch in float and double.
template <typename Scalar> class Rmsprop final : public Optimizer<Scalar>
{
public:
    using Vector = typename Optimizer<Scalar>::Vector;

    explicit Rmsprop(const RmspropOptions& options);
    void reset(int dimension) override;
    void step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
              double learningRate) override;
    /// v, plus the momentum buffer when momentum > 0. torch's unused step count is not kept.
    std::size_t stateBytes() const override;

private:
    RmspropOptions m_options;
    Vector m_squareAverage; ///< v
    Vector m_buffer;        ///< momentum buffer (empty when momentum = 0)
};

extern template class Rmsprop<double>;
extern template class Rmsprop<float>;

} // namespace lrlab
