#pragma once

#include <string>

namespace lrlab {

/// A Python float literal of value that reads back as the same double: the shortest text that
/// round-trips (std::to_chars; never longer than formatDouble's 17 digits; C locale), with ".0"
/// added to whole numbers so Python sees a float, and float("inf") / float("-inf") / float("nan")
/// for the non-finite values.
std::string pythonFloat(double value);

/// "True" or "False".
std::string pythonBool(bool value);

} // namespace lrlab
