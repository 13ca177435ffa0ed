#include "ui/compare/pin_loader.h"

#include "core/engine/run_experiment.h"
#include "ui/compare/pinned_runs.h"
#include "ui/compare/run_record.h"
#include "ui/worker/background_job.h"

#include <QStringList>

namespace lrlab {

PinLoader::PinLoader(PinnedRuns* pins, QObject* parent)
    : QObject(parent), m_pins(pins), m_replaceJob(new BackgroundJob(this)),
      m_addJob(new BackgroundJob(this))
{
    connect(m_replaceJob, &BackgroundJob::failed, this,
            [this](quint64, const QString& message) { fail(Mode::Replace, message); });
    connect(m_addJob, &BackgroundJob::failed, this,
            [this](quint64, const QString& message) { fail(Mode::Add, message); });
}

PinLoader::~PinLoader()
{
    // Cancel and wait while this object is whole (BackgroundJob's destructor waits).
    delete m_replaceJob;
    delete m_addJob;
}

RunRecord PinLoader::computeRecord(const RunConfig& config, const CancelFlag* cancel)
{
    ExperimentCallbacks callbacks;
    // Snapshots let a larger model's pin be projected onto the PCA plane on the map.
    callbacks.model.maxSnapshots = kRecordSnapshots;
    const ExperimentResult result = runExperiment(config, cancel, callbacks);
    if (result.isToy())
        return fromToyTrace(config, result.toy, result.minimumValue);
    return fromModelTrace(config, result.model);
}

quint64 PinLoader::replace(const std::vector<LabelledConfig>& configs)
{
    abandon(Mode::Add);
    m_pending = configs;
    m_replacing = true;
    m_pins->clear();
    return start(Mode::Replace, configs);
}

quint64 PinLoader::add(const std::vector<LabelledConfig>& configs)
{
    m_adding = true;
    return start(Mode::Add, configs);
}

void PinLoader::cancel()
{
    abandon(Mode::Replace);
    abandon(Mode::Add);
}

void PinLoader::abandon(Mode mode)
{
    if (mode == Mode::Replace) {
        m_replaceJob->cancel();
        m_replacing = false;
        m_pending.clear();
    } else {
        m_addJob->cancel();
        m_adding = false;
    }
}

quint64 PinLoader::start(Mode mode, const std::vector<LabelledConfig>& configs)
{
    const quint64 load = ++m_lastLoad;
    (mode == Mode::Replace ? m_replaceLoad : m_addLoad) = load;
    QStringList labels;
    std::vector<RunConfig> runs;
    for (const LabelledConfig& entry : configs) {
        labels << entry.label;
        runs.push_back(entry.config);
    }
    emit started(load, mode, static_cast<int>(configs.size()));
    BackgroundJob* job = mode == Mode::Replace ? m_replaceJob : m_addJob;
    // A newer start() of the same job abandons the older one: its result never arrives.
    job->start(
        [runs](const JobContext& context) {
            std::vector<RunRecord> records;
            records.reserve(runs.size());
            for (const RunConfig& config : runs) {
                if (context.isCancelled())
                    break;
                records.push_back(computeRecord(config, &context.cancel));
            }
            return records;
        },
        [this, load, mode, labels](quint64, std::vector<RunRecord> records) {
            deliver(load, mode, labels, records);
        });
    return load;
}

void PinLoader::deliver(quint64 load, Mode mode, const QStringList& labels,
                        const std::vector<RunRecord>& records)
{
    emit aboutToPin(load, mode);
    if (mode == Mode::Replace) {
        m_replacing = false;
        m_pending.clear();
    } else {
        m_adding = false;
    }
    const std::vector<int> ids = m_pins->pinAll(records);
    // pinAll keeps the last kCapacity records: align the labels from the end.
    const std::size_t skipped = records.size() - ids.size();
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const QString& label = labels[static_cast<qsizetype>(skipped + i)];
        const ShownRun* run = m_pins->find(ids[i]);
        // A label equal to the automatic one stays automatic (it follows later changes).
        if (!label.isEmpty() && run && run->label != label)
            m_pins->setLabel(ids[i], label);
    }
    emit finished(load, mode, QList<int>(ids.begin(), ids.end()));
}

void PinLoader::fail(Mode mode, const QString& message)
{
    const quint64 load = mode == Mode::Replace ? m_replaceLoad : m_addLoad;
    if (mode == Mode::Replace) {
        m_replacing = false;
        m_pending.clear();
    } else {
        m_adding = false;
    }
    emit failed(load, mode, message);
}

} // namespace lrlab
