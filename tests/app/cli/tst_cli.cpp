// The command line, run as a user runs it (the lrlab binary in a QProcess): CSV headers and row
// counts, numbers that round-trip to the core's exact values, and exit status 2 with a message
// that names the problem on bad input.
#include "core/config/config_json.h"
#include "core/engine/toy_run.h"
#include "core/schedules/schedule.h"
#include "tests/common/files.h"
#include "tests/common/run_lrlab.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using lrlab::test::CliResult;
using lrlab::test::fileLines;
using lrlab::test::lines;
using lrlab::test::readFile;
using lrlab::test::runLrlab;
using lrlab::test::writeFile;

namespace {

/// Bad input of `lrlab find-lr`: each row names the option at fault.
void addFindLrRows()
{
    const QStringList findLr{"find-lr", "--config", "@"};
    const QByteArray toy = R"({"problem": {"type": "quadratic"}})";
    QTest::newRow("find-lr-iters-one") << findLr + QStringList{"--iters", "1"} << toy << "--iters";
    QTest::newRow("find-lr-iters-text")
        << findLr + QStringList{"--iters", "many"} << toy << "--iters";
    QTest::newRow("find-lr-mode-unknown")
        << findLr + QStringList{"--mode", "cubic"} << toy << "--mode";
    QTest::newRow("find-lr-start-zero")
        << findLr + QStringList{"--start-lr", "0"} << toy << "--start-lr";
    QTest::newRow("find-lr-end-below-start")
        << findLr + QStringList{"--start-lr", "1", "--end-lr", "0.5"} << toy << "--end-lr";
    QTest::newRow("find-lr-smooth-one")
        << findLr + QStringList{"--smooth-f", "1"} << toy << "--smooth-f";
    QTest::newRow("find-lr-diverge-one")
        << findLr + QStringList{"--diverge-th", "1"} << toy << "--diverge-th";
    QTest::newRow("find-lr-skip-negative")
        << findLr + QStringList{"--skip-end", "-1"} << toy << "--skip-end";
    QTest::newRow("find-lr-validation-on-toy")
        << findLr + QStringList{"--validation"} << toy << "--validation";
    QTest::newRow("find-lr-unknown-option")
        << findLr + QStringList{"--speed", "3"} << toy << "speed";
    QTest::newRow("find-lr-validation-without-val-rows")
        << findLr + QStringList{"--validation"}
        << QByteArray(R"({"problem": {"type": "softmax", "dataset": "iris", "val_fraction": 0}})")
        << "--validation";
}

/// Bad input of `lrlab surface`.
void addSurfaceRows()
{
    const QStringList surface{"surface", "--config", "@"};
    const QByteArray toy = R"({"problem": {"type": "rosenbrock"}, "steps": 5})";
    const QByteArray mlp = R"({"problem": {"type": "mlp", "hidden": [4]}, "steps": 5})";
    QTest::newRow("surface-grid-1") << surface + QStringList{"--grid", "1"} << toy << "--grid";
    QTest::newRow("surface-grid-huge")
        << surface + QStringList{"--grid", "1000000"} << toy << "--grid";
    QTest::newRow("surface-grid-missing") << surface << toy << "--grid";
    QTest::newRow("surface-plane-unknown")
        << surface + QStringList{"--grid", "4", "--plane", "diag"} << toy << "--plane";
    QTest::newRow("surface-pca-on-toy")
        << surface + QStringList{"--grid", "4", "--plane", "pca"} << toy << "--plane";
    QTest::newRow("surface-axes-on-mlp")
        << surface + QStringList{"--grid", "4", "--plane", "axes"} << mlp << "--plane";
    QTest::newRow("surface-coarse-above-grid")
        << surface + QStringList{"--grid", "4", "--coarse", "9"} << toy << "--coarse";
    QTest::newRow("surface-box-malformed")
        << surface + QStringList{"--grid", "4", "--box", "1,2,3"} << toy << "--box";
}

/// Bad input of `lrlab sweep`.
void addSweepRows()
{
    const QStringList sweep{"sweep", "--config", "@"};
    const QByteArray toy = R"({"problem": {"type": "quadratic"}, "steps": 10})";
    QTest::newRow("sweep-bad-grid") << sweep + QStringList{"--lr", "1e-3:1"} << toy << "--lr";
    QTest::newRow("sweep-negative-rate") << sweep + QStringList{"--lr", "-1:1:3"} << toy << "--lr";
    QTest::newRow("sweep-bad-vary")
        << sweep + QStringList{"--lr", "1e-3:1:3", "--vary", "momentum"} << toy << "--vary";
    QTest::newRow("sweep-bad-vary-value")
        << sweep + QStringList{"--lr", "1e-3:1:3", "--vary", "momentum=2"} << toy
        << "optimizer.momentum";
    QTest::newRow("sweep-bad-threads")
        << sweep + QStringList{"--lr", "1e-3:1:3", "--threads", "x"} << toy << "--threads";
}

/// Bad input of `lrlab finetune` (no config file).
void addFineTuneRows()
{
    const QList<QPair<QStringList, QString>> bad{
        {{"--shift", "flip"}, "--shift"},
        {{"--method", "half"}, "--method"},
        {{"--lr", "0"}, "--lr"},
        {{"--lr", "1:2"}, "--lr"},
        {{"--train-size", "-3"}, "--train-size"},
        {{"--sizes", "50,x"}, "--sizes"},
        {{"--rank", "0"}, "--rank"},
        {{"--optimizer", "adamx"}, "--optimizer"},
        {{"--steps", "0"}, "--steps"},
    };
    for (const auto& [args, option] : bad) {
        const QString tag = "finetune-" + args.first().mid(2) + "-" + args.last();
        QTest::newRow(qPrintable(tag)) << QStringList{"finetune"} + args << QByteArray() << option;
    }
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void runToyTrace();
    void runMatchesCoreExactly();
    void runTraceDir();
    void divergedRunEndsAtNonFiniteRow();
    void divergedRunSummaryIsValidJson();
    void schedule();
    void modelRunTraceDir();
    void badInput_data();
    void badInput();
    void helpAndVersion_data();
    void helpAndVersion();

private:
    QTemporaryDir m_dir;
};

void TestCli::initTestCase()
{
    lrlab::test::prepareCliTest(m_dir);
}

void TestCli::runToyTrace()
{
    const QString config = writeFile(m_dir, "toy.json", R"({"problem": {"type": "booth"},
        "optimizer": {"type": "sgd", "momentum": 0.5}, "schedule": {"lr": 0.02}, "steps": 30})");
    const CliResult r = runLrlab({"run", "--config", config});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> rows = lines(r.out);
    QCOMPARE(rows.size(), 1 + 31); // header + rows k = 0..steps
    QCOMPARE(rows.first(), QByteArray("step,lr,loss,x,y"));
    QVERIFY(rows.at(1).startsWith("0,0.02,"));
    QVERIFY(rows.last().startsWith("30,"));
    QVERIFY(r.err.isEmpty());
}

void TestCli::runMatchesCoreExactly()
{
    const QByteArray json = R"({"problem": {"type": "rosenbrock"}, "init": [-1.2, 1.0],
        "optimizer": {"type": "adam", "beta1": 0.85},
        "schedule": {"lr": 0.03, "warmup_steps": 7, "decay": "cosine", "min_lr": 0.001},
        "steps": 60})";
    const QString config = writeFile(m_dir, "exact.json", json);
    const CliResult r = runLrlab({"run", "--config", config});
    QCOMPARE(r.exitCode, 0);
    const lrlab::ToyTrace t = lrlab::runToy(lrlab::parseRunConfig(json, "exact.json").config);
    const QList<QByteArray> rows = lines(r.out);
    QCOMPARE(rows.size(), t.rows() + 1);
    for (int k = 0; k < t.rows(); ++k) {
        const QList<QByteArray> cells = rows.at(k + 1).split(',');
        QCOMPARE(cells.size(), 5);
        const auto i = static_cast<std::size_t>(k);
        // 17 significant digits round-trip: the printed numbers are the core's exact doubles.
        QCOMPARE(cells.at(0).toInt(), k);
        QCOMPARE(cells.at(1).toDouble(), t.learningRate[i]);
        QCOMPARE(cells.at(2).toDouble(), t.loss[i]);
        QCOMPARE(cells.at(3).toDouble(), t.x[i]);
        QCOMPARE(cells.at(4).toDouble(), t.y[i]);
    }
}

void TestCli::runTraceDir()
{
    const QString config = writeFile(m_dir, "dir.json", R"({"problem": {"type": "himmelblau"},
        "steps": 12, "schedule": {"lr": 0.01}})");
    const QString out = m_dir.filePath("trace-out");
    const CliResult r = runLrlab({"run", "--config", config, "--trace-dir", out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("status: "));
    QCOMPARE(fileLines(out + "/trace.csv").size(), 1 + 13);
    for (const char* name : {"init.csv", "final.csv"}) {
        const QList<QByteArray> rows = fileLines(out + "/" + name);
        QCOMPARE(rows.size(), 3); // header + x + y
        QCOMPARE(rows.first(), QByteArray("index,value"));
    }
    QVERIFY(QFile::exists(out + "/summary.json"));
}

void TestCli::divergedRunEndsAtNonFiniteRow()
{
    const QString config = writeFile(m_dir, "boom.json", R"({"problem": {"type": "rosenbrock"},
        "optimizer": {"type": "sgd"}, "schedule": {"lr": 5}, "steps": 1000})");
    const CliResult r = runLrlab({"run", "--config", config});
    QCOMPARE(r.exitCode, 0); // divergence is a result, not an error
    const QList<QByteArray> rows = lines(r.out);
    QVERIFY(rows.size() < 1 + 1001);
    const QByteArray last = rows.last();
    QVERIFY2(last.contains("inf") || last.contains("nan"), last.constData());
    for (int i = 1; i < rows.size() - 1; ++i)
        QVERIFY(!rows.at(i).contains("nan") && !rows.at(i).contains("inf"));
}

void TestCli::divergedRunSummaryIsValidJson()
{
    const QString config = writeFile(m_dir, "boom-dir.json", R"({"problem": {"type": "rosenbrock"},
        "optimizer": {"type": "sgd"}, "schedule": {"lr": 5}, "steps": 1000})");
    const QString out = m_dir.filePath("boom-out");
    const CliResult r = runLrlab({"run", "--config", config, "--trace-dir", out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonParseError error;
    const QJsonObject summary =
        QJsonDocument::fromJson(readFile(out + "/summary.json"), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(summary.keys(), (QStringList{"advice", "diagnosis", "diverged_at", "evidence",
                                          "final_loss", "last_finite_loss", "status", "steps"}));
    // The last row's loss is not finite: JSON has no NaN or infinity, so it is null.
    QVERIFY(summary.value("final_loss").isNull());
    QVERIFY(std::isfinite(summary.value("last_finite_loss").toDouble(NAN)));
    const QList<QByteArray> rows = fileLines(out + "/trace.csv");
    QCOMPARE(summary.value("diverged_at").toInt(-1), rows.size() - 2); // the last data row
    QCOMPARE(summary.value("diagnosis").toString(), QString("diverged"));
}

void TestCli::schedule()
{
    const QByteArray json = R"({"schedule": {"lr": 0.1, "warmup_steps": 10, "decay": "linear",
        "min_lr": 0.01}, "steps": 110})";
    const QString config = writeFile(m_dir, "sched.json", json);
    const CliResult r = runLrlab({"schedule", "--config", config});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> rows = lines(r.out);
    QCOMPARE(rows.size(), 1 + 110);
    QCOMPARE(rows.first(), QByteArray("step,lr"));
    const lrlab::ScheduleSpec spec = lrlab::parseRunConfig(json, "s.json").config.schedule;
    for (int t = 0; t < 110; ++t) {
        const QList<QByteArray> cells = rows.at(t + 1).split(',');
        QCOMPARE(cells.at(0).toInt(), t);
        QCOMPARE(cells.at(1).toDouble(), lrlab::learningRateAt(spec, t));
    }
    // Hand values: warmup from 0, peak at W, linear to min_lr: at t = 60, τ = 50 of T = 100.
    QCOMPARE(rows.at(1 + 0), QByteArray("0,0"));
    QCOMPARE(rows.at(1 + 5).split(',').at(1).toDouble(), 0.1 * (5.0 / 10.0));
    QVERIFY(qAbs(rows.at(1 + 60).split(',').at(1).toDouble() - (0.01 + 0.09 * 0.5)) < 1e-15);
}

void TestCli::modelRunTraceDir()
{
    const QString config = writeFile(m_dir, "mlp.json", R"({"problem": {"type": "mlp",
        "dataset": "iris", "hidden": [8], "batch_size": 16, "val_fraction": 0.2},
        "optimizer": {"type": "adam"}, "schedule": {"lr": 0.01}, "steps": 40, "eval_every": 10})");
    const QString out = m_dir.filePath("mlp-out");
    const CliResult r = runLrlab({"run", "--config", config, "--trace-dir", out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("diagnosis: "));
    const auto read = [&](const char* name) { return fileLines(out + "/" + name); };
    const QList<QByteArray> trace = read("trace.csv");
    QCOMPARE(trace.size(), 1 + 40); // rows k = 0..steps-1
    QCOMPARE(trace.first(), QByteArray("step,lr,loss,train_loss,val_loss,val_acc"));
    QCOMPARE(trace.at(1).split(',').size(), 6);
    QVERIFY(!trace.at(1 + 10).split(',').at(4).isEmpty()); // evaluation row
    QVERIFY(trace.at(1 + 11).split(',').at(4).isEmpty());  // no evaluation
    QVERIFY(!trace.last().split(',').at(5).isEmpty());     // the last row is evaluated
    const int parameters = 4 * 8 + 8 + 8 * 3 + 3;
    QCOMPARE(read("init.csv").size(), 1 + parameters);
    QCOMPARE(read("final.csv").size(), 1 + parameters);
    const QList<QByteArray> batches = read("batches.csv");
    QCOMPARE(batches.size(), 1 + 40);
    QCOMPARE(batches.at(1).split(',').at(1).split(' ').size(), 16);
    const QList<QByteArray> split = read("split.csv");
    QCOMPARE(split.size(), 1 + 150);
    QCOMPARE(split.first(), QByteArray("row,split"));
    int val = 0;
    for (int i = 1; i < split.size(); ++i)
        val += split.at(i).endsWith(",val");
    QCOMPARE(val, 30);
}

void TestCli::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("config"); // written to bad.json and substituted for @
    QTest::addColumn<QString>("expected");  // a part of stderr

    QTest::newRow("unknown-subcommand")
        << QStringList{"frobnicate"} << QByteArray() << "unknown subcommand";
    QTest::newRow("missing-config") << QStringList{"run"} << QByteArray() << "--config";
    QTest::newRow("unknown-option") << QStringList{"run", "--bogus"} << QByteArray() << "bogus";
    QTest::newRow("missing-file") << QStringList{"run", "--config", "/nonexistent/x.json"}
                                  << QByteArray() << "/nonexistent/x.json: cannot read";
    QTest::newRow("json-syntax") << QStringList{"run", "--config", "@"}
                                 << QByteArray("{\"steps\": }") << "bad.json: line 1";
    QTest::newRow("unknown-key") << QStringList{"run", "--config", "@"}
                                 << QByteArray(R"({"schedule": {"learning_rate": 0.1}})")
                                 << "schedule.learning_rate: unknown key";
    QTest::newRow("warmup-too-long")
        << QStringList{"schedule", "--config", "@"}
        << QByteArray(R"({"steps": 10, "schedule": {"warmup_steps": 11}})")
        << "schedule.warmup_steps";
    QTest::newRow("negative-lr") << QStringList{"run", "--config", "@"}
                                 << QByteArray(R"({"schedule": {"lr": -1}})") << "schedule.lr";
    QTest::newRow("unknown-surface")
        << QStringList{"run", "--config", "@"} << QByteArray(R"({"problem": {"type": "nope"}})")
        << "problem.type";
    QTest::newRow("missing-dataset")
        << QStringList{"run", "--config", "@"}
        << QByteArray(R"({"problem": {"type": "softmax", "dataset": "/nonexistent/d.csv"}})")
        << "/nonexistent/d.csv";
    QTest::newRow("logreg-feature")
        << QStringList{"run", "--config", "@"}
        << QByteArray(R"({"problem": {"type": "logreg", "feature": "nope"}})") << "problem.feature";
    QTest::newRow("stray-argument") << QStringList{"schedule", "extra"} << QByteArray() << "extra";
    addFindLrRows();
    addSurfaceRows();
    addSweepRows();
    addFineTuneRows();
}

void TestCli::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, config);
    QFETCH(QString, expected);
    if (!config.isEmpty()) {
        const QString path = writeFile(m_dir, "bad.json", config);
        arguments.replaceInStrings("@", path);
    }
    lrlab::test::verifyRefused(runLrlab(arguments), expected);
}

void TestCli::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("version") << QStringList{"--version"} << "lrlab 0.";
    QTest::newRow("top-help") << QStringList{"--help"} << "Subcommands:";
    QTest::newRow("run-help") << QStringList{"run", "--help"} << "--trace-dir";
    QTest::newRow("schedule-help") << QStringList{"schedule", "--help"} << "Usage: lrlab schedule";
}

void TestCli::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CliResult r = runLrlab(arguments);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QString::fromUtf8(r.out).contains(expected), r.out.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
