#include "ui/shell/accessibility.h"

#include <QDockWidget>
#include <QScrollArea>
#include <QWidget>

#include <qcustomplot.h>

#include <utility>

namespace lrlab {

namespace {

/// The text of the first title element of plot ("" when it has none).
QString plotTitle(QCustomPlot* plot)
{
    for (QCPLayoutElement* element : plot->plotLayout()->elements(false))
        if (auto* title = qobject_cast<QCPTextElement*>(element))
            if (!title->text().isEmpty())
                return title->text();
    return QString();
}

} // namespace

void Accessibility::apply(QWidget* window)
{
    addMissingTooltips(window);
    nameAccessibly(window);
    setFocusPolicies(window);
}

void Accessibility::addMissingTooltips(QWidget* window)
{
    const std::pair<const char*, const char*> tips[] = {
        {"finderCancel", QT_TR_NOOP("Stop the range test; the curve so far stays on the plot.")},
    };
    for (const auto& [name, tip] : tips) {
        QWidget* widget = window->findChild<QWidget*>(QLatin1String(name));
        if (widget && widget->toolTip().isEmpty())
            widget->setToolTip(tr(tip));
    }
}

void Accessibility::nameAccessibly(QWidget* window)
{
    const std::pair<const char*, QString> named[] = {
        {"landscapePlot", tr("Loss landscape with the optimizer's path")},
        {"lossPlot", tr("Loss against step")},
        {"accuracyPlot", tr("Validation accuracy against step")},
        {"schedulePlot", tr("Learning-rate schedule against step")}};
    for (const auto& [objectName, name] : named)
        if (auto* plot = window->findChild<QCustomPlot*>(QLatin1String(objectName)))
            plot->setAccessibleName(name);
    const QList<QCustomPlot*> plots = window->findChildren<QCustomPlot*>();
    for (QCustomPlot* plot : plots) {
        if (plot->accessibleName().isEmpty()) {
            const QString title = plotTitle(plot);
            plot->setAccessibleName(title.isEmpty() ? tr("Plot") : title);
        }
        if (plot->accessibleDescription().isEmpty() && !plot->toolTip().isEmpty())
            plot->setAccessibleDescription(plot->toolTip());
    }
}

void Accessibility::setFocusPolicies(QWidget* window)
{
    for (QScrollArea* scroll : window->findChildren<QScrollArea*>())
        scroll->setFocusPolicy(Qt::NoFocus);
    for (QDockWidget* dock : window->findChildren<QDockWidget*>())
        if (dock->widget())
            dock->setFocusProxy(dock->widget());
}

} // namespace lrlab
