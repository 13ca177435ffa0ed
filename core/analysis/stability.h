#pragma once

#include <Eigen/Core>

namespace lrlab {

/// Step-size theory for gradient descent on a quadratic (docs/semantics.md §2.6), applied to the
/// Hessian at a point: λ₁ ≥ … ≥ λₙ its eigenvalues.
struct StabilityLimits
{
    double lambdaMax = 0.0;        ///< λ₁
    double lambdaMin = 0.0;        ///< λₙ
    double stableLr = 0.0;         ///< 2/λ₁ (+inf when λ₁ <= 0: no curvature limit)
    double stableLrMomentum = 0.0; ///< 2(1+β)/λ₁ for heavy-ball momentum β
    double bestLr = 0.0;           ///< 2/(λ₁+λₙ) when λₙ > 0, else NaN
    double contraction = 0.0; ///< (κ−1)/(κ+1) at the best rate, κ = λ₁/λₙ; NaN if λₙ <= 0
};

/// Limits from a symmetric Hessian and a momentum coefficient β in [0, 1).
StabilityLimits stabilityLimits(const Eigen::MatrixXd& hessian, double momentum = 0.0);

} // namespace lrlab
