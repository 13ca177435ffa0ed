#include "core/analysis/logged_run_diagnosis.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace lrlab {

namespace {

constexpr long long kMaxGridPoints = 1'000'000; ///< a coarser grid for longer logs

void requireIncreasing(const LoggedSeries& series, const std::string& name)
{
    for (std::size_t i = 1; i < series.size(); ++i)
        if (series[i].step <= series[i - 1].step)
            throw std::invalid_argument(
                name + ": point " + std::to_string(i) + " (step " + std::to_string(series[i].step) +
                ") does not come after step " + std::to_string(series[i - 1].step));
}

/// The median distance between consecutive logged steps (1 for a single point).
long long medianSpacing(const LoggedSeries& series)
{
    std::vector<long long> gaps;
    for (std::size_t i = 1; i < series.size(); ++i)
        gaps.push_back(series[i].step - series[i - 1].step);
    if (gaps.empty())
        return 1;
    const auto middle = gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2);
    std::nth_element(gaps.begin(), middle, gaps.end());
    return std::max(1LL, *middle);
}

/// series at step, linearly interpolated between the logged points around it.
double interpolate(const LoggedSeries& series, long long step)
{
    const auto after = std::lower_bound(series.begin(), series.end(), step,
                                        [](const StepValue& p, long long s) { return p.step < s; });
    if (after == series.end())
        return series.back().value;
    if (after->step == step || after == series.begin())
        return after->value;
    const StepValue& before = *(after - 1);
    const double f =
        static_cast<double>(step - before.step) / static_cast<double>(after->step - before.step);
    return before.value + f * (after->value - before.value);
}

/// The mean training loss logged in (from, to], or the interpolated value when none was.
double meanBetween(const LoggedSeries& series, long long from, long long to)
{
    double sum = 0.0;
    int count = 0;
    for (const StepValue& p : series)
        if (p.step > from && p.step <= to && std::isfinite(p.value)) {
            sum += p.value;
            ++count;
        }
    return count > 0 ? sum / count : interpolate(series, to);
}

} // namespace

Diagnosis diagnoseLoggedRun(const LoggedRun& run)
{
    const LoggedSeries& train = run.trainingLoss;
    if (train.empty())
        throw std::invalid_argument("training loss: no points logged");
    requireIncreasing(train, "training loss");
    requireIncreasing(run.validationLoss, "validation loss");
    requireIncreasing(run.validationAccuracy, "validation accuracy");

    // A non-finite loss ends the run there: judge what came before it, then name its step.
    std::size_t finiteEnd = 0;
    while (finiteEnd < train.size() && std::isfinite(train[finiteEnd].value))
        ++finiteEnd;
    const LoggedSeries finite(train.begin(),
                              train.begin() + static_cast<std::ptrdiff_t>(finiteEnd));

    const long long first = train.front().step;
    long long spacing = medianSpacing(train);
    LossHistory history;
    history.floor = run.floor.value_or(0.0);
    history.floorKnown = run.floor.has_value();
    history.noisy = true;
    if (!finite.empty()) {
        const long long span = finite.back().step - first;
        spacing = std::max(spacing, span / kMaxGridPoints + 1);
        for (long long step = first; step <= finite.back().step; step += spacing)
            history.loss.push_back(interpolate(finite, step));
    }
    if (finiteEnd < train.size())
        history.loss.push_back(std::numeric_limits<double>::quiet_NaN());

    const bool hasLoss = !run.validationLoss.empty();
    const LoggedSeries& validation = hasLoss ? run.validationLoss : run.validationAccuracy;
    long long previous = std::numeric_limits<long long>::min();
    for (const StepValue& p : validation) {
        history.validation.push_back(hasLoss ? p.value : 1.0 - p.value);
        if (!finite.empty())
            history.validationTrain.push_back(meanBetween(finite, previous, p.step));
        previous = p.step;
    }
    if (history.validationTrain.size() != history.validation.size())
        history.validationTrain.clear();

    Diagnosis d = diagnose(history);
    DiagnosisEvidence& facts = d.facts;
    if (facts.kind == EvidenceKind::ValidationRose && !hasLoss)
        facts.kind = EvidenceKind::ValidationErrorRose;
    if (facts.kind == EvidenceKind::NonFinite && finiteEnd < train.size())
        facts.step = train[finiteEnd].step;
    facts.window *= spacing;
    facts.neededSteps *= static_cast<double>(spacing);
    facts.runSteps *= spacing;
    d.evidence = evidenceText(facts);
    return d;
}

} // namespace lrlab
