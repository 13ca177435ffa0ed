#include "core/optimizers/quantization.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace lrlab {

namespace {

/// torch.linspace(start, end, steps) in float32 as ATen's CPU kernel computes it (1.13): the
/// first half start + step·i, the second half end − step·(steps − 1 − i), step in float. GCC
/// contracts both into one fused multiply-add in ATen's AVX2/AVX-512 builds (exact_math.h), so
/// they are written as std::fma here, where the project's -ffp-contract=off would not fuse.
std::vector<float> torchLinspace(float start, float end, int steps)
{
    std::vector<float> values(static_cast<std::size_t>(steps));
    const float step = (end - start) / static_cast<float>(steps - 1);
    const int halfway = steps / 2;
    for (int i = 0; i < steps; ++i) {
        if (i < halfway)
            values[static_cast<std::size_t>(i)] = std::fma(step, static_cast<float>(i), start);
        else
            values[static_cast<std::size_t>(i)] =
                std::fma(-step, static_cast<float>(steps - 1 - i), end);
    }
    return values;
}

} // namespace

QuantizationMap makeDynamicMap(bool isSigned)
{
    // create_dynamic_map(signed, max_exponent_bits=7, total_bits=8): non_sign_bits is 7 for
    // both kinds, so additional_items = 2^(7−7) − 1 = 0 and the decades alone fill the map.
    constexpr int kMaxExponentBits = 7;
    constexpr int kNonSignBits = 7;
    std::vector<double> data; // Python floats: data is a list before Tensor(data)
    data.reserve(256);
    for (int i = 0; i < kMaxExponentBits; ++i) {
        const int fractionItems = isSigned ? (1 << (i + kNonSignBits - kMaxExponentBits)) + 1
                                           : (1 << (i + kNonSignBits - kMaxExponentBits + 1)) + 1;
        const std::vector<float> boundaries = torchLinspace(0.1f, 1.0f, fractionItems);
        // 10 ** (-(max_exponent_bits - 1) + i): a Python float (an int 1 for i = 6); the tensor
        // product casts it to float32 and multiplies in float32.
        const float scale = static_cast<float>(std::pow(10.0, -(kMaxExponentBits - 1) + i));
        for (std::size_t k = 0; k + 1 < boundaries.size(); ++k) {
            const float mean = (boundaries[k] + boundaries[k + 1]) / 2.0f;
            data.push_back(static_cast<double>(scale * mean));
        }
        if (isSigned) {
            for (std::size_t k = 0; k + 1 < boundaries.size(); ++k) {
                const float mean = (boundaries[k] + boundaries[k + 1]) / 2.0f;
                data.push_back(static_cast<double>(-scale * mean));
            }
        }
    }
    data.push_back(0.0);
    data.push_back(1.0);
    std::sort(data.begin(), data.end());

    QuantizationMap map{};
    for (std::size_t k = 0; k < map.size() && k < data.size(); ++k)
        map[k] = static_cast<float>(data[k]);
    return map;
}

const QuantizationMap& signedDynamicMap()
{
    static const QuantizationMap map = makeDynamicMap(true);
    return map;
}

const QuantizationMap& unsignedDynamicMap()
{
    static const QuantizationMap map = makeDynamicMap(false);
    return map;
}

std::uint8_t quantizeValue(const QuantizationMap& map, float normalized)
{
    if (std::isnan(normalized))
        return 0;
    // upper = the first index whose value is >= normalized (a binary search).
    const auto upperIt = std::lower_bound(map.begin(), map.end(), normalized);
    if (upperIt == map.begin())
        return 0;
    if (upperIt == map.end())
        return static_cast<std::uint8_t>(map.size() - 1);
    const auto upper = static_cast<std::size_t>(upperIt - map.begin());
    const std::size_t lower = upper - 1;
    // Near a midpoint both differences are exact in double (floats of similar magnitude), so an
    // exact tie is seen as one and goes to the lower index; elsewhere rounding cannot swap them.
    const double below = static_cast<double>(normalized) - static_cast<double>(map[lower]);
    const double above = static_cast<double>(map[upper]) - static_cast<double>(normalized);
    return static_cast<std::uint8_t>(below <= above ? lower : upper);
}

template <typename Scalar>
float quantizeBlock(const Scalar* values, int count, const QuantizationMap& map,
                    std::uint8_t* codes)
{
    Scalar largest = Scalar(0);
    for (int i = 0; i < count; ++i)
        largest = std::max(largest, std::abs(values[i]));
    const float absmax = static_cast<float>(largest);
    if (!(absmax > 0.0f)) {
        const std::uint8_t zero = quantizeValue(map, 0.0f);
        std::fill(codes, codes + count, zero);
        return absmax;
    }
    // float(x) <= float(max |x|) since rounding is monotone, so |x/absmax| <= 1 and the largest
    // element normalizes to exactly ±1.
    for (int i = 0; i < count; ++i)
        codes[i] = quantizeValue(map, static_cast<float>(values[i]) / absmax);
    return absmax;
}

template <typename Scalar>
void dequantizeBlock(const std::uint8_t* codes, int count, float absmax, const QuantizationMap& map,
                     Scalar* values)
{
    for (int i = 0; i < count; ++i)
        values[i] = static_cast<Scalar>(map[codes[i]] * absmax);
}

std::int64_t blockCount(std::int64_t count, int blockSize)
{
    return (count + blockSize - 1) / blockSize;
}

template <typename Scalar>
void quantizeBlockwise(const Scalar* values, std::int64_t count, int blockSize,
                       const QuantizationMap& map, std::uint8_t* codes, float* absmax)
{
    const std::int64_t blocks = blockCount(count, blockSize);
    for (std::int64_t b = 0; b < blocks; ++b) {
        const std::int64_t begin = b * blockSize;
        const int length = static_cast<int>(std::min<std::int64_t>(blockSize, count - begin));
        absmax[b] = quantizeBlock(values + begin, length, map, codes + begin);
    }
}

template <typename Scalar>
void dequantizeBlockwise(const std::uint8_t* codes, const float* absmax, std::int64_t count,
                         int blockSize, const QuantizationMap& map, Scalar* values)
{
    const std::int64_t blocks = blockCount(count, blockSize);
    for (std::int64_t b = 0; b < blocks; ++b) {
        const std::int64_t begin = b * blockSize;
        const int length = static_cast<int>(std::min<std::int64_t>(blockSize, count - begin));
        dequantizeBlock(codes + begin, length, absmax[b], map, values + begin);
    }
}

template float quantizeBlock<float>(const float*, int, const QuantizationMap&, std::uint8_t*);
template float quantizeBlock<double>(const double*, int, const QuantizationMap&, std::uint8_t*);
template void dequantizeBlock<float>(const std::uint8_t*, int, float, const QuantizationMap&,
                                     float*);
template void dequantizeBlock<double>(const std::uint8_t*, int, float, const QuantizationMap&,
                                      double*);
template void quantizeBlockwise<float>(const float*, std::int64_t, int, const QuantizationMap&,
                                       std::uint8_t*, float*);
template void quantizeBlockwise<double>(const double*, std::int64_t, int, const QuantizationMap&,
                                        std::uint8_t*, float*);
template void dequantizeBlockwise<float>(const std::uint8_t*, const float*, std::int64_t, int,
                                         const QuantizationMap&, float*);
template void dequantizeBlockwise<double>(const std::uint8_t*, const float*, std::int64_t, int,
                                          const QuantizationMap&, double*);

} // namespace lrlab
