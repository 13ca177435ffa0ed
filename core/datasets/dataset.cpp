#include "core/datasets/dataset.h"

#include "core/datasets/csv_loader.h"
#include "core/datasets/idx_loader.h"
#include "core/util/input_file.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace lrlab {

namespace {

std::string formatMessage(const std::string& file, int line, const std::string& what)
{
    if (line > 0)
        return file + ":" + std::to_string(line) + ": " + what;
    return file + ": " + what;
}

bool isDirectory(const std::filesystem::path& path)
{
    std::error_code error;
    return std::filesystem::is_directory(path, error);
}

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

DatasetError::DatasetError(const std::string& file, int line, const std::string& what)
    : std::runtime_error(escapeNul(formatMessage(file, line, what))), m_file(file), m_line(line)
{
}

void Dataset::gatherRows(const int* rowIndices, int count, float* out) const
{
    const auto width = static_cast<std::size_t>(features);
    for (int r = 0; r < count; ++r) {
        const std::size_t base = static_cast<std::size_t>(rowIndices[r]) * width;
        float* dst = out + static_cast<std::size_t>(r) * width;
        if (bytes.empty()) {
            const double* src = values.data() + base;
            for (std::size_t c = 0; c < width; ++c)
                dst[c] = static_cast<float>(src[c]);
        } else {
            const std::uint8_t* src = bytes.data() + base;
            for (std::size_t c = 0; c < width; ++c)
                dst[c] = static_cast<float>(src[c]);
        }
    }
}

int Dataset::featureIndex(const std::string& featureName) const
{
    for (std::size_t i = 0; i < featureNames.size(); ++i) {
        if (featureNames[i] == featureName)
            return static_cast<int>(i);
    }
    return -1;
}

std::size_t Dataset::memoryBytes() const
{
    return values.size() * sizeof(double) + bytes.size() + labels.size() * sizeof(int) +
           targets.size() * sizeof(double);
}

std::vector<std::string> builtinDatasetNames()
{
    return {"iris", "wine", "breast_cancer", "digits", "diabetes", "fashion_mnist"};
}

std::string datasetDirectory()
{
    if (const char* env = std::getenv("LRLAB_DATA_DIR"); env != nullptr && *env != '\0')
        return env;
    // An installed binary finds its data relative to itself (bin/ next to share/).
    std::error_code error;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        const std::filesystem::path installed =
            exe.parent_path() / ".." / "share" / "lrlab" / "datasets";
        if (isDirectory(installed))
            return installed.lexically_normal().string();
    }
    return std::string(LRLAB_SOURCE_DIR) + "/resources/datasets";
}

Dataset loadDataset(const std::string& nameOrPath)
{
    if (nameOrPath.find('/') != std::string::npos || endsWith(nameOrPath, ".csv"))
        return loadCsvDataset(nameOrPath);
    if (nameOrPath == "fashion_mnist")
        return loadFashionMnist();
    for (const std::string& builtin : builtinDatasetNames()) {
        if (builtin == nameOrPath)
            return loadCsvDataset(datasetDirectory() + "/" + nameOrPath + ".csv", nameOrPath);
    }
    std::string known;
    for (const std::string& builtin : builtinDatasetNames())
        known += (known.empty() ? "" : ", ") + builtin;
    throw DatasetError(nameOrPath, 0,
                       "unknown dataset (built-in: " + known + "; or give the path of a CSV file)");
}

} // namespace lrlab
