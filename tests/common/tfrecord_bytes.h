#pragma once

// TensorBoard event files written byte by byte for the log reader tests: protobuf wire format
// (varints, length-delimited fields) and TFRecord framing, independent of the reader under test.

#include "core/logs/crc32c.h"

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <cstring>

namespace lrlab::test {

inline QByteArray varint(std::uint64_t v)
{
    QByteArray out;
    while (v >= 0x80) {
        out.append(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.append(static_cast<char>(v));
    return out;
}

/// A length-delimited field (wire type 2).
inline QByteArray field(int number, const QByteArray& bytes)
{
    return varint(static_cast<std::uint64_t>(number) << 3 | 2) + varint(bytes.size()) + bytes;
}

template <typename T> QByteArray littleEndian(T value)
{
    QByteArray out(sizeof value, '\0');
    std::memcpy(out.data(), &value, sizeof value); // the tests run on little-endian hosts
    return out;
}

/// Summary.Value {tag, simple_value}.
inline QByteArray simpleValue(const QByteArray& tag, float value)
{
    return field(1, tag) + QByteArray(1, 0x15) + littleEndian(value);
}

/// Summary.Value {tag, tensor}: a TensorProto of dtype with `payload` (its value fields).
inline QByteArray tensorValue(const QByteArray& tag, int dtype, const QByteArray& payload)
{
    return field(1, tag) + field(8, QByteArray(1, 0x08) + varint(dtype) + payload);
}

/// An Event {wall_time, step, summary {values}}.
inline QByteArray eventBytes(std::int64_t step, const QList<QByteArray>& values)
{
    QByteArray summary;
    for (const QByteArray& v : values)
        summary += field(1, v);
    return QByteArray(1, 0x09) + littleEndian(1.0e9) + QByteArray(1, 0x10) +
           varint(static_cast<std::uint64_t>(step)) + field(5, summary);
}

/// One TFRecord: length, masked CRC-32C of the length, data, masked CRC-32C of the data.
inline QByteArray tfRecord(const QByteArray& data)
{
    const QByteArray length = littleEndian(static_cast<std::uint64_t>(data.size()));
    return length + littleEndian(maskedCrc32c(length.constData(), 8)) + data +
           littleEndian(maskedCrc32c(data.constData(), static_cast<std::size_t>(data.size())));
}

/// The byte offsets where the records of a TFRecord file start (from the lengths alone).
inline QList<qsizetype> recordOffsets(const QByteArray& file)
{
    QList<qsizetype> offsets;
    qsizetype at = 0;
    while (at + 12 <= file.size()) {
        std::uint64_t length = 0;
        std::memcpy(&length, file.constData() + at, 8);
        offsets.append(at);
        at += 12 + static_cast<qsizetype>(length) + 4;
    }
    return offsets;
}

} // namespace lrlab::test
