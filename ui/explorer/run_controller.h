#pragma once

#include "core/analysis/diagnosis.h"
#include "ui/compare/run_record.h"
#include "ui/experiment_model.h"
#include "ui/worker/training_thread.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace lrlab {

class PinnedRuns;
class RunStatusBar;

/// A model run's curves besides the minibatch loss, as the loss and accuracy plots draw them:
/// the EMA-smoothed minibatch loss and the evaluations. Plain values.
struct ModelCurves
{
    int steps = 0; ///< the run's configured steps (the plots' x range)
    std::vector<double> smoothedSteps, smoothed;
    std::vector<double> validationSteps, validationLoss;
    std::vector<double> accuracySteps, accuracy;
};

/// Runs the model's current experiment: every configChanged() submits the config to the
/// TrainingThread (the latest request wins); the results of the newest generation become the
/// current run of PinnedRuns (toy runs at once, model runs chunk by chunk), its status goes to
/// the status bar, and the landscape, curves, divergence and loss history go out as signals
/// carrying values. A failed run takes the current run off the plots (no stale curves under a
/// new problem's titles). GUI thread only.
class RunController : public QObject
{
    Q_OBJECT
public:
    /// Weight of the newest minibatch loss in the smoothed curve (an EMA of about 50 steps).
    static constexpr double kSmoothing = 0.02;
    /// A streaming run's rows reach the plots at most this often (one 60 Hz frame): chunks that
    /// arrive meanwhile are gathered and drawn together. The first chunk of a run and the
    /// finished run are drawn at once.
    static constexpr int kFrameMilliseconds = 16;

    RunController(ExperimentModel* model, PinnedRuns* pins, RunStatusBar* status,
                  QObject* parent = nullptr);
    ~RunController() override;

    /// Submits the model's config now (the first run; configChanged() does it afterwards).
    void rerun();

    /// The current run as shown (null before any and after a failure).
    std::shared_ptr<const RunRecord> currentRecord() const { return m_record; }
    quint64 submittedGeneration() const { return m_submitted; }
    quint64 displayedGeneration() const { return m_displayed; }
    bool isBusy() const { return m_busy; }
    /// The last finished model run of the current generation (for its landscape's labels).
    const ModelRunResult* lastModelRun() const;

signals:
    /// A run of config was submitted (what: the fields that changed since the last one).
    void runSubmitted(quint64 generation, const lrlab::RunConfig& config,
                      lrlab::ConfigChanges what);
    /// The final result of generation is on the plots' current run.
    void runDisplayed(quint64 generation);
    /// Rows of a streaming model run were put on the plots (rows shown so far); chunks that
    /// arrive within a frame are shown together, with one signal.
    void chunkDisplayed(quint64 generation, int rows);
    /// Smoothed loss and evaluations of the current model run.
    void modelCurvesChanged(const lrlab::ModelCurves& curves);
    /// The current run diverged at step (−1: it did not); steps: its configured steps.
    void divergenceChanged(int step, int steps);
    /// The loss history the diagnosis judges.
    void historyChanged(const lrlab::LossHistory& history);
    /// A toy surface's landscape (the worker skips a repeat of the last one).
    void toyLandscapeReady(const lrlab::LandscapeImage& image);
    /// A model run's landscape of generation (coarse, then final).
    void modelLandscapeReady(quint64 generation, const lrlab::ModelLandscape& landscape);
    void landscapeFailed(const QString& message);
    /// The run failed (its message, e.g. a malformed CSV naming file and line).
    void runFailed(const QString& message);
    /// A note about the finished run that is not an error (e.g. a batch larger than the split).
    void runNote(const QString& note);

private:
    void submit(const RunConfig& config, ConfigChanges what);
    void showRun(quint64 generation, const RunResult& result);
    void showChunk(const ModelChunk& chunk);
    /// Puts the rows gathered from the chunks on the plots and the status bar.
    void publishChunks();
    void showModelRun(quint64 generation, const ModelRunResult& result);
    void showModelLandscape(quint64 generation, const ModelLandscape& landscape);
    void showFailure(quint64 generation, const QString& message);
    void setCurrent(const RunRecord& record);
    /// Puts the stream's rows into the current record and emits the curves and history.
    void publishStream();
    void setBusy(bool busy);

    /// The current streaming model run, accumulated from chunks.
    struct Stream
    {
        quint64 generation = 0;
        RunConfig config;
        RunRecord record;
        std::vector<double> smoothed, trainLoss;
        double ema = 0.0;
        void append(double learningRate, double loss);
        void smooth(double loss);
    };

    ExperimentModel* m_model;
    PinnedRuns* m_pins;
    RunStatusBar* m_status;
    std::unique_ptr<TrainingThread> m_worker;
    quint64 m_submitted = 0;
    quint64 m_displayed = 0;
    RunConfig m_submittedConfig;
    bool m_busy = false;
    Stream m_stream;
    /// Fires publishChunks() a frame after the last publication; chunks gather meanwhile.
    QTimer m_publishTimer;
    QElapsedTimer m_sincePublish;
    int m_chunkTotalSteps = 0;
    double m_chunkElapsedMs = 0.0;
    std::shared_ptr<const RunRecord> m_record;
    std::unique_ptr<ModelRunResult> m_lastModelRun;
};

} // namespace lrlab

Q_DECLARE_METATYPE(lrlab::ModelCurves)
