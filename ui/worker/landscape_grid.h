#pragma once

#include "core/engine/run_status.h"
#include "core/problems/problem.h"
#include "core/problems/toy_surface.h"

#include <QMetaType>

#include <string>
#include <vector>

namespace lrlab {

/// A toy surface sampled on a square grid for the landscape colour map, already transformed to
/// z = log10(f − fMin + offset) so the GUI thread only copies it. Cell (i, j) sits at
/// x = view.xMin + i·(view.xMax − view.xMin)/(size − 1), likewise y with j, which is exactly the
/// cell-centre convention of QCPColorMapData. A plain value: safe to copy between threads.
struct LandscapeGrid
{
    std::string surface;       ///< config name of the surface, e.g. "rosenbrock"
    ViewBox view;              ///< the box sampled (the surface's default view)
    int size = 0;              ///< cells per side
    std::vector<double> z;     ///< size·size values, index j·size + i (row j = y)
    double fMin = 0.0;         ///< min(known global minimum, smallest sampled value)
    double offset = 0.0;       ///< keeps the logarithm finite at the minimum

    /// z at cell (i, j).
    double at(int i, int j) const { return z[static_cast<std::size_t>(j) * size + i]; }
};

/// The transform of the landscape: log10(f − fMin + offset). Monotone in f, so the bands of the
/// colour map are level sets of f whose spacing follows orders of magnitude, which shows both the
/// steep walls and the flat valley floor of surfaces like Rosenbrock.
double landscapeTransform(double f, double fMin, double offset);

/// Samples surface on a size × size grid over its default view box. The offset is 1e-4 of the
/// sampled range (so about four decades are resolved below the top). Non-finite samples are
/// replaced by the largest finite one. Returns an empty grid (size 0) when cancel is raised
/// (checked once a row). Thread-safe: the surface is immutable.
LandscapeGrid computeLandscape(const ToySurface& surface, int size,
                               const CancelFlag* cancel = nullptr);

}  // namespace lrlab

Q_DECLARE_METATYPE(lrlab::LandscapeGrid)
