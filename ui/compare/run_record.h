#pragma once

#include "core/config/run_config.h"
#include "core/engine/run_status.h"

#include <memory>
#include <vector>

namespace lrlab {

struct LandscapeTrajectory;
struct ModelPlane;
struct ModelTrace;
struct ToyTrace;

/// A run as the compare views show it: a copied value (no pointers into worker buffers), so it
/// can be pinned and kept after the trace that produced it is gone. Row k is step k (the row
/// semantics of docs/semantics.md §3.1). A diverged toy trace keeps its last, non-finite row; the
/// plots skip non-finite values. Plain data, safe to copy between threads.
struct RunRecord
{
    RunConfig config;
    std::vector<double> learningRate; ///< per row: the LR of update k
    std::vector<double> loss;         ///< per row: f(θ_k) (toy) or the minibatch loss (models)
    /// Subtracted from the loss before it goes onto the log-scale loss plot (the toy surface's
    /// f*, so the plot shows f − f* as the main window does); hover texts show the raw loss.
    double lossOffset = 0.0;
    /// Optional path on the landscape: point i is the parameters (or their projection) at row
    /// pathRows[i]; ascending rows. Toy runs: every row. Projections of model runs may be
    /// sparse and may end at row rows() (the parameters after the last update).
    std::vector<int> pathRows;
    std::vector<double> pathX, pathY;
    /// The plane whose (α, β) coordinates pathX, pathY are (a larger model's PCA plane); null
    /// for a toy's (x, y) and a two-parameter model's (w, b), which need no plane.
    std::shared_ptr<const ModelPlane> pathPlane;
    /// Optional parameter snapshots of a model run, so its path can be projected onto another
    /// run's plane: the parameters θ at snapshotRows[i] are snapshots[i·p … i·p + p − 1] with
    /// p = snapshotParameters. Shared, never modified.
    std::vector<int> snapshotRows;
    std::shared_ptr<const std::vector<float>> snapshots;
    int snapshotParameters = 0;
    /// Optional evaluations: rows (ascending) and validation loss / accuracy at each of them.
    std::vector<int> evalRows;
    std::vector<double> validationLoss, validationAccuracy;
    RunStatus status = RunStatus::Finished;
    int divergedAt = -1; ///< row of the first non-finite value, or -1

    int rows() const { return static_cast<int>(loss.size()); }
    int lastRow() const { return rows() - 1; }
    bool hasPath() const { return !pathRows.empty(); }
    /// Index into evalRows of row, or -1 when the row has no evaluation.
    int evalIndexOf(int row) const;
    /// Index into pathRows of row, or -1 when the path has no point at that row.
    int pathIndexOf(int row) const;
    bool hasSnapshots() const { return snapshots && snapshotParameters > 0; }
};

/// A path on a plane: point i at row rows[i] is (x[i], y[i]).
struct PlanePath
{
    std::vector<int> rows;
    std::vector<double> x, y;
};

/// The path of record on plane: its own path when it needs no plane or was projected onto this
/// very plane; else its snapshots projected onto plane (planeCoordinates) when it keeps
/// snapshots of the plane's parameter count; else nothing (ok false: the run cannot be shown on
/// that plane). A null plane takes the record's own path.
PlanePath pathOnPlane(const RunRecord& record, const std::shared_ptr<const ModelPlane>& plane,
                      bool* ok = nullptr);

/// At most this many snapshots are kept in a RunRecord (evenly thinned, the last kept): enough
/// for a path on the map, small enough for eight pins of a 20 000-weight network (5 MB each).
constexpr int kRecordSnapshots = 64;

/// Thins trace's parameter snapshots to at most count (evenly spaced, the final ones kept).
void thinSnapshots(ModelTrace& trace, int count = kRecordSnapshots);

/// Copies a toy trace (every row carries x, y). minimumValue is the surface's f* (lossOffset).
RunRecord fromToyTrace(const RunConfig& config, const ToyTrace& trace, double minimumValue = 0.0);

/// Copies a model trace: loss and LR per row, validation at the evaluation rows, at most
/// kRecordSnapshots of its parameter snapshots, and as the path either projectedPath (plane
/// coordinates α, β at its rows on plane, e.g. from a PCA landscape) or, for two-parameter
/// models without one, the raw (w, b) of every row.
RunRecord fromModelTrace(const RunConfig& config, const ModelTrace& trace,
                         const LandscapeTrajectory* projectedPath = nullptr,
                         std::shared_ptr<const ModelPlane> plane = nullptr);

} // namespace lrlab
