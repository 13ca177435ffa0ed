#pragma once

// Elementary functions for float that give the same bits on every CPU and in every build: each
// is evaluated in double with plain +, −, ×, ÷ in a fixed order (the project compiles with
// -ffp-contract=off, so nothing is fused into an FMA), without libm (glibc picks FMA variants of
// exp and log at run time) and rounded once to float. Their error before that rounding is below
// 1e−12 relative, so the float results are the correctly rounded ones nearly always (as accurate
// as glibc's expf and logf). tanh is Eigen's float approximation (a few ulp), computed likewise
// without FMA.
//
// Everything here has internal linkage (an unnamed namespace): the per-target kernel files
// (kernels_*.cpp) include it with different -march flags, and inline functions with external
// linkage would let the linker keep an AVX-512 copy for the baseline code (ODR).

namespace lrlab::fixedmath {
namespace {

constexpr double kLog2e = 1.4426950408889634;
// ln 2 split in two: kLn2Hi has its low 32 bits zero, so k·kLn2Hi is exact for |k| < 2^20.
constexpr double kLn2Hi = 0.6931471803691238;
constexpr double kLn2Lo = 1.9082149292705877e-10;
constexpr double kLn2 = 0.6931471805599453;
// Adding then subtracting 1.5·2^52 rounds a double of magnitude < 2^51 to the nearest integer,
// which then sits in the low mantissa bits of the sum.
constexpr double kRoundShift = 6755399441055744.0;

inline unsigned long long bitsOf(double value)
{
    unsigned long long bits;
    __builtin_memcpy(&bits, &value, sizeof bits);
    return bits;
}

inline double fromBits(unsigned long long bits)
{
    double value;
    __builtin_memcpy(&value, &bits, sizeof value);
    return value;
}

/// 2^k for the integer k held in shifted = k + kRoundShift, −1022 <= k <= 1023.
inline double powerOfTwo(double shifted)
{
    return fromBits((bitsOf(shifted) + 1023ULL) << 52);
}

/// e^r − 1 − r for |r| <= ln2/2: Taylor terms up to r^12/12! (truncation < 1e−14 relative).
inline double expm1Tail(double r)
{
    double p = 1.0 / 479001600.0; // 1/12!
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    return p * r * r;
}

/// e^x for float x, in double then rounded once. Overflows to +inf above 88.72, underflows to
/// 0 below −103.97, NaN stays NaN.
inline float expFloat(float x)
{
    double d = x;
    d = d > 89.0 ? 89.0 : d;
    d = d < -104.0 ? -104.0 : d;
    const double shifted = d * kLog2e + kRoundShift;
    const double k = shifted - kRoundShift;
    const double r = (d - k * kLn2Hi) - k * kLn2Lo;
    const double er = 1.0 + (r + expm1Tail(r));
    return static_cast<float>(er * powerOfTwo(shifted));
}

/// tanh(x) for float x in float: Eigen 3.4's rational approximation (generic_fast_tanh_float,
/// the coefficients of its non-FMA variant) evaluated with separate multiplies and adds. Within a
/// few ulp of the exact value; |x| < 0.0004 returns x, NaN stays NaN. T is float or a GCC vector
/// of floats (the kernels' loop): each lane goes through the same operations, so both agree bit
/// for bit.
template <typename T> inline T tanhApproximation(T x)
{
    // Clamped to ±7.905 (where the approximation reaches 1) so that NaN stays NaN.
    const T limit = T{} + 7.90531110763549805f;
    T c = x > limit ? limit : x;
    c = c < -limit ? -limit : c;
    const T x2 = c * c;
    T p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
    p = x2 * p + -8.60467152213735e-11f;
    p = x2 * p + 5.12229709037114e-08f;
    p = x2 * p + 1.48572235717979e-05f;
    p = x2 * p + 6.37261928875436e-04f;
    p = x2 * p + 4.89352455891786e-03f;
    p = c * p;
    T q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
    q = x2 * q + 2.26843463243900e-03f;
    q = x2 * q + 4.89352518554385e-03f;
    const T magnitude = x < 0.0f ? -x : x;
    return magnitude < 0.0004f ? x : p / q;
}

inline float tanhFloat(float x)
{
    return tanhApproximation(x);
}

/// Natural logarithm of a double, to about 1e−15 relative: 0 gives −inf, negative numbers and
/// NaN give NaN, +inf gives +inf.
inline double logDouble(double x)
{
    if (!(x > 0.0))
        return x == 0.0 ? -__builtin_inf() : __builtin_nan("");
    if (x > 1.7976931348623157e308)
        return x;
    int exponentAdjust = 0;
    if (x < 2.2250738585072014e-308) { // subnormal: scale into the normal range
        x *= 18014398509481984.0;      // 2^54
        exponentAdjust = -54;
    }
    const unsigned long long bits = bitsOf(x);
    int exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1023 + exponentAdjust;
    double m = fromBits((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL); // [1, 2)
    if (m > 1.4142135623730951) {
        m *= 0.5;
        exponent += 1;
    }
    // log m = 2·atanh(s), s = (m − 1)/(m + 1), |s| <= 0.1716: odd series up to s^23.
    const double s = (m - 1.0) / (m + 1.0);
    const double s2 = s * s;
    double p = 1.0 / 23.0;
    p = p * s2 + 1.0 / 21.0;
    p = p * s2 + 1.0 / 19.0;
    p = p * s2 + 1.0 / 17.0;
    p = p * s2 + 1.0 / 15.0;
    p = p * s2 + 1.0 / 13.0;
    p = p * s2 + 1.0 / 11.0;
    p = p * s2 + 1.0 / 9.0;
    p = p * s2 + 1.0 / 7.0;
    p = p * s2 + 1.0 / 5.0;
    p = p * s2 + 1.0 / 3.0;
    const double logM = 2.0 * s + 2.0 * s * s2 * p;
    return static_cast<double>(exponent) * kLn2 + logM;
}

/// log(1 + u) for u >= 0 (NaN stays NaN), to about 1e−15 relative.
inline double log1pDouble(double u)
{
    if (u < 1e-4) // series: the next term u^5/5 is below 1e−16·u
        return u * (1.0 - u * (0.5 - u * (1.0 / 3.0 - u * 0.25)));
    return logDouble(1.0 + u);
}

} // namespace
} // namespace lrlab::fixedmath
