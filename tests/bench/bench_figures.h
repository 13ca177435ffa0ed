#pragma once

// One machine-readable line per measured figure, so `scripts/dev.sh bench` can print the
// performance-goals table and two builds can be compared figure by figure.

#include <cmath>
#include <cstdio>
#include <string>

namespace lrlab::bench {

/// Prints one JSON line on stdout:
///   {"figure":"<id>","value":<v>,"unit":"<unit>","goal":<g or null>,"what":"<text>"}
/// `id` is a stable key (snake_case, e.g. "explorer.digits.first_chunk_p95"), `what` the
/// human description of the row; `goal` is NaN when the figure has none (lower is better
/// unless the unit ends in "/s").
inline void emitFigure(const std::string& id, double value, const std::string& unit,
                       const std::string& what, double goal = std::nan(""))
{
    auto escaped = [](const std::string& s) {
        std::string out;
        for (char c : s) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        return out;
    };
    std::string goalText = std::isnan(goal) ? std::string("null") : std::to_string(goal);
    std::printf("{\"figure\":\"%s\",\"value\":%.6g,\"unit\":\"%s\",\"goal\":%s,\"what\":\"%s\"}\n",
                escaped(id).c_str(), value, escaped(unit).c_str(), goalText.c_str(),
                escaped(what).c_str());
    std::fflush(stdout);
}

} // namespace lrlab::bench
