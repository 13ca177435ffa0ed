// Minibatch training on real data (docs/semantics.md §2.2, §3): trace layout, determinism, the
// minibatch order, the closed-form least-squares answer, divergence as a result, diagnosis on
// real runs, and clear errors for impossible settings.
#include "core/analysis/diagnosis.h"
#include "core/datasets/dataset.h"
#include "core/engine/model_run.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/run_configs.h"
#include "tests/common/throws.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using lrlab::test::nearlyEqual;

namespace {

/// The digits MLP (32 tanh units) with SGD and momentum 0.9, evaluated every 25 steps.
lrlab::RunConfig mlpConfig(double lr, int steps)
{
    lrlab::RunConfig c = lrlab::test::digitsMlp(32, lr, steps);
    c.optimizer.momentum = 0.9;
    c.evalEvery = 25;
    return c;
}

lrlab::ModelTrace run(const lrlab::RunConfig& c)
{
    return lrlab::test::trainModel(c).trace;
}

} // namespace

class TestModelRun : public QObject
{
    Q_OBJECT

private slots:
    void traceLayout();
    void deterministic();
    void initOverrideReproduces();
    void minibatchOrder();
    void linregReachesLeastSquares();
    void divergenceIsAResult();
    void observerCanStop();
    void diagnosisOnRealRuns_data();
    void diagnosisOnRealRuns();
    void errors_data();
    void errors();
};

void TestModelRun::traceLayout()
{
    const lrlab::RunConfig c = mlpConfig(0.05, 110);
    const lrlab::ModelTrace t = run(c);
    QCOMPARE(t.rows(), 110);
    QCOMPARE(t.parameterCount, 64 * 32 + 32 + 32 * 10 + 10);
    QCOMPARE(int(t.initial.size()), t.parameterCount);
    QCOMPARE(int(t.final.size()), t.parameterCount);
    QVERIFY(t.initial != t.final);
    QCOMPARE(t.evalRows, (std::vector<int>{0, 25, 50, 75, 100, 109}));
    QCOMPARE(t.validationAccuracy.size(), t.evalRows.size());
    QVERIFY(t.x.empty());
    // Untrained 10-class model: loss near log 10; trained: much lower, accuracy well above chance.
    QVERIFY(std::abs(t.trainLoss.front() - std::log(10.0)) < 0.3);
    QVERIFY(t.trainLoss.back() < 0.5);
    QVERIFY(t.validationAccuracy.back() > 0.85);
    for (int k = 0; k < t.rows(); ++k)
        QCOMPARE(t.learningRate[static_cast<std::size_t>(k)], 0.05);
    QCOMPARE(t.status, lrlab::RunStatus::Finished);
}

void TestModelRun::deterministic()
{
    const lrlab::RunConfig c = mlpConfig(0.05, 60);
    const lrlab::ModelTrace a = run(c);
    const lrlab::ModelTrace b = run(c);
    QCOMPARE(a.loss, b.loss);
    QCOMPARE(a.final, b.final);
    lrlab::RunConfig other = c;
    other.seed = 2;
    QVERIFY(run(other).loss != a.loss);
}

void TestModelRun::initOverrideReproduces()
{
    lrlab::RunConfig c = mlpConfig(0.05, 30);
    const lrlab::ModelTrace a = run(c);
    c.init.assign(a.initial.begin(), a.initial.end());
    const lrlab::ModelTrace b = run(c);
    QCOMPARE(b.loss, a.loss);
    QCOMPARE(b.final, a.final);
}

void TestModelRun::minibatchOrder()
{
    lrlab::RunConfig c = mlpConfig(0.05, 200);
    c.problem.batchSize = 100;
    lrlab::ModelRunOptions options;
    options.recordBatches = true;
    const auto [problem, t] = lrlab::test::trainModel(c, options);
    const int nTrain = problem->trainCount();
    QCOMPARE(nTrain, 1797 - int(std::lround(1797 * 0.2)));
    const int perEpoch = (nTrain + 99) / 100;
    const std::set<int> train(problem->split().train.begin(), problem->split().train.end());
    QCOMPARE(int(t.batchOffsets.size()), 201);
    for (int epoch = 0; epoch < 2; ++epoch) {
        std::multiset<int> seen;
        for (int b = 0; b < perEpoch; ++b) {
            const int k = epoch * perEpoch + b;
            const int size = t.batchOffsets[std::size_t(k + 1)] - t.batchOffsets[std::size_t(k)];
            QCOMPARE(size, b + 1 < perEpoch ? 100 : nTrain - 100 * (perEpoch - 1));
            for (int j = t.batchOffsets[std::size_t(k)]; j < t.batchOffsets[std::size_t(k + 1)];
                 ++j)
                seen.insert(t.batchRows[std::size_t(j)]);
        }
        // Each epoch visits every training row exactly once, and no validation row.
        QCOMPARE(std::set<int>(seen.begin(), seen.end()), train);
        QCOMPARE(int(seen.size()), nTrain);
    }
}

void TestModelRun::linregReachesLeastSquares()
{
    // Full-batch gradient descent on standardized data converges to w = Pearson r, b = 0
    // (the training rows have mean 0 and population std 1 after standardization).
    lrlab::RunConfig c = lrlab::test::runConfig("linreg", 0.1, 400);
    c.problem.batchSize = 100000; // whole training split
    const auto [problem, t] = lrlab::test::trainModel(c);
    QCOMPARE(t.parameterCount, 2);
    QCOMPARE(int(t.x.size()), 400);
    const auto full = lrlab::cachedDataset("diabetes");
    const int bmi = full->featureIndex("bmi");
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    const auto& rows = problem->split().train;
    for (int r : rows) {
        const double x = full->featureAt(r, bmi);
        const double y = full->targets[std::size_t(r)];
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
    }
    const double n = double(rows.size());
    const double r = (sxy - sx * sy / n) / std::sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
    QVERIFY2(std::abs(t.final[0] - r) < 1e-4,
             qPrintable(QString::number(t.final[0]) + " vs " + QString::number(r)));
    QVERIFY(std::abs(t.final[1]) < 1e-4);
    // The minimum MSE of standardized data is 1 − r².
    QVERIFY(std::abs(t.trainLoss.back() - (1.0 - r * r)) < 1e-4);
}

void TestModelRun::divergenceIsAResult()
{
    // lr far above 2/λ = 1 for standardized one-feature data
    lrlab::RunConfig c = lrlab::test::runConfig("linreg", 5.0, 2000);
    c.problem.batchSize = 100000;
    const lrlab::ModelTrace t = run(c);
    QCOMPARE(t.status, lrlab::RunStatus::Diverged);
    QCOMPARE(t.rows(), t.divergedAt + 1);
    QVERIFY(!std::isfinite(t.loss.back()));
    QVERIFY(std::isfinite(t.lastFiniteLoss));
    QCOMPARE(t.evalRows.back(), t.divergedAt); // the diverged row is evaluated and shown
}

void TestModelRun::observerCanStop()
{
    lrlab::RunConfig c = mlpConfig(0.05, 1000);
    const auto problem = lrlab::ModelProblem::create(c.problem, c.seed);
    lrlab::ModelRunOptions options;
    options.chunkSteps = 10;
    int calls = 0;
    options.observer = [&](const lrlab::ModelTrace& trace, int firstNew) {
        ++calls;
        return !(trace.rows() >= 30 && firstNew >= 20);
    };
    const lrlab::ModelTrace t = lrlab::runModel(c, *problem, nullptr, options);
    QCOMPARE(t.status, lrlab::RunStatus::Cancelled);
    QCOMPARE(t.rows(), 30);
    lrlab::CancelFlag cancel{true};
    QCOMPARE(lrlab::runModel(c, *problem, &cancel).rows(), 0);
}

void TestModelRun::diagnosisOnRealRuns_data()
{
    QTest::addColumn<double>("lr");
    QTest::addColumn<double>("valFraction");
    QTest::addColumn<QString>("expected");
    QTest::newRow("huge-lr-diverges") << 100.0 << 0.2 << "diverged";
    QTest::newRow("tiny-lr-stagnates") << 1e-5 << 0.2 << "stagnating";
    QTest::newRow("good-lr-converges") << 0.05 << 0.2 << "converging";
    QTest::newRow("big-mlp-small-split-overfits") << -1.0 << 0.9 << "overfitting";
}

void TestModelRun::diagnosisOnRealRuns()
{
    QFETCH(double, lr);
    QFETCH(double, valFraction);
    QFETCH(QString, expected);
    lrlab::RunConfig c = mlpConfig(lr, 500);
    c.problem.valFraction = valFraction;
    if (lr < 0) {
        // Over-parameterized: 64-256-256-10 on 180 training rows, Adam, long enough to memorize.
        c.problem.hidden = {256, 256};
        c.problem.activation = "relu";
        c.optimizer.type = "adam";
        c.optimizer.momentum = 0.0;
        c.schedule.learningRate = 0.003;
        c.steps = c.schedule.totalSteps = 1500;
        c.evalEvery = 50;
    }
    const lrlab::Diagnosis d = lrlab::test::diagnoseModel(run(c));
    QVERIFY2(QString::fromStdString(d.name) == expected, (d.name + ": " + d.evidence).c_str());
}

void TestModelRun::errors_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("feature");
    QTest::addColumn<QString>("expected");
    QTest::newRow("logreg-multiclass") << "logreg"
                                       << "iris"
                                       << "petal_length"
                                       << "logreg";
    QTest::newRow("unknown-feature")
        << "logreg"
        << "breast_cancer"
        << "mean_colour"
        << "problem.feature: dataset breast_cancer has no feature \"mean_colour\"";
    QTest::newRow("linreg-on-labels") << "linreg"
                                      << "iris"
                                      << "petal_length"
                                      << "regression";
    QTest::newRow("missing-csv") << "softmax"
                                 << "/nonexistent/data.csv"
                                 << ""
                                 << "/nonexistent/data.csv";
}

void TestModelRun::errors()
{
    QFETCH(QString, type);
    QFETCH(QString, dataset);
    QFETCH(QString, feature);
    QFETCH(QString, expected);
    lrlab::ProblemSpec p;
    p.type = type.toStdString();
    p.dataset = dataset.toStdString();
    p.feature = feature.toStdString();
    const QString message =
        lrlab::test::thrownMessage<std::exception>([&] { lrlab::ModelProblem::create(p, 1); });
    QVERIFY2(message.contains(expected), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestModelRun)
#include "tst_model_run.moc"
