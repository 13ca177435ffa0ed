#include "ui/export/session_figures.h"

#include "core/analysis/landscape.h"
#include "core/engine/model_problem.h"
#include "core/models/model.h"
#include "core/problems/toy_surface.h"
#include "ui/explorer/landscape_view.h"
#include "ui/explorer/run_controller.h"
#include "ui/export/loss_map_figure.h"
#include "ui/plots/plot_style.h"
#include "ui/worker/training_thread.h"

#include <QCoreApplication>
#include <QWidget>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace lrlab {

namespace {

const QColor kCurrentColour(60, 60, 60);
const QColor kAloneColour(255, 110, 30); // the window's path colour
// The pens of the window's model curves (CurvePlots).
const QColor kMinibatchColour(150, 150, 150, 170);
const QColor kSmoothedColour(30, 90, 180);
const QColor kValidationColour(213, 94, 0);
const QColor kAccuracyColour(0, 114, 178);
constexpr double kLossFloor = 1e-16;

/// A text of the window's curves, in its translation context, so the figure's legend reads as
/// the window's.
QString curvesText(const char* text)
{
    return QCoreApplication::translate("lrlab::CurvePlots", text);
}

QCustomPlot* makePlot(QWidget* parent, const QString& name, const QString& title,
                      const QString& xLabel, const QString& yLabel)
{
    auto* plot = new QCustomPlot(parent);
    plot->setObjectName(name);
    addTitle(plot, title);
    styleAxes(plot, xLabel, yLabel);
    plot->legend->setVisible(true);
    plot->legend->setBrush(legendFill());
    return plot;
}

bool sameProblem(const ProblemSpec& a, const ProblemSpec& b)
{
    return a.type == b.type && a.parameters == b.parameters && a.dataset == b.dataset &&
           a.feature == b.feature && a.hidden == b.hidden && a.activation == b.activation &&
           a.valFraction == b.valFraction;
}

} // namespace

/// What is drawn for one run: its path and curves (complete data, so any cursor step is a
/// prefix) and the plottables showing them.
struct SessionFigures::Drawn
{
    const ExportRun* run = nullptr;
    QColor colour;
    double width = 1.8;
    QVector<double> pathT, pathX, pathY; ///< path point i is at step pathT[i]
    QVector<double> lossSteps, lossValues;
    QVector<double> lrSteps, lrValues;
    /// A model run's curves besides the minibatch loss (the current run only, as the window):
    /// each a graph and its complete data.
    struct Extra
    {
        QCPGraph* graph = nullptr;
        QVector<double> steps, values;
    };
    std::vector<Extra> extras;
    QCPCurve* path = nullptr;
    QCPGraph* pathMarker = nullptr;
    QCPGraph* endMarker = nullptr;
    QCPGraph* lossGraph = nullptr;
    QCPGraph* lossMarker = nullptr;
    QCPGraph* lrGraph = nullptr;
    QCPGraph* lrMarker = nullptr;
};

QString figureKindName(FigureKind kind)
{
    switch (kind) {
    case FigureKind::Landscape:
        return QStringLiteral("landscape");
    case FigureKind::Loss:
        return QStringLiteral("loss");
    case FigureKind::LearningRate:
        return QStringLiteral("lr");
    case FigureKind::Dashboard:
        return QStringLiteral("dashboard");
    }
    return QString();
}

std::optional<FigureKind> figureKindFromName(const QString& name)
{
    for (FigureKind kind :
         {FigureKind::Landscape, FigureKind::Loss, FigureKind::LearningRate, FigureKind::Dashboard})
        if (figureKindName(kind) == name)
            return kind;
    return std::nullopt;
}

SessionFigures::SessionFigures(const Session& session, const SessionFigureOptions& options)
    : m_options(options), m_runs(computeSessionRuns(session, options.cancel))
{
    if (options.cancel != nullptr && options.cancel->load())
        throw std::runtime_error("cancelled");
    build(session.view);
}

SessionFigures::SessionFigures(std::vector<ExportRun> runs, const QJsonObject& view,
                               const SessionFigureOptions& options)
    : m_options(options), m_runs(std::move(runs))
{
    if (m_runs.empty())
        throw std::invalid_argument("figures: no runs to draw");
    build(view);
}

SessionFigures::~SessionFigures() = default;

QWidget* SessionFigures::figure(FigureKind kind) const
{
    switch (kind) {
    case FigureKind::Landscape:
        return m_landscape;
    case FigureKind::Loss:
        return m_loss;
    case FigureKind::LearningRate:
        return m_lr;
    case FigureKind::Dashboard:
        return m_dashboard.get();
    }
    return nullptr;
}

QSize SessionFigures::defaultSize(FigureKind kind)
{
    switch (kind) {
    case FigureKind::Landscape:
        return QSize(720, 620);
    case FigureKind::Loss:
    case FigureKind::LearningRate:
        return QSize(720, 460);
    case FigureKind::Dashboard:
        return QSize(1800, 600);
    }
    return QSize(720, 460);
}

int SessionFigures::maximumStep() const
{
    // As the window's playback: a model's path may end at row rows() (the parameters after the
    // last update).
    int last = 0;
    for (const ExportRun& run : m_runs)
        last = std::max(last, run.rows() - 1);
    for (const auto& d : m_drawn)
        if (!d->pathT.isEmpty())
            last = std::max(last, static_cast<int>(d->pathT.back()));
    return last;
}

void SessionFigures::build(const QJsonObject& view)
{
    // The dashboard's layout is fixed geometry (no QLayout): it is never shown, and the exporter
    // scales the child rectangles to the asked size.
    const QSize size = defaultSize(FigureKind::Dashboard);
    m_dashboard = std::make_unique<QWidget>();
    m_dashboard->setObjectName(QStringLiteral("dashboard"));
    m_dashboard->resize(size);
    const ExportRun& current = m_runs.back();
    m_lossIsGap = current.isToy();
    m_landscape = makePlot(m_dashboard.get(), QStringLiteral("landscape"), QString(),
                           QStringLiteral("x"), QStringLiteral("y"));
    m_loss = makePlot(m_dashboard.get(), QStringLiteral("loss"),
                      m_lossIsGap ? tr("Loss  f − f*  (log scale)") : tr("Loss (log scale)"),
                      tr("step"), m_lossIsGap ? tr("f − f*") : tr("minibatch loss"));
    m_lr = makePlot(m_dashboard.get(), QStringLiteral("lr"), tr("Learning-rate schedule"),
                    tr("step"), tr("learning rate"));
    const int third = size.width() / 3;
    m_landscape->setGeometry(0, 0, third, size.height());
    m_loss->setGeometry(third, 0, third, size.height());
    m_lr->setGeometry(2 * third, 0, size.width() - 2 * third, size.height());

    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        auto drawn = std::make_unique<Drawn>();
        drawn->run = &m_runs[i];
        if (m_runs[i].current) {
            drawn->colour = m_runs.size() == 1 ? kAloneColour : kCurrentColour;
            drawn->width = 2.8;
        } else {
            drawn->colour = okabeIto(static_cast<int>(i));
        }
        m_drawn.push_back(std::move(drawn));
    }
    buildLandscape(view);
    buildCurves();
    if (view.contains("cursor_step"))
        setCursorStep(std::min(view.value("cursor_step").toInt(), maximumStep()));
    else
        showComplete();
}

void SessionFigures::setNote(const QString& note)
{
    m_note = note;
    auto* text = new QCPItemText(m_landscape);
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(0.5, 0.5);
    text->setText(note);
    text->setColor(Qt::white);
    text->setBrush(QColor(200, 30, 30, 220));
    text->setPadding(QMargins(8, 4, 8, 4));
}

void SessionFigures::buildLandscape(const QJsonObject& view)
{
    const ExportRun& current = m_runs.back();
    try {
        if (current.isToy())
            buildToyLandscape();
        else
            buildModelLandscape(view);
    } catch (const std::invalid_argument& e) {
        // A plane that cannot be built (a diverged run has no pca plane) is shown, not fatal.
        setNote(tr("No landscape: %1").arg(QString::fromUtf8(e.what())));
    }
    m_landscape->legend->removeItem(m_landscape->legend->itemCount() - 1);
    m_landscape->legend->clearItems();
    for (const auto& d : m_drawn)
        if (d->path != nullptr)
            d->path->addToLegend();
    m_landscape->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
}

void SessionFigures::buildToyLandscape()
{
    const ExportRun& current = m_runs.back();
    const auto surface =
        makeToySurface(current.config.problem.type, current.config.problem.parameters);
    const ProblemInfo info = surface->info();
    auto* title = qobject_cast<QCPTextElement*>(m_landscape->plotLayout()->element(0, 0));
    for (const ToySurfaceDescriptor& d : toySurfaceCatalogue())
        if (d.name == info.name && title != nullptr)
            title->setText(tr("Loss landscape: %1").arg(QString::fromStdString(d.displayName)));
    LandscapeOptions options;
    options.threads = m_options.threads;
    options.cancel = m_options.cancel;
    const LandscapeGrid grid = computeToyGrid(*surface, m_options.toyGrid, info.view, options);
    if (!grid.complete)
        throw std::runtime_error("cancelled");

    drawLossMap(m_landscape, grid, info.view, info.minimumValue, tr("log₁₀(f − f* + ε)"), false);

    // Paths of every run on this same surface; far-away points only stretch the clipping.
    const double reach =
        1e6 * std::max(info.view.xMax - info.view.xMin, info.view.yMax - info.view.yMin);
    for (const auto& d : m_drawn) {
        const ExportRun& run = *d->run;
        if (!run.isToy() || !sameProblem(run.config.problem, current.config.problem))
            continue;
        for (int k = 0; k < run.rows(); ++k) {
            const double x = run.toy->x[static_cast<std::size_t>(k)];
            const double y = run.toy->y[static_cast<std::size_t>(k)];
            if (!std::isfinite(x) || !std::isfinite(y) || std::abs(x) > reach ||
                std::abs(y) > reach)
                break;
            d->pathT.push_back(k);
            d->pathX.push_back(x);
            d->pathY.push_back(y);
        }
    }
    auto* minima = m_landscape->addGraph();
    minima->setName(tr("global minimum"));
    minima->setLineStyle(QCPGraph::lsNone);
    minima->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssStar, QPen(Qt::white, 2.5), Qt::NoBrush, 17));
    for (const Eigen::VectorXd& m : info.minima)
        if (m.size() == 2)
            minima->addData(m(0), m(1));
    minima->removeFromLegend();
}

void SessionFigures::buildModelLandscape(const QJsonObject& view)
{
    const ExportRun& current = m_runs.back();
    const auto problem = ModelProblem::create(current.config.problem, current.config.seed);
    const int parameters = Model<float>(problem->modelSpec()).parameterCount();
    LandscapePlane plane = parameters == 2 ? LandscapePlane::Axes : LandscapePlane::Pca;
    if (view.contains("plane"))
        plane = parseLandscapePlane(view.value("plane").toString().toStdString());
    LandscapeOptions options;
    options.threads = m_options.threads;
    options.cancel = m_options.cancel;
    options.seed = current.config.seed;
    const ModelPlane modelPlane =
        makeModelPlane(plane, *current.model, problem->modelSpec(), options);
    const ViewBox box = modelPlane.defaultBox;
    const LandscapeGrid grid =
        computeModelGrid(*problem, modelPlane, m_options.modelGrid, box, options);
    if (!grid.complete)
        throw std::runtime_error("cancelled");
    if (auto* title = qobject_cast<QCPTextElement*>(m_landscape->plotLayout()->element(0, 0)))
        title->setText(tr("Loss landscape: %1 on %2 (%3 plane)")
                           .arg(QString::fromStdString(current.config.problem.type),
                                QString::fromStdString(problem->datasetName()),
                                QString::fromStdString(landscapePlaneName(plane))));
    // The window's axis titles, in the installed language.
    ModelLandscape titles;
    titles.plane = modelPlane.type;
    titles.alphaLabel = modelPlane.alphaLabel;
    titles.betaLabel = modelPlane.betaLabel;
    titles.alphaExplainedVariance = modelPlane.alphaExplainedVariance;
    titles.betaExplainedVariance = modelPlane.betaExplainedVariance;
    m_landscape->xAxis->setLabel(modelAxisTitle(titles, 0));
    m_landscape->yAxis->setLabel(modelAxisTitle(titles, 1));

    drawLossMap(m_landscape, grid, box, std::numeric_limits<double>::quiet_NaN(),
                tr("log₁₀(training loss − min + ε)"), true);

    // Runs of the same model and data, projected into this plane.
    for (const auto& d : m_drawn) {
        const ExportRun& run = *d->run;
        if (run.isToy() || !sameProblem(run.config.problem, current.config.problem) ||
            run.model->parameterCount != parameters)
            continue;
        const auto runProblem = d->run == &current
                                    ? problem
                                    : ModelProblem::create(run.config.problem, run.config.seed);
        const LandscapeTrajectory t =
            projectTrajectory(*runProblem, modelPlane, *run.model, options);
        for (int k = 0; k < t.size(); ++k) {
            const auto i = static_cast<std::size_t>(k);
            if (!std::isfinite(t.alpha[i]) || !std::isfinite(t.beta[i]))
                break;
            d->pathT.push_back(t.steps[i]);
            d->pathX.push_back(t.alpha[i]);
            d->pathY.push_back(t.beta[i]);
        }
    }
}

void SessionFigures::buildCurves()
{
    setLogAxis(m_loss->yAxis);
    for (QCustomPlot* plot : {m_loss, m_lr}) {
        plot->legend->removeItem(plot->legend->itemCount() - 1);
        plot->legend->clearItems();
        plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    }

    for (const auto& d : m_drawn) {
        const ExportRun& run = *d->run;
        const double offset = run.isToy() ? run.minimumValue : 0.0;
        for (int k = 0; k < run.rows(); ++k) {
            const double lr = run.learningRateAt(k);
            if (std::isfinite(lr)) {
                d->lrSteps.push_back(k);
                d->lrValues.push_back(lr);
            }
            const double loss = run.lossAt(k);
            if (!std::isfinite(loss))
                break;
            d->lossSteps.push_back(k);
            d->lossValues.push_back(std::max(loss - offset, kLossFloor));
        }
        const QPen pen(d->colour, d->width);
        const QCPScatterStyle marker(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.2), d->colour, 9);
        if (!d->pathT.isEmpty()) {
            d->path = new QCPCurve(m_landscape->xAxis, m_landscape->yAxis);
            d->path->setName(run.label);
            d->path->setPen(pen);
            d->path->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(d->colour, 1.0), Qt::white, 4));
            d->path->setScatterSkip(std::max(0, static_cast<int>(d->pathT.size()) / 40 - 1));
            d->endMarker = m_landscape->addGraph();
            d->endMarker->setLineStyle(QCPGraph::lsNone);
            d->endMarker->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.5), d->colour, 12));
            d->endMarker->removeFromLegend();
            d->pathMarker = m_landscape->addGraph();
            d->pathMarker->setLineStyle(QCPGraph::lsNone);
            d->pathMarker->setScatterStyle(marker);
            d->pathMarker->removeFromLegend();
            if (run.current) {
                auto* start = m_landscape->addGraph();
                start->setName(tr("start"));
                start->setLineStyle(QCPGraph::lsNone);
                start->setScatterStyle(
                    QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), Qt::white, 13));
                start->addData(d->pathX.front(), d->pathY.front());
                start->removeFromLegend();
            }
        }
        d->lossGraph = m_loss->addGraph();
        d->lossGraph->setName(run.label);
        d->lossGraph->setPen(pen);
        d->lossGraph->addToLegend();
        if (run.current && !run.isToy())
            addModelCurves(*d);
        d->lossMarker = m_loss->addGraph();
        d->lossMarker->setLineStyle(QCPGraph::lsNone);
        d->lossMarker->setScatterStyle(marker);
        d->lossMarker->removeFromLegend();
        d->lrGraph = m_lr->addGraph();
        d->lrGraph->setName(run.label);
        d->lrGraph->setPen(pen);
        d->lrGraph->setData(d->lrSteps, d->lrValues, true);
        d->lrGraph->addToLegend();
        d->lrMarker = m_lr->addGraph();
        d->lrMarker->setLineStyle(QCPGraph::lsNone);
        d->lrMarker->setScatterStyle(marker);
        d->lrMarker->removeFromLegend();
    }
    // Fixed ranges from the complete runs.
    const double last = std::max(1, maximumStep());
    double lo = std::numeric_limits<double>::infinity(), hi = 0.0, lrHi = 0.0;
    for (const auto& d : m_drawn) {
        for (double v : d->lossValues) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        for (double v : d->lrValues)
            lrHi = std::max(lrHi, v);
        for (const Drawn::Extra& extra : d->extras)
            if (extra.graph->valueAxis() == m_loss->yAxis)
                for (double v : extra.values) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
    }
    if (!(hi > 0.0) || !std::isfinite(lo)) {
        lo = 1e-3;
        hi = 1.0;
    }
    m_loss->xAxis->setRange(0, last);
    m_loss->yAxis->setRange(lo / 1.5, hi * 1.5);
    m_lr->xAxis->setRange(0, last);
    m_lr->yAxis->setRange(0, lrHi > 0.0 ? lrHi * 1.08 : 1.0);

    for (QCustomPlot* plot : {m_loss, m_lr}) {
        auto* line = new QCPItemStraightLine(plot);
        line->setObjectName(QStringLiteral("cursor"));
        line->setPen(QPen(QColor(90, 90, 90), 1.2, Qt::DashLine));
        line->point1->setCoords(0, 0);
        line->point2->setCoords(0, 1);
        line->setVisible(false);
    }
}

void SessionFigures::addModelCurves(Drawn& d)
{
    // As the window's loss and accuracy plots (CurvePlots, RunController): the minibatch loss as
    // a thin pale line under its moving average, the validation loss at the evaluated rows, and
    // for classifiers the validation accuracy (here on the loss plot's right axis).
    const ModelTrace& trace = *d.run->model;
    d.lossGraph->setPen(QPen(kMinibatchColour, 1.0));
    d.lossGraph->setName(curvesText("minibatch (current)"));
    const auto addGraph = [&](const QString& name, const QColor& colour, double width, bool markers,
                              QCPAxis* valueAxis) -> Drawn::Extra& {
        Drawn::Extra extra;
        extra.graph = m_loss->addGraph(m_loss->xAxis, valueAxis);
        extra.graph->setName(name);
        extra.graph->setPen(QPen(colour, width));
        if (markers)
            extra.graph->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 1.5), Qt::white, 6));
        extra.graph->addToLegend();
        d.extras.push_back(std::move(extra));
        return d.extras.back();
    };

    Drawn::Extra& smoothed =
        addGraph(curvesText("smoothed (EMA)"), kSmoothedColour, 2.2, false, m_loss->yAxis);
    double ema = std::numeric_limits<double>::quiet_NaN();
    for (int k = 0; k < trace.rows(); ++k) {
        const double loss = trace.loss[static_cast<std::size_t>(k)];
        if (!std::isfinite(loss))
            continue;
        ema = std::isfinite(ema)
                  ? (1.0 - RunController::kSmoothing) * ema + RunController::kSmoothing * loss
                  : loss;
        smoothed.steps.push_back(k);
        smoothed.values.push_back(std::max(ema, kLossFloor));
    }

    Drawn::Extra& validation =
        addGraph(curvesText("validation"), kValidationColour, 2.0, true, m_loss->yAxis);
    for (std::size_t i = 0; i < trace.evalRows.size(); ++i)
        if (std::isfinite(trace.validationLoss[i])) {
            validation.steps.push_back(trace.evalRows[i]);
            validation.values.push_back(std::max(trace.validationLoss[i], kLossFloor));
        }

    if (!d.run->classification)
        return;
    QCPAxis* right = m_loss->yAxis2;
    right->setVisible(true);
    right->setLabel(curvesText("accuracy"));
    Drawn::Extra& accuracy =
        addGraph(curvesText("Validation accuracy"), kAccuracyColour, 2.0, true, right);
    double lowest = 1.0;
    for (std::size_t i = 0; i < trace.evalRows.size(); ++i)
        if (std::isfinite(trace.validationAccuracy[i])) {
            accuracy.steps.push_back(trace.evalRows[i]);
            accuracy.values.push_back(trace.validationAccuracy[i]);
            lowest = std::min(lowest, trace.validationAccuracy[i]);
        }
    right->setRange(std::max(0.0, std::floor(lowest * 10.0) / 10.0 - 0.05), 1.02);
}

void SessionFigures::setCursorStep(int step)
{
    showUpTo(std::clamp(step, 0, maximumStep()), true);
}

void SessionFigures::showComplete()
{
    showUpTo(maximumStep(), false);
}

void SessionFigures::showUpTo(int step, bool cursor)
{
    // The last index whose step is <= step (data is ascending in step), or -1.
    const auto lastAtOrBefore = [step](const QVector<double>& steps) {
        return static_cast<int>(std::upper_bound(steps.begin(), steps.end(), double(step)) -
                                steps.begin()) -
               1;
    };
    for (const auto& d : m_drawn) {
        if (d->path != nullptr) {
            const int n = lastAtOrBefore(d->pathT) + 1;
            d->path->setData(d->pathT.mid(0, n), d->pathX.mid(0, n), d->pathY.mid(0, n), true);
            d->endMarker->data()->clear();
            d->pathMarker->data()->clear();
            if (n > 0) {
                if (cursor)
                    d->pathMarker->addData(d->pathX[n - 1], d->pathY[n - 1]);
                else
                    d->endMarker->addData(d->pathX[n - 1], d->pathY[n - 1]);
            }
        }
        const int n = lastAtOrBefore(d->lossSteps) + 1;
        d->lossGraph->setData(d->lossSteps.mid(0, n), d->lossValues.mid(0, n), true);
        d->lossMarker->data()->clear();
        d->lrMarker->data()->clear();
        if (cursor && n > 0)
            d->lossMarker->addData(d->lossSteps[n - 1], d->lossValues[n - 1]);
        for (const Drawn::Extra& extra : d->extras) {
            const int e = lastAtOrBefore(extra.steps) + 1;
            extra.graph->setData(extra.steps.mid(0, e), extra.values.mid(0, e), true);
        }
        const int m = lastAtOrBefore(d->lrSteps) + 1;
        if (cursor && m > 0)
            d->lrMarker->addData(d->lrSteps[m - 1], d->lrValues[m - 1]);
    }
    for (QCustomPlot* plot : {m_loss, m_lr})
        for (int i = 0; i < plot->itemCount(); ++i)
            if (auto* line = qobject_cast<QCPItemStraightLine*>(plot->item(i));
                line != nullptr && line->objectName() == QLatin1String("cursor")) {
                line->point1->setCoords(step, 0);
                line->point2->setCoords(step, 1);
                line->setVisible(cursor);
            }
}

} // namespace lrlab
