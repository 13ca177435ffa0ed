#include "ui/compare/pinned_runs.h"

#include "core/engine/model_problem.h"
#include "ui/compare/difference_label.h"
#include "ui/controls/learning_rate_control.h"

#include <algorithm>

namespace lrlab {

PinnedRuns::PinnedRuns(QObject* parent) : QObject(parent)
{
    m_current.id = kCurrentId;
    m_current.current = true;
    m_current.colour = currentRunColour();
}

const std::array<QColor, PinnedRuns::kCapacity>& PinnedRuns::palette()
{
    static const std::array<QColor, kCapacity> colours{
        QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73),
        QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00),
        QColor(0xCC, 0x79, 0xA7), QColor(0x00, 0x00, 0x00)};
    return colours;
}

QColor PinnedRuns::currentRunColour()
{
    // Grey is told apart from every palette hue by lightness, under every colour-vision type.
    return QColor(0x55, 0x55, 0x55);
}

QColor PinnedRuns::freeColour() const
{
    for (const QColor& colour : palette()) {
        const bool used = std::any_of(m_pinned.begin(), m_pinned.end(),
                                      [&](const ShownRun& run) { return run.colour == colour; });
        if (!used)
            return colour;
    }
    return palette().front(); // unreachable: addPin makes room first
}

int PinnedRuns::addPin(const RunRecord& record)
{
    if (isFull()) {
        m_customLabels.erase(m_pinned.front().id);
        m_axesOf.erase(m_pinned.front().id);
        m_pinned.erase(m_pinned.begin()); // the oldest: pins are kept in id order
    }
    ShownRun run;
    run.id = m_nextId++;
    run.record = std::make_shared<const RunRecord>(record);
    run.colour = freeColour();
    // Keyed once: shown() asks for every pin on every change (each chunk of a streaming run).
    m_axesOf[run.id] = axesKey(record.config);
    m_pinned.push_back(std::move(run));
    return m_pinned.back().id;
}

void PinnedRuns::retranslate()
{
    relabel();
    emit changed();
}

int PinnedRuns::pin(const RunRecord& record)
{
    const int id = addPin(record);
    relabel();
    emit changed();
    return id;
}

std::vector<int> PinnedRuns::pinAll(const std::vector<RunRecord>& records)
{
    std::vector<int> ids;
    if (records.empty())
        return ids;
    const std::size_t first =
        records.size() > static_cast<std::size_t>(kCapacity) ? records.size() - kCapacity : 0;
    for (std::size_t i = first; i < records.size(); ++i)
        ids.push_back(addPin(records[i]));
    relabel();
    emit changed();
    return ids;
}

int PinnedRuns::pinCurrent()
{
    if (!hasCurrent())
        return -1;
    return pin(*m_current.record);
}

bool PinnedRuns::unpin(int id)
{
    const auto it = std::find_if(m_pinned.begin(), m_pinned.end(),
                                 [id](const ShownRun& run) { return run.id == id; });
    if (it == m_pinned.end())
        return false;
    m_pinned.erase(it);
    m_customLabels.erase(id);
    m_axesOf.erase(id);
    relabel();
    emit changed();
    return true;
}

void PinnedRuns::clear()
{
    if (m_pinned.empty())
        return;
    m_pinned.clear();
    m_customLabels.clear();
    m_axesOf.clear();
    relabel();
    emit changed();
}

bool PinnedRuns::setLabel(int id, const QString& label)
{
    if (!find(id) || id == kCurrentId)
        return false;
    if (label.isEmpty())
        m_customLabels.erase(id);
    else
        m_customLabels[id] = label;
    relabel();
    emit changed();
    return true;
}

void PinnedRuns::setAxes(const QString& key)
{
    if (key == m_axes)
        return;
    m_axes = key;
    relabel();
    emit changed();
}

bool PinnedRuns::isOnAxes(const ShownRun& run) const
{
    return m_axes.isEmpty() || m_axesOf.at(run.id) == m_axes;
}

int PinnedRuns::hiddenCount() const
{
    return static_cast<int>(std::count_if(m_pinned.begin(), m_pinned.end(),
                                          [this](const ShownRun& run) { return !isOnAxes(run); }));
}

QString PinnedRuns::axesKey(const RunConfig& config)
{
    const ProblemSpec& p = config.problem;
    if (!isModelType(p.type)) {
        QString key = QStringLiteral("toy:") + QString::fromStdString(p.type);
        for (const auto& [name, value] : p.parameters)
            key +=
                QStringLiteral(";%1=%2").arg(QString::fromStdString(name)).arg(value, 0, 'g', 17);
        return key;
    }
    // An empty dataset or feature is the type's default (docs/semantics.md §2.2).
    const std::string datasetName = p.dataset.empty() ? defaultDataset(p.type) : p.dataset;
    const QString dataset = QString::fromStdString(datasetName);
    if (isOneFeatureModel(p.type)) {
        const std::string feature = p.feature.empty() && datasetName == defaultDataset(p.type)
                                        ? defaultFeature(p.type)
                                        : p.feature;
        return QStringLiteral("wb:%1;%2;%3")
            .arg(QString::fromStdString(p.type), dataset, QString::fromStdString(feature));
    }
    return QStringLiteral("net:") + dataset;
}

void PinnedRuns::setCurrent(const RunRecord& record)
{
    m_current.record = std::make_shared<const RunRecord>(record);
    relabel();
    emit changed();
}

void PinnedRuns::clearCurrent()
{
    if (!hasCurrent())
        return;
    m_current.record.reset();
    relabel();
    emit changed();
}

std::vector<ShownRun> PinnedRuns::shown() const
{
    std::vector<ShownRun> runs;
    for (const ShownRun& run : m_pinned)
        if (isOnAxes(run))
            runs.push_back(run);
    if (hasCurrent())
        runs.push_back(m_current);
    return runs;
}

const ShownRun* PinnedRuns::find(int id) const
{
    if (id == kCurrentId)
        return hasCurrent() ? &m_current : nullptr;
    for (const ShownRun& run : m_pinned)
        if (run.id == id)
            return &run;
    return nullptr;
}

void PinnedRuns::relabel()
{
    // Labels tell apart the runs drawn together: the pins on the current axes and the current.
    std::vector<RunConfig> configs;
    std::vector<ShownRun*> labelled;
    for (ShownRun& run : m_pinned)
        if (isOnAxes(run)) {
            configs.push_back(run.record->config);
            labelled.push_back(&run);
        }
    if (hasCurrent())
        configs.push_back(m_current.record->config);
    const std::vector<QStringList> parts = differingParts(configs);
    for (std::size_t i = 0; i < labelled.size(); ++i)
        labelled[i]->label = parts[i].isEmpty() ? tr("run %1").arg(labelled[i]->id)
                                                : parts[i].join(QStringLiteral(", "));
    for (ShownRun& run : m_pinned) {
        const auto custom = m_customLabels.find(run.id);
        if (custom != m_customLabels.end())
            run.label = custom->second;
    }
    if (hasCurrent()) {
        const QStringList& mine = parts.back();
        m_current.label =
            mine.isEmpty() ? tr("current") : tr("current: %1").arg(mine.join(QStringLiteral(", ")));
    } else {
        m_current.label.clear();
    }
}

std::array<RunConfig, 3> trioConfigs(const RunConfig& config)
{
    std::array<RunConfig, 3> trio{config, config, config};
    const double base = config.schedule.learningRate;
    // Division for ×0.1: 0.01 / 10 is the double nearest 0.001, 0.01 * 0.1 is not.
    const double rates[3] = {base / 10.0, base, base * 10.0};
    for (int i = 0; i < 3; ++i) {
        ScheduleSpec& s = trio[static_cast<std::size_t>(i)].schedule;
        s.learningRate =
            std::clamp(rates[i], LearningRateControl::kMinimum, LearningRateControl::kMaximum);
        s.minLr = std::min(s.minLr, s.learningRate);
    }
    return trio;
}

} // namespace lrlab
