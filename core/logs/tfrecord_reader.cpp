#include "core/logs/tfrecord_reader.h"

#include "core/logs/crc32c.h"
#include "tensorboard_event.pb.h"

#include <algorithm>
#include <cstring>

namespace lrlab {

namespace {

constexpr std::size_t kHeaderBytes = 12; // uint64 length + masked CRC of the length
constexpr std::size_t kFooterBytes = 4;  // masked CRC of the data
constexpr std::size_t kChunkBytes = std::size_t(16) << 20;
/// Larger records are taken for a damaged length (an Event with a scalar is ~50 bytes).
constexpr std::uint64_t kMaxRecordBytes = std::uint64_t(1) << 30;

std::uint64_t readLittle64(const char* p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

std::uint32_t readLittle32(const char* p)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

/// Whether p holds a record header whose length CRC matches and whose length is plausible.
bool validHeader(const char* p)
{
    return maskedCrc32c(p, 8) == readLittle32(p + 8) && readLittle64(p) <= kMaxRecordBytes;
}

const char* valueKind(const tensorboard::Summary::Value& value)
{
    if (value.has_image())
        return "an image";
    if (value.has_audio())
        return "audio";
    if (value.has_histo() || value.has_obsolete_old_style_histogram())
        return "a histogram";
    return "empty";
}

/// TensorFlow's name of a DataType (types.proto) for messages.
std::string dataTypeName(int dtype)
{
    switch (dtype) {
    case 3:
        return "DT_INT32";
    case 7:
        return "DT_STRING (text)";
    case 9:
        return "DT_INT64";
    case 10:
        return "DT_BOOL";
    case 19:
        return "DT_HALF";
    default:
        return "type " + std::to_string(dtype);
    }
}

/// The value of a one-element float or double tensor, or an explanation in why.
bool tensorScalar(const tensorboard::TensorProto& tensor, double& value, std::string& why)
{
    long long elements = 1;
    for (const auto& dim : tensor.tensor_shape().dim())
        elements *= dim.size();
    const int dtype = static_cast<int>(tensor.dtype());
    if (dtype != tensorboard::DT_FLOAT && dtype != tensorboard::DT_DOUBLE) {
        why = "a " + dataTypeName(dtype) + " tensor (not DT_FLOAT or DT_DOUBLE)";
        return false;
    }
    if (elements != 1) {
        why = "a tensor of " + std::to_string(elements) + " values";
        return false;
    }
    const std::string& content = tensor.tensor_content();
    if (dtype == tensorboard::DT_FLOAT) {
        float f = 0.0f;
        if (tensor.float_val_size() > 0)
            f = tensor.float_val(0);
        else if (content.size() == sizeof f)
            std::memcpy(&f, content.data(), sizeof f); // little-endian, like the writer's host
        else {
            why = "a float tensor without its value";
            return false;
        }
        value = static_cast<double>(f);
        return true;
    }
    if (tensor.double_val_size() > 0)
        value = tensor.double_val(0);
    else if (content.size() == sizeof value)
        std::memcpy(&value, content.data(), sizeof value);
    else {
        why = "a double tensor without its value";
        return false;
    }
    return true;
}

} // namespace

/// One Event message reused for every record (protobuf keeps its allocations).
struct TfEventFileReader::Parser
{
    tensorboard::Event event;
};

TfEventFileReader::TfEventFileReader(std::string path)
    : LogFileReader(std::move(path)), m_parser(std::make_unique<Parser>())
{
}

TfEventFileReader::~TfEventFileReader() = default;

void TfEventFileReader::restart()
{
    LogFileReader::restart();
    m_recordIndex = 0;
    m_bytesNeeded = 0;
    m_searchingHeader = false;
    m_notScalarTags.clear();
}

std::string TfEventFileReader::recordLocation(std::uint64_t at) const
{
    return "record " + std::to_string(m_recordIndex + 1) + " at byte " + std::to_string(at);
}

void TfEventFileReader::readFrom(const OpenLogFile& file, LogRun& run, bool complete)
{
    while (offset() < file.size()) {
        const std::uint64_t left = file.size() - offset();
        const std::size_t want = std::max(kChunkBytes, m_bytesNeeded);
        const std::string chunk =
            file.read(offset(), static_cast<std::size_t>(std::min<std::uint64_t>(want, left)));
        const std::size_t used = readRecords(chunk, run);
        setOffset(offset() + used);
        if (used == 0 && chunk.size() >= left)
            break; // the file ends inside a record (or a header); otherwise read a larger chunk
    }
    if (complete && offset() < file.size()) {
        const std::uint64_t left = file.size() - offset();
        addProblem(run, recordLocation(offset()),
                   m_searchingHeader
                       ? "no valid record header in the last " + std::to_string(left) + " bytes"
                       : "the file ends inside the record (" + std::to_string(left) + " of " +
                             std::to_string(std::max<std::size_t>(m_bytesNeeded, kHeaderBytes)) +
                             " bytes): the file is truncated, the records before it are kept");
    }
}

std::size_t TfEventFileReader::readRecords(const std::string& chunk, LogRun& run)
{
    std::size_t pos = 0;
    const char* bytes = chunk.data();
    while (chunk.size() - pos >= kHeaderBytes) {
        const std::uint64_t at = offset() + pos;
        if (!validHeader(bytes + pos)) {
            if (!m_searchingHeader) {
                addProblem(run, recordLocation(at),
                           "the record length's CRC does not match: skipped up to the next "
                           "valid record");
                ++run.skippedRecords;
                ++m_recordIndex;
                m_searchingHeader = true;
            }
            ++pos;
            continue;
        }
        m_searchingHeader = false;
        const std::uint64_t length = readLittle64(bytes + pos);
        const std::uint64_t total = kHeaderBytes + length + kFooterBytes;
        if (chunk.size() - pos < total) {
            m_bytesNeeded = static_cast<std::size_t>(total);
            return pos;
        }
        const char* data = bytes + pos + kHeaderBytes;
        const std::size_t size = static_cast<std::size_t>(length);
        if (maskedCrc32c(data, size) != readLittle32(data + size)) {
            addProblem(run, recordLocation(at), "the data's CRC does not match: record skipped");
            ++run.skippedRecords;
        } else {
            readEvent(data, size, at, run);
        }
        ++m_recordIndex;
        pos += static_cast<std::size_t>(total);
    }
    m_bytesNeeded = kHeaderBytes;
    // While searching for a header, the last 11 bytes may start one: keep them for later.
    return pos;
}

void TfEventFileReader::readEvent(const char* data, std::size_t size, std::uint64_t at, LogRun& run)
{
    tensorboard::Event& event = m_parser->event;
    if (!event.ParseFromArray(data, static_cast<int>(size))) {
        addProblem(run, recordLocation(at), "not a TensorBoard Event protobuf: record skipped");
        ++run.skippedRecords;
        return;
    }
    if (!event.has_summary())
        return;
    for (const tensorboard::Summary::Value& value : event.summary().value()) {
        double v = 0.0;
        std::string why;
        bool scalar = false;
        if (value.has_simple_value()) {
            v = static_cast<double>(value.simple_value());
            scalar = true;
        } else if (value.has_tensor()) {
            scalar = tensorScalar(value.tensor(), v, why);
        } else {
            why = valueKind(value);
        }
        if (scalar) {
            run.series[value.tag()].push_back({event.step(), v});
        } else if (m_notScalarTags.insert(value.tag()).second) {
            addProblem(run, recordLocation(at),
                       "tag '" + value.tag() + "' is " + why + ", not a scalar: left out");
        }
    }
}

} // namespace lrlab
