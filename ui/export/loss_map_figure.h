#pragma once

#include "core/analysis/landscape.h"

#include <QString>

class QCustomPlot;

namespace lrlab {

/// The landscape's colour map on plot, as the window draws it: log₁₀(f − fMin + ε) of the
/// grid's losses over box (fMin: knownMinimum, or the lowest sample when it is NaN; ε: 1e-4 of
/// the sampled range) in viridis bands, with a colour scale at the right labelled scaleLabel
/// and aligned with the axis rect; the axes show box. interpolate: smooth the cells, as the
/// window does for a model's coarse grid (a toy grid is fine enough to show its bands as they
/// are).
void drawLossMap(QCustomPlot* plot, const LandscapeGrid& grid, const ViewBox& box,
                 double knownMinimum, const QString& scaleLabel, bool interpolate);

} // namespace lrlab
