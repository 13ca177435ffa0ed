#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <memory>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace lrlab::cli {

/// Bad input from the user (options, config, files): the CLI prints it and exits with 2.
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// Exit statuses of every subcommand.
enum ExitCode
{
    kExitOk = 0,
    kExitFailure = 1,   ///< a run-time failure (cannot write output, internal error)
    kExitBadInput = 2,  ///< bad options, config or data
};

/// Parses `arguments` (the subcommand's own, argv[0] = "lrlab <sub>") with parser; on --help
/// prints the help and returns false (exit 0); on an unknown option or a missing value throws
/// UsageError.
bool parseOrHelp(QCommandLineParser& parser, const QStringList& arguments,
                 const QString& description);

/// Required option value, or UsageError naming the option.
QString requiredValue(const QCommandLineParser& parser, const QString& name);
/// Integer / double option values with an error naming the option.
int intValue(const QCommandLineParser& parser, const QString& name, int fallback, int lo,
             int hi);
double doubleValue(const QCommandLineParser& parser, const QString& name, double fallback);

/// An output destination: a file written atomically (QSaveFile: a failed run leaves no partial
/// file) or standard output for "-" / empty. commit() reports write errors.
class Output
{
public:
    explicit Output(const std::string& path);
    ~Output();
    std::ostream& stream() { return *m_stream; }
    /// Flushes and, for a file, atomically replaces it. Throws std::runtime_error on failure.
    void commit();

private:
    std::string m_path;
    std::unique_ptr<std::ostringstream> m_buffer;
    std::ostream* m_stream = nullptr;
};

/// Creates directory `dir` (and parents). Throws std::runtime_error on failure.
void makeDirectory(const std::string& dir);

}  // namespace lrlab::cli
