#include "core/optimizers/quantization_codebook.h"

#include "core/util/target_clones.h"

#include <algorithm>
#include <limits>

namespace lrlab {

QuantizationCodebook::QuantizationCodebook(const QuantizationMap& map) : m_map(map)
{
    m_padded.front() = -std::numeric_limits<float>::infinity();
    std::copy(m_map.begin(), m_map.end(), m_padded.begin() + 1);
    m_padded.back() = std::numeric_limits<float>::infinity();
    m_threshold.front() = -std::numeric_limits<float>::infinity();
    m_threshold.back() = std::numeric_limits<float>::infinity();
    for (std::size_t k = 1; k < m_map.size(); ++k) {
        // Neighbouring codes are floats of close magnitude (or one is 0): their sum and half
        // of it are exact in double.
        const double midpoint =
            (static_cast<double>(m_map[k - 1]) + static_cast<double>(m_map[k])) / 2.0;
        float threshold = static_cast<float>(midpoint);
        if (static_cast<double>(threshold) > midpoint)
            threshold = std::nextafter(threshold, -std::numeric_limits<float>::infinity());
        m_threshold[k] = threshold;
    }
    // Each bucket's start is std::lower_bound of the smallest value the bucket can hold, so it
    // never passes the first index >= any member; nearest() scans forward from there.
    for (std::size_t bucket = 0; bucket < kBuckets; ++bucket) {
        const std::uint32_t sign = static_cast<std::uint32_t>(bucket >> kMantissaBits) /
                                   static_cast<std::uint32_t>(kExponentSlots);
        const int slot =
            static_cast<int>((bucket >> kMantissaBits) % static_cast<std::size_t>(kExponentSlots));
        const auto mantissa = static_cast<std::uint32_t>(bucket & ((1u << kMantissaBits) - 1u));
        float smallest = 0.0f;
        float largest = 0.0f;
        if (slot == 0) {
            // Magnitudes below 2^-30 (zeros and subnormals included).
            smallest = sign != 0 ? -std::ldexp(1.0f, -30) : 0.0f;
            largest = sign != 0 ? -0.0f : std::ldexp(1.0f, -30);
        } else if (slot == kExponentSlots - 1) {
            // Magnitudes from 2^2 on, infinities included.
            smallest = sign != 0 ? -std::numeric_limits<float>::infinity() : 4.0f;
            largest = sign != 0 ? -4.0f : std::numeric_limits<float>::infinity();
        } else {
            const auto exponent = static_cast<std::uint32_t>(kLowestExponent + slot - 1);
            std::uint32_t bits =
                (sign << 31) | (exponent << 23) | (mantissa << (23 - kMantissaBits));
            // All lower mantissa bits set: the member farthest from zero.
            const std::uint32_t farBits = bits | ((1u << (23 - kMantissaBits)) - 1u);
            float nearZero = 0.0f;
            float farFromZero = 0.0f;
            std::memcpy(&nearZero, &bits, sizeof nearZero);
            std::memcpy(&farFromZero, &farBits, sizeof farFromZero);
            smallest = sign != 0 ? farFromZero : nearZero;
            largest = sign != 0 ? nearZero : farFromZero;
        }
        const auto first = std::lower_bound(m_map.begin(), m_map.end(), smallest);
        m_start[bucket] = static_cast<std::uint16_t>(first - m_map.begin());
        // One step from the start reaches any member's index when at most one code lies in
        // the bucket's range; else nearest() scans on.
        const auto inRange = std::upper_bound(m_map.begin(), m_map.end(), largest) - first;
        m_scanFurther = m_scanFurther || inRange > 1;
    }
}

const QuantizationCodebook& signedDynamicCodebook()
{
    static const QuantizationCodebook codebook(signedDynamicMap());
    return codebook;
}

const QuantizationCodebook& unsignedDynamicCodebook()
{
    static const QuantizationCodebook codebook(unsignedDynamicMap());
    return codebook;
}

namespace {

/// The codes of one block in chunks: the quotients first (a loop the compiler vectorises), then
/// the table look-ups. No heap: the chunk lives on the stack.
template <typename Scalar>
inline void codeBlock(const Scalar* values, int count, float absmax,
                      const QuantizationCodebook& codebook, std::uint8_t* codes)
{
    constexpr int kChunk = 256;
    float normalized[kChunk];
    for (int begin = 0; begin < count; begin += kChunk) {
        const int length = std::min(kChunk, count - begin);
        for (int i = 0; i < length; ++i)
            normalized[i] = static_cast<float>(values[begin + i]) / absmax;
        for (int i = 0; i < length; ++i)
            codes[begin + i] = codebook.nearest(normalized[i]);
    }
}

LRLAB_TARGET_CLONES void codeBlockOf(const float* values, int count, float absmax,
                                     const QuantizationCodebook& codebook, std::uint8_t* codes)
{
    codeBlock(values, count, absmax, codebook, codes);
}

LRLAB_TARGET_CLONES void codeBlockOf(const double* values, int count, float absmax,
                                     const QuantizationCodebook& codebook, std::uint8_t* codes)
{
    codeBlock(values, count, absmax, codebook, codes);
}

} // namespace

template <typename Scalar>
void quantizeBlockScaled(const Scalar* values, int count, float absmax,
                         const QuantizationCodebook& codebook, std::uint8_t* codes)
{
    if (!(absmax > 0.0f)) {
        std::fill(codes, codes + count, codebook.nearest(0.0f));
        return;
    }
    codeBlockOf(values, count, absmax, codebook, codes);
}

template <typename Scalar>
float quantizeBlock(const Scalar* values, int count, const QuantizationCodebook& codebook,
                    std::uint8_t* codes)
{
    Scalar largest = Scalar(0);
    for (int i = 0; i < count; ++i)
        largest = std::max(largest, std::abs(values[i]));
    const float absmax = static_cast<float>(largest);
    quantizeBlockScaled(values, count, absmax, codebook, codes);
    return absmax;
}

template void quantizeBlockScaled<float>(const float*, int, float, const QuantizationCodebook&,
                                         std::uint8_t*);
template void quantizeBlockScaled<double>(const double*, int, float, const QuantizationCodebook&,
                                          std::uint8_t*);
template float quantizeBlock<float>(const float*, int, const QuantizationCodebook&, std::uint8_t*);
template float quantizeBlock<double>(const double*, int, const QuantizationCodebook&,
                                     std::uint8_t*);

} // namespace lrlab
