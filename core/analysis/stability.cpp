#include "core/analysis/stability.h"

#include <Eigen/Eigenvalues>

#include <cmath>
#include <limits>

namespace lrlab {

StabilityLimits stabilityLimits(const Eigen::MatrixXd& hessian, double momentum)
{
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    StabilityLimits limits;
    if (hessian.size() == 0 || !hessian.allFinite()) {
        limits.lambdaMax = limits.lambdaMin = nan;
        limits.stableLr = limits.stableLrMomentum = inf;
        limits.bestLr = limits.contraction = nan;
        return limits;
    }
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(hessian, Eigen::EigenvaluesOnly);
    const Eigen::VectorXd& eig = solver.eigenvalues(); // ascending
    limits.lambdaMax = eig(eig.size() - 1);
    limits.lambdaMin = eig(0);
    if (limits.lambdaMax > 0.0) {
        limits.stableLr = 2.0 / limits.lambdaMax;
        limits.stableLrMomentum = 2.0 * (1.0 + momentum) / limits.lambdaMax;
    } else {
        limits.stableLr = limits.stableLrMomentum = inf;
    }
    if (limits.lambdaMin > 0.0) {
        limits.bestLr = 2.0 / (limits.lambdaMax + limits.lambdaMin);
        const double kappa = limits.lambdaMax / limits.lambdaMin;
        limits.contraction = (kappa - 1.0) / (kappa + 1.0);
    } else {
        limits.bestLr = limits.contraction = nan;
    }
    return limits;
}

} // namespace lrlab
