#include "core/finetune/pretrain_cache.h"

#include "core/datasets/batch_sampler.h"
#include "core/datasets/split.h"
#include "core/models/model.h"
#include "core/optimizers/optimizer.h"
#include "core/util/format.h"
#include "core/util/input_file.h"

#include <Eigen/Core>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <thread>

namespace lrlab {

namespace {

constexpr char kMagic[8] = {'L', 'R', 'L', 'A', 'B', 'P', 'T', '\0'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kHeaderBytes = 8 + 4 + 4 + 8 + 4 + 4;
constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

void fnv(std::uint64_t& h, const void* data, std::size_t bytes)
{
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) {
        h ^= p[i];
        h *= kFnvPrime;
    }
}

template <typename T> void fnvValue(std::uint64_t& h, T value)
{
    fnv(h, &value, sizeof value);
}

std::uint32_t crcOf(const std::vector<float>& values)
{
    // zlib's crc32 takes a uInt length: feed the payload in pieces that fit.
    uLong crc = crc32(0L, Z_NULL, 0);
    const auto* p = reinterpret_cast<const Bytef*>(values.data());
    std::size_t left = values.size() * sizeof(float);
    while (left > 0) {
        const auto piece = static_cast<uInt>(std::min<std::size_t>(left, 1u << 30));
        crc = crc32(crc, p, piece);
        p += piece;
        left -= piece;
    }
    return static_cast<std::uint32_t>(crc);
}

std::string hex16(std::uint64_t v)
{
    static const char* digits = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i) {
        s[static_cast<std::size_t>(i)] = digits[v & 15u];
        v >>= 4;
    }
    return s;
}

/// Reads and checks a cache file. Returns true and fills params only when every check passes;
/// otherwise false with *why set ("" when the file does not exist).
bool readCacheFile(const std::string& path, std::uint64_t key, int count,
                   std::vector<float>& params, std::string* why)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) && !std::filesystem::is_symlink(path, ec)) {
        why->clear();
        return false;
    }
    const auto expectedSize = kHeaderBytes + static_cast<std::size_t>(count) * sizeof(float);
    std::string bytes;
    try {
        // A regular file only (a FIFO at the path must not block), never more than a valid one.
        RegularFile file(path, expectedSize, "a pre-training cache file of these settings");
        if (file.size() != expectedSize) {
            *why = path + ": " + std::to_string(file.size()) + " bytes, expected " +
                   std::to_string(expectedSize) + " (truncated or not a cache file)";
            return false;
        }
        bytes = file.readAll();
    } catch (const InputFileError& e) {
        *why = e.what();
        return false;
    }
    if (bytes.size() != expectedSize) {
        *why = path + ": changed while it was read";
        return false;
    }
    const char* header = bytes.data();
    std::uint32_t version = 0;
    std::uint32_t storedCount = 0;
    std::uint64_t storedKey = 0;
    std::uint32_t storedCrc = 0;
    std::uint32_t reserved = 0;
    std::memcpy(&version, header + 8, 4);
    std::memcpy(&storedCount, header + 12, 4);
    std::memcpy(&storedKey, header + 16, 8);
    std::memcpy(&storedCrc, header + 24, 4);
    std::memcpy(&reserved, header + 28, 4);
    if (std::memcmp(header, kMagic, sizeof kMagic) != 0) {
        *why = path + ": bad magic";
        return false;
    }
    if (version != kFormatVersion || reserved != 0) {
        *why = path + ": format version " + std::to_string(version) + ", expected " +
               std::to_string(kFormatVersion);
        return false;
    }
    if (storedKey != key || storedCount != static_cast<std::uint32_t>(count)) {
        *why = path + ": key or parameter count does not match the settings";
        return false;
    }
    params.assign(static_cast<std::size_t>(count), 0.0f);
    std::memcpy(params.data(), bytes.data() + kHeaderBytes, params.size() * sizeof(float));
    if (crcOf(params) != storedCrc) {
        *why = path + ": checksum mismatch (corrupt payload)";
        return false;
    }
    // Training never stores a non-finite weight: such a file was not written by lrlab.
    const auto bad =
        std::find_if(params.begin(), params.end(), [](float v) { return !std::isfinite(v); });
    if (bad != params.end()) {
        const std::string value = std::isnan(*bad) ? "nan" : (*bad > 0 ? "inf" : "-inf");
        *why = path + ": non-finite weight " + value + " at index " +
               std::to_string(bad - params.begin()) + " (not written by lrlab)";
        return false;
    }
    why->clear();
    return true;
}

/// Writes the file atomically (temporary file in the same directory, then rename). Returns ""
/// on success, else the reason.
std::string writeCacheFile(const std::string& path, std::uint64_t key,
                           const std::vector<float>& params)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path target(path);
    fs::create_directories(target.parent_path(), ec);
    if (ec)
        return "cannot create " + target.parent_path().string() + ": " + ec.message();
    // A name no other writer uses: thread id, time and a process-wide counter.
    static std::atomic<unsigned> counter{0};
    const auto stamp =
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    const auto tid =
        static_cast<std::uint64_t>(std::hash<std::thread::id>()(std::this_thread::get_id()));
    const fs::path temp =
        target.parent_path() / (target.filename().string() + ".tmp-" + hex16(stamp ^ (tid << 1)) +
                                "-" + std::to_string(counter.fetch_add(1)));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
            return "cannot write " + temp.string();
        char header[kHeaderBytes];
        const auto count = static_cast<std::uint32_t>(params.size());
        const std::uint32_t crc = crcOf(params);
        const std::uint32_t reserved = 0;
        std::memcpy(header, kMagic, 8);
        std::memcpy(header + 8, &kFormatVersion, 4);
        std::memcpy(header + 12, &count, 4);
        std::memcpy(header + 16, &key, 8);
        std::memcpy(header + 24, &crc, 4);
        std::memcpy(header + 28, &reserved, 4);
        out.write(header, static_cast<std::streamsize>(kHeaderBytes));
        out.write(reinterpret_cast<const char*>(params.data()),
                  static_cast<std::streamsize>(params.size() * sizeof(float)));
        out.flush();
        if (!out) {
            out.close();
            fs::remove(temp, ec);
            return "cannot write " + temp.string();
        }
    }
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        return "cannot rename " + temp.string() + " to " + path + ": " + ec.message();
    }
    return {};
}

} // namespace

std::string defaultCacheDirectory()
{
    const char* own = std::getenv("LRLAB_CACHE_DIR");
    if (own != nullptr && own[0] != '\0')
        return own;
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg != nullptr && xdg[0] == '/')
        return std::string(xdg) + "/lrlab";
    const char* home = std::getenv("HOME");
    if (home != nullptr && home[0] != '\0')
        return std::string(home) + "/.cache/lrlab";
    return (std::filesystem::temp_directory_path() / "lrlab-cache").string();
}

std::uint64_t datasetChecksum(const Dataset& d)
{
    std::uint64_t h = kFnvOffset;
    fnvValue(h, static_cast<std::int64_t>(d.rows));
    fnvValue(h, static_cast<std::int64_t>(d.features));
    fnvValue(h, static_cast<std::int64_t>(d.numClasses));
    if (!d.labels.empty())
        fnv(h, d.labels.data(), d.labels.size() * sizeof(int));
    if (!d.targets.empty())
        fnv(h, d.targets.data(), d.targets.size() * sizeof(double));
    if (!d.values.empty())
        fnv(h, d.values.data(), d.values.size() * sizeof(double));
    if (!d.bytes.empty())
        fnv(h, d.bytes.data(), d.bytes.size());
    return h;
}

std::uint64_t pretrainKey(const PretrainRecipe& recipe, const Dataset& source)
{
    std::string text = "lrlab-pretrain/1;hidden=";
    for (int w : recipe.hidden)
        text += std::to_string(w) + "x";
    text += ";activation=" + activationName(recipe.activation);
    text += ";optimizer=adam;lr=" + formatDouble(recipe.learningRate);
    text += ";batch=" + std::to_string(recipe.batchSize);
    text += ";epochs=" + std::to_string(recipe.epochs);
    text += ";val=" + formatDouble(recipe.valFraction);
    text += ";seed=" + std::to_string(recipe.seed);
    text += ";rows=" + std::to_string(source.rows) +
            ";features=" + std::to_string(source.features) +
            ";classes=" + std::to_string(source.numClasses);
    text += ";data=" + hex16(datasetChecksum(source));
    std::uint64_t h = kFnvOffset;
    fnv(h, text.data(), text.size());
    return h;
}

ModelSpec pretrainSpec(const PretrainRecipe& recipe, const Dataset& source)
{
    if (!source.isClassification())
        throw std::invalid_argument("pre-training needs a classification dataset; " + source.name +
                                    " is a regression dataset");
    return makeModelSpec("mlp", source.features, source.numClasses, recipe.hidden,
                         activationName(recipe.activation));
}

std::vector<float> trainPretrained(const PretrainRecipe& recipe, const Dataset& source)
{
    if (recipe.batchSize < 1)
        throw std::invalid_argument("pre-training batch size must be >= 1");
    if (recipe.epochs < 1)
        throw std::invalid_argument("pre-training epochs must be >= 1");
    if (!(recipe.learningRate > 0.0))
        throw std::invalid_argument("pre-training learning rate must be > 0");
    const ModelSpec spec = pretrainSpec(recipe, source);
    const DataSplit split = makeSplit(source, recipe.valFraction, recipe.seed);
    Model<float> model(spec);
    const int batch = std::min<int>(recipe.batchSize, static_cast<int>(split.train.size()));
    model.reserve(batch);
    const int p = model.parameterCount();
    Eigen::VectorXf params(p);
    Eigen::VectorXf grad(p);
    model.initialize(recipe.seed, params.data());

    // Standardize every row once; a batch is then a row copy.
    std::vector<int> all(static_cast<std::size_t>(source.rows));
    for (int r = 0; r < source.rows; ++r)
        all[static_cast<std::size_t>(r)] = r;
    const auto f = static_cast<std::size_t>(source.features);
    std::vector<float> allX(all.size() * f);
    gatherStandardized(source, split.standardization, all.data(), source.rows, allX.data());

    OptimizerSpec optimizerSpec;
    optimizerSpec.type = "adam";
    auto optimizer = makeOptimizer<float>(optimizerSpec);
    optimizer->reset(p);
    BatchSampler sampler(split.train, recipe.batchSize, recipe.seed);
    const int steps = recipe.epochs * sampler.batchesPerEpoch();
    Eigen::VectorXf X(static_cast<Eigen::Index>(recipe.batchSize) * source.features);
    std::vector<int> labels(static_cast<std::size_t>(recipe.batchSize));
    for (int k = 0; k < steps; ++k) {
        const Batch b = sampler.next();
        for (int i = 0; i < b.count; ++i) {
            std::copy_n(allX.data() + static_cast<std::size_t>(b.rows[i]) * f, f,
                        X.data() + static_cast<std::size_t>(i) * f);
            labels[static_cast<std::size_t>(i)] =
                source.labels[static_cast<std::size_t>(b.rows[i])];
        }
        model.lossAndGradient(params.data(), X.data(), b.count, labels.data(), nullptr,
                              grad.data());
        optimizer->step(params, grad, recipe.learningRate);
    }
    return std::vector<float>(params.data(), params.data() + p);
}

PretrainedModel loadOrPretrain(const PretrainRecipe& recipe, const Dataset& source,
                               const std::string& cacheDirectory)
{
    PretrainedModel out;
    out.spec = pretrainSpec(recipe, source);
    out.key = pretrainKey(recipe, source);
    const int count = Model<float>(out.spec).parameterCount();
    const std::string dir = cacheDirectory.empty() ? defaultCacheDirectory() : cacheDirectory;
    out.cacheFile = dir + "/pretrain-" + hex16(out.key) + ".bin";
    std::string why;
    if (readCacheFile(out.cacheFile, out.key, count, out.parameters, &why)) {
        out.loadedFromCache = true;
        return out;
    }
    if (!why.empty()) {
        out.rejectedCache = true;
        out.cacheProblem = why;
    }
    out.parameters = trainPretrained(recipe, source);
    const std::string writeProblem = writeCacheFile(out.cacheFile, out.key, out.parameters);
    out.cacheWritten = writeProblem.empty();
    if (!writeProblem.empty())
        out.cacheProblem += (out.cacheProblem.empty() ? "" : "; ") + writeProblem;
    return out;
}

} // namespace lrlab
