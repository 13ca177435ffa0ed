#pragma once

#include <cstdint>
#include <vector>

namespace lrlab {

/// Portable seeded random generator: xoshiro256** seeded through SplitMix64 from (seed, stream).
/// Every draw is defined here bit for bit (no std:: distributions, whose results differ between
/// standard libraries), so the same seed gives the same numbers on any compiler and platform.
/// Not thread-safe: each run or worker owns its own Rng; sweep run i uses stream i.
class Rng
{
public:
    explicit Rng(std::uint64_t seed, std::uint64_t stream = 0);

    /// The next raw 64-bit output.
    std::uint64_t next();
    /// Uniform double in [0, 1) with 53 random bits.
    double uniform01();
    /// Uniform double in [lo, hi).
    double uniform(double lo, double hi);
    /// Uniform integer in [0, n), n >= 1, without modulo bias (Lemire's multiply-and-reject).
    std::uint64_t bounded(std::uint64_t n);
    /// Standard normal draw (Box-Muller; the second value of each pair is kept for the next call).
    double normal();
    /// A uniformly random permutation of 0..n-1 (Fisher-Yates from the top, bounded draws).
    std::vector<int> permutation(int n);

private:
    std::uint64_t m_state[4];
    double m_spareNormal = 0.0;
    bool m_hasSpareNormal = false;
};

} // namespace lrlab
