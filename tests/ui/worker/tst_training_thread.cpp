// Tests of the toy lab's background worker: latest request wins, failures are
// reported as signals, destruction while busy is clean; and the landscape grid it computes.
#include "core/analysis/landscape_image.h"
#include "ui/worker/training_thread.h"

#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/problems/toy_surface.h"
#include "tests/common/nearly_equal.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>

using lrlab::test::nearlyEqual;

namespace {

lrlab::RunRequest rosenbrockRequest(int steps, double learningRate, int gridSize = 0)
{
    lrlab::RunRequest request;
    request.config.problem.type = "rosenbrock";
    request.config.optimizer.type = "sgd";
    request.config.steps = steps;
    request.config.schedule.totalSteps = steps;
    request.config.schedule.learningRate = learningRate;
    request.gridSize = gridSize;
    return request;
}

lrlab::RunRequest modelRequest(const std::string& type, int steps, double learningRate)
{
    lrlab::RunRequest request;
    request.config.problem.type = type;
    request.config.optimizer.type = "adam";
    request.config.steps = steps;
    request.config.schedule.totalSteps = steps;
    request.config.schedule.learningRate = learningRate;
    request.config.evalEvery = 50;
    return request;
}

} // namespace

class TestTrainingThread : public QObject
{
    Q_OBJECT
private slots:
    void onlyLatestGenerationFinishes();
    void invalidRequestFails_data();
    void invalidRequestFails();
    void destructionWhileBusy();
    void landscapeGridValues_data();
    void landscapeGridValues();
    void modelRunStreamsChunks_data();
    void modelRunStreamsChunks();
    void modelRunAbandonedForNewer();
    void landscapeGivesWayToNewerRequest();
};

void TestTrainingThread::onlyLatestGenerationFinishes()
{
    lrlab::TrainingThread worker;
    QSignalSpy finished(&worker, &lrlab::TrainingThread::runFinished);
    QSignalSpy failed(&worker, &lrlab::TrainingThread::runFailed);
    QSignalSpy landscapes(&worker, &lrlab::TrainingThread::landscapeReady);

    // A long first request (big landscape + many steps) and a short second one, back to back.
    const quint64 first = worker.submit(rosenbrockRequest(20000, 1e-4, 1024));
    const quint64 second = worker.submit(rosenbrockRequest(37, 1e-3, 64));
    QCOMPARE(second, first + 1);
    QCOMPARE(worker.generation(), second);

    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 10000);
    // The worker handles requests in order, so a result of the first would have come earlier.
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), second);
    const auto result = finished.at(0).at(1).value<lrlab::RunResult>();
    QCOMPARE(result.trace.rows(), 38); // rows 0..steps
    QCOMPARE(result.config.steps, 37);
    QCOMPARE(failed.count(), 0);
    // The second request needed a landscape of its own size unless the first one's was done.
    QVERIFY(landscapes.count() >= 1);
    const auto grid = landscapes.last().at(1).value<lrlab::LandscapeImage>();
    QCOMPARE(grid.surface, std::string("rosenbrock"));
}

void TestTrainingThread::invalidRequestFails_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expectedKey");
    QTest::newRow("unknown-surface") << "type"
                                     << "problem.type";
    QTest::newRow("negative-lr") << "lr"
                                 << "schedule.lr";
    QTest::newRow("warmup-longer-than-run") << "warmup"
                                            << "schedule.warmup_steps";
}

void TestTrainingThread::invalidRequestFails()
{
    QFETCH(QString, field);
    QFETCH(QString, expectedKey);
    lrlab::RunRequest bad = rosenbrockRequest(100, 1e-3);
    if (field == "type")
        bad.config.problem.type = "no_such_surface";
    else if (field == "lr")
        bad.config.schedule.learningRate = -1.0;
    else
        bad.config.schedule.warmupSteps = 500;

    lrlab::TrainingThread worker;
    QSignalSpy finished(&worker, &lrlab::TrainingThread::runFinished);
    QSignalSpy failed(&worker, &lrlab::TrainingThread::runFailed);
    const quint64 generation = worker.submit(bad);
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 10000);
    QCOMPARE(failed.at(0).at(0).value<quint64>(), generation);
    const QString message = failed.at(0).at(1).toString();
    QVERIFY2(message.startsWith(expectedKey), qPrintable(message));
    QCOMPARE(finished.count(), 0);

    // The worker survives the failure and runs the next request.
    const quint64 next = worker.submit(rosenbrockRequest(10, 1e-3));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), next);
    QCOMPARE(failed.count(), 1);
}

void TestTrainingThread::destructionWhileBusy()
{
    int delivered = 0;
    QObject receiver;
    {
        lrlab::TrainingThread worker;
        connect(&worker, &lrlab::TrainingThread::runFinished, &receiver,
                [&delivered] { ++delivered; });
        // A 4000² landscape takes far longer than this scope: the destructor must cancel it.
        worker.submit(rosenbrockRequest(20000, 1e-4, 4000));
        QTRY_VERIFY_WITH_TIMEOUT(worker.isRunning(), 5000);
    }
    // Reaching here means the destructor returned; nothing was delivered.
    QCoreApplication::processEvents();
    QCOMPARE(delivered, 0);
}

void TestTrainingThread::landscapeGridValues_data()
{
    QTest::addColumn<QString>("surface");
    QTest::newRow("quadratic") << "quadratic";
    QTest::newRow("rosenbrock") << "rosenbrock";
    QTest::newRow("six-hump-camel") << "six_hump_camel";
}

void TestTrainingThread::landscapeGridValues()
{
    QFETCH(QString, surface);
    const auto toy = lrlab::makeToySurface(surface.toStdString());
    const lrlab::ProblemInfo info = toy->info();
    const int n = 33;
    const lrlab::LandscapeImage grid = lrlab::computeLandscapeImage(*toy, n);
    QCOMPARE(grid.size, n);
    QCOMPARE(grid.surface, surface.toStdString());
    QCOMPARE(int(grid.z.size()), n * n);

    // Expected from the definition: cell (i, j) at the evenly spaced points of the view box
    // (both ends included), f floor = min(known minimum, sampled minimum), offset 1e-4·range.
    auto xAt = [&](int i) {
        return info.view.xMin + i * (info.view.xMax - info.view.xMin) / (n - 1);
    };
    auto yAt = [&](int j) {
        return info.view.yMin + j * (info.view.yMax - info.view.yMin) / (n - 1);
    };
    double lo = info.minimumValue, hi = -1e300;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const double f = toy->valueAt(xAt(i), yAt(j));
            lo = std::min(lo, f);
            hi = std::max(hi, f);
        }
    QVERIFY(nearlyEqual(grid.fMin, lo));
    QVERIFY(nearlyEqual(grid.offset, 1e-4 * (hi - lo), 1e-9));
    for (int j = 0; j < n; j += 4)
        for (int i = 0; i < n; i += 4) {
            const double f = toy->valueAt(xAt(i), yAt(j));
            const double expected = std::log10(f - lo + grid.offset);
            QVERIFY2(nearlyEqual(grid.at(i, j), expected, 1e-9),
                     qPrintable(QStringLiteral("cell %1,%2").arg(i).arg(j)));
        }
}

void TestTrainingThread::modelRunStreamsChunks_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("steps");
    QTest::newRow("digits-mlp") << "mlp" << 700;
    QTest::newRow("diabetes-linreg") << "linreg" << 300;
}

void TestTrainingThread::modelRunStreamsChunks()
{
    QFETCH(QString, type);
    QFETCH(int, steps);
    const lrlab::RunRequest request = modelRequest(type.toStdString(), steps, 1e-2);
    lrlab::TrainingThread worker;
    QSignalSpy chunks(&worker, &lrlab::TrainingThread::chunkReady);
    QSignalSpy finished(&worker, &lrlab::TrainingThread::modelRunFinished);
    QSignalSpy landscapes(&worker, &lrlab::TrainingThread::modelLandscapeReady);
    QSignalSpy failed(&worker, &lrlab::TrainingThread::runFailed);
    const quint64 generation = worker.submit(request);
    QTRY_VERIFY_WITH_TIMEOUT(landscapes.count() == 3 || failed.count() > 0, 30000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(finished.count(), 1);

    // The reference: the same config run directly.
    const auto problem = lrlab::ModelProblem::create(request.config.problem, request.config.seed);
    const lrlab::ModelTrace direct = lrlab::runModel(request.config, *problem);
    QCOMPARE(direct.rows(), steps);

    // Chunks tile the rows in order; together they are the direct run's trace.
    QVERIFY(chunks.count() >= 2);
    int next = 0;
    std::vector<int> evalRows;
    for (const QList<QVariant>& args : chunks) {
        const auto chunk = args.at(0).value<lrlab::ModelChunk>();
        QCOMPARE(chunk.generation, generation);
        QCOMPARE(chunk.firstRow, next);
        QVERIFY(chunk.rows() > 0);
        for (int k = 0; k < chunk.rows(); ++k) {
            QCOMPARE(chunk.loss[k], double(direct.loss[next + k]));
            QCOMPARE(chunk.learningRate[k], direct.learningRate[next + k]);
            if (direct.twoParameters()) {
                QCOMPARE(chunk.x[k], double(direct.x[next + k]));
                QCOMPARE(chunk.y[k], double(direct.y[next + k]));
            }
        }
        evalRows.insert(evalRows.end(), chunk.evalRows.begin(), chunk.evalRows.end());
        next += chunk.rows();
    }
    QCOMPARE(next, steps);
    QCOMPARE(evalRows, direct.evalRows);
    // The first chunk comes early (a few steps), long before the end of the run.
    QVERIFY(chunks.first().at(0).value<lrlab::ModelChunk>().rows() <= 64);

    const auto coarse = landscapes.at(0).at(1).value<lrlab::ModelLandscape>();
    const auto fine = landscapes.last().at(1).value<lrlab::ModelLandscape>();
    QCOMPARE(coarse.image.size, request.modelCoarseGrid);
    QCOMPARE(fine.image.size, request.modelFineGrid);
    // Coarse to fine: 11², 21², 41².
    QCOMPARE(landscapes.count(), 3);
    QCOMPARE(landscapes.at(1).at(1).value<lrlab::ModelLandscape>().image.size, 21);
    QVERIFY(!coarse.final);
    QVERIFY(fine.final);
    QCOMPARE(fine.plane,
             direct.twoParameters() ? lrlab::LandscapePlane::Axes : lrlab::LandscapePlane::Pca);
    QVERIFY(fine.trajectory.size() >= 2);
}

void TestTrainingThread::modelRunAbandonedForNewer()
{
    lrlab::TrainingThread worker;
    QSignalSpy chunks(&worker, &lrlab::TrainingThread::chunkReady);
    QSignalSpy finished(&worker, &lrlab::TrainingThread::modelRunFinished);
    lrlab::RunRequest longRun = modelRequest("mlp", 200000, 1e-3);
    longRun.config.problem.hidden = {128, 64};
    const quint64 first = worker.submit(longRun);
    QTRY_VERIFY_WITH_TIMEOUT(chunks.count() >= 1, 10000);
    const quint64 second = worker.submit(modelRequest("logreg", 120, 0.1));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), second);
    QCOMPARE(finished.at(0).at(1).value<lrlab::ModelRunResult>().trace.rows(), 120);
    // Chunks of the first run stop as soon as the second is submitted (those already queued may
    // still arrive, before any of the second's).
    bool seenSecond = false;
    for (const QList<QVariant>& args : chunks) {
        const quint64 g = args.at(0).value<lrlab::ModelChunk>().generation;
        QVERIFY(g == first || g == second);
        if (g == second)
            seenSecond = true;
        else
            QVERIFY(!seenSecond);
    }
    QVERIFY(seenSecond);
}

void TestTrainingThread::landscapeGivesWayToNewerRequest()
{
    lrlab::TrainingThread worker;
    QSignalSpy finished(&worker, &lrlab::TrainingThread::modelRunFinished);
    QSignalSpy landscapes(&worker, &lrlab::TrainingThread::modelLandscapeReady);
    // The first run's landscape would start only after ten minutes: it must be dropped when the
    // second request comes, not hold up the second run's own landscape (one landscape thread).
    lrlab::RunRequest first = modelRequest("mlp", 300, 1e-2);
    first.landscapeDelayMilliseconds = 600000;
    const quint64 firstGeneration = worker.submit(first);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), firstGeneration);
    const quint64 second = worker.submit(modelRequest("mlp", 300, 2e-2));
    // The second run's whole ladder (11², 21², 41²) arrives, and nothing of the first run's.
    const auto finalArrived = [&] {
        for (const QList<QVariant>& args : landscapes)
            if (args.at(1).value<lrlab::ModelLandscape>().final)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(finalArrived(), 30000);
    QCOMPARE(finished.count(), 2);
    QCOMPARE(landscapes.count(), 3);
    for (const QList<QVariant>& args : landscapes)
        QCOMPARE(args.at(0).value<quint64>(), second);
}

QTEST_MAIN(TestTrainingThread)
#include "tst_training_thread.moc"
