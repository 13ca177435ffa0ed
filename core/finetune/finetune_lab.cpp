#include "core/finetune/finetune_lab.h"

#include "core/analysis/diagnosis.h"
#include "core/datasets/batch_sampler.h"
#include "core/datasets/split.h"
#include "core/engine/model_problem.h"
#include "core/engine/parallel_engine.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <utility>

namespace lrlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Rows per evaluation chunk reserved in each run's model.
constexpr int kEvaluationRows = 512;

void gatherRowsInto(const Dataset& d, const Standardization& s, const std::vector<int>& rows,
                    std::vector<float>& X, std::vector<int>& labels)
{
    X.resize(rows.size() * static_cast<std::size_t>(d.features));
    labels.resize(rows.size());
    gatherStandardized(d, s, rows.data(), static_cast<int>(rows.size()), X.data());
    gatherLabels(d, rows.data(), static_cast<int>(rows.size()), labels.data());
}

} // namespace

OptimizerSpec defaultFineTuneOptimizer()
{
    OptimizerSpec spec;
    spec.type = "adamw";
    return spec;
}

ScheduleSpec defaultFineTuneSchedule()
{
    ScheduleSpec spec;
    spec.learningRate = 1e-3;
    return spec;
}

std::shared_ptr<const FineTuneData> FineTuneData::create(const FineTuneDataSpec& spec)
{
    std::shared_ptr<FineTuneData> data(new FineTuneData());
    data->m_spec = spec;
    const std::shared_ptr<const Dataset> source = cachedDataset(spec.dataset);
    if (!source->isClassification())
        throw std::invalid_argument("dataset " + source->name + " is not a classification task");
    imageSide(*source); // the shifts need square images: fail early with the reason
    const Dataset target = shiftDataset(*source, spec.shift);
    data->m_pretrained = loadOrPretrain(spec.recipe, *source, spec.cacheDirectory);
    data->m_features = source->features;
    // The split pre-training used; both tasks use its rows and its standardization.
    const DataSplit split = makeSplit(*source, spec.recipe.valFraction, spec.recipe.seed);
    gatherRowsInto(target, split.standardization, split.train, data->m_targetTrainX,
                   data->m_targetTrainLabels);
    gatherRowsInto(target, split.standardization, split.validation, data->m_targetValX,
                   data->m_targetValLabels);
    gatherRowsInto(*source, split.standardization, split.validation, data->m_sourceValX,
                   data->m_sourceValLabels);
    if (data->m_targetValLabels.empty())
        throw std::invalid_argument("fine-tuning needs a validation split (val_fraction > 0)");
    Model<float> model(data->modelSpec());
    model.reserve(kEvaluationRows);
    const Eigen::VectorXf params = Eigen::Map<const Eigen::VectorXf>(
        data->m_pretrained.parameters.data(),
        static_cast<Eigen::Index>(data->m_pretrained.parameters.size()));
    data->m_pretrainedSource =
        model.evaluate(params.data(), data->m_sourceValX.data(), data->sourceValidationCount(),
                       data->m_sourceValLabels.data(), nullptr);
    data->m_pretrainedTarget =
        model.evaluate(params.data(), data->m_targetValX.data(), data->targetValidationCount(),
                       data->m_targetValLabels.data(), nullptr);
    return data;
}

std::size_t optimizerStateBytes(const std::string& type, int parameters)
{
    OptimizerSpec spec;
    spec.type = type;
    auto optimizer = makeOptimizer<float>(spec);
    optimizer->reset(parameters);
    return optimizer->stateBytes();
}

FineTuneResult runFineTune(const FineTuneData& data, const FineTuneConfig& config,
                           const CancelFlag* cancel)
{
    if (config.steps < 1)
        throw std::invalid_argument("steps must be >= 1, got " + std::to_string(config.steps));
    if (config.batchSize < 1)
        throw std::invalid_argument("batch size must be >= 1, got " +
                                    std::to_string(config.batchSize));
    if (config.evalEvery < 1)
        throw std::invalid_argument("eval_every must be >= 1");
    if (!(config.schedule.learningRate > 0.0) || !std::isfinite(config.schedule.learningRate))
        throw std::invalid_argument("lr must be a positive number");

    FineTuneResult r;
    r.method = config.method;
    r.learningRate = config.schedule.learningRate;
    const int available = data.targetTrainCount();
    const int n = config.trainSize <= 0 ? available : std::min(config.trainSize, available);
    r.trainSize = n;

    FineTuneModel<float> model(data.modelSpec(), data.pretrained().parameters, config.method,
                               config.lora);
    const int batchSize = std::min(config.batchSize, n);
    model.reserve(std::max(batchSize, kEvaluationRows));
    const int t = model.trainableCount();
    r.trainableParameters = t;
    r.stateBytesAdam = optimizerStateBytes("adam", t);
    r.stateBytesAdam8bit = optimizerStateBytes("adam8bit", t);

    Eigen::VectorXf theta(t);
    Eigen::VectorXf grad(t);
    model.initialize(config.seed, theta.data());
    auto optimizer = makeOptimizer<float>(config.optimizer);
    optimizer->reset(t);
    r.stateBytes = optimizer->stateBytes();

    // The first n target training rows (a seeded draw: the split is a permutation), batched by
    // position into the pre-gathered matrix.
    std::vector<int> positions(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        positions[static_cast<std::size_t>(i)] = i;
    BatchSampler sampler(positions, batchSize, config.seed);
    ScheduleSpec schedule = config.schedule;
    schedule.totalSteps = config.steps;

    const int f = data.features();
    const auto fs = static_cast<std::size_t>(f);
    Eigen::VectorXf X(static_cast<Eigen::Index>(batchSize) * f);
    std::vector<int> labels(static_cast<std::size_t>(batchSize));
    // Every buffer of the step loop is sized here: the loop itself never allocates.
    r.loss.reserve(static_cast<std::size_t>(config.steps));
    const auto evaluations = static_cast<std::size_t>(config.steps / config.evalEvery + 2);
    for (auto* v :
         {&r.targetTrainLoss, &r.targetValLoss, &r.targetValAccuracy, &r.sourceValAccuracy})
        v->reserve(evaluations);
    r.evalRows.reserve(evaluations);

    Evaluation target; // the last evaluations of the validation splits
    Evaluation source;
    const auto evaluateAll = [&](int row) {
        const Evaluation train =
            model.evaluate(theta.data(), data.targetTrainX(), n, data.targetTrainLabels(), nullptr);
        target =
            model.evaluate(theta.data(), data.targetValidationX(), data.targetValidationCount(),
                           data.targetValidationLabels(), nullptr);
        source =
            model.evaluate(theta.data(), data.sourceValidationX(), data.sourceValidationCount(),
                           data.sourceValidationLabels(), nullptr);
        r.evalRows.push_back(row);
        r.targetTrainLoss.push_back(train.loss);
        r.targetValLoss.push_back(target.loss);
        r.targetValAccuracy.push_back(target.accuracy);
        r.sourceValAccuracy.push_back(source.accuracy);
    };

    bool nonFinite = false;
    int k = 0;
    for (; k < config.steps; ++k) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
            r.status = RunStatus::Cancelled;
            break;
        }
        if (k % config.evalEvery == 0)
            evaluateAll(k);
        const Batch b = sampler.next();
        for (int i = 0; i < b.count; ++i) {
            const auto row = static_cast<std::size_t>(b.rows[i]);
            std::copy_n(data.targetTrainX() + row * fs, fs,
                        X.data() + static_cast<std::size_t>(i) * fs);
            labels[static_cast<std::size_t>(i)] = data.targetTrainLabels()[row];
        }
        const float loss = model.lossAndGradient(theta.data(), X.data(), b.count, labels.data(),
                                                 nullptr, grad.data());
        r.loss.push_back(loss);
        if (!std::isfinite(loss) || !grad.allFinite()) {
            nonFinite = true;
            break;
        }
        optimizer->step(theta, grad, learningRateAt(schedule, k));
        if (!theta.allFinite()) {
            nonFinite = true;
            ++k;
            break;
        }
    }
    r.steps = k;
    if (nonFinite) {
        r.status = RunStatus::Diverged;
        r.diverged = true;
        r.targetValidationAccuracy = r.targetValidationLoss = kNaN;
        r.sourceValidationAccuracy = r.sourceValidationLoss = r.forgetting = kNaN;
        return r;
    }
    evaluateAll(k); // the final evaluations are the run's results
    r.targetValidationAccuracy = target.accuracy;
    r.targetValidationLoss = target.loss;
    r.sourceValidationAccuracy = source.accuracy;
    r.sourceValidationLoss = source.loss;
    r.forgetting = data.pretrainedSourceValidation().accuracy - source.accuracy;
    if (r.status != RunStatus::Cancelled) {
        // Diverged as docs/semantics.md §2.6 says (the full target training loss, not the noisy
        // batches).
        LossHistory history;
        history.loss = r.targetTrainLoss;
        r.diverged = diagnose(history).label == DiagnosisLabel::Diverged;
        if (r.diverged)
            r.status = RunStatus::Diverged;
    }
    return r;
}

std::vector<FineTuneResult> runFineTuneSweep(const FineTuneData& data,
                                             const FineTuneSweepSpec& spec,
                                             const FineTuneSweepOptions& options)
{
    struct Point
    {
        FineTuneMethod method;
        int size;
        double rate;
    };
    const std::vector<int> sizes =
        spec.sizes.empty() ? std::vector<int>{spec.base.trainSize} : spec.sizes;
    std::vector<Point> points;
    for (int size : sizes)
        for (FineTuneMethod method : spec.methods)
            for (double rate : spec.rates)
                points.push_back({method, size, rate});

    std::vector<FineTuneResult> results(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        FineTuneResult& r = results[i];
        r.method = points[i].method;
        r.learningRate = points[i].rate;
        r.trainSize = points[i].size <= 0 ? data.targetTrainCount()
                                          : std::min(points[i].size, data.targetTrainCount());
        r.status = RunStatus::Cancelled;
        r.targetValidationAccuracy = r.targetValidationLoss = kNaN;
        r.sourceValidationAccuracy = r.sourceValidationLoss = r.forgetting = kNaN;
    }
    parallelFor(static_cast<int>(points.size()),
                [&](int index, int) {
                    const auto i = static_cast<std::size_t>(index);
                    FineTuneConfig config = spec.base;
                    config.method = points[i].method;
                    config.trainSize = points[i].size;
                    config.schedule.learningRate = points[i].rate;
                    FineTuneResult r = runFineTune(data, config, options.cancel);
                    if (!options.keepCurves) {
                        r.loss = {};
                        r.evalRows = {};
                        r.targetTrainLoss = r.targetValLoss = r.targetValAccuracy =
                            r.sourceValAccuracy = {};
                    }
                    results[i] = std::move(r);
                },
                {options.threads, options.cancel, options.progress});
    return results;
}

std::vector<BestRate> bestRates(const std::vector<FineTuneResult>& results)
{
    std::vector<BestRate> best;
    std::map<std::pair<int, int>, std::size_t> group;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const FineTuneResult& r = results[i];
        const std::pair<int, int> key{static_cast<int>(r.method), r.trainSize};
        auto it = group.find(key);
        if (it == group.end()) {
            BestRate b;
            b.method = r.method;
            b.trainSize = r.trainSize;
            b.learningRate = b.targetValidationAccuracy = b.targetValidationLoss = kNaN;
            it = group.emplace(key, best.size()).first;
            best.push_back(b);
        }
        BestRate& b = best[it->second];
        if (r.diverged || r.status == RunStatus::Cancelled ||
            !std::isfinite(r.targetValidationAccuracy))
            continue;
        const bool better = b.index < 0 ||
                            r.targetValidationAccuracy > b.targetValidationAccuracy ||
                            (r.targetValidationAccuracy == b.targetValidationAccuracy &&
                             (r.targetValidationLoss < b.targetValidationLoss ||
                              (r.targetValidationLoss == b.targetValidationLoss &&
                               r.learningRate < b.learningRate)));
        if (better) {
            b.learningRate = r.learningRate;
            b.targetValidationAccuracy = r.targetValidationAccuracy;
            b.targetValidationLoss = r.targetValidationLoss;
            b.index = static_cast<int>(i);
        }
    }
    return best;
}

} // namespace lrlab
