// Tests of JobStrip: names, mnemonics and accessible names; following a BackgroundJob through
// busy and measured progress to each outcome; the owner's status kept over the defaults; the
// buttons and shortcuts only ask.
#include "ui/widgets/job_strip.h"

#include "ui/worker/background_job.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QVBoxLayout>

#include <atomic>
#include <memory>
#include <stdexcept>

using lrlab::BackgroundJob;
using lrlab::JobContext;
using lrlab::JobStrip;

namespace {

constexpr int kTimeoutMs = 10000;

/// A job the test steps through: busy, then 3 of 10, then done when released.
struct SteppedJob
{
    std::shared_ptr<std::atomic<int>> stage = std::make_shared<std::atomic<int>>(0);

    auto work() const
    {
        return [stage = stage](const JobContext& context) {
            const auto waitFor = [&](int s) {
                while (stage->load() < s && !context.cancel.load())
                    QThread::usleep(200);
            };
            context.progress(0, 0);
            waitFor(1);
            context.progress(3, 10);
            waitFor(2);
            return 42;
        };
    }
};

} // namespace

class TestJobStrip : public QObject
{
    Q_OBJECT
private slots:
    void namesAndAccessibility();
    void followsJobToFinished();
    void ownerStatusIsKept();
    void cancelFromButton();
    void failureIsShown();
    void shortcutsAsk();
};

void TestJobStrip::namesAndAccessibility()
{
    JobStrip strip(QStringLiteral("sweep"));
    strip.setRunAction(QStringLiteral("&Run sweep"), QStringLiteral("Run every rate."));
    for (const char* name :
         {"sweepRun", "sweepCancel", "sweepProgress", "sweepTime", "sweepStatus"})
        QVERIFY2(strip.findChild<QWidget*>(QString::fromLatin1(name)) != nullptr, name);
    QCOMPARE(strip.runButton()->text(), QStringLiteral("&Run sweep"));
    QCOMPARE(strip.runButton()->toolTip(), QStringLiteral("Run every rate."));
    QVERIFY(strip.cancelButton()->text().contains(QLatin1Char('&'))); // a mnemonic
    QVERIFY(!strip.cancelButton()->toolTip().isEmpty());
    QVERIFY(!strip.progressBar()->accessibleName().isEmpty());
    QVERIFY(!strip.statusLabel()->accessibleName().isEmpty());
    QVERIFY(!strip.timeLabel()->accessibleName().isEmpty());
    QVERIFY(!strip.cancelButton()->isEnabled()); // nothing to cancel yet
    QVERIFY(strip.runButton()->isEnabled());
}

void TestJobStrip::followsJobToFinished()
{
    BackgroundJob job;
    JobStrip strip(QStringLiteral("test"));
    strip.bind(&job);
    strip.setProgressFormat(QStringLiteral("%v / %m runs"));
    SteppedJob stepped;
    job.start(stepped.work(), [](quint64, int) {});
    QVERIFY(strip.cancelButton()->isEnabled());
    QCOMPARE(strip.progressBar()->maximum(), 0); // busy
    QVERIFY(!strip.timeLabel()->text().isEmpty());
    stepped.stage->store(1);
    QTRY_COMPARE_WITH_TIMEOUT(strip.progressBar()->maximum(), 10, kTimeoutMs);
    QCOMPARE(strip.progressBar()->value(), 3);
    QVERIFY(strip.timeLabel()->text().contains(QStringLiteral("elapsed")));
    stepped.stage->store(2);
    QSignalSpy finished(&job, &BackgroundJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(strip.progressBar()->value(), 10);
    QVERIFY(!strip.cancelButton()->isEnabled());
    QVERIFY2(strip.timeLabel()->text().startsWith(QStringLiteral("10 / 10 runs in ")),
             qPrintable(strip.timeLabel()->text()));
    QCOMPARE(strip.statusText(), QStringLiteral("Done."));
}

void TestJobStrip::ownerStatusIsKept()
{
    BackgroundJob job;
    JobStrip strip(QStringLiteral("test"));
    strip.bind(&job);
    job.start([](const JobContext&) { return 1; },
              [&strip](quint64, int) { strip.setStatus(QStringLiteral("Best: lr 0.1.")); });
    QSignalSpy finished(&job, &BackgroundJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(strip.statusText(), QStringLiteral("Best: lr 0.1."));
    // A later job that finishes without a word of the owner gets the default again.
    job.start([](const JobContext&) { return 2; }, [](quint64, int) {});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kTimeoutMs);
    QCOMPARE(strip.statusText(), QStringLiteral("Done."));
}

void TestJobStrip::cancelFromButton()
{
    BackgroundJob job;
    JobStrip strip(QStringLiteral("test"));
    strip.bind(&job);
    strip.setProgressFormat(QStringLiteral("%v / %m runs"));
    connect(&strip, &JobStrip::cancelRequested, &job, &BackgroundJob::cancel);
    SteppedJob stepped;
    stepped.stage->store(1);
    job.start(stepped.work(), [](quint64, int) {});
    QTRY_COMPARE_WITH_TIMEOUT(strip.progressBar()->value(), 3, kTimeoutMs);
    QTest::mouseClick(strip.cancelButton(), Qt::LeftButton);
    QVERIFY(!job.isRunning());
    QVERIFY(!strip.cancelButton()->isEnabled());
    QCOMPARE(strip.statusText(), QStringLiteral("Cancelled after 3 / 10 runs."));
    QVERIFY(strip.timeLabel()->text().startsWith(QStringLiteral("cancelled after")));
    QTRY_COMPARE_WITH_TIMEOUT(job.pendingJobs(), 0, kTimeoutMs);
}

void TestJobStrip::failureIsShown()
{
    BackgroundJob job;
    JobStrip strip(QStringLiteral("test"));
    strip.bind(&job);
    job.start(
        [](const JobContext& context) -> int {
            context.progress(0, 0);
            throw std::runtime_error("no such dataset");
        },
        [](quint64, int) {});
    QSignalSpy failed(&job, &BackgroundJob::failed);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
    QVERIFY(strip.statusText().contains(QStringLiteral("no such dataset")));
    QVERIFY(!strip.statusLabel()->styleSheet().isEmpty()); // the alarm colour
    QCOMPARE(strip.progressBar()->maximum(), 1);           // no longer busy
    QVERIFY(!strip.cancelButton()->isEnabled());
}

void TestJobStrip::shortcutsAsk()
{
    QWidget view;
    auto* layout = new QVBoxLayout(&view);
    auto* strip = new JobStrip(QStringLiteral("test"), &view);
    layout->addWidget(strip);
    strip->installShortcuts(&view);
    QSignalSpy run(strip, &JobStrip::runRequested);
    QSignalSpy cancel(strip, &JobStrip::cancelRequested);
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    strip->runButton()->setFocus();
    QTest::keyClick(strip->runButton(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(run.count(), 1);
    QTest::keyClick(strip->runButton(), Qt::Key_Escape);
    QCOMPARE(cancel.count(), 1);
    QTest::mouseClick(strip->runButton(), Qt::LeftButton);
    QCOMPARE(run.count(), 2);
}

QTEST_MAIN(TestJobStrip)
#include "tst_job_strip.moc"
