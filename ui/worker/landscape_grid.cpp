#include "ui/worker/landscape_grid.h"

#include "core/analysis/landscape.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

namespace {

/// Fraction of the sampled range added before the logarithm.
constexpr double kRelativeOffset = 1e-4;

/// Fills image.z from raw values (row j = y): fMin, offset and the transform.
void transformInto(LandscapeImage& image, const std::vector<double>& values, double knownMinimum)
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (const double f : values)
        if (std::isfinite(f)) {
            lo = std::min(lo, f);
            hi = std::max(hi, f);
        }
    if (!std::isfinite(lo))  // nothing finite: a flat map rather than NaN colours
        lo = hi = 0.0;
    image.fMin = std::isfinite(knownMinimum) ? std::min(knownMinimum, lo) : lo;
    image.offset = std::max(kRelativeOffset * (hi - image.fMin), 1e-12);
    image.z.resize(values.size());
    for (std::size_t k = 0; k < values.size(); ++k) {
        const double f = std::isfinite(values[k]) ? values[k] : hi;
        image.z[k] = landscapeTransform(f, image.fMin, image.offset);
    }
}

}  // namespace

double landscapeTransform(double f, double fMin, double offset)
{
    return std::log10(std::max(f - fMin, 0.0) + offset);
}

LandscapeImage computeLandscapeImage(const ToySurface& surface, int size,
                                     const CancelFlag* cancel)
{
    const ProblemInfo info = surface.info();
    LandscapeImage image;
    image.surface = info.name;
    image.view = info.view;
    if (size < 2)
        return image;

    std::vector<double> values(static_cast<std::size_t>(size) * size);
    const double dx = (image.view.xMax - image.view.xMin) / (size - 1);
    const double dy = (image.view.yMax - image.view.yMin) / (size - 1);
    for (int j = 0; j < size; ++j) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed))
            return LandscapeImage{};
        const double y = image.view.yMin + j * dy;
        double* row = values.data() + static_cast<std::size_t>(j) * size;
        for (int i = 0; i < size; ++i)
            row[i] = surface.valueAt(image.view.xMin + i * dx, y);
    }
    image.size = size;
    transformInto(image, values, info.minimumValue);
    return image;
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
    transformInto(image, grid.loss, knownMinimum);
    return image;
}

}  // namespace lrlab
