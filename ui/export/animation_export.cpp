#include "ui/export/animation_export.h"

#include "ui/export/export_budget.h"
#include "ui/export/plot_export.h"

#include <QCoreApplication>
#include <QProgressDialog>

#include <cmath>
#include <stdexcept>
#include <string>

namespace lrlab {

namespace {

/// The default animation is at most this long.
constexpr double kDefaultSeconds = 6.0;
constexpr int kMaxFrames = 10000;

QString tr(const char* text)
{
    return QCoreApplication::translate("lrlab::AnimationExport", text);
}

} // namespace

std::vector<int> animationSteps(int firstStep, int lastStep, int frames)
{
    if (firstStep < 0 || lastStep < firstStep)
        throw std::invalid_argument("steps: expected 0 <= first <= last, got " +
                                    std::to_string(firstStep) + ":" + std::to_string(lastStep));
    if (frames < 1)
        throw std::invalid_argument("frames: expected at least 1, got " + std::to_string(frames));
    if (frames == 1)
        return {lastStep};
    std::vector<int> steps(static_cast<std::size_t>(frames));
    const double span = lastStep - firstStep;
    for (int i = 0; i < frames; ++i)
        steps[static_cast<std::size_t>(i)] =
            firstStep + static_cast<int>(std::lround(span * i / (frames - 1)));
    return steps;
}

int animationFrameCount(const AnimationOptions& options, int firstStep, int lastStep)
{
    if (options.frames != 0)
        return options.frames;
    const int byDuration =
        std::max(2, static_cast<int>(std::lround(kDefaultSeconds * options.framesPerSecond)));
    return std::max(1, std::min(lastStep - firstStep + 1, byDuration));
}

bool exportAnimationGif(SessionFigures& figures, FigureKind kind, const AnimationOptions& options,
                        const QString& path, const ExportProgress& progress)
{
    const int maximum = figures.maximumStep();
    const int last = options.lastStep < 0 ? maximum : options.lastStep;
    if (options.firstStep < 0 || last > maximum || options.firstStep > last)
        throw std::invalid_argument(
            "steps: " + std::to_string(options.firstStep) + ":" + std::to_string(last) +
            " is not a range within the runs' 0:" + std::to_string(maximum));
    const int frames = animationFrameCount(options, options.firstStep, last);
    if (frames < 1 || frames > kMaxFrames)
        throw std::invalid_argument("frames: expected 1.." + std::to_string(kMaxFrames) + ", got " +
                                    std::to_string(frames));
    const std::vector<int> steps = animationSteps(options.firstStep, last, frames);
    FigureExportOptions frameOptions;
    frameOptions.size = options.size.isValid() ? options.size : SessionFigures::defaultSize(kind);
    checkExportBudget(ExportKind::Animation, frameOptions.size, 1.0, frames);
    GifOptions gif;
    gif.framesPerSecond = options.framesPerSecond;
    gif.palette = options.palette;
    gif.threads = options.threads;
    bool written = false;
    try {
        // Drawn here (widgets), quantised and compressed on workers.
        QWidget* figure = figures.figure(kind);
        written = writeGif(
            path, frameOptions.size, frames,
            [&](int i) {
                figures.setCursorStep(steps[static_cast<std::size_t>(i)]);
                return renderFigure(figure, frameOptions);
            },
            gif, progress);
    } catch (...) {
        figures.showComplete();
        throw;
    }
    figures.showComplete();
    return written;
}

bool runWithExportProgress(QWidget* parent,
                           const std::function<bool(const ExportProgress& progress)>& work)
{
    QProgressDialog dialog(tr("Rendering the animation…"), tr("Cancel"), 0, 1, parent);
    dialog.setWindowTitle(tr("Export animation"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    const auto progress = [&](int done, int total) {
        dialog.setMaximum(total);
        dialog.setValue(done);
        dialog.setLabelText(tr("Frame %1 of %2").arg(done).arg(total));
        QCoreApplication::processEvents();
        return !dialog.wasCanceled();
    };
    try {
        return work(progress);
    } catch (...) {
        // Closed before the caller reports the error: no progress dialog, nor its pending
        // show-after-a-delay, over the message (reset() stops that timer).
        dialog.reset();
        dialog.hide();
        throw;
    }
}

bool exportAnimationGifWithProgress(QWidget* parent, SessionFigures& figures, FigureKind kind,
                                    const AnimationOptions& options, const QString& path)
{
    return runWithExportProgress(parent, [&](const ExportProgress& progress) {
        return exportAnimationGif(figures, kind, options, path, progress);
    });
}

} // namespace lrlab
