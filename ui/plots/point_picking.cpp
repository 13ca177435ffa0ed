#include "ui/plots/point_picking.h"

#include "ui/plots/plot_interaction.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>

#include <qcustomplot.h>

#include <cmath>

namespace lrlab {

namespace {

/// Shows the point tooltips of one plot.
class PointTipFilter : public QObject
{
public:
    PointTipFilter(QCustomPlot* plot, std::function<QString(const QPoint&)> describe)
        : QObject(plot), m_describe(std::move(describe))
    {
        plot->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::ToolTip)
            return false;
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = m_describe(help->pos());
        if (text.isEmpty())
            return false;
        QToolTip::showText(help->globalPos(), text, static_cast<QWidget*>(watched));
        return true;
    }

private:
    std::function<QString(const QPoint&)> m_describe;
};

} // namespace

PickedPoint pickPoint(const std::vector<QCPGraph*>& graphs, const QPoint& pos, double radius)
{
    PickedPoint picked;
    double bestDistance = radius;
    for (std::size_t g = 0; g < graphs.size(); ++g) {
        const QCPGraph* graph = graphs[g];
        if (graph == nullptr || !graph->visible())
            continue;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            if (std::isnan(it->value))
                continue;
            const double px = graph->keyAxis()->coordToPixel(it->key);
            const double py = graph->valueAxis()->coordToPixel(it->value);
            const double d = std::hypot(px - pos.x(), py - pos.y());
            if (d < bestDistance) {
                bestDistance = d;
                picked.graph = static_cast<int>(g);
                picked.key = it->key;
            }
        }
    }
    return picked;
}

int indexOfKey(const std::vector<double>& keys, double key)
{
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key)
            return static_cast<int>(i);
    return -1;
}

void addPointInteraction(QCustomPlot* plot, std::function<QString(const QPoint&)> describe,
                         std::function<void(const QPoint&)> click)
{
    new PointTipFilter(plot, std::move(describe));
    PlotInteractionOptions zoom;
    zoom.plainDragZooms = false;
    PlotInteraction::attach(plot, zoom);
    QObject::connect(plot, &QCustomPlot::mousePress, plot,
                     [click = std::move(click)](QMouseEvent* event) {
                         if (event->button() == Qt::LeftButton)
                             click(event->pos());
                     });
}

} // namespace lrlab
