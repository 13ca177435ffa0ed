#include "core/util/format.h"

#include <cmath>
#include <cstdio>

namespace lrlab {

namespace {

std::string formatWithDigits(double value, int digits)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    return buffer;
}

} // namespace

std::string formatDouble(double value)
{
    return formatWithDigits(value, 17);
}

std::string formatFloat(float value)
{
    return formatWithDigits(static_cast<double>(value), 9);
}

} // namespace lrlab
