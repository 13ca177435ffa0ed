#include "core/logs/log_follower.h"

#include "core/logs/csv_log_reader.h"
#include "core/logs/log_discovery.h"
#include "core/logs/tfrecord_reader.h"
#include "core/logs/trainer_state_reader.h"
#include "core/util/input_file.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace lrlab {

LogFollower::LogFollower(LogSource source, Mode mode) : m_mode(mode)
{
    m_run.source = std::move(source);
    for (const std::string& file : m_run.source.files)
        addReader(file);
    // A run at a directory (not at one of its files) takes up the event files written there.
    const std::vector<std::string>& files = m_run.source.files;
    const bool atDirectory =
        std::find(files.begin(), files.end(), m_run.source.path) == files.end();
    if (m_run.source.format == LogFormat::TensorBoard && m_mode == Mode::Follow && atDirectory) {
        std::set<std::string> dirs;
        for (const std::string& file : m_run.source.files)
            dirs.insert(QFileInfo(QString::fromStdString(file)).path().toStdString());
        if (m_run.source.files.empty())
            dirs.insert(m_run.source.path);
        m_eventDirs.assign(dirs.begin(), dirs.end());
    }
}

void LogFollower::addReader(const std::string& file)
{
    m_knownFiles.insert(file);
    switch (m_run.source.format) {
    case LogFormat::TensorBoard:
        m_readers.push_back(std::make_unique<TfEventFileReader>(file));
        break;
    case LogFormat::TrainerState:
        m_readers.push_back(std::make_unique<TrainerStateReader>(file));
        break;
    case LogFormat::Csv:
        m_readers.push_back(std::make_unique<CsvLogReader>(file));
        break;
    }
}

std::size_t LogFollower::findNewEventFiles()
{
    std::size_t added = 0;
    for (const std::string& dir : m_eventDirs) {
        // Name order: TensorBoard names a file by the time it was created.
        const QFileInfoList entries =
            QDir(QString::fromStdString(dir)).entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
        for (const QFileInfo& entry : entries) {
            const std::string file = entry.filePath().toStdString();
            if (m_knownFiles.count(file) > 0)
                continue;
            const auto passed = m_passedOver.find(file);
            if (passed != m_passedOver.end() && passed->second == entry.size())
                continue; // judged before and unchanged since
            std::optional<LogFormat> format;
            try {
                format = sniffLogFormat(file);
            } catch (const InputFileError&) {
            }
            if (format != LogFormat::TensorBoard) {
                // Not an event file, or one whose first record is not complete yet.
                m_passedOver[file] = entry.size();
                continue;
            }
            m_passedOver.erase(file);
            addReader(file);
            m_run.source.files.push_back(file);
            ++added;
        }
    }
    return added;
}

LogFollower::~LogFollower() = default;

LogRefresh LogFollower::refresh()
{
    LogRefresh refresh;
    for (const auto& reader : m_readers)
        refresh.restarted = refresh.restarted || reader->replacedOrTruncated();
    if (refresh.restarted) {
        for (const auto& reader : m_readers)
            reader->restart();
        m_run.series.clear();
        m_run.problems.clear();
        m_run.skippedRecords = 0;
    }
    refresh.newFiles = findNewEventFiles();
    const std::size_t pointsBefore = m_run.pointCount();
    const std::size_t problemsBefore = m_run.problems.size();
    for (const auto& reader : m_readers)
        reader->readAppended(m_run, m_mode == Mode::Complete);
    const std::size_t pointsAfter = m_run.pointCount();
    // A re-read trainer_state.json replaces its series: count what is beyond the old length.
    refresh.newPoints = pointsAfter > pointsBefore ? pointsAfter - pointsBefore : 0;
    refresh.newProblems = m_run.problems.size() - problemsBefore;
    return refresh;
}

LogRun readLog(const LogSource& source, LogFollower::Mode mode)
{
    LogFollower follower(source, mode);
    follower.refresh();
    return follower.run();
}

std::vector<LogRun> importLogs(const std::vector<std::string>& paths,
                               std::vector<LogProblem>& problems, LogFollower::Mode mode)
{
    std::vector<LogRun> runs;
    for (const std::string& path : paths) {
        LogDiscovery found = discoverLogs(path);
        problems.insert(problems.end(), found.problems.begin(), found.problems.end());
        for (const LogSource& source : found.sources)
            runs.push_back(readLog(source, mode));
    }
    return runs;
}

} // namespace lrlab
