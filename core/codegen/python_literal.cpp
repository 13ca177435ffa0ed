#include "core/codegen/python_literal.h"

#include "core/util/format.h"

#include <charconv>
#include <cmath>

namespace lrlab {

std::string pythonFloat(double value)
{
    if (!std::isfinite(value))
        return "float(\"" + formatDouble(value) + "\")";
    // The fewest significant digits that read back as the same double (as Python's repr), so
    // 0.003 stays 0.003; formatDouble's 17 digits always round-trip.
    std::string text = formatDouble(value);
    for (int digits = 1; digits < 17; ++digits) {
        const std::string shorter = formatSignificant(value, digits);
        double back = 0.0;
        const auto [end, error] =
            std::from_chars(shorter.data(), shorter.data() + shorter.size(), back);
        if (error == std::errc() && end == shorter.data() + shorter.size() && back == value) {
            text = shorter;
            break;
        }
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
