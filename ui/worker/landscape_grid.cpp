#include "ui/worker/landscape_grid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

namespace {

/// Fraction of the sampled range added before the logarithm.
constexpr double kRelativeOffset = 1e-4;

}  // namespace

double landscapeTransform(double f, double fMin, double offset)
{
    return std::log10(std::max(f - fMin, 0.0) + offset);
}

LandscapeGrid computeLandscape(const ToySurface& surface, int size, const CancelFlag* cancel)
{
    const ProblemInfo info = surface.info();
    LandscapeGrid grid;
    grid.surface = info.name;
    grid.view = info.view;
    if (size < 2)
        return grid;

    std::vector<double> values(static_cast<std::size_t>(size) * size);
    const double dx = (grid.view.xMax - grid.view.xMin) / (size - 1);
    const double dy = (grid.view.yMax - grid.view.yMin) / (size - 1);
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (int j = 0; j < size; ++j) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed))
            return LandscapeGrid{};
        const double y = grid.view.yMin + j * dy;
        double* row = values.data() + static_cast<std::size_t>(j) * size;
        for (int i = 0; i < size; ++i) {
            const double f = surface.valueAt(grid.view.xMin + i * dx, y);
            row[i] = f;
            if (std::isfinite(f)) {
                lo = std::min(lo, f);
                hi = std::max(hi, f);
            }
        }
    }
    if (!std::isfinite(lo)) {  // nothing finite: a flat map rather than NaN colours
        lo = hi = 0.0;
    }
    grid.fMin = std::isfinite(info.minimumValue) ? std::min(info.minimumValue, lo) : lo;
    grid.offset = std::max(kRelativeOffset * (hi - grid.fMin), 1e-12);
    grid.size = size;
    grid.z.resize(values.size());
    for (std::size_t k = 0; k < values.size(); ++k) {
        const double f = std::isfinite(values[k]) ? values[k] : hi;
        grid.z[k] = landscapeTransform(f, grid.fMin, grid.offset);
    }
    return grid;
}

}  // namespace lrlab
