// lrlab import: the fixtures' runs as JSON and text, role overrides, files that are not logs
// refused with their name, and --follow printing appended points until interrupted.
#include "tests/common/files.h"
#include "tests/common/run_lrlab.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using lrlab::test::CliResult;
using lrlab::test::runLrlab;
using lrlab::test::writeAll;

namespace {

QString fixtures()
{
    return QStringLiteral(LRLAB_SOURCE_DIR) + "/tests/data/logs";
}

/// The run of `runs` whose path ends with name.
QJsonObject runNamed(const QJsonArray& runs, const QString& name)
{
    for (const QJsonValue& run : runs)
        if (run.toObject().value("path").toString().endsWith(name))
            return run.toObject();
    return {};
}

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { lrlab::test::prepareCliTest(m_dir); }

    void jsonOfTheFixtures_data()
    {
        QTest::addColumn<QString>("run");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("lossTag");
        QTest::addColumn<QString>("lrTag");
        QTest::addColumn<int>("lossPoints");
        QTest::addColumn<int>("valLossPoints");
        // The schedule each run followed and its outcome (tests/data/logs/README.md).
        QTest::addColumn<QString>("decay");
        QTest::addColumn<int>("warmupSteps");
        QTest::addColumn<int>("stepOffset");
        QTest::addColumn<QString>("diagnosis");
        QTest::newRow("tb") << "tb_digits_mlp_warmup_cosine"
                            << "tensorboard"
                            << "train/loss"
                            << "lr" << 1000 << 21 << "cosine" << 50 << 0 << "converging";
        QTest::newRow("hf") << "hf_gpt2_warmup_cosine"
                            << "tensorboard"
                            << "train/loss"
                            << "train/learning_rate" << 60 << 12 << "cosine" << 30 << 1
                            << "converging";
        QTest::newRow("lightning")
            << "metrics.csv"
            << "csv"
            << "train_loss"
            << "lr-AdamW" << 90 << 10 << "onecycle" << 0 << 0 << "converging";
    }

    void jsonOfTheFixtures()
    {
        QFETCH(QString, run);
        QFETCH(QString, format);
        QFETCH(QString, lossTag);
        QFETCH(QString, lrTag);
        QFETCH(int, lossPoints);
        QFETCH(int, valLossPoints);
        QFETCH(QString, decay);
        QFETCH(int, warmupSteps);
        QFETCH(int, stepOffset);
        QFETCH(QString, diagnosis);
        const CliResult r = runLrlab({"import", "--json", fixtures()});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray runs = QJsonDocument::fromJson(r.out).object().value("runs").toArray();
        QCOMPARE(runs.size(), 5);
        const QJsonObject o = runNamed(runs, run);
        QCOMPARE(o.value("format").toString(), format);
        QCOMPARE(o.value("series").toObject().value("loss").toString(), lossTag);
        QCOMPARE(o.value("series").toObject().value("lr").toString(), lrTag);
        QCOMPARE(o.value("points").toObject().value("loss").toInt(), lossPoints);
        QCOMPARE(o.value("points").toObject().value("val_loss").toInt(), valLossPoints);
        QCOMPARE(o.value("skipped_records").toInt(), 0);
        QVERIFY(!o.value("files").toArray().isEmpty());

        const QJsonObject schedule = o.value("schedule").toObject();
        QCOMPARE(schedule.value("decay").toString(), decay);
        QCOMPARE(schedule.value("warmup_steps").toInt(), warmupSteps);
        QCOMPARE(o.value("schedule_step_offset").toInt(), stepOffset);
        QVERIFY(o.value("schedule_fit_max_rel_err").toDouble() < 1e-6);
        const QJsonObject verdict = o.value("diagnosis").toObject();
        QCOMPARE(verdict.value("label").toString(), diagnosis);
        QVERIFY(!verdict.value("advice").toString().isEmpty());
        QVERIFY(!verdict.value("evidence").toString().isEmpty());
    }

    void textNamesFormatFileAndSeries()
    {
        const CliResult r = runLrlab({"import", fixtures() + "/hf_gpt2_warmup_cosine"});
        QCOMPARE(r.exitCode, 0);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains("hf_gpt2_warmup_cosine: tensorboard") &&
                     out.contains("file: " + fixtures() + "/hf_gpt2_warmup_cosine/runs/") &&
                     out.contains("lr        train/learning_rate: 60 points") &&
                     out.contains("note: also holds trainer_state.json") &&
                     out.contains("schedule: cosine, peak 0.003, warmup 30 steps") &&
                     out.contains("diagnosis: converging: "),
                 r.out.constData());
        // The HF text summaries are named as not scalars, with their file.
        QVERIFY(QString::fromUtf8(r.err).contains("'args/text_summary' is a DT_STRING"));
    }

    void roleOverride()
    {
        const CliResult r = runLrlab({"import", "--json", "--lr", "train/grad_norm", "--loss",
                                      "missing/tag", fixtures() + "/hf_gpt2_warmup_cosine"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o =
            QJsonDocument::fromJson(r.out).object().value("runs").toArray().at(0).toObject();
        QCOMPARE(o.value("series").toObject().value("lr").toString(), "train/grad_norm");
        QVERIFY(!o.value("series").toObject().contains("loss"));
        QVERIFY(QString::fromUtf8(r.err).contains("no tag 'missing/tag' for loss"));
    }

    void notALogIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("text") << QByteArray("hello\n") << "not a training log";
        QTest::newRow("json") << QByteArray("{\"a\": 1}") << "a JSON file without \"log_history\"";
    }

    void notALogIsRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString path = m_dir.filePath("not_a_log");
        QVERIFY(writeAll(path, bytes));
        lrlab::test::verifyRefused(runLrlab({"import", path}), path + ": " + message);
    }

    void noPathIsAUsageError()
    {
        lrlab::test::verifyRefused(runLrlab({"import"}), "no PATH given");
    }

    void followPrintsAppendedPoints()
    {
        const QString path = m_dir.filePath("metrics.csv");
        QVERIFY(writeAll(path, "step,train_loss\n1,0.9\n2,0.8\n"));
        QProcess p;
        p.start(lrlab::test::lrlabBinary(), {"import", "--follow", "--json", path});
        QVERIFY(p.waitForStarted());
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains("\"runs\"") && timer.elapsed() < 20000) {
            p.waitForReadyRead(200);
            out += p.readAllStandardOutput();
        }
        QVERIFY(out.contains("\"runs\""));
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("3,0.7\n4,0.");
        file.flush();
        while (!out.contains("\"step\":3") && timer.elapsed() < 20000) {
            p.waitForReadyRead(200);
            out += p.readAllStandardOutput();
        }
        QVERIFY2(out.contains("{\"path\":\"" + path.toUtf8() +
                              "\",\"role\":\"loss\",\"step\":3,\"tag\":\"train_loss\","
                              "\"value\":0.7}"),
                 out.constData());
        QVERIFY(!out.contains("\"step\":4")); // the cut line waits for its end
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
