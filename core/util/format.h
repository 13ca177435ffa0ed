#pragma once

#include <string>

namespace lrlab {

/// A double with 17 significant digits (round-trips exactly); nan, inf and -inf spelled out
/// (as Python's float() and numpy read them).
std::string formatDouble(double value);
/// A float with 9 significant digits (round-trips a float).
std::string formatFloat(float value);

} // namespace lrlab
