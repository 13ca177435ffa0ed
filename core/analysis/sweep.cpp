#include "core/analysis/sweep.h"

#include "core/analysis/diagnosis.h"
#include "core/config/config_variants.h"
#include "core/engine/parallel_engine.h"
#include "core/engine/run_experiment.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool hasTarget(double target)
{
    return std::isfinite(target) && target >= 0.0;
}

} // namespace

std::vector<double> logSpacedRates(double a, double b, int n)
{
    // As numpy.logspace(log10 a, log10 b, n): exponents start + i·step, the last one exactly
    // log10 b, then 10^exponent, so decades come out exact (1e-3, not 1.0000000000000002e-3).
    std::vector<double> out;
    if (n <= 0)
        return out;
    const double start = std::log10(a);
    const double stop = std::log10(b);
    if (n == 1)
        return {std::pow(10.0, start)};
    out.reserve(static_cast<std::size_t>(n));
    const double step = (stop - start) / (n - 1);
    for (int i = 0; i < n; ++i) {
        const double exponent = i == n - 1 ? stop : start + i * step;
        out.push_back(std::pow(10.0, exponent));
    }
    return out;
}

std::vector<SweepPoint> sweepPoints(const RunConfig& base, const std::vector<double>& rates,
                                    const std::string& varyKey,
                                    const std::vector<std::string>& values)
{
    std::vector<SweepPoint> points;
    const std::string keyPath = varyKey.empty() ? std::string() : variantKeyPath(varyKey);
    const std::vector<std::string> settings =
        varyKey.empty() ? std::vector<std::string>{""} : values;
    for (const std::string& value : settings) {
        const RunConfig varied = keyPath.empty() ? base : withSetting(base, keyPath, value);
        for (double lr : rates) {
            SweepPoint point;
            point.config = varied;
            point.config.schedule.learningRate = lr;
            point.config.schedule.minLr = std::min(point.config.schedule.minLr, lr);
            validate(point.config);
            point.learningRate = lr;
            point.varyValue = value;
            points.push_back(std::move(point));
        }
    }
    return points;
}

SweepRunResult runSweepPoint(const SweepPoint& point, double targetLoss, const CancelFlag* cancel)
{
    SweepRunResult r;
    r.learningRate = point.learningRate;
    r.varyValue = point.varyValue;
    ExperimentCallbacks callbacks;
    callbacks.model.maxSnapshots = 0;
    const ExperimentResult run = runExperiment(point.config, cancel, callbacks);
    r.status = run.status();
    // Diverged as the diagnosis says (docs/semantics.md §2.6): non-finite, or far above the start.
    LossHistory history;
    // Toy surfaces: f at every row. Models: the full training loss at the evaluation rows (not
    // the noisy minibatch loss); a model run that stopped on a non-finite loss diverged too.
    const std::vector<double>& loss = run.isToy() ? run.toy.loss : run.model.trainLoss;
    history.loss = loss;
    history.floor = run.minimumValue;
    // The same rule on the validation loss (floor 0): a model whose validation loss blows up
    // while its training loss still falls has overshot too. Without a validation split the
    // validation losses are all NaN: nothing to judge.
    LossHistory validation;
    validation.loss = run.model.validationLoss;
    const bool validationDiverged = !validation.loss.empty() &&
                                    std::isfinite(validation.loss.front()) &&
                                    diagnose(validation).label == DiagnosisLabel::Diverged;
    r.diverged = run.status() != RunStatus::Cancelled &&
                 ((!run.isToy() && run.status() == RunStatus::Diverged) ||
                  diagnose(history).label == DiagnosisLabel::Diverged || validationDiverged);
    r.steps = run.isToy() ? run.toy.rows() - 1 : run.model.rows();
    r.finalLoss = loss.empty() ? kNaN : loss.back();
    r.bestLoss = kNaN;
    for (std::size_t k = 0; k < loss.size(); ++k) {
        const double v = loss[k];
        if (std::isfinite(v) && !(v >= r.bestLoss))
            r.bestLoss = v;
        if (r.stepsToTarget < 0 && hasTarget(targetLoss) && v <= targetLoss)
            r.stepsToTarget = run.isToy() ? static_cast<int>(k) : run.model.evalRows[k];
    }
    const auto last = [](const std::vector<double>& v) { return v.empty() ? kNaN : v.back(); };
    r.validationLoss = last(run.model.validationLoss);
    r.validationAccuracy = last(run.model.validationAccuracy);
    return r;
}

SweepCriterion sweepCriterion(const std::vector<SweepRunResult>& results)
{
    const bool anyValidation =
        std::any_of(results.begin(), results.end(),
                    [](const SweepRunResult& r) { return std::isfinite(r.validationLoss); });
    return anyValidation ? SweepCriterion::ValidationLoss : SweepCriterion::TrainingLoss;
}

double sweepScore(const SweepRunResult& result, SweepCriterion criterion)
{
    return criterion == SweepCriterion::ValidationLoss ? result.validationLoss : result.finalLoss;
}

int bestSweepRun(const std::vector<SweepRunResult>& results, SweepCriterion criterion,
                 std::size_t first, std::size_t count)
{
    const std::size_t end =
        first + std::min(count, results.size() - std::min(first, results.size()));
    int best = -1;
    for (std::size_t i = first; i < end; ++i) {
        const SweepRunResult& r = results[i];
        const double score = sweepScore(r, criterion);
        if (r.diverged || !std::isfinite(score) || !std::isfinite(r.finalLoss))
            continue;
        if (best < 0 || score < sweepScore(results[static_cast<std::size_t>(best)], criterion))
            best = static_cast<int>(i);
    }
    return best;
}

std::vector<SweepRunResult> runSweep(const std::vector<SweepPoint>& points,
                                     const SweepOptions& options)
{
    std::vector<SweepRunResult> results(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        results[i].learningRate = points[i].learningRate;
        results[i].varyValue = points[i].varyValue;
        results[i].status = RunStatus::Cancelled;
        results[i].finalLoss = results[i].bestLoss = kNaN;
        results[i].validationLoss = results[i].validationAccuracy = kNaN;
    }
    parallelFor(static_cast<int>(points.size()),
                [&](int index, int) {
                    const auto i = static_cast<std::size_t>(index);
                    results[i] = runSweepPoint(points[i], options.targetLoss, options.cancel);
                },
                {options.threads, options.cancel, options.progress});
    return results;
}

} // namespace lrlab
