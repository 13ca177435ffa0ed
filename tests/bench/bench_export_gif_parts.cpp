// Benchmark: where the time of a GIF export goes, per frame of the 720×620 landscape of a toy
// session: drawing the figure (renderFigure, GUI thread), and quantising and compressing it
// (encodeGifFrame, any thread) with each palette. Needs APIs newer than 8849062 (bench-compare
// reports it n/a there). Prints figure lines; asserts nothing.
#include "tests/bench/bench_figures.h"
#include "tests/bench/bench_timing.h"
#include "tests/common/export_sessions.h"
#include "ui/export/gif_frame_encoding.h"
#include "ui/export/plot_export.h"
#include "ui/export/session_figures.h"

#include <QApplication>

#include <vector>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    lrlab::SessionFigures figures(lrlab::test::toyExportSession(300));
    lrlab::FigureExportOptions render;
    render.size = lrlab::SessionFigures::defaultSize(lrlab::FigureKind::Landscape);
    QWidget* figure = figures.figure(lrlab::FigureKind::Landscape);
    constexpr int kFrames = 20;
    std::vector<QImage> frames;
    std::vector<double> renderMs;
    for (int i = 0; i < kFrames; ++i) {
        figures.setCursorStep(i * 15);
        renderMs.push_back(lrlab::bench::millisecondsOf(
            [&] { frames.push_back(lrlab::renderFigure(figure, render)); }));
    }
    lrlab::bench::emitFigure("export.gif_frame_render_ms", lrlab::bench::median(renderMs), "ms",
                             "GIF export: drawing one 720×620 landscape frame (ms)");
    for (lrlab::GifPalette palette : {lrlab::GifPalette::PerFrame, lrlab::GifPalette::Fixed}) {
        lrlab::GifOptions options;
        options.palette = palette;
        std::vector<double> ms;
        for (const QImage& frame : frames)
            ms.push_back(lrlab::bench::millisecondsOf(
                [&] { lrlab::encodeGifFrame(frame, render.size, options); }));
        const bool fixed = palette == lrlab::GifPalette::Fixed;
        lrlab::bench::emitFigure(fixed ? "export.gif_frame_encode_fixed_ms"
                                       : "export.gif_frame_encode_ms",
                                 lrlab::bench::median(ms), "ms",
                                 fixed ? "GIF export: quantising + LZW of one frame, fixed palette "
                                         "(ms, one thread)"
                                       : "GIF export: quantising + LZW of one frame, best colours "
                                         "(ms, one thread)");
    }
    return 0;
}
