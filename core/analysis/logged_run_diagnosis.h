#pragma once

#include "core/analysis/diagnosis.h"
#include "core/analysis/logged_series.h"

#include <optional>

namespace lrlab {

/// The scalars a training log holds for one run, each as (step, value) in the log's order.
struct LoggedRun
{
    LoggedSeries trainingLoss;       ///< minibatch (or logging-interval mean) losses; required
    LoggedSeries validationLoss;     ///< optional
    LoggedSeries validationAccuracy; ///< optional; used as 1 − accuracy when there is no
                                     ///< validation loss
    std::optional<double> floor;     ///< the loss's lower bound when known: then a run can be "too
                                     ///< slow" to reach it (§2.6); logs rarely know it
};

/// Diagnoses a logged run with diagnose()'s rules (docs/semantics.md §2.6). The training loss
/// is resampled by linear interpolation onto a regular grid of the median spacing of its steps
/// (so sparse and unevenly spaced logs are judged per logged interval, and a log of every
/// step is used as it is) and judged as a noisy minibatch curve; validation values are taken at
/// their own steps, with the mean training loss logged since the previous evaluation beside
/// them. Without a floor the "too slow" rule is not applied (a run that removed 10 % of its
/// starting loss is converging). The evidence counts logged steps: the first non-finite loss names
/// its step, windows and step counts are in steps. Throws std::invalid_argument naming the series
/// and point for an empty training loss or steps that do not increase.
Diagnosis diagnoseLoggedRun(const LoggedRun& run);

} // namespace lrlab
