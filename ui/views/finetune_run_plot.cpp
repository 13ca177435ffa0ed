#include "ui/views/finetune_run_plot.h"

#include "ui/plots/plot_interaction.h"
#include "ui/plots/plot_style.h"
#include "ui/views/finetune_outcome.h"
#include "ui/views/finetune_summary.h"
#include "ui/views/finetune_view.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

FineTuneRunPlot::FineTuneRunPlot(QWidget* parent) : QCustomPlot(parent)
{
    setObjectName(QStringLiteral("finetuneRunCurves"));
    setMinimumSize(260, 230); // the legend below takes two rows
    m_title = addTitle(this, FineTuneView::tr("One run's curves"));
    styleAxes(this, FineTuneView::tr("step"), FineTuneView::tr("loss"));
    setLogAxis(yAxis);
    yAxis2->setVisible(true);
    yAxis2->setLabel(FineTuneView::tr("validation accuracy (%)"));
    yAxis2->setRange(0, 102);
    putLegendBelow(this, 4);
    setToolTip(FineTuneView::tr(
        "The clicked run step by step. Thin: the minibatch training loss of every update "
        "(noisy: 32 images at a time). Thick: the target validation loss. Right axis: target "
        "(solid) and source (dashed) validation accuracy at the evaluation steps — watch "
        "the source accuracy drop while the target rises when the rate is large."));
    m_loss = addGraph();
    m_loss->setName(FineTuneView::tr("training loss (minibatch)"));
    m_valLoss = addGraph();
    m_valLoss->setName(FineTuneView::tr("target validation loss"));
    m_targetAcc = addGraph(xAxis, yAxis2);
    m_targetAcc->setName(FineTuneView::tr("target accuracy"));
    m_sourceAcc = addGraph(xAxis, yAxis2);
    m_sourceAcc->setName(FineTuneView::tr("source accuracy"));
    m_note = addPlotNote(this);
    PlotInteraction::attach(this);
}

void FineTuneRunPlot::clearRun(int steps)
{
    for (QCPGraph* g : {m_loss, m_valLoss, m_targetAcc, m_sourceAcc})
        g->data()->clear();
    m_title->setText(FineTuneView::tr("One run's curves"));
    m_note->setText(FineTuneView::tr("Click a point above to see that run's curves."));
    m_note->setVisible(true);
    xAxis->setRange(0, std::max(1, steps));
    yAxis->setRange(0.01, 10.0);
    replot(rpQueuedReplot);
}

void FineTuneRunPlot::showRun(const FineTuneResult& r, int steps)
{
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    const QColor colour = fineTuneMethodColour(r.method);
    QColor light = colour;
    light.setAlpha(110);
    m_loss->setPen(QPen(light, 1.0));
    m_valLoss->setPen(QPen(colour.darker(120), 2.4));
    m_valLoss->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour.darker(120), 1.5), Qt::white, 6));
    m_targetAcc->setPen(QPen(QColor(40, 40, 40), 1.8));
    m_sourceAcc->setPen(QPen(QColor(40, 40, 40), 1.8, Qt::DashLine));

    // Non-finite losses (a diverging run) become gaps: a log axis cannot show them.
    const auto finite = [](double v) { return std::isfinite(v) && v > 0 ? v : kNaN; };
    QVector<double> rows;
    QVector<double> loss;
    rows.reserve(static_cast<int>(r.loss.size()));
    loss.reserve(static_cast<int>(r.loss.size()));
    double lo = std::numeric_limits<double>::infinity();
    double hi = 0.0;
    for (std::size_t k = 0; k < r.loss.size(); ++k) {
        rows << static_cast<double>(k);
        loss << finite(r.loss[k]);
        if (std::isfinite(loss.back())) {
            lo = std::min(lo, loss.back());
            hi = std::max(hi, loss.back());
        }
    }
    m_loss->setData(rows, loss, true);
    QVector<double> evalSteps;
    QVector<double> valLoss;
    QVector<double> targetAcc;
    QVector<double> sourceAcc;
    for (std::size_t k = 0; k < r.evalRows.size(); ++k) {
        evalSteps << r.evalRows[k];
        valLoss << finite(r.targetValLoss[k]);
        targetAcc << 100.0 * r.targetValAccuracy[k];
        sourceAcc << 100.0 * r.sourceValAccuracy[k];
        if (std::isfinite(valLoss.back())) {
            lo = std::min(lo, valLoss.back());
            hi = std::max(hi, valLoss.back());
        }
    }
    m_valLoss->setData(evalSteps, valLoss, true);
    m_targetAcc->setData(evalSteps, targetAcc, true);
    m_sourceAcc->setData(evalSteps, sourceAcc, true);
    m_title->setText(FineTuneView::tr("%1 · lr %2 · %3 images%4")
                         .arg(fineTuneMethodLabel(r.method), formatFineTuneRate(r.learningRate))
                         .arg(r.trainSize)
                         .arg(r.diverged ? FineTuneView::tr(" · diverged") : QString()));
    m_note->setVisible(r.loss.empty());
    m_note->setText(FineTuneView::tr("No curves for this run."));
    xAxis->setRange(0, std::max(1, std::max(r.steps, steps)));
    if (hi > 0.0)
        yAxis->setRange(lo / 1.5, hi * 1.5);
    replot(rpQueuedReplot);
}

} // namespace lrlab
