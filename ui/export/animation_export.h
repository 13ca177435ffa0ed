#pragma once

#include "ui/export/gif_writer.h"
#include "ui/export/session_figures.h"

#include <QSize>
#include <QString>

#include <functional>

#include <vector>

class QWidget;

namespace lrlab {

/// What part of the playback becomes an animation, and how.
struct AnimationOptions
{
    QSize size; ///< frame size; invalid (QSize()) = SessionFigures::defaultSize
    double framesPerSecond = 15.0;
    int firstStep = 0;
    int lastStep = -1; ///< -1 = the last step of the longest run
    /// Frames; 0 = one per step of the range, but at most 6 s of animation (6 · fps frames).
    int frames = 0;
    GifPalette palette = GifPalette::PerFrame;
    int threads = 0;           ///< quantising and compressing workers (GifOptions::threads)
    double orbitDegrees = 0.0; ///< the 3-D landscape only: the camera's turn over the animation
};

/// The cursor step of each frame: frames steps from first to last, both included, evenly
/// spaced and rounded to whole steps (one frame: last). Throws std::invalid_argument unless
/// 0 <= first <= last and frames >= 1.
std::vector<int> animationSteps(int firstStep, int lastStep, int frames);

/// The frame count options ask for over the range [first, last] (resolving frames = 0).
int animationFrameCount(const AnimationOptions& options, int firstStep, int lastStep);

/// Renders the playback of figures' runs as an animated GIF: at each frame's cursor step the
/// figure of kind (paths and loss curves up to the step, cursor markers) is drawn into an image
/// and appended. progress gets (frames done, frames); returning false cancels (no file is
/// left). Afterwards the figures show their complete runs again. Returns false when cancelled.
/// Throws std::invalid_argument naming "steps", "frames", "fps" or "size" for bad options,
/// std::runtime_error naming the path when writing fails.
bool exportAnimationGif(SessionFigures& figures, FigureKind kind, const AnimationOptions& options,
                        const QString& path, const ExportProgress& progress = {});

/// GUI helper: runs work (a GIF writer taking a progress callback) behind a window-modal
/// QProgressDialog ("Frame n of m") with a Cancel button, shown after 300 ms. Throws what work
/// throws, after the progress dialog is closed, so the caller's error message is the only dialog
/// left. Returns what work returns: true when the file was written, false when cancelled.
bool runWithExportProgress(QWidget* parent,
                           const std::function<bool(const ExportProgress& progress)>& work);

/// exportAnimationGif behind runWithExportProgress's dialog.
bool exportAnimationGifWithProgress(QWidget* parent, SessionFigures& figures, FigureKind kind,
                                    const AnimationOptions& options, const QString& path);

} // namespace lrlab
