#include "core/engine/model_run.h"

#include "core/datasets/batch_sampler.h"
#include "core/engine/evaluation_worker.h"
#include "core/optimizers/optimizer.h"
#include "core/schedules/schedule.h"
#include "core/util/finite_values.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

namespace lrlab {

Eigen::VectorXf initialModelParameters(const RunConfig& config, const Model<float>& model)
{
    const int p = model.parameterCount();
    Eigen::VectorXf params(p);
    if (config.init.empty()) {
        model.initialize(config.seed, params.data());
    } else if (static_cast<int>(config.init.size()) == p) {
        for (int i = 0; i < p; ++i)
            params(i) = static_cast<float>(config.init[static_cast<std::size_t>(i)]);
    } else {
        throw std::invalid_argument("init: this model has " + std::to_string(p) +
                                    " parameters, the config gives " +
                                    std::to_string(config.init.size()));
    }
    return params;
}

ModelTrace runModel(const RunConfig& config, const ModelProblem& problem, const CancelFlag* cancel,
                    const ModelRunOptions& options)
{
    Model<float> model(problem.modelSpec());
    const int batchSize = std::min(config.problem.batchSize, problem.trainCount());
    const int reservedRows = std::max(batchSize, ModelProblem::kEvaluationChunk);
    model.reserve(reservedRows);
    const int p = model.parameterCount();
    std::optional<EvaluationWorker> evaluator;
    if (options.parallelEvaluations)
        evaluator.emplace(problem, p, reservedRows);

    ModelTrace trace;
    trace.parameterCount = p;
    Eigen::VectorXf params = initialModelParameters(config, model);
    trace.initial.assign(params.data(), params.data() + p);

    auto optimizer = makeOptimizer<float>(config.optimizer);
    optimizer->reset(p);
    trace.optimizerStateBytes = optimizer->stateBytes();
    BatchSampler sampler(problem.split().train, config.problem.batchSize, config.seed);

    const int f = problem.features();
    Eigen::VectorXf X(static_cast<Eigen::Index>(config.problem.batchSize) * f);
    std::vector<int> labels(static_cast<std::size_t>(config.problem.batchSize));
    std::vector<float> targets(static_cast<std::size_t>(config.problem.batchSize));
    Eigen::VectorXf grad(p);
    const bool classification = problem.modelSpec().isClassification();

    const auto rows = static_cast<std::size_t>(config.steps);
    trace.learningRate.reserve(rows);
    trace.loss.reserve(rows);
    if (p == 2) {
        trace.x.reserve(rows);
        trace.y.reserve(rows);
    }
    if (options.recordBatches) {
        trace.batchOffsets.reserve(rows + 1);
        trace.batchOffsets.push_back(0);
        trace.batchRows.reserve(rows * static_cast<std::size_t>(config.problem.batchSize));
    }
    const int stride = options.maxSnapshots > 0
                           ? std::max(1, (config.steps + options.maxSnapshots - 2) /
                                             std::max(1, options.maxSnapshots - 1))
                           : 0;
    if (stride > 0) { // rows 0, stride, 2·stride, … and the final parameters
        const auto kept = static_cast<std::size_t>((config.steps - 1) / stride + 2);
        trace.snapshotRows.reserve(kept);
        trace.snapshots.reserve(kept * static_cast<std::size_t>(p));
    }
    int reported = 0;
    const auto report = [&]() {
        if (!options.observer)
            return true;
        if (evaluator)
            evaluator->collect(trace);
        const bool keepGoing = options.observer(trace, reported);
        reported = trace.rows();
        return keepGoing;
    };

    for (int k = 0; k < config.steps; ++k) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            trace.status = RunStatus::Cancelled;
            break;
        }
        const Batch batch = sampler.next();
        problem.gather(batch.rows, batch.count, X.data(), labels.data(), targets.data());
        if (options.recordBatches) {
            trace.batchRows.insert(trace.batchRows.end(), batch.rows, batch.rows + batch.count);
            trace.batchOffsets.push_back(static_cast<int>(trace.batchRows.size()));
        }
        const double lr = learningRateAt(config.schedule, k);
        const float loss = model.lossAndGradient(
            params.data(), X.data(), batch.count, classification ? labels.data() : nullptr,
            classification ? nullptr : targets.data(), grad.data());
        trace.learningRate.push_back(lr);
        trace.loss.push_back(loss);
        if (p == 2) {
            trace.x.push_back(params(0));
            trace.y.push_back(params(1));
        }
        if (stride > 0 && k % stride == 0) {
            trace.snapshots.insert(trace.snapshots.end(), params.data(), params.data() + p);
            trace.snapshotRows.push_back(k);
        }
        const bool finite = std::isfinite(loss) &&
                            allFinite(params.data(), static_cast<std::size_t>(params.size()));
        if (k % config.evalEvery == 0 || k == config.steps - 1 || !finite) {
            if (evaluator) {
                evaluator->submit(k, params.data(), trace);
            } else {
                const Evaluation train = problem.evaluateTrain(model, params.data());
                const Evaluation val = problem.evaluateValidation(model, params.data());
                trace.evalRows.push_back(k);
                trace.trainLoss.push_back(train.loss);
                trace.validationLoss.push_back(val.loss);
                trace.validationAccuracy.push_back(val.accuracy);
            }
        }
        if (!finite) {
            trace.status = RunStatus::Diverged;
            trace.divergedAt = k;
            break;
        }
        trace.lastFiniteLoss = loss;
        optimizer->step(params, grad, lr);
        if ((k + 1) % options.chunkSteps == 0 && !report()) {
            trace.status = RunStatus::Cancelled;
            break;
        }
    }
    if (evaluator && trace.status == RunStatus::Cancelled)
        evaluator.reset(); // abandoned: only the evaluation under way is finished, not the queue
    else if (evaluator)
        evaluator->finish(trace);
    trace.final.assign(params.data(), params.data() + p);
    if (trace.status == RunStatus::Finished &&
        !allFinite(params.data(), static_cast<std::size_t>(params.size()))) {
        // The last update overflowed: no row shows it, the final parameters do.
        trace.status = RunStatus::Diverged;
        trace.divergedAt = trace.rows();
    }
    if (stride > 0 && trace.status != RunStatus::Diverged) {
        trace.snapshots.insert(trace.snapshots.end(), params.data(), params.data() + p);
        trace.snapshotRows.push_back(trace.rows());
    }
    report();
    return trace;
}

} // namespace lrlab
