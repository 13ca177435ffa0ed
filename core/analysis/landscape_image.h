#pragma once

#include "core/engine/run_status.h"
#include "core/problems/problem.h"
#include "core/problems/toy_surface.h"

#include <string>
#include <vector>

namespace lrlab {

struct LandscapeGrid;

/// A loss surface sampled on a square grid for a landscape colour map, already transformed to
/// z = log10(f − fMin + offset) so a GUI thread only copies it. Cell (i, j) sits at
/// x = view.xMin + (view.xMax − view.xMin)·i/(size − 1), likewise y with j (the core grid's
/// coordinates, gridCoordinates), which is the cell-centre convention of QCPColorMapData. A
/// plain value: safe to copy between threads. (An "image" to keep it apart from the raw
/// LandscapeGrid it is made from.)
struct LandscapeImage
{
    std::string surface;   ///< config name of the surface, e.g. "rosenbrock", or a model key
    ViewBox view;          ///< the box sampled
    int size = 0;          ///< cells per side
    std::vector<double> z; ///< size·size values, index j·size + i (row j = y)
    double fMin = 0.0;     ///< min(known global minimum, smallest sampled value)
    double offset = 0.0;   ///< keeps the logarithm finite at the minimum

    /// z at cell (i, j).
    double at(int i, int j) const { return z[static_cast<std::size_t>(j) * size + i]; }
};

/// The transform of the landscape: log10(f − fMin + offset). Monotone in f, so the bands of the
/// colour map are level sets of f whose spacing follows orders of magnitude, which shows both the
/// steep walls and the flat valley floor of surfaces like Rosenbrock.
double landscapeTransform(double f, double fMin, double offset);

/// The image of surface on a size × size grid over its default view box: computeToyGrid on the
/// calling thread, then landscapeImageFromGrid with the surface's known minimum. Returns an
/// empty image (size 0) when cancel is raised (checked once a row) and an image without cells
/// when size < 2. Throws std::invalid_argument (naming "grid") for size > kMaxLandscapeGrid.
/// Thread-safe: the surface is immutable.
LandscapeImage computeLandscapeImage(const ToySurface& surface, int size,
                                     const CancelFlag* cancel = nullptr);

/// The image of a computed grid over box (a model's plane or a toy surface): the transform with
/// fMin the smallest finite sample (and knownMinimum when lower) and an offset of 1e-4 of the
/// sampled range (so about four decades are resolved below the top). Cells a cancelled grid did
/// not reach, or non-finite ones, take the largest finite value.
LandscapeImage landscapeImageFromGrid(const LandscapeGrid& grid, const ViewBox& box,
                                      const std::string& key, double knownMinimum);

} // namespace lrlab
