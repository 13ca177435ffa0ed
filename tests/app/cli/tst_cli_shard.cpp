// A sweep across machines: `lrlab sweep … --shard K/N` run as N separate processes at once, then
// `lrlab merge` of their files, gives byte for byte the CSV of the unsharded sweep, for one shard,
// a few, and more shards than runs, and the same best run on standard error. Parts of other
// sweeps, duplicate, missing, truncated and edited parts and bad --shard values are refused with
// a message naming the file or the option, and a refused merge writes nothing.
#include "tests/common/files.h"
#include "tests/common/run_lrlab.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using lrlab::test::CliResult;
using lrlab::test::lrlabBinary;
using lrlab::test::readFile;
using lrlab::test::runLrlab;
using lrlab::test::verifyRefused;
using lrlab::test::writeFile;

namespace {

const char* kToyConfig = R"({"problem": {"type": "quadratic"}, "init": [1, 1], "steps": 100})";
const char* kModelConfig = R"({"problem": {"type": "mlp", "dataset": "iris", "hidden": [8],
    "batch_size": 16, "val_fraction": 0.2}, "optimizer": {"type": "adam"},
    "schedule": {"lr": 0.01}, "steps": 20, "eval_every": 10})";

/// The best-run line of a sweep's or a merge's standard error, without the "lrlab <cmd>: ".
QString bestRunLine(const QByteArray& err)
{
    static const QRegularExpression best("^lrlab \\w+: ((best by|every run).*)$",
                                         QRegularExpression::MultilineOption);
    return best.match(QString::fromUtf8(err)).captured(1);
}

/// The part file of shard k in dir.
QString partPath(const QString& dir, int k)
{
    return dir + "/part-" + QString::number(k) + ".csv";
}

/// Runs `lrlab <sweep> --shard K/N --out dir/part-K.csv` for K = 1..N as N processes at once,
/// each on one thread; true when every one exits with 0.
bool runShards(const QStringList& sweep, int n, const QString& dir)
{
    QDir().mkpath(dir);
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int k = 1; k <= n; ++k) {
        processes.push_back(std::make_unique<QProcess>());
        processes.back()->start(lrlabBinary(), sweep + QStringList{"--threads", "1", "--shard",
                                                                   QString("%1/%2").arg(k).arg(n),
                                                                   "--out", partPath(dir, k)});
    }
    bool ok = true;
    for (const auto& p : processes) {
        const bool finished = p->waitForFinished(120000);
        if (!finished || p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0) {
            qWarning() << p->arguments() << p->readAllStandardError();
            ok = false;
        }
    }
    return ok;
}

/// The part files of shards 1..n in dir, in reverse order (merge takes any order).
QStringList partsReversed(const QString& dir, int n)
{
    QStringList parts;
    for (int k = n; k >= 1; --k)
        parts << partPath(dir, k);
    return parts;
}

} // namespace

class TestCliShard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mergedShardsAreTheUnshardedSweep_data();
    void mergedShardsAreTheUnshardedSweep();
    void badPartsAreRefused_data();
    void badPartsAreRefused();
    void badShardIsRefused_data();
    void badShardIsRefused();

private:
    /// `lrlab sweep` of the toy config over 14 runs (7 rates × 2 momenta), with --target.
    QStringList toySweep(const QString& grid = "1e-3:1:7", const QString& target = "0.01") const;

    QTemporaryDir m_dir;
    QString m_toy;
    QString m_model;
};

void TestCliShard::initTestCase()
{
    lrlab::test::prepareCliTest(m_dir);
    m_toy = writeFile(m_dir, "toy.json", kToyConfig);
    m_model = writeFile(m_dir, "model.json", kModelConfig);
    // The parts that badPartsAreRefused combines: sweep a in 3 shards, the same sweep in 2,
    // sweeps that differ from a in the grid or the target, in 3, and shard 1 of 20 of a.
    QVERIFY(runShards(toySweep(), 3, m_dir.filePath("a3")));
    QVERIFY(runShards(toySweep(), 2, m_dir.filePath("a2")));
    QVERIFY(runShards(toySweep("1e-3:1:8"), 3, m_dir.filePath("grid")));
    QVERIFY(runShards(toySweep("1e-3:1:7", "0.1"), 3, m_dir.filePath("target")));
    QDir().mkpath(m_dir.filePath("a20"));
    QCOMPARE(runLrlab(toySweep() +
                      QStringList{"--shard", "1/20", "--out", partPath(m_dir.filePath("a20"), 1)})
                 .exitCode,
             0);
    const QByteArray part2 = readFile(partPath(m_dir.filePath("a3"), 2));
    QVERIFY(!part2.isEmpty());
    // Shard 2 with its last row cut off, and with another header.
    QVERIFY(lrlab::test::writeAll(m_dir.filePath("a3/short.csv"),
                                  part2.left(part2.lastIndexOf('\n', part2.size() - 2) + 1)));
    QByteArray renamed = part2;
    renamed.replace("val_acc", "val_accuracy");
    QVERIFY(lrlab::test::writeAll(m_dir.filePath("a3/header.csv"), renamed));
    const CliResult whole = runLrlab(toySweep() + QStringList{"--out", m_dir.filePath("a.csv")});
    QCOMPARE(whole.exitCode, 0);
}

QStringList TestCliShard::toySweep(const QString& grid, const QString& target) const
{
    return {"sweep",  "--config",       m_toy,      "--lr", grid,
            "--vary", "momentum=0,0.9", "--target", target};
}

void TestCliShard::mergedShardsAreTheUnshardedSweep_data()
{
    QTest::addColumn<bool>("model");
    QTest::addColumn<int>("shards");
    for (const int n : {1, 2, 3, 5, 20}) // 20: more shards than the 14 runs (6 are empty)
        QTest::addRow("toy, %d shards", n) << false << n;
    QTest::addRow("model with validation, 3 shards") << true << 3;
}

void TestCliShard::mergedShardsAreTheUnshardedSweep()
{
    QFETCH(bool, model);
    QFETCH(int, shards);
    const QStringList sweep =
        model ? QStringList{"sweep",  "--config",          m_model, "--lr", "1e-3:1:5",
                            "--vary", "optimizer=sgd,adam"}
              : toySweep();
    const QString dir = m_dir.filePath(QString("merge-%1-%2").arg(model).arg(shards));
    const QString whole = dir + "/whole.csv";
    QVERIFY(runShards(sweep, shards, dir));
    const CliResult unsharded = runLrlab(sweep + QStringList{"--threads", "2", "--out", whole});
    QCOMPARE(unsharded.exitCode, 0);
    const QString merged = dir + "/merged.csv";
    const CliResult merge =
        runLrlab(QStringList{"merge", "--out", merged} + partsReversed(dir, shards));
    QVERIFY2(merge.exitCode == 0, merge.err.constData());
    const QByteArray expected = readFile(whole);
    QVERIFY(expected.count('\n') > 10);
    QCOMPARE(readFile(merged), expected);
    // The best run of the whole sweep, as the unsharded sweep names it.
    QVERIFY(!bestRunLine(unsharded.err).isEmpty());
    QCOMPARE(bestRunLine(merge.err), bestRunLine(unsharded.err));
    if (model)
        QVERIFY(bestRunLine(merge.err).startsWith("best by validation loss"));
}

void TestCliShard::badPartsAreRefused_data()
{
    QTest::addColumn<QStringList>("parts");
    QTest::addColumn<QString>("message");
    const QString a = m_dir.filePath("a3");
    const QString p1 = partPath(a, 1), p2 = partPath(a, 2), p3 = partPath(a, 3);
    QTest::newRow("missing shard") << QStringList{p3, p1} << "missing shard 2/3";
    QTest::newRow("19 shards missing")
        << QStringList{partPath(m_dir.filePath("a20"), 1)}
        << "missing shard 2/20, 3/20, 4/20, 5/20, 6/20, 7/20, 8/20, 9/20, 10/20, 11/20, and 9 "
           "more of sweep ";
    QTest::newRow("duplicate shard") << QStringList{p1, p2, p3, partPath(m_dir.filePath("a3"), 2)}
                                     << p2 + ": shard 2/3 again (also " + p2 + ")";
    QTest::newRow("other grid") << QStringList{p1, partPath(m_dir.filePath("grid"), 2), p3}
                                << partPath(m_dir.filePath("grid"), 2) +
                                       ": a shard of another sweep than " + p1;
    QTest::newRow("other target") << QStringList{p1, p2, partPath(m_dir.filePath("target"), 3)}
                                  << partPath(m_dir.filePath("target"), 3) +
                                         ": a shard of another sweep than " + p1;
    QTest::newRow("other shard count")
        << QStringList{p1, partPath(m_dir.filePath("a2"), 2), p3}
        << partPath(m_dir.filePath("a2"), 2) + ": one of 2 shards, but " + p1 + " is one of 3";
    QTest::newRow("unsharded sweep") << QStringList{m_dir.filePath("a.csv")}
                                     << m_dir.filePath("a.csv") + ": not a shard of a sweep";
    QTest::newRow("row cut off") << QStringList{p1, m_dir.filePath("a3/short.csv"), p3}
                                 << m_dir.filePath("a3/short.csv") +
                                        ": 4 rows, but shard 2/3 of 14 runs has 5";
    QTest::newRow("other header") << QStringList{p1, m_dir.filePath("a3/header.csv"), p3}
                                  << m_dir.filePath("a3/header.csv") +
                                         ", line 2: another CSV header than " + p1;
    QTest::newRow("unreadable") << QStringList{p1, p2, p3, m_dir.filePath("none.csv")}
                                << m_dir.filePath("none.csv") + ": cannot read";
    QTest::newRow("no parts") << QStringList{} << "no part files given";
}

void TestCliShard::badPartsAreRefused()
{
    QFETCH(QStringList, parts);
    QFETCH(QString, message);
    const QString out = m_dir.filePath("refused.csv");
    const CliResult r = runLrlab(QStringList{"merge", "--out", out} + parts);
    QVERIFY(!QFile::exists(out));
    verifyRefused(r, message);
}

void TestCliShard::badShardIsRefused_data()
{
    QTest::addColumn<QString>("shard");
    QTest::addColumn<QString>("message");
    QTest::newRow("zero-based") << "0/3"
                                << "--shard: K must be 1..3 (shards count from 1)";
    QTest::newRow("past the end") << "4/3"
                                  << "--shard: K must be 1..3";
    QTest::newRow("no count") << "3"
                              << "--shard: expected K/N";
    QTest::newRow("negative") << "-1/3"
                              << "--shard: expected K/N";
    QTest::newRow("not numbers") << "a/b"
                                 << "--shard: expected K/N";
    QTest::newRow("no shards") << "0/0"
                               << "--shard: N must be 1..";
}

void TestCliShard::badShardIsRefused()
{
    QFETCH(QString, shard);
    QFETCH(QString, message);
    const QString out = m_dir.filePath("shard.csv");
    const CliResult r = runLrlab(toySweep() + QStringList{"--shard", shard, "--out", out});
    QVERIFY(!QFile::exists(out));
    verifyRefused(r, message);
}

QTEST_GUILESS_MAIN(TestCliShard)
#include "tst_cli_shard.moc"
