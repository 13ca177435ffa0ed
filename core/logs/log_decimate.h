#pragma once

#include "core/logs/log_run.h"

#include <cstdint>

namespace lrlab {

/// The points of series to draw in `columns` pixel columns over the steps [firstStep, lastStep]:
/// the range is cut into `columns` equal step ranges (step s is in column
/// (s - firstStep) × columns / (lastStep - firstStep + 1), in integers), and each keeps its
/// smallest and its largest value (one point when they are the same point; NaN values are left
/// out), in file order within the column, columns in step order. At most 2 × columns points, so a
/// spike survives however many points share its pixel. Points outside the range are left out;
/// columns <= 0 or lastStep < firstStep give none.
ScalarSeries decimateMinMax(const ScalarSeries& series, std::int64_t firstStep,
                            std::int64_t lastStep, int columns);

} // namespace lrlab
