#pragma once

#include "core/logs/log_run.h"

#include <map>
#include <memory>
#include <set>
#include <vector>

namespace lrlab {

class LogFileReader;

/// What one LogFollower::refresh() changed.
struct LogRefresh
{
    /// A file was replaced (another inode) or truncated: the run was read again from the start,
    /// its series replaced (a view redraws them all).
    bool restarted = false;
    /// Points added by this refresh (after a restart: every point).
    std::size_t newPoints = 0;
    /// Problems added by this refresh (the last ones of run().problems).
    std::size_t newProblems = 0;
    /// Files that appeared since the last refresh and are read from now on (the last ones of
    /// run().source.files).
    std::size_t newFiles = 0;
};

/// Reads a run's files and, on each refresh(), only what was appended to them since: a TFRecord
/// cut in the middle is read once complete, a CSV's last line once its line break is there, a
/// trainer_state.json whenever it changed and parses (a half-written one is "not complete yet").
/// A file replaced or truncated starts the run over. A view polls refresh() (a timer, or a
/// QFileSystemWatcher signal) and reads run(); `lrlab import --follow` polls every 200 ms.
///
/// Following a TensorBoard run at a directory, refresh() also looks in the directories of its event
/// files for event files that appeared since (a restarted training writes a new
/// events.out.tfevents.*): each is read from then on, after the ones there before (new files in
/// name order, which is the order they were written), so its points join the run's series and
/// loggedSeries() merges the steps (the last logged value of a step wins). Files already read are
/// not read again.

class LogFollower
{
public:
    /// How an incomplete end of a file is taken.
    enum class Mode {
        Follow,   ///< the writer is still writing: it waits for the rest
        Complete, ///< the file is finished: what is there is read, a cut record is a problem
    };

    explicit LogFollower(LogSource source, Mode mode = Mode::Follow);
    ~LogFollower();
    LogFollower(const LogFollower&) = delete;
    LogFollower& operator=(const LogFollower&) = delete;

    /// Reads what is new. Never throws for bad input: problems go to run().problems.
    LogRefresh refresh();

    /// The run as read so far.
    const LogRun& run() const { return m_run; }

private:
    void addReader(const std::string& file);
    /// Adds readers for event files new in the run's directories (TensorBoard, Follow mode).
    std::size_t findNewEventFiles();

    LogRun m_run;
    Mode m_mode;
    std::vector<std::unique_ptr<LogFileReader>> m_readers;
    std::vector<std::string> m_eventDirs; ///< where new event files are looked for
    std::set<std::string> m_knownFiles;
    std::map<std::string, std::int64_t> m_passedOver; ///< non-event files by their size then
};

/// Reads a run once (by default a finished one: LogFollower in Complete mode).
LogRun readLog(const LogSource& source, LogFollower::Mode mode = LogFollower::Mode::Complete);

/// The runs at each path (discoverLogs), read once (in Follow mode an incomplete end is not a
/// problem); the problems of paths that hold no run are added to problems.
std::vector<LogRun> importLogs(const std::vector<std::string>& paths,
                               std::vector<LogProblem>& problems,
                               LogFollower::Mode mode = LogFollower::Mode::Complete);

} // namespace lrlab
