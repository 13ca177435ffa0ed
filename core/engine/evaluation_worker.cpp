#include "core/engine/evaluation_worker.h"

#include "core/engine/model_run.h"

#include <algorithm>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace lrlab {

EvaluationWorker::EvaluationWorker(const ModelProblem& problem, int parameterCount,
                                   int reservedRows, int slotCount)
    : m_problem(problem), m_reservedRows(reservedRows),
      m_slots(static_cast<std::size_t>(std::max(1, slotCount)))
{
    for (Slot& slot : m_slots)
        slot.params.resize(parameterCount);
    m_thread = std::thread([this] { work(); });
}

EvaluationWorker::~EvaluationWorker()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void EvaluationWorker::submit(int row, const float* params, ModelTrace& trace)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    // A slot is free again once its evaluation has been collected into the trace.
    collectLocked(trace);
    if (m_submitted - m_collected == m_slots.size()) {
        m_changed.wait(lock, [&] { return m_done > m_collected; });
        collectLocked(trace);
    }
    Slot& slot = m_slots[m_submitted % m_slots.size()];
    slot.row = row;
    std::copy(params, params + slot.params.size(), slot.params.data());
    ++m_submitted;
    lock.unlock();
    m_changed.notify_all();
}

void EvaluationWorker::collectLocked(ModelTrace& trace)
{
    if (m_error)
        std::rethrow_exception(m_error);
    for (; m_collected < m_done; ++m_collected) {
        const Slot& slot = m_slots[m_collected % m_slots.size()];
        trace.evalRows.push_back(slot.row);
        trace.trainLoss.push_back(slot.train.loss);
        trace.validationLoss.push_back(slot.validation.loss);
        trace.validationAccuracy.push_back(slot.validation.accuracy);
    }
}

void EvaluationWorker::collect(ModelTrace& trace)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_collected == m_done)
            return;
        collectLocked(trace);
    }
    m_changed.notify_all(); // slots were freed
}

void EvaluationWorker::finish(ModelTrace& trace)
{
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [&] { return m_done == m_submitted; });
        collectLocked(trace);
    }
    m_changed.notify_all();
}

void EvaluationWorker::work()
{
#ifdef __linux__
    // Below the training thread and the GUI (a Linux thread has its own nice value): on a busy
    // machine the evaluations take the time the others leave, so streaming a run stays prompt;
    // the run's end waits for them.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kNice);
#endif
    Model<float> model(m_problem.modelSpec());
    model.reserve(m_reservedRows);
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return m_stop || m_done < m_submitted; });
        if (m_stop)
            return;
        Slot& slot = m_slots[m_done % m_slots.size()];
        const bool failed = static_cast<bool>(m_error);
        lock.unlock(); // the slot is this thread's until m_done passes it
        std::exception_ptr error;
        if (!failed) {
            try {
                slot.train = m_problem.evaluateTrain(model, slot.params.data());
                slot.validation = m_problem.evaluateValidation(model, slot.params.data());
            } catch (...) {
                error = std::current_exception();
            }
        }
        lock.lock();
        if (error && !m_error)
            m_error = error;
        ++m_done;
        m_changed.notify_all();
    }
}

} // namespace lrlab
