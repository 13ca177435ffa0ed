#include "ui/views/runs_plots.h"

#include "core/logs/log_decimate.h"
#include "core/schedules/schedule.h"
#include "ui/plots/legend_placement.h"
#include "ui/plots/plot_interaction.h"
#include "ui/plots/plot_style.h"
#include "ui/views/imported_runs.h"

#include <QEvent>
#include <QTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

ScalarSeries pointsToDraw(const ScalarSeries& series, double lower, double upper, int columns)
{
    if (series.empty() || columns <= 0 || !(lower <= upper))
        return {};
    const auto first = static_cast<std::int64_t>(std::floor(std::max(lower, -9e18)));
    const auto last = static_cast<std::int64_t>(std::ceil(std::min(upper, 9e18)));
    ScalarSeries points = decimateMinMax(series, first, last, columns);
    // The ends of the range and the neighbours outside it (-1: none).
    std::ptrdiff_t begin = -1, end = -1, before = -1, after = -1;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const ScalarPoint& p = series[i];
        if (std::isnan(p.value))
            continue;
        const auto at = static_cast<std::ptrdiff_t>(i);
        if (p.step < first) {
            if (before < 0 || p.step >= series[before].step)
                before = at;
        } else if (p.step > last) {
            if (after < 0 || p.step < series[after].step)
                after = at;
        } else {
            if (begin < 0 || p.step < series[begin].step)
                begin = at;
            if (end < 0 || p.step >= series[end].step)
                end = at;
        }
    }
    for (const std::ptrdiff_t index : {before, begin, end, after}) {
        if (index < 0)
            continue;
        const ScalarPoint& p = series[index];
        const bool present = std::any_of(points.begin(), points.end(), [&p](const ScalarPoint& q) {
            return q.step == p.step && q.value == p.value;
        });
        if (!present)
            points.push_back(p);
    }
    std::stable_sort(points.begin(), points.end(),
                     [](const ScalarPoint& a, const ScalarPoint& b) { return a.step < b.step; });
    return points;
}

RunsPlots::RunsPlots(const ImportedRuns& runs, QWidget* parent)
    : QSplitter(Qt::Horizontal, parent), m_runs(runs)
{
    buildPart(LogRole::Loss, "runsLossPlot", tr("Training loss"), tr("loss"));
    buildPart(LogRole::ValLoss, "runsValLossPlot", tr("Validation loss"), tr("validation loss"));
    buildPart(LogRole::LearningRate, "runsLrPlot", tr("Learning rate"), tr("learning rate"));
    // Rates of runs set side by side differ by decades (and a warmup by more): log scale.
    PlotInteraction::find(plot(LogRole::LearningRate))->setLogScale(true);
    setChildrenCollapsible(false);
    rebuild();
}

void RunsPlots::buildPart(LogRole role, const char* name, const QString& title,
                          const QString& yLabel)
{
    Part& part = m_parts[role];
    part.role = role;
    part.plot =
        makeTitledPlot(this, QString::fromLatin1(name), QSize(220, 170), title, tr("step"), yLabel);
    part.plot->setToolTip(
        tr("%1 of every shown imported run against its logged step, one colour per run. Long "
           "logs are drawn from the smallest and largest value of each pixel column, so a spike "
           "stays visible at any zoom.")
            .arg(title));
    styleLegend(part.plot, Qt::AlignTop | Qt::AlignRight, LegendDensity::Compact);
    LegendPlacement::of(part.plot);
    part.note = addPlotNote(part.plot);
    PlotInteraction* interaction = PlotInteraction::attach(part.plot);
    connect(part.plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &RunsPlots::queueRedraw);
    connect(interaction, &PlotInteraction::scaleChanged, this, &RunsPlots::rebuild);
    part.plot->installEventFilter(this);
    addWidget(part.plot);
}

QCustomPlot* RunsPlots::plot(LogRole role) const
{
    const auto it = m_parts.find(role);
    return it == m_parts.end() ? nullptr : it->second.plot;
}

QCPGraph* RunsPlots::graph(LogRole role, quint64 id) const
{
    const auto it = m_parts.find(role);
    if (it == m_parts.end())
        return nullptr;
    const auto graph = it->second.graphs.find(id);
    return graph == it->second.graphs.end() ? nullptr : graph->second;
}

QCPGraph* RunsPlots::scheduleGraph(quint64 id) const
{
    const Part& part = m_parts.at(LogRole::LearningRate);
    const auto graph = part.fits.find(id);
    return graph == part.fits.end() ? nullptr : graph->second;
}

void RunsPlots::rebuild()
{
    for (auto& [role, part] : m_parts)
        rebuildPart(part);
    redraw();
}

void RunsPlots::rebuildPart(Part& part)
{
    for (const auto& [id, graph] : part.graphs)
        part.plot->removeGraph(graph);
    for (const auto& [id, graph] : part.fits)
        part.plot->removeGraph(graph);
    part.graphs.clear();
    part.fits.clear();
    const bool logScale = PlotInteraction::find(part.plot)->logScale();
    double keyLow = std::numeric_limits<double>::infinity(), keyHigh = -keyLow;
    double valueLow = keyLow, valueHigh = -keyLow;
    for (const ImportedRun& run : m_runs.runs()) {
        const ScalarSeries* series = run.shown ? run.series(part.role) : nullptr;
        if (!series || series->empty())
            continue;
        QCPGraph* graph = part.plot->addGraph();
        graph->setName(run.name);
        graph->setPen(QPen(run.colour, 1.6));
        part.graphs[run.id] = graph;
        // A dock is short: the runs are named once, in the loss plot's legend (and in the
        // list, in their colours); the LR plot's legend names the recognised schedules.
        if (part.role != LogRole::Loss)
            graph->removeFromLegend();
        const std::optional<ScheduleFit>& fit = run.snapshot->analysis.fit;
        if (part.role == LogRole::LearningRate && fit && fit->fits) {
            QCPGraph* schedule = part.plot->addGraph();
            schedule->setName(tr("%1 fit, max error %2")
                                  .arg(QString::fromStdString(decayName(fit->schedule.decay)))
                                  .arg(fit->maxRelativeError, 0, 'g', 2));
            schedule->setPen(QPen(run.colour, 1.4, Qt::DashLine));
            part.fits[run.id] = schedule;
        }
        for (const ScalarPoint& p : *series) {
            if (!std::isfinite(p.value) || (logScale && p.value <= 0))
                continue;
            keyLow = std::min(keyLow, double(p.step));
            keyHigh = std::max(keyHigh, double(p.step));
            valueLow = std::min(valueLow, p.value);
            valueHigh = std::max(valueHigh, p.value);
        }
    }
    part.plot->legend->setVisible(part.plot->legend->itemCount() > 0);
    part.note->setVisible(part.graphs.empty());
    part.note->setText(m_runs.runs().empty() ? tr("File ▸ Import runs…, or drop log files or "
                                                  "folders on the window")
                                             : tr("No shown run logs this"));
    if (keyLow > keyHigh)
        return;
    if (keyLow == keyHigh)
        keyHigh = keyLow + 1;
    const double margin = (valueHigh - valueLow) * 0.05;
    QCPRange value = logScale ? QCPRange(valueLow / 1.2, valueHigh * 1.2)
                              : QCPRange(valueLow - margin, valueHigh + margin);
    if (value.size() <= 0)
        value = QCPRange(valueLow - 0.5, valueHigh + 0.5);
    PlotInteraction::find(part.plot)->setAutomaticRanges(QCPRange(keyLow, keyHigh), value);
}

void RunsPlots::redraw()
{
    m_redrawQueued = false;
    for (auto& [role, part] : m_parts)
        redrawPart(part);
}

void RunsPlots::redrawPart(Part& part)
{
    const QCPRange range = part.plot->xAxis->range();
    // Before the first layout the axis rect has no width: the plot's is an upper bound.
    const int width =
        part.plot->axisRect()->width() > 0 ? part.plot->axisRect()->width() : part.plot->width();
    const int columns = std::max(1, width - 2);
    for (const auto& [id, graph] : part.graphs) {
        const ImportedRun* run = m_runs.find(id);
        const ScalarSeries* series = run ? run->series(part.role) : nullptr;
        QVector<QCPGraphData> data;
        if (series) {
            const ScalarSeries points = pointsToDraw(*series, range.lower, range.upper, columns);
            data.reserve(static_cast<int>(points.size()));
            for (const ScalarPoint& p : points)
                data.append(QCPGraphData(double(p.step), p.value));
        }
        graph->data()->set(data, true);
    }
    for (const auto& [id, graph] : part.fits) {
        const ImportedRun* run = m_runs.find(id);
        const ScalarSeries* series = run ? run->series(part.role) : nullptr;
        if (!series || series->empty())
            continue;
        // The schedule over the logged steps in view, one point per pixel column.
        const ScheduleFit& fit = *run->snapshot->analysis.fit;
        double first = series->front().step, last = first;
        for (const ScalarPoint& p : *series) {
            first = std::min(first, double(p.step));
            last = std::max(last, double(p.step));
        }
        const double lower = std::max(first, std::floor(range.lower));
        const double upper = std::min(last, std::ceil(range.upper));
        QVector<QCPGraphData> data;
        double previous = -1;
        for (int i = 0; i <= columns && lower <= upper; ++i) {
            const double step = std::round(lower + (upper - lower) * i / columns);
            if (i > 0 && step == previous)
                continue;
            previous = step;
            const int at = static_cast<int>(std::max(0.0, step - fit.stepOffset));
            data.append(QCPGraphData(step, learningRateAt(fit.schedule, at)));
        }
        graph->data()->set(data, true);
    }
    part.plot->replot(QCustomPlot::rpQueuedReplot);
}

void RunsPlots::queueRedraw()
{
    if (m_redrawQueued)
        return;
    m_redrawQueued = true;
    QTimer::singleShot(0, this, &RunsPlots::redraw);
}

bool RunsPlots::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize)
        queueRedraw();
    return QSplitter::eventFilter(watched, event);
}

} // namespace lrlab
