#pragma once

#include "core/config/run_config.h"
#include "core/engine/model_problem.h"
#include "core/engine/run_status.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lrlab {

/// How the finder's learning rate grows from startLr to endLr.
enum class LrFinderMode {
    Exponential, ///< lr_i = start·(end/start)^(i/(N−1))
    Linear       ///< lr_i = start + (i/(N−1))·(end − start)
};

/// Settings of the LR range test (docs/semantics.md §2.5), defaults as pytorch-lr-finder's
/// range_test.
struct LrFinderOptions
{
    double startLr = 1e-7;                         ///< first LR, > 0 (--start-lr)
    double endLr = 10.0;                           ///< last LR, > startLr (--end-lr)
    int iterations = 100;                          ///< N, >= 2 (--iters)
    LrFinderMode mode = LrFinderMode::Exponential; ///< (--mode exp|linear)
    /// Weight of the new loss in the exponential smoothing, [0, 1); 0 disables smoothing
    /// (s_i = ℓ_i), as in pytorch-lr-finder (--smooth-f).
    double smoothF = 0.05;
    double divergeThreshold = 5.0; ///< stop when s_i > this·min(s₀…s_i); > 1 (--diverge-th)
    int skipStart = 10;            ///< points dropped before the suggestions, >= 0 (--skip-start)
    int skipEnd = 5;               ///< points dropped at the end, >= 0 (--skip-end)
    /// Record the validation loss after each update instead of the minibatch loss (models only;
    /// pytorch-lr-finder's val_loader mode) (--validation).
    bool useValidation = false;
    /// Keep the minibatches' dataset rows in the result (for batches.csv).
    bool recordBatches = false;
};

/// Throws std::invalid_argument naming the CLI option ("--start-lr: ...") of the first bad field.
void validate(const LrFinderOptions& options);

/// The parse and display names of a mode: "exp" and "linear". parse throws
/// std::invalid_argument ("--mode: ...") for anything else.
LrFinderMode lrFinderModeFromName(const std::string& name);
std::string lrFinderModeName(LrFinderMode mode);

/// lr_i of iteration i = 0..N−1 (pytorch-lr-finder's ExponentialLR / LinearLR, same operation
/// order, so bit-identical to Python's floats): the first is startLr, the last endLr (up to
/// rounding of the exponential form).
double lrFinderLearningRate(const LrFinderOptions& options, int iteration);

/// The suggestions of a range test on the smoothed losses cut to [skipStart, n − skipEnd).
/// Each is absent when fewer than two points survive the cut (then note says why). Indices
/// point into the full (uncut) arrays.
struct LrSuggestions
{
    std::optional<double> steepest; ///< LR at argmin of numpy.gradient(s) (pytorch-lr-finder)
    std::optional<double> valley;   ///< fastai: inside the longest decreasing subsequence
    std::optional<double> minimum;  ///< fastai: LR of the lowest s, divided by 10
    std::optional<double> steep;    ///< fastai: LR at argmin of Δs/Δlog(lr)
    std::optional<int> steepestIndex, valleyIndex, minimumIndex, steepIndex;
    std::string note; ///< why suggestions are absent (empty when present)
};

/// numpy.gradient(values) with unit spacing and edge_order 1: central differences
/// (v[i+1] − v[i−1])/2 inside, one-sided first differences at both ends. Needs >= 2 values
/// (throws std::invalid_argument otherwise, as numpy raises ValueError).
std::vector<double> numpyGradient(const std::vector<double>& values);

/// Pure: the four suggestions of docs/semantics.md §2.5 from a finished test's LRs and smoothed
/// losses (same length). The cut also ends before the first non-finite smoothed loss (fastai drops
/// from the first NaN) so a diverged last point cannot win an argmin. fastai's valley is
/// reproduced literally (an O(n²) longest-decreasing-subsequence pass, Python's wrap-around of
/// a negative index included).
LrSuggestions lrFinderSuggestions(const std::vector<double>& learningRates,
                                  const std::vector<double>& smoothed, int skipStart, int skipEnd);

/// The exponential smoothing and stop rule of the range test, one loss at a time:
/// s₀ = ℓ₀, s_i = f·ℓ_i + (1−f)·s_{i−1} (f = 0: s_i = ℓ_i), stop after s_i when
/// s_i > threshold·min(s₀…s_i) or when ℓ_i or s_i is not finite. The rule assumes
/// non-negative losses (every model loss is); a negative minimum makes it fire at once.
class LossSmoother
{
public:
    /// floor: the loss's known lower bound; the stop rule compares excesses over it
    /// (s_i − floor > th·(min s − floor)). 0 for models (as pytorch-lr-finder); a toy surface's
    /// minimum value, so surfaces with negative values (styblinski_tang, six_hump_camel,
    /// saddle) do not stop at once.
    LossSmoother(double smoothF, double divergeThreshold, double floor = 0.0);
    /// Adds ℓ_i; returns s_i.
    double push(double loss);
    /// True once the stop rule fired on the last push.
    bool shouldStop() const { return m_stop; }

private:
    double m_smoothF;
    double m_threshold;
    double m_floor;
    double m_last = 0.0;
    double m_best = 0.0;
    bool m_started = false;
    bool m_stop = false;
};

/// Pure: smooths losses and applies the stop rule; the smoothed prefix up to and including the
/// point where the rule fired, and whether it fired.
struct SmoothedLosses
{
    std::vector<double> smoothed;
    bool stopped = false;
};
SmoothedLosses smoothAndStop(const std::vector<double>& losses, double smoothF,
                             double divergeThreshold);

/// The outcome of a range test: iteration i = 0..iterations−1 trained at learningRates[i] and
/// recorded losses[i] (raw) and smoothed[i].
struct LrFinderResult
{
    std::vector<double> learningRates;
    std::vector<double> losses; ///< minibatch loss before the update (or validation loss after)
    std::vector<double> smoothed;
    int iterations = 0; ///< iterations run (= the length of the vectors)
    /// The stop rule fired (divergence or a non-finite loss), possibly on the last iteration.
    bool stoppedEarly = false;
    bool cancelled = false; ///< the cancel flag ended the test
    LrSuggestions suggestions;
    // Models only.
    std::vector<float> initial;    ///< θ₀ (init.csv)
    std::vector<int> batchOffsets; ///< recordBatches: batch i is batchRows[off[i]..off[i+1])
    std::vector<int> batchRows;    ///< dataset row indices of the minibatches
};

/// Called after each iteration with the result so far (suggestions not yet filled); runs on
/// the finder's thread.
using LrFinderProgress = std::function<void(const LrFinderResult& soFar)>;

/// The LR range test of docs/semantics.md §2.5 on config's problem. Models: a fresh model from the
/// config's init (config.init or the seeded initialization), a fresh optimizer of
/// config.optimizer (the schedule is ignored), minibatches from BatchSampler(config.seed) as in
/// runModel (so a run's batches.csv starts with the same batches). Toy surfaces: the start
/// point, the exact gradient plus the seeded noise (as runToy), loss f(θ_i) before the update.
/// Everything is local: nothing the caller owns changes. Deterministic. Stops between
/// iterations when cancel is raised (result.cancelled; suggestions on what was recorded). Throws
/// std::invalid_argument for bad options (naming the option), a bad init, or useValidation on
/// a toy surface or a problem without validation rows.
LrFinderResult runLrFinder(const RunConfig& config, const LrFinderOptions& options,
                           const CancelFlag* cancel = nullptr,
                           const LrFinderProgress& progress = {});

/// The same on an already prepared model problem (built from config.problem and config.seed).
LrFinderResult runLrFinder(const RunConfig& config, const ModelProblem& problem,
                           const LrFinderOptions& options, const CancelFlag* cancel = nullptr,
                           const LrFinderProgress& progress = {});

} // namespace lrlab
