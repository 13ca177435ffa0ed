// Whole-run benchmarks of the core (budgets: README, "Measured"): a 1000-step digits re-train
// against one 60 Hz frame, sweep speed-up from 1 to all cores (same run, ratio), and the resident
// memory of Fashion-MNIST loaded as bytes. Plain main; prints a table. Run: cmake --build build
// --target bench
#include "core/analysis/sweep.h"
#include "core/config/config_json.h"
#include "core/engine/model_run.h"
#include "core/engine/parallel_engine.h"
#include "core/engine/toy_run.h"
#include "tests/bench/bench_timing.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <unistd.h>
#include <vector>

namespace {

using lrlab::bench::medianSeconds;

double residentMegabytes()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

lrlab::RunConfig config(const char* json)
{
    return lrlab::parseRunConfig(json, "bench").config;
}

} // namespace

int main()
{
    std::printf("lrlab whole-run benchmarks (median of repeats; steady_clock)\n\n");
    std::printf("%-58s %12s\n", "measure", "value");

    const lrlab::RunConfig toy = config(R"({"problem": {"type": "rosenbrock"},
        "optimizer": {"type": "adam"}, "schedule": {"lr": 0.01}, "steps": 1000})");
    const double toyS = medianSeconds(51, [&] { lrlab::runToy(toy); });
    std::printf("%-58s %9.3f ms\n", "toy run, rosenbrock adam, 1000 steps", toyS * 1e3);

    for (const char* json :
         {R"({"problem": {"type": "mlp", "dataset": "digits", "hidden": [32], "activation": "tanh"},
              "optimizer": {"type": "sgd", "momentum": 0.9}, "schedule": {"lr": 0.05},
              "steps": 1000, "eval_every": 1000000})",
          R"({"problem": {"type": "mlp", "dataset": "digits", "hidden": [32], "activation": "tanh"},
              "optimizer": {"type": "sgd", "momentum": 0.9}, "schedule": {"lr": 0.05},
              "steps": 500, "eval_every": 1000000})"}) {
        const lrlab::RunConfig c = config(json);
        const auto problem = lrlab::ModelProblem::create(c.problem, c.seed);
        lrlab::ModelRunOptions options;
        options.maxSnapshots = 0;
        const double s = medianSeconds(11, [&] { lrlab::runModel(c, *problem, nullptr, options); });
        char label[96];
        std::snprintf(label, sizeof label, "digits MLP 64-32-10 tanh, batch 32, %d-step re-train",
                      c.steps);
        std::printf("%-58s %9.3f ms  (%.2f frames at 60 Hz)\n", label, s * 1e3, s / (1.0 / 60.0));
    }

    // Sweep speed-up: 16 digits runs, 1 thread vs every core, same process.
    const lrlab::RunConfig base = config(R"({"problem": {"type": "mlp", "dataset": "digits",
        "hidden": [32], "activation": "tanh"}, "optimizer": {"type": "sgd", "momentum": 0.9},
        "steps": 500, "eval_every": 100})");
    const auto points = lrlab::sweepPoints(base, lrlab::logSpacedRates(1e-3, 1.0, 16), "", {});
    lrlab::SweepOptions one;
    one.threads = 1;
    lrlab::SweepOptions all;
    all.threads = 0;
    const double s1 = medianSeconds(3, [&] { lrlab::runSweep(points, one); });
    const double sN = medianSeconds(3, [&] { lrlab::runSweep(points, all); });
    std::printf("%-58s %9.3f s\n", "sweep, 16 digits runs x 500 steps, 1 thread", s1);
    std::printf("%-58s %9.3f s\n", "same sweep, every core", sN);
    std::printf("%-58s %9.2fx  (%d cores)\n", "sweep speed-up", s1 / sN,
                lrlab::resolveThreadCount(0));

    // Fashion-MNIST memory (skipped when the package is absent).
    const double before = residentMegabytes();
    try {
        const auto fashion = lrlab::cachedDataset("fashion_mnist");
        const double after = residentMegabytes();
        std::printf("%-58s %9.1f MB  (dataset buffers %.1f MB)\n",
                    "resident size growth, Fashion-MNIST loaded", after - before,
                    static_cast<double>(fashion->memoryBytes()) / 1048576.0);
    } catch (const std::exception& e) {
        std::printf("%-58s %12s\n", "Fashion-MNIST memory", "skipped");
        std::printf("  (%s)\n", e.what());
    }
    return 0;
}
