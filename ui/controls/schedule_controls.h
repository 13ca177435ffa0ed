#pragma once

#include "ui/controls/config_group.h"

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace lrlab {

class ScientificSpinBox;

/// The "Schedule" group: steps, warmup (steps and start factor), the decay and only the
/// parameters that decay reads (the core's decayKeys). Edits go to the ExperimentModel; the
/// fields show its config. "auto" fields (step size, t0, timescale) are the schedule's own
/// defaults (docs/semantics.md §2.4). GUI thread only.
class ScheduleControls : public ConfigGroup
{
    Q_OBJECT
public:
    ScheduleControls(ExperimentModel* model, QWidget* parent = nullptr);

private:
    void showConfig(const RunConfig& config) override;
    void commit(const char* key, const std::function<void(ScheduleSpec&)>& change);

    QSpinBox* m_steps = nullptr;
    QSpinBox* m_warmupSteps = nullptr;
    QDoubleSpinBox* m_warmupStartFactor = nullptr;
    QComboBox* m_decay = nullptr;
    QDoubleSpinBox* m_gamma = nullptr;
    QSpinBox* m_stepSize = nullptr;
    QSpinBox* m_stepsPerEpoch = nullptr;
    QSpinBox* m_t0 = nullptr;
    QSpinBox* m_tMult = nullptr;
    QDoubleSpinBox* m_power = nullptr;
    QDoubleSpinBox* m_timescale = nullptr;
    QDoubleSpinBox* m_pctStart = nullptr;
    QDoubleSpinBox* m_divFactor = nullptr;
    QDoubleSpinBox* m_finalDivFactor = nullptr;
    QDoubleSpinBox* m_decayFraction = nullptr;
    QComboBox* m_shape = nullptr;
    ScientificSpinBox* m_minLr = nullptr;
};

} // namespace lrlab
