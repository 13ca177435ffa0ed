#pragma once

#include "ui/controls/config_group.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace lrlab {

class ScientificSpinBox;

/// The "Optimizer" group: the update rule and only the hyper-parameters it takes (momentum,
/// Nesterov, alpha, eps, betas, weight decay, 8-bit block size), showing PyTorch's defaults.
/// Edits go to the ExperimentModel; the fields show its config. GUI thread only.
class OptimizerControls : public ConfigGroup
{
    Q_OBJECT
public:
    OptimizerControls(ExperimentModel* model, QWidget* parent = nullptr);

private:
    void showConfig(const RunConfig& config) override;
    /// Sets one optimizer field (a config key path) from an edit.
    void commit(const char* key, const std::function<void(OptimizerSpec&)>& change);

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
