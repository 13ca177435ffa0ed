#pragma once

#include <QPoint>
#include <QString>

#include <functional>
#include <vector>

class QCPGraph;
class QCustomPlot;

namespace lrlab {

/// The data point of a graph nearest to a mouse position.
struct PickedPoint
{
    int graph = -1;   ///< index into the graphs searched; -1 when nothing is within reach
    double key = 0.0; ///< the point's key (e.g. its learning rate)

    bool found() const { return graph >= 0; }
};

/// The point nearest to pos (widget pixels of the graphs' plot) among graphs, within radius
/// pixels. Null and hidden graphs and NaN values are skipped; on equal distances the first graph
/// wins. GUI thread only.
PickedPoint pickPoint(const std::vector<QCPGraph*>& graphs, const QPoint& pos,
                      double radius = 10.0);

/// The index of key in keys (exact: graphs keep the values they were given), or -1.
int indexOfKey(const std::vector<double>& keys, double key);

/// Makes the points of plot answer the mouse: a tooltip event shows describe(pos) (an empty
/// text leaves the plot's own tooltip, which explains how to read it) and a left click calls
/// click(pos). Attaches the zoom (PlotInteraction) with Shift+drag for the box, since a click
/// is taken: set the plot's tooltip first, the zoom's hints are appended to it. The event
/// filter is a child of plot. GUI thread only.
void addPointInteraction(QCustomPlot* plot, std::function<QString(const QPoint&)> describe,
                         std::function<void(const QPoint&)> click);

} // namespace lrlab
