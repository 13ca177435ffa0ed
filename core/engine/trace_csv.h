#pragma once

#include "core/engine/model_run.h"
#include "core/engine/toy_run.h"

#include <ostream>

namespace lrlab {

/// Writes a toy trace as CSV (docs/semantics.md §3.1): header "step,lr,loss,x,y", then one row per
/// recorded step with 17 significant digits; a diverged trace ends at its non-finite row.
void writeToyTraceCsv(std::ostream& out, const ToyTrace& trace);

/// Writes a model trace as CSV (docs/semantics.md §3.1): "step,lr,loss[,x,y],train_loss,val_loss
/// [,val_acc]" (x, y for two-parameter models; val_acc for classification). The evaluation
/// columns are empty on rows without an evaluation. Floats with 9 digits, doubles with 17.
void writeModelTraceCsv(std::ostream& out, const ModelTrace& trace, bool classification);

/// "index,value" lines of a float parameter vector (init.csv, final.csv).
void writeParameterCsv(std::ostream& out, const std::vector<float>& values);
/// The same for a toy run's double parameters (formatDouble).
void writeParameterCsv(std::ostream& out, const std::vector<double>& values);

/// batches.csv: "step,rows" with the dataset row indices of batch k separated by spaces.
void writeBatchesCsv(std::ostream& out, const ModelTrace& trace);

/// split.csv: "row,split" for every dataset row, split = train or val.
void writeSplitCsv(std::ostream& out, int rows, const std::vector<int>& train,
                   const std::vector<int>& validation);

/// Writes "step,lr" for steps 0..steps-1 of config's schedule.
void writeScheduleCsv(std::ostream& out, const ScheduleSpec& schedule, int steps);

} // namespace lrlab
