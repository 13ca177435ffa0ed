#include "core/util/format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <system_error>

namespace lrlab {

namespace {

/// The largest precision the formatters take (more digits than any double holds).
constexpr int kMaxPrecision = 60;

/// std::to_chars of value in `format` with `precision` (clamped to [0, kMaxPrecision]); nan,
/// inf and -inf spelled out.
std::string formatWith(double value, std::chars_format format, int precision)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    // Wide enough for any finite double in fixed notation (309 integer digits, the point and
    // kMaxPrecision decimals) or in general notation.
    char text[400];
    const auto [end, error] = std::to_chars(text, text + sizeof text, value, format,
                                            std::clamp(precision, 0, kMaxPrecision));
    if (error != std::errc())
        throw std::logic_error("formatWith: the buffer does not fit the number");
    return std::string(text, end);
}

} // namespace

std::string formatDouble(double value)
{
    return formatWith(value, std::chars_format::general, 17);
}

std::string formatFloat(float value)
{
    return formatWith(static_cast<double>(value), std::chars_format::general, 9);
}

std::string formatSignificant(double value, int digits)
{
    return formatWith(value, std::chars_format::general, std::max(digits, 1));
}

std::string formatFixed(double value, int decimals)
{
    return formatWith(value, std::chars_format::fixed, decimals);
}

} // namespace lrlab
