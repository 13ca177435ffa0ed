#pragma once

#include "core/finetune/finetune_lab.h"
#include "ui/views/finetune_outcome.h"
#include "ui/views/view_helpers.h"

#include <QString>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace lrlab {

/// The settings of the Fine-tuning view: the task (shift, training size, crossed sizes), the
/// methods (with LoRA's rank and α) and the training (optimizer, LR grid, steps, batch, seed),
/// as three group boxes. request() turns them into a FineTuneRequest. GUI thread only.
class FineTuneSettings : public QWidget
{
    Q_OBJECT
public:
    explicit FineTuneSettings(QWidget* parent = nullptr);

    void setShift(Shift shift);
    /// Training-set size when no sizes are crossed (>= 1; 0 = all).
    void setTrainSize(int size);
    void setMethods(const std::vector<FineTuneMethod>& methods);
    void setLoraOptions(int rank, double alpha);
    /// Any name of optimizerNames(); unknown names are ignored.
    void setOptimizer(const QString& type);
    /// count log-spaced rates from `from` to `to` (count 2..40).
    void setLearningRateRange(double from, double to, int count);
    void setSteps(int steps);
    void setBatchSize(int batchSize);
    void setSeed(int seed);
    /// Training-set sizes to cross with, e.g. "50,200,all"; "" = no crossing.
    void setSizes(const QString& sizes);

    /// The training size of the size control.
    int trainSize() const;
    /// The steps of the steps control.
    int steps() const;

    /// The sweep the controls describe; false (and why, translated) when they cannot run: no
    /// method, a reversed LR range or a bad size list.
    bool request(FineTuneRequest& out, QString& error) const;

private:
    QWidget* buildTask();
    QWidget* buildMethods();
    QWidget* buildTraining();

    QComboBox* m_shift = nullptr;
    QSpinBox* m_trainSize = nullptr;
    QLineEdit* m_sizes = nullptr;
    QCheckBox* m_methodChecks[3] = {nullptr, nullptr, nullptr};
    QSpinBox* m_rank = nullptr;
    QDoubleSpinBox* m_alpha = nullptr;
    QComboBox* m_optimizer = nullptr;
    RateGridControls m_rates;
    QSpinBox* m_steps = nullptr;
    QSpinBox* m_batch = nullptr;
    QSpinBox* m_seed = nullptr;
};

} // namespace lrlab
