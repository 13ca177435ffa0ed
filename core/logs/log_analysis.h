#pragma once

#include "core/analysis/diagnosis.h"
#include "core/analysis/schedule_fit.h"
#include "core/logs/log_roles.h"
#include "core/logs/log_run.h"

#include <map>
#include <optional>
#include <string>

namespace lrlab {

/// What lrlab tells about an imported run: the schedule its logged learning rate followed and
/// the diagnosis of its loss (docs/semantics.md §2.6), each with why it is missing when it is.
struct LogRunAnalysis
{
    std::optional<ScheduleFit> schedule; ///< the best fit (fits or not); absent without LR points
    std::string scheduleMissing;        ///< why schedule is absent ("no learning-rate series", …)
    std::optional<Diagnosis> diagnosis; ///< absent without training-loss points
    std::string diagnosisMissing;       ///< why diagnosis is absent
};

/// A tag's points as the analysis takes them: ordered by step, non-finite steps kept as they
/// are; where a step is logged more than once (a resumed run) its last value is kept.
LoggedSeries loggedSeries(const ScalarSeries& points);

/// Diagnoses the run's loss, val_loss and val_acc roles; without a training loss (or with one
/// the analysis refuses) nothing, with the reason in missing. Cheap enough to repeat on every
/// refresh of a followed run (the schedule fit is not).
std::optional<Diagnosis> diagnoseLogRun(const LogRun& run,
                                        const std::map<LogRole, std::string>& roles,
                                        std::string* missing = nullptr);

/// Recognises the schedule of the run's lr role and diagnoses its loss, val_loss and val_acc
/// roles (the tags matchLogRoles chose). Never throws for what a log holds: a series the
/// analysis refuses gives its reason in scheduleMissing / diagnosisMissing.
LogRunAnalysis analyseLogRun(const LogRun& run, const std::map<LogRole, std::string>& roles);

} // namespace lrlab
