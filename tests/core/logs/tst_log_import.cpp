// Reading training logs: every fixture of tests/data/logs (real TensorBoard, Hugging Face and
// Lightning logs) with the tags, point counts and values its README states; roles by tag name
// and by override; formats told by content; each kind of bad input named with its file and
// place, keeping what could be read.
#include "core/logs/log_discovery.h"
#include "core/logs/log_follower.h"
#include "core/logs/log_roles.h"
#include "tests/common/files.h"
#include "tests/common/tfrecord_bytes.h"
#include "tests/common/training_logs.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace lrlab;
using lrlab::test::eventBytes;
using lrlab::test::readFile;
using lrlab::test::simpleValue;
using lrlab::test::tensorValue;
using lrlab::test::tfRecord;
using lrlab::test::writeAll;

using TagCounts = std::map<QString, int>;
Q_DECLARE_METATYPE(TagCounts)

namespace {

/// The one run at path (fails the test otherwise).
LogRun onlyRun(const QString& path)
{
    std::vector<LogProblem> problems;
    std::vector<LogRun> runs = importLogs({path.toStdString()}, problems);
    if (runs.size() != 1 || !problems.empty())
        qWarning("%s: %zu runs, %zu problems", qPrintable(path), runs.size(), problems.size());
    return runs.empty() ? LogRun{} : runs.front();
}

/// The text of every problem of run.
QString problemText(const std::vector<LogProblem>& problems)
{
    QString text;
    for (const LogProblem& p : problems)
        text += QString::fromStdString(p.text()) + '\n';
    return text;
}

/// The value at step in series (NaN when absent).
double valueAt(const ScalarSeries& series, std::int64_t step)
{
    const auto it = std::find_if(series.begin(), series.end(),
                                 [step](const ScalarPoint& p) { return p.step == step; });
    return it == series.end() ? std::nan("") : it->value;
}

QByteArray eventFile(const QList<QByteArray>& events)
{
    QByteArray bytes = tfRecord(lrlab::test::field(3, "brain.Event:2")); // file_version
    for (const QByteArray& e : events)
        bytes += tfRecord(e);
    return bytes;
}

} // namespace

class TestLogImport : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("file");
        QTest::addColumn<TagCounts>("roleCounts"); // role -> points
        QTest::addColumn<TagCounts>("roleTags");   // role -> 1, tag in the key as role=tag
        // README: lr and train/loss every step for 1000 steps; val/* every 50 steps and at 999.
        QTest::newRow("tb warmup cosine")
            << "tb_digits_mlp_warmup_cosine"
            << "tensorboard"
            << "events.out.tfevents.1796409267.vm.432.2"
            << TagCounts{{"loss", 1000}, {"lr", 1000}, {"val_loss", 21}, {"val_acc", 21}}
            << TagCounts{{"loss=train/loss", 1},
                         {"lr=lr", 1},
                         {"val_loss=val/loss", 1},
                         {"val_acc=val/acc", 1}};
        // Validation every 25 steps: 0, 25, ..., 975 and 999.
        QTest::newRow("tb sgd lr 8")
            << "tb_digits_mlp_sgd_lr8"
            << "tensorboard"
            << "events.out.tfevents.1796409493.vm.427.2"
            << TagCounts{{"loss", 1000}, {"lr", 1000}, {"val_loss", 41}, {"val_acc", 41}}
            << TagCounts{{"loss=train/loss", 1}, {"lr=lr", 1}};
        // Logging every 5 of 300 steps, evaluation every 25: the event file is read.
        QTest::newRow("hf warmup cosine")
            << "hf_gpt2_warmup_cosine"
            << "tensorboard"
            << "runs/Dec04_18-38-39_vm/events.out.tfevents.1796409519.vm.527.1"
            << TagCounts{{"loss", 60}, {"lr", 60}, {"val_loss", 12}}
            << TagCounts{{"loss=train/loss", 1},
                         {"lr=train/learning_rate", 1},
                         {"val_loss=eval/loss", 1}};
        QTest::newRow("hf trainer_state.json")
            << "hf_gpt2_constant_tiny_lr/trainer_state.json"
            << "trainer_state"
            << "trainer_state.json" << TagCounts{{"loss", 60}, {"lr", 60}, {"val_loss", 12}}
            << TagCounts{{"loss=loss", 1}, {"lr=learning_rate", 1}, {"val_loss=eval_loss", 1}};
        // 450 steps, log_every_n_steps=5; validation every 45 steps.
        QTest::newRow("lightning metrics.csv")
            << "lightning_digits_onecycle"
            << "csv"
            << "metrics.csv"
            << TagCounts{{"loss", 90}, {"lr", 90}, {"val_loss", 10}, {"val_acc", 10}}
            << TagCounts{{"loss=train_loss", 1},
                         {"lr=lr-AdamW", 1},
                         {"val_loss=val_loss", 1},
                         {"val_acc=val_acc", 1}};
    }

    void fixtures()
    {
        QFETCH(QString, path);
        QFETCH(QString, format);
        QFETCH(QString, file);
        QFETCH(TagCounts, roleCounts);
        QFETCH(TagCounts, roleTags);
        const LogRun run = onlyRun(lrlab::test::logFixture(path));
        QCOMPARE(QString(logFormatName(run.source.format)), format);
        QCOMPARE(run.source.files.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(run.source.files.front()).endsWith("/" + file),
                 run.source.files.front().c_str());
        QCOMPARE(run.skippedRecords, 0);
        const auto roles = matchLogRoles(run);
        TagCounts counts;
        for (const auto& [role, tag] : roles)
            counts[logRoleName(role)] = static_cast<int>(run.series.at(tag).size());
        QCOMPARE(counts, roleCounts);
        for (const auto& [roleTag, one] : roleTags) {
            const QString role = roleTag.section('=', 0, 0);
            const QString tag = roleTag.section('=', 1);
            const auto it = std::find_if(roles.begin(), roles.end(), [&](const auto& r) {
                return role == logRoleName(r.first);
            });
            QVERIFY(it != roles.end());
            QCOMPARE(QString::fromStdString(it->second), tag);
        }
    }

    void tensorBoardValidationSteps()
    {
        const LogRun run = onlyRun(lrlab::test::logFixture("tb_digits_mlp_warmup_cosine"));
        std::vector<std::int64_t> steps;
        for (const ScalarPoint& p : run.series.at("val/loss"))
            steps.push_back(p.step);
        std::vector<std::int64_t> expected;
        for (int s = 0; s < 1000; s += 50)
            expected.push_back(s);
        expected.push_back(999);
        QCOMPARE(steps, expected);
        const ScalarSeries& lr = run.series.at("lr");
        QCOMPARE(lr.front().step, std::int64_t(0));
        QCOMPARE(lr.back().step, std::int64_t(999));
        // LinearLR(start_factor=0.01) of peak 0.05: 5e-4 at step 0 (stored as a float).
        QVERIFY(std::fabs(lr.front().value - 5e-4) < 1e-9);
    }

    void knownValues_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("tolerance");
        // README: learning_rate at step 5 = 3e-3 x 4/30 = 4.0e-4 (json and event file).
        QTest::newRow("hf json lr at 5") << "hf_gpt2_warmup_cosine/trainer_state.json"
                                         << "learning_rate" << qint64(5) << 4.0e-4 << 1e-12;
        QTest::newRow("hf event lr at 5") << "hf_gpt2_warmup_cosine"
                                          << "train/learning_rate" << qint64(5) << 4.0e-4 << 1e-10;
        // README: first lr-AdamW row: step 4, 1.263e-4.
        QTest::newRow("lightning lr at 4") << "lightning_digits_onecycle/metrics.csv"
                                           << "lr-AdamW" << qint64(4) << 1.263e-4 << 1e-7;
        QTest::newRow("hf constant 1e-6") << "hf_gpt2_constant_tiny_lr/trainer_state.json"
                                          << "learning_rate" << qint64(300) << 1e-6 << 1e-15;
    }

    void knownValues()
    {
        QFETCH(QString, path);
        QFETCH(QString, tag);
        QFETCH(qint64, step);
        QFETCH(double, value);
        QFETCH(double, tolerance);
        const LogRun run = onlyRun(lrlab::test::logFixture(path));
        const auto it = run.series.find(tag.toStdString());
        QVERIFY(it != run.series.end());
        QVERIFY2(std::fabs(valueAt(it->second, step) - value) <= tolerance,
                 qPrintable(QString::number(valueAt(it->second, step), 'g', 17)));
    }

    void lightningFirstLrRow()
    {
        const LogRun run =
            onlyRun(lrlab::test::logFixture("lightning_digits_onecycle/metrics.csv"));
        const ScalarSeries& lr = run.series.at("lr-AdamW");
        QCOMPARE(lr.front().step, std::int64_t(4));
        QVERIFY(std::fabs(lr.front().value - 1.263e-4) < 1e-7);
    }

    void directoryFindsEveryRun()
    {
        std::vector<LogProblem> problems;
        const std::vector<LogRun> runs =
            importLogs({lrlab::test::logFixture("").toStdString()}, problems);
        QVERIFY(problems.empty());
        QCOMPARE(runs.size(), std::size_t(5));
        // The HF directories are one run each, read from the event file, and say so.
        for (const LogRun& run : runs)
            if (QString::fromStdString(run.source.path).contains("hf_gpt2"))
                QVERIFY(QString::fromStdString(run.source.note).contains("trainer_state.json"));
    }

    void overrides()
    {
        const LogRun run = onlyRun(lrlab::test::logFixture("hf_gpt2_warmup_cosine"));
        std::vector<LogProblem> problems;
        const auto roles = matchLogRoles(
            run, {{LogRole::Loss, "train/grad_norm"}, {LogRole::ValAccuracy, "no/such"}},
            &problems);
        QCOMPARE(roles.at(LogRole::Loss), std::string("train/grad_norm"));
        QCOMPARE(roles.count(LogRole::ValAccuracy), std::size_t(0));
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY(problemText(problems).contains("no tag 'no/such' for val_acc"));
    }

    void formatByContentNotName()
    {
        QTemporaryDir dir;
        // An event file named .csv, and a CSV named .json.
        QVERIFY(QFile::copy(lrlab::test::logFixture(
                                "tb_digits_mlp_sgd_lr8/events.out.tfevents.1796409493.vm.427.2"),
                            dir.filePath("looks.csv")));
        QVERIFY(writeAll(dir.filePath("table.json"), "Step,loss\n1,0.5\n2,0.4\n"));
        QCOMPARE(sniffLogFormat(dir.filePath("looks.csv").toStdString()),
                 std::optional<LogFormat>(LogFormat::TensorBoard));
        QCOMPARE(sniffLogFormat(dir.filePath("table.json").toStdString()),
                 std::optional<LogFormat>(LogFormat::Csv));
        QCOMPARE(onlyRun(dir.filePath("table.json")).series.at("loss").size(), std::size_t(2));
    }

    void tensorScalars()
    {
        // simple_value, a float tensor (float_val), a double tensor (double_val and
        // tensor_content) and a 2-element tensor (not a scalar).
        QTemporaryDir dir;
        const QByteArray one = lrlab::test::littleEndian(0.25);
        const QByteArray file = eventFile(
            {eventBytes(1, {simpleValue("a", 1.5f)}),
             eventBytes(
                 2, {tensorValue("f", 1, lrlab::test::field(5, lrlab::test::littleEndian(0.75f)))}),
             eventBytes(3, {tensorValue("d", 2, lrlab::test::field(6, one))}),
             eventBytes(4, {tensorValue("c", 2, lrlab::test::field(4, one))}),
             eventBytes(5, {tensorValue("v", 1,
                                        lrlab::test::field(2, lrlab::test::field(2, "\x08\x02")) +
                                            lrlab::test::field(5, QByteArray(8, '\0')))})});
        QVERIFY(writeAll(dir.filePath("events.out.tfevents.1"), file));
        std::vector<LogProblem> problems;
        const LogRun run = readLog({dir.path().toStdString(),
                                    LogFormat::TensorBoard,
                                    {dir.filePath("events.out.tfevents.1").toStdString()},
                                    ""});
        QCOMPARE(run.series.at("a").front().value, 1.5);
        QCOMPARE(run.series.at("f").front().value, 0.75);
        QCOMPARE(run.series.at("d").front().value, 0.25);
        QCOMPARE(run.series.at("c").front().step, std::int64_t(4));
        QCOMPARE(run.series.at("c").front().value, 0.25);
        QCOMPARE(run.series.count("v"), std::size_t(0));
        const QString text = problemText(run.problems);
        QVERIFY2(text.contains("events.out.tfevents.1: record 6 at byte") &&
                     text.contains("tag 'v' is a tensor of 2 values, not a scalar"),
                 qPrintable(text));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("pointsKept");
        QTest::addColumn<QString>("message");
        const QByteArray events = eventFile({eventBytes(1, {simpleValue("loss", 1.0f)}),
                                             eventBytes(2, {simpleValue("loss", 0.5f)}),
                                             eventBytes(3, {simpleValue("loss", 0.25f)})});
        const QList<qsizetype> at = lrlab::test::recordOffsets(events);
        QByteArray corrupt = events;
        corrupt[at[2] + 14] = static_cast<char>(corrupt[at[2] + 14] ^ 0x40); // record 3's data
        QByteArray badLength = events;
        badLength[at[2] + 1] = static_cast<char>(badLength[at[2] + 1] ^ 0x01); // record 3's length
        QTest::newRow("truncated event file")
            << "events.out.tfevents.t" << events.left(events.size() - 5) << 2
            << "record 4 at byte " + QString::number(at[3]) + ": the file ends inside the record";
        QTest::newRow("corrupt record")
            << "events.out.tfevents.c" << corrupt << 2
            << "record 3 at byte " + QString::number(at[2]) + ": the data's CRC does not match";
        QTest::newRow("corrupt length")
            << "events.out.tfevents.l" << badLength << 2
            << "record 3 at byte " + QString::number(at[2]) + ": the record length's CRC";
        QTest::newRow("not a log")
            << "notes.txt" << QByteArray("hello\nworld\n") << 0 << "not a training log";
        QTest::newRow("empty file") << "empty.csv" << QByteArray() << 0 << "is empty";
        QTest::newRow("json without log_history")
            << "config.json" << QByteArray("{\"lr\": 1}") << 0 << "without \"log_history\"";
        QTest::newRow("cut trainer_state.json")
            << "trainer_state.json" << QByteArray("{\"log_history\": [{\"step\": 1, \"loss\": 2")
            << 0 << "near byte";
        QTest::newRow("csv bad cell") << "m.csv" << QByteArray("step,loss\n1,0.5\n2,oops\n3,0.3\n")
                                      << 2 << "line 3: column 'loss' holds 'oops', not a number";
        QTest::newRow("csv short line")
            << "m.csv" << QByteArray("step,loss,lr\n1,0.5,0.1\n2,0.4\n3,0.3,0.1\n") << 4
            << "line 3: 2 cells where the header has 3";
    }

    void badInput()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(int, pointsKept);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QVERIFY(writeAll(path, bytes));
        std::vector<LogProblem> problems;
        const std::vector<LogRun> runs = importLogs({path.toStdString()}, problems);
        std::size_t points = 0;
        for (const LogRun& run : runs) {
            points += run.pointCount();
            problems.insert(problems.end(), run.problems.begin(), run.problems.end());
        }
        QCOMPARE(static_cast<int>(points), pointsKept);
        const QString text = problemText(problems);
        QVERIFY2(text.contains(path + ": ") && text.contains(message), qPrintable(text));
    }

    void corruptRecordIsCounted()
    {
        QTemporaryDir dir;
        const QByteArray events = eventFile({eventBytes(1, {simpleValue("loss", 1.0f)}),
                                             eventBytes(2, {simpleValue("loss", 0.5f)}),
                                             eventBytes(3, {simpleValue("loss", 0.25f)})});
        QByteArray corrupt = events;
        corrupt[lrlab::test::recordOffsets(events)[2] + 20] ^= 0x10;
        QVERIFY(writeAll(dir.filePath("events.out.tfevents.x"), corrupt));
        const LogRun run = onlyRun(dir.path());
        QCOMPARE(run.skippedRecords, 1);
        QCOMPARE(run.series.at("loss").size(), std::size_t(2));
        QCOMPARE(run.series.at("loss").back().step, std::int64_t(3));
    }

    void emptyAndMissing_data()
    {
        QTest::addColumn<bool>("makeDir");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty directory") << true << "an empty directory";
        QTest::newRow("missing") << false << "does not exist";
    }

    void emptyAndMissing()
    {
        QFETCH(bool, makeDir);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath("logs");
        if (makeDir)
            QVERIFY(QDir().mkpath(path));
        std::vector<LogProblem> problems;
        QVERIFY(importLogs({path.toStdString()}, problems).empty());
        QVERIFY2(problemText(problems).startsWith(path + ": ") &&
                     problemText(problems).contains(message),
                 qPrintable(problemText(problems)));
    }

    void directoryWithoutLogs()
    {
        QTemporaryDir dir;
        QVERIFY(writeAll(dir.filePath("config.json"), "{}"));
        QVERIFY(writeAll(dir.filePath("readme.txt"), "text"));
        std::vector<LogProblem> problems;
        QVERIFY(importLogs({dir.path().toStdString()}, problems).empty());
        QVERIFY(problemText(problems).contains("no training log below this directory"));
    }

    void eventFilesOfOneDirectoryAreOneRun()
    {
        // A resumed run writes a second event file into the same directory: one run, the
        // files read in name (= creation) order.
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath("run")));
        QVERIFY(writeAll(dir.filePath("run/events.out.tfevents.100.host.1"),
                         eventFile({eventBytes(1, {simpleValue("loss", 1.0f)}),
                                    eventBytes(2, {simpleValue("loss", 0.5f)})})));
        QVERIFY(writeAll(dir.filePath("run/events.out.tfevents.200.host.1"),
                         eventFile({eventBytes(3, {simpleValue("loss", 0.25f)})})));
        const LogRun run = onlyRun(dir.path());
        QCOMPARE(QString::fromStdString(run.source.path), dir.filePath("run"));
        QCOMPARE(run.source.files.size(), std::size_t(2));
        std::vector<std::int64_t> steps;
        for (const ScalarPoint& p : run.series.at("loss"))
            steps.push_back(p.step);
        QCOMPARE(steps, (std::vector<std::int64_t>{1, 2, 3}));
    }

    void lrlabTraceFolderIsOneRun()
    {
        // lrlab run --out-dir: trace.csv is the log; batches.csv has a step column too, but
        // lists of row indices, and init.csv / split.csv have none.
        QTemporaryDir dir;
        QVERIFY(writeAll(dir.filePath("trace.csv"),
                         "step,lr,loss,train_loss,val_loss\n0,0.1,2.3,2.2,2.4\n1,0.1,2.1,,\n"));
        QVERIFY(writeAll(dir.filePath("batches.csv"), "step,rows\n0,4 17 9\n1,3 8 1\n"));
        QVERIFY(writeAll(dir.filePath("init.csv"), "index,value\n0,0.5\n"));
        QVERIFY(writeAll(dir.filePath("split.csv"), "row,split\n0,train\n"));
        const LogRun run = onlyRun(dir.path());
        QVERIFY(QString::fromStdString(run.source.path).endsWith("/trace.csv"));
        const auto roles = matchLogRoles(run);
        QCOMPARE(roles.at(LogRole::Loss), std::string("loss"));
        QCOMPARE(roles.at(LogRole::ValLoss), std::string("val_loss"));
        QCOMPARE(run.series.at("loss").size(), std::size_t(2));
        QCOMPARE(run.series.at("val_loss").size(), std::size_t(1));
    }

    void pythonNonFiniteJson()
    {
        QTemporaryDir dir;
        QVERIFY(writeAll(dir.filePath("trainer_state.json"),
                         "{\"log_history\": [{\"step\": 5, \"loss\": 2.5},"
                         " {\"step\": 10, \"loss\": NaN, \"note\": \"NaN here\"},"
                         " {\"step\": 15, \"loss\": Infinity}]}"));
        const LogRun run = onlyRun(dir.filePath("trainer_state.json"));
        const ScalarSeries& loss = run.series.at("loss");
        QCOMPARE(loss.size(), std::size_t(3));
        QVERIFY(std::isnan(loss[1].value));
        QVERIFY(std::isinf(loss[2].value));
        QCOMPARE(run.series.count("note"), std::size_t(0));
    }

    void weightsAndBiasesExport()
    {
        QTemporaryDir dir;
        QVERIFY(writeAll(dir.filePath("wandb.csv"),
                         "\"Step\",\"run-1 - train/loss\",\"run-1 - train/loss__MIN\","
                         "\"run-1 - train/loss__MAX\"\n\"1\",\"0.5\",\"0.5\",\"0.5\"\n"
                         "\"2\",\"0.4\",\"0.4\",\"0.4\"\n"));
        const LogRun run = onlyRun(dir.filePath("wandb.csv"));
        QCOMPARE(run.series.size(), std::size_t(1));
        QCOMPARE(run.series.at("train/loss").size(), std::size_t(2));
        QCOMPARE(matchLogRoles(run).at(LogRole::Loss), std::string("train/loss"));
    }
};

QTEST_GUILESS_MAIN(TestLogImport)
#include "tst_log_import.moc"
