#include "core/logs/log_decimate.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace lrlab {

namespace {
/// 128-bit integers (GCC and Clang), for exact column boundaries over any int64 step range.
__extension__ typedef __int128 Wide;
} // namespace

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
    const Wide span = static_cast<Wide>(lastStep) - firstStep + 1;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const ScalarPoint& p = series[i];
        if (p.step < firstStep || p.step > lastStep || std::isnan(p.value))
            continue;
        const auto column =
            static_cast<std::size_t>((static_cast<Wide>(p.step) - firstStep) * columns / span);
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
