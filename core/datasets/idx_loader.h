#pragma once

#include "core/datasets/dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lrlab {

/// Where the Debian package dataset-fashion-mnist installs the four gzip-compressed IDX files.
inline constexpr const char* kFashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

/// The images of one IDX3 file: count images of rows×cols unsigned bytes, row-major.
struct IdxImages
{
    int count = 0;
    int rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> pixels; ///< count·rows·cols bytes
};

/// Reads a gzip-compressed (or plain) IDX image file: big-endian int32 magic 0x00000803, count,
/// rows, cols, then the bytes. Throws DatasetError naming the file for a missing file, a wrong
/// magic, implausible dimensions, or a truncated / corrupt stream.
IdxImages readIdxImages(const std::string& path);

/// Reads a gzip-compressed (or plain) IDX label file: magic 0x00000801, count, then one byte a
/// label. Throws DatasetError as readIdxImages.
std::vector<std::uint8_t> readIdxLabels(const std::string& path);

/// Loads Fashion-MNIST from directory: train-{images-idx3,labels-idx1}-ubyte.gz, then
/// t10k-{images-idx3,labels-idx1}-ubyte.gz. The result holds the 60000 training rows followed
/// by the 10000 test rows as bytes (55 MB; the pixels are read straight into the final buffer),
/// 784 features pixel_0..pixel_783, 10 classes, and fixedValidationStart = the training count,
/// so makeSplit() uses the dataset's own split.
///
/// Throws DatasetError naming the file for: a missing directory ("Fashion-MNIST is not
/// installed: apt-get install dataset-fashion-mnist (looked in ...)"), a missing file, a wrong
/// magic, a truncated gzip stream, image and label counts that disagree, differing image sizes
/// between the two parts, or a label above 9.
Dataset loadFashionMnist(const std::string& directory = kFashionMnistDirectory);

} // namespace lrlab
