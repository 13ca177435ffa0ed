// Schedule recognition (core/analysis/schedule_fit.h): logs written from lrlab's own schedule
// function are recovered exactly, curves from outside the family are refused, and the real
// Hugging Face and Lightning logs under tests/data/logs/ are recognised.
#include "core/analysis/schedule_fit.h"
#include "core/config/config_json.h"
#include "tests/common/training_logs.h"

#include <QElapsedTimer>
#include <QtTest>

#include <cmath>

Q_DECLARE_METATYPE(lrlab::ScheduleSpec)
Q_DECLARE_METATYPE(lrlab::LoggedSeries)

namespace {

constexpr double kPi = 3.14159265358979323846;

/// The log a run of spec would write: every `every`-th step of its total, at logged step
/// t + offset the LR of step t (offset 1 as the HF Trainer, which logs after stepping).
lrlab::LoggedSeries logOf(const lrlab::ScheduleSpec& spec, int every, int offset)
{
    lrlab::LoggedSeries out;
    for (int logged = offset; logged < spec.totalSteps + offset; logged += every)
        if (logged > 0 || offset == 0)
            out.push_back({logged, lrlab::learningRateAt(spec, logged - offset)});
    return out;
}

bool close(double a, double b, double relative = 1e-9)
{
    return std::abs(a - b) <= relative * std::max(std::abs(a), std::abs(b));
}

lrlab::ScheduleSpec specWith(lrlab::Decay decay, double lr, int warmup, double startFactor)
{
    lrlab::ScheduleSpec s;
    s.decay = decay;
    s.learningRate = lr;
    s.warmupSteps = warmup;
    s.warmupStartFactor = startFactor;
    s.totalSteps = 300;
    return s;
}

/// torch.optim.lr_scheduler.OneCycleLR(max_lr, total_steps, three_phase=True) at step, cos
/// annealing: up to max_lr, back down to the initial rate, then to the final one (outside
/// lrlab's family, whose onecycle has two phases).
double threePhaseOneCycle(double maxLr, int total, int step)
{
    const double initial = maxLr / 25.0;
    const double minLr = initial / 1e4;
    const double ends[3] = {0.3 * total - 1.0, 2 * 0.3 * total - 2.0, total - 1.0};
    const double from[3] = {initial, maxLr, initial};
    const double to[3] = {maxLr, initial, minLr};
    double start = 0.0;
    for (int i = 0; i < 3; ++i) {
        if (step <= ends[i] || i == 2) {
            const double pct = (step - start) / (ends[i] - start);
            return to[i] + (from[i] - to[i]) / 2.0 * (std::cos(kPi * pct) + 1.0);
        }
        start = ends[i];
    }
    return minLr;
}

} // namespace

class TestScheduleFit : public QObject
{
    Q_OBJECT

private slots:
    void recoversOwnSchedules_data();
    void recoversOwnSchedules();
    void fitBecomesAConfig();
    void constantLog();
    void outsideTheFamilyFitsNothing_data();
    void outsideTheFamilyFitsNothing();
    void longLogIsFast();
    void huggingFaceWarmupCosine();
    void lightningOneCycle();
    void badLogsAreRefused_data();
    void badLogsAreRefused();
};

void TestScheduleFit::recoversOwnSchedules_data()
{
    QTest::addColumn<lrlab::ScheduleSpec>("spec");
    QTest::addColumn<int>("every");
    QTest::addColumn<int>("offset");
    using lrlab::Decay;
    QList<QPair<QString, lrlab::ScheduleSpec>> specs;
    for (const int warmup : {0, 30}) {
        const QString w = warmup > 0 ? QStringLiteral("-warmup") : QString();
        lrlab::ScheduleSpec s = specWith(Decay::Cosine, 3e-3, warmup, 0.0);
        s.minLr = 1e-5;
        specs.append({QStringLiteral("cosine") + w, s});
        s = specWith(Decay::Linear, 0.1, warmup, 0.0);
        specs.append({QStringLiteral("linear") + w, s});
        s = specWith(Decay::Polynomial, 0.05, warmup, 0.0);
        s.power = 2.0;
        s.minLr = 1e-4;
        specs.append({QStringLiteral("polynomial") + w, s});
        s = specWith(Decay::Exponential, 0.1, warmup, 0.0);
        s.gamma = 0.99;
        specs.append({QStringLiteral("exponential") + w, s});
        s = specWith(Decay::Step, 0.1, warmup, 0.0);
        s.gamma = 0.5;
        s.stepSize = 100;
        specs.append({QStringLiteral("step") + w, s});
        s = specWith(Decay::CosineRestarts, 0.01, warmup, 0.0);
        s.t0 = 50;
        s.tMult = 2;
        specs.append({QStringLiteral("cosine_restarts") + w, s});
        s = specWith(Decay::InverseSqrt, 0.01, warmup, 0.0);
        s.timescale = 40.0;
        specs.append({QStringLiteral("inverse_sqrt") + w, s});
        s = specWith(Decay::Wsd, 0.01, warmup, 0.0);
        s.shape = lrlab::WsdShape::Cosine;
        s.minLr = 1e-4;
        specs.append({QStringLiteral("wsd") + w, s});
        s = specWith(Decay::Constant, 0.01, warmup, 0.0);
        if (warmup > 0)
            specs.append({QStringLiteral("constant") + w, s});
    }
    specs.append({QStringLiteral("onecycle"), specWith(Decay::OneCycle, 3e-3, 0, 0.0)});
    lrlab::ScheduleSpec fromTenth = specWith(Decay::Cosine, 0.02, 40, 0.1);
    specs.append({QStringLiteral("cosine-warmup-from-0.1"), fromTenth});
    for (const auto& [name, spec] : specs)
        for (const int every : {1, 5})
            for (const int offset : {0, 1})
                QTest::addRow("%s-every%d-offset%d", qPrintable(name), every, offset)
                    << spec << every << offset;
}

void TestScheduleFit::recoversOwnSchedules()
{
    QFETCH(lrlab::ScheduleSpec, spec);
    QFETCH(int, every);
    QFETCH(int, offset);
    const lrlab::LoggedSeries log = logOf(spec, every, offset);
    const lrlab::ScheduleFit fit = lrlab::fitSchedule(log);
    const lrlab::ScheduleSpec& got = fit.schedule;
    const std::string found = lrlab::describeScheduleFit(fit);
    QVERIFY2(fit.fits && fit.maxRelativeError < 1e-9, found.c_str());
    QCOMPARE(lrlab::decayName(got.decay), lrlab::decayName(spec.decay));
    using lrlab::Decay;
    // These logs are the same curve at offset 0 and 1 (with another peak, warmup, timescale or
    // total): a warmup that does not start at 0, and without warmup the decays whose shifted
    // curve is again one of theirs. Only the fit is asserted; the offset-0 reading is preferred.
    const bool shiftInvariant =
        spec.warmupStartFactor > 0.0 ||
        (spec.warmupSteps == 0 &&
         (spec.decay == Decay::Exponential || spec.decay == Decay::InverseSqrt ||
          spec.decay == Decay::Wsd || spec.decay == Decay::Linear ||
          spec.decay == Decay::Polynomial || (spec.decay == Decay::Step && every > 1)));
    if (shiftInvariant) {
        QCOMPARE(fit.stepOffset, 0);
        return;
    }
    QCOMPARE(fit.stepOffset, offset);
    QVERIFY2(close(got.learningRate, spec.learningRate), found.c_str());
    QCOMPARE(got.warmupSteps, spec.warmupSteps);
    if (spec.warmupSteps > 0)
        QVERIFY(std::abs(got.warmupStartFactor - spec.warmupStartFactor) < 1e-9);
    QVERIFY2(std::abs(got.minLr - spec.minLr) < 1e-9 * spec.learningRate, found.c_str());
    switch (spec.decay) {
    case Decay::Cosine:
    case Decay::Linear:
    case Decay::Polynomial:
    case Decay::OneCycle:
        QCOMPARE(got.totalSteps, spec.totalSteps);
        break;
    default:
        break;
    }
    QVERIFY(close(got.power, spec.power));
    if (spec.gamma)
        QVERIFY2(got.gamma && close(*got.gamma, *spec.gamma), found.c_str());
    if (spec.decay == Decay::Step && every == 1)
        QCOMPARE(got.stepSize.value_or(0), *spec.stepSize);
    if (spec.decay == Decay::CosineRestarts) {
        QCOMPARE(got.t0.value_or(0), *spec.t0);
        QCOMPARE(got.tMult, spec.tMult);
    }
    if (spec.timescale)
        QVERIFY2(got.timescale && close(*got.timescale, *spec.timescale), found.c_str());
    if (spec.decay == Decay::OneCycle) {
        QVERIFY2(close(got.pctStart, spec.pctStart), found.c_str());
        QVERIFY2(close(got.divFactor, spec.divFactor), found.c_str());
        QVERIFY2(close(got.finalDivFactor, spec.finalDivFactor, 1e-6), found.c_str());
    }
    if (spec.decay == Decay::Wsd) {
        QCOMPARE(got.shape, spec.shape);
        QCOMPARE(std::llround(got.decayFraction * (got.totalSteps - got.warmupSteps)),
                 std::llround(spec.decayFraction * (spec.totalSteps - spec.warmupSteps)));
    }
}

void TestScheduleFit::fitBecomesAConfig()
{
    // The fitted schedule is the config reader's struct: written as the config's "schedule"
    // object and read back, it is the same schedule.
    lrlab::ScheduleSpec spec = specWith(lrlab::Decay::Cosine, 3e-3, 30, 0.0);
    const lrlab::ScheduleFit fit = lrlab::fitSchedule(logOf(spec, 5, 1));
    lrlab::RunConfig config;
    config.steps = fit.schedule.totalSteps;
    config.schedule = fit.schedule;
    const QJsonObject json = lrlab::runConfigToJson(config);
    QVERIFY(json.value(QStringLiteral("schedule")).isObject());
    const lrlab::LoadedConfig loaded = lrlab::runConfigFromJson(json, "fit");
    QVERIFY(loaded.config.schedule == fit.schedule);
}

void TestScheduleFit::constantLog()
{
    lrlab::LoggedSeries log;
    for (int step = 0; step < 1000; step += 7)
        log.push_back({step, 2.5e-4});
    const lrlab::ScheduleFit fit = lrlab::fitSchedule(log);
    QVERIFY(fit.fits);
    QCOMPARE(fit.schedule.decay, lrlab::Decay::Constant);
    QCOMPARE(fit.schedule.warmupSteps, 0);
    QCOMPARE(fit.schedule.learningRate, 2.5e-4);
    QCOMPARE(fit.maxRelativeError, 0.0);
}

void TestScheduleFit::outsideTheFamilyFitsNothing_data()
{
    QTest::addColumn<lrlab::LoggedSeries>("log");
    lrlab::LoggedSeries threePhase, piecewise, noisy;
    for (int step = 0; step < 600; step += 3)
        threePhase.push_back({step, threePhaseOneCycle(0.01, 600, step)});
    // Hand-made: a plateau, a drop, a ramp back up, a lower plateau.
    for (int step = 0; step < 600; ++step) {
        const double x = step / 600.0;
        piecewise.push_back({step, x < 0.4    ? 1e-3
                                   : x < 0.55 ? 3e-4
                                   : x < 0.7  ? 3e-4 + (x - 0.55) / 0.15 * 2e-4
                                              : 1e-4});
    }
    // A cosine with 5 % multiplicative noise (a deterministic pseudo-random sequence).
    unsigned state = 12345;
    for (int step = 0; step < 600; ++step) {
        state = state * 1103515245u + 12345u;
        const double noise = static_cast<double>((state >> 8) % 1001) / 1000.0 - 0.5;
        noisy.push_back(
            {step, 1e-3 * (0.5 + 0.5 * std::cos(kPi * step / 600.0)) * (1.0 + 0.1 * noise) + 1e-6});
    }
    QTest::newRow("three-phase-onecycle") << threePhase;
    QTest::newRow("hand-made-piecewise") << piecewise;
    QTest::newRow("noisy-cosine") << noisy;
}

void TestScheduleFit::outsideTheFamilyFitsNothing()
{
    QFETCH(lrlab::LoggedSeries, log);
    const lrlab::ScheduleFit fit = lrlab::fitSchedule(log);
    qInfo("%s", fit.reason.c_str());
    QVERIFY2(!fit.fits, lrlab::describeScheduleFit(fit).c_str());
    QVERIFY(fit.maxRelativeError > 10 * lrlab::kScheduleFitTolerance);
    QVERIFY(fit.reason.find(lrlab::decayName(fit.schedule.decay)) != std::string::npos);
    // A looser tolerance above its error accepts the same candidate.
    const lrlab::ScheduleFit loose = lrlab::fitSchedule(log, 2 * fit.maxRelativeError);
    QVERIFY(loose.fits);
    QVERIFY(loose.schedule == fit.schedule);
    QCOMPARE(loose.maxRelativeError, fit.maxRelativeError);
}

void TestScheduleFit::longLogIsFast()
{
    lrlab::ScheduleSpec spec = specWith(lrlab::Decay::Cosine, 1e-3, 2000, 0.01);
    spec.totalSteps = 100000;
    spec.minLr = 1e-6;
    const lrlab::LoggedSeries log = logOf(spec, 1, 0);
    QElapsedTimer timer;
    timer.start();
    const lrlab::ScheduleFit fit = lrlab::fitSchedule(log);
    qInfo("fitSchedule on %zu points: %lld ms, %s", log.size(), timer.elapsed(),
          lrlab::describeScheduleFit(fit).c_str());
    QVERIFY(fit.fits && fit.maxRelativeError < 1e-9);
    QCOMPARE(fit.schedule.totalSteps, spec.totalSteps);
    QCOMPARE(fit.schedule.warmupSteps, spec.warmupSteps);
}

void TestScheduleFit::huggingFaceWarmupCosine()
{
    // lr_scheduler_type "cosine", 3e-3, 30 warmup steps, 300 steps, logged every 5 steps after
    // the scheduler stepped (step 5 holds update 4's rate: offset 1).
    const lrlab::LoggedSeries log = lrlab::test::trainerStateSeries(
        lrlab::test::logFixture(QStringLiteral("hf_gpt2_warmup_cosine/trainer_state.json")),
        QStringLiteral("learning_rate"));
    QCOMPARE(log.size(), std::size_t{60});
    const lrlab::ScheduleFit fit = lrlab::fitSchedule(log);
    qInfo("hf_gpt2_warmup_cosine: %s", lrlab::describeScheduleFit(fit).c_str());
    QVERIFY(fit.fits);
    QCOMPARE(fit.schedule.decay, lrlab::Decay::Cosine);
    QCOMPARE(fit.schedule.warmupSteps, 30);
    QCOMPARE(fit.schedule.warmupStartFactor, 0.0);
    QVERIFY(close(fit.schedule.learningRate, 3e-3, 1e-9));
    QCOMPARE(fit.schedule.totalSteps, 300);
    QCOMPARE(fit.stepOffset, 1);
    QVERIFY(fit.maxRelativeError < 1e-9);
}

void TestScheduleFit::lightningOneCycle()
{
    // OneCycleLR(max_lr=3e-3, total_steps=450), torch's defaults, logged every 5 steps before
    // the step (step 4 holds update 4's rate: offset 0).
    const auto metrics = lrlab::test::lightningMetrics(
        lrlab::test::logFixture(QStringLiteral("lightning_digits_onecycle/metrics.csv")));
    const lrlab::LoggedSeries log = metrics.value(QStringLiteral("lr-AdamW"));
    QVERIFY(log.size() >= 80);
    const lrlab::ScheduleFit fit = lrlab::fitSchedule(log);
    qInfo("lightning_digits_onecycle: %s", lrlab::describeScheduleFit(fit).c_str());
    QVERIFY(fit.fits);
    QCOMPARE(fit.schedule.decay, lrlab::Decay::OneCycle);
    QVERIFY(close(fit.schedule.learningRate, 3e-3, 1e-9));
    QCOMPARE(fit.schedule.totalSteps, 450);
    QVERIFY(close(fit.schedule.pctStart, 0.3, 1e-9));
    QVERIFY(close(fit.schedule.divFactor, 25.0, 1e-9));
    QVERIFY(close(fit.schedule.finalDivFactor, 1e4, 1e-6));
    QCOMPARE(fit.stepOffset, 0);
}

void TestScheduleFit::badLogsAreRefused_data()
{
    QTest::addColumn<lrlab::LoggedSeries>("log");
    QTest::addColumn<QString>("message");
    QTest::newRow("one-point") << lrlab::LoggedSeries{{0, 1e-3}} << "1 point(s)";
    QTest::newRow("steps-back") << lrlab::LoggedSeries{{0, 1e-3}, {5, 1e-3}, {5, 1e-3}}
                                << "point 2 (step 5): steps must increase";
    QTest::newRow("negative-step")
        << lrlab::LoggedSeries{{-1, 1e-3}, {5, 1e-3}} << "point 0 (step -1): negative step";
    QTest::newRow("nan") << lrlab::LoggedSeries{{0, 1e-3}, {5, std::nan("")}}
                         << "point 1 (step 5): learning rate nan";
    QTest::newRow("all-zero") << lrlab::LoggedSeries{{0, 0.0}, {5, 0.0}} << "every learning rate";
}

void TestScheduleFit::badLogsAreRefused()
{
    QFETCH(lrlab::LoggedSeries, log);
    QFETCH(QString, message);
    try {
        lrlab::fitSchedule(log);
        QFAIL("no error");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
    }
}

QTEST_MAIN(TestScheduleFit)
#include "tst_schedule_fit.moc"
