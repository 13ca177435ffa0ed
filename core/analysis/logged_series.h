#pragma once

#include <vector>

namespace lrlab {

/// One value of a training log: the step the log gives and the scalar logged at it.
struct StepValue
{
    long long step = 0;
    double value = 0.0;
};

/// A logged scalar (learning rate, loss, accuracy) in the log's order: steps increasing, possibly
/// sparse (every 5th step) and unevenly spaced.
using LoggedSeries = std::vector<StepValue>;

} // namespace lrlab
