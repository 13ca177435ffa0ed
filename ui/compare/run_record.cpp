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

/// The index of the j-th of kept snapshots evenly spaced over count (the last is count − 1).
std::size_t thinnedIndex(std::size_t j, std::size_t kept, std::size_t count)
{
    return kept == 1 ? count - 1 : j * (count - 1) / (kept - 1);
}

/// Copies at most kRecordSnapshots of trace's snapshots into record.
void keepSnapshots(RunRecord& record, const ModelTrace& trace)
{
    const std::size_t count = trace.snapshotRows.size();
    if (count == 0 || trace.snapshots.size() % count != 0)
        return;
    const std::size_t p = trace.snapshots.size() / count;
    const std::size_t kept = std::min<std::size_t>(count, kRecordSnapshots);
    auto values = std::make_shared<std::vector<float>>();
    values->reserve(kept * p);
    for (std::size_t j = 0; j < kept; ++j) {
        const std::size_t i = thinnedIndex(j, kept, count);
        record.snapshotRows.push_back(trace.snapshotRows[i]);
        const auto first = trace.snapshots.begin() + static_cast<std::ptrdiff_t>(i * p);
        values->insert(values->end(), first, first + static_cast<std::ptrdiff_t>(p));
    }
    record.snapshots = std::move(values);
    record.snapshotParameters = static_cast<int>(p);
}

} // namespace

void thinSnapshots(ModelTrace& trace, int count)
{
    const std::size_t total = trace.snapshotRows.size();
    const auto kept = static_cast<std::size_t>(std::max(count, 0));
    if (total <= kept)
        return;
    if (kept == 0 || trace.snapshots.size() % total != 0) {
        trace.snapshots = {};
        trace.snapshotRows = {};
        return;
    }
    const std::size_t p = trace.snapshots.size() / total;
    std::vector<float> values;
    std::vector<int> rows;
    values.reserve(kept * p);
    for (std::size_t j = 0; j < kept; ++j) {
        const std::size_t i = thinnedIndex(j, kept, total);
        rows.push_back(trace.snapshotRows[i]);
        const auto first = trace.snapshots.begin() + static_cast<std::ptrdiff_t>(i * p);
        values.insert(values.end(), first, first + static_cast<std::ptrdiff_t>(p));
    }
    trace.snapshots = std::move(values);
    trace.snapshotRows = std::move(rows);
}

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

PlanePath pathOnPlane(const RunRecord& record, const std::shared_ptr<const ModelPlane>& plane,
                      bool* ok)
{
    PlanePath path;
    const bool ownPath = !plane || (record.pathPlane ? record.pathPlane == plane
                                                     : record.hasPath() && !record.hasSnapshots());
    const bool projectable =
        plane && record.hasSnapshots() && record.snapshotParameters == plane->parameterCount();
    if (ok)
        *ok = ownPath || projectable;
    if (ownPath) {
        path.rows = record.pathRows;
        path.x = record.pathX;
        path.y = record.pathY;
        return path;
    }
    if (!projectable)
        return path;
    const auto p = static_cast<std::size_t>(record.snapshotParameters);
    const std::size_t n = std::min(record.snapshotRows.size(), record.snapshots->size() / p);
    for (std::size_t i = 0; i < n; ++i) {
        const Eigen::Vector2d c = planeCoordinates(*plane, record.snapshots->data() + i * p);
        path.rows.push_back(record.snapshotRows[i]);
        path.x.push_back(c(0));
        path.y.push_back(c(1));
    }
    return path;
}

RunRecord fromModelTrace(const RunConfig& config, const ModelTrace& trace,
                         const LandscapeTrajectory* projectedPath,
                         std::shared_ptr<const ModelPlane> plane)
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
        record.pathPlane = std::move(plane);
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
    keepSnapshots(record, trace);
    record.status = trace.status;
    record.divergedAt = trace.divergedAt;
    return record;
}

} // namespace lrlab
