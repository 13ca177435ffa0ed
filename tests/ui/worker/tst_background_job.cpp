// Tests of BackgroundJob: the newest generation wins, cancel is prompt, progress and posts only
// for the newest job, destruction cancels and waits, exceptions become failed(), and several
// instances run side by side.
#include "ui/worker/background_job.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <vector>

using lrlab::BackgroundJob;
using lrlab::JobContext;

namespace {

constexpr int kTimeoutMs = 10000;

/// Work that loops until its flag is raised, then returns `value`; `started` is raised first.
auto loopUntilCancelled(std::shared_ptr<std::atomic<bool>> started, int value)
{
    return [started, value](const JobContext& context) {
        started->store(true);
        while (!context.cancel.load())
            QThread::usleep(200);
        return value;
    };
}

} // namespace

class TestBackgroundJob : public QObject
{
    Q_OBJECT
private slots:
    void deliversResult();
    void newestGenerationWins();
    void cancelIsPrompt();
    void progressOnlyForNewest();
    void postOnlyForNewest();
    void destructionCancelsAndWaits();
    void exceptionBecomesFailed_data();
    void exceptionBecomesFailed();
    void independentInstances();
};

void TestBackgroundJob::deliversResult()
{
    BackgroundJob job;
    QSignalSpy finished(&job, &BackgroundJob::finished);
    QSignalSpy running(&job, &BackgroundJob::runningChanged);
    std::vector<std::pair<quint64, QString>> delivered;
    const quint64 generation = job.start(
        [](const JobContext& context) {
            context.progress(1, 1);
            return QStringLiteral("result of %1").arg(context.generation());
        },
        [&](quint64 g, QString value) { delivered.emplace_back(g, value); });
    QCOMPARE(generation, quint64(1));
    QCOMPARE(job.generation(), quint64(1));
    QVERIFY(job.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), quint64(1));
    QCOMPARE(delivered.size(), std::size_t(1));
    QCOMPARE(delivered[0].first, quint64(1));
    QCOMPARE(delivered[0].second, QStringLiteral("result of 1"));
    QVERIFY(!job.isRunning());
    QCOMPARE(running.count(), 2);
    QCOMPARE(running.at(0).at(0).toBool(), true);
    QCOMPARE(running.at(1).at(0).toBool(), false);
    QCOMPARE(job.pendingJobs(), 0);
}

void TestBackgroundJob::newestGenerationWins()
{
    BackgroundJob job;
    QSignalSpy finished(&job, &BackgroundJob::finished);
    QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
    std::vector<std::pair<quint64, int>> delivered;
    const auto onDone = [&](quint64 g, int value) { delivered.emplace_back(g, value); };
    auto firstStarted = std::make_shared<std::atomic<bool>>(false);
    const quint64 first = job.start(loopUntilCancelled(firstStarted, 1), onDone);
    QTRY_VERIFY_WITH_TIMEOUT(firstStarted->load(), kTimeoutMs); // inside its loop
    const quint64 second = job.start([](const JobContext&) { return 2; }, onDone);
    QCOMPARE(first, quint64(1));
    QCOMPARE(second, quint64(2));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    // The first (abandoned) generation returns too; nothing of it is delivered.
    QTRY_COMPARE_WITH_TIMEOUT(job.pendingJobs(), 0, kTimeoutMs);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), second);
    QCOMPARE(delivered.size(), std::size_t(1));
    QCOMPARE(delivered[0].first, second);
    QCOMPARE(delivered[0].second, 2);
    QCOMPARE(cancelled.count(), 0); // superseded, not cancelled
}

void TestBackgroundJob::cancelIsPrompt()
{
    BackgroundJob job;
    QSignalSpy finished(&job, &BackgroundJob::finished);
    QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
    auto started = std::make_shared<std::atomic<bool>>(false);
    int deliveries = 0;
    job.start(loopUntilCancelled(started, 7), [&](quint64, int) { ++deliveries; });
    QTRY_VERIFY_WITH_TIMEOUT(started->load(), kTimeoutMs);
    QCOMPARE(job.pendingJobs(), 1);
    QElapsedTimer clock;
    clock.start();
    job.cancel();
    QVERIFY(!job.isRunning()); // idle at once
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(cancelled.at(0).at(0).value<quint64>(), quint64(1));
    // The work sees its flag at the next check and returns.
    QTRY_VERIFY_WITH_TIMEOUT(job.pendingJobs() == 0, 1000);
    QVERIFY(clock.elapsed() < 1000);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(deliveries, 0);
    job.cancel(); // idle: nothing more
    QCOMPARE(cancelled.count(), 1);
}

void TestBackgroundJob::progressOnlyForNewest()
{
    BackgroundJob job;
    QSignalSpy progress(&job, &BackgroundJob::progressChanged);
    // The first job reports as fast as it can until it is abandoned.
    job.start([](const JobContext& context) {
        for (int i = 0; !context.cancel.load(); ++i)
            context.progress(i % 1000, 1000);
    });
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, kTimeoutMs);
    QCOMPARE(progress.last().at(0).value<quint64>(), quint64(1));
    QCOMPARE(progress.last().at(2).toInt(), 1000);
    auto release = std::make_shared<std::atomic<bool>>(false);
    const quint64 second = job.start([release](const JobContext& context) {
        context.progress(0, 0); // busy first
        context.progress(5, 10);
        while (!release->load() && !context.cancel.load())
            QThread::usleep(200);
    });
    progress.clear();
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0 && progress.last().at(1).toInt() == 5,
                             kTimeoutMs);
    // Let every report the first job queued arrive: none of them may get through.
    QTRY_COMPARE_WITH_TIMEOUT(job.pendingJobs(), 1, kTimeoutMs);
    QCoreApplication::processEvents();
    for (const QList<QVariant>& report : progress) {
        QCOMPARE(report.at(0).value<quint64>(), second);
        QVERIFY(report.at(2).toInt() == 0 || report.at(2).toInt() == 10);
    }
    release->store(true);
    QSignalSpy finished(&job, &BackgroundJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
}

void TestBackgroundJob::postOnlyForNewest()
{
    BackgroundJob job;
    std::vector<int> posted;
    bool cancelled = false;
    int firstDelivered = 0;
    int lateDeliveries = 0;
    job.start([&](const JobContext& context) {
        while (!context.cancel.load()) {
            context.post([&] {
                ++firstDelivered;
                lateDeliveries += cancelled ? 1 : 0;
            });
            QThread::usleep(300);
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(firstDelivered > 0, kTimeoutMs); // delivered while current
    job.cancel();                                             // posts still queued are dropped
    cancelled = true;
    QSignalSpy finished(&job, &BackgroundJob::finished);
    job.start([&posted](const JobContext& context) {
        for (int i = 0; i < 3; ++i)
            context.post([&posted, i] { posted.push_back(i); });
    });
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(job.pendingJobs(), 0, kTimeoutMs);
    QCoreApplication::processEvents();
    QCOMPARE(lateDeliveries, 0);
    QCOMPARE(posted, (std::vector<int>{0, 1, 2})); // all of them, in order
}

void TestBackgroundJob::destructionCancelsAndWaits()
{
    auto started = std::make_shared<std::atomic<bool>>(false);
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    auto returned = std::make_shared<std::atomic<bool>>(false);
    {
        BackgroundJob job;
        job.start([started, sawCancel, returned](const JobContext& context) {
            started->store(true);
            while (!context.cancel.load())
                QThread::usleep(200);
            sawCancel->store(true);
            QThread::msleep(50); // still busy when the destructor starts waiting
            returned->store(true);
        });
        QTRY_VERIFY_WITH_TIMEOUT(started->load(), kTimeoutMs);
    } // the destructor cancels and waits
    QVERIFY(sawCancel->load());
    QVERIFY(returned->load());
}

void TestBackgroundJob::exceptionBecomesFailed_data()
{
    QTest::addColumn<bool>("standard");
    QTest::addColumn<QString>("message");
    QTest::newRow("std::exception") << true << QStringLiteral("dataset not found");
    QTest::newRow("other") << false << QStringLiteral("unknown error");
}

void TestBackgroundJob::exceptionBecomesFailed()
{
    QFETCH(bool, standard);
    QFETCH(QString, message);
    BackgroundJob job;
    QSignalSpy failed(&job, &BackgroundJob::failed);
    QSignalSpy finished(&job, &BackgroundJob::finished);
    int deliveries = 0;
    job.start(
        [standard](const JobContext&) -> int {
            if (standard)
                throw std::runtime_error("dataset not found");
            throw 42;
        },
        [&](quint64, int) { ++deliveries; });
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
    QCOMPARE(failed.at(0).at(0).value<quint64>(), quint64(1));
    QCOMPARE(failed.at(0).at(1).toString(), message);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(deliveries, 0);
    QVERIFY(!job.isRunning());
}

void TestBackgroundJob::independentInstances()
{
    BackgroundJob curvature;
    BackgroundJob trio;
    QSignalSpy trioFinished(&trio, &BackgroundJob::finished);
    auto started = std::make_shared<std::atomic<bool>>(false);
    curvature.start(loopUntilCancelled(started, 1), [](quint64, int) {});
    int trioValue = 0;
    trio.start([](const JobContext&) { return 3; }, [&](quint64, int v) { trioValue = v; });
    // One instance's start does not abandon the other's job.
    QTRY_COMPARE_WITH_TIMEOUT(trioFinished.count(), 1, kTimeoutMs);
    QCOMPARE(trioValue, 3);
    QVERIFY(curvature.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(started->load(), kTimeoutMs);
    curvature.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(curvature.pendingJobs(), 0, 1000);
}

QTEST_GUILESS_MAIN(TestBackgroundJob)
#include "tst_background_job.moc"
