#pragma once

#include "core/config/run_config.h"
#include "core/datasets/dataset.h"
#include "core/datasets/split.h"
#include "core/models/model.h"

#include <memory>
#include <string>
#include <vector>

namespace lrlab {

/// A real problem ready to train (docs/semantics.md §2.2): the dataset (one column for
/// linreg/logreg), its seeded split and standardization, and the model's shape. Immutable after
/// create(), so one instance is shared by a run, a sweep's runs and a landscape grid's workers.
///
/// Small tabular datasets keep their standardized training and validation rows as float
/// matrices (gathered once); image datasets (bytes) are gathered chunk by chunk when needed, so
/// Fashion-MNIST stays 55 MB of bytes in memory.
class ModelProblem
{
public:
    /// Loads (through a process-wide cache) and prepares the problem of spec for seed.
    /// Throws std::invalid_argument (bad settings) or DatasetError (bad data).
    static std::shared_ptr<const ModelProblem> create(const ProblemSpec& spec, std::uint64_t seed);

    const Dataset& dataset() const { return *m_dataset; }
    const DataSplit& split() const { return m_split; }
    const ModelSpec& modelSpec() const { return m_modelSpec; }
    const ProblemSpec& problemSpec() const { return m_problemSpec; }
    int features() const { return m_dataset->features; }
    int trainCount() const { return static_cast<int>(m_split.train.size()); }
    int validationCount() const { return static_cast<int>(m_split.validation.size()); }
    /// The dataset name used (default filled in) and, for linreg/logreg, the feature.
    const std::string& datasetName() const { return m_datasetName; }
    const std::string& featureName() const { return m_featureName; }

    /// Standardized features (row-major count×features) and labels or targets of dataset rows.
    /// labels is used for classification, targets for regression (the other may be null).
    void gather(const int* rows, int count, float* X, int* labels, float* targets) const;

    /// Mean loss and accuracy over the whole training split or validation split at params.
    /// model must have been built from modelSpec(); it is used as scratch.
    Evaluation evaluateTrain(Model<float>& model, const float* params) const;
    Evaluation evaluateValidation(Model<float>& model, const float* params) const;
    /// Mean loss only over the training split (the landscape's hot path).
    double trainLoss(Model<float>& model, const float* params) const;

    /// Rows per chunk used when evaluating; reserve() models with at least this.
    static constexpr int kEvaluationChunk = 512;

private:
    ModelProblem() = default;
    Evaluation evaluateRows(Model<float>& model, const float* params, const std::vector<int>& rows,
                            const std::vector<float>& X, const std::vector<int>& labels,
                            const std::vector<float>& targets, bool lossOnly) const;

    ProblemSpec m_problemSpec;
    std::shared_ptr<const Dataset> m_dataset;
    std::string m_datasetName;
    std::string m_featureName;
    DataSplit m_split;
    ModelSpec m_modelSpec;
    // Pre-gathered standardized rows (empty for byte datasets): every dataset row (so a
    // minibatch gather is a row copy) and the training and validation rows in split order.
    std::vector<float> m_allX, m_allTargets;
    std::vector<float> m_trainX, m_valX, m_trainTargets, m_valTargets;
    std::vector<int> m_trainLabels, m_valLabels;
};

/// The dataset of name or path, loaded once per process (thread-safe cache).
std::shared_ptr<const Dataset> cachedDataset(const std::string& nameOrPath);

} // namespace lrlab
