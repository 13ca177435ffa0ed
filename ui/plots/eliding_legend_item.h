#pragma once

#include <qcustomplot.h>

namespace lrlab {

/// A legend entry of a plottable whose text may be cut to a width: it then ends in "…" and
/// asks for no more than that width (LegendPlacement narrows entries so a legend never gets
/// wider than its plot; the full name is the entry's tooltip there). Without a limit it draws
/// and measures as a QCPPlottableLegendItem. GUI thread only.
class ElidingLegendItem : public QCPPlottableLegendItem
{
    Q_OBJECT
public:
    ElidingLegendItem(QCPLegend* legend, QCPAbstractPlottable* plottable);

    /// The widest the entry may be, margins included (pixels; <= 0: no limit).
    void setMaximumWidth(int pixels) { m_maximumWidth = pixels; }
    int maximumWidth() const { return m_maximumWidth; }
    /// The entry's outer width with its whole text.
    int fullWidth() const { return QCPPlottableLegendItem::minimumOuterSizeHint().width(); }
    /// The entry's outer height.
    int fullHeight() const { return QCPPlottableLegendItem::minimumOuterSizeHint().height(); }
    /// The width of the whole text alone.
    int textWidth() const;
    /// Whether the text is cut at the current limit.
    bool isElided() const { return m_maximumWidth > 0 && fullWidth() > m_maximumWidth; }
    /// The whole text (the plottable's name).
    QString fullText() const { return mPlottable ? mPlottable->name() : QString(); }

    /// Replaces every plain plottable entry of legend by an ElidingLegendItem in the same cell.
    static void adopt(QCPLegend* legend);

protected:
    void draw(QCPPainter* painter) override;
    QSize minimumOuterSizeHint() const override;

private:
    int m_maximumWidth = 0;
};

} // namespace lrlab
