#include "core/engine/toy_run.h"

#include "core/optimizers/optimizer.h"
#include "core/schedules/schedule.h"
#include "core/util/rng_streams.h"

#include <Eigen/Core>

#include <cmath>
#include <stdexcept>

namespace lrlab {

namespace {

/// A gradient norm below this at the end of a finished run counts as converged.
constexpr double kConvergedGradientNorm = 1e-6;
/// ... or a loss within this fraction of the starting gap above the global minimum.
constexpr double kConvergedGapFraction = 1e-6;

} // namespace

Eigen::Vector2d toyStartPoint(const RunConfig& config, const ToySurface& surface)
{
    if (config.init.empty())
        return surface.info().start;
    if (config.init.size() != 2)
        throw std::invalid_argument("init: expected 2 numbers for a toy surface");
    return Eigen::Vector2d(config.init[0], config.init[1]);
}

ToyGradientNoise::ToyGradientNoise(const RunConfig& config)
    : m_rng(config.seed, kStreamGradientNoise), m_sigma(config.problem.noise)
{
}

ToyTrace runToy(const RunConfig& config, const ToySurface& surface, const CancelFlag* cancel)
{
    Eigen::Vector2d x = toyStartPoint(config, surface);
    auto optimizer = makeOptimizer<double>(config.optimizer);
    optimizer->reset(2);
    ToyGradientNoise noise(config);

    ToyTrace trace;
    const auto rows = static_cast<std::size_t>(config.steps) + 1;
    trace.learningRate.reserve(rows);
    trace.loss.reserve(rows);
    trace.x.reserve(rows);
    trace.y.reserve(rows);

    Eigen::Vector2d grad;
    for (int k = 0; k <= config.steps; ++k) {
        // Row k: θ_k, f(θ_k) and the rate of update k (θ_k -> θ_{k+1}).
        const double lr = learningRateAt(config.schedule, k);
        const double loss = surface.valueAndGradient(x, grad);
        trace.learningRate.push_back(lr);
        trace.loss.push_back(loss);
        trace.x.push_back(x(0));
        trace.y.push_back(x(1));
        if (!std::isfinite(loss) || !x.allFinite()) {
            trace.status = RunStatus::Diverged;
            trace.divergedAt = k;
            return trace;
        }
        trace.lastFiniteLoss = loss;
        if (k == config.steps) {
            trace.finalGradientNorm = grad.norm();
            // Converged: a negligible gradient, or the global minimum's value reached to a
            // millionth of the starting gap.
            const double floor = surface.info().minimumValue;
            const double gap0 = trace.loss.front() - floor;
            const bool atMinimum = gap0 > 0.0 && loss - floor <= kConvergedGapFraction * gap0;
            trace.status = (trace.finalGradientNorm < kConvergedGradientNorm || atMinimum)
                               ? RunStatus::Converged
                               : RunStatus::Finished;
            return trace;
        }
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            trace.status = RunStatus::Cancelled;
            return trace;
        }
        noise.addTo(grad);
        optimizer->step(x, grad, lr);
    }
    return trace;
}

ToyTrace runToy(const RunConfig& config, const CancelFlag* cancel)
{
    const auto surface = makeToySurface(config.problem.type, config.problem.parameters);
    return runToy(config, *surface, cancel);
}

} // namespace lrlab
