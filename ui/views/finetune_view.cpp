#include "ui/views/finetune_view.h"

#include "core/analysis/sweep.h"
#include "core/engine/model_problem.h"
#include "core/finetune/pretrain_cache.h"
#include "core/optimizers/optimizer.h"
#include "ui/controls/scientific_spin_box.h"
#include "ui/plots/plot_style.h"
#include "ui/views/finetune_summary.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <set>

namespace lrlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kPollMilliseconds = 50;
constexpr int kMinRates = 2;
constexpr int kMaxRates = 40;
/// Pixels within which a click or hover picks a point.
constexpr double kPickRadius = 10.0;
constexpr FineTuneMethod kAllMethods[3] = {FineTuneMethod::Full, FineTuneMethod::Lora,
                                           FineTuneMethod::Head};
const QColor kDivergedColor = alarmColour();
const QColor kReferenceColor(110, 110, 110);

/// Okabe–Ito colours, fixed per method in every plot: blue, vermillion, bluish green.
QColor methodColor(FineTuneMethod method)
{
    switch (method) {
    case FineTuneMethod::Full:
        return QColor(QStringLiteral("#0072B2"));
    case FineTuneMethod::Lora:
        return QColor(QStringLiteral("#D55E00"));
    case FineTuneMethod::Head:
        return QColor(QStringLiteral("#009E73"));
    }
    return Qt::black;
}

QString methodLabel(FineTuneMethod method)
{
    switch (method) {
    case FineTuneMethod::Full:
        return FineTuneView::tr("full");
    case FineTuneMethod::Lora:
        return FineTuneView::tr("LoRA");
    case FineTuneMethod::Head:
        return FineTuneView::tr("head-only");
    }
    return QString();
}

int slot(FineTuneMethod method)
{
    return static_cast<int>(method);
}

QString percent(double accuracy)
{
    if (!std::isfinite(accuracy))
        return QStringLiteral("–");
    return QStringLiteral("%1 %").arg(100.0 * accuracy, 0, 'f', 1);
}

QString bytesText(std::size_t bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    return QStringLiteral("%1 KiB").arg(static_cast<double>(bytes) / 1024.0, 0, 'f', 1);
}

/// Parses "50,200,all" into sizes (0 = all); throws a message on a bad entry.
std::vector<int> parseSizes(const QString& text, QString& error)
{
    std::vector<int> sizes;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (t.isEmpty())
            continue;
        int v = 0;
        if (t.compare(QLatin1String("all"), Qt::CaseInsensitive) != 0) {
            bool ok = false;
            v = t.toInt(&ok);
            if (!ok || v < 1) {
                error = FineTuneView::tr("Training-set sizes: '%1' is not a positive integer or "
                                         "'all'.")
                            .arg(t);
                return {};
            }
        }
        if (std::find(sizes.begin(), sizes.end(), v) == sizes.end())
            sizes.push_back(v);
    }
    return sizes;
}

/// The cache file loadOrPretrain() reads for recipe on source (its documented name).
QString cacheFileOf(const PretrainRecipe& recipe, const Dataset& source, const std::string& dir)
{
    const std::string directory = dir.empty() ? defaultCacheDirectory() : dir;
    char name[64];
    std::snprintf(name, sizeof name, "pretrain-%016llx.bin",
                  static_cast<unsigned long long>(pretrainKey(recipe, source)));
    return QString::fromStdString(directory) + QLatin1Char('/') + QString::fromLatin1(name);
}

bool sameRecipe(const PretrainRecipe& a, const PretrainRecipe& b)
{
    return a.hidden == b.hidden && a.activation == b.activation &&
           a.learningRate == b.learningRate && a.batchSize == b.batchSize &&
           a.epochs == b.epochs && a.valFraction == b.valFraction && a.seed == b.seed;
}

} // namespace

FineTuneView::FineTuneView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* scroll = new QScrollArea(splitter);
    scroll->setWidget(buildControls());
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(270);
    scroll->setMaximumWidth(360);
    splitter->addWidget(scroll);
    splitter->addWidget(buildPlots());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter);

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(kPollMilliseconds);
    connect(m_pollTimer, &QTimer::timeout, this, &FineTuneView::poll);

    auto* runShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    runShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(runShortcut, &QShortcut::activated, this, &FineTuneView::run);
    auto* cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelShortcut, &QShortcut::activated, this, &FineTuneView::cancel);

    showResults();
    setRunning(false);
}

FineTuneView::~FineTuneView()
{
    // Raise every flag first so all jobs stop together, then wait: sweep runs check their flag
    // every step; only a pre-training already under way (about a second) runs to its end.
    m_pollTimer->stop();
    for (Job& job : m_jobs)
        job.state->cancel.store(true);
    for (Job& job : m_jobs)
        job.future.waitForFinished();
}

QWidget* FineTuneView::buildControls()
{
    auto* panel = new QWidget(this);
    auto* column = new QVBoxLayout(panel);

    auto* task = new QGroupBox(tr("Task"), panel);
    auto* taskForm = new QFormLayout(task);
    m_shift = new QComboBox(task);
    m_shift->setObjectName(QStringLiteral("finetuneShift"));
    m_shift->addItem(tr("mirror (left ↔ right)"), static_cast<int>(Shift::Mirror));
    m_shift->addItem(tr("rotate 90°"), static_cast<int>(Shift::Rotate90));
    m_shift->addItem(tr("invert intensities"), static_cast<int>(Shift::Invert));
    m_shift->setToolTip(
        tr("The target task: the same digits, shifted. The source model was pre-trained on the "
           "plain images; fine-tuning adapts it to the shifted ones. Mirroring and rotating keep "
           "the strokes but move them; inverting keeps the shapes but flips every pixel."));
    m_trainSize = new QSpinBox(task);
    m_trainSize->setObjectName(QStringLiteral("finetuneTrainSize"));
    m_trainSize->setRange(1, 100000);
    m_trainSize->setValue(100);
    m_trainSize->setToolTip(
        tr("Target training images (a seeded draw; larger than the training split means all). "
           "Fine-tuning is usually done on small data: 100 images of a task the model has never "
           "seen. Small data give noisy gradients, which is why they are said to need smaller "
           "LRs."));
    m_sizes = new QLineEdit(task);
    m_sizes->setObjectName(QStringLiteral("finetuneSizes"));
    m_sizes->setPlaceholderText(tr("e.g. 50,200,all"));
    m_sizes->setToolTip(
        tr("Optional: repeat the sweep for each training-set size (comma-separated, 'all' for "
           "the whole training split) and plot the best LR against the size. Empty: one size, "
           "the one above."));
    taskForm->addRow(tr("S&hift"), m_shift);
    taskForm->addRow(tr("Training &size"), m_trainSize);
    taskForm->addRow(tr("Cross si&zes"), m_sizes);
    column->addWidget(task);

    auto* methods = new QGroupBox(tr("Methods"), panel);
    auto* methodForm = new QFormLayout(methods);
    const QString methodTips[3] = {
        tr("Full fine-tuning: every weight and bias of the pre-trained MLP is trained. Most "
           "capacity, and the most to destroy: a large LR overwrites what pre-training learned "
           "(the commonly quoted rate for large models is a small 5e-6)."),
        tr("LoRA (Hu et al., 2021): each hidden weight W becomes W + (α/r)·B·A; only the small "
           "A and B are trained, B starts at zero, the pre-trained W stays frozen. Few "
           "parameters and a product that starts at zero: it is said to want a larger LR "
           "(commonly 1e-4)."),
        tr("Head-only (linear probe): only the output layer is trained on the frozen "
           "pre-trained features. Cheapest; limited by how well the old features fit the new "
           "task.")};
    const QString methodTexts[3] = {tr("&Full fine-tuning"), tr("Lo&RA"), tr("&Head only")};
    const char* methodNames[3] = {"finetuneFull", "finetuneLora", "finetuneHead"};
    for (int i = 0; i < 3; ++i) {
        m_methodChecks[i] = new QCheckBox(methodTexts[i], methods);
        m_methodChecks[i]->setObjectName(QString::fromLatin1(methodNames[i]));
        m_methodChecks[i]->setChecked(true);
        m_methodChecks[i]->setToolTip(methodTips[i]);
        methodForm->addRow(m_methodChecks[i]);
    }
    m_rank = new QSpinBox(methods);
    m_rank->setObjectName(QStringLiteral("finetuneRank"));
    m_rank->setRange(1, 128);
    m_rank->setValue(8);
    m_rank->setToolTip(tr("LoRA rank r: A is r×in, B is out×r. Trainable parameters grow "
                          "linearly with r (PEFT's default 8)."));
    m_alpha = new QDoubleSpinBox(methods);
    m_alpha->setObjectName(QStringLiteral("finetuneAlpha"));
    m_alpha->setRange(0.01, 1024.0);
    m_alpha->setDecimals(2);
    m_alpha->setValue(8.0);
    m_alpha->setToolTip(tr("LoRA α: the update B·A is scaled by α/r, so α acts like a "
                           "multiplier on LoRA's learning rate. With α = r the scale is 1."));
    methodForm->addRow(tr("LoRA ran&k r"), m_rank);
    methodForm->addRow(tr("LoRA &α"), m_alpha);
    connect(m_methodChecks[1], &QCheckBox::toggled, m_rank, &QWidget::setEnabled);
    connect(m_methodChecks[1], &QCheckBox::toggled, m_alpha, &QWidget::setEnabled);
    column->addWidget(methods);

    auto* training = new QGroupBox(tr("Training"), panel);
    auto* trainForm = new QFormLayout(training);
    m_optimizer = new QComboBox(training);
    m_optimizer->setObjectName(QStringLiteral("finetuneOptimizer"));
    for (const std::string& name : optimizerNames())
        m_optimizer->addItem(QString::fromStdString(name));
    m_optimizer->setCurrentText(QStringLiteral("adamw"));
    m_optimizer->setToolTip(
        tr("The optimizer of every run, with PyTorch's defaults (AdamW: weight decay 0.01). The "
           "quoted fine-tuning LRs are AdamW rates. Pick adam8bit to see its state cost in the "
           "memory table (adam vs adam8bit are listed for every method anyway)."));
    m_from = new ScientificSpinBox(training);
    m_from->setObjectName(QStringLiteral("finetuneFrom"));
    m_from->setRange(1e-8, 10.0);
    m_from->setValue(1e-5);
    m_from->setToolTip(tr("The smallest learning rate of the grid."));
    m_to = new ScientificSpinBox(training);
    m_to->setObjectName(QStringLiteral("finetuneTo"));
    m_to->setRange(1e-8, 10.0);
    m_to->setValue(1e-1);
    m_to->setToolTip(tr("The largest learning rate of the grid: go far enough right to see "
                        "forgetting set in and runs fall apart."));
    m_count = new QSpinBox(training);
    m_count->setObjectName(QStringLiteral("finetuneCount"));
    m_count->setRange(kMinRates, kMaxRates);
    m_count->setValue(13);
    m_count->setToolTip(tr("How many rates, evenly spaced on a log scale (13 over four decades "
                           "is three per decade). Each is one run per method (and size)."));
    m_steps = new QSpinBox(training);
    m_steps->setObjectName(QStringLiteral("finetuneSteps"));
    m_steps->setRange(1, 100000);
    m_steps->setValue(200);
    m_steps->setToolTip(tr("Optimizer updates per run. The best LR depends on it: fewer steps "
                           "favour larger rates."));
    m_batch = new QSpinBox(training);
    m_batch->setObjectName(QStringLiteral("finetuneBatch"));
    m_batch->setRange(1, 4096);
    m_batch->setValue(32);
    m_batch->setToolTip(tr("Minibatch size (capped at the training-set size)."));
    m_seed = new QSpinBox(training);
    m_seed->setObjectName(QStringLiteral("finetuneSeed"));
    m_seed->setRange(0, 1000000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("Seeds the split, the pre-training, the minibatches and LoRA's A. A "
                          "new seed pre-trains a new source model (cached too)."));
    trainForm->addRow(tr("&Optimizer"), m_optimizer);
    trainForm->addRow(tr("LR &from"), m_from);
    trainForm->addRow(tr("LR &to"), m_to);
    trainForm->addRow(tr("&Rates"), m_count);
    trainForm->addRow(tr("Ste&ps"), m_steps);
    trainForm->addRow(tr("&Batch size"), m_batch);
    trainForm->addRow(tr("S&eed"), m_seed);
    column->addWidget(training);

    auto* buttons = new QHBoxLayout;
    m_runButton = new QPushButton(tr("R&un"), panel);
    m_runButton->setObjectName(QStringLiteral("finetuneRun"));
    m_runButton->setDefault(true);
    m_runButton->setToolTip(tr("Run every method at every rate (× every size) in parallel on "
                               "all cores (Ctrl+Return). A sweep already running is abandoned."));
    m_cancelButton = new QPushButton(tr("Cance&l"), panel);
    m_cancelButton->setObjectName(QStringLiteral("finetuneCancel"));
    m_cancelButton->setToolTip(tr("Stop now (Esc). Runs check for it every step."));
    connect(m_runButton, &QPushButton::clicked, this, &FineTuneView::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &FineTuneView::cancel);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    column->addLayout(buttons);

    m_progress = new QProgressBar(panel);
    m_progress->setObjectName(QStringLiteral("finetuneProgress"));
    m_progress->setFormat(tr("%v / %m runs"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    column->addWidget(m_progress);
    m_timeLabel = new QLabel(panel);
    m_timeLabel->setObjectName(QStringLiteral("finetuneTime"));
    m_timeLabel->setToolTip(tr("Time since the sweep started and an estimate of what is left "
                               "(from the average time per finished run)."));
    column->addWidget(m_timeLabel);
    m_statusLabel = new QLabel(panel);
    m_statusLabel->setObjectName(QStringLiteral("finetuneStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_statusLabel);

    auto* shownRow = new QHBoxLayout;
    m_shownSizeCombo = new QComboBox(panel);
    m_shownSizeCombo->setObjectName(QStringLiteral("finetuneShownSize"));
    m_shownSizeCombo->setToolTip(tr("Which training-set size the accuracy and forgetting plots "
                                    "show (when sizes are crossed)."));
    auto* shownLabel = new QLabel(tr("Sho&w size"), panel);
    shownLabel->setBuddy(m_shownSizeCombo);
    shownRow->addWidget(shownLabel);
    shownRow->addWidget(m_shownSizeCombo, 1);
    connect(m_shownSizeCombo, &QComboBox::activated, this, [this](int index) {
        setShownSize(m_shownSizeCombo->itemData(index).toInt());
    });
    column->addLayout(shownRow);
    column->addStretch(1);
    return panel;
}

QWidget* FineTuneView::buildPlots()
{
    auto* vertical = new QSplitter(Qt::Vertical, this);

    // Row 1: accuracy against LR, forgetting against LR.
    auto* top = new QSplitter(Qt::Horizontal, vertical);
    m_accPlot = new QCustomPlot(top);
    m_accPlot->setObjectName(QStringLiteral("finetuneAccuracy"));
    m_accPlot->setMinimumSize(380, 300);
    addTitle(m_accPlot, tr("Validation accuracy against learning rate"));
    styleAxes(m_accPlot, tr("learning rate"), tr("validation accuracy (%)"));
    setLogAxis(m_accPlot->xAxis);
    m_accPlot->yAxis->setRange(0, 102);
    putLegendBelow(m_accPlot, 4);
    m_accPlot->setToolTip(
        tr("Each point is one complete fine-tuning run at that learning rate.\n"
           "• Solid: accuracy on the target (shifted) task — what fine-tuning is for.\n"
           "• Dashed, same colour: accuracy on the original source task — what it keeps.\n"
           "• Grey: the pre-trained model before fine-tuning.\n"
           "Too small a rate barely moves the model (target stays near the grey line); too "
           "large destroys it (source falls, then target too). ◆ marks each method's best "
           "target accuracy. Click a point to see that run's loss curves."));
    m_accNote = new QCPItemText(m_accPlot);
    m_accNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_accNote->position->setCoords(0.5, 0.5);
    m_accNote->setColor(QColor(90, 90, 90));
    m_accNote->setClipToAxisRect(true);
    m_accPlot->installEventFilter(this);
    connect(m_accPlot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        FineTuneMethod method = FineTuneMethod::Full;
        int lrIndex = 0;
        if (event->button() == Qt::LeftButton && pointAt(event->pos(), method, lrIndex))
            selectRun(resultIndex(method, lrIndex));
    });

    m_forgetPlot = new QCustomPlot(top);
    m_forgetPlot->setObjectName(QStringLiteral("finetuneForgetting"));
    m_forgetPlot->setMinimumSize(300, 300);
    addTitle(m_forgetPlot, tr("Forgetting: source accuracy lost"));
    styleAxes(m_forgetPlot, tr("learning rate"), tr("points lost on the source task"));
    setLogAxis(m_forgetPlot->xAxis);
    m_forgetPlot->legend->setVisible(true);
    styleLegend(m_forgetPlot, Qt::AlignTop | Qt::AlignLeft);
    m_forgetPlot->setToolTip(
        tr("Forgetting = the pre-trained model's source validation accuracy minus the accuracy "
           "after fine-tuning, in percentage points: the gap between the grey line and the "
           "dashed curves on the left, shaded. Near zero at small rates; large rates overwrite "
           "what pre-training learned. LoRA and head-only freeze most weights, so they can "
           "forget less. Click a point to see that run."));
    m_forgetPlot->installEventFilter(this);
    connect(m_forgetPlot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        FineTuneMethod method = FineTuneMethod::Full;
        int lrIndex = 0;
        if (event->button() == Qt::LeftButton && pointAt(event->pos(), method, lrIndex))
            selectRun(resultIndex(method, lrIndex));
    });
    top->addWidget(m_accPlot);
    top->addWidget(m_forgetPlot);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    top->setSizes({600, 400});

    for (FineTuneMethod m : kAllMethods) {
        const QColor colour = methodColor(m);
        const int s = slot(m);
        QCPGraph* target = m_accPlot->addGraph();
        target->setName(tr("%1 (target)").arg(methodLabel(m)));
        target->setPen(QPen(colour, 2.2));
        target->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 1.5), Qt::white, 7));
        m_targetGraphs[s] = target;
        QCPGraph* source = m_accPlot->addGraph();
        source->setName(tr("source task (dashed)"));
        source->setPen(QPen(colour, 1.6, Qt::DashLine));
        source->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 1.2), Qt::white, 5));
        m_sourceGraphs[s] = source;
        QCPGraph* diverged = m_accPlot->addGraph();
        diverged->setName(tr("diverged"));
        diverged->setLineStyle(QCPGraph::lsNone);
        diverged->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross,
                                                  QPen(kDivergedColor, 2.0), Qt::NoBrush, 10));
        m_divergedGraphs[s] = diverged;
        QCPGraph* best = m_accPlot->addGraph();
        best->setName(tr("best LR"));
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
        forget->setName(methodLabel(m));
        forget->setPen(QPen(colour, 2.0));
        QColor fill = colour;
        fill.setAlpha(45);
        forget->setBrush(fill);  // filled down to zero: the lost accuracy as an area
        forget->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 1.5), Qt::white, 6));
        m_forgetGraphs[s] = forget;
    }
    m_preSourceGraph = m_accPlot->addGraph();
    m_preSourceGraph->setName(tr("pre-trained, source"));
    m_preSourceGraph->setPen(QPen(kReferenceColor, 1.5, Qt::DashLine));
    m_preTargetGraph = m_accPlot->addGraph();
    m_preTargetGraph->setName(tr("pre-trained, target"));
    m_preTargetGraph->setPen(QPen(kReferenceColor, 1.5, Qt::DotLine));
    m_selectedMark = m_accPlot->addGraph();
    m_selectedMark->setName(tr("shown below"));
    m_selectedMark->setLineStyle(QCPGraph::lsNone);
    m_selectedMark->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2.0), Qt::NoBrush, 16));

    // Row 2: the selected run's curves, best LR against size.
    auto* middle = new QSplitter(Qt::Horizontal, vertical);
    m_runPlot = new QCustomPlot(middle);
    m_runPlot->setObjectName(QStringLiteral("finetuneRunCurves"));
    m_runPlot->setMinimumSize(380, 220);
    m_runTitle = addTitle(m_runPlot, tr("One run's curves"));
    styleAxes(m_runPlot, tr("step"), tr("loss"));
    setLogAxis(m_runPlot->yAxis);
    m_runPlot->yAxis2->setVisible(true);
    m_runPlot->yAxis2->setLabel(tr("validation accuracy (%)"));
    m_runPlot->yAxis2->setRange(0, 102);
    putLegendBelow(m_runPlot, 4);
    m_runPlot->setToolTip(
        tr("The clicked run step by step. Thin: the minibatch training loss of every update "
           "(noisy: 32 images at a time). Thick: the target validation loss. Right axis: target "
           "(solid) and source (dashed) validation accuracy at the evaluation steps — watch "
           "the source accuracy drop while the target rises when the rate is large."));
    m_runLoss = m_runPlot->addGraph();
    m_runLoss->setName(tr("training loss (minibatch)"));
    m_runValLoss = m_runPlot->addGraph();
    m_runValLoss->setName(tr("target validation loss"));
    m_runTargetAcc = m_runPlot->addGraph(m_runPlot->xAxis, m_runPlot->yAxis2);
    m_runTargetAcc->setName(tr("target accuracy"));
    m_runSourceAcc = m_runPlot->addGraph(m_runPlot->xAxis, m_runPlot->yAxis2);
    m_runSourceAcc->setName(tr("source accuracy"));
    m_runNote = new QCPItemText(m_runPlot);
    m_runNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_runNote->position->setCoords(0.5, 0.5);
    m_runNote->setColor(QColor(90, 90, 90));

    m_sizePlot = new QCustomPlot(middle);
    m_sizePlot->setObjectName(QStringLiteral("finetuneSizes"));
    m_sizePlot->setMinimumSize(280, 220);
    addTitle(m_sizePlot, tr("Best LR against training-set size"));
    styleAxes(m_sizePlot, tr("training images"), tr("best learning rate"));
    setLogAxis(m_sizePlot->xAxis);
    m_sizePlot->xAxis->setNumberFormat(QStringLiteral("g"));
    setLogAxis(m_sizePlot->yAxis);
    putLegendBelow(m_sizePlot, 3);
    m_sizePlot->setToolTip(
        tr("Each point is the best rate of one method at one training-set size (the sweep "
           "repeated per size). The quoted rule: less data → noisier gradients → a smaller LR, "
           "so the lines should rise to the right. Click a point to show that size above."));
    m_sizePlot->installEventFilter(this);
    connect(m_sizePlot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        int sizeIndex = 0;
        if (event->button() == Qt::LeftButton && sizePointAt(event->pos(), sizeIndex))
            setShownSize(m_trainSizes[static_cast<std::size_t>(sizeIndex)]);
    });
    for (FineTuneMethod m : kAllMethods) {
        const QColor colour = methodColor(m);
        QCPGraph* g = m_sizePlot->addGraph();
        g->setName(methodLabel(m));
        g->setPen(QPen(colour, 2.0));
        g->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.2), colour, 11));
        m_sizeGraphs[slot(m)] = g;
    }
    middle->addWidget(m_runPlot);
    middle->addWidget(m_sizePlot);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 2);
    middle->setSizes({560, 440});

    // Row 3: the summary and the tables.
    auto* bottom = new QSplitter(Qt::Horizontal, vertical);
    m_summary = new QTextBrowser(bottom);
    m_summary->setObjectName(QStringLiteral("finetuneSummary"));
    m_summary->setOpenLinks(false);
    m_summary->setMinimumHeight(120);
    m_summary->setToolTip(tr("What the measured curves show, next to the learning rates "
                             "commonly quoted for fine-tuning large models."));
    auto* tabs = new QTabWidget(bottom);
    m_memoryTable = new QTableWidget(tabs);
    m_memoryTable->setObjectName(QStringLiteral("finetuneMemory"));
    m_memoryTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_memoryTable->verticalHeader()->setVisible(false);
    m_memoryTable->setToolTip(
        tr("What each method trains and what its optimizer must store. Adam keeps two float32 "
           "moments per trainable parameter (8 bytes); adam8bit keeps them in 8 bits with a "
           "scale per block (about 2 bytes). LoRA's and head-only's savings come from training "
           "fewer parameters, adam8bit's from storing each more compactly; they multiply."));
    m_runsTable = new QTableWidget(tabs);
    m_runsTable->setObjectName(QStringLiteral("finetuneRuns"));
    m_runsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runsTable->verticalHeader()->setVisible(false);
    m_runsTable->setToolTip(tr("Every run of the sweep. Enter or double-click shows its "
                               "curves."));
    connect(m_runsTable, &QTableWidget::itemActivated, this,
            [this](QTableWidgetItem* item) { selectRun(item->row()); });
    tabs->addTab(m_memoryTable, tr("Parameters && optimizer state"));
    tabs->addTab(m_runsTable, tr("All runs"));
    bottom->addWidget(m_summary);
    bottom->addWidget(tabs);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({600, 400});

    vertical->addWidget(top);
    vertical->addWidget(middle);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 5);
    vertical->setStretchFactor(1, 3);
    vertical->setStretchFactor(2, 2);
    vertical->setSizes({500, 320, 230});
    return vertical;
}

// --- settings -----------------------------------------------------------------------------

void FineTuneView::setShift(Shift shift)
{
    const int index = m_shift->findData(static_cast<int>(shift));
    if (index >= 0)
        m_shift->setCurrentIndex(index);
}

void FineTuneView::setTrainSize(int size)
{
    m_trainSize->setValue(size <= 0 ? m_trainSize->maximum() : size);
}

void FineTuneView::setMethods(const std::vector<FineTuneMethod>& methods)
{
    for (FineTuneMethod m : kAllMethods)
        m_methodChecks[slot(m)]->setChecked(std::find(methods.begin(), methods.end(), m) !=
                                            methods.end());
}

void FineTuneView::setLoraOptions(int rank, double alpha)
{
    m_rank->setValue(rank);
    m_alpha->setValue(alpha);
}

void FineTuneView::setOptimizer(const QString& type)
{
    const int index = m_optimizer->findText(type);
    if (index >= 0)
        m_optimizer->setCurrentIndex(index);
}

void FineTuneView::setLearningRateRange(double from, double to, int count)
{
    m_from->setValue(from);
    m_to->setValue(to);
    m_count->setValue(count);
}

void FineTuneView::setSteps(int steps)
{
    m_steps->setValue(steps);
}

void FineTuneView::setBatchSize(int batchSize)
{
    m_batch->setValue(batchSize);
}

void FineTuneView::setSeed(int seed)
{
    m_seed->setValue(seed);
}

void FineTuneView::setSizes(const QString& sizes)
{
    m_sizes->setText(sizes);
}

QString FineTuneView::statusText() const
{
    return m_statusLabel->text();
}

QString FineTuneView::summaryText() const
{
    return m_summary->toPlainText();
}

double FineTuneView::bestLearningRate(FineTuneMethod method, int size) const
{
    const int n = size < 0 ? m_shownSize : size;
    for (const BestRate& b : m_best)
        if (b.method == method && b.trainSize == n)
            return b.learningRate;
    return kNaN;
}

int FineTuneView::methodSlot(FineTuneMethod method) const
{
    const auto it = std::find(m_methods.begin(), m_methods.end(), method);
    return it == m_methods.end() ? -1 : static_cast<int>(it - m_methods.begin());
}

int FineTuneView::resultIndex(FineTuneMethod method, int lrIndex) const
{
    const int m = methodSlot(method);
    const auto s = std::find(m_trainSizes.begin(), m_trainSizes.end(), m_shownSize);
    const int n = static_cast<int>(m_rates.size());
    if (m < 0 || s == m_trainSizes.end() || lrIndex < 0 || lrIndex >= n)
        return -1;
    const int sizeIndex = static_cast<int>(s - m_trainSizes.begin());
    const int index = (sizeIndex * static_cast<int>(m_methods.size()) + m) * n + lrIndex;
    return index < static_cast<int>(m_results.size()) ? index : -1;
}

QCPGraph* FineTuneView::targetGraph(FineTuneMethod method) const
{
    return methodSlot(method) >= 0 ? m_targetGraphs[slot(method)] : nullptr;
}

QCPGraph* FineTuneView::sourceGraph(FineTuneMethod method) const
{
    return methodSlot(method) >= 0 ? m_sourceGraphs[slot(method)] : nullptr;
}

QCPGraph* FineTuneView::bestGraph(FineTuneMethod method) const
{
    return methodSlot(method) >= 0 ? m_bestGraphs[slot(method)] : nullptr;
}

QCPItemText* FineTuneView::bestLabel(FineTuneMethod method) const
{
    return methodSlot(method) >= 0 ? m_bestLabels[slot(method)] : nullptr;
}

QCPGraph* FineTuneView::forgettingGraph(FineTuneMethod method) const
{
    return methodSlot(method) >= 0 ? m_forgetGraphs[slot(method)] : nullptr;
}

QCPGraph* FineTuneView::sizeGraph(FineTuneMethod method) const
{
    return methodSlot(method) >= 0 && m_trainSizes.size() >= 2 ? m_sizeGraphs[slot(method)]
                                                               : nullptr;
}

// --- the job ------------------------------------------------------------------------------

std::shared_ptr<const FineTuneData> FineTuneView::reusableData(const FineTuneDataSpec& spec) const
{
    if (m_data == nullptr)
        return nullptr;
    const FineTuneDataSpec& have = m_data->spec();
    if (have.dataset != spec.dataset || have.shift != spec.shift ||
        have.cacheDirectory != spec.cacheDirectory || !sameRecipe(have.recipe, spec.recipe))
        return nullptr;
    return m_data;
}

void FineTuneView::setRunning(bool running)
{
    m_running = running;
    if (!running)
        m_preparing = false;
    m_cancelButton->setEnabled(running);
}

void FineTuneView::setStatus(const QString& text, bool alarm)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(alarm ? QStringLiteral("color: #b01e1e;") : QString());
}

void FineTuneView::run()
{
    Request request;
    request.data.shift = static_cast<Shift>(m_shift->currentData().toInt());
    request.data.recipe.seed = static_cast<std::uint64_t>(m_seed->value());
    FineTuneSweepSpec& sweep = request.sweep;
    sweep.methods.clear();
    for (FineTuneMethod m : kAllMethods)
        if (m_methodChecks[slot(m)]->isChecked())
            sweep.methods.push_back(m);
    if (sweep.methods.empty()) {
        setStatus(tr("Pick at least one method."), true);
        emit failed(statusText());
        return;
    }
    if (!(m_from->value() < m_to->value())) {
        setStatus(tr("The first learning rate must be smaller than the last."), true);
        emit failed(statusText());
        return;
    }
    QString error;
    sweep.sizes = parseSizes(m_sizes->text(), error);
    if (!error.isEmpty()) {
        setStatus(error, true);
        emit failed(error);
        return;
    }
    FineTuneConfig& base = sweep.base;
    base.lora.rank = m_rank->value();
    base.lora.alpha = m_alpha->value();
    base.optimizer = OptimizerSpec();
    base.optimizer.type = m_optimizer->currentText().toStdString();
    base.steps = m_steps->value();
    base.batchSize = m_batch->value();
    base.trainSize = m_trainSize->value();
    base.seed = request.data.recipe.seed;
    // About ten evaluations a run: enough for the run plot, cheap next to the steps.
    base.evalEvery = std::max(1, base.steps / 10);
    sweep.rates = logSpacedRates(m_from->value(), m_to->value(), m_count->value());

    // Abandon the running job: its results are never shown (its prepared data may be reused).
    for (Job& job : m_jobs)
        job.state->cancel.store(true);

    const int sizes = sweep.sizes.empty() ? 1 : static_cast<int>(sweep.sizes.size());
    m_total = sizes * static_cast<int>(sweep.methods.size()) * static_cast<int>(sweep.rates.size());
    std::shared_ptr<const FineTuneData> data = reusableData(request.data);
    auto state = std::make_shared<SharedState>();
    if (data != nullptr)
        state->phase.store(static_cast<int>(Phase::Sweeping));
    const int threads = m_threads;
    Job job;
    job.generation = ++m_generation;
    job.state = state;
    // The lambda owns copies of the request, a share of the data and of the state: it never
    // touches the widget. Exceptions come back as a message.
    job.future = QtConcurrent::run([request, data, state, threads]() {
        Outcome outcome;
        try {
            outcome.data = data;
            if (outcome.data == nullptr) {
                // Say "pre-training" only when the cache has no file for these settings.
                const auto source = cachedDataset(request.data.dataset);
                const QString file =
                    cacheFileOf(request.data.recipe, *source, request.data.cacheDirectory);
                if (!QFile::exists(file))
                    state->phase.store(static_cast<int>(Phase::Pretraining));
                outcome.data = FineTuneData::create(request.data);
            }
            if (state->cancel.load())
                return outcome;
            state->phase.store(static_cast<int>(Phase::Sweeping));
            FineTuneSweepOptions options;
            options.threads = threads;
            options.cancel = &state->cancel;
            options.progress = [state](int done, int) { state->done.store(done); };
            options.keepCurves = true;  // a few kB a run: clicks show curves without a re-run
            outcome.results = runFineTuneSweep(*outcome.data, request.sweep, options);
        } catch (const std::exception& e) {
            outcome.error = QString::fromUtf8(e.what());
        } catch (...) {
            outcome.error = QStringLiteral("unknown error");
        }
        return outcome;
    });
    m_jobs.push_back(std::move(job));

    m_pending = request;
    m_clock.start();
    m_sweepClock.invalidate();
    m_preparing = data == nullptr;
    if (m_preparing) {
        m_progress->setRange(0, 0);  // busy: the number of runs done means nothing yet
        setStatus(tr("Preparing the data…"), false);
    } else {
        m_progress->setRange(0, m_total);
        m_progress->setValue(0);
        m_sweepClock.start();
        setStatus(tr("Running %1 runs…").arg(m_total), false);
    }
    m_timeLabel->setText(tr("started…"));
    setRunning(true);
    m_pollTimer->start();
    emit started(m_total);
}

void FineTuneView::cancel()
{
    if (!m_running)
        return;
    int done = 0;
    for (Job& job : m_jobs) {
        if (job.generation == m_generation)
            done = job.state->done.load();
        job.state->cancel.store(true);
    }
    const bool preparing = m_preparing;
    setRunning(false);
    m_progress->setRange(0, std::max(1, m_total));
    m_progress->setValue(done);
    setStatus(preparing ? tr("Cancelled while preparing (the pre-training finishes in the "
                             "background and is cached).")
                        : tr("Cancelled after %1 / %2 runs.").arg(done).arg(m_total),
              false);
    m_timeLabel->setText(tr("cancelled after %1 s").arg(m_clock.elapsed() / 1000.0, 0, 'f', 1));
    emit cancelled();
}

void FineTuneView::poll()
{
    bool currentFinished = false;
    Outcome outcome;
    int done = 0;
    int phase = static_cast<int>(Phase::Sweeping);
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        const bool current = m_running && it->generation == m_generation;
        if (current) {
            done = it->state->done.load();
            phase = it->state->phase.load();
        }
        if (it->future.isFinished()) {
            Outcome result = it->future.result();
            // Prepared data do not depend on the generation: keep them for the next run().
            if (result.data != nullptr)
                m_data = result.data;
            if (current) {
                currentFinished = true;
                outcome = std::move(result);
            }
            it = m_jobs.erase(it);
        } else {
            ++it;
        }
    }
    if (m_jobs.empty())
        m_pollTimer->stop();
    if (!m_running)
        return;
    if (currentFinished) {
        finishCurrent(std::move(outcome));  // may emit, and a slot may call run(): last
        return;
    }
    const double elapsed = m_clock.elapsed() / 1000.0;
    if (phase != static_cast<int>(Phase::Sweeping)) {
        m_preparing = true;
        setStatus(phase == static_cast<int>(Phase::Pretraining)
                      ? tr("Pre-training the source model on digits… (first time only: the "
                           "weights are cached on disk)")
                      : tr("Loading the data and the cached pre-trained model…"),
                  false);
        m_timeLabel->setText(tr("%1 s elapsed").arg(elapsed, 0, 'f', 1));
        emit progressChanged(0, 0);
        return;
    }
    if (m_preparing || !m_sweepClock.isValid()) {
        m_preparing = false;
        m_sweepClock.start();
        m_progress->setRange(0, m_total);
        setStatus(tr("Running %1 runs…").arg(m_total), false);
    }
    m_progress->setValue(done);
    QString text = tr("%1 s elapsed").arg(elapsed, 0, 'f', 1);
    const double sweeping = m_sweepClock.elapsed() / 1000.0;
    if (done > 0 && done < m_total)
        text += tr(" · about %1 s left").arg(sweeping / done * (m_total - done), 0, 'f', 1);
    m_timeLabel->setText(text);
    emit progressChanged(done, m_total);
}

void FineTuneView::finishCurrent(Outcome outcome)
{
    setRunning(false);
    const double elapsed = m_clock.elapsed() / 1000.0;
    if (!outcome.error.isEmpty() || outcome.data == nullptr) {
        const QString message = outcome.error.isEmpty() ? tr("no data") : outcome.error;
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        setStatus(tr("Fine-tuning failed: %1").arg(message), true);
        m_timeLabel->clear();
        emit failed(message);
        return;
    }
    m_shown = m_pending;
    m_results = std::move(outcome.results);
    m_rates = m_shown.sweep.rates;
    m_methods = m_shown.sweep.methods;
    m_trainSizes.clear();
    const int perSize = static_cast<int>(m_methods.size() * m_rates.size());
    for (int i = 0; perSize > 0 && i < static_cast<int>(m_results.size()); i += perSize)
        m_trainSizes.push_back(m_results[static_cast<std::size_t>(i)].trainSize);
    const FineTuneData& data = *outcome.data;
    m_preSource = data.pretrainedSourceValidation().accuracy;
    m_preTarget = data.pretrainedTargetValidation().accuracy;
    m_fromCache = data.pretrained().loadedFromCache;
    // Keep the shown size across sweeps when it still exists; else the size control's value,
    // else the first size.
    if (std::find(m_trainSizes.begin(), m_trainSizes.end(), m_shownSize) == m_trainSizes.end()) {
        const int wanted = std::min(m_trainSize->value(), data.targetTrainCount());
        m_shownSize = std::find(m_trainSizes.begin(), m_trainSizes.end(), wanted) !=
                              m_trainSizes.end()
                          ? wanted
                          : (m_trainSizes.empty() ? 0 : m_trainSizes.front());
    }
    m_selected = -1;
    const int runs = static_cast<int>(m_results.size());
    m_progress->setRange(0, std::max(1, runs));
    m_progress->setValue(runs);
    m_timeLabel->setText(tr("%1 runs in %2 s").arg(runs).arg(elapsed, 0, 'f', 1));
    emit progressChanged(runs, m_total);
    showResults();
    QString status = tr("%1 runs done.").arg(runs);
    const PretrainedModel& pre = data.pretrained();
    if (pre.loadedFromCache)
        status += tr(" Pre-trained model loaded from the cache.");
    else if (pre.cacheWritten)
        status += tr(" Source model pre-trained and cached in %1.")
                      .arg(QString::fromStdString(pre.cacheFile));
    else if (!pre.cacheProblem.empty())
        status += tr(" Pre-trained without a cache: %1.")
                      .arg(QString::fromStdString(pre.cacheProblem));
    status += tr(" Click a point to see its loss curves.");
    setStatus(status, false);
    emit finished(runs);
}

// --- drawing ------------------------------------------------------------------------------

void FineTuneView::setShownSize(int size)
{
    if (std::find(m_trainSizes.begin(), m_trainSizes.end(), size) == m_trainSizes.end())
        return;
    m_shownSize = size;
    showResults();
}

void FineTuneView::showResults()
{
    m_best = lrlab::bestRates(m_results);
    updateShownSizeCombo();
    showAccuracy();
    showSizes();
    fillTables();
    showSummary();
    // Show a run at once: the best full fine-tuning run (else the first method's best).
    int index = -1;
    for (FineTuneMethod m : m_methods) {
        for (const BestRate& b : m_best)
            if (b.method == m && b.trainSize == m_shownSize && b.index >= 0) {
                index = b.index;
                break;
            }
        if (index >= 0)
            break;
    }
    if (m_selected >= 0 && m_selected < static_cast<int>(m_results.size()) &&
        m_results[static_cast<std::size_t>(m_selected)].trainSize == m_shownSize)
        index = m_selected;
    if (index >= 0) {
        selectRun(index);
    } else {
        m_selected = -1;
        clearRunPlot();
    }
}

void FineTuneView::updateShownSizeCombo()
{
    m_shownSizeCombo->clear();
    for (int size : m_trainSizes)
        m_shownSizeCombo->addItem(QString::number(size), size);
    const int index = m_shownSizeCombo->findData(m_shownSize);
    if (index >= 0)
        m_shownSizeCombo->setCurrentIndex(index);
    m_shownSizeCombo->setEnabled(m_trainSizes.size() >= 2);
}

void FineTuneView::showAccuracy()
{
    const int n = static_cast<int>(m_rates.size());
    QVector<double> keys(n);
    for (int i = 0; i < n; ++i)
        keys[i] = m_rates[static_cast<std::size_t>(i)];
    m_accPlot->legend->clearItems();
    m_forgetPlot->legend->clearItems();
    double forgetLow = 0.0;
    double forgetHigh = 5.0;
    bool sourceInLegend = false;
    bool anyDiverged = false;
    std::vector<std::pair<double, int>> labelled;  // (best lr, label row) so far
    for (FineTuneMethod m : kAllMethods) {
        const int s = slot(m);
        QCPGraph* target = m_targetGraphs[s];
        QCPGraph* source = m_sourceGraphs[s];
        QCPGraph* forget = m_forgetGraphs[s];
        QCPGraph* diverged = m_divergedGraphs[s];
        QCPGraph* best = m_bestGraphs[s];
        QCPItemText* label = m_bestLabels[s];
        for (QCPGraph* g : {target, source, forget, diverged, best})
            g->data()->clear();
        label->setVisible(false);
        m_bestDrops[s]->setVisible(false);
        const bool shown = methodSlot(m) >= 0 && n > 0 && !m_results.empty();
        for (QCPGraph* g : {target, source, forget, diverged, best})
            g->setVisible(shown);
        if (!shown)
            continue;
        QVector<double> acc(n, kNaN);
        QVector<double> src(n, kNaN);
        QVector<double> lost(n, kNaN);
        for (int i = 0; i < n; ++i) {
            const int k = resultIndex(m, i);
            if (k < 0)
                continue;
            const FineTuneResult& r = m_results[static_cast<std::size_t>(k)];
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
        const double bestLr = bestLearningRate(m);
        for (int i = 0; i < n; ++i) {
            const int k = resultIndex(m, i);
            if (k < 0 || !std::isfinite(bestLr) ||
                m_results[static_cast<std::size_t>(k)].learningRate != bestLr)
                continue;
            best->addData(keys[i], acc[i]);
            // Labels sit in rows near the bottom of the plot (free of curves: every curve
            // starts at the pre-trained accuracy), joined to their diamond by a dotted line;
            // labels of nearby rates go one row up instead of overlapping.
            int row = 0;
            for (const auto& [lr, r] : labelled)
                if (std::abs(std::log10(lr / keys[i])) < 0.6)
                    row = std::max(row, static_cast<int>(r) + 1);
            labelled.emplace_back(keys[i], row);
            const double labelY = 3.0 + 8.0 * row;
            label->position->setCoords(keys[i], labelY);
            label->setText(tr("best %1").arg(formatFineTuneRate(bestLr)));
            label->setVisible(true);
            m_bestDrops[s]->start->setCoords(keys[i], labelY + 6.0);
            m_bestDrops[s]->end->setCoords(keys[i], acc[i]);
            m_bestDrops[s]->setVisible(true);
        }
    }
    if (anyDiverged)
        m_divergedGraphs[slot(m_methods.front())]->addToLegend();
    for (FineTuneMethod m : m_methods)
        if (!m_bestGraphs[slot(m)]->data()->isEmpty()) {
            m_bestGraphs[slot(m)]->addToLegend();
            break;
        }

    const bool haveData = n > 0 && !m_results.empty();
    const double lo = haveData ? keys.front() / 1.6 : 1e-5;
    const double hi = haveData ? keys.back() * 1.6 : 1e-1;
    m_preSourceGraph->data()->clear();
    m_preTargetGraph->data()->clear();
    m_preSourceGraph->setVisible(haveData);
    m_preTargetGraph->setVisible(haveData);
    if (haveData) {
        m_preSourceGraph->setData({lo, hi}, {100.0 * m_preSource, 100.0 * m_preSource}, true);
        m_preTargetGraph->setData({lo, hi}, {100.0 * m_preTarget, 100.0 * m_preTarget}, true);
        m_preSourceGraph->addToLegend();
        m_preTargetGraph->addToLegend();
    }
    m_accPlot->xAxis->setRange(lo, hi);
    m_accPlot->yAxis->setRange(0, 102);
    m_accNote->setVisible(!haveData);
    m_accNote->setText(tr("Press Run: one fine-tuning run per method and learning rate."));
    m_forgetPlot->xAxis->setRange(lo, hi);
    m_forgetPlot->yAxis->setRange(std::min(-2.0, forgetLow - 2.0), forgetHigh * 1.08 + 1.0);
    m_accPlot->replot(QCustomPlot::rpQueuedReplot);
    m_forgetPlot->replot(QCustomPlot::rpQueuedReplot);
}

void FineTuneView::showSizes()
{
    const bool crossed = m_trainSizes.size() >= 2;
    m_sizePlot->setVisible(crossed);
    for (QCPGraph* g : m_sizeGraphs)
        g->data()->clear();
    if (!crossed)
        return;
    m_sizePlot->legend->clearItems();
    double lo = std::numeric_limits<double>::infinity();
    double hi = 0.0;
    for (FineTuneMethod m : m_methods) {
        QCPGraph* g = m_sizeGraphs[slot(m)];
        for (int size : m_trainSizes) {
            const double lr = bestLearningRate(m, size);
            g->addData(size, std::isfinite(lr) ? lr : kNaN);
            if (std::isfinite(lr)) {
                lo = std::min(lo, lr);
                hi = std::max(hi, lr);
            }
        }
        g->addToLegend();
    }
    for (FineTuneMethod m : kAllMethods)
        m_sizeGraphs[slot(m)]->setVisible(methodSlot(m) >= 0);
    const auto [minSize, maxSize] = std::minmax_element(m_trainSizes.begin(), m_trainSizes.end());
    m_sizePlot->xAxis->setRange(*minSize / 1.5, *maxSize * 1.5);
    if (hi > 0.0)
        m_sizePlot->yAxis->setRange(lo / 3.0, hi * 3.0);
    else
        m_sizePlot->yAxis->setRange(m_rates.front(), m_rates.back());
    // Ticks at the sizes themselves: "50, 200, 1437" reads better than decades.
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int size : m_trainSizes)
        ticker->addTick(size, QString::number(size));
    m_sizePlot->xAxis->setTicker(ticker);
    m_sizePlot->replot(QCustomPlot::rpQueuedReplot);
}

void FineTuneView::fillTables()
{
    // Parameters and optimizer state: one row per method (the same at every size).
    const QStringList memoryHeaders{
        tr("method"),         tr("trainable"), tr("of the model"), tr("Adam state"),
        tr("adam8bit state"), tr("%1 state")
                                  .arg(QString::fromStdString(m_shown.sweep.base.optimizer.type))};
    m_memoryTable->clear();
    m_memoryTable->setColumnCount(memoryHeaders.size());
    m_memoryTable->setHorizontalHeaderLabels(memoryHeaders);
    m_memoryTable->setRowCount(static_cast<int>(m_methods.size()));
    int total = 0;
    for (const FineTuneResult& r : m_results)
        if (r.method == FineTuneMethod::Full)
            total = r.trainableParameters;
    for (int row = 0; row < static_cast<int>(m_methods.size()); ++row) {
        const FineTuneMethod m = m_methods[static_cast<std::size_t>(row)];
        const FineTuneResult* r = nullptr;
        for (const FineTuneResult& candidate : m_results)
            if (candidate.method == m && candidate.status != RunStatus::Cancelled) {
                r = &candidate;
                break;
            }
        QStringList cells{methodLabel(m)};
        if (r != nullptr) {
            cells << QLocale().toString(r->trainableParameters)
                  << (total > 0 ? QStringLiteral("%1 %").arg(100.0 * r->trainableParameters /
                                                                 total,
                                                             0, 'f', 1)
                                : QString())
                  << bytesText(r->stateBytesAdam) << bytesText(r->stateBytesAdam8bit)
                  << bytesText(r->stateBytes);
        }
        for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            item->setForeground(col == 0 ? methodColor(m).darker(115) : QColor(Qt::black));
            m_memoryTable->setItem(row, col, item);
        }
    }
    m_memoryTable->resizeColumnsToContents();

    const QStringList headers{tr("method"), tr("size"),         tr("lr"),
                              tr("target acc"), tr("source acc"), tr("forgetting"),
                              tr("target loss"), tr("diverged")};
    m_runsTable->clear();
    m_runsTable->setColumnCount(headers.size());
    m_runsTable->setHorizontalHeaderLabels(headers);
    m_runsTable->setRowCount(static_cast<int>(m_results.size()));
    for (int row = 0; row < static_cast<int>(m_results.size()); ++row) {
        const FineTuneResult& r = m_results[static_cast<std::size_t>(row)];
        const QStringList cells{
            methodLabel(r.method),
            QString::number(r.trainSize),
            formatFineTuneRate(r.learningRate),
            percent(r.targetValidationAccuracy),
            percent(r.sourceValidationAccuracy),
            std::isfinite(r.forgetting)
                ? QStringLiteral("%1 pts").arg(100.0 * r.forgetting, 0, 'f', 1)
                : QStringLiteral("–"),
            std::isfinite(r.targetValidationLoss) ? QString::number(r.targetValidationLoss, 'g', 4)
                                                  : QStringLiteral("–"),
            r.diverged ? tr("yes") : tr("no")};
        for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            if (r.diverged)
                item->setForeground(kDivergedColor);
            m_runsTable->setItem(row, col, item);
        }
    }
    m_runsTable->resizeColumnsToContents();
}

void FineTuneView::showSummary()
{
    FineTuneSummaryInput input;
    input.results = &m_results;
    input.best = m_best;
    input.shownSize = m_shownSize;
    input.sizes = m_trainSizes;
    input.pretrainedSourceAccuracy = m_preSource;
    input.pretrainedTargetAccuracy = m_preTarget;
    input.shift = QString::fromStdString(shiftName(m_shown.data.shift));
    input.optimizer = QString::fromStdString(m_shown.sweep.base.optimizer.type);
    input.steps = m_shown.sweep.base.steps;
    m_summary->setHtml(fineTuneSummaryHtml(input));
}

void FineTuneView::clearRunPlot()
{
    for (QCPGraph* g : {m_runLoss, m_runValLoss, m_runTargetAcc, m_runSourceAcc})
        g->data()->clear();
    m_selectedMark->data()->clear();
    m_runTitle->setText(tr("One run's curves"));
    m_runNote->setText(tr("Click a point above to see that run's curves."));
    m_runNote->setVisible(true);
    m_runPlot->xAxis->setRange(0, std::max(1, m_steps->value()));
    m_runPlot->yAxis->setRange(0.01, 10.0);
    m_runPlot->replot(QCustomPlot::rpQueuedReplot);
    m_accPlot->replot(QCustomPlot::rpQueuedReplot);
}

void FineTuneView::selectRun(int index)
{
    if (index < 0 || index >= static_cast<int>(m_results.size()))
        return;
    const FineTuneResult& r = m_results[static_cast<std::size_t>(index)];
    if (r.trainSize != m_shownSize) {
        // A run of another size (from the table): show that size's curves first.
        m_shownSize = r.trainSize;
        m_selected = index;
        showResults();
        return;
    }
    m_selected = index;
    const QColor colour = methodColor(r.method);
    QColor light = colour;
    light.setAlpha(110);
    m_runLoss->setPen(QPen(light, 1.0));
    m_runValLoss->setPen(QPen(colour.darker(120), 2.4));
    m_runValLoss->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour.darker(120), 1.5), Qt::white, 6));
    m_runTargetAcc->setPen(QPen(QColor(40, 40, 40), 1.8));
    m_runSourceAcc->setPen(QPen(QColor(40, 40, 40), 1.8, Qt::DashLine));

    // Non-finite losses (a diverging run) become gaps: a log axis cannot show them.
    const auto finite = [](double v) { return std::isfinite(v) && v > 0 ? v : kNaN; };
    QVector<double> steps;
    QVector<double> loss;
    steps.reserve(static_cast<int>(r.loss.size()));
    loss.reserve(static_cast<int>(r.loss.size()));
    double lo = std::numeric_limits<double>::infinity();
    double hi = 0.0;
    for (std::size_t k = 0; k < r.loss.size(); ++k) {
        steps << static_cast<double>(k);
        loss << finite(r.loss[k]);
        if (std::isfinite(loss.back())) {
            lo = std::min(lo, loss.back());
            hi = std::max(hi, loss.back());
        }
    }
    m_runLoss->setData(steps, loss, true);
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
    m_runValLoss->setData(evalSteps, valLoss, true);
    m_runTargetAcc->setData(evalSteps, targetAcc, true);
    m_runSourceAcc->setData(evalSteps, sourceAcc, true);
    m_runTitle->setText(tr("%1 · lr %2 · %3 images%4")
                            .arg(methodLabel(r.method), formatFineTuneRate(r.learningRate))
                            .arg(r.trainSize)
                            .arg(r.diverged ? tr(" · diverged") : QString()));
    m_runNote->setVisible(r.loss.empty());
    m_runNote->setText(tr("No curves for this run."));
    m_runPlot->xAxis->setRange(0, std::max(1, std::max(r.steps, m_shown.sweep.base.steps)));
    if (hi > 0.0)
        m_runPlot->yAxis->setRange(lo / 1.5, hi * 1.5);
    m_runPlot->replot(QCustomPlot::rpQueuedReplot);

    m_selectedMark->data()->clear();
    if (std::isfinite(r.targetValidationAccuracy))
        m_selectedMark->addData(r.learningRate, 100.0 * r.targetValidationAccuracy);
    m_accPlot->replot(QCustomPlot::rpQueuedReplot);
    if (m_runsTable->currentRow() != index && index < m_runsTable->rowCount())
        m_runsTable->setCurrentCell(index, 0);
    emit runSelected(index);
}

QString FineTuneView::pointDescription(FineTuneMethod method, int lrIndex) const
{
    const int k = resultIndex(method, lrIndex);
    if (k < 0)
        return QString();
    const FineTuneResult& r = m_results[static_cast<std::size_t>(k)];
    QString text = tr("%1 · lr %2 · %3 images")
                       .arg(methodLabel(method), formatFineTuneRate(r.learningRate))
                       .arg(r.trainSize);
    if (r.diverged) {
        text += tr("\ndiverged — the steps overshoot");
    } else {
        text += tr("\ntarget accuracy %1 (pre-trained %2)")
                    .arg(percent(r.targetValidationAccuracy), percent(m_preTarget));
        text += tr("\nsource accuracy %1 (pre-trained %2): %3 points forgotten")
                    .arg(percent(r.sourceValidationAccuracy), percent(m_preSource))
                    .arg(100.0 * r.forgetting, 0, 'f', 1);
    }
    text += tr("\n%1 trainable parameters").arg(QLocale().toString(r.trainableParameters));
    if (bestLearningRate(method) == r.learningRate)
        text += tr("\n◆ the best rate of %1").arg(methodLabel(method));
    text += tr("\nclick to see its loss curves");
    return text;
}

bool FineTuneView::pointAt(const QPoint& pos, FineTuneMethod& method, int& lrIndex) const
{
    double bestDistance = kPickRadius;
    bool found = false;
    const int n = static_cast<int>(m_rates.size());
    const auto consider = [&](QCPGraph* graph, FineTuneMethod m) {
        if (graph == nullptr || !graph->visible())
            return;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            if (std::isnan(it->value))
                continue;
            const double px = graph->keyAxis()->coordToPixel(it->key);
            const double py = graph->valueAxis()->coordToPixel(it->value);
            const double d = std::hypot(px - pos.x(), py - pos.y());
            if (d >= bestDistance)
                continue;
            for (int i = 0; i < n; ++i)
                if (m_rates[static_cast<std::size_t>(i)] == it->key) {
                    bestDistance = d;
                    method = m;
                    lrIndex = i;
                    found = true;
                    break;
                }
        }
    };
    for (FineTuneMethod m : m_methods) {
        const int s = slot(m);
        consider(m_targetGraphs[s], m);
        consider(m_sourceGraphs[s], m);
        consider(m_divergedGraphs[s], m);
        consider(m_forgetGraphs[s], m);
    }
    return found;
}

bool FineTuneView::sizePointAt(const QPoint& pos, int& sizeIndex) const
{
    if (!m_sizePlot->isVisible())
        return false;
    double bestDistance = kPickRadius;
    bool found = false;
    for (FineTuneMethod m : m_methods) {
        const QCPGraph* g = m_sizeGraphs[slot(m)];
        for (int i = 0; i < g->dataCount(); ++i) {
            const auto point = g->data()->at(i);
            if (std::isnan(point->value))
                continue;
            const double d = std::hypot(g->keyAxis()->coordToPixel(point->key) - pos.x(),
                                        g->valueAxis()->coordToPixel(point->value) - pos.y());
            const auto it = std::find(m_trainSizes.begin(), m_trainSizes.end(),
                                      static_cast<int>(point->key));
            if (d < bestDistance && it != m_trainSizes.end()) {
                bestDistance = d;
                sizeIndex = static_cast<int>(it - m_trainSizes.begin());
                found = true;
            }
        }
    }
    return found;
}

bool FineTuneView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ToolTip && (watched == m_accPlot || watched == m_forgetPlot)) {
        auto* help = static_cast<QHelpEvent*>(event);
        FineTuneMethod method = FineTuneMethod::Full;
        int lrIndex = 0;
        if (pointAt(help->pos(), method, lrIndex)) {
            QToolTip::showText(help->globalPos(), pointDescription(method, lrIndex),
                               static_cast<QWidget*>(watched));
            return true;
        }
    } else if (event->type() == QEvent::ToolTip && watched == m_sizePlot) {
        auto* help = static_cast<QHelpEvent*>(event);
        int sizeIndex = 0;
        if (sizePointAt(help->pos(), sizeIndex)) {
            const int size = m_trainSizes[static_cast<std::size_t>(sizeIndex)];
            QStringList lines{tr("%1 training images").arg(size)};
            for (FineTuneMethod m : m_methods)
                lines << tr("%1: best lr %2").arg(methodLabel(m),
                                                  formatFineTuneRate(bestLearningRate(m, size)));
            lines << tr("click to show this size above");
            QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), m_sizePlot);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace lrlab
