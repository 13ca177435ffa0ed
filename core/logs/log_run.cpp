#include "core/logs/log_run.h"

namespace lrlab {

const char* logFormatName(LogFormat format)
{
    switch (format) {
    case LogFormat::TensorBoard:
        return "tensorboard";
    case LogFormat::TrainerState:
        return "trainer_state";
    case LogFormat::Csv:
        return "csv";
    }
    return "csv";
}

std::string LogProblem::text() const
{
    return file + ": " + (location.empty() ? std::string() : location + ": ") + message;
}

std::size_t LogRun::pointCount() const
{
    std::size_t n = 0;
    for (const auto& [tag, points] : series)
        n += points.size();
    return n;
}

} // namespace lrlab
