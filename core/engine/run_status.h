#pragma once

#include <atomic>
#include <string>

namespace lrlab {

/// How a run ended. Divergence is a result, not an error.
enum class RunStatus {
    Finished,  ///< all steps done
    Converged, ///< all steps done and the final gradient is negligible (or the minimum reached)
    Diverged,  ///< a non-finite loss or parameter appeared; the trace stops there
    Cancelled  ///< the cancel flag was raised between steps
};

/// Raised by the owner of a run to abandon it; checked once per step.
using CancelFlag = std::atomic<bool>;

std::string runStatusName(RunStatus status);

} // namespace lrlab
