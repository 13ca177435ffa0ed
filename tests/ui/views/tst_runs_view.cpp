// Tests of the Runs dock: imported logs are listed with their format and drawn from their own
// points; hiding a run hides its graphs; a followed log's appended records appear within
// seconds; read problems are listed with their file; a million points are drawn from at most
// two per pixel column, with spikes kept; "Open in the lab" puts the recognised schedule into
// the experiment.
#include "core/analysis/schedule_fit.h"
#include "core/logs/log_discovery.h"
#include "core/logs/log_follower.h"
#include "core/logs/log_roles.h"
#include "tests/common/files.h"
#include "tests/common/tfrecord_bytes.h"
#include "tests/common/training_logs.h"
#include "ui/experiment_model.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/export/export_controller.h"
#include "ui/main_window.h"
#include "ui/shell/user_dialogs.h"
#include "ui/views/imported_runs.h"
#include "ui/views/runs_plots.h"
#include "ui/views/runs_view.h"
#include "ui/worker/log_watch.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUrl>

#include <qcustomplot.h>

using namespace lrlab;
using lrlab::test::logFixture;
using lrlab::test::readFile;
using lrlab::test::recordOffsets;
using lrlab::test::writeAll;

namespace {

constexpr int kWaitMs = 15000;

const char* kEventFixture = "tb_digits_mlp_warmup_cosine/events.out.tfevents.1796409267.vm.432.2";

/// The points of the tag playing role in the one run at path, as the core reads it.
ScalarSeries referenceSeries(const QString& path, LogRole role = LogRole::Loss)
{
    const LogDiscovery found = discoverLogs(path.toStdString());
    if (found.sources.size() != 1)
        return {};
    const LogRun run = readLog(found.sources.front());
    const auto roles = matchLogRoles(run);
    const auto tag = roles.find(role);
    return tag == roles.end() ? ScalarSeries() : run.series.at(tag->second);
}

/// Adds a row per fixture folder to the data of a data-driven test.
void addFolderRows(std::initializer_list<const char*> folders)
{
    QTest::addColumn<QString>("folder");
    for (const char* folder : folders)
        QTest::newRow(folder) << QString::fromLatin1(folder);
}

/// A shown view, laid out so its plots have their width.
std::unique_ptr<RunsView> shownView()
{
    auto view = std::make_unique<RunsView>();
    view->resize(1600, 420);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    return view;
}

quint64 firstRunId(const RunsView& view)
{
    return view.runs().runs().empty() ? 0 : view.runs().runs().front().id;
}

QCPGraph* lossGraph(const RunsView& view)
{
    return view.plots()->graph(LogRole::Loss, firstRunId(view));
}

double lastKey(const RunsView& view)
{
    const QCPGraph* graph = lossGraph(view);
    return graph && graph->dataCount() > 0 ? graph->data()->at(graph->dataCount() - 1)->key : -1;
}

} // namespace

class TestRunsView : public QObject
{
    Q_OBJECT

private slots:
    void importedFolderIsListedAndDrawnFromItsLog_data()
    {
        addFolderRows({"hf_gpt2_constant_tiny_lr", "hf_gpt2_warmup_cosine",
                       "lightning_digits_onecycle", "tb_digits_mlp_sgd_lr8",
                       "tb_digits_mlp_warmup_cosine"});
    }

    void importedFolderIsListedAndDrawnFromItsLog()
    {
        QFETCH(QString, folder);
        const QString path = logFixture(folder);
        const LogDiscovery found = discoverLogs(path.toStdString());
        QCOMPARE(found.sources.size(), std::size_t(1));
        const ScalarSeries loss = referenceSeries(path);
        QVERIFY(loss.size() >= 2);

        const auto view = shownView();
        QVERIFY(view);
        view->importPaths({path});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        // A folder's run is named by the folder, a file's by its folder and name.
        const LogSource& source = found.sources.front();
        const QString file = QFileInfo(QString::fromStdString(source.path)).fileName();
        QCOMPARE(view->table()->item(0, 0)->text(),
                 file == folder ? folder : folder + QLatin1Char('/') + file);
        QCOMPARE(view->table()->item(0, 1)->text(),
                 QString::fromLatin1(logFormatName(found.sources.front().format)));
        QCOMPARE(view->table()->item(0, 0)->checkState(), Qt::Checked);

        QCustomPlot* plot = view->plots()->plot(LogRole::Loss);
        QCOMPARE(plot->graphCount(), 1);
        const QCPGraph* graph = lossGraph(*view);
        QVERIFY(graph);
        QTRY_VERIFY(graph->dataCount() >= 2); // after the redraw for the laid-out width
        QCOMPARE(graph->data()->at(0)->key, double(loss.front().step));
        QCOMPARE(graph->data()->at(0)->value, loss.front().value);
        QCOMPARE(graph->data()->at(graph->dataCount() - 1)->key, double(loss.back().step));
        QCOMPARE(graph->data()->at(graph->dataCount() - 1)->value, loss.back().value);

        // Unchecked: no graph of the run on any plot.
        view->table()->item(0, 0)->setCheckState(Qt::Unchecked);
        QVERIFY(!view->runs().runs().front().shown);
        for (const LogRole role : {LogRole::Loss, LogRole::ValLoss, LogRole::LearningRate}) {
            QVERIFY(!view->plots()->graph(role, firstRunId(*view)));
            QCOMPARE(view->plots()->plot(role)->graphCount(), 0);
        }
        view->table()->item(0, 0)->setCheckState(Qt::Checked);
        QCOMPARE(plot->graphCount(), 1);
    }

    void followedLogShowsAppendedRecords()
    {
        QTemporaryDir dir;
        const QByteArray full = readFile(logFixture(QString::fromLatin1(kEventFixture)));
        const QList<qsizetype> at = recordOffsets(full);
        QVERIFY(at.size() > 200);
        const qsizetype cut = at[at.size() / 2] + 7; // inside a record's header
        const QString path = dir.filePath(QStringLiteral("events.out.tfevents.1.vm.1.0"));
        QVERIFY(writeAll(path, full.left(cut)));
        const ScalarSeries all = referenceSeries(logFixture(QString::fromLatin1(kEventFixture)));
        QVERIFY(!all.empty());

        const auto view = shownView();
        QVERIFY(view);
        view->importPaths({dir.path()});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        QVERIFY(view->runs().runs().front().following); // written just now
        QCOMPARE(view->table()->item(0, 2)->checkState(), Qt::Checked);
        QTRY_VERIFY(lastKey(*view) >= 0);
        QVERIFY(lastKey(*view) < double(all.back().step));
        QVERIFY(view->problemLines().isEmpty()); // a cut record waits while following

        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
        QCOMPARE(file.write(full.mid(cut)), full.size() - cut);
        file.close();
        QElapsedTimer sinceWrite;
        sinceWrite.start();
        QTRY_COMPARE_WITH_TIMEOUT(lastKey(*view), double(all.back().step), 5000);
        qInfo("appended records drawn %lld ms after the write", sinceWrite.elapsed());
        QVERIFY(view->problemLines().isEmpty());

        // Follow off: the files are no longer watched or polled.
        view->table()->item(0, 2)->setCheckState(Qt::Unchecked);
        QVERIFY(!view->runs().runs().front().following);
        QVERIFY(!view->watch()->isFollowing(firstRunId(*view)));
        QVERIFY(!view->watch()->watchedFiles().contains(path));
    }

    void corruptRecordIsListedWithItsFile()
    {
        QTemporaryDir dir;
        QByteArray bytes = readFile(logFixture(QString::fromLatin1(kEventFixture)));
        const QList<qsizetype> at = recordOffsets(bytes);
        QVERIFY(at.size() > 101);
        bytes[at[100] + 14] = static_cast<char>(bytes[at[100] + 14] ^ 0x01); // record 101's data
        const QString path = dir.filePath(QStringLiteral("events.out.tfevents.2.vm.2.0"));
        QVERIFY(writeAll(path, bytes));

        const auto view = shownView();
        QVERIFY(view);
        view->importPaths({path});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        QTRY_VERIFY(!view->problemLines().isEmpty());
        const QString line = view->problemLines().front();
        QVERIFY2(line.startsWith(path + QStringLiteral(": record 101 at byte ")), qPrintable(line));
        QVERIFY(lossGraph(*view)); // the rest is drawn
    }

    void pathWithoutLogIsListed()
    {
        QTemporaryDir dir;
        QVERIFY(writeAll(dir.filePath(QStringLiteral("notes.txt")), "nothing to see\n"));
        const auto view = shownView();
        QVERIFY(view);
        view->importPaths({dir.path()});
        QTRY_VERIFY_WITH_TIMEOUT(!view->problemLines().isEmpty(), kWaitMs);
        QVERIFY(view->problemLines().front().contains(dir.path()));
        QCOMPARE(view->table()->rowCount(), 0);
    }

    void millionPointsAreDrawnFromTwoPerPixelColumn()
    {
        QTemporaryDir dir;
        constexpr int kPoints = 1000000;
        constexpr int kSpikeStep = 654321;
        QByteArray csv = "step,loss\n";
        csv.reserve(kPoints * 16);
        for (int step = 0; step < kPoints; ++step) {
            const double loss = step == kSpikeStep ? 100.0 : 1.0 + double(step % 7) / 100.0;
            csv += QByteArray::number(step) + ',' + QByteArray::number(loss) + '\n';
        }
        const QString path = dir.filePath(QStringLiteral("metrics.csv"));
        QVERIFY(writeAll(path, csv));

        const auto view = shownView();
        QVERIFY(view);
        view->importPaths({path});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        QCustomPlot* plot = view->plots()->plot(LogRole::Loss);
        const QCPGraph* graph = lossGraph(*view);
        QVERIFY(graph);
        QTRY_VERIFY(graph->dataCount() > 100);
        QVERIFY2(graph->dataCount() <= 2 * plot->width(),
                 qPrintable(QStringLiteral("%1 points on a %2 px plot")
                                .arg(graph->dataCount())
                                .arg(plot->width())));
        bool found = false;
        const QCPRange values = graph->getValueRange(found);
        QVERIFY(found);
        QCOMPARE(values.upper, 100.0); // the spike survives
        QCOMPARE(graph->data()->at(graph->dataCount() - 1)->key, double(kPoints - 1));
        QVERIFY(!view->openInLabButton()->isEnabled()); // no learning rate logged
        QElapsedTimer timer;
        timer.start();
        view->plots()->redraw();
        qInfo("a redraw of %d points decimated: %lld ms", kPoints, timer.elapsed());

        // Zoomed in: decimated again for the new range, as many points per pixel column.
        // 200 steps on a plot wider than that: every step in view is drawn, and one beyond.
        QVERIFY(plot->axisRect()->width() > 210);
        plot->xAxis->setRange(kSpikeStep - 100, kSpikeStep + 100);
        QTRY_COMPARE(graph->data()->at(0)->key, double(kSpikeStep - 101));
        QCOMPARE(graph->dataCount(), 203);
    }

    void openInLabSetsTheRecognisedSchedule_data()
    {
        addFolderRows(
            {"hf_gpt2_constant_tiny_lr", "hf_gpt2_warmup_cosine", "tb_digits_mlp_warmup_cosine"});
    }

    void openInLabSetsTheRecognisedSchedule()
    {
        QFETCH(QString, folder);
        const QString path = logFixture(folder);
        LoggedSeries rates;
        for (const ScalarPoint& p : referenceSeries(path, LogRole::LearningRate))
            rates.push_back({p.step, p.value});
        const ScheduleFit reference = fitSchedule(rates);
        QVERIFY2(reference.fits, reference.reason.c_str());

        ExperimentModel model;
        const auto view = shownView();
        QVERIFY(view);
        view->setExperimentModel(&model);
        view->importPaths({path});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        view->table()->setCurrentCell(0, 0);
        QVERIFY(view->openInLabButton()->isEnabled());
        const QCPGraph* schedule = view->plots()->scheduleGraph(firstRunId(*view));
        QVERIFY(schedule);
        QVERIFY(schedule->pen().style() == Qt::DashLine);
        QVERIFY2(schedule->name().contains(QString::number(reference.maxRelativeError, 'g', 2)),
                 qPrintable(schedule->name()));
        QVERIFY(!(model.config().schedule == reference.schedule));

        QSignalSpy changed(&model, &ExperimentModel::configChanged);
        view->openInLabButton()->click();
        QCOMPARE(changed.count(), 1);
        QVERIFY(model.config().schedule == reference.schedule);
        QCOMPARE(model.config().schedule.learningRate, reference.schedule.learningRate);
        QVERIFY(model.config().steps >= reference.schedule.totalSteps);
    }

    void removedRunIgnoresReadInFlight()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.out.tfevents.3.vm.3.0"));
        QVERIFY(writeAll(path, readFile(logFixture(QString::fromLatin1(kEventFixture)))));
        const auto view = shownView();
        QVERIFY(view);
        view->importPaths({path});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        QVERIFY(view->runs().runs().front().following);
        QVERIFY(view->watch()->watchedFiles().contains(path));
        QVERIFY(writeAll(path, QByteArray())); // truncated: the next read starts over
        view->watch()->refreshFollowed();
        QVERIFY(view->watch()->pendingReads() > 0);
        view->table()->setCurrentCell(0, 0);
        view->removeSelected();
        QVERIFY(view->watch()->watchedFiles().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(view->watch()->pendingReads(), 0, kWaitMs);
        QTest::qWait(2 * LogWatch::kPollMilliseconds); // no poll brings it back either
        QVERIFY(view->runs().runs().empty());
        QCOMPARE(view->table()->rowCount(), 0);
    }

    void closingWithReadsInFlightIsSafe()
    {
        QTemporaryDir dir;
        QByteArray csv = "step,loss,lr\n";
        for (int step = 0; step < 200000; ++step)
            csv += QByteArray::number(step) + ",1.5,0.01\n";
        const QString path = dir.filePath(QStringLiteral("metrics.csv"));
        QVERIFY(writeAll(path, csv));
        auto view = std::make_unique<RunsView>();
        view->importPaths({path});
        view->importPaths({path});
        QCOMPARE(view->watch()->pendingReads(), 2);
        view.reset(); // the reads finish on their own, their results dropped
        QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
    }

    void windowTakesDroppedLogsAndExportsTheRunsFigure()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.dialogs()->setModalDialogsEnabled(false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto* import = window.findChild<QAction*>(QStringLiteral("importRunsAction"));
        QVERIFY(import);
        QCOMPARE(import->shortcut(), QKeySequence(QStringLiteral("Ctrl+I")));

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(logFixture(QStringLiteral("tb_digits_mlp_sgd_lr8")))});
        const QPoint at = window.rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        RunsView* view = window.docks()->runs();
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        QCOMPARE(window.docks()->activeTab(), QStringLiteral("runs"));
        QVERIFY(window.docks()->runsDock()->isVisible());

        QCOMPARE(window.exporter()->figureWidget(QStringLiteral("runs")), view->plots());
        const QString png = dir.filePath(QStringLiteral("runs.png"));
        QVERIFY(window.exporter()->exportFigureTo(QStringLiteral("runs"), png, QSize(900, 300)));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(900, 300));

        // A language switch rebuilds the window: the runs are imported into the new one.
        const MainWindow::ShellState state = window.shellState();
        QCOMPARE(state.importedRuns, view->importedPaths());
        MainWindow rebuilt;
        rebuilt.restoreShellState(state);
        QTRY_COMPARE_WITH_TIMEOUT(rebuilt.docks()->runs()->table()->rowCount(), 1, kWaitMs);
        QCOMPARE(rebuilt.docks()->runs()->table()->item(0, 0)->text(),
                 view->table()->item(0, 0)->text());
    }

    void pointsToDrawKeepTheEnds_data()
    {
        QTest::addColumn<int>("columns");
        QTest::newRow("1 column") << 1;
        QTest::newRow("7 columns") << 7;
        QTest::newRow("500 columns") << 500;
    }

    void pointsToDrawKeepTheEnds()
    {
        QFETCH(int, columns);
        ScalarSeries series;
        for (int step = 0; step < 1000; ++step)
            series.push_back({step, double((step * 37) % 101)});
        const ScalarSeries points = pointsToDraw(series, 100, 899.5, columns);
        QVERIFY(int(points.size()) <= 2 * columns + 4);
        // The neighbours outside the range come first and last, the range's ends next to them.
        QCOMPARE(points.front().step, std::int64_t(99));
        QCOMPARE(points[1].step, std::int64_t(100));
        QCOMPARE(points[points.size() - 2].step, std::int64_t(900));
        QCOMPARE(points.back().step, std::int64_t(901));
        QCOMPARE(points.back().value, series[901].value);
        QVERIFY(std::is_sorted(
            points.begin(), points.end(),
            [](const ScalarPoint& a, const ScalarPoint& b) { return a.step < b.step; }));
    }

    void removedRunLeavesListAndPlots()
    {
        const auto view = shownView();
        QVERIFY(view);
        view->importPaths({logFixture(QStringLiteral("tb_digits_mlp_sgd_lr8"))});
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 1, kWaitMs);
        view->table()->setCurrentCell(0, 0);
        view->removeSelected();
        QCOMPARE(view->table()->rowCount(), 0);
        QVERIFY(view->runs().runs().empty());
        QCOMPARE(view->plots()->plot(LogRole::Loss)->graphCount(), 0);
    }
};

QTEST_MAIN(TestRunsView)
#include "tst_runs_view.moc"
