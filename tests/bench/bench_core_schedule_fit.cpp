// Schedule recognition (fitSchedule) on imported logs: the LR series of the real logs under
// tests/data/logs/ (read by the importer, roles matched as `lrlab import` does) and synthetic
// logs from outside lrlab's family (a hand-made piecewise LR, a noisy cosine, a three-phase
// OneCycleLR) at 600 and at 10^5 points. Prints one line per log (median ms, the decay found
// and its error) and emits schedule_fit.fixtures_ms (the slowest fixture) and
// schedule_fit.out_of_family_ms (the slowest synthetic log). Uses only APIs that predate the
// fast fit. Run: cmake --build build --target bench_core_schedule_fit
#include "core/analysis/schedule_fit.h"
#include "core/logs/log_analysis.h"
#include "core/logs/log_follower.h"
#include "core/logs/log_roles.h"
#include "core/util/rng.h"
#include "tests/bench/bench_figures.h"
#include "tests/bench/bench_timing.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace {

constexpr double kPi = 3.14159265358979323846;

/// Median milliseconds of fitSchedule on series over `repeats` calls; prints the result.
double timeFit(const std::string& name, const lrlab::LoggedSeries& series, int repeats)
{
    lrlab::ScheduleFit fit;
    const double seconds =
        lrlab::bench::medianSeconds(repeats, [&] { fit = lrlab::fitSchedule(series); });
    std::printf("%-44s %7zu points %9.1f ms  %s %s, error %.17g\n", name.c_str(), series.size(),
                seconds * 1e3, fit.fits ? "fits" : "no fit,",
                lrlab::decayName(fit.schedule.decay).c_str(), fit.maxRelativeError);
    // The whole answer, for comparing two builds' results line by line.
    std::printf("    %s\n", (fit.fits ? lrlab::describeScheduleFit(fit) : fit.reason).c_str());
    return seconds * 1e3;
}

/// Out-of-family LR curves over `points` logged steps.
std::vector<std::pair<std::string, lrlab::LoggedSeries>> outOfFamily(int points)
{
    std::vector<std::pair<std::string, lrlab::LoggedSeries>> out;
    lrlab::LoggedSeries piecewise, noisy, threePhase;
    lrlab::Rng rng(3);
    for (int i = 0; i < points; ++i) {
        const double x = static_cast<double>(i) / points;
        // Hand-made: 1e-3, then 3e-4 after 40 %, a linear ramp up to 5e-4 at 70 %, then 1e-4.
        piecewise.push_back({i, x < 0.4    ? 1e-3
                                : x < 0.55 ? 3e-4
                                : x < 0.7  ? 3e-4 + (x - 0.55) / 0.15 * 2e-4
                                           : 1e-4});
        noisy.push_back(
            {i, 1e-3 * (0.5 + 0.5 * std::cos(kPi * x)) * (1.0 + 0.05 * rng.normal()) + 1e-6});
        // torch OneCycleLR(three_phase=True): up, back down to the initial rate, then to ~0.
        const double initial = 1e-3 / 25.0;
        const double e1 = 0.3 * points - 1.0, e2 = 0.6 * points - 2.0, e3 = points - 1.0;
        const auto cosAnneal = [](double from, double to, double pct) {
            return to + (from - to) / 2.0 * (std::cos(kPi * pct) + 1.0);
        };
        const double v = i <= e1   ? cosAnneal(initial, 1e-3, i / e1)
                         : i <= e2 ? cosAnneal(1e-3, initial, (i - e1) / (e2 - e1))
                                   : cosAnneal(initial, initial / 1e4, (i - e2) / (e3 - e2));
        threePhase.push_back({i, v});
    }
    const std::string n = std::to_string(points);
    out.emplace_back("piecewise, " + n, piecewise);
    out.emplace_back("noisy cosine, " + n, noisy);
    out.emplace_back("three-phase onecycle, " + n, threePhase);
    return out;
}

} // namespace

int main()
{
    std::printf("fitSchedule (median of repeats; steady_clock)\n\n");
    const std::string root = LRLAB_SOURCE_DIR "/tests/data/logs/";
    double fixturesMs = 0.0;
    for (const char* folder :
         {"hf_gpt2_warmup_cosine/trainer_state.json", "hf_gpt2_constant_tiny_lr/trainer_state.json",
          "lightning_digits_onecycle/metrics.csv", "tb_digits_mlp_warmup_cosine",
          "tb_digits_mlp_sgd_lr8"}) {
        std::vector<lrlab::LogProblem> problems;
        const std::vector<lrlab::LogRun> runs = lrlab::importLogs({root + folder}, problems);
        for (const lrlab::LogRun& run : runs) {
            const auto roles = lrlab::matchLogRoles(run);
            const auto lr = roles.find(lrlab::LogRole::LearningRate);
            if (lr == roles.end())
                continue;
            const lrlab::LoggedSeries series = lrlab::loggedSeries(run.series.at(lr->second));
            fixturesMs = std::max(fixturesMs, timeFit(folder, series, 3));
        }
    }
    double outOfFamilyMs = 0.0;
    for (const int points : {600, 100000})
        for (const auto& [name, series] : outOfFamily(points))
            outOfFamilyMs = std::max(outOfFamilyMs, timeFit(name, series, 3));
    lrlab::bench::emitFigure("schedule_fit.fixtures_ms", fixturesMs, "ms",
                             "fitSchedule, slowest LR series of the real logs in tests/data/logs",
                             100.0);
    lrlab::bench::emitFigure("schedule_fit.out_of_family_ms", outOfFamilyMs, "ms",
                             "fitSchedule, slowest out-of-family LR log (piecewise, noisy "
                             "cosine, three-phase onecycle; 600 and 10^5 points)",
                             100.0);
    return 0;
}
