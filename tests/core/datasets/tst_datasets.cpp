#include "core/datasets/batch_sampler.h"
#include "core/datasets/csv_loader.h"
#include "core/datasets/dataset.h"
#include "core/datasets/idx_loader.h"
#include "core/datasets/split.h"
#include "core/util/rng.h"
#include "core/util/rng_streams.h"
#include "tests/common/allocation_counter.h"
#include "tests/common/nearly_equal.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <set>

using lrlab::test::nearlyEqual;

namespace {

QByteArray bigEndian32(quint32 value)
{
    QByteArray bytes(4, '\0');
    bytes[0] = char((value >> 24) & 0xFF);
    bytes[1] = char((value >> 16) & 0xFF);
    bytes[2] = char((value >> 8) & 0xFF);
    bytes[3] = char(value & 0xFF);
    return bytes;
}

QByteArray idxImages(quint32 magic, quint32 count, quint32 rows, quint32 cols,
                     const QByteArray& pixels)
{
    return bigEndian32(magic) + bigEndian32(count) + bigEndian32(rows) + bigEndian32(cols) + pixels;
}

QByteArray idxLabels(quint32 magic, quint32 count, const QByteArray& labels)
{
    return bigEndian32(magic) + bigEndian32(count) + labels;
}

bool writeGzip(const QString& path, const QByteArray& content)
{
    gzFile file = gzopen(QFile::encodeName(path).constData(), "wb");
    if (file == nullptr)
        return false;
    const int written = gzwrite(file, content.constData(), unsigned(content.size()));
    return gzclose(file) == Z_OK && written == content.size();
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

/// Resident set size from /proc/self/statm (second field, in pages).
qint64 residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    long long size = 0;
    long long resident = 0;
    statm >> size >> resident;
    return resident * sysconf(_SC_PAGESIZE);
}

/// Row n (0-based data row) of a CSV file as numbers, read with Qt independently of the loader.
QVector<double> csvRow(const QString& path, int dataRow)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVector<double> numbers;
    for (const QByteArray& cell : lines.value(dataRow + 1).trimmed().split(','))
        numbers.append(cell.toDouble());
    return numbers;
}

QString datasetPath(const QString& name)
{
    return QString::fromStdString(lrlab::datasetDirectory()) + "/" + name + ".csv";
}

/// The 4+4 tiny Fashion-MNIST-shaped files: 3 training and 2 test images of 2×3 pixels.
struct TinyIdx
{
    QByteArray trainImages = idxImages(0x803, 3, 2, 3,
                                       QByteArray("\x00\x01\x02\x03\x04\x05"
                                                  "\x10\x11\x12\x13\x14\x15"
                                                  "\xf0\xf1\xf2\xf3\xf4\xff",
                                                  18));
    QByteArray trainLabels = idxLabels(0x801, 3, QByteArray("\x09\x00\x04", 3));
    QByteArray testImages = idxImages(
        0x803, 2, 2, 3, QByteArray("\x20\x21\x22\x23\x24\x25\x30\x31\x32\x33\x34\x35", 12));
    QByteArray testLabels = idxLabels(0x801, 2, QByteArray("\x01\x07", 2));

    bool write(const QString& dir) const
    {
        return writeGzip(dir + "/train-images-idx3-ubyte.gz", trainImages) &&
               writeGzip(dir + "/train-labels-idx1-ubyte.gz", trainLabels) &&
               writeGzip(dir + "/t10k-images-idx3-ubyte.gz", testImages) &&
               writeGzip(dir + "/t10k-labels-idx1-ubyte.gz", testLabels);
    }
};

std::vector<int> sorted(std::vector<int> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace

class TestDatasets : public QObject
{
    Q_OBJECT

private slots:
    void bundledCsv_data();
    void bundledCsv();
    void datasetNames();
    void csvErrors_data();
    void csvErrors();
    void csvTolerance();
    void csvRegression();
    void idxTinyDataset();
    void idxErrors_data();
    void idxErrors();
    void fashionMnistReal();
    void split_data();
    void split();
    void splitFixed();
    void splitRejectsBadFraction();
    void standardization_data();
    void standardization();
    void standardizationBytes();
    void batchSampler_data();
    void batchSampler();
    void batchSamplerNoAllocation();
};

void TestDatasets::bundledCsv_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("features");
    QTest::addColumn<int>("classes"); // 0 = regression
    QTest::addColumn<QVector<int>>("classCounts");
    QTest::addColumn<QString>("firstFeature");
    // Counts as documented in the datasets' README and the UCI / scikit-learn descriptions.
    QTest::newRow("iris") << "iris" << 150 << 4 << 3 << QVector<int>{50, 50, 50} << "sepal_length";
    QTest::newRow("wine") << "wine" << 178 << 13 << 3 << QVector<int>{59, 71, 48} << "alcohol";
    QTest::newRow("breast_cancer")
        << "breast_cancer" << 569 << 30 << 2 << QVector<int>{212, 357} << "mean_radius";
    QTest::newRow("digits") << "digits" << 1797 << 64 << 10
                            << QVector<int>{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}
                            << "pixel_0";
    QTest::newRow("diabetes") << "diabetes" << 442 << 10 << 0 << QVector<int>{} << "age";
}

void TestDatasets::bundledCsv()
{
    QFETCH(QString, name);
    QFETCH(int, rows);
    QFETCH(int, features);
    QFETCH(int, classes);
    QFETCH(QVector<int>, classCounts);
    QFETCH(QString, firstFeature);

    const lrlab::Dataset d = lrlab::loadDataset(name.toStdString());
    QCOMPARE(QString::fromStdString(d.name), name);
    QCOMPARE(d.rows, rows);
    QCOMPARE(d.features, features);
    QCOMPARE(int(d.featureNames.size()), features);
    QCOMPARE(QString::fromStdString(d.featureNames.front()), firstFeature);
    QCOMPARE(d.values.size(), std::size_t(rows) * std::size_t(features));
    QVERIFY(!d.storesBytes());
    QCOMPARE(d.fixedValidationStart, -1);
    if (classes == 0) {
        QVERIFY(d.isRegression());
        QCOMPARE(d.numClasses, 0);
        QCOMPARE(int(d.targets.size()), rows);
    } else {
        QVERIFY(d.isClassification());
        QCOMPARE(d.numClasses, classes);
        QCOMPARE(int(d.labels.size()), rows);
        QVector<int> counts(classes, 0);
        for (int label : d.labels) {
            QVERIFY(label >= 0 && label < classes);
            ++counts[label];
        }
        QCOMPARE(counts, classCounts);
    }

    // The first and last rows agree with the file read by Qt, cell for cell.
    for (int row : {0, rows - 1}) {
        const QVector<double> expected = csvRow(datasetPath(name), row);
        QCOMPARE(expected.size(), features + 1);
        for (int c = 0; c < features; ++c)
            QCOMPARE(d.featureAt(row, c), expected[c]);
        if (classes == 0)
            QCOMPARE(d.targets[std::size_t(row)], expected[features]);
        else
            QCOMPARE(double(d.labels[std::size_t(row)]), expected[features]);
    }

    // gatherRows: the raw values as float, in the order asked.
    const int picks[] = {rows - 1, 0, rows / 2};
    std::vector<float> buffer(std::size_t(3 * features));
    d.gatherRows(picks, 3, buffer.data());
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < features; ++c)
            QCOMPARE(buffer[std::size_t(r * features + c)], float(d.featureAt(picks[r], c)));
}

void TestDatasets::datasetNames()
{
    // A path loads the same table as the name; an unknown name is an error that lists the names.
    const lrlab::Dataset byName = lrlab::loadDataset("iris");
    const lrlab::Dataset byPath = lrlab::loadDataset(datasetPath("iris").toStdString());
    QCOMPARE(byPath.name, std::string("iris"));
    QCOMPARE(byPath.values, byName.values);
    QCOMPARE(byName.featureIndex("petal_width"), 3);
    QCOMPARE(byName.featureIndex("nope"), -1);
    try {
        lrlab::loadDataset("irises");
        QFAIL("an unknown name must throw");
    } catch (const lrlab::DatasetError& e) {
        QVERIFY(QString(e.what()).contains("irises"));
        QVERIFY(QString(e.what()).contains("breast_cancer"));
    }

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qputenv("LRLAB_DATA_DIR", dir.path().toUtf8());
    const std::string overridden = lrlab::datasetDirectory();
    qunsetenv("LRLAB_DATA_DIR");
    QCOMPARE(QString::fromStdString(overridden), dir.path());
    QVERIFY(QFile::exists(QString::fromStdString(lrlab::datasetDirectory()) + "/wine.csv"));
}

void TestDatasets::csvErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("empty-file") << QByteArray() << 1 << "empty";
    QTest::newRow("whitespace-only") << QByteArray(" \r\n\n") << 1 << "empty";
    QTest::newRow("header-only") << QByteArray("a,b,label\n") << 1 << "no data rows";
    QTest::newRow("no-header") << QByteArray("1,2,0\n3,4,1\n") << 1 << "no header";
    QTest::newRow("blank-header") << QByteArray("\n1,2,0\n") << 1 << "no header";
    QTest::newRow("ragged-short") << QByteArray("a,b,label\n1,2,0\n1,2\n") << 3
                                  << "expected 3 cells, got 2";
    QTest::newRow("ragged-long") << QByteArray("a,b,label\r\n1,2,0,4\r\n") << 2
                                 << "expected 3 cells, got 4";
    QTest::newRow("non-numeric") << QByteArray("a,b,label\n1,2,0\n1,x,1\n") << 3
                                 << "non-numeric cell 'x' in column 'b'";
    QTest::newRow("decimal-comma")
        << QByteArray("a,b,label\n1,2,0\n\"1,5\",2,1\n") << 3 << "expected 3 cells, got 4";
    QTest::newRow("empty-cell") << QByteArray("a,b,label\n1,,0\n") << 2 << "empty cell";
    QTest::newRow("missing-label-column") << QByteArray("a,b,c\n1,2,3\n") << 1 << "label or target";
    QTest::newRow("non-integer-label")
        << QByteArray("a,label\n1,0\n2,1.5\n") << 3 << "non-integer label '1.5'";
    QTest::newRow("negative-label")
        << QByteArray("a,label\n1,0\n2,1\n3,-1\n") << 4 << "negative label";
    QTest::newRow("single-class") << QByteArray("a,label\n1,0\n2,0\n") << 2 << "at least 2";
    QTest::newRow("nan-cell") << QByteArray("a,b,label\n1,2,0\n1,nan,1\n") << 3 << "non-finite";
    QTest::newRow("inf-target") << QByteArray("a,target\n1,2\n1,inf\n") << 3 << "non-finite";
    QTest::newRow("overflow") << QByteArray("a,target\n1e999,2\n") << 2 << "out of the range";
    QTest::newRow("blank-line-counted")
        << QByteArray("a,label\n1,0\n\n2\n") << 4 << "expected 2 cells, got 1";
    QTest::newRow("label-only") << QByteArray("label\n0\n1\n") << 1 << "no feature columns";
    QTest::newRow("duplicate-name") << QByteArray("a,a,label\n1,2,0\n") << 1 << "duplicate";
}

void TestDatasets::csvErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, fragment);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("bad.csv");
    QVERIFY(writeFile(path, content));
    try {
        lrlab::loadCsvDataset(path.toStdString());
        QFAIL("loading must throw");
    } catch (const lrlab::DatasetError& e) {
        const QString message = QString::fromUtf8(e.what());
        const QString location = path + ":" + QString::number(line) + ": ";
        QVERIFY2(message.startsWith(location), qPrintable(message));
        QVERIFY2(message.contains(fragment), qPrintable(message));
        QCOMPARE(e.line(), line);
        QCOMPARE(QString::fromStdString(e.file()), path);
    }
}

void TestDatasets::csvTolerance()
{
    // BOM, CRLF, spaces and tabs around cells, a blank line, no final newline, signs, exponents.
    const QByteArray content = "\xEF\xBB\xBF"
                               " f1 , f2\t,label\r\n"
                               " 1.5 ,\t-2e-1 , 1 \r\n"
                               "\r\n"
                               "+3,  4.0e1,0.0\r\n"
                               "7,8,2";
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("good_one.csv");
    QVERIFY(writeFile(path, content));
    const lrlab::Dataset d = lrlab::loadCsvDataset(path.toStdString());
    QCOMPARE(d.name, std::string("good_one"));
    QCOMPARE(d.sourcePath, path.toStdString());
    QCOMPARE(d.featureNames, (std::vector<std::string>{"f1", "f2"}));
    QCOMPARE(d.rows, 3);
    QCOMPARE(d.numClasses, 3);
    QCOMPARE(d.values, (std::vector<double>{1.5, -0.2, 3.0, 40.0, 7.0, 8.0}));
    QCOMPARE(d.labels, (std::vector<int>{1, 0, 2}));

    const lrlab::Dataset named = lrlab::loadCsvDataset(path.toStdString(), "mine");
    QCOMPARE(named.name, std::string("mine"));
}

void TestDatasets::csvRegression()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("reg.csv");
    QVERIFY(writeFile(path, "x,target\n1,-2.5\n2,0.125\n"));
    const lrlab::Dataset d = lrlab::loadCsvDataset(path.toStdString());
    QVERIFY(d.isRegression());
    QCOMPARE(d.numClasses, 0);
    QVERIFY(d.labels.empty());
    QCOMPARE(d.targets, (std::vector<double>{-2.5, 0.125}));
}

void TestDatasets::idxTinyDataset()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TinyIdx files;
    QVERIFY(files.write(dir.path()));

    const lrlab::IdxImages images =
        lrlab::readIdxImages(dir.filePath("train-images-idx3-ubyte.gz").toStdString());
    QCOMPARE(images.count, 3);
    QCOMPARE(images.rows, 2);
    QCOMPARE(images.cols, 3);
    QCOMPARE(images.pixels.size(), std::size_t(18));
    QCOMPARE(int(images.pixels[17]), 0xff);

    const lrlab::Dataset d = lrlab::loadFashionMnist(dir.path().toStdString());
    QCOMPARE(d.rows, 5);
    QCOMPARE(d.features, 6);
    QCOMPARE(d.numClasses, 10);
    QCOMPARE(d.fixedValidationStart, 3);
    QVERIFY(d.storesBytes());
    QVERIFY(d.values.empty());
    QCOMPARE(d.featureNames.back(), std::string("pixel_5"));
    QCOMPARE(d.labels, (std::vector<int>{9, 0, 4, 1, 7}));
    QCOMPARE(d.featureAt(0, 1), 1.0);
    QCOMPARE(d.featureAt(2, 5), 255.0);
    QCOMPARE(d.featureAt(3, 0), 32.0); // first test image follows the training images
    QCOMPARE(d.featureAt(4, 5), 53.0);
    QCOMPARE(d.memoryBytes(), std::size_t(30) + 5 * sizeof(int));

    const int picks[] = {4, 2};
    float buffer[12];
    d.gatherRows(picks, 2, buffer);
    QCOMPARE(buffer[0], 48.0f);
    QCOMPARE(buffer[11], 255.0f); // row 2, last pixel 0xff
}

void TestDatasets::idxErrors_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("badFile"); // the file the message must name
    QTest::addColumn<QString>("fragment");
    QTest::newRow("missing-directory") << "missing-directory"
                                       << ""
                                       << "apt-get install dataset-fashion-mnist";
    QTest::newRow("missing-file") << "missing-file"
                                  << "t10k-labels-idx1-ubyte.gz"
                                  << "does not exist";
    QTest::newRow("images-wrong-magic") << "images-wrong-magic"
                                        << "train-images-idx3-ubyte.gz"
                                        << "wrong magic number 0x00000801";
    QTest::newRow("labels-wrong-magic") << "labels-wrong-magic"
                                        << "t10k-labels-idx1-ubyte.gz"
                                        << "wrong magic number 0x00000803";
    QTest::newRow("truncated-gzip") << "truncated-gzip"
                                    << "train-images-idx3-ubyte.gz"
                                    << "truncated";
    QTest::newRow("short-payload") << "short-payload"
                                   << "t10k-images-idx3-ubyte.gz"
                                   << "truncated";
    QTest::newRow("count-mismatch") << "count-mismatch"
                                    << "train-labels-idx1-ubyte.gz"
                                    << "2 labels but 3 images";
    QTest::newRow("label-above-9") << "label-above-9"
                                   << "t10k-labels-idx1-ubyte.gz"
                                   << "label 10";
    QTest::newRow("size-mismatch") << "size-mismatch"
                                   << "t10k-images-idx3-ubyte.gz"
                                   << "3x2";
}

void TestDatasets::idxErrors()
{
    QFETCH(QString, fault);
    QFETCH(QString, badFile);
    QFETCH(QString, fragment);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TinyIdx files;
    QString directory = dir.path();
    if (fault == "images-wrong-magic")
        files.trainImages = idxImages(0x801, 3, 2, 3, QByteArray(18, '\0'));
    else if (fault == "labels-wrong-magic")
        files.testLabels = idxLabels(0x803, 2, QByteArray(2, '\0'));
    else if (fault == "short-payload")
        files.testImages = idxImages(0x803, 2, 2, 3, QByteArray(11, '\0')); // needs 12
    else if (fault == "count-mismatch")
        files.trainLabels = idxLabels(0x801, 2, QByteArray(2, '\0'));
    else if (fault == "label-above-9")
        files.testLabels = idxLabels(0x801, 2, QByteArray("\x03\x0a", 2));
    else if (fault == "size-mismatch")
        files.testImages = idxImages(0x803, 2, 3, 2, QByteArray(12, '\0'));
    else if (fault == "missing-directory")
        directory = dir.filePath("not-there");
    QVERIFY(files.write(dir.path()));
    if (fault == "missing-file")
        QVERIFY(QFile::remove(dir.filePath(badFile)));
    if (fault == "truncated-gzip") {
        // Cut the compressed stream in half: zlib must report a short read, not stop silently.
        QFile file(dir.filePath(badFile));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
    }

    try {
        lrlab::loadFashionMnist(directory.toStdString());
        QFAIL("loading must throw");
    } catch (const lrlab::DatasetError& e) {
        const QString message = QString::fromUtf8(e.what());
        const QString named = badFile.isEmpty() ? directory : directory + "/" + badFile;
        QVERIFY2(message.contains(named), qPrintable(message));
        QVERIFY2(message.contains(fragment), qPrintable(message));
    }
}

void TestDatasets::fashionMnistReal()
{
    const QString directory = lrlab::kFashionMnistDirectory;
    if (!QDir(directory).exists())
        QSKIP("dataset-fashion-mnist is not installed");

    const qint64 before = residentBytes();
    const lrlab::Dataset d = lrlab::loadFashionMnist();
    const qint64 after = residentBytes();
    qInfo("Fashion-MNIST: resident memory grew by %.1f MB while loading (dataset buffers %.1f MB)",
          double(after - before) / 1e6, double(d.memoryBytes()) / 1e6);

    QCOMPARE(d.rows, 70000);
    QCOMPARE(d.features, 784);
    QCOMPARE(d.fixedValidationStart, 60000);
    QCOMPARE(d.bytes.size(), std::size_t(70000) * 784);
    QVERIFY(d.values.empty());
    QCOMPARE(d.numClasses, 10);

    // The first training and test labels and the first image, read here with zlib directly
    // (labels start after the 8-byte header, pixels after the 16-byte one).
    const auto readAt = [&](const QString& file, int offset, int count) {
        QByteArray bytes(count, '\0');
        gzFile f = gzopen(QFile::encodeName(directory + "/" + file).constData(), "rb");
        if (f == nullptr)
            return QByteArray();
        gzseek(f, offset, SEEK_SET);
        const int got = gzread(f, bytes.data(), unsigned(count));
        gzclose(f);
        return got == count ? bytes : QByteArray();
    };
    const QByteArray trainLabel = readAt("train-labels-idx1-ubyte.gz", 8, 1);
    const QByteArray testLabel = readAt("t10k-labels-idx1-ubyte.gz", 8, 1);
    const QByteArray firstImage = readAt("train-images-idx3-ubyte.gz", 16, 784);
    const QByteArray lastImage = readAt("t10k-images-idx3-ubyte.gz", 16 + 9999 * 784, 784);
    QCOMPARE(trainLabel.size(), 1);
    QCOMPARE(d.labels[0], int(quint8(trainLabel[0])));
    QCOMPARE(d.labels[60000], int(quint8(testLabel[0])));
    QCOMPARE(firstImage.size(), 784);
    QCOMPARE(lastImage.size(), 784);
    for (int c = 0; c < 784; ++c) {
        QCOMPARE(d.featureAt(0, c), double(quint8(firstImage[c])));
        QCOMPARE(d.featureAt(69999, c), double(quint8(lastImage[c])));
    }
    QVector<int> counts(10, 0);
    for (int label : d.labels)
        ++counts[label];
    QCOMPARE(counts, QVector<int>(10, 7000)); // balanced: 6000 + 1000 of each class

    const lrlab::DataSplit split = lrlab::makeSplit(d, 0.2, 1);
    QCOMPARE(int(split.train.size()), 60000);
    QCOMPARE(int(split.validation.size()), 10000);
    QCOMPARE(split.train.front(), 0);
    QCOMPARE(split.validation.front(), 60000);
}

void TestDatasets::split_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("valFraction");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("iris-0.2") << "iris" << 0.2 << quint64(1);
    QTest::newRow("wine-0.2") << "wine" << 0.2 << quint64(7);      // 35.6 -> 36
    QTest::newRow("digits-0.2") << "digits" << 0.2 << quint64(42); // 359.4 -> 359
    QTest::newRow("diabetes-0.33") << "diabetes" << 0.33 << quint64(3);
    QTest::newRow("breast_cancer-0") << "breast_cancer" << 0.0 << quint64(5);
    QTest::newRow("iris-0.99") << "iris" << 0.99 << quint64(2); // 148.5 -> 149 (half up)
}

void TestDatasets::split()
{
    QFETCH(QString, name);
    QFETCH(double, valFraction);
    QFETCH(quint64, seed);
    const lrlab::Dataset d = lrlab::loadDataset(name.toStdString());
    const lrlab::DataSplit s = lrlab::makeSplit(d, valFraction, seed);

    const int expectedValidation = int(std::floor(d.rows * valFraction + 0.5));
    QCOMPARE(int(s.validation.size()), expectedValidation);
    QCOMPARE(int(s.train.size()), d.rows - expectedValidation);

    // Disjoint and covering: together they are every row exactly once.
    std::vector<int> all = s.train;
    all.insert(all.end(), s.validation.begin(), s.validation.end());
    std::vector<int> identity(std::size_t(d.rows));
    std::iota(identity.begin(), identity.end(), 0);
    QCOMPARE(sorted(all), identity);

    // The contract of docs/semantics.md §2.2: the seeded permutation, its tail is validation.
    lrlab::Rng rng(seed, lrlab::kStreamSplit);
    QCOMPARE(all, rng.permutation(d.rows));

    const lrlab::DataSplit again = lrlab::makeSplit(d, valFraction, seed);
    QCOMPARE(again.train, s.train);
    QCOMPARE(again.validation, s.validation);
    const lrlab::DataSplit other = lrlab::makeSplit(d, valFraction, seed + 1);
    QVERIFY(other.train != s.train);
}

void TestDatasets::splitFixed()
{
    lrlab::Dataset d;
    d.rows = 5;
    d.features = 1;
    d.bytes = {1, 2, 3, 4, 5};
    d.labels = {0, 1, 0, 1, 0};
    d.numClasses = 2;
    d.fixedValidationStart = 3;
    const lrlab::DataSplit s = lrlab::makeSplit(d, 0.5, 9);
    QCOMPARE(s.train, (std::vector<int>{0, 1, 2}));
    QCOMPARE(s.validation, (std::vector<int>{3, 4}));
    QVERIFY(nearlyEqual(s.standardization.mean[0], 2.0));
    QVERIFY(nearlyEqual(s.standardization.std[0], std::sqrt(2.0 / 3.0)));
}

void TestDatasets::splitRejectsBadFraction()
{
    const lrlab::Dataset d = lrlab::loadDataset("iris");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::makeSplit(d, 1.0, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::makeSplit(d, -0.1, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::makeSplit(d, 0.997, 1)); // 149.55 -> 150
}

void TestDatasets::standardization_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("iris") << "iris";
    QTest::newRow("digits") << "digits"; // has constant (all-zero) pixel columns
    QTest::newRow("diabetes") << "diabetes";
    QTest::newRow("breast_cancer") << "breast_cancer";
}

void TestDatasets::standardization()
{
    QFETCH(QString, name);
    const lrlab::Dataset d = lrlab::loadDataset(name.toStdString());
    const lrlab::DataSplit s = lrlab::makeSplit(d, 0.2, 11);
    const int n = int(s.train.size());
    const int w = d.features;
    std::vector<float> x(std::size_t(n) * std::size_t(w));
    lrlab::gatherStandardized(d, s.standardization, s.train.data(), n, x.data());

    int constantColumns = 0;
    for (int c = 0; c < w; ++c) {
        // The raw column's mean and population std, computed here in long double.
        long double sum = 0;
        for (int row : s.train)
            sum += d.featureAt(row, c);
        const long double mean = sum / n;
        long double squares = 0;
        for (int row : s.train)
            squares += (d.featureAt(row, c) - mean) * (d.featureAt(row, c) - mean);
        const double rawStd = double(std::sqrt(squares / n));

        double gatheredSum = 0;
        double gatheredSquares = 0;
        for (int r = 0; r < n; ++r)
            gatheredSum += x[std::size_t(r * w + c)];
        const double gatheredMean = gatheredSum / n;
        for (int r = 0; r < n; ++r) {
            const double dev = x[std::size_t(r * w + c)] - gatheredMean;
            gatheredSquares += dev * dev;
        }
        const double gatheredStd = std::sqrt(gatheredSquares / n);

        QVERIFY(std::abs(gatheredMean) < 1e-6);
        if (rawStd < 1e-12) {
            ++constantColumns;
            QCOMPARE(s.standardization.std[std::size_t(c)], 1.0);
            QCOMPARE(gatheredStd, 0.0);
        } else {
            QVERIFY2(nearlyEqual(gatheredStd, 1.0, 1e-6), qPrintable(QString::number(gatheredStd)));
            QVERIFY(nearlyEqual(s.standardization.std[std::size_t(c)], rawStd, 1e-12));
        }
        QVERIFY(nearlyEqual(s.standardization.mean[std::size_t(c)], double(mean), 1e-12, 1e-12));
    }
    if (name == "digits")
        QVERIFY(constantColumns > 0);

    // Validation rows use the training statistics: one value by the formula.
    const int row = s.validation.front();
    float one[64];
    lrlab::gatherStandardized(d, s.standardization, &row, 1, one);
    const double expected =
        (d.featureAt(row, 0) - s.standardization.mean[0]) / s.standardization.std[0];
    QCOMPARE(one[0], float(expected));

    if (d.isRegression()) {
        std::vector<float> t(static_cast<std::size_t>(n));
        lrlab::gatherStandardizedTargets(d, s.standardization, s.train.data(), n, t.data());
        double sum = 0;
        for (float v : t)
            sum += v;
        double squares = 0;
        for (float v : t)
            squares += (v - sum / n) * (v - sum / n);
        QVERIFY(std::abs(sum / n) < 1e-6);
        QVERIFY(nearlyEqual(std::sqrt(squares / n), 1.0, 1e-6));
        const double raw = d.targets[std::size_t(s.train[0])];
        QVERIFY(nearlyEqual(s.standardization.unstandardizeTarget(double(t[0])), raw, 1e-6));
    } else {
        std::vector<int> labels(static_cast<std::size_t>(n));
        lrlab::gatherLabels(d, s.train.data(), n, labels.data());
        for (int r = 0; r < n; ++r)
            QCOMPARE(labels[std::size_t(r)], d.labels[std::size_t(s.train[std::size_t(r)])]);
        QCOMPARE(s.standardization.targetMean, 0.0);
        QCOMPARE(s.standardization.targetStd, 1.0);
    }
}

void TestDatasets::standardizationBytes()
{
    // Byte storage: column 0 = {0, 10, 20} (mean 10, std sqrt(200/3)), column 1 constant 7.
    lrlab::Dataset d;
    d.rows = 4;
    d.features = 2;
    d.bytes = {0, 7, 10, 7, 20, 7, 255, 7};
    d.labels = {0, 1, 0, 1};
    d.numClasses = 2;
    d.fixedValidationStart = 3;
    const lrlab::DataSplit s = lrlab::makeSplit(d, 0.2, 1);
    const double std0 = std::sqrt(200.0 / 3.0);
    QVERIFY(nearlyEqual(s.standardization.mean[0], 10.0));
    QVERIFY(nearlyEqual(s.standardization.std[0], std0));
    QCOMPARE(s.standardization.std[1], 1.0);
    const int rows[] = {3, 0};
    float out[4];
    lrlab::gatherStandardized(d, s.standardization, rows, 2, out);
    QCOMPARE(out[0], float((255.0 - 10.0) / std0));
    QCOMPARE(out[1], 0.0f);
    QCOMPARE(out[2], float(-10.0 / std0));
    QCOMPARE(out[3], 0.0f);
}

void TestDatasets::batchSampler_data()
{
    QTest::addColumn<int>("trainCount");
    QTest::addColumn<int>("batchSize");
    QTest::newRow("10-by-3") << 10 << 3;
    QTest::newRow("10-by-5") << 10 << 5;
    QTest::newRow("10-by-10") << 10 << 10;
    QTest::newRow("10-by-32") << 10 << 32;
    QTest::newRow("120-by-32") << 120 << 32;
    QTest::newRow("1-by-1") << 1 << 1;
    QTest::newRow("1437-by-64") << 1437 << 64;
}

void TestDatasets::batchSampler()
{
    QFETCH(int, trainCount);
    QFETCH(int, batchSize);
    const std::uint64_t seed = 77;
    // Arbitrary distinct dataset rows, not 0..n-1, so position and row cannot be confused.
    std::vector<int> trainRows;
    for (int i = 0; i < trainCount; ++i)
        trainRows.push_back(5000 - 3 * i);

    lrlab::BatchSampler sampler(trainRows, batchSize, seed);
    lrlab::BatchSampler twin(trainRows, batchSize, seed);
    const int perEpoch = (trainCount + batchSize - 1) / batchSize;
    QCOMPARE(sampler.batchesPerEpoch(), perEpoch);
    QCOMPARE(sampler.epoch(), -1);

    // The documented draw: epoch e is the e-th Rng(seed, kStreamBatches).permutation(n).
    lrlab::Rng reference(seed, lrlab::kStreamBatches);
    std::vector<std::vector<int>> epochs;
    for (int e = 0; e < 3; ++e) {
        const std::vector<int> perm = reference.permutation(trainCount);
        std::vector<int> expected;
        for (int p : perm)
            expected.push_back(trainRows[std::size_t(p)]);

        std::vector<int> seen;
        for (int b = 0; b < perEpoch; ++b) {
            const lrlab::Batch batch = sampler.next();
            const lrlab::Batch same = twin.next();
            QCOMPARE(sampler.epoch(), e);
            const int expectedCount =
                b + 1 < perEpoch ? batchSize : trainCount - batchSize * (perEpoch - 1);
            QCOMPARE(batch.count, expectedCount);
            QCOMPARE(same.count, batch.count);
            for (int i = 0; i < batch.count; ++i) {
                QCOMPARE(same.rows[i], batch.rows[i]);
                seen.push_back(batch.rows[i]);
            }
        }
        QCOMPARE(sorted(seen), sorted(trainRows)); // each epoch is a permutation of the rows
        QCOMPARE(seen, expected);
        epochs.push_back(seen);
    }
    if (trainCount >= 5) {
        QVERIFY(epochs[0] != epochs[1]); // reshuffled between epochs
        QVERIFY(epochs[1] != epochs[2]);
    }

    sampler.reset();
    const lrlab::Batch first = sampler.next();
    QCOMPARE(sampler.epoch(), 0);
    for (int i = 0; i < first.count; ++i)
        QCOMPARE(first.rows[i], epochs[0][std::size_t(i)]);

    lrlab::BatchSampler otherSeed(trainRows, batchSize, seed + 1);
    std::vector<int> otherEpoch;
    for (int b = 0; b < perEpoch; ++b) {
        const lrlab::Batch batch = otherSeed.next();
        otherEpoch.insert(otherEpoch.end(), batch.rows, batch.rows + batch.count);
    }
    if (trainCount >= 5)
        QVERIFY(otherEpoch != epochs[0]);
}

void TestDatasets::batchSamplerNoAllocation()
{
    std::vector<int> trainRows(1000);
    std::iota(trainRows.begin(), trainRows.end(), 0);
    lrlab::BatchSampler sampler(trainRows, 30, 5);
    // Counted at operator new, through which every standard container allocates.
    const long before = lrlab::test::newCalls();
    long long checksum = 0;
    for (int i = 0; i < 5000; ++i) { // 5000 batches: 150 epochs with their reshuffles
        const lrlab::Batch batch = sampler.next();
        checksum += batch.rows[0] + batch.count;
    }
    QCOMPARE(lrlab::test::newCalls() - before, 0L);
    QVERIFY(checksum > 0);
    QCOMPARE(sampler.epoch(), 5000 / 34); // 34 batches an epoch (33 of 30, then 10)
}

QTEST_GUILESS_MAIN(TestDatasets)
#include "tst_datasets.moc"
