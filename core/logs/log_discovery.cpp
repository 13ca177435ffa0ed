#include "core/logs/log_discovery.h"

#include "core/logs/crc32c.h"
#include "core/logs/csv_log_reader.h"
#include "core/logs/log_file_reader.h"
#include "core/util/input_file.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QString>

#include <algorithm>
#include <map>
#include <set>

namespace lrlab {

namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;

std::uint32_t little32(const std::string& s, std::size_t at)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
    return v;
}

bool namedLikeEventFile(const std::string& path)
{
    return QFileInfo(QString::fromStdString(path)).fileName().contains("tfevents");
}

/// The checkpoint number of D/checkpoint-N/trainer_state.json, or -1.
long long checkpointNumber(const QFileInfo& file)
{
    const QString dir = file.dir().dirName();
    if (!dir.startsWith("checkpoint-"))
        return -1;
    bool ok = false;
    const long long n = dir.mid(11).toLongLong(&ok);
    return ok ? n : -1;
}

/// Whether the CSV row after the header (when head holds one) has a number or an empty cell
/// besides the step: lrlab's batches.csv ("step,rows" with lists of row indices) has none.
bool firstRowHasNumbers(const std::string& head, std::size_t headerEnd, int stepColumn)
{
    if (headerEnd == std::string::npos || headerEnd + 1 >= head.size())
        return true; // only a header so far
    const std::size_t rowEnd = head.find('\n', headerEnd + 1);
    const std::vector<std::string> cells = splitCsvLine(head.substr(
        headerEnd + 1, rowEnd == std::string::npos ? std::string::npos : rowEnd - headerEnd - 1));
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const QString cell = QString::fromStdString(cells[i]).trimmed();
        bool number = false;
        cell.toDouble(&number);
        if (static_cast<int>(i) != stepColumn && (cell.isEmpty() || number))
            return true;
    }
    return false;
}

} // namespace

std::optional<LogFormat> sniffLogFormat(const std::string& path, std::string* why)
{
    RegularFile file(path, kMaxLogFileBytes, "a training log");
    const std::string head = file.readPrefix(kSniffBytes);
    if (head.size() >= 12 && maskedCrc32c(head.data(), 8) == little32(head, 8))
        return LogFormat::TensorBoard;
    if (head.empty() && namedLikeEventFile(path))
        return LogFormat::TensorBoard; // created, nothing written yet
    const std::size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string::npos && head[first] == '{') {
        if (head.find("\"log_history\"") != std::string::npos)
            return LogFormat::TrainerState;
        if (why)
            *why = "a JSON file without \"log_history\" in its first " + formatBytes(kSniffBytes) +
                   " (not a Hugging Face trainer_state.json)";
        return std::nullopt;
    }
    const std::size_t lineEnd = head.find('\n');
    if (head.find('\0') == std::string::npos &&
        (lineEnd != std::string::npos || head.size() < kSniffBytes)) {
        std::string header = head.substr(0, lineEnd);
        if (!header.empty() && header.back() == '\r')
            header.pop_back();
        const int step = csvStepColumn(splitCsvLine(header));
        if (step >= 0 && firstRowHasNumbers(head, lineEnd, step))
            return LogFormat::Csv;
    }
    if (why) {
        if (head.empty())
            *why = "is empty";
        else if (namedLikeEventFile(path))
            *why = "named like a TensorBoard event file, but its first record header's CRC "
                   "does not match (not a TFRecord file, or damaged at its start)";
        else
            *why = "not a training log: neither a TensorBoard event file (TFRecord), a "
                   "trainer_state.json nor a CSV whose header has a step column";
    }
    return std::nullopt;
}

LogDiscovery discoverLogs(const std::string& path)
{
    LogDiscovery found;
    const QFileInfo info(QString::fromStdString(path));
    if (!info.isDir()) {
        try {
            std::string why;
            const std::optional<LogFormat> format = sniffLogFormat(path, &why);
            if (format)
                found.sources.push_back({path, *format, {path}, ""});
            else
                found.problems.push_back({path, "", why});
        } catch (const InputFileError& e) {
            found.problems.push_back({path, "", e.reason()});
        }
        return found;
    }

    std::vector<QString> files;
    QDirIterator it(info.filePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.push_back(it.next());
    std::sort(files.begin(), files.end());

    std::map<QString, LogSource> eventRuns; // by directory
    std::vector<QFileInfo> trainerStates;
    std::vector<LogSource> csvRuns;
    for (const QString& name : files) {
        const std::string file = name.toStdString();
        std::optional<LogFormat> format;
        try {
            format = sniffLogFormat(file);
        } catch (const InputFileError&) {
            continue; // unreadable files below a directory are passed over like non-logs
        }
        if (!format)
            continue;
        const QFileInfo fileInfo(name);
        if (*format == LogFormat::TensorBoard) {
            LogSource& run = eventRuns[fileInfo.path()];
            run.path = fileInfo.path().toStdString();
            run.format = LogFormat::TensorBoard;
            run.files.push_back(file);
        } else if (*format == LogFormat::TrainerState) {
            trainerStates.push_back(fileInfo);
        } else {
            csvRuns.push_back({file, LogFormat::Csv, {file}, ""});
        }
    }

    // Hugging Face output directories: D/trainer_state.json with one D/runs/<name>/ event run.
    std::vector<LogSource> jsonRuns;
    std::map<QString, long long> newestCheckpoint; // D -> highest N of D/checkpoint-N
    for (const QFileInfo& json : trainerStates) {
        const long long n = checkpointNumber(json);
        if (n >= 0) {
            QDir parent = json.dir();
            parent.cdUp();
            auto& newest = newestCheckpoint[parent.path()];
            newest = std::max(newest, n);
        }
    }
    std::set<QString> logDirs;
    for (const auto& [dir, run] : eventRuns)
        logDirs.insert(dir);
    for (const QFileInfo& json : trainerStates)
        if (checkpointNumber(json) < 0)
            logDirs.insert(json.path());
    for (const QFileInfo& json : trainerStates) {
        const long long n = checkpointNumber(json);
        if (n >= 0) {
            QDir parent = json.dir();
            parent.cdUp();
            if (logDirs.count(parent.path()) > 0 || n != newestCheckpoint[parent.path()])
                continue;
        }
        const QString dir = json.path();
        std::vector<QString> hfEventDirs;
        for (const auto& [eventDir, run] : eventRuns)
            if (QFileInfo(eventDir).dir().path() == dir + "/runs")
                hfEventDirs.push_back(eventDir);
        if (hfEventDirs.size() == 1) {
            LogSource& run = eventRuns[hfEventDirs.front()];
            run.path = dir.toStdString();
            run.note = "also holds trainer_state.json: the event file is read instead (the same "
                       "values, plus train/grad_norm, train/epoch and eval/* tags)";
            continue;
        }
        const std::string file = json.filePath().toStdString();
        QDir runDir = json.dir();
        if (n >= 0)
            runDir.cdUp();
        jsonRuns.push_back({runDir.path().toStdString(),
                            LogFormat::TrainerState,
                            {file},
                            n >= 0 ? "the newest checkpoint's trainer_state.json" : ""});
    }

    for (auto& [dir, run] : eventRuns)
        found.sources.push_back(std::move(run));
    for (LogSource& run : jsonRuns)
        found.sources.push_back(std::move(run));
    for (LogSource& run : csvRuns)
        found.sources.push_back(std::move(run));
    std::sort(found.sources.begin(), found.sources.end(),
              [](const LogSource& a, const LogSource& b) { return a.path < b.path; });
    if (found.sources.empty())
        found.problems.push_back(
            {path, "",
             files.empty() ? "an empty directory: no training log in it"
                           : "no training log below this directory (looked for TensorBoard event "
                             "files, trainer_state.json and CSV files with a step column among " +
                                 std::to_string(files.size()) + " files)"});
    return found;
}

} // namespace lrlab
