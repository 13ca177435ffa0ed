#pragma once

// Timing and reporting helpers shared by the benchmarks (plain mains, not CTest tests).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace lrlab::bench {

/// Wall seconds one call of work takes (steady clock).
inline double secondsOf(const std::function<void()>& work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Wall milliseconds one call of work takes.
inline double millisecondsOf(const std::function<void()>& work)
{
    return 1e3 * secondsOf(work);
}

/// The median of values (the upper one of an even count); 0 when there are none.
inline double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// Median wall seconds of `repeats` calls of work, after `warmUps` calls that are not timed.
inline double medianSeconds(int repeats, const std::function<void()>& work, int warmUps = 0)
{
    for (int w = 0; w < warmUps; ++w)
        work();
    std::vector<double> seconds;
    for (int r = 0; r < repeats; ++r)
        seconds.push_back(secondsOf(work));
    return median(seconds);
}

/// Median, 95th percentile and maximum of a set of measurements (milliseconds).
struct Stats
{
    double median = 0.0;
    double p95 = 0.0;
    double max = 0.0;
};

inline Stats summarize(std::vector<double> ms)
{
    Stats s;
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    s.median = ms[ms.size() / 2];
    s.p95 = ms[std::min(ms.size() - 1, static_cast<std::size_t>(0.95 * ms.size()))];
    s.max = ms.back();
    return s;
}

/// Prints the head of a Markdown table of Stats rows whose first column is `width` wide.
inline void printStatsHeader(const char* title, int width)
{
    std::printf("| %-*s | %5s | %9s | %9s | %9s |\n", width, title, "n", "median", "p95", "max");
    std::printf("|%s|%s|%s|%s|%s|\n", std::string(width + 2, '-').c_str(),
                std::string(7, '-').c_str(), std::string(11, '-').c_str(),
                std::string(11, '-').c_str(), std::string(11, '-').c_str());
}

/// Prints one row of such a table: what was measured, how often, and its Stats.
inline void printStatsRow(const char* what, int width, int n, const Stats& s)
{
    std::printf("| %-*s | %5d | %9.3f | %9.3f | %9.3f |\n", width, what, n, s.median, s.p95, s.max);
}

} // namespace lrlab::bench
