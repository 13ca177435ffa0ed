// Benchmark: latency from a learning-rate slider change to the repainted toy-lab window
// (offscreen), against the 60 Hz frame budget (README, "Measured"), with the cost of its two
// ingredients measured in the same process: a 256×256 landscape grid and a 1000-step runToy.
// Prints tables; asserts nothing.
#include "core/analysis/landscape_image.h"
#include "core/engine/toy_run.h"
#include "core/problems/toy_surface.h"
#include "tests/bench/bench_gui.h"
#include "tests/bench/bench_timing.h"
#include "tests/common/run_configs.h"
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

/// Sets a flag when the watched widget has handled a paint event.
class PaintWatcher : public QObject
{
public:
    PaintWatcher(QWidget* widget, bool& flag) : m_flag(flag) { widget->installEventFilter(this); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        const bool handled = QObject::eventFilter(watched, event);
        if (event->type() == QEvent::Paint)
            m_flag = true;
        return handled;
    }

private:
    bool& m_flag;
};

using lrlab::bench::millisecondsOf;
using lrlab::bench::spinUntil;
using lrlab::bench::summarize;

constexpr int kWidth = 44; // of the table's first column

void printRow(const char* what, int n, const lrlab::bench::Stats& s)
{
    lrlab::bench::printStatsRow(what, kWidth, n, s);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    lrlab::MainWindow window;
    window.show();

    // State shared with the signal handlers: which of the plots repainted since the display.
    quint64 displayedGeneration = 0;
    bool mapReplotted = false, lossReplotted = false;
    QObject::connect(window.runs(), &lrlab::RunController::runDisplayed, [&](quint64 generation) {
        displayedGeneration = generation;
        mapReplotted = lossReplotted = false;
    });
    // The end point is the paint event of both plots: their buffers drawn and put on screen.
    PaintWatcher mapPaint(window.landscapeView()->plot(), mapReplotted);
    PaintWatcher lossPaint(window.curves()->lossPlot(), lossReplotted);
    spinUntil([&] {
        return displayedGeneration == window.runs()->submittedGeneration() && mapReplotted &&
               lossReplotted && window.landscapeView()->displayedLandscape() == "rosenbrock";
    });

    const int changes = 200;
    std::vector<double> endToEnd, guiPart;
    QElapsedTimer timer;
    for (int k = 0; k < changes; ++k) {
        timer.start();
        lrlab::bench::zigzagLearningRate(*window.controls()->learningRateControl(), k);
        const quint64 wanted = window.runs()->submittedGeneration();
        double displayedAt = -1.0;
        spinUntil([&] {
            if (displayedAt < 0.0 && displayedGeneration == wanted)
                displayedAt = static_cast<double>(timer.nsecsElapsed()) * 1e-6;
            return displayedGeneration == wanted && mapReplotted && lossReplotted;
        });
        const double total = static_cast<double>(timer.nsecsElapsed()) * 1e-6;
        endToEnd.push_back(total);
        guiPart.push_back(total - displayedAt);
    }

    // Full replot of each plot on its own (draw into the buffers and flush).
    std::vector<std::pair<const char*, QCustomPlot*>> plots = {
        {"full replot: landscape plot", window.landscapeView()->plot()},
        {"full replot: loss plot", window.curves()->lossPlot()},
        {"full replot: schedule plot", window.curves()->schedulePlot()}};
    std::vector<std::pair<const char*, lrlab::bench::Stats>> replotStats;
    for (const auto& [name, plot] : plots) {
        std::vector<double> ms;
        for (int k = 0; k < 50; ++k)
            ms.push_back(
                millisecondsOf([plot = plot] { plot->replot(QCustomPlot::rpImmediateRefresh); }));
        replotStats.emplace_back(name, summarize(ms));
    }
    {
        QCPLayer* path = window.landscapeView()->plot()->layer(QStringLiteral("path"));
        std::vector<double> layerMs, paintMs;
        for (int k = 0; k < 50; ++k) {
            layerMs.push_back(millisecondsOf([path] { path->replot(); }));
            paintMs.push_back(
                millisecondsOf([&window] { window.landscapeView()->plot()->repaint(); }));
        }
        replotStats.emplace_back("path layer replot (trajectory, markers)", summarize(layerMs));
        replotStats.emplace_back("paint event of the landscape plot (blit)", summarize(paintMs));
    }

    // The ingredients, measured in this process.
    std::vector<double> gridMs, runMs;
    const auto rosenbrock = lrlab::makeToySurface("rosenbrock");
    for (int k = 0; k < 50; ++k)
        gridMs.push_back(millisecondsOf([&] { lrlab::computeLandscapeImage(*rosenbrock, 256); }));
    std::vector<std::pair<std::string, double>> gridBySurface;
    for (const lrlab::ToySurfaceDescriptor& d : lrlab::toySurfaceCatalogue()) {
        const auto surface = lrlab::makeToySurface(d.name);
        std::vector<double> ms;
        for (int k = 0; k < 20; ++k)
            ms.push_back(millisecondsOf([&] { lrlab::computeLandscapeImage(*surface, 256); }));
        gridBySurface.emplace_back(d.name, summarize(ms).median);
    }
    lrlab::RunConfig config = lrlab::test::runConfig("rosenbrock", 1.5e-3, 1000);
    config.optimizer.momentum = 0.9;
    config.schedule.decay = lrlab::Decay::Cosine;
    for (int k = 0; k < 200; ++k)
        runMs.push_back(millisecondsOf([&] { lrlab::runToy(config, *rosenbrock); }));

    std::printf("\nbench_replot: LR slider change -> repainted window (offscreen, %dx%d), "
                "budget one 60 Hz frame = 16.7 ms\n\n",
                window.width(), window.height());
    lrlab::bench::printStatsHeader("measurement (ms)", kWidth);
    printRow("slider change -> map + loss repainted", changes, summarize(endToEnd));
    printRow("  of which: result shown -> repainted", changes, summarize(guiPart));
    for (const auto& [name, stats] : replotStats)
        printRow(name, 50, stats);
    printRow("256x256 landscape grid (rosenbrock)", 50, summarize(gridMs));
    printRow("runToy 1000 steps (rosenbrock, sgd+momentum)", 200, summarize(runMs));
    std::printf("\n256x256 grid, median ms per surface:");
    for (const auto& [name, ms] : gridBySurface)
        std::printf(" %s %.3f;", name.c_str(), ms);
    std::printf("\n");
    return 0;
}
