#include "ui/views/finetune_settings.h"

#include "core/analysis/sweep.h"
#include "core/optimizers/optimizer.h"
#include "ui/controls/scientific_spin_box.h"
#include "ui/views/finetune_view.h"
#include "ui/views/view_helpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace lrlab {

namespace {

constexpr int kMinRates = 2;
constexpr int kMaxRates = 40;

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

} // namespace

FineTuneSettings::FineTuneSettings(QWidget* parent) : QWidget(parent)
{
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(buildTask());
    column->addWidget(buildMethods());
    column->addWidget(buildTraining());
}

QWidget* FineTuneSettings::buildTask()
{
    auto* task = new QGroupBox(FineTuneView::tr("Task"), this);
    auto* taskForm = new QFormLayout(task);
    m_shift = new QComboBox(task);
    m_shift->setObjectName(QStringLiteral("finetuneShift"));
    m_shift->addItem(FineTuneView::tr("mirror (left ↔ right)"), static_cast<int>(Shift::Mirror));
    m_shift->addItem(FineTuneView::tr("rotate 90°"), static_cast<int>(Shift::Rotate90));
    m_shift->addItem(FineTuneView::tr("invert intensities"), static_cast<int>(Shift::Invert));
    m_shift->setToolTip(FineTuneView::tr(
        "The target task: the same digits, shifted. The source model was pre-trained on the "
        "plain images; fine-tuning adapts it to the shifted ones. Mirroring and rotating keep "
        "the strokes but move them; inverting keeps the shapes but flips every pixel."));
    m_trainSize = makeSpinBox(
        task, QStringLiteral("finetuneTrainSize"), 1, 100000, 100,

        FineTuneView::tr(
            "Target training images (a seeded draw; larger than the training split means all). "
            "Fine-tuning is usually done on small data: 100 images of a task the model has never "
            "seen. Small data give noisy gradients, which is why they are said to need smaller "
            "LRs."));
    m_sizes = new QLineEdit(task);
    m_sizes->setObjectName(QStringLiteral("finetuneSizes"));
    m_sizes->setPlaceholderText(FineTuneView::tr("e.g. 50,200,all"));
    m_sizes->setToolTip(FineTuneView::tr(
        "Optional: repeat the sweep for each training-set size (comma-separated, 'all' for "
        "the whole training split) and plot the best LR against the size; Training size is "
        "then not used. Empty: one size, the one above."));
    // Crossed sizes replace the single size: the field is disabled and says why.
    const QString trainSizeTip = m_trainSize->toolTip();
    const auto updateTrainSize = [this, trainSizeTip](const QString& sizes) {
        const bool crossed = !sizes.trimmed().isEmpty();
        m_trainSize->setEnabled(!crossed);
        m_trainSize->setToolTip(
            crossed ? FineTuneView::tr("Not used while Cross sizes is set: the sweep runs at "
                                       "each of those sizes instead. Clear Cross sizes to run "
                                       "at this one.")
                    : trainSizeTip);
    };
    connect(m_sizes, &QLineEdit::textChanged, this, updateTrainSize);
    taskForm->addRow(FineTuneView::tr("S&hift"), m_shift);
    taskForm->addRow(FineTuneView::tr("Training &size"), m_trainSize);
    taskForm->addRow(FineTuneView::tr("Cross si&zes"), m_sizes);
    return task;
}

QWidget* FineTuneSettings::buildMethods()
{
    auto* methods = new QGroupBox(FineTuneView::tr("Methods"), this);
    auto* methodForm = new QFormLayout(methods);
    const QString methodTips[3] = {
        FineTuneView::tr(
            "Full fine-tuning: every weight and bias of the pre-trained MLP is trained. Most "
            "capacity, and the most to destroy: a large LR overwrites what pre-training learned "
            "(the commonly quoted rate for large models is a small 5e-6)."),
        FineTuneView::tr(
            "LoRA (Hu et al., 2021): each hidden weight W becomes W + (α/r)·B·A; only the small "
            "A and B are trained, B starts at zero, the pre-trained W stays frozen. Few "
            "parameters and a product that starts at zero: it is said to want a larger LR "
            "(commonly 1e-4)."),
        FineTuneView::tr(
            "Head-only (linear probe): only the output layer is trained on the frozen "
            "pre-trained features. Cheapest; limited by how well the old features fit the new "
            "task.")};
    const QString methodTexts[3] = {FineTuneView::tr("&Full fine-tuning"),
                                    FineTuneView::tr("Lo&RA"), FineTuneView::tr("&Head only")};
    const char* methodNames[3] = {"finetuneFull", "finetuneLora", "finetuneHead"};
    for (int i = 0; i < 3; ++i) {
        m_methodChecks[i] = new QCheckBox(methodTexts[i], methods);
        m_methodChecks[i]->setObjectName(QString::fromLatin1(methodNames[i]));
        m_methodChecks[i]->setChecked(true);
        m_methodChecks[i]->setToolTip(methodTips[i]);
        methodForm->addRow(m_methodChecks[i]);
    }
    m_rank = makeSpinBox(
        methods, QStringLiteral("finetuneRank"), 1, 128, 8,
        FineTuneView::tr("LoRA rank r: A is r×in, B is out×r. Trainable parameters grow "
                         "linearly with r (PEFT's default 8)."));
    m_alpha = new QDoubleSpinBox(methods);
    m_alpha->setObjectName(QStringLiteral("finetuneAlpha"));
    m_alpha->setRange(0.01, 1024.0);
    m_alpha->setDecimals(2);
    m_alpha->setValue(8.0);
    m_alpha->setToolTip(
        FineTuneView::tr("LoRA α: the update B·A is scaled by α/r, so α acts like a "
                         "multiplier on LoRA's learning rate. With α = r the scale is 1."));
    methodForm->addRow(FineTuneView::tr("LoRA ran&k r"), m_rank);
    methodForm->addRow(FineTuneView::tr("LoRA &α"), m_alpha);
    connect(m_methodChecks[1], &QCheckBox::toggled, m_rank, &QWidget::setEnabled);
    connect(m_methodChecks[1], &QCheckBox::toggled, m_alpha, &QWidget::setEnabled);
    return methods;
}

QWidget* FineTuneSettings::buildTraining()
{
    auto* training = new QGroupBox(FineTuneView::tr("Training"), this);
    auto* trainForm = new QFormLayout(training);
    m_optimizer = new QComboBox(training);
    m_optimizer->setObjectName(QStringLiteral("finetuneOptimizer"));
    for (const std::string& name : optimizerNames())
        m_optimizer->addItem(QString::fromStdString(name));
    m_optimizer->setCurrentText(QStringLiteral("adamw"));
    m_optimizer->setToolTip(FineTuneView::tr(
        "The optimizer of every run, with PyTorch's defaults (AdamW: weight decay 0.01). The "
        "quoted fine-tuning LRs are AdamW rates. Pick adam8bit to see its state cost in the "
        "memory table (adam vs adam8bit are listed for every method anyway)."));
    trainForm->addRow(FineTuneView::tr("&Optimizer"), m_optimizer);
    m_rates = addRateGrid(
        trainForm, training, QStringLiteral("finetune"),
        {FineTuneView::tr("LR &from"), FineTuneView::tr("LR &to"), FineTuneView::tr("&Rates"),
         FineTuneView::tr("The smallest learning rate of the grid."),
         FineTuneView::tr("The largest learning rate of the grid: go far enough right to see "
                          "forgetting set in and runs fall apart."),
         FineTuneView::tr("How many rates, evenly spaced on a log scale (13 over four decades "
                          "is three per decade). Each is one run per method (and size).")},
        1e-8, 10.0, kMinRates, kMaxRates);
    m_rates.set(1e-5, 1e-1, 13);
    m_steps = makeSpinBox(
        training, QStringLiteral("finetuneSteps"), 1, 100000, 200,
        FineTuneView::tr("Optimizer updates per run. The best LR depends on it: fewer steps "
                         "favour larger rates."));
    m_batch = makeSpinBox(training, QStringLiteral("finetuneBatch"), 1, 4096, 32,
                          FineTuneView::tr("Minibatch size (capped at the training-set size)."));
    m_seed = makeSpinBox(
        training, QStringLiteral("finetuneSeed"), 0, 1000000, 1,
        FineTuneView::tr("Seeds the split, the pre-training, the minibatches and LoRA's A. A "
                         "new seed pre-trains a new source model (cached too)."));
    trainForm->addRow(FineTuneView::tr("Ste&ps"), m_steps);
    trainForm->addRow(FineTuneView::tr("&Batch size"), m_batch);
    trainForm->addRow(FineTuneView::tr("S&eed"), m_seed);
    return training;
}

void FineTuneSettings::setShift(Shift shift)
{
    const int index = m_shift->findData(static_cast<int>(shift));
    if (index >= 0)
        m_shift->setCurrentIndex(index);
}

void FineTuneSettings::setTrainSize(int size)
{
    m_trainSize->setValue(size <= 0 ? m_trainSize->maximum() : size);
}

void FineTuneSettings::setMethods(const std::vector<FineTuneMethod>& methods)
{
    for (FineTuneMethod m : kFineTuneMethods)
        m_methodChecks[methodIndex(m)]->setChecked(std::find(methods.begin(), methods.end(), m) !=
                                                   methods.end());
}

void FineTuneSettings::setLoraOptions(int rank, double alpha)
{
    m_rank->setValue(rank);
    m_alpha->setValue(alpha);
}

void FineTuneSettings::setOptimizer(const QString& type)
{
    const int index = m_optimizer->findText(type);
    if (index >= 0)
        m_optimizer->setCurrentIndex(index);
}

void FineTuneSettings::setLearningRateRange(double from, double to, int count)
{
    m_rates.set(from, to, count);
}

void FineTuneSettings::setSteps(int steps)
{
    m_steps->setValue(steps);
}

void FineTuneSettings::setBatchSize(int batchSize)
{
    m_batch->setValue(batchSize);
}

void FineTuneSettings::setSeed(int seed)
{
    m_seed->setValue(seed);
}

void FineTuneSettings::setSizes(const QString& sizes)
{
    m_sizes->setText(sizes);
}

int FineTuneSettings::trainSize() const
{
    return m_trainSize->value();
}

int FineTuneSettings::steps() const
{
    return m_steps->value();
}

bool FineTuneSettings::request(FineTuneRequest& request, QString& error) const
{
    error.clear();
    request = FineTuneRequest{};
    request.data.shift = static_cast<Shift>(m_shift->currentData().toInt());
    request.data.recipe.seed = static_cast<std::uint64_t>(m_seed->value());
    FineTuneSweepSpec& sweep = request.sweep;
    sweep.methods.clear();
    for (FineTuneMethod m : kFineTuneMethods)
        if (m_methodChecks[methodIndex(m)]->isChecked())
            sweep.methods.push_back(m);
    if (sweep.methods.empty()) {
        error = FineTuneView::tr("Pick at least one method.");
        return false;
    }
    if (!(m_rates.from->value() < m_rates.to->value())) {
        error = FineTuneView::tr("The first learning rate must be smaller than the last.");
        return false;
    }
    sweep.sizes = parseSizes(m_sizes->text(), error);
    if (!error.isEmpty())
        return false;
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
    sweep.rates =
        logSpacedRates(m_rates.from->value(), m_rates.to->value(), m_rates.count->value());
    return true;
}

} // namespace lrlab
