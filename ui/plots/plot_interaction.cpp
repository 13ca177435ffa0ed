#include "ui/plots/plot_interaction.h"

#include "ui/plots/plot_style.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QRubberBand>
#include <QWheelEvent>

#include <cmath>
#include <utility>

namespace lrlab {

namespace {

/// Each wheel notch (120 eighths of a degree) shows this fraction of the range.
constexpr double kWheelFactor = 0.85;
/// "+" and "−" zoom by this much.
constexpr double kKeyFactor = 0.7;
/// A box thinner than this (pixels) in one direction leaves that axis alone.
constexpr int kMinimumBox = 4;

} // namespace

PlotInteraction* PlotInteraction::attach(QCustomPlot* plot, const PlotInteractionOptions& options)
{
    if (PlotInteraction* existing = find(plot))
        return existing;
    return new PlotInteraction(plot, options);
}

PlotInteraction* PlotInteraction::find(const QWidget* plot)
{
    return plot ? plot->findChild<PlotInteraction*>(QString(), Qt::FindDirectChildrenOnly)
                : nullptr;
}

void PlotInteraction::addViewActions(const QWidget* plot, QMenu* menu)
{
    const PlotInteraction* interaction = find(plot);
    if (!interaction)
        return;
    menu->setToolTipsVisible(true);
    for (QAction* action : interaction->menuActions()) {
        if (action)
            menu->addAction(action);
        else
            menu->addSeparator();
    }
    menu->addSeparator();
}

PlotInteraction::PlotInteraction(QCustomPlot* plot, const PlotInteractionOptions& options)
    : QObject(plot), m_plot(plot), m_options(options)
{
    setObjectName(QStringLiteral("plotInteraction"));
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (qobject_cast<QCPColorMap*>(plot->plottable(i)))
            m_options.scaleToggle = false;
    m_autoKey = keyAxis()->range();
    m_autoValue = valueAxis()->range();
    const bool log = valueAxis()->scaleType() == QCPAxis::stLogarithmic;
    m_linearTicker = log ? QSharedPointer<QCPAxisTicker>(new QCPAxisTicker) : valueAxis()->ticker();
    m_linearFormat = log ? QStringLiteral("gb") : valueAxis()->numberFormat();
    m_linearPrecision = log ? 6 : valueAxis()->numberPrecision();
    connect(keyAxis(), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange& range) { ownerChanged(keyAxis(), range); });
    connect(valueAxis(), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange& range) { ownerChanged(valueAxis(), range); });
    m_band = new QRubberBand(QRubberBand::Rectangle, plot);
    m_band->setObjectName(QStringLiteral("plotZoomBox"));
    m_band->hide();
    plot->setFocusPolicy(Qt::StrongFocus); // the keys and the Menu key reach it
    plot->installEventFilter(this);
    buildActions();
    teach();
}

void PlotInteraction::buildActions()
{
    const auto add = [this](const char* name, const QString& text, const QKeySequence& key,
                            const QString& tip) {
        auto* action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        action->setToolTip(tip);
        m_plot->addAction(action);
        return action;
    };
    m_zoomIn = add("plotZoomInAction", tr("Zoom in"), QKeySequence(Qt::Key_Plus),
                   tr("Show the middle of the plot larger. The wheel zooms at the pointer."));
    m_zoomOut = add("plotZoomOutAction", tr("Zoom out"), QKeySequence(Qt::Key_Minus),
                    tr("Show more around the middle of the plot."));
    m_reset = add("plotResetViewAction", tr("Reset view"), QKeySequence(Qt::Key_R),
                  tr("Back to the automatic ranges: the whole run, rescaled as new data "
                     "arrives. A zoom stays until you reset it."));
    m_log = add("plotLogScaleAction", tr("Log scale"), QKeySequence(Qt::Key_L),
                tr("A log₁₀ vertical axis shows values over many decades (a loss falling to "
                   "1e-8); a linear one shows jumps and small differences near one value."));
    m_log->setCheckable(true);
    m_log->setChecked(logScale());
    m_log->setVisible(m_options.scaleToggle);
    m_log->setEnabled(m_options.scaleToggle);
    connect(m_zoomIn, &QAction::triggered, this, [this] {
        zoomAround(kKeyFactor, m_plot->axisRect()->rect().center(), Qt::NoModifier);
        if (!m_options.wheelZoomsBoth)
            zoomAround(kKeyFactor, m_plot->axisRect()->rect().center(), Qt::ControlModifier);
    });
    connect(m_zoomOut, &QAction::triggered, this, [this] {
        zoomAround(1.0 / kKeyFactor, m_plot->axisRect()->rect().center(), Qt::NoModifier);
        if (!m_options.wheelZoomsBoth)
            zoomAround(1.0 / kKeyFactor, m_plot->axisRect()->rect().center(), Qt::ControlModifier);
    });
    connect(m_reset, &QAction::triggered, this, &PlotInteraction::resetView);
    connect(m_log, &QAction::toggled, this, &PlotInteraction::setLogScale);
}

void PlotInteraction::teach()
{
    const QString wheel = m_options.wheelZoomsBoth
                              ? tr("Wheel: zoom at the pointer.")
                              : tr("Wheel: zoom the horizontal axis at the pointer; Ctrl+wheel: "
                                   "the vertical axis.");
    const QString drag =
        m_options.plainDragZooms ? tr("Drag: zoom to a box.") : tr("Shift+drag: zoom to a box.");
    const QString rest = tr("Double-click or R: reset the view. Right-click for the menu.");
    const QString hint = wheel + QLatin1Char('\n') + drag + QLatin1Char('\n') + rest;
    const QString own = m_plot->toolTip();
    m_plot->setToolTip(own.isEmpty() ? hint : own + QStringLiteral("\n\n") + hint);
}

QList<QAction*> PlotInteraction::menuActions() const
{
    QList<QAction*> out{m_zoomIn, m_zoomOut, m_reset};
    if (m_options.scaleToggle)
        out << nullptr << m_log;
    return out;
}

void PlotInteraction::setRange(QCPAxis* axis, const QCPRange& range)
{
    const bool was = m_applying;
    m_applying = true;
    axis->setRange(range);
    m_applying = was;
}

void PlotInteraction::ownerChanged(QCPAxis* axis, const QCPRange& range)
{
    if (m_applying)
        return;
    // The owner set the range itself: it is the automatic one, and it wins over a zoom.
    if (axis == keyAxis()) {
        m_autoKey = range;
        m_keyZoomed = false;
    } else {
        m_autoValue = range;
        m_valueZoomed = false;
    }
}

void PlotInteraction::setAutomaticRanges(const QCPRange& key, const QCPRange& value)
{
    m_managed = true;
    m_autoKey = key;
    m_autoValue = value;
    if (!m_keyZoomed)
        setRange(keyAxis(), key);
    if (!m_valueZoomed)
        setRange(valueAxis(), value);
}

void PlotInteraction::zoomKey(const QCPRange& key)
{
    m_keyZoomed = true;
    setRange(keyAxis(), key);
    emit zoomed();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotInteraction::zoomValue(const QCPRange& value)
{
    m_valueZoomed = true;
    setRange(valueAxis(), value);
    emit zoomed();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotInteraction::zoomAround(double factor, const QPointF& pixel,
                                 Qt::KeyboardModifiers modifiers)
{
    const bool value = m_options.wheelZoomsBoth || (modifiers & Qt::ControlModifier);
    const bool key = m_options.wheelZoomsBoth || !(modifiers & Qt::ControlModifier);
    const bool was = m_applying;
    m_applying = true;
    if (key) {
        keyAxis()->scaleRange(factor, keyAxis()->pixelToCoord(pixel.x()));
        m_keyZoomed = true;
    }
    if (value) {
        valueAxis()->scaleRange(factor, valueAxis()->pixelToCoord(pixel.y()));
        m_valueZoomed = true;
    }
    m_applying = was;
    emit zoomed();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotInteraction::zoomToBox(const QRect& pixels)
{
    const QRect box = pixels.normalized();
    if (box.width() >= kMinimumBox)
        zoomKey(
            QCPRange(keyAxis()->pixelToCoord(box.left()), keyAxis()->pixelToCoord(box.right())));
    if (box.height() >= kMinimumBox)
        zoomValue(QCPRange(valueAxis()->pixelToCoord(box.bottom()),
                           valueAxis()->pixelToCoord(box.top())));
}

void PlotInteraction::resetView()
{
    m_keyZoomed = false;
    m_valueZoomed = false;
    setRange(keyAxis(), m_autoKey);
    if (logScale() && m_autoValue.lower <= 0.0 && !m_managed) {
        // A linear range learnt from the owner does not fit a log axis: fit the data.
        const bool was = m_applying;
        m_applying = true;
        valueAxis()->rescale(true);
        m_applying = was;
    } else {
        setRange(valueAxis(), m_autoValue);
    }
    emit viewReset();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool PlotInteraction::logScale() const
{
    return valueAxis()->scaleType() == QCPAxis::stLogarithmic;
}

void PlotInteraction::setLogScale(bool log)
{
    if (log != logScale()) {
        const bool was = m_applying;
        m_applying = true;
        if (log) {
            setLogAxis(valueAxis());
        } else {
            valueAxis()->setScaleType(QCPAxis::stLinear);
            valueAxis()->setTicker(m_linearTicker);
            valueAxis()->setNumberFormat(m_linearFormat);
            valueAxis()->setNumberPrecision(m_linearPrecision);
        }
        if (!m_managed && !m_valueZoomed) {
            valueAxis()->rescale(true);
            m_autoValue = valueAxis()->range();
        }
        m_applying = was;
    }
    {
        const QSignalBlocker block(m_log);
        m_log->setChecked(log);
    }
    emit scaleChanged(log); // a managing owner recomputes its automatic ranges
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotInteraction::showMenu(const QPoint& globalPos)
{
    QMenu menu(m_plot);
    addViewActions(m_plot, &menu);
    menu.exec(globalPos);
}

bool PlotInteraction::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_plot)
        return false;
    switch (event->type()) {
    case QEvent::Wheel: {
        auto* wheel = static_cast<QWheelEvent*>(event);
        const double notches = wheel->angleDelta().y() / 120.0;
        if (notches == 0.0)
            return false;
        zoomAround(std::pow(kWheelFactor, notches), wheel->position(), wheel->modifiers());
        return true;
    }
    case QEvent::MouseButtonPress:
        return mousePressed(static_cast<QMouseEvent*>(event));
    case QEvent::MouseMove:
        return mouseMoved(static_cast<QMouseEvent*>(event));
    case QEvent::MouseButtonRelease:
        return mouseReleased(static_cast<QMouseEvent*>(event));
    case QEvent::MouseButtonDblClick:
        if (static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton)
            resetView();
        return false;
    case QEvent::ContextMenu:
        // Another part builds this plot's menu (and adds addViewActions to it).
        if (m_plot->contextMenuPolicy() != Qt::DefaultContextMenu)
            return false;
        showMenu(static_cast<QContextMenuEvent*>(event)->globalPos());
        return true;
    default:
        return false;
    }
}

bool PlotInteraction::mousePressed(QMouseEvent* event)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    if (event->button() != Qt::LeftButton || !(m_options.plainDragZooms || shift) ||
        !m_plot->axisRect()->rect().contains(event->position().toPoint()))
        return false;
    m_pressed = true;
    m_dragging = false;
    m_dragStart = event->position().toPoint();
    // Shift+press is ours alone: no point is picked, no start set on the map.
    return shift;
}

bool PlotInteraction::mouseMoved(QMouseEvent* event)
{
    if (!m_pressed || !(event->buttons() & Qt::LeftButton))
        return false;
    const QPoint pos = event->position().toPoint();
    if (!m_dragging && (pos - m_dragStart).manhattanLength() >= QApplication::startDragDistance())
        m_dragging = true;
    if (m_dragging) {
        m_band->setGeometry(QRect(m_dragStart, pos).normalized());
        m_band->show();
    }
    return m_dragging || (event->modifiers() & Qt::ShiftModifier);
}

bool PlotInteraction::mouseReleased(QMouseEvent* event)
{
    if (!m_pressed || event->button() != Qt::LeftButton)
        return false;
    m_pressed = false;
    m_band->hide();
    if (!std::exchange(m_dragging, false))
        return false;
    zoomToBox(QRect(m_dragStart, event->position().toPoint()));
    return true;
}

} // namespace lrlab
