#include "ui/export/loss_map_figure.h"

#include "ui/plots/plot_style.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace lrlab {

namespace {

/// log10(f − fMin + offset) over values, as the window's landscape; fMin is the known minimum
/// or the lowest sample, offset 1e-4 of the sampled range.
std::vector<double> logTransform(const std::vector<double>& values, double knownMinimum)
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (double f : values)
        if (std::isfinite(f)) {
            lo = std::min(lo, f);
            hi = std::max(hi, f);
        }
    if (!std::isfinite(lo))
        lo = hi = 0.0;
    const double fMin = std::isfinite(knownMinimum) ? std::min(knownMinimum, lo) : lo;
    const double offset = std::max(1e-4 * (hi - fMin), 1e-12);
    std::vector<double> z(values.size());
    for (std::size_t k = 0; k < values.size(); ++k) {
        const double f = std::isfinite(values[k]) ? values[k] : hi;
        z[k] = std::log10(std::max(f - fMin, 0.0) + offset);
    }
    return z;
}

} // namespace

/// The landscape's colour map on plot, as the window draws it: logTransform of the grid's
/// losses over box in viridis bands, with a colour scale at the right labelled scaleLabel and
/// aligned with the axis rect; the axes show box. interpolate: smooth the cells, as the window
/// does for a model's coarse grid (a toy grid is fine enough to show its bands as they are).
void drawLossMap(QCustomPlot* plot, const LandscapeGrid& grid, const ViewBox& box,
                 double knownMinimum, const QString& scaleLabel, bool interpolate)
{
    auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->setInterpolate(interpolate);
    map->setTightBoundary(false);
    map->data()->setSize(grid.n, grid.n);
    map->data()->setRange(QCPRange(box.xMin, box.xMax), QCPRange(box.yMin, box.yMax));
    const std::vector<double> z = logTransform(grid.loss, knownMinimum);
    for (int j = 0; j < grid.n; ++j)
        for (int i = 0; i < grid.n; ++i)
            map->data()->setCell(i, j, z[static_cast<std::size_t>(j) * grid.n + i]);
    auto* scale = new QCPColorScale(plot);
    scale->setType(QCPAxis::atRight);
    scale->setBarWidth(14);
    scale->axis()->setLabel(scaleLabel);
    plot->plotLayout()->addElement(1, 1, scale);
    map->setColorScale(scale);
    scale->setGradient(viridisGradient(20));
    map->rescaleDataRange(true);
    auto* margins = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    plot->xAxis->setRange(box.xMin, box.xMax);
    plot->yAxis->setRange(box.yMin, box.yMax);
}

} // namespace lrlab
