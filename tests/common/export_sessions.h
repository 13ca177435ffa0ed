#pragma once

#include "core/config/config_json.h"
#include "core/config/session.h"

namespace lrlab::test {

/// A toy session to export: the current run (Rosenbrock, Adam, lr 0.05 with cosine decay, steps
/// steps) and one pin of it at lr 0.01 labelled "lr 0.01". Used by tests and benchmarks (only
/// APIs that are old enough for scripts/bench-compare.sh).
inline Session toyExportSession(int steps = 120)
{
    Session s;
    s.current = parseRunConfig(QByteArray(R"({"problem": {"type": "rosenbrock"},
        "optimizer": {"type": "adam"}, "schedule": {"lr": 0.05, "decay": "cosine"},
        "steps": )") + QByteArray::number(steps) +
                                   "}",
                               "current")
                    .config;
    PinnedConfig pin;
    pin.config = s.current;
    pin.config.schedule.learningRate = 0.01;
    pin.label = "lr 0.01";
    s.pinned.push_back(pin);
    return s;
}

} // namespace lrlab::test
