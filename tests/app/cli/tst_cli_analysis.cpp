// The analysis subcommands as a user runs them (the lrlab binary in a QProcess): `lrlab
// find-lr` (CSV and summary round-trip to the core's exact numbers, trace directory as `lrlab
// run`'s), `lrlab surface` (a toy grid against the formula; a model's grids, trajectory and
// plane.json for each plane), `lrlab sweep` (one CSV row a run) and `lrlab finetune` (pre-trains
// once, then loads the cache; a sweep's CSV and best rates). Their bad input is refused in
// tst_cli.
#include "core/analysis/lr_finder.h"
#include "tests/common/files.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/run_configs.h"
#include "tests/common/run_lrlab.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using lrlab::test::CliResult;
using lrlab::test::fileLines;
using lrlab::test::lines;
using lrlab::test::nearlyEqual;
using lrlab::test::readFile;
using lrlab::test::runLrlab;
using lrlab::test::writeFile;

class TestCliAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findLrCsvAndSummary();
    void findLrTraceDirMatchesRun();
    void surfaceToyGrid();
    void surfaceModelOutDir_data();
    void surfaceModelOutDir();
    void sweepCsv();
    void fineTuneTrainsThenLoadsThePretrainedModel();
    void fineTuneSweep();

private:
    QTemporaryDir m_dir;
};

void TestCliAnalysis::initTestCase()
{
    lrlab::test::prepareCliTest(m_dir);
}

void TestCliAnalysis::findLrCsvAndSummary()
{
    const QString config = writeFile(
        m_dir, "quad.json",
        R"({"problem": {"type": "quadratic", "a": 1, "b": 10}, "optimizer": {"type": "sgd"}})");
    const QString summary = m_dir.filePath("summary.json");
    const CliResult p =
        runLrlab({"find-lr", "--config", config, "--start-lr", "1e-4", "--summary", summary});
    QCOMPARE(p.exitCode, 0);
    const QList<QByteArray> rows = lines(p.out);
    QCOMPARE(rows.first(), QByteArray("iter,lr,loss,smoothed_loss"));

    lrlab::RunConfig quadratic = lrlab::test::runConfig("quadratic");
    quadratic.problem.parameters = {{"a", 1.0}, {"b", 10.0}};
    lrlab::LrFinderOptions o;
    o.startLr = 1e-4;
    const lrlab::LrFinderResult core = lrlab::runLrFinder(quadratic, o);
    QCOMPARE(rows.size(), core.iterations + 1);
    for (int i = 0; i < core.iterations; ++i) {
        const QList<QByteArray> cells = rows[i + 1].split(',');
        QCOMPARE(cells.size(), 4);
        QCOMPARE(cells[0].toInt(), i);
        // 17 significant digits round-trip to the core's exact doubles.
        QCOMPARE(cells[1].toDouble(), core.learningRates[static_cast<std::size_t>(i)]);
        QCOMPARE(cells[2].toDouble(), core.losses[static_cast<std::size_t>(i)]);
        QCOMPARE(cells[3].toDouble(), core.smoothed[static_cast<std::size_t>(i)]);
    }

    const QJsonObject json = QJsonDocument::fromJson(readFile(summary)).object();
    QCOMPARE(json.keys(), (QStringList{"iterations", "stopped_early", "suggestions"}));
    QCOMPARE(json["iterations"].toInt(), core.iterations);
    QCOMPARE(json["stopped_early"].toBool(), core.stoppedEarly);
    const QJsonObject s = json["suggestions"].toObject();
    QCOMPARE(s.keys(), (QStringList{"minimum", "steep", "steepest", "valley"}));
    QCOMPARE(s["steepest"].toDouble(), core.suggestions.steepest.value());
    QCOMPARE(s["valley"].toDouble(), core.suggestions.valley.value());
    QCOMPARE(s["minimum"].toDouble(), core.suggestions.minimum.value());
    QCOMPARE(s["steep"].toDouble(), core.suggestions.steep.value());

    // Too few points for suggestions: null, not a number.
    const CliResult few =
        runLrlab({"find-lr", "--config", config, "--iters", "5", "--summary", summary});
    QCOMPARE(few.exitCode, 0);
    const QJsonObject fewJson = QJsonDocument::fromJson(readFile(summary)).object();
    QVERIFY(fewJson["suggestions"].toObject()["steepest"].isNull());
    QVERIFY(fewJson["suggestions"].toObject()["valley"].isNull());
    QCOMPARE(fewJson["iterations"].toInt(), 5);
}

void TestCliAnalysis::findLrTraceDirMatchesRun()
{
    const QString config = writeFile(m_dir, "mlp.json",
                                     R"({"problem": {"type": "mlp", "dataset": "digits",
        "hidden": [32], "activation": "tanh"}, "optimizer": {"type": "sgd"}, "steps": 10})");
    const QString finderDir = m_dir.filePath("finder");
    const QString runDir = m_dir.filePath("run");
    const CliResult f = runLrlab(
        {"find-lr", "--config", config, "--iters", "30", "--trace-dir", finderDir, "--validation"});
    QCOMPARE(f.exitCode, 0);
    QCOMPARE(lines(f.out).size(), 31);
    const CliResult r = runLrlab({"run", "--config", config, "--trace-dir", runDir});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(readFile(finderDir + "/init.csv"), readFile(runDir + "/init.csv"));
    QCOMPARE(readFile(finderDir + "/split.csv"), readFile(runDir + "/split.csv"));
    const QList<QByteArray> finderBatches = fileLines(finderDir + "/batches.csv");
    const QList<QByteArray> runBatches = fileLines(runDir + "/batches.csv");
    QCOMPARE(finderBatches.size(), 31); // header + one line an iteration
    QCOMPARE(runBatches.size(), 11);
    QCOMPARE(finderBatches.mid(0, 11), runBatches);
}

void TestCliAnalysis::surfaceToyGrid()
{
    const QString config =
        writeFile(m_dir, "toy.json",
                  R"({"problem": {"type": "booth"}, "steps": 20, "schedule": {"lr": 0.02}})");
    const CliResult r = runLrlab(
        {"surface", "--config", config, "--grid", "4", "--box=-1,2,0,3", "--threads", "2"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> rows = lines(r.out);
    QCOMPARE(rows.size(), 1 + 16);
    QCOMPARE(rows.first(), QByteArray("x,y,loss"));
    // Row 1 + j·4 + i holds x = −1 + i, y = j: booth (x + 2y − 7)² + (2x + y − 5)² by hand.
    for (int j = 0; j < 4; ++j) {
        for (int i = 0; i < 4; ++i) {
            const QList<QByteArray> cells = rows.at(1 + j * 4 + i).split(',');
            QCOMPARE(cells.size(), 3);
            const double x = -1.0 + i;
            const double y = j;
            QCOMPARE(cells.at(0).toDouble(), x);
            QCOMPARE(cells.at(1).toDouble(), y);
            const double expected =
                (x + 2 * y - 7) * (x + 2 * y - 7) + (2 * x + y - 5) * (2 * x + y - 5);
            QVERIFY(nearlyEqual(cells.at(2).toDouble(), expected));
        }
    }
}

void TestCliAnalysis::surfaceModelOutDir_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("plane");
    QTest::addColumn<QString>("expectedPlane");
    const QByteArray mlp = R"({"problem": {"type": "mlp", "hidden": [8]}, "steps": 40,
                              "optimizer": {"type": "adam"}, "schedule": {"lr": 0.01}})";
    QTest::newRow("linreg-default-axes")
        << QByteArray(R"({"problem": {"type": "linreg"}, "steps": 50, "schedule": {"lr": 0.1}})")
        << QString() << "axes";
    QTest::newRow("mlp-pca") << mlp << "pca"
                             << "pca";
    QTest::newRow("mlp-random") << mlp << "random"
                                << "random";
}

void TestCliAnalysis::surfaceModelOutDir()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, plane);
    QFETCH(QString, expectedPlane);
    const QString tag = QTest::currentDataTag();
    const QString config = writeFile(m_dir, tag + ".json", json);
    const QString out = m_dir.filePath(tag);
    QStringList args{"surface",  "--config", config,      "--grid", "6",
                     "--coarse", "3",        "--out-dir", out};
    if (!plane.isEmpty())
        args << "--plane" << plane;
    const CliResult r = runLrlab(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> rows = lines(r.out);
    QCOMPARE(rows.size(), 1 + 36);
    QCOMPARE(rows.first(), QByteArray("alpha,beta,loss"));
    QCOMPARE(fileLines(out + "/grid.csv"), rows);
    QCOMPARE(fileLines(out + "/coarse.csv").size(), 1 + 9);
    const QList<QByteArray> trajectory = fileLines(out + "/trajectory.csv");
    QVERIFY(trajectory.size() >= 3);
    QCOMPARE(trajectory.first(), QByteArray("step,alpha,beta,loss"));
    const QJsonObject json2 = QJsonDocument::fromJson(readFile(out + "/plane.json")).object();
    for (const char* key : {"plane", "n", "alpha_label", "beta_label", "explained_variance",
                            "alpha_range", "beta_range", "parameters", "minimum"})
        QVERIFY2(json2.contains(key), key);
    QCOMPARE(json2.value("plane").toString(), expectedPlane);
    QCOMPARE(json2.value("n").toInt(), 6);
    QCOMPARE(json2.value("coarse").toInt(), 3);
    // The grid's first and last coordinates are the ranges' ends.
    const QJsonArray alphaRange = json2.value("alpha_range").toArray();
    QCOMPARE(rows.at(1).split(',').at(0).toDouble(), alphaRange.at(0).toDouble());
    QCOMPARE(rows.last().split(',').at(0).toDouble(), alphaRange.at(1).toDouble());
    if (expectedPlane == "pca") {
        const QJsonArray ev = json2.value("explained_variance").toArray();
        QCOMPARE(ev.size(), 2);
        QVERIFY(ev.at(0).toDouble() >= ev.at(1).toDouble() && ev.at(1).toDouble() > 0);
        QVERIFY(ev.at(0).toDouble() + ev.at(1).toDouble() <= 1.0 + 1e-12);
        QVERIFY(json2.value("alpha_label").toString().startsWith("PC1 ("));
        // The last trajectory point is the final parameters: the plane's origin.
        const QList<QByteArray> last = trajectory.last().split(',');
        QCOMPARE(last.at(1).toDouble(), 0.0);
        QCOMPARE(last.at(2).toDouble(), 0.0);
    } else {
        QVERIFY(json2.value("explained_variance").isNull());
    }
    if (expectedPlane == "axes") {
        QCOMPARE(json2.value("alpha_label").toString(), QString("w"));
        QCOMPARE(json2.value("parameters").toInt(), 2);
    }
}

void TestCliAnalysis::sweepCsv()
{
    const QString config = writeFile(
        m_dir, "c.json", R"({"problem": {"type": "quadratic"}, "init": [1, 1], "steps": 100})");
    const CliResult r = runLrlab({"sweep", "--config", config, "--lr", "1e-3:1:4", "--vary",
                                  "momentum=0,0.9", "--threads", "2"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> rows = r.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 1 + 8);
    QCOMPARE(rows[0], QByteArray("lr,momentum,status,diverged,steps,final_loss,best_loss,val_loss,"
                                 "val_acc,steps_to_target"));
    QVERIFY(rows[1].startsWith("0.001,0,finished,false,100,"));
    QVERIFY2(rows[4].startsWith("1,0,finished,true,"), rows[4].constData()); // lr 1 > 2/λ₁ = 0.2
}

void TestCliAnalysis::fineTuneTrainsThenLoadsThePretrainedModel()
{
    const QStringList args{"finetune", "--method", "lora", "--lr", "0.01", "--steps", "30"};
    CliResult r = runLrlab(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("method: lora\n"), r.out.constData());
    QVERIFY(r.out.contains("trainable_params: 1536\n")); // 8·64 + 128·8
    QVERIFY(r.out.contains("train_size: 100\n"));
    QVERIFY(r.out.contains("pretrained: trained"));
    r = runLrlab(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("pretrained: loaded from"));
}

void TestCliAnalysis::fineTuneSweep()
{
    const CliResult r = runLrlab({"finetune", "--lr", "1e-3:1e-2:2", "--steps", "20", "--sizes",
                                  "50,all", "--threads", "2"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 2 * 3 * 2);
    QCOMPARE(lines[0], QByteArray("method,size,lr,target_val_acc,target_val_loss,source_val_acc,"
                                  "forgetting,trainable_params,state_bytes_adam,"
                                  "state_bytes_adam8bit,diverged"));
    QVERIFY(lines[1].startsWith("full,50,0.001,"));
    QVERIFY(lines[12].startsWith("head,1438,0.01"));
    QVERIFY(r.err.contains("best lr: method lora size 50"));
}

QTEST_GUILESS_MAIN(TestCliAnalysis)
#include "tst_cli_analysis.moc"
