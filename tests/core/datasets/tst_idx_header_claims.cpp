// IDX files whose header claims more data than the file holds (found by tests/fuzz/fuzz_idx):
// the reader must answer with a DatasetError naming the file, without first reserving what the
// header claims (terabytes, or 2 GB for 2^31-1 labels).
#include "core/datasets/idx_loader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <unistd.h>

#include <zlib.h>

#include <climits>
#include <fstream>

namespace {

QByteArray bigEndian32(quint32 value)
{
    const char bytes[4] = {char((value >> 24) & 0xFF), char((value >> 16) & 0xFF),
                           char((value >> 8) & 0xFF), char(value & 0xFF)};
    return QByteArray(bytes, 4);
}

QByteArray gzipped(const QByteArray& content)
{
    uLongf size = compressBound(uLong(content.size())) + 32;
    QByteArray out(int(size), '\0');
    z_stream stream{};
    // windowBits 15 + 16: a gzip wrapper, as the Fashion-MNIST files have.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        return {};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.constData()));
    stream.avail_in = uInt(content.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(size);
    const int result = deflate(&stream, Z_FINISH);
    out.resize(int(stream.total_out));
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true; // sanitizers reserve terabytes of shadow address space
#else
constexpr bool kSanitized = false;
#endif

/// Caps the process's address space at its current size plus headroom while in scope, so that
/// an allocation of what a forged header claims fails instead of succeeding lazily.
class AddressSpaceCap
{
public:
    explicit AddressSpaceCap(long long headroomBytes)
    {
        if (kSanitized || getrlimit(RLIMIT_AS, &m_old) != 0)
            return;
        std::ifstream statm("/proc/self/statm");
        long long pages = 0;
        statm >> pages;
        rlimit capped = m_old;
        capped.rlim_cur = rlim_t(pages * sysconf(_SC_PAGESIZE) + headroomBytes);
        m_active = setrlimit(RLIMIT_AS, &capped) == 0;
    }
    ~AddressSpaceCap()
    {
        if (m_active)
            setrlimit(RLIMIT_AS, &m_old);
    }
    AddressSpaceCap(const AddressSpaceCap&) = delete;
    AddressSpaceCap& operator=(const AddressSpaceCap&) = delete;

private:
    rlimit m_old{};
    bool m_active = false;
};

} // namespace

class TestIdxHeaderClaims : public QObject
{
    Q_OBJECT

private slots:
    void headerClaimsMoreThanTheFile_data();
    void headerClaimsMoreThanTheFile();
};

void TestIdxHeaderClaims::headerClaimsMoreThanTheFile_data()
{
    QTest::addColumn<QByteArray>("content"); // the file's bytes, uncompressed
    QTest::addColumn<bool>("compress");      // stored as gzip
    QTest::addColumn<bool>("images");        // read with readIdxImages, else readIdxLabels

    // The fuzzer's find: 525056 images of 2051 x 33537 (36 TB) in a 21-byte file.
    const QByteArray fuzzFound("\x00\x00\x08\x03\x00\x08\x03\x00\x00\x00\x08\x03\x00\x00\x83\x01"
                               "\x00\x00\x00\x00\x00",
                               21);
    QTest::newRow("images-36TB") << fuzzFound << false << true;
    QTest::newRow("images-36TB-gzip") << fuzzFound << true << true;
    const QByteArray maxImages =
        bigEndian32(0x803) + bigEndian32(INT_MAX) + bigEndian32(1) + bigEndian32(1);
    QTest::newRow("images-2GB") << maxImages << false << true;
    const QByteArray maxLabels = bigEndian32(0x801) + bigEndian32(INT_MAX) + QByteArray(3, '\1');
    QTest::newRow("labels-2GB") << maxLabels << false << false;
    QTest::newRow("labels-2GB-gzip") << maxLabels << true << false;
}

void TestIdxHeaderClaims::headerClaimsMoreThanTheFile()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, compress);
    QFETCH(bool, images);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(compress ? "claims.idx.gz" : "claims.idx");
    {
        QFile file(path);
        const QByteArray bytes = compress ? gzipped(content) : content;
        QVERIFY(!bytes.isEmpty());
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
    }

    QString thrown; // what escaped the reader other than a DatasetError
    try {
        const AddressSpaceCap cap(256LL << 20);
        if (images)
            lrlab::readIdxImages(path.toStdString());
        else
            lrlab::readIdxLabels(path.toStdString());
        thrown = "nothing (the file was accepted)";
    } catch (const lrlab::DatasetError& e) {
        QCOMPARE(QString::fromStdString(e.file()), path);
    } catch (const std::exception& e) {
        thrown = QString("std::exception: ") + e.what();
    }
    QVERIFY2(thrown.isEmpty(),
             qPrintable("expected a DatasetError naming " + path + ", got " + thrown));
}

QTEST_GUILESS_MAIN(TestIdxHeaderClaims)
#include "tst_idx_header_claims.moc"
