#pragma once

#include <QColor>
#include <QString>
#include <Qt>

class QCPAxis;
class QCPColorGradient;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;
class QSize;
class QWidget;

namespace lrlab {

// The look every lrlab plot shares: the window's plots, the analysis views and the exported
// figures. Free functions on a plot the caller owns; GUI thread only (QCustomPlot is a widget).
// Frame colours (axes, grids, backgrounds) belong to the theme (ui/theme.h), not to these.

/// Okabe & Ito (2008), "Color Universal Design": orange, sky blue, bluish green, yellow, blue,
/// vermillion, reddish purple, black, told apart with every common colour-vision deficiency.
/// index is taken modulo 8 (negative indices count from the end).
QColor okabeIto(int index);

/// The red of warnings drawn on plots: diverged runs, stability limits, notes (200, 30, 30).
QColor alarmColour();

/// Axis label font one point above the plot's font, tick labels in the plot's font, on all four
/// axes of the main axis rect (the hidden top and right ones too, for a plot that shows them
/// later); sets the bottom and left axes' labels.
void styleAxes(QCustomPlot* plot, const QString& xLabel, const QString& yLabel);

/// Inserts a row above the plot layout holding a bold title two points above the plot's font.
/// The title wraps its words into the width it gets (more lines at larger text), so it never
/// widens its column past the widget nor is clipped. Returns the title element (owned by the plot)
/// so the caller can change its text later.
QCPTextElement* addTitle(QCustomPlot* plot, const QString& text);

/// A new plot owned by parent, named objectName (tests and figure export find it by it), at
/// least minimum in size, with a title (addTitle) and its axes styled and labelled (styleAxes).
QCustomPlot* makeTitledPlot(QWidget* parent, const QString& objectName, const QSize& minimum,
                            const QString& title, const QString& xLabel, const QString& yLabel);

/// A log₁₀ axis: logarithmic scale, a QCPAxisTickerLog with 8 sub-ticks per decade, tick labels
/// written as powers of ten ("eb" number format, precision 0, e.g. 10⁻³).
void setLogAxis(QCPAxis* axis);

/// Viridis (matplotlib's perceptually uniform, colour-blind safe map) from eleven of its stops,
/// interpolated in RGB; QCP 2.1 has no preset for it. levels > 0 turns the map into that many
/// discrete bands (contour-like); levels <= 0 keeps it continuous.
QCPColorGradient viridisGradient(int levels = 0);

/// The fill of legends and labels drawn over data: white, slightly translucent (alpha 210).
QColor legendFill();

/// How a legend inside the axis rect is drawn.
enum class LegendDensity {
    Normal, ///< the plot's font, QCP's row spacing
    Compact ///< one point smaller font, rows 3 px closer (many entries on a small plot)
};

/// Styles the plot's legend where it sits inside the axis rect: translucent white fill
/// (legendFill()), placed in corner (e.g. Qt::AlignTop | Qt::AlignRight), optionally compact.
/// Does not change whether the legend is visible.
void styleLegend(QCustomPlot* plot, Qt::Alignment corner,
                 LegendDensity density = LegendDensity::Normal);

/// A grey hint inside the axis rect (e.g. "Press Run…" on an empty plot), centred at (x, y) in
/// axis-rect ratios and clipped to the rect; the caller sets its text and visibility.
QCPItemText* addPlotNote(QCustomPlot* plot, double x = 0.5, double y = 0.5);

/// Moves the plot's legend out of the axis rect into a new row under it (so it never hides a
/// curve), items side by side and wrapping after `columns`; shows the legend.
void putLegendBelow(QCustomPlot* plot, int columns);

} // namespace lrlab
