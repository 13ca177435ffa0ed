#pragma once

#include "core/config/run_config.h"
#include "core/engine/model_problem.h"
#include "core/engine/run_status.h"

#include <Eigen/Core>

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace lrlab {

/// The trace of a minibatch run on a real model (docs/semantics.md §3.1): row k = 0..steps−1 holds
/// the LR of update k and the minibatch loss at θ_k (the forward pass of update k). Evaluation rows
/// (multiples of eval_every and the last row) add the full training loss, validation loss and
/// accuracy at θ_k. A run whose loss turns non-finite ends at that row.
struct ModelTrace
{
    std::vector<double> learningRate;
    std::vector<float> loss;   ///< minibatch loss per row
    std::vector<float> x, y;   ///< θ_k for two-parameter models (linreg, logreg)
    std::vector<int> evalRows; ///< the rows that carry an evaluation
    std::vector<double> trainLoss, validationLoss, validationAccuracy; ///< per evalRows entry
    std::vector<int> batchOffsets; ///< recordBatches: batch k is batchRows[off[k]..off[k+1])
    std::vector<int> batchRows;    ///< dataset row indices of the minibatches
    std::vector<float> initial;    ///< θ_0
    std::vector<float> final;      ///< the parameters after the last update
    /// θ at snapshotRows (every snapshotStride-th row and the final parameters last), for the
    /// trajectory's PCA plane: snapshotRows.size() × parameterCount floats.
    std::vector<float> snapshots;
    std::vector<int> snapshotRows;
    int parameterCount = 0;
    RunStatus status = RunStatus::Finished;
    int divergedAt = -1;
    double lastFiniteLoss = 0.0;
    std::size_t optimizerStateBytes = 0;

    int rows() const { return static_cast<int>(loss.size()); }
    bool twoParameters() const { return parameterCount == 2; }
};

/// Options of runModel besides the config.
struct ModelRunOptions
{
    bool recordBatches = false; ///< fill batchOffsets/batchRows (for batches.csv)
    int maxSnapshots = 512;     ///< snapshots kept for the PCA plane (0 = none)
    int chunkSteps = 64;        ///< call the observer every this many rows
    /// Make the evaluations on a thread of their own beside the training steps
    /// (EvaluationWorker): the same trace, sooner when a core is free. The observer then sees
    /// the evaluations finished so far, a few behind the rows. A finished or diverged run's trace
    /// has them all; a cancelled run drops the queued ones rather than wait for them.
    bool parallelEvaluations = false;
    /// Called every chunkSteps rows and at the end with the trace so far and the first row not
    /// reported before. Returning false stops the run (status Cancelled).
    std::function<bool(const ModelTrace& trace, int firstNewRow)> observer;
};

/// θ₀ of a model run: config.init rounded to float, or model's seeded initialization
/// (Model::initialize(config.seed)) when init is empty. Eigen storage, aligned to
/// EIGEN_MAX_ALIGN_BYTES, so the vectorized kernels take the same path on every run (a malloc'd
/// buffer's alignment varies, and with it the summation order of a GEMM's edge, which would make
/// identical configs differ in the last bits). Throws std::invalid_argument ("init: ...") when
/// init has the wrong length.
Eigen::VectorXf initialModelParameters(const RunConfig& config, const Model<float>& model);

/// Trains config's model on problem (built from config.problem and config.seed) with config's
/// optimizer and schedule. Deterministic: the initialization, split and batches come from
/// config.seed; a given config gives the same trace on every run and thread. Stops between
/// steps when cancel is raised. Throws std::invalid_argument for settings the problem rejects
/// (e.g. an init of the wrong length).
ModelTrace runModel(const RunConfig& config, const ModelProblem& problem,
                    const CancelFlag* cancel = nullptr, const ModelRunOptions& options = {});

} // namespace lrlab
