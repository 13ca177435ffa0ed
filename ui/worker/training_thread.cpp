#include "ui/worker/training_thread.h"

#include "core/problems/toy_surface.h"

#include <QElapsedTimer>
#include <QMutexLocker>

#include <exception>
#include <sstream>

namespace lrlab {

namespace {

/// Identifies a surface with its parameters: a new key means a new landscape.
std::string surfaceKey(const ProblemSpec& problem)
{
    std::ostringstream key;
    key.precision(17);
    key << problem.type;
    for (const auto& [name, value] : problem.parameters)
        key << ';' << name << '=' << value;
    return key.str();
}

}  // namespace

TrainingThread::TrainingThread(QObject* parent) : QThread(parent)
{
    qRegisterMetaType<lrlab::LandscapeGrid>();
    qRegisterMetaType<lrlab::RunResult>();
}

TrainingThread::~TrainingThread()
{
    {
        QMutexLocker lock(&m_mutex);
        m_abort = true;
        m_restart = true;  // abandons a run in progress at its next step
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
    validate(request.config);
    const auto surface = makeToySurface(request.config.problem.type,
                                        request.config.problem.parameters);
    const std::string key = surfaceKey(request.config.problem);
    if (request.gridSize > 1 && key != m_landscapeKey) {
        LandscapeGrid grid = computeLandscape(*surface, request.gridSize, &m_restart);
        if (m_restart)
            return;  // a newer request is waiting; it will compute the landscape if needed
        m_landscapeKey = key;
        emit landscapeReady(generation, grid);
    }

    RunResult result;
    result.config = request.config;
    result.minimumValue = surface->info().minimumValue;
    QElapsedTimer timer;
    timer.start();
    result.trace = runToy(request.config, *surface, &m_restart);
    result.runMilliseconds = static_cast<double>(timer.nsecsElapsed()) * 1e-6;
    if (result.trace.status == RunStatus::Cancelled || m_restart)
        return;
    emit runFinished(generation, result);
}

}  // namespace lrlab
