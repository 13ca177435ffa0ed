#pragma once

#include <algorithm>
#include <cmath>

namespace lrlab::test {

/// True when a and b agree to a relative tolerance, with an absolute floor near zero
/// (QCOMPARE on doubles is fuzzy and fails near 0).
inline bool nearlyEqual(double a, double b, double relTol = 1e-12, double absTol = 1e-14)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b))
        return a == b;
    return std::abs(a - b) <= std::max(absTol, relTol * std::max(std::abs(a), std::abs(b)));
}

}  // namespace lrlab::test
