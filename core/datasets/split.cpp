#include "core/datasets/split.h"

#include "core/util/format.h"
#include "core/util/rng.h"
#include "core/util/rng_streams.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace lrlab {

namespace {

/// Mean then population std of each column over rows, for either storage type T.
template <typename T>
void columnMoments(const T* data, int width, const std::vector<int>& rows,
                   std::vector<double>& mean, std::vector<double>& std)
{
    const auto w = static_cast<std::size_t>(width);
    mean.assign(w, 0.0);
    std.assign(w, 0.0);
    // Row-major storage: walk each row once and accumulate into all columns.
    for (int row : rows) {
        const T* src = data + static_cast<std::size_t>(row) * w;
        for (std::size_t c = 0; c < w; ++c)
            mean[c] += static_cast<double>(src[c]);
    }
    const auto n = static_cast<double>(rows.size());
    for (double& m : mean)
        m /= n;
    // Second pass on the deviations: no cancellation, unlike E[x²] − E[x]².
    for (int row : rows) {
        const T* src = data + static_cast<std::size_t>(row) * w;
        for (std::size_t c = 0; c < w; ++c) {
            const double d = static_cast<double>(src[c]) - mean[c];
            std[c] += d * d;
        }
    }
    for (double& s : std) {
        s = std::sqrt(s / n);
        if (!(s >= kMinStandardDeviation))
            s = 1.0;
    }
}

template <typename T>
void gatherColumns(const T* data, int width, const Standardization& standardization,
                   const int* rows, int count, float* out)
{
    const auto w = static_cast<std::size_t>(width);
    const double* mean = standardization.mean.data();
    const double* std = standardization.std.data();
    for (int r = 0; r < count; ++r) {
        const T* src = data + static_cast<std::size_t>(rows[r]) * w;
        float* dst = out + static_cast<std::size_t>(r) * w;
        for (std::size_t c = 0; c < w; ++c)
            dst[c] = static_cast<float>((static_cast<double>(src[c]) - mean[c]) / std[c]);
    }
}

} // namespace

Standardization computeStandardization(const Dataset& dataset, const std::vector<int>& rows)
{
    if (rows.empty())
        throw std::invalid_argument("standardization needs at least one training row");
    Standardization result;
    if (dataset.storesBytes())
        columnMoments(dataset.bytes.data(), dataset.features, rows, result.mean, result.std);
    else
        columnMoments(dataset.values.data(), dataset.features, rows, result.mean, result.std);

    if (dataset.isRegression()) {
        std::vector<double> mean;
        std::vector<double> std;
        columnMoments(dataset.targets.data(), 1, rows, mean, std);
        result.targetMean = mean[0];
        result.targetStd = std[0];
    }
    return result;
}

DataSplit makeSplit(const Dataset& dataset, double valFraction, std::uint64_t seed)
{
    DataSplit split;
    const int n = dataset.rows;
    if (dataset.fixedValidationStart >= 0) {
        // The dataset's own split (Fashion-MNIST's 60k train / 10k test), in file order.
        const int start = dataset.fixedValidationStart;
        split.train.reserve(static_cast<std::size_t>(start));
        for (int i = 0; i < start; ++i)
            split.train.push_back(i);
        split.validation.reserve(static_cast<std::size_t>(n - start));
        for (int i = start; i < n; ++i)
            split.validation.push_back(i);
    } else {
        if (!(valFraction >= 0.0 && valFraction < 1.0))
            throw std::invalid_argument("val_fraction must lie in [0, 1), got " +
                                        formatSignificant(valFraction, 6));
        // std::round: halves away from zero (not Python's banker's rounding).
        const auto validationCount = static_cast<int>(std::round(n * valFraction));
        const int trainCount = n - validationCount;
        if (trainCount < 1)
            throw std::invalid_argument("val_fraction " + formatSignificant(valFraction, 6) +
                                        " leaves no training rows of " + std::to_string(n));
        // The split's own stream, so batch size or initialization never change it.
        Rng rng(seed, kStreamSplit);
        const std::vector<int> permutation = rng.permutation(n);
        split.train.assign(permutation.begin(), permutation.begin() + trainCount);
        split.validation.assign(permutation.begin() + trainCount, permutation.end());
    }
    split.standardization = computeStandardization(dataset, split.train);
    return split;
}

void gatherStandardized(const Dataset& dataset, const Standardization& standardization,
                        const int* rows, int count, float* out)
{
    if (dataset.storesBytes())
        gatherColumns(dataset.bytes.data(), dataset.features, standardization, rows, count, out);
    else
        gatherColumns(dataset.values.data(), dataset.features, standardization, rows, count, out);
}

void gatherLabels(const Dataset& dataset, const int* rows, int count, int* out)
{
    for (int r = 0; r < count; ++r)
        out[r] = dataset.labels[static_cast<std::size_t>(rows[r])];
}

void gatherStandardizedTargets(const Dataset& dataset, const Standardization& standardization,
                               const int* rows, int count, float* out)
{
    for (int r = 0; r < count; ++r) {
        const double target = dataset.targets[static_cast<std::size_t>(rows[r])];
        out[r] =
            static_cast<float>((target - standardization.targetMean) / standardization.targetStd);
    }
}

} // namespace lrlab
