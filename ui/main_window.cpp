#include "ui/main_window.h"

#include "core/analysis/stability.h"
#include "core/engine/toy_run.h"
#include "core/optimizers/optimizer.h"
#include "core/schedules/schedule.h"
#include "ui/controls/learning_rate_control.h"
#include "ui/controls/scientific_spin_box.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace lrlab {

namespace {

/// Optimizers offered in the toy lab: all of them (adam8bit quantizes even two parameters,
/// which shows its rounding floor near the minimum).
bool offeredInToyLab(const std::string&)
{
    return true;
}

QString optimizerDisplayName(const std::string& type)
{
    static const std::map<std::string, QString> names = {
        {"sgd", QStringLiteral("SGD")},         {"rmsprop", QStringLiteral("RMSprop")},
        {"adagrad", QStringLiteral("Adagrad")}, {"adam", QStringLiteral("Adam")},
        {"adamw", QStringLiteral("AdamW")},     {"lion", QStringLiteral("Lion")},
        {"adam8bit", QStringLiteral("Adam 8-bit")}};
    const auto it = names.find(type);
    return it != names.end() ? it->second : QString::fromStdString(type);
}

QString decayDisplayName(const std::string& decay)
{
    static const std::map<std::string, QString> names = {
        {"constant", QObject::tr("Constant")},
        {"cosine", QObject::tr("Cosine")},
        {"linear", QObject::tr("Linear")},
        {"polynomial", QObject::tr("Polynomial")},
        {"exponential", QObject::tr("Exponential")},
        {"step", QObject::tr("Step")},
        {"cosine_restarts", QObject::tr("Cosine with restarts (SGDR)")},
        {"inverse_sqrt", QObject::tr("Inverse square root")},
        {"onecycle", QObject::tr("One-cycle")},
        {"wsd", QObject::tr("Warmup–stable–decay (WSD)")}};
    const auto it = names.find(decay);
    return it != names.end() ? it->second : QString::fromStdString(decay);
}

/// The decay parameters that matter for each decay (DESIGN.md §2.4).
bool decayUses(Decay decay, const char* key)
{
    const std::string k(key);
    switch (decay) {
    case Decay::Constant:
        return false;
    case Decay::Cosine:
    case Decay::Linear:
        return k == "min_lr";
    case Decay::Polynomial:
        return k == "power" || k == "min_lr";
    case Decay::Exponential:
        return k == "gamma" || k == "steps_per_epoch";
    case Decay::Step:
        return k == "gamma" || k == "step_size";
    case Decay::CosineRestarts:
        return k == "t0" || k == "t_mult" || k == "min_lr";
    case Decay::InverseSqrt:
        return k == "timescale";
    case Decay::OneCycle:
        return k == "pct_start" || k == "div_factor" || k == "final_div_factor";
    case Decay::Wsd:
        return k == "decay_fraction" || k == "shape" || k == "min_lr";
    }
    return false;
}

bool hasKey(const std::vector<std::string>& keys, const char* key)
{
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

/// Viridis (matplotlib's perceptually uniform map) from eleven of its stops; QCP 2.1 has no
/// preset for it. Discrete levels turn the map into contour bands.
QCPColorGradient viridisBands(int levels)
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    const char* stops[] = {"#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c",
                           "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725"};
    for (int i = 0; i <= 10; ++i)
        gradient.setColorStopAt(i / 10.0, QColor(stops[i]));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(levels);
    return gradient;
}

QDoubleSpinBox* makeSpin(QWidget* parent, const char* name, double lo, double hi, int decimals,
                         double step, const QString& tip)
{
    auto* spin = new QDoubleSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(lo, hi);
    spin->setDecimals(decimals);
    spin->setSingleStep(step);
    spin->setKeyboardTracking(false);
    spin->setToolTip(tip);
    return spin;
}

QSpinBox* makeIntSpin(QWidget* parent, const char* name, int lo, int hi, int step,
                      const QString& tip)
{
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(lo, hi);
    spin->setSingleStep(step);
    spin->setKeyboardTracking(false);
    spin->setToolTip(tip);
    return spin;
}

void styleAxes(QCustomPlot* plot, const QString& xLabel, const QString& yLabel)
{
    QFont labelFont = plot->font();
    labelFont.setPointSizeF(labelFont.pointSizeF() + 1);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setLabelFont(labelFont);
        axis->setTickLabelFont(plot->font());
    }
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
}

QCPTextElement* addTitle(QCustomPlot* plot, const QString& text)
{
    plot->plotLayout()->insertRow(0);
    QFont font = plot->font();
    font.setPointSizeF(font.pointSizeF() + 2);
    font.setBold(true);
    auto* title = new QCPTextElement(plot, text, font);
    plot->plotLayout()->addElement(0, 0, title);
    return title;
}

QString formatRate(double value)
{
    return ScientificSpinBox::format(value);
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_worker(new TrainingThread)
{
    setWindowTitle(tr("lrlab — Learning Rate Lab"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildPlots());
    auto* scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(buildControls());
    scroll->setMinimumWidth(scroll->widget()->sizeHint().width() + 24);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);
    buildMenus();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("runStatusLabel"));
    m_timingLabel = new QLabel(this);
    m_timingLabel->setToolTip(tr("Time the last run took in the background thread."));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_timingLabel);

    connect(m_worker.get(), &TrainingThread::landscapeReady, this,
            [this](quint64, const LandscapeImage& grid) { showLandscape(grid); });
    connect(m_worker.get(), &TrainingThread::runFinished, this, &MainWindow::showRun);
    connect(m_worker.get(), &TrainingThread::runFailed, this, &MainWindow::showFailure);

    resize(1500, 950);
    applyDefaultLesson();
}

MainWindow::~MainWindow()
{
    // Stop the worker before the plots it reports to go away.
    m_worker.reset();
}

// ---------------------------------------------------------------------------------------------
// Construction

QWidget* MainWindow::buildPlots()
{
    auto* plots = new QSplitter(Qt::Horizontal);

    m_mapPlot = new QCustomPlot(plots);
    m_mapPlot->setObjectName(QStringLiteral("landscapePlot"));
    m_mapPlot->setMinimumSize(420, 420);
    m_mapPlot->setToolTip(tr("The loss landscape: colour bands are levels of log₁₀(f − f*), dark "
                             "= low loss. The orange path is the optimizer; dots mark every few "
                             "steps. Click or drag to move the start point (white circle); stars "
                             "are the global minima."));
    m_mapTitle = addTitle(m_mapPlot, QString());
    styleAxes(m_mapPlot, QStringLiteral("x"), QStringLiteral("y"));
    m_colorMap = new QCPColorMap(m_mapPlot->xAxis, m_mapPlot->yAxis);
    m_colorMap->setInterpolate(false);
    m_colorMap->setTightBoundary(false);
    m_colorScale = new QCPColorScale(m_mapPlot);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setBarWidth(14);
    m_colorScale->axis()->setLabel(tr("log₁₀(f − f* + ε)"));
    m_colorScale->axis()->setLabelFont(m_mapPlot->xAxis->labelFont());
    m_mapPlot->plotLayout()->addElement(1, 1, m_colorScale);
    m_colorMap->setColorScale(m_colorScale);
    // After setColorScale: the map takes over the scale's gradient when they are linked.
    m_colorScale->setGradient(viridisBands(20));
    auto* marginGroup = new QCPMarginGroup(m_mapPlot);
    m_mapPlot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, marginGroup);
    m_colorScale->setMarginGroup(QCP::msBottom | QCP::msTop, marginGroup);

    // The path and its markers live on their own buffered layer above the colour map.
    m_mapPlot->addLayer(QStringLiteral("path"), m_mapPlot->layer(QStringLiteral("main")),
                        QCustomPlot::limAbove);
    m_pathLayer = m_mapPlot->layer(QStringLiteral("path"));
    m_pathLayer->setMode(QCPLayer::lmBuffered);
    const QColor pathColour(255, 110, 30);
    m_trajectory = new QCPCurve(m_mapPlot->xAxis, m_mapPlot->yAxis);
    m_trajectory->setName(tr("trajectory"));
    m_trajectory->setPen(QPen(pathColour, 2.2));
    m_trajectory->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(pathColour, 1.2), Qt::white, 5));
    m_startMarker = m_mapPlot->addGraph();
    m_startMarker->setName(tr("start"));
    m_startMarker->setLineStyle(QCPGraph::lsNone);
    m_startMarker->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), Qt::white, 13));
    m_endMarker = m_mapPlot->addGraph();
    m_endMarker->setName(tr("end"));
    m_endMarker->setLineStyle(QCPGraph::lsNone);
    m_endMarker->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.5), pathColour, 13));
    m_minimaMarker = m_mapPlot->addGraph();
    m_minimaMarker->setName(tr("global minimum"));
    m_minimaMarker->setLineStyle(QCPGraph::lsNone);
    m_minimaMarker->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssStar, QPen(Qt::white, 2.5), Qt::NoBrush, 17));
    m_mapPlot->legend->setVisible(true);
    m_mapPlot->legend->removeItem(m_mapPlot->legend->itemCount() - 1);  // keep the items below
    m_mapPlot->legend->clearItems();
    for (QCPAbstractPlottable* p : std::initializer_list<QCPAbstractPlottable*>{
             m_trajectory, m_startMarker, m_endMarker, m_minimaMarker})
        p->addToLegend();
    m_mapPlot->legend->setBrush(QColor(255, 255, 255, 210));
    m_mapPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_mapNote = new QCPItemText(m_mapPlot);
    m_mapNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_mapNote->position->setCoords(0.02, 0.02);
    m_mapNote->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_mapNote->setColor(Qt::white);
    m_mapNote->setBrush(QColor(200, 30, 30, 220));
    m_mapNote->setPadding(QMargins(6, 3, 6, 3));
    m_mapNote->setVisible(false);
    for (QCPLayerable* item : std::initializer_list<QCPLayerable*>{
             m_trajectory, m_startMarker, m_endMarker, m_minimaMarker, m_mapNote})
        item->setLayer(m_pathLayer);
    connect(m_mapPlot, &QCustomPlot::mousePress, this, &MainWindow::setStartFromMap);
    connect(m_mapPlot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() & Qt::LeftButton)
            setStartFromMap(event);
    });

    auto* curves = new QSplitter(Qt::Vertical, plots);
    m_lossPlot = new QCustomPlot(curves);
    m_lossPlot->setObjectName(QStringLiteral("lossPlot"));
    m_lossPlot->setMinimumSize(320, 240);
    m_lossPlot->setToolTip(tr("Loss above the global minimum, f(θ_k) − f*, on a log scale: a "
                              "straight downward line is linear convergence; a flat line is "
                              "stagnation; an upward line that stops is divergence."));
    addTitle(m_lossPlot, tr("Loss  f − f*  (log scale)"));
    styleAxes(m_lossPlot, tr("step"), tr("f − f*"));
    m_lossPlot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
    logTicker->setSubTickCount(8);
    m_lossPlot->yAxis->setTicker(logTicker);
    m_lossPlot->yAxis->setNumberFormat(QStringLiteral("eb"));
    m_lossPlot->yAxis->setNumberPrecision(0);
    m_lossGraph = m_lossPlot->addGraph();
    m_lossGraph->setPen(QPen(QColor(30, 90, 180), 2));
    m_divergenceLine = new QCPItemStraightLine(m_lossPlot);
    m_divergenceLine->setPen(QPen(QColor(200, 30, 30), 1.5, Qt::DashLine));
    m_divergenceLine->setVisible(false);
    m_divergenceText = new QCPItemText(m_lossPlot);
    m_divergenceText->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_divergenceText->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_divergenceText->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    m_divergenceText->setColor(QColor(200, 30, 30));
    QFont bold = m_lossPlot->font();
    bold.setBold(true);
    m_divergenceText->setFont(bold);
    m_divergenceText->setVisible(false);

    m_lrPlot = new QCustomPlot(curves);
    m_lrPlot->setObjectName(QStringLiteral("schedulePlot"));
    m_lrPlot->setMinimumSize(320, 200);
    m_lrPlot->setToolTip(tr("The learning rate used at each step (warmup, then decay), drawn "
                            "from the schedule before the run. The dashed red line is the "
                            "stable limit at the start point."));
    addTitle(m_lrPlot, tr("Learning-rate schedule"));
    styleAxes(m_lrPlot, tr("step"), tr("learning rate"));
    m_lrGraph = m_lrPlot->addGraph();
    m_lrGraph->setPen(QPen(QColor(40, 140, 70), 2));
    m_lrGraph->setBrush(QColor(40, 140, 70, 40));
    m_lrLimitLine = new QCPItemStraightLine(m_lrPlot);
    m_lrLimitLine->setPen(QPen(QColor(200, 30, 30), 1.5, Qt::DashLine));
    m_lrLimitText = new QCPItemText(m_lrPlot);
    m_lrLimitText->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_lrLimitText->position->setTypeY(QCPItemPosition::ptPlotCoords);
    m_lrLimitText->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_lrLimitText->setColor(QColor(200, 30, 30));
    m_lrLimitText->setBrush(QColor(255, 255, 255, 200));  // readable over the curve

    curves->addWidget(m_lossPlot);
    curves->addWidget(m_lrPlot);
    curves->setStretchFactor(0, 3);
    curves->setStretchFactor(1, 2);
    plots->addWidget(m_mapPlot);
    plots->addWidget(curves);
    plots->setStretchFactor(0, 5);
    plots->setStretchFactor(1, 4);
    plots->setChildrenCollapsible(false);
    return plots;
}

QWidget* MainWindow::buildControls()
{
    auto* panel = new QWidget;
    auto* column = new QVBoxLayout(panel);

    // Surface.
    auto* surfaceBox = new QGroupBox(tr("Surface"), panel);
    auto* surfaceForm = new QFormLayout(surfaceBox);
    m_surfaceCombo = new QComboBox(surfaceBox);
    m_surfaceCombo->setObjectName(QStringLiteral("surfaceCombo"));
    for (const ToySurfaceDescriptor& d : toySurfaceCatalogue())
        m_surfaceCombo->addItem(QString::fromStdString(d.displayName),
                                QString::fromStdString(d.name));
    m_surfaceCombo->setToolTip(
        tr("The loss landscape f(x, y) to minimise. Rosenbrock: a curved, narrow valley where "
           "gradient descent zig-zags and momentum helps. Quadratic: the textbook bowl where "
           "the limit 2/λ₁ is exact. Rastrigin/Ackley: many local minima. Saddle: escaping a "
           "saddle point."));
    surfaceForm->addRow(tr("S&urface:"), m_surfaceCombo);
    m_startX = makeSpin(surfaceBox, "startX", -1000, 1000, 3, 0.1,
                        tr("Where the optimizer starts (x). Click or drag on the map to move "
                           "it. The stable limit is computed from the curvature here."));
    m_startY = makeSpin(surfaceBox, "startY", -1000, 1000, 3, 0.1,
                        tr("Where the optimizer starts (y). Click or drag on the map to move "
                           "it. The stable limit is computed from the curvature here."));
    auto* resetStart = new QPushButton(tr("Default"), surfaceBox);
    resetStart->setToolTip(tr("Back to the surface's default start point."));
    auto* startRow = new QHBoxLayout;
    startRow->addWidget(m_startX);
    startRow->addWidget(m_startY);
    startRow->addWidget(resetStart);
    auto* startLabel = new QLabel(tr("S&tart x, y:"), surfaceBox);
    startLabel->setBuddy(m_startX);
    surfaceForm->addRow(startLabel, startRow);
    m_noise = makeSpin(surfaceBox, "noise", 0, 100, 3, 0.1,
                       tr("Standard deviation σ of Gaussian noise added to every gradient, like "
                          "minibatch noise. With noise the path jitters and only a smaller or "
                          "decaying learning rate settles near the minimum; 0 = exact "
                          "gradients."));
    surfaceForm->addRow(tr("Gradient &noise σ:"), m_noise);
    m_seed = makeIntSpin(surfaceBox, "seed", 0, std::numeric_limits<int>::max(), 1,
                         tr("Seed of the noise generator: the same seed gives the same run. "
                            "Change it to see another noisy path."));
    surfaceForm->addRow(tr("Seed:"), m_seed);
    column->addWidget(surfaceBox);

    // Optimizer.
    auto* optimizerBox = new QGroupBox(tr("Optimizer"), panel);
    m_optimizerForm = new QFormLayout(optimizerBox);
    m_optimizerCombo = new QComboBox(optimizerBox);
    m_optimizerCombo->setObjectName(QStringLiteral("optimizerCombo"));
    for (const std::string& name : optimizerNames())
        if (offeredInToyLab(name))
            m_optimizerCombo->addItem(optimizerDisplayName(name), QString::fromStdString(name));
    m_optimizerCombo->setToolTip(
        tr("The update rule. SGD steps along the negative gradient (with momentum: a heavy "
           "ball). RMSprop, Adagrad, Adam and AdamW divide by a running gradient size, so the "
           "LR becomes a step length rather than a multiple of the gradient. Lion steps by the "
           "sign of its momentum."));
    m_optimizerForm->addRow(tr("&Optimizer:"), m_optimizerCombo);
    m_momentum = makeSpin(optimizerBox, "momentum", 0, 0.999, 3, 0.05,
                          tr("Heavy-ball coefficient β: each step adds β × the previous step. "
                             "More β speeds travel along a valley but overshoots and "
                             "oscillates; the stable LR grows to 2(1+β)/λ₁. 0 = plain gradient "
                             "descent."));
    m_optimizerForm->addRow(tr("&Momentum β:"), m_momentum);
    m_nesterov = new QCheckBox(tr("Nes&terov"), optimizerBox);
    m_nesterov->setObjectName(QStringLiteral("nesterov"));
    m_nesterov->setToolTip(tr("Look-ahead momentum: the gradient correction is applied after "
                              "the momentum step, which damps heavy-ball oscillation. Needs "
                              "momentum > 0."));
    m_optimizerForm->addRow(QString(), m_nesterov);
    m_alpha = makeSpin(optimizerBox, "alpha", 0, 0.9999, 4, 0.01,
                       tr("RMSprop: decay of the running mean of squared gradients. Near 1 = "
                          "long memory and smooth step sizes; smaller = reacts fast but "
                          "noisily."));
    m_optimizerForm->addRow(tr("&Alpha:"), m_alpha);
    m_eps = new ScientificSpinBox(optimizerBox);
    m_eps->setObjectName(QStringLiteral("eps"));
    m_eps->setRange(1e-12, 1.0);
    m_eps->setSmallestStep(1e-12);
    m_eps->setToolTip(tr("Added to the denominator to avoid division by zero. A large eps "
                         "makes the method behave like plain SGD where gradients are small."));
    m_optimizerForm->addRow(tr("&Eps:"), m_eps);
    m_beta1 = makeSpin(optimizerBox, "beta1", 0, 0.999, 3, 0.01,
                       tr("Decay of the first moment (the momentum) of Adam and Lion. Higher = "
                          "smoother direction, more inertia and overshoot."));
    m_optimizerForm->addRow(tr("Beta&1:"), m_beta1);
    m_beta2 = makeSpin(optimizerBox, "beta2", 0, 0.9999, 4, 0.001,
                       tr("Decay of the second moment (squared gradients; for Lion: of the "
                          "momentum). Near 1 = stable step sizes; lower = adapts faster, "
                          "noisier."));
    m_optimizerForm->addRow(tr("Beta&2:"), m_beta2);
    m_weightDecay = makeSpin(optimizerBox, "weightDecay", 0, 10, 4, 0.001,
                             tr("Pulls the parameters towards 0 every step (AdamW and Lion: "
                                "decoupled, θ ← θ(1 − lr·wd)). Too much moves the end point "
                                "away from the true minimum."));
    m_optimizerForm->addRow(tr("&Weight decay:"), m_weightDecay);
    column->addWidget(optimizerBox);

    // Learning rate.
    auto* lrBox = new QGroupBox(tr("Learning rate"), panel);
    auto* lrLayout = new QVBoxLayout(lrBox);
    m_learningRate = new LearningRateControl(lrBox);
    m_learningRate->setObjectName(QStringLiteral("learningRateControl"));
    const QString lrTip =
        tr("Learning rate: the size of each step, on a log scale from 10⁻⁶ to 10. Too small: "
           "the path crawls and stops far from the minimum. Too large: it oscillates across "
           "the valley and, past the red mark, diverges. The red mark is the stable limit "
           "2/λ₁ of gradient descent, λ₁ being the largest curvature (Hessian eigenvalue) at "
           "the start point; with momentum β it moves to 2(1+β)/λ₁.");
    m_learningRate->slider()->setToolTip(lrTip);
    m_learningRate->field()->setToolTip(lrTip);
    auto* lrLabel = new QLabel(tr("&Learning rate (peak):"), lrBox);
    lrLabel->setBuddy(m_learningRate->slider());
    lrLayout->addWidget(lrLabel);
    lrLayout->addWidget(m_learningRate);
    column->addWidget(lrBox);

    // Schedule.
    auto* scheduleBox = new QGroupBox(tr("Schedule"), panel);
    m_scheduleForm = new QFormLayout(scheduleBox);
    m_steps = makeIntSpin(scheduleBox, "steps", 1, 20000, 100,
                          tr("Number of optimizer updates. Decays are stretched over the whole "
                             "run."));
    m_scheduleForm->addRow(tr("&Steps:"), m_steps);
    m_warmupSteps = makeIntSpin(scheduleBox, "warmupSteps", 0, 20000, 10,
                                tr("The LR rises linearly from (start factor × lr) to lr over "
                                   "this many steps. Warmup lets a large LR survive a steep "
                                   "start; too long wastes steps."));
    m_scheduleForm->addRow(tr("Wa&rmup steps:"), m_warmupSteps);
    m_warmupStartFactor = makeSpin(scheduleBox, "warmupStartFactor", 0, 1, 3, 0.05,
                                   tr("Fraction of the LR used at the first warmup step (0 = "
                                      "start from zero)."));
    m_scheduleForm->addRow(tr("Warmup start factor:"), m_warmupStartFactor);
    m_decayCombo = new QComboBox(scheduleBox);
    m_decayCombo->setObjectName(QStringLiteral("decayCombo"));
    for (const std::string& name : decayNames())
        m_decayCombo->addItem(decayDisplayName(name), QString::fromStdString(name));
    m_decayCombo->setToolTip(tr("How the LR falls after warmup. Decay lets a run take big steps "
                                "early and settle precisely late; a constant LR keeps "
                                "bouncing at the scale the LR sets."));
    m_scheduleForm->addRow(tr("&Decay:"), m_decayCombo);
    m_gamma = makeSpin(scheduleBox, "gamma", 0.0001, 1, 4, 0.01,
                       tr("Factor per decay: exponential multiplies by gamma every epoch, step "
                          "decay every step_size steps. Smaller = faster decay."));
    m_scheduleForm->addRow(tr("Gamma:"), m_gamma);
    m_stepSize = makeIntSpin(scheduleBox, "stepSize", 0, 20000, 10,
                             tr("Step decay: steps between multiplications by gamma (auto = a "
                                "third of the run)."));
    m_stepSize->setSpecialValueText(tr("auto"));
    m_scheduleForm->addRow(tr("Step size:"), m_stepSize);
    m_stepsPerEpoch = makeIntSpin(scheduleBox, "stepsPerEpoch", 1, 20000, 1,
                                  tr("Exponential decay applies gamma once per this many "
                                     "steps."));
    m_scheduleForm->addRow(tr("Steps per epoch:"), m_stepsPerEpoch);
    m_t0 = makeIntSpin(scheduleBox, "t0", 0, 20000, 10,
                       tr("Length of the first cosine cycle (auto = a quarter of the run). At "
                          "each restart the LR jumps back to its peak, which can kick the path "
                          "out of a poor basin."));
    m_t0->setSpecialValueText(tr("auto"));
    m_scheduleForm->addRow(tr("First cycle t0:"), m_t0);
    m_tMult = makeIntSpin(scheduleBox, "tMult", 1, 10, 1,
                          tr("Each cycle is t_mult times longer than the previous one."));
    m_scheduleForm->addRow(tr("Cycle multiplier:"), m_tMult);
    m_power = makeSpin(scheduleBox, "power", 0.1, 10, 2, 0.1,
                       tr("Exponent of polynomial decay: 1 = linear; larger falls fast then "
                          "flattens; smaller stays high longer."));
    m_scheduleForm->addRow(tr("Power:"), m_power);
    m_timescale = makeSpin(scheduleBox, "timescale", 0, 1e6, 0, 10,
                           tr("Inverse square root: lr/√(1 + τ/timescale). Smaller = faster "
                              "decay (auto = the warmup length, or 10000 without warmup)."));
    m_timescale->setSpecialValueText(tr("auto"));
    m_scheduleForm->addRow(tr("Timescale:"), m_timescale);
    m_pctStart = makeSpin(scheduleBox, "pctStart", 0.01, 0.99, 2, 0.05,
                          tr("One-cycle: fraction of the run spent rising to the peak LR."));
    m_scheduleForm->addRow(tr("Rise fraction:"), m_pctStart);
    m_divFactor = makeSpin(scheduleBox, "divFactor", 1, 1e4, 1, 5,
                           tr("One-cycle starts at lr / div_factor."));
    m_scheduleForm->addRow(tr("Div factor:"), m_divFactor);
    m_finalDivFactor = makeSpin(scheduleBox, "finalDivFactor", 1, 1e6, 0, 100,
                                tr("One-cycle ends at (lr / div_factor) / final_div_factor."));
    m_scheduleForm->addRow(tr("Final div factor:"), m_finalDivFactor);
    m_decayFraction = makeSpin(scheduleBox, "decayFraction", 0.01, 1, 2, 0.05,
                               tr("WSD: the LR stays at its peak, then falls to min_lr over "
                                  "this last fraction of the run."));
    m_scheduleForm->addRow(tr("Decay fraction:"), m_decayFraction);
    m_shape = new QComboBox(scheduleBox);
    m_shape->setObjectName(QStringLiteral("shape"));
    for (const std::string& name : wsdShapeNames())
        m_shape->addItem(QString::fromStdString(name), QString::fromStdString(name));
    m_shape->setToolTip(tr("WSD: shape of the final cool-down."));
    m_scheduleForm->addRow(tr("Cool-down shape:"), m_shape);
    m_minLr = new ScientificSpinBox(scheduleBox);
    m_minLr->setObjectName(QStringLiteral("minLr"));
    m_minLr->setRange(0.0, LearningRateControl::kMaximum);
    m_minLr->setToolTip(tr("The floor the decay ends at (at most the peak LR). A small floor "
                           "keeps the run moving at the end."));
    m_scheduleForm->addRow(tr("Min lr:"), m_minLr);
    column->addWidget(scheduleBox);
    column->addStretch(1);

    // Wiring: every control re-runs; a few first adjust dependent widgets.
    connect(m_surfaceCombo, &QComboBox::currentIndexChanged, this, &MainWindow::surfaceChanged);
    connect(m_optimizerCombo, &QComboBox::currentIndexChanged, this,
            &MainWindow::optimizerChanged);
    connect(m_decayCombo, &QComboBox::currentIndexChanged, this, &MainWindow::decayChanged);
    connect(m_steps, &QSpinBox::valueChanged, this, &MainWindow::stepsChanged);
    connect(resetStart, &QPushButton::clicked, this, [this] {
        m_updating = true;
        m_startX->setValue(m_surface->info().start(0));
        m_startY->setValue(m_surface->info().start(1));
        m_updating = false;
        settingsChanged();
    });
    connect(m_momentum, &QDoubleSpinBox::valueChanged, this, [this] {
        updateVisibleRows();
        settingsChanged();
    });
    connect(m_learningRate, &LearningRateControl::learningRateChanged, this,
            &MainWindow::settingsChanged);
    for (QDoubleSpinBox* spin :
         {m_startX, m_startY, m_noise, m_alpha, static_cast<QDoubleSpinBox*>(m_eps), m_beta1,
          m_beta2, m_weightDecay, m_warmupStartFactor, m_gamma, m_power, m_timescale,
          m_pctStart, m_divFactor, m_finalDivFactor, m_decayFraction,
          static_cast<QDoubleSpinBox*>(m_minLr)})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &MainWindow::settingsChanged);
    for (QSpinBox* spin : {m_seed, m_warmupSteps, m_stepSize, m_stepsPerEpoch, m_t0, m_tMult})
        connect(spin, &QSpinBox::valueChanged, this, &MainWindow::settingsChanged);
    connect(m_nesterov, &QCheckBox::toggled, this, &MainWindow::settingsChanged);
    connect(m_shape, &QComboBox::currentIndexChanged, this, &MainWindow::settingsChanged);
    return panel;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* lesson = menuBar()->addMenu(tr("&Lesson"));
    QAction* reset = lesson->addAction(tr("&Default lesson"), this,
                                       &MainWindow::applyDefaultLesson);
    reset->setShortcut(QKeySequence(tr("Ctrl+R")));
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About lrlab"), this, [this] {
        QMessageBox::about(this, tr("About lrlab"),
                           tr("<b>lrlab %1</b> — Learning Rate Lab<br>How learning rate, "
                              "warmup, decay and optimizer shape a training run, on toy "
                              "loss surfaces.")
                               .arg(QStringLiteral(LRLAB_VERSION)));
    });
}

void MainWindow::applyDefaultLesson()
{
    // Rosenbrock from its default start with heavy-ball SGD (β = 0.9) at 0.82× its stable limit
    // 2(1+β)/λ₁ and a cosine decay over 2000 steps: the path zig-zags across the steep valley
    // wall, then rolls along the curved floor and settles on (1, 1) (f − f* ≈ 4e-7) -- the
    // classic picture of momentum, with a schedule to read beside it.
    m_updating = true;
    m_surfaceCombo->setCurrentIndex(
        std::max(0, m_surfaceCombo->findData(QStringLiteral("rosenbrock"))));
    surfaceChanged();
    m_updating = true;
    m_optimizerCombo->setCurrentIndex(
        std::max(0, m_optimizerCombo->findData(QStringLiteral("sgd"))));
    optimizerChanged();
    m_updating = true;
    m_momentum->setValue(0.9);
    m_nesterov->setChecked(false);
    m_noise->setValue(0.0);
    m_seed->setValue(1);
    m_steps->setValue(2000);
    m_warmupSteps->setMaximum(2000);
    m_warmupSteps->setValue(0);
    m_warmupStartFactor->setValue(0.0);
    m_decayCombo->setCurrentIndex(std::max(0, m_decayCombo->findData(QStringLiteral("cosine"))));
    decayChanged();
    m_updating = true;
    m_minLr->setValue(0.0);
    m_learningRate->setLearningRate(1.5e-3);
    m_updating = false;
    settingsChanged();
}

// ---------------------------------------------------------------------------------------------
// Control logic

void MainWindow::surfaceChanged()
{
    const std::string name = m_surfaceCombo->currentData().toString().toStdString();
    m_surface = makeToySurface(name);
    const ProblemInfo info = m_surface->info();
    const bool outer = m_updating;
    m_updating = true;
    m_startX->setValue(info.start(0));
    m_startY->setValue(info.start(1));
    m_updating = outer;

    m_mapTitle->setText(QString::fromStdString(info.formula.empty()
                                                   ? info.name
                                                   : "f = " + info.formula));
    m_mapPlot->xAxis->setRange(info.view.xMin, info.view.xMax);
    m_mapPlot->yAxis->setRange(info.view.yMin, info.view.yMax);
    updateSurfaceMarkers();
    m_trajectory->data()->clear();
    m_endMarker->data()->clear();
    // The worker only recomputes a landscape it has not delivered last; show that one at once.
    if (m_lastLandscape.surface == name)
        showLandscape(m_lastLandscape);
    m_mapPlot->replot(QCustomPlot::rpQueuedReplot);
    settingsChanged();
}

void MainWindow::optimizerChanged()
{
    // New optimizer: its own defaults (PyTorch's) in every hyper-parameter field.
    OptimizerSpec spec;
    spec.type = m_optimizerCombo->currentData().toString().toStdString();
    const OptimizerSpec defaults = spec.resolved();
    const bool outer = m_updating;
    m_updating = true;
    m_momentum->setValue(defaults.momentum);
    m_nesterov->setChecked(defaults.nesterov);
    m_alpha->setValue(defaults.alpha);
    m_eps->setValue(defaults.eps);
    m_beta1->setValue(defaults.beta1);
    m_beta2->setValue(defaults.beta2);
    m_weightDecay->setValue(defaults.weightDecay);
    m_updating = outer;
    updateVisibleRows();
    settingsChanged();
}

void MainWindow::decayChanged()
{
    const Decay decay = decayFromName(m_decayCombo->currentData().toString().toStdString());
    const bool outer = m_updating;
    m_updating = true;
    // gamma's default depends on the decay (exponential 0.99, step 0.1).
    if (decay == Decay::Exponential)
        m_gamma->setValue(0.99);
    else if (decay == Decay::Step)
        m_gamma->setValue(0.1);
    m_updating = outer;
    updateVisibleRows();
    settingsChanged();
}

void MainWindow::stepsChanged()
{
    const int steps = m_steps->value();
    const bool outer = m_updating;
    m_updating = true;
    m_warmupSteps->setMaximum(steps);  // warmup may not outlast the run
    m_stepSize->setMaximum(steps);
    m_t0->setMaximum(steps);
    m_updating = outer;
    settingsChanged();
}

void MainWindow::updateVisibleRows()
{
    const std::string type = m_optimizerCombo->currentData().toString().toStdString();
    const std::vector<std::string> keys = optimizerKeys(type);
    m_optimizerForm->setRowVisible(m_momentum, hasKey(keys, "momentum"));
    m_optimizerForm->setRowVisible(m_nesterov, hasKey(keys, "nesterov"));
    m_nesterov->setEnabled(m_momentum->value() > 0.0);
    m_optimizerForm->setRowVisible(m_alpha, hasKey(keys, "alpha"));
    m_optimizerForm->setRowVisible(m_eps, hasKey(keys, "eps"));
    m_optimizerForm->setRowVisible(m_beta1, hasKey(keys, "beta1"));
    m_optimizerForm->setRowVisible(m_beta2, hasKey(keys, "beta2"));
    m_optimizerForm->setRowVisible(m_weightDecay, hasKey(keys, "weight_decay"));

    const Decay decay = decayFromName(m_decayCombo->currentData().toString().toStdString());
    const std::pair<QWidget*, const char*> rows[] = {
        {m_gamma, "gamma"},          {m_stepSize, "step_size"},
        {m_stepsPerEpoch, "steps_per_epoch"}, {m_t0, "t0"},
        {m_tMult, "t_mult"},         {m_power, "power"},
        {m_timescale, "timescale"},  {m_pctStart, "pct_start"},
        {m_divFactor, "div_factor"}, {m_finalDivFactor, "final_div_factor"},
        {m_decayFraction, "decay_fraction"}, {m_shape, "shape"},
        {m_minLr, "min_lr"}};
    for (const auto& [widget, key] : rows)
        m_scheduleForm->setRowVisible(widget, decayUses(decay, key));
    // One-cycle has its own rise (DESIGN.md §2.4: W must be 0).
    const bool warmup = decay != Decay::OneCycle;
    m_warmupSteps->setEnabled(warmup);
    m_warmupStartFactor->setEnabled(warmup);
}

RunConfig MainWindow::currentConfig() const
{
    RunConfig config;
    config.problem.type = m_surfaceCombo->currentData().toString().toStdString();
    config.problem.noise = m_noise->value();
    config.init = {m_startX->value(), m_startY->value()};
    config.steps = m_steps->value();
    config.seed = static_cast<std::uint64_t>(m_seed->value());

    OptimizerSpec& opt = config.optimizer;
    opt.type = m_optimizerCombo->currentData().toString().toStdString();
    const std::vector<std::string> keys = optimizerKeys(opt.type);
    // Only the keys this optimizer takes; the rest keep their "default" sentinels.
    if (hasKey(keys, "momentum"))
        opt.momentum = m_momentum->value();
    if (hasKey(keys, "nesterov"))
        opt.nesterov = m_nesterov->isChecked() && opt.momentum > 0.0;
    if (hasKey(keys, "alpha"))
        opt.alpha = m_alpha->value();
    if (hasKey(keys, "eps"))
        opt.eps = m_eps->value();
    if (hasKey(keys, "beta1"))
        opt.beta1 = m_beta1->value();
    if (hasKey(keys, "beta2"))
        opt.beta2 = m_beta2->value();
    if (hasKey(keys, "weight_decay"))
        opt.weightDecay = m_weightDecay->value();

    ScheduleSpec& s = config.schedule;
    s.learningRate = m_learningRate->learningRate();
    s.decay = decayFromName(m_decayCombo->currentData().toString().toStdString());
    s.totalSteps = config.steps;
    if (s.decay != Decay::OneCycle) {
        s.warmupSteps = std::min(m_warmupSteps->value(), config.steps);
        s.warmupStartFactor = m_warmupStartFactor->value();
    }
    if (decayUses(s.decay, "min_lr"))
        s.minLr = std::min(m_minLr->value(), s.learningRate);  // the floor may not exceed lr
    if (decayUses(s.decay, "gamma"))
        s.gamma = m_gamma->value();
    if (decayUses(s.decay, "step_size") && m_stepSize->value() > 0)
        s.stepSize = m_stepSize->value();
    if (decayUses(s.decay, "steps_per_epoch"))
        s.stepsPerEpoch = m_stepsPerEpoch->value();
    if (decayUses(s.decay, "t0") && m_t0->value() > 0)
        s.t0 = m_t0->value();
    if (decayUses(s.decay, "t_mult"))
        s.tMult = m_tMult->value();
    if (decayUses(s.decay, "power"))
        s.power = m_power->value();
    if (decayUses(s.decay, "timescale") && m_timescale->value() > 0.0)
        s.timescale = m_timescale->value();
    if (decayUses(s.decay, "pct_start"))
        s.pctStart = m_pctStart->value();
    if (decayUses(s.decay, "div_factor"))
        s.divFactor = m_divFactor->value();
    if (decayUses(s.decay, "final_div_factor"))
        s.finalDivFactor = m_finalDivFactor->value();
    if (decayUses(s.decay, "decay_fraction"))
        s.decayFraction = m_decayFraction->value();
    if (decayUses(s.decay, "shape"))
        s.shape = wsdShapeFromName(m_shape->currentData().toString().toStdString());
    return config;
}

void MainWindow::settingsChanged()
{
    if (m_updating || !m_surface)
        return;
    const RunConfig config = currentConfig();
    updateStability(config);
    updateSchedulePreview(config);
    // The start marker follows the fields at once; the path follows with the run.
    const bool moved = m_startMarker->dataCount() != 1 ||
                       m_startMarker->data()->begin()->key != config.init[0] ||
                       m_startMarker->data()->begin()->value != config.init[1];
    if (moved) {
        m_startMarker->data()->clear();
        m_startMarker->addData(config.init[0], config.init[1]);
        replotPath();
    }
    RunRequest request;
    request.config = config;
    m_submitted = m_worker->submit(request);
}

void MainWindow::updateStability(const RunConfig& config)
{
    const Eigen::Vector2d start(config.init[0], config.init[1]);
    const Eigen::Matrix2d h = m_surface->hessian(start);
    const bool heavyBall = config.optimizer.type == "sgd" && config.optimizer.momentum > 0.0;
    const StabilityLimits limits =
        stabilityLimits(h, heavyBall ? config.optimizer.momentum : 0.0);
    m_stableLimit = heavyBall ? limits.stableLrMomentum : limits.stableLr;

    QString text;
    if (!(std::isfinite(m_stableLimit) && m_stableLimit > 0.0)) {
        text = tr("λ₁ = %1 at the start: no positive curvature, so the Hessian sets no step-size "
                  "limit here.")
                   .arg(limits.lambdaMax, 0, 'g', 3);
    } else if (heavyBall) {
        text = tr("<span style='color:#c81e1e'>▼</span> Stable limit 2(1+β)/λ₁ = <b>%1</b> "
                  "(λ₁ = %2 at the start, heavy-ball β = %3; plain GD: 2/λ₁ = %4).")
                   .arg(formatRate(m_stableLimit))
                   .arg(limits.lambdaMax, 0, 'g', 4)
                   .arg(config.optimizer.momentum)
                   .arg(formatRate(limits.stableLr));
    } else if (config.optimizer.type == "sgd") {
        text = tr("<span style='color:#c81e1e'>▼</span> Stable limit 2/λ₁ = <b>%1</b> (λ₁ = %2, "
                  "the largest curvature at the start).")
                   .arg(formatRate(m_stableLimit))
                   .arg(limits.lambdaMax, 0, 'g', 4);
    } else {
        text = tr("<span style='color:#c81e1e'>▼</span> Gradient-descent limit 2/λ₁ = <b>%1</b> "
                  "(λ₁ = %2 at the start). %3 rescales its steps, so for it this is only a "
                  "reference.")
                   .arg(formatRate(m_stableLimit))
                   .arg(limits.lambdaMax, 0, 'g', 4)
                   .arg(optimizerDisplayName(config.optimizer.type));
    }
    m_learningRate->setStableLimit(m_stableLimit, text);
}

void MainWindow::updateSchedulePreview(const RunConfig& config)
{
    const int n = config.steps + 1;  // rows 0..steps, as in the trace
    QVector<double> steps(n), rates(n);
    double highest = 0.0;
    for (int t = 0; t < n; ++t) {
        steps[t] = t;
        rates[t] = learningRateAt(config.schedule, t);
        if (std::isfinite(rates[t]))
            highest = std::max(highest, rates[t]);
    }
    m_lrGraph->setData(steps, rates, true);
    m_lrPlot->xAxis->setRange(0, config.steps);
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
        const double textY = near ? m_stableLimit : top;
        m_lrLimitText->position->setCoords(0.98, textY);
        m_lrLimitText->setPositionAlignment(Qt::AlignRight |
                                            (near ? Qt::AlignBottom : Qt::AlignTop));
        m_lrLimitText->setText(near ? tr("stable limit %1").arg(formatRate(m_stableLimit))
                                    : tr("stable limit %1 (far above)")
                                          .arg(formatRate(m_stableLimit)));
    }
    m_lrPlot->yAxis->setRange(0, top);
    m_lrPlot->replot(QCustomPlot::rpQueuedReplot);
}

void MainWindow::updateSurfaceMarkers()
{
    const ProblemInfo info = m_surface->info();
    m_minimaMarker->data()->clear();
    for (const Eigen::VectorXd& minimum : info.minima)
        if (minimum.size() == 2)
            m_minimaMarker->addData(minimum(0), minimum(1));
}

void MainWindow::setStartFromMap(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const QPointF pos = event->position();
    if (!m_mapPlot->axisRect()->rect().contains(pos.toPoint()))
        return;
    m_updating = true;
    m_startX->setValue(m_mapPlot->xAxis->pixelToCoord(pos.x()));
    m_startY->setValue(m_mapPlot->yAxis->pixelToCoord(pos.y()));
    m_updating = false;
    settingsChanged();
}

// ---------------------------------------------------------------------------------------------
// Results

void MainWindow::showLandscape(const LandscapeImage& grid)
{
    if (&grid != &m_lastLandscape)
        m_lastLandscape = grid;
    if (!m_surface || grid.size < 2 || grid.surface != m_surface->info().name)
        return;
    auto* data = m_colorMap->data();
    data->setSize(grid.size, grid.size);
    data->setRange(QCPRange(grid.view.xMin, grid.view.xMax),
                   QCPRange(grid.view.yMin, grid.view.yMax));
    for (int j = 0; j < grid.size; ++j)
        for (int i = 0; i < grid.size; ++i)
            data->setCell(i, j, grid.at(i, j));
    m_colorMap->rescaleDataRange(true);
    m_shownLandscape = grid.surface;
    m_mapPlot->replot(QCustomPlot::rpQueuedReplot);
    emit landscapeDisplayed(QString::fromStdString(grid.surface));
}

void MainWindow::showRun(quint64 generation, const RunResult& result)
{
    if (generation != m_submitted)
        return;  // an older setting; a newer run is on its way
    const ToyTrace& trace = result.trace;
    const int rows = trace.rows();
    const ViewBox view = m_surface->info().view;
    // Points far outside the view only stretch the curve's clipping arithmetic: stop there.
    const double reach = 1e6 * std::max(view.xMax - view.xMin, view.yMax - view.yMin);

    QVector<double> t, xs, ys, lossSteps, losses;
    t.reserve(rows);
    xs.reserve(rows);
    ys.reserve(rows);
    lossSteps.reserve(rows);
    losses.reserve(rows);
    double lowest = std::numeric_limits<double>::infinity(), highest = 0.0;
    for (int k = 0; k < rows; ++k) {
        const double x = trace.x[k], y = trace.y[k], f = trace.loss[k];
        if (!std::isfinite(f) || !std::isfinite(x) || !std::isfinite(y))
            break;
        if (std::abs(x) <= reach && std::abs(y) <= reach) {
            t.push_back(k);
            xs.push_back(x);
            ys.push_back(y);
        }
        // Above the minimum, floored so the log axis never sees 0 or a negative rounding.
        const double gap = std::max(f - result.minimumValue, 1e-16);
        lossSteps.push_back(k);
        losses.push_back(gap);
        lowest = std::min(lowest, gap);
        highest = std::max(highest, gap);
    }
    m_trajectory->setData(t, xs, ys, true);
    m_trajectory->setScatterSkip(std::max(0, rows / 40 - 1));
    m_endMarker->data()->clear();
    if (!xs.isEmpty())
        m_endMarker->addData(xs.back(), ys.back());

    m_lossGraph->setData(lossSteps, losses, true);
    // A run that blew up in a few steps would be a sliver at the left edge: zoom onto it.
    if (trace.status == RunStatus::Diverged)
        m_lossPlot->xAxis->setRange(0, std::max(10.0, 1.25 * trace.divergedAt));
    else
        m_lossPlot->xAxis->setRange(0, std::max(1, result.config.steps));
    if (!losses.isEmpty()) {
        double top = highest * 3.0;
        if (trace.status == RunStatus::Diverged)  // keep the descent readable, not 1e300
            top = std::min(top, std::max(losses.front(), 1.0) * 1e8);
        m_lossPlot->yAxis->setRange(std::max(lowest / 3.0, 1e-17), std::max(top, lowest * 10));
    }

    const bool diverged = trace.status == RunStatus::Diverged;
    const int stepsRun = diverged ? trace.divergedAt : rows - 1;
    m_divergenceLine->setVisible(diverged);
    m_divergenceText->setVisible(diverged);
    m_mapNote->setVisible(diverged);
    if (diverged) {
        m_divergenceLine->point1->setCoords(trace.divergedAt, 1.0);
        m_divergenceLine->point2->setCoords(trace.divergedAt, 2.0);
        m_divergenceText->position->setCoords(trace.divergedAt, 0.03);
        const QString where = tr("diverged at step %1").arg(trace.divergedAt);
        m_divergenceText->setText(where + QStringLiteral(" "));
        m_divergenceText->setPositionAlignment(
            (trace.divergedAt > result.config.steps / 2 ? Qt::AlignRight : Qt::AlignLeft) |
            Qt::AlignTop);
        m_mapNote->setText(where);
        setRunStatus(tr("Diverged at step %1 — steps run: %2 — last finite loss: %3")
                         .arg(trace.divergedAt)
                         .arg(stepsRun)
                         .arg(trace.lastFiniteLoss, 0, 'g', 4),
                     true);
    } else {
        const QString state = trace.status == RunStatus::Converged ? tr("Converged")
                                                                   : tr("Finished");
        const double finalLoss = rows > 0 ? trace.loss[rows - 1] : 0.0;
        setRunStatus(tr("%1 — steps run: %2 — final loss: %3 (f − f* = %4)")
                         .arg(state)
                         .arg(stepsRun)
                         .arg(finalLoss, 0, 'g', 4)
                         .arg(std::max(finalLoss - result.minimumValue, 0.0), 0, 'g', 3),
                     false);
    }
    m_timingLabel->setText(tr("run %1 ms").arg(result.runMilliseconds, 0, 'f', 2));

    replotPath();
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
    emit runDisplayed(generation);
}

void MainWindow::showFailure(quint64 generation, const QString& message)
{
    if (generation != m_submitted)
        return;
    setRunStatus(tr("Run failed: %1").arg(message), true);
}

void MainWindow::setRunStatus(const QString& text, bool alarm)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(alarm ? QStringLiteral("color: rgb(200,30,30); font-weight: bold;")
                                       : QString());
}

void MainWindow::replotPath()
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

QString MainWindow::runStatusText() const
{
    return m_statusLabel->text();
}

}  // namespace lrlab
