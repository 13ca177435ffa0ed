#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace lrlab {

/// A dataset that cannot be loaded: bad CSV or IDX content, a missing file or package. The
/// message names the file and, where one applies, the 1-based line (the CSV header is line 1),
/// compiler style: "path:line: what is wrong".
class DatasetError : public std::runtime_error
{
public:
    /// line 0 means the problem is not tied to one line (missing file, gzip error, ...).
    DatasetError(const std::string& file, int line, const std::string& what);

    /// The file the problem is in.
    const std::string& file() const { return m_file; }
    /// The 1-based line, or 0 when none applies.
    int line() const { return m_line; }

private:
    std::string m_file;
    int m_line = 0;
};

/// What the last column of a dataset is.
enum class TaskKind {
    Classification, ///< integer labels 0..numClasses-1 (CSV column `label`)
    Regression      ///< a real target (CSV column `target`)
};

/// One table of samples: features plus a label or target per row (docs/semantics.md §2.2).
///
/// Feature values live in exactly one of two row-major rows×features buffers: `values` (double,
/// CSV files) or `bytes` (unsigned 8-bit, Fashion-MNIST: 70000×784 stays at 55 MB rather than
/// 440 MB as doubles). Use featureAt() or gatherRows() to read either without caring which.
/// Immutable after loading, so one const Dataset can be shared by any number of threads.
struct Dataset
{
    std::string name;                      ///< "iris", or the file's stem for a CSV path
    std::string sourcePath;                ///< the file (or directory for Fashion-MNIST)
    std::vector<std::string> featureNames; ///< one per feature column
    int rows = 0;
    int features = 0;
    TaskKind task = TaskKind::Classification;
    int numClasses = 0;              ///< classification: max label + 1 (>= 2); regression: 0
    std::vector<int> labels;         ///< classification: one per row, 0..numClasses-1
    std::vector<double> targets;     ///< regression: one per row
    std::vector<double> values;      ///< row-major feature values (CSV), or empty
    std::vector<std::uint8_t> bytes; ///< row-major feature values (IDX images), or empty
    /// >= 0 when the dataset brings its own split: rows [0, fixedValidationStart) are training
    /// and the rest validation, in file order (Fashion-MNIST: 60000). -1: split by permutation.
    int fixedValidationStart = -1;

    bool isClassification() const { return task == TaskKind::Classification; }
    bool isRegression() const { return task == TaskKind::Regression; }
    /// True when the features are stored as bytes (then `values` is empty).
    bool storesBytes() const { return !bytes.empty(); }

    /// The feature value at (row, col), whichever storage holds it. No bounds check.
    double featureAt(int row, int col) const
    {
        const std::size_t i = static_cast<std::size_t>(row) * static_cast<std::size_t>(features) +
                              static_cast<std::size_t>(col);
        return bytes.empty() ? values[i] : static_cast<double>(bytes[i]);
    }

    /// Copies the raw (unstandardized) features of rows[0..count) into out, row-major
    /// count×features, each value rounded once to float. Does not allocate.
    void gatherRows(const int* rowIndices, int count, float* out) const;

    /// The column index of the named feature, or -1 when there is none.
    int featureIndex(const std::string& featureName) const;

    /// Bytes held by the feature, label and target buffers (for memory reports).
    std::size_t memoryBytes() const;
};

/// The names loadDataset() knows: iris, wine, breast_cancer, digits, diabetes, fashion_mnist.
std::vector<std::string> builtinDatasetNames();

/// The directory of the bundled CSV files, resolved at run time, first match wins:
/// the environment variable LRLAB_DATA_DIR; next to the executable
/// (<exe dir>/../share/lrlab/datasets, an installed layout); the source tree
/// (LRLAB_SOURCE_DIR "/resources/datasets"). Returns the source-tree path when none exists.
std::string datasetDirectory();

/// Loads a built-in dataset by name (builtinDatasetNames(); fashion_mnist from its Debian
/// package) or, when nameOrPath contains '/' or ends in ".csv", the CSV file at that path.
/// Throws DatasetError for an unknown name or any loading problem.
Dataset loadDataset(const std::string& nameOrPath);

} // namespace lrlab
