#pragma once

#include <QStringList>

namespace lrlab::cli {

/// Each subcommand takes its own arguments (arguments[0] = "lrlab <name>") and returns the exit
/// status. They throw UsageError for bad input and std::runtime_error for failures.
int runCommand(const QStringList& arguments);
int scheduleCommand(const QStringList& arguments);
int findLrCommand(const QStringList& arguments);
int sweepCommand(const QStringList& arguments);
int mergeCommand(const QStringList& arguments);
int surfaceCommand(const QStringList& arguments);
int exportCommand(const QStringList& arguments);
int fineTuneCommand(const QStringList& arguments);
int codeCommand(const QStringList& arguments);
int importCommand(const QStringList& arguments);

} // namespace lrlab::cli
