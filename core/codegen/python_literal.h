#pragma once

#include <string>

namespace lrlab {

/// A Python float literal of value that reads back as the same double: the shortest digits
/// that round-trip (std::to_chars; never more than formatDouble's 17; C locale) laid out as
/// Python's repr (0.0003, 1e-05), with ".0"
/// added to whole numbers so Python sees a float, and float("inf") / float("-inf") / float("nan")
/// for the non-finite values.
std::string pythonFloat(double value);

/// "True" or "False".
std::string pythonBool(bool value);

} // namespace lrlab
