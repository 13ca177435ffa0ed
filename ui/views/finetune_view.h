#pragma once

#include "core/finetune/finetune_lab.h"
#include "ui/views/finetune_outcome.h"
#include "ui/views/job_view.h"

#include <QString>

#include <memory>
#include <vector>

class QCPGraph;
class QCPItemText;
class QComboBox;
class QCustomPlot;
class QTextBrowser;

namespace lrlab {

class FineTuneCurves;
class FineTuneRunPlot;
class FineTuneSettings;
class FineTuneTables;

/// The "Fine-tuning" view: an MLP pre-trained on digits is fine-tuned on a shifted
/// copy of the data (mirror, rotate 90°, invert) with a small training set, by full fine-tuning,
/// LoRA and head-only, over a log-spaced LR grid (optionally crossed with training-set sizes).
/// It shows target and source validation accuracy against the LR for the three methods
/// (forgetting = the source accuracy lost, in its own plot), each method's best LR marked, the
/// best LR against dataset size, the loss curves of a clicked run, a panel that sets the
/// measured best LRs beside the commonly quoted ones, and trainable parameters and optimizer
/// state per method.
///
/// Embedding: construct it and add it as a tab; it is self-contained (its own controls,
/// progress and results) and takes no config from the explorer. Setters exist for presets and
/// tests; signals report the sweep. Parts: FineTuneSettings (controls), JobStrip (run, cancel,
/// progress), FineTuneCurves (accuracy, forgetting and size plots), FineTuneRunPlot (one run),
/// FineTuneTables, and the summary; the shown sweep is a FineTuneOutcome.
///
/// Threading: run() copies the settings and starts one BackgroundJob: it prepares the data
/// (FineTuneData::create, which pre-trains the source model on a cache miss and caches the
/// weights on disk) and then runs runFineTuneSweep on the parallel engine. cancel() or a new
/// run() raises the old job's flag and drops whatever it returns; the data a job prepared are
/// kept for reuse whatever its generation (they do not depend on it). Pre-training itself
/// cannot be interrupted (a second or so); the sweep checks its flag every step. The job is a
/// child: the view's destruction cancels and waits for it. All public functions are GUI-thread
/// only.
class FineTuneView : public JobView
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
    const std::vector<FineTuneResult>& results() const { return m_shown.results; }
    /// The rate grid, methods and actual training sizes of the last finished sweep.
    const std::vector<double>& learningRates() const { return m_shown.rates; }
    const std::vector<FineTuneMethod>& methods() const { return m_shown.methods; }
    const std::vector<int>& trainSizes() const { return m_shown.trainSizes; }
    /// bestRates(results()).
    const std::vector<BestRate>& bestRates() const { return m_shown.best; }
    /// The best LR of method at training size `size` (-1 = the shown size); NaN if the method
    /// was not run or every run of it diverged.
    double bestLearningRate(FineTuneMethod method, int size = -1) const
    {
        return m_shown.bestLearningRate(method, size);
    }
    /// The training size whose curves the accuracy plots show.
    int shownSize() const { return m_shown.shownSize; }
    void setShownSize(int size);
    /// The index into results() of run (method, lrIndex) at the shown size; -1 if none.
    int resultIndex(FineTuneMethod method, int lrIndex) const
    {
        return m_shown.resultIndex(method, lrIndex);
    }
    /// The pre-trained model's source and target validation accuracy of the last sweep.
    double pretrainedSourceAccuracy() const { return m_shown.preSource; }
    double pretrainedTargetAccuracy() const { return m_shown.preTarget; }
    /// True when the last finished sweep read the pre-trained weights from the disk cache.
    bool pretrainedFromCache() const { return m_shown.fromCache; }

    /// True while the current job prepares the data (loading or pre-training).
    bool isPreparing() const;
    /// The summary panel's text (rich text as shown).
    QString summaryText() const;

    QCustomPlot* accuracyPlot() const;
    QCustomPlot* forgettingPlot() const;
    QCustomPlot* sizePlot() const;
    QCustomPlot* runPlot() const;
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
    QCPGraph* runLossGraph() const;
    QCPGraph* runValidationLossGraph() const;
    QCPGraph* runTargetAccuracyGraph() const;
    QCPGraph* runSourceAccuracyGraph() const;
    /// The index into results() of the run whose curves are shown (-1 for none).
    int selectedRun() const { return m_shown.selected; }

    /// The tooltip text of run (method, lrIndex) at the shown size.
    QString pointDescription(FineTuneMethod method, int lrIndex) const
    {
        return m_shown.pointDescription(method, lrIndex);
    }

public slots:
    /// Starts a sweep with the current controls; abandons any job still running.
    void run() override;
    /// Abandons the running job at once (its results are dropped).
    void cancel() override;
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
    /// The shown run's curves changed (index into results()).
    void runSelected(int index);

private:
    /// The data the last job prepared, shared with the jobs (whichever generation stores it).
    struct PreparedData;
    /// What a job returns.
    struct JobResult
    {
        std::shared_ptr<const FineTuneData> data;
        std::vector<FineTuneResult> results;
    };

    QWidget* buildControls();
    QWidget* buildPlots();
    void refuse(const QString& message);
    /// GUI side of the job's phases: preparing (pre-training or loading), then sweeping.
    void showPreparing(bool pretraining);
    void showSweeping();
    void finish(JobResult result);
    void showResults();
    void showSummary();
    void updateShownSizeCombo();
    /// The prepared data if they match spec (same shift, recipe, cache), else nullptr.
    std::shared_ptr<const FineTuneData> reusableData(const FineTuneDataSpec& spec) const;

    int m_threads = 0;
    std::shared_ptr<PreparedData> m_prepared;
    FineTuneRequest m_pending; ///< the running sweep's settings
    int m_total = 0;           ///< runs of the running sweep
    bool m_preparing = false;
    FineTuneOutcome m_shown; ///< the last finished sweep

    FineTuneSettings* m_settings = nullptr;
    QComboBox* m_shownSizeCombo = nullptr;
    FineTuneCurves* m_curves = nullptr;
    FineTuneRunPlot* m_runPlot = nullptr;
    QTextBrowser* m_summary = nullptr;
    FineTuneTables* m_tables = nullptr;
};

} // namespace lrlab
