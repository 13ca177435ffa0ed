#include "core/engine/run_status.h"

namespace lrlab {

std::string runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Finished:
        return "finished";
    case RunStatus::Converged:
        return "converged";
    case RunStatus::Diverged:
        return "diverged";
    case RunStatus::Cancelled:
        return "cancelled";
    }
    return "unknown";
}

} // namespace lrlab
