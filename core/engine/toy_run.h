#pragma once

#include "core/config/run_config.h"
#include "core/engine/run_status.h"
#include "core/problems/toy_surface.h"
#include "core/util/rng.h"

#include <Eigen/Core>

#include <vector>

namespace lrlab {

/// The trace of a run on a two-parameter toy surface (docs/semantics.md §3.1): row k = 0..steps
/// holds θ_k (after k updates), f(θ_k) and the LR of update k (the last row repeats the schedule's
/// value at k = steps). A diverged run ends at the first row with a non-finite value.
struct ToyTrace
{
    std::vector<double> learningRate;
    std::vector<double> loss;
    std::vector<double> x;
    std::vector<double> y;
    RunStatus status = RunStatus::Finished;
    int divergedAt = -1;         ///< row of the first non-finite value, or -1
    double lastFiniteLoss = 0.0; ///< loss of the last finite row
    double finalGradientNorm = 0.0;

    int rows() const { return static_cast<int>(loss.size()); }
};

/// The start point of a toy run: config.init, or the surface's default start when it is empty.
/// Throws std::invalid_argument ("init: ...") unless init has 0 or 2 numbers.
Eigen::Vector2d toyStartPoint(const RunConfig& config, const ToySurface& surface);

/// The gradient noise of a toy problem (docs/semantics.md §2.1): adds σ·N(0, I) (σ =
/// config.problem.noise) with draws from Rng(config.seed, kStreamGradientNoise), so a run and an LR
/// range test of the same config see the same draws. One per run; not thread-safe; never allocates.
class ToyGradientNoise
{
public:
    explicit ToyGradientNoise(const RunConfig& config);
    /// Adds the next draws to grad (nothing, and no draw, when σ = 0).
    void addTo(Eigen::Vector2d& grad)
    {
        if (m_sigma > 0.0) {
            grad(0) += m_sigma * m_rng.normal();
            grad(1) += m_sigma * m_rng.normal();
        }
    }

private:
    Rng m_rng;
    double m_sigma;
};

/// Runs config on surface (config.problem is only read for the noise). Stops between steps when
/// cancel is raised. Deterministic: the gradient noise comes from Rng(config.seed).
ToyTrace runToy(const RunConfig& config, const ToySurface& surface,
                const CancelFlag* cancel = nullptr);

/// Builds the surface from config.problem and runs it.
ToyTrace runToy(const RunConfig& config, const CancelFlag* cancel = nullptr);

} // namespace lrlab
