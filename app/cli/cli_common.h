#pragma once

#include "core/config/config_json.h"
#include "core/util/output_set.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <functional>
#include <memory>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace lrlab::cli {

/// Bad input from the user (options, config, files): the CLI prints it and exits with 2.
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// Exit statuses of every subcommand.
enum ExitCode {
    kExitOk = 0,
    kExitFailure = 1,  ///< a run-time failure (cannot write output, internal error)
    kExitBadInput = 2, ///< bad options, config or data
};

/// Parses `arguments` (the subcommand's own, argv[0] = "lrlab <sub>") with parser; on --help
/// prints the help and returns false (exit 0); on an unknown option, a missing value or (unless
/// takesPositional) a positional argument throws UsageError.
bool parseOrHelp(QCommandLineParser& parser, const QStringList& arguments,
                 const QString& description, bool takesPositional = false);

/// Required option value, or UsageError naming the option.
QString requiredValue(const QCommandLineParser& parser, const QString& name);
/// Integer / double option values with an error naming the option.
int intValue(const QCommandLineParser& parser, const QString& name, int fallback, int lo, int hi);
double doubleValue(const QCommandLineParser& parser, const QString& name, double fallback);

/// The config file at path (loadRunConfig), its warnings printed to stderr as notes. Throws
/// ConfigError for a bad file.
LoadedConfig loadConfigFile(const std::string& path);

/// A rate grid "A:B:N": N log-spaced learning rates from A to B (logSpacedRates). Throws
/// UsageError naming `option`, whose message shows `example` (e.g. "1e-4:1:13").
std::vector<double> parseRateGrid(const QString& text, const std::string& option,
                                  const std::string& example);

/// A JSON number, or null when v is not finite (JSON has no NaN or infinity).
QJsonValue jsonNumberOrNull(double v);
/// Writes object as indented JSON to path (or stdout for "-") through Output. QJsonDocument
/// writes C-locale numbers (shortest text that round-trips) and the keys in sorted order.
void writeJsonFile(const std::string& path, const QJsonObject& object);
/// Writes object as indented JSON (QJsonDocument) to out.
void writeJson(std::ostream& out, const QJsonObject& object);
/// A CSV cell of a number: empty for NaN, else formatDouble.
std::string csvCell(double v);

/// An output destination: its text is collected in stream() and written on commit() through
/// lrlab::OutputFile: a regular file atomically (a failed run leaves no partial file), standard
/// output ("-" or empty), a device or a FIFO directly.
class Output
{
public:
    explicit Output(const std::string& path);
    ~Output();
    std::ostream& stream() { return m_buffer; }
    /// Writes the text. Throws std::runtime_error naming the file on failure (a full disk is
    /// named as such).
    void commit();

private:
    std::string m_path;
    std::ostringstream m_buffer;
};

/// Writes a file (or stdout for "-") through Output: write fills the stream, then it is
/// committed. Throws std::runtime_error on failure.
void writeFile(const std::string& path, const std::function<void(std::ostream&)>& write);

/// Checks the path of an output option before any work (lrlab::checkOutputFile); a path that
/// cannot be written is a UsageError naming the option.
void checkOutputPath(const QString& path, const QString& option);
/// Checks an output folder before any work (lrlab::OutputSet::check); UsageError naming the
/// option.
void checkOutputSet(const OutputSet& set, const QString& option);

/// Every file lrlab writes into a trace folder ('run --out-dir', 'find-lr --out-dir'): a new
/// set in the folder replaces all of them.
const QStringList& traceFolderFiles();

} // namespace lrlab::cli
