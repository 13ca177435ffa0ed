#include "core/datasets/idx_loader.h"

#include "core/util/input_file.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <system_error>

namespace lrlab {

namespace {

constexpr std::uint32_t kImagesMagic = 0x00000803; // unsigned byte, 3 dimensions
constexpr std::uint32_t kLabelsMagic = 0x00000801; // unsigned byte, 1 dimension
constexpr int kFashionMnistClasses = 10;
// gzread takes an unsigned int length; reading in slices also keeps zlib's work per call small.
constexpr std::size_t kReadSlice = std::size_t(1) << 24;
// deflate never compresses better than 1032:1 (RFC 1951 blocks; zlib's technical notes).
constexpr std::uint64_t kMaxDeflateRatio = 1032;
constexpr std::uint64_t kImagesHeaderBytes = 16;
constexpr std::uint64_t kLabelsHeaderBytes = 8;

std::string hex32(std::uint32_t value)
{
    static const char* digits = "0123456789abcdef";
    std::string text = "0x00000000";
    for (int i = 0; i < 8; ++i)
        text[static_cast<std::size_t>(9 - i)] = digits[(value >> (4 * i)) & 0xF];
    return text;
}

/// A gzip stream opened for reading that closes itself. zlib reads plain files transparently,
/// so an uncompressed IDX file works too. Every failure throws DatasetError naming the file.
class GzReader
{
public:
    explicit GzReader(const std::string& path) : m_path(path)
    {
        try {
            RegularFile file(path, kMaxDatasetFileBytes, "a dataset file");
            m_fileBytes = file.size();
            unsigned char magic[2] = {0, 0};
            const int fd = file.releaseDescriptor();
            m_compressed = ::pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            m_file = gzdopen(fd, "rb");
            if (m_file == nullptr) {
                ::close(fd);
                throw DatasetError(path, 0, "cannot open the file");
            }
        } catch (const InputFileError& e) {
            throw DatasetError(path, 0, e.reason());
        }
    }
    ~GzReader()
    {
        if (m_file != nullptr)
            gzclose_r(m_file);
    }
    GzReader(const GzReader&) = delete;
    GzReader& operator=(const GzReader&) = delete;

    /// Reads exactly size bytes into out; what names them in the error ("header").
    void readExact(void* out, std::size_t size, const char* what)
    {
        auto* dst = static_cast<unsigned char*>(out);
        std::size_t done = 0;
        while (done < size) {
            const auto want = static_cast<unsigned>(std::min(kReadSlice, size - done));
            const int got = gzread(m_file, dst + done, want);
            if (got < 0)
                fail(what, size, done);
            done += static_cast<std::size_t>(got);
            if (static_cast<unsigned>(got) < want)
                fail(what, size, done);
        }
    }

    std::uint32_t readBigEndian32(const char* what)
    {
        unsigned char word[4];
        readExact(word, sizeof word, what);
        return (std::uint32_t(word[0]) << 24) | (std::uint32_t(word[1]) << 16) |
               (std::uint32_t(word[2]) << 8) | std::uint32_t(word[3]);
    }

    /// After the last item: reading on makes zlib check the gzip trailer (CRC and length), and
    /// any further bytes mean the header's counts do not describe the file.
    void expectEnd()
    {
        unsigned char extra = 0;
        const int got = gzread(m_file, &extra, 1);
        int errnum = Z_OK;
        const char* message = gzerror(m_file, &errnum);
        if (got < 0 || (errnum != Z_OK && errnum != Z_STREAM_END))
            throw DatasetError(m_path, 0,
                               std::string("corrupt gzip stream after the data (") +
                                   (message != nullptr ? message : "unknown error") + ")");
        if (got > 0)
            throw DatasetError(m_path, 0,
                               "more data than the header's counts describe (wrong count?)");
    }

    const std::string& path() const { return m_path; }

    /// Refuses a header whose counts need more bytes than the file can hold, before anything
    /// is allocated: a plain file must hold them exactly, a gzip file at most kMaxDeflateRatio
    /// times its size (deflate's limit).
    void checkPayload(std::uint64_t headerBytes, std::uint64_t payloadBytes,
                      const std::string& claim) const
    {
        const std::uint64_t needed = headerBytes + payloadBytes;
        const std::uint64_t most = m_compressed ? m_fileBytes * kMaxDeflateRatio : m_fileBytes;
        if (needed > most)
            throw DatasetError(
                m_path, 0,
                "the header claims " + claim + " (" + formatBytes(needed) + ") but the file is " +
                    formatBytes(m_fileBytes) +
                    (m_compressed ? " of gzip, which holds at most " + formatBytes(most) : "") +
                    " (corrupt header?)");
    }

private:
    [[noreturn]] void fail(const char* what, std::size_t size, std::size_t done)
    {
        int errnum = Z_OK;
        const char* message = gzerror(m_file, &errnum);
        std::string detail;
        if (errnum != Z_OK && message != nullptr && *message != '\0') {
            // zlib prefixes its message with the path, which ours already names.
            std::string text = message;
            const std::string prefix = m_path + ": ";
            if (text.compare(0, prefix.size(), prefix) == 0)
                text.erase(0, prefix.size());
            detail = " (gzip: " + text + ")";
        }
        throw DatasetError(m_path, 0,
                           "truncated or corrupt file: expected " + std::to_string(size) +
                               " bytes of " + what + ", read " + std::to_string(done) + detail);
    }

    std::string m_path;
    gzFile m_file = nullptr;
    std::uint64_t m_fileBytes = 0;
    bool m_compressed = false;
};

struct ImagesHeader
{
    int count = 0;
    int rows = 0;
    int cols = 0;
};

/// Reads the magic number of an IDX file of `kind` ("image", "label") and checks it.
void readMagic(GzReader& reader, std::uint32_t expected, const char* kind)
{
    const std::uint32_t magic = reader.readBigEndian32("header");
    if (magic != expected)
        throw DatasetError(reader.path(), 0,
                           "wrong magic number " + hex32(magic) + ": an IDX " + kind +
                               " file starts with " + hex32(expected));
}

ImagesHeader readImagesHeader(GzReader& reader)
{
    readMagic(reader, kImagesMagic, "image");
    const std::uint32_t count = reader.readBigEndian32("header");
    const std::uint32_t rows = reader.readBigEndian32("header");
    const std::uint32_t cols = reader.readBigEndian32("header");
    // Bounds that keep every index in an int (Dataset uses int rows and features).
    if (count > static_cast<std::uint32_t>(INT_MAX) || rows == 0 || cols == 0 || rows > 65535 ||
        cols > 65535 || std::uint64_t(rows) * cols > static_cast<std::uint64_t>(INT_MAX))
        throw DatasetError(reader.path(), 0,
                           "implausible image dimensions " + std::to_string(count) + " x " +
                               std::to_string(rows) + " x " + std::to_string(cols));
    reader.checkPayload(kImagesHeaderBytes, std::uint64_t(count) * rows * cols,
                        std::to_string(count) + " images of " + std::to_string(rows) + "x" +
                            std::to_string(cols));
    return {static_cast<int>(count), static_cast<int>(rows), static_cast<int>(cols)};
}

int readLabelsHeader(GzReader& reader)
{
    readMagic(reader, kLabelsMagic, "label");
    const std::uint32_t count = reader.readBigEndian32("header");
    if (count > static_cast<std::uint32_t>(INT_MAX))
        throw DatasetError(reader.path(), 0, "implausible label count " + std::to_string(count));
    reader.checkPayload(kLabelsHeaderBytes, count, std::to_string(count) + " labels");
    return static_cast<int>(count);
}

std::size_t imageBytes(const ImagesHeader& header)
{
    return static_cast<std::size_t>(header.count) * static_cast<std::size_t>(header.rows) *
           static_cast<std::size_t>(header.cols);
}

/// Appends the labels of one part to dataset.labels after checking count and range.
void appendLabels(Dataset& dataset, const std::string& path, int expectedCount,
                  const std::string& imagesPath)
{
    const std::vector<std::uint8_t> labels = readIdxLabels(path);
    if (static_cast<int>(labels.size()) != expectedCount)
        throw DatasetError(path, 0,
                           std::to_string(labels.size()) + " labels but " +
                               std::to_string(expectedCount) + " images in " + imagesPath);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] >= kFashionMnistClasses)
            throw DatasetError(path, 0,
                               "label " + std::to_string(labels[i]) + " at index " +
                                   std::to_string(i) + " (Fashion-MNIST classes are 0..9)");
        dataset.labels.push_back(labels[i]);
    }
}

} // namespace

IdxImages readIdxImages(const std::string& path)
{
    GzReader reader(path);
    const ImagesHeader header = readImagesHeader(reader);
    IdxImages images;
    images.count = header.count;
    images.rows = header.rows;
    images.cols = header.cols;
    images.pixels.resize(imageBytes(header));
    reader.readExact(images.pixels.data(), images.pixels.size(), "pixels");
    reader.expectEnd();
    return images;
}

std::vector<std::uint8_t> readIdxLabels(const std::string& path)
{
    GzReader reader(path);
    const int count = readLabelsHeader(reader);
    std::vector<std::uint8_t> labels(static_cast<std::size_t>(count));
    reader.readExact(labels.data(), labels.size(), "labels");
    reader.expectEnd();
    return labels;
}

Dataset loadFashionMnist(const std::string& directory)
{
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error))
        throw DatasetError(directory, 0,
                           "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist "
                           "(looked in " +
                               directory + ")");
    const std::string trainImages = directory + "/train-images-idx3-ubyte.gz";
    const std::string trainLabels = directory + "/train-labels-idx1-ubyte.gz";
    const std::string testImages = directory + "/t10k-images-idx3-ubyte.gz";
    const std::string testLabels = directory + "/t10k-labels-idx1-ubyte.gz";

    // Both headers first, so the 55 MB of pixels go straight into their final buffer once.
    GzReader trainReader(trainImages);
    const ImagesHeader train = readImagesHeader(trainReader);
    GzReader testReader(testImages);
    const ImagesHeader test = readImagesHeader(testReader);
    if (test.rows != train.rows || test.cols != train.cols)
        throw DatasetError(testImages, 0,
                           "images are " + std::to_string(test.rows) + "x" +
                               std::to_string(test.cols) + " but " + std::to_string(train.rows) +
                               "x" + std::to_string(train.cols) + " in " + trainImages);
    if (train.count == 0)
        throw DatasetError(trainImages, 0, "no training images");
    if (std::int64_t(train.count) + test.count > INT_MAX)
        throw DatasetError(testImages, 0, "too many images in total");

    Dataset dataset;
    dataset.name = "fashion_mnist";
    dataset.sourcePath = directory;
    dataset.task = TaskKind::Classification;
    dataset.numClasses = kFashionMnistClasses;
    dataset.rows = train.count + test.count;
    dataset.features = train.rows * train.cols;
    dataset.fixedValidationStart = train.count;
    dataset.featureNames.reserve(static_cast<std::size_t>(dataset.features));
    for (int i = 0; i < dataset.features; ++i)
        dataset.featureNames.push_back("pixel_" + std::to_string(i));

    dataset.bytes.resize(imageBytes(train) + imageBytes(test));
    trainReader.readExact(dataset.bytes.data(), imageBytes(train), "pixels");
    trainReader.expectEnd();
    testReader.readExact(dataset.bytes.data() + imageBytes(train), imageBytes(test), "pixels");
    testReader.expectEnd();

    dataset.labels.reserve(static_cast<std::size_t>(dataset.rows));
    appendLabels(dataset, trainLabels, train.count, trainImages);
    appendLabels(dataset, testLabels, test.count, testImages);
    return dataset;
}

} // namespace lrlab
