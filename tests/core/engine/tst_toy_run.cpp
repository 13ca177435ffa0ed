// The toy run engine: trace layout (docs/semantics.md §3.1), closed-form gradient descent,
// divergence as a result, seeded noise, cancellation, and the stable-limit theory it is judged by.
#include "core/analysis/stability.h"
#include "core/engine/toy_run.h"
#include "core/schedules/schedule.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/run_configs.h"

#include <QtTest>

#include <cmath>

using lrlab::test::nearlyEqual;

namespace {

/// Gradient descent on the default quadratic (a = 1, b = 10, angle 0) from (1, 1).
lrlab::RunConfig quadraticGd(double lr, int steps)
{
    lrlab::RunConfig c = lrlab::test::runConfig("quadratic", lr, steps);
    c.init = {1.0, 1.0};
    return c;
}

} // namespace

class TestToyRun : public QObject
{
    Q_OBJECT

private slots:
    void traceLayout();
    void gradientDescentClosedForm_data();
    void gradientDescentClosedForm();
    void divergenceIsAResult();
    void defaultStartPoint();
    void noiseIsSeeded();
    void cancelStopsBetweenSteps();
    void stableLimitSeparatesConvergenceFromDivergence_data();
    void stableLimitSeparatesConvergenceFromDivergence();
    void stabilityOfQuadratic();
    void stabilityOfRosenbrockStart();
};

void TestToyRun::traceLayout()
{
    lrlab::RunConfig c = quadraticGd(0.05, 40);
    c.schedule.warmupSteps = 10;
    c.schedule.decay = lrlab::Decay::Cosine;
    const lrlab::ToyTrace t = lrlab::runToy(c);
    QCOMPARE(t.rows(), 41); // rows k = 0..steps
    QCOMPARE(t.status, lrlab::RunStatus::Finished);
    QVERIFY(nearlyEqual(t.x[0], 1.0));
    QVERIFY(nearlyEqual(t.y[0], 1.0));
    QVERIFY(nearlyEqual(t.loss[0], 0.5 * (1.0 + 10.0)));
    for (int k = 0; k <= 40; ++k)
        QVERIFY(t.learningRate[static_cast<std::size_t>(k)] ==
                lrlab::learningRateAt(c.schedule, k));
    // The last row repeats the schedule's value at k = steps.
    QCOMPARE(t.learningRate.back(), lrlab::learningRateAt(c.schedule, 40));
    // Row k's loss is f at row k's point.
    for (int k = 0; k <= 40; ++k) {
        const auto i = static_cast<std::size_t>(k);
        QVERIFY(nearlyEqual(t.loss[i], 0.5 * (t.x[i] * t.x[i] + 10.0 * t.y[i] * t.y[i])));
    }
}

void TestToyRun::gradientDescentClosedForm_data()
{
    QTest::addColumn<double>("lr");
    QTest::newRow("lr-0.01") << 0.01;
    QTest::newRow("lr-0.05") << 0.05;
    QTest::newRow("lr-0.15") << 0.15;
}

void TestToyRun::gradientDescentClosedForm()
{
    // On ½(x² + 10y²) gradient descent multiplies x by (1 − lr) and y by (1 − 10 lr) per step.
    QFETCH(double, lr);
    const int steps = 50;
    const lrlab::ToyTrace t = lrlab::runToy(quadraticGd(lr, steps));
    QCOMPARE(t.rows(), steps + 1);
    for (int k = 0; k <= steps; ++k) {
        const auto i = static_cast<std::size_t>(k);
        QVERIFY(nearlyEqual(t.x[i], std::pow(1.0 - lr, k), 1e-12, 1e-300));
        QVERIFY(nearlyEqual(t.y[i], std::pow(1.0 - 10.0 * lr, k), 1e-12, 1e-300));
    }
}

void TestToyRun::divergenceIsAResult()
{
    // lr = 0.3 > 2/10: y grows by |1 − 3| = 2 per step until it overflows.
    const lrlab::ToyTrace t = lrlab::runToy(quadraticGd(0.3, 5000));
    QCOMPARE(t.status, lrlab::RunStatus::Diverged);
    QVERIFY(t.divergedAt > 0);
    QCOMPARE(t.rows(), t.divergedAt + 1); // the trace stops at the first non-finite row
    QVERIFY(!std::isfinite(t.loss.back()));
    QVERIFY(std::isfinite(t.lastFiniteLoss));
    QCOMPARE(t.lastFiniteLoss, t.loss[static_cast<std::size_t>(t.divergedAt - 1)]);
    // y doubles in magnitude each step: 2^k overflows f ~ 5·4^k near k = 511.
    QVERIFY(t.divergedAt > 500 && t.divergedAt < 520);
}

void TestToyRun::defaultStartPoint()
{
    const lrlab::ToyTrace t = lrlab::runToy(lrlab::test::runConfig("rosenbrock", 0.01, 3));
    const auto surface = lrlab::makeToySurface("rosenbrock");
    QCOMPARE(t.x[0], surface->info().start(0));
    QCOMPARE(t.y[0], surface->info().start(1));
}

void TestToyRun::noiseIsSeeded()
{
    lrlab::RunConfig c = quadraticGd(0.05, 100);
    c.problem.noise = 0.5;
    c.seed = 7;
    const lrlab::ToyTrace a = lrlab::runToy(c);
    const lrlab::ToyTrace b = lrlab::runToy(c);
    QCOMPARE(a.x, b.x);
    QCOMPARE(a.y, b.y);
    c.seed = 8;
    const lrlab::ToyTrace other = lrlab::runToy(c);
    QVERIFY(other.x != a.x);
    // Without noise the seed changes nothing.
    lrlab::RunConfig quiet = quadraticGd(0.05, 100);
    quiet.seed = 7;
    const lrlab::ToyTrace q1 = lrlab::runToy(quiet);
    quiet.seed = 8;
    const lrlab::ToyTrace q2 = lrlab::runToy(quiet);
    QCOMPARE(q1.x, q2.x);
    QVERIFY(q1.x != a.x);
}

void TestToyRun::cancelStopsBetweenSteps()
{
    lrlab::CancelFlag cancel{true};
    const lrlab::ToyTrace t = lrlab::runToy(quadraticGd(0.05, 1000), &cancel);
    QCOMPARE(t.status, lrlab::RunStatus::Cancelled);
    QCOMPARE(t.rows(), 1);
}

void TestToyRun::stableLimitSeparatesConvergenceFromDivergence_data()
{
    QTest::addColumn<double>("momentum");
    QTest::addColumn<double>("factor"); // lr = factor · limit
    QTest::addColumn<bool>("converges");
    QTest::newRow("gd-below") << 0.0 << 0.98 << true;
    QTest::newRow("gd-above") << 0.0 << 1.02 << false;
    QTest::newRow("heavy-ball-below") << 0.9 << 0.98 << true;
    QTest::newRow("heavy-ball-above") << 0.9 << 1.02 << false;
}

void TestToyRun::stableLimitSeparatesConvergenceFromDivergence()
{
    QFETCH(double, momentum);
    QFETCH(double, factor);
    QFETCH(bool, converges);
    const auto surface = lrlab::makeToySurface("quadratic");
    const Eigen::Matrix2d h = surface->hessian(Eigen::Vector2d(1.0, 1.0));
    const lrlab::StabilityLimits limits = lrlab::stabilityLimits(h, momentum);
    const double limit = momentum > 0 ? limits.stableLrMomentum : limits.stableLr;
    lrlab::RunConfig c = quadraticGd(factor * limit, 3000);
    c.optimizer.momentum = momentum;
    const lrlab::ToyTrace t = lrlab::runToy(c);
    if (converges) {
        QVERIFY(t.status != lrlab::RunStatus::Diverged);
        QVERIFY(t.loss.back() < 1e-6 * t.loss.front());
    } else {
        QVERIFY(t.status == lrlab::RunStatus::Diverged || t.loss.back() > t.loss.front());
    }
}

void TestToyRun::stabilityOfQuadratic()
{
    Eigen::Matrix2d h;
    h << 1.0, 0.0, 0.0, 10.0;
    const lrlab::StabilityLimits l = lrlab::stabilityLimits(h, 0.9);
    QVERIFY(nearlyEqual(l.lambdaMax, 10.0));
    QVERIFY(nearlyEqual(l.lambdaMin, 1.0));
    QVERIFY(nearlyEqual(l.stableLr, 0.2));
    QVERIFY(nearlyEqual(l.stableLrMomentum, 2.0 * 1.9 / 10.0));
    QVERIFY(nearlyEqual(l.bestLr, 2.0 / 11.0));
    QVERIFY(nearlyEqual(l.contraction, 9.0 / 11.0));
    // A saddle has no best constant rate; a concave direction alone gives no limit.
    Eigen::Matrix2d saddle;
    saddle << 1.0, 0.0, 0.0, -1.0;
    QVERIFY(std::isnan(lrlab::stabilityLimits(saddle).bestLr));
    QVERIFY(nearlyEqual(lrlab::stabilityLimits(saddle).stableLr, 2.0));
    QVERIFY(std::isinf(lrlab::stabilityLimits(-saddle.cwiseAbs()).stableLr));
}

void TestToyRun::stabilityOfRosenbrockStart()
{
    // Hessian of (1−x)² + 100(y−x²)² at (−1.5, 2): fxx = 2 − 400y + 1200x² = 1902,
    // fxy = −400x = 600, fyy = 200.
    const auto surface = lrlab::makeToySurface("rosenbrock");
    const Eigen::Matrix2d h = surface->hessian(Eigen::Vector2d(-1.5, 2.0));
    const double tr = 1902.0 + 200.0;
    const double det = 1902.0 * 200.0 - 600.0 * 600.0;
    const double lambda1 = 0.5 * (tr + std::sqrt(tr * tr - 4.0 * det));
    const lrlab::StabilityLimits l = lrlab::stabilityLimits(h);
    QVERIFY(nearlyEqual(l.lambdaMax, lambda1, 1e-12));
    QVERIFY(nearlyEqual(l.stableLr, 2.0 / lambda1, 1e-12));
}

QTEST_GUILESS_MAIN(TestToyRun)
#include "tst_toy_run.moc"
