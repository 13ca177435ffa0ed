#pragma once

#include "core/models/model_spec.h"

#include <Eigen/Core>

#include <cstdint>

namespace lrlab {

/// Two filter-normalized random directions (Li et al., 2018, "Visualizing the Loss Landscape of
/// Neural Nets", §4) for a model of spec around the parameters centre (parameterCount floats):
/// each direction is a Gaussian draw of every parameter from Rng(seed, kStreamDirections)
/// (direction 1 first, then direction 2 from the same stream, in parameter-vector order); each
/// row of each weight matrix (the weights into one output unit, a "filter" of a linear layer)
/// is rescaled to the Euclidean norm of the same row of centre, and bias entries are zeroed.
/// The same seed gives the same directions on every platform. Pure, thread-safe.
void filterNormalizedDirections(const ModelSpec& spec, const float* centre, std::uint64_t seed,
                                Eigen::VectorXd& direction1, Eigen::VectorXd& direction2);

} // namespace lrlab
