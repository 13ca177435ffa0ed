#pragma once

#include <QPoint>
#include <QSplitter>

#include <functional>
#include <vector>

class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPItemText;
class QCustomPlot;
class QTableWidget;

namespace lrlab {

struct SweepOutcome;

/// The drawing half of the Sweep view: the U-curve (final loss against LR, one curve per value
/// of the crossed setting, log axes), the heat map (log₁₀ final loss over LR × value) and the
/// table of runs, all showing one SweepOutcome. Hovering a point or cell shows its description;
/// a click (or Enter in the table) asks for the run with runActivated().
///
/// The outcome is read by reference: the owner keeps it alive and calls showOutcome() after
/// changing it. GUI thread only.
class SweepPlots : public QSplitter
{
    Q_OBJECT
public:
    SweepPlots(const SweepOutcome& outcome, QWidget* parent = nullptr);

    /// Draws the outcome (empty: the plots invite to run a sweep).
    void showOutcome();
    /// Empties the plots and shows how to start.
    void clear();

    QCustomPlot* uCurvePlot() const { return m_curvePlot; }
    QCustomPlot* heatMapPlot() const { return m_heatPlot; }
    QCPColorMap* heatMap() const { return m_heatMap; }
    int curveCount() const { return static_cast<int>(m_lossGraphs.size()); }
    QCPGraph* lossGraph(int curve) const;
    QCPGraph* validationGraph(int curve) const;
    QCPGraph* divergedGraph(int curve) const;
    QCPGraph* bestGraph(int curve) const;

    /// The U-curve run under pos (curve, lrIndex); false if nothing is near.
    bool pointAt(const QPoint& pos, int& curve, int& lrIndex) const;
    /// The heat-map cell under pos; false outside the map.
    bool cellAt(const QPoint& pos, int& lrIndex, int& valueIndex) const;

signals:
    /// The user picked run (curve, lrIndex): a click on the U-curve or a heat-map cell, or Enter
    /// in the table.
    void runActivated(int curve, int lrIndex);

private:
    void buildUCurve();
    void buildHeatMap();
    void buildTable();
    /// The run under a position: (curve, lrIndex), false if none.
    using RunHit = std::function<bool(const QPoint& pos, int& curve, int& lrIndex)>;
    /// Tooltips (pointDescription) and clicks (runActivated) of the runs hit finds on plot.
    void addRunInteraction(QCustomPlot* plot, RunHit hit);
    void showUCurve();
    void showHeatMap();
    void fillTable();

    const SweepOutcome& m_outcome;
    QSplitter* m_plotSplitter = nullptr;
    QCustomPlot* m_curvePlot = nullptr;
    QCPItemText* m_curveNote = nullptr;
    std::vector<QCPGraph*> m_lossGraphs;
    std::vector<QCPGraph*> m_valGraphs;
    std::vector<QCPGraph*> m_divergedGraphs;
    std::vector<QCPGraph*> m_bestGraphs;
    QCustomPlot* m_heatPlot = nullptr;
    QCPColorMap* m_heatMap = nullptr;
    QCPColorScale* m_heatScale = nullptr;
    QCPGraph* m_heatDiverged = nullptr;
    QCPGraph* m_heatBest = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace lrlab
