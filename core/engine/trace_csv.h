#pragma once

#include "core/engine/toy_run.h"

#include <ostream>

namespace lrlab {

/// Writes a toy trace as CSV (DESIGN.md §3): header "step,lr,loss,x,y", then one row per
/// recorded step with 17 significant digits; a diverged trace ends at its non-finite row.
void writeToyTraceCsv(std::ostream& out, const ToyTrace& trace);

/// Writes "step,lr" for steps 0..steps-1 of config's schedule.
void writeScheduleCsv(std::ostream& out, const ScheduleSpec& schedule, int steps);

}  // namespace lrlab
