#include "ui/explorer/curve_plots.h"

#include "core/schedules/schedule.h"
#include "ui/compare/compare_painter.h"
#include "ui/compare/pinned_runs.h"
#include "ui/controls/scientific_spin_box.h"
#include "ui/plots/legend_placement.h"
#include "ui/plots/plot_interaction.h"
#include "ui/plots/plot_style.h"

#include <QFontMetrics>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

namespace {

QVector<double> toVector(const std::vector<double>& values)
{
    return QVector<double>(values.begin(), values.end());
}

} // namespace

CurvePlots::CurvePlots(QWidget* parent) : QObject(parent)
{
    build(parent);
}

void CurvePlots::build(QWidget* parent)
{
    m_lossPlot = new QCustomPlot(parent);
    m_lossPlot->setObjectName(QStringLiteral("lossPlot"));
    m_lossTitle = addTitle(m_lossPlot, tr("Loss  f − f*  (log scale)"));
    styleAxes(m_lossPlot, tr("step"), tr("f − f*"));
    setLogAxis(m_lossPlot->yAxis);
    styleLegend(m_lossPlot, Qt::AlignTop | Qt::AlignRight, LegendDensity::Compact);
    fitLossMinimum(); // the lesson's claims are read here: never a sliver
    connect(m_lossPlot, &QCustomPlot::beforeReplot, this, &CurvePlots::fitLossMinimum);
    m_smoothGraph = m_lossPlot->addGraph();
    m_smoothGraph->setName(tr("smoothed (EMA)"));
    m_smoothGraph->setPen(QPen(QColor(30, 90, 180), 2.2));
    m_validationGraph = m_lossPlot->addGraph();
    m_validationGraph->setName(tr("validation"));
    m_validationGraph->setPen(QPen(QColor(213, 94, 0), 2.0));
    m_validationGraph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(213, 94, 0), 1.5), Qt::white, 6));
    m_smoothGraph->removeFromLegend();
    m_validationGraph->removeFromLegend();
    m_divergenceLine = new QCPItemStraightLine(m_lossPlot);
    m_divergenceLine->setPen(QPen(alarmColour(), 1.5, Qt::DashLine));
    m_divergenceLine->setVisible(false);
    m_divergenceText = new QCPItemText(m_lossPlot);
    m_divergenceText->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_divergenceText->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_divergenceText->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    m_divergenceText->setColor(alarmColour());
    QFont bold = m_lossPlot->font();
    bold.setBold(true);
    m_divergenceText->setFont(bold);
    m_divergenceText->setVisible(false);

    m_accuracyPlot = new QCustomPlot(parent);
    m_accuracyPlot->setObjectName(QStringLiteral("accuracyPlot"));
    fitAccuracyMinimum();
    // View ▸ text size rescales the plot's fonts and replots it: the minimum follows.
    connect(m_accuracyPlot, &QCustomPlot::beforeReplot, this, &CurvePlots::fitAccuracyMinimum);
    m_accuracyPlot->setToolTip(tr("Accuracy on the validation rows (held out from training), "
                                  "measured every eval_every steps."));
    addTitle(m_accuracyPlot, tr("Validation accuracy"));
    styleAxes(m_accuracyPlot, tr("step"), tr("accuracy"));
    m_accuracyGraph = m_accuracyPlot->addGraph();
    m_accuracyGraph->setPen(QPen(QColor(0, 114, 178), 2));
    m_accuracyGraph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0, 114, 178), 1.5), Qt::white, 5));
    m_accuracyPlot->yAxis->setRange(0, 1);
    m_accuracyPlot->yAxis->ticker()->setTickCount(3);
    m_accuracyPlot->setVisible(false);

    m_lrPlot = makeTitledPlot(parent, QStringLiteral("schedulePlot"), QSize(320, 90),
                              tr("Learning-rate schedule"), tr("step"), tr("learning rate"));
    fitScheduleMinimum();
    connect(m_lrPlot, &QCustomPlot::beforeReplot, this, &CurvePlots::fitScheduleMinimum);
    m_lrGraph = m_lrPlot->addGraph();
    m_lrGraph->setName(tr("schedule"));
    m_lrGraph->setPen(QPen(QColor(40, 140, 70), 2));
    m_lrGraph->setBrush(QColor(40, 140, 70, 40));
    m_lrGraph->removeFromLegend();
    m_lrLimitLine = new QCPItemStraightLine(m_lrPlot);
    m_lrLimitLine->setPen(QPen(alarmColour(), 1.5, Qt::DashLine));
    m_lrLimitText = new QCPItemText(m_lrPlot);
    m_lrLimitText->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_lrLimitText->position->setTypeY(QCPItemPosition::ptPlotCoords);
    m_lrLimitText->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_lrLimitText->setColor(alarmColour());
    m_lrLimitText->setBrush(QColor(255, 255, 255, 200)); // readable over the curve
    // The schedule plot needs no legend: its runs are named on the other two.
    m_lrPlot->legend->setVisible(false);
    // The legends and labels keep off the curves, re-placed on every replot.
    LegendPlacement::of(m_lossPlot)->addLabel(m_divergenceText, [this] {
        const double step = m_divergenceText->position->coords().x();
        const Qt::Alignment first =
            m_divergenceText->positionAlignment() & Qt::AlignHorizontal_Mask;
        const Qt::Alignment second = first == Qt::AlignLeft ? Qt::AlignRight : Qt::AlignLeft;
        std::vector<LabelSpot> spots;
        for (const auto& [y, vertical] :
             {std::pair{0.03, Qt::AlignTop}, std::pair{0.5, Qt::AlignVCenter},
              std::pair{0.97, Qt::AlignBottom}})
            for (const Qt::Alignment horizontal : {first, second})
                spots.push_back(LabelSpot{QPointF(step, y), horizontal | vertical});
        return spots;
    });
    LegendPlacement::of(m_lrPlot)->addLabel(
        m_lrLimitText,
        [this] {
            const double top = m_lrPlot->yAxis->range().upper;
            const bool near = m_stableLimit < top;
            // Near: just above or below the line; far above: under the plot's top edge.
            std::vector<LabelSpot> spots;
            const std::vector<Qt::Alignment> sides =
                near ? std::vector<Qt::Alignment>{Qt::AlignBottom, Qt::AlignTop}
                     : std::vector<Qt::Alignment>{Qt::AlignTop};
            for (const Qt::Alignment vertical : sides)
                for (const auto& [x, horizontal] :
                     {std::pair{0.98, Qt::AlignRight}, std::pair{0.02, Qt::AlignLeft},
                      std::pair{0.5, Qt::AlignHCenter}})
                    spots.push_back(
                        LabelSpot{QPointF(x, near ? m_stableLimit : top), horizontal | vertical});
            // When the runs crowd the line, the label goes where the plot is free (same colour).
            const QCPRange range = m_lrPlot->yAxis->range();
            for (const double height : {0.5, 0.3, 0.7, 0.1, 0.9})
                for (const auto& [x, horizontal] :
                     {std::pair{0.98, Qt::AlignRight}, std::pair{0.02, Qt::AlignLeft}})
                    spots.push_back(LabelSpot{QPointF(x, range.lower + height * range.size()),
                                              horizontal | Qt::AlignVCenter});
            return spots;
        },
        [this] {
            // Where the whole text covers the runs everywhere: the limit alone, then nothing.
            const QString limit = ScientificSpinBox::format(m_stableLimit);
            return QStringList{m_stableLimit < m_lrPlot->yAxis->range().upper
                                   ? tr("limit %1").arg(limit)
                                   : tr("limit %1 ↑").arg(limit)};
        });
    // Nine runs of thousands of points on three plots: joining wide polylines (QStroker angles)
    // dominated a repaint; fast polylines draw the segments without join geometry.
    for (QCustomPlot* plot : {m_lossPlot, m_accuracyPlot, m_lrPlot})
        plot->setPlottingHints(plot->plottingHints() | QCP::phFastPolylines);
    // Zoom, reset and log/linear on each; the ranges below are the automatic ones, so a zoom
    // survives the chunks of a running run until Reset view.
    m_lossZoom = PlotInteraction::attach(m_lossPlot);
    m_accuracyZoom = PlotInteraction::attach(m_accuracyPlot);
    m_lrZoom = PlotInteraction::attach(m_lrPlot);
    // The loss axis fits the steps in view: zoomed onto the first steps, their jumps fill it.
    const auto refitLoss = [this] { rescaleLoss(m_diverged, m_divergedAt); };
    connect(m_lossZoom, &PlotInteraction::scaleChanged, this, &CurvePlots::updateLossTitle);
    connect(m_lossZoom, &PlotInteraction::scaleChanged, this, refitLoss);
    connect(m_lossZoom, &PlotInteraction::zoomed, this, refitLoss);
    connect(m_lossZoom, &PlotInteraction::viewReset, this, refitLoss);
    connect(m_accuracyZoom, &PlotInteraction::scaleChanged, this, &CurvePlots::rescaleAccuracy);
    connect(m_lrZoom, &PlotInteraction::scaleChanged, this, &CurvePlots::rescaleLearningRate);
}

int CurvePlots::lossDrawingMinimum() const
{
    // Also room for the legend inside in one column, so its entries are never cut to columns.
    const QCPLegend* legend = m_lossPlot->legend;
    const int line = QFontMetrics(legend->font()).height();
    int entries = 0;
    for (int i = 0; i < legend->itemCount(); ++i)
        entries += legend->item(i) != nullptr;
    const int row = std::max(line, legend->iconSize().height()) + std::max(0, legend->rowSpacing());
    const int column = entries * row + legend->margins().top() + legend->margins().bottom() + 8;
    return std::max({kLossDrawingHeight, kLossDrawingLines * line, column});
}

void CurvePlots::fitLossMinimum()
{
    // The title, the axes' margins and a legend row above at the current fonts, plus the
    // drawing's own minimum: at larger text the plot grows (the column scrolls) instead of
    // squashing its drawing.
    QCPLayoutGrid* layout = m_lossPlot->plotLayout();
    int around = 0;
    for (int row = 0; row < layout->rowCount(); ++row)
        if (layout->hasElement(row, 0) && layout->element(row, 0) != m_lossPlot->axisRect())
            around += layout->element(row, 0)->minimumOuterSizeHint().height();
    const QMargins margins = m_lossPlot->axisRect()->margins();
    const int height = around + margins.top() + margins.bottom() + lossDrawingMinimum() + 8;
    m_lossPlot->setMinimumSize(320, std::max(height, 170));
}

void CurvePlots::fitAccuracyMinimum()
{
    // The title, the tick labels and the axis label take about five lines of text; the rest
    // is the drawing, tall enough to tell 0.9 from 1.0.
    const int line = QFontMetrics(m_accuracyPlot->xAxis->tickLabelFont()).height();
    m_accuracyPlot->setMinimumSize(320, kAccuracyDrawingHeight + 5 * line + 20);
}

void CurvePlots::fitScheduleMinimum()
{
    // The title, the axes' margins (tick labels, axis label) at the plot's current fonts and the
    // drawing's own minimum: at larger text the plot grows instead of squashing its title.
    const int layout = m_lrPlot->plotLayout()->minimumOuterSizeHint().height();
    m_lrPlot->setMinimumSize(320, std::max(layout, 90));
}

void CurvePlots::prepare(const RunConfig& config, ConfigChanges what)
{
    m_config = config;
    const bool model = isModelType(config.problem.type);
    if (what & ConfigChange::Problem) {
        updateLossTitle();
        m_lossPlot->yAxis->setLabel(model ? tr("loss") : tr("f − f*"));
        m_accuracyPlot->setVisible(model);
        if (!model)
            showModelCurves(ModelCurves{});
        // Another problem: a zoom into the old one means nothing.
        for (PlotInteraction* zoom : {m_lossZoom, m_accuracyZoom, m_lrZoom})
            zoom->resetView();
    }
    drawSchedulePreview();
}

void CurvePlots::updateLossTitle()
{
    const bool model = isModelType(m_config.problem.type);
    if (m_lossZoom->logScale())
        m_lossTitle->setText(model ? tr("Loss (log scale)") : tr("Loss  f − f*  (log scale)"));
    else
        m_lossTitle->setText(model ? tr("Loss (linear scale)")
                                   : tr("Loss  f − f*  (linear scale)"));
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlots::setStableLimit(double limit)
{
    m_stableLimit = limit;
    drawSchedulePreview();
}

void CurvePlots::drawSchedulePreview()
{
    const int n = m_config.steps + 1; // rows 0..steps, as in the trace
    QVector<double> steps(n), rates(n);
    double highest = 0.0;
    for (int t = 0; t < n; ++t) {
        steps[t] = t;
        rates[t] = learningRateAt(m_config.schedule, t);
        if (std::isfinite(rates[t]))
            highest = std::max(highest, rates[t]);
    }
    m_lrGraph->setData(steps, rates, true);
    double top = highest > 0.0 ? highest * 1.15 : 1.0;
    const bool limitShown = std::isfinite(m_stableLimit) && m_stableLimit > 0.0;
    m_lrLimitLine->setVisible(limitShown);
    m_lrLimitText->setVisible(limitShown);
    if (limitShown) {
        const bool near = m_stableLimit < 4.0 * highest;
        if (near)
            top = std::max(top, m_stableLimit * 1.15);
        m_lrLimitLine->point1->setCoords(0, m_stableLimit);
        m_lrLimitLine->point2->setCoords(1, m_stableLimit);
        m_lrLimitText->position->setCoords(0.98, near ? m_stableLimit : top);
        m_lrLimitText->setPositionAlignment(Qt::AlignRight |
                                            (near ? Qt::AlignBottom : Qt::AlignTop));
        const QString limit = ScientificSpinBox::format(m_stableLimit);
        // The theory's limit is SGD's: for adaptive optimizers a grey reference, not an alarm.
        const bool reference = m_config.optimizer.type != "sgd";
        const QColor colour = reference ? QColor(120, 120, 120) : alarmColour();
        m_lrLimitLine->setPen(QPen(colour, 1.5, Qt::DashLine));
        m_lrLimitText->setColor(colour);
        if (reference)
            m_lrLimitText->setText(near ? tr("SGD's limit %1 (reference)").arg(limit)
                                        : tr("SGD's limit %1 (reference, far above)").arg(limit));
        else
            m_lrLimitText->setText(near ? tr("stable limit %1").arg(limit)
                                        : tr("stable limit %1 (far above)").arg(limit));
    }
    m_previewTop = top;
    rescaleLearningRate();
}

void CurvePlots::showModelCurves(const ModelCurves& curves)
{
    m_smoothGraph->setData(toVector(curves.smoothedSteps), toVector(curves.smoothed), true);
    m_validationGraph->setData(toVector(curves.validationSteps), toVector(curves.validationLoss),
                               true);
    m_accuracyGraph->setData(toVector(curves.accuracySteps), toVector(curves.accuracy), true);
    for (QCPGraph* graph : {m_smoothGraph, m_validationGraph}) {
        const bool listed = m_lossPlot->legend->hasItemWithPlottable(graph);
        if (graph->dataCount() > 0 && !listed)
            graph->addToLegend();
        else if (graph->dataCount() == 0 && listed)
            graph->removeFromLegend();
    }
    // Pinned runs draw the series the current run shows (their moving average only beside it).
    if (m_painter)
        m_painter->setSmoothedShown(!curves.smoothed.empty());
    m_accuracySteps = std::max(1, curves.steps);
    rescaleAccuracy();
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlots::showDivergence(int step, int steps)
{
    const bool diverged = step >= 0;
    m_divergenceLine->setVisible(diverged);
    m_divergenceText->setVisible(diverged);
    if (!diverged)
        return;
    m_divergenceLine->point1->setCoords(step, 1.0);
    m_divergenceLine->point2->setCoords(step, 2.0);
    m_divergenceText->position->setCoords(step, 0.03);
    m_divergenceText->setText(tr("diverged at step %1").arg(step) + QStringLiteral(" "));
    m_divergenceText->setPositionAlignment((step > steps / 2 ? Qt::AlignRight : Qt::AlignLeft) |
                                           Qt::AlignTop);
}

void CurvePlots::runsChanged(bool currentIsModel, bool currentDiverged, int divergedAt)
{
    // A model's minibatch loss is noise around the trend: a thin pale line under the smoothed
    // curve reads better than the painter's bold current-run pen.
    QCPGraph* loss = m_painter->lossGraph(PinnedRuns::kCurrentId);
    if (loss && currentIsModel) {
        loss->setPen(QPen(QColor(150, 150, 150, 170), 1.0));
        loss->setName(tr("minibatch (current)"));
    }
    m_lrPlot->legend->setVisible(false);
    rescaleLoss(currentDiverged, divergedAt);
    rescaleLearningRate();
}

void CurvePlots::rescaleAccuracy()
{
    double lo = 0.0, hi = 1.02;
    const QCPGraphDataContainer& data = *m_accuracyGraph->data();
    if (!data.isEmpty()) {
        const auto lowest = std::min_element(
            data.constBegin(), data.constEnd(),
            [](const QCPGraphData& a, const QCPGraphData& b) { return a.value < b.value; });
        double lowestShown = lowest->value;
        // Pinned runs' accuracy is drawn on the same axis: keep it in view.
        if (m_painter)
            for (const ShownRun& run : m_painter->runs())
                for (const double a : run.record->validationAccuracy)
                    if (std::isfinite(a))
                        lowestShown = std::min(lowestShown, a);
        lo = std::max(0.0, std::floor(lowestShown * 10.0) / 10.0 - 0.05);
    }
    if (m_accuracyZoom->logScale())
        lo = std::max(lo, 0.01);
    m_accuracyZoom->setAutomaticRanges(QCPRange(0, m_accuracySteps), QCPRange(lo, hi));
    m_accuracyPlot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlots::rescaleLoss(bool diverged, int divergedAt)
{
    m_diverged = diverged;
    m_divergedAt = divergedAt;
    int steps = std::max(1, m_config.steps);
    const std::vector<ShownRun>& runs = m_painter->runs();
    for (const ShownRun& run : runs)
        steps = std::max(steps, run.record->config.steps);
    // A run that blew up in a few steps would be a sliver at the left edge: zoom onto it.
    const QCPRange keys = diverged && runs.size() == 1
                              ? QCPRange(0, std::max(10.0, 1.25 * divergedAt))
                              : QCPRange(0, steps);
    // The losses of the steps in view: the user's zoom, else the automatic steps.
    const QCPRange window = m_lossZoom->keyZoomed() ? m_lossPlot->xAxis->range() : keys;
    double lo = std::numeric_limits<double>::infinity(), hi = 0.0, first = 0.0;
    for (const ShownRun& run : runs) {
        const RunRecord& r = *run.record;
        for (int row = 0; row < r.rows(); ++row) {
            const double v = r.loss[static_cast<std::size_t>(row)] - r.lossOffset;
            if (!std::isfinite(v))
                break;
            const double g = std::max(v, 1e-16);
            if (row == 0 && run.current)
                first = g;
            if (!window.contains(row))
                continue;
            lo = std::min(lo, g);
            hi = std::max(hi, g);
        }
        for (std::size_t i = 0; i < r.validationLoss.size() && i < r.evalRows.size(); ++i) {
            const double v = r.validationLoss[i];
            if (std::isfinite(v) && v > 0.0 && window.contains(r.evalRows[i])) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    QCPRange values = m_lossPlot->yAxis->range();
    if (std::isfinite(lo) && m_lossZoom->logScale()) {
        double top = hi * 3.0;
        if (diverged) // keep the descent readable, not 1e300
            top = std::min(top, std::max(first, 1.0) * 1e8);
        values = QCPRange(std::max(lo / 3.0, 1e-17), std::max(top, lo * 10));
    } else if (std::isfinite(lo)) {
        // Linear: from 0 (losses are >= 0), so a jump reads against the whole height.
        double top = hi * 1.05;
        if (diverged)
            top = std::min(top, std::max(first, 1.0) * 10.0);
        values = QCPRange(0.0, top > 0.0 ? top : 1.0);
    }
    m_lossZoom->setAutomaticRanges(keys, values);
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlots::rescaleLearningRate()
{
    // The preview sets the scale; pinned runs with larger rates or more steps widen it.
    double top = m_previewTop;
    double lowest = std::numeric_limits<double>::infinity(); // for a log axis
    for (auto it = m_lrGraph->data()->constBegin(); it != m_lrGraph->data()->constEnd(); ++it)
        if (it->value > 0.0)
            lowest = std::min(lowest, it->value);
    int steps = m_config.steps;
    if (m_painter)
        for (const ShownRun& run : m_painter->runs()) {
            for (const double lr : run.record->learningRate)
                if (std::isfinite(lr)) {
                    top = std::max(top, lr * 1.05);
                    if (lr > 0.0)
                        lowest = std::min(lowest, lr);
                }
            steps = std::max(steps, run.record->lastRow());
        }
    top = top > 0.0 ? top : 1.0;
    const double bottom = !m_lrZoom->logScale()   ? 0.0
                          : std::isfinite(lowest) ? lowest / 1.5
                                                  : top * 1e-3;
    m_lrZoom->setAutomaticRanges(QCPRange(0, std::max(1, steps)), QCPRange(bottom, top));
    m_lrPlot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace lrlab
