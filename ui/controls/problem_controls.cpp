#include "ui/controls/problem_controls.h"

#include "core/datasets/dataset.h"
#include "core/datasets/idx_loader.h"
#include "core/engine/model_problem.h"
#include "ui/controls/display_names.h"
#include "ui/controls/form_fields.h"
#include "ui/worker/background_job.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSpinBox>

#include <limits>

namespace lrlab {

namespace {

/// Combo data of the "Open CSV…" entry of the dataset list.
const char* const kOpenCsv = "__open_csv__";

QString hiddenText(const std::vector<int>& widths)
{
    QStringList parts;
    for (const int w : widths)
        parts << QString::number(w);
    return parts.join(QStringLiteral(", "));
}

/// The dataset a model config trains on (an empty name is the type's default).
std::string datasetOf(const RunConfig& config)
{
    return config.problem.dataset.empty() ? defaultDataset(config.problem.type)
                                          : config.problem.dataset;
}

} // namespace

ProblemControls::ProblemControls(ExperimentModel* model, QWidget* parent)
    : ConfigGroup(tr("Problem"), model, parent)
{
    m_featureJob = new BackgroundJob(this);
    m_csvJob = new BackgroundJob(this);
    // A CSV that cannot be read never becomes the dataset nor an entry of the list: the
    // experiment stays as it was and the message names the file and what is wrong.
    connect(m_csvJob, &BackgroundJob::failed, this, [this](quint64, const QString& message) {
        m_model->reject(QStringLiteral("problem.dataset"), tr("problem.dataset: %1").arg(message));
    });
    build();
    followModel(ConfigChange::Problem | ConfigChange::Start | ConfigChange::Seed |
                ConfigChange::Evaluation);
}

ProblemControls::~ProblemControls() = default;

void ProblemControls::build()
{
    m_problem = new QComboBox(this);
    m_problem->setObjectName(QStringLiteral("problemCombo"));
    for (const ToySurfaceDescriptor& d : toySurfaceCatalogue())
        m_problem->addItem(surfaceDisplayName(d), QString::fromStdString(d.name));
    m_problem->insertSeparator(m_problem->count());
    for (const std::string& type : modelTypeNames())
        m_problem->addItem(modelDisplayName(type), QString::fromStdString(type));
    m_problem->setToolTip(
        tr("What to minimise. Toy surfaces f(x, y): Rosenbrock's curved valley, the quadratic "
           "bowl where 2/λ₁ is exact, many-minima Rastrigin and Ackley, a saddle. Real models "
           "trained on a dataset with minibatches: linear and logistic regression (two "
           "parameters: an exact surface), softmax regression and an MLP."));
    m_form->addRow(tr("&Problem:"), m_problem);

    const QString startTip = tr("Where the optimizer starts (%1). Click or drag on the map to "
                                "move it. The stable limit is computed from the curvature here.");
    m_startX = makeSpin(this, "startX", -1e6, 1e6, 3, 0.1, startTip.arg(QStringLiteral("x")));
    m_startY = makeSpin(this, "startY", -1e6, 1e6, 3, 0.1, startTip.arg(QStringLiteral("y")));
    auto* resetStart = new QPushButton(tr("Default"), this);
    resetStart->setObjectName(QStringLiteral("resetStart"));
    resetStart->setToolTip(tr("Back to the surface's default start point."));
    m_startRow = new QWidget(this);
    auto* startRow = new QHBoxLayout(m_startRow);
    startRow->setContentsMargins(0, 0, 0, 0);
    startRow->addWidget(m_startX);
    startRow->addWidget(m_startY);
    startRow->addWidget(resetStart);
    auto* startLabel = new QLabel(tr("S&tart x, y:"), this);
    startLabel->setBuddy(m_startX);
    m_form->addRow(startLabel, m_startRow);
    m_noise = makeSpin(this, "noise", 0, 1e6, 3, 0.1,
                       tr("Standard deviation σ of Gaussian noise added to every gradient, like "
                          "minibatch noise. With noise the path jitters and only a smaller or "
                          "decaying learning rate settles near the minimum; 0 = exact "
                          "gradients."));
    m_form->addRow(tr("Gradient &noise σ:"), m_noise);

    m_dataset = new QComboBox(this);
    m_dataset->setObjectName(QStringLiteral("datasetCombo"));
    for (const std::string& name : builtinDatasetNames()) {
        if (name == "fashion_mnist" && !QDir(QString::fromLatin1(kFashionMnistDirectory)).exists())
            continue; // offered only when the package is installed
        m_dataset->addItem(datasetDisplayName(name), QString::fromStdString(name));
    }
    m_dataset->addItem(tr("Open CSV…"), QString::fromLatin1(kOpenCsv));
    m_dataset->setToolTip(tr("The data the model is trained on. Any CSV with feature columns "
                             "and a last column named label (classes) or target (regression) "
                             "can be opened."));
    m_form->addRow(tr("&Dataset:"), m_dataset);
    m_feature = new QComboBox(this);
    m_feature->setObjectName(QStringLiteral("featureCombo"));
    m_feature->setToolTip(tr("The one input feature of linear or logistic regression: the "
                             "model has two parameters, slope w and intercept b, so its loss "
                             "is an exact surface over (w, b)."));
    m_form->addRow(tr("&Feature:"), m_feature);
    m_hidden = new QLineEdit(this);
    m_hidden->setObjectName(QStringLiteral("hiddenSizes"));
    m_hidden->setToolTip(tr("Widths of the hidden layers, e.g. \"64, 32\"."));
    m_form->addRow(tr("&Hidden sizes:"), m_hidden);
    m_activation = new QComboBox(this);
    m_activation->setObjectName(QStringLiteral("activation"));
    m_activation->addItem(QStringLiteral("ReLU"), QStringLiteral("relu"));
    m_activation->addItem(QStringLiteral("tanh"), QStringLiteral("tanh"));
    m_activation->setToolTip(tr("Nonlinearity of the hidden layers."));
    m_form->addRow(tr("&Activation:"), m_activation);
    const int intMax = std::numeric_limits<int>::max();
    m_batchSize = makeIntSpin(this, "batchSize", 0, intMax, 8,
                              tr("Rows per minibatch. Smaller batches = noisier gradients, which "
                                 "usually call for a smaller learning rate."));
    m_form->addRow(tr("&Batch size:"), m_batchSize);
    m_valFraction = makeSpin(this, "valFraction", 0.0, 1.0, 2, 0.05,
                             tr("Fraction of the rows held out for validation (loss and "
                                "accuracy on data the model does not train on)."));
    m_form->addRow(tr("&Validation fraction:"), m_valFraction);
    m_evalEvery = makeIntSpin(this, "evalEvery", 0, intMax, 10,
                              tr("Steps between evaluations of the validation loss and "
                                 "accuracy (and the full training loss)."));
    m_form->addRow(tr("&Evaluate every:"), m_evalEvery);
    m_seed = new QLineEdit(this);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("^\\d{0,20}$")), this));
    m_seed->setToolTip(tr("Seed of every random choice (gradient noise; model initialization, "
                          "split and minibatches): the same seed gives the same run."));
    m_form->addRow(tr("Seed:"), m_seed);

    connect(m_problem, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setProblemType(m_problem->currentData().toString().toStdString()); });
    connect(resetStart, &QPushButton::clicked, this, [this] { m_model->resetStart(); });
    for (QDoubleSpinBox* spin : {m_startX, m_startY})
        connect(spin, &QDoubleSpinBox::valueChanged, this,
                [this] { m_model->setStart(m_startX->value(), m_startY->value()); });
    connect(m_noise, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        m_model->edit(QStringLiteral("problem.noise"), [v](RunConfig& c) { c.problem.noise = v; });
    });
    connect(m_dataset, &QComboBox::currentIndexChanged, this, &ProblemControls::datasetChosen);
    connect(m_feature, &QComboBox::currentIndexChanged, this, [this] {
        const std::string f = m_feature->currentData().toString().toStdString();
        m_model->edit(QStringLiteral("problem.feature"),
                      [f](RunConfig& c) { c.problem.feature = f; });
    });
    connect(m_hidden, &QLineEdit::editingFinished, this, &ProblemControls::commitHidden);
    connect(m_activation, &QComboBox::currentIndexChanged, this, [this] {
        const std::string a = m_activation->currentData().toString().toStdString();
        m_model->edit(QStringLiteral("problem.activation"),
                      [a](RunConfig& c) { c.problem.activation = a; });
    });
    connect(m_batchSize, &QSpinBox::valueChanged, this, [this](int v) {
        m_model->edit(QStringLiteral("problem.batch_size"),
                      [v](RunConfig& c) { c.problem.batchSize = v; });
    });
    connect(m_valFraction, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        m_model->edit(QStringLiteral("problem.val_fraction"),
                      [v](RunConfig& c) { c.problem.valFraction = v; });
    });
    connect(m_evalEvery, &QSpinBox::valueChanged, this, [this](int v) {
        m_model->edit(QStringLiteral("eval_every"), [v](RunConfig& c) { c.evalEvery = v; });
    });
    connect(m_seed, &QLineEdit::editingFinished, this, &ProblemControls::commitSeed);
}

void ProblemControls::showConfig(const RunConfig& config)
{
    const ProblemSpec& p = config.problem;
    const bool model = isModelType(p.type);
    {
        const QSignalBlocker b1(m_startX), b2(m_startY), b3(m_noise), b4(m_hidden), b5(m_batchSize),
            b6(m_valFraction), b7(m_evalEvery), b8(m_seed);
        selectData(m_problem, QString::fromStdString(p.type));
        if (config.init.size() == 2) {
            m_startX->setValue(config.init[0]);
            m_startY->setValue(config.init[1]);
        }
        m_noise->setValue(p.noise);
        m_hidden->setText(hiddenText(p.hidden));
        selectData(m_activation, QString::fromStdString(p.activation));
        m_batchSize->setValue(p.batchSize);
        m_valFraction->setValue(p.valFraction);
        m_evalEvery->setValue(config.evalEvery);
        m_seed->setText(QString::number(config.seed));
    }
    if (model) {
        const QString dataset = QString::fromStdString(datasetOf(config));
        if (m_dataset->findData(dataset) < 0) { // a CSV path: listed above "Open CSV…"
            const QSignalBlocker blocker(m_dataset);
            m_dataset->insertItem(m_dataset->count() - 1, QFileInfo(dataset).fileName(), dataset);
        }
        selectData(m_dataset, dataset);
        listFeatures(config);
    }
    updateRows(config);
}

void ProblemControls::updateRows(const RunConfig& config)
{
    const std::string& type = config.problem.type;
    const bool model = isModelType(type);
    m_form->setRowVisible(m_startRow, !model);
    m_form->setRowVisible(m_noise, !model);
    m_form->setRowVisible(m_dataset, model);
    m_form->setRowVisible(m_feature, isOneFeatureModel(type));
    m_form->setRowVisible(m_hidden, type == "mlp");
    m_form->setRowVisible(m_activation, type == "mlp");
    m_form->setRowVisible(m_batchSize, model);
    m_form->setRowVisible(m_valFraction, model);
    m_form->setRowVisible(m_evalEvery, model);
}

void ProblemControls::listFeatures(const RunConfig& config)
{
    if (!isOneFeatureModel(config.problem.type))
        return;
    const std::string type = config.problem.type;
    const QString dataset = QString::fromStdString(datasetOf(config));
    const QString wanted = QString::fromStdString(config.problem.feature);
    const auto select = [this, type, wanted] {
        // An empty feature is the core's choice: the type's default where the dataset has it,
        // else the first feature.
        QString shown = wanted;
        if (shown.isEmpty())
            shown = m_feature->findData(QString::fromStdString(defaultFeature(type))) >= 0
                        ? QString::fromStdString(defaultFeature(type))
                        : m_feature->itemData(0).toString();
        selectData(m_feature, shown);
    };
    if (m_featuresOf == dataset) {
        select();
        return;
    }
    // The names come from the dataset file: load it (through the core's cache) off the GUI
    // thread. Until they arrive the list is disabled.
    m_feature->setEnabled(false);
    const std::string name = dataset.toStdString();
    m_featureJob->start(
        [name](const JobContext&) {
            QStringList names;
            for (const std::string& f : cachedDataset(name)->featureNames)
                names << QString::fromStdString(f);
            return names;
        },
        [this, dataset, select](quint64, const QStringList& names) {
            const QSignalBlocker blocker(m_feature);
            m_feature->clear();
            for (const QString& n : names)
                m_feature->addItem(n, n);
            m_featuresOf = dataset;
            m_feature->setEnabled(true);
            select();
        });
    // A dataset that cannot be read: the run reports the loading error in the message area.
}

void ProblemControls::commitHidden()
{
    // Every part must be a width: "64, 0" is refused by the core (hidden[1] must be >= 1),
    // never silently dropped.
    std::vector<int> widths;
    for (const QString& part : m_hidden->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int w = part.trimmed().toInt(&ok);
        widths.push_back(ok ? w : 0);
    }
    if (widths.empty()) {
        m_model->reject(QStringLiteral("problem.hidden"),
                        tr("problem.hidden: give at least one layer width, e.g. \"64, 32\""));
        return;
    }
    m_model->edit(QStringLiteral("problem.hidden"),
                  [widths](RunConfig& c) { c.problem.hidden = widths; });
}

void ProblemControls::commitSeed()
{
    bool ok = false;
    const qulonglong seed = m_seed->text().toULongLong(&ok);
    if (!ok) {
        m_model->reject(QStringLiteral("seed"), tr("seed: must be a whole number from 0 to %1")
                                                    .arg(std::numeric_limits<qulonglong>::max()));
        return;
    }
    m_model->edit(QStringLiteral("seed"), [seed](RunConfig& c) { c.seed = seed; });
}

void ProblemControls::datasetChosen()
{
    const QString data = m_dataset->currentData().toString();
    if (data == QLatin1String(kOpenCsv)) {
        openCsv();
        return;
    }
    m_model->setDataset(data.toStdString());
}

void ProblemControls::openCsv()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a dataset CSV"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) {
        showConfig(m_model->config()); // "Open CSV…" is an action, not a choice
        return;
    }
    useCsv(path);
}

void ProblemControls::useCsv(const QString& path)
{
    showConfig(m_model->config()); // the list shows the dataset in use while the file loads
    // Loaded (through the core's cache, so the run does not read it again) off the GUI thread;
    // only a file that loads becomes the dataset.
    const std::string name = path.toStdString();
    m_csvJob->start([name](const JobContext&) { return cachedDataset(name) != nullptr; },
                    [this, name](quint64, bool) {
                        if (!m_model->isModel() && m_model->setProblemType("mlp"))
                            return;
                        m_model->setDataset(name);
                    });
}

} // namespace lrlab
