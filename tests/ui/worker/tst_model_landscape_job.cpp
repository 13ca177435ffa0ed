// The worker's progressive model landscape (ui/worker/model_landscape_job.h): the ladder of grid
// sides, and on Fashion-MNIST (48 000 training rows) the maps coarse to fine on the evenly spread
// 4096-row subset, then the final map again with its measured error against the whole split.
#include "ui/worker/model_landscape_job.h"

#include "core/analysis/landscape_evaluator.h"
#include "core/engine/model_problem.h"
#include "tests/common/run_configs.h"

#include <QtTest>

#include <cmath>
#include <vector>

class TestModelLandscapeJob : public QObject
{
    Q_OBJECT
private slots:
    void ladder_data();
    void ladder();
    void fashionSubsetCoarseToFineWithError();
};

void TestModelLandscapeJob::ladder_data()
{
    QTest::addColumn<int>("coarse");
    QTest::addColumn<int>("fine");
    QTest::addColumn<std::vector<int>>("sides");
    QTest::newRow("11 to 41") << 11 << 41 << std::vector<int>{11, 21, 41};
    QTest::newRow("15 to 41") << 15 << 41 << std::vector<int>{21, 41};
    QTest::newRow("6 to 41") << 6 << 41 << std::vector<int>{6, 11, 21, 41};
    QTest::newRow("fine only") << 0 << 41 << std::vector<int>{41};
    QTest::newRow("coarse above fine") << 51 << 41 << std::vector<int>{41};
    QTest::newRow("51 by halves") << 2 << 51 << std::vector<int>{2, 4, 7, 13, 26, 51};
}

void TestModelLandscapeJob::ladder()
{
    QFETCH(int, coarse);
    QFETCH(int, fine);
    QFETCH(std::vector<int>, sides);
    QCOMPARE(lrlab::landscapeLadder(coarse, fine), sides);
}

void TestModelLandscapeJob::fashionSubsetCoarseToFineWithError()
{
    lrlab::RunRequest request;
    request.config = lrlab::test::runConfig("mlp", 0.01, 40, "adam");
    request.config.problem.dataset = "fashion_mnist";
    request.config.problem.hidden = {4};
    request.config.evalEvery = 1000;
    request.landscapeThreads = 2;
    std::shared_ptr<const lrlab::ModelProblem> problem;
    try {
        problem = lrlab::ModelProblem::create(request.config.problem, request.config.seed);
    } catch (const std::exception& e) {
        QSKIP(e.what()); // the Debian package dataset-fashion-mnist is not installed
    }
    lrlab::ModelRunOptions runOptions;
    runOptions.maxSnapshots = 32;
    const lrlab::ModelTrace trace = lrlab::runModel(request.config, *problem, nullptr, runOptions);
    std::vector<lrlab::ModelLandscape> delivered;
    lrlab::CancelFlag cancel{false};
    lrlab::computeProgressiveLandscape(
        *problem, trace, request, &cancel, {},
        [&](const lrlab::ModelLandscape& landscape) { delivered.push_back(landscape); });
    QCOMPARE(int(delivered.size()), 4);
    const std::vector<int> sides{11, 21, 41, 41};
    for (std::size_t k = 0; k < delivered.size(); ++k) {
        QCOMPARE(delivered[k].image.size, sides[k]);
        QCOMPARE(delivered[k].rows, lrlab::kLandscapeSubsetRows);
        QCOMPARE(delivered[k].totalRows, problem->trainCount());
        QCOMPARE(delivered[k].final, k >= 2);
        QCOMPARE(std::isfinite(delivered[k].subsetError), k == 3);
    }
    QCOMPARE(delivered[3].checkSide, lrlab::kLandscapeCheckSide);
    // 4096 evenly spread rows estimate the mean loss of 48 000 to within a few hundredths.
    QVERIFY(delivered[3].subsetError >= 0.0);
    QVERIFY2(delivered[3].subsetError < 0.05,
             qPrintable(QString::number(delivered[3].subsetError)));
    // The path is placed on the plane (its last point, the centre, at the origin).
    QCOMPARE(delivered[3].trajectory.size(), int(trace.snapshotRows.size()));
    QVERIFY(std::abs(delivered[3].trajectory.alpha.back()) < 1e-6);
}

QTEST_MAIN(TestModelLandscapeJob)
#include "tst_model_landscape_job.moc"
