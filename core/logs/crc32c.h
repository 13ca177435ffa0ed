#pragma once

#include <cstddef>
#include <cstdint>

namespace lrlab {

/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) of size bytes at data, continuing from
/// crc (0 for a new checksum). crc32c("123456789") == 0xE3069283.
std::uint32_t crc32c(const void* data, std::size_t size, std::uint32_t crc = 0);

/// The masked CRC that TFRecord files store: ((crc >> 15) | (crc << 17)) + 0xa282ead8.
std::uint32_t maskCrc32c(std::uint32_t crc);

/// maskCrc32c(crc32c(data, size)).
std::uint32_t maskedCrc32c(const void* data, std::size_t size);

} // namespace lrlab
