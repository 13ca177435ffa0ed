#pragma once

#include "core/util/rng.h"

#include <cstdint>
#include <vector>

namespace lrlab {

/// One minibatch: count dataset row indices at rows. The pointer is into the sampler's buffer
/// and stays valid until the sampler's next call of next() or reset().
struct Batch
{
    const int* rows = nullptr;
    int count = 0;
};

/// Minibatches over the training rows (docs/semantics.md §2.2). Each epoch draws a fresh
/// permutation of the training positions 0..nTrain−1 from Rng(seed, kStreamBatches), the same draw
/// as Rng::permutation(nTrain) (identity, then Fisher–Yates from the top with Rng::bounded), and
/// cuts it into consecutive batches of batchSize; the last, shorter batch of an epoch is kept.
/// Epoch e uses the generator's e-th such draw, so the batches depend only on (trainRows,
/// batchSize, seed), identical on every compiler and standard library. Batch rows are
/// trainRows[perm[i]].
///
/// Allocates only in the constructor: next() reshuffles in place. Not thread-safe; each run
/// owns its sampler.
class BatchSampler
{
public:
    /// trainRows: dataset row indices in split order (DataSplit::train), non-empty;
    /// batchSize >= 1 (larger than the training set means one batch an epoch). Throws
    /// std::invalid_argument otherwise.
    BatchSampler(std::vector<int> trainRows, int batchSize, std::uint64_t seed);

    /// The next batch; moves into the next epoch (with a new permutation) after its last batch.
    Batch next();

    /// Back to the state after construction: the next call returns epoch 0's first batch.
    void reset();

    int batchSize() const { return m_batchSize; }
    int trainCount() const { return static_cast<int>(m_trainRows.size()); }
    /// ceil(nTrain / batchSize).
    int batchesPerEpoch() const;
    /// The 0-based epoch of the batch last returned by next() (-1 before the first call).
    int epoch() const { return m_epoch; }

private:
    void shuffleEpoch();

    std::vector<int> m_trainRows;
    std::vector<int> m_permutation; ///< positions into m_trainRows, redrawn each epoch
    std::vector<int> m_epochRows;   ///< m_trainRows[m_permutation[i]], what next() points into
    int m_batchSize = 1;
    std::uint64_t m_seed = 0;
    Rng m_rng;
    int m_position = 0; ///< index into m_epochRows of the next batch's first row
    int m_epoch = -1;
};

} // namespace lrlab
