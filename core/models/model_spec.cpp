#include "core/models/model_spec.h"

#include <climits>
#include <cstdint>
#include <stdexcept>

namespace lrlab {

namespace {

/// Model<> indexes its parameters with int: refuse a shape whose count does not fit, computed
/// in 64 bits (each product of two int widths fits; the sum is checked as it grows).
void checkParameterCount(int inputs, const std::vector<int>& hidden, int outputs)
{
    std::int64_t count = 0;
    std::int64_t previous = inputs;
    std::vector<int> widths = hidden;
    widths.push_back(outputs);
    for (const int width : widths) {
        count += previous * width + width;
        if (count > INT_MAX) {
            std::string shape = std::to_string(inputs);
            for (const int w : widths)
                shape += "x" + std::to_string(w);
            throw std::invalid_argument("mlp " + shape + " has more than " +
                                        std::to_string(INT_MAX) + " parameters");
        }
        previous = width;
    }
}

} // namespace

std::string modelKindName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::LinReg:
        return "linreg";
    case ModelKind::LogReg:
        return "logreg";
    case ModelKind::Softmax:
        return "softmax";
    case ModelKind::Mlp:
        return "mlp";
    }
    return "unknown";
}

ModelKind parseModelKind(const std::string& name)
{
    if (name == "linreg")
        return ModelKind::LinReg;
    if (name == "logreg")
        return ModelKind::LogReg;
    if (name == "softmax")
        return ModelKind::Softmax;
    if (name == "mlp")
        return ModelKind::Mlp;
    throw std::invalid_argument("unknown model type \"" + name +
                                "\" (expected linreg, logreg, softmax or mlp)");
}

std::string activationName(Activation activation)
{
    return activation == Activation::Tanh ? "tanh" : "relu";
}

Activation parseActivation(const std::string& name)
{
    if (name == "relu")
        return Activation::Relu;
    if (name == "tanh")
        return Activation::Tanh;
    throw std::invalid_argument("unknown activation \"" + name + "\" (expected relu or tanh)");
}

ModelSpec makeModelSpec(const std::string& type, int inputs, int classes,
                        const std::vector<int>& hidden, const std::string& activation)
{
    ModelSpec spec;
    spec.kind = parseModelKind(type);
    if (inputs < 1)
        throw std::invalid_argument(type + " needs at least one input feature, got " +
                                    std::to_string(inputs));
    if (classes < 0 || classes == 1)
        throw std::invalid_argument("classes must be 0 (regression) or >= 2, got " +
                                    std::to_string(classes));
    spec.inputs = inputs;
    switch (spec.kind) {
    case ModelKind::LinReg:
        if (classes != 0)
            throw std::invalid_argument("linreg needs a regression dataset (a target column), "
                                        "got one with " +
                                        std::to_string(classes) + " classes");
        if (inputs != 1)
            throw std::invalid_argument("linreg needs exactly one input feature, got " +
                                        std::to_string(inputs));
        spec.outputs = 1;
        spec.loss = LossKind::MeanSquaredError;
        break;
    case ModelKind::LogReg:
        if (classes != 2)
            throw std::invalid_argument(
                "logreg needs exactly 2 classes, got " +
                (classes == 0 ? std::string("a regression dataset") : std::to_string(classes)));
        if (inputs != 1)
            throw std::invalid_argument("logreg needs exactly one input feature, got " +
                                        std::to_string(inputs));
        spec.outputs = 1;
        spec.loss = LossKind::BinaryCrossEntropy;
        break;
    case ModelKind::Softmax:
        if (classes == 0)
            throw std::invalid_argument("softmax needs a classification dataset (>= 2 classes), "
                                        "got a regression dataset");
        spec.outputs = classes;
        spec.loss = LossKind::CrossEntropy;
        break;
    case ModelKind::Mlp:
        if (hidden.empty())
            throw std::invalid_argument("mlp needs at least one hidden layer");
        for (int width : hidden)
            if (width < 1)
                throw std::invalid_argument("mlp hidden layer widths must be >= 1, got " +
                                            std::to_string(width));
        spec.hidden = hidden;
        checkParameterCount(inputs, hidden, classes == 0 ? 1 : classes);
        spec.activation = parseActivation(activation);
        spec.outputs = classes == 0 ? 1 : classes;
        spec.loss = classes == 0 ? LossKind::MeanSquaredError : LossKind::CrossEntropy;
        break;
    }
    return spec;
}

void checkModelSpec(const ModelSpec& spec)
{
    const bool regression = spec.loss == LossKind::MeanSquaredError;
    const int classes =
        regression ? 0 : (spec.loss == LossKind::BinaryCrossEntropy ? 2 : spec.outputs);
    if (spec.loss == LossKind::BinaryCrossEntropy && spec.outputs != 1)
        throw std::invalid_argument("binary cross-entropy needs exactly one output (logit)");
    if (spec.loss == LossKind::MeanSquaredError && spec.outputs != 1)
        throw std::invalid_argument("mean squared error models have exactly one output");
    const ModelSpec rebuilt = makeModelSpec(modelKindName(spec.kind), spec.inputs, classes,
                                            spec.hidden, activationName(spec.activation));
    if (rebuilt.loss != spec.loss)
        throw std::invalid_argument(modelKindName(spec.kind) + " does not use this loss");
    if (spec.kind != ModelKind::Mlp && !spec.hidden.empty())
        throw std::invalid_argument(modelKindName(spec.kind) + " has no hidden layers");
}

} // namespace lrlab
