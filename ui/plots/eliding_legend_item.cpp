#include "ui/plots/eliding_legend_item.h"

#include <QFontMetrics>

#include <algorithm>

namespace lrlab {

ElidingLegendItem::ElidingLegendItem(QCPLegend* legend, QCPAbstractPlottable* plottable)
    : QCPPlottableLegendItem(legend, plottable)
{
}

void ElidingLegendItem::adopt(QCPLegend* legend)
{
    for (int i = 0; i < legend->elementCount(); ++i) {
        auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->elementAt(i));
        if (!item || qobject_cast<ElidingLegendItem*>(item) || !item->plottable())
            continue;
        int row = 0, column = 0;
        legend->indexToRowCol(i, row, column);
        QCPAbstractPlottable* plottable = item->plottable();
        const bool selected = item->selected();
        const bool selectable = item->selectable();
        legend->remove(item); // deletes it; the cell stays empty
        auto* replacement = new ElidingLegendItem(legend, plottable);
        legend->addElement(row, column, replacement);
        replacement->setSelectable(selectable);
        replacement->setSelected(selected);
    }
}

int ElidingLegendItem::textWidth() const
{
    if (!mPlottable)
        return 0;
    // As QCPPlottableLegendItem measures it.
    return QFontMetrics(getFont())
        .boundingRect(0, 0, 0, mParentLegend->iconSize().height(), Qt::TextDontClip,
                      mPlottable->name())
        .width();
}

QSize ElidingLegendItem::minimumOuterSizeHint() const
{
    QSize size = QCPPlottableLegendItem::minimumOuterSizeHint();
    if (m_maximumWidth > 0)
        size.setWidth(std::min(size.width(), m_maximumWidth));
    return size;
}

void ElidingLegendItem::draw(QCPPainter* painter)
{
    if (!mPlottable || !isElided()) {
        QCPPlottableLegendItem::draw(painter);
        return;
    }
    // The base class draws the icon and the whole name; clipped after the kept characters, the
    // name ends where "…" is drawn.
    const QFontMetrics metrics(getFont());
    const int textLeft =
        mRect.x() + mParentLegend->iconSize().width() + mParentLegend->iconTextPadding();
    const int room = std::max(0, mRect.right() + 1 - textLeft);
    const QString ellipsis(QChar(0x2026));
    QString kept = metrics.elidedText(mPlottable->name(), Qt::ElideRight, room);
    if (kept.endsWith(ellipsis))
        kept.chop(1);
    const int cut = textLeft + metrics.horizontalAdvance(kept);
    painter->save();
    painter->setClipRect(QRect(mRect.x(), mRect.y(), cut - mRect.x(), mRect.height()),
                         Qt::IntersectClip);
    QCPPlottableLegendItem::draw(painter);
    painter->restore();
    painter->setFont(getFont());
    painter->setPen(QPen(getTextColor()));
    const int height = std::max(metrics.height(), mParentLegend->iconSize().height());
    painter->drawText(QRect(cut, mRect.y(), metrics.horizontalAdvance(ellipsis) + 1, height),
                      Qt::TextDontClip, ellipsis);
}

} // namespace lrlab
