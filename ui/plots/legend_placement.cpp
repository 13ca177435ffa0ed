#include "ui/plots/legend_placement.h"

#include "ui/plots/eliding_legend_item.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QToolTip>

#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace lrlab {

namespace {

/// A cost that outweighs any count of covered data pixels.
constexpr int kCollision = 1000000;

/// Samples the polyline of pixel points into out (points in area only; those within edge
/// pixels outside it moved onto its edge).
class Sampler
{
public:
    Sampler(const QRectF& area, double spacing, double edge, std::vector<QPointF>& out)
        : m_area(area), m_grown(area.adjusted(-edge, -edge, edge, edge)), m_spacing(spacing),
          m_out(out)
    {
    }

    /// The next point of a line (or of a scatter when joined is false); NaN breaks the line.
    void add(double x, double y, bool joined)
    {
        if (!std::isfinite(x) || !std::isfinite(y)) {
            m_hasLast = false;
            return;
        }
        const QPointF point(x, y);
        if (joined && m_hasLast) {
            const QPointF step = point - m_last;
            const double length = std::hypot(step.x(), step.y());
            // At most 400 samples a segment: a diverging run's last segment may be huge.
            const int pieces = std::min(400, static_cast<int>(length / m_spacing));
            for (int i = 1; i < pieces; ++i)
                keep(m_last + step * (static_cast<double>(i) / pieces));
        }
        keep(point);
        m_last = point;
        m_hasLast = true;
    }
    void breakLine() { m_hasLast = false; }

private:
    void keep(const QPointF& point)
    {
        if (m_grown.contains(point))
            m_out.push_back(QPointF(std::clamp(point.x(), m_area.left(), m_area.right()),
                                    std::clamp(point.y(), m_area.top(), m_area.bottom())));
    }

    QRectF m_area;
    QRectF m_grown;
    double m_spacing;
    std::vector<QPointF>& m_out;
    QPointF m_last;
    bool m_hasLast = false;
};

double pixelOf(const QCPAxis* axis, double coord)
{
    if (axis->scaleType() == QCPAxis::stLogarithmic && !(coord > 0.0))
        return std::nan("");
    return axis->coordToPixel(coord);
}

/// Pixel (x, y) of a data point on key and value axes of either orientation.
QPointF pixelPoint(const QCPAxis* keyAxis, const QCPAxis* valueAxis, double key, double value)
{
    const double k = pixelOf(keyAxis, key), v = pixelOf(valueAxis, value);
    return keyAxis->orientation() == Qt::Horizontal ? QPointF(k, v) : QPointF(v, k);
}

Qt::Alignment alignmentOf(LegendPlacement::Spot spot)
{
    switch (spot) {
    case LegendPlacement::Spot::TopRight:
        return Qt::AlignTop | Qt::AlignRight;
    case LegendPlacement::Spot::TopLeft:
        return Qt::AlignTop | Qt::AlignLeft;
    case LegendPlacement::Spot::BottomRight:
        return Qt::AlignBottom | Qt::AlignRight;
    case LegendPlacement::Spot::BottomLeft:
        return Qt::AlignBottom | Qt::AlignLeft;
    case LegendPlacement::Spot::Top:
        return Qt::AlignTop | Qt::AlignHCenter;
    case LegendPlacement::Spot::Bottom:
        return Qt::AlignBottom | Qt::AlignHCenter;
    case LegendPlacement::Spot::Above:
    case LegendPlacement::Spot::Collapsed:
        break;
    }
    return Qt::AlignTop | Qt::AlignRight;
}

/// A rectangle of size aligned in area as QCPLayoutInset aligns a border-aligned element.
QRectF alignedRect(const QRectF& area, const QSizeF& size, Qt::Alignment alignment)
{
    double x = area.left(), y = area.top();
    if (alignment & Qt::AlignRight)
        x = area.right() - size.width();
    else if (alignment & Qt::AlignHCenter)
        x = area.center().x() - 0.5 * size.width();
    if (alignment & Qt::AlignBottom)
        y = area.bottom() - size.height();
    else if (alignment & Qt::AlignVCenter)
        y = area.center().y() - 0.5 * size.height();
    return QRectF(QPointF(x, y), size);
}

int insetIndexOf(QCPLayoutInset* inset, QCPLayoutElement* element)
{
    for (int i = 0; i < inset->elementCount(); ++i)
        if (inset->elementAt(i) == element)
            return i;
    return -1;
}

} // namespace

std::vector<QPointF> dataPixels(QCustomPlot* plot, double spacing, double edge)
{
    std::vector<QPointF> points;
    const QRectF area = plot->axisRect()->rect();
    Sampler sampler(area, std::max(spacing, 1.0), std::max(edge, 0.0), points);
    for (int i = 0; i < plot->plottableCount(); ++i) {
        const QCPAbstractPlottable* plottable = plot->plottable(i);
        if (!plottable->realVisibility())
            continue;
        const QCPAxis* keyAxis = plottable->keyAxis();
        const QCPAxis* valueAxis = plottable->valueAxis();
        if (!keyAxis || !valueAxis)
            continue;
        sampler.breakLine();
        if (const auto* graph = qobject_cast<const QCPGraph*>(plottable)) {
            const bool joined = graph->lineStyle() != QCPGraph::lsNone;
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
                const QPointF p = pixelPoint(keyAxis, valueAxis, it->key, it->value);
                sampler.add(p.x(), p.y(), joined);
            }
        } else if (const auto* curve = qobject_cast<const QCPCurve*>(plottable)) {
            const bool joined = curve->lineStyle() != QCPCurve::lsNone;
            for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it) {
                const QPointF p = pixelPoint(keyAxis, valueAxis, it->key, it->value);
                sampler.add(p.x(), p.y(), joined);
            }
        }
    }
    return points;
}

int coveredCount(const std::vector<QPointF>& points, const QRectF& rect)
{
    return static_cast<int>(std::count_if(points.begin(), points.end(),
                                          [&](const QPointF& p) { return rect.contains(p); }));
}

LegendPlacement::LegendPlacement(QCustomPlot* plot) : QObject(plot), m_plot(plot)
{
    setObjectName(QStringLiteral("legendPlacement"));
    QCPLayoutInset* inset = plot->axisRect()->insetLayout();
    const int index = insetIndexOf(inset, plot->legend);
    m_home = index >= 0 ? inset->insetAlignment(index) : Qt::AlignTop | Qt::AlignRight;
    connect(plot, &QCustomPlot::afterLayout, this, &LegendPlacement::place);
    plot->installEventFilter(this);
}

LegendPlacement* LegendPlacement::of(QCustomPlot* plot)
{
    if (auto* existing = plot->findChild<LegendPlacement*>(QStringLiteral("legendPlacement"),
                                                           Qt::FindDirectChildrenOnly))
        return existing;
    return new LegendPlacement(plot);
}

void LegendPlacement::addLabel(QCPItemText* label,
                               std::function<std::vector<LabelSpot>()> candidates,
                               std::function<QStringList()> shorter)
{
    Label entry;
    entry.item = label;
    entry.candidates = std::move(candidates);
    entry.shorter = std::move(shorter);
    m_labels.push_back(std::move(entry));
}

bool LegendPlacement::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_plot || event->type() != QEvent::ToolTip)
        return QObject::eventFilter(watched, event);
    const auto* help = static_cast<QHelpEvent*>(event);
    QString whole;
    const QCPLegend* legend = m_plot->legend;
    for (int i = 0; legend->visible() && i < legend->itemCount(); ++i)
        if (const auto* item = qobject_cast<const ElidingLegendItem*>(legend->item(i)))
            if (item->isElided() && item->outerRect().contains(help->pos()))
                whole = item->fullText();
    if (m_spot == Spot::Collapsed && m_collapsedRect.contains(help->pos())) {
        QStringList names;
        for (int i = 0; i < legend->itemCount(); ++i)
            if (const auto* item = qobject_cast<const ElidingLegendItem*>(legend->item(i)))
                names << item->fullText();
        whole = names.join(QLatin1Char('\n'));
    }
    for (const Label& label : m_labels)
        if (label.item && label.item->realVisibility() && label.shown != label.full &&
            QRectF(label.item->topLeft->pixelPosition(), label.item->bottomRight->pixelPosition())
                .normalized()
                .contains(help->pos()))
            whole = label.full;
    if (whole.isEmpty())
        return QObject::eventFilter(watched, event);
    QToolTip::showText(help->globalPos(), whole, m_plot);
    return true;
}

void LegendPlacement::relayout()
{
    QCPLayoutGrid* layout = m_plot->plotLayout();
    layout->update(QCPLayoutElement::upPreparation);
    layout->update(QCPLayoutElement::upMargins);
    layout->update(QCPLayoutElement::upLayout);
}

void LegendPlacement::place()
{
    if (m_placing || m_plot->axisRect()->rect().width() < 10)
        return;
    m_placing = true; // relayout() emits nothing, but a label's candidates might replot
    QCPLegend* legend = m_plot->legend;
    if (m_legendHome) { // collapsed last time for want of room: judge it again
        legend->setLayer(m_legendHome);
        m_legendHome = nullptr;
    }
    if (m_spot == Spot::Above) { // judge the corners on the layout without the extra row
        moveInside(m_home);
        relayout();
    }
    if (legend->visible() && legend->itemCount() > 0)
        placeLegend(dataPixels(m_plot));
    relayout();
    // A line along the axis rect's edge (clipped there) is data for the labels, which are
    // placed against the edges. The data's pixels are sampled again only when there is a label
    // to place (the sampling is most of a redraw's placement cost with many pinned runs).
    const bool anyLabel = std::any_of(m_labels.begin(), m_labels.end(), [](const Label& label) {
        return label.item && (label.item->visible() || label.home);
    });
    if (anyLabel)
        placeLabels(dataPixels(m_plot, 6.0, kLabelEdgePixels));
    m_placing = false;
}

namespace {

/// The least width to which legend's entries may be cut: each keeps its first characters
/// (of its own text, so wide scripts keep as many as narrow ones) and the "…".
int narrowestEntry(const QCPLegend* legend, int characters)
{
    const QFontMetrics metrics(legend->font());
    int least = 1;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (const auto* item = qobject_cast<const ElidingLegendItem*>(legend->item(i))) {
            const QString text = item->fullText();
            const int fixed = item->fullWidth() - item->textWidth();
            const int kept = text.size() <= characters
                                 ? item->textWidth()
                                 : metrics.horizontalAdvance(text.left(characters) + QChar(0x2026));
            least = std::max(least, std::min(item->fullWidth(), fixed + kept));
        }
    return least;
}

/// How the legend's entries would lie in rows above the axis rect.
struct RowLayout
{
    int perRow = 1;      ///< entries side by side in the plot column's width
    int entryWidth = 0;  ///< the widest an entry may be (pixels; cut beyond)
    double height = 0.0; ///< the rows with the legend's margins (pixels)
    bool fits = false;   ///< the rows leave the axis rect tall enough
};

/// The rows above the axis rect that leave it the most height: entries side by side at their
/// width, or more of them cut narrower (to kMinEntryCharacters of their own text) while that
/// saves rows; fits
/// when the rows take at most kMaxAboveShare of the axis rect's height and leave it
/// kMinDataHeight.
RowLayout rowsAbove(QCustomPlot* plot, double areaHeight)
{
    const QCPLegend* legend = plot->legend;
    int widest = 1, tallest = 0, entries = 0, fixed = 0;
    // A legend that was wrapped before has empty cells: item(i) is null there.
    for (int i = 0; i < legend->itemCount(); ++i)
        if (const auto* item = qobject_cast<const ElidingLegendItem*>(legend->item(i))) {
            widest = std::max(widest, item->fullWidth());
            tallest = std::max(tallest, item->fullHeight());
            fixed = std::max(fixed, item->fullWidth() - item->textWidth());
            ++entries;
        }
    const QMargins margins = legend->margins();
    const int spacing = legend->columnSpacing();
    const int room =
        std::max(1, plot->axisRect()->outerRect().width() - margins.left() - margins.right());
    const int narrowest = narrowestEntry(legend, LegendPlacement::kMinEntryCharacters);
    const double rowHeight = tallest + std::max(0, legend->rowSpacing());
    const auto layoutOf = [&](int perRow) {
        RowLayout layout;
        layout.perRow = perRow;
        layout.entryWidth = std::min(widest, (room + spacing) / perRow - spacing);
        const int rows = (std::max(entries, 1) + perRow - 1) / perRow;
        layout.height = rows * rowHeight + margins.top() + margins.bottom();
        layout.fits = layout.height <= LegendPlacement::kMaxAboveShare * areaHeight &&
                      areaHeight - layout.height >= LegendPlacement::kMinDataHeight;
        return layout;
    };
    int perRow = std::clamp((room + spacing) / (widest + spacing), 1, std::max(entries, 1));
    RowLayout layout = layoutOf(perRow);
    while (!layout.fits && perRow < entries) {
        const RowLayout denser = layoutOf(perRow + 1);
        if (denser.entryWidth < narrowest)
            break;
        ++perRow;
        layout = denser;
    }
    return layout;
}

/// Cuts every entry of legend to at most width pixels (<= 0: whole).
void limitEntries(QCPLegend* legend, int width)
{
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto* item = qobject_cast<ElidingLegendItem*>(legend->item(i)))
            item->setMaximumWidth(width);
}

} // namespace

void LegendPlacement::placeLegend(const std::vector<QPointF>& points)
{
    QCPLayoutInset* inset = m_plot->axisRect()->insetLayout();
    QCPLegend* legend = m_plot->legend;
    if (insetIndexOf(inset, legend) < 0)
        return; // someone else put the legend elsewhere
    ElidingLegendItem::adopt(legend);
    const QRectF area = m_plot->axisRect()->rect();
    // Inside, the legend (one column) is never wider than the axis rect.
    limitEntries(legend, static_cast<int>(area.width()) - legend->margins().left() -
                             legend->margins().right());
    const QSizeF size = legend->minimumOuterSizeHint();
    constexpr std::array<Spot, 6> order = {Spot::TopRight,   Spot::TopLeft, Spot::BottomRight,
                                           Spot::BottomLeft, Spot::Top,     Spot::Bottom};
    Spot best = Spot::Above;
    int fewest = kCollision;
    for (const Spot spot : order) {
        const int count = coveredCount(points, alignedRect(area, size, alignmentOf(spot)));
        // The plot's own spot wins a tie.
        if (count < fewest || (count == fewest && alignmentOf(spot) == m_home)) {
            fewest = count;
            best = spot;
        }
    }
    const bool tooLarge =
        size.width() * size.height() > kMaxInsetShare * area.width() * area.height();
    // Above the axis rect the legend's rows cost the data their height: only where enough is
    // left.
    const RowLayout rows = rowsAbove(m_plot, area.height());
    if ((fewest > 0 || tooLarge) && rows.fits) {
        limitEntries(legend, rows.entryWidth);
        moveAbove(rows.perRow);
        m_spot = Spot::Above;
        m_covered = 0;
        return;
    }
    moveInside(alignmentOf(best));
    if (!fitInside(area)) {
        collapse(alignedRect(
            area,
            QSizeF(std::min(size.width(), area.width()), std::min(size.height(), area.height())),
            alignmentOf(best)));
        return;
    }
    m_spot = best;
    m_covered = fewest;
}

void LegendPlacement::collapse(const QRectF& rect)
{
    QCPLegend* legend = m_plot->legend;
    m_legendHome = legend->layer();
    legend->setLayer(hiddenLayer());
    m_collapsedRect = rect;
    m_spot = Spot::Collapsed;
    m_covered = 0;
}

bool LegendPlacement::fitInside(const QRectF& area)
{
    // A legend taller than the axis rect puts its entries in columns side by side, narrower.
    QCPLegend* legend = m_plot->legend;
    const QMargins margins = legend->margins();
    int entries = 0, tallest = 1;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (const auto* item = qobject_cast<const ElidingLegendItem*>(legend->item(i))) {
            tallest = std::max(tallest, item->fullHeight());
            ++entries;
        }
    const int rowHeight = std::max(1, tallest + legend->rowSpacing());
    const int rows =
        std::max(1, static_cast<int>(area.height() - margins.top() - margins.bottom()) / rowHeight);
    const int columns = std::max(1, (entries + rows - 1) / rows);
    const int room = static_cast<int>(area.width()) - margins.left() - margins.right();
    const int width = (room + legend->columnSpacing()) / columns - legend->columnSpacing();
    if (columns > 1 && width < narrowestEntry(legend, kMinEntryCharacters))
        return false;
    legend->setWrap(columns > 1 ? rows : 0);
    legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);
    if (columns > 1)
        limitEntries(legend, width);
    return true;
}

void LegendPlacement::moveInside(Qt::Alignment alignment)
{
    QCPLegend* legend = m_plot->legend;
    QCPLayoutInset* inset = m_plot->axisRect()->insetLayout();
    int index = insetIndexOf(inset, legend);
    if (index < 0) {
        if (legend->layout() != m_plot->plotLayout())
            return;
        m_plot->plotLayout()->take(legend);
        m_plot->plotLayout()->simplify(); // drops the row that held it
        // One column again: setFillOrder rearranges with the wrap it finds, so unwrap first.
        legend->setWrap(0);
        legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);
        inset->addElement(legend, alignment);
        index = insetIndexOf(inset, legend);
    }
    inset->setInsetAlignment(index, alignment);
}

void LegendPlacement::moveAbove(int perRow)
{
    QCPLegend* legend = m_plot->legend;
    QCPLayoutInset* inset = m_plot->axisRect()->insetLayout();
    if (insetIndexOf(inset, legend) < 0)
        return;
    QCPLayoutGrid* layout = m_plot->plotLayout();
    int row = -1, column = -1;
    for (int r = 0; r < layout->rowCount() && row < 0; ++r)
        for (int c = 0; c < layout->columnCount(); ++c)
            if (layout->hasElement(r, c) && layout->element(r, c) == m_plot->axisRect()) {
                row = r;
                column = c;
                break;
            }
    if (row < 0)
        return;
    inset->take(legend);
    layout->insertRow(row);
    layout->addElement(row, column, legend);
    layout->setRowStretchFactor(row, 0.001);
    legend->setWrap(perRow);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
}

QCPLayer* LegendPlacement::hiddenLayer()
{
    const QString name = QStringLiteral("labelsWithoutRoom");
    QCPLayer* layer = m_plot->layer(name);
    if (!layer) {
        m_plot->addLayer(name);
        layer = m_plot->layer(name);
        layer->setVisible(false);
    }
    return layer;
}

int LegendPlacement::placeLabel(const Label& label, const std::vector<QPointF>& points,
                                const std::vector<QRectF>& taken)
{
    const QRectF area = m_plot->axisRect()->rect();
    const std::vector<LabelSpot> spots = label.candidates();
    int fewest = -1;
    LabelSpot chosen{};
    for (const LabelSpot& spot : spots) {
        label.item->position->setCoords(spot.coords);
        label.item->setPositionAlignment(spot.alignment);
        const QRectF rect =
            QRectF(label.item->topLeft->pixelPosition(), label.item->bottomRight->pixelPosition())
                .normalized();
        int cost = coveredCount(points, rect);
        if (!area.contains(rect))
            cost += kCollision;
        for (const QRectF& other : taken)
            if (other.intersects(rect))
                cost += kCollision;
        if (fewest < 0 || cost < fewest) {
            fewest = cost;
            chosen = spot;
        }
    }
    if (fewest >= 0) {
        label.item->position->setCoords(chosen.coords);
        label.item->setPositionAlignment(chosen.alignment);
    }
    return fewest;
}

void LegendPlacement::placeLabels(const std::vector<QPointF>& points)
{
    std::vector<QRectF> taken;
    QCPLegend* legend = m_plot->legend;
    if (legend->visible() && legend->itemCount() > 0 && m_spot != Spot::Collapsed)
        taken.push_back(legend->outerRect());
    for (Label& label : m_labels) {
        if (!label.item)
            continue;
        if (label.home) { // hidden last time for want of room: judge it again
            label.item->setLayer(label.home);
            label.home = nullptr;
        }
        if (label.item->text() != label.shown) // the owner's new text
            label.full = label.item->text();
        label.item->setText(label.full);
        label.shown = label.full;
        if (!label.item->visible())
            continue;
        int cost = placeLabel(label, points, taken);
        if (cost != 0 && label.shorter) {
            for (const QString& text : label.shorter()) {
                label.item->setText(text);
                label.shown = text;
                cost = placeLabel(label, points, taken);
                if (cost == 0)
                    break;
            }
            if (cost != 0) { // no room anywhere: the data comes first
                label.home = label.item->layer();
                label.item->setLayer(hiddenLayer());
                continue;
            }
        }
        if (cost < 0)
            continue;
        taken.push_back(
            QRectF(label.item->topLeft->pixelPosition(), label.item->bottomRight->pixelPosition())
                .normalized());
    }
}

} // namespace lrlab
