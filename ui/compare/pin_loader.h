#pragma once

#include "core/config/run_config.h"
#include "core/engine/run_status.h"

#include <QList>
#include <QObject>
#include <QString>

#include <vector>

namespace lrlab {

class BackgroundJob;
class PinnedRuns;
struct RunRecord;

/// A run to pin: its config and the label the compare views show for it (empty: the automatic
/// label of PinnedRuns).
struct LabelledConfig
{
    QString label;
    RunConfig config;
};

/// Pins runs of configs that are computed in the background (sessions, lessons, the LR trio):
/// every config is run off the GUI thread the way a pin shows it (computeRecord), then all are
/// pinned with one PinnedRuns::pinAll and their labels are set with PinnedRuns::setLabel — a
/// label equal to the automatic one stays automatic, so it follows later changes.
///
/// Two kinds of load, each on its own BackgroundJob:
/// - replace() clears the pins at once and pins the new runs when they are computed (a session
///   or a lesson). It abandons every older load, replace or add: their results are dropped.
/// - add() pins the runs beside the existing ones (the trio). It abandons an older add only; a
///   replacement under way goes on, and its runs are pinned after the added ones when they
///   arrive.
/// Each load gets an id (1, 2, …, over both kinds) that its signals carry. At most kCapacity
/// runs are pinned: of a longer list the last ones (PinnedRuns::pinAll).
///
/// Owns its jobs; the destructor cancels them and waits for them. The pins are not owned and
/// must outlive the loader. GUI thread only.
class PinLoader : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Replace, Add };
    Q_ENUM(Mode)

    explicit PinLoader(PinnedRuns* pins, QObject* parent = nullptr);
    ~PinLoader() override;

    /// Clears the pins now and pins the runs of configs when they are computed. Returns the load.
    quint64 replace(const std::vector<LabelledConfig>& configs);
    /// Pins the runs of configs beside the current pins when they are computed. Returns the load.
    quint64 add(const std::vector<LabelledConfig>& configs);
    /// Abandons every load under way (nothing of them is pinned; no signal follows).
    void cancel();

    /// True from replace() until its runs are pinned, it fails or is abandoned.
    bool isReplacing() const { return m_replacing; }
    /// True from add() until its runs are pinned, it fails or is abandoned.
    bool isAdding() const { return m_adding; }
    /// What the replacement under way will pin (empty when none): what a session holds while
    /// its runs are computed.
    const std::vector<LabelledConfig>& pendingReplacement() const { return m_pending; }

    /// The run of config as a pin shows it: a toy surface's trace with its f* as the loss
    /// offset; a model's trace with at most kRecordSnapshots parameter snapshots (projected
    /// onto the PCA plane on the map). Runs on any
    /// thread; throws std::invalid_argument for an invalid config, DatasetError for bad data.
    static RunRecord computeRecord(const RunConfig& config, const CancelFlag* cancel = nullptr);

signals:
    /// A load of count runs started.
    void started(quint64 load, lrlab::PinLoader::Mode mode, int count);
    /// A load's runs are computed and about to be pinned (the pins are still as before; for a
    /// replacement pendingReplacement() still holds its configs).
    void aboutToPin(quint64 load, lrlab::PinLoader::Mode mode);
    /// A load's runs are pinned with their labels; ids are their pin ids in order.
    void finished(quint64 load, lrlab::PinLoader::Mode mode, const QList<int>& ids);
    /// A run of the load could not be computed (message: the core's); nothing was pinned.
    void failed(quint64 load, lrlab::PinLoader::Mode mode, const QString& message);

private:
    quint64 start(Mode mode, const std::vector<LabelledConfig>& configs);
    void deliver(quint64 load, Mode mode, const QStringList& labels,
                 const std::vector<RunRecord>& records);
    void fail(Mode mode, const QString& message);
    void abandon(Mode mode);

    PinnedRuns* m_pins = nullptr;
    BackgroundJob* m_replaceJob = nullptr;
    BackgroundJob* m_addJob = nullptr;
    std::vector<LabelledConfig> m_pending;
    quint64 m_lastLoad = 0;
    quint64 m_replaceLoad = 0;
    quint64 m_addLoad = 0;
    bool m_replacing = false;
    bool m_adding = false;
};

} // namespace lrlab
