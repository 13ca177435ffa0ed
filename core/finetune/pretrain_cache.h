#pragma once

#include "core/datasets/dataset.h"
#include "core/models/model_spec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lrlab {

/// The fixed pre-training recipe of the fine-tuning lab: an MLP trained on the source dataset
/// (digits) with Adam at a constant LR, minibatches and split as every lrlab run (docs/semantics.md
/// §2.2: split Rng(seed, kStreamSplit), init Rng(seed, kStreamInit), batches
/// Rng(seed, kStreamBatches)), standardized with the training rows' statistics. Deterministic
/// from the seed: the same recipe and data give bitwise the same weights.
struct PretrainRecipe
{
    std::vector<int> hidden{128};             ///< hidden widths (default 64-128-10)
    Activation activation = Activation::Relu; ///< hidden nonlinearity
    double learningRate = 1e-3;               ///< Adam (PyTorch defaults otherwise), constant
    int batchSize = 32;                       ///< >= 1
    int epochs = 20;                          ///< >= 1; steps = epochs · ceil(nTrain / batch)
    double valFraction = 0.2;                 ///< the source validation split, [0, 1)
    std::uint64_t seed = 1;
};

/// The pre-trained weights and where they came from.
struct PretrainedModel
{
    ModelSpec spec;
    std::vector<float> parameters; ///< the model's flat vector (PyTorch nn.Linear layout)
    std::uint64_t key = 0;         ///< pretrainKey() of the recipe and data
    std::string cacheFile;         ///< the file read or written ("" when caching is off)
    bool loadedFromCache = false;  ///< true: read from cacheFile, no training done
    /// A cache file existed but was rejected (bad magic, version, key, length or checksum) and
    /// was rebuilt; cacheProblem says why.
    bool rejectedCache = false;
    bool cacheWritten = false; ///< the trained weights were stored in cacheFile
    std::string cacheProblem;  ///< why a file was rejected or could not be written
};

/// The cache directory: $LRLAB_CACHE_DIR when set and non-empty, else $XDG_CACHE_HOME/lrlab,
/// else $HOME/.cache/lrlab (a relative path is ignored as the XDG spec says).
std::string defaultCacheDirectory();

/// FNV-1a (64-bit) of every setting that changes the weights: a format tag, the hidden widths,
/// activation, learning rate (17 digits), batch size, epochs, validation fraction, seed, and
/// the dataset's shape (rows, features, classes) and content checksum (datasetChecksum()).
std::uint64_t pretrainKey(const PretrainRecipe& recipe, const Dataset& source);

/// FNV-1a (64-bit) over the dataset's rows, features, classes, labels, targets and feature
/// values (the stored doubles' bytes, or the bytes of byte images), in row order.
std::uint64_t datasetChecksum(const Dataset& dataset);

/// Trains the recipe on source without any cache (what a cache miss runs).
/// Throws std::invalid_argument for a bad recipe or a regression dataset.
std::vector<float> trainPretrained(const PretrainRecipe& recipe, const Dataset& source);

/// The pre-trained model of recipe on source, from the cache when a valid file exists, else
/// trained and stored. cacheDirectory "" means defaultCacheDirectory(); the file is
/// <dir>/pretrain-<key as 16 hex digits>.bin.
///
/// File format (native byte order, little-endian on every platform lrlab builds on): the 8-byte
/// magic "LRLABPT\0", uint32 format version (1), uint32 parameter count, uint64 key, uint32
/// CRC-32 (zlib) of the payload, uint32 0; then the payload, parameter count float32 values.
/// A file is used only when magic, version, key, count, exact size and CRC all match; anything
/// else (corrupt, truncated, from another recipe) is rebuilt and overwritten, never used.
/// Writes are atomic: a temporary file in the same directory, then rename(). A cache that
/// cannot be written is not an error (the weights are returned, cacheProblem says why).
/// Thread-safe for distinct processes and threads (each writer has its own temporary file).
PretrainedModel loadOrPretrain(const PretrainRecipe& recipe, const Dataset& source,
                               const std::string& cacheDirectory = {});

/// The model spec the recipe builds for source (mlp, cross-entropy).
ModelSpec pretrainSpec(const PretrainRecipe& recipe, const Dataset& source);

} // namespace lrlab
