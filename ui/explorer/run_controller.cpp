#include "ui/explorer/run_controller.h"

#include "ui/compare/pinned_runs.h"
#include "ui/widgets/run_status_bar.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

void RunController::Stream::append(double learningRate, double loss)
{
    record.learningRate.push_back(learningRate);
    record.loss.push_back(loss);
    smooth(loss);
}

void RunController::Stream::smooth(double loss)
{
    if (std::isfinite(loss))
        ema = smoothed.empty() ? loss : (1.0 - kSmoothing) * ema + kSmoothing * loss;
    smoothed.push_back(std::isfinite(loss) ? ema : kNaN);
}

RunController::RunController(ExperimentModel* model, PinnedRuns* pins, RunStatusBar* status,
                             QObject* parent)
    : QObject(parent), m_model(model), m_pins(pins), m_status(status), m_worker(new TrainingThread)
{
    qRegisterMetaType<lrlab::ModelCurves>();
    m_publishTimer.setSingleShot(true);
    connect(&m_publishTimer, &QTimer::timeout, this, &RunController::publishChunks);
    connect(m_model, &ExperimentModel::configChanged, this, &RunController::submit);
    connect(m_worker.get(), &TrainingThread::landscapeReady, this,
            [this](quint64, const LandscapeImage& image) { emit toyLandscapeReady(image); });
    connect(m_worker.get(), &TrainingThread::runFinished, this, &RunController::showRun);
    connect(m_worker.get(), &TrainingThread::chunkReady, this, &RunController::showChunk);
    connect(m_worker.get(), &TrainingThread::modelRunFinished, this, &RunController::showModelRun);
    connect(m_worker.get(), &TrainingThread::modelLandscapeReady, this,
            &RunController::showModelLandscape);
    connect(m_worker.get(), &TrainingThread::landscapeProgress, this,
            [this](quint64 generation, int done, int total) {
                if (generation == m_submitted)
                    m_status->setLandscapeProgress(done, total);
            });
    connect(m_worker.get(), &TrainingThread::landscapeFailed, this,
            [this](quint64 generation, const QString& message) {
                if (generation != m_submitted)
                    return;
                m_status->hideLandscapeProgress();
                emit landscapeFailed(message);
            });
    connect(m_worker.get(), &TrainingThread::runFailed, this, &RunController::showFailure);
}

RunController::~RunController()
{
    m_worker.reset(); // stops the thread before the receivers go
}

const ModelRunResult* RunController::lastModelRun() const
{
    return m_lastModelRun.get();
}

void RunController::rerun()
{
    submit(m_model->config(), kAllConfigChanges);
}

void RunController::submit(const RunConfig& config, ConfigChanges what)
{
    RunRequest request;
    request.config = config;
    m_submitted = m_worker->submit(request);
    m_submittedConfig = config;
    m_publishTimer.stop(); // the gathered rows belong to an abandoned run
    // Another problem: the old run does not belong on the new axes, not even until the new
    // one arrives.
    if (what & ConfigChange::Problem) {
        m_record.reset();
        m_pins->clearCurrent();
        m_lastModelRun.reset();
    }
    setBusy(true);
    emit runSubmitted(m_submitted, config, what);
}

void RunController::setCurrent(const RunRecord& record)
{
    m_record = std::make_shared<const RunRecord>(record);
    m_pins->setCurrent(record);
}

void RunController::showRun(quint64 generation, const RunResult& result)
{
    if (generation != m_submitted)
        return; // an older setting; a newer run is on its way
    const ToyTrace& trace = result.trace;
    const int rows = trace.rows();
    m_lastModelRun.reset();
    setCurrent(fromToyTrace(result.config, trace, result.minimumValue));
    const bool diverged = trace.status == RunStatus::Diverged;
    const int stepsRun = diverged ? trace.divergedAt : rows - 1;
    emit divergenceChanged(diverged ? trace.divergedAt : -1, result.config.steps);
    if (diverged) {
        m_status->setStatus(tr("Diverged at step %1 — steps run: %2 — last finite loss: %3")
                                .arg(trace.divergedAt)
                                .arg(stepsRun)
                                .arg(trace.lastFiniteLoss, 0, 'g', 4),
                            true);
    } else {
        const QString state =
            trace.status == RunStatus::Converged ? tr("Converged") : tr("Finished");
        const double finalLoss = rows > 0 ? trace.loss[rows - 1] : 0.0;
        m_status->setStatus(tr("%1 — steps run: %2 — final loss: %3 (f − f* = %4)")
                                .arg(state)
                                .arg(stepsRun)
                                .arg(finalLoss, 0, 'g', 4)
                                .arg(std::max(finalLoss - result.minimumValue, 0.0), 0, 'g', 3),
                            false);
    }
    m_status->setRunTime(result.runMilliseconds, 2);
    m_status->setThroughput(stepsRun, result.runMilliseconds);
    LossHistory history;
    history.loss = trace.loss;
    history.floor = result.minimumValue;
    emit historyChanged(history);
    m_displayed = generation;
    setBusy(false);
    emit runDisplayed(generation);
}

void RunController::showChunk(const ModelChunk& chunk)
{
    if (chunk.generation != m_submitted)
        return; // an abandoned run's chunk, still in the queue
    const bool first = m_stream.generation != chunk.generation || chunk.firstRow == 0;
    if (first) {
        m_stream = Stream{};
        m_stream.generation = chunk.generation;
        m_stream.config = m_submittedConfig;
        m_stream.record.config = m_submittedConfig;
        m_status->hideLandscapeProgress();
        emit divergenceChanged(-1, m_submittedConfig.steps);
    }
    Stream& s = m_stream;
    if (chunk.firstRow != s.record.rows())
        return; // never happens with an in-order queue; a gap would corrupt the curves
    for (int k = 0; k < chunk.rows(); ++k)
        s.append(chunk.learningRate[static_cast<std::size_t>(k)],
                 chunk.loss[static_cast<std::size_t>(k)]);
    RunRecord& r = s.record;
    for (std::size_t k = 0; k < chunk.x.size(); ++k) {
        r.pathRows.push_back(static_cast<int>(r.pathX.size()));
        r.pathX.push_back(chunk.x[k]);
        r.pathY.push_back(chunk.y[k]);
    }
    r.evalRows.insert(r.evalRows.end(), chunk.evalRows.begin(), chunk.evalRows.end());
    s.trainLoss.insert(s.trainLoss.end(), chunk.trainLoss.begin(), chunk.trainLoss.end());
    r.validationLoss.insert(r.validationLoss.end(), chunk.validationLoss.begin(),
                            chunk.validationLoss.end());
    r.validationAccuracy.insert(r.validationAccuracy.end(), chunk.validationAccuracy.begin(),
                                chunk.validationAccuracy.end());
    m_chunkTotalSteps = chunk.totalSteps;
    m_chunkElapsedMs = chunk.elapsedMilliseconds;
    // The first rows go on the plots at once; later ones at most once a frame (the replots of
    // a chunk each would take the GUI thread and the cores from the run), and after the events
    // already queued: the run's end, right behind its last chunk, replaces them.
    if (first) {
        m_publishTimer.stop();
        publishChunks();
    } else if (!m_publishTimer.isActive()) {
        const qint64 since =
            m_sincePublish.isValid() ? m_sincePublish.elapsed() : qint64(kFrameMilliseconds);
        m_publishTimer.start(static_cast<int>(std::max<qint64>(0, kFrameMilliseconds - since)));
    }
}

void RunController::publishChunks()
{
    if (m_stream.generation != m_submitted)
        return;
    m_sincePublish.start();
    publishStream();
    const int rows = m_stream.record.rows();
    m_status->setThroughput(rows, m_chunkElapsedMs);
    m_status->setStatus(tr("Training… step %1 of %2").arg(rows).arg(m_chunkTotalSteps), false);
    emit chunkDisplayed(m_stream.generation, rows);
}

void RunController::publishStream()
{
    const Stream& s = m_stream;
    setCurrent(s.record);
    ModelCurves curves;
    curves.steps = s.config.steps;
    for (std::size_t k = 0; k < s.smoothed.size(); ++k)
        if (std::isfinite(s.smoothed[k])) {
            curves.smoothedSteps.push_back(static_cast<double>(k));
            curves.smoothed.push_back(std::max(s.smoothed[k], 1e-16));
        }
    const RunRecord& r = s.record;
    for (std::size_t i = 0; i < r.evalRows.size(); ++i) {
        if (std::isfinite(r.validationLoss[i])) {
            curves.validationSteps.push_back(r.evalRows[i]);
            curves.validationLoss.push_back(std::max(r.validationLoss[i], 1e-16));
        }
        if (std::isfinite(r.validationAccuracy[i])) {
            curves.accuracySteps.push_back(r.evalRows[i]);
            curves.accuracy.push_back(r.validationAccuracy[i]);
        }
    }
    emit modelCurvesChanged(curves);
    if (r.rows() >= 2) {
        LossHistory history;
        history.loss = r.loss;
        history.noisy = true;
        history.validation = r.validationLoss;
        history.validationTrain = s.trainLoss;
        emit historyChanged(history);
    }
}

void RunController::showModelRun(quint64 generation, const ModelRunResult& result)
{
    if (generation != m_submitted)
        return;
    m_publishTimer.stop(); // the finished run replaces the gathered rows
    const ModelTrace& trace = result.trace;
    // The finished trace is authoritative: rebuild the curves from it (the chunks held the same
    // rows; this also covers a run that ended before its first chunk).
    m_stream = Stream{};
    m_stream.generation = generation;
    m_stream.config = result.config;
    m_stream.record = fromModelTrace(result.config, trace);
    for (const double loss : m_stream.record.loss)
        m_stream.smooth(loss);
    m_stream.trainLoss = trace.trainLoss;
    publishStream();
    m_lastModelRun = std::make_unique<ModelRunResult>(result);

    const bool diverged = trace.status == RunStatus::Diverged;
    emit divergenceChanged(diverged ? trace.divergedAt : -1, result.config.steps);
    if (diverged) {
        m_status->setStatus(tr("Diverged at step %1 — last finite loss: %2")
                                .arg(trace.divergedAt)
                                .arg(trace.lastFiniteLoss, 0, 'g', 4),
                            true);
    } else {
        QString text =
            tr("Finished — %1 steps — %2 parameters").arg(trace.rows()).arg(result.parameterCount);
        if (!trace.trainLoss.empty())
            text += tr(" — train loss %1").arg(trace.trainLoss.back(), 0, 'g', 4);
        if (!trace.validationLoss.empty() && std::isfinite(trace.validationLoss.back()))
            text += tr(" — val loss %1").arg(trace.validationLoss.back(), 0, 'g', 4);
        if (!trace.validationAccuracy.empty() && std::isfinite(trace.validationAccuracy.back()))
            text += tr(" — val acc %1 %").arg(100.0 * trace.validationAccuracy.back(), 0, 'f', 1);
        m_status->setStatus(text, false);
        m_status->setLandscapeProgress(0, 1);
    }
    m_status->setRunTime(result.runMilliseconds, 1);
    m_status->setThroughput(trace.rows(), result.runMilliseconds);
    const int batch = result.config.problem.batchSize;
    if (result.trainRows > 0 && batch > result.trainRows)
        emit runNote(tr("Batch size %1 is larger than the %2 training rows: every step uses "
                        "all of them (full-batch gradient descent).")
                         .arg(batch)
                         .arg(result.trainRows));
    m_displayed = generation;
    setBusy(false);
    emit runDisplayed(generation);
}

void RunController::showModelLandscape(quint64 generation, const ModelLandscape& landscape)
{
    if (generation != m_submitted || !m_lastModelRun)
        return;
    // A larger model's path exists only in the plane: the projection replaces the raw one.
    if (landscape.plane != LandscapePlane::Axes)
        setCurrent(fromModelTrace(m_lastModelRun->config, m_lastModelRun->trace,
                                  &landscape.trajectory, landscape.modelPlane));
    if (landscape.final)
        m_status->hideLandscapeProgress();
    emit modelLandscapeReady(generation, landscape);
}

void RunController::showFailure(quint64 generation, const QString& message)
{
    if (generation != m_submitted)
        return;
    m_publishTimer.stop();
    setBusy(false);
    m_status->hideLandscapeProgress();
    m_status->setStatus(tr("Run failed"), true);
    // Nothing of an earlier run stays on the plots under this setting's titles.
    m_record.reset();
    m_lastModelRun.reset();
    m_pins->clearCurrent();
    emit divergenceChanged(-1, m_submittedConfig.steps);
    emit modelCurvesChanged(ModelCurves{});
    m_displayed = generation;
    emit runFailed(tr("The run failed: %1").arg(message));
}

void RunController::setBusy(bool busy)
{
    m_busy = busy;
    m_status->setBusy(busy);
}

} // namespace lrlab
