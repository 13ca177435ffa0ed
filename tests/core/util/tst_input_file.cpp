// The one reader every input goes through: only regular files, a size cap checked before
// reading, and messages that name the file and say what it is instead.
#include "core/util/input_file.h"
#include "tests/common/files.h"
#include "tests/common/throws.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using lrlab::test::thrownMessage;

class TestInputFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refused_data();
    void refused();
    void readsRegularFile();
    void formatBytes_data();
    void formatBytes();
    void escapes();

private:
    QTemporaryDir m_dir;
};

void TestInputFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(::mkfifo(m_dir.filePath("fifo").toLocal8Bit().constData(), 0600) == 0);
    QVERIFY(!lrlab::test::writeFile(m_dir, "big.txt", QByteArray(5000, 'x')).isEmpty());
}

void TestInputFile::refused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::newRow("directory") << m_dir.path() << "is a directory";
    QTest::newRow("fifo") << m_dir.filePath("fifo") << "is a FIFO (named pipe), not a regular file";
    QTest::newRow("dev-zero") << "/dev/zero"
                              << "is a character device, not a regular file";
    QTest::newRow("dev-urandom") << "/dev/urandom"
                                 << "is a character device, not a regular file";
    QTest::newRow("missing") << m_dir.filePath("missing.json")
                             << "cannot read: the file does not exist";
    QTest::newRow("over-cap") << m_dir.filePath("big.txt")
                              << "is 4.8 KiB, more than the 4 KiB a test file may have";
}

void TestInputFile::refused()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    const QString message = thrownMessage<lrlab::InputFileError>(
        [&] { lrlab::readRegularFile(path.toStdString(), 4096, "a test file"); });
    QCOMPARE(message, path + ": " + reason);
}

void TestInputFile::readsRegularFile()
{
    const QByteArray bytes("a\0b\r\nc", 6);
    const QString path = lrlab::test::writeFile(m_dir, "ok.bin", bytes);
    const std::string text = lrlab::readRegularFile(path.toStdString(), 6, "a test file");
    QCOMPARE(QByteArray(text.data(), static_cast<qsizetype>(text.size())), bytes);
}

void TestInputFile::formatBytes_data()
{
    QTest::addColumn<quint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("bytes") << quint64(512) << "512 bytes";
    QTest::newRow("kib") << quint64(1536) << "1.5 KiB";
    QTest::newRow("mib") << quint64(64) * 1024 * 1024 << "64 MiB";
    QTest::newRow("gib") << quint64(4299948042ull) * 4 << "16 GiB";
}

void TestInputFile::formatBytes()
{
    QFETCH(quint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(lrlab::formatBytes(bytes)), text);
}

void TestInputFile::escapes()
{
    const std::string withNul("ab\0c\r\x01", 6);
    QCOMPARE(QString::fromStdString(lrlab::escapeControl(withNul)), QString("ab\\0c\\r\\x01"));
    QCOMPARE(QString::fromStdString(lrlab::escapeNul(withNul)), QString("ab\\0c\r\x01"));
}

QTEST_APPLESS_MAIN(TestInputFile)
#include "tst_input_file.moc"
