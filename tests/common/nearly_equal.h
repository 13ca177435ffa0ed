#pragma once

#include <QString>

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

/// True when a and b are the same number or both NaN: for results that must reproduce exactly.
inline bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

/// The failure text of a numeric check: "<what>: got <got>, expected <expected>", both with 17
/// significant digits (enough to tell any two doubles apart).
inline QString mismatch(const QString& what, double got, double expected)
{
    return QStringLiteral("%1: got %2, expected %3")
        .arg(what)
        .arg(got, 0, 'g', 17)
        .arg(expected, 0, 'g', 17);
}

} // namespace lrlab::test
