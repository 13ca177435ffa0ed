#include "core/analysis/landscape_image.h"

#include "core/analysis/landscape.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

namespace {

/// Fraction of the sampled range added before the logarithm.
constexpr double kRelativeOffset = 1e-4;

} // namespace

double landscapeTransform(double f, double fMin, double offset)
{
    return std::log10(std::max(f - fMin, 0.0) + offset);
}

LandscapeImage computeLandscapeImage(const ToySurface& surface, int size, const CancelFlag* cancel)
{
    const ProblemInfo info = surface.info();
    if (size < 2) {
        LandscapeImage image;
        image.surface = info.name;
        image.view = info.view;
        return image;
    }
    LandscapeOptions options;
    options.threads = 1; // the caller's thread: it is a worker already
    options.cancel = cancel;
    const LandscapeGrid grid = computeToyGrid(surface, size, info.view, options);
    if (!grid.complete)
        return LandscapeImage{};
    return landscapeImageFromGrid(grid, info.view, info.name, info.minimumValue);
}

LandscapeImage landscapeImageFromGrid(const LandscapeGrid& grid, const ViewBox& box,
                                      const std::string& key, double knownMinimum)
{
    LandscapeImage image;
    image.surface = key;
    image.view = box;
    if (grid.n < 2)
        return image;
    image.size = grid.n;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (const double f : grid.loss)
        if (std::isfinite(f)) {
            lo = std::min(lo, f);
            hi = std::max(hi, f);
        }
    if (!std::isfinite(lo)) // nothing finite: a flat map rather than NaN colours
        lo = hi = 0.0;
    image.fMin = std::isfinite(knownMinimum) ? std::min(knownMinimum, lo) : lo;
    image.offset = std::max(kRelativeOffset * (hi - image.fMin), 1e-12);
    image.z.resize(grid.loss.size());
    for (std::size_t k = 0; k < grid.loss.size(); ++k) {
        const double f = std::isfinite(grid.loss[k]) ? grid.loss[k] : hi;
        image.z[k] = landscapeTransform(f, image.fMin, image.offset);
    }
    return image;
}

} // namespace lrlab
