#pragma once

#include "core/config/run_config.h"

#include <string>
#include <vector>

namespace lrlab {

/// The config key path a sweep's --vary name stands for: the short names warmup_steps,
/// batch_size, momentum, weight_decay, optimizer (= optimizer.type), lr, steps, seed, decay,
/// min_lr, hidden, or any dotted path such as "optimizer.beta1" or "schedule.gamma".
std::string variantKeyPath(const std::string& key);

/// A copy of base with the setting at keyPath set to value (a number, true/false, or a name;
/// "64x32" or "64,32" for hidden) and re-validated. A new optimizer.type or problem.type starts
/// from that type's defaults (a new problem also drops the start point). Throws ConfigError
/// naming the key and value.
RunConfig withSetting(const RunConfig& base, const std::string& keyPath, const std::string& value);

} // namespace lrlab
