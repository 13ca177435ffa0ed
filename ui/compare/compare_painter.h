#pragma once

#include "ui/compare/pinned_runs.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <map>
#include <memory>
#include <vector>

class QCPCurve;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemTracer;
class QCustomPlot;

namespace lrlab {

/// The three plots the compare views draw on; any may be null (that view is skipped).
struct ComparePlots
{
    QCustomPlot* landscape = nullptr;    ///< x/y paths (QCPCurve) over the colour map
    QCustomPlot* loss = nullptr;         ///< loss against step, usually a log value axis
    QCustomPlot* learningRate = nullptr; ///< LR against step
    QCustomPlot* accuracy = nullptr;     ///< validation accuracy against step (pins only)
};

/// How ComparePainter draws.
struct ComparePainterOptions
{
    /// Layer for the paths, end markers and landscape cursors (e.g. the main window's buffered
    /// "path" layer); empty or unknown = the plot's current layer at first use.
    QString landscapeLayer;
    /// On a logarithmic loss axis, losses (after RunRecord::lossOffset) at or below this are
    /// drawn at it, so f − f* = 0 stays on the plot.
    double lossFloor = 1e-16;
    /// A path stops at its first point with |x| or |y| beyond this: far-away points only stretch
    /// QCPCurve's clipping arithmetic.
    double landscapeReach = 1e12;
    /// 1 px pins take Qt's fast cosmetic-line path: with 8 pins a repaint fits in a frame
    /// (1.8 px antialiased pins took 22 ms, 1 px 14 ms in bench_explorer).
    double pinnedPenWidth = 1.0;
    double currentPenWidth = 2.8; ///< wider: the current run stands out by more than colour
    bool showLegends = true;      ///< add legend entries and show the plots' legends
    /// Weight of the newest loss in the moving average of a pinned run's loss (the current
    /// run's smoothing, RunController::kSmoothing).
    double smoothing = 0.02;
    bool autoReplot = true; ///< queue replots after setRuns / setCursorStep
};

/// Draws a compare set (ShownRun list) onto the landscape, loss, LR and accuracy plots and moves
/// the playback cursors. Per run: on the landscape a QCPCurve (t = row), an end-point diamond and
/// a circular QCPItemTracer at the cursor; on the loss plot a QCPGraph of the finite losses and a
/// tracer; on the LR plot a QCPGraph and a tracer. A pinned run also draws the series the current
/// run's plots show besides (CurvePlots draws the current run's own): its validation loss (loss
/// plot, dashed with dots), its validation accuracy (accuracy plot) and, while
/// setSmoothedShown(true), the moving average of its loss. On a model plane (setLandscapePlane)
/// a pinned path is its own when it was projected onto that plane, else its parameter snapshots
/// projected onto it (pathOnPlane); a pin with neither gets no path and says so in its legend
/// entry. The loss and LR plots also get one vertical
/// QCPItemStraightLine at the cursor step. Everything it creates it owns and tags by run id:
/// setRuns() reuses a run's plottables (re-uploading data only when the record pointer
/// changed) and removes those of runs no longer listed; the destructor removes the rest.
/// Items created by others on the same plots are never touched. Cursor rule: each run's
/// tracers sit on its last plotted point whose step is <= the cursor step, so a diverged
/// (shorter) run keeps its markers at its last finite row. GUI thread only.
class ComparePainter : public QObject
{
    Q_OBJECT
public:
    explicit ComparePainter(const ComparePlots& plots, const ComparePainterOptions& options = {},
                            QObject* parent = nullptr);
    ~ComparePainter() override;

    /// Shows exactly these runs, in this order (legend order; later runs are drawn on top, and
    /// the current run on top of all).
    void setRuns(const std::vector<ShownRun>& runs);
    const std::vector<ShownRun>& runs() const { return m_runs; }
    /// The shown run with this id, or nullptr.
    const ShownRun* run(int id) const;

    /// The plane of the model landscape on the map (null: a toy's (x, y) or a (w, b) map):
    /// pinned paths are redrawn on it.
    void setLandscapePlane(std::shared_ptr<const ModelPlane> plane);
    const std::shared_ptr<const ModelPlane>& landscapePlane() const { return m_plane; }
    /// Whether pinned runs draw the moving average of their loss (as the current run does).
    void setSmoothedShown(bool shown);
    bool smoothedShown() const { return m_smoothedShown; }

    /// Moves every cursor to step (all runs together).
    void setCursorStep(int step);
    int cursorStep() const { return m_cursorStep; }
    void setCursorVisible(bool visible);
    bool cursorVisible() const { return m_cursorVisible; }
    /// The largest step any shown run reaches (its last row or path point); 0 when empty. The
    /// playback bar's maximum.
    int maximumStep() const;

    /// The plots (a deleted plot reads as null).
    ComparePlots plots() const;
    const ComparePainterOptions& options() const { return m_options; }

    /// What this painter created for run id (nullptr when that view is absent or the run is not
    /// shown). For tests, hover tips and export.
    QCPCurve* landscapeCurve(int id) const;
    QCPGraph* endMarker(int id) const;
    QCPGraph* lossGraph(int id) const;
    QCPGraph* learningRateGraph(int id) const;
    /// A pinned run's validation loss (loss plot), validation accuracy (accuracy plot) and
    /// moving average (loss plot); empty graphs for the current run.
    QCPGraph* validationLossGraph(int id) const;
    QCPGraph* validationAccuracyGraph(int id) const;
    QCPGraph* smoothedLossGraph(int id) const;
    QCPItemTracer* landscapeCursor(int id) const;
    QCPItemTracer* lossCursor(int id) const;
    QCPItemTracer* learningRateCursor(int id) const;
    QCPItemStraightLine* lossCursorLine() const;
    QCPItemStraightLine* learningRateCursorLine() const;

    /// Queues a replot of every plot.
    void replot();

private:
    struct Slot;

    Slot& slotFor(const ShownRun& run);
    void removeSlot(Slot& slot);
    void uploadData(Slot& slot);
    void uploadPath(Slot& slot);
    void uploadSeries(Slot& slot);
    void styleSlot(Slot& slot, const ShownRun& run);
    void placeCursors(Slot& slot);
    void placeCursorLines();
    void orderLegends();
    void replotCursors();

    QPointer<QCustomPlot> m_landscape, m_loss, m_lr, m_accuracy;
    std::shared_ptr<const ModelPlane> m_plane;
    bool m_smoothedShown = false;
    ComparePainterOptions m_options;
    std::vector<ShownRun> m_runs;
    std::map<int, std::unique_ptr<Slot>> m_slots;
    QPointer<QCPItemStraightLine> m_lossLine, m_lrLine;
    int m_cursorStep = 0;
    bool m_cursorVisible = true;
};

} // namespace lrlab
