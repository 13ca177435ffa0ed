// The LR range test (docs/semantics.md §2.5): the LR sequence, smoothing and stop rule,
// numpy.gradient, the four suggestions on hand-worked data, the finder on a real model and on the
// quadratic (where the stable limit 2/λ₁ is known), and option errors. `lrlab find-lr` is tested in
// tests/app/cli/tst_cli_find_lr.
#include "core/analysis/lr_finder.h"
#include "core/datasets/batch_sampler.h"
#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/models/model.h"
#include "core/problems/toy_surface.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/run_configs.h"
#include "tests/common/throws.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <vector>

using lrlab::test::nearlyEqual;
using lrlab::test::thrownMessage;
using Doubles = std::vector<double>;

Q_DECLARE_METATYPE(lrlab::LrFinderOptions)
Q_DECLARE_METATYPE(Doubles)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

lrlab::LrFinderOptions finderOptions(double start, double end, int n, lrlab::LrFinderMode mode)
{
    lrlab::LrFinderOptions o;
    o.startLr = start;
    o.endLr = end;
    o.iterations = n;
    o.mode = mode;
    return o;
}

lrlab::RunConfig mlpConfig()
{
    return lrlab::test::digitsMlp(32);
}

lrlab::RunConfig quadraticConfig()
{
    lrlab::RunConfig c = lrlab::test::runConfig("quadratic");
    c.problem.parameters = {{"a", 1.0}, {"b", 10.0}};
    return c;
}

/// Exponentially spaced LRs 1, q, q², … for hand-made suggestion data.
Doubles geometric(int n, double q)
{
    Doubles lrs;
    for (int i = 0; i < n; ++i)
        lrs.push_back(std::pow(q, i));
    return lrs;
}

} // namespace

class TestLrFinder : public QObject
{
    Q_OBJECT

private slots:
    void learningRates_data();
    void learningRates();
    void smoothAndStop_data();
    void smoothAndStop();
    void numpyGradient_data();
    void numpyGradient();
    void suggestionsOnParabola();
    void steepestInside();
    void steepUsesLogSpacing();
    void valleyHandWorked_data();
    void valleyHandWorked();
    void suggestionsNeedTwoPoints_data();
    void suggestionsNeedTwoPoints();
    void suggestionsStopBeforeNonFinite();
    void modelFinder();
    void modelFinderMatchesRunAndHandStep();
    void modelFinderValidation();
    void quadraticStableLimit();
    void negativeSurfaceUsesExcessOverMinimum_data();
    void negativeSurfaceUsesExcessOverMinimum();
    void badOptions_data();
    void badOptions();
};

void TestLrFinder::learningRates_data()
{
    QTest::addColumn<lrlab::LrFinderOptions>("options");
    using lrlab::LrFinderMode;
    QTest::newRow("exp-default") << finderOptions(1e-7, 10.0, 100, LrFinderMode::Exponential);
    QTest::newRow("exp-short") << finderOptions(1e-3, 1.0, 4, LrFinderMode::Exponential);
    QTest::newRow("exp-two") << finderOptions(0.5, 2.0, 2, LrFinderMode::Exponential);
    QTest::newRow("linear-default") << finderOptions(1e-7, 10.0, 100, LrFinderMode::Linear);
    QTest::newRow("linear-short") << finderOptions(0.1, 1.0, 10, LrFinderMode::Linear);
}

void TestLrFinder::learningRates()
{
    QFETCH(lrlab::LrFinderOptions, options);
    const int n = options.iterations;
    QCOMPARE(lrlab::lrFinderLearningRate(options, 0), options.startLr);
    QVERIFY(nearlyEqual(lrlab::lrFinderLearningRate(options, n - 1), options.endLr, 1e-14));
    const double logRatio = std::log(options.endLr) - std::log(options.startLr);
    for (int i = 0; i < n; ++i) {
        const double r = static_cast<double>(i) / (n - 1);
        // Independent forms: exp in log space, linear as a weighted mean of the ends.
        const double expected = options.mode == lrlab::LrFinderMode::Exponential
                                    ? std::exp(std::log(options.startLr) + r * logRatio)
                                    : (1.0 - r) * options.startLr + r * options.endLr;
        const double lr = lrlab::lrFinderLearningRate(options, i);
        QVERIFY2(nearlyEqual(lr, expected, 1e-12), qPrintable(QString::number(i)));
        if (i > 0)
            QVERIFY(lr > lrlab::lrFinderLearningRate(options, i - 1));
    }
}

void TestLrFinder::smoothAndStop_data()
{
    QTest::addColumn<Doubles>("losses");
    QTest::addColumn<double>("smoothF");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<Doubles>("expected");
    QTest::addColumn<bool>("stopped");
    // s_i = f·ℓ_i + (1−f)·s_{i−1} worked by hand.
    QTest::newRow("half-weights") << Doubles{1, 2, 3} << 0.5 << 5.0 << Doubles{1, 1.5, 2.25}
                                  << false;
    QTest::newRow("default-f") << Doubles{2, 4} << 0.05 << 5.0 << Doubles{2, 2.1} << false;
    QTest::newRow("f-zero-is-raw") << Doubles{3, 1, 2} << 0.0 << 5.0 << Doubles{3, 1, 2} << false;
    // 50.5 > 5·1: stop after recording it; the fifth loss is never seen.
    QTest::newRow("jump-stops") << Doubles{1, 1, 1, 100, 1} << 0.5 << 5.0 << Doubles{1, 1, 1, 50.5}
                                << true;
    // Against the minimum so far (1), not the first value (10): 6 > 5·1.
    QTest::newRow("against-minimum")
        << Doubles{10, 1, 1, 6, 1} << 0.0 << 5.0 << Doubles{10, 1, 1, 6} << true;
    QTest::newRow("just-below-threshold")
        << Doubles{10, 1, 5, 1} << 0.0 << 5.0 << Doubles{10, 1, 5, 1} << false;
    QTest::newRow("nan-stops") << Doubles{1, kNaN, 1} << 0.5 << 5.0 << Doubles{1, kNaN} << true;
    QTest::newRow("inf-stops") << Doubles{1, std::numeric_limits<double>::infinity(), 1} << 0.0
                               << 5.0 << Doubles{1, std::numeric_limits<double>::infinity()}
                               << true;
}

void TestLrFinder::smoothAndStop()
{
    QFETCH(Doubles, losses);
    QFETCH(double, smoothF);
    QFETCH(double, threshold);
    QFETCH(Doubles, expected);
    QFETCH(bool, stopped);
    const lrlab::SmoothedLosses s = lrlab::smoothAndStop(losses, smoothF, threshold);
    QCOMPARE(s.stopped, stopped);
    QCOMPARE(s.smoothed.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(nearlyEqual(s.smoothed[i], expected[i]), qPrintable(QString::number(i)));
}

void TestLrFinder::numpyGradient_data()
{
    QTest::addColumn<Doubles>("values");
    QTest::addColumn<Doubles>("expected");
    // numpy.gradient([1, 4, 9, 16]) = [3, 4, 6, 7]: one-sided ends, central inside.
    QTest::newRow("squares") << Doubles{1, 4, 9, 16} << Doubles{3, 4, 6, 7};
    QTest::newRow("two-points") << Doubles{2, 5} << Doubles{3, 3};
    QTest::newRow("peak") << Doubles{0, 1, 0} << Doubles{1, 0, -1};
    QTest::newRow("cubes") << Doubles{0, 1, 8, 27, 64} << Doubles{1, 4, 13, 28, 37};
}

void TestLrFinder::numpyGradient()
{
    QFETCH(Doubles, values);
    QFETCH(Doubles, expected);
    const Doubles g = lrlab::numpyGradient(values);
    QCOMPARE(g.size(), expected.size());
    for (std::size_t i = 0; i < g.size(); ++i)
        QVERIFY(nearlyEqual(g[i], expected[i]));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::numpyGradient({1.0}));
}

void TestLrFinder::suggestionsOnParabola()
{
    // s_k = (k − 30)², k = 0..49, cut [10, 45). The gradient is linear in k, so the steepest
    // point is the cut's first: its one-sided difference s11 − s10 = −39 beats the central
    // (s12 − s10)/2 = −38 at k = 11. Lowest loss at k = 30. With equal log-spacing the
    // steepest Δs/Δlog lr is also the first pair (k = 10).
    const Doubles lrs = geometric(50, 1.2);
    Doubles s;
    for (int k = 0; k < 50; ++k)
        s.push_back((k - 30.0) * (k - 30.0));
    const lrlab::LrSuggestions sg = lrlab::lrFinderSuggestions(lrs, s, 10, 5);
    QVERIFY(sg.note.empty());
    QCOMPARE(sg.steepestIndex.value(), 10);
    QCOMPARE(sg.steepest.value(), lrs[10]);
    QCOMPARE(sg.minimumIndex.value(), 30);
    QVERIFY(nearlyEqual(sg.minimum.value(), lrs[30] / 10.0));
    QCOMPARE(sg.steepIndex.value(), 10);
    QCOMPARE(sg.steep.value(), lrs[10]);
    // Valley: lds rises 1..21 over k = 10..30 (strictly decreasing), max_end = 20 (cut
    // index), max_start = 20 − 21 = −1; sections = 7, idx = −1 + 7 + 3 = 9 → k = 19.
    QCOMPARE(sg.valleyIndex.value(), 19);
    QCOMPARE(sg.valley.value(), lrs[19]);
}

void TestLrFinder::steepestInside()
{
    // A smooth drop centred at k = 20: s = −tanh((k − 20)/3). Symmetric about 20, so the
    // largest central difference is at 20 exactly.
    const Doubles lrs = geometric(40, 1.1);
    Doubles s;
    for (int k = 0; k < 40; ++k)
        s.push_back(-std::tanh((k - 20.0) / 3.0));
    const lrlab::LrSuggestions sg = lrlab::lrFinderSuggestions(lrs, s, 0, 0);
    QCOMPARE(sg.steepestIndex.value(), 20);
    QCOMPARE(sg.steepest.value(), lrs[20]);
    // Lowest loss: the last point.
    QCOMPARE(sg.minimumIndex.value(), 39);
}

void TestLrFinder::steepUsesLogSpacing()
{
    // Linear LRs 1, 2, 3, 4: Δlog lr shrinks (0.693, 0.405, 0.288), so the steep slopes are
    // −1/0.693 = −1.44, −1.5/0.405 = −3.70, −0.5/0.288 = −1.74: index 1. numpy.gradient of s
    // is [−1, −1.25, −1, −0.5]: also index 1. Lowest loss is the last: 4/10.
    const Doubles lrs{1, 2, 3, 4};
    const Doubles s{10, 9, 7.5, 7};
    const lrlab::LrSuggestions sg = lrlab::lrFinderSuggestions(lrs, s, 0, 0);
    QCOMPARE(sg.steepIndex.value(), 1);
    QCOMPARE(sg.steep.value(), 2.0);
    QCOMPARE(sg.steepestIndex.value(), 1);
    QVERIFY(nearlyEqual(sg.minimum.value(), 0.4));
    // Where the two differ: equal drops s = 10, 9, 8 on LRs 1, 2, 3. steep divides by the
    // shrinking Δlog lr: −1/0.693, −1/0.405 → index 1; numpy.gradient = [−1, −1, −1] → the
    // first minimum, index 0.
    const lrlab::LrSuggestions flat = lrlab::lrFinderSuggestions({1, 2, 3}, {10, 9, 8}, 0, 0);
    QCOMPARE(flat.steepIndex.value(), 1);
    QCOMPARE(flat.steepestIndex.value(), 0);
}

void TestLrFinder::valleyHandWorked_data()
{
    QTest::addColumn<Doubles>("smoothed");
    QTest::addColumn<int>("skipStart");
    QTest::addColumn<int>("expectedIndex");
    // lds = [1, 1, 2, 3, 1, 4, 5, 1]; max_end moves 2 → 3 → 5 → 6 with max_start =
    // max_end − lds = 1; sections = 5/3, idx = 1 + int(1.67) + int(0.83) = 2.
    QTest::newRow("mixed") << Doubles{5, 6, 4, 3, 7, 2, 1, 8} << 0 << 2;
    // The same after two leading points that the cut drops: index shifts by 2.
    QTest::newRow("mixed-skipped") << Doubles{0, 0, 5, 6, 4, 3, 7, 2, 1, 8} << 2 << 4;
    // [2, 1]: lds = [1, 2], max_start = 1 − 2 = −1, sections = 2/3, idx = −1: Python's
    // lrs[−1] is the last point.
    QTest::newRow("python-wraps-minus-one") << Doubles{2, 1} << 0 << 1;
    // Rising losses: lds all 1, max_end stays 0, idx = 0.
    QTest::newRow("rising") << Doubles{1, 2, 3, 4} << 0 << 0;
    // Two stretches: 9, 8, 7 (length 3) and 6.5, 6, 5, 4, 3 after a bump all below the first
    // stretch: lds = [1, 2, 3, 1, 4, 5, 6, 7, 8]; max_end = 8, max_start = 0, sections = 8/3,
    // idx = 0 + 2 + 1 = 3.
    QTest::newRow("bump") << Doubles{9, 8, 7, 10, 6.5, 6, 5, 4, 3} << 0 << 3;
}

void TestLrFinder::valleyHandWorked()
{
    QFETCH(Doubles, smoothed);
    QFETCH(int, skipStart);
    QFETCH(int, expectedIndex);
    const Doubles lrs = geometric(static_cast<int>(smoothed.size()), 2.0);
    const lrlab::LrSuggestions sg = lrlab::lrFinderSuggestions(lrs, smoothed, skipStart, 0);
    QCOMPARE(sg.valleyIndex.value(), expectedIndex);
    QCOMPARE(sg.valley.value(), lrs[static_cast<std::size_t>(expectedIndex)]);
}

void TestLrFinder::suggestionsNeedTwoPoints_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("skipStart");
    QTest::addColumn<int>("skipEnd");
    QTest::addColumn<bool>("present");
    QTest::newRow("sixteen-default-cut") << 16 << 10 << 5 << false;  // 1 left
    QTest::newRow("seventeen-default-cut") << 17 << 10 << 5 << true; // 2 left
    QTest::newRow("fewer-than-skips") << 8 << 10 << 5 << false;
    QTest::newRow("one-point-no-cut") << 1 << 0 << 0 << false;
    QTest::newRow("two-points-no-cut") << 2 << 0 << 0 << true;
    QTest::newRow("empty") << 0 << 0 << 0 << false;
}

void TestLrFinder::suggestionsNeedTwoPoints()
{
    QFETCH(int, points);
    QFETCH(int, skipStart);
    QFETCH(int, skipEnd);
    QFETCH(bool, present);
    const Doubles lrs = geometric(points, 1.5);
    Doubles s;
    for (int k = 0; k < points; ++k)
        s.push_back(100.0 - k);
    const lrlab::LrSuggestions sg = lrlab::lrFinderSuggestions(lrs, s, skipStart, skipEnd);
    QCOMPARE(sg.steepest.has_value(), present);
    QCOMPARE(sg.valley.has_value(), present);
    QCOMPARE(sg.minimum.has_value(), present);
    QCOMPARE(sg.steep.has_value(), present);
    QCOMPARE(sg.note.empty(), present);
    if (present) {
        // All inside the cut.
        for (int index : {*sg.steepestIndex, *sg.valleyIndex, *sg.steepIndex, *sg.minimumIndex})
            QVERIFY(index >= skipStart && index < points - skipEnd);
    }
}

void TestLrFinder::suggestionsStopBeforeNonFinite()
{
    // A diverged last point inside the cut: the suggestions use [3, 2, 1] only.
    const Doubles lrs{1, 2, 3, 4};
    const lrlab::LrSuggestions sg = lrlab::lrFinderSuggestions(lrs, {3, 2, 1, kNaN}, 0, 0);
    QCOMPARE(sg.minimumIndex.value(), 2);
    QVERIFY(nearlyEqual(sg.minimum.value(), 0.3));
    QVERIFY(sg.steepestIndex.value() <= 2);
}

void TestLrFinder::modelFinder()
{
    // SGD on the digits MLP: the loss explodes somewhere below lr 1000.
    const lrlab::RunConfig config = mlpConfig();
    lrlab::LrFinderOptions o;
    o.endLr = 1000.0;
    int progressCalls = 0;
    const lrlab::LrFinderResult r =
        lrlab::runLrFinder(config, o, nullptr, [&](const lrlab::LrFinderResult& soFar) {
            ++progressCalls;
            QCOMPARE(soFar.iterations, progressCalls);
        });
    QVERIFY(r.stoppedEarly);
    QVERIFY(!r.cancelled);
    QVERIFY(r.iterations < o.iterations);
    QCOMPARE(progressCalls, r.iterations);
    QCOMPARE(static_cast<int>(r.losses.size()), r.iterations);
    QCOMPARE(static_cast<int>(r.smoothed.size()), r.iterations);
    // The stop rule held at the last point and not before.
    double best = r.smoothed.front();
    for (int i = 0; i < r.iterations; ++i) {
        best = std::min(best, r.smoothed[static_cast<std::size_t>(i)]);
        const bool over = r.smoothed[static_cast<std::size_t>(i)] > o.divergeThreshold * best;
        QCOMPARE(over, i == r.iterations - 1);
    }
    const double explodedAt = r.learningRates.back();
    for (const auto& s : {r.suggestions.steepest, r.suggestions.valley, r.suggestions.steep,
                          r.suggestions.minimum}) {
        QVERIFY(s.has_value());
        QVERIFY(*s >= o.startLr && *s <= o.endLr);
    }
    QVERIFY(*r.suggestions.steepest < explodedAt);
    QVERIFY(*r.suggestions.valley < explodedAt);
    // Same config, same numbers.
    const lrlab::LrFinderResult again = lrlab::runLrFinder(config, o);
    QVERIFY(again.losses == r.losses);
    QVERIFY(again.smoothed == r.smoothed);
    QCOMPARE(again.suggestions.steepest.value(), r.suggestions.steepest.value());
    QCOMPARE(again.suggestions.valley.value(), r.suggestions.valley.value());
    // A raised cancel flag ends it before the first iteration.
    lrlab::CancelFlag cancel{true};
    const lrlab::LrFinderResult stopped = lrlab::runLrFinder(config, o, &cancel);
    QVERIFY(stopped.cancelled);
    QCOMPARE(stopped.iterations, 0);
}

void TestLrFinder::modelFinderMatchesRunAndHandStep()
{
    // Iteration 0 is a run's step 0 (same θ₀, same first batch); iteration 1 is θ₀ − lr₀·g₀
    // (plain SGD) on the sampler's second batch, reproduced here by hand.
    lrlab::RunConfig config = mlpConfig();
    config.steps = config.schedule.totalSteps = 5;
    lrlab::LrFinderOptions o = finderOptions(0.05, 2.0, 20, lrlab::LrFinderMode::Linear);
    o.recordBatches = true;
    const auto problem = lrlab::ModelProblem::create(config.problem, config.seed);
    const lrlab::LrFinderResult r = lrlab::runLrFinder(config, *problem, o);
    lrlab::ModelRunOptions runOptions;
    runOptions.recordBatches = true;
    runOptions.maxSnapshots = 0;
    const lrlab::ModelTrace trace = lrlab::runModel(config, *problem, nullptr, runOptions);
    QCOMPARE(static_cast<float>(r.losses[0]), trace.loss[0]);
    QVERIFY(r.initial == trace.initial);
    QCOMPARE(static_cast<int>(r.batchOffsets.size()), r.iterations + 1);
    for (int k = 0; k <= 5; ++k)
        QCOMPARE(r.batchOffsets[static_cast<std::size_t>(k)],
                 trace.batchOffsets[static_cast<std::size_t>(k)]);
    QVERIFY(std::equal(trace.batchRows.begin(), trace.batchRows.end(), r.batchRows.begin()));

    lrlab::Model<float> model(problem->modelSpec());
    const int p = model.parameterCount();
    const int b = config.problem.batchSize;
    std::vector<float> theta(static_cast<std::size_t>(p)), grad(theta.size());
    model.initialize(config.seed, theta.data());
    lrlab::BatchSampler sampler(problem->split().train, b, config.seed);
    std::vector<float> X(static_cast<std::size_t>(b * problem->features()));
    std::vector<int> labels(static_cast<std::size_t>(b));
    std::vector<float> targets(static_cast<std::size_t>(b));
    lrlab::Batch batch = sampler.next();
    problem->gather(batch.rows, batch.count, X.data(), labels.data(), targets.data());
    model.lossAndGradient(theta.data(), X.data(), batch.count, labels.data(), nullptr, grad.data());
    const auto lr0 = static_cast<float>(o.startLr);
    for (std::size_t i = 0; i < theta.size(); ++i)
        theta[i] -= lr0 * grad[i];
    batch = sampler.next();
    problem->gather(batch.rows, batch.count, X.data(), labels.data(), targets.data());
    const float loss1 = model.lossAndGradient(theta.data(), X.data(), batch.count, labels.data(),
                                              nullptr, grad.data());
    QVERIFY2(nearlyEqual(r.losses[1], loss1, 1e-5),
             qPrintable(QString::number(r.losses[1]) + " vs " + QString::number(loss1)));
}

void TestLrFinder::modelFinderValidation()
{
    const lrlab::RunConfig config = mlpConfig();
    lrlab::LrFinderOptions o;
    o.iterations = 30;
    o.useValidation = true;
    const auto problem = lrlab::ModelProblem::create(config.problem, config.seed);
    const lrlab::LrFinderResult val = lrlab::runLrFinder(config, *problem, o);
    o.useValidation = false;
    const lrlab::LrFinderResult train = lrlab::runLrFinder(config, *problem, o);
    QCOMPARE(val.iterations, 30);
    QVERIFY(val.losses != train.losses);
    // At lr ≤ 1e-6 the parameters barely move: the validation loss after the update is the
    // validation loss of θ₀ to about 1e-5, not the first minibatch's loss.
    lrlab::Model<float> model(problem->modelSpec());
    model.reserve(lrlab::ModelProblem::kEvaluationChunk);
    std::vector<float> theta(val.initial);
    const double val0 = problem->evaluateValidation(model, theta.data()).loss;
    QVERIFY2(nearlyEqual(val.losses[0], val0, 1e-5),
             qPrintable(QString::number(val.losses[0]) + " vs " + QString::number(val0)));
    QVERIFY(!nearlyEqual(train.losses[0], val0, 1e-5));
}

void TestLrFinder::quadraticStableLimit()
{
    // f = ½(x² + 10y²): plain GD is stable iff lr < 2/λ₁ = 0.2, so the loss can only rise (and
    // the finder stop) after an LR above 0.2, and the suggestions lie below it.
    const lrlab::RunConfig config = quadraticConfig();
    lrlab::LrFinderOptions o;
    o.startLr = 1e-4;
    const lrlab::LrFinderResult r = lrlab::runLrFinder(config, o);
    QVERIFY(r.stoppedEarly);
    QVERIFY(r.learningRates.back() > 0.2);
    for (std::size_t i = 1; i < r.losses.size(); ++i) {
        if (r.learningRates[i - 1] < 0.2) // θ_i came from an update at a stable LR
            QVERIFY(r.losses[i] <= r.losses[i - 1]);
    }
    QVERIFY(r.losses.back() > r.losses[r.losses.size() - 2]);
    QVERIFY(*r.suggestions.steepest < 0.2);
    QVERIFY(*r.suggestions.valley < 0.2);
    QVERIFY(*r.suggestions.steep < 0.2);
    // Toy surfaces have no validation loss.
    o.useValidation = true;
    QVERIFY(thrownMessage<std::invalid_argument>([&] {
                lrlab::runLrFinder(config, o);
            }).contains("--validation"));
}

void TestLrFinder::badOptions_data()
{
    QTest::addColumn<lrlab::LrFinderOptions>("options");
    QTest::addColumn<QString>("option");
    auto with = [](auto change) {
        lrlab::LrFinderOptions x;
        change(x);
        return x;
    };
    QTest::newRow("start-zero") << with([](auto& x) { x.startLr = 0.0; }) << "--start-lr";
    QTest::newRow("start-negative") << with([](auto& x) { x.startLr = -1.0; }) << "--start-lr";
    QTest::newRow("end-equals-start") << with([](auto& x) { x.endLr = x.startLr; }) << "--end-lr";
    QTest::newRow("end-below-start") << with([](auto& x) { x.endLr = 1e-9; }) << "--end-lr";
    QTest::newRow("one-iteration") << with([](auto& x) { x.iterations = 1; }) << "--iters";
    QTest::newRow("smooth-one") << with([](auto& x) { x.smoothF = 1.0; }) << "--smooth-f";
    QTest::newRow("smooth-negative") << with([](auto& x) { x.smoothF = -0.1; }) << "--smooth-f";
    QTest::newRow("diverge-one") << with([](auto& x) { x.divergeThreshold = 1.0; })
                                 << "--diverge-th";
    QTest::newRow("skip-start-negative")
        << with([](auto& x) { x.skipStart = -1; }) << "--skip-start";
    QTest::newRow("skip-end-negative") << with([](auto& x) { x.skipEnd = -1; }) << "--skip-end";
}

void TestLrFinder::badOptions()
{
    QFETCH(lrlab::LrFinderOptions, options);
    QFETCH(QString, option);
    const QString message = thrownMessage<std::invalid_argument>(
        [&] { lrlab::runLrFinder(quadraticConfig(), options); });
    QVERIFY2(message.startsWith(option + ":"), qPrintable(message));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::validate(options));
}

void TestLrFinder::negativeSurfaceUsesExcessOverMinimum_data()
{
    QTest::addColumn<QString>("surface");
    QTest::newRow("styblinski-tang") << "styblinski_tang";
    QTest::newRow("six-hump-camel") << "six_hump_camel";
}

void TestLrFinder::negativeSurfaceUsesExcessOverMinimum()
{
    // These surfaces take negative values: the stop rule compares excesses over the minimum, so
    // a falling loss (more negative) never reads as "5x the best" and the test runs until the LR
    // really makes the loss explode.
    QFETCH(QString, surface);
    lrlab::RunConfig c;
    c.problem.type = surface.toStdString();
    lrlab::LrFinderOptions o;
    o.endLr = 10.0;
    const lrlab::LrFinderResult r = lrlab::runLrFinder(c, o);
    QVERIFY2(r.iterations > 50, qPrintable(QString::number(r.iterations)));
    QVERIFY(r.suggestions.steepest.has_value());
    const double floor = lrlab::makeToySurface(c.problem.type)->info().minimumValue;
    if (r.stoppedEarly && std::isfinite(r.smoothed.back())) {
        const double best = *std::min_element(r.smoothed.begin(), r.smoothed.end());
        QVERIFY(r.smoothed.back() - floor > o.divergeThreshold * (best - floor));
    }
}

QTEST_GUILESS_MAIN(TestLrFinder)
#include "tst_lr_finder.moc"
