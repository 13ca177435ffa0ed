#pragma once

#include "core/config/run_config.h"
#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/engine/run_status.h"
#include "core/engine/toy_run.h"
#include "core/problems/toy_surface.h"

#include <QString>

#include <memory>
#include <vector>

namespace lrlab {

struct Session;

/// One run as the exporters see it: its label, its config and its trace (exactly one of toy or
/// model is set). Traces are shared and immutable, so copies are cheap. Plain data.
struct ExportRun
{
    QString label;
    RunConfig config;
    std::shared_ptr<const ToyTrace> toy;
    std::shared_ptr<const ModelTrace> model;
    /// What the run ran on (from runExperiment): the toy surface, or the model problem (its
    /// dataset, split and model shape), so a figure needs not build them again.
    std::shared_ptr<const ToySurface> surface;
    std::shared_ptr<const ModelProblem> problem;
    bool classification = false; ///< model runs: val_acc is a column
    double minimumValue = 0.0;   ///< toy: the surface's f* (the loss plot shows f − f*)
    bool current = false;        ///< the session's current run (not a pin)

    bool isToy() const { return toy != nullptr; }
    int rows() const;
    /// The LR and loss of row k (rows() > k >= 0).
    double learningRateAt(int row) const;
    double lossAt(int row) const;
};

/// Runs config through runExperiment: the same trace the window and `lrlab run` give, since
/// runs are deterministic. Throws std::invalid_argument for a config the core rejects,
/// DatasetError for unreadable data.
ExportRun computeExportRun(const RunConfig& config, const QString& label,
                           const CancelFlag* cancel = nullptr);

/// Every run of a session: the pinned runs in order (empty labels become "run <i>"), then the
/// current run labelled "current".
std::vector<ExportRun> computeSessionRuns(const Session& session,
                                          const CancelFlag* cancel = nullptr);

} // namespace lrlab
