#pragma once

#include "core/finetune/finetune_lab.h"

#include <QObject>
#include <QPoint>

class QCPGraph;
class QCPItemLine;
class QCPItemText;
class QCustomPlot;
class QWidget;

namespace lrlab {

struct FineTuneOutcome;

/// The curves of a fine-tuning sweep against the learning rate: target and source validation
/// accuracy per method with the pre-trained levels and each method's best LR marked and
/// labelled, forgetting per method, and the best LR against training-set size (sizes crossed
/// only). Hovering a point describes the run; a click asks for it (or for that size).
///
/// The plots are created with the given parent for the owner to lay out; they and the outcome
/// (read by reference) must outlive this object. GUI thread only.
class FineTuneCurves : public QObject
{
    Q_OBJECT
public:
    FineTuneCurves(const FineTuneOutcome& outcome, QWidget* parent);

    QCustomPlot* accuracyPlot() const { return m_accPlot; }
    QCustomPlot* forgettingPlot() const { return m_forgetPlot; }
    QCustomPlot* sizePlot() const { return m_sizePlot; }

    /// Draws the outcome's shown size (empty outcome: the plots invite to run).
    void showOutcome();
    /// Circles the run shown below on the accuracy plot (nullptr: none).
    void markRun(const FineTuneResult* run);

    // nullptr for methods the outcome did not run (size graphs: also with fewer than 2 sizes).
    QCPGraph* targetGraph(FineTuneMethod method) const;
    QCPGraph* sourceGraph(FineTuneMethod method) const;
    QCPGraph* bestGraph(FineTuneMethod method) const;
    QCPItemText* bestLabel(FineTuneMethod method) const;
    QCPGraph* forgettingGraph(FineTuneMethod method) const;
    QCPGraph* sizeGraph(FineTuneMethod method) const;

    /// The run under pos on the accuracy or forgetting plot; false if nothing is near.
    bool pointAt(QCustomPlot* plot, const QPoint& pos, FineTuneMethod& method, int& lrIndex) const;
    /// The training size under pos on the size plot (an index into trainSizes).
    bool sizePointAt(const QPoint& pos, int& sizeIndex) const;

signals:
    /// A click on run results()[index].
    void runActivated(int index);
    /// A click on a point of the size plot: show that training size.
    void sizeActivated(int size);

private:
    void buildAccuracy(QWidget* parent);
    void buildForgetting(QWidget* parent);
    void buildMethodGraphs();
    void buildSizes(QWidget* parent);
    /// Tooltips and clicks of a plot whose points are runs.
    void addRunInteraction(QCustomPlot* plot);
    void showAccuracy();
    void showSizes();
    /// The best-LR label of method slot s at keyed rate lr and accuracy acc, stacked in a row
    /// above labels of nearby rates (rows used so far in `labelled`).
    void placeBestLabel(int s, double lr, double acc,
                        std::vector<std::pair<double, int>>& labelled);

    const FineTuneOutcome& m_outcome;
    QCustomPlot* m_accPlot = nullptr;
    QCustomPlot* m_forgetPlot = nullptr;
    QCustomPlot* m_sizePlot = nullptr;
    QCPItemText* m_accNote = nullptr;
    QCPGraph* m_preSourceGraph = nullptr; ///< the pre-trained source accuracy (horizontal)
    QCPGraph* m_preTargetGraph = nullptr; ///< the pre-trained target accuracy (horizontal)
    QCPGraph* m_selectedMark = nullptr;
    QCPGraph* m_targetGraphs[3] = {nullptr, nullptr, nullptr};
    QCPGraph* m_sourceGraphs[3] = {nullptr, nullptr, nullptr};
    QCPGraph* m_bestGraphs[3] = {nullptr, nullptr, nullptr};
    QCPGraph* m_divergedGraphs[3] = {nullptr, nullptr, nullptr};
    QCPItemText* m_bestLabels[3] = {nullptr, nullptr, nullptr};
    QCPItemLine* m_bestDrops[3] = {nullptr, nullptr, nullptr}; ///< label → diamond, dotted
    QCPGraph* m_forgetGraphs[3] = {nullptr, nullptr, nullptr};
    QCPGraph* m_sizeGraphs[3] = {nullptr, nullptr, nullptr};
};

} // namespace lrlab
