#pragma once

#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QRectF>
#include <QStringList>

#include <functional>
#include <vector>

class QCPItemText;
class QCPLayer;
class QCustomPlot;

namespace lrlab {

/// The pixel positions of the data of plot's visible graphs and curves (colour maps and other
/// plottables are not data points) that lie in its axis rect, each line sampled every spacing
/// pixels between its points so a line through a rectangle counts even where no point does.
/// Points up to edge pixels outside the axis rect (a line drawn along its edge, clipped there)
/// count too, moved onto the edge. Needs a laid-out plot (after a replot or in afterLayout).
std::vector<QPointF> dataPixels(QCustomPlot* plot, double spacing = 6.0, double edge = 0.0);

/// How many of points lie in rect.
int coveredCount(const std::vector<QPointF>& points, const QRectF& rect);

/// One place a free text label may take: its position's coords (in the types its position
/// already has) and its position alignment.
struct LabelSpot
{
    QPointF coords;
    Qt::Alignment alignment;
};

/// Keeps a plot's legend and free text labels off its data and inside the plot. On every replot
/// (afterLayout, so after any change of data, range, size or font) it puts the legend into the
/// corner or edge middle of the axis rect whose rectangle covers the fewest data pixels
/// (dataPixels; ties keep the plot's own alignment, then the order top right, top left, bottom
/// right, bottom left, top, bottom); when every spot covers data, or the legend would take more
/// than kMaxInsetShare of the axis rect (large text), the legend moves out into rows above the
/// axis rect, its entries side by side — as many rows as fit in kMaxAboveShare of the axis rect's
/// height while leaving it kMinDataHeight pixels, entries cut to a narrower width ("…", keeping at
/// least kMinEntryCharacters of their own text) where that saves rows. Where no such rows fit (a
/// small plot in a crowded window) the legend stays inside, at the spot covering the fewest data
/// pixels, where its translucent fill lets the data show through; when its entries would need
/// columns so narrow that they are cut below kMinEntryCharacters, it collapses instead
/// (Spot::Collapsed: not drawn; hovering its corner of the axis rect shows all its entries as
/// tooltip). Entries are ElidingLegendItems: a legend is never wider than its axis rect (inside) or
/// its plot column (above); a cut entry shows its whole name as tooltip. Then each registered label
/// takes, of its candidate spots, the one with the fewest covered data pixels, a heavy penalty for
/// touching the legend or a label placed before it, or leaving the axis rect (ties: the first
/// candidate); a label given shorter texts tries them in turn where its text covers data
/// everywhere, and is hidden when even the shortest does (its whole text is its tooltip while
/// shortened). Owned by the plot. GUI thread only.
class LegendPlacement : public QObject
{
    Q_OBJECT
public:
    /// At most this share of the axis rect's area goes to a legend inside it.
    static constexpr double kMaxInsetShare = 0.25;
    /// The least height of the axis rect that moving the legend above it may leave (pixels).
    static constexpr double kMinDataHeight = 100.0;
    /// At most this share of the axis rect's height goes to legend rows above it.
    static constexpr double kMaxAboveShare = 0.25;
    /// No legend entry is cut to fewer characters (average widths of the legend's font).
    static constexpr int kMinEntryCharacters = 8;
    /// Data this many pixels outside the axis rect (a line along its edge, half clipped) counts
    /// as data on the edge when placing labels (not the legend).
    static constexpr double kLabelEdgePixels = 3.0;

    /// Where the legend is.
    enum class Spot { TopRight, TopLeft, BottomRight, BottomLeft, Top, Bottom, Above, Collapsed };
    Q_ENUM(Spot)

    /// The placement of plot, created on first use.
    static LegendPlacement* of(QCustomPlot* plot);

    /// Places label among the spots candidates() returns (asked on each placement, so they may
    /// follow the axis ranges); labels are placed in the order they were added. shorter, when
    /// given, returns shorter texts for the label's current one, longest first (asked on each
    /// placement); then a label that would cover data with every text is hidden.
    void addLabel(QCPItemText* label, std::function<std::vector<LabelSpot>()> candidates,
                  std::function<QStringList()> shorter = {});

    /// Places the legend and the labels now on the plot's current layout (replot() calls it).
    void place();

    Spot legendSpot() const { return m_spot; }
    /// Data pixels the legend covers in its spot (0 when it is outside or hidden).
    int legendCovered() const { return m_covered; }

protected:
    /// Shows the whole text of a cut legend entry or a shortened label as the plot's tooltip.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Label
    {
        QPointer<QCPItemText> item;
        std::function<std::vector<LabelSpot>()> candidates;
        std::function<QStringList()> shorter;
        QString full;             ///< the owner's text
        QString shown;            ///< the text placed last (full, shorter or dropped)
        QCPLayer* home = nullptr; ///< the label's layer while it is hidden for want of room
    };

    explicit LegendPlacement(QCustomPlot* plot);
    void placeLegend(const std::vector<QPointF>& points);
    void moveInside(Qt::Alignment alignment);
    /// Columns for a legend inside that is taller than area, its entries narrowed to fit;
    /// returns false (and changes nothing) where they would be cut below kMinEntryCharacters.
    bool fitInside(const QRectF& area);
    /// Hides the legend for want of room; its entries become the tooltip of rect.
    void collapse(const QRectF& rect);
    void moveAbove(int perRow);
    void relayout();
    void placeLabels(const std::vector<QPointF>& points);
    /// Puts label on its spot of least cost for its current text; returns that cost.
    int placeLabel(const Label& label, const std::vector<QPointF>& points,
                   const std::vector<QRectF>& taken);
    QCPLayer* hiddenLayer();

    QCustomPlot* m_plot;
    std::vector<Label> m_labels;
    Qt::Alignment m_home;             ///< the legend's alignment before the first placement
    QCPLayer* m_legendHome = nullptr; ///< the legend's layer while it is collapsed
    QRectF m_collapsedRect;           ///< where the collapsed legend's tooltip shows
    Spot m_spot = Spot::TopRight;
    int m_covered = 0;
    bool m_placing = false;
};

} // namespace lrlab
