#pragma once

#include "core/engine/run_status.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

class QThreadPool;
template <typename T> class QFutureWatcher;

namespace lrlab {

namespace detail {
struct JobState;
}

/// What a job's work function gets: its cancel flag, a progress reporter and a way to hand
/// values to the GUI thread. Valid for the duration of the work function; callable from any
/// thread the work uses (e.g. the worker threads of a parallel sweep).
class JobContext
{
public:
    /// Raised by cancel(), by a newer start() and by the destructor of the BackgroundJob. Pass
    /// &cancel to the core (its loops check it every step) or test it in the work's own loops.
    const CancelFlag& cancel;

    /// The generation start() returned for this job.
    quint64 generation() const;
    bool isCancelled() const { return cancel.load(); }
    /// Reports progress (done of total units; total 0 = busy, no measure yet). Thread-safe and
    /// cheap: calls are coalesced, and the newest values reach the GUI thread as a queued
    /// progressChanged() while this job is the newest and not cancelled.
    void progress(int done, int total) const;
    /// Queues call to the GUI thread; it runs there only while this job is still the newest and
    /// not cancelled (dropped otherwise). call must carry copied values, never pointers into
    /// the worker's buffers. For partial results, phase messages and the like.
    void post(std::function<void()> call) const;

private:
    friend class BackgroundJob;
    explicit JobContext(std::shared_ptr<detail::JobState> state);
    std::shared_ptr<detail::JobState> m_state;
};

/// Runs one function at a time on a thread pool for the GUI, the latest request winning
/// (one helper for every job off the GUI thread): start() returns a generation (1, 2, …) and raises
/// the cancel flag of the job before it; results, progress, posts and failures of any generation
/// but the newest are dropped. cancel() raises the newest job's flag at once and makes the object
/// idle at once (the work winds down in the background; its result is dropped). An exception thrown
/// by the work becomes failed(generation, message). The destructor raises every flag and waits for
/// every job it started, so work may be handed references to data that outlives the object.
///
/// Several independent instances may coexist (one per kind of job in a window).
///
/// Threading: the object lives on the GUI thread; all its functions and signals are GUI-thread
/// only. The work runs on the thread pool (the global one unless setThreadPool()) and must not
/// touch widgets; everything it reports arrives as queued calls on the object's thread.
class BackgroundJob : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundJob(QObject* parent = nullptr);
    /// Raises every job's cancel flag and waits for all of them; delivers nothing afterwards.
    ~BackgroundJob() override;

    /// Starts work(const JobContext&) on the pool; abandons the job running now. When work
    /// returns a value r and this job is still the newest and not cancelled, onDone(generation,
    /// r) runs on the GUI thread, then finished(generation) is emitted. work must own copies of
    /// what it reads (capture by value) and must not touch widgets. Returns the generation.
    template <class Work, class Done> quint64 start(Work work, Done onDone)
    {
        using Result = std::invoke_result_t<Work&, const JobContext&>;
        if constexpr (std::is_void_v<Result>) {
            return startJob([work](const JobContext& context) mutable { work(context); },
                            [onDone](quint64 generation) mutable { onDone(generation); });
        } else {
            auto slot = std::make_shared<std::optional<Result>>();
            return startJob(
                [slot, work](const JobContext& context) mutable { slot->emplace(work(context)); },
                [slot, onDone](quint64 generation) mutable {
                    onDone(generation, std::move(**slot));
                });
        }
    }
    /// As above for work whose completion is only signalled (finished(generation)).
    quint64 start(std::function<void(const JobContext&)> work);

    /// The pool the work runs on (nullptr = QThreadPool::globalInstance(), the default). Not
    /// owned; it must outlive this object.
    void setThreadPool(QThreadPool* pool) { m_pool = pool; }

    /// True from start() until the newest job is delivered, fails or is cancelled.
    bool isRunning() const { return m_running; }
    /// The generation of the newest start() (0 before any).
    quint64 generation() const { return m_generation; }
    /// Jobs whose work has not returned yet, abandoned ones included.
    int pendingJobs() const { return static_cast<int>(m_jobs.size()); }

public slots:
    /// Raises the newest job's cancel flag; if it was running, the object is idle at once and
    /// emits runningChanged(false) and cancelled(generation). Nothing of that job is delivered.
    void cancel();

signals:
    /// start() began generation (emitted before start() returns; isRunning() is true).
    void started(quint64 generation);
    /// Progress of the newest job (see JobContext::progress); total 0 = busy, no measure.
    void progressChanged(quint64 generation, int done, int total);
    /// The newest job's work returned and its result was delivered.
    void finished(quint64 generation);
    /// The newest job's work threw; message is the exception's what().
    void failed(quint64 generation, const QString& message);
    /// The newest job was cancelled by cancel().
    void cancelled(quint64 generation);
    /// isRunning() changed.
    void runningChanged(bool running);

private:
    struct Job;
    quint64 startJob(std::function<void(const JobContext&)> work,
                     std::function<void(quint64)> deliver);
    void jobEnded(quint64 generation);
    void setRunning(bool running);

    friend class JobContext;
    /// GUI-thread side of JobContext::progress and ::post.
    void deliverProgress(const std::shared_ptr<detail::JobState>& state);
    bool isCurrent(const detail::JobState& state) const;

    QThreadPool* m_pool = nullptr;
    std::vector<std::unique_ptr<Job>> m_jobs;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace lrlab
