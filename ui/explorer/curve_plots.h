#pragma once

#include "ui/experiment_model.h"
#include "ui/explorer/run_controller.h"

#include <QObject>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;
class QWidget;

namespace lrlab {

class ComparePainter;
class PlotInteraction;

/// The curves of the explorer: the loss against step (toy: f − f* on a log axis; models: the
/// minibatch loss, its EMA and the validation loss), the validation accuracy (models only) and
/// the learning-rate schedule (previewed from the config before the run, with the stable limit
/// drawn as a line). The runs themselves are drawn by the ComparePainter; this class owns the
/// plots, the extra series, the marks and the axis ranges. GUI thread only.
class CurvePlots : public QObject
{
    Q_OBJECT
public:
    explicit CurvePlots(QWidget* parent);

    /// The accuracy plot's drawing area (its axis rect) is at least this tall, at any text
    /// size: the plot's minimum height follows its font.
    static constexpr int kAccuracyDrawingHeight = 80;
    /// The loss plot's drawing area is at least this tall at ×1.0 text...
    static constexpr int kLossDrawingHeight = 100;
    /// ...and at least this many lines of its legend's font at any text size (the lesson's
    /// claims are read there, and its legend lies inside it).
    static constexpr int kLossDrawingLines = 6;

    /// The least height of the loss plot's drawing area at its current fonts (pixels): also
    /// its legend's entries in one column.
    int lossDrawingMinimum() const;

    QCustomPlot* lossPlot() const { return m_lossPlot; }
    QCustomPlot* accuracyPlot() const { return m_accuracyPlot; }
    QCustomPlot* schedulePlot() const { return m_lrPlot; }
    QCPGraph* smoothedLossGraph() const { return m_smoothGraph; }
    QCPGraph* validationLossGraph() const { return m_validationGraph; }
    QCPGraph* accuracyGraph() const { return m_accuracyGraph; }
    QCPGraph* scheduleGraph() const { return m_lrGraph; }

    /// The painter drawing the runs on the loss and schedule plots (for ranges and styles).
    void setPainter(ComparePainter* painter) { m_painter = painter; }

    /// Titles, axes and the schedule preview for config (a pure function: drawn at once).
    void prepare(const RunConfig& config, ConfigChanges what);
    /// The stable limit as a dashed line on the schedule (non-finite hides it).
    void setStableLimit(double limit);
    void showModelCurves(const ModelCurves& curves);
    /// The divergence mark on the loss plot (step −1 hides it).
    void showDivergence(int step, int steps);
    /// After the painter's runs changed: the current run's pens, then the axis ranges.
    void runsChanged(bool currentIsModel, bool currentDiverged, int divergedAt);

private:
    void build(QWidget* parent);
    void fitLossMinimum();
    void fitAccuracyMinimum();
    void fitScheduleMinimum();
    /// The loss plot's title names its scale (log or linear, Log scale in its menu).
    void updateLossTitle();
    void drawSchedulePreview();
    void rescaleLoss(bool diverged, int divergedAt);
    void rescaleAccuracy();
    void rescaleLearningRate();

    ComparePainter* m_painter = nullptr;
    RunConfig m_config;
    double m_stableLimit = 0.0;
    double m_previewTop = 1.0;
    QCustomPlot* m_lossPlot = nullptr;
    QCPTextElement* m_lossTitle = nullptr;
    QCPGraph* m_smoothGraph = nullptr;
    QCPGraph* m_validationGraph = nullptr;
    QCPItemStraightLine* m_divergenceLine = nullptr;
    QCPItemText* m_divergenceText = nullptr;
    QCustomPlot* m_accuracyPlot = nullptr;
    QCPGraph* m_accuracyGraph = nullptr;
    QCustomPlot* m_lrPlot = nullptr;
    QCPGraph* m_lrGraph = nullptr;
    QCPItemStraightLine* m_lrLimitLine = nullptr;
    QCPItemText* m_lrLimitText = nullptr;
    PlotInteraction* m_lossZoom = nullptr;
    PlotInteraction* m_accuracyZoom = nullptr;
    PlotInteraction* m_lrZoom = nullptr;
    bool m_diverged = false; ///< the last rescaleLoss's arguments (for a scale change)
    int m_divergedAt = -1;
    int m_accuracySteps = 1;
};

} // namespace lrlab
