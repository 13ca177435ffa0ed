#pragma once

#include "ui/export/export_run.h"

#include <QString>
#include <QStringList>

#include <ostream>
#include <string>
#include <vector>

namespace lrlab {

/// A run's trace in the CSV format of docs/semantics.md §3.1 (writeToyTraceCsv /
/// writeModelTraceCsv): byte for byte what `lrlab run` writes for the same config.
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
/// letters, digits, '-', '_' and '.'), committed together as one OutputSet: the files of an
/// earlier export with the same stem that this one does not write are removed, other files are
/// kept. Returns the paths written. Throws std::invalid_argument for a directory that cannot
/// take them, std::runtime_error when writing fails.
QStringList saveRunCsvFiles(const std::vector<ExportRun>& runs, const QString& directory,
                            const QString& stem = QStringLiteral("trace"));

} // namespace lrlab
