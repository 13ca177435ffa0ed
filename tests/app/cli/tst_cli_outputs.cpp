// Where the command line writes: devices, FIFOs and standard output are written in place (never
// replaced), a full disk is named, the files of one output folder are replaced together and
// checked before any work, output option names share one scheme, the thread count follows the
// CPU affinity and the help texts stand alone.
#include "core/config/config_json.h"
#include "core/config/session.h"
#include "tests/common/files.h"
#include "tests/common/run_lrlab.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/types.h>

using lrlab::test::CliResult;
using lrlab::test::fileLines;
using lrlab::test::readFile;
using lrlab::test::runLrlab;
using lrlab::test::writeFile;

namespace {

const char* kToyConfig = R"({"problem": {"type": "rosenbrock"}, "optimizer": {"type": "sgd"},
    "schedule": {"lr": 0.001}, "steps": 20})";
const char* kModelConfig = R"({"problem": {"type": "mlp", "dataset": "iris", "hidden": [8],
    "batch_size": 16, "val_fraction": 0.2}, "optimizer": {"type": "adam"},
    "schedule": {"lr": 0.01}, "steps": 20, "eval_every": 10})";

bool isCharacterDevice(const QString& path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 && S_ISCHR(info.st_mode);
}

bool isFifo(const QString& path)
{
    struct stat info
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 && S_ISFIFO(info.st_mode);
}

/// "{config}", "{model}", "{session}" and "{out}" in arguments replaced.
QStringList substituted(QStringList arguments, const QMap<QString, QString>& values)
{
    for (QString& a : arguments)
        for (auto it = values.begin(); it != values.end(); ++it)
            a.replace(it.key(), it.value());
    return arguments;
}

} // namespace

class TestCliOutputs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void streamOutputWrittenInPlace_data();
    void streamOutputWrittenInPlace();
    void fullDiskNamed_data();
    void fullDiskNamed();
    void blockedFileStopsBeforeTheRun();
    void outputPathsCheckedFirst_data();
    void outputPathsCheckedFirst();
    void toyRunRemovesAModelRunsFiles();
    void surfaceRemovesAStaleCoarseGrid();
    void sweepWithoutVaryHasNoVaryColumn();
    void oldOptionNamesStillWork();
    void threadsFollowTheAffinity();
    void helpStandsAlone_data();
    void helpStandsAlone();
    void exportBudgetRefusedUpFront_data();
    void exportBudgetRefusedUpFront();

private:
    QMap<QString, QString> m_files;
    QTemporaryDir m_dir;
};

void TestCliOutputs::initTestCase()
{
    lrlab::test::prepareCliTest(m_dir);
    m_files["{config}"] = writeFile(m_dir, "toy.json", kToyConfig);
    m_files["{model}"] = writeFile(m_dir, "model.json", kModelConfig);
    lrlab::Session session;
    session.current = lrlab::parseRunConfig(kToyConfig, "current").config;
    m_files["{session}"] = m_dir.filePath("session.json");
    lrlab::saveSession(session, m_files["{session}"].toStdString());
}

void TestCliOutputs::streamOutputWrittenInPlace_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expectedStart"); // what the reader gets first

    QTest::newRow("run --out") << QStringList{"run", "--config", "{config}", "--out", "{out}"}
                               << QByteArray("step,lr,loss,x,y\n");
    QTest::newRow("schedule --out")
        << QStringList{"schedule", "--config", "{config}", "--out", "{out}"}
        << QByteArray("step,lr\n");
    QTest::newRow("sweep --out") << QStringList{"sweep",       "--config", "{config}", "--lr",
                                                "1e-3:1e-2:2", "--out",    "{out}"}
                                 << QByteArray("lr,status,");
    QTest::newRow("find-lr --summary")
        << QStringList{"find-lr", "--config", "{config}", "--iters", "20", "--summary", "{out}"}
        << QByteArray("{");
    QTest::newRow("surface --out")
        << QStringList{"surface", "--config", "{config}", "--grid", "4", "--out", "{out}"}
        << QByteArray("x,y,loss\n");
    QTest::newRow("finetune --out") << QStringList{"finetune", "--steps", "3", "--out", "{out}"}
                                    << QByteArray("method: full\n");
    QTest::newRow("export png --out")
        << QStringList{"export", "--session", "{session}", "--plot", "loss", "--format",
                       "png",    "--size",    "200x150",   "--out",  "{out}"}
        << QByteArray("\x89PNG");
    QTest::newRow("export gif --out")
        << QStringList{"export", "--session", "{session}", "--plot", "loss",  "--format", "gif",
                       "--size", "120x90",    "--frames",  "3",      "--out", "{out}"}
        << QByteArray("GIF89a");
}

/// Runs lrlab with "{out}" in arguments replaced by a fresh FIFO that a reader drains: true when
/// the run succeeded, the reader got what it wrote and the FIFO is still a FIFO. A build that
/// replaced its output files would fail here, so only then are /dev/null and /dev/full tried
/// (replacing them needs root, which a test may well have).
bool writesThroughFifo(const QStringList& arguments, const QMap<QString, QString>& files,
                       QByteArray* received = nullptr)
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath("fifo");
    if (::mkfifo(QFile::encodeName(fifo).constData(), 0600) != 0)
        return false;
    QProcess reader;
    reader.start("cat", {fifo});
    if (!reader.waitForStarted())
        return false;
    auto values = files;
    values["{out}"] = fifo;
    const CliResult r = runLrlab(substituted(arguments, values));
    if (!reader.waitForFinished(10000))
        reader.kill();
    const QByteArray got = reader.readAllStandardOutput();
    if (received != nullptr)
        *received = got;
    if (r.exitCode != 0)
        qWarning("%s", r.err.constData());
    return r.exitCode == 0 && !got.isEmpty() && isFifo(fifo);
}

void TestCliOutputs::streamOutputWrittenInPlace()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expectedStart);

    QByteArray received;
    QVERIFY2(writesThroughFifo(arguments, m_files, &received),
             "the output FIFO was not written in place");
    QVERIFY(received.startsWith(expectedStart));

    QVERIFY(isCharacterDevice("/dev/null"));
    auto values = m_files;
    values["{out}"] = "/dev/null";
    const CliResult n = runLrlab(substituted(arguments, values));
    QVERIFY2(n.exitCode == 0, n.err.constData());
    QVERIFY2(isCharacterDevice("/dev/null"), "/dev/null is no longer a character device");
}

void TestCliOutputs::fullDiskNamed_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named"); // the file the message names
    QTest::newRow("run --out /dev/full")
        << QStringList{"run", "--config", "{config}", "--out", "/dev/full"} << "/dev/full";
    QTest::newRow("standard output on /dev/full")
        << QStringList{"run", "--config", "{config}"} << "standard output";
    QTest::newRow("export --out /dev/full")
        << QStringList{"export",   "--session", "{session}", "--plot",   "lr",
                       "--format", "svg",       "--out",     "/dev/full"}
        << "/dev/full";
}

void TestCliOutputs::fullDiskNamed()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    // Only a build that writes this very command's output in place may be pointed at
    // /dev/full (another would replace the device with a regular file).
    if (arguments.contains("/dev/full")) {
        QStringList probe = arguments;
        probe.replaceInStrings("/dev/full", "{out}");
        QVERIFY2(writesThroughFifo(probe, m_files), "outputs are replaced: not trying /dev/full");
    }
    QProcess p;
    p.setStandardOutputFile("/dev/full"); // opened by QProcess, never replaced
    p.start(lrlab::test::lrlabBinary(), substituted(arguments, m_files));
    QVERIFY(p.waitForFinished(120000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains(named + ": the disk is full"), qPrintable(err));
    QVERIFY(isCharacterDevice("/dev/full"));
}

void TestCliOutputs::blockedFileStopsBeforeTheRun()
{
    // final.csv is a folder: nothing may be written (no trace.csv, no init.csv) and the run
    // must not start (no summary printed).
    const QString out = m_dir.filePath("blocked");
    QVERIFY(QDir().mkpath(out + "/final.csv"));
    const CliResult r = runLrlab({"run", "--config", m_files["{config}"], "--out-dir", out});
    lrlab::test::verifyRefused(r, out + "/final.csv: is a folder");
    QCOMPARE(QDir(out).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
             QStringList{"final.csv"});
}

void TestCliOutputs::outputPathsCheckedFirst_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString missing = "/nonexistent-lrlab-folder/x.out";
    const QString file = "{config}"; // a regular file where a folder is asked for
    const QString folder = m_dir.path();
    QTest::newRow("find-lr --summary in a missing folder")
        << QStringList{"find-lr", "--config", "{model}", "--summary", missing}
        << "--summary: " + missing +
               ": cannot write: the folder /nonexistent-lrlab-folder does "
               "not exist";
    QTest::newRow("find-lr --out-dir is a file")
        << QStringList{"find-lr", "--config", "{model}", "--out-dir", file}
        << "--out-dir: " + file + ": is not a folder";
    QTest::newRow("run --out is a folder")
        << QStringList{"run", "--config", "{model}", "--out", folder}
        << "--out: " + folder + ": is a folder, not a file";
    QTest::newRow("surface --out-dir is a file")
        << QStringList{"surface", "--config", "{model}", "--grid", "4", "--out-dir", file}
        << "--out-dir: " + file + ": is not a folder";
    QTest::newRow("sweep --out in a missing folder")
        << QStringList{"sweep", "--config", "{model}", "--lr", "1e-3:1e-2:2", "--out", missing}
        << "--out: " + missing;
    QTest::newRow("finetune --out is a folder")
        << QStringList{"finetune", "--lr", "1e-3:1e-2:4", "--out", folder}
        << "--out: " + folder + ": is a folder";
    QTest::newRow("export --out in a missing folder")
        << QStringList{"export",   "--session", "{session}", "--plot", "loss",
                       "--format", "png",       "--out",     missing}
        << "--out: " + missing;
}

void TestCliOutputs::outputPathsCheckedFirst()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    message.replace("{config}", m_files["{config}"]);
    QElapsedTimer timer;
    timer.start();
    const CliResult r = runLrlab(substituted(arguments, m_files));
    // Refused before any work: no output, and well under the time of the work.
    QVERIFY2(timer.elapsed() < 5000, "the output path was checked after the work");
    lrlab::test::verifyRefused(r, message);
}

void TestCliOutputs::toyRunRemovesAModelRunsFiles()
{
    const QString out = m_dir.filePath("shared");
    QVERIFY(runLrlab({"run", "--config", m_files["{model}"], "--out-dir", out}).exitCode == 0);
    QVERIFY(QFile::exists(out + "/batches.csv") && QFile::exists(out + "/split.csv"));
    QFile notes(out + "/notes.txt");
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("mine\n");
    notes.close();

    const CliResult r = runLrlab({"run", "--config", m_files["{config}"], "--out-dir", out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QStringList left = QDir(out).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden);
    left.sort();
    QCOMPARE(left,
             (QStringList{"final.csv", "init.csv", "notes.txt", "summary.json", "trace.csv"}));
    QCOMPARE(fileLines(out + "/trace.csv").first(), QByteArray("step,lr,loss,x,y"));
    QCOMPARE(readFile(out + "/notes.txt"), QByteArray("mine\n"));
}

void TestCliOutputs::surfaceRemovesAStaleCoarseGrid()
{
    const QString out = m_dir.filePath("surface");
    const QStringList base{"surface",   "--config", m_files["{config}"], "--grid", "6",
                           "--out-dir", out};
    QCOMPARE(runLrlab(base + QStringList{"--coarse", "3"}).exitCode, 0);
    QVERIFY(QFile::exists(out + "/coarse.csv"));
    QCOMPARE(runLrlab(base).exitCode, 0);
    QVERIFY(!QFile::exists(out + "/coarse.csv"));
    QCOMPARE(fileLines(out + "/grid.csv").size(), 1 + 6 * 6);
}

void TestCliOutputs::sweepWithoutVaryHasNoVaryColumn()
{
    const CliResult r = runLrlab({"sweep", "--config", m_files["{config}"], "--lr", "1e-3:1e-2:3"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> rows = lrlab::test::lines(r.out);
    QCOMPARE(rows.size(), 1 + 3);
    QCOMPARE(rows.first(), QByteArray("lr,status,diverged,steps,final_loss,best_loss,val_loss,"
                                      "val_acc,steps_to_target"));
    for (const QByteArray& row : rows)
        QCOMPARE(row.count(','), rows.first().count(','));
}

void TestCliOutputs::oldOptionNamesStillWork()
{
    // --trace-dir is the old name of run's and find-lr's --out-dir: same files, and the help
    // shows both names.
    const QString viaOld = m_dir.filePath("old-name");
    const QString viaNew = m_dir.filePath("new-name");
    QCOMPARE(runLrlab({"find-lr", "--config", m_files["{model}"], "--iters", "10", "--trace-dir",
                       viaOld})
                 .exitCode,
             0);
    QCOMPARE(
        runLrlab({"find-lr", "--config", m_files["{model}"], "--iters", "10", "--out-dir", viaNew})
            .exitCode,
        0);
    for (const char* name : {"init.csv", "batches.csv", "split.csv"}) {
        QVERIFY(!readFile(viaOld + "/" + name).isEmpty());
        QCOMPARE(readFile(viaOld + "/" + name), readFile(viaNew + "/" + name));
    }
    for (const char* command : {"run", "find-lr"}) {
        const CliResult help = runLrlab({command, "--help"});
        QVERIFY2(help.out.contains("--out-dir, --trace-dir <D>"), help.out.constData());
    }
}

void TestCliOutputs::threadsFollowTheAffinity()
{
    const QString taskset = QStandardPaths::findExecutable("taskset");
    if (taskset.isEmpty())
        QSKIP("taskset (util-linux) is not installed");
    QProcess p;
    p.start(taskset, {"-c", "0", lrlab::test::lrlabBinary(), "sweep", "--config",
                      m_files["{config}"], "--lr", "1e-3:1e-2:4"});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(" runs on 1 threads"), qPrintable(err));
}

void TestCliOutputs::helpStandsAlone_data()
{
    QTest::addColumn<QString>("command");
    for (const char* c : {"run", "schedule", "find-lr", "sweep", "surface", "finetune", "export"})
        QTest::newRow(c) << QString(c);
}

void TestCliOutputs::helpStandsAlone()
{
    QFETCH(QString, command);
    const CliResult r = runLrlab({command, "--help"});
    QCOMPARE(r.exitCode, 0);
    // No reference to a document outside the repository.
    QVERIFY2(!r.out.contains("DESIGN") && !r.out.contains("STYLE"), r.out.constData());
    // Every option that writes a file is --out, --out-dir or --summary (old names as aliases).
    static const QRegularExpression option(QStringLiteral("^\\s+(--[a-z-]+)"),
                                           QRegularExpression::MultilineOption);
    for (auto it = option.globalMatch(QString::fromUtf8(r.out)); it.hasNext();) {
        const QString name = it.next().captured(1);
        QVERIFY2(!name.endsWith("-dir") || name == "--out-dir", qPrintable(name));
    }
}

void TestCliOutputs::exportBudgetRefusedUpFront_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("gif 10000 frames at 16000x16000")
        << QStringList{"--format", "gif", "--frames", "10000", "--size", "16000x16000"}
        << "export: 10000 frames of 16000x16000 pixels needs about 2.62 GiB of memory a frame; "
           "the limit is 2 GiB";
    QTest::newRow("gif 10000 frames at 2000x2000")
        << QStringList{"--format", "gif", "--frames", "10000", "--size", "2000x2000"}
        << "export: 10000 frames of 2000x2000 pixels would draw 4e+10 pixels; the limit is "
           "2e+09 (at most 500 frames at this size)";
    QTest::newRow("png 16000x16000 at scale 2")
        << QStringList{"--format", "png", "--scale", "2", "--size", "16000x16000"}
        << "needs about 7.63 GiB of memory a frame; the limit is 2 GiB";
}

void TestCliOutputs::exportBudgetRefusedUpFront()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString out = m_dir.filePath("budget.out");
    QElapsedTimer timer;
    timer.start();
    const CliResult r = runLrlab(
        QStringList{"export", "--session", m_files["{session}"], "--plot", "loss", "--out", out} +
        arguments);
    QVERIFY2(timer.elapsed() < 20000, "the export was not refused up front");
    lrlab::test::verifyRefused(r, message);
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestCliOutputs)
#include "tst_cli_outputs.moc"
