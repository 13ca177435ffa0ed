#include "core/codegen/python_literal.h"

#include "core/util/format.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace lrlab {

std::string pythonFloat(double value)
{
    if (!std::isfinite(value))
        return "float(\"" + formatDouble(value) + "\")";
    // The shortest digits that read back as the same double (std::to_chars without a
    // precision, C locale), laid out as Python's repr: positional for exponents -4..15, else
    // scientific ("1e-05", "1e+22").
    char buffer[64];
    const auto scientific =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string text(buffer, scientific.ptr);
    const int exponent = std::atoi(text.c_str() + text.find('e') + 1);
    if (exponent >= -4 && exponent < 16) {
        const auto fixed =
            std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
        text.assign(buffer, fixed.ptr);
    }
    if (text.find_first_of(".e") == std::string::npos)
        text += ".0";
    return text;
}

std::string pythonBool(bool value)
{
    return value ? "True" : "False";
}

} // namespace lrlab
