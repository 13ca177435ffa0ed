#pragma once

#include "core/config/run_config.h"

#include <string>
#include <vector>

namespace lrlab {

/// The frameworks `lrlab code` and Edit ▸ Copy as write a config's optimizer and schedule for.
enum class CodeTarget { PyTorch, HuggingFace, Lightning };

/// The targets' command-line names, in enum order: "pytorch", "hf", "lightning".
const std::vector<std::string>& codeTargetNames();
std::string codeTargetName(CodeTarget target);
/// Throws std::invalid_argument naming the known targets for an unknown name.
CodeTarget codeTargetFromName(const std::string& name);

/// Python code that sets up config's optimizer and learning-rate schedule in target, every
/// number written to round-trip (C locale): PyTorch's make_optimizer(params) returning
/// (optimizer, scheduler) (torchScheduler, torchOptimizer); Hugging Face TrainingArguments or a
/// Trainer's optimizers (huggingFaceSnippet); Lightning's configure_optimizers(self) with a
/// per-step scheduler. The config is assumed valid (validate()).
std::string generateCode(const RunConfig& config, CodeTarget target);

} // namespace lrlab
