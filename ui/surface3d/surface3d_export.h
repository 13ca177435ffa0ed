#pragma once

#include "ui/export/animation_export.h"
#include "ui/export/export_run.h"

#include <QSize>
#include <QString>

#include <memory>
#include <vector>

namespace lrlab {

class Surface3DView;

/// The figure name of the 3-D landscape in the export dialogs and `lrlab export --plot`.
inline constexpr const char* kSurface3DFigure = "surface3d";

/// Writes view as a PNG of size × scale device pixels (atomically, writeOutputFile). Throws
/// std::invalid_argument for a bad size or scale, std::runtime_error when there is no OpenGL or
/// the file cannot be written (naming the path).
void saveSurface3DPng(Surface3DView& view, const QString& path, const QSize& size,
                      double scale = 1.0);

/// The playback of view's runs as an animated GIF: frame i puts every ball at the step of
/// animationSteps over options' range (lastStep −1: lastRunStep); options.orbitDegrees turns the
/// camera by that much over the whole animation (0: the camera stays). Afterwards the cursor
/// and camera are as before. Returns false when progress cancelled (no file left). Throws as
/// exportAnimationGif.
bool exportSurface3DGif(Surface3DView& view, const AnimationOptions& options, int lastRunStep,
                        const QString& path, const ExportProgress& progress = {});

/// A window-less 3-D view of exported runs (`lrlab export --plot surface3d`): the landscape of
/// the current run's toy surface (grid cells a side) with every run on that surface, pinned runs
/// in the pin palette. Throws std::runtime_error when there is no OpenGL or the current run is
/// no toy problem.
std::unique_ptr<Surface3DView> surface3DOfRuns(const std::vector<ExportRun>& runs, int grid,
                                               QWidget* parent);

} // namespace lrlab
