#include "ui/controls/optimizer_controls.h"

#include "ui/controls/display_names.h"
#include "ui/controls/form_fields.h"
#include "ui/controls/scientific_spin_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace lrlab {

OptimizerControls::OptimizerControls(ExperimentModel* model, QWidget* parent)
    : QGroupBox(tr("Optimizer"), parent), m_model(model)
{
    m_form = new QFormLayout(this);
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("optimizerCombo"));
    for (const std::string& name : optimizerNames())
        m_type->addItem(optimizerDisplayName(name), QString::fromStdString(name));
    m_type->setToolTip(
        tr("The update rule. SGD steps along the negative gradient (with momentum: a heavy "
           "ball). RMSprop, Adagrad, Adam and AdamW divide by a running gradient size, so the "
           "LR becomes a step length rather than a multiple of the gradient. Lion steps by the "
           "sign of its momentum."));
    m_form->addRow(tr("&Optimizer:"), m_type);
    // Wide ranges: the core's validation decides and names what is wrong, the box never snaps.
    m_momentum = makeSpin(this, "momentum", 0, 10, 3, 0.05,
                          tr("Heavy-ball coefficient β: each step adds β × the previous step. "
                             "More β speeds travel along a valley but overshoots and "
                             "oscillates; the stable LR grows to 2(1+β)/λ₁. 0 = plain gradient "
                             "descent."));
    m_form->addRow(tr("&Momentum β:"), m_momentum);
    m_nesterov = new QCheckBox(tr("Nes&terov"), this);
    m_nesterov->setObjectName(QStringLiteral("nesterov"));
    m_nesterov->setToolTip(tr("Look-ahead momentum: the gradient correction is applied after "
                              "the momentum step, which damps heavy-ball oscillation. Needs "
                              "momentum > 0."));
    m_form->addRow(QString(), m_nesterov);
    m_alpha = makeSpin(this, "alpha", 0, 10, 4, 0.01,
                       tr("RMSprop: decay of the running mean of squared gradients. Near 1 = "
                          "long memory and smooth step sizes; smaller = reacts fast but "
                          "noisily."));
    m_form->addRow(tr("&Alpha:"), m_alpha);
    m_eps = new ScientificSpinBox(this);
    m_eps->setObjectName(QStringLiteral("eps"));
    m_eps->setRange(0.0, 1e6);
    m_eps->setSmallestStep(1e-12);
    fitToColumn(m_eps);
    m_eps->setToolTip(tr("Added to the denominator to avoid division by zero. A large eps "
                         "makes the method behave like plain SGD where gradients are small."));
    m_form->addRow(tr("&Eps:"), m_eps);
    m_beta1 = makeSpin(this, "beta1", 0, 10, 3, 0.01,
                       tr("Decay of the first moment (the momentum) of Adam and Lion. Higher = "
                          "smoother direction, more inertia and overshoot."));
    m_form->addRow(tr("Beta&1:"), m_beta1);
    m_beta2 = makeSpin(this, "beta2", 0, 10, 4, 0.001,
                       tr("Decay of the second moment (squared gradients; for Lion: of the "
                          "momentum). Near 1 = stable step sizes; lower = adapts faster, "
                          "noisier."));
    m_form->addRow(tr("Beta&2:"), m_beta2);
    m_weightDecay = makeSpin(this, "weightDecay", 0, 1e6, 4, 0.001,
                             tr("Pulls the parameters towards 0 every step (AdamW and Lion: "
                                "decoupled, θ ← θ(1 − lr·wd)). Too much moves the end point "
                                "away from the true minimum."));
    m_form->addRow(tr("&Weight decay:"), m_weightDecay);
    m_blockSize = makeIntSpin(this, "blockSize", 0, std::numeric_limits<int>::max(), 256,
                              tr("Adam 8-bit: values per quantization block; each block "
                                 "shares one scale, so smaller blocks quantize more finely."));
    m_form->addRow(tr("&Block size:"), m_blockSize);

    connect(m_type, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setOptimizerType(m_type->currentData().toString().toStdString()); });
    connect(m_momentum, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        commit("optimizer.momentum", [v](OptimizerSpec& o) {
            o.momentum = v;
            if (!(v > 0.0))
                o.nesterov = false; // Nesterov needs momentum; the box is greyed out then
        });
    });
    connect(m_nesterov, &QCheckBox::toggled, this, [this](bool on) {
        commit("optimizer.nesterov", [on](OptimizerSpec& o) { o.nesterov = on; });
    });
    connect(m_alpha, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        commit("optimizer.alpha", [v](OptimizerSpec& o) { o.alpha = v; });
    });
    connect(m_eps, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { commit("optimizer.eps", [v](OptimizerSpec& o) { o.eps = v; }); });
    connect(m_beta1, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        commit("optimizer.beta1", [v](OptimizerSpec& o) { o.beta1 = v; });
    });
    connect(m_beta2, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        commit("optimizer.beta2", [v](OptimizerSpec& o) { o.beta2 = v; });
    });
    connect(m_weightDecay, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        commit("optimizer.weight_decay", [v](OptimizerSpec& o) { o.weightDecay = v; });
    });
    connect(m_blockSize, &QSpinBox::valueChanged, this, [this](int v) {
        commit("optimizer.block_size", [v](OptimizerSpec& o) { o.blockSize = v; });
    });

    connect(m_model, &ExperimentModel::configChanged, this,
            [this](const RunConfig& config, ConfigChanges what) {
                if (what & (ConfigChange::Optimizer))
                    showConfig(config);
            });
    connect(m_model, &ExperimentModel::refused, this, [this] { showConfig(m_model->config()); });
    showConfig(m_model->config());
}

void OptimizerControls::commit(const char* key, const std::function<void(OptimizerSpec&)>& change)
{
    m_model->edit(QString::fromLatin1(key), [&change](RunConfig& c) { change(c.optimizer); });
}

void OptimizerControls::showConfig(const RunConfig& config)
{
    const OptimizerSpec o = config.optimizer.resolved();
    {
        const QSignalBlocker b1(m_momentum), b2(m_nesterov), b3(m_alpha), b4(m_eps), b5(m_beta1),
            b6(m_beta2), b7(m_weightDecay), b8(m_blockSize);
        selectData(m_type, QString::fromStdString(o.type));
        m_momentum->setValue(o.momentum);
        m_nesterov->setChecked(o.nesterov);
        m_alpha->setValue(o.alpha);
        m_eps->setValue(o.eps);
        m_beta1->setValue(o.beta1);
        m_beta2->setValue(o.beta2);
        m_weightDecay->setValue(o.weightDecay);
        m_blockSize->setValue(o.blockSize);
    }
    const std::vector<std::string> keys = optimizerKeys(o.type);
    const auto takes = [&keys](const char* key) {
        return std::find(keys.begin(), keys.end(), key) != keys.end();
    };
    m_form->setRowVisible(m_momentum, takes("momentum"));
    m_form->setRowVisible(m_nesterov, takes("nesterov"));
    m_nesterov->setEnabled(o.momentum > 0.0);
    m_form->setRowVisible(m_alpha, takes("alpha"));
    m_form->setRowVisible(m_eps, takes("eps"));
    m_form->setRowVisible(m_beta1, takes("beta1"));
    m_form->setRowVisible(m_beta2, takes("beta2"));
    m_form->setRowVisible(m_weightDecay, takes("weight_decay"));
    m_form->setRowVisible(m_blockSize, takes("block_size"));
}

} // namespace lrlab
