#pragma once

#include "ui/compare/run_record.h"

#include <QColor>
#include <QObject>
#include <QString>

#include <array>
#include <map>
#include <memory>
#include <vector>

namespace lrlab {

/// One run as every compare view shows it: a stable id, the shared immutable record, its
/// colour, its legend label, and whether it is the current (unpinned) run. The record is
/// shared, not copied, so passing the list around is cheap and a view can tell an unchanged
/// run by pointer.
struct ShownRun
{
    int id = 0; ///< pinned: 1, 2, … in pin order (never reused); current run: 0
    std::shared_ptr<const RunRecord> record;
    QColor colour;
    QString label;
    bool current = false;
};

/// The compare set of the explorer: up to kCapacity pinned runs plus, optionally, the current
/// run. Pinned runs keep the Okabe–Ito colour they were given until they are unpinned (a new
/// pin takes the first free palette colour); the current run has its own colour outside the
/// palette. Labels come from differingParts over all shown runs and are recomputed on every
/// change: a pinned run with nothing different is "run <id>", the current run is "current" or
/// "current: <differences>". Pinning beyond kCapacity replaces the OLDEST pin (smallest id),
/// which then gives its colour to the new run: a teacher clicking "pin" never gets a refusal.
/// Emits changed() once per mutation. GUI thread only.
class PinnedRuns : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCapacity = 8;
    static constexpr int kCurrentId = 0;

    explicit PinnedRuns(QObject* parent = nullptr);

    /// Okabe & Ito (2008), "Color Universal Design": orange, sky blue, bluish green, yellow,
    /// blue, vermillion, reddish purple, black.
    static const std::array<QColor, kCapacity>& palette();
    /// The current run's colour: a dark grey outside the palette (drawn with a wider pen).
    static QColor currentRunColour();

    /// Pins record; returns its id. A full set first drops its oldest pin.
    int pin(const RunRecord& record);
    /// Pins several records with one changed() (e.g. the LR trio); returns their ids. Only the
    /// last kCapacity are kept when more are given.
    std::vector<int> pinAll(const std::vector<RunRecord>& records);
    /// Pins a copy of the current run; returns its id, or -1 when there is none.
    int pinCurrent();
    /// Removes pin id; false if there is no such pin.
    bool unpin(int id);
    /// Removes every pin (the current run stays).
    void clear();
    /// Gives pin id a label of its own (a session's or a lesson's); empty goes back to the
    /// automatic one. False if there is no such pin.
    bool setLabel(int id, const QString& label);
    /// True when pin id has a label of its own (setLabel), false when its label is automatic.
    bool hasOwnLabel(int id) const { return m_customLabels.count(id) > 0; }

    /// The axes the plots show now (axesKey of the current config): pins made on other axes
    /// are kept but left out of shown() — never drawn on the wrong axes. Empty shows all.
    void setAxes(const QString& key);
    /// Pins kept but not shown because their axes differ from the plots'.
    int hiddenCount() const;
    /// What decides whether two runs can share the plots: the toy surface (with its
    /// parameters) whose f − f* and (x, y) they show; for linear and logistic regression the
    /// dataset and feature of the (w, b) plane; for softmax and MLP models the dataset whose
    /// loss they show.
    static QString axesKey(const RunConfig& config);

    /// Sets (replaces) the current, unpinned run.
    void setCurrent(const RunRecord& record);
    void clearCurrent();
    bool hasCurrent() const { return m_current.record != nullptr; }

    int pinnedCount() const { return static_cast<int>(m_pinned.size()); }
    bool isFull() const { return pinnedCount() >= kCapacity; }
    /// Pinned runs in pin order (oldest first).
    const std::vector<ShownRun>& pinned() const { return m_pinned; }
    /// Every run to draw: the pinned runs on the current axes in pin order, then the current
    /// run if any.
    std::vector<ShownRun> shown() const;
    /// The shown run with this id (kCurrentId for the current run), or nullptr.
    const ShownRun* find(int id) const;

    /// After a language switch: the automatic labels again, in the new language (changed).
    void retranslate();

signals:
    /// The set, a colour or a label changed.
    void changed();

private:
    QColor freeColour() const;
    int addPin(const RunRecord& record);
    void relabel();
    bool isOnAxes(const ShownRun& run) const;

    std::vector<ShownRun> m_pinned;
    std::map<int, QString> m_customLabels; ///< pin id -> its own label
    std::map<int, QString> m_axesOf;       ///< pin id -> axesKey of its config
    QString m_axes;
    ShownRun m_current;
    int m_nextId = 1;
};

/// The classic LR trio around config: copies at lr ×0.1, ×1 and ×10 (in that order), each
/// clamped to the LR slider's range [1e-6, 10]; min_lr is lowered to the new lr where it would
/// exceed it.
std::array<RunConfig, 3> trioConfigs(const RunConfig& config);

} // namespace lrlab
