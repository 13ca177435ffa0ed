#pragma once

#include "core/config/run_config.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lrlab {

/// A Hugging Face transformers scheduler (TrainingArguments.lr_scheduler_type, get_scheduler)
/// with its lr_scheduler_kwargs.
struct HfSchedule
{
    std::string type;                                   ///< e.g. "cosine_with_min_lr"
    std::vector<std::pair<std::string, double>> kwargs; ///< lr_scheduler_kwargs
    double kwarg(const std::string& name, double fallback) const;
};

/// The Hugging Face scheduler equal to config.schedule at every step of the run, if there is
/// one: it needs warmup from 0 (HF's warmup is step/W), total_steps = steps (HF takes the total
/// from max_steps), and a matching decay (constant, linear, cosine, polynomial, inverse_sqrt,
/// cosine_restarts with t_mult 1 and min_lr 0, wsd with a cosine cool-down). The match is
/// checked by evaluating HF's lambda at every step against learningRateAt (1e-12 relative).
std::optional<HfSchedule> huggingFaceSchedule(const RunConfig& config);

/// HF's multiplier of the base rate at `step` (transformers.optimization), for the tests and
/// for huggingFaceSchedule's check.
double huggingFaceFactor(const HfSchedule& schedule, int warmupSteps, int trainingSteps,
                         double baseLearningRate, int step);

/// TrainingArguments keyword arguments when both the schedule and the optimizer map to HF's
/// own; else the PyTorch snippet with LambdaLR, passed as Trainer(optimizers=…).
std::string huggingFaceSnippet(const RunConfig& config);

} // namespace lrlab
