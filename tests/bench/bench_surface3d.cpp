// The 3-D landscape's frame times under Mesa's software renderer (run it under xvfb-run with
// QT_QPA_PLATFORM=xcb LIBGL_ALWAYS_SOFTWARE=1; the bench target does): a 128×128 toy surface
// with 8 pinned runs and the current run. A frame is the view's update plus one rendered
// 800×600 image (Q3DSurface::renderToImage: draw and read back). Reported as medians, with the
// frame that changes nothing as the baseline measured in the same run:
//   surface3d.lr_change_frame_ms       a new current run (the LR slider): paths and balls only
//   surface3d.problem_change_frame_ms  a new surface (another problem) with every path lifted
//   surface3d.still_frame_ms           nothing changed (the baseline)
//   surface3d.lr_change_update_ms / problem_change_update_ms: the view's update alone
//   surface3d.window_frame_ms          the window's frame while it redraws continuously
// Without OpenGL it says so and reports nothing. Needs the new Surface3DView (not in 8849062).
#include "core/analysis/landscape_image.h"
#include "core/engine/toy_run.h"
#include "tests/bench/bench_figures.h"
#include "tests/bench/bench_timing.h"
#include "ui/surface3d/surface3d_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QWidget>
#include <QtDataVisualization/Q3DSurface>

#include <cstdio>

using namespace lrlab;

namespace {

constexpr int kGrid = 128;
constexpr int kPins = 8;
constexpr int kFrames = 15;
const QSize kFrameSize(800, 600);

ShownRun runOn(const std::string& surfaceName, const ToySurface& surface, double lr, int id)
{
    RunConfig config;
    config.problem.type = surfaceName;
    config.optimizer.type = "sgd";
    config.schedule.learningRate = lr;
    config.steps = config.schedule.totalSteps = 500;
    ShownRun run;
    run.id = id;
    run.current = id == PinnedRuns::kCurrentId;
    run.colour = run.current ? PinnedRuns::currentRunColour()
                             : PinnedRuns::palette()[static_cast<std::size_t>(id - 1)];
    run.record = std::make_shared<RunRecord>(fromToyTrace(config, runToy(config, surface)));
    return run;
}

std::vector<ShownRun> runsOn(const std::string& name, const ToySurface& surface, double baseLr)
{
    std::vector<ShownRun> runs;
    for (int pin = 1; pin <= kPins; ++pin)
        runs.push_back(runOn(name, surface, baseLr * (0.2 + 0.15 * pin), pin));
    runs.push_back(runOn(name, surface, baseLr, PinnedRuns::kCurrentId));
    return runs;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QString why;
    if (!Surface3DView::available(&why)) {
        std::printf("bench_surface3d: skipped: %s\n", qPrintable(why));
        return 0;
    }
    const std::string names[2] = {"rosenbrock", "beale"};
    std::shared_ptr<const ToySurface> surfaces[2];
    LandscapeImage images[2];
    std::vector<ShownRun> runs[2];
    for (int s = 0; s < 2; ++s) {
        surfaces[s] = std::shared_ptr<const ToySurface>(makeToySurface(names[s]));
        images[s] = computeLandscapeImage(*surfaces[s], kGrid);
        runs[s] = runsOn(names[s], *surfaces[s], s == 0 ? 1e-3 : 1e-3);
    }
    // The LR slider's sequence: current runs at other rates (computed beforehand, as the
    // worker does in the background).
    std::vector<ShownRun> currents;
    for (int k = 0; k < kFrames; ++k)
        currents.push_back(
            runOn(names[0], *surfaces[0], 1e-3 * (0.5 + 0.05 * k), PinnedRuns::kCurrentId));

    QWidget window;
    window.resize(kFrameSize);
    Surface3DView view(&window);
    view.widget()->resize(kFrameSize);
    window.show();
    view.showLandscape(images[0], surfaces[0]);
    view.setRuns(runs[0]);
    view.render(kFrameSize); // warm-up: shaders, meshes

    // The view's own work (data to the graph), without drawing.
    std::vector<double> lrUpdate, problemUpdate;
    for (int k = 0; k < kFrames; ++k) {
        std::vector<ShownRun> shown = runs[0];
        shown.back() = currents[static_cast<std::size_t>(k)];
        lrUpdate.push_back(bench::millisecondsOf([&] { view.setRuns(shown); }));
    }
    for (int k = 0; k < kFrames; ++k) {
        const int s = (k + 1) % 2;
        problemUpdate.push_back(bench::millisecondsOf([&] {
            view.showLandscape(images[s], surfaces[s]);
            view.setRuns(runs[s]);
        }));
    }
    view.showLandscape(images[0], surfaces[0]);
    view.setRuns(runs[0]);
    // The window's own frame rate while it redraws continuously (Qt's FPS measurement).
    view.graph()->setMeasureFps(true);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 3000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const double fps = view.graph()->currentFps();
    view.graph()->setMeasureFps(false);

    std::vector<double> still, lrChange, problemChange;
    for (int k = 0; k < kFrames; ++k)
        still.push_back(bench::millisecondsOf([&] { view.render(kFrameSize); }));
    for (int k = 0; k < kFrames; ++k) {
        std::vector<ShownRun> shown = runs[0];
        shown.back() = currents[static_cast<std::size_t>(k)];
        lrChange.push_back(bench::millisecondsOf([&] {
            view.setRuns(shown);
            view.render(kFrameSize);
        }));
    }
    for (int k = 0; k < kFrames; ++k) {
        const int s = (k + 1) % 2;
        problemChange.push_back(bench::millisecondsOf([&] {
            view.showLandscape(images[s], surfaces[s]);
            view.setRuns(runs[s]);
            view.render(kFrameSize);
        }));
    }
    const double stillMs = bench::median(still), lrMs = bench::median(lrChange),
                 problemMs = bench::median(problemChange);
    const double lrUpdateMs = bench::median(lrUpdate),
                 problemUpdateMs = bench::median(problemUpdate);
    const double windowFrameMs = fps > 0 ? 1000.0 / fps : std::nan("");
    std::printf("| 3-D landscape, %d² surface, %d pins + current, 800×600 | median ms |\n", kGrid,
                kPins);
    std::printf("|---|---|\n| update only: LR change | %.3f |\n| update only: problem change | "
                "%.3f |\n| window frame (1/FPS) | %.2f |\n",
                lrUpdateMs, problemUpdateMs, windowFrameMs);
    std::printf("|---|---|\n| still frame | %.2f |\n| LR change (paths only) | %.2f |\n"
                "| problem change (new surface) | %.2f |\n",
                stillMs, lrMs, problemMs);
    bench::emitFigure("surface3d.still_frame_ms", stillMs, "ms",
                      "3-D view: a frame with nothing changed (baseline)", std::nan(""));
    bench::emitFigure("surface3d.lr_change_frame_ms", lrMs, "ms",
                      "3-D view: a frame after an LR change (paths and balls only)", 16.7);
    bench::emitFigure("surface3d.problem_change_frame_ms", problemMs, "ms",
                      "3-D view: a frame after a problem change (new 128² surface)", std::nan(""));
    bench::emitFigure("surface3d.lr_change_update_ms", lrUpdateMs, "ms",
                      "3-D view: updating paths and balls for an LR change (no drawing)");
    bench::emitFigure("surface3d.problem_change_update_ms", problemUpdateMs, "ms",
                      "3-D view: replacing the 128² surface and lifting 9 paths (no drawing)");
    bench::emitFigure("surface3d.window_frame_ms", windowFrameMs, "ms",
                      "3-D view: on-screen frame while redrawing continuously (1000/FPS)");
    return 0;
}
