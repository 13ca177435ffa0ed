#pragma once

#include <string>

namespace lrlab {

// Every function here writes C-locale text ('.' as the decimal mark, no digit grouping) with
// std::to_chars, whatever the C library's or the C++ global locale: machine-readable output
// (CSV, JSON, cache keys) is byte-identical in every locale. nan, inf and -inf are spelled out
// (as Python's float() and numpy read them).

/// A double with 17 significant digits (round-trips exactly), as printf's "%.17g" in the C
/// locale.
std::string formatDouble(double value);
/// A float with 9 significant digits (round-trips a float), as printf's "%.9g" in the C locale.
std::string formatFloat(float value);
/// value with at most `digits` (1..60) significant digits, as printf's "%.*g" in the C locale
/// (trailing zeros dropped; scientific notation for large and small exponents).
std::string formatSignificant(double value, int digits);
/// value with `decimals` (0..60) digits after the decimal point, as printf's "%.*f" in the C
/// locale.
std::string formatFixed(double value, int decimals);

} // namespace lrlab
