#include "core/logs/crc32c.h"

#include <array>

namespace lrlab {

namespace {

/// Slicing-by-8 tables: table[0] is the byte-wise table, table[k][b] the CRC of byte b followed
/// by k zero bytes.
using Crc32cTables = std::array<std::array<std::uint32_t, 256>, 8>;

Crc32cTables makeTables()
{
    Crc32cTables tables{};
    for (std::uint32_t b = 0; b < 256; ++b) {
        std::uint32_t crc = b;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1u) ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
        tables[0][b] = crc;
    }
    for (std::size_t k = 1; k < 8; ++k)
        for (std::size_t b = 0; b < 256; ++b)
            tables[k][b] = (tables[k - 1][b] >> 8) ^ tables[0][tables[k - 1][b] & 0xFFu];
    return tables;
}

const Crc32cTables& tables()
{
    static const Crc32cTables t = makeTables();
    return t;
}

} // namespace

std::uint32_t crc32c(const void* data, std::size_t size, std::uint32_t crc)
{
    const Crc32cTables& t = tables();
    const auto* p = static_cast<const unsigned char*>(data);
    crc = ~crc;
    while (size >= 8) {
        // Little-endian byte order, whatever the host: the bytes are combined one by one.
        const std::uint32_t low = crc ^ (std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 |
                                         std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24);
        crc = t[7][low & 0xFFu] ^ t[6][(low >> 8) & 0xFFu] ^ t[5][(low >> 16) & 0xFFu] ^
              t[4][low >> 24] ^ t[3][p[4]] ^ t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
        p += 8;
        size -= 8;
    }
    while (size-- > 0)
        crc = (crc >> 8) ^ t[0][(crc ^ *p++) & 0xFFu];
    return ~crc;
}

std::uint32_t maskCrc32c(std::uint32_t crc)
{
    return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

std::uint32_t maskedCrc32c(const void* data, std::size_t size)
{
    return maskCrc32c(crc32c(data, size));
}

} // namespace lrlab
