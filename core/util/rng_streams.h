#pragma once

#include <cstdint>

namespace lrlab {

/// Stream numbers of Rng(seed, stream): each random purpose of a run has its own stream, so
/// changing, say, the batch size never changes the initialization or the split.
enum RngStream : std::uint64_t {
    kStreamGradientNoise = 0, ///< toy surfaces: σ·N(0, I) added to each gradient
    kStreamSplit = 1,         ///< the train/validation permutation of the rows
    kStreamBatches = 2,       ///< the per-epoch minibatch permutations
    kStreamInit = 3,          ///< model weight initialization
    kStreamDirections = 4,    ///< random landscape directions
    kStreamCurvature = 5,     ///< the Lanczos start vector of the curvature estimate
    kStreamSweepBase = 1000   ///< sweep run i uses kStreamSweepBase + i where it needs its own
};

} // namespace lrlab
