#pragma once

#include "core/config/run_config.h"

#include <cstdint>
#include <string>

namespace lrlab {

/// Identifies a problem with every setting that changes its loss function (surface and its
/// parameters, or dataset, feature, model shape, validation fraction and the split's seed):
/// equal keys, equal loss. For caching landscapes and per-problem results. Numbers are written
/// with 17 significant digits in the classic "C" locale, so a key does not depend on the
/// process's locale. Pure and thread-safe.
std::string problemKey(const ProblemSpec& problem, std::uint64_t seed);

} // namespace lrlab
