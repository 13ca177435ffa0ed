#include "core/logs/log_follower.h"

#include "core/logs/csv_log_reader.h"
#include "core/logs/log_discovery.h"
#include "core/logs/tfrecord_reader.h"
#include "core/logs/trainer_state_reader.h"

namespace lrlab {

LogFollower::LogFollower(LogSource source, Mode mode) : m_mode(mode)
{
    for (const std::string& file : source.files) {
        switch (source.format) {
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
    m_run.source = std::move(source);
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
