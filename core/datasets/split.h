#pragma once

#include "core/datasets/dataset.h"

#include <cstdint>
#include <vector>

namespace lrlab {

/// Per-feature standardization (docs/semantics.md §2.2): x' = (x − mean) / std with the training
/// rows' mean and population std; a std below 1e-12 is stored as 1 (a constant column then becomes
/// x − mean = 0). Regression targets are standardized the same way; targetMean and targetStd
/// undo it (for classification they are 0 and 1).
struct Standardization
{
    std::vector<double> mean; ///< one per feature
    std::vector<double> std;  ///< one per feature, already >= 1e-12 (else 1)
    double targetMean = 0.0;
    double targetStd = 1.0;

    /// A standardized regression prediction back in the target's units.
    double unstandardizeTarget(double standardized) const
    {
        return standardized * targetStd + targetMean;
    }
};

/// The train/validation split of a dataset plus the standardization fitted on its training
/// rows. Row lists hold dataset row indices.
struct DataSplit
{
    std::vector<int> train;      ///< in permutation order (file order for a fixed split)
    std::vector<int> validation; ///< in permutation order (file order for a fixed split)
    Standardization standardization;
};

/// Stds below this count as 1 (docs/semantics.md §2.2).
inline constexpr double kMinStandardDeviation = 1e-12;

/// Splits dataset as docs/semantics.md §2.2: p = Rng(seed, kStreamSplit).permutation(rows); the
/// last round(rows·valFraction) entries of p (std::round, halves away from zero) are validation,
/// the rest training, both in p's order. A dataset with fixedValidationStart >= 0 (Fashion-MNIST)
/// keeps its own split instead, ignoring valFraction and seed. Then fits the standardization on
/// the training rows. Throws std::invalid_argument when valFraction is outside [0, 1) or the
/// training part would be empty.
DataSplit makeSplit(const Dataset& dataset, double valFraction, std::uint64_t seed);

/// Mean and population std of each feature (and of the target for regression) over rows,
/// in double, two passes (the mean first, then the mean squared deviation from it).
Standardization computeStandardization(const Dataset& dataset, const std::vector<int>& rows);

/// Writes the standardized features of rows[0..count) into out, row-major count×features.
/// Each value is computed in double as (x − mean) / std, x being the stored double or the
/// byte converted to double, and rounded once to float. Does not allocate.
void gatherStandardized(const Dataset& dataset, const Standardization& standardization,
                        const int* rows, int count, float* out);

/// Writes the class labels of rows[0..count) into out (classification datasets).
void gatherLabels(const Dataset& dataset, const int* rows, int count, int* out);

/// Writes the standardized targets (target − targetMean) / targetStd of rows[0..count) into
/// out, computed in double and rounded once to float (regression datasets).
void gatherStandardizedTargets(const Dataset& dataset, const Standardization& standardization,
                               const int* rows, int count, float* out);

} // namespace lrlab
