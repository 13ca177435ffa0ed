#pragma once

#include "core/engine/model_problem.h"

#include <Eigen/Core>

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace lrlab {

struct ModelTrace;

/// A model run's evaluations (the full training and validation loss at θ_k, runModel) on a
/// thread of their own, beside the training steps. An evaluation depends only on the parameters
/// it was given, so the trace is the same bit for bit as with the evaluations made in line; the
/// run's wall time loses them (a quarter of a digits MLP run) when a core is free.
///
/// The training thread submits a copy of θ_k into one of a few slots (when all are taken it waits
/// for the oldest, so memory stays at slots × parameters) and collects the finished evaluations,
/// in submission order, into the trace. Nothing is allocated after construction.
class EvaluationWorker
{
public:
    /// Starts the thread. problem must outlive the worker. reservedRows: the rows the run's
    /// model reserves (its evaluation chunk, which sets how the rows' losses are summed).
    EvaluationWorker(const ModelProblem& problem, int parameterCount, int reservedRows,
                     int slotCount = 4);
    /// Stops the thread; evaluations not collected are dropped.
    ~EvaluationWorker();
    EvaluationWorker(const EvaluationWorker&) = delete;
    EvaluationWorker& operator=(const EvaluationWorker&) = delete;

    /// Queues the evaluation of row's parameters (params: parameterCount floats, copied). When
    /// every slot is taken, waits for the oldest evaluation and collects it into trace.
    void submit(int row, const float* params, ModelTrace& trace);
    /// Appends the evaluations finished so far, in submission order, to trace's evalRows,
    /// trainLoss, validationLoss and validationAccuracy. Does not wait. An evaluation that threw
    /// rethrows its exception here (or in finish), as it would have in line.
    void collect(ModelTrace& trace);
    /// Waits for every submitted evaluation, then collects them.
    void finish(ModelTrace& trace);

private:
    /// The worker thread's nice value (Linux): 10 gives it a tenth of the CPU share of a
    /// default thread when they compete.
    static constexpr int kNice = 10;

    struct Slot
    {
        int row = 0;
        Eigen::VectorXf params; ///< aligned as the run's own parameters
        Evaluation train, validation;
    };

    void work();
    /// Moves the finished slots (m_collected .. m_done) into trace; m_mutex held.
    void collectLocked(ModelTrace& trace);

    const ModelProblem& m_problem;
    int m_reservedRows;
    std::vector<Slot> m_slots;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    // Submission counters: slots[n % size] holds submission n. m_collected <= m_done <=
    // m_submitted.
    std::size_t m_submitted = 0;
    std::size_t m_done = 0;
    std::size_t m_collected = 0;
    bool m_stop = false;
    std::exception_ptr m_error; ///< the first evaluation's exception; later ones are not made
    std::thread m_thread;
};

} // namespace lrlab
