// LR sweeps: the log grid, crossing with a second setting, results identical on any thread
// count, cancellation and per-run summaries. `lrlab sweep` is tested in
// tests/app/cli/tst_cli_sweep.
#include "core/analysis/sweep.h"
#include "core/config/config_json.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/throws.h"

#include <QtTest>

#include <cmath>

using lrlab::test::nearlyEqual;

namespace {

lrlab::RunConfig toyBase()
{
    return lrlab::parseRunConfig(R"({"problem": {"type": "quadratic"}, "init": [1, 1],
        "optimizer": {"type": "sgd"}, "steps": 200})",
                                 "base.json")
        .config;
}

lrlab::RunConfig mlpBase()
{
    return lrlab::parseRunConfig(R"({"problem": {"type": "mlp", "dataset": "iris", "hidden": [8]},
        "optimizer": {"type": "sgd", "momentum": 0.9}, "steps": 150, "eval_every": 30})",
                                 "mlp.json")
        .config;
}

bool sameResults(const std::vector<lrlab::SweepRunResult>& a,
                 const std::vector<lrlab::SweepRunResult>& b)
{
    if (a.size() != b.size())
        return false;
    const auto same = lrlab::test::sameValue;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i].finalLoss, b[i].finalLoss) || !same(a[i].bestLoss, b[i].bestLoss) ||
            !same(a[i].validationLoss, b[i].validationLoss) || a[i].status != b[i].status ||
            a[i].stepsToTarget != b[i].stepsToTarget)
            return false;
    return true;
}

} // namespace

class TestSweep : public QObject
{
    Q_OBJECT

private slots:
    void logGrid_data();
    void logGrid();
    void crossing();
    void varyResetsOptimizer();
    void badVary_data();
    void badVary();
    void toySummary();
    void threadIndependent();
    void cancelled();
    void digitsBestByValidationLoss();
    void noValidationSplitRanksByTraining();
};

void TestSweep::logGrid_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<int>("n");
    QTest::addColumn<std::vector<double>>("expected");
    QTest::newRow("decades") << 1e-4 << 1.0 << 5
                             << std::vector<double>{1e-4, 1e-3, 1e-2, 1e-1, 1.0};
    QTest::newRow("half-decades") << 0.01 << 1.0 << 5
                                  << std::vector<double>{0.01, std::sqrt(10.0) * 0.01, 0.1,
                                                         std::sqrt(10.0) * 0.1, 1.0};
    QTest::newRow("single") << 0.3 << 3.0 << 1 << std::vector<double>{0.3};
}

void TestSweep::logGrid()
{
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(int, n);
    QFETCH(std::vector<double>, expected);
    const std::vector<double> got = lrlab::logSpacedRates(a, b, n);
    QCOMPARE(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        QVERIFY2(nearlyEqual(got[i], expected[i], 1e-15),
                 qPrintable(QString::number(got[i], 'g', 17)));
    // Decades come out exact, like numpy.logspace.
    if (QTest::currentDataTag() == QByteArray("decades"))
        QCOMPARE(got[1], 1e-3);
}

void TestSweep::crossing()
{
    const auto points = lrlab::sweepPoints(toyBase(), {0.01, 0.1}, "momentum", {"0", "0.5", "0.9"});
    QCOMPARE(points.size(), std::size_t(6));
    // value-major, lr-minor
    QCOMPARE(points[0].varyValue, std::string("0"));
    QCOMPARE(points[1].learningRate, 0.1);
    QCOMPARE(points[5].varyValue, std::string("0.9"));
    QCOMPARE(points[5].config.optimizer.momentum, 0.9);
    QCOMPARE(points[5].config.schedule.learningRate, 0.1);
    const auto warm = lrlab::sweepPoints(toyBase(), {0.05}, "warmup_steps", {"0", "20"});
    QCOMPARE(warm[1].config.schedule.warmupSteps, 20);
}

void TestSweep::varyResetsOptimizer()
{
    lrlab::RunConfig base = toyBase();
    base.optimizer.momentum = 0.9;
    const auto points = lrlab::sweepPoints(base, {0.01}, "optimizer", {"adam", "lion"});
    QCOMPARE(points[0].config.optimizer.type, std::string("adam"));
    QCOMPARE(points[0].config.optimizer.resolved().beta2, 0.999);
    QCOMPARE(points[1].config.optimizer.resolved().beta2, 0.99); // lion's own default
}

void TestSweep::badVary_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown-key") << "colour"
                                 << "red"
                                 << "colour";
    QTest::newRow("bad-momentum") << "momentum"
                                  << "1.5"
                                  << "optimizer.momentum";
    QTest::newRow("unknown-optimizer") << "optimizer"
                                       << "adamax"
                                       << "optimizer.type";
    QTest::newRow("warmup-too-long") << "warmup_steps"
                                     << "500"
                                     << "schedule.warmup_steps";
}

void TestSweep::badVary()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const QString message = lrlab::test::thrownMessage<std::invalid_argument>(
        [&] { lrlab::sweepPoints(toyBase(), {0.01}, key.toStdString(), {value.toStdString()}); });
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestSweep::toySummary()
{
    // Gradient descent on ½(x² + 10y²): stable below lr = 0.2, diverging above.
    lrlab::SweepOptions options;
    options.targetLoss = 1e-6;
    const auto results =
        lrlab::runSweep(lrlab::sweepPoints(toyBase(), {0.01, 0.1, 0.3}, "", {}), options);
    QCOMPARE(results.size(), std::size_t(3));
    QVERIFY(!results[0].diverged && !results[1].diverged);
    // lr 0.3: y doubles in size every step; after 200 steps f ~ 1e120 is still finite, but far
    // above its start, which counts as diverged.
    QVERIFY(results[2].diverged);
    QCOMPARE(results[2].status, lrlab::RunStatus::Finished);
    // lr 0.1: x shrinks by 0.9 a step, y vanishes after one: f = ½·0.81^k <= 1e-6 first at
    // k = ⌈ln(2e-6)/ln 0.81⌉ = ⌈62.3⌉ = 63.
    QCOMPARE(results[1].stepsToTarget, int(std::ceil(std::log(2e-6) / std::log(0.81))));
    QVERIFY(nearlyEqual(results[1].finalLoss, 0.5 * std::pow(0.9, 400)));
    QCOMPARE(results[1].bestLoss, results[1].finalLoss);
    QCOMPARE(results[0].stepsToTarget, -1); // too slow to get there in 200 steps
    QVERIFY(std::isnan(results[0].validationLoss));
    QCOMPARE(lrlab::sweepCriterion(results), lrlab::SweepCriterion::TrainingLoss);
    QCOMPARE(lrlab::bestSweepRun(results, lrlab::SweepCriterion::TrainingLoss), 1);
}

void TestSweep::threadIndependent()
{
    const auto points = lrlab::sweepPoints(mlpBase(), lrlab::logSpacedRates(1e-3, 3.0, 5),
                                           "batch_size", {"8", "32"});
    lrlab::SweepOptions options;
    options.threads = 1;
    const auto one = lrlab::runSweep(points, options);
    options.threads = 2;
    const auto two = lrlab::runSweep(points, options);
    options.threads = 3;
    const auto three = lrlab::runSweep(points, options);
    QVERIFY(sameResults(one, two));
    QVERIFY(sameResults(one, three));
    QVERIFY(!std::isnan(one[2].validationAccuracy));
}

void TestSweep::cancelled()
{
    lrlab::CancelFlag cancel{true};
    lrlab::SweepOptions options;
    options.cancel = &cancel;
    const auto results =
        lrlab::runSweep(lrlab::sweepPoints(toyBase(), {0.01, 0.1}, "", {}), options);
    for (const auto& r : results)
        QCOMPARE(r.status, lrlab::RunStatus::Cancelled);
}

void TestSweep::digitsBestByValidationLoss()
{
    // Adam on digits, 500 steps: from lr 1e-2 up the training loss keeps falling or stays low
    // while the validation loss climbs; at lr 0.32 the validation loss ends ~50× above its start
    // (an untrained softmax over 10 classes: ≈ ln 10) while the training loss ends near it.
    const lrlab::RunConfig base =
        lrlab::parseRunConfig(R"({"problem": {"type": "mlp", "dataset": "digits", "hidden": [64]},
        "optimizer": {"type": "adam"}, "steps": 500, "eval_every": 50})",
                              "digits.json")
            .config;
    const std::vector<double> rates = lrlab::logSpacedRates(1e-3, 1.0, 7);
    lrlab::SweepOptions options;
    options.threads = 2;
    const auto results = lrlab::runSweep(lrlab::sweepPoints(base, rates, "", {}), options);
    QCOMPARE(results.size(), rates.size());
    QCOMPARE(lrlab::sweepCriterion(results), lrlab::SweepCriterion::ValidationLoss);

    // The validation blow-up: a training loss under 2× the start would not count, the
    // validation loss more than 10× the start does.
    const double start = std::log(10.0);
    int blownUp = -1;
    for (int i = 0; i < static_cast<int>(results.size()); ++i) {
        const lrlab::SweepRunResult& r = results[static_cast<std::size_t>(i)];
        if (r.finalLoss < 2.0 * start && r.validationLoss > 20.0 * start)
            blownUp = i;
        if (r.validationLoss < 5.0 * start && r.finalLoss < 5.0 * start)
            QVERIFY2(!r.diverged, qPrintable(QString::number(r.learningRate)));
    }
    QVERIFY(blownUp >= 0);
    QVERIFY(results[static_cast<std::size_t>(blownUp)].diverged);

    // Independent argmins over the runs that did not diverge.
    int lowestValidation = -1;
    int lowestTraining = -1;
    for (int i = 0; i < static_cast<int>(results.size()); ++i) {
        const lrlab::SweepRunResult& r = results[static_cast<std::size_t>(i)];
        if (r.diverged)
            continue;
        if (lowestValidation < 0 ||
            r.validationLoss < results[static_cast<std::size_t>(lowestValidation)].validationLoss)
            lowestValidation = i;
        if (lowestTraining < 0 ||
            r.finalLoss < results[static_cast<std::size_t>(lowestTraining)].finalLoss)
            lowestTraining = i;
    }
    QVERIFY(lowestValidation != lowestTraining); // the two criteria disagree on this grid
    QCOMPARE(lrlab::bestSweepRun(results, lrlab::SweepCriterion::ValidationLoss), lowestValidation);
    QCOMPARE(lrlab::bestSweepRun(results, lrlab::sweepCriterion(results)), lowestValidation);
    QCOMPARE(lrlab::bestSweepRun(results, lrlab::SweepCriterion::TrainingLoss), lowestTraining);
    // Over a sub-range (as one curve of a crossed sweep): indices stay indices into results.
    QCOMPARE(lrlab::bestSweepRun(results, lrlab::SweepCriterion::ValidationLoss, 3, 2), 3);
}

void TestSweep::noValidationSplitRanksByTraining()
{
    // Without a validation split the validation losses are NaN: ranked by training loss, and
    // no run counts as diverged for it.
    lrlab::RunConfig base = mlpBase();
    base.problem.valFraction = 0.0;
    const auto results = lrlab::runSweep(lrlab::sweepPoints(base, {1e-3, 1e-2, 1e-1}, "", {}), {});
    QCOMPARE(lrlab::sweepCriterion(results), lrlab::SweepCriterion::TrainingLoss);
    int lowest = 0;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(std::isnan(results[static_cast<std::size_t>(i)].validationLoss));
        QVERIFY(!results[static_cast<std::size_t>(i)].diverged);
        if (results[static_cast<std::size_t>(i)].finalLoss <
            results[static_cast<std::size_t>(lowest)].finalLoss)
            lowest = i;
    }
    QCOMPARE(lrlab::bestSweepRun(results, lrlab::SweepCriterion::TrainingLoss), lowest);
}

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
