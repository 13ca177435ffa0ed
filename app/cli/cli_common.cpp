#include "app/cli/cli_common.h"

#include "app/cli/interrupt.h"

#include "core/analysis/sweep.h"
#include "core/util/format.h"
#include "core/util/output_file.h"

#include <QJsonDocument>

#include <iostream>

#include <cerrno>
#include <cmath>
#include <cstring>

namespace lrlab::cli {

bool parseOrHelp(QCommandLineParser& parser, const QStringList& arguments,
                 const QString& description, bool takesPositional)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({"h", "help"}, "Show this help and exit.");
    parser.addOption(help);
    if (!parser.parse(arguments))
        throw UsageError(parser.errorText().toStdString());
    if (parser.isSet(help)) {
        // Qt names the executable's path in the usage line; show the subcommand instead.
        QString text = parser.helpText();
        const int end = static_cast<int>(text.indexOf(" [options]"));
        if (text.startsWith("Usage: ") && end > 0)
            text.replace(7, end - 7, arguments.first());
        std::fputs(text.toUtf8().constData(), stdout);
        return false;
    }
    if (!takesPositional && !parser.positionalArguments().isEmpty())
        throw UsageError("unexpected argument '" +
                         parser.positionalArguments().first().toStdString() + "' (see --help)");
    return true;
}

QString requiredValue(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name) || parser.value(name).isEmpty())
        throw UsageError("missing required option --" + name.toStdString() + " (see --help)");
    return parser.value(name);
}

int intValue(const QCommandLineParser& parser, const QString& name, int fallback, int lo, int hi)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int v = parser.value(name).toInt(&ok);
    if (!ok || v < lo || v > hi)
        throw UsageError("--" + name.toStdString() + ": expected an integer in [" +
                         std::to_string(lo) + ", " + std::to_string(hi) + "], got '" +
                         parser.value(name).toStdString() + "'");
    return v;
}

double doubleValue(const QCommandLineParser& parser, const QString& name, double fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const double v = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v))
        throw UsageError("--" + name.toStdString() + ": expected a finite number, got '" +
                         parser.value(name).toStdString() + "'");
    return v;
}

LoadedConfig loadConfigFile(const std::string& path)
{
    LoadedConfig loaded = loadRunConfig(path);
    for (const auto& warning : loaded.warnings)
        std::cerr << "lrlab: note: " << path << ": " << warning << '\n';
    return loaded;
}

std::vector<double> parseRateGrid(const QString& text, const std::string& option,
                                  const std::string& example)
{
    const QStringList parts = text.split(':');
    bool okA = false;
    bool okB = false;
    bool okN = false;
    double a = 0.0;
    double b = 0.0;
    int n = 0;
    if (parts.size() == 3) {
        a = parts[0].toDouble(&okA);
        b = parts[1].toDouble(&okB);
        n = parts[2].toInt(&okN);
    }
    if (!okA || !okB || !okN)
        throw UsageError(option + ": expected A:B:N (e.g. " + example + "), got '" +
                         text.toStdString() + "'");
    if (!(a > 0) || !(b > 0) || !std::isfinite(a) || !std::isfinite(b))
        throw UsageError(option + ": the learning rates must be positive, got '" +
                         text.toStdString() + "'");
    if (n < 1 || n > 10000)
        throw UsageError(option + ": N must be in [1, 10000], got " + std::to_string(n));
    return logSpacedRates(a, b, n);
}

QJsonValue jsonNumberOrNull(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

void writeJson(std::ostream& out, const QJsonObject& object)
{
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Indented);
    out.write(text.constData(), text.size());
}

void writeJsonFile(const std::string& path, const QJsonObject& object)
{
    writeFile(path, [&](std::ostream& out) { writeJson(out, object); });
}

std::string csvCell(double v)
{
    return std::isnan(v) ? std::string() : formatDouble(v);
}

void writeFile(const std::string& path, const std::function<void(std::ostream&)>& write)
{
    Output out(path);
    write(out.stream());
    out.commit();
}

Output::Output(const std::string& path) : m_path(path.empty() ? std::string("-") : path) {}

Output::~Output() = default;

void Output::commit()
{
    throwIfInterrupted(); // a stopped run commits no file
    const std::string text = m_buffer.str();
    writeOutputFile(QString::fromStdString(m_path),
                    QByteArray(text.data(), static_cast<qsizetype>(text.size())));
}

void checkOutputPath(const QString& path, const QString& option)
{
    try {
        checkOutputFile(path);
    } catch (const std::invalid_argument& e) {
        throw UsageError("--" + option.toStdString() + ": " + e.what());
    }
}

void checkOutputSet(const OutputSet& set, const QString& option)
{
    try {
        set.check();
    } catch (const std::invalid_argument& e) {
        throw UsageError("--" + option.toStdString() + ": " + e.what());
    }
}

const QStringList& traceFolderFiles()
{
    static const QStringList files{"trace.csv",   "init.csv",  "final.csv",
                                   "batches.csv", "split.csv", "summary.json"};
    return files;
}

} // namespace lrlab::cli
