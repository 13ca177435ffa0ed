#pragma once

#include "ui/worker/training_thread.h"

#include <functional>
#include <vector>

namespace lrlab {

/// Training rows a model landscape is evaluated on when the split is larger (Fashion-MNIST's
/// 48 000): spread evenly over it (landscapeRows), with the first layer projected on the plane.
constexpr int kLandscapeSubsetRows = 4096;
/// Grid side of the check points where a subset landscape is compared with the whole split.
constexpr int kLandscapeCheckSide = 5;

/// The grid sides of a progressive landscape, ascending and ending in fine: fine, then halved
/// ((n − 1)/2 + 1, so every coarse cell is a cell of the next grid) while the side stays at
/// least coarse; e.g. (11, 41) gives 11, 21, 41. Just {fine} when coarse < 2 or coarse >= fine.
std::vector<int> landscapeLadder(int coarse, int fine);

/// Computes a finished model run's landscape on its plane (axes for two-parameter models, pca
/// otherwise) on the calling thread, coarse to fine (landscapeLadder of the request's grids),
/// handing each map to deliver as soon as it is ready. Splits larger than kLandscapeSubsetRows
/// are evaluated on that many rows with the projected first layer (the trajectory's points are
/// placed without their losses); after the fine map, the subset is checked against the whole
/// split at kLandscapeCheckSide² points and the fine map delivered again with the error.
/// Returns early, delivering nothing more, once cancel is raised. Throws std::invalid_argument
/// when the run has no plane (e.g. diverged).
void computeProgressiveLandscape(const ModelProblem& problem, const ModelTrace& trace,
                                 const RunRequest& request, const CancelFlag* cancel,
                                 const std::function<void(int done, int total)>& progress,
                                 const std::function<void(const ModelLandscape&)>& deliver);

} // namespace lrlab
