#include "ui/explorer/landscape_view.h"

#include "core/config/problem_key.h"
#include "ui/compare/hover_tips.h"
#include "ui/compare/run_record.h"
#include "ui/controls/display_names.h"
#include "ui/plots/legend_placement.h"
#include "ui/plots/plot_interaction.h"
#include "ui/plots/plot_style.h"

#include <QMouseEvent>
#include <QTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

namespace {

} // namespace

LandscapeView::LandscapeView(ExperimentModel* model, QWidget* parent)
    : QObject(parent), m_model(model)
{
    m_plot = new QCustomPlot(parent);
    build();
}

void LandscapeView::build()
{
    m_plot->setObjectName(QStringLiteral("landscapePlot"));
    m_plot->setMinimumSize(360, 200);
    m_title = addTitle(m_plot, QString());
    styleAxes(m_plot, QStringLiteral("x"), QStringLiteral("y"));
    m_colorMap = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_colorMap->setInterpolate(false);
    m_colorMap->setTightBoundary(false);
    m_colorScale = new QCPColorScale(m_plot);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setBarWidth(14);
    m_colorScale->axis()->setLabelFont(m_plot->xAxis->labelFont());
    m_plot->plotLayout()->addElement(1, 1, m_colorScale);
    m_colorMap->setColorScale(m_colorScale);
    // After setColorScale: the map takes over the scale's gradient when they are linked.
    m_colorScale->setGradient(viridisGradient(20));
    auto* marginGroup = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, marginGroup);
    m_colorScale->setMarginGroup(QCP::msBottom | QCP::msTop, marginGroup);

    // The paths and markers live on their own buffered layer above the colour map.
    m_plot->addLayer(QStringLiteral("path"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limAbove);
    m_pathLayer = m_plot->layer(QStringLiteral("path"));
    m_pathLayer->setMode(QCPLayer::lmBuffered);
    m_startMarker = m_plot->addGraph();
    m_startMarker->setName(tr("start"));
    m_startMarker->setLineStyle(QCPGraph::lsNone);
    m_startMarker->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), Qt::white, 13));
    m_minimaMarker = m_plot->addGraph();
    m_minimaMarker->setName(tr("global minimum"));
    m_minimaMarker->setLineStyle(QCPGraph::lsNone);
    m_minimaMarker->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssStar, QPen(Qt::white, 2.5), Qt::NoBrush, 17));
    m_plot->legend->setVisible(true);
    m_plot->legend->clearItems();
    m_startMarker->addToLegend();
    m_minimaMarker->addToLegend();
    styleLegend(m_plot, Qt::AlignBottom | Qt::AlignRight);
    m_note = new QCPItemText(m_plot);
    m_note->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_note->position->setCoords(0.02, 0.02);
    m_note->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_note->setColor(Qt::white);
    m_note->setBrush(QColor(200, 30, 30, 220));
    m_note->setPadding(QMargins(6, 3, 6, 3));
    m_note->setVisible(false);
    m_info = new QCPItemText(m_plot);
    m_info->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_info->position->setCoords(0.5, 0.5);
    m_info->setPositionAlignment(Qt::AlignCenter);
    m_info->setColor(QColor(60, 60, 60));
    m_info->setBrush(QColor(255, 255, 255, 220));
    m_info->setPadding(QMargins(10, 6, 10, 6));
    m_info->setVisible(false);
    m_subsetNote = new QCPItemText(m_plot);
    m_subsetNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_subsetNote->position->setCoords(0.5, 0.02);
    m_subsetNote->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_subsetNote->setColor(QColor(60, 60, 60));
    m_subsetNote->setBrush(QColor(255, 255, 255, 200));
    m_subsetNote->setPadding(QMargins(6, 3, 6, 3));
    m_subsetNote->setVisible(false);
    for (QCPLayerable* item : std::initializer_list<QCPLayerable*>{m_startMarker, m_minimaMarker,
                                                                   m_note, m_info, m_subsetNote})
        item->setLayer(m_pathLayer);
    m_plot->setPlottingHints(m_plot->plottingHints() | QCP::phFastPolylines);
    // The legend and the note keep off the paths and markers (the colour map does not count).
    LegendPlacement::of(m_plot)->addLabel(m_note, [] {
        return std::vector<LabelSpot>{{QPointF(0.02, 0.02), Qt::AlignLeft | Qt::AlignTop},
                                      {QPointF(0.98, 0.02), Qt::AlignRight | Qt::AlignTop},
                                      {QPointF(0.02, 0.98), Qt::AlignLeft | Qt::AlignBottom},
                                      {QPointF(0.98, 0.98), Qt::AlignRight | Qt::AlignBottom}};
    });
    connect(m_plot, &QCustomPlot::mousePress, this, &LandscapeView::setStartFromMap);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() & Qt::LeftButton)
            setStartFromMap(event);
    });
    PlotInteraction::attach(m_plot, PlotInteractionOptions::map());
}

void LandscapeView::prepare(const RunConfig& config, ConfigChanges what)
{
    const bool model = isModelType(config.problem.type);
    // A new learning rate or schedule keeps the map, its titles and markers: nothing to redraw
    // until the run arrives. A model's map depends on its problem and split (the seed).
    const bool newMap = (what & ConfigChange::Problem) || (model && (what & ConfigChange::Seed));
    if (newMap) {
        m_note->setVisible(false);
        m_subsetNote->setVisible(false);
        if (m_hoverTips)
            m_hoverTips->setLandscapeNote({});
        if (model)
            prepareModel(config);
        else
            prepareToy(config);
    }
    const bool moved = !model && setStartMarker(config);
    if (newMap || moved)
        replotPath();
}

void LandscapeView::prepareToy(const RunConfig& config)
{
    const auto surface = m_model->surface();
    if (!surface)
        return;
    const ProblemInfo info = surface->info();
    m_title->setText(
        QString::fromStdString(info.formula.empty() ? info.name : "f = " + info.formula));
    m_plot->xAxis->setLabel(QStringLiteral("x"));
    m_plot->yAxis->setLabel(QStringLiteral("y"));
    m_plot->xAxis->setRange(info.view.xMin, info.view.xMax);
    m_plot->yAxis->setRange(info.view.yMin, info.view.yMax);
    m_colorScale->axis()->setLabel(tr("log₁₀(f − f* + ε)"));
    m_info->setVisible(false);
    if (!m_plot->legend->hasItemWithPlottable(m_minimaMarker))
        m_minimaMarker->addToLegend();
    m_minimaMarker->data()->clear();
    for (const Eigen::VectorXd& minimum : info.minima)
        if (minimum.size() == 2)
            m_minimaMarker->addData(minimum(0), minimum(1));
    m_colorMap->data()->clear();
    m_shown.clear();
    m_modelMapValid = false;
    m_shownModelKey.clear();
    // The worker only recomputes a landscape it has not delivered last; show that one now.
    if (m_lastToy.surface == config.problem.type)
        showToyLandscape(m_lastToy);
    if (m_hoverTips)
        m_hoverTips->setLandscapeFunction(
            [surface](double x, double y) { return surface->valueAt(x, y); });
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::prepareModel(const RunConfig& config)
{
    if (m_hoverTips)
        m_hoverTips->setLandscapeFunction({});
    m_minimaMarker->removeFromLegend();
    m_colorScale->axis()->setLabel(tr("log₁₀(loss − min + ε)"));
    // The map of a two-parameter model is the exact loss over (w, b): it stays valid while only
    // the optimizer or the schedule change. A larger model's plane belongs to one run.
    const std::string key = problemKey(config.problem, config.seed);
    const bool twoParameters = isOneFeatureModel(config.problem.type);
    m_modelMapValid = twoParameters && key == m_shownModelKey;
    if (m_modelMapValid)
        return;
    m_colorMap->data()->clear();
    m_shown.clear();
    m_startMarker->data()->clear();
    m_minimaMarker->data()->clear();
    m_title->setText(twoParameters
                         ? tr("Loss over (w, b): %1").arg(modelDisplayName(config.problem.type))
                         : tr("Loss landscape (PCA plane of the trajectory)"));
    m_plot->xAxis->setLabel(twoParameters ? QStringLiteral("w") : QStringLiteral("PC1"));
    m_plot->yAxis->setLabel(twoParameters ? QStringLiteral("b") : QStringLiteral("PC2"));
    m_info->setText(twoParameters
                        ? tr("The (w, b) path grows here;\nthe loss surface follows the run.")
                        : tr("The landscape is computed after the run:\nthe plane of the "
                             "trajectory's two main directions."));
    m_info->setVisible(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool LandscapeView::setStartMarker(const RunConfig& config)
{
    if (config.init.size() != 2)
        return false;
    // The start marker follows the fields at once; the path follows with the run.
    const bool moved = m_startMarker->dataCount() != 1 ||
                       m_startMarker->data()->begin()->key != config.init[0] ||
                       m_startMarker->data()->begin()->value != config.init[1];
    if (moved) {
        m_startMarker->data()->clear();
        m_startMarker->addData(config.init[0], config.init[1]);
    }
    return moved;
}

void LandscapeView::putImage(const LandscapeImage& image, bool interpolate)
{
    auto* data = m_colorMap->data();
    data->setSize(image.size, image.size);
    data->setRange(QCPRange(image.view.xMin, image.view.xMax),
                   QCPRange(image.view.yMin, image.view.yMax));
    for (int j = 0; j < image.size; ++j)
        for (int i = 0; i < image.size; ++i)
            data->setCell(i, j, image.at(i, j));
    m_colorMap->setInterpolate(interpolate);
    m_colorMap->rescaleDataRange(true);
    m_shown = image.surface;
}

void LandscapeView::showToyLandscape(const LandscapeImage& image)
{
    if (&image != &m_lastToy)
        m_lastToy = image;
    const auto surface = m_model->surface();
    if (!surface || image.size < 2 || image.surface != surface->info().name)
        return;
    // Toy grids are fine enough as they are (256²): no smoothing.
    putImage(image, false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    emit landscapeDisplayed(QString::fromStdString(image.surface));
}

QString modelAxisTitle(const ModelLandscape& landscape, int axis)
{
    const int number = axis + 1;
    switch (landscape.plane) {
    case LandscapePlane::Pca: {
        const double explained =
            axis == 0 ? landscape.alphaExplainedVariance : landscape.betaExplainedVariance;
        if (!std::isfinite(explained))
            return LandscapeView::tr("PC%1").arg(number);
        return LandscapeView::tr("PC%1 (%2 % of variance)")
            .arg(number)
            .arg(QString::number(100.0 * explained, 'f', 1));
    }
    case LandscapePlane::Random:
        return LandscapeView::tr("random direction %1 (filter-normalized)").arg(number);
    case LandscapePlane::Axes:
        break;
    }
    return QString::fromStdString(axis == 0 ? landscape.alphaLabel : landscape.betaLabel);
}

QString landscapeSubsetNote(const ModelLandscape& landscape)
{
    if (landscape.rows <= 0 || landscape.rows >= landscape.totalRows)
        return {};
    const QString rows = LandscapeView::tr("loss on %1 of %2 training rows")
                             .arg(landscape.rows)
                             .arg(landscape.totalRows);
    if (!std::isfinite(landscape.subsetError))
        return LandscapeView::tr("%1; checking against the full split…").arg(rows);
    return LandscapeView::tr("%1; max |Δ| %2 vs the full split at %3×%3 check points")
        .arg(rows, QString::number(landscape.subsetError, 'g', 2))
        .arg(landscape.checkSide);
}

void LandscapeView::showModelLandscape(quint64 generation, const ModelLandscape& landscape,
                                       const ModelRunResult& run)
{
    const LandscapeImage& image = landscape.image;
    const QString subset = landscapeSubsetNote(landscape);
    m_subsetNote->setText(subset);
    m_subsetNote->setVisible(!subset.isEmpty());
    if (m_hoverTips) {
        // The map's loss at the nearest cell (the transform inverted) and the subset note.
        m_hoverTips->setLandscapeFunction([image](double x, double y) {
            const auto cell = [&image](double v, double lo, double hi) {
                return std::clamp(
                    static_cast<int>(std::lround((v - lo) / (hi - lo) * (image.size - 1))), 0,
                    image.size - 1);
            };
            if (image.size < 2)
                return std::numeric_limits<double>::quiet_NaN();
            const double z = image.at(cell(x, image.view.xMin, image.view.xMax),
                                      cell(y, image.view.yMin, image.view.yMax));
            return std::pow(10.0, z) - image.offset + image.fMin;
        });
        m_hoverTips->setLandscapeNote(subset);
    }
    // A model grid is coarse (11², 21², then 41²): smooth it.
    putImage(image, true);
    m_plot->xAxis->setRange(image.view.xMin, image.view.xMax);
    m_plot->yAxis->setRange(image.view.yMin, image.view.yMax);
    m_plot->xAxis->setLabel(modelAxisTitle(landscape, 0));
    m_plot->yAxis->setLabel(modelAxisTitle(landscape, 1));
    m_info->setVisible(false);
    m_startMarker->data()->clear();
    if (!landscape.trajectory.alpha.empty())
        m_startMarker->addData(landscape.trajectory.alpha.front(),
                               landscape.trajectory.beta.front());
    if (landscape.plane == LandscapePlane::Axes) {
        m_shownModelKey = image.surface;
        m_modelMapValid = true;
        m_title->setText(tr("Loss over (w, b): %1 on %2, feature %3")
                             .arg(modelDisplayName(run.config.problem.type),
                                  QString::fromStdString(run.datasetName),
                                  QString::fromStdString(run.featureName)));
    } else {
        m_shownModelKey.clear();
        m_title->setText(
            tr("Loss landscape: PCA plane of the trajectory (%1 × %1)").arg(image.size));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    emit modelLandscapeDisplayed(generation, landscape.final);
}

void LandscapeView::followPath(const RunRecord& record)
{
    if (m_modelMapValid || !isOneFeatureModel(record.config.problem.type) || !record.hasPath())
        return;
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (std::size_t k = 0; k < record.pathX.size(); ++k) {
        const double x = record.pathX[k], y = record.pathY[k];
        if (std::isfinite(x) && std::isfinite(y) && std::abs(x) < 1e6 && std::abs(y) < 1e6) {
            x0 = std::min(x0, x);
            x1 = std::max(x1, x);
            y0 = std::min(y0, y);
            y1 = std::max(y1, y);
        }
    }
    if (std::isfinite(x0)) {
        const double mx = std::max(0.25 * (x1 - x0), 0.05), my = std::max(0.25 * (y1 - y0), 0.05);
        m_plot->xAxis->setRange(x0 - mx, x1 + mx);
        m_plot->yAxis->setRange(y0 - my, y1 + my);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    m_info->setVisible(false);
}

void LandscapeView::showDivergence(int step)
{
    m_note->setVisible(step >= 0);
    if (step >= 0)
        m_note->setText(tr("diverged at step %1").arg(step));
    replotPath();
}

void LandscapeView::showNote(const QString& note)
{
    m_note->setText(note);
    m_note->setVisible(true);
    replotPath();
}

void LandscapeView::setStartFromMap(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton) || !m_model->surface())
        return;
    const QPointF pos = event->position();
    if (!m_plot->axisRect()->rect().contains(pos.toPoint()))
        return;
    m_model->setStart(m_plot->xAxis->pixelToCoord(pos.x()), m_plot->yAxis->pixelToCoord(pos.y()));
}

void LandscapeView::replotPath()
{
    if (m_pathReplotQueued)
        return;
    m_pathReplotQueued = true;
    // Falls back to a full replot by itself while the plot's buffers are not set up yet.
    QTimer::singleShot(0, this, [this] {
        m_pathReplotQueued = false;
        m_pathLayer->replot();
    });
}

} // namespace lrlab
