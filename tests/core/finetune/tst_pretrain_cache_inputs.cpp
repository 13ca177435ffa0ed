// The pre-training cache as an input: a file with a valid checksum but non-finite weights was
// not written by lrlab and is rebuilt with a note naming it; a FIFO at the cache path is named,
// never opened for reading (which would block).
#include "core/datasets/dataset.h"
#include "core/finetune/pretrain_cache.h"
#include "tests/common/files.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace {

/// A recipe that trains in a moment.
lrlab::PretrainRecipe tinyRecipe()
{
    lrlab::PretrainRecipe recipe;
    recipe.hidden = {4};
    recipe.epochs = 1;
    return recipe;
}

bool allFinite(const std::vector<float>& values)
{
    return std::all_of(values.begin(), values.end(), [](float v) { return std::isfinite(v); });
}

} // namespace

class TestPretrainCacheInputs : public QObject
{
    Q_OBJECT

private slots:
    void forgedNonFiniteWeightsRebuilt();
    void fifoAtCachePathDoesNotBlock();
};

void TestPretrainCacheInputs::forgedNonFiniteWeightsRebuilt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const lrlab::Dataset iris = lrlab::loadDataset("iris");
    const lrlab::PretrainedModel first =
        lrlab::loadOrPretrain(tinyRecipe(), iris, dir.path().toStdString());
    QVERIFY(first.cacheWritten);

    // Forge: one weight NaN, the header's CRC-32 (bytes 24..27) recomputed over the payload.
    const QString path = QString::fromStdString(first.cacheFile);
    QByteArray bytes = lrlab::test::readFile(path);
    constexpr int kHeader = 32;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    std::memcpy(bytes.data() + kHeader + 3 * sizeof(float), &nan, sizeof nan);
    const auto crc = static_cast<quint32>(
        crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.constData() + kHeader),
              static_cast<uInt>(bytes.size() - kHeader)));
    std::memcpy(bytes.data() + 24, &crc, sizeof crc);
    QVERIFY(lrlab::test::writeAll(path, bytes));

    const lrlab::PretrainedModel second =
        lrlab::loadOrPretrain(tinyRecipe(), iris, dir.path().toStdString());
    QVERIFY(!second.loadedFromCache);
    QVERIFY(second.rejectedCache);
    QVERIFY2(QString::fromStdString(second.cacheProblem)
                 .startsWith(path + ": non-finite weight nan at index 3"),
             second.cacheProblem.c_str());
    QVERIFY(allFinite(second.parameters));
    QVERIFY(second.parameters == first.parameters); // rebuilt: the same weights as trained
}

void TestPretrainCacheInputs::fifoAtCachePathDoesNotBlock()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const lrlab::Dataset iris = lrlab::loadDataset("iris");
    const lrlab::PretrainedModel first =
        lrlab::loadOrPretrain(tinyRecipe(), iris, dir.path().toStdString());
    QVERIFY(QFile::remove(QString::fromStdString(first.cacheFile)));
    QVERIFY(::mkfifo(first.cacheFile.c_str(), 0600) == 0);

    const lrlab::PretrainedModel second =
        lrlab::loadOrPretrain(tinyRecipe(), iris, dir.path().toStdString());
    QVERIFY(second.rejectedCache);
    QVERIFY2(second.cacheProblem.find("is a FIFO (named pipe), not a regular file") !=
                 std::string::npos,
             second.cacheProblem.c_str());
    QVERIFY(second.parameters == first.parameters);
}

QTEST_APPLESS_MAIN(TestPretrainCacheInputs)
#include "tst_pretrain_cache_inputs.moc"
