// The command line's limits and inputs, run as a user runs them: unknown options are errors
// that list the subcommands (Qt's own GUI options still open the window), inputs that are not
// regular files and configs over the memory or time limits are refused naming the file or key
// with the estimate, and SIGINT / SIGTERM stop a run with 130 / 143 and no output written.
#include "tests/common/files.h"
#include "tests/common/run_lrlab.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using lrlab::test::CliResult;
using lrlab::test::runLrlab;
using lrlab::test::verifyRefused;

class TestCliLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void unknownTopLevel_data();
    void unknownTopLevel();
    void qtGuiOptionOpensWindow();
    void refused_data();
    void refused();
    void varyChangesProblemFamily();
    void finetuneSizeAboveTrainingRows();
    void signalStopsRunWithoutOutput_data();
    void signalStopsRunWithoutOutput();
    void outOfMemoryNamesTheCommand();

private:
    /// Writes a config into the test's directory and returns its path.
    QString config(const QString& name, const QByteArray& json)
    {
        return lrlab::test::writeFile(m_dir, name, json);
    }

    QTemporaryDir m_dir;
};

void TestCliLimits::initTestCase()
{
    lrlab::test::prepareCliTest(m_dir);
    QVERIFY(::mkfifo(m_dir.filePath("fifo.json").toLocal8Bit().constData(), 0600) == 0);
}

void TestCliLimits::unknownTopLevel_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("misspelt-version") << QStringList{"--verison"} << "unknown option '--verison'";
    QTest::newRow("short-v") << QStringList{"-v"} << "unknown option '-v'";
    QTest::newRow("single-dash-word") << QStringList{"-x", "run"} << "unknown option '-x'";
    QTest::newRow("unknown-subcommand")
        << QStringList{"frobnicate"} << "unknown subcommand 'frobnicate'";
}

void TestCliLimits::unknownTopLevel()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliResult r = runLrlab(arguments);
    QVERIFY2(QString::fromUtf8(r.err).contains("sweep ") &&
                 QString::fromUtf8(r.err).contains("finetune "),
             r.err.constData()); // the subcommands are listed
    verifyRefused(r, message);
}

void TestCliLimits::qtGuiOptionOpensWindow()
{
    // -style is Qt's: the window opens (on the offscreen platform it stays open until killed).
    QProcess p;
    p.start(lrlab::test::lrlabBinary(), {"-style", "fusion"});
    QVERIFY(p.waitForStarted());
    QVERIFY2(!p.waitForFinished(3000), p.readAllStandardError().constData());
    p.kill();
    QVERIFY(p.waitForFinished());
}

void TestCliLimits::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString directory = m_dir.path();
    QTest::newRow("config-dev-zero") << QStringList{"run", "--config", "/dev/zero"}
                                     << "/dev/zero: is a character device, not a regular file";
    QTest::newRow("config-fifo") << QStringList{"run", "--config", m_dir.filePath("fifo.json")}
                                 << m_dir.filePath("fifo.json") +
                                        ": is a FIFO (named pipe), not a regular file";
    QTest::newRow("session-dev-urandom")
        << QStringList{"export", "--session", "/dev/urandom",         "--plot",
                       "loss",   "--out",     m_dir.filePath("x.png")}
        << "/dev/urandom: is a character device, not a regular file";
    QTest::newRow("dataset-directory")
        << QStringList{"run", "--config",
                       config("dir.json", R"({"problem": {"type": "mlp", "dataset": ")" +
                                              directory.toUtf8() + R"(/"}})")}
        << directory + "/: is a directory";
    QTest::newRow("hidden-1e6")
        << QStringList{"run", "--config",
                       config("wide.json", R"({"problem": {"type": "mlp", "hidden": [1000000]}})")}
        << "problem.hidden: [1000000] needs 286 MiB of parameters";
    QTest::newRow("hidden-65536x65536")
        << QStringList{"run", "--config",
                       config("square.json",
                              R"({"problem": {"type": "mlp", "hidden": [65536, 65536]}})")}
        << "problem.hidden: [65536, 65536] needs 16 GiB of parameters";
    QTest::newRow("steps-1e7-mlp")
        << QStringList{"run", "--config",
                       config("long.json", R"({"problem": {"type": "mlp"}, "steps": 1e7})")}
        << "steps: 10000000 steps would keep about 3.7 GiB of traces in memory";
    QTest::newRow("duplicate-key")
        << QStringList{"run", "--config", config("twice.json", "{\"steps\": 5,\n\"steps\": 6}")}
        << "duplicate key 'steps' at line 2";
    QTest::newRow("vary-names-value")
        << QStringList{"sweep",
                       "--config",
                       config("toy.json", R"({"steps": 5})"),
                       "--lr",
                       "1e-3:1e-2:2",
                       "--vary",
                       "problem.type=mlp,nosuch"}
        << "--vary: problem.type=nosuch: problem.type: unknown problem \"nosuch\"";
}

void TestCliLimits::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    verifyRefused(runLrlab(arguments), message);
}

void TestCliLimits::varyChangesProblemFamily()
{
    const QString path = config("mlp.json", R"({"problem": {"type": "mlp", "hidden": [4]},
                                                "steps": 5, "init": []})");
    const CliResult r = runLrlab(
        {"sweep", "--config", path, "--lr", "1e-3:1e-2:2", "--vary", "problem.type=mlp,booth"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> rows = lrlab::test::lines(r.out);
    QCOMPARE(rows.size(), 5);
    QVERIFY2(rows.at(3).contains(",booth,") && rows.at(1).contains(",mlp,"), r.out.constData());
}

void TestCliLimits::finetuneSizeAboveTrainingRows()
{
    verifyRefused(runLrlab({"finetune", "--lr", "1e-3:1e-1:2", "--sizes", "50,1000000"}),
                  "--sizes: 1000000 is more than the 1438 training rows of the target split");
}

void TestCliLimits::signalStopsRunWithoutOutput_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("name");
    QTest::newRow("sigint") << int(SIGINT) << 130 << "SIGINT";
    QTest::newRow("sigterm") << int(SIGTERM) << 143 << "SIGTERM";
}

void TestCliLimits::signalStopsRunWithoutOutput()
{
    QFETCH(int, signalNumber);
    QFETCH(int, exitCode);
    QFETCH(QString, name);
    const QString path = config("minutes.json", R"({"problem": {"type": "mlp", "hidden": [64]},
                                                    "steps": 5000000})");
    const QString traceDir = m_dir.filePath("trace-" + name);
    QProcess p;
    p.start(lrlab::test::lrlabBinary(), {"run", "--config", path, "--trace-dir", traceDir});
    QVERIFY(p.waitForStarted());
    QVERIFY2(!p.waitForFinished(1500), p.readAllStandardError().constData()); // still running
    QVERIFY(::kill(static_cast<pid_t>(p.processId()), signalNumber) == 0);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), exitCode);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains("lrlab run: interrupted by " + name + "; stopped, no output written"),
             qPrintable(err));
    QVERIFY(p.readAllStandardOutput().isEmpty());
    QVERIFY2(QDir(traceDir).isEmpty(), qPrintable(traceDir)); // nothing written (or no folder)
}

void TestCliLimits::outOfMemoryNamesTheCommand()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    QSKIP("a sanitizer reserves more address space than the limit this test sets");
#endif
    // Within the documented limits, but not within 250 MB of address space.
    const QString path =
        config("oom.json", R"({"problem": {"type": "mlp", "hidden": [20000]}, "steps": 3})");
    QProcess p;
    p.setChildProcessModifier([] {
        const rlimit limit{250ul << 20, 250ul << 20};
        setrlimit(RLIMIT_AS, &limit);
    });
    p.start(lrlab::test::lrlabBinary(), {"run", "--config", path});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains("lrlab run: out of memory (std::bad_alloc) while running 'lrlab run "
                          "--config " +
                          path + "'"),
             qPrintable(err));
    QVERIFY(p.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(TestCliLimits)
#include "tst_cli_limits.moc"
