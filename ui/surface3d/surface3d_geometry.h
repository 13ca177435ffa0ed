#pragma once

#include "core/analysis/landscape_image.h"
#include "ui/compare/run_record.h"

#include <QVector3D>

#include <functional>
#include <vector>

namespace lrlab {

/// What the height of the 3-D landscape shows.
enum class SurfaceHeight {
    LogLoss, ///< log₁₀(f − f* + ε), the 2-D map's colour scale (the image's own z)
    Loss     ///< the loss f itself
};

/// A landscape image as heights for the 3-D view: the same grid and cells as the 2-D map, z
/// either the image's log-loss or the loss recovered from it (f = 10^z − ε + f*). Plain value.
struct SurfaceGrid
{
    ViewBox view;
    int size = 0;
    std::vector<double> height; ///< size·size heights, index j·size + i (row j = y), finite
    double minHeight = 0.0;
    double maxHeight = 0.0;
    int minimumCell = -1; ///< index of the lowest cell (the marked minimum), −1 when empty
};

/// The heights of image for mode; non-finite cells take the largest finite height.
SurfaceGrid surfaceGrid(const LandscapeImage& image, SurfaceHeight mode);

/// The loss at (x, y) on image's grid: bilinear in the image's log-loss, then back to the loss
/// (so it agrees with surfaceGrid at the cells). Points outside the box take the border.
double gridLossAt(const LandscapeImage& image, double x, double y);

/// The height of loss f on image's scale for mode.
double heightOfLoss(const LandscapeImage& image, SurfaceHeight mode, double loss);

/// A run's path lifted onto the surface: point k (graph coordinates: x, height, y) is the path
/// point at rows[k], at the height of the loss there plus lift. The path stops where it first
/// leaves the surface's box or becomes non-finite (a divergence): the rest is off the map.
struct LiftedPath
{
    std::vector<int> rows;
    std::vector<QVector3D> points;

    bool empty() const { return points.empty(); }
    /// The point at the playback cursor: the last point whose row is ≤ step (the first point
    /// before the path starts); (0,0,0) for an empty path.
    QVector3D pointAtStep(int step) const;
};

/// Lifts path: height(x, y) = heightAt(x, y) + lift, up to its first point outside box.
LiftedPath liftPath(const PlanePath& path, const ViewBox& box,
                    const std::function<double(double, double)>& heightAt, double lift);

/// The lift of paths above the surface: 1.5 % of the grid's height range (a path on a flat
/// floor still shows), at least 1e-9.
double pathLift(const SurfaceGrid& grid);

} // namespace lrlab
