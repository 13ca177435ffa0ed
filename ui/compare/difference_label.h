#pragma once

#include "core/config/run_config.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace lrlab {

/// Formats a config number for a label: integers as integers (seed 12345, warmup 100), other
/// values with 3 significant digits and a short exponent ("0.1", "0.00316", "1e-7").
QString formatLabelNumber(double value);

/// For each run of a compared set, the short phrases naming the settings in which it differs
/// from at least one other run of the set, in a fixed reading order (lr first, then optimizer,
/// schedule, problem, start, steps, seed), e.g. {"lr 0.01", "warmup 100"}. Settings are
/// compared on the keys of runConfigToJson. A key that only one side has (momentum for sgd vs
/// adam) or whose defaults differ between types (b of rosenbrock vs quadratic) is named only
/// when some side sets it away from its type's default, so "sgd" vs "adam" is not cluttered by
/// their default hyper-parameters. schedule.total_steps is named only when it is not the run's
/// steps. Empty lists where nothing differs. Pure; any thread.
std::vector<QStringList> differingParts(const std::vector<RunConfig>& runs);

/// The label of run among others: the phrases of differingParts joined by ", " (e.g.
/// "lr 0.01, warmup 100", "adam", "hidden 64×32"), or "run <number>" when nothing differs.
QString describeDifference(const RunConfig& run, const std::vector<RunConfig>& others,
                           int number = 1);

} // namespace lrlab
