#include "ui/views/finetune_view.h"

#include "core/engine/model_problem.h"
#include "core/finetune/pretrain_cache.h"
#include "ui/views/finetune_curves.h"
#include "ui/views/finetune_run_plot.h"
#include "ui/views/finetune_settings.h"
#include "ui/views/finetune_summary.h"
#include "ui/views/finetune_tables.h"
#include "ui/views/view_helpers.h"
#include "ui/widgets/job_strip.h"
#include "ui/worker/background_job.h"

#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QMutex>
#include <QMutexLocker>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>

namespace lrlab {

namespace {

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
           a.learningRate == b.learningRate && a.batchSize == b.batchSize && a.epochs == b.epochs &&
           a.valFraction == b.valFraction && a.seed == b.seed;
}

} // namespace

struct FineTuneView::PreparedData
{
    mutable QMutex mutex;
    std::shared_ptr<const FineTuneData> data;

    std::shared_ptr<const FineTuneData> get() const
    {
        QMutexLocker lock(&mutex);
        return data;
    }
    void set(std::shared_ptr<const FineTuneData> prepared)
    {
        QMutexLocker lock(&mutex);
        data = std::move(prepared);
    }
};

FineTuneView::FineTuneView(QWidget* parent)
    : JobView(QStringLiteral("finetune"), parent), m_prepared(std::make_shared<PreparedData>())
{
    auto* layout = new QHBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(new ControlsScrollArea(buildControls()));
    splitter->addWidget(buildPlots());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter);

    connect(job(), &BackgroundJob::failed, this, [this](quint64, const QString& message) {
        m_preparing = false;
        setStatus(tr("Fine-tuning failed: %1").arg(message), true);
        emit failed(message);
    });
    connect(m_curves, &FineTuneCurves::runActivated, this, &FineTuneView::selectRun);
    connect(m_curves, &FineTuneCurves::sizeActivated, this, &FineTuneView::setShownSize);
    connect(m_tables, &FineTuneTables::runActivated, this, &FineTuneView::selectRun);
    showResults();
}

// The job (a child) cancels and waits for every sweep when it is destroyed: sweep runs check
// their flag every step; only a pre-training already under way (about a second) runs to its end.
FineTuneView::~FineTuneView() = default;

QWidget* FineTuneView::buildControls()
{
    auto* panel = new QWidget(this);
    auto* column = new QVBoxLayout(panel);
    m_settings = new FineTuneSettings(panel);
    column->addWidget(m_settings);

    strip()->setRunAction(tr("R&un"),
                          tr("Run every method at every rate (× every size) in parallel on "
                             "all cores (Ctrl+Return). A sweep already running is abandoned."));
    strip()->setCancelAction(tr("Cance&l"), tr("Stop now (Esc). Runs check for it every step."));
    strip()->runButton()->setDefault(true);
    strip()->setProgressFormat(tr("%v / %m runs"));
    column->addWidget(strip());

    auto* shownRow = new QHBoxLayout;
    m_shownSizeCombo = new QComboBox(panel);
    m_shownSizeCombo->setObjectName(QStringLiteral("finetuneShownSize"));
    m_shownSizeCombo->setToolTip(tr("Which training-set size the accuracy and forgetting plots "
                                    "show (when sizes are crossed)."));
    auto* shownLabel = new QLabel(tr("Sho&w size"), panel);
    shownLabel->setBuddy(m_shownSizeCombo);
    shownRow->addWidget(shownLabel);
    shownRow->addWidget(m_shownSizeCombo, 1);
    connect(m_shownSizeCombo, &QComboBox::activated, this,
            [this](int index) { setShownSize(m_shownSizeCombo->itemData(index).toInt()); });
    column->addLayout(shownRow);
    column->addStretch(1);
    return panel;
}

QWidget* FineTuneView::buildPlots()
{
    auto* vertical = new QSplitter(Qt::Vertical, this);

    // Row 1: accuracy against LR, forgetting against LR.
    auto* top = new QSplitter(Qt::Horizontal, vertical);
    m_curves = new FineTuneCurves(m_shown, top);
    top->addWidget(m_curves->accuracyPlot());
    top->addWidget(m_curves->forgettingPlot());

    // Row 2: the selected run's curves, best LR against size.
    auto* middle = new QSplitter(Qt::Horizontal, vertical);
    m_runPlot = new FineTuneRunPlot(middle);
    middle->addWidget(m_runPlot);
    middle->addWidget(m_curves->sizePlot());
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 2);
    middle->setSizes({560, 440});
    middle->setChildrenCollapsible(false);
    // Sized once the size plot, made in the top row, has moved to the middle one: the top row's
    // indexes are its two plots only from here.
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    top->setSizes({600, 400});
    top->setChildrenCollapsible(false); // a plot squeezed to nothing would be out of sight

    // Row 3: the summary and the tables.
    auto* bottom = new QSplitter(Qt::Horizontal, vertical);
    m_summary = new QTextBrowser(bottom);
    m_summary->setObjectName(QStringLiteral("finetuneSummary"));
    m_summary->setOpenLinks(false);
    m_summary->setMinimumHeight(120);
    m_summary->setToolTip(tr("What the measured curves show, next to the learning rates "
                             "commonly quoted for fine-tuning large models."));
    m_tables = new FineTuneTables(bottom);
    bottom->addWidget(m_summary);
    bottom->addWidget(m_tables);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({600, 400});
    bottom->setChildrenCollapsible(false);

    vertical->addWidget(top);
    vertical->addWidget(middle);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 5);
    vertical->setStretchFactor(1, 3);
    vertical->setStretchFactor(2, 2);
    vertical->setSizes({500, 320, 230});
    vertical->setChildrenCollapsible(false);
    return vertical;
}

// --- settings and state ------------------------------------------------------------------

void FineTuneView::setShift(Shift shift)
{
    m_settings->setShift(shift);
}

void FineTuneView::setTrainSize(int size)
{
    m_settings->setTrainSize(size);
}

void FineTuneView::setMethods(const std::vector<FineTuneMethod>& methods)
{
    m_settings->setMethods(methods);
}

void FineTuneView::setLoraOptions(int rank, double alpha)
{
    m_settings->setLoraOptions(rank, alpha);
}

void FineTuneView::setOptimizer(const QString& type)
{
    m_settings->setOptimizer(type);
}

void FineTuneView::setLearningRateRange(double from, double to, int count)
{
    m_settings->setLearningRateRange(from, to, count);
}

void FineTuneView::setSteps(int steps)
{
    m_settings->setSteps(steps);
}

void FineTuneView::setBatchSize(int batchSize)
{
    m_settings->setBatchSize(batchSize);
}

void FineTuneView::setSeed(int seed)
{
    m_settings->setSeed(seed);
}

void FineTuneView::setSizes(const QString& sizes)
{
    m_settings->setSizes(sizes);
}

bool FineTuneView::isPreparing() const
{
    return job()->isRunning() && m_preparing;
}

QString FineTuneView::summaryText() const
{
    return m_summary->toPlainText();
}

QCustomPlot* FineTuneView::accuracyPlot() const
{
    return m_curves->accuracyPlot();
}

QCustomPlot* FineTuneView::forgettingPlot() const
{
    return m_curves->forgettingPlot();
}

QCustomPlot* FineTuneView::sizePlot() const
{
    return m_curves->sizePlot();
}

QCustomPlot* FineTuneView::runPlot() const
{
    return m_runPlot;
}

QCPGraph* FineTuneView::runLossGraph() const
{
    return m_runPlot->lossGraph();
}

QCPGraph* FineTuneView::runValidationLossGraph() const
{
    return m_runPlot->validationLossGraph();
}

QCPGraph* FineTuneView::runTargetAccuracyGraph() const
{
    return m_runPlot->targetAccuracyGraph();
}

QCPGraph* FineTuneView::runSourceAccuracyGraph() const
{
    return m_runPlot->sourceAccuracyGraph();
}

QCPGraph* FineTuneView::targetGraph(FineTuneMethod method) const
{
    return m_curves->targetGraph(method);
}

QCPGraph* FineTuneView::sourceGraph(FineTuneMethod method) const
{
    return m_curves->sourceGraph(method);
}

QCPGraph* FineTuneView::bestGraph(FineTuneMethod method) const
{
    return m_curves->bestGraph(method);
}

QCPItemText* FineTuneView::bestLabel(FineTuneMethod method) const
{
    return m_curves->bestLabel(method);
}

QCPGraph* FineTuneView::forgettingGraph(FineTuneMethod method) const
{
    return m_curves->forgettingGraph(method);
}

QCPGraph* FineTuneView::sizeGraph(FineTuneMethod method) const
{
    return m_curves->sizeGraph(method);
}

// --- the job ------------------------------------------------------------------------------

std::shared_ptr<const FineTuneData> FineTuneView::reusableData(const FineTuneDataSpec& spec) const
{
    const std::shared_ptr<const FineTuneData> data = m_prepared->get();
    if (data == nullptr)
        return nullptr;
    const FineTuneDataSpec& have = data->spec();
    if (have.dataset != spec.dataset || have.shift != spec.shift ||
        have.cacheDirectory != spec.cacheDirectory || !sameRecipe(have.recipe, spec.recipe))
        return nullptr;
    return data;
}

void FineTuneView::refuse(const QString& message)
{
    setStatus(message, true);
    emit failed(message);
}

void FineTuneView::run()
{
    FineTuneRequest request;
    QString error;
    if (!m_settings->request(request, error)) {
        refuse(error);
        return;
    }
    const FineTuneSweepSpec& sweep = request.sweep;
    const int sizes = sweep.sizes.empty() ? 1 : static_cast<int>(sweep.sizes.size());
    const int total =
        sizes * static_cast<int>(sweep.methods.size()) * static_cast<int>(sweep.rates.size());
    const std::shared_ptr<const FineTuneData> data = reusableData(request.data);
    const std::shared_ptr<PreparedData> prepared = m_prepared;
    const int threads = m_threads;
    // The job owns copies of the request and shares of the data: it never touches the widget;
    // its phases reach the view as posts, dropped once a newer run() or cancel() came.
    job()->start(
        [this, request, data, prepared, threads, total](const JobContext& context) {
            JobResult out;
            out.data = data;
            if (out.data == nullptr) {
                context.progress(0, 0);
                // Say "pre-training" only when the cache has no file for these settings.
                const auto source = cachedDataset(request.data.dataset);
                const bool pretraining = !QFile::exists(
                    cacheFileOf(request.data.recipe, *source, request.data.cacheDirectory));
                context.post([this, pretraining] { showPreparing(pretraining); });
                out.data = FineTuneData::create(request.data);
                prepared->set(out.data); // reusable whatever becomes of this job
            }
            if (context.isCancelled())
                return out;
            context.post([this] { showSweeping(); });
            context.progress(0, total);
            FineTuneSweepOptions options;
            options.threads = threads;
            options.cancel = &context.cancel;
            options.progress = [&context](int done, int all) { context.progress(done, all); };
            options.keepCurves = true; // a few kB a run: clicks show curves without a re-run
            out.results = runFineTuneSweep(*out.data, request.sweep, options);
            return out;
        },
        [this](quint64, JobResult result) { finish(std::move(result)); });
    m_pending = request;
    m_total = total;
    m_preparing = data == nullptr;
    setStatus(m_preparing ? tr("Preparing the data…") : tr("Running %1 runs…").arg(total), false);
    emit started(total);
}

void FineTuneView::cancel()
{
    if (!job()->isRunning())
        return;
    const bool preparing = m_preparing;
    m_preparing = false;
    job()->cancel(); // the strip says after how many runs
    if (preparing)
        setStatus(tr("Cancelled while preparing (the pre-training finishes in the "
                     "background and is cached)."),
                  false);
    emit cancelled();
}

void FineTuneView::showPreparing(bool pretraining)
{
    m_preparing = true;
    setStatus(pretraining ? tr("Pre-training the source model on digits… (first time only: the "
                               "weights are cached on disk)")
                          : tr("Loading the data and the cached pre-trained model…"),
              false);
}

void FineTuneView::showSweeping()
{
    m_preparing = false;
    setStatus(tr("Running %1 runs…").arg(m_total), false);
}

void FineTuneView::finish(JobResult result)
{
    m_preparing = false;
    if (result.data == nullptr) {
        setStatus(tr("Fine-tuning failed: %1").arg(tr("no data")), true);
        emit failed(tr("no data"));
        return;
    }
    const int previousSize = m_shown.shownSize;
    m_shown = FineTuneOutcome{};
    m_shown.request = m_pending;
    m_shown.results = std::move(result.results);
    m_shown.rates = m_pending.sweep.rates;
    m_shown.methods = m_pending.sweep.methods;
    const int perSize = static_cast<int>(m_shown.methods.size() * m_shown.rates.size());
    for (int i = 0; perSize > 0 && i < static_cast<int>(m_shown.results.size()); i += perSize)
        m_shown.trainSizes.push_back(m_shown.results[static_cast<std::size_t>(i)].trainSize);
    const FineTuneData& data = *result.data;
    m_shown.preSource = data.pretrainedSourceValidation().accuracy;
    m_shown.preTarget = data.pretrainedTargetValidation().accuracy;
    m_shown.fromCache = data.pretrained().loadedFromCache;
    // Keep the shown size across sweeps when it still exists; else the size control's value,
    // else the first size.
    m_shown.shownSize = previousSize;
    if (!m_shown.hasSize(previousSize)) {
        const int wanted = std::min(m_settings->trainSize(), data.targetTrainCount());
        m_shown.shownSize = m_shown.hasSize(wanted)
                                ? wanted
                                : (m_shown.trainSizes.empty() ? 0 : m_shown.trainSizes.front());
    }
    const int runs = static_cast<int>(m_shown.results.size());
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
        status +=
            tr(" Pre-trained without a cache: %1.").arg(QString::fromStdString(pre.cacheProblem));
    status += tr(" Click a point to see its loss curves.");
    setStatus(status, false);
    emit finished(runs); // last: a slot may start the next sweep
}

// --- what is shown --------------------------------------------------------------------------

void FineTuneView::setShownSize(int size)
{
    if (!m_shown.hasSize(size))
        return;
    m_shown.shownSize = size;
    showResults();
}

void FineTuneView::showResults()
{
    m_shown.best = lrlab::bestRates(m_shown.results);
    updateShownSizeCombo();
    m_curves->showOutcome();
    m_tables->showOutcome(m_shown);
    showSummary();
    // Show a run at once: the selected one if it is of the shown size, else the best run of the
    // first method (full fine-tuning when it ran).
    int index = -1;
    for (FineTuneMethod m : m_shown.methods) {
        for (const BestRate& b : m_shown.best)
            if (b.method == m && b.trainSize == m_shown.shownSize && b.index >= 0) {
                index = b.index;
                break;
            }
        if (index >= 0)
            break;
    }
    const int selected = m_shown.selected;
    if (selected >= 0 && selected < static_cast<int>(m_shown.results.size()) &&
        m_shown.results[static_cast<std::size_t>(selected)].trainSize == m_shown.shownSize)
        index = selected;
    if (index >= 0) {
        selectRun(index);
    } else {
        m_shown.selected = -1;
        m_runPlot->clearRun(m_settings->steps());
        m_curves->markRun(nullptr);
    }
}

void FineTuneView::updateShownSizeCombo()
{
    m_shownSizeCombo->clear();
    for (int size : m_shown.trainSizes)
        m_shownSizeCombo->addItem(QString::number(size), size);
    const int index = m_shownSizeCombo->findData(m_shown.shownSize);
    if (index >= 0)
        m_shownSizeCombo->setCurrentIndex(index);
    m_shownSizeCombo->setEnabled(m_shown.trainSizes.size() >= 2);
}

void FineTuneView::showSummary()
{
    FineTuneSummaryInput input;
    input.results = &m_shown.results;
    input.best = m_shown.best;
    input.shownSize = m_shown.shownSize;
    input.sizes = m_shown.trainSizes;
    input.pretrainedSourceAccuracy = m_shown.preSource;
    input.pretrainedTargetAccuracy = m_shown.preTarget;
    input.shift = QString::fromStdString(shiftName(m_shown.request.data.shift));
    input.optimizer = QString::fromStdString(m_shown.request.sweep.base.optimizer.type);
    input.steps = m_shown.request.sweep.base.steps;
    m_summary->setHtml(fineTuneSummaryHtml(input));
}

void FineTuneView::selectRun(int index)
{
    if (index < 0 || index >= static_cast<int>(m_shown.results.size()))
        return;
    const FineTuneResult& r = m_shown.results[static_cast<std::size_t>(index)];
    m_shown.selected = index;
    if (r.trainSize != m_shown.shownSize) {
        // A run of another size (from the table): show that size's curves first.
        m_shown.shownSize = r.trainSize;
        showResults();
        return;
    }
    m_runPlot->showRun(r, m_shown.request.sweep.base.steps);
    m_curves->markRun(&r);
    m_tables->selectRun(index);
    emit runSelected(index);
}

} // namespace lrlab
