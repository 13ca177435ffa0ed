#pragma once

#include "core/optimizers/optimizer.h"
#include "core/schedules/schedule.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lrlab {

/// The "problem" object of the config (DESIGN.md §2): a toy surface or a real model.
struct ProblemSpec
{
    std::string type = "rosenbrock";
    std::map<std::string, double> parameters;  ///< toy surface parameters (a, b, angle_deg)
    double noise = 0.0;                        ///< toy: σ of the Gaussian gradient noise
    // Real models (DESIGN.md §2.2).
    std::string dataset;               ///< name under resources/datasets or a CSV path
    std::string feature;               ///< linreg/logreg: the one input feature
    std::vector<int> hidden{32};       ///< mlp hidden layer widths
    std::string activation = "relu";   ///< mlp: relu or tanh
    int batchSize = 32;
    double valFraction = 0.2;
};

/// One experiment: the whole JSON config of DESIGN.md §2 as plain values.
struct RunConfig
{
    ProblemSpec problem;
    std::vector<double> init;  ///< start point; empty = the problem's default / seeded init
    OptimizerSpec optimizer;
    ScheduleSpec schedule;     ///< schedule.totalSteps defaults to steps
    int steps = 1000;
    std::uint64_t seed = 1;
    int evalEvery = 50;
};

/// The real-model problem types of DESIGN.md §2.2: linreg, logreg, softmax, mlp.
const std::vector<std::string>& modelTypeNames();
bool isModelType(const std::string& type);

/// Checks a config's values and their relations (ranges, warmup vs run length, names known,
/// keys meaningful for the chosen type). Throws std::invalid_argument whose message starts with
/// the key path, e.g. "schedule.warmup_steps: 2000 exceeds the run's 1000 steps".
void validate(const RunConfig& config);

}  // namespace lrlab
