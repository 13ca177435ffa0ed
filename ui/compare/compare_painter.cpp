#include "ui/compare/compare_painter.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

/// What the painter created for one run. QPointer: the plot's owner may clear plottables.
struct ComparePainter::Slot
{
    int id = 0;
    std::shared_ptr<const RunRecord> record;
    bool current = false;
    QPointer<QCPCurve> curve;
    QPointer<QCPGraph> endMarker;
    QPointer<QCPGraph> loss;
    QPointer<QCPGraph> learningRate;
    QPointer<QCPItemTracer> mapCursor;
    QPointer<QCPItemTracer> lossCursor;
    QPointer<QCPItemTracer> lrCursor;
    QPointer<QCPGraph> validation; ///< pinned runs: validation loss on the loss plot
    QPointer<QCPGraph> smoothed;   ///< pinned runs: moving average on the loss plot
    QPointer<QCPGraph> accuracy;   ///< pinned runs: validation accuracy on the accuracy plot
    bool onPlane = true;           ///< false: the path cannot be shown on the map's plane
};

namespace {

bool isLog(const QCPAxis* axis)
{
    return axis && axis->scaleType() == QCPAxis::stLogarithmic;
}

QCPItemTracer* makeTracer(QCustomPlot* plot, QCPAxis* keyAxis, QCPAxis* valueAxis, double size)
{
    auto* tracer = new QCPItemTracer(plot);
    tracer->setStyle(QCPItemTracer::tsCircle);
    tracer->setSize(size);
    tracer->setSelectable(false);
    tracer->position->setType(QCPItemPosition::ptPlotCoords);
    tracer->position->setAxes(keyAxis, valueAxis);
    return tracer;
}

QCPItemStraightLine* makeCursorLine(QCustomPlot* plot)
{
    auto* line = new QCPItemStraightLine(plot);
    line->setPen(QPen(QColor(60, 60, 60, 200), 1.2, Qt::DashLine));
    line->setSelectable(false);
    return line;
}

/// The last data point whose sort key (step) is <= key, else the first; nullptr when empty.
template <typename Container>
auto lastAtOrBefore(const Container& data, double key) -> decltype(&*data.constBegin())
{
    if (data.isEmpty())
        return nullptr;
    auto it = std::upper_bound(data.constBegin(), data.constEnd(), key,
                               [](double k, const auto& point) { return k < point.sortKey(); });
    if (it == data.constBegin())
        return &*it;
    return &*(it - 1);
}

void placeTracer(QCPItemTracer* tracer, double key, double value)
{
    tracer->position->setCoords(key, value);
}

/// A graph of plot for a series without a legend entry (nullptr when plot is).
QCPGraph* makeSeriesGraph(QCustomPlot* plot)
{
    if (!plot)
        return nullptr;
    auto* graph = new QCPGraph(plot->xAxis, plot->yAxis);
    graph->setSelectable(QCP::stNone);
    graph->removeFromLegend();
    return graph;
}

/// The finite values at their rows; on a logarithmic axis floored at floor (> 0).
void setSeries(QCPGraph* graph, const std::vector<int>& rows, const std::vector<double>& values,
               double floor)
{
    if (!graph)
        return;
    const bool log = isLog(graph->valueAxis());
    QVector<double> keys, shown;
    const std::size_t n = std::min(rows.size(), values.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(values[i]))
            continue;
        keys.push_back(rows[i]);
        shown.push_back(log ? std::max(values[i], floor) : values[i]);
    }
    graph->setData(keys, shown, true);
}

} // namespace

ComparePainter::ComparePainter(const ComparePlots& plots, const ComparePainterOptions& options,
                               QObject* parent)
    : QObject(parent), m_landscape(plots.landscape), m_loss(plots.loss), m_lr(plots.learningRate),
      m_accuracy(plots.accuracy), m_options(options)
{
}

ComparePainter::~ComparePainter()
{
    for (auto& entry : m_slots)
        removeSlot(*entry.second);
    if (m_loss && m_lossLine)
        m_loss->removeItem(m_lossLine);
    if (m_lr && m_lrLine)
        m_lr->removeItem(m_lrLine);
}

ComparePlots ComparePainter::plots() const
{
    return ComparePlots{m_landscape.data(), m_loss.data(), m_lr.data(), m_accuracy.data()};
}

const ShownRun* ComparePainter::run(int id) const
{
    for (const ShownRun& shown : m_runs)
        if (shown.id == id)
            return &shown;
    return nullptr;
}

ComparePainter::Slot& ComparePainter::slotFor(const ShownRun& run)
{
    std::unique_ptr<Slot>& slot = m_slots[run.id];
    if (!slot) {
        slot = std::make_unique<Slot>();
        slot->id = run.id;
    }
    Slot& s = *slot;
    // A part the plot's owner deleted (clearPlottables, clearItems) is rebuilt with its
    // siblings; the new plottables need the data again.
    if (m_landscape && (!s.curve || !s.endMarker || !s.mapCursor)) {
        if (s.curve)
            m_landscape->removePlottable(s.curve);
        if (s.endMarker)
            m_landscape->removePlottable(s.endMarker);
        if (s.mapCursor)
            m_landscape->removeItem(s.mapCursor);
        QCPLayer* layer = m_landscape->layer(m_options.landscapeLayer);
        if (!layer)
            layer = m_landscape->currentLayer();
        s.curve = new QCPCurve(m_landscape->xAxis, m_landscape->yAxis);
        s.curve->setLayer(layer);
        s.curve->setSelectable(QCP::stNone);
        s.endMarker = new QCPGraph(m_landscape->xAxis, m_landscape->yAxis);
        s.endMarker->setLayer(layer);
        s.endMarker->setLineStyle(QCPGraph::lsNone);
        s.endMarker->setSelectable(QCP::stNone);
        s.endMarker->removeFromLegend();
        s.mapCursor = makeTracer(m_landscape, m_landscape->xAxis, m_landscape->yAxis, 10);
        s.mapCursor->setLayer(layer);
        s.record.reset();
    }
    const std::pair<QCustomPlot*, std::pair<QPointer<QCPGraph>*, QPointer<QCPItemTracer>*>>
        curves[] = {{m_loss.data(), {&s.loss, &s.lossCursor}},
                    {m_lr.data(), {&s.learningRate, &s.lrCursor}}};
    for (const auto& [plot, parts] : curves) {
        auto& [graph, tracer] = parts;
        if (!plot || (*graph && *tracer))
            continue;
        if (*graph)
            plot->removePlottable(*graph);
        if (*tracer)
            plot->removeItem(*tracer);
        *graph = new QCPGraph(plot->xAxis, plot->yAxis);
        (*graph)->setSelectable(QCP::stNone);
        *tracer = makeTracer(plot, plot->xAxis, plot->yAxis, 7);
        s.record.reset();
    }
    // A pin's own series exist only when it has them to draw: a toy pin adds one graph.
    const bool evaluated = !run.current && run.record && !run.record->evalRows.empty();
    const std::pair<QCustomPlot*, QPointer<QCPGraph>*> series[] = {
        {evaluated ? m_loss.data() : nullptr, &s.validation},
        {!run.current && m_smoothedShown ? m_loss.data() : nullptr, &s.smoothed},
        {evaluated ? m_accuracy.data() : nullptr, &s.accuracy}};
    for (const auto& [plot, graph] : series)
        if (plot && !*graph) {
            *graph = makeSeriesGraph(plot);
            s.record.reset();
        }
    return s;
}

void ComparePainter::removeSlot(Slot& slot)
{
    if (m_landscape) {
        if (slot.curve)
            m_landscape->removePlottable(slot.curve);
        if (slot.endMarker)
            m_landscape->removePlottable(slot.endMarker);
        if (slot.mapCursor)
            m_landscape->removeItem(slot.mapCursor);
    }
    if (m_loss) {
        if (slot.loss)
            m_loss->removePlottable(slot.loss);
        if (slot.lossCursor)
            m_loss->removeItem(slot.lossCursor);
        for (QCPGraph* graph : {slot.validation.data(), slot.smoothed.data()})
            if (graph)
                m_loss->removePlottable(graph);
    }
    if (m_accuracy && slot.accuracy)
        m_accuracy->removePlottable(slot.accuracy);
    if (m_lr) {
        if (slot.learningRate)
            m_lr->removePlottable(slot.learningRate);
        if (slot.lrCursor)
            m_lr->removeItem(slot.lrCursor);
    }
}

void ComparePainter::uploadPath(Slot& slot)
{
    if (!slot.curve || !slot.record)
        return;
    const PlanePath path = pathOnPlane(*slot.record, m_plane, &slot.onPlane);
    QVector<double> t, xs, ys;
    const std::size_t n = std::min({path.rows.size(), path.x.size(), path.y.size()});
    t.reserve(static_cast<int>(n));
    xs.reserve(static_cast<int>(n));
    ys.reserve(static_cast<int>(n));
    for (std::size_t i = 0; i < n; ++i) {
        const double x = path.x[i], y = path.y[i];
        if (!std::isfinite(x) || !std::isfinite(y) || std::abs(x) > m_options.landscapeReach ||
            std::abs(y) > m_options.landscapeReach)
            break; // the path stops where it left the finite world
        t.push_back(path.rows[i]);
        xs.push_back(x);
        ys.push_back(y);
    }
    slot.curve->setData(t, xs, ys, true);
    slot.endMarker->data()->clear();
    if (!xs.isEmpty())
        slot.endMarker->addData(xs.back(), ys.back());
}

void ComparePainter::uploadSeries(Slot& slot)
{
    if (!slot.record)
        return;
    const RunRecord& r = *slot.record;
    // The current run's own series are CurvePlots'; a pin draws the same ones in its colour.
    static const std::vector<int> noRows;
    static const std::vector<double> noValues;
    const bool pinned = !slot.current;
    setSeries(slot.validation, pinned ? r.evalRows : noRows, r.validationLoss, m_options.lossFloor);
    setSeries(slot.accuracy, pinned ? r.evalRows : noRows, r.validationAccuracy,
              m_options.lossFloor);
    std::vector<int> rows;
    std::vector<double> average;
    if (pinned && m_smoothedShown) {
        double ema = 0.0;
        for (int k = 0; k < r.rows(); ++k) {
            const double loss = r.loss[static_cast<std::size_t>(k)] - r.lossOffset;
            if (!std::isfinite(loss))
                continue;
            ema = rows.empty() ? loss
                               : (1.0 - m_options.smoothing) * ema + m_options.smoothing * loss;
            rows.push_back(k);
            average.push_back(ema);
        }
    }
    setSeries(slot.smoothed, rows, average, m_options.lossFloor);
}

void ComparePainter::uploadData(Slot& slot)
{
    const RunRecord& r = *slot.record;
    uploadPath(slot);
    uploadSeries(slot);
    if (slot.loss) {
        const bool log = isLog(slot.loss->valueAxis());
        QVector<double> steps, values;
        steps.reserve(r.rows());
        values.reserve(r.rows());
        for (int k = 0; k < r.rows(); ++k) {
            double v = r.loss[static_cast<std::size_t>(k)] - r.lossOffset;
            if (!std::isfinite(v))
                continue;
            if (log)
                v = std::max(v, m_options.lossFloor);
            steps.push_back(k);
            values.push_back(v);
        }
        slot.loss->setData(steps, values, true);
    }
    if (slot.learningRate) {
        const bool log = isLog(slot.learningRate->valueAxis());
        QVector<double> steps, values;
        const int n = static_cast<int>(r.learningRate.size());
        steps.reserve(n);
        values.reserve(n);
        for (int k = 0; k < n; ++k) {
            const double lr = r.learningRate[static_cast<std::size_t>(k)];
            if (!std::isfinite(lr) || (log && lr <= 0.0))
                continue;
            steps.push_back(k);
            values.push_back(lr);
        }
        slot.learningRate->setData(steps, values, true);
    }
}

void ComparePainter::styleSlot(Slot& slot, const ShownRun& run)
{
    const double width = run.current ? m_options.currentPenWidth : m_options.pinnedPenWidth;
    const QPen pen(run.colour, width);
    if (slot.curve) {
        slot.curve->setName(
            slot.onPlane || run.current ? run.label : tr("%1 (not on this plane)").arg(run.label));
        slot.curve->setPen(pen);
        slot.endMarker->setName(run.label);
        slot.endMarker->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.2), run.colour, 11));
        slot.mapCursor->setPen(QPen(run.colour, 2.5));
        slot.mapCursor->setBrush(Qt::white);
    }
    for (QCPGraph* graph : {slot.loss.data(), slot.learningRate.data()}) {
        if (!graph)
            continue;
        graph->setName(run.label);
        graph->setPen(pen);
    }
    // Beside its moving average a pin's raw loss is a faint line, as the current run's is.
    if (slot.loss && !run.current && m_smoothedShown) {
        QColor faint = run.colour;
        faint.setAlpha(90);
        slot.loss->setPen(QPen(faint, width));
    }
    for (QCPGraph* graph : {slot.validation.data(), slot.accuracy.data()}) {
        if (!graph)
            continue;
        graph->setName(run.label);
        graph->setPen(QPen(run.colour, 1.6, Qt::DashLine));
        graph->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(run.colour, 1.4), Qt::white, 5));
    }
    if (slot.smoothed) {
        slot.smoothed->setName(run.label);
        slot.smoothed->setPen(QPen(run.colour, 1.8));
    }
    for (QCPItemTracer* tracer : {slot.lossCursor.data(), slot.lrCursor.data()}) {
        if (!tracer)
            continue;
        tracer->setPen(QPen(run.colour, 2));
        tracer->setBrush(Qt::white);
    }
}

void ComparePainter::setRuns(const std::vector<ShownRun>& runs)
{
    // Drop the runs no longer shown.
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        const bool kept = std::any_of(runs.begin(), runs.end(), [&](const ShownRun& r) {
            return r.id == it->first && r.record;
        });
        if (kept) {
            ++it;
        } else {
            removeSlot(*it->second);
            it = m_slots.erase(it);
        }
    }
    m_runs.clear();
    for (const ShownRun& run : runs) {
        if (!run.record)
            continue;
        m_runs.push_back(run);
        Slot& slot = slotFor(run);
        if (slot.record != run.record || slot.current != run.current) {
            slot.record = run.record;
            slot.current = run.current;
            uploadData(slot);
        }
        styleSlot(slot, run);
    }
    // Later runs on top; the current run above every pin (re-adding to a layer appends).
    for (const ShownRun& run : m_runs) {
        if (!run.current)
            continue;
        Slot& slot = *m_slots[run.id];
        for (QCPLayerable* l : std::initializer_list<QCPLayerable*>{
                 slot.curve.data(), slot.endMarker.data(), slot.mapCursor.data(), slot.loss.data(),
                 slot.lossCursor.data(), slot.learningRate.data(), slot.lrCursor.data()})
            if (l)
                l->setLayer(l->layer());
    }
    orderLegends();
    for (auto& entry : m_slots)
        placeCursors(*entry.second);
    placeCursorLines();
    if (m_options.autoReplot)
        replot();
}

void ComparePainter::orderLegends()
{
    if (!m_options.showLegends) {
        for (auto& entry : m_slots)
            for (QCPAbstractPlottable* p : std::initializer_list<QCPAbstractPlottable*>{
                     entry.second->curve.data(), entry.second->loss.data(),
                     entry.second->learningRate.data()})
                if (p)
                    p->removeFromLegend();
        return;
    }
    // Remove then re-add in the list's order: the legend reads like the pin order.
    for (const ShownRun& run : m_runs) {
        Slot& slot = *m_slots[run.id];
        for (QCPAbstractPlottable* p : std::initializer_list<QCPAbstractPlottable*>{
                 slot.curve.data(), slot.loss.data(), slot.learningRate.data()})
            if (p)
                p->removeFromLegend();
    }
    for (const ShownRun& run : m_runs) {
        Slot& slot = *m_slots[run.id];
        for (QCPAbstractPlottable* p : std::initializer_list<QCPAbstractPlottable*>{
                 slot.curve.data(), slot.loss.data(), slot.learningRate.data()})
            if (p)
                p->addToLegend();
    }
    for (QCustomPlot* plot : {m_landscape.data(), m_loss.data(), m_lr.data()})
        if (plot)
            plot->legend->setVisible(plot->legend->itemCount() > 0);
}

int ComparePainter::maximumStep() const
{
    int top = 0;
    for (const ShownRun& run : m_runs) {
        top = std::max(top, run.record->lastRow());
        if (!run.record->pathRows.empty())
            top = std::max(top, run.record->pathRows.back());
    }
    return top;
}

void ComparePainter::placeCursors(Slot& slot)
{
    const double step = m_cursorStep;
    if (slot.mapCursor && slot.curve) {
        const QCPCurveData* point = lastAtOrBefore(*slot.curve->data(), step);
        slot.mapCursor->setVisible(m_cursorVisible && point);
        if (point)
            placeTracer(slot.mapCursor, point->key, point->value);
    }
    const std::pair<QCPGraph*, QCPItemTracer*> graphs[] = {
        {slot.loss.data(), slot.lossCursor.data()},
        {slot.learningRate.data(), slot.lrCursor.data()}};
    for (const auto& [graph, tracer] : graphs) {
        if (!graph || !tracer)
            continue;
        const QCPGraphData* point = lastAtOrBefore(*graph->data(), step);
        tracer->setVisible(m_cursorVisible && point);
        if (point)
            placeTracer(tracer, point->key, point->value);
    }
}

void ComparePainter::placeCursorLines()
{
    const bool show = m_cursorVisible && !m_runs.empty();
    const std::pair<QCustomPlot*, QPointer<QCPItemStraightLine>*> lines[] = {
        {m_loss.data(), &m_lossLine}, {m_lr.data(), &m_lrLine}};
    for (const auto& [plot, line] : lines) {
        if (!plot)
            continue;
        if (!*line) {
            if (!show)
                continue;
            *line = makeCursorLine(plot);
        }
        // Two points on the vertical x = step; both positive so a log axis accepts them.
        (*line)->point1->setCoords(m_cursorStep, 1.0);
        (*line)->point2->setCoords(m_cursorStep, 10.0);
        (*line)->setVisible(show);
    }
}

void ComparePainter::setCursorStep(int step)
{
    m_cursorStep = std::max(step, 0);
    for (auto& entry : m_slots)
        placeCursors(*entry.second);
    placeCursorLines();
    if (m_options.autoReplot)
        replotCursors();
}

void ComparePainter::setLandscapePlane(std::shared_ptr<const ModelPlane> plane)
{
    if (plane == m_plane)
        return;
    m_plane = std::move(plane);
    for (const ShownRun& run : m_runs) {
        Slot& slot = *m_slots[run.id];
        uploadPath(slot);
        styleSlot(slot, run);
        placeCursors(slot);
    }
    if (m_options.autoReplot)
        replot();
}

void ComparePainter::setSmoothedShown(bool shown)
{
    if (shown == m_smoothedShown)
        return;
    m_smoothedShown = shown;
    for (const ShownRun& run : m_runs) {
        Slot& slot = slotFor(run); // creates the pins' average graphs
        if (slot.record != run.record) {
            slot.record = run.record;
            slot.current = run.current;
            uploadData(slot);
        } else {
            uploadSeries(slot);
        }
        styleSlot(slot, run);
    }
    if (m_options.autoReplot)
        replot();
}

void ComparePainter::setCursorVisible(bool visible)
{
    m_cursorVisible = visible;
    setCursorStep(m_cursorStep);
}

QCPCurve* ComparePainter::landscapeCurve(int id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? nullptr : it->second->curve.data();
}

QCPGraph* ComparePainter::endMarker(int id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? nullptr : it->second->endMarker.data();
}

QCPGraph* ComparePainter::lossGraph(int id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? nullptr : it->second->loss.data();
}

QCPGraph* ComparePainter::learningRateGraph(int id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? nullptr : it->second->learningRate.data();
}

QCPGraph* ComparePainter::validationLossGraph(int id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? nullptr : it->second->validation.data();
}

QCPGraph* ComparePainter::validationAccuracyGraph(int id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? nullptr : it->second->accuracy.data();
}

QCPGraph* ComparePainter::smoothedLossGraph(int id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? nullptr : it->second->smoothed.data();
}

QCPItemTracer* ComparePainter::landscapeCursor(int id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? nullptr : it->second->mapCursor.data();
}

QCPItemTracer* ComparePainter::lossCursor(int id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? nullptr : it->second->lossCursor.data();
}

QCPItemTracer* ComparePainter::learningRateCursor(int id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? nullptr : it->second->lrCursor.data();
}

QCPItemStraightLine* ComparePainter::lossCursorLine() const
{
    return m_lossLine.data();
}

QCPItemStraightLine* ComparePainter::learningRateCursorLine() const
{
    return m_lrLine.data();
}

void ComparePainter::replot()
{
    for (QCustomPlot* plot : {m_landscape.data(), m_loss.data(), m_lr.data(), m_accuracy.data()})
        if (plot)
            plot->replot(QCustomPlot::rpQueuedReplot);
}

void ComparePainter::replotCursors()
{
    // During playback only the markers move: a buffered path layer redraws alone, leaving the
    // colour map's buffer untouched.
    if (m_landscape) {
        QCPLayer* layer = m_landscape->layer(m_options.landscapeLayer);
        if (layer && layer->mode() == QCPLayer::lmBuffered)
            layer->replot();
        else
            m_landscape->replot(QCustomPlot::rpQueuedReplot);
    }
    for (QCustomPlot* plot : {m_loss.data(), m_lr.data()})
        if (plot)
            plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace lrlab
