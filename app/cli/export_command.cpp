#include "app/cli/cli_common.h"
#include "app/cli/commands.h"

#include "core/config/session.h"
#include "ui/export/animation_export.h"
#include "ui/export/plot_export.h"
#include "ui/export/session_figures.h"
#include "ui/surface3d/surface3d_export.h"
#include "ui/surface3d/surface3d_view.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QWidget>

#include <iostream>

namespace lrlab::cli {

namespace {

const char* kExportDescription =
    "Renders the window's figures from a session file without a window (the offscreen\n"
    "platform): the session's configs are run again (runs are deterministic) and drawn as the\n"
    "window draws them.\n"
    "Plots: landscape (the current run's surface or model plane with every run's path), loss\n"
    "(log scale), lr (the schedules), dashboard (the three side by side), surface3d (the toy\n"
    "landscape in 3-D with every run's path and ball: png or gif, --orbit DEG turns the camera\n"
    "over a gif; needs OpenGL, e.g. xvfb-run -a env QT_QPA_PLATFORM=xcb lrlab export ...).\n"
    "Formats: png (--size logical pixels times --scale), svg and pdf (vector, --size at 96\n"
    "dpi), gif (the playback: --steps A:B, --fps, --frames; default one frame per step, at most\n"
    "6 s). Default --format: the --out suffix. Default --size: 720x620 landscape, 720x460 loss\n"
    "and lr, 1800x600 dashboard. --cursor K draws a still at playback step K.\n"
    "Every export fits one budget, checked before drawing: at most 2 GiB of memory a frame\n"
    "(png 8 bytes a device pixel, svg/pdf 4, gif 11) and 2e9 pixels drawn in all (frames x\n"
    "frame pixels). A regular --out file is replaced only when complete; a device or FIFO is\n"
    "written in place. Bad input, a budget exceeded or an --out that cannot be written exits\n"
    "with status 2.";

QSize parseSize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})[xX](\\d{1,5})$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    const int w = m.hasMatch() ? m.captured(1).toInt() : 0;
    const int h = m.hasMatch() ? m.captured(2).toInt() : 0;
    if (w < 16 || h < 16 || w > 16000 || h > 16000)
        throw UsageError("--size: expected WxH with 16..16000 pixels per side, got '" +
                         text.toStdString() + "'");
    return QSize(w, h);
}

std::pair<int, int> parseSteps(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,9}):(\\d{1,9})$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    if (!m.hasMatch() || m.captured(1).toInt() > m.captured(2).toInt())
        throw UsageError("--steps: expected A:B with 0 <= A <= B, got '" + text.toStdString() +
                         "'");
    return {m.captured(1).toInt(), m.captured(2).toInt()};
}

} // namespace

int exportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"session", "The session file (saved by the window).", "F"});
    parser.addOption({"plot", "landscape, loss, lr, dashboard or surface3d.", "P"});
    parser.addOption({"format", "png, svg, pdf or gif (default: the --out suffix).", "FMT"});
    parser.addOption({"out", "The output file.", "FILE"});
    parser.addOption({"size", "Figure or frame size WxH in logical pixels.", "WxH"});
    parser.addOption({"scale", "png: pixels per logical pixel (0.1..10, default 1).", "S"});
    parser.addOption({"fps", "gif: frames per second (1..50, default 15).", "N"});
    parser.addOption({"steps", "gif: the playback's step range A:B (default: all).", "A:B"});
    parser.addOption({"frames", "gif: number of frames (default: see above).", "N"});
    parser.addOption({"palette", "gif: per-frame (default, best colours) or fixed.", "P"});
    parser.addOption({"cursor", "png/svg/pdf: draw the playback at step K.", "K"});
    parser.addOption({"orbit", "gif of surface3d: degrees the camera turns (default 0).", "DEG"});
    if (!parseOrHelp(parser, arguments, kExportDescription))
        return kExitOk;

    const std::string sessionPath = requiredValue(parser, "session").toStdString();
    const QString plotName = requiredValue(parser, "plot");
    const bool surface3d = plotName == QLatin1String(kSurface3DFigure);
    const std::optional<FigureKind> kind =
        surface3d ? FigureKind::Landscape : figureKindFromName(plotName);
    if (!kind)
        throw UsageError("--plot: unknown plot '" + plotName.toStdString() +
                         "' (expected landscape, loss, lr, dashboard or surface3d)");
    const QString out = requiredValue(parser, "out");
    checkOutputPath(out, "out");
    const QString formatName = parser.isSet("format") ? parser.value("format").toLower()
                                                      : QFileInfo(out).suffix().toLower();
    const bool gif = formatName == QLatin1String("gif");
    const std::optional<FigureFormat> format = figureFormatFromName(formatName);
    if (!gif && !format)
        throw UsageError(parser.isSet("format")
                             ? "--format: unknown format '" + formatName.toStdString() +
                                   "' (expected png, svg, pdf or gif)"
                             : "--format: missing, and the --out suffix '" +
                                   formatName.toStdString() + "' names no format");
    const QSize size =
        parser.isSet("size") ? parseSize(parser.value("size")) : SessionFigures::defaultSize(*kind);
    const double scale = doubleValue(parser, "scale", 1.0);
    if (scale < 0.1 || scale > 10.0)
        throw UsageError("--scale: expected 0.1..10, got '" + parser.value("scale").toStdString() +
                         "'");
    for (const char* option : {"fps", "steps", "frames", "palette"})
        if (!gif && parser.isSet(option))
            throw UsageError(std::string("--") + option + ": only for --format gif");
    if (gif && (parser.isSet("scale") || parser.isSet("cursor")))
        throw UsageError(parser.isSet("scale") ? "--scale: not for gif (use --size)"
                                               : "--cursor: not for gif (use --steps)");
    if (format && *format != FigureFormat::Png && parser.isSet("scale"))
        throw UsageError("--scale: only for png (svg and pdf are vector)");
    if (surface3d && format && *format != FigureFormat::Png)
        throw UsageError("--format: surface3d is png or gif");
    if (parser.isSet("orbit") && !(surface3d && gif))
        throw UsageError("--orbit: only for --plot surface3d as gif");

    const Session session = loadSession(sessionPath);
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr)
        throw std::runtime_error("export needs a GUI application object");
    SessionFigures figures(session);
    if (!figures.landscapeNote().isEmpty() && *kind != FigureKind::Loss &&
        *kind != FigureKind::LearningRate)
        std::cerr << "lrlab export: note: " << figures.landscapeNote().toStdString() << '\n';

    std::unique_ptr<QWidget> window;
    std::unique_ptr<Surface3DView> view;
    if (surface3d) {
        window = std::make_unique<QWidget>();
        window->resize(size);
        view = surface3DOfRuns(figures.runs(), SessionFigureOptions().toyGrid, window.get());
        view->widget()->resize(size);
        window->show();
    }
    if (gif) {
        AnimationOptions options;
        options.size = size;
        options.framesPerSecond = intValue(parser, "fps", 15, 1, 50);
        if (parser.isSet("steps")) {
            const auto [first, last] = parseSteps(parser.value("steps"));
            if (last > figures.maximumStep())
                throw UsageError("--steps: " + parser.value("steps").toStdString() +
                                 " goes past the runs' last step " +
                                 std::to_string(figures.maximumStep()));
            options.firstStep = first;
            options.lastStep = last;
        }
        options.frames = intValue(parser, "frames", 0, 1, 10000);
        if (parser.isSet("palette")) {
            const QString palette = parser.value("palette");
            if (palette == QLatin1String("fixed"))
                options.palette = GifPalette::Fixed;
            else if (palette != QLatin1String("per-frame"))
                throw UsageError("--palette: expected per-frame or fixed, got '" +
                                 palette.toStdString() + "'");
        }
        options.orbitDegrees = doubleValue(parser, "orbit", 0.0);
        if (surface3d)
            exportSurface3DGif(*view, options, figures.maximumStep(), out);
        else
            exportAnimationGif(figures, *kind, options, out);
        return kExitOk;
    }
    if (parser.isSet("cursor"))
        figures.setCursorStep(intValue(parser, "cursor", 0, 0, figures.maximumStep()));
    if (surface3d) {
        if (parser.isSet("cursor"))
            view->setCursorStep(intValue(parser, "cursor", 0, 0, figures.maximumStep()));
        saveSurface3DPng(*view, out, size, scale);
        return kExitOk;
    }
    FigureExportOptions options;
    options.size = size;
    options.scale = scale;
    options.title = QFileInfo(out).completeBaseName();
    saveFigure(figures.figure(*kind), out, *format, options);
    return kExitOk;
}

} // namespace lrlab::cli
