// Benchmark: the playback of a toy session (two Rosenbrock runs) exported as a 90-frame animated
// GIF of the landscape at 720×620 (SessionFigures::defaultSize), the goal of README "Measured":
// at most 2 s. Uses exportAnimationGif as `lrlab export --format gif` does. Prints the median of
// a few exports as a figure line; asserts nothing. LRLAB_BENCH_REPEATS sets the repeat count.
#include "tests/bench/bench_figures.h"
#include "tests/bench/bench_timing.h"
#include "tests/common/export_sessions.h"
#include "ui/export/animation_export.h"
#include "ui/export/session_figures.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr int kFrames = 90;

/// Milliseconds of one export of frames frames with palette to path.
double exportMilliseconds(lrlab::SessionFigures& figures, lrlab::GifPalette palette, int frames,
                          const QString& path)
{
    lrlab::AnimationOptions options;
    options.size = lrlab::SessionFigures::defaultSize(lrlab::FigureKind::Landscape);
    options.frames = frames;
    options.palette = palette;
    return lrlab::bench::millisecondsOf(
        [&] { lrlab::exportAnimationGif(figures, lrlab::FigureKind::Landscape, options, path); });
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const int repeats = qEnvironmentVariableIsSet("LRLAB_BENCH_REPEATS")
                            ? std::max(1, qEnvironmentVariableIntValue("LRLAB_BENCH_REPEATS"))
                            : 3;
    QTemporaryDir dir;
    const QString path = dir.filePath("play.gif");
    lrlab::SessionFigures figures(lrlab::test::toyExportSession(300));
    exportMilliseconds(figures, lrlab::GifPalette::PerFrame, 2, path); // fonts, caches

    struct Case
    {
        const char* id;
        lrlab::GifPalette palette;
        const char* what;
    };
    const Case cases[] = {
        {"export.gif90_ms", lrlab::GifPalette::PerFrame,
         "GIF export, 90 frames of the landscape at 720×620, best colours (ms)"},
        {"export.gif90_fixed_ms", lrlab::GifPalette::Fixed,
         "GIF export, 90 frames of the landscape at 720×620, fixed palette (ms)"},
    };
    for (const Case& c : cases) {
        std::vector<double> ms;
        for (int r = 0; r < repeats; ++r)
            ms.push_back(exportMilliseconds(figures, c.palette, kFrames, path));
        std::printf("# %s: median %.0f ms of %d, file %lld bytes\n", c.id, lrlab::bench::median(ms),
                    repeats, static_cast<long long>(QFile(path).size()));
        lrlab::bench::emitFigure(c.id, lrlab::bench::median(ms), "ms", c.what, 2000.0);
    }
    return 0;
}
