// The Runs dock's Series editor, followed folders and imported runs in sessions: choosing the
// tag of a role redraws the run from that tag; a followed TensorBoard folder takes up a new
// event file and a followed Lightning folder a new version; imported runs go through a session
// with their tags, shown and follow state, and a missing log is named while the rest restores.
#include "core/config/session.h"
#include "core/logs/log_analysis.h"
#include "core/logs/log_discovery.h"
#include "core/logs/log_follower.h"
#include "core/logs/log_roles.h"
#include "core/schedules/schedule.h"
#include "tests/common/files.h"
#include "tests/common/tfrecord_bytes.h"
#include "tests/common/training_logs.h"
#include "ui/views/imported_runs.h"
#include "ui/views/runs_plots.h"
#include "ui/views/runs_series_editor.h"
#include "ui/views/runs_view.h"
#include "ui/worker/log_watch.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <algorithm>
#include <memory>

using namespace lrlab;
using lrlab::test::logFixture;
using lrlab::test::readFile;
using lrlab::test::recordOffsets;
using lrlab::test::writeAll;

namespace {

constexpr int kWaitMs = 15000;

const char* kEventFixture = "tb_digits_mlp_warmup_cosine/events.out.tfevents.1796409267.vm.432.2";

/// The run read from the one event file of the fixture.
LogRun fixtureRun()
{
    const QString path = logFixture(QString::fromLatin1(kEventFixture));
    return readLog({path.toStdString(), LogFormat::TensorBoard, {path.toStdString()}, ""});
}

std::unique_ptr<RunsView> shownView()
{
    auto view = std::make_unique<RunsView>();
    view->resize(1600, 520);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    return view;
}

const ImportedRun* runAt(const RunsView& view, int index)
{
    return int(view.runs().runs().size()) > index ? &view.runs().runs()[std::size_t(index)]
                                                  : nullptr;
}

/// The tag that plays role in the run's current analysis ("" for none).
QString roleTag(const RunsView& view, int index, LogRole role)
{
    const ImportedRun* run = runAt(view, index);
    if (!run)
        return QStringLiteral("<no run>");
    const auto tag = run->snapshot->analysis.roles.find(role);
    return tag == run->snapshot->analysis.roles.end() ? QString()
                                                      : QString::fromStdString(tag->second);
}

/// The points of run index's graph on the plot of role (-1: no graph).
int graphPoints(const RunsView& view, int index, LogRole role)
{
    const ImportedRun* run = runAt(view, index);
    const QCPGraph* graph = run ? view.plots()->graph(role, run->id) : nullptr;
    return graph ? graph->dataCount() : -1;
}

} // namespace

class TestRunsSeries : public QObject
{
    Q_OBJECT

private slots:
    void chosenTagIsAnalysedAndDrawn_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("tag"); // "" = None
        QTest::newRow("loss from val/loss") << int(LogRole::Loss) << QStringLiteral("val/loss");
        QTest::newRow("val loss from train/loss")
            << int(LogRole::ValLoss) << QStringLiteral("train/loss");
        QTest::newRow("no learning rate") << int(LogRole::LearningRate) << QString();
    }

    void chosenTagIsAnalysedAndDrawn()
    {
        QFETCH(int, role);
        QFETCH(QString, tag);
        const LogRole chosenRole = static_cast<LogRole>(role);
        const LogRun reference = fixtureRun();
        const auto view = shownView();
        QVERIFY(view);
        view->importPaths({logFixture(QStringLiteral("tb_digits_mlp_warmup_cosine"))});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        QComboBox* combo = view->seriesEditor()->combo(chosenRole);
        QVERIFY(combo->isEnabled());
        // Automatic names the tag matched by name; every tag of the run is offered.
        const QString matched = QString::fromStdString(matchLogRoles(reference).at(chosenRole));
        QCOMPARE(combo->currentText(), QStringLiteral("Automatic (%1)").arg(matched));
        QCOMPARE(combo->count(), 2 + int(reference.series.size()));
        const std::string schedule =
            runAt(*view, 0)->snapshot->analysis.fit
                ? decayName(runAt(*view, 0)->snapshot->analysis.fit->schedule.decay)
                : std::string();

        // Chosen from the keyboard: the label's mnemonic focuses the combo, arrows pick.
        combo->setFocus();
        const int target =
            tag.isEmpty() ? combo->findText(QStringLiteral("None")) : combo->findText(tag);
        QVERIFY(target > 0);
        while (combo->currentIndex() < target)
            QTest::keyClick(combo, Qt::Key_Down);
        QTRY_COMPARE_WITH_TIMEOUT(roleTag(*view, 0, chosenRole), tag, kWaitMs);
        QCOMPARE(view->seriesEditor()->choice(chosenRole), std::optional(tag.toStdString()));
        QCOMPARE(combo->currentText(), tag.isEmpty() ? QStringLiteral("None") : tag);

        const ImportedRun* run = runAt(*view, 0);
        if (tag.isEmpty()) {
            QVERIFY(!run->series(chosenRole));
            QCOMPARE(graphPoints(*view, 0, chosenRole), -1);
            QVERIFY(!run->snapshot->analysis.fit); // no schedule without a learning rate
            QVERIFY(!schedule.empty());
        } else {
            const ScalarSeries& points = reference.series.at(tag.toStdString());
            QCOMPARE(run->series(chosenRole)->size(), points.size());
            // The chosen tag's points as the plot draws them at its width.
            const QCustomPlot* plot = view->plots()->plot(chosenRole);
            const auto drawn = [&] {
                const QCPRange range = plot->xAxis->range();
                return int(pointsToDraw(points, range.lower, range.upper,
                                        std::max(1, plot->axisRect()->width() - 2))
                               .size());
            };
            QTRY_COMPARE(graphPoints(*view, 0, chosenRole), drawn());
            QVERIFY(drawn() > 0);
            std::string missing;
            const auto expected = diagnoseLogRun(
                reference, matchLogRoles(reference, {{chosenRole, tag.toStdString()}}), &missing);
            QCOMPARE(bool(run->snapshot->analysis.diagnosis), bool(expected));
            if (expected)
                QCOMPARE(run->snapshot->analysis.diagnosis->label, expected->label);
        }

        // Back to Automatic: the tag matched by name again.
        combo->setCurrentIndex(0);
        emit combo->activated(0);
        QTRY_COMPARE_WITH_TIMEOUT(roleTag(*view, 0, chosenRole), matched, kWaitMs);
        QVERIFY(view->watch()->roleOverrides(run->id).empty());
    }

    void labelsTeachAndFocusTheirCombo()
    {
        const auto view = shownView();
        QVERIFY(view);
        // Nothing selected: nothing to choose.
        for (const LogRole role : kLogRoles)
            QVERIFY(!view->seriesEditor()->combo(role)->isEnabled());
        const QList<QLabel*> labels = view->seriesEditor()->findChildren<QLabel*>();
        QCOMPARE(labels.size(), int(kLogRoles.size()));
        QStringList mnemonics;
        for (const QLabel* label : labels) {
            auto* combo = qobject_cast<QComboBox*>(label->buddy());
            QVERIFY(combo);
            QVERIFY(!combo->toolTip().isEmpty());
            QCOMPARE(label->toolTip(), combo->toolTip());
            const int amp = label->text().indexOf(QLatin1Char('&'));
            QVERIFY2(amp >= 0, qPrintable(label->text()));
            mnemonics << label->text().mid(amp + 1, 1).toLower();
        }
        mnemonics.removeDuplicates();
        QCOMPARE(mnemonics.size(), int(kLogRoles.size()));
    }

    void followedFolderTakesUpNewEventFile()
    {
        QTemporaryDir dir;
        const QByteArray full = readFile(logFixture(QString::fromLatin1(kEventFixture)));
        const QList<qsizetype> at = recordOffsets(full);
        QVERIFY(at.size() > 600);
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("run")));
        const QString first = dir.filePath(QStringLiteral("run/events.out.tfevents.1.vm.1.0"));
        QVERIFY(writeAll(first, full.left(at[500])));
        const LogRun reference = fixtureRun();
        const LoggedSeries whole = loggedSeries(reference.series.at("train/loss"));

        const auto view = shownView();
        QVERIFY(view);
        view->importPaths({dir.path()});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        QVERIFY(runAt(*view, 0)->following);
        QTRY_VERIFY(graphPoints(*view, 0, LogRole::Loss) > 0);
        const std::size_t before = runAt(*view, 0)->series(LogRole::Loss)->size();
        QVERIFY(before < whole.size());
        QVERIFY(view->watch()->watchedDirectories().contains(dir.filePath(QStringLiteral("run"))));

        // The training restarts: a second event file, from record 400 on.
        const QString second = dir.filePath(QStringLiteral("run/events.out.tfevents.2.vm.2.0"));
        QVERIFY(writeAll(second, full.left(at[1]) + full.mid(at[400])));
        QElapsedTimer sinceWrite;
        sinceWrite.start();
        QTRY_COMPARE_WITH_TIMEOUT(loggedSeries(*runAt(*view, 0)->series(LogRole::Loss)).size(),
                                  whole.size(), 5000);
        const qint64 latency = sinceWrite.elapsed();
        QTRY_COMPARE(view->plots()
                         ->graph(LogRole::Loss, runAt(*view, 0)->id)
                         ->data()
                         ->at(graphPoints(*view, 0, LogRole::Loss) - 1)
                         ->key,
                     double(whole.back().step));
        qInfo("a new event file's points drawn %lld ms after it was written", latency);
        QCOMPARE(view->table()->rowCount(), 1); // merged into the run, no new run
        QCOMPARE(runAt(*view, 0)->log().source.files.size(), std::size_t(2));
        QVERIFY(view->problemLines().isEmpty());
    }

    void followedFolderTakesUpNewRun()
    {
        QTemporaryDir dir;
        const QByteArray csv =
            readFile(logFixture(QStringLiteral("lightning_digits_onecycle/metrics.csv")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("lightning_logs/version_0")));
        QVERIFY(
            writeAll(dir.filePath(QStringLiteral("lightning_logs/version_0/metrics.csv")), csv));
        const auto view = shownView();
        QVERIFY(view);
        view->importPaths({dir.filePath(QStringLiteral("lightning_logs"))});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        QVERIFY(runAt(*view, 0)->following);

        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("lightning_logs/version_1")));
        QVERIFY(
            writeAll(dir.filePath(QStringLiteral("lightning_logs/version_1/metrics.csv")), csv));
        QElapsedTimer sinceWrite;
        sinceWrite.start();
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 2, 5000);
        qInfo("a new run in a followed folder listed %lld ms after it was written",
              sinceWrite.elapsed());
        QCOMPARE(view->table()->item(1, 0)->text(), QStringLiteral("version_1/metrics.csv"));
        QVERIFY(runAt(*view, 1)->following);
        QCOMPARE(runAt(*view, 1)->log().pointCount(), runAt(*view, 0)->log().pointCount());
        QTRY_VERIFY(graphPoints(*view, 1, LogRole::Loss) > 0);
    }

    void sessionRoundTripRestoresRuns()
    {
        const auto view = shownView();
        QVERIFY(view);
        const QString tb = logFixture(QStringLiteral("tb_digits_mlp_warmup_cosine"));
        const QString csv = logFixture(QStringLiteral("lightning_digits_onecycle/metrics.csv"));
        view->importPaths({tb});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        view->importPaths({csv});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 2, kWaitMs);
        view->setRoleOverrides(runAt(*view, 0)->id,
                               {{LogRole::Loss, "val/loss"}, {LogRole::LearningRate, ""}});
        QTRY_COMPARE_WITH_TIMEOUT(roleTag(*view, 0, LogRole::Loss), QStringLiteral("val/loss"),
                                  kWaitMs);
        view->table()->item(1, 0)->setCheckState(Qt::Unchecked); // hidden
        view->table()->item(1, 2)->setCheckState(Qt::Checked);   // followed

        // Through the session file's JSON.
        Session session;
        session.importedRuns = view->savedRuns();
        const Session back = sessionFromJson(sessionToJson(session), "s.json");
        QCOMPARE(back.importedRuns.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(back.importedRuns[0].path), tb);
        QCOMPARE(back.importedRuns[0].tags.at("loss"), std::string("val/loss"));
        QCOMPARE(back.importedRuns[0].tags.at("lr"), std::string());
        QCOMPARE(back.importedRuns[0].tags.count("val_loss"), std::size_t(0));
        QCOMPARE(QString::fromStdString(back.importedRuns[1].path), csv);
        QVERIFY(!back.importedRuns[1].shown);
        QVERIFY(back.importedRuns[1].following);

        const auto restored = shownView();
        QVERIFY(restored);
        restored->importPaths({logFixture(QStringLiteral("hf_gpt2_warmup_cosine"))});
        QTRY_COMPARE_WITH_TIMEOUT(restored->table()->rowCount(), 1, kWaitMs);
        restored->restoreRuns(back.importedRuns); // replaces what was imported
        QTRY_COMPARE_WITH_TIMEOUT(restored->table()->rowCount(), 2, kWaitMs);
        std::vector<const ImportedRun*> runs{runAt(*restored, 0), runAt(*restored, 1)};
        std::sort(runs.begin(), runs.end(), [](const ImportedRun* a, const ImportedRun* b) {
            return a->log().source.format < b->log().source.format;
        });
        const ImportedRun* tbRun = runs[0];
        const ImportedRun* csvRun = runs[1];
        QCOMPARE(QString::fromStdString(tbRun->log().source.path), tb);
        QCOMPARE(tbRun->snapshot->analysis.roles.at(LogRole::Loss), std::string("val/loss"));
        QCOMPARE(tbRun->snapshot->analysis.roles.count(LogRole::LearningRate), std::size_t(0));
        QVERIFY(tbRun->shown && !tbRun->following);
        QVERIFY(!csvRun->shown && csvRun->following);
        QVERIFY(restored->watch()->isFollowing(csvRun->id));
        QVERIFY(!restored->plots()->graph(LogRole::Loss, csvRun->id));
        QTRY_COMPARE(graphPoints(*restored, tbRun == runAt(*restored, 0) ? 0 : 1, LogRole::Loss),
                     int(fixtureRun().series.at("val/loss").size()));
        // The editor shows the restored choice of the selected run.
        restored->table()->setCurrentCell(tbRun == runAt(*restored, 0) ? 0 : 1, 0);
        QCOMPARE(restored->seriesEditor()->combo(LogRole::Loss)->currentText(),
                 QStringLiteral("val/loss"));
        QCOMPARE(restored->seriesEditor()->combo(LogRole::LearningRate)->currentText(),
                 QStringLiteral("None"));
        QVERIFY(restored->problemLines().isEmpty());
    }

    void missingLogIsNamedAndTheRestRestores_data()
    {
        QTest::addColumn<bool>("exists"); // the path is there, but holds no log
        QTest::newRow("missing") << false;
        QTest::newRow("no log there") << true;
    }

    void missingLogIsNamedAndTheRestRestores()
    {
        QFETCH(bool, exists);
        QTemporaryDir dir;
        const QString gone = dir.filePath(QStringLiteral("moved/events.out.tfevents.9"));
        if (exists) {
            QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("moved")));
            QVERIFY(writeAll(gone, "garbage that is no TFRecord"));
        }
        SessionLogRun missing;
        missing.path = gone.toStdString();
        SessionLogRun present;
        present.path = logFixture(QStringLiteral("tb_digits_mlp_sgd_lr8")).toStdString();
        present.tags["lr"] = "train/loss";

        const auto view = shownView();
        QVERIFY(view);
        QSignalSpy problems(view.get(), &RunsView::restoreProblems);
        view->restoreRuns({missing, present});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        QCOMPARE(problems.count(), 1);
        const QStringList lines = problems.front().front().toStringList();
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.front().startsWith(gone + QStringLiteral(": cannot restore this run of "
                                                                "the session: ")),
                 qPrintable(lines.front()));
        QVERIFY2(lines.front().contains(exists ? QStringLiteral("CRC")
                                               : QStringLiteral("does not exist")),
                 qPrintable(lines.front()));
        QVERIFY(view->problemLines().contains(lines.front()));
        QCOMPARE(roleTag(*view, 0, LogRole::LearningRate), QStringLiteral("train/loss"));
    }
};

QTEST_MAIN(TestRunsSeries)
#include "tst_runs_series.moc"
