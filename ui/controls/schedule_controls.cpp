#include "ui/controls/schedule_controls.h"

#include "ui/controls/display_names.h"
#include "ui/controls/form_fields.h"
#include "ui/controls/learning_rate_control.h"
#include "ui/controls/scientific_spin_box.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QSpinBox>

#include <limits>
#include <type_traits>

namespace lrlab {

namespace {

constexpr int kIntMax = std::numeric_limits<int>::max();

} // namespace

ScheduleControls::ScheduleControls(ExperimentModel* model, QWidget* parent)
    : ConfigGroup(tr("Schedule"), model, parent)
{
    // No caps of their own: the model refuses what the core refuses (and huge runs up front).
    m_steps = makeIntSpin(this, "steps", 0, kIntMax, 100,
                          tr("Number of optimizer updates. Decays are stretched over the whole "
                             "run."));
    m_form->addRow(tr("&Steps:"), m_steps);
    m_warmupSteps = makeIntSpin(this, "warmupSteps", 0, kIntMax, 10,
                                tr("The LR rises linearly from (start factor × lr) to lr over "
                                   "this many steps. Warmup lets a large LR survive a steep "
                                   "start; too long wastes steps."));
    m_form->addRow(tr("Wa&rmup steps:"), m_warmupSteps);
    m_warmupStartFactor = makeSpin(this, "warmupStartFactor", 0, 1e6, 3, 0.05,
                                   tr("Fraction of the LR used at the first warmup step (0 = "
                                      "start from zero)."));
    m_form->addRow(tr("Warmup start factor:"), m_warmupStartFactor);
    m_decay = new QComboBox(this);
    m_decay->setObjectName(QStringLiteral("decayCombo"));
    for (const std::string& name : decayNames())
        m_decay->addItem(decayDisplayName(name), QString::fromStdString(name));
    m_decay->setToolTip(tr("How the LR falls after warmup. Decay lets a run take big steps "
                           "early and settle precisely late; a constant LR keeps bouncing at "
                           "the scale the LR sets."));
    m_form->addRow(tr("&Decay:"), m_decay);
    m_gamma = makeSpin(this, "gamma", 0, 1e6, 4, 0.01,
                       tr("Factor per decay: exponential multiplies by gamma every epoch, step "
                          "decay every step_size steps. Smaller = faster decay."));
    m_form->addRow(tr("Gamma:"), m_gamma);
    m_stepSize = makeIntSpin(this, "stepSize", 0, kIntMax, 10,
                             tr("Step decay: steps between multiplications by gamma (auto = a "
                                "third of the run)."));
    m_stepSize->setSpecialValueText(tr("auto"));
    m_form->addRow(tr("Step size:"), m_stepSize);
    m_stepsPerEpoch = makeIntSpin(this, "stepsPerEpoch", 0, kIntMax, 1,
                                  tr("Exponential decay applies gamma once per this many "
                                     "steps."));
    m_form->addRow(tr("Steps per epoch:"), m_stepsPerEpoch);
    m_t0 = makeIntSpin(this, "t0", 0, kIntMax, 10,
                       tr("Length of the first cosine cycle (auto = a quarter of the run). At "
                          "each restart the LR jumps back to its peak, which can kick the path "
                          "out of a poor basin."));
    m_t0->setSpecialValueText(tr("auto"));
    m_form->addRow(tr("First cycle t0:"), m_t0);
    m_tMult = makeIntSpin(this, "tMult", 0, kIntMax, 1,
                          tr("Each cycle is t_mult times longer than the previous one."));
    m_form->addRow(tr("Cycle multiplier:"), m_tMult);
    m_power = makeSpin(this, "power", 0, 1e6, 2, 0.1,
                       tr("Exponent of polynomial decay: 1 = linear; larger falls fast then "
                          "flattens; smaller stays high longer."));
    m_form->addRow(tr("Power:"), m_power);
    m_timescale = makeSpin(this, "timescale", 0, 1e12, 0, 10,
                           tr("Inverse square root: lr/√(1 + τ/timescale). Smaller = faster "
                              "decay (auto = the warmup length, or 10000 without warmup)."));
    m_timescale->setSpecialValueText(tr("auto"));
    m_form->addRow(tr("Timescale:"), m_timescale);
    m_pctStart = makeSpin(this, "pctStart", 0, 1, 2, 0.05,
                          tr("One-cycle: fraction of the run spent rising to the peak LR."));
    m_form->addRow(tr("Rise fraction:"), m_pctStart);
    m_divFactor =
        makeSpin(this, "divFactor", 0, 1e12, 1, 5, tr("One-cycle starts at lr / div_factor."));
    m_form->addRow(tr("Div factor:"), m_divFactor);
    m_finalDivFactor = makeSpin(this, "finalDivFactor", 0, 1e12, 0, 100,
                                tr("One-cycle ends at (lr / div_factor) / final_div_factor."));
    m_form->addRow(tr("Final div factor:"), m_finalDivFactor);
    m_decayFraction = makeSpin(this, "decayFraction", 0, 1e6, 2, 0.05,
                               tr("WSD: the LR stays at its peak, then falls to min_lr over "
                                  "this last fraction of the run."));
    m_form->addRow(tr("Decay fraction:"), m_decayFraction);
    m_shape = new QComboBox(this);
    m_shape->setObjectName(QStringLiteral("shape"));
    for (const std::string& name : wsdShapeNames())
        m_shape->addItem(QString::fromStdString(name), QString::fromStdString(name));
    m_shape->setToolTip(tr("WSD: shape of the final cool-down."));
    m_form->addRow(tr("Cool-down shape:"), m_shape);
    m_minLr = new ScientificSpinBox(this);
    m_minLr->setObjectName(QStringLiteral("minLr"));
    m_minLr->setRange(0.0, LearningRateControl::kFieldMaximum);
    fitToColumn(m_minLr);
    m_minLr->setToolTip(tr("The floor the decay ends at (at most the peak LR). A small floor "
                           "keeps the run moving at the end."));
    m_form->addRow(tr("Min lr:"), m_minLr);

    connect(m_steps, &QSpinBox::valueChanged, this, [this](int v) { m_model->setSteps(v); });
    connect(m_decay, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setDecay(decayFromName(m_decay->currentData().toString().toStdString()));
    });
    // Each field commits its one schedule key; the spin boxes pass int or double.
    const auto onEdit = [this](auto* field, const char* key, auto set) {
        using Field = std::remove_pointer_t<decltype(field)>;
        connect(field, &Field::valueChanged, this,
                [this, key, set](auto v) { commit(key, [&](ScheduleSpec& s) { set(s, v); }); });
    };
    onEdit(m_warmupSteps, "schedule.warmup_steps",
           [](ScheduleSpec& s, int v) { s.warmupSteps = v; });
    onEdit(m_warmupStartFactor, "schedule.warmup_start_factor",
           [](ScheduleSpec& s, double v) { s.warmupStartFactor = v; });
    onEdit(m_gamma, "schedule.gamma", [](ScheduleSpec& s, double v) { s.gamma = v; });
    // 0 shows "auto": the schedule's own default.
    onEdit(m_stepSize, "schedule.step_size", [](ScheduleSpec& s, int v) {
        s.stepSize = v > 0 ? std::optional<int>(v) : std::nullopt;
    });
    onEdit(m_stepsPerEpoch, "schedule.steps_per_epoch",
           [](ScheduleSpec& s, int v) { s.stepsPerEpoch = v; });
    onEdit(m_t0, "schedule.t0",
           [](ScheduleSpec& s, int v) { s.t0 = v > 0 ? std::optional<int>(v) : std::nullopt; });
    onEdit(m_tMult, "schedule.t_mult", [](ScheduleSpec& s, int v) { s.tMult = v; });
    onEdit(m_power, "schedule.power", [](ScheduleSpec& s, double v) { s.power = v; });
    onEdit(m_timescale, "schedule.timescale", [](ScheduleSpec& s, double v) {
        s.timescale = v > 0.0 ? std::optional<double>(v) : std::nullopt;
    });
    onEdit(m_pctStart, "schedule.pct_start", [](ScheduleSpec& s, double v) { s.pctStart = v; });
    onEdit(m_divFactor, "schedule.div_factor", [](ScheduleSpec& s, double v) { s.divFactor = v; });
    onEdit(m_finalDivFactor, "schedule.final_div_factor",
           [](ScheduleSpec& s, double v) { s.finalDivFactor = v; });
    onEdit(m_decayFraction, "schedule.decay_fraction",
           [](ScheduleSpec& s, double v) { s.decayFraction = v; });
    onEdit(m_minLr, "schedule.min_lr", [](ScheduleSpec& s, double v) { s.minLr = v; });
    connect(m_shape, &QComboBox::currentIndexChanged, this, [this] {
        const WsdShape shape = wsdShapeFromName(m_shape->currentData().toString().toStdString());
        commit("schedule.shape", [shape](ScheduleSpec& s) { s.shape = shape; });
    });

    followModel(ConfigChange::Schedule | ConfigChange::Steps | ConfigChange::LearningRate);
}

void ScheduleControls::commit(const char* key, const std::function<void(ScheduleSpec&)>& change)
{
    m_model->edit(QString::fromLatin1(key), [&change](RunConfig& c) { change(c.schedule); });
}

void ScheduleControls::showConfig(const RunConfig& config)
{
    const ScheduleSpec& s = config.schedule;
    {
        const QSignalBlocker b1(m_steps), b2(m_warmupSteps), b3(m_warmupStartFactor), b4(m_gamma),
            b5(m_stepSize), b6(m_stepsPerEpoch), b7(m_t0), b8(m_tMult), b9(m_power),
            b10(m_timescale), b11(m_pctStart), b12(m_divFactor), b13(m_finalDivFactor),
            b14(m_decayFraction), b15(m_minLr);
        m_steps->setValue(config.steps);
        m_warmupSteps->setValue(s.warmupSteps);
        m_warmupStartFactor->setValue(s.warmupStartFactor);
        selectData(m_decay, QString::fromStdString(decayName(s.decay)));
        // gamma's default depends on the decay (exponential 0.99, step 0.1; docs/semantics.md
        // §2.4).
        m_gamma->setValue(s.gamma ? *s.gamma : (s.decay == Decay::Step ? 0.1 : 0.99));
        m_stepSize->setValue(s.stepSize.value_or(0));
        m_stepsPerEpoch->setValue(s.stepsPerEpoch);
        m_t0->setValue(s.t0.value_or(0));
        m_tMult->setValue(s.tMult);
        m_power->setValue(s.power);
        m_timescale->setValue(s.timescale.value_or(0.0));
        m_pctStart->setValue(s.pctStart);
        m_divFactor->setValue(s.divFactor);
        m_finalDivFactor->setValue(s.finalDivFactor);
        m_decayFraction->setValue(s.decayFraction);
        selectData(m_shape, QString::fromStdString(wsdShapeName(s.shape)));
        m_minLr->setValue(s.minLr);
    }
    showRowsFor(m_form, decayKeys(s.decay),
                {{m_gamma, "gamma"},
                 {m_stepSize, "step_size"},
                 {m_stepsPerEpoch, "steps_per_epoch"},
                 {m_t0, "t0"},
                 {m_tMult, "t_mult"},
                 {m_power, "power"},
                 {m_timescale, "timescale"},
                 {m_pctStart, "pct_start"},
                 {m_divFactor, "div_factor"},
                 {m_finalDivFactor, "final_div_factor"},
                 {m_decayFraction, "decay_fraction"},
                 {m_shape, "shape"},
                 {m_minLr, "min_lr"}});
    // One-cycle has its own rise (docs/semantics.md §2.4: W must be 0).
    const bool warmup = s.decay != Decay::OneCycle;
    m_warmupSteps->setEnabled(warmup);
    m_warmupStartFactor->setEnabled(warmup);
}

} // namespace lrlab
