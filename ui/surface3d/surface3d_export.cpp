#include "ui/surface3d/surface3d_export.h"

#include "core/analysis/landscape_image.h"
#include "core/config/problem_key.h"
#include "core/util/output_file.h"
#include "ui/surface3d/surface3d_view.h"

#include <QBuffer>
#include <QWidget>
#include <QtDataVisualization/Q3DCamera>
#include <QtDataVisualization/Q3DScene>
#include <QtDataVisualization/Q3DSurface>

#include <cmath>
#include <stdexcept>

namespace lrlab {

namespace {

void requireOpenGL()
{
    QString why;
    if (!Surface3DView::available(&why))
        throw std::runtime_error("the 3-D landscape needs OpenGL: " + why.toStdString() +
                                 " (e.g. xvfb-run -a env QT_QPA_PLATFORM=xcb lrlab export …)");
}

} // namespace

void saveSurface3DPng(Surface3DView& view, const QString& path, const QSize& size, double scale)
{
    if (!size.isValid() || size.width() < 1 || size.height() < 1)
        throw std::invalid_argument("size: expected at least 1×1 pixels");
    if (!(scale >= 0.1 && scale <= 10.0))
        throw std::invalid_argument("scale: expected 0.1..10");
    requireOpenGL();
    const QSize pixels(static_cast<int>(std::lround(size.width() * scale)),
                       static_cast<int>(std::lround(size.height() * scale)));
    const QImage image = view.render(pixels);
    if (image.isNull())
        throw std::runtime_error(path.toStdString() + ": the 3-D view could not be drawn");
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        throw std::runtime_error(path.toStdString() + ": PNG encoding failed");
    writeOutputFile(path, bytes);
}

bool exportSurface3DGif(Surface3DView& view, const AnimationOptions& options, int lastRunStep,
                        const QString& path, const ExportProgress& progress)
{
    requireOpenGL();
    const int first = options.firstStep;
    const int last = options.lastStep < 0 ? lastRunStep : options.lastStep;
    const int frames = animationFrameCount(options, first, last);
    const std::vector<int> steps = animationSteps(first, last, frames);
    const QSize size = options.size.isValid() ? options.size : QSize(720, 620);
    const int cursor = view.cursorStep();
    Q3DCamera* camera = view.graph()->scene()->activeCamera();
    const float rotation = camera->xRotation();
    GifOptions gif;
    gif.framesPerSecond = options.framesPerSecond;
    gif.palette = options.palette;
    const auto restore = [&] {
        view.setCursorStep(cursor);
        camera->setXRotation(rotation);
    };
    try {
        const bool written = writeGif(
            path, size, frames,
            [&](int index) {
                view.setCursorStep(steps[static_cast<std::size_t>(index)]);
                if (index > 0 && frames > 1)
                    view.orbit(static_cast<float>(options.orbitDegrees / (frames - 1)));
                return view.render(size);
            },
            gif, progress);
        restore();
        return written;
    } catch (...) {
        restore();
        throw;
    }
}

std::unique_ptr<Surface3DView> surface3DOfRuns(const std::vector<ExportRun>& runs, int grid,
                                               QWidget* parent)
{
    requireOpenGL();
    const ExportRun* current = nullptr;
    for (const ExportRun& run : runs)
        if (run.current || !current)
            current = &run;
    if (!current || !current->isToy() || !current->surface)
        throw std::runtime_error("plot surface3d: the session's current run is no toy surface "
                                 "(3-D export draws toy landscapes)");
    auto view = std::make_unique<Surface3DView>(parent);
    view->showLandscape(computeLandscapeImage(*current->surface, grid), current->surface);
    std::vector<ShownRun> shown;
    int pin = 0;
    for (const ExportRun& run : runs) {
        if (!run.isToy() ||
            problemKey(run.config.problem, 0) != problemKey(current->config.problem, 0))
            continue;
        ShownRun s;
        s.current = &run == current;
        s.id = s.current ? PinnedRuns::kCurrentId : ++pin;
        s.colour = s.current ? PinnedRuns::currentRunColour()
                             : PinnedRuns::palette()[static_cast<std::size_t>(
                                   (pin - 1) % PinnedRuns::kCapacity)];
        s.label = run.label;
        s.record =
            std::make_shared<RunRecord>(fromToyTrace(run.config, *run.toy, run.minimumValue));
        shown.push_back(std::move(s));
    }
    view->setRuns(shown);
    int last = 0;
    for (const ShownRun& s : shown)
        last = std::max(last, s.record->lastRow());
    view->setCursorStep(last);
    return view;
}

} // namespace lrlab
