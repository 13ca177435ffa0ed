#pragma once

#include "core/optimizers/optimizer.h"
#include "core/schedules/schedule.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lrlab {

/// The default of the config's top-level "eval_every" (docs/semantics.md §2): models measure the
/// full training and validation loss every this many steps.
constexpr int kDefaultEvalEvery = 50;

/// The "problem" object of the config (docs/semantics.md §2): a toy surface or a real model.
/// A default-constructed spec is the default problem; defaultProblemSpec() gives the defaults of
/// one family. Toy surface parameters absent from `parameters` take the surface's defaults.
struct ProblemSpec
{
    std::string type = "rosenbrock";
    std::map<std::string, double> parameters; ///< toy surface parameters (a, b, angle_deg)
    double noise = 0.0;                       ///< toy: σ of the Gaussian gradient noise
    // Real models (docs/semantics.md §2.2).
    std::string dataset;             ///< name under resources/datasets or a CSV path
    std::string feature;             ///< linreg/logreg: the one input feature
    std::vector<int> hidden{32};     ///< mlp hidden layer widths
    std::string activation = "relu"; ///< mlp: relu or tanh
    int batchSize = 32;
    double valFraction = 0.2;
};

/// One experiment: the whole JSON config of docs/semantics.md §2 as plain values.
struct RunConfig
{
    ProblemSpec problem;
    std::vector<double> init; ///< start point; empty = the problem's default / seeded init
    OptimizerSpec optimizer;
    ScheduleSpec schedule; ///< schedule.totalSteps defaults to steps
    int steps = 1000;
    std::uint64_t seed = 1;
    int evalEvery = kDefaultEvalEvery;
};

/// Member-wise exact equality (doubles with ==, so a NaN field never compares equal).
bool operator==(const ProblemSpec& a, const ProblemSpec& b);
bool operator!=(const ProblemSpec& a, const ProblemSpec& b);
bool operator==(const RunConfig& a, const RunConfig& b);
bool operator!=(const RunConfig& a, const RunConfig& b);

/// The problem of family `type` with every setting at its default, exactly as the config reader
/// fills `{"problem": {"type": type}}` (it starts from this): a toy surface has no parameter
/// overrides and noise 0; a model has its default dataset and (linreg/logreg) feature, hidden
/// {32}, activation relu, batch size 32, validation fraction 0.2. Throws std::invalid_argument
/// for a type that is neither a toy surface nor a model.
ProblemSpec defaultProblemSpec(const std::string& type);

/// The default dataset and feature of a model type (linreg: diabetes/bmi; logreg:
/// breast_cancer/mean_radius; softmax and mlp: digits, no feature).
std::string defaultDataset(const std::string& modelType);
std::string defaultFeature(const std::string& modelType);

/// The real-model problem types of docs/semantics.md §2.2: linreg, logreg, softmax, mlp.
const std::vector<std::string>& modelTypeNames();
bool isModelType(const std::string& type);
/// linreg and logreg: one input feature, so two parameters (w, b) and an exact loss surface.
bool isOneFeatureModel(const std::string& type);

/// Checks a config's values and their relations (ranges, warmup vs run length, names known,
/// keys meaningful for the chosen type) and its estimated memory and time against the limits
/// (checkResourceLimits). Throws std::invalid_argument whose message starts with the key path,
/// e.g. "schedule.warmup_steps: 2000 exceeds the run's 1000 steps".
void validate(const RunConfig& config);

} // namespace lrlab
