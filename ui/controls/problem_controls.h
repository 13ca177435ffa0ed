#pragma once

#include "ui/controls/config_group.h"

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace lrlab {

class BackgroundJob;

/// The "Problem" group: a toy surface (start point, gradient noise) or a real model (dataset,
/// feature, hidden sizes, activation, batch, validation fraction, evaluation interval) and the
/// seed. Every edit goes to the ExperimentModel; the fields show the model's config (updated
/// from configChanged under signal blockers, and put back after a refusal). "Open CSV…" in the
/// dataset list asks for a file. GUI thread only.
class ProblemControls : public ConfigGroup
{
    Q_OBJECT
public:
    ProblemControls(ExperimentModel* model, QWidget* parent = nullptr);
    ~ProblemControls() override;

    /// Asks for a dataset CSV and makes it the dataset (an MLP when a toy surface is shown).
    void openCsv();
    /// Makes path the dataset (an MLP when a toy surface is shown): Open CSV without a dialog.
    /// The file is loaded first, off the GUI thread; one that fails to load is refused
    /// (ExperimentModel::refused, field "problem.dataset", the loader's message naming the file)
    /// and never listed, and the experiment is kept.
    void useCsv(const QString& path);

private:
    void build();
    void showConfig(const RunConfig& config) override;
    void updateRows(const RunConfig& config);
    /// Lists the features of the config's dataset (loaded off the GUI thread).
    void listFeatures(const RunConfig& config);
    void commitHidden();
    void commitSeed();
    void datasetChosen();

    QComboBox* m_problem = nullptr;
    QWidget* m_startRow = nullptr;
    QDoubleSpinBox* m_startX = nullptr;
    QDoubleSpinBox* m_startY = nullptr;
    QDoubleSpinBox* m_noise = nullptr;
    QComboBox* m_dataset = nullptr;
    QComboBox* m_feature = nullptr;
    QLineEdit* m_hidden = nullptr;
    QComboBox* m_activation = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QDoubleSpinBox* m_valFraction = nullptr;
    QSpinBox* m_evalEvery = nullptr;
    QLineEdit* m_seed = nullptr;
    BackgroundJob* m_featureJob = nullptr;
    BackgroundJob* m_csvJob = nullptr; ///< loads a CSV before it becomes the dataset
    QString m_featuresOf;              ///< the dataset the feature list belongs to
};

} // namespace lrlab
