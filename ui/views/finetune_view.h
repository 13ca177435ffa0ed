#pragma once

#include "core/engine/run_status.h"
#include "core/finetune/finetune_lab.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QString>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPGraph;
class QCPTextElement;
class QCPItemLine;
class QCPItemText;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTextBrowser;
class QTimer;

namespace lrlab {

class ScientificSpinBox;

/// The "Fine-tuning" view (issue 6): an MLP pre-trained on digits is fine-tuned on a shifted
/// copy of the data (mirror, rotate 90°, invert) with a small training set, by full fine-tuning,
/// LoRA and head-only, over a log-spaced LR grid (optionally crossed with training-set sizes).
/// It shows target and source validation accuracy against the LR for the three methods
/// (forgetting = the source accuracy lost, in its own plot), each method's best LR marked, the
/// best LR against dataset size, the loss curves of a clicked run, a panel that sets the
/// measured best LRs beside the commonly quoted ones, and trainable parameters and optimizer
/// state per method.
///
/// Embedding: construct it and add it as a tab; it is self-contained (its own controls,
/// progress and results). Setters exist for presets and tests; signals report the sweep.
///
/// Threading: run() copies the settings and hands one job to QtConcurrent::run: it prepares
/// the data (FineTuneData::create, which pre-trains the source model on a cache miss and caches
/// the weights on disk) and then runs runFineTuneSweep on the parallel engine. The workers only
/// touch atomics (phase, runs done) that a GUI-thread timer polls, so the GUI thread never
/// waits. Every job has its own cancel flag and a generation: cancel() or a new run() raise the
/// old flag and drop whatever that generation returns (prepared data are kept for reuse, since
/// they do not depend on the generation). Pre-training itself cannot be interrupted (a second
/// or so); the sweep checks its flag every step. The destructor raises every flag and waits
/// for the (then short) futures. All public functions are GUI-thread only.
class FineTuneView : public QWidget
{
    Q_OBJECT
public:
    explicit FineTuneView(QWidget* parent = nullptr);
    ~FineTuneView() override;

    // Settings (the same as the controls; none of them starts a sweep).
    void setShift(Shift shift);
    /// Training-set size when no sizes are crossed (>= 1; 0 = all).
    void setTrainSize(int size);
    /// Which methods run (the method checkboxes).
    void setMethods(const std::vector<FineTuneMethod>& methods);
    void setLoraOptions(int rank, double alpha);
    /// Any name of optimizerNames(); unknown names are ignored.
    void setOptimizer(const QString& type);
    /// count log-spaced rates from `from` to `to` (count 2..40).
    void setLearningRateRange(double from, double to, int count);
    void setSteps(int steps);
    void setBatchSize(int batchSize);
    void setSeed(int seed);
    /// Training-set sizes to cross with, e.g. "50,200,all"; "" = no crossing.
    void setSizes(const QString& sizes);
    /// Worker threads of the sweep (0 = every core, the default).
    void setThreadCount(int threads) { m_threads = threads; }

    /// Results of the last finished sweep, in point order (size-major, then method, then rate).
    const std::vector<FineTuneResult>& results() const { return m_results; }
    /// The rate grid, methods and actual training sizes of the last finished sweep.
    const std::vector<double>& learningRates() const { return m_rates; }
    const std::vector<FineTuneMethod>& methods() const { return m_methods; }
    const std::vector<int>& trainSizes() const { return m_trainSizes; }
    /// bestRates(results()).
    const std::vector<BestRate>& bestRates() const { return m_best; }
    /// The best LR of method at training size `size` (-1 = the shown size); NaN if the method
    /// was not run or every run of it diverged.
    double bestLearningRate(FineTuneMethod method, int size = -1) const;
    /// The training size whose curves the accuracy plots show.
    int shownSize() const { return m_shownSize; }
    void setShownSize(int size);
    /// The index into results() of run (method, lrIndex) at the shown size; -1 if none.
    int resultIndex(FineTuneMethod method, int lrIndex) const;
    /// The pre-trained model's source and target validation accuracy of the last sweep.
    double pretrainedSourceAccuracy() const { return m_preSource; }
    double pretrainedTargetAccuracy() const { return m_preTarget; }
    /// True when the last finished sweep read the pre-trained weights from the disk cache.
    bool pretrainedFromCache() const { return m_fromCache; }

    bool isRunning() const { return m_running; }
    /// True while the current job prepares the data (loading or pre-training).
    bool isPreparing() const { return m_running && m_preparing; }
    int pendingJobs() const { return static_cast<int>(m_jobs.size()); }
    quint64 generation() const { return m_generation; }
    QString statusText() const;
    /// The summary panel's text (rich text as shown).
    QString summaryText() const;

    QCustomPlot* accuracyPlot() const { return m_accPlot; }
    QCustomPlot* forgettingPlot() const { return m_forgetPlot; }
    QCustomPlot* sizePlot() const { return m_sizePlot; }
    QCustomPlot* runPlot() const { return m_runPlot; }
    /// Target validation accuracy (in %) against LR at the shown size; nullptr if not shown.
    QCPGraph* targetGraph(FineTuneMethod method) const;
    /// Source validation accuracy (in %, dashed) against LR at the shown size.
    QCPGraph* sourceGraph(FineTuneMethod method) const;
    /// The best-LR diamond (one point at (best LR, target accuracy %), or empty).
    QCPGraph* bestGraph(FineTuneMethod method) const;
    /// The diamond's label ("best 3.2e-4"), in a row near the bottom of the plot with a
    /// dotted line up to the diamond (labels of close rates stack instead of overlapping).
    QCPItemText* bestLabel(FineTuneMethod method) const;
    /// Forgetting (pre-trained source accuracy − source accuracy, in points) against LR.
    QCPGraph* forgettingGraph(FineTuneMethod method) const;
    /// Best LR against training-set size (sizes crossed only).
    QCPGraph* sizeGraph(FineTuneMethod method) const;
    /// The selected run's curves: minibatch loss per step, target validation loss, target and
    /// source validation accuracy (%) at the evaluation steps.
    QCPGraph* runLossGraph() const { return m_runLoss; }
    QCPGraph* runValidationLossGraph() const { return m_runValLoss; }
    QCPGraph* runTargetAccuracyGraph() const { return m_runTargetAcc; }
    QCPGraph* runSourceAccuracyGraph() const { return m_runSourceAcc; }
    /// The index into results() of the run whose curves are shown (-1 for none).
    int selectedRun() const { return m_selected; }

    /// The tooltip text of run (method, lrIndex) at the shown size.
    QString pointDescription(FineTuneMethod method, int lrIndex) const;

public slots:
    /// Starts a sweep with the current controls; abandons any job still running.
    void run();
    /// Abandons the running job at once (its results are dropped).
    void cancel();
    /// Shows the curves of results()[index] below the accuracy plots.
    void selectRun(int index);

signals:
    /// A sweep of `runs` runs was started.
    void started(int runs);
    /// The newest sweep finished and its `runs` results are shown.
    void finished(int runs);
    void cancelled();
    /// The sweep could not start (bad values) or failed; message says why.
    void failed(const QString& message);
    /// Progress of the newest sweep (polled, at most every ~50 ms); total 0 while preparing.
    void progressChanged(int done, int total);
    /// The shown run's curves changed (index into results()).
    void runSelected(int index);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Phase : int { Loading = 0, Pretraining = 1, Sweeping = 2 };
    /// State shared between the GUI and one job's threads.
    struct SharedState
    {
        CancelFlag cancel{false};
        std::atomic<int> done{0};
        std::atomic<int> phase{static_cast<int>(Phase::Loading)};
    };
    struct Outcome
    {
        std::shared_ptr<const FineTuneData> data;
        std::vector<FineTuneResult> results;
        QString error;
    };
    struct Job
    {
        quint64 generation = 0;
        std::shared_ptr<SharedState> state;
        QFuture<Outcome> future;
    };
    /// The settings of one sweep, copied at run().
    struct Request
    {
        FineTuneDataSpec data;
        FineTuneSweepSpec sweep;
    };

    QWidget* buildControls();
    QWidget* buildPlots();
    void setRunning(bool running);
    void setStatus(const QString& text, bool alarm);
    void poll();
    void finishCurrent(Outcome outcome);
    void showResults();
    void showAccuracy();
    void showSizes();
    void fillTables();
    void showSummary();
    void clearRunPlot();
    void updateShownSizeCombo();
    bool pointAt(const QPoint& pos, FineTuneMethod& method, int& lrIndex) const;
    bool sizePointAt(const QPoint& pos, int& sizeIndex) const;
    int methodSlot(FineTuneMethod method) const;
    /// The prepared data if it matches spec (same shift, recipe, cache), else nullptr.
    std::shared_ptr<const FineTuneData> reusableData(const FineTuneDataSpec& spec) const;

    int m_threads = 0;

    // Job bookkeeping.
    std::vector<Job> m_jobs;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_preparing = false;
    int m_total = 0;
    QElapsedTimer m_clock;
    QElapsedTimer m_sweepClock;
    QTimer* m_pollTimer = nullptr;
    Request m_pending;
    std::shared_ptr<const FineTuneData> m_data; ///< the last prepared data (reused when equal)

    // Shown results.
    Request m_shown;
    std::vector<FineTuneResult> m_results;
    std::vector<BestRate> m_best;
    std::vector<double> m_rates;
    std::vector<FineTuneMethod> m_methods;
    std::vector<int> m_trainSizes;
    int m_shownSize = 0;
    double m_preSource = 0.0;
    double m_preTarget = 0.0;
    bool m_fromCache = false;
    int m_selected = -1;

    // Controls.
    QComboBox* m_shift = nullptr;
    QSpinBox* m_trainSize = nullptr;
    QCheckBox* m_methodChecks[3] = {nullptr, nullptr, nullptr};
    QSpinBox* m_rank = nullptr;
    QDoubleSpinBox* m_alpha = nullptr;
    QComboBox* m_optimizer = nullptr;
    ScientificSpinBox* m_from = nullptr;
    ScientificSpinBox* m_to = nullptr;
    QSpinBox* m_count = nullptr;
    QSpinBox* m_steps = nullptr;
    QSpinBox* m_batch = nullptr;
    QSpinBox* m_seed = nullptr;
    QLineEdit* m_sizes = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_timeLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QComboBox* m_shownSizeCombo = nullptr;

    // Plots and panels.
    QCustomPlot* m_accPlot = nullptr;
    QCustomPlot* m_forgetPlot = nullptr;
    QCustomPlot* m_sizePlot = nullptr;
    QCustomPlot* m_runPlot = nullptr;
    QCPItemText* m_accNote = nullptr;
    QCPGraph* m_preSourceGraph = nullptr; ///< the pre-trained source accuracy (horizontal)
    QCPGraph* m_preTargetGraph = nullptr; ///< the pre-trained target accuracy (horizontal)
    QCPTextElement* m_runTitle = nullptr;
    QCPGraph* m_targetGraphs[3] = {nullptr, nullptr, nullptr};
    QCPGraph* m_sourceGraphs[3] = {nullptr, nullptr, nullptr};
    QCPGraph* m_bestGraphs[3] = {nullptr, nullptr, nullptr};
    QCPGraph* m_divergedGraphs[3] = {nullptr, nullptr, nullptr};
    QCPItemText* m_bestLabels[3] = {nullptr, nullptr, nullptr};
    QCPItemLine* m_bestDrops[3] = {nullptr, nullptr, nullptr}; ///< label → diamond, dotted
    QCPGraph* m_forgetGraphs[3] = {nullptr, nullptr, nullptr};
    QCPGraph* m_sizeGraphs[3] = {nullptr, nullptr, nullptr};
    QCPGraph* m_runLoss = nullptr;
    QCPGraph* m_runValLoss = nullptr;
    QCPGraph* m_runTargetAcc = nullptr;
    QCPGraph* m_runSourceAcc = nullptr;
    QCPGraph* m_selectedMark = nullptr;
    QCPItemText* m_runNote = nullptr;
    QTextBrowser* m_summary = nullptr;
    QTableWidget* m_memoryTable = nullptr;
    QTableWidget* m_runsTable = nullptr;
};

} // namespace lrlab
