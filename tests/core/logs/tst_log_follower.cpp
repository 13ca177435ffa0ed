// Following a log as it is written: only appended bytes are read; a record or line cut in the
// middle is read once complete; a corrupt record is skipped and counted; a replaced or
// truncated file starts over; a half-written trainer_state.json waits.
#include "core/logs/log_analysis.h"
#include "core/logs/log_follower.h"
#include "tests/common/files.h"
#include "tests/common/tfrecord_bytes.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace lrlab;
using lrlab::test::readFile;
using lrlab::test::recordOffsets;
using lrlab::test::writeAll;

namespace {

const char* kEventFixture = "/tests/data/logs/tb_digits_mlp_warmup_cosine/"
                            "events.out.tfevents.1796409267.vm.432.2";

bool appendAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Append) && file.write(bytes) == bytes.size();
}

LogSource source(const QString& path, LogFormat format)
{
    return {path.toStdString(), format, {path.toStdString()}, ""};
}

/// The points of a complete read of bytes written as a file of format.
std::size_t completePoints(const QTemporaryDir& dir, const QByteArray& bytes, LogFormat format)
{
    const QString path = dir.filePath("reference");
    if (!writeAll(path, bytes))
        return 0;
    return readLog(source(path, format)).pointCount();
}

} // namespace

class TestLogFollower : public QObject
{
    Q_OBJECT

private slots:
    void eventRecordCutInTheMiddle_data()
    {
        QTest::addColumn<int>("cutRecord"); // the record the cut falls into
        QTest::addColumn<int>("cutInto");   // bytes of it written
        QTest::newRow("inside the header") << 40 << 5;
        QTest::newRow("inside the data") << 41 << 20;
        QTest::newRow("inside the data CRC") << 500 << -2; // all but the last 2 bytes
    }

    void eventRecordCutInTheMiddle()
    {
        QFETCH(int, cutRecord);
        QFETCH(int, cutInto);
        QTemporaryDir dir;
        const QByteArray full = readFile(QStringLiteral(LRLAB_SOURCE_DIR) + kEventFixture);
        const QList<qsizetype> at = recordOffsets(full);
        QVERIFY(at.size() > cutRecord + 1);
        const qsizetype cut = cutInto >= 0 ? at[cutRecord] + cutInto : at[cutRecord + 1] + cutInto;
        const std::size_t before =
            completePoints(dir, full.left(at[cutRecord]), LogFormat::TensorBoard);
        const std::size_t all = completePoints(dir, full, LogFormat::TensorBoard);
        QVERIFY(before > 0 && before < all);

        const QString path = dir.filePath("events.out.tfevents.follow");
        QVERIFY(writeAll(path, full.left(cut)));
        LogFollower follower(source(path, LogFormat::TensorBoard));
        const LogRefresh first = follower.refresh();
        QCOMPARE(first.newPoints, before);
        QVERIFY(follower.run().problems.empty()); // a cut record is no error while following
        QCOMPARE(follower.refresh().newPoints, std::size_t(0));
        QVERIFY(appendAll(path, full.mid(cut)));
        const LogRefresh second = follower.refresh();
        QVERIFY(!second.restarted);
        QCOMPARE(second.newPoints, all - before);
        QCOMPARE(follower.run().pointCount(), all);
        QCOMPARE(follower.run().skippedRecords, 0);
    }

    void corruptAppendedRecordIsSkippedAndCounted()
    {
        QTemporaryDir dir;
        const QByteArray full = readFile(QStringLiteral(LRLAB_SOURCE_DIR) + kEventFixture);
        const QList<qsizetype> at = recordOffsets(full);
        const QString path = dir.filePath("events.out.tfevents.crc");
        QVERIFY(writeAll(path, full.left(at[100])));
        LogFollower follower(source(path, LogFormat::TensorBoard));
        const std::size_t before = follower.refresh().newPoints;
        QByteArray rest = full.mid(at[100]);
        rest[14] = static_cast<char>(rest[14] ^ 0x01); // record 101's data
        QVERIFY(appendAll(path, rest));
        const LogRefresh refresh = follower.refresh();
        QCOMPARE(follower.run().skippedRecords, 1);
        QCOMPARE(refresh.newProblems, std::size_t(1));
        QVERIFY(QString::fromStdString(follower.run().problems.front().text())
                    .contains(path + ": record 101 at byte " + QString::number(at[100])));
        // Every record but the corrupt one: the complete file less that record's points.
        QByteArray without = full;
        without.remove(at[100], at[101] - at[100]);
        QCOMPARE(before + refresh.newPoints, completePoints(dir, without, LogFormat::TensorBoard));
    }

    void replacedOrTruncatedStartsOver_data()
    {
        QTest::addColumn<bool>("replace");
        QTest::newRow("truncated") << false;
        QTest::newRow("replaced") << true;
    }

    void replacedOrTruncatedStartsOver()
    {
        QFETCH(bool, replace);
        QTemporaryDir dir;
        const QByteArray full = readFile(QStringLiteral(LRLAB_SOURCE_DIR) + kEventFixture);
        const QList<qsizetype> at = recordOffsets(full);
        const QString path = dir.filePath("events.out.tfevents.r");
        QVERIFY(writeAll(path, full));
        LogFollower follower(source(path, LogFormat::TensorBoard));
        follower.refresh();
        const QByteArray shorter = full.left(at[50]);
        if (replace) {
            // A new file renamed over the old one: a new inode, even when it is longer.
            QVERIFY(writeAll(dir.filePath("new"), full + full.mid(at[1])));
            QVERIFY(std::rename(qPrintable(dir.filePath("new")), qPrintable(path)) == 0);
        } else {
            QVERIFY(writeAll(path, shorter)); // truncated in place
        }
        const LogRefresh refresh = follower.refresh();
        QVERIFY(refresh.restarted);
        const QByteArray now = readFile(path);
        QCOMPARE(follower.run().pointCount(), completePoints(dir, now, LogFormat::TensorBoard));
        QCOMPARE(refresh.newPoints, follower.run().pointCount());
    }

    void csvPartialLineWaits()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.csv");
        QVERIFY(writeAll(path, "step,train_loss\n1,0.9\n2,0.8"));
        LogFollower follower(source(path, LogFormat::Csv));
        QCOMPARE(follower.refresh().newPoints, std::size_t(1));
        QVERIFY(appendAll(path, "5\n3,0.7\n"));
        QCOMPARE(follower.refresh().newPoints, std::size_t(2));
        const ScalarSeries& loss = follower.run().series.at("train_loss");
        QCOMPARE(loss[1].step, std::int64_t(2));
        QCOMPARE(loss[1].value, 0.85);
        // Complete mode reads a last line without its line break.
        QCOMPARE(readLog(source(path, LogFormat::Csv)).pointCount(), std::size_t(3));
        QVERIFY(writeAll(path, "step,train_loss\n1,0.9\n2,0.8"));
        QCOMPARE(readLog(source(path, LogFormat::Csv)).pointCount(), std::size_t(2));
    }

    void csvRewrittenInPlaceStartsOver()
    {
        // Lightning rewrites metrics.csv with a new header when a new metric appears: the same
        // inode, and longer than before.
        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.csv");
        QVERIFY(writeAll(path, "step,train_loss\n1,0.9\n2,0.8\n"));
        LogFollower follower(source(path, LogFormat::Csv));
        QCOMPARE(follower.refresh().newPoints, std::size_t(2));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite)); // in place, no truncation
        file.write("step,train_loss,val_loss\n1,0.9,\n2,0.8,\n3,,1.5\n4,0.6,\n");
        file.close();
        const LogRefresh refresh = follower.refresh();
        QVERIFY(refresh.restarted);
        QCOMPARE(follower.run().series.at("train_loss").size(), std::size_t(3));
        QCOMPARE(follower.run().series.at("val_loss").size(), std::size_t(1));
        QVERIFY(follower.run().problems.empty());
    }

    void halfWrittenJsonIsNotCompleteYet()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("trainer_state.json");
        const QByteArray one = "{\"log_history\": [{\"step\": 5, \"loss\": 2.5}";
        QVERIFY(writeAll(path, one + "]}"));
        LogFollower follower(source(path, LogFormat::TrainerState));
        QCOMPARE(follower.refresh().newPoints, std::size_t(1));
        QVERIFY(writeAll(path, one + ", {\"step\": 10, \"lo"));
        const LogRefresh waiting = follower.refresh();
        QCOMPARE(waiting.newPoints, std::size_t(0));
        QCOMPARE(waiting.newProblems, std::size_t(0));
        QCOMPARE(follower.run().series.at("loss").size(), std::size_t(1));
        QVERIFY(writeAll(path, one + ", {\"step\": 10, \"loss\": 2.0}]}"));
        QCOMPARE(follower.refresh().newPoints, std::size_t(1));
        QCOMPARE(follower.run().series.at("loss").back().value, 2.0);
    }

    void vanishedFileKeepsWhatWasRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.csv");
        QVERIFY(writeAll(path, "step,loss\n1,0.9\n"));
        LogFollower follower(source(path, LogFormat::Csv));
        follower.refresh();
        QVERIFY(QFile::remove(path));
        follower.refresh();
        follower.refresh();
        QCOMPARE(follower.run().pointCount(), std::size_t(1));
        QCOMPARE(follower.run().problems.size(), std::size_t(1)); // named once, not per poll
        QVERIFY(QString::fromStdString(follower.run().problems.front().text())
                    .contains(path + ": cannot read"));
    }

    void newEventFileInRunDirectoryIsMerged_data()
    {
        QTest::addColumn<int>("firstWrite"); // bytes of the new file written at first (-1: all)
        QTest::newRow("written at once") << -1;
        QTest::newRow("first record header cut") << 7;
        QTest::newRow("created empty") << 0;
    }

    void newEventFileInRunDirectoryIsMerged()
    {
        QFETCH(int, firstWrite);
        QTemporaryDir dir;
        const QByteArray full = readFile(QStringLiteral(LRLAB_SOURCE_DIR) + kEventFixture);
        const QList<qsizetype> at = recordOffsets(full);
        QVERIFY(at.size() > 400);
        // A run restarted at record 300 (from a checkpoint at a step before the last one it
        // logged): the new file starts with the file-version record, then logs from there on.
        const qsizetype restart = at[300];
        const QByteArray first = full.left(at[400]);
        const QByteArray second = full.left(at[1]) + full.mid(restart);
        QVERIFY(QDir(dir.path()).mkdir("run"));
        const QString firstPath = dir.filePath("run/events.out.tfevents.1796409267.vm.432.2");
        const QString secondPath = dir.filePath("run/events.out.tfevents.1796409999.vm.433.2");
        QVERIFY(writeAll(firstPath, first));
        QVERIFY(writeAll(dir.filePath("run/notes.txt"), "not a log\n"));
        LogFollower follower({dir.filePath("run").toStdString(),
                              LogFormat::TensorBoard,
                              {firstPath.toStdString()},
                              ""});
        const std::size_t firstPoints = follower.refresh().newPoints;
        QCOMPARE(firstPoints, completePoints(dir, first, LogFormat::TensorBoard));

        if (firstWrite >= 0) {
            QVERIFY(writeAll(secondPath, second.left(firstWrite)));
            const LogRefresh waiting = follower.refresh();
            QCOMPARE(waiting.newPoints, std::size_t(0));
            QVERIFY(follower.run().problems.empty());
            QVERIFY(appendAll(secondPath, second.mid(firstWrite)));
        } else {
            QVERIFY(writeAll(secondPath, second));
        }
        const LogRefresh refresh = follower.refresh();
        QCOMPARE(follower.run().source.files.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(follower.run().source.files.back()), secondPath);
        // Only the new file's points: the first file is not read again.
        QCOMPARE(refresh.newPoints, completePoints(dir, second, LogFormat::TensorBoard));
        // An empty file named like an event file is taken up at once, a cut header once whole.
        QCOMPARE(refresh.newFiles, firstWrite == 0 ? std::size_t(0) : std::size_t(1));
        QVERIFY(follower.run().problems.empty());
        // Merged by step, the restarted run's values win: the series of the whole log.
        const LogRun whole =
            readLog({firstPath.toStdString(),
                     LogFormat::TensorBoard,
                     {(QStringLiteral(LRLAB_SOURCE_DIR) + kEventFixture).toStdString()},
                     ""});
        for (const char* tag : {"train/loss", "lr", "val/loss"}) {
            const LoggedSeries merged = loggedSeries(follower.run().series.at(tag));
            const LoggedSeries expected = loggedSeries(whole.series.at(tag));
            QCOMPARE(merged.size(), expected.size());
            QCOMPARE(merged.back().step, expected.back().step);
            QCOMPARE(merged.back().value, expected.back().value);
        }
        QCOMPARE(follower.refresh().newFiles, std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestLogFollower)
#include "tst_log_follower.moc"
