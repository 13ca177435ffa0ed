// Wall time of a 100-iteration LR range test (runLrFinder, docs/semantics.md §2.5) on the digits
// MLPs: 64-32-10 tanh and 64-256-256-10 relu, batch 32, plain SGD, median of 5 after a warm-up run
// (which also loads the dataset into the process cache). The range ends at lr 1 so no run
// stops early and every row times the full 100 iterations; the validation rows add one pass
// over the 360 validation rows per iteration. Prints a table; not a CTest test.

#include "core/analysis/lr_finder.h"
#include "core/engine/model_problem.h"
#include "tests/bench/bench_timing.h"
#include "tests/common/run_configs.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace {

constexpr int kRepetitions = 5;

struct Case
{
    const char* name;
    std::vector<int> hidden;
    const char* activation;
    bool validation;
};

lrlab::RunConfig digitsMlp(const Case& c)
{
    lrlab::RunConfig config = lrlab::test::runConfig("mlp");
    config.problem.dataset = "digits";
    config.problem.hidden = c.hidden;
    config.problem.activation = c.activation;
    config.problem.batchSize = 32;
    return config;
}

} // namespace

int main()
{
    const std::vector<Case> cases{
        {"64-32-10 tanh", {32}, "tanh", false},
        {"64-32-10 tanh, validation loss", {32}, "tanh", true},
        {"64-256-256-10 relu", {256, 256}, "relu", false},
        {"64-256-256-10 relu, validation loss", {256, 256}, "relu", true},
    };
    std::printf("LR range test, digits, batch 32, sgd, lr 1e-7..1, 100 iterations, median of %d\n",
                kRepetitions);
    std::printf("%-38s %10s %12s %14s\n", "model", "iters", "median ms", "us/iteration");
    for (const Case& c : cases) {
        const lrlab::RunConfig config = digitsMlp(c);
        lrlab::LrFinderOptions options;
        options.endLr = 1.0;
        options.useValidation = c.validation;
        const auto problem = lrlab::ModelProblem::create(config.problem, config.seed);
        int iterations = 0;
        // One warm-up run, which also loads the dataset into the process cache.
        const double median =
            1e3 *
            lrlab::bench::medianSeconds(
                kRepetitions,
                [&] { iterations = lrlab::runLrFinder(config, *problem, options).iterations; }, 1);
        std::printf("%-38s %10d %12.3f %14.2f\n", c.name, iterations, median,
                    1000.0 * median / iterations);
    }
    return 0;
}
