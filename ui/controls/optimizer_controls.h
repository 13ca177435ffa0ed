#pragma once

#include "core/config/run_config.h"
#include "ui/experiment_model.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;

namespace lrlab {

class ScientificSpinBox;

/// The "Optimizer" group: the update rule and only the hyper-parameters it takes (momentum,
/// Nesterov, alpha, eps, betas, weight decay, 8-bit block size), showing PyTorch's defaults.
/// Edits go to the ExperimentModel; the fields show its config. GUI thread only.
class OptimizerControls : public QGroupBox
{
    Q_OBJECT
public:
    OptimizerControls(ExperimentModel* model, QWidget* parent = nullptr);

private:
    void showConfig(const RunConfig& config);
    /// Sets one optimizer field (a config key path) from an edit.
    void commit(const char* key, const std::function<void(OptimizerSpec&)>& change);

    ExperimentModel* m_model;
    QFormLayout* m_form = nullptr;
    QComboBox* m_type = nullptr;
    QDoubleSpinBox* m_momentum = nullptr;
    QCheckBox* m_nesterov = nullptr;
    QDoubleSpinBox* m_alpha = nullptr;
    ScientificSpinBox* m_eps = nullptr;
    QDoubleSpinBox* m_beta1 = nullptr;
    QDoubleSpinBox* m_beta2 = nullptr;
    QDoubleSpinBox* m_weightDecay = nullptr;
    QSpinBox* m_blockSize = nullptr;
};

} // namespace lrlab
