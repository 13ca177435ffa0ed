#include "core/config/resource_estimate.h"

#include "core/util/input_file.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <stdexcept>
#include <vector>

namespace lrlab {

namespace {

constexpr double kFloatBytes = 4.0;
/// Rows a model reserves at least: full-data evaluations run in chunks of this many
/// (ModelProblem::kEvaluationChunk).
constexpr double kEvaluationChunk = 512.0;
/// Bytes an evaluation row keeps (train loss, validation loss and accuracy, the step).
constexpr double kTraceBytesPerEvaluation = 32.0;
/// The cost of one toy-surface step (gradient, optimizer, trace row).
constexpr double kToyStepSeconds = 1.0e-7;

const std::map<std::string, DataShape>& builtinShapes()
{
    static const std::map<std::string, DataShape> shapes{
        {"iris", {150, 4, 3}},           {"wine", {178, 13, 3}},
        {"breast_cancer", {569, 30, 2}}, {"digits", {1797, 64, 10}},
        {"diabetes", {442, 10, 0}},      {"fashion_mnist", {70000, 784, 10}}};
    return shapes;
}

bool isCsvPath(const std::string& name)
{
    return name.find('/') != std::string::npos ||
           (name.size() >= 4 && name.compare(name.size() - 4, 4, ".csv") == 0);
}

/// Optimizer state floats per parameter.
double stateFloatsPerParameter(const OptimizerSpec& spec)
{
    const OptimizerSpec r = spec.resolved();
    if (r.type == "sgd")
        return r.momentum > 0.0 ? 1.0 : 0.0;
    if (r.type == "rmsprop")
        return r.momentum > 0.0 ? 2.0 : 1.0;
    if (r.type == "adam" || r.type == "adamw")
        return 2.0;
    if (r.type == "adam8bit")
        return 0.5; // two byte-wide moments plus block scales
    return 1.0;     // adagrad, lion
}

/// Layer widths from inputs to outputs.
std::vector<double> layerWidths(const ProblemSpec& problem, const DataShape& shape)
{
    const bool oneFeature = isOneFeatureModel(problem.type);
    std::vector<double> widths{oneFeature ? 1.0 : std::max(1.0, shape.features)};
    if (problem.type == "mlp")
        for (const int h : problem.hidden)
            widths.push_back(h);
    const bool classes = shape.classes >= 2 && problem.type != "logreg";
    widths.push_back(classes ? shape.classes : 1.0);
    return widths;
}

std::string hiddenText(const std::vector<int>& hidden)
{
    std::string text = "[";
    for (std::size_t i = 0; i < hidden.size(); ++i)
        text += (i > 0 ? ", " : "") + std::to_string(hidden[i]);
    return text + "]";
}

std::string bytesText(double bytes)
{
    return bytes >= 1.8e19 ? "more than 16 EiB" : formatBytes(static_cast<std::uint64_t>(bytes));
}

std::string countText(double count)
{
    if (count < 9.0e18)
        return std::to_string(static_cast<long long>(count));
    return "more than 9e18";
}

/// The key a model's size is changed with, and how the message names the model.
std::pair<std::string, std::string> modelSizeKey(const RunConfig& config)
{
    if (config.problem.type == "mlp")
        return {"problem.hidden", hiddenText(config.problem.hidden)};
    return {"problem.dataset",
            config.problem.type + " on " +
                (config.problem.dataset.empty() ? defaultDataset(config.problem.type)
                                                : config.problem.dataset)};
}

[[noreturn]] void refuse(const std::string& key, const std::string& what)
{
    throw std::invalid_argument(key + ": " + what);
}

void checkMemory(const RunConfig& config, const ResourceEstimate& e, const DataShape& shape)
{
    const double total = e.memoryBytes();
    if (!(total > kMemoryLimitBytes))
        return;
    const std::string limit = ", more than the " +
                              formatBytes(static_cast<std::uint64_t>(kMemoryLimitBytes)) +
                              " a run may use (README, Limits)";
    const double largest =
        std::max({e.parameterBytes, e.workspaceBytes, e.traceBytes, e.datasetBytes});
    if (largest == e.traceBytes)
        refuse("steps", std::to_string(config.steps) + " steps keep " + bytesText(e.traceBytes) +
                            " of trace rows (" + bytesText(total) + " in all)" + limit);
    if (largest == e.datasetBytes)
        refuse("problem.dataset", "the dataset (" + countText(shape.rows) + " rows of " +
                                      countText(shape.features) + " features) needs " +
                                      bytesText(e.datasetBytes) + limit);
    if (largest == e.workspaceBytes && config.problem.batchSize > kEvaluationChunk)
        refuse("problem.batch_size", std::to_string(config.problem.batchSize) +
                                         " rows a batch need " + bytesText(e.workspaceBytes) +
                                         " of activations (" + bytesText(total) + " in all)" +
                                         limit);
    const auto [key, model] = modelSizeKey(config);
    refuse(key, model + " needs " + bytesText(e.parameters * kFloatBytes) + " of parameters (" +
                    countText(e.parameters) + " parameters; " + bytesText(total) +
                    " with gradients, optimizer state and workspace)" + limit);
}

void checkTime(const RunConfig& config, const ResourceEstimate& e, const DataShape& shape)
{
    const double total = e.seconds();
    if (!(total > kTimeLimitSeconds))
        return;
    const std::string limit =
        ", more than the " + formatDuration(kTimeLimitSeconds) + " a run may take (README, Limits)";
    const std::string estimate = "an estimated " + formatDuration(total);
    if (e.evaluationSeconds > e.stepSeconds)
        refuse("eval_every", "evaluating all " + countText(shape.rows) + " rows every " +
                                 std::to_string(config.evalEvery) + " steps for " +
                                 std::to_string(config.steps) + " steps takes " + estimate + limit);
    const double perThousandSteps = e.stepSeconds / config.steps * 1000.0;
    if (isModelType(config.problem.type) && perThousandSteps > kTimeLimitSeconds) {
        const auto [key, model] = modelSizeKey(config);
        refuse(key, model + " has " + countText(e.parameters) + " parameters: " +
                        std::to_string(config.steps) + " steps take " + estimate + limit);
    }
    refuse("steps", std::to_string(config.steps) + " steps of this " + config.problem.type +
                        " take " + estimate + limit);
}

} // namespace

std::optional<DataShape> peekDataShape(const ProblemSpec& problem)
{
    if (!isModelType(problem.type))
        return std::nullopt;
    const std::string name =
        problem.dataset.empty() ? defaultDataset(problem.type) : problem.dataset;
    if (!isCsvPath(name)) {
        const auto it = builtinShapes().find(name);
        if (it == builtinShapes().end())
            return std::nullopt;
        return it->second;
    }
    try {
        RegularFile file(name, kMaxDatasetFileBytes, "a dataset file");
        const std::string head = file.readPrefix(65536);
        const std::string header = head.substr(0, head.find_first_of("\r\n"));
        const double columns =
            1.0 + static_cast<double>(std::count(header.begin(), header.end(), ','));
        DataShape shape;
        shape.features = std::max(1.0, columns - 1.0);
        // Every cell takes at least a digit and a separator.
        shape.rows = std::floor(static_cast<double>(file.size()) / (2.0 * columns));
        const bool target =
            header.size() >= 6 && header.compare(header.size() - 6, 6, "target") == 0;
        shape.classes = target ? 0 : 2;
        return shape;
    } catch (const InputFileError&) {
        return std::nullopt;
    }
}

ResourceEstimate estimateResources(const RunConfig& config, const DataShape& shape)
{
    ResourceEstimate e;
    const double steps = std::max(1, config.steps);
    if (!isModelType(config.problem.type)) {
        e.parameters = 2;
        e.traceBytes = steps * kTraceBytesPerStep;
        e.stepSeconds = steps * kToyStepSeconds;
        return e;
    }
    const std::vector<double> widths = layerWidths(config.problem, shape);
    double multiplyAdds = 0; // per row, forward
    double activations = 0;  // per row
    double widest = 0;
    double gemmBlock = 0;
    const double trainRows =
        std::max(1.0, std::ceil(shape.rows * (1.0 - config.problem.valFraction)));
    const double batch = std::min<double>(config.problem.batchSize, trainRows);
    const double reserved = std::max(batch, kEvaluationChunk);
    for (std::size_t i = 0; i + 1 < widths.size(); ++i) {
        const double in = widths[i];
        const double out = widths[i + 1];
        e.parameters += in * out + out;
        multiplyAdds += in * out;
        activations += out;
        widest = std::max(widest, out);
        gemmBlock = std::max({gemmBlock, in * out, reserved * std::max(in, out)});
    }
    // Parameters, gradient, the initial and final copies, and the optimizer's state.
    e.parameterBytes =
        e.parameters * kFloatBytes * (4.0 + stateFloatsPerParameter(config.optimizer));
    e.workspaceBytes = kFloatBytes * (reserved * (activations + 2.0 * widest) + 2.0 * gemmBlock);
    const double evaluations = std::floor((steps - 1) / std::max(1, config.evalEvery)) + 2.0;
    e.traceBytes = steps * kTraceBytesPerStep + evaluations * kTraceBytesPerEvaluation;
    // The values as loaded (double) and as the model reads them (float).
    e.datasetBytes = shape.rows * shape.features * (8.0 + kFloatBytes);
    // Forward 2, backward 4 operations per multiply-add and row; the optimizer ~10 per parameter.
    const double stepFlops = 6.0 * batch * multiplyAdds + 10.0 * e.parameters;
    e.stepSeconds = steps * (kStepOverheadSeconds + stepFlops / kAssumedFlopsPerSecond);
    e.evaluationSeconds = evaluations * 2.0 * shape.rows * multiplyAdds / kAssumedFlopsPerSecond;
    return e;
}

void checkResourceLimits(const RunConfig& config, const DataShape& shape)
{
    if (config.steps > kMaxRunSteps)
        refuse("steps", std::to_string(config.steps) + " steps would keep about " +
                            bytesText(config.steps * kTraceBytesPerStep) +
                            " of traces in memory; at most " + std::to_string(kMaxRunSteps) +
                            " steps (README, Limits)");
    const ResourceEstimate e = estimateResources(config, shape);
    if (e.parameters > INT_MAX) {
        const auto [key, model] = modelSizeKey(config);
        refuse(key, model + " needs " + bytesText(e.parameters * kFloatBytes) + " of parameters (" +
                        countText(e.parameters) + " parameters; a model holds at most " +
                        std::to_string(INT_MAX) + ")");
    }
    checkMemory(config, e, shape);
    checkTime(config, e, shape);
}

void checkResourceLimits(const RunConfig& config)
{
    if (!isModelType(config.problem.type)) {
        checkResourceLimits(config, DataShape{});
        return;
    }
    // An unknown or unreadable dataset: the limits are checked again once it is loaded.
    if (const std::optional<DataShape> shape = peekDataShape(config.problem))
        checkResourceLimits(config, *shape);
}

std::string formatDuration(double seconds)
{
    // Integer arithmetic, so the text is the same in every locale.
    const auto tenths = [](double v) {
        const auto t = static_cast<long long>(std::llround(v * 10.0));
        return std::to_string(t / 10) + (t % 10 != 0 ? "." + std::to_string(t % 10) : "");
    };
    if (!(seconds < 3.6e15))
        return "forever";
    if (seconds < 90.0)
        return tenths(seconds) + " s";
    if (seconds < 5400.0)
        return std::to_string(std::llround(seconds / 60.0)) + " min";
    if (seconds < 172800.0)
        return tenths(seconds / 3600.0) + " h";
    return std::to_string(std::llround(seconds / 86400.0)) + " days";
}

} // namespace lrlab
