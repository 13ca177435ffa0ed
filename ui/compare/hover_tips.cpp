#include "ui/compare/hover_tips.h"

#include "ui/compare/compare_painter.h"

#include <qcustomplot.h>

#include <QToolTip>

#include <cmath>

namespace lrlab {

namespace {

QString exact(double value)
{
    return QString::number(value, 'g', 6);
}

QCustomPlot* plotOf(const ComparePainter& painter, ComparePlotKind kind)
{
    const ComparePlots plots = painter.plots();
    switch (kind) {
    case ComparePlotKind::Landscape:
        return plots.landscape;
    case ComparePlotKind::Loss:
        return plots.loss;
    case ComparePlotKind::LearningRate:
        return plots.learningRate;
    }
    return nullptr;
}

/// Keeps hit if (key, value) of plottable is nearer to pixel.
template <typename Data>
void consider(const QCPAbstractPlottable* plottable, const Data& point, double row,
              const QPointF& pixel, int runId, HoverHit& hit)
{
    const QPointF at = plottable->coordsToPixels(point.key, point.value);
    const double d = std::hypot(at.x() - pixel.x(), at.y() - pixel.y());
    if (d < hit.pixelDistance) {
        hit.pixelDistance = d;
        hit.runId = runId;
        hit.row = static_cast<int>(row);
    }
}

} // namespace

QString hoverText(const ShownRun& run, int row)
{
    QStringList parts{QStringLiteral("step %1").arg(row)};
    if (!run.record)
        return run.label + QStringLiteral(" — ") + parts.join(QStringLiteral(", "));
    const RunRecord& r = *run.record;
    if (row >= 0 && row < static_cast<int>(r.learningRate.size()))
        parts << QStringLiteral("lr ") + exact(r.learningRate[static_cast<std::size_t>(row)]);
    if (row >= 0 && row < r.rows())
        parts << QStringLiteral("loss ") + exact(r.loss[static_cast<std::size_t>(row)]);
    const int path = r.pathIndexOf(row);
    if (path >= 0) {
        parts << QStringLiteral("x ") + exact(r.pathX[static_cast<std::size_t>(path)]);
        parts << QStringLiteral("y ") + exact(r.pathY[static_cast<std::size_t>(path)]);
    }
    const int eval = r.evalIndexOf(row);
    if (eval >= 0) {
        const auto e = static_cast<std::size_t>(eval);
        parts << QStringLiteral("val loss ") + exact(r.validationLoss[e]);
        if (e < r.validationAccuracy.size() && std::isfinite(r.validationAccuracy[e]))
            parts << QStringLiteral("val acc ") + exact(r.validationAccuracy[e]);
    }
    return run.label + QStringLiteral(" — ") + parts.join(QStringLiteral(", "));
}

HoverHit findNearestPoint(const ComparePainter& painter, ComparePlotKind kind, const QPointF& pixel,
                          double maxPixels)
{
    HoverHit hit;
    for (const ShownRun& run : painter.runs()) {
        switch (kind) {
        case ComparePlotKind::Landscape:
            if (const QCPCurve* curve = painter.landscapeCurve(run.id))
                for (const QCPCurveData& p : *curve->data())
                    consider(curve, p, p.t, pixel, run.id, hit);
            break;
        case ComparePlotKind::Loss:
        case ComparePlotKind::LearningRate: {
            const QCPGraph* graph = kind == ComparePlotKind::Loss
                                        ? painter.lossGraph(run.id)
                                        : painter.learningRateGraph(run.id);
            if (graph)
                for (const QCPGraphData& p : *graph->data())
                    consider(graph, p, p.key, pixel, run.id, hit);
            break;
        }
        }
    }
    if (hit.pixelDistance > maxPixels)
        return HoverHit{};
    return hit;
}

HoverTips::HoverTips(ComparePainter* painter, QObject* parent) : QObject(parent), m_painter(painter)
{
    const ComparePlots plots = painter->plots();
    const std::pair<QCustomPlot*, ComparePlotKind> targets[] = {
        {plots.landscape, ComparePlotKind::Landscape},
        {plots.loss, ComparePlotKind::Loss},
        {plots.learningRate, ComparePlotKind::LearningRate}};
    for (const auto& [plot, kind] : targets) {
        if (!plot)
            continue;
        QCustomPlot* target = plot;
        const ComparePlotKind k = kind;
        connect(plot, &QCustomPlot::mouseMove, this,
                [this, target, k](QMouseEvent* event) { mouseMoved(target, k, event); });
    }
}

void HoverTips::setLandscapeFunction(std::function<double(double, double)> function)
{
    m_landscapeFunction = std::move(function);
}

QString HoverTips::textAt(ComparePlotKind kind, const QPointF& pixel) const
{
    if (!m_painter)
        return {};
    const HoverHit hit = findNearestPoint(*m_painter, kind, pixel, m_maxPixels);
    if (hit.valid())
        if (const ShownRun* run = m_painter->run(hit.runId))
            return hoverText(*run, hit.row);
    QCustomPlot* plot = plotOf(*m_painter, kind);
    if (kind == ComparePlotKind::Landscape && m_landscapeFunction && plot &&
        plot->axisRect()->rect().contains(pixel.toPoint())) {
        const double x = plot->xAxis->pixelToCoord(pixel.x());
        const double y = plot->yAxis->pixelToCoord(pixel.y());
        const QString text = QStringLiteral("x %1, y %2, loss %3")
                                 .arg(exact(x), exact(y), exact(m_landscapeFunction(x, y)));
        return m_landscapeNote.isEmpty() ? text : text + QLatin1Char('\n') + m_landscapeNote;
    }
    return {};
}

void HoverTips::mouseMoved(QCustomPlot* plot, ComparePlotKind kind, QMouseEvent* event)
{
    const QString text = textAt(kind, event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot);
}

} // namespace lrlab
