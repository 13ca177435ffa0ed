#pragma once

#include "core/analysis/diagnosis.h"
#include "core/analysis/schedule_fit.h"
#include "core/logs/log_follower.h"
#include "core/logs/log_roles.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

class QFileSystemWatcher;
class QTimer;

namespace lrlab {

/// What lrlab makes of a logged run: the tags that play each role, the schedule recognised in
/// its LR curve and the diagnosis of its losses (both once the analysis can be made).
struct LogAnalysis
{
    std::map<LogRole, std::string> roles;
    /// The schedule of lrlab's family closest to the LR curve (fitSchedule; fits says whether
    /// it is one); none without an LR of two or more points, or when fitting it failed.
    std::optional<ScheduleFit> fit;
    /// Why the LR curve could not be fitted (the core's message), "" otherwise.
    std::string fitError;
    /// The diagnosis of the losses (diagnoseLoggedRun); none without a training loss, or when
    /// it failed.
    std::optional<Diagnosis> diagnosis;
    /// Why the losses could not be diagnosed (the core's message), "" otherwise.
    std::string diagnosisError;
};

/// Analyses run with its roles matched by name, or chosen by overrides (analyseLogRun; any
/// thread: pure).
LogAnalysis analyseLog(const LogRun& run, const LogRoleOverrides& overrides = {});

/// A run as read at one moment, with its analysis: immutable, shared between the worker that
/// made it and the views that draw it.
struct LogSnapshot
{
    LogRun run;
    LogAnalysis analysis;
};

/// Reads imported training logs off the GUI thread and follows the ones asked to.
///
/// import() discovers the runs at some paths (discoverLogs) and reads each once on the global
/// thread pool; every run gets an id and is reported by runRead(). A followed run is read again
/// (only what was appended: LogFollower::refresh) whenever a QFileSystemWatcher reports one of
/// its files changed and, as a fallback for network file systems where the watcher is silent,
/// every kPollMilliseconds; runRead() reports it when points, problems or a restart came in.
///
/// Threading: the GUI thread never reads a file. Each run's LogFollower is used by one worker
/// at a time (a read that is asked for while one runs is done after it) and never by the GUI
/// thread; results come back through QFutureWatcher signals (queued to this object's thread).
/// remove() and the destructor abandon reads in flight: the worker keeps the follower alive
/// until it finishes and its result is dropped. Public functions: GUI thread only.
///
/// Folders: a followed TensorBoard run takes up event files that appear in its directory
/// (LogFollower). A run imported from a folder (its "import root") has that folder looked at
/// again while one of its runs is followed, on every change the watcher reports in it or a
/// directory below it, and on every poll: when the files under it changed, runs that appeared since
/// (Lightning's next version_N/metrics.csv, a new run directory) are added, followed. A listing
/// that did not change costs one directory walk and reads no file.
class LogWatch : public QObject
{
    Q_OBJECT
public:
    /// The poll fallback's period.
    static constexpr int kPollMilliseconds = 1000;
    /// A run one of whose files was modified less than this long ago is followed from the start
    /// (the writer is probably still running); older runs are read as finished.
    static constexpr int kRecentSeconds = 60;

    /// A run of a saved session to read again (restore()).
    struct SavedRun
    {
        QString path;       ///< the run's path (LogSource::path)
        QString importRoot; ///< the folder it was imported from ("" for none)
        LogRoleOverrides overrides;
        bool following = false;
    };

    /// A run read on a worker, and what a worker saw under an import root (log_watch.cpp).
    struct Found;
    struct Scan;

    explicit LogWatch(QObject* parent = nullptr);
    ~LogWatch() override;

    /// Discovers and reads the runs at paths on a worker: runRead() for each run found,
    /// pathProblems() for paths that hold none.
    void import(const QStringList& paths);
    /// Reads the runs of a session again on a worker: runRead() for each, with its overrides
    /// and follow state; restoreProblems() names each one whose path is missing or holds no run
    /// ("<path>: cannot restore this run of the session: …"); then importFinished().
    void restore(const std::vector<SavedRun>& runs);
    /// Analyses run id again with the tags chosen for its roles (an empty tag: no tag plays the
    /// role; a role left out: matched by name) on a worker; runRead() brings the result.
    void setRoleOverrides(quint64 id, const LogRoleOverrides& overrides);
    /// The tags chosen for run id's roles (empty when none, or no such run).
    LogRoleOverrides roleOverrides(quint64 id) const;
    /// The folder run id was imported from, "" for a file or no such run.
    QString importRoot(quint64 id) const;
    /// Follows run id (reads it again now, then on every change) or stops following it. A run
    /// read as finished is read again from the start in follow mode.
    void setFollowing(quint64 id, bool follow);
    bool isFollowing(quint64 id) const;
    /// Forgets run id; a read in flight is abandoned.
    void remove(quint64 id);
    /// Reads every followed run now (what the timer and the watcher do).
    void refreshFollowed();
    /// Imports and reads whose result has not come back yet.
    int pendingReads() const { return m_pending; }
    /// The files the file-system watcher watches (the followed runs' files).
    QStringList watchedFiles() const;
    /// The directories it watches (followed runs' event directories and import roots).
    QStringList watchedDirectories() const;

signals:
    /// Run id was read: the first time (following: whether it is followed) or with news.
    void runRead(quint64 id, std::shared_ptr<const lrlab::LogSnapshot> snapshot, bool following);
    /// Problems of imported paths that hold no run (each "<path>: <why>").
    void pathProblems(const QStringList& problems);
    /// The runs of a restore() that could not be read again, each "<path>: cannot restore …".
    void restoreProblems(const QStringList& problems);
    /// An import() or restore() (restored) finished: runs found.
    void importFinished(int runs, bool restored);

private:
    struct Watched
    {
        std::shared_ptr<LogFollower> follower;
        LogSource source; ///< a copy: the follower is the worker's while it reads
        QStringList files;
        QString root; ///< the folder it was imported from, "" for none
        LogRoleOverrides overrides;
        bool following = false;
        bool reading = false;
        bool again = false;
        bool reanalyse = false; ///< the next read reports a snapshot even without news
    };
    /// A folder runs were imported from: what was under it when last looked at.
    struct Root
    {
        QStringList listing;                ///< every file and directory below it, sorted
        QStringList dirs;                   ///< the directories below it (watched)
        std::set<std::string> knownSources; ///< the runs found there (LogSource::path)
        bool baselined = false;             ///< listing and knownSources are set
        bool scanning = false;
    };
    static Found readFound(LogSource source, bool following, const QString& root,
                           const LogRoleOverrides& overrides);
    void addFound(std::vector<Found>& found, const QStringList& problems, bool imported,
                  bool restored);
    void startImport(const std::vector<SavedRun>& requests, bool restoring);
    void addRoot(const QString& root, const Scan& scan);
    void read(quint64 id);
    void scan(const QString& root);
    void updateWatcher();

    std::map<quint64, Watched> m_runs;
    std::map<QString, Root> m_roots;
    quint64 m_nextId = 1;
    int m_pending = 0;
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_poll = nullptr;
};

} // namespace lrlab

Q_DECLARE_METATYPE(std::shared_ptr<const lrlab::LogSnapshot>)
