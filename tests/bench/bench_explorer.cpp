// Benchmark of the explorer, offscreen:
//  1. slider change -> finished repaint of the map, loss and LR plots with 8 pinned toy runs
//     shown beside the current one (budget: one 60 Hz frame, 16.7 ms);
//  2. a real-model run (digits MLP 64-32, 3000 steps) while the LR changes: from the LR change
//     to the first paint of the loss plot after the new run's first rows were put on it, and
//     to the first paint after the whole run was; the run's compute alone (the same config on
//     one thread, no window) is measured in the same process for comparison, and the loss
//     plot's replots per run are counted.
// Prints tables and one JSON line per figure (emitFigure); asserts nothing. Uses only APIs that
// exist at 8849062, so the old library can be measured with these sources.
#include "tests/bench/bench_figures.h"
#include "tests/bench/bench_gui.h"
#include "tests/bench/bench_timing.h"
#include "tests/common/run_configs.h"
#include "ui/compare/pinned_runs.h"
#include "ui/controls/experiment_panel.h"
#include "ui/controls/learning_rate_control.h"
#include "ui/experiment_model.h"
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/landscape_view.h"
#include "ui/explorer/run_controller.h"
#include "ui/main_window.h"

#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"

#include <QApplication>
#include <QElapsedTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

namespace {

/// Counts the paint events of the watched widget.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget* widget) { widget->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

/// CPU milliseconds used so far by the calling thread (clock) or the whole process: unlike wall
/// time, hardly changed by other processes on a loaded machine.
double cpuMilliseconds(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

using lrlab::bench::printStatsHeader;
using lrlab::bench::spinUntil;
using lrlab::bench::summarize;

constexpr int kWidth = 52; // of the tables' first column

void printRow(const char* what, int n, const lrlab::bench::Stats& s)
{
    lrlab::bench::printStatsRow(what, kWidth, n, s);
}

lrlab::RunConfig toyConfig(double lr)
{
    lrlab::RunConfig config = lrlab::test::runConfig("rosenbrock", lr, 1000);
    config.optimizer.momentum = 0.9;
    config.schedule.decay = lrlab::Decay::Cosine;
    config.init = {-1.5, 2.0};
    return config;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    lrlab::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    PaintCounter mapPaints(window.landscapeView()->plot());
    PaintCounter lossPaints(window.curves()->lossPlot());
    PaintCounter lrPaints(window.curves()->schedulePlot());
    const auto settled = [&] {
        return window.runs()->displayedGeneration() == window.runs()->submittedGeneration() &&
               !window.runs()->isBusy();
    };

    // 1. Eight pinned toy runs, then slider changes.
    window.model()->apply(toyConfig(1e-3));
    spinUntil(
        [&] { return settled() && window.landscapeView()->displayedLandscape() == "rosenbrock"; });
    for (int i = 0; i < lrlab::PinnedRuns::kCapacity; ++i) {
        window.controls()->learningRateControl()->setLearningRate(4e-4 + 1.5e-4 * i);
        spinUntil(settled);
        window.pinCurrent();
    }
    const int changes = 150;
    std::vector<double> endToEnd, toDisplay;
    QElapsedTimer timer;
    for (int k = 0; k < changes; ++k) {
        const int map0 = mapPaints.count, loss0 = lossPaints.count, lr0 = lrPaints.count;
        timer.start();
        lrlab::bench::zigzagLearningRate(*window.controls()->learningRateControl(), k);
        double displayedAt = -1.0;
        spinUntil([&] {
            if (displayedAt < 0.0 && settled())
                displayedAt = static_cast<double>(timer.nsecsElapsed()) * 1e-6;
            return displayedAt >= 0.0 && mapPaints.count > map0 && lossPaints.count > loss0 &&
                   lrPaints.count > lr0;
        });
        endToEnd.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-6);
        toDisplay.push_back(displayedAt);
    }
    std::printf("\nExplorer, rosenbrock 1000 steps, 8 pinned runs + the current one "
                "(offscreen, ms)\n\n");
    printStatsHeader("measure", kWidth);
    printRow("slider change -> run shown (worker + GUI slot)", changes, summarize(toDisplay));
    printRow("slider change -> map, loss and LR plots repainted", changes, summarize(endToEnd));
    const lrlab::bench::Stats toyShown = summarize(toDisplay), toyRedraw = summarize(endToEnd);
    std::printf("\nBudget: one 60 Hz frame = 16.7 ms.\n");
    // Where a repaint with 8 pins goes: each plot's full replot on its own.
    for (QCustomPlot* plot : {window.landscapeView()->plot(), window.curves()->lossPlot(),
                              window.curves()->schedulePlot()}) {
        std::vector<double> times;
        for (int k = 0; k < 30; ++k)
            times.push_back(lrlab::bench::millisecondsOf(
                [plot] { plot->replot(QCustomPlot::rpImmediateRefresh); }));
        printRow(("full replot with 8 pins: " + plot->objectName().toStdString()).c_str(), 30,
                 summarize(times));
    }

    // 2. A digits MLP run after each LR change.
    window.clearPins();
    lrlab::RunConfig model = lrlab::test::runConfig("mlp", 0.02, 3000);
    model.problem.dataset = "digits";
    model.problem.hidden = {64, 32};
    model.optimizer.momentum = 0.9;
    quint64 chunkGeneration = 0, displayedGeneration = 0;
    int paintsAtChunk = 0, paintsAtDisplay = 0;
    QObject::connect(window.runs(), &lrlab::RunController::chunkDisplayed,
                     [&](quint64 generation, int) {
                         if (generation != chunkGeneration)
                             paintsAtChunk = lossPaints.count;
                         chunkGeneration = generation;
                     });
    QObject::connect(window.runs(), &lrlab::RunController::runDisplayed, [&](quint64 generation) {
        displayedGeneration = generation;
        paintsAtDisplay = lossPaints.count;
    });
    int lossReplots = 0;
    QObject::connect(window.curves()->lossPlot(), &QCustomPlot::afterReplot,
                     [&] { ++lossReplots; });
    window.model()->apply(model); // loads and caches the dataset
    spinUntil(settled);
    std::vector<double> firstChunk, finished, replots, compute, computeCpu, guiCpu, processCpu;
    const int runs = 20;
    for (int k = 0; k < runs; ++k) {
        const int replots0 = lossReplots;
        const double gui0 = cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID);
        const double process0 = cpuMilliseconds(CLOCK_PROCESS_CPUTIME_ID);
        timer.start();
        window.controls()->learningRateControl()->setLearningRate(0.02 + 0.001 * (k + 1));
        const quint64 wanted = window.runs()->submittedGeneration();
        // Painted after the first rows were put on the plot (a paint before shows the old run).
        spinUntil([&] { return chunkGeneration == wanted && lossPaints.count > paintsAtChunk; });
        firstChunk.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-6);
        spinUntil(
            [&] { return displayedGeneration == wanted && lossPaints.count > paintsAtDisplay; });
        finished.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-6);
        replots.push_back(lossReplots - replots0);
        guiCpu.push_back(cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID) - gui0);
        processCpu.push_back(cpuMilliseconds(CLOCK_PROCESS_CPUTIME_ID) - process0);
        spinUntil(settled);
    }
    // The compute alone, in the same conditions (the machine's load of the moment).
    const auto problem = lrlab::ModelProblem::create(model.problem, model.seed);
    for (int k = 0; k < 5; ++k) {
        model.schedule.learningRate = 0.02 + 0.001 * (k + 1);
        const double cpu0 = cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID);
        compute.push_back(lrlab::bench::millisecondsOf([&] { lrlab::runModel(model, *problem); }));
        computeCpu.push_back(cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID) - cpu0);
    }
    // The floor under "run painted": the 3000 training steps alone, without the evaluations
    // every eval_every steps (which the trace holds), CPU time of one thread.
    std::vector<double> stepsCpu;
    lrlab::RunConfig stepsOnly = model;
    stepsOnly.evalEvery = 100000000;
    for (int k = 0; k < 5; ++k) {
        stepsOnly.schedule.learningRate = 0.02 + 0.001 * (k + 1);
        const double cpu0 = cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID);
        lrlab::runModel(stepsOnly, *problem);
        stepsCpu.push_back(cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID) - cpu0);
    }
    std::printf("\nExplorer, digits MLP 64-32, 3000 steps, batch 32 (offscreen, ms)\n\n");
    printStatsHeader("measure", kWidth);
    const lrlab::bench::Stats first = summarize(firstChunk), shown = summarize(finished),
                              alone = summarize(compute), perRun = summarize(replots),
                              aloneCpu = summarize(computeCpu), gui = summarize(guiCpu),
                              process = summarize(processCpu), steps = summarize(stepsCpu);
    printRow("LR change -> first chunk painted on the loss plot", runs, first);
    printRow("LR change -> whole run painted on the loss plot", runs, shown);
    printRow("the run's compute alone (no window)", 5, alone);
    printRow("the run's compute alone, CPU ms", 5, aloneCpu);
    printRow("its 3000 training steps alone, CPU ms", 5, steps);
    printRow("GUI thread CPU ms per LR change, until run painted", runs, gui);
    printRow("process CPU ms per LR change, until run painted", runs, process);
    printRow("loss plot replots per run (count)", runs, perRun);
    std::printf("\n");

    using lrlab::bench::emitFigure;
    emitFigure("explorer.toy.pinned8_shown_p95_ms", toyShown.p95, "ms",
               "slider change -> toy run shown, 8 pins", 16.7);
    emitFigure("explorer.toy.pinned8_redraw_median_ms", toyRedraw.median, "ms",
               "slider change -> map, loss and LR plots repainted, 8 pins");
    emitFigure("explorer.toy.pinned8_redraw_p95_ms", toyRedraw.p95, "ms",
               "slider change -> map, loss and LR plots repainted, 8 pins", 16.7);
    emitFigure("explorer.digits.first_chunk_median_ms", first.median, "ms",
               "LR change -> first chunk of a digits MLP run painted");
    emitFigure("explorer.digits.first_chunk_p95_ms", first.p95, "ms",
               "LR change -> first chunk of a digits MLP run painted", 16.7);
    emitFigure("explorer.digits.run_shown_median_ms", shown.median, "ms",
               "LR change -> whole 3000-step digits MLP run painted", 40.0);
    emitFigure("explorer.digits.run_shown_p95_ms", shown.p95, "ms",
               "LR change -> whole 3000-step digits MLP run painted");
    emitFigure("explorer.digits.compute_median_ms", alone.median, "ms",
               "the 3000-step digits MLP run's compute alone (reference)");
    emitFigure("explorer.digits.run_shown_over_compute", shown.median / alone.median, "ratio",
               "run painted / compute alone (medians)");
    emitFigure("explorer.digits.compute_cpu_median_ms", aloneCpu.median, "ms",
               "CPU time of the digits MLP run's compute alone (reference)");
    emitFigure("explorer.digits.steps_only_cpu_median_ms", steps.median, "ms",
               "CPU time of the run's 3000 training steps alone, no evaluations (the floor)");
    emitFigure("explorer.digits.gui_cpu_per_run_median_ms", gui.median, "ms",
               "GUI thread CPU time per LR change until the run is painted");
    emitFigure("explorer.digits.process_cpu_per_run_median_ms", process.median, "ms",
               "process CPU time per LR change until the run is painted (all threads)");
    emitFigure("explorer.digits.loss_replots_per_run_median", perRun.median, "replots",
               "loss plot replots per digits MLP run");
    return 0;
}
