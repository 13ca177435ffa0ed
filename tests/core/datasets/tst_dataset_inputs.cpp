// Dataset files as inputs: only regular files are read (a directory, device or FIFO is named,
// never read or waited on), IDX headers are checked against the file's size before anything is
// allocated, CR-only line ends are read as line ends, a NUL in a cell is shown escaped, and a
// stray large label does not build a huge output layer.
#include "core/datasets/csv_loader.h"
#include "core/datasets/dataset.h"
#include "core/datasets/idx_loader.h"
#include "tests/common/files.h"
#include "tests/common/throws.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <zlib.h>

using lrlab::test::thrownMessage;

namespace {

/// A big-endian 32-bit word.
QByteArray word(quint32 v)
{
    return QByteArray(1, char(v >> 24)) + char((v >> 16) & 0xff) + char((v >> 8) & 0xff) +
           char(v & 0xff);
}

/// Writes bytes gzip-compressed to path; false on failure.
bool writeGzip(const QString& path, const QByteArray& bytes)
{
    gzFile file = gzopen(path.toLocal8Bit().constData(), "wb");
    if (file == nullptr)
        return false;
    const int written = gzwrite(file, bytes.constData(), static_cast<unsigned>(bytes.size()));
    return gzclose(file) == Z_OK && written == bytes.size();
}

} // namespace

class TestDatasetInputs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void csvNotRegularFile_data();
    void csvNotRegularFile();
    void idxHeaderCheckedAgainstSize_data();
    void idxHeaderCheckedAgainstSize();
    void crOnlyLineEnds();
    void nulInCellShownEscaped();
    void sparseLabelsRefused();
    void denseManyClassesAccepted();

private:
    QTemporaryDir m_dir;
};

void TestDatasetInputs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(::mkfifo(m_dir.filePath("fifo.csv").toLocal8Bit().constData(), 0600) == 0);
    QVERIFY(QDir(m_dir.path()).mkdir("folder.csv"));
}

void TestDatasetInputs::csvNotRegularFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::newRow("directory") << m_dir.filePath("folder.csv") << "is a directory";
    QTest::newRow("fifo") << m_dir.filePath("fifo.csv") << "is a FIFO (named pipe)";
    QTest::newRow("dev-zero") << "/dev/zero"
                              << "is a character device";
    QTest::newRow("dev-urandom") << "/dev/urandom"
                                 << "is a character device";
}

void TestDatasetInputs::csvNotRegularFile()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    // loadDataset takes any name with a '/' as a CSV path, as the config's dataset key does.
    const QString message =
        thrownMessage<lrlab::DatasetError>([&] { lrlab::loadDataset(path.toStdString()); });
    QVERIFY2(message.startsWith(path + ": " + reason), qPrintable(message));
}

void TestDatasetInputs::idxHeaderCheckedAgainstSize_data()
{
    QTest::addColumn<bool>("gzip");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const QByteArray labels = word(0x801) + word(0x7fffffff) + QByteArray("\x01\x02", 2);
    QTest::newRow("labels-plain")
        << false << labels
        << "the header claims 2147483647 labels (2 GiB) but the file is 10 bytes";
    QTest::newRow("labels-gzip") << true << labels
                                 << "the header claims 2147483647 labels (2 GiB) but the file is";
    const QByteArray images = word(0x803) + word(60000) + word(28) + word(28) + QByteArray(100, 0);
    QTest::newRow("images-plain")
        << false << images
        << "the header claims 60000 images of 28x28 (44 MiB) but the file is 116 bytes";
}

void TestDatasetInputs::idxHeaderCheckedAgainstSize()
{
    QFETCH(bool, gzip);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString path = m_dir.filePath(gzip ? "claims.gz" : "claims.idx");
    QVERIFY(gzip ? writeGzip(path, bytes) : lrlab::test::writeAll(path, bytes));
    const bool images = bytes.startsWith(word(0x803));
    const QString thrown = thrownMessage<lrlab::DatasetError>([&] {
        if (images)
            lrlab::readIdxImages(path.toStdString());
        else
            lrlab::readIdxLabels(path.toStdString());
    });
    QVERIFY2(thrown.startsWith(path + ": " + message), qPrintable(thrown));
    if (gzip)
        QVERIFY2(thrown.contains("of gzip, which holds at most"), qPrintable(thrown));
}

void TestDatasetInputs::crOnlyLineEnds()
{
    const QString path =
        lrlab::test::writeFile(m_dir, "mac.csv", "a,b,label\r1,2,0\r3,4,1\r5,6,1\r");
    const lrlab::Dataset d = lrlab::loadCsvDataset(path.toStdString());
    QCOMPARE(d.rows, 3);
    QCOMPARE(d.features, 2);
    QCOMPARE(d.numClasses, 2);
    QCOMPARE(d.featureAt(2, 1), 6.0);
    // Line numbers count CR-only lines too.
    const QString bad = lrlab::test::writeFile(m_dir, "mac-bad.csv", "a,label\r1,0\rx,1\r");
    const QString message =
        thrownMessage<lrlab::DatasetError>([&] { lrlab::loadCsvDataset(bad.toStdString()); });
    QVERIFY2(message.startsWith(bad + ":3: non-numeric cell 'x'"), qPrintable(message));
}

void TestDatasetInputs::nulInCellShownEscaped()
{
    const QString path =
        lrlab::test::writeFile(m_dir, "nul.csv", QByteArray("a,label\n1,0\n2\0x,1\n", 17));
    const QString message =
        thrownMessage<lrlab::DatasetError>([&] { lrlab::loadCsvDataset(path.toStdString()); });
    QCOMPARE(message, path + ":3: non-numeric cell '2\\0x' in column 'a'");
}

void TestDatasetInputs::sparseLabelsRefused()
{
    QByteArray csv = "a,label\n";
    for (int i = 0; i < 150; ++i)
        csv += QByteArray::number(i) + "," + QByteArray::number(i % 3) + "\n";
    csv += "7,99999\n";
    const QString path = lrlab::test::writeFile(m_dir, "stray.csv", csv);
    const QString message =
        thrownMessage<lrlab::DatasetError>([&] { lrlab::loadCsvDataset(path.toStdString()); });
    QCOMPARE(message, path + ":152: label 99999 makes 100000 classes but only 4 of them occur: "
                             "labels must be 0..K-1 with K <= 1000, or every class 0..K-1 "
                             "present");
}

void TestDatasetInputs::denseManyClassesAccepted()
{
    QByteArray csv = "a,label\n";
    for (int i = 0; i < 1500; ++i)
        csv += QByteArray::number(i) + "," + QByteArray::number(i) + "\n";
    const QString path = lrlab::test::writeFile(m_dir, "dense.csv", csv);
    QCOMPARE(lrlab::loadCsvDataset(path.toStdString()).numClasses, 1500);
}

QTEST_APPLESS_MAIN(TestDatasetInputs)
#include "tst_dataset_inputs.moc"
