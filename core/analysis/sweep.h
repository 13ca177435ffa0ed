#pragma once

#include "core/config/run_config.h"
#include "core/engine/run_status.h"

#include <functional>
#include <string>
#include <vector>

namespace lrlab {

/// One run of a sweep: its config and the values that label it.
struct SweepPoint
{
    RunConfig config;
    double learningRate = 0.0;
    std::string varyValue; ///< the value of the crossed setting as text ("" if none)
};

/// The outcome of one sweep run, as one CSV row of `lrlab sweep`.
struct SweepRunResult
{
    double learningRate = 0.0;
    std::string varyValue;
    RunStatus status = RunStatus::Finished;
    /// Non-finite, or the training loss or the validation loss ended more than 10× above its
    /// start (docs/semantics.md §2.6 and §4).
    bool diverged = false;
    int steps = 0;                   ///< rows run
    double finalLoss = 0.0;          ///< toy: f at the end; model: full training loss at the end
    double bestLoss = 0.0;           ///< the lowest finite value of the same measure
    double validationLoss = 0.0;     ///< models: at the end (NaN for toy surfaces)
    double validationAccuracy = 0.0; ///< models, classification (else NaN)
    int stepsToTarget = -1;          ///< first row whose loss <= target (-1: never, or no target)
};

/// What picks a sweep's best run.
enum class SweepCriterion {
    ValidationLoss, ///< the final validation loss: models with a validation split
    TrainingLoss    ///< the final training loss (toy surfaces: f): no validation split
};

/// ValidationLoss if any run has a finite final validation loss, else TrainingLoss.
SweepCriterion sweepCriterion(const std::vector<SweepRunResult>& results);

/// The value the criterion ranks a run by (lower is better): its final validation loss or its
/// final training loss.
double sweepScore(const SweepRunResult& result, SweepCriterion criterion);

/// The index into results of the best run among results[first, first + count): the lowest
/// finite score among the runs that did not diverge; -1 if there is none.
int bestSweepRun(const std::vector<SweepRunResult>& results, SweepCriterion criterion,
                 std::size_t first = 0, std::size_t count = std::size_t(-1));

/// Settings of a sweep besides its points.
struct SweepOptions
{
    int threads = 0; ///< 0 = every core
    const CancelFlag* cancel = nullptr;
    std::function<void(int done, int total)> progress; ///< from worker threads
    double targetLoss = -1.0;                          ///< < 0 or NaN: no target
};

/// The sweep's runs: every learning rate, crossed with every value of varyKey (if not empty;
/// a --vary name or key path, see variantKeyPath), in the order value-major, lr-minor. Each
/// run's schedule keeps its shape with a new base lr; a min_lr above the new lr is lowered to it.
/// Throws ConfigError for an invalid combination.
std::vector<SweepPoint> sweepPoints(const RunConfig& base, const std::vector<double>& rates,
                                    const std::string& varyKey,
                                    const std::vector<std::string>& values);

/// n log-spaced learning rates from a to b, as numpy.logspace(log10 a, log10 b, n).
std::vector<double> logSpacedRates(double a, double b, int n);

/// Runs every point on the parallel engine (each run single-threaded, own buffers) and returns
/// one result per point in point order — identical for any thread count. Runs that were not
/// started because of cancellation come back with status Cancelled.
std::vector<SweepRunResult> runSweep(const std::vector<SweepPoint>& points,
                                     const SweepOptions& options = {});

/// Runs one config and summarizes it (the sweep's per-run work).
SweepRunResult runSweepPoint(const SweepPoint& point, double targetLoss,
                             const CancelFlag* cancel = nullptr);

} // namespace lrlab
