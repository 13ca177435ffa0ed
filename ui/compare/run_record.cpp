#include "ui/compare/run_record.h"

#include "core/analysis/landscape.h"
#include "core/engine/model_run.h"
#include "core/engine/toy_run.h"

#include <algorithm>
#include <cstddef>
#include <limits>

namespace lrlab {

namespace {

int indexOfRow(const std::vector<int>& rows, int row)
{
    const auto it = std::lower_bound(rows.begin(), rows.end(), row);
    if (it == rows.end() || *it != row)
        return -1;
    return static_cast<int>(it - rows.begin());
}

} // namespace

int RunRecord::evalIndexOf(int row) const
{
    return indexOfRow(evalRows, row);
}

int RunRecord::pathIndexOf(int row) const
{
    return indexOfRow(pathRows, row);
}

RunRecord fromToyTrace(const RunConfig& config, const ToyTrace& trace, double minimumValue)
{
    RunRecord record;
    record.config = config;
    record.learningRate = trace.learningRate;
    record.loss = trace.loss;
    record.lossOffset = minimumValue;
    const int rows = std::min(
        {trace.rows(), static_cast<int>(trace.x.size()), static_cast<int>(trace.y.size())});
    record.pathRows.resize(static_cast<std::size_t>(std::max(rows, 0)));
    for (int k = 0; k < rows; ++k)
        record.pathRows[static_cast<std::size_t>(k)] = k;
    record.pathX.assign(trace.x.begin(), trace.x.begin() + rows);
    record.pathY.assign(trace.y.begin(), trace.y.begin() + rows);
    record.status = trace.status;
    record.divergedAt = trace.divergedAt;
    return record;
}

RunRecord fromModelTrace(const RunConfig& config, const ModelTrace& trace,
                         const LandscapeTrajectory* projectedPath)
{
    RunRecord record;
    record.config = config;
    record.learningRate = trace.learningRate;
    record.loss.assign(trace.loss.begin(), trace.loss.end());
    if (projectedPath) {
        const std::size_t n = std::min(
            {projectedPath->steps.size(), projectedPath->alpha.size(), projectedPath->beta.size()});
        record.pathRows.assign(projectedPath->steps.begin(), projectedPath->steps.begin() + n);
        record.pathX.assign(projectedPath->alpha.begin(), projectedPath->alpha.begin() + n);
        record.pathY.assign(projectedPath->beta.begin(), projectedPath->beta.begin() + n);
    } else if (trace.twoParameters()) {
        const std::size_t n = std::min(trace.x.size(), trace.y.size());
        record.pathRows.resize(n);
        for (std::size_t k = 0; k < n; ++k)
            record.pathRows[k] = static_cast<int>(k);
        record.pathX.assign(trace.x.begin(), trace.x.begin() + n);
        record.pathY.assign(trace.y.begin(), trace.y.begin() + n);
    }
    // Regression models may report no accuracy: keep the losses, mark the accuracy missing.
    const std::size_t evals = std::min(trace.evalRows.size(), trace.validationLoss.size());
    record.evalRows.assign(trace.evalRows.begin(), trace.evalRows.begin() + evals);
    record.validationLoss.assign(trace.validationLoss.begin(),
                                 trace.validationLoss.begin() + evals);
    record.validationAccuracy.assign(evals, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < evals && i < trace.validationAccuracy.size(); ++i)
        record.validationAccuracy[i] = trace.validationAccuracy[i];
    record.status = trace.status;
    record.divergedAt = trace.divergedAt;
    return record;
}

} // namespace lrlab
