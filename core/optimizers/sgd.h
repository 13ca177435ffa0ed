#pragma once

#include "core/optimizers/optimizer.h"

namespace lrlab {

/// Hyper-parameters of Sgd (torch.optim.SGD with dampening 0).
struct SgdOptions
{
    double momentum = 0.0;    ///< heavy-ball coefficient μ, default 0, range [0, 1)
    bool nesterov = false;    ///< Nesterov momentum (Sutskever et al., 2013), default false
    double weightDecay = 0.0; ///< L2 coefficient added to the gradient, default 0, >= 0
};

/// Stochastic gradient descent with optional heavy-ball (Polyak, 1964) or Nesterov momentum,
/// operation by operation as torch.optim.SGD 1.13 (single-tensor path, dampening 0):
/// d = g + wd·θ; b₁ = d, b = μ·b + d; d = nesterov ? d + μ·b : b; θ = θ + (−lr)·d.
/// Rounding as ATen's CPU kernels (see exact_math.h). Owns its buffer; not thread-safe.
template <typename Scalar> class Sgd final : public Optimizer<Scalar>
{
public:
    using Vector = typename Optimizer<Scalar>::Vector;

    explicit Sgd(const SgdOptions& options);
    void reset(int dimension) override;
    void step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
              double learningRate) override;
    /// The momentum buffer, or 0 bytes without momentum (torch allocates none either).
    std::size_t stateBytes() const override;

private:
    SgdOptions m_options;
    Vector m_buffer;          ///< momentum buffer b (empty when μ = 0)
    bool m_hasBuffer = false; ///< torch creates b on the first step as a clone of d
};

extern template class Sgd<double>;
extern template class Sgd<float>;

} // namespace lrlab
