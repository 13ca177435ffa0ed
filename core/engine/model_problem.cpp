#include "core/engine/model_problem.h"

#include <algorithm>
#include <limits>
#include <map>
#include <mutex>
#include <stdexcept>

namespace lrlab {

std::shared_ptr<const Dataset> cachedDataset(const std::string& nameOrPath)
{
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Dataset>> cache;
    {
        const std::lock_guard<std::mutex> lock(mutex);
        const auto it = cache.find(nameOrPath);
        if (it != cache.end())
            return it->second;
    }
    // Load outside the lock: Fashion-MNIST takes a moment and other names need not wait.
    auto dataset = std::make_shared<const Dataset>(loadDataset(nameOrPath));
    const std::lock_guard<std::mutex> lock(mutex);
    return cache.emplace(nameOrPath, std::move(dataset)).first->second;
}

namespace {

/// The one-feature table linreg and logreg train on.
Dataset selectFeature(const Dataset& full, const std::string& feature)
{
    const int column = full.featureIndex(feature);
    if (column < 0) {
        std::string names;
        for (const auto& n : full.featureNames)
            names += (names.empty() ? "" : ", ") + n;
        throw std::invalid_argument("problem.feature: dataset " + full.name + " has no feature \"" +
                                    feature + "\" (it has " + names + ")");
    }
    Dataset one;
    one.name = full.name;
    one.sourcePath = full.sourcePath;
    one.featureNames = {feature};
    one.rows = full.rows;
    one.features = 1;
    one.task = full.task;
    one.numClasses = full.numClasses;
    one.labels = full.labels;
    one.targets = full.targets;
    one.fixedValidationStart = full.fixedValidationStart;
    one.values.resize(static_cast<std::size_t>(full.rows));
    for (int r = 0; r < full.rows; ++r)
        one.values[static_cast<std::size_t>(r)] = full.featureAt(r, column);
    return one;
}

} // namespace

std::shared_ptr<const ModelProblem> ModelProblem::create(const ProblemSpec& spec,
                                                         std::uint64_t seed)
{
    if (!isModelType(spec.type))
        throw std::invalid_argument("problem.type: \"" + spec.type + "\" is not a model");
    std::shared_ptr<ModelProblem> problem(new ModelProblem());
    problem->m_problemSpec = spec;
    problem->m_datasetName = spec.dataset.empty() ? defaultDataset(spec.type) : spec.dataset;
    std::shared_ptr<const Dataset> full = cachedDataset(problem->m_datasetName);
    if (isOneFeatureModel(spec.type)) {
        // No feature named: the type's default where the dataset has it, else its first one.
        problem->m_featureName = spec.feature;
        if (problem->m_featureName.empty())
            problem->m_featureName =
                full->featureIndex(defaultFeature(spec.type)) >= 0 || full->featureNames.empty()
                    ? defaultFeature(spec.type)
                    : full->featureNames.front();
        if (spec.type == "linreg" && !full->isRegression())
            throw std::invalid_argument("problem.dataset: linreg needs a regression dataset "
                                        "(a 'target' column); " +
                                        full->name + " has labels");
        problem->m_dataset =
            std::make_shared<const Dataset>(selectFeature(*full, problem->m_featureName));
    } else {
        problem->m_dataset = std::move(full);
    }
    const Dataset& d = *problem->m_dataset;
    try {
        problem->m_modelSpec =
            makeModelSpec(spec.type, d.features, d.isClassification() ? d.numClasses : 0,
                          spec.hidden, spec.activation);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(std::string("problem: ") + e.what() + " (dataset " + d.name +
                                    ")");
    }
    try {
        problem->m_split = makeSplit(d, spec.valFraction, seed);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(std::string("problem.val_fraction: ") + e.what());
    }
    if (!d.storesBytes()) {
        std::vector<int> all(static_cast<std::size_t>(d.rows));
        for (int r = 0; r < d.rows; ++r)
            all[static_cast<std::size_t>(r)] = r;
        std::vector<float> allX(all.size() * static_cast<std::size_t>(d.features));
        std::vector<float> allTargets(d.isRegression() ? all.size() : 0);
        problem->gather(all.data(), d.rows, allX.data(), nullptr,
                        allTargets.empty() ? nullptr : allTargets.data());
        const auto fill = [&](const std::vector<int>& rows, std::vector<float>& X,
                              std::vector<int>& labels, std::vector<float>& targets) {
            const auto n = rows.size();
            X.resize(n * static_cast<std::size_t>(d.features));
            if (d.isClassification())
                labels.resize(n);
            else
                targets.resize(n);
            problem->gather(rows.data(), static_cast<int>(n), X.data(),
                            labels.empty() ? nullptr : labels.data(),
                            targets.empty() ? nullptr : targets.data());
        };
        fill(problem->m_split.train, problem->m_trainX, problem->m_trainLabels,
             problem->m_trainTargets);
        fill(problem->m_split.validation, problem->m_valX, problem->m_valLabels,
             problem->m_valTargets);
        problem->m_allX = std::move(allX);
        problem->m_allTargets = std::move(allTargets);
    }
    return problem;
}

void ModelProblem::gather(const int* rows, int count, float* X, int* labels, float* targets) const
{
    const Dataset& d = *m_dataset;
    if (!m_allX.empty()) {
        // Copies of the rows standardized once in create(): the same floats, cheaper.
        const auto f = static_cast<std::size_t>(d.features);
        for (int i = 0; i < count; ++i)
            std::copy_n(m_allX.data() + static_cast<std::size_t>(rows[i]) * f, f,
                        X + static_cast<std::size_t>(i) * f);
        if (d.isClassification()) {
            if (labels != nullptr)
                gatherLabels(d, rows, count, labels);
        } else if (targets != nullptr) {
            for (int i = 0; i < count; ++i)
                targets[i] = m_allTargets[static_cast<std::size_t>(rows[i])];
        }
        return;
    }
    gatherStandardized(d, m_split.standardization, rows, count, X);
    if (d.isClassification()) {
        if (labels != nullptr)
            gatherLabels(d, rows, count, labels);
    } else if (targets != nullptr) {
        gatherStandardizedTargets(d, m_split.standardization, rows, count, targets);
    }
}

Evaluation ModelProblem::evaluateRows(Model<float>& model, const float* params,
                                      const std::vector<int>& rows, const std::vector<float>& X,
                                      const std::vector<int>& labels,
                                      const std::vector<float>& targets, bool lossOnly) const
{
    Evaluation result;
    const int n = static_cast<int>(rows.size());
    if (n == 0) {
        result.loss = result.accuracy = std::numeric_limits<double>::quiet_NaN();
        return result;
    }
    const bool classification = m_dataset->isClassification();
    if (!X.empty()) {
        const int* l = classification ? labels.data() : nullptr;
        const float* t = classification ? nullptr : targets.data();
        if (lossOnly) {
            result.loss = model.loss(params, X.data(), n, l, t);
            result.accuracy = std::numeric_limits<double>::quiet_NaN();
            return result;
        }
        return model.evaluate(params, X.data(), n, l, t);
    }
    // Byte datasets: gather and evaluate chunk by chunk, combining the means by row counts.
    const int f = features();
    thread_local std::vector<float> chunkX;
    thread_local std::vector<int> chunkLabels;
    thread_local std::vector<float> chunkTargets;
    chunkX.resize(static_cast<std::size_t>(kEvaluationChunk) * static_cast<std::size_t>(f));
    chunkLabels.resize(kEvaluationChunk);
    chunkTargets.resize(kEvaluationChunk);
    double lossSum = 0.0;
    double correct = 0.0;
    for (int start = 0; start < n; start += kEvaluationChunk) {
        const int m = std::min(kEvaluationChunk, n - start);
        gather(rows.data() + start, m, chunkX.data(), chunkLabels.data(), chunkTargets.data());
        const int* l = classification ? chunkLabels.data() : nullptr;
        const float* t = classification ? nullptr : chunkTargets.data();
        if (lossOnly) {
            lossSum += static_cast<double>(model.loss(params, chunkX.data(), m, l, t)) * m;
        } else {
            const Evaluation e = model.evaluate(params, chunkX.data(), m, l, t);
            lossSum += e.loss * m;
            correct += e.accuracy * m;
        }
    }
    result.loss = lossSum / n;
    result.accuracy =
        (classification && !lossOnly) ? correct / n : std::numeric_limits<double>::quiet_NaN();
    return result;
}

Evaluation ModelProblem::evaluateTrain(Model<float>& model, const float* params) const
{
    return evaluateRows(model, params, m_split.train, m_trainX, m_trainLabels, m_trainTargets,
                        false);
}

Evaluation ModelProblem::evaluateValidation(Model<float>& model, const float* params) const
{
    return evaluateRows(model, params, m_split.validation, m_valX, m_valLabels, m_valTargets,
                        false);
}

double ModelProblem::trainLoss(Model<float>& model, const float* params) const
{
    return evaluateRows(model, params, m_split.train, m_trainX, m_trainLabels, m_trainTargets, true)
        .loss;
}

} // namespace lrlab
