#pragma once

#include "core/logs/log_roles.h"
#include "core/logs/log_run.h"

#include <QSplitter>

#include <map>

class QCPGraph;
class QCPItemText;
class QCustomPlot;

namespace lrlab {

class ImportedRuns;

/// The points of series worth drawing in `columns` pixel columns over the steps [lower, upper]:
/// decimateMinMax's minimum and maximum per column, plus the first and last point of the range
/// (so the line starts and ends where the log does) and the nearest point on each side outside
/// it (so it runs on to the plot's edges), sorted by step (stable: repeated steps keep file
/// order). At most 2 × columns + 4 points.
ScalarSeries pointsToDraw(const ScalarSeries& series, double lower, double upper, int columns);

/// The Runs dock's plots, side by side over the step axis: training loss, validation loss and
/// learning rate of every shown imported run, each run in its colour. A run of 10⁶ points is
/// drawn from pointsToDraw() at the axis rect's pixel width, decimated again whenever the step
/// range or the plot's size changes, so drawing costs the same for any log length. The plots
/// zoom like every plot (PlotInteraction) and keep their legends off the data: the loss plot's
/// names the runs, the LR plot's the recognised schedules. GUI thread only.
class RunsPlots : public QSplitter
{
    Q_OBJECT
public:
    explicit RunsPlots(const ImportedRuns& runs, QWidget* parent = nullptr);

    /// The plot of role (Loss, ValLoss or LearningRate).
    QCustomPlot* plot(LogRole role) const;
    /// The graph of run id on the plot of role, or nullptr (hidden, or no such series).
    QCPGraph* graph(LogRole role, quint64 id) const;
    /// The recognised schedule of run id, dashed on the LR plot (its legend entry names the
    /// decay and the fit's largest relative error), or nullptr.
    QCPGraph* scheduleGraph(quint64 id) const;

    /// Rebuilds every graph from the runs (runs added, removed, shown or hidden, or read again).
    void rebuild();
    /// Decimates every graph again for the current ranges and sizes, and replots.
    void redraw();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Part
    {
        LogRole role = LogRole::Loss;
        QCustomPlot* plot = nullptr;
        QCPItemText* note = nullptr;
        std::map<quint64, QCPGraph*> graphs;
        std::map<quint64, QCPGraph*> fits; ///< recognised schedules (LR plot)
    };
    void buildPart(LogRole role, const char* name, const QString& title, const QString& yLabel);
    void rebuildPart(Part& part);
    void redrawPart(Part& part);
    void queueRedraw();

    const ImportedRuns& m_runs;
    std::map<LogRole, Part> m_parts;
    bool m_redrawQueued = false;
};

} // namespace lrlab
