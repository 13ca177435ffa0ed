#pragma once

#include "core/analysis/sweep.h"
#include "core/config/run_config.h"
#include "core/engine/run_status.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPItemText;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableWidget;
class QTimer;

namespace lrlab {

class ScientificSpinBox;

/// The Sweep view of the explorer: runs the current experiment at a log-spaced grid of learning
/// rates, optionally crossed with the values of one other setting, and shows the U-curve (final
/// loss against LR, one curve per value) and a heat map (log10 final loss over LR × value).
///
/// Embedding: construct it, call setBaseConfig() whenever the explorer's experiment changes,
/// and connect runRequested() to whatever loads a config into the explorer. Everything else
/// (controls, progress, export) lives inside the widget.
///
/// Threading: run() builds the points on the GUI thread and hands them to runSweep() through
/// QtConcurrent::run; the worker threads only bump an atomic counter that a GUI-thread timer
/// polls, so nothing ever blocks the GUI thread. Every sweep has its own cancel flag and a
/// generation number: cancel() or a new run() raises the old flag and drops whatever that
/// generation returns. The destructor raises every flag and waits for the (then short) futures.
/// All public functions are GUI-thread only.
class SweepView : public QWidget
{
    Q_OBJECT
public:
    explicit SweepView(QWidget* parent = nullptr);
    ~SweepView() override;

    /// The experiment to sweep (toy surface or real model). Its own schedule.lr is replaced by
    /// every rate of the grid; the rest of the config is kept. Does not start a sweep.
    void setBaseConfig(const RunConfig& config);
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
    const std::vector<SweepRunResult>& results() const { return m_results; }
    /// The points (exact configs) of the last finished sweep, parallel to results().
    const std::vector<SweepPoint>& points() const { return m_points; }
    /// The LR grid of the last finished sweep.
    const std::vector<double>& learningRates() const { return m_rates; }
    /// The crossed key of the last finished sweep ("" if none) and its values in curve order.
    const QString& shownKey() const { return m_shownKey; }
    const QStringList& shownValues() const { return m_shownValues; }

    /// True from run() until its sweep finishes, fails or is cancelled.
    bool isRunning() const { return m_running; }
    /// Sweeps whose futures have not returned yet (abandoned ones included).
    int pendingSweeps() const { return static_cast<int>(m_jobs.size()); }
    /// The generation of the newest run() (1, 2, …; 0 before any).
    quint64 generation() const { return m_generation; }
    /// The last message shown in the status line (errors, summary).
    QString statusText() const;

    QCustomPlot* uCurvePlot() const { return m_curvePlot; }
    QCustomPlot* heatMapPlot() const { return m_heatPlot; }
    QCPColorMap* heatMap() const { return m_heatMap; }
    /// One curve per value of the crossed setting (one curve if none).
    int curveCount() const { return static_cast<int>(m_lossGraphs.size()); }
    /// Final loss of curve c against LR, one data point per rate (NaN where the run diverged).
    QCPGraph* lossGraph(int curve) const;
    /// Validation loss of curve c (models only; nullptr for toy surfaces).
    QCPGraph* validationGraph(int curve) const;
    /// The diverged runs of curve c, drawn as red crosses at the top of the axis.
    QCPGraph* divergedGraph(int curve) const;
    /// The best LR of curve c (one point, or none if every run diverged).
    QCPGraph* bestGraph(int curve) const;
    /// Index into learningRates() of curve c's best run (-1 if every run diverged).
    int bestIndex(int curve) const;

    /// The sweep table as `lrlab sweep` writes it (same header and number format).
    QString csvText() const;

    /// The text of the tooltip for run (curve, lrIndex): lr, setting, losses, diverged, target.
    QString pointDescription(int curve, int lrIndex) const;

public slots:
    /// Starts a sweep with the current controls; abandons any sweep still running.
    void run();
    /// Abandons the running sweep at once (its results are dropped).
    void cancel();
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
    /// Progress of the newest sweep (polled, at most every ~50 ms).
    void progressChanged(int done, int total);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// State shared between the GUI and one sweep's worker threads.
    struct SharedState
    {
        CancelFlag cancel{false};
        std::atomic<int> done{0};
    };
    /// What the future returns: the results, or the message of an exception.
    struct Outcome
    {
        std::vector<SweepRunResult> results;
        QString error;
    };
    /// One started sweep. The newest one is m_generation; older ones are only waited for.
    struct Job
    {
        quint64 generation = 0;
        std::shared_ptr<SharedState> state;
        QFuture<Outcome> future;
    };

    QWidget* buildControls();
    QWidget* buildPlots();
    void crossedSettingChanged();
    void updateControlsForBase();
    void setRunning(bool running);
    void setStatus(const QString& text, bool alarm);
    /// Timer slot: progress of the current job; collects finished futures.
    void poll();
    void finishCurrent(Outcome outcome);
    void showResults();
    void showUCurve();
    void showHeatMap();
    void fillTable();
    void clearPlots();
    /// Maps a mouse position on the U-curve to (curve, lrIndex); false if nothing is near.
    bool pointAt(const QPoint& pos, int& curve, int& lrIndex) const;
    bool cellAt(const QPoint& pos, int& lrIndex, int& valueIndex) const;
    int resultIndex(int curve, int lrIndex) const;
    /// The plotted loss of a result: f − f* for toy surfaces (so the log axis works for surfaces
    /// whose minimum is not 0), the training loss for models.
    double plottedLoss(double loss) const;

    RunConfig m_base;
    int m_threads = 0;

    // Sweep bookkeeping.
    std::vector<Job> m_jobs;
    quint64 m_generation = 0;
    bool m_running = false;
    int m_total = 0;
    QElapsedTimer m_clock;
    QTimer* m_pollTimer = nullptr;
    std::vector<SweepPoint> m_pendingPoints;
    std::vector<double> m_pendingRates;
    QString m_pendingKey;
    QStringList m_pendingValues;
    double m_pendingFloor = 0.0;

    // Shown results (of the last finished sweep).
    std::vector<SweepPoint> m_points;
    std::vector<SweepRunResult> m_results;
    std::vector<double> m_rates;
    QString m_shownKey;
    QStringList m_shownValues;
    double m_floor = 0.0;  ///< f* subtracted from toy losses
    bool m_shownModel = false;
    std::vector<int> m_best;

    // Controls.
    QLabel* m_baseLabel = nullptr;
    ScientificSpinBox* m_from = nullptr;
    ScientificSpinBox* m_to = nullptr;
    QSpinBox* m_count = nullptr;
    QComboBox* m_crossCombo = nullptr;
    QLineEdit* m_values = nullptr;
    QCheckBox* m_targetCheck = nullptr;
    ScientificSpinBox* m_target = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_exportButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_timeLabel = nullptr;
    QLabel* m_statusLabel = nullptr;

    // Plots.
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

}  // namespace lrlab
