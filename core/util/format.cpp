#include "core/util/format.h"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <system_error>

namespace lrlab {

namespace {

/// std::to_chars of value in `format` with `precision`; nan, inf and -inf spelled out.
std::string formatWith(double value, std::chars_format format, int precision)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    // Wide enough for any finite double in fixed notation (309 integer digits) or precision
    // significant digits with sign, point and exponent.
    std::string text(static_cast<std::size_t>(precision) + 330, '\0');
    const auto [end, error] =
        std::to_chars(text.data(), text.data() + text.size(), value, format, precision);
    if (error != std::errc())
        throw std::logic_error("formatWith: the buffer does not fit the number");
    text.resize(static_cast<std::size_t>(end - text.data()));
    return text;
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
    return formatWith(value, std::chars_format::general, digits < 1 ? 1 : digits);
}

std::string formatFixed(double value, int decimals)
{
    return formatWith(value, std::chars_format::fixed, decimals < 0 ? 0 : decimals);
}

} // namespace lrlab
