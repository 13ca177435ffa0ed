#include "ui/surface3d/surface3d_geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

namespace {

double lossOfLogHeight(const LandscapeImage& image, double z)
{
    return std::pow(10.0, z) - image.offset + image.fMin;
}

} // namespace

SurfaceGrid surfaceGrid(const LandscapeImage& image, SurfaceHeight mode)
{
    SurfaceGrid grid;
    grid.view = image.view;
    grid.size = image.size;
    const std::size_t cells = static_cast<std::size_t>(image.size) * image.size;
    if (image.size < 2 || image.z.size() != cells)
        return SurfaceGrid{image.view, 0, {}, 0.0, 0.0, -1};
    grid.height.resize(cells);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t c = 0; c < cells; ++c) {
        const double z = image.z[c];
        const double h = mode == SurfaceHeight::LogLoss ? z : lossOfLogHeight(image, z);
        grid.height[c] = h;
        if (std::isfinite(h)) {
            if (h < lo) {
                lo = h;
                grid.minimumCell = static_cast<int>(c);
            }
            hi = std::max(hi, h);
        }
    }
    if (!std::isfinite(lo))
        lo = hi = 0.0;
    for (double& h : grid.height)
        if (!std::isfinite(h))
            h = hi;
    grid.minHeight = lo;
    grid.maxHeight = hi;
    return grid;
}

double gridLossAt(const LandscapeImage& image, double x, double y)
{
    const int n = image.size;
    if (n < 2)
        return std::numeric_limits<double>::quiet_NaN();
    const ViewBox& v = image.view;
    const double u = std::clamp((x - v.xMin) / (v.xMax - v.xMin), 0.0, 1.0) * (n - 1);
    const double w = std::clamp((y - v.yMin) / (v.yMax - v.yMin), 0.0, 1.0) * (n - 1);
    const int i = std::min(static_cast<int>(u), n - 2), j = std::min(static_cast<int>(w), n - 2);
    const double fu = u - i, fw = w - j;
    const double z = (1 - fu) * (1 - fw) * image.at(i, j) + fu * (1 - fw) * image.at(i + 1, j) +
                     (1 - fu) * fw * image.at(i, j + 1) + fu * fw * image.at(i + 1, j + 1);
    return lossOfLogHeight(image, z);
}

double heightOfLoss(const LandscapeImage& image, SurfaceHeight mode, double loss)
{
    return mode == SurfaceHeight::LogLoss ? landscapeTransform(loss, image.fMin, image.offset)
                                          : loss;
}

QVector3D LiftedPath::pointAtStep(int step) const
{
    if (points.empty())
        return QVector3D();
    const auto after = std::upper_bound(rows.begin(), rows.end(), step);
    const auto index = after == rows.begin() ? 0 : (after - rows.begin()) - 1;
    return points[static_cast<std::size_t>(index)];
}

LiftedPath liftPath(const PlanePath& path, const ViewBox& box,
                    const std::function<double(double, double)>& heightAt, double lift)
{
    LiftedPath lifted;
    const std::size_t count = std::min({path.rows.size(), path.x.size(), path.y.size()});
    lifted.rows.reserve(count);
    lifted.points.reserve(count);
    for (std::size_t k = 0; k < count; ++k) {
        const double x = path.x[k], y = path.y[k];
        // NaN fails these too: a diverged path ends at its last point on the map.
        if (!(x >= box.xMin && x <= box.xMax && y >= box.yMin && y <= box.yMax))
            break;
        const double h = heightAt(x, y);
        if (!std::isfinite(h))
            break;
        lifted.rows.push_back(path.rows[k]);
        lifted.points.emplace_back(static_cast<float>(x), static_cast<float>(h + lift),
                                   static_cast<float>(y));
    }
    return lifted;
}

double pathLift(const SurfaceGrid& grid)
{
    return std::max(0.015 * (grid.maxHeight - grid.minHeight), 1e-9);
}

} // namespace lrlab
