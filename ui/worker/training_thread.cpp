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

/// The first chunk of a model run comes after this many rows, so the curve appears at once.
constexpr int kFirstChunkRows = 8;

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

} // namespace

TrainingThread::TrainingThread(QObject* parent) : QThread(parent)
{
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
        m_wake.wakeOne();
    }
    wait();
}

quint64 TrainingThread::submit(const RunRequest& request)
{
    QMutexLocker lock(&m_mutex);
    m_pending = request;
    m_hasPending = true;
    ++m_generation;
    m_restart = true;
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

    // Models stream: the observer sees the trace every few rows and sends a copy of the new rows
    // when a chunk is due (the first one early, then every chunkSteps rows or
    // chunkMilliseconds).
    int emittedRows = 0;
    std::size_t emittedEvals = 0;
    qint64 lastEmitNs = 0;
    const qint64 periodNs = static_cast<qint64>(request.chunkMilliseconds * 1e6);
    ExperimentCallbacks callbacks;
    callbacks.model.chunkSteps = kFirstChunkRows;
    callbacks.model.maxSnapshots = request.modelFineGrid > 1 ? request.maxSnapshots : 0;
    callbacks.model.observer = [&](const ModelTrace& trace, int) {
        if (m_restart)
            return false;
        const int rows = trace.rows();
        const qint64 now = timer.nsecsElapsed();
        const bool first = emittedRows == 0;
        const bool due =
            first || now - lastEmitNs >= periodNs ||
            (rows - emittedRows >= request.chunkSteps && now - lastEmitNs >= periodNs / 4);
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
    const ModelTrace& trace = run.model;
    const ModelProblem& problem = *run.problem;
    if (trace.rows() > emittedRows || trace.evalRows.size() > emittedEvals)
        emit chunkReady(makeChunk(generation, trace, config.steps, emittedRows, trace.rows(),
                                  emittedEvals, runMs));

    ModelRunResult result;
    result.config = config;
    result.classification = problem.modelSpec().isClassification();
    result.datasetName = problem.datasetName();
    result.featureName = problem.featureName();
    result.parameterCount = trace.parameterCount;
    result.trainRows = problem.trainCount();
    result.runMilliseconds = runMs;
    result.trace = trace;
    // The GUI needs no batches and only a few snapshots (a pin's path is projected onto later
    // runs' PCA planes from them): do not copy megabytes across.
    thinSnapshots(result.trace);
    result.trace.batchOffsets.clear();
    result.trace.batchRows.clear();
    emit modelRunFinished(generation, result);
    emitModelLandscape(generation, request, problem, trace);
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
                                        const ModelProblem& problem, const ModelTrace& trace)
{
    if (request.modelFineGrid < 2)
        return;
    try {
        computeProgressiveLandscape(
            problem, trace, request, &m_restart,
            [this, generation](int done, int all) {
                if (done % std::max(1, all / 40) == 0 || done == all)
                    emit landscapeProgress(generation, done, all);
            },
            [this, generation](const ModelLandscape& landscape) {
                emit modelLandscapeReady(generation, landscape);
            });
    } catch (const std::invalid_argument& e) {
        if (!m_restart)
            emit landscapeFailed(generation, QString::fromUtf8(e.what()));
    }
}

} // namespace lrlab
