#include "core/codegen/python_literal.h"

#include "core/util/format.h"

#include <charconv>
#include <cmath>
#include <string>

namespace lrlab {

std::string pythonFloat(double value)
{
    if (!std::isfinite(value))
        return "float(\"" + formatDouble(value) + "\")";
    // std::to_chars without a precision writes the shortest text that reads back as the same
    // double (as Python's repr), in the C locale: 0.003 stays 0.003.
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, result.ptr);
    if (text.find_first_of(".e") == std::string::npos)
        text += ".0";
    return text;
}

std::string pythonBool(bool value)
{
    return value ? "True" : "False";
}

} // namespace lrlab
