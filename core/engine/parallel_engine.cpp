#include "core/engine/parallel_engine.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#ifdef __linux__
#include <sched.h>
#endif

namespace lrlab {

int availableCores()
{
#ifdef __linux__
    cpu_set_t mask;
    CPU_ZERO(&mask);
    if (sched_getaffinity(0, sizeof(mask), &mask) == 0 && CPU_COUNT(&mask) > 0)
        return CPU_COUNT(&mask);
#endif
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

int resolveThreadCount(int threads)
{
    return threads > 0 ? threads : availableCores();
}

bool parallelFor(int count, const std::function<void(int index, int worker)>& task,
                 const ParallelOptions& options)
{
    if (count <= 0)
        return true;
    const int threads = std::min(resolveThreadCount(options.threads), count);
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<bool> failed{false};
    std::exception_ptr firstError;
    std::mutex errorMutex;

    const auto cancelled = [&] {
        return failed.load(std::memory_order_relaxed) ||
               (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed));
    };
    const auto work = [&](int worker) {
        while (!cancelled()) {
            const int index = next.fetch_add(1, std::memory_order_relaxed);
            if (index >= count)
                return;
            try {
                task(index, worker);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(errorMutex);
                if (!firstError)
                    firstError = std::current_exception();
                failed.store(true);
                return;
            }
            const int finished = done.fetch_add(1, std::memory_order_acq_rel) + 1;
            if (options.progress)
                options.progress(finished, count);
        }
    };

    if (threads == 1) {
        work(0);
    } else {
        std::vector<std::thread> pool;
        pool.reserve(static_cast<std::size_t>(threads - 1));
        for (int w = 1; w < threads; ++w)
            pool.emplace_back(work, w);
        work(0); // the calling thread is worker 0
        for (auto& t : pool)
            t.join();
    }
    if (firstError)
        std::rethrow_exception(firstError);
    return done.load() == count;
}

} // namespace lrlab
