#pragma once

#include "core/optimizers/optimizer.h"

#include <cstdint>

namespace lrlab {

/// Hyper-parameters of Adam and AdamW (torch.optim.Adam / AdamW, amsgrad false).
struct AdamOptions
{
    double beta1 = 0.9;       ///< first-moment decay β1, default 0.9, range [0, 1)
    double beta2 = 0.999;     ///< second-moment decay β2, default 0.999, range [0, 1)
    double eps = 1e-8;        ///< added to √v̂, default 1e-8, > 0
    double weightDecay = 0.0; ///< default 0 (adam) or 0.01 (adamw), >= 0
    bool decoupled = false;   ///< true: AdamW's θ *= 1 − lr·wd instead of g += wd·θ
};

/// Adam (Kingma & Ba, 2015) and, with decoupled weight decay, AdamW (Loshchilov & Hutter, 2019),
/// operation by operation as torch.optim.Adam / AdamW 1.13 (single-tensor path):
/// adamw: θ = θ·(1 − lr·wd); adam: g = g + wd·θ; m = m·β1 + (1−β1)·g; v = v·β2 + ((1−β2)·g)·g;
/// bc1 = 1 − β1ᵗ, bc2 = 1 − β2ᵗ, step = lr/bc1 (in double, like Python);
/// θ = θ + ((−step)·m)/(√v/√bc2 + eps). Rounding as ATen's CPU kernels
/// (see exact_math.h). Not thread-safe.
template <typename Scalar> class Adam final : public Optimizer<Scalar>
{
public:
    using Vector = typename Optimizer<Scalar>::Vector;

    explicit Adam(const AdamOptions& options);
    void reset(int dimension) override;
    void step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
              double learningRate) override;
    /// m and v plus the step counter.
    std::size_t stateBytes() const override;

private:
    AdamOptions m_options;
    Vector m_first;          ///< m
    Vector m_second;         ///< v
    std::int64_t m_step = 0; ///< t, counted from 1 at the first step
};

extern template class Adam<double>;
extern template class Adam<float>;

} // namespace lrlab
