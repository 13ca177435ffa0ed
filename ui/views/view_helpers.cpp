#include "ui/views/view_helpers.h"

#include "ui/controls/scientific_spin_box.h"

#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableWidget>

#include <qcustomplot.h>

#include <algorithm>

namespace lrlab {

ControlsScrollArea::ControlsScrollArea(QWidget* column, QWidget* parent) : QScrollArea(parent)
{
    setWidget(column);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Expanding);
    column->installEventFilter(this); // a new text size or row changes the column's needs
}

int ControlsScrollArea::chromeWidth() const
{
    return 2 * frameWidth() + verticalScrollBar()->sizeHint().width();
}

QSize ControlsScrollArea::minimumSizeHint() const
{
    const int width = widget() ? widget()->minimumSizeHint().width() : 0;
    return {width + chromeWidth(), 4 * fontMetrics().height()};
}

QSize ControlsScrollArea::sizeHint() const
{
    const QSize column = widget() ? widget()->sizeHint() : QSize();
    return {std::max(column.width(), minimumSizeHint().width() - chromeWidth()) + chromeWidth(),
            column.height()};
}

bool ControlsScrollArea::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        updateGeometry();
    return QScrollArea::eventFilter(watched, event);
}

void keepLastRateLabelInside(QCustomPlot* plot)
{
    QCPAxisRect* rect = plot->axisRect();
    const int ownRight = rect->minimumMargins().right();
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot, rect, ownRight] {
        const QFontMetrics metrics(plot->xAxis->tickLabelFont());
        QMargins margins = rect->minimumMargins();
        margins.setRight(
            std::max(ownRight, metrics.horizontalAdvance(QStringLiteral("10⁻⁰")) / 2 + 2));
        rect->setMinimumMargins(margins);
    });
}

void RateGridControls::set(double fromRate, double toRate, int rateCount) const
{
    from->setValue(fromRate);
    to->setValue(toRate);
    count->setValue(rateCount);
}

RateGridControls addRateGrid(QFormLayout* form, QWidget* parent, const QString& prefix,
                             const RateGridTexts& texts, double minRate, double maxRate,
                             int minCount, int maxCount)
{
    RateGridControls grid;
    grid.from = new ScientificSpinBox(parent);
    grid.from->setObjectName(prefix + QStringLiteral("From"));
    grid.from->setRange(minRate, maxRate);
    grid.from->setToolTip(texts.fromTip);
    grid.to = new ScientificSpinBox(parent);
    grid.to->setObjectName(prefix + QStringLiteral("To"));
    grid.to->setRange(minRate, maxRate);
    grid.to->setToolTip(texts.toTip);
    grid.count = new QSpinBox(parent);
    grid.count->setObjectName(prefix + QStringLiteral("Count"));
    grid.count->setRange(minCount, maxCount);
    grid.count->setToolTip(texts.countTip);
    form->addRow(texts.fromLabel, grid.from);
    form->addRow(texts.toLabel, grid.to);
    form->addRow(texts.countLabel, grid.count);
    return grid;
}

QSpinBox* makeSpinBox(QWidget* parent, const QString& name, int lo, int hi, int value,
                      const QString& toolTip)
{
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(lo, hi);
    spin->setValue(value);
    spin->setToolTip(toolTip);
    return spin;
}

void setTableRows(QTableWidget* table, const QStringList& headers,
                  const std::vector<QStringList>& rows, const std::vector<QColor>& rowColours)
{
    table->clear();
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setRowCount(static_cast<int>(rows.size()));
    for (std::size_t row = 0; row < rows.size(); ++row) {
        const QColor colour = row < rowColours.size() ? rowColours[row] : QColor();
        for (int col = 0; col < rows[row].size(); ++col) {
            auto* item = new QTableWidgetItem(rows[row][col]);
            if (colour.isValid())
                item->setForeground(colour);
            table->setItem(static_cast<int>(row), col, item);
        }
    }
    table->resizeColumnsToContents();
}

QTableWidget* makeRunTable(QWidget* parent, const QString& objectName, const QString& toolTip)
{
    auto* table = new QTableWidget(parent);
    table->setObjectName(objectName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->setVisible(false);
    table->setToolTip(toolTip);
    return table;
}

} // namespace lrlab
