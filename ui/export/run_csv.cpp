#include "ui/export/run_csv.h"

#include "core/engine/trace_csv.h"
#include "core/util/output_file.h"
#include "core/util/output_set.h"

#include <QDir>
#include <QRegularExpression>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace lrlab {

namespace {

/// Column order of the combined file: every column either trace writer produces.
const std::vector<std::string> kColumnOrder{"step", "lr",         "loss",     "x",
                                            "y",    "train_loss", "val_loss", "val_acc"};

std::vector<std::string> splitLine(const std::string& line)
{
    // Trace cells are numbers or empty: no quoting inside.
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = line.find(',', start);
        cells.push_back(line.substr(start, comma - start));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return cells;
}

std::string quoted(const QString& label)
{
    const std::string text = label.toStdString();
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

void saveText(const std::string& text, const QString& path)
{
    writeOutputFile(path, QByteArray(text.data(), static_cast<qsizetype>(text.size())));
}

QString fileSafe(const QString& label)
{
    QString out;
    for (QChar c : label) {
        if (c.isLetterOrNumber() || c == '-' || c == '_' || c == '.')
            out += c;
        else if (!out.endsWith('_'))
            out += '_';
    }
    while (out.endsWith('_'))
        out.chop(1);
    return out;
}

} // namespace

std::string runTraceCsv(const ExportRun& run)
{
    std::ostringstream out;
    if (run.toy)
        writeToyTraceCsv(out, *run.toy);
    else if (run.model)
        writeModelTraceCsv(out, *run.model, run.classification);
    return out.str();
}

void writeCombinedCsv(std::ostream& out, const std::vector<ExportRun>& runs)
{
    // Each run's own CSV, split into its header and rows, then remapped onto the union.
    std::vector<std::vector<std::string>> headers;
    std::vector<std::vector<std::vector<std::string>>> bodies;
    std::vector<bool> used(kColumnOrder.size(), false);
    for (const ExportRun& run : runs) {
        std::istringstream in(runTraceCsv(run));
        std::string line;
        std::getline(in, line);
        headers.push_back(splitLine(line));
        for (const std::string& name : headers.back()) {
            const auto it = std::find(kColumnOrder.begin(), kColumnOrder.end(), name);
            if (it == kColumnOrder.end())
                throw std::logic_error("trace column '" + name + "' not in the combined order");
            used[static_cast<std::size_t>(it - kColumnOrder.begin())] = true;
        }
        bodies.emplace_back();
        while (std::getline(in, line))
            bodies.back().push_back(splitLine(line));
    }
    std::vector<std::string> columns;
    for (std::size_t c = 0; c < kColumnOrder.size(); ++c)
        if (used[c])
            columns.push_back(kColumnOrder[c]);
    out << "run";
    for (const std::string& c : columns)
        out << ',' << c;
    out << '\n';
    for (std::size_t r = 0; r < runs.size(); ++r) {
        // Where each combined column sits in this run's rows (-1: absent).
        std::vector<int> source;
        for (const std::string& c : columns) {
            const auto it = std::find(headers[r].begin(), headers[r].end(), c);
            source.push_back(it == headers[r].end() ? -1
                                                    : static_cast<int>(it - headers[r].begin()));
        }
        const std::string label = quoted(runs[r].label);
        for (const auto& cells : bodies[r]) {
            out << label;
            for (int s : source)
                out << ',' << (s >= 0 ? cells[static_cast<std::size_t>(s)] : std::string());
            out << '\n';
        }
    }
}

void saveRunCsv(const ExportRun& run, const QString& path)
{
    saveText(runTraceCsv(run), path);
}

void saveCombinedCsv(const std::vector<ExportRun>& runs, const QString& path)
{
    std::ostringstream out;
    writeCombinedCsv(out, runs);
    saveText(out.str(), path);
}

QStringList saveRunCsvFiles(const std::vector<ExportRun>& runs, const QString& directory,
                            const QString& stem)
{
    std::vector<std::pair<QString, std::string>> files;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QString name = stem + '-' + QString::number(i + 1);
        const QString label = fileSafe(runs[i].label);
        if (!label.isEmpty())
            name += '-' + label;
        files.emplace_back(name + ".csv", runTraceCsv(runs[i]));
    }
    // The set: these files, and those of an earlier export with the same stem (which go).
    const QRegularExpression earlier('^' + QRegularExpression::escape(stem) +
                                     "-[0-9]+(-[A-Za-z0-9._-]+)?\\.csv$");
    QStringList family;
    for (const QString& name : QDir(directory).entryList(QDir::Files))
        if (earlier.match(name).hasMatch())
            family << name;
    for (const auto& file : files)
        if (!family.contains(file.first))
            family << file.first;
    OutputSet set(directory, family);
    for (const auto& [name, text] : files)
        set.add(name, QByteArray(text.data(), static_cast<qsizetype>(text.size())));
    set.commit();
    QStringList paths;
    for (const auto& file : files)
        paths << QDir(directory).filePath(file.first);
    return paths;
}

} // namespace lrlab
