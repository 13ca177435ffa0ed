#pragma once

#include "ui/export/export_run.h"

#include <QString>
#include <QStringList>

#include <ostream>
#include <string>
#include <vector>

namespace lrlab {

/// A run's trace in the CSV format of DESIGN.md §3 (writeToyTraceCsv / writeModelTraceCsv):
/// byte for byte what `lrlab run` writes for the same config.
std::string runTraceCsv(const ExportRun& run);

/// Several runs in one CSV: a leading "run" column (the label, quoted when it holds a comma,
/// quote or line break), then the union of the runs' columns in the order
/// step,lr,loss,x,y,train_loss,val_loss,val_acc; a column a run does not have is left empty.
void writeCombinedCsv(std::ostream& out, const std::vector<ExportRun>& runs);

/// Writes one run's trace CSV to path atomically (writeOutputFile: a device or FIFO in place).
/// Throws std::runtime_error.
void saveRunCsv(const ExportRun& run, const QString& path);

/// Writes the combined CSV of runs to path atomically. Throws std::runtime_error.
void saveCombinedCsv(const std::vector<ExportRun>& runs, const QString& path);

/// One file per run in directory: "<stem>-<i>-<label>.csv" (i from 1; the label reduced to
/// letters, digits, '-', '_' and '.'). Returns the paths written. Throws std::runtime_error.
QStringList saveRunCsvFiles(const std::vector<ExportRun>& runs, const QString& directory,
                            const QString& stem = QStringLiteral("trace"));

} // namespace lrlab
