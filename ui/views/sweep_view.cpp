#include "ui/views/sweep_view.h"

#include "core/config/config_variants.h"
#include "core/problems/toy_surface.h"
#include "core/util/format.h"
#include "ui/controls/scientific_spin_box.h"
#include "ui/plots/plot_style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
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
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

namespace lrlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kPollMilliseconds = 50;
constexpr int kMinRates = 3;
constexpr int kMaxRates = 40;
/// Pixels within which a click or hover picks a point of the U-curve.
constexpr double kPickRadius = 10.0;

const QColor kDivergedColor = alarmColour();
const QColor kDivergedCell(190, 190, 190);

QColor curveColor(int curve)
{
    return okabeIto(curve);
}

/// The crossed settings the view offers, with the label shown in the combo box.
struct CrossChoice
{
    const char* key;
    const char* label;
};
const CrossChoice kCrossChoices[] = {{"", "none"},
                                     {"optimizer", "optimizer"},
                                     {"momentum", "momentum"},
                                     {"batch_size", "batch size (models)"},
                                     {"warmup_steps", "warmup steps"},
                                     {"weight_decay", "weight decay"}};

/// Viridis with diverged (NaN) cells in grey.
QCPColorGradient viridis()
{
    QCPColorGradient gradient = viridisGradient();
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(kDivergedCell);
    return gradient;
}

QString number(double v)
{
    if (std::isnan(v))
        return QStringLiteral("–");
    return QString::number(v, 'g', 4);
}

/// A rate for axis labels: "10⁻³" for exact decades (as the U-curve's log axis writes them),
/// else three significant digits.
QString rateLabel(double rate)
{
    const double exponent = std::log10(rate);
    if (std::abs(exponent - std::round(exponent)) < 1e-9) {
        const int k = static_cast<int>(std::round(exponent));
        if (k == 0)
            return QStringLiteral("1");
        static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
        QString power;
        for (const QChar c : QString::number(std::abs(k)))
            power += digits.at(c.digitValue());
        return QStringLiteral("10") + (k < 0 ? QStringLiteral("⁻") : QString()) + power;
    }
    return ScientificSpinBox::format(rate);
}

QString csvCell(double v)
{
    return std::isnan(v) ? QString() : QString::fromStdString(formatDouble(v));
}

QString describeBase(const RunConfig& config)
{
    QString text = QString::fromStdString(config.problem.type);
    if (isModelType(config.problem.type) && !config.problem.dataset.empty())
        text += QStringLiteral(" on ") + QString::fromStdString(config.problem.dataset);
    text += QStringLiteral(" · ") + QString::fromStdString(config.optimizer.type);
    if (config.optimizer.type == "sgd" && config.optimizer.momentum > 0)
        text += QStringLiteral(" (momentum %1)").arg(config.optimizer.momentum);
    text += QStringLiteral(" · %1 steps").arg(config.steps);
    return text;
}

}  // namespace

SweepView::SweepView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildControls());
    splitter->addWidget(buildPlots());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter);

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(kPollMilliseconds);
    connect(m_pollTimer, &QTimer::timeout, this, &SweepView::poll);

    // Ctrl+Return runs and Esc cancels from anywhere inside the view.
    auto* runShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    runShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(runShortcut, &QShortcut::activated, this, &SweepView::run);
    auto* cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelShortcut, &QShortcut::activated, this, &SweepView::cancel);

    updateControlsForBase();
    clearPlots();
    setRunning(false);
}

SweepView::~SweepView()
{
    // Raise every flag first so all sweeps stop together, then wait: runs check their flag every
    // step, so the waits are short. Nothing is delivered afterwards: the poll timer dies with us.
    m_pollTimer->stop();
    for (Job& job : m_jobs)
        job.state->cancel.store(true);
    for (Job& job : m_jobs)
        job.future.waitForFinished();
}

QWidget* SweepView::buildControls()
{
    auto* panel = new QWidget(this);
    auto* column = new QVBoxLayout(panel);
    panel->setMinimumWidth(250);
    panel->setMaximumWidth(340);

    m_baseLabel = new QLabel(panel);
    m_baseLabel->setObjectName(QStringLiteral("sweepBase"));
    m_baseLabel->setWordWrap(true);
    m_baseLabel->setToolTip(tr("The experiment being swept: the explorer's current settings. "
                               "Only its learning rate (and the crossed setting) change."));
    column->addWidget(m_baseLabel);

    auto* rates = new QGroupBox(tr("Learning rates"), panel);
    auto* rateForm = new QFormLayout(rates);
    m_from = new ScientificSpinBox(rates);
    m_from->setObjectName(QStringLiteral("sweepFrom"));
    m_from->setRange(1e-8, 100.0);
    m_from->setValue(1e-4);
    m_from->setToolTip(tr("The smallest learning rate of the grid."));
    m_to = new ScientificSpinBox(rates);
    m_to->setObjectName(QStringLiteral("sweepTo"));
    m_to->setRange(1e-8, 100.0);
    m_to->setValue(1.0);
    m_to->setToolTip(tr("The largest learning rate of the grid. Go far enough right to see "
                        "the runs diverge: the cliff is what locates the best rate."));
    m_count = new QSpinBox(rates);
    m_count->setObjectName(QStringLiteral("sweepCount"));
    m_count->setRange(kMinRates, kMaxRates);
    m_count->setValue(13);
    m_count->setToolTip(tr("How many rates, evenly spaced on a log scale (13 over four decades "
                           "is three per decade). Each is one full training run."));
    rateForm->addRow(tr("&From"), m_from);
    rateForm->addRow(tr("&To"), m_to);
    rateForm->addRow(tr("&Count"), m_count);
    column->addWidget(rates);

    auto* cross = new QGroupBox(tr("Cross with"), panel);
    auto* crossForm = new QFormLayout(cross);
    m_crossCombo = new QComboBox(cross);
    m_crossCombo->setObjectName(QStringLiteral("sweepCross"));
    for (const CrossChoice& choice : kCrossChoices)
        m_crossCombo->addItem(tr(choice.label), QString::fromLatin1(choice.key));
    m_crossCombo->setToolTip(
        tr("Repeat the LR sweep for each value of a second setting: one U-curve per value and "
           "a heat map. The best LR depends on the rest: adam wants a far smaller LR than sgd, "
           "momentum β multiplies the effective step by 1/(1−β), larger batches tolerate "
           "larger rates."));
    m_values = new QLineEdit(cross);
    m_values->setObjectName(QStringLiteral("sweepValues"));
    m_values->setToolTip(tr("The values of the crossed setting, separated by commas."));
    crossForm->addRow(tr("&Setting"), m_crossCombo);
    crossForm->addRow(tr("&Values"), m_values);
    connect(m_crossCombo, &QComboBox::currentIndexChanged, this,
            &SweepView::crossedSettingChanged);
    column->addWidget(cross);

    auto* targetRow = new QHBoxLayout;
    m_targetCheck = new QCheckBox(tr("T&arget loss"), panel);
    m_targetCheck->setObjectName(QStringLiteral("sweepTargetEnabled"));
    m_target = new ScientificSpinBox(panel);
    m_target->setObjectName(QStringLiteral("sweepTarget"));
    m_target->setRange(0.0, 1e6);
    m_target->setValue(1e-3);
    m_target->setEnabled(false);
    const QString targetTip =
        tr("Report for each run the first step whose loss is at or below this value: it "
           "compares how fast the rates get there, not only where they end.");
    m_targetCheck->setToolTip(targetTip);
    m_target->setToolTip(targetTip);
    connect(m_targetCheck, &QCheckBox::toggled, m_target, &QWidget::setEnabled);
    targetRow->addWidget(m_targetCheck);
    targetRow->addWidget(m_target, 1);
    column->addLayout(targetRow);

    auto* buttons = new QHBoxLayout;
    m_runButton = new QPushButton(tr("&Run sweep"), panel);
    m_runButton->setObjectName(QStringLiteral("sweepRun"));
    m_runButton->setDefault(true);
    m_runButton->setToolTip(tr("Run every rate of the grid (× every value) in parallel on all "
                               "cores (Ctrl+Return). A sweep already running is abandoned."));
    m_cancelButton = new QPushButton(tr("Cance&l"), panel);
    m_cancelButton->setObjectName(QStringLiteral("sweepCancel"));
    m_cancelButton->setToolTip(tr("Stop the sweep now (Esc). Runs check for it every step."));
    connect(m_runButton, &QPushButton::clicked, this, &SweepView::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &SweepView::cancel);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    column->addLayout(buttons);

    m_progress = new QProgressBar(panel);
    m_progress->setObjectName(QStringLiteral("sweepProgress"));
    m_progress->setFormat(tr("%v / %m runs"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    column->addWidget(m_progress);
    m_timeLabel = new QLabel(panel);
    m_timeLabel->setObjectName(QStringLiteral("sweepTime"));
    m_timeLabel->setToolTip(tr("Time since the sweep started and an estimate of what is left "
                               "(from the average time per finished run)."));
    column->addWidget(m_timeLabel);
    m_statusLabel = new QLabel(panel);
    m_statusLabel->setObjectName(QStringLiteral("sweepStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_statusLabel);

    m_exportButton = new QPushButton(tr("&Export CSV…"), panel);
    m_exportButton->setObjectName(QStringLiteral("sweepExport"));
    m_exportButton->setToolTip(tr("Save the sweep table with the columns of `lrlab sweep`."));
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export sweep table"), QStringLiteral("sweep.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    column->addWidget(m_exportButton);

    auto* lesson = new QLabel(
        tr("<b>Reading the U-curve.</b> Too small a rate crawls: the run ends high on the left. "
           "Too large overshoots: the loss blows up on the right (red ×). The best rate "
           "(◆) sits just left of that cliff. Click a point, a cell or a table row to load "
           "the run."),
        panel);
    lesson->setWordWrap(true);
    lesson->setObjectName(QStringLiteral("sweepLesson"));
    column->addWidget(lesson);
    column->addStretch(1);
    return panel;
}

QWidget* SweepView::buildPlots()
{
    auto* vertical = new QSplitter(Qt::Vertical, this);
    m_plotSplitter = new QSplitter(Qt::Horizontal, vertical);

    m_curvePlot = new QCustomPlot(m_plotSplitter);
    m_curvePlot->setObjectName(QStringLiteral("sweepUCurve"));
    m_curvePlot->setMinimumSize(360, 280);
    addTitle(m_curvePlot, tr("Final loss against learning rate"));
    styleAxes(m_curvePlot, tr("learning rate"), tr("final loss"));
    setLogAxis(m_curvePlot->xAxis);
    setLogAxis(m_curvePlot->yAxis);
    m_curvePlot->legend->setVisible(true);
    styleLegend(m_curvePlot, Qt::AlignBottom | Qt::AlignLeft);
    m_curvePlot->setToolTip(
        tr("The U-curve: every point is one complete run, its final loss against its learning "
           "rate (both on log scales).\n"
           "• Left side: steps too small, the run crawls and ends high.\n"
           "• Right side: steps overshoot and the loss blows up (red ×: diverged).\n"
           "• The best rate (◆) sits just left of that cliff: a little smaller is safe, a "
           "little larger diverges.\n"
           "Dashed: validation loss (models). Click a point to load that run."));
    m_curveNote = new QCPItemText(m_curvePlot);
    m_curveNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_curveNote->position->setCoords(0.5, 0.45);
    m_curveNote->setColor(QColor(90, 90, 90));
    m_curveNote->setClipToAxisRect(true);
    m_curvePlot->installEventFilter(this);
    connect(m_curvePlot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        int curve = 0;
        int lrIndex = 0;
        if (event->button() == Qt::LeftButton && pointAt(event->pos(), curve, lrIndex))
            activatePoint(curve, lrIndex);
    });

    m_heatPlot = new QCustomPlot(m_plotSplitter);
    m_heatPlot->setObjectName(QStringLiteral("sweepHeatMap"));
    m_heatPlot->setMinimumSize(320, 280);
    addTitle(m_heatPlot, tr("Final loss over learning rate × setting"));
    styleAxes(m_heatPlot, tr("learning rate"), QString());
    m_heatPlot->axisRect()->setupFullAxesBox(false);
    m_heatMap = new QCPColorMap(m_heatPlot->xAxis, m_heatPlot->yAxis);
    m_heatMap->setGradient(viridis());
    m_heatMap->setInterpolate(false);
    m_heatScale = new QCPColorScale(m_heatPlot);
    m_heatPlot->plotLayout()->addElement(1, 1, m_heatScale);
    m_heatScale->setType(QCPAxis::atRight);
    m_heatScale->setGradient(viridis());
    m_heatMap->setColorScale(m_heatScale);
    auto* margins = new QCPMarginGroup(m_heatPlot);
    m_heatPlot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_heatScale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_heatDiverged = m_heatPlot->addGraph();
    m_heatDiverged->setLineStyle(QCPGraph::lsNone);
    m_heatDiverged->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCross, QPen(kDivergedColor, 2.0), Qt::NoBrush, 11));
    m_heatBest = m_heatPlot->addGraph();
    m_heatBest->setLineStyle(QCPGraph::lsNone);
    m_heatBest->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::white, 2.0), Qt::NoBrush, 13));
    m_heatPlot->setToolTip(
        tr("Each cell is one run: its colour is log₁₀ of the final loss (dark = low). Grey cells "
           "with a red × diverged; ◆ marks each row's best rate.\n"
           "A row is one U-curve seen from above; compare rows to see how the setting moves "
           "the sweet spot and the cliff. Click a cell to load that run."));
    m_heatPlot->installEventFilter(this);
    connect(m_heatPlot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        int lrIndex = 0;
        int valueIndex = 0;
        if (event->button() == Qt::LeftButton && cellAt(event->pos(), lrIndex, valueIndex))
            activateCell(lrIndex, valueIndex);
    });
    m_plotSplitter->setStretchFactor(0, 3);
    m_plotSplitter->setStretchFactor(1, 2);

    m_table = new QTableWidget(vertical);
    m_table->setObjectName(QStringLiteral("sweepTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->setToolTip(tr("One row a run, as `lrlab sweep` writes it. Enter or double-click "
                           "loads the run."));
    connect(m_table, &QTableWidget::itemActivated, this, [this](QTableWidgetItem* item) {
        const int index = item->row();
        const int n = static_cast<int>(m_rates.size());
        if (n > 0 && index >= 0 && index < static_cast<int>(m_results.size()))
            activatePoint(index / n, index % n);
    });
    vertical->addWidget(m_plotSplitter);
    vertical->addWidget(m_table);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    return vertical;
}

void SweepView::setBaseConfig(const RunConfig& config)
{
    m_base = config;
    updateControlsForBase();
}

void SweepView::setLearningRateRange(double from, double to, int count)
{
    m_from->setValue(from);
    m_to->setValue(to);
    m_count->setValue(count);
}

void SweepView::setCrossedSetting(const QString& key, const QString& values)
{
    const int index = m_crossCombo->findData(key);
    if (index >= 0)
        m_crossCombo->setCurrentIndex(index);
    crossedSettingChanged();
    if (!values.isEmpty())
        m_values->setText(values);
}

void SweepView::setTargetLoss(double target)
{
    const bool on = std::isfinite(target) && target >= 0.0;
    m_targetCheck->setChecked(on);
    if (on)
        m_target->setValue(target);
}

QString SweepView::defaultValues(const QString& key)
{
    if (key == QLatin1String("optimizer"))
        return QStringLiteral("sgd,adam,adamw,lion");
    if (key == QLatin1String("momentum"))
        return QStringLiteral("0,0.5,0.9");
    if (key == QLatin1String("batch_size"))
        return QStringLiteral("8,32,128");
    if (key == QLatin1String("warmup_steps"))
        return QStringLiteral("0,50,200");
    if (key == QLatin1String("weight_decay"))
        return QStringLiteral("0,0.01,0.1");
    return QString();
}

QString SweepView::statusText() const
{
    return m_statusLabel->text();
}

void SweepView::crossedSettingChanged()
{
    const QString key = m_crossCombo->currentData().toString();
    m_values->setText(defaultValues(key));
    m_values->setEnabled(!key.isEmpty());
}

void SweepView::updateControlsForBase()
{
    m_baseLabel->setText(tr("<b>Sweeping:</b> %1").arg(describeBase(m_base).toHtmlEscaped()));
    // Batch size means nothing on a toy surface: offer it for models only.
    const bool model = isModelType(m_base.problem.type);
    auto* items = qobject_cast<QStandardItemModel*>(m_crossCombo->model());
    const int batchIndex = m_crossCombo->findData(QStringLiteral("batch_size"));
    if (items != nullptr && batchIndex >= 0) {
        QStandardItem* item = items->item(batchIndex);
        item->setEnabled(model);
        if (!model && m_crossCombo->currentIndex() == batchIndex)
            m_crossCombo->setCurrentIndex(0);
    }
}

void SweepView::setRunning(bool running)
{
    m_running = running;
    m_cancelButton->setEnabled(running);
    m_exportButton->setEnabled(!m_results.empty());
}

void SweepView::setStatus(const QString& text, bool alarm)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(alarm ? QStringLiteral("color: #b01e1e;") : QString());
}

void SweepView::run()
{
    const double from = m_from->value();
    const double to = m_to->value();
    const int count = m_count->value();
    if (!(from < to)) {
        setStatus(tr("The first learning rate must be smaller than the last."), true);
        emit sweepFailed(statusText());
        return;
    }
    const QString key = m_crossCombo->currentData().toString();
    QStringList values;
    std::vector<std::string> valueStrings;
    if (!key.isEmpty()) {
        for (const QString& v : m_values->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString t = v.trimmed();
            if (!t.isEmpty()) {
                values << t;
                valueStrings.push_back(t.toStdString());
            }
        }
        if (values.isEmpty()) {
            setStatus(tr("Give at least one value for %1.").arg(key), true);
            emit sweepFailed(statusText());
            return;
        }
    }

    // Build every config on the GUI thread (cheap) so that a bad value is reported now, and a
    // sweep already running keeps going if the new one cannot start.
    const std::vector<double> rates = logSpacedRates(from, to, count);
    std::vector<SweepPoint> points;
    double floor = 0.0;
    try {
        points = sweepPoints(m_base, rates, key.toStdString(), valueStrings);
        if (isToySurface(m_base.problem.type))
            floor = makeToySurface(m_base.problem.type, m_base.problem.parameters)
                        ->info()
                        .minimumValue;
    } catch (const std::exception& e) {
        setStatus(tr("Cannot sweep: %1").arg(QString::fromUtf8(e.what())), true);
        emit sweepFailed(statusText());
        return;
    }

    // Abandon the running sweep: raise its flag; its future is still collected by poll() and
    // waited for by the destructor, but its results are never shown.
    for (Job& job : m_jobs)
        job.state->cancel.store(true);

    auto state = std::make_shared<SharedState>();
    SweepOptions options;
    options.threads = m_threads;
    options.cancel = &state->cancel;
    options.targetLoss = m_targetCheck->isChecked() ? m_target->value() : -1.0;
    options.progress = [state](int done, int) { state->done.store(done); };
    Job job;
    job.generation = ++m_generation;
    job.state = state;
    // The lambda owns copies of the points and a share of the state, so it never touches the
    // widget. Exceptions (e.g. a dataset that fails to load) come back as a message.
    job.future = QtConcurrent::run([points, options, state]() {
        Outcome outcome;
        try {
            outcome.results = runSweep(points, options);
        } catch (const std::exception& e) {
            outcome.error = QString::fromUtf8(e.what());
        } catch (...) {
            outcome.error = QStringLiteral("unknown error");
        }
        return outcome;
    });
    m_jobs.push_back(std::move(job));

    m_pendingPoints = std::move(points);
    m_pendingRates = rates;
    m_pendingKey = key;
    m_pendingValues = values;
    m_pendingFloor = floor;
    m_total = static_cast<int>(m_pendingPoints.size());
    m_clock.start();
    m_progress->setRange(0, m_total);
    m_progress->setValue(0);
    m_timeLabel->setText(tr("started…"));
    setStatus(tr("Running %1 runs…").arg(m_total), false);
    setRunning(true);
    m_pollTimer->start();
    emit sweepStarted(m_total);
}

void SweepView::cancel()
{
    if (!m_running)
        return;
    int done = 0;
    for (Job& job : m_jobs) {
        if (job.generation == m_generation)
            done = job.state->done.load();
        job.state->cancel.store(true);
    }
    setRunning(false);
    m_pendingPoints.clear();
    setStatus(tr("Cancelled after %1 / %2 runs.").arg(done).arg(m_total), false);
    m_timeLabel->setText(tr("cancelled after %1 s").arg(m_clock.elapsed() / 1000.0, 0, 'f', 1));
    emit sweepCancelled();
}

void SweepView::poll()
{
    bool currentFinished = false;
    Outcome outcome;
    int done = 0;
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        const bool current = m_running && it->generation == m_generation;
        if (current)
            done = it->state->done.load();
        if (it->future.isFinished()) {
            if (current) {
                currentFinished = true;
                outcome = it->future.result();
            }
            it = m_jobs.erase(it);  // an abandoned generation: dropped unseen
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
    m_progress->setValue(done);
    const double elapsed = m_clock.elapsed() / 1000.0;
    QString text = tr("%1 s elapsed").arg(elapsed, 0, 'f', 1);
    if (done > 0 && done < m_total)
        text += tr(" · about %1 s left").arg(elapsed / done * (m_total - done), 0, 'f', 1);
    m_timeLabel->setText(text);
    emit progressChanged(done, m_total);
}

void SweepView::finishCurrent(Outcome outcome)
{
    setRunning(false);
    const double elapsed = m_clock.elapsed() / 1000.0;
    if (!outcome.error.isEmpty()) {
        m_pendingPoints.clear();
        setStatus(tr("The sweep failed: %1").arg(outcome.error), true);
        m_timeLabel->clear();
        emit sweepFailed(outcome.error);
        return;
    }
    m_points = std::move(m_pendingPoints);
    m_pendingPoints.clear();
    m_results = std::move(outcome.results);
    m_rates = m_pendingRates;
    m_shownKey = m_pendingKey;
    m_shownValues = m_pendingValues;
    m_floor = m_pendingFloor;
    m_shownModel = isModelType(m_points.empty() ? std::string() : m_points.front().config.problem.type);
    const int runs = static_cast<int>(m_results.size());
    m_progress->setValue(runs);
    m_timeLabel->setText(tr("%1 runs in %2 s").arg(runs).arg(elapsed, 0, 'f', 1));
    emit progressChanged(runs, m_total);
    showResults();
    setRunning(false);
    emit sweepFinished(runs);
}

int SweepView::resultIndex(int curve, int lrIndex) const
{
    const int n = static_cast<int>(m_rates.size());
    // Curves of the shown sweep (not curveCount(): the graphs may not exist yet).
    const int curves = std::max(1, static_cast<int>(m_shownValues.size()));
    if (curve < 0 || curve >= curves || lrIndex < 0 || lrIndex >= n)
        return -1;
    const int index = curve * n + lrIndex;
    return index < static_cast<int>(m_results.size()) ? index : -1;
}

double SweepView::plottedLoss(double loss) const
{
    return m_shownModel ? loss : loss - m_floor;
}

void SweepView::showResults()
{
    m_best.clear();
    const int n = static_cast<int>(m_rates.size());
    const int curves = std::max(1, static_cast<int>(m_shownValues.size()));
    for (int c = 0; c < curves; ++c) {
        int best = -1;
        for (int i = 0; i < n; ++i) {
            const int k = c * n + i;
            if (k >= static_cast<int>(m_results.size()))
                break;
            const SweepRunResult& r = m_results[static_cast<std::size_t>(k)];
            if (r.diverged || !std::isfinite(r.finalLoss))
                continue;
            if (best < 0 || r.finalLoss < m_results[static_cast<std::size_t>(c * n + best)].finalLoss)
                best = i;
        }
        m_best.push_back(best);
    }
    showUCurve();
    showHeatMap();
    fillTable();

    // Summary: the overall best run and how many diverged.
    int diverged = 0;
    for (const SweepRunResult& r : m_results)
        diverged += r.diverged ? 1 : 0;
    int bestCurve = -1;
    for (int c = 0; c < curves; ++c) {
        if (m_best[static_cast<std::size_t>(c)] < 0)
            continue;
        if (bestCurve < 0 ||
            m_results[static_cast<std::size_t>(resultIndex(c, m_best[static_cast<std::size_t>(c)]))]
                    .finalLoss <
                m_results[static_cast<std::size_t>(
                              resultIndex(bestCurve, m_best[static_cast<std::size_t>(bestCurve)]))]
                    .finalLoss)
            bestCurve = c;
    }
    QString text;
    if (bestCurve < 0) {
        text = tr("Every run diverged: lower the learning rates.");
    } else {
        const int i = m_best[static_cast<std::size_t>(bestCurve)];
        const SweepRunResult& r = m_results[static_cast<std::size_t>(resultIndex(bestCurve, i))];
        text = tr("Best: lr %1").arg(ScientificSpinBox::format(r.learningRate));
        if (!m_shownKey.isEmpty())
            text += tr(" with %1 %2").arg(m_shownKey, m_shownValues.value(bestCurve));
        text += tr(", final loss %1.").arg(number(r.finalLoss));
    }
    text += tr(" %1 of %2 runs diverged.").arg(diverged).arg(m_results.size());
    // A best rate at the right end of the grid has not met its cliff yet: the true optimum
    // may lie further right.
    const int last = static_cast<int>(m_rates.size()) - 1;
    if (std::find(m_best.begin(), m_best.end(), last) != m_best.end())
        text += tr(" A best rate is the largest tried: raise \"To\" to find the cliff.");
    setStatus(text, false);
}

void SweepView::clearPlots()
{
    m_curvePlot->clearGraphs();
    m_lossGraphs.clear();
    m_valGraphs.clear();
    m_divergedGraphs.clear();
    m_bestGraphs.clear();
    m_curveNote->setText(tr("Press Run sweep to train once per learning rate."));
    m_curveNote->setVisible(true);
    m_curvePlot->xAxis->setRange(1e-4, 1.0);
    m_curvePlot->yAxis->setRange(1e-3, 10.0);
    m_curvePlot->replot(QCustomPlot::rpQueuedReplot);
    m_heatMap->data()->clear();
    m_heatDiverged->data()->clear();
    m_heatBest->data()->clear();
    m_heatPlot->setVisible(false);
}

void SweepView::showUCurve()
{
    m_curvePlot->clearGraphs();
    m_lossGraphs.clear();
    m_valGraphs.clear();
    m_divergedGraphs.clear();
    m_bestGraphs.clear();
    const int n = static_cast<int>(m_rates.size());
    const int curves = std::max(1, static_cast<int>(m_shownValues.size()));

    // The smallest positive plotted value: a loss at (or rounding below) the floor is drawn
    // a decade under it, since a log axis cannot show zero.
    double minPositive = std::numeric_limits<double>::infinity();
    double maxValue = 0.0;
    for (const SweepRunResult& r : m_results) {
        if (r.diverged)
            continue;
        for (double v : {plottedLoss(r.finalLoss), r.validationLoss}) {
            if (std::isfinite(v) && v > 0) {
                minPositive = std::min(minPositive, v);
                maxValue = std::max(maxValue, v);
            }
        }
    }
    const bool anyFinite = std::isfinite(minPositive);
    const double zeroStandIn = anyFinite ? minPositive / 10.0 : 1e-12;
    const auto shown = [&](double v) {
        if (!std::isfinite(v))
            return kNaN;
        return v > 0 ? v : zeroStandIn;
    };
    double lower = anyFinite ? minPositive / 3.0 : 1e-3;
    if (anyFinite && std::any_of(m_results.begin(), m_results.end(), [&](const SweepRunResult& r) {
            return !r.diverged && std::isfinite(r.finalLoss) && !(plottedLoss(r.finalLoss) > 0);
        }))
        lower = zeroStandIn / 3.0;
    const bool anyDiverged = std::any_of(m_results.begin(), m_results.end(),
                                         [](const SweepRunResult& r) { return r.diverged; });
    // Diverged runs get a band above the data, a fifth of the data's decades (at least one).
    const double dataDecades = anyFinite ? std::log10(maxValue / lower) : 6.0;
    const double upper = anyFinite ? maxValue * (anyDiverged
                                                     ? std::pow(10.0, std::max(1.0, 0.2 * dataDecades))
                                                     : 3.0)
                                   : 1e3;
    const double decades = std::log10(upper / lower);

    QVector<double> keys(n);
    for (int i = 0; i < n; ++i)
        keys[i] = m_rates[static_cast<std::size_t>(i)];
    QCPScatterStyle divergedStyle(QCPScatterStyle::ssCross, QPen(kDivergedColor, 2.0),
                                  Qt::NoBrush, 11);
    for (int c = 0; c < curves; ++c) {
        const QColor colour = curveColor(c);
        QString name = m_shownKey.isEmpty()
                           ? tr("final loss")
                           : QStringLiteral("%1 %2").arg(m_shownKey, m_shownValues.value(c));
        QVector<double> loss(n, kNaN);
        QVector<double> val(n, kNaN);
        QVector<double> divKeys;
        QVector<double> divValues;
        // Crosses sit in the band above the data; each curve about 3 % of the axis lower so
        // that runs of different curves diverging at the same rate stay distinct (and
        // clickable).
        const double crossY = upper * std::pow(10.0, -decades * (0.04 + 0.03 * (c % 8)));
        bool anyValidation = false;
        for (int i = 0; i < n; ++i) {
            const int k = resultIndex(c, i);
            if (k < 0)
                continue;
            const SweepRunResult& r = m_results[static_cast<std::size_t>(k)];
            if (r.diverged || !std::isfinite(r.finalLoss)) {
                divKeys << keys[i];
                divValues << crossY;
                continue;
            }
            loss[i] = shown(plottedLoss(r.finalLoss));
            val[i] = shown(r.validationLoss);
            anyValidation = anyValidation || std::isfinite(r.validationLoss);
        }

        QCPGraph* graph = m_curvePlot->addGraph();
        graph->setName(name);
        graph->setPen(QPen(colour, 2.0));
        graph->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 1.5), Qt::white, 7));
        graph->setData(keys, loss, true);
        m_lossGraphs.push_back(graph);

        QCPGraph* valGraph = nullptr;
        if (m_shownModel && anyValidation) {
            valGraph = m_curvePlot->addGraph();
            valGraph->setName(tr("validation loss (dashed)"));
            valGraph->setPen(QPen(colour, 1.6, Qt::DashLine));
            valGraph->setData(keys, val, true);
        }
        m_valGraphs.push_back(valGraph);

        QCPGraph* divGraph = m_curvePlot->addGraph();
        divGraph->setName(tr("diverged"));
        divGraph->setLineStyle(QCPGraph::lsNone);
        divGraph->setScatterStyle(divergedStyle);
        divGraph->setData(divKeys, divValues, true);
        m_divergedGraphs.push_back(divGraph);

        QCPGraph* bestGraph = m_curvePlot->addGraph();
        bestGraph->setName(tr("best LR"));
        bestGraph->setLineStyle(QCPGraph::lsNone);
        bestGraph->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.5), colour, 14));
        const int best = m_best[static_cast<std::size_t>(c)];
        if (best >= 0)
            bestGraph->addData(keys[best], loss[best]);
        m_bestGraphs.push_back(bestGraph);
    }
    // Legend: the curves in order, then one entry each for the marks they share.
    m_curvePlot->legend->clearItems();
    for (QCPGraph* graph : m_lossGraphs)
        graph->addToLegend();
    for (QCPGraph* graph : m_valGraphs) {
        if (graph != nullptr) {
            graph->addToLegend();
            break;
        }
    }
    for (QCPGraph* graph : m_bestGraphs) {
        if (!graph->data()->isEmpty()) {
            graph->addToLegend();
            break;
        }
    }
    if (anyDiverged)
        m_divergedGraphs.front()->addToLegend();

    if (m_shownModel)
        m_curvePlot->yAxis->setLabel(tr("final training loss"));
    else if (m_floor == 0.0)
        m_curvePlot->yAxis->setLabel(tr("final loss"));
    else
        m_curvePlot->yAxis->setLabel(tr("final loss − f* (f* = %1)").arg(number(m_floor)));
    if (n > 0)
        m_curvePlot->xAxis->setRange(keys.front() / 1.6, keys.back() * 1.6);
    m_curvePlot->yAxis->setRange(lower, upper);
    m_curveNote->setVisible(!anyFinite);
    m_curveNote->setText(tr("Every run diverged: lower the learning rates."));
    m_curvePlot->replot(QCustomPlot::rpQueuedReplot);
}

void SweepView::showHeatMap()
{
    m_heatDiverged->data()->clear();
    m_heatBest->data()->clear();
    const int n = static_cast<int>(m_rates.size());
    const int rows = static_cast<int>(m_shownValues.size());
    // One row adds nothing to the U-curve (and a one-row colour map has no value extent).
    if (m_shownKey.isEmpty() || rows < 2 || n < 2) {
        m_heatMap->data()->clear();
        m_heatPlot->setVisible(false);
        return;
    }
    m_heatPlot->setVisible(true);
    const double x0 = std::log10(m_rates.front());
    const double x1 = std::log10(m_rates.back());
    QCPColorMapData* data = m_heatMap->data();
    data->setSize(n, rows);
    data->setRange(QCPRange(x0, x1), QCPRange(0, rows - 1));
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    double minPositive = std::numeric_limits<double>::infinity();
    for (const SweepRunResult& r : m_results) {
        const double v = plottedLoss(r.finalLoss);
        if (!r.diverged && std::isfinite(v) && v > 0)
            minPositive = std::min(minPositive, v);
    }
    const double zeroStandIn = std::isfinite(minPositive) ? minPositive / 10.0 : 1e-12;
    for (int j = 0; j < rows; ++j) {
        for (int i = 0; i < n; ++i) {
            const int k = resultIndex(j, i);
            const double x = std::log10(m_rates[static_cast<std::size_t>(i)]);
            double z = kNaN;
            if (k >= 0) {
                const SweepRunResult& r = m_results[static_cast<std::size_t>(k)];
                const double v = plottedLoss(r.finalLoss);
                if (!r.diverged && std::isfinite(v))
                    z = std::log10(v > 0 ? v : zeroStandIn);
            }
            data->setCell(i, j, z);
            if (std::isnan(z)) {
                m_heatDiverged->addData(x, j);
            } else {
                lo = std::min(lo, z);
                hi = std::max(hi, z);
            }
        }
        const int best = m_best[static_cast<std::size_t>(j)];
        if (best >= 0)
            m_heatBest->addData(std::log10(m_rates[static_cast<std::size_t>(best)]), j);
    }
    if (!(lo <= hi)) {
        lo = 0;
        hi = 1;
    } else if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
    }
    m_heatMap->setDataRange(QCPRange(lo, hi));
    m_heatScale->axis()->setLabel(m_shownModel || m_floor == 0.0 ? tr("log₁₀ final loss")
                                                                  : tr("log₁₀(final − f*)"));

    // x: log10(lr) with ticks labelled as rates; y: one row per value, labelled by the value.
    const double half = 0.5 * (x1 - x0) / (n - 1);
    QSharedPointer<QCPAxisTickerText> xTicker(new QCPAxisTickerText);
    const int firstDecade = static_cast<int>(std::ceil(x0 - 1e-9));
    const int lastDecade = static_cast<int>(std::floor(x1 + 1e-9));
    if (lastDecade - firstDecade >= 1) {
        const int stride = std::max(1, (lastDecade - firstDecade + 1) / 6);
        for (int k = firstDecade; k <= lastDecade; k += stride)
            xTicker->addTick(k, rateLabel(std::pow(10.0, k)));
    } else {
        const int stride = std::max(1, n / 6);
        for (int i = 0; i < n; i += stride)
            xTicker->addTick(std::log10(m_rates[static_cast<std::size_t>(i)]),
                             rateLabel(m_rates[static_cast<std::size_t>(i)]));
    }
    m_heatPlot->xAxis->setTicker(xTicker);
    m_heatPlot->xAxis->setNumberFormat(QStringLiteral("g"));  // show the labels as written
    m_heatPlot->xAxis->setRange(x0 - half, x1 + half);
    QSharedPointer<QCPAxisTickerText> yTicker(new QCPAxisTickerText);
    for (int j = 0; j < rows; ++j)
        yTicker->addTick(j, m_shownValues.value(j));
    m_heatPlot->yAxis->setTicker(yTicker);
    m_heatPlot->yAxis->setRange(-0.5, rows - 0.5);
    m_heatPlot->yAxis->setLabel(m_shownKey);
    m_heatPlot->replot(QCustomPlot::rpQueuedReplot);
}

void SweepView::fillTable()
{
    QStringList headers{tr("lr"),
                        m_shownKey.isEmpty() ? tr("vary") : m_shownKey,
                        tr("status"),
                        tr("diverged"),
                        tr("steps"),
                        tr("final loss"),
                        tr("best loss"),
                        tr("val loss"),
                        tr("val acc"),
                        tr("steps to target")};
    m_table->clear();
    m_table->setColumnCount(headers.size());
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(static_cast<int>(m_results.size()));
    for (int row = 0; row < static_cast<int>(m_results.size()); ++row) {
        const SweepRunResult& r = m_results[static_cast<std::size_t>(row)];
        const QStringList cells{
            ScientificSpinBox::format(r.learningRate),
            QString::fromStdString(r.varyValue),
            QString::fromStdString(runStatusName(r.status)),
            r.diverged ? tr("yes") : tr("no"),
            QString::number(r.steps),
            number(r.finalLoss),
            number(r.bestLoss),
            number(r.validationLoss),
            number(r.validationAccuracy),
            r.stepsToTarget >= 0 ? QString::number(r.stepsToTarget) : QString()};
        for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            if (r.diverged)
                item->setForeground(kDivergedColor);
            m_table->setItem(row, col, item);
        }
    }
    m_table->resizeColumnsToContents();
}

QCPGraph* SweepView::lossGraph(int curve) const
{
    return curve >= 0 && curve < curveCount() ? m_lossGraphs[static_cast<std::size_t>(curve)]
                                              : nullptr;
}

QCPGraph* SweepView::validationGraph(int curve) const
{
    return curve >= 0 && curve < curveCount() ? m_valGraphs[static_cast<std::size_t>(curve)]
                                              : nullptr;
}

QCPGraph* SweepView::divergedGraph(int curve) const
{
    return curve >= 0 && curve < curveCount() ? m_divergedGraphs[static_cast<std::size_t>(curve)]
                                              : nullptr;
}

QCPGraph* SweepView::bestGraph(int curve) const
{
    return curve >= 0 && curve < curveCount() ? m_bestGraphs[static_cast<std::size_t>(curve)]
                                              : nullptr;
}

int SweepView::bestIndex(int curve) const
{
    return curve >= 0 && curve < static_cast<int>(m_best.size())
               ? m_best[static_cast<std::size_t>(curve)]
               : -1;
}

QString SweepView::csvText() const
{
    QString out = QStringLiteral("lr,%1,status,diverged,steps,final_loss,best_loss,val_loss,"
                                 "val_acc,steps_to_target\n")
                      .arg(m_shownKey.isEmpty() ? QStringLiteral("vary") : m_shownKey);
    for (const SweepRunResult& r : m_results) {
        out += QString::fromStdString(formatDouble(r.learningRate)) + QLatin1Char(',') +
               QString::fromStdString(r.varyValue) + QLatin1Char(',') +
               QString::fromStdString(runStatusName(r.status)) + QLatin1Char(',') +
               (r.diverged ? QStringLiteral("true") : QStringLiteral("false")) +
               QLatin1Char(',') + QString::number(r.steps) + QLatin1Char(',') +
               QString::fromStdString(formatDouble(r.finalLoss)) + QLatin1Char(',') +
               csvCell(r.bestLoss) + QLatin1Char(',') + csvCell(r.validationLoss) +
               QLatin1Char(',') + csvCell(r.validationAccuracy) + QLatin1Char(',') +
               (r.stepsToTarget >= 0 ? QString::number(r.stepsToTarget) : QString()) +
               QLatin1Char('\n');
    }
    return out;
}

bool SweepView::exportCsv(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        setStatus(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    const QByteArray bytes = csvText().toUtf8();
    if (file.write(bytes) != bytes.size()) {
        setStatus(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    setStatus(tr("Saved %1 rows to %2.").arg(m_results.size()).arg(path), false);
    return true;
}

QString SweepView::pointDescription(int curve, int lrIndex) const
{
    const int k = resultIndex(curve, lrIndex);
    if (k < 0)
        return QString();
    const SweepRunResult& r = m_results[static_cast<std::size_t>(k)];
    QString text = tr("lr %1").arg(ScientificSpinBox::format(r.learningRate));
    if (!m_shownKey.isEmpty())
        text += QStringLiteral(" · %1 %2").arg(m_shownKey, QString::fromStdString(r.varyValue));
    text += tr("\nfinal loss %1 · best %2").arg(number(r.finalLoss), number(r.bestLoss));
    if (!std::isnan(r.validationLoss))
        text += tr(" · val %1").arg(number(r.validationLoss));
    if (!std::isnan(r.validationAccuracy))
        text += tr(" (acc %1 %)").arg(100.0 * r.validationAccuracy, 0, 'f', 1);
    text += r.diverged ? tr("\ndiverged: yes — the steps overshoot")
                       : tr("\ndiverged: no (%1)").arg(QString::fromStdString(runStatusName(r.status)));
    if (r.stepsToTarget >= 0)
        text += tr("\nreached the target at step %1").arg(r.stepsToTarget);
    else if (m_targetCheck->isChecked())
        text += tr("\nnever reached the target");
    if (bestIndex(curve) == lrIndex)
        text += tr("\n◆ the best rate of this curve");
    text += tr("\nclick to load this run");
    return text;
}

void SweepView::activatePoint(int curve, int lrIndex)
{
    const int k = resultIndex(curve, lrIndex);
    if (k < 0 || k >= static_cast<int>(m_points.size()))
        return;
    emit runRequested(m_points[static_cast<std::size_t>(k)].config);
}

void SweepView::activateCell(int lrIndex, int valueIndex)
{
    activatePoint(valueIndex, lrIndex);
}

bool SweepView::pointAt(const QPoint& pos, int& curve, int& lrIndex) const
{
    double bestDistance = kPickRadius;
    bool found = false;
    const int n = static_cast<int>(m_rates.size());
    const auto consider = [&](QCPGraph* graph, int c) {
        if (graph == nullptr)
            return;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            if (std::isnan(it->value))
                continue;
            const double px = graph->keyAxis()->coordToPixel(it->key);
            const double py = graph->valueAxis()->coordToPixel(it->value);
            const double d = std::hypot(px - pos.x(), py - pos.y());
            if (d < bestDistance) {
                // Data keys are the grid's rates themselves: find the index of this one.
                for (int i = 0; i < n; ++i) {
                    if (m_rates[static_cast<std::size_t>(i)] == it->key) {
                        bestDistance = d;
                        curve = c;
                        lrIndex = i;
                        found = true;
                        break;
                    }
                }
            }
        }
    };
    for (int c = 0; c < curveCount(); ++c) {
        consider(m_lossGraphs[static_cast<std::size_t>(c)], c);
        consider(m_valGraphs[static_cast<std::size_t>(c)], c);
        consider(m_divergedGraphs[static_cast<std::size_t>(c)], c);
    }
    return found;
}

bool SweepView::cellAt(const QPoint& pos, int& lrIndex, int& valueIndex) const
{
    if (!m_heatPlot->isVisible() || m_heatMap->data()->isEmpty())
        return false;
    if (!m_heatPlot->axisRect()->rect().contains(pos))
        return false;
    const double key = m_heatPlot->xAxis->pixelToCoord(pos.x());
    const double value = m_heatPlot->yAxis->pixelToCoord(pos.y());
    m_heatMap->data()->coordToCell(key, value, &lrIndex, &valueIndex);
    return lrIndex >= 0 && lrIndex < m_heatMap->data()->keySize() && valueIndex >= 0 &&
           valueIndex < m_heatMap->data()->valueSize();
}

bool SweepView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ToolTip && (watched == m_curvePlot || watched == m_heatPlot)) {
        auto* help = static_cast<QHelpEvent*>(event);
        int curve = 0;
        int lrIndex = 0;
        bool hit = false;
        if (watched == m_curvePlot) {
            hit = pointAt(help->pos(), curve, lrIndex);
        } else {
            hit = cellAt(help->pos(), lrIndex, curve);
        }
        if (hit) {
            QToolTip::showText(help->globalPos(), pointDescription(curve, lrIndex),
                               static_cast<QWidget*>(watched));
            return true;
        }
        // Elsewhere the plot's own tooltip explains how to read it.
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace lrlab
