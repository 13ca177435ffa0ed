// Benchmark of the explorer, offscreen:
//  1. slider change -> finished repaint of the map, loss and LR plots with 8 pinned toy runs
//     shown beside the current one (budget: one 60 Hz frame, 16.7 ms);
//  2. time to the first visible chunk of a real-model run (digits MLP 64-32): from the LR
//     change to the paint of the loss plot holding the new run's first rows.
// Prints tables; asserts nothing.
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

#include <QApplication>
#include <QElapsedTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>
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

    // 2. Time to the first visible chunk of a digits MLP run.
    window.clearPins();
    lrlab::RunConfig model = lrlab::test::runConfig("mlp", 0.02, 3000);
    model.problem.dataset = "digits";
    model.problem.hidden = {64, 32};
    model.optimizer.momentum = 0.9;
    quint64 chunkGeneration = 0;
    QObject::connect(window.runs(), &lrlab::RunController::chunkDisplayed,
                     [&](quint64 generation, int) { chunkGeneration = generation; });
    window.model()->apply(model); // loads and caches the dataset
    spinUntil(settled);
    std::vector<double> firstChunk, finished;
    const int runs = 20;
    for (int k = 0; k < runs; ++k) {
        const int loss0 = lossPaints.count;
        timer.start();
        window.controls()->learningRateControl()->setLearningRate(0.02 + 0.001 * (k + 1));
        const quint64 wanted = window.runs()->submittedGeneration();
        spinUntil([&] { return chunkGeneration == wanted; });
        spinUntil([&] { return lossPaints.count > loss0; });
        firstChunk.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-6);
        spinUntil(settled);
        finished.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-6);
    }
    std::printf("\nExplorer, digits MLP 64-32, 3000 steps, batch 32 (offscreen, ms)\n\n");
    printStatsHeader("measure", kWidth);
    printRow("LR change -> first chunk painted on the loss plot", runs, summarize(firstChunk));
    printRow("LR change -> whole run shown", runs, summarize(finished));
    std::printf("\n");
    return 0;
}
