#pragma once

#include "core/analysis/diagnosis.h"
#include "core/config/run_config.h"
#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"

#include <memory>
#include <string>
#include <vector>

namespace lrlab::test {

/// A run of problem `type` with its default settings, `optimizer` with its defaults, and a
/// constant learning rate lr for `steps` steps (schedule.totalSteps = steps). The defaults are
/// RunConfig's own.
inline RunConfig runConfig(const std::string& type, double lr = 0.01, int steps = 1000,
                           const std::string& optimizer = "sgd")
{
    RunConfig c;
    c.problem.type = type;
    c.optimizer.type = optimizer;
    c.schedule.learningRate = lr;
    c.steps = c.schedule.totalSteps = steps;
    return c;
}

/// runConfig() of Rosenbrock (a = 1, b = 100) from (−1.5, 2), where
/// f = (1 + 1.5)² + 100 (2 − 2.25)² = 12.5.
inline RunConfig rosenbrockRun(double lr, int steps, const std::string& optimizer = "sgd")
{
    RunConfig c = runConfig("rosenbrock", lr, steps, optimizer);
    c.init = {-1.5, 2.0};
    return c;
}

/// runConfig() of the digits MLP: 64 pixels → `hidden` tanh units → 10 classes.
inline RunConfig digitsMlp(int hidden, double lr = 0.01, int steps = 1000,
                           const std::string& optimizer = "sgd")
{
    RunConfig c = runConfig("mlp", lr, steps, optimizer);
    c.problem.dataset = "digits";
    c.problem.hidden = {hidden};
    c.problem.activation = "tanh";
    return c;
}

/// A finished model run and the problem it ran on (the problem outlives the trace's use).
struct ModelRun
{
    std::shared_ptr<const ModelProblem> problem;
    ModelTrace trace;
};

/// Builds config's problem (from config.problem and config.seed) and trains on it to the end.
inline ModelRun trainModel(const RunConfig& config, const ModelRunOptions& options = {})
{
    ModelRun run;
    run.problem = ModelProblem::create(config.problem, config.seed);
    run.trace = runModel(config, *run.problem, nullptr, options);
    return run;
}

/// The standardized training rows of a problem, in split order, as the model sees them.
struct TrainRows
{
    int rows = 0;
    int features = 0;
    std::vector<float> x;       ///< rows × features, row-major
    std::vector<int> labels;    ///< classification
    std::vector<float> targets; ///< regression
};

/// Gathers every training row of problem (ModelProblem::gather()).
inline TrainRows trainRows(const ModelProblem& problem)
{
    TrainRows out;
    out.rows = problem.trainCount();
    out.features = problem.features();
    const auto n = static_cast<std::size_t>(out.rows);
    out.x.resize(n * static_cast<std::size_t>(out.features));
    out.labels.resize(n);
    out.targets.resize(n);
    problem.gather(problem.split().train.data(), out.rows, out.x.data(), out.labels.data(),
                   out.targets.data());
    return out;
}

/// Diagnoses a model run as the CLI and the GUI do: the noisy minibatch loss, judged with the
/// validation and train losses of the evaluated rows.
inline Diagnosis diagnoseModel(const ModelTrace& trace)
{
    LossHistory history;
    history.loss.assign(trace.loss.begin(), trace.loss.end());
    history.noisy = true;
    history.validation = trace.validationLoss;
    history.validationTrain = trace.trainLoss;
    return diagnose(history);
}

} // namespace lrlab::test
