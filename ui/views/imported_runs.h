#pragma once

#include "core/logs/log_roles.h"
#include "ui/worker/log_watch.h"

#include <QColor>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace lrlab {

/// One training run imported from its log, as the Runs dock shows it.
struct ImportedRun
{
    quint64 id = 0;
    QString name; ///< the run's folder or file name
    QColor colour;
    bool shown = true;
    bool following = false;
    std::shared_ptr<const LogSnapshot> snapshot; ///< the run as last read, with its analysis

    const LogRun& log() const { return snapshot->run; }
    /// The points of the tag that plays role, or nullptr when the run has none.
    const ScalarSeries* series(LogRole role) const;
};

/// The runs imported into the explorer, in import order, each with a colour of its own
/// (okabeIto by import order). The LogWatch reads them; views subscribe to the signals. GUI
/// thread only.
class ImportedRuns : public QObject
{
    Q_OBJECT
public:
    explicit ImportedRuns(QObject* parent = nullptr) : QObject(parent) {}

    const std::vector<ImportedRun>& runs() const { return m_runs; }
    /// The run with id, or nullptr.
    const ImportedRun* find(quint64 id) const;
    /// The run's name: a directory's name, or a file's folder and name ("run3/metrics.csv").
    static QString nameOf(const LogSource& source);

    /// A new snapshot of run id (adds the run when the id is new).
    void update(quint64 id, std::shared_ptr<const LogSnapshot> snapshot, bool following);
    void setShown(quint64 id, bool shown);
    void setFollowing(quint64 id, bool following);
    void remove(quint64 id);

signals:
    void added(quint64 id);
    /// New points, problems or analysis.
    void changed(quint64 id);
    /// Shown or following changed.
    void flagsChanged(quint64 id);
    void removed(quint64 id);

private:
    ImportedRun* findRun(quint64 id);
    void setFlag(quint64 id, bool ImportedRun::*flag, bool value);

    std::vector<ImportedRun> m_runs;
    int m_added = 0;
};

} // namespace lrlab
