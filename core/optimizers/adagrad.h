#pragma once

#include "core/optimizers/optimizer.h"

#include <cstdint>

namespace lrlab {

/// Hyper-parameters of Adagrad (torch.optim.Adagrad, lr_decay 0, initial accumulator 0).
struct AdagradOptions
{
    double eps = 1e-10;       ///< added to √s, default 1e-10, > 0
    double weightDecay = 0.0; ///< L2 coefficient added to the gradient, default 0, >= 0
};

/// Adagrad (Duchi, Hazan & Singer, 2011), operation by operation as torch.optim.Adagrad 1.13
/// (single-tensor path): g = g + wd·θ; clr = lr / (1 + (t−1)·0); s = s + (1·g)·g;
/// θ = θ + ((−clr)·g)/(√s + eps). Rounding as ATen's CPU kernels
/// (see exact_math.h). Not thread-safe.
template <typename Scalar> class Adagrad final : public Optimizer<Scalar>
{
public:
    using Vector = typename Optimizer<Scalar>::Vector;

    explicit Adagrad(const AdagradOptions& options);
    void reset(int dimension) override;
    void step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
              double learningRate) override;
    /// The sum of squares s plus the step counter.
    std::size_t stateBytes() const override;

private:
    AdagradOptions m_options;
    Vector m_sum;            ///< s
    std::int64_t m_step = 0; ///< t (torch keeps it for lr_decay, which is 0 here)
};

extern template class Adagrad<double>;
extern template class Adagrad<float>;

} // namespace lrlab
