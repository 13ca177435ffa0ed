#include "ui/worker/training_thread.h"

#include "ui/compare/run_record.h"
#include "ui/worker/model_landscape_job.h"

#include "core/engine/run_experiment.h"

#include <QElapsedTimer>
#include <QMutexLocker>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

namespace lrlab {

namespace {

/// Copies trace rows [from, to) and the evaluations from index evalFrom on into a chunk.
ModelChunk makeChunk(quint64 generation, const ModelTrace& trace, int totalSteps, int from, int to,
                     std::size_t evalFrom, double elapsedMs)
{
    ModelChunk chunk;
    chunk.generation = generation;
    chunk.firstRow = from;
    chunk.totalSteps = totalSteps;
    chunk.elapsedMilliseconds = elapsedMs;
    const auto b = static_cast<std::size_t>(from), e = static_cast<std::size_t>(to);
    chunk.learningRate.assign(trace.learningRate.begin() + b, trace.learningRate.begin() + e);
    chunk.loss.assign(trace.loss.begin() + b, trace.loss.begin() + e);
    if (trace.x.size() >= e && trace.y.size() >= e) {
        chunk.x.assign(trace.x.begin() + b, trace.x.begin() + e);
        chunk.y.assign(trace.y.begin() + b, trace.y.begin() + e);
    }
    // Evaluations are appended as they are made, in row order.
    for (std::size_t i = evalFrom; i < trace.evalRows.size(); ++i) {
        chunk.evalRows.push_back(trace.evalRows[i]);
        chunk.trainLoss.push_back(trace.trainLoss[i]);
        chunk.validationLoss.push_back(trace.validationLoss[i]);
        chunk.validationAccuracy.push_back(trace.validationAccuracy[i]);
    }
    return chunk;
}

/// The GUI's copy of a finished model trace: without its batches and with at most
/// kRecordSnapshots of its snapshots (the full block stays with the landscape job).
ModelTrace guiCopyOf(ModelTrace& trace)
{
    // Move the bulk aside so that only the rows are copied, then put it back.
    std::vector<float> snapshots = std::move(trace.snapshots);
    std::vector<int> batchOffsets = std::move(trace.batchOffsets);
    std::vector<int> batchRows = std::move(trace.batchRows);
    trace.snapshots.clear();
    trace.batchOffsets.clear();
    trace.batchRows.clear();
    ModelTrace copy = trace;
    trace.snapshots = std::move(snapshots);
    trace.batchOffsets = std::move(batchOffsets);
    trace.batchRows = std::move(batchRows);
    // Which snapshots thinSnapshots keeps: thin a stand-in whose one "parameter" is the
    // snapshot's index (exact in a float), then copy just those.
    const std::size_t count = trace.snapshotRows.size();
    if (count == 0 || trace.snapshots.size() % count != 0)
        return copy;
    const std::size_t p = trace.snapshots.size() / count;
    ModelTrace indices;
    indices.snapshotRows = trace.snapshotRows;
    for (std::size_t i = 0; i < count; ++i)
        indices.snapshots.push_back(static_cast<float>(i));
    thinSnapshots(indices);
    copy.snapshotRows = indices.snapshotRows;
    copy.snapshots.reserve(indices.snapshots.size() * p);
    for (const float index : indices.snapshots) {
        const auto first = trace.snapshots.begin() +
                           static_cast<std::ptrdiff_t>(index) * static_cast<std::ptrdiff_t>(p);
        copy.snapshots.insert(copy.snapshots.end(), first, first + static_cast<std::ptrdiff_t>(p));
    }
    return copy;
}

} // namespace

TrainingThread::TrainingThread(QObject* parent) : QThread(parent)
{
    m_landscapePool.setMaxThreadCount(1);
    qRegisterMetaType<lrlab::LandscapeImage>();
    qRegisterMetaType<lrlab::RunResult>();
    qRegisterMetaType<lrlab::ModelChunk>();
    qRegisterMetaType<lrlab::ModelRunResult>();
    qRegisterMetaType<lrlab::ModelLandscape>();
}

TrainingThread::~TrainingThread()
{
    {
        QMutexLocker lock(&m_mutex);
        m_abort = true;
        m_restart = true; // abandons a run in progress at its next step
        cancelLandscapeLocked();
        m_wake.wakeOne();
    }
    wait();
    m_landscapePool.waitForDone();
}

void TrainingThread::cancelLandscapeLocked()
{
    if (m_landscapeCancel)
        *m_landscapeCancel = true;
    m_landscapePool.clear(); // a landscape job not started yet is dropped at once
}

quint64 TrainingThread::submit(const RunRequest& request)
{
    QMutexLocker lock(&m_mutex);
    m_pending = request;
    m_hasPending = true;
    ++m_generation;
    m_restart = true;
    cancelLandscapeLocked();
    if (!isRunning())
        start();
    else
        m_wake.wakeOne();
    return m_generation;
}

quint64 TrainingThread::cancel()
{
    QMutexLocker lock(&m_mutex);
    m_hasPending = false;
    ++m_generation;
    m_restart = true;
    cancelLandscapeLocked();
    return m_generation;
}

quint64 TrainingThread::generation() const
{
    QMutexLocker lock(&m_mutex);
    return m_generation;
}

void TrainingThread::run()
{
    for (;;) {
        RunRequest request;
        quint64 generation = 0;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_hasPending && !m_abort)
                m_wake.wait(&m_mutex);
            if (m_abort)
                return;
            // Copy under the lock, compute outside it.
            request = m_pending;
            generation = m_generation;
            m_hasPending = false;
            m_restart = false;
        }
        try {
            process(generation, request);
        } catch (const std::exception& e) {
            if (!m_restart)
                emit runFailed(generation, QString::fromUtf8(e.what()));
        } catch (...) {
            if (!m_restart)
                emit runFailed(generation, QStringLiteral("unknown error"));
        }
    }
}

void TrainingThread::process(quint64 generation, const RunRequest& request)
{
    const RunConfig& config = request.config;
    QElapsedTimer timer;
    timer.start();
    qint64 runStartNs = 0;

    // Models stream: the observer sees the trace every firstChunkRows rows and sends a copy of
    // the new rows when a chunk is due (the first one at once, then one a chunkMilliseconds at
    // most: a frame's rows in one chunk, not a chunk per few rows for the GUI to draw).
    int emittedRows = 0;
    std::size_t emittedEvals = 0;
    qint64 lastEmitNs = 0;
    const qint64 periodNs = static_cast<qint64>(request.chunkMilliseconds * 1e6);
    ExperimentCallbacks callbacks;
    callbacks.model.chunkSteps = std::max(1, request.firstChunkRows);
    callbacks.model.maxSnapshots = request.modelFineGrid > 1 ? request.maxSnapshots : 0;
    callbacks.model.parallelEvaluations = true; // the same trace, the evaluations beside the steps
    callbacks.model.observer = [&](const ModelTrace& trace, int) {
        if (m_restart)
            return false;
        const int rows = trace.rows();
        const qint64 now = timer.nsecsElapsed();
        const bool due = emittedRows == 0 || now - lastEmitNs >= periodNs;
        if (due && rows > emittedRows) {
            emit chunkReady(makeChunk(generation, trace, config.steps, emittedRows, rows,
                                      emittedEvals, static_cast<double>(now - runStartNs) * 1e-6));
            emittedRows = rows;
            emittedEvals = trace.evalRows.size();
            lastEmitNs = now;
        }
        return true;
    };
    // A toy surface's landscape comes before its run (a cancelled grid cancels the run too).
    callbacks.prepared = [&](const ExperimentResult& prepared) {
        if (prepared.isToy())
            emitToyLandscape(generation, request, *prepared.surface);
        runStartNs = timer.nsecsElapsed();
    };
    ExperimentResult run = runExperiment(config, &m_restart, callbacks);
    const double runMs = static_cast<double>(timer.nsecsElapsed() - runStartNs) * 1e-6;
    if (run.status() == RunStatus::Cancelled || m_restart)
        return;

    if (run.isToy()) {
        RunResult result;
        result.config = config;
        result.minimumValue = run.minimumValue;
        result.runMilliseconds = runMs;
        result.trace = std::move(run.toy);
        emit runFinished(generation, result);
        return;
    }
    ModelTrace& trace = run.model;
    const ModelProblem& problem = *run.problem;
    ModelRunResult result;
    result.config = config;
    result.classification = problem.modelSpec().isClassification();
    result.datasetName = problem.datasetName();
    result.featureName = problem.featureName();
    result.parameterCount = trace.parameterCount;
    result.trainRows = problem.trainCount();
    result.runMilliseconds = runMs;
    // The GUI needs no batches and only a few snapshots (a pin's path is projected onto later
    // runs' PCA planes from them): do not copy megabytes across.
    result.trace = guiCopyOf(trace);
    // The rows left, then at once the whole run (the GUI draws them together).
    if (trace.rows() > emittedRows || trace.evalRows.size() > emittedEvals)
        emit chunkReady(makeChunk(generation, trace, config.steps, emittedRows, trace.rows(),
                                  emittedEvals, runMs));
    emit modelRunFinished(generation, result);
    startModelLandscape(generation, request, run.problem,
                        std::make_shared<const ModelTrace>(std::move(trace)));
}

void TrainingThread::startModelLandscape(quint64 generation, const RunRequest& request,
                                         std::shared_ptr<const ModelProblem> problem,
                                         std::shared_ptr<const ModelTrace> trace)
{
    if (request.modelFineGrid < 2)
        return;
    auto cancel = std::make_shared<CancelFlag>(false);
    {
        QMutexLocker lock(&m_mutex);
        if (m_restart || generation != m_generation)
            return; // a newer request came while the run ended
        m_landscapeCancel = cancel;
        m_landscapePool.start([this, generation, request, problem, trace, cancel] {
            // Wait a little for a newer request (the slider still moving) before starting.
            QElapsedTimer waited;
            waited.start();
            while (!*cancel && waited.elapsed() < request.landscapeDelayMilliseconds)
                QThread::msleep(1);
            if (*cancel)
                return;
            try {
                emitModelLandscape(generation, request, *problem, *trace, *cancel);
            } catch (const std::exception& e) {
                if (!*cancel)
                    emit landscapeFailed(generation, QString::fromUtf8(e.what()));
            }
        });
    }
}

void TrainingThread::emitToyLandscape(quint64 generation, const RunRequest& request,
                                      const ToySurface& surface)
{
    const std::string key = problemKey(request.config.problem, 0);
    if (request.gridSize < 2 || key == m_landscapeKey)
        return;
    LandscapeImage image = computeLandscapeImage(surface, request.gridSize, &m_restart);
    if (m_restart)
        return; // a newer request is waiting; it will compute the landscape if needed
    m_landscapeKey = key;
    emit landscapeReady(generation, image);
}

void TrainingThread::emitModelLandscape(quint64 generation, const RunRequest& request,
                                        const ModelProblem& problem, const ModelTrace& trace,
                                        const CancelFlag& cancel)
{
    if (request.modelFineGrid < 2)
        return;
    try {
        computeProgressiveLandscape(
            problem, trace, request, &cancel,
            [this, generation](int done, int all) {
                if (done % std::max(1, all / 40) == 0 || done == all)
                    emit landscapeProgress(generation, done, all);
            },
            [this, generation](const ModelLandscape& landscape) {
                emit modelLandscapeReady(generation, landscape);
            });
    } catch (const std::invalid_argument& e) {
        if (!cancel)
            emit landscapeFailed(generation, QString::fromUtf8(e.what()));
    }
}

} // namespace lrlab
