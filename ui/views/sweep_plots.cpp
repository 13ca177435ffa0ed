#include "ui/views/sweep_plots.h"

#include "ui/controls/scientific_spin_box.h"
#include "ui/plots/plot_style.h"
#include "ui/plots/point_picking.h"
#include "ui/views/sweep_outcome.h"
#include "ui/views/sweep_view.h"
#include "ui/views/view_helpers.h"

#include <QTableWidget>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QColor kDivergedCell(190, 190, 190);

/// Viridis with diverged (NaN) cells in grey.
QCPColorGradient viridis()
{
    QCPColorGradient gradient = viridisGradient();
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(kDivergedCell);
    return gradient;
}

/// A rate for axis labels: "10⁻³" for exact decades (as the U-curve's log axis writes them),
/// else three significant digits.
QString rateLabel(double rate)
{
    const double exponent = std::log10(rate);
    if (std::abs(exponent - std::round(exponent)) < 1e-9) {
        const int k = static_cast<int>(std::round(exponent));
        if (k == 0)
            return QStringLiteral("1");
        static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
        QString power;
        for (const QChar c : QString::number(std::abs(k)))
            power += digits.at(c.digitValue());
        return QStringLiteral("10") + (k < 0 ? QStringLiteral("⁻") : QString()) + power;
    }
    return ScientificSpinBox::format(rate);
}

} // namespace

SweepPlots::SweepPlots(const SweepOutcome& outcome, QWidget* parent)
    : QSplitter(Qt::Vertical, parent), m_outcome(outcome)
{
    m_plotSplitter = new QSplitter(Qt::Horizontal, this);
    buildUCurve();
    buildHeatMap();
    m_plotSplitter->setStretchFactor(0, 3);
    m_plotSplitter->setStretchFactor(1, 2);
    m_plotSplitter->setChildrenCollapsible(false); // a plot squeezed to nothing is out of sight
    buildTable();
    addWidget(m_plotSplitter);
    addWidget(m_table);
    setStretchFactor(0, 4);
    setStretchFactor(1, 1);
    setChildrenCollapsible(false);
    clear();
}

void SweepPlots::buildUCurve()
{
    m_curvePlot = makeTitledPlot(m_plotSplitter, QStringLiteral("sweepUCurve"), QSize(280, 170),
                                 SweepView::tr("Final loss against learning rate"),
                                 SweepView::tr("learning rate"), SweepView::tr("final loss"));
    setLogAxis(m_curvePlot->xAxis);
    keepLastRateLabelInside(m_curvePlot);
    setLogAxis(m_curvePlot->yAxis);
    m_curvePlot->legend->setVisible(true);
    styleLegend(m_curvePlot, Qt::AlignBottom | Qt::AlignLeft);
    m_curvePlot->setToolTip(SweepView::tr(
        "The U-curve: every point is one complete run, its final loss against its learning "
        "rate (both on log scales).\n"
        "• Left side: steps too small, the run crawls and ends high.\n"
        "• Right side: steps overshoot and the loss blows up (red ×: diverged).\n"
        "• The best rate (◆) sits just left of that cliff: a little smaller is safe, a "
        "little larger diverges. It is the lowest final validation loss where there is a "
        "validation split (a run whose validation loss ends 10× above its start counts as "
        "diverged), else the lowest final training loss.\n"
        "Dashed: validation loss (models). Click a point to load that run."));
    m_curveNote = addPlotNote(m_curvePlot, 0.5, 0.45);
    addRunInteraction(m_curvePlot, [this](const QPoint& pos, int& curve, int& lrIndex) {
        return pointAt(pos, curve, lrIndex);
    });
}

void SweepPlots::buildHeatMap()
{
    m_heatPlot = makeTitledPlot(m_plotSplitter, QStringLiteral("sweepHeatMap"), QSize(240, 170),
                                SweepView::tr("Final loss over learning rate × setting"),
                                SweepView::tr("learning rate"), QString());
    m_heatPlot->axisRect()->setupFullAxesBox(false);
    m_heatMap = new QCPColorMap(m_heatPlot->xAxis, m_heatPlot->yAxis);
    m_heatMap->setGradient(viridis());
    m_heatMap->setInterpolate(false);
    m_heatScale = new QCPColorScale(m_heatPlot);
    m_heatPlot->plotLayout()->addElement(1, 1, m_heatScale);
    m_heatScale->setType(QCPAxis::atRight);
    m_heatScale->setGradient(viridis());
    m_heatMap->setColorScale(m_heatScale);
    auto* margins = new QCPMarginGroup(m_heatPlot);
    m_heatPlot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_heatScale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_heatDiverged = m_heatPlot->addGraph();
    m_heatDiverged->setLineStyle(QCPGraph::lsNone);
    m_heatDiverged->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCross, QPen(alarmColour(), 2.0), Qt::NoBrush, 11));
    m_heatBest = m_heatPlot->addGraph();
    m_heatBest->setLineStyle(QCPGraph::lsNone);
    m_heatBest->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::white, 2.0), Qt::NoBrush, 13));
    m_heatPlot->setToolTip(SweepView::tr(
        "Each cell is one run: its colour is log₁₀ of the final loss (dark = low). Grey cells "
        "with a red × diverged; ◆ marks each row's best rate (by validation loss where there is "
        "a validation split).\n"
        "A row is one U-curve seen from above; compare rows to see how the setting moves "
        "the sweet spot and the cliff. Click a cell to load that run."));
    addRunInteraction(m_heatPlot, [this](const QPoint& pos, int& curve, int& lrIndex) {
        return cellAt(pos, lrIndex, curve); // a row is a curve
    });
}

void SweepPlots::addRunInteraction(QCustomPlot* plot, RunHit hit)
{
    addPointInteraction(
        plot,
        [this, hit](const QPoint& pos) {
            int curve = 0;
            int lrIndex = 0;
            return hit(pos, curve, lrIndex) ? m_outcome.pointDescription(curve, lrIndex)
                                            : QString();
        },
        [this, hit](const QPoint& pos) {
            int curve = 0;
            int lrIndex = 0;
            if (hit(pos, curve, lrIndex))
                emit runActivated(curve, lrIndex);
        });
}

void SweepPlots::buildTable()
{
    m_table = makeRunTable(this, QStringLiteral("sweepTable"),
                           SweepView::tr("One row a run, as `lrlab sweep` writes it. Enter or "
                                         "double-click loads the run."));
    connect(m_table, &QTableWidget::itemActivated, this, [this](QTableWidgetItem* item) {
        const int index = item->row();
        const int n = static_cast<int>(m_outcome.rates.size());
        if (n > 0 && index >= 0 && index < static_cast<int>(m_outcome.results.size()))
            emit runActivated(index / n, index % n);
    });
}

void SweepPlots::showOutcome()
{
    showUCurve();
    showHeatMap();
    fillTable();
}

void SweepPlots::clear()
{
    m_curvePlot->clearGraphs();
    m_lossGraphs.clear();
    m_valGraphs.clear();
    m_divergedGraphs.clear();
    m_bestGraphs.clear();
    m_curveNote->setText(SweepView::tr("Press Run sweep to train once per learning rate."));
    m_curveNote->setVisible(true);
    m_curvePlot->xAxis->setRange(1e-4, 1.0);
    m_curvePlot->yAxis->setRange(1e-3, 10.0);
    m_curvePlot->replot(QCustomPlot::rpQueuedReplot);
    m_heatMap->data()->clear();
    m_heatDiverged->data()->clear();
    m_heatBest->data()->clear();
    m_heatPlot->setVisible(false);
    m_table->clear();
    m_table->setRowCount(0);
}

void SweepPlots::showUCurve()
{
    m_curvePlot->clearGraphs();
    m_lossGraphs.clear();
    m_valGraphs.clear();
    m_divergedGraphs.clear();
    m_bestGraphs.clear();
    const int n = static_cast<int>(m_outcome.rates.size());
    const int curves = std::max(1, static_cast<int>(m_outcome.values.size()));

    // The smallest positive plotted value: a loss at (or rounding below) the floor is drawn
    // a decade under it, since a log axis cannot show zero.
    double minPositive = std::numeric_limits<double>::infinity();
    double maxValue = 0.0;
    for (const SweepRunResult& r : m_outcome.results) {
        if (r.diverged)
            continue;
        for (double v : {m_outcome.plottedLoss(r.finalLoss), r.validationLoss}) {
            if (std::isfinite(v) && v > 0) {
                minPositive = std::min(minPositive, v);
                maxValue = std::max(maxValue, v);
            }
        }
    }
    const bool anyFinite = std::isfinite(minPositive);
    const double zeroStandIn = anyFinite ? minPositive / 10.0 : 1e-12;
    const auto shown = [&](double v) {
        if (!std::isfinite(v))
            return kNaN;
        return v > 0 ? v : zeroStandIn;
    };
    double lower = anyFinite ? minPositive / 3.0 : 1e-3;
    if (anyFinite && std::any_of(m_outcome.results.begin(), m_outcome.results.end(),
                                 [&](const SweepRunResult& r) {
                                     return !r.diverged && std::isfinite(r.finalLoss) &&
                                            !(m_outcome.plottedLoss(r.finalLoss) > 0);
                                 }))
        lower = zeroStandIn / 3.0;
    const bool anyDiverged = std::any_of(m_outcome.results.begin(), m_outcome.results.end(),
                                         [](const SweepRunResult& r) { return r.diverged; });
    // Diverged runs get a band above the data, a fifth of the data's decades (at least one).
    const double dataDecades = anyFinite ? std::log10(maxValue / lower) : 6.0;
    const double upper =
        anyFinite
            ? maxValue * (anyDiverged ? std::pow(10.0, std::max(1.0, 0.2 * dataDecades)) : 3.0)
            : 1e3;
    const double decades = std::log10(upper / lower);

    QVector<double> keys(n);
    for (int i = 0; i < n; ++i)
        keys[i] = m_outcome.rates[static_cast<std::size_t>(i)];
    QCPScatterStyle divergedStyle(QCPScatterStyle::ssCross, QPen(alarmColour(), 2.0), Qt::NoBrush,
                                  11);
    for (int c = 0; c < curves; ++c) {
        const QColor colour = okabeIto(c);
        QString name = m_outcome.key.isEmpty()
                           ? SweepView::tr("final loss")
                           : QStringLiteral("%1 %2").arg(m_outcome.key, m_outcome.values.value(c));
        QVector<double> loss(n, kNaN);
        QVector<double> val(n, kNaN);
        QVector<double> divKeys;
        QVector<double> divValues;
        // Crosses sit in the band above the data; each curve about 3 % of the axis lower so
        // that runs of different curves diverging at the same rate stay distinct (and
        // clickable).
        const double crossY = upper * std::pow(10.0, -decades * (0.04 + 0.03 * (c % 8)));
        bool anyValidation = false;
        for (int i = 0; i < n; ++i) {
            const int k = m_outcome.resultIndex(c, i);
            if (k < 0)
                continue;
            const SweepRunResult& r = m_outcome.results[static_cast<std::size_t>(k)];
            if (r.diverged || !std::isfinite(r.finalLoss)) {
                divKeys << keys[i];
                divValues << crossY;
                continue;
            }
            loss[i] = shown(m_outcome.plottedLoss(r.finalLoss));
            val[i] = shown(r.validationLoss);
            anyValidation = anyValidation || std::isfinite(r.validationLoss);
        }

        QCPGraph* graph = m_curvePlot->addGraph();
        graph->setName(name);
        graph->setPen(QPen(colour, 2.0));
        graph->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 1.5), Qt::white, 7));
        graph->setData(keys, loss, true);
        m_lossGraphs.push_back(graph);

        QCPGraph* valGraph = nullptr;
        if (m_outcome.model && anyValidation) {
            valGraph = m_curvePlot->addGraph();
            valGraph->setName(SweepView::tr("validation loss (dashed)"));
            valGraph->setPen(QPen(colour, 1.6, Qt::DashLine));
            valGraph->setData(keys, val, true);
        }
        m_valGraphs.push_back(valGraph);

        QCPGraph* divGraph = m_curvePlot->addGraph();
        divGraph->setName(SweepView::tr("diverged"));
        divGraph->setLineStyle(QCPGraph::lsNone);
        divGraph->setScatterStyle(divergedStyle);
        divGraph->setData(divKeys, divValues, true);
        m_divergedGraphs.push_back(divGraph);

        // The ◆ sits on the curve that chose it: the dashed validation curve when the best run
        // is picked by validation loss. One curve: the legend names its rate too.
        QCPGraph* bestGraph = m_curvePlot->addGraph();
        const int best = m_outcome.bestIndex(c);
        bestGraph->setName(
            curves == 1 && best >= 0
                ? SweepView::tr("best LR %1 (%2)")
                      .arg(ScientificSpinBox::format(keys[best]), m_outcome.criterionText())
                : SweepView::tr("best LR (%1)").arg(m_outcome.criterionText()));
        bestGraph->setLineStyle(QCPGraph::lsNone);
        bestGraph->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.5), colour, 14));
        if (best >= 0)
            bestGraph->addData(keys[best], m_outcome.criterion == SweepCriterion::ValidationLoss
                                               ? val[best]
                                               : loss[best]);
        m_bestGraphs.push_back(bestGraph);
    }
    // Legend: the curves in order, then one entry each for the marks they share.
    m_curvePlot->legend->clearItems();
    for (QCPGraph* graph : m_lossGraphs)
        graph->addToLegend();
    for (QCPGraph* graph : m_valGraphs) {
        if (graph != nullptr) {
            graph->addToLegend();
            break;
        }
    }
    for (QCPGraph* graph : m_bestGraphs) {
        if (!graph->data()->isEmpty()) {
            graph->addToLegend();
            break;
        }
    }
    if (anyDiverged)
        m_divergedGraphs.front()->addToLegend();

    if (m_outcome.model)
        m_curvePlot->yAxis->setLabel(SweepView::tr("final training loss"));
    else if (m_outcome.floor == 0.0)
        m_curvePlot->yAxis->setLabel(SweepView::tr("final loss"));
    else
        m_curvePlot->yAxis->setLabel(
            SweepView::tr("final loss − f* (f* = %1)").arg(sweepNumber(m_outcome.floor)));
    if (n > 0)
        m_curvePlot->xAxis->setRange(keys.front() / 1.6, keys.back() * 1.6);
    m_curvePlot->yAxis->setRange(lower, upper);
    m_curveNote->setVisible(!anyFinite);
    m_curveNote->setText(SweepView::tr("Every run diverged: lower the learning rates."));
    m_curvePlot->replot(QCustomPlot::rpQueuedReplot);
}

void SweepPlots::showHeatMap()
{
    m_heatDiverged->data()->clear();
    m_heatBest->data()->clear();
    const int n = static_cast<int>(m_outcome.rates.size());
    const int rows = static_cast<int>(m_outcome.values.size());
    // One row adds nothing to the U-curve (and a one-row colour map has no value extent).
    if (m_outcome.key.isEmpty() || rows < 2 || n < 2) {
        m_heatMap->data()->clear();
        m_heatPlot->setVisible(false);
        return;
    }
    m_heatPlot->setVisible(true);
    const double x0 = std::log10(m_outcome.rates.front());
    const double x1 = std::log10(m_outcome.rates.back());
    QCPColorMapData* data = m_heatMap->data();
    data->setSize(n, rows);
    data->setRange(QCPRange(x0, x1), QCPRange(0, rows - 1));
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    double minPositive = std::numeric_limits<double>::infinity();
    for (const SweepRunResult& r : m_outcome.results) {
        const double v = m_outcome.plottedLoss(r.finalLoss);
        if (!r.diverged && std::isfinite(v) && v > 0)
            minPositive = std::min(minPositive, v);
    }
    const double zeroStandIn = std::isfinite(minPositive) ? minPositive / 10.0 : 1e-12;
    for (int j = 0; j < rows; ++j) {
        for (int i = 0; i < n; ++i) {
            const int k = m_outcome.resultIndex(j, i);
            const double x = std::log10(m_outcome.rates[static_cast<std::size_t>(i)]);
            double z = kNaN;
            if (k >= 0) {
                const SweepRunResult& r = m_outcome.results[static_cast<std::size_t>(k)];
                const double v = m_outcome.plottedLoss(r.finalLoss);
                if (!r.diverged && std::isfinite(v))
                    z = std::log10(v > 0 ? v : zeroStandIn);
            }
            data->setCell(i, j, z);
            if (std::isnan(z)) {
                m_heatDiverged->addData(x, j);
            } else {
                lo = std::min(lo, z);
                hi = std::max(hi, z);
            }
        }
        const int best = m_outcome.bestIndex(j);
        if (best >= 0)
            m_heatBest->addData(std::log10(m_outcome.rates[static_cast<std::size_t>(best)]), j);
    }
    if (!(lo <= hi)) {
        lo = 0;
        hi = 1;
    } else if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
    }
    m_heatMap->setDataRange(QCPRange(lo, hi));
    m_heatScale->axis()->setLabel(m_outcome.model || m_outcome.floor == 0.0
                                      ? SweepView::tr("log₁₀ final loss")
                                      : SweepView::tr("log₁₀(final − f*)"));

    // x: log10(lr) with ticks labelled as rates; y: one row per value, labelled by the value.
    const double half = 0.5 * (x1 - x0) / (n - 1);
    QSharedPointer<QCPAxisTickerText> xTicker(new QCPAxisTickerText);
    const int firstDecade = static_cast<int>(std::ceil(x0 - 1e-9));
    const int lastDecade = static_cast<int>(std::floor(x1 + 1e-9));
    if (lastDecade - firstDecade >= 1) {
        const int stride = std::max(1, (lastDecade - firstDecade + 1) / 6);
        for (int k = firstDecade; k <= lastDecade; k += stride)
            xTicker->addTick(k, rateLabel(std::pow(10.0, k)));
    } else {
        const int stride = std::max(1, n / 6);
        for (int i = 0; i < n; i += stride)
            xTicker->addTick(std::log10(m_outcome.rates[static_cast<std::size_t>(i)]),
                             rateLabel(m_outcome.rates[static_cast<std::size_t>(i)]));
    }
    m_heatPlot->xAxis->setTicker(xTicker);
    m_heatPlot->xAxis->setNumberFormat(QStringLiteral("g")); // show the labels as written
    m_heatPlot->xAxis->setRange(x0 - half, x1 + half);
    QSharedPointer<QCPAxisTickerText> yTicker(new QCPAxisTickerText);
    for (int j = 0; j < rows; ++j)
        yTicker->addTick(j, m_outcome.values.value(j));
    m_heatPlot->yAxis->setTicker(yTicker);
    m_heatPlot->yAxis->setRange(-0.5, rows - 0.5);
    m_heatPlot->yAxis->setLabel(m_outcome.key);
    m_heatPlot->replot(QCustomPlot::rpQueuedReplot);
}

void SweepPlots::fillTable()
{
    QStringList headers{
        SweepView::tr("lr"),        m_outcome.key.isEmpty() ? SweepView::tr("vary") : m_outcome.key,
        SweepView::tr("status"),    SweepView::tr("diverged"),
        SweepView::tr("steps"),     SweepView::tr("final loss"),
        SweepView::tr("best loss"), SweepView::tr("val loss"),
        SweepView::tr("val acc"),   SweepView::tr("steps to target")};
    std::vector<QStringList> rows;
    std::vector<QColor> colours;
    for (const SweepRunResult& r : m_outcome.results) {
        rows.push_back({ScientificSpinBox::format(r.learningRate),
                        QString::fromStdString(r.varyValue),
                        QString::fromStdString(runStatusName(r.status)),
                        r.diverged ? SweepView::tr("yes") : SweepView::tr("no"),
                        QString::number(r.steps), sweepNumber(r.finalLoss), sweepNumber(r.bestLoss),
                        sweepNumber(r.validationLoss), sweepNumber(r.validationAccuracy),
                        r.stepsToTarget >= 0 ? QString::number(r.stepsToTarget) : QString()});
        colours.push_back(r.diverged ? alarmColour() : QColor());
    }
    setTableRows(m_table, headers, rows, colours);
}

QCPGraph* SweepPlots::lossGraph(int curve) const
{
    return curve >= 0 && curve < curveCount() ? m_lossGraphs[static_cast<std::size_t>(curve)]
                                              : nullptr;
}

QCPGraph* SweepPlots::validationGraph(int curve) const
{
    return curve >= 0 && curve < curveCount() ? m_valGraphs[static_cast<std::size_t>(curve)]
                                              : nullptr;
}

QCPGraph* SweepPlots::divergedGraph(int curve) const
{
    return curve >= 0 && curve < curveCount() ? m_divergedGraphs[static_cast<std::size_t>(curve)]
                                              : nullptr;
}

QCPGraph* SweepPlots::bestGraph(int curve) const
{
    return curve >= 0 && curve < curveCount() ? m_bestGraphs[static_cast<std::size_t>(curve)]
                                              : nullptr;
}

bool SweepPlots::cellAt(const QPoint& pos, int& lrIndex, int& valueIndex) const
{
    if (!m_heatPlot->isVisible() || m_heatMap->data()->isEmpty())
        return false;
    if (!m_heatPlot->axisRect()->rect().contains(pos))
        return false;
    const double key = m_heatPlot->xAxis->pixelToCoord(pos.x());
    const double value = m_heatPlot->yAxis->pixelToCoord(pos.y());
    m_heatMap->data()->coordToCell(key, value, &lrIndex, &valueIndex);
    return lrIndex >= 0 && lrIndex < m_heatMap->data()->keySize() && valueIndex >= 0 &&
           valueIndex < m_heatMap->data()->valueSize();
}

bool SweepPlots::pointAt(const QPoint& pos, int& curve, int& lrIndex) const
{
    // Loss, validation and diverged graphs of each curve in turn: the nearest point wins.
    std::vector<QCPGraph*> graphs;
    for (int c = 0; c < curveCount(); ++c)
        for (QCPGraph* g : {lossGraph(c), validationGraph(c), divergedGraph(c)})
            graphs.push_back(g);
    const PickedPoint picked = pickPoint(graphs, pos);
    const int index = picked.found() ? indexOfKey(m_outcome.rates, picked.key) : -1;
    if (index < 0)
        return false;
    curve = picked.graph / 3;
    lrIndex = index;
    return true;
}

} // namespace lrlab
