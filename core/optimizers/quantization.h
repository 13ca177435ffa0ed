#pragma once

#include <array>
#include <cstdint>

namespace lrlab {

/// The 256 code values of an 8-bit data type, sorted ascending; code k stands for map[k].
using QuantizationMap = std::array<float, 256>;

/// The dynamic ("tree") quantization map of bitsandbytes,
/// `bitsandbytes.functional.create_dynamic_map(signed, max_exponent_bits=7, total_bits=8)`
/// (Dettmers et al., 2022, "8-bit Optimizers via Block-wise Quantization"; Dettmers, 2016).
/// For each decade i = 0..6 it takes the midpoints of torch.linspace(0.1, 1, k + 1) (float32)
/// scaled by 10^(i−6), with k = 2^i (signed, mirrored to negative values) or 2^(i+1)
/// (unsigned); then it appends 0 and 1.0 and sorts. So the signed map holds 127 negative
/// values, 0 at index 127, 127 positive values and 1.0 at index 255 (its most negative value is
/// −0.99297, not −1, exactly as in bitsandbytes); the unsigned map holds 0 at index 0, 254
/// positive values and 1.0. The arithmetic is float32 as torch's (linspace's fused
/// start + step·i, the float product with the decade's scale), so the values are bitsandbytes'.
QuantizationMap makeDynamicMap(bool isSigned);

/// makeDynamicMap(true), built once (thread-safe static).
const QuantizationMap& signedDynamicMap();
/// makeDynamicMap(false), built once (thread-safe static).
const QuantizationMap& unsignedDynamicMap();

/// The index of the map value nearest to `normalized` (binary search on the sorted map; an
/// exact tie goes to the lower index; values outside the map's range clamp to its ends; NaN
/// gives index 0). Deterministic, unlike bitsandbytes' optional stochastic rounding.
std::uint8_t quantizeValue(const QuantizationMap& map, float normalized);

/// Quantizes one block of `count` values: absmax = float(max |x|), code = quantizeValue(map,
/// float(x)/absmax). Returns absmax. An all-zero block (absmax 0) stores the code of 0.
/// The element with the largest magnitude normalizes to ±1 exactly, so a positive maximum
/// round-trips exactly when the map contains 1.0.
template <typename Scalar>
float quantizeBlock(const Scalar* values, int count, const QuantizationMap& map,
                    std::uint8_t* codes);

/// Dequantizes one block: values[i] = map[codes[i]]·absmax, the product in float.
template <typename Scalar>
void dequantizeBlock(const std::uint8_t* codes, int count, float absmax, const QuantizationMap& map,
                     Scalar* values);

/// The number of blocks of length blockSize (the last one may be shorter) covering count values.
std::int64_t blockCount(std::int64_t count, int blockSize);

/// Block-wise quantization of a whole vector: block b covers [b·blockSize, min((b+1)·blockSize,
/// count)); codes gets count bytes, absmax gets blockCount(count, blockSize) floats, both sized
/// by the caller. Blocks are independent: one value only affects the codes of its own block.
template <typename Scalar>
void quantizeBlockwise(const Scalar* values, std::int64_t count, int blockSize,
                       const QuantizationMap& map, std::uint8_t* codes, float* absmax);

/// The inverse of quantizeBlockwise: values[i] = map[codes[i]]·absmax[i / blockSize].
template <typename Scalar>
void dequantizeBlockwise(const std::uint8_t* codes, const float* absmax, std::int64_t count,
                         int blockSize, const QuantizationMap& map, Scalar* values);

} // namespace lrlab
