#pragma once

#include "core/config/run_config.h"
#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/engine/run_status.h"
#include "core/engine/toy_run.h"
#include "core/problems/toy_surface.h"

#include <functional>
#include <memory>

namespace lrlab {

/// One experiment run to its end: what it ran on and its trace. A toy surface run sets surface,
/// minimumValue and toy; a model run sets problem and model (the other trace stays empty).
/// The surface and problem are immutable and shared, so a result is cheap to copy around and
/// safe to read from any thread. Plain value.
struct ExperimentResult
{
    std::shared_ptr<const ToySurface> surface;   ///< toy runs: the surface (else null)
    std::shared_ptr<const ModelProblem> problem; ///< model runs: data, split, model shape
    double minimumValue = 0.0; ///< toy runs: f at the surface's known minima (the loss floor)
    ToyTrace toy;
    ModelTrace model;

    bool isToy() const { return surface != nullptr; }
    RunStatus status() const { return isToy() ? toy.status : model.status; }
    int rows() const { return isToy() ? toy.rows() : model.rows(); }
};

/// What a caller adds to a run: model options and a hook between building and training.
/// An option struct at namespace scope, so it can be default-constructed in a default argument.
struct ExperimentCallbacks
{
    /// Model runs: passed to runModel unchanged (snapshots for a PCA plane, recorded batches,
    /// the observer that streams chunks or reports progress and may stop the run). Ignored by
    /// toy runs. Its default keeps runModel's defaults (512 snapshots).
    ModelRunOptions model;
    /// Called on the running thread once the surface or problem is built and before the first
    /// step, with surface/problem and minimumValue set and both traces empty (e.g. to draw the
    /// surface's landscape first, or to check a plane against the model's parameter count). An
    /// exception thrown here leaves runExperiment before any training.
    std::function<void(const ExperimentResult& prepared)> prepared;
};

/// The one entry for running a config, shared by the window, its worker, the exporters, the
/// CLI and sweeps: validates config, builds its toy surface (makeToySurface) or model problem
/// (ModelProblem::create, through the dataset cache), then runs runToy or runModel. So every
/// caller gets the same trace for the same config. Stops between steps when cancel is raised
/// (the trace's status is then Cancelled; a model observer returning false does the same).
/// Throws std::invalid_argument for an invalid config and DatasetError for unreadable data.
/// Thread-safe: nothing shared is modified.
ExperimentResult runExperiment(const RunConfig& config, const CancelFlag* cancel,
                               const ExperimentCallbacks& callbacks = {});

} // namespace lrlab
