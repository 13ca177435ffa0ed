// The GIF export of the explorer: the options its dialog starts with are valid for whatever
// runs are shown (toy runs, model runs whose path ends one row after their last loss, pins of
// other lengths) and write the animation; a failure closes the progress dialog before its
// message appears.
#include "tests/common/explorer_fixture.h"
#include "tests/common/run_configs.h"
#include "ui/compare/pin_loader.h"
#include "ui/compare/run_record.h"
#include "ui/export/animation_export.h"
#include "ui/export/export_controller.h"
#include "ui/shell/user_dialogs.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace {

/// The explorer's parts with runs shown the way the window shows them: pins, the current run,
/// and a playback that ends where the window's does (ComparePainter::maximumStep: the last row
/// or the path's final point, whichever is later).
struct ShownRuns
{
    ShownRuns(const std::vector<lrlab::RunConfig>& pinned, const lrlab::RunConfig& current)
    {
        std::vector<lrlab::RunRecord> records;
        for (const lrlab::RunConfig& config : pinned)
            records.push_back(lrlab::PinLoader::computeRecord(config));
        records.push_back(lrlab::PinLoader::computeRecord(current));
        lrlab::RunRecord& shownCurrent = records.back();
        if (lrlab::isModelType(current.problem.type)) {
            // A model run in the window: its path is the landscape's projection, which ends
            // with the parameters after the last update, at row rows().
            shownCurrent.pathRows.push_back(shownCurrent.rows());
            shownCurrent.pathX.push_back(shownCurrent.pathX.empty() ? 0.0
                                                                    : shownCurrent.pathX.back());
            shownCurrent.pathY.push_back(shownCurrent.pathY.empty() ? 0.0
                                                                    : shownCurrent.pathY.back());
        }
        int last = 0;
        for (const lrlab::RunRecord& record : records) {
            last = std::max(last, record.lastRow());
            if (!record.pathRows.empty())
                last = std::max(last, record.pathRows.back());
        }
        for (std::size_t i = 0; i + 1 < records.size(); ++i)
            explorer.pins.pin(records[i]);
        (void)explorer.model.apply(current);
        explorer.pins.setCurrent(records.back());
        explorer.playback->setMaximumStep(last);
        dialogs = std::make_unique<lrlab::UserDialogs>(&explorer.window);
        exporter = std::make_unique<lrlab::ExportController>(explorer.parts, dialogs.get());
    }

    lrlab::test::ExplorerFixture explorer;
    std::unique_ptr<lrlab::UserDialogs> dialogs;
    std::unique_ptr<lrlab::ExportController> exporter;
};

/// Watches for a message box: once one has been up for longer than a progress dialog waits
/// before it shows itself (QProgressDialog's timer from its construction, 4 s), records whether
/// a progress dialog is visible too, then presses OK.
class MessageWatcher : public QObject
{
public:
    MessageWatcher()
    {
        connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
        m_timer.start(20);
    }

    bool sawMessage = false;
    bool progressBesideMessage = false;

private:
    void poll()
    {
        QMessageBox* box = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* b = qobject_cast<QMessageBox*>(w); b && b->isVisible())
                box = b;
        if (!box)
            return;
        if (!m_up.isValid())
            m_up.start();
        if (m_up.elapsed() < 4500) // QProgressDialog shows itself after 4 s at the latest
            return;
        sawMessage = true;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (qobject_cast<QProgressDialog*>(w) && w->isVisible())
                progressBesideMessage = true;
        box->done(QMessageBox::Ok);
        m_up.invalidate();
    }

    QTimer m_timer;
    QElapsedTimer m_up;
};

} // namespace

Q_DECLARE_METATYPE(std::vector<lrlab::RunConfig>)

class TestExportGifDefaults : public QObject
{
    Q_OBJECT
private slots:
    void defaultsAreValid_data();
    void defaultsAreValid();
    void failureClosesTheProgressDialog_data();
    void failureClosesTheProgressDialog();
};

void TestExportGifDefaults::defaultsAreValid_data()
{
    using lrlab::test::digitsMlp;
    using lrlab::test::rosenbrockRun;
    using lrlab::test::runConfig;
    QTest::addColumn<std::vector<lrlab::RunConfig>>("pinned");
    QTest::addColumn<lrlab::RunConfig>("current");
    QTest::addRow("toy") << std::vector{rosenbrockRun(1e-3, 60)} << rosenbrockRun(5e-4, 100);
    QTest::addRow("linreg, longer pin")
        << std::vector{runConfig("linreg", 0.05, 150)} << runConfig("linreg", 0.02, 100);
    QTest::addRow("linreg, shorter pin")
        << std::vector{runConfig("linreg", 0.05, 40)} << runConfig("linreg", 0.02, 100);
    QTest::addRow("mlp pca") << std::vector<lrlab::RunConfig>{} << digitsMlp(6, 0.1, 80);
}

void TestExportGifDefaults::defaultsAreValid()
{
    QFETCH(std::vector<lrlab::RunConfig>, pinned);
    QFETCH(lrlab::RunConfig, current);
    ShownRuns shown(pinned, current);
    QSignalSpy errors(shown.dialogs.get(), &lrlab::UserDialogs::errorShown);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("playback.gif"));
    lrlab::AnimationOptions options = shown.exporter->defaultAnimationOptions();
    options.size = QSize(160, 120); // small frames: the steps are what is tested
    options.frames = 4;
    QVERIFY2(shown.exporter->exportAnimationTo(QStringLiteral("loss"), options, path),
             errors.isEmpty() ? ""
                              : qPrintable(errors.front().front().toString().replace('\n', ' ')));
    QVERIFY(QFileInfo(path).size() > 0);
}

void TestExportGifDefaults::failureClosesTheProgressDialog_data()
{
    QTest::addColumn<int>("lastStep");
    QTest::addColumn<QString>("file");
    QTest::addRow("steps past the runs") << 100000 << QStringLiteral("playback.gif");
    QTest::addRow("unwritable path") << -1 << QStringLiteral("no/such/dir/playback.gif");
}

void TestExportGifDefaults::failureClosesTheProgressDialog()
{
    QFETCH(int, lastStep);
    QFETCH(QString, file);
    ShownRuns shown({}, lrlab::test::rosenbrockRun(1e-3, 100));
    shown.explorer.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shown.explorer.window));
    shown.dialogs->setModalDialogsEnabled(true); // the progress dialog and the message box
    QSignalSpy errors(shown.dialogs.get(), &lrlab::UserDialogs::errorShown);
    QTemporaryDir dir;
    lrlab::AnimationOptions options = shown.exporter->defaultAnimationOptions();
    options.size = QSize(160, 120);
    options.frames = 3;
    options.lastStep = lastStep;
    MessageWatcher watcher;
    QVERIFY(
        !shown.exporter->exportAnimationTo(QStringLiteral("loss"), options, dir.filePath(file)));
    QVERIFY(watcher.sawMessage);
    QVERIFY(!watcher.progressBesideMessage);
    QCOMPARE(errors.count(), 1);
    for (QWidget* w : QApplication::topLevelWidgets())
        QVERIFY(!(qobject_cast<QProgressDialog*>(w) && w->isVisible()));
}

QTEST_MAIN(TestExportGifDefaults)
#include "tst_export_gif_defaults.moc"
