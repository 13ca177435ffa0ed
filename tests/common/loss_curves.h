#pragma once

#include <functional>
#include <vector>

namespace lrlab::test {

/// f(0), …, f(n − 1): a synthetic loss history.
inline std::vector<double> lossCurve(int n, const std::function<double(int)>& f)
{
    std::vector<double> out;
    for (int i = 0; i < n; ++i)
        out.push_back(f(i));
    return out;
}

} // namespace lrlab::test
