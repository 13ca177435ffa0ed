#pragma once

#include "ui/compare/pinned_runs.h"

#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QString>

#include <functional>
#include <limits>

class QCustomPlot;
class QMouseEvent;

namespace lrlab {

class ComparePainter;

/// Which compare plot a position is on.
enum class ComparePlotKind { Landscape, Loss, LearningRate };

/// The run point nearest to a mouse position.
struct HoverHit
{
    int runId = -1; ///< ShownRun::id, -1 when nothing is within reach
    int row = -1;   ///< the step (trace row) of the point
    double pixelDistance = std::numeric_limits<double>::infinity();

    bool valid() const { return runId >= 0 && row >= 0; }
};

/// The tooltip of a run point: "<label> — step k, lr …, loss …, x …, y …" with exact values to 6
/// significant digits; val loss / val acc are added on evaluation rows. Parts a record lacks at
/// that row (no path, or a path point after the last loss row) are left out.
QString hoverText(const ShownRun& run, int row);

/// The point of painter's runs drawn nearest to pixel (widget coordinates of the plot of kind),
/// searched among what is on screen (the painter's curves and graphs, in pixel space), if it is
/// within maxPixels. Cost: linear in the shown points (9 runs × 1000 rows is well under 1 ms).
HoverHit findNearestPoint(const ComparePainter& painter, ComparePlotKind kind, const QPointF& pixel,
                          double maxPixels = 12.0);

/// Shows hoverText as a QToolTip while the mouse moves over any of painter's plots, and hides it
/// away from every run point. With a landscape function set, the map shows "x …, y …, loss …"
/// wherever no run point is near. Connects to the plots' mouseMove signals; GUI thread only.
class HoverTips : public QObject
{
    Q_OBJECT
public:
    /// painter must outlive this object (make it the parent, or a sibling destroyed later).
    explicit HoverTips(ComparePainter* painter, QObject* parent = nullptr);

    /// f(x, y) for the map away from the runs (e.g. the toy surface's value); empty = none.
    void setLandscapeFunction(std::function<double(double, double)> function);
    /// A line added below the map's "x …, y …, loss …" (e.g. the rows a model landscape's loss
    /// is measured on); empty = none.
    void setLandscapeNote(const QString& note) { m_landscapeNote = note; }
    void setMaximumDistance(double pixels) { m_maxPixels = pixels; }

    /// The text for a mouse position on the plot of kind (empty = no tip). What mouse moves show.
    QString textAt(ComparePlotKind kind, const QPointF& pixel) const;

private:
    void mouseMoved(QCustomPlot* plot, ComparePlotKind kind, QMouseEvent* event);

    QPointer<ComparePainter> m_painter;
    std::function<double(double, double)> m_landscapeFunction;
    QString m_landscapeNote;
    double m_maxPixels = 12.0;
};

} // namespace lrlab
