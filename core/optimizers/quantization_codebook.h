#pragma once

#include "core/optimizers/quantization.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace lrlab {

/// A quantization map with a lookup table that finds the nearest code in a few steps instead of
/// a binary search: the float's sign, exponent (2^-30 .. 2^2, one bucket each for smaller and
/// larger magnitudes) and top 7 mantissa bits pick a bucket, the table holds the first map index
/// that can be >= any value of the bucket, and a short forward scan finds the first index whose
/// value is >= the input (one step for the dynamic maps, whose gaps are wider than a bucket). The
/// choice between that index and the one below is quantizeValue's, so nearest() returns exactly
/// quantizeValue(map, x) for every float, NaN and infinities included.
class QuantizationCodebook
{
public:
    /// Builds the table for map (sorted ascending, as quantizeValue requires).
    explicit QuantizationCodebook(const QuantizationMap& map);

    /// The map the codes index.
    const QuantizationMap& map() const { return m_map; }

    /// quantizeValue(map(), normalized), bit for bit.
    std::uint8_t nearest(float normalized) const
    {
        if (std::isnan(normalized))
            return 0;
        // m_padded[k + 1] is map[k]; m_padded[0] = −∞ and m_padded[257] = +∞ stand for the
        // missing neighbours at the ends, so no branch is needed there.
        std::size_t upper = m_start[bucketOf(normalized)];
        upper += m_padded[upper + 1] < normalized ? 1 : 0;
        if (m_scanFurther) // maps whose codes are closer together than a bucket is wide
            while (m_padded[upper + 1] < normalized)
                ++upper;
        // quantizeValue's choice between upper and the index below, the smaller distance in
        // double with a tie to the lower one, is x <= the exact midpoint of the two codes, that
        // is x <= m_threshold[upper], the largest float not above it (the distances of floats
        // this close are exact in double). m_threshold[0] = −∞ and m_threshold[256] = +∞ keep
        // the ends: −∞ gives −1, clamped to code 0, and every x past the map's end gives 255.
        const int code = static_cast<int>(upper) - (normalized <= m_threshold[upper] ? 1 : 0);
        return static_cast<std::uint8_t>(code > 0 ? code : 0);
    }

private:
    static constexpr int kMantissaBits = 7;          ///< top mantissa bits in the bucket index
    static constexpr int kLowestExponent = 127 - 30; ///< biased exponent of 2^-30
    static constexpr int kExponentSlots = 34;        ///< below 2^-30, 32 binades, from 2^2 on
    static constexpr std::size_t kBuckets = 2 * kExponentSlots * (1 << kMantissaBits);

    static std::size_t bucketOf(float value)
    {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        const int exponent = static_cast<int>((bits >> 23) & 0xffu);
        int slot = exponent - kLowestExponent + 1;
        slot = slot < 0 ? 0 : (slot >= kExponentSlots ? kExponentSlots - 1 : slot);
        const auto sign = static_cast<std::size_t>(bits >> 31);
        const auto mantissa =
            static_cast<std::size_t>((bits >> (23 - kMantissaBits)) & ((1u << kMantissaBits) - 1u));
        return ((sign * kExponentSlots + static_cast<std::size_t>(slot)) << kMantissaBits) |
               mantissa;
    }

    QuantizationMap m_map;
    std::array<float, 258> m_padded{};             ///< −∞, the map, +∞
    std::array<float, 257> m_threshold{};          ///< −∞, the midpoints rounded down, +∞
    std::array<std::uint16_t, kBuckets> m_start{}; ///< per bucket: a lower bound of the index
    bool m_scanFurther = false; ///< some bucket spans more than one code of the map
};

/// The codebook of signedDynamicMap(), built once (thread-safe static).
const QuantizationCodebook& signedDynamicCodebook();
/// The codebook of unsignedDynamicMap(), built once (thread-safe static).
const QuantizationCodebook& unsignedDynamicCodebook();

/// Codes one block whose absmax is already known (float(max |x|), as quantizeBlock computes
/// it): code = nearest(float(x)/absmax), or the code of 0 for every element when absmax is not
/// positive. Gives quantizeBlock's codes bit for bit.
template <typename Scalar>
void quantizeBlockScaled(const Scalar* values, int count, float absmax,
                         const QuantizationCodebook& codebook, std::uint8_t* codes);

/// quantizeBlock with the codebook's table: the same absmax and codes.
template <typename Scalar>
float quantizeBlock(const Scalar* values, int count, const QuantizationCodebook& codebook,
                    std::uint8_t* codes);

} // namespace lrlab
