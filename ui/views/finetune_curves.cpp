#include "ui/views/finetune_curves.h"

#include "ui/plots/plot_style.h"
#include "ui/plots/point_picking.h"
#include "ui/views/finetune_outcome.h"
#include "ui/views/finetune_summary.h"
#include "ui/views/finetune_view.h"
#include "ui/views/view_helpers.h"

#include <QStringList>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QColor kReferenceColor(110, 110, 110);

} // namespace

FineTuneCurves::FineTuneCurves(const FineTuneOutcome& outcome, QWidget* parent)
    : QObject(parent), m_outcome(outcome)
{
    buildAccuracy(parent);
    buildForgetting(parent);
    buildMethodGraphs();
    buildSizes(parent);
}

void FineTuneCurves::buildAccuracy(QWidget* parent)
{
    m_accPlot = makeTitledPlot(parent, QStringLiteral("finetuneAccuracy"), QSize(260, 170),
                               FineTuneView::tr("Validation accuracy against learning rate"),
                               FineTuneView::tr("learning rate"),
                               FineTuneView::tr("validation accuracy (%)"));
    setLogAxis(m_accPlot->xAxis);
    m_accPlot->yAxis->setRange(0, 102);
    putLegendBelow(m_accPlot, 4);
    m_accPlot->setToolTip(FineTuneView::tr(
        "Each point is one complete fine-tuning run at that learning rate.\n"
        "• Solid: accuracy on the target (shifted) task — what fine-tuning is for.\n"
        "• Dashed, same colour: accuracy on the original source task — what it keeps.\n"
        "• Grey: the pre-trained model before fine-tuning.\n"
        "Too small a rate barely moves the model (target stays near the grey line); too "
        "large destroys it (source falls, then target too). ◆ marks each method's best "
        "target accuracy. Click a point to see that run's loss curves."));
    m_accNote = addPlotNote(m_accPlot);
    addRunInteraction(m_accPlot);
}

void FineTuneCurves::buildForgetting(QWidget* parent)
{
    m_forgetPlot = makeTitledPlot(parent, QStringLiteral("finetuneForgetting"), QSize(220, 170),
                                  FineTuneView::tr("Forgetting: source accuracy lost"),
                                  FineTuneView::tr("learning rate"),
                                  FineTuneView::tr("points lost on the source task"));
    setLogAxis(m_forgetPlot->xAxis);
    keepLastRateLabelInside(m_forgetPlot);
    m_forgetPlot->legend->setVisible(true);
    styleLegend(m_forgetPlot, Qt::AlignTop | Qt::AlignLeft);
    m_forgetPlot->setToolTip(FineTuneView::tr(
        "Forgetting = the pre-trained model's source validation accuracy minus the accuracy "
        "after fine-tuning, in percentage points: the gap between the grey line and the "
        "dashed curves on the left, shaded. Near zero at small rates; large rates overwrite "
        "what pre-training learned. LoRA and head-only freeze most weights, so they can "
        "forget less. Click a point to see that run."));
    addRunInteraction(m_forgetPlot);
}

void FineTuneCurves::buildMethodGraphs()
{
    for (FineTuneMethod m : kFineTuneMethods) {
        const QColor colour = fineTuneMethodColour(m);
        const int s = methodIndex(m);
        QCPGraph* target = m_accPlot->addGraph();
        target->setName(FineTuneView::tr("%1 (target)").arg(fineTuneMethodLabel(m)));
        target->setPen(QPen(colour, 2.2));
        target->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 1.5), Qt::white, 7));
        m_targetGraphs[s] = target;
        QCPGraph* source = m_accPlot->addGraph();
        source->setName(FineTuneView::tr("source task (dashed)"));
        source->setPen(QPen(colour, 1.6, Qt::DashLine));
        source->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 1.2), Qt::white, 5));
        m_sourceGraphs[s] = source;
        QCPGraph* diverged = m_accPlot->addGraph();
        diverged->setName(FineTuneView::tr("diverged"));
        diverged->setLineStyle(QCPGraph::lsNone);
        diverged->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCross, QPen(alarmColour(), 2.0), Qt::NoBrush, 10));
        m_divergedGraphs[s] = diverged;
        QCPGraph* best = m_accPlot->addGraph();
        best->setName(FineTuneView::tr("best LR"));
        best->setLineStyle(QCPGraph::lsNone);
        best->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.5), colour, 15));
        m_bestGraphs[s] = best;
        auto* label = new QCPItemText(m_accPlot);
        label->setColor(colour.darker(115));
        QFont font = m_accPlot->font();
        font.setBold(true);
        label->setFont(font);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setBrush(QColor(255, 255, 255, 220));
        label->setPen(QPen(colour, 1.0));
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setClipToAxisRect(true);
        label->setVisible(false);
        m_bestLabels[s] = label;
        auto* drop = new QCPItemLine(m_accPlot);
        drop->setPen(QPen(colour, 1.2, Qt::DotLine));
        drop->setClipToAxisRect(true);
        drop->setVisible(false);
        m_bestDrops[s] = drop;

        QCPGraph* forget = m_forgetPlot->addGraph();
        forget->setName(fineTuneMethodLabel(m));
        forget->setPen(QPen(colour, 2.0));
        QColor fill = colour;
        fill.setAlpha(45);
        forget->setBrush(fill); // filled down to zero: the lost accuracy as an area
        forget->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 1.5), Qt::white, 6));
        m_forgetGraphs[s] = forget;
    }
    m_preSourceGraph = m_accPlot->addGraph();
    m_preSourceGraph->setName(FineTuneView::tr("pre-trained, source"));
    m_preSourceGraph->setPen(QPen(kReferenceColor, 1.5, Qt::DashLine));
    m_preTargetGraph = m_accPlot->addGraph();
    m_preTargetGraph->setName(FineTuneView::tr("pre-trained, target"));
    m_preTargetGraph->setPen(QPen(kReferenceColor, 1.5, Qt::DotLine));
    m_selectedMark = m_accPlot->addGraph();
    m_selectedMark->setName(FineTuneView::tr("shown below"));
    m_selectedMark->setLineStyle(QCPGraph::lsNone);
    m_selectedMark->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2.0), Qt::NoBrush, 16));
}

void FineTuneCurves::buildSizes(QWidget* parent)
{
    m_sizePlot =
        makeTitledPlot(parent, QStringLiteral("finetuneSizes"), QSize(220, 170),
                       FineTuneView::tr("Best LR against training-set size"),
                       FineTuneView::tr("training images"), FineTuneView::tr("best learning rate"));
    setLogAxis(m_sizePlot->xAxis);
    m_sizePlot->xAxis->setNumberFormat(QStringLiteral("g"));
    setLogAxis(m_sizePlot->yAxis);
    putLegendBelow(m_sizePlot, 3);
    m_sizePlot->setToolTip(FineTuneView::tr(
        "Each point is the best rate of one method at one training-set size (the sweep "
        "repeated per size). The quoted rule: less data → noisier gradients → a smaller LR, "
        "so the lines should rise to the right. Click a point to show that size above."));
    addPointInteraction(
        m_sizePlot,
        [this](const QPoint& pos) {
            int sizeIndex = 0;
            if (!sizePointAt(pos, sizeIndex))
                return QString();
            const int size = m_outcome.trainSizes[static_cast<std::size_t>(sizeIndex)];
            QStringList lines{FineTuneView::tr("%1 training images").arg(size)};
            for (FineTuneMethod m : m_outcome.methods)
                lines << FineTuneView::tr("%1: best lr %2")
                             .arg(fineTuneMethodLabel(m),
                                  formatFineTuneRate(m_outcome.bestLearningRate(m, size)));
            lines << FineTuneView::tr("click to show this size above");
            return lines.join(QLatin1Char('\n'));
        },
        [this](const QPoint& pos) {
            int sizeIndex = 0;
            if (sizePointAt(pos, sizeIndex))
                emit sizeActivated(m_outcome.trainSizes[static_cast<std::size_t>(sizeIndex)]);
        });
    for (FineTuneMethod m : kFineTuneMethods) {
        const QColor colour = fineTuneMethodColour(m);
        QCPGraph* g = m_sizePlot->addGraph();
        g->setName(fineTuneMethodLabel(m));
        g->setPen(QPen(colour, 2.0));
        g->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.2), colour, 11));
        m_sizeGraphs[methodIndex(m)] = g;
    }
}

void FineTuneCurves::addRunInteraction(QCustomPlot* plot)
{
    addPointInteraction(
        plot,
        [this, plot](const QPoint& pos) {
            FineTuneMethod method = FineTuneMethod::Full;
            int lrIndex = 0;
            return pointAt(plot, pos, method, lrIndex) ? m_outcome.pointDescription(method, lrIndex)
                                                       : QString();
        },
        [this, plot](const QPoint& pos) {
            FineTuneMethod method = FineTuneMethod::Full;
            int lrIndex = 0;
            if (pointAt(plot, pos, method, lrIndex))
                emit runActivated(m_outcome.resultIndex(method, lrIndex));
        });
}

void FineTuneCurves::showOutcome()
{
    showAccuracy();
    showSizes();
}

void FineTuneCurves::markRun(const FineTuneResult* run)
{
    m_selectedMark->data()->clear();
    if (run != nullptr && std::isfinite(run->targetValidationAccuracy))
        m_selectedMark->addData(run->learningRate, 100.0 * run->targetValidationAccuracy);
    m_accPlot->replot(QCustomPlot::rpQueuedReplot);
}

void FineTuneCurves::placeBestLabel(int s, double lr, double acc,
                                    std::vector<std::pair<double, int>>& labelled)
{
    // Labels sit in rows near the bottom of the plot (free of curves: every curve starts at the
    // pre-trained accuracy), joined to their diamond by a dotted line; labels of nearby rates
    // go one row up instead of overlapping.
    int row = 0;
    for (const auto& [other, r] : labelled)
        if (std::abs(std::log10(other / lr)) < 0.6)
            row = std::max(row, r + 1);
    labelled.emplace_back(lr, row);
    const double labelY = 3.0 + 8.0 * row;
    QCPItemText* label = m_bestLabels[s];
    label->position->setCoords(lr, labelY);
    label->setText(FineTuneView::tr("best %1").arg(formatFineTuneRate(lr)));
    label->setVisible(true);
    m_bestDrops[s]->start->setCoords(lr, labelY + 6.0);
    m_bestDrops[s]->end->setCoords(lr, acc);
    m_bestDrops[s]->setVisible(true);
}

void FineTuneCurves::showAccuracy()
{
    const int n = static_cast<int>(m_outcome.rates.size());
    QVector<double> keys(n);
    for (int i = 0; i < n; ++i)
        keys[i] = m_outcome.rates[static_cast<std::size_t>(i)];
    m_accPlot->legend->clearItems();
    m_forgetPlot->legend->clearItems();
    double forgetLow = 0.0;
    double forgetHigh = 5.0;
    bool sourceInLegend = false;
    bool anyDiverged = false;
    std::vector<std::pair<double, int>> labelled; // (best lr, label row) so far
    for (FineTuneMethod m : kFineTuneMethods) {
        const int s = methodIndex(m);
        QCPGraph* target = m_targetGraphs[s];
        QCPGraph* source = m_sourceGraphs[s];
        QCPGraph* forget = m_forgetGraphs[s];
        QCPGraph* diverged = m_divergedGraphs[s];
        QCPGraph* best = m_bestGraphs[s];
        for (QCPGraph* g : {target, source, forget, diverged, best})
            g->data()->clear();
        m_bestLabels[s]->setVisible(false);
        m_bestDrops[s]->setVisible(false);
        const bool shown = m_outcome.methodSlot(m) >= 0 && n > 0 && !m_outcome.results.empty();
        for (QCPGraph* g : {target, source, forget, diverged, best})
            g->setVisible(shown);
        if (!shown)
            continue;
        QVector<double> acc(n, kNaN);
        QVector<double> src(n, kNaN);
        QVector<double> lost(n, kNaN);
        for (int i = 0; i < n; ++i) {
            const int k = m_outcome.resultIndex(m, i);
            if (k < 0)
                continue;
            const FineTuneResult& r = m_outcome.results[static_cast<std::size_t>(k)];
            if (r.diverged || !std::isfinite(r.targetValidationAccuracy)) {
                if (r.status != RunStatus::Cancelled) {
                    diverged->addData(keys[i], 2.0 + 2.0 * s);
                    anyDiverged = true;
                }
                continue;
            }
            acc[i] = 100.0 * r.targetValidationAccuracy;
            src[i] = 100.0 * r.sourceValidationAccuracy;
            lost[i] = 100.0 * r.forgetting;
            forgetLow = std::min(forgetLow, lost[i]);
            forgetHigh = std::max(forgetHigh, lost[i]);
        }
        target->setData(keys, acc, true);
        source->setData(keys, src, true);
        forget->setData(keys, lost, true);
        target->addToLegend();
        forget->addToLegend();
        if (!sourceInLegend) {
            source->addToLegend();
            sourceInLegend = true;
        }
        const double bestLr = m_outcome.bestLearningRate(m);
        for (int i = 0; i < n; ++i) {
            const int k = m_outcome.resultIndex(m, i);
            if (k < 0 || !std::isfinite(bestLr) ||
                m_outcome.results[static_cast<std::size_t>(k)].learningRate != bestLr)
                continue;
            best->addData(keys[i], acc[i]);
            placeBestLabel(s, keys[i], acc[i], labelled);
        }
    }
    if (anyDiverged)
        m_divergedGraphs[methodIndex(m_outcome.methods.front())]->addToLegend();
    for (FineTuneMethod m : m_outcome.methods)
        if (!m_bestGraphs[methodIndex(m)]->data()->isEmpty()) {
            m_bestGraphs[methodIndex(m)]->addToLegend();
            break;
        }

    const bool haveData = n > 0 && !m_outcome.results.empty();
    const double lo = haveData ? keys.front() / 1.6 : 1e-5;
    const double hi = haveData ? keys.back() * 1.6 : 1e-1;
    m_preSourceGraph->data()->clear();
    m_preTargetGraph->data()->clear();
    m_preSourceGraph->setVisible(haveData);
    m_preTargetGraph->setVisible(haveData);
    if (haveData) {
        m_preSourceGraph->setData({lo, hi},
                                  {100.0 * m_outcome.preSource, 100.0 * m_outcome.preSource}, true);
        m_preTargetGraph->setData({lo, hi},
                                  {100.0 * m_outcome.preTarget, 100.0 * m_outcome.preTarget}, true);
        m_preSourceGraph->addToLegend();
        m_preTargetGraph->addToLegend();
    }
    m_accPlot->xAxis->setRange(lo, hi);
    m_accPlot->yAxis->setRange(0, 102);
    m_accNote->setVisible(!haveData);
    m_accNote->setText(
        FineTuneView::tr("Press Run: one fine-tuning run per method and learning rate."));
    m_forgetPlot->xAxis->setRange(lo, hi);
    m_forgetPlot->yAxis->setRange(std::min(-2.0, forgetLow - 2.0), forgetHigh * 1.08 + 1.0);
    m_accPlot->replot(QCustomPlot::rpQueuedReplot);
    m_forgetPlot->replot(QCustomPlot::rpQueuedReplot);
}

void FineTuneCurves::showSizes()
{
    const bool crossed = m_outcome.trainSizes.size() >= 2;
    m_sizePlot->setVisible(crossed);
    for (QCPGraph* g : m_sizeGraphs)
        g->data()->clear();
    if (!crossed)
        return;
    m_sizePlot->legend->clearItems();
    double lo = std::numeric_limits<double>::infinity();
    double hi = 0.0;
    for (FineTuneMethod m : m_outcome.methods) {
        QCPGraph* g = m_sizeGraphs[methodIndex(m)];
        for (int size : m_outcome.trainSizes) {
            const double lr = m_outcome.bestLearningRate(m, size);
            g->addData(size, std::isfinite(lr) ? lr : kNaN);
            if (std::isfinite(lr)) {
                lo = std::min(lo, lr);
                hi = std::max(hi, lr);
            }
        }
        g->addToLegend();
    }
    for (FineTuneMethod m : kFineTuneMethods)
        m_sizeGraphs[methodIndex(m)]->setVisible(m_outcome.methodSlot(m) >= 0);
    const auto [minSize, maxSize] =
        std::minmax_element(m_outcome.trainSizes.begin(), m_outcome.trainSizes.end());
    m_sizePlot->xAxis->setRange(*minSize / 1.5, *maxSize * 1.5);
    if (hi > 0.0)
        m_sizePlot->yAxis->setRange(lo / 3.0, hi * 3.0);
    else
        m_sizePlot->yAxis->setRange(m_outcome.rates.front(), m_outcome.rates.back());
    // Ticks at the sizes themselves: "50, 200, 1437" reads better than decades.
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int size : m_outcome.trainSizes)
        ticker->addTick(size, QString::number(size));
    m_sizePlot->xAxis->setTicker(ticker);
    m_sizePlot->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph* FineTuneCurves::targetGraph(FineTuneMethod method) const
{
    return m_outcome.methodSlot(method) >= 0 ? m_targetGraphs[methodIndex(method)] : nullptr;
}

QCPGraph* FineTuneCurves::sourceGraph(FineTuneMethod method) const
{
    return m_outcome.methodSlot(method) >= 0 ? m_sourceGraphs[methodIndex(method)] : nullptr;
}

QCPGraph* FineTuneCurves::bestGraph(FineTuneMethod method) const
{
    return m_outcome.methodSlot(method) >= 0 ? m_bestGraphs[methodIndex(method)] : nullptr;
}

QCPItemText* FineTuneCurves::bestLabel(FineTuneMethod method) const
{
    return m_outcome.methodSlot(method) >= 0 ? m_bestLabels[methodIndex(method)] : nullptr;
}

QCPGraph* FineTuneCurves::forgettingGraph(FineTuneMethod method) const
{
    return m_outcome.methodSlot(method) >= 0 ? m_forgetGraphs[methodIndex(method)] : nullptr;
}

QCPGraph* FineTuneCurves::sizeGraph(FineTuneMethod method) const
{
    return m_outcome.methodSlot(method) >= 0 && m_outcome.trainSizes.size() >= 2
               ? m_sizeGraphs[methodIndex(method)]
               : nullptr;
}

bool FineTuneCurves::pointAt(QCustomPlot* plot, const QPoint& pos, FineTuneMethod& method,
                             int& lrIndex) const
{
    std::vector<QCPGraph*> graphs;
    std::vector<FineTuneMethod> owners;
    for (FineTuneMethod m : m_outcome.methods) {
        const int s = methodIndex(m);
        for (QCPGraph* g :
             {m_targetGraphs[s], m_sourceGraphs[s], m_divergedGraphs[s], m_forgetGraphs[s]})
            if (g->parentPlot() == plot) {
                graphs.push_back(g);
                owners.push_back(m);
            }
    }
    const PickedPoint picked = pickPoint(graphs, pos);
    const int index = picked.found() ? indexOfKey(m_outcome.rates, picked.key) : -1;
    if (index < 0)
        return false;
    method = owners[static_cast<std::size_t>(picked.graph)];
    lrIndex = index;
    return true;
}

bool FineTuneCurves::sizePointAt(const QPoint& pos, int& sizeIndex) const
{
    if (!m_sizePlot->isVisible())
        return false;
    std::vector<QCPGraph*> graphs;
    for (FineTuneMethod m : m_outcome.methods)
        graphs.push_back(m_sizeGraphs[methodIndex(m)]);
    const PickedPoint picked = pickPoint(graphs, pos);
    if (!picked.found())
        return false;
    const auto it = std::find(m_outcome.trainSizes.begin(), m_outcome.trainSizes.end(),
                              static_cast<int>(picked.key));
    if (it == m_outcome.trainSizes.end())
        return false;
    sizeIndex = static_cast<int>(it - m_outcome.trainSizes.begin());
    return true;
}

} // namespace lrlab
