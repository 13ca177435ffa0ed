#pragma once

#include <string>
#include <vector>

namespace lrlab {

/// The real-model kinds of docs/semantics.md §2.2.
enum class ModelKind {
    LinReg,  ///< y = w·x + b on one feature, mean squared error
    LogReg,  ///< one logit w·x + b on one feature, binary cross-entropy with logits
    Softmax, ///< multinomial logistic regression, cross-entropy
    Mlp      ///< hidden layers + linear output, cross-entropy or mean squared error
};

/// Hidden-layer nonlinearity of an MLP.
enum class Activation {
    Relu, ///< max(z, 0); derivative taken as 0 at z = 0, as torch's threshold_backward
    Tanh  ///< tanh(z)
};

/// The loss a model minimizes; always the mean over the batch rows.
enum class LossKind {
    CrossEntropy,       ///< log_softmax + nll: logsumexp(z) − z_label (stable form)
    BinaryCrossEntropy, ///< with logits: max(z, 0) − z·y + log1p(exp(−|z|)), y in {0, 1}
    MeanSquaredError    ///< (ŷ − y)²
};

/// The shape of a model: what makeModelSpec() builds from a config and Model<> consumes.
/// Plain value; checkModelSpec() tells whether the fields are consistent.
struct ModelSpec
{
    ModelKind kind = ModelKind::Mlp;
    int inputs = 1;                           ///< features per sample, >= 1
    int outputs = 1;                          ///< classes (softmax, mlp classification), else 1
    std::vector<int> hidden;                  ///< mlp hidden widths, each >= 1; empty otherwise
    Activation activation = Activation::Relu; ///< mlp only
    LossKind loss = LossKind::MeanSquaredError;

    /// True when the model predicts classes (labels), false when it regresses targets.
    bool isClassification() const { return loss != LossKind::MeanSquaredError; }
};

/// Builds the spec of a model from its config values (docs/semantics.md §2.2).
/// type: "linreg", "logreg", "softmax" or "mlp"; inputs: features per sample; classes: the
/// number of classes of a classification dataset, or 0 for a regression dataset; hidden and
/// activation ("relu" or "tanh"): used by mlp only, ignored by the other kinds (the config
/// carries the defaults hidden [32], relu for every model type).
/// Throws std::invalid_argument naming what is wrong: unknown type or activation, inputs < 1,
/// classes 1 or negative, linreg with classes or more than one input feature, logreg with
/// classes != 2 or more than one input, softmax on a regression dataset, mlp without hidden
/// layers or with a width < 1.
ModelSpec makeModelSpec(const std::string& type, int inputs, int classes,
                        const std::vector<int>& hidden, const std::string& activation);

/// Throws std::invalid_argument when spec's fields do not form a model makeModelSpec() could
/// have built (the Model constructor calls it).
void checkModelSpec(const ModelSpec& spec);

/// The config name of a kind: "linreg", "logreg", "softmax", "mlp".
std::string modelKindName(ModelKind kind);
/// The kind of a config name; throws std::invalid_argument for an unknown name.
ModelKind parseModelKind(const std::string& name);
/// "relu" or "tanh".
std::string activationName(Activation activation);
/// The activation of a config name; throws std::invalid_argument for an unknown name.
Activation parseActivation(const std::string& name);

} // namespace lrlab
