#pragma once

#include "core/engine/run_status.h"

#include <functional>

namespace lrlab {

/// Settings of one parallel job.
struct ParallelOptions
{
    int threads = 0;                    ///< worker threads; 0 = every core
    const CancelFlag* cancel = nullptr; ///< raised by the owner to stop the job
    /// Called after each finished item with (done, total), from a worker thread: keep it cheap
    /// and thread-safe (e.g. store into an atomic or post a queued signal).
    std::function<void(int done, int total)> progress;
};

/// The cores this process may run on: the CPU affinity mask (sched_getaffinity, so `taskset
/// -c 0` means one), else std::thread::hardware_concurrency(); at least 1.
int availableCores();

/// The number of threads `threads` resolves to (0 = every available core, at least 1).
int resolveThreadCount(int threads);

/// The one parallel engine behind sweeps, landscape grids and fine-tuning sweeps: runs
/// task(index, worker) for every index in [0, count). N workers take indices from an atomic
/// counter; each task must write only its own pre-sized result slot (index) and may reuse
/// per-worker buffers (worker in [0, threads)). Results therefore never depend on the thread
/// count. Stops taking new indices once cancel is raised. Exceptions in a task stop the job and
/// are rethrown here (the first one). Returns false if cancelled before every index ran.
bool parallelFor(int count, const std::function<void(int index, int worker)>& task,
                 const ParallelOptions& options = {});

} // namespace lrlab
