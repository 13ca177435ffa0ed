#pragma once

#include "core/analysis/landscape.h"
#include "core/analysis/landscape_image.h"
#include "core/config/problem_key.h"
#include "core/config/run_config.h"
#include "core/engine/model_run.h"
#include "core/engine/run_status.h"
#include "core/engine/toy_run.h"

#include <QMetaType>
#include <QMutex>
#include <QString>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>

#include <atomic>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace lrlab {

/// What the GUI asks the worker to do: run one config, a toy surface or a real model. For a toy
/// surface the landscape is computed first whenever the surface differs from the last one the
/// worker delivered. A model run streams chunks, then (when modelFineGrid > 1) its landscape is
/// computed on the run's plane: axes (w, b) for two-parameter models, the PCA plane of the
/// trajectory otherwise; coarse to fine (e.g. 11², 21², 41², see landscapeLadder).
struct RunRequest
{
    RunConfig config;
    int gridSize = 256;       ///< toy: cells per side of the landscape; 0 = never compute one
    int modelCoarseGrid = 11; ///< models: the smallest, first grid (0 = the fine one only)
    int modelFineGrid = 41;   ///< models: the refined grid (0 = no model landscape at all)
    int firstChunkRows = 8;   ///< models: rows of the first chunk, so the curve appears at once
    /// Models: later chunks at most this often (one frame), however fast the run: the GUI gets
    /// one chunk a frame to draw, and a run of a few frames' compute arrives in a few chunks.
    double chunkMilliseconds = 16.0;
    /// Models: the landscape starts this long after the run ends unless a newer request comes
    /// first, so while the slider is dragged no landscape competes with the runs. It runs on a
    /// thread of its own: a new request never waits for it (the part that cannot be cancelled,
    /// the PCA plane, finishes in the background and its result is dropped).
    int landscapeDelayMilliseconds = 40;
    int landscapeThreads = 0; ///< worker threads of the landscape grid (0 = every core)
    /// Models: parameter snapshots kept for the PCA plane. 128 draw the same picture as the
    /// CLI's 512 to the eye, and the plane (an m×m eigenproblem on m snapshots, not
    /// cancellable) takes a few ms instead of a quarter second, so a new setting is not held up.
    int maxSnapshots = 128;
};

/// A finished toy run, copied out of the worker.
struct RunResult
{
    RunConfig config; ///< the config that produced the trace
    ToyTrace trace;
    double minimumValue = 0.0; ///< f at the surface's known global minima (loss floor)
    double runMilliseconds = 0.0;
};

/// A piece of a streaming model run: trace rows [firstRow, firstRow + rows()) as copied values,
/// plus the evaluations made in those rows. The first chunk comes after firstChunkRows steps so
/// the curve appears at once; then one every chunkMilliseconds at most, with the rows computed
/// meanwhile (chunks grow with the run's speed), and a last one with the rows left at the end.
struct ModelChunk
{
    quint64 generation = 0;
    int firstRow = 0;
    int totalSteps = 0; ///< the run's configured steps
    std::vector<double> learningRate;
    std::vector<double> loss;  ///< minibatch loss per row
    std::vector<double> x, y;  ///< θ_k of two-parameter models (else empty)
    std::vector<int> evalRows; ///< evaluations made in this chunk's rows
    std::vector<double> trainLoss, validationLoss, validationAccuracy;
    double elapsedMilliseconds = 0.0; ///< since the run started (for throughput)

    int rows() const { return static_cast<int>(loss.size()); }
};

/// A finished model run: the whole trace (without snapshots and batch rows) and what the GUI
/// needs to label it.
struct ModelRunResult
{
    RunConfig config;
    ModelTrace trace;
    bool classification = true;
    std::string datasetName;
    std::string featureName;
    int parameterCount = 0;
    int trainRows = 0; ///< rows of the training split (a batch larger than it is all of it)
    double runMilliseconds = 0.0;
};

/// A model run's landscape on its plane, as an image plus the projected trajectory.
struct ModelLandscape
{
    LandscapeImage image;
    LandscapePlane plane = LandscapePlane::Axes;
    std::string alphaLabel, betaLabel; ///< with explained variance for pca
    /// Fractions of the trajectory's variance along the two pca directions (NaN otherwise).
    double alphaExplainedVariance = std::numeric_limits<double>::quiet_NaN();
    double betaExplainedVariance = std::numeric_limits<double>::quiet_NaN();
    LandscapeTrajectory trajectory; ///< the run's path in plane coordinates
    /// The plane itself, so other runs' snapshots can be projected onto it (pinned paths).
    std::shared_ptr<const ModelPlane> modelPlane;
    bool final = false; ///< false for the coarser grids, true for the fine one
    int rows = 0;       ///< training rows each cell's loss is the mean over
    int totalRows = 0;  ///< rows of the whole training split (rows < totalRows: a subset)
    /// A subset map: max |loss on the subset − loss on the whole split| at checkSide² points of
    /// the plane; NaN until measured (it arrives with a second delivery of the final map).
    double subsetError = std::numeric_limits<double>::quiet_NaN();
    int checkSide = 0;
    double milliseconds = 0.0;
};

/// The background worker of the explorer (the latest request wins): a QThread that runs the latest
/// request only. submit() replaces any pending request, bumps the generation and raises the cancel
/// flag, so a run (or grid) in progress is abandoned at its next step and only the newest
/// generation reports. Everything sent out is a copied value carried by a queued signal that names
/// its generation; the receiver should still drop generations older than the one it last submitted.
/// A model run's landscape is computed on a thread of its own after the run, so the next request
/// starts at once; submit() and cancel() abandon it too.
/// The object lives in the GUI thread; submit() and generation() may be called from any thread. The
/// destructor stops the threads cleanly (abort + wake + wait, never terminate()).
class TrainingThread : public QThread
{
    Q_OBJECT
public:
    explicit TrainingThread(QObject* parent = nullptr);
    ~TrainingThread() override;

    /// Stores request as the one to run next (replacing any pending one), starts the thread if
    /// needed and returns the request's generation (1, 2, …).
    quint64 submit(const RunRequest& request);
    /// The generation of the most recent submit(), 0 before any.
    quint64 generation() const;
    /// Abandons whatever runs now without starting anything new (a new generation is used up).
    quint64 cancel();

signals:
    /// The landscape for a toy request's surface is ready (emitted before that request's run).
    void landscapeReady(quint64 generation, const lrlab::LandscapeImage& image);
    /// The toy run of generation finished (Finished, Converged or Diverged; cancelled runs are
    /// dropped silently).
    void runFinished(quint64 generation, const lrlab::RunResult& result);
    /// Rows of a streaming model run.
    void chunkReady(const lrlab::ModelChunk& chunk);
    /// The model run of generation ended (not cancelled); its landscape may follow.
    void modelRunFinished(quint64 generation, const lrlab::ModelRunResult& result);
    /// A model landscape grid is ready (coarse first, then final).
    void modelLandscapeReady(quint64 generation, const lrlab::ModelLandscape& landscape);
    /// Progress of the landscape grid being computed: done of total cells.
    void landscapeProgress(quint64 generation, int done, int total);
    /// The model's landscape could not be made (e.g. a diverged run has no plane).
    void landscapeFailed(quint64 generation, const QString& message);
    /// The request of generation threw (e.g. an invalid config); message is the exception's.
    void runFailed(quint64 generation, const QString& message);

protected:
    void run() override;

private:
    /// Worker thread only: validates, computes the landscape if the surface changed, runs.
    void process(quint64 generation, const RunRequest& request);
    /// Emits landscapeReady for surface unless it is the one last emitted.
    void emitToyLandscape(quint64 generation, const RunRequest& request, const ToySurface& surface);
    /// Starts the landscape of a finished model run on the landscape thread (after the request's
    /// delay, unless cancel is raised first).
    void startModelLandscape(quint64 generation, const RunRequest& request,
                             std::shared_ptr<const ModelProblem> problem,
                             std::shared_ptr<const ModelTrace> trace);
    /// Landscape thread: computes and emits a finished model run's landscape (coarse, then
    /// fine), abandoned when cancel is raised.
    void emitModelLandscape(quint64 generation, const RunRequest& request,
                            const ModelProblem& problem, const ModelTrace& trace,
                            const CancelFlag& cancel);
    /// Raises the cancel flag of the landscape job (under m_mutex).
    void cancelLandscapeLocked();

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    RunRequest m_pending;
    quint64 m_generation = 0;
    bool m_hasPending = false;
    /// Raised by submit() and the destructor; the core checks it every step.
    CancelFlag m_restart{false};
    std::atomic<bool> m_abort{false};
    /// Worker thread only: surface key of the last landscape emitted.
    std::string m_landscapeKey;
    /// The model landscape's own thread (one job at a time; a newer one queues behind a
    /// cancelled one) and the flag of its newest job (under m_mutex).
    QThreadPool m_landscapePool;
    std::shared_ptr<CancelFlag> m_landscapeCancel;
};

} // namespace lrlab

Q_DECLARE_METATYPE(lrlab::LandscapeImage)
Q_DECLARE_METATYPE(lrlab::RunResult)
Q_DECLARE_METATYPE(lrlab::ModelChunk)
Q_DECLARE_METATYPE(lrlab::ModelRunResult)
Q_DECLARE_METATYPE(lrlab::ModelLandscape)
