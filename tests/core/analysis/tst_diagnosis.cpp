// Diagnosis (docs/semantics.md §2.6) on synthetic curves and on real toy runs.
#include "core/analysis/diagnosis.h"
#include "core/engine/toy_run.h"
#include "tests/common/loss_curves.h"
#include "tests/common/run_configs.h"

#include <QtTest>

#include <cmath>
#include <limits>

Q_DECLARE_METATYPE(lrlab::DiagnosisLabel)

using lrlab::test::lossCurve;

class TestDiagnosis : public QObject
{
    Q_OBJECT

private slots:
    void synthetic_data();
    void synthetic();
    void overfitting();
    void noisyMinibatchCurveIsNotOscillating();
    void toyRuns_data();
    void toyRuns();
    void slowProgress_data();
    void slowProgress();
    void digitsMlpAtAGoodRateConverges();
};

void TestDiagnosis::synthetic_data()
{
    QTest::addColumn<std::vector<double>>("loss");
    QTest::addColumn<double>("floor");
    QTest::addColumn<lrlab::DiagnosisLabel>("expected");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("exponential-decay") << lossCurve(200, [](int i) { return std::exp(-0.05 * i); })
                                       << 0.0 << lrlab::DiagnosisLabel::Converging;
    QTest::newRow("flat") << lossCurve(200, [](int i) { return 1.0 - 1e-4 * i / 200.0; }) << 0.0
                          << lrlab::DiagnosisLabel::Stagnating;
    QTest::newRow("ends-nan") << lossCurve(50, [nan](int i) { return i < 49 ? 1.0 + i : nan; })
                              << 0.0 << lrlab::DiagnosisLabel::Diverged;
    QTest::newRow("grows-20x") << lossCurve(100, [](int i) { return std::exp(0.03 * i); }) << 0.0
                               << lrlab::DiagnosisLabel::Diverged;
    QTest::newRow("bounces") << lossCurve(200, [](int i) { return 1.0 + 0.5 * (i % 2); }) << 0.0
                             << lrlab::DiagnosisLabel::Oscillating;
    QTest::newRow("decaying-zigzag-converges")
        << lossCurve(200, [](int i) { return std::exp(-0.05 * i) * (1.0 + 0.01 * (i % 2)); }) << 0.0
        << lrlab::DiagnosisLabel::Converging;
    // A negative floor (styblinski_tang's minimum is about −78.3) is handled as an offset.
    QTest::newRow("negative-floor")
        << lossCurve(200, [](int i) { return -78.0 + 50.0 * std::exp(-0.05 * i); }) << -78.33
        << lrlab::DiagnosisLabel::Converging;
}

void TestDiagnosis::synthetic()
{
    QFETCH(std::vector<double>, loss);
    QFETCH(double, floor);
    QFETCH(lrlab::DiagnosisLabel, expected);
    lrlab::LossHistory h;
    h.loss = loss;
    h.floor = floor;
    const lrlab::Diagnosis d = lrlab::diagnose(h);
    QVERIFY2(d.label == expected, (d.name + ": " + d.evidence).c_str());
    QCOMPARE(d.name, lrlab::diagnosisName(expected));
    QVERIFY(!d.advice.empty());
}

void TestDiagnosis::overfitting()
{
    lrlab::LossHistory h;
    h.loss = lossCurve(500, [](int i) { return std::exp(-0.01 * i); });
    h.noisy = true;
    // Validation falls, bottoms out at the 4th evaluation, then climbs 50 %.
    h.validation = {1.0, 0.6, 0.45, 0.40, 0.45, 0.52, 0.60};
    h.validationTrain = {1.0, 0.5, 0.3, 0.2, 0.1, 0.05, 0.02};
    QCOMPARE(lrlab::diagnose(h).label, lrlab::DiagnosisLabel::Overfitting);
    // Validation still at its minimum at the end: not overfitting.
    h.validation = {1.0, 0.6, 0.45, 0.40, 0.38, 0.37, 0.36};
    QCOMPARE(lrlab::diagnose(h).label, lrlab::DiagnosisLabel::Converging);
}

void TestDiagnosis::noisyMinibatchCurveIsNotOscillating()
{
    // Minibatch noise makes every other step go up; the smoothed curve still converges.
    lrlab::LossHistory h;
    h.loss =
        lossCurve(400, [](int i) { return std::exp(-0.01 * i) + 0.05 * ((i * 7919) % 13) / 13.0; });
    h.noisy = true;
    QCOMPARE(lrlab::diagnose(h).label, lrlab::DiagnosisLabel::Converging);
}

void TestDiagnosis::toyRuns_data()
{
    QTest::addColumn<double>("lr");
    QTest::addColumn<double>("momentum");
    QTest::addColumn<lrlab::DiagnosisLabel>("expected");
    QTest::newRow("huge-lr-diverges") << 0.3 << 0.0 << lrlab::DiagnosisLabel::Diverged;
    QTest::newRow("tiny-lr-stagnates") << 1e-5 << 0.0 << lrlab::DiagnosisLabel::Stagnating;
    QTest::newRow("good-lr-converges") << 0.1 << 0.0 << lrlab::DiagnosisLabel::Converging;
    QTest::newRow("underdamped-momentum-oscillates")
        << 0.19 << 0.99 << lrlab::DiagnosisLabel::Oscillating;
}

void TestDiagnosis::toyRuns()
{
    QFETCH(double, lr);
    QFETCH(double, momentum);
    QFETCH(lrlab::DiagnosisLabel, expected);
    lrlab::RunConfig c;
    c.problem.type = "quadratic";
    c.init = {1.0, 1.0};
    c.optimizer.momentum = momentum;
    c.schedule.learningRate = lr;
    c.steps = c.schedule.totalSteps = 300;
    const lrlab::ToyTrace t = lrlab::runToy(c);
    lrlab::LossHistory h;
    h.loss = t.loss;
    const lrlab::Diagnosis d = lrlab::diagnose(h);
    QVERIFY2(d.label == expected, (d.name + ": " + d.evidence).c_str());
}

void TestDiagnosis::slowProgress_data()
{
    // The window's default experiment: heavy-ball SGD (β = 0.9) on Rosenbrock from (−1.5, 2),
    // cosine decay over 2000 steps; each row changes it as the name says.
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<double>("lr");
    QTest::addColumn<lrlab::DiagnosisLabel>("expected");
    // 0.00055 × the stable limit: an early drop along the wall, then a crawl.
    QTest::newRow("sgd-1e-5-too-slow") << "sgd" << 1e-5 << lrlab::DiagnosisLabel::Stagnating;
    QTest::newRow("adam-1.5e-3-too-slow") << "adam" << 1.5e-3 << lrlab::DiagnosisLabel::Stagnating;
    QTest::newRow("default-converges") << "sgd" << 1.5e-3 << lrlab::DiagnosisLabel::Converging;
    QTest::newRow("adam-0.03-converges") << "adam" << 0.03 << lrlab::DiagnosisLabel::Converging;
    QTest::newRow("sgd-1e-2-diverges") << "sgd" << 1e-2 << lrlab::DiagnosisLabel::Diverged;
}

void TestDiagnosis::slowProgress()
{
    QFETCH(QString, optimizer);
    QFETCH(double, lr);
    QFETCH(lrlab::DiagnosisLabel, expected);
    lrlab::RunConfig c = lrlab::test::rosenbrockRun(lr, 2000, optimizer.toStdString());
    if (optimizer == QLatin1String("sgd"))
        c.optimizer.momentum = 0.9;
    c.schedule.decay = lrlab::Decay::Cosine;
    lrlab::LossHistory h;
    h.loss = lrlab::runToy(c).loss;
    const lrlab::Diagnosis d = lrlab::diagnose(h);
    QVERIFY2(d.label == expected, (d.name + ": " + d.evidence).c_str());
    if (d.label == lrlab::DiagnosisLabel::Stagnating)
        QVERIFY2(d.evidence.rfind("too slow", 0) == 0, d.evidence.c_str());
}

void TestDiagnosis::digitsMlpAtAGoodRateConverges()
{
    const lrlab::RunConfig c = lrlab::test::digitsMlp(64, 3e-3, 1000, "adam");
    const lrlab::Diagnosis d = lrlab::test::diagnoseModel(lrlab::test::trainModel(c).trace);
    QVERIFY2(d.label == lrlab::DiagnosisLabel::Converging, (d.name + ": " + d.evidence).c_str());
}

QTEST_GUILESS_MAIN(TestDiagnosis)
#include "tst_diagnosis.moc"
