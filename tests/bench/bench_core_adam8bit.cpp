// 8-bit Adam against Adam on a whole run: the digits MLP 64-32-10 tanh, batch 32, 2000 steps
// (evaluation off, no snapshots), both optimizers timed alternately in the same process, so the
// ratio is meaningful on a shared machine. Emits training.adam8bit_over_adam (goal 2) and both
// times. Uses only APIs of the core that predate the fast 8-bit path, so it also builds against
// older revisions. Run: cmake --build build --target bench_core_adam8bit && build/tests/bench/...
#include "core/config/config_json.h"
#include "core/engine/model_run.h"
#include "tests/bench/bench_figures.h"
#include "tests/bench/bench_timing.h"

#include <QByteArray>

#include <cstdio>
#include <string>
#include <vector>

namespace {

lrlab::RunConfig digitsRun(const char* optimizer)
{
    const std::string json =
        std::string(R"({"problem": {"type": "mlp", "dataset": "digits", "hidden": [32],
            "activation": "tanh"}, "optimizer": {"type": ")") +
        optimizer + R"("}, "schedule": {"lr": 0.003}, "steps": 2000, "eval_every": 1000000})";
    return lrlab::parseRunConfig(QByteArray::fromStdString(json), "bench").config;
}

} // namespace

int main()
{
    const lrlab::RunConfig adam = digitsRun("adam");
    const lrlab::RunConfig adam8 = digitsRun("adam8bit");
    const auto problem = lrlab::ModelProblem::create(adam.problem, adam.seed);
    lrlab::ModelRunOptions options;
    options.maxSnapshots = 0;
    const auto run = [&](const lrlab::RunConfig& c) {
        return lrlab::bench::secondsOf([&] { lrlab::runModel(c, *problem, nullptr, options); });
    };
    run(adam); // warm-up: dataset caches, page faults
    run(adam8);
    // Alternate the two, so machine load hits both alike; ratio of the medians.
    std::vector<double> adamSeconds, adam8Seconds;
    for (int r = 0; r < 9; ++r) {
        adamSeconds.push_back(run(adam));
        adam8Seconds.push_back(run(adam8));
    }
    const double a = lrlab::bench::median(adamSeconds);
    const double q = lrlab::bench::median(adam8Seconds);
    std::printf("%-58s %9.3f s\n", "digits MLP 64-32-10, 2000 steps, adam", a);
    std::printf("%-58s %9.3f s\n", "same run, adam8bit", q);
    lrlab::bench::emitFigure("training.adam_digits_s", a, "s",
                             "digits MLP 64-32-10 tanh, 2000 steps with adam (median of 9)");
    lrlab::bench::emitFigure("training.adam8bit_digits_s", q, "s",
                             "the same run with adam8bit (median of 9)");
    lrlab::bench::emitFigure("training.adam8bit_over_adam", q / a, "x",
                             "adam8bit run time / adam run time, same process", 2.0);
    return 0;
}
