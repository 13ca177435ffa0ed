#pragma once

#include "core/logs/log_run.h"

#include <optional>
#include <string>
#include <vector>

namespace lrlab {

/// The log format of the file at path judged by its content: a TFRecord whose first length CRC
/// matches (or an empty file named *tfevents*), JSON holding "log_history", or CSV whose header
/// has a step column and whose first row has another number (or an empty cell, as in a sparse
/// Lightning row). Otherwise nullopt, with the reason in why. Throws InputFileError for a
/// file that cannot be read.
std::optional<LogFormat> sniffLogFormat(const std::string& path, std::string* why = nullptr);

/// The runs found at a path, and the problems of the paths that hold none.
struct LogDiscovery
{
    std::vector<LogSource> sources;
    std::vector<LogProblem> problems;
};

/// The runs at path. A file is one run (its format from sniffLogFormat). A directory is searched
/// recursively, each file judged by its content (files that are not logs are passed over):
///  - the event files of one directory are one TensorBoard run (path: that directory; files in
///    name order, which is the order they were written);
///  - a Hugging Face output directory D holding trainer_state.json and one run D/runs/<name>/
///    of event files is one run at D read from the event files (the same values as the JSON,
///    plus train/grad_norm, train/epoch and eval/* tags, and appended records can be followed);
///    the note says so;
///  - D/checkpoint-*/trainer_state.json are copies of D's log made at checkpoints: left out
///    when D has a log, else the highest-numbered checkpoint's is used;
///  - every other trainer_state.json and every CSV with a step column is a run.
/// A path that holds no log is a problem naming it.
LogDiscovery discoverLogs(const std::string& path);

} // namespace lrlab
