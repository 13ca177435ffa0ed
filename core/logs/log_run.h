#pragma once

#include "core/analysis/logged_series.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lrlab {

/// One logged value: the training step and the value at it (the analysis's StepValue, so a
/// read series goes to fitSchedule and diagnoseLoggedRun as it is).
using ScalarPoint = StepValue;

/// The points of one tag in file order (steps are not sorted or made unique: a resumed run logs
/// some steps twice, and both are kept; loggedSeries() gives the analysis's view).
using ScalarSeries = std::vector<ScalarPoint>;

/// The file formats lrlab reads training logs from.
enum class LogFormat {
    TensorBoard,  ///< TFRecord event files (events.out.tfevents.*)
    TrainerState, ///< Hugging Face Trainer's trainer_state.json
    Csv,          ///< a CSV with a step column (Lightning metrics.csv, W&B export, lrlab traces)
};

/// "tensorboard", "trainer_state", "csv".
const char* logFormatName(LogFormat format);

/// Something that could not be read: the file, where in it ("record 12 at byte 480", "line 7",
/// "" for the whole file) and what is wrong. What could be read is kept.
struct LogProblem
{
    std::string file;
    std::string location;
    std::string message;
    /// "<file>: <location>: <message>" (the location left out when empty).
    std::string text() const;
};

/// Where a run's points come from: its path (a file, or the directory of a TensorBoard run or a
/// Hugging Face output directory), its format and the files read, in reading order.
struct LogSource
{
    std::string path;
    LogFormat format = LogFormat::Csv;
    std::vector<std::string> files;
    /// Why these files were chosen when others were there too ("" when there was no choice).
    std::string note;
};

/// A training run read from its log: every scalar tag's points and the read problems.
struct LogRun
{
    LogSource source;
    std::map<std::string, ScalarSeries> series;
    std::vector<LogProblem> problems;
    /// TFRecord records skipped because of a CRC mismatch or an unreadable Event.
    int skippedRecords = 0;

    /// The number of points of every tag.
    std::size_t pointCount() const;
};

} // namespace lrlab
