#pragma once

#include "core/analysis/sweep.h"
#include "core/config/run_config.h"
#include "ui/views/job_view.h"
#include "ui/views/sweep_outcome.h"
#include "ui/views/view_helpers.h"

#include <QString>
#include <QStringList>

#include <vector>

class QCheckBox;
class QComboBox;
class QCPColorMap;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace lrlab {

class ScientificSpinBox;
class SweepPlots;

/// The Sweep view of the explorer: runs the current experiment at a log-spaced grid of learning
/// rates, optionally crossed with the values of one other setting, and shows the U-curve (final
/// loss against LR, one curve per value) and a heat map (log10 final loss over LR × value).
///
/// Embedding: construct it, connect the experiment's configChanged to setBaseConfig(), and
/// connect runRequested() to whatever loads a config into the explorer. Everything else
/// (controls, progress, export) lives inside the widget: the controls and the job here, the
/// drawing in SweepPlots, the shown sweep in a SweepOutcome.
///
/// Threading: run() builds the points on the GUI thread and runs runSweep() on a BackgroundJob:
/// cancel() or a new run() raises the old job's flag and drops whatever it returns; progress
/// comes back as queued values. The destructor cancels and waits for every sweep (the job is a
/// child). All public functions are GUI-thread only.
class SweepView : public JobView
{
    Q_OBJECT
public:
    explicit SweepView(QWidget* parent = nullptr);
    ~SweepView() override;

    const RunConfig& baseConfig() const { return m_base; }

    /// Sets the LR grid controls: count log-spaced rates from `from` to `to` (count 3..40).
    void setLearningRateRange(double from, double to, int count);
    /// Chooses the crossed setting ("" = none, or warmup_steps, batch_size, momentum,
    /// weight_decay, optimizer). Empty values = that setting's default list.
    void setCrossedSetting(const QString& key, const QString& values = QString());
    /// The target loss for "steps to target"; a negative or NaN value means none.
    void setTargetLoss(double target);
    /// Worker threads of the sweep (0 = every core, the default).
    void setThreadCount(int threads) { m_threads = threads; }

    /// The default value list offered for a crossed setting, e.g. "0,0.5,0.9" for momentum.
    static QString defaultValues(const QString& key);

    /// Results of the last finished sweep, in point order (value-major, LR-minor).
    const std::vector<SweepRunResult>& results() const { return m_shown.results; }
    /// The points (exact configs) of the last finished sweep, parallel to results().
    const std::vector<SweepPoint>& points() const { return m_shown.points; }
    /// The LR grid of the last finished sweep.
    const std::vector<double>& learningRates() const { return m_shown.rates; }
    /// The crossed key of the last finished sweep ("" if none) and its values in curve order.
    const QString& shownKey() const { return m_shown.key; }
    const QStringList& shownValues() const { return m_shown.values; }

    /// Sweeps whose work has not returned yet (abandoned ones included).
    int pendingSweeps() const { return pendingJobs(); }

    QCustomPlot* uCurvePlot() const;
    QCustomPlot* heatMapPlot() const;
    QCPColorMap* heatMap() const;
    /// One curve per value of the crossed setting (one curve if none).
    int curveCount() const;
    /// Final loss of curve c against LR, one data point per rate (NaN where the run diverged).
    QCPGraph* lossGraph(int curve) const;
    /// Validation loss of curve c (models only; nullptr for toy surfaces).
    QCPGraph* validationGraph(int curve) const;
    /// The diverged runs of curve c, drawn as red crosses at the top of the axis.
    QCPGraph* divergedGraph(int curve) const;
    /// The best LR of curve c (one point, or none if every run diverged).
    QCPGraph* bestGraph(int curve) const;
    /// Index into learningRates() of curve c's best run (-1 if every run diverged).
    int bestIndex(int curve) const { return m_shown.bestIndex(curve); }

    /// The sweep table as `lrlab sweep` writes it (same header and number format).
    QString csvText() const { return m_shown.csvText(); }

    /// The text of the tooltip for run (curve, lrIndex): lr, setting, losses, diverged, target.
    QString pointDescription(int curve, int lrIndex) const
    {
        return m_shown.pointDescription(curve, lrIndex);
    }

public slots:
    /// The experiment to sweep (toy surface or real model). Its own schedule.lr is replaced by
    /// every rate of the grid; the rest of the config is kept. Does not start a sweep.
    void setBaseConfig(const lrlab::RunConfig& config);
    /// Starts a sweep with the current controls; abandons any sweep still running.
    void run() override;
    /// Abandons the running sweep at once (its results are dropped).
    void cancel() override;
    /// Emits runRequested() with the config of the run at (curve, lrIndex) of the U-curve.
    void activatePoint(int curve, int lrIndex);
    /// Emits runRequested() for heat-map cell (lrIndex, valueIndex): the same run as
    /// activatePoint(valueIndex, lrIndex).
    void activateCell(int lrIndex, int valueIndex);
    /// Writes csvText() to path; returns false (and says why in the status line) on failure.
    bool exportCsv(const QString& path);

signals:
    /// The user picked a run (click on the U-curve or heat map, or Enter in the table): load it.
    void runRequested(const lrlab::RunConfig& config);
    /// A sweep of `runs` runs was started.
    void sweepStarted(int runs);
    /// The newest sweep finished and its `runs` results are shown.
    void sweepFinished(int runs);
    /// The newest sweep was cancelled.
    void sweepCancelled();
    /// The sweep could not start (bad values) or a run threw; message says why.
    void sweepFailed(const QString& message);

private:
    QWidget* buildControls();
    void crossedSettingChanged();
    void updateControlsForBase();
    /// Refuses a sweep that cannot start: status line and sweepFailed().
    void refuse(const QString& message);
    void finish(std::vector<SweepRunResult> results);

    RunConfig m_base;
    int m_threads = 0;
    SweepOutcome m_pending; ///< the running sweep's settings and points (no results yet)
    SweepOutcome m_shown;   ///< the last finished sweep

    // Controls.
    QLabel* m_baseLabel = nullptr;
    RateGridControls m_rates;
    QComboBox* m_crossCombo = nullptr;
    QLineEdit* m_values = nullptr;
    QCheckBox* m_targetCheck = nullptr;
    ScientificSpinBox* m_target = nullptr;
    QPushButton* m_exportButton = nullptr;
    SweepPlots* m_plots = nullptr;
};

} // namespace lrlab
