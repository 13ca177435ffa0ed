#include "core/analysis/lr_finder.h"

#include "core/datasets/batch_sampler.h"
#include "core/engine/model_run.h"
#include "core/engine/toy_run.h"
#include "core/optimizers/optimizer.h"
#include "core/problems/toy_surface.h"
#include "core/util/format.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace lrlab {

namespace {

/// A short human-readable number for messages (1e-09, 0.5, 12).
std::string number(double v)
{
    return formatSignificant(v, 6);
}

/// Index of the first minimum of v[first, last).
std::size_t argminFirst(const std::vector<double>& v, std::size_t first, std::size_t last)
{
    std::size_t best = first;
    for (std::size_t i = first + 1; i < last; ++i) {
        if (v[i] < v[best])
            best = i;
    }
    return best;
}

void reserveResult(LrFinderResult& result, const LrFinderOptions& options)
{
    const auto n = static_cast<std::size_t>(options.iterations);
    result.learningRates.reserve(n);
    result.losses.reserve(n);
    result.smoothed.reserve(n);
}

/// Records iteration i; returns true when the test must stop.
bool record(LrFinderResult& result, LossSmoother& smoother, double lr, double loss,
            const LrFinderProgress& progress)
{
    result.learningRates.push_back(lr);
    result.losses.push_back(loss);
    result.smoothed.push_back(smoother.push(loss));
    result.iterations = static_cast<int>(result.losses.size());
    if (progress)
        progress(result);
    if (smoother.shouldStop()) {
        result.stoppedEarly = true;
        return true;
    }
    return false;
}

bool cancelled(const CancelFlag* cancel)
{
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

LrFinderResult runToyFinder(const RunConfig& config, const LrFinderOptions& options,
                            const CancelFlag* cancel, const LrFinderProgress& progress)
{
    if (options.useValidation)
        throw std::invalid_argument("--validation: toy surfaces have no validation loss");
    const auto surface = makeToySurface(config.problem.type, config.problem.parameters);
    Eigen::Vector2d x = toyStartPoint(config, *surface);
    auto optimizer = makeOptimizer<double>(config.optimizer);
    optimizer->reset(2);
    // The same noise as runToy, so the first iterations see the same draws as a run.
    ToyGradientNoise noise(config);

    LrFinderResult result;
    reserveResult(result, options);
    LossSmoother smoother(options.smoothF, options.divergeThreshold, surface->info().minimumValue);
    Eigen::Vector2d grad;
    for (int i = 0; i < options.iterations; ++i) {
        if (cancelled(cancel)) {
            result.cancelled = true;
            break;
        }
        const double lr = lrFinderLearningRate(options, i);
        double loss = surface->valueAndGradient(x, grad);
        if (!x.allFinite())
            loss = std::numeric_limits<double>::quiet_NaN();
        if (record(result, smoother, lr, loss, progress))
            break;
        noise.addTo(grad);
        optimizer->step(x, grad, lr);
    }
    return result;
}

} // namespace

void validate(const LrFinderOptions& options)
{
    if (!(options.startLr > 0.0) || !std::isfinite(options.startLr))
        throw std::invalid_argument("--start-lr: must be a finite number > 0, got " +
                                    number(options.startLr));
    if (!(options.endLr > options.startLr) || !std::isfinite(options.endLr))
        throw std::invalid_argument("--end-lr: must be finite and greater than --start-lr (" +
                                    number(options.startLr) + "), got " + number(options.endLr));
    if (options.iterations < 2)
        throw std::invalid_argument("--iters: must be at least 2, got " +
                                    std::to_string(options.iterations));
    if (!(options.smoothF >= 0.0 && options.smoothF < 1.0))
        throw std::invalid_argument("--smooth-f: must be in [0, 1), got " +
                                    number(options.smoothF));
    if (!(options.divergeThreshold > 1.0) || !std::isfinite(options.divergeThreshold))
        throw std::invalid_argument("--diverge-th: must be a finite number > 1, got " +
                                    number(options.divergeThreshold));
    if (options.skipStart < 0)
        throw std::invalid_argument("--skip-start: must be >= 0, got " +
                                    std::to_string(options.skipStart));
    if (options.skipEnd < 0)
        throw std::invalid_argument("--skip-end: must be >= 0, got " +
                                    std::to_string(options.skipEnd));
}

LrFinderMode lrFinderModeFromName(const std::string& name)
{
    if (name == "exp")
        return LrFinderMode::Exponential;
    if (name == "linear")
        return LrFinderMode::Linear;
    throw std::invalid_argument("--mode: expected exp or linear, got '" + name + "'");
}

std::string lrFinderModeName(LrFinderMode mode)
{
    return mode == LrFinderMode::Exponential ? "exp" : "linear";
}

double lrFinderLearningRate(const LrFinderOptions& options, int iteration)
{
    // r = i/(N−1) and the formulas as pytorch-lr-finder writes them:
    // base·(end/base)**r and base + r·(end − base).
    const double r = static_cast<double>(iteration) / static_cast<double>(options.iterations - 1);
    if (options.mode == LrFinderMode::Exponential)
        return options.startLr * std::pow(options.endLr / options.startLr, r);
    return options.startLr + r * (options.endLr - options.startLr);
}

std::vector<double> numpyGradient(const std::vector<double>& values)
{
    const std::size_t n = values.size();
    if (n < 2)
        throw std::invalid_argument("numpyGradient: needs at least 2 values");
    std::vector<double> g(n);
    g[0] = values[1] - values[0];
    for (std::size_t i = 1; i + 1 < n; ++i)
        g[i] = (values[i + 1] - values[i - 1]) / 2.0;
    g[n - 1] = values[n - 1] - values[n - 2];
    return g;
}

LrSuggestions lrFinderSuggestions(const std::vector<double>& learningRates,
                                  const std::vector<double>& smoothed, int skipStart, int skipEnd)
{
    if (learningRates.size() != smoothed.size())
        throw std::invalid_argument(
            "lrFinderSuggestions: learning rates and losses differ in length");
    LrSuggestions out;
    const std::size_t total = smoothed.size();
    const std::size_t first = static_cast<std::size_t>(std::max(0, skipStart));
    const std::size_t cutEnd = static_cast<std::size_t>(std::max(0, skipEnd));
    std::size_t last = total > cutEnd ? total - cutEnd : 0;
    for (std::size_t i = first; i < last; ++i) {
        if (!std::isfinite(smoothed[i])) {
            last = i;
            break;
        }
    }
    if (last < first + 2) {
        out.note = "too few points for a suggestion: " + std::to_string(total) + " recorded, " +
                   std::to_string(last > first ? last - first : 0) + " left after skipping " +
                   std::to_string(skipStart) + " at the start and " + std::to_string(skipEnd) +
                   " at the end (and any non-finite loss); need 2";
        return out;
    }
    const std::vector<double> s(smoothed.begin() + static_cast<std::ptrdiff_t>(first),
                                smoothed.begin() + static_cast<std::ptrdiff_t>(last));
    const std::size_t n = s.size();
    const auto lrAt = [&](std::size_t cutIndex) { return learningRates[first + cutIndex]; };

    // steepest (pytorch-lr-finder): argmin of numpy.gradient(s).
    const std::vector<double> g = numpyGradient(s);
    const std::size_t steepest = argminFirst(g, 0, n);
    out.steepest = lrAt(steepest);
    out.steepestIndex = static_cast<int>(first + steepest);

    // minimum (fastai): LR of the lowest loss, divided by 10.
    const std::size_t lowest = argminFirst(s, 0, n);
    out.minimum = lrAt(lowest) / 10.0;
    out.minimumIndex = static_cast<int>(first + lowest);

    // steep (fastai): argmin of Δs/Δlog(lr) between neighbours; the LR at the left point.
    std::vector<double> slope(n - 1);
    for (std::size_t i = 0; i + 1 < n; ++i)
        slope[i] = (s[i + 1] - s[i]) / (std::log(lrAt(i + 1)) - std::log(lrAt(i)));
    const std::size_t steep = argminFirst(slope, 0, n - 1);
    out.steep = lrAt(steep);
    out.steepIndex = static_cast<int>(first + steep);

    // valley (fastai), literally: lds[i] = length of the longest strictly decreasing
    // subsequence ending at i; max_end tracks the first i reaching the longest, with
    // max_start = max_end − lds[max_end] (one before the stretch's first point).
    std::vector<int> lds(n, 1);
    long maxStart = 0;
    std::size_t maxEnd = 0;
    for (std::size_t i = 1; i < n; ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (s[i] < s[j] && lds[i] < lds[j] + 1)
                lds[i] = lds[j] + 1;
            if (lds[maxEnd] < lds[i]) {
                maxEnd = i;
                maxStart = static_cast<long>(maxEnd) - lds[maxEnd];
            }
        }
    }
    const double sections = static_cast<double>(static_cast<long>(maxEnd) - maxStart) / 3.0;
    long idx = maxStart + static_cast<long>(sections) + static_cast<long>(sections / 2.0);
    // Python's lrs[-1] is the last element: a stretch starting at the first point can give -1.
    if (idx < 0)
        idx += static_cast<long>(n);
    const auto valley = static_cast<std::size_t>(idx);
    out.valley = lrAt(valley);
    out.valleyIndex = static_cast<int>(first + valley);
    return out;
}

LossSmoother::LossSmoother(double smoothF, double divergeThreshold, double floor)
    : m_smoothF(smoothF), m_threshold(divergeThreshold), m_floor(floor)
{
}

double LossSmoother::push(double loss)
{
    double s = loss;
    if (!m_started) {
        m_best = s;
        m_started = true;
    } else {
        // pytorch-lr-finder: smooth_f = 0 disables smoothing.
        if (m_smoothF > 0.0)
            s = m_smoothF * loss + (1.0 - m_smoothF) * m_last;
        if (s < m_best)
            m_best = s;
    }
    m_last = s;
    m_stop =
        !std::isfinite(loss) || !std::isfinite(s) || s - m_floor > m_threshold * (m_best - m_floor);
    return s;
}

SmoothedLosses smoothAndStop(const std::vector<double>& losses, double smoothF,
                             double divergeThreshold)
{
    SmoothedLosses out;
    out.smoothed.reserve(losses.size());
    LossSmoother smoother(smoothF, divergeThreshold);
    for (double loss : losses) {
        out.smoothed.push_back(smoother.push(loss));
        if (smoother.shouldStop()) {
            out.stopped = true;
            break;
        }
    }
    return out;
}

LrFinderResult runLrFinder(const RunConfig& config, const ModelProblem& problem,
                           const LrFinderOptions& options, const CancelFlag* cancel,
                           const LrFinderProgress& progress)
{
    validate(options);
    if (options.useValidation && problem.validationCount() == 0)
        throw std::invalid_argument("--validation: the problem has no validation rows "
                                    "(problem.val_fraction is 0)");
    Model<float> model(problem.modelSpec());
    const int batchSize = config.problem.batchSize;
    model.reserve(
        std::max(std::min(batchSize, problem.trainCount()), ModelProblem::kEvaluationChunk));
    const int p = model.parameterCount();

    // The start of runModel, in the same aligned storage, so the kernels take the same path
    // (and give the same bits) as a run from the same config.
    Eigen::VectorXf params = initialModelParameters(config, model);

    LrFinderResult result;
    result.initial.assign(params.data(), params.data() + p);
    reserveResult(result, options);
    const auto n = static_cast<std::size_t>(options.iterations);
    if (options.recordBatches) {
        result.batchOffsets.reserve(n + 1);
        result.batchOffsets.push_back(0);
        result.batchRows.reserve(n * static_cast<std::size_t>(batchSize));
    }

    auto optimizer = makeOptimizer<float>(config.optimizer);
    optimizer->reset(p);
    BatchSampler sampler(problem.split().train, batchSize, config.seed);
    const int f = problem.features();
    Eigen::VectorXf X(static_cast<Eigen::Index>(batchSize) * f);
    std::vector<int> labels(static_cast<std::size_t>(batchSize));
    std::vector<float> targets(static_cast<std::size_t>(batchSize));
    Eigen::VectorXf grad(p);
    const bool classification = problem.modelSpec().isClassification();
    LossSmoother smoother(options.smoothF, options.divergeThreshold);

    for (int i = 0; i < options.iterations; ++i) {
        if (cancelled(cancel)) {
            result.cancelled = true;
            break;
        }
        const Batch batch = sampler.next();
        problem.gather(batch.rows, batch.count, X.data(), labels.data(), targets.data());
        if (options.recordBatches) {
            result.batchRows.insert(result.batchRows.end(), batch.rows, batch.rows + batch.count);
            result.batchOffsets.push_back(static_cast<int>(result.batchRows.size()));
        }
        const double lr = lrFinderLearningRate(options, i);
        // pytorch-lr-finder's _train_batch: the loss of the forward pass, then the update.
        const float trainLoss = model.lossAndGradient(
            params.data(), X.data(), batch.count, classification ? labels.data() : nullptr,
            classification ? nullptr : targets.data(), grad.data());
        double loss = trainLoss;
        if (!params.allFinite())
            loss = std::numeric_limits<double>::quiet_NaN();
        optimizer->step(params, grad, lr);
        if (options.useValidation) {
            // _validate: the mean loss over the validation rows after the update.
            loss = params.allFinite() ? problem.evaluateValidation(model, params.data()).loss
                                      : std::numeric_limits<double>::quiet_NaN();
        }
        if (record(result, smoother, lr, loss, progress))
            break;
    }
    result.suggestions = lrFinderSuggestions(result.learningRates, result.smoothed,
                                             options.skipStart, options.skipEnd);
    return result;
}

LrFinderResult runLrFinder(const RunConfig& config, const LrFinderOptions& options,
                           const CancelFlag* cancel, const LrFinderProgress& progress)
{
    validate(options);
    if (isToySurface(config.problem.type)) {
        LrFinderResult result = runToyFinder(config, options, cancel, progress);
        result.suggestions = lrFinderSuggestions(result.learningRates, result.smoothed,
                                                 options.skipStart, options.skipEnd);
        return result;
    }
    const auto problem = ModelProblem::create(config.problem, config.seed);
    return runLrFinder(config, *problem, options, cancel, progress);
}

} // namespace lrlab
