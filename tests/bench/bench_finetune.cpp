// Wall time of the fine-tuning lab's full sweep: three methods (full, lora, head) × 13
// log-spaced LRs (1e-5..1e-1) at the default setting (mirrored digits, 100 training rows,
// 64-128-10 relu, AdamW, 200 steps of batch 32), on 1 and on 2 threads (the engine's
// parallelFor), median of 3 after a warm-up that also loads the pre-trained model (from the
// cache under $LRLAB_CACHE_DIR or ~/.cache/lrlab, trained on the first use). Also the same
// sweep crossed with sizes 50, 200, all. Prints a table; not a CTest test.

#include "core/analysis/sweep.h"
#include "core/engine/parallel_engine.h"
#include "core/finetune/finetune_lab.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <utility>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kRepetitions = 3;

/// Median wall seconds of kRepetitions sweeps; *cpu gets the process CPU seconds of that
/// repetition (all threads), which shows the parallelism even on a loaded machine.
double medianSeconds(const lrlab::FineTuneData& data, const lrlab::FineTuneSweepSpec& spec,
                     int threads, int* runs, double* cpu)
{
    lrlab::FineTuneSweepOptions options;
    options.threads = threads;
    options.keepCurves = false;
    std::vector<std::pair<double, double>> seconds;
    for (int r = 0; r < kRepetitions; ++r) {
        const std::clock_t c0 = std::clock();
        const auto t0 = Clock::now();
        *runs = static_cast<int>(lrlab::runFineTuneSweep(data, spec, options).size());
        const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
        seconds.emplace_back(wall, static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    }
    std::sort(seconds.begin(), seconds.end());
    *cpu = seconds[seconds.size() / 2].second;
    return seconds[seconds.size() / 2].first;
}

} // namespace

int main()
{
    const auto t0 = Clock::now();
    const auto data = lrlab::FineTuneData::create(lrlab::FineTuneDataSpec{});
    const double setup = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("fine-tuning lab, mirror, 64-128-10 relu, adamw, 200 steps, batch 32\n");
    std::printf("setup (dataset + pre-trained model %s): %.3f s; pre-trained source val acc %.4f\n",
                data->pretrained().loadedFromCache ? "loaded from cache" : "trained", setup,
                data->pretrainedSourceValidation().accuracy);

    lrlab::FineTuneSweepSpec spec;
    spec.rates = lrlab::logSpacedRates(1e-5, 1e-1, 13);
    lrlab::FineTuneSweepSpec sized = spec;
    sized.sizes = {50, 200, 0};
    {
        lrlab::FineTuneSweepOptions warm;
        warm.keepCurves = false;
        lrlab::runFineTuneSweep(*data, spec, warm);
    }
    std::printf("%-30s %5s %8s %10s %8s %11s %9s\n", "sweep", "runs", "threads", "median s",
                "cpu s", "ms per run", "speed-up");
    for (const auto& [name, s] : {std::pair<const char*, const lrlab::FineTuneSweepSpec*>{
                                      "3 methods x 13 LRs, size 100", &spec},
                                  {"3 methods x 13 LRs x 3 sizes", &sized}}) {
        int runs = 0;
        double cpu = 0.0;
        const double one = medianSeconds(*data, *s, 1, &runs, &cpu);
        std::printf("%-30s %5d %8d %10.3f %8.3f %11.2f %9s\n", name, runs, 1, one, cpu,
                    1000.0 * one / runs, "1.00");
        const double two = medianSeconds(*data, *s, 2, &runs, &cpu);
        std::printf("%-30s %5d %8d %10.3f %8.3f %11.2f %9.2f\n", name, runs, 2, two, cpu,
                    1000.0 * two / runs, one / two);
    }
    std::printf("(machine: %d hardware threads)\n", lrlab::resolveThreadCount(0));
    return 0;
}
