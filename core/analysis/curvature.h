#pragma once

#include "core/config/run_config.h"
#include "core/engine/model_problem.h"
#include "core/engine/run_status.h"

#include <Eigen/Core>

#include <cstdint>
#include <functional>
#include <vector>

namespace lrlab {

/// Settings of the Hessian eigenvalue estimate (docs/semantics.md §2.6, models).
struct CurvatureOptions
{
    /// Lanczos iterations at most (each one Hessian-vector product = two gradients); the
    /// estimate stops earlier when both extreme Ritz values have converged. Capped at the
    /// dimension, where Lanczos is exact.
    int maxIterations = 80;
    /// Relative convergence tolerance of the extreme Ritz values (residual / |λ|).
    double tolerance = 1e-6;
    /// Finite-difference step of a Hessian-vector product, relative to max(1, ‖θ‖): the
    /// product is (∇f(θ + εv) − ∇f(θ − εv)) / 2ε with ‖v‖ = 1. In double precision 1e-5 keeps
    /// the truncation error (ε²) and the rounding error (1e-16/ε) both near 1e-10.
    double relativeStep = 1e-5;
    std::uint64_t seed = 1; ///< the seeded start vector (deterministic)
    /// Models: at most this many training rows enter the loss (the first rows of the split),
    /// so the estimate of a Fashion-MNIST model stays a fraction of a second. 0 = all.
    int maxRows = 4096;
    const CancelFlag* cancel = nullptr; ///< checked once per iteration
};

/// The extreme eigenvalues λ₁ (largest) and λₙ (smallest) of a Hessian, as estimated.
struct CurvatureEstimate
{
    double lambdaMax = 0.0;
    double lambdaMin = 0.0;
    int iterations = 0;     ///< Lanczos steps (Hessian-vector products) done
    bool converged = false; ///< both Ritz residuals under the tolerance (or the space exhausted)
    bool cancelled = false;
};

/// Writes ∇f(x) into grad (sized by the caller to x.size()).
using GradientFunction = std::function<void(const Eigen::VectorXd& x, Eigen::VectorXd& grad)>;

/// λ₁ and λₙ of the Hessian of f at x, by the Lanczos method with full re-orthogonalization on
/// Hessian-vector products from central finite differences of gradient. The start vector is
/// N(0, I) from Rng(options.seed, stream 5), so the result is deterministic. For dimension n
/// the method is exact (up to the finite differences) after n iterations. Not thread-safe only
/// in so far as gradient is not.
CurvatureEstimate hessianExtremeEigenvalues(const GradientFunction& gradient,
                                            const Eigen::VectorXd& x,
                                            const CurvatureOptions& options = {});

/// The extreme Hessian eigenvalues of the mean loss over problem's training split (the first
/// options.maxRows rows of it) at params, with a Model<double> on the standardized rows.
CurvatureEstimate modelCurvature(const ModelProblem& problem, const std::vector<double>& params,
                                 const CurvatureOptions& options = {});

/// The parameters a run of config starts from: config.init when given, else the seeded
/// float initialization of Model<float> (as runModel), widened to double.
std::vector<double> modelStartParameters(const RunConfig& config, const ModelProblem& problem);

} // namespace lrlab
