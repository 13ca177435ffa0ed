#include "core/datasets/batch_sampler.h"

#include "core/util/rng_streams.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace lrlab {

BatchSampler::BatchSampler(std::vector<int> trainRows, int batchSize, std::uint64_t seed)
    : m_trainRows(std::move(trainRows)), m_batchSize(batchSize), m_seed(seed),
      m_rng(seed, kStreamBatches)
{
    if (m_trainRows.empty())
        throw std::invalid_argument("batch sampler: no training rows");
    if (batchSize < 1)
        throw std::invalid_argument("batch_size must be at least 1, got " +
                                    std::to_string(batchSize));
    // The only allocations: the two epoch buffers are reused for every epoch.
    m_permutation.resize(m_trainRows.size());
    m_epochRows.resize(m_trainRows.size());
    reset();
}

void BatchSampler::reset()
{
    m_rng = Rng(m_seed, kStreamBatches);
    m_epoch = -1;
    m_position = trainCount(); // "end of epoch": the first next() draws epoch 0
}

int BatchSampler::batchesPerEpoch() const
{
    return (trainCount() + m_batchSize - 1) / m_batchSize;
}

void BatchSampler::shuffleEpoch()
{
    // Exactly Rng::permutation(n), in place: the identity, then Fisher–Yates from the top with
    // Lemire's bounded draw. Both are defined bit for bit in core/util/rng.cpp (no std::shuffle
    // or std::uniform_int_distribution, which differ between standard libraries), so epoch e's
    // order is the same on every compiler. Keep the two in step if either changes.
    const int n = trainCount();
    for (int i = 0; i < n; ++i)
        m_permutation[static_cast<std::size_t>(i)] = i;
    for (int i = n - 1; i > 0; --i) {
        const auto j = static_cast<int>(m_rng.bounded(static_cast<std::uint64_t>(i) + 1));
        std::swap(m_permutation[static_cast<std::size_t>(i)],
                  m_permutation[static_cast<std::size_t>(j)]);
    }
    for (int i = 0; i < n; ++i)
        m_epochRows[static_cast<std::size_t>(i)] =
            m_trainRows[static_cast<std::size_t>(m_permutation[static_cast<std::size_t>(i)])];
}

Batch BatchSampler::next()
{
    if (m_position >= trainCount()) {
        shuffleEpoch();
        ++m_epoch;
        m_position = 0;
    }
    const int count = std::min(m_batchSize, trainCount() - m_position);
    const Batch batch{m_epochRows.data() + m_position, count};
    m_position += count;
    return batch;
}

} // namespace lrlab
