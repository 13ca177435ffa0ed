#include "ui/worker/log_watch.h"

#include "core/logs/log_analysis.h"
#include "core/logs/log_discovery.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <exception>

namespace lrlab {

LogAnalysis analyseLog(const LogRun& run)
{
    LogAnalysis analysis;
    analysis.roles = matchLogRoles(run);
    LogRunAnalysis core = analyseLogRun(run, analysis.roles);
    analysis.fit = std::move(core.schedule);
    analysis.fitError = std::move(core.scheduleMissing);
    analysis.diagnosis = std::move(core.diagnosis);
    analysis.diagnosisError = std::move(core.diagnosisMissing);
    return analysis;
}

/// A run found by an import, read once on the worker.
struct LogWatch::Found
{
    std::shared_ptr<LogFollower> follower;
    std::shared_ptr<const LogSnapshot> snapshot;
    bool following = false;
};

namespace {

std::shared_ptr<const LogSnapshot> snapshotOf(const LogFollower& follower)
{
    auto snapshot = std::make_shared<LogSnapshot>();
    snapshot->run = follower.run();
    snapshot->analysis = analyseLog(snapshot->run);
    return snapshot;
}

/// Whether one of the source's files was modified in the last `seconds` (worker thread).
bool recentlyModified(const LogSource& source, int seconds)
{
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-seconds);
    for (const std::string& file : source.files)
        if (QFileInfo(QString::fromStdString(file)).lastModified().toUTC() >= since)
            return true;
    return false;
}

QStringList filesOf(const LogSource& source)
{
    QStringList files;
    for (const std::string& file : source.files)
        files << QString::fromStdString(file);
    return files;
}

} // namespace

LogWatch::LogWatch(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const LogSnapshot>>();
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString& path) {
        for (auto& [id, watched] : m_runs)
            if (watched.following && watched.files.contains(path))
                read(id);
    });
    m_poll = new QTimer(this);
    m_poll->setInterval(kPollMilliseconds);
    connect(m_poll, &QTimer::timeout, this, &LogWatch::refreshFollowed);
}

// The future watchers are children: deleting them drops the results of reads in flight, whose
// workers own what they use.
LogWatch::~LogWatch() = default;

void LogWatch::import(const QStringList& paths)
{
    struct Result
    {
        std::vector<Found> found;
        QStringList problems;
    };
    std::vector<std::string> list;
    for (const QString& path : paths)
        list.push_back(path.toStdString());
    auto* watcher = new QFutureWatcher<Result>(this);
    ++m_pending;
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher] {
        --m_pending;
        Result result = watcher->result();
        watcher->deleteLater();
        addFound(result.found, result.problems);
    });
    watcher->setFuture(QtConcurrent::run([list] {
        Result result;
        for (const std::string& path : list) {
            try {
                LogDiscovery discovery = discoverLogs(path);
                for (const LogProblem& problem : discovery.problems)
                    result.problems << QString::fromStdString(problem.text());
                for (LogSource& source : discovery.sources) {
                    Found found;
                    found.following = recentlyModified(source, kRecentSeconds);
                    found.follower = std::make_shared<LogFollower>(
                        std::move(source),
                        found.following ? LogFollower::Mode::Follow : LogFollower::Mode::Complete);
                    found.follower->refresh();
                    found.snapshot = snapshotOf(*found.follower);
                    result.found.push_back(std::move(found));
                }
            } catch (const std::exception& e) {
                result.problems << QString::fromStdString(path + ": " + e.what());
            }
        }
        return result;
    }));
}

void LogWatch::addFound(std::vector<Found>& found, const QStringList& problems)
{
    if (!problems.isEmpty())
        emit pathProblems(problems);
    for (Found& run : found) {
        const quint64 id = m_nextId++;
        Watched& watched = m_runs[id];
        watched.follower = run.follower;
        watched.source = run.snapshot->run.source;
        watched.files = filesOf(watched.source);
        watched.following = run.following;
        emit runRead(id, run.snapshot, run.following);
    }
    updateWatcher();
    emit importFinished(static_cast<int>(found.size()));
}

void LogWatch::setFollowing(quint64 id, bool follow)
{
    const auto it = m_runs.find(id);
    if (it == m_runs.end() || it->second.following == follow)
        return;
    Watched& watched = it->second;
    watched.following = follow;
    if (follow) {
        // A finished read reports a cut last record: follow with a fresh follower that waits.
        watched.follower = std::make_shared<LogFollower>(watched.source, LogFollower::Mode::Follow);
        read(id);
    }
    updateWatcher();
}

bool LogWatch::isFollowing(quint64 id) const
{
    const auto it = m_runs.find(id);
    return it != m_runs.end() && it->second.following;
}

void LogWatch::remove(quint64 id)
{
    m_runs.erase(id);
    updateWatcher();
}

void LogWatch::refreshFollowed()
{
    for (auto& [id, watched] : m_runs)
        if (watched.following)
            read(id);
}

QStringList LogWatch::watchedFiles() const
{
    return m_watcher->files();
}

void LogWatch::read(quint64 id)
{
    Watched& watched = m_runs.at(id);
    if (watched.reading) {
        watched.again = true;
        return;
    }
    watched.reading = true;
    watched.again = false;
    const std::shared_ptr<LogFollower> follower = watched.follower;
    auto* watcher = new QFutureWatcher<std::shared_ptr<const LogSnapshot>>(this);
    ++m_pending;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id, follower] {
        --m_pending;
        const std::shared_ptr<const LogSnapshot> snapshot = watcher->result();
        watcher->deleteLater();
        const auto it = m_runs.find(id);
        if (it == m_runs.end())
            return; // removed meanwhile
        Watched& now = it->second;
        now.reading = false;
        // A result of a follower replaced meanwhile (follow turned on) is stale.
        if (snapshot && now.follower == follower)
            emit runRead(id, snapshot, now.following);
        if (now.follower != follower || now.again) {
            read(id);
            return;
        }
        updateWatcher(); // a replaced file drops out of the watcher: watch its successor
    });
    // Everything the worker uses is its own: the follower is shared, the snapshot a copy.
    watcher->setFuture(QtConcurrent::run([follower]() -> std::shared_ptr<const LogSnapshot> {
        const LogRefresh refresh = follower->refresh();
        if (refresh.newPoints == 0 && refresh.newProblems == 0 && !refresh.restarted)
            return nullptr;
        return snapshotOf(*follower);
    }));
}

void LogWatch::updateWatcher()
{
    QStringList wanted;
    for (const auto& [id, watched] : m_runs)
        if (watched.following)
            wanted << watched.files;
    const QStringList watched = m_watcher->files();
    QStringList stale;
    for (const QString& file : watched)
        if (!wanted.contains(file))
            stale << file;
    if (!stale.isEmpty())
        m_watcher->removePaths(stale);
    QStringList missing;
    for (const QString& file : wanted)
        if (!watched.contains(file) && !missing.contains(file))
            missing << file;
    if (!missing.isEmpty())
        m_watcher->addPaths(missing); // files that do not exist (yet) are left to the poll
    const bool anyFollowed = !wanted.isEmpty();
    if (anyFollowed && !m_poll->isActive())
        m_poll->start();
    else if (!anyFollowed)
        m_poll->stop();
}

} // namespace lrlab
