#pragma once

#include <QObject>
#include <QPoint>
#include <QPointer>
#include <QSharedPointer>
#include <QString>

#include <qcustomplot.h>

class QAction;
class QMenu;
class QRubberBand;

namespace lrlab {

/// How a plot's mouse zooms (PlotInteraction::attach).
struct PlotInteractionOptions
{
    /// Plain left drag draws the zoom box. Plots where a click already does something (picks a
    /// point, loads a run, sets the start on the map) set false: there the box needs Shift+drag
    /// (Shift+drag works on every plot).
    bool plainDragZooms = true;
    /// The wheel zooms both axes (a map, whose axes are alike) instead of the horizontal axis
    /// alone (Ctrl+wheel then zooms the vertical axis).
    bool wheelZoomsBoth = false;
    /// The menu offers "Log scale" for the value (vertical) axis (never on a plot holding a
    /// colour map: its vertical axis is a coordinate, not a value).
    bool scaleToggle = true;

    /// A map (the loss landscape): Shift+drag (a click sets the start), the wheel zooms both
    /// axes, no log scale.
    static PlotInteractionOptions map() { return {false, true, false}; }
};

/// Zoom, reset and a log/linear value axis for one QCustomPlot, the same on every plot:
/// - the wheel zooms the key (horizontal) axis around the pointer; Ctrl+wheel the value axis
///   (both with wheelZoomsBoth); "+" and "−" zoom both axes around the centre;
/// - dragging a box (Shift+drag where a click does something else) zooms to the box; a box
///   thinner than 4 px in one direction zooms the other axis alone;
/// - double-click, the menu's "Reset view" or R return to the automatic ranges;
/// - "Log scale" (L) toggles the value axis between log₁₀ (setLogAxis) and linear.
/// The actions are in the plot's right-click menu (the Menu key or Shift+F10 open it from the
/// keyboard: the plot takes focus by click and Tab), the plot's tooltip teaches them.
///
/// Automatic ranges: an owner that recomputes its ranges when data arrives calls
/// setAutomaticRanges(); they are shown unless the user zoomed that axis, and a zoom sticks
/// until Reset view. An owner that sets the axis ranges itself instead overrides the zoom (the
/// ranges it sets are remembered as the automatic ones). A child of the plot; GUI thread only.
class PlotInteraction : public QObject
{
    Q_OBJECT
public:
    /// Attaches the interaction to plot (once: a second call returns the first one).
    static PlotInteraction* attach(QCustomPlot* plot, const PlotInteractionOptions& options = {});
    /// The interaction attached to plot, or nullptr.
    static PlotInteraction* find(const QWidget* plot);
    /// Adds the view actions (zoom, Reset view, Log scale) and a separator to menu when plot
    /// has an interaction: for a plot whose context menu another part builds.
    static void addViewActions(const QWidget* plot, QMenu* menu);

    QCustomPlot* plot() const { return m_plot; }
    QCPAxis* keyAxis() const { return m_plot->xAxis; }
    QCPAxis* valueAxis() const { return m_plot->yAxis; }

    /// The ranges of the plot without a user zoom; applied to each axis the user did not zoom.
    void setAutomaticRanges(const QCPRange& key, const QCPRange& value);
    /// True while the user's zoom of that axis holds (until resetView()).
    bool keyZoomed() const { return m_keyZoomed; }
    bool valueZoomed() const { return m_valueZoomed; }
    /// Shows key (and value, when given) as a user zoom: it sticks until resetView().
    void zoomKey(const QCPRange& key);
    void zoomValue(const QCPRange& value);
    /// Zooms the key axis around key and the value axis around value by factor (< 1 zooms in);
    /// which axes follows the wheel rules (Ctrl: the value axis).
    void zoomAround(double factor, const QPointF& pixel, Qt::KeyboardModifiers modifiers);
    /// Zooms to a box given in widget pixels (as a drag draws it).
    void zoomToBox(const QRect& pixels);
    /// The automatic ranges again (drops the user's zoom of both axes); emits viewReset.
    void resetView();

    /// Log₁₀ (true) or linear value axis; the tick labels follow. Emits scaleChanged.
    void setLogScale(bool log);
    bool logScale() const;

    QAction* resetAction() const { return m_reset; }
    QAction* logScaleAction() const { return m_log; }
    /// The right-click menu's actions in order (nullptr = separator).
    QList<QAction*> menuActions() const;

signals:
    /// The value axis changed scale; an owner that manages its ranges recomputes them.
    void scaleChanged(bool log);
    /// Reset view: the automatic ranges are shown again.
    void viewReset();
    /// The user zoomed (wheel, box, keys, zoomKey/zoomValue): an owner may fit the other axis
    /// to what is now in view.
    void zoomed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    PlotInteraction(QCustomPlot* plot, const PlotInteractionOptions& options);
    void buildActions();
    void teach();
    void setRange(QCPAxis* axis, const QCPRange& range);
    void ownerChanged(QCPAxis* axis, const QCPRange& range);
    void showMenu(const QPoint& globalPos);
    bool mousePressed(QMouseEvent* event);
    bool mouseMoved(QMouseEvent* event);
    bool mouseReleased(QMouseEvent* event);

    QCustomPlot* m_plot = nullptr;
    PlotInteractionOptions m_options;
    QCPRange m_autoKey, m_autoValue;
    bool m_keyZoomed = false;
    bool m_valueZoomed = false;
    bool m_applying = false; ///< our own setRange: not the owner's
    bool m_managed = false;  ///< the owner calls setAutomaticRanges
    QSharedPointer<QCPAxisTicker> m_linearTicker;
    QString m_linearFormat;
    int m_linearPrecision = 6;
    QPoint m_dragStart;
    bool m_dragging = false;
    bool m_pressed = false;
    QRubberBand* m_band = nullptr;
    QAction* m_reset = nullptr;
    QAction* m_log = nullptr;
    QAction* m_zoomIn = nullptr;
    QAction* m_zoomOut = nullptr;
};

} // namespace lrlab
