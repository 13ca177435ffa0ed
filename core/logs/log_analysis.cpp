#include "core/logs/log_analysis.h"

#include "core/analysis/logged_run_diagnosis.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lrlab {

LoggedSeries loggedSeries(const ScalarSeries& points)
{
    LoggedSeries ordered(points.begin(), points.end());
    // Stable: of the points at one step, file order is kept, so the last one logged is last.
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const StepValue& a, const StepValue& b) { return a.step < b.step; });
    LoggedSeries unique;
    unique.reserve(ordered.size());
    for (const StepValue& point : ordered) {
        if (!unique.empty() && unique.back().step == point.step)
            unique.back() = point;
        else
            unique.push_back(point);
    }
    return unique;
}

namespace {

/// The role's points, or an empty series when the run has no tag for it.
LoggedSeries roleSeries(const LogRun& run, const std::map<LogRole, std::string>& roles,
                        LogRole role)
{
    const auto tag = roles.find(role);
    if (tag == roles.end())
        return {};
    const auto series = run.series.find(tag->second);
    return series == run.series.end() ? LoggedSeries{} : loggedSeries(series->second);
}

} // namespace

std::optional<Diagnosis>
diagnoseLogRun(const LogRun& run, const std::map<LogRole, std::string>& roles, std::string* missing)
{
    LoggedRun logged;
    logged.trainingLoss = roleSeries(run, roles, LogRole::Loss);
    logged.validationLoss = roleSeries(run, roles, LogRole::ValLoss);
    logged.validationAccuracy = roleSeries(run, roles, LogRole::ValAccuracy);
    std::string why = "no training-loss series";
    if (!logged.trainingLoss.empty()) {
        try {
            return diagnoseLoggedRun(logged);
        } catch (const std::invalid_argument& e) {
            why = e.what();
        }
    }
    if (missing)
        *missing = why;
    return std::nullopt;
}

LogRunAnalysis analyseLogRun(const LogRun& run, const std::map<LogRole, std::string>& roles)
{
    LogRunAnalysis analysis;
    LoggedSeries rates = roleSeries(run, roles, LogRole::LearningRate);
    // A rate the log could not write (NaN) says nothing about the schedule: fit the others.
    rates.erase(std::remove_if(rates.begin(), rates.end(),
                               [](const StepValue& p) { return !std::isfinite(p.value); }),
                rates.end());
    if (rates.size() < 2) {
        analysis.scheduleMissing =
            rates.empty() ? "no learning-rate series" : "one learning-rate point is not a schedule";
    } else {
        try {
            analysis.schedule = fitSchedule(rates);
        } catch (const std::invalid_argument& e) {
            analysis.scheduleMissing = e.what();
        }
    }

    analysis.diagnosis = diagnoseLogRun(run, roles, &analysis.diagnosisMissing);
    return analysis;
}

} // namespace lrlab
