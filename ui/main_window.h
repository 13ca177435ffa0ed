#pragma once

#include "core/config/run_config.h"
#include "core/problems/toy_surface.h"
#include "ui/worker/landscape_grid.h"
#include "ui/worker/training_thread.h"

#include <QMainWindow>

#include <memory>
#include <string>

class QCheckBox;
class QComboBox;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPLayer;
class QCPTextElement;
class QCustomPlot;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QMouseEvent;
class QSpinBox;

namespace lrlab {

class LearningRateControl;
class ScientificSpinBox;

/// The toy lab window: the loss landscape of a two-parameter surface with the optimizer's
/// trajectory, the loss curve, the LR schedule preview, and the controls that drive them.
/// Every change of a control redraws the schedule preview at once (a pure function) and submits
/// the run to the TrainingThread; results of older generations are dropped. The GUI thread never
/// computes a landscape or a run. Accessors expose the plots to tests and benchmarks.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The experiment the controls describe right now.
    RunConfig currentConfig() const;

    QCustomPlot* landscapePlot() const { return m_mapPlot; }
    QCustomPlot* lossPlot() const { return m_lossPlot; }
    QCustomPlot* schedulePlot() const { return m_lrPlot; }
    QCPColorMap* landscapeMap() const { return m_colorMap; }
    QCPCurve* trajectoryCurve() const { return m_trajectory; }
    QCPGraph* lossGraph() const { return m_lossGraph; }
    QCPGraph* scheduleGraph() const { return m_lrGraph; }
    LearningRateControl* learningRateControl() const { return m_learningRate; }

    /// The learning rate marked as the stability limit on the slider: 2/λ₁ of the Hessian at
    /// the start point, or 2(1+β)/λ₁ for SGD with heavy-ball momentum β (+inf if λ₁ <= 0).
    double stableLimit() const { return m_stableLimit; }
    /// The text of the run status in the status bar.
    QString runStatusText() const;
    /// Config name of the surface whose landscape the map shows (empty before the first).
    std::string displayedLandscape() const { return m_shownLandscape; }
    /// Generation of the last request submitted to the worker.
    quint64 submittedGeneration() const { return m_submitted; }

signals:
    /// A run result of this generation has been put into the plots (replot queued).
    void runDisplayed(quint64 generation);
    /// A landscape has been put into the colour map (replot queued).
    void landscapeDisplayed(const QString& surface);

private:
    QWidget* buildPlots();
    QWidget* buildControls();
    void buildMenus();
    void applyDefaultLesson();

    void surfaceChanged();
    void optimizerChanged();
    void decayChanged();
    void stepsChanged();
    void updateVisibleRows();
    /// Any setting changed: preview the schedule, update the stability mark, submit.
    void settingsChanged();
    void updateSchedulePreview(const RunConfig& config);
    void updateStability(const RunConfig& config);
    void updateSurfaceMarkers();

    void showLandscape(const LandscapeImage& grid);
    void showRun(quint64 generation, const RunResult& result);
    void showFailure(quint64 generation, const QString& message);
    void setStartFromMap(QMouseEvent* event);
    void setRunStatus(const QString& text, bool alarm);
    /// Queues a redraw of the path layer only (trajectory and markers), which leaves the
    /// colour map's buffer alone: a new run costs a curve, not a 256² image rescale.
    void replotPath();

    std::unique_ptr<TrainingThread> m_worker;
    std::unique_ptr<ToySurface> m_surface;  ///< current surface: info and Hessian (cheap)
    quint64 m_submitted = 0;
    bool m_updating = false;  ///< suppresses settingsChanged() during programmatic updates
    double m_stableLimit = 0.0;
    LandscapeImage m_lastLandscape;  ///< the worker's last landscape (it skips repeats)
    std::string m_shownLandscape;

    // Plots.
    QCustomPlot* m_mapPlot = nullptr;
    QCPTextElement* m_mapTitle = nullptr;
    QCPColorMap* m_colorMap = nullptr;
    QCPColorScale* m_colorScale = nullptr;
    QCPCurve* m_trajectory = nullptr;
    QCPGraph* m_startMarker = nullptr;
    QCPGraph* m_endMarker = nullptr;
    QCPGraph* m_minimaMarker = nullptr;
    QCPItemText* m_mapNote = nullptr;
    QCPLayer* m_pathLayer = nullptr;
    bool m_pathReplotQueued = false;
    QCustomPlot* m_lossPlot = nullptr;
    QCPGraph* m_lossGraph = nullptr;
    QCPItemStraightLine* m_divergenceLine = nullptr;
    QCPItemText* m_divergenceText = nullptr;
    QCustomPlot* m_lrPlot = nullptr;
    QCPGraph* m_lrGraph = nullptr;
    QCPItemStraightLine* m_lrLimitLine = nullptr;
    QCPItemText* m_lrLimitText = nullptr;

    // Controls.
    QComboBox* m_surfaceCombo = nullptr;
    QDoubleSpinBox* m_startX = nullptr;
    QDoubleSpinBox* m_startY = nullptr;
    QDoubleSpinBox* m_noise = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_optimizerCombo = nullptr;
    QFormLayout* m_optimizerForm = nullptr;
    QDoubleSpinBox* m_momentum = nullptr;
    QCheckBox* m_nesterov = nullptr;
    QDoubleSpinBox* m_alpha = nullptr;
    ScientificSpinBox* m_eps = nullptr;
    QDoubleSpinBox* m_beta1 = nullptr;
    QDoubleSpinBox* m_beta2 = nullptr;
    QDoubleSpinBox* m_weightDecay = nullptr;
    LearningRateControl* m_learningRate = nullptr;
    QSpinBox* m_steps = nullptr;
    QSpinBox* m_warmupSteps = nullptr;
    QDoubleSpinBox* m_warmupStartFactor = nullptr;
    QComboBox* m_decayCombo = nullptr;
    QFormLayout* m_scheduleForm = nullptr;
    QDoubleSpinBox* m_gamma = nullptr;
    QSpinBox* m_stepSize = nullptr;
    QSpinBox* m_stepsPerEpoch = nullptr;
    QSpinBox* m_t0 = nullptr;
    QSpinBox* m_tMult = nullptr;
    QDoubleSpinBox* m_power = nullptr;
    QDoubleSpinBox* m_timescale = nullptr;
    QDoubleSpinBox* m_pctStart = nullptr;
    QDoubleSpinBox* m_divFactor = nullptr;
    QDoubleSpinBox* m_finalDivFactor = nullptr;
    QDoubleSpinBox* m_decayFraction = nullptr;
    QComboBox* m_shape = nullptr;
    ScientificSpinBox* m_minLr = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_timingLabel = nullptr;
};

}  // namespace lrlab
