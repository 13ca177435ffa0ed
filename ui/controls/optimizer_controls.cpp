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

#include <limits>
#include <type_traits>

namespace lrlab {

OptimizerControls::OptimizerControls(ExperimentModel* model, QWidget* parent)
    : ConfigGroup(tr("Optimizer"), model, parent)
{
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
    // Each field commits its one optimizer key; the spin boxes pass int or double.
    const auto onEdit = [this](auto* field, const char* key, auto set) {
        using Field = std::remove_pointer_t<decltype(field)>;
        connect(field, &Field::valueChanged, this,
                [this, key, set](auto v) { commit(key, [&](OptimizerSpec& o) { set(o, v); }); });
    };
    onEdit(m_alpha, "optimizer.alpha", [](OptimizerSpec& o, double v) { o.alpha = v; });
    onEdit(m_eps, "optimizer.eps", [](OptimizerSpec& o, double v) { o.eps = v; });
    onEdit(m_beta1, "optimizer.beta1", [](OptimizerSpec& o, double v) { o.beta1 = v; });
    onEdit(m_beta2, "optimizer.beta2", [](OptimizerSpec& o, double v) { o.beta2 = v; });
    onEdit(m_weightDecay, "optimizer.weight_decay",
           [](OptimizerSpec& o, double v) { o.weightDecay = v; });
    onEdit(m_blockSize, "optimizer.block_size", [](OptimizerSpec& o, int v) { o.blockSize = v; });

    followModel(ConfigChange::Optimizer);
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
    showRowsFor(m_form, optimizerKeys(o.type),
                {{m_momentum, "momentum"},
                 {m_nesterov, "nesterov"},
                 {m_alpha, "alpha"},
                 {m_eps, "eps"},
                 {m_beta1, "beta1"},
                 {m_beta2, "beta2"},
                 {m_weightDecay, "weight_decay"},
                 {m_blockSize, "block_size"}});
    m_nesterov->setEnabled(o.momentum > 0.0);
}

} // namespace lrlab
