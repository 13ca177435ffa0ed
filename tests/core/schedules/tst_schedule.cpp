#include "core/schedules/schedule.h"
#include "tests/common/nearly_equal.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

using lrlab::Decay;
using lrlab::ScheduleSpec;
using lrlab::WsdShape;
using lrlab::test::mismatch;
using lrlab::test::nearlyEqual;

Q_DECLARE_METATYPE(lrlab::ScheduleSpec)

namespace {

const double kPi = std::acos(-1.0);

// The common setting: base 0.1, W = 10, total 110, so T = 100 decay steps; min_lr 0.001.
constexpr double kBase = 0.1;
constexpr int kWarmup = 10;
constexpr int kTotal = 110;
constexpr int kT = kTotal - kWarmup;
constexpr double kMin = 0.001;

/// A schedule with the given base rate, warmup (from 0), total steps and floor.
ScheduleSpec specOf(Decay decay, double lr, int warmup, int total, double minLr)
{
    ScheduleSpec spec;
    spec.learningRate = lr;
    spec.warmupSteps = warmup;
    spec.warmupStartFactor = 0.0;
    spec.totalSteps = total;
    spec.minLr = minLr;
    spec.decay = decay;
    return spec;
}

/// The common setting with the given decay.
ScheduleSpec makeSpec(Decay decay)
{
    return specOf(decay, kBase, kWarmup, kTotal, kMin);
}

/// docs/semantics.md §2.4 after warmup, written out for the test: τ clamped to T (no restarts
/// here).
double decayFormula(const ScheduleSpec& s, int tau)
{
    const double T = std::max(1, s.totalSteps - s.warmupSteps);
    const double t = std::min<double>(tau, T);
    const double base = s.learningRate;
    switch (s.decay) {
    case Decay::Constant:
        return base;
    case Decay::Cosine:
        return s.minLr + (base - s.minLr) * 0.5 * (1.0 + std::cos(kPi * t / T));
    case Decay::Linear:
        return s.minLr + (base - s.minLr) * (1.0 - t / T);
    case Decay::Polynomial:
        return s.minLr + (base - s.minLr) * std::pow(1.0 - t / T, s.power);
    case Decay::Exponential:
        return base * std::pow(s.gamma.value_or(0.99),
                               std::floor(t / static_cast<double>(s.stepsPerEpoch)));
    case Decay::Step: {
        const int stepSize = s.stepSize.value_or(std::max(1, static_cast<int>(T) / 3));
        return base * std::pow(s.gamma.value_or(0.1), std::floor(t / stepSize));
    }
    case Decay::InverseSqrt: {
        const double timescale =
            s.timescale.value_or(s.warmupSteps > 0 ? double(s.warmupSteps) : 10000.0);
        return base / std::sqrt(1.0 + t / timescale);
    }
    default:
        return std::nan("");
    }
}

/// torch.optim.lr_scheduler.OneCycleLR.get_lr (cos, two phases), written out.
double torchOneCycle(double maxLr, int totalSteps, double pctStart, double divFactor,
                     double finalDivFactor, int stepNum)
{
    const double initialLr = maxLr / divFactor;
    const double minLr = initialLr / finalDivFactor;
    const double ends[2] = {pctStart * totalSteps - 1.0, totalSteps - 1.0};
    const double starts[2] = {initialLr, maxLr};
    const double finals[2] = {maxLr, minLr};
    double startStep = 0.0;
    for (int i = 0; i < 2; ++i) {
        if (stepNum <= ends[i] || i == 1) {
            const double pct = (stepNum - startStep) / (ends[i] - startStep);
            return finals[i] + (starts[i] - finals[i]) / 2.0 * (std::cos(kPi * pct) + 1.0);
        }
        startStep = ends[i];
    }
    return std::nan("");
}

/// CosineAnnealingWarmRestarts stepped one epoch at a time (torch's step() without an epoch):
/// T_cur += 1; when T_cur >= T_i, T_cur -= T_i and T_i *= T_mult. Independent of the closed
/// form the implementation uses.
std::vector<double> torchRestartsSequential(double base, double etaMin, int t0, int tMult, int n)
{
    std::vector<double> lrs;
    int tCur = 0;
    int tI = t0;
    for (int epoch = 0; epoch < n; ++epoch) {
        if (epoch > 0) {
            tCur += 1;
            if (tCur >= tI) {
                tCur -= tI;
                tI *= tMult;
            }
        }
        lrs.push_back(etaMin + (base - etaMin) * (1.0 + std::cos(kPi * tCur / tI)) / 2.0);
    }
    return lrs;
}

/// The boundary steps every decay is checked at: 0, W−1, W, a midpoint, total−1, total, total+5.
std::vector<std::pair<const char*, int>> boundarySteps()
{
    return {{"step-0", 0},
            {"last-warmup", kWarmup - 1},
            {"first-decay", kWarmup},
            {"mid", kWarmup + kT / 2 + 7},
            {"total-minus-1", kTotal - 1},
            {"total", kTotal},
            {"past-end", kTotal + 5}};
}

/// The tolerance of every rate check: 1e-12 relative, 1e-15 absolute.
bool sameRate(double lr, double expected)
{
    return nearlyEqual(lr, expected, 1e-12, 1e-15);
}

/// The columns of a rate row: a schedule, a step and the rate expected there.
void addRateColumns()
{
    QTest::addColumn<ScheduleSpec>("spec");
    QTest::addColumn<int>("step");
    QTest::addColumn<double>("expected");
}

/// Checks the current rate row (see addRateColumns()).
void verifyRateRow()
{
    QFETCH(ScheduleSpec, spec);
    QFETCH(int, step);
    QFETCH(double, expected);
    const double lr = lrlab::learningRateAt(spec, step);
    QVERIFY2(sameRate(lr, expected), qPrintable(mismatch("rate", lr, expected)));
}

} // namespace

class TestSchedule : public QObject
{
    Q_OBJECT

private slots:
    void learningRateAt_data();
    void learningRateAt();
    void handValues_data();
    void handValues();
    void oneCycle_data();
    void oneCycle();
    void cosineRestarts_data();
    void cosineRestarts();
    void names();
};

void TestSchedule::learningRateAt_data()
{
    addRateColumns();

    std::vector<std::pair<std::string, ScheduleSpec>> specs;
    specs.push_back({"constant", makeSpec(Decay::Constant)});
    specs.push_back({"cosine", makeSpec(Decay::Cosine)});
    specs.push_back({"linear", makeSpec(Decay::Linear)});
    ScheduleSpec poly = makeSpec(Decay::Polynomial);
    specs.push_back({"polynomial-p1", poly});
    poly.power = 2.0;
    specs.push_back({"polynomial-p2", poly});
    specs.push_back({"exponential-default", makeSpec(Decay::Exponential)});
    ScheduleSpec expo = makeSpec(Decay::Exponential);
    expo.gamma = 0.5;
    expo.stepsPerEpoch = 7;
    specs.push_back({"exponential-epochs", expo});
    specs.push_back({"step-default", makeSpec(Decay::Step)});
    ScheduleSpec step = makeSpec(Decay::Step);
    step.gamma = 0.5;
    step.stepSize = 20;
    specs.push_back({"step-size-20", step});
    specs.push_back({"inverse-sqrt-default", makeSpec(Decay::InverseSqrt)});
    ScheduleSpec inv = makeSpec(Decay::InverseSqrt);
    inv.timescale = 4.0;
    specs.push_back({"inverse-sqrt-timescale", inv});
    ScheduleSpec noWarmup = makeSpec(Decay::InverseSqrt);
    noWarmup.warmupSteps = 0;
    specs.push_back({"inverse-sqrt-no-warmup", noWarmup});
    ScheduleSpec startFactor = makeSpec(Decay::Cosine);
    startFactor.warmupStartFactor = 0.25;
    specs.push_back({"cosine-start-factor", startFactor});

    for (const auto& [name, spec] : specs) {
        const int w = spec.warmupSteps;
        for (const auto& [where, t] : boundarySteps()) {
            double expected = 0.0;
            if (t < w) {
                const double s = spec.warmupStartFactor;
                expected = spec.learningRate * (s + (1.0 - s) * t / w);
            } else {
                expected = decayFormula(spec, t - w);
            }
            const std::string tag = name + "-" + where;
            QTest::newRow(tag.c_str()) << spec << t << expected;
        }
    }
}

void TestSchedule::learningRateAt()
{
    verifyRateRow();
}

void TestSchedule::handValues_data()
{
    addRateColumns();

    // Warmup without a start factor: 0.1·t/10.
    QTest::newRow("warmup-start") << makeSpec(Decay::Constant) << 0 << 0.0;
    QTest::newRow("warmup-half") << makeSpec(Decay::Constant) << 5 << 0.05;
    QTest::newRow("warmup-last") << makeSpec(Decay::Constant) << 9 << 0.09;
    ScheduleSpec half = makeSpec(Decay::Constant);
    half.warmupStartFactor = 0.5;
    // 0.1·(0.5 + 0.5·t/10)
    QTest::newRow("warmup-factor-start") << half << 0 << 0.05;
    QTest::newRow("warmup-factor-mid") << half << 4 << 0.07;
    QTest::newRow("warmup-factor-done") << half << 10 << 0.1;
    ScheduleSpec full = makeSpec(Decay::Constant);
    full.warmupStartFactor = 1.0;
    QTest::newRow("warmup-factor-one") << full << 3 << 0.1;

    // Cosine halfway: min + (base − min)/2; at and past the end: min_lr.
    QTest::newRow("cosine-halfway") << makeSpec(Decay::Cosine) << 60 << (0.1 + 0.001) / 2.0;
    QTest::newRow("cosine-end") << makeSpec(Decay::Cosine) << 110 << 0.001;
    QTest::newRow("cosine-far-past-end") << makeSpec(Decay::Cosine) << 100000 << 0.001;
    QTest::newRow("linear-quarter") << makeSpec(Decay::Linear) << 35 << 0.001 + 0.099 * 0.75;
    QTest::newRow("linear-end") << makeSpec(Decay::Linear) << 111 << 0.001;
    ScheduleSpec poly = makeSpec(Decay::Polynomial);
    poly.power = 2.0;
    QTest::newRow("polynomial-p2-half") << poly << 60 << 0.001 + 0.099 * 0.25;
    // Step: default step_size = 100/3 = 33 and gamma 0.1: τ 32 → base, 33 → 0.01, 99 → 1e-4.
    QTest::newRow("step-before-first-drop") << makeSpec(Decay::Step) << 42 << 0.1;
    QTest::newRow("step-first-drop") << makeSpec(Decay::Step) << 43 << 0.01;
    QTest::newRow("step-third-drop") << makeSpec(Decay::Step) << 109 << 0.0001;
    // τ clamps at T = 100 = 3·33 + 1, so the value stays 1e-4 forever.
    QTest::newRow("step-clamped") << makeSpec(Decay::Step) << 5000 << 0.0001;
    ScheduleSpec expo = makeSpec(Decay::Exponential);
    expo.gamma = 0.5;
    expo.stepsPerEpoch = 10;
    // τ = 25 → epoch 2 → 0.025; clamped at τ = 100 → 0.1·0.5^10.
    QTest::newRow("exponential-epoch-2") << expo << 35 << 0.025;
    QTest::newRow("exponential-clamped") << expo << 1000 << 0.1 / 1024.0;
    // inverse_sqrt with the default timescale W = 10: τ = 30 → base/√4 = 0.05.
    QTest::newRow("inverse-sqrt-tau-30") << makeSpec(Decay::InverseSqrt) << 40 << 0.05;
    QTest::newRow("inverse-sqrt-clamped")
        << makeSpec(Decay::InverseSqrt) << 500 << 0.1 / std::sqrt(11.0);

    // wsd with decay_fraction 0.2: D = 20, stable until τ = 80, then down to min_lr at τ = 100.
    ScheduleSpec wsd = makeSpec(Decay::Wsd);
    QTest::newRow("wsd-warmup") << wsd << 5 << 0.05;
    QTest::newRow("wsd-stable-start") << wsd << 10 << 0.1;
    QTest::newRow("wsd-stable-last") << wsd << 89 << 0.1;
    QTest::newRow("wsd-decay-start") << wsd << 90 << 0.1;
    QTest::newRow("wsd-linear-quarter") << wsd << 95 << 0.001 + 0.099 * 0.75;
    QTest::newRow("wsd-linear-end") << wsd << 110 << 0.001;
    QTest::newRow("wsd-linear-past-end") << wsd << 115 << 0.001;
    wsd.shape = WsdShape::Cosine;
    QTest::newRow("wsd-cosine-half") << wsd << 100 << 0.001 + 0.099 * 0.5;
    QTest::newRow("wsd-cosine-quarter")
        << wsd << 95 << 0.001 + 0.099 * 0.5 * (1.0 + std::cos(kPi / 4.0));
    QTest::newRow("wsd-cosine-end") << wsd << 110 << 0.001;
    wsd.shape = WsdShape::Sqrt;
    QTest::newRow("wsd-sqrt-quarter") << wsd << 95 << 0.001 + 0.099 * 0.5;
    QTest::newRow("wsd-sqrt-end") << wsd << 109 << 0.001 + 0.099 * (1.0 - std::sqrt(0.95));
    QTest::newRow("wsd-sqrt-past-end") << wsd << 200 << 0.001;
    ScheduleSpec wsdRound = makeSpec(Decay::Wsd);
    wsdRound.minLr = 0.0;
    wsdRound.decayFraction = 0.126; // 12.6 → D = 13: decay from τ = 87
    QTest::newRow("wsd-rounded-stable") << wsdRound << 96 << 0.1;
    QTest::newRow("wsd-rounded-decay") << wsdRound << 98 << 0.1 * (1.0 - 1.0 / 13.0);
    wsdRound.decayFraction = 0.0; // at least one decay step
    QTest::newRow("wsd-min-one-step") << wsdRound << 109 << 0.1;
    QTest::newRow("wsd-min-one-step-end") << wsdRound << 110 << 0.0;

    // onecycle with pct_start·T = 1: phase 1 is empty (torch raises ZeroDivisionError at step 0);
    // the documented choice is the phase's end value, max_lr, then phase 2 as usual.
    ScheduleSpec emptyPhase;
    emptyPhase.learningRate = 0.4;
    emptyPhase.totalSteps = 10;
    emptyPhase.pctStart = 0.1;
    emptyPhase.decay = Decay::OneCycle;
    QTest::newRow("onecycle-empty-phase-start") << emptyPhase << 0 << 0.4;
    QTest::newRow("onecycle-empty-phase-end") << emptyPhase << 9 << 0.4 / 25.0 / 1e4;

    // Degenerate totals: T = max(1, total − W).
    ScheduleSpec allWarmup = makeSpec(Decay::Linear);
    allWarmup.totalSteps = 10;
    QTest::newRow("total-equals-warmup") << allWarmup << 10 << 0.1;
    QTest::newRow("total-equals-warmup-after") << allWarmup << 11 << 0.001;
}

void TestSchedule::handValues()
{
    verifyRateRow();
}

void TestSchedule::oneCycle_data()
{
    QTest::addColumn<int>("total");
    QTest::addColumn<double>("pctStart");
    QTest::addColumn<double>("divFactor");
    QTest::addColumn<double>("finalDivFactor");
    QTest::newRow("defaults-100") << 100 << 0.3 << 25.0 << 1e4;
    QTest::newRow("fractional-phase-end") << 37 << 0.25 << 10.0 << 100.0;
    QTest::newRow("short") << 5 << 0.3 << 25.0 << 1e4;
}

void TestSchedule::oneCycle()
{
    QFETCH(int, total);
    QFETCH(double, pctStart);
    QFETCH(double, divFactor);
    QFETCH(double, finalDivFactor);
    ScheduleSpec spec = specOf(Decay::OneCycle, 0.4, 0, total, 0.0);
    spec.pctStart = pctStart;
    spec.divFactor = divFactor;
    spec.finalDivFactor = finalDivFactor;
    for (int t = 0; t <= total + 3; ++t) {
        // torch accepts step_num up to total_steps; later steps stay at the value there.
        const double expected =
            torchOneCycle(0.4, total, pctStart, divFactor, finalDivFactor, std::min(t, total));
        const double lr = lrlab::learningRateAt(spec, t);
        QVERIFY2(sameRate(lr, expected),
                 qPrintable(mismatch(QString("step %1").arg(t), lr, expected)));
    }
    // The anchors by hand: starts at base/div_factor, ends at base/div_factor/final_div_factor.
    QVERIFY(nearlyEqual(lrlab::learningRateAt(spec, 0), 0.4 / divFactor));
    QVERIFY(nearlyEqual(lrlab::learningRateAt(spec, total - 1), 0.4 / divFactor / finalDivFactor));
    if (total == 100) {
        QVERIFY(nearlyEqual(lrlab::learningRateAt(spec, 29), 0.4)); // pct_start·T − 1 = 29
    }
}

void TestSchedule::cosineRestarts_data()
{
    QTest::addColumn<int>("warmup");
    QTest::addColumn<int>("t0"); // 0: the default max(1, T/4)
    QTest::addColumn<int>("tMult");
    QTest::newRow("t-mult-1") << 0 << 10 << 1;
    QTest::newRow("t-mult-1-default-t0") << 0 << 0 << 1;
    QTest::newRow("t-mult-2") << 0 << 8 << 2;
    QTest::newRow("t-mult-2-warmup") << 5 << 4 << 2;
    QTest::newRow("t-mult-2-default-t0") << 0 << 0 << 2;
}

void TestSchedule::cosineRestarts()
{
    QFETCH(int, warmup);
    QFETCH(int, t0);
    QFETCH(int, tMult);
    // T = 100, so the default t0 is 25.
    ScheduleSpec spec = specOf(Decay::CosineRestarts, 0.1, warmup, 100 + warmup, 0.002);
    spec.tMult = tMult;
    if (t0 > 0)
        spec.t0 = t0;
    const int period = t0 > 0 ? t0 : 25;
    // Runs three times past total_steps: restarts keep cycling (no clamp).
    const std::vector<double> expected =
        torchRestartsSequential(0.1, 0.002, period, tMult, 3 * spec.totalSteps);
    for (int tau = 0; tau < static_cast<int>(expected.size()); ++tau) {
        const double lr = lrlab::learningRateAt(spec, warmup + tau);
        QVERIFY2(sameRate(lr, expected[tau]),
                 qPrintable(mismatch(QString("tau %1").arg(tau), lr, expected[tau])));
    }
    // Each restart returns to the base rate.
    QVERIFY(nearlyEqual(lrlab::learningRateAt(spec, warmup + period), 0.1));
    if (tMult == 2)
        QVERIFY(nearlyEqual(lrlab::learningRateAt(spec, warmup + 3 * period), 0.1));
    else
        QVERIFY(nearlyEqual(lrlab::learningRateAt(spec, warmup + 7 * period), 0.1));
}

void TestSchedule::names()
{
    const std::vector<std::string> expected = {
        "constant", "cosine",          "linear",       "polynomial", "exponential",
        "step",     "cosine_restarts", "inverse_sqrt", "onecycle",   "wsd"};
    QVERIFY(lrlab::decayNames() == expected);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Decay decay = static_cast<Decay>(i);
        QCOMPARE(lrlab::decayName(decay), expected[i]);
        QVERIFY(lrlab::decayFromName(expected[i]) == decay);
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::decayFromName("cosine-restarts"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::decayFromName(""));

    const std::vector<std::string> shapes = {"linear", "cosine", "sqrt"};
    QVERIFY(lrlab::wsdShapeNames() == shapes);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const WsdShape shape = static_cast<WsdShape>(i);
        QCOMPARE(lrlab::wsdShapeName(shape), shapes[i]);
        QVERIFY(lrlab::wsdShapeFromName(shapes[i]) == shape);
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::wsdShapeFromName("Sqrt"));
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
