#include "core/logs/log_decimate.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lrlab {

ScalarSeries decimateMinMax(const ScalarSeries& series, std::int64_t firstStep,
                            std::int64_t lastStep, int columns)
{
    ScalarSeries out;
    if (columns <= 0 || lastStep < firstStep)
        return out;
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    struct Column
    {
        std::size_t min = kNone;
        std::size_t max = kNone;
    };
    std::vector<Column> bins(static_cast<std::size_t>(columns));
    // long double: a span of up to 2^63 steps keeps its column boundaries exact enough.
    const long double width = (static_cast<long double>(lastStep) -
                               static_cast<long double>(firstStep) + 1.0L) /
                              static_cast<long double>(columns);
    for (std::size_t i = 0; i < series.size(); ++i) {
        const ScalarPoint& p = series[i];
        if (p.step < firstStep || p.step > lastStep || std::isnan(p.value))
            continue;
        auto column = static_cast<std::size_t>(
            (static_cast<long double>(p.step) - static_cast<long double>(firstStep)) / width);
        if (column >= bins.size())
            column = bins.size() - 1;
        Column& bin = bins[column];
        if (bin.min == kNone || p.value < series[bin.min].value)
            bin.min = i;
        if (bin.max == kNone || p.value > series[bin.max].value)
            bin.max = i;
    }
    for (const Column& bin : bins) {
        if (bin.min == kNone)
            continue;
        const std::size_t first = std::min(bin.min, bin.max);
        const std::size_t second = std::max(bin.min, bin.max);
        out.push_back(series[first]);
        if (second != first)
            out.push_back(series[second]);
    }
    return out;
}

} // namespace lrlab
