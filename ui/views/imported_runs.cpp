#include "ui/views/imported_runs.h"

#include "ui/plots/plot_style.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace lrlab {

const ScalarSeries* ImportedRun::series(LogRole role) const
{
    const auto tag = snapshot->analysis.roles.find(role);
    if (tag == snapshot->analysis.roles.end())
        return nullptr;
    const auto points = snapshot->run.series.find(tag->second);
    return points == snapshot->run.series.end() ? nullptr : &points->second;
}

const ImportedRun* ImportedRuns::find(quint64 id) const
{
    const auto it = std::find_if(m_runs.begin(), m_runs.end(),
                                 [id](const ImportedRun& run) { return run.id == id; });
    return it == m_runs.end() ? nullptr : &*it;
}

ImportedRun* ImportedRuns::findRun(quint64 id)
{
    return const_cast<ImportedRun*>(std::as_const(*this).find(id));
}

QString ImportedRuns::nameOf(const LogSource& source)
{
    // No file-system access (GUI thread): a run read from the one file at its path is a file.
    const QFileInfo path(QString::fromStdString(source.path));
    const QString name = path.fileName().isEmpty() ? path.absoluteFilePath() : path.fileName();
    const bool file = source.files.size() == 1 && source.files.front() == source.path;
    const QString folder = path.absoluteDir().dirName();
    return file && !folder.isEmpty() ? folder + QLatin1Char('/') + name : name;
}

void ImportedRuns::update(quint64 id, std::shared_ptr<const LogSnapshot> snapshot, bool following)
{
    if (ImportedRun* run = findRun(id)) {
        run->snapshot = std::move(snapshot);
        emit changed(id);
        return;
    }
    ImportedRun run;
    run.id = id;
    run.name = nameOf(snapshot->run.source);
    run.colour = okabeIto(m_added++);
    run.following = following;
    run.snapshot = std::move(snapshot);
    m_runs.push_back(std::move(run));
    emit added(id);
}

void ImportedRuns::setShown(quint64 id, bool shown)
{
    setFlag(id, &ImportedRun::shown, shown);
}

void ImportedRuns::setFollowing(quint64 id, bool following)
{
    setFlag(id, &ImportedRun::following, following);
}

void ImportedRuns::setFlag(quint64 id, bool ImportedRun::*flag, bool value)
{
    ImportedRun* run = findRun(id);
    if (!run || run->*flag == value)
        return;
    run->*flag = value;
    emit flagsChanged(id);
}

void ImportedRuns::remove(quint64 id)
{
    const auto it = std::find_if(m_runs.begin(), m_runs.end(),
                                 [id](const ImportedRun& run) { return run.id == id; });
    if (it == m_runs.end())
        return;
    m_runs.erase(it);
    emit removed(id);
}

} // namespace lrlab
