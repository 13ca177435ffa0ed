#pragma once

#include "core/config/run_config.h"
#include "ui/experiment_model.h"

#include <QGroupBox>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;

namespace lrlab {

class ScientificSpinBox;

/// The "Schedule" group: steps, warmup (steps and start factor), the decay and only the
/// parameters that decay reads (the core's decayKeys). Edits go to the ExperimentModel; the
/// fields show its config. "auto" fields (step size, t0, timescale) are the schedule's own
/// defaults (DESIGN.md §2.4). GUI thread only.
class ScheduleControls : public QGroupBox
{
    Q_OBJECT
public:
    ScheduleControls(ExperimentModel* model, QWidget* parent = nullptr);

private:
    void showConfig(const RunConfig& config);
    void commit(const char* key, const std::function<void(ScheduleSpec&)>& change);

    ExperimentModel* m_model;
    QFormLayout* m_form = nullptr;
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
