#pragma once

#include "core/config/run_config.h"
#include "core/engine/run_status.h"
#include "core/engine/toy_run.h"
#include "ui/worker/landscape_grid.h"

#include <QMetaType>
#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <string>

namespace lrlab {

/// What the GUI asks the worker to do: run one toy-surface config. The landscape of the
/// config's surface is computed first whenever the surface differs from the last landscape
/// the worker delivered.
struct RunRequest
{
    RunConfig config;
    int gridSize = 256;  ///< cells per side of the landscape; 0 = never compute one
};

/// A finished toy run, copied out of the worker.
struct RunResult
{
    RunConfig config;            ///< the config that produced the trace
    ToyTrace trace;
    double minimumValue = 0.0;   ///< f at the surface's known global minima (loss floor)
    double runMilliseconds = 0.0;
};

/// The background worker of the toy lab (STYLE.md §6): a QThread that runs the latest request
/// only. submit() replaces any pending request, bumps the generation and raises the cancel flag,
/// so a run in progress is abandoned at its next step and only the newest generation reports.
/// Results and landscapes are copied values sent by queued signals; the receiver should still
/// drop generations older than the one it last submitted. The object lives in the GUI thread;
/// submit() and generation() may be called from any thread. The destructor stops the thread
/// cleanly (abort + wake + wait, never terminate()).
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

signals:
    /// The landscape for a request's surface is ready (emitted before that request's run).
    void landscapeReady(quint64 generation, const lrlab::LandscapeGrid& grid);
    /// The run of generation finished (Finished, Converged or Diverged; cancelled runs are
    /// dropped silently).
    void runFinished(quint64 generation, const lrlab::RunResult& result);
    /// The request of generation threw (e.g. an invalid config); message is the exception's.
    void runFailed(quint64 generation, const QString& message);

protected:
    void run() override;

private:
    /// Worker thread only: validates, computes the landscape if the surface changed, runs.
    void process(quint64 generation, const RunRequest& request);

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
};

}  // namespace lrlab

Q_DECLARE_METATYPE(lrlab::RunResult)
