#include "ui/main_window.h"

#include "core/analysis/stability.h"
#include "core/datasets/dataset.h"
#include "core/datasets/idx_loader.h"
#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/engine/toy_run.h"
#include "core/models/model_spec.h"
#include "core/optimizers/optimizer.h"
#include "core/schedules/schedule.h"
#include "ui/compare/compare_painter.h"
#include "ui/compare/hover_tips.h"
#include "ui/controls/learning_rate_control.h"
#include "ui/controls/scientific_spin_box.h"
#include "ui/views/lr_finder_view.h"
#include "ui/views/sweep_view.h"
#include "ui/widgets/playback_bar.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace lrlab {

namespace {

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
    // Not static: tr() must be asked again after a language switch.
    const std::map<std::string, QString> names = {
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


constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Weight of the newest minibatch loss in the smoothed curve (an EMA of about 50 steps).
constexpr double kSmoothing = 0.02;
/// Combo data of the "Open CSV…" entry of the dataset list.
const char* const kOpenCsv = "__open_csv__";

QString modelDisplayName(const std::string& type)
{
    const std::map<std::string, QString> names = {
        {"linreg", QObject::tr("Linear regression (w, b)")},
        {"logreg", QObject::tr("Logistic regression (w, b)")},
        {"softmax", QObject::tr("Softmax regression")},
        {"mlp", QObject::tr("MLP (neural network)")}};
    const auto it = names.find(type);
    return it != names.end() ? it->second : QString::fromStdString(type);
}

QString datasetDisplayName(const std::string& name)
{
    const std::map<std::string, QString> names = {
        {"iris", QObject::tr("Iris (150 × 4, 3 classes)")},
        {"wine", QObject::tr("Wine (178 × 13, 3 classes)")},
        {"breast_cancer", QObject::tr("Breast cancer (569 × 30, 2 classes)")},
        {"digits", QObject::tr("Digits (1797 × 64, 10 classes)")},
        {"diabetes", QObject::tr("Diabetes (442 × 10, regression)")},
        {"fashion_mnist", QObject::tr("Fashion-MNIST (70000 × 784, 10 classes)")}};
    const auto it = names.find(name);
    return it != names.end() ? it->second : QString::fromStdString(name);
}

/// The toy surface's name in the user's language (the core's catalogue is English).
QString surfaceDisplayName(const ToySurfaceDescriptor& d)
{
    const std::map<std::string, QString> names = {
        {"quadratic", QObject::tr("Quadratic")},
        {"rosenbrock", QObject::tr("Rosenbrock")},
        {"beale", QObject::tr("Beale")},
        {"himmelblau", QObject::tr("Himmelblau")},
        {"rastrigin", QObject::tr("Rastrigin")},
        {"ackley", QObject::tr("Ackley")},
        {"saddle", QObject::tr("Saddle")},
        {"six_hump_camel", QObject::tr("Six-hump camel")},
        {"styblinski_tang", QObject::tr("Styblinski–Tang")},
        {"booth", QObject::tr("Booth")}};
    const auto it = names.find(d.name);
    return it != names.end() ? it->second : QString::fromStdString(d.displayName);
}

/// The diagnosis label and its advice in the user's language (the core's texts are English).
QString diagnosisTitle(DiagnosisLabel label)
{
    switch (label) {
    case DiagnosisLabel::Diverged:
        return QObject::tr("Diverged");
    case DiagnosisLabel::Oscillating:
        return QObject::tr("Oscillating");
    case DiagnosisLabel::Stagnating:
        return QObject::tr("Stagnating");
    case DiagnosisLabel::Converging:
        return QObject::tr("Converging");
    case DiagnosisLabel::Overfitting:
        return QObject::tr("Overfitting");
    }
    return {};
}

QString diagnosisAdvice(DiagnosisLabel label)
{
    switch (label) {
    case DiagnosisLabel::Diverged:
        return QObject::tr("The learning rate is too large: lower it (try 10x smaller) or add "
                           "warmup.");
    case DiagnosisLabel::Oscillating:
        return QObject::tr("The loss bounces instead of settling: lower the learning rate, or "
                           "let a decay schedule bring it down.");
    case DiagnosisLabel::Stagnating:
        return QObject::tr("The loss barely moves: raise the learning rate, or use warmup with a "
                           "higher peak and a decay schedule.");
    case DiagnosisLabel::Converging:
        return QObject::tr("Steady progress: the learning rate is in a good range.");
    case DiagnosisLabel::Overfitting:
        return QObject::tr("Validation loss rises while training loss falls: add weight decay "
                           "(AdamW), use more data, or stop earlier.");
    }
    return {};
}

bool needsFeature(const std::string& type)
{
    return type == "linreg" || type == "logreg";
}

/// "64, 32" -> {64, 32}; empty or invalid parts are skipped.
std::vector<int> parseHidden(const QString& text)
{
    std::vector<int> widths;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int w = part.trimmed().toInt(&ok);
        if (ok && w > 0)
            widths.push_back(w);
    }
    return widths;
}

QString hiddenText(const std::vector<int>& widths)
{
    QStringList parts;
    for (const int w : widths)
        parts << QString::number(w);
    return parts.join(QStringLiteral(", "));
}

/// Integer with thin spaces between thousands, for the status bar ("25 050 728").
QString groupedNumber(double value)
{
    const QString digits = QString::number(static_cast<qlonglong>(std::llround(value)));
    QString out;
    for (int i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1].isDigit())
            out += QChar(0x2009);
        out += digits[i];
    }
    return out;
}

/// The diagnosis colours: red for trouble, amber for a slow run, green for good progress.
QColor diagnosisColour(DiagnosisLabel label)
{
    switch (label) {
    case DiagnosisLabel::Diverged:
    case DiagnosisLabel::Oscillating:
        return QColor(200, 30, 30);
    case DiagnosisLabel::Stagnating:
    case DiagnosisLabel::Overfitting:
        return QColor(200, 120, 0);
    case DiagnosisLabel::Converging:
        return QColor(20, 140, 60);
    }
    return Qt::black;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_worker(new TrainingThread)
{
    setWindowTitle(tr("lrlab — Learning Rate Lab"));
    m_pins = new PinnedRuns(this);

    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(4, 4, 4, 0);
    centralLayout->setSpacing(4);

    // The message area: errors of runs and settings, visible in the window, never a dialog.
    m_messageBar = new QWidget(central);
    m_messageBar->setObjectName(QStringLiteral("messageBar"));
    m_messageBar->setAutoFillBackground(true);
    QPalette messagePalette = m_messageBar->palette();
    messagePalette.setColor(QPalette::Window, QColor(253, 226, 226));
    m_messageBar->setPalette(messagePalette);
    auto* messageLayout = new QHBoxLayout(m_messageBar);
    messageLayout->setContentsMargins(8, 4, 4, 4);
    m_messageLabel = new QLabel(m_messageBar);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->setStyleSheet(QStringLiteral("color: rgb(150,20,20);"));
    auto* closeMessage = new QToolButton(m_messageBar);
    closeMessage->setText(QStringLiteral("✕"));
    closeMessage->setAutoRaise(true);
    closeMessage->setToolTip(tr("Hide this message."));
    connect(closeMessage, &QToolButton::clicked, this, &MainWindow::clearMessage);
    messageLayout->addWidget(m_messageLabel, 1);
    messageLayout->addWidget(closeMessage);
    m_messageBar->setVisible(false);

    auto* splitter = new QSplitter(Qt::Horizontal, central);
    auto* plotsColumn = new QWidget(splitter);
    auto* plotsLayout = new QVBoxLayout(plotsColumn);
    plotsLayout->setContentsMargins(0, 0, 0, 0);
    plotsLayout->addWidget(buildPlots(), 1);
    m_playback = new PlaybackBar(plotsColumn);
    m_playback->setObjectName(QStringLiteral("playbackBar"));
    plotsLayout->addWidget(m_playback);
    splitter->addWidget(plotsColumn);
    auto* scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(buildControls());
    scroll->setMinimumWidth(scroll->widget()->sizeHint().width() + 24);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);
    centralLayout->addWidget(m_messageBar);
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);

    // Compare set on the three plots, with cursors driven by the playback bar.
    ComparePainterOptions painterOptions;
    painterOptions.landscapeLayer = QStringLiteral("path");
    // Replots are ours: the map's path layer alone, so a new run never rescales the colour map.
    painterOptions.autoReplot = false;
    m_painter = new ComparePainter(ComparePlots{m_mapPlot, m_lossPlot, m_lrPlot}, painterOptions,
                                   this);
    m_hoverTips = new HoverTips(m_painter, this);
    connect(m_pins, &PinnedRuns::changed, this, &MainWindow::pinsChanged);
    connect(m_playback, &PlaybackBar::stepChanged, this, [this](int step) {
        m_painter->setCursorStep(step);
        replotPath();
        m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
        m_lrPlot->replot(QCustomPlot::rpQueuedReplot);
    });

    buildDocks();
    buildMenus();
    buildStatusBar();

    connect(m_worker.get(), &TrainingThread::landscapeReady, this,
            [this](quint64, const LandscapeImage& image) { showLandscape(image); });
    connect(m_worker.get(), &TrainingThread::runFinished, this, &MainWindow::showRun);
    connect(m_worker.get(), &TrainingThread::chunkReady, this, &MainWindow::showChunk);
    connect(m_worker.get(), &TrainingThread::modelRunFinished, this, &MainWindow::showModelRun);
    connect(m_worker.get(), &TrainingThread::modelLandscapeReady, this,
            &MainWindow::showModelLandscape);
    connect(m_worker.get(), &TrainingThread::landscapeProgress, this,
            &MainWindow::showLandscapeProgress);
    connect(m_worker.get(), &TrainingThread::landscapeFailed, this,
            [this](quint64 generation, const QString& message) {
                if (generation != m_submitted)
                    return;
                m_landscapeBar->setVisible(false);
                m_mapNote->setText(tr("No landscape: %1").arg(message));
                m_mapNote->setVisible(true);
                replotPath();
            });
    connect(m_worker.get(), &TrainingThread::runFailed, this, &MainWindow::showFailure);

    initShell();  // part B: Fine-tuning dock, language/theme/text menus, access
    resize(1600, 1000);
    applyDefaultLesson();
    setupSessionExportLessons();  // part A: sessions, export, lessons
}

MainWindow::~MainWindow()
{
    // Stop the worker and every future before the plots they report to go away.
    m_worker.reset();
    for (TrioJob& job : m_trioJobs)
        job.cancel->store(true);
    for (CurvatureJob& job : m_curvatureJobs)
        job.cancel->store(true);
    for (TrioJob& job : m_trioJobs)
        job.future.waitForFinished();
    for (CurvatureJob& job : m_curvatureJobs)
        job.future.waitForFinished();
    // The painter removes its plottables from the plots: delete it while they exist.
    delete m_hoverTips;
    delete m_painter;
}

// ---------------------------------------------------------------------------------------------
// Construction

QWidget* MainWindow::buildPlots()
{
    auto* plots = new QSplitter(Qt::Horizontal);

    m_mapPlot = new QCustomPlot(plots);
    m_mapPlot->setObjectName(QStringLiteral("landscapePlot"));
    m_mapPlot->setMinimumSize(420, 420);
    m_mapPlot->setToolTip(QString());
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

    // The paths and markers live on their own buffered layer above the colour map.
    m_mapPlot->addLayer(QStringLiteral("path"), m_mapPlot->layer(QStringLiteral("main")),
                        QCustomPlot::limAbove);
    m_pathLayer = m_mapPlot->layer(QStringLiteral("path"));
    m_pathLayer->setMode(QCPLayer::lmBuffered);
    m_startMarker = m_mapPlot->addGraph();
    m_startMarker->setName(tr("start"));
    m_startMarker->setLineStyle(QCPGraph::lsNone);
    m_startMarker->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), Qt::white, 13));
    m_minimaMarker = m_mapPlot->addGraph();
    m_minimaMarker->setName(tr("global minimum"));
    m_minimaMarker->setLineStyle(QCPGraph::lsNone);
    m_minimaMarker->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssStar, QPen(Qt::white, 2.5), Qt::NoBrush, 17));
    m_mapPlot->legend->setVisible(true);
    m_mapPlot->legend->clearItems();
    m_startMarker->addToLegend();
    m_minimaMarker->addToLegend();
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
    m_mapInfo = new QCPItemText(m_mapPlot);
    m_mapInfo->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_mapInfo->position->setCoords(0.5, 0.5);
    m_mapInfo->setPositionAlignment(Qt::AlignCenter);
    m_mapInfo->setColor(QColor(60, 60, 60));
    m_mapInfo->setBrush(QColor(255, 255, 255, 220));
    m_mapInfo->setPadding(QMargins(10, 6, 10, 6));
    m_mapInfo->setVisible(false);
    for (QCPLayerable* item : std::initializer_list<QCPLayerable*>{m_startMarker, m_minimaMarker,
                                                                   m_mapNote, m_mapInfo})
        item->setLayer(m_pathLayer);
    connect(m_mapPlot, &QCustomPlot::mousePress, this, &MainWindow::setStartFromMap);
    connect(m_mapPlot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() & Qt::LeftButton)
            setStartFromMap(event);
    });

    auto* curves = new QSplitter(Qt::Vertical, plots);
    m_lossPlot = new QCustomPlot(curves);
    m_lossPlot->setObjectName(QStringLiteral("lossPlot"));
    m_lossPlot->setMinimumSize(320, 200);
    m_lossTitle = addTitle(m_lossPlot, tr("Loss  f − f*  (log scale)"));
    styleAxes(m_lossPlot, tr("step"), tr("f − f*"));
    m_lossPlot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
    logTicker->setSubTickCount(8);
    m_lossPlot->yAxis->setTicker(logTicker);
    m_lossPlot->yAxis->setNumberFormat(QStringLiteral("eb"));
    m_lossPlot->yAxis->setNumberPrecision(0);
    m_lossPlot->legend->setBrush(QColor(255, 255, 255, 210));
    QFont legendFont = m_lossPlot->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() - 1);
    m_lossPlot->legend->setFont(legendFont);
    m_lossPlot->legend->setRowSpacing(-3);
    m_lossPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
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

    m_accuracyPlot = new QCustomPlot(curves);
    m_accuracyPlot->setObjectName(QStringLiteral("accuracyPlot"));
    m_accuracyPlot->setMinimumSize(320, 120);
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

    m_lrPlot = new QCustomPlot(curves);
    m_lrPlot->setObjectName(QStringLiteral("schedulePlot"));
    m_lrPlot->setMinimumSize(320, 160);
    addTitle(m_lrPlot, tr("Learning-rate schedule"));
    styleAxes(m_lrPlot, tr("step"), tr("learning rate"));
    m_lrGraph = m_lrPlot->addGraph();
    m_lrGraph->setName(tr("schedule"));
    m_lrGraph->setPen(QPen(QColor(40, 140, 70), 2));
    m_lrGraph->setBrush(QColor(40, 140, 70, 40));
    m_lrGraph->removeFromLegend();
    m_lrLimitLine = new QCPItemStraightLine(m_lrPlot);
    m_lrLimitLine->setPen(QPen(QColor(200, 30, 30), 1.5, Qt::DashLine));
    m_lrLimitText = new QCPItemText(m_lrPlot);
    m_lrLimitText->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_lrLimitText->position->setTypeY(QCPItemPosition::ptPlotCoords);
    m_lrLimitText->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_lrLimitText->setColor(QColor(200, 30, 30));
    m_lrLimitText->setBrush(QColor(255, 255, 255, 200));  // readable over the curve
    m_lrPlot->legend->setBrush(QColor(255, 255, 255, 210));
    m_lrPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    curves->addWidget(m_lossPlot);
    curves->addWidget(m_accuracyPlot);
    curves->addWidget(m_lrPlot);
    curves->setStretchFactor(0, 3);
    curves->setStretchFactor(1, 1);
    curves->setStretchFactor(2, 2);
    // Nine runs of thousands of points on three plots: joining wide polylines (QStroker angles)
    // dominated a repaint; fast polylines draw the segments without join geometry.
    for (QCustomPlot* plot : {m_mapPlot, m_lossPlot, m_accuracyPlot, m_lrPlot})
        plot->setPlottingHints(plot->plottingHints() | QCP::phFastPolylines);
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

    // Problem: a toy surface or a real model with its data settings.
    auto* problemBox = new QGroupBox(tr("Problem"), panel);
    m_problemForm = new QFormLayout(problemBox);
    m_problemCombo = new QComboBox(problemBox);
    m_problemCombo->setObjectName(QStringLiteral("problemCombo"));
    for (const ToySurfaceDescriptor& d : toySurfaceCatalogue())
        m_problemCombo->addItem(surfaceDisplayName(d), QString::fromStdString(d.name));
    m_problemCombo->insertSeparator(m_problemCombo->count());
    for (const std::string& type : modelTypeNames())
        m_problemCombo->addItem(modelDisplayName(type), QString::fromStdString(type));
    m_problemCombo->setToolTip(
        tr("What to minimise. Toy surfaces f(x, y): Rosenbrock's curved valley, the quadratic "
           "bowl where 2/λ₁ is exact, many-minima Rastrigin and Ackley, a saddle. Real models "
           "trained on a dataset with minibatches: linear and logistic regression (two "
           "parameters: an exact surface), softmax regression and an MLP."));
    m_problemForm->addRow(tr("&Problem:"), m_problemCombo);
    m_startX = makeSpin(problemBox, "startX", -1000, 1000, 3, 0.1,
                        tr("Where the optimizer starts (x). Click or drag on the map to move "
                           "it. The stable limit is computed from the curvature here."));
    m_startY = makeSpin(problemBox, "startY", -1000, 1000, 3, 0.1,
                        tr("Where the optimizer starts (y). Click or drag on the map to move "
                           "it. The stable limit is computed from the curvature here."));
    auto* resetStart = new QPushButton(tr("Default"), problemBox);
    resetStart->setToolTip(tr("Back to the surface's default start point."));
    m_startRow = new QWidget(problemBox);
    auto* startRow = new QHBoxLayout(m_startRow);
    startRow->setContentsMargins(0, 0, 0, 0);
    startRow->addWidget(m_startX);
    startRow->addWidget(m_startY);
    startRow->addWidget(resetStart);
    auto* startLabel = new QLabel(tr("S&tart x, y:"), problemBox);
    startLabel->setBuddy(m_startX);
    m_problemForm->addRow(startLabel, m_startRow);
    m_noise = makeSpin(problemBox, "noise", 0, 100, 3, 0.1,
                       tr("Standard deviation σ of Gaussian noise added to every gradient, like "
                          "minibatch noise. With noise the path jitters and only a smaller or "
                          "decaying learning rate settles near the minimum; 0 = exact "
                          "gradients."));
    m_problemForm->addRow(tr("Gradient &noise σ:"), m_noise);

    m_datasetCombo = new QComboBox(problemBox);
    m_datasetCombo->setObjectName(QStringLiteral("datasetCombo"));
    for (const std::string& name : builtinDatasetNames()) {
        if (name == "fashion_mnist" && !QDir(QString::fromLatin1(kFashionMnistDirectory)).exists())
            continue;  // offered only when the package is installed
        m_datasetCombo->addItem(datasetDisplayName(name), QString::fromStdString(name));
    }
    m_datasetCombo->addItem(tr("Open CSV…"), QString::fromLatin1(kOpenCsv));
    m_datasetCombo->setToolTip(tr("The data the model is trained on. Any CSV with feature "
                                  "columns and a last column named label (classes) or target "
                                  "(regression) can be opened."));
    m_problemForm->addRow(tr("&Dataset:"), m_datasetCombo);
    m_featureCombo = new QComboBox(problemBox);
    m_featureCombo->setObjectName(QStringLiteral("featureCombo"));
    m_featureCombo->setToolTip(tr("The one input feature of linear or logistic regression: the "
                                  "model has two parameters, slope w and intercept b, so its "
                                  "loss is an exact surface over (w, b)."));
    m_problemForm->addRow(tr("&Feature:"), m_featureCombo);
    m_hidden = new QLineEdit(problemBox);
    m_hidden->setObjectName(QStringLiteral("hiddenSizes"));
    m_hidden->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("^\\s*\\d{1,4}(\\s*,\\s*\\d{1,4}){0,7}\\s*,?\\s*$")),
        m_hidden));
    m_hidden->setToolTip(tr("Widths of the hidden layers, e.g. \"64, 32\"."));
    m_problemForm->addRow(tr("&Hidden sizes:"), m_hidden);
    m_activation = new QComboBox(problemBox);
    m_activation->setObjectName(QStringLiteral("activation"));
    m_activation->addItem(QStringLiteral("ReLU"), QStringLiteral("relu"));
    m_activation->addItem(QStringLiteral("tanh"), QStringLiteral("tanh"));
    m_activation->setToolTip(tr("Nonlinearity of the hidden layers."));
    m_problemForm->addRow(tr("&Activation:"), m_activation);
    m_batchSize = makeIntSpin(problemBox, "batchSize", 1, 65536, 8,
                              tr("Rows per minibatch. Smaller batches = noisier gradients, which "
                                 "usually call for a smaller learning rate."));
    m_problemForm->addRow(tr("&Batch size:"), m_batchSize);
    m_valFraction = makeSpin(problemBox, "valFraction", 0.0, 0.9, 2, 0.05,
                             tr("Fraction of the rows held out for validation (loss and "
                                "accuracy on data the model does not train on)."));
    m_problemForm->addRow(tr("&Validation fraction:"), m_valFraction);
    m_evalEvery = makeIntSpin(problemBox, "evalEvery", 1, 100000, 10,
                              tr("Steps between evaluations of the validation loss and "
                                 "accuracy (and the full training loss)."));
    m_problemForm->addRow(tr("&Evaluate every:"), m_evalEvery);
    m_seed = makeIntSpin(problemBox, "seed", 0, std::numeric_limits<int>::max(), 1,
                         tr("Seed of every random choice (gradient noise; model "
                            "initialization, split and minibatches): the same seed gives the "
                            "same run."));
    m_problemForm->addRow(tr("Seed:"), m_seed);
    column->addWidget(problemBox);

    // Optimizer.
    auto* optimizerBox = new QGroupBox(tr("Optimizer"), panel);
    m_optimizerForm = new QFormLayout(optimizerBox);
    m_optimizerCombo = new QComboBox(optimizerBox);
    m_optimizerCombo->setObjectName(QStringLiteral("optimizerCombo"));
    for (const std::string& name : optimizerNames())
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
    m_blockSize = makeIntSpin(optimizerBox, "blockSize", 16, 1 << 20, 256,
                              tr("Adam 8-bit: values per quantization block; each block "
                                 "shares one scale, so smaller blocks quantize more finely."));
    m_optimizerForm->addRow(tr("&Block size:"), m_blockSize);
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
           "the start point; with momentum β it moves to 2(1+β)/λ₁. The green mark is the best "
           "constant rate 2/(λ₁+λₙ) of gradient descent on a quadratic.");
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

    // Compare.
    auto* compareBox = new QGroupBox(tr("Compare"), panel);
    auto* compareLayout = new QGridLayout(compareBox);
    m_pinButton = new QPushButton(tr("&Pin run"), compareBox);
    m_pinButton->setObjectName(QStringLiteral("pinButton"));
    m_pinButton->setToolTip(tr("Keep the current run on every plot (Ctrl+P), in its own "
                               "colour, to compare it with the next ones. Up to 8; a ninth "
                               "replaces the oldest."));
    m_clearPinsButton = new QPushButton(tr("C&lear pins"), compareBox);
    m_clearPinsButton->setObjectName(QStringLiteral("clearPinsButton"));
    m_clearPinsButton->setToolTip(tr("Remove every pinned run."));
    m_trioButton = new QPushButton(tr("LR &trio ×0.1 / ×1 / ×10"), compareBox);
    m_trioButton->setObjectName(QStringLiteral("trioButton"));
    m_trioButton->setToolTip(tr("Run the current setting at a tenth, at, and at ten times the "
                                "learning rate and pin all three: too small, right, too large."));
    m_pinCountLabel = new QLabel(compareBox);
    m_pinCountLabel->setObjectName(QStringLiteral("pinCountLabel"));
    compareLayout->addWidget(m_pinButton, 0, 0);
    compareLayout->addWidget(m_clearPinsButton, 0, 1);
    compareLayout->addWidget(m_trioButton, 1, 0, 1, 2);
    compareLayout->addWidget(m_pinCountLabel, 2, 0, 1, 2);
    column->addWidget(compareBox);
    column->addStretch(1);
    connect(m_pinButton, &QPushButton::clicked, this, &MainWindow::pinCurrent);
    connect(m_clearPinsButton, &QPushButton::clicked, this, &MainWindow::clearPins);
    connect(m_trioButton, &QPushButton::clicked, this, &MainWindow::runTrio);

    // Wiring: every control re-runs; a few first adjust dependent widgets.
    connect(m_problemCombo, &QComboBox::currentIndexChanged, this, &MainWindow::problemChanged);
    connect(m_datasetCombo, &QComboBox::currentIndexChanged, this, &MainWindow::datasetChanged);
    connect(m_featureCombo, &QComboBox::currentIndexChanged, this, &MainWindow::settingsChanged);
    connect(m_activation, &QComboBox::currentIndexChanged, this, &MainWindow::settingsChanged);
    connect(m_hidden, &QLineEdit::editingFinished, this, &MainWindow::settingsChanged);
    connect(m_optimizerCombo, &QComboBox::currentIndexChanged, this,
            &MainWindow::optimizerChanged);
    connect(m_decayCombo, &QComboBox::currentIndexChanged, this, &MainWindow::decayChanged);
    connect(m_steps, &QSpinBox::valueChanged, this, &MainWindow::stepsChanged);
    connect(resetStart, &QPushButton::clicked, this, [this] {
        m_updating = true;
        if (m_surface) {
            m_startX->setValue(m_surface->info().start(0));
            m_startY->setValue(m_surface->info().start(1));
        }
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
          m_beta2, m_weightDecay, m_valFraction, m_warmupStartFactor, m_gamma, m_power, m_timescale,
          m_pctStart, m_divFactor, m_finalDivFactor, m_decayFraction,
          static_cast<QDoubleSpinBox*>(m_minLr)})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &MainWindow::settingsChanged);
    for (QSpinBox* spin : {m_seed, m_batchSize, m_evalEvery, m_blockSize, m_warmupSteps, m_stepSize, m_stepsPerEpoch, m_t0, m_tMult})
        connect(spin, &QSpinBox::valueChanged, this, &MainWindow::settingsChanged);
    connect(m_nesterov, &QCheckBox::toggled, this, &MainWindow::settingsChanged);
    connect(m_shape, &QComboBox::currentIndexChanged, this, &MainWindow::settingsChanged);
    return panel;
}

void MainWindow::buildDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    auto* diagnosis = new QWidget;
    diagnosis->setObjectName(QStringLiteral("diagnosisPanel"));
    auto* diagnosisLayout = new QVBoxLayout(diagnosis);
    m_diagnosisLabel = new QLabel(diagnosis);
    m_diagnosisLabel->setObjectName(QStringLiteral("diagnosisLabel"));
    QFont big = m_diagnosisLabel->font();
    big.setPointSizeF(big.pointSizeF() + 5);
    big.setBold(true);
    m_diagnosisLabel->setFont(big);
    m_diagnosisAdvice = new QLabel(diagnosis);
    m_diagnosisAdvice->setObjectName(QStringLiteral("diagnosisAdvice"));
    m_diagnosisAdvice->setWordWrap(true);
    QFont adviceFont = m_diagnosisAdvice->font();
    adviceFont.setPointSizeF(adviceFont.pointSizeF() + 1.5);
    m_diagnosisAdvice->setFont(adviceFont);
    m_diagnosisEvidence = new QLabel(diagnosis);
    m_diagnosisEvidence->setObjectName(QStringLiteral("diagnosisEvidence"));
    m_diagnosisEvidence->setWordWrap(true);
    m_diagnosisEvidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diagnosisEvidence->setStyleSheet(QStringLiteral("color: rgb(90,90,90);"));
    diagnosisLayout->addWidget(m_diagnosisLabel);
    diagnosisLayout->addWidget(m_diagnosisAdvice);
    diagnosisLayout->addWidget(m_diagnosisEvidence);
    diagnosisLayout->addStretch(1);
    m_diagnosisDock = new QDockWidget(tr("Diagnosis"), this);
    m_diagnosisDock->setObjectName(QStringLiteral("diagnosisDock"));
    m_diagnosisDock->setWidget(diagnosis);

    m_finderView = new LrFinderView;
    m_finderView->setObjectName(QStringLiteral("lrFinderView"));
    m_finderDock = new QDockWidget(tr("LR finder"), this);
    m_finderDock->setObjectName(QStringLiteral("lrFinderDock"));
    // In scroll areas: the views' own minimum heights would otherwise claim half the window.
    const auto scrolled = [](QWidget* view) {
        auto* area = new QScrollArea;
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(view);
        return area;
    };
    m_finderDock->setWidget(scrolled(m_finderView));
    connect(m_finderView, &LrFinderView::learningRateChosen, this, [this](double lr) {
        m_learningRate->setLearningRate(lr);  // emits learningRateChanged -> re-run
    });

    m_sweepView = new SweepView;
    m_sweepView->setObjectName(QStringLiteral("sweepView"));
    m_sweepDock = new QDockWidget(tr("Sweep"), this);
    m_sweepDock->setObjectName(QStringLiteral("sweepDock"));
    m_sweepDock->setWidget(scrolled(m_sweepView));
    connect(m_sweepView, &SweepView::runRequested, this,
            [this](const RunConfig& config) { setConfig(config); });

    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosisDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_finderDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_sweepDock);
    tabifyDockWidget(m_diagnosisDock, m_finderDock);
    tabifyDockWidget(m_finderDock, m_sweepDock);
    m_diagnosisDock->raise();

}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open dataset CSV…"), this, &MainWindow::openCsv);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    QAction* pin = run->addAction(tr("&Pin current run"), this, &MainWindow::pinCurrent);
    pin->setShortcut(QKeySequence(tr("Ctrl+P")));
    run->addAction(tr("&Clear pins"), this, &MainWindow::clearPins);
    QAction* trio = run->addAction(tr("LR &trio ×0.1 / ×1 / ×10"), this, &MainWindow::runTrio);
    trio->setShortcut(QKeySequence(tr("Ctrl+T")));
    run->addSeparator();
    QAction* play = run->addAction(tr("Play / pause"), m_playback, &PlaybackBar::togglePlay);
    play->setShortcut(QKeySequence(tr("Ctrl+Space")));
    QAction* finder = run->addAction(tr("Run the LR &finder"), this, [this] {
        m_finderDock->show();
        m_finderDock->raise();
        m_finderView->run();
    });
    finder->setShortcut(QKeySequence(tr("Ctrl+F")));

    QMenu* lesson = menuBar()->addMenu(tr("&Lesson"));
    QAction* reset = lesson->addAction(tr("&Default lesson"), this,
                                       &MainWindow::applyDefaultLesson);
    reset->setShortcut(QKeySequence(tr("Ctrl+R")));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_diagnosisDock->toggleViewAction());
    view->addAction(m_finderDock->toggleViewAction());
    view->addAction(m_sweepDock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About lrlab"), this, [this] {
        QMessageBox::about(this, tr("About lrlab"),
                           tr("<b>lrlab %1</b> — Learning Rate Lab<br>How learning rate, "
                              "warmup, decay and optimizer shape a training run, on toy "
                              "loss surfaces and real models.")
                               .arg(QStringLiteral(LRLAB_VERSION)));
    });
}

void MainWindow::buildStatusBar()
{
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("runStatusLabel"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyIndicator"));
    m_busyBar->setRange(0, 0);  // indeterminate: "working"
    m_busyBar->setMaximumWidth(90);
    m_busyBar->setMaximumHeight(14);
    m_busyBar->setTextVisible(false);
    m_busyBar->setToolTip(tr("A run is in progress in the background."));
    m_busyBar->setVisible(false);
    m_landscapeBar = new QProgressBar(this);
    m_landscapeBar->setObjectName(QStringLiteral("landscapeProgress"));
    m_landscapeBar->setMaximumWidth(160);
    m_landscapeBar->setMaximumHeight(14);
    m_landscapeBar->setFormat(tr("landscape %p%"));
    m_landscapeBar->setToolTip(tr("The loss landscape of the run is being computed in the "
                                  "background (coarse grid first, then refined)."));
    m_landscapeBar->setVisible(false);
    m_throughputLabel = new QLabel(this);
    m_throughputLabel->setObjectName(QStringLiteral("throughputLabel"));
    m_throughputLabel->setToolTip(tr("Optimizer steps per second of the last run."));
    m_timingLabel = new QLabel(this);
    m_timingLabel->setToolTip(tr("Time the last run took in the background thread."));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_landscapeBar);
    statusBar()->addPermanentWidget(m_busyBar);
    statusBar()->addPermanentWidget(m_throughputLabel);
    statusBar()->addPermanentWidget(m_timingLabel);
}

void MainWindow::applyDefaultLesson()
{
    // Rosenbrock from its default start with heavy-ball SGD (β = 0.9) at 0.82× its stable limit
    // 2(1+β)/λ₁ and a cosine decay over 2000 steps: the path zig-zags across the steep valley
    // wall, then rolls along the curved floor and settles on (1, 1) (f − f* ≈ 4e-7) -- the
    // classic picture of momentum, with a schedule to read beside it.
    RunConfig config;
    config.problem.type = "rosenbrock";
    config.optimizer.type = "sgd";
    config.optimizer.momentum = 0.9;
    config.steps = 2000;
    config.schedule.decay = Decay::Cosine;
    config.schedule.learningRate = 1.5e-3;
    config.schedule.totalSteps = 2000;
    setConfig(config);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_docksSized) {
        // The plots keep most of the height; resizeDocks needs the window laid out once.
        m_docksSized = true;
        QTimer::singleShot(0, this, [this] {
            resizeDocks({m_diagnosisDock}, {std::max(190, height() / 5)}, Qt::Vertical);
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Control logic

void MainWindow::setConfig(const RunConfig& config)
{
    const int problemIndex =
        m_problemCombo->findData(QString::fromStdString(config.problem.type));
    if (problemIndex < 0) {
        showMessage(tr("Cannot load this run: unknown problem \"%1\".")
                        .arg(QString::fromStdString(config.problem.type)));
        return;
    }
    rememberSurfaceParameters(config.problem);  // part A: e.g. a lesson's quadratic
    m_updating = true;
    m_problemCombo->setCurrentIndex(problemIndex);
    problemChanged();  // keeps m_updating: sets the surface, defaults and visible rows
    m_updating = true;
    const bool model = isModelType(config.problem.type);
    if (!model) {
        if (config.init.size() == 2) {
            m_startX->setValue(config.init[0]);
            m_startY->setValue(config.init[1]);
        }
        m_noise->setValue(config.problem.noise);
    } else {
        const std::string dataset = config.problem.dataset.empty()
                                        ? defaultDataset(config.problem.type)
                                        : config.problem.dataset;
        int datasetIndex = m_datasetCombo->findData(QString::fromStdString(dataset));
        if (datasetIndex < 0) {  // a CSV path: add it above "Open CSV…"
            const int at = m_datasetCombo->count() - 1;
            m_datasetCombo->insertItem(at, QFileInfo(QString::fromStdString(dataset)).fileName(),
                                       QString::fromStdString(dataset));
            datasetIndex = at;
        }
        m_datasetCombo->setCurrentIndex(datasetIndex);
        if (needsFeature(config.problem.type)) {
            const std::string feature = config.problem.feature.empty()
                                            ? defaultFeature(config.problem.type)
                                            : config.problem.feature;
            const QString f = QString::fromStdString(feature);
            if (m_featureCombo->findData(f) < 0)
                m_featureCombo->addItem(f, f);
            m_featureCombo->setCurrentIndex(m_featureCombo->findData(f));
        }
        m_hidden->setText(hiddenText(config.problem.hidden));
        m_activation->setCurrentIndex(
            std::max(0, m_activation->findData(QString::fromStdString(config.problem.activation))));
        m_batchSize->setValue(config.problem.batchSize);
        m_valFraction->setValue(config.problem.valFraction);
        m_evalEvery->setValue(config.evalEvery);
    }
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(
        config.seed, static_cast<std::uint64_t>(std::numeric_limits<int>::max()))));

    m_optimizerCombo->setCurrentIndex(
        std::max(0, m_optimizerCombo->findData(QString::fromStdString(config.optimizer.type))));
    const OptimizerSpec opt = config.optimizer.resolved();
    m_momentum->setValue(opt.momentum);
    m_nesterov->setChecked(opt.nesterov);
    m_alpha->setValue(opt.alpha);
    m_eps->setValue(opt.eps);
    m_beta1->setValue(opt.beta1);
    m_beta2->setValue(opt.beta2);
    m_weightDecay->setValue(opt.weightDecay);
    m_blockSize->setValue(opt.blockSize);

    const ScheduleSpec& s = config.schedule;
    m_steps->setValue(config.steps);
    m_warmupSteps->setMaximum(config.steps);
    m_stepSize->setMaximum(config.steps);
    m_t0->setMaximum(config.steps);
    m_warmupSteps->setValue(s.warmupSteps);
    m_warmupStartFactor->setValue(s.warmupStartFactor);
    m_decayCombo->setCurrentIndex(
        std::max(0, m_decayCombo->findData(QString::fromStdString(decayName(s.decay)))));
    m_minLr->setValue(s.minLr);
    m_gamma->setValue(s.gamma ? *s.gamma : (s.decay == Decay::Step ? 0.1 : 0.99));
    m_stepsPerEpoch->setValue(s.stepsPerEpoch);
    m_stepSize->setValue(s.stepSize ? *s.stepSize : 0);
    m_t0->setValue(s.t0 ? *s.t0 : 0);
    m_tMult->setValue(s.tMult);
    m_power->setValue(s.power);
    m_timescale->setValue(s.timescale ? *s.timescale : 0.0);
    m_pctStart->setValue(s.pctStart);
    m_divFactor->setValue(s.divFactor);
    m_finalDivFactor->setValue(s.finalDivFactor);
    m_decayFraction->setValue(s.decayFraction);
    m_shape->setCurrentIndex(
        std::max(0, m_shape->findData(QString::fromStdString(wsdShapeName(s.shape)))));
    m_learningRate->setLearningRate(s.learningRate);
    m_updating = false;
    updateVisibleRows();
    if (model)
        refreshFeatures();
    settingsChanged();
}

bool MainWindow::currentIsModel() const
{
    return isModelType(m_problemCombo->currentData().toString().toStdString());
}

void MainWindow::problemChanged()
{
    const std::string name = m_problemCombo->currentData().toString().toStdString();
    const bool model = isModelType(name);
    const bool outer = m_updating;
    m_updating = true;
    if (!model) {
        m_surface = makeToySurface(name, surfaceParameters(name));
        const ProblemInfo info = m_surface->info();
        m_startX->setValue(info.start(0));
        m_startY->setValue(info.start(1));
        m_mapTitle->setText(QString::fromStdString(info.formula.empty()
                                                       ? info.name
                                                       : "f = " + info.formula));
        m_mapPlot->xAxis->setLabel(QStringLiteral("x"));
        m_mapPlot->yAxis->setLabel(QStringLiteral("y"));
        m_mapPlot->xAxis->setRange(info.view.xMin, info.view.xMax);
        m_mapPlot->yAxis->setRange(info.view.yMin, info.view.yMax);
        m_colorScale->axis()->setLabel(tr("log₁₀(f − f* + ε)"));
        m_lossTitle->setText(tr("Loss  f − f*  (log scale)"));
        m_lossPlot->yAxis->setLabel(tr("f − f*"));
        m_mapInfo->setVisible(false);
        m_mapNote->setVisible(false);
        if (!m_mapPlot->legend->hasItemWithPlottable(m_minimaMarker))
            m_minimaMarker->addToLegend();
        m_lossPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
        m_colorMap->data()->clear();
        m_shownLandscape.clear();
        m_modelMapValid = false;
        // The worker only recomputes a landscape it has not delivered last; show that one now.
        if (m_lastLandscape.surface == name)
            showLandscape(m_lastLandscape);
        m_hoverTips->setLandscapeFunction([surface = std::shared_ptr<ToySurface>(
                                               makeToySurface(name, surfaceParameters(name)))](
                                               double x, double y) {
            return surface->valueAt(x, y);
        });
    } else {
        m_surface.reset();
        m_hoverTips->setLandscapeFunction({});
        // A model's own default dataset whenever the current one does not suit it (bundled
        // data: diabetes is the one regression set, breast_cancer the one binary set; a CSV
        // the user opened is kept and judged by the run).
        const std::string current = m_datasetCombo->currentData().toString().toStdString();
        const bool userCsv = current.find('/') != std::string::npos;
        bool suits = !current.empty() && current != kOpenCsv;
        if (suits && !userCsv) {
            if (name == "linreg")
                suits = current == "diabetes";
            else if (name == "logreg")
                suits = current == "breast_cancer";
            else if (name == "softmax")
                suits = current != "diabetes";
        }
        if (!suits) {
            const int index =
                m_datasetCombo->findData(QString::fromStdString(defaultDataset(name)));
            if (index >= 0)
                m_datasetCombo->setCurrentIndex(index);
        }
        m_minimaMarker->removeFromLegend();
        m_lossTitle->setText(tr("Loss (log scale)"));
        m_lossPlot->yAxis->setLabel(tr("loss"));
        m_colorScale->axis()->setLabel(tr("log₁₀(loss − min + ε)"));
    }
    updateSurfaceMarkers();
    m_updating = outer;
    updateVisibleRows();
    if (model)
        refreshFeatures();
    m_mapPlot->replot(QCustomPlot::rpQueuedReplot);
    settingsChanged();
}

void MainWindow::datasetChanged()
{
    if (m_datasetCombo->currentData().toString() == QLatin1String(kOpenCsv)) {
        openCsv();
        return;
    }
    refreshFeatures();
    settingsChanged();
}

void MainWindow::openCsv()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a dataset CSV"), QString(), tr("CSV files (*.csv);;All files (*)"));
    const bool outer = m_updating;
    m_updating = true;
    if (path.isEmpty()) {
        // Back to a real dataset: the "Open CSV…" entry is an action, not a choice.
        const std::string type = m_problemCombo->currentData().toString().toStdString();
        const int index = m_datasetCombo->findData(QString::fromStdString(
            defaultDataset(isModelType(type) ? type : std::string("mlp"))));
        m_datasetCombo->setCurrentIndex(std::max(0, index));
        m_updating = outer;
        return;
    }
    int index = m_datasetCombo->findData(path);
    if (index < 0) {
        index = m_datasetCombo->count() - 1;
        m_datasetCombo->insertItem(index, QFileInfo(path).fileName(), path);
    }
    m_datasetCombo->setCurrentIndex(index);
    if (!currentIsModel())
        m_problemCombo->setCurrentIndex(m_problemCombo->findData(QStringLiteral("mlp")));
    m_updating = outer;
    problemChanged();
}

void MainWindow::refreshFeatures()
{
    const std::string type = m_problemCombo->currentData().toString().toStdString();
    if (!needsFeature(type))
        return;
    const QString dataset = m_datasetCombo->currentData().toString();
    if (dataset.isEmpty() || dataset == QLatin1String(kOpenCsv))
        return;
    if (m_featureCombo->property("dataset").toString() == dataset)
        return;  // already listed
    // The names come from the dataset file: load it (through the core's cache) off the GUI
    // thread; runs wait for the list so no run starts with a feature of the wrong dataset.
    m_featuresLoading = true;
    m_featureCombo->setEnabled(false);
    auto* watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcher<QStringList>::finished, this, [this, watcher, dataset] {
        watcher->deleteLater();
        if (m_datasetCombo->currentData().toString() != dataset)
            return;  // the user moved on; the newer request fills the list
        const QStringList names = watcher->result();
        const QString previous = m_featureCombo->currentData().toString();
        const bool outer = m_updating;
        m_updating = true;
        m_featureCombo->clear();
        for (const QString& name : names)
            m_featureCombo->addItem(name, name);
        m_featureCombo->setProperty("dataset", dataset);
        const std::string type = m_problemCombo->currentData().toString().toStdString();
        int index = m_featureCombo->findData(previous);
        if (index < 0)
            index = m_featureCombo->findData(QString::fromStdString(defaultFeature(type)));
        m_featureCombo->setCurrentIndex(std::max(0, index));
        m_featureCombo->setEnabled(true);
        m_updating = outer;
        m_featuresLoading = false;
        settingsChanged();
    });
    const std::string name = dataset.toStdString();
    watcher->setFuture(QtConcurrent::run([name]() {
        QStringList names;
        try {
            for (const std::string& f : cachedDataset(name)->featureNames)
                names << QString::fromStdString(f);
        } catch (const std::exception&) {
            // The run reports the loading error in the message area.
        }
        return names;
    }));
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
    m_blockSize->setValue(defaults.blockSize);
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
    const std::string problem = m_problemCombo->currentData().toString().toStdString();
    const bool model = isModelType(problem);
    m_problemForm->setRowVisible(m_startRow, !model);
    m_problemForm->setRowVisible(m_noise, !model);
    m_problemForm->setRowVisible(m_datasetCombo, model);
    m_problemForm->setRowVisible(m_featureCombo, model && needsFeature(problem));
    m_problemForm->setRowVisible(m_hidden, problem == "mlp");
    m_problemForm->setRowVisible(m_activation, problem == "mlp");
    m_problemForm->setRowVisible(m_batchSize, model);
    m_problemForm->setRowVisible(m_valFraction, model);
    m_problemForm->setRowVisible(m_evalEvery, model);
    m_accuracyPlot->setVisible(model);

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
    m_optimizerForm->setRowVisible(m_blockSize, hasKey(keys, "block_size"));

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
    config.problem.type = m_problemCombo->currentData().toString().toStdString();
    const bool model = isModelType(config.problem.type);
    if (model) {
        config.problem.dataset = m_datasetCombo->currentData().toString().toStdString();
        if (config.problem.dataset == kOpenCsv)
            config.problem.dataset.clear();
        if (needsFeature(config.problem.type))
            config.problem.feature = m_featureCombo->currentData().toString().toStdString();
        if (config.problem.type == "mlp") {
            const std::vector<int> hidden = parseHidden(m_hidden->text());
            if (!hidden.empty())
                config.problem.hidden = hidden;
            config.problem.activation = m_activation->currentData().toString().toStdString();
        }
        config.problem.batchSize = m_batchSize->value();
        config.problem.valFraction = m_valFraction->value();
        config.evalEvery = m_evalEvery->value();
    } else {
        config.problem.noise = m_noise->value();
        config.init = {m_startX->value(), m_startY->value()};
        config.problem.parameters = surfaceParameters(config.problem.type);  // part A
    }
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
    if (hasKey(keys, "block_size"))
        opt.blockSize = m_blockSize->value();

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
    if (m_updating)
        return;
    const bool model = currentIsModel();
    if (!model && !m_surface)
        return;
    const RunConfig config = currentConfig();
    updateStability(config);
    updateSchedulePreview(config);
    m_finderView->setConfig(config);
    m_sweepView->setBaseConfig(config);
    if (!model) {
        // The start marker follows the fields at once; the path follows with the run.
        const bool moved = m_startMarker->dataCount() != 1 ||
                           m_startMarker->data()->begin()->key != config.init[0] ||
                           m_startMarker->data()->begin()->value != config.init[1];
        if (moved) {
            m_startMarker->data()->clear();
            m_startMarker->addData(config.init[0], config.init[1]);
            replotPath();
        }
    }
    if (model && m_featuresLoading)
        return;  // the feature list arrives first, then this runs again
    RunRequest request;
    request.config = config;
    m_submitted = m_worker->submit(request);
    m_submittedConfig = config;
    m_submitClock.start();
    setBusy(true);
    if (model)
        prepareMapForModel(config);
}

void MainWindow::prepareMapForModel(const RunConfig& config)
{
    // The map of a two-parameter model is the exact loss over (w, b): it stays valid while only
    // the optimizer or the schedule change. A larger model's plane belongs to one run.
    const std::string key = problemKey(config.problem, config.seed);
    const bool twoParameters = needsFeature(config.problem.type);
    m_modelMapValid = twoParameters && key == m_shownModelKey;
    if (!m_modelMapValid) {
        m_colorMap->data()->clear();
        m_shownLandscape.clear();
        m_startMarker->data()->clear();
        m_minimaMarker->data()->clear();
        m_mapTitle->setText(twoParameters
                                ? tr("Loss over (w, b): %1").arg(modelDisplayName(config.problem.type))
                                : tr("Loss landscape (PCA plane of the trajectory)"));
        m_mapPlot->xAxis->setLabel(twoParameters ? QStringLiteral("w") : QStringLiteral("PC1"));
        m_mapPlot->yAxis->setLabel(twoParameters ? QStringLiteral("b") : QStringLiteral("PC2"));
        m_mapInfo->setText(twoParameters
                               ? tr("The (w, b) path grows here;\nthe loss surface follows the run.")
                               : tr("The landscape is computed after the run:\nthe plane of the "
                                    "trajectory's two main directions."));
        m_mapInfo->setVisible(true);
        m_mapPlot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void MainWindow::updateStability(const RunConfig& config)
{
    if (isModelType(config.problem.type)) {
        showModelStability(config);
        return;
    }
    const Eigen::Vector2d start(config.init[0], config.init[1]);
    const Eigen::Matrix2d h = m_surface->hessian(start);
    const bool heavyBall = config.optimizer.type == "sgd" && config.optimizer.momentum > 0.0;
    const StabilityLimits limits =
        stabilityLimits(h, heavyBall ? config.optimizer.momentum : 0.0);
    m_stableLimit = heavyBall ? limits.stableLrMomentum : limits.stableLr;
    m_bestRate = limits.bestLr;

    QString best;
    if (std::isfinite(m_bestRate) && m_bestRate > 0.0)
        best = tr(" <span style='color:#148c3c'>▲</span> Best constant rate 2/(λ₁+λₙ) = <b>%1</b> "
                  "(λₙ = %2).")
                   .arg(formatRate(m_bestRate))
                   .arg(limits.lambdaMin, 0, 'g', 4);
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
    m_learningRate->setStableLimit(m_stableLimit, text + best);
    m_learningRate->setBestRate(m_bestRate);
}

void MainWindow::showModelStability(const RunConfig& config)
{
    const std::string key = problemKey(config.problem, config.seed);
    m_curvatureKey = key;
    const auto cached = m_curvatureCache.find(key);
    if (cached == m_curvatureCache.end()) {
        m_stableLimit = kNaN;
        m_bestRate = kNaN;
        m_learningRate->setStableLimit(kNaN, tr("Computing the curvature at the start (extreme "
                                                "Hessian eigenvalues of the training loss)…"));
        m_learningRate->setBestRate(kNaN);
        requestCurvature(config, key);
        return;
    }
    m_curvature = cached->second;
    const bool heavyBall = config.optimizer.type == "sgd" && config.optimizer.momentum > 0.0;
    Eigen::Matrix2d diagonal = Eigen::Matrix2d::Zero();
    diagonal(0, 0) = m_curvature.lambdaMax;
    diagonal(1, 1) = m_curvature.lambdaMin;
    const StabilityLimits limits =
        stabilityLimits(diagonal, heavyBall ? config.optimizer.momentum : 0.0);
    m_stableLimit = heavyBall ? limits.stableLrMomentum : limits.stableLr;
    m_bestRate = limits.bestLr;
    QString text;
    if (!(std::isfinite(m_stableLimit) && m_stableLimit > 0.0)) {
        text = tr("λ₁ = %1 at the start: no positive curvature, no step-size limit.")
                   .arg(m_curvature.lambdaMax, 0, 'g', 3);
    } else {
        text = tr("<span style='color:#c81e1e'>▼</span> %1 = <b>%2</b> (λ₁ = %3 of the "
                  "full-batch training loss at the initialization%4).")
                   .arg(heavyBall ? tr("Stable limit 2(1+β)/λ₁") : tr("Stable limit 2/λ₁"))
                   .arg(formatRate(m_stableLimit))
                   .arg(m_curvature.lambdaMax, 0, 'g', 4)
                   .arg(config.optimizer.type == "sgd"
                            ? QString()
                            : tr("; %1 rescales its steps, so this is a reference")
                                  .arg(optimizerDisplayName(config.optimizer.type)));
        if (std::isfinite(m_bestRate) && m_bestRate > 0.0)
            text += tr(" <span style='color:#148c3c'>▲</span> Best constant rate 2/(λ₁+λₙ) = "
                       "<b>%1</b> (λₙ = %2).")
                        .arg(formatRate(m_bestRate))
                        .arg(m_curvature.lambdaMin, 0, 'g', 3);
        else
            text += tr(" λₙ = %1 ≤ 0: no best constant rate.")
                        .arg(m_curvature.lambdaMin, 0, 'g', 3);
    }
    m_learningRate->setStableLimit(m_stableLimit, text);
    m_learningRate->setBestRate(m_bestRate);
}

void MainWindow::requestCurvature(const RunConfig& config, const std::string& key)
{
    // One estimate at a time: a job for another key is abandoned.
    for (CurvatureJob& job : m_curvatureJobs)
        if (job.key != key)
            job.cancel->store(true);
    m_curvatureJobs.erase(std::remove_if(m_curvatureJobs.begin(), m_curvatureJobs.end(),
                                         [](const CurvatureJob& job) {
                                             return job.future.isFinished();
                                         }),
                          m_curvatureJobs.end());
    for (const CurvatureJob& job : m_curvatureJobs)
        if (job.key == key && !job.cancel->load())
            return;  // already on its way
    CurvatureJob job;
    job.key = key;
    job.cancel = std::make_shared<CancelFlag>(false);
    const std::shared_ptr<CancelFlag> flag = job.cancel;
    job.future = QtConcurrent::run([this, config, key, flag]() {
        CurvatureEstimate estimate;
        QString error;
        try {
            const auto problem = ModelProblem::create(config.problem, config.seed);
            CurvatureOptions options;
            options.cancel = flag.get();
            options.seed = config.seed;
            estimate = lrlab::modelCurvature(*problem, modelStartParameters(config, *problem),
                                             options);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        if (flag->load() || estimate.cancelled)
            return;
        QMetaObject::invokeMethod(
            this,
            [this, key, estimate, error] {
                if (!error.isEmpty()) {
                    if (key == m_curvatureKey)
                        m_learningRate->setStableLimit(
                            kNaN, tr("No curvature: %1").arg(error));
                    return;
                }
                m_curvatureCache[key] = estimate;
                if (key == m_curvatureKey && currentIsModel()) {
                    const RunConfig now = currentConfig();
                    showModelStability(now);
                    updateSchedulePreview(now);
                    emit curvatureDisplayed();
                }
            },
            Qt::QueuedConnection);
    });
    m_curvatureJobs.push_back(job);
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
    m_lrPlot->setProperty("previewTop", top);
    m_lrPlot->setProperty("previewSteps", config.steps);
    rescaleLearningRateAxis();
}

void MainWindow::rescaleLearningRateAxis()
{
    // The preview sets the scale; pinned runs with larger rates or more steps widen it.
    double top = m_lrPlot->property("previewTop").toDouble();
    int steps = m_lrPlot->property("previewSteps").toInt();
    for (const ShownRun& run : m_painter ? m_painter->runs() : std::vector<ShownRun>{}) {
        for (const double lr : run.record->learningRate)
            if (std::isfinite(lr))
                top = std::max(top, lr * 1.05);
        steps = std::max(steps, run.record->lastRow());
    }
    m_lrPlot->xAxis->setRange(0, std::max(1, steps));
    m_lrPlot->yAxis->setRange(0, top > 0.0 ? top : 1.0);
    m_lrPlot->replot(QCustomPlot::rpQueuedReplot);
}

void MainWindow::updateSurfaceMarkers()
{
    m_minimaMarker->data()->clear();
    if (!m_surface)
        return;
    const ProblemInfo info = m_surface->info();
    for (const Eigen::VectorXd& minimum : info.minima)
        if (minimum.size() == 2)
            m_minimaMarker->addData(minimum(0), minimum(1));
}

void MainWindow::setStartFromMap(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton) || !m_surface)
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

void MainWindow::showLandscape(const LandscapeImage& image)
{
    if (&image != &m_lastLandscape)
        m_lastLandscape = image;
    if (!m_surface || image.size < 2 || image.surface != m_surface->info().name)
        return;
    auto* data = m_colorMap->data();
    data->setSize(image.size, image.size);
    data->setRange(QCPRange(image.view.xMin, image.view.xMax),
                   QCPRange(image.view.yMin, image.view.yMax));
    for (int j = 0; j < image.size; ++j)
        for (int i = 0; i < image.size; ++i)
            data->setCell(i, j, image.at(i, j));
    m_colorMap->setInterpolate(false);
    m_colorMap->rescaleDataRange(true);
    m_shownLandscape = image.surface;
    m_mapPlot->replot(QCustomPlot::rpQueuedReplot);
    emit landscapeDisplayed(QString::fromStdString(image.surface));
}

void MainWindow::showRun(quint64 generation, const RunResult& result)
{
    if (generation != m_submitted)
        return;  // an older setting; a newer run is on its way
    const ToyTrace& trace = result.trace;
    const int rows = trace.rows();
    m_smoothGraph->data()->clear();
    m_validationGraph->data()->clear();
    m_accuracyGraph->data()->clear();
    m_smoothGraph->removeFromLegend();
    m_validationGraph->removeFromLegend();
    m_mapNote->setVisible(false);
    setCurrentRecord(fromToyTrace(result.config, trace, result.minimumValue));

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
    rescaleLossAxis();
    m_timingLabel->setText(tr("run %1 ms").arg(result.runMilliseconds, 0, 'f', 2));
    if (result.runMilliseconds > 0.0)
        m_throughputLabel->setText(
            tr("%1 steps/s").arg(groupedNumber(1000.0 * std::max(stepsRun, 1) /
                                               result.runMilliseconds)));
    LossHistory history;
    history.loss = trace.loss;
    history.floor = result.minimumValue;
    updateDiagnosis(history);
    clearMessage();
    m_displayed = generation;
    setBusy(false);
    emit runDisplayed(generation);
}

void MainWindow::showChunk(const ModelChunk& chunk)
{
    if (chunk.generation != m_submitted)
        return;  // an abandoned run's chunk, still in the queue
    if (m_stream.generation != chunk.generation || chunk.firstRow == 0) {
        m_stream = Stream{};
        m_stream.generation = chunk.generation;
        m_stream.config = m_submittedConfig;
        m_divergenceLine->setVisible(false);
        m_divergenceText->setVisible(false);
        m_mapNote->setVisible(false);
        m_landscapeBar->setVisible(false);
    }
    if (chunk.firstRow != static_cast<int>(m_stream.loss.size()))
        return;  // never happens with an in-order queue; a gap would corrupt the curves
    Stream& s = m_stream;
    for (int k = 0; k < chunk.rows(); ++k) {
        const double loss = chunk.loss[static_cast<std::size_t>(k)];
        s.learningRate.push_back(chunk.learningRate[static_cast<std::size_t>(k)]);
        s.loss.push_back(loss);
        if (std::isfinite(loss))
            s.ema = s.smoothed.empty() ? loss : (1.0 - kSmoothing) * s.ema + kSmoothing * loss;
        s.smoothed.push_back(std::isfinite(loss) ? s.ema : kNaN);
    }
    s.x.insert(s.x.end(), chunk.x.begin(), chunk.x.end());
    s.y.insert(s.y.end(), chunk.y.begin(), chunk.y.end());
    s.evalRows.insert(s.evalRows.end(), chunk.evalRows.begin(), chunk.evalRows.end());
    s.trainLoss.insert(s.trainLoss.end(), chunk.trainLoss.begin(), chunk.trainLoss.end());
    s.validationLoss.insert(s.validationLoss.end(), chunk.validationLoss.begin(),
                            chunk.validationLoss.end());
    s.validationAccuracy.insert(s.validationAccuracy.end(), chunk.validationAccuracy.begin(),
                                chunk.validationAccuracy.end());
    s.elapsedMs = chunk.elapsedMilliseconds;
    updateModelCurves(true);

    const int rows = static_cast<int>(s.loss.size());
    if (s.elapsedMs > 0.0)
        m_throughputLabel->setText(
            tr("%1 steps/s").arg(groupedNumber(1000.0 * rows / s.elapsedMs)));
    setRunStatus(tr("Training… step %1 of %2").arg(rows).arg(chunk.totalSteps), false);
    emit chunkDisplayed(chunk.generation, rows);
}

void MainWindow::updateModelCurves(bool)
{
    const Stream& s = m_stream;
    RunRecord record;
    record.config = s.config;
    record.learningRate = s.learningRate;
    record.loss = s.loss;
    if (!s.x.empty() && s.x.size() == s.loss.size()) {
        record.pathRows.resize(s.x.size());
        for (std::size_t k = 0; k < s.x.size(); ++k)
            record.pathRows[k] = static_cast<int>(k);
        record.pathX = s.x;
        record.pathY = s.y;
    }
    record.evalRows = s.evalRows;
    record.validationLoss = s.validationLoss;
    record.validationAccuracy = s.validationAccuracy;
    setCurrentRecord(record);

    const int n = static_cast<int>(s.loss.size());
    QVector<double> steps, smooth;
    steps.reserve(n);
    smooth.reserve(n);
    for (int k = 0; k < n; ++k)
        if (std::isfinite(s.smoothed[static_cast<std::size_t>(k)])) {
            steps.push_back(k);
            smooth.push_back(std::max(s.smoothed[static_cast<std::size_t>(k)], 1e-16));
        }
    m_smoothGraph->setData(steps, smooth, true);
    QVector<double> evalSteps, validation, accuracy, accuracySteps;
    for (std::size_t i = 0; i < s.evalRows.size(); ++i) {
        const double v = s.validationLoss[i];
        if (std::isfinite(v)) {
            evalSteps.push_back(s.evalRows[i]);
            validation.push_back(std::max(v, 1e-16));
        }
        if (std::isfinite(s.validationAccuracy[i])) {
            accuracySteps.push_back(s.evalRows[i]);
            accuracy.push_back(s.validationAccuracy[i]);
        }
    }
    m_validationGraph->setData(evalSteps, validation, true);
    m_accuracyGraph->setData(accuracySteps, accuracy, true);
    if (m_smoothGraph->dataCount() > 0 && !m_lossPlot->legend->hasItemWithPlottable(m_smoothGraph))
        m_smoothGraph->addToLegend();
    if (m_validationGraph->dataCount() > 0 &&
        !m_lossPlot->legend->hasItemWithPlottable(m_validationGraph))
        m_validationGraph->addToLegend();
    m_accuracyPlot->xAxis->setRange(0, std::max(1, s.config.steps));
    if (!accuracy.isEmpty()) {
        const double lo = *std::min_element(accuracy.begin(), accuracy.end());
        m_accuracyPlot->yAxis->setRange(std::max(0.0, std::floor(lo * 10.0) / 10.0 - 0.05),
                                        1.02);
    }
    m_accuracyPlot->replot(QCustomPlot::rpQueuedReplot);

    // A two-parameter model draws its (w, b) path as it grows; before its exact surface exists
    // the view follows the path.
    if (!s.x.empty() && !m_modelMapValid) {
        double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
        for (std::size_t k = 0; k < s.x.size(); ++k)
            if (std::isfinite(s.x[k]) && std::isfinite(s.y[k]) && std::abs(s.x[k]) < 1e6 &&
                std::abs(s.y[k]) < 1e6) {
                x0 = std::min(x0, s.x[k]);
                x1 = std::max(x1, s.x[k]);
                y0 = std::min(y0, s.y[k]);
                y1 = std::max(y1, s.y[k]);
            }
        if (std::isfinite(x0)) {
            const double mx = std::max(0.25 * (x1 - x0), 0.05), my = std::max(0.25 * (y1 - y0), 0.05);
            m_mapPlot->xAxis->setRange(x0 - mx, x1 + mx);
            m_mapPlot->yAxis->setRange(y0 - my, y1 + my);
            m_mapPlot->replot(QCustomPlot::rpQueuedReplot);
        }
        m_mapInfo->setVisible(false);
    }
    LossHistory history;
    history.loss = s.loss;
    history.noisy = true;
    history.validation = s.validationLoss;
    history.validationTrain = s.trainLoss;
    if (s.loss.size() >= 2)
        updateDiagnosis(history);
}

void MainWindow::showModelRun(quint64 generation, const ModelRunResult& result)
{
    if (generation != m_submitted)
        return;
    const ModelTrace& trace = result.trace;
    // The finished trace is authoritative: rebuild the curves from it (the chunks held the same
    // rows; this also covers a run that ended before its first chunk).
    m_stream = Stream{};
    m_stream.generation = generation;
    m_stream.config = result.config;
    for (int k = 0; k < trace.rows(); ++k) {
        const double loss = trace.loss[static_cast<std::size_t>(k)];
        m_stream.learningRate.push_back(trace.learningRate[static_cast<std::size_t>(k)]);
        m_stream.loss.push_back(loss);
        if (std::isfinite(loss))
            m_stream.ema = k == 0 ? loss : (1.0 - kSmoothing) * m_stream.ema + kSmoothing * loss;
        m_stream.smoothed.push_back(std::isfinite(loss) ? m_stream.ema : kNaN);
    }
    m_stream.x.assign(trace.x.begin(), trace.x.end());
    m_stream.y.assign(trace.y.begin(), trace.y.end());
    m_stream.evalRows = trace.evalRows;
    m_stream.trainLoss = trace.trainLoss;
    m_stream.validationLoss = trace.validationLoss;
    m_stream.validationAccuracy = trace.validationAccuracy;
    m_stream.elapsedMs = result.runMilliseconds;
    updateModelCurves(true);
    m_lastModelRun = result;
    m_lastModelRunValid = true;

    const bool diverged = trace.status == RunStatus::Diverged;
    m_divergenceLine->setVisible(diverged);
    m_divergenceText->setVisible(diverged);
    if (diverged) {
        m_divergenceLine->point1->setCoords(trace.divergedAt, 1.0);
        m_divergenceLine->point2->setCoords(trace.divergedAt, 2.0);
        m_divergenceText->position->setCoords(trace.divergedAt, 0.03);
        m_divergenceText->setText(tr("diverged at step %1 ").arg(trace.divergedAt));
        m_divergenceText->setPositionAlignment(
            (trace.divergedAt > result.config.steps / 2 ? Qt::AlignRight : Qt::AlignLeft) |
            Qt::AlignTop);
        setRunStatus(tr("Diverged at step %1 — last finite loss: %2")
                         .arg(trace.divergedAt)
                         .arg(trace.lastFiniteLoss, 0, 'g', 4),
                     true);
    } else {
        QString text = tr("Finished — %1 steps — %2 parameters").arg(trace.rows()).arg(
            result.parameterCount);
        if (!trace.trainLoss.empty())
            text += tr(" — train loss %1").arg(trace.trainLoss.back(), 0, 'g', 4);
        if (!trace.validationLoss.empty() && std::isfinite(trace.validationLoss.back()))
            text += tr(" — val loss %1").arg(trace.validationLoss.back(), 0, 'g', 4);
        if (!trace.validationAccuracy.empty() && std::isfinite(trace.validationAccuracy.back()))
            text += tr(" — val acc %1 %").arg(100.0 * trace.validationAccuracy.back(), 0, 'f', 1);
        setRunStatus(text, false);
        m_landscapeBar->setValue(0);
        m_landscapeBar->setVisible(true);
    }
    rescaleLossAxis();
    m_timingLabel->setText(tr("run %1 ms").arg(result.runMilliseconds, 0, 'f', 1));
    if (result.runMilliseconds > 0.0)
        m_throughputLabel->setText(
            tr("%1 steps/s").arg(groupedNumber(1000.0 * trace.rows() / result.runMilliseconds)));
    clearMessage();
    m_displayed = generation;
    setBusy(false);
    emit runDisplayed(generation);
}

void MainWindow::showModelLandscape(quint64 generation, const ModelLandscape& landscape)
{
    if (generation != m_submitted || !m_lastModelRunValid)
        return;
    const LandscapeImage& image = landscape.image;
    auto* data = m_colorMap->data();
    data->setSize(image.size, image.size);
    data->setRange(QCPRange(image.view.xMin, image.view.xMax),
                   QCPRange(image.view.yMin, image.view.yMax));
    for (int j = 0; j < image.size; ++j)
        for (int i = 0; i < image.size; ++i)
            data->setCell(i, j, image.at(i, j));
    // A model grid is coarse (15² then 41²): smooth it; toy grids are fine enough as they are.
    m_colorMap->setInterpolate(true);
    m_colorMap->rescaleDataRange(true);
    m_mapPlot->xAxis->setRange(image.view.xMin, image.view.xMax);
    m_mapPlot->yAxis->setRange(image.view.yMin, image.view.yMax);
    m_mapPlot->xAxis->setLabel(QString::fromStdString(landscape.alphaLabel));
    m_mapPlot->yAxis->setLabel(QString::fromStdString(landscape.betaLabel));
    m_shownLandscape = image.surface;
    m_mapInfo->setVisible(false);
    m_startMarker->data()->clear();
    if (!landscape.trajectory.alpha.empty())
        m_startMarker->addData(landscape.trajectory.alpha.front(),
                               landscape.trajectory.beta.front());
    const ModelRunResult& run = m_lastModelRun;
    if (landscape.plane == LandscapePlane::Axes) {
        m_shownModelKey = image.surface;
        m_modelMapValid = true;
        m_mapTitle->setText(tr("Loss over (w, b): %1 on %2, feature %3")
                                .arg(modelDisplayName(run.config.problem.type),
                                     QString::fromStdString(run.datasetName),
                                     QString::fromStdString(run.featureName)));
    } else {
        m_shownModelKey.clear();
        m_mapTitle->setText(tr("Loss landscape: PCA plane of the trajectory (%1 × %1)")
                                .arg(image.size));
        // The path in plane coordinates replaces the raw one (there is none for big models).
        setCurrentRecord(fromModelTrace(run.config, run.trace, &landscape.trajectory));
    }
    if (landscape.final)
        m_landscapeBar->setVisible(false);
    m_mapPlot->replot(QCustomPlot::rpQueuedReplot);
    emit modelLandscapeDisplayed(generation, landscape.final);
}

void MainWindow::showLandscapeProgress(quint64 generation, int done, int total)
{
    if (generation != m_submitted)
        return;
    m_landscapeBar->setVisible(true);
    m_landscapeBar->setMaximum(std::max(1, total));
    m_landscapeBar->setValue(done);
}

void MainWindow::showFailure(quint64 generation, const QString& message)
{
    if (generation != m_submitted)
        return;
    setBusy(false);
    m_landscapeBar->setVisible(false);
    setRunStatus(tr("Run failed"), true);
    showMessage(tr("The run failed: %1").arg(message));
}

void MainWindow::setCurrentRecord(const RunRecord& record)
{
    m_currentRecord = std::make_shared<const RunRecord>(record);
    m_pins->setCurrent(record);  // emits changed() -> pinsChanged()
}

void MainWindow::pinsChanged()
{
    m_painter->setRuns(shownRuns());  // part A: session and lesson labels
    restyleCurrent();
    m_playback->setMaximumStep(m_painter->maximumStep());
    m_painter->setCursorStep(m_playback->step());
    rescaleLossAxis();
    rescaleLearningRateAxis();
    const int pinned = m_pins->pinnedCount();
    m_pinCountLabel->setText(pinned == 0 ? tr("No pinned runs.")
                                         : tr("%1 of %2 pinned").arg(pinned).arg(
                                               PinnedRuns::kCapacity));
    m_clearPinsButton->setEnabled(pinned > 0);
    replotPath();
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
}

void MainWindow::restyleCurrent()
{
    // On the dark bands of the map the current path is orange with white-rimmed dots, as in the
    // toy lab; pinned runs keep their palette colours.
    if (QCPCurve* path = m_painter->landscapeCurve(PinnedRuns::kCurrentId)) {
        const QColor orange(255, 110, 30);
        path->setPen(QPen(orange, 2.4));
        path->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(orange, 1.2), Qt::white, 5));
        path->setScatterSkip(std::max(0, path->dataCount() / 40 - 1));
    }
    if (QCPGraph* end = m_painter->endMarker(PinnedRuns::kCurrentId))
        end->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.5),
                                             QColor(255, 110, 30), 13));
    // The schedule plot needs no legend: its runs are named on the other two.
    m_lrPlot->legend->setVisible(false);
    // A model's minibatch loss is noise around the trend: a thin pale line under the smoothed
    // curve reads better than the painter's bold current-run pen.
    QCPGraph* loss = m_painter->lossGraph(PinnedRuns::kCurrentId);
    if (loss && m_currentRecord && isModelType(m_currentRecord->config.problem.type)) {
        loss->setPen(QPen(QColor(150, 150, 150, 170), 1.0));
        loss->setName(tr("minibatch (current)"));
    }
}

void MainWindow::rescaleLossAxis()
{
    double lo = std::numeric_limits<double>::infinity(), hi = 0.0, first = 0.0;
    int steps = 1;
    const std::vector<ShownRun>& runs = m_painter->runs();
    for (const ShownRun& run : runs) {
        const RunRecord& r = *run.record;
        steps = std::max(steps, r.config.steps);
        bool seenFirst = false;
        for (const double loss : r.loss) {
            const double v = loss - r.lossOffset;
            if (!std::isfinite(v))
                break;
            const double g = std::max(v, 1e-16);
            if (!seenFirst && run.current)
                first = g;
            seenFirst = true;
            lo = std::min(lo, g);
            hi = std::max(hi, g);
        }
        for (const double v : r.validationLoss)
            if (std::isfinite(v) && v > 0.0) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    }
    const RunRecord* current = m_currentRecord.get();
    const bool diverged = current && current->status == RunStatus::Diverged;
    // A run that blew up in a few steps would be a sliver at the left edge: zoom onto it.
    if (diverged && runs.size() == 1)
        m_lossPlot->xAxis->setRange(0, std::max(10.0, 1.25 * current->divergedAt));
    else
        m_lossPlot->xAxis->setRange(0, steps);
    if (std::isfinite(lo)) {
        double top = hi * 3.0;
        if (diverged)  // keep the descent readable, not 1e300
            top = std::min(top, std::max(first, 1.0) * 1e8);
        m_lossPlot->yAxis->setRange(std::max(lo / 3.0, 1e-17), std::max(top, lo * 10));
    }
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
}

void MainWindow::updateDiagnosis(const LossHistory& history)
{
    Diagnosis d;
    try {
        d = diagnose(history);
    } catch (const std::exception&) {
        return;  // too short a history to judge
    }
    m_diagnosisName = QString::fromStdString(d.name);
    m_diagnosisLabel->setText(diagnosisTitle(d.label));
    const QColor colour = diagnosisColour(d.label);
    m_diagnosisLabel->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    m_diagnosisAdvice->setText(diagnosisAdvice(d.label));
    m_diagnosisEvidence->setText(QString::fromStdString(d.evidence));
}

// ---------------------------------------------------------------------------------------------
// Compare

void MainWindow::pinCurrent()
{
    if (!m_currentRecord)
        return;
    RunRecord record = *m_currentRecord;
    // A larger model's path lives in its own PCA plane: on another run's plane it would lie.
    if (isModelType(record.config.problem.type) && !needsFeature(record.config.problem.type)) {
        record.pathRows.clear();
        record.pathX.clear();
        record.pathY.clear();
    }
    m_pins->pin(record);
}

void MainWindow::clearPins()
{
    m_pins->clear();
}

void MainWindow::runTrio()
{
    for (TrioJob& job : m_trioJobs)
        job.cancel->store(true);
    m_trioJobs.erase(std::remove_if(m_trioJobs.begin(), m_trioJobs.end(),
                                    [](const TrioJob& job) { return job.future.isFinished(); }),
                     m_trioJobs.end());
    const std::array<RunConfig, 3> configs = trioConfigs(currentConfig());
    const quint64 generation = ++m_trioGeneration;
    TrioJob job;
    job.cancel = std::make_shared<CancelFlag>(false);
    const std::shared_ptr<CancelFlag> flag = job.cancel;
    setRunStatus(tr("Running the trio ×0.1 / ×1 / ×10…"), false);
    job.future = QtConcurrent::run([this, configs, flag, generation]() {
        std::vector<RunRecord> records;
        QString error;
        try {
            for (const RunConfig& config : configs) {
                validate(config);
                if (isModelType(config.problem.type)) {
                    const auto problem = ModelProblem::create(config.problem, config.seed);
                    ModelRunOptions options;
                    options.maxSnapshots = 0;
                    const ModelTrace trace = runModel(config, *problem, flag.get(), options);
                    records.push_back(fromModelTrace(config, trace));
                } else {
                    const auto surface =
                        makeToySurface(config.problem.type, config.problem.parameters);
                    const ToyTrace trace = runToy(config, *surface, flag.get());
                    records.push_back(
                        fromToyTrace(config, trace, surface->info().minimumValue));
                }
                if (flag->load())
                    return;
            }
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        if (flag->load())
            return;
        QMetaObject::invokeMethod(
            this,
            [this, records, error, generation] {
                if (generation != m_trioGeneration)
                    return;
                if (!error.isEmpty()) {
                    showMessage(tr("The trio failed: %1").arg(error));
                    return;
                }
                m_pins->pinAll(records);
                setRunStatus(tr("Trio pinned: lr ×0.1, ×1, ×10."), false);
                emit trioFinished();
            },
            Qt::QueuedConnection);
    });
    m_trioJobs.push_back(job);
}

// ---------------------------------------------------------------------------------------------
// Status

void MainWindow::setRunStatus(const QString& text, bool alarm)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(alarm ? QStringLiteral("color: rgb(200,30,30); font-weight: bold;")
                                       : QString());
}

void MainWindow::showMessage(const QString& text)
{
    m_messageLabel->setText(text);
    m_messageBar->setVisible(true);
    emit messageShown(text);
}

void MainWindow::clearMessage()
{
    m_messageLabel->clear();
    m_messageBar->setVisible(false);
}

void MainWindow::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
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

QString MainWindow::messageText() const
{
    return m_messageBar->isVisibleTo(const_cast<MainWindow*>(this)) ? m_messageLabel->text()
                                                                    : QString();
}

QString MainWindow::diagnosisName() const
{
    return m_diagnosisName;
}

QString MainWindow::throughputText() const
{
    return m_throughputLabel->text();
}

QCPCurve* MainWindow::trajectoryCurve() const
{
    return m_painter->landscapeCurve(PinnedRuns::kCurrentId);
}

QCPGraph* MainWindow::lossGraph() const
{
    return m_painter->lossGraph(PinnedRuns::kCurrentId);
}

}  // namespace lrlab
