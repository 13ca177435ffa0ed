#include "ui/worker/background_job.h"

#include <QFutureWatcher>
#include <QMetaObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <exception>

namespace lrlab {

namespace detail {

/// What one job's work shares with the GUI thread. The owner pointer stays valid while the work
/// runs: the owner's destructor waits for every job.
struct JobState
{
    BackgroundJob* owner = nullptr;
    quint64 generation = 0;
    CancelFlag cancel{false};
    /// The newest (done, total), packed so both are read together.
    std::atomic<quint64> progress{0};
    /// True while a progress delivery is queued (later reports only update `progress`).
    std::atomic<bool> progressQueued{false};
    /// Written by the work's thread before it ends, read by the GUI thread after.
    bool failed = false;
    QString error;
};

} // namespace detail

using detail::JobState;

/// One started job: the GUI thread's handle on its future and what to deliver.
struct BackgroundJob::Job
{
    std::shared_ptr<JobState> state;
    QFuture<void> future;
    QFutureWatcher<void>* watcher = nullptr;
    std::function<void(quint64)> deliver;
};

JobContext::JobContext(std::shared_ptr<JobState> state)
    : cancel(state->cancel), m_state(std::move(state))
{
}

quint64 JobContext::generation() const
{
    return m_state->generation;
}

void JobContext::progress(int done, int total) const
{
    const quint64 packed =
        (static_cast<quint64>(static_cast<quint32>(done)) << 32) | static_cast<quint32>(total);
    m_state->progress.store(packed);
    if (m_state->progressQueued.exchange(true))
        return; // a delivery is on its way and will read the newest values
    std::shared_ptr<JobState> state = m_state;
    QMetaObject::invokeMethod(
        state->owner, [state] { state->owner->deliverProgress(state); }, Qt::QueuedConnection);
}

void JobContext::post(std::function<void()> call) const
{
    std::shared_ptr<JobState> state = m_state;
    QMetaObject::invokeMethod(
        state->owner,
        [state, call = std::move(call)] {
            if (state->owner->isCurrent(*state))
                call();
        },
        Qt::QueuedConnection);
}

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent) {}

BackgroundJob::~BackgroundJob()
{
    // Raise every flag first so all jobs stop together, then wait. A job still queued in the
    // pool is run (or dropped) by waitForFinished and returns at once: its flag is up.
    for (const auto& job : m_jobs)
        job->state->cancel.store(true);
    for (const auto& job : m_jobs)
        job->future.waitForFinished();
}

quint64 BackgroundJob::start(std::function<void(const JobContext&)> work)
{
    return startJob(std::move(work), [](quint64) {});
}

quint64 BackgroundJob::startJob(std::function<void(const JobContext&)> work,
                                std::function<void(quint64)> deliver)
{
    for (const auto& job : m_jobs)
        job->state->cancel.store(true);

    auto state = std::make_shared<JobState>();
    state->owner = this;
    state->generation = ++m_generation;
    auto job = std::make_unique<Job>();
    job->state = state;
    job->deliver = std::move(deliver);
    QThreadPool* pool = m_pool != nullptr ? m_pool : QThreadPool::globalInstance();
    job->future = QtConcurrent::run(pool, [state, work = std::move(work)] {
        if (state->cancel.load())
            return; // abandoned before it began
        try {
            work(JobContext(state));
        } catch (const std::exception& e) {
            state->failed = true;
            state->error = QString::fromUtf8(e.what());
        } catch (...) {
            state->failed = true;
            state->error = QStringLiteral("unknown error");
        }
    });
    job->watcher = new QFutureWatcher<void>(this);
    const quint64 generation = state->generation;
    connect(job->watcher, &QFutureWatcher<void>::finished, this,
            [this, generation] { jobEnded(generation); });
    job->watcher->setFuture(job->future);
    m_jobs.push_back(std::move(job));
    setRunning(true);
    emit started(generation);
    return generation;
}

void BackgroundJob::cancel()
{
    for (const auto& job : m_jobs)
        job->state->cancel.store(true);
    if (!m_running)
        return;
    setRunning(false);
    emit cancelled(m_generation);
}

bool BackgroundJob::isCurrent(const JobState& state) const
{
    return m_running && state.generation == m_generation && !state.cancel.load();
}

void BackgroundJob::deliverProgress(const std::shared_ptr<JobState>& state)
{
    state->progressQueued.store(false);
    const quint64 packed = state->progress.load();
    if (!isCurrent(*state))
        return;
    emit progressChanged(state->generation, static_cast<int>(static_cast<quint32>(packed >> 32)),
                         static_cast<int>(static_cast<quint32>(packed)));
}

void BackgroundJob::jobEnded(quint64 generation)
{
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(), [generation](const auto& job) {
        return job->state->generation == generation;
    });
    if (it == m_jobs.end())
        return;
    std::unique_ptr<Job> job = std::move(*it);
    m_jobs.erase(it);
    job->watcher->deleteLater();
    const bool current = isCurrent(*job->state);
    if (!current)
        return; // an abandoned generation: dropped unseen
    // Idle first: a slot of what follows may start the next job.
    setRunning(false);
    if (job->state->failed) {
        emit failed(generation, job->state->error);
        return;
    }
    job->deliver(generation);
    emit finished(generation);
}

void BackgroundJob::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    emit runningChanged(running);
}

} // namespace lrlab
