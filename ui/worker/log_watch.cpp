#include "ui/worker/log_watch.h"

#include "core/logs/log_analysis.h"
#include "core/logs/log_discovery.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <exception>
#include <utility>

namespace lrlab {

LogAnalysis analyseLog(const LogRun& run, const LogRoleOverrides& overrides)
{
    LogAnalysis analysis;
    analysis.roles = matchLogRoles(run, overrides);
    LogRunAnalysis core = analyseLogRun(run, analysis.roles);
    analysis.fit = std::move(core.schedule);
    analysis.fitError = std::move(core.scheduleMissing);
    analysis.diagnosis = std::move(core.diagnosis);
    analysis.diagnosisError = std::move(core.diagnosisMissing);
    return analysis;
}

/// A run found by an import, a restore or a look at an import root, read once on the worker.
struct LogWatch::Found
{
    std::shared_ptr<LogFollower> follower;
    std::shared_ptr<const LogSnapshot> snapshot;
    bool following = false;
    QString root;
    LogRoleOverrides overrides;
};

/// What a worker saw under an import root: its files and runs, and the runs new there.
struct LogWatch::Scan
{
    QStringList listing;
    QStringList dirs;
    std::set<std::string> sources;
    std::vector<Found> found;
};

namespace {

/// At most this many directories below an import root are watched (the poll sees the rest).
constexpr int kMaxWatchedRootDirs = 256;

std::shared_ptr<const LogSnapshot> snapshotOf(const LogFollower& follower,
                                              const LogRoleOverrides& overrides)
{
    auto snapshot = std::make_shared<LogSnapshot>();
    snapshot->run = follower.run();
    snapshot->analysis = analyseLog(snapshot->run, overrides);
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

/// The directories of a TensorBoard run's files, where new event files appear.
QStringList eventDirsOf(const LogSource& source)
{
    QStringList dirs;
    if (source.format != LogFormat::TensorBoard)
        return dirs;
    for (const std::string& file : source.files) {
        const QString dir = QFileInfo(QString::fromStdString(file)).path();
        if (!dirs.contains(dir))
            dirs << dir;
    }
    return dirs;
}

/// Every file and directory below dir, sorted (worker thread); dirs gets the directories.
QStringList listEntries(const QString& dir, QStringList* dirs = nullptr)
{
    QStringList entries;
    QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString entry = it.next();
        entries << entry;
        if (dirs && it.fileInfo().isDir())
            dirs->append(entry);
    }
    entries.sort();
    if (dirs)
        dirs->sort();
    return entries;
}

/// The source at path for a restore: the one whose path is path, or the only one.
const LogSource* restoredSource(const LogDiscovery& discovery, const std::string& path)
{
    for (const LogSource& source : discovery.sources)
        if (QFileInfo(QString::fromStdString(source.path)) ==
            QFileInfo(QString::fromStdString(path)))
            return &source;
    return discovery.sources.size() == 1 ? &discovery.sources.front() : nullptr;
}

} // namespace

LogWatch::Found LogWatch::readFound(LogSource source, bool following, const QString& root,
                                    const LogRoleOverrides& overrides)
{
    Found found;
    found.following = following;
    found.root = root;
    found.overrides = overrides;
    found.follower = std::make_shared<LogFollower>(
        std::move(source), following ? LogFollower::Mode::Follow : LogFollower::Mode::Complete);
    found.follower->refresh();
    found.snapshot = snapshotOf(*found.follower, overrides);
    return found;
}

LogWatch::LogWatch(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const LogSnapshot>>();
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString& path) {
        for (auto& [id, watched] : m_runs)
            if (watched.following && watched.files.contains(path))
                read(id);
    });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString& dir) {
        for (auto& [id, watched] : m_runs)
            if (watched.following && eventDirsOf(watched.source).contains(dir))
                read(id);
        for (const auto& [root, known] : m_roots)
            if (root == dir || known.dirs.contains(dir))
                scan(root);
    });
    m_poll = new QTimer(this);
    m_poll->setInterval(kPollMilliseconds);
    connect(m_poll, &QTimer::timeout, this, &LogWatch::refreshFollowed);
}

// The future watchers are children: deleting them drops the results of reads in flight, whose
// workers own what they use.
LogWatch::~LogWatch() = default;

namespace {

/// What an import or a restore found: the runs, the roots' first look, the problems.
struct ImportResult
{
    std::vector<LogWatch::Found> found;
    std::map<QString, LogWatch::Scan> roots;
    QStringList problems;
};

} // namespace

void LogWatch::import(const QStringList& paths)
{
    std::vector<SavedRun> requests;
    for (const QString& path : paths)
        requests.push_back({path, QString(), {}, false});
    startImport(requests, false);
}

void LogWatch::restore(const std::vector<SavedRun>& runs)
{
    startImport(runs, true);
}

void LogWatch::startImport(const std::vector<SavedRun>& requests, bool restoring)
{
    auto* watcher = new QFutureWatcher<ImportResult>(this);
    ++m_pending;
    connect(watcher, &QFutureWatcher<ImportResult>::finished, this, [this, watcher, restoring] {
        --m_pending;
        ImportResult result = watcher->result();
        watcher->deleteLater();
        for (const auto& [root, scan] : result.roots)
            addRoot(root, scan);
        if (restoring && !result.problems.isEmpty())
            emit restoreProblems(result.problems);
        addFound(result.found, restoring ? QStringList() : result.problems, true, restoring);
    });
    watcher->setFuture(QtConcurrent::run([requests, restoring] {
        ImportResult result;
        for (const SavedRun& request : requests) {
            const std::string path = request.path.toStdString();
            try {
                if (restoring && !QFileInfo::exists(request.path)) {
                    result.problems << tr("%1: cannot restore this run of the session: the file "
                                          "or folder does not exist (moved or deleted?)")
                                           .arg(request.path);
                    continue;
                }
                LogDiscovery discovery = discoverLogs(path);
                if (restoring) {
                    const LogSource* source = restoredSource(discovery, path);
                    if (!source) {
                        QString why = tr("no training log there");
                        if (!discovery.problems.empty())
                            why = QString::fromStdString(discovery.problems.front().message);
                        result.problems << tr("%1: cannot restore this run of the session: %2")
                                               .arg(request.path, why);
                        continue;
                    }
                    result.found.push_back(readFound(*source, request.following, request.importRoot,
                                                     request.overrides));
                    continue;
                }
                for (const LogProblem& problem : discovery.problems)
                    result.problems << QString::fromStdString(problem.text());
                const bool folder = QFileInfo(request.path).isDir();
                if (folder) {
                    Scan& root = result.roots[request.path];
                    root.listing = listEntries(request.path, &root.dirs);
                    for (const LogSource& source : discovery.sources)
                        root.sources.insert(source.path);
                }
                for (LogSource& source : discovery.sources) {
                    const bool recent = recentlyModified(source, kRecentSeconds);
                    result.found.push_back(readFound(std::move(source), recent,
                                                     folder ? request.path : QString(), {}));
                }
            } catch (const std::exception& e) {
                result.problems << QString::fromStdString(path + ": " + e.what());
            }
        }
        return result;
    }));
}

void LogWatch::addRoot(const QString& root, const Scan& scan)
{
    Root& known = m_roots[root];
    known.listing = scan.listing;
    known.dirs = scan.dirs;
    known.knownSources.insert(scan.sources.begin(), scan.sources.end());
    known.baselined = true;
}

void LogWatch::addFound(std::vector<Found>& found, const QStringList& problems, bool imported,
                        bool restored)
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
        watched.root = run.root;
        watched.overrides = run.overrides;
        if (!run.root.isEmpty())
            m_roots[run.root]; // looked at (baselined) by the first scan while followed
        emit runRead(id, run.snapshot, run.following);
    }
    updateWatcher();
    if (imported)
        emit importFinished(static_cast<int>(found.size()), restored);
}

void LogWatch::setRoleOverrides(quint64 id, const LogRoleOverrides& overrides)
{
    const auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    it->second.overrides = overrides;
    it->second.reanalyse = true;
    read(id);
}

LogRoleOverrides LogWatch::roleOverrides(quint64 id) const
{
    const auto it = m_runs.find(id);
    return it == m_runs.end() ? LogRoleOverrides() : it->second.overrides;
}

QString LogWatch::importRoot(quint64 id) const
{
    const auto it = m_runs.find(id);
    return it == m_runs.end() ? QString() : it->second.root;
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
        watched.reanalyse = true;
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
    std::set<QString> roots;
    for (auto& [id, watched] : m_runs) {
        if (watched.following) {
            read(id);
            if (!watched.root.isEmpty())
                roots.insert(watched.root);
        }
    }
    for (const QString& root : roots)
        scan(root);
}

QStringList LogWatch::watchedFiles() const
{
    return m_watcher->files();
}

QStringList LogWatch::watchedDirectories() const
{
    return m_watcher->directories();
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
    const bool reanalyse = std::exchange(watched.reanalyse, false);
    const std::shared_ptr<LogFollower> follower = watched.follower;
    const LogRoleOverrides overrides = watched.overrides;
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
        if (snapshot && now.follower == follower) {
            now.source = snapshot->run.source; // new event files join the run
            now.files = filesOf(now.source);
            emit runRead(id, snapshot, now.following);
        }
        if (now.follower != follower || now.again || now.reanalyse) {
            read(id);
            return;
        }
        updateWatcher(); // a replaced file drops out of the watcher: watch its successor
    });
    // Everything the worker uses is its own: the follower is shared, the snapshot a copy.
    watcher->setFuture(
        QtConcurrent::run([follower, overrides, reanalyse]() -> std::shared_ptr<const LogSnapshot> {
            const LogRefresh refresh = follower->refresh();
            if (!reanalyse && refresh.newPoints == 0 && refresh.newProblems == 0 &&
                refresh.newFiles == 0 && !refresh.restarted)
                return nullptr;
            return snapshotOf(*follower, overrides);
        }));
}

void LogWatch::scan(const QString& root)
{
    Root& known = m_roots[root];
    if (known.scanning)
        return;
    known.scanning = true;
    const QStringList listing = known.listing;
    const std::set<std::string> sources = known.knownSources;
    const bool baselined = known.baselined;
    auto* watcher = new QFutureWatcher<Scan>(this);
    ++m_pending;
    connect(watcher, &QFutureWatcher<Scan>::finished, this, [this, watcher, root] {
        --m_pending;
        Scan scan = watcher->result();
        watcher->deleteLater();
        const auto it = m_roots.find(root);
        if (it == m_roots.end())
            return;
        it->second.scanning = false;
        if (scan.listing.isEmpty() && scan.sources.empty())
            return; // unchanged
        addRoot(root, scan);
        addFound(scan.found, {}, false, false);
    });
    watcher->setFuture(QtConcurrent::run([root, listing, sources, baselined] {
        Scan scan;
        QStringList dirs;
        QStringList now = listEntries(root, &dirs);
        if (baselined && now == listing)
            return scan; // nothing appeared or went: no file is read
        scan.listing = std::move(now);
        scan.dirs = std::move(dirs);
        try {
            for (LogSource& source : discoverLogs(root.toStdString()).sources) {
                scan.sources.insert(source.path);
                if (baselined && sources.count(source.path) == 0)
                    scan.found.push_back(readFound(std::move(source), true, root, {}));
            }
        } catch (const std::exception&) {
            // The folder went away or cannot be read: its runs report their files' problems.
        }
        return scan;
    }));
}

void LogWatch::updateWatcher()
{
    QStringList wanted;
    QStringList wantedDirs;
    for (const auto& [id, watched] : m_runs) {
        if (!watched.following)
            continue;
        wanted << watched.files;
        wantedDirs << eventDirsOf(watched.source);
        if (!watched.root.isEmpty()) {
            wantedDirs << watched.root;
            // Its subdirectories too (a new version_N gets its metrics.csv after it is made),
            // within what inotify allows a user.
            const auto root = m_roots.find(watched.root);
            if (root != m_roots.end())
                wantedDirs << root->second.dirs.mid(0, kMaxWatchedRootDirs);
        }
    }
    wantedDirs.removeDuplicates();
    wanted.removeDuplicates();
    for (const auto& [current, want] :
         {std::pair{m_watcher->files(), wanted}, std::pair{m_watcher->directories(), wantedDirs}}) {
        QStringList stale;
        for (const QString& path : current)
            if (!want.contains(path))
                stale << path;
        if (!stale.isEmpty())
            m_watcher->removePaths(stale);
        QStringList missing;
        for (const QString& path : want)
            if (!current.contains(path))
                missing << path;
        if (!missing.isEmpty())
            m_watcher->addPaths(missing); // paths that do not exist (yet) are left to the poll
    }
    const bool anyFollowed = !wanted.isEmpty() || !wantedDirs.isEmpty();
    if (anyFollowed && !m_poll->isActive())
        m_poll->start();
    else if (!anyFollowed)
        m_poll->stop();
}

} // namespace lrlab
