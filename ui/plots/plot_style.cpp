#include "ui/plots/plot_style.h"

#include <qcustomplot.h>

#include <QFontMetrics>

#include <algorithm>
#include <array>

namespace lrlab {

namespace {

/// A title that wraps its words into the width its layout cell gets (QCPTextElement draws
/// with Qt::TextWordWrap but asks for its text's full width on one line, so a long title
/// widened its column past the widget and was clipped at larger text). It asks for its text's
/// width up to 60 % of the widget's and for the height of its text wrapped into the width its
/// cell had at the last draw, moved with the widget's width since; a draw that finds that
/// height wrong queues a relayout.
class WrappingTitle : public QCPTextElement
{
public:
    WrappingTitle(QCustomPlot* plot, const QString& text, const QFont& font)
        : QCPTextElement(plot, text, font)
    {
        setTextFlags(Qt::AlignCenter | Qt::TextWordWrap);
    }

protected:
    QSize minimumOuterSizeHint() const override
    {
        const QMargins margins = this->margins();
        // The cell's width at the last draw, moved by as much as the widget's width changed
        // since (a layout before the widget had its size would otherwise stay stale); the
        // widget's width before the first draw.
        const int view = parentPlot()->viewport().width();
        const int width = m_drawnViewWidth < 0 ? view : m_drawnCellWidth + view - m_drawnViewWidth;
        // As wide as its text on one line, but never more than 60 % of the widget: a longer
        // title wraps instead of widening its column past the widget.
        const int oneLine = QFontMetrics(mainFont()).horizontalAdvance(mText);
        return QSize(margins.left() + margins.right() + std::min(oneLine, view * 3 / 5),
                     textHeight(width - margins.left() - margins.right()) + margins.top() +
                         margins.bottom());
    }
    QSize maximumOuterSizeHint() const override
    {
        return QSize(QWIDGETSIZE_MAX, minimumOuterSizeHint().height());
    }
    void draw(QCPPainter* painter) override
    {
        QCPTextElement::draw(painter);
        m_drawnCellWidth = outerRect().width();
        m_drawnViewWidth = parentPlot()->viewport().width();
        const int needed = textHeight(mRect.width());
        if (needed != mRect.height() && needed != m_requeuedFor) {
            m_requeuedFor = needed; // once per height: no replot loop
            parentPlot()->replot(QCustomPlot::rpQueuedReplot);
        }
    }

private:
    /// The height of the text wrapped into width pixels.
    int textHeight(int width) const
    {
        if (mText.isEmpty())
            return 0;
        return QFontMetrics(mainFont())
            .boundingRect(QRect(0, 0, std::max(1, width), 1 << 20), mTextFlags, mText)
            .height();
    }

    int m_requeuedFor = -1;
    int m_drawnCellWidth = 0;
    int m_drawnViewWidth = -1;
};

} // namespace

QColor okabeIto(int index)
{
    static const std::array<QColor, 8> palette{
        QColor(230, 159, 0), QColor(86, 180, 233), QColor(0, 158, 115),   QColor(240, 228, 66),
        QColor(0, 114, 178), QColor(213, 94, 0),   QColor(204, 121, 167), QColor(0, 0, 0)};
    const int n = static_cast<int>(palette.size());
    return palette[static_cast<std::size_t>(((index % n) + n) % n)];
}

QColor alarmColour()
{
    return QColor(200, 30, 30);
}

void styleAxes(QCustomPlot* plot, const QString& xLabel, const QString& yLabel)
{
    QFont labelFont = plot->font();
    labelFont.setPointSizeF(labelFont.pointSizeF() + 1);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        axis->setLabelFont(labelFont);
        axis->setTickLabelFont(plot->font());
    }
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
}

QCPTextElement* addTitle(QCustomPlot* plot, const QString& text)
{
    plot->plotLayout()->insertRow(0);
    QFont font = plot->font();
    font.setPointSizeF(font.pointSizeF() + 2);
    font.setBold(true);
    auto* title = new WrappingTitle(plot, text, font);
    plot->plotLayout()->addElement(0, 0, title);
    return title;
}

QCustomPlot* makeTitledPlot(QWidget* parent, const QString& objectName, const QSize& minimum,
                            const QString& title, const QString& xLabel, const QString& yLabel)
{
    auto* plot = new QCustomPlot(parent);
    plot->setObjectName(objectName);
    // At larger text the title, the axes and a legend row take more of the height: the
    // minimum grows to ten lines of the plot's text so the drawing keeps its room.
    const int tenLines = 10 * QFontMetrics(plot->font()).lineSpacing();
    plot->setMinimumSize(minimum.width(), std::max(minimum.height(), tenLines));
    addTitle(plot, title);
    styleAxes(plot, xLabel, yLabel);
    return plot;
}

void setLogAxis(QCPAxis* axis)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    ticker->setSubTickCount(8);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("eb")); // 10 to the power, "beautifully" typeset
    axis->setNumberPrecision(0);
}

QCPColorGradient viridisGradient(int levels)
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    const char* stops[] = {"#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c",
                           "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725"};
    for (int i = 0; i <= 10; ++i)
        gradient.setColorStopAt(i / 10.0, QColor(stops[i]));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    if (levels > 0)
        gradient.setLevelCount(levels);
    return gradient;
}

QColor legendFill()
{
    return QColor(255, 255, 255, 210);
}

void styleLegend(QCustomPlot* plot, Qt::Alignment corner, LegendDensity density)
{
    plot->legend->setBrush(legendFill());
    if (density == LegendDensity::Compact) {
        QFont font = plot->font();
        font.setPointSizeF(font.pointSizeF() - 1);
        plot->legend->setFont(font);
        plot->legend->setRowSpacing(-3);
    }
    plot->axisRect()->insetLayout()->setInsetAlignment(0, corner);
}

QCPItemText* addPlotNote(QCustomPlot* plot, double x, double y)
{
    auto* note = new QCPItemText(plot);
    note->position->setType(QCPItemPosition::ptAxisRectRatio);
    note->position->setCoords(x, y);
    note->setColor(QColor(90, 90, 90));
    note->setClipToAxisRect(true);
    return note;
}

void putLegendBelow(QCustomPlot* plot, int columns)
{
    auto* row = new QCPLayoutGrid;
    const int index = plot->plotLayout()->rowCount();
    plot->plotLayout()->addElement(index, 0, row);
    row->setMargins(QMargins(5, 0, 5, 5));
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->take(plot->legend); // take: remove() would delete it
    row->addElement(0, 0, plot->legend);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setWrap(columns);
    plot->legend->setRowSpacing(0);
    plot->plotLayout()->setRowStretchFactor(index, 0.001);
}

} // namespace lrlab
