#pragma once

#include "core/config/run_config.h"

#include <cstdint>
#include <optional>
#include <string>

namespace lrlab {

/// The memory one run may need (README, "Limits"). Fixed rather than a share of this machine's
/// memory, so a config is accepted or refused the same way on every machine.
inline constexpr double kMemoryLimitBytes = 4.0 * 1024 * 1024 * 1024;
/// The estimated compute time one run may take, in seconds (10 minutes).
inline constexpr double kTimeLimitSeconds = 600.0;
/// The compute rate the time estimate assumes: floating-point operations per second of the
/// models' kernels, as measured (CPU time of `lrlab run` on digits MLPs with hidden [32] and
/// [1024, 1024], x86-64 with AVX-512: 5.0e10 and 5.1e10). A slower machine takes longer than
/// the estimate; it is never refused more.
inline constexpr double kAssumedFlopsPerSecond = 5.0e10;
/// The fixed cost of one step besides its arithmetic (sampling, gathering, trace rows).
inline constexpr double kStepOverheadSeconds = 1.0e-7;
/// The most steps a run may have: each keeps about kTraceBytesPerStep in its trace, the
/// window's plot copies and the CSV text, so 5 million steps already hold about 2 GB.
inline constexpr int kMaxRunSteps = 5'000'000;
/// What one step keeps in memory across the trace, the plots and the written CSV.
inline constexpr double kTraceBytesPerStep = 400.0;

/// What the estimate needs to know about a model's data.
struct DataShape
{
    double rows = 0;     ///< samples (training and validation)
    double features = 0; ///< input columns
    int classes = 0;     ///< classification classes, 0 for regression
};

/// The shape of the problem's dataset without loading it: built-in datasets from a table, a CSV
/// file from its size and header line (an upper bound on rows). nullopt for toy surfaces and
/// for a file that cannot be read (loading it reports that).
std::optional<DataShape> peekDataShape(const ProblemSpec& problem);

/// Memory and time of one run of config on data of this shape (or a toy surface), computed in
/// double precision so no size overflows.
struct ResourceEstimate
{
    double parameters = 0;        ///< model parameters (2 for a toy surface)
    double parameterBytes = 0;    ///< parameters, gradients, copies and optimizer state
    double workspaceBytes = 0;    ///< activations and GEMM buffers of a batch / evaluation chunk
    double traceBytes = 0;        ///< the per-step and per-evaluation rows kept
    double datasetBytes = 0;      ///< the loaded dataset
    double stepSeconds = 0;       ///< the training steps
    double evaluationSeconds = 0; ///< the full-data evaluations every eval_every steps

    double memoryBytes() const
    {
        return parameterBytes + workspaceBytes + traceBytes + datasetBytes;
    }
    double seconds() const { return stepSeconds + evaluationSeconds; }
};

/// The estimate of config; shape is ignored for toy surfaces.
ResourceEstimate estimateResources(const RunConfig& config, const DataShape& shape);

/// Throws std::invalid_argument when the estimate exceeds kMemoryLimitBytes or
/// kTimeLimitSeconds, or the model has more parameters than an int indexes. The message starts
/// with the key to change and shows the estimate, e.g. "problem.hidden: [65536, 65536] needs
/// 16 GiB of parameters ...". Cheap (no file is read beyond a CSV's first line).
void checkResourceLimits(const RunConfig& config);
/// The same with the dataset's actual shape (after loading it).
void checkResourceLimits(const RunConfig& config, const DataShape& shape);

/// A duration for messages: "12 s", "42 min", "3.5 h", "3 days".
std::string formatDuration(double seconds);

} // namespace lrlab
