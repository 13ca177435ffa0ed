// Every subcommand's machine-readable output is byte-identical under LC_ALL=C and under a
// locale with a decimal comma (de_DE.UTF-8; generated with localedef when not installed): the
// binary is run twice, in two folders with the same relative paths, and stdout and every
// output file are compared byte for byte. Options with decimals (--lr 1e-3:1e-1:3, --box) are
// read the same way in both.
#include "tests/common/comma_locale.h"
#include "tests/common/files.h"
#include "tests/common/run_lrlab.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using lrlab::test::CliResult;
using lrlab::test::CommaLocale;
using lrlab::test::readFile;
using lrlab::test::runLrlab;

namespace {

const QByteArray kToy = R"({"problem": {"type": "rosenbrock"}, "init": [-1.5, 2],
                            "optimizer": {"type": "adam"}, "schedule": {"lr": 0.03},
                            "steps": 30})";
const QByteArray kDigitsMlp = R"({"problem": {"type": "mlp", "dataset": "digits",
                                  "hidden": [8], "batch_size": 16, "val_fraction": 0.25},
                                  "optimizer": {"type": "sgd", "momentum": 0.9},
                                  "schedule": {"lr": 0.05, "warmup_steps": 3, "decay": "cosine"},
                                  "steps": 25, "eval_every": 10})";
const QByteArray kSchedule = R"({"problem": {"type": "quadratic"}, "steps": 40,
                                 "schedule": {"lr": 0.1, "warmup_steps": 5,
                                              "warmup_start_factor": 0.25, "decay": "cosine",
                                              "min_lr": 0.001}})";

} // namespace

class TestLocaleOutput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameBytesInEveryLocale_data();
    void sameBytesInEveryLocale();

private:
    /// Runs arguments in folder m_dir/<tag>/<locale> holding config.json, with LC_ALL from env.
    CliResult runIn(const QString& folder, const QStringList& arguments, const QByteArray& config,
                    const QProcessEnvironment& env);

    QTemporaryDir m_dir;
    CommaLocale m_comma;
};

void TestLocaleOutput::initTestCase()
{
    lrlab::test::prepareCliTest(m_dir);
    m_comma = lrlab::test::findCommaLocale(m_dir.filePath("locales"));
    QVERIFY2(m_comma.error.isEmpty(), qPrintable(m_comma.error));
}

void TestLocaleOutput::sameBytesInEveryLocale_data()
{
    QTest::addColumn<QStringList>("arguments"); // config.json is the config file
    QTest::addColumn<QByteArray>("config");     // empty: no config file
    QTest::addColumn<QStringList>("files");     // output files, relative to the run's folder
    const QStringList config{"--config", "config.json"};
    const QStringList runFiles{"out/trace.csv", "out/init.csv", "out/final.csv",
                               "out/summary.json"};
    QTest::newRow("run-toy-stdout") << QStringList{"run"} + config << kToy << QStringList{};
    QTest::newRow("run-toy-trace-dir")
        << QStringList{"run"} + config + QStringList{"--trace-dir", "out"} << kToy << runFiles;
    QTest::newRow("run-digits-mlp-trace-dir")
        << QStringList{"run"} + config + QStringList{"--trace-dir", "out"} << kDigitsMlp
        << runFiles + QStringList{"out/batches.csv", "out/split.csv"};
    QTest::newRow("schedule") << QStringList{"schedule"} + config << kSchedule << QStringList{};
    QTest::newRow("find-lr-toy-summary")
        << QStringList{"find-lr"} + config +
               QStringList{"--iters", "40",         "--start-lr", "1e-5",      "--end-lr",
                           "0.5",     "--smooth-f", "0.05",       "--summary", "summary.json"}
        << kToy << QStringList{"summary.json"};
    QTest::newRow("find-lr-mlp-summary")
        << QStringList{"find-lr"} + config +
               QStringList{"--iters", "30", "--summary", "summary.json", "--trace-dir", "out"}
        << kDigitsMlp << QStringList{"summary.json", "out/init.csv"};
    QTest::newRow("sweep-toy") << QStringList{"sweep"} + config +
                                      QStringList{
                                          "--lr",     "1e-3:1e-1:3", "--vary",    "momentum=0,0.5",
                                          "--target", "0.25",        "--threads", "2"}
                               << kToy << QStringList{};
    QTest::newRow("sweep-mlp") << QStringList{"sweep"} + config +
                                      QStringList{"--lr", "0.01:0.1:2", "--threads", "2"}
                               << kDigitsMlp << QStringList{};
    QTest::newRow("surface-toy") << QStringList{"surface"} + config +
                                        QStringList{"--grid", "5", "--box=-1.5,1.5,-0.5,2.5",
                                                    "--out-dir", "out"}
                                 << kToy
                                 << QStringList{"out/grid.csv", "out/trajectory.csv",
                                                "out/plane.json"};
    QTest::newRow("surface-mlp-pca")
        << QStringList{"surface"} + config +
               QStringList{"--grid", "4", "--plane", "pca", "--coarse", "2", "--out-dir", "out"}
        << kDigitsMlp
        << QStringList{"out/grid.csv", "out/coarse.csv", "out/trajectory.csv", "out/plane.json"};
    // The pre-training cache lives in each run's folder (LRLAB_CACHE_DIR=cache): its file name,
    // the cache key, is printed, so equal outputs mean equal keys.
    QTest::newRow("finetune-one-run")
        << QStringList{"finetune", "--method", "lora", "--lr", "0.015", "--steps", "10"}
        << QByteArray() << QStringList{};
    QTest::newRow("finetune-sweep")
        << QStringList{"finetune", "--lr",      "1e-3:1e-2:2", "--sizes", "50",          "--steps",
                       "10",       "--threads", "2",           "--out",   "finetune.csv"}
        << QByteArray() << QStringList{"finetune.csv"};
}

CliResult TestLocaleOutput::runIn(const QString& folder, const QStringList& arguments,
                                  const QByteArray& config, const QProcessEnvironment& env)
{
    QDir().mkpath(folder);
    if (!config.isEmpty() && !lrlab::test::writeAll(folder + "/config.json", config))
        return {};
    return runLrlab(arguments, env, folder);
}

void TestLocaleOutput::sameBytesInEveryLocale()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, config);
    QFETCH(QStringList, files);
    QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
    base.remove("LANG");
    base.remove("LC_NUMERIC");
    base.insert("LRLAB_CACHE_DIR", "cache");
    QProcessEnvironment c = base;
    c.insert("LC_ALL", "C");
    const QString tag = QTest::currentDataTag();

    const QString cFolder = m_dir.filePath(tag + "/C");
    const QString commaFolder = m_dir.filePath(tag + "/comma");
    const CliResult inC = runIn(cFolder, arguments, config, c);
    QVERIFY2(inC.exitCode == 0, inC.err.constData());
    const CliResult inComma = runIn(commaFolder, arguments, config, m_comma.environment(base));
    QVERIFY2(inComma.exitCode == 0, inComma.err.constData());

    // Not vacuous: the output holds numbers with decimals.
    QByteArray all = inC.out;
    for (const QString& file : files)
        all += readFile(cFolder + "/" + file);
    QVERIFY2(all.contains('.'), "the outputs hold no decimal numbers");

    QCOMPARE(inComma.out, inC.out);
    for (const QString& file : files) {
        const QByteArray expected = readFile(cFolder + "/" + file);
        QVERIFY2(!expected.isEmpty(), qPrintable(file + " is missing or empty"));
        QCOMPARE(readFile(commaFolder + "/" + file), expected);
    }
}

QTEST_GUILESS_MAIN(TestLocaleOutput)
#include "tst_locale_output.moc"
