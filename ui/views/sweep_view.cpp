#include "ui/views/sweep_view.h"

#include "core/analysis/sweep.h"
#include "core/problems/toy_surface.h"
#include "core/util/output_file.h"
#include "ui/controls/scientific_spin_box.h"
#include "ui/views/sweep_plots.h"
#include "ui/views/view_helpers.h"
#include "ui/widgets/job_strip.h"
#include "ui/worker/background_job.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <cmath>
#include <exception>

namespace lrlab {

namespace {

constexpr int kMinRates = 3;
constexpr int kMaxRates = 40;

/// The crossed settings the view offers, with the label shown in the combo box.
struct CrossChoice
{
    const char* key;
    const char* label;
};
const CrossChoice kCrossChoices[] = {
    {"", QT_TRANSLATE_NOOP("lrlab::SweepView", "none")},
    {"optimizer", QT_TRANSLATE_NOOP("lrlab::SweepView", "optimizer")},
    {"momentum", QT_TRANSLATE_NOOP("lrlab::SweepView", "momentum")},
    {"batch_size", QT_TRANSLATE_NOOP("lrlab::SweepView", "batch size (models)")},
    {"warmup_steps", QT_TRANSLATE_NOOP("lrlab::SweepView", "warmup steps")},
    {"weight_decay", QT_TRANSLATE_NOOP("lrlab::SweepView", "weight decay")}};

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

} // namespace

SweepView::SweepView(QWidget* parent) : JobView(QStringLiteral("sweep"), parent)
{
    auto* layout = new QHBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(new ControlsScrollArea(buildControls()));
    m_plots = new SweepPlots(m_shown, splitter);
    splitter->addWidget(m_plots);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter);

    connect(job(), &BackgroundJob::failed, this, [this](quint64, const QString& message) {
        setStatus(tr("The sweep failed: %1").arg(message), true);
        emit sweepFailed(message);
    });
    connect(m_plots, &SweepPlots::runActivated, this, &SweepView::activatePoint);

    updateControlsForBase();
    m_exportButton->setEnabled(false);
}

// The job (a child) cancels and waits for every sweep when it is destroyed.
SweepView::~SweepView() = default;

QWidget* SweepView::buildControls()
{
    auto* panel = new QWidget(this);
    auto* column = new QVBoxLayout(panel);

    m_baseLabel = new QLabel(panel);
    m_baseLabel->setObjectName(QStringLiteral("sweepBase"));
    m_baseLabel->setWordWrap(true);
    m_baseLabel->setToolTip(tr("The experiment being swept: the explorer's current settings. "
                               "Only its learning rate (and the crossed setting) change."));
    column->addWidget(m_baseLabel);

    auto* rates = new QGroupBox(tr("Learning rates"), panel);
    auto* rateForm = new QFormLayout(rates);
    m_rates = addRateGrid(rateForm, rates, QStringLiteral("sweep"),
                          {tr("&From"), tr("&To"), tr("&Count"),
                           tr("The smallest learning rate of the grid."),
                           tr("The largest learning rate of the grid. Go far enough right to see "
                              "the runs diverge: the cliff is what locates the best rate."),
                           tr("How many rates, evenly spaced on a log scale (13 over four decades "
                              "is three per decade). Each is one full training run.")},
                          1e-8, 100.0, kMinRates, kMaxRates);
    m_rates.set(1e-4, 1.0, 13);
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
    connect(m_crossCombo, &QComboBox::currentIndexChanged, this, &SweepView::crossedSettingChanged);
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

    strip()->setRunAction(tr("&Run sweep"),
                          tr("Run every rate of the grid (× every value) in parallel on all "
                             "cores (Ctrl+Return). A sweep already running is abandoned."));
    strip()->setCancelAction(tr("Cance&l"),
                             tr("Stop the sweep now (Esc). Runs check for it every step."));
    strip()->runButton()->setDefault(true);
    strip()->setProgressFormat(tr("%v / %m runs"));
    column->addWidget(strip());

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

void SweepView::setBaseConfig(const lrlab::RunConfig& config)
{
    m_base = config;
    updateControlsForBase();
}

void SweepView::setLearningRateRange(double from, double to, int count)
{
    m_rates.set(from, to, count);
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

QCustomPlot* SweepView::uCurvePlot() const
{
    return m_plots->uCurvePlot();
}

QCustomPlot* SweepView::heatMapPlot() const
{
    return m_plots->heatMapPlot();
}

QCPColorMap* SweepView::heatMap() const
{
    return m_plots->heatMap();
}

int SweepView::curveCount() const
{
    return m_plots->curveCount();
}

QCPGraph* SweepView::lossGraph(int curve) const
{
    return m_plots->lossGraph(curve);
}

QCPGraph* SweepView::validationGraph(int curve) const
{
    return m_plots->validationGraph(curve);
}

QCPGraph* SweepView::divergedGraph(int curve) const
{
    return m_plots->divergedGraph(curve);
}

QCPGraph* SweepView::bestGraph(int curve) const
{
    return m_plots->bestGraph(curve);
}

void SweepView::refuse(const QString& message)
{
    setStatus(message, true);
    emit sweepFailed(message);
}

void SweepView::run()
{
    const double from = m_rates.from->value();
    const double to = m_rates.to->value();
    const int count = m_rates.count->value();
    if (!(from < to)) {
        refuse(tr("The first learning rate must be smaller than the last."));
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
            refuse(tr("Give at least one value for %1.").arg(key));
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
            floor =
                makeToySurface(m_base.problem.type, m_base.problem.parameters)->info().minimumValue;
    } catch (const std::exception& e) {
        refuse(tr("Cannot sweep: %1").arg(QString::fromUtf8(e.what())));
        return;
    }

    m_pending = SweepOutcome{};
    m_pending.points = std::move(points);
    m_pending.rates = rates;
    m_pending.key = key;
    m_pending.values = values;
    m_pending.floor = floor;
    m_pending.model = isModelType(m_base.problem.type);
    m_pending.targetSet = m_targetCheck->isChecked();

    // The job owns copies of the points: it never touches the widget. Starting it abandons the
    // sweep still running (its results are never shown).
    SweepOptions options;
    options.threads = m_threads;
    options.targetLoss = m_targetCheck->isChecked() ? m_target->value() : -1.0;
    const std::vector<SweepPoint> jobPoints = m_pending.points;
    const int total = static_cast<int>(jobPoints.size());
    job()->start(
        [jobPoints, options, total](const JobContext& context) {
            SweepOptions run = options;
            run.cancel = &context.cancel;
            run.progress = [&context](int done, int all) { context.progress(done, all); };
            context.progress(0, total);
            return runSweep(jobPoints, run);
        },
        [this](quint64, std::vector<SweepRunResult> results) { finish(std::move(results)); });
    setStatus(tr("Running %1 runs…").arg(total), false);
    emit sweepStarted(total);
}

void SweepView::cancel()
{
    if (!job()->isRunning())
        return;
    job()->cancel(); // the strip says after how many runs
    m_pending = SweepOutcome{};
    emit sweepCancelled();
}

void SweepView::finish(std::vector<SweepRunResult> results)
{
    m_shown = std::move(m_pending);
    m_pending = SweepOutcome{};
    m_shown.results = std::move(results);
    m_shown.findBest();
    const int runs = static_cast<int>(m_shown.results.size());
    emit progressChanged(runs, static_cast<int>(m_shown.points.size()));
    m_plots->showOutcome();
    setStatus(m_shown.summary(), false);
    m_exportButton->setEnabled(runs > 0);
    emit sweepFinished(runs); // last: a slot may start the next sweep
}

bool SweepView::exportCsv(const QString& path)
{
    try {
        writeOutputFile(path, csvText().toUtf8()); // atomic for a file, in place for a device
    } catch (const std::exception& e) {
        QString reason = QString::fromUtf8(e.what());
        if (reason.startsWith(path + ": "))
            reason.remove(0, path.size() + 2); // the message names the path already
        setStatus(tr("Cannot write %1: %2").arg(path, reason), true);
        return false;
    }
    setStatus(tr("Saved %1 rows to %2.").arg(m_shown.results.size()).arg(path), false);
    return true;
}

void SweepView::activatePoint(int curve, int lrIndex)
{
    const int k = m_shown.resultIndex(curve, lrIndex);
    if (k < 0 || k >= static_cast<int>(m_shown.points.size()))
        return;
    emit runRequested(m_shown.points[static_cast<std::size_t>(k)].config);
}

void SweepView::activateCell(int lrIndex, int valueIndex)
{
    activatePoint(valueIndex, lrIndex);
}

} // namespace lrlab
