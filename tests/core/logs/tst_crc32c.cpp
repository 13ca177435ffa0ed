// CRC-32C: the published test vectors (RFC 3720 B.4, the "123456789" check value), the
// slicing-by-8 loop against the bit-by-bit definition, continuation, and TFRecord's mask on a
// real event file's first header.
#include "core/logs/crc32c.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <cstdint>
#include <cstring>

namespace {

/// The definition, one bit at a time.
std::uint32_t bitwiseCrc32c(const QByteArray& bytes)
{
    std::uint32_t crc = 0xFFFFFFFFu;
    for (char c : bytes) {
        crc ^= static_cast<unsigned char>(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1u) ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
    }
    return ~crc;
}

} // namespace

class TestCrc32c : public QObject
{
    Q_OBJECT

private slots:
    void vectors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<quint32>("crc");
        QByteArray ascending(32, '\0');
        QByteArray descending(32, '\0');
        for (int i = 0; i < 32; ++i) {
            ascending[i] = static_cast<char>(i);
            descending[i] = static_cast<char>(31 - i);
        }
        QTest::newRow("empty") << QByteArray() << quint32(0);
        QTest::newRow("123456789") << QByteArray("123456789") << quint32(0xE3069283u);
        QTest::newRow("32 zeros") << QByteArray(32, '\0') << quint32(0x8A9136AAu);
        QTest::newRow("32 x 0xFF") << QByteArray(32, '\xFF') << quint32(0x62A8AB43u);
        QTest::newRow("0..31") << ascending << quint32(0x46DD794Eu);
        QTest::newRow("31..0") << descending << quint32(0x113FDB5Cu);
    }

    void vectors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(quint32, crc);
        QCOMPARE(lrlab::crc32c(bytes.constData(), static_cast<std::size_t>(bytes.size())), crc);
    }

    void slicingMatchesTheDefinitionAtEveryLengthAndAlignment()
    {
        QRandomGenerator random(12345);
        QByteArray bytes(300, '\0');
        for (char& c : bytes)
            c = static_cast<char>(random.bounded(256));
        for (int start = 0; start < 8; ++start)
            for (int length = 0; length < 70; ++length) {
                const QByteArray part = bytes.mid(start, length);
                QCOMPARE(lrlab::crc32c(part.constData(), static_cast<std::size_t>(length)),
                         bitwiseCrc32c(part));
            }
    }

    void continuesAcrossPieces()
    {
        const QByteArray text = "The quick brown fox jumps over the lazy dog";
        const std::uint32_t first = lrlab::crc32c(text.constData(), 10);
        QCOMPARE(
            lrlab::crc32c(text.constData() + 10, static_cast<std::size_t>(text.size() - 10), first),
            lrlab::crc32c(text.constData(), static_cast<std::size_t>(text.size())));
    }

    void maskIsTensorFlows()
    {
        // ((crc >> 15) | (crc << 17)) + 0xa282ead8, by hand for crc = 0xE3069283.
        QCOMPARE(lrlab::maskCrc32c(0xE3069283u),
                 quint32(((0xE3069283u >> 15) | (0xE3069283u << 17)) + 0xa282ead8u));
        QCOMPARE(lrlab::maskCrc32c(0), quint32(0xa282ead8u));
        // A real event file: its first header's stored CRC is the masked CRC of its length.
        QFile file(QStringLiteral(LRLAB_SOURCE_DIR) +
                   "/tests/data/logs/tb_digits_mlp_warmup_cosine/"
                   "events.out.tfevents.1796409267.vm.432.2");
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray header = file.read(12);
        std::uint32_t stored = 0;
        std::memcpy(&stored, header.constData() + 8, 4);
        QCOMPARE(lrlab::maskedCrc32c(header.constData(), 8), stored);
    }
};

QTEST_APPLESS_MAIN(TestCrc32c)
#include "tst_crc32c.moc"
